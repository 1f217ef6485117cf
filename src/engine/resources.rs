//! Resources named by ARN: TagResource, UntagResource, ListTagsForResource and the resource-based policies
//! (PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy).
//!
//! [`Engine::resource`] is the one place that turns a `ResourceARN` into a thing of this account: a stream
//! (`arn:aws:kinesis:<region>:<account>:stream/<name>`) or one of its registered enhanced fan-out consumers
//! (`.../stream/<name>/consumer/<consumer>:<registration epoch seconds>`). A consumer's tags live on the consumer,
//! its policy beside its stream's (both go when the stream goes; a deregistered consumer's policy is forgotten).

use super::control::MAX_TAGS_PER_STREAM;
use super::fan_out::ConsumerKey;
use super::{Engine, KinesisError, KinesisResult};
use std::collections::BTreeMap;

/// A resource an ARN names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resource {
    /// A stream, by name.
    Stream(String),
    /// A registered consumer: its stream's name and its ARN.
    Consumer { stream: String, arn: String },
}

/// Tag characters of TagResource, as its documentation in the model says: Unicode letters, digits, white space
/// and `_ . : / = + - @`.
fn valid_resource_tag_text(text: &str) -> bool {
    text.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || "_.:/=+-@".contains(c))
}

impl Engine {
    /// The resource an ARN names.
    ///
    /// # Errors
    /// `ResourceNotFoundException` for an ARN of another account or region, a stream that does not exist, or a
    /// consumer (not simulated yet).
    pub fn resource(&self, arn: &str) -> KinesisResult<Resource> {
        let account = &self.config.account_id;
        let prefix = format!("arn:aws:kinesis:{}:{account}:stream/", self.config.region);
        let not_found = || {
            let shown_account = arn.split(':').nth(4).unwrap_or(account);
            KinesisError::not_found(format!("Resource {arn} under account {shown_account} not found."))
        };
        let rest = arn.strip_prefix(&prefix).ok_or_else(not_found)?;
        match rest.split_once('/') {
            None if self.stream(rest).is_some() => Ok(Resource::Stream(rest.to_owned())),
            None => Err(self.stream_not_found(rest)),
            // `<stream>/consumer/<name>:<epoch>`: a consumer of the stream.
            Some((stream, consumer)) if consumer.starts_with("consumer/") => {
                self.existing(stream)?;
                let (s, _) = self.consumer(ConsumerKey::Arn(arn))?;
                Ok(Resource::Consumer { stream: s.name.clone(), arn: arn.to_owned() })
            }
            Some(_) => Err(not_found()),
        }
    }

    /// ListTagsForResource: the resource's tags, in key order.
    ///
    /// # Errors
    /// As [`Engine::resource`].
    pub fn resource_tags(&self, arn: &str) -> KinesisResult<BTreeMap<String, String>> {
        match self.resource(arn)? {
            Resource::Stream(name) => Ok(self.existing(&name)?.tags.clone()),
            Resource::Consumer { arn, .. } => Ok(self.consumer(ConsumerKey::Arn(&arn))?.1.tags.clone()),
        }
    }

    /// TagResource: adds or overwrites tags (at most 50 on a resource).
    ///
    /// # Errors
    /// As [`Engine::resource`]; `InvalidArgumentException` for characters TagResource's rules do not allow or
    /// more than 50 tags; `ResourceInUseException` unless the stream is ACTIVE.
    pub fn tag_resource(&mut self, arn: &str, tags: &BTreeMap<String, String>) -> KinesisResult<()> {
        let resource = self.resource(arn)?;
        if tags.iter().any(|(k, v)| !valid_resource_tag_text(k) || !valid_resource_tag_text(v)) {
            return Err(KinesisError::invalid(
                "Tags may only contain Unicode letters, digits, white space, or these symbols: _ . : / = + - @.",
            ));
        }
        let held = match resource {
            Resource::Stream(name) => &mut self.active_mut(&name)?.tags,
            Resource::Consumer { arn, .. } => &mut self.consumer_mut(&arn)?.tags,
        };
        let total = held.len() + tags.keys().filter(|k| !held.contains_key(*k)).count();
        if total > MAX_TAGS_PER_STREAM {
            return Err(KinesisError::invalid(format!(
                "Failed to tag resource {arn} because a resource cannot have more than {MAX_TAGS_PER_STREAM} tags associated with it."
            )));
        }
        held.extend(tags.iter().map(|(k, v)| (k.clone(), v.clone())));
        self.touch();
        Ok(())
    }

    /// UntagResource: removes tags by key (keys that are not there are ignored).
    ///
    /// # Errors
    /// As [`Engine::resource`]; `ResourceInUseException` unless the stream is ACTIVE.
    pub fn untag_resource(&mut self, arn: &str, keys: &[String]) -> KinesisResult<()> {
        let held = match self.resource(arn)? {
            Resource::Stream(name) => &mut self.active_mut(&name)?.tags,
            Resource::Consumer { arn, .. } => &mut self.consumer_mut(&arn)?.tags,
        };
        for k in keys {
            held.remove(k);
        }
        self.touch();
        Ok(())
    }

    /// GetResourcePolicy: the policy document as it was put (`{}` when there is none, as Kinesis answers).
    ///
    /// # Errors
    /// As [`Engine::resource`].
    pub fn resource_policy(&self, arn: &str) -> KinesisResult<String> {
        let policy = match self.resource(arn)? {
            Resource::Stream(name) => self.existing(&name)?.settings.policy.clone(),
            Resource::Consumer { stream, arn } => self.existing(&stream)?.settings.consumer_policies.get(&arn).cloned(),
        };
        Ok(policy.unwrap_or_else(|| "{}".to_owned()))
    }

    /// PutResourcePolicy (`Some`) or DeleteResourcePolicy (`None`). The api checks the document first.
    ///
    /// # Errors
    /// As [`Engine::resource`]; `ResourceNotFoundException` when deleting a policy that is not there;
    /// `ResourceInUseException` unless the stream is ACTIVE.
    pub fn set_resource_policy(&mut self, arn: &str, policy: Option<String>) -> KinesisResult<()> {
        let resource = self.resource(arn)?;
        let account = self.config.account_id.clone();
        let live: Vec<String> = match &resource {
            Resource::Stream(name) | Resource::Consumer { stream: name, .. } => {
                self.existing(name)?.consumers.iter().map(|c| c.arn.clone()).collect()
            }
        };
        let (name, consumer) = match resource {
            Resource::Stream(name) => (name, None),
            Resource::Consumer { stream, arn } => (stream, Some(arn)),
        };
        let settings = &mut self.active_mut(&name)?.settings;
        // Policies of consumers deregistered since are forgotten.
        settings.consumer_policies.retain(|a, _| live.contains(a));
        let had = match &consumer {
            None => settings.policy.is_some(),
            Some(c) => settings.consumer_policies.contains_key(c),
        };
        if policy.is_none() && !had {
            return Err(KinesisError::not_found(format!(
                "No resource policy found for resource {arn} under account {account}."
            )));
        }
        match (consumer, policy) {
            (None, p) => settings.policy = p,
            (Some(c), Some(p)) => {
                settings.consumer_policies.insert(c, p);
            }
            (Some(c), None) => {
                settings.consumer_policies.remove(&c);
            }
        }
        self.touch();
        Ok(())
    }
}
