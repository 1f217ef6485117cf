//! The JMESPath lexer, a port of jmespath.py 1.0.1's `lexer.py` (the library behind AWS CLI 2.36.7's `--query`):
//! the same tokens, the same start positions (in characters) and the same error texts.

use crate::cli::query::QueryError;
use serde_json::Value;

/// The kind of a token, named as jmespath.py names them (the names appear in error messages, upper-cased).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `.`
    Dot,
    /// `*`
    Star,
    /// `]`
    Rbracket,
    /// `,`
    Comma,
    /// `:`
    Colon,
    /// `@`
    Current,
    /// `(`
    Lparen,
    /// `)`
    Rparen,
    /// `{`
    Lbrace,
    /// `}`
    Rbrace,
    /// `[`
    Lbracket,
    /// `[]`
    Flatten,
    /// `[?`
    Filter,
    /// `|`
    Pipe,
    /// `||`
    Or,
    /// `&`
    Expref,
    /// `&&`
    And,
    /// `<`
    Lt,
    /// `<=`
    Lte,
    /// `>`
    Gt,
    /// `>=`
    Gte,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `!`
    Not,
    /// A number (indexes and slices).
    Number,
    /// An identifier.
    UnquotedIdentifier,
    /// A `"quoted"` identifier.
    QuotedIdentifier,
    /// A `` `json` `` or `'raw'` literal.
    Literal,
    /// The end of the expression.
    Eof,
}

impl Kind {
    /// jmespath.py's name of the token type (`rbracket`, `unquoted_identifier`, ...).
    pub fn name(self) -> &'static str {
        use Kind::*;
        match self {
            Dot => "dot",
            Star => "star",
            Rbracket => "rbracket",
            Comma => "comma",
            Colon => "colon",
            Current => "current",
            Lparen => "lparen",
            Rparen => "rparen",
            Lbrace => "lbrace",
            Rbrace => "rbrace",
            Lbracket => "lbracket",
            Flatten => "flatten",
            Filter => "filter",
            Pipe => "pipe",
            Or => "or",
            Expref => "expref",
            And => "and",
            Lt => "lt",
            Lte => "lte",
            Gt => "gt",
            Gte => "gte",
            Eq => "eq",
            Ne => "ne",
            Not => "not",
            Number => "number",
            UnquotedIdentifier => "unquoted_identifier",
            QuotedIdentifier => "quoted_identifier",
            Literal => "literal",
            Eof => "eof",
        }
    }
}

/// One token: its kind, its value (the lexeme, the number, the identifier or the literal) and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The kind.
    pub kind: Kind,
    /// The value.
    pub value: Value,
    /// The position of its first character (in characters).
    pub start: usize,
}

fn simple(c: char) -> Option<Kind> {
    Some(match c {
        '.' => Kind::Dot,
        '*' => Kind::Star,
        ']' => Kind::Rbracket,
        ',' => Kind::Comma,
        ':' => Kind::Colon,
        '@' => Kind::Current,
        '(' => Kind::Lparen,
        ')' => Kind::Rparen,
        '{' => Kind::Lbrace,
        '}' => Kind::Rbrace,
        _ => return None,
    })
}

struct Lexer<'a> {
    chars: Vec<char>,
    pos: usize,
    expr: &'a str,
}

impl Lexer<'_> {
    fn cur(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn next(&mut self) -> Option<char> {
        self.pos += 1;
        self.cur()
    }
    fn err(&self, position: usize, message: String) -> QueryError {
        QueryError::Lexer { position, message, expression: self.expr.to_string() }
    }
    /// `_consume_until`: up to the closing delimiter, keeping `\` and the character it escapes.
    fn until(&mut self, delim: char) -> Result<String, QueryError> {
        let start = self.pos;
        let mut buf = String::new();
        self.next();
        while self.cur() != Some(delim) {
            if self.cur() == Some('\\') {
                buf.push('\\');
                self.next();
            }
            let Some(c) = self.cur() else {
                return Err(self.err(start, format!("Unclosed {delim} delimiter")));
            };
            buf.push(c);
            self.next();
        }
        self.next();
        Ok(buf)
    }
    fn token(&mut self, kind: Kind, value: &str, start: usize) -> Token {
        Token { kind, value: Value::String(value.into()), start }
    }
    fn or_else(&mut self, expected: char, long: Kind, short: Kind) -> Token {
        let start = self.pos;
        let c = self.cur().unwrap_or_default();
        if self.next() == Some(expected) {
            self.next();
            return self.token(long, &format!("{c}{expected}"), start);
        }
        self.token(short, &c.to_string(), start)
    }
    fn number(&mut self, start: usize) -> Token {
        let mut buf: String = self.cur().into_iter().collect();
        while let Some(c) = self.next().filter(char::is_ascii_digit) {
            buf.push(c);
        }
        // Python's int() has no limit; an index that large is out of range anyway.
        let n = buf.parse::<i64>().unwrap_or(if buf.starts_with('-') { i64::MIN } else { i64::MAX });
        Token { kind: Kind::Number, value: n.into(), start }
    }
}

