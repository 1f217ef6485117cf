//! The data viewer, like the AWS console's: pick a shard and a starting position, read 50 records a page, and show
//! each payload as text, JSON or base64.

use super::{selected_stream, store_value};
use crate::engine::ShardIteratorType;
use crate::ui::components::markup::text_el;
use crate::ui::components::region;
use crate::ui::{use_playground, Origin, Playground};
use crate::view::payload::{render, PayloadFormat};
use crate::view::readers::{
    is_token, iterator_line, parse_error, parse_get_records, shorten, GetRecordsView, ReaderState,
};
use base64::Engine as _;
use yew::prelude::*;

type Page = Result<GetRecordsView, (String, String)>;

fn read_page(p: &mut Playground, start: Option<ReaderState>) -> Page {
    if let Some(r) = start {
        let out = p.run(&iterator_line(&r), Origin::Control);
        if out.exit_code != 0 {
            return Err(parse_error(&out.stderr));
        }
    }
    let out = p.run("aws kinesis get-records --shard-iterator \"$DV\" --limit 50", Origin::Control);
    let page = parse_get_records(&out.stdout).ok_or_else(|| parse_error(&out.stderr))?;
    if let Some(next) = page.next_shard_iterator.as_deref().filter(|t| is_token(t)) {
        p.run_quietly(&format!("DV={next}"));
    }
    Ok(page)
}

#[function_component(DataViewerRegion)]
pub fn data_viewer_region() -> Html {
    let handle = use_playground();
    let shard = use_state(|| 0u32);
    let kind = use_state(|| "TRIM_HORIZON".to_owned());
    let at = use_state(String::new);
    let format = use_state(|| PayloadFormat::Text);
    let page = use_state(|| None::<Page>);
    let p = handle.view();
    let intro = html! { { "Read a shard 50 records at a time, as the AWS console's data viewer does, and look at each \
    payload as text, as JSON (pretty-printed when it parses) or as the base64 the API sends." } };
    let Some(stream) = selected_stream(&p) else {
        return html! { { region("Data viewer", "viewer", intro, html! { <>{ text_el("p", "region__empty", AttrValue::Static("No stream yet.")) }</> }) } };
    };
    let shard_index =
        if stream.shard(*shard).is_some() { *shard } else { stream.shards.first().map_or(0, |s| s.index) };
    let needs_value = kind.as_str() != "TRIM_HORIZON" && kind.as_str() != "LATEST";
    let start = {
        let (handle, page, kind, at, name) =
            (handle.clone(), page.clone(), kind.clone(), at.clone(), stream.name.clone());
        Callback::from(move |_| {
            let start_at = (kind.as_str() != "TRIM_HORIZON" && kind.as_str() != "LATEST")
                .then(|| at.trim().chars().filter(|c| c.is_ascii_alphanumeric() || ":-.+".contains(*c)).collect());
            let r =
                ReaderState { var: "DV".into(), limit: 50, ..ReaderState::new(&name, shard_index, &kind, start_at) };
            let page = page.clone();
            handle.with_console(move |p| page.set(Some(read_page(p, Some(r)))));
        })
    };
    let next = {
        let (handle, page) = (handle.clone(), page.clone());
        Callback::from(move |_| {
            let page = page.clone();
            handle.with_console(move |p| page.set(Some(read_page(p, None))));
        })
    };
    let formats = [(PayloadFormat::Text, "Text"), (PayloadFormat::Json, "JSON"), (PayloadFormat::Base64, "Base64")].map(|(f, label)| {
        let format = format.clone();
        html! { <button key={label} class="segmented__item" aria-pressed={(f == *format).to_string()} onclick={Callback::from(move |_| format.set(f))}>{ label }</button> }
    });
    let body = match &*page {
        None => text_el(
            "p",
            "region__empty",
            AttrValue::Static("Choose a shard and a starting position, then press Get records."),
        ),
        Some(Err((code, msg))) => {
            html! { <p class="reader__error" role="alert">{ text_el("strong", "", code.clone().into()) }{ format!(": {msg}") }</p> }
        }
        Some(Ok(g)) => {
            let rows = g.records.iter().map(|rec| {
                let bytes = base64::engine::general_purpose::STANDARD.decode(&rec.data_base64).unwrap_or_default();
                let shown = render(&bytes, *format);
                html! { <li key={rec.sequence_number.clone()} class="viewer__record">
                    <div class="viewer__meta"><code title={rec.sequence_number.clone()}>{ shorten(&rec.sequence_number, 6) }</code>
                        { text_el("span", "", format!("partition key {}", rec.partition_key).into()) }</div>
                    { text_el("pre", "viewer__payload", shown.text.into()) }
                    if let Some(n) = shown.note { { text_el("p", "viewer__note", n.into()) } }
                </li> }
            });
            html! { <>
                <p class="reader__facts">{ format!("{} record(s) on this page", g.records.len()) }
                    if let Some(ms) = g.millis_behind_latest { { format!(" · MillisBehindLatest {ms} ({})", crate::time::format_duration(ms)) } }</p>
                <ol class="viewer__list">{ for rows }</ol>
                if g.next_shard_iterator.is_some() { <button class="button" onclick={next}>{ "Next 50" }</button> }
                else { { text_el("p", "reader__done", AttrValue::Static("The shard is closed and read to its end.")) } }
            </> }
        }
    };
    let on_shard = store_value::<_, Event>(&shard);
    let on_kind = store_value::<_, Event>(&kind);
    let on_at = store_value::<_, InputEvent>(&at);
    html! {
        { region("Data viewer", "viewer", intro, html! { <>
            <div class="viewer__controls">
                <label class="field">{ text_el("span", "field__label", AttrValue::Static("Shard")) }
                    <select class="field__input" aria-label="Shard" onchange={on_shard}>{ for stream.shards.iter().map(|s| html! {
                        <option key={s.index} value={s.index.to_string()} selected={s.index == shard_index}>{ s.shard_id() }</option> }) }</select></label>
                <label class="field">{ text_el("span", "field__label", AttrValue::Static("Starting position")) }
                    <select class="field__input" aria-label="Starting position" onchange={on_kind}>{ for ShardIteratorType::ALL.iter().map(|t| html! {
                        <option key={t.as_str()} value={t.as_str()} selected={t.as_str() == kind.as_str()}>{ t.as_str() }</option> }) }</select></label>
                if needs_value { <label class="field">{ text_el("span", "field__label", AttrValue::Static("Sequence number or timestamp")) }
                    <input class="field__input" value={(*at).clone()} oninput={on_at} /></label> }
                <button class="button button--primary" onclick={start}>{ "Get records" }</button>
                <div class="segmented" role="group" aria-label="Show payloads as">{ for formats }</div>
            </div>
            { body }
        </> }) }
    }
}
