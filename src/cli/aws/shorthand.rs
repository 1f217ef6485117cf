//! The AWS CLI's shorthand syntax (`Key=Value,Key2=Value2`, `Key=a,b` lists, `[a,b]`, `{K=V}`, quoted values),
//! following `awscli/shorthand.py`. The result holds only strings, lists and objects; the parameter layer then
//! converts scalars to the model's types.

use serde_json::{Map, Value};

/// A shorthand syntax error, rendered like the CLI's `ShorthandParseSyntaxError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShorthandError {
    /// What the parser expected (`=`).
    pub expected: String,
    /// What it found (`EOF`, a character).
    pub actual: String,
    /// The whole input.
    pub input: String,
    /// Character index of the problem.
    pub index: usize,
}

impl ShorthandError {
    /// `Expected: '=', received: 'EOF' for input:\n Key1\n    ^` (awscli's `ShorthandParseSyntaxError`, whose format
    /// puts a space before the input; the caret counts from the last line break before the problem, and a line
    /// break after it moves the rest below the caret).
    pub fn message(&self) -> String {
        let chars: Vec<char> = self.input.chars().collect();
        let index = self.index.min(chars.len());
        let before: String = chars[..index].iter().collect();
        let spaces = before.rfind('\n').map_or(index, |nl| index - before[..nl].chars().count() - 1);
        let after: String = chars[index..].iter().collect();
        let location = match after.find('\n') {
            Some(nl) => format!("{before}{}\n{}^\n{}", &after[..nl], " ".repeat(spaces), &after[nl + 1..]),
            None => format!("{}\n{}^", self.input, " ".repeat(spaces)),
        };
        format!("Expected: '{}', received: '{}' for input:\n {location}", self.expected, self.actual)
    }
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    input: String,
    depth: usize,
}

/// Nesting deeper than this is refused (instead of overflowing the stack).
const MAX_DEPTH: usize = 64;

