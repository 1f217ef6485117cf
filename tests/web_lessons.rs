//! Browser tests of saving, undo, reset, share links and the lesson panel (wasm-bindgen-test in headless
//! Chromium), driven through the DOM as a learner would.
#![cfg(target_arch = "wasm32")]

use kinesis_playground::ui::links::{make_fragment, read_fragment, unpack, LinkKind, MAX_LINK_CHARS};
use kinesis_playground::ui::storage::{self, SESSION_KEY};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    gloo_timers::future::sleep(Duration::from_millis(40)).await;
}

/// Waits (up to 2 s) until `check` holds; links unpack asynchronously.
async fn until(what: &str, mut check: impl FnMut() -> bool) {
    for _ in 0..50 {
        if check() {
            return;
        }
        settle().await;
    }
    panic!("waited 2 s for {what}");
}

/// Renders the App into a fresh `<div>` with the live clock paused. `fresh` forgets the stored session first.
async fn render_app(fresh: bool) -> Element {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("a div");
    document.body().expect("a body").append_child(&root).expect("appended");
    if fresh {
        storage::forget(SESSION_KEY);
        storage::forget(storage::PROGRESS_KEY);
    }
    yew::Renderer::<kinesis_playground::ui::App>::with_root(root.clone()).render();
    settle().await;
    if let Some(pause) = button(&root, "Pause") {
        pause.click();
        settle().await;
    }
    root
}

/// Removes an app's page from the document (its Yew app stays, idle and paused).
fn remove(root: &Element) {
    root.remove();
}

fn button(root: &Element, name: &str) -> Option<HtmlElement> {
    let all = root.query_selector_all("button").ok()?;
    (0..all.length()).filter_map(|i| all.item(i)?.dyn_into::<HtmlElement>().ok()).find(|b| {
        b.get_attribute("aria-label").or_else(|| b.text_content()).map(|t| t.trim().to_owned()).as_deref() == Some(name)
    })
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

fn console_input(root: &Element) -> HtmlInputElement {
    root.query_selector("input[aria-label=\"Console command\"]").unwrap().expect("a console input").dyn_into().unwrap()
}

/// Types a line and presses Enter, then waits (up to 2 s: the machine may be loaded) until the log shows it.
async fn run_typed(root: &Element, line: &str) {
    let entries = || root.query_selector_all(".console-entry").map(|l| l.length()).unwrap_or(0);
    let before = entries();
    let input = console_input(root);
    input.set_value(line);
    let init = EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    settle().await;
    settle().await;
    let key = KeyboardEventInit::new();
    key.set_key("Enter");
    key.set_bubbles(true);
    key.set_cancelable(true);
    input.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &key).unwrap()).unwrap();
    until(line, || entries() > before).await;
    settle().await;
}

/// The last log entry's standard output.
fn last_stdout(root: &Element) -> String {
    let all = root.query_selector_all(".console-entry__stdout").unwrap();
    all.item(all.length().saturating_sub(1)).and_then(|e| e.text_content()).unwrap_or_default()
}

async fn stream_names(root: &Element) -> String {
    run_typed(root, "aws kinesis list-streams --query StreamNames --output text").await;
    last_stdout(root).trim().to_owned()
}

#[wasm_bindgen_test]
async fn the_session_is_saved_as_it_goes_and_restored_after_a_reload() {
    let first = render_app(true).await;
    run_typed(&first, "aws kinesis create-stream --stream-name Kept --shard-count 2").await;
    run_typed(&first, "sim clock advance 1m").await;
    let stored = storage::load(SESSION_KEY).expect("the session is stored at once");
    assert!(stored.contains("\"kind\": \"kinesis-playground-session\"") && stored.contains("--stream-name Kept"));
    remove(&first);

    let again = render_app(false).await;
    let notice = text_of(&again, ".session-bar__notice");
    assert!(notice.contains("restored") && notice.contains("2 commands"), "a line says so: {notice}");
    assert_eq!(stream_names(&again).await, "Kept", "the stream came back");
    assert_eq!(text_of(&again, "[aria-label=\"Simulated time\"]"), "2024-01-01 00:01:00 UTC", "and the clock");
    remove(&again);
}

