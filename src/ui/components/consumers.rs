//! The consumers region: enhanced fan-out consumers and their pushed events, and KCL-style consumer applications.
//! One component (its parts are plain functions in `views/fan_out.rs` and `views/consumer_apps.rs`), so the
//! page pays for one component's machinery.

use super::region;
use super::views::kit::{field, select, submit_runs};
use super::views::{apps, register, registered, selected_stream, store_value, timeline};
use crate::ui::use_playground;
use crate::view::consumer_apps::add_app_line;
use yew::prelude::*;

#[function_component(ConsumersRegion)]
pub fn consumers_region() -> Html {
    let handle = use_playground();
    let (name, shard, start) =
        (use_state(|| "app-1".to_owned()), use_state(|| 0u32), use_state(|| "LATEST".to_owned()));
    let (app, workers, efo) = (use_state(|| "shop".to_owned()), use_state(|| "2".to_owned()), use_state(|| false));
    let intro = html! {
        { "Readers that poll GetRecords share each shard's 5 calls and 2 MiB a second. A consumer registered for \
           enhanced fan-out gets its own 2 MiB a second per shard, pushed to it over a SubscribeToShard \
           subscription that lasts 5 minutes and is then renewed. An application in the style of the Kinesis \
           Client Library shares the shards among its workers through a lease table and checkpoints what it \
           has processed." }
    };
    let p = handle.view();
    let Some(stream) = selected_stream(&p) else {
        return html! { { region("Consumers", "consumers", intro, html! { <><p class="region__empty">{ "Create a stream first." }</p></> }) } };
    };
    let now = p.console().engine().now_ms();
    let shard_index = if stream.shard(*shard).is_some() { *shard } else { 0 };
    let line = add_app_line(&stream.name, &app, &workers, *efo);
    let add = submit_runs(&handle, line.clone().ok());
    let on_efo = {
        let efo = efo.clone();
        Callback::from(move |_: Event| efo.set(!*efo))
    };
    let shards = stream.shards.iter().map(|s| (s.index.to_string(), s.shard_id())).collect();
    let starts = ["LATEST", "TRIM_HORIZON"].map(|t| (t.to_owned(), t.to_owned())).into();
    html! {
        { region("Consumers", "consumers", intro, html! { <>
            <h3 class="producers__title">{ "Registered consumers (enhanced fan-out)" }</h3>
            <form class="reader-form" onsubmit={register(&handle, stream, &name)} aria-label="Register a consumer">
                { field("Consumer name", "text", &name, store_value(&name)) }
                <button class="button button--primary" type="submit">{ "Register consumer" }</button>
                { select("Subscribe to shard", shards, &shard_index.to_string(), store_value(&shard)) }
                { select("Starting position", starts, &start, store_value(&start)) }
            </form>
            { registered(&handle, stream, now, shard_index, &start) }
            { timeline(&p, stream) }
            <h3 class="producers__title">{ "Consumer applications (KCL-style)" }</h3>
            <form class="reader-form" aria-label="Add a consumer application" onsubmit={add}>
                { field("Application name", "text", &app, store_value(&app)) }
                { field("Workers", "number", &workers, store_value(&workers)) }
                <label class="switch"><input type="checkbox" checked={*efo} onchange={on_efo} /><span>{ "Enhanced fan-out" }</span></label>
                <button class="button button--primary" type="submit" disabled={line.is_err()}>{ "Add app" }</button>
                if let Err(m) = &line { <p class="form-problem">{ m.clone() }</p> }
            </form>
            { apps(&handle, &p, &stream.name) }
        </> }) }
    }
}
