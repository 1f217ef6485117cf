//! The CLI's names for Kinesis operations and members.
//!
//! Which operations the CLI offers is not a list here: `scripts/gen_cli_model.py` puts every operation of the pinned
//! model (AWS CLI 2.36.7) into `model.json`, and the model keeps those [`crate::api`] simulates.

/// botocore's `xform_name`: `DescribeStreamSummary` -> `describe-stream-summary`, `ListTagsForStream` ->
/// `list-tags-for-stream`, `StreamARN` -> `stream-arn`, `KMSKeyId` -> `kms-key-id`.
pub fn cli_name(pascal: &str) -> String {
    let chars: Vec<char> = pascal.chars().collect();
    let mut out = String::with_capacity(pascal.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev.is_ascii_lowercase() || prev.is_ascii_digit() || (prev.is_ascii_uppercase() && next_lower) {
                out.push('-');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_like_botocore() {
        assert_eq!(cli_name("DescribeStreamSummary"), "describe-stream-summary");
        assert_eq!(cli_name("StreamARN"), "stream-arn");
        assert_eq!(cli_name("KeyId"), "key-id");
        assert_eq!(cli_name("KMSKeyId"), "kms-key-id");
        assert_eq!(cli_name("ShardId"), "shard-id");
        assert_eq!(cli_name("WarmThroughputMiBps"), "warm-throughput-mi-bps");
        assert_eq!(cli_name("MaxRecordSizeInKiB"), "max-record-size-in-ki-b");
    }
}
