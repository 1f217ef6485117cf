//! `--state FILE`: the served session kept across restarts, as the saved-session document (see
//! [`crate::session`]) that the page also opens and saves.
//!
//! On start the file is read and replayed before the server listens; a file that is damaged, from a newer
//! playground or does not replay is refused with the session's plain sentence, and the server does not start
//! (nothing half-loaded). A missing file is a fresh start. While serving, the document is written every
//! [`SAVE_INTERVAL`] when something changed, and once more on a clean stop. Each write goes to `FILE.tmp` first and
//! is then renamed over the file, so a crash mid-write leaves the previous state whole.

use super::clock::ClockMode;
use super::served::Served;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How often a changed state is written.
pub const SAVE_INTERVAL: Duration = Duration::from_secs(5);

/// The state file.
#[derive(Debug, Clone)]
pub struct StateFile {
    path: PathBuf,
}

impl StateFile {
    /// The file at `path` (nothing is read yet).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        StateFile { path: path.into() }
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The session the file holds, served with `clock`; `Ok(None)` when there is no file yet.
    ///
    /// # Errors
    /// A plain sentence naming the file: it cannot be read, or the session in it is refused.
    pub fn load(&self, clock: ClockMode) -> Result<Option<Served>, String> {
        let text = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("cannot read the state file {}: {e}", self.path.display())),
        };
        let text = String::from_utf8(text).map_err(|_| {
            format!(
                "the state file {} was not loaded: it is not text (UTF-8), so not a saved session",
                self.path.display()
            )
        })?;
        Served::open(clock, &text)
            .map(Some)
            .map_err(|e| format!("the state file {} was not loaded: {e}", self.path.display()))
    }

    /// Writes `document` (to `FILE.tmp`, then renamed over the file).
    ///
    /// # Errors
    /// When the folder cannot be written.
    pub fn save(&self, document: &str) -> io::Result<()> {
        let mut tmp = self.path.clone().into_os_string();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        fs::write(&tmp, document)?;
        fs::rename(&tmp, &self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::SessionConfig;
    use crate::session::Digest;

    fn temp_path(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kinesis-state-{}-{name}", std::process::id()));
        let _ = fs::create_dir_all(&dir);
        dir.join("state.json")
    }

    fn config() -> SessionConfig {
        SessionConfig {
            clock: ClockMode::Manual,
            start_time_ms: crate::engine::DEFAULT_START_MS,
            seed: 3,
            create_delay_ms: 500,
            update_delay_ms: 500,
            delete_delay_ms: 500,
        }
    }

    #[test]
    fn a_saved_state_loads_to_the_same_simulation() {
        let path = temp_path("round-trip");
        let file = StateFile::new(&path);
        assert!(file.load(ClockMode::Manual).expect("no file is fine").is_none());
        let mut served = Served::new(&config());
        served.run_line("aws kinesis create-stream --stream-name s --shard-count 2");
        served.advance(1_000).expect("manual");
        let put =
            served.call("Kinesis_20131202.PutRecord", r#"{"StreamName": "s", "PartitionKey": "k", "Data": "aGk="}"#);
        assert_eq!(put.status, 200, "{}", put.body);
        served.advance(250).expect("manual");
        file.save(&served.to_json()).expect("saved");
        let loaded = file.load(ClockMode::Manual).expect("loads").expect("a file");
        assert_eq!(Digest::of_console(loaded.console()).first_difference(&Digest::of_console(served.console())), None);
        assert_eq!(loaded.console().engine().now_ms(), served.console().engine().now_ms());
        let _ = fs::remove_dir_all(path.parent().expect("dir"));
    }

    #[test]
    fn a_damaged_or_newer_file_is_refused_whole() {
        let path = temp_path("refused");
        let file = StateFile::new(&path);
        fs::write(&path, "{\"kind\": \"kinesis-playground-session\", \"version\": 1, \"entr").expect("write");
        let e = file.load(ClockMode::Manual).err().expect("refused");
        assert!(e.contains("was not loaded") && e.contains("not valid JSON"), "{e}");
        fs::write(&path, r#"{"kind": "kinesis-playground-session", "version": 99, "entries": []}"#).expect("write");
        let e = file.load(ClockMode::Manual).err().expect("refused");
        assert!(e.contains("newer version"), "{e}");
        fs::write(&path, [0xff, 0xfe]).expect("write");
        assert!(file.load(ClockMode::Manual).is_err());
        let _ = fs::remove_dir_all(path.parent().expect("dir"));
    }
}
