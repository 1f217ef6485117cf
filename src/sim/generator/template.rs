//! Record templates: text with `{{...}}` placeholders, parsed once, rendered per record from the seeded [`Rng`]
//! and the simulated time. The syntax is [`SYNTAX`] (what `sim generator help` prints and README documents).

use super::words::{CITIES, FIRST_NAMES, LAST_NAMES};
use crate::lean::Fixed;
use crate::sim::rng::Rng;
use crate::time::{format_rfc3339, to_civil, Millis};

/// The placeholders, one a line: what `sim generator help` prints.
pub const SYNTAX: &str = "  {{int MIN MAX}}              a whole number from MIN to MAX (both included)
  {{decimal MIN MAX [PLACES]}} a decimal number from MIN to MAX, with PLACES digits after the point (2)
  {{choice A|B|C}}             one of the values, each as likely
  {{weighted A:6|B:3|C:1}}     one of the values, as often as its weight says (here A 60%, B 30%, C 10%)
  {{counter [START [STEP]]}}   START, START+STEP, ... (1 and 1 unless given), one count per placeholder
  {{uuid}}                     a random UUID (version 4 form)
  {{first_name}} {{last_name}} {{name}}   a first name, a last name, both
  {{city}}                     a city
  {{ip}}                       an IPv4 address
  {{time [FORMAT]}}            the simulated time: iso (2024-01-01T00:00:05.100Z, the default), epoch (seconds),
                               epoch_ms, date (2024-01-01), clock (00:00:05), clf (01/Jan/2024:00:00:05 +0000)
";

/// Longest template accepted, in bytes.
pub const MAX_TEMPLATE_BYTES: usize = 8 * 1024;
/// Most placeholders in one template.
const MAX_PLACEHOLDERS: usize = 256;
/// Most values in one choice.
const MAX_CHOICES: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TimeFormat {
    Iso,
    Epoch,
    EpochMs,
    Date,
    Clock,
    Clf,
}

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(String),
    Int {
        min: i64,
        max: i64,
    },
    Decimal {
        min: f64,
        max: f64,
        places: usize,
    },
    Choice(Vec<String>),
    /// Values with their cumulative weights (the last is the total).
    Weighted(Vec<(String, u64)>),
    /// The counter's index in [`Template::counters`].
    Counter(usize),
    Uuid,
    FirstName,
    LastName,
    Name,
    City,
    Ip,
    Time(TimeFormat),
}

/// A parsed template and its counters.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    parts: Vec<Part>,
    /// Each counter's next value and step.
    counters: Vec<(i64, i64)>,
}

fn int(text: &str, what: &str, placeholder: &str) -> Result<i64, String> {
    text.parse().map_err(|_| format!("{{{{{placeholder}}}}}: {what} '{text}' is not a whole number"))
}

fn number(text: &str, what: &str, placeholder: &str) -> Result<f64, String> {
    crate::lean::parse_f64(text)
        .filter(|f| f.is_finite() && f.abs() < 1e15)
        .ok_or_else(|| format!("{{{{{placeholder}}}}}: {what} '{text}' is not a number"))
}

impl Template {
    /// Parses a template.
    ///
    /// # Errors
    /// A message naming the placeholder that does not fit [`SYNTAX`].
    pub fn parse(text: &str) -> Result<Template, String> {
        if text.len() > MAX_TEMPLATE_BYTES {
            return Err(format!("the template is {} bytes; at most {MAX_TEMPLATE_BYTES}", text.len()));
        }
        let mut t = Template { parts: Vec::new(), counters: Vec::new() };
        let mut rest = text;
        let mut placeholders = 0;
        while let Some(open) = rest.find("{{") {
            if open > 0 {
                t.parts.push(Part::Text(rest[..open].to_owned()));
            }
            let after = &rest[open + 2..];
            let close = after.find("}}").ok_or_else(|| {
                format!(
                    "a placeholder starting at '{{{{{}' has no closing }}}}",
                    after.chars().take(20).collect::<String>()
                )
            })?;
            placeholders += 1;
            if placeholders > MAX_PLACEHOLDERS {
                return Err(format!("at most {MAX_PLACEHOLDERS} placeholders in a template"));
            }
            let inner = after[..close].trim();
            let part = t.placeholder(inner)?;
            t.parts.push(part);
            rest = &after[close + 2..];
        }
        if !rest.is_empty() {
            t.parts.push(Part::Text(rest.to_owned()));
        }
        Ok(t)
    }

