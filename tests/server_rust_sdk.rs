//! The AWS SDK for Rust (`aws-sdk-kinesis`) against `kinesis-console serve`: builds `tests/rust-sdk/` (its own crate,
//! lock and target dir, so the playground's build never sees the SDK; the first build takes a few minutes on two
//! cores, later ones are incremental) and runs it against the real binary: a producer, a consumer loop following
//! NextShardIterator across a split, typed errors, and SubscribeToShard over HTTP/2.
#![cfg(not(target_arch = "wasm32"))]

mod served;

use served::ServerProcess;
use std::path::PathBuf;
use std::process::Command;

#[test]
fn the_rust_sdk_produces_consumes_across_a_split_and_subscribes_over_http2() {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/rust-sdk");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let build = Command::new(&cargo)
        .args(["build", "--locked", "--quiet", "--manifest-path"])
        .arg(crate_dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(crate_dir.join("target"))
        .status()
        .expect("cargo runs");
    assert!(build.success(), "tests/rust-sdk builds");
    let server = ServerProcess::start(&["--clock", "manual", "--create-delay", "0s", "--update-delay", "0s"]);
    let out = Command::new(crate_dir.join("target/debug/rust-sdk-check")).arg(&server.url).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.ends_with("rust-sdk: 2 passed, 0 failed\n"), "{stdout}");
    let (status, _) = server.stop();
    assert_eq!(status.code(), Some(0));
}
