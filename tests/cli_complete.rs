//! Tab completion.

use kinesis_playground::cli::{Console, ConsoleConfig};

#[test]
fn completes_commands_operations_and_options() {
    let c = Console::new(ConsoleConfig { start_time_ms: 0, seed: 0 });
    assert_eq!(c.complete("a"), ["aws"]);
    assert_eq!(c.complete("aws k"), ["kinesis"]);
    assert_eq!(c.complete("aws kinesis put-"), ["put-record", "put-records", "put-resource-policy"]);
    assert_eq!(c.complete("aws kinesis wait s"), ["stream-exists", "stream-not-exists"]);
    let opts = c.complete("aws kinesis get-shard-iterator --stream-name x --shard-");
    assert_eq!(opts, ["--shard-id", "--shard-iterator-type"]);
    assert!(c.complete("aws kinesis delete-stream --").contains(&"--no-enforce-consumer-deletion".to_string()));
    assert!(!c.complete("aws kinesis list-streams --limit 1 --").contains(&"--limit".to_string()));
    assert_eq!(c.complete("sim clock a"), ["advance"]);
    assert_eq!(c.complete("aws kinesis list-shards --max-i"), ["--max-items"]);
    assert!(c.complete("nothing here ").is_empty());
}

#[test]
fn multi_line_input_keeps_the_last_status() {
    let mut c = Console::new(ConsoleConfig { start_time_ms: 0, seed: 0 });
    let out = c.run("aws kinesis describe-stream --stream-name nope\n\n# done\n");
    assert_eq!(out.exit_code, 254);
    let out = c.run("echo one \\");
    assert!(out.pending && out.stdout.is_empty());
    let out = c.run("two");
    assert_eq!((out.stdout.as_str(), out.pending, out.input.as_str()), ("one two\n", false, "echo one \\\ntwo"));
}
