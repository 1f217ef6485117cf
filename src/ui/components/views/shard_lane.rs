//! One shard's lane: its status and lineage, its time axis, and a window of its newest records.

use super::{focus_tag, lane_timeline, selected_stream, sequence_detail, time_of_day, SequenceDetailProps};
use crate::engine::{shard_id, Stream};
use crate::lean::Fixed;
use crate::time::{format_duration, format_short, Millis};
use crate::ui::components::markup::{shard_cls, text_el};
use crate::ui::use_playground;
use crate::view::lanes::newest_window;
use crate::view::readers::shorten;
use yew::prelude::*;

/// Rows shown per page of a lane.
const ROWS: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ShardLaneProps {
    pub index: u32,
    /// The time axis' length.
    pub span: Millis,
    /// Whether the records table starts open (it does for streams with few shards).
    pub open_by_default: bool,
}

fn lineage_line(stream: &Stream, index: u32) -> Option<String> {
    let shard = stream.shard(index)?;
    let ids = |v: Vec<u32>| v.into_iter().map(shard_id).collect::<Vec<_>>().join(" and ");
    let children: Vec<u32> = stream.children_of(index).map(|c| c.index).collect();
    if let Some(at) = shard.closed_ms {
        let how = if children.len() == 1 { "merge" } else { "split" };
        return Some(format!("Closed by a {how} at {}; its records now go to {}.", format_short(at), ids(children)));
    }
    match shard.parents.len() {
        0 => None,
        1 => Some(format!("Split from {}.", ids(shard.parents.clone()))),
        _ => Some(format!("Merged from {}.", ids(shard.parents.clone()))),
    }
}

