//! The JMESPath lexer for `--query`.

use serde_json::Value;

/// A JMESPath token.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// An unquoted identifier or function name.
    Ident(String),
    /// A `"quoted"` identifier.
    Quoted(String),
    /// An integer (indexes, slices).
    Num(i64),
    /// A `'raw'` or `` `json` `` literal.
    Lit(Value),
    /// An operator or bracket.
    Sym(&'static str),
    /// The end of the expression.
    Eof,
}

impl std::fmt::Display for Tok {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tok::Ident(s) => write!(f, "{s}"),
            Tok::Quoted(s) => write!(f, "\"{s}\""),
            Tok::Num(n) => write!(f, "{n}"),
            Tok::Lit(v) => write!(f, "`{v}`"),
            Tok::Sym(s) => write!(f, "{s}"),
            Tok::Eof => write!(f, "the end of the expression"),
        }
    }
}

/// Splits an expression into tokens.
///
/// # Errors
/// An unknown character or an unclosed quote.
pub fn lex(s: &str) -> Result<Vec<Tok>, String> {
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    const SYMS: &[&str] = &[
        "||", "&&", "==", "!=", "<=", ">=", "[?", "[]", ".", "*", "[", "]", "{", "}", "(", ")", ",", ":", "|", "&",
        "!", "<", ">", "@",
    ];
    'outer: while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() {
            i += 1;
            continue;
        }
        if ch.is_ascii_alphabetic() || ch == '_' {
            let st = i;
            while i < c.len() && (c[i].is_ascii_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push(Tok::Ident(c[st..i].iter().collect()));
            continue;
        }
        if ch.is_ascii_digit() || (ch == '-' && c.get(i + 1).is_some_and(char::is_ascii_digit)) {
            let st = i;
            i += 1;
            while i < c.len() && c[i].is_ascii_digit() {
                i += 1;
            }
            let t: String = c[st..i].iter().collect();
            out.push(Tok::Num(t.parse().map_err(|_| format!("Invalid number: {t}"))?));
            continue;
        }
        if ch == '"' || ch == '\'' || ch == '`' {
            let st = i;
            i += 1;
            let mut body = String::new();
            while i < c.len() && c[i] != ch {
                if c[i] == '\\' && i + 1 < c.len() {
                    if c[i + 1] == ch {
                        body.push(ch);
                        i += 2;
                        continue;
                    }
                    if ch != '\'' {
                        body.push('\\');
                    }
                    body.push(c[i + 1]);
                    i += 2;
                    continue;
                }
                body.push(c[i]);
                i += 1;
            }
            if i >= c.len() {
                return Err(format!("Unclosed {ch} delimiter at column {st}"));
            }
            i += 1;
            out.push(match ch {
                '"' => Tok::Quoted(
                    serde_json::from_str::<String>(&format!("\"{body}\""))
                        .map_err(|_| format!("Invalid quoted identifier: \"{body}\""))?,
                ),
                '\'' => Tok::Lit(Value::String(body)),
                _ => Tok::Lit(
                    serde_json::from_str(body.trim())
                        .or_else(|_| serde_json::from_str(&format!("\"{}\"", body.trim())))
                        .map_err(|_| format!("Bad token `{body}`"))?,
                ),
            });
            continue;
        }
        for sym in SYMS {
            let n = sym.chars().count();
            if c[i..].iter().take(n).copied().eq(sym.chars()) {
                out.push(Tok::Sym(sym));
                i += n;
                continue 'outer;
            }
        }
        return Err(format!("Unknown token '{ch}'"));
    }
    out.push(Tok::Eof);
    Ok(out)
}
