//! `sim subscribe-to-shard --consumer-arn ARN --shard-id ID --starting-position Type=...[,SequenceNumber=...|,Timestamp=...] [--for 30s]`:
//! what an SDK program does with SubscribeToShard (which AWS CLI v2 does not offer).
//!
//! It opens the subscription through the api ([`crate::api::ops::consumers::subscribe_to_shard`]), then lets
//! simulated time pass second by second, as a waiter does (producers, generators and consumer applications run on
//! the way: [`Simulation::run`]), and prints each event as it arrives, one JSON object a line, in the shape an SDK
//! hands it to a program: `{"SubscribeToShardEvent": {"Records": [...], "ContinuationSequenceNumber": "...",
//! "MillisBehindLatest": 0}}`, records as the CLI prints them (Data in base64, timestamps in ISO 8601). After
//! `--for` (30 s unless given, at most the subscription's 5 minutes) the program closes the connection; a last
//! line says how it ended and where to resume.

use crate::api::ops::consumers::subscribe_to_shard::{subscribe, StreamMessage};
use crate::cli::aws::Outcome;
use crate::cli::calls::{ApiCall, CallDetail};
use crate::cli::model::model;
use crate::cli::output::normalize;
use crate::engine::fan_out::{EndReason, SUBSCRIPTION_LIFETIME_MS};
use crate::engine::Engine;
use crate::sim::Simulation;
use crate::time::{format_duration, format_iso, parse_duration, parse_timestamp, to_epoch_seconds_f64, Millis};
use serde_json::{json, Map, Value};

/// How long the command listens unless `--for` says otherwise.
const DEFAULT_FOR_MS: Millis = 30_000;

struct Options {
    request: Value,
    for_ms: Millis,
}

