//! "Try these": the seed tutorial's commands, one click away. A click fills the console's input; it never runs.

use super::{browser::focus_by_id, CONSOLE_INPUT_ID};
use crate::ui::components::markup::text_el;
use yew::prelude::*;

/// The tutorial's commands, verbatim (the put-record line keeps its inner double quotes on purpose: the console
/// explains, with a hint, what the shell does to them).
const EXAMPLES: &[(&str, &str)] = &[
    ("Create a stream with one shard", "aws kinesis create-stream --stream-name DemoStream --shard-count 1"),
    ("Wait until it is ACTIVE", "aws kinesis wait stream-exists --stream-name DemoStream"),
    (
        "Put a record",
        r#"aws kinesis put-record --stream-name DemoStream --partition-key 1 --cli-binary-format raw-in-base64-out --data "{"trans_id": 1, "trans_type": "ATM", "amt": 200}""#,
    ),
    (
        "Get an iterator at the oldest record",
        "SHARD_ITERATOR=$(aws kinesis get-shard-iterator --stream-name DemoStream --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --query 'ShardIterator')",
    ),
    ("Read the records", "aws kinesis get-records --shard-iterator $SHARD_ITERATOR"),
    ("List every operation", "aws kinesis help"),
    ("The playground's own commands", "sim help"),
];

pub struct TryTheseProps {
    /// Puts a command into the console's input.
    pub on_pick: Callback<String>,
}

/// Clickable example commands.
/// A plain function, not a component: it has no hooks, and a component of its own costs the page's wasm Yew's
/// per-component code (mount, reuse, props comparison) for nothing.
pub fn try_these(props: &TryTheseProps) -> Html {
    let items = EXAMPLES.iter().map(|(what, line)| {
        let onclick = {
            let on_pick = props.on_pick.clone();
            Callback::from(move |_: MouseEvent| {
                on_pick.emit((*line).to_owned());
                focus_by_id(CONSOLE_INPUT_ID);
            })
        };
        html! {
            <li key={*line}>
                <button type="button" class="example" {onclick} title="Put this command in the console (press Enter to run it)">
                    { text_el("span", "example__what", (*what).into()) }
                    { text_el("code", "example__line", (*line).into()) }
                </button>
            </li>
        }
    });
    html! {
        <details class="try-these" open=true>
            { text_el("summary", "", AttrValue::Static("Try these")) }
            <p class="try-these__intro">
                { "The seed tutorial, step by step. A click puts the command in the console; press Enter to run it." }
            </p>
            <ul class="try-these__list">{ for items }</ul>
        </details>
    }
}
