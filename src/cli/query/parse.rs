//! The JMESPath parser, a port of jmespath.py 1.0.1's `parser.py`: a Pratt parser with the same binding powers, the
//! same tree (projections, index expressions, sub-expressions) and the same error messages and columns.

use crate::cli::query::lex::{lex, Kind, Token};
use crate::cli::query::{pyrepr::py_str, QueryError};
use serde_json::Value;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Lte,
    /// `>`
    Gt,
    /// `>=`
    Gte,
}

/// A parsed expression (jmespath.py's AST node types).
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// The value itself (the left or right side of a projection with nothing there).
    Identity,
    /// `@`.
    Current,
    /// A field of an object.
    Field(String),
    /// A literal.
    Literal(Value),
    /// `a.b.c`: each child applied to the result of the one before.
    Sub(Vec<Node>),
    /// `a[0][1]`: the same chaining, for indexes.
    IndexExpr(Vec<Node>),
    /// `[n]`.
    Index(i64),
    /// `[start:stop:step]`.
    Slice(Option<i64>, Option<i64>, Option<i64>),
    /// A list projection: the right side applied to each element of the left side's list, nulls dropped.
    Projection(Box<Node>, Box<Node>),
    /// An object projection (`*`): the right side applied to each value of the left side's object.
    ValueProjection(Box<Node>, Box<Node>),
    /// `left[?cond] right`.
    Filter(Box<Node>, Box<Node>, Box<Node>),
    /// `[]` applied to the child.
    Flatten(Box<Node>),
    /// `[a, b]`.
    MultiList(Vec<Node>),
    /// `{k: a}` (keys in the expression's order).
    MultiHash(Vec<(String, Node)>),
    /// `a | b`.
    Pipe(Box<Node>, Box<Node>),
    /// `a || b`.
    Or(Box<Node>, Box<Node>),
    /// `a && b`.
    And(Box<Node>, Box<Node>),
    /// `!a`.
    Not(Box<Node>),
    /// `a == b` and the other comparisons.
    Compare(Cmp, Box<Node>, Box<Node>),
    /// `name(args)`.
    Call(String, Vec<Node>),
    /// `&expr`.
    ExpRef(Box<Node>),
}

fn bp(k: Kind) -> u8 {
    use Kind::*;
    match k {
        Pipe => 1,
        Or => 2,
        And => 3,
        Eq | Gt | Lt | Gte | Lte | Ne => 5,
        Flatten => 9,
        Star => 20,
        Filter => 21,
        Dot => 40,
        Not => 45,
        Lbrace => 50,
        Lbracket => 55,
        Lparen => 60,
        _ => 0,
    }
}

/// Tokens below this binding power end a projection.
const PROJECTION_STOP: u8 = 10;
/// Nesting deeper than this is refused instead of overflowing the stack (jmespath.py would hit Python's recursion
/// limit).
const MAX_DEPTH: usize = 100;

struct Parser {
    t: Vec<Token>,
    i: usize,
    depth: usize,
    expr: String,
}

/// Parses a JMESPath expression.
///
/// # Errors
/// jmespath.py's lexer and parser errors, with their texts.
pub fn parse(expr: &str) -> Result<Node, QueryError> {
    let mut p = Parser { t: lex(expr)?, i: 0, depth: 0, expr: expr.to_string() };
    let node = p.expression(0)?;
    if p.cur() != Kind::Eof {
        let t = p.tok(0).clone();
        let msg = format!("Unexpected token: {}", py_str(&t.value));
        return Err(p.error(&t, msg));
    }
    Ok(node)
}

impl Parser {
    fn tok(&self, ahead: usize) -> &Token {
        let last = self.t.len() - 1;
        &self.t[(self.i + ahead).min(last)]
    }
    fn cur(&self) -> Kind {
        self.tok(0).kind
    }
    fn advance(&mut self) {
        self.i = (self.i + 1).min(self.t.len() - 1);
    }
    fn error(&self, t: &Token, msg: String) -> QueryError {
        QueryError::Parse {
            position: t.start,
            value: py_str(&t.value),
            kind: t.kind.name().to_ascii_uppercase(),
            msg,
            expression: self.expr.clone(),
        }
    }
    fn incomplete(&self) -> QueryError {
        QueryError::Incomplete { expression: self.expr.clone() }
    }
    /// `_raise_parse_error_maybe_eof`.
    fn expected(&self, expected: &str) -> QueryError {
        let t = self.tok(0);
        if t.kind == Kind::Eof {
            return self.incomplete();
        }
        self.error(t, format!("Expecting: {expected}, got: {}", t.kind.name()))
    }
    fn eat(&mut self, k: Kind) -> Result<(), QueryError> {
        if self.cur() != k {
            return Err(self.expected(k.name()));
        }
        self.advance();
        Ok(())
    }

