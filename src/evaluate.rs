//! One entry point for every check, by name: what the CLI's batch lines, the Wasm
//! package's `evaluate` and `evaluate_json` share.

use crate::checks::change::check_change;
use crate::checks::cost::{classify_cost, classify_costs, CostInput, CostsInput};
use crate::checks::project_class::{classify_project, ProjectClassInput};
use crate::error::{Error, Expected, Reason};
use crate::input::{locale_of, regime_of, Ptr};
use crate::json::{self, Failure, Json, Mode, View};
use crate::locale::Locale;
use crate::messages::ErrorBody;
use crate::model::change::ChangeRequest;
use crate::model::{Application, Regime};
use serde::Serialize;
use std::fmt;

/// An input error with the locale its message is written in: what
/// [`crate::evaluate_checked`] and the other entry points by check name return, and what
/// the serde readers report. A [`std::error::Error`] whose `source` is the [`Error`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckError {
    /// The error (`code()`, `field()`, `message(locale)`).
    pub error: Error,
    /// The language of its message (the input's `locale`, else Chinese).
    pub locale: Locale,
}

impl CheckError {
    /// The error's `code` (contract §6).
    pub fn code(&self) -> &'static str {
        self.error.code()
    }

    /// The error's `field`: the JSON Pointer of the value at fault.
    pub fn field(&self) -> &str {
        self.error.field()
    }

    /// The error object `{"error": {...}}` as JSON text (contract §6), as every surface
    /// writes it.
    pub fn to_json(&self) -> String {
        error_json(&self.error, self.locale)
    }

    /// The message in the error's locale.
    pub fn message(&self) -> String {
        self.error.message(self.locale)
    }
}

impl From<(Error, Locale)> for CheckError {
    fn from((error, locale): (Error, Locale)) -> CheckError {
        CheckError { error, locale }
    }
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at \"{}\": {}",
            self.error.code(),
            self.error.field(),
            self.message()
        )
    }
}

impl std::error::Error for CheckError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// The checks and helper calls, by their `check` name.
pub const CHECKS: &[&str] = &[
    "eligibility",
    "cost",
    "costs",
    "project_class",
    "change",
    "form",
    "regimes",
    "rules",
    "version",
];

/// Serializes an output (infallible for the crate's types) as compact JSON, byte for
/// byte what `serde_json::to_string` writes (see `json_out`).
pub(crate) fn to_json<T: Serialize>(v: &T) -> String {
    let mut out = String::new();
    push_json(&mut out, v);
    out
}

/// [`to_json`], appended to `out`.
#[inline]
pub(crate) fn push_json<T: Serialize>(out: &mut String, v: &T) {
    if !crate::json_out::push_value(out, v) {
        out.push_str("null");
    }
}

/// The error object `{"error": {...}}` as JSON text.
pub fn error_json(e: &Error, locale: Locale) -> String {
    #[derive(Serialize)]
    struct Wrap<'e> {
        error: ErrorBody<'e>,
    }
    to_json(&Wrap {
        error: ErrorBody { error: e, locale },
    })
}

/// Runs `check` on a parsed input and returns the verdict as JSON text.
///
/// # Errors
/// The input error, with the locale its message should use.
pub fn run(check: &str, input: Json<'_>) -> Result<String, (Error, Locale)> {
    let mut out = String::new();
    run_into(check, input, &mut out)?;
    Ok(out)
}

/// [`run`], the verdict appended to `out` (left as it was on an error).
fn run_into(check: &str, input: Json<'_>, out: &mut String) -> Result<(), (Error, Locale)> {
    run_into_in(check, input, None, out)
}

/// [`run_into`] where an input without a `locale` (absent or `null`) is answered in
/// `default` when one is given (a batch's `--locale`, revision 3).
fn run_into_in(
    check: &str,
    input: Json<'_>,
    default: Option<Locale>,
    out: &mut String,
) -> Result<(), (Error, Locale)> {
    match run_naming_in(check, input, default, out)? {
        Some(catalog) => catalog.write(out).map_err(|e| (e, catalog.locale)),
        None => Ok(()),
    }
}

/// [`run_into`], except that a catalog request (`rules`, `form`), once read and checked,
/// is returned rather than written.
fn run_naming(
    check: &str,
    input: Json<'_>,
    out: &mut String,
) -> Result<Option<Catalog>, (Error, Locale)> {
    run_naming_in(check, input, None, out)
}

