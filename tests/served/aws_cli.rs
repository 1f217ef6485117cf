//! The real AWS CLI v2 (2.36.7), installed for the tests from `../shared/tools/` into `tools/awscli-v2/` (ignored by
//! git), once per checkout: `python3 -m venv` + `pip install` of the archive (about a minute, dependencies from
//! PyPI). Where the archive is absent (a clone outside this workplace) the tests that need it skip with one line.
//!
//! `KINESIS_PLAYGROUND_SHARED` overrides where the shared folder is (default: `../shared` beside the project).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Once;
use std::time::{Duration, Instant, SystemTime};

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
    let stamp = venv.join(".installed");
    let bin = venv.join("bin/aws");
    if stamp.is_file() {
        return Some(bin);
    }
    let lock = project().join("tools/.awscli-v2.lock");
    let _ = std::fs::create_dir_all(project().join("tools"));
    let deadline = Instant::now() + Duration::from_secs(600);
    loop {
        if stamp.is_file() {
            return Some(bin);
        }
        if std::fs::File::create_new(&lock).is_ok() {
            break;
        }
        let stale = std::fs::metadata(&lock)
            .and_then(|m| m.modified())
            .is_ok_and(|t| SystemTime::now().duration_since(t).unwrap_or_default() > Duration::from_secs(600));
        if stale {
            let _ = std::fs::remove_file(&lock);
        }
        assert!(Instant::now() < deadline, "waited 10 minutes for another install of the AWS CLI");
        std::thread::sleep(Duration::from_millis(500));
    }
    let result = install(&venv, &archive).and_then(|()| std::fs::write(&stamp, VERSION).map_err(|e| e.to_string()));
    let _ = std::fs::remove_file(&lock);
    result.unwrap_or_else(|e| panic!("installing the AWS CLI v2 from {}: {e}", archive.display()));
    Some(bin)
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

fn run(cmd: &mut Command) -> Result<Output, String> {
    let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(out)
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
