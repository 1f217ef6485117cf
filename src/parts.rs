//! The page's deferred parts: code a learner needs only once they act (a `--query`, ...), which the page fetches
//! on the learner's first interaction (or first use) instead of before its first render.
//!
//! In the page build (`--features split`, which index.html asks Trunk for) every part is a wasm module of its own:
//! `scripts/split-wasm.sh` cuts it out of the page's binary with `wasm-split-cli` (the `wasm_split_cli_support`
//! crate) at the functions marked with `wasm_split_helpers::wasm_split`, and `__wasm_split.js` fetches it into the
//! same memory and function table. Everywhere else (natively, in the browser tests, in `kinesis-console`) the parts
//! are ordinary code and always ready, so the tests run exactly the code the page runs once a part is in.
//!
//! A part's function is declared with [`split_point!`] and returns `Result<T, NotLoaded>`; callers go through
//! [`now!`], which gives `None` while the part is still on its way (the caller then says so in words, or waits with
//! [`load`]):
//!
//! ```ignore
//! crate::parts::split_point! {
//!     in query, loaded by preload_query,
//!     pub(crate) fn search_part(expr: *const str, data: *const Value) -> Result<Value, QueryError> { ... }
//! }
//!
//! let found = crate::parts::now!(search_part(expr, data));
//! ```

/// The page's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The command interpreter: the shell, `aws kinesis ...` and `sim ...` (`cli::console`), what every console
    /// line runs through, and what only it reaches: every API operation the clock does not drive. With it, at
    /// split points of their own (each with its loader, all awaited by [`load`]): the session's replay (undo, a
    /// restore, a file or a link) and its reader, the transcript export, the lesson reader and a lesson's goal
    /// checks. The engine, the API's clock-driven operations (`api::call_known`) and the views stay in the page:
    /// the views read the engine, the clock drives producers and consumer applications.
    Console,
    /// JMESPath for `--query` (`cli::query`).
    Query,
}

/// Every part, in the order the page fetches them on first interaction.
pub const ALL: [Part; 2] = [Part::Console, Part::Query];

impl Part {
    /// What the part holds, for a learner-facing message ("... still loading").
    pub fn what(self) -> &'static str {
        match self {
            Part::Console => "its command interpreter",
            Part::Query => "the JMESPath engine for --query",
        }
    }
}

/// The parts a console line needs before it runs (so that the page can fetch them first).
pub fn needed_by(line: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    if line.contains("--query") {
        parts.push(Part::Query);
    }
    parts
}

/// Declares a split point of a part: in the page build a function whose body is cut out into the part's module
/// (`wasm_split_helpers::wasm_split`, with a loader `$preload` that [`load`] awaits), everywhere else an ordinary
/// function. Either way it returns `Result<T, NotLoaded>` for the body's `T`; call it through [`now!`].
///
/// Its arguments cross into another wasm module by the C ABI, which has no lifetimes, so borrowed ones travel as raw
/// pointers: the body dereferences them, which is sound because each split point has one caller, next to it, that
/// passes its own borrowed arguments, alive (and not otherwise borrowed) for the whole call.
macro_rules! split_point {
    (
        $(#[$attr:meta])*
        in $module:ident, loaded by $preload:ident,
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $body:block
    ) => {
        $crate::parts::split_point! {
            $(#[$attr])*
            in $module, loaded by $preload,
            $vis fn $name($($arg: $ty),*) -> () $body
        }
    };
    (
        $(#[$attr:meta])*
        in $module:ident, loaded by $preload:ident,
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block
    ) => {
        $(#[$attr])*
        #[cfg_attr(
            all(target_arch = "wasm32", feature = "split"),
            wasm_split_helpers::wasm_split($module, fallible, preload($preload))
        )]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::parts::NotLoaded> {
            Ok($body)
        }
    };
}

pub(crate) use split_point;

/// A part's module has not arrived (or failed to arrive) yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

#[cfg(all(target_arch = "wasm32", feature = "split"))]
impl From<wasm_split_helpers::SplitLoaderError> for NotLoaded {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// Fetches a part's module (once; later calls return at once). False when it could not be fetched: a later call
/// tries again.
pub async fn load(part: Part) -> bool {
    #[cfg(all(target_arch = "wasm32", feature = "split"))]
    {
        // Each split function has a loader of its own (its module is fetched once, by the first).
        match part {
            Part::Console => {
                crate::cli::console::preload_console().await.is_ok()
                    && crate::session::recorder::preload_replay().await.is_ok()
                    && crate::session::format::preload_session_parse().await.is_ok()
                    && crate::session::export::preload_transcript().await.is_ok()
                    && crate::lesson::preload_lesson_parse().await.is_ok()
                    && crate::lesson::run::preload_take_in().await.is_ok()
                    && crate::lesson::run::preload_refresh_state().await.is_ok()
            }
            Part::Query => {
                crate::cli::query::preload_query().await.is_ok()
                    && crate::cli::query::preload_query_check().await.is_ok()
            }
        }
    }
    #[cfg(not(all(target_arch = "wasm32", feature = "split")))]
    {
        let _ = part;
        true
    }
}

/// Polls a part function's future once: its value when the part is in, `None` while it is still loading (the
/// future is dropped, which starts nothing new: [`load`] is what fetches).
#[cfg(all(target_arch = "wasm32", feature = "split"))]
pub fn poll_once<T>(call: impl std::future::Future<Output = Result<T, NotLoaded>>) -> Option<T> {
    let call = std::pin::pin!(call);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match call.poll(&mut cx) {
        std::task::Poll::Ready(result) => result.ok(),
        std::task::Poll::Pending => None,
    }
}

/// Calls a part's function: `Some(value)` when its part is in (always, outside the page build), else `None`.
#[cfg(all(target_arch = "wasm32", feature = "split"))]
macro_rules! now {
    ($call:expr) => {
        $crate::parts::poll_once($call)
    };
}

/// Calls a part's function: `Some(value)` when its part is in (always, outside the page build), else `None`.
#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
macro_rules! now {
    ($call:expr) => {
        $call.ok()
    };
}

pub(crate) use now;
