//! Compact JSON output for every verdict: a `serde::Serializer` that writes the same
//! bytes as `serde_json::to_string`, faster where verdicts spend their time.
//!
//! Why not `serde_json::to_string`: a verdict is mostly long Chinese text, and serde_json
//! looks up every byte of a string in its escape table; here a string is scanned eight
//! bytes at a time and copied in runs (`plain_run_end`, which the reader uses too). The output also starts with
//! room for a typical verdict instead of growing from 128 bytes. Output is identical to
//! serde_json's compact form (escapes `"`, `\`, and control characters — `\b \f \n \r \t`
//! by name, the rest as `\u00XX` — and nothing else); the tests below compare the two.

use serde::ser::{self, Serialize};
use std::fmt::{self, Write as _};

/// A typical verdict is under 2 KB: one allocation for most calls.
const INITIAL_CAPACITY: usize = 2048;

/// Serializes `v` as compact JSON text (`None` if a `Serialize` impl reports an error;
/// the crate's types never do). The crate writes through [`push_value`]; the tests
/// compare this with `serde_json::to_string`.
#[cfg(test)]
pub(crate) fn to_string<T: Serialize + ?Sized>(v: &T) -> Option<String> {
    let mut out = String::new();
    push_value(&mut out, v).then_some(out)
}

/// Appends `v` as compact JSON text to `out` (the batch writes every answer into one
/// buffer). On a `Serialize` error `out` is left as it was and `false` returned.
pub(crate) fn push_value<T: Serialize + ?Sized>(out: &mut String, v: &T) -> bool {
    if out.capacity() == 0 {
        out.reserve(INITIAL_CAPACITY);
    }
    let start = out.len();
    let mut w = Writer {
        out: std::mem::take(out),
    };
    let ok = v.serialize(&mut w).is_ok();
    *out = w.out;
    if !ok {
        out.truncate(start);
    }
    ok
}

/// Appends `s` as a JSON string literal (quotes included).
pub(crate) fn push_str_literal(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    push_escaped(out, s);
    out.push('"');
}

/// Appends a name of the crate's types (a struct field or an enum variant, an identifier
/// or a `serde(rename)` of one) as a JSON string literal: such a name never needs
/// escaping, so it is copied as it is.
fn push_name_literal(out: &mut String, name: &'static str) {
    debug_assert!(
        name.bytes().all(|c| c >= 0x20 && c != b'"' && c != b'\\'),
        "name {name:?} needs escaping"
    );
    out.extend(["\"", name, "\""]);
}

fn push_escaped(out: &mut String, s: &str) {
    let b = s.as_bytes();
    let mut run = 0;
    loop {
        let end = plain_run_end(b, run);
        out.push_str(s.get(run..end).unwrap_or(""));
        let Some(&c) = b.get(end) else { return };
        match c {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            c => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(c >> 4)]));
                out.push(char::from(HEX[usize::from(c & 0xf)]));
            }
        }
        run = end + 1;
    }
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

/// The serializer's error: only a `Serialize` impl's own `custom` error, or a map key
/// that JSON cannot take.
#[derive(Debug)]
pub(crate) struct OutError;

impl fmt::Display for OutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("value cannot be written as JSON")
    }
}

impl std::error::Error for OutError {}

impl ser::Error for OutError {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        OutError
    }
}

struct Writer {
    out: String,
}

/// Writes `Display` output as escaped string content (for `collect_str`).
struct Escaping<'w>(&'w mut String);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        push_escaped(self.0, s);
        Ok(())
    }
}

type Res = Result<(), OutError>;

impl Writer {
    fn int(&mut self, v: impl fmt::Display) -> Res {
        write!(self.out, "{v}").map_err(|_| OutError)
    }
}

impl<'w> ser::Serializer for &'w mut Writer {
    type Ok = ();
    type Error = OutError;
    type SerializeSeq = Compound<'w>;
    type SerializeTuple = Compound<'w>;
    type SerializeTupleStruct = Compound<'w>;
    type SerializeTupleVariant = Compound<'w>;
    type SerializeMap = Compound<'w>;
    type SerializeStruct = Compound<'w>;
    type SerializeStructVariant = Compound<'w>;

