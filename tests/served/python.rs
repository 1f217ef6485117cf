//! `awscli` v1 and `boto3` from PyPI, installed for the tests into `tools/py/` (ignored by git) once per checkout:
//! `python3 -m venv` + `pip install` of pinned versions (under a minute; a lock keeps parallel tests from installing
//! twice).

use super::install::run;
use std::path::PathBuf;
use std::process::Command;

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
    super::install::once(&stamp, &project().join("tools/.py.lock"), "tools/py", || {
        run(Command::new("python3").args(["-m", "venv", "--clear"]).arg(&venv))?;
        let pip = ["install", "--quiet", "--disable-pip-version-check"];
        run(Command::new(venv.join("bin/pip")).args(pip).args(PACKAGES)).map(drop)
    });
    venv.join("bin")
}
