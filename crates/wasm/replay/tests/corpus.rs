//! The whole conformance corpus through the Wasm binding (the functions the npm package
//! exports), in Node (default) and headless Chromium (`WASM_BINDGEN_USE_BROWSER=1`): every
//! answer must be byte-identical to the native library's answer to the same request
//! (computed by build.rs from the same source). The native answers are judged by the one
//! judge (tests/corpus.rs → tools/conformance.py), so every engine gives the judged answer.

#![cfg(target_arch = "wasm32")]
// Clippy does not see `#[wasm_bindgen_test]` functions as tests (clippy.toml's
// allow-*-in-tests do not apply), so the test crate allows them itself.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use govit_check_wasm as wasm;
use govit_check_wasm_replay::{error_body, parse, stringify, Case, CASES, NATIVE_RULESET_ID};
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// What differs between a binding's result and the native answer (`None`: nothing).
fn differs(result: Result<JsValue, JsValue>, native: Result<&str, &str>) -> Option<String> {
    match (result, native) {
        (Ok(v), Ok(verdict)) => {
            let text = stringify(&v);
            (text != verdict).then(|| format!("verdict {text} != native {verdict}"))
        }
        (Err(e), Err(error)) => {
            let native: Value = serde_json::from_str(error).expect("native error JSON");
            let native = &native["error"];
            let body = error_body(&e, Some(native));
            (body.as_ref() != Some(native)).then(|| format!("thrown {body:?} != native {native}"))
        }
        (Ok(v), Err(error)) => Some(format!(
            "verdict {} where native erred {error}",
            stringify(&v)
        )),
        (Err(e), Ok(_)) => Some(format!(
            "threw {:?} where native answered",
            error_body(&e, None)
        )),
    }
}

/// The case through the named function of its check (`None`: there is none, or the
/// input is not an object for it).
fn by_function(case: &Case) -> Option<Result<JsValue, JsValue>> {
    let input = parse(case.input?);
    if !input.is_object() {
        return None;
    }
    let arg = |k: &str| govit_check_wasm_replay::get(&input, k);
    Some(match case.check? {
        "eligibility" => wasm::check_eligibility(input),
        "cost" => wasm::classify_cost(input),
        "costs" => wasm::classify_costs(input),
        "project_class" => wasm::classify_project(input),
        "change" => wasm::check_change(input),
        "regimes" => wasm::regimes(arg("as_of")),
        "rules" => wasm::rules(arg("regime"), arg("locale")),
        "form" => wasm::form(arg("regime"), arg("locale")),
        _ => return None,
    })
}

#[wasm_bindgen_test]
fn every_case_answers_through_the_binding_as_natively() {
    govit_check_wasm_replay::use_native_catalogs();
    let mut failures = Vec::new();
    for case in CASES {
        if let Some(why) = differs(wasm::evaluate(parse(case.request)), case.native) {
            failures.push(format!("{} {}: evaluate: {why}", case.src, case.id));
        }
        // The named function gives the same answer (the helpers `regimes` and `rules`
        // take their arguments one by one and ignore the rest of the input).
        let helper = matches!(case.check, Some("regimes" | "rules" | "form"));
        if let Some(result) = by_function(case).filter(|_| !helper || case.native.is_ok()) {
            if let Some(why) = differs(result, case.native) {
                failures.push(format!("{} {}: function: {why}", case.src, case.id));
            }
        }
    }
    assert!(
        CASES.len() > 100,
        "the corpus is missing: {} cases",
        CASES.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from the native answer:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// `version()` returns the ruleset string of the `version` answer.
#[wasm_bindgen_test]
fn version_is_the_ruleset_of_every_answer() {
    let answer: Value =
        serde_json::from_str(&govit_check::evaluate_str("version", "{}")).expect("JSON");
    assert_eq!(answer["ruleset"], wasm::version());
}

/// Contract §8: the Wasm build of one source has the native build's `ruleset_id`.
#[wasm_bindgen_test]
fn the_wasm_build_has_the_native_ruleset_id() {
    assert_eq!(govit_check::RULESET_ID, NATIVE_RULESET_ID);
    let answer: Value =
        serde_json::from_str(&govit_check::evaluate_str("version", "{}")).expect("JSON");
    assert_eq!(answer["ruleset_id"], NATIVE_RULESET_ID);
}
