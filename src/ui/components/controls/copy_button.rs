//! A small button that copies a text to the clipboard, and says so for a moment.

use super::copy_text;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The accessible name, e.g. "Copy command"; its last word is shown after "Copy".
    pub label: AttrValue,
    pub text: AttrValue,
    #[prop_or(classes!("console-copy"))]
    pub class: Classes,
}

/// A small button that copies `text`, and says so for a moment.
#[function_component(CopyButton)]
pub fn copy_button(props: &CopyButtonProps) -> Html {
    let state = use_state(|| None::<bool>);
    let onclick = {
        let (state, text) = (state.clone(), props.text.clone());
        Callback::from(move |_: MouseEvent| {
            let state = state.clone();
            copy_text(
                &text,
                Callback::from(move |ok| {
                    state.set(Some(ok));
                    // Back to "Copy" after a moment.
                    let state = state.clone();
                    Timeout::new(2_000, move || state.set(None)).forget();
                }),
            );
        })
    };
    let shown = match *state {
        None => "Copy",
        Some(true) => "Copied",
        Some(false) => "Copy failed",
    };
    let short = props.label.rsplit(' ').next().unwrap_or_default();
    html! {
        <button type="button" class={props.class.clone()} aria-label={props.label.clone()} title={props.label.clone()} {onclick}>
            { format!("{shown} {short}") }
        </button>
    }
}
