//! `sim generator help|presets|test|add|list|pause|resume|remove`: the data generator ([`crate::sim::generator`]).

use crate::cli::aws::Outcome;
use crate::sim::generator::{preset, preset_key, sample, template, KeyStrategy, Template, PRESETS};
use crate::sim::{GeneratorSpec, Simulation};
use crate::time::Millis;

fn usage(msg: String) -> Outcome {
    Outcome { stderr: format!("sim generator: {msg}\nTry `sim generator help`.\n"), exit_code: 2, ..Default::default() }
}

/// `sim generator help`.
pub fn help() -> String {
    let mut s = String::from(
        "sim generator: records from a template, at a rate, through PutRecords (throttled like any write).\n\
         \n\
         \x20 sim generator add --stream-name S --rate N (--preset P | --template T) [KEY]\n\
         \x20 sim generator test (--preset P | --template T) [KEY]      five sample records, nothing written\n\
         \x20 sim generator presets | list | pause ID | resume ID | remove ID\n\
         \n\
         KEY, the partition key (the preset's, or uniform over 16 keys, unless given):\n\
         \x20 --partition-key T                 a template of its own, e.g. 'atm-{{int 1 20}}'\n\
         \x20 --keys N                          uniform over N keys (key-0 .. key-N-1)\n\
         \x20 --hot-key K [--hot-share 0.9]     that share of records with key K, the rest over --keys (16)\n\
         \x20 --key-field F                     the value of the record's top-level JSON field F\n\
         \n\
         Placeholders in templates (the rest is copied as it is; quote the template with '...'):\n",
    );
    s.push_str(template::SYNTAX);
    s.push_str("\nPresets: ");
    s.push_str(&PRESETS.iter().map(|p| p.name).collect::<Vec<_>>().join(", "));
    s.push_str(" (`sim generator presets` shows them).\n");
    s
}

struct Parsed {
    stream: Option<String>,
    rate: Option<u32>,
    template_text: String,
    template: Template,
    key: KeyStrategy,
    /// What the records are, for messages: `preset atm` or `your template`.
    what: String,
}

