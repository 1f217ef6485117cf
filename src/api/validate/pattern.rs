//! The service model's patterns, checked without a regex engine (the page ships no regex crate).

/// Patterns of the service model, checked without a regex engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// `[a-zA-Z0-9_.-]+`
    Name,
    /// `arn:aws.*:kinesis:.*:\d{12}:stream/\S+`
    StreamArn,
    /// `0|([1-9]\d{0,38})`
    HashKey,
    /// `0|([1-9]\d{0,128})`
    SequenceNumber,
    /// `[a-z0-9]{20}-[a-z0-9]{3}` (StreamId, reserved by the model for future use)
    StreamId,
    /// `arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+` (a stream's or a consumer's ARN)
    ResourceArn,
    /// `^(arn):aws.*:kinesis:.*:\d{12}:.*stream\/[a-zA-Z0-9_.-]+\/consumer\/[a-zA-Z0-9_.-]+:[0-9]+`
    ConsumerArn,
}

impl Pattern {
    /// The pattern as the model (and AWS's message) writes it.
    pub fn text(self) -> &'static str {
        match self {
            Pattern::Name => "[a-zA-Z0-9_.-]+",
            Pattern::StreamArn => "arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+",
            Pattern::HashKey => "0|([1-9]\\d{0,38})",
            Pattern::SequenceNumber => "0|([1-9]\\d{0,128})",
            Pattern::StreamId => "[a-z0-9]{20}-[a-z0-9]{3}",
            Pattern::ResourceArn => "arn:aws.*:kinesis:.*:\\d{12}:.*stream/\\S+",
            Pattern::ConsumerArn => {
                "^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+"
            }
        }
    }

    /// Whether the whole text matches.
    pub fn matches(self, s: &str) -> bool {
        let decimal = |max_rest: usize| {
            s == "0"
                || (s.len() <= max_rest + 1
                    && s.bytes().next().is_some_and(|b| (b'1'..=b'9').contains(&b))
                    && s.bytes().all(|b| b.is_ascii_digit()))
        };
        match self {
            Pattern::Name => !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b)),
            Pattern::HashKey => decimal(38),
            Pattern::SequenceNumber => decimal(128),
            Pattern::StreamArn => arn_matches(s, false),
            Pattern::ResourceArn => arn_matches(s, true),
            Pattern::ConsumerArn => consumer_arn_matches(s),
            Pattern::StreamId => {
                let b = s.as_bytes();
                let lower = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
                b.len() == 24 && b[20] == b'-' && b[..20].iter().all(lower) && b[21..].iter().all(lower)
            }
        }
    }
}

