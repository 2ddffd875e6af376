//! A small strict JSON reader (RFC 8259) that keeps numbers as their text.
//!
//! Why not `serde_json::Value`: the contract reads a JSON number by its shortest decimal
//! text (as JavaScript does), must reject `1e400` as a non-finite number *at its field*,
//! and must stop hostile input (depth, length) with a `too_large` error that names the
//! place.
//!
//! A value is read onto a flat tape, a [`Doc`]: one small `Copy` node per value, in
//! document order. An array's node is followed by its elements, an object's by its
//! members (each a key node, then the value's nodes), and both record the index just
//! past their last descendant, so a sibling is one step away. Numbers and strings are
//! spans of the input text; a string with escapes is unescaped into the doc's one side
//! buffer. Reading a value so allocates nothing per object, array or string (two
//! buffers in all, which the crate's entry points reuse from call to call), and
//! dropping it frees two. [`Json`] is a `Copy` handle to one value of a doc;
//! [`Json::view`] tells what it is.
//!
//! ```
//! use govit_check::json::{parse, View};
//! let doc = parse(r#"{"a": [1, "x\n"], "a": 2.50}"#).unwrap();
//! let v = doc.root();
//! assert!(matches!(v.get("a").map(|a| a.view()), Some(View::Num("2.50"))));
//! let View::Obj(members) = v.view() else { unreachable!() };
//! assert_eq!(members.len(), 2); // a repeated key is kept; `get` reads the last one
//! ```

use crate::error::{Error, Limit};
use std::cell::Cell;
use std::fmt;

pub use crate::limits::{
    MAX_ARRAY_LEN, MAX_DEPTH, MAX_INPUT_BYTES, MAX_OBJECT_KEYS, MAX_STRING_BYTES,
};

// Spans and node indices are `u32`: an input is at most MAX_INPUT_BYTES long, which
// bounds the node count and the unescaped text (never longer than its escaped source).
const _: () = assert!(MAX_INPUT_BYTES < u32::MAX as usize);

/// One value on the tape.
#[derive(Clone, Copy, Debug)]
enum Node {
    Null,
    Bool(bool),
    /// A number: `text[start..end]`, as written.
    Num(u32, u32),
    /// A string without escapes: `text[start..end]`.
    Str(u32, u32),
    /// A string with escapes, unescaped: `strings[start..end]`.
    Esc(u32, u32),
    /// An array of `len` elements, which follow it; `end` is the index past the last.
    Arr {
        len: u32,
        end: u32,
    },
    /// An object of `len` members (key, then value), which follow it; `end` as for `Arr`.
    Obj {
        len: u32,
        end: u32,
    },
}

/// A JSON document read from `text` (which it borrows): see the [module](self) docs.
/// [`Doc::root`] is the value.
#[derive(Default)]
pub struct Doc<'t> {
    text: &'t str,
    nodes: Vec<Node>,
    /// The unescaped text of the strings that have escapes, one after the other.
    strings: String,
}

/// A value of a [`Doc`]: a `Copy` handle (a reference to the doc and a position in it).
#[derive(Clone, Copy)]
pub struct Json<'d> {
    doc: &'d Doc<'d>,
    at: u32,
}

/// What a [`Json`] value is, with its content borrowed from the doc.
#[derive(Clone, Debug)]
pub enum View<'d> {
    /// `null` (read as "absent" everywhere).
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number, as written (the grammar is checked).
    Num(&'d str),
    /// A string.
    Str(&'d str),
    /// An array: its elements, in order.
    Arr(Items<'d>),
    /// An object: its members in order, a repeated key as often as it was written
    /// ([`Json::get`] reads the last one, as `JSON.parse` does).
    Obj(Members<'d>),
}

/// The elements of an array (an [`ExactSizeIterator`]).
#[derive(Clone)]
pub struct Items<'d> {
    doc: &'d Doc<'d>,
    next: u32,
    left: u32,
}

/// The members `(key, value)` of an object (an [`ExactSizeIterator`]).
#[derive(Clone)]
pub struct Members<'d> {
    doc: &'d Doc<'d>,
    next: u32,
    left: u32,
}

impl Doc<'static> {
    const fn new() -> Doc<'static> {
        Doc {
            text: "",
            nodes: Vec::new(),
            strings: String::new(),
        }
    }
}

