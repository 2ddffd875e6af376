//! The conformance corpus replayed through the Wasm binding (the functions the npm
//! package exports), judged by the same judge as the native replay (tests/corpus.rs).
//! Runs under wasm-bindgen-test in Node (default) and in headless Chromium
//! (`WASM_BINDGEN_USE_BROWSER=1`); scripts/test-wasm.sh does both.
//!
//! Every corpus file is compiled in with `include_str!`, listed ONCE in `CORPUS` below.
//! A new `tests/cases/*.jsonl` (or `shared/spec/examples/*.jsonl`) file must be added
//! there (`python3 tools/sync_wasm_corpus.py` does it): the native test
//! `wasm_corpus_lists_every_case_file` (tests/wasm_corpus.rs) fails until it is.

#![cfg(target_arch = "wasm32")]
// Clippy does not see `#[wasm_bindgen_test]` functions as tests (clippy.toml's
// allow-*-in-tests do not apply), so the test crate allows them itself.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod common;

use govit_check::wasm;
use js_sys::{Reflect, JSON};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// `(name, text)` of every corpus file. Paths are relative to this file.
const CORPUS: &[(&str, &str)] = &[
    // corpus:begin — tools/sync_wasm_corpus.py rewrites these lines from the directories.
    ("change.jsonl", include_str!("cases/change.jsonl")),
    ("cost.jsonl", include_str!("cases/cost.jsonl")),
    (
        "eligibility-baotou.jsonl",
        include_str!("cases/eligibility-baotou.jsonl"),
    ),
    (
        "eligibility-chuxiong.jsonl",
        include_str!("cases/eligibility-chuxiong.jsonl"),
    ),
    (
        "eligibility-shizuishan.jsonl",
        include_str!("cases/eligibility-shizuishan.jsonl"),
    ),
    (
        "eligibility-wulong.jsonl",
        include_str!("cases/eligibility-wulong.jsonl"),
    ),
    (
        "eligibility-wuzhong.jsonl",
        include_str!("cases/eligibility-wuzhong.jsonl"),
    ),
    ("errors.jsonl", include_str!("cases/errors.jsonl")),
    (
        "public.jsonl",
        include_str!("../../shared/spec/examples/public.jsonl"),
    ),
    // corpus:end
];

fn to_js(v: &Value) -> JsValue {
    JSON::parse(&v.to_string()).expect("JSON")
}

fn from_js(v: &JsValue) -> Value {
    let text: String = JSON::stringify(v).expect("stringify").into();
    serde_json::from_str(&text).expect("JSON back")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A binding's result as the judge reads it: `{"verdict": …}` or `{"error": …}`.
fn answer(r: Result<JsValue, JsValue>) -> Value {
    match r {
        Ok(v) => json!({ "verdict": from_js(&v) }),
        Err(e) => {
            assert!(
                e.is_instance_of::<js_sys::Error>(),
                "thrown value is an Error"
            );
            let mut body = json!({
                "code": get(&e, "code").as_string(),
                "field": get(&e, "field").as_string(),
                "message": get(&e, "message").as_string(),
            });
            let sug = get(&e, "suggestions");
            if !sug.is_undefined() {
                body["suggestions"] = from_js(&sug);
            }
            json!({ "error": body })
        }
    }
}

/// Runs a case through the named binding function of its check.
fn by_function(check: &str, input: &Value) -> Result<JsValue, JsValue> {
    let arg = |k: &str| input.get(k).map_or(JsValue::UNDEFINED, to_js);
    match check {
        "eligibility" => wasm::check_eligibility(to_js(input)),
        "cost" => wasm::classify_cost(to_js(input)),
        "costs" => wasm::classify_costs(to_js(input)),
        "project_class" => wasm::classify_project(to_js(input)),
        "change" => wasm::check_change(to_js(input)),
        "regimes" => wasm::regimes(arg("as_of")),
        "rules" => wasm::rules(arg("regime"), arg("locale")),
        "version" => Ok(JsValue::from_str(&wasm::version())),
        other => wasm::evaluate(to_js(&json!({ "check": other, "input": input }))),
    }
}

#[wasm_bindgen_test]
fn every_case_of_every_corpus_passes_through_the_binding() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (name, text) in CORPUS {
        for case in common::cases(name, text) {
            n += 1;
            let (check, input) = (&case.value["check"], &case.value["input"]);
            let request = json!({ "check": check, "input": input });
            let via_evaluate = answer(wasm::evaluate(to_js(&request)));
            for e in common::judge(&case.value, &via_evaluate) {
                failures.push(format!("{} {}: {e}", case.src, case.value["id"]));
            }
            // The named function gives the same answer as `evaluate` (for a well-formed
            // request; `version()` returns the bare ruleset string).
            if let (Some(check), true) = (check.as_str(), input.is_object()) {
                let direct = answer(by_function(check, input));
                let same = if check == "version" {
                    direct["verdict"] == via_evaluate["verdict"]["ruleset"]
                } else {
                    direct == via_evaluate
                };
                if !same {
                    failures.push(format!(
                        "{} {}: function {direct} != evaluate {via_evaluate}",
                        case.src, case.value["id"]
                    ));
                }
            }
            // Same keys, same order, same values as the native JSON text.
            let native =
                govit_check::evaluate_str(check.as_str().unwrap_or(""), &input.to_string());
            if let Ok(v) = wasm::evaluate(to_js(&request)) {
                let text: String = JSON::stringify(&v).expect("stringify").into();
                if text != native {
                    failures.push(format!(
                        "{} {}: JS object differs from native JSON",
                        case.src, case.value["id"]
                    ));
                }
            }
        }
    }
    assert!(n > 0, "no corpus cases compiled in");
    assert!(
        failures.is_empty(),
        "{} of {n} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn err_of(r: Result<JsValue, JsValue>) -> (String, String) {
    let a = answer(r);
    let e = &a["error"];
    assert!(e.is_object(), "expected an error, got {a}");
    (
        e["code"].as_str().unwrap_or_default().to_string(),
        e["field"].as_str().unwrap_or_default().to_string(),
    )
}

fn application_with_total(total: JsValue) -> JsValue {
    let app = to_js(&json!({
        "regime": "baotou", "as_of": "2026-11-22",
        "project": { "kind": "new", "investment": {} }
    }));
    let inv = get(&get(&app, "project"), "investment");
    Reflect::set(&inv, &JsValue::from_str("total"), &total).expect("set");
    app
}

#[wasm_bindgen_test]
fn non_finite_numbers_are_errors_never_absent() {
    for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let r = wasm::check_eligibility(application_with_total(JsValue::from_f64(x)));
        assert_eq!(
            err_of(r),
            ("invalid_value".into(), "/project/investment/total".into())
        );
    }
}

