//! Browser tests of the stream settings and the write tank (wasm-bindgen-test in headless Chromium): the buttons
//! run the real commands, and the page shows what changed when UPDATING ended.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    gloo_timers::future::sleep(Duration::from_millis(40)).await;
}

async fn render_app() -> Element {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("a div");
    document.body().expect("a body").append_child(&root).expect("appended");
    // Each test starts afresh: the page would otherwise restore the session an earlier test left in storage.
    kinesis_playground::ui::storage::forget(kinesis_playground::ui::storage::SESSION_KEY);
    yew::Renderer::<kinesis_playground::ui::App>::with_root(root.clone()).render();
    settle().await;
    if let Some(pause) = button(&root, "Pause") {
        pause.click();
        settle().await;
    }
    root
}

fn button(root: &Element, name: &str) -> Option<HtmlElement> {
    let all = root.query_selector_all("button").ok()?;
    (0..all.length()).filter_map(|i| all.item(i)?.dyn_into::<HtmlElement>().ok()).find(|b| {
        b.get_attribute("aria-label").or_else(|| b.text_content()).map(|t| t.trim().to_owned()).as_deref() == Some(name)
    })
}

async fn run_typed(root: &Element, line: &str) {
    let input: HtmlInputElement = root
        .query_selector("input[aria-label=\"Console command\"]")
        .unwrap()
        .expect("a console input")
        .dyn_into()
        .unwrap();
    input.set_value(line);
    let init = EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    settle().await;
    let key = KeyboardEventInit::new();
    key.set_key("Enter");
    key.set_bubbles(true);
    key.set_cancelable(true);
    input.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &key).unwrap()).unwrap();
    settle().await;
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn encryption_and_record_size_buttons_run_the_commands_and_show_the_result() {
    let root = render_app().await;
    run_typed(&root, "aws kinesis create-stream --stream-name S --shard-count 1").await;
    run_typed(&root, "sim clock advance 10s").await;
    let settings = || text_of(&root, "dl[aria-label=\"Stream settings\"]");
    assert!(settings().contains("NONE"), "{}", settings());
    assert!(settings().contains("1024 KiB (1 MiB)"), "{}", settings());
    button(&root, "Start encryption with the key Kinesis manages").expect("an Encrypt button").click();
    settle().await;
    let log = text_of(&root, "[role=\"log\"][aria-label=\"Console output\"]");
    assert!(
        log.contains(
            "aws kinesis start-stream-encryption --stream-name S --encryption-type KMS --key-id alias/aws/kinesis"
        ),
        "{log}"
    );
    assert!(
        button(&root, "Change the maximum record size").expect("a size button").get_attribute("disabled").is_some(),
        "UPDATING: no changes"
    );
    run_typed(&root, "sim clock advance 10s").await;
    assert!(settings().contains("KMS, key alias/aws/kinesis"), "{}", settings());
    button(&root, "Change the maximum record size").expect("a size button").click();
    settle().await;
    assert!(settings().contains("10240 KiB (10 MiB)"), "{}", settings());
}

#[wasm_bindgen_test]
async fn the_capacity_view_shows_each_shards_write_tank() {
    let root = render_app().await;
    run_typed(&root, "aws kinesis create-stream --stream-name T --shard-count 1").await;
    run_typed(&root, "sim clock advance 10s").await;
    let tank = |root: &Element| {
        root.query_selector(".meter--tank [role=\"meter\"]").unwrap().and_then(|m| m.get_attribute("aria-valuenow"))
    };
    assert_eq!(tank(&root).as_deref(), Some("10485760"), "an idle shard's tank is full");
    run_typed(&root, "sim record --stream-name T --size 1MiB").await;
    assert_eq!(tank(&root).as_deref(), Some("9437183"), "1 MiB of data and a 1-byte key taken out");
}