#[wasm_bindgen_test]
async fn a_damaged_stored_session_is_set_aside_with_a_kind_word() {
    storage::save(SESSION_KEY, "{\"kind\": \"kinesis-playground-session\", \"version\": 9}").unwrap();
    let root = render_app(false).await;
    let notice = text_of(&root, ".session-bar__notice");
    assert!(notice.contains("could not be restored") && notice.contains("newer version"), "{notice}");
    assert_eq!(stream_names(&root).await, "", "a fresh start");
    remove(&root);
}

#[wasm_bindgen_test]
async fn undo_restores_the_previous_state_and_reset_clears_everything() {
    let root = render_app(true).await;
    assert!(button(&root, "Undo").unwrap().has_attribute("disabled"), "nothing to undo yet");
    run_typed(&root, "aws kinesis create-stream --stream-name A --shard-count 1").await;
    run_typed(&root, "sim clock advance 1m").await;
    run_typed(
        &root,
        "aws kinesis put-record --stream-name A --partition-key k --data aGk= --query SequenceNumber --output text",
    )
    .await;
    let first_seq = last_stdout(&root).trim().to_owned();
    run_typed(
        &root,
        "aws kinesis put-record --stream-name A --partition-key k --data aGk= --query SequenceNumber --output text",
    )
    .await;
    run_typed(&root, "aws kinesis create-stream --stream-name B --shard-count 1").await;
    assert_eq!(stream_names(&root).await, "A\tB");
    // list-streams was the last command: undo it, then the create of B, then the second put.
    for _ in 0..3 {
        button(&root, "Undo").unwrap().click();
        settle().await;
    }
    assert!(text_of(&root, ".session-bar__notice").contains("Undid `aws kinesis put-record"));
    assert_eq!(stream_names(&root).await, "A", "B is gone");
    run_typed(
        &root,
        "aws kinesis put-record --stream-name A --partition-key k --data aGk= --query SequenceNumber --output text",
    )
    .await;
    let replayed = last_stdout(&root).trim().to_owned();
    assert!(replayed > first_seq, "the undone put left no record behind: {replayed} follows {first_seq} directly");
    let stored = storage::load(SESSION_KEY).unwrap();
    assert!(!stored.contains("--stream-name B"), "the stored session follows the undo");

    button(&root, "Reset").unwrap().click();
    settle().await;
    button(&root, "Yes, reset").expect("Reset asks first").click();
    settle().await;
    assert_eq!(stream_names(&root).await, "");
    assert_eq!(text_of(&root, "[aria-label=\"Simulated time\"]"), "2024-01-01 00:00:00 UTC");
    remove(&root);
}

/// Undo replays the log, and the reader cards follow it: a card whose read was undone stands where it stood before.
#[wasm_bindgen_test]
async fn undo_puts_a_reader_card_back_where_the_replayed_log_leaves_it() {
    let root = render_app(true).await;
    run_typed(&root, "aws kinesis create-stream --stream-name U --shard-count 1").await;
    run_typed(&root, "sim clock advance 1m").await;
    for _ in 0..3 {
        run_typed(&root, "aws kinesis put-record --stream-name U --partition-key k --data aGk=").await;
    }
    button(&root, "Start reader").expect("Start reader").click();
    until("the reader card", || count(&root, "article.reader") == 1).await;
    let before = text_of(&root, "article.reader");
    assert!(before.contains("next to read: #"), "the card says where it stands: {before}");
    button(&root, "Get records").expect("Get records").click();
    until("the read", || text_of(&root, "article.reader") != before).await;
    let read = text_of(&root, "article.reader");
    button(&root, "Undo").unwrap().click();
    // "Get records" ran the read and then moved the card's variable to NextShardIterator (`R1=...`): undo takes back
    // the move, and the card follows the variable.
    until("the undo", || text_of(&root, ".session-bar__notice").contains("Undid `R1=")).await;
    let after = text_of(&root, "article.reader");
    let position = |t: &str| {
        t.split("next to read: #").nth(1).map(|r| r.chars().take_while(char::is_ascii_digit).collect::<String>())
    };
    assert_ne!(position(&read), position(&before), "the read moved the card");
    assert_eq!(position(&after), position(&before), "after the undo the card is back where it was: {after}");
    remove(&root);
}

