//! A lane's time axis: records per time bucket as an SVG histogram (never one element per record), the part
//! older than the retention period shaded, and seconds with throttling marked.

use crate::engine::Shard;
use crate::lean::Fixed;
use crate::time::{format_duration, Millis};
use crate::ui::components::markup::text_el;
use crate::view::timeline::{bucket_counts, throttle_seconds};
use yew::prelude::*;

const BUCKETS: usize = 60;

/// Draws `[now - span, now]` of a shard. Costs O(BUCKETS · log n + throttled seconds).
pub fn lane_timeline(shard: &Shard, now: Millis, span: Millis, retention: Millis) -> Html {
    // Buckets are aligned to multiples of their width, and the scale is a power of two, so from one clock tick to
    // the next only the newest bar changes (the DOM diff stays tiny).
    let width = (span / BUCKETS as Millis).max(1);
    let to = (now.div_euclid(width) + 1) * width;
    let from = to - span;
    let counts = bucket_counts(shard, from, to, BUCKETS);
    let max = counts.iter().copied().max().unwrap_or(0).max(1).next_power_of_two() as f64;
    let w = 1000.0 / BUCKETS as f64;
    // All bars in one path: a tick changes one attribute, and no element is created or removed.
    let mut bars = String::new();
    for (i, &c) in counts.iter().enumerate().filter(|(_, &c)| c > 0) {
        let h = (c as f64 / max * 34.0).max(2.0);
        bars.push_str(&format!(
            "M{} 40v-{}h{}v{}z",
            Fixed(i as f64 * w + 1.0, 1),
            Fixed(h, 1),
            Fixed(w - 2.0, 1),
            Fixed(h, 1)
        ));
    }
    let x_of = |t: Millis| ((t - from) as f64 / span as f64 * 1000.0).clamp(0.0, 1000.0);
    let trimmed = (span > retention).then(|| x_of(now - retention));
    let throttles = throttle_seconds(shard, from, to).into_iter().map(|(at, writes, reads)| {
        let title = format!("{} rejected write(s), {} rejected read(s) in this second", writes, reads);
        html! { <rect key={at} class="lane-throttle" x={Fixed(x_of(at), 1).to_string()} y="0" width="4" height="6">
        <title>{ title }</title></rect> }
    });
    let throttled = shard.meter.recent(now, span / 1000 + 1).any(|b| b.write_throttled > 0 || b.read_throttled > 0);
    html! {
        <figure class="lane-timeline">
            <svg viewBox="0 0 1000 40" preserveAspectRatio="none" role="img"
                aria-label={format!("Records per {} over the last {}", format_duration(span / BUCKETS as Millis), format_duration(span))}>
                if let Some(x) = trimmed {
                    <rect class="lane-trimmed" x="0" y="0" width={Fixed(x, 1).to_string()} height="40" />
                }
                <path class="lane-bar" d={bars} />
                { for throttles }
            </svg>
            <figcaption class="lane-axis">
                { text_el("span", "", format!("−{}", format_duration(span)).into()) }
                if trimmed.is_some() { { text_el("span", "lane-axis__trim", AttrValue::Static("shaded: older than the retention period, trimmed")) } }
                if throttled { { text_el("span", "lane-axis__throttle", AttrValue::Static("red marks: throttled seconds")) } }
                { text_el("span", "", AttrValue::Static("now")) }
            </figcaption>
        </figure>
    }
}
