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
//! Read as `JSON.parse` reads, so that the CLI and the npm package (given what
//! `JSON.parse` made of a text) answer alike: a repeated key is kept once, in the place
//! where it first stands, with its last value, and counts once toward
//! [`MAX_OBJECT_KEYS`]. Bytes that are not UTF-8 are refused at their offset, never
//! decoded with U+FFFD. A read that fails keeps what it read before the fault, for the
//! crate's entry points to find a batch line's `id` and its `locale` there. Text the
//! package's binding wrote may hold `?`, a value JSON cannot carry ([`View::Foreign`]).
//!
//! ```
//! use govit_check::json::{parse, View};
//! let doc = parse(r#"{"a": [1, "x\n"], "a": 2.50}"#).unwrap();
//! let v = doc.root();
//! assert!(matches!(v.get("a").map(|a| a.view()), Some(View::Num("2.50"))));
//! let View::Obj(members) = v.view() else { unreachable!() };
//! assert_eq!(members.len(), 1); // a repeated key is read once, with its last value
//! ```

use crate::error::{Error, Limit, Syntax};
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
    /// A repeated key is on the tape once, as `JSON.parse` keeps it (see
    /// `Parser::keep_as_json_parse`).
    Obj {
        len: u32,
        end: u32,
    },
    /// A value the package's JS could not write as JSON (a function, a symbol, a `Map`, a
    /// circular reference…), read only from text the binding wrote (`?`): a value of the
    /// wrong type wherever a check reads it.
    Foreign,
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
#[non_exhaustive]
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
    /// An object: its members in order. A repeated key is read as `JSON.parse` reads
    /// it: once, in the place where it first stands, with its last value.
    Obj(Members<'d>),
    /// A value the npm package could not write as JSON (a function, a symbol, a `Map`,
    /// an invalid `Date`, a circular reference, a getter that throws): a value of the
    /// wrong type for any field. Only text the package's binding wrote holds one.
    Foreign,
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

    /// Reads `text` into this doc, reusing its buffers. After an error the doc holds
    /// what was read before it (see [`Failure::salvage`]).
    fn read(&mut self, text: &'t str, mode: Mode) -> Result<(), Error> {
        if text.len() > MAX_INPUT_BYTES {
            // Read up to the limit only for what `salvage` can find there.
            let _ = self.parse(cut_at_limit(text), mode);
            return Err(Error::TooLarge {
                field: String::new(),
                limit: Limit::InputBytes(MAX_INPUT_BYTES),
            });
        }
        self.parse(text, mode).map_err(|e| {
            let e = e.into_error();
            match e {
                // ASCII text in UTF-16 has a zero byte before or after each character.
                Error::InvalidJson { field, offset, .. } if looks_like_utf16(text.as_bytes()) => {
                    Error::InvalidJson {
                        field,
                        offset,
                        detail: Syntax::Utf16,
                    }
                }
                e => e,
            }
        })
    }

    /// Reads bytes that are not all UTF-8: `text` is their valid start, `len` their
    /// length. Always an error: `too_large` over the limit, else the first syntax or
    /// limit error of `text` if it comes before the end of `text`, else `invalid_json`
    /// at the offset of the first byte that is not UTF-8 (with the pointer of the value
    /// it stands in).
    fn read_not_utf8(&mut self, text: &'t str, bytes: &[u8], mode: Mode) -> Error {
        if bytes.len() > MAX_INPUT_BYTES {
            // Over the limit whatever it holds; read up to the limit only for `salvage`.
            let _ = self.parse(cut_at_limit(text), mode);
            return Error::TooLarge {
                field: String::new(),
                limit: Limit::InputBytes(MAX_INPUT_BYTES),
            };
        }
        let detail = if looks_like_utf16(bytes) {
            Syntax::Utf16
        } else {
            Syntax::NotUtf8
        };
        let offset = text.len();
        let field = match self.parse(text, mode) {
            // The text ran out where the bad byte stands: the error is there.
            Err(e) if e.offset() == Some(offset) => e.into_error().field().to_string(),
            Err(e) => {
                return match e.into_error() {
                    Error::InvalidJson { field, offset, .. } if detail == Syntax::Utf16 => {
                        Error::InvalidJson {
                            field,
                            offset,
                            detail,
                        }
                    }
                    e => e,
                }
            }
            Ok(()) => String::new(),
        };
        Error::InvalidJson {
            field,
            offset,
            detail,
        }
    }

    /// Parses `text` onto this doc's tape.
    fn parse(&mut self, text: &'t str, mode: Mode) -> Result<(), Box<PErr>> {
        self.text = text;
        self.nodes.clear();
        self.strings.clear();
        let mut p = Parser {
            s: text,
            b: text.as_bytes(),
            i: 0,
            nodes: &mut self.nodes,
            strings: &mut self.strings,
            max_depth: mode.max_depth(),
            foreign: mode.foreign,
        };
        p.value(0).and_then(|()| {
            p.ws();
            if p.i < p.b.len() {
                p.err(Syntax::TrailingCharacters)
            } else {
                Ok(())
            }
        })
    }

    /// The last member `key` of the object at node `at` that was read whole, also when
    /// the object was not (a read that failed inside it).
    fn partial_member(&self, at: u32, key: &str) -> Option<u32> {
        match self.nodes.get(at as usize)? {
            Node::Obj { end, .. } if *end != 0 => Json { doc: self, at }.get(key).map(|v| v.at),
            Node::Obj { .. } => {
                // Not closed: its members so far, up to the one the read failed in.
                let mut found = None;
                let mut i = at + 1;
                while let (Some(&k), Some(&v)) =
                    (self.nodes.get(i as usize), self.nodes.get(i as usize + 1))
                {
                    if self.span(k) == key {
                        found = Some(i + 1);
                    }
                    match v {
                        Node::Arr { end: 0, .. } | Node::Obj { end: 0, .. } => break,
                        _ => i = self.after(i + 1),
                    }
                }
                found
            }
            _ => None,
        }
    }

    /// Whether the value at node `at` was read whole.
    fn complete(&self, at: u32) -> bool {
        match self.nodes.get(at as usize) {
            Some(Node::Arr { end, .. } | Node::Obj { end, .. }) => *end != 0,
            Some(_) => true,
            None => false,
        }
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

/// The start of `text` up to [`MAX_INPUT_BYTES`] (at a character boundary).
fn cut_at_limit(text: &str) -> &str {
    let mut cut = MAX_INPUT_BYTES.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.get(..cut).unwrap_or("")
}

/// Whether `b` looks like UTF-16: a byte-order mark, or a zero byte in one of the first
/// two places (JSON text in UTF-8 never has a zero byte; ASCII in UTF-16 has one per
/// character).
fn looks_like_utf16(b: &[u8]) -> bool {
    matches!(
        b,
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] | [0, ..] | [_, 0, ..]
    )
}

/// How a text is read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Mode {
    /// A request or batch line `{"id", "check", "input"}`: one more level of nesting, so
    /// that its input has the same [`MAX_DEPTH`] as an input alone.
    pub(crate) request: bool,
    /// Text the package's binding wrote: `?` stands for a value JSON cannot carry
    /// ([`View::Foreign`]).
    pub(crate) foreign: bool,
}

