//! The console's prompt: type a command, Enter runs it, up/down walk the history, Tab completes.

use super::completion::apply_completion;
use super::CONSOLE_INPUT_ID;
use crate::ui::components::markup::text_el;
use crate::ui::{use_playground, Origin};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConsoleInputProps {
    /// What the input holds (the region owns it, so the "Try these" examples can fill it).
    pub value: AttrValue,
    pub on_value: Callback<String>,
}

/// The command line.
#[function_component(ConsoleInput)]
pub fn console_input(props: &ConsoleInputProps) -> Html {
    let handle = use_playground();
    // Position in the history while walking it with up/down (None: editing a new line).
    let history_pos = use_state(|| None::<usize>);
    let choices = use_state(Vec::<String>::new);
    // The lines of a command that continues (shown above the prompt until it completes).
    let continued = use_state(Vec::<String>::new);
    let pending = handle.view().console().is_pending();

    let oninput = {
        let (on_value, history_pos, choices) = (props.on_value.clone(), history_pos.clone(), choices.clone());
        Callback::from(move |e: InputEvent| {
            on_value.emit(e.target_unchecked_into::<HtmlInputElement>().value());
            history_pos.set(None);
            choices.set(Vec::new());
        })
    };

    let onkeydown = {
        let (handle, on_value, value) = (handle.clone(), props.on_value.clone(), props.value.to_string());
        let (history_pos, choices, continued) = (history_pos.clone(), choices.clone(), continued.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                let was_pending = handle.view().console().is_pending();
                if value.trim().is_empty() && !was_pending {
                    return;
                }
                if !was_pending && crate::cli::model::docs::wants_docs(&value) {
                    // The first `help`: fetch the descriptions (kept out of the wasm), then run the line.
                    let (handle, line) = (handle.clone(), value.clone());
                    yew::platform::spawn_local(async move {
                        crate::ui::docs::load().await;
                        handle.run(&line, Origin::Typed);
                    });
                    on_value.emit(String::new());
                    history_pos.set(None);
                    choices.set(Vec::new());
                    return;
                }
                handle.run(&value, Origin::Typed);
                let mut lines = if was_pending { (*continued).clone() } else { Vec::new() };
                if handle.view().console().is_pending() {
                    lines.push(value.clone());
                    continued.set(lines);
                } else {
                    continued.set(Vec::new());
                }
                on_value.emit(String::new());
                history_pos.set(None);
                choices.set(Vec::new());
            }
            key @ ("ArrowUp" | "ArrowDown") => {
                let history = handle.view().history.clone();
                if history.is_empty() {
                    return;
                }
                e.prevent_default();
                let next = match (key, *history_pos) {
                    ("ArrowUp", None) => Some(history.len() - 1),
                    ("ArrowUp", Some(i)) => Some(i.saturating_sub(1)),
                    (_, Some(i)) if i + 1 < history.len() => Some(i + 1),
                    _ => None,
                };
                on_value.emit(next.and_then(|i| history.get(i).cloned()).unwrap_or_default());
                history_pos.set(next);
            }
            "Tab" if !value.is_empty() && !e.shift_key() => {
                let found = handle.view().console().complete(&value);
                if found.is_empty() {
                    return; // nothing to complete: Tab moves focus as usual
                }
                e.prevent_default();
                let (line, shown) = apply_completion(&value, found);
                choices.set(shown);
                on_value.emit(line);
            }
            "Escape" => choices.set(Vec::new()),
            _ => {}
        })
    };

    let prompt = if pending { "> " } else { "$ " };
    html! {
        <div class="console-input">
            if !choices.is_empty() {
                <p class="console-input__choices" aria-live="polite">
                    { text_el("span", "visually-hidden", AttrValue::Static("Completions: ")) }
                    { for choices.iter().map(|c| html! { <code key={c.clone()}>{ c.clone() }</code> }) }
                </p>
            }
            if pending {
                { for continued.iter().enumerate().map(|(i, line)| html! {
                    <pre class="console-input__continued">{ if i == 0 { "$ " } else { "> " } }{ line.clone() }</pre>
                }) }
            }
            <div class="console-input__line">
                <span class="console-input__prompt" aria-hidden="true">{ prompt }</span>
                <input
                    id={CONSOLE_INPUT_ID}
                    class="console-input__field"
                    type="text"
                    aria-label="Console command"
                    aria-describedby="console-input-help"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    placeholder={if pending { "continue the command…" } else { "aws kinesis help" }}
                    value={props.value.clone()}
                    {oninput}
                    {onkeydown}
                />
            </div>
            <p class="console-input__help" id="console-input-help">
                if pending {
                    { text_el("strong", "", AttrValue::Static("The command continues (a \\ or an open quote): type the rest and press Enter. ")) }
                }
                { "Enter runs the command · ↑ ↓ earlier commands · Tab completes" }
            </p>
        </div>
    }
}
