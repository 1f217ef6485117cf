//! `kinesis-console --check-lesson FILE` on every built-in lesson, and `--lesson FILE` driven through a lesson.

#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn console(args: &[&str], input: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kinesis-console"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the console starts");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn lessons() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md") && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    v.sort();
    v
}

#[test]
fn check_lesson_passes_every_built_in_lesson() {
    for path in lessons() {
        let (stdout, stderr, code) = console(&["--check-lesson", path.to_str().unwrap()], "");
        assert_eq!(code, 0, "{}: {stdout}{stderr}", path.display());
        assert!(stdout.contains("are reached by the solutions"), "{stdout}");
    }
}

#[test]
fn check_lesson_names_each_goal_not_reached_and_refuses_a_broken_file() {
    let dir = std::env::temp_dir().join(format!("lessons-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(&lessons()[0]).unwrap();
    // The first step's solution no longer waits for ACTIVE.
    let unreached = dir.join("unreached.md");
    std::fs::write(&unreached, text.replacen(
        "### Solution\n```\naws kinesis create-stream --stream-name DemoStream --shard-count 1\naws kinesis wait stream-exists --stream-name DemoStream\n",
        "### Solution\n```\naws kinesis create-stream --stream-name DemoStream --shard-count 1\n",
        1,
    )).unwrap();
    let (stdout, _, code) = console(&["--check-lesson", unreached.to_str().unwrap()], "");
    assert_eq!(code, 1);
    // The stream stays CREATING (the terminal's clock moves only when told), so the later steps fail too.
    let problems: Vec<&str> = stdout.lines().collect();
    assert!(
        problems[0].ends_with(
            "line 28: step \"Create a stream\": its solution does not reach the goal: Stream DemoStream is ACTIVE"
        ),
        "{stdout}"
    );
    assert!(problems.len() > 1, "{stdout}");
    let broken = dir.join("broken.md");
    std::fs::write(
        &broken,
        text.replacen("- stream DemoStream mode PROVISIONED", "- stream DemoStream colour blue", 1),
    )
    .unwrap();
    let (_, stderr, code) = console(&["--check-lesson", broken.to_str().unwrap()], "");
    assert_eq!(code, 1);
    assert!(stderr.contains("line 27:") && stderr.contains("`colour`"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_lesson_runs_in_the_terminal_to_its_end() {
    let path = &lessons()[0];
    let lesson = kinesis_playground::lesson::Lesson::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut input = String::from("sim lesson hint\nsim lesson status\n");
    for step in &lesson.steps {
        for line in &step.solution {
            input.push_str(line);
            input.push('\n');
        }
    }
    let (stdout, stderr, code) = console(&["--lesson", path.to_str().unwrap()], &input);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("Lesson: Your first stream\n"), "{stdout}");
    assert!(stdout.contains("Hint: The command is `aws kinesis create-stream`"), "{stdout}");
    assert!(stdout.contains("Step 1 of 6: Create a stream"));
    for i in 1..=6 {
        assert!(stdout.contains(&format!("Step {i} of 6 done")), "step {i}: {stdout}");
    }
    assert!(stdout.contains("Lesson complete: Your first stream"));
    // A console without a lesson says how to start one.
    let (_, stderr, code) = console(&[], "sim lesson hint\n");
    assert_eq!(code, 2);
    assert!(stderr.contains("--lesson"), "{stderr}");
}
