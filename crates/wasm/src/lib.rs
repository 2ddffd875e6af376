//! The JS binding of the npm package `govit-check` (wasm-bindgen).
//!
//! Thin by design: every call converts its JS argument to JSON text, runs the library by
//! check name ([`govit_check::evaluate_answer`]) and turns the verdict's JSON text back into a
//! JS object, so the package answers with the very keys, order and values of the native
//! JSON.
//!
//! The catalogs (`rules`, `form`) are not in the binary: the library is linked without its
//! `catalog` feature, so a catalog request is read and checked (the same errors as the
//! CLI's) and answered with that catalog's JSON text, the full library's own answer
//! written at package build time into the package's assets (`web/catalog/<name>.js`). The
//! package's entries hand those texts over through [`set_catalog_source`] — Node reads
//! them from the package folder when first asked, browsers import them when `rules()` or
//! `form()` first needs them. A catalog the source does not give throws an `Error` with
//! `code` `"catalog_not_loaded"` and `catalog` its name.
//!
//! The English texts are not in the binary either: the library is linked without its
//! `english` feature, so each English message and label is a key into a table loaded at
//! run time. A call that asks for English before the table is loaded gets it from the same
//! source (`texts.en`, the package's asset `web/catalog/texts.en.js`, which the full
//! library writes: `govit_check::texts_asset`) and runs again; where the source does not
//! give it, the call throws `catalog_not_loaded` naming `texts.en`. Chinese, the default,
//! needs nothing loaded. One error mapper ([`answer`]) turns every input error into a thrown JS `Error`
//! carrying every key of the error object: `code`, `field`, `message`, `ruleset_id` (and
//! `suggestions` for `unknown_item`, `candidates` for `ambiguous_item`). No rule logic
//! lives here or in JS; the only state is the catalog source, the loaded texts and the
//! loaded reading data, so the module keeps working after any error.
//!
//! JS → JSON text, in the inline JS below (`toJson`), never throwing: a value whose
//! `JSON.stringify` text is exactly what the contract reads — plain objects and arrays of
//! strings, finite numbers, booleans and `null` within the depth limit, checked by a walk
//! (`plain`) — is written by `JSON.stringify` itself. Anything else is written by `exact`,
//! which writes what `JSON.stringify` would (`toJSON`, own enumerable keys, `undefined`
//! members left out) except where that would change the value silently:
//!
//! - a non-finite number (`NaN`, `±Infinity`) as `1e400` / `-1e400`, the JSON number
//!   `JSON.parse` reads as `Infinity`, so `{name: NaN}` is refused as the text
//!   `{"name": 1e400}` is by the CLI; a `BigInt` as its exact digits;
//! - a value JSON cannot carry — a function, a symbol, a `Map`/`Set`/`RegExp`/`Error`/
//!   typed array, an invalid `Date`, a circular reference, a getter, `toJSON` or proxy
//!   trap that throws — as `?`, which the library reads as a value of the wrong type for
//!   whatever field holds it (ignored under a key no check reads), never as absent;
//! - nesting deeper than the limit as `[]` at the first level over it (the reader refuses
//!   it there, at the same pointer as the same nesting in JSON text), and text longer
//!   than the input limit cut just past it (refused `too_large`; the library still reads
//!   its `locale` from the start).
//!
//! No exception crosses into Wasm (no `catch` import), so no call leaves a JS value
//! behind in wasm-bindgen's externref table or heap, whatever the input does.
//!
//! The library items it uses are the library's binding surface: [`evaluate_answer`]
//! (a check by name on text this binding wrote; a catalog named, not written — and the
//! reading data of a fee table, `reading.<regime>`, named while the library lacks it, which
//! [`load_reading`] then gives it from the same source), [`error_json`] (an error as the
//! contract's JSON), [`load_texts`] and [`texts_missing`] (the English texts) and
//! [`MAX_DEPTH`].

#![forbid(unsafe_code)]

