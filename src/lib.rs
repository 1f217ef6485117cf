//! Kinesis Playground: Amazon Kinesis Data Streams, simulated in Rust, for learning.
//!
//! Data flows one way: commands go down, views come up.
//!
//! | module | what it is |
//! |---|---|
//! | [`engine`] | The pure, deterministic state machine: streams, shards, hash key ranges, records, sequence numbers, shard iterators, retention. Time is an input (a simulated clock the caller advances). |
//! | [`api`] | The Kinesis JSON protocol: one file per operation, request validation with AWS's wording, one dispatch entry point (what an HTTP handler would call). |
//! | [`cli`] | AWS CLI v2 emulation on top of [`api`]: shell tokenizer, `aws kinesis <op>` parser, output exactly as the real CLI prints it, plus `sim ...` playground commands. |
//! | [`sim`] | Producers, readers and scenarios driven by a seeded random generator. |
//! | [`lesson`] | Lessons: the file format teachers write, goals checked against the state and the commands run, hints, progress. |
//! | [`session`] | Saved sessions: the versioned JSON log of a session (lines, time passing, API calls), its exact replay, undo. |
//! | [`parts`] | The page's deferred parts: code fetched on the learner's first interaction (`--query`, ...), split into wasm modules of their own in the page build. |
//! | [`lean`] | Small stand-ins for standard-library code too large for the page: a decimal parser, one stable sort. |
//! | [`time`] | Calendar arithmetic and the timestamp formats Kinesis and the CLI print. |
//! | [`view`] | View models for the page: routing steps, sequence-number explanations, lane windows, payload rendering. Pure. |
//! | `ui` | Yew components: the only code that touches the browser (wasm32 only). |
//! | `server` | The simulator on the wire for real clients: JSON and CBOR over HTTP/1.1 and HTTP/2, SubscribeToShard event streams, `--state`, the playground's clock endpoints (native only). |
//!
//! `engine`, `api`, `cli`, `sim`, `session`, `lesson`, `time` and `view` use no browser crate, no wall clock and no OS randomness, so
//! they test natively with `cargo test` and replay deterministically. `ui` and `server` are the edges that meet the world.

pub mod api;
pub mod cli;
pub mod engine;
pub mod lean;
pub mod lesson;
pub mod parts;
pub mod session;
pub mod sim;
pub mod time;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod server;
