//! The create-stream form (the seed's Stage 1): name, capacity mode, shard count. It runs the equivalent
//! `aws kinesis create-stream ...` line, after checking the input in plain words.

use crate::ui::components::markup::text_el;
use crate::ui::{use_playground, Origin};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The most shards the form offers (the page draws every shard; the CLI itself takes more).
const MAX_FORM_SHARDS: u32 = 64;

/// The command the form would run, or what is wrong with the input.
fn command(name: &str, on_demand: bool, shards: &str, existing: bool) -> Result<String, String> {
    if name.is_empty() {
        return Err("Give the stream a name, for example DemoStream.".into());
    }
    if name.chars().count() > 128 {
        return Err("A stream name is at most 128 characters long.".into());
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c)) {
        return Err("A stream name may use only letters, digits, hyphens (-), underscores (_) and periods (.).".into());
    }
    if existing {
        return Err(format!("There is already a stream named {name}. Pick another name."));
    }
    if on_demand {
        return Ok(format!(
            "aws kinesis create-stream --stream-name {name} --stream-mode-details StreamMode=ON_DEMAND"
        ));
    }
    match shards.trim().parse::<u32>() {
        Ok(n) if (1..=MAX_FORM_SHARDS).contains(&n) => {
            Ok(format!("aws kinesis create-stream --stream-name {name} --shard-count {n}"))
        }
        _ => Err(format!("The shard count is a whole number from 1 to {MAX_FORM_SHARDS}.")),
    }
}

/// The form.
#[function_component(CreateStreamForm)]
pub fn create_stream_form() -> Html {
    let handle = use_playground();
    let name = use_state(|| "DemoStream".to_owned());
    let on_demand = use_state(|| false);
    let shards = use_state(|| "1".to_owned());
    let tried = use_state(|| false);
    let existing = handle.view().console().engine().stream(&name).is_some();
    let result = command(&name, *on_demand, &shards, existing);

    let text_input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let set_mode = |value: bool| {
        let on_demand = on_demand.clone();
        Callback::from(move |_: Event| on_demand.set(value))
    };
    let onsubmit = {
        let (handle, result, tried, name) = (handle.clone(), result.clone(), tried.clone(), (*name).clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match &result {
                Ok(line) => {
                    let (line, name) = (line.clone(), name.to_string());
                    handle.with_console(move |p| {
                        if p.run(&line, Origin::Control).exit_code == 0 {
                            // Show the new stream.
                            p.selected_stream = Some(name);
                        }
                    });
                    tried.set(false);
                }
                Err(_) => tried.set(true),
            }
        })
    };
    let just_created = existing && !*tried && handle.view().selected_stream.as_deref() == Some(name.as_str());
    let error = match (&result, *tried) {
        _ if just_created => html! {
            <p class="form__done" id="create-stream-error">
                { format!("{} exists now: see its details. To create another stream, change the name.", *name) }
            </p>
        },
        (Err(message), true) => {
            html! { <p class="form__error" id="create-stream-error" role="alert">{ message.clone() }</p> }
        }
        (Err(message), false) if !name.is_empty() => {
            html! { <p class="form__error" id="create-stream-error">{ message.clone() }</p> }
        }
        _ => html! {},
    };
    html! {
        <form class="form create-stream" aria-label="Create a stream" {onsubmit} novalidate=true>
            { text_el("h3", "form__title", AttrValue::Static("Create a stream")) }
            <label class="form__field">
                { text_el("span", "form__label", AttrValue::Static("Stream name")) }
                <input type="text" value={(*name).clone()} oninput={text_input(&name)} maxlength="128"
                    autocomplete="off" spellcheck="false" aria-invalid={result.is_err().to_string()}
                    aria-describedby="create-stream-error" />
            </label>
            <fieldset class="form__field form__choices">
                { text_el("legend", "form__label", AttrValue::Static("Capacity mode")) }
                <label><input type="radio" name="capacity-mode" checked={!*on_demand} onchange={set_mode(false)} />
                    { " Provisioned" }{ text_el("small", "", AttrValue::Static(" — you choose the shards and pay for each")) }</label>
                <label><input type="radio" name="capacity-mode" checked={*on_demand} onchange={set_mode(true)} />
                    { " On-demand" }{ text_el("small", "", AttrValue::Static(" — Kinesis adds shards as traffic grows")) }</label>
            </fieldset>
            if !*on_demand {
                <label class="form__field">
                    { text_el("span", "form__label", AttrValue::Static("Shard count")) }
                    <input type="number" min="1" max={MAX_FORM_SHARDS.to_string()} value={(*shards).clone()}
                        oninput={text_input(&shards)} class="form__number" />
                    { text_el("small", "form__help", AttrValue::Static("Each shard takes up to 1,000 records and 1 MiB per second (on average; bursts up to 10 MiB).")) }
                </label>
            }
            { error }
            <div class="form__actions">
                <button type="submit" class="button button--primary">{ "Create stream" }</button>
                if let Ok(line) = &result {
                    <p class="form__preview">{ "Runs " }{ text_el("code", "", line.clone().into()) }</p>
                }
            </div>
        </form>
    }
}
