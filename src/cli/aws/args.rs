//! Parses `aws ... kinesis <operation> --option value ...`: global options, the operation's options (built from
//! its input shape, in model member order), and the request they make.

use crate::cli::aws::convert::{Converter, Source};
use crate::cli::aws::errors::CliError;
pub use crate::cli::aws::globals::{looks_like_option, split_globals, Globals, OutputFormat};
use crate::cli::aws::shorthand;
use crate::cli::model::{Model, Operation};
use serde_json::{Map, Value};

/// A parsed operation call.
#[derive(Debug, Clone)]
pub struct Call {
    /// The request in wire form.
    pub request: Value,
    /// `--page-size`, `--max-items`, `--starting-token`, for paginated operations.
    pub paging: crate::cli::paging::pager::PageOptions,
    /// Blob arguments decoded from base64 (text, bytes), for hints.
    pub decoded_blobs: Vec<(String, Vec<u8>)>,
}

fn is_complex(model: &Model, shape: &str) -> bool {
    model.shape(shape).is_some_and(|s| matches!(s.kind.as_str(), "structure" | "map" | "list"))
}

/// Parses the operation's options into a request.
///
/// # Errors
/// The argparse, shorthand, JSON and validation errors the real CLI reports, with their exit codes.
pub fn parse_call(model: &Model, op: &Operation, args: &[String], g: &Globals) -> Result<Call, CliError> {
    let input = op.input.as_deref().and_then(|s| model.shape(s));
    let members = input.map(|s| s.members.as_slice()).unwrap_or_default();
    let mut given: Vec<(usize, Vec<String>)> = Vec::new();
    let mut unknown = Vec::new();
    // argparse lists the unknown options first, then the stray words.
    let mut stray = Vec::new();
    let mut paging = crate::cli::paging::pager::PageOptions::default();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        i += 1;
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let Some(opt) = name.strip_prefix("--") else {
            stray.push(a.clone());
            continue;
        };
        if op.paginator.is_some() && matches!(opt, "page-size" | "max-items" | "starting-token") {
            let v = take_one(args, &mut i, inline, &name)?;
            if opt == "starting-token" {
                paging.starting_token = Some(v);
                continue;
            }
            // argparse's `type=int`.
            let n = v
                .trim()
                .parse::<i64>()
                .map_err(|_| CliError::Usage(format!("argument {name}: invalid int value: '{v}'")))?;
            if opt == "page-size" {
                paging.page_size = Some(n);
            } else {
                paging.max_items = Some(n);
            }
            continue;
        }
        let flag = members.iter().position(|m| {
            model.shape(&m.shape).is_some_and(|s| s.kind == "boolean")
                && (m.cli == opt || opt.strip_prefix("no-") == Some(m.cli.as_str()))
        });
        if let Some(idx) = flag {
            let value = if opt.starts_with("no-") && members[idx].cli != opt { "false" } else { "true" };
            given.retain(|(j, _)| *j != idx);
            given.push((idx, vec![value.to_string()]));
            continue;
        }
        let Some(idx) = members.iter().position(|m| m.cli == opt) else {
            unknown.push(a.clone());
            continue;
        };
        let is_list = model.shape(&members[idx].shape).is_some_and(|s| s.kind == "list");
        let values = if is_list && inline.is_none() {
            let start = i;
            while i < args.len() && !looks_like_option(&args[i]) {
                i += 1;
            }
            // `nargs='*'`: no value is an empty list, which botocore's length check then judges.
            args[start..i].to_vec()
        } else {
            vec![take_one(args, &mut i, inline, &name)?]
        };
        given.retain(|(j, _)| *j != idx);
        given.push((idx, values));
    }
    if let Some(shape) = input {
        let missing: Vec<String> = shape
            .members
            .iter()
            .enumerate()
            .filter(|(idx, m)| shape.required.contains(&m.name) && !given.iter().any(|(j, _)| j == idx))
            .map(|(_, m)| format!("--{}", m.cli))
            .collect();
        if !missing.is_empty() {
            return Err(CliError::Usage(format!("the following arguments are required: {}", missing.join(", "))));
        }
    }
    unknown.extend(stray);
    if !unknown.is_empty() {
        return Err(CliError::UnknownOptions(unknown));
    }
    crate::lean::sort_by_key(&mut given, |(idx, _)| *idx);
    let mut conv = Converter::new(model, g.binary_format);
    let mut request = Map::new();
    for (idx, values) in given {
        let m = &members[idx];
        let option = format!("--{}", m.cli);
        if let Some(path) = values.iter().find(|v| v.starts_with("file://") || v.starts_with("fileb://")) {
            let file = path.split_once("://").map_or("", |(_, f)| f);
            return Err(CliError::ParamParse {
                option,
                message: format!("Unable to load paramfile {path}: [Errno 2] No such file or directory: '{file}'"),
            });
        }
        let (raw, src) = unpack(model, &m.shape, &values, &option)?;
        if let Some(v) = conv.convert(&m.shape, &raw, &m.name, src) {
            request.insert(m.name.clone(), v);
        }
        if let Some(e) = conv.fatal.take() {
            return Err(e);
        }
    }
    if !conv.problems.is_empty() {
        return Err(CliError::ParamValidation(conv.problems));
    }
    Ok(Call { request: Value::Object(request), paging, decoded_blobs: conv.decoded_blobs })
}

