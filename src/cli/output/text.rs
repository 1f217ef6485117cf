//! `--output text`, as `awscli/text.py` prints it: scalars of an object on one tab-separated line (keys sorted,
//! prefixed by the upper-cased parent key), nested objects and lists after, lists of objects as one line each.

use serde_json::Value;

/// Renders `value` as the CLI's text output.
pub fn format_text(value: &Value) -> String {
    let mut out = String::new();
    item(value, &mut out, None, None);
    out
}

/// Python's `str()` of a scalar.
pub fn py_str(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => crate::cli::output::py_number(n),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn item(v: &Value, out: &mut String, ident: Option<&str>, scalar_keys: Option<&[String]>) {
    match v {
        Value::Object(_) => dict(v, out, ident, scalar_keys),
        Value::Array(items) => list(items, out, ident),
        _ => {
            out.push_str(&py_str(v));
            out.push('\n');
        }
    }
}

fn list(items: &[Value], out: &mut String, ident: Option<&str>) {
    if items.is_empty() {
        return;
    }
    if items.iter().any(Value::is_object) {
        let mut keys: Vec<String> = items
            .iter()
            .filter_map(Value::as_object)
            .flat_map(|o| o.iter().filter(|(_, v)| !v.is_object() && !v.is_array()).map(|(k, _)| k.clone()))
            .collect();
        crate::lean::sort(&mut keys);
        keys.dedup();
        for el in items {
            item(el, out, ident, Some(&keys));
        }
    } else if items.iter().any(Value::is_array) {
        let (scalars, others): (Vec<&Value>, Vec<&Value>) = items.iter().partition(|x| !x.is_array() && !x.is_object());
        if !scalars.is_empty() {
            scalar_list(&scalars, out, ident);
        }
        for o in others {
            item(o, out, ident, None);
        }
    } else {
        scalar_list(&items.iter().collect::<Vec<_>>(), out, ident);
    }
}

fn scalar_list(items: &[&Value], out: &mut String, ident: Option<&str>) {
    match ident {
        Some(id) => {
            for x in items {
                out.push_str(&format!("{}\t{}\n", id.to_ascii_uppercase(), py_str(x)));
            }
        }
        None => {
            out.push_str(&items.iter().map(|x| py_str(x)).collect::<Vec<_>>().join("\t"));
            out.push('\n');
        }
    }
}

fn dict(v: &Value, out: &mut String, ident: Option<&str>, scalar_keys: Option<&[String]>) {
    let Value::Object(obj) = v else { return };
    let mut scalars = Vec::new();
    let mut nested: Vec<(&String, &Value)> = Vec::new();
    match scalar_keys {
        None => {
            let mut entries: Vec<(&String, &Value)> = obj.iter().collect();
            crate::lean::sort_by(&mut entries, |a, b| a.0.cmp(b.0));
            for (k, x) in entries {
                if x.is_object() || x.is_array() {
                    nested.push((k, x));
                } else {
                    scalars.push(py_str(x));
                }
            }
        }
        Some(keys) => {
            for k in keys {
                scalars.push(obj.get(k).map(py_str).unwrap_or_default());
            }
            let mut rest: Vec<(&String, &Value)> = obj.iter().filter(|(k, _)| !keys.contains(k)).collect();
            crate::lean::sort_by(&mut rest, |a, b| a.0.cmp(b.0));
            nested = rest;
        }
    }
    if !scalars.is_empty() {
        if let Some(id) = ident {
            scalars.insert(0, id.to_ascii_uppercase());
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (k, x) in nested {
        item(x, out, Some(k), None);
    }
}
