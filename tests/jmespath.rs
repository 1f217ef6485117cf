//! The official JMESPath compliance suite (vendored in `tests/jmespath/`, from jmespath.py's `tests/compliance/`)
//! against `--query`'s own implementation: every case, no skips. A `result` case must give that value (numbers
//! compared by value, as Python compares `1` and `1.0`); an `error` case must fail, a `syntax` error when the
//! expression is compiled and every other kind (`invalid-type`, `invalid-arity`, ...) only when it runs, as in
//! jmespath.py (the CLI reports the first kind as a bad `--query` value, exit 252, and the second as exit 255).
//! Beyond the suite: error texts and key order as AWS CLI 2.36.7 (jmespath.py 1.0.1) prints them.

use kinesis_playground::cli::output::to_json;
use kinesis_playground::cli::query::{eval, parse, search};
use serde_json::{json, Value};

/// Equality as the suite means it: numbers by value, objects regardless of key order.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, p)| y.get(k).is_some_and(|q| same(p, q)))
        }
        _ => a == b,
    }
}

#[test]
fn every_compliance_case_passes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/jmespath");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "json") && !p.ends_with("oracle-1.0.1.json"));
    files.sort();
    assert_eq!(files.len(), 15, "the 15 files of the suite");
    let (mut total, mut failures) = (0, Vec::new());
    for file in &files {
        let groups: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        for g in &groups {
            for case in g["cases"].as_array().unwrap() {
                total += 1;
                let expr = case["expression"].as_str().unwrap();
                let got = parse(expr)
                    .map_err(|e| (true, e.to_string()))
                    .and_then(|n| eval(&n, &g["given"]).map_err(|e| (false, e.to_string())));
                let ok = match (case.get("result"), case.get("error").and_then(Value::as_str), &got) {
                    (Some(want), _, Ok(v)) => same(want, v),
                    (_, Some(kind), Err((at_compile, _))) => *at_compile == (kind == "syntax"),
                    _ => false,
                };
                if !ok {
                    failures.push(format!("{name}: {expr:?}: expected {case}, got {got:?}"));
                }
            }
        }
    }
    assert_eq!(total, 892, "all the suite's cases ran");
    assert!(failures.is_empty(), "{} of {total} cases failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn multiselect_hashes_keep_the_expressions_key_order() {
    let v = json!({"a": 1, "b": 2, "c": {"z": 1, "y": 2}});
    let out = search("{c: c, a: a, b: b}", &v).unwrap();
    assert_eq!(out.as_object().unwrap().keys().collect::<Vec<_>>(), ["c", "a", "b"]);
    assert_eq!(search("keys(c)", &v).unwrap(), json!(["z", "y"]), "the document's order, not sorted");
    assert_eq!(search("c.*", &v).unwrap(), json!([1, 2]));
}

#[test]
fn projections_over_shards_as_the_cli_prints_them() {
    let v = json!({"StreamDescription": {"Shards": [
        {"ShardId": "shardId-000000000000", "HashKeyRange": {"StartingHashKey": "0", "EndingHashKey": "1"}},
        {"ShardId": "shardId-000000000001", "HashKeyRange": {"StartingHashKey": "2", "EndingHashKey": "3"}}]}});
    assert_eq!(search("StreamDescription.Shards[*].HashKeyRange.StartingHashKey", &v).unwrap(), json!(["0", "2"]));
    assert_eq!(
        search("StreamDescription.Shards[?ShardId=='shardId-000000000001'].HashKeyRange | [0].EndingHashKey", &v)
            .unwrap(),
        json!("3")
    );
    assert_eq!(search("length(StreamDescription.Shards)", &v).unwrap(), json!(2));
}

#[test]
fn python_numbers_and_text() {
    let v = json!({"n": [1, 2, 4], "f": [1.5, 2.5], "s": "ab"});
    assert_eq!(search("avg(n)", &v).unwrap().to_string(), "2.3333333333333335");
    assert!(search("sum(n)", &v).unwrap().is_i64(), "a sum of integers stays an integer");
    assert!(search("sum(f)", &v).unwrap().is_f64());
    assert!(search("ceil(`1.5`)", &v).unwrap().is_i64(), "math.ceil gives an int");
    assert_eq!(search("to_string(f)", &v).unwrap(), json!("[1.5,2.5]"));
    assert_eq!(search("to_string(`{\"k\": \"é\"}`)", &v).unwrap(), json!("{\"k\":\"\\u00e9\"}"));
    assert_eq!(search("to_number('12')", &v).unwrap(), json!(12));
    assert_eq!(search("'a' < 'b'", &v).unwrap(), json!(true), "jmespath.py orders strings too");
    assert_eq!(search("s == `1`", &v).unwrap(), json!(false));
}

