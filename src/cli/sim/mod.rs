//! The playground's own commands, under `sim`: they control the simulation, not Kinesis.
//!
//! `sim help`, `sim clock`, `sim clock advance <duration>`, `sim reset`, `sim throttling on|off`, and
//! `sim producer add|list|pause|resume|remove`, `sim record`, `sim generator ...`, `sim consumer-app ...`, `sim subscribe-to-shard`. New families are added by extending [`COMMANDS`] and [`run`].

mod consumer_app;
mod generator;
mod record;
mod subscribe;

use crate::cli::aws::Outcome;
use crate::engine::{Engine, EngineConfig};
use crate::lean::Fixed;
use crate::sim::{KeyDistribution, ProducerSpec, Simulation};
use crate::time::{format_duration, format_iso, parse_duration};

/// Every `sim` command with its one-line description (`sim help` prints this).
pub const COMMANDS: &[(&str, &str)] = &[
    ("sim help", "show this list"),
    ("sim clock", "print the simulated time"),
    (
        "sim clock advance <duration>",
        "move the simulated clock forward (500ms, 30s, 5m, 2h, 1d, 1h30m); producers write on the way",
    ),
    ("sim reset", "delete every stream and producer and restart the clock at the start time"),
    ("sim throttling on|off", "enforce the per-shard throughput limits (on, as in Kinesis) or not"),
    (
        "sim producer add --stream-name S --rate N [--keys K] [--hot-key KEY --hot-share 0.9] [--template T]",
        "start a producer writing N records/s over K keys ({n}, {key} and {ms} in T are replaced)",
    ),
    ("sim producer list", "show the producers and what they have written"),
    ("sim producer pause|resume|remove <id>", "pause, resume or remove a producer"),
    (
        "sim record --stream-name S --size 10MiB [--partition-key K]",
        "write one record of that size with PutRecord (try large records and the shard's write tank)",
    ),
    (
        "sim generator add --stream-name S --rate N (--preset atm | --template T) [--key-field F | --keys N | --hot-key K | --partition-key T]",
        "generate records from a template with placeholders ({{int 1 100}}, {{city}}, {{time}}, ...); `sim generator help` shows the syntax",
    ),
    ("sim generator test (--preset P | --template T)", "show five sample records of a template, writing nothing"),
    ("sim generator presets|list|pause|resume|remove <id>", "the presets; the generators; pause, resume or remove one"),
    (
        "sim consumer-app add --stream-name S --app-name A [--workers 2] [--enhanced-fan-out] [--initial-position LATEST] [--process-rate 1000]",
        "start a KCL-style application: workers share the shards through a lease table and checkpoint each batch",
    ),
    (
        "sim consumer-app list | leases --app-name A | remove --app-name A",
        "the applications and their workers; the lease table (owner, counter, checkpoint, parents, iterator age)",
    ),
    (
        "sim consumer-app worker add|remove|stop --app-name A [--worker worker-1]",
        "add a worker, shut one down (its leases are released), or stop one (it stops renewing; others take over)",
    ),
    (
        "sim subscribe-to-shard --consumer-arn ARN --shard-id ID --starting-position Type=LATEST [--for 30s]",
        "subscribe as an SDK does (enhanced fan-out) and print each event as simulated time passes (Type=TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER,SequenceNumber=..., AFTER_SEQUENCE_NUMBER,SequenceNumber=..., AT_TIMESTAMP,Timestamp=...)",
    ),
];

fn usage_error(msg: String) -> Outcome {
    Outcome { stderr: format!("{msg}\nTry `sim help`.\n"), exit_code: 2, ..Default::default() }
}

/// Runs `sim <args...>` (`args` excludes `sim`). `config` is the engine configuration `sim reset` restores.
pub fn run(engine: &mut Engine, sim: &mut Simulation, config: &EngineConfig, args: &[String]) -> Outcome {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] | ["help"] => {
            let mut s = String::from("Playground commands (they drive the simulator, not Kinesis):\n");
            for (c, d) in COMMANDS {
                s.push_str(&format!("  {c}\n      {d}\n"));
            }
            Outcome::ok(s)
        }
        ["clock"] => Outcome::ok(format!("{}\n", format_iso(engine.now_ms()))),
        ["clock", "advance", d] => match parse_duration(d) {
            Some(ms) => {
                let report = sim.jump(engine, ms);
                let mut out = format!("{} (+{})\n", format_iso(engine.now_ms()), format_duration(ms));
                if report.written + report.throttled + report.failed > 0 {
                    out.push_str(&format!(
                        "Producers wrote {} records ({} throttled, {} failed).\n",
                        report.written, report.throttled, report.failed
                    ));
                }
                if report.skipped_ms > 0 {
                    out.push_str(&format!(
                        "Producers ran for the first {} of this jump; the remaining {} passed without their traffic.\n",
                        format_duration(crate::sim::MAX_PRODUCING_MS),
                        format_duration(report.skipped_ms)
                    ));
                }
                Outcome::ok(out)
            }
            None => {
                usage_error(format!("sim clock advance: invalid duration '{d}' (examples: 500ms, 30s, 5m, 2h, 1d)"))
            }
        },
        ["reset"] => {
            *engine = Engine::new(config.clone());
            sim.reset();
            Outcome::ok(format!("Simulation reset; the clock is at {}.\n", format_iso(engine.now_ms())))
        }
        ["throttling", mode @ ("on" | "off")] => {
            engine.set_enforce_throughput(*mode == "on");
            Outcome::ok(if *mode == "on" {
                "Throughput limits are enforced, per shard: in, 1,000 records a second and 1 MiB a second on average (a 10 MiB tank); out, 2 MiB or 5 reads a second.\n".to_owned()
            } else {
                "Throughput limits are off: shards take any rate (real Kinesis never does this).\n".to_owned()
            })
        }
        ["producer", rest @ ..] => producer(sim, rest),
        ["consumer-app", rest @ ..] => consumer_app::run(engine, sim, rest),
        ["generator", rest @ ..] => generator::run(sim, engine.now_ms(), rest),
        ["subscribe-to-shard", opts @ ..] => {
            subscribe::run(engine, sim, opts).unwrap_or_else(|m| usage_error(format!("sim subscribe-to-shard: {m}")))
        }
        ["record", opts @ ..] => record::run(engine, opts).unwrap_or_else(|m| usage_error(format!("sim record: {m}"))),
        ["lesson", ..] => Outcome {
            stderr: "sim lesson: no lesson is running in this console. In a terminal, start one with `kinesis-console --lesson lessons/01-first-stream.md`.\n".into(),
            exit_code: 2,
            ..Default::default()
        },
        _ => usage_error(format!("sim: unknown command '{}'", words.join(" "))),
    }
}

