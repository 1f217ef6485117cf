//! The console region: where learners type `aws kinesis ...` commands.

use super::Region;
use yew::prelude::*;

#[function_component(ConsoleRegion)]
pub fn console_region() -> Html {
    let intro = html! {
        <>
            { "Type the same commands you would run against AWS, such as " }
            <code>{ "aws kinesis create-stream" }</code>
            { " or " }
            <code>{ "aws kinesis put-record" }</code>
            { ". The output is what the AWS CLI prints, and every button you press elsewhere on the page shows \
               its equivalent command here." }
        </>
    };
    html! {
        <Region label="Console" kind="console" {intro}>
            <div class="console" role="log" aria-label="Console output">
                <p class="console__hint">{ "Commands and their output appear here." }</p>
            </div>
        </Region>
    }
}
