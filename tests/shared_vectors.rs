//! The routing and sequence-number vectors, natively. tests/web.rs checks the same file in the browser.

#[path = "vectors/routing.rs"]
mod routing;

#[test]
fn routing_and_sequence_vectors_natively() {
    routing::check_all();
}
