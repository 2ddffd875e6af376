//! The conformance judge (the same reading as `shared/tools/conformance.py`), shared by
//! the native corpus test and the Wasm replay. A case is
//! `{"id", "check", "input", "expect"}`; an answer is `{"verdict": …}` or `{"error": …}`.

#![allow(dead_code)]
#![allow(
    clippy::panic,
    reason = "a malformed corpus file is a broken test, not an input"
)]

use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

/// One case of a corpus file.
pub struct Case {
    /// `file:line`.
    pub src: String,
    /// The case.
    pub value: Value,
}

/// Reads JSON Lines cases from `text` (named `name` in messages).
pub fn cases(name: &str, text: &str) -> Vec<Case> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| Case {
            src: format!("{name}:{}", n + 1),
            value: serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("{name}:{}: bad case: {e}", n + 1)),
        })
        .collect()
}

fn dec(v: &Value) -> Option<Decimal> {
    match v {
        Value::String(s) => Decimal::from_str(s).ok(),
        Value::Number(n) => Decimal::from_str(&n.to_string()).ok(),
        _ => None,
    }
}

fn rule_ids(v: &Value) -> Vec<String> {
    let mut ids = Vec::new();
    let mut add = |x: &Value| {
        if let Some(s) = x.as_str() {
            ids.push(s.to_string());
        }
    };
    for f in v["findings"].as_array().into_iter().flatten() {
        add(&f["rule"]);
        for r in f["rules"].as_array().into_iter().flatten() {
            add(r);
        }
    }
    add(&v["rule"]);
    for l in v["lines"].as_array().into_iter().flatten() {
        add(&l["rule"]);
    }
    ids
}

/// What falls short of the expectation (empty when the answer passes).
pub fn judge(case: &Value, answer: &Value) -> Vec<String> {
    let exp = &case["expect"];
    let mut errs = Vec::new();
    if exp["any"] == Value::Bool(true) {
        if answer.get("verdict").is_some() || answer["error"]["code"].is_string() {
            return errs;
        }
        return vec![format!("malformed answer {answer}")];
    }
    if exp.get("error_code").is_some() || exp.get("error_field").is_some() {
        let e = &answer["error"];
        if e.is_null() {
            return vec![format!(
                "expected error {}, got a verdict",
                exp["error_code"]
            )];
        }
        for (k, key) in [("error_code", "code"), ("error_field", "field")] {
            if exp.get(k).is_some() && e[key] != exp[k] {
                errs.push(format!("{key} {} != {}", e[key], exp[k]));
            }
        }
        return errs;
    }
    if !answer["error"].is_null() {
        return vec![format!("unexpected error {}", answer["error"])];
    }
    let v = &answer["verdict"];
    let special = [
        "status",
        "rules_include",
        "rules_exclude",
        "documents",
        "supervision_required",
        "regional_review",
        "acceptance",
        "figures",
        "totals",
        "margins",
        "findings_include",
        "findings_exclude",
    ];
    for (k, want) in exp.as_object().into_iter().flatten() {
        if !special.contains(&k.as_str()) && &v[k] != want {
            errs.push(format!("{k} {} != {want}", v[k]));
        }
    }
    if let Some(want) = exp.get("status") {
        if &v["regulation"]["status"] != want {
            errs.push(format!("status {} != {want}", v["regulation"]["status"]));
        }
    }
    // Revision 2: partial findings, every given key equal (a subset match).
    let findings = v["findings"].as_array().cloned().unwrap_or_default();
    let matches = |pat: &Value, f: &Value| {
        pat.as_object()
            .is_some_and(|p| p.iter().all(|(k, want)| f.get(k) == Some(want)))
    };
    for pat in exp["findings_include"].as_array().into_iter().flatten() {
        if !findings.iter().any(|f| matches(pat, f)) {
            errs.push(format!("no finding matches {pat}"));
        }
    }
    for pat in exp["findings_exclude"].as_array().into_iter().flatten() {
        if let Some(f) = findings.iter().find(|f| matches(pat, f)) {
            errs.push(format!("unexpected finding {pat}: {}", f["rule"]));
        }
    }
    let ids = rule_ids(v);
    for r in exp["rules_include"].as_array().into_iter().flatten() {
        if !ids.iter().any(|i| Some(i.as_str()) == r.as_str()) {
            errs.push(format!("missing rule {r}"));
        }
    }
    for r in exp["rules_exclude"].as_array().into_iter().flatten() {
        if ids.iter().any(|i| Some(i.as_str()) == r.as_str()) {
            errs.push(format!("unexpected rule {r}"));
        }
    }
    let proc = &v["procedure"];
    if let Some(want) = exp["documents"].as_array() {
        let mut a: Vec<String> = proc["documents"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| d.to_string())
            .collect();
        let mut b: Vec<String> = want.iter().map(|d| d.to_string()).collect();
        a.sort();
        b.sort();
        if a != b {
            errs.push(format!("documents {a:?} != {b:?}"));
        }
    }
    for k in ["supervision_required", "regional_review", "acceptance"] {
        if let Some(want) = exp.get(k) {
            if &proc[k] != want {
                errs.push(format!("{k} {} != {want}", proc[k]));
            }
        }
    }
    if let Some(m) = exp["margins"].as_object() {
        for (rule, want) in m {
            let got = v["margins"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|x| x["rule"] == rule.as_str())
                .map(|x| x["headroom"].clone())
                .unwrap_or(Value::Null);
            if dec(&got).is_none() || dec(&got) != dec(want) {
                errs.push(format!("margin {rule} {got} != {want}"));
            }
        }
    }
    for group in ["figures", "totals"] {
        for (k, want) in exp[group].as_object().into_iter().flatten() {
            let got = &v[group][k];
            if dec(got).is_none() || dec(got) != dec(want) {
                errs.push(format!("{group}.{k} {got} != {want}"));
            }
        }
    }
    errs
}
