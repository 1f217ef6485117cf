//! Parity with the real AWS CLI v2 (2.36.7): every `aws ...` command of the golden transcripts
//! (`tests/transcripts/*.txt`, which `cli_transcripts` checks against the console) runs through the real CLI against
//! `kinesis-console serve --clock manual` (same start time and seed as the transcripts), and must print the recorded
//! stdout, stderr and exit code byte for byte; a list of error cases beyond the transcripts runs through both the
//! real CLI and the console. The other lines (`sim ...`, shell assignments, lines with `$VAR` or `$(...)`, waiters)
//! run through the served console so the state stays the same. What cannot be equal is in [`EXCEPTIONS`], with the
//! reason (the README's "How faithful it is" lists the same). Skipped, with one line, where `../shared/tools` is
//! absent. The files run in parallel (one server and one CLI process each: `scripts/aws_batch.py` runs the commands in one
//! Python, a fifth of the cost of an `aws` process per command).
#![cfg(not(target_arch = "wasm32"))]

mod served;

use served::aws_cli::aws;
use served::ServerProcess;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

/// Commands compared with the console only, never with the real CLI: `(text in the command, why)`.
const EXCEPTIONS: &[(&str, &str)] = &[
    (" help", "help pages are the playground's own (built from the model), not the CLI's man pages"),
    (
        "aws kinesis wait ",
        "waiters: the console moves simulated time; the real CLI sleeps for real against a manual clock",
    ),
    ("--version", "`aws --version` is the playground's own line (the real one names its Python, OS and installer)"),
    ("--endpoint-url http://localhost", "the playground ignores --endpoint-url; the real CLI connects to it"),
    (
        "aws s3 ",
        "the oracle is a Kinesis-only build of the CLI (`Unknown service: 's3'`); the playground answers for the \
      services it does not simulate as the full CLI answers an unknown command (`Found invalid choice`)",
    ),
];

/// One transcript command and what the transcript recorded for it.
struct Case {
    line: String,
    stdout: String,
    stderr: String,
    exit_code: i32,
}

fn parse(text: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(first) = line.strip_prefix("$ ") else { continue };
        let mut input = vec![first.to_string()];
        while let Some(more) = lines.peek().and_then(|l| l.strip_prefix("> ")) {
            input.push(more.to_string());
            lines.next();
        }
        let mut c = Case { line: input.join("\n"), stdout: String::new(), stderr: String::new(), exit_code: 0 };
        while let Some(next) = lines.peek() {
            if next.is_empty() || next.starts_with("$ ") || (next.starts_with('#') && !next.starts_with("# hint: ")) {
                break;
            }
            let next = lines.next().unwrap_or_default();
            if next.starts_with("# hint: ") {
            } else if let Some(code) = next.strip_prefix("? ") {
                c.exit_code = code.parse().unwrap();
            } else if next == "!" {
                c.stderr.push('\n');
            } else if let Some(err) = next.strip_prefix("! ") {
                c.stderr.push_str(err);
                c.stderr.push('\n');
            } else if next == "% no newline at end of stdout" {
                c.stdout.pop();
            } else if next == "\\" {
                c.stdout.push('\n');
            } else {
                c.stdout.push_str(next.strip_prefix("\\ ").unwrap_or(next));
                c.stdout.push('\n');
            }
        }
        cases.push(c);
    }
    cases
}

/// The words of a plain `aws ...` line (quotes and backslashes as the shell reads them); `None` for lines that need
/// the console's shell (variables, substitutions, pipes).
fn words(line: &str) -> Option<Vec<String>> {
    let line = line.replace("\\\n", " ");
    if !line.starts_with("aws ") || line.contains('$') || line.contains('|') && !line.contains('\'') {
        return None;
    }
    let (mut out, mut cur, mut in_word) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            '\'' => {
                in_word = true;
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    cur.push(c);
                }
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' if chars.peek().is_some_and(|n| "\"\\`".contains(*n)) => cur.push(chars.next()?),
                        c => cur.push(c),
                    }
                }
            }
            '\\' => {
                in_word = true;
                cur.push(chars.next()?);
            }
            ';' | '&' | '|' | '>' | '<' | '`' | '(' | ')' => return None,
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    Some(out.into_iter().skip(1).collect())
}

/// The real CLI, many commands in one Python process (`scripts/aws_batch.py`), with the environment of
/// `served::aws_cli::run_aws`: dummy credentials, no pager, no config files, UTC.
struct Batch {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Batch {
    fn start(aws_bin: &Path, endpoint: &str) -> Batch {
        let python = aws_bin.with_file_name("python");
        let home = std::env::temp_dir().join("kinesis-playground-aws-home");
        let _ = std::fs::create_dir_all(&home);
        let work = std::env::temp_dir().join("kinesis-playground-parity-cwd");
        let _ = std::fs::create_dir_all(&work);
        let mut child = Command::new(python)
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/aws_batch.py"))
            .current_dir(&work)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("TZ", "UTC")
            .env("AWS_ACCESS_KEY_ID", "x")
            .env("AWS_SECRET_ACCESS_KEY", "x")
            .env("AWS_DEFAULT_REGION", "us-east-1")
            .env("AWS_PAGER", "")
            .env("AWS_CONFIG_FILE", "/dev/null")
            .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_ENDPOINT_URL", endpoint)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the CLI's python runs");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = BufReader::new(child.stdout.take().expect("stdout"));
        Batch { child, stdin, stdout }
    }

