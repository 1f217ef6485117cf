//! The console region: where learners type `aws kinesis ...` commands, with the lesson panel above and examples
//! below.

use super::controls::{try_these, ConsoleInput, ConsoleLog, LinkBanner, ScenarioBanner, SessionBar, TryTheseProps};
use super::lesson::LessonPanel;
use super::region;
use crate::ui::components::markup::text_el;
use yew::prelude::*;

#[function_component(ConsoleRegion)]
pub fn console_region() -> Html {
    // The input's text lives here so that the examples can fill it.
    let draft = use_state(String::new);
    let on_value = {
        let draft = draft.clone();
        Callback::from(move |v: String| draft.set(v))
    };
    let intro = html! {
        <>
            { "Type the same commands you would run against AWS, such as " }
            { text_el("code", "", AttrValue::Static("aws kinesis create-stream")) }
            { " or " }
            { text_el("code", "", AttrValue::Static("aws kinesis put-record")) }
            { ". The output is what the AWS CLI prints, and every button you press elsewhere on the page shows \
               its equivalent command here." }
        </>
    };
    html! {
        { region("Console", "console", intro, html! { <>
            <LessonPanel />
            <ScenarioBanner />
            <LinkBanner />
            <SessionBar />
            <div class="console-panel">
                <ConsoleLog />
                <ConsoleInput value={AttrValue::from((*draft).clone())} on_value={on_value.clone()} />
            </div>
            { try_these(&TryTheseProps { on_pick: on_value }) }
        </> }) }
    }
}
