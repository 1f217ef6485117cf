//! Keeps the page's session in this browser's storage as it goes, and restores it on the next visit.
//!
//! A command is saved at once; time passing (the live clock) at most every two seconds of real time. The stored
//! text is the session document (`src/session`) under a versioned key ([`crate::ui::storage::SESSION_KEY`]).

use crate::session::SavedSession;
use crate::time::format_short;
use crate::ui::storage::{self, SESSION_KEY};
use crate::ui::{Notice, Playground, PlaygroundHandle, PAGE_LIMITS};
use yew::prelude::*;

/// Real milliseconds between saves of time passing alone.
const TIME_SAVE_MS: f64 = 2_000.0;

/// What was last saved: entries, commands, simulated time, and when (real ms).
struct Saved {
    entries: usize,
    commands: usize,
    sim_ms: i64,
    real_ms: f64,
}

/// Restores the stored session once, then saves after every change. The clock bar calls it, once per page (a hook
/// rather than a component that renders nothing: that would cost the page's wasm a component's code).
#[hook]
pub fn use_session_keeper(handle: PlaygroundHandle) {
    // `None` until the stored session was restored: nothing is saved before (it would overwrite what is stored).
    let last = use_mut_ref(|| None::<Saved>);
    {
        let (handle, last) = (handle.clone(), last.clone());
        use_effect_with((), move |_| {
            match storage::load(SESSION_KEY) {
                // Nothing is saved until the restore is done (it waits for the command interpreter to replay).
                Some(text) => {
                    handle.with_console(move |p| {
                        restore(p, &text);
                        *last.borrow_mut() = Some(signature(p, now()));
                    });
                }
                None => *last.borrow_mut() = Some(signature(&handle.view(), now())),
            }
        });
    }
    {
        let handle = handle.clone();
        use_effect_with(handle.revision(), move |_| {
            let (changed, problem) = {
                let p = handle.view();
                let now = now();
                let s = signature(&p, now);
                let mut guard = last.borrow_mut();
                let Some(l) = guard.as_mut() else { return };
                let commands_changed = s.entries != l.entries || s.commands != l.commands;
                let time_due = s.sim_ms != l.sim_ms && now - l.real_ms >= TIME_SAVE_MS;
                if !(commands_changed || time_due) {
                    return;
                }
                *l = s;
                let problem = storage::save(SESSION_KEY, &p.recorder().to_json()).err();
                let shown = p.notice.as_ref().filter(|n| n.problem).map(|n| n.text.clone());
                (problem != shown && (problem.is_some() || shown.is_some()), problem)
            };
            // Only a new (or cleared) storage problem changes the page; the same one again would loop.
            if changed {
                handle.update(|p| match problem {
                    Some(text) => p.notice = Notice::problem(text),
                    None if p.notice.as_ref().is_some_and(|n| n.problem) => p.notice = None,
                    None => {}
                });
            }
        });
    }
}

fn signature(p: &Playground, real_ms: f64) -> Saved {
    let saved = p.recorder().saved();
    Saved {
        entries: saved.entries.len(),
        commands: saved.command_count(),
        sim_ms: p.console().engine().now_ms(),
        real_ms,
    }
}

/// Replays a stored session into the page, and says so; a stored session that does not replay is set aside.
fn restore(p: &mut Playground, text: &str) {
    let commands = SavedSession::parse(text, &PAGE_LIMITS).map(|s| s.command_count()).unwrap_or(1);
    if commands == 0 {
        return;
    }
    match p.open_session(text) {
        Ok(n) => {
            let at = format_short(p.console().engine().now_ms());
            p.notice = Notice::info(format!(
                "Welcome back: your session from your last visit was restored ({n} command{}, the simulated clock at \
                 {} UTC). “Reset” starts afresh.",
                if n == 1 { "" } else { "s" },
                at.get(..19).unwrap_or(&at)
            ));
        }
        Err(e) => {
            p.notice = Notice::problem(format!(
                "Your session from an earlier visit could not be restored, so the playground starts afresh. {e}"
            ));
        }
    }
}

/// Real time in milliseconds (only to space out saves; never reaches the simulation).
fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}
