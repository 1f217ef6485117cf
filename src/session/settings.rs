//! The engine settings a saved session carries: only those that differ from [`EngineConfig::default`].

use crate::engine::EngineConfig;
use crate::time::{Millis, DAY};
use serde::{Deserialize, Serialize};

/// Engine settings that differ from the defaults (the start time travels beside them, as `start_time`). In JSON
/// each is a key of `"settings"`, absent when it has its default value; an unknown key is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Twelve digits (default `123456789012`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// Default `us-east-1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// How long CREATING lasts, 0 to a day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_delay_ms: Option<Millis>,
    /// How long UPDATING lasts, 0 to a day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_delay_ms: Option<Millis>,
    /// How long DELETING lasts, 0 to a day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_delay_ms: Option<Millis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard_limit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_demand_stream_limit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_creating_streams: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_retained_records: Option<usize>,
    /// Whether per-shard throughput limits are enforced at the start (`sim throttling` lines change it later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce_throughput: Option<bool>,
}

/// The largest `max_retained_records` a session may ask for.
pub const MAX_RETAINED_RECORDS: usize = 100_000_000;

impl Settings {
    /// The settings of `config` that differ from the defaults (its start time aside).
    pub fn from_config(config: &EngineConfig) -> Settings {
        // Every field is named, so a new engine setting cannot be forgotten here.
        let EngineConfig {
            start_time_ms: _,
            account_id,
            region,
            create_delay_ms,
            update_delay_ms,
            delete_delay_ms,
            shard_limit,
            on_demand_stream_limit,
            max_creating_streams,
            max_retained_records,
            enforce_throughput,
        } = config;
        let d = EngineConfig::default();
        fn differs<T: PartialEq + Clone>(value: &T, default: &T) -> Option<T> {
            (value != default).then(|| value.clone())
        }
        Settings {
            account_id: differs(account_id, &d.account_id),
            region: differs(region, &d.region),
            create_delay_ms: differs(create_delay_ms, &d.create_delay_ms),
            update_delay_ms: differs(update_delay_ms, &d.update_delay_ms),
            delete_delay_ms: differs(delete_delay_ms, &d.delete_delay_ms),
            shard_limit: differs(shard_limit, &d.shard_limit),
            on_demand_stream_limit: differs(on_demand_stream_limit, &d.on_demand_stream_limit),
            max_creating_streams: differs(max_creating_streams, &d.max_creating_streams),
            max_retained_records: differs(max_retained_records, &d.max_retained_records),
            enforce_throughput: differs(enforce_throughput, &d.enforce_throughput),
        }
    }

    /// The engine configuration these settings describe, starting at `start_time_ms`.
    pub fn to_config(&self, start_time_ms: Millis) -> EngineConfig {
        let d = EngineConfig::default();
        EngineConfig {
            start_time_ms,
            account_id: self.account_id.clone().unwrap_or(d.account_id),
            region: self.region.clone().unwrap_or(d.region),
            create_delay_ms: self.create_delay_ms.unwrap_or(d.create_delay_ms),
            update_delay_ms: self.update_delay_ms.unwrap_or(d.update_delay_ms),
            delete_delay_ms: self.delete_delay_ms.unwrap_or(d.delete_delay_ms),
            shard_limit: self.shard_limit.unwrap_or(d.shard_limit),
            on_demand_stream_limit: self.on_demand_stream_limit.unwrap_or(d.on_demand_stream_limit),
            max_creating_streams: self.max_creating_streams.unwrap_or(d.max_creating_streams),
            max_retained_records: self.max_retained_records.unwrap_or(d.max_retained_records),
            enforce_throughput: self.enforce_throughput.unwrap_or(d.enforce_throughput),
        }
    }

    /// Checks the values are ones the playground can run with.
    ///
    /// # Errors
    /// A phrase naming the first value out of bounds.
    pub fn check(&self) -> Result<(), String> {
        if let Some(a) = &self.account_id {
            if a.len() != 12 || !a.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("the account id {a:?} is not twelve digits"));
            }
        }
        if let Some(r) = &self.region {
            let ok = (1..=32).contains(&r.len())
                && r.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !ok {
                return Err(format!("the region {r:?} is not a region name such as us-east-1"));
            }
        }
        for (name, delay) in [
            ("create_delay_ms", self.create_delay_ms),
            ("update_delay_ms", self.update_delay_ms),
            ("delete_delay_ms", self.delete_delay_ms),
        ] {
            if delay.is_some_and(|d| !(0..=DAY).contains(&d)) {
                return Err(format!("{name} is not between 0 and {DAY} (a day)"));
            }
        }
        for (name, value, max) in [
            ("shard_limit", self.shard_limit, 1_000_000),
            ("on_demand_stream_limit", self.on_demand_stream_limit, 10_000),
            ("max_creating_streams", self.max_creating_streams, 10_000),
        ] {
            if value.is_some_and(|v| v > max) {
                return Err(format!("{name} is more than {max}"));
            }
        }
        if self.max_retained_records.is_some_and(|m| m > MAX_RETAINED_RECORDS) {
            return Err(format!("max_retained_records is more than {MAX_RETAINED_RECORDS}"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_differences_are_kept_and_they_round_trip() {
        assert_eq!(Settings::from_config(&EngineConfig::default()), Settings::default());
        assert_eq!(serde_json::to_string(&Settings::default()).unwrap(), "{}");
        let config = EngineConfig {
            start_time_ms: 5,
            create_delay_ms: 500,
            enforce_throughput: false,
            region: "eu-west-1".into(),
            ..EngineConfig::default()
        };
        let s = Settings::from_config(&config);
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"region":"eu-west-1","create_delay_ms":500,"enforce_throughput":false}"#
        );
        assert_eq!(s.to_config(5), config);
        assert!(s.check().is_ok());
    }

    #[test]
    fn out_of_bounds_values_are_named() {
        let bad = |s: Settings| s.check().unwrap_err();
        assert!(bad(Settings { account_id: Some("12".into()), ..Settings::default() }).contains("twelve digits"));
        assert!(bad(Settings { region: Some("<b>".into()), ..Settings::default() }).contains("region"));
        assert!(bad(Settings { create_delay_ms: Some(-1), ..Settings::default() }).contains("create_delay_ms"));
        assert!(bad(Settings { shard_limit: Some(u32::MAX), ..Settings::default() }).contains("shard_limit"));
        assert!(bad(Settings { max_retained_records: Some(usize::MAX), ..Settings::default() })
            .contains("max_retained_records"));
        assert!(serde_json::from_str::<Settings>(r#"{"colour": "red"}"#).is_err());
    }
}
