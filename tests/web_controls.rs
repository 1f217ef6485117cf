//! Browser tests of the page's controls (wasm-bindgen-test in headless Chromium): the console, the clock and the
//! create-stream form, driven through the DOM as a learner would.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    gloo_timers::future::sleep(Duration::from_millis(40)).await;
}

/// Renders the App into a fresh `<div>`, with the live clock paused so that time moves only when a test says so.
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

/// The button whose accessible name (aria-label, else its text) is `name`.
fn button(root: &Element, name: &str) -> Option<HtmlElement> {
    let all = root.query_selector_all("button").ok()?;
    (0..all.length()).filter_map(|i| all.item(i)?.dyn_into::<HtmlElement>().ok()).find(|b| {
        b.get_attribute("aria-label").or_else(|| b.text_content()).map(|t| t.trim().to_owned()).as_deref() == Some(name)
    })
}

fn console_input(root: &Element) -> HtmlInputElement {
    root.query_selector("input[aria-label=\"Console command\"]").unwrap().expect("a console input").dyn_into().unwrap()
}

fn log_text(root: &Element) -> String {
    root.query_selector("[role=\"log\"][aria-label=\"Console output\"]")
        .unwrap()
        .expect("a console log")
        .text_content()
        .unwrap_or_default()
}

/// Sets an input's value and fires `input`, as typing does.
fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

fn press(input: &HtmlInputElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    input.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

async fn run_typed(root: &Element, line: &str) {
    let input = console_input(root);
    type_into(&input, line);
    settle().await;
    press(&input, "Enter");
    settle().await;
}

#[wasm_bindgen_test]
async fn typing_a_command_and_enter_shows_its_output() {
    let root = render_app().await;
    run_typed(&root, "aws kinesis list-streams").await;
    let text = log_text(&root);
    assert!(text.contains("$ aws kinesis list-streams"), "the command is logged: {text}");
    assert!(text.contains("\"StreamNames\": []"), "its output is logged: {text}");
    assert_eq!(console_input(&root).value(), "", "the input is cleared");
}

#[wasm_bindgen_test]
async fn arrow_up_recalls_earlier_commands() {
    let root = render_app().await;
    run_typed(&root, "echo first").await;
    run_typed(&root, "echo second").await;
    let input = console_input(&root);
    press(&input, "ArrowUp");
    settle().await;
    assert_eq!(input.value(), "echo second");
    press(&input, "ArrowUp");
    settle().await;
    assert_eq!(input.value(), "echo first");
    press(&input, "ArrowDown");
    settle().await;
    assert_eq!(input.value(), "echo second");
}

#[wasm_bindgen_test]
async fn tab_completes_an_operation() {
    let root = render_app().await;
    let input = console_input(&root);
    type_into(&input, "aws kinesis create-str");
    settle().await;
    press(&input, "Tab");
    settle().await;
    assert_eq!(input.value(), "aws kinesis create-stream ");
}

#[wasm_bindgen_test]
async fn the_create_form_makes_a_stream_that_turns_active_as_time_passes() {
    let root = render_app().await;
    let form = root.query_selector("form[aria-label=\"Create a stream\"]").unwrap().expect("the create form");
    let name: HtmlInputElement = form.query_selector("input[type=\"text\"]").unwrap().unwrap().dyn_into().unwrap();
    type_into(&name, "Orders");
    settle().await;
    button(&form, "Create stream").expect("a Create button").click();
    settle().await;
    assert!(log_text(&root).contains("aws kinesis create-stream --stream-name Orders --shard-count 1"));
    let status = || root.query_selector(".stream-facts [role=\"status\"]").unwrap().and_then(|s| s.text_content());
    assert_eq!(status().as_deref(), Some("CREATING"));
    button(&root, "Step").expect("a Step button").click();
    settle().await;
    assert_eq!(status().as_deref(), Some("CREATING"), "one second is not enough");
    button(&root, "+1 min").expect("a +1 min button").click();
    settle().await;
    assert_eq!(status().as_deref(), Some("ACTIVE"));
}

#[wasm_bindgen_test]
async fn the_clock_controls_exist_with_their_names() {
    let root = render_app().await;
    for name in ["Play", "Step", "+1 min", "+1 h", "+1 day"] {
        assert!(button(&root, name).is_some(), "a button named {name:?}");
    }
    assert!(root.query_selector("select[aria-label=\"Simulation speed\"]").unwrap().is_some());
    let time = root.query_selector("[aria-label=\"Simulated time\"]").unwrap().expect("the simulated time");
    assert_eq!(time.text_content().as_deref(), Some("2024-01-01 00:00:00 UTC"));
    button(&root, "+1 h").unwrap().click();
    settle().await;
    assert_eq!(time.text_content().as_deref(), Some("2024-01-01 01:00:00 UTC"));
    button(&root, "Play").unwrap().click();
    settle().await;
    assert!(button(&root, "Pause").is_some(), "Play becomes Pause");
}

#[wasm_bindgen_test]
async fn an_example_fills_the_input_without_running() {
    let root = render_app().await;
    let example =
        root.query_selector(".try-these button").unwrap().expect("an example").dyn_into::<HtmlElement>().unwrap();
    example.click();
    settle().await;
    assert_eq!(console_input(&root).value(), "aws kinesis create-stream --stream-name DemoStream --shard-count 1");
    assert!(!log_text(&root).contains("$ aws kinesis create-stream"), "nothing ran");
}

#[wasm_bindgen_test]
async fn the_create_form_explains_a_bad_name_and_runs_nothing() {
    let root = render_app().await;
    let form = root.query_selector("form[aria-label=\"Create a stream\"]").unwrap().expect("the create form");
    let name: HtmlInputElement = form.query_selector("input[type=\"text\"]").unwrap().unwrap().dyn_into().unwrap();
    type_into(&name, "bad name!");
    settle().await;
    button(&form, "Create stream").unwrap().click();
    settle().await;
    let text = form.text_content().unwrap_or_default();
    assert!(text.contains("only letters, digits"), "{text}");
    assert!(!log_text(&root).contains("create-stream"), "nothing ran");
}

#[wasm_bindgen_test]
async fn playing_at_x3600_moves_the_clock_by_itself() {
    let root = render_app().await;
    let select: web_sys::HtmlSelectElement =
        root.query_selector("select[aria-label=\"Simulation speed\"]").unwrap().unwrap().dyn_into().unwrap();
    select.set_value("3600");
    let init = EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    button(&root, "Play").unwrap().click();
    gloo_timers::future::sleep(Duration::from_millis(600)).await;
    let time =
        root.query_selector("[aria-label=\"Simulated time\"]").unwrap().unwrap().text_content().unwrap_or_default();
    // 0.6 s of real time at 3600x is about 36 minutes of simulated time.
    assert!(time.as_str() > "2024-01-01 00:10:00 UTC", "the clock ran: {time}");
    button(&root, "Pause").unwrap().click();
}

#[wasm_bindgen_test]
async fn a_button_does_not_join_a_half_typed_command() {
    let root = render_app().await;
    run_typed(&root, "echo unfinished \\").await;
    button(&root, "+1 min").expect("a +1 min button").click();
    settle().await;
    let text = log_text(&root);
    assert!(text.contains("$ sim clock advance 1m"), "the button's command runs on its own: {text}");
    assert!(text.contains("was dropped"), "the learner is told the unfinished command went: {text}");
    run_typed(&root, "echo afterwards").await;
    assert!(log_text(&root).contains("$ echo afterwards"), "the console is back at a fresh prompt");
}
