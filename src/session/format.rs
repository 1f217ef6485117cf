//! The saved-session document: reading it (refusing anything damaged, foreign or newer) and writing it.

use super::settings::Settings;
use super::{Limits, SessionError};
use crate::engine::EngineConfig;
use crate::time::{format_rfc3339, parse_iso, Millis, MAX_MILLIS, MIN_MILLIS};
use serde_json::{json, Map, Value};

/// The document's `kind`.
pub const KIND: &str = "kinesis-playground-session";
/// The format version this playground writes, and the newest it reads.
pub const VERSION: u64 = 1;

/// One step of a session, replayed in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// `{"line": "..."}`: a console command, run as typed (one complete command; continued lines joined by `\n`).
    Line(String),
    /// `{"advance_ms": N}`: simulated time passing (the live clock, the server's clock), producers writing on the
    /// way. Adjacent ones add up: advancing is chunk-invariant.
    Advance(Millis),
    /// `{"at_ms": T, "call": "PutRecord", "request": {...}}`: a Kinesis API call with its wire JSON request. Time
    /// first passes until `at_ms`, as an advance would.
    Call { at_ms: Millis, operation: String, request: Value },
}

impl Entry {
    /// The entry as JSON.
    pub fn to_value(&self) -> Value {
        match self {
            Entry::Line(line) => json!({ "line": line }),
            Entry::Advance(ms) => json!({ "advance_ms": ms }),
            Entry::Call { at_ms, operation, request } => {
                json!({ "at_ms": at_ms, "call": operation, "request": request })
            }
        }
    }

    /// True for the entries that are commands (a line or a call), false for time passing.
    pub fn is_command(&self) -> bool {
        !matches!(self, Entry::Advance(_))
    }
}

/// A saved session: how the simulation started and everything that happened since.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedSession {
    /// The simulated start time, epoch ms (`"start_time"`, RFC 3339 in the file).
    pub start_time_ms: Millis,
    /// The seed of the simulation's random generator.
    pub seed: u64,
    pub settings: Settings,
    pub entries: Vec<Entry>,
}

impl SavedSession {
    /// An empty session of an engine with these settings.
    pub fn new(config: &EngineConfig, seed: u64) -> SavedSession {
        SavedSession {
            start_time_ms: config.start_time_ms,
            seed,
            settings: Settings::from_config(config),
            entries: Vec::new(),
        }
    }

    /// The engine configuration a replay starts from.
    pub fn engine_config(&self) -> EngineConfig {
        self.settings.to_config(self.start_time_ms)
    }

    /// The commands (lines and calls) in the session.
    pub fn command_count(&self) -> usize {
        self.entries.iter().filter(|e| e.is_command()).count()
    }

    /// Reads a saved session. The checks run in this order, so that each refusal says the most useful thing:
    /// size, JSON, `kind`, `version` (a newer one is refused as newer, whatever else it holds), then every field.
    ///
    /// # Errors
    /// [`SessionError::TooLarge`], [`SessionError::NotJson`], [`SessionError::NotASession`],
    /// [`SessionError::Newer`], [`SessionError::TooManyEntries`] or [`SessionError::Damaged`], each with a plain
    /// sentence for the learner (`to_string()`).
    ///
    /// The reader runs in the page's `console` part ([`crate::parts`]): [`SessionError::NotLoaded`] while that part
    /// has not arrived.
    pub fn parse(text: &str, limits: &Limits) -> Result<SavedSession, SessionError> {
        crate::parts::now!(parse_part(text as *const str, limits as *const Limits))
            .unwrap_or(Err(SessionError::NotLoaded))
    }

