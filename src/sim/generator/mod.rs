//! A data generator in the spirit of the Amazon Kinesis Data Generator: records from a template with placeholders
//! (`{{int 1 100}}`, `{{city}}`, `{{time}}`, ... see [`template::SYNTAX`]), at a rate in records per simulated
//! second, with the partition key from a template or a strategy (uniform over N keys, one hot key with a share, a
//! field of the record). Presets ([`PRESETS`]) start with the seed tutorial's ATM transactions.
//!
//! | file | what |
//! |---|---|
//! | `mod.rs` | [`GeneratorSpec`], [`KeyStrategy`], [`Generator`] (state; counters in [`WriteStats`]), [`PRESETS`], samples |
//! | [`template`] | the template syntax: parsing and rendering |
//! | [`words`] | names and cities |
//!
//! Generators write through the api (`PutRecords`, throttled like any write) on the same 100 ms grid of absolute
//! time as producers ([`crate::sim`]), so running them is chunk-invariant. Each generator draws from its own
//! seeded [`Rng`] (the simulation's seed and the generator's id), so adding one does not change what the others
//! write, and "test template" ([`sample`]) shows exactly the first records a generator added now would write.

pub mod template;
mod words;

use super::producer::{hot_or_uniform_key, uniform_key};
use super::rng::Rng;
use super::writes::WriteStats;
use crate::lean::Fixed;
use crate::time::Millis;
pub use template::Template;

/// Records "test template" shows.
pub const SAMPLE_RECORDS: usize = 5;

/// How a generator picks partition keys.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyStrategy {
    /// Rendered from a template of its own (`--partition-key 'atm-{{int 1 20}}'`).
    Template(Template),
    /// One of `keys` keys (`key-0` .. `key-{keys-1}`), uniformly at random.
    Uniform { keys: u32 },
    /// A share of records (0 to 1) gets `hot_key`; the rest spread uniformly over `keys` keys.
    HotKey { hot_key: String, share: f64, keys: u32 },
    /// The value of a top-level field of the record (a JSON object).
    Field(String),
}

impl KeyStrategy {
    /// A short description, for `sim generator list` and the page.
    pub fn describe(&self) -> String {
        match self {
            KeyStrategy::Template(_) => "keys from a template".into(),
            KeyStrategy::Uniform { keys } => format!("uniform over {keys} keys"),
            KeyStrategy::HotKey { hot_key, share, keys } => {
                format!("{}% '{hot_key}', the rest over {keys} keys", Fixed(share * 100.0, 0))
            }
            KeyStrategy::Field(f) => format!("key = field {f}"),
        }
    }
}

/// A preset: a name, what it is, a template and its partition key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    pub name: &'static str,
    pub description: &'static str,
    pub template: &'static str,
    /// `field:NAME`, `keys:N` or a key template.
    pub key: &'static str,
}

/// The presets, the seed tutorial's ATM transactions first.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "atm",
        description: "card transactions like the tutorial's (ATM, POS, ONLINE), keyed by card",
        template: r#"{"trans_id": {{counter}}, "trans_type": "{{weighted ATM:6|POS:3|ONLINE:1}}", "amt": {{decimal 5 500 2}}, "card": "{{int 1000 9999}}", "city": "{{city}}", "time": "{{time}}"}"#,
        key: "field:card",
    },
    Preset {
        name: "clickstream",
        description: "page views of a web shop, keyed by user",
        template: r#"{"user": "{{uuid}}", "page": "{{weighted /home:5|/products:3|/cart:1|/checkout:1}}", "ip": "{{ip}}", "time": {{time epoch_ms}}}"#,
        key: "field:user",
    },
    Preset {
        name: "iot",
        description: "temperature and humidity readings of 50 sensors, keyed by sensor",
        template: r#"{"sensor": "sensor-{{int 1 50}}", "temperature": {{decimal 15 35 1}}, "humidity": {{int 20 90}}, "time": "{{time}}"}"#,
        key: "field:sensor",
    },
    Preset {
        name: "weblog",
        description: "web server access log lines (not JSON), over 16 keys",
        template: r#"{{ip}} - - [{{time clf}}] "{{weighted GET:8|POST:2}} {{choice /|/index.html|/api/orders|/login}} HTTP/1.1" {{weighted 200:90|404:7|500:3}} {{int 200 5000}}"#,
        key: "keys:16",
    },
];

/// A preset by name.
pub fn preset(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}

/// Parses a preset's `key` into a strategy.
pub fn preset_key(key: &str) -> Result<KeyStrategy, String> {
    if let Some(f) = key.strip_prefix("field:") {
        Ok(KeyStrategy::Field(f.to_owned()))
    } else if let Some(n) = key.strip_prefix("keys:") {
        n.parse().map(|keys| KeyStrategy::Uniform { keys }).map_err(|_| format!("bad key strategy {key}"))
    } else {
        Template::parse(key).map(KeyStrategy::Template)
    }
}

/// What a generator writes.
#[derive(Debug, Clone, PartialEq)]
pub struct GeneratorSpec {
    pub stream: String,
    pub records_per_second: u32,
    /// The template as given (for display).
    pub template_text: String,
    pub template: Template,
    pub key: KeyStrategy,
}

