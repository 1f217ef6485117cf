//! The capacity region: per-shard meters named like the CloudWatch shard metrics, against the shard limits, each
//! shard's write tank, and
//! the lineage of splits and merges.

use super::{lineage, selected_stream};
use crate::engine::capacity::{READ_BYTES_PER_SEC, READ_CALLS_PER_SEC, WRITE_BYTES_PER_SEC, WRITE_RECORDS_PER_SEC};
use crate::engine::metrics::SecondStats;
use crate::engine::tank::TANK_CAPACITY_BYTES;
use crate::engine::{Shard, StreamMode};
use crate::lean::Fixed;
use crate::time::Millis;
use crate::ui::components::markup::{cls, shard_cls, text_el};
use crate::ui::components::region;
use crate::ui::use_playground;
use crate::view::consumers::{fan_out_bytes, FAN_OUT_LIMIT};
use yew::prelude::*;

/// `34 B`, `12.5 KiB`, `1 MiB` for bytes; plain numbers otherwise.
fn amount(n: u64, unit: &str) -> String {
    match (unit, n) {
        ("B", n) if n >= 1024 * 1024 => format!("{} MiB", Fixed(n as f64 / 1048576.0, 3)).replace(".000", ""),
        ("B", n) if n >= 1024 => format!("{} KiB", Fixed(n as f64 / 1024.0, 1)),
        ("B", n) => format!("{n} B"),
        (_, n) => n.to_string(),
    }
}

/// A meter of this second against a limit. `hard`: the limit holds per second (a value at it is the limit reached);
/// otherwise it is an average the tank allows a second to pass, so the meter is not shown as full.
fn meter(name: &str, now_value: u64, minute_peak: u64, limit: u64, unit: &str, hard: bool) -> Html {
    let pct = (now_value as f64 / limit.max(1) as f64 * 100.0).min(100.0);
    let full = hard && now_value >= limit;
    let per = if hard { "/s" } else { "/s on average" };
    html! {
        <div class={cls("meter", full.then_some("meter--full"))}>
            { text_el("span", "meter__name", name.to_owned().into()) }
            <span class="meter__track" role="meter" aria-label={name.to_owned()} aria-valuemin="0"
                aria-valuemax={limit.to_string()} aria-valuenow={now_value.to_string()}>
                <span class="meter__fill" style={format!("width:{}%", Fixed(pct, 1))}></span>
            </span>
            { text_el("span", "meter__value", format!("{} of {}{per} · peak {}", amount(now_value, unit), amount(limit, unit), amount(minute_peak, unit)).into()) }
        </div>
    }
}

/// The shard's write tank: bytes it can take at once (10 MiB full, refilled at 1 MiB/s).
fn tank_meter(shard: &Shard, now: Millis) -> Html {
    let level = shard.meter.write_tank.level_bytes(now);
    let pct = level as f64 / TANK_CAPACITY_BYTES as f64 * 100.0;
    let low = level < WRITE_BYTES_PER_SEC;
    html! {
        <div class={classes!("meter", "meter--tank", low.then_some("meter--low"))}>
            { text_el("span", "meter__name", AttrValue::Static("Write tank")) }
            <span class="meter__track" role="meter" aria-label="Write tank" aria-valuemin="0"
                aria-valuemax={TANK_CAPACITY_BYTES.to_string()} aria-valuenow={level.to_string()}>
                <span class="meter__fill" style={format!("width:{}%", Fixed(pct, 1))}></span>
            </span>
            { text_el("span", "meter__value", format!("{} of {} · refills 1 MiB/s", amount(level, "B"), amount(TANK_CAPACITY_BYTES, "B")).into()) }
        </div>
    }
}

/// The read side of a shard: what every GetRecords reader shares (the page's readers, the data viewer, polling
/// applications), then each enhanced fan-out consumer's own 2 MiB/s.
fn read_meters(
    shard: &Shard,
    this: &SecondStats,
    peak: impl Fn(fn(&SecondStats) -> u64) -> u64,
    fan_out: &[(String, u64, u64)],
) -> Html {
    html! {
        <>
            { text_el("p", "capacity-group", AttrValue::Static("Shared by every GetRecords reader")) }
            { meter("OutgoingBytes", this.outgoing_bytes, peak(|b| b.outgoing_bytes), READ_BYTES_PER_SEC, "B", true) }
            { meter("GetRecords calls", u64::from(this.get_records_calls), peak(|b| u64::from(b.get_records_calls)),
                u64::from(READ_CALLS_PER_SEC), "/s", true) }
            if !fan_out.is_empty() {
                { text_el("p", "capacity-group", format!("Enhanced fan-out: each consumer its own 2 MiB/s from {}", shard.shard_id()).into()) }
                { for fan_out.iter().map(|(name, bytes, peak)| meter(name, *bytes, *peak, FAN_OUT_LIMIT, "B", true)) }
            }
        </>
    }
}