    fn parse_now(text: &str, limits: &Limits) -> Result<SavedSession, SessionError> {
        if text.len() > limits.max_bytes {
            return Err(SessionError::TooLarge { bytes: text.len(), limit: limits.max_bytes });
        }
        let value: Value = serde_json::from_str(text).map_err(|e| SessionError::NotJson(e.to_string()))?;
        let Some(doc) = value.as_object() else { return Err(SessionError::NotASession) };
        if doc.get("kind").and_then(Value::as_str) != Some(KIND) {
            return Err(SessionError::NotASession);
        }
        let damaged = |why: String| SessionError::Damaged(why);
        let version = match doc.get("version") {
            Some(v) => {
                v.as_u64().filter(|&v| v >= 1).ok_or_else(|| damaged(format!("its version {v} is not 1, 2, 3, ...")))?
            }
            None => return Err(damaged("it has no \"version\"".into())),
        };
        if version > VERSION {
            return Err(SessionError::Newer { version });
        }
        if let Some(key) =
            doc.keys().find(|k| !["kind", "version", "start_time", "seed", "settings", "entries"].contains(&k.as_str()))
        {
            return Err(damaged(format!("it has a field \"{key}\" that version {VERSION} does not have")));
        }
        let start_time_ms = match doc.get("start_time") {
            Some(Value::String(t)) => {
                parse_iso(t).ok_or_else(|| damaged(format!("its start_time {t:?} is not an RFC 3339 time")))?
            }
            Some(other) => return Err(damaged(format!("its start_time {other} is not an RFC 3339 time"))),
            None => return Err(damaged("it has no \"start_time\"".into())),
        };
        let seed = match doc.get("seed") {
            Some(v) => {
                v.as_u64().ok_or_else(|| damaged(format!("its seed {v} is not a whole number from 0 to 2^64 - 1")))?
            }
            None => return Err(damaged("it has no \"seed\"".into())),
        };
        let settings = match doc.get("settings") {
            None => Settings::default(),
            Some(v) => {
                let s: Settings = serde_json::from_value(v.clone())
                    .map_err(|e| damaged(format!("its settings are not understood ({e})")))?;
                s.check().map_err(|why| damaged(format!("in its settings, {why}")))?;
                s
            }
        };
        let Some(list) = doc.get("entries").and_then(Value::as_array) else {
            return Err(damaged("it has no list of \"entries\"".into()));
        };
        if list.len() > limits.max_entries {
            return Err(SessionError::TooManyEntries { entries: list.len(), limit: limits.max_entries });
        }
        let entries =
            list.iter().enumerate().map(|(i, e)| entry(i + 1, e)).collect::<Result<Vec<_>, _>>().map_err(damaged)?;
        Ok(SavedSession { start_time_ms, seed, settings, entries })
    }

    /// The document as JSON text: one key per line at the top, one entry per line, so that it reads (and diffs)
    /// well in a text editor.
    pub fn to_json(&self) -> String {
        let settings = serde_json::to_string(&self.settings).unwrap_or_else(|_| "{}".into());
        let mut s = format!(
            "{{\"kind\": \"{KIND}\", \"version\": {VERSION},\n \"start_time\": {}, \"seed\": {},\n \"settings\": {settings},\n \"entries\": [",
            json!(rfc3339(self.start_time_ms)),
            self.seed
        );
        for (i, e) in self.entries.iter().enumerate() {
            s.push_str(if i == 0 { "\n  " } else { ",\n  " });
            s.push_str(&e.to_value().to_string());
        }
        s.push_str(if self.entries.is_empty() { "]}\n" } else { "\n ]}\n" });
        s
    }

    /// Appends an entry, adding time passing to time passing just before it (the same state, by chunk
    /// invariance) and dropping zero advances.
    pub fn push(&mut self, entry: Entry) {
        match (self.entries.last_mut(), entry) {
            (_, Entry::Advance(ms)) if ms <= 0 => {}
            (Some(Entry::Advance(last)), Entry::Advance(ms)) => *last = last.saturating_add(ms),
            (_, entry) => self.entries.push(entry),
        }
    }
}

/// `2024-01-01T00:00:00Z`, with milliseconds only when there are some.
fn rfc3339(ms: Millis) -> String {
    let s = format_rfc3339(ms);
    s.strip_suffix(".000Z").map_or(s.clone(), |t| format!("{t}Z"))
}

