//! The consuming side of a stream, as the page draws it: registered enhanced fan-out consumers, each shard's
//! timeline of pushed events and subscription renewals, and the read capacity split between what GetRecords
//! readers share and what each fan-out consumer has for itself.
//!
//! Tables are plain rows of text ([`Table`]): the page renders every one of them with the same few lines, and
//! record data, keys and names stay text all the way.

use crate::engine::fan_out::{EndReason, Subscription, FAN_OUT_BYTES_PER_SEC};
use crate::engine::{shard_id, Engine, Stream};
use crate::time::{format_duration, format_short, Millis, MINUTE, SECOND};

/// A table of text: a heading per column, rows of cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub head: Vec<&'static str>,
    pub rows: Vec<Row>,
}

/// One row: a stable key, its cells, and optionally a bar (0 to 100) drawn after the last cell.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub key: String,
    pub cells: Vec<String>,
    pub bar: Option<f64>,
    /// Drawn loudly (a stopped worker, a lease without owner, a consumer not ACTIVE).
    pub loud: bool,
}

impl Table {
    /// The column `name` of every row, for tests and labels.
    pub fn column(&self, name: &str) -> Vec<&str> {
        let Some(i) = self.head.iter().position(|h| *h == name) else { return Vec::new() };
        self.rows.iter().map(|r| r.cells.get(i).map_or("", String::as_str)).collect()
    }
}

/// Clock time of day with milliseconds, `00:00:05.123`.
pub fn time_of_day(ms: Millis) -> String {
    let s = format_short(ms);
    s.split_once(' ').map_or(s.clone(), |(_, t)| t.to_owned())
}

/// The consumers registered with a stream: name, status (with how long it lasts), ARN, creation time.
pub fn consumer_table(stream: &Stream, now: Millis) -> Table {
    let rows = stream
        .consumers
        .iter()
        .map(|c| {
            let mut status = c.status.as_str().to_owned();
            if let Some(until) = c.status_until_ms.filter(|&u| u > now) {
                status.push_str(&format!(" ({} more)", format_duration((until - now + SECOND - 1) / SECOND * SECOND)));
            }
            Row {
                key: c.arn.clone(),
                cells: vec![c.name.clone(), status, c.arn.clone(), crate::time::format_iso(c.created_ms)],
                bar: None,
                loud: c.status.as_str() != "ACTIVE",
            }
        })
        .collect();
    Table { head: vec!["ConsumerName", "ConsumerStatus", "ConsumerARN", "ConsumerCreationTimestamp"], rows }
}

/// How much time a fan-out timeline shows: a subscription's 5 minutes and a little more, so a renewal shows.
pub const TIMELINE_MS: Millis = 6 * MINUTE;
/// The timeline's buckets (6 seconds each).
pub const TIMELINE_BUCKETS: usize = 60;

/// A mark on a timeline, at `left` percent of its width.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub left: f64,
    pub text: String,
}

/// One consumer's subscriptions to one shard over the timeline.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FanOutLane {
    pub consumer: String,
    pub shard_index: u32,
    /// Per bucket (oldest first): the records pushed in it, as a height from 0 to 100 (at least 8 for a bucket
    /// with an event, even an empty one).
    pub buckets: Vec<u64>,
    /// Subscriptions opening (the first, then each renewal) and ending.
    pub marks: Vec<Mark>,
    /// The latest events, newest first: time, records, ContinuationSequenceNumber, MillisBehindLatest.
    pub latest: Vec<String>,
    /// Whether a subscription is open now, and when it ends (renewal due).
    pub open_until: Option<Millis>,
    pub records: u64,
}

fn left(t: Millis, now: Millis) -> f64 {
    ((t - (now - TIMELINE_MS)) as f64 / TIMELINE_MS as f64 * 100.0).clamp(0.0, 100.0)
}