    fn placeholder(&mut self, inner: &str) -> Result<Part, String> {
        let (name, args) = inner.split_once(char::is_whitespace).map_or((inner, ""), |(n, a)| (n, a.trim()));
        let words: Vec<&str> = args.split_whitespace().collect();
        let arity = |range: std::ops::RangeInclusive<usize>, usage: &str| {
            if range.contains(&words.len()) {
                Ok(())
            } else {
                Err(format!("{{{{{inner}}}}}: write it as {{{{{usage}}}}}"))
            }
        };
        Ok(match name {
            "int" => {
                arity(2..=2, "int MIN MAX")?;
                let (min, max) = (int(words[0], "MIN", inner)?, int(words[1], "MAX", inner)?);
                if min > max {
                    return Err(format!("{{{{{inner}}}}}: MIN is larger than MAX"));
                }
                Part::Int { min, max }
            }
            "decimal" => {
                arity(2..=3, "decimal MIN MAX [PLACES]")?;
                let (min, max) = (number(words[0], "MIN", inner)?, number(words[1], "MAX", inner)?);
                if min > max {
                    return Err(format!("{{{{{inner}}}}}: MIN is larger than MAX"));
                }
                let places = match words.get(2) {
                    None => 2,
                    Some(p) => p
                        .parse()
                        .ok()
                        .filter(|p| *p <= 6)
                        .ok_or_else(|| format!("{{{{{inner}}}}}: PLACES is a whole number from 0 to 6"))?,
                };
                Part::Decimal { min, max, places }
            }
            "choice" | "weighted" => {
                if args.is_empty() {
                    return Err(format!("{{{{{inner}}}}}: give the values, separated by |"));
                }
                let values: Vec<&str> = args.split('|').collect();
                if values.len() > MAX_CHOICES {
                    return Err(format!("{{{{{name} ...}}}}: at most {MAX_CHOICES} values"));
                }
                if name == "choice" {
                    Part::Choice(values.iter().map(|v| v.trim().to_owned()).collect())
                } else {
                    let mut total = 0u64;
                    let mut out = Vec::new();
                    for v in values {
                        let (value, weight) = v
                            .rsplit_once(':')
                            .ok_or_else(|| format!("{{{{{name} ...}}}}: '{}' needs a weight, as in A:3", v.trim()))?;
                        let w: u64 = weight.trim().parse().ok().filter(|w| *w <= 1_000_000).ok_or_else(|| {
                            format!(
                                "{{{{{name} ...}}}}: the weight of '{}' is a whole number up to 1000000",
                                value.trim()
                            )
                        })?;
                        total += w;
                        out.push((value.trim().to_owned(), total));
                    }
                    if total == 0 {
                        return Err(format!("{{{{{name} ...}}}}: the weights add up to 0"));
                    }
                    Part::Weighted(out)
                }
            }
            "counter" => {
                arity(0..=2, "counter [START [STEP]]")?;
                let start = words.first().map(|w| int(w, "START", inner)).transpose()?.unwrap_or(1);
                let step = words.get(1).map(|w| int(w, "STEP", inner)).transpose()?.unwrap_or(1);
                self.counters.push((start, step));
                Part::Counter(self.counters.len() - 1)
            }
            "time" => {
                arity(0..=1, "time [iso|epoch|epoch_ms|date|clock|clf]")?;
                Part::Time(match words.first().copied().unwrap_or("iso") {
                    "iso" => TimeFormat::Iso,
                    "epoch" => TimeFormat::Epoch,
                    "epoch_ms" => TimeFormat::EpochMs,
                    "date" => TimeFormat::Date,
                    "clock" => TimeFormat::Clock,
                    "clf" => TimeFormat::Clf,
                    other => {
                        return Err(format!(
                            "{{{{{inner}}}}}: unknown time format '{other}' (iso, epoch, epoch_ms, date, clock, clf)"
                        ))
                    }
                })
            }
            simple => {
                arity(0..=0, simple)?;
                match simple {
                    "uuid" => Part::Uuid,
                    "first_name" => Part::FirstName,
                    "last_name" => Part::LastName,
                    "name" => Part::Name,
                    "city" => Part::City,
                    "ip" => Part::Ip,
                    _ => return Err(format!("unknown placeholder {{{{{inner}}}}} (see `sim generator help`)")),
                }
            }
        })
    }

