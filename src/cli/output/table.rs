//! `--output table`, ported from `awscli/formatter.py` (`TableFormatter`) and `awscli/table.py` (`MultiTable`):
//! one titled section per nested object or list, scalar keys as columns (a single scalar as a `key | value` row),
//! columns scaled to the widest section, and sections wider than the 80-column default terminal turned vertical.

use crate::cli::output::text::py_str;
use serde_json::Value;

const TERMINAL_WIDTH: i64 = 80;

#[derive(Debug, Clone, Default)]
struct Section {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent: i64,
    max_widths: Vec<i64>,
}

/// Display width: East Asian wide/fullwidth characters count twice.
fn text_len(s: &str) -> i64 {
    s.chars()
        .map(|c| {
            let u = c as u32;
            let wide = (0x1100..=0x115F).contains(&u)
                || (0x2E80..=0xA4CF).contains(&u)
                || (0xAC00..=0xD7A3).contains(&u)
                || (0xF900..=0xFAFF).contains(&u)
                || (0xFE30..=0xFE4F).contains(&u)
                || (0xFF00..=0xFF60).contains(&u)
                || (0xFFE0..=0xFFE6).contains(&u)
                || (0x1F300..=0x1FAFF).contains(&u)
                || (0x20000..=0x3FFFD).contains(&u);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

fn spaces(n: i64) -> String {
    " ".repeat(n.max(0) as usize)
}

impl Section {
    fn update_widths(&mut self, row: &[String]) {
        if self.max_widths.is_empty() {
            self.max_widths = row.iter().map(|e| text_len(e)).collect();
        } else {
            for (i, e) in row.iter().enumerate() {
                if let Some(w) = self.max_widths.get_mut(i) {
                    *w = (*w).max(text_len(e));
                }
            }
        }
    }

    fn add_header(&mut self, headers: Vec<String>) {
        self.update_widths(&headers);
        self.headers = headers;
    }

    fn add_row(&mut self, row: Vec<String>) {
        self.update_widths(&row);
        self.rows.push(row);
    }

    fn column_widths(&self, padding: i64, max_width: Option<i64>) -> Vec<i64> {
        let unscaled: Vec<i64> = self.max_widths.iter().map(|w| w + padding).collect();
        let Some(max) = max_width else { return unscaled };
        let total: i64 = unscaled.iter().sum();
        if unscaled.is_empty() || total == 0 {
            return unscaled;
        }
        let scale = max as f64 / total as f64;
        let mut scaled: Vec<i64> = unscaled.iter().map(|&w| (scale * w as f64).round_ties_even() as i64).collect();
        let mut off_by: i64 = scaled.iter().sum::<i64>() - max;
        while off_by != 0 {
            let n = scaled.len();
            for k in 0..n {
                let i = if off_by < 0 { n - 1 - k } else { k };
                if off_by > 0 {
                    scaled[i] -= 1;
                    off_by -= 1;
                } else {
                    scaled[i] += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled
    }

    fn total_width(&self) -> i64 {
        let total: i64 = self.column_widths(0, None).iter().map(|w| w + 4).sum::<i64>() + 2 + 2 * self.indent;
        total.max(text_len(&self.title) + 2 + 2 * self.indent)
    }
}

fn center(text: &str, length: i64, left: &str, right: &str) -> String {
    let tl = text_len(text);
    let start = length / 2 - tl / 2 - 1;
    let so_far = text_len(left) + start + tl;
    format!("{left}{}{text}{}{right}", spaces(start), spaces(length - text_len(right) - so_far))
}

fn align_left(text: &str, length: i64, left: &str, right: &str) -> String {
    let tl = text_len(text);
    let padding = if length - (tl + 2 + text_len(left) + text_len(right)) >= 0 { 2 } else { 0 };
    let so_far = left.len() as i64 + padding + tl;
    format!("{left}{}{text}{}{right}", spaces(padding), spaces(length - so_far - right.len() as i64))
}

fn line_break(widths: &[i64]) -> String {
    let mut s = String::new();
    for (i, w) in widths.iter().enumerate() {
        if i == 0 {
            s.push_str(&format!("+{}+", "-".repeat((w - 2).max(0) as usize)));
        } else {
            s.push_str(&format!("{}+", "-".repeat((w - 1).max(0) as usize)));
        }
    }
    s
}

struct Builder {
    sections: Vec<Section>,
}

fn is_scalar(v: &Value) -> bool {
    !v.is_array() && !v.is_object()
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        Value::Number(n) => n.as_f64() != Some(0.0),
    }
}

impl Builder {
    fn current(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        let last = self.sections.len() - 1;
        &mut self.sections[last]
    }

    fn new_section(&mut self, title: &str, indent: i64) {
        self.sections.push(Section { title: title.to_string(), indent, ..Default::default() });
    }

    fn build(&mut self, title: Option<&str>, current: &Value, indent: i64) -> bool {
        if !truthy(current) {
            return false;
        }
        if let Some(t) = title {
            self.new_section(t, indent);
        }
        match current {
            Value::Array(items) => {
                if items.first().is_some_and(Value::is_object) {
                    self.list_rows(items, indent, title.unwrap_or_default());
                } else {
                    for item in items {
                        match item {
                            Value::Array(inner) if inner.iter().all(is_scalar) => {
                                let row = inner.iter().map(py_str).collect();
                                self.current().add_row(row);
                            }
                            x if is_scalar(x) => self.current().add_row(vec![py_str(x)]),
                            other => {
                                self.build(None, other, 0);
                            }
                        }
                    }
                }
            }
            Value::Object(_) => self.dict_rows(current, indent),
            other => self.current().add_row(vec![py_str(other)]),
        }
        true
    }

    fn dict_rows(&mut self, current: &Value, indent: i64) {
        let Value::Object(obj) = current else { return };
        let (headers, more) = group(obj);
        if headers.len() == 1 {
            let v = py_str(&obj[&headers[0]]);
            self.current().add_row(vec![headers[0].clone(), v]);
        } else if !headers.is_empty() {
            let row = headers.iter().map(|k| py_str(&obj[k])).collect();
            self.current().add_header(headers);
            self.current().add_row(row);
        }
        for k in more {
            self.build(Some(&k), &obj[&k], indent + 1);
        }
    }

    fn list_rows(&mut self, items: &[Value], indent: i64, title: &str) {
        let mut headers: Vec<String> = Vec::new();
        let mut more: Vec<String> = Vec::new();
        for it in items.iter().filter_map(Value::as_object) {
            let (h, m) = group(it);
            headers.extend(h);
            more.extend(m);
        }
        crate::lean::sort(&mut headers);
        headers.dedup();
        crate::lean::sort(&mut more);
        more.dedup();
        self.current().add_header(headers.clone());
        for (i, el) in items.iter().enumerate() {
            if i > 0 && !more.is_empty() {
                self.new_section(title, indent);
                self.current().add_header(headers.clone());
            }
            let row = headers.iter().map(|h| el.get(h).map(py_str).unwrap_or_default()).collect();
            self.current().add_row(row);
            for k in &more {
                if let Some(v) = el.get(k) {
                    self.build(Some(k), v, indent + 1);
                }
            }
        }
    }
}

fn group(obj: &serde_json::Map<String, Value>) -> (Vec<String>, Vec<String>) {
    let mut headers: Vec<String> = obj.iter().filter(|(_, v)| is_scalar(v)).map(|(k, _)| k.clone()).collect();
    let mut more: Vec<String> = obj.iter().filter(|(_, v)| !is_scalar(v)).map(|(k, _)| k.clone()).collect();
    crate::lean::sort(&mut headers);
    crate::lean::sort(&mut more);
    (headers, more)
}

/// Renders `value` as the CLI's table titled `title` (the operation name, e.g. `DescribeStream`).
pub fn format_table(title: &str, value: &Value) -> String {
    let mut b = Builder { sections: Vec::new() };
    if !b.build(Some(title), value, 0) {
        return String::new();
    }
    let mut sections = b.sections;
    let mut max_width = sections.iter().map(Section::total_width).max().unwrap_or(0);
    if max_width > TERMINAL_WIDTH {
        for s in sections.iter_mut() {
            if s.rows.len() == 1 && !s.headers.is_empty() {
                let mut n = Section { title: s.title.clone(), indent: s.indent, ..Default::default() };
                for (h, e) in s.headers.iter().zip(s.rows[0].iter()) {
                    n.add_row(vec![h.clone(), e.clone()]);
                }
                *s = n;
            }
        }
        max_width = sections.iter().map(Section::total_width).max().unwrap_or(0);
    }
    let mut out = format!("{}\n", "-".repeat(max_width.max(0) as usize));
    for s in &sections {
        let bars = "|".repeat(s.indent.max(0) as usize);
        let mut write = |line: String| out.push_str(&format!("{bars}{line}{bars}\n"));
        let width = max_width - s.indent * 2;
        if !s.title.is_empty() {
            write(center(&s.title, width, "|", "|"));
            if s.headers.is_empty() && s.rows.is_empty() {
                write(format!("+{}+", "-".repeat((width - 2).max(0) as usize)));
            }
        }
        if !s.headers.is_empty() {
            let widths = s.column_widths(4, Some(width));
            write(line_break(&widths));
            let mut line = String::new();
            for (i, (w, h)) in widths.iter().zip(&s.headers).enumerate() {
                line.push_str(&center(h, *w, if i == 0 { "|" } else { "" }, "|"));
            }
            write(line);
        }
        if !s.rows.is_empty() {
            let widths = s.column_widths(4, Some(width));
            if widths.is_empty() {
                continue;
            }
            write(line_break(&widths));
            for row in &s.rows {
                let mut line = String::new();
                for (i, (w, e)) in widths.iter().zip(row).enumerate() {
                    line.push_str(&align_left(e, *w, if i == 0 { "|" } else { "" }, "|"));
                }
                write(line);
            }
            write(line_break(&widths));
        }
    }
    out
}
