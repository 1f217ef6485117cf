//! The page header: the name, a one-line tagline, and the theme button.

use crate::ui::state::Theme;
use yew::prelude::*;

pub struct SiteHeaderProps {
    pub theme: Theme,
    pub on_next_theme: Callback<()>,
}

/// A plain function, not a component: it has no hooks, and a component of its own costs the page's wasm Yew's
/// per-component code (mount, reuse, props comparison) for nothing.
pub fn site_header(props: &SiteHeaderProps) -> Html {
    let onclick = props.on_next_theme.reform(|_: MouseEvent| ());
    let next = props.theme.next().label();
    html! {
        <header class="site-header">
            <div class="site-header__inner">
                <div class="site-header__text">
                    <h1 class="site-header__title">{ "Kinesis Playground" }</h1>
                    <p class="site-header__tagline">
                        { "Learn Amazon Kinesis Data Streams by doing: run real AWS CLI commands and watch a \
                           simulated stream at work." }
                    </p>
                </div>
                <button
                    type="button"
                    class="button theme-button"
                    {onclick}
                    aria-label={format!("Colour theme: {}. Switch to {}.", props.theme.label(), next)}
                    title={format!("Switch to the {} theme", next.to_ascii_lowercase())}
                >
                    { format!("Theme: {}", props.theme.label()) }
                </button>
            </div>
        </header>
    }
}
