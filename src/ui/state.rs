//! The root reducer. It holds UI-only state for now (the colour theme); the playground session (engine, console
//! history, simulated clock) joins it when the engine is wired in.

use std::rc::Rc;
use yew::Reducible;

/// The colour theme: follow the system, or force light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// The next theme when the theme button is pressed: system, light, dark, system...
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// The value of `<html data-theme>`; `None` removes the attribute.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    /// Parses a stored theme name; anything unknown means [`Theme::System`].
    pub fn from_name(name: &str) -> Theme {
        match name {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    /// A short label for the theme button.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "System",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// State the whole page shares.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UiState {
    pub theme: Theme,
}

/// Everything that can change [`UiState`].
#[derive(Debug, Clone, PartialEq)]
pub enum UiAction {
    SetTheme(Theme),
    /// The theme button: the next theme after the current one (decided here, from the current state, so quick
    /// repeated presses never act on a stale theme).
    NextTheme,
}

impl Reducible for UiState {
    type Action = UiAction;

    fn reduce(self: Rc<Self>, action: UiAction) -> Rc<Self> {
        match action {
            // Returning the same Rc tells Yew nothing changed, so nothing re-renders.
            UiAction::SetTheme(theme) if theme == self.theme => self,
            UiAction::SetTheme(theme) => Rc::new(UiState { theme }),
            UiAction::NextTheme => Rc::new(UiState { theme: self.theme.next() }),
        }
    }
}
