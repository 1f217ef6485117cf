//! `--output yaml` / `yaml-stream` against what AWS CLI 2.36.7's own YAMLDumper printed for the same values
//! (`tests/yaml/oracle.json`, written by `scripts/yaml_oracle.py` with the real CLI's Python): quoting of strings
//! that would read back as numbers, booleans, nulls or timestamps, indicators, escapes, folding at column 80,
//! sorted keys, empty collections, nesting.

use kinesis_playground::cli::output::yaml::{to_yaml, to_yaml_stream};
use serde_json::Value;

#[test]
fn yaml_prints_what_the_cli_prints() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/yaml/oracle.json");
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.len() > 150);
    let mut failures = Vec::new();
    for c in &cases {
        let v = &c["value"];
        for (name, got) in [("yaml", to_yaml(v)), ("yaml_stream", to_yaml_stream(v))] {
            let want = c[name].as_str().unwrap();
            if got != want {
                failures.push(format!("{name} of {v}:\n  want {want:?}\n  got  {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures.join("\n"));
}
