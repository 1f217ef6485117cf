//! The hash key space region: which shard owns which slice of `[0, 2^128 - 1]`, and where keys land.

use super::region;
use super::views::{hash_bar, routing_steps, selected_stream, store_value, HashBarProps, RoutingStepsProps};
use crate::ui::components::markup::text_el;
use crate::ui::use_playground;
use crate::view::routing::route;
use yew::prelude::*;

#[function_component(HashKeySpaceRegion)]
pub fn hash_key_space_region() -> Html {
    let handle = use_playground();
    let key = use_state(|| "1".to_owned());
    let explicit = use_state(String::new);
    let bar_focus = use_state(|| None::<usize>);
    let p = handle.view();
    let stream = selected_stream(&p);
    let steps = route(stream, &key, Some(explicit.as_str()));
    let (segments, ticks) = stream.map(super::views::hash_bar::bar_model).unwrap_or_default();
    let marker = steps.as_ref().ok().map(|s| s.fraction);
    let focus: Vec<u32> = match (stream, p.focus()) {
        (Some(s), Some(f)) => segments.iter().map(|g| g.0).filter(|&i| f.has_shard(&s.name, i)).collect(),
        _ => Vec::new(),
    };
    let on_key = store_value::<_, InputEvent>(&key);
    let on_explicit = store_value::<_, InputEvent>(&explicit);
    let intro = html! {
        <>
            { "Kinesis turns every partition key into a 128-bit number with MD5: its hash key. Each shard owns one \
               slice of the numbers from 0 to 2" }
            <sup>{ "128" }</sup>
            { " − 1, and a record goes to the shard whose slice holds its hash key. This strip shows the slices \
               and where your records land." }
        </>
    };
    let caption = match stream {
        Some(s) => format!("{}: {} open shard(s); the small ticks are its latest records.", s.name, segments.len()),
        None => "No stream yet: create one to see its shards' slices.".to_owned(),
    };
    html! {
        { region("Hash key space", "keyspace", intro, html! { <>
            { text_el("p", "keyspace-caption", caption.into()) }
            { hash_bar(&HashBarProps { segments, ticks, marker, focus }, bar_focus) }
            <div class="keyspace-scale" aria-hidden="true">
                { text_el("span", "", AttrValue::Static("0")) }
                <span>{ "2" }<sup>{ "127" }</sup></span>
                <span>{ "2" }<sup>{ "128" }</sup>{ " − 1" }</span>
            </div>
            <div class="routing">
                <div class="routing__inputs">
                    <label class="field">
                        { text_el("span", "field__label", AttrValue::Static("Partition key")) }
                        <input class="field__input" type="text" value={(*key).clone()} oninput={on_key}
                            maxlength="300" spellcheck="false" />
                    </label>
                    <label class="field">
                        { text_el("span", "field__label", AttrValue::Static("Explicit hash key (optional)")) }
                        <input class="field__input" type="text" inputmode="numeric" value={(*explicit).clone()}
                            oninput={on_explicit} placeholder="e.g. 0" spellcheck="false" />
                    </label>
                </div>
                { routing_steps(&RoutingStepsProps { steps, has_stream: stream.is_some() }) }
            </div>
        </> }) }
    }
}
