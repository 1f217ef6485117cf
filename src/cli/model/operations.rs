//! The one list of Kinesis operations the CLI offers, and the CLI's names for them.
//!
//! `scripts/gen_cli_model.py` reads the list between the `BEGIN`/`END` markers to decide which operations and shapes
//! go into the trimmed service model (`src/cli/model/model.json`), so adding an operation here and re-running the script
//! is all it takes to offer it (once the api layer implements it).

/// Operations the playground simulates, by their PascalCase API name (the CLI name is derived, see [`cli_name`]).
pub const SUPPORTED_OPERATIONS: &[&str] = &[
    // BEGIN SUPPORTED OPERATIONS
    "AddTagsToStream",
    "CreateStream",
    "DecreaseStreamRetentionPeriod",
    "DeleteStream",
    "DescribeLimits",
    "DescribeStream",
    "DescribeStreamSummary",
    "GetRecords",
    "GetShardIterator",
    "IncreaseStreamRetentionPeriod",
    "ListShards",
    "ListStreams",
    "ListTagsForStream",
    "MergeShards",
    "PutRecord",
    "PutRecords",
    "RemoveTagsFromStream",
    "SplitShard",
    "UpdateShardCount",
    "UpdateStreamMode",
    // END SUPPORTED OPERATIONS
];

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

/// The API name of a supported operation given its CLI name (`put-record` -> `PutRecord`).
pub fn supported_by_cli_name(name: &str) -> Option<&'static str> {
    SUPPORTED_OPERATIONS.iter().copied().find(|op| cli_name(op) == name)
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
        assert_eq!(supported_by_cli_name("put-records"), Some("PutRecords"));
        assert_eq!(supported_by_cli_name("nope"), None);
    }
}
