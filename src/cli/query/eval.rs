//! JMESPath evaluation, a port of jmespath.py 1.0.1's `TreeInterpreter` (`visitor.py`): projections drop nulls,
//! a field of anything but an object is null, ordering comparisons hold only between numbers, objects keep the
//! expression's (or the document's) key order.

use crate::cli::query::functions::{call, py_order};
use crate::cli::query::parse::{Cmp, Node};
use crate::cli::query::QueryError;
use serde_json::{Map, Value};

/// JMESPath's truth: false, null, and empty strings, lists and objects are false; everything else (0 too) is true.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        Value::Number(_) => true,
    }
}

fn as_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

/// Python's `==` between two JSON values (`1 == 1.0`, `True == 1`, deep for lists and objects).
pub fn py_eq(a: &Value, b: &Value) -> bool {
    let as_num = |v: &Value| match v {
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        v => as_number(v),
    };
    match (a, b) {
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| py_eq(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, p)| y.get(k).is_some_and(|q| py_eq(p, q)))
        }
        (Value::Number(_) | Value::Bool(_), Value::Number(_) | Value::Bool(_)) => match (a, b) {
            (Value::Bool(x), Value::Bool(y)) => x == y,
            _ => as_num(a) == as_num(b),
        },
        _ => a == b,
    }
}

/// jmespath.py's `_equals`: Python's `==`, except that 0 and 1 never equal false and true.
fn jp_eq(a: &Value, b: &Value) -> bool {
    let special = |x: &Value, y: &Value| as_number(x).is_some_and(|n| n == 0.0 || n == 1.0) && y.is_boolean();
    if special(a, b) || special(b, a) {
        return false;
    }
    py_eq(a, b)
}

/// jmespath.py's `_is_comparable`: numbers (not booleans) and, beyond the specification, strings.
fn comparable(v: &Value) -> bool {
    v.is_number() || v.is_string()
}

fn project<'a>(items: impl Iterator<Item = &'a Value>, rhs: &Node) -> Result<Value, QueryError> {
    let mut out = Vec::new();
    for it in items {
        let r = eval(rhs, it)?;
        if !r.is_null() {
            out.push(r);
        }
    }
    Ok(Value::Array(out))
}

/// Evaluates a parsed expression against `v`.
///
/// # Errors
/// The run-time errors of jmespath.py: bad function calls, a slice step of 0, an expression reference used as a
/// value.
pub fn eval(node: &Node, v: &Value) -> Result<Value, QueryError> {
    Ok(match node {
        Node::Identity | Node::Current => v.clone(),
        Node::Field(name) => v.get(name).cloned().unwrap_or(Value::Null),
        Node::Literal(l) => l.clone(),
        Node::Sub(children) | Node::IndexExpr(children) => {
            let mut r = v.clone();
            for c in children {
                r = eval(c, &r)?;
            }
            r
        }
        Node::Index(i) => match v {
            Value::Array(a) => {
                let idx = if *i < 0 { (a.len() as i64).checked_add(*i) } else { Some(*i) };
                idx.and_then(|k| usize::try_from(k).ok()).and_then(|k| a.get(k)).cloned().unwrap_or(Value::Null)
            }
            _ => Value::Null,
        },
        Node::Slice(start, stop, step) => match v {
            Value::Array(a) => Value::Array(slice(a, *start, *stop, *step)?),
            _ => Value::Null,
        },
        Node::Projection(left, rhs) => match eval(left, v)? {
            Value::Array(items) => project(items.iter(), rhs)?,
            _ => Value::Null,
        },
        Node::ValueProjection(left, rhs) => match eval(left, v)? {
            Value::Object(obj) => project(obj.values(), rhs)?,
            _ => Value::Null,
        },
        Node::Filter(left, rhs, cond) => match eval(left, v)? {
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
        Node::Flatten(inner) => match eval(inner, v)? {
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
        Node::Compare(op, a, b) => {
            let (l, r) = (eval(a, v)?, eval(b, v)?);
            match op {
                Cmp::Eq => Value::Bool(jp_eq(&l, &r)),
                Cmp::Ne => Value::Bool(!jp_eq(&l, &r)),
                _ if !(comparable(&l) && comparable(&r)) => Value::Null,
                _ => match py_order(&l, &r) {
                    None => {
                        let sym = match op {
                            Cmp::Lt => "<",
                            Cmp::Lte => "<=",
                            Cmp::Gt => ">",
                            _ => ">=",
                        };
                        return Err(crate::cli::query::functions::order_error(sym, &l, &r));
                    }
                    Some(o) => Value::Bool(match op {
                        Cmp::Lt => o.is_lt(),
                        Cmp::Lte => o.is_le(),
                        Cmp::Gt => o.is_gt(),
                        _ => o.is_ge(),
                    }),
                },
            }
        }
        Node::Call(name, args) => call(name, args, v)?,
        Node::ExpRef(_) => {
            return Err(QueryError::Runtime("Object of type _Expression is not JSON serializable".into()));
        }
    })
}

/// Python's `list[start:stop:step]`.
fn slice(a: &[Value], start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Result<Vec<Value>, QueryError> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(QueryError::Runtime("slice step cannot be zero".into()));
    }
    let len = a.len() as i64;
    let bound = |x: Option<i64>, default: i64| -> i64 {
        match x {
            None => default,
            Some(x) if x < 0 => {
                let x = x.saturating_add(len);
                if x < 0 {
                    if step < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x
                }
            }
            Some(x) if x >= len => {
                if step < 0 {
                    len - 1
                } else {
                    len
                }
            }
            Some(x) => x,
        }
    };
    let (mut i, end) =
        if step > 0 { (bound(start, 0), bound(stop, len)) } else { (bound(start, len - 1), bound(stop, -1)) };
    let mut out = Vec::new();
    while (step > 0 && i < end) || (step < 0 && i > end) {
        if let Some(x) = usize::try_from(i).ok().and_then(|k| a.get(k)) {
            out.push(x.clone());
        }
        i = i.saturating_add(step);
    }
    Ok(out)
}
