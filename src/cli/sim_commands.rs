//! The playground's own commands, under `sim`: they control the simulation, not Kinesis.
//!
//! `sim help`, `sim clock`, `sim clock advance <duration>`, `sim reset`. New families (`sim producer ...`) are
//! added by extending [`COMMANDS`] and [`run`].

use super::aws::Outcome;
use crate::engine::{Engine, EngineConfig};
use crate::time::{format_duration, format_iso, parse_duration};

/// Every `sim` command with its one-line description (`sim help` prints this).
pub const COMMANDS: &[(&str, &str)] = &[
    ("sim help", "show this list"),
    ("sim clock", "print the simulated time"),
    ("sim clock advance <duration>", "move the simulated clock forward (500ms, 30s, 5m, 2h, 1d, 1h30m)"),
    ("sim reset", "delete every stream and restart the clock at the start time"),
];

fn usage_error(msg: String) -> Outcome {
    Outcome { stderr: format!("{msg}\nTry `sim help`.\n"), exit_code: 2, ..Default::default() }
}

/// Runs `sim <args...>` (`args` excludes `sim`). `config` is the engine configuration `sim reset` restores.
pub fn run(engine: &mut Engine, config: &EngineConfig, args: &[String]) -> Outcome {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] | ["help"] => {
            let width = COMMANDS.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
            let mut s = String::from("Playground commands (they drive the simulator, not Kinesis):\n");
            for (c, d) in COMMANDS {
                s.push_str(&format!("  {c:<width$}  {d}\n"));
            }
            Outcome::ok(s)
        }
        ["clock"] => Outcome::ok(format!("{}\n", format_iso(engine.now_ms()))),
        ["clock", "advance", d] => match parse_duration(d) {
            Some(ms) => {
                engine.advance(ms);
                Outcome::ok(format!("{} (+{})\n", format_iso(engine.now_ms()), format_duration(ms)))
            }
            None => {
                usage_error(format!("sim clock advance: invalid duration '{d}' (examples: 500ms, 30s, 5m, 2h, 1d)"))
            }
        },
        ["reset"] => {
            *engine = Engine::new(config.clone());
            Outcome::ok(format!("Simulation reset; the clock is at {}.\n", format_iso(engine.now_ms())))
        }
        _ => usage_error(format!("sim: unknown command '{}'", words.join(" "))),
    }
}
