//! The golden transcripts, run through the wasm build in headless Chromium: the console must print exactly the same
//! bytes in the browser as natively. (`tests/cli_transcripts.rs` checks that every transcript is listed here.)
#![cfg(target_arch = "wasm32")]

#[path = "transcript_runner/mod.rs"]
mod transcript_runner;

use transcript_runner::{first_difference, run_transcript};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TRANSCRIPTS: &[(&str, &str)] = &[
    ("binary_format.txt", include_str!("transcripts/binary_format.txt")),
    ("capacity_rules.txt", include_str!("transcripts/capacity_rules.txt")),
    ("consumer_apps.txt", include_str!("transcripts/consumer_apps.txt")),
    ("consumers.txt", include_str!("transcripts/consumers.txt")),
    ("errors.txt", include_str!("transcripts/errors.txt")),
    ("generator.txt", include_str!("transcripts/generator.txt")),
    ("help.txt", include_str!("transcripts/help.txt")),
    ("large_records.txt", include_str!("transcripts/large_records.txt")),
    ("operations.txt", include_str!("transcripts/operations.txt")),
    ("output_formats.txt", include_str!("transcripts/output_formats.txt")),
    ("pagination.txt", include_str!("transcripts/pagination.txt")),
    ("reshard_rules.txt", include_str!("transcripts/reshard_rules.txt")),
    ("resharding.txt", include_str!("transcripts/resharding.txt")),
    ("seed_tutorial.txt", include_str!("transcripts/seed_tutorial.txt")),
    ("shell_and_sim.txt", include_str!("transcripts/shell_and_sim.txt")),
    ("sim_producers.txt", include_str!("transcripts/sim_producers.txt")),
    ("stream_settings.txt", include_str!("transcripts/stream_settings.txt")),
    ("throttling.txt", include_str!("transcripts/throttling.txt")),
    ("tutorial_query_capture.txt", include_str!("transcripts/tutorial_query_capture.txt")),
];

#[wasm_bindgen_test]
async fn transcripts_match_in_the_browser() {
    // The page fetches the model's descriptions with the first `help` and installs them; do what it does.
    assert!(kinesis_playground::cli::model::docs::install(include_str!("../src/cli/model/docs.json")));
    let mut failures = Vec::new();
    for (name, text) in TRANSCRIPTS {
        // Let the page breathe between transcripts: the test runner's webdriver calls time out when the page is
        // busy for longer than about 20 seconds at a stretch.
        gloo_timers::future::sleep(std::time::Duration::from_millis(1)).await;
        let actual = run_transcript(text);
        if actual != *text {
            failures.push(format!("{name}: {}", first_difference(text, &actual)));
        }
    }
    assert!(failures.is_empty(), "transcripts differ in wasm:\n{}", failures.join("\n"));
}
