//! A fee table's reading data is an asset beside the `.wasm` (`reading.<regime>`): the
//! binding reads it only when it is this build's — a stale or altered asset (a word
//! changed, a line cut) is refused whole, the call throws `catalog_not_loaded` naming it,
//! and the right asset afterwards answers as the native library does. In a test binary of
//! its own, so that no reading data is loaded before it starts.

#![cfg(target_arch = "wasm32")]
// Clippy does not see `#[wasm_bindgen_test]` functions as tests (clippy.toml's
// allow-*-in-tests do not apply), so the test crate allows them itself.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use govit_check_wasm as wasm;
use govit_check_wasm_replay::{get, stringify, to_js, CATALOGS};
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// A catalog source that gives `text` for `reading.wulong` and nothing else.
fn source(text: &str) -> JsValue {
    let f = js_sys::Function::new_with_args(
        "name",
        "return name === 'reading.wulong' ? this.t : undefined",
    );
    let this = js_sys::Object::new();
    js_sys::Reflect::set(&this, &"t".into(), &text.into()).expect("set");
    f.bind0(&this).into()
}

#[wasm_bindgen_test]
fn a_reading_asset_of_another_build_is_refused_whole() {
    let asset = CATALOGS
        .iter()
        .find(|(name, _)| *name == "reading.wulong")
        .map(|(_, text)| *text)
        .expect("the native reading.wulong");
    let line = || to_js(&json!({"item": "前端监控点位", "amount": "1121.76"}));
    // The asset as the package ships it (pkg-config/catalogs.mjs: no comment or blank
    // lines) is read; altered ones are not: a word changed, its last line cut, a space
    // doubled.
    let lines: Vec<&str> = asset
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim().starts_with('#'))
        .collect();
    let shipped = lines.join("\n") + "\n";
    let altered = [
        shipped.replacen("监控", "监视", 1),
        lines[..lines.len() - 1].join("\n") + "\n",
        shipped.replacen(' ', "  ", 1),
    ];
    for text in &altered {
        wasm::set_catalog_source(source(text));
        let e = wasm::classify_cost(line()).expect_err("a stale asset is refused");
        assert_eq!(
            (get(&e, "code").as_string(), get(&e, "catalog").as_string()),
            (
                Some("catalog_not_loaded".into()),
                Some("reading.wulong".into())
            )
        );
    }
    // This build's asset: read, and the line is read as its row.
    wasm::set_catalog_source(source(&shipped));
    let v: Value =
        serde_json::from_str(&stringify(&wasm::classify_cost(line()).expect("a reading")))
            .expect("JSON");
    assert_eq!(v["item"], "camera");
    assert_eq!(
        v["matched"],
        json!({"by": "reading", "text": "前端监控点位", "row": "摄像头"})
    );
}
