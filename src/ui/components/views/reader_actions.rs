//! What reader buttons do, always through the console: `R1=$(aws kinesis get-shard-iterator ...)` to start,
//! `aws kinesis get-records --shard-iterator "$R1"` to read. The next iterator is stored back into `R1` without a
//! log line, so the log shows the real commands and no 300-character tokens.

use crate::engine::iterator::IteratorToken;
use crate::ui::{Origin, Playground};
use crate::view::readers::{get_records_line, is_token, iterator_line, parse_error, parse_get_records, ReaderState};

/// Reads a shell variable.
fn read_var(p: &Playground, var: &str) -> String {
    p.console().variables().get(var).map(|v| v.trim().to_owned()).unwrap_or_default()
}

fn apply_token(r: &mut ReaderState, token: &str) {
    match IteratorToken::decode(token) {
        Some(t) => {
            r.position = Some(t.position);
            r.issued_ms = Some(t.issued_ms);
        }
        None => {
            r.position = None;
            r.issued_ms = None;
        }
    }
}

/// Adds a reader and gets its first iterator.
pub fn add_reader(p: &mut Playground, mut r: ReaderState) {
    r.id = p.next_reader_id;
    r.var = format!("R{}", r.id);
    p.next_reader_id += 1;
    p.readers.push(r);
    restart(p, p.readers.len() - 1);
}

/// Gets a (new) iterator for reader `i`, as the reader was set up.
pub fn restart(p: &mut Playground, i: usize) {
    let Some(line) = p.readers.get(i).map(iterator_line) else { return };
    let out = p.run(&line, Origin::Control);
    let var = p.readers[i].var.clone();
    let token = if out.exit_code == 0 { read_var(p, &var) } else { String::new() };
    let Some(r) = p.readers.get_mut(i) else { return };
    r.last = None;
    if out.exit_code == 0 {
        r.error = None;
        apply_token(r, &token);
    } else {
        r.error = Some(parse_error(&out.stderr));
        r.position = None;
    }
}

/// Continues after the last record read (AFTER_SEQUENCE_NUMBER), or restarts as set up when none was read.
pub fn renew(p: &mut Playground, i: usize) {
    if let Some(r) = p.readers.get_mut(i) {
        if let Some(seq) = r.last_sequence_number.clone() {
            r.iterator_type = "AFTER_SEQUENCE_NUMBER".into();
            r.start_at = Some(seq);
        }
    }
    restart(p, i);
}

/// Runs GetRecords for reader `i` and moves it.
pub fn get_records(p: &mut Playground, i: usize) {
    let Some((var, limit)) = p.readers.get(i).map(|r| (r.var.clone(), r.limit)) else { return };
    let out = p.run(&get_records_line(&var, limit), Origin::Control);
    let parsed = (out.exit_code == 0).then(|| parse_get_records(&out.stdout)).flatten();
    if let Some(next) = parsed.as_ref().and_then(|g| g.next_shard_iterator.clone()).filter(|t| is_token(t)) {
        p.run_quietly(&format!("{var}={next}"));
    }
    let Some(r) = p.readers.get_mut(i) else { return };
    match parsed {
        Some(g) => {
            r.error = None;
            r.calls += 1;
            if let Some(last) = g.records.last() {
                r.last_sequence_number = Some(last.sequence_number.clone());
            }
            match &g.next_shard_iterator {
                Some(t) => apply_token(r, t),
                None => {
                    r.position = None;
                    r.issued_ms = None;
                }
            }
            r.last = Some(g);
        }
        None => r.error = Some(parse_error(&out.stderr)),
    }
}
