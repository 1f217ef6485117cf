//! Browser tests of the views (wasm-bindgen-test in headless Chromium): the regions render inside a
//! PlaygroundProvider whose state comes from console lines run through the handle, and the tests assert on the DOM.
#![cfg(target_arch = "wasm32")]

mod web_support;

use kinesis_playground::ui::components::{HashKeySpaceRegion, ReadersRegion, ShardsRegion};
use kinesis_playground::ui::PlaygroundProvider;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{all, click_first as click, run, set_value, text, tick, Setup};
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[function_component(Harness)]
fn harness() -> Html {
    html! {
        <PlaygroundProvider>
            <Setup />
            <HashKeySpaceRegion />
            <ShardsRegion />
            <ReadersRegion />
        </PlaygroundProvider>
    }
}

/// Renders the views over a session made by `lines`.
async fn render(lines: &[&str]) -> Element {
    web_support::render::<Harness>(lines).await
}

fn stream(shards: u32) -> [String; 2] {
    [format!("aws kinesis create-stream --stream-name s --shard-count {shards}"), "sim clock advance 1m".to_owned()]
}

#[wasm_bindgen_test]
async fn hash_bar_has_one_labelled_segment_per_open_shard() {
    let lines = stream(4);
    let root = render(&[&lines[0], &lines[1]]).await;
    let segments = all(&root, ".keyspace-seg");
    assert_eq!(segments.len(), 4);
    assert_eq!(
        segments[0].get_attribute("aria-label").as_deref(),
        Some("shardId-000000000000: hash keys 0 to 85070591730234615865843651857942052863")
    );
    assert_eq!(segments[3].text_content().as_deref(), Some("shard 3"));
    assert_eq!(segments[1].get_attribute("tabindex").as_deref(), Some("0"));
}

