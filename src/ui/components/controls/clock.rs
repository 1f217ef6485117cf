//! The simulated clock bar: the time, play / pause / step, speed, and jumps of a minute, an hour, a day.

use super::browser::prefers_reduced_motion;
use super::{use_session_keeper, use_sim_ticker, ShortcutsDialog};
use crate::time::format_short;
use crate::ui::components::markup::{cls, text_el};
use crate::ui::{use_playground, Origin};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

const SPEEDS: &[(u32, &str)] =
    &[(1, "×1 (real time)"), (10, "×10"), (60, "×60 (1 min/s)"), (600, "×600"), (3600, "×3600 (1 h/s)")];
const JUMPS: &[(&str, &str)] = &[("+1 min", "1m"), ("+1 h", "1h"), ("+1 day", "1d")];

/// Always visible at the top of the playground; owns the page's one ticker.
#[function_component(ClockBar)]
pub fn clock_bar() -> Html {
    let handle = use_playground();
    // Before the ticker, as the session keeper's effects ran before the clock bar's when it was a component of its own.
    use_session_keeper(handle.clone());
    use_sim_ticker(handle.clone());
    let (now, clock, capped) = {
        let p = handle.view();
        (p.console().engine().now_ms(), p.clock, p.producers_running())
    };
    let toggle = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            handle.update(|p| p.clock.playing = !p.clock.playing);
        })
    };
    let advance = |duration: &'static str| {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            handle.run(&format!("sim clock advance {duration}"), Origin::Control);
        })
    };
    let on_speed = {
        let handle = handle.clone();
        Callback::from(move |e: Event| {
            let speed = crate::lean::parse_f64(&e.target_unchecked_into::<HtmlSelectElement>().value()).unwrap_or(1.0);
            handle.update(|p| p.clock.speed = speed.clamp(1.0, 3600.0));
        })
    };
    // "2024-01-01 00:00:05.123" -> "2024-01-01 00:00:05 UTC"
    let time = format_short(now);
    let time = format!("{} UTC", time.get(..19).unwrap_or(&time));
    html! {
        <div class="clock-bar" role="group" aria-label="Simulated clock">
            <div class="clock-bar__time">
                { text_el("span", "clock-bar__label", AttrValue::Static("Simulated time")) }
                <span class="clock-bar__now" role="timer" aria-label="Simulated time">{ time }</span>
                <span class={cls("clock-bar__state", clock.playing.then_some("clock-bar__state--playing"))}>
                    { if clock.playing { "running" } else { "paused" } }
                </span>
            </div>
            <div class="clock-bar__buttons">
                <button type="button" class="button button--primary clock-bar__play" onclick={toggle}
                    aria-label={if clock.playing { "Pause" } else { "Play" }} aria-keyshortcuts="Space">
                    { if clock.playing { "Pause" } else { "Play" } }
                </button>
                <button type="button" class="button" onclick={advance("1s")} aria-label="Step"
                    title="Move the clock forward one second (s)" aria-keyshortcuts="s">{ "Step +1 s" }</button>
                { for JUMPS.iter().map(|(label, d)| html! {
                    <button type="button" class="button" key={*label} onclick={advance(d)}
                        title={format!("Runs: sim clock advance {d}")}>{ *label }</button>
                }) }
            </div>
            <label class="clock-bar__speed">
                { text_el("span", "", AttrValue::Static("Simulation speed")) }
                <select aria-label="Simulation speed" onchange={on_speed}>
                    { for SPEEDS.iter().map(|(x, label)| html! {
                        <option key={*x} value={x.to_string()} selected={clock.speed as u32 == *x}>{ *label }</option>
                    }) }
                </select>
            </label>
            <ShortcutsDialog />
            if !clock.playing && prefers_reduced_motion() {
                { text_el("p", "clock-bar__motion", AttrValue::Static("Your system asks for reduced motion, so the clock started paused: press Play or Step to move time.")) }
            }
            if capped && clock.speed > 10.0 {
                { text_el("p", "clock-bar__note", AttrValue::Static("Speed limited while producers, generators or consumer applications run (at most 20 simulated seconds per real second), so the page stays responsive.")) }
            }
        </div>
    }
}
