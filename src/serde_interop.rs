//! serde interop: the inputs and the answers as serde types, with the contract's exact
//! semantics, so a Rust server takes `Json<Application>` and answers `Json<Verdict>`.
//!
//! **Inputs** (`Application`, `ChangeRequest`, `CostInput`, `CostsInput`,
//! `ProjectClassInput`) deserialize by writing whatever the deserializer yields back as
//! JSON text (a number by its text: integers exactly, floats by their shortest decimal
//! form, as JS writes them; NaN and ±Infinity as the strings `"NaN"`, `"Infinity"`) and
//! running the crate's own reader on it. So money is exact, absent differs from false,
//! `null` is absent, unknown keys are ignored, and an input is refused with the very
//! [`Error`] (code and JSON Pointer) the CLI and the npm package give; its message reads
//! `<code> at "<pointer>": <message>`. The size limits apply to that text. They
//! serialize to the contract's JSON, which reads back to an equal value (an input holding a
//! value it could not read — an `invalid` finding, contract §8 — refuses to serialize).
//!
//! **Answers** (`Verdict`, `ChangeVerdict`, `CostDecision`, `CostsDecision`,
//! `ProjectClass`) serialize to the exact bytes of every other surface (through
//! `serde_json` too) and deserialize from them; [`Error`] deserializes from an error
//! object as an [`Error::Reported`]. The answers hold the names of rules, articles,
//! titles and authorities as `&'static str`: a deserialized name is shared with the
//! library's own copy when it has one (every rule id, article and title of the catalog)
//! and otherwise stored once for the life of the process, at most
//! [`crate::MAX_INTERNED_BYTES`] in all; a name past that is refused.

use crate::error::{Error, Reason};
use crate::evaluate::{failed, CheckError, INPUT_LOCALE};
use crate::input::locale_of;
use crate::json::{self, Failure, Json, Mode};
use crate::locale::Locale;
use crate::money::Money;
use crate::names::{names, opt_name, Name};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

// ---------------------------------------------------------------------------------------
// Inputs: whatever the deserializer yields, as JSON text, read by the crate's reader.
// ---------------------------------------------------------------------------------------

/// Deepest nesting written: past the reader's limit, so that it reports `too_large` at
/// the very place it does for the original text; deeper values are skipped.
const MAX_WRITTEN_DEPTH: usize = crate::limits::MAX_DEPTH + 4;

/// Writes the value a deserializer yields as JSON text.
struct Text<'a> {
    out: &'a mut String,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Text<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Text<'_> {
    fn nested(&mut self) -> Text<'_> {
        Text {
            out: self.out,
            depth: self.depth + 1,
        }
    }

    /// Whether the text is long enough already: past the input limit the reader refuses
    /// it (`too_large`) whatever follows, so the rest is skipped.
    fn full(&self) -> bool {
        self.out.len() > crate::limits::MAX_INPUT_BYTES
    }
}

