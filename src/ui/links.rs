//! Share links: a session or a lesson file, compressed, in the page's URL fragment, so that a static host serves
//! them and nothing leaves the browser.
//!
//! `#s1=<data>` carries a session document (`src/session`: settings, start time, seed, command log; producers'
//! records are not in it, they replay from the seed), `#l1=<data>` a lesson file. `<data>` is the text
//! compressed with raw deflate ([`super::files::deflate`]) in unpadded base64url; the digit is the link format
//! version. Links are untrusted: one that is too long, damaged or from a newer format is refused with a sentence,
//! and nothing else changes. `#scenario=` links (`crate::sim::scenario`) are read elsewhere, as before.

use super::files;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// The link format this page writes, and the newest it reads.
pub const LINK_VERSION: u32 = 1;
/// The longest `<data>` read or written, in characters (browsers and chat apps cut longer addresses).
pub const MAX_LINK_CHARS: usize = 32 * 1024;
/// The most text a link may unpack to.
pub const MAX_UNPACKED_BYTES: usize = 1 << 20;

/// What a link carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Session,
    Lesson,
}

impl LinkKind {
    fn letter(self) -> char {
        match self {
            LinkKind::Session => 's',
            LinkKind::Lesson => 'l',
        }
    }

    fn what(self) -> &'static str {
        match self {
            LinkKind::Session => "session",
            LinkKind::Lesson => "lesson",
        }
    }
}

/// The link's kind and its still-compressed bytes, from a fragment (with or without `#`); `None` when the
/// fragment carries no session or lesson link (it may hold a scenario, or nothing).
///
/// # Errors
/// A sentence for a link that is too long, damaged or of a newer format.
pub fn read_fragment(fragment: &str) -> Option<Result<(LinkKind, Vec<u8>), String>> {
    let f = fragment.trim_start_matches('#');
    let (head, data) = f.split_once('=')?;
    let kind = match head.chars().next()? {
        's' => LinkKind::Session,
        'l' => LinkKind::Lesson,
        _ => return None,
    };
    let version: u32 = match head[1..].parse() {
        Ok(v) if v >= 1 => v,
        _ if head[1..].chars().all(|c| c.is_ascii_digit()) && head.len() > 1 => 0,
        _ => return None,
    };
    let kept = " Nothing was changed: your session is as it was.";
    if version == 0 || version > LINK_VERSION {
        let reason = if version == 0 {
            format!("This {} link is damaged (its format number {} is not 1, 2, 3, ...).", kind.what(), &head[1..])
        } else {
            format!(
                "This {} link was made by a newer version of the playground (link format {version}; this one reads \
                 format {LINK_VERSION}). Open it in a newer playground.",
                kind.what()
            )
        };
        return Some(Err(reason + kept));
    }
    if data.len() > MAX_LINK_CHARS {
        return Some(Err(format!(
            "This {} link is too long ({} KiB; a link may carry at most {} KiB).{kept}",
            kind.what(),
            data.len().div_ceil(1024),
            MAX_LINK_CHARS / 1024
        )));
    }
    Some(URL_SAFE_NO_PAD.decode(data.trim_end_matches('=')).map(|bytes| (kind, bytes)).map_err(|_| {
        format!("This {} link is damaged (it is not valid base64url); ask for the link again.{kept}", kind.what())
    }))
}

/// Unpacks a link's bytes into its text.
///
/// # Errors
/// A sentence when the bytes do not unpack to text of at most [`MAX_UNPACKED_BYTES`].
pub async fn unpack(kind: LinkKind, bytes: &[u8]) -> Result<String, String> {
    let kept = " Nothing was changed: your session is as it was.";
    let text = files::inflate(bytes, MAX_UNPACKED_BYTES).await.map_err(|too_long| {
        if too_long {
            format!(
                "This {} link unpacks to more than {} KiB, more than a link may carry.{kept}",
                kind.what(),
                MAX_UNPACKED_BYTES >> 10
            )
        } else {
            format!("This {} link is damaged (its data does not unpack); ask for the link again.{kept}", kind.what())
        }
    })?;
    String::from_utf8(text).map_err(|_| format!("This {} link is damaged (it is not text).{kept}", kind.what()))
}

/// The fragment (without `#`) carrying `text` as a link of this kind.
///
/// # Errors
/// A sentence when the compressed text is longer than a link may carry, or the browser cannot compress.
pub async fn make_fragment(kind: LinkKind, text: &str) -> Result<String, String> {
    let packed = files::deflate(text.as_bytes()).await?;
    let data = URL_SAFE_NO_PAD.encode(packed);
    if data.len() > MAX_LINK_CHARS {
        return Err(format!(
            "This {} is too long for a link ({} KiB packed; a link may carry {} KiB). Use “Save session” and send \
             the file instead.",
            kind.what(),
            data.len().div_ceil(1024),
            MAX_LINK_CHARS / 1024
        ));
    }
    Ok(format!("{}{LINK_VERSION}={data}", kind.letter()))
}

/// The page's address without its fragment.
pub fn page_base() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// Removes the fragment from the address bar (no reload, no history entry), so a reload does not offer the
/// same link again.
pub fn clear_fragment() {
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_base()));
        }
    }
}
