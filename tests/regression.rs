//! Hostile inputs kept as regression tests, each named after what it guards. Inputs a
//! fuzz target ever finds crashing (fuzz/artifacts/…) belong here too, with the fix.
//! Each runs through `evaluate_json` (a request), `batch_line` and `evaluate_str`, and
//! must give a verdict or a well-formed error.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a failed test"
)]

use govit_check::{batch_line, evaluate_json, evaluate_str, CHECKS};
use serde_json::Value;

/// The answer of `check` on `input` through all three entry points, which must agree;
/// returns the error object, or `None` for a verdict.
fn answer(check: &str, input: &str) -> Option<Value> {
    let direct: Value = serde_json::from_str(&evaluate_str(check, input)).unwrap();
    let request = format!(r#"{{"check":"{check}","input":{input}}}"#);
    let via_request = evaluate_json(&request);
    let line: Value = serde_json::from_str(&batch_line(&format!(
        r#"{{"id":7,"check":"{check}","input":{input}}}"#
    )))
    .unwrap();
    // The id is echoed whenever the line is JSON at all.
    let line_is_json = !matches!(
        direct["error"]["code"].as_str(),
        Some("invalid_json" | "too_large")
    );
    if line_is_json {
        assert_eq!(line["id"], 7, "{line}");
    }
    if input == "null" {
        // `"input": null` is an absent input: `required` at /input.
        assert_eq!(via_request["error"]["field"], "/input");
        assert_eq!(line["error"]["field"], "/input");
        return direct.get("error").cloned();
    }
    match direct.get("error") {
        Some(e) => {
            for key in ["code", "field", "message"] {
                assert!(e[key].is_string(), "{key} in {e}");
            }
            assert!(!e["message"].as_str().unwrap().is_empty());
            let f = e["field"].as_str().unwrap();
            assert!(f.is_empty() || f.starts_with('/'), "{f}");
            // Same code and the same pointer (relative to the input) through a request
            // and a batch line.
            assert_eq!(via_request["error"]["code"], e["code"], "{via_request}");
            assert_eq!(line["error"]["code"], e["code"], "{line}");
            assert_eq!(via_request["error"]["field"], e["field"], "{via_request}");
            assert_eq!(line["error"]["field"], e["field"], "{line}");
            Some(e.clone())
        }
        None => {
            assert_eq!(direct["check"], check, "{direct}");
            assert_eq!(via_request, direct);
            assert_eq!(line["verdict"], direct);
            None
        }
    }
}

fn error(check: &str, input: &str) -> (String, String) {
    let e = answer(check, input).unwrap_or_else(|| panic!("expected an error for {input}"));
    (
        e["code"].as_str().unwrap().to_string(),
        e["field"].as_str().unwrap().to_string(),
    )
}

/// The pointers of the `invalid` findings of a verdict (contract §8: a bad value of a
/// known field is a finding at its pointer, not an error).
fn invalid(check: &str, input: &str) -> Vec<String> {
    assert!(
        answer(check, input).is_none(),
        "expected a verdict for {input}"
    );
    let v: Value = serde_json::from_str(&evaluate_str(check, input)).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["level"] == "invalid")
        .map(|f| {
            assert_eq!(f["rule"], "input", "{f}");
            assert!(!f["message"].as_str().unwrap().is_empty());
            f["field"].as_str().unwrap().to_string()
        })
        .collect()
}