impl<'de> Visitor<'de> for Text<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.visit_i128(v.into())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.visit_u128(v.into())
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<(), E> {
        self.out.push_str(&v.to_string());
        Ok(())
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<(), E> {
        self.out.push_str(&v.to_string());
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        if v.is_finite() {
            // Rust writes a float by its shortest decimal text (0.1 is "0.1"), as JS does.
            self.out.push_str(&v.to_string());
        } else {
            // Spelled out, as the npm package does: refused at its field (non-finite).
            let name = if v.is_nan() {
                "NaN"
            } else if v.is_sign_negative() {
                "-Infinity"
            } else {
                "Infinity"
            };
            crate::json_out::push_str_literal(self.out, name);
        }
        Ok(())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        crate::json_out::push_str_literal(self.out, v);
        Ok(())
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<(), E> {
        Err(E::custom("bytes are not a JSON value"))
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.out.push_str("null");
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        if self.depth > MAX_WRITTEN_DEPTH || self.full() {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            self.out.push_str("[]");
            return Ok(());
        }
        self.out.push('[');
        let mut first = true;
        loop {
            if !first {
                self.out.push(',');
            }
            if seq.next_element_seed(self.nested())?.is_none() {
                if !first {
                    self.out.pop();
                }
                break;
            }
            first = false;
            if self.full() {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                break;
            }
        }
        self.out.push(']');
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        if self.depth > MAX_WRITTEN_DEPTH || self.full() {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            self.out.push_str("{}");
            return Ok(());
        }
        self.out.push('{');
        let mut first = true;
        while let Some(key) = map.next_key::<Key>()? {
            if !first {
                self.out.push(',');
            }
            first = false;
            crate::json_out::push_str_literal(self.out, &key.0);
            self.out.push(':');
            map.next_value_seed(self.nested())?;
            if self.full() {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                break;
            }
        }
        self.out.push('}');
        Ok(())
    }
}

/// An object key: a string (or, from formats that have them, a number or a bool, by its
/// text).
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
                Ok(Key(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key, E> {
                Ok(Key(v))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// The value `d` yields, as JSON text.
fn json_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let mut out = String::new();
    Text {
        out: &mut out,
        depth: 0,
    }
    .deserialize(d)?;
    Ok(out)
}

/// Reads `text` with `read` (given the input and its locale); an error keeps the locale
/// its message is in (the input's, when the text names a readable one before the place
/// where reading failed).
pub(crate) fn read_text<T>(
    text: &str,
    read: impl FnOnce(Json<'_>, Locale) -> Result<T, Error>,
) -> Result<T, CheckError> {
    json::read_text(text, Mode::INPUT, |v| read_value(v, read)).map_err(CheckError::from)
}

/// [`read_text`] on bytes as the CLI reads a file: a leading UTF-8 byte-order mark is
/// skipped, bytes that are not UTF-8 are `invalid_json` at the first bad byte.
pub(crate) fn read_bytes<T>(
    bytes: &[u8],
    read: impl FnOnce(Json<'_>, Locale) -> Result<T, Error>,
) -> Result<T, CheckError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    json::read_bytes(bytes, Mode::INPUT, |v| read_value(v, read)).map_err(CheckError::from)
}

fn read_value<T>(
    v: Result<Json<'_>, Failure<'_>>,
    read: impl FnOnce(Json<'_>, Locale) -> Result<T, Error>,
) -> Result<T, (Error, Locale)> {
    let v = v.map_err(|f| failed(f, INPUT_LOCALE))?;
    let locale = locale_of(v).map_err(|e| (e, Locale::Zh))?;
    read(v, locale).map_err(|e| (e, locale))
}

/// What the serde readers of the inputs share: JSON text, then the crate's reader.
fn read_input<'de, D: Deserializer<'de>, T>(
    d: D,
    read: impl FnOnce(Json<'_>, Locale) -> Result<T, Error>,
) -> Result<T, D::Error> {
    let text = json_text(d)?;
    read_text(&text, read).map_err(de::Error::custom)
}

/// The input of a check (contract §2–§4), read from JSON exactly as every surface reads
/// it: [`Application`](crate::Application), [`ChangeRequest`](crate::ChangeRequest),
/// [`CostInput`](crate::CostInput), [`CostsInput`](crate::CostsInput),
/// [`ProjectClassInput`](crate::ProjectClassInput). What a server reads a request body
/// with (the `govit-check-axum` extractor does).
pub trait CheckInput: Sized {
    /// The check that takes it (`"eligibility"`, `"change"`, …).
    const CHECK: &'static str;

    /// Reads the input from a JSON value with the locale its messages use.
    ///
    /// # Errors
    /// The input error, as [`crate::evaluate_checked`] gives it for the same text.
    fn from_value_in(v: Json<'_>, locale: Locale) -> Result<Self, Error>;

    /// Reads the input from the bytes of a request body or a file, as the CLI reads a
    /// file: a leading UTF-8 byte-order mark is skipped, bytes that are not UTF-8 are
    /// `invalid_json` at the first bad byte, a lone surrogate escape (`"\ud800"`, which
    /// JavaScript writes) reads as U+FFFD. (serde_json refuses the last two before a
    /// `Deserialize` impl sees the text: read bodies with this.)
    ///
    /// # Errors
    /// The input error with the input's locale (the code and field every surface gives).
    ///
    /// # Examples
    /// ```
    /// use govit_check::{Application, CheckInput};
    /// let app = Application::from_slice(b"\xEF\xBB\xBF{\"regime\":\"baotou\",\"project\":{\"name\":\"\\ud800\"}}").unwrap();
    /// assert_eq!(app.project.name.as_deref(), Some("\u{FFFD}"));
    /// let e = Application::from_slice(br#"{"locale":"en","regime":"beijing"}"#).unwrap_err();
    /// assert_eq!((e.code(), e.field()), ("unknown_regime", "/regime"));
    /// assert!(e.message().starts_with("Unknown regime"), "{}", e.message());
    /// ```
    fn from_slice(bytes: &[u8]) -> Result<Self, CheckError> {
        read_bytes(bytes, Self::from_value_in)
    }
}

macro_rules! deserialize_input {
    ($($T:ty, $check:literal => $read:expr;)*) => {$(
        impl CheckInput for $T {
            const CHECK: &'static str = $check;
            fn from_value_in(v: Json<'_>, locale: Locale) -> Result<$T, Error> {
                ($read)(v, locale)
            }
        }

        impl<'de> Deserialize<'de> for $T {
            /// Reads the input as its JSON text (see the module `interop`): the
            /// contract's semantics, the crate's errors and pointers.
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$T, D::Error> {
                read_input(d, $read)
            }
        }
    )*};
}

deserialize_input! {
    crate::Application, "eligibility" => |v, _| crate::Application::from_value(v);
    crate::ChangeRequest, "change" => crate::ChangeRequest::from_value;
    crate::CostInput, "cost" => crate::CostInput::from_value;
    crate::CostsInput, "costs" => crate::CostsInput::from_value;
    crate::ProjectClassInput, "project_class" => crate::ProjectClassInput::from_value;
}

impl crate::Application {
    /// Reads an application from JSON text (contract §2, §8), `locale` included: an
    /// error's message is in the input's language.
    ///
    /// A present value of a known field that has the wrong type or is out of range does
    /// not fail the reading: it is kept in [`Application::invalid`](crate::Application)
    /// (reported as an `invalid` finding) and counts as absent.
    ///
    /// # Errors
    /// A [`CheckError`] when the input cannot be checked at all: the text is not JSON, the
    /// input is not an object, `regime` is absent or unknown, `locale` is bad, or a size
    /// limit is passed (`too_large`).
    ///
    /// # Examples
    /// ```
    /// let e = govit_check::Application::from_json(r#"{"regime":"beijing","locale":"en"}"#)
    ///     .unwrap_err();
    /// assert_eq!((e.code(), e.field()), ("unknown_regime", "/regime"));
    /// assert!(e.message().starts_with("Unknown regime"), "{}", e.message());
    /// ```
    pub fn from_json(text: &str) -> Result<crate::Application, CheckError> {
        read_text(text, <Self as CheckInput>::from_value_in)
    }
}

impl crate::ChangeRequest {
    /// Reads a request from JSON text, `locale` included (an error's message is in it).
    ///
    /// # Errors
    /// As [`ChangeRequest::from_value`](crate::ChangeRequest::from_value), plus
    /// `invalid_json`.
    pub fn from_json(text: &str) -> Result<crate::ChangeRequest, CheckError> {
        read_text(text, <Self as CheckInput>::from_value_in)
    }
}

/// Writes an answer (a [`crate::Verdict`], a [`crate::CostDecision`], any of the
/// library's answers) as compact JSON: the very bytes every surface writes, in the
/// types' order — byte for byte what `serde_json::to_string` writes, whatever features
/// the host's serde_json has. (`null` for a value that refuses to serialize, which the
/// answers never do.)
///
/// # Examples
/// ```
/// let v = govit_check::check_eligibility(&govit_check::Application::new(govit_check::Regime::BAOTOU));
/// assert!(govit_check::to_json(&v).starts_with(r#"{"check":"eligibility","regime":"baotou","#));
/// ```
pub fn to_json<T: Serialize>(answer: &T) -> String {
    crate::evaluate::to_json(answer)
}

// ---------------------------------------------------------------------------------------
// Answers: names held as `&'static str`, vocabularies, dates, money, errors.
// ---------------------------------------------------------------------------------------

/// Every error `code` of contract §6, in its order.
pub const ERROR_CODES: [&str; 8] = [
    "invalid_json",
    "invalid_type",
    "invalid_value",
    "required",
    "unknown_regime",
    "unknown_item",
    "ambiguous_item",
    "too_large",
];

impl<'de> Deserialize<'de> for crate::Regime {
    /// A regime id of the registry (`"baotou"`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<crate::Regime, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = crate::Regime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a regime id")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<crate::Regime, E> {
                crate::Regime::from_name(v).ok_or_else(|| {
                    let ids: Vec<&str> = crate::Regime::ALL.iter().map(|r| r.name()).collect();
                    E::custom(format_args!(
                        "unknown regime {v:?}: one of {}",
                        ids.join(", ")
                    ))
                })
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> Deserialize<'de> for crate::Date {
    /// A `YYYY-MM-DD` calendar date.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<crate::Date, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = crate::Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<crate::Date, E> {
                crate::Date::parse(v).ok_or_else(|| E::custom(Reason::Date.text(false)))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> Deserialize<'de> for Money {
    /// An amount in 万元 as the contract reads it: a decimal string, or a number by its
    /// shortest decimal text; non-negative, at most six places, at most 1e12.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        let text = json_text(d)?;
        let reason = match json::parse(&text) {
            Ok(doc) => match crate::input::opt_money(doc.root(), &crate::input::Ptr::ROOT) {
                Ok(Some(m)) => return Ok(m),
                Ok(None) => return Err(de::Error::custom("an amount, not null")),
                Err(e) => e.message(Locale::En),
            },
            Err(e) => e.message(Locale::En),
        };
        Err(de::Error::custom(reason))
    }
}

impl<'de> Deserialize<'de> for Error {
    /// An error object's body, `{"code", "field", "message", …}` (contract §6), as an
    /// [`Error::Reported`] that writes back the same JSON.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Error, D::Error> {
        #[derive(Deserialize)]
        struct Body {
            code: String,
            field: String,
            message: String,
            #[serde(default, deserialize_with = "opt_names")]
            suggestions: Option<Vec<&'static str>>,
            #[serde(default)]
            candidates: Option<Vec<CandidateWire>>,
            #[serde(default, deserialize_with = "opt_name")]
            ruleset_id: Option<Name>,
        }
        #[derive(Deserialize)]
        struct CandidateWire {
            #[serde(deserialize_with = "crate::names::name")]
            item: Name,
            #[serde(deserialize_with = "crate::names::name")]
            label: Name,
            #[serde(deserialize_with = "crate::names::name")]
            treatment: Name,
        }
        fn opt_names<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<Vec<&'static str>>, D::Error> {
            names(d).map(Some)
        }
        let b = Body::deserialize(d)?;
        let code = ERROR_CODES
            .iter()
            .find(|c| **c == b.code)
            .ok_or_else(|| de::Error::unknown_variant(&b.code, &ERROR_CODES))?;
        Ok(Error::Reported {
            code,
            field: b.field,
            message: b.message,
            suggestions: b.suggestions,
            candidates: b.candidates.map(|list| {
                Box::new(
                    list.into_iter()
                        .map(|c| crate::error::Candidate {
                            item: c.item,
                            label: c.label,
                            treatment: c.treatment,
                        })
                        .collect(),
                )
            }),
            ruleset_id: b.ruleset_id,
        })
    }
}

impl<'de> Deserialize<'de> for crate::ChangeVerdict {
    /// The change verdict as written. A margin's `kind` and `measures`, which the JSON
    /// does not carry, are the reading of its limit that gives the written headroom from
    /// the written figures (a ratio of the adjustment or of the new content; an amount
    /// on the new content, the total after or the adjustment), tried in that order; a
    /// margin that no reading gives is refused.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<crate::ChangeVerdict, D::Error> {
        use crate::{Margin, Measure};
        use rust_decimal::Decimal;
        #[derive(Deserialize)]
        struct Wire {
            #[serde(deserialize_with = "crate::names::name")]
            check: Name,
            regime: crate::Regime,
            as_of: Option<crate::Date>,
            outcome: crate::ChangeOutcome,
            #[serde(deserialize_with = "crate::names::names")]
            authorities: Vec<Name>,
            figures: crate::Figures,
            margins: Vec<MarginWire>,
            findings: Vec<crate::Finding>,
            deadline: Option<crate::Date>,
            regulation: crate::Regulation,
            #[serde(deserialize_with = "crate::names::name")]
            ruleset: Name,
            #[serde(deserialize_with = "crate::names::name")]
            ruleset_id: Name,
        }
        #[derive(Deserialize)]
        struct MarginWire {
            #[serde(deserialize_with = "crate::names::name")]
            rule: Name,
            limit: Option<Decimal>,
            headroom: Option<Decimal>,
        }
        let w = Wire::deserialize(d)?;
        let margins = w
            .margins
            .into_iter()
            .map(|m| {
                let f = &w.figures;
                // A ratio limit is a percent (never null); an amount limit may be null
                // (the approved total could not be read, contract §8).
                let ratio = |measure| m.limit.map(|l| Margin::ratio(m.rule, l, f, measure));
                let amount = |measure| Some(Margin::amount(m.rule, m.limit, f, measure));
                let readings = [
                    ratio(Measure::Adjustment),
                    ratio(Measure::NewContent),
                    amount(Measure::NewContent),
                    amount(Measure::TotalAfter),
                    amount(Measure::Adjustment),
                    ratio(Measure::TotalAfter),
                ];
                readings
                    .into_iter()
                    .flatten()
                    .find(|r| r.headroom == m.headroom)
                    .ok_or_else(|| {
                        de::Error::custom(format_args!(
                            "margin {}: no reading of limit {:?} gives headroom {:?}",
                            m.rule, m.limit, m.headroom
                        ))
                    })
            })
            .collect::<Result<Vec<_>, D::Error>>()?;
        Ok(crate::ChangeVerdict {
            check: w.check,
            regime: w.regime,
            as_of: w.as_of,
            outcome: w.outcome,
            authorities: w.authorities,
            figures: w.figures,
            margins,
            findings: w.findings,
            deadline: w.deadline,
            regulation: w.regulation,
            ruleset: w.ruleset,
            ruleset_id: w.ruleset_id,
        })
    }
}

impl<'de> Deserialize<'de> for crate::CostLine {
    /// A decision, or `{"error": {...}}` in the line's place.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<crate::CostLine, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Line {
            Invalid { error: Error },
            Classified(Box<crate::CostDecision>),
        }
        Ok(match Line::deserialize(d)? {
            Line::Invalid { error } => crate::CostLine::Invalid {
                error,
                locale: Locale::Zh,
            },
            Line::Classified(c) => crate::CostLine::Classified(*c),
        })
    }
}

// ---------------------------------------------------------------------------------------
// Inputs, written: the contract's JSON, which the reader reads back to an equal value.
// ---------------------------------------------------------------------------------------

/// Writes `key: value` when there is a value.
fn put<M: SerializeMap, T: Serialize + ?Sized>(
    m: &mut M,
    key: &'static str,
    value: Option<&T>,
) -> Result<(), M::Error> {
    match value {
        Some(v) => m.serialize_entry(key, v),
        None => Ok(()),
    }
}

/// Writes `key: true` for a flag that reads as false when absent.
fn flag<M: SerializeMap>(m: &mut M, key: &'static str, value: bool) -> Result<(), M::Error> {
    put(m, key, value.then_some(&true))
}

/// `locale` unless it is the default.
fn locale<M: SerializeMap>(m: &mut M, locale: Locale) -> Result<(), M::Error> {
    put(m, "locale", (locale != Locale::Zh).then(|| locale.tag()))
}

/// A decimal as the contract writes amounts and years: its plain text.
struct Dec(rust_decimal::Decimal);

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::money::serialize_decimal(&self.0, s)
    }
}