#[wasm_bindgen_test]
async fn links_round_trip_and_refuse_what_they_cannot_read() {
    let text = "{\"kind\": \"kinesis-playground-session\"} ".repeat(50);
    let fragment = make_fragment(LinkKind::Session, &text).await.unwrap();
    assert!(fragment.starts_with("s1=") && fragment.len() < text.len() / 4, "compressed: {} chars", fragment.len());
    let (kind, bytes) = read_fragment(&format!("#{fragment}")).unwrap().unwrap();
    assert_eq!(kind, LinkKind::Session);
    assert_eq!(unpack(kind, &bytes).await.unwrap(), text);

    assert!(read_fragment("#scenario=abc").is_none(), "scenario links are read elsewhere");
    assert!(read_fragment("").is_none());
    let newer = read_fragment("#s2=AAAA").unwrap().unwrap_err();
    assert!(newer.contains("newer version") && newer.contains("Nothing was changed"), "{newer}");
    let long = read_fragment(&format!("#l1={}", "A".repeat(MAX_LINK_CHARS + 1))).unwrap().unwrap_err();
    assert!(long.contains("too long"), "{long}");
    let damaged = read_fragment("#s1=%%%").unwrap().unwrap_err();
    assert!(damaged.contains("damaged"), "{damaged}");
    let (kind, bytes) = read_fragment("#s1=bm90LWRlZmxhdGU").unwrap().unwrap();
    let garbage = unpack(kind, &bytes).await.unwrap_err();
    assert!(garbage.contains("damaged"), "{garbage}");
}

/// Sets the test page's fragment (no reload).
fn set_hash(fragment: &str) {
    web_sys::window().unwrap().location().set_hash(fragment).unwrap();
}

#[wasm_bindgen_test]
async fn a_session_link_is_offered_and_replays_the_same_records_on_request() {
    let source = render_app(true).await;
    run_typed(&source, "aws kinesis create-stream --stream-name Shared --shard-count 1").await;
    run_typed(&source, "sim clock advance 1m").await;
    run_typed(&source, "aws kinesis put-record --stream-name Shared --partition-key p --data aGk= --query SequenceNumber --output text").await;
    let seq = last_stdout(&source).trim().to_owned();
    button(&source, "Share").unwrap().click();
    let mut link = String::new();
    until("the share link", || {
        link = source
            .query_selector("input[aria-label=\"Link to share\"]")
            .unwrap()
            .map(|i| i.unchecked_into::<HtmlInputElement>().value())
            .unwrap_or_default();
        !link.is_empty()
    })
    .await;
    remove(&source);

    set_hash(link.split_once('#').unwrap().1);
    let root = render_app(true).await;
    run_typed(&root, "aws kinesis create-stream --stream-name Mine --shard-count 1").await;
    until("the banner", || root.query_selector("[aria-label=\"Shared session\"]").unwrap().is_some()).await;
    assert!(text_of(&root, "[aria-label=\"Shared session\"]").contains("3 commands"));
    assert_eq!(stream_names(&root).await, "Mine", "nothing replaced by itself");
    button(&root, "Open it").unwrap().click();
    settle().await;
    run_typed(&root, "aws kinesis get-records --shard-iterator $(aws kinesis get-shard-iterator --stream-name Shared --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --query ShardIterator --output text) --query Records[0].SequenceNumber --output text").await;
    assert_eq!(last_stdout(&root).trim(), seq, "the same record, with the same sequence number");
    assert_eq!(stream_names(&root).await, "Shared");
    assert!(web_sys::window().unwrap().location().hash().unwrap().is_empty(), "the link is used up");
    remove(&root);
}

