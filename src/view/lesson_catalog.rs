//! The lessons that come with the playground: file names (under `lessons/`, which the page fetches on demand from
//! `lessons/<file>` beside itself) and titles, in curriculum order. Only these names and titles are in the page's
//! wasm; the lesson text never is. `tests/lesson_catalog.rs` checks the list against `lessons/*.md`.

/// One built-in lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogEntry {
    /// The file under `lessons/`.
    pub file: &'static str,
    /// The lesson's title (its `# ` line).
    pub title: &'static str,
}

/// The built-in lessons, in order.
pub const CATALOG: &[CatalogEntry] = &[
    CatalogEntry { file: "01-first-stream.md", title: "Your first stream" },
    CatalogEntry { file: "02-partition-keys.md", title: "Partition keys and hash key ranges" },
    CatalogEntry { file: "03-sequence-numbers.md", title: "Sequence numbers" },
    CatalogEntry { file: "04-iterator-types.md", title: "The five iterator types" },
    CatalogEntry { file: "05-retention.md", title: "Retention on a fast clock" },
    CatalogEntry { file: "06-provisioned-capacity.md", title: "Provisioned capacity: throttling and hot keys" },
    CatalogEntry { file: "07-resharding.md", title: "Resharding: split, merge, parents before children" },
    CatalogEntry { file: "08-on-demand.md", title: "On-demand mode and switching modes" },
    CatalogEntry { file: "09-keeping-up.md", title: "A consumer that keeps up" },
];

/// The entry for a file name.
pub fn entry(file: &str) -> Option<&'static CatalogEntry> {
    CATALOG.iter().find(|e| e.file == file)
}

/// The lesson after `file`, if any.
pub fn next_after(file: &str) -> Option<&'static CatalogEntry> {
    let i = CATALOG.iter().position(|e| e.file == file)?;
    CATALOG.get(i + 1)
}