/// The texts jmespath.py 1.0.1 gives (checked against AWS CLI 2.36.7 through `--query`).
#[test]
fn error_texts_as_jmespath_py() {
    let v = json!({"a": [1, 2]});
    let err = |e: &str| search(e, &v).unwrap_err().to_string();
    assert_eq!(err("a[?"), "Invalid jmespath expression: Incomplete expression:\n\"a[?\"\n    ^");
    assert_eq!(err(""), "Invalid JMESPath expression: cannot be empty.");
    assert_eq!(err("a.]"), "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: rbracket: Parse error at column 2, token \"]\" (RBRACKET), for expression:\n\"a.]\"\n   ^");
    assert_eq!(err("a ~"), "Bad jmespath expression: Unknown token ~:\na ~\n  ^");
    assert_eq!(
        err("a ]"),
        "Unexpected token: ]: Parse error at column 2, token \"]\" (RBRACKET), for expression:\n\"a ]\"\n   ^"
    );
    assert_eq!(err("'abc"), "Bad jmespath expression: Unclosed ' delimiter:\n'abc\n^");
    assert_eq!(err("length(a, a)"), "Expected 1 argument for function length(), received 2");
    assert_eq!(
        err("abs(a)"),
        "In function abs(), invalid type for value: [1, 2], expected one of: ['number'], received: \"array\""
    );
    assert_eq!(
        err("sum(['x'])"),
        "In function sum(), invalid type for value: x, expected one of: ['array-number'], received: \"str\""
    );
    assert_eq!(err("foo(a)"), "Unknown function: foo()");
    assert_eq!(err("a[::0]"), "slice step cannot be zero");
}

/// Every case again, against what jmespath.py 1.0.1 itself printed for it (`tests/jmespath/oracle-1.0.1.json`,
/// written by `scripts/jmespath_oracle.py` with the real CLI's Python): the result as the CLI prints it, byte for
/// byte (key order, Python's floats), or the exact error text.
#[test]
fn every_case_prints_what_jmespath_py_prints() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/jmespath");
    let oracle: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/oracle-1.0.1.json")).unwrap()).unwrap();
    assert_eq!(oracle.len(), 892);
    let mut givens = std::collections::HashMap::new();
    let mut failures = Vec::new();
    for case in &oracle {
        let file = case["file"].as_str().unwrap();
        let groups = givens.entry(file.to_string()).or_insert_with(|| {
            let v: Vec<Value> =
                serde_json::from_str(&std::fs::read_to_string(format!("{dir}/{file}")).unwrap()).unwrap();
            v
        });
        let expr = case["expression"].as_str().unwrap();
        let given = &groups[case["group"].as_u64().unwrap() as usize]["given"];
        let got = match search(expr, given) {
            Ok(v) => ("stdout", to_json(&v)),
            Err(e) => ("error", e.to_string()),
        };
        let want =
            case.get("stdout").map(|s| ("stdout", s)).or_else(|| case.get("error").map(|s| ("error", s))).unwrap();
        if got.0 != want.0 || got.1 != want.1.as_str().unwrap() {
            failures.push(format!("{file}: {expr:?}\n  want {}: {:?}\n  got  {}: {:?}", want.0, want.1, got.0, got.1));
        }
    }
    assert!(failures.is_empty(), "{} cases differ from jmespath.py:\n{}", failures.len(), failures.join("\n"));
}

/// `query::path` (the paginators' and waiters' plain paths, kept out of the page's deferred JMESPath part) gives what
/// the full engine gives, for every expression of the pinned service model's paginators and waiters and for
/// look-alikes it must hand over to the engine.
#[test]
fn plain_paths_agree_with_the_engine() {
    use kinesis_playground::cli::query::path;
    // Every output_token, more_results, result_key and non_aggregate_keys of paginators-1.json and every waiter
    // argument of waiters-2.json (AWS CLI 2.36.7).
    let mut exprs: Vec<String> = [
        "Consumers",
        "HasMoreStreams",
        "NextToken",
        "Shards",
        "StreamDescription.EncryptionType",
        "StreamDescription.EnhancedMonitoring",
        "StreamDescription.HasMoreShards",
        "StreamDescription.KeyId",
        "StreamDescription.RetentionPeriodHours",
        "StreamDescription.Shards",
        "StreamDescription.Shards[-1].ShardId",
        "StreamDescription.StreamARN",
        "StreamDescription.StreamCreationTimestamp",
        "StreamDescription.StreamName",
        "StreamDescription.StreamStatus",
        "StreamNames",
        "StreamSummaries",
    ]
    .map(String::from)
    .to_vec();
    exprs.extend(
        [
            "StreamDescription.Shards[-1].ShardId",
            "StreamNames[0]",
            "A[5]",
            "A.B[-9]",
            "Shards[*].ShardId",
            "length(StreamNames)",
            "\"quoted\".x",
            "a[0][1]",
        ]
        .map(String::from),
    );
    let doc = json!({
        "StreamNames": ["a", "b"], "HasMoreStreams": true, "NextToken": "t", "A": [1, {"B": [2]}], "a": [[1, 2]],
        "StreamDescription": {"StreamStatus": "ACTIVE", "HasMoreShards": false, "Shards": [{"ShardId": "s0"}, {"ShardId": "s1"}]},
        "Shards": [{"ShardId": "x"}], "quoted": {"x": 3},
    });
    for e in &exprs {
        assert_eq!(path(e, &doc), search(e, &doc).unwrap_or(Value::Null), "{e}");
    }
}
