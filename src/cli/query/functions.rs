//! The JMESPath built-in functions, a port of jmespath.py 1.0.1's `functions.py`: the same signatures, the same
//! arity and type checks (and their messages), and Python's arithmetic (integers stay integers, `avg` is a float).

use crate::cli::query::eval::{eval, py_eq};
use crate::cli::query::pyrepr::{compact_json, py_str};
use crate::cli::query::{Node, QueryError};
use serde_json::{Map, Number, Value};
use std::cmp::Ordering;

/// An evaluated argument: a value, or an expression reference (`&expr`).
enum Arg<'a> {
    Val(Value),
    Expr(&'a Node),
}

/// `(name, argument types, variadic)`; an empty type list accepts anything.
const SIGNATURES: &[(&str, &[&[&str]], bool)] = &[
    ("abs", &[&["number"]], false),
    ("avg", &[&["array-number"]], false),
    ("ceil", &[&["number"]], false),
    ("contains", &[&["array", "string"], &[]], false),
    ("ends_with", &[&["string"], &["string"]], false),
    ("floor", &[&["number"]], false),
    ("join", &[&["string"], &["array-string"]], false),
    ("keys", &[&["object"]], false),
    ("length", &[&["string", "array", "object"]], false),
    ("map", &[&["expref"], &["array"]], false),
    ("max", &[&["array-number", "array-string"]], false),
    ("max_by", &[&["array"], &["expref"]], false),
    ("merge", &[&["object"]], true),
    ("min", &[&["array-number", "array-string"]], false),
    ("min_by", &[&["array"], &["expref"]], false),
    ("not_null", &[&[]], true),
    ("reverse", &[&["array", "string"]], false),
    ("sort", &[&["array-string", "array-number"]], false),
    ("sort_by", &[&["array"], &["expref"]], false),
    ("starts_with", &[&["string"], &["string"]], false),
    ("sum", &[&["array-number"]], false),
    ("to_array", &[&[]], false),
    ("to_number", &[&[]], false),
    ("to_string", &[&[]], false),
    ("type", &[&[]], false),
    ("values", &[&["object"]], false),
];

/// Python's type name of a value (`type(v).__name__`).
fn py_type(a: &Arg) -> &'static str {
    match a {
        Arg::Expr(_) => "_Expression",
        Arg::Val(v) => match v {
            Value::Null => "NoneType",
            Value::Bool(_) => "bool",
            Value::Number(n) if n.is_f64() => "float",
            Value::Number(_) => "int",
            Value::String(_) => "str",
            Value::Array(_) => "list",
            Value::Object(_) => "dict",
        },
    }
}

/// jmespath.py's `TYPES_MAP`: Python's type name to JMESPath's.
fn jp_type(py: &str) -> &'static str {
    match py {
        "bool" => "boolean",
        "list" => "array",
        "dict" => "object",
        "NoneType" => "null",
        "str" => "string",
        "float" | "int" => "number",
        "_Expression" => "expref",
        _ => "unknown",
    }
}

/// jmespath.py's `REVERSE_TYPES_MAP`.
fn py_types(jp: &str) -> &'static [&'static str] {
    match jp {
        "boolean" => &["bool"],
        "array" => &["list"],
        "object" => &["dict"],
        "null" => &["NoneType"],
        "string" => &["str"],
        "number" => &["float", "int"],
        "expref" => &["_Expression"],
        _ => &[],
    }
}

fn show(a: &Arg) -> String {
    match a {
        Arg::Val(v) => py_str(v),
        Arg::Expr(_) => "<jmespath.visitor._Expression object>".into(),
    }
}

fn list_repr(items: &[&str]) -> String {
    let inner: Vec<String> = items.iter().map(|t| format!("'{t}'")).collect();
    format!("[{}]", inner.join(", "))
}

fn type_error(name: &str, value: &Arg, actual: &str, expected: &[&str]) -> QueryError {
    QueryError::Runtime(format!(
        "In function {name}(), invalid type for value: {}, expected one of: {}, received: \"{actual}\"",
        show(value),
        list_repr(expected)
    ))
}

