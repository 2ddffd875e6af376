//! A small strict JSON reader (RFC 8259) that keeps numbers as their text.
//!
//! Why not `serde_json::Value`: the contract reads a JSON number by its shortest decimal
//! text (as JavaScript does), must reject `1e400` as a non-finite number *at its field*,
//! and must stop hostile input (depth, length) with a `too_large` error that names the
//! place. Strings borrow from the input when they have no escapes, so reading a form's
//! JSON costs a handful of allocations.

use crate::error::{Error, Limit};
use std::borrow::Cow;

pub use crate::limits::{
    MAX_ARRAY_LEN, MAX_DEPTH, MAX_INPUT_BYTES, MAX_OBJECT_KEYS, MAX_STRING_BYTES,
};

/// A JSON value borrowing from its text.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    /// `null` (read as "absent" everywhere).
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number, as written (the grammar is checked).
    Num(&'a str),
    /// A string.
    Str(Cow<'a, str>),
    /// An array.
    Arr(Vec<Json<'a>>),
    /// An object; a repeated key keeps its last value when read (as `JSON.parse` does).
    Obj(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// The value at `key` when `self` is an object (the last one if repeated).
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Obj(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Reads `text` as one JSON value.
///
/// # Errors
/// `invalid_json` with the byte offset, or `too_large` naming the place over a limit.
pub fn parse(text: &str) -> Result<Json<'_>, Error> {
    parse_with_depth(text, MAX_DEPTH)
}

/// Reads a request or batch line `{"id", "check", "input": …}`: as [`parse`], with one
/// more level of nesting allowed, so that the input inside it has the same
/// [`MAX_DEPTH`] as an input given alone.
///
/// # Errors
/// As [`parse`].
pub fn parse_request(text: &str) -> Result<Json<'_>, Error> {
    parse_with_depth(text, MAX_DEPTH + 1)
}

fn parse_with_depth(text: &str, max_depth: usize) -> Result<Json<'_>, Error> {
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
        members: Vec::new(),
        items: Vec::new(),
        max_depth,
    };
    let v = p.value(0).map_err(|e| e.into_error())?;
    p.ws();
    if p.i < p.b.len() {
        return Err(Error::InvalidJson {
            field: String::new(),
            offset: p.i,
            detail: "trailing characters after the value",
        });
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    /// Members of the objects being read, innermost last: an object's members are
    /// collected here and moved into a vector of exactly their number when it closes, so
    /// a 40-key object costs one allocation instead of a chain of reallocations.
    members: Vec<(Cow<'a, str>, Json<'a>)>,
    /// The same for the elements of arrays.
    items: Vec<Json<'a>>,
    max_depth: usize,
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
    fn at(mut self, seg: impl Into<String>) -> PErr {
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

type R<T> = Result<T, PErr>;

impl<'a> Parser<'a> {
    fn err<T>(&self, detail: &'static str) -> R<T> {
        Err(PErr {
            kind: PKind::Syntax(self.i, detail),
            path: Vec::new(),
        })
    }

    fn limit<T>(limit: Limit) -> R<T> {
        Err(PErr {
            kind: PKind::Limit(limit),
            path: Vec::new(),
        })
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

    fn lit(&mut self, word: &'static [u8], v: Json<'a>) -> R<Json<'a>> {
        if self.b.get(self.i..self.i + word.len()) == Some(word) {
            self.i += word.len();
            Ok(v)
        } else {
            self.err("expected a JSON value")
        }
    }

    fn value(&mut self, depth: usize) -> R<Json<'a>> {
        self.ws();
        match self.b.get(self.i) {
            None => self.err("unexpected end of input"),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => Ok(Json::Str(self.string()?)),
            Some(b't') => self.lit(b"true", Json::Bool(true)),
            Some(b'f') => self.lit(b"false", Json::Bool(false)),
            Some(b'n') => self.lit(b"null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.err("expected a JSON value"),
        }
    }

    fn object(&mut self, depth: usize) -> R<Json<'a>> {
        if depth > self.max_depth {
            return Self::limit(Limit::Depth(MAX_DEPTH));
        }
        self.i += 1;
        self.ws();
        if self.b.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Ok(Json::Obj(Vec::new()));
        }
        let start = self.members.len();
        let r = self.object_members(depth, start);
        // On success the members were moved out; on an error, drop what was read.
        self.members.truncate(start);
        r
    }

    fn object_members(&mut self, depth: usize, start: usize) -> R<Json<'a>> {
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
            if self.members.len() - start >= MAX_OBJECT_KEYS {
                return Self::limit(Limit::ObjectKeys(MAX_OBJECT_KEYS));
            }
            let v = match self.value(depth) {
                Ok(v) => v,
                Err(e) => return Err(e.at(key.into_owned())),
            };
            self.members.push((key, v));
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Json::Obj(self.members.drain(start..).collect()));
                }
                _ => return self.err("expected ',' or '}'"),
            }
        }
    }

    fn array(&mut self, depth: usize) -> R<Json<'a>> {
        if depth > self.max_depth {
            return Self::limit(Limit::Depth(MAX_DEPTH));
        }
        self.i += 1;
        self.ws();
        if self.b.get(self.i) == Some(&b']') {
            self.i += 1;
            return Ok(Json::Arr(Vec::new()));
        }
        let start = self.items.len();
        let r = self.array_items(depth, start);
        self.items.truncate(start);
        r
    }

    fn array_items(&mut self, depth: usize, start: usize) -> R<Json<'a>> {
        loop {
            let n = self.items.len() - start;
            if n >= MAX_ARRAY_LEN {
                return Err(PErr {
                    kind: PKind::Limit(Limit::ArrayLen(MAX_ARRAY_LEN)),
                    path: Vec::new(),
                });
            }
            match self.value(depth) {
                Ok(v) => self.items.push(v),
                Err(e) => return Err(e.at(n.to_string())),
            }
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Json::Arr(self.items.drain(start..).collect()));
                }
                _ => return self.err("expected ',' or ']'"),
            }
        }
    }

    fn number(&mut self) -> R<Json<'a>> {
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
        match self.s.get(start..self.i) {
            Some(t) => Ok(Json::Num(t)),
            None => self.err("invalid number"),
        }
    }

    fn digits(&mut self) {
        while matches!(self.b.get(self.i), Some(b'0'..=b'9')) {
            self.i += 1;
        }
    }

    #[inline]
    fn string(&mut self) -> R<Cow<'a, str>> {
        self.i += 1; // opening quote
        let start = self.i;
        // Fast path: no escapes.
        self.i = plain_run_end(self.b, self.i);
        match self.b.get(self.i) {
            None => self.err("unterminated string"),
            Some(b'"') => {
                let s = self.s.get(start..self.i).unwrap_or("");
                self.i += 1;
                if s.len() > MAX_STRING_BYTES {
                    return Self::limit(Limit::StringBytes(MAX_STRING_BYTES));
                }
                Ok(Cow::Borrowed(s))
            }
            Some(b'\\') => self.escaped_string(start),
            Some(_) => self.err("control character in a string"),
        }
    }

    /// The rest of a string that has an escape at `self.i` (its content began at `start`).
    #[cold]
    #[inline(never)]
    fn escaped_string(&mut self, start: usize) -> R<Cow<'a, str>> {
        let mut out = String::from(self.s.get(start..self.i).unwrap_or(""));
        loop {
            if out.len() > MAX_STRING_BYTES {
                return Self::limit(Limit::StringBytes(MAX_STRING_BYTES));
            }
            let run = self.i;
            self.i = plain_run_end(self.b, self.i);
            out.push_str(self.s.get(run..self.i).unwrap_or(""));
            match self.b.get(self.i) {
                None => return self.err("unterminated string"),
                Some(b'"') => {
                    self.i += 1;
                    if out.len() > MAX_STRING_BYTES {
                        return Self::limit(Limit::StringBytes(MAX_STRING_BYTES));
                    }
                    return Ok(Cow::Owned(out));
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
                            out.push(c.unwrap_or('\u{FFFD}'));
                            continue;
                        }
                        _ => return self.err("invalid escape in a string"),
                    };
                    self.i += 1;
                    out.push(c);
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

    #[test]
    fn reads_values_and_keeps_number_text() {
        let v =
            parse(r#" {"a": [1, -0.50, 2e3, true, null], "b": "x\u00e9\ud83d\ude00\n"} "#).unwrap();
        assert_eq!(
            v.get("a"),
            Some(&Json::Arr(vec![
                Json::Num("1"),
                Json::Num("-0.50"),
                Json::Num("2e3"),
                Json::Bool(true),
                Json::Null
            ]))
        );
        assert_eq!(v.get("b"), Some(&Json::Str("xé😀\n".into())));
    }

    #[test]
    fn repeated_key_reads_last() {
        let v = parse(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(v.get("a"), Some(&Json::Num("2")));
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
        assert_eq!(
            parse(r#""\ud800x""#).unwrap(),
            Json::Str("\u{FFFD}x".into())
        );
    }
}
