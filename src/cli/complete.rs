//! Tab completion for the console: commands, `kinesis`, operations, waiters and option names.

use crate::cli::model::model;

const GLOBAL_OPTIONS: &[&str] = &[
    "--query",
    "--output",
    "--no-paginate",
    "--cli-binary-format",
    "--region",
    "--profile",
    "--endpoint-url",
    "--no-cli-pager",
    "--debug",
];

/// Candidates for the last (partial) word of `line`, sorted.
pub fn complete(line: &str) -> Vec<String> {
    let mut words: Vec<&str> = line.split_whitespace().collect();
    let partial = if line.ends_with(char::is_whitespace) || line.is_empty() { "" } else { words.pop().unwrap_or("") };
    let m = model();
    let mut cands: Vec<String> = match words.as_slice() {
        [] => ["aws", "sim", "echo", "export", "unset", "help"].iter().map(|s| s.to_string()).collect(),
        ["aws"] => vec!["kinesis".into(), "help".into()],
        ["aws", "kinesis"] => {
            m.operations.values().map(|o| o.cli.clone()).chain(["wait".to_string(), "help".to_string()]).collect()
        }
        ["aws", "kinesis", "wait"] => m.waiters.keys().cloned().collect(),
        ["sim"] => vec!["help".into(), "clock".into(), "reset".into()],
        ["sim", "clock"] => vec!["advance".into()],
        ["aws", "kinesis", op, rest @ ..] if partial.starts_with('-') => {
            let op_name = if *op == "wait" {
                rest.first().and_then(|w| m.waiters.get(w)).map(|w| w.operation.clone())
            } else {
                m.operation_by_cli(op).map(|(n, _)| n.to_string())
            };
            let mut opts: Vec<String> = GLOBAL_OPTIONS.iter().map(|s| s.to_string()).collect();
            let operation = op_name.and_then(|n| m.operations.get(&n));
            if operation.is_some_and(|o| o.paginator.is_some()) && *op != "wait" {
                opts.extend(["--starting-token", "--page-size", "--max-items"].map(String::from));
            }
            if let Some(input) = operation.and_then(|o| o.input.as_deref()).and_then(|i| m.shape(i)) {
                for mem in &input.members {
                    opts.push(format!("--{}", mem.cli));
                    if m.shape(&mem.shape).is_some_and(|s| s.kind == "boolean") {
                        opts.push(format!("--no-{}", mem.cli));
                    }
                }
            }
            opts.retain(|o| !rest.contains(&o.as_str()));
            opts
        }
        _ => Vec::new(),
    };
    cands.retain(|c| c.starts_with(partial));
    crate::lean::sort(&mut cands);
    cands.dedup();
    cands
}