/// [`run_naming`] with a default locale for an input that names none.
fn run_naming_in(
    check: &str,
    input: Json<'_>,
    default: Option<Locale>,
    out: &mut String,
) -> Result<Option<Catalog>, (Error, Locale)> {
    let locale = input_locale(input, default).map_err(|e| (e, default.unwrap_or_default()))?;
    run_in(check, input, locale, out).map_err(|e| (e, locale))
}

/// The input's `locale`, or `default` (else Chinese) when it names none (absent or `null`).
fn input_locale(input: Json<'_>, default: Option<Locale>) -> Result<Locale, Error> {
    match (default, input.get("locale").map(Json::view)) {
        (Some(d), None | Some(View::Null)) => Ok(d),
        _ => locale_of(input),
    }
}

fn run_in(
    check: &str,
    input: Json<'_>,
    locale: Locale,
    out: &mut String,
) -> Result<Option<Catalog>, Error> {
    match check {
        "eligibility" => {
            let mut app = Application::from_value(input)?;
            // The input's own locale, or the caller's default when it names none.
            app.locale = locale;
            let verdict = crate::check_eligibility(&app);
            push_json(out, &verdict);
            Ok(None)
        }
        "cost" => {
            let i = CostInput::from_value(input, locale)?;
            if let Some(reading) = Catalog::unread(i.regime, locale) {
                return Ok(Some(reading));
            }
            push_json(out, &classify_cost(&i)?);
            Ok(None)
        }
        "costs" => {
            let i = CostsInput::from_value(input, locale)?;
            if let Some(reading) = Catalog::unread(i.regime, locale) {
                return Ok(Some(reading));
            }
            push_json(out, &classify_costs(&i)?);
            Ok(None)
        }
        "project_class" => {
            let i = ProjectClassInput::from_value(input, locale)?;
            push_json(out, &classify_project(&i)?);
            Ok(None)
        }
        "change" => {
            push_json(
                out,
                &check_change(&ChangeRequest::from_value(input, locale)?)?,
            );
            Ok(None)
        }
        "regimes" => {
            let root = Ptr::ROOT;
            let m = crate::input::object(input, &root)?;
            let mut as_of = None;
            crate::input::members(m, &root, |k, v, at| {
                if k == "as_of" {
                    as_of = crate::input::opt_date(v, at)?;
                }
                Ok(())
            })?;
            push_json(
                out,
                &RegimesAnswer {
                    check: "regimes",
                    as_of,
                    regimes: crate::checks::catalog::regimes(as_of),
                    ruleset: crate::RULESET,
                    ruleset_id: crate::RULESET_ID,
                },
            );
            Ok(None)
        }
        "rules" | "form" => {
            let root = Ptr::ROOT;
            crate::input::object(input, &root)?;
            let regime = regime_of(input.get("regime"), &root.key("regime"))?;
            let check = if check == "rules" { "rules" } else { "form" };
            Ok(Some(Catalog {
                check,
                regime,
                locale,
            }))
        }
        "version" => {
            crate::input::object(input, &Ptr::ROOT)?;
            push_json(
                out,
                &VersionAnswer {
                    check: "version",
                    ruleset: crate::RULESET,
                    ruleset_id: crate::RULESET_ID,
                },
            );
            Ok(None)
        }
        _ => Err(unknown_check()),
    }
}

/// The answer of `regimes`.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct RegimesAnswer {
    #[cfg_attr(feature = "schema", schemars(extend("const" = "regimes")))]
    check: &'static str,
    as_of: Option<crate::date::Date>,
    regimes: Vec<crate::checks::catalog::RegimeInfo>,
    ruleset: &'static str,
    #[cfg_attr(feature = "schema", schemars(with = "crate::shape::RulesetId"))]
    ruleset_id: &'static str,
}

/// The answer of `rules`.
#[cfg(feature = "catalog")]
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct RulesAnswer {
    #[cfg_attr(feature = "schema", schemars(extend("const" = "rules")))]
    check: &'static str,
    regime: Regime,
    rules: Vec<crate::rules::RuleInfo>,
    ruleset: &'static str,
    #[cfg_attr(feature = "schema", schemars(with = "crate::shape::RulesetId"))]
    ruleset_id: &'static str,
}

