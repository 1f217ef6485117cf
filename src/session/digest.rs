//! The whole state of a console, in a form two states can be compared by (replay tests, undo, share links).

use crate::cli::Console;
use crate::engine::Engine;
use crate::time::Millis;
use md5::{Digest as _, Md5};
use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

/// Feeds text into MD5 as it is written.
struct Hasher(Md5);

impl fmt::Write for Hasher {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

impl Hasher {
    fn hex(self) -> String {
        self.0.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Everything a session's state consists of, as canonical text: the clock, the engine settings, every stream
/// (status, shards, hash key ranges, records with their sequence numbers and arrival times, throughput meters,
/// tags, consumers, ...), the rest of the engine (enhanced fan-out subscriptions and call counters), the producers
/// and the random generator, and the shell variables. Only the engine's redraw counter is left out: it counts
/// calls, not state.
///
/// The engine and the simulation are taken in full from their `Debug` form, so a field another branch adds is
/// compared too, with no list here to keep up to date. (That form is deterministic because engine state never
/// holds a `HashMap`, whose order would vary from run to run; nothing deterministic may.) The text holds every
/// payload byte: meant for tests and the page's end-to-end checks, not for a million records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub now_ms: Millis,
    /// Each stream's state, by name (also inside `engine`; kept apart to say which stream differs).
    pub streams: BTreeMap<String, String>,
    /// The whole engine but its redraw counter.
    pub engine: String,
    /// Producers, their counters and the random generator (empty for an engine alone).
    pub simulation: String,
    /// Shell variables (empty for an engine alone).
    pub variables: BTreeMap<String, String>,
}

impl Digest {
    /// The state of an engine alone.
    pub fn of_engine(engine: &Engine) -> Digest {
        let mut text = format!("{engine:?}");
        // The redraw counter is a top-level field; nothing printed after it (enhanced fan-out state) can hold this
        // text, so the last occurrence is the field itself.
        let field = format!("revision: {}", engine.revision());
        if let Some(at) = text.rfind(&field) {
            text.replace_range(at..at + field.len(), "revision: _");
        }
        Digest {
            now_ms: engine.now_ms(),
            streams: crate::lean::btree_map(engine.streams().map(|s| (s.name.clone(), format!("{s:?}")))),
            engine: text,
            simulation: String::new(),
            variables: BTreeMap::new(),
        }
    }

    /// The state of a console: its engine, its simulation and its shell variables.
    pub fn of_console(console: &Console) -> Digest {
        Digest {
            simulation: format!("{:?}", console.simulation()),
            variables: console.variables().clone(),
            ..Digest::of_engine(console.engine())
        }
    }

    /// A short fingerprint of the state (32 hex digits: MD5 of the canonical text), for showing or comparing
    /// across processes (an end-to-end test compares two pages by it).
    pub fn fingerprint(&self) -> String {
        let mut h = Hasher(Md5::new());
        let _ = writeln!(h, "{}\n{}\n{}", self.now_ms, self.engine, self.simulation);
        for (k, v) in &self.variables {
            let _ = writeln!(h, "{k}={v}");
        }
        h.hex()
    }

    /// Where two states differ first, in words with a little context (for test failures); `None` when equal.
    pub fn first_difference(&self, other: &Digest) -> Option<String> {
        if self == other {
            return None;
        }
        let clip = |a: &str, b: &str| {
            let at = a.chars().zip(b.chars()).position(|(x, y)| x != y).unwrap_or(0);
            let window = |s: &str| s.chars().skip(at.saturating_sub(80)).take(160).collect::<String>();
            format!("…{}…\n  versus\n…{}…", window(a), window(b))
        };
        if self.now_ms != other.now_ms {
            return Some(format!("the clock: {} versus {}", self.now_ms, other.now_ms));
        }
        let names = |d: &Digest| d.streams.keys().cloned().collect::<Vec<_>>();
        if names(self) != names(other) {
            return Some(format!("the streams: {:?} versus {:?}", names(self), names(other)));
        }
        for (name, a) in &self.streams {
            let b = &other.streams[name];
            if a != b {
                return Some(format!("stream {name}: {}", clip(a, b)));
            }
        }
        if self.engine != other.engine {
            return Some(format!("the engine: {}", clip(&self.engine, &other.engine)));
        }
        if self.simulation != other.simulation {
            return Some(format!("the simulation: {}", clip(&self.simulation, &other.simulation)));
        }
        Some(format!("the shell variables: {:?} versus {:?}", self.variables, other.variables))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::ConsoleConfig;
    use crate::engine::DEFAULT_START_MS;

    #[test]
    fn tells_states_apart_and_says_where() {
        let new = || Console::new(ConsoleConfig { start_time_ms: DEFAULT_START_MS, seed: 0 });
        let (mut a, mut b) = (new(), new());
        assert_eq!(Digest::of_console(&a), Digest::of_console(&b));
        for c in [&mut a, &mut b] {
            c.run("aws kinesis create-stream --stream-name S --shard-count 2");
            c.advance(5_000);
        }
        assert_eq!(Digest::of_console(&a).fingerprint(), Digest::of_console(&b).fingerprint());
        a.run("aws kinesis put-record --stream-name S --partition-key k --data aGk=");
        b.run("aws kinesis put-record --stream-name S --partition-key k --data aGo=");
        let (da, db) = (Digest::of_console(&a), Digest::of_console(&b));
        assert_ne!(da.fingerprint(), db.fingerprint());
        let why = da.first_difference(&db).unwrap();
        assert!(why.starts_with("stream S:"), "{why}");
        b.run("X=1");
        assert!(Digest::of_console(&b).first_difference(&db).unwrap().contains("\"X\""));
        assert_eq!(da.fingerprint().len(), 32);
        // Redrawing is not state: a change that only bumps the redraw counter leaves the digest alone ...
        let revision = a.engine().revision();
        a.run("sim throttling on");
        assert!(a.engine().revision() > revision);
        assert_eq!(
            Digest::of_engine(a.engine()),
            Digest::of_engine(&{
                let mut e = a.engine().clone();
                e.set_enforce_throughput(true);
                e
            })
        );
        // ... and state outside the streams counts (DescribeStreamConsumer's calls per second live beside them).
        a.run("aws kinesis register-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:123456789012:stream/S --consumer-name app");
        let before = Digest::of_engine(a.engine());
        let out = a.run("aws kinesis describe-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:123456789012:stream/S --consumer-name app");
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        let after = Digest::of_engine(a.engine());
        assert_eq!(after.streams, before.streams);
        assert!(after.first_difference(&before).unwrap().starts_with("the engine:"));
    }
}
