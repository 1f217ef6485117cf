//! The console's log: each entry's command, output, errors and teaching hints, newest at the bottom.

use super::copy_text;
use crate::ui::{use_playground, LogEntry, Origin};
use web_sys::Element;
use yew::prelude::*;

/// The log of commands run so far (typed, or from the page's controls and scenarios).
#[function_component(ConsoleLog)]
pub fn console_log() -> Html {
    let handle = use_playground();
    let log_ref = use_node_ref();
    let playground = handle.view();
    let last_id = playground.log.back().map(|e| e.id);

    // Keep the newest entry in view (an instant jump: nothing animates).
    {
        let log_ref = log_ref.clone();
        use_effect_with(last_id, move |_| {
            if let Some(log) = log_ref.cast::<Element>() {
                log.set_scroll_top(log.scroll_height());
            }
        });
    }

    let entries: Html = if playground.log.is_empty() {
        html! {
            <p class="console-log__empty">
                { "Commands and their output appear here. Type one below, or pick one from “Try these”." }
            </p>
        }
    } else {
        playground.log.iter().map(|entry| html! { <LogItem key={entry.id} entry={entry.clone()} /> }).collect()
    };
    html! {
        <div class="console-log" role="log" aria-label="Console output" aria-live="polite" tabindex="0" ref={log_ref}>
            { entries }
        </div>
    }
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
        Origin::Control => html! { <span class="console-entry__origin">{ "from a button" }</span> },
        Origin::Scenario => html! { <span class="console-entry__origin">{ "from a lesson" }</span> },
    };
    let failed = out.exit_code != 0;
    let hints: Html = out
        .hints
        .iter()
        .map(|h| {
            html! {
                <aside class="console-hint" aria-label="Hint">
                    <span class="console-hint__label" aria-hidden="true">{ "💡 Hint" }</span>
                    <p>{ h.clone() }</p>
                </aside>
            }
        })
        .collect();
    let output_text = format!("{}{}", out.stdout, out.stderr);
    html! {
        <article class={classes!("console-entry", failed.then_some("console-entry--failed"))}>
            <div class="console-entry__head">
                <pre class="console-entry__command"><span class="console-entry__prompt" aria-hidden="true">{ "$ " }</span>{ out.input.clone() }</pre>
                { origin }
                <CopyButton label="Copy command" text={AttrValue::from(out.input.clone())} />
                if !output_text.is_empty() {
                    <CopyButton label="Copy output" text={AttrValue::from(output_text)} />
                }
            </div>
            <div class="console-entry__body">
                <div class="console-entry__output">
                    if !out.stdout.is_empty() {
                        <pre class="console-entry__stdout">{ out.stdout.clone() }</pre>
                    }
                    if !out.stderr.is_empty() {
                        <pre class="console-entry__stderr">{ out.stderr.clone() }</pre>
                    }
                    if failed {
                        <p class="console-entry__exit">{ format!("exit code {}", out.exit_code) }</p>
                    }
                </div>
                if !out.hints.is_empty() {
                    <div class="console-entry__hints">{ hints }</div>
                }
            </div>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct CopyButtonProps {
    label: AttrValue,
    text: AttrValue,
}

/// A small button that copies `text`, and says so for a moment.
#[function_component(CopyButton)]
fn copy_button(props: &CopyButtonProps) -> Html {
    let state = use_state(|| None::<bool>);
    let onclick = {
        let (state, text) = (state.clone(), props.text.clone());
        Callback::from(move |_: MouseEvent| {
            let state = state.clone();
            copy_text(&text, Callback::from(move |ok| state.set(Some(ok))));
        })
    };
    let shown = match *state {
        None => "Copy",
        Some(true) => "Copied",
        Some(false) => "Copy failed",
    };
    let short = if props.label.ends_with("command") { "command" } else { "output" };
    html! {
        <button type="button" class="console-copy" aria-label={props.label.clone()} title={props.label.clone()} {onclick}>
            { format!("{shown} {short}") }
        </button>
    }
}
