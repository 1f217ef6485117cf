//! The shards region: each shard's records, sequence numbers and throughput.

use super::Region;
use yew::prelude::*;

#[function_component(ShardsRegion)]
pub fn shards_region() -> Html {
    let intro = html! {
        { "A shard is an ordered log of records. Each new record gets a sequence number larger than the one \
           before it in the same shard. Here you see records arrive in each shard, how long they are kept, and \
           when a shard is asked to take more than its 1 MB or 1,000 records per second." }
    };
    html! {
        <Region label="Shards" kind="shards" {intro}>
            <p class="region__empty">{ "There are no shards yet: they appear when you create a stream." }</p>
        </Region>
    }
}