#[wasm_bindgen_test]
async fn refused_links_keep_the_current_session() {
    for (hash, expected) in [("s9=AAAA", "newer version"), ("s1=%%%", "damaged"), ("s1=bm90LWRlZmxhdGU", "damaged")] {
        storage::forget(SESSION_KEY);
        let root = render_app(true).await;
        run_typed(&root, "aws kinesis create-stream --stream-name Here --shard-count 1").await;
        set_hash(hash);
        remove(&root);
        let stored = storage::load(SESSION_KEY).unwrap_or_default();
        assert!(stored.contains("--stream-name Here"), "{hash}: saved before the reload: {stored}");
        let again = render_app(false).await;
        until("the refusal", || text_of(&again, "[role=\"alert\"]").contains(expected)).await;
        let notice = text_of(&again, ".session-bar__notice");
        assert_eq!(stream_names(&again).await, "Here", "{hash}: the restored session is kept ({notice})");
        set_hash("");
        remove(&again);
    }
}

/// A lesson whose every text carries HTML, which must stay text.
const HOSTILE_LESSON: &str = r#"# A <b>bold</b> lesson
summary: Checks the <i>panel</i>.

## Setup
start: 2024-01-01T00:00:00Z
seed: 3

## Make a stream <img src=x onerror=alert(1)>
Create `S` <script>alert(1)</script> with one shard. See [the docs](https://docs.aws.amazon.com/streams/latest/dev/introduction.html) and [this](javascript:alert(1)).

### Goals
- stream S exists | Stream S <em>exists</em>
- command put-record succeeded | A <img src=y> record was written

### Hints
- First <b>hint</b>
- Second hint

### Solution
```
aws kinesis create-stream --stream-name S --shard-count 1
sim clock advance 10s
aws kinesis put-record --stream-name S --partition-key k --cli-binary-format raw-in-base64-out --data '<img src=z onerror=alert(2)>'
```

## Wait for it
Let it become active.

### Goals
- stream S status ACTIVE

### Solution
```
sim clock advance 1m
```
"#;

/// Opens the app on a `#l1=` link to `text` and starts the lesson.
async fn start_lesson(text: &str) -> Element {
    let fragment = make_fragment(LinkKind::Lesson, text).await.unwrap();
    set_hash(&fragment);
    let root = render_app(true).await;
    until("the lesson banner", || button(&root, "Start it").is_some()).await;
    button(&root, "Start it").unwrap().click();
    until("the lesson", || text_of(&root, ".lesson__where").contains("step 1 of")).await;
    root
}

fn goals_met(root: &Element) -> (u32, u32) {
    let all = root.query_selector_all(".lesson__goal").unwrap().length();
    let met = root.query_selector_all(".lesson__goal--met").unwrap().length();
    (met, all)
}

#[wasm_bindgen_test]
async fn the_panel_ticks_goals_shows_hints_one_at_a_time_and_completes() {
    let root = start_lesson(HOSTILE_LESSON).await;
    assert_eq!(goals_met(&root), (0, 2));
    button(&root, "Show a hint").expect("a hint button").click();
    settle().await;
    assert_eq!(root.query_selector_all(".lesson__hints li").unwrap().length(), 1, "one hint at a time");
    button(&root, "Another hint (1 left)").expect("another hint").click();
    settle().await;
    assert_eq!(root.query_selector_all(".lesson__hints li").unwrap().length(), 2);
    assert!(button(&root, "Another hint (0 left)").is_none(), "no more hints offered");

    run_typed(&root, "aws kinesis create-stream --stream-name S --shard-count 1").await;
    assert_eq!(goals_met(&root), (1, 2), "a state goal ticks after a typed command");
    assert!(button(&root, "Next step").is_none(), "not done yet");
    button(&root, "Show solution").unwrap().click();
    settle().await;
    assert!(text_of(&root, "[aria-label=\"Solution\"]").contains("aws kinesis put-record"));
    button(&root, "Run solution").unwrap().click();
    settle().await;
    assert_eq!(goals_met(&root), (2, 2), "the solution's put ticks the command goal");
    button(&root, "Next step").expect("the next step").click();
    settle().await;
    assert!(text_of(&root, ".lesson__where").contains("step 2 of 2"));
    // The clock moving (not a command) is enough for a state goal.
    button(&root, "+1 min").unwrap().click();
    settle().await;
    assert_eq!(goals_met(&root), (1, 1));
    button(&root, "Finish lesson").unwrap().click();
    settle().await;
    assert!(text_of(&root, ".lesson--complete").contains("Lesson complete."));
    set_hash("");
    remove(&root);
}

#[wasm_bindgen_test]
async fn html_in_a_lesson_or_a_record_payload_stays_text_in_every_lesson_view() {
    let root = start_lesson(HOSTILE_LESSON).await;
    button(&root, "Show a hint").unwrap().click();
    button(&root, "Show solution").unwrap().click();
    settle().await;
    button(&root, "Run solution").unwrap().click();
    settle().await;
    run_typed(&root, "aws kinesis get-records --shard-iterator $(aws kinesis get-shard-iterator --stream-name S --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --query ShardIterator --output text)").await;
    let panel = root.query_selector("[aria-label=\"Lesson\"]").unwrap().expect("the panel");
    for tag in ["img", "script", "b", "i"] {
        assert_eq!(
            root.query_selector_all(tag).unwrap().length(),
            0,
            "no <{tag}> element came from lesson or record text"
        );
    }
    let text = panel.text_content().unwrap_or_default();
    for literal in [
        "<script>alert(1)</script>",
        "Stream S <em>exists</em>",
        "First <b>hint</b>",
        "<img src=z onerror=alert(2)>",
        "A <b>bold</b> lesson",
    ] {
        assert!(text.contains(literal), "{literal:?} is shown as text: {text}");
    }
    let links = panel.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1, "only the https link is a link");
    let a = links.item(0).unwrap().unchecked_into::<Element>();
    assert!(a.get_attribute("href").unwrap().starts_with("https://docs.aws.amazon.com/"));
    assert_eq!(a.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert!(text.contains("this"), "the javascript: link stays text");
    set_hash("");
    remove(&root);
}

#[wasm_bindgen_test]
async fn progress_survives_a_reload_and_undo_stops_at_the_setup() {
    let root = start_lesson(HOSTILE_LESSON).await;
    assert!(button(&root, "Undo").unwrap().has_attribute("disabled"), "a lesson's setup cannot be undone");
    run_typed(&root, "aws kinesis create-stream --stream-name S --shard-count 1").await;
    button(&root, "Show a hint").unwrap().click();
    until("the hint", || root.query_selector_all(".lesson__hints li").map(|l| l.length()).unwrap_or(0) == 1).await;
    until("the progress stored", || {
        storage::load(storage::PROGRESS_KEY).is_some_and(|p| p.contains("\"hints_shown\":1"))
    })
    .await;
    set_hash("");
    remove(&root);

    let again = render_app(false).await;
    until("the lesson again", || text_of(&again, ".lesson__where").contains("step 1 of 2")).await;
    assert_eq!(goals_met(&again), (1, 2), "the goal met before the reload");
    assert_eq!(again.query_selector_all(".lesson__hints li").unwrap().length(), 1, "and the hint shown");
    button(&again, "Undo").unwrap().click();
    settle().await;
    assert_eq!(goals_met(&again), (0, 2), "undo takes the stream away, and its goal with it");
    assert!(button(&again, "Undo").unwrap().has_attribute("disabled"));
    button(&again, "Leave lesson").unwrap().click();
    settle().await;
    assert!(again.query_selector(".lesson").unwrap().is_none());
    remove(&again);
    storage::forget(kinesis_playground::ui::storage::PROGRESS_KEY);
}

#[wasm_bindgen_test]
async fn a_lesson_link_that_does_not_parse_is_refused_with_its_line() {
    let fragment =
        make_fragment(LinkKind::Lesson, "# Title\nsummary: s\n\n## Step\ntext\n\n### Goals\n- stream S sings\n")
            .await
            .unwrap();
    set_hash(&fragment);
    let root = render_app(true).await;
    until("the refusal", || text_of(&root, "[role=\"alert\"]").contains("line 8")).await;
    assert!(root.query_selector(".lesson").unwrap().is_none(), "no lesson started: {}", text_of(&root, ".lesson"));
    set_hash("");
    remove(&root);
}

/// A lesson whose step talks about shard 1, partition key `k` and a TRIM_HORIZON reader.
const FOCUS_LESSON: &str = r#"# Focus
summary: The views point at the step's subject.

## Setup
```
aws kinesis create-stream --stream-name F --shard-count 2
aws kinesis wait stream-exists --stream-name F
aws kinesis put-record --stream-name F --partition-key k --data aGk=
aws kinesis put-record --stream-name F --partition-key other --data aGk=
```

## Read shard 1
Read it.

### Goals
- reader TRIM_HORIZON records shard 1 | A `TRIM_HORIZON` reader of <b>shard 1</b> got records
- stream F records at-least 2 key k | Two records with key `k`

### Solution
```
echo
```
"#;

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).map(|l| l.length()).unwrap_or(0)
}

