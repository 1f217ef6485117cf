//! The selected stream's details, as `describe-stream-summary` reports them, each with a one-line explanation;
//! retention +/- 24 h and delete (with a confirmation step) run the CLI commands.

use super::{stream_picker, stream_settings, CopyButton};
use crate::engine::{PendingTransition, StreamMode};
use crate::time::{format_duration, format_short};
use crate::ui::components::markup::{button, el, fact, text_el, txt};
use crate::ui::{use_playground, Origin, PlaygroundHandle};
use yew::prelude::*;

/// Retention bounds (hours), as in Kinesis.
const MIN_RETENTION: u32 = 24;
const MAX_RETENTION: u32 = 8760;

/// The stream picker, the details of the selected stream and its settings: one component for the three (the picker
/// and the settings are plain functions of the same handle, which spares the page's wasm two components' code).
#[function_component(StreamFacts)]
pub fn stream_facts_and_settings() -> Html {
    let handle = use_playground();
    let confirm_delete = use_state(|| false);
    html! { <>{ stream_picker(&handle) }{ stream_facts(&handle, confirm_delete) }{ stream_settings(&handle) }</> }
}

/// The details of the selected stream.
fn stream_facts(handle: &PlaygroundHandle, confirm_delete: UseStateHandle<bool>) -> Html {
    let p = handle.view();
    let engine = p.console().engine();
    let Some(stream) = p.shown_stream() else {
        return html! {
            <p class="region__empty">{ "No stream yet. Create one with the “Create a stream” form, or type " }
                { text_el("code", "", AttrValue::Static("aws kinesis create-stream --stream-name DemoStream --shard-count 1")) }{ " in the console." }</p>
        };
    };
    let name = stream.name.clone();
    let status = stream.status.as_str();
    let when = match stream.pending {
        Some(PendingTransition::BecomeActive { at_ms }) => {
            format!("ACTIVE in {}", format_duration(whole_seconds(at_ms - engine.now_ms())))
        }
        Some(PendingTransition::Vanish { at_ms }) => {
            format!("gone in {}", format_duration(whole_seconds(at_ms - engine.now_ms())))
        }
        None => String::new(),
    };
    let open = stream.open_shard_count();
    let closed = stream.shards.len() - open;
    let hours = stream.retention_hours;
    let run = |line: String| {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            handle.run(&line, Origin::Control);
        })
    };
    let retention = |verb: &str, to: u32| {
        run(format!("aws kinesis {verb}-stream-retention-period --stream-name {name} --retention-period-hours {to}"))
    };
    let ask_delete = {
        let c = confirm_delete.clone();
        Callback::from(move |_: MouseEvent| c.set(!*c))
    };
    let delete = {
        let (handle, c, line) =
            (handle.clone(), confirm_delete.clone(), format!("aws kinesis delete-stream --stream-name {name}"));
        Callback::from(move |_: MouseEvent| {
            handle.run(&line, Origin::Control);
            c.set(false);
        })
    };
    let tags = if stream.tags.is_empty() {
        text_el("span", "facts__none", AttrValue::Static("none"))
    } else {
        stream
            .tags
            .iter()
            .map(|(k, v)| html! { <span class="tag" key={k.clone()}>{ format!("{k} = {v}") }</span> })
            .collect()
    };
    let mode = match stream.mode {
        StreamMode::Provisioned => "Provisioned: you set the shard count.",
        StreamMode::OnDemand => "On-demand: Kinesis adds shards when traffic grows.",
    };
    html! {
        <div class="stream-facts">
            <div class="stream-facts__head">
                { text_el("h3", "stream-facts__name", name.clone().into()) }
                <span class={classes!("status", format!("status--{}", status.to_ascii_lowercase()))} aria-label={format!("Status: {status}")}
                    role="status">{ status }</span>
                if !when.is_empty() { { text_el("span", "stream-facts__when", when.into()) } }
            </div>
            { text_el("p", "stream-facts__explain", status_explanation(status).into()) }
            { el("dl", "facts facts--explained", vec![
                fact("Capacity mode", vec![txt(stream.mode.as_str()), text_el("small", "", mode.into())]),
                fact("Shards", vec![
                    txt(format!("{open} open, {closed} closed")),
                    text_el("small", "", "Open shards take new records; closed ones (after a split or merge) are read until their data expires.".into()),
                ]),
                fact("Retention", vec![
                    html! {
                        <span class="retention">
                            <button type="button" class="button button--small" disabled={hours <= MIN_RETENTION || status != "ACTIVE"}
                                aria-label="Decrease retention by 24 hours" onclick={retention("decrease", hours.saturating_sub(24).max(MIN_RETENTION))}>{ "−24 h" }</button>
                            { text_el("span", "", format!("{hours} hours").into()) }
                            <button type="button" class="button button--small" disabled={hours >= MAX_RETENTION || status != "ACTIVE"}
                                aria-label="Increase retention by 24 hours" onclick={retention("increase", (hours + 24).min(MAX_RETENTION))}>{ "+24 h" }</button>
                        </span>
                    },
                    text_el("small", "", "How long records are kept: 24 hours by default, up to 365 days. Older records are trimmed.".into()),
                ]),
                fact("ARN", vec![
                    text_el("code", "arn", stream.arn.clone().into()),
                    html! { <CopyButton label="Copy ARN" text={AttrValue::from(stream.arn.clone())} class={classes!("button", "button--small")} /> },
                    text_el("small", "", "The stream's Amazon Resource Name: its unique id in IAM policies and other services.".into()),
                ]),
                fact("Created", vec![
                    txt(format!("{} UTC", format_short(stream.created_ms).get(..19).unwrap_or_default())),
                    text_el("small", "", "In simulated time.".into()),
                ]),
                fact("Tags", vec![tags, text_el("small", "", "Labels for cost reports and access rules (add-tags-to-stream).".into())]),
            ]) }
            if status != "DELETING" {
                <div class="stream-facts__danger">
                    if *confirm_delete {
                        <p role="alert">{ format!("Delete {name} and every record in it? This cannot be undone.") }</p>
                        { button("button button--danger", delete, AttrValue::Static("Yes, delete it")) }
                        { button("button", ask_delete, AttrValue::Static("Cancel")) }
                    } else {
                        { button("button button--danger-quiet", ask_delete, AttrValue::Static("Delete stream…")) }
                    }
                </div>
            }
        </div>
    }
}

/// What a status means, in one line.
fn status_explanation(status: &str) -> &'static str {
    match status {
        "CREATING" => "Kinesis is setting up the shards. Reads and writes fail until the stream is ACTIVE; let the clock run or press Step.",
        "ACTIVE" => "Ready: you can write records and read them back.",
        "UPDATING" => "Resharding or a mode change is under way; reads and writes still work.",
        _ => "The stream is being deleted; it disappears shortly.",
    }
}

/// A wait rounded up to whole seconds ("ACTIVE in 5s", not "4.199s").
fn whole_seconds(ms: i64) -> i64 {
    (ms.max(0) + 999) / 1000 * 1000
}
