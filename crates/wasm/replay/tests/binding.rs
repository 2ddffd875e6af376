//! What only the JS side can send, through the Wasm binding (in Node and headless
//! Chromium, like tests/corpus.rs): NaN and ±Infinity, BigInt, `undefined`, circular and
//! oversize inputs; errors as thrown JS `Error`s; the helper functions.

#![cfg(target_arch = "wasm32")]
// Clippy does not see `#[wasm_bindgen_test]` functions as tests (clippy.toml's
// allow-*-in-tests do not apply), so the test crate allows them itself.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use govit_check_wasm as wasm;
use govit_check_wasm_replay::{answer, from_js, get, to_js};
use js_sys::Reflect;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

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
        // Eligibility: an `invalid` finding at the field (contract §8), never "absent".
        let v = from_js(
            &wasm::check_eligibility(application_with_total(JsValue::from_f64(x)))
                .expect("verdict"),
        );
        let invalid: Vec<&str> = v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["level"] == "invalid")
            .filter_map(|f| f["field"].as_str())
            .collect();
        assert_eq!(invalid, ["/project/investment/total"]);
        // A cost line keeps its error.
        let line = to_js(&json!({"item": "camera"}));
        Reflect::set(&line, &JsValue::from_str("amount"), &JsValue::from_f64(x)).expect("set");
        assert_eq!(
            err_of(wasm::classify_cost(line)),
            ("invalid_value".into(), "/amount".into())
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
fn circular_input_is_a_wrong_type_where_read_and_the_module_keeps_working() {
    // At a field a check reads: a value of the wrong type there, answered as any value
    // of the wrong type (`[]`) is.
    let app = to_js(&json!({"regime": "baotou"}));
    Reflect::set(&app, &JsValue::from_str("project"), &app).expect("set");
    assert_eq!(
        answer(wasm::check_eligibility(app)),
        answer(wasm::check_eligibility(to_js(
            &json!({"regime": "baotou", "project": []})
        )))
    );
    // Under a key no check reads: ignored, as any extra field.
    let app = to_js(&json!({"regime": "baotou"}));
    Reflect::set(&app, &JsValue::from_str("self"), &app).expect("set");
    assert!(wasm::check_eligibility(app).is_ok());
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
    // The English texts come from the source, as the package's entries give it.
    govit_check_wasm_replay::use_native_catalogs();
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
    govit_check_wasm_replay::use_native_catalogs();
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

/// The catalogs are not in the .wasm: without a source that gives one, `rules`, `form` and
/// `evaluate` of either throw `catalog_not_loaded` naming it — after reading and checking
/// the request as the CLI does (its errors first); with one, they answer its text.
#[wasm_bindgen_test]
fn catalogs_come_from_the_source() {
    wasm::set_catalog_source(JsValue::UNDEFINED);
    let not_loaded = |r: Result<JsValue, JsValue>| {
        let e = r.expect_err("no catalog source");
        (get(&e, "code").as_string(), get(&e, "catalog").as_string())
    };
    assert_eq!(
        not_loaded(wasm::rules("baotou".into(), "en-GB".into())),
        (
            Some("catalog_not_loaded".into()),
            Some("rules.baotou.en".into())
        )
    );
    assert_eq!(
        not_loaded(wasm::form("wulong".into(), JsValue::UNDEFINED)),
        (
            Some("catalog_not_loaded".into()),
            Some("form.wulong.zh-CN".into())
        )
    );
    // The request's own errors come first, as the CLI's.
    assert_eq!(
        err_of(wasm::form("beijing".into(), JsValue::UNDEFINED)),
        ("unknown_regime".into(), "/regime".into())
    );
    govit_check_wasm_replay::use_native_catalogs();
    let form = from_js(&wasm::form("wulong".into(), JsValue::UNDEFINED).expect("form"));
    assert_eq!(form["check"], "form");
    assert_eq!(form["regime"], "wulong");
}

/// A fee table's reading data is not in the .wasm either: the first cost check that needs
/// it loads it from the source (the package's asset `reading.<regime>`) and answers; the
/// shapes of contract §9 reach JS: `matched` on a decision, `candidates` and `suggestions`
/// on the thrown `Error`.
#[wasm_bindgen_test]
fn reading_data_comes_from_the_source_and_the_shapes_reach_js() {
    govit_check_wasm_replay::use_native_catalogs();
    let v = from_js(
        &wasm::classify_cost(to_js(&json!({"item": "前端监控点位", "amount": "1121.76"})))
            .expect("a reading"),
    );
    assert_eq!(v["item"], "camera");
    assert_eq!(
        v["matched"],
        json!({"by": "reading", "text": "前端监控点位", "row": "摄像头"})
    );
    let e = wasm::classify_cost(to_js(&json!({"item": "互联网专线和固定电话服务"})))
        .expect_err("a question");
    assert_eq!(
        get(&e, "code").as_string().as_deref(),
        Some("ambiguous_item")
    );
    let candidates = from_js(&get(&e, "candidates"));
    assert_eq!(
        candidates,
        json!([
            {"item": "internet", "label": "互联网", "treatment": "included"},
            {"item": "telephone_line", "label": "电话线路", "treatment": "excluded"}
        ])
    );
    let e = wasm::classify_cost(to_js(&json!({"item": "camra"}))).expect_err("unknown");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("unknown_item"));
    assert_eq!(from_js(&get(&e, "suggestions"))[0], "camera");
    let totals = from_js(
        &wasm::classify_costs(to_js(&json!({"items": [
            {"item": "camera", "amount": "1"}, {"item": "专线租赁费", "amount": "2"}
        ]})))
        .expect("costs"),
    )["totals"]
        .clone();
    assert_eq!(
        totals,
        json!({"included": "1", "excluded": "0", "pending": "0", "unclassified": "2"})
    );
}
