//! `sim record --stream-name S --size 10MiB [--partition-key K]`: writes one record of a given size through
//! PutRecord (so the stream's maximum record size and the shard's write tank apply), for trying large records
//! without typing megabytes of base64. Reports where it landed and what is left in the shard's write tank.

use crate::api;
use crate::cli::aws::Outcome;
use crate::engine::tank::TANK_CAPACITY_BYTES;
use crate::engine::{parse_shard_id, Engine};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::json;

/// The most a `sim record` may write: the model's 10 MiB, plus one byte to show the refusal.
const MAX_SIZE: u64 = 10 * 1024 * 1024 + 1;

/// `10MiB`, `512KiB`, `1500`: bytes.
fn parse_size(text: &str) -> Option<u64> {
    let (digits, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => text.split_at(i),
        None => (text, ""),
    };
    let n: u64 = digits.parse().ok()?;
    let scale = match unit {
        "" | "B" => 1,
        "KiB" => 1024,
        "MiB" => 1024 * 1024,
        _ => return None,
    };
    n.checked_mul(scale)
}

/// Runs `sim record ...` (`opts` after `record`).
pub fn run(engine: &mut Engine, opts: &[&str]) -> Result<Outcome, String> {
    let (mut stream, mut size, mut key) = (None, None, "k".to_owned());
    for pair in opts.chunks(2) {
        let [flag, value] = pair else { return Err(format!("{} needs a value", pair[0])) };
        match *flag {
            "--stream-name" => stream = Some((*value).to_owned()),
            "--size" => {
                size = Some(
                    parse_size(value)
                        .filter(|s| *s <= MAX_SIZE)
                        .ok_or_else(|| format!("--size {value}: a size up to 10MiB (examples: 1500, 512KiB, 10MiB)"))?,
                )
            }
            "--partition-key" => key = (*value).to_owned(),
            other => return Err(format!("unknown option {other}")),
        }
    }
    let stream = stream.ok_or("--stream-name is required")?;
    let size = size.ok_or("--size is required")?;
    let data = STANDARD.encode(vec![b'.'; size as usize]);
    let req = json!({"StreamName": stream, "PartitionKey": key, "Data": data});
    match api::call(engine, "PutRecord", &req) {
        Ok(out) => {
            let shard = out["ShardId"].as_str().unwrap_or_default().to_owned();
            let now = engine.now_ms();
            let level = parse_shard_id(&shard)
                .and_then(|i| engine.stream(&stream)?.shard(i).map(|s| s.meter.write_tank.level_bytes(now)))
                .unwrap_or_default();
            Ok(Outcome::ok(format!(
                "Wrote {size} bytes (and a {}-byte partition key) to {shard}, sequence number {}.\nIts write tank now holds {level} of {TANK_CAPACITY_BYTES} bytes and refills at 1 MiB a second.\n",
                key.len(),
                out["SequenceNumber"].as_str().unwrap_or_default()
            )))
        }
        Err(e) => Ok(Outcome {
            stderr: format!("sim record: {}: {}\n", e.error_type.aws_name(), e.message),
            exit_code: 1,
            hints: vec![format!("{}: {}", e.error_type.aws_name(), e.error_type.explanation())],
            ..Default::default()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("10MiB"), Some(10_485_760));
        assert_eq!(parse_size("512KiB"), Some(524_288));
        assert_eq!(parse_size("1500"), Some(1500));
        assert_eq!(parse_size("1.5MiB"), None);
        assert_eq!(parse_size("MiB"), None);
        assert_eq!(parse_size("99999999999999999999MiB"), None);
    }
}
