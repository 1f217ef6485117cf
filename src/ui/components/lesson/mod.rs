//! The lesson panel, at the top of the console region: the built-in lessons with progress marks, the lesson in
//! progress (`step.rs`), lessons from a file or a link, the first-visit offer, and progress kept between visits.
//!
//! | file | what it is |
//! |---|---|
//! | `mod.rs` | [`LessonPanel`]: the list, the offers, starting lessons, saving progress |
//! | `step.rs` | the current step: instruction, goals, hints, solution, next step, completion |
//! | `text.rs` | lesson Markdown as Yew nodes (text only; http(s) links only) |
//! | `store.rs` | progress in localStorage (versioned), fetching `lessons/<file>` on demand |

mod step;
mod store;
mod text;

use crate::lesson::{Lesson, LessonRun};
use crate::ui::components::controls::focus_by_id;
use crate::ui::components::markup::{button, text_el};
use crate::ui::files::read_picked;
use crate::ui::links::{make_fragment, page_base, LinkKind};
use crate::ui::{use_playground, ActiveLesson, Notice, OfferedLink, PlaygroundHandle};
use crate::view::lesson_catalog::{entry, CATALOG};
use std::cell::Cell;
use std::rc::Rc;
use step::LessonStep;
pub use store::{Stored, STORED_VERSION};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A lesson to start.
#[derive(Debug, Clone, PartialEq)]
pub enum Start {
    /// A built-in lesson, by file.
    BuiltIn(String),
    /// A lesson file's text (from the learner's disk or a link).
    Text(String),
}

/// Fetches (or parses) and starts a lesson; a lesson that cannot be read is explained, the session kept.
fn start(handle: PlaygroundHandle, what: Start) {
    spawn_local(async move {
        let read = match &what {
            Start::BuiltIn(file) => store::fetch_lesson(file).await.map(|(l, t)| (l, t, Some(file.clone()))),
            Start::Text(text) => store::read_lesson(text).await.map(|l| (l, text.clone(), None)),
        };
        // The setup's lines run through the command interpreter.
        handle.with_console(move |p| match read {
            Ok((lesson, text, file)) => {
                let title = lesson.title.clone();
                p.start_lesson(lesson, text, file);
                p.notice = Notice::info(format!("Started the lesson “{title}” from its setup: a fresh session."));
            }
            Err(why) => p.notice = Notice::problem(format!("{why} Your session is as it was.")),
        });
        focus_by_id("lesson-panel");
    });
}

/// Brings back the lesson in progress after a reload (the session itself is restored by the session keeper).
fn restore(handle: PlaygroundHandle, current: store::Current, pending: Rc<Cell<bool>>) {
    spawn_local(async move {
        let done = Done(pending);
        let read = match (&current.file, &current.text) {
            (Some(file), _) => store::fetch_lesson(file).await,
            (None, Some(text)) => store::read_lesson(text).await.map(|l| (l, text.clone())),
            (None, None) => return,
        };
        // Behind the session's own restore, which may still wait for the command interpreter.
        handle.with_console(move |p| {
            let _done = done;
            match read {
                Ok((lesson, text)) => {
                    let mut run = LessonRun::restore(lesson, &current.progress);
                    run.check(p.console());
                    let setup_commands = current.setup_commands.min(p.recorder().saved().command_count());
                    p.lesson = Some(ActiveLesson { file: current.file.clone(), text, run, setup_commands });
                }
                Err(why) => p.notice = Notice::problem(format!("The lesson you were in could not be reopened. {why}")),
            }
        });
    });
}

/// Clears the "restore pending" flag however the restore ends.
struct Done(Rc<Cell<bool>>);

impl Drop for Done {
    fn drop(&mut self) {
        self.0.set(false);
    }
}

