//! Engine benchmark: `cargo bench --bench engine`.
//!
//! Prints one table: an MD5-only baseline over the same 16-byte keys, engine-level PutRecord and PutRecords
//! (batches of 500), a GetRecords scan of one large shard (Limit 10000, following NextShardIterator), the memory
//! each retained record costs beyond its key and payload (a counting global allocator), and, as extra lines,
//! PutRecord with an ExplicitHashKey (the engine's cost without the MD5) and PutRecord through the JSON api layer.
//! Targets (design.md, "Budgets"): PutRecord at least 50% of the MD5-only rate, GetRecords at least 5,000,000
//! records/s, at most 100 bytes per record of overhead.
//!
//! Memory: in the browser the engine runs on wasm's allocator, which never hands freed memory back, so a running
//! playground writes records into memory it has used before (retention frees old chunks, new records reuse them).
//! glibc instead returns large freed blocks to the kernel, and every round would then pay the kernel for zeroing
//! fresh pages on first touch (about a third of a cold PutRecord). The benchmark therefore measures one cold
//! PutRecord round first (shown as an extra line), then asks glibc to keep freed memory (`mallopt`) for the rest.
//!
//! Wall-clock time is read here only, never in `src/`.

use kinesis_playground::api;
use kinesis_playground::engine::records::PutRecordInput;
use serde_json::{json, Value};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

/// The workload `scripts/bench-wasm.sh` also runs in the browser (`examples/bench_wasm.rs`).
#[allow(dead_code)]
mod workload;
use workload::{
    batches, engine, get_records_scan, md5_only, put_record, put_records, stream, KEY_LEN, PAYLOAD_LEN, PUT_N, SCAN_N,
    SCAN_PASSES, SHARDS,
};

/// Counts the bytes currently allocated through the global allocator.
struct Counting;

static ALLOCATED: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        ALLOCATED.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATED.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocated() -> isize {
    ALLOCATED.load(Ordering::Relaxed)
}

const API_N: usize = 200_000;
/// The MD5 baseline and the two put measurements run interleaved this many times, and the best of each is kept:
/// the machine is shared, so a ratio of two measurements taken minutes apart would measure the neighbours.
const ROUNDS: usize = 5;

/// Seconds since the first call.
fn now() -> f64 {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64()
}

/// PutRecord with an ExplicitHashKey: the same work minus the MD5, i.e. the engine's own cost per record.
fn put_record_explicit(keys: &[String], payload: &[u8]) -> f64 {
    let mut e = engine();
    stream(&mut e, "bench", SHARDS);
    let hashes: Vec<u128> =
        (0..keys.len() as u128).map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835)).collect();
    let t = Instant::now();
    for (k, h) in keys.iter().zip(&hashes) {
        let input = PutRecordInput { partition_key: k, data: payload, explicit_hash_key: Some(*h) };
        black_box(e.put_record("bench", &input, None).expect("put"));
    }
    keys.len() as f64 / t.elapsed().as_secs_f64()
}

fn bytes_per_record(keys: &[String], payload: &[u8]) -> f64 {
    let mut e = engine();
    stream(&mut e, "mem", SHARDS);
    let before = allocated();
    for k in keys {
        let input = PutRecordInput { partition_key: k, data: payload, explicit_hash_key: None };
        e.put_record("mem", &input, None).expect("put");
    }
    let after = allocated();
    black_box(&e);
    (after - before) as f64 / keys.len() as f64 - (KEY_LEN + PAYLOAD_LEN) as f64
}

fn api_put_record(keys: &[String], payload: &[u8]) -> f64 {
    use base64::Engine as _;
    let data = base64::engine::general_purpose::STANDARD.encode(payload);
    let requests: Vec<Value> =
        keys.iter().map(|k| json!({"StreamName": "api", "PartitionKey": k, "Data": data})).collect();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let mut e = engine();
        stream(&mut e, "api", SHARDS);
        let t = Instant::now();
        for r in &requests {
            black_box(api::call(&mut e, "PutRecord", r).expect("api put"));
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    requests.len() as f64 / best
}

/// `cargo bench --bench engine -- <name>` runs only the measurements whose name contains `<name>` (for
/// profiling one of them); with no argument (or cargo's own `--bench` flag) everything runs.
fn selected(name: &str) -> bool {
    let filters: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()))
}

