//! The page's list of built-in lessons (`src/view/lesson_catalog.rs`: only file names and titles are in the wasm)
//! matches `lessons/*.md`: every file listed, in file-name order, each with the title its file gives.

use kinesis_playground::lesson::Lesson;
use kinesis_playground::view::lesson_catalog::{next_after, CATALOG};

#[test]
fn the_catalog_lists_every_lesson_file_in_order_with_its_title() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/lessons");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("a lessons/ folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".md") && n != "README.md")
        .collect();
    files.sort();
    let listed: Vec<&str> = CATALOG.iter().map(|e| e.file).collect();
    assert_eq!(listed, files, "src/view/lesson_catalog.rs lists lessons/*.md in order");
    for e in CATALOG {
        let text = std::fs::read_to_string(format!("{dir}/{}", e.file)).unwrap();
        let lesson = Lesson::parse(&text).unwrap_or_else(|err| panic!("{}: {err}", e.file));
        assert_eq!(lesson.title, e.title, "{}: the title in the catalog is the file's", e.file);
    }
    assert_eq!(next_after(CATALOG[0].file).map(|e| e.file), CATALOG.get(1).map(|e| e.file));
    assert_eq!(next_after(CATALOG[CATALOG.len() - 1].file), None);
}
