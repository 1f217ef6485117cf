//! Routing explained: partition key -> UTF-8 bytes -> MD5 -> 128-bit hash key -> position -> owning shard.

use super::shard_class;
use crate::lean::Fixed;
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
            html! { <><span class="step__what">{ "MD5 of those bytes" }</span><code class="step__value">{ hex.clone() }</code></> }
        }
        None => html! { <><span class="step__what">{ "MD5 skipped" }</span>
        <span class="step__value">{ "the explicit hash key replaces it" }</span></> },
    };
    let owner = match &r.shard {
        Some((id, range)) => {
            let index = crate::engine::parse_shard_id(id).unwrap_or(0);
            html! {
                <>
                    <span class={classes!("shard-chip", shard_class(index))}>{ id.clone() }</span>
                    <span class="step__note">
                        { format!(" because {} ≤ hash key ≤ {}", range.starting_hash_key, range.ending_hash_key) }
                    </span>
                </>
            }
        }
        None if props.has_stream => {
            html! { <span class="step__value">{ "no open shard (the stream is changing)" }</span> }
        }
        None => html! { <span class="step__value">{ "create a stream to see which shard owns it" }</span> },
    };
    html! {
        <ol class="routing-steps" aria-label="How the partition key is routed">
            <li><span class="step__what">{ "UTF-8 bytes" }</span><code class="step__value">{ r.utf8_hex.clone() }</code></li>
            <li>{ md5 }</li>
            <li><span class="step__what">{ "As a 128-bit number (the hash key)" }</span>
                <code class="step__value">{ r.hash_key.clone() }</code></li>
            <li><span class="step__what">{ "Position in the space" }</span>
                <span class="step__value">{ format!("{} % of the way from 0 to 2^128 − 1", Fixed(r.fraction * 100.0, 2)) }</span></li>
            <li><span class="step__what">{ "Owning shard" }</span>{ owner }</li>
        </ol>
    }
}