/// The answer of `version`.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct VersionAnswer {
    #[cfg_attr(feature = "schema", schemars(extend("const" = "version")))]
    check: &'static str,
    ruleset: &'static str,
    #[cfg_attr(feature = "schema", schemars(with = "crate::shape::RulesetId"))]
    ruleset_id: &'static str,
}

/// A catalog a request asks for — the `rules` or the `form` of one regime, in one locale
/// — read and checked. With the `catalog` feature the library writes it
/// ([`Catalog::to_json`]); the npm package, whose WebAssembly build leaves the catalogs
/// out, ships each as an asset written by the full library ([`Catalog::name`]) and
/// answers from it what [`evaluate_answer`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Catalog {
    /// `"rules"` or `"form"`.
    pub check: &'static str,
    /// The regime.
    pub regime: Regime,
    /// The language of its texts.
    pub locale: Locale,
}

impl Catalog {
    /// Every catalog: for each regime of the registry, its `rules` and its `form`, each in
    /// every locale.
    pub fn all() -> impl Iterator<Item = Catalog> {
        Regime::ALL.iter().flat_map(|&regime| {
            ["rules", "form"].into_iter().flat_map(move |check| {
                Locale::ALL.into_iter().map(move |locale| Catalog {
                    check,
                    regime,
                    locale,
                })
            })
        })
    }

    /// Its name, `<check>.<regime>.<locale tag>` (`rules.baotou.en`, `form.wulong.zh-CN`):
    /// the npm package's asset `web/catalog/<name>.js`. A fee table's reading data is
    /// `reading.<regime>`.
    pub fn name(&self) -> String {
        if self.check == "reading" {
            return ["reading", self.regime.name()].join(".");
        }
        [self.check, self.regime.name(), self.locale.tag()].join(".")
    }

    /// The reading data of every regulation with a fee table (`reading.<regime>`): the
    /// text a build without the `catalog` feature is given by [`load_reading`].
    pub fn readings() -> impl Iterator<Item = Catalog> {
        Regime::ALL
            .iter()
            .filter(|&&r| crate::regimes::fee_table(r).is_some())
            .map(|&regime| Catalog {
                check: "reading",
                regime,
                locale: Locale::Zh,
            })
    }

    /// The asset's text: a catalog's JSON text; a fee table's reading data as the library
    /// holds it.
    #[cfg(feature = "catalog")]
    pub fn text(&self) -> String {
        match crate::regimes::fee_table(self.regime) {
            Some(t) if self.check == "reading" => t.reading.get().to_string(),
            _ => self.to_json(),
        }
    }

    /// The reading data a `cost` or `costs` check under `regime` still needs before it
    /// can answer: only in a build without the `catalog` feature, until [`load_reading`]
    /// gives it (the evaluation then names it, as it names a catalog).
    fn unread(regime: Option<Regime>, locale: Locale) -> Option<Catalog> {
        let regime = regime.unwrap_or(crate::regimes::DEFAULT_FEE_REGIME);
        let table = crate::regimes::fee_table(regime)?;
        table.lexicon().is_none().then_some(Catalog {
            check: "reading",
            regime,
            locale,
        })
    }

    /// The answer as JSON text: what `evaluate_str(check, {"regime", "locale"})` and the
    /// CLI (`govit-check rules|form REGIME --locale L`) write.
    #[cfg(feature = "catalog")]
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.push_json(&mut out);
        out
    }

    /// [`Catalog::to_json`], appended to `out`.
    #[cfg(feature = "catalog")]
    fn push_json(&self, out: &mut String) {
        if self.check == "form" {
            push_json(out, &crate::form::form(self.regime, self.locale));
            return;
        }
        push_json(
            out,
            &RulesAnswer {
                check: "rules",
                regime: self.regime,
                rules: crate::checks::catalog::rules(self.regime, self.locale),
                ruleset: crate::RULESET,
                ruleset_id: crate::RULESET_ID,
            },
        );
    }

    /// Writes the answer to `out`.
    #[cfg(feature = "catalog")]
    #[allow(
        clippy::unnecessary_wraps,
        reason = "the signature of the build without it"
    )]
    fn write(&self, out: &mut String) -> Result<(), Error> {
        self.push_json(out);
        Ok(())
    }

    /// Without the `catalog` feature there is nothing to write: the text entry points
    /// answer a catalog request with this error (a binding calls [`evaluate_answer`]).
    #[cfg(not(feature = "catalog"))]
    fn write(&self, _out: &mut String) -> Result<(), Error> {
        Err(Error::InvalidValue {
            field: "/check".into(),
            reason: if self.check == "reading" {
                Reason::Other {
                    zh: "这一构建不含预算明细的识别用语（未启用 catalog 特性），请先调用 load_reading 载入",
                    en: "this build has no reading data for budget lines (it was built without the catalog feature): load it with load_reading first",
                }
            } else {
                Reason::Other {
                    zh: "这一构建不含规则目录和表单（未启用 catalog 特性）",
                    en: "this build has no catalogs (it was built without the catalog feature)",
                }
            },
        })
    }
}

