//! One entry point for every check, by name: what the CLI's batch lines, the Wasm
//! package's `evaluate` and `evaluate_json` share.

use crate::checks::change::check_change;
use crate::checks::cost::{classify_cost, classify_costs, CostInput, CostsInput};
use crate::checks::project_class::{classify_project, ProjectClassInput};
use crate::error::{Error, ErrorBody, Expected, Reason};
use crate::input::{locale_of, regime_of, Ptr};
use crate::json::{self, Json, View};
use crate::locale::Locale;
use crate::model::change::ChangeRequest;
use crate::model::Application;
use serde::Serialize;

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
    let locale = locale_of(input).map_err(|e| (e, Locale::Zh))?;
    run_in(check, input, locale, out).map_err(|e| (e, locale))
}

fn run_in(check: &str, input: Json<'_>, locale: Locale, out: &mut String) -> Result<(), Error> {
    match check {
        "eligibility" => {
            let verdict = crate::check_eligibility(&Application::from_value(input)?);
            push_json(out, &verdict);
            Ok(())
        }
        "cost" => {
            push_json(out, &classify_cost(&CostInput::from_value(input, locale)?)?);
            Ok(())
        }
        "costs" => {
            push_json(
                out,
                &classify_costs(&CostsInput::from_value(input, locale)?)?,
            );
            Ok(())
        }
        "project_class" => {
            let i = ProjectClassInput::from_value(input, locale)?;
            push_json(out, &classify_project(&i)?);
            Ok(())
        }
        "change" => {
            push_json(
                out,
                &check_change(&ChangeRequest::from_value(input, locale)?)?,
            );
            Ok(())
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
            #[derive(Serialize)]
            struct Out {
                check: &'static str,
                as_of: Option<crate::date::Date>,
                regimes: Vec<crate::checks::catalog::RegimeInfo>,
                ruleset: &'static str,
            }
            push_json(
                out,
                &Out {
                    check: "regimes",
                    as_of,
                    regimes: crate::checks::catalog::regimes(as_of),
                    ruleset: crate::RULESET,
                },
            );
            Ok(())
        }
        "rules" => {
            let root = Ptr::ROOT;
            crate::input::object(input, &root)?;
            let regime = regime_of(input.get("regime"), &root.key("regime"))?;
            #[derive(Serialize)]
            struct Out {
                check: &'static str,
                regime: crate::model::Regime,
                rules: Vec<crate::rules::RuleInfo>,
                ruleset: &'static str,
            }
            push_json(
                out,
                &Out {
                    check: "rules",
                    regime,
                    rules: crate::checks::catalog::rules(regime, locale),
                    ruleset: crate::RULESET,
                },
            );
            Ok(())
        }
        "form" => {
            let root = Ptr::ROOT;
            crate::input::object(input, &root)?;
            let regime = regime_of(input.get("regime"), &root.key("regime"))?;
            push_json(out, &crate::form::form(regime, locale));
            Ok(())
        }
        "version" => {
            crate::input::object(input, &Ptr::ROOT)?;
            #[derive(Serialize)]
            struct Out {
                check: &'static str,
                ruleset: &'static str,
            }
            push_json(
                out,
                &Out {
                    check: "version",
                    ruleset: crate::RULESET,
                },
            );
            Ok(())
        }
        _ => Err(unknown_check()),
    }
}

fn unknown_check() -> Error {
    Error::InvalidValue {
        field: "/check".into(),
        reason: Reason::OneOf(CHECKS),
    }
}

/// Runs `check` on JSON text and returns the verdict, or `{"error": {...}}`, as JSON text.
pub fn evaluate_str(check: &str, input: &str) -> String {
    json::read(input, |v| match v {
        Err(e) => error_json(&e, Locale::Zh),
        Ok(v) => run(check, v).unwrap_or_else(|(e, l)| error_json(&e, l)),
    })
}

/// Runs `check` on JSON text: the verdict as JSON text, or the error with the locale its
/// message should use (what the Wasm binding throws as a JS `Error`).
///
/// # Errors
/// The input error (`invalid_json` for text that is not JSON).
///
/// # Examples
/// ```
/// let (e, _) = govit_check::evaluate_checked("eligibility", r#"{"regime":"x"}"#).unwrap_err();
/// assert_eq!((e.code(), e.field()), ("unknown_regime", "/regime"));
/// ```
pub fn evaluate_checked(check: &str, input: &str) -> Result<String, (Error, Locale)> {
    json::read(input, |v| run_input(check, v))
}

fn run_input(check: &str, v: Result<Json<'_>, Error>) -> Result<String, (Error, Locale)> {
    run(check, v.map_err(|e| (e, Locale::Zh))?)
}