/// A running generator and what it has done.
#[derive(Debug, Clone, PartialEq)]
pub struct Generator {
    pub id: u32,
    pub spec: GeneratorSpec,
    pub paused: bool,
    /// What it has written, throttled and failed (a record that could not be made counts as failed).
    pub writes: WriteStats,
    rng: Rng,
}

/// The random generator of generator `id` in a simulation seeded with `seed`.
pub(crate) fn rng_for(seed: u64, id: u32) -> Rng {
    Rng::new(seed ^ u64::from(id).wrapping_mul(0xd1b5_4a32_d192_ed03) ^ 0x6765_6e65_7261_746f)
}

/// One record and its partition key, or why the record could not be made.
pub type Made = Result<(String, String), String>;

impl Generator {
    pub(crate) fn new(id: u32, spec: GeneratorSpec, seed: u64) -> Self {
        Generator { id, spec, paused: false, writes: WriteStats::default(), rng: rng_for(seed, id) }
    }

    /// Takes one step on the grid: how many records fall due (see [`WriteStats::step`]).
    pub(crate) fn step(&mut self) -> u64 {
        self.writes.step(self.spec.records_per_second)
    }

    /// The next record (data, then partition key) at simulated time `now`.
    pub(crate) fn make(&mut self, now: Millis) -> Made {
        make(&mut self.spec, &mut self.rng, now)
    }
}

fn make(spec: &mut GeneratorSpec, rng: &mut Rng, now: Millis) -> Made {
    let data = spec.template.render(rng, now);
    let key = match &mut spec.key {
        KeyStrategy::Template(t) => t.render(rng, now),
        KeyStrategy::Uniform { keys } => uniform_key(rng, *keys),
        KeyStrategy::HotKey { hot_key, share, keys } => hot_or_uniform_key(rng, hot_key, *share, *keys),
        KeyStrategy::Field(f) => field(&data, f)?,
    };
    Ok((data, key))
}

/// The value of the top-level field `name` of a JSON record, as text.
fn field(data: &str, name: &str) -> Result<String, String> {
    let v: serde_json::Value =
        serde_json::from_str(data).map_err(|_| format!("the record is not JSON, so it has no field {name}"))?;
    match v.get(name) {
        Some(serde_json::Value::String(s)) => Ok(s.clone()),
        Some(serde_json::Value::Null) | None => Err(format!("the record has no field {name}")),
        Some(other) => Ok(other.to_string()),
    }
}

/// The first [`SAMPLE_RECORDS`] records a generator with this spec, added now as generator `id`, would write
/// ("test template"). The spec itself is not changed.
pub fn sample(spec: &GeneratorSpec, seed: u64, id: u32, now: Millis) -> Vec<Made> {
    let mut spec = spec.clone();
    let mut rng = rng_for(seed, id);
    (0..SAMPLE_RECORDS).map(|_| make(&mut spec, &mut rng, now)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(template: &str, key: KeyStrategy) -> GeneratorSpec {
        GeneratorSpec {
            stream: "S".into(),
            records_per_second: 10,
            template_text: template.into(),
            template: Template::parse(template).unwrap(),
            key,
        }
    }

    #[test]
    fn every_preset_parses_and_makes_keyed_records() {
        assert_eq!(PRESETS[0].name, "atm", "the seed's ATM transactions come first");
        for p in PRESETS {
            let s = spec(p.template, preset_key(p.key).unwrap());
            for made in sample(&s, 1, 1, 1_704_067_200_000) {
                let (data, key) = made.unwrap_or_else(|e| panic!("{}: {e}", p.name));
                assert!(!key.is_empty() && key.len() <= 256, "{}: key {key:?}", p.name);
                if p.key.starts_with("field:") {
                    serde_json::from_str::<serde_json::Value>(&data)
                        .unwrap_or_else(|e| panic!("{}: {e}: {data}", p.name));
                }
            }
        }
    }

    #[test]
    fn a_sample_is_what_the_generator_writes_first() {
        let s = spec(r#"{"n": {{counter}}, "v": "{{int 1 9}}"}"#, KeyStrategy::Field("v".into()));
        let shown = sample(&s, 3, 2, 0);
        let mut g = Generator::new(2, s, 3);
        let made: Vec<Made> = (0..SAMPLE_RECORDS).map(|_| g.make(0)).collect();
        assert_eq!(shown, made);
        assert_eq!(shown[0].as_ref().unwrap().0.split(',').next(), Some(r#"{"n": 1"#));
        assert_ne!(sample(&g.spec, 3, 3, 0), shown, "another id, other draws");
    }

    #[test]
    fn a_missing_field_is_an_error_for_that_record() {
        let s = spec(r#"{"a": 1}"#, KeyStrategy::Field("b".into()));
        assert_eq!(sample(&s, 1, 1, 0)[0], Err("the record has no field b".into()));
        let s = spec("plain", KeyStrategy::Field("b".into()));
        assert_eq!(sample(&s, 1, 1, 0)[0], Err("the record is not JSON, so it has no field b".into()));
        let s = spec(r#"{"b": 12}"#, KeyStrategy::Field("b".into()));
        assert_eq!(sample(&s, 1, 1, 0)[0], Ok((r#"{"b": 12}"#.into(), "12".into())));
    }
}
