//! A stream's settings: StartStreamEncryption and StopStreamEncryption, Enable/DisableEnhancedMonitoring,
//! UpdateMaxRecordSize; and applying the change an UPDATING stream makes when UPDATING ends.
//!
//! KMS is simulated only as far as Kinesis sees it: the key Kinesis manages (`alias/aws/kinesis`) is always there,
//! and any well-formed key ID, key ARN, alias name or alias ARN stands for a customer managed key that exists and
//! is enabled (the playground has no `aws kms`). A malformed one is refused.

use super::settings::{expand_metrics, Encryption, StreamUpdate, MAX_MAX_RECORD_SIZE_KIB};
use super::{Engine, KinesisError, KinesisResult};
use crate::time::{Millis, DAY};

/// StartStreamEncryption (or StopStreamEncryption) calls per stream in a rolling 24 hours.
pub const MAX_ENCRYPTION_CHANGES_PER_DAY: usize = 25;

/// What EnableEnhancedMonitoring and DisableEnhancedMonitoring answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonitoringChange {
    pub current: Vec<&'static str>,
    pub desired: Vec<&'static str>,
}

/// Whether `key_id` names a KMS key in one of the forms Kinesis takes.
pub fn is_kms_key_id(key_id: &str) -> bool {
    let alias_name = |n: &str| !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric() || b"/_-".contains(&b));
    let guid = |g: &str| {
        let parts: Vec<&str> = g.split('-').collect();
        parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    if let Some(alias) = key_id.strip_prefix("alias/") {
        return alias_name(alias);
    }
    if let Some(rest) = key_id.strip_prefix("arn:") {
        // arn:<partition>:kms:<region>:<account>:key/<guid> or ...:alias/<name>
        let parts: Vec<&str> = rest.splitn(5, ':').collect();
        let [partition, service, region, account, resource] = parts[..] else { return false };
        let account_ok = account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit());
        let resource_ok = match resource.split_once('/') {
            Some(("key", g)) => guid(g),
            Some(("alias", n)) => alias_name(n),
            _ => false,
        };
        return partition.starts_with("aws") && service == "kms" && !region.is_empty() && account_ok && resource_ok;
    }
    guid(key_id)
}

fn not_kms(key_id: &str) -> KinesisError {
    KinesisError::invalid(format!(
        "KeyId {key_id} does not name a KMS key. Use a key ID (a GUID), a key ARN, an alias name prefixed by \"alias/\", an alias ARN, or alias/aws/kinesis for the key Kinesis manages."
    ))
}

impl Engine {
    /// The checks StartStreamEncryption and StopStreamEncryption share; records the call.
    fn encryption_change(&mut self, name: &str, encryption_type: &str, key_id: &str, start: bool) -> KinesisResult<()> {
        let account = self.config.account_id.clone();
        let now = self.now;
        self.existing(name)?;
        if encryption_type != "KMS" {
            return Err(KinesisError::invalid(format!(
                "EncryptionType {encryption_type} is not valid here: KMS is the only encryption type Kinesis offers."
            )));
        }
        if !is_kms_key_id(key_id) {
            return Err(not_kms(key_id));
        }
        let stream = self.active_mut(name)?;
        if !start {
            match &stream.settings.encryption {
                None => {
                    return Err(KinesisError::invalid(format!(
                        "Stream {name} under account {account} is not encrypted: there is no encryption to stop."
                    )))
                }
                Some(e) if e.key_id != key_id => {
                    return Err(KinesisError::invalid(format!(
                        "KeyId {key_id} is not the key stream {name} under account {account} is encrypted with ({}).",
                        e.key_id
                    )))
                }
                Some(_) => {}
            }
        }
        let ops = &mut stream.settings.encryption_ops_ms;
        ops.retain(|(t, _)| now - t < DAY);
        if ops.iter().filter(|(_, s)| *s == start).count() >= MAX_ENCRYPTION_CHANGES_PER_DAY {
            let verb = if start { "started" } else { "stopped" };
            return Err(KinesisError::limit(format!(
                "Encryption has been {verb} on stream {name} under account {account} {MAX_ENCRYPTION_CHANGES_PER_DAY} times in the last 24 hours, the most allowed."
            )));
        }
        ops.push((now, start));
        Ok(())
    }