/// The names of a vocabulary's values for which `has` holds, in the contract's order.
struct Names<T: 'static>(&'static [T], Box<dyn Fn(T) -> bool>, fn(T) -> &'static str);

impl<T: Copy> Serialize for Names<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for &v in self.0.iter().filter(|v| (self.1)(**v)) {
            seq.serialize_element((self.2)(v))?;
        }
        seq.end()
    }
}

/// An input holding a value that could not be read (contract §8, `invalid`) has no JSON
/// to write: writing the rest would read back as a different input.
fn refuse_invalid<E: serde::ser::Error>(invalid: &[crate::error::Error]) -> Result<(), E> {
    match invalid.first() {
        Some(e) => Err(E::custom(format_args!(
            "the value at {} could not be read: it has no JSON to write",
            e.field()
        ))),
        None => Ok(()),
    }
}

impl Serialize for crate::Application {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        refuse_invalid(&self.invalid)?;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("regime", &self.regime)?;
        put(&mut m, "as_of", self.as_of.as_ref())?;
        locale(&mut m, self.locale)?;
        m.serialize_entry("project", &ProjectOut(&self.project))?;
        m.serialize_entry("facts", &FactsOut(&self.facts))?;
        m.end()
    }
}

struct ProjectOut<'a>(&'a crate::Project);

