//! A session taken elsewhere: as a bash script for the real AWS CLI v2 ([`bash_script`]), and as a transcript in the
//! `tests/transcripts` format, outputs included ([`transcript`]).
//!
//! The script keeps every console line exactly as typed (the same quoting, `--cli-binary-format
//! raw-in-base64-out` kept), so it does on AWS what it did here. The playground's own commands have no AWS
//! equivalent: `sim clock advance D` becomes `sleep` (with a comment saying so), every other `sim` line a comment.
//! API calls made without the console (the page's buttons, the wire server) become `aws kinesis <op>
//! --cli-input-json '<request>'`. Time that passed on the live clock is a comment.

use super::{Entry, SavedSession};
use crate::cli::{CommandOutput, Console};
use crate::time::{format_duration, format_iso, parse_duration};

/// The session as a bash script for the real AWS CLI v2.
pub fn bash_script(session: &SavedSession) -> String {
    let mut s = header(session.start_time_ms, session.seed);
    for e in &session.entries {
        match e {
            Entry::Line(line) => s.push_str(&bash_line(line)),
            Entry::Advance(ms) => {
                s.push_str(&format!("# ({} passed on the playground's clock)\n", format_duration(*ms)))
            }
            Entry::Call { operation, request, .. } => {
                s.push_str(&format!(
                    "aws kinesis {} --cli-input-json {}\n",
                    kebab(operation),
                    single_quote(&request.to_string())
                ));
            }
        }
    }
    s
}

/// Console lines (a lesson's setup and solutions, say) as a bash script for the real AWS CLI v2.
pub fn bash_script_of_lines<'a>(lines: impl IntoIterator<Item = &'a str>, start_time_ms: i64, seed: u64) -> String {
    let mut s = header(start_time_ms, seed);
    for line in lines {
        s.push_str(&bash_line(line));
    }
    s
}

fn header(start_time_ms: i64, seed: u64) -> String {
    format!(
        "#!/usr/bin/env bash\n\
         # Exported from Kinesis Playground, for the real AWS CLI v2 (it creates and changes real streams, which cost money).\n\
         # The playground started at {} with seed {seed}; on AWS, times, sequence numbers and iterators differ.\n\
         # The playground's own commands (sim ...) have no AWS equivalent: they are comments, and clock jumps are sleeps.\n\n",
        format_iso(start_time_ms)
    )
}

/// One console line (possibly several physical lines) for bash.
pub fn bash_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let first_word = trimmed.split_whitespace().next().unwrap_or("");
    if first_word == "sim" {
        let words: Vec<&str> = trimmed.split_whitespace().collect();
        if let ["sim", "clock", "advance", d] = words.as_slice() {
            if let Some(ms) = parse_duration(d) {
                let secs =
                    if ms % 1000 == 0 { (ms / 1000).to_string() } else { format!("{}.{:03}", ms / 1000, ms % 1000) };
                return format!(
                    "# sim clock advance {d}: the playground's clock jumped {}; here, wait instead.\nsleep {secs}\n",
                    format_duration(ms)
                );
            }
        }
        return format!("{}\n", comment(line, "a playground command, with no AWS equivalent"));
    }
    if matches!(first_word, "help" | "clear") {
        return format!("{}\n", comment(line, "a playground console command"));
    }
    format!("{line}\n")
}

fn comment(line: &str, why: &str) -> String {
    let mut lines = line.lines();
    let mut s = format!("# {} ({why})", lines.next().unwrap_or(""));
    for more in lines {
        s.push_str(&format!("\n#   {more}"));
    }
    s
}

/// `'...'` with `'` written `'\''`.
pub fn single_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// `PutRecord` -> `put-record`.
fn kebab(operation: &str) -> String {
    let mut s = String::new();
    for (i, c) in operation.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            s.push('-');
        }
        s.push(c.to_ascii_lowercase());
    }
    s
}

