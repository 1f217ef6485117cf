//! Installing a test tool once per checkout (the AWS CLI v2 in `tools/awscli-v2/`, Python packages in `tools/py/`):
//! a stamp file says it is done, and a lock file keeps parallel tests from installing twice.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant, SystemTime};

/// Runs `install` unless `stamp` exists, holding `lock` meanwhile (a lock older than 10 minutes is stale), then
/// writes the stamp. Other tests wait for the stamp.
///
/// # Panics
/// When `install` fails (the tests cannot run, and say why), or another install held the lock for 10 minutes.
pub fn once(stamp: &Path, lock: &Path, what: &str, install: impl FnOnce() -> Result<(), String>) {
    if stamp.is_file() {
        return;
    }
    if let Some(dir) = lock.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let deadline = Instant::now() + Duration::from_secs(600);
    loop {
        if stamp.is_file() {
            return;
        }
        if std::fs::File::create_new(lock).is_ok() {
            break;
        }
        let stale = std::fs::metadata(lock)
            .and_then(|m| m.modified())
            .is_ok_and(|t| SystemTime::now().duration_since(t).unwrap_or_default() > Duration::from_secs(600));
        if stale {
            let _ = std::fs::remove_file(lock);
        }
        assert!(Instant::now() < deadline, "waited 10 minutes for another test to install {what}");
        std::thread::sleep(Duration::from_millis(500));
    }
    let result = install().and_then(|()| std::fs::write(stamp, what).map_err(|e| e.to_string()));
    let _ = std::fs::remove_file(lock);
    result.unwrap_or_else(|e| panic!("installing {what}: {e}"));
}

/// Runs an install step: its output, or what it printed when it failed.
pub fn run(cmd: &mut Command) -> Result<Output, String> {
    let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{cmd:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(out)
}