#[wasm_bindgen_test]
async fn routing_steps_show_md5_and_the_owning_shard() {
    for (shards, owner) in [(2, "shardId-000000000001"), (3, "shardId-000000000002"), (4, "shardId-000000000003")] {
        let lines = stream(shards);
        let root = render(&[&lines[0], &lines[1]]).await;
        let steps = text(&root, ".routing-steps");
        assert!(steps.contains("c4ca4238a0b923820dcc509a6f75849b"), "{steps}");
        assert!(steps.contains("261578874264819908609102035485573088411"), "{steps}");
        assert!(steps.contains(owner), "{shards} shards: {steps}");
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn lanes_show_records_and_decode_a_clicked_sequence_number() {
    let lines = stream(1);
    let root = render(&[
        &lines[0],
        &lines[1],
        "aws kinesis put-record --stream-name s --partition-key a --data aGk=",
        "sim clock advance 5s",
        "aws kinesis put-record --stream-name s --partition-key b --data aGk=",
    ])
    .await;
    assert_eq!(all(&root, ".lane").len(), 1);
    assert!(text(&root, ".lane-rows").contains("a"));
    assert_eq!(all(&root, ".lane-rows tbody tr").len(), 2);
    click(&root, ".seq-button").await;
    let detail = text(&root, ".seq-detail");
    assert!(detail.contains("shardId-000000000000"), "{detail}");
    assert!(detail.contains("record number 2"), "{detail}");
    assert!(detail.contains("went up by 1"), "{detail}");
}

#[wasm_bindgen_test]
async fn trim_horizon_reads_records_and_latest_waits_for_new_ones() {
    let lines = stream(1);
    let root =
        render(&[&lines[0], &lines[1], "aws kinesis put-record --stream-name s --partition-key a --data aGk="]).await;
    click(&root, ".reader-form button[type=submit]").await;
    set_value(&root, "select[aria-label=\"Iterator type\"]", "LATEST", "change").await;
    click(&root, ".reader-form button[type=submit]").await;
    assert_eq!(all(&root, ".reader").len(), 2);
    click(&root, "article[aria-label=\"Reader R1\"] .button--primary").await;
    click(&root, "article[aria-label=\"Reader R2\"] .button--primary").await;
    assert!(text(&root, "article[aria-label=\"Reader R1\"]").contains("1 record(s) returned"));
    assert!(text(&root, "article[aria-label=\"Reader R2\"]").contains("0 record(s) returned"));
    run(&["sim clock advance 1s", "aws kinesis put-record --stream-name s --partition-key b --data aGk="]).await;
    click(&root, "article[aria-label=\"Reader R2\"] .button--primary").await;
    assert!(text(&root, "article[aria-label=\"Reader R2\"]").contains("1 record(s) returned"));
}

#[wasm_bindgen_test]
async fn an_expired_iterator_is_shown_with_a_way_out() {
    let lines = stream(1);
    let root = render(&[&lines[0], &lines[1]]).await;
    click(&root, ".reader-form button[type=submit]").await;
    run(&["sim clock advance 6m"]).await;
    assert!(text(&root, ".reader").contains("expired"));
    click(&root, "article[aria-label=\"Reader R1\"] .button--primary").await;
    assert!(text(&root, ".reader__error").contains("ExpiredIteratorException"));
    click(&root, ".reader__error .button").await;
    assert!(all(&root, ".reader__error").is_empty());
}

#[wasm_bindgen_test]
async fn splitting_from_the_lineage_makes_three_shards() {
    let lines = stream(2);
    let root = render(&[&lines[0], &lines[1]]).await;
    click(&root, "button[aria-label=\"Split shardId-000000000000\"]").await;
    // The shard map changes when UPDATING ends.
    assert_eq!(all(&root, ".keyspace-seg").len(), 2, "still two shards while UPDATING");
    run(&["sim clock advance 5s"]).await;
    assert_eq!(all(&root, ".keyspace-seg").len(), 3);
    assert!(text(&root, ".lane--closed").contains("Closed by a split"));
}

#[wasm_bindgen_test]
async fn the_data_viewer_switches_between_text_json_and_base64() {
    let lines = stream(1);
    let root = render(&[&lines[0], &lines[1],
        "aws kinesis put-record --stream-name s --partition-key k --data '{\"a\":1}' --cli-binary-format raw-in-base64-out"]).await;
    let viewer = root.query_selector("section[aria-label=\"Data viewer\"]").unwrap().expect("a data viewer");
    click(&viewer, ".viewer__controls .button--primary").await;
    assert_eq!(text(&viewer, ".viewer__payload"), "{\"a\":1}");
    let buttons = all(&viewer, ".segmented__item");
    buttons[1].dyn_ref::<HtmlElement>().unwrap().click();
    tick().await;
    assert_eq!(text(&viewer, ".viewer__payload"), "{\n  \"a\": 1\n}");
    buttons[2].dyn_ref::<HtmlElement>().unwrap().click();
    tick().await;
    assert_eq!(text(&viewer, ".viewer__payload"), "eyJhIjoxfQ==");
}

#[wasm_bindgen_test]
async fn a_reader_at_a_closed_shards_end_offers_its_children() {
    let lines = stream(1);
    let root =
        render(&[&lines[0], &lines[1], "aws kinesis put-record --stream-name s --partition-key a --data aGk="]).await;
    click(&root, "button[aria-label=\"Split shardId-000000000000\"]").await;
    run(&["sim clock advance 5s"]).await;
    click(&root, ".reader-form button[type=submit]").await;
    click(&root, "article[aria-label=\"Reader R1\"] .button--primary").await;
    let card = text(&root, "article[aria-label=\"Reader R1\"]");
    assert!(card.contains("1 record(s) returned"), "{card}");
    assert!(card.contains("read its children next: shardId-000000000001, shardId-000000000002"), "{card}");
    click(&root, ".reader__children .button").await;
    let second = text(&root, "article[aria-label=\"Reader R2\"]");
    assert!(second.contains("shardId-000000000001"), "{second}");
    assert!(text(&root, ".lane--closed").contains("R1 read this shard to its end"));
}
