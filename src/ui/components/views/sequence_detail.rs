//! A sequence number taken apart: shard, counter, arrival second, and how it grew from the previous record's.

use crate::ui::components::markup::text_el;
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
        return text_el(
            "p",
            "seq-detail",
            AttrValue::Static("This is not a sequence number this playground can read."),
        );
    };
    let close = props.on_close.reform(|_| ());
    html! {
        <div class="seq-detail" role="region" aria-label="Sequence number explained">
            <div class="seq-detail__head">
                { text_el("strong", "", AttrValue::Static("Sequence number, decoded")) }
                <button class="button button--small" onclick={close}>{ "Close" }</button>
            </div>
            { text_el("code", "seq-detail__full", x.decimal.clone().into()) }
            <dl class="facts facts--compact">
                { text_el("dt", "", AttrValue::Static("Shard")) }{ text_el("dd", "", x.shard_id.clone().into()) }
                { text_el("dt", "", AttrValue::Static("Shard created")) }{ text_el("dd", "", x.shard_created.clone().into()) }
                { text_el("dt", "", AttrValue::Static("Counter")) }{ text_el("dd", "", x.counter.clone().into()) }
                { text_el("dt", "", AttrValue::Static("Arrival second")) }{ text_el("dd", "", x.arrival.clone().into()) }
            </dl>
            if let Some(g) = x.growth.clone() { { text_el("p", "seq-detail__growth", g.into()) } }
        </div>
    }
}
