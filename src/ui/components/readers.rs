//! The readers region: consumers walking shards with shard iterators; the data viewer region beside it.

use super::region;
use super::views::{DataViewerRegion, ReaderCard, ReaderForm};
use crate::ui::components::markup::text_el;
use crate::ui::use_playground;
use yew::prelude::*;

#[function_component(ReadersRegion)]
pub fn readers_region() -> Html {
    let handle = use_playground();
    let ids: Vec<u32> = handle.view().readers.iter().map(|r| r.id).collect();
    let intro = html! {
        <>
            { "A reader walks a shard with a shard iterator. Where it starts depends on the iterator type: " }
            { text_el("code", "", AttrValue::Static("TRIM_HORIZON")) }{ " (the oldest record kept), " }
            { text_el("code", "", AttrValue::Static("LATEST")) }{ " (only records that arrive from now on), a sequence number or a \
               timestamp. Each reader's position, and how far it is behind the newest record, shows here." }
        </>
    };
    html! {
        <>
            { region("Readers", "readers", intro, html! { <>
                <ReaderForm />
                if ids.is_empty() {
                    { text_el("p", "region__empty", AttrValue::Static("No reader is following a shard yet.")) }
                } else {
                    <div class="readers">{ for ids.iter().map(|&id| html! { <ReaderCard key={id} {id} /> }) }</div>
                }
            </> }) }
            <DataViewerRegion />
        </>
    }
}
