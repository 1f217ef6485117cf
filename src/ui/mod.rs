//! The Yew user interface (to be built).

/// Mounts the app.
pub fn start() {}
