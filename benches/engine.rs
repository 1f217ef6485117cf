//! Engine throughput benchmark (to be built).
fn main() {}
