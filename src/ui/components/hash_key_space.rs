//! The hash key space region: which shard owns which slice of `[0, 2^128 - 1]`, and where keys land.

use super::Region;
use yew::prelude::*;

#[function_component(HashKeySpaceRegion)]
pub fn hash_key_space_region() -> Html {
    let intro = html! {
        <>
            { "Kinesis turns every partition key into a 128-bit number with MD5: its hash key. Each shard owns one \
               slice of the numbers from 0 to 2" }
            <sup>{ "128" }</sup>
            { " − 1, and a record goes to the shard whose slice holds its hash key. This strip shows the slices \
               and where your records land." }
        </>
    };
    html! {
        <Region label="Hash key space" kind="keyspace" {intro}>
            <div class="keyspace-bar" aria-hidden="true"></div>
            <div class="keyspace-scale" aria-hidden="true">
                <span>{ "0" }</span>
                <span>{ "2" }<sup>{ "127" }</sup></span>
                <span>{ "2" }<sup>{ "128" }</sup>{ " − 1" }</span>
            </div>
        </Region>
    }
}
