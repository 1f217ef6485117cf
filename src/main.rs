//! The WebAssembly entry point: mounts the Yew app into the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    kinesis_playground::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "kinesis-playground is the browser build; run `cargo run --bin kinesis-console` for the terminal console."
    );
    std::process::exit(2);
}