impl Serialize for ProjectOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let i = &p.investment;
        let mut m = s.serialize_map(None)?;
        put(&mut m, "name", p.name.as_ref())?;
        put(&mut m, "kind", p.kind.as_ref())?;
        put(&mut m, "category", p.category.as_ref())?;
        flag(&mut m, "classified", p.classified)?;
        put(&mut m, "unit_level", p.unit_level.as_ref())?;
        m.serialize_entry("investment", &InvestmentOut(i))?;
        if let Some(set) = p.funding {
            m.serialize_entry(
                "funding",
                &Names(
                    crate::Funding::ALL,
                    Box::new(move |f| set.contains(f)),
                    |f| f.name(),
                ),
            )?;
        }
        put(&mut m, "budget_year", p.budget_year.as_ref())?;
        put(&mut m, "service_years", p.service_years.map(Dec).as_ref())?;
        put(
            &mut m,
            "free_maintenance_years",
            p.free_maintenance_years.map(Dec).as_ref(),
        )?;
        put(
            &mut m,
            "includes_construction",
            p.includes_construction.as_ref(),
        )?;
        put(
            &mut m,
            "main_function_changed",
            p.main_function_changed.as_ref(),
        )?;
        flag(
            &mut m,
            "hardware_replacement_only",
            p.hardware_replacement_only,
        )?;
        flag(&mut m, "emergency", p.emergency)?;
        flag(&mut m, "civil_works", p.civil_works)?;
        flag(&mut m, "routine_purchase", p.routine_purchase)?;
        put(&mut m, "contract_signed_on", p.contract_signed_on.as_ref())?;
        put(
            &mut m,
            "tender_completed_on",
            p.tender_completed_on.as_ref(),
        )?;
        m.end()
    }
}