/// Splits an expression into tokens, ending with [`Kind::Eof`].
///
/// # Errors
/// The lexer errors of jmespath.py (an empty expression, an unknown character, an unclosed delimiter, a bad
/// literal).
pub fn lex(expr: &str) -> Result<Vec<Token>, QueryError> {
    if expr.is_empty() {
        return Err(QueryError::Empty);
    }
    let mut lx = Lexer { chars: expr.chars().collect(), pos: 0, expr };
    let mut out = Vec::new();
    while let Some(c) = lx.cur() {
        let start = lx.pos;
        if let Some(kind) = simple(c) {
            out.push(lx.token(kind, &c.to_string(), start));
            lx.next();
        } else if c.is_ascii_alphabetic() || c == '_' {
            let mut buf = c.to_string();
            while let Some(c) = lx.next().filter(|c| c.is_ascii_alphanumeric() || *c == '_') {
                buf.push(c);
            }
            out.push(lx.token(Kind::UnquotedIdentifier, &buf, start));
        } else if matches!(c, ' ' | '\t' | '\n' | '\r') {
            lx.next();
        } else if c == '[' {
            let t = match lx.next() {
                Some(']') => (Kind::Flatten, "[]"),
                Some('?') => (Kind::Filter, "[?"),
                _ => (Kind::Lbracket, "["),
            };
            if t.0 != Kind::Lbracket {
                lx.next();
            }
            out.push(lx.token(t.0, t.1, start));
        } else if c == '\'' {
            let s = lx.until('\'')?.replace("\\'", "'");
            out.push(Token { kind: Kind::Literal, value: Value::String(s), start });
        } else if c == '|' {
            out.push(lx.or_else('|', Kind::Or, Kind::Pipe));
        } else if c == '&' {
            out.push(lx.or_else('&', Kind::And, Kind::Expref));
        } else if c == '`' {
            let lexeme = lx.until('`')?.replace("\\`", "`");
            let value = serde_json::from_str::<Value>(&lexeme)
                .or_else(|_| serde_json::from_str(&format!("\"{}\"", lexeme.trim_start())))
                .map_err(|_| lx.err(start, format!("Bad token {lexeme}")))?;
            out.push(Token { kind: Kind::Literal, value, start });
        } else if c.is_ascii_digit() {
            out.push(lx.number(start));
        } else if c == '-' {
            let t = lx.number(start);
            if lx.pos - start <= 1 {
                return Err(lx.err(start, "Unknown token '-'".into()));
            }
            out.push(t);
        } else if c == '"' {
            let lexeme = format!("\"{}\"", lx.until('"')?);
            let value = serde_json::from_str::<String>(&lexeme).map_err(|_| lx.err(start, json_error(&lexeme)))?;
            out.push(Token { kind: Kind::QuotedIdentifier, value: Value::String(value), start });
        } else if c == '<' {
            out.push(lx.or_else('=', Kind::Lte, Kind::Lt));
        } else if c == '>' {
            out.push(lx.or_else('=', Kind::Gte, Kind::Gt));
        } else if c == '!' {
            out.push(lx.or_else('=', Kind::Ne, Kind::Not));
        } else if c == '=' {
            if lx.next() == Some('=') {
                out.push(lx.token(Kind::Eq, "==", start));
                lx.next();
            } else {
                // jmespath.py points at the `=` unless it ended the expression.
                let position = if lx.cur().is_none() { start } else { lx.pos - 1 };
                return Err(lx.err(position, "Unknown token '='".into()));
            }
        } else {
            return Err(lx.err(start, format!("Unknown token {c}")));
        }
    }
    let end = lx.chars.len();
    out.push(Token { kind: Kind::Eof, value: Value::String(String::new()), start: end });
    Ok(out)
}

/// The part of Python's `json.loads` error message before its first `:`, for a quoted identifier (`lexeme` with
/// its quotes): the first problem its string scanner meets.
fn json_error(lexeme: &str) -> String {
    let inner: Vec<char> = lexeme.chars().skip(1).collect();
    let mut i = 0;
    while i + 1 < inner.len() {
        match inner[i] {
            c if (c as u32) < 0x20 => return "Invalid control character at".into(),
            '\\' => match inner.get(i + 1) {
                Some('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't') => i += 2,
                Some('u') if inner.len() > i + 6 && inner[i + 2..i + 6].iter().all(char::is_ascii_hexdigit) => i += 6,
                Some('u') => return "Invalid \\uXXXX escape".into(),
                _ => return "Invalid \\escape".into(),
            },
            _ => i += 1,
        }
    }
    "Unterminated string starting at".into()
}