/// Gives the fee table of the reading data `name` (`reading.wulong`, a name
/// [`evaluate_answer`] gave as a [`Catalog`]) its text: what a binding built without the
/// `catalog` feature calls with the package's asset before it asks again.
///
/// # Errors
/// A name of no fee table's reading data, or a text that is not one (said in English).
pub fn load_reading(name: &str, text: &str) -> Result<(), String> {
    let table = name
        .strip_prefix("reading.")
        .and_then(Regime::from_name)
        .and_then(crate::regimes::fee_table)
        .ok_or_else(|| format!("{name} is no fee table's reading data"))?;
    table.load_reading(text).map_err(|e| format!("{name}: {e}"))
}

/// What [`evaluate_answer`] answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The answer as JSON text (a verdict, `regimes`, `version`).
    Text(String),
    /// A catalog request, read and checked: the answer is that catalog.
    Catalog(Catalog),
}

fn unknown_check() -> Error {
    Error::InvalidValue {
        field: "/check".into(),
        reason: Reason::OneOf(CHECKS),
    }
}

/// Runs `check` on JSON text and returns the verdict, or `{"error": {...}}`, as JSON text.
pub fn evaluate_str(check: &str, input: &str) -> String {
    json::read_text(input, Mode::INPUT, |v| answer_text(run_input(check, v)))
}

/// [`evaluate_str`] on bytes that should be UTF-8 JSON text (a file as the CLI reads
/// it): bytes that are not UTF-8 are `invalid_json` at the offset of the first one that
/// is not — never replaced by U+FFFD and read on.
pub fn evaluate_bytes(check: &str, input: &[u8]) -> String {
    json::read_bytes(input, Mode::INPUT, |v| answer_text(run_input(check, v)))
}

/// The verdict text, or the error object's.
fn answer_text(r: Result<String, (Error, Locale)>) -> String {
    r.unwrap_or_else(|(e, l)| error_json(&e, l))
}

/// A read that failed, with the locale its message should use: the input's `locale`
/// (at `path`) when the text holds it, readable, before the place it failed.
pub(crate) fn failed(f: Failure<'_>, path: &[&str]) -> (Error, Locale) {
    let locale = f
        .salvage(path)
        .and_then(|v| match v.view() {
            View::Str(s) => Locale::from_tag(s),
            _ => None,
        })
        .unwrap_or_default();
    (f.error, locale)
}

/// Where the input's `locale` is in an input given alone, and in a request.
pub(crate) const INPUT_LOCALE: &[&str] = &["locale"];
const REQUEST_LOCALE: &[&str] = &["input", "locale"];

/// Runs `check` on JSON text: the verdict as JSON text, or the error with the locale its
/// message should use (what the Wasm binding throws as a JS `Error`).
///
/// # Errors
/// The input error (`invalid_json` for text that is not JSON).
///
/// # Examples
/// ```
/// let e = govit_check::evaluate_checked("eligibility", r#"{"regime":"x"}"#).unwrap_err();
/// assert_eq!((e.error.code(), e.error.field()), ("unknown_regime", "/regime"));
/// assert!(e.to_string().starts_with(r#"unknown_regime at "/regime": "#));
/// ```
pub fn evaluate_checked(check: &str, input: &str) -> Result<String, CheckError> {
    json::read_text(input, Mode::INPUT, |v| run_input(check, v)).map_err(CheckError::from)
}