use govit_check::limits::MAX_DEPTH;
use govit_check::{
    error_json, evaluate_answer, load_reading, load_texts, texts_missing, Answer, CheckError,
};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const MAX_BYTES = 1048576;
function plain(x, level, max) {
  const t = typeof x;
  if (t === "string" || t === "boolean" || x === null) return true;
  if (t === "number") return x - x === 0;
  if (t !== "object" || level > max) return false;
  if (Array.isArray(x)) {
    if (x.length > MAX_BYTES) return false;
    for (let i = 0; i < x.length; i++) {
      const e = x[i];
      if (e !== undefined && !plain(e, level + 1, max)) return false;
    }
    return true;
  }
  const p = Object.getPrototypeOf(x);
  if ((p !== Object.prototype && p !== null) || typeof x.toJSON === "function") return false;
  const keys = Object.keys(x);
  for (let i = 0; i < keys.length; i++) {
    const e = x[keys[i]];
    if (e !== undefined && !plain(e, level + 1, max)) return false;
  }
  return true;
}
function foreign(x) {
  return x instanceof Map || x instanceof Set || x instanceof WeakMap || x instanceof WeakSet
    || x instanceof Promise || x instanceof RegExp || x instanceof Error
    || x instanceof ArrayBuffer || ArrayBuffer.isView(x)
    || (x instanceof Date && !(x.getTime() === x.getTime()));
}
function exact(v, max) {
  const out = [];
  const open = [];
  let size = 0;
  const put = (s) => { out.push(s); size += s.length; };
  function value(key, x, level) {
    try {
      if (x !== null && typeof x === "object") {
        if (foreign(x)) { put("?"); return; }
        if (x instanceof Number || x instanceof String || x instanceof Boolean) x = x.valueOf();
      }
      if (x !== null && (typeof x === "object" || typeof x === "bigint")
        && typeof x.toJSON === "function") x = x.toJSON(key);
    } catch (_) { put("?"); return; }
    switch (typeof x) {
      case "string": put(JSON.stringify(x)); return;
      case "number": put(x - x === 0 ? JSON.stringify(x) : x < 0 ? "-1e400" : "1e400"); return;
      case "boolean": put(x ? "true" : "false"); return;
      case "bigint": put(String(x)); return;
      case "undefined": put("null"); return;
      case "object": break;
      default: put("?"); return;
    }
    if (x === null) { put("null"); return; }
    if (open.indexOf(x) >= 0 || foreign(x)) { put("?"); return; }
    if (level > max) { put("[]"); return; }
    let keys = null;
    try { keys = Array.isArray(x) ? null : Object.keys(x); } catch (_) { put("?"); return; }
    open.push(x);
    if (keys === null) {
      put("[");
      let n = 0;
      try { n = x.length; } catch (_) { n = 0; }
      for (let i = 0; i < n && size <= MAX_BYTES; i++) {
        if (i > 0) put(",");
        let e;
        try { e = x[i]; } catch (_) { put("?"); continue; }
        value(String(i), e, level + 1);
      }
      put("]");
    } else {
      put("{");
      let first = true;
      for (let i = 0; i < keys.length && size <= MAX_BYTES; i++) {
        let e, bad = false;
        try { e = x[keys[i]]; } catch (_) { bad = true; }
        if (!bad && e === undefined) continue;
        if (!first) put(",");
        first = false;
        put(JSON.stringify(keys[i]));
        put(":");
        if (bad) put("?"); else value(keys[i], e, level + 1);
      }
      put("}");
    }
    open.pop();
  }
  value("", v, 1);
  return out.join("");
}
export function toJson(v, max) {
  if (v === undefined) return undefined;
  let text;
  try { if (plain(v, 1, max)) text = JSON.stringify(v); } catch (_) { text = undefined; }
  if (typeof text !== "string") text = exact(v, max);
  return text.length > MAX_BYTES ? text.slice(0, MAX_BYTES + 1) : text;
}
export function fromJson(s) { return JSON.parse(s); }
let source;
export function setSource(f) { source = typeof f === "function" ? f : undefined; }
export function sourceText(name) {
  let text;
  try { text = source === undefined ? undefined : source(name); } catch (_) { text = undefined; }
  return typeof text === "string" ? text : undefined;
}
export function catalogOf(name) {
  const text = sourceText(name);
  if (text === undefined) return undefined;
  try { return JSON.parse(text); } catch (_) { return undefined; }
}
export function notLoaded(name) {
  const e = new Error(name.startsWith("texts.")
    ? `govit-check: the texts of ${name.slice(6)} are not loaded (init() on a page in that language, or rules() or form() in it, loads them)`
    : `govit-check: the catalog ${name} is not loaded (await rules() or form() loads it)`);
  e.code = "catalog_not_loaded";
  e.catalog = name;
  return e;
}
export function toError(s) {
  const b = JSON.parse(s).error;
  const e = new Error(b.message);
  for (const k in b) if (k !== "message") e[k] = b[k];
  return e;
}
"#)]
extern "C" {
    /// JSON text of a JS value as the module docs describe (`max`: the nesting limit of
    /// what it is: an input, or a request one level deeper); `undefined` for
    /// `undefined`. Never throws.
    #[wasm_bindgen(js_name = toJson)]
    fn to_json(v: &JsValue, max: u32) -> Option<String>;
    /// `JSON.parse` of the library's own output.
    #[wasm_bindgen(js_name = fromJson)]
    fn from_json(text: &str) -> JsValue;
    /// A JS `Error` from the text `{"error": {"code", "field", "message", …}}`.
    #[wasm_bindgen(js_name = toError)]
    fn to_error(error_text: &str) -> JsValue;
    /// Keeps the catalog source (a function, else none).
    #[wasm_bindgen(js_name = setSource)]
    fn set_source(source: &JsValue);
    /// The text the source gives for `name`, as it gives it (a catalog's JSON text, the
    /// texts of a locale: `texts.en`, a fee table's reading data: `reading.<regime>`);
    /// `None` when it gives none. Never throws.
    #[wasm_bindgen(js_name = sourceText)]
    fn source_text(name: &str) -> Option<String>;
    /// The catalog `name` from the source, parsed; `undefined` when the source has no text
    /// for it (or none that parses). Never throws.
    #[wasm_bindgen(js_name = catalogOf)]
    fn catalog_of(name: &str) -> JsValue;
    /// The `catalog_not_loaded` error of `name`.
    #[wasm_bindgen(js_name = notLoaded)]
    fn not_loaded(name: &str) -> JsValue;
}

