//! Routing explained: partition key -> UTF-8 bytes -> MD5 -> 128-bit hash key -> position -> owning shard.

use crate::lean::Fixed;
use crate::ui::components::markup::{el, shard_cls, text_el};
use crate::view::routing::{RoutingError, RoutingSteps as Steps};
use yew::prelude::*;

pub struct RoutingStepsProps {
    pub steps: Result<Steps, RoutingError>,
    /// Whether a stream with open shards is selected.
    pub has_stream: bool,
}

/// A plain function, not a component: it has no hooks, and a component of its own costs the page's wasm Yew's
/// per-component code (mount, reuse, props comparison) for nothing.
pub fn routing_steps(props: &RoutingStepsProps) -> Html {
    let r = match &props.steps {
        Ok(r) => r,
        Err(e) => return html! { <p class="routing-error" role="status">{ e.message() }</p> },
    };
    let md5 = match &r.md5_hex {
        Some(hex) => {
            html! { <>{ text_el("span", "step__what", AttrValue::Static("MD5 of those bytes")) }{ text_el("code", "step__value", hex.clone().into()) }</> }
        }
        None => html! { <>{ text_el("span", "step__what", AttrValue::Static("MD5 skipped")) }
        { text_el("span", "step__value", AttrValue::Static("the explicit hash key replaces it")) }</> },
    };
    let owner = match &r.shard {
        Some((id, range)) => {
            let index = crate::engine::parse_shard_id(id).unwrap_or(0);
            html! {
                <>
                    <span class={shard_cls("shard-chip", index)}>{ id.clone() }</span>
                    <span class="step__note">
                        { format!(" because {} ≤ hash key ≤ {}", range.starting_hash_key, range.ending_hash_key) }
                    </span>
                </>
            }
        }
        None if props.has_stream => {
            text_el("span", "step__value", AttrValue::Static("no open shard (the stream is changing)"))
        }
        None => text_el("span", "step__value", AttrValue::Static("create a stream to see which shard owns it")),
    };
    html! {
        <ol class="routing-steps" aria-label="How the partition key is routed">
            <li>{ text_el("span", "step__what", AttrValue::Static("UTF-8 bytes")) }{ text_el("code", "step__value", r.utf8_hex.clone().into()) }</li>
            { el("li", "", vec![md5]) }
            <li>{ text_el("span", "step__what", AttrValue::Static("As a 128-bit number (the hash key)")) }
                { text_el("code", "step__value", r.hash_key.clone().into()) }</li>
            <li>{ text_el("span", "step__what", AttrValue::Static("Position in the space")) }
                { text_el("span", "step__value", format!("{} % of the way from 0 to 2^128 − 1", Fixed(r.fraction * 100.0, 2)).into()) }</li>
            <li>{ text_el("span", "step__what", AttrValue::Static("Owning shard")) }{ owner }</li>
        </ol>
    }
}