impl<'t> Doc<'t> {
    /// The value (`null` for a doc that read nothing).
    pub fn root(&self) -> Json<'_> {
        Json { doc: self, at: 0 }
    }

    /// Reads `text` into this doc, reusing its buffers.
    fn read(&mut self, text: &'t str, max_depth: usize) -> Result<(), Error> {
        self.text = text;
        self.nodes.clear();
        self.strings.clear();
        if text.len() > MAX_INPUT_BYTES {
            return Err(Error::TooLarge {
                field: String::new(),
                limit: Limit::InputBytes(MAX_INPUT_BYTES),
            });
        }
        let mut p = Parser {
            s: text,
            b: text.as_bytes(),
            i: 0,
            nodes: &mut self.nodes,
            strings: &mut self.strings,
            max_depth,
        };
        p.value(0).map_err(|e| e.into_error())?;
        p.ws();
        if p.i < p.b.len() {
            return Err(Error::InvalidJson {
                field: String::new(),
                offset: p.i,
                detail: "trailing characters after the value",
            });
        }
        Ok(())
    }

    /// The text of a number or string node.
    #[inline(always)]
    fn span(&self, node: Node) -> &str {
        span(self.text, &self.strings, node)
    }

    /// The index of the node after the value at `at` (past its elements or members).
    #[inline(always)]
    fn after(&self, at: u32) -> u32 {
        match self.nodes.get(at as usize) {
            Some(Node::Arr { end, .. } | Node::Obj { end, .. }) => *end,
            _ => at + 1,
        }
    }
}

impl fmt::Debug for Doc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Doc").field(&self.root()).finish()
    }
}

impl<'d> Json<'d> {
    /// Whether a `null` is anywhere in this value (itself included).
    pub(crate) fn has_null(self) -> bool {
        let end = self.doc.after(self.at) as usize;
        self.doc
            .nodes
            .get(self.at as usize..end)
            .is_some_and(|nodes| nodes.iter().any(|n| matches!(n, Node::Null)))
    }

    /// What the value is.
    #[inline(always)]
    pub fn view(self) -> View<'d> {
        let doc = self.doc;
        let Some(&node) = doc.nodes.get(self.at as usize) else {
            return View::Null;
        };
        match node {
            Node::Null => View::Null,
            Node::Bool(b) => View::Bool(b),
            Node::Num(..) => View::Num(doc.span(node)),
            Node::Str(..) | Node::Esc(..) => View::Str(doc.span(node)),
            Node::Arr { len, .. } => View::Arr(Items {
                doc,
                next: self.at + 1,
                left: len,
            }),
            Node::Obj { len, .. } => View::Obj(Members {
                doc,
                next: self.at + 1,
                left: len,
            }),
        }
    }

    /// Whether the value is `null`.
    #[inline]
    pub fn is_null(self) -> bool {
        matches!(self.view(), View::Null)
    }

    /// The value at `key` when `self` is an object (the last one if repeated).
    #[inline]
    pub fn get(self, key: &str) -> Option<Json<'d>> {
        match self.view() {
            View::Obj(m) => m.filter(|(k, _)| *k == key).last().map(|(_, v)| v),
            _ => None,
        }
    }

    /// Appends the value as compact JSON text (numbers as written).
    pub fn write(self, out: &mut String) {
        match self.view() {
            View::Null => out.push_str("null"),
            View::Bool(b) => out.push_str(if b { "true" } else { "false" }),
            View::Num(t) => out.push_str(t),
            View::Str(s) => crate::json_out::push_str_literal(out, s),
            View::Arr(items) => {
                out.push('[');
                for (i, x) in items.enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    x.write(out);
                }
                out.push(']');
            }
            View::Obj(m) => {
                out.push('{');
                for (i, (k, x)) in m.enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    crate::json_out::push_str_literal(out, k);
                    out.push(':');
                    x.write(out);
                }
                out.push('}');
            }
        }
    }
}

impl fmt::Debug for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.view().fmt(f)
    }
}

impl<'d> Iterator for Items<'d> {
    type Item = Json<'d>;

    #[inline(always)]
    fn next(&mut self) -> Option<Json<'d>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let v = Json {
            doc: self.doc,
            at: self.next,
        };
        self.next = self.doc.after(self.next);
        Some(v)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left as usize, Some(self.left as usize))
    }
}

impl ExactSizeIterator for Items<'_> {}

