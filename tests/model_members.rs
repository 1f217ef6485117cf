#![cfg(not(target_arch = "wasm32"))]
//! Every operation's validation table (`api::OPERATIONS[..].members`) agrees with the pinned service model of AWS
//! CLI 2.36.7 (`../shared/reference/cli-2.36.7/service-2.json`): the same members in the same order, the same
//! required ones, and the same lengths, values, patterns and enum sets, nested structures and list items included.
//! The model file lives outside the repository; a checkout without `../shared` skips this test with one line.

use kinesis_playground::api::validate::{Member, Pattern, Shape};
use kinesis_playground::api::OPERATIONS;
use serde_json::Value;
use std::path::Path;

/// The pinned model, from `../shared` beside the checkout (or beside the folder of git worktrees).
fn model() -> Option<Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"].iter().find_map(|dir| {
        let text = std::fs::read_to_string(root.join(dir).join("reference/cli-2.36.7/service-2.json")).ok()?;
        serde_json::from_str(&text).ok()
    })
}

fn num(shape: &Value, key: &str) -> Option<i64> {
    shape.get(key).and_then(Value::as_i64)
}

fn pattern_of(p: Option<Pattern>) -> Option<String> {
    p.map(|p| p.text().to_owned())
}

/// Differences between one member's shape in the table and in the model, as readable lines.
fn compare(shapes: &Value, path: &str, ours: &Shape, theirs: &str, out: &mut Vec<String>) {
    let s = &shapes[theirs];
    let kind = s["type"].as_str().unwrap_or("");
    let mut check = |what: &str, a: String, b: String| {
        if a != b {
            out.push(format!("{path}: {what}: ours {a}, model {b}"));
        }
    };
    let min_len = |s: &Value| num(s, "min").unwrap_or(0) as usize;
    let max_len = |s: &Value| num(s, "max").map_or(usize::MAX, |n| n as usize);
    match *ours {
        Shape::Str { min, max, pattern } => {
            check("type", "string".into(), kind.into());
            check("min", min.to_string(), min_len(s).to_string());
            check("max", max.to_string(), max_len(s).to_string());
            check(
                "pattern",
                format!("{:?}", pattern_of(pattern)),
                format!("{:?}", s.get("pattern").and_then(Value::as_str)),
            );
        }
        Shape::Enum(values) => {
            check("type", "string".into(), kind.into());
            check("enum", format!("{values:?}"), s["enum"].to_string().replace(',', ", "));
        }
        Shape::Int { min, max } => {
            check("type", "integer".into(), kind.into());
            check("min", min.to_string(), num(s, "min").unwrap_or(i64::MIN).to_string());
            check("max", format!("{max:?}"), format!("{:?}", num(s, "max")));
        }
        Shape::Bool => check("type", "boolean".into(), kind.into()),
        Shape::Timestamp => check("type", "timestamp".into(), kind.into()),
        Shape::Blob { max } => {
            check("type", "blob".into(), kind.into());
            check("max", max.to_string(), max_len(s).to_string());
        }
        Shape::StrList { min, max, item_min, item_max } => {
            check("type", "list".into(), kind.into());
            check("min", min.to_string(), min_len(s).to_string());
            check("max", max.to_string(), max_len(s).to_string());
            let item = &shapes[s["member"]["shape"].as_str().unwrap_or("")];
            check("item min", item_min.to_string(), min_len(item).to_string());
            check("item max", item_max.to_string(), max_len(item).to_string());
        }
        Shape::EnumList { min, max, values } => {
            check("type", "list".into(), kind.into());
            check("min", min.to_string(), min_len(s).to_string());
            check("max", max.to_string(), max_len(s).to_string());
            let item = &shapes[s["member"]["shape"].as_str().unwrap_or("")];
            check("item enum", format!("{values:?}"), item["enum"].to_string().replace(',', ", "));
        }
        Shape::StructList { min, max, members, .. } => {
            check("type", "list".into(), kind.into());
            check("min", min.to_string(), min_len(s).to_string());
            check("max", max.to_string(), max_len(s).to_string());
            let item = s["member"]["shape"].as_str().unwrap_or("");
            compare_members(shapes, &format!("{path}[]"), members, item, out);
        }
        Shape::StrMap { min, max, key_max, value_max } => {
            check("type", "map".into(), kind.into());
            check("min", min.to_string(), min_len(s).to_string());
            check("max", max.to_string(), max_len(s).to_string());
            let key = &shapes[s["key"]["shape"].as_str().unwrap_or("")];
            let value = &shapes[s["value"]["shape"].as_str().unwrap_or("")];
            check("key max", key_max.to_string(), max_len(key).to_string());
            check("value max", value_max.to_string(), max_len(value).to_string());
        }
        Shape::Struct(members) => {
            check("type", "structure".into(), kind.into());
            compare_members(shapes, path, members, theirs, out);
        }
    }
}

fn compare_members(shapes: &Value, path: &str, ours: &[Member], structure: &str, out: &mut Vec<String>) {
    let s = &shapes[structure];
    let theirs: Vec<(&String, &Value)> = s["members"].as_object().map(|m| m.iter().collect()).unwrap_or_default();
    let required: Vec<&str> =
        s["required"].as_array().map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let our_names: Vec<&str> = ours.iter().map(|m| m.name).collect();
    let their_names: Vec<&str> = theirs.iter().map(|(n, _)| n.as_str()).collect();
    if our_names != their_names {
        out.push(format!("{path}: members: ours {our_names:?}, model {their_names:?}"));
        return;
    }
    for (m, (name, member)) in ours.iter().zip(theirs) {
        let p = format!("{path}.{name}");
        if m.required != required.contains(&name.as_str()) {
            out.push(format!("{p}: required: ours {}, model {}", m.required, !m.required));
        }
        compare(shapes, &p, &m.shape, member["shape"].as_str().unwrap_or(""), out);
    }
}

#[test]
fn every_operation_validates_the_members_of_the_pinned_model() {
    let Some(model) = model() else {
        println!(
            "skipped: ../shared/reference/cli-2.36.7/service-2.json is not there (a checkout outside the workplace)"
        );
        return;
    };
    let mut out = Vec::new();
    for op in OPERATIONS {
        let m = &model["operations"][op.name];
        assert!(m.is_object(), "{} is not an operation of the pinned model", op.name);
        let input = m["input"]["shape"].as_str().unwrap_or("");
        compare_members(&model["shapes"], op.name, op.members, input, &mut out);
    }
    // SubscribeToShard is served apart (an event stream), with its own table.
    let input = model["operations"]["SubscribeToShard"]["input"]["shape"].as_str().unwrap_or("");
    let members = kinesis_playground::api::ops::consumers::subscribe_to_shard::MEMBERS;
    compare_members(&model["shapes"], "SubscribeToShard", members, input, &mut out);
    assert!(out.is_empty(), "validation tables differ from the pinned model:\n{}", out.join("\n"));
}

#[test]
fn every_operation_of_the_pinned_model_is_simulated() {
    let Some(model) = model() else {
        println!(
            "skipped: ../shared/reference/cli-2.36.7/service-2.json is not there (a checkout outside the workplace)"
        );
        return;
    };
    // SubscribeToShard answers with an event stream, through its own entry point (api::ops::consumers).
    let consumers = ["SubscribeToShard"];
    let missing: Vec<&String> = model["operations"]
        .as_object()
        .map(|o| o.keys().collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter(|name| !consumers.contains(&name.as_str()) && !OPERATIONS.iter().any(|o| o.name == name.as_str()))
        .collect();
    assert!(missing.is_empty(), "operations of the model not simulated: {missing:?}");
}
