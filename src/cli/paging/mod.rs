//! Calls an operation the way the CLI does: once with `--no-paginate` or when the operation has no paginator,
//! otherwise page after page (botocore's `PageIterator`), then merges the pages like `build_full_result`: the
//! result keys (all pages concatenated) first, then the non-aggregate keys taken from the first page (a missing one
//! becomes `null`: that is why `describe-stream` prints `"KeyId": null`). Everything else (`HasMoreShards`,
//! `StreamModeDetails`, `NextToken`, ...) disappears.
//!
//! [`pager`] holds botocore's `PageIterator` (`--max-items`, `--starting-token`).

pub mod pager;

use crate::cli::aws::errors::CliError;
use crate::cli::model::{Model, Operation};
use crate::cli::output::normalize;
use crate::cli::query::path;
use crate::engine::Engine;
use pager::PageOptions;
use serde_json::{Map, Value};

/// What a call returned.
#[derive(Debug, Clone)]
pub enum Response {
    /// One response, already normalized (model order, ISO timestamps).
    Single(Value),
    /// An auto-paginated result.
    Paged {
        /// The normalized pages.
        pages: Vec<Value>,
        /// The non-aggregate keys from the first page.
        non_aggregate: Value,
        /// The result key expressions.
        result_keys: Vec<String>,
        /// The `NextToken` to print when `--max-items` cut the listing short.
        resume_token: Option<String>,
    },
}

/// botocore's standard retry mode: 3 attempts in all.
const MAX_RETRIES: u32 = 2;

/// Errors botocore's standard retry mode retries: throttling codes (`ProvisionedThroughputExceededException`,
/// `LimitExceededException`, ...) and 5xx answers. The simulated clock does not move between attempts (the real
/// CLI's backoff is random and short), so a rate limit usually fails all three attempts.
fn retryable(t: crate::engine::ErrorType) -> bool {
    use crate::engine::ErrorType;
    matches!(t, ErrorType::ProvisionedThroughputExceeded | ErrorType::LimitExceeded | ErrorType::InternalFailure)
}

/// Calls `op_name` (auto-paginating unless `no_paginate`).
///
/// # Errors
/// The service's error (exit 254), or botocore's `PaginationError` when a token repeats.
pub fn call(
    engine: &mut Engine,
    model: &Model,
    op_name: &str,
    op: &Operation,
    request: &Value,
    opts: &PageOptions,
    no_paginate: bool,
) -> Result<Response, CliError> {
    let output_shape = op.output.clone().unwrap_or_default();
    let once = |engine: &mut Engine, req: &Value| -> Result<Value, CliError> {
        let mut retries = 0;
        loop {
            match crate::api::call(engine, op_name, req) {
                Ok(v) => return Ok(normalize(model, &output_shape, &v)),
                Err(error) if retryable(error.error_type) && retries < MAX_RETRIES => retries += 1,
                Err(error) => {
                    let retries = if retryable(error.error_type) { retries } else { 0 };
                    return Err(CliError::Service { operation: op_name.to_string(), error, retries });
                }
            }
        }
    };
    // A pagination parameter given by hand (`--exclusive-start-shard-id`, `--next-token`, or the limit key:
    // `--max-results`, `--limit`) turns auto-pagination off, as `awscli/customizations/paginate.py` does
    // (`_get_all_cli_input_tokens` yields the limit key too; checked with the real CLI 2.36.7).
    let manual = op.paginator.as_ref().is_some_and(|p| {
        request.get(&p.input_token).is_some() || p.limit_key.as_ref().is_some_and(|k| request.get(k).is_some())
    });
    let Some(p) = op.paginator.as_ref().filter(|_| !no_paginate && !manual) else {
        return once(engine, request).map(Response::Single);
    };
    let (pages, resume_token) = pager::pages(p, request, opts, &mut |req| once(engine, req))?;
    let mut non_aggregate = Value::Object(Map::new());
    if let Some(first) = pages.first() {
        for key in &p.non_aggregate_keys {
            let v = path(key, first);
            set_path(&mut non_aggregate, key, v);
        }
    }
    Ok(Response::Paged {
        pages,
        non_aggregate,
        result_keys: p.result_key.paths().into_iter().map(str::to_string).collect(),
        resume_token,
    })
}

/// botocore's `set_value_from_jmespath` for dotted paths.
pub fn set_path(target: &mut Value, path: &str, value: Value) {
    let mut cur = target;
    let parts: Vec<&str> = path.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        if !cur.is_object() {
            *cur = Value::Object(Map::new());
        }
        let Value::Object(m) = cur else { return };
        if i + 1 == parts.len() {
            m.insert((*part).to_string(), value);
            return;
        }
        cur = m.entry((*part).to_string()).or_insert_with(|| Value::Object(Map::new()));
    }
}

impl Response {
    /// `build_full_result()`: what JSON and table output show.
    pub fn full(&self) -> Value {
        match self {
            Response::Single(v) => v.clone(),
            Response::Paged { pages, non_aggregate, result_keys, resume_token } => {
                let mut out = Value::Object(Map::new());
                for key in result_keys {
                    let mut all: Option<Value> = None;
                    for page in pages {
                        match (path(key, page), &mut all) {
                            (Value::Null, _) => {}
                            (v, None) => all = Some(v),
                            (Value::Array(items), Some(Value::Array(acc))) => acc.extend(items),
                            _ => {}
                        }
                    }
                    if let Some(v) = all {
                        set_path(&mut out, key, v);
                    }
                }
                merge(&mut out, non_aggregate);
                if let (Some(t), Value::Object(m)) = (resume_token, &mut out) {
                    m.insert("NextToken".into(), Value::String(t.clone()));
                }
                out
            }
        }
    }

    /// The pieces the text formatter prints one after another: the first page with the non-aggregate keys, the
    /// next pages with only their result keys.
    pub fn text_pages(&self) -> Vec<Value> {
        match self {
            Response::Single(v) => vec![v.clone()],
            Response::Paged { pages, non_aggregate, result_keys, resume_token } => {
                let mut out: Vec<Value> = pages
                    .iter()
                    .enumerate()
                    .map(|(i, page)| {
                        let mut cur = if i == 0 { non_aggregate.clone() } else { Value::Object(Map::new()) };
                        for key in result_keys {
                            set_path(&mut cur, key, path(key, page));
                        }
                        cur
                    })
                    .collect();
                if let Some(t) = resume_token {
                    out.push(serde_json::json!({"NextToken": {"NextToken": t}}));
                }
                out
            }
        }
    }
}

/// botocore's `merge_dicts`: nested objects merge, other values overwrite.
fn merge(target: &mut Value, extra: &Value) {
    if let (Value::Object(t), Value::Object(e)) = (target, extra) {
        for (k, v) in e {
            match t.get_mut(k) {
                Some(existing @ Value::Object(_)) if v.is_object() => merge(existing, v),
                _ => {
                    t.insert(k.clone(), v.clone());
                }
            }
        }
    }
}