/// Reads entry number `n` (from 1).
fn entry(n: usize, v: &Value) -> Result<Entry, String> {
    let Some(m) = v.as_object() else { return Err(format!("entry {n} is not an object")) };
    let only = |keys: &[&str]| match m.keys().find(|k| !keys.contains(&k.as_str())) {
        Some(k) => Err(format!("entry {n} has a field \"{k}\" beside \"{}\"", keys[0])),
        None => Ok(()),
    };
    let time = |key: &str, min: Millis| -> Result<Millis, String> {
        m.get(key).and_then(Value::as_i64).filter(|t| (min..=MAX_MILLIS).contains(t)).ok_or_else(|| {
            format!("entry {n}: \"{key}\" is not a whole number of milliseconds from {min} to {MAX_MILLIS}")
        })
    };
    if let Some(line) = m.get("line") {
        only(&["line"])?;
        return line
            .as_str()
            .map(|l| Entry::Line(l.to_owned()))
            .ok_or_else(|| format!("entry {n}: \"line\" is not text"));
    }
    if m.contains_key("advance_ms") {
        only(&["advance_ms"])?;
        return time("advance_ms", 0).map(Entry::Advance);
    }
    if let Some(call) = m.get("call") {
        only(&["call", "at_ms", "request"])?;
        let operation = call.as_str().ok_or_else(|| format!("entry {n}: \"call\" is not an operation name"))?;
        if !super::recorder::replayable(operation) {
            return Err(format!("entry {n} calls {operation:?}, an operation this playground does not simulate"));
        }
        let at_ms = time("at_ms", MIN_MILLIS)?;
        let request = match m.get("request") {
            None => Value::Object(Map::new()),
            Some(r @ Value::Object(_)) => r.clone(),
            Some(_) => return Err(format!("entry {n}: \"request\" is not a JSON object")),
        };
        return Ok(Entry::Call { at_ms, operation: operation.to_owned(), request });
    }
    Err(format!("entry {n} has none of \"line\", \"advance_ms\" and \"call\""))
}

