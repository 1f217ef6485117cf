//! `application/x-amz-cbor-1.1`: the Kinesis protocol in CBOR (RFC 8949), the default of the Java SDK and the KCL.
//!
//! The documents are the JSON protocol's, member for member; only two types differ on the wire:
//! - **blobs** (`Data`) are CBOR byte strings, where JSON has base64 text;
//! - **timestamps** are tag 1 over an *integer count of epoch milliseconds*, where JSON has epoch seconds. RFC 8949
//!   says seconds, but the Java SDK (v1 `SdkCborGenerator`, v2 `SdkCborGenerator`) writes `tag(1)` then
//!   `Date.getTime()` / `Instant.toEpochMilli()`, and reads the service's answers the same way, so that is what the
//!   service speaks. A request's tag 1 over a float is read as seconds (what an RFC-minded encoder sends).
//!
//! A request is turned into the JSON value the API validates ([`request_to_json`]), and the API's JSON answer into
//! CBOR ([`response_to_cbor`]). The answer's blob and timestamp members are known by name: `Data` is the only blob
//! in Kinesis's outputs, and every output timestamp is named `...Timestamp`, `StartedAt`, `EndedAt` or
//! `EarliestAllowedEndAt` (`tests/server_cbor.rs` checks that against the service model).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use ciborium::value::{Integer, Value as Cbor};
use serde_json::{Map, Number, Value};

/// The content type.
pub const AMZ_CBOR: &str = "application/x-amz-cbor-1.1";

/// CBOR tag 1: epoch-based date/time.
const EPOCH_TAG: u64 = 1;

/// Output members holding a timestamp whose names do not end in `Timestamp`.
const OTHER_TIMESTAMPS: &[&str] = &["StartedAt", "EndedAt", "EarliestAllowedEndAt"];

/// Why a request body was not read (the service answers `SerializationException`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotCbor;

/// Reads a CBOR request body as the JSON value the API takes: byte strings become base64 text, timestamps epoch
/// seconds. An empty body is `{}`'s absence: refused, as the JSON protocol refuses an empty body.
///
/// # Errors
/// [`NotCbor`] for a body that is not one complete CBOR item, has bytes after it, has a map key that is not text,
/// or a number JSON cannot hold (NaN, infinity).
pub fn request_to_json(body: &[u8]) -> Result<Value, NotCbor> {
    if body.is_empty() {
        return Err(NotCbor);
    }
    let mut reader = body;
    let item: Cbor = ciborium::de::from_reader(&mut reader).map_err(|_| NotCbor)?;
    if !reader.is_empty() {
        return Err(NotCbor);
    }
    to_json(&item, 0)
}

/// Nesting deeper than this is refused (no Kinesis request comes close; it bounds the recursion).
const MAX_DEPTH: usize = 64;

fn to_json(item: &Cbor, depth: usize) -> Result<Value, NotCbor> {
    if depth > MAX_DEPTH {
        return Err(NotCbor);
    }
    Ok(match item {
        Cbor::Null => Value::Null,
        Cbor::Bool(b) => Value::Bool(*b),
        Cbor::Text(s) => Value::String(s.clone()),
        Cbor::Bytes(b) => Value::String(STANDARD.encode(b)),
        Cbor::Integer(i) => integer_json(*i),
        Cbor::Float(f) => Value::Number(Number::from_f64(*f).ok_or(NotCbor)?),
        Cbor::Array(items) => Value::Array(items.iter().map(|v| to_json(v, depth + 1)).collect::<Result<_, _>>()?),
        Cbor::Map(entries) => {
            let mut m = Map::new();
            for (k, v) in entries {
                let Cbor::Text(k) = k else { return Err(NotCbor) };
                m.insert(k.clone(), to_json(v, depth + 1)?);
            }
            Value::Object(m)
        }
        Cbor::Tag(EPOCH_TAG, inner) => match inner.as_ref() {
            // The Java SDK's epoch milliseconds.
            Cbor::Integer(i) => {
                let ms = i128::from(*i);
                Value::Number(Number::from_f64(ms as f64 / 1000.0).ok_or(NotCbor)?)
            }
            Cbor::Float(f) => Value::Number(Number::from_f64(*f).ok_or(NotCbor)?),
            _ => return Err(NotCbor),
        },
        Cbor::Tag(_, inner) => to_json(inner, depth + 1)?,
        _ => return Err(NotCbor),
    })
}

fn integer_json(i: Integer) -> Value {
    let wide = i128::from(i);
    if let Ok(n) = i64::try_from(wide) {
        Value::from(n)
    } else if let Ok(n) = u64::try_from(wide) {
        Value::from(n)
    } else {
        // Beyond 64 bits: as a float, which validation then refuses as out of range.
        Number::from_f64(wide as f64).map_or(Value::Null, Value::Number)
    }
}

/// Writes an API answer (the JSON the protocol would send; `None` for an empty body) as CBOR. An empty output is an
/// empty map, as the Java SDK expects a document.
pub fn response_to_cbor(answer: Option<&Value>) -> Vec<u8> {
    let item = answer.map_or_else(|| Cbor::Map(Vec::new()), |v| to_cbor(v, None));
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = ciborium::ser::into_writer(&item, &mut out);
    out
}

