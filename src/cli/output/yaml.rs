//! `--output yaml` and `--output yaml-stream` as AWS CLI 2.36.7 prints them: its `YAMLDumper` is ruamel.yaml's
//! safe dumper over libyaml's C emitter (block style, keys sorted, indent 2, lines folded at spaces past column
//! 80, YAML 1.2 resolution deciding which strings need quotes). This is a port of the parts of libyaml's emitter
//! that those documents use: scalar analysis and style choice, the plain / single-quoted / double-quoted writers,
//! and block collections (empty ones in flow style, `[]` and `{}`). A result that is a plain value (a string, a
//! number, ...) is printed as one line of JSON, as the CLI's dumper does.

use crate::cli::query::pyrepr::py_number;
use serde_json::Value;

const BEST_WIDTH: usize = 80;
const BEST_INDENT: i64 = 2;

/// `--output yaml`: the whole (merged) result.
pub fn to_yaml(v: &Value) -> String {
    match v {
        Value::Array(_) | Value::Object(_) => {
            let mut e = Emitter { out: String::new(), column: 0, indent: -1, whitespace: true, indention: true };
            e.node(v, Ctx::default());
            e.write_indent();
            e.out
        }
        scalar => format!("{}\n", json_scalar(scalar)),
    }
}

/// `--output yaml-stream`: each page as a one-item list.
pub fn to_yaml_stream(page: &Value) -> String {
    to_yaml(&Value::Array(vec![page.clone()]))
}

/// `json.dump(value, ensure_ascii=False)` of a scalar.
fn json_scalar(v: &Value) -> String {
    match v {
        Value::Number(n) => py_number(n),
        Value::String(s) => {
            let mut out = String::new();
            crate::cli::output::write_string(&mut out, s);
            out
        }
        other => other.to_string(),
    }
}

#[derive(Clone, Copy, Default)]
struct Ctx {
    mapping: bool,
    simple_key: bool,
}

struct Emitter {
    out: String,
    column: usize,
    indent: i64,
    whitespace: bool,
    indention: bool,
}

fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_blank(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => matches!(c, ' ' | '\t' | '\0') || is_break(c),
    }
}

/// libyaml's `IS_PRINTABLE` (characters beyond U+FFFF are not).
fn is_printable(c: char) -> bool {
    matches!(c as u32, 0x0A | 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD) && c != '\u{feff}'
}

/// What a scalar allows (libyaml's `yaml_emitter_analyze_scalar`).
struct Analysis {
    multiline: bool,
    block_plain: bool,
    single_quoted: bool,
}

fn analyze(s: &str) -> Analysis {
    if s.is_empty() {
        return Analysis { multiline: false, block_plain: true, single_quoted: true };
    }
    let chars: Vec<char> = s.chars().collect();
    let (mut block_ind, mut line_breaks, mut special) = (false, false, false);
    let (mut leading, mut trailing, mut break_space, mut space_break) = (false, false, false, false);
    if s.starts_with("---") || s.starts_with("...") {
        block_ind = true;
    }
    let (mut prev_space, mut prev_break) = (false, false);
    for (i, &c) in chars.iter().enumerate() {
        let preceded = i == 0 || is_blank(Some(chars[i - 1]));
        let followed = is_blank(chars.get(i + 1).copied());
        if i == 0 {
            if "#,[]{}&*!|>'\"%@`".contains(c) || (c == '-' && followed) || ("?:".contains(c) && followed) {
                block_ind = true;
            }
        } else if (c == ':' && followed) || (c == '#' && preceded) {
            block_ind = true;
        }
        if !is_printable(c) {
            special = true;
        }
        if is_break(c) {
            line_breaks = true;
        }
        let last = i + 1 == chars.len();
        if c == ' ' {
            leading |= i == 0;
            trailing |= last;
            break_space |= prev_break;
            (prev_space, prev_break) = (true, false);
        } else if is_break(c) {
            leading |= i == 0;
            trailing |= last;
            space_break |= prev_space;
            (prev_space, prev_break) = (false, true);
        } else {
            (prev_space, prev_break) = (false, false);
        }
    }
    let mut a = Analysis { multiline: line_breaks, block_plain: true, single_quoted: true };
    if leading || trailing || line_breaks || block_ind {
        a.block_plain = false;
    }
    if break_space || space_break || special {
        a.block_plain = false;
        a.single_quoted = false;
    }
    a
}