fn shard_meters(shard: &Shard, now: Millis, fan_out: &[(String, u64, u64)]) -> Html {
    let this = shard.meter.at(now).copied().unwrap_or_default();
    let minute: Vec<_> = shard.meter.recent(now, 60).copied().collect();
    let peak = |f: fn(&SecondStats) -> u64| minute.iter().map(f).max().unwrap_or(0);
    let sum = |f: fn(&SecondStats) -> u64| minute.iter().map(f).sum::<u64>();
    let (wpte, rpte) = (sum(|b| b.write_throttled), sum(|b| b.read_throttled));
    let age = minute.iter().map(|b| b.iterator_age_ms).max().unwrap_or(0);
    html! {
        <div key={shard.index} class={cls("capacity-shard", (wpte + rpte > 0).then_some("capacity-shard--throttled"))}>
            <span class={shard_cls("shard-chip", shard.index)}>{ shard.shard_id() }</span>
            { meter("IncomingBytes", this.incoming_bytes, peak(|b| b.incoming_bytes), WRITE_BYTES_PER_SEC, "B", false) }
            { tank_meter(shard, now) }
            { meter("IncomingRecords", this.incoming_records, peak(|b| b.incoming_records), WRITE_RECORDS_PER_SEC, "/s", true) }
            { read_meters(shard, &this, peak, fan_out) }
            <p class="capacity-counts">
                <span class={classes!((wpte > 0).then_some("is-bad"))}>{ format!("WriteProvisionedThroughputExceeded: {wpte}") }</span>
                <span class={classes!((rpte > 0).then_some("is-bad"))}>{ format!("ReadProvisionedThroughputExceeded: {rpte}") }</span>
                { text_el("span", "", format!("IteratorAgeMilliseconds: {age}").into()) }
                { text_el("span", "capacity-counts__note", AttrValue::Static("(last minute)")) }
            </p>
        </div>
    }
}

#[function_component(CapacityRegion)]
pub fn capacity_region() -> Html {
    let handle = use_playground();
    let split_key = use_state(String::new);
    let p = handle.view();
    let engine = p.console().engine();
    let now = engine.now_ms();
    let intro = html! {
        { "Every open shard takes at most 1,000 records a second in, and 1 MiB a second on average: its write \
           bytes come out of a tank that holds 10 MiB and refills at 1 MiB a second, so an idle shard takes a \
           burst (or one record of up to 10 MiB) at once. Out, it serves 5 GetRecords calls and 2 MiB a second, \
           shared by every polling reader; each enhanced fan-out consumer has 2 MiB a second of its own. Past \
           that, calls fail with ProvisionedThroughputExceededException. The meters are named like the \
           CloudWatch metrics and show this second against the limit." }
    };
    let Some(stream) = selected_stream(&p) else {
        return html! { { region("Capacity", "capacity", intro, html! { <>
        { text_el("p", "region__empty", AttrValue::Static("Meters appear once a stream exists.")) }</> }) } };
    };
    let on_demand = (stream.mode == StreamMode::OnDemand).then(|| html! {
        <p class="capacity-note">{ "On-demand: the stream starts with 4 shards. When its busiest second in the last \
            minute passes half of its write capacity, the playground splits the hottest shards at their midpoints \
            (at most doubling the shard count, at most once every 15 minutes) and never merges them back. One \
            partition key still lives in one shard, so a hot key is throttled at one shard's limit." }</p>
    });
    html! {
        { region("Capacity", "capacity", intro, html! { <>
            { on_demand.unwrap_or_default() }
            <div class="capacity-list">{ for stream.open_shards().map(|s| shard_meters(s, now, &fan_out_bytes(engine, &stream.name, s.index))) }</div>
            { lineage(&handle, split_key) }
        </> }) }
    }
}