/// A JSON answer body (as `api::dispatch` returns it) as CBOR: empty for an empty body.
pub fn answer_text_to_cbor(body: &str) -> Vec<u8> {
    if body.is_empty() {
        return response_to_cbor(None);
    }
    match serde_json::from_str::<Value>(body) {
        Ok(v) => response_to_cbor(Some(&v)),
        Err(_) => response_to_cbor(None),
    }
}

fn to_cbor(v: &Value, key: Option<&str>) -> Cbor {
    match v {
        Value::Null => Cbor::Null,
        Value::Bool(b) => Cbor::Bool(*b),
        Value::String(s) if key == Some("Data") => match STANDARD.decode(s) {
            Ok(bytes) => Cbor::Bytes(bytes),
            Err(_) => Cbor::Text(s.clone()),
        },
        Value::String(s) => Cbor::Text(s.clone()),
        Value::Number(n) if key.is_some_and(is_timestamp_member) => {
            let ms = n.as_f64().map_or(0, |secs| (secs * 1000.0).round() as i64);
            Cbor::Tag(EPOCH_TAG, Box::new(Cbor::Integer(ms.into())))
        }
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Cbor::Integer(i.into())
            } else if let Some(u) = n.as_u64() {
                Cbor::Integer(u.into())
            } else {
                Cbor::Float(n.as_f64().unwrap_or(0.0))
            }
        }
        // Members of a list are named by the list's member (`Records` holds records, not data).
        Value::Array(items) => Cbor::Array(items.iter().map(|i| to_cbor(i, None)).collect()),
        Value::Object(m) => {
            Cbor::Map(m.iter().map(|(k, v)| (Cbor::Text(k.clone()), to_cbor(v, Some(k.as_str())))).collect())
        }
    }
}

/// Whether an output member of this name holds a timestamp.
pub fn is_timestamp_member(name: &str) -> bool {
    name.ends_with("Timestamp") || OTHER_TIMESTAMPS.contains(&name)
}

/// Whether an output member of this name holds a blob.
pub fn is_blob_member(name: &str) -> bool {
    name == "Data"
}

/// Reads a CBOR answer back as JSON the way an SDK would see it (blobs as base64, timestamps as epoch seconds): for
/// tests and tools.
///
/// # Errors
/// [`NotCbor`] as [`request_to_json`].
pub fn answer_to_json(body: &[u8]) -> Result<Value, NotCbor> {
    request_to_json(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cbor(item: &Cbor) -> Vec<u8> {
        let mut out = Vec::new();
        ciborium::ser::into_writer(item, &mut out).expect("write");
        out
    }

    fn text(s: &str) -> Cbor {
        Cbor::Text(s.into())
    }

    #[test]
    fn a_request_reads_bytes_as_base64_and_java_timestamps_as_seconds() {
        let body = cbor(&Cbor::Map(vec![
            (text("StreamName"), text("s")),
            (text("Data"), Cbor::Bytes(b"hi".to_vec())),
            (text("Timestamp"), Cbor::Tag(1, Box::new(Cbor::Integer(1_704_067_205_123_i64.into())))),
            (text("Other"), Cbor::Tag(1, Box::new(Cbor::Float(1.5)))),
            (text("Limit"), Cbor::Integer(10.into())),
        ]));
        assert_eq!(
            request_to_json(&body),
            Ok(json!({"StreamName": "s", "Data": "aGk=", "Timestamp": 1_704_067_205.123, "Other": 1.5, "Limit": 10}))
        );
    }

    #[test]
    fn malformed_requests_are_refused() {
        assert_eq!(request_to_json(b""), Err(NotCbor));
        assert_eq!(request_to_json(&[0xbf]), Err(NotCbor), "an unfinished map");
        let mut two = cbor(&Cbor::Map(vec![]));
        two.extend(cbor(&Cbor::Map(vec![])));
        assert_eq!(request_to_json(&two), Err(NotCbor), "bytes after the item");
        let int_key = cbor(&Cbor::Map(vec![(Cbor::Integer(1.into()), text("x"))]));
        assert_eq!(request_to_json(&int_key), Err(NotCbor));
        let mut deep = Cbor::Null;
        for _ in 0..200 {
            deep = Cbor::Array(vec![deep]);
        }
        assert_eq!(request_to_json(&cbor(&deep)), Err(NotCbor));
    }

    #[test]
    fn an_answer_writes_data_as_bytes_and_timestamps_as_tagged_milliseconds() {
        let answer = json!({"Records": [{"Data": "aGk=", "ApproximateArrivalTimestamp": 1_704_067_205.5,
            "PartitionKey": "Data", "SequenceNumber": "1"}], "MillisBehindLatest": 0});
        let bytes = response_to_cbor(Some(&answer));
        let item: Cbor = ciborium::de::from_reader(bytes.as_slice()).expect("cbor");
        let Cbor::Map(top) = item else { panic!("a map") };
        let Cbor::Array(records) = &top[0].1 else { panic!("records") };
        let Cbor::Map(record) = &records[0] else { panic!("a record") };
        assert_eq!(record[0].1, Cbor::Bytes(b"hi".to_vec()));
        assert_eq!(record[1].1, Cbor::Tag(1, Box::new(Cbor::Integer(1_704_067_205_500_i64.into()))));
        assert_eq!(record[2].1, text("Data"), "a value that reads 'Data' is text");
        assert_eq!(top[1].1, Cbor::Integer(0.into()));
        assert_eq!(answer_to_json(&bytes), Ok(answer));
        assert_eq!(response_to_cbor(None), vec![0xa0], "an empty output is an empty map");
    }
}
