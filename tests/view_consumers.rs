//! The view models of the consuming side (src/view/consumers.rs, consumer_apps.rs, generators.rs), over sessions
//! made of console lines as the page's buttons run them.

use kinesis_playground::cli::Console;
use kinesis_playground::engine::EngineConfig;
use kinesis_playground::view::consumer_apps::{add_app_line, app_view};
use kinesis_playground::view::consumers::{consumer_table, fan_out_bytes, fan_out_lanes, subscribe_line};
use kinesis_playground::view::generators::{add_line, generator_table, samples, test_line, GeneratorForm, KeyChoice};

fn console(lines: &[&str]) -> Console {
    let mut c = Console::with_engine_config(EngineConfig::default(), 1);
    for line in lines {
        let out = c.run(line);
        assert_eq!(out.exit_code, 0, "{line}: {}", out.stderr);
    }
    c
}

const ARN: &str = "arn:aws:kinesis:us-east-1:123456789012:stream/S";

fn stream(shards: u32) -> Vec<String> {
    vec![format!("aws kinesis create-stream --stream-name S --shard-count {shards}"), "sim clock advance 1m".into()]
}

#[test]
fn registered_consumers_turn_active_as_the_clock_moves() {
    let s = stream(1);
    let mut c = console(&[
        &s[0],
        &s[1],
        &format!("aws kinesis register-stream-consumer --stream-arn {ARN} --consumer-name app"),
    ]);
    let t = consumer_table(c.engine().stream("S").unwrap(), c.engine().now_ms());
    assert_eq!(t.column("ConsumerName"), ["app"]);
    assert!(t.column("ConsumerStatus")[0].starts_with("CREATING ("), "{:?}", t.rows);
    assert!(t.rows[0].loud);
    assert!(t.column("ConsumerARN")[0].starts_with(&format!("{ARN}/consumer/app:")));
    c.run("sim clock advance 10s");
    let t = consumer_table(c.engine().stream("S").unwrap(), c.engine().now_ms());
    assert_eq!(t.column("ConsumerStatus"), ["ACTIVE"]);
    assert!(!t.rows[0].loud);
}

#[test]
fn the_fan_out_timeline_shows_events_and_renewals() {
    let s = stream(1);
    let mut c = console(&[
        &s[0],
        &s[1],
        &format!("aws kinesis register-stream-consumer --stream-arn {ARN} --consumer-name app"),
        "sim clock advance 10s",
        "sim producer add --stream-name S --rate 10 --keys 4",
    ]);
    let arn = c.engine().stream("S").unwrap().consumers[0].arn.clone();
    let out = c.run(&subscribe_line(&arn, 0, "LATEST"));
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let lanes = fan_out_lanes(c.engine(), c.engine().stream("S").unwrap());
    assert_eq!(lanes.len(), 1);
    let lane = &lanes[0];
    assert_eq!((lane.consumer.as_str(), lane.shard_index), ("app", 0));
    assert!(lane.records >= 250, "30 s of 10 records/s: {}", lane.records);
    assert_eq!(lane.latest.len(), 3);
    assert!(lane.latest[0].contains("ContinuationSequenceNumber 4"), "{}", lane.latest[0]);
    assert!(lane.latest[0].contains("MillisBehindLatest"), "{}", lane.latest[0]);
    assert!(lane.marks[0].text.starts_with("app subscribed (LATEST)"), "{:?}", lane.marks);
    assert!(lane.marks[1].text.contains("connection closed"), "{:?}", lane.marks);
    assert_eq!(lane.buckets.len(), 60);
    assert!(lane.buckets.iter().any(|&h| h > 0));
    // The subscription's own 2 MiB/s: what it was pushed in the last second of its life.
    let bytes = fan_out_bytes(c.engine(), "S", 0);
    assert!(bytes.len() == 1 && bytes[0].0 == "app" && bytes[0].1 > 0 && bytes[0].2 >= bytes[0].1, "{bytes:?}");
    c.run("sim clock advance 2s");
    assert_eq!(fan_out_bytes(c.engine(), "S", 0), [], "closed: no meter once its last second is over");

    // A consumer application with enhanced fan-out renews its subscriptions after 5 minutes.
    c.run("sim consumer-app add --stream-name S --app-name efo --workers 1 --enhanced-fan-out");
    for _ in 0..6 {
        c.run("sim clock advance 1m");
    }
    let lanes = fan_out_lanes(c.engine(), c.engine().stream("S").unwrap());
    let efo = lanes.iter().find(|l| l.consumer == "efo").expect("the application's lane");
    assert!(efo.marks.iter().any(|m| m.text.starts_with("efo renewed")), "{:?}", efo.marks);
    assert!(efo.marks.iter().any(|m| m.text.contains("5 minutes over")), "{:?}", efo.marks);
    assert!(efo.open_until.is_some());
    let bytes = fan_out_bytes(c.engine(), "S", 0);
    assert_eq!(bytes.iter().map(|b| b.0.as_str()).collect::<Vec<_>>(), ["efo"]);
    assert!(bytes[0].1 > 0, "10 records a second are pushed: {bytes:?}");
}