impl<'d> Iterator for Members<'d> {
    type Item = (&'d str, Json<'d>);

    #[inline(always)]
    fn next(&mut self) -> Option<(&'d str, Json<'d>)> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let doc = self.doc;
        let key = doc
            .nodes
            .get(self.next as usize)
            .map_or("", |&k| doc.span(k));
        let v = Json {
            doc,
            at: self.next + 1,
        };
        self.next = doc.after(self.next + 1);
        Some((key, v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left as usize, Some(self.left as usize))
    }
}

impl ExactSizeIterator for Members<'_> {}

impl fmt::Debug for Items<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

impl fmt::Debug for Members<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.clone()).finish()
    }
}

/// Reads `text` as one JSON value.
///
/// # Errors
/// `invalid_json` with the byte offset, or `too_large` naming the place over a limit.
pub fn parse(text: &str) -> Result<Doc<'_>, Error> {
    let mut doc = Doc::default();
    doc.read(text, MAX_DEPTH)?;
    Ok(doc)
}

/// Reads a request or batch line `{"id", "check", "input": …}`: as [`parse`], with one
/// more level of nesting allowed, so that the input inside it has the same
/// [`MAX_DEPTH`] as an input given alone.
///
/// # Errors
/// As [`parse`].
pub fn parse_request(text: &str) -> Result<Doc<'_>, Error> {
    let mut doc = Doc::default();
    doc.read(text, MAX_DEPTH + 1)?;
    Ok(doc)
}

