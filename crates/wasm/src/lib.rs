//! The JS binding of the npm package `govit-check` (wasm-bindgen).
//!
//! Thin by design: every call converts its JS argument to JSON text, runs the library by
//! check name ([`govit_check::evaluate_stringified`]) and turns the verdict's JSON text back into a
//! JS object, so the package answers with the very keys, order and values of the native
//! JSON. One error mapper ([`throw`]) turns every input error into a thrown JS `Error`
//! carrying `code`, `field` and `message` (and `suggestions` for `unknown_item`). No rule
//! logic lives here or in JS; nothing here keeps state, so the module keeps working after
//! any error.
//!
//! JS → JSON: `JSON.stringify`, except that it silently writes NaN and ±Infinity as
//! `null` (which the contract reads as "absent") and throws on BigInt. Only when the core
//! finds a `null` in the text, or the fast call throws, is the input written again with a
//! replacer that writes non-finite numbers as the strings `"NaN"`, `"Infinity"`,
//! `"-Infinity"` (refused by the core with a `non-finite` error naming the field) and a
//! BigInt as its decimal string. A circular input is an `invalid_json` error; `undefined`
//! is absent.
//!
//! The library items it uses are the library's binding surface: [`evaluate_stringified`]
//! and [`evaluate_checked`] (a check by name on JSON text), [`error_json`] (an error as
//! the contract's JSON), [`Error`] and [`MAX_INPUT_BYTES`].

#![forbid(unsafe_code)]

use govit_check::limits::MAX_INPUT_BYTES;
use govit_check::{error_json, evaluate_checked, evaluate_stringified, Error, Limit, Locale};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = r#"
const fix = (_k, x) => typeof x === "number" ? (Number.isFinite(x) ? x : String(x))
  : typeof x === "bigint" ? String(x) : x;
export function toJson(v, exact) {
  if (v === undefined) return undefined;
  if (!exact) { try { return JSON.stringify(v); } catch (_) { /* BigInt: below */ } }
  return JSON.stringify(v, fix);
}
export function fromJson(s) { return JSON.parse(s); }
export function toError(s) {
  const b = JSON.parse(s).error;
  const e = new Error(b.message);
  e.code = b.code;
  e.field = b.field;
  if (b.suggestions) e.suggestions = b.suggestions;
  return e;
}
"#)]
extern "C" {
    /// A JS string, measured before it is copied into Wasm memory.
    type Text;
    /// Its length in UTF-16 code units.
    #[wasm_bindgen(method, getter)]
    fn length(this: &Text) -> u32;
    /// JSON text of a JS value (`exact`: non-finite numbers and BigInts spelled out as
    /// strings); `undefined` for `undefined` (and functions, symbols).
    #[wasm_bindgen(catch, js_name = toJson)]
    fn to_json(v: &JsValue, exact: bool) -> Result<JsValue, JsValue>;
    /// `JSON.parse`.
    #[wasm_bindgen(js_name = fromJson)]
    fn from_json(text: &str) -> JsValue;
    /// A JS `Error` from the text `{"error": {"code", "field", "message", …}}`.
    #[wasm_bindgen(js_name = toError)]
    fn to_error(error_text: &str) -> JsValue;
}

/// The one error mapper: an input error as a JS `Error`.
fn throw(e: &Error, locale: Locale) -> JsValue {
    to_error(&error_json(e, locale))
}

/// JSON text of a JS argument (`None`: absent). A value JSON cannot hold (a circular
/// structure) is an `invalid_json` error; text over the input limit is `too_large`
/// before it is copied (each UTF-16 unit is at least one UTF-8 byte), so a huge input
/// never exhausts Wasm memory.
fn text_of(v: &JsValue, exact: bool) -> Result<Option<String>, JsValue> {
    let text = to_json(v, exact).map_err(|_| {
        throw(
            &Error::InvalidJson {
                field: String::new(),
                offset: 0,
                detail: "a circular reference or a value JSON cannot represent",
            },
            Locale::Zh,
        )
    })?;
    if text.is_undefined() {
        return Ok(None);
    }
    let units = usize::try_from(text.unchecked_ref::<Text>().length()).unwrap_or(usize::MAX);
    if units > MAX_INPUT_BYTES {
        return Err(throw(
            &Error::TooLarge {
                field: String::new(),
                limit: Limit::InputBytes(MAX_INPUT_BYTES),
            },
            Locale::Zh,
        ));
    }
    Ok(text.as_string())
}

/// The core's answer as a JS value, or the thrown error.
fn answer(result: Result<String, (Error, Locale)>) -> Result<JsValue, JsValue> {
    result
        .map(|text| from_json(&text))
        .map_err(|(e, l)| throw(&e, l))
}

