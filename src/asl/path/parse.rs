//! The JSONPath parser: text to [`Step`]s, with errors that carry the byte offset inside the path.

use std::rc::Rc;

use super::filter::{self, Filter};
use super::SyntaxError;
use crate::asl::json::MAX_NESTING;

/// What one step of a path selects from each current node.
#[derive(Clone, Debug, PartialEq)]
pub enum Selector {
    /// An object member: `.name` or `['name']`.
    Name(Rc<str>),
    /// An array item; negative counts from the end: `[2]`, `[-1]`.
    Index(i64),
    /// Every member or item: `.*`, `[*]`.
    Wildcard,
    /// Several members: `['a','b']`.
    Names(Vec<Rc<str>>),
    /// Several items: `[0,2]`.
    Indexes(Vec<i64>),
    /// A slice: `[start:end:step]`.
    Slice(Option<i64>, Option<i64>, Option<i64>),
    /// The items or members for which a filter holds: `[?(@.price < 10)]`.
    Filter(Box<Filter>),
}

/// One step: a selector, applied to the current nodes or (`..`) to them and all their descendants.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Whether the step was written with `..` (deep scan).
    pub descendant: bool,
    /// What the step selects.
    pub selector: Selector,
}

/// Parses the steps after the root, starting at byte `pos` of `text`. Returns the steps and the end.
/// `depth` counts the filters around them. Each step goes one level down, so a path of more steps
/// than values may nest ([`MAX_NESTING`]) selects nothing; as a ResultPath it would build a value
/// too deep to handle, so such a path is refused.
pub(super) fn steps(text: &str, mut pos: usize, stop_at: &[u8], depth: usize) -> Result<(Vec<Step>, usize), SyntaxError> {
    let bytes = text.as_bytes();
    let mut steps = Vec::new();
    while pos < bytes.len() && !stop_at.contains(&bytes[pos]) {
        let (step, next) = match bytes[pos] {
            b'.' if bytes.get(pos + 1) == Some(&b'.') => {
                let (mut step, next) = if bytes.get(pos + 2) == Some(&b'[') {
                    bracket(text, pos + 2, depth)?
                } else {
                    dotted(text, pos + 2)?
                };
                step.descendant = true;
                (step, next)
            }
            b'.' => dotted(text, pos + 1)?,
            b'[' => bracket(text, pos, depth)?,
            _ => return Err(SyntaxError::new("expected '.' or '[' here", pos)),
        };
        steps.push(step);
        if steps.len() > MAX_NESTING {
            return Err(SyntaxError::new(format!("a path may have at most {MAX_NESTING} steps"), pos));
        }
        pos = next;
    }
    Ok((steps, pos))
}

fn plain(selector: Selector) -> Step {
    Step { descendant: false, selector }
}

/// `.name` or `.*` (after the dot).
fn dotted(text: &str, start: usize) -> Result<(Step, usize), SyntaxError> {
    let bytes = text.as_bytes();
    if bytes.get(start) == Some(&b'*') {
        return Ok((plain(Selector::Wildcard), start + 1));
    }
    let end = text[start..]
        .find(['.', '[', ']', ' ', ')', '(', '=', '<', '>', '!', '&', '|', ','])
        .map_or(text.len(), |i| start + i);
    if end == start {
        return Err(SyntaxError::new("expected a field name after '.'", start));
    }
    Ok((plain(Selector::Name(Rc::from(&text[start..end]))), end))
}