struct InvestmentOut<'a>(&'a crate::Investment);

impl Serialize for InvestmentOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let i = self.0;
        let mut m = s.serialize_map(None)?;
        put(&mut m, "total", i.total.as_ref())?;
        put(&mut m, "engineering", i.engineering.as_ref())?;
        put(&mut m, "equipment", i.equipment.as_ref())?;
        put(&mut m, "contingency", i.contingency.as_ref())?;
        m.end()
    }
}

struct FactsOut<'a>(&'a crate::Facts);

impl Serialize for FactsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let facts = self.0;
        let mut m = s.serialize_map(None)?;
        for &fact in crate::Fact::ALL {
            put(&mut m, fact.name(), facts.get(fact).as_ref())?;
        }
        if let Some(set) = facts.design_chapters {
            m.serialize_entry(
                "design_chapters",
                &Names(
                    crate::Chapter::ALL,
                    Box::new(move |c| set.contains(c)),
                    |c| c.name(),
                ),
            )?;
        }
        m.end()
    }
}

impl Serialize for crate::ChangeRequest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        refuse_invalid(&self.invalid)?;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("regime", &self.regime)?;
        put(&mut m, "as_of", self.as_of.as_ref())?;
        put(&mut m, "changed_on", self.changed_on.as_ref())?;
        m.serialize_entry("approved_total", &self.approved_total)?;
        put(&mut m, "goal_changed", self.goal_changed.as_ref())?;
        put(&mut m, "content_changed", self.content_changed.as_ref())?;
        put(&mut m, "reason", self.reason.as_ref())?;
        put(&mut m, "budget_year", self.budget_year.as_ref())?;
        m.serialize_entry("items", &ItemsOut(&self.items))?;
        locale(&mut m, self.locale)?;
        m.end()
    }
}