#[wasm_bindgen_test]
async fn goal_labels_show_inline_code_and_the_views_point_at_the_steps_subject() {
    let root = start_lesson(FOCUS_LESSON).await;
    let goals = root.query_selector(".lesson__goals").unwrap().expect("the goals");
    let codes: Vec<String> = (0..goals.query_selector_all("code").unwrap().length())
        .filter_map(|i| goals.query_selector_all("code").unwrap().item(i)?.text_content())
        .collect();
    assert_eq!(codes, ["TRIM_HORIZON", "k"], "backticks in a label are inline code");
    assert!(!goals.text_content().unwrap_or_default().contains('`'), "no raw backticks");
    assert!(goals.text_content().unwrap_or_default().contains("<b>shard 1</b>"), "HTML stays text");
    assert_eq!(count(&goals, "b"), 0);

    assert_eq!(count(&root, "article.lane.lesson-focus"), 1, "one lane is this step's");
    let lane = root.query_selector("article.lane.lesson-focus").unwrap().unwrap();
    assert_eq!(lane.get_attribute("aria-label").as_deref(), Some("shardId-000000000001 lane"));
    assert!(lane.text_content().unwrap_or_default().contains("this step"), "with its tag");
    assert_eq!(count(&root, ".keyspace-seg.lesson-focus"), 1, "and its slice of the hash key space");
    assert_eq!(count(&root, "tr.lesson-focus"), 1, "the record with partition key k");

    // A reader of shard 1 from TRIM_HORIZON, started in the Readers view, is this step's too.
    let shard: web_sys::HtmlSelectElement =
        root.query_selector("select[aria-label=\"Shard\"]").unwrap().expect("the reader form").dyn_into().unwrap();
    shard.set_value("1");
    let init = EventInit::new();
    init.set_bubbles(true);
    shard.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    settle().await;
    button(&root, "Start reader").expect("Start reader").click();
    until("the reader card", || count(&root, "article.reader") == 1).await;
    assert_eq!(count(&root, "article.reader.lesson-focus"), 1, "the reader card points at the step");
    until("the session stored", || storage::load(SESSION_KEY).is_some_and(|s| s.contains("R1=$("))).await;
    set_hash("");
    remove(&root);

    // After a reload the reader card is back, where its iterator points.
    let again = render_app(false).await;
    until("the reader card again", || count(&again, "article.reader") == 1).await;
    let card = again.query_selector("article.reader").unwrap().unwrap();
    assert_eq!(card.get_attribute("aria-label").as_deref(), Some("Reader R1"));
    assert!(card.text_content().unwrap_or_default().contains("shardId-000000000001"));
    button(&again, "Remove reader R1").expect("Remove").click();
    settle().await;
    assert_eq!(count(&again, "article.reader"), 0);
    until("the removal stored", || storage::load(SESSION_KEY).is_some_and(|s| s.contains("unset R1"))).await;
    remove(&again);
    let third = render_app(false).await;
    settle().await;
    settle().await;
    assert_eq!(count(&third, "article.reader"), 0, "a removed card stays removed");
    remove(&third);
    storage::forget(storage::PROGRESS_KEY);
}
