//! Request validation as data: each operation lists its members with the service model's constraints, and one
//! validator turns a JSON request into AWS's answers.
//!
//! Two layers, in the order the service applies them:
//! 1. Types: a value of the wrong JSON type is a `SerializationException` (e.g.
//!    `class java.lang.String can not be converted to an Integer`).
//! 2. Constraints: every broken constraint becomes one item of a `ValidationException`:
//!    `2 validation errors detected: Value '' at 'streamName' failed to satisfy constraint: Member must satisfy
//!    regular expression pattern: [a-zA-Z0-9_.-]+; Value '' at ...`. Members are checked in the model's order, at
//!    most ten items are listed, paths start with a lower-case letter (`records.3.member.partitionKey`).

use crate::engine::KinesisError;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::Value;

mod pattern;
pub use pattern::Pattern;

/// `arn:aws.*:kinesis:.*:\d{12}:.*stream/<name>/consumer/<name>:<digits>`, the whole text.
/// The shape of a member.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    Str {
        min: usize,
        max: usize,
        pattern: Option<Pattern>,
    },
    Enum(&'static [&'static str]),
    /// A list of enum values (ShardLevelMetrics).
    EnumList {
        min: usize,
        max: usize,
        values: &'static [&'static str],
    },
    Int {
        min: i64,
        max: Option<i64>,
    },
    Bool,
    Timestamp,
    Blob {
        max: usize,
    },
    /// A list of strings.
    StrList {
        min: usize,
        max: usize,
        item_min: usize,
        item_max: usize,
    },
    /// A list of structures.
    StructList {
        min: usize,
        max: usize,
        java_class: &'static str,
        members: &'static [Member],
    },
    /// A string-to-string map (tags).
    StrMap {
        min: usize,
        max: usize,
        key_max: usize,
        value_max: usize,
    },
    Struct(&'static [Member]),
}

/// One member of a request structure.
#[derive(Debug, Clone, Copy)]
pub struct Member {
    pub name: &'static str,
    pub shape: Shape,
    pub required: bool,
}

/// A required member.
pub const fn req(name: &'static str, shape: Shape) -> Member {
    Member { name, shape, required: true }
}

/// An optional member.
pub const fn opt(name: &'static str, shape: Shape) -> Member {
    Member { name, shape, required: false }
}

/// `StreamName`: 1..128 characters of `[a-zA-Z0-9_.-]`.
pub const STREAM_NAME: Shape = Shape::Str { min: 1, max: 128, pattern: Some(Pattern::Name) };
/// `ShardId`: as a stream name.
pub const SHARD_ID: Shape = STREAM_NAME;
/// `StreamARN`.
pub const STREAM_ARN: Shape = Shape::Str { min: 1, max: 2048, pattern: Some(Pattern::StreamArn) };
/// `ConsumerName`: as a stream name.
pub const CONSUMER_NAME: Shape = STREAM_NAME;
/// `ConsumerARN`.
pub const CONSUMER_ARN: Shape = Shape::Str { min: 1, max: 2048, pattern: Some(Pattern::ConsumerArn) };
/// `SequenceNumber`.
pub const SEQUENCE_NUMBER: Shape = Shape::Str { min: 0, max: usize::MAX, pattern: Some(Pattern::SequenceNumber) };
/// `HashKey`.
pub const HASH_KEY: Shape = Shape::Str { min: 0, max: usize::MAX, pattern: Some(Pattern::HashKey) };
/// `NextToken`.
pub const NEXT_TOKEN: Shape = Shape::Str { min: 1, max: 1_048_576, pattern: None };
/// `StreamId`: "Not Implemented. Reserved for future use.": checked, then ignored.
pub const STREAM_ID: Shape = Shape::Str { min: 1, max: 24, pattern: Some(Pattern::StreamId) };
/// `ResourceARN`: a stream's or a consumer's ARN.
pub const RESOURCE_ARN: Shape = Shape::Str { min: 1, max: 2048, pattern: Some(Pattern::ResourceArn) };
/// `TagMap`.
pub const TAG_MAP: Shape = Shape::StrMap { min: 1, max: 200, key_max: 128, value_max: 256 };

