//! The producers panel: the form, every producer with its counts (throttling shown loudly), and the throttling
//! switch. Pause, resume and remove run `sim producer ...` lines.

use super::{use_generators_panel, ProducerForm};
use crate::lean::Fixed;
use crate::sim::{KeyDistribution, Producer};
use crate::ui::components::markup::{button, cls, text_el};
use crate::ui::{use_playground, Origin};
use yew::prelude::*;

/// The "Producers" part of the stream details.
#[function_component(ProducersPanel)]
pub fn producers_panel() -> Html {
    let handle = use_playground();
    let generators = use_generators_panel();
    let (producers, enforced) = {
        let p = handle.view();
        (p.console().simulation().producers().to_vec(), p.console().engine().config().enforce_throughput)
    };
    let run = |line: String| {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            handle.run(&line, Origin::Control);
        })
    };
    let toggle = {
        let handle = handle.clone();
        Callback::from(move |_: Event| {
            handle.run(if enforced { "sim throttling off" } else { "sim throttling on" }, Origin::Control);
        })
    };
    let list = if producers.is_empty() {
        text_el(
            "p",
            "region__empty",
            AttrValue::Static(
                "No producers yet. A producer is a simulated application writing records at a steady rate.",
            ),
        )
    } else {
        html! {
            <ul class="producers__list">
                { for producers.iter().map(|p| producer_row(p,
                    run(format!("sim producer {} {}", if p.paused { "resume" } else { "pause" }, p.id)),
                    run(format!("sim producer remove {}", p.id)))) }
            </ul>
        }
    };
    html! {
        <>
        <section class="producers" aria-label="Producers">
            { text_el("h3", "producers__title", AttrValue::Static("Producers")) }
            <ProducerForm />
            { list }
            <label class="switch">
                <input type="checkbox" checked={enforced} onchange={toggle} />
                { text_el("span", "", AttrValue::Static("Enforce shard limits, as Kinesis does")) }
                { text_el("small", "", AttrValue::Static(" (1,000 records and 1 MiB per second per shard, on average; off lets any rate through — real Kinesis never does)")) }
            </label>
        </section>
        { generators }
        </>
    }
}

/// One producer's row, keyed by its id (a plain function: a component of its own cost Yew's per-component code).
fn producer_row(p: &Producer, on_pause: Callback<MouseEvent>, on_remove: Callback<MouseEvent>) -> Html {
    let keys = match &p.spec.keys {
        KeyDistribution::HotKey { hot_key, share, .. } if *share >= 1.0 => format!("all with the key “{hot_key}”"),
        KeyDistribution::HotKey { hot_key, share, keys } => {
            format!("{}% with the key “{hot_key}”, the rest over {}", Fixed(share * 100.0, 0), plural_keys(*keys))
        }
        KeyDistribution::Uniform { keys } | KeyDistribution::RoundRobin { keys } => {
            format!("over {}", plural_keys(*keys))
        }
    };
    let throttled = p.writes.throttled > 0;
    html! {
        <li key={p.id} class={cls("producer", throttled.then_some("producer--throttled"))}>
            <div class="producer__head">
                { text_el("strong", "", format!("Producer {}", p.id).into()) }
                { text_el("span", "", format!("{} records/s to {}, {keys}", p.spec.records_per_second, p.spec.stream).into()) }
                <span class={cls("producer__state", p.paused.then_some("producer__state--paused"))}>
                    { if p.paused { "paused" } else { "running" } }</span>
            </div>
            <dl class="producer__counts">
                { text_el("dt", "", AttrValue::Static("written")) }{ text_el("dd", "", p.writes.sent.to_string().into()) }
                { text_el("dt", "", AttrValue::Static("throttled")) }<dd class={classes!(throttled.then_some("producer__loud"))}>{ p.writes.throttled }</dd>
                { text_el("dt", "", AttrValue::Static("failed")) }{ text_el("dd", "", p.writes.failed.to_string().into()) }
            </dl>
            if throttled {
                { text_el("p", "producer__alert", AttrValue::Static("⚠ Throttled: a shard was asked for more than it takes per second, and Kinesis \
                    refused the extra records (ProvisionedThroughputExceededException). Spread the keys, or add shards.")) }
            }
            if let Some(error) = &p.writes.last_error {
                <p class="producer__error">{ "Last error: " }{ text_el("code", "", error.clone().into()) }</p>
            }
            <div class="producer__actions">
                { button("button button--small", on_pause, AttrValue::from(if p.paused { format!("Resume producer {}", p.id) } else { format!("Pause producer {}", p.id) })) }
                { button("button button--small", on_remove, AttrValue::from(format!("Remove producer {}", p.id))) }
            </div>
        </li>
    }
}

fn plural_keys(n: u32) -> String {
    if n == 1 {
        "1 key".into()
    } else {
        format!("{n} keys")
    }
}