fn check_type(name: &str, arg: &Arg, types: &[&str]) -> Result<(), QueryError> {
    let mut allowed: Vec<&str> = Vec::new();
    let mut subtypes: Vec<&[&str]> = Vec::new();
    for t in types {
        let (main, sub) = t.split_once('-').map_or((*t, None), |(a, b)| (a, Some(b)));
        if let Some(sub) = sub {
            subtypes.push(py_types(sub));
        }
        allowed.extend(py_types(main));
    }
    let actual = py_type(arg);
    if !allowed.contains(&actual) {
        return Err(type_error(name, arg, jp_type(actual), types));
    }
    let Arg::Val(Value::Array(items)) = arg else { return Ok(()) };
    let wanted: &[&str] = match subtypes.as_slice() {
        [] => return Ok(()),
        [one] => one,
        many => {
            let Some(first) = items.first() else { return Ok(()) };
            let first = Arg::Val(first.clone());
            match many.iter().find(|s| s.contains(&py_type(&first))) {
                Some(s) => s,
                None => return Err(type_error(name, &first, py_type(&first), types)),
            }
        }
    };
    for x in items {
        let x = Arg::Val(x.clone());
        if !wanted.contains(&py_type(&x)) {
            return Err(type_error(name, &x, py_type(&x), types));
        }
    }
    Ok(())
}

/// A number as Python holds it: an integer or a float.
#[derive(Clone, Copy)]
enum Num {
    Int(i128),
    Float(f64),
}

fn num(v: &Value) -> Num {
    match v {
        Value::Number(n) if !n.is_f64() => {
            Num::Int(n.as_i64().map_or_else(|| n.as_u64().unwrap_or(0) as i128, i128::from))
        }
        Value::Number(n) => Num::Float(n.as_f64().unwrap_or(0.0)),
        _ => Num::Int(0),
    }
}

fn int_value(i: i128) -> Value {
    if let Ok(x) = i64::try_from(i) {
        Value::from(x)
    } else if let Ok(x) = u64::try_from(i) {
        Value::from(x)
    } else {
        float_value(i as f64)
    }
}

fn float_value(f: f64) -> Value {
    Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null)
}

fn num_value(n: Num) -> Value {
    match n {
        Num::Int(i) => int_value(i),
        Num::Float(f) => float_value(f),
    }
}

fn as_f64(n: Num) -> f64 {
    match n {
        Num::Int(i) => i as f64,
        Num::Float(f) => f,
    }
}

/// `sum()` over numbers: an integer while every item is one.
fn sum(items: &[Value]) -> Num {
    items.iter().fold(Num::Int(0), |acc, v| match (acc, num(v)) {
        (Num::Int(a), Num::Int(b)) => a.checked_add(b).map_or(Num::Float(a as f64 + b as f64), Num::Int),
        (a, b) => Num::Float(as_f64(a) + as_f64(b)),
    })
}

/// Python's `<` between two numbers or two strings (the type checks keep other pairs out).
pub fn py_order(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Number(_), Value::Number(_)) => match (num(a), num(b)) {
            (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
            (x, y) => as_f64(x).partial_cmp(&as_f64(y)),
        },
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

/// Python's `TypeError` for `<` between a number and a string.
pub fn order_error(op: &str, a: &Value, b: &Value) -> QueryError {
    let t = |v: &Value| py_type(&Arg::Val(v.clone()));
    QueryError::Runtime(format!("'{op}' not supported between instances of '{}' and '{}'", t(a), t(b)))
}

/// `int(text)` then `float(text)` as Python reads a string; `None` when neither can.
fn parse_number(s: &str) -> Option<Value> {
    let t = s.trim();
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    let plain = |d: &str| !d.is_empty() && !d.starts_with('_') && !d.ends_with('_') && !d.contains("__");
    if plain(digits) && digits.chars().all(|c| c.is_ascii_digit() || c == '_') {
        let clean: String = t.chars().filter(|c| *c != '_').collect();
        return Some(
            clean
                .parse::<i128>()
                .map(int_value)
                .unwrap_or_else(|_| float_value(crate::lean::parse_f64(&clean).unwrap_or(0.0))),
        );
    }
    let f = crate::lean::parse_f64(t)?;
    Some(float_value(f))
}

fn by_key<'a>(
    name: &str,
    list: &'a [Value],
    key: &Node,
    allowed: &[&str],
) -> Result<Vec<(Value, &'a Value)>, QueryError> {
    let mut out = Vec::with_capacity(list.len());
    for x in list {
        let k = eval(key, x)?;
        let t = jp_type(py_type(&Arg::Val(k.clone())));
        if !allowed.contains(&t) {
            return Err(type_error(name, &Arg::Val(k), t, allowed));
        }
        out.push((k, x));
    }
    Ok(out)
}

