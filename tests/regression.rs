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

/// A batch line's answer as JSON, given as bytes (as the CLI reads them).
fn line_answer(line: &[u8]) -> Value {
    let mut out = String::new();
    govit_check::batch_bytes_into(line, &mut out);
    serde_json::from_str(&out).unwrap()
}

#[test]
fn invalid_utf8_is_refused_at_its_offset_and_never_read_as_u_fffd() {
    // In a value: the pointer of that value, the offset of the bad byte.
    let text = b"{\"regime\":\"baotou\",\"project\":{\"name\":\"\xe6\xb5\x8b\xff\"}}";
    let v: Value = serde_json::from_str(&govit_check::evaluate_bytes("eligibility", text)).unwrap();
    assert_eq!(v["error"]["code"], "invalid_json", "{v}");
    assert_eq!(v["error"]["field"], "/project/name");
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(msg.contains("UTF-8") && msg.contains(" 41 "), "{msg}");
    // A batch id is never altered: unreadable (the bad byte is in it) → null; readable
    // before the bad byte → exactly as written.
    let a = line_answer(b"{\"id\":\"r\xff1\",\"check\":\"version\",\"input\":{}}");
    assert_eq!(
        (a["id"].clone(), a["error"]["field"].clone()),
        (Value::Null, "/id".into())
    );
    let a =
        line_answer(b"{\"id\":\"r\xc3\xa91\",\"check\":\"cost\",\"input\":{\"item\":\"\xc3\"}}");
    assert_eq!(a["id"], "r\u{e9}1");
    assert_eq!(
        (a["error"]["code"].as_str(), a["error"]["field"].as_str()),
        (Some("invalid_json"), Some("/item"))
    );
}

