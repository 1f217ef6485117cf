//! The AWS CLI's global options (`--query`, `--output`, `--no-paginate`, `--cli-binary-format`, ...), accepted
//! anywhere on the line as the real CLI's first-pass parser does.

use crate::cli::aws::blob::BinaryFormat;
use crate::cli::aws::errors::{invalid_choice, CliError};

/// `--output` formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Indented JSON (the default).
    Json,
    /// Tab-separated text.
    Text,
    /// An ASCII table.
    Table,
}

/// Global options (accepted anywhere on the line, as the real CLI does).
#[derive(Debug, Clone)]
pub struct Globals {
    /// `--query`.
    pub query: Option<String>,
    /// `--output`.
    pub output: OutputFormat,
    /// `--no-paginate`.
    pub no_paginate: bool,
    /// `--cli-binary-format`.
    pub binary_format: BinaryFormat,
    /// `--region` (ignored by the simulator, kept for hints).
    pub region: Option<String>,
    /// `--endpoint-url` (ignored by the simulator, kept for hints).
    pub endpoint_url: Option<String>,
}

const VALUE_GLOBALS: &[&str] = &[
    "--query",
    "--output",
    "--region",
    "--profile",
    "--endpoint-url",
    "--cli-binary-format",
    "--color",
    "--cli-read-timeout",
    "--cli-connect-timeout",
    "--ca-bundle",
];
/// `--output`'s choices, in the order of the CLI's `cli.json`.
const OUTPUT_CHOICES: &[&str] = &["json", "text", "table", "yaml", "yaml-stream", "off"];
/// `--cli-binary-format`'s choices.
const BINARY_FORMAT_CHOICES: &[&str] = &["base64", "raw-in-base64-out"];

fn choices(list: &[&str]) -> Vec<String> {
    list.iter().map(|c| c.to_string()).collect()
}

const FLAG_GLOBALS: &[&str] = &[
    "--no-paginate",
    "--no-cli-pager",
    "--debug",
    "--no-verify-ssl",
    "--no-sign-request",
    "--cli-auto-prompt",
    "--no-cli-auto-prompt",
];

/// Takes the global options out of `args`; returns them and the other words in order.
///
/// # Errors
/// argparse's messages for a missing value or an invalid `--output` / `--cli-binary-format` choice.
pub fn split_globals(args: &[String]) -> Result<(Globals, Vec<String>), CliError> {
    let mut g = Globals {
        query: None,
        output: OutputFormat::Json,
        no_paginate: false,
        binary_format: BinaryFormat::Base64,
        region: None,
        endpoint_url: None,
    };
    let mut rest = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        if FLAG_GLOBALS.contains(&name) && inline.is_none() {
            if name == "--no-paginate" {
                g.no_paginate = true;
            }
            i += 1;
            continue;
        }
        if !VALUE_GLOBALS.contains(&name) {
            rest.push(a.clone());
            i += 1;
            continue;
        }
        let value = match inline {
            Some(v) => v,
            None => match args.get(i + 1) {
                Some(v) if !looks_like_option(v) => {
                    i += 1;
                    v.clone()
                }
                _ => return Err(CliError::Usage(format!("argument {name}: expected one argument"))),
            },
        };
        i += 1;
        match name {
            "--query" => g.query = Some(value),
            "--output" => {
                g.output = match value.as_str() {
                    "json" => OutputFormat::Json,
                    "text" => OutputFormat::Text,
                    "table" => OutputFormat::Table,
                    v if OUTPUT_CHOICES.contains(&v) => {
                        return Err(CliError::General(format!(
                            "--output {v}: this output format is not simulated by the playground yet."
                        )))
                    }
                    _ => return Err(invalid_choice("--output", &value, &choices(OUTPUT_CHOICES))),
                }
            }
            "--cli-binary-format" => {
                g.binary_format = match value.as_str() {
                    "base64" => BinaryFormat::Base64,
                    "raw-in-base64-out" => BinaryFormat::RawInBase64Out,
                    _ => return Err(invalid_choice("--cli-binary-format", &value, &choices(BINARY_FORMAT_CHOICES))),
                }
            }
            "--region" => g.region = Some(value),
            "--endpoint-url" => g.endpoint_url = Some(value),
            _ => {}
        }
    }
    Ok((g, rest))
}

/// argparse's idea of an option: starts with `-` and is not a negative number.
pub fn looks_like_option(s: &str) -> bool {
    s.starts_with('-') && s.len() > 1 && s[1..].parse::<f64>().is_err()
}
