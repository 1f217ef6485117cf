//! The service model's documentation strings, fetched the first time a line asks for `help`.
//!
//! The page's wasm leaves them out (see [`crate::cli::model::docs`]); Trunk copies `docs.json` beside the page, and
//! [`load`] fetches it (a relative URL, so a sub-path host works) and installs it. If the fetch fails, `help` still
//! answers, with a sentence in place of each description, and the next `help` tries again.

use crate::cli::model::docs::{docs, install};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches and installs `docs.json` unless it is installed already. Never fails: on any error nothing changes.
pub async fn load() {
    if docs().is_some() {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let Ok(response) = JsFuture::from(window.fetch_with_str("docs.json")).await else { return };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else { return };
    if !response.ok() {
        return;
    }
    let Ok(text) = response.text() else { return };
    if let Ok(text) = JsFuture::from(text).await {
        if let Some(text) = text.as_string() {
            install(&text);
        }
    }
}