fn lower_first(name: &str) -> String {
    let mut c = name.chars();
    match c.next() {
        Some(f) => f.to_ascii_lowercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// The class name AWS's JSON reader gives every JSON number.
const NUMBER_CLASS: &str = "class com.amazon.coral.value.json.numbers.TruncatingBigNumber";

/// AWS's `SerializationException` text for a value of the wrong JSON type, as recorded by kinesalite's suite
/// (which ran against the real service). `expected` is the Java type the member maps to: `String`, `Integer`,
/// `Boolean`, `Blob`, `Timestamp`, `List`, `Map` or `Structure`.
fn type_error(expected: &str, v: &Value) -> KinesisError {
    let article = |t: &str| {
        if t == "Blob" {
            "a Blob".to_owned()
        } else {
            format!("an {t}")
        }
    };
    let msg = match (expected, v) {
        ("Map" | "Structure", Value::Array(_)) => "Start of list found where not expected".to_owned(),
        ("List", Value::Object(_)) => "Start of structure or map found where not expected.".to_owned(),
        ("List", _) => "Expected list or null".to_owned(),
        ("Map", _) => "Expected map or null".to_owned(),
        ("Structure", _) => "Expected null".to_owned(),
        (_, Value::Object(_)) => "Start of structure or map found where not expected.".to_owned(),
        (_, Value::Array(_)) => "Start of list found where not expected".to_owned(),
        ("Timestamp", Value::String(_)) => {
            "class java.lang.String can not be converted to milliseconds since epoch".to_owned()
        }
        ("Timestamp", Value::Bool(_)) => {
            "class java.lang.Boolean can not be converted to milliseconds since epoch".to_owned()
        }
        ("Boolean", Value::String(s)) => {
            format!("'{}' can not be converted to an Boolean", s.to_ascii_uppercase())
        }
        ("String" | "Boolean" | "Blob", Value::Number(_)) => {
            format!("{NUMBER_CLASS} can not be converted to {}", article(expected))
        }
        (t, Value::String(_)) => format!("class java.lang.String can not be converted to {}", article(t)),
        (t, Value::Bool(_)) => format!("class java.lang.Boolean can not be converted to {}", article(t)),
        (t, Value::Number(n)) => {
            let class = if n.is_f64() { "Double" } else { "Long" };
            format!("class java.lang.{class} can not be converted to {}", article(t))
        }
        (_, Value::Null) => "Unexpected null".to_owned(),
    };
    KinesisError::serialization(msg)
}

fn quote(s: &str) -> String {
    format!("'{s}'")
}

struct Checker {
    items: Vec<String>,
}

impl Checker {
    fn fail(&mut self, value: &str, path: &str, rule: String) {
        self.fail_raw(value, path, &format!("Member {rule}"));
    }

    fn fail_raw(&mut self, value: &str, path: &str, constraint: &str) {
        self.items.push(format!("Value {value} at '{path}' failed to satisfy constraint: {constraint}"));
    }

    fn members(
        &mut self,
        members: &[Member],
        obj: Option<&serde_json::Map<String, Value>>,
        prefix: &str,
    ) -> Result<(), KinesisError> {
        let present = |name: &str| obj.and_then(|o| o.get(name)).is_some_and(|v| !v.is_null());
        // `StreamName` became optional in the model when `StreamARN` arrived, but the service needs one of them;
        // with none, it reports `streamName` as null in its place in the list. (ListShards, which may name a
        // NextToken instead, answers that in its handler.)
        let needs_stream = prefix.is_empty()
            && members.iter().any(|m| m.name == "StreamARN")
            && members.iter().any(|m| m.name == "StreamName")
            && !members.iter().any(|m| m.name == "NextToken")
            && !present("StreamName")
            && !present("StreamARN");
        for m in members {
            let path = format!("{prefix}{}", lower_first(m.name));
            let v = obj.and_then(|o| o.get(m.name)).filter(|v| !v.is_null());
            match v {
                None if m.required || (needs_stream && m.name == "StreamName") => {
                    self.fail("null", &path, "must not be null".into())
                }
                None => {}
                Some(v) => self.value(&m.shape, v, &path)?,
            }
        }
        Ok(())
    }

    fn length(&mut self, shown: &str, path: &str, len: usize, min: usize, max: usize) {
        if len < min {
            self.fail(shown, path, format!("must have length greater than or equal to {min}"));
        }
        if len > max {
            self.fail(shown, path, format!("must have length less than or equal to {max}"));
        }
    }

    fn value(&mut self, shape: &Shape, v: &Value, path: &str) -> Result<(), KinesisError> {
        match *shape {
            Shape::Str { min, max, pattern } => {
                let s = v.as_str().ok_or_else(|| type_error("String", v))?;
                if let Some(p) = pattern {
                    if !p.matches(s) {
                        self.fail(&quote(s), path, format!("must satisfy regular expression pattern: {}", p.text()));
                    }
                }
                self.length(&quote(s), path, s.chars().count(), min, max);
            }
            Shape::Enum(values) => {
                let s = v.as_str().ok_or_else(|| type_error("String", v))?;
                if !values.contains(&s) {
                    self.fail(&quote(s), path, format!("must satisfy enum value set: [{}]", values.join(", ")));
                }
            }
            Shape::EnumList { min, max, values } => {
                let items = v.as_array().ok_or_else(|| type_error("List", v))?;
                let mut texts = Vec::with_capacity(items.len());
                for it in items {
                    texts.push(it.as_str().ok_or_else(|| type_error("String", it))?);
                }
                let shown = quote(&format!("[{}]", texts.join(", ")));
                self.length(&shown, path, texts.len(), min, max);
                if texts.iter().any(|t| !values.contains(t)) {
                    self.fail(
                        &shown,
                        path,
                        format!(
                            "must satisfy constraint: [Member must satisfy enum value set: [{}]]",
                            values.join(", ")
                        ),
                    );
                }
            }
            Shape::Int { min, max } => {
                let n = int_of(v).ok_or_else(|| type_error("Integer", v))?;
                if n < min {
                    self.fail(&quote(&n.to_string()), path, format!("must have value greater than or equal to {min}"));
                }
                if let Some(max) = max.filter(|&m| n > m) {
                    self.fail(&quote(&n.to_string()), path, format!("must have value less than or equal to {max}"));
                }
            }
            Shape::Bool => {
                v.as_bool().ok_or_else(|| type_error("Boolean", v))?;
            }
            Shape::Timestamp => {
                if !v.is_number() {
                    return Err(type_error("Timestamp", v));
                }
            }
            Shape::Blob { max } => {
                let s = v.as_str().ok_or_else(|| type_error("Blob", v))?;
                let n = decode_blob(s)?.len();
                if n > max {
                    let shown = quote(&format!("java.nio.HeapByteBuffer[pos=0 lim={n} cap={n}]"));
                    self.fail(&shown, path, format!("must have length less than or equal to {max}"));
                }
            }
            Shape::StrList { min, max, item_min, item_max } => {
                let items = v.as_array().ok_or_else(|| type_error("List", v))?;
                let mut texts = Vec::with_capacity(items.len());
                for it in items {
                    texts.push(it.as_str().ok_or_else(|| type_error("String", it))?.to_owned());
                }
                let shown = quote(&format!("[{}]", texts.join(", ")));
                self.length(&shown, path, texts.len(), min, max);
                // Item lengths are one constraint on the whole list.
                if texts.iter().any(|t| !(item_min..=item_max).contains(&t.chars().count())) {
                    self.fail(
                        &shown,
                        path,
                        format!("must satisfy constraint: [Member must have length less than or equal to {item_max}, Member must have length greater than or equal to {item_min}]"),
                    );
                }
            }
            Shape::StructList { min, max, java_class, members } => {
                let items = v.as_array().ok_or_else(|| type_error("List", v))?;
                let mut objs = Vec::with_capacity(items.len());
                for it in items {
                    objs.push(it.as_object().ok_or_else(|| type_error("Structure", it))?);
                }
                let shown: Vec<String> = (0..objs.len())
                    .map(|i| format!("{java_class}@{:08x}", 0x1f2e_3d4c_u32.wrapping_mul(i as u32 + 1)))
                    .collect();
                self.length(&quote(&format!("[{}]", shown.join(", "))), path, objs.len(), min, max);
                for (i, o) in objs.iter().enumerate() {
                    self.members(members, Some(o), &format!("{path}.{}.member.", i + 1))?;
                }
            }
            Shape::StrMap { min, max, key_max, value_max } => {
                let map = v.as_object().ok_or_else(|| type_error("Map", v))?;
                let mut pairs = Vec::with_capacity(map.len());
                for (k, val) in map {
                    let val = val.as_str().ok_or_else(|| type_error("String", val))?;
                    pairs.push((k.as_str(), val));
                }
                let shown = quote(&format!(
                    "{{{}}}",
                    pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ")
                ));
                self.length(&shown, path, pairs.len(), min, max);
                // Key and value lengths are one constraint each on the whole map.
                if pairs.iter().any(|(k, _)| !(1..=key_max).contains(&k.chars().count())) {
                    self.fail_raw(
                        &shown,
                        path,
                        &format!("Map keys must satisfy constraint: [Member must have length less than or equal to {key_max}, Member must have length greater than or equal to 1]"),
                    );
                }
                if pairs.iter().any(|(_, v)| v.chars().count() > value_max) {
                    self.fail_raw(
                        &shown,
                        path,
                        &format!("Map value must satisfy constraint: [Member must have length less than or equal to {value_max}, Member must have length greater than or equal to 0]"),
                    );
                }
            }
            Shape::Struct(members) => {
                let obj = v.as_object().ok_or_else(|| type_error("Structure", v))?;
                self.members(members, Some(obj), &format!("{path}."))?;
            }
        }
        Ok(())
    }
}

/// An integer member's value (JSON numbers with no fraction).
pub fn int_of(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| v.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15).map(|f| f as i64))
}

