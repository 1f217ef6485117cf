//! The consumers region: enhanced fan-out consumers and their pushed events, and KCL-style consumer applications.

use super::views::{ConsumerApps, FanOutTimeline, RegisteredConsumers};
use super::Region;
use yew::prelude::*;

#[function_component(ConsumersRegion)]
pub fn consumers_region() -> Html {
    let intro = html! {
        { "Readers that poll GetRecords share each shard's 5 calls and 2 MiB a second. A consumer registered for \
           enhanced fan-out gets its own 2 MiB a second per shard, pushed to it over a SubscribeToShard \
           subscription that lasts 5 minutes and is then renewed. An application in the style of the Kinesis \
           Client Library shares the shards among its workers through a lease table and checkpoints what it \
           has processed." }
    };
    html! {
        <Region label="Consumers" kind="consumers" {intro}>
            <RegisteredConsumers />
            <FanOutTimeline />
            <ConsumerApps />
        </Region>
    }
}