#[function_component(LessonPanel)]
pub fn lesson_panel() -> Html {
    let handle = use_playground();
    let stored = use_state(Stored::load);
    let confirm = use_state(|| None::<Start>);
    let shared = use_state(|| None::<Result<String, String>>);
    // True until the lesson in progress at the last visit is back (its file is fetched): nothing is saved before.
    let pending = use_memo((), |_| Rc::new(Cell::new(false)));
    {
        // Once: reopen the lesson in progress.
        let (handle, stored, pending) = (handle.clone(), stored.clone(), (*pending).clone());
        use_effect_with((), move |_| {
            if let Some(current) = stored.current.clone() {
                pending.set(true);
                restore(handle, current, pending);
            }
        });
    }
    {
        // After every change: keep the progress (only when it changed).
        let (handle, stored, pending) = (handle.clone(), stored.clone(), (*pending).clone());
        use_effect_with(handle.revision(), move |_| {
            if pending.get() {
                return;
            }
            let mut next = (*stored).clone();
            next.follow(handle.view().lesson.as_ref());
            if next != *stored {
                if let Err(why) = next.save() {
                    handle.update(|p| p.notice = Notice::problem(why));
                }
                stored.set(next);
            }
        });
    }
    let begin = {
        let (handle, confirm) = (handle.clone(), confirm.clone());
        Callback::from(move |what: Start| {
            if handle.view().undoable() > 0 && confirm.as_ref() != Some(&what) {
                confirm.set(Some(what));
                return;
            }
            confirm.set(None);
            start(handle.clone(), what);
        })
    };
    let share = {
        let (handle, shared) = (handle.clone(), shared.clone());
        Callback::from(move |()| {
            let Some(text) = handle.view().lesson.as_ref().map(|l| l.text.clone()) else { return };
            let shared = shared.clone();
            spawn_local(async move {
                let link = make_fragment(LinkKind::Lesson, &text).await.map(|f| format!("{}#{f}", page_base()));
                shared.set(Some(link));
            });
        })
    };
    let p = handle.view();
    let current_file = p.lesson.as_ref().and_then(|l| l.file.clone());
    let offer = match &p.offered_link {
        Some(OfferedLink::Lesson { text }) => Some(text.clone()),
        _ => None,
    };
    let offer_html = offer.map(|text| match Lesson::parse(&text) {
        Ok(lesson) => {
            let dismiss = {
                let handle = handle.clone();
                Callback::from(move |_: MouseEvent| {
                    handle.update(|p| p.offered_link = None);
                    crate::ui::links::clear_fragment();
                })
            };
            let go = {
                let (handle, begin, text) = (handle.clone(), begin.clone(), text.clone());
                Callback::from(move |_: MouseEvent| {
                    handle.update(|p| p.offered_link = None);
                    crate::ui::links::clear_fragment();
                    begin.emit(Start::Text(text.clone()));
                })
            };
            html! {
                <div class="scenario-banner" role="region" aria-label="Shared lesson">
                    <p class="scenario-banner__title">{ "This link carries a lesson: " }{ text_el("strong", "", lesson.title.clone().into()) }</p>
                    { text_el("p", "", lesson.summary.clone().into()) }
                    <div class="scenario-banner__actions">
                        { button("button button--primary", go, AttrValue::Static("Start it")) }
                        { button("button", dismiss, AttrValue::Static("Dismiss")) }
                    </div>
                </div>
            }
        }
        Err(e) => {
            let dismiss = {
                let handle = handle.clone();
                Callback::from(move |_: MouseEvent| {
                    handle.update(|p| p.offered_link = None);
                    crate::ui::links::clear_fragment();
                })
            };
            html! {
                <div class="scenario-banner scenario-banner--error" role="alert">
                    <p>{ text_el("strong", "", AttrValue::Static("This link's lesson could not be opened. ")) }{ e.to_string() }{ " Nothing was changed." }</p>
                    { button("button", dismiss, AttrValue::Static("Dismiss")) }
                </div>
            }
        }
    });
    let welcome = (!stored.welcomed && stored.current.is_none() && p.lesson.is_none() && p.undoable() == 0
        && p.offered_link.is_none())
    .then(|| {
        let first = CATALOG[0];
        let go = {
            let begin = begin.clone();
            Callback::from(move |_: MouseEvent| begin.emit(Start::BuiltIn(first.file.to_owned())))
        };
        let no = {
            let stored = stored.clone();
            Callback::from(move |_: MouseEvent| {
                let next = Stored { welcomed: true, ..(*stored).clone() };
                let _ = next.save();
                stored.set(next);
            })
        };
        html! {
            <div class="lesson-welcome" role="region" aria-label="Welcome">
                <p>{ text_el("strong", "", AttrValue::Static("New here? ")) }{ format!("Start with lesson 1, “{}”: it walks you through AWS's own getting-started tutorial, one goal at a time.", first.title) }</p>
                <div class="scenario-banner__actions">
                    { button("button button--primary", go, AttrValue::Static("Start lesson 1")) }
                    { button("button", no, AttrValue::Static("No thanks, just the console")) }
                </div>
            </div>
        }
    });
    let confirm_html = confirm.as_ref().map(|what| {
        let yes = {
            let (begin, what) = (begin.clone(), what.clone());
            Callback::from(move |_: MouseEvent| begin.emit(what.clone()))
        };
        let no = {
            let confirm = confirm.clone();
            Callback::from(move |_: MouseEvent| confirm.set(None))
        };
        html! {
            <p class="session-bar__confirm" role="alert">
                { format!("Starting a lesson replaces your current session ({} commands; “Save session” keeps a copy). ", p.undoable()) }
                { button("button button--small button--primary", yes, AttrValue::Static("Start the lesson")) }
                { button("button button--small", no, AttrValue::Static("Keep my session")) }
            </p>
        }
    });
    let items = CATALOG.iter().enumerate().map(|(i, e)| {
        let done = stored.done.iter().any(|f| f == e.file);
        let here = current_file.as_deref() == Some(e.file);
        let onclick = {
            let (begin, file) = (begin.clone(), e.file.to_owned());
            Callback::from(move |_: MouseEvent| begin.emit(Start::BuiltIn(file.clone())))
        };
        let mark = if here { "▶" } else if done { "✓" } else { "" };
        let status = if here { "in progress" } else if done { "done" } else { "not started" };
        html! {
            <li key={e.file}>
                <span class="lessons__mark" aria-hidden="true">{ mark }</span>
                <span class="lessons__title">{ format!("{}. {}", i + 1, e.title) }{ text_el("span", "visually-hidden", format!(" ({status})").into()) }</span>
                <button type="button" class="button button--small" {onclick} aria-label={format!("Start lesson {}: {}", i + 1, e.title)}>
                    { if done || here { "Again" } else { "Start" } }
                </button>
            </li>
        }
    });
    let open_file = {
        let (handle, begin) = (handle.clone(), begin.clone());
        Callback::from(move |ev: Event| {
            let input: HtmlInputElement = ev.target_unchecked_into();
            let (handle, begin) = (handle.clone(), begin.clone());
            spawn_local(async move {
                let picked = read_picked(&input, crate::lesson::MAX_BYTES).await;
                input.set_value("");
                match picked {
                    Ok((_, text)) => begin.emit(Start::Text(text)),
                    Err(why) => {
                        handle.update(|p| p.notice = Notice::problem(why));
                    }
                }
            });
        })
    };
    let share_status = match &*shared {
        None => html! {},
        Some(Ok(link)) => html! {
            <div class="share__status">
                <p role="status">{ "A link to this lesson: whoever opens it is offered the lesson from its start." }</p>
                <input class="share__link" type="text" readonly=true aria-label="Link to this lesson" value={link.clone()} />
            </div>
        },
        Some(Err(why)) => html! { <p class="share__status" role="status">{ why.clone() }</p> },
    };
    let done_count = CATALOG.iter().filter(|e| stored.done.iter().any(|f| f == e.file)).count();
    let known = current_file.as_deref().and_then(entry).is_some();
    html! {
        <div class="lesson-panel" id="lesson-panel" tabindex="-1" role="region" aria-label="Lesson">
            { for offer_html }
            { for welcome }
            { for confirm_html }
            <LessonStep on_start={begin.clone()} on_share={share} />
            { share_status }
            <details class="lessons" open={p.lesson.is_none() && !known && stored.welcomed}>
                { text_el("summary", "", format!("Lessons ({done_count} of {} done)", CATALOG.len()).into()) }
                <ol class="lessons__list">{ for items }</ol>
                <label class="button button--small session-bar__open">
                    { "Open lesson file" }
                    <input type="file" accept=".md,.txt,text/markdown,text/plain" class="visually-hidden" onchange={open_file} />
                </label>
            </details>
        </div>
    }
}
