//! Expansions inside the tokenizer: `$NAME`, `${NAME}`, `$?`, `$(command)` and the field splitting of unquoted
//! results (bash's rules, without globbing).

use crate::cli::shell::tokenizer::{is_name, State, Step};

impl State<'_> {
    /// Handles `$...` at `self.pos`.
    pub(super) fn dollar(&mut self, quoted: bool) -> Step {
        let value = match self.peek(1) {
            Some('(') => {
                let Some(end) = self.matching_paren(self.pos + 2) else {
                    return Step::Incomplete;
                };
                let inner: String = self.chars[self.pos + 2..end].iter().collect();
                self.pos = end + 1;
                let mut out = self.exp.substitute(&inner);
                while out.ends_with('\n') {
                    out.pop();
                }
                out
            }
            Some('{') => {
                let start = self.pos + 2;
                let Some(len) = self.chars[start..].iter().position(|&c| c == '}') else {
                    return Step::Incomplete;
                };
                let name: String = self.chars[start..start + len].iter().collect();
                if !is_name(&name) && name != "?" {
                    return Step::Error(format!("${{{name}}}: bad substitution"));
                }
                self.pos = start + len + 1;
                self.exp.var(&name).unwrap_or_default()
            }
            Some('?') => {
                self.pos += 2;
                self.exp.var("?").unwrap_or_default()
            }
            Some(c) if c == '_' || c.is_ascii_alphabetic() => {
                let start = self.pos + 1;
                let mut end = start;
                while self.chars.get(end).is_some_and(|c| *c == '_' || c.is_ascii_alphanumeric()) {
                    end += 1;
                }
                let name: String = self.chars[start..end].iter().collect();
                self.pos = end;
                self.exp.var(&name).unwrap_or_default()
            }
            _ => {
                self.cur.push('$');
                self.pos += 1;
                if !quoted {
                    self.unquoted_part = true;
                }
                return Step::Ok;
            }
        };
        if quoted || self.assignment.is_some() {
            self.cur.push_str(&value);
        } else {
            self.split_into_words(&value);
        }
        Step::Ok
    }

    /// Field splitting of an unquoted expansion.
    fn split_into_words(&mut self, value: &str) {
        let fields: Vec<&str> = value.split_whitespace().collect();
        if value.starts_with(char::is_whitespace) && !self.cur.is_empty() {
            self.finish_word();
        }
        let n = fields.len();
        for (i, f) in fields.iter().enumerate() {
            if !self.started {
                self.started = true;
                self.raw_start = self.pos;
            }
            self.unquoted_part = true;
            self.cur.push_str(f);
            if i + 1 < n {
                self.finish_word();
            }
        }
        if n > 0 && value.ends_with(char::is_whitespace) {
            self.finish_word();
        }
        if n == 0 && self.cur.is_empty() && !self.quoted_part {
            // `$EMPTY` alone produces no word at all.
            self.started = false;
        }
    }

    /// The index of the `)` closing a `$(` whose content starts at `from`.
    fn matching_paren(&self, from: usize) -> Option<usize> {
        let mut depth = 1usize;
        let mut i = from;
        while let Some(&c) = self.chars.get(i) {
            match c {
                '\\' => i += 1,
                '\'' => {
                    i += 1;
                    while self.chars.get(i).is_some_and(|&c| c != '\'') {
                        i += 1;
                    }
                }
                '"' => {
                    i += 1;
                    while let Some(&c) = self.chars.get(i) {
                        if c == '\\' {
                            i += 1;
                        } else if c == '"' {
                            break;
                        }
                        i += 1;
                    }
                }
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }
}
