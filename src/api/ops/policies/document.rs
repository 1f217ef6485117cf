//! Checks a resource policy document: JSON in the IAM policy grammar, with Kinesis actions.
//!
//! A document is an object with an optional `Version` (`2012-10-17` or `2008-10-17`), an optional `Id` and a
//! `Statement` (one statement object, or a non-empty list of them). Each statement has an `Effect` (`Allow` or
//! `Deny`), a `Principal` or `NotPrincipal` (a resource policy says who), an `Action` or `NotAction` of Kinesis
//! actions (`kinesis:PutRecord`, `kinesis:Get*`, `kinesis:*` or `*`), a `Resource` or `NotResource`, and
//! optionally a `Sid` and a `Condition` object. The texts are the playground's: AWS's own are not recorded.

use crate::engine::{KinesisError, KinesisResult};
use serde_json::{Map, Value};

fn bad(why: impl std::fmt::Display) -> KinesisError {
    KinesisError::invalid(format!("Invalid policy document: {why}"))
}

/// One string or a non-empty list of strings.
fn strings<'a>(v: &'a Value, what: &str) -> KinesisResult<Vec<&'a str>> {
    let list: Vec<&Value> = match v {
        Value::String(_) => vec![v],
        Value::Array(a) if !a.is_empty() => a.iter().collect(),
        _ => return Err(bad(format!("{what} must be a string or a non-empty list of strings."))),
    };
    list.into_iter().map(|x| x.as_str().ok_or_else(|| bad(format!("{what} must hold strings only.")))).collect()
}

/// Exactly one of the two members.
fn one_of<'a>(
    s: &'a Map<String, Value>,
    a: &'static str,
    b: &'static str,
    i: usize,
) -> KinesisResult<(&'static str, &'a Value)> {
    match (s.get(a), s.get(b)) {
        (Some(v), None) => Ok((a, v)),
        (None, Some(v)) => Ok((b, v)),
        (Some(_), Some(_)) => Err(bad(format!("statement {i} has both {a} and {b}; give one of them."))),
        (None, None) => Err(bad(format!("statement {i} needs {a} (or {b})."))),
    }
}

fn check_statement(v: &Value, i: usize) -> KinesisResult<()> {
    let s = v.as_object().ok_or_else(|| bad(format!("statement {i} must be an object.")))?;
    const KNOWN: [&str; 10] = [
        "Sid",
        "Effect",
        "Principal",
        "NotPrincipal",
        "Action",
        "NotAction",
        "Resource",
        "NotResource",
        "Condition",
        "Id",
    ];
    if let Some(k) = s.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(bad(format!("statement {i} has an unknown member {k}.")));
    }
    match s.get("Effect").and_then(Value::as_str) {
        Some("Allow" | "Deny") => {}
        _ => return Err(bad(format!("statement {i} needs an Effect of Allow or Deny."))),
    }
    let (_, principal) = one_of(s, "Principal", "NotPrincipal", i)?;
    if !(principal == "*" || principal.is_object()) {
        return Err(bad(format!(
            "statement {i}: a Principal is \"*\" or an object such as {{\"AWS\": \"arn:aws:iam::123456789012:root\"}}."
        )));
    }
    let (what, actions) = one_of(s, "Action", "NotAction", i)?;
    for a in strings(actions, what)? {
        let kinesis = a == "*"
            || a.split_once(':').is_some_and(|(svc, op)| svc.eq_ignore_ascii_case("kinesis") && !op.is_empty());
        if !kinesis {
            return Err(bad(format!(
                "{a} is not a Kinesis Data Streams action (write them as kinesis:PutRecord, kinesis:Get*, kinesis:*)."
            )));
        }
    }
    let (what, resources) = one_of(s, "Resource", "NotResource", i)?;
    strings(resources, what)?;
    if s.get("Condition").is_some_and(|c| !c.is_object()) {
        return Err(bad(format!("statement {i}: Condition must be an object.")));
    }
    if s.get("Sid").is_some_and(|c| !c.is_string()) {
        return Err(bad(format!("statement {i}: Sid must be a string.")));
    }
    Ok(())
}

/// Checks a policy document.
///
/// # Errors
/// `InvalidArgumentException` saying what is wrong: not JSON, not an object, an unknown member, a missing or
/// malformed statement, an action of another service.
pub fn check_policy(text: &str) -> KinesisResult<()> {
    let doc: Value = serde_json::from_str(text).map_err(|e| bad(format!("it is not JSON ({e}).")))?;
    let doc = doc.as_object().ok_or_else(|| bad("it must be a JSON object."))?;
    if let Some(k) = doc.keys().find(|k| !["Version", "Id", "Statement"].contains(&k.as_str())) {
        return Err(bad(format!("unknown member {k} (a policy has Version, Id and Statement).")));
    }
    match doc.get("Version") {
        None => {}
        Some(Value::String(v)) if v == "2012-10-17" || v == "2008-10-17" => {}
        Some(v) => return Err(bad(format!("Version {v} is not a policy language version (use \"2012-10-17\")."))),
    }
    match doc.get("Statement") {
        Some(Value::Array(list)) if !list.is_empty() => {
            list.iter().enumerate().try_for_each(|(i, s)| check_statement(s, i + 1))
        }
        Some(s @ Value::Object(_)) => check_statement(s, 1),
        _ => Err(bad("it needs a Statement: one statement object or a non-empty list of them.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"Version": "2012-10-17", "Statement": [{"Sid": "ReadOnly", "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": ["kinesis:GetRecords", "kinesis:Describe*"],
        "Resource": "arn:aws:kinesis:us-east-1:123456789012:stream/S"}]}"#;

    #[test]
    fn policies() {
        check_policy(GOOD).unwrap();
        let msg = |t: &str| check_policy(t).unwrap_err().message;
        assert!(msg("{").starts_with("Invalid policy document: it is not JSON (EOF while parsing"));
        assert_eq!(msg("[]"), "Invalid policy document: it must be a JSON object.");
        assert!(msg(r#"{"Version": "2012-10-17"}"#).contains("it needs a Statement"));
        assert!(msg(&GOOD.replace("kinesis:GetRecords", "s3:GetObject")).contains("s3:GetObject is not a Kinesis"));
        assert!(msg(&GOOD.replace("Allow", "Permit")).contains("Effect of Allow or Deny"));
        assert!(msg(&GOOD.replace("\"Principal\"", "\"Principals\"")).contains("unknown member Principals"));
        assert!(msg(&GOOD.replace("2012-10-17", "2024-01-01")).contains("not a policy language version"));
        assert!(msg(&GOOD.replace("\"Resource\"", "\"NotAction\": \"*\", \"Resource\""))
            .contains("both Action and NotAction"));
    }
}
