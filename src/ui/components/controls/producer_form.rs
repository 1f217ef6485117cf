//! Start a simulated producer on the selected stream (`sim producer add ...`), or the one-click hot-key demo.

use super::shell_quote;
use crate::lean::Shortest;
use crate::ui::components::markup::{button, text_el};
use crate::ui::components::views::kit::submit_runs;
use crate::ui::{use_playground, Origin};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The hot-key demo's stream when no active stream is selected.
const DEMO_STREAM: &str = "HotKeyDemo";

/// The `sim producer add` line for the form's values, or what is wrong with them.
fn command(stream: &str, rate: &str, keys: &str, hot_key: &str, share: &str) -> Result<String, String> {
    let rate = rate.trim().parse::<u32>().ok().filter(|r| (1..=20_000).contains(r));
    let rate = rate.ok_or("The rate is a whole number of records per second from 1 to 20000.")?;
    let keys = keys.trim().parse::<u32>().ok().filter(|k| (1..=100_000).contains(k));
    let keys = keys.ok_or("The number of keys is a whole number from 1 to 100000.")?;
    let mut line = format!("sim producer add --stream-name {stream} --rate {rate} --keys {keys}");
    if !hot_key.trim().is_empty() {
        let share = crate::lean::parse_f64(share.trim()).filter(|s| (0.0..=100.0).contains(s));
        let share = share.ok_or("The hot key's share is a percentage from 0 to 100.")?;
        line.push_str(&format!(" --hot-key {} --hot-share {}", shell_quote(hot_key.trim()), Shortest(share / 100.0)));
    }
    Ok(line)
}

/// The producer form and the hot-key preset.
#[function_component(ProducerForm)]
pub fn producer_form() -> Html {
    let handle = use_playground();
    let rate = use_state(|| "100".to_owned());
    let keys = use_state(|| "16".to_owned());
    let hot_key = use_state(String::new);
    let share = use_state(|| "90".to_owned());
    let (selected, demo_target, demo_exists) = {
        let p = handle.view();
        let engine = p.console().engine();
        let s = p.shown_stream();
        // The demo needs an active stream with several shards, to show one shard throttled beside idle ones.
        let fits = s.filter(|s| s.status.as_str() == "ACTIVE" && s.open_shard_count() >= 2).map(|s| s.name.clone());
        (s.map(|s| s.name.clone()), fits, engine.stream(DEMO_STREAM).is_some())
    };
    let result = match &selected {
        Some(stream) => command(stream, &rate, &keys, &hot_key, &share),
        None => Err("Create a stream first: a producer needs a stream to write to.".into()),
    };
    let input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let onsubmit = submit_runs(&handle, result.clone().ok());
    let demo = {
        let handle = handle.clone();
        let target = demo_target.clone();
        Callback::from(move |_: MouseEvent| {
            let stream = target.clone().unwrap_or_else(|| {
                if !demo_exists {
                    handle.run(
                        &format!("aws kinesis create-stream --stream-name {DEMO_STREAM} --shard-count 4"),
                        Origin::Control,
                    );
                }
                handle.run(&format!("aws kinesis wait stream-exists --stream-name {DEMO_STREAM}"), Origin::Control);
                handle.update(|p| p.selected_stream = Some(DEMO_STREAM.to_owned()));
                DEMO_STREAM.to_owned()
            });
            handle.run(
                &format!("sim producer add --stream-name {stream} --rate 1500 --keys 1 --hot-key hot --hot-share 1"),
                Origin::Control,
            );
        })
    };
    let demo_where = match (&demo_target, demo_exists) {
        (Some(stream), _) => format!(" (on {stream})."),
        (None, true) => format!(" (on {DEMO_STREAM}, which has 4 shards)."),
        (None, false) => format!(" (it first creates {DEMO_STREAM}, a stream with 4 shards)."),
    };
    html! {
        <div class="producer-form">
            <div class="hot-key-demo">
                { button("button button--primary", demo, AttrValue::Static("Hot key demo")) }
                <p>{ "Starts a producer writing 1,500 records/s, all with the partition key " }{ text_el("code", "", AttrValue::Static("hot")) }
                    { ". One key always lands on the same shard, and a shard takes at most 1,000 records/s: watch that shard \
                       throttle while the others sit idle" }
                    { demo_where }</p>
            </div>
            <form class="form form--inline" aria-label="Start a producer" {onsubmit} novalidate=true>
                <label class="form__field">{ text_el("span", "form__label", AttrValue::Static("Records per second")) }
                    <input type="number" class="form__number" min="1" value={(*rate).clone()} oninput={input(&rate)} /></label>
                <label class="form__field">{ text_el("span", "form__label", AttrValue::Static("Partition keys")) }
                    <input type="number" class="form__number" min="1" value={(*keys).clone()} oninput={input(&keys)} /></label>
                <label class="form__field">{ text_el("span", "form__label", AttrValue::Static("Hot key (optional)")) }
                    <input type="text" value={(*hot_key).clone()} oninput={input(&hot_key)} placeholder="e.g. user-42" spellcheck="false" /></label>
                if !hot_key.trim().is_empty() {
                    <label class="form__field">{ text_el("span", "form__label", AttrValue::Static("Hot key share (%)")) }
                        <input type="number" class="form__number" min="0" max="100" value={(*share).clone()} oninput={input(&share)} /></label>
                }
                <button type="submit" class="button" disabled={result.is_err()}>{ "Start producer" }</button>
            </form>
            { match &result {
                Ok(line) => html! { <p class="form__preview">{ "Runs " }{ text_el("code", "", line.clone().into()) }</p> },
                Err(message) if selected.is_none() => text_el("p", "form__help", message.clone().into()),
                Err(message) => text_el("p", "form__error", message.clone().into()),
            } }
        </div>
    }
}
