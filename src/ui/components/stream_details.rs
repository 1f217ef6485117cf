//! The stream details region: what `describe-stream-summary` reports, and the simulated clock.

use super::Region;
use yew::prelude::*;

#[function_component(StreamDetailsRegion)]
pub fn stream_details_region() -> Html {
    let intro = html! {
        <>
            { "The stream's name, status, shard count, retention period and ARN, as " }
            <code>{ "aws kinesis describe-stream-summary" }</code>
            { " reports them, and the simulated clock that moves time forward." }
        </>
    };
    html! {
        <Region label="Stream details" kind="details" {intro}>
            <dl class="facts">
                <dt>{ "Stream" }</dt>
                <dd>{ "none yet" }</dd>
            </dl>
        </Region>
    }
}
