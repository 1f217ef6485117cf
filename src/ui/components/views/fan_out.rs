//! Enhanced fan-out: the consumers registered with the selected stream (Register, Deregister, Subscribe), and per
//! shard a timeline of the events pushed to each consumer, with subscriptions and their 5-minute renewals marked.

use super::text_table::text_table;
use super::{event_value, selected_stream, shard_class, store_value};
use crate::ui::components::controls::shell_quote;
use crate::ui::{use_playground, Origin};
use crate::view::consumers::{consumer_table, fan_out_lanes, subscribe_line, time_of_day, Row};
use yew::prelude::*;

#[function_component(RegisteredConsumers)]
pub fn registered_consumers() -> Html {
    let handle = use_playground();
    let name = use_state(|| "app-1".to_owned());
    let shard = use_state(|| 0u32);
    let start = use_state(|| "LATEST".to_owned());
    let p = handle.view();
    let Some(stream) = selected_stream(&p) else { return html! {} };
    let now = p.console().engine().now_ms();
    let table = consumer_table(stream, now);
    let run = |line: String| {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            handle.run(&line, Origin::Control);
        })
    };
    let register = {
        let (handle, name, arn) = (handle.clone(), name.clone(), stream.arn.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let line = format!(
                "aws kinesis register-stream-consumer --stream-arn {arn} --consumer-name {}",
                shell_quote(name.trim())
            );
            handle.run(&line, Origin::Control);
        })
    };
    let shard_index = if stream.shard(*shard).is_some() { *shard } else { 0 };
    let actions = |r: &Row| {
        let active = r.cells.get(1).is_some_and(|s| s == "ACTIVE");
        html! { <>
            <button class="button button--small" disabled={!active} onclick={run(subscribe_line(&r.key, shard_index, &start))}
                title="Runs sim subscribe-to-shard for 30 simulated seconds">{ "Subscribe 30 s" }</button>
            <button class="button button--small" onclick={run(format!("aws kinesis deregister-stream-consumer --consumer-arn {}", r.key))}>
                { "Deregister" }</button>
        </> }
    };
    let on_start = {
        let start = start.clone();
        Callback::from(move |e: Event| start.set(event_value(&e)))
    };
    html! {
        <div class="fan-out">
            <h3 class="producers__title">{ "Registered consumers (enhanced fan-out)" }</h3>
            <form class="reader-form" onsubmit={register} aria-label="Register a consumer">
                <label class="field"><span class="field__label">{ "Consumer name" }</span>
                    <input class="field__input" value={(*name).clone()} oninput={store_value::<_, InputEvent>(&name)} spellcheck="false" /></label>
                <button class="button button--primary" type="submit">{ "Register consumer" }</button>
                <label class="field"><span class="field__label">{ "Subscribe to" }</span>
                    <select class="field__input" aria-label="Subscribe to shard" onchange={store_value::<_, Event>(&shard)}>
                        { for stream.shards.iter().map(|s| html! { <option key={s.index} value={s.index.to_string()}
                            selected={s.index == shard_index}>{ s.shard_id() }</option> }) }
                    </select></label>
                <label class="field"><span class="field__label">{ "from" }</span>
                    <select class="field__input" aria-label="Starting position" onchange={on_start}>
                        { for ["LATEST", "TRIM_HORIZON"].iter().map(|t| html! { <option value={*t} selected={*t == start.as_str()}>{ *t }</option> }) }
                    </select></label>
            </form>
            if table.rows.is_empty() {
                <p class="region__empty">{ "No consumer is registered with this stream. A registered consumer gets its own 2 MiB/s per shard, pushed to it with SubscribeToShard." }</p>
            } else {
                { text_table("Registered consumers", &table, Some(&actions)) }
            }
        </div>
    }
}

#[function_component(FanOutTimeline)]
pub fn fan_out_timeline() -> Html {
    let handle = use_playground();
    let p = handle.view();
    let Some(stream) = selected_stream(&p) else { return html! {} };
    let now = p.console().engine().now_ms();
    let lanes = fan_out_lanes(p.console().engine(), stream);
    if lanes.is_empty() {
        return html! { <p class="region__empty">{ "No subscription yet: Subscribe a registered consumer, or add an application with enhanced fan-out. Its pushed events show here, shard by shard." }</p> };
    }
    html! {
        <div class="fan-out-lanes">
            <p class="lane-axis"><span>{ format!("{} (6 minutes ago)", time_of_day(now - crate::view::consumers::TIMELINE_MS)) }</span><span>{ format!("now {}", time_of_day(now)) }</span></p>
            { for lanes.iter().map(|l| html! {
                <div class="fan-out-lane" key={format!("{}/{}", l.shard_index, l.consumer)}>
                    <p class="fan-out-lane__head">
                        <span class={classes!("shard-chip", shard_class(l.shard_index))}>{ crate::engine::shard_id(l.shard_index) }</span>
                        <strong>{ l.consumer.clone() }</strong>
                        { format!(" · {} records pushed", l.records) }
                        { l.open_until.map(|t| format!(" · subscription renews at {}", time_of_day(t))).unwrap_or_default() }
                    </p>
                    <div class="fan-out-track" role="img" aria-label={format!("Events pushed to {} from shard {}", l.consumer, l.shard_index)}>
                        { for l.buckets.iter().enumerate().filter(|(_, b)| b.0 > 0.0).map(|(i, (h, title))| html! {
                            <span class={classes!("fan-out-track__bar", shard_class(l.shard_index))} title={title.clone()}
                                style={format!("left:{:.2}%;height:{h:.0}%", i as f32 * 100.0 / l.buckets.len() as f32)}></span> }) }
                        { for l.marks.iter().map(|m| html! { <span class="fan-out-track__mark" title={m.text.clone()} style={format!("left:{:.2}%", m.left)}></span> }) }
                    </div>
                    <ul class="fan-out-lane__events">
                        { for l.marks.iter().rev().take(2).map(|m| html! { <li class="fan-out-lane__mark">{ m.text.clone() }</li> }) }
                        { for l.latest.iter().map(|e| html! { <li>{ e.clone() }</li> }) }
                    </ul>
                </div> }) }
        </div>
    }
}