#[wasm_bindgen_test]
fn bigint_is_read_by_its_decimal_text() {
    let big = wasm::check_eligibility(application_with_total(js_sys::BigInt::from(1280u32).into()))
        .map(|v| from_js(&v));
    let text = wasm::check_eligibility(application_with_total(JsValue::from_str("1280")))
        .map(|v| from_js(&v));
    assert!(big.is_ok());
    assert_eq!(big.ok(), text.ok());
}

#[wasm_bindgen_test]
fn undefined_and_null_are_absent() {
    let plain = from_js(
        &wasm::check_eligibility(to_js(&json!({"regime": "baotou", "as_of": "2026-11-22"})))
            .expect("verdict"),
    );
    let app = to_js(&json!({"regime": "baotou", "as_of": "2026-11-22", "project": null}));
    Reflect::set(&app, &JsValue::from_str("facts"), &JsValue::UNDEFINED).expect("set");
    let with_holes = from_js(&wasm::check_eligibility(app).expect("verdict"));
    assert_eq!(plain, with_holes);
    // No argument at all: an object is needed.
    assert_eq!(
        err_of(wasm::check_eligibility(JsValue::UNDEFINED)),
        ("invalid_type".into(), String::new())
    );
}

#[wasm_bindgen_test]
fn circular_input_is_invalid_json_and_the_module_keeps_working() {
    let app = to_js(&json!({"regime": "baotou"}));
    Reflect::set(&app, &JsValue::from_str("self"), &app).expect("set");
    assert_eq!(
        err_of(wasm::check_eligibility(app)),
        ("invalid_json".into(), String::new())
    );
    assert_eq!(
        err_of(wasm::check_eligibility(to_js(
            &json!({"regime": "beijing"})
        ))),
        ("unknown_regime".into(), "/regime".into())
    );
    let ok = wasm::check_eligibility(to_js(&json!({"regime": "baotou"})));
    assert!(ok.is_ok(), "works after errors");
}

#[wasm_bindgen_test]
fn oversize_input_is_too_large_before_it_is_copied() {
    let app = to_js(&json!({"regime": "baotou", "project": {"name": "x".repeat(3 << 20)}}));
    assert_eq!(
        err_of(wasm::check_eligibility(app)),
        ("too_large".into(), String::new())
    );
    assert!(wasm::check_eligibility(to_js(&json!({"regime": "baotou"}))).is_ok());
}

#[wasm_bindgen_test]
fn errors_carry_code_field_message_in_the_requested_locale() {
    let e =
        wasm::check_eligibility(to_js(&json!({"regime": "x", "locale": "en"}))).expect_err("error");
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(
        get(&e, "code").as_string().as_deref(),
        Some("unknown_regime")
    );
    assert_eq!(get(&e, "field").as_string().as_deref(), Some("/regime"));
    let msg = get(&e, "message").as_string().unwrap_or_default();
    assert!(msg.starts_with("Unknown regime"), "{msg}");
    assert_eq!(
        err_of(wasm::evaluate(to_js(
            &json!({"check": "nope", "input": {}})
        ))),
        ("invalid_value".into(), "/check".into())
    );
    assert_eq!(
        err_of(wasm::evaluate(to_js(&json!({"check": "eligibility"})))),
        ("required".into(), "/input".into())
    );
}

#[wasm_bindgen_test]
fn helpers_answer_like_the_cli() {
    assert_eq!(wasm::version(), govit_check::version());
    let r = from_js(&wasm::regimes(JsValue::from_str("2026-11-22")).expect("regimes"));
    assert_eq!(
        r,
        serde_json::from_str::<Value>(&govit_check::evaluate_str(
            "regimes",
            r#"{"as_of":"2026-11-22"}"#
        ))
        .expect("json")
    );
    assert_eq!(r["regimes"].as_array().map(Vec::len), Some(5));
    let none = from_js(&wasm::regimes(JsValue::UNDEFINED).expect("regimes"));
    assert_eq!(none["as_of"], Value::Null);
    assert_eq!(
        err_of(wasm::regimes(JsValue::from_str("2026-02-30"))),
        ("invalid_value".into(), "/as_of".into())
    );
    let rules = from_js(&wasm::rules("baotou".into(), "en".into()).expect("rules"));
    assert_eq!(rules["regime"], "baotou");
    assert_eq!(
        err_of(wasm::rules(JsValue::UNDEFINED, JsValue::UNDEFINED)),
        ("required".into(), "/regime".into())
    );
}