/// As [`parse`], handing the value (or the error) to `f`, on buffers reused from the
/// last call on this thread.
pub(crate) fn read<R>(text: &str, f: impl FnOnce(Result<Json<'_>, Error>) -> R) -> R {
    with_spare(text, MAX_DEPTH, f)
}

/// As [`parse_request`], on reused buffers (see [`read`]).
pub(crate) fn read_request<R>(text: &str, f: impl FnOnce(Result<Json<'_>, Error>) -> R) -> R {
    with_spare(text, MAX_DEPTH + 1, f)
}

thread_local! {
    /// The buffers of the last doc read on this thread, kept for the next. A call made
    /// while they are out (re-entrant) finds an empty doc and allocates its own.
    static SPARE: Cell<Doc<'static>> = const { Cell::new(Doc::new()) };
}

/// Buffers above these capacities are not kept for the next call.
const SPARE_NODES: usize = 1 << 16;
const SPARE_BYTES: usize = 1 << 16;

fn with_spare<R>(text: &str, max_depth: usize, f: impl FnOnce(Result<Json<'_>, Error>) -> R) -> R {
    let mut doc: Doc<'_> = SPARE.try_with(Cell::take).unwrap_or_default();
    let r = f(doc.read(text, max_depth).map(|()| doc.root()));
    let Doc {
        mut nodes,
        mut strings,
        ..
    } = doc;
    if nodes.capacity() <= SPARE_NODES && strings.capacity() <= SPARE_BYTES {
        nodes.clear();
        strings.clear();
        let spare = Doc {
            text: "",
            nodes,
            strings,
        };
        // Gone only while the thread ends.
        let _ = SPARE.try_with(|s| s.set(spare));
    }
    r
}

struct Parser<'a, 't> {
    s: &'t str,
    b: &'t [u8],
    i: usize,
    nodes: &'a mut Vec<Node>,
    strings: &'a mut String,
    max_depth: usize,
}

/// The text of a number or string node read from `text` (`strings`: the doc's
/// unescaped strings); `""` for any other node.
#[inline(always)]
fn span<'s>(text: &'s str, strings: &'s str, node: Node) -> &'s str {
    let (from, start, end) = match node {
        Node::Num(a, b) | Node::Str(a, b) => (text, a, b),
        Node::Esc(a, b) => (strings, a, b),
        _ => return "",
    };
    from.get(start as usize..end as usize).unwrap_or_default()
}

/// A node index or span bound (below `u32::MAX`: see the assertion on MAX_INPUT_BYTES).
#[inline]
fn pos(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The first index at or after `from` whose byte ends a plain run of string content: a
/// `"`, a `\` or a control character (or `b.len()`). Reads eight bytes at a time.
#[inline]
pub(crate) fn plain_run_end(b: &[u8], from: usize) -> usize {
    let rest = b.get(from..).unwrap_or_default();
    let chunks = rest.chunks_exact(8);
    let tail = chunks.remainder();
    for (k, chunk) in chunks.enumerate() {
        let word = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes);
        let hits = run_enders(word);
        if hits != 0 {
            return from + k * 8 + (hits.trailing_zeros() / 8) as usize;
        }
    }
    let tail_start = b.len() - tail.len();
    tail.iter()
        .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
        .map_or(b.len(), |p| tail_start + p)
}

/// The high bit of each byte of `w` (little-endian) that may be a `"`, a `\\` or a
/// control character. The lowest flagged byte is always a true one (a false flag can only
/// sit above a true one, where a borrow ran on), which is all `plain_run_end` reads.
#[inline]
fn run_enders(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let quote = w ^ (ONES * u64::from(b'"'));
    let backslash = w ^ (ONES * u64::from(b'\\'));
    ((quote.wrapping_sub(ONES) & !quote)
        | (backslash.wrapping_sub(ONES) & !backslash)
        | (w.wrapping_sub(ONES * 0x20) & !w))
        & HIGH
}

/// An error on its way up, collecting the path (innermost first).
struct PErr {
    kind: PKind,
    path: Vec<String>,
}

enum PKind {
    Syntax(usize, &'static str),
    Limit(Limit),
}

impl PErr {
    fn at(mut self: Box<Self>, seg: impl Into<String>) -> Box<PErr> {
        self.path.push(seg.into());
        self
    }

    fn into_error(self) -> Error {
        let mut field = String::new();
        for seg in self.path.iter().rev() {
            field.push('/');
            push_escaped_segment(&mut field, seg);
        }
        match self.kind {
            PKind::Syntax(offset, detail) => Error::InvalidJson {
                field,
                offset,
                detail,
            },
            PKind::Limit(limit) => Error::TooLarge { field, limit },
        }
    }
}

/// Appends one reference token with `~` → `~0` and `/` → `~1` (RFC 6901).
pub fn push_escaped_segment(out: &mut String, seg: &str) {
    for c in seg.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// Boxed, so that a result is a word or two: the error path is the cold one.
type R<T> = Result<T, Box<PErr>>;

impl<'t> Parser<'_, 't> {
    fn err<T>(&self, detail: &'static str) -> R<T> {
        Err(Box::new(PErr {
            kind: PKind::Syntax(self.i, detail),
            path: Vec::new(),
        }))
    }

    fn limit<T>(limit: Limit) -> R<T> {
        Err(Box::new(PErr {
            kind: PKind::Limit(limit),
            path: Vec::new(),
        }))
    }

    #[inline]
    fn ws(&mut self) {
        // Compact JSON has no whitespace between tokens: test one byte before looping.
        if self.b.get(self.i).is_some_and(|&c| c > b' ') {
            return;
        }
        while let Some(&c) = self.b.get(self.i) {
            if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
                self.i += 1;
            } else {
                break;
            }
        }
    }

    fn lit(&mut self, word: &'static [u8], v: Node) -> R<Node> {
        if self.b.get(self.i..self.i + word.len()) == Some(word) {
            self.i += word.len();
            Ok(v)
        } else {
            self.err("expected a JSON value")
        }
    }

    /// Reads one value onto the tape.
    fn value(&mut self, depth: usize) -> R<()> {
        self.ws();
        let node = match self.b.get(self.i) {
            None => return self.err("unexpected end of input"),
            Some(b'{') => return self.object(depth + 1),
            Some(b'[') => return self.array(depth + 1),
            Some(b'"') => self.string()?,
            Some(b't') => self.lit(b"true", Node::Bool(true))?,
            Some(b'f') => self.lit(b"false", Node::Bool(false))?,
            Some(b'n') => self.lit(b"null", Node::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return self.err("expected a JSON value"),
        };
        self.nodes.push(node);
        Ok(())
    }

    /// Pushes the node of an array or object, whose `len` and `end` `close` sets, and
    /// returns its index; `None` when it is empty (`closer` follows) and closed.
    fn open(&mut self, depth: usize, node: Node, closer: u8) -> R<Option<usize>> {
        if depth > self.max_depth {
            return Self::limit(Limit::Depth(MAX_DEPTH));
        }
        self.i += 1;
        let at = self.nodes.len();
        self.nodes.push(node);
        self.ws();
        if self.b.get(self.i) == Some(&closer) {
            self.close(at, 0);
            return Ok(None);
        }
        Ok(Some(at))
    }

    /// Sets the `len` and `end` of the array or object opened at `at`.
    fn close(&mut self, at: usize, n: usize) {
        self.i += 1;
        let (len, end) = (pos(n), pos(self.nodes.len()));
        if let Some(node) = self.nodes.get_mut(at) {
            *node = match node {
                Node::Arr { .. } => Node::Arr { len, end },
                _ => Node::Obj { len, end },
            };
        }
    }

    fn object(&mut self, depth: usize) -> R<()> {
        let Some(at) = self.open(depth, Node::Obj { len: 0, end: 0 }, b'}')? else {
            return Ok(());
        };
        let mut n = 0;
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return self.err("expected a string key");
            }
            let key = self.string()?;
            self.ws();
            if self.b.get(self.i) != Some(&b':') {
                return self.err("expected ':' after a key");
            }
            self.i += 1;
            if n >= MAX_OBJECT_KEYS {
                return Self::limit(Limit::ObjectKeys(MAX_OBJECT_KEYS));
            }
            self.nodes.push(key);
            if let Err(e) = self.value(depth) {
                return Err(e.at(span(self.s, self.strings, key)));
            }
            n += 1;
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.close(at, n);
                    return Ok(());
                }
                _ => return self.err("expected ',' or '}'"),
            }
        }
    }

    fn array(&mut self, depth: usize) -> R<()> {
        let Some(at) = self.open(depth, Node::Arr { len: 0, end: 0 }, b']')? else {
            return Ok(());
        };
        let mut n = 0;
        loop {
            if n >= MAX_ARRAY_LEN {
                return Self::limit(Limit::ArrayLen(MAX_ARRAY_LEN));
            }
            if let Err(e) = self.value(depth) {
                return Err(e.at(n.to_string()));
            }
            n += 1;
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.close(at, n);
                    return Ok(());
                }
                _ => return self.err("expected ',' or ']'"),
            }
        }
    }

    fn number(&mut self) -> R<Node> {
        let start = self.i;
        if self.b.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        match self.b.get(self.i) {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return self.err("a number needs digits"),
        }
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            if !matches!(self.b.get(self.i), Some(b'0'..=b'9')) {
                return self.err("a number needs digits after '.'");
            }
            self.digits();
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.b.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !matches!(self.b.get(self.i), Some(b'0'..=b'9')) {
                return self.err("a number needs digits in its exponent");
            }
            self.digits();
        }
        Ok(Node::Num(pos(start), pos(self.i)))
    }

    fn digits(&mut self) {
        while matches!(self.b.get(self.i), Some(b'0'..=b'9')) {
            self.i += 1;
        }
    }

    #[inline]
    fn string(&mut self) -> R<Node> {
        self.i += 1; // opening quote
        let start = self.i;
        // Fast path: no escapes.
        self.i = plain_run_end(self.b, self.i);
        match self.b.get(self.i) {
            None => self.err("unterminated string"),
            Some(b'"') => {
                let end = self.i;
                self.i += 1;
                if end - start > MAX_STRING_BYTES {
                    return Self::limit(Limit::StringBytes(MAX_STRING_BYTES));
                }
                Ok(Node::Str(pos(start), pos(end)))
            }
            Some(b'\\') => self.escaped_string(start),
            Some(_) => self.err("control character in a string"),
        }
    }

    /// The rest of a string that has an escape at `self.i` (its content began at
    /// `start`), unescaped onto the end of `strings`.
    #[cold]
    #[inline(never)]
    fn escaped_string(&mut self, start: usize) -> R<Node> {
        let base = self.strings.len();
        self.strings
            .push_str(self.s.get(start..self.i).unwrap_or(""));
        loop {
            if self.strings.len() - base > MAX_STRING_BYTES {
                return Self::limit(Limit::StringBytes(MAX_STRING_BYTES));
            }
            let run = self.i;
            self.i = plain_run_end(self.b, self.i);
            self.strings.push_str(self.s.get(run..self.i).unwrap_or(""));
            match self.b.get(self.i) {
                None => return self.err("unterminated string"),
                Some(b'"') => {
                    self.i += 1;
                    if self.strings.len() - base > MAX_STRING_BYTES {
                        return Self::limit(Limit::StringBytes(MAX_STRING_BYTES));
                    }
                    return Ok(Node::Esc(pos(base), pos(self.strings.len())));
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.b.get(self.i) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi)
                                && self.b.get(self.i..self.i + 2) == Some(b"\\u")
                            {
                                let save = self.i;
                                self.i += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                } else {
                                    self.i = save;
                                    None
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            // A lone surrogate (legal in JS strings) becomes U+FFFD.
                            self.strings.push(c.unwrap_or('\u{FFFD}'));
                            continue;
                        }
                        _ => return self.err("invalid escape in a string"),
                    };
                    self.i += 1;
                    self.strings.push(c);
                }
                Some(_) => return self.err("control character in a string"),
            }
        }
    }

    fn hex4(&mut self) -> R<u32> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.b.get(self.i) {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return self.err("\\u needs four hex digits"),
            };
            v = v * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value as compact JSON text.
    fn text(v: Option<Json<'_>>) -> String {
        let mut out = String::new();
        match v {
            Some(v) => v.write(&mut out),
            None => out.push_str("absent"),
        }
        out
    }

    #[test]
    fn reads_values_and_keeps_number_text() {
        let doc =
            parse(r#" {"a": [1, -0.50, 2e3, true, null], "b": "x\u00e9\ud83d\ude00\n"} "#).unwrap();
        let v = doc.root();
        assert_eq!(text(v.get("a")), "[1,-0.50,2e3,true,null]");
        assert!(matches!(v.get("b").unwrap().view(), View::Str("xé😀\n")));
        assert_eq!(text(v.get("c")), "absent");
        assert_eq!(text(v.get("a").unwrap().get("a")), "absent");
    }

    #[test]
    fn repeated_key_reads_last() {
        let doc = parse(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(text(doc.root().get("a")), "2");
        let View::Obj(m) = doc.root().view() else {
            panic!("an object")
        };
        assert_eq!(
            m.map(|(k, v)| (k, text(Some(v)))).collect::<Vec<_>>(),
            [("a", "1".to_string()), ("a", "2".to_string())]
        );
    }

    #[test]
    fn siblings_skip_nested_values() {
        let src = r#"{"a\"b":{"x":[[],[{}],{"y":[1,{"z":"\n"}]}],"w":{}},"c":[[1,2],[],[3]],"d":"e\u0041","":null}"#;
        let doc = parse(src).unwrap();
        let v = doc.root();
        assert_eq!(text(Some(v)), src.replace(r"\u0041", "A"));
        let View::Obj(m) = v.view() else {
            panic!("an object")
        };
        assert_eq!(m.len(), 4);
        let keys: Vec<&str> = m.map(|(k, _)| k).collect();
        assert_eq!(keys, ["a\"b", "c", "d", ""]);
        let View::Arr(items) = v.get("c").unwrap().view() else {
            panic!("an array")
        };
        assert_eq!(items.len(), 3);
        assert_eq!(
            items.map(|x| text(Some(x))).collect::<Vec<_>>(),
            ["[1,2]", "[]", "[3]"]
        );
        assert!(v.get("").unwrap().is_null());
        assert_eq!(text(v.get("a\"b").unwrap().get("w")), "{}");
        assert_eq!(format!("{:?}", v.get("d").unwrap()), r#"Str("eA")"#);
        assert_eq!(
            format!("{:?}", parse(r#"{"k":[1,null]}"#).unwrap()),
            r#"Doc(Obj({"k": Arr([Num("1"), Null])}))"#
        );
        assert!(Doc::default().root().is_null());
    }

    #[test]
    fn reused_buffers_read_each_text_afresh() {
        let texts = [
            r#"{"a":"x\ty","b":[1,{"c":"\u00e9"}]}"#,
            r#"["\n",2]"#,
            "{",
            r#""plain""#,
            r#"{"a":"\"","a":"z"}"#,
        ];
        for _ in 0..2 {
            for t in texts {
                let once = parse(t).map(|d| text(Some(d.root())));
                let reused = read(t, |v| {
                    // A call made while the buffers are out reads on its own.
                    let inner = read(t, |w| w.map(|w| text(Some(w))));
                    let outer = v.map(|v| text(Some(v)));
                    assert_eq!(inner.as_ref().ok(), outer.as_ref().ok());
                    outer
                });
                assert_eq!(once.ok(), reused.ok(), "{t}");
            }
        }
        let e = read_request(&format!("{}{}", "[".repeat(33), "]".repeat(33)), |v| {
            v.map(|_| ())
        });
        assert!(e.is_ok());
    }

    #[test]
    fn syntax_errors_name_the_place() {
        let e = parse(r#"{"project": {"investment": {"total": 12,}}}"#).unwrap_err();
        assert_eq!(e.code(), "invalid_json");
        assert_eq!(e.field(), "/project/investment");
        for bad in [
            "",
            "{",
            "[1,]",
            "01",
            "1.",
            "-",
            "\"a",
            "{\"a\" 1}",
            "tru",
            "1 2",
            "\"\u{1}\"",
            "[1e]",
        ] {
            assert_eq!(parse(bad).unwrap_err().code(), "invalid_json", "{bad:?}");
        }
    }

    #[test]
    fn limits_at_and_over() {
        let deep_ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&deep_ok).is_ok());
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(parse(&deep).unwrap_err().code(), "too_large");
        let big = " ".repeat(MAX_INPUT_BYTES + 1);
        assert_eq!(parse(&big).unwrap_err().code(), "too_large");
        let s = format!("{{\"name\":\"{}\"}}", "a".repeat(MAX_STRING_BYTES + 1));
        let e = parse(&s).unwrap_err();
        assert_eq!((e.code(), e.field()), ("too_large", "/name"));
        let s = format!("\"{}\"", "a".repeat(MAX_STRING_BYTES));
        assert!(parse(&s).is_ok());
        // An escaped string is measured unescaped: 2 bytes of text make 1.
        let s = format!("{{\"k\":[\"{}\"]}}", "\\n".repeat(MAX_STRING_BYTES + 1));
        let e = parse(&s).unwrap_err();
        assert_eq!((e.code(), e.field()), ("too_large", "/k/0"));
        let s = format!("\"{}\"", "\\n".repeat(MAX_STRING_BYTES));
        assert!(parse(&s).is_ok());
        let keys = |n: usize| {
            let m: Vec<String> = (0..n).map(|i| format!("\"k{i}\":{i}")).collect();
            format!("{{\"a~\":{{{}}}}}", m.join(","))
        };
        assert!(parse(&keys(MAX_OBJECT_KEYS)).is_ok());
        let e = parse(&keys(MAX_OBJECT_KEYS + 1)).unwrap_err();
        assert_eq!((e.code(), e.field()), ("too_large", "/a~0"));
        let items = |n: usize| format!("[{{}},[{}]]", vec!["null"; n].join(","));
        assert!(parse(&items(MAX_ARRAY_LEN)).is_ok());
        let e = parse(&items(MAX_ARRAY_LEN + 1)).unwrap_err();
        assert_eq!((e.code(), e.field()), ("too_large", "/1"));
    }

    #[test]
    fn pointer_segments_are_escaped() {
        let e = parse(r#"{"a/b": {"c~d": [}}"#).unwrap_err();
        assert_eq!(e.field(), "/a~1b/c~0d/0");
    }

    #[test]
    fn plain_run_end_finds_the_first_quote_backslash_or_control() {
        let naive = |b: &[u8], i: usize| {
            (i..b.len())
                .find(|&k| matches!(b[k], b'"' | b'\\' | 0..=0x1f))
                .unwrap_or(b.len())
        };
        let fillers: [&[u8]; 4] = [b"a", "政".as_bytes(), b"\x7f", b" "];
        for len in 0..20 {
            for filler in fillers {
                let base: Vec<u8> = filler.iter().copied().cycle().take(len).collect();
                for start in 0..=len {
                    assert_eq!(plain_run_end(&base, start), naive(&base, start));
                }
                for pos in 0..len {
                    for special in [b'"', b'\\', 0u8, 0x1f, b'\n'] {
                        let mut b = base.clone();
                        b[pos] = special;
                        if pos + 1 < len {
                            b[pos + 1] = b'"';
                        }
                        for start in 0..=len {
                            assert_eq!(plain_run_end(&b, start), naive(&b, start), "{b:?} {start}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn lone_surrogate_becomes_replacement() {
        let doc = parse(r#""\ud800x""#).unwrap();
        assert!(matches!(doc.root().view(), View::Str("\u{FFFD}x")));
    }
}
