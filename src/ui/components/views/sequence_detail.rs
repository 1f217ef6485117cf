//! A sequence number taken apart: shard, counter, arrival second, and how it grew from the previous record's.

use crate::view::sequence::explain;
use yew::prelude::*;

pub struct SequenceDetailProps {
    pub sequence_number: AttrValue,
    /// The previous record's number in the same shard (or the shard's StartingSequenceNumber).
    pub previous: Option<AttrValue>,
    pub on_close: Callback<()>,
}

/// A plain function, not a component: it has no hooks, and a component of its own costs the page's wasm Yew's
/// per-component code (mount, reuse, props comparison) for nothing.
pub fn sequence_detail(props: &SequenceDetailProps) -> Html {
    let Some(x) = explain(&props.sequence_number, props.previous.as_deref()) else {
        return html! { <p class="seq-detail">{ "This is not a sequence number this playground can read." }</p> };
    };
    let close = props.on_close.reform(|_| ());
    html! {
        <div class="seq-detail" role="region" aria-label="Sequence number explained">
            <div class="seq-detail__head">
                <strong>{ "Sequence number, decoded" }</strong>
                <button class="button button--small" onclick={close}>{ "Close" }</button>
            </div>
            <code class="seq-detail__full">{ x.decimal.clone() }</code>
            <dl class="facts facts--compact">
                <dt>{ "Shard" }</dt><dd>{ x.shard_id.clone() }</dd>
                <dt>{ "Shard created" }</dt><dd>{ x.shard_created.clone() }</dd>
                <dt>{ "Counter" }</dt><dd>{ x.counter.clone() }</dd>
                <dt>{ "Arrival second" }</dt><dd>{ x.arrival.clone() }</dd>
            </dl>
            if let Some(g) = x.growth.clone() { <p class="seq-detail__growth">{ g }</p> }
        </div>
    }
}
