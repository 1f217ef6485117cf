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
    /// YAML (the merged result).
    Yaml,
    /// YAML, one document-list item per page.
    YamlStream,
    /// Nothing on stdout (errors still on stderr).
    Off,
}

/// `--cli-error-format`: how the CLI prints the errors it can describe as a code and a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorFormat {
    /// `aws: [ERROR]: An error occurred (Code): message` (the default).
    Enhanced,
    /// `aws: [ERROR]: message` (client-side errors without their code).
    Legacy,
    /// `{"Code": ..., "Message": ...}` as `--output json` prints it.
    Json,
    /// The same as YAML.
    Yaml,
    /// The same as text.
    Text,
    /// The same as a table titled `error`.
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
    /// `--cli-error-format`.
    pub error_format: ErrorFormat,
    /// `--version` was given (argparse prints the version as soon as it reads the option).
    pub version: bool,
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
    "--cli-error-format",
];
/// `--cli-error-format`'s choices, in the order of the CLI's `cli.json`.
const ERROR_FORMAT_CHOICES: &[&str] = &["legacy", "json", "yaml", "text", "table", "enhanced"];
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
    "--version",
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
        error_format: ErrorFormat::Enhanced,
        version: false,
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
            if name == "--version" {
                g.version = true;
                return Ok((g, rest));
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
                    "yaml" => OutputFormat::Yaml,
                    "yaml-stream" => OutputFormat::YamlStream,
                    "off" => OutputFormat::Off,
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
            "--cli-error-format" => {
                g.error_format = match value.as_str() {
                    "legacy" => ErrorFormat::Legacy,
                    "json" => ErrorFormat::Json,
                    "yaml" => ErrorFormat::Yaml,
                    "text" => ErrorFormat::Text,
                    "table" => ErrorFormat::Table,
                    "enhanced" => ErrorFormat::Enhanced,
                    _ => return Err(invalid_choice("--cli-error-format", &value, &choices(ERROR_FORMAT_CHOICES))),
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
    s.starts_with('-') && s.len() > 1 && crate::lean::parse_f64(&s[1..]).is_none()
}