#[test]
fn utf16_input_is_reported_as_utf16_not_as_a_syntax_error() {
    let utf16 = |s: &str, bom: bool| -> Vec<u8> {
        let mut b: Vec<u8> = if bom { vec![0xff, 0xfe] } else { Vec::new() };
        b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        b
    };
    for bom in [true, false] {
        let text = utf16(r#"{"regime":"baotou","locale":"en"}"#, bom);
        let v: Value =
            serde_json::from_str(&govit_check::evaluate_bytes("eligibility", &text)).unwrap();
        assert_eq!(v["error"]["code"], "invalid_json");
        let msg = v["error"]["message"].as_str().unwrap();
        assert!(msg.contains("UTF-16") && msg.contains("UTF-8"), "{msg}");
    }
}

#[test]
fn a_line_that_fails_answers_with_the_id_it_holds_before_the_fault() {
    let id = |line: &[u8]| line_answer(line)["id"].clone();
    assert_eq!(id(br#"{"id":"a","check":"cost","input":{"item":}}"#), "a");
    assert_eq!(id(br#"{"id":17,"check":"cost","input":"#), 17);
    assert_eq!(
        id(br#"{"id":["x",{"n":1}],"check":tru"#),
        serde_json::json!(["x", {"n": 1}])
    );
    // Deep nesting and long strings fail at the limit, after the id.
    let deep = format!(r#"{{"id":"d","check":"cost","input":{}}}"#, "[".repeat(100));
    assert_eq!(id(deep.as_bytes()), "d");
    // Over the size limit: the id at its start is read.
    let mut over = br#"{"id":"big","check":"version","input":{"x":""#.to_vec();
    over.resize(govit_check::limits::MAX_INPUT_BYTES + 1, b'a');
    let a = line_answer(&over);
    assert_eq!(
        (a["id"].as_str(), a["error"]["code"].as_str()),
        (Some("big"), Some("too_large"))
    );
    // Not readable before the fault: null.
    assert_eq!(id(br#"{"check":"cost","input":{},"id""#), Value::Null);
    assert_eq!(id(br#"{"id":"unterminated"#), Value::Null);
    assert_eq!(id(br#"{"x":{"id":"nested"},"#), Value::Null);
    assert_eq!(id(b"[\"id\",1"), Value::Null);
}

#[test]
fn repeated_keys_read_as_json_parse_reads_them() {
    // The answer to a text with repeated keys is the answer to the text JSON.parse and
    // JSON.stringify make of it (what the npm package is given): each key once, in the
    // place of its first occurrence, with its last value (serde_json's preserve_order
    // map reads the same way).
    let as_js =
        |t: &str| serde_json::to_string(&serde_json::from_str::<Value>(t).unwrap()).unwrap();
    for text in [
        r#"{"regime":"baotou","project":{"investment":{"total":"abc","total":"250"}}}"#,
        r#"{"regime":"baotou","project":{"name":1,"kind":2,"name":3}}"#,
        r#"{"regime":"baotou","as_of":"bad","facts":{"on_gov_cloud":1},"as_of":"2026-13-01"}"#,
        r#"{"regime":"baotou","regime":"wulong","locale":"xx","locale":"en","project":{"kind":"nope"}}"#,
        r#"{"regime":"wulong","facts":{"on_gov_cloud":true,"on_gov_cloud":null}}"#,
    ] {
        assert_eq!(
            evaluate_str("eligibility", text),
            evaluate_str("eligibility", &as_js(text)),
            "{text}"
        );
    }
    // A repeated key counts once toward the 1,000-key limit.
    let keys: Vec<String> = (0..1000).map(|i| format!("\"k{i}\":{i}")).collect();
    let text = format!(
        r#"{{"regime":"baotou","x":{{{},{}}}}}"#,
        keys.join(","),
        keys.join(",")
    );
    assert!(answer("eligibility", &text).is_none());
    let text = format!(
        r#"{{"regime":"baotou","x":{{{},"k1000":0}}}}"#,
        keys.join(",")
    );
    assert_eq!(error("eligibility", &text), s("too_large", "/x"));
}

#[test]
fn non_finite_numbers_are_refused_alike_however_they_are_written() {
    // 1e400 and a 400-digit integer are the same number to JavaScript (Infinity): every
    // field answers them alike, by the type it takes.
    let fields = [
        ("eligibility", r#"{"regime":X}"#, "invalid_type"),
        (
            "eligibility",
            r#"{"regime":"baotou","as_of":X}"#,
            "invalid_type",
        ),
        (
            "eligibility",
            r#"{"regime":"baotou","locale":X}"#,
            "invalid_type",
        ),
        (
            "eligibility",
            r#"{"regime":"baotou","project":{"name":X}}"#,
            "invalid_type",
        ),
        (
            "eligibility",
            r#"{"regime":"baotou","project":{"budget_year":X}}"#,
            "invalid_value",
        ),
        (
            "eligibility",
            r#"{"regime":"baotou","project":{"service_years":X}}"#,
            "invalid_value",
        ),
        (
            "eligibility",
            r#"{"regime":"baotou","project":{"investment":{"total":X}}}"#,
            "invalid_value",
        ),
        (
            "eligibility",
            r#"{"regime":"baotou","project":{"funding":[X]}}"#,
            "invalid_type",
        ),
        (
            "eligibility",
            r#"{"regime":"baotou","facts":{"on_gov_cloud":X}}"#,
            "invalid_type",
        ),
        ("cost", r#"{"item":X}"#, "invalid_type"),
        ("cost", r#"{"item":"camera","amount":X}"#, "invalid_value"),
        (
            "change",
            r#"{"regime":"wulong","approved_total":"10","items":[{"name":X,"approved":"1","proposed":"1"}]}"#,
            "invalid_type",
        ),
        (
            "change",
            r#"{"regime":"wulong","approved_total":"10","items":[{"approved":X,"proposed":"1"}]}"#,
            "invalid_value",
        ),
    ];
    let big = format!("1{}", "0".repeat(400));
    for (check, template, code) in fields {
        let a = evaluate_str(check, &template.replace('X', "1e400"));
        for other in [big.as_str(), "1E+400", "-1e400"] {
            let b = evaluate_str(check, &template.replace('X', other));
            let (a, b) = if other.starts_with('-') {
                (a.replace("1e400", ""), b.replace("1e400", ""))
            } else {
                (a.clone(), b)
            };
            assert_eq!(a, b, "{template} with {other}");
        }
        let v: Value = serde_json::from_str(&a).unwrap();
        if check == "cost" {
            assert_eq!(v["error"]["code"], code, "{template}: {v}");
        } else {
            // Eligibility and change (contract §8): an `invalid` finding, the verdict stands.
            assert!(refusal(&v).is_some(), "{template}: {v}");
        }
    }
    // A refused year is not told to enter an amount.
    let v: Value = serde_json::from_str(&evaluate_str(
        "eligibility",
        r#"{"regime":"baotou","locale":"en","project":{"budget_year":1e400}}"#,
    ))
    .unwrap();
    let msg = refusal(&v).unwrap();
    assert!(!msg.contains("amount"), "{msg}");
}

/// The message that refuses a bad value: an error's, or (eligibility and change, contract
/// §8) the first `invalid` finding's.
fn refusal(v: &Value) -> Option<String> {
    if let Some(m) = v["error"]["message"].as_str() {
        return Some(m.to_string());
    }
    v["findings"]
        .as_array()?
        .iter()
        .find(|f| f["level"] == "invalid")
        .and_then(|f| f["message"].as_str())
        .map(str::to_string)
}

#[test]
fn a_negative_amount_of_any_length_is_called_negative() {
    for t in [
        format!("\"-{}\"", "9".repeat(40)),
        format!("\"-0.{}1\"", "0".repeat(40)),
        format!("-{}", "9".repeat(40)),
        "-1e300".to_string(),
    ] {
        let text = format!(
            r#"{{"regime":"baotou","locale":"en","project":{{"investment":{{"total":{t}}}}}}}"#
        );
        let v: Value = serde_json::from_str(&evaluate_str("eligibility", &text)).unwrap();
        let msg = refusal(&v).unwrap();
        assert!(msg.contains("negative"), "{t}: {msg}");
    }
}

#[test]
fn parse_errors_speak_the_locale_the_input_asks_for() {
    let en = |v: &Value| {
        let m = v["error"]["message"].as_str().unwrap();
        assert!(m.is_ascii(), "{m}");
    };
    let v: Value = serde_json::from_str(&evaluate_str(
        "cost",
        r#"{"locale":"en","item":"camera","amount":1.}"#,
    ))
    .unwrap();
    en(&v);
    en(&evaluate_json(
        r#"{"check":"cost","input":{"locale":"en","item":"camera","amount":1.}}"#,
    ));
    en(&line_answer(
        br#"{"id":1,"check":"cost","input":{"locale":"en","item":"x","k":"#,
    ));
    // Over the size limit, too.
    let mut over = br#"{"locale":"en","x":""#.to_vec();
    over.resize(govit_check::limits::MAX_INPUT_BYTES + 10, b'a');
    en(&serde_json::from_str(&govit_check::evaluate_bytes("eligibility", &over)).unwrap());
    // Without a readable locale before the fault: Chinese, wholly.
    let v: Value = serde_json::from_str(&evaluate_str(
        "cost",
        r#"{"item":"camera","amount":1.,"locale":"en"}"#,
    ))
    .unwrap();
    assert!(
        v["error"]["message"].as_str().unwrap().contains("字节偏移"),
        "{v}"
    );
}

/// Found by the fuzzer: the id of a line is echoed as written, also a number past the
/// double range, and also when the line fails after it.
#[test]
fn a_batch_id_is_echoed_as_written_even_past_the_double_range() {
    let mut out = String::new();
    govit_check::batch_bytes_into(b"{\"id\":99999999999991e400 #,\"check\":\"cost\"", &mut out);
    assert!(
        out.starts_with("{\"id\":99999999999991e400,\"error\":"),
        "{out}"
    );
    let out = batch_line(r#"{"id":-1E+400,"check":"version","input":{}}"#);
    assert!(out.starts_with(r#"{"id":-1E+400,"verdict":"#), "{out}");
}

/// Found by the fuzzer (an overflow in naming the field of a message): a key of digits
/// past the largest index, in the pointer of an error, is named as a key.
#[test]
fn a_key_of_digits_past_any_index_in_an_error_pointer_is_no_overflow() {
    let text = "{\"cInfinity\": {\"000018446744073709551615\": \u{13}null}}";
    let e = answer("eligibility", text).unwrap();
    assert_eq!(e["code"], "invalid_json");
    assert_eq!(e["field"], "/cInfinity/000018446744073709551615");
    let msg = e["message"].as_str().unwrap();
    assert!(msg.contains("应为一个 JSON 值"), "{msg}");
}
