//! `--output table` (to be completed): a titled ASCII table in the spirit of `awscli/table.py`.

use serde_json::Value;

/// Renders `value` as a table titled `title`.
pub fn format_table(title: &str, value: &Value) -> String {
    let body = super::text::format_text(value);
    let width = body.lines().map(|l| l.chars().count()).max().unwrap_or(0).max(title.chars().count() + 4);
    let mut out = format!("{}\n|{:^w$}|\n{}\n", "-".repeat(width + 2), title, "-".repeat(width + 2), w = width);
    for line in body.lines() {
        out.push_str(&format!("|{:<w$}|\n", line.replace('\t', "  "), w = width));
    }
    out.push_str(&format!("{}\n", "+".to_string() + &"-".repeat(width) + "+"));
    out
}
