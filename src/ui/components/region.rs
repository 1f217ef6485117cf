//! A labelled region of the page: a `<section aria-label>` with a heading, a short explanation and its content.

use crate::ui::components::markup::{el, text_el};
use yew::prelude::*;

/// A labelled region: assistive technology lists it as a landmark named `label` (also its visible heading, e.g.
/// "Shards"); `kind` is the CSS modifier placing it in the grid (`region--{kind}`); `intro` is one or two plain
/// sentences telling a learner what it shows. A plain function, not a component: it has no state of its own, and
/// a component costs Yew's per-component code for nothing.
pub fn region(label: &'static str, kind: &'static str, intro: Html, children: Html) -> Html {
    html! {
        <section aria-label={label} class={classes!("region", format!("region--{kind}"))}>
            { text_el("h2", "region__title", AttrValue::Static(label)) }
            { el("p", "region__intro", vec![intro]) }
            { el("div", "region__body", vec![children]) }
        </section>
    }
}