fn parse(opts: &[&str]) -> Result<Options, String> {
    let (mut arn, mut shard, mut position, mut for_ms) = (None, None, None, DEFAULT_FOR_MS);
    for pair in opts.chunks(2) {
        let [flag, value] = pair else { return Err(format!("{} needs a value", pair[0])) };
        match *flag {
            "--consumer-arn" => arn = Some((*value).to_owned()),
            "--shard-id" => shard = Some((*value).to_owned()),
            "--starting-position" => position = Some(starting_position(value)?),
            "--for" => {
                for_ms =
                    parse_duration(value).filter(|&ms| ms > 0 && ms <= SUBSCRIPTION_LIFETIME_MS).ok_or_else(|| {
                        format!(
                            "--for {value}: a duration up to 5m, the life of one subscription (examples: 10s, 90s, 5m)"
                        )
                    })?
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    let arn = arn.ok_or("--consumer-arn is required (see `aws kinesis list-stream-consumers`)")?;
    let shard = shard.ok_or("--shard-id is required (see `aws kinesis list-shards`)")?;
    let position = position.ok_or("--starting-position is required, e.g. Type=LATEST or Type=TRIM_HORIZON")?;
    Ok(Options { request: json!({"ConsumerARN": arn, "ShardId": shard, "StartingPosition": position}), for_ms })
}

/// `Type=AT_TIMESTAMP,Timestamp=2024-01-01T00:00:05Z` (shorthand) or the same as JSON; the timestamp as the CLI
/// takes it (ISO 8601 or epoch seconds), sent as epoch seconds.
fn starting_position(text: &str) -> Result<Value, String> {
    let mut v: Value = if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|e| format!("--starting-position is not valid JSON: {e}"))?
    } else {
        crate::cli::aws::shorthand::parse(text).map_err(|e| format!("--starting-position: {}", e.message()))?
    };
    let Some(obj) = v.as_object_mut() else {
        return Err("--starting-position is Type=...[,SequenceNumber=...|,Timestamp=...]".into());
    };
    if let Some(Value::String(t)) = obj.get("Timestamp") {
        let ms = parse_timestamp(t).ok_or_else(|| {
            format!("--starting-position: Timestamp {t} is not a date (2024-01-01T00:00:05Z) or epoch seconds")
        })?;
        obj.insert("Timestamp".into(), json!(to_epoch_seconds_f64(ms)));
    }
    Ok(v)
}

/// An event as an SDK hands it to a program, records and child shards shaped as the CLI prints them.
fn sdk_event(payload: &Value) -> Value {
    let m = model();
    let mut event = Map::new();
    if let Some(records) = payload.get("Records") {
        event.insert("Records".into(), normalize(m, "RecordList", records));
    }
    for k in ["ContinuationSequenceNumber", "MillisBehindLatest"] {
        if let Some(v) = payload.get(k) {
            event.insert(k.into(), v.clone());
        }
    }
    if let Some(children) = payload.get("ChildShards") {
        event.insert("ChildShards".into(), normalize(m, "ChildShardList", children));
    }
    json!({ "SubscribeToShardEvent": event })
}

/// Runs `sim subscribe-to-shard ...` (`opts` after `subscribe-to-shard`).
pub fn run(engine: &mut Engine, sim: &mut Simulation, opts: &[&str]) -> Result<Outcome, String> {
    let o = parse(opts)?;
    let call = |error: Option<&str>| ApiCall {
        operation: "SubscribeToShard".into(),
        waiter: false,
        request: o.request.clone(),
        error: error.map(str::to_owned),
        detail: CallDetail::None,
    };
    let stream = match subscribe(engine, &o.request) {
        Ok(s) => s,
        Err(e) => {
            return Ok(Outcome {
                calls: vec![call(Some(e.error_type.aws_name()))],
                stderr: format!(
                    "sim subscribe-to-shard: An error occurred ({}) when calling the SubscribeToShard operation: {}\n",
                    e.error_type.aws_name(),
                    e.message
                ),
                exit_code: 1,
                hints: vec![format!("{}: {}", e.error_type.aws_name(), e.error_type.explanation())],
                ..Default::default()
            })
        }
    };
    let started = engine.now_ms();
    let until = started.saturating_add(o.for_ms);
    let (mut out, mut events, mut records) = (String::new(), 0usize, 0usize);
    let mut last_seq: Option<String> = None;
    let mut ended: Option<(Millis, EndReason)> = None;
    let mut error = None;
    loop {
        for message in stream.poll(engine) {
            match message {
                StreamMessage::Event { payload, .. } => {
                    events += 1;
                    records += payload["Records"].as_array().map_or(0, Vec::len);
                    if let Some(s) = payload.get("ContinuationSequenceNumber").and_then(Value::as_str) {
                        last_seq = Some(s.to_owned());
                    }
                    out.push_str(&sdk_event(&payload).to_string());
                    out.push('\n');
                }
                StreamMessage::Exception { error: e, .. } => {
                    out.push_str(&json!({ e.error_type.aws_name(): { "message": e.message } }).to_string());
                    out.push('\n');
                    error = Some(e);
                }
                StreamMessage::End { at_ms, reason } => ended = Some((at_ms, reason)),
            }
        }
        let now = engine.now_ms();
        if ended.is_some() || now >= until {
            break;
        }
        sim.run(engine, (until - now).min(1_000));
    }
    if ended.is_none() {
        stream.cancel(engine);
    }
    let now = engine.now_ms();
    let how = match ended {
        None => format!("closed the connection after {}", format_duration(now - started)),
        Some((_, EndReason::Expired)) => "the subscription's 5 minutes were up".into(),
        Some((_, EndReason::ShardEnd)) => {
            "the shard is closed and every record was pushed; go on with its child shards".into()
        }
        Some((_, EndReason::Exception(t))) => format!("the event stream ended with {}", t.aws_name()),
        Some((_, EndReason::Cancelled)) => "the connection was closed".into(),
    };
    let resume = match (&last_seq, ended) {
        (_, Some((_, EndReason::ShardEnd))) => String::new(),
        (Some(seq), _) => {
            format!(" Resume with --starting-position Type=AFTER_SEQUENCE_NUMBER,SequenceNumber={seq}.")
        }
        (None, _) => String::new(),
    };
    out.push_str(&format!(
        "{}: {how}. {events} event{}, {records} record{}.{resume}\n",
        format_iso(now),
        if events == 1 { "" } else { "s" },
        if records == 1 { "" } else { "s" }
    ));
    let detail = CallDetail::Subscription {
        position: o.request["StartingPosition"]["Type"].as_str().and_then(crate::engine::ShardIteratorType::parse),
        shard: o.request["ShardId"].as_str().and_then(crate::engine::parse_shard_id),
        events,
        records,
    };
    let calls = vec![ApiCall { detail, ..call(None) }];
    Ok(match error {
        None => Outcome { calls, ..Outcome::ok(out) },
        Some(e) => Outcome {
            stdout: out,
            calls,
            exit_code: 1,
            hints: vec![format!("{}: {}", e.error_type.aws_name(), e.error_type.explanation())],
            ..Default::default()
        },
    })
}