/// `arn:aws.*:kinesis:.*:\d{12}:stream/\S+`, or with `anything_before_stream`
/// `arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+`: tries every way the `.*` parts can fall.
fn arn_matches(s: &str, anything_before_stream: bool) -> bool {
    let Some(rest) = s.strip_prefix("arn:aws") else {
        return false;
    };
    let account_at = |i: usize| {
        let b = rest.as_bytes();
        b.get(i) == Some(&b':')
            && b.get(i + 13) == Some(&b':')
            && b.get(i + 1..i + 13).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    rest.match_indices(":kinesis:").any(|(k, _)| {
        let from = k + ":kinesis:".len();
        (from..rest.len()).filter(|&d| account_at(d)).any(|d| {
            let after = d + 14;
            rest[after..].match_indices("stream/").any(|(st, _)| {
                let tail = &rest[after + st + "stream/".len()..];
                (anything_before_stream || st == 0) && !tail.is_empty() && !tail.chars().any(char::is_whitespace)
            })
        })
    })
}

fn consumer_arn_matches(s: &str) -> bool {
    let name = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
    // Names hold no `/` or `:`, so the last separators are the ones the pattern means.
    let Some((head, secs)) = s.rsplit_once(':') else { return false };
    let Some((head, consumer)) = head.rsplit_once("/consumer/") else { return false };
    let Some((head, stream)) = head.rsplit_once('/') else { return false };
    let Some(head) = head.strip_suffix("stream").and_then(|h| h.strip_prefix("arn:aws")) else { return false };
    let account_after_kinesis = head.match_indices(":kinesis:").any(|(k, _)| {
        let after = &head.as_bytes()[k + ":kinesis:".len()..];
        (0..after.len()).any(|i| {
            after[i] == b':' && after.get(i + 13) == Some(&b':') && after[i + 1..i + 13].iter().all(u8::is_ascii_digit)
        })
    });
    !secs.is_empty()
        && secs.bytes().all(|b| b.is_ascii_digit())
        && name(consumer)
        && name(stream)
        && account_after_kinesis
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        assert!(Pattern::StreamArn.matches("arn:aws:kinesis:us-east-1:123456789012:stream/DemoStream"));
        assert!(!Pattern::StreamArn.matches("arn:aws:kinesis:us-east-1:12345:stream/DemoStream"));
        assert!(!Pattern::StreamArn.matches("arn:aws:kinesis:us-east-1:123456789012:stream/"));
        assert!(Pattern::HashKey.matches("0"));
        assert!(!Pattern::HashKey.matches("01"));
        assert!(Pattern::HashKey.matches(&"9".repeat(39)));
        assert!(!Pattern::HashKey.matches(&"9".repeat(40)));
        assert!(!Pattern::SequenceNumber.matches(""));
        let c = "arn:aws:kinesis:us-east-1:123456789012:stream/S/consumer/app:1704067205";
        assert!(Pattern::ConsumerArn.matches(c));
        assert!(Pattern::ConsumerArn.matches("arn:aws-cn:kinesis:cn-north-1:123456789012:stream/S/consumer/a.b-c_d:0"));
        assert!(Pattern::ConsumerArn.matches("arn:aws:kinesis::123456789012:x-stream/S/consumer/a:1"));
        for bad in [
            "arn:aws:kinesis:us-east-1:123456789012:stream/S",
            "arn:aws:kinesis:us-east-1:12345:stream/S/consumer/app:1",
            "arn:aws:kinesis:us-east-1:123456789012:stream/S/consumer/app",
            "arn:aws:kinesis:us-east-1:123456789012:stream/S/consumer/app:",
            "arn:aws:kinesis:us-east-1:123456789012:stream/S/consumer/a b:1",
            "arn:aws:kinesis:us-east-1:123456789012:stream/S/consumer/app:1x",
            "arn:aws:kinesis:us-east-1:123456789012:stream//consumer/app:1",
            "arn:aws:sqs:us-east-1:123456789012:stream/S/consumer/app:1",
            "",
        ] {
            assert!(!Pattern::ConsumerArn.matches(bad), "{bad}");
        }
    }

    #[test]
    fn resource_arns_and_stream_ids() {
        let p = Pattern::ResourceArn;
        assert!(p.matches("arn:aws:kinesis:us-east-1:123456789012:stream/S"));
        assert!(p.matches("arn:aws:kinesis:us-east-1:123456789012:stream/S/consumer/C:1704067200"));
        assert!(p.matches("arn:aws-cn:kinesis:cn-north-1:123456789012:mystream/S"));
        assert!(!p.matches("arn:aws:kinesis:us-east-1:123456789012:stream/"));
        assert!(!p.matches("arn:aws:sqs:us-east-1:123456789012:stream/S"));
        assert!(!p.matches("arn:aws:kinesis:us-east-1:12345678901:stream/S"));
        assert!(!Pattern::StreamArn.matches("arn:aws-cn:kinesis:cn-north-1:123456789012:mystream/S"));
        assert!(Pattern::StreamArn.matches("arn:aws:kinesis:x:y:123456789012:stream/S"));
        assert!(Pattern::StreamId.matches("abcdefghij0123456789-a1b"));
        assert!(!Pattern::StreamId.matches("ABCDEFGHIJ0123456789-a1b"));
        assert!(!Pattern::StreamId.matches("abcdefghij0123456789_a1b"));
        assert!(!Pattern::StreamId.matches("é"));
    }
}
