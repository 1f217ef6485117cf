//! Browser tests of saving, undo, reset, share links and the lesson panel (wasm-bindgen-test in headless
//! Chromium), driven through the DOM as a learner would.
#![cfg(target_arch = "wasm32")]

use kinesis_playground::ui::links::{make_fragment, read_fragment, unpack, LinkKind, MAX_LINK_CHARS};
use kinesis_playground::ui::storage::{self, SESSION_KEY};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    gloo_timers::future::sleep(Duration::from_millis(40)).await;
}

/// Waits (up to 2 s) until `check` holds; links unpack asynchronously.
async fn until(what: &str, mut check: impl FnMut() -> bool) {
    for _ in 0..50 {
        if check() {
            return;
        }
        settle().await;
    }
    panic!("waited 2 s for {what}");
}

/// Renders the App into a fresh `<div>` with the live clock paused. `fresh` forgets the stored session first.
async fn render_app(fresh: bool) -> Element {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("a div");
    document.body().expect("a body").append_child(&root).expect("appended");
    if fresh {
        storage::forget(SESSION_KEY);
    }
    yew::Renderer::<kinesis_playground::ui::App>::with_root(root.clone()).render();
    settle().await;
    if let Some(pause) = button(&root, "Pause") {
        pause.click();
        settle().await;
    }
    root
}

/// Removes an app's page from the document (its Yew app stays, idle and paused).
fn remove(root: &Element) {
    root.remove();
}

