//! The shards region: each shard's records, sequence numbers and throughput; the capacity region beside it.

use super::region;
use super::views::{selected_stream, CapacityRegion, ShardLane};
use crate::time::{Millis, HOUR, MINUTE};
use crate::ui::components::markup::text_el;
use crate::ui::use_playground;
use yew::prelude::*;

#[function_component(ShardsRegion)]
pub fn shards_region() -> Html {
    let handle = use_playground();
    let zoom = use_state(|| 0usize);
    let p = handle.view();
    let stream = selected_stream(&p);
    let retention = stream.map_or(24 * HOUR, |s| s.retention_ms());
    let spans: [(Millis, String); 3] = [
        (MINUTE, "Last minute".into()),
        (HOUR, "Last hour".into()),
        (retention + retention / 4, "Whole retention period".into()),
    ];
    let intro = html! {
        { "A shard is an ordered log of records. Each new record gets a sequence number larger than the one \
           before it in the same shard. Here you see records arrive in each shard, how long they are kept, and \
           when a shard is asked to take more than its 1 MB or 1,000 records per second." }
    };
    let body = match stream {
        None => text_el(
            "p",
            "region__empty",
            AttrValue::Static("There are no shards yet: they appear when you create a stream."),
        ),
        Some(s) => {
            let span = spans[(*zoom).min(2)].0;
            let open_by_default = s.shards.len() <= 4;
            let buttons = spans.iter().enumerate().map(|(i, (_, label))| {
                let zoom = zoom.clone();
                html! { <button class="segmented__item" aria-pressed={(i == *zoom).to_string()}
                onclick={Callback::from(move |_| zoom.set(i))}>{ label.clone() }</button> }
            });
            html! {
                <>
                    <div class="segmented" role="group" aria-label="Time axis">{ for buttons }</div>
                    <div class="lanes">
                        { for s.shards.iter().map(|sh| html! { <ShardLane key={sh.index} index={sh.index} {span} {open_by_default} /> }) }
                    </div>
                </>
            }
        }
    };
    html! {
        <>
            { region("Shards", "shards", intro, html! { <>{ body }</> }) }
            <CapacityRegion />
        </>
    }
}
