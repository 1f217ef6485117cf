//! Registered consumers: RegisterStreamConsumer, DescribeStreamConsumer, ListStreamConsumers,
//! DeregisterStreamConsumer, the lookup of a consumer by its ARN, and what DeleteStream does with consumers.

use super::{
    DEREGISTER_CALLS_PER_SEC, DESCRIBE_CALLS_PER_SEC, MAX_CONSUMERS_PER_STREAM, MAX_CREATING_CONSUMERS,
    MAX_TAGS_PER_CONSUMER, REGISTER_CALLS_PER_SEC,
};
use crate::engine::stream::{Stream, StreamStatus};
use crate::engine::{Engine, KinesisError, KinesisResult};
use crate::time::Millis;
use std::collections::BTreeMap;

/// A consumer's status: `CREATING -> ACTIVE -> DELETING -> (gone)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConsumerStatus {
    Creating,
    Deleting,
    Active,
}

impl ConsumerStatus {
    /// The wire name, e.g. `ACTIVE`.
    pub fn as_str(self) -> &'static str {
        match self {
            ConsumerStatus::Creating => "CREATING",
            ConsumerStatus::Deleting => "DELETING",
            ConsumerStatus::Active => "ACTIVE",
        }
    }
}

/// An enhanced fan-out consumer registered with a stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consumer {
    pub name: String,
    /// `arn:aws:kinesis:<region>:<account>:stream/<stream>/consumer/<name>:<registration epoch seconds>`.
    pub arn: String,
    pub status: ConsumerStatus,
    /// When RegisterStreamConsumer ran.
    pub created_ms: Millis,
    /// When the current status ends (`CREATING` becomes `ACTIVE`, `DELETING` vanishes); `None` while `ACTIVE`.
    pub status_until_ms: Option<Millis>,
    /// Tags given at registration (TagResource on the consumer's ARN changes them).
    pub tags: BTreeMap<String, String>,
}

impl Consumer {
    /// The registration time in whole epoch seconds, as the ARN ends.
    pub fn created_secs(&self) -> i64 {
        self.created_ms.div_euclid(1000)
    }
}

/// How a request names a consumer: by its ARN, or by its stream and name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsumerKey<'a> {
    Arn(&'a str),
    Name { stream: &'a str, consumer: &'a str },
}

/// The parts of a consumer ARN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsumerArn<'a> {
    pub region: &'a str,
    pub account: &'a str,
    pub stream: &'a str,
    pub consumer: &'a str,
    pub created_secs: i64,
}

/// Reads `arn:aws:kinesis:<region>:<account>:stream/<stream>/consumer/<name>:<secs>`; `None` for anything else.
pub fn parse_consumer_arn(arn: &str) -> Option<ConsumerArn<'_>> {
    let rest = arn.strip_prefix("arn:aws:kinesis:")?;
    let (region, rest) = rest.split_once(':')?;
    let (account, rest) = rest.split_once(':')?;
    let rest = rest.strip_prefix("stream/")?;
    let (stream, rest) = rest.split_once("/consumer/")?;
    let (consumer, secs) = rest.rsplit_once(':')?;
    let name_ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
    if !name_ok(stream) || !name_ok(consumer) || secs.is_empty() || !secs.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(ConsumerArn { region, account, stream, consumer, created_secs: secs.parse().ok()? })
}

impl Engine {
    /// The ARN a consumer registered now with this name on this stream gets.
    fn consumer_arn(&self, stream: &str, consumer: &str) -> String {
        format!("{}/consumer/{consumer}:{}", self.stream_arn(stream), self.now.div_euclid(1000))
    }

    fn consumer_not_found(&self, key: ConsumerKey<'_>) -> KinesisError {
        let account = &self.config.account_id;
        KinesisError::not_found(match key {
            ConsumerKey::Name { stream, consumer } => {
                format!("Consumer {consumer} under stream {stream} and account {account} not found.")
            }
            ConsumerKey::Arn(arn) => match parse_consumer_arn(arn) {
                Some(p) => format!(
                    "Consumer {} with creation timestamp {} under stream {} and account {} not found.",
                    p.consumer, p.created_secs, p.stream, p.account
                ),
                None => format!("Consumer {arn} not found."),
            },
        })
    }

