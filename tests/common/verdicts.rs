//! Assertions on answers (JSON values) shared by tests/limits.rs and the CLI's tests
//! (crates/cli/tests/cli.rs, which includes this file by path).

use serde_json::Value;

/// Asserts an eligibility verdict (no error).
pub fn ok(v: &Value) {
    assert!(v.get("error").is_none(), "unexpected error: {v}");
    assert_eq!(v["check"], "eligibility", "{v}");
}

/// Asserts `too_large` at `field`, with the limit in the (Chinese) message.
pub fn too_large(v: &Value, field: &str, limit: usize) {
    assert_eq!(v["error"]["code"], "too_large", "{v}");
    assert_eq!(v["error"]["field"], field, "{v}");
    let msg = v["error"]["message"].as_str().unwrap_or_default();
    assert!(msg.contains(&limit.to_string()), "{msg}");
    assert!(msg.contains("上限"), "{msg}");
}
