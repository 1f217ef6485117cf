//! The playground's own endpoints, under `/_playground/` (a path no AWS operation uses: Kinesis ignores the path and
//! reads the operation from `X-Amz-Target`). JSON in and out; errors are `{"error": "<plain message>"}`.
//!
//! | endpoint | body | answer |
//! |---|---|---|
//! | `GET /_playground/clock` | | `{"now": "<RFC 3339, ms>", "now_ms": <epoch ms>, "clock": "real" \| "manual"}` |
//! | `POST /_playground/clock/advance` | `{"ms": N}` or `{"by": "30s"}` | the clock after moving (manual clock; else 409) |
//! | `POST /_playground/clock/set` | `{"to": "<RFC 3339>"}` | the clock after moving (never backwards: 400) |
//! | `POST /_playground/console` | `{"line": "<console line>"}` | `{"stdout", "stderr", "exit_code", "hints"}` |
//! | `GET /_playground/` | | this list |

use super::served::Served;
use crate::time::{format_rfc3339, parse_duration, parse_timestamp, Millis};
use serde_json::{json, Value};

/// The path prefix of every control endpoint.
pub const PREFIX: &str = "/_playground/";

/// The answer to a control request.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlReply {
    /// The HTTP status.
    pub status: u16,
    /// The JSON body.
    pub body: Value,
    /// The methods the path allows, for a 405 answer's `Allow` header.
    pub allow: Option<&'static str>,
}

impl ControlReply {
    fn ok(body: Value) -> Self {
        ControlReply { status: 200, body, allow: None }
    }

    fn error(status: u16, message: impl Into<String>) -> Self {
        ControlReply { status, body: json!({ "error": message.into() }), allow: None }
    }
}

const ENDPOINTS: [(&str, &str, &str); 5] = [
    ("GET", "clock", "the simulated time: {\"now\", \"now_ms\", \"clock\"}"),
    ("POST", "clock/advance", "move a manual clock forward: {\"ms\": 1000} or {\"by\": \"30s\"}"),
    ("POST", "clock/set", "move a manual clock forward to a time: {\"to\": \"2024-01-01T00:05:00Z\"}"),
    ("POST", "console", "run a console line on the served state: {\"line\": \"sim producer list\"}"),
    ("GET", "", "this list"),
];

/// Answers `method` on `path` (which starts with [`PREFIX`]) with the request body `body`.
pub fn handle(served: &mut Served, method: &str, path: &str, body: &[u8]) -> ControlReply {
    let endpoint = path.strip_prefix(PREFIX).unwrap_or(path).trim_end_matches('/');
    let Some(&(allowed, _, _)) = ENDPOINTS.iter().find(|(_, p, _)| *p == endpoint) else {
        let known: Vec<String> = ENDPOINTS.iter().map(|(m, p, _)| format!("{m} {PREFIX}{p}")).collect();
        return ControlReply::error(
            404,
            format!("There is no playground endpoint {path}. The endpoints are: {}.", known.join(", ")),
        );
    };
    if method != allowed && !(allowed == "GET" && method == "HEAD") {
        let mut reply = ControlReply::error(405, format!("{PREFIX}{endpoint} answers {allowed} only, not {method}."));
        reply.allow = Some(allowed);
        return reply;
    }
    match endpoint {
        "clock" => clock(served),
        "clock/advance" => match parse_body(body).and_then(|b| advance_amount(&b)) {
            Ok(ms) => moved(served, |s| s.advance(ms)),
            Err(e) => ControlReply::error(400, e),
        },
        "clock/set" => match parse_body(body).and_then(|b| set_target(&b)) {
            Ok(to) => moved(served, |s| s.set(to)),
            Err(e) => ControlReply::error(400, e),
        },
        "console" => match parse_body(body).and_then(|b| console_line(&b)) {
            Ok(line) => {
                let out = served.run_line(&line);
                ControlReply::ok(json!({
                    "stdout": out.stdout, "stderr": out.stderr, "exit_code": out.exit_code, "hints": out.hints,
                }))
            }
            Err(e) => ControlReply::error(400, e),
        },
        _ => ControlReply::ok(Value::Object(
            ENDPOINTS.iter().map(|(m, p, what)| (format!("{m} {PREFIX}{p}"), Value::String((*what).into()))).collect(),
        )),
    }
}