/// Parses one shorthand argument into a JSON object of strings, lists and objects.
///
/// # Errors
/// A [`ShorthandError`] pointing at the first character that does not fit the grammar.
pub fn parse(input: &str) -> Result<Value, ShorthandError> {
    let mut p = Parser { chars: input.chars().collect(), pos: 0, input: input.to_string(), depth: 0 };
    let v = p.parameter()?;
    Ok(v)
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '#' | '/' | ':')
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn err(&self, expected: &str) -> ShorthandError {
        ShorthandError {
            expected: expected.to_string(),
            actual: self.peek().map_or("EOF".to_string(), |c| c.to_string()),
            input: self.input.clone(),
            index: self.pos,
        }
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, c: char) -> Result<(), ShorthandError> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.err(&c.to_string()))
        }
    }

    fn parameter(&mut self) -> Result<Value, ShorthandError> {
        let mut map = Map::new();
        loop {
            let (k, v) = self.keyval()?;
            map.insert(k, v);
            if self.peek() == Some(',') {
                self.pos += 1;
                continue;
            }
            if self.peek().is_none() {
                return Ok(Value::Object(map));
            }
            return Err(self.err(","));
        }
    }

    fn key(&mut self) -> String {
        self.skip_ws();
        let start = self.pos;
        while self.peek().is_some_and(is_key_char) {
            self.pos += 1;
        }
        let key: String = self.chars[start..self.pos].iter().collect();
        self.skip_ws();
        key
    }

    fn keyval(&mut self) -> Result<(String, Value), ShorthandError> {
        let key = self.key();
        if key.is_empty() && self.peek() == Some('=') {
            return Err(self.err("key"));
        }
        self.expect('=')?;
        let v = self.values()?;
        Ok((key, v))
    }

    fn values(&mut self) -> Result<Value, ShorthandError> {
        self.nested(Self::values_inner)
    }

    /// Runs `f` one nesting level deeper, refusing absurd depths.
    fn nested(&mut self, f: fn(&mut Self) -> Result<Value, ShorthandError>) -> Result<Value, ShorthandError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err("value"));
        }
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn values_inner(&mut self) -> Result<Value, ShorthandError> {
        self.skip_ws();
        match self.peek() {
            None | Some(',') => Ok(Value::String(String::new())),
            Some('[') => self.explicit_list(),
            Some('{') => self.hash_literal(),
            _ => self.csv_value(),
        }
    }

    /// True when the text at the cursor looks like `key=` (the next key/value pair, not another list item).
    fn at_key(&self) -> bool {
        let mut i = self.pos;
        while self.chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        let start = i;
        while self.chars.get(i).is_some_and(|&c| is_key_char(c)) {
            i += 1;
        }
        while self.chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        i > start && self.chars.get(i) == Some(&'=')
    }

    fn csv_value(&mut self) -> Result<Value, ShorthandError> {
        let first = self.value(true)?;
        let mut items = vec![first];
        while self.peek() == Some(',') {
            let save = self.pos;
            self.pos += 1;
            if self.at_key() {
                self.pos = save;
                break;
            }
            items.push(self.value(false)?);
        }
        if items.len() == 1 {
            Ok(Value::String(items.remove(0)))
        } else {
            Ok(Value::Array(items.into_iter().map(Value::String).collect()))
        }
    }

    /// One scalar: quoted, or unquoted up to a delimiter.
    fn value(&mut self, first: bool) -> Result<String, ShorthandError> {
        self.skip_ws();
        match self.peek() {
            Some(q @ ('\'' | '"')) => {
                self.pos += 1;
                let mut s = String::new();
                loop {
                    match self.peek() {
                        None => return Err(self.err(&q.to_string())),
                        Some('\\') if self.chars.get(self.pos + 1) == Some(&q) => {
                            s.push(q);
                            self.pos += 2;
                        }
                        Some(c) if c == q => {
                            self.pos += 1;
                            break;
                        }
                        Some(c) => {
                            s.push(c);
                            self.pos += 1;
                        }
                    }
                }
                self.skip_ws();
                Ok(s)
            }
            _ => {
                let mut s = String::new();
                while let Some(c) = self.peek() {
                    let stop = match c {
                        ',' | '"' | '\'' => true,
                        ']' | '}' => true,
                        '=' => !first && s.is_empty(),
                        '[' | '{' => s.is_empty(),
                        _ => false,
                    };
                    if stop {
                        break;
                    }
                    if c == '\\' {
                        if let Some(&n) = self.chars.get(self.pos + 1) {
                            s.push(n);
                            self.pos += 2;
                            continue;
                        }
                    }
                    s.push(c);
                    self.pos += 1;
                }
                if s.is_empty() && self.peek().is_some_and(|c| c != ',') {
                    return Err(self.err(","));
                }
                Ok(s.trim_end().to_string())
            }
        }
    }

    fn explicit_list(&mut self) -> Result<Value, ShorthandError> {
        self.expect('[')?;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(']') {
            self.pos += 1;
            self.skip_ws();
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            let item = match self.peek() {
                Some('[') => self.nested(Self::explicit_list)?,
                Some('{') => self.nested(Self::hash_literal)?,
                _ => Value::String(self.value(true)?),
            };
            items.push(item);
            self.skip_ws();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(']') => {
                    self.pos += 1;
                    self.skip_ws();
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.err("]")),
            }
        }
    }

    fn hash_literal(&mut self) -> Result<Value, ShorthandError> {
        self.expect('{')?;
        let mut map = Map::new();
        self.skip_ws();
        if self.peek() == Some('}') {
            self.pos += 1;
            self.skip_ws();
            return Ok(Value::Object(map));
        }
        loop {
            let (k, v) = self.keyval()?;
            map.insert(k, v);
            self.skip_ws();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some('}') => {
                    self.pos += 1;
                    self.skip_ws();
                    return Ok(Value::Object(map));
                }
                _ => return Err(self.err("}")),
            }
        }
    }
}
