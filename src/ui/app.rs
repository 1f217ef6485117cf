//! The root component: the page header and the grid of labelled regions.

use super::components::controls::ClockBar;
use super::components::{
    site_header, stream_details_region, ConsoleRegion, ConsumersRegion, HashKeySpaceRegion, ReadersRegion,
    ShardsRegion, SiteHeaderProps,
};
use super::playground::PlaygroundProvider;
use super::state::{UiAction, UiState};
use super::theme::{apply_theme, stored_theme};
use yew::prelude::*;

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| UiState { theme: stored_theme() });

    let theme = state.theme;
    use_effect_with(theme, |theme| apply_theme(*theme));

    let on_next_theme = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(UiAction::NextTheme))
    };

    html! {
        <>
            <a class="skip-link" href="#main">{ "Skip to the playground" }</a>
            { site_header(&SiteHeaderProps { theme, on_next_theme }) }
            <PlaygroundProvider>
                <ClockBar />
                <main class="playground" id="main">
                    <ConsoleRegion />
                    <HashKeySpaceRegion />
                    <ShardsRegion />
                    <ReadersRegion />
                    { stream_details_region() }
                    <ConsumersRegion />
                </main>
            </PlaygroundProvider>
            <footer class="site-footer">
                <p>
                    { "Everything runs in this browser tab: nothing is sent to AWS, and no AWS account is needed. \
                       Not affiliated with Amazon Web Services." }
                </p>
            </footer>
        </>
    }
}
