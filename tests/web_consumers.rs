//! Browser tests of the consuming side (wasm-bindgen-test in headless Chromium): registered consumers, fan-out
//! timelines, consumer applications, the data generator and the capacity meters render from console lines; their
//! buttons run the commands they say; text from records and templates stays text.
#![cfg(target_arch = "wasm32")]

mod web_support;

use kinesis_playground::ui::components::controls::ProducersPanel;
use kinesis_playground::ui::components::{ConsumersRegion, ShardsRegion};
use kinesis_playground::ui::PlaygroundProvider;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{all, handle, run, set_value, text, tick, Setup};
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[function_component(Harness)]
fn harness() -> Html {
    html! {
        <PlaygroundProvider>
            <Setup />
            <ConsumersRegion />
            <ProducersPanel />
            // The shards region, with the capacity region in it: record data shows in its lanes.
            <ShardsRegion />
        </PlaygroundProvider>
    }
}

const ARN: &str = "arn:aws:kinesis:us-east-1:123456789012:stream/s";

/// Renders the regions over a two-shard stream `s`, ACTIVE, and then `lines`.
async fn render(lines: &[&str]) -> Element {
    let mut all = vec!["aws kinesis create-stream --stream-name s --shard-count 2", "sim clock advance 1m"];
    all.extend_from_slice(lines);
    web_support::render::<Harness>(&all).await
}

/// The last command the console ran.
fn last_command() -> String {
    handle().view().log.back().map(|e| e.output.input.clone()).unwrap_or_default()
}

/// Clicks the button inside `within` whose accessible name (aria-label, else text) is `name`.
async fn click(root: &Element, within: &str, name: &str) {
    let button = all(root, &format!("{within} button"))
        .into_iter()
        .find(|b| b.get_attribute("aria-label").or_else(|| b.text_content()).is_some_and(|t| t.trim() == name))
        .unwrap_or_else(|| panic!("a button {name} in {within}"));
    button.dyn_into::<HtmlElement>().unwrap().click();
    tick().await;
}

#[wasm_bindgen_test]
async fn register_subscribe_and_deregister_run_their_commands() {
    let root = render(&[]).await;
    assert!(text(&root, "section[aria-label=\"Consumers\"]").contains("No consumer is registered"));
    set_value(&root, "form[aria-label=\"Register a consumer\"] input", "reader-a", "input").await;
    click(&root, "form[aria-label=\"Register a consumer\"]", "Register consumer").await;
    assert_eq!(
        last_command(),
        format!("aws kinesis register-stream-consumer --stream-arn {ARN} --consumer-name reader-a")
    );
    let table = text(&root, "table[aria-label=\"Registered consumers\"]");
    assert!(table.contains("reader-a") && table.contains("CREATING"), "{table}");
    run(&["sim clock advance 10s", "sim producer add --stream-name s --rate 20 --keys 4"]).await;
    assert!(text(&root, "table[aria-label=\"Registered consumers\"]").contains("ACTIVE"));
    click(&root, "table[aria-label=\"Registered consumers\"]", "Subscribe 30 s").await;
    assert!(last_command().starts_with(&format!("sim subscribe-to-shard --consumer-arn {ARN}/consumer/reader-a:")));
    assert!(last_command().ends_with("--shard-id shardId-000000000000 --starting-position Type=LATEST --for 30s"));
    let lanes = text(&root, ".fan-out-lanes");
    assert!(lanes.contains("reader-a") && lanes.contains("records pushed"), "{lanes}");
    assert!(lanes.contains("ContinuationSequenceNumber") && lanes.contains("MillisBehindLatest"), "{lanes}");
    assert!(lanes.contains("subscribed (LATEST)"), "{lanes}");
    click(&root, "table[aria-label=\"Registered consumers\"]", "Deregister").await;
    assert!(last_command().starts_with("aws kinesis deregister-stream-consumer --consumer-arn "));
    assert!(text(&root, "table[aria-label=\"Registered consumers\"]").contains("DELETING"));
}

