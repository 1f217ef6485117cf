//! `awscli` v1 and `boto3` from PyPI, installed for the tests into `tools/py/` (ignored by git) once per checkout:
//! `python3 -m venv` + `pip install` of pinned versions (under a minute; a lock keeps parallel tests from installing
//! twice).

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

/// The versions installed (the newest of each on the day they were pinned).
pub const PACKAGES: [&str; 2] = ["awscli==1.45.11", "boto3==1.43.11"];

fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The venv's `bin/` folder, installed if need be.
///
/// # Panics
/// When the install fails (PyPI unreachable, no `python3`): the tests cannot run, and say why.
pub fn bin() -> PathBuf {
    let venv = project().join("tools/py");
    let stamp = venv.join(format!(".installed-{}", PACKAGES.join("-")));
    if stamp.is_file() {
        return venv.join("bin");
    }
    let lock = project().join("tools/.py.lock");
    let _ = std::fs::create_dir_all(project().join("tools"));
    let deadline = Instant::now() + Duration::from_secs(600);
    loop {
        if stamp.is_file() {
            return venv.join("bin");
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
        assert!(Instant::now() < deadline, "waited 10 minutes for another test to install tools/py");
        std::thread::sleep(Duration::from_millis(500));
    }
    let run = |cmd: &mut Command| {
        let out = cmd.output().expect("runs");
        if !out.status.success() {
            let _ = std::fs::remove_file(&lock);
            panic!(
                "installing tools/py failed: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    };
    run(Command::new("python3").args(["-m", "venv", "--clear"]).arg(&venv));
    run(Command::new(venv.join("bin/pip")).args(["install", "--quiet", "--disable-pip-version-check"]).args(PACKAGES));
    std::fs::write(&stamp, "").expect("stamp");
    let _ = std::fs::remove_file(&lock);
    venv.join("bin")
}