#[function_component(ShardLane)]
pub fn shard_lane(props: &ShardLaneProps) -> Html {
    let handle = use_playground();
    let skip = use_state(|| 0usize);
    let picked = use_state(|| None::<u64>);
    let open = use_state(|| None::<bool>);
    let p = handle.view();
    let Some(stream) = selected_stream(&p) else { return html! {} };
    let Some(shard) = stream.shard(props.index) else { return html! {} };
    let now = p.console().engine().now_ms();
    let focus = p.focus();
    let focused = focus.is_some_and(|f| f.has_shard(&stream.name, props.index));
    let expanded = (*open).unwrap_or(props.open_by_default);
    let rows = if expanded { newest_window(shard, *skip, ROWS) } else { Vec::new() };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(Some(!expanded)))
    };
    let total = shard.record_count();
    let retention = stream.retention_ms();
    let ages_out = shard.records().next().map(|r| r.arrival_ms + retention - now);
    let readers: Vec<String> = p
        .readers
        .iter()
        .filter(|r| r.stream == stream.name && r.shard_index == props.index)
        .map(|r| match r.position {
            Some(pos) => format!("{} waits at record #{pos}", r.var),
            None if r.last.as_ref().is_some_and(|g| g.child_shards.is_some()) => {
                format!("{} read this shard to its end", r.var)
            }
            None => format!("{} has no live iterator", r.var),
        })
        .collect();
    let detail = (*picked).filter(|_| expanded).and_then(|c| shard.record_at(c)).map(|r| {
        let previous = match c_prev(shard, r.sequence_number.counter) {
            Some(prev) => prev,
            None => shard.starting_sequence_number().to_string(),
        };
        let close = {
            let picked = picked.clone();
            Callback::from(move |()| picked.set(None))
        };
        sequence_detail(&SequenceDetailProps {
            sequence_number: r.sequence_number.to_string().into(),
            previous: Some(AttrValue::from(previous)),
            on_close: close,
        })
    });
    let row_html = rows.iter().map(|row| {
        let counter = row.counter;
        let pick = {
            let picked = picked.clone();
            Callback::from(move |_| picked.set(Some(counter)))
        };
        html! {
            <tr key={row.sequence_number.clone()} class={classes!(focus.is_some_and(|f| f.has_key(&stream.name, &row.partition_key)).then_some("lesson-focus"))}>
                <td><button class="seq-button" onclick={pick} title={row.sequence_number.clone()}
                        aria-label={format!("Decode sequence number {}", row.sequence_number)}>
                    { format!("#{} ", row.counter) }{ text_el("span", "seq-button__digits", shorten(&row.sequence_number, 4).into()) }</button></td>
                { text_el("td", "lane-rows__time", time_of_day(row.arrival_ms).into()) }
                { text_el("td", "lane-rows__key", row.partition_key.clone().into()) }
                { text_el("td", "lane-rows__data", row.preview.clone().into()) }
            </tr>
        }
    });
    let page = |d: isize| {
        let skip = skip.clone();
        Callback::from(move |_| skip.set((*skip as isize + d * ROWS as isize).max(0) as usize))
    };
    let range = shard.hash_key_range;
    html! {
        <article class={classes!("lane", (!shard.is_open()).then_some("lane--closed"), focused.then_some("lesson-focus"))}
            aria-label={format!("{} lane", shard.shard_id())}>
            <header class="lane__head">
                <span class={shard_cls("shard-chip", props.index)}>{ shard.shard_id() }</span>
                <span class={classes!("badge", if shard.is_open() { "badge--open" } else { "badge--closed" })}>
                    { if shard.is_open() { "OPEN" } else { "CLOSED" } }</span>
                { focus_tag(focused) }
                { text_el("span", "lane__meta", (format!("hash keys {} %–{} % · {} record(s) kept",
                    Fixed(range.start_fraction() * 100.0, 1), Fixed(range.end_fraction() * 100.0, 1), total)).into()) }
                <button class="button button--small lane__toggle" onclick={toggle} aria-expanded={expanded.to_string()}
                    aria-label={format!("{} records of {}", if expanded { "Hide" } else { "Show" }, shard.shard_id())}>
                    { if expanded { "Hide records" } else { "Show records" } }</button>
            </header>
            if let Some(line) = lineage_line(stream, props.index) { { text_el("p", "lane__lineage", line.into()) } }
            if let Some(end) = shard.ending_sequence_number() {
                <p class="lane__lineage">{ "EndingSequenceNumber " }<code title={end.to_string()}>{ shorten(&end.to_string(), 8) }</code></p>
            }
            if !readers.is_empty() {
                <p class="lane__readers">{ for readers.iter().map(|r| text_el("span", "lane__reader", r.clone().into())) }</p>
            }
            { lane_timeline(shard, now, props.span, retention) }
            { text_el("p", "lane__retention", (match ages_out {
                Some(ms) => format!("Retention {}: the oldest record here ages out in {}.", format_duration(retention), super::whole_seconds(ms)),
                None => format!("Retention {}: no records kept.", format_duration(retention)),
            }).into()) }
            if expanded && !rows.is_empty() {
                <table class="lane-rows">
                    <thead><tr>{ text_el("th", "", AttrValue::Static("Sequence number")) }{ text_el("th", "", AttrValue::Static("Arrived")) }{ text_el("th", "", AttrValue::Static("Partition key")) }{ text_el("th", "", AttrValue::Static("Data")) }</tr></thead>
                    <tbody>{ for row_html }</tbody>
                </table>
                <div class="lane__pager">
                    <button class="button button--small" onclick={page(1)} disabled={*skip + ROWS >= total}>{ "Older" }</button>
                    { text_el("span", "", format!("newest {}–{} of {}", *skip + 1, (*skip + ROWS).min(total), total).into()) }
                    <button class="button button--small" onclick={page(-1)} disabled={*skip == 0}>{ "Newer" }</button>
                </div>
            }
            { detail.unwrap_or_default() }
        </article>
    }
}

/// The sequence number of the record before `counter` in the shard, if it is still kept.
fn c_prev(shard: &crate::engine::Shard, counter: u64) -> Option<String> {
    shard.record_at(counter.checked_sub(1)?).map(|r| r.sequence_number.to_string())
}