    /// The stream a consumer key names, if the key can name one in this account and region.
    fn stream_of_key<'a>(&self, key: ConsumerKey<'a>) -> Option<&'a str> {
        match key {
            ConsumerKey::Name { stream, .. } => Some(stream),
            ConsumerKey::Arn(arn) => parse_consumer_arn(arn)
                .filter(|p| p.region == self.config.region && p.account == self.config.account_id)
                .map(|p| p.stream),
        }
    }

    /// A consumer and its stream, by ARN or by stream and name. This is the lookup other operations on consumer
    /// ARNs (TagResource, resource policies, SubscribeToShard) use.
    ///
    /// # Errors
    /// `ResourceNotFoundException` when the stream or the consumer does not exist (an ARN of an earlier consumer
    /// of the same name, registered at another second, does not match).
    pub fn consumer(&self, key: ConsumerKey<'_>) -> KinesisResult<(&Stream, &Consumer)> {
        let stream_name = self.stream_of_key(key).ok_or_else(|| self.consumer_not_found(key))?;
        let stream = match key {
            ConsumerKey::Name { .. } => self.existing(stream_name)?,
            ConsumerKey::Arn(_) => self.stream(stream_name).ok_or_else(|| self.consumer_not_found(key))?,
        };
        let found = match key {
            ConsumerKey::Arn(arn) => stream.consumers.iter().find(|c| c.arn == arn),
            ConsumerKey::Name { consumer, .. } => stream.consumers.iter().find(|c| c.name == consumer),
        };
        found.map(|c| (stream, c)).ok_or_else(|| self.consumer_not_found(key))
    }

    /// A consumer by its ARN, to change (its tags).
    ///
    /// # Errors
    /// `ResourceNotFoundException`, as [`Engine::consumer`].
    pub fn consumer_mut(&mut self, arn: &str) -> KinesisResult<&mut Consumer> {
        let not_found = self.consumer_not_found(ConsumerKey::Arn(arn));
        let name = self.consumer(ConsumerKey::Arn(arn))?.0.name.clone();
        self.streams.get_mut(&name).and_then(|s| s.consumers.iter_mut().find(|c| c.arn == arn)).ok_or(not_found)
    }

    /// RegisterStreamConsumer: the consumer starts `CREATING` and becomes `ACTIVE` after the create delay.
    ///
    /// # Errors
    /// `LimitExceededException` past 5 calls a second, 20 consumers on the stream or 5 consumers `CREATING`;
    /// `ResourceNotFoundException` for an unknown stream; `ResourceInUseException` when the stream is not `ACTIVE`
    /// or `UPDATING`, or the name is taken; `InvalidArgumentException` for more than 50 tags.
    pub fn register_stream_consumer(
        &mut self,
        stream_name: &str,
        consumer_name: &str,
        tags: BTreeMap<String, String>,
    ) -> KinesisResult<Consumer> {
        let (now, enforce) = (self.now, self.config.enforce_throughput);
        let account = self.config.account_id.clone();
        if !self.fan_out.register_calls.admit(now, REGISTER_CALLS_PER_SEC, enforce) {
            return Err(KinesisError::limit(format!(
                "Rate exceeded for RegisterStreamConsumer under account {account}."
            )));
        }
        let stream = self.existing(stream_name)?;
        if !matches!(stream.status, StreamStatus::Active | StreamStatus::Updating) {
            return Err(KinesisError::in_use(format!(
                "Stream {stream_name} under account {account} not ACTIVE, instead in state {}",
                stream.status.as_str()
            )));
        }
        if stream.consumers.iter().any(|c| c.name == consumer_name) {
            return Err(KinesisError::in_use(format!(
                "Consumer {consumer_name} under stream {stream_name} and account {account} already exists."
            )));
        }
        if stream.consumers.len() >= MAX_CONSUMERS_PER_STREAM {
            return Err(KinesisError::limit(format!(
                "This request would exceed the limit of {MAX_CONSUMERS_PER_STREAM} consumers registered with stream {stream_name} under account {account}."
            )));
        }
        let creating =
            self.streams.values().flat_map(|s| &s.consumers).filter(|c| c.status == ConsumerStatus::Creating).count();
        if creating >= MAX_CREATING_CONSUMERS {
            return Err(KinesisError::limit(format!(
                "This request would exceed the limit of {MAX_CREATING_CONSUMERS} consumers in the CREATING state for the account {account}."
            )));
        }
        if tags.len() > MAX_TAGS_PER_CONSUMER {
            return Err(KinesisError::invalid(format!(
                "Failed to register consumer {consumer_name} under account {account} because a given consumer cannot have more than {MAX_TAGS_PER_CONSUMER} tags associated with it."
            )));
        }
        let consumer = Consumer {
            name: consumer_name.to_owned(),
            arn: self.consumer_arn(stream_name, consumer_name),
            status: ConsumerStatus::Creating,
            created_ms: now,
            status_until_ms: Some(now.saturating_add(self.config.create_delay_ms.max(0))),
            tags,
        };
        if let Some(s) = self.streams.get_mut(stream_name) {
            s.consumers.push(consumer.clone());
        }
        self.touch();
        if self.config.create_delay_ms <= 0 {
            self.apply_consumer_transitions();
        }
        Ok(consumer)
    }

    /// Counts a per-stream call; LimitExceededException past `limit` a second.
    fn admit_stream_call(&mut self, key: ConsumerKey<'_>, deregister: bool) -> KinesisResult<()> {
        let Some(stream) = self.stream_of_key(key).map(str::to_owned) else { return Ok(()) };
        let (now, enforce) = (self.now, self.config.enforce_throughput);
        let calls = self.fan_out.stream_calls.entry(stream.clone()).or_default();
        let admitted = if deregister {
            calls.deregister.admit(now, DEREGISTER_CALLS_PER_SEC, enforce)
        } else {
            calls.describe.admit(now, DESCRIBE_CALLS_PER_SEC, enforce)
        };
        if admitted {
            return Ok(());
        }
        Err(KinesisError::limit(format!("Rate exceeded for stream {stream} under account {}.", self.config.account_id)))
    }

    /// DescribeStreamConsumer: the consumer and its stream's ARN.
    ///
    /// # Errors
    /// `LimitExceededException` past 20 calls a second on the stream; `ResourceNotFoundException`.
    pub fn describe_stream_consumer(&mut self, key: ConsumerKey<'_>) -> KinesisResult<(Consumer, String)> {
        self.admit_stream_call(key, false)?;
        let (stream, consumer) = self.consumer(key)?;
        Ok((consumer.clone(), stream.arn.clone()))
    }

    /// ListStreamConsumers: the stream's consumers, by name.
    ///
    /// # Errors
    /// `ResourceNotFoundException` for an unknown stream; `ResourceInUseException` while it is `CREATING`.
    pub fn list_stream_consumers(&self, stream_name: &str) -> KinesisResult<Vec<&Consumer>> {
        let stream = self.existing(stream_name)?;
        if stream.status == StreamStatus::Creating {
            return Err(KinesisError::in_use(format!(
                "Stream {stream_name} under account {} not ACTIVE, instead in state CREATING",
                self.config.account_id
            )));
        }
        let mut consumers: Vec<&Consumer> = stream.consumers.iter().collect();
        crate::lean::sort_by(&mut consumers, |a, b| a.name.cmp(&b.name));
        Ok(consumers)
    }

    /// DeregisterStreamConsumer: the consumer turns `DELETING` (its subscriptions end at once) and is gone after the
    /// delete delay. A consumer already `DELETING` is left as it is.
    ///
    /// # Errors
    /// `LimitExceededException` past 5 calls a second on the stream; `ResourceNotFoundException`.
    pub fn deregister_stream_consumer(&mut self, key: ConsumerKey<'_>) -> KinesisResult<()> {
        self.admit_stream_call(key, true)?;
        let (stream, consumer) = self.consumer(key)?;
        if consumer.status == ConsumerStatus::Deleting {
            return Ok(());
        }
        let (stream_name, arn) = (stream.name.clone(), consumer.arn.clone());
        self.start_deleting_consumers(&stream_name, Some(&arn));
        Ok(())
    }

    /// Turns one consumer of the stream (or all of them) `DELETING` and ends their subscriptions.
    fn start_deleting_consumers(&mut self, stream_name: &str, only: Option<&str>) {
        let until = self.now.saturating_add(self.config.delete_delay_ms.max(0));
        let mut ended = Vec::new();
        if let Some(stream) = self.streams.get_mut(stream_name) {
            for c in stream.consumers.iter_mut().filter(|c| only.is_none_or(|a| a == c.arn)) {
                if c.status != ConsumerStatus::Deleting {
                    c.status = ConsumerStatus::Deleting;
                    c.status_until_ms = Some(until);
                    ended.push(c.clone());
                }
            }
        }
        for c in &ended {
            let message = self.not_active_message(stream_name, c);
            self.interrupt_subscriptions(&c.arn, &KinesisError::in_use(message));
        }
        self.touch();
        if self.config.delete_delay_ms <= 0 {
            self.apply_consumer_transitions();
        }
    }

    /// `Consumer C with creation timestamp T under stream: S , account A is not in ACTIVE status.` (AWS's text).
    pub(crate) fn not_active_message(&self, stream_name: &str, consumer: &Consumer) -> String {
        format!(
            "Consumer {} with creation timestamp {} under stream: {stream_name} , account {} is not in ACTIVE status.",
            consumer.name,
            consumer.created_secs(),
            self.config.account_id
        )
    }

    /// DeleteStream's check: with consumers registered, the stream may be deleted only when
    /// `EnforceConsumerDeletion` is true, and then its consumers turn `DELETING` with it.
    ///
    /// # Errors
    /// `ResourceInUseException` when the stream has consumers and `enforce_consumer_deletion` is false.
    pub(crate) fn release_consumers_for_delete(
        &mut self,
        stream_name: &str,
        enforce_consumer_deletion: bool,
    ) -> KinesisResult<()> {
        let Some(stream) = self.streams.get(stream_name) else { return Ok(()) };
        if stream.consumers.is_empty() {
            return Ok(());
        }
        if !enforce_consumer_deletion {
            return Err(KinesisError::in_use(format!(
                "DeleteStream can't delete {} because there are consumers associated with this data stream. To delete {stream_name} anyway, set the EnforceConsumerDeletion parameter to true to force the deletion of all the consumers that are associated with it.",
                stream.arn
            )));
        }
        self.start_deleting_consumers(stream_name, None);
        Ok(())
    }

    /// Applies the consumer status changes that have fallen due: `CREATING` becomes `ACTIVE`, `DELETING` vanishes.
    pub(crate) fn apply_consumer_transitions(&mut self) {
        let now = self.now;
        let mut changed = false;
        for stream in self.streams.values_mut() {
            let before = stream.consumers.len();
            stream.consumers.retain(|c| !(c.status == ConsumerStatus::Deleting && c.status_until_ms <= Some(now)));
            changed |= stream.consumers.len() != before;
            for c in &mut stream.consumers {
                if c.status == ConsumerStatus::Creating && c.status_until_ms.is_some_and(|t| t <= now) {
                    c.status = ConsumerStatus::Active;
                    c.status_until_ms = None;
                    changed = true;
                }
            }
        }
        if changed {
            self.touch();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consumer_arns_parse() {
        let p = parse_consumer_arn("arn:aws:kinesis:us-east-1:123456789012:stream/S.1/consumer/app-1:1704067205")
            .expect("parses");
        assert_eq!(
            (p.region, p.account, p.stream, p.consumer, p.created_secs),
            ("us-east-1", "123456789012", "S.1", "app-1", 1_704_067_205)
        );
        for bad in [
            "arn:aws:kinesis:us-east-1:123456789012:stream/S",
            "arn:aws:kinesis:us-east-1:123456789012:stream/S/consumer/c",
            "arn:aws:kinesis:us-east-1:123456789012:stream/S/consumer/c:",
            "arn:aws:kinesis:us-east-1:123456789012:stream/S/consumer/c d:12",
            "arn:aws:kinesis:us-east-1:123456789012:stream//consumer/c:12",
            "arn:aws:kinesis:us-east-1:123456789012:stream/S/consumer/c:99999999999999999999999",
        ] {
            assert_eq!(parse_consumer_arn(bad), None, "{bad}");
        }
    }
}