/// The nesting limit of an input (`request`: of a whole request, one level more).
fn depth(request: bool) -> u32 {
    u32::try_from(MAX_DEPTH + usize::from(request)).unwrap_or(u32::MAX)
}

/// What the library answered, before it becomes a JS value.
enum Reply {
    /// A verdict's JSON text.
    Json(String),
    /// The name of a catalog (answered from the source).
    Catalog(String),
    /// The name of a fee table's reading data the library lacks (loaded from the source,
    /// then the check runs again).
    Reading(String),
    /// An input error as the contract's JSON.
    Error(String),
}

/// The library's answer, written out.
fn reply(result: Result<Answer, CheckError>) -> Reply {
    match result {
        Ok(Answer::Text(text)) => Reply::Json(text),
        Ok(Answer::Catalog(c)) if c.check == "reading" => Reply::Reading(c.name()),
        Ok(Answer::Catalog(catalog)) => Reply::Catalog(catalog.name()),
        Err(e) => Reply::Error(error_json(&e.error, e.locale)),
    }
}

/// Runs `run` and turns its reply into a JS value (a catalog: from the source), or the
/// thrown error. What the binary lacks is loaded from the source and `run` runs again:
/// - the English texts (the library without its `english` feature): where `run` asked for
///   texts of a locale not loaded yet, `texts.<tag>` (the package's asset);
/// - a fee table's reading data, where a cost check names it (`reading.<regime>`).
///
/// Where the source does not give them (or gives an asset of another build), the call
/// throws `catalog_not_loaded` naming them.
fn answer(run: impl Fn() -> Reply) -> Result<JsValue, JsValue> {
    let _ = texts_missing();
    let (mut texts_loaded, mut readings) = (false, 0);
    loop {
        let out = run();
        if let Some(locale) = texts_missing() {
            let name = ["texts.", locale.tag()].concat();
            // Loaded, yet a text is missing: the asset is not this build's.
            if texts_loaded || !source_text(&name).is_some_and(|text| load_texts(locale, &text)) {
                return Err(not_loaded(&name));
            }
            texts_loaded = true;
            continue;
        }
        return match out {
            Reply::Json(text) => Ok(from_json(&text)),
            Reply::Reading(name) => {
                readings += 1;
                if readings <= 2
                    && source_text(&name).is_some_and(|t| load_reading(&name, &t).is_ok())
                {
                    continue;
                }
                Err(not_loaded(&name))
            }
            Reply::Catalog(name) => {
                let value = catalog_of(&name);
                if value.is_undefined() {
                    Err(not_loaded(&name))
                } else {
                    Ok(value)
                }
            }
            Reply::Error(text) => Err(to_error(&text)),
        };
    }
}

