//! The lineage of a stream's shards: every shard's hash range over time, open or closed, parents -> children,
//! with split and merge actions that run the console commands.

use super::{selected_stream, short_shard, store_value};
use crate::engine::shard_id;
use crate::lean::Fixed;
use crate::time::format_short;
use crate::ui::components::markup::{shard_cls, text_el};
use crate::ui::{Origin, PlaygroundHandle};
use yew::prelude::*;

/// A plain function of the capacity region's handle and split-key state, not a component of its own (which would
/// cost the page's wasm Yew's per-component code).
pub fn lineage(handle: &PlaygroundHandle, split_key: UseStateHandle<String>) -> Html {
    let p = handle.view();
    let Some(stream) = selected_stream(&p) else { return html! {} };
    let name = stream.name.clone();
    let mut shards: Vec<_> = stream.shards.iter().collect();
    crate::lean::sort_by_key(&mut shards, |s| (s.created_ms, s.index));
    let run = |line: String| {
        let handle = handle.clone();
        Callback::from(move |_| {
            handle.run(&line, Origin::Control);
        })
    };
    let key_text: String = split_key.chars().filter(char::is_ascii_digit).collect();
    let rows = shards.iter().map(|s| {
        let r = s.hash_key_range;
        let (left, width) = (r.start_fraction() * 100.0, (r.end_fraction() - r.start_fraction()) * 100.0);
        let at = if key_text.is_empty() { r.midpoint().to_string() } else { key_text.clone() };
        let split = format!("aws kinesis split-shard --stream-name {name} --shard-to-split {} --new-starting-hash-key {at}", s.shard_id());
        let parents = if s.parents.is_empty() { String::new() } else {
            format!(" · from {}", s.parents.iter().map(|&i| short_shard(i)).collect::<Vec<_>>().join(" + "))
        };
        let when = match s.closed_ms {
            Some(c) => format!("{} → closed {}", format_short(s.created_ms), format_short(c)),
            None => format!("since {}", format_short(s.created_ms)),
        };
        html! {
            <li key={s.index} class={classes!("lineage__row", (!s.is_open()).then_some("lineage__row--closed"))}>
                { text_el("span", "lineage__name", format!("{}{parents}", s.shard_id()).into()) }
                <span class="lineage__track" aria-hidden="true">
                    <span class={shard_cls("lineage__range", s.index)} style={format!("left:{}%;width:{}%", Fixed(left, 3), Fixed(width, 3))}></span>
                </span>
                { text_el("span", "lineage__when", when.into()) }
                if s.is_open() {
                    <button class="button button--small" onclick={run(split)}
                        aria-label={format!("Split {}", s.shard_id())}>{ "Split" }</button>
                }
            </li>
        }
    });
    let mut open: Vec<_> = stream.open_shards().collect();
    crate::lean::sort_by_key(&mut open, |s| s.hash_key_range.starting_hash_key);
    let merges = open.windows(2).filter_map(|w| {
        let (a, b) = (w[0], w[1]);
        (a.hash_key_range.ending_hash_key.checked_add(1) == Some(b.hash_key_range.starting_hash_key)).then(|| {
            let line = format!(
                "aws kinesis merge-shards --stream-name {name} --shard-to-merge {} --adjacent-shard-to-merge {}",
                shard_id(a.index),
                shard_id(b.index)
            );
            html! { <button key={format!("{}-{}", a.index, b.index)} class="button button--small" onclick={run(line)}>
            { format!("Merge {} + {}", short_shard(a.index), short_shard(b.index)) }</button> }
        })
    });
    let on_key = store_value::<_, InputEvent>(&split_key);
    html! {
        <div class="lineage">
            { text_el("h3", "lineage__title", AttrValue::Static("Lineage: splits and merges")) }
            <p class="lineage__hint">{ "A split closes a shard and opens two children that share its range; a merge \
                closes two neighbours and opens one. Both take effect when the stream's UPDATING ends (a few seconds; \
                until then the old shards take reads and writes as before). Readers drain a closed parent to its end \
                before reading its children, so order per key is kept." }</p>
            <ol class="lineage__list">{ for rows }</ol>
            <div class="lineage__actions">
                <label class="field field--inline">
                    { text_el("span", "field__label", AttrValue::Static("Split at hash key (empty: the midpoint)")) }
                    <input class="field__input" type="text" inputmode="numeric" value={(*split_key).clone()} oninput={on_key} />
                </label>
                <div class="lineage__merges" role="group" aria-label="Merge adjacent open shards">{ for merges }</div>
            </div>
        </div>
    }
}
