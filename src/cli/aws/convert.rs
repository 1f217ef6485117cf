//! Turns parsed argument values into the JSON wire request, checking them the way botocore's client-side validator
//! does (required members, unknown members, types, minimums; never maximums, patterns or enums: the service checks
//! those) and converting blobs (`--cli-binary-format`) and timestamps.

use crate::cli::aws::blob::{self, BinaryFormat};
use crate::cli::aws::errors::CliError;
use crate::cli::model::Model;
use crate::lean::{Fixed, Shortest};
use serde_json::{Map, Number, Value};

/// Where a value came from: typed JSON, or text (a CLI argument or shorthand) that still needs type conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Parsed JSON: types must already match.
    Json,
    /// Text: scalars are converted (`int(value)`, `true`/`false`).
    Text,
}

/// Conversion state: the binary format, the validation errors met so far, and the first fatal error.
pub struct Converter<'m> {
    /// The model.
    pub model: &'m Model,
    /// How blobs are read.
    pub binary_format: BinaryFormat,
    /// botocore validation problems, in the order botocore reports them.
    pub problems: Vec<String>,
    /// A client-side failure that stops everything (bad base64, `int()` failure).
    pub fatal: Option<CliError>,
    /// Blob arguments that were base64-decoded (argument text, decoded bytes), for hints.
    pub decoded_blobs: Vec<(String, Vec<u8>)>,
}

fn name_or_input(path: &str) -> &str {
    if path.is_empty() {
        "input"
    } else {
        path
    }
}

fn join(path: &str, member: &str) -> String {
    if path.is_empty() {
        member.to_string()
    } else {
        format!("{path}.{member}")
    }
}

impl<'m> Converter<'m> {
    /// A converter for one call.
    pub fn new(model: &'m Model, binary_format: BinaryFormat) -> Self {
        Converter { model, binary_format, problems: Vec::new(), fatal: None, decoded_blobs: Vec::new() }
    }

    fn type_error(&mut self, path: &str, value: &Value, valid: &str) {
        self.problems.push(format!(
            "Invalid type for parameter {path}, value: {}, type: {}, valid types: {valid}",
            // botocore formats the value with `%s`: a string as it is, anything else as its repr.
            value.as_str().map_or_else(|| py_repr(value), str::to_string),
            py_type(value)
        ));
    }

    fn fatal(&mut self, e: CliError) -> Option<Value> {
        if self.fatal.is_none() {
            self.fatal = Some(e);
        }
        None
    }