impl Mode {
    /// An input given alone.
    pub(crate) const INPUT: Mode = Mode {
        request: false,
        foreign: false,
    };
    /// A request or batch line.
    pub(crate) const REQUEST: Mode = Mode {
        request: true,
        foreign: false,
    };

    fn max_depth(self) -> usize {
        MAX_DEPTH + usize::from(self.request)
    }
}

/// A read that failed: its error, and what was read before it.
pub(crate) struct Failure<'d> {
    /// Why the text could not be read.
    pub(crate) error: Error,
    doc: &'d Doc<'d>,
}

impl<'d> Failure<'d> {
    /// The value at `path` (object keys from the root) if the text held it, whole,
    /// before the place where reading failed: how a batch answer finds the `id` of a
    /// line that is not JSON, and a message its `locale`. Of a repeated key, the last
    /// occurrence read whole.
    pub(crate) fn salvage(&self, path: &[&str]) -> Option<Json<'d>> {
        let mut at = 0;
        for key in path {
            at = self.doc.partial_member(at, key)?;
        }
        self.doc.complete(at).then_some(Json { doc: self.doc, at })
    }
}

impl fmt::Debug for Doc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Doc").field(&self.root()).finish()
    }
}

impl<'d> Json<'d> {
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
            Node::Foreign => View::Foreign,
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
            View::Null | View::Foreign => out.push_str("null"),
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
    doc.read(text, Mode::INPUT)?;
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
    doc.read(text, Mode::REQUEST)?;
    Ok(doc)
}