fn s(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn nesting_far_over_the_limit_is_not_a_stack_overflow() {
    for open in ["[", "{\"a\":"] {
        let text = format!(r#"{{"regime":"baotou","x":{}}}"#, open.repeat(200_000));
        assert_eq!(error("eligibility", &text).0, "too_large");
    }
}

#[test]
fn huge_exponents_and_long_digit_runs_are_values_not_hangs() {
    let total = |t: &str| {
        invalid(
            "eligibility",
            &format!(r#"{{"regime":"baotou","project":{{"investment":{{"total":{t}}}}}}}"#),
        )
    };
    let at = vec!["/project/investment/total".to_string()];
    assert_eq!(total("1e999999999999"), at);
    assert_eq!(total("-1e999999999999"), at);
    assert_eq!(total(&format!("1{}", "0".repeat(5000))), at);
    assert_eq!(total(&format!("0.{}1", "0".repeat(5000))), at);
    assert_eq!(total(&format!("\"0.{}1\"", "0".repeat(5000))), at);
    assert_eq!(total(&format!("\"{}\"", "9".repeat(5000))), at);
    assert_eq!(total(&format!("\"-{}\"", "9".repeat(5000))), at);
    // A tiny exponent is a value: 1e-999999 is 0 to a double, and 0 is an amount.
    assert!(answer(
        "eligibility",
        r#"{"regime":"baotou","project":{"investment":{"total":1e-999999}}}"#
    )
    .is_none());
}

#[test]
fn minus_zero_in_every_form_is_zero() {
    for t in ["-0", "-0.0", "-0e5", "\"-0\"", "\"-0.000\"", "\"－０\""] {
        let text = format!(r#"{{"regime":"baotou","project":{{"investment":{{"total":{t}}}}}}}"#);
        assert!(answer("eligibility", &text).is_none(), "{t}");
        let v: Value = serde_json::from_str(&evaluate_str("eligibility", &text)).unwrap();
        assert_eq!(v["procedure"]["supervision_required"], false, "{t}");
    }
}

#[test]
fn pointers_escape_slash_and_tilde_in_keys() {
    let text = r#"{"regime":"baotou","x/y":{"a~b":[1,2,}}"#;
    assert_eq!(
        error("eligibility", text),
        s("invalid_json", "/x~1y/a~0b/2")
    );
}

#[test]
fn lone_surrogates_and_control_escapes_are_text_not_panics() {
    // A lone surrogate in a name reads as U+FFFD; in an enum it is an unknown value.
    assert!(answer(
        "eligibility",
        r#"{"regime":"baotou","project":{"name":"\ud800\udbff\u0000x"}}"#
    )
    .is_none());
    assert_eq!(
        invalid(
            "eligibility",
            r#"{"regime":"baotou","project":{"kind":"new\ud800"}}"#
        ),
        ["/project/kind"]
    );
    assert_eq!(
        error("eligibility", r#"{"regime":"\udc00"}"#),
        s("unknown_regime", "/regime")
    );
    // A truncated escape is a syntax error at its place.
    assert_eq!(
        error(
            "eligibility",
            r#"{"regime":"baotou","project":{"name":"\u12"}}"#
        ),
        s("invalid_json", "/project/name")
    );
}

#[test]
fn a_repeated_key_keeps_its_last_value_even_after_an_error() {
    let text = r#"{"regime":"baotou","project":{"investment":{"total":"abc","total":"250"}}}"#;
    let v: Value = serde_json::from_str(&evaluate_str("eligibility", text)).unwrap();
    assert_eq!(v["procedure"]["supervision_required"], true, "{v}");
    let text = r#"{"regime":"baotou","project":{"investment":{"total":"250","total":"abc"}}}"#;
    assert_eq!(invalid("eligibility", text), ["/project/investment/total"]);
}

#[test]
fn every_check_answers_every_wrong_type_at_the_root() {
    for check in CHECKS {
        for input in ["null", "1", "\"x\"", "true", "[]", "[{}]", "-0", "1e400"] {
            let (code, field) = error(check, input);
            assert!(
                matches!(code.as_str(), "invalid_type" | "required"),
                "{check} {input}: {code}"
            );
            assert!(
                field.is_empty() || field == "/input",
                "{check} {input}: {field}"
            );
        }
    }
}

#[test]
fn every_check_answers_an_empty_object() {
    for check in CHECKS {
        // A verdict (regimes, version) or `required` naming the key.
        if let Some(e) = answer(check, "{}") {
            assert_eq!(e["code"], "required", "{check}: {e}");
        }
    }
}

#[test]
fn money_forms_refused_name_the_field_in_every_check() {
    for bad in [
        r#""1,000""#,
        r#""12万""#,
        r#""""#,
        r#""NaN""#,
        "1e400",
        r#""1e3""#,
        "-1",
        "true",
    ] {
        let cases = [
            (
                "eligibility",
                format!(r#"{{"regime":"wulong","project":{{"investment":{{"total":{bad}}}}}}}"#),
                "/project/investment/total",
            ),
            (
                "cost",
                format!(r#"{{"item":"camera","amount":{bad}}}"#),
                "/amount",
            ),
            (
                "project_class",
                format!(r#"{{"kind":"renovation","amount":{bad}}}"#),
                "/amount",
            ),
            (
                "change",
                format!(r#"{{"regime":"wulong","approved_total":{bad},"items":[]}}"#),
                "/approved_total",
            ),
            (
                "change",
                format!(
                    r#"{{"regime":"wulong","approved_total":"10","items":[{{"approved":{bad},"proposed":"1"}}]}}"#
                ),
                "/items/0/approved",
            ),
        ];
        for (check, text, field) in cases {
            if matches!(check, "eligibility" | "change") {
                assert_eq!(invalid(check, &text), [field], "{check} {bad}");
                continue;
            }
            let (code, f) = error(check, &text);
            assert!(
                matches!(code.as_str(), "invalid_value" | "invalid_type"),
                "{check} {bad}: {code}"
            );
            assert_eq!(f, field, "{check} {bad}");
        }
        // In a budget, the bad line is reported in its place and the others classified.
        let v: Value = serde_json::from_str(&evaluate_str(
            "costs",
            &format!(r#"{{"items":[{{"item":"camera","amount":"1"}},{{"item":"camera","amount":{bad}}}]}}"#),
        ))
        .unwrap();
        assert_eq!(v["lines"][1]["error"]["field"], "/items/1/amount", "{v}");
        assert_eq!(v["totals"]["included"], "1", "{v}");
    }
}

#[test]
fn batch_line_echoes_any_id_and_survives_garbage() {
    for line in [
        "", " ", "\u{feff}", "\0", "{", "}", "[", "\"", "nul", "{\"id\":", "\u{7f}",
    ] {
        let out: Value = serde_json::from_str(&batch_line(line)).unwrap();
        assert_eq!(out["error"]["code"], "invalid_json", "{line:?}");
    }
    let out: Value = serde_json::from_str(&batch_line(
        r#"{"id":{"deep":[1,"\u2028",null]},"check":"version","input":{}}"#,
    ))
    .unwrap();
    assert_eq!(out["id"]["deep"][1], "\u{2028}");
    assert_eq!(out["verdict"]["check"], "version");
}

/// The CLI appends every answer to one buffer: each must be exactly what `batch_line`
/// gives, whatever came before it — also when a check fails after its request was read
/// (the `"verdict"` key already begun must not stay behind).
#[test]
fn batch_answers_appended_to_one_buffer_are_the_single_answers() {
    use govit_check::batch_line_into;
    let lines = [
        r#"{"id":1,"check":"version","input":{}}"#,
        r#"{"id":"a","check":"eligibility","input":{"regime":"beijing"}}"#,
        r#"{"id":2,"check":"cost","input":{"item":"咖啡机"}}"#,
        r#"{"id":3,"check":"cost","input":{"item":"服务器","amount":"-1"}}"#,
        r#"{"id":[3],"check":"nope","input":{}}"#,
        r#"{"id":4,"check":"change","input":{}}"#,
        "{",
        r#"{"id":5,"check":"cost","input":{"item":"服务器存储","amount":"30"}}"#,
    ];
    let mut out = String::from("prefix\n");
    let mut expected = out.clone();
    for line in lines {
        batch_line_into(line, &mut out);
        out.push('\n');
        expected.push_str(&batch_line(line));
        expected.push('\n');
    }
    assert_eq!(out, expected);
    for (answer, line) in out.lines().skip(1).zip(lines) {
        let v: Value = serde_json::from_str(answer).unwrap();
        assert!(
            v.get("verdict").is_some() != v.get("error").is_some(),
            "{line}: {answer}"
        );
    }
}
