//! The data generator (`sim generator`): a template with placeholders or a preset (the tutorial's ATM transactions
//! first), the partition key strategy, the rate; "Test template" shows five sample records as text; the
//! generators with what they wrote and what was throttled, with Pause, Resume and Remove.

use crate::sim::generator::PRESETS;
use crate::ui::components::views::{event_value, text_table};
use crate::ui::{use_playground, Origin};
use crate::view::consumers::Row;
use crate::view::generators::{add_line, generator_table, samples, test_line, GeneratorForm, KeyChoice};
use yew::prelude::*;

/// A callback that changes one field of the form to the value of the element that fired it.
fn edit_field<E: AsRef<Event> + 'static>(
    form: &UseStateHandle<GeneratorForm>,
    change: fn(&mut GeneratorForm, String),
) -> Callback<E> {
    let form = form.clone();
    Callback::from(move |e: E| {
        let mut f = (*form).clone();
        change(&mut f, event_value(e.as_ref()));
        form.set(f);
    })
}

#[function_component(GeneratorsPanel)]
pub fn generators_panel() -> Html {
    let handle = use_playground();
    let form = use_state(|| GeneratorForm {
        preset: PRESETS[0].name.into(),
        template: PRESETS[0].template.into(),
        share: "90".into(),
        rate: "10".into(),
        ..Default::default()
    });
    let shown = use_state(Vec::<String>::new);
    let (stream, table) = {
        let p = handle.view();
        (p.shown_stream().map(|s| s.name.clone()), generator_table(p.console().simulation().generators()))
    };
    let edit = |change| edit_field::<Event>(&form, change);
    let typed = |change| edit_field::<InputEvent>(&form, change);
    let test = test_line(&form);
    let add = stream.as_deref().ok_or_else(|| "Create a stream first.".to_owned()).and_then(|s| add_line(s, &form));
    let on_test = {
        let (handle, shown, line) = (handle.clone(), shown.clone(), test.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(out) = line.as_ref().ok().and_then(|l| handle.run(l, Origin::Control)) {
                shown.set(if out.exit_code == 0 { samples(&out.stdout) } else { vec![out.stderr.trim().to_owned()] });
            }
        })
    };
    let on_add = {
        let (handle, line) = (handle.clone(), add.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Ok(l) = &line {
                handle.run(l, Origin::Control);
            }
        })
    };
    let run = |line: String| {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            handle.run(&line, Origin::Control);
        })
    };
    let actions = |r: &Row| {
        let paused = r.cells.last().is_some_and(|s| s == "paused");
        html! { <>
            <button class="button button--small" onclick={run(format!("sim generator {} {}", if paused { "resume" } else { "pause" }, r.key))}>
                { if paused { "Resume" } else { "Pause" } }</button>
            <button class="button button--small" onclick={run(format!("sim generator remove {}", r.key))}
                aria-label={format!("Remove generator {}", r.key)}>{ "Remove" }</button>
        </> }
    };
    let value_label = match form.key {
        KeyChoice::Preset => None,
        KeyChoice::Template => Some("Key template, e.g. atm-{{int 1 20}}"),
        KeyChoice::Uniform => Some("Number of keys"),
        KeyChoice::HotKey => Some("Hot key"),
        KeyChoice::Field => Some("Field name"),
    };
    let problem = add.as_ref().err().or(test.as_ref().err());
    html! {
        <section class="producers" aria-label="Data generators">
            <h3 class="producers__title">{ "Data generator" }</h3>
            <form class="form" aria-label="Start a data generator" onsubmit={on_add} novalidate=true>
                <div class="form form--inline">
                    <label class="form__field"><span class="form__label">{ "Preset" }</span>
                        <select onchange={edit(|f, v| {
                            if let Some(p) = crate::sim::generator::preset(&v) { f.template = p.template.into() }
                            f.preset = v;
                        })}>
                            { for PRESETS.iter().map(|p| html! { <option key={p.name} value={p.name} selected={form.preset == p.name}
                                title={p.description}>{ p.name }</option> }) }
                            <option value="" selected={form.preset.is_empty()}>{ "(your own template)" }</option>
                        </select></label>
                    <label class="form__field"><span class="form__label">{ "Records per second" }</span>
                        <input type="number" class="form__number" min="1" value={form.rate.clone()} oninput={typed(|f, v| f.rate = v)} /></label>
                    <label class="form__field"><span class="form__label">{ "Partition key" }</span>
                        <select onchange={edit(|f, v| f.key = KeyChoice::from_value(&v))}>
                            { for KeyChoice::ALL.iter().map(|(c, v, label)| html! { <option key={*v} value={*v} selected={form.key == *c}>{ *label }</option> }) }
                        </select></label>
                    if let Some(label) = value_label {
                        <label class="form__field"><span class="form__label">{ label }</span>
                            <input type="text" spellcheck="false" value={form.key_value.clone()} oninput={typed(|f, v| f.key_value = v)} /></label>
                    }
                    if form.key == KeyChoice::HotKey {
                        <label class="form__field"><span class="form__label">{ "Hot key share (%)" }</span>
                            <input type="number" class="form__number" min="0" max="100" value={form.share.clone()} oninput={typed(|f, v| f.share = v)} /></label>
                    }
                </div>
                <label class="form__field"><span class="form__label">{ "Template (placeholders: sim generator help)" }</span>
                    <textarea class="generator__template" rows="3" spellcheck="false" aria-label="Template" value={form.template.clone()}
                        oninput={typed(|f, v| f.template = v)} /></label>
                <div class="reader__controls">
                    <button type="button" class="button" onclick={on_test} disabled={test.is_err()}>{ "Test template" }</button>
                    <button type="submit" class="button button--primary" disabled={add.is_err()}>{ "Start generator" }</button>
                </div>
                if let Some(m) = problem { <p class="form__error">{ m.clone() }</p> }
            </form>
            if !shown.is_empty() {
                <ol class="generator__samples" aria-label="Sample records">{ for shown.iter().map(|s| html! { <li><code>{ s.clone() }</code></li> }) }</ol>
            }
            if !table.rows.is_empty() { { text_table("Generators", &table, Some(&actions)) } }
        </section>
    }
}