fn run_input(check: &str, v: Result<Json<'_>, Failure<'_>>) -> Result<String, (Error, Locale)> {
    run(check, v.map_err(|f| failed(f, INPUT_LOCALE))?)
}

/// [`evaluate_checked`] (`check`) or [`request_checked`] (`None`) on text a binding wrote
/// from a value of its host language (the Wasm binding calls nothing else for a check).
/// Besides JSON, such text may hold what JSON cannot carry, written so that the answer is
/// the one the same value would get as JSON text:
///
/// - a number beyond the double range (JS `±Infinity`, `NaN`) as the JSON number `1e400`
///   or `-1e400` — what `JSON.parse` makes `Infinity` of: refused as a non-finite number
///   where a number belongs, as a number where a string belongs;
/// - `?` for a value JSON cannot carry at all (a function, a symbol, a `Map`, an invalid
///   `Date`, a circular reference, a getter or `toJSON` that throws): a value of the wrong
///   type for any field ([`json::View::Foreign`]), ignored under a key no check reads;
/// - nesting deeper than the limit cut to `[]` at the first level over it, where the
///   reader refuses it (`too_large`, at that very pointer), and text longer than the
///   limit cut just past it (`too_large` at `""`).
///
/// # Errors
/// The input error, with the locale its message should use.
///
/// # Examples
/// ```
/// // {item: "camera", amount: NaN} and {name: () => 1} as the package writes them:
/// let e = govit_check::evaluate_stringified(Some("cost"), r#"{"item":"camera","amount":1e400}"#)
///     .unwrap_err();
/// assert_eq!((e.error.code(), e.error.field()), ("invalid_value", "/amount"));
/// let e = govit_check::evaluate_stringified(Some("cost"), r#"{"item":?}"#).unwrap_err();
/// assert_eq!((e.error.code(), e.error.field()), ("invalid_type", "/item"));
/// ```
pub fn evaluate_stringified(check: Option<&str>, text: &str) -> Result<String, CheckError> {
    let mode = Mode {
        request: check.is_none(),
        foreign: true,
    };
    json::read_text(text, mode, |v| match check {
        Some(check) => run_input(check, v),
        None => run_request(v),
    })
    .map_err(CheckError::from)
}

/// [`evaluate_stringified`], except that a catalog request (`rules`, `form`) is answered by
/// naming its catalog, once the request is read and checked exactly as for
/// [`evaluate_stringified`] (the same errors): what the npm package's binding calls, built
/// without the `catalog` feature, whose catalogs are assets ([`Catalog`]).
///
/// # Errors
/// The input error, with the locale its message should use.
///
/// # Examples
/// ```
/// use govit_check::{evaluate_answer, Answer};
/// let a = evaluate_answer(Some("rules"), r#"{"regime":"baotou","locale":"en-GB"}"#).unwrap();
/// let Answer::Catalog(c) = a else { panic!("a catalog") };
/// assert_eq!(c.name(), "rules.baotou.en");
/// let e = evaluate_answer(None, r#"{"check":"form","input":{"regime":"x"}}"#).unwrap_err();
/// assert_eq!(e.error.code(), "unknown_regime");
/// ```
pub fn evaluate_answer(check: Option<&str>, text: &str) -> Result<Answer, CheckError> {
    let mode = Mode {
        request: check.is_none(),
        foreign: true,
    };
    json::read_text(text, mode, |v| {
        let (check, input) = match check {
            Some(check) => (check, v.map_err(|f| failed(f, INPUT_LOCALE))?),
            None => {
                let v = v.map_err(failed_request)?;
                split_request(v).map_err(|e| (e, request_locale(v)))?
            }
        };
        let mut out = String::new();
        Ok::<_, (Error, Locale)>(match run_naming(check, input, &mut out)? {
            Some(catalog) => Answer::Catalog(catalog),
            None => Answer::Text(out),
        })
    })
    .map_err(CheckError::from)
}

/// Runs a request `{"check": "...", "input": {...}}` given as JSON text (a batch line
/// without its id): [`evaluate_checked`] for a whole request.
///
/// # Errors
/// The input error; `/check` and `/input` point into the request, a field of the input
/// is relative to `input`.
pub fn request_checked(request_text: &str) -> Result<String, CheckError> {
    request(request_text).map_err(CheckError::from)
}

