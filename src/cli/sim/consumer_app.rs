//! `sim consumer-app add|list|remove|leases|worker add|remove|stop`: KCL-style consumer applications
//! ([`crate::sim::consumer_app`]).

use crate::cli::aws::Outcome;
use crate::engine::Engine;
use crate::sim::consumer_app::{ConsumerApp, InitialPosition, MAX_WORKERS};
use crate::sim::Simulation;
use crate::time::format_duration;

fn usage(msg: String) -> Outcome {
    Outcome { stderr: format!("sim consumer-app: {msg}\nTry `sim help`.\n"), exit_code: 2, ..Default::default() }
}

/// Flags and values; `--enhanced-fan-out` takes none.
fn options<'a>(opts: &[&'a str]) -> Result<Vec<(&'a str, Option<&'a str>)>, String> {
    let mut out = Vec::new();
    let mut it = opts.iter();
    while let Some(flag) = it.next() {
        if *flag == "--enhanced-fan-out" {
            out.push((*flag, None));
        } else if flag.starts_with("--") {
            out.push((*flag, Some(*it.next().ok_or_else(|| format!("{flag} needs a value"))?)));
        } else {
            return Err(format!("unexpected '{flag}'"));
        }
    }
    Ok(out)
}

fn add(engine: &mut Engine, sim: &mut Simulation, opts: &[&str]) -> Result<Outcome, String> {
    let (mut stream, mut name, mut workers, mut efo, mut initial, mut rate) =
        (None, None, 2usize, false, InitialPosition::TrimHorizon, None);
    for (flag, value) in options(opts)? {
        let v = value.unwrap_or_default();
        match flag {
            "--stream-name" => stream = Some(v.to_owned()),
            "--app-name" => name = Some(v.to_owned()),
            "--workers" => {
                workers = v
                    .parse()
                    .ok()
                    .filter(|w| (1..=MAX_WORKERS).contains(w))
                    .ok_or(format!("--workers is a whole number from 1 to {MAX_WORKERS}"))?
            }
            "--enhanced-fan-out" => efo = true,
            "--initial-position" => {
                initial = match v {
                    "TRIM_HORIZON" => InitialPosition::TrimHorizon,
                    "LATEST" => InitialPosition::Latest,
                    _ => return Err("--initial-position is TRIM_HORIZON or LATEST".into()),
                }
            }
            "--process-rate" => {
                rate = Some(
                    v.parse()
                        .ok()
                        .filter(|r| (1..=100_000).contains(r))
                        .ok_or("--process-rate is a whole number of records per second from 1 to 100000")?,
                )
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    let stream = stream.ok_or("--stream-name is required")?;
    let name = name.ok_or("--app-name is required")?;
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c)) || name.is_empty() || name.len() > 128 {
        return Err("--app-name: letters, digits, _ . - (up to 128), as a consumer name".into());
    }
    if engine.stream(&stream).is_none() {
        return Err(format!("there is no stream {stream}"));
    }
    let mut app = ConsumerApp::new(&name, &stream, workers, efo, initial);
    if let Some(r) = rate {
        app.process_rate = r;
    }
    let rate = app.process_rate;
    sim.add_app(engine, app)?;
    Ok(Outcome::ok(format!(
        "Application {name} reads {stream} with {workers} worker{} ({}), from {}. Leases are taken as simulated time passes: see `sim consumer-app leases --app-name {name}`.\n",
        if workers == 1 { "" } else { "s" },
        if efo {
            "enhanced fan-out: its consumer is registered, and workers subscribe once it is ACTIVE".to_owned()
        } else {
            format!("polling GetRecords every 500 ms, {rate} records/s per worker")
        },
        if initial == InitialPosition::Latest { "LATEST" } else { "TRIM_HORIZON" },
    )))
}

fn app_name<'a>(opts: &[(&'a str, Option<&'a str>)]) -> Result<&'a str, String> {
    opts.iter().find(|(f, _)| *f == "--app-name").and_then(|(_, v)| *v).ok_or_else(|| "--app-name is required".into())
}

fn leases(engine: &Engine, app: &ConsumerApp) -> String {
    let mut s = format!("Lease table of {} (stream {}):\n", app.name, app.stream);
    s.push_str("leaseKey              leaseOwner  leaseCounter  checkpoint                                                  parentShardIds                           iteratorAge\n");
    for l in &app.leases {
        let parents = if l.parent_shard_ids.is_empty() { "-".to_owned() } else { l.parent_shard_ids.join(",") };
        let age = l.millis_behind_latest.map_or("-".to_owned(), |ms| format!("{ms} ms"));
        s.push_str(&format!(
            "{:<21} {:<11} {:>12}  {:<59} {:<40} {}\n",
            l.lease_key,
            l.lease_owner.as_deref().unwrap_or("-"),
            l.lease_counter,
            l.checkpoint.as_text(),
            parents,
            age
        ));
    }
    if app.leases.is_empty() {
        s.push_str("(no leases yet: they are created at the next whole simulated second)\n");
    }
    let _ = engine;
    s
}

/// Runs `sim consumer-app ...` (`words` after `consumer-app`).
pub fn run(engine: &mut Engine, sim: &mut Simulation, words: &[&str]) -> Outcome {
    let result = match words {
        ["add", opts @ ..] => add(engine, sim, opts).map_err(|m| format!("add: {m}")),
        ["list"] => {
            if sim.apps().is_empty() {
                return Outcome::ok("No consumer applications. Start one with `sim consumer-app add --stream-name S --app-name A --workers 2`.\n".into());
            }
            let mut s = String::from("APP                  STREAM               MODE     WORKER      LEASES  PROCESSED  LAST SECOND  STATE\n");
            for a in sim.apps() {
                let mode = if a.enhanced_fan_out { "fan-out" } else { "polling" };
                for w in &a.workers {
                    let held = a.leases.iter().filter(|l| l.lease_owner.as_deref() == Some(w.id.as_str())).count();
                    s.push_str(&format!(
                        "{:<20} {:<20} {:<8} {:<11} {:>6}  {:>9}  {:>11}  {}\n",
                        a.name,
                        a.stream,
                        mode,
                        w.id,
                        held,
                        w.processed,
                        w.processed_last_second,
                        if w.stopped { "stopped (not renewing)" } else { "running" }
                    ));
                }
                if a.throttled > 0 {
                    s.push_str(&format!("{}: {} GetRecords calls throttled.\n", a.name, a.throttled));
                }
                if let Some(e) = &a.last_error {
                    s.push_str(&format!("{}'s last error: {e}\n", a.name));
                }
            }
            Ok(Outcome::ok(s))
        }
        ["leases", opts @ ..] => options(opts)
            .and_then(|o| app_name(&o).map(str::to_owned))
            .and_then(|name| {
                let app =
                    sim.apps().iter().find(|a| a.name == name).ok_or(format!("there is no application {name}"))?;
                Ok(Outcome::ok(leases(engine, app)))
            })
            .map_err(|m| format!("leases: {m}")),
        ["remove", opts @ ..] => options(opts)
            .and_then(|o| app_name(&o).map(str::to_owned))
            .and_then(|name| {
                if sim.remove_app(engine, &name) {
                    Ok(Outcome::ok(format!("Application {name}: stopped and removed.\n")))
                } else {
                    Err(format!("there is no application {name}"))
                }
            })
            .map_err(|m| format!("remove: {m}")),
        ["worker", verb @ ("add" | "remove" | "stop"), opts @ ..] => (|| {
            let o = options(opts)?;
            let name = app_name(&o)?.to_owned();
            let worker = o.iter().find(|(f, _)| *f == "--worker").and_then(|(_, v)| *v).map(str::to_owned);
            let app = sim.app_mut(&name).ok_or(format!("there is no application {name}"))?;
            match *verb {
                "add" => {
                    let id = app.add_worker().ok_or(format!("at most {MAX_WORKERS} workers"))?;
                    Ok(Outcome::ok(format!("{name}: {id} started; it takes its share of the leases within seconds.\n")))
                }
                "remove" => {
                    let id = worker
                        .or_else(|| app.workers.last().map(|w| w.id.clone()))
                        .ok_or("the application has no workers")?;
                    if app.remove_worker(engine, &id) {
                        Ok(Outcome::ok(format!(
                            "{name}: {id} shut down and released its leases; the other workers take them.\n"
                        )))
                    } else {
                        Err(format!("{name} has no worker {id}"))
                    }
                }
                _ => {
                    let id = worker.ok_or("--worker is required (see `sim consumer-app list`)")?;
                    if app.stop_worker(&id) {
                        Ok(Outcome::ok(format!(
                            "{name}: {id} stopped renewing its leases; after {} the other workers take them over.\n",
                            format_duration(crate::sim::consumer_app::FAILOVER_MS)
                        )))
                    } else {
                        Err(format!("{name} has no worker {id}"))
                    }
                }
            }
        })()
        .map_err(|m: String| format!("worker {verb}: {m}")),
        _ => Err(format!("unknown command '{}'", words.join(" "))),
    };
    result.unwrap_or_else(usage)
}
