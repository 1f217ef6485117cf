//! Controls: the page console, the simulated clock, the create-stream form, stream details, producers, scenarios.
//!
//! Every control builds the equivalent console line and runs it through [`crate::ui::PlaygroundHandle::run`] with
//! [`crate::ui::Origin::Control`], so the learner sees (and can copy) the real command.

mod browser;
mod clock;
mod completion;
mod console_input;
mod console_log;
mod copy_button;
mod create_stream;
mod examples;
mod generators;
mod link_banner;
mod producer_form;
mod producers;
mod saving;
mod scenario_banner;
mod session_bar;
mod shortcuts;
mod stream_facts;
mod stream_picker;
mod stream_settings;
mod ticker;

pub use browser::{copy_text, focus_by_id, shell_quote};
pub use clock::ClockBar;
pub use console_input::ConsoleInput;
pub use console_log::ConsoleLog;
pub use copy_button::CopyButton;
pub use create_stream::CreateStreamForm;
pub use examples::{try_these, TryTheseProps};
pub use generators::use_generators_panel;
pub use link_banner::{offer_from_fragment, LinkBanner};
pub use producer_form::ProducerForm;
pub use producers::ProducersPanel;
pub use saving::use_session_keeper;
pub use scenario_banner::ScenarioBanner;
pub use session_bar::{SessionBar, SESSION_FILE_NAME};
pub use shortcuts::ShortcutsDialog;
pub use stream_facts::StreamFacts;
pub use stream_picker::stream_picker;
pub use stream_settings::stream_settings;
pub use ticker::use_sim_ticker;

/// The id of the console's input, for the `/` shortcut and the "Try these" examples.
pub const CONSOLE_INPUT_ID: &str = "console-input";
