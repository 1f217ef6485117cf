//! Consumer applications (`sim consumer-app`): per application its lease table as the KCL shows it, its workers,
//! and buttons to add, stop or remove workers and to remove the application.

use super::kit::{run_button, text_table};
use crate::ui::{Playground, PlaygroundHandle};
use crate::view::consumer_apps::app_view;
use crate::view::consumers::Row;
use yew::prelude::*;

/// The applications reading `stream`.
pub fn apps(handle: &PlaygroundHandle, p: &Playground, stream: &str) -> Html {
    let engine = p.console().engine();
    let apps = p.console().simulation().apps().iter().filter(|a| a.stream == stream).map(|a| {
        let v = app_view(engine, a);
        let worker = |verb: &str| format!("sim consumer-app worker {verb} --app-name {}", v.name);
        let worker_actions = |r: &Row| html! { <>
            { run_button(handle, format!("Stop {}", r.key), format!("{} --worker {}", worker("stop"), r.key)) }
            { run_button(handle, format!("Remove {}", r.key), format!("{} --worker {}", worker("remove"), r.key)) }
        </> };
        html! {
            <article class="consumer-app" key={v.name.clone()} aria-label={format!("Application {}", v.name)}>
                <p class="reader__head">
                    <strong>{ v.name.clone() }</strong>
                    <span class="reader__type">{ v.mode.clone() }</span>
                    { run_button(handle, "Add worker".into(), worker("add")) }
                    { run_button(handle, "Remove app".into(), format!("sim consumer-app remove --app-name {}", v.name)) }
                </p>
                { text_table(format!("Lease table of {}", v.name), &v.leases, None) }
                { text_table(format!("Workers of {}", v.name), &v.workers, Some(&worker_actions)) }
                { for v.notes.iter().map(|n| html! { <p class="producer__alert">{ n.clone() }</p> }) }
                if let Some(e) = &v.last_error { <p class="producer__error">{ format!("Last error: {e}") }</p> }
            </article>
        }
    });
    apps.collect()
}
