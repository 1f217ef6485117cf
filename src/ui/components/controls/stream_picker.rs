//! Picks the stream the page shows, when there are several.

use crate::ui::components::markup::text_el;
use crate::ui::PlaygroundHandle;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A select over every stream; nothing when there are fewer than two.
pub fn stream_picker(handle: &PlaygroundHandle) -> Html {
    let (names, selected) = {
        let p = handle.view();
        let names: Vec<String> = p.console().engine().streams().map(|s| s.name.clone()).collect();
        (names, p.shown_stream().map(|s| s.name.clone()))
    };
    if names.len() < 2 {
        return html! {};
    }
    let onchange = {
        let handle = handle.clone();
        Callback::from(move |e: Event| {
            let name = e.target_unchecked_into::<HtmlSelectElement>().value();
            handle.update(|p| p.selected_stream = Some(name));
        })
    };
    html! {
        <label class="stream-picker">
            { text_el("span", "", AttrValue::Static("Showing stream")) }
            <select {onchange} aria-label="Stream to show">
                { for names.iter().map(|n| html! {
                    <option key={n.clone()} value={n.clone()} selected={selected.as_deref() == Some(n.as_str())}>{ n.clone() }</option>
                }) }
            </select>
            { text_el("small", "", format!("{} streams in this account", names.len()).into()) }
        </label>
    }
}
