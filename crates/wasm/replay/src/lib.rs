//! The corpus and the helpers of the binding's wasm-bindgen tests (tests/): see
//! Cargo.toml. `CASES` is written by build.rs from the corpus folders.

#![forbid(unsafe_code)]
#![allow(
    clippy::expect_used,
    reason = "test helpers: a JS value that cannot be converted is a failed test"
)]

/// One conformance case and the native library's answer to it.
#[derive(Debug)]
pub struct Case {
    /// `file:line`.
    pub src: &'static str,
    /// The case id as JSON text.
    pub id: &'static str,
    /// The check name, when it is a string.
    pub check: Option<&'static str>,
    /// The input as JSON text, when the case has one.
    pub input: Option<&'static str>,
    /// The request `{"check", "input"}` as JSON text.
    pub request: &'static str,
    /// The native answer: the verdict's JSON text, or `{"error": {...}}` as JSON text.
    pub native: Result<&'static str, &'static str>,
}

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

#[cfg(target_arch = "wasm32")]
pub use js::*;

#[cfg(target_arch = "wasm32")]
mod js {
    use js_sys::{Reflect, JSON};
    use serde_json::{json, Value};
    use wasm_bindgen::{JsCast, JsValue};

    /// Hands the binding the native catalogs ([`CATALOGS`](crate::CATALOGS)) as its
    /// catalog source, as the package's entries hand it the assets.
    pub fn use_native_catalogs() {
        let texts = js_sys::Object::new();
        for (name, text) in crate::CATALOGS {
            Reflect::set(&texts, &JsValue::from_str(name), &JsValue::from_str(text)).expect("set");
        }
        let source = js_sys::Function::new_with_args("name", "return this[name]").bind0(&texts);
        govit_check_wasm::set_catalog_source(source.into());
    }

    /// A JS value from JSON text.
    pub fn parse(text: &str) -> JsValue {
        JSON::parse(text).expect("JSON")
    }

    /// A JS value from a JSON value.
    pub fn to_js(v: &Value) -> JsValue {
        parse(&v.to_string())
    }

    /// `JSON.stringify` of a JS value.
    pub fn stringify(v: &JsValue) -> String {
        JSON::stringify(v).expect("stringify").into()
    }

    /// A JS value as a JSON value.
    pub fn from_js(v: &JsValue) -> Value {
        serde_json::from_str(&stringify(v)).expect("JSON back")
    }

    /// `v[key]`.
    pub fn get(v: &JsValue, key: &str) -> JsValue {
        Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    /// The body of a thrown error as the native JSON writes it: `message` and every own
    /// enumerable property (`code`, `field`, `suggestions`, ...), in the native key order
    /// where the native body is given. `None` when the thrown value is no `Error`.
    pub fn error_body(e: &JsValue, native: Option<&Value>) -> Option<Value> {
        if !e.is_instance_of::<js_sys::Error>() {
            return None;
        }
        let mut body = serde_json::Map::new();
        let mut keys: Vec<String> = native
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        for k in js_sys::Object::keys(e.unchecked_ref::<js_sys::Object>()).iter() {
            let k = k.as_string().unwrap_or_default();
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        if !keys.iter().any(|k| k == "message") {
            keys.push("message".into());
        }
        for k in keys {
            let v = get(e, &k);
            if !v.is_undefined() {
                body.insert(k, from_js(&v));
            }
        }
        Some(Value::Object(body))
    }

    /// A binding's result as `{"verdict": …}` or `{"error": …}`.
    pub fn answer(r: Result<JsValue, JsValue>) -> Value {
        match r {
            Ok(v) => json!({ "verdict": from_js(&v) }),
            Err(e) => {
                json!({ "error": error_body(&e, None).expect("the thrown value is an Error") })
            }
        }
    }
}
