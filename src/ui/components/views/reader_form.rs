//! Starting a reader: a shard, one of the five iterator types, and the sequence number or timestamp some need.

use super::reader_actions::add_reader;
use super::{selected_stream, store_value};
use crate::engine::ShardIteratorType;
use crate::time::{format_rfc3339, parse_timestamp};
use crate::ui::components::markup::text_el;
use crate::ui::use_playground;
use crate::view::lanes::newest_window;
use crate::view::readers::{is_sequence_number, ReaderState};
use yew::prelude::*;

#[function_component(ReaderForm)]
pub fn reader_form() -> Html {
    let handle = use_playground();
    let shard = use_state(|| 0u32);
    let kind = use_state(|| "TRIM_HORIZON".to_owned());
    let seq = use_state(String::new);
    let stamp = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let p = handle.view();
    let Some(stream) = selected_stream(&p) else {
        return text_el(
            "p",
            "region__empty",
            AttrValue::Static("Create a stream first; then start readers on its shards here."),
        );
    };
    let now = p.console().engine().now_ms();
    let shard_index =
        if stream.shard(*shard).is_some() { *shard } else { stream.shards.first().map_or(0, |s| s.index) };
    let needs_seq = kind.ends_with("SEQUENCE_NUMBER");
    let recent = if needs_seq {
        stream.shard(shard_index).map(|s| newest_window(s, 0, 20)).unwrap_or_default()
    } else {
        Vec::new()
    };
    let needs_time = kind.as_str() == "AT_TIMESTAMP";
    let on_start = {
        let (handle, kind, seq, stamp, problem) =
            (handle.clone(), kind.clone(), seq.clone(), stamp.clone(), problem.clone());
        let name = stream.name.clone();
        let default_time = format_rfc3339(now - 60_000);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let start_at = if kind.ends_with("SEQUENCE_NUMBER") {
                let s = seq.trim().to_owned();
                if !is_sequence_number(&s) {
                    problem.set(Some("Pick or type a sequence number (digits only).".into()));
                    return;
                }
                Some(s)
            } else if kind.as_str() == "AT_TIMESTAMP" {
                let text = if stamp.trim().is_empty() { default_time.clone() } else { stamp.trim().to_owned() };
                match parse_timestamp(&text) {
                    Some(ms) => Some(format_rfc3339(ms)),
                    None => {
                        problem.set(Some("Type a timestamp like 2024-01-01T00:00:05Z.".into()));
                        return;
                    }
                }
            } else {
                None
            };
            problem.set(None);
            let r = ReaderState::new(&name, shard_index, &kind, start_at);
            handle.with_console(|p| add_reader(p, r));
        })
    };
    let on_shard = store_value::<_, Event>(&shard);
    let on_kind = store_value::<_, Event>(&kind);
    let on_seq = store_value::<_, InputEvent>(&seq);
    let on_stamp = store_value::<_, InputEvent>(&stamp);
    html! {
        <form class="reader-form" onsubmit={on_start} aria-label="Start a reader">
            <label class="field">
                { text_el("span", "field__label", AttrValue::Static("Shard")) }
                <select class="field__input" aria-label="Shard" onchange={on_shard}>
                    { for stream.shards.iter().map(|s| html! {
                        <option key={s.index} value={s.index.to_string()} selected={s.index == shard_index}>
                            { format!("{}{}", s.shard_id(), if s.is_open() { "" } else { " (closed)" }) }</option> }) }
                </select>
            </label>
            <label class="field">
                { text_el("span", "field__label", AttrValue::Static("Iterator type")) }
                <select class="field__input" aria-label="Iterator type" onchange={on_kind}>
                    { for ShardIteratorType::ALL.iter().map(|t| html! {
                        <option key={t.as_str()} value={t.as_str()} selected={t.as_str() == kind.as_str()}>{ t.as_str() }</option> }) }
                </select>
            </label>
            if needs_seq {
                <label class="field field--wide">
                    { text_el("span", "field__label", AttrValue::Static("Sequence number (pick a recent one or type one)")) }
                    <input class="field__input" list="reader-seqs" value={(*seq).clone()} oninput={on_seq} inputmode="numeric" />
                    <datalist id="reader-seqs">
                        { for recent.iter().map(|r| html! { <option key={r.sequence_number.clone()} value={r.sequence_number.clone()}>
                            { format!("{} · key {}", super::time_of_day(r.arrival_ms), r.partition_key) }</option> }) }
                    </datalist>
                </label>
            }
            if needs_time {
                <label class="field field--wide">
                    { text_el("span", "field__label", AttrValue::Static("Timestamp (empty: one minute ago)")) }
                    <input class="field__input" value={(*stamp).clone()} oninput={on_stamp}
                        placeholder={format_rfc3339(now - 60_000)} />
                </label>
            }
            <button class="button button--primary" type="submit">{ "Start reader" }</button>
            if let Some(msg) = (*problem).clone() { <p class="form-problem" role="alert">{ msg }</p> }
        </form>
    }
}
