//! JMESPath parser (a Pratt parser following jmespath.py's binding powers) for `--query`.
//!
//! Covered: identifiers (plain and `"quoted"`), `.`, `[n]`, `[a:b:c]`, `[*]`, `*`, `[]`, `[?filter]`, `[a, b]`,
//! `{k: a}`, `|`, `||`, `&&`, `!`, comparisons, `@`, `` `json` `` and `'raw'` literals, `&expr` and functions.

use crate::cli::query::lex::{lex, Tok};
use serde_json::Value;

/// A parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `@`.
    Current,
    /// A field of the current object.
    Field(String),
    /// `a.b`.
    Sub(Box<Node>, Box<Node>),
    /// `a[n]` (the index applied to `a`).
    Index(i64),
    /// `[start:stop:step]`.
    Slice(Option<i64>, Option<i64>, Option<i64>),
    /// A list projection `lhs[*] rhs` (also after slices and flatten).
    Project(Box<Node>, Box<Node>),
    /// An object projection `lhs.* rhs`.
    ValueProject(Box<Node>, Box<Node>),
    /// `lhs[]`.
    Flatten(Box<Node>),
    /// `lhs[?cond] rhs`.
    Filter(Box<Node>, Box<Node>, Box<Node>),
    /// `lhs[...]` index/slice applied to lhs (not a projection).
    IndexOf(Box<Node>, Box<Node>),
    /// `[a, b]`.
    MultiList(Vec<Node>),
    /// `{k: a}`.
    MultiHash(Vec<(String, Node)>),
    /// `a | b`.
    Pipe(Box<Node>, Box<Node>),
    /// `a || b`.
    Or(Box<Node>, Box<Node>),
    /// `a && b`.
    And(Box<Node>, Box<Node>),
    /// `!a`.
    Not(Box<Node>),
    /// `a == b` and friends.
    Cmp(String, Box<Node>, Box<Node>),
    /// A literal value.
    Literal(Value),
    /// `name(args)`.
    Call(String, Vec<Node>),
    /// `&expr`.
    ExpRef(Box<Node>),
}

fn lbp(t: &Tok) -> u8 {
    match t {
        Tok::Sym(s) => match *s {
            "|" => 1,
            "||" => 2,
            "&&" => 3,
            "==" | "!=" | "<" | "<=" | ">" | ">=" => 5,
            "[]" => 9,
            "*" => 20,
            "[?" => 21,
            "." => 40,
            "!" => 45,
            "{" => 50,
            "[" => 55,
            "(" => 60,
            _ => 0,
        },
        _ => 0,
    }
}

struct P {
    t: Vec<Tok>,
    i: usize,
    depth: usize,
}

/// Nesting deeper than this is refused (instead of overflowing the stack).
const MAX_DEPTH: usize = 100;

/// Parses a JMESPath expression.
///
/// # Errors
/// A description of the first syntax error.
pub fn parse(s: &str) -> Result<Node, String> {
    let mut p = P { t: lex(s)?, i: 0, depth: 0 };
    let n = p.expr(0)?;
    match p.peek() {
        Tok::Eof => Ok(n),
        t => Err(format!("Unexpected token: '{t}'")),
    }
}

impl P {
    fn peek(&self) -> &Tok {
        self.t.get(self.i).unwrap_or(&Tok::Eof)
    }
    fn next(&mut self) -> Tok {
        let t = self.peek().clone();
        self.i += 1;
        t
    }
    fn eat(&mut self, s: &str) -> Result<(), String> {
        match self.next() {
            Tok::Sym(x) if x == s => Ok(()),
            t => Err(format!("Expected {s}, got: '{t}'")),
        }
    }
    fn is(&self, s: &str) -> bool {
        matches!(self.peek(), Tok::Sym(x) if *x == s)
    }

