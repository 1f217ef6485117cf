//! Small browser helpers shared by the controls. Every call may fail (no clipboard permission, no window in a
//! test); failures are reported to the caller, never a panic.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

/// Copies `text` to the clipboard; `done` gets `true` once copied, `false` if the browser refused.
pub fn copy_text(text: &str, done: Callback<bool>) {
    let Some(window) = web_sys::window() else {
        done.emit(false);
        return;
    };
    let clipboard = window.navigator().clipboard();
    // Outside a secure context (plain http on another host) there is no clipboard object at all.
    if clipboard.is_undefined() {
        done.emit(false);
        return;
    }
    let promise = clipboard.write_text(text);
    let ok = {
        let done = done.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| done.emit(true))
    };
    let err = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| done.emit(false));
    // `then2` handles the rejection, so a refused clipboard never becomes an unhandled promise rejection.
    let _ = promise.then2(&ok, &err);
    // One small pair of closures per copy: released to JavaScript, which calls one of them once.
    ok.forget();
    err.forget();
}

/// Quotes a word for the console's shell when it holds anything but letters, digits and `-_.:/=,+@`.
pub fn shell_quote(word: &str) -> String {
    let safe = !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || "-_.:/=,+@".contains(c));
    if safe {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// Moves keyboard focus to the element with this id (does nothing if there is none).
pub fn focus_by_id(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// True when the system asks for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}
