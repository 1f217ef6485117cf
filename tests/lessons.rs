//! The built-in lessons (`lessons/*.md`) and the lesson format: every lesson's setup plus solutions reaches every
//! goal while an empty attempt reaches none; the parser refuses malformed files with their line and never panics.

#![cfg(not(target_arch = "wasm32"))]

use kinesis_playground::cli::Console;
use kinesis_playground::engine::ShardIteratorType;
use kinesis_playground::lesson::{check, Block, Focus, Goal, Inline, Lesson, LessonRun, Progress};
use proptest::prelude::*;
use std::path::PathBuf;

fn lesson_files() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("lessons/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md") && p.file_name().is_some_and(|n| n != "README.md"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn every_built_in_lesson_is_reached_by_its_solutions_and_not_without_trying() {
    let files = lesson_files();
    assert!(!files.is_empty());
    let mut problems = Vec::new();
    for (name, text) in &files {
        let lesson = Lesson::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!((3..=8).contains(&lesson.steps.len()), "{name}: {} steps (3 to 8 wanted)", lesson.steps.len());
        let report = check(&lesson);
        problems.extend(report.problems().into_iter().map(|p| format!("{name}: {p}")));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn an_empty_attempt_reaches_no_goal() {
    for (name, text) in lesson_files() {
        let lesson = Lesson::parse(&text).unwrap();
        let console = lesson.setup.console();
        for i in 0..lesson.steps.len() {
            let mut run = LessonRun::new(lesson.clone());
            run.go_to(i, &console);
            // Commands that do nothing of the lesson's.
            let mut c = lesson.setup.console();
            let out = c.run("echo hello\naws kinesis help");
            run.observe(&out, &c);
            assert!(run.goals().iter().all(|g| !g.met), "{name}, step {}: {:?}", i + 1, run.goals());
        }
    }
}

#[test]
fn lesson_numbers_follow_the_curriculum() {
    let names: Vec<String> = lesson_files().into_iter().map(|(n, _)| n).collect();
    for (i, n) in names.iter().enumerate() {
        assert!(n.starts_with(&format!("{:02}-", i + 1)), "{n} is lesson {}", i + 1);
    }
}

const GOOD: &str = "# T\nsummary: S\n\n## Setup\nstart: 2024-01-01T00:00:00Z\nseed: 3\n```\naws kinesis create-stream --stream-name A --shard-count 1\n```\n\n## Step one\nDo `this`.\n\n### Goals\n- stream A exists | A is there\n- command list-streams succeeded\n\n### Hints\n- first\n- second\n  continued\n\n### Solution\n```\naws kinesis list-streams\n```\n";

#[test]
fn a_good_file_parses_to_what_it_says() {
    let l = Lesson::parse(GOOD).unwrap();
    assert_eq!(l.title, "T");
    assert_eq!(l.summary, "S");
    assert_eq!(l.setup.seed, 3);
    assert_eq!(l.setup.lines, vec!["aws kinesis create-stream --stream-name A --shard-count 1"]);
    let s = &l.steps[0];
    assert_eq!(s.title, "Step one");
    assert_eq!(
        s.instruction,
        vec![Block::Paragraph(vec![Inline::Text("Do ".into()), Inline::Code("this".into()), Inline::Text(".".into())])]
    );
    assert_eq!(s.goals[0].label, "A is there");
    assert_eq!(s.goals[0].line, 15);
    assert_eq!(s.goals[1].label, "`list-streams` succeeded");
    assert_eq!(s.hints, vec![vec![Inline::Text("first".into())], vec![Inline::Text("second continued".into())]]);
    assert_eq!(s.solution, vec!["aws kinesis list-streams"]);
    assert_eq!(Lesson::parse(&GOOD.replace('\n', "\r\n")).unwrap(), l);
}

#[test]
fn malformed_files_are_refused_with_their_line() {
    let cases: Vec<(String, usize, &str)> = vec![
        (String::new(), 1, "title"),
        ("summary: x".into(), 1, "title"),
        ("# T\nno summary".into(), 2, "summary"),
        (GOOD.replace("- stream A exists | A is there", "- stream A teleports"), 15, "teleports"),
        (GOOD.replace("- stream A exists | A is there", "- shard A exists"), 15, "not a kind of goal"),
        (GOOD.replace("- stream A exists | A is there", "- command put-recordz succeeded"), 15, "put-recordz"),
        (GOOD.replace("- stream A exists | A is there", "stream A exists"), 15, "starting with `- `"),
        (GOOD.replace("seed: 3", "seed: three"), 6, "seed"),
        (GOOD.replace("start: 2024-01-01T00:00:00Z", "start: yesterday"), 5, "start time"),
        (GOOD.replace("### Hints", "### Tips"), 18, "Tips"),
        (
            GOOD.replace("### Goals\n- stream A exists | A is there\n- command list-streams succeeded\n", ""),
            11,
            "no goals",
        ),
        (GOOD.replace("### Solution\n```\naws kinesis list-streams\n```\n", ""), 11, "no solution"),
        (
            GOOD.replace(
                "### Solution\n```\naws kinesis list-streams\n```\n",
                "### Solution\n```\naws kinesis list-streams\n",
            ),
            24,
            "never closed",
        ),
        (GOOD.replace("## Step one", "# Step one"), 11, "one title"),
        ("# T\nsummary: S\n".into(), 2, "no steps"),
        (format!("{GOOD}\n## Setup\n"), 28, "once"),
        (GOOD.replace("- stream A exists | A is there", "- consumer d status SLEEPING"), 15, "SLEEPING"),
        (GOOD.replace("- stream A exists | A is there", "- subscription SOON records"), 15, "SOON"),
        (GOOD.replace("- stream A exists | A is there", "- app billing dances"), 15, "app goal is"),
        (GOOD.replace("- stream A exists | A is there", "- ran"), 15, "start of a command"),
        (GOOD.replace("Do `this`.", "Do `this`.\nfocus: lane 3"), 13, "lane"),
        (GOOD.replace("Do `this`.", "focus: shard 1\nDo `this`.\nfocus: key a"), 14, "one `focus:`"),
    ];
    for (text, line, words) in cases {
        let e = Lesson::parse(&text).expect_err(&text);
        assert_eq!(e.line, line, "{e} in\n{text}");
        assert!(e.message.contains(words), "{e:?} should say {words:?}");
        assert!(e.to_string().contains(&format!("line {line}:")));
    }
    let big = "x".repeat(kinesis_playground::lesson::MAX_BYTES + 1);
    assert_eq!(Lesson::parse(&big).unwrap_err().line, 0);
}

#[test]
fn progress_is_saved_and_restored_and_untrusted_progress_is_clamped() {
    let lesson = Lesson::parse(&lesson_files()[0].1).unwrap();
    let mut console = lesson.setup.console();
    let mut run = LessonRun::new(lesson.clone());
    for line in lesson.steps[0].solution.clone() {
        let out = console.run(&line);
        run.observe(&out, &console);
    }
    assert!(run.step_done());
    assert!(run.advance(&console));
    assert!(run.next_hint().is_some());
    let saved = serde_json::to_string(&run.progress()).unwrap();
    let p: Progress = serde_json::from_str(&saved).unwrap();
    let back = LessonRun::restore(lesson.clone(), &p);
    assert_eq!(back.step_index(), 1);
    assert_eq!(back.hints_shown().len(), 1);
    let wild = Progress { step: 999, met: vec![true; 99], hints_shown: 999, ..p.clone() };
    assert!(LessonRun::restore(lesson.clone(), &wild).is_complete());
    let wrong_shape = Progress { met: vec![true; 99], ..p.clone() };
    assert!(LessonRun::restore(lesson.clone(), &wrong_shape).goals().iter().all(|g| !g.met));
    let newer = Progress { version: 99, ..p };
    assert_eq!(LessonRun::restore(lesson, &newer).step_index(), 0);
}

#[test]
fn command_goals_see_calls_inside_substitutions_and_iterator_types_through_variables() {
    let mut c = Console::new(kinesis_playground::cli::ConsoleConfig { start_time_ms: 1_704_067_200_000, seed: 0 });
    c.run("aws kinesis create-stream --stream-name S --shard-count 1\naws kinesis wait stream-exists --stream-name S");
    let out = c.run("IT=$(aws kinesis get-shard-iterator --stream-name S --shard-id shardId-000000000000 --shard-iterator-type LATEST --query ShardIterator --output text)");
    let calls = &out.commands[0].calls;
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].operation, "GetShardIterator");
    let out = c.run("aws kinesis get-records --shard-iterator $IT");
    let empty_latest = Goal::parse("reader LATEST empty", 0).unwrap();
    let tip = Goal::parse("reader LATEST tip", 0).unwrap();
    let horizon = Goal::parse("reader TRIM_HORIZON empty", 0).unwrap();
    let call = &out.commands[0].calls[0];
    assert!(empty_latest.met_by_call(call, false));
    assert!(tip.met_by_call(call, false));
    assert!(!horizon.met_by_call(call, false));
    // The next iterator keeps the type.
    c.run("aws kinesis put-record --stream-name S --partition-key k --data aGk=");
    let out = c.run("aws kinesis get-records --shard-iterator $(aws kinesis get-records --shard-iterator $IT --query NextShardIterator --output text)");
    let records = Goal::parse("reader LATEST records", 0).unwrap();
    assert!(out.commands[0].calls.iter().any(|c| records.met_by_call(c, false)), "{:?}", out.commands[0].calls);
    let out = c.run("aws kinesis describe-stream --stream-name Nope");
    let failed = Goal::parse("command describe-stream failed ResourceNotFoundException", 0).unwrap();
    assert!(failed.met_by_call(&out.commands[0].calls[0], false));
    let out = c.run("aws kinesis put-record --stream-name S");
    assert_eq!(out.commands[0].calls[0].error.as_deref(), Some("ParamValidation"));
    let out = c.run("aws kinesis wait stream-exists --stream-name S");
    assert!(Goal::parse("command wait stream-exists succeeded", 0)
        .unwrap()
        .met_by_call(&out.commands[0].calls[0], false));
}

fn mutate(text: &str, ops: &[(usize, u8, String)]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for (at, op, s) in ops {
        if lines.is_empty() {
            lines.push(s.clone());
            continue;
        }
        let i = at % lines.len();
        match op % 4 {
            0 => {
                lines.remove(i);
            }
            1 => lines.insert(i, s.clone()),
            2 => lines[i] = s.clone(),
            _ => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_parser_never_panics_on_arbitrary_text(text in "(?s).{0,600}") {
        let _ = Lesson::parse(&text);
    }

    #[test]
    fn the_parser_never_panics_on_lesson_like_text(
        lines in proptest::collection::vec(prop_oneof![
            Just("# T".to_string()), Just("summary: s".to_string()), Just("## Setup".to_string()),
            Just("## A step".to_string()), Just("### Goals".to_string()), Just("### Hints".to_string()),
            Just("### Solution".to_string()), Just("```".to_string()), Just("- stream A exists".to_string()),
            Just("- command put-record failed".to_string()), Just("- clock after +99999999999d".to_string()),
            Just("- stream A records at-least 1 key \"x | y\" shard 3 | label".to_string()),
            Just("start: 2024-01-01T00:00:00Z".to_string()), Just("seed: 18446744073709551615".to_string()),
            Just("[x](https://a) **b *c* `d` _e_** \\".to_string()), "[ -~]{0,40}",
            Just("- consumer d status ACTIVE stream".to_string()), Just("- app a shard-end shard".to_string()),
            Just("- subscription any events shard 99999999999".to_string()), Just("- ran \"".to_string()),
            Just("focus: shard 1 key \"a".to_string()), Just("focus: none reader".to_string()),
        ], 0..40)
    ) {
        let _ = Lesson::parse(&lines.join("\n"));
    }

    #[test]
    fn mutations_of_the_real_lessons_never_panic(
        which in 0usize..16,
        ops in proptest::collection::vec((0usize..400, 0u8..4, "[ -~]{0,30}"), 1..6),
    ) {
        let files = lesson_files();
        let (_, text) = &files[which % files.len()];
        let mutated = mutate(text, &ops);
        if let Ok(lesson) = Lesson::parse(&mutated) {
            // Whatever parses can be run.
            let mut run = LessonRun::new(lesson.clone());
            let console = lesson.setup.console();
            run.check(&console);
        }
    }
}

#[test]
fn the_check_names_a_goal_already_met_when_its_step_starts() {
    let text = "# T\nsummary: S\n\n## One\nx\n\n### Goals\n- stream A exists\n\n### Solution\n```\naws kinesis create-stream --stream-name A --shard-count 1\n```\n\n## Two\ny\n\n### Goals\n- stream A exists | Still there\n- command list-streams succeeded\n\n### Solution\n```\naws kinesis list-streams\n```\n";
    let report = check(&Lesson::parse(text).unwrap());
    assert_eq!(
        report.problems(),
        vec![
            "line 19: step \"Two\": the goal is already met when the step starts (after the steps before): Still there"
        ]
    );
    assert!(!report.passed());
}

#[test]
fn the_check_names_goals_not_reached_and_goals_met_without_trying() {
    // GOOD's setup already creates A, so its first goal is met before the learner does anything.
    let l = Lesson::parse(GOOD).unwrap();
    let problems = check(&l).problems();
    assert_eq!(
        problems,
        vec!["line 15: step \"Step one\": the goal is met before the learner does anything: A is there"]
    );
    let l = Lesson::parse(&GOOD.replace("```\naws kinesis list-streams\n```", "```\necho hi\n```")).unwrap();
    let problems = check(&l).problems();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("line 16:") && p.contains("does not reach the goal: `list-streams` succeeded")),
        "{problems:?}"
    );
}

#[test]
fn every_lesson_exports_to_a_bash_script_that_bash_accepts() {
    let Ok(bash) = std::process::Command::new("bash").arg("--version").output() else {
        eprintln!("skipped: no bash on this machine");
        return;
    };
    assert!(bash.status.success());
    for (name, text) in lesson_files() {
        let script = Lesson::parse(&text).unwrap().to_bash();
        assert!(script.starts_with("#!/usr/bin/env bash\n"));
        assert!(!script.lines().any(|l| l.starts_with("sim ")), "{name}: a sim line is left:\n{script}");
        let path = std::env::temp_dir().join(format!("lesson-{}-{name}.sh", std::process::id()));
        std::fs::write(&path, &script).unwrap();
        let out = std::process::Command::new("bash").arg("-n").arg(&path).output().unwrap();
        std::fs::remove_file(&path).ok();
        assert!(out.status.success(), "{name}: bash -n says {}\n{script}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn the_example_in_the_format_guide_is_a_working_lesson() {
    let guide = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("lessons/README.md")).unwrap();
    let start = guide.find("````markdown\n").expect("the guide has an example") + "````markdown\n".len();
    let end = start + guide[start..].find("\n````").unwrap();
    let lesson = Lesson::parse(&guide[start..=end]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lesson.steps.len(), 2);
    let report = check(&lesson);
    assert!(report.passed(), "{}", report.problems().join("\n"));
    // Every goal kind the guide's table lists parses.
    for line in guide.lines().filter(|l| l.starts_with("| `") && !l.starts_with("| `#")) {
        let spec = &line[3..line[3..].find('`').unwrap() + 3];
        let kinds = ["stream", "command", "reader", "put", "clock", "ran", "consumer", "subscription", "app"];
        if kinds.iter().any(|k| spec.starts_with(k)) {
            let spec = spec
                .replace(" [ERROR]", "")
                .replace(" [key P] [shard S]", " key P shard 1")
                .replace(" [shard S]", " shard 1");
            let spec = spec
                .replace(" [stream NAME]", "")
                .replace("OP", "put-record")
                .replace("TYPE", "LATEST")
                .replace("TIME", "+25h");
            let spec = spec.replace("--option VALUE ...", "--partition-key *");
            let spec = spec
                .replace(" [stream S]", " stream S")
                .replace("WORDS...", "sim x")
                .replace("workers N", "workers 2")
                .replace("leases N [worker W]", "leases 2 worker w");
            Goal::parse(&spec, 0).unwrap_or_else(|e| panic!("{spec}: {e}"));
        }
    }
}

/// `lessons/index.json` as the lesson files make it: every lesson in order with its title and summary.
fn index_json() -> String {
    let lessons: Vec<serde_json::Value> = lesson_files()
        .iter()
        .map(|(name, text)| {
            let lesson = Lesson::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            serde_json::json!({"file": name, "title": lesson.title, "summary": lesson.summary})
        })
        .collect();
    let index = serde_json::json!({"kind": "kinesis-playground-lessons", "version": 1, "lessons": lessons});
    serde_json::to_string_pretty(&index).unwrap() + "\n"
}

/// The lesson files are the one source: the page's catalog is generated from them by build.rs, and
/// `lessons/index.json` must say what they say (`UPDATE_LESSON_INDEX=1 cargo test --test lessons` rewrites it).
#[test]
fn the_index_lists_every_lesson_in_order_with_its_title_and_summary() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("lessons/index.json");
    let want = index_json();
    if std::env::var_os("UPDATE_LESSON_INDEX").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap();
    assert!(
        have == want,
        "lessons/index.json differs from lessons/*.md: run `UPDATE_LESSON_INDEX=1 cargo test --test lessons` and review\n{want}"
    );
}

#[test]
fn a_step_points_at_its_focus_line_or_at_what_its_goals_name() {
    let l = Lesson::parse(
        &GOOD.replace("Do `this`.", "Do `this`.\nfocus: shard 1 reader LATEST\n\n```\nfocus: not a focus line\n```"),
    )
    .unwrap();
    let s = &l.steps[0];
    assert_eq!(s.focus.shards, [1]);
    assert_eq!(s.focus.readers, [ShardIteratorType::Latest]);
    assert_eq!(
        s.instruction.len(),
        2,
        "the focus line is not part of the instruction, a code block's line is: {:?}",
        s.instruction
    );
    let none = Lesson::parse(&GOOD.replace("Do `this`.", "focus: none\nDo `this`.")).unwrap();
    assert_eq!(none.steps[0].focus, Focus::default());
    // Without a focus line: what the goals name. Lesson 1's steps point at partition key 1 and the TRIM_HORIZON reader.
    let first = Lesson::parse(&lesson_files()[0].1).unwrap();
    let write = first.steps.iter().find(|s| s.title.starts_with("Write")).unwrap();
    assert_eq!(write.focus.keys, ["1"]);
    assert_eq!(write.focus.stream.as_deref(), Some("DemoStream"));
    let read = first.steps.iter().find(|s| s.title.starts_with("Read")).unwrap();
    assert!(read.focus.has_reader("DemoStream", "TRIM_HORIZON", 0));
}

#[test]
fn consumer_side_goals_follow_consumers_subscriptions_applications_and_commands() {
    let mut c = Console::new(kinesis_playground::cli::ConsoleConfig { start_time_ms: 1_704_067_200_000, seed: 0 });
    let goals = |texts: &[&str]| -> Lesson {
        let mut t = String::from("# T\nsummary: S\n\n## One\nx\n\n### Goals\n");
        for g in texts {
            t.push_str(&format!("- {g}\n"));
        }
        t.push_str("\n### Solution\n```\necho\n```\n");
        Lesson::parse(&t).unwrap()
    };
    let lesson = goals(&[
        "consumer dash status ACTIVE stream S",
        "subscription TRIM_HORIZON records shard 0",
        "subscription LATEST events",
        "command subscribe-to-shard failed ResourceInUseException",
        "ran sim consumer-app leases --app-name app",
        "app app workers 1",
        "app app balanced",
        "app app caught-up",
    ]);
    let mut run = LessonRun::new(lesson);
    let step = |c: &mut Console, run: &mut LessonRun, line: &str| {
        let out = c.run(line);
        run.observe(&out, c);
        run.goals().iter().map(|g| g.met).collect::<Vec<bool>>()
    };
    step(
        &mut c,
        &mut run,
        "aws kinesis create-stream --stream-name S --shard-count 1\naws kinesis wait stream-exists --stream-name S",
    );
    step(&mut c, &mut run, "aws kinesis put-record --stream-name S --partition-key k --data aGk=");
    let m = step(&mut c, &mut run, "C=$(aws kinesis register-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:123456789012:stream/S --consumer-name dash --query Consumer.ConsumerARN --output text)");
    assert_eq!(m, [false; 8], "CREATING is not ACTIVE yet");
    let m = step(&mut c, &mut run, "sim clock advance 10s");
    assert!(m[0], "the consumer is ACTIVE");
    let m = step(&mut c, &mut run, "sim subscribe-to-shard --consumer-arn $C --shard-id shardId-000000000000 --starting-position Type=LATEST --for 1s");
    assert!(!m[1] && m[2], "LATEST pushed an empty event, no records: {m:?}");
    let m = step(&mut c, &mut run, "sim subscribe-to-shard --consumer-arn $C --shard-id shardId-000000000000 --starting-position Type=TRIM_HORIZON --for 1s");
    assert!(!m[1] && m[3], "refused within 5 s of the last one: {m:?}");
    step(&mut c, &mut run, "sim clock advance 5s");
    let m = step(&mut c, &mut run, "sim subscribe-to-shard --consumer-arn $C --shard-id shardId-000000000000 --starting-position Type=TRIM_HORIZON --for 1s");
    assert!(m[1], "TRIM_HORIZON pushed the record");
    let m = step(&mut c, &mut run, "sim consumer-app leases --app-name app");
    assert!(!m[4], "a command that failed does not count");
    step(&mut c, &mut run, "sim consumer-app add --stream-name S --app-name app --workers 1");
    let m = step(&mut c, &mut run, "sim clock advance 3s");
    assert!(m[5] && m[6] && m[7], "one worker, balanced, caught up: {m:?}");
    let m = step(&mut c, &mut run, "sim consumer-app leases --app-name app");
    assert!(m[4]);
    let m = step(&mut c, &mut run, "sim consumer-app worker stop --app-name app --worker worker-1");
    assert!(!m[5] && !m[6], "a stopped worker does not run, and its lease is nobody's running worker's: {m:?}");
    step(&mut c, &mut run, "aws kinesis put-record --stream-name S --partition-key k --data aGk=");
    let m = step(&mut c, &mut run, "sim clock advance 2s");
    assert!(!m[7], "a record nobody processed: not caught up");
}
