//! The data generator (`sim generator`): a template with placeholders or a preset (the tutorial's ATM transactions
//! first), the partition key strategy, the rate; "Test template" shows five sample records as text; the
//! generators with what they wrote and what was throttled, with Pause, Resume and Remove.

use crate::sim::generator::{preset, PRESETS};
use crate::ui::components::views::event_value;
use crate::ui::components::views::kit::{field, run_button, select, submit_runs, text_table};
use crate::ui::{use_playground, Origin};
use crate::view::consumers::Row;
use crate::view::generators::{add_line, generator_table, samples, test_line, GeneratorForm, KeyChoice};
use yew::prelude::*;

/// A callback that changes one field of the form to the value of the element that fired it.
fn edit<E: AsRef<Event> + 'static>(
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

/// The generator panel, drawn by the producers panel after its own (a hook rather than a component of its own,
/// which would cost the page a component's machinery).
#[hook]
pub fn use_generators_panel() -> Html {
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
    let test = test_line(&form);
    let add = stream.as_deref().ok_or_else(|| "Create a stream first.".to_owned()).and_then(|s| add_line(s, &form));
    let on_test = {
        let (handle, shown, line) = (handle.clone(), shown.clone(), test.clone());
        Callback::from(move |_: MouseEvent| {
            if let Ok(line) = line.clone() {
                let shown = shown.clone();
                handle.with_console(move |p| {
                    let out = p.run(&line, Origin::Control);
                    shown.set(if out.exit_code == 0 {
                        samples(&out.stdout)
                    } else {
                        vec![out.stderr.trim().to_owned()]
                    });
                });
            }
        })
    };
    let on_add = submit_runs(&handle, add.clone().ok());
    let actions = |r: &Row| {
        let verb = if r.cells[7] == "paused" { "resume" } else { "pause" };
        html! { <>
            { run_button(&handle, if verb == "pause" { "Pause" } else { "Resume" }.into(), format!("sim generator {verb} {}", r.key)) }
            { run_button(&handle, "Remove".into(), format!("sim generator remove {}", r.key)) }
        </> }
    };
    let value_label = match form.key {
        KeyChoice::Preset => "",
        KeyChoice::Template => "Key template",
        KeyChoice::Uniform => "Number of keys",
        KeyChoice::HotKey => "Hot key",
        KeyChoice::Field => "Field name",
    };
    let mut presets: Vec<(String, String)> = PRESETS.iter().map(|p| (p.name.into(), p.name.into())).collect();
    presets.push((String::new(), "(your own template)".into()));
    let keys = KeyChoice::ALL.iter().map(|(_, v, label)| ((*v).into(), (*label).into())).collect();
    let key_value = KeyChoice::ALL.iter().find(|c| c.0 == form.key).map_or("preset", |c| c.1);
    let pick_preset = edit(&form, |f, v| {
        if let Some(p) = preset(&v) {
            f.template = p.template.into()
        }
        f.preset = v;
    });
    html! {
        <section class="producers generators" aria-label="Data generators">
            <h3 class="producers__title">{ "Data generator" }</h3>
            <form class="reader-form" aria-label="Start a data generator" onsubmit={on_add} novalidate=true>
                { select("Preset", presets, &form.preset, pick_preset) }
                { field("Records per second", "number", &form.rate, edit(&form, |f, v| f.rate = v)) }
                { select("Partition key", keys, key_value, edit(&form, |f, v| f.key = KeyChoice::from_value(&v))) }
                if !value_label.is_empty() { { field(value_label, "text", &form.key_value, edit(&form, |f, v| f.key_value = v)) } }
                if form.key == KeyChoice::HotKey { { field("Hot key share (%)", "number", &form.share, edit(&form, |f, v| f.share = v)) } }
                <textarea class="generator__template" rows="3" spellcheck="false" aria-label="Template" value={form.template.clone()}
                    oninput={edit(&form, |f, v| f.template = v)} />
                <button type="button" class="button" onclick={on_test} disabled={test.is_err()}>{ "Test template" }</button>
                <button type="submit" class="button button--primary" disabled={add.is_err()}>{ "Start generator" }</button>
                if let Some(m) = add.as_ref().err().or(test.as_ref().err()) { <p class="form-problem">{ m.clone() }</p> }
            </form>
            <p class="form__help">{ "Placeholders: {{int 1 100}}, {{decimal 5 500 2}}, {{choice a|b}}, {{weighted a:3|b:1}}, {{counter}}, {{uuid}}, {{name}}, {{city}}, {{ip}}, {{time}} (all of them: sim generator help)." }</p>
            if !shown.is_empty() {
                <ol class="generator__samples" aria-label="Sample records">{ for shown.iter().map(|s| html! { <li><code>{ s.clone() }</code></li> }) }</ol>
            }
            if !table.rows.is_empty() { { text_table("Generators".into(), &table, Some(&actions)) } }
        </section>
    }
}
