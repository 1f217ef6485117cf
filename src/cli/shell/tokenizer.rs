//! A POSIX-shell subset that turns one command line into words, as bash would before running the command.
//!
//! Supported: single quotes (everything literal), double quotes (`$` expansions and `\"` `\\` `\$` `` \` `` escapes
//! inside), backslash escapes outside quotes, `#` comments at the start of a word, `$NAME`, `${NAME}`, `$?`,
//! command substitution `$(...)` (nested, quote-aware), field splitting of unquoted expansions on whitespace (never
//! globbing), and leading `NAME=value` assignments (no splitting inside their values, like bash).
//!
//! A line that ends inside quotes, inside `$(`/`${`, or with a trailing backslash is [`Tokenized::Incomplete`]: the
//! console keeps it and joins the next line (a trailing `\` + newline disappears; a newline inside quotes stays).

/// What the tokenizer needs from its caller: variables and command substitution.
pub trait Expander {
    /// The value of a shell variable (`None` when unset; it expands to nothing).
    fn var(&self, name: &str) -> Option<String>;
    /// Runs `command` for `$(command)` and returns its standard output (its standard error and exit status are
    /// recorded by the caller, as a terminal would show them).
    fn substitute(&mut self, command: &str) -> String;
}

/// One word after quote removal and expansion.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    /// The word's text.
    pub text: String,
    /// The raw source text of the word (for hints).
    pub raw: String,
    /// True when the word mixes double-quoted and unquoted parts (`"{"a": 1}"`): a sign that the author expected
    /// nested quotes to survive, which the shell does not do.
    pub mixed_quotes: bool,
}

/// A parsed command line: leading assignments, then the command words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Command {
    /// `NAME=value` words before the command.
    pub assignments: Vec<(String, String)>,
    /// The command and its arguments.
    pub words: Vec<Word>,
}

/// The outcome of tokenizing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tokenized {
    /// A complete command (possibly empty: a blank line or a comment).
    Complete(Command),
    /// The input needs another line (open quote, trailing backslash, open `$(`).
    Incomplete,
    /// A shell syntax error, with bash's message (without the `bash: ` prefix).
    Error(String),
}

/// True when `input` ends in the middle of a construct, so the next line belongs to the same command.
pub fn needs_more(input: &str) -> bool {
    struct NoExpand;
    impl Expander for NoExpand {
        fn var(&self, _: &str) -> Option<String> {
            None
        }
        fn substitute(&mut self, _: &str) -> String {
            String::new()
        }
    }
    matches!(tokenize(input, &mut NoExpand), Tokenized::Incomplete)
}

pub(super) struct State<'a> {
    pub(super) chars: Vec<char>,
    pub(super) pos: usize,
    pub(super) exp: &'a mut dyn Expander,
    pub(super) words: Vec<Word>,
    pub(super) assignments: Vec<(String, String)>,
    pub(super) cur: String,
    pub(super) raw_start: usize,
    pub(super) started: bool,
    pub(super) quoted_part: bool,
    pub(super) unquoted_part: bool,
    pub(super) assignment: Option<String>,
    pub(super) allow_assignments: bool,
}

pub(super) enum Step {
    Ok,
    Incomplete,
    Error(String),
}

/// Splits `input` into a [`Command`], expanding variables and command substitutions through `exp`.
pub fn tokenize(input: &str, exp: &mut dyn Expander) -> Tokenized {
    let mut st = State {
        chars: input.chars().collect(),
        pos: 0,
        exp,
        words: Vec::new(),
        assignments: Vec::new(),
        cur: String::new(),
        raw_start: 0,
        started: false,
        quoted_part: false,
        unquoted_part: false,
        assignment: None,
        allow_assignments: true,
    };
    match st.run() {
        Step::Ok => Tokenized::Complete(Command { assignments: st.assignments, words: st.words }),
        Step::Incomplete => Tokenized::Incomplete,
        Step::Error(e) => Tokenized::Error(e),
    }
}

