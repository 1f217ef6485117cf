//! Browser tests (wasm-bindgen-test in headless Chromium): `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

#[path = "vectors/routing.rs"]
mod routing;

use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const REGIONS: [&str; 5] = ["Console", "Hash key space", "Shards", "Readers", "Stream details"];

/// Renders the App into a fresh `<div>` in the body and lets Yew finish its first render.
async fn render_app() -> Element {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("a div");
    document.body().expect("a body").append_child(&root).expect("appended");
    // Each test starts afresh: the page would otherwise restore the session an earlier test left in storage.
    kinesis_playground::ui::storage::forget(kinesis_playground::ui::storage::SESSION_KEY);
    yew::Renderer::<kinesis_playground::ui::App>::with_root(root.clone()).render();
    gloo_timers::future::sleep(Duration::from_millis(50)).await;
    root
}

#[wasm_bindgen_test]
async fn app_renders_the_header_and_every_region() {
    let root = render_app().await;
    let title = root.query_selector("header h1").unwrap().expect("a page title");
    assert_eq!(title.text_content().as_deref(), Some("Kinesis Playground"));
    assert!(root.query_selector("header p").unwrap().is_some(), "a tagline");
    assert!(root.query_selector("main").unwrap().is_some(), "a main landmark");
    for name in REGIONS {
        let region = root
            .query_selector(&format!("section[aria-label=\"{name}\"]"))
            .unwrap()
            .unwrap_or_else(|| panic!("a region labelled {name:?}"));
        let heading = region.query_selector("h2").unwrap().expect("a heading");
        assert_eq!(heading.text_content().as_deref(), Some(name));
        let intro = region.text_content().unwrap_or_default();
        assert!(intro.len() > 60, "{name:?} explains itself: {intro:?}");
    }
}

#[wasm_bindgen_test]
async fn theme_button_cycles_system_light_dark() {
    let root = render_app().await;
    let html = web_sys::window().unwrap().document().unwrap().document_element().unwrap();
    let button: HtmlElement =
        root.query_selector(".theme-button").unwrap().expect("a theme button").dyn_into().unwrap();
    let start = html.get_attribute("data-theme");
    // Waits (up to 2 s, for a loaded machine) until the theme is or is not `want`.
    let settle = |want: Option<String>, equal: bool| {
        let html = html.clone();
        async move {
            for _ in 0..100 {
                if (html.get_attribute("data-theme") == want) == equal {
                    break;
                }
                gloo_timers::future::sleep(Duration::from_millis(20)).await;
            }
            html.get_attribute("data-theme")
        }
    };
    button.click();
    let after_one = settle(start.clone(), false).await;
    assert_ne!(start, after_one, "pressing the button changes the theme");
    button.click();
    button.click();
    assert_eq!(settle(start.clone(), true).await, start, "three presses come back to the start");
}

#[wasm_bindgen_test]
fn routing_and_sequence_vectors_in_wasm() {
    routing::check_all();
}
