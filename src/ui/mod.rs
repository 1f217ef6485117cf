//! The Yew user interface: the only code that touches the browser.
//!
//! | file | what it is |
//! |---|---|
//! | `app.rs` | The root [`App`]: page header, and the grid of labelled regions. |
//! | `playground.rs` | The shared session ([`Playground`]: console with engine and producers, log, clock settings) and [`use_playground`]. |
//! | `state.rs` | The root reducer ([`UiState`], [`UiAction`]): UI-only state for now; the playground is wired in later. |
//! | `docs.rs` | Fetches the model's documentation strings (`docs.json`) the first time a line asks for `help`. |
//! | `components/` | One small component per file: header, theme button, and one region per concept. |

mod app;
pub mod components;
pub mod docs;
pub mod playground;
mod state;
mod theme;

pub use app::App;
pub use playground::{
    use_playground, LogEntry, OfferedScenario, Origin, Playground, PlaygroundHandle, PlaygroundProvider,
};
pub use state::{Theme, UiAction, UiState};

/// Mounts the app into the document's `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