    fn serialize_bool(self, v: bool) -> Res {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Res {
        self.int(v)
    }
    fn serialize_i16(self, v: i16) -> Res {
        self.int(v)
    }
    fn serialize_i32(self, v: i32) -> Res {
        self.int(v)
    }
    fn serialize_i64(self, v: i64) -> Res {
        self.int(v)
    }
    fn serialize_i128(self, v: i128) -> Res {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Res {
        self.int(v)
    }
    fn serialize_u16(self, v: u16) -> Res {
        self.int(v)
    }
    fn serialize_u32(self, v: u32) -> Res {
        self.int(v)
    }
    fn serialize_u64(self, v: u64) -> Res {
        self.int(v)
    }
    fn serialize_u128(self, v: u128) -> Res {
        self.int(v)
    }
    fn serialize_f32(self, v: f32) -> Res {
        // Never used by the crate's types; serde_json's own text keeps the output equal.
        self.out
            .push_str(&serde_json::to_string(&v).map_err(|_| OutError)?);
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Res {
        self.out
            .push_str(&serde_json::to_string(&v).map_err(|_| OutError)?);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Res {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Res {
        push_str_literal(&mut self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Res {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Res {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Res {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Res {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Res {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Res {
        push_name_literal(&mut self.out, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, v: &T) -> Res {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        v: &T,
    ) -> Res {
        self.out.push('{');
        push_str_literal(&mut self.out, variant);
        self.out.push(':');
        v.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'w>, OutError> {
        self.out.push('[');
        Ok(Compound {
            w: self,
            first: true,
            close: "]",
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'w>, OutError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'w>, OutError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w>, OutError> {
        self.out.push('{');
        push_str_literal(&mut self.out, variant);
        self.out.push_str(":[");
        Ok(Compound {
            w: self,
            first: true,
            close: "]}",
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'w>, OutError> {
        self.out.push('{');
        Ok(Compound {
            w: self,
            first: true,
            close: "}",
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'w>, OutError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w>, OutError> {
        self.out.push('{');
        push_str_literal(&mut self.out, variant);
        self.out.push_str(":{");
        Ok(Compound {
            w: self,
            first: true,
            close: "}}",
        })
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, v: &T) -> Res {
        self.out.push('"');
        write!(Escaping(&mut self.out), "{v}").map_err(|_| OutError)?;
        self.out.push('"');
        Ok(())
    }
}

pub(crate) struct Compound<'w> {
    w: &'w mut Writer,
    first: bool,
    close: &'static str,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.w.out.push(',');
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        self.comma();
        v.serialize(&mut *self.w)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Res {
        self.comma();
        push_name_literal(&mut self.w.out, key);
        self.w.out.push(':');
        v.serialize(&mut *self.w)
    }

    fn close(self) -> Res {
        self.w.out.push_str(self.close);
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = OutError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        self.element(v)
    }
    fn end(self) -> Res {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = OutError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        self.element(v)
    }
    fn end(self) -> Res {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = OutError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        self.element(v)
    }
    fn end(self) -> Res {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = OutError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        self.element(v)
    }
    fn end(self) -> Res {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = OutError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Res {
        self.comma();
        key.serialize(KeyWriter(&mut self.w.out))?;
        self.w.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Res {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = OutError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Res {
        self.field(key, v)
    }
    fn end(self) -> Res {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = OutError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Res {
        self.field(key, v)
    }
    fn end(self) -> Res {
        self.close()
    }
}

/// A map key: a string as it is; a bool, char or integer quoted (as serde_json does);
/// anything else is an error.
struct KeyWriter<'w>(&'w mut String);

impl KeyWriter<'_> {
    fn quoted(self, v: impl fmt::Display) -> Res {
        self.0.push('"');
        write!(self.0, "{v}").map_err(|_| OutError)?;
        self.0.push('"');
        Ok(())
    }
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = OutError;
    type SerializeSeq = ser::Impossible<(), OutError>;
    type SerializeTuple = ser::Impossible<(), OutError>;
    type SerializeTupleStruct = ser::Impossible<(), OutError>;
    type SerializeTupleVariant = ser::Impossible<(), OutError>;
    type SerializeMap = ser::Impossible<(), OutError>;
    type SerializeStruct = ser::Impossible<(), OutError>;
    type SerializeStructVariant = ser::Impossible<(), OutError>;

    fn serialize_bool(self, v: bool) -> Res {
        self.quoted(v)
    }
    fn serialize_i8(self, v: i8) -> Res {
        self.quoted(v)
    }
    fn serialize_i16(self, v: i16) -> Res {
        self.quoted(v)
    }
    fn serialize_i32(self, v: i32) -> Res {
        self.quoted(v)
    }
    fn serialize_i64(self, v: i64) -> Res {
        self.quoted(v)
    }
    fn serialize_i128(self, v: i128) -> Res {
        self.quoted(v)
    }
    fn serialize_u8(self, v: u8) -> Res {
        self.quoted(v)
    }
    fn serialize_u16(self, v: u16) -> Res {
        self.quoted(v)
    }
    fn serialize_u32(self, v: u32) -> Res {
        self.quoted(v)
    }
    fn serialize_u64(self, v: u64) -> Res {
        self.quoted(v)
    }
    fn serialize_u128(self, v: u128) -> Res {
        self.quoted(v)
    }
    fn serialize_f32(self, _v: f32) -> Res {
        Err(OutError)
    }
    fn serialize_f64(self, _v: f64) -> Res {
        Err(OutError)
    }
    fn serialize_char(self, v: char) -> Res {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Res {
        push_str_literal(self.0, v);
        Ok(())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Res {
        Err(OutError)
    }
    fn serialize_none(self) -> Res {
        Err(OutError)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _v: &T) -> Res {
        Err(OutError)
    }
    fn serialize_unit(self) -> Res {
        Err(OutError)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Res {
        Err(OutError)
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Res {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, v: &T) -> Res {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _v: &T,
    ) -> Res {
        Err(OutError)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, OutError> {
        Err(OutError)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, OutError> {
        Err(OutError)
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, OutError> {
        Err(OutError)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, OutError> {
        Err(OutError)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, OutError> {
        Err(OutError)
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, OutError> {
        Err(OutError)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, OutError> {
        Err(OutError)
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, v: &T) -> Res {
        self.0.push('"');
        write!(Escaping(self.0), "{v}").map_err(|_| OutError)?;
        self.0.push('"');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    fn same<T: Serialize + ?Sized>(v: &T) {
        assert_eq!(to_string(v).unwrap(), serde_json::to_string(v).unwrap());
    }

    #[derive(Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(u8, &'static str),
        Struct { a: Option<i64> },
    }

    #[derive(Serialize)]
    struct S<'a> {
        text: &'a str,
        owned: String,
        n: u16,
        neg: i32,
        none: Option<bool>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        empty: Vec<u8>,
        list: Vec<E>,
        unit: (),
        tuple: (u8, char),
        bytes: &'a [u8],
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
    fn writes_what_serde_json_writes() {
        let mut all_bytes = String::new();
        for c in (0u32..0x80).chain([0xe9, 0x4e2d, 0x2028, 0x1f600]) {
            all_bytes.push(char::from_u32(c).unwrap());
        }
        for text in [
            "",
            "a",
            "政务信息化项目",
            "quote \" and \\ and / and \u{7f}",
            "0123456789abcdef\"0123456789abcdef\\",
            &all_bytes,
        ] {
            same(text);
            same(&S {
                text,
                owned: text.to_string(),
                n: 65535,
                neg: -12,
                none: None,
                empty: Vec::new(),
                list: vec![
                    E::Unit,
                    E::New(3),
                    E::Tuple(1, "t\n"),
                    E::Struct { a: Some(-1) },
                    E::Struct { a: None },
                ],
                unit: (),
                tuple: (0, '"'),
                bytes: b"ab",
            });
        }
        let mut m = BTreeMap::new();
        m.insert("k\"ey", vec![Some(1u64), None]);
        m.insert("政务", vec![]);
        same(&m);
        let mut m = BTreeMap::new();
        m.insert(7u8, true);
        same(&m);
        let v: serde_json::Value =
            serde_json::from_str(r#"{"b":[1,2.5,-0.0,"x\u0001"],"a":{"c":null},"e":1e300}"#)
                .unwrap();
        same(&v);
        same(&crate::date::Date::ymd(2026, 6, 5));
        same(&crate::money::Money::parse("1280.500").unwrap());
    }

    #[test]
    fn map_keys_json_cannot_take_are_errors() {
        let mut m = BTreeMap::new();
        m.insert(vec![1u8], 1u8);
        assert!(to_string(&m).is_none());
        assert!(serde_json::to_string(&m).is_err());
    }
}
