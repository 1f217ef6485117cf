//! The one live-clock ticker: every 100 ms of real time it moves simulated time by (real elapsed × speed).

use super::browser::prefers_reduced_motion;
use crate::ui::PlaygroundHandle;
use gloo_timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Real milliseconds between ticks.
pub const TICK_MS: u32 = 100;
/// The most simulated time one tick may cover while producers run (they write every record of that time, so a
/// longer tick could block the tab).
pub const MAX_TICK_MS_WITH_PRODUCERS: f64 = 2_000.0;
/// The longest real gap one tick accounts for: after the browser throttled or slept the tab, the clock resumes
/// from where it was instead of catching up in a burst.
const MAX_REAL_GAP_MS: f64 = 250.0;

/// Installs the ticker (once; dropped on unmount). A hidden tab does not advance the clock. Under
/// `prefers-reduced-motion` the clock starts paused, so nothing on the page moves by itself.
#[hook]
pub fn use_sim_ticker(handle: PlaygroundHandle) {
    use_effect_with((), move |_| {
        if prefers_reduced_motion() {
            handle.update(|p| p.clock.playing = false);
        }
        let last = Rc::new(Cell::new(now_ms()));
        let carry = Rc::new(Cell::new(0.0f64));
        let interval = Interval::new(TICK_MS, move || {
            let now = now_ms();
            let real = (now - last.get()).clamp(0.0, MAX_REAL_GAP_MS);
            last.set(now);
            if tab_hidden() {
                return;
            }
            let (playing, speed, capped) = {
                let p = handle.view();
                (p.clock.playing, p.clock.speed, p.producers_running())
            };
            if !playing {
                carry.set(0.0);
                return;
            }
            let mut sim = real * speed + carry.get();
            if capped {
                sim = sim.min(MAX_TICK_MS_WITH_PRODUCERS);
            }
            let whole = sim.floor();
            carry.set(sim - whole);
            if whole >= 1.0 {
                handle.update(|p| p.advance(whole as i64));
            }
        });
        move || drop(interval)
    });
}

/// True when the tab is in the background.
fn tab_hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

/// A monotonic clock in milliseconds (wall-clock only pays for real elapsed time, never for simulated time).
fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}
