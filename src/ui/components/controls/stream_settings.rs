//! The selected stream's settings beside its shards, as `describe-stream-summary` reports them: server-side
//! encryption, shard-level metrics, the maximum record size, warm throughput (on-demand) and the resource policy,
//! each with a one-line explanation and a button that runs the command that changes it.

use crate::engine::settings::{
    AWS_MANAGED_KEY, DEFAULT_MAX_RECORD_SIZE_KIB, MAX_MAX_RECORD_SIZE_KIB, SHARD_LEVEL_METRICS,
};
use crate::engine::{StreamMode, StreamStatus};
use crate::ui::components::markup::text_el;
use crate::ui::{Origin, PlaygroundHandle};
use yew::prelude::*;

/// The settings of the selected stream.
pub fn stream_settings(handle: &PlaygroundHandle) -> Html {
    let p = handle.view();
    let engine = p.console().engine();
    let Some(stream) = p.shown_stream() else { return Html::default() };
    let (name, arn) = (stream.name.clone(), stream.arn.clone());
    let active = stream.status == StreamStatus::Active;
    let s = &stream.settings;
    let button = |label: &str, line: String, aria: &str| {
        let handle = handle.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            handle.run(&line, Origin::Control);
        });
        html! { <button type="button" class="button button--small" disabled={!active} aria-label={aria.to_owned()} {onclick}>{ label.to_owned() }</button> }
    };
    let encryption = match &s.encryption {
        None => html! { <>
            { text_el("span", "", AttrValue::Static("NONE")) }
            { button("Encrypt", format!("aws kinesis start-stream-encryption --stream-name {name} --encryption-type KMS --key-id {AWS_MANAGED_KEY}"),
                "Start encryption with the key Kinesis manages") }
        </> },
        Some(e) => html! { <>
            <span>{ "KMS, key " }{ text_el("code", "", e.key_id.clone().into()) }</span>
            { button("Stop", format!("aws kinesis stop-stream-encryption --stream-name {name} --encryption-type KMS --key-id {}", e.key_id),
                "Stop encryption") }
        </> },
    };
    let metrics = if s.shard_level_metrics.is_empty() {
        html! { <>
            { text_el("span", "facts__none", AttrValue::Static("none")) }
            { button("Enable all", format!("aws kinesis enable-enhanced-monitoring --stream-name {name} --shard-level-metrics ALL"),
                "Enable every shard-level metric") }
        </> }
    } else {
        html! { <>
            if s.shard_level_metrics.len() == SHARD_LEVEL_METRICS.len() {
                { text_el("span", "tag", AttrValue::Static("all seven (ALL)")) }
            } else {
                { for s.shard_level_metrics.iter().map(|m| html! { <span class="tag" key={*m}>{ *m }</span> }) }
            }
            { button("Disable all", format!("aws kinesis disable-enhanced-monitoring --stream-name {name} --shard-level-metrics ALL"),
                "Disable every shard-level metric") }
        </> }
    };
    let kib = s.max_record_size_kib;
    let to = if kib == DEFAULT_MAX_RECORD_SIZE_KIB { MAX_MAX_RECORD_SIZE_KIB } else { DEFAULT_MAX_RECORD_SIZE_KIB };
    let record_size = html! { <>
        { text_el("span", "", format!("{kib} KiB ({} MiB)", kib / 1024).into()) }
        { button(&format!("Set to {} MiB", to / 1024),
            format!("aws kinesis update-max-record-size --stream-arn {arn} --max-record-size-in-ki-b {to}"),
            "Change the maximum record size") }
    </> };
    let warm = (stream.mode == StreamMode::OnDemand).then(|| {
        let committed = engine.account_commitment().is_enabled(engine.now_ms());
        let text = match (committed, s.warm_throughput_mibps) {
            (false, _) => "Needs the account's minimum throughput commitment (update-account-settings).".to_owned(),
            (true, target) => format!("target {} MiB/s, current {} MiB/s", target.unwrap_or(0), stream.open_shard_count()),
        };
        html! { <>
            { text_el("dt", "", AttrValue::Static("Warm throughput")) }
            <dd>{ text }{ text_el("small", "", AttrValue::Static("Write capacity made ready in advance for an on-demand stream: one shard (1 MiB/s) per MiB/s.")) }</dd>
        </> }
    });
    html! {
        <dl class="facts facts--explained stream-settings" aria-label="Stream settings">
            { text_el("dt", "", AttrValue::Static("Encryption")) }
            <dd class="stream-settings__row">{ encryption }
                { text_el("small", "", ("Server-side encryption with a KMS key. Records written after the change (once the stream is ACTIVE again) are encrypted; put-record then says \"EncryptionType\": \"KMS\".").into()) }</dd>
            { text_el("dt", "", AttrValue::Static("Shard-level metrics")) }
            <dd class="stream-settings__row">{ metrics }
                { text_el("small", "", AttrValue::Static("Enhanced monitoring: per-shard CloudWatch metrics, like the meters in Capacity.")) }</dd>
            { text_el("dt", "", AttrValue::Static("Max record size")) }
            <dd class="stream-settings__row">{ record_size }
                { text_el("small", "", AttrValue::Static("The largest record the stream takes (1 to 10 MiB). A shard still writes 1 MiB/s on average: a large record uses its burst tank.")) }</dd>
            { warm.unwrap_or_default() }
            { text_el("dt", "", AttrValue::Static("Resource policy")) }
            <dd>{ if s.policy.is_some() { "attached (get-resource-policy shows it)" } else { "none" } }
                { text_el("small", "", AttrValue::Static("Who else may use the stream: an IAM policy in JSON (put-resource-policy).")) }</dd>
        </dl>
    }
}
