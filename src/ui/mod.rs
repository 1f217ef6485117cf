//! The Yew user interface: the only code that touches the browser.
//!
//! | file | what it is |
//! |---|---|
//! | `app.rs` | The root [`App`]: page header, and the grid of labelled regions. |
//! | `playground.rs` | The shared session ([`Playground`]: console with engine and producers, log, clock settings) and [`use_playground`]. |
//! | `storage.rs` | localStorage: the session as it goes and lesson progress, under versioned keys. |
//! | `links.rs` | Share links: a session or lesson, compressed, in the URL fragment (`#s1=`, `#l1=`). |
//! | `files.rs` | Downloads, files the learner picks, and the browser's deflate (for links). |
//! | `state.rs` | The root reducer ([`UiState`], [`UiAction`]): UI-only state for now; the playground is wired in later. |
//! | `parts.rs` | When the deferred parts load: on the first key or pointer press, and before a line that needs one. |
//! | `docs.rs` | Fetches the model's documentation strings (`docs.json`) the first time a line asks for `help`. |
//! | `components/` | One small component per file: header, theme button, and one region per concept. |

mod app;
pub mod components;
pub mod docs;
pub mod files;
pub mod links;
pub mod parts;
pub mod playground;
mod state;
pub mod storage;
mod theme;

pub use app::App;
pub use playground::{
    use_playground, ActiveLesson, LogEntry, Notice, OfferedLink, OfferedScenario, Origin, Playground, PlaygroundHandle,
    PlaygroundProvider, PAGE_LIMITS,
};
pub use state::{Theme, UiAction, UiState};

/// Mounts the app into the document's `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
    parts::load_on_first_interaction();
}