fn button(root: &Element, name: &str) -> Option<HtmlElement> {
    let all = root.query_selector_all("button").ok()?;
    (0..all.length()).filter_map(|i| all.item(i)?.dyn_into::<HtmlElement>().ok()).find(|b| {
        b.get_attribute("aria-label").or_else(|| b.text_content()).map(|t| t.trim().to_owned()).as_deref() == Some(name)
    })
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

fn console_input(root: &Element) -> HtmlInputElement {
    root.query_selector("input[aria-label=\"Console command\"]").unwrap().expect("a console input").dyn_into().unwrap()
}

async fn run_typed(root: &Element, line: &str) {
    let input = console_input(root);
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

/// The last log entry's standard output.
fn last_stdout(root: &Element) -> String {
    let all = root.query_selector_all(".console-entry__stdout").unwrap();
    all.item(all.length().saturating_sub(1)).and_then(|e| e.text_content()).unwrap_or_default()
}

async fn stream_names(root: &Element) -> String {
    run_typed(root, "aws kinesis list-streams --query StreamNames --output text").await;
    last_stdout(root).trim().to_owned()
}

#[wasm_bindgen_test]
async fn the_session_is_saved_as_it_goes_and_restored_after_a_reload() {
    let first = render_app(true).await;
    run_typed(&first, "aws kinesis create-stream --stream-name Kept --shard-count 2").await;
    run_typed(&first, "sim clock advance 1m").await;
    let stored = storage::load(SESSION_KEY).expect("the session is stored at once");
    assert!(stored.contains("\"kind\": \"kinesis-playground-session\"") && stored.contains("--stream-name Kept"));
    remove(&first);

    let again = render_app(false).await;
    let notice = text_of(&again, ".session-bar__notice");
    assert!(notice.contains("restored") && notice.contains("2 commands"), "a line says so: {notice}");
    assert_eq!(stream_names(&again).await, "Kept", "the stream came back");
    assert_eq!(text_of(&again, "[aria-label=\"Simulated time\"]"), "2024-01-01 00:01:00 UTC", "and the clock");
    remove(&again);
}

#[wasm_bindgen_test]
async fn a_damaged_stored_session_is_set_aside_with_a_kind_word() {
    storage::save(SESSION_KEY, "{\"kind\": \"kinesis-playground-session\", \"version\": 9}").unwrap();
    let root = render_app(false).await;
    let notice = text_of(&root, ".session-bar__notice");
    assert!(notice.contains("could not be restored") && notice.contains("newer version"), "{notice}");
    assert_eq!(stream_names(&root).await, "", "a fresh start");
    remove(&root);
}

#[wasm_bindgen_test]
async fn undo_restores_the_previous_state_and_reset_clears_everything() {
    let root = render_app(true).await;
    assert!(button(&root, "Undo").unwrap().has_attribute("disabled"), "nothing to undo yet");
    run_typed(&root, "aws kinesis create-stream --stream-name A --shard-count 1").await;
    run_typed(&root, "sim clock advance 1m").await;
    run_typed(
        &root,
        "aws kinesis put-record --stream-name A --partition-key k --data aGk= --query SequenceNumber --output text",
    )
    .await;
    let first_seq = last_stdout(&root).trim().to_owned();
    run_typed(
        &root,
        "aws kinesis put-record --stream-name A --partition-key k --data aGk= --query SequenceNumber --output text",
    )
    .await;
    run_typed(&root, "aws kinesis create-stream --stream-name B --shard-count 1").await;
    assert_eq!(stream_names(&root).await, "A\tB");
    // list-streams was the last command: undo it, then the create of B, then the second put.
    for _ in 0..3 {
        button(&root, "Undo").unwrap().click();
        settle().await;
    }
    assert!(text_of(&root, ".session-bar__notice").contains("Undid `aws kinesis put-record"));
    assert_eq!(stream_names(&root).await, "A", "B is gone");
    run_typed(
        &root,
        "aws kinesis put-record --stream-name A --partition-key k --data aGk= --query SequenceNumber --output text",
    )
    .await;
    let replayed = last_stdout(&root).trim().to_owned();
    assert!(replayed > first_seq, "the undone put left no record behind: {replayed} follows {first_seq} directly");
    let stored = storage::load(SESSION_KEY).unwrap();
    assert!(!stored.contains("--stream-name B"), "the stored session follows the undo");

    button(&root, "Reset").unwrap().click();
    settle().await;
    button(&root, "Yes, reset").expect("Reset asks first").click();
    settle().await;
    assert_eq!(stream_names(&root).await, "");
    assert_eq!(text_of(&root, "[aria-label=\"Simulated time\"]"), "2024-01-01 00:00:00 UTC");
    remove(&root);
}

#[wasm_bindgen_test]
async fn links_round_trip_and_refuse_what_they_cannot_read() {
    let text = "{\"kind\": \"kinesis-playground-session\"} ".repeat(50);
    let fragment = make_fragment(LinkKind::Session, &text).await.unwrap();
    assert!(fragment.starts_with("s1=") && fragment.len() < text.len() / 4, "compressed: {} chars", fragment.len());
    let (kind, bytes) = read_fragment(&format!("#{fragment}")).unwrap().unwrap();
    assert_eq!(kind, LinkKind::Session);
    assert_eq!(unpack(kind, &bytes).await.unwrap(), text);

    assert!(read_fragment("#scenario=abc").is_none(), "scenario links are read elsewhere");
    assert!(read_fragment("").is_none());
    let newer = read_fragment("#s2=AAAA").unwrap().unwrap_err();
    assert!(newer.contains("newer version") && newer.contains("Nothing was changed"), "{newer}");
    let long = read_fragment(&format!("#l1={}", "A".repeat(MAX_LINK_CHARS + 1))).unwrap().unwrap_err();
    assert!(long.contains("too long"), "{long}");
    let damaged = read_fragment("#s1=%%%").unwrap().unwrap_err();
    assert!(damaged.contains("damaged"), "{damaged}");
    let (kind, bytes) = read_fragment("#s1=bm90LWRlZmxhdGU").unwrap().unwrap();
    let garbage = unpack(kind, &bytes).await.unwrap_err();
    assert!(garbage.contains("damaged"), "{garbage}");
}

/// Sets the test page's fragment (no reload).
fn set_hash(fragment: &str) {
    web_sys::window().unwrap().location().set_hash(fragment).unwrap();
}

#[wasm_bindgen_test]
async fn a_session_link_is_offered_and_replays_the_same_records_on_request() {
    let source = render_app(true).await;
    run_typed(&source, "aws kinesis create-stream --stream-name Shared --shard-count 1").await;
    run_typed(&source, "sim clock advance 1m").await;
    run_typed(&source, "aws kinesis put-record --stream-name Shared --partition-key p --data aGk= --query SequenceNumber --output text").await;
    let seq = last_stdout(&source).trim().to_owned();
    button(&source, "Share").unwrap().click();
    let mut link = String::new();
    until("the share link", || {
        link = source
            .query_selector("input[aria-label=\"Link to share\"]")
            .unwrap()
            .map(|i| i.unchecked_into::<HtmlInputElement>().value())
            .unwrap_or_default();
        !link.is_empty()
    })
    .await;
    remove(&source);

    set_hash(link.split_once('#').unwrap().1);
    let root = render_app(true).await;
    run_typed(&root, "aws kinesis create-stream --stream-name Mine --shard-count 1").await;
    until("the banner", || root.query_selector("[aria-label=\"Shared session\"]").unwrap().is_some()).await;
    assert!(text_of(&root, "[aria-label=\"Shared session\"]").contains("3 commands"));
    assert_eq!(stream_names(&root).await, "Mine", "nothing replaced by itself");
    button(&root, "Open it").unwrap().click();
    settle().await;
    run_typed(&root, "aws kinesis get-records --shard-iterator $(aws kinesis get-shard-iterator --stream-name Shared --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --query ShardIterator --output text) --query Records[0].SequenceNumber --output text").await;
    assert_eq!(last_stdout(&root).trim(), seq, "the same record, with the same sequence number");
    assert_eq!(stream_names(&root).await, "Shared");
    assert!(web_sys::window().unwrap().location().hash().unwrap().is_empty(), "the link is used up");
    remove(&root);
}

#[wasm_bindgen_test]
async fn refused_links_keep_the_current_session() {
    for (hash, expected) in [("s9=AAAA", "newer version"), ("s1=%%%", "damaged"), ("s1=bm90LWRlZmxhdGU", "damaged")] {
        storage::forget(SESSION_KEY);
        let root = render_app(true).await;
        run_typed(&root, "aws kinesis create-stream --stream-name Here --shard-count 1").await;
        set_hash(hash);
        remove(&root);
        let again = render_app(false).await;
        until("the refusal", || text_of(&again, "[role=\"alert\"]").contains(expected)).await;
        assert_eq!(stream_names(&again).await, "Here", "{hash}: the restored session is kept");
        set_hash("");
        remove(&again);
    }
}