fn measure(name: &str, f: impl FnOnce() -> f64) -> f64 {
    if selected(name) {
        f()
    } else {
        f64::NAN
    }
}

/// The higher of two rates, ignoring a rate that was not measured.
fn best(a: f64, b: f64) -> f64 {
    if a.is_nan() {
        b
    } else {
        a.max(b)
    }
}

/// Asks glibc to keep freed memory for reuse instead of returning it to the kernel, as wasm's allocator does.
fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator tuning parameters; called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 30);
        libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX);
    }
}

fn main() {
    let keys = workload::keys(PUT_N);
    assert!(keys.iter().all(|k| k.len() == KEY_LEN));
    let payload = workload::payload();

    let batches = batches(&keys, &payload);
    // One round into memory the process has never touched, before glibc is asked to keep freed memory.
    let cold = measure("put_record_cold", || put_record(&keys, &payload, &now));
    keep_freed_memory();
    let (mut md5, mut put, mut puts, mut explicit) = (f64::NAN, f64::NAN, f64::NAN, f64::NAN);
    for _ in 0..ROUNDS {
        md5 = best(md5, measure("md5", || md5_only(&keys, &now)));
        put = best(put, measure("put_record", || put_record(&keys, &payload, &now)));
        puts = best(puts, measure("put_records", || put_records(&batches, &now)));
        explicit = best(explicit, measure("explicit", || put_record_explicit(&keys, &payload)));
    }
    let scan = measure("get_records", || get_records_scan(&keys[..SCAN_N], &payload, SCAN_PASSES, &now));
    let overhead = measure("memory", || bytes_per_record(&keys, &payload));
    let api_put = measure("api", || api_put_record(&keys[..API_N], &payload));

    let verdict = |ok: bool| if ok { "ok" } else { "MISSED" };
    println!();
    println!("Kinesis Playground engine benchmark ({PUT_N} records, {KEY_LEN}-byte keys, {PAYLOAD_LEN}-byte payloads, {SHARDS} shards, best of {ROUNDS} interleaved rounds)");
    println!();
    println!("| measurement | result | target | |");
    println!("|---|---:|---|---|");
    println!("| MD5 only (baseline) | {:>12.0} keys/s | | |", md5);
    println!(
        "| PutRecord (engine) | {:>12.0} records/s | >= 50% of MD5 only ({:.0}%) | {} |",
        put,
        100.0 * put / md5,
        verdict(put >= 0.5 * md5)
    );
    println!(
        "| PutRecords, 500 per batch (engine) | {:>12.0} records/s | >= 50% of MD5 only ({:.0}%) | {} |",
        puts,
        100.0 * puts / md5,
        verdict(puts >= 0.5 * md5)
    );
    println!(
        "| GetRecords scan, Limit 10000 (engine) | {:>12.0} records/s | >= 5,000,000 | {} |",
        scan,
        verdict(scan >= 5_000_000.0)
    );
    println!(
        "| memory per retained record beyond key + payload | {:>12.1} bytes | <= 100 | {} |",
        overhead,
        verdict(overhead <= 100.0)
    );
    println!(
        "| extra: PutRecord with ExplicitHashKey (engine without MD5) | {:>12.0} records/s | (none) | |",
        explicit
    );
    println!(
        "| extra: PutRecord (engine) into never-touched memory, one round | {:>12.0} records/s | (none) | |",
        cold
    );
    println!("| extra: PutRecord through api::call (JSON in/out, base64) | {:>12.0} records/s | (none) | |", api_put);
    println!();
}
