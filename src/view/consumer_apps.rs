//! Consumer applications (`sim consumer-app`, [`crate::sim::consumer_app`]) as the page draws them: the lease
//! table as the KCL shows it, each shard's checkpoint against its tip, and the workers with what they hold and
//! process.

use super::consumers::{Row, Table};
use super::readers::shorten;
use crate::engine::{Engine, SequenceNumber};
use crate::sim::consumer_app::{Checkpoint, ConsumerApp, FAILOVER_MS};

/// What the page shows of one application.
#[derive(Debug, Clone, PartialEq)]
pub struct AppView {
    pub name: String,
    pub stream: String,
    /// `enhanced fan-out (consumer ARN)` or `polling GetRecords`.
    pub mode: String,
    pub leases: Table,
    pub workers: Table,
    /// Loud lines: throttling, leases waiting for an owner.
    pub notes: Vec<String>,
    /// The last error a call answered (it may be long past: a subscription tried while the consumer was CREATING).
    pub last_error: Option<String>,
}

/// Records after the checkpoint in the shard, and the checkpoint's place between the oldest record kept and the
/// tip (0 to 100); `None` when the checkpoint is not a place in the shard yet (LATEST before any record).
fn behind(engine: &Engine, app: &ConsumerApp, index: u32, checkpoint: &Checkpoint) -> (String, Option<f64>) {
    let Some(shard) = engine.stream(&app.stream).and_then(|s| s.shard(index)) else { return ("-".into(), None) };
    let (first, next) = (shard.first_counter(), shard.next_counter());
    let done = match checkpoint {
        Checkpoint::ShardEnd => return ("finished (SHARD_END)".into(), Some(100.0)),
        Checkpoint::Latest => return ("waiting for new records (LATEST)".into(), None),
        Checkpoint::TrimHorizon => first,
        Checkpoint::Sequence(s) => SequenceNumber::parse(s).map_or(first, |q| q.counter + 1).max(first),
    };
    let left = next.saturating_sub(done);
    let pct = if next <= first { 100.0 } else { (done - first) as f64 / (next - first) as f64 * 100.0 };
    let text = if left == 0 { "caught up".to_owned() } else { format!("{left} behind") };
    (text, Some(pct.clamp(0.0, 100.0)))
}

/// The view of one application.
pub fn app_view(engine: &Engine, app: &ConsumerApp) -> AppView {
    let rows = app
        .leases
        .iter()
        .map(|l| {
            let (text, bar) = behind(engine, app, l.shard_index, &l.checkpoint);
            let checkpoint = match &l.checkpoint {
                Checkpoint::Sequence(s) => shorten(s, 8),
                other => other.as_text().to_owned(),
            };
            let owner = l.lease_owner.clone().unwrap_or_else(|| "-".into());
            let age = l.millis_behind_latest.map_or("-".into(), |ms| format!("{ms} ms"));
            let parents = if l.parent_shard_ids.is_empty() { "-".into() } else { l.parent_shard_ids.join(", ") };
            let free = l.lease_owner.is_none() && l.checkpoint != Checkpoint::ShardEnd;
            Row {
                key: l.lease_key.clone(),
                cells: vec![l.lease_key.clone(), owner, checkpoint, l.lease_counter.to_string(), parents, age, text],
                bar,
                loud: free,
            }
        })
        .collect();
    let leases = Table {
        head: vec![
            "leaseKey",
            "leaseOwner",
            "checkpoint",
            "leaseCounter",
            "parentShardIds",
            "iterator age",
            "against the tip",
        ],
        rows,
    };
    let workers = Table {
        head: vec!["worker", "state", "leases", "processed", "records/s"],
        rows: app
            .workers
            .iter()
            .map(|w| {
                let held: Vec<&str> = app
                    .leases
                    .iter()
                    .filter(|l| l.lease_owner.as_deref() == Some(w.id.as_str()))
                    .map(|l| l.lease_key.trim_start_matches("shardId-").trim_start_matches('0'))
                    .map(|n| if n.is_empty() { "0" } else { n })
                    .collect();
                let held = match held.len() {
                    0 => "none".to_owned(),
                    1 => format!("shard {}", held[0]),
                    _ => format!("shards {}", held.join(", ")),
                };
                let state = if w.stopped { "stopped (not renewing)" } else { "running" };
                Row {
                    key: w.id.clone(),
                    cells: vec![
                        w.id.clone(),
                        state.into(),
                        held,
                        w.processed.to_string(),
                        w.processed_last_second.to_string(),
                    ],
                    bar: None,
                    loud: w.stopped,
                }
            })
            .collect(),
    };
    let mut notes = Vec::new();
    let free = app.leases.iter().filter(|l| l.lease_owner.is_none() && l.checkpoint != Checkpoint::ShardEnd).count();
    if free > 0 && !app.workers.is_empty() {
        notes.push(format!(
            "{free} lease{} without an owner: a running worker takes one at the next whole second (a stopped worker's leases expire after {}).",
            if free == 1 { "" } else { "s" },
            crate::time::format_duration(FAILOVER_MS)
        ));
    }
    if app.throttled > 0 {
        notes.push(format!(
            "{} GetRecords calls throttled (ReadProvisionedThroughputExceeded): polling readers share 5 calls and 2 MiB per second per shard.",
            app.throttled
        ));
    }
    let mode = match &app.consumer_arn {
        Some(arn) => format!("enhanced fan-out ({arn})"),
        None if app.enhanced_fan_out => "enhanced fan-out (consumer gone)".into(),
        None => "polling GetRecords every 500 ms".into(),
    };
    AppView {
        name: app.name.clone(),
        stream: app.stream.clone(),
        mode,
        leases,
        workers,
        notes,
        last_error: app.last_error.clone(),
    }
}

/// The `sim consumer-app add` line for the form's values, or what is wrong with them.
pub fn add_app_line(stream: &str, name: &str, workers: &str, enhanced: bool) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() || name.len() > 128 || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b)) {
        return Err("The application name is letters, digits, _ . - (up to 128).".into());
    }
    let workers = workers.trim().parse::<u32>().ok().filter(|w| (1..=64).contains(w));
    let workers = workers.ok_or("Workers is a whole number from 1 to 64.")?;
    let efo = if enhanced { " --enhanced-fan-out" } else { "" };
    Ok(format!("sim consumer-app add --stream-name {stream} --app-name {name} --workers {workers}{efo}"))
}
