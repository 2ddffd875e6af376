//! Whatever bytes a client sends, through every JSON entry point: `batch_bytes_into` and
//! `evaluate_bytes` (any bytes, UTF-8 or not), then, for UTF-8, `evaluate_stringified`
//! (text as the npm binding writes it), `evaluate_json`, `batch_line` and `evaluate_str`
//! under each check name. Each must answer with a
//! verdict or a well-formed `{"error": {code, field, message}}`, never panic or hang.

#![no_main]

use govit_check::{batch_line, evaluate_json, evaluate_str, CHECKS, ERROR_CODES as CODES};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// An answer is a verdict object with a `check`, or a well-formed error.
fn assert_answer(v: &Value, what: &str) {
    let Some(obj) = v.as_object() else {
        panic!("{what}: not an object: {v}");
    };
    if let Some(e) = obj.get("error") {
        let code = e["code"].as_str().unwrap_or_default();
        assert!(CODES.contains(&code), "{what}: unknown code {e}");
        let field = e["field"].as_str().expect("field is a string");
        assert!(field.is_empty() || field.starts_with('/'), "{what}: bad pointer {e}");
        let msg = e["message"].as_str().unwrap_or_default();
        assert!(!msg.is_empty(), "{what}: empty message {e}");
    } else {
        assert!(obj.get("check").is_some_and(Value::is_string), "{what}: no check: {v}");
    }
}

/// Whether `needle` occurs in `hay`.
fn memfind(hay: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
}

fuzz_target!(|data: &[u8]| {
    // Any bytes as a batch line and as a file (UTF-8 or not): one JSON object with the
    // id, and never an id the line does not hold.
    let mut line = String::new();
    govit_check::batch_bytes_into(data, &mut line);
    let out: Value = serde_json::from_str(&line).expect("batch_bytes_into writes JSON");
    assert!(out.get("id").is_some(), "batch_bytes_into lost the id: {line}");
    if let Some(id) = out["id"].as_str() {
        assert!(
            memfind(data, id.as_bytes()) || memfind(data, b"\\"),
            "an id the line does not hold: {id:?}"
        );
    }
    if out.get("error").is_some() {
        assert_answer(&out, "batch_bytes_into");
    }
    let check = CHECKS[usize::from(data.first().copied().unwrap_or(0)) % CHECKS.len()];
    let v: Value = serde_json::from_str(&govit_check::evaluate_bytes(check, data.get(1..).unwrap_or(&[])))
        .expect("evaluate_bytes writes JSON");
    assert_answer(&v, "evaluate_bytes");

    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Text the npm binding wrote (`?` for a value JSON cannot carry).
    match govit_check::evaluate_stringified(Some(check), text.get(1..).unwrap_or("")) {
        Ok(verdict) => assert_answer(&serde_json::from_str(&verdict).expect("a verdict is JSON"), check),
        Err(e) => {
            let v: Value = serde_json::from_str(&e.to_json()).expect("error JSON");
            assert_answer(&v, "evaluate_stringified");
        }
    }
    // A request {"check", "input"}.
    let v = evaluate_json(text);
    assert_answer(&v, "evaluate_json");

    // A batch line: always one JSON object with the id and a verdict or an error.
    let line = batch_line(text);
    let out: Value = serde_json::from_str(&line).expect("batch_line writes JSON");
    assert!(out.get("id").is_some(), "batch_line lost the id: {line}");
    match (out.get("verdict"), out.get("error")) {
        (Some(verdict), None) => assert_answer(verdict, "batch_line"),
        (None, Some(_)) => assert_answer(&out, "batch_line"),
        _ => panic!("batch_line: neither verdict nor error: {line}"),
    }

    // The text as the input of one check (first byte picks it).
    let check = CHECKS[usize::from(data.first().copied().unwrap_or(0)) % CHECKS.len()];
    let body = text.get(1..).unwrap_or("");
    let out = evaluate_str(check, body);
    let v: Value = serde_json::from_str(&out).expect("evaluate_str writes JSON");
    assert_answer(&v, check);
});