fn take_one(args: &[String], i: &mut usize, inline: Option<String>, name: &str) -> Result<String, CliError> {
    if let Some(v) = inline {
        return Ok(v);
    }
    match args.get(*i) {
        Some(v) if !looks_like_option(v) => {
            *i += 1;
            Ok(v.clone())
        }
        _ => Err(CliError::Usage(format!("argument {name}: expected one argument"))),
    }
}

/// From argument text to a JSON value, as `awscli/argprocess.py` does: JSON when it looks like JSON, shorthand for
/// complex shapes, plain text for scalars.
fn unpack(model: &Model, shape: &str, values: &[String], option: &str) -> Result<(Value, Source), CliError> {
    let Some(s) = model.shape(shape) else {
        return Ok((Value::String(values.join(" ")), Source::Text));
    };
    let first = values.first().cloned().unwrap_or_default();
    let looks_json = first.trim_start().starts_with(['[', '{']);
    match s.kind.as_str() {
        "list" => {
            let member = s.member.as_deref().unwrap_or_default();
            if looks_json && values.len() == 1 && first.trim_start().starts_with('[') {
                return Ok((parse_json(&first, option)?, Source::Json));
            }
            if !is_complex(model, member) {
                return Ok((Value::Array(values.iter().cloned().map(Value::String).collect()), Source::Text));
            }
            if looks_json {
                let items = values.iter().map(|v| parse_json(v, option)).collect::<Result<Vec<_>, _>>()?;
                return Ok((Value::Array(items), Source::Json));
            }
            let items = values
                .iter()
                .map(|v| {
                    shorthand::parse(v)
                        .map_err(|e| CliError::ParamParse { option: option.into(), message: e.message() })
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok((Value::Array(items), Source::Text))
        }
        "structure" | "map" => {
            if looks_json {
                return Ok((parse_json(&first, option)?, Source::Json));
            }
            let v = shorthand::parse(&first)
                .map_err(|e| CliError::ParamParse { option: option.into(), message: e.message() })?;
            Ok((v, Source::Text))
        }
        _ => Ok((Value::String(first), Source::Text)),
    }
}

/// Python's `json.loads` error, approximately: the kind of problem and its position (line, column, char offset;
/// at the end of the text for a truncated document).
fn parse_json(text: &str, option: &str) -> Result<Value, CliError> {
    serde_json::from_str(text).map_err(|e| {
        let (line, col, offset) = if e.is_eof() {
            let line = text.split('\n').count();
            let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (line, col, text.chars().count())
        } else {
            let offset = text.lines().take(e.line().saturating_sub(1)).map(|l| l.chars().count() + 1).sum::<usize>()
                + e.column().saturating_sub(1);
            (e.line(), e.column(), offset)
        };
        let what = if e.is_eof() && text.trim_end().ends_with([',', '{']) && text.contains('{') {
            "Expecting property name enclosed in double quotes"
        } else if e.to_string().starts_with("trailing characters") {
            "Extra data"
        } else {
            "Expecting value"
        };
        CliError::ParamParse {
            option: option.into(),
            message: format!("Invalid JSON: {what}: line {line} column {col} (char {offset})\nJSON received: {text}"),
        }
    })
}