struct ItemsOut<'a>(&'a [crate::ChangeItem]);

impl Serialize for ItemsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(&ItemOut(item))?;
        }
        seq.end()
    }
}

struct ItemOut<'a>(&'a crate::ChangeItem);

impl Serialize for ItemOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let it = self.0;
        let mut m = s.serialize_map(None)?;
        put(&mut m, "name", it.name.as_ref())?;
        m.serialize_entry("approved", &it.approved)?;
        m.serialize_entry("proposed", &it.proposed)?;
        flag(&mut m, "new", it.new)?;
        flag(&mut m, "tender_savings", it.tender_savings)?;
        m.end()
    }
}

/// The keys of one budget line (a whole `cost` input adds its `locale`).
fn cost_line<M: SerializeMap>(m: &mut M, line: &crate::CostInput) -> Result<(), M::Error> {
    put(m, "regime", line.regime.as_ref())?;
    m.serialize_entry("item", &line.item)?;
    put(m, "amount", line.amount.as_ref())?;
    m.serialize_entry("conditions", &ConditionsOut(&line.conditions))
}

struct ConditionsOut<'a>(&'a crate::Conditions);

impl Serialize for ConditionsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for (name, answer) in self.0.iter() {
            m.serialize_entry(name, &answer)?;
        }
        m.end()
    }
}

