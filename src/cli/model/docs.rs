//! The service model's documentation strings: `docs.json`, written beside `model.json` by
//! `scripts/gen_cli_model.py` (the first paragraph of the service's, each operation's and each member's docs).
//!
//! Only `help` reads them, so the browser build leaves them out of its wasm (about 9 KB gzip the page need not load
//! before it starts): Trunk copies `docs.json` into the site, the page fetches it the first time a line asks for
//! help ([`wants_docs`]) and hands it to [`install`]. Natively they are compiled in.

use serde_json::Value;
use std::sync::OnceLock;

/// The documentation strings.
#[derive(Debug, Default)]
pub struct Docs {
    service: String,
    /// By operation name.
    operations: Vec<(String, String)>,
    /// By shape name, then member name.
    members: Vec<(String, Vec<(String, String)>)>,
}

fn strings(v: Option<&Value>) -> Vec<(String, String)> {
    v.and_then(Value::as_object)
        .map(|m| m.iter().filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned()))).collect())
        .unwrap_or_default()
}

fn find<'a, T>(entries: &'a [(String, T)], name: &str) -> Option<&'a T> {
    entries.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

impl Docs {
    /// Reads `docs.json`'s text; `None` when it is not a JSON object with a `service` string.
    pub fn parse(text: &str) -> Option<Docs> {
        let v: Value = serde_json::from_str(text).ok()?;
        Some(Docs {
            service: v.get("service")?.as_str()?.to_owned(),
            operations: strings(v.get("operations")),
            members: v
                .get("members")
                .and_then(Value::as_object)
                .map(|m| m.iter().map(|(shape, members)| (shape.clone(), strings(Some(members)))).collect())
                .unwrap_or_default(),
        })
    }

    /// The service's description.
    pub fn service(&self) -> &str {
        &self.service
    }

    /// An operation's description (empty when it has none).
    pub fn operation(&self, name: &str) -> &str {
        find(&self.operations, name).map_or("", String::as_str)
    }

    /// A structure member's description (empty when it has none).
    pub fn member(&self, shape: &str, member: &str) -> &str {
        find(&self.members, shape).and_then(|m| find(m, member)).map_or("", String::as_str)
    }
}

static DOCS: OnceLock<Docs> = OnceLock::new();

/// The documentation strings: always there natively; in the page once [`install`] has run.
pub fn docs() -> Option<&'static Docs> {
    #[cfg(not(target_arch = "wasm32"))]
    return Some(DOCS.get_or_init(|| Docs::parse(include_str!("docs.json")).unwrap_or_default()));
    #[cfg(target_arch = "wasm32")]
    DOCS.get()
}

/// Installs `docs.json`'s text (the page calls this once it has fetched the file). Returns false when the text is
/// not a docs file; nothing changes then, and `help` keeps printing without descriptions.
pub fn install(text: &str) -> bool {
    match Docs::parse(text) {
        Some(d) => {
            let _ = DOCS.set(d);
            true
        }
        None => false,
    }
}

/// True when `line` asks for help and the documentation strings are not there yet (the page then fetches them
/// before it runs the line).
pub fn wants_docs(line: &str) -> bool {
    docs().is_none() && line.split_whitespace().any(|w| w == "help")
}

/// What `help` prints in place of a description it does not have.
pub const MISSING: &str =
    "(The descriptions could not be loaded. Reload the page to try again; the options below are complete.)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_docs_describe_the_service_its_operations_and_members() {
        let d = docs().expect("native builds compile the docs in");
        assert!(d.service().starts_with("Amazon Kinesis Data Streams is a managed service"));
        assert!(d.operation("PutRecord").starts_with("Writes a single data record"));
        assert!(d.member("PutRecordInput", "PartitionKey").contains("partition key"));
        assert_eq!(d.operation("NoSuchOperation"), "");
        assert_eq!(d.member("PutRecordInput", "NoSuchMember"), "");
        assert!(!wants_docs("aws kinesis help"), "natively the docs are always there");
    }

    #[test]
    fn a_file_that_is_not_a_docs_file_is_refused() {
        for text in ["", "not json", "[]", "{}", r#"{"service": 3}"#, &"[".repeat(10_000)] {
            assert!(Docs::parse(text).is_none(), "{text:.20}");
            assert!(!install(text));
        }
        let d = Docs::parse(r#"{"service":"S","operations":{"A":"a","B":7},"members":{"I":{"M":"m"},"J":[]}}"#)
            .expect("a small docs file");
        assert_eq!((d.service(), d.operation("A"), d.operation("B")), ("S", "a", ""));
        assert_eq!((d.member("I", "M"), d.member("J", "M")), ("m", ""));
    }
}