/// Reads a request `{"check": "...", "input": {...}}` (a batch line without its id).
/// Returns the check's verdict text, or the error with the pointer relative to `input`.
fn request(line: &str) -> Result<String, (Error, Locale)> {
    json::read_text(line, Mode::REQUEST, run_request)
}

fn run_request(v: Result<Json<'_>, Failure<'_>>) -> Result<String, (Error, Locale)> {
    let v = v.map_err(failed_request)?;
    let (check, input) = split_request(v).map_err(|e| (e, request_locale(v)))?;
    run(check, input)
}

/// A request that could not be read: its error, pointers relative to the input.
fn failed_request(f: Failure<'_>) -> (Error, Locale) {
    failed_request_in(f, None)
}

/// [`failed_request`], in `default` when the text names no readable locale.
fn failed_request_in(f: Failure<'_>, default: Option<Locale>) -> (Error, Locale) {
    let named = f.salvage(REQUEST_LOCALE).and_then(|v| match v.view() {
        View::Str(s) => Locale::from_tag(s),
        _ => None,
    });
    let (e, l) = failed(f, REQUEST_LOCALE);
    let l = match (named, default) {
        (None, Some(d)) => d,
        _ => l,
    };
    (e.relative_to_input(), l)
}

/// The locale of a request's input, for an error about the request itself (Chinese
/// unless the input names another, readable, locale).
fn request_locale(v: Json<'_>) -> Locale {
    request_locale_in(v, None)
}

/// [`request_locale`], with `default` for an input that names no readable locale.
fn request_locale_in(v: Json<'_>, default: Option<Locale>) -> Locale {
    v.get("input")
        .and_then(|input| input_locale(input, default).ok())
        .or(default)
        .unwrap_or_default()
}

fn split_request(v: Json<'_>) -> Result<(&str, Json<'_>), Error> {
    crate::input::object(v, &Ptr::ROOT)?;
    let check = match v.get("check").map(Json::view) {
        None | Some(View::Null) => {
            return Err(Error::Required {
                field: "/check".into(),
            })
        }
        Some(View::Str(s)) => s,
        Some(_) => {
            return Err(Error::InvalidType {
                field: "/check".into(),
                expected: Expected::String,
            })
        }
    };
    if !CHECKS.contains(&check) {
        return Err(unknown_check());
    }
    match v.get("input") {
        Some(input) if !input.is_null() => Ok((check, input)),
        _ => Err(Error::Required {
            field: "/input".into(),
        }),
    }
}

/// `evaluate_json`: one request `{"check", "input"}` in, the verdict (or
/// `{"error": {...}}`) out as a `serde_json::Value`.
///
/// # Examples
/// ```
/// let v = govit_check::evaluate_json(r#"{"check":"eligibility","input":{"regime":"beijing"}}"#);
/// assert_eq!(v["error"]["code"], "unknown_regime");
/// assert_eq!(v["error"]["field"], "/regime");
/// ```
pub fn evaluate_json(request_text: &str) -> serde_json::Value {
    let text = match request(request_text) {
        Ok(t) => t,
        Err((e, l)) => error_json(&e, l),
    };
    serde_json::from_str(&text).unwrap_or(serde_json::Value::Null)
}

/// One batch line `{"id", "check", "input"}` → `{"id", "verdict"}` or `{"id", "error"}`.
pub fn batch_line(line: &str) -> String {
    let mut out = String::new();
    batch_line_into(line, &mut out);
    out
}

/// [`batch_line`], the answer appended to `out` (without a line end): the CLI writes every
/// answer of a batch into one buffer, so a line costs no allocation of its own.
pub fn batch_line_into(line: &str, out: &mut String) {
    json::read_text(line, Mode::REQUEST, |parsed| {
        batch_answer(parsed, None, out)
    });
}

