//! Keyboard shortcuts for the whole page, and the `?` dialog that lists them. Shortcuts are ignored while the
//! learner types in a field (and Space on a button still presses the button).

use super::{browser::focus_by_id, CONSOLE_INPUT_ID};
use crate::ui::components::markup::text_el;
use crate::ui::{use_playground, Origin};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

const SHORTCUTS: &[(&str, &str)] = &[
    ("Space", "play or pause the simulated clock"),
    ("s", "step: move the clock forward one second"),
    ("/", "go to the console"),
    ("?", "show this list"),
    ("Esc", "close this list"),
];

/// Installs the page's shortcuts (once) and renders the help dialog when it is open.
#[function_component(ShortcutsDialog)]
pub fn shortcuts_dialog() -> Html {
    let handle = use_playground();
    let open = use_state(|| false);
    {
        let (handle, set_open) = (handle.clone(), open.setter());
        use_effect_with((), move |_| {
            let listener = Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    set_open.set(false);
                    return;
                }
                if e.ctrl_key() || e.meta_key() || e.alt_key() || typing(&e) {
                    return;
                }
                match e.key().as_str() {
                    " " if !on_control(&e) => {
                        e.prevent_default();
                        handle.update(|p| p.clock.playing = !p.clock.playing);
                    }
                    "s" => {
                        handle.run("sim clock advance 1s", Origin::Control);
                    }
                    "/" => {
                        e.prevent_default();
                        focus_by_id(CONSOLE_INPUT_ID);
                    }
                    "?" => {
                        e.prevent_default();
                        set_open.set(true);
                    }
                    _ => {}
                }
            });
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(d) = &document {
                let _ = d.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(d) = document {
                    let _ = d.remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    let close_ref = use_node_ref();
    // Where focus was before the dialog opened: it goes back there when the dialog closes.
    let return_to = use_mut_ref(|| None::<web_sys::HtmlElement>);
    {
        let close_ref = close_ref.clone();
        use_effect_with(*open, move |open| {
            let document = web_sys::window().and_then(|w| w.document());
            if *open {
                *return_to.borrow_mut() =
                    document.and_then(|d| d.active_element()).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(b) = close_ref.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            } else if let Some(previous) = return_to.borrow_mut().take() {
                let _ = previous.focus();
            }
        });
    }
    let show = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    let opener = html! {
        <button type="button" class="button shortcuts-button" onclick={show} aria-keyshortcuts="?"
            aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">{ "?" }</button>
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    html! {
        <>
        { opener }
        if *open {
        <div class="shortcuts-backdrop" onclick={close.clone()}>
            <div class="shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title"
                onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}
                onkeydown={Callback::from(|e: KeyboardEvent| if e.key() == "Tab" { e.prevent_default() })}>
                <h2 id="shortcuts-title">{ "Keyboard shortcuts" }</h2>
                <dl class="shortcuts__list">
                    { for SHORTCUTS.iter().map(|(key, what)| html! { <><dt>{ text_el("kbd", "", (*key).into()) }</dt>{ text_el("dd", "", (*what).into()) }</> }) }
                </dl>
                { text_el("p", "shortcuts__note", AttrValue::Static("Shortcuts are off while you type in the console or a form. Everywhere else, Tab moves between controls.")) }
                <button type="button" class="button" ref={close_ref} onclick={close}>{ "Close" }</button>
            </div>
        </div>
        }
        </>
    }
}

/// True when the key goes to a text field, a select or an editable element.
fn typing(e: &KeyboardEvent) -> bool {
    target(e).is_some_and(|t| {
        matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || t.closest("[contenteditable]").ok().flatten().is_some()
    })
}

/// True when the key goes to a button, link or summary (Space activates those).
fn on_control(e: &KeyboardEvent) -> bool {
    target(e).is_some_and(|t| matches!(t.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY"))
}

fn target(e: &KeyboardEvent) -> Option<Element> {
    e.target().and_then(|t| t.dyn_into::<Element>().ok())
}