fn parse(opts: &[&str]) -> Result<Parsed, String> {
    let (mut stream, mut rate, mut template_text, mut what) = (None, None, None::<String>, String::new());
    let (mut key, mut preset_default) = (None::<KeyStrategy>, None::<KeyStrategy>);
    let (mut keys, mut hot_key, mut hot_share) = (None::<u32>, None::<String>, 0.9f64);
    for pair in opts.chunks(2) {
        let [flag, value] = pair else { return Err(format!("{} needs a value", pair[0])) };
        match *flag {
            "--stream-name" => stream = Some((*value).to_owned()),
            "--rate" => {
                rate = Some(
                    value
                        .parse()
                        .ok()
                        .filter(|r| (1..=100_000).contains(r))
                        .ok_or("--rate is a whole number of records per second from 1 to 100000")?,
                )
            }
            "--preset" => {
                let p = preset(value).ok_or_else(|| {
                    format!(
                        "there is no preset '{value}' (presets: {})",
                        PRESETS.iter().map(|p| p.name).collect::<Vec<_>>().join(", ")
                    )
                })?;
                template_text = Some(p.template.to_owned());
                preset_default = Some(preset_key(p.key)?);
                what = format!("preset {}", p.name);
            }
            "--template" => {
                template_text = Some((*value).to_owned());
                what = "your template".into();
            }
            "--partition-key" => {
                key = Some(KeyStrategy::Template(Template::parse(value).map_err(|e| format!("--partition-key: {e}"))?))
            }
            "--key-field" => key = Some(KeyStrategy::Field((*value).to_owned())),
            "--keys" => {
                keys = Some(
                    value
                        .parse()
                        .ok()
                        .filter(|k| (1..=1_000_000).contains(k))
                        .ok_or("--keys is a whole number from 1 to 1000000")?,
                )
            }
            "--hot-key" => hot_key = Some((*value).to_owned()),
            "--hot-share" => {
                hot_share = crate::lean::parse_f64(value)
                    .filter(|s| (0.0..=1.0).contains(s))
                    .ok_or("--hot-share is a number from 0 to 1")?
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    let template_text = template_text.ok_or("give --preset NAME or --template '...' (see `sim generator presets`)")?;
    let template = Template::parse(&template_text).map_err(|e| format!("--template: {e}"))?;
    let key = match (key, hot_key, keys) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            return Err("choose one partition key: --partition-key, --key-field, --keys or --hot-key".into())
        }
        (Some(k), None, None) => k,
        (None, Some(hot_key), keys) => KeyStrategy::HotKey { hot_key, share: hot_share, keys: keys.unwrap_or(16) },
        (None, None, Some(keys)) => KeyStrategy::Uniform { keys },
        (None, None, None) => preset_default.unwrap_or(KeyStrategy::Uniform { keys: 16 }),
    };
    Ok(Parsed { stream, rate, template_text, template, key, what })
}

fn spec_of(p: &Parsed, stream: String, rate: u32) -> GeneratorSpec {
    GeneratorSpec {
        stream,
        records_per_second: rate,
        template_text: p.template_text.clone(),
        template: p.template.clone(),
        key: p.key.clone(),
    }
}

/// Runs `sim generator ...` (`words` after `generator`).
pub fn run(sim: &mut Simulation, now: Millis, words: &[&str]) -> Outcome {
    match words {
        [] | ["help"] => Outcome::ok(help()),
        ["presets"] => {
            let mut s = String::new();
            for p in PRESETS {
                s.push_str(&format!("{}: {}\n  {}\n", p.name, p.description, p.template));
            }
            Outcome::ok(s)
        }
        ["test", opts @ ..] => match parse(opts) {
            Ok(p) => {
                let spec = spec_of(&p, String::new(), 1);
                let mut s = format!(
                    "The first {} records a generator of {} would write now ({}), nothing written:\n",
                    crate::sim::generator::SAMPLE_RECORDS,
                    p.what,
                    p.key.describe()
                );
                for made in sample(&spec, sim.seed(), sim.next_generator_id(), now) {
                    match made {
                        Ok((data, key)) => s.push_str(&format!("  [{key}] {data}\n")),
                        Err(e) => s.push_str(&format!("  (no record: {e})\n")),
                    }
                }
                Outcome::ok(s)
            }
            Err(m) => usage(format!("test: {m}")),
        },
        ["add", opts @ ..] => {
            let p = match parse(opts) {
                Ok(p) => p,
                Err(m) => return usage(format!("add: {m}")),
            };
            let Some(stream) = p.stream.clone() else { return usage("add: --stream-name is required".into()) };
            let Some(rate) = p.rate else { return usage("add: --rate is required".into()) };
            let spec = spec_of(&p, stream, rate);
            let samples = sample(&spec, sim.seed(), sim.next_generator_id(), now);
            if let Some(Err(e)) = samples.iter().find(|m| m.is_err()) {
                return usage(format!("add: {e} (try `sim generator test` with other options)"));
            }
            if let Some(Ok((_, key))) =
                samples.iter().find(|m| m.as_ref().is_ok_and(|(_, k)| k.is_empty() || k.len() > 256))
            {
                return usage(format!("add: the partition key '{key}' is not 1 to 256 characters long"));
            }
            let line = format!("{rate} records/s of {} to {}, {}", p.what, spec.stream, spec.key.describe());
            let id = sim.add_generator(spec);
            Outcome::ok(format!("Generator {id} writes {line}. It runs as simulated time passes.\n"))
        }
        ["list"] => {
            if sim.generators().is_empty() {
                return Outcome::ok(
                    "No generators. Start one with `sim generator add --stream-name S --rate 10 --preset atm`.\n"
                        .into(),
                );
            }
            let mut s = String::from("ID  STREAM               RATE/S  WRITTEN  THROTTLED  FAILED  STATE    KEYS\n");
            for g in sim.generators() {
                s.push_str(&format!(
                    "{:<3} {:<20} {:>6}  {:>7}  {:>9}  {:>6}  {:<7}  {}\n",
                    g.id,
                    g.spec.stream,
                    g.spec.records_per_second,
                    g.writes.sent,
                    g.writes.throttled,
                    g.writes.failed,
                    if g.paused { "paused" } else { "running" },
                    g.spec.key.describe()
                ));
            }
            for g in sim.generators() {
                if let Some(e) = &g.writes.last_error {
                    s.push_str(&format!("Generator {}'s last error: {e}\n", g.id));
                }
            }
            Outcome::ok(s)
        }
        [verb @ ("pause" | "resume" | "remove"), id] => {
            let Ok(id) = id.parse::<u32>() else { return usage(format!("{verb}: '{id}' is not a generator id")) };
            let found = match *verb {
                "remove" => sim.remove_generator(id),
                v => sim.set_generator_paused(id, v == "pause"),
            };
            if found {
                let done = match *verb {
                    "pause" => "paused",
                    "resume" => "resumed",
                    _ => "removed",
                };
                Outcome::ok(format!("Generator {id}: {done}.\n"))
            } else {
                usage(format!("{verb}: there is no generator {id} (see `sim generator list`)"))
            }
        }
        _ => usage(format!("unknown command '{}'", words.join(" "))),
    }
}