/// Calls function `name` with the unevaluated `args`, against the current value `cur`.
///
/// # Errors
/// jmespath.py's run-time errors: an unknown function, the wrong number of arguments, an argument of the wrong
/// type.
pub fn call(name: &str, args: &[Node], cur: &Value) -> Result<Value, QueryError> {
    let mut vals = Vec::with_capacity(args.len());
    for a in args {
        vals.push(match a {
            Node::ExpRef(e) => Arg::Expr(e),
            a => Arg::Val(eval(a, cur)?),
        });
    }
    let Some((_, sig, variadic)) = SIGNATURES.iter().find(|(n, _, _)| *n == name) else {
        return Err(QueryError::Runtime(format!("Unknown function: {name}()")));
    };
    let plural = if sig.len() == 1 { "argument" } else { "arguments" };
    if *variadic && vals.len() < sig.len() {
        return Err(QueryError::Runtime(format!(
            "Expected at least {} {plural} for function {name}(), received {}",
            sig.len(),
            vals.len()
        )));
    }
    if !*variadic && vals.len() != sig.len() {
        return Err(QueryError::Runtime(format!(
            "Expected {} {plural} for function {name}(), received {}",
            sig.len(),
            vals.len()
        )));
    }
    for (arg, types) in vals.iter().zip(sig.iter()) {
        if !types.is_empty() {
            check_type(name, arg, types)?;
        }
    }
    let v = |i: usize| match vals.get(i) {
        Some(Arg::Val(v)) => v.clone(),
        _ => Value::Null,
    };
    let expr = |i: usize| match vals.get(i) {
        Some(Arg::Expr(e)) => Some(*e),
        _ => None,
    };
    let list = |i: usize| match v(i) {
        Value::Array(a) => a,
        _ => Vec::new(),
    };
    Ok(match name {
        "abs" => match num(&v(0)) {
            Num::Int(i) => int_value(i.abs()),
            Num::Float(f) => float_value(f.abs()),
        },
        "avg" => {
            let items = list(0);
            if items.is_empty() {
                Value::Null
            } else {
                float_value(as_f64(sum(&items)) / items.len() as f64)
            }
        }
        "ceil" | "floor" => match num(&v(0)) {
            Num::Int(i) => int_value(i),
            Num::Float(f) => {
                let r = if name == "ceil" { f.ceil() } else { f.floor() };
                if r.abs() < 1e38 {
                    int_value(r as i128)
                } else {
                    float_value(r)
                }
            }
        },
        "contains" => match (v(0), v(1)) {
            (Value::String(s), Value::String(t)) => Value::Bool(s.contains(&t)),
            (Value::String(_), other) => {
                let t = py_type(&Arg::Val(other));
                return Err(QueryError::Runtime(format!("'in <string>' requires string as left operand, not {t}")));
            }
            (Value::Array(a), x) => Value::Bool(a.iter().any(|e| py_eq(e, &x))),
            _ => Value::Bool(false),
        },
        "ends_with" | "starts_with" => {
            let (s, t) = (py_str(&v(0)), py_str(&v(1)));
            Value::Bool(if name == "ends_with" { s.ends_with(&t) } else { s.starts_with(&t) })
        }
        "join" => {
            let items: Vec<String> = list(1).iter().map(py_str).collect();
            Value::String(items.join(&py_str(&v(0))))
        }
        "keys" | "values" => match v(0) {
            Value::Object(o) if name == "keys" => Value::Array(o.keys().cloned().map(Value::String).collect()),
            Value::Object(o) => Value::Array(o.values().cloned().collect()),
            _ => Value::Null,
        },
        "length" => match v(0) {
            Value::String(s) => Value::from(s.chars().count()),
            Value::Array(a) => Value::from(a.len()),
            Value::Object(o) => Value::from(o.len()),
            _ => Value::Null,
        },
        "map" => {
            let e = expr(0).unwrap_or(&Node::Identity);
            Value::Array(list(1).iter().map(|x| eval(e, x)).collect::<Result<_, _>>()?)
        }
        "max" | "min" => {
            let mut best: Option<Value> = None;
            for x in list(0) {
                best = Some(match best {
                    None => x,
                    Some(b) => {
                        let o = py_order(&x, &b).unwrap_or(Ordering::Equal);
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
        "max_by" | "min_by" => {
            let items = list(0);
            let keyed = by_key(name, &items, expr(1).unwrap_or(&Node::Identity), &["number", "string"])?;
            let mut best: Option<&(Value, &Value)> = None;
            for pair in &keyed {
                best = Some(match best {
                    None => pair,
                    Some(b) => {
                        let o = py_order(&pair.0, &b.0)
                            .ok_or_else(|| order_error(if name == "max_by" { ">" } else { "<" }, &pair.0, &b.0))?;
                        if (name == "max_by" && o.is_gt()) || (name == "min_by" && o.is_lt()) {
                            pair
                        } else {
                            b
                        }
                    }
                });
            }
            best.map(|(_, x)| (*x).clone()).unwrap_or(Value::Null)
        }
        "merge" => {
            let mut out = Map::new();
            for a in &vals {
                if let Arg::Val(Value::Object(o)) = a {
                    for (k, x) in o {
                        out.insert(k.clone(), x.clone());
                    }
                }
            }
            Value::Object(out)
        }
        "not_null" => vals
            .iter()
            .find_map(|a| match a {
                Arg::Val(Value::Null) => None,
                Arg::Val(x) => Some(x.clone()),
                Arg::Expr(_) => None,
            })
            .unwrap_or(Value::Null),
        "reverse" => match v(0) {
            Value::String(s) => Value::String(s.chars().rev().collect()),
            Value::Array(mut a) => {
                a.reverse();
                Value::Array(a)
            }
            _ => Value::Null,
        },
        "sort" => {
            let mut a = list(0);
            crate::lean::sort_by(&mut a, |x, y| py_order(x, y).unwrap_or(Ordering::Equal));
            Value::Array(a)
        }
        "sort_by" => {
            let items = list(0);
            let Some(first) = items.first() else { return Ok(Value::Array(items)) };
            let key = expr(1).unwrap_or(&Node::Identity);
            let required = jp_type(py_type(&Arg::Val(eval(key, first)?)));
            if !matches!(required, "number" | "string") {
                return Err(type_error("sort_by", &Arg::Val(first.clone()), required, &["string", "number"]));
            }
            let mut keyed = by_key("sort_by", &items, key, &[required])?;
            crate::lean::sort_by(&mut keyed, |a, b| py_order(&a.0, &b.0).unwrap_or(Ordering::Equal));
            Value::Array(keyed.into_iter().map(|(_, x)| x.clone()).collect())
        }
        "sum" => num_value(sum(&list(0))),
        "to_array" => match v(0) {
            Value::Array(a) => Value::Array(a),
            x => Value::Array(vec![x]),
        },
        "to_number" => match v(0) {
            Value::Number(n) => Value::Number(n),
            Value::String(s) => parse_number(&s).unwrap_or(Value::Null),
            _ => Value::Null,
        },
        "to_string" => match v(0) {
            Value::String(s) => Value::String(s),
            x => Value::String(compact_json(&x)),
        },
        "type" => match vals.first() {
            Some(a) => Value::String(jp_type(py_type(a)).into()),
            None => Value::Null,
        },
        _ => return Err(QueryError::Runtime(format!("Unknown function: {name}()"))),
    })
}
