//! The shell tokenizer: quoting edge cases, expansions, continuation.

use kinesis_playground::cli::shell::tokenizer::{needs_more, tokenize, Command, Expander, Tokenized};
use std::collections::HashMap;

struct Env {
    vars: HashMap<String, String>,
    ran: Vec<String>,
}

impl Expander for Env {
    fn var(&self, name: &str) -> Option<String> {
        self.vars.get(name).cloned()
    }
    fn substitute(&mut self, command: &str) -> String {
        self.ran.push(command.to_string());
        format!("<{command}>\n\n")
    }
}

fn env() -> Env {
    let mut vars = HashMap::new();
    vars.insert("X".to_string(), "a b".to_string());
    vars.insert("IT".to_string(), "\"AAAA\"".to_string());
    Env { vars, ran: Vec::new() }
}

fn cmd(line: &str) -> Command {
    match tokenize(line, &mut env()) {
        Tokenized::Complete(c) => c,
        other => panic!("{line}: {other:?}"),
    }
}

fn words(line: &str) -> Vec<String> {
    cmd(line).words.into_iter().map(|w| w.text).collect()
}

#[test]
fn quotes_and_escapes() {
    assert_eq!(words(r#"aws  'a b'  "c d" e\ f"#), ["aws", "a b", "c d", "e f"]);
    assert_eq!(words(r#"'it''s' "say \"hi\"" 'back\slash'"#), ["its", "say \"hi\"", "back\\slash"]);
    assert_eq!(words(r#""a\b" "\$X" '$X'"#), ["a\\b", "$X", "$X"]);
    assert_eq!(words(r#"'' "" x"#), ["", "", "x"]);
    assert_eq!(words("a # comment"), ["a"]);
    assert_eq!(words("a#b"), ["a#b"]);
    assert!(words("   # only a comment").is_empty());
}

#[test]
fn the_seed_tutorial_payload_loses_its_inner_quotes() {
    let c = cmd(r#"aws kinesis put-record --data "{"trans_id": 1, "trans_type": "ATM", "amt": 200}""#);
    let data = &c.words[4];
    assert_eq!(data.text, "{trans_id: 1, trans_type: ATM, amt: 200}");
    assert!(data.mixed_quotes);
    let fixed = cmd(r#"aws --data '{"trans_id": 1}'"#);
    assert_eq!(fixed.words[2].text, r#"{"trans_id": 1}"#);
    assert!(!fixed.words[2].mixed_quotes);
}

#[test]
fn variables_split_unless_quoted() {
    assert_eq!(words("echo $X"), ["echo", "a", "b"]);
    assert_eq!(words("echo \"$X\""), ["echo", "a b"]);
    assert_eq!(words("echo ${X}c"), ["echo", "a", "bc"]);
    assert_eq!(words("echo $NOPE end"), ["echo", "end"]);
    assert_eq!(words("echo \"$NOPE\" end"), ["echo", "", "end"]);
    // Expansion results keep their quotes: that is what the AWS tutorial's $SHARD_ITERATOR does.
    assert_eq!(words("get --it $IT"), ["get", "--it", "\"AAAA\""]);
}

#[test]
fn assignments_and_substitution() {
    let mut e = env();
    let Tokenized::Complete(c) = tokenize("IT=$(aws kinesis get-shard-iterator --query 'ShardIterator')", &mut e)
    else {
        panic!()
    };
    assert!(c.words.is_empty());
    assert_eq!(
        c.assignments,
        [("IT".to_string(), "<aws kinesis get-shard-iterator --query 'ShardIterator'>".to_string())]
    );
    assert_eq!(e.ran.len(), 1);
    let c = cmd("export A=$X B");
    assert_eq!(c.assignments, [("A".to_string(), "a b".to_string())]);
    assert_eq!(c.words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(), ["export", "B"]);
    assert_eq!(words("echo a=b"), ["echo", "a=b"]);
    assert_eq!(words("echo $(nested $(inner) 'x)')"), ["echo", "<nested", "$(inner)", "'x)'>"]);
}

#[test]
fn incomplete_lines_ask_for_more() {
    for line in ["aws kinesis \\", "echo 'open", "echo \"open", "X=$(aws", "echo ${X"] {
        assert!(needs_more(line), "{line}");
    }
    for line in ["aws kinesis", "echo 'closed'", "a\\ b", ""] {
        assert!(!needs_more(line), "{line}");
    }
    assert_eq!(words("aws kinesis \\\nlist-streams"), ["aws", "kinesis", "list-streams"]);
    assert_eq!(words("echo 'a\nb'"), ["echo", "a\nb"]);
    assert_eq!(words("aws kinesis wait \\\n  stream-exists"), ["aws", "kinesis", "wait", "stream-exists"]);
    assert_eq!(words("a\\\nb"), ["ab"]);
}

#[test]
fn syntax_errors() {
    assert!(matches!(tokenize("echo ${1x}", &mut env()), Tokenized::Error(_)));
    assert!(matches!(tokenize("a | b", &mut env()), Tokenized::Error(_)));
}
