//! Shapes a response the way AWS CLI v2 shows it, and prints it as JSON.
//!
//! - [`normalize`]: keeps only model members, in **model member order**, drops nulls (botocore's parser does), and
//!   turns timestamp members (epoch seconds on the wire) into ISO-8601 text (`cli_timestamp_format = iso8601`).
//!   Blobs stay base64 text.
//! - [`to_json`]: Python's `json.dumps(value, indent=4, ensure_ascii=False)` plus the trailing newline the CLI adds.
//!
//! The other formats: [`text`] (`--output text`), [`table`] (`--output table`) and [`yaml`] (`--output yaml` and
//! `yaml-stream`).

pub mod table;
pub mod text;
pub mod yaml;

use crate::cli::model::Model;
use crate::lean::{Exp, Fixed, Shortest};
use serde_json::{Map, Value};

/// Reorders and converts `value` according to `shape` (see the module docs).
pub fn normalize(model: &Model, shape: &str, value: &Value) -> Value {
    let Some(s) = model.shape(shape) else {
        return value.clone();
    };
    match (s.kind.as_str(), value) {
        ("structure", Value::Object(obj)) => {
            let mut out = Map::new();
            for m in &s.members {
                match obj.get(&m.name) {
                    None | Some(Value::Null) => {}
                    Some(v) => {
                        out.insert(m.name.clone(), normalize(model, &m.shape, v));
                    }
                }
            }
            Value::Object(out)
        }
        ("list", Value::Array(items)) => {
            let member = s.member.as_deref().unwrap_or_default();
            Value::Array(items.iter().map(|v| normalize(model, member, v)).collect())
        }
        ("map", Value::Object(obj)) => {
            let vs = s.value.as_deref().unwrap_or_default();
            Value::Object(
                obj.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), normalize(model, vs, v))).collect(),
            )
        }
        ("timestamp", Value::Number(n)) => match n.as_f64().and_then(crate::time::from_epoch_seconds_f64) {
            Some(ms) => Value::String(crate::time::format_iso(ms)),
            None => value.clone(),
        },
        _ => value.clone(),
    }
}

/// `json.dumps(value, indent=4, ensure_ascii=False)` followed by a newline.
pub fn to_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0);
    out.push('\n');
    out
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("    ");
    }
}

fn write_value(out: &mut String, value: &Value, level: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&py_number(n)),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                indent(out, level + 1);
                write_value(out, item, level + 1);
            }
            out.push('\n');
            indent(out, level);
            out.push(']');
        }
        Value::Object(obj) => {
            if obj.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push_str("{\n");
            for (i, (k, v)) in obj.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                indent(out, level + 1);
                write_string(out, k);
                out.push_str(": ");
                write_value(out, v, level + 1);
            }
            out.push('\n');
            indent(out, level);
            out.push('}');
        }
    }
}

/// A JSON number as Python prints it (`1.5`, `1.0`, `1e+16`, `1704067205.123`).
pub fn py_number(n: &serde_json::Number) -> String {
    if !n.is_f64() {
        return n.to_string();
    }
    let f = n.as_f64().unwrap_or_default();
    if f.fract() == 0.0 && f.abs() < 1e16 {
        Fixed(f, 1).to_string()
    } else if f.abs() >= 1e16 {
        Exp(f).to_string().replace('e', "e+")
    } else {
        Shortest(f).to_string()
    }
}

/// A JSON string as Python's `json.dumps(..., ensure_ascii=False)` escapes it (the CLI's JSON output).
pub fn write_string(out: &mut String, s: &str) {
    write_json_string(out, s, false);
}

/// A JSON string as Python's `json.dumps` escapes it. Both ways escape `"`, `\\` and the control characters
/// below U+0020 (by their short names where JSON has one); `ensure_ascii` also escapes every character outside
/// printable ASCII (DEL and all non-ASCII) as `\uXXXX`, in UTF-16 units (a surrogate pair above U+FFFF).
pub fn write_json_string(out: &mut String, s: &str, ensure_ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' || (ensure_ascii && !(' '..='~').contains(&c)) => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_strings_escape_as_python_does_with_and_without_ensure_ascii() {
        let s = "a\"\\\n\r\t\u{8}\u{c}\u{1}\u{1f} ~\u{7f}é€😀";
        let both = |ensure_ascii| {
            let mut out = String::new();
            write_json_string(&mut out, s, ensure_ascii);
            out
        };
        // json.dumps(s, ensure_ascii=False) and json.dumps(s) in Python 3.
        assert_eq!(both(false), "\"a\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001f ~\u{7f}é€😀\"");
        assert_eq!(both(true), "\"a\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001f ~\\u007f\\u00e9\\u20ac\\ud83d\\ude00\"");
        let mut out = String::new();
        write_string(&mut out, s);
        assert_eq!(out, both(false));
    }

    #[test]
    fn python_style_json() {
        let v = json!({"a": [], "b": {}, "c": [1, "x\"y"], "d": {"e": null, "f": true}, "g": "é\u{1}"});
        assert_eq!(
            to_json(&v),
            "{\n    \"a\": [],\n    \"b\": {},\n    \"c\": [\n        1,\n        \"x\\\"y\"\n    ],\n    \"d\": {\n        \"e\": null,\n        \"f\": true\n    },\n    \"g\": \"é\\u0001\"\n}\n"
        );
        assert_eq!(to_json(&json!("s")), "\"s\"\n");
        assert_eq!(to_json(&json!(1.5)), "1.5\n");
    }
}
