//! Views: the hash key space, shard lanes, readers, the data viewer, capacity meters and shard lineage, and the
//! consuming side (registered consumers, fan-out timelines, consumer applications).
//! One component per file; the region files (`hash_key_space.rs`, `shards.rs`, `readers.rs`) compose them.

mod capacity;
mod consumer_apps;
mod data_viewer;
mod fan_out;
pub mod hash_bar;
pub mod kit;
mod lane_timeline;
mod lineage;
mod reader_actions;
mod reader_card;
mod reader_form;
mod routing_steps;
mod sequence_detail;
mod shard_lane;

pub use capacity::CapacityRegion;
pub use consumer_apps::apps;
pub use data_viewer::DataViewerRegion;
pub use fan_out::{register, registered, timeline};
pub use hash_bar::{hash_bar, HashBarProps};
pub use lane_timeline::lane_timeline;
pub use lineage::lineage;
pub use reader_card::ReaderCard;
pub use reader_form::ReaderForm;
pub use routing_steps::{routing_steps, RoutingStepsProps};
pub use sequence_detail::{sequence_detail, SequenceDetailProps};
pub use shard_lane::ShardLane;

use crate::engine::Stream;
use crate::ui::Playground;

/// The stream the views show, if it still exists.
pub fn selected_stream(p: &Playground) -> Option<&Stream> {
    p.selected_stream.as_deref().and_then(|n| p.console().engine().stream(n))
}

/// The `value` of an input or select element that fired `e` (read by name, so it works for any element).
pub fn event_value(e: &yew::Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A callback that stores the value of the input or select that fired it in `state`, parsed (the type's default,
/// 0 or empty, when it does not parse).
pub fn store_value<T, E>(state: &yew::UseStateHandle<T>) -> yew::Callback<E>
where
    T: std::str::FromStr + Default + 'static,
    E: AsRef<yew::Event> + 'static,
{
    let state = state.clone();
    yew::Callback::from(move |e: E| state.set(event_value(e.as_ref()).parse().unwrap_or_default()))
}

/// The small tag on what the current lesson step talks about (the element also gets the `lesson-focus` class).
pub fn focus_tag(on: bool) -> yew::Html {
    if on {
        crate::ui::components::markup::text_el("span", "focus-tag", yew::AttrValue::Static("this step"))
    } else {
        yew::Html::default()
    }
}

/// The CSS class of a shard's colour (the palette has 8 colours, cycling).
pub fn shard_class(index: u32) -> String {
    format!("shard-{}", index % 8)
}

/// `shardId-000000000003` -> `shard 3`, for tight labels.
pub fn short_shard(index: u32) -> String {
    format!("shard {index}")
}

/// A duration rounded down to whole seconds, for countdowns: `4m 58s`.
pub fn whole_seconds(ms: crate::time::Millis) -> String {
    if ms < 1000 {
        return "under a second".to_owned();
    }
    crate::time::format_duration(ms / 1000 * 1000)
}

/// Clock time of day with milliseconds, `00:00:05.123`.
pub fn time_of_day(ms: crate::time::Millis) -> String {
    crate::time::format_short(ms).split_once(' ').map(|(_, t)| t.to_owned()).unwrap_or_default()
}
