//! The few pieces the consuming side's views and forms are built from, each compiled once: a table of text
//! ([`crate::view::consumers::Table`]: lease tables, workers, consumers, generators; cells are text nodes, never
//! HTML), a labelled input or select, and a button that runs a console line.

use crate::lean::Fixed;
use crate::ui::{Origin, PlaygroundHandle};
use crate::view::consumers::{Row, Table};
use yew::prelude::*;

/// The table, labelled `label`; `actions` adds a last cell of buttons to each row.
pub fn text_table(label: String, t: &Table, actions: Option<&dyn Fn(&Row) -> Html>) -> Html {
    let bar = t.rows.iter().any(|r| r.bar.is_some());
    html! {
        <div class="text-table">
            <table aria-label={label}>
                <thead><tr>
                    { for t.head.iter().map(|h| html! { <th>{ *h }</th> }) }
                    if bar { <th>{ "checkpoint → tip" }</th> }
                </tr></thead>
                <tbody>{ for t.rows.iter().map(|r| html! {
                    <tr key={r.key.clone()} class={r.loud.then_some("is-loud")}>
                        { for r.cells.iter().map(|c| html! { <td title={c.clone()}>{ c.clone() }</td> }) }
                        if let Some(p) = r.bar { <td><span class="meter__track"><span class="meter__fill"
                            style={format!("width:{}%", Fixed(p, 0))}></span></span></td> }
                        if let Some(a) = actions { <td class="text-table__actions">{ a(r) }</td> }
                    </tr> }) }</tbody>
            </table>
        </div>
    }
}

/// A labelled text input (`kind` is its `type`) that reports every change of its value.
pub fn field(label: &'static str, kind: &'static str, value: &str, oninput: Callback<InputEvent>) -> Html {
    html! {
        <label class="field"><span class="field__label">{ label }</span>
            <input class="field__input" type={kind} value={value.to_owned()} {oninput} spellcheck="false" /></label>
    }
}

/// A labelled select of (value, text) options.
pub fn select(label: &'static str, options: Vec<(String, String)>, selected: &str, onchange: Callback<Event>) -> Html {
    html! {
        <label class="field"><span class="field__label">{ label }</span>
            <select class="field__input" aria-label={label} {onchange}>
                { for options.into_iter().map(|(v, t)| { let on = v == selected; html! { <option selected={on} value={v}>{ t }</option> } }) }
            </select></label>
    }
}

/// A form's submit: runs `line` in the console, as a control, when the form's values make one (the page's own
/// submit, a reload, is prevented either way).
pub fn submit_runs(handle: &PlaygroundHandle, line: Option<String>) -> Callback<SubmitEvent> {
    let handle = handle.clone();
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        if let Some(line) = &line {
            handle.run(line, Origin::Control);
        }
    })
}

/// A small button that runs `line` in the console, as a control.
pub fn run_button(handle: &PlaygroundHandle, text: String, line: String) -> Html {
    let handle = handle.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        handle.run(&line, Origin::Control);
    });
    html! { <button type="button" class="button button--small" {onclick}>{ text }</button> }
}