/// [`evaluate_checked`] (`check`) or [`request_checked`] (`None`) on text written by a
/// serializer that writes non-finite numbers as `null` (JS's `JSON.stringify` writes NaN
/// and ±Infinity so) — "absent" to the contract. This is the entry point of a binding
/// whose host language has such numbers (the Wasm binding calls nothing else for a check):
/// only when the text holds a `null` is it read again from `exact()`, the same value
/// written with such numbers spelled out as strings (`"NaN"`, `"Infinity"`: refused at
/// their field), or `None` when it cannot be written, and then the first text stands. A
/// text without `null` is read once and `exact` is never called.
///
/// # Errors
/// The input error, with the locale its message should use.
///
/// # Examples
/// ```
/// // {amount: NaN} as JSON.stringify writes it, and spelled out:
/// let (e, _) = govit_check::evaluate_stringified(
///     Some("cost"),
///     r#"{"item":"camera","amount":null}"#,
///     || Some(r#"{"item":"camera","amount":"NaN"}"#.to_string()),
/// )
/// .unwrap_err();
/// assert_eq!((e.code(), e.field()), ("invalid_value", "/amount"));
/// ```
pub fn evaluate_stringified(
    check: Option<&str>,
    text: &str,
    exact: impl FnOnce() -> Option<String>,
) -> Result<String, (Error, Locale)> {
    let answer = |v: Result<Json<'_>, Error>| match check {
        Some(check) => run_input(check, v),
        None => run_request(v),
    };
    let first = |v: Result<Json<'_>, Error>| match v {
        Ok(v) if v.has_null() => None,
        v => Some(answer(v)),
    };
    /// An input (`check` given) or a whole request.
    fn read<R>(check: Option<&str>, text: &str, f: impl FnOnce(Result<Json<'_>, Error>) -> R) -> R {
        match check {
            Some(_) => json::read(text, f),
            None => json::read_request(text, f),
        }
    }
    if let Some(answer) = read(check, text, first) {
        return answer;
    }
    let exact = exact();
    read(check, exact.as_deref().unwrap_or(text), answer)
}

/// Runs a request `{"check": "...", "input": {...}}` given as JSON text (a batch line
/// without its id): [`evaluate_checked`] for a whole request.
///
/// # Errors
/// The input error; `/check` and `/input` point into the request, a field of the input
/// is relative to `input`.
pub fn request_checked(request_text: &str) -> Result<String, (Error, Locale)> {
    request(request_text)
}

/// Reads a request `{"check": "...", "input": {...}}` (a batch line without its id).
/// Returns the check's verdict text, or the error with the pointer relative to `input`.
fn request(line: &str) -> Result<String, (Error, Locale)> {
    json::read_request(line, run_request)
}

fn run_request(v: Result<Json<'_>, Error>) -> Result<String, (Error, Locale)> {
    let v = v.map_err(|e| (e.relative_to_input(), Locale::Zh))?;
    let (check, input) = split_request(v).map_err(|e| (e, Locale::Zh))?;
    run(check, input)
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
    json::read_request(line, |parsed| batch_answer(parsed, out));
}

fn batch_answer(parsed: Result<Json<'_>, Error>, out: &mut String) {
    out.push_str("{\"id\":");
    match parsed.as_ref().ok().and_then(|v| v.get("id")) {
        Some(id) => id.write(out),
        None => out.push_str("null"),
    }
    let result = match parsed {
        Err(e) => Err((e.relative_to_input(), Locale::Zh)),
        Ok(v) => split_request(v)
            .map_err(|e| (e, Locale::Zh))
            .and_then(|(c, i)| {
                let before = out.len();
                out.push_str(",\"verdict\":");
                run_into(c, i, out).inspect_err(|_| out.truncate(before))
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
    use std::cell::Cell;

    /// Text JS wrote with NaN as `null` is read again from the exact text, and only then.
    #[test]
    fn stringified_text_is_read_again_only_when_it_has_a_null() {
        let asked = Cell::new(0);
        let exact = |text: &'static str| {
            let asked = &asked;
            move || {
                asked.set(asked.get() + 1);
                Some(text.to_string())
            }
        };
        let line = r#"{"item":"camera","amount":"1"}"#;
        let plain = evaluate_stringified(Some("cost"), line, exact(line)).unwrap();
        assert_eq!(plain, evaluate_checked("cost", line).unwrap());
        assert_eq!(asked.get(), 0);
        // {amount: NaN}: JSON.stringify wrote null; the exact text spells it out.
        let (e, _) = evaluate_stringified(
            Some("cost"),
            r#"{"item":"camera","amount":null}"#,
            exact(r#"{"item":"camera","amount":"NaN"}"#),
        )
        .unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_value", "/amount"));
        assert_eq!(asked.get(), 1);
        // A request: the same, pointers relative to the input.
        let (e, _) = evaluate_stringified(
            None,
            r#"{"check":"cost","input":{"item":"camera","amount":null}}"#,
            exact(r#"{"check":"cost","input":{"item":"camera","amount":"-Infinity"}}"#),
        )
        .unwrap_err();
        assert_eq!(e.field(), "/amount");
        assert_eq!(asked.get(), 2);
        // A real null with nothing to spell out: the first text stands (absent).
        let absent = r#"{"item":"camera","amount":null}"#;
        let v = evaluate_stringified(Some("cost"), absent, || None).unwrap();
        assert_eq!(v, evaluate_checked("cost", absent).unwrap());
        // "null" inside a string is no null.
        let named = r#"{"item":"null camera"}"#;
        evaluate_stringified(Some("cost"), named, exact(named)).unwrap_err();
        assert_eq!(asked.get(), 2);
    }
}