/// Runs `check` (`None`: a whole request) on a JS input (`undefined`: absent).
fn check(name: Option<&str>, input: &JsValue) -> Result<JsValue, JsValue> {
    let text = to_json(input, depth(name.is_none()));
    let text = text.as_deref().unwrap_or("null");
    answer(|| reply(evaluate_answer(name, text)))
}

/// Runs `check` on an object of named JS arguments, absent ones left out.
fn check_args(name: &str, members: &[(&str, &JsValue)]) -> Result<JsValue, JsValue> {
    let mut input = String::from("{");
    for (key, value) in members {
        if let Some(text) = to_json(value, depth(false)) {
            if input.len() > 1 {
                input.push(',');
            }
            input.push('"');
            input.push_str(key);
            input.push_str("\":");
            input.push_str(&text);
        }
    }
    input.push('}');
    answer(|| reply(evaluate_answer(Some(name), &input)))
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
    check_args("regimes", &[("as_of", &as_of)])
}

/// The rule catalog of `regime`, titles in `locale` (optional, default `zh-CN`), from the
/// catalog source.
#[wasm_bindgen(skip_typescript)]
pub fn rules(regime: JsValue, locale: JsValue) -> Result<JsValue, JsValue> {
    check_args("rules", &[("regime", &regime), ("locale", &locale)])
}

/// The questions `regime` asks, in sections, labels and hints in `locale` (optional,
/// default `zh-CN`): what a portal renders its form from (contract §8); from the catalog
/// source.
#[wasm_bindgen(skip_typescript)]
pub fn form(regime: JsValue, locale: JsValue) -> Result<JsValue, JsValue> {
    check_args("form", &[("regime", &regime), ("locale", &locale)])
}

/// Where the catalogs come from: `source(name)` returns the JSON text of the catalog
/// `name` (`rules.baotou.en`, the package's asset `web/catalog/<name>.js`), or anything
/// else when it does not have it (the call then throws `catalog_not_loaded`). The package's
/// entries set it; a later call replaces it.
#[wasm_bindgen(js_name = setCatalogSource, skip_typescript)]
pub fn set_catalog_source(source: JsValue) {
    set_source(&source);
}

/// The ruleset string, e.g. `govit-check 0.2.0` (the `ruleset` of every verdict).
#[wasm_bindgen(unchecked_return_type = "string")]
pub fn version() -> String {
    govit_check::RULESET.to_string()
}

/// The package's types: the contract's shapes, generated from the library's Rust types
/// (types.d.ts, `cargo run -p govit-check-schema`), then the hand-written declarations of
/// the functions and errors (wasm.d.ts).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = concat!(include_str!("types.d.ts"), include_str!("wasm.d.ts"));