/// True when a plain scalar `s` would read back as something other than a string under ruamel.yaml's YAML 1.2
/// resolver (booleans, numbers, null, timestamps, `<<`, `=`), so it must be quoted.
fn resolves_to_non_string(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE")
        || matches!(s, "<<" | "=" | "!" | "&" | "*")
        || is_int(s)
        || is_float(s)
        || is_timestamp(s)
}

/// A tiny cursor for the resolver's regular expressions (all of them match greedily without backtracking).
struct Cur<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cur<'_> {
    fn eat(&mut self, set: &[u8]) -> bool {
        if self.b.get(self.i).is_some_and(|c| set.contains(c)) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn many(&mut self, f: impl Fn(u8) -> bool) -> usize {
        let st = self.i;
        while self.b.get(self.i).is_some_and(|c| f(*c)) {
            self.i += 1;
        }
        self.i - st
    }
    fn digits(&mut self) -> usize {
        self.many(|c| c.is_ascii_digit())
    }
    fn end(&self) -> bool {
        self.i == self.b.len()
    }
}

fn is_int(s: &str) -> bool {
    let b = s.as_bytes();
    if !b.first().is_some_and(|c| b"-+0123456789".contains(c)) {
        return false;
    }
    let body = s.strip_prefix(['-', '+']).unwrap_or(s).as_bytes();
    let all = |rest: &[u8], f: fn(&u8) -> bool| !rest.is_empty() && rest.iter().all(f);
    all(body, |c| c.is_ascii_digit() || *c == b'_')
        || body.strip_prefix(b"0b").is_some_and(|r| all(r, |c| matches!(c, b'0' | b'1' | b'_')))
        || body.strip_prefix(b"0x").is_some_and(|r| all(r, |c| c.is_ascii_hexdigit() || *c == b'_'))
        || body.strip_prefix(b"0o").is_some_and(|r| all(r, |c| matches!(c, b'0'..=b'7' | b'_')))
        || body.strip_prefix(b"0").is_some_and(|r| all(r, |c| matches!(c, b'0'..=b'7' | b'_')))
}

fn is_float(s: &str) -> bool {
    let matches = |f: &dyn Fn(&mut Cur) -> bool| {
        let mut c = Cur { b: s.as_bytes(), i: 0 };
        f(&mut c) && c.end()
    };
    let exp = |c: &mut Cur, signed: bool| {
        if !c.eat(b"eE") {
            return false;
        }
        let sign = c.eat(b"-+");
        (sign || !signed) && c.digits() > 0
    };
    let int_part = |c: &mut Cur| {
        c.digits_first() && {
            c.many(|x| x.is_ascii_digit() || x == b'_');
            true
        }
    };
    let frac = |c: &mut Cur| c.many(|x| x.is_ascii_digit() || x == b'_');
    matches(&|c| {
        c.eat(b"-+");
        if !int_part(c) || !c.eat(b".") {
            return false;
        }
        frac(c);
        let save = c.i;
        if !exp(c, false) {
            c.i = save;
        }
        true
    }) || matches(&|c| {
        c.eat(b"-+");
        int_part(c) && exp(c, false)
    }) || matches(&|c| {
        c.eat(b"-+");
        if !c.eat(b".") || frac(c) == 0 {
            return false;
        }
        let save = c.i;
        if !exp(c, true) {
            c.i = save;
        }
        true
    }) || matches!(s.strip_prefix(['-', '+']).unwrap_or(s), ".inf" | ".Inf" | ".INF")
        || matches!(s, ".nan" | ".NaN" | ".NAN")
}