impl State<'_> {
    pub(super) fn peek(&self, off: usize) -> Option<char> {
        self.chars.get(self.pos + off).copied()
    }

    fn start_word(&mut self) {
        if !self.started {
            self.started = true;
            self.raw_start = self.pos;
            if self.allow_assignments {
                self.assignment = self.assignment_name();
                if let Some(name) = &self.assignment {
                    self.pos += name.chars().count() + 1;
                }
            }
        }
    }

    fn assignment_name(&self) -> Option<String> {
        let mut name = String::new();
        let mut i = self.pos;
        while let Some(&c) = self.chars.get(i) {
            if c == '=' && !name.is_empty() {
                return Some(name);
            }
            let ok = c == '_' || c.is_ascii_alphabetic() || (!name.is_empty() && c.is_ascii_digit());
            if !ok {
                return None;
            }
            name.push(c);
            i += 1;
        }
        None
    }

    pub(super) fn finish_word(&mut self) {
        if !self.started {
            return;
        }
        let raw: String = self.chars[self.raw_start..self.pos.min(self.chars.len())].iter().collect();
        let text = std::mem::take(&mut self.cur);
        if let Some(name) = self.assignment.take() {
            self.assignments.push((name, text));
        } else {
            self.words.push(Word { text, raw, mixed_quotes: self.quoted_part && self.unquoted_part });
            self.allow_assignments = self.words[0].text == "export";
        }
        self.started = false;
        self.quoted_part = false;
        self.unquoted_part = false;
    }

    fn run(&mut self) -> Step {
        while let Some(mut c) = self.peek(0) {
            let continuation = c == '\\' && self.peek(1) == Some('\n');
            if !self.started && !continuation && !matches!(c, ' ' | '\t' | '\n' | '\r' | '#') {
                self.start_word();
                match self.peek(0) {
                    Some(next) => c = next,
                    None => break,
                }
            }
            match c {
                ' ' | '\t' | '\n' | '\r' => {
                    self.finish_word();
                    self.pos += 1;
                }
                '#' if !self.started => break,
                '\'' => {
                    self.start_word();
                    self.quoted_part = true;
                    self.pos += 1;
                    loop {
                        match self.peek(0) {
                            None => return Step::Incomplete,
                            Some('\'') => break,
                            Some(ch) => self.cur.push(ch),
                        }
                        self.pos += 1;
                    }
                    self.pos += 1;
                }
                '"' => {
                    self.start_word();
                    self.quoted_part = true;
                    self.pos += 1;
                    loop {
                        match self.peek(0) {
                            None => return Step::Incomplete,
                            Some('"') => break,
                            Some('\\') => match self.peek(1) {
                                None => return Step::Incomplete,
                                Some(n @ ('"' | '\\' | '$' | '`')) => {
                                    self.cur.push(n);
                                    self.pos += 2;
                                }
                                Some('\n') => self.pos += 2,
                                Some(_) => {
                                    self.cur.push('\\');
                                    self.pos += 1;
                                }
                            },
                            Some('$') => match self.dollar(true) {
                                Step::Ok => {}
                                other => return other,
                            },
                            Some(ch) => {
                                self.cur.push(ch);
                                self.pos += 1;
                            }
                        }
                    }
                    self.pos += 1;
                }
                '\\' => match self.peek(1) {
                    None => return Step::Incomplete,
                    Some('\n') => self.pos += 2,
                    Some(n) => {
                        self.unquoted_part = true;
                        self.cur.push(n);
                        self.pos += 2;
                    }
                },
                '$' => {
                    self.start_word();
                    match self.dollar(false) {
                        Step::Ok => {}
                        other => return other,
                    }
                }
                '|' | '&' | ';' | '<' | '>' | '`' => {
                    return Step::Error(format!(
                        "`{c}': shell operators are not supported in this console (one command per line)"
                    ))
                }
                _ => {
                    self.start_word();
                    self.unquoted_part = true;
                    self.cur.push(c);
                    self.pos += 1;
                }
            }
        }
        self.finish_word();
        Step::Ok
    }
}

/// True for a valid shell variable name.
pub fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}