#[test]
fn removing_a_worker_moves_its_leases_to_the_others() {
    let s = stream(4);
    let mut c = console(&[&s[0], &s[1], &add_app_line("S", "shop", "2", false).unwrap(), "sim clock advance 5s"]);
    let app = &c.simulation().apps()[0];
    let v = app_view(c.engine(), app);
    assert_eq!(v.leases.column("leaseKey").len(), 4);
    let owners = v.leases.column("leaseOwner");
    assert_eq!(owners.iter().filter(|o| **o == "worker-1").count(), 2, "{owners:?}");
    assert_eq!(owners.iter().filter(|o| **o == "worker-2").count(), 2, "{owners:?}");
    assert_eq!(v.workers.column("leases")[0].matches(", ").count(), 1, "{:?}", v.workers.rows);
    assert!(v.mode.starts_with("polling"));

    let out = c.run("sim consumer-app worker remove --app-name shop --worker worker-2");
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let v = app_view(c.engine(), &c.simulation().apps()[0]);
    assert_eq!(v.leases.column("leaseOwner").iter().filter(|o| **o == "-").count(), 2, "released");
    assert_eq!(v.leases.rows.iter().filter(|r| r.loud).count(), 2);
    assert!(v.notes[0].starts_with("2 leases without an owner"), "{:?}", v.notes);
    assert_eq!(v.workers.column("worker"), ["worker-1"]);
    c.run("sim clock advance 3s");
    let v = app_view(c.engine(), &c.simulation().apps()[0]);
    assert_eq!(v.leases.column("leaseOwner"), ["worker-1"; 4], "the remaining worker took them over");
    assert!(v.notes.is_empty(), "{:?}", v.notes);
    assert_eq!(v.workers.column("leases"), ["shards 0, 1, 2, 3"]);
}

#[test]
fn checkpoints_are_shown_against_the_tip() {
    let s = stream(1);
    let mut c =
        console(&[&s[0], &s[1], "sim consumer-app add --stream-name S --app-name a --workers 1 --process-rate 2"]);
    for k in 0..6 {
        c.run(&format!("aws kinesis put-record --stream-name S --partition-key k{k} --data aGk="));
    }
    c.run("sim clock advance 2s");
    let v = app_view(c.engine(), &c.simulation().apps()[0]);
    let behind = v.leases.column("against the tip")[0].to_owned();
    assert!(behind.ends_with(" behind"), "2 records a second cannot keep up with 6: {behind}");
    let bar = v.leases.rows[0].bar.unwrap();
    assert!(bar > 0.0 && bar < 100.0, "{bar}");
    c.run("sim clock advance 10s");
    let v = app_view(c.engine(), &c.simulation().apps()[0]);
    assert_eq!(v.leases.column("against the tip"), ["caught up"]);
    assert_eq!(v.leases.rows[0].bar, Some(100.0));
    assert_eq!(v.workers.column("processed"), ["6"]);
    assert!(v.leases.column("checkpoint")[0].contains('…'));
}

#[test]
fn a_third_polling_app_is_throttled_and_says_so() {
    let s = stream(1);
    let mut c = console(&[&s[0], &s[1]]);
    for name in ["a", "b", "c"] {
        c.run(&add_app_line("S", name, "1", false).unwrap());
    }
    c.run("sim clock advance 5s");
    let throttled: Vec<_> =
        c.simulation().apps().iter().map(|a| app_view(c.engine(), a)).filter(|v| !v.notes.is_empty()).collect();
    assert!(!throttled.is_empty());
    assert!(throttled.iter().any(|v| v.notes.iter().any(|n| n.contains("ReadProvisionedThroughputExceeded"))));
}

#[test]
fn the_app_form_checks_its_values() {
    assert_eq!(
        add_app_line("S", "shop", "3", true).unwrap(),
        "sim consumer-app add --stream-name S --app-name shop --workers 3 --enhanced-fan-out"
    );
    assert!(add_app_line("S", "a b", "1", false).is_err());
    assert!(add_app_line("S", "a", "0", false).is_err());
    assert!(add_app_line("S", "a;rm", "1", false).is_err());
}

#[test]
fn the_generator_form_builds_its_lines() {
    let atm = kinesis_playground::sim::generator::PRESETS[0];
    let mut f =
        GeneratorForm { preset: "atm".into(), template: atm.template.into(), rate: "10".into(), ..Default::default() };
    assert_eq!(test_line(&f).unwrap(), "sim generator test --preset atm");
    assert_eq!(add_line("S", &f).unwrap(), "sim generator add --stream-name S --rate 10 --preset atm");
    f.template = "{\"n\": {{counter}}, \"who\": \"it's <b>\"}".into();
    f.key = KeyChoice::HotKey;
    f.key_value = "hot".into();
    f.share = "90".into();
    assert_eq!(
        test_line(&f).unwrap(),
        r#"sim generator test --template '{"n": {{counter}}, "who": "it'\''s <b>"}' --hot-key 'hot' --hot-share 0.9"#
    );
    f.key = KeyChoice::Uniform;
    f.key_value = "x".into();
    assert!(test_line(&f).is_err());
    f.key_value = "8".into();
    assert!(test_line(&f).unwrap().ends_with(" --keys 8"));
    f.rate = "0".into();
    assert!(add_line("S", &f).is_err());
    f.template = "  ".into();
    assert!(test_line(&f).is_err());
}

#[test]
fn test_template_shows_five_samples_as_text_and_generators_are_listed() {
    let s = stream(1);
    let mut c = console(&[&s[0], &s[1]]);
    let f = GeneratorForm {
        template: "<img src=x onerror=alert(1)> {{counter}}".into(),
        key: KeyChoice::Template,
        key_value: "k-{{int 1 3}}".into(),
        rate: "20".into(),
        ..Default::default()
    };
    let out = c.run(&test_line(&f).unwrap());
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let shown = samples(&out.stdout);
    assert_eq!(shown.len(), 5);
    assert!(shown[0].starts_with("[k-") && shown[0].ends_with("] <img src=x onerror=alert(1)> 1"), "{shown:?}");
    c.run(&add_line("S", &f).unwrap());
    c.run("sim clock advance 2s");
    let t = generator_table(c.simulation().generators());
    assert_eq!(t.column("written"), ["40"]);
    assert_eq!(t.column("state"), ["running"]);
    assert_eq!(t.column("partition keys"), ["keys from a template"]);
}