impl Serialize for crate::CostInput {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        cost_line(&mut m, self)?;
        locale(&mut m, self.locale)?;
        m.end()
    }
}

impl Serialize for crate::CostsInput {
    /// # Errors
    /// A line that could not be read (an `Err` line) has no JSON to write.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Line<'a>(&'a crate::CostInput);
        impl Serialize for Line<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(None)?;
                cost_line(&mut m, self.0)?;
                m.end()
            }
        }
        struct Lines<'a>(&'a [Result<crate::CostInput, crate::BadLine>]);
        impl Serialize for Lines<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.len()))?;
                for line in self.0 {
                    match line {
                        Ok(line) => seq.serialize_element(&Line(line))?,
                        Err(e) => {
                            return Err(S::Error::custom(format_args!(
                                "the line at {} could not be read: it has no JSON to write",
                                e.error.field()
                            )))
                        }
                    }
                }
                seq.end()
            }
        }
        let mut m = s.serialize_map(None)?;
        put(&mut m, "regime", self.regime.as_ref())?;
        m.serialize_entry("items", &Lines(&self.items))?;
        locale(&mut m, self.locale)?;
        m.end()
    }
}

impl Serialize for crate::ProjectClassInput {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        put(&mut m, "regime", self.regime.as_ref())?;
        m.serialize_entry("kind", &self.kind)?;
        put(
            &mut m,
            "main_function_changed",
            self.main_function_changed.as_ref(),
        )?;
        flag(
            &mut m,
            "hardware_replacement_only",
            self.hardware_replacement_only,
        )?;
        put(&mut m, "amount", self.amount.as_ref())?;
        locale(&mut m, self.locale)?;
        m.end()
    }
}