fn clock(served: &mut Served) -> ControlReply {
    let now = served.now_ms();
    ControlReply::ok(json!({ "now": format_rfc3339(now), "now_ms": now, "clock": served.clock_mode().name() }))
}

fn moved(
    served: &mut Served,
    f: impl FnOnce(&mut Served) -> Result<Millis, super::served::ClockError>,
) -> ControlReply {
    match f(served) {
        Ok(_) => clock(served),
        Err(e) => ControlReply::error(e.status(), e.message()),
    }
}

fn parse_body(body: &[u8]) -> Result<Value, String> {
    match serde_json::from_slice::<Value>(body) {
        Ok(v @ Value::Object(_)) => Ok(v),
        Ok(_) => Err("The body must be a JSON object.".into()),
        Err(e) => Err(format!("The body is not JSON: {e}.")),
    }
}

fn advance_amount(body: &Value) -> Result<Millis, String> {
    match (body.get("ms"), body.get("by")) {
        (Some(_), Some(_)) => Err("Give either \"ms\" or \"by\", not both.".into()),
        (Some(ms), None) => ms
            .as_i64()
            .filter(|ms| *ms >= 0)
            .ok_or_else(|| format!("\"ms\" must be a whole number of milliseconds, 0 or more (got {ms}).")),
        (None, Some(Value::String(by))) => parse_duration(by).ok_or_else(|| {
            format!("\"by\" must be a duration such as \"500ms\", \"30s\", \"5m\" or \"1h30m\" (got {by:?}).")
        }),
        (None, Some(by)) => Err(format!("\"by\" must be a string such as \"30s\" (got {by}).")),
        (None, None) => Err("Say how far to move the clock: {\"ms\": 1000} or {\"by\": \"30s\"}.".into()),
    }
}

fn set_target(body: &Value) -> Result<Millis, String> {
    match body.get("to") {
        Some(Value::String(to)) => parse_timestamp(to)
            .ok_or_else(|| format!("\"to\" must be an RFC 3339 time such as \"2024-01-01T00:05:00Z\" (got {to:?}).")),
        Some(to) => Err(format!("\"to\" must be a string such as \"2024-01-01T00:05:00Z\" (got {to}).")),
        None => Err("Say when to set the clock to: {\"to\": \"2024-01-01T00:05:00Z\"}.".into()),
    }
}

