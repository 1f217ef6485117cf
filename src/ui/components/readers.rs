//! The readers region: consumers walking shards with shard iterators.

use super::Region;
use yew::prelude::*;

#[function_component(ReadersRegion)]
pub fn readers_region() -> Html {
    let intro = html! {
        <>
            { "A reader walks a shard with a shard iterator. Where it starts depends on the iterator type: " }
            <code>{ "TRIM_HORIZON" }</code>{ " (the oldest record kept), " }
            <code>{ "LATEST" }</code>{ " (only records that arrive from now on), a sequence number or a \
               timestamp. Each reader's position, and how far it is behind the newest record, shows here." }
        </>
    };
    html! {
        <Region label="Readers" kind="readers" {intro}>
            <p class="region__empty">{ "No reader is following a shard yet." }</p>
        </Region>
    }
}