    fn expression(&mut self, rbp: u8) -> Result<Node, QueryError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(&self.tok(0).clone(), "Expression is nested too deeply".into()));
        }
        let r = self.expression_inner(rbp);
        self.depth -= 1;
        r
    }

    fn expression_inner(&mut self, rbp: u8) -> Result<Node, QueryError> {
        let tok = self.tok(0).clone();
        self.advance();
        let mut left = self.nud(tok)?;
        while rbp < bp(self.cur()) {
            let tok = self.tok(0).clone();
            self.advance();
            left = self.led(&tok, left)?;
        }
        Ok(left)
    }

    fn nud(&mut self, tok: Token) -> Result<Node, QueryError> {
        Ok(match tok.kind {
            Kind::Literal => Node::Literal(tok.value),
            Kind::UnquotedIdentifier => Node::Field(py_str(&tok.value)),
            Kind::QuotedIdentifier => {
                if self.cur() == Kind::Lparen {
                    let t = self.tok(0).clone();
                    let mut e = self.error(&t, "Quoted identifier not allowed for function names.".into());
                    if let QueryError::Parse { position, .. } = &mut e {
                        *position = 0;
                    }
                    return Err(e);
                }
                Node::Field(py_str(&tok.value))
            }
            Kind::Star => {
                let right =
                    if self.cur() == Kind::Rbracket { Node::Identity } else { self.projection_rhs(bp(Kind::Star))? };
                Node::ValueProjection(Box::new(Node::Identity), Box::new(right))
            }
            Kind::Filter => self.filter(Node::Identity)?,
            Kind::Lbrace => self.multi_hash()?,
            Kind::Lparen => {
                let e = self.expression(0)?;
                self.eat(Kind::Rparen)?;
                e
            }
            Kind::Flatten => {
                let right = self.projection_rhs(bp(Kind::Flatten))?;
                Node::Projection(Box::new(Node::Flatten(Box::new(Node::Identity))), Box::new(right))
            }
            Kind::Not => Node::Not(Box::new(self.expression(bp(Kind::Not))?)),
            Kind::Lbracket => {
                if matches!(self.cur(), Kind::Number | Kind::Colon) {
                    let right = self.index_expression()?;
                    self.project_if_slice(Node::Identity, right)?
                } else if self.cur() == Kind::Star && self.tok(1).kind == Kind::Rbracket {
                    self.advance();
                    self.advance();
                    let right = self.projection_rhs(bp(Kind::Star))?;
                    Node::Projection(Box::new(Node::Identity), Box::new(right))
                } else {
                    self.multi_list()?
                }
            }
            Kind::Current => Node::Current,
            Kind::Expref => Node::ExpRef(Box::new(self.expression(0)?)),
            Kind::Eof => return Err(self.incomplete()),
            _ => return Err(self.error(&tok, "invalid token".into())),
        })
    }

    fn led(&mut self, tok: &Token, left: Node) -> Result<Node, QueryError> {
        Ok(match tok.kind {
            Kind::Dot => {
                if self.cur() == Kind::Star {
                    self.advance();
                    let right = self.projection_rhs(bp(Kind::Dot))?;
                    Node::ValueProjection(Box::new(left), Box::new(right))
                } else {
                    let right = self.dot_rhs(bp(Kind::Dot))?;
                    match left {
                        Node::Sub(mut children) => {
                            children.push(right);
                            Node::Sub(children)
                        }
                        left => Node::Sub(vec![left, right]),
                    }
                }
            }
            Kind::Pipe => Node::Pipe(Box::new(left), Box::new(self.expression(bp(Kind::Pipe))?)),
            Kind::Or => Node::Or(Box::new(left), Box::new(self.expression(bp(Kind::Or))?)),
            Kind::And => Node::And(Box::new(left), Box::new(self.expression(bp(Kind::And))?)),
            Kind::Lparen => {
                let Node::Field(name) = left else {
                    // The token before `(` is the invalid function "name".
                    let prev = self.t[self.i.saturating_sub(2)].clone();
                    let msg = format!("Invalid function name '{}'", py_str(&prev.value));
                    return Err(self.error(&prev, msg));
                };
                let mut args = Vec::new();
                while self.cur() != Kind::Rparen {
                    let e = self.expression(0)?;
                    if self.cur() == Kind::Comma {
                        self.eat(Kind::Comma)?;
                    }
                    args.push(e);
                }
                self.eat(Kind::Rparen)?;
                Node::Call(name, args)
            }
            Kind::Filter => self.filter(left)?,
            Kind::Eq | Kind::Ne | Kind::Lt | Kind::Lte | Kind::Gt | Kind::Gte => {
                let op = match tok.kind {
                    Kind::Eq => Cmp::Eq,
                    Kind::Ne => Cmp::Ne,
                    Kind::Lt => Cmp::Lt,
                    Kind::Lte => Cmp::Lte,
                    Kind::Gt => Cmp::Gt,
                    _ => Cmp::Gte,
                };
                Node::Compare(op, Box::new(left), Box::new(self.expression(bp(tok.kind))?))
            }
            Kind::Flatten => {
                let right = self.projection_rhs(bp(Kind::Flatten))?;
                Node::Projection(Box::new(Node::Flatten(Box::new(left))), Box::new(right))
            }
            Kind::Lbracket => {
                if matches!(self.cur(), Kind::Number | Kind::Colon) {
                    let right = self.index_expression()?;
                    match left {
                        Node::IndexExpr(mut children) => {
                            children.push(right);
                            Node::IndexExpr(children)
                        }
                        left => self.project_if_slice(left, right)?,
                    }
                } else {
                    self.eat(Kind::Star)?;
                    self.eat(Kind::Rbracket)?;
                    let right = self.projection_rhs(bp(Kind::Star))?;
                    Node::Projection(Box::new(left), Box::new(right))
                }
            }
            // Tokens with a binding power but no left denotation (`!`, `{`, `*`).
            _ => return Err(self.error(tok, "invalid token".into())),
        })
    }

    fn project_if_slice(&mut self, left: Node, right: Node) -> Result<Node, QueryError> {
        let is_slice = matches!(right, Node::Slice(..));
        let index = Node::IndexExpr(vec![left, right]);
        if is_slice {
            let rhs = self.projection_rhs(bp(Kind::Star))?;
            Ok(Node::Projection(Box::new(index), Box::new(rhs)))
        } else {
            Ok(index)
        }
    }

    fn number(&self) -> i64 {
        self.tok(0).value.as_i64().unwrap_or_default()
    }

    fn index_expression(&mut self) -> Result<Node, QueryError> {
        if self.cur() == Kind::Colon || self.tok(1).kind == Kind::Colon {
            return self.slice();
        }
        let node = Node::Index(self.number());
        self.advance();
        self.eat(Kind::Rbracket)?;
        Ok(node)
    }

    fn slice(&mut self) -> Result<Node, QueryError> {
        let mut parts = [None, None, None];
        let mut index = 0;
        while self.cur() != Kind::Rbracket && index < 3 {
            match self.cur() {
                Kind::Colon => {
                    index += 1;
                    if index == 3 {
                        return Err(self.error(self.tok(0), "syntax error".into()));
                    }
                    self.advance();
                }
                Kind::Number => {
                    parts[index] = Some(self.number());
                    self.advance();
                }
                _ => return Err(self.error(self.tok(0), "syntax error".into())),
            }
        }
        self.eat(Kind::Rbracket)?;
        Ok(Node::Slice(parts[0], parts[1], parts[2]))
    }

    fn filter(&mut self, left: Node) -> Result<Node, QueryError> {
        let cond = self.expression(0)?;
        self.eat(Kind::Rbracket)?;
        let right = if self.cur() == Kind::Flatten { Node::Identity } else { self.projection_rhs(bp(Kind::Filter))? };
        Ok(Node::Filter(Box::new(left), Box::new(right), Box::new(cond)))
    }

    fn multi_list(&mut self) -> Result<Node, QueryError> {
        let mut items = Vec::new();
        loop {
            items.push(self.expression(0)?);
            if self.cur() == Kind::Rbracket {
                break;
            }
            self.eat(Kind::Comma)?;
        }
        self.eat(Kind::Rbracket)?;
        Ok(Node::MultiList(items))
    }

    fn multi_hash(&mut self) -> Result<Node, QueryError> {
        let mut pairs = Vec::new();
        loop {
            let key = self.tok(0).clone();
            if !matches!(key.kind, Kind::QuotedIdentifier | Kind::UnquotedIdentifier) {
                return Err(self.expected("['quoted_identifier', 'unquoted_identifier']"));
            }
            self.advance();
            self.eat(Kind::Colon)?;
            let value = self.expression(0)?;
            pairs.push((py_str(&key.value), value));
            if self.cur() == Kind::Comma {
                self.eat(Kind::Comma)?;
            } else if self.cur() == Kind::Rbrace {
                self.eat(Kind::Rbrace)?;
                break;
            } else if self.cur() == Kind::Eof {
                // jmespath.py loops on and fails at the next key.
                return Err(self.incomplete());
            }
        }
        Ok(Node::MultiHash(pairs))
    }

    fn projection_rhs(&mut self, rbp: u8) -> Result<Node, QueryError> {
        match self.cur() {
            k if bp(k) < PROJECTION_STOP => Ok(Node::Identity),
            Kind::Lbracket | Kind::Filter => self.expression(rbp),
            Kind::Dot => {
                self.eat(Kind::Dot)?;
                self.dot_rhs(rbp)
            }
            _ => Err(self.error(self.tok(0), "syntax error".into())),
        }
    }

    fn dot_rhs(&mut self, rbp: u8) -> Result<Node, QueryError> {
        match self.cur() {
            Kind::QuotedIdentifier | Kind::UnquotedIdentifier | Kind::Star => self.expression(rbp),
            Kind::Lbracket => {
                self.eat(Kind::Lbracket)?;
                self.multi_list()
            }
            Kind::Lbrace => {
                self.eat(Kind::Lbrace)?;
                self.multi_hash()
            }
            k => {
                let msg = format!(
                    "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: {}",
                    k.name()
                );
                Err(self.error(self.tok(0), msg))
            }
        }
    }
}
