//! One entry point for every check, by name: what the CLI's batch lines, the Wasm
//! package's `evaluate` and `evaluate_json` share.

use crate::error::{Error, ErrorBody, Expected, Reason};
use crate::input::{locale_of, regime_of, Ptr};
use crate::json::{self, Json, View};
use crate::locale::Locale;
use crate::model::Application;
use serde::Serialize;

/// The checks and helper calls, by their `check` name.
pub const CHECKS: &[&str] = &[
    "eligibility",
    "cost",
    "costs",
    "project_class",
    "change",
    "regimes",
    "rules",
    "version",
];

/// Serializes an output (infallible for the crate's types) as compact JSON, byte for
/// byte what `serde_json::to_string` writes (see `json_out`).
pub(crate) fn to_json<T: Serialize>(v: &T) -> String {
    crate::json_out::to_string(v).unwrap_or_else(|| String::from("null"))
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
    let locale = locale_of(input).map_err(|e| (e, Locale::Zh))?;
    run_in(check, input, locale).map_err(|e| (e, locale))
}

fn run_in(check: &str, input: Json<'_>, locale: Locale) -> Result<String, Error> {
    match check {
        "eligibility" => Ok(to_json(&crate::check_eligibility(
            &Application::from_value(input)?,
        ))),
        "cost" | "costs" | "project_class" => crate::cost::evaluate(check, input, locale),
        "change" => crate::change::evaluate(input, locale),
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
                regimes: Vec<crate::catalog::RegimeInfo>,
                ruleset: &'static str,
            }
            Ok(to_json(&Out {
                check: "regimes",
                as_of,
                regimes: crate::catalog::regimes(as_of),
                ruleset: crate::RULESET,
            }))
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
            Ok(to_json(&Out {
                check: "rules",
                regime,
                rules: crate::catalog::rules(regime, locale),
                ruleset: crate::RULESET,
            }))
        }
        "version" => {
            crate::input::object(input, &Ptr::ROOT)?;
            #[derive(Serialize)]
            struct Out {
                check: &'static str,
                ruleset: &'static str,
            }
            Ok(to_json(&Out {
                check: "version",
                ruleset: crate::RULESET,
            }))
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
    json::read(input, |v| run(check, v.map_err(|e| (e, Locale::Zh))?))
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
    json::read_request(line, |v| {
        let v = v.map_err(|e| (e.relative_to_input(), Locale::Zh))?;
        let (check, input) = split_request(v).map_err(|e| (e, Locale::Zh))?;
        run(check, input)
    })
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
    json::read_request(line, batch_answer)
}

fn batch_answer(parsed: Result<Json<'_>, Error>) -> String {
    let id = match &parsed {
        Ok(v) => v.get("id").map_or_else(|| "null".to_string(), write_json),
        Err(_) => "null".to_string(),
    };
    let result = match parsed {
        Err(e) => Err((e.relative_to_input(), Locale::Zh)),
        Ok(v) => split_request(v)
            .map_err(|e| (e, Locale::Zh))
            .and_then(|(c, i)| run(c, i)),
    };
    // Assembled in one allocation of the exact size (`format!` grows its buffer).
    let assemble = |parts: [&str; 3]| {
        let mut out =
            String::with_capacity(7 + id.len() + parts.iter().map(|p| p.len()).sum::<usize>());
        out.push_str("{\"id\":");
        out.push_str(&id);
        parts.iter().for_each(|p| out.push_str(p));
        out
    };
    match result {
        Ok(verdict) => assemble([",\"verdict\":", &verdict, "}"]),
        Err((e, l)) => {
            let err = error_json(&e, l);
            // err is `{"error":{...}}`: splice the id in front.
            assemble([",", err.get(1..).unwrap_or("}"), ""])
        }
    }
}

/// Writes a JSON value back as compact JSON text.
pub(crate) fn write_json(v: Json<'_>) -> String {
    let mut out = String::new();
    v.write(&mut out);
    out
}
