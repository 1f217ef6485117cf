//! Files and bytes in the browser: downloads, files the learner picks, and the compression share links use.
//!
//! Compression is the browser's own (the Compression Streams API, `deflate-raw`, in every current browser), so it
//! adds no compressor to the page's wasm. Every call may fail (an old browser, a refused download): failures come
//! back as a sentence, never a panic.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

// The Compression Streams API (web-sys has it only behind its unstable-APIs flag).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(extends = js_sys::Object, js_name = CompressionStream)]
    type CompressionStream;
    #[wasm_bindgen(catch, constructor, js_class = "CompressionStream")]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    #[wasm_bindgen(extends = js_sys::Object, js_name = DecompressionStream)]
    type DecompressionStream;
    #[wasm_bindgen(catch, constructor, js_class = "DecompressionStream")]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// Offers `text` as a download named `name`.
///
/// # Errors
/// A sentence when the browser would not make the file.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| format!("The browser would not save {name}.");
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| fail(JsValue::NULL))?;
    let parts = Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the first file picked in an `<input type=file>`, refused past `max_bytes`.
///
/// # Errors
/// A sentence when no file was picked, it is too large, or it could not be read as text.
pub async fn read_picked(input: &web_sys::HtmlInputElement, max_bytes: usize) -> Result<(String, String), String> {
    let file = input.files().and_then(|f| f.get(0)).ok_or("No file was picked.")?;
    let name = file.name();
    if file.size() > max_bytes as f64 {
        return Err(format!("{name} is larger than the {} KiB the playground opens.", max_bytes / 1024));
    }
    let text = JsFuture::from(file.text()).await.map_err(|_| format!("{name} could not be read."))?;
    text.as_string().map(|t| (name.clone(), t)).ok_or_else(|| format!("{name} is not text."))
}

/// `bytes` compressed with raw deflate.
///
/// # Errors
/// A sentence when this browser cannot compress.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let stream =
        CompressionStream::new("deflate-raw").map_err(|_| "This browser cannot make compressed links.".to_owned())?;
    pipe(bytes, &stream.unchecked_into(), usize::MAX).await.map_err(|_| "The link could not be made.".to_owned())
}

/// `bytes` decompressed from raw deflate, refused once the result passes `max_bytes`.
///
/// # Errors
/// `Err(true)` when it grew past `max_bytes`, `Err(false)` when it is not deflate data (or the browser cannot
/// decompress).
pub async fn inflate(bytes: &[u8], max_bytes: usize) -> Result<Vec<u8>, bool> {
    let stream = DecompressionStream::new("deflate-raw").map_err(|_| false)?;
    pipe(bytes, &stream.unchecked_into(), max_bytes).await
}

/// Pushes `bytes` through a transform stream and collects its output, stopping past `max_bytes` (`Err(true)`);
/// `Err(false)` when the stream fails.
async fn pipe(bytes: &[u8], pair: &web_sys::ReadableWritablePair, max_bytes: usize) -> Result<Vec<u8>, bool> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| false)?;
    let reader: web_sys::ReadableStreamDefaultReader = blob.stream().pipe_through(pair).get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| false)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into()).map_err(|_| false)?;
        if done.is_truthy() {
            return Ok(out);
        }
        let value: Uint8Array = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| false)?.unchecked_into();
        if out.len() + value.length() as usize > max_bytes {
            let _ = reader.cancel();
            return Err(true);
        }
        out.extend(value.to_vec());
    }
}