    fn expr(&mut self, rbp: u8) -> Result<Node, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err("Expression is nested too deeply".into());
        }
        let r = self.expr_inner(rbp);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, rbp: u8) -> Result<Node, String> {
        let tok = self.next();
        let mut left = self.nud(tok)?;
        while rbp < lbp(self.peek()) {
            let tok = self.next();
            left = self.led(tok, left)?;
        }
        Ok(left)
    }

    fn nud(&mut self, tok: Tok) -> Result<Node, String> {
        Ok(match tok {
            Tok::Ident(name) => {
                if self.is("(") {
                    self.next();
                    let mut args = Vec::new();
                    while !self.is(")") {
                        args.push(self.expr(0)?);
                        if self.is(",") {
                            self.next();
                        }
                    }
                    self.eat(")")?;
                    Node::Call(name, args)
                } else {
                    Node::Field(name)
                }
            }
            Tok::Quoted(s) => Node::Field(s),
            Tok::Lit(v) => Node::Literal(v),
            Tok::Sym("@") => Node::Current,
            Tok::Sym("&") => Node::ExpRef(Box::new(self.expr(0)?)),
            Tok::Sym("!") => Node::Not(Box::new(self.expr(45)?)),
            Tok::Sym("(") => {
                let e = self.expr(0)?;
                self.eat(")")?;
                e
            }
            Tok::Sym("*") => Node::ValueProject(Box::new(Node::Current), Box::new(self.rhs(20)?)),
            Tok::Sym("[]") => Node::Project(Box::new(Node::Flatten(Box::new(Node::Current))), Box::new(self.rhs(9)?)),
            Tok::Sym("[?") => self.filter(Node::Current)?,
            Tok::Sym("{") => self.multi_hash()?,
            Tok::Sym("[") => match self.peek() {
                Tok::Num(_) | Tok::Sym(":") => {
                    let idx = self.index_or_slice()?;
                    self.wrap_index(Node::Current, idx)?
                }
                Tok::Sym("*") if matches!(self.t.get(self.i + 1), Some(Tok::Sym("]"))) => {
                    self.i += 2;
                    Node::Project(Box::new(Node::Current), Box::new(self.rhs(55)?))
                }
                _ => self.multi_list()?,
            },
            t => return Err(format!("Unexpected token: '{t}'")),
        })
    }

    fn led(&mut self, tok: Tok, left: Node) -> Result<Node, String> {
        Ok(match tok {
            Tok::Sym(".") => {
                if self.is("*") {
                    self.next();
                    Node::ValueProject(Box::new(left), Box::new(self.rhs(40)?))
                } else {
                    let right = self.dot_rhs()?;
                    Node::Sub(Box::new(left), Box::new(right))
                }
            }
            Tok::Sym("|") => Node::Pipe(Box::new(left), Box::new(self.expr(1)?)),
            Tok::Sym("||") => Node::Or(Box::new(left), Box::new(self.expr(2)?)),
            Tok::Sym("&&") => Node::And(Box::new(left), Box::new(self.expr(3)?)),
            Tok::Sym(op @ ("==" | "!=" | "<" | "<=" | ">" | ">=")) => {
                Node::Cmp(op.to_string(), Box::new(left), Box::new(self.expr(5)?))
            }
            Tok::Sym("[]") => Node::Project(Box::new(Node::Flatten(Box::new(left))), Box::new(self.rhs(9)?)),
            Tok::Sym("[?") => self.filter(left)?,
            Tok::Sym("[") => match self.peek() {
                Tok::Num(_) | Tok::Sym(":") => {
                    let idx = self.index_or_slice()?;
                    self.wrap_index(left, idx)?
                }
                Tok::Sym("*") => {
                    self.next();
                    self.eat("]")?;
                    Node::Project(Box::new(left), Box::new(self.rhs(55)?))
                }
                t => return Err(format!("Unexpected token: '{t}'")),
            },
            t => return Err(format!("Unexpected token: '{t}'")),
        })
    }

    fn wrap_index(&mut self, left: Node, idx: Node) -> Result<Node, String> {
        if let Node::Slice(..) = idx {
            Ok(Node::Project(Box::new(Node::IndexOf(Box::new(left), Box::new(idx))), Box::new(self.rhs(55)?)))
        } else {
            Ok(Node::IndexOf(Box::new(left), Box::new(idx)))
        }
    }

    fn index_or_slice(&mut self) -> Result<Node, String> {
        let mut parts: [Option<i64>; 3] = [None, None, None];
        let mut k = 0;
        loop {
            match self.next() {
                Tok::Num(n) => parts[k] = Some(n),
                Tok::Sym(":") if k < 2 => k += 1,
                Tok::Sym("]") => break,
                t => return Err(format!("Unexpected token in index: '{t}'")),
            }
        }
        if k == 0 {
            parts[0].map(Node::Index).ok_or_else(|| "Expected an index".to_string())
        } else {
            Ok(Node::Slice(parts[0], parts[1], parts[2]))
        }
    }

    fn filter(&mut self, left: Node) -> Result<Node, String> {
        let cond = self.expr(0)?;
        self.eat("]")?;
        let rhs = self.rhs(21)?;
        Ok(Node::Filter(Box::new(left), Box::new(cond), Box::new(rhs)))
    }

    fn dot_rhs(&mut self) -> Result<Node, String> {
        match self.peek().clone() {
            Tok::Sym("[") => {
                self.next();
                self.multi_list()
            }
            Tok::Sym("{") => {
                self.next();
                self.multi_hash()
            }
            Tok::Ident(_) | Tok::Quoted(_) => self.expr(40),
            t => Err(format!("Expected identifier after '.', got: '{t}'")),
        }
    }

    fn rhs(&mut self, bp: u8) -> Result<Node, String> {
        if lbp(self.peek()) < 10 {
            return Ok(Node::Current);
        }
        if self.is("[") || self.is("[?") {
            return self.expr(bp);
        }
        if self.is(".") {
            self.next();
            return self.dot_rhs();
        }
        Err(format!("Unexpected token: '{}'", self.peek()))
    }

    fn multi_list(&mut self) -> Result<Node, String> {
        let mut items = vec![self.expr(0)?];
        while self.is(",") {
            self.next();
            items.push(self.expr(0)?);
        }
        self.eat("]")?;
        Ok(Node::MultiList(items))
    }

    fn multi_hash(&mut self) -> Result<Node, String> {
        let mut pairs = Vec::new();
        loop {
            let key = match self.next() {
                Tok::Ident(k) | Tok::Quoted(k) => k,
                t => return Err(format!("Expected a key, got: '{t}'")),
            };
            self.eat(":")?;
            pairs.push((key, self.expr(0)?));
            if self.is(",") {
                self.next();
                continue;
            }
            self.eat("}")?;
            return Ok(Node::MultiHash(pairs));
        }
    }
}
