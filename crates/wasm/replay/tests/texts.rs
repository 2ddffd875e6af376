//! The English texts are not in the binary (the library without its `english` feature):
//! the binding asks its catalog source for them (`texts.en`, the package's asset) the first
//! time a call needs English, and runs the call again once they are loaded. In a test
//! binary of its own, so that nothing is loaded before it starts.

#![cfg(target_arch = "wasm32")]
// Clippy does not see `#[wasm_bindgen_test]` functions as tests (clippy.toml's
// allow-*-in-tests do not apply), so the test crate allows them itself.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use govit_check_wasm as wasm;
use govit_check_wasm_replay::{error_body, get, parse, stringify, CATALOGS, SAMPLES};
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// A catalog source that gives `text` for `texts.en` and nothing else.
fn source(text: &str) -> JsValue {
    let f =
        js_sys::Function::new_with_args("name", "return name === 'texts.en' ? this.t : undefined");
    let this = js_sys::Object::new();
    js_sys::Reflect::set(&this, &"t".into(), &text.into()).expect("set");
    f.bind0(&this).into()
}

/// What a call threw where it needed English not loaded: (code, catalog).
fn not_loaded(r: Result<JsValue, JsValue>) -> (Option<String>, Option<String>) {
    let e = r.expect_err("English not loaded");
    (get(&e, "code").as_string(), get(&e, "catalog").as_string())
}

/// Whether the binding's answer to a sample is the native one, byte for byte.
fn same(r: Result<JsValue, JsValue>, native: Result<&str, &str>) -> bool {
    match (r, native) {
        (Ok(v), Ok(text)) => stringify(&v) == text,
        (Err(e), Err(text)) => {
            let native: Value = serde_json::from_str(text).expect("native error JSON");
            error_body(&e, Some(&native["error"])).as_ref() == Some(&native["error"])
        }
        _ => false,
    }
}

#[wasm_bindgen_test]
fn english_is_loaded_from_the_source_when_first_needed_and_only_the_right_texts() {
    let (english, chinese) = SAMPLES.split_at(SAMPLES.len() - 1);
    let expected = (
        Some("catalog_not_loaded".to_string()),
        Some("texts.en".to_string()),
    );
    let asset = CATALOGS
        .iter()
        .find(|(name, _)| *name == "texts.en")
        .map(|(_, text)| *text)
        .expect("the native texts.en");

    // No source: Chinese answers as natively; each English sample (a verdict, an error
    // naming a field by its label, a change) throws.
    wasm::set_catalog_source(JsValue::UNDEFINED);
    for (request, native) in chinese {
        assert!(same(wasm::evaluate(parse(request)), *native), "{request}");
    }
    for (request, _) in english {
        assert_eq!(
            not_loaded(wasm::evaluate(parse(request))),
            expected,
            "{request}"
        );
    }

    // Texts of another build, cut short, altered, or not texts at all: refused whole.
    let other = asset.replacen(
        govit_check::RULESET_ID,
        "0123456789abcdef0123456789abcdef",
        1,
    );
    let cut = &asset[..asset.rfind('\0').expect("texts")];
    let altered = asset.replacen("the total investment", "the total", 1);
    assert_ne!(altered, asset);
    for wrong in [other.as_str(), cut, altered.as_str(), "", "{}"] {
        wasm::set_catalog_source(source(wrong));
        for (request, _) in english {
            assert_eq!(
                not_loaded(wasm::evaluate(parse(request))),
                expected,
                "{request}"
            );
        }
    }

    // The native asset: English answers as natively, and Chinese still does.
    wasm::set_catalog_source(source(asset));
    for (request, native) in SAMPLES {
        assert!(same(wasm::evaluate(parse(request)), *native), "{request}");
    }
    // Once loaded, the texts stay: no source is asked again.
    wasm::set_catalog_source(JsValue::UNDEFINED);
    for (request, native) in SAMPLES {
        assert!(same(wasm::evaluate(parse(request)), *native), "{request}");
    }
}
