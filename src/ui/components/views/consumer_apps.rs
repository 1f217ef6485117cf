//! Consumer applications (`sim consumer-app`): the form to add one, and per application its lease table as the KCL
//! shows it, its workers, and buttons to add, stop or remove workers and to remove the application.

use super::text_table::text_table;
use super::{selected_stream, store_value};
use crate::ui::{use_playground, Origin};
use crate::view::consumer_apps::{add_app_line, app_view};
use crate::view::consumers::Row;
use yew::prelude::*;

#[function_component(ConsumerApps)]
pub fn consumer_apps() -> Html {
    let handle = use_playground();
    let name = use_state(|| "shop".to_owned());
    let workers = use_state(|| "2".to_owned());
    let efo = use_state(|| false);
    let p = handle.view();
    let Some(stream) = selected_stream(&p) else { return html! {} };
    let engine = p.console().engine();
    let line = add_app_line(&stream.name, &name, &workers, *efo);
    let run = |line: String| {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            handle.run(&line, Origin::Control);
        })
    };
    let onsubmit = {
        let (handle, line) = (handle.clone(), line.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Ok(line) = &line {
                handle.run(line, Origin::Control);
            }
        })
    };
    let on_efo = {
        let efo = efo.clone();
        Callback::from(move |_: Event| efo.set(!*efo))
    };
    let apps = p.console().simulation().apps().iter().filter(|a| a.stream == stream.name).map(|a| {
        let v = app_view(engine, a);
        let worker = |verb: &str| format!("sim consumer-app worker {verb} --app-name {}", v.name);
        let worker_actions = |r: &Row| html! { <>
            <button class="button button--small" onclick={run(format!("{} --worker {}", worker("stop"), r.key))}
                title="It stops renewing its leases: the others take them over once they expire">{ "Stop" }</button>
            <button class="button button--small" onclick={run(format!("{} --worker {}", worker("remove"), r.key))}
                aria-label={format!("Remove {}", r.key)}>{ "Remove" }</button>
        </> };
        html! {
            <article class="consumer-app" key={v.name.clone()} aria-label={format!("Application {}", v.name)}>
                <header class="reader__head">
                    <strong>{ v.name.clone() }</strong>
                    <span class="reader__type">{ v.mode.clone() }</span>
                    <button class="button button--small" onclick={run(worker("add"))}>{ "Add worker" }</button>
                    <button class="button button--small reader__remove" onclick={run(format!("sim consumer-app remove --app-name {}", v.name))}>
                        { "Remove app" }</button>
                </header>
                { text_table(&format!("Lease table of {}", v.name), &v.leases, None) }
                { text_table(&format!("Workers of {}", v.name), &v.workers, Some(&worker_actions)) }
                { for v.notes.iter().map(|n| html! { <p class="producer__alert">{ n.clone() }</p> }) }
            </article>
        }
    });
    html! {
        <div class="consumer-apps">
            <h3 class="producers__title">{ "Consumer applications (KCL-style)" }</h3>
            <form class="reader-form" aria-label="Add a consumer application" {onsubmit}>
                <label class="field"><span class="field__label">{ "Application name" }</span>
                    <input class="field__input" value={(*name).clone()} oninput={store_value::<_, InputEvent>(&name)} spellcheck="false" /></label>
                <label class="field"><span class="field__label">{ "Workers" }</span>
                    <input class="field__input field__input--narrow" type="number" min="1" max="64" value={(*workers).clone()}
                        oninput={store_value::<_, InputEvent>(&workers)} /></label>
                <label class="switch"><input type="checkbox" checked={*efo} onchange={on_efo} />
                    <span>{ "Enhanced fan-out" }</span></label>
                <button class="button button--primary" type="submit" disabled={line.is_err()}>{ "Add app" }</button>
                { match &line {
                    Ok(l) => html! { <p class="form__preview">{ "Runs " }<code>{ l.clone() }</code></p> },
                    Err(m) => html! { <p class="form-problem">{ m.clone() }</p> },
                } }
            </form>
            { for apps }
        </div>
    }
}