impl Cur<'_> {
    fn digits_first(&mut self) -> bool {
        self.eat(b"0123456789")
    }
}

fn is_timestamp(s: &str) -> bool {
    let mut c = Cur { b: s.as_bytes(), i: 0 };
    let n = |c: &mut Cur, lo: usize, hi: usize| {
        let k = c.digits();
        (lo..=hi).contains(&k)
    };
    if !(c.digits() == 4 && c.eat(b"-")) {
        return false;
    }
    let save = c.i;
    if n(&mut c, 2, 2) && c.eat(b"-") && n(&mut c, 2, 2) && c.end() {
        return true;
    }
    c.i = save;
    if !(n(&mut c, 1, 2) && c.eat(b"-") && n(&mut c, 1, 2)) {
        return false;
    }
    if !c.eat(b"Tt") && c.many(|x| x == b' ' || x == b'\t') == 0 {
        return false;
    }
    if !(n(&mut c, 1, 2) && c.eat(b":") && n(&mut c, 2, 2) && c.eat(b":") && n(&mut c, 2, 2)) {
        return false;
    }
    if c.eat(b".") {
        c.digits();
    }
    if c.end() {
        return true;
    }
    c.many(|x| x == b' ' || x == b'\t');
    if c.eat(b"Z") {
        return c.end();
    }
    if !(c.eat(b"-+") && n(&mut c, 1, 2)) {
        return false;
    }
    if c.eat(b":") && !n(&mut c, 2, 2) {
        return false;
    }
    c.end()
}

#[derive(PartialEq)]
enum Style {
    Plain,
    Single,
    Double,
}

