//! One reader: where its iterator points on the shard, its countdown to expiry, and what GetRecords returned.

use super::reader_actions::{add_reader, get_records, renew};
use super::{event_value, focus_tag, time_of_day, whole_seconds};
use crate::engine::iterator::ITERATOR_TTL_MS;
use crate::engine::shard_id;
use crate::engine::SequenceNumber;
use crate::lean::Fixed;
use crate::time::format_duration;
use crate::ui::components::markup::{cls, shard_cls, text_el};
use crate::ui::use_playground;
use crate::view::payload::{render, PayloadFormat};
use crate::view::readers::{shorten, ReaderState};
use base64::Engine as _;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderCardProps {
    pub id: u32,
}

#[function_component(ReaderCard)]
pub fn reader_card(props: &ReaderCardProps) -> Html {
    let handle = use_playground();
    let p = handle.view();
    let Some(i) = p.readers.iter().position(|r| r.id == props.id) else { return html! {} };
    let r = &p.readers[i];
    let now = p.console().engine().now_ms();
    let focused = p.focus().is_some_and(|f| f.has_reader(&r.stream, &r.iterator_type, r.shard_index));
    let shard = p.console().engine().stream(&r.stream).and_then(|s| s.shard(r.shard_index));
    let act = |f: fn(&mut crate::ui::Playground, usize)| {
        let (handle, id) = (handle.clone(), props.id);
        Callback::from(move |_| {
            handle.with_console(move |p| {
                if let Some(i) = p.readers.iter().position(|r| r.id == id) {
                    f(p, i)
                }
            });
        })
    };
    let remove = {
        let (handle, id) = (handle.clone(), props.id);
        Callback::from(move |_| {
            handle.with_console(move |p| {
                if let Some(r) = p.readers.iter().find(|r| r.id == id) {
                    // Gone from the session too, so that a reload or a shared link does not bring the card back.
                    let line = format!("unset {}", r.var);
                    p.run_quietly(&line);
                }
                p.readers.retain(|r| r.id != id)
            });
        })
    };
    let on_limit = {
        let (handle, id) = (handle.clone(), props.id);
        Callback::from(move |e: Event| {
            let limit = event_value(&e).parse::<u32>().unwrap_or(10).clamp(1, 10_000);
            handle.update(|p| p.readers.iter_mut().filter(|r| r.id == id).for_each(|r| r.limit = limit));
        })
    };
    let lane = shard.map(|s| {
        let (first, next) = (s.first_counter(), s.next_counter());
        let span = (next - first).max(1) as f64;
        let cursor = r.position.map(|pos| ((pos.clamp(first, next) - first) as f64 / span * 100.0).min(100.0));
        html! {
            <div class="mini-lane" aria-label={format!("{} position on {}", r.var, s.shard_id())} role="img">
                <span class={shard_cls("mini-lane__fill", r.shard_index)}></span>
                if let Some(c) = cursor {
                    <span class="mini-lane__read" style={format!("width:{}%", Fixed(c, 2))}></span>
                    <span class="mini-lane__cursor" style={format!("left:{}%", Fixed(c, 2))}></span>
                }
                <span class="mini-lane__labels">
                    { text_el("span", "", format!("oldest kept #{first}").into()) }
                    { text_el("span", "", (r.position.map(|p| format!("next to read: #{p}")).unwrap_or_else(|| "no live iterator".into())).into()) }
                    { text_el("span", "", format!("tip #{next}").into()) }
                </span>
            </div>
        }
    });
    let expiry = r.issued_ms.map(|at| at + ITERATOR_TTL_MS - now).map(|left| if left > 0 {
        html! { <span class="reader__expiry" title="A shard iterator lives 5 minutes after it is issued">{ format!("Iterator expires in {}", whole_seconds(left)) }</span> }
    } else {
        text_el("span", "reader__expiry reader__expiry--gone", AttrValue::Static("Iterator has expired: the next call fails"))
    });
    let error = r.error.as_ref().map(|(code, msg)| {
        let tip = match code.as_str() {
            "ExpiredIteratorException" => {
                "Iterators live 5 minutes. Get a new one; this reader continues after the last record it read."
            }
            "ProvisionedThroughputExceededException" => {
                "A shard serves at most 5 GetRecords calls per second: wait a moment and try again."
            }
            _ => "",
        };
        html! { <div class="reader__error" role="alert">{ text_el("strong", "", code.clone().into()) }{ format!(": {msg} ") }
        { text_el("span", "", tip.into()) }
        <button class="button button--small" onclick={act(renew)}>{ "Get a new iterator" }</button></div> }
    });
    let last = r.last.as_ref().map(|g| {
        let rows = g.records.iter().map(|rec| {
            let bytes = base64::engine::general_purpose::STANDARD.decode(&rec.data_base64).unwrap_or_default();
            html! { <li key={rec.sequence_number.clone()}><code title={rec.sequence_number.clone()}>{ SequenceNumber::parse(&rec.sequence_number).map_or_else(|| shorten(&rec.sequence_number, 4), |s| format!("#{}", s.counter)) }</code>
                { text_el("span", "reader__key", rec.partition_key.clone().into()) }
                { text_el("span", "reader__data", (render(&bytes, PayloadFormat::Text).text.chars().take(60).collect::<String>()).into()) }</li> }
        });
        html! {
            <div class="reader__result">
                <p class="reader__facts">
                    { format!("{} record(s) returned", g.records.len()) }
                    if let Some(ms) = g.millis_behind_latest { { format!(" · MillisBehindLatest {ms} ({})", format_duration(ms)) } }
                    if let Some(t) = &g.next_shard_iterator { { " · NextShardIterator " }<code title="the full token is in $">{ shorten(t, 6) }</code> }
                </p>
                if let Some(kids) = &g.child_shards {
                    { text_el("p", "reader__done", (format!("This shard is finished (closed and read to its end); read its children next: {}.",
                        if kids.is_empty() { "none".to_owned() } else { kids.join(", ") })).into()) }
                    <p class="reader__children">{ for kids.iter().filter_map(|k| crate::engine::parse_shard_id(k)).map(|child| {
                        let (handle, stream) = (handle.clone(), r.stream.clone());
                        let start = Callback::from(move |_| {
                            let next = ReaderState::new(&stream, child, "TRIM_HORIZON", None);
                            handle.with_console(|p| add_reader(p, next));
                        });
                        html! { <button key={child} class="button button--small" onclick={start}>
                            { format!("Read {} from TRIM_HORIZON", shard_id(child)) }</button> }
                    }) }</p>
                }
                if !g.records.is_empty() { <ol class="reader__records">{ for rows }</ol> }
            </div>
        }
    });
    let start = match &r.start_at {
        Some(s) => format!("{} {}", r.iterator_type, shorten(s, 12)),
        None => r.iterator_type.clone(),
    };
    html! {
        <article class={cls("reader", focused.then_some("lesson-focus"))} aria-label={format!("Reader {}", r.var)}>
            <header class="reader__head">
                { text_el("strong", "reader__var", format!("${}", r.var).into()) }
                <span class={shard_cls("shard-chip", r.shard_index)}>{ shard_id(r.shard_index) }</span>
                { focus_tag(focused) }
                <button class="button button--small reader__remove" onclick={remove} aria-label={format!("Remove reader {}", r.var)}>{ "Remove" }</button>
            </header>
            { text_el("code", "reader__type", format!("started at {start}").into()) }
            { lane.unwrap_or_default() }
            <div class="reader__controls">
                <label class="field field--inline">{ text_el("span", "field__label", AttrValue::Static("Limit")) }
                    <input class="field__input field__input--narrow" type="number" min="1" max="10000" value={r.limit.to_string()} onchange={on_limit} /></label>
                <button class="button button--primary" onclick={act(get_records)} disabled={r.position.is_none() && r.error.is_none()}>{ "Get records" }</button>
                { expiry.unwrap_or_default() }
                { text_el("span", "", format!("{} GetRecords call(s) so far · clock {}", r.calls, time_of_day(now)).into()) }
            </div>
            { error.unwrap_or_default() }
            { last.unwrap_or_default() }
        </article>
    }
}