/// `[...]`: a quoted name or names, an index or indexes, a slice, `*`, or a filter.
fn bracket(text: &str, open: usize, depth: usize) -> Result<(Step, usize), SyntaxError> {
    let bytes = text.as_bytes();
    let mut pos = skip_spaces(bytes, open + 1);
    let selector = match bytes.get(pos) {
        Some(b'*') => {
            pos += 1;
            Selector::Wildcard
        }
        Some(b'\'' | b'"') => {
            let mut names = Vec::new();
            loop {
                if !matches!(bytes.get(pos), Some(b'\'' | b'"')) {
                    return Err(SyntaxError::new("expected a quoted name after ','", pos));
                }
                let (name, next) = quoted(text, pos)?;
                names.push(Rc::from(name.as_str()));
                pos = skip_spaces(bytes, next);
                if bytes.get(pos) != Some(&b',') {
                    break;
                }
                pos = skip_spaces(bytes, pos + 1);
            }
            if names.len() == 1 {
                Selector::Name(names.remove(0))
            } else {
                Selector::Names(names)
            }
        }
        Some(b'?') => {
            let (filter, next) = filter::parse(text, pos + 1, depth)?;
            pos = next;
            Selector::Filter(Box::new(filter))
        }
        Some(_) => {
            let (selector, next) = numeric(text, pos)?;
            pos = next;
            selector
        }
        None => return Err(SyntaxError::new("unclosed '['", open)),
    };
    pos = skip_spaces(bytes, pos);
    if bytes.get(pos) != Some(&b']') {
        return Err(SyntaxError::new("expected ']'", pos));
    }
    Ok((plain(selector), pos + 1))
}

/// An index, a list of indexes, or a slice.
fn numeric(text: &str, mut pos: usize) -> Result<(Selector, usize), SyntaxError> {
    let bytes = text.as_bytes();
    let mut parts: Vec<Option<i64>> = Vec::new();
    let mut separators = Vec::new();
    loop {
        pos = skip_spaces(bytes, pos);
        let (number, next) = integer(text, pos)?;
        parts.push(number);
        pos = skip_spaces(bytes, next);
        match bytes.get(pos) {
            Some(&sep @ (b':' | b',')) => {
                separators.push(sep);
                pos += 1;
            }
            _ => break,
        }
    }
    let is_slice = separators.first() == Some(&b':');
    if is_slice {
        if parts.len() > 3 || separators.contains(&b',') {
            return Err(SyntaxError::new("a slice is [start:end] or [start:end:step]", pos));
        }
        parts.resize(3, None);
        if parts[2] == Some(0) {
            return Err(SyntaxError::new("a slice step cannot be 0", pos));
        }
        return Ok((Selector::Slice(parts[0], parts[1], parts[2]), pos));
    }
    let indexes: Option<Vec<i64>> = parts.into_iter().collect();
    match indexes {
        Some(mut list) if list.len() == 1 => Ok((Selector::Index(list.remove(0)), pos)),
        Some(list) => Ok((Selector::Indexes(list), pos)),
        None => Err(SyntaxError::new("expected an index, a quoted name, '*' or '?(…)'", pos)),
    }
}

/// An optional signed integer.
fn integer(text: &str, start: usize) -> Result<(Option<i64>, usize), SyntaxError> {
    let bytes = text.as_bytes();
    let mut end = start;
    if bytes.get(end) == Some(&b'-') {
        end += 1;
    }
    while bytes.get(end).is_some_and(u8::is_ascii_digit) {
        end += 1;
    }
    match &text[start..end] {
        "" => Ok((None, end)),
        "-" => Err(SyntaxError::new("expected a number after '-'", end)),
        digits => digits
            .parse()
            .map(|n| (Some(n), end))
            .map_err(|_| SyntaxError::new("this index is too large", start)),
    }
}

/// A single- or double-quoted string with backslash escapes; returns the text and the end.
pub(super) fn quoted(text: &str, open: usize) -> Result<(String, usize), SyntaxError> {
    let quote = text.as_bytes()[open] as char;
    let mut out = String::new();
    let mut chars = text[open + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, escaped)) => out.push(escaped),
                None => break,
            },
            c if c == quote => return Ok((out, open + 1 + i + 1)),
            c => out.push(c),
        }
    }
    Err(SyntaxError::new("unclosed string", open))
}

pub(super) fn skip_spaces(bytes: &[u8], mut pos: usize) -> usize {
    while bytes.get(pos) == Some(&b' ') {
        pos += 1;
    }
    pos
}
