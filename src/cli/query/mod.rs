//! `--query`: JMESPath evaluation over the (model-ordered) response, keeping key order like Python's dicts.
//! The parser is in [`crate::cli::query::parse`]; functions cover the ones tutorials use (length, keys, values, sort,
//! sort_by, max/min(_by), sum, join, contains, starts_with, ends_with, to_string, to_number, reverse, not_null,
//! type).
//!
//! Files: [`lex`] (tokens), [`parse`] (the Pratt parser), [`functions`] (built-in functions), this one (evaluation).

pub mod functions;
pub mod lex;
pub mod parse;

pub use crate::cli::query::parse::{parse, Node};
use serde_json::{Map, Number, Value};
use std::cmp::Ordering;

/// Compiles and runs `expr` against `data`.
///
/// # Errors
/// Syntax errors, and run-time errors such as a function called with the wrong argument types.
pub fn search(expr: &str, data: &Value) -> Result<Value, String> {
    let node = parse(expr)?;
    eval(&node, data)
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        Value::Number(_) => true,
    }
}

/// Evaluates a parsed expression.
///
/// # Errors
/// Run-time errors (bad function arguments, unknown functions).
pub fn eval(node: &Node, v: &Value) -> Result<Value, String> {
    Ok(match node {
        Node::Current => v.clone(),
        Node::Field(name) => v.get(name).cloned().unwrap_or(Value::Null),
        Node::Sub(a, b) => {
            let left = eval(a, v)?;
            if left.is_null() {
                Value::Null
            } else {
                eval(b, &left)?
            }
        }
        Node::Index(i) => match v {
            Value::Array(a) => {
                let idx = if *i < 0 { a.len() as i64 + i } else { *i };
                usize::try_from(idx).ok().and_then(|k| a.get(k)).cloned().unwrap_or(Value::Null)
            }
            _ => Value::Null,
        },
        Node::Slice(start, stop, step) => match v {
            Value::Array(a) => Value::Array(slice(a, *start, *stop, *step)?),
            _ => Value::Null,
        },
        Node::IndexOf(a, idx) => {
            let left = eval(a, v)?;
            eval(idx, &left)?
        }
        Node::Project(a, rhs) => match eval(a, v)? {
            Value::Array(items) => {
                let mut out = Vec::new();
                for it in &items {
                    let r = eval(rhs, it)?;
                    if !r.is_null() {
                        out.push(r);
                    }
                }
                Value::Array(out)
            }
            _ => Value::Null,
        },
        Node::ValueProject(a, rhs) => match eval(a, v)? {
            Value::Object(obj) => {
                let mut out = Vec::new();
                for it in obj.values() {
                    let r = eval(rhs, it)?;
                    if !r.is_null() {
                        out.push(r);
                    }
                }
                Value::Array(out)
            }
            _ => Value::Null,
        },
        Node::Flatten(a) => match eval(a, v)? {
            Value::Array(items) => {
                let mut out = Vec::new();
                for it in items {
                    match it {
                        Value::Array(inner) => out.extend(inner),
                        other => out.push(other),
                    }
                }
                Value::Array(out)
            }
            _ => Value::Null,
        },
        Node::Filter(a, cond, rhs) => match eval(a, v)? {
            Value::Array(items) => {
                let mut out = Vec::new();
                for it in &items {
                    if truthy(&eval(cond, it)?) {
                        let r = eval(rhs, it)?;
                        if !r.is_null() {
                            out.push(r);
                        }
                    }
                }
                Value::Array(out)
            }
            _ => Value::Null,
        },
        Node::MultiList(items) => {
            if v.is_null() {
                return Ok(Value::Null);
            }
            Value::Array(items.iter().map(|n| eval(n, v)).collect::<Result<_, _>>()?)
        }
        Node::MultiHash(pairs) => {
            if v.is_null() {
                return Ok(Value::Null);
            }
            let mut m = Map::new();
            for (k, n) in pairs {
                m.insert(k.clone(), eval(n, v)?);
            }
            Value::Object(m)
        }
        Node::Pipe(a, b) => eval(b, &eval(a, v)?)?,
        Node::Or(a, b) => {
            let l = eval(a, v)?;
            if truthy(&l) {
                l
            } else {
                eval(b, v)?
            }
        }
        Node::And(a, b) => {
            let l = eval(a, v)?;
            if truthy(&l) {
                eval(b, v)?
            } else {
                l
            }
        }
        Node::Not(a) => Value::Bool(!truthy(&eval(a, v)?)),
        Node::Cmp(op, a, b) => compare(op, &eval(a, v)?, &eval(b, v)?),
        Node::Literal(l) => l.clone(),
        Node::ExpRef(_) => return Err("Expression references are only valid as function arguments".into()),
        Node::Call(name, args) => crate::cli::query::functions::call(name, args, v)?,
    })
}

fn slice(a: &[Value], start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Result<Vec<Value>, String> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err("Invalid slice, step cannot be 0".into());
    }
    let len = a.len() as i64;
    let clamp = |x: i64, lo: i64, hi: i64| x.max(lo).min(hi);
    let norm = |x: i64| if x < 0 { x + len } else { x };
    let (mut i, end) = if step > 0 {
        (clamp(norm(start.unwrap_or(0)), 0, len), clamp(norm(stop.unwrap_or(len)), 0, len))
    } else {
        (clamp(norm(start.unwrap_or(len - 1)), -1, len - 1), clamp(norm(stop.unwrap_or(-len - 1)), -1, len - 1))
    };
    let mut out = Vec::new();
    while (step > 0 && i < end) || (step < 0 && i > end) {
        if let Some(x) = usize::try_from(i).ok().and_then(|k| a.get(k)) {
            out.push(x.clone());
        }
        i += step;
    }
    Ok(out)
}

/// Orders two numbers or two strings; `None` for other pairs.
pub fn order(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64()?.partial_cmp(&y.as_f64()?),
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

fn compare(op: &str, a: &Value, b: &Value) -> Value {
    match op {
        "==" => Value::Bool(eq(a, b)),
        "!=" => Value::Bool(!eq(a, b)),
        _ => match (a, b) {
            (Value::Number(_), Value::Number(_)) => match order(a, b) {
                Some(o) => Value::Bool(match op {
                    "<" => o.is_lt(),
                    "<=" => o.is_le(),
                    ">" => o.is_gt(),
                    _ => o.is_ge(),
                }),
                None => Value::Null,
            },
            _ => Value::Null,
        },
    }
}

fn eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// A JSON number from an f64, integral values as integers.
pub fn number(f: f64) -> Value {
    if f.fract() == 0.0 && f.abs() < 9e15 {
        Value::Number((f as i64).into())
    } else {
        Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null)
    }
}
