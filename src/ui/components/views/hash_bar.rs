//! The 128-bit hash key space as a bar cut into the open shards' ranges, with recent records and a key marker.

use super::{shard_class, short_shard};
use crate::engine::hash_key::{fraction, hash_key_of};
use crate::engine::Stream;
use crate::lean::Fixed;
use crate::ui::components::markup::text_el;
use yew::prelude::*;

/// How many recent records are drawn as ticks on the bar.
const RECENT: usize = 200;

/// An open shard's slice: (index, StartingHashKey, EndingHashKey).
pub type Segment = (u32, u128, u128);
/// Recent records of one palette colour: (colour index 0..7, SVG path with one vertical tick per record). One
/// path per colour, not one element per record, so a clock tick changes at most 8 attributes.
pub type Tick = (u32, String);

pub struct HashBarProps {
    /// Open shards: (index, starting hash key, ending hash key), sorted by starting key.
    pub segments: Vec<Segment>,
    /// Recent records: (stable key, position 0..1, shard index).
    pub ticks: Vec<Tick>,
    /// Where the explored key lands (0..1).
    pub marker: Option<f64>,
    /// Shards the current lesson step talks about (outlined).
    pub focus: Vec<u32>,
}

/// The segments and ticks of a stream, cheap to compute (O(shards + RECENT)).
pub fn bar_model(stream: &Stream) -> (Vec<Segment>, Vec<Tick>) {
    let mut segments: Vec<_> = stream
        .open_shards()
        .map(|s| (s.index, s.hash_key_range.starting_hash_key, s.hash_key_range.ending_hash_key))
        .collect();
    crate::lean::sort_by_key(&mut segments, |s| s.1);
    let per_shard = RECENT / stream.shards.len().max(1) + 1;
    let mut paths: [String; 8] = Default::default();
    for s in &stream.shards {
        let from = s.next_counter().saturating_sub(per_shard as u64);
        let d = &mut paths[(s.index % 8) as usize];
        for r in s.records_from(from) {
            d.push_str(&format!("M{} 0v10", Fixed(fraction(hash_key_of(r.partition_key)) * 1000.0, 1)));
        }
    }
    let ticks = paths.into_iter().zip(0u32..).filter(|(d, _)| !d.is_empty()).map(|(d, i)| (i, d)).collect();
    (segments, ticks)
}

fn setter<E>(state: &UseStateHandle<Option<usize>>, value: Option<usize>) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |_| state.set(value))
}

/// A plain function of the hash key space region's props and hover state, not a component of its own (which would
/// cost the page's wasm Yew's per-component code).
pub fn hash_bar(props: &HashBarProps, focused: UseStateHandle<Option<usize>>) -> Html {
    let segments = props.segments.iter().enumerate().map(|(i, &(index, start, end))| {
        let left = fraction(start) * 100.0;
        let width = ((end as f64 + 1.0) / 2f64.powi(128) - fraction(start)) * 100.0;
        let name = format!("shardId-{index:012}: hash keys {start} to {end}");
        let label = if width > 9.0 { short_shard(index) } else { index.to_string() };
        html! {
            <div key={index} class={classes!("keyspace-seg", shard_class(index), props.focus.contains(&index).then_some("lesson-focus"))} tabindex="0" role="img"
                aria-label={name.clone()} title={name}
                style={format!("left:{}%;width:{}%", Fixed(left, 4), Fixed(width, 4))}
                onmouseenter={setter(&focused, Some(i))} onfocus={setter(&focused, Some(i))}
                onmouseleave={setter(&focused, None)} onblur={setter(&focused, None)}>
                { text_el("span", "keyspace-seg__label", label.into()) }
            </div>
        }
    });
    let ticks = props.ticks.iter().map(|(colour, d)| {
        html! { <path key={*colour} class={format!("tick-{colour}")} d={d.clone()} /> }
    });
    let detail = match (*focused).and_then(|i| props.segments.get(i)) {
        Some(&(index, start, end)) => html! {
            <p class="keyspace-detail">
                { text_el("strong", "", format!("shardId-{index:012}").into()) }
                { " owns hash keys " }{ text_el("code", "", start.to_string().into()) }{ " to " }{ text_el("code", "", end.to_string().into()) }
            </p>
        },
        None => html! {
            <p class="keyspace-detail keyspace-detail--hint">
                { "Point at or tab to a shard to see its exact StartingHashKey and EndingHashKey." }
            </p>
        },
    };
    html! {
        <div class="keyspace">
            <div class="keyspace-bar" role="group" aria-label="Open shards' hash key ranges">
                { for segments }
                if let Some(f) = props.marker {
                    <div class="keyspace-marker" style={format!("left:{}%", Fixed(f * 100.0, 4))} aria-hidden="true"></div>
                }
            </div>
            <svg class="keyspace-ticks" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true">
                { for ticks }
            </svg>
            { detail }
        </div>
    }
}
