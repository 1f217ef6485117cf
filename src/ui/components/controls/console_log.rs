//! The console's log: each entry's command, output, errors and teaching hints, newest at the bottom.

use super::CopyButton;
use crate::time::format_short;
use crate::ui::components::markup::{cls, el, text_el};
use crate::ui::{use_playground, LogEntry, Origin};
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

/// The log of commands run so far (typed, or from the page's controls and scenarios).
///
/// The live clock re-renders consumers of the playground ten times a second; the entries are copied out of the
/// session only when the log changed, and the list below re-renders only then.
#[function_component(ConsoleLog)]
pub fn console_log() -> Html {
    let handle = use_playground();
    let log_ref = use_node_ref();
    let key = {
        let p = handle.view();
        (p.log.front().map(|e| e.id), p.log.back().map(|e| e.id), p.log.len())
    };
    let entries = {
        let handle = handle.clone();
        use_memo(key, move |_| Entries(Rc::new(handle.view().log.iter().cloned().collect())))
    };

    // Keep the newest entry in view (an instant jump: nothing animates).
    {
        let log_ref = log_ref.clone();
        use_effect_with(key.1, move |_| {
            if let Some(log) = log_ref.cast::<Element>() {
                log.set_scroll_top(log.scroll_height());
            }
        });
    }

    html! {
        <div class="console-log" role="log" aria-label="Console output" aria-live="polite" tabindex="0" ref={log_ref}>
            <LogEntries entries={(*entries).clone()} />
        </div>
    }
}

/// The entries, compared by pointer (a new list only when the log changed).
#[derive(Clone)]
struct Entries(Rc<Vec<LogEntry>>);

impl PartialEq for Entries {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
struct LogEntriesProps {
    entries: Entries,
}

#[function_component(LogEntries)]
fn log_entries(props: &LogEntriesProps) -> Html {
    if props.entries.0.is_empty() {
        return html! {
            <p class="console-log__empty">
                { "Commands and their output appear here. Type one below, or pick one from “Try these”." }
            </p>
        };
    }
    props.entries.0.iter().map(|entry| html! { <LogItem key={entry.id} entry={entry.clone()} /> }).collect()
}

#[derive(Properties, PartialEq)]
struct LogItemProps {
    entry: LogEntry,
}

#[function_component(LogItem)]
fn log_item(props: &LogItemProps) -> Html {
    let out = &props.entry.output;
    let origin = match props.entry.origin {
        Origin::Typed => html! {},
        Origin::Control => text_el("span", "console-entry__origin", AttrValue::Static("from a button")),
        Origin::Scenario => text_el("span", "console-entry__origin", AttrValue::Static("from a lesson")),
    };
    let failed = out.exit_code != 0;
    let hints: Html = out
        .hints
        .iter()
        .map(|h| {
            html! {
                <aside class="console-hint" aria-label="Hint">
                    <span class="console-hint__label" aria-hidden="true">{ "Hint" }</span>
                    { text_el("p", "", h.clone().into()) }
                </aside>
            }
        })
        .collect();
    let output_text = format!("{}{}", out.stdout, out.stderr);
    let at = format_short(props.entry.at_ms).get(11..19).unwrap_or_default().to_owned();
    html! {
        <article class={cls("console-entry", failed.then_some("console-entry--failed"))}>
            <div class="console-entry__head">
                <pre class="console-entry__command"><span class="console-entry__prompt" aria-hidden="true">{ "$ " }</span>{ out.input.clone() }</pre>
                <span class="console-entry__tools">
                    <span class="console-entry__time" title="Simulated time when it ran (UTC)">{ at }</span>
                    { origin }
                    <CopyButton label="Copy command" text={AttrValue::from(out.input.clone())} />
                    if !output_text.is_empty() {
                        <CopyButton label="Copy output" text={AttrValue::from(output_text)} />
                    }
                </span>
            </div>
            <div class="console-entry__body">
                <div class="console-entry__output">
                    if !out.stdout.is_empty() {
                        { text_el("pre", "console-entry__stdout", out.stdout.clone().into()) }
                    }
                    if !out.stderr.is_empty() {
                        { text_el("pre", "console-entry__stderr", out.stderr.clone().into()) }
                    }
                    if failed {
                        { text_el("p", "console-entry__exit", format!("exit code {}", out.exit_code).into()) }
                    }
                </div>
                if !out.hints.is_empty() {
                    { el("div", "console-entry__hints", vec![hints]) }
                }
            </div>
        </article>
    }
}
