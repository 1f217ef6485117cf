//! Golden transcripts: every `tests/transcripts/*.txt` is run through a fresh `Console` and must match exactly.
//! Format: see `tests/transcripts/README.md`. Regenerate with `UPDATE_TRANSCRIPTS=1 cargo test --test
//! cli_transcripts`, then review every changed line against the spec before committing.

#[path = "transcript_runner/mod.rs"]
mod transcript_runner;

use std::path::Path;
use transcript_runner::{first_difference, run_transcript};

#[test]
fn transcripts_match() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts");
    let update = std::env::var_os("UPDATE_TRANSCRIPTS").is_some();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/transcripts exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no transcripts found");
    let mut failures = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("readable transcript");
        let actual = run_transcript(&text);
        if actual != text {
            if update {
                std::fs::write(&path, &actual).expect("writable transcript");
            } else {
                failures.push(format!("{}: {}", path.display(), first_difference(&text, &actual)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "transcripts differ (UPDATE_TRANSCRIPTS=1 to regenerate, then review):\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_transcript_also_runs_in_the_browser_test() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts");
    let web = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/web_transcripts.rs"))
        .expect("tests/web_transcripts.rs exists");
    for entry in std::fs::read_dir(&dir).expect("tests/transcripts exists").filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") {
            assert!(web.contains(&format!("\"transcripts/{name}\"")), "add {name} to tests/web_transcripts.rs");
        }
    }
}