    /// StartStreamEncryption: the stream turns UPDATING; records written once it is ACTIVE again are encrypted
    /// with the key (PutRecord, PutRecords and GetRecords then say `EncryptionType: KMS`).
    ///
    /// # Errors
    /// `InvalidArgumentException` for an EncryptionType other than KMS or a KeyId that names no KMS key;
    /// `ResourceNotFoundException`; `ResourceInUseException` unless ACTIVE; `LimitExceededException` after 25
    /// starts in 24 hours.
    pub fn start_stream_encryption(&mut self, name: &str, encryption_type: &str, key_id: &str) -> KinesisResult<()> {
        self.encryption_change(name, encryption_type, key_id, true)?;
        let update = StreamUpdate::Encryption(Some(Encryption { key_id: key_id.to_owned() }));
        self.start_updating(name, Some(update));
        Ok(())
    }

    /// StopStreamEncryption: the stream turns UPDATING; records written once it is ACTIVE again are not encrypted.
    ///
    /// # Errors
    /// As [`Engine::start_stream_encryption`], and `InvalidArgumentException` when the stream is not encrypted or
    /// with another key.
    pub fn stop_stream_encryption(&mut self, name: &str, encryption_type: &str, key_id: &str) -> KinesisResult<()> {
        self.encryption_change(name, encryption_type, key_id, false)?;
        self.start_updating(name, Some(StreamUpdate::Encryption(None)));
        Ok(())
    }

    /// EnableEnhancedMonitoring (`enable`) or DisableEnhancedMonitoring: the stream turns UPDATING and the metrics
    /// change when it ends. `ALL` stands for every metric.
    ///
    /// # Errors
    /// `ResourceNotFoundException`; `ResourceInUseException` unless ACTIVE.
    pub fn change_enhanced_monitoring(
        &mut self,
        name: &str,
        metrics: &[&str],
        enable: bool,
    ) -> KinesisResult<MonitoringChange> {
        let stream = self.active_mut(name)?;
        let current = stream.settings.shard_level_metrics.clone();
        let named = expand_metrics(metrics);
        let desired: Vec<&'static str> = if enable {
            expand_metrics(&current.iter().chain(&named).copied().collect::<Vec<_>>())
        } else {
            current.iter().copied().filter(|m| !named.contains(m)).collect()
        };
        self.start_updating(name, Some(StreamUpdate::Metrics(desired.clone())));
        Ok(MonitoringChange { current, desired })
    }

    /// UpdateMaxRecordSize: the largest record the stream takes from now on (1024 to 10240 KiB).
    ///
    /// # Errors
    /// `ResourceNotFoundException`; `ResourceInUseException` unless ACTIVE; `InvalidArgumentException` outside
    /// 1024..=10240 (the model's range, checked first as a ValidationException by the api).
    pub fn update_max_record_size(&mut self, name: &str, kib: i64) -> KinesisResult<()> {
        let stream = self.active_mut(name)?;
        let kib = u32::try_from(kib)
            .ok()
            .filter(|k| (1024..=MAX_MAX_RECORD_SIZE_KIB).contains(k))
            .ok_or_else(|| KinesisError::invalid(format!("MaxRecordSizeInKiB {kib} must be from 1024 to 10240.")))?;
        stream.settings.max_record_size_kib = kib;
        self.touch();
        Ok(())
    }

    /// Makes the change an UPDATING stream planned, now that UPDATING has ended.
    pub(crate) fn apply_update(&mut self, name: &str, update: StreamUpdate) {
        let now: Millis = self.now;
        match update {
            StreamUpdate::Reshard { closing, children } => {
                self.replace_shards(name, &closing, children);
            }
            StreamUpdate::Encryption(e) => {
                if let Some(s) = self.stream_mut(name) {
                    s.settings.set_encryption(now, e);
                }
            }
            StreamUpdate::Metrics(m) => {
                if let Some(s) = self.stream_mut(name) {
                    s.settings.shard_level_metrics = m;
                }
            }
            StreamUpdate::WarmThroughput(mibps) => self.warm_up(name, mibps),
        }
        self.touch();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kms_key_forms() {
        for ok in [
            "alias/aws/kinesis",
            "alias/MyAliasName",
            "12345678-1234-1234-1234-123456789012",
            "arn:aws:kms:us-east-1:123456789012:key/12345678-1234-1234-1234-123456789012",
            "arn:aws:kms:us-east-1:123456789012:alias/MyAliasName",
        ] {
            assert!(is_kms_key_id(ok), "{ok}");
        }
        for bad in [
            "",
            "alias/",
            "my-key",
            "alias/a b",
            "12345678-1234-1234-1234-12345678901",
            "arn:aws:kms:us-east-1:123:key/12345678-1234-1234-1234-123456789012",
            "arn:aws:s3:us-east-1:123456789012:alias/x",
            "arn:aws:kms:us-east-1:123456789012:secret/x",
        ] {
            assert!(!is_kms_key_id(bad), "{bad}");
        }
    }
}
