//! Applies and remembers the colour theme. Every browser call may fail (storage disabled, private mode, no
//! document in a test): each failure just leaves the default, never a panic.

use super::state::Theme;

const STORAGE_KEY: &str = "kinesis-playground.theme";

/// The theme saved by an earlier visit, or [`Theme::System`].
pub fn stored_theme() -> Theme {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        .map(|name| Theme::from_name(&name))
        .unwrap_or_default()
}

/// Sets `<html data-theme>` (or removes it for [`Theme::System`]) and remembers the choice.
pub fn apply_theme(theme: Theme) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        // Failing to set an attribute only leaves the system theme in place.
        let _ = match theme.attribute() {
            Some(value) => root.set_attribute("data-theme", value),
            None => root.remove_attribute("data-theme"),
        };
    }
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = match theme {
            Theme::System => storage.remove_item(STORAGE_KEY),
            _ => storage.set_item(STORAGE_KEY, theme.attribute().unwrap_or_default()),
        };
    }
}
