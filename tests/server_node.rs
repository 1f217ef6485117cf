//! `@aws-sdk/client-kinesis` (the AWS SDK for JavaScript v3, from npm into `tools/clients-js/`, `npm ci` on the first
//! run) against `kinesis-console serve` in Node: a round trip and an error (`tests/clients/node_check.mjs`).
#![cfg(not(target_arch = "wasm32"))]

mod served;

use served::ServerProcess;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Mutex;

static INSTALL: Mutex<()> = Mutex::new(());

#[test]
fn the_javascript_sdk_round_trips_in_node() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tools/clients-js");
    {
        let _once = INSTALL.lock().unwrap_or_else(|p| p.into_inner());
        if !dir.join("node_modules/@aws-sdk/client-kinesis").is_dir() {
            let out = Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--silent"])
                .current_dir(&dir)
                .output()
                .expect("npm runs");
            assert!(out.status.success(), "npm ci in tools/clients-js: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
    let server = ServerProcess::start(&["--clock", "manual", "--create-delay", "0s"]);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/clients/node_check.mjs");
    let out = Command::new("node").arg(script).arg(&server.url).output().expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout, "node: 1 passed, 0 failed\n");
}