fn console_line(body: &Value) -> Result<String, String> {
    match body.get("line") {
        Some(Value::String(line)) => Ok(line.clone()),
        Some(line) => Err(format!("\"line\" must be a string (got {line}).")),
        None => Err("Give the console line to run: {\"line\": \"sim producer list\"}.".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::DEFAULT_START_MS;
    use crate::server::{ClockMode, SessionConfig};

    fn served(clock: ClockMode) -> Served {
        Served::new(&SessionConfig {
            clock,
            start_time_ms: DEFAULT_START_MS,
            seed: 0,
            create_delay_ms: 5_000,
            update_delay_ms: 5_000,
            delete_delay_ms: 5_000,
        })
    }

    fn post(s: &mut Served, path: &str, body: &str) -> ControlReply {
        handle(s, "POST", path, body.as_bytes())
    }

    #[test]
    fn reads_and_moves_the_clock() {
        let mut s = served(ClockMode::Manual);
        let r = handle(&mut s, "GET", "/_playground/clock", b"");
        assert_eq!(r.body, json!({"now": "2024-01-01T00:00:00.000Z", "now_ms": DEFAULT_START_MS, "clock": "manual"}));
        let r = post(&mut s, "/_playground/clock/advance", r#"{"ms": 1500}"#);
        assert_eq!(r.body["now"], "2024-01-01T00:00:01.500Z");
        let r = post(&mut s, "/_playground/clock/advance", r#"{"by": "1h30m"}"#);
        assert_eq!(r.body["now"], "2024-01-01T01:30:01.500Z");
        let r = post(&mut s, "/_playground/clock/set", r#"{"to": "2024-01-02T00:00:00Z"}"#);
        assert_eq!((r.status, r.body["now_ms"].as_i64()), (200, Some(DEFAULT_START_MS + 86_400_000)));
    }

    #[test]
    fn refuses_bad_bodies_plainly_and_changes_nothing() {
        let mut s = served(ClockMode::Manual);
        for (path, body, says) in [
            ("/_playground/clock/advance", "{}", "Say how far"),
            ("/_playground/clock/advance", r#"{"ms": -5}"#, "0 or more"),
            ("/_playground/clock/advance", r#"{"ms": 1.5}"#, "whole number"),
            ("/_playground/clock/advance", r#"{"by": "soon"}"#, "duration"),
            ("/_playground/clock/advance", r#"{"ms": 1, "by": "1s"}"#, "not both"),
            ("/_playground/clock/advance", "not json", "not JSON"),
            ("/_playground/clock/advance", "[1]", "JSON object"),
            ("/_playground/clock/set", r#"{"to": "tomorrow"}"#, "RFC 3339"),
            ("/_playground/clock/set", r#"{"to": "2023-12-31T00:00:00Z"}"#, "never goes backwards"),
            ("/_playground/console", r#"{"line": 3}"#, "must be a string"),
        ] {
            let r = post(&mut s, path, body);
            assert_eq!(r.status, 400, "{path} {body}");
            let message = r.body["error"].as_str().unwrap_or_default();
            assert!(message.contains(says), "{path} {body}: {message}");
        }
        assert_eq!(s.now_ms(), DEFAULT_START_MS);
    }

    #[test]
    fn a_real_clock_answers_409() {
        let mut s = served(ClockMode::Real);
        let r = post(&mut s, "/_playground/clock/advance", r#"{"by": "1s"}"#);
        assert_eq!(r.status, 409);
        assert!(r.body["error"].as_str().is_some_and(|m| m.contains("--clock manual")));
        assert_eq!(handle(&mut s, "GET", "/_playground/clock", b"").body["clock"], "real");
    }

    #[test]
    fn runs_console_lines() {
        let mut s = served(ClockMode::Manual);
        let r = post(&mut s, "/_playground/console", r#"{"line": "aws kinesis describe-stream --stream-name nope"}"#);
        assert_eq!(r.status, 200);
        assert_eq!(r.body["exit_code"], 254);
        assert!(r.body["stderr"].as_str().is_some_and(|e| e.contains("ResourceNotFoundException")));
        assert!(r.body["hints"].as_array().is_some_and(|h| !h.is_empty()));
        let keys: Vec<&String> = r.body.as_object().map(|o| o.keys().collect()).unwrap_or_default();
        assert_eq!(keys, ["stdout", "stderr", "exit_code", "hints"]);
    }

    #[test]
    fn unknown_paths_and_wrong_methods_are_explained() {
        let mut s = served(ClockMode::Manual);
        let r = handle(&mut s, "GET", "/_playground/nope", b"");
        assert_eq!(r.status, 404);
        assert!(r.body["error"].as_str().is_some_and(|m| m.contains("POST /_playground/clock/advance")));
        let r = handle(&mut s, "GET", "/_playground/clock/advance", b"");
        assert_eq!((r.status, r.allow), (405, Some("POST")));
        let r = handle(&mut s, "GET", "/_playground/", b"");
        assert_eq!(r.status, 200);
        assert!(r.body.get("POST /_playground/console").is_some());
    }
}
