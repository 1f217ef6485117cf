//! Lesson progress in localStorage (versioned, [`crate::ui::storage::PROGRESS_KEY`]), and fetching built-in
//! lesson files on demand (`lessons/<file>` beside the page, so sub-path hosting works).

use crate::lesson::{Lesson, Progress};
use crate::ui::storage::{self, PROGRESS_KEY};
use crate::ui::ActiveLesson;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The version of [`Stored`].
pub const STORED_VERSION: u32 = 1;

/// What is kept between visits.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    pub version: u32,
    /// Built-in lessons completed (their files).
    #[serde(default)]
    pub done: Vec<String>,
    /// The lesson in progress.
    #[serde(default)]
    pub current: Option<Current>,
    /// True once the first-visit offer was answered (or a lesson started).
    #[serde(default)]
    pub welcomed: bool,
}

/// The lesson in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Current {
    /// A built-in lesson's file; `None` for one from a file or a link (then `text` holds it).
    pub file: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    pub progress: Progress,
    #[serde(default)]
    pub setup_commands: usize,
}

impl Stored {
    /// What is stored, or a fresh start when nothing (or something unreadable, or of another version) is.
    pub fn load() -> Stored {
        storage::load(PROGRESS_KEY)
            .and_then(|t| serde_json::from_str::<Stored>(&t).ok())
            .filter(|s| s.version == STORED_VERSION)
            .unwrap_or(Stored { version: STORED_VERSION, ..Stored::default() })
    }

    /// Saves; the error is a sentence for the learner.
    pub fn save(&self) -> Result<(), String> {
        storage::save(PROGRESS_KEY, &serde_json::to_string(self).unwrap_or_default())
    }

    /// Records the lesson in progress (or none), and marks a completed built-in lesson done.
    pub fn follow(&mut self, lesson: Option<&ActiveLesson>) {
        self.current = lesson.map(|l| Current {
            file: l.file.clone(),
            text: l.file.is_none().then(|| l.text.clone()),
            progress: l.run.progress(),
            setup_commands: l.setup_commands,
        });
        if let Some(file) = lesson.filter(|l| l.run.is_complete()).and_then(|l| l.file.clone()) {
            if !self.done.contains(&file) {
                self.done.push(file);
            }
        }
        if lesson.is_some() {
            self.welcomed = true;
        }
    }
}

/// Fetches and parses a built-in lesson.
///
/// # Errors
/// A sentence when it could not be fetched or read.
pub async fn fetch_lesson(file: &str) -> Result<(Lesson, String), String> {
    let text = fetch_text(&format!("lessons/{file}")).await.map_err(|why| format!("The lesson {file} {why}."))?;
    let lesson = read_lesson(&text).await?;
    Ok((lesson, text))
}

/// Reads a lesson file ([`Lesson::parse`]) once the lesson reader is in: it comes with the command interpreter's
/// part (which the lesson's setup needs anyway).
///
/// # Errors
/// The lesson's refusal, as a sentence.
pub async fn read_lesson(text: &str) -> Result<Lesson, String> {
    crate::ui::parts::load(crate::parts::Part::Console).await;
    Lesson::parse(text).map_err(|e| e.to_string())
}

async fn fetch_text(url: &str) -> Result<String, &'static str> {
    let window = web_sys::window().ok_or("could not be loaded")?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| "could not be loaded (offline?)")?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "could not be loaded")?;
    if !response.ok() {
        return Err("is not on this site");
    }
    let text =
        JsFuture::from(response.text().map_err(|_| "could not be read")?).await.map_err(|_| "could not be read")?;
    text.as_string().ok_or("is not text")
}
