//! botocore's `PageIterator` for the CLI's pagination options: follows the paginator's tokens page after page,
//! stops after `--max-items` items of the first result key (truncating the last page and producing a resume token),
//! and resumes from `--starting-token`.
//!
//! Tokens are botocore's: base64 of `json.dumps({"<input token>": <value>, "boto_truncate_amount": <n>})`.

use crate::cli::aws::errors::CliError;
use crate::cli::model::Paginator;
use crate::cli::paging::set_path;
use crate::cli::query::path;
use base64::Engine as _;
use serde_json::Value;

/// The CLI's pagination options.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageOptions {
    /// `--page-size`: the limit sent with each call.
    pub page_size: Option<i64>,
    /// `--max-items`: stop after this many items of the first result key.
    pub max_items: Option<i64>,
    /// `--starting-token`: a resume token printed by an earlier call.
    pub starting_token: Option<String>,
}

const MAX_PAGES: usize = 10_000;

fn encode_token(key: &str, value: &Value, truncate: Option<i64>) -> String {
    let mut json = format!("{{{}: {}", ascii_json(&Value::String(key.into())), ascii_json(value));
    if let Some(n) = truncate {
        json.push_str(&format!(", \"boto_truncate_amount\": {n}"));
    }
    json.push('}');
    base64::engine::general_purpose::STANDARD.encode(json)
}

/// `json.dumps` with its default `ensure_ascii=True`.
fn ascii_json(v: &Value) -> String {
    let mut out = String::new();
    for c in v.to_string().chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

/// botocore's `_parse_starting_token`: the base64 JSON token it writes, or else (any failure) the legacy format,
/// `token` or `token___skip`, with `None` for no token.
fn decode_token(p: &Paginator, token: &str) -> (Value, usize) {
    let decoded = crate::cli::aws::blob::lenient_b64decode(token)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
        .and_then(|v| match v {
            Value::Object(mut m) => {
                let truncate = m.remove("boto_truncate_amount").and_then(|v| v.as_u64()).unwrap_or(0) as usize;
                let value = m.remove(&p.input_token)?;
                m.is_empty().then_some((value, truncate))
            }
            _ => None,
        });
    if let Some(d) = decoded {
        return d;
    }
    let mut parts: Vec<&str> = token.split("___").collect();
    let mut skip = 0;
    if parts.len() == 2 {
        match parts[1].parse::<usize>() {
            Ok(n) => {
                skip = n;
                parts.pop();
            }
            Err(_) => parts = vec![token],
        }
    }
    let part = parts.first().copied().unwrap_or(token);
    (if part == "None" { Value::Null } else { Value::String(part.to_string()) }, skip)
}

fn next_token(p: &Paginator, page: &Value) -> Value {
    if let Some(more) = &p.more_results {
        if !matches!(path(more, page), Value::Bool(true)) {
            return Value::Null;
        }
    }
    path(&p.output_token, page)
}

fn set_token(req: &mut Value, key: &str, token: &Value) {
    if let Value::Object(m) = req {
        match token {
            Value::Null => {
                m.remove(key);
            }
            Value::String(s) if s == "None" => {
                m.remove(key);
            }
            t => {
                m.insert(key.to_string(), t.clone());
            }
        }
    }
}

/// Fetches the pages with `fetch`; returns them and the resume token (when `--max-items` cut the listing short).
///
/// # Errors
/// The first failing call's error, a bad `--starting-token`, or botocore's repeated-token `PaginationError`.
pub fn pages(
    p: &Paginator,
    request: &Value,
    opts: &PageOptions,
    fetch: &mut dyn FnMut(&Value) -> Result<Value, CliError>,
) -> Result<(Vec<Value>, Option<String>), CliError> {
    let mut req = request.clone();
    if let (Some(size), Some(limit_key), Value::Object(m)) = (opts.page_size, &p.limit_key, &mut req) {
        m.insert(limit_key.clone(), Value::Number(size.into()));
    }
    let primary = p.result_key.paths().first().map(|s| s.to_string()).unwrap_or_default();
    let others: Vec<String> = p.result_key.paths().iter().skip(1).map(|s| s.to_string()).collect();
    let mut token = Value::Null;
    let mut skip = 0;
    if let Some(start) = &opts.starting_token {
        (token, skip) = decode_token(p, start);
        set_token(&mut req, &p.input_token, &token);
    }
    let mut out = Vec::new();
    let mut total: i64 = 0;
    let mut previous: Option<Value> = None;
    while out.len() < MAX_PAGES {
        let mut page = fetch(&req)?;
        let mut starting = 0;
        if out.is_empty() && opts.starting_token.is_some() {
            let items = path(&primary, &page).as_array().cloned().unwrap_or_default();
            set_path(&mut page, &primary, Value::Array(items.into_iter().skip(skip).collect()));
            for k in &others {
                let empty = match path(k, &page) {
                    Value::Array(_) => Value::Array(Vec::new()),
                    Value::String(_) => Value::String(String::new()),
                    Value::Number(_) => Value::Number(0.into()),
                    _ => Value::Null,
                };
                set_path(&mut page, k, empty);
            }
            starting = skip;
        }
        let items = path(&primary, &page).as_array().cloned().unwrap_or_default();
        let n = items.len() as i64;
        if let Some(max) = opts.max_items.filter(|max| total + n > *max) {
            let keep = (max - total).max(0) as usize;
            set_path(&mut page, &primary, Value::Array(items.into_iter().take(keep).collect()));
            out.push(page);
            let resume = encode_token(&p.input_token, &token, Some((keep + starting) as i64));
            return Ok((out, Some(resume)));
        }
        total += n;
        let next = next_token(p, &page);
        out.push(page);
        if next.is_null() {
            break;
        }
        if opts.max_items == Some(total) {
            return Ok((out, Some(encode_token(&p.input_token, &next, None))));
        }
        if previous.as_ref() == Some(&next) {
            return Err(CliError::General(format!(
                "The same next token was received twice: {{'{}': '{}'}}",
                p.input_token,
                next.as_str().unwrap_or_default()
            )));
        }
        set_token(&mut req, &p.input_token, &next);
        previous = Some(next.clone());
        token = next;
    }
    Ok((out, None))
}
