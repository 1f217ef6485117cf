//! Scenarios: console scripts a teacher hands out as links.
//!
//! A scenario is a title and a list of console lines (the same lines the terminal console runs from a script).
//! In a link it travels in the URL fragment as `#scenario=<base64url of the script>`, so a static host serves it
//! and nothing leaves the learner's browser. The script's first line may be `# title: ...`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// The longest script a link may carry, in bytes.
pub const MAX_SCRIPT_BYTES: usize = 16 * 1024;
/// The fragment key.
pub const FRAGMENT_KEY: &str = "scenario=";

/// A titled list of console lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    pub title: String,
    /// The console lines to run, in order (comments and blank lines removed).
    pub lines: Vec<String>,
}

impl Scenario {
    /// Reads a script: `# title: ...` names it; other `#` lines and blank lines are skipped.
    pub fn from_script(script: &str) -> Scenario {
        let mut title = String::from("Shared scenario");
        let mut lines = Vec::new();
        for raw in script.lines() {
            let line = raw.trim();
            if let Some(t) = line.strip_prefix("# title:") {
                title = t.trim().to_owned();
            } else if !line.is_empty() && !line.starts_with('#') {
                lines.push(raw.trim_end().to_owned());
            }
        }
        Scenario { title, lines }
    }

    /// The script text of this scenario.
    pub fn to_script(&self) -> String {
        let mut s = format!("# title: {}\n", self.title);
        for l in &self.lines {
            s.push_str(l);
            s.push('\n');
        }
        s
    }

    /// The URL fragment (without `#`) that carries this scenario.
    pub fn to_fragment(&self) -> String {
        format!("{FRAGMENT_KEY}{}", URL_SAFE_NO_PAD.encode(self.to_script()))
    }

    /// Reads a URL fragment (with or without the leading `#`).
    ///
    /// # Errors
    /// A sentence for the learner when the fragment holds no scenario or a damaged one.
    pub fn from_fragment(fragment: &str) -> Result<Scenario, String> {
        let f = fragment.trim_start_matches('#');
        let Some(encoded) = f.split('&').find_map(|p| p.strip_prefix(FRAGMENT_KEY)) else {
            return Err("This link carries no scenario.".into());
        };
        if encoded.len() > MAX_SCRIPT_BYTES * 4 / 3 + 4 {
            return Err(format!(
                "This scenario is longer than {} KiB, the most a link may carry.",
                MAX_SCRIPT_BYTES / 1024
            ));
        }
        let bytes = URL_SAFE_NO_PAD.decode(encoded.trim_end_matches('=')).map_err(|_| {
            "This scenario link is damaged (it is not valid base64url); ask for the link again.".to_owned()
        })?;
        let script =
            String::from_utf8(bytes).map_err(|_| "This scenario link is damaged (it is not text).".to_owned())?;
        Ok(Scenario::from_script(&script))
    }
}

/// Scenarios that come with the playground.
pub fn built_in() -> Vec<Scenario> {
    [
        (
            "The seed tutorial: create a stream, put records, read them back",
            "aws kinesis create-stream --stream-name DemoStream --shard-count 1\naws kinesis wait stream-exists --stream-name DemoStream\naws kinesis put-record --stream-name DemoStream --partition-key 1 --cli-binary-format raw-in-base64-out --data '{\"trans_id\": 1, \"trans_type\": \"ATM\", \"amt\": 200}'\naws kinesis put-record --stream-name DemoStream --partition-key 1 --cli-binary-format raw-in-base64-out --data '{\"trans_id\": 2, \"trans_type\": \"ATM\", \"amt\": 400}'\naws kinesis put-record --stream-name DemoStream --partition-key 1 --cli-binary-format raw-in-base64-out --data '{\"trans_id\": 3, \"trans_type\": \"ATM\", \"amt\": 600}'\naws kinesis put-record --stream-name DemoStream --partition-key 1 --cli-binary-format raw-in-base64-out --data '{\"trans_id\": 4, \"trans_type\": \"ATM\", \"amt\": 900}'\nSHARD_ITERATOR=$(aws kinesis get-shard-iterator --stream-name DemoStream --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --query 'ShardIterator' --output text)\naws kinesis get-records --shard-iterator $SHARD_ITERATOR",
        ),
        (
            "Routing: which shard does a key land in?",
            "aws kinesis create-stream --stream-name Routing --shard-count 4\naws kinesis wait stream-exists --stream-name Routing\naws kinesis put-record --stream-name Routing --partition-key a --data YQ==\naws kinesis put-record --stream-name Routing --partition-key b --data Yg==\naws kinesis put-record --stream-name Routing --partition-key 1 --data MQ==\naws kinesis list-shards --stream-name Routing",
        ),
        (
            "Resharding: split a shard and read parents before children",
            "aws kinesis create-stream --stream-name Reshard --shard-count 1\naws kinesis wait stream-exists --stream-name Reshard\naws kinesis put-record --stream-name Reshard --partition-key a --data YmVmb3Jl\naws kinesis split-shard --stream-name Reshard --shard-to-split shardId-000000000000 --new-starting-hash-key 170141183460469231731687303715884105728\naws kinesis wait stream-exists --stream-name Reshard\naws kinesis put-record --stream-name Reshard --partition-key a --data YWZ0ZXI=\naws kinesis list-shards --stream-name Reshard",
        ),
    ]
    .into_iter()
    .map(|(title, script)| Scenario { title: title.to_owned(), lines: script.lines().map(str::to_owned).collect() })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_a_fragment() {
        for s in built_in() {
            let f = s.to_fragment();
            assert!(f.starts_with("scenario="));
            assert!(!f.contains('+') && !f.contains('/') && !f.contains('='.to_string().repeat(2).as_str()));
            assert_eq!(Scenario::from_fragment(&format!("#{f}")).unwrap(), s);
        }
    }

    #[test]
    fn reads_scripts_and_refuses_damage() {
        let s = Scenario::from_script(
            "# title: Hot keys\n\n# a comment\naws kinesis list-streams\n  \nsim clock advance 5s\n",
        );
        assert_eq!(s.title, "Hot keys");
        assert_eq!(s.lines, vec!["aws kinesis list-streams", "sim clock advance 5s"]);
        assert!(Scenario::from_fragment("#other=1").is_err());
        assert!(Scenario::from_fragment("#scenario=%%%").is_err());
        assert!(Scenario::from_fragment(&format!("#scenario={}", "A".repeat(40_000))).is_err());
        assert_eq!(Scenario::from_fragment("#x=1&scenario=IyB0aXRsZTogVAphYmM").unwrap().lines, vec!["abc"]);
    }
}
