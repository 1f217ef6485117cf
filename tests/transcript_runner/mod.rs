//! The transcript format's runner, shared by the native test (`tests/cli_transcripts.rs`) and the browser test
//! (`tests/web_transcripts.rs`), so both targets check the very same expectations.
#![allow(dead_code)]

use kinesis_playground::cli::{Console, ConsoleConfig};
// One rendering of a command's output for both the golden transcripts and the page's "Export transcript".
use kinesis_playground::session::export::render_output;

enum Item {
    /// A comment, a blank line, or any other line kept as is.
    Keep(String),
    /// A command (its input lines, the first without `$ `, the next without `> `).
    Command(Vec<String>),
}

fn parse(text: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(cmd) = line.strip_prefix("$ ") {
            let mut input = vec![cmd.to_string()];
            while let Some(next) = lines.peek() {
                match next.strip_prefix("> ") {
                    Some(more) => {
                        input.push(more.to_string());
                        lines.next();
                    }
                    None => break,
                }
            }
            // Skip the recorded output: it is regenerated and compared.
            while let Some(next) = lines.peek() {
                if next.is_empty() || next.starts_with("$ ") || (next.starts_with('#') && !next.starts_with("# hint: "))
                {
                    break;
                }
                lines.next();
            }
            items.push(Item::Command(input));
        } else {
            items.push(Item::Keep(line.to_string()));
        }
    }
    items
}

pub fn run_transcript(text: &str) -> String {
    let mut console =
        Console::new(ConsoleConfig { start_time_ms: kinesis_playground::engine::DEFAULT_START_MS, seed: 0 });
    let mut s = String::new();
    for item in parse(text) {
        match item {
            Item::Keep(line) => {
                s.push_str(&line);
                s.push('\n');
            }
            Item::Command(input) => {
                for (i, line) in input.iter().enumerate() {
                    s.push_str(if i == 0 { "$ " } else { "> " });
                    s.push_str(line);
                    s.push('\n');
                }
                let out = console.run(&input.join("\n"));
                assert!(!out.pending, "incomplete command in transcript: {input:?}");
                render_output(&out, &mut s);
            }
        }
    }
    s
}

pub fn first_difference(expected: &str, actual: &str) -> String {
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n  expected: {e:?}\n  actual:   {a:?}", i + 1);
        }
    }
    format!("lengths differ: expected {} lines, actual {} lines", expected.lines().count(), actual.lines().count())
}