    /// True when the template has no placeholder.
    pub fn is_constant(&self) -> bool {
        self.parts.iter().all(|p| matches!(p, Part::Text(_)))
    }

    /// Renders one record at simulated time `now`, drawing from `rng` and moving the counters on.
    pub fn render(&mut self, rng: &mut Rng, now: Millis) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Int { min, max } => {
                    let span = (i128::from(*max) - i128::from(*min) + 1) as u128;
                    let pick = if span > u128::from(u64::MAX) {
                        i128::from(rng.next_u64() as i64)
                    } else {
                        i128::from(*min) + i128::from(rng.below(span as u64))
                    };
                    out.push_str(&pick.to_string());
                }
                Part::Decimal { min, max, places } => {
                    let v = min + rng.unit() * (max - min);
                    out.push_str(&Fixed(v, *places).to_string());
                }
                Part::Choice(values) => out.push_str(&values[rng.below(values.len() as u64) as usize]),
                Part::Weighted(values) => {
                    let total = values.last().map_or(1, |v| v.1);
                    let r = rng.below(total);
                    let i = values.iter().position(|(_, cum)| r < *cum).unwrap_or(0);
                    out.push_str(&values[i].0);
                }
                Part::Counter(i) => {
                    if let Some((next, step)) = self.counters.get_mut(*i) {
                        out.push_str(&next.to_string());
                        *next = next.saturating_add(*step);
                    }
                }
                Part::Uuid => {
                    let (a, b) = (rng.next_u64(), rng.next_u64());
                    let b = (b & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000;
                    let a = (a & 0xffff_ffff_ffff_0fff) | 0x4000;
                    out.push_str(&format!(
                        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
                        a >> 32,
                        (a >> 16) & 0xffff,
                        a & 0xffff,
                        b >> 48,
                        b & 0xffff_ffff_ffff
                    ));
                }
                Part::FirstName => out.push_str(FIRST_NAMES[rng.below(FIRST_NAMES.len() as u64) as usize]),
                Part::LastName => out.push_str(LAST_NAMES[rng.below(LAST_NAMES.len() as u64) as usize]),
                Part::Name => {
                    out.push_str(FIRST_NAMES[rng.below(FIRST_NAMES.len() as u64) as usize]);
                    out.push(' ');
                    out.push_str(LAST_NAMES[rng.below(LAST_NAMES.len() as u64) as usize]);
                }
                Part::City => out.push_str(CITIES[rng.below(CITIES.len() as u64) as usize]),
                Part::Ip => {
                    let n = rng.next_u64();
                    out.push_str(&format!(
                        "{}.{}.{}.{}",
                        1 + (n >> 56) % 223,
                        (n >> 48) & 0xff,
                        (n >> 40) & 0xff,
                        1 + ((n >> 32) & 0xff) % 254
                    ));
                }
                Part::Time(f) => out.push_str(&time(*f, now)),
            }
        }
        out
    }
}