/// Runs `check` (`None`: a whole request) on a JS input.
fn check(name: Option<&str>, input: &JsValue) -> Result<JsValue, JsValue> {
    let text = text_of(input, false)?;
    let mut refused = None;
    let result = evaluate_stringified(name, text.as_deref().unwrap_or("null"), || {
        text_of(input, true).unwrap_or_else(|e| {
            refused = Some(e);
            None
        })
    });
    match refused {
        Some(e) => Err(e),
        None => answer(result),
    }
}

/// An object of named JS arguments as JSON text, absent ones left out.
fn object_of(members: &[(&str, &JsValue)]) -> Result<String, JsValue> {
    let mut out = String::from("{");
    for (key, value) in members {
        if let Some(text) = text_of(value, true)? {
            if out.len() > 1 {
                out.push(',');
            }
            out.push('"');
            out.push_str(key);
            out.push_str("\":");
            out.push_str(&text);
        }
    }
    out.push('}');
    Ok(out)
}

/// Eligibility of a project under a regime (contract §2).
#[wasm_bindgen(js_name = checkEligibility, unchecked_return_type = "EligibilityVerdict")]
pub fn check_eligibility(
    #[wasm_bindgen(unchecked_param_type = "Application")] input: JsValue,
) -> Result<JsValue, JsValue> {
    check(Some("eligibility"), &input)
}

/// One budget line against Wulong's fee boundary table (contract §3).
#[wasm_bindgen(js_name = classifyCost, unchecked_return_type = "CostDecision")]
pub fn classify_cost(
    #[wasm_bindgen(unchecked_param_type = "CostInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    check(Some("cost"), &input)
}

/// A whole budget: every line and the totals (contract §3).
#[wasm_bindgen(js_name = classifyCosts, unchecked_return_type = "CostsAnswer")]
pub fn classify_costs(
    #[wasm_bindgen(unchecked_param_type = "CostsInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    check(Some("costs"), &input)
}

/// Construction, maintenance or continuation under Wulong's annex (contract §3).
#[wasm_bindgen(js_name = classifyProject, unchecked_return_type = "ProjectClass")]
pub fn classify_project(
    #[wasm_bindgen(unchecked_param_type = "ProjectClassInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    check(Some("project_class"), &input)
}

/// May an approved project be changed without a new approval (contract §4).
#[wasm_bindgen(js_name = checkChange, unchecked_return_type = "ChangeVerdict")]
pub fn check_change(
    #[wasm_bindgen(unchecked_param_type = "ChangeRequest")] input: JsValue,
) -> Result<JsValue, JsValue> {
    check(Some("change"), &input)
}

/// Any check by name: `{check, input}` (a batch line without its id). Typed in the
/// custom section (one overload per check).
#[wasm_bindgen(skip_typescript)]
pub fn evaluate(request: JsValue) -> Result<JsValue, JsValue> {
    check(None, &request)
}

/// Every regime with its status on `asOf` (`YYYY-MM-DD`, optional).
#[wasm_bindgen(skip_typescript)]
pub fn regimes(as_of: JsValue) -> Result<JsValue, JsValue> {
    answer(evaluate_checked(
        "regimes",
        &object_of(&[("as_of", &as_of)])?,
    ))
}

/// The rule catalog of `regime`, titles in `locale` (optional, default `zh-CN`).
#[wasm_bindgen(skip_typescript)]
pub fn rules(regime: JsValue, locale: JsValue) -> Result<JsValue, JsValue> {
    let input = object_of(&[("regime", &regime), ("locale", &locale)])?;
    answer(evaluate_checked("rules", &input))
}

/// The questions `regime` asks, in sections, labels and hints in `locale` (optional,
/// default `zh-CN`): what a portal renders its form from (contract §8).
#[wasm_bindgen(skip_typescript)]
pub fn form(regime: JsValue, locale: JsValue) -> Result<JsValue, JsValue> {
    let input = object_of(&[("regime", &regime), ("locale", &locale)])?;
    answer(evaluate_checked("form", &input))
}

/// The ruleset string, e.g. `govit-check 0.1.0` (the `ruleset` of every verdict).
#[wasm_bindgen(unchecked_return_type = "string")]
pub fn version() -> String {
    govit_check::RULESET.to_string()
}

/// The hand-written types, after `RegimeId`, which build.rs writes from the library's
/// registry of regulations (a new regulation needs no edit here).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/regime_id.d.ts")),
    include_str!("wasm.d.ts")
);
