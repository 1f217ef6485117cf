//! Enhanced fan-out: the consumers registered with the selected stream (Register, Deregister, Subscribe), and per
//! shard a timeline of the events pushed to each consumer, with subscriptions and their 5-minute renewals marked.

use super::kit::{run_button, submit_runs, text_table};
use super::shard_class;
use crate::engine::Stream;
use crate::lean::Fixed;
use crate::ui::components::controls::shell_quote;
use crate::ui::{Playground, PlaygroundHandle};
use crate::view::consumers::{consumer_table, fan_out_lanes, subscribe_line, time_of_day, Row, TIMELINE_MS};
use yew::prelude::*;

/// The Register form's line for a consumer name.
pub fn register(handle: &PlaygroundHandle, stream: &Stream, name: &str) -> Callback<SubmitEvent> {
    let line = format!(
        "aws kinesis register-stream-consumer --stream-arn {} --consumer-name {}",
        stream.arn,
        shell_quote(name.trim())
    );
    submit_runs(handle, Some(line))
}

/// The registered consumers, each with Subscribe (to `shard` from `start`) and Deregister.
pub fn registered(handle: &PlaygroundHandle, stream: &Stream, now: i64, shard: u32, start: &str) -> Html {
    let table = consumer_table(stream, now);
    if table.rows.is_empty() {
        return html! { <p class="region__empty">{ "No consumer is registered with this stream. A registered consumer gets its own 2 MiB/s per shard, pushed to it with SubscribeToShard." }</p> };
    }
    let actions = |r: &Row| {
        let subscribe = r.cells[1] == "ACTIVE";
        html! { <>
            if subscribe { { run_button(handle, "Subscribe 30 s".into(), subscribe_line(&r.key, shard, start)) } }
            { run_button(handle, "Deregister".into(), format!("aws kinesis deregister-stream-consumer --consumer-arn {}", r.key)) }
        </> }
    };
    text_table("Registered consumers".into(), &table, Some(&actions))
}

/// Per shard and consumer: pushed events over the last 6 minutes, subscriptions and renewals marked, the latest
/// events in words.
pub fn timeline(p: &Playground, stream: &Stream) -> Html {
    let now = p.console().engine().now_ms();
    let lanes = fan_out_lanes(p.console().engine(), stream);
    if lanes.is_empty() {
        return html! { <p class="region__empty">{ "No subscription yet: Subscribe a registered consumer, or add an application with enhanced fan-out. Its pushed events show here, shard by shard." }</p> };
    }
    html! {
        <div class="fan-out-lanes">
            <p class="lane-axis"><span>{ time_of_day(now - TIMELINE_MS) }</span><span>{ format!("now {}", time_of_day(now)) }</span></p>
            { for lanes.iter().map(|l| html! {
                <div class="fan-out-lane">
                    <p class="fan-out-lane__head">
                        <span class={classes!("shard-chip", shard_class(l.shard_index))}>{ crate::engine::shard_id(l.shard_index) }</span>
                        { format!(" {} · {} records pushed{}", l.consumer, l.records,
                            l.open_until.map(|t| format!(" · renews at {}", time_of_day(t))).unwrap_or_default()) }
                    </p>
                    <div class="fan-out-track">
                        { for l.buckets.iter().enumerate().filter(|(_, h)| **h > 0).map(|(i, h)| html! {
                            <span class={classes!("fan-out-track__bar", shard_class(l.shard_index))}
                                style={format!("left:{}%;height:{h}%", i * 100 / l.buckets.len())}></span> }) }
                        { for l.marks.iter().map(|m| html! { <span class="fan-out-track__mark" title={m.text.clone()} style={format!("left:{}%", Fixed(m.left, 1))}></span> }) }
                    </div>
                    <ul class="fan-out-lane__events">
                        { for l.marks.iter().rev().take(2).map(|m| html! { <li class="fan-out-lane__mark">{ m.text.clone() }</li> }) }
                        { for l.latest.iter().map(|e| html! { <li>{ e.clone() }</li> }) }
                    </ul>
                </div> }) }
        </div>
    }
}
