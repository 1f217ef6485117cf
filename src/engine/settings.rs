//! A stream's settings beside its shards: server-side encryption, shard-level metrics (enhanced monitoring), the
//! maximum record size, warm throughput and its resource policy; and [`StreamUpdate`], the change an UPDATING
//! stream makes when UPDATING ends (as in Kinesis, a split, a merge, a new shard count, a new key or new metrics
//! take effect then, not when they are asked for).

use super::hash_key::HashKeyRange;
use crate::time::Millis;

/// The shard-level metrics of enhanced monitoring, in the service model's order (`ALL` means every one).
pub const SHARD_LEVEL_METRICS: [&str; 7] = [
    "IncomingBytes",
    "IncomingRecords",
    "OutgoingBytes",
    "OutgoingRecords",
    "WriteProvisionedThroughputExceeded",
    "ReadProvisionedThroughputExceeded",
    "IteratorAgeMilliseconds",
];

/// The largest record a new stream takes: 1 MiB, unless CreateStream or UpdateMaxRecordSize says otherwise.
pub const DEFAULT_MAX_RECORD_SIZE_KIB: u32 = 1024;
/// The largest maximum record size: 10 MiB.
pub const MAX_MAX_RECORD_SIZE_KIB: u32 = 10_240;
/// The AWS managed key for Kinesis: always there, in every account.
pub const AWS_MANAGED_KEY: &str = "alias/aws/kinesis";

/// Server-side encryption with a KMS key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encryption {
    /// The key as the caller named it (a key ID, a key or alias ARN, or `alias/...`), as descriptions echo it.
    pub key_id: String,
}

/// What a stream is set to, beside its shards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamSettings {
    /// `None`: EncryptionType NONE.
    pub encryption: Option<Encryption>,
    /// When encryption was switched on (`true`) or off (`false`), oldest first: a record is encrypted when the
    /// last switch at or before its arrival turned encryption on.
    encryption_changes: Vec<(Millis, bool)>,
    /// When StartStreamEncryption and StopStreamEncryption succeeded, over the last day (25 each at most).
    pub encryption_ops_ms: Vec<(Millis, bool)>,
    /// Enabled shard-level metrics, in the model's order.
    pub shard_level_metrics: Vec<&'static str>,
    /// The largest record the stream takes, in KiB.
    pub max_record_size_kib: u32,
    /// The warm throughput asked for (on-demand streams in accounts with a minimum throughput commitment).
    pub warm_throughput_mibps: Option<u32>,
    /// The resource-based policy document, as it was put.
    pub policy: Option<String>,
    /// The policies of the stream's registered consumers, by consumer ARN.
    pub consumer_policies: std::collections::BTreeMap<String, String>,
}

impl Default for StreamSettings {
    fn default() -> Self {
        StreamSettings {
            encryption: None,
            encryption_changes: Vec::new(),
            encryption_ops_ms: Vec::new(),
            shard_level_metrics: Vec::new(),
            max_record_size_kib: DEFAULT_MAX_RECORD_SIZE_KIB,
            warm_throughput_mibps: None,
            policy: None,
            consumer_policies: Default::default(),
        }
    }
}

impl StreamSettings {
    /// `KMS` or `NONE`.
    pub fn encryption_type(&self) -> &'static str {
        if self.encryption.is_some() {
            "KMS"
        } else {
            "NONE"
        }
    }

    /// Whether a record that arrived at `arrival_ms` was stored encrypted.
    pub fn encrypted_at(&self, arrival_ms: Millis) -> bool {
        self.encryption_changes.iter().rev().find(|(at, _)| *at <= arrival_ms).is_some_and(|(_, on)| *on)
    }

    /// Sets the encryption at `now` (when UPDATING ends).
    pub(crate) fn set_encryption(&mut self, now: Millis, encryption: Option<Encryption>) {
        let on = encryption.is_some();
        if self.encryption_changes.last().map(|(_, was)| *was) != Some(on) {
            self.encryption_changes.push((now, on));
        }
        self.encryption = encryption;
    }

    /// Drops encryption switches older than `cutoff_ms` that no retained record can still fall under.
    pub(crate) fn forget_encryption_before(&mut self, cutoff_ms: Millis) {
        let keep_from = self.encryption_changes.iter().rposition(|(at, _)| *at <= cutoff_ms).unwrap_or(0);
        self.encryption_changes.drain(..keep_from);
    }

    /// The largest record the stream takes, in bytes of data.
    pub fn max_record_bytes(&self) -> usize {
        self.max_record_size_kib as usize * 1024
    }
}

/// A change that takes effect when UPDATING ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamUpdate {
    /// Close these open shards and open children over these ranges, each with its parents.
    Reshard { closing: Vec<u32>, children: Vec<(HashKeyRange, Vec<u32>)> },
    /// Start (`Some`) or stop (`None`) server-side encryption.
    Encryption(Option<Encryption>),
    /// The shard-level metrics enabled from then on.
    Metrics(Vec<&'static str>),
    /// Scale an on-demand stream to take this many MiB/s at once.
    WarmThroughput(u32),
}

/// The metrics `names` stand for (`ALL` is every one), in the model's order.
pub fn expand_metrics(names: &[&str]) -> Vec<&'static str> {
    let all = names.contains(&"ALL");
    SHARD_LEVEL_METRICS.into_iter().filter(|m| all || names.contains(m)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_encrypted_from_the_moment_encryption_started() {
        let mut s = StreamSettings::default();
        assert!(!s.encrypted_at(0));
        s.set_encryption(1_000, Some(Encryption { key_id: AWS_MANAGED_KEY.into() }));
        s.set_encryption(1_500, Some(Encryption { key_id: "alias/other".into() }));
        s.set_encryption(2_000, None);
        assert_eq!(s.encryption_type(), "NONE");
        assert!(!s.encrypted_at(999));
        assert!(s.encrypted_at(1_000) && s.encrypted_at(1_999));
        assert!(!s.encrypted_at(2_000));
        s.forget_encryption_before(1_200);
        assert!(s.encrypted_at(1_200) && !s.encrypted_at(2_500));
    }

    #[test]
    fn all_means_every_metric_in_model_order() {
        assert_eq!(expand_metrics(&["ALL"]).len(), 7);
        assert_eq!(expand_metrics(&["OutgoingBytes", "IncomingBytes"]), vec!["IncomingBytes", "OutgoingBytes"]);
        assert!(expand_metrics(&[]).is_empty());
    }
}
