//! What the page keeps in this browser's localStorage: the session (as it goes) and lesson progress, each under
//! a versioned key. Storage may be missing (disabled, some private modes) or full: every call says so with a
//! plain sentence instead of failing.

/// The session document (`src/session`, format version 1).
pub const SESSION_KEY: &str = "kinesis-playground.session.v1";
/// Lesson progress (see `components/lesson`).
pub const PROGRESS_KEY: &str = "kinesis-playground.progress.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The text stored under `key`, if any.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`.
///
/// # Errors
/// A sentence for the learner when the browser keeps no storage for this page or it is full.
pub fn save(key: &str, value: &str) -> Result<(), String> {
    let Some(storage) = storage() else {
        return Err("This browser keeps no storage for this page (it may be turned off, or a private window), so \
                    your work is not saved between visits. Use “Save session” to keep a copy."
            .into());
    };
    storage.set_item(key, value).map_err(|_| {
        "This browser's storage for this page is full, so your latest work is not saved between visits. Use \
         “Save session” to keep a copy, or “Reset” to start smaller."
            .to_owned()
    })
}

/// Forgets what is stored under `key`.
pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}