/// Whether a batch line is blank: empty, or nothing but JSON whitespace (spaces, tabs,
/// carriage returns, line feeds). The CLI's batch answers every other line, in order,
/// and skips blank ones (a file's last line end, a blank line between requests), so the
/// n-th answer is that of the n-th line that is not blank.
pub fn is_blank_line(line: &[u8]) -> bool {
    line.iter()
        .all(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
}

/// [`batch_line_into`] for a line as the CLI reads it, bytes: a line that is not UTF-8
/// is answered `invalid_json` at the offset of the first byte that is not (never read
/// on with U+FFFD); a line longer than [`crate::limits::MAX_INPUT_BYTES`] (the CLI hands
/// over no more than one byte past the limit) is answered `too_large`. Either way, and
/// for any line that is not JSON, the answer's `id` is the line's `"id"` when the line
/// holds it, readable, before the place where reading failed.
pub fn batch_bytes_into(line: &[u8], out: &mut String) {
    json::read_bytes(line, Mode::REQUEST, |parsed| {
        batch_answer(parsed, None, out)
    });
}

/// [`batch_bytes_into`] where every line whose input names no `locale` (absent or `null`)
/// is answered in `locale` — verdict and error messages alike; a line's own `locale` wins.
/// What `govit-check batch --locale en` does (revision 3), and what the HTTP service's
/// `POST /v1/batch?locale=en` calls for each line. `None` is [`batch_bytes_into`].
///
/// # Examples
/// ```
/// let mut out = String::new();
/// let line = br#"{"id":1,"check":"change","input":{"regime":"beijing"}}"#;
/// govit_check::batch_bytes_into_with_locale(line, Some(govit_check::Locale::En), &mut out);
/// assert!(out.contains("\"message\":\"Unknown regime"), "{out}");
/// ```
pub fn batch_bytes_into_with_locale(line: &[u8], locale: Option<Locale>, out: &mut String) {
    json::read_bytes(line, Mode::REQUEST, |parsed| {
        batch_answer(parsed, locale, out)
    });
}

fn batch_answer(parsed: Result<Json<'_>, Failure<'_>>, default: Option<Locale>, out: &mut String) {
    out.push_str("{\"id\":");
    let id = match &parsed {
        Ok(v) => v.get("id"),
        Err(f) => f.salvage(&["id"]),
    };
    match id {
        Some(id) => id.write(out),
        None => out.push_str("null"),
    }
    let result = match parsed {
        Err(f) => Err(failed_request_in(f, default)),
        Ok(v) => split_request(v)
            .map_err(|e| (e, request_locale_in(v, default)))
            .and_then(|(c, i)| {
                let before = out.len();
                out.push_str(",\"verdict\":");
                run_into_in(c, i, default, out).inspect_err(|_| out.truncate(before))
            }),
    };
    match result {
        Ok(()) => out.push('}'),
        Err((e, l)) => {
            // The error object is `{"error":{...}}`: splice the id in front.
            let err = error_json(&e, l);
            out.push(',');
            out.push_str(err.get(1..).unwrap_or("}"));
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test: a failure is a failed test")]
    use super::*;

    /// What the package writes for values JSON cannot carry reads as the same wrong
    /// value would: a non-finite number as `1e400`, anything else as a wrong type.
    #[test]
    fn text_from_the_binding_reads_foreign_values_as_wrong_types() {
        let err = |check: Option<&str>, t: &str| {
            let e = evaluate_stringified(check, t).unwrap_err().error;
            (e.code(), e.field().to_string())
        };
        assert_eq!(
            err(Some("cost"), r#"{"item":"camera","amount":-1e400}"#),
            ("invalid_value", "/amount".into())
        );
        assert_eq!(
            err(Some("cost"), r#"{"item":"camera","amount":?}"#),
            ("invalid_type", "/amount".into())
        );
        assert_eq!(err(Some("cost"), "?"), ("invalid_type", "".into()));
        assert_eq!(
            err(None, r#"{"check":"cost","input":{"item":?}}"#),
            ("invalid_type", "/item".into())
        );
        // Under a key no check reads, ignored; the same for `?` as for any value.
        let line = r#"{"item":"camera","amount":"1","x":[?,{"y":?}]}"#;
        assert_eq!(
            evaluate_stringified(Some("cost"), line).unwrap(),
            evaluate_checked("cost", r#"{"item":"camera","amount":"1"}"#).unwrap()
        );
        // Text from anywhere else never holds one.
        assert_eq!(
            evaluate_checked("cost", r#"{"item":?}"#)
                .unwrap_err()
                .error
                .code(),
            "invalid_json"
        );
    }
}
