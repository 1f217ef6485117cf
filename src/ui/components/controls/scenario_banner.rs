//! Scenario links (`#scenario=`): a banner offering the scenario's commands, never run without a click.

use super::{browser::focus_by_id, CONSOLE_INPUT_ID};
use crate::sim::scenario::FRAGMENT_KEY;
use crate::sim::Scenario;
use crate::ui::components::markup::{button, text_el};
use crate::ui::{use_playground, OfferedScenario, Origin};
use yew::prelude::*;

/// The banner: "This link sets up: ..." with "Run it", or a kind word about a damaged link.
#[function_component(ScenarioBanner)]
pub fn scenario_banner() -> Html {
    let handle = use_playground();
    {
        // Once, on load: a scenario in the page's link is offered (not run).
        let handle = handle.clone();
        use_effect_with((), move |_| {
            let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
            if hash.contains(FRAGMENT_KEY) {
                let scenario = Scenario::from_fragment(&hash);
                handle.update(|p| p.offered_scenario = Some(OfferedScenario { from_link: true, scenario }));
            }
        });
    }
    let Some(offer) = handle.view().offered_scenario.clone() else { return html! {} };
    let dismiss = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            handle.update(|p| p.offered_scenario = None);
        })
    };
    let scenario = match offer.scenario {
        Ok(s) => s,
        Err(message) => {
            return html! {
                <div class="scenario-banner scenario-banner--error" role="alert">
                    <p>{ text_el("strong", "", AttrValue::Static("This link's scenario could not be loaded. ")) }{ message }</p>
                    { button("button", dismiss, AttrValue::Static("Dismiss")) }
                </div>
            };
        }
    };
    let run = {
        let (handle, lines) = (handle.clone(), scenario.lines.clone());
        Callback::from(move |_: MouseEvent| {
            for line in &lines {
                handle.run(line, Origin::Scenario);
            }
            handle.update(|p| p.offered_scenario = None);
            focus_by_id(CONSOLE_INPUT_ID);
        })
    };
    let source = if offer.from_link { "This link sets up: " } else { "This lesson sets up: " };
    html! {
        <div class="scenario-banner" role="region" aria-label="Scenario">
            <p class="scenario-banner__title">{ source }{ text_el("strong", "", scenario.title.clone().into()) }</p>
            <details class="scenario-banner__lines">
                { text_el("summary", "", format!("See its {} commands", scenario.lines.len()).into()) }
                <ol>{ for scenario.lines.iter().map(|l| html! { <li>{ text_el("code", "", l.clone().into()) }</li> }) }</ol>
            </details>
            <div class="scenario-banner__actions">
                { button("button button--primary", run, AttrValue::Static("Run it")) }
                { button("button", dismiss, AttrValue::Static("Dismiss")) }
            </div>
        </div>
    }
}
