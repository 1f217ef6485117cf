//! The session's own buttons, above the console: Undo, Reset, Share, Save session, Open session, and the line
//! that says what happened to the session (restored, undone, not saved...).

use super::{copy_text, focus_by_id, CONSOLE_INPUT_ID};
use crate::session::export::{bash_script, transcript};
use crate::session::SessionError;
use crate::ui::components::markup::{button, cls};
use crate::ui::files::{download, read_picked};
use crate::ui::links::{make_fragment, page_base, LinkKind};
use crate::ui::{use_playground, Notice, PAGE_LIMITS};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The file name "Save session" offers.
pub const SESSION_FILE_NAME: &str = "kinesis-playground-session.json";
/// The file name "Export as AWS CLI script" offers.
pub const SCRIPT_FILE_NAME: &str = "kinesis-playground-session.sh";
/// The file name "Export as transcript" offers.
pub const TRANSCRIPT_FILE_NAME: &str = "kinesis-playground-session.txt";

/// What an export button produces.
#[derive(Clone, Copy)]
enum Export {
    Script,
    CopyScript,
    Transcript,
}

#[function_component(SessionBar)]
pub fn session_bar() -> Html {
    let handle = use_playground();
    let confirm_reset = use_state(|| false);
    let shared = use_state(|| None::<Result<String, String>>);
    let (notice, commands) = {
        let p = handle.view();
        (p.notice.clone(), p.undoable())
    };
    let undo = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            handle.with_console(|p| p.undo());
        })
    };
    let ask_reset = {
        let confirm_reset = confirm_reset.clone();
        Callback::from(move |_: MouseEvent| confirm_reset.set(true))
    };
    let reset = {
        let (handle, confirm_reset, shared) = (handle.clone(), confirm_reset.clone(), shared.clone());
        Callback::from(move |_: MouseEvent| {
            handle.update(|p| p.reset());
            confirm_reset.set(false);
            shared.set(None);
            focus_by_id(CONSOLE_INPUT_ID);
        })
    };
    let keep = {
        let confirm_reset = confirm_reset.clone();
        Callback::from(move |_: MouseEvent| confirm_reset.set(false))
    };
    let share = {
        let (handle, shared) = (handle.clone(), shared.clone());
        Callback::from(move |_: MouseEvent| {
            let text = handle.view().recorder().to_json();
            let shared = shared.clone();
            spawn_local(async move {
                let link = make_fragment(LinkKind::Session, &text).await.map(|f| format!("{}#{f}", page_base()));
                if let Ok(link) = &link {
                    copy_text(link, Callback::noop());
                }
                shared.set(Some(link));
            });
        })
    };
    let save = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            let text = handle.view().recorder().to_json();
            if let Err(e) = download(SESSION_FILE_NAME, "application/json", &text) {
                handle.update(|p| p.notice = Notice::problem(e));
            }
        })
    };
    // Exports: the session as a bash script for the real AWS CLI v2, and as a transcript (downloads and a copy).
    let export = |kind: Export| {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            let saved = handle.view().recorder().saved().clone();
            let outcome = match kind {
                Export::Script => download(SCRIPT_FILE_NAME, "text/x-shellscript", &bash_script(&saved)),
                // The transcript replays the session on the command interpreter: it waits for that part.
                Export::Transcript => {
                    handle.with_console(move |p| {
                        let written = transcript(&saved).ok_or_else(|| SessionError::NotLoaded.to_string());
                        if let Err(e) = written.and_then(|t| download(TRANSCRIPT_FILE_NAME, "text/plain", &t)) {
                            p.notice = Notice::problem(e);
                        }
                    });
                    Ok(())
                }
                Export::CopyScript => {
                    copy_text(&bash_script(&saved), Callback::noop());
                    handle.update(|p| {
                        p.notice = Notice::info(
                            "The session as a bash script for the AWS CLI v2 was copied (if the browser allowed it).",
                        )
                    });
                    Ok(())
                }
            };
            if let Err(e) = outcome {
                handle.update(|p| p.notice = Notice::problem(e));
            }
        })
    };
    let open = {
        let handle = handle.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let handle = handle.clone();
            spawn_local(async move {
                let picked = read_picked(&input, PAGE_LIMITS.max_bytes).await;
                input.set_value("");
                handle.with_console(move |p| {
                    p.notice = match picked.and_then(|(name, text)| {
                        p.open_session(&text).map(|n| (name, n)).map_err(|e| format!("{e} Your session is as it was."))
                    }) {
                        Ok((name, n)) => Notice::info(format!("Opened {name}: {}.", replayed(n))),
                        Err(why) => Notice::problem(why),
                    };
                });
            });
        })
    };
    let share_status = match &*shared {
        None => html! {},
        Some(Ok(link)) => html! {
            <div class="share__status">
                <p role="status">{ "A link to this session (it replays your commands from the same start, seed and \
                                    settings); it was copied if the browser allowed it." }</p>
                <input class="share__link" type="text" readonly=true aria-label="Link to share" value={link.clone()} />
            </div>
        },
        Some(Err(why)) => html! { <p class="share__status" role="status">{ why.clone() }</p> },
    };
    html! {
        <div class="session-bar" role="group" aria-label="Session">
            <div class="session-bar__buttons">
                <button type="button" class="button button--small" onclick={undo} disabled={commands == 0}
                    title="Undo the last command (the session is replayed without it)">{ "Undo" }</button>
                if *confirm_reset {
                    <span class="session-bar__confirm" role="alert">
                        { "Start again from a clean slate? " }
                        { button("button button--small button--danger", reset, AttrValue::Static("Yes, reset")) }
                        { button("button button--small", keep, AttrValue::Static("Keep my session")) }
                    </span>
                } else {
                    { button("button button--small", ask_reset, AttrValue::Static("Reset")) }
                }
                { button("button button--small", share, AttrValue::Static("Share")) }
                { button("button button--small", save, AttrValue::Static("Save session")) }
                <button type="button" class="button button--small" onclick={export(Export::Script)}
                    title="Download the session as a bash script for the real AWS CLI v2">{ "Export script" }</button>
                <button type="button" class="button button--small" onclick={export(Export::CopyScript)}
                    title="Copy the session as a bash script for the real AWS CLI v2">{ "Copy script" }</button>
                <button type="button" class="button button--small" onclick={export(Export::Transcript)}
                    title="Download the session as a transcript: each command with its output">{ "Export transcript" }</button>
                <label class="button button--small session-bar__open">
                    { "Open session" }
                    <input type="file" accept=".json,application/json" class="visually-hidden" onchange={open} />
                </label>
            </div>
            if let Some(n) = notice {
                <p class={cls("session-bar__notice", n.problem.then_some("session-bar__notice--problem"))}
                    role="status">{ n.text }</p>
            }
            { share_status }
        </div>
    }
}

/// `1 command replayed`, `3 commands replayed`.
pub(super) fn replayed(commands: usize) -> String {
    format!("{commands} command{} replayed", if commands == 1 { "" } else { "s" })
}