    /// Converts `value` to the wire form of `shape`; `None` when it is invalid (the reason is recorded).
    pub fn convert(&mut self, shape: &str, value: &Value, path: &str, src: Source) -> Option<Value> {
        let model = self.model;
        let Some(s) = model.shape(shape) else {
            return Some(value.clone());
        };
        match s.kind.as_str() {
            "structure" => {
                let Value::Object(obj) = value else {
                    self.type_error(path, value, "<class 'dict'>");
                    return None;
                };
                for r in &s.required {
                    if !obj.contains_key(r) {
                        self.problems.push(format!("Missing required parameter in {}: \"{r}\"", name_or_input(path)));
                    }
                }
                let mut out = Map::new();
                for (k, v) in obj {
                    match s.member(k) {
                        None => {
                            let names: Vec<&str> = s.members.iter().map(|m| m.name.as_str()).collect();
                            self.problems.push(format!(
                                "Unknown parameter in {}: \"{k}\", must be one of: {}",
                                name_or_input(path),
                                names.join(", ")
                            ));
                        }
                        Some(m) => {
                            if let Some(c) = self.convert(&m.shape, v, &join(path, k), src) {
                                out.insert(k.clone(), c);
                            }
                        }
                    }
                }
                Some(Value::Object(out))
            }
            "list" => {
                let items = match value {
                    Value::Array(a) => a.clone(),
                    Value::String(_) if src == Source::Text => vec![value.clone()],
                    _ => {
                        self.type_error(path, value, "<class 'list'>, <class 'tuple'>");
                        return None;
                    }
                };
                self.check_min_len(s.min, items.len(), path);
                let member = s.member.clone().unwrap_or_default();
                let out = items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| self.convert(&member, v, &format!("{path}[{i}]"), src))
                    .collect();
                Some(Value::Array(out))
            }
            "map" => {
                let Value::Object(obj) = value else {
                    self.type_error(path, value, "<class 'dict'>");
                    return None;
                };
                // botocore checks no length of maps: an empty one goes to the service, which refuses it.
                let (key_shape, value_shape) = (s.key.clone().unwrap_or_default(), s.value.clone().unwrap_or_default());
                let mut out = Map::new();
                for (k, v) in obj {
                    self.convert(&key_shape, &Value::String(k.clone()), path, src);
                    if let Some(c) = self.convert(&value_shape, v, &join(path, k), src) {
                        out.insert(k.clone(), c);
                    }
                }
                Some(Value::Object(out))
            }
            "string" => match value {
                Value::String(t) => {
                    self.check_min_len(s.min, t.chars().count(), path);
                    Some(value.clone())
                }
                _ => {
                    self.type_error(path, value, "<class 'str'>");
                    None
                }
            },
            "integer" | "long" => {
                let n = match (value, src) {
                    (Value::Number(n), _) if n.is_i64() => n.as_i64(),
                    (Value::String(t), Source::Text) => match t.trim().parse::<i64>() {
                        Ok(n) => Some(n),
                        Err(_) => {
                            return self.fatal(CliError::General(format!(
                                "invalid literal for int() with base 10: {}",
                                py_repr(value)
                            )))
                        }
                    },
                    _ => None,
                };
                let Some(n) = n else {
                    self.type_error(path, value, "<class 'int'>");
                    return None;
                };
                if let Some(min) = s.min {
                    if (n as f64) < min {
                        self.problems.push(format!(
                            "Invalid value for parameter {path}, value: {n}, valid min value: {}",
                            Shortest(min)
                        ));
                    }
                }
                Some(Value::Number(n.into()))
            }
            "boolean" => match (value, src) {
                (Value::Bool(_), _) => Some(value.clone()),
                (Value::String(t), Source::Text) if t.eq_ignore_ascii_case("true") => Some(Value::Bool(true)),
                (Value::String(t), Source::Text) if t.eq_ignore_ascii_case("false") => Some(Value::Bool(false)),
                _ => {
                    self.type_error(path, value, "<class 'bool'>");
                    None
                }
            },
            "blob" => {
                let Value::String(t) = value else {
                    self.type_error(path, value, "<class 'bytes'>, <class 'bytearray'>, file-like object");
                    return None;
                };
                let bytes = match self.binary_format {
                    BinaryFormat::RawInBase64Out => t.as_bytes().to_vec(),
                    BinaryFormat::Base64 => match blob::lenient_b64decode(t) {
                        Ok(b) => {
                            self.decoded_blobs.push((t.clone(), b.clone()));
                            b
                        }
                        Err(_) => return self.fatal(CliError::General(format!("Invalid base64: \"{t}\""))),
                    },
                };
                Some(Value::String(blob::encode(&bytes)))
            }
            "timestamp" => match value {
                Value::Number(_) => Some(value.clone()),
                Value::String(t) => match crate::time::parse_timestamp(t) {
                    Some(ms) => Number::from_f64(crate::time::to_epoch_seconds_f64(ms)).map(Value::Number),
                    // botocore's validator accepts a string only when it parses as a timestamp.
                    None => {
                        self.type_error(path, value, "<class 'datetime.datetime'>, timestamp-string");
                        None
                    }
                },
                _ => {
                    self.type_error(path, value, "<class 'datetime.datetime'>, timestamp-string");
                    None
                }
            },
            "double" | "float" => match (value, src) {
                (Value::Number(_), _) => Some(value.clone()),
                (Value::String(t), Source::Text) => match crate::lean::parse_f64(t.trim()).and_then(Number::from_f64) {
                    Some(n) => Some(Value::Number(n)),
                    None => {
                        self.fatal(CliError::General(format!("could not convert string to float: {}", py_repr(value))))
                    }
                },
                _ => {
                    self.type_error(path, value, "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>");
                    None
                }
            },
            _ => Some(value.clone()),
        }
    }

    fn check_min_len(&mut self, min: Option<f64>, len: usize, path: &str) {
        if let Some(min) = min {
            if (len as f64) < min {
                self.problems.push(format!(
                    "Invalid length for parameter {path}, value: {len}, valid min length: {}",
                    Shortest(min)
                ));
            }
        }
    }
}

/// Python's `repr` of a JSON value (`'text'`, `1`, `True`, `None`, `['a', 'b']`, `{'k': 'v'}`).
pub fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => {
            if n.is_f64() {
                let f = n.as_f64().unwrap_or_default();
                if f.fract() == 0.0 && f.abs() < 1e16 {
                    Fixed(f, 1).to_string()
                } else {
                    Shortest(f).to_string()
                }
            } else {
                n.to_string()
            }
        }
        Value::String(s) => {
            if s.contains('\'') && !s.contains('"') {
                format!("\"{s}\"")
            } else {
                format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
            }
        }
        Value::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, v)| format!("{}: {}", py_repr(&Value::String(k.clone())), py_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn py_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "<class 'NoneType'>",
        Value::Bool(_) => "<class 'bool'>",
        Value::Number(n) if n.is_f64() => "<class 'float'>",
        Value::Number(_) => "<class 'int'>",
        Value::String(_) => "<class 'str'>",
        Value::Array(_) => "<class 'list'>",
        Value::Object(_) => "<class 'dict'>",
    }
}