/// Decodes a blob member: the wire carries base64.
///
/// # Errors
/// `SerializationException` when the text is not valid base64.
pub fn decode_blob(s: &str) -> Result<Vec<u8>, KinesisError> {
    let fail = |why: String| KinesisError::serialization(format!("'{s}' can not be converted to a Blob: {why}"));
    if s.len() % 4 != 0 {
        return Err(fail(format!("Base64 encoded length is expected a multiple of 4 bytes but found: {}", s.len())));
    }
    // The first character outside the alphabet, or a `=` followed by anything but `=`.
    let b = s.as_bytes();
    let bad = b.iter().enumerate().find(|&(i, &c)| {
        !(c.is_ascii_alphanumeric() || c == b'+' || c == b'/' || c == b'=')
            || (c == b'=' && b.get(i + 1).is_some_and(|&n| n != b'='))
    });
    if let Some((i, _)) = bad {
        let c = s[i..].chars().next().unwrap_or('=');
        return Err(fail(format!("Invalid Base64 character: '{c}'")));
    }
    // (AWS's own spelling.)
    STANDARD.decode(s).map_err(|_| fail("Invalid last non-pad Base64 character dectected".to_owned()))
}

/// Validates a request against its members.
///
/// # Errors
/// `SerializationException` for a value of the wrong type, `ValidationException` listing up to ten broken
/// constraints.
pub fn validate(members: &[Member], request: &Value) -> Result<(), KinesisError> {
    let obj = match request {
        Value::Object(o) => Some(o),
        Value::Null => None,
        _ => return Err(KinesisError::serialization("Start of structure or map found where not expected.")),
    };
    let mut c = Checker { items: Vec::new() };
    c.members(members, obj, "")?;
    if c.items.is_empty() {
        return Ok(());
    }
    c.items.truncate(10);
    let n = c.items.len();
    Err(KinesisError::validation(format!(
        "{n} validation error{} detected: {}",
        if n == 1 { "" } else { "s" },
        c.items.join("; ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const MEMBERS: &[Member] = &[
        req("StreamName", STREAM_NAME),
        opt("Limit", Shape::Int { min: 1, max: Some(10_000) }),
        opt("ShardIteratorType", Shape::Enum(&["AT_SEQUENCE_NUMBER", "LATEST"])),
    ];

    #[test]
    fn messages_follow_the_aws_format() {
        let e = validate(MEMBERS, &json!({"StreamName": "my stream"})).unwrap_err();
        assert_eq!(e.message, "1 validation error detected: Value 'my stream' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        let e = validate(MEMBERS, &json!({"StreamName": ""})).unwrap_err();
        assert!(e.message.starts_with("2 validation errors detected: "), "{}", e.message);
        assert!(e.message.contains("Member must have length greater than or equal to 1"));
        let e = validate(MEMBERS, &json!({})).unwrap_err();
        assert_eq!(e.message, "1 validation error detected: Value null at 'streamName' failed to satisfy constraint: Member must not be null");
        let e = validate(MEMBERS, &json!({"StreamName": "a", "Limit": 10001, "ShardIteratorType": "X"})).unwrap_err();
        assert!(e.message.contains(
            "Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000"
        ));
        assert!(e.message.contains("Value 'X' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [AT_SEQUENCE_NUMBER, LATEST]"));
        let e = validate(MEMBERS, &json!({"StreamName": "a", "Limit": "5"})).unwrap_err();
        assert_eq!(e.error_type, crate::engine::ErrorType::Serialization);
        assert_eq!(e.message, "class java.lang.String can not be converted to an Integer");
        assert!(validate(MEMBERS, &json!({"StreamName": "a", "Limit": 5, "Unknown": 1})).is_ok());
    }

    #[test]
    fn blobs() {
        assert_eq!(decode_blob("dGVzdGRhdGE=").unwrap(), b"testdata");
        assert!(decode_blob("abc").unwrap_err().message.contains("multiple of 4 bytes but found: 3"));
        assert!(decode_blob("ab!=").is_err());
    }
}