crate::parts::split_point! {
    /// [`SavedSession::parse`]'s split point.
    in console, loaded by preload_session_parse,
    pub(crate) fn parse_part(text: *const str, limits: *const Limits) -> Result<SavedSession, SessionError> {
        // SAFETY: `split_point!`'s rule; `SavedSession::parse` passes its own borrowed arguments.
        let (text, limits) = unsafe { (&*text, &*limits) };
        SavedSession::parse_now(text, limits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits::FILE;

    fn sample() -> SavedSession {
        let config = EngineConfig { create_delay_ms: 500, ..EngineConfig::default() };
        let mut s = SavedSession::new(&config, 42);
        s.push(Entry::Line("aws kinesis create-stream --stream-name S --shard-count 1".into()));
        s.push(Entry::Advance(400));
        s.push(Entry::Advance(0));
        s.push(Entry::Advance(600));
        s.push(Entry::Call {
            at_ms: 1_704_067_205_123,
            operation: "PutRecord".into(),
            request: json!({"StreamName": "S", "PartitionKey": "k", "Data": "aGk="}),
        });
        s.push(Entry::Line("echo 'two\nlines'".into()));
        s
    }

    #[test]
    fn writes_the_documented_shape_and_reads_it_back() {
        let s = sample();
        assert_eq!(s.entries.len(), 4, "adjacent advances add up, zero ones vanish");
        let text = s.to_json();
        assert_eq!(
            text,
            "{\"kind\": \"kinesis-playground-session\", \"version\": 1,\n \"start_time\": \"2024-01-01T00:00:00Z\", \"seed\": 42,\n \"settings\": {\"create_delay_ms\":500},\n \"entries\": [\n  {\"line\":\"aws kinesis create-stream --stream-name S --shard-count 1\"},\n  {\"advance_ms\":1000},\n  {\"at_ms\":1704067205123,\"call\":\"PutRecord\",\"request\":{\"StreamName\":\"S\",\"PartitionKey\":\"k\",\"Data\":\"aGk=\"}},\n  {\"line\":\"echo 'two\\nlines'\"}\n ]}\n"
        );
        assert_eq!(SavedSession::parse(&text, &LIMITS).unwrap(), s);
        assert_eq!(s.command_count(), 3);
        assert_eq!(s.engine_config().create_delay_ms, 500);
        let empty = SavedSession::new(&EngineConfig { start_time_ms: 1_704_067_200_007, ..Default::default() }, 0);
        assert!(empty.to_json().contains("\"2024-01-01T00:00:00.007Z\""));
        assert_eq!(SavedSession::parse(&empty.to_json(), &LIMITS).unwrap(), empty);
    }

    fn refusal(text: &str) -> String {
        SavedSession::parse(text, &LIMITS).unwrap_err().to_string()
    }

    fn with(change: &str) -> String {
        let base = r#"{"kind": "kinesis-playground-session", "version": 1, "start_time": "2024-01-01T00:00:00Z", "seed": 0, "settings": {}, "entries": []}"#;
        let mut v: Value = serde_json::from_str(base).unwrap();
        let patch: Value = serde_json::from_str(change).unwrap();
        for (k, val) in patch.as_object().unwrap() {
            if val.is_null() {
                v.as_object_mut().unwrap().remove(k);
            } else {
                v[k] = val.clone();
            }
        }
        v.to_string()
    }

    #[test]
    fn refuses_what_is_not_a_session_or_is_newer() {
        assert!(refusal("{\"kind\": ").contains("not valid JSON"));
        assert!(refusal("[1, 2]").contains("not a Kinesis Playground session"));
        assert!(refusal(&with(r#"{"kind": "something-else"}"#)).contains("not a Kinesis Playground session"));
        let newer = refusal(&with(r#"{"version": 2, "entries": "a format we cannot know", "colour": 1}"#));
        assert!(newer.contains("newer version") && newer.contains("format 2"), "{newer}");
        assert!(refusal(&with(r#"{"version": 0}"#)).contains("version 0"));
        assert!(refusal(&with(r#"{"version": "1"}"#)).contains("version"));
        let big = " ".repeat(LIMITS.max_bytes + 1);
        assert!(refusal(&big).contains("more than"));
    }

    #[test]
    fn refuses_damaged_fields_and_entries_by_number() {
        let cases = [
            (r#"{"start_time": "yesterday"}"#, "start_time"),
            (r#"{"start_time": null}"#, "no \"start_time\""),
            (r#"{"seed": -1}"#, "seed"),
            (r#"{"seed": 1.5}"#, "seed"),
            (r#"{"settings": {"colour": 1}}"#, "settings are not understood"),
            (r#"{"settings": {"create_delay_ms": -5}}"#, "create_delay_ms"),
            (r#"{"entries": null}"#, "entries"),
            (r#"{"extra": true}"#, "field \"extra\""),
            (r#"{"entries": [{"line": "ok"}, 7]}"#, "entry 2 is not an object"),
            (r#"{"entries": [{"line": 5}]}"#, "entry 1: \"line\" is not text"),
            (r#"{"entries": [{"line": "a", "advance_ms": 5}]}"#, "entry 1 has a field \"advance_ms\""),
            (r#"{"entries": [{"advance_ms": -5}]}"#, "entry 1: \"advance_ms\""),
            (r#"{"entries": [{"advance_ms": 1e99}]}"#, "entry 1: \"advance_ms\""),
            (r#"{"entries": [{"call": "PutRecord", "request": {}}]}"#, "entry 1: \"at_ms\""),
            (r#"{"entries": [{"call": "MakeCoffee", "at_ms": 0}]}"#, "does not simulate"),
            (r#"{"entries": [{"call": "ListStreams", "at_ms": 0, "request": [1]}]}"#, "not a JSON object"),
            (r#"{"entries": [{}]}"#, "entry 1 has none of"),
        ];
        for (change, expected) in cases {
            let msg = refusal(&with(change));
            assert!(msg.starts_with("This session file is damaged: "), "{change}: {msg}");
            assert!(msg.contains(expected), "{change}: {msg}");
        }
        let many = Limits { max_entries: 2, ..LIMITS };
        let text = with(r#"{"entries": [{"line": "a"}, {"line": "b"}, {"line": "c"}]}"#);
        assert!(SavedSession::parse(&text, &many).unwrap_err().to_string().contains("3 entries"));
        let ok = SavedSession::parse(
            &with(r#"{"settings": null, "entries": [{"call": "ListStreams", "at_ms": 5}]}"#),
            &LIMITS,
        )
        .unwrap();
        assert_eq!(ok.entries, vec![Entry::Call { at_ms: 5, operation: "ListStreams".into(), request: json!({}) }]);
    }
}
