//! Showing a record's payload as text, JSON or base64, as the AWS console's data viewer does.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

/// How to show a payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayloadFormat {
    Text,
    Json,
    Base64,
}

/// A rendered payload and, when it could not be shown as asked, a note saying why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedPayload {
    pub text: String,
    pub note: Option<String>,
}

/// Renders payload bytes. The result is plain text for a text node: never markup.
pub fn render(data: &[u8], format: PayloadFormat) -> RenderedPayload {
    match format {
        PayloadFormat::Base64 => RenderedPayload { text: STANDARD.encode(data), note: None },
        PayloadFormat::Text => match std::str::from_utf8(data) {
            Ok(s) => RenderedPayload { text: s.to_owned(), note: None },
            Err(_) => RenderedPayload {
                text: String::from_utf8_lossy(data).into_owned(),
                note: Some("These bytes are not valid UTF-8 text; unreadable bytes show as \u{fffd}.".into()),
            },
        },
        PayloadFormat::Json => match serde_json::from_slice::<serde_json::Value>(data) {
            Ok(v) => RenderedPayload { text: serde_json::to_string_pretty(&v).unwrap_or_default(), note: None },
            Err(e) => RenderedPayload {
                text: String::from_utf8_lossy(data).into_owned(),
                note: Some(format!(
                    "This payload is not JSON ({e}), so it is shown as text. A common cause: the shell removed the inner double quotes of --data \"{{\"a\": 1}}\"; quote the whole payload with single quotes instead."
                )),
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_each_format() {
        assert_eq!(render(b"{\"a\":1}", PayloadFormat::Json).text, "{\n  \"a\": 1\n}");
        let not_json = render(b"{trans_id: 1}", PayloadFormat::Json);
        assert_eq!(not_json.text, "{trans_id: 1}");
        assert!(not_json.note.unwrap().contains("not JSON"));
        assert_eq!(render(b"hi", PayloadFormat::Base64).text, "aGk=");
        assert!(render(&[0xff, 0x41], PayloadFormat::Text).note.is_some());
        assert_eq!(render(b"<b>x</b>", PayloadFormat::Text).text, "<b>x</b>");
    }
}
