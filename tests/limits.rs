//! Every documented input limit (src/limits.rs), tested at the limit and one over: at
//! the limit the input is checked, one over it is `too_large` at the value's pointer,
//! with a message that states the limit. (The CLI's own bounds: crates/cli/tests/cli.rs.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a failed test"
)]

use govit_check::evaluate_str;
use govit_check::limits::*;
use serde_json::Value;
#[path = "common/verdicts.rs"]
mod verdicts;
use verdicts::{ok, too_large};

fn eligibility(text: &str) -> Value {
    serde_json::from_str(&evaluate_str("eligibility", text)).unwrap()
}

/// An application with one extra (ignored) key `x` holding `extra`.
fn with_extra(extra: &str) -> String {
    format!(r#"{{"regime":"baotou","x":{extra}}}"#)
}

#[test]
fn input_bytes() {
    let base = r#"{"regime":"baotou"}"#;
    let at = format!("{base}{}", " ".repeat(MAX_INPUT_BYTES - base.len()));
    assert_eq!(at.len(), MAX_INPUT_BYTES);
    ok(&eligibility(&at));
    let over = format!("{at} ");
    too_large(&eligibility(&over), "", MAX_INPUT_BYTES);
    // The same through a request and a batch line.
    let req = format!(r#"{{"check":"eligibility","input":{base}}}"#);
    let req_over = format!("{req}{}", " ".repeat(MAX_INPUT_BYTES + 1 - req.len()));
    let v = govit_check::evaluate_json(&req_over);
    too_large(&v, "", MAX_INPUT_BYTES);
    let line: Value = serde_json::from_str(&govit_check::batch_line(&req_over)).unwrap();
    assert_eq!(line["id"], Value::Null);
    too_large(&line, "", MAX_INPUT_BYTES);
}

#[test]
fn nesting_depth() {
    // The root object is level 1; `x` adds the rest.
    let nest = |levels: usize| "[".repeat(levels) + &"]".repeat(levels);
    ok(&eligibility(&with_extra(&nest(MAX_DEPTH - 1))));
    let v = eligibility(&with_extra(&nest(MAX_DEPTH)));
    let field = format!("/x{}", "/0".repeat(MAX_DEPTH - 1));
    too_large(&v, &field, MAX_DEPTH);
    // An input inside a request or batch line has the same depth limit, and the same
    // pointer (relative to the input).
    let req = |levels: usize| {
        format!(
            r#"{{"check":"eligibility","input":{}}}"#,
            with_extra(&nest(levels))
        )
    };
    assert_eq!(
        govit_check::evaluate_json(&req(MAX_DEPTH - 1))["check"],
        "eligibility"
    );
    too_large(
        &govit_check::evaluate_json(&req(MAX_DEPTH)),
        &field,
        MAX_DEPTH,
    );
    let line: Value = serde_json::from_str(&govit_check::batch_line(&req(MAX_DEPTH))).unwrap();
    too_large(&line, &field, MAX_DEPTH);
    // Objects count like arrays.
    let objs = |levels: usize| "{\"a\":".repeat(levels) + "1" + &"}".repeat(levels);
    ok(&eligibility(&with_extra(&objs(MAX_DEPTH - 1))));
    let v = eligibility(&with_extra(&objs(MAX_DEPTH)));
    too_large(&v, &format!("/x{}", "/a".repeat(MAX_DEPTH - 1)), MAX_DEPTH);
    // A hostile depth far over the limit stops at the limit (no stack overflow).
    let v = eligibility(&with_extra(&nest(MAX_INPUT_BYTES / 2 - 20)));
    assert_eq!(v["error"]["code"], "too_large");
}

#[test]
fn string_bytes() {
    let s = |n: usize| format!("\"{}\"", "a".repeat(n));
    ok(&eligibility(&with_extra(&s(MAX_STRING_BYTES))));
    too_large(
        &eligibility(&with_extra(&s(MAX_STRING_BYTES + 1))),
        "/x",
        MAX_STRING_BYTES,
    );
    // Counted in UTF-8 bytes: 项 is three.
    let zh = |n: usize| format!("\"{}\"", "项".repeat(n));
    ok(&eligibility(&with_extra(&zh(MAX_STRING_BYTES / 3))));
    too_large(
        &eligibility(&with_extra(&format!(
            "\"{}ab\"",
            "项".repeat(MAX_STRING_BYTES / 3)
        ))),
        "/x",
        MAX_STRING_BYTES,
    );
    // With escapes the decoded length counts.
    let esc = |n: usize| format!("\"\\n{}\"", "a".repeat(n - 1));
    ok(&eligibility(&with_extra(&esc(MAX_STRING_BYTES))));
    too_large(
        &eligibility(&with_extra(&esc(MAX_STRING_BYTES + 1))),
        "/x",
        MAX_STRING_BYTES,
    );
    // Keys too.
    let key = format!(
        r#"{{"regime":"baotou","{}":1}}"#,
        "k".repeat(MAX_STRING_BYTES + 1)
    );
    assert_eq!(eligibility(&key)["error"]["code"], "too_large");
}

#[test]
fn text_chars() {
    let name = |n: usize| {
        format!(
            r#"{{"regime":"baotou","project":{{"name":"{}"}}}}"#,
            "项".repeat(n)
        )
    };
    ok(&eligibility(&name(MAX_TEXT_CHARS)));
    too_large(
        &eligibility(&name(MAX_TEXT_CHARS + 1)),
        "/project/name",
        MAX_TEXT_CHARS,
    );
    // Characters, not bytes: 500 four-byte characters are fine.
    let emoji = format!(
        r#"{{"regime":"baotou","project":{{"name":"{}"}}}}"#,
        "😀".repeat(500)
    );
    ok(&eligibility(&emoji));
    // The English message says characters.
    let v = eligibility(&format!(
        r#"{{"regime":"baotou","locale":"en","project":{{"name":"{}"}}}}"#,
        "a".repeat(MAX_TEXT_CHARS + 1)
    ));
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("500 characters"),
        "{v}"
    );
}

#[test]
fn array_len() {
    let arr = |n: usize| format!("[{}]", vec!["0"; n].join(","));
    ok(&eligibility(&with_extra(&arr(MAX_ARRAY_LEN))));
    too_large(
        &eligibility(&with_extra(&arr(MAX_ARRAY_LEN + 1))),
        "/x",
        MAX_ARRAY_LEN,
    );
}

#[test]
fn object_keys() {
    let obj = |n: usize| {
        let keys: Vec<String> = (0..n).map(|i| format!("\"k{i}\":0")).collect();
        format!("{{{}}}", keys.join(","))
    };
    ok(&eligibility(&with_extra(&obj(MAX_OBJECT_KEYS))));
    too_large(
        &eligibility(&with_extra(&obj(MAX_OBJECT_KEYS + 1))),
        "/x",
        MAX_OBJECT_KEYS,
    );
}

#[test]
fn funding_and_chapters() {
    let funding = |n: usize| {
        format!(
            r#"{{"regime":"baotou","project":{{"funding":[{}]}}}}"#,
            vec!["\"local_fiscal\""; n].join(",")
        )
    };
    assert_eq!(MAX_FUNDING_ENTRIES, 28);
    ok(&eligibility(&funding(MAX_FUNDING_ENTRIES)));
    too_large(
        &eligibility(&funding(MAX_FUNDING_ENTRIES + 1)),
        "/project/funding",
        MAX_FUNDING_ENTRIES,
    );
    let chapters = |n: usize| {
        format!(
            r#"{{"regime":"wulong","facts":{{"design_chapters":[{}]}}}}"#,
            vec!["\"crypto_plan\""; n].join(",")
        )
    };
    assert_eq!(MAX_CHAPTER_ENTRIES, 20);
    ok(&eligibility(&chapters(MAX_CHAPTER_ENTRIES)));
    too_large(
        &eligibility(&chapters(MAX_CHAPTER_ENTRIES + 1)),
        "/facts/design_chapters",
        MAX_CHAPTER_ENTRIES,
    );
}

fn check(check: &str, text: &str) -> Value {
    serde_json::from_str(&evaluate_str(check, text)).unwrap()
}

#[test]
fn budget_lines() {
    assert_eq!(govit_check::MAX_COST_LINES, MAX_ITEMS);
    let costs = |n: usize| {
        format!(
            r#"{{"items":[{}]}}"#,
            vec![r#"{"item":"camera","amount":"1"}"#; n].join(",")
        )
    };
    let v = check("costs", &costs(MAX_ITEMS));
    assert_eq!(
        v["lines"].as_array().unwrap().len(),
        MAX_ITEMS,
        "{}",
        v["error"]
    );
    assert_eq!(v["totals"]["included"], MAX_ITEMS.to_string());
    too_large(&check("costs", &costs(MAX_ITEMS + 1)), "/items", MAX_ITEMS);
}

#[test]
fn change_items() {
    assert_eq!(govit_check::MAX_ITEMS, MAX_ITEMS);
    let change = |n: usize| {
        format!(
            r#"{{"regime":"wulong","approved_total":"1000","goal_changed":false,"reason":"other","items":[{}]}}"#,
            vec![r#"{"approved":"1","proposed":"1"}"#; n].join(",")
        )
    };
    let v = check("change", &change(MAX_ITEMS));
    assert_eq!(v["check"], "change", "{v}");
    assert_eq!(v["figures"]["adjustment"], "0");
    too_large(
        &check("change", &change(MAX_ITEMS + 1)),
        "/items",
        MAX_ITEMS,
    );
}

#[test]
fn item_names() {
    let cost = |n: usize| format!(r#"{{"item":"{}"}}"#, "项".repeat(n));
    // At the limit the text is read (and is no item of the table).
    assert_eq!(
        check("cost", &cost(MAX_TEXT_CHARS))["error"]["code"],
        "unknown_item"
    );
    too_large(
        &check("cost", &cost(MAX_TEXT_CHARS + 1)),
        "/item",
        MAX_TEXT_CHARS,
    );
    let change = |n: usize| {
        format!(
            r#"{{"regime":"wulong","approved_total":"1000","items":[{{"name":"{}","approved":"1","proposed":"1"}}]}}"#,
            "项".repeat(n)
        )
    };
    assert_eq!(check("change", &change(MAX_TEXT_CHARS))["check"], "change");
    too_large(
        &check("change", &change(MAX_TEXT_CHARS + 1)),
        "/items/0/name",
        MAX_TEXT_CHARS,
    );
}
