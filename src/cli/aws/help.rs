//! `aws help`, `aws kinesis help`, `aws kinesis <operation> help` and the waiter help: concise texts built from
//! the trimmed service model (the real CLI opens a long man page; these keep its section names).

use crate::cli::model::docs::{docs, MISSING};
use crate::cli::model::{model, Operation, Waiter};

/// `aws help`.
pub fn top_level() -> String {
    "AWS()\n\nNAME\n       aws -\n\nDESCRIPTION\n       The AWS Command Line Interface is a unified tool to manage your AWS\n       services. This playground simulates one service: kinesis.\n\nSYNOPSIS\n          aws [options] <command> <subcommand> [parameters]\n\nAVAILABLE SERVICES\n       o kinesis\n\nGLOBAL OPTIONS\n       --query (string), --output (json | text | table), --no-paginate,\n       --cli-binary-format (base64 | raw-in-base64-out); --region, --profile,\n       --endpoint-url, --no-cli-pager and --debug are accepted and ignored.\n".to_string()
}

/// `aws kinesis help`.
pub fn service() -> String {
    let m = model();
    let mut s = format!(
        "KINESIS()\n\nNAME\n       kinesis -\n\nDESCRIPTION\n{}\n\nAVAILABLE COMMANDS\n",
        wrap(docs().map_or(MISSING, |d| d.service()), 7)
    );
    let mut names: Vec<&str> = m.operations.values().map(|o| o.cli.as_str()).collect();
    names.push("wait");
    crate::lean::sort(&mut names);
    for n in names {
        s.push_str(&format!("       o {n}\n\n"));
    }
    s.push_str("PLAYGROUND\n       `sim help` lists the playground's own commands (clock, reset).\n");
    s
}

/// `aws kinesis <operation> help`.
pub fn operation(name: &str, op: &Operation) -> String {
    let m = model();
    let mut s = format!(
        "{}()\n\nNAME\n       {} -\n\nDESCRIPTION\n{}\n",
        op.cli.to_ascii_uppercase(),
        op.cli,
        wrap(docs().map_or(MISSING, |d| d.operation(name)), 7)
    );
    if name == "CreateStream" {
        s.push_str(&wrap(
            "In this playground, a stream created with neither --shard-count nor --stream-mode-details is ON_DEMAND with 4 shards.",
            7,
        ));
        s.push('\n');
    }
    s.push_str(&format!("\nSYNOPSIS\n            {}\n", op.cli));
    let input = op.input.as_deref().and_then(|i| m.shape(i));
    let members = input.map(|s| s.members.as_slice()).unwrap_or_default();
    for mem in members {
        let required = input.is_some_and(|i| i.required.contains(&mem.name));
        let is_bool = m.shape(&mem.shape).is_some_and(|s| s.kind == "boolean");
        let arg = if is_bool { format!("--{} | --no-{}", mem.cli, mem.cli) } else { format!("--{} <value>", mem.cli) };
        if required {
            s.push_str(&format!("          {arg}\n"));
        } else {
            s.push_str(&format!("          [{arg}]\n"));
        }
    }
    if op.paginator.is_some() {
        for arg in ["--starting-token", "--page-size", "--max-items"] {
            s.push_str(&format!("          [{arg} <value>]\n"));
        }
    }
    s.push_str("\nOPTIONS\n");
    if members.is_empty() {
        s.push_str("       None\n");
    }
    let input_name = op.input.as_deref().unwrap_or_default();
    for mem in members {
        let shape = m.shape(&mem.shape);
        let kind = shape.map(|s| s.kind.as_str()).unwrap_or("string");
        // Without the docs file (the page could not fetch it) each option says nothing: MISSING stands once, above.
        let doc = docs().map_or("", |d| d.member(input_name, &mem.name));
        s.push_str(&format!("       --{} ({kind})\n{}\n", mem.cli, wrap(doc, 10)));
        if kind == "blob" {
            s.push_str(&format!(
                "\n{}\n",
                wrap("With the default --cli-binary-format base64 the value is read as base64; add --cli-binary-format raw-in-base64-out to send text as it is.", 10)
            ));
        }
        if let Some(sh) = shape.filter(|s| !s.enum_values.is_empty()) {
            s.push_str("\n          Possible values:\n\n");
            for v in &sh.enum_values {
                s.push_str(&format!("          o {v}\n\n"));
            }
        }
        s.push('\n');
    }
    s
}

/// `aws kinesis wait help`.
pub fn wait() -> String {
    let mut s = "WAIT()\n\nNAME\n       wait -\n\nDESCRIPTION\n       Wait until a particular condition is satisfied. Each subcommand polls\n       an API until the listed requirement is met. In the playground each\n       poll moves the simulated clock forward by the waiter's delay.\n\nAVAILABLE WAITERS\n".to_string();
    for name in model().waiters.keys() {
        s.push_str(&format!("       o {name}\n\n"));
    }
    s
}

/// `aws kinesis wait <waiter> help`.
pub fn waiter(cli: &str, w: &Waiter, op: &Operation) -> String {
    format!(
        "{}()\n\nNAME\n       {cli} -\n\nDESCRIPTION\n       Wait until the {} call succeeds the {} check. It will poll every\n       {} seconds until a successful state has been reached. This will exit\n       with a return code of 255 after {} failed checks.\n\nSYNOPSIS\n            {cli}\n          (the options of {})\n",
        cli.to_ascii_uppercase(),
        w.operation,
        w.name,
        w.delay,
        w.max_attempts,
        op.cli
    )
}

/// Wraps `text` at 78 columns with `indent` spaces.
fn wrap(text: &str, indent: usize) -> String {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent + line.len() + 1 + word.len() > 78 {
            lines.push(format!("{}{line}", " ".repeat(indent)));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(format!("{}{line}", " ".repeat(indent)));
    }
    lines.join("\n")
}