    /// `(stdout, stderr, exit code)` of `aws <args>`.
    fn run(&mut self, args: &[String]) -> (String, String, i32) {
        writeln!(self.stdin, "{}", serde_json::to_string(args).unwrap()).unwrap();
        self.stdin.flush().unwrap();
        let mut line = String::new();
        self.stdout.read_line(&mut line).expect("an answer");
        let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"));
        let text = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        (text("stdout"), text("stderr"), v["exit_code"].as_i64().unwrap_or(-1) as i32)
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn excepted(line: &str) -> Option<&'static str> {
    EXCEPTIONS.iter().find(|(text, _)| line.contains(text)).map(|(_, why)| *why)
}

/// Runs one transcript through the real CLI; the differences found.
fn check_file(aws_bin: &Path, path: &Path) -> (usize, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let server = ServerProcess::start(&["--clock", "manual"]);
    let mut batch = Batch::start(aws_bin, &server.url);
    let (mut compared, mut diffs) = (0, Vec::new());
    for c in parse(&text) {
        let real = words(&c.line).filter(|_| excepted(&c.line).is_none());
        let Some(args) = real else {
            server.console(&c.line);
            continue;
        };
        let (stdout, stderr, exit_code) = batch.run(&args);
        compared += 1;
        if (&stdout, &stderr, exit_code) != (&c.stdout, &c.stderr, c.exit_code) {
            diffs.push(format!(
                "{name}: $ {}\n  console stdout {:?}\n  real    stdout {:?}\n  console stderr {:?}\n  real    stderr {:?}\n  exit {} vs {}",
                c.line, c.stdout, stdout, c.stderr, stderr, c.exit_code, exit_code
            ));
        }
    }
    (compared, diffs)
}

#[test]
fn every_transcript_command_prints_what_the_real_cli_prints() {
    let Some(aws_bin) = aws() else { return };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    if let Ok(only) = std::env::var("PARITY_ONLY") {
        files.retain(|p| p.to_string_lossy().contains(&only));
    }
    let queue = std::sync::Mutex::new(files);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| loop {
                let Some(path) = queue.lock().unwrap().pop() else { break };
                let r = check_file(&aws_bin, &path);
                results.lock().unwrap().push(r);
            });
        }
    });
    let results = results.into_inner().unwrap();
    let compared: usize = results.iter().map(|r| r.0).sum();
    let diffs: Vec<String> = results.into_iter().flat_map(|r| r.1).collect();
    if std::env::var_os("PARITY_ONLY").is_none() {
        assert!(compared > 150, "only {compared} commands went through the real CLI");
    }
    assert!(diffs.is_empty(), "{} of {compared} commands differ from the real CLI:\n{}", diffs.len(), diffs.join("\n"));
}

/// Client-side checks beyond the transcripts, each run through the real CLI and the served console.
const ERROR_CASES: &[&str] = &[
    "aws kinesis put-record --stream-name s --data aGk=",
    "aws kinesis put-record --bogus 1 --stream-name s --other --partition-key k --data aGk=",
    "aws kinesis lst-streams",
    "aws kinesis describe-strem --stream-name s",
    "aws kinesis create-stream --stream-name t --shard-count x",
    "aws kinesis list-streams --limit 1.5",
    "aws kinesis enable-enhanced-monitoring --stream-name s --shard-level-metrics",
    "aws kinesis list-streams --starting-token None",
    "aws kinesis list-streams --starting-token tok___2",
    "aws kinesis add-tags-to-stream --stream-name s --tags",
    "aws kinesis put-records --stream-name s --records Data=aGk=,PartitionKey",
    "aws kinesis get-shard-iterator --stream-name s --shard-id shardId-000000000000 --shard-iterator-type AT_TIMESTAMP --timestamp 2024-13-01",
    "aws kinesis list-streams --output yml",
    "aws kinesis list-streams --query 'StreamNames[?@ == `1`'",
    "aws kinesis list-streams --query 'to_number(StreamNames)' --output yaml",
    "aws kinesis list-streams --max-items x",
];

#[test]
fn client_side_errors_as_the_real_cli() {
    let Some(aws_bin) = aws() else { return };
    let server = ServerProcess::start(&["--clock", "manual"]);
    server.console("aws kinesis create-stream --stream-name s --shard-count 1");
    server.advance("10s");
    let mut batch = Batch::start(&aws_bin, &server.url);
    let mut diffs = Vec::new();
    for line in ERROR_CASES {
        let real = batch.run(&words(line).expect("a plain line"));
        let c = server.console(line);
        let console = (
            c["stdout"].as_str().unwrap_or_default().to_string(),
            c["stderr"].as_str().unwrap_or_default().to_string(),
            c["exit_code"].as_i64().unwrap_or(-1) as i32,
        );
        if real != console {
            diffs.push(format!("$ {line}\n  console {console:?}\n  real    {real:?}"));
        }
    }
    assert!(diffs.is_empty(), "{} of {} cases differ:\n{}", diffs.len(), ERROR_CASES.len(), diffs.join("\n"));
}
