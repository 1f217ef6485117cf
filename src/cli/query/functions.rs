//! JMESPath built-in functions for `--query` (the common subset).

use crate::cli::query::{eval, number, order, Node};
use serde_json::Value;

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn invalid(name: &str, v: &Value) -> String {
    format!(
        "In function {name}(), invalid type for value: {v}, expected one of: valid types, received: \"{}\"",
        type_name(v)
    )
}

/// Calls function `name` with unevaluated `args` against the current value `cur`.
///
/// # Errors
/// Unknown function, wrong arity or argument types.
pub fn call(name: &str, args: &[Node], cur: &Value) -> Result<Value, String> {
    let exp_by = |i: usize| -> Result<&Node, String> {
        match args.get(i) {
            Some(Node::ExpRef(e)) => Ok(e),
            _ => Err(format!("In function {name}(), expected an expression reference")),
        }
    };
    if matches!(name, "sort_by" | "max_by" | "min_by") {
        let list = match args.first().map(|a| eval(a, cur)).transpose()? {
            Some(Value::Array(a)) => a,
            Some(v) => return Err(invalid(name, &v)),
            None => return Err(format!("Function {name}() expects 2 arguments")),
        };
        let key = exp_by(1)?;
        let mut keyed = Vec::new();
        for it in list {
            keyed.push((eval(key, &it)?, it));
        }
        keyed.sort_by(|a, b| order(&a.0, &b.0).unwrap_or(std::cmp::Ordering::Equal));
        return Ok(match name {
            "sort_by" => Value::Array(keyed.into_iter().map(|(_, v)| v).collect()),
            "max_by" => keyed.pop().map(|(_, v)| v).unwrap_or(Value::Null),
            _ => keyed.into_iter().next().map(|(_, v)| v).unwrap_or(Value::Null),
        });
    }
    let vals = args.iter().map(|a| eval(a, cur)).collect::<Result<Vec<_>, _>>()?;
    let arg = |i: usize| vals.get(i).cloned().unwrap_or(Value::Null);
    Ok(match name {
        "length" => match arg(0) {
            Value::String(s) => number(s.chars().count() as f64),
            Value::Array(a) => number(a.len() as f64),
            Value::Object(o) => number(o.len() as f64),
            v => return Err(invalid(name, &v)),
        },
        "keys" => match arg(0) {
            Value::Object(o) => Value::Array(o.keys().cloned().map(Value::String).collect()),
            v => return Err(invalid(name, &v)),
        },
        "values" => match arg(0) {
            Value::Object(o) => Value::Array(o.values().cloned().collect()),
            v => return Err(invalid(name, &v)),
        },
        "sort" => match arg(0) {
            Value::Array(mut a) => {
                a.sort_by(|x, y| order(x, y).unwrap_or(std::cmp::Ordering::Equal));
                Value::Array(a)
            }
            v => return Err(invalid(name, &v)),
        },
        "reverse" => match arg(0) {
            Value::Array(mut a) => {
                a.reverse();
                Value::Array(a)
            }
            Value::String(s) => Value::String(s.chars().rev().collect()),
            v => return Err(invalid(name, &v)),
        },
        "max" | "min" => match arg(0) {
            Value::Array(a) => {
                let mut best: Option<Value> = None;
                for x in a {
                    best = Some(match best {
                        None => x,
                        Some(b) => {
                            let o = order(&x, &b).unwrap_or(std::cmp::Ordering::Equal);
                            if (name == "max" && o.is_gt()) || (name == "min" && o.is_lt()) {
                                x
                            } else {
                                b
                            }
                        }
                    });
                }
                best.unwrap_or(Value::Null)
            }
            v => return Err(invalid(name, &v)),
        },
        "sum" => match arg(0) {
            Value::Array(a) => number(a.iter().filter_map(Value::as_f64).sum()),
            v => return Err(invalid(name, &v)),
        },
        "join" => match (arg(0), arg(1)) {
            (Value::String(sep), Value::Array(a)) => Value::String(
                a.iter()
                    .map(|x| x.as_str().map(str::to_string).ok_or_else(|| invalid(name, x)))
                    .collect::<Result<Vec<_>, _>>()?
                    .join(&sep),
            ),
            (v, _) => return Err(invalid(name, &v)),
        },
        "contains" => match (arg(0), arg(1)) {
            (Value::String(s), Value::String(t)) => Value::Bool(s.contains(&t)),
            (Value::Array(a), x) => Value::Bool(a.contains(&x)),
            (v, _) => return Err(invalid(name, &v)),
        },
        "starts_with" | "ends_with" => match (arg(0), arg(1)) {
            (Value::String(s), Value::String(t)) => {
                Value::Bool(if name == "starts_with" { s.starts_with(&t) } else { s.ends_with(&t) })
            }
            (v, _) => return Err(invalid(name, &v)),
        },
        "to_string" => match arg(0) {
            Value::String(s) => Value::String(s),
            v => Value::String(v.to_string()),
        },
        "to_number" => match arg(0) {
            Value::Number(n) => Value::Number(n),
            Value::String(s) => s.parse::<f64>().map(number).unwrap_or(Value::Null),
            _ => Value::Null,
        },
        "not_null" => vals.into_iter().find(|v| !v.is_null()).unwrap_or(Value::Null),
        "type" => Value::String(type_name(&arg(0)).into()),
        _ => return Err(format!("Unknown function: {name}()")),
    })
}