/// As [`parse`], handing the value (or the error) to `f`, on buffers reused from the
/// last call on this thread.
#[cfg(test)]
pub(crate) fn read<R>(text: &str, f: impl FnOnce(Result<Json<'_>, Error>) -> R) -> R {
    read_text(text, Mode::INPUT, |r| f(r.map_err(|e| e.error)))
}

/// As [`parse_request`], on reused buffers (see [`read_text`]).
#[cfg(test)]
pub(crate) fn read_request<R>(text: &str, f: impl FnOnce(Result<Json<'_>, Error>) -> R) -> R {
    read_text(text, Mode::REQUEST, |r| f(r.map_err(|e| e.error)))
}

/// Reads `text` in `mode`, handing the value (or the [`Failure`]) to `f`, on buffers
/// reused from the last call on this thread.
pub(crate) fn read_text<R>(
    text: &str,
    mode: Mode,
    f: impl FnOnce(Result<Json<'_>, Failure<'_>>) -> R,
) -> R {
    with_spare(|doc| {
        let r = doc.read(text, mode);
        f(match r {
            Ok(()) => Ok(doc.root()),
            Err(error) => Err(Failure { error, doc }),
        })
    })
}

/// As [`read_text`], for bytes that should be UTF-8 text: bytes that are not are
/// `invalid_json` at the offset of the first one that is not (never read as U+FFFD).
pub(crate) fn read_bytes<R>(
    bytes: &[u8],
    mode: Mode,
    f: impl FnOnce(Result<Json<'_>, Failure<'_>>) -> R,
) -> R {
    match std::str::from_utf8(bytes) {
        Ok(text) => read_text(text, mode, f),
        Err(e) => {
            let valid = bytes
                .get(..e.valid_up_to())
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or("");
            with_spare(|doc| {
                let error = doc.read_not_utf8(valid, bytes, mode);
                f(Err(Failure { error, doc }))
            })
        }
    }
}

thread_local! {
    /// The buffers of the last doc read on this thread, kept for the next. A call made
    /// while they are out (re-entrant) finds an empty doc and allocates its own.
    static SPARE: Cell<Doc<'static>> = const { Cell::new(Doc::new()) };
}

/// Buffers above these capacities are not kept for the next call.
const SPARE_NODES: usize = 1 << 16;
const SPARE_BYTES: usize = 1 << 16;

/// Runs `f` on a doc made of the spare buffers, and keeps them for the next call.
fn with_spare<'t, R>(f: impl FnOnce(&mut Doc<'t>) -> R) -> R {
    let mut doc: Doc<'t> = SPARE.try_with(Cell::take).unwrap_or_default();
    let r = f(&mut doc);
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
    foreign: bool,
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

/// An error on its way up, collecting the path (innermost first).
struct PErr {
    kind: PKind,
    path: Vec<String>,
}

enum PKind {
    Syntax(usize, Syntax),
    Limit(Limit),
}

impl PErr {
    /// The offset of a syntax error.
    fn offset(&self) -> Option<usize> {
        match self.kind {
            PKind::Syntax(offset, _) => Some(offset),
            PKind::Limit(_) => None,
        }
    }

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

/// The keys of one object being read, to find a repeated one and to count the distinct
/// ones toward [`MAX_OBJECT_KEYS`] (as `JSON.parse` keeps a repeated key once). Most
/// objects never repeat a key, and are read at the cost of a cheap hash and a filter bit
/// per key: a key whose bit is unset is new. When a bit is set, the object's keys so far
/// are compared on the tape; from its first real repeat on (or once it has many keys)
/// the object keeps its distinct keys sorted and finds each key by a binary search — a
/// worst case of O(n log n) comparisons however the keys are made (no hash table to
/// flood).
struct Keys {
    /// Distinct keys.
    distinct: usize,
    filter: [u64; 16],
    /// Past the filter: the keys sorted.
    sorted: Option<Box<SortedKeys>>,
}

/// An object's keys once the filter could not tell a key apart.
#[derive(Default)]
struct SortedKeys {
    /// Each distinct key's first and last key node, in the order of first occurrence.
    entries: Vec<(u32, u32)>,
    /// Indices of `entries`, sorted by key text.
    by_text: Vec<u32>,
    /// Whether a key was repeated.
    repeated: bool,
}

/// Compared on the tape up to this many keys, then sorted.
const SCAN_KEYS: usize = 64;

impl Keys {
    const fn new() -> Keys {
        Keys {
            distinct: 0,
            filter: [0; 16],
            sorted: None,
        }
    }

    /// Whether the key `key` (to be pushed at node `key_at`) of the object at node `at`
    /// is a key it had before; if so, its last occurrence is now `key_at`, else it is
    /// counted.
    #[inline(always)]
    fn seen(&mut self, p: &Parser<'_, '_>, at: usize, key: Node, key_at: usize) -> bool {
        let bit = (p.key_hash(key) >> 54) as usize;
        let mask = 1u64 << (bit % 64);
        if let (Some(w), None) = (self.filter.get_mut(bit / 64), &self.sorted) {
            if *w & mask == 0 {
                *w |= mask;
                self.distinct += 1;
                return false;
            }
        }
        self.seen_slow(p, pos(at), span(p.s, p.strings, key), pos(key_at))
    }

    /// [`seen`](Self::seen) when the filter cannot tell.
    #[cold]
    #[inline(never)]
    fn seen_slow(&mut self, p: &Parser<'_, '_>, at: u32, text: &str, key_at: u32) -> bool {
        let sorted = match &mut self.sorted {
            Some(sorted) => sorted,
            None => {
                if self.distinct < SCAN_KEYS && !p.has_key(at, key_at, text) {
                    self.distinct += 1;
                    return false;
                }
                self.sorted
                    .insert(Box::new(SortedKeys::sort(p, at, key_at)))
            }
        };
        let found = sorted.by_text.binary_search_by(|&i| {
            let first = sorted.entries.get(i as usize).map_or(0, |e| e.0);
            p.key_text(first).cmp(text)
        });
        match found {
            Ok(i) => {
                let entry = sorted.by_text.get(i).copied().unwrap_or(0);
                if let Some(e) = sorted.entries.get_mut(entry as usize) {
                    e.1 = key_at;
                }
                sorted.repeated = true;
                true
            }
            Err(i) => {
                sorted.by_text.insert(i, pos(sorted.entries.len()));
                sorted.entries.push((key_at, key_at));
                self.distinct += 1;
                false
            }
        }
    }
}

impl SortedKeys {
    /// The keys of the object at node `at` read before node `end` (all distinct).
    fn sort(p: &Parser<'_, '_>, at: u32, end: u32) -> SortedKeys {
        let mut entries = Vec::new();
        let mut k = at + 1;
        while k < end {
            entries.push((k, k));
            k = p.after(k + 1);
        }
        // By insertion (each later key is inserted so too): no sort code in the package.
        let text = |i: u32| p.key_text(entries.get(i as usize).map_or(0, |e: &(u32, u32)| e.0));
        let mut by_text: Vec<u32> = Vec::with_capacity(entries.len());
        for i in 0..pos(entries.len()) {
            let at = by_text.partition_point(|&j| text(j) < text(i));
            by_text.insert(at, i);
        }
        SortedKeys {
            entries,
            by_text,
            repeated: false,
        }
    }
}

/// Boxed, so that a result is a word or two: the error path is the cold one.
type R<T> = Result<T, Box<PErr>>;

impl<'t> Parser<'_, 't> {
    /// The node after the value at `at` (see [`Doc::after`]).
    fn after(&self, at: u32) -> u32 {
        match self.nodes.get(at as usize) {
            Some(Node::Arr { end, .. } | Node::Obj { end, .. }) => *end,
            _ => at + 1,
        }
    }

    /// A cheap hash of a key node for `Keys`' filter: its length and its first eight
    /// bytes (a repeat is confirmed by comparing texts, so only the spread matters).
    #[inline(always)]
    fn key_hash(&self, key: Node) -> u64 {
        let Node::Str(a, b) = key else {
            return self.text_hash(span(self.s, self.strings, key));
        };
        let (a, n) = (a as usize, (b - a) as usize);
        let head = match self.b.get(a..).and_then(<[u8]>::first_chunk::<8>) {
            Some(&w) => {
                let w = u64::from_le_bytes(w);
                // A short key is followed by its closing quote and more: masked off.
                if n < 8 {
                    w & ((1 << (8 * n)) - 1)
                } else {
                    w
                }
            }
            _ => return self.text_hash(span(self.s, self.strings, key)),
        };
        (head ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// [`key_hash`](Self::key_hash) of a key with escapes or at the very end of the text.
    #[cold]
    fn text_hash(&self, text: &str) -> u64 {
        let head = text
            .bytes()
            .take(8)
            .rev()
            .fold(0, |h: u64, c| h << 8 | u64::from(c));
        (head ^ text.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// The text of the key node at `k`.
    fn key_text(&self, k: u32) -> &str {
        self.nodes
            .get(k as usize)
            .map_or("", |&n| span(self.s, self.strings, n))
    }

    /// Rewrites the members of the object opened at node `at` — the last nodes of the
    /// tape — as `JSON.parse` keeps them: each key once, in the place of its first
    /// occurrence, with the value of its last. `entries`: each distinct key's first and
    /// last key node, in the order of first occurrence. The values move, so the `end` of
    /// each array and object in them moves with them.
    #[cold]
    #[inline(never)]
    fn keep_as_json_parse(&mut self, at: usize, entries: &[(u32, u32)]) {
        let mut kept: Vec<Node> = Vec::with_capacity(self.nodes.len() - at);
        for &(first, last) in entries {
            kept.extend(self.nodes.get(first as usize).copied());
            let (from, to) = (last + 1, self.after(last + 1));
            let moved_to = pos(at + 1 + kept.len());
            for &node in self
                .nodes
                .get(from as usize..to as usize)
                .unwrap_or_default()
            {
                kept.push(match node {
                    Node::Arr { len, end } => Node::Arr {
                        len,
                        end: end - from + moved_to,
                    },
                    Node::Obj { len, end } => Node::Obj {
                        len,
                        end: end - from + moved_to,
                    },
                    node => node,
                });
            }
        }
        self.nodes.truncate(at + 1);
        self.nodes.extend(kept);
    }

    /// Whether the object opened at node `at` has the key `text` before node `end`.
    fn has_key(&self, at: u32, end: u32, text: &str) -> bool {
        let len = pos(text.len());
        let mut k = at + 1;
        while k < end {
            // Lengths first: most keys differ there.
            if let Some(&(Node::Str(a, b) | Node::Esc(a, b))) = self.nodes.get(k as usize) {
                if b - a == len && self.key_text(k) == text {
                    return true;
                }
            }
            k = self.after(k + 1);
        }
        false
    }

    fn err<T>(&self, detail: Syntax) -> R<T> {
        // Whatever was expected, a text that ends there ends too early (a string that
        // is not closed says so).
        let detail = if self.i >= self.b.len() && detail != Syntax::UnterminatedString {
            Syntax::UnexpectedEnd
        } else {
            detail
        };
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
            self.err(Syntax::ExpectedValue)
        }
    }

    /// Reads one value onto the tape.
    fn value(&mut self, depth: usize) -> R<()> {
        self.ws();
        let node = match self.b.get(self.i) {
            None => return self.err(Syntax::UnexpectedEnd),
            Some(b'{') => return self.object(depth + 1),
            Some(b'[') => return self.array(depth + 1),
            Some(b'"') => self.string()?,
            Some(b't') => self.lit(b"true", Node::Bool(true))?,
            Some(b'f') => self.lit(b"false", Node::Bool(false))?,
            Some(b'n') => self.lit(b"null", Node::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b'?') if self.foreign => {
                self.i += 1;
                Node::Foreign
            }
            Some(_) => return self.err(Syntax::ExpectedValue),
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
        let mut keys = Keys::new();
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return self.err(Syntax::ExpectedKey);
            }
            let key = self.string()?;
            self.ws();
            if self.b.get(self.i) != Some(&b':') {
                return self.err(Syntax::ExpectedColon);
            }
            self.i += 1;
            // A repeated key counts once toward the limit, as `JSON.parse` keeps it once.
            if !keys.seen(self, at, key, self.nodes.len()) && keys.distinct > MAX_OBJECT_KEYS {
                return Self::limit(Limit::ObjectKeys(MAX_OBJECT_KEYS));
            }
            self.nodes.push(key);
            if let Err(e) = self.value(depth) {
                return Err(e.at(span(self.s, self.strings, key)));
            }
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    if let Some(sorted) = keys.sorted.filter(|s| s.repeated) {
                        self.keep_as_json_parse(at, &sorted.entries);
                    }
                    self.close(at, keys.distinct);
                    return Ok(());
                }
                _ => return self.err(Syntax::ExpectedCommaOrBrace),
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
                _ => return self.err(Syntax::ExpectedCommaOrBracket),
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
            _ => return self.err(Syntax::NumberDigits),
        }
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            if !matches!(self.b.get(self.i), Some(b'0'..=b'9')) {
                return self.err(Syntax::NumberDigits);
            }
            self.digits();
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.b.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !matches!(self.b.get(self.i), Some(b'0'..=b'9')) {
                return self.err(Syntax::NumberDigits);
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
        self.i = crate::json_out::plain_run_end(self.b, self.i);
        match self.b.get(self.i) {
            None => self.err(Syntax::UnterminatedString),
            Some(b'"') => {
                let end = self.i;
                self.i += 1;
                if end - start > MAX_STRING_BYTES {
                    return Self::limit(Limit::StringBytes(MAX_STRING_BYTES));
                }
                Ok(Node::Str(pos(start), pos(end)))
            }
            Some(b'\\') => self.escaped_string(start),
            Some(_) => self.err(Syntax::ControlCharacter),
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
            self.i = crate::json_out::plain_run_end(self.b, self.i);
            self.strings.push_str(self.s.get(run..self.i).unwrap_or(""));
            match self.b.get(self.i) {
                None => return self.err(Syntax::UnterminatedString),
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
                        _ => return self.err(Syntax::InvalidEscape),
                    };
                    self.i += 1;
                    self.strings.push(c);
                }
                Some(_) => return self.err(Syntax::ControlCharacter),
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
                _ => return self.err(Syntax::UnicodeEscape),
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

    /// The members as `(key, value text)`.
    fn members_of(v: Json<'_>) -> Vec<(String, String)> {
        let View::Obj(m) = v.view() else {
            panic!("an object")
        };
        assert_eq!(m.len(), m.clone().count());
        m.map(|(k, v)| (k.to_string(), text(Some(v)))).collect()
    }

    #[test]
    fn repeated_key_is_read_as_json_parse_reads_it() {
        let doc = parse(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(text(doc.root().get("a")), "2");
        assert_eq!(members_of(doc.root()), [("a".into(), "2".into())]);
        // Once, in the place of its first occurrence, with its last value; an escaped
        // spelling is the same key; nested objects keep their own keys.
        let doc = parse(
            r#"{"b":[1],"a":{"x":1,"x":{"y":2,"y":3}},"\u0062":{"z":0},"c":null,"a":"last"}"#,
        )
        .unwrap();
        assert_eq!(
            members_of(doc.root()),
            [
                ("b".into(), r#"{"z":0}"#.into()),
                ("a".into(), r#""last""#.into()),
                ("c".into(), "null".into()),
            ]
        );
        let mut out = String::new();
        doc.root().write(&mut out);
        assert_eq!(out, r#"{"b":{"z":0},"a":"last","c":null}"#);
        // Past the filter's few dozen keys the table finds repeats the same way.
        let many: Vec<String> = (0..300).map(|i| format!("\"k{}\":{i}", i % 100)).collect();
        let text_many = format!("{{{}}}", many.join(","));
        let doc = parse(&text_many).unwrap();
        let m = members_of(doc.root());
        assert_eq!(m.len(), 100);
        assert_eq!(m[7], ("k7".into(), "207".into()));
        assert_eq!(text(doc.root().get("k99")), "299");
    }

    #[test]
    fn a_repeated_key_counts_once_toward_the_key_limit() {
        let obj = |distinct: usize, repeats: usize| {
            let mut m: Vec<String> = (0..distinct).map(|i| format!("\"k{i}\":{i}")).collect();
            m.extend((0..repeats).map(|i| format!("\"k{}\":0", i % distinct.max(1))));
            format!("{{\"x\":{{{}}}}}", m.join(","))
        };
        assert!(parse(&obj(MAX_OBJECT_KEYS, 5000)).is_ok());
        let e = parse(&obj(MAX_OBJECT_KEYS + 1, 0)).unwrap_err();
        assert_eq!((e.code(), e.field()), ("too_large", "/x"));
    }

    #[test]
    fn foreign_values_only_in_text_the_binding_wrote() {
        let src = r#"{"a":?,"b":[1,?]}"#;
        assert_eq!(parse(src).unwrap_err().code(), "invalid_json");
        let foreign = Mode {
            request: false,
            foreign: true,
        };
        read_text(src, foreign, |v| {
            let v = v.ok().unwrap();
            assert!(matches!(v.get("a").unwrap().view(), View::Foreign));
            assert!(!v.get("a").unwrap().is_null());
            assert_eq!(text(v.get("b")), "[1,null]");
        });
    }

    #[test]
    fn what_a_failed_read_salvages() {
        let salvage = |t: &str, path: &[&str]| {
            read_text(t, Mode::REQUEST, |r| {
                let Err(f) = r else { panic!("a failure") };
                f.salvage(path).map(|v| text(Some(v)))
            })
        };
        let id = &["id"][..];
        assert_eq!(
            salvage(r#"{"id":"a","check":"x","input":{"#, id).as_deref(),
            Some(r#""a""#)
        );
        assert_eq!(
            salvage(r#"{"id":[1,{"k":"v"}],"x":tru"#, id).as_deref(),
            Some(r#"[1,{"k":"v"}]"#)
        );
        assert_eq!(
            salvage(r#"{"id":"a","id":"b","input":["#, id).as_deref(),
            Some(r#""b""#)
        );
        // Not whole, or after the fault, or not at the top: nothing.
        assert_eq!(salvage(r#"{"id":"a"#, id), None);
        assert_eq!(salvage(r#"{"id":[1,2"#, id), None);
        assert_eq!(salvage(r#"{"input":{,"id":"a"}"#, id), None);
        assert_eq!(salvage(r#"{"x":{"id":"a"},"#, id), None);
        assert_eq!(salvage(r#"["id","a""#, id), None);
        // Into the object being read.
        let locale = &["input", "locale"][..];
        assert_eq!(
            salvage(r#"{"input":{"locale":"en","regime":01}}"#, locale).as_deref(),
            Some(r#""en""#)
        );
        assert_eq!(
            salvage(r#"{"input":{"regime":01,"locale":"en"}}"#, locale),
            None
        );
        // A text over the size limit is read up to it for this.
        let over = format!(r#"{{"id":"big","x":"{}"}}"#, "a".repeat(MAX_INPUT_BYTES));
        assert_eq!(salvage(&over, id).as_deref(), Some(r#""big""#));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_at_their_offset() {
        let err = |b: &[u8]| read_bytes(b, Mode::INPUT, |r| r.err().map(|f| f.error));
        let e = err(b"{\"name\":\"a\xffb\"}").unwrap();
        assert_eq!(
            e,
            Error::InvalidJson {
                field: "/name".into(),
                offset: 10,
                detail: Syntax::NotUtf8
            }
        );
        // A syntax error before the bad byte comes first.
        let e = err(b"{\"a\":tru,\"b\":\"\xff\"}").unwrap();
        assert_eq!((e.field(), e.code()), ("/a", "invalid_json"));
        assert!(matches!(
            e,
            Error::InvalidJson {
                offset: 5,
                detail: Syntax::ExpectedValue,
                ..
            }
        ));
        // After a whole value: trailing.
        let e = err(b"[1] \xc3").unwrap();
        assert!(matches!(
            e,
            Error::InvalidJson {
                offset: 4,
                detail: Syntax::NotUtf8,
                ..
            }
        ));
        // UTF-16, with or without its byte-order mark.
        for b in [&b"\xff\xfe{\x00}\x00"[..], b"{\x00}\x00", b"\x00{\x00}"] {
            assert!(
                matches!(
                    err(b),
                    Some(Error::InvalidJson {
                        detail: Syntax::Utf16,
                        ..
                    })
                ),
                "{b:?}"
            );
        }
        assert!(err("{\"名\":\"称\"}".as_bytes()).is_none());
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
    fn lone_surrogate_becomes_replacement() {
        let doc = parse(r#""\ud800x""#).unwrap();
        assert!(matches!(doc.root().view(), View::Str("\u{FFFD}x")));
    }
}
