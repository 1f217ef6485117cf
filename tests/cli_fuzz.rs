//! Property tests: no input line makes the console panic, and runs are deterministic.
#![cfg(not(target_arch = "wasm32"))]

use kinesis_playground::cli::{Console, ConsoleConfig};
use proptest::prelude::*;

fn console() -> Console {
    Console::new(ConsoleConfig { start_time_ms: kinesis_playground::engine::DEFAULT_START_MS, seed: 7 })
}

const PIECES: &[&str] = &[
    "aws",
    "kinesis",
    "create-stream",
    "put-record",
    "put-records",
    "get-records",
    "get-shard-iterator",
    "describe-stream",
    "list-shards",
    "wait",
    "stream-exists",
    "--stream-name",
    "s",
    "--shard-count",
    "1",
    "--data",
    "--records",
    "--partition-key",
    "--query",
    "--output",
    "text",
    "table",
    "--no-paginate",
    "--cli-binary-format",
    "raw-in-base64-out",
    "Data=aGk=,PartitionKey=1",
    "'[{\"Data\":1}]'",
    "\"",
    "'",
    "$(",
    ")",
    "${",
    "}",
    "$X",
    "X=",
    "\\",
    "#",
    "--shard-iterator",
    "--tags",
    "a=b,",
    "[",
    "{",
    "=",
    ",",
    "sim",
    "clock",
    "advance",
    "5s",
    "help",
    "echo",
    "--limit",
    "0",
    "-1",
    "99999999999999999999",
    "é",
    "\t",
];

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let mut c = console();
    let deep_query = format!("aws kinesis list-streams --query '{}a{}'", "(".repeat(5000), ")".repeat(5000));
    assert_eq!(c.run(&deep_query).exit_code, 252);
    let deep_shorthand = format!("aws kinesis put-records --stream-name s --records 'Data={}'", "[".repeat(5000));
    assert_eq!(c.run(&deep_shorthand).exit_code, 252);
    let deep_json = format!("aws kinesis put-records --stream-name s --records '{}'", "[".repeat(5000));
    assert_eq!(c.run(&deep_json).exit_code, 252);
    let long_op = format!("aws kinesis {}", "x".repeat(100_000));
    assert_eq!(c.run(&long_op).exit_code, 252);
    let nested_subst = format!("echo {}x{}", "$(echo ".repeat(50), ")".repeat(50));
    assert!(c.run(&nested_subst).stderr.contains("nested too deeply"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_panics(line in "\\PC{0,80}") {
        let mut c = console();
        let _ = c.run(&line);
        let _ = c.run("");
        let _ = c.complete(&line);
    }

    #[test]
    fn command_like_lines_never_panic(parts in prop::collection::vec(prop::sample::select(PIECES), 0..14)) {
        let mut c = console();
        let _ = c.run("aws kinesis create-stream --stream-name s --shard-count 1");
        let line = parts.join(" ");
        let a = c.run(&line);
        let mut again = console();
        let _ = again.run("aws kinesis create-stream --stream-name s --shard-count 1");
        prop_assert_eq!(a, again.run(&line));
    }
}
