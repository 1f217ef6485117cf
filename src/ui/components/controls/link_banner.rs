//! The banner for a session or lesson link (`#s1=`, `#l1=`): it says what the link carries and opens it only on
//! request; a refused link is explained and the current session is kept.

use super::{focus_by_id, CONSOLE_INPUT_ID};
use crate::session::SavedSession;
use crate::ui::components::markup::{button, text_el};
use crate::ui::links::{clear_fragment, read_fragment, unpack, LinkKind};
use crate::ui::{use_playground, Notice, OfferedLink, PlaygroundHandle, PAGE_LIMITS};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Reads the page's fragment and offers what it carries (asynchronously: links are compressed).
pub fn offer_from_fragment(handle: PlaygroundHandle, fragment: &str) {
    let Some(read) = read_fragment(fragment) else { return };
    spawn_local(async move {
        // Reading a session or a lesson, and opening it, take the command interpreter: fetched now, not at the
        // learner's first key press.
        crate::ui::parts::load(crate::parts::Part::Console).await;
        let offer = match read {
            Err(why) => OfferedLink::Refused(why),
            Ok((kind, bytes)) => match unpack(kind, &bytes).await {
                Err(why) => OfferedLink::Refused(why),
                Ok(text) if kind == LinkKind::Lesson => OfferedLink::Lesson { text },
                Ok(text) => match SavedSession::parse(&text, &PAGE_LIMITS) {
                    Ok(s) => OfferedLink::Session { commands: s.command_count(), text },
                    Err(e) => OfferedLink::Refused(format!("{e} Nothing was changed: your session is as it was.")),
                },
            },
        };
        handle.update(|p| p.offered_link = Some(offer));
    });
}

#[function_component(LinkBanner)]
pub fn link_banner() -> Html {
    let handle = use_playground();
    {
        let handle = handle.clone();
        use_effect_with((), move |_| {
            let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
            offer_from_fragment(handle, &hash);
        });
    }
    let Some(offer) = handle.view().offered_link.clone() else { return html! {} };
    let dismiss = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            handle.update(|p| p.offered_link = None);
            clear_fragment();
        })
    };
    match offer {
        OfferedLink::Refused(why) => html! {
            <div class="scenario-banner scenario-banner--error" role="alert">
                <p>{ text_el("strong", "", AttrValue::Static("This link could not be opened. ")) }{ why }</p>
                { button("button", dismiss, AttrValue::Static("Dismiss")) }
            </div>
        },
        OfferedLink::Session { text, commands } => {
            let open = {
                let handle = handle.clone();
                Callback::from(move |_: MouseEvent| {
                    let text = text.clone();
                    handle.with_console(move |p| {
                        p.notice = match p.open_session(&text) {
                            Ok(n) => {
                                Notice::info(format!("Opened the shared session: {}.", super::session_bar::replayed(n)))
                            }
                            Err(e) => Notice::problem(format!("{e} Your session is as it was.")),
                        };
                        p.offered_link = None;
                    });
                    clear_fragment();
                    focus_by_id(CONSOLE_INPUT_ID);
                })
            };
            html! {
                <div class="scenario-banner" role="region" aria-label="Shared session">
                    <p class="scenario-banner__title">
                        { format!("This link carries a shared session of {commands} command{}. ", if commands == 1 { "" } else { "s" }) }
                        { "Opening it replays them from the same start, so you get the same streams and records; it \
                           replaces what you have now." }
                    </p>
                    <div class="scenario-banner__actions">
                        { button("button button--primary", open, AttrValue::Static("Open it")) }
                        { button("button", dismiss, AttrValue::Static("Dismiss")) }
                    </div>
                </div>
            }
        }
        // The lesson panel takes lesson links.
        OfferedLink::Lesson { .. } => html! {},
    }
}
