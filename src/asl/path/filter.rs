//! JSONPath filter expressions, `[?(@.price < 10 && @.tag == 'x')]`, as Jayway JsonPath (which AWS
//! uses) evaluates them: a bare path tests existence, comparisons of unlike types are false.

use std::cmp::Ordering;
use std::rc::Rc;

use super::parse::{quoted, skip_spaces, steps, Step};
use super::select::select_steps;
use super::SyntaxError;
use crate::asl::json::Value;

/// A parsed filter.
#[derive(Clone, Debug, PartialEq)]
pub enum Filter {
    /// Both hold.
    And(Box<Filter>, Box<Filter>),
    /// Either holds.
    Or(Box<Filter>, Box<Filter>),
    /// Does not hold.
    Not(Box<Filter>),
    /// The operand exists (and, for literals, is not false or null).
    Exists(Operand),
    /// A comparison.
    Compare(Operand, Comparison, Operand),
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Comparison {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// One side of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    /// A path from the current node, `@…`.
    Current(Vec<Step>),
    /// A path from the document root, `$…`, with its place among the filter's root paths (see
    /// [`Filter::roots`]).
    Root(Vec<Step>, usize),
    /// A literal.
    Literal(Value),
}

/// Parses `(…)` starting at `pos` (just after `?`); returns the filter and the position after `)`.
/// `depth` counts the filters and parentheses around this one: filters nest inside the paths of
/// filters, and the limit on nesting covers them all.
pub(super) fn parse(text: &str, pos: usize, depth: usize) -> Result<(Filter, usize), SyntaxError> {
    let mut p = Parser { text, pos: skip_spaces(text.as_bytes(), pos), depth, roots: 0 };
    p.expect(b'(')?;
    let filter = p.or()?;
    p.expect(b')')?;
    Ok((filter, p.pos))
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
    /// Root paths (`$…`) read so far.
    roots: usize,
}

const MAX_DEPTH: usize = 32;

impl Parser<'_> {
    fn peek(&mut self) -> Option<u8> {
        self.pos = skip_spaces(self.text.as_bytes(), self.pos);
        self.text.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, token: &str) -> bool {
        self.peek();
        let found = self.text[self.pos..].starts_with(token);
        if found {
            self.pos += token.len();
        }
        found
    }

