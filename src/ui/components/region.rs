//! A labelled region of the page: a `<section aria-label>` with a heading, a short explanation and its content.

use crate::ui::components::markup::{el, text_el};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RegionProps {
    /// The accessible name and the visible heading (e.g. "Shards").
    pub label: AttrValue,
    /// The CSS modifier placing the region in the grid: `region--{kind}`.
    pub kind: AttrValue,
    /// One or two plain sentences telling a learner what this region shows.
    pub intro: Html,
    #[prop_or_default]
    pub children: Html,
}

/// A labelled region: assistive technology lists it as a landmark named `label`.
#[function_component(Region)]
pub fn region(props: &RegionProps) -> Html {
    html! {
        <section aria-label={props.label.clone()} class={classes!("region", format!("region--{}", props.kind))}>
            { text_el("h2", "region__title", props.label.clone().into()) }
            { el("p", "region__intro", vec![props.intro.clone()]) }
            { el("div", "region__body", vec![props.children.clone()]) }
        </section>
    }
}
