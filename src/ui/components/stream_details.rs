//! The stream details region: the create-stream form, the stream picker, the selected stream's details and its
//! producers.

use super::controls::{CreateStreamForm, ProducersPanel, StreamFacts};
use super::region;
use crate::ui::components::markup::text_el;
use yew::prelude::*;

/// A plain function, not a component: it has no hooks, and a component of its own costs the page's wasm Yew's
/// per-component code (mount, reuse, props comparison) for nothing.
pub fn stream_details_region() -> Html {
    let intro = html! {
        <>
            { "The stream's name, status, shard count, retention period, ARN and settings (encryption, shard-level metrics, record size), as " }
            { text_el("code", "", AttrValue::Static("aws kinesis describe-stream-summary")) }
            { " reports them. Every button here runs the matching command in the console." }
        </>
    };
    html! {
        { region("Stream details", "details", intro, html! { <>
            <div class="details-body">
                <div class="details-grid">
                    <div class="details-grid__main">
                        <StreamFacts />
                    </div>
                    <CreateStreamForm />
                </div>
                <ProducersPanel />
            </div>
        </> }) }
    }
}