#[wasm_bindgen_test]
async fn an_app_with_two_workers_moves_its_leases_when_one_is_removed() {
    let root = render(&[]).await;
    click(&root, "form[aria-label=\"Add a consumer application\"]", "Add app").await;
    assert_eq!(last_command(), "sim consumer-app add --stream-name s --app-name shop --workers 2");
    run(&["sim clock advance 3s"]).await;
    let leases = text(&root, "table[aria-label=\"Lease table of shop\"]");
    assert!(leases.contains("worker-1") && leases.contains("worker-2"), "{leases}");
    click(&root, "table[aria-label=\"Workers of shop\"]", "Remove worker-2").await;
    assert_eq!(last_command(), "sim consumer-app worker remove --app-name shop --worker worker-2");
    assert!(text(&root, ".consumer-app").contains("1 lease without an owner"));
    run(&["sim clock advance 2s"]).await;
    let rows = all(&root, "table[aria-label=\"Lease table of shop\"] tbody tr");
    assert_eq!(rows.len(), 2);
    for row in rows {
        assert!(row.text_content().unwrap_or_default().contains("worker-1"), "every lease moved to worker-1");
    }
    click(&root, "article[aria-label=\"Application shop\"]", "Add worker").await;
    assert_eq!(last_command(), "sim consumer-app worker add --app-name shop");
    click(&root, "article[aria-label=\"Application shop\"]", "Remove app").await;
    assert_eq!(last_command(), "sim consumer-app remove --app-name shop");
    assert!(all(&root, ".consumer-app").is_empty());
}

#[wasm_bindgen_test]
async fn test_template_shows_html_as_text_and_a_preset_generator_starts() {
    let root = render(&[]).await;
    let form = "form[aria-label=\"Start a data generator\"]";
    click(&root, form, "Test template").await;
    assert_eq!(last_command(), "sim generator test --preset atm");
    assert_eq!(all(&root, ".generator__samples li").len(), 5);
    assert!(text(&root, ".generator__samples").contains("\"trans_type\""));
    set_value(&root, "textarea[aria-label=\"Template\"]", "<b id=\"evil\">{{counter}}</b>", "input").await;
    click(&root, form, "Test template").await;
    assert!(last_command().starts_with("sim generator test --template '<b id=\"evil\">"));
    assert!(root.query_selector("#evil").unwrap().is_none(), "the template's HTML is not HTML in the page");
    assert!(text(&root, ".generator__samples").contains("<b id=\"evil\">1</b>"));
    set_value(&root, &format!("{form} select"), "atm", "change").await;
    click(&root, form, "Start generator").await;
    assert_eq!(last_command(), "sim generator add --stream-name s --rate 10 --preset atm");
    run(&["sim clock advance 2s"]).await;
    let table = text(&root, "table[aria-label=\"Generators\"]");
    assert!(table.contains("20") && table.contains("running"), "{table}");
    click(&root, "table[aria-label=\"Generators\"]", "Pause").await;
    assert_eq!(last_command(), "sim generator pause 1");
}

#[wasm_bindgen_test]
async fn capacity_separates_shared_reads_from_each_fan_out_consumer() {
    let root = render(&[
        &format!("aws kinesis register-stream-consumer --stream-arn {ARN} --consumer-name fan"),
        "sim clock advance 10s",
        "sim generator add --stream-name s --rate 50 --template '<img src=x onerror=alert(1)>' --keys 8",
        "sim consumer-app add --stream-name s --app-name efo --workers 1 --enhanced-fan-out",
        "sim clock advance 15s",
    ])
    .await;
    let capacity = text(&root, "section[aria-label=\"Capacity\"]");
    assert!(capacity.contains("Shared by every GetRecords reader"), "{capacity}");
    assert!(capacity.contains("Enhanced fan-out: each consumer its own 2 MiB/s"), "{capacity}");
    assert!(all(&root, "[role=meter][aria-label=\"efo\"]").len() == 2, "one meter per shard for the app's consumer");
    assert!(text(&root, ".lane-rows").contains("<img src=x onerror=alert(1)>"), "the payload shows, as text");
    assert!(root.query_selector("img").unwrap().is_none(), "record data never becomes HTML");
}
