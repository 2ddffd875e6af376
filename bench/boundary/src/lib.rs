//! Two ways across the JS ↔ Wasm boundary for the same check, and each direction alone.
//!
//! - JSON text (the package's path): `JSON.stringify` of the input object in JS, the
//!   text copied into Wasm memory; the verdict's text copied out and `JSON.parse`d.
//! - JS objects through serde-wasm-bindgen: the input object walked field by field
//!   from Wasm (`from_value`), the verdict built as JS objects from Wasm (`to_value`).
//!
//! The core reads JSON text and writes JSON text, so the serde-wasm-bindgen path writes the
//! value it read back to text before the check (`serde_json`), and reads the verdict text
//! into a value before `to_value`: those two steps are timed on their own too
//! (`json_roundtrip_only`) so they can be subtracted.

use serde::Serialize as _;
use serde_json::Value;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function stringify(v) { return JSON.stringify(v); }
export function parse(s) { return JSON.parse(s); }
"#)]
extern "C" {
    fn stringify(v: &JsValue) -> String;
    fn parse(s: &str) -> JsValue;
}

fn to_js(v: &Value) -> JsValue {
    let s = serde_wasm_bindgen::Serializer::json_compatible();
    v.serialize(&s).unwrap_or(JsValue::NULL)
}

fn check_text(check: &str, text: &str) -> String {
    match govit_check::evaluate_checked(check, text) {
        Ok(v) => v,
        Err(_) => String::from("null"),
    }
}

/// The package's path: object → JSON text → check → JSON text → object.
#[wasm_bindgen]
pub fn via_json(check: &str, input: &JsValue) -> JsValue {
    parse(&check_text(check, &stringify(input)))
}

/// serde-wasm-bindgen both ways: object → Value (walked from Wasm) → check → Value → object.
#[wasm_bindgen]
pub fn via_swb(check: &str, input: JsValue) -> JsValue {
    let Ok(v) = serde_wasm_bindgen::from_value::<Value>(input) else {
        return JsValue::NULL;
    };
    let text = check_text(check, &v.to_string());
    let out: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    to_js(&out)
}

/// Input direction alone, JSON text: `JSON.stringify` + copy into Wasm memory.
#[wasm_bindgen]
pub fn in_json(input: &JsValue) -> usize {
    stringify(input).len()
}

/// Input direction alone, serde-wasm-bindgen: walk the object into a `serde_json::Value`.
#[wasm_bindgen]
pub fn in_swb(input: JsValue) -> bool {
    serde_wasm_bindgen::from_value::<Value>(input).is_ok()
}

/// Output direction alone, JSON text: copy the verdict text out + `JSON.parse`.
#[wasm_bindgen]
pub fn out_json(verdict_text: &str) -> JsValue {
    parse(verdict_text)
}

/// A verdict held in Wasm as a value, for `out_swb`.
#[wasm_bindgen]
pub struct Held(Value);

#[wasm_bindgen]
impl Held {
    /// Reads a verdict's text once.
    #[wasm_bindgen(constructor)]
    pub fn new(verdict_text: &str) -> Held {
        Held(serde_json::from_str(verdict_text).unwrap_or(Value::Null))
    }

    /// Output direction alone, serde-wasm-bindgen: build the JS objects from Wasm.
    pub fn out_swb(&self) -> JsValue {
        to_js(&self.0)
    }
}

/// The extra work of the serde-wasm-bindgen path inside Wasm: the value written to text
/// for the core and the verdict text read back into a value.
#[wasm_bindgen]
pub fn json_roundtrip_only(input_text: &str, verdict_text: &str) -> usize {
    let v: Value = serde_json::from_str(input_text).unwrap_or(Value::Null);
    let out: Value = serde_json::from_str(verdict_text).unwrap_or(Value::Null);
    v.to_string().len() + usize::from(out.is_object())
}
