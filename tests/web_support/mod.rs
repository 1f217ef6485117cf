//! What the browser tests of the views share (`mod web_support;`): a Yew harness whose session comes from console
//! lines run through the playground's handle, and small DOM helpers. Each test file gives its own root component
//! (the regions it tests, with [`Setup`] inside their `PlaygroundProvider`) to [`render`].
#![allow(dead_code)]

use kinesis_playground::ui::{use_playground, Origin, PlaygroundHandle};
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

thread_local! {
    static HANDLE: RefCell<Option<PlaygroundHandle>> = const { RefCell::new(None) };
    static SETUP: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Runs the lines given to [`render`] once, with the clock paused, and keeps the handle for [`run`].
#[function_component(Setup)]
pub fn setup() -> Html {
    let handle = use_playground();
    use_effect_with((), move |_| {
        handle.update(|p| p.clock.playing = false);
        for line in SETUP.with(|s| s.take()) {
            handle.run(&line, Origin::Typed);
        }
        HANDLE.with(|h| *h.borrow_mut() = Some(handle));
    });
    html! {}
}

pub async fn tick() {
    gloo_timers::future::sleep(Duration::from_millis(40)).await;
}

/// Renders the root component `H` (which holds [`Setup`]) over a session made by `lines`.
pub async fn render<H: BaseComponent<Properties = ()>>(lines: &[&str]) -> Element {
    SETUP.with(|s| *s.borrow_mut() = lines.iter().map(|l| l.to_string()).collect());
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("a div");
    document.body().expect("a body").append_child(&root).expect("appended");
    yew::Renderer::<H>::with_root(root.clone()).render();
    tick().await;
    tick().await;
    root
}

/// The rendered session's handle.
pub fn handle() -> PlaygroundHandle {
    HANDLE.with(|h| h.borrow().clone()).expect("a handle")
}

/// Runs more console lines in the rendered session.
pub async fn run(lines: &[&str]) {
    let handle = handle();
    for line in lines {
        handle.run(line, Origin::Typed);
    }
    tick().await;
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("a selector");
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect()
}

pub fn text(root: &Element, selector: &str) -> String {
    all(root, selector).iter().filter_map(|e| e.text_content()).collect::<Vec<_>>().join("\n")
}

/// Clicks the first element matching `selector`.
pub async fn click_first(root: &Element, selector: &str) {
    let el: HtmlElement =
        root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("{selector}")).dyn_into().unwrap();
    el.click();
    tick().await;
}

/// Sets an input's or select's value and fires the event Yew listens to (bubbling, like a real one).
pub async fn set_value(root: &Element, selector: &str, value: &str, event: &str) {
    let el = root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("{selector}"));
    js_sys::Reflect::set(&el, &"value".into(), &value.into()).unwrap();
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"bubbles".into(), &JsValue::TRUE).unwrap();
    let ctor: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"Event".into()).unwrap().dyn_into().unwrap();
    let args = js_sys::Array::of2(&event.into(), &init);
    let ev: web_sys::Event = js_sys::Reflect::construct(&ctor, &args).unwrap().unchecked_into();
    el.dispatch_event(&ev).unwrap();
    tick().await;
}