fn time(f: TimeFormat, now: Millis) -> String {
    let c = to_civil(now);
    match f {
        TimeFormat::Iso => format_rfc3339(now),
        TimeFormat::Epoch => now.div_euclid(1000).to_string(),
        TimeFormat::EpochMs => now.to_string(),
        TimeFormat::Date => format!("{:04}-{:02}-{:02}", c.year, c.month, c.day),
        TimeFormat::Clock => format!("{:02}:{:02}:{:02}", c.hour, c.minute, c.second),
        TimeFormat::Clf => {
            const MONTHS: [&str; 12] =
                ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            let month = MONTHS[(c.month as usize).clamp(1, 12) - 1];
            format!("{:02}/{month}/{:04}:{:02}:{:02}:{:02} +0000", c.day, c.year, c.hour, c.minute, c.second)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: Millis = 1_704_067_205_100;

    fn render(text: &str, n: usize) -> Vec<String> {
        let mut t = Template::parse(text).unwrap();
        let mut rng = Rng::new(5);
        (0..n).map(|_| t.render(&mut rng, T0)).collect()
    }

    #[test]
    fn placeholders_render_in_their_ranges() {
        for v in render("{{int -3 3}}", 200) {
            let n: i64 = v.parse().unwrap();
            assert!((-3..=3).contains(&n));
        }
        assert_eq!(render("{{int 7 7}}", 3), ["7", "7", "7"]);
        let all = render("{{int 1 4}}", 200);
        assert!((1..=4).all(|n| all.contains(&n.to_string())), "every value shows up");
        for v in render("{{decimal 1.5 2.5 3}}", 100) {
            let f: f64 = v.parse().unwrap();
            assert!((1.5..=2.5).contains(&f) && v.split('.').nth(1).unwrap().len() == 3, "{v}");
        }
        assert_eq!(render("{{counter}},{{counter 10 5}}", 3), ["1,10", "2,15", "3,20"]);
        let picks = render("{{choice a|b|c}}", 300);
        assert!(["a", "b", "c"].iter().all(|c| picks.iter().filter(|p| p == c).count() > 60));
        let w = render("{{weighted x:9|y:1|z:0}}", 1000);
        let xs = w.iter().filter(|p| *p == "x").count();
        assert!((850..950).contains(&xs), "{xs} of 1000 are x");
        assert!(!w.iter().any(|p| p == "z"), "weight 0 never shows");
        let u = &render("{{uuid}}", 1)[0];
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert!("89ab".contains(&u[19..20]));
        let ip = &render("{{ip}}", 1)[0];
        assert_eq!(ip.split('.').filter(|o| o.parse::<u8>().is_ok()).count(), 4, "{ip}");
        assert!(render("{{name}} of {{city}}", 1)[0].contains(" of "));
    }

    #[test]
    fn time_formats() {
        assert_eq!(
            render("{{time}}|{{time epoch}}|{{time epoch_ms}}|{{time date}}|{{time clock}}|{{time clf}}", 1)[0],
            "2024-01-01T00:00:05.100Z|1704067205|1704067205100|2024-01-01|00:00:05|01/Jan/2024:00:00:05 +0000"
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_records() {
        let text = "{{uuid}} {{int 1 1000}} {{name}} {{decimal 0 1}}";
        assert_eq!(render(text, 20), render(text, 20));
        let mut t = Template::parse(text).unwrap();
        assert_ne!(render(text, 1)[0], t.render(&mut Rng::new(6), T0));
    }

    #[test]
    fn bad_templates_say_what_is_wrong() {
        let err = |t: &str| Template::parse(t).unwrap_err();
        assert_eq!(err("{{nope}}"), "unknown placeholder {{nope}} (see `sim generator help`)");
        assert_eq!(err("{{int 5 1}}"), "{{int 5 1}}: MIN is larger than MAX");
        assert_eq!(err("{{int 1}}"), "{{int 1}}: write it as {{int MIN MAX}}");
        assert_eq!(err("{{int a 2}}"), "{{int a 2}}: MIN 'a' is not a whole number");
        assert_eq!(err("x {{int 1 2"), "a placeholder starting at '{{int 1 2' has no closing }}");
        assert_eq!(err("{{weighted a|b:1}}"), "{{weighted ...}}: 'a' needs a weight, as in A:3");
        assert_eq!(err("{{weighted a:0}}"), "{{weighted ...}}: the weights add up to 0");
        assert_eq!(
            err("{{time week}}"),
            "{{time week}}: unknown time format 'week' (iso, epoch, epoch_ms, date, clock, clf)"
        );
        assert_eq!(err("{{uuid 4}}"), "{{uuid 4}}: write it as {{uuid}}");
        assert!(err(&"x".repeat(MAX_TEMPLATE_BYTES + 1)).contains("at most"));
        assert!(err(&"{{uuid}}".repeat(MAX_PLACEHOLDERS + 1)).contains("at most"));
        assert!(Template::parse("plain } text {").unwrap().is_constant());
    }
}
