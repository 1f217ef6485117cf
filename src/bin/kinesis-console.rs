//! The native console (to be built).
fn main() {}
