//! The two sides of `scripts/bench-wasm.sh`: the engine workload of `benches/engine.rs` (`benches/workload/`), one
//! measurement per call, so that the script can run each measurement natively and in the page back to back.
//!
//! - In the browser (wasm32, built with the release profile exactly as the page ships, then wasm-bindgen and
//!   wasm-opt as Trunk runs them): `bench_measure(k)` is exported and runs on the page's main thread, timed with
//!   `performance.now()`.
//! - Natively (built with the bench profile, as `benches/engine.rs` is): `bench_wasm` reads measurement numbers,
//!   one a line, from standard input and prints each result on a line of its own; `bench_wasm all` runs each once.
//!
//! Measurements: 0 MD5 only (keys/s), 1 PutRecord, 2 PutRecords (500 per batch), 3 the GetRecords scan
//! (records/s). Not part of the page: its wasm is built from `src/main.rs` alone.

#[allow(dead_code)]
#[path = "../benches/workload/mod.rs"]
mod workload;

use kinesis_playground::engine::records::PutRecordInput;
use std::sync::OnceLock;

/// The keys, the payload and the PutRecords batches: made once per process (not timed), as both sides keep them.
struct Data {
    keys: &'static [String],
    payload: &'static [u8],
    batches: Vec<Vec<PutRecordInput<'static>>>,
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let keys: &'static [String] = Vec::leak(workload::keys(workload::PUT_N));
        let payload: &'static [u8] = Vec::leak(workload::payload());
        Data { keys, payload, batches: workload::batches(keys, payload) }
    })
}

/// Measurement `k` with the given clock (seconds), per second; NaN for an unknown `k`.
fn measure(k: u32, now: workload::Clock) -> f64 {
    let d = data();
    match k {
        0 => workload::md5_only(d.keys, now),
        1 => workload::put_record(d.keys, d.payload, now),
        2 => workload::put_records(&d.batches, now),
        3 => workload::get_records_scan(&d.keys[..workload::SCAN_N], d.payload, workload::SCAN_PASSES, now),
        _ => f64::NAN,
    }
}

#[cfg(target_arch = "wasm32")]
mod page {
    use wasm_bindgen::prelude::*;

    /// Measurement `k` in the page (see the module's documentation), per second.
    #[wasm_bindgen]
    pub fn bench_measure(k: u32) -> f64 {
        let performance = web_sys::window().and_then(|w| w.performance());
        let now = move || performance.as_ref().map_or(0.0, |p| p.now() / 1000.0);
        super::measure(k, &now)
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::time::Instant;
    // As in benches/engine.rs: glibc keeps freed memory for reuse instead of returning it to the kernel, as wasm's
    // allocator does, so neither side pays for fresh pages once warmed up.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator tuning parameters; called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 30);
        libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX);
    }
    let start = Instant::now();
    let now = move || start.elapsed().as_secs_f64();
    if std::env::args().nth(1).as_deref() == Some("all") {
        let all: Vec<String> = (0..4).map(|k| format!("{:.0}", measure(k, &now))).collect();
        println!("{}", all.join(" "));
        return;
    }
    // scripts/bench-wasm.sh keeps this one process for the whole run, as the page keeps one wasm instance, so that
    // both sides reuse the memory of their earlier measurements.
    for line in std::io::stdin().lines() {
        let Ok(line) = line else { break };
        let k = line.trim().parse().unwrap_or(u32::MAX);
        println!("{:.0}", measure(k, &now));
    }
}