fn producer(sim: &mut Simulation, words: &[&str]) -> Outcome {
    match words {
        ["add", opts @ ..] => match parse_producer(opts) {
            Ok(spec) => {
                let what = match &spec.keys {
                    KeyDistribution::HotKey { hot_key, share, keys } => {
                        format!(
                            "{}% of them with the key '{hot_key}', the rest over {keys} keys",
                            Fixed(share * 100.0, 0)
                        )
                    }
                    KeyDistribution::Uniform { keys } | KeyDistribution::RoundRobin { keys } => {
                        format!("over {keys} keys")
                    }
                };
                let line = format!("{} records/s to {}, {what}", spec.records_per_second, spec.stream);
                let id = sim.add_producer(spec);
                Outcome::ok(format!("Producer {id} writes {line}. It runs as simulated time passes.\n"))
            }
            Err(msg) => usage_error(format!("sim producer add: {msg}")),
        },
        ["list"] => {
            if sim.producers().is_empty() {
                return Outcome::ok(
                    "No producers. Start one with `sim producer add --stream-name S --rate 100`.\n".into(),
                );
            }
            let mut s = String::from("ID  STREAM               RATE/S  WRITTEN  THROTTLED  FAILED  STATE\n");
            for p in sim.producers() {
                s.push_str(&format!(
                    "{:<3} {:<20} {:>6}  {:>7}  {:>9}  {:>6}  {}\n",
                    p.id,
                    p.spec.stream,
                    p.spec.records_per_second,
                    p.writes.sent,
                    p.writes.throttled,
                    p.writes.failed,
                    if p.paused { "paused" } else { "running" }
                ));
            }
            Outcome::ok(s)
        }
        [verb @ ("pause" | "resume" | "remove"), id] => {
            let Ok(id) = id.parse::<u32>() else {
                return usage_error(format!("sim producer {verb}: '{id}' is not a producer id"));
            };
            let found = match *verb {
                "remove" => sim.remove_producer(id),
                v => sim.set_paused(id, v == "pause"),
            };
            if found {
                Outcome::ok(format!(
                    "Producer {id}: {}.\n",
                    if *verb == "pause" {
                        "paused"
                    } else if *verb == "resume" {
                        "resumed"
                    } else {
                        "removed"
                    }
                ))
            } else {
                usage_error(format!("sim producer {verb}: there is no producer {id} (see `sim producer list`)"))
            }
        }
        _ => usage_error(format!("sim producer: unknown command '{}'", words.join(" "))),
    }
}

fn parse_producer(opts: &[&str]) -> Result<ProducerSpec, String> {
    let mut spec = ProducerSpec::uniform("", 0, 16);
    let (mut keys, mut hot_key, mut hot_share) = (16u32, None::<String>, 0.9f64);
    let mut it = opts.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match *flag {
            "--stream-name" | "--stream" => spec.stream = (*value).to_owned(),
            "--rate" => {
                spec.records_per_second = value
                    .parse()
                    .ok()
                    .filter(|r| (1..=100_000).contains(r))
                    .ok_or("--rate is a whole number of records per second from 1 to 100000")?
            }
            "--keys" => {
                keys = value
                    .parse()
                    .ok()
                    .filter(|k| (1..=1_000_000).contains(k))
                    .ok_or("--keys is a whole number from 1 to 1000000")?
            }
            "--hot-key" => hot_key = Some((*value).to_owned()),
            "--hot-share" => {
                hot_share = crate::lean::parse_f64(value)
                    .filter(|s| (0.0..=1.0).contains(s))
                    .ok_or("--hot-share is a number from 0 to 1")?
            }
            "--template" => spec.template = (*value).to_owned(),
            other => return Err(format!("unknown option {other}")),
        }
    }
    if spec.stream.is_empty() {
        return Err("--stream-name is required".into());
    }
    if spec.records_per_second == 0 {
        return Err("--rate is required".into());
    }
    spec.keys = match hot_key {
        Some(hot_key) => KeyDistribution::HotKey { hot_key, share: hot_share, keys },
        None => KeyDistribution::Uniform { keys },
    };
    Ok(spec)
}
