//! The real AWS CLI v2 (2.36.7), installed for the tests from `../shared/tools/` into `tools/awscli-v2/` (ignored by
//! git), once per checkout: `python3 -m venv` + `pip install` of the archive (about a minute, dependencies from
//! PyPI). Where the archive is absent (a clone outside this workplace) the tests that need it skip with one line.
//!
//! `KINESIS_PLAYGROUND_SHARED` overrides where the shared folder is (default: `../shared` beside the project).

use super::install::run;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Once;

const ARCHIVE: &str = "awscli-v2-2.36.7-kinesis.tar.gz";
const VERSION: &str = "aws-cli/2.36.7";

fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn archive() -> PathBuf {
    let shared =
        std::env::var_os("KINESIS_PLAYGROUND_SHARED").map_or_else(|| project().join("../shared"), PathBuf::from);
    shared.join("tools").join(ARCHIVE)
}

/// The `aws` executable, installed if need be; `None` (after printing why) when the archive is not here.
pub fn aws() -> Option<PathBuf> {
    let archive = archive();
    if !archive.is_file() {
        static SAID: Once = Once::new();
        SAID.call_once(|| {
            // Straight to standard error: libtest would capture `eprintln!`, and this line should show.
            let _ = writeln!(
                std::io::stderr(),
                "skipped: the tests with the real AWS CLI v2: its archive is not at {} (set \
                 KINESIS_PLAYGROUND_SHARED to the shared folder)",
                archive.display()
            );
        });
        return None;
    }
    let venv = project().join("tools/awscli-v2");
    super::install::once(&venv.join(".installed"), &project().join("tools/.awscli-v2.lock"), VERSION, || {
        install(&venv, &archive).map_err(|e| format!("from {}: {e}", archive.display()))
    });
    Some(venv.join("bin/aws"))
}

fn install(venv: &Path, archive: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(venv);
    run(Command::new("python3").arg("-m").arg("venv").arg(venv))?;
    run(Command::new(venv.join("bin/pip")).args(["install", "--quiet", "--disable-pip-version-check"]).arg(archive))?;
    let out = run(Command::new(venv.join("bin/aws")).arg("--version"))?;
    let version = String::from_utf8_lossy(&out.stdout);
    if !version.starts_with(VERSION) {
        return Err(format!("`aws --version` printed {version:?}"));
    }
    Ok(())
}

/// What one `aws` run printed.
#[derive(Debug)]
pub struct AwsRun {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

/// Runs `aws <args>` against `endpoint`, with dummy credentials, no pager, no config files, in UTC. Retries stay at
/// the CLI's default: `AWS_MAX_ATTEMPTS=1` would add "(reached max retries: 0)" to every error message.
pub fn run_aws(aws: &Path, endpoint: &str, args: &[&str]) -> AwsRun {
    let home = std::env::temp_dir().join("kinesis-playground-aws-home");
    let _ = std::fs::create_dir_all(&home);
    let out = Command::new(aws)
        .args(args)
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
        .output()
        .expect("aws runs");
    AwsRun {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        exit_code: out.status.code().unwrap_or(-1),
    }
}
