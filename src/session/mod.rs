//! Saved sessions: one versioned JSON document that replays a playground session exactly.
//!
//! The page (Save / Open session, localStorage, undo, share links) and the wire server (`--state FILE`) write and
//! read the same document:
//!
//! ```json
//! {"kind": "kinesis-playground-session", "version": 1,
//!  "start_time": "2024-01-01T00:00:00Z", "seed": 0,
//!  "settings": {"create_delay_ms": 500},
//!  "entries": [
//!   {"line": "aws kinesis create-stream --stream-name DemoStream --shard-count 1"},
//!   {"advance_ms": 1000},
//!   {"at_ms": 1704067205123, "call": "PutRecord", "request": {"StreamName": "DemoStream", "PartitionKey": "1", "Data": "aGk="}}
//!  ]}
//! ```
//!
//! `settings` holds the engine settings that differ from the defaults ([`Settings`]). A replay builds a fresh
//! console from `start_time`, `seed` and `settings`, then runs each entry in order ([`Entry`]): a console line as
//! typed, time passing (producers writing on the way), or an API call with its wire request (time first passes
//! until its `at_ms`). The same document always replays to the same state: the same streams, shards, records,
//! sequence numbers, producers, shell variables ([`Digest`] compares them).
//!
//! **Why the log holds time as plain sums, not the chunks it came in.** The page's live clock advances the
//! simulation in frame-sized chunks (about 100 ms of real time each), and the server moves its clock before every
//! request. Logging every chunk would make a session of an hour thousands of entries long. Instead advancing was
//! made chunk-invariant, so `advance(a)` then `advance(b)` *is* `advance(a + b)`: producers write on a grid of
//! absolute time (every 100 ms of epoch time, counting due records in whole numbers from their first step, see
//! [`crate::sim`]) and on-demand streams are checked for scaling on every whole second (see
//! [`crate::engine::capacity`]), never at the end of a call. Adjacent advances then add up into one entry
//! ([`SavedSession::push`]), and an API call's `at_ms` absorbs the time before it. `tests/chunk_invariance.rs`
//! proves the property over random streams, writes, reads, reshards, producers and chunkings. (`sim clock
//! advance` is a *jump*, producing for its first minute only; it is a line, so it replays as that line.)
//!
//! **What is not logged.** Operations that change nothing ([`NO_EFFECT_OPERATIONS`]), and what a SubscribeToShard
//! connection pushes ([`Recorder::poll`], [`Recorder::cancel`]): the SubscribeToShard call itself is logged and
//! replayed, so the subscription, its id and the consumer's rate limits come back, but the events already pushed
//! over a connection are connection state, which a restart ends anyway. Nothing else depends on them.
//!
//! **Untrusted input.** A file, a link or a stored session may be damaged, foreign, from a newer playground or
//! built to hang the page. [`SavedSession::parse`] refuses the first three with a plain sentence
//! ([`SessionError`]) before anything runs; [`Recorder::replay`] runs on a fresh console and bounds the work
//! ([`Limits`]), so a refusal at any entry leaves the caller's current session as it was.
//!
//! | file | concern |
//! |---|---|
//! | `format.rs` | [`SavedSession`], [`Entry`]: reading (with refusals) and writing the document |
//! | `settings.rs` | [`Settings`]: the engine settings that differ from the defaults |
//! | `recorder.rs` | [`Recorder`]: a console that logs what it does, replay, undo |
//! | `digest.rs` | [`Digest`]: the whole state of a console, to compare two of them |
//! | [`export`] | the session as a bash script for the real AWS CLI v2, and as a transcript |

mod digest;
pub mod export;
pub(crate) mod format;
pub(crate) mod recorder;
mod settings;

pub use digest::Digest;
pub use format::{Entry, SavedSession, KIND, VERSION};
pub use recorder::{Recorder, NO_EFFECT_OPERATIONS};
pub use settings::Settings;

use crate::lean::Fixed;
use std::fmt;

/// How much a saved session may ask of the playground.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The longest document read, in bytes.
    pub max_bytes: usize,
    /// The most entries replayed.
    pub max_entries: usize,
    /// The most records producers may attempt during a replay (written, throttled or failed).
    pub max_producer_records: u64,
}

impl Limits {
    /// For files and the server's state file: 64 MiB, a million entries, ten million producer records.
    pub const FILE: Limits = Limits { max_bytes: 64 << 20, max_entries: 1_000_000, max_producer_records: 10_000_000 };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::FILE
    }
}

/// Why a saved session was refused. `to_string()` is a plain sentence for the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    /// Longer than [`Limits::max_bytes`].
    TooLarge { bytes: usize, limit: usize },
    /// Not JSON (serde's description, with line and column).
    NotJson(String),
    /// JSON without `"kind": "kinesis-playground-session"`.
    NotASession,
    /// A format version newer than [`VERSION`].
    Newer { version: u64 },
    /// More entries than [`Limits::max_entries`].
    TooManyEntries { entries: usize, limit: usize },
    /// A session of a known version whose content breaks the format (what and where).
    Damaged(String),
    /// The entries do not replay: `entry` counts from 1.
    Replay { entry: usize, reason: String },
    /// The page could not fetch the command interpreter's part, which reads and replays sessions
    /// ([`crate::parts::Part::Console`]).
    NotLoaded,
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::TooLarge { bytes, limit } => write!(
                f,
                "This session is {}, more than the {} a session may hold, so it was not opened.",
                size(*bytes),
                size(*limit)
            ),
            SessionError::NotJson(detail) => {
                write!(f, "This is not a session the playground can read: it is not valid JSON ({detail}).")
            }
            SessionError::NotASession => write!(
                f,
                "This is not a Kinesis Playground session: it has no \"kind\": \"{KIND}\"."
            ),
            SessionError::Newer { version } => write!(
                f,
                "This session was saved by a newer version of the playground (session format {version}; this one reads format {VERSION}). Open it in a newer playground."
            ),
            SessionError::TooManyEntries { entries, limit } => write!(
                f,
                "This session holds {entries} entries, more than the {limit} the playground replays, so it was not opened."
            ),
            SessionError::Damaged(why) => write!(f, "This session file is damaged: {why}."),
            SessionError::Replay { entry, reason } => write!(f, "This session does not replay: entry {entry} {reason}."),
            SessionError::NotLoaded => write!(
                f,
                "The playground could not load {}, which reads and replays sessions (check the connection, then try again).",
                crate::parts::Part::Console.what()
            ),
        }
    }
}

impl std::error::Error for SessionError {}

/// `812 bytes`, `12.5 KiB`, `64.0 MiB`.
fn size(bytes: usize) -> String {
    match bytes {
        b if b < 1024 => format!("{b} bytes"),
        b if b < 1 << 20 => format!("{} KiB", Fixed(b as f64 / 1024.0, 1)),
        b => format!("{} MiB", Fixed(b as f64 / f64::from(1 << 20), 1)),
    }
}
