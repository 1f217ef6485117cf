#![cfg(not(target_arch = "wasm32"))]
//! The Readers view's cards come back after a reload (or from a saved file or a shared link): the session replays
//! the lines the cards ran, and `view::readers::restore_readers` reads the readers back from those lines and from
//! where each reader's variable points now. A card removed ("Remove" runs `unset R<n>`) stays removed.

use kinesis_playground::engine::{EngineConfig, DEFAULT_START_MS};
use kinesis_playground::session::{Entry, Limits, Recorder};
use kinesis_playground::view::readers::{
    get_records_line, iterator_line, parse_get_records, restore_readers, ReaderState,
};

fn reader(id: u32, iterator_type: &str, start_at: Option<&str>) -> ReaderState {
    ReaderState {
        id,
        var: format!("R{id}"),
        ..ReaderState::new("DemoStream", 0, iterator_type, start_at.map(str::to_owned))
    }
}

fn restored(r: &Recorder) -> Vec<ReaderState> {
    let lines = r.saved().entries.iter().filter_map(|e| match e {
        Entry::Line(l) => Some(l.as_str()),
        _ => None,
    });
    restore_readers(lines, r.console().variables(), r.engine())
}

#[test]
fn reader_cards_come_back_from_the_replayed_session() {
    let mut r = Recorder::new(EngineConfig { start_time_ms: DEFAULT_START_MS, ..EngineConfig::default() }, 0);
    r.run("aws kinesis create-stream --stream-name DemoStream --shard-count 1");
    r.run("aws kinesis wait stream-exists --stream-name DemoStream");
    for i in 1..=4 {
        r.run(&format!(
            "aws kinesis put-record --stream-name DemoStream --partition-key 1 --data {}",
            ["MQ==", "Mg==", "Mw==", "NA=="][i - 1]
        ));
    }
    // What the Readers view does: start R1 from TRIM_HORIZON, read 2, keep the next iterator in R1 (quietly).
    assert_eq!(r.run(&iterator_line(&reader(1, "TRIM_HORIZON", None))).exit_code, 0);
    let out = r.run(&get_records_line("R1", 2));
    let answer = parse_get_records(&out.stdout).expect("a get-records answer");
    assert_eq!(answer.records.len(), 2);
    r.run(&format!("R1={}", answer.next_shard_iterator.unwrap()));
    // R2 from a timestamp, R3 removed again.
    r.run(&iterator_line(&reader(2, "AT_TIMESTAMP", Some("2024-01-01T00:00:00Z"))));
    r.run(&iterator_line(&reader(3, "LATEST", None)));
    r.run("unset R3");

    let back = Recorder::open(&r.to_json(), &Limits::FILE).expect("the session replays");
    let readers = restored(&back);
    assert_eq!(readers.iter().map(|x| x.var.as_str()).collect::<Vec<_>>(), ["R1", "R2"]);
    let r1 = &readers[0];
    assert_eq!((r1.stream.as_str(), r1.shard_index, r1.iterator_type.as_str()), ("DemoStream", 0, "TRIM_HORIZON"));
    assert_eq!((r1.position, r1.calls, r1.limit), (Some(3), 1, 2), "after two records, one call of --limit 2");
    assert_eq!(r1.last_sequence_number.as_deref(), Some(answer.records[1].sequence_number.as_str()));
    assert!(r1.issued_ms.is_some());
    let r2 = &readers[1];
    assert_eq!((r2.iterator_type.as_str(), r2.start_at.as_deref()), ("AT_TIMESTAMP", Some("2024-01-01T00:00:00Z")));
    assert_eq!((r2.position, r2.calls, r2.last_sequence_number.as_deref()), (Some(1), 0, None));
    // The same readers as the live session had (the page's live cards are what restore gives back).
    assert_eq!(restored(&r), readers);
}

#[test]
fn lines_that_are_not_the_views_own_give_no_reader() {
    let r = Recorder::new(EngineConfig::default(), 0);
    let lines = [
        "IT=$(aws kinesis get-shard-iterator --stream-name S --shard-id shardId-000000000000 --shard-iterator-type LATEST)",
        "Rx=$(aws kinesis get-shard-iterator --stream-name S --shard-id shardId-000000000000 --shard-iterator-type LATEST)",
        "R1=$(aws kinesis get-shard-iterator --stream-name S --shard-iterator-type LATEST --query ShardIterator --output text)",
        "R2=$(aws kinesis get-shard-iterator",
        "aws kinesis get-records --shard-iterator \"$R9\" --limit 5",
    ];
    let mut vars = std::collections::BTreeMap::new();
    for v in ["IT", "Rx", "R1", "R2", "R9"] {
        vars.insert(v.to_string(), "AAAA".to_string());
    }
    assert!(restore_readers(lines.into_iter(), &vars, r.engine()).is_empty());
}
