//! The lesson in progress: the current step's instruction, its goals (ticked as they are met), hints one at a
//! time, the solution (shown, then run on request), the next step, and the completion message.

use super::text::{blocks, inlines};
use super::Start;
use crate::ui::components::controls::{focus_by_id, CONSOLE_INPUT_ID};
use crate::ui::components::markup::{button, cls, el, text_el};
use crate::ui::{use_playground, Origin};
use crate::view::lesson_catalog::next_after;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonStepProps {
    /// Starts a lesson (the next one, or this one again).
    pub on_start: Callback<Start>,
    /// Makes a link to this lesson.
    pub on_share: Callback<()>,
}

#[function_component(LessonStep)]
pub fn lesson_step(props: &LessonStepProps) -> Html {
    let handle = use_playground();
    let p = handle.view();
    let Some(active) = p.lesson.as_ref() else { return html! {} };
    let run = &active.run;
    let lesson = run.lesson();
    let steps = lesson.steps.len();
    let act = |change: fn(&mut crate::ui::Playground)| {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            handle.update(change);
        })
    };
    let leave = act(|p| p.lesson = None);
    let again = {
        let (on_start, file, text) = (props.on_start.clone(), active.file.clone(), active.text.clone());
        Callback::from(move |_: MouseEvent| {
            on_start.emit(match &file {
                Some(f) => Start::BuiltIn(f.clone()),
                None => Start::Text(text.clone()),
            })
        })
    };
    let share = {
        let on_share = props.on_share.clone();
        Callback::from(move |_: MouseEvent| on_share.emit(()))
    };
    let tools = html! {
        <div class="lesson__tools">
            { button("button button--small", again, AttrValue::Static("Reset lesson")) }
            { button("button button--small", share, AttrValue::Static("Share this lesson")) }
            { button("button button--small", leave, AttrValue::Static("Leave lesson")) }
        </div>
    };
    let Some(step) = run.current_step() else {
        let next = active.file.as_deref().and_then(next_after);
        let start_next = next.map(|n| {
            let (on_start, file) = (props.on_start.clone(), n.file.to_owned());
            Callback::from(move |_: MouseEvent| on_start.emit(Start::BuiltIn(file.clone())))
        });
        return html! {
            <div class="lesson lesson--complete">
                { text_el("p", "lesson__where", format!("Lesson: {}", lesson.title).into()) }
                <p class="lesson__done" role="status">{ text_el("strong", "", AttrValue::Static("Lesson complete. ")) }
                    { format!("You reached every goal of all {steps} steps of “{}”.", lesson.title) }</p>
                if let (Some(n), Some(onclick)) = (next, start_next) {
                    <p>{ "Next: " }{ button("button button--primary", onclick, AttrValue::from(format!("Start “{}”", n.title))) }</p>
                } else {
                    { text_el("p", "", AttrValue::Static("That was the last lesson in this list: the console is yours to explore, or open a lesson file a teacher gave you.")) }
                }
                { tools }
            </div>
        };
    };
    let goals = run.goals();
    let done = run.step_done();
    let hint = act(|p| {
        if let Some(l) = &mut p.lesson {
            l.run.next_hint();
        }
    });
    let show_solution = act(|p| {
        if let Some(l) = &mut p.lesson {
            l.run.show_solution();
        }
    });
    let run_solution = {
        let (handle, lines) = (handle.clone(), step.solution.clone());
        Callback::from(move |_: MouseEvent| {
            for line in &lines {
                handle.run(line, Origin::Scenario);
            }
            focus_by_id(CONSOLE_INPUT_ID);
        })
    };
    let next = act(|p| p.next_step());
    let hints_left = run.hints_left();
    html! {
        <div class="lesson">
            { text_el("p", "lesson__where", format!("Lesson: {} · step {} of {steps}", lesson.title, run.step_index() + 1).into()) }
            { text_el("h3", "lesson__step", step.title.clone().into()) }
            { el("div", "lesson__instruction", vec![blocks(&step.instruction)]) }
            <ul class="lesson__goals" aria-label="Goals">
                { for goals.iter().map(|g| html! {
                    <li class={cls("lesson__goal", g.met.then_some("lesson__goal--met"))}>
                        <span class="lesson__mark" aria-hidden="true">{ if g.met { "✓" } else { "○" } }</span>
                        { inlines(&g.text) }
                        { text_el("span", "visually-hidden", (if g.met { " (done)" } else { " (not yet)" }).into()) }
                    </li>
                }) }
            </ul>
            if done {
                <p class="lesson__done" role="status">{ text_el("strong", "", AttrValue::Static("Step done. ")) }{ "Every goal of this step is met." }</p>
            }
            if !run.hints_shown().is_empty() {
                <ol class="lesson__hints" aria-label="Hints">
                    { for run.hints_shown().iter().map(|h| el("li", "", vec![inlines(h)])) }
                </ol>
            }
            if run.solution_shown() {
                <div class="lesson__solution" aria-label="Solution" role="region">
                    <pre class="lesson__code">{ text_el("code", "", step.solution.join("\n").into()) }</pre>
                    { button("button button--small", run_solution, AttrValue::Static("Run solution")) }
                </div>
            }
            <div class="lesson__actions">
                if done {
                    <button type="button" class="button button--primary" onclick={next}>
                        { if run.step_index() + 1 == steps { "Finish lesson" } else { "Next step" } }
                    </button>
                }
                if hints_left > 0 {
                    <button type="button" class="button button--small" onclick={hint}>
                        { if run.hints_shown().is_empty() { "Show a hint".to_owned() } else { format!("Another hint ({hints_left} left)") } }
                    </button>
                }
                if !run.solution_shown() && !step.solution.is_empty() {
                    { button("button button--small", show_solution, AttrValue::Static("Show solution")) }
                }
            </div>
            { tools }
        </div>
    }
}