impl Emitter {
    fn put(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }
    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }
    fn write_break(&mut self, c: char) {
        if c == '\n' {
            self.put_break();
        } else {
            self.out.push(c);
            self.column = 0;
        }
    }
    fn indicator(&mut self, ind: &str, need_whitespace: bool, is_whitespace: bool, is_indention: bool) {
        if need_whitespace && !self.whitespace {
            self.put(' ');
        }
        for c in ind.chars() {
            self.put(c);
        }
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
    }
    fn write_indent(&mut self) {
        let indent = self.indent.max(0) as usize;
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(' ');
        }
        self.whitespace = true;
        self.indention = true;
    }
    fn increase_indent(&mut self, flow: bool, indentless: bool) -> i64 {
        let saved = self.indent;
        if self.indent < 0 {
            self.indent = if flow { BEST_INDENT } else { 0 };
        } else if !indentless {
            self.indent += BEST_INDENT;
        }
        saved
    }

    fn node(&mut self, v: &Value, ctx: Ctx) {
        match v {
            Value::Array(items) if !items.is_empty() => {
                let saved = self.increase_indent(false, ctx.mapping && !self.indention);
                for it in items {
                    self.write_indent();
                    self.indicator("-", true, false, true);
                    self.node(it, Ctx::default());
                }
                self.indent = saved;
            }
            Value::Object(map) if !map.is_empty() => {
                let saved = self.increase_indent(false, false);
                let mut keys: Vec<&String> = map.keys().collect();
                crate::lean::sort(&mut keys);
                for k in keys {
                    self.write_indent();
                    let simple = !analyze(k).multiline && k.len() <= 128;
                    if simple {
                        self.node(&Value::String(k.clone()), Ctx { mapping: true, simple_key: true });
                        self.indicator(":", false, false, false);
                    } else {
                        self.indicator("?", true, false, true);
                        self.node(&Value::String(k.clone()), Ctx { mapping: true, simple_key: false });
                        self.write_indent();
                        self.indicator(":", true, false, true);
                    }
                    self.node(&map[k], Ctx { mapping: true, simple_key: false });
                }
                self.indent = saved;
            }
            Value::Array(_) | Value::Object(_) => {
                let (open, close) = if v.is_array() { ("[", "]") } else { ("{", "}") };
                self.indicator(open, true, true, false);
                self.indicator(close, false, false, false);
            }
            Value::String(s) => self.scalar(s, true, ctx),
            Value::Number(n) => self.scalar(&py_number(n).to_ascii_lowercase(), false, ctx),
            Value::Bool(b) => self.scalar(if *b { "true" } else { "false" }, false, ctx),
            Value::Null => self.scalar("null", false, ctx),
        }
    }

    fn scalar(&mut self, s: &str, is_str: bool, ctx: Ctx) {
        let a = analyze(s);
        let mut style = Style::Plain;
        if ctx.simple_key && a.multiline {
            style = Style::Double;
        }
        if style == Style::Plain
            && (!a.block_plain || (s.is_empty() && ctx.simple_key) || (is_str && resolves_to_non_string(s)))
        {
            style = Style::Single;
        }
        if style == Style::Single && !a.single_quoted {
            style = Style::Double;
        }
        let saved = self.increase_indent(true, false);
        let breaks = !ctx.simple_key;
        match style {
            Style::Plain => self.plain(s, breaks),
            Style::Single => self.single_quoted(s, breaks),
            Style::Double => self.double_quoted(s, breaks),
        }
        self.indent = saved;
    }

    fn plain(&mut self, s: &str, allow_breaks: bool) {
        if !self.whitespace && !s.is_empty() {
            self.put(' ');
        }
        let chars: Vec<char> = s.chars().collect();
        let mut spaces = false;
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && chars.get(i + 1) != Some(&' ') {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else {
                self.put(c);
                self.indention = false;
                spaces = false;
            }
        }
        self.whitespace = false;
        self.indention = false;
    }

    fn single_quoted(&mut self, s: &str, allow_breaks: bool) {
        self.indicator("'", true, false, false);
        let chars: Vec<char> = s.chars().collect();
        let (mut spaces, mut breaks) = (false, false);
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                if allow_breaks
                    && !spaces
                    && self.column > BEST_WIDTH
                    && i != 0
                    && i + 1 != chars.len()
                    && chars.get(i + 1) != Some(&' ')
                {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if c == '\'' {
                    self.put('\'');
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        if breaks {
            self.write_indent();
        }
        self.indicator("'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn double_quoted(&mut self, s: &str, allow_breaks: bool) {
        self.indicator("\"", true, false, false);
        let chars: Vec<char> = s.chars().collect();
        let mut spaces = false;
        for (i, &c) in chars.iter().enumerate() {
            if !is_printable(c) || c == '\u{feff}' || is_break(c) || c == '"' || c == '\\' {
                self.put('\\');
                let esc = match c {
                    '\0' => Some('0'),
                    '\u{7}' => Some('a'),
                    '\u{8}' => Some('b'),
                    '\t' => Some('t'),
                    '\n' => Some('n'),
                    '\u{b}' => Some('v'),
                    '\u{c}' => Some('f'),
                    '\r' => Some('r'),
                    '\u{1b}' => Some('e'),
                    '"' => Some('"'),
                    '\\' => Some('\\'),
                    '\u{85}' => Some('N'),
                    '\u{a0}' => Some('_'),
                    '\u{2028}' => Some('L'),
                    '\u{2029}' => Some('P'),
                    _ => None,
                };
                match esc {
                    Some(e) => self.put(e),
                    None => {
                        let v = c as u32;
                        let hex = if v <= 0xFF {
                            format!("x{v:02X}")
                        } else if v <= 0xFFFF {
                            format!("u{v:04X}")
                        } else {
                            format!("U{v:08X}")
                        };
                        for h in hex.chars() {
                            self.put(h);
                        }
                    }
                }
                spaces = false;
            } else if c == ' ' {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && i != 0 && i + 1 != chars.len() {
                    self.write_indent();
                    if chars.get(i + 1) == Some(&' ') {
                        self.put('\\');
                    }
                } else {
                    self.put(c);
                }
                spaces = true;
            } else {
                self.put(c);
                spaces = false;
            }
        }
        self.indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }
}