    fn expect(&mut self, byte: u8) -> Result<(), SyntaxError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(SyntaxError::new(format!("expected '{}'", byte as char), self.pos))
        }
    }

    fn or(&mut self) -> Result<Filter, SyntaxError> {
        let mut left = self.and()?;
        while self.eat("||") {
            left = Filter::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Filter, SyntaxError> {
        let mut left = self.unary()?;
        while self.eat("&&") {
            left = Filter::And(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Filter, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(SyntaxError::new("this filter is nested too deeply", self.pos));
        }
        let result = if self.eat("!") && !self.text[self.pos..].starts_with('=') {
            self.unary().map(|f| Filter::Not(Box::new(f)))
        } else if self.peek() == Some(b'(') {
            self.pos += 1;
            let inner = self.or()?;
            self.expect(b')').map(|()| inner)
        } else {
            self.comparison()
        };
        self.depth -= 1;
        result
    }

    fn comparison(&mut self) -> Result<Filter, SyntaxError> {
        let left = self.operand()?;
        let op = [("==", Comparison::Eq), ("!=", Comparison::Ne), ("<=", Comparison::Le), (">=", Comparison::Ge), ("<", Comparison::Lt), (">", Comparison::Gt)]
            .into_iter()
            .find(|(token, _)| self.eat(token));
        match op {
            Some((_, op)) => Ok(Filter::Compare(left, op, self.operand()?)),
            None => Ok(Filter::Exists(left)),
        }
    }

    fn operand(&mut self) -> Result<Operand, SyntaxError> {
        let start = self.pos;
        match self.peek() {
            Some(root @ (b'@' | b'$')) => {
                let (path, end) = steps(self.text, self.pos + 1, b" )=!<>&|", self.depth)?;
                self.pos = end;
                if root == b'@' {
                    return Ok(Operand::Current(path));
                }
                self.roots += 1;
                Ok(Operand::Root(path, self.roots - 1))
            }
            Some(b'\'' | b'"') => {
                let (s, end) = quoted(self.text, self.pos)?;
                self.pos = end;
                Ok(Operand::Literal(Value::String(Rc::from(s))))
            }
            Some(_) => {
                let end = self.text[self.pos..]
                    .find([' ', ')', '=', '!', '<', '>', '&', '|'])
                    .map_or(self.text.len(), |i| self.pos + i);
                let word = &self.text[self.pos..end];
                let value = match word {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    "null" => Value::Null,
                    _ => Value::parse(word)
                        .ok()
                        .filter(|v| matches!(v, Value::Number(_)))
                        .ok_or_else(|| SyntaxError::new("expected '@', '$', a number, a string, true, false or null", start))?,
                };
                self.pos = end;
                Ok(Operand::Literal(value))
            }
            None => Err(SyntaxError::new("unfinished filter", start)),
        }
    }
}

impl Filter {
    /// What the filter's root paths (`$…`) select in the document `root`, by their place. They are
    /// the same for every node tested, so they are read once for all: comparing each of n items with
    /// `$..x` would otherwise read the whole document n times.
    pub fn roots(&self, root: &Value) -> Vec<Option<Value>> {
        let mut values = Vec::new();
        self.each_operand(&mut |operand| {
            if let Operand::Root(path, place) = operand {
                if values.len() <= *place {
                    values.resize(place + 1, None);
                }
                values[*place] = select_steps(path, root, root);
            }
        });
        values
    }

    fn each_operand(&self, f: &mut impl FnMut(&Operand)) {
        match self {
            Filter::And(a, b) | Filter::Or(a, b) => {
                a.each_operand(f);
                b.each_operand(f);
            }
            Filter::Not(inner) => inner.each_operand(f),
            Filter::Exists(operand) => f(operand),
            Filter::Compare(a, _, b) => {
                f(a);
                f(b);
            }
        }
    }

    /// Whether the filter holds for the node `current` of the document `root`, whose root paths
    /// selected `roots` ([`Filter::roots`]).
    pub fn holds(&self, current: &Value, root: &Value, roots: &[Option<Value>]) -> bool {
        match self {
            Filter::And(a, b) => a.holds(current, root, roots) && b.holds(current, root, roots),
            Filter::Or(a, b) => a.holds(current, root, roots) || b.holds(current, root, roots),
            Filter::Not(f) => !f.holds(current, root, roots),
            Filter::Exists(operand) => match operand.resolve(current, root, roots) {
                Some(Value::Bool(b)) => b,
                Some(Value::Null) => matches!(operand, Operand::Current(_) | Operand::Root(..)),
                Some(_) => true,
                None => false,
            },
            Filter::Compare(a, op, b) => match (a.resolve(current, root, roots), b.resolve(current, root, roots)) {
                (Some(x), Some(y)) => compare(&x, *op, &y),
                _ => false,
            },
        }
    }
}

impl Operand {
    fn resolve(&self, current: &Value, root: &Value, roots: &[Option<Value>]) -> Option<Value> {
        match self {
            Operand::Current(path) => select_steps(path, current, root),
            Operand::Root(_, place) => roots.get(*place).cloned().flatten(),
            Operand::Literal(v) => Some(v.clone()),
        }
    }
}

fn compare(x: &Value, op: Comparison, y: &Value) -> bool {
    let ordering = match (x, y) {
        (Value::Number(a), Value::Number(b)) => a.as_f64().zip(b.as_f64()).and_then(|(a, b)| a.partial_cmp(&b)),
        (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
        _ => (x == y).then_some(Ordering::Equal),
    };
    match op {
        Comparison::Eq => ordering == Some(Ordering::Equal),
        Comparison::Ne => ordering != Some(Ordering::Equal),
        Comparison::Lt => ordering == Some(Ordering::Less),
        Comparison::Le => matches!(ordering, Some(Ordering::Less | Ordering::Equal)),
        Comparison::Gt => ordering == Some(Ordering::Greater),
        Comparison::Ge => matches!(ordering, Some(Ordering::Greater | Ordering::Equal)),
    }
}
