//! One way to draw every table of text the consuming side has ([`crate::view::consumers::Table`]): lease tables,
//! workers, registered consumers, generators. Cells are text nodes, never HTML.

use crate::view::consumers::{Row, Table};
use yew::prelude::*;

/// The table, labelled `label`; `actions` adds a last cell of buttons to each row.
pub fn text_table(label: &str, t: &Table, actions: Option<&dyn Fn(&Row) -> Html>) -> Html {
    let bar = t.rows.iter().any(|r| r.bar.is_some());
    html! {
        <div class="text-table">
            <table aria-label={label.to_owned()}>
                <thead><tr>
                    { for t.head.iter().map(|h| html! { <th>{ *h }</th> }) }
                    if bar { <th>{ "checkpoint → tip" }</th> }
                    if actions.is_some() { <th></th> }
                </tr></thead>
                <tbody>{ for t.rows.iter().map(|r| html! {
                    <tr key={r.key.clone()} class={classes!(r.loud.then_some("is-loud"))}>
                        { for r.cells.iter().map(|c| html! { <td title={c.clone()}>{ c.clone() }</td> }) }
                        if bar { <td>{ r.bar.map(|p| html! { <span class="meter__track" role="img"
                            aria-label={format!("{p:.0}% of the shard processed")}>
                            <span class="meter__fill" style={format!("width:{p:.1}%")}></span></span> }).unwrap_or_default() }</td> }
                        if let Some(a) = actions { <td class="text-table__actions">{ a(r) }</td> }
                    </tr> }) }</tbody>
            </table>
        </div>
    }
}