/// The session replayed on a fresh console, as a transcript in the `tests/transcripts` format: each command with
/// its output, error lines, exit status and hints. Time passing and API calls made without the console are
/// comments (the calls are replayed, so later outputs stay true).
///
/// It runs in the page's `console` part ([`crate::parts`]): `None` only in the page, when that part could not be
/// fetched.
pub fn transcript(session: &SavedSession) -> Option<String> {
    crate::parts::now!(transcript_part(session as *const SavedSession))
}

crate::parts::split_point! {
    /// [`transcript`]'s split point.
    in console, loaded by preload_transcript,
    pub(crate) fn transcript_part(session: *const SavedSession) -> String {
        // SAFETY: `split_point!`'s rule; `transcript` passes its own borrowed session.
        transcript_now(unsafe { &*session })
    }
}

fn transcript_now(session: &SavedSession) -> String {
    let config = session.settings.to_config(session.start_time_ms);
    let mut console = Console::with_engine_config(config, session.seed);
    let mut s = format!(
        "# Exported from Kinesis Playground: started at {} with seed {}.\n",
        format_iso(session.start_time_ms),
        session.seed
    );
    for e in &session.entries {
        match e {
            Entry::Line(line) => {
                for (i, l) in line.split('\n').enumerate() {
                    s.push_str(if i == 0 { "$ " } else { "> " });
                    s.push_str(l);
                    s.push('\n');
                }
                let out = console.run(line);
                console.cancel_pending();
                render_output(&out, &mut s);
                s.push('\n');
            }
            Entry::Advance(ms) => {
                console.advance(*ms);
                s.push_str(&format!("# ({} passed on the playground's clock)\n\n", format_duration(*ms)));
            }
            Entry::Call { at_ms, operation, request } => {
                let now = console.engine().now_ms();
                if *at_ms > now {
                    console.advance(at_ms - now);
                }
                let result = crate::api::call(console.engine_mut(), operation, request);
                let what = match result {
                    Ok(_) => "succeeded".to_string(),
                    Err(e) => format!("failed: {}", e.error_type.aws_name()),
                };
                s.push_str(&format!("# (an API call from the page: {operation} {request}, {what})\n\n"));
            }
        }
    }
    s
}

fn escape_stdout(line: &str) -> String {
    if line.is_empty() {
        "\\".to_string()
    } else if ["$ ", "> ", "!", "? ", "#", "\\", "%"].iter().any(|p| line.starts_with(p)) {
        format!("\\ {line}")
    } else {
        line.to_string()
    }
}

/// One command's output in the transcript format.
pub fn render_output(out: &CommandOutput, s: &mut String) {
    for line in out.stdout.lines() {
        s.push_str(&escape_stdout(line));
        s.push('\n');
    }
    if !out.stdout.is_empty() && !out.stdout.ends_with('\n') {
        s.push_str("% no newline at end of stdout\n");
    }
    for line in out.stderr.lines() {
        if line.is_empty() {
            s.push_str("!\n");
        } else {
            s.push_str(&format!("! {line}\n"));
        }
    }
    if out.exit_code != 0 {
        s.push_str(&format!("? {}\n", out.exit_code));
    }
    for h in &out.hints {
        s.push_str(&format!("# hint: {h}\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_quoting_and_sim_lines_become_comments_or_sleeps() {
        let l = r#"aws kinesis put-record --stream-name S --partition-key 1 --cli-binary-format raw-in-base64-out --data "{"a": 1}""#;
        assert_eq!(bash_line(l), format!("{l}\n"));
        assert_eq!(
            bash_line("sim clock advance 1m30s"),
            "# sim clock advance 1m30s: the playground's clock jumped 1m 30s; here, wait instead.\nsleep 90\n"
        );
        assert!(bash_line("sim clock advance 1500ms").ends_with("sleep 1.500\n"));
        assert_eq!(
            bash_line("sim producer add --stream-name S --rate 5"),
            "# sim producer add --stream-name S --rate 5 (a playground command, with no AWS equivalent)\n"
        );
        assert_eq!(single_quote("it's"), "'it'\\''s'");
        assert_eq!(kebab("PutRecords"), "put-records");
    }
}