/// The fan-out timelines of a stream, per shard and consumer (shards in order, then consumers by name), over the
/// last [`TIMELINE_MS`]: from the subscriptions the engine keeps (open ones, and the latest ended ones).
pub fn fan_out_lanes(engine: &Engine, stream: &Stream) -> Vec<FanOutLane> {
    let now = engine.now_ms();
    let from = now - TIMELINE_MS;
    let mut subs: Vec<&Subscription> = engine
        .subscriptions()
        .filter(|s| {
            s.stream_name == stream.name && s.end.map(|e| e.at_ms).or(s.interrupted_ms()).is_none_or(|t| t >= from)
        })
        .collect();
    crate::lean::sort_by(&mut subs, |a, b| {
        (a.shard_index, &a.consumer_name, a.started_ms).cmp(&(b.shard_index, &b.consumer_name, b.started_ms))
    });
    let mut lanes: Vec<FanOutLane> = Vec::new();
    let width = TIMELINE_MS / TIMELINE_BUCKETS as Millis;
    let mut counts: Vec<(u32, u64)> = Vec::new();
    for s in subs {
        let same = lanes.last().is_some_and(|l| l.shard_index == s.shard_index && l.consumer == s.consumer_name);
        if !same {
            lanes.push(FanOutLane {
                consumer: s.consumer_name.clone(),
                shard_index: s.shard_index,
                ..Default::default()
            });
            counts = vec![(0, 0); TIMELINE_BUCKETS];
        }
        let Some(lane) = lanes.last_mut() else { continue };
        let what = if same { "renewed" } else { "subscribed" };
        if s.started_ms >= from {
            lane.marks.push(Mark {
                left: left(s.started_ms, now),
                text: format!(
                    "{} {what} ({}) at {}",
                    s.consumer_name,
                    s.starting_type.as_str(),
                    time_of_day(s.started_ms)
                ),
            });
        }
        let end = match (s.end, s.interrupted_ms()) {
            (Some(e), _) => Some((e.at_ms, e.reason)),
            (None, Some(t)) => Some((t, EndReason::Cancelled)),
            (None, None) => None,
        };
        match end {
            Some((at, reason)) => {
                let why = match reason {
                    EndReason::Expired => "5 minutes over: subscribe again",
                    EndReason::ShardEnd => "shard end: go on with the children",
                    EndReason::Exception(t) => t.aws_name(),
                    EndReason::Cancelled => "connection closed",
                };
                lane.marks.push(Mark { left: left(at, now), text: format!("ended at {}: {why}", time_of_day(at)) });
                lane.open_until = None;
            }
            None => lane.open_until = Some(s.expires_ms),
        }
        let window = || s.log.iter().filter(|e| e.at_ms >= from && e.at_ms <= now);
        for e in window() {
            let b = (((e.at_ms - from) / width) as usize).min(TIMELINE_BUCKETS - 1);
            counts[b].0 += 1;
            counts[b].1 += e.records as u64;
            lane.records += e.records as u64;
        }
        // Only the newest three events are shown: the lines are written for those alone (formatting the
        // ContinuationSequenceNumber of every event in the window took most of a render at a few events a second).
        let older = window().count().saturating_sub(3);
        for e in window().skip(older) {
            let line = match (e.exception, e.continuation_sequence_number) {
                (Some(t), _) => format!("{} · {}", time_of_day(e.at_ms), t.aws_name()),
                (None, Some(c)) => format!(
                    "{} · {} record{} · ContinuationSequenceNumber {c} · MillisBehindLatest {}",
                    time_of_day(e.at_ms),
                    e.records,
                    if e.records == 1 { "" } else { "s" },
                    e.millis_behind_latest
                ),
                (None, None) => {
                    format!("{} · end of the shard · {} child shards", time_of_day(e.at_ms), e.child_shards)
                }
            };
            lane.latest.insert(0, line);
            lane.latest.truncate(3);
        }
        let most = counts.iter().map(|c| c.1).max().unwrap_or(0).max(1);
        lane.buckets = counts
            .iter()
            .map(|&(events, records)| if events == 0 { 0 } else { (records * 100 / most).max(8) })
            .collect();
    }
    lanes
}

/// Bytes each enhanced fan-out consumer was pushed from a shard (its own 2 MiB/s), by consumer name: in its latest
/// event of the last second, and the most in one event over the last minute.
pub fn fan_out_bytes(engine: &Engine, stream: &str, shard_index: u32) -> Vec<(String, u64, u64)> {
    let now = engine.now_ms();
    let mut out: Vec<(String, u64, u64)> = Vec::new();
    for s in engine.subscriptions().filter(|s| s.stream_name == stream && s.shard_index == shard_index) {
        // One event a second, each within the second's budget.
        let most = |since: Millis| {
            s.log.iter().filter(|e| e.at_ms >= now - since && e.at_ms <= now).map(|e| e.bytes as u64).max().unwrap_or(0)
        };
        let (recent, peak) = (most(SECOND), most(MINUTE));
        match out.iter_mut().find(|(n, ..)| *n == s.consumer_name) {
            Some(entry) => {
                entry.1 = entry.1.max(recent);
                entry.2 = entry.2.max(peak);
            }
            None if (s.is_open() && s.interrupted_ms().is_none()) || recent > 0 => {
                out.push((s.consumer_name.clone(), recent, peak))
            }
            None => {}
        }
    }
    out
}

/// The fan-out limit per consumer and shard, for meters.
pub const FAN_OUT_LIMIT: u64 = FAN_OUT_BYTES_PER_SEC as u64;

/// The subscribe line for a consumer and shard (`sim subscribe-to-shard`), 30 simulated seconds from LATEST.
pub fn subscribe_line(consumer_arn: &str, shard_index: u32, starting: &str) -> String {
    format!(
        "sim subscribe-to-shard --consumer-arn {consumer_arn} --shard-id {} --starting-position Type={starting} --for 30s",
        shard_id(shard_index)
    )
}
