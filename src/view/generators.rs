//! The data generator's form (`sim generator`, [`crate::sim::generator`]): the lines its buttons run, the sample
//! records "Test template" prints, and the generators with what they wrote.

use super::consumers::{Row, Table};
use crate::session::export::single_quote;
use crate::sim::generator::{preset, Generator};

/// How the form picks partition keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyChoice {
    /// The preset's own (or uniform over 16 keys).
    #[default]
    Preset,
    /// `--partition-key T`: a template of its own.
    Template,
    /// `--keys N`: uniform over N keys.
    Uniform,
    /// `--hot-key K --hot-share S`: one hot key with a share, the rest over 16 keys.
    HotKey,
    /// `--key-field F`: a field of the record.
    Field,
}

impl KeyChoice {
    /// Every choice with its value (for the select) and label.
    pub const ALL: [(KeyChoice, &'static str, &'static str); 5] = [
        (KeyChoice::Preset, "preset", "the preset's (or uniform over 16)"),
        (KeyChoice::Template, "template", "a template"),
        (KeyChoice::Uniform, "uniform", "uniform over N keys"),
        (KeyChoice::HotKey, "hot", "one hot key with a share"),
        (KeyChoice::Field, "field", "a field of the record"),
    ];

    /// The choice a select's value names.
    pub fn from_value(v: &str) -> KeyChoice {
        KeyChoice::ALL.iter().find(|c| c.1 == v).map_or(KeyChoice::Preset, |c| c.0)
    }
}

/// What the form holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GeneratorForm {
    /// The preset picked (its template fills `template`).
    pub preset: String,
    pub template: String,
    pub key: KeyChoice,
    /// The key template, N, the hot key or the field name, as `key` needs.
    pub key_value: String,
    /// The hot key's share in percent.
    pub share: String,
    pub rate: String,
}

/// The options after `sim generator add|test`: the records (`--preset P` while the preset's template is
/// unchanged, else `--template '...'`) and the partition key.
fn record_options(f: &GeneratorForm) -> Result<String, String> {
    let template = f.template.replace(['\n', '\r'], " ");
    let mut line = match preset(&f.preset).filter(|p| p.template == template.trim()) {
        Some(p) => format!("--preset {}", p.name),
        None if template.trim().is_empty() => return Err("Write a template, or pick a preset.".into()),
        None => format!("--template {}", single_quote(template.trim())),
    };
    let value = f.key_value.trim();
    let need = |what: &str| if value.is_empty() { Err(format!("Give {what}.")) } else { Ok(()) };
    match f.key {
        KeyChoice::Preset => {}
        KeyChoice::Template => {
            need("the partition key's template")?;
            line.push_str(&format!(" --partition-key {}", single_quote(value)));
        }
        KeyChoice::Uniform => {
            let n = value.parse::<u32>().ok().filter(|n| (1..=1_000_000).contains(n));
            let n = n.ok_or("The number of keys is a whole number from 1 to 1000000.")?;
            line.push_str(&format!(" --keys {n}"));
        }
        KeyChoice::HotKey => {
            need("the hot key")?;
            let share = crate::lean::parse_f64(f.share.trim()).filter(|s| (0.0..=100.0).contains(s));
            let share = share.ok_or("The hot key's share is a percentage from 0 to 100.")?;
            line.push_str(&format!(
                " --hot-key {} --hot-share {}",
                single_quote(value),
                crate::lean::Shortest(share / 100.0)
            ));
        }
        KeyChoice::Field => {
            need("the field's name")?;
            line.push_str(&format!(" --key-field {}", single_quote(value)));
        }
    }
    Ok(line)
}

/// The "Test template" line: `sim generator test ...` (five samples, nothing written).
pub fn test_line(f: &GeneratorForm) -> Result<String, String> {
    Ok(format!("sim generator test {}", record_options(f)?))
}

/// The "Start generator" line: `sim generator add --stream-name S --rate N ...`.
pub fn add_line(stream: &str, f: &GeneratorForm) -> Result<String, String> {
    let rate = f.rate.trim().parse::<u32>().ok().filter(|r| (1..=100_000).contains(r));
    let rate = rate.ok_or("The rate is a whole number of records per second from 1 to 100000.")?;
    Ok(format!("sim generator add --stream-name {stream} --rate {rate} {}", record_options(f)?))
}

/// The sample records of `sim generator test`'s output: `[key] data` lines (or why a record could not be made).
pub fn samples(stdout: &str) -> Vec<String> {
    stdout.lines().skip(1).filter_map(|l| l.strip_prefix("  ")).map(str::to_owned).collect()
}

/// The generators of a stream with their counts.
pub fn generator_table(generators: &[Generator]) -> Table {
    let rows = generators
        .iter()
        .map(|g| Row {
            key: g.id.to_string(),
            cells: vec![
                g.id.to_string(),
                g.spec.stream.clone(),
                g.spec.records_per_second.to_string(),
                g.spec.key.describe(),
                g.writes.sent.to_string(),
                g.writes.throttled.to_string(),
                g.writes.failed.to_string(),
                if g.paused { "paused".into() } else { "running".into() },
            ],
            bar: None,
            loud: g.writes.throttled + g.writes.failed > 0,
        })
        .collect();
    Table { head: vec!["id", "stream", "records/s", "partition keys", "written", "throttled", "failed", "state"], rows }
}
