//! serde interop (src/interop.rs), on every input and answer of the corpus: an input read
//! through serde is the input the crate's reader reads (same verdict, or the same error
//! code and pointer), it writes back to JSON that reads to an equal value, and every
//! answer deserializes and writes back byte for byte.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a failed test"
)]

#[path = "common/corpus.rs"]
#[allow(dead_code, reason = "the native replay's helpers")]
mod corpus;

use govit_check::{
    Application, ChangeRequest, ChangeVerdict, CheckError, CostDecision, CostInput, CostsDecision,
    CostsInput, Error, ProjectClass, ProjectClassInput, Verdict,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::path::Path;

/// Every case of the corpus: (source, check, input as JSON text).
fn cases() -> Vec<(String, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for file in corpus::case_files(root).unwrap() {
        let text = std::fs::read_to_string(&file.path).unwrap();
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let case: Value = serde_json::from_str(line).unwrap();
            let (Some(check), Some(input)) = (case["check"].as_str(), case.get("input")) else {
                continue;
            };
            out.push((
                format!("{}:{}", file.name, i + 1),
                check.to_string(),
                input.to_string(),
            ));
        }
    }
    assert!(out.len() > 100);
    out
}

/// `code at "field"` of a serde error raised by the crate's reader.
fn code_and_field(message: &str) -> Option<(String, String)> {
    let (code, rest) = message.split_once(" at \"")?;
    let (field, _) = rest.split_once("\": ")?;
    Some((code.to_string(), field.to_string()))
}

/// What the crate's own reader and the serde reader of `T` make of `input`: the same
/// answer, or the same error code and pointer; and `T` written back reads the same.
fn same_through_serde<T>(src: &str, check: &str, input: &str, answer: impl Fn(&T) -> String)
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let native: Value = serde_json::from_str(&govit_check::evaluate_str(check, input)).unwrap();
    match serde_json::from_str::<T>(input) {
        Ok(value) => {
            if native.get("error").is_some() {
                // Only a check's own verdict-time error may come after a good reading
                // (an unknown cost item): the typed call gives it.
                assert_eq!(answer(&value), native.to_string(), "{src}");
                return;
            }
            assert_eq!(answer(&value), native.to_string(), "{src}: verdict");
            let written = match serde_json::to_string(&value) {
                Ok(w) => w,
                // A budget keeps a line it could not read as its error: no JSON to write.
                // So does an application or a change request holding an unreadable value
                // (contract §8: an `invalid` finding).
                Err(e) if e.to_string().contains("could not be read") => return,
                Err(e) => panic!("{src}: {e}"),
            };
            let again: T = serde_json::from_str(&written)
                .unwrap_or_else(|e| panic!("{src}: {written} reads back: {e}"));
            assert_eq!(again, value, "{src}: written as {written}");
        }
        Err(e) => {
            let err = &native["error"];
            assert!(
                err.is_object(),
                "{src}: serde refused {input}: {e}, the reader did not"
            );
            let message = e.to_string();
            match code_and_field(&message) {
                Some((code, field)) => {
                    assert_eq!(
                        (code.as_str(), field.as_str()),
                        (
                            err["code"].as_str().unwrap(),
                            err["field"].as_str().unwrap()
                        ),
                        "{src}: {message}"
                    );
                }
                None => {
                    panic!("{src}: serde refused {input} without the reader's error: {message}")
                }
            }
        }
    }
}

/// The verdict text of a typed answer, as every surface writes it.
fn text<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

fn error_text(e: &Error) -> String {
    govit_check::error_json(e, govit_check::Locale::Zh)
}

#[test]
fn every_corpus_input_reads_through_serde_as_through_the_reader() {
    let mut n = 0;
    for (src, check, input) in cases() {
        // The answer of the typed call, with the input's own locale for an error.
        let err = |e: Error, locale| govit_check::error_json(&e, locale);
        match check.as_str() {
            "eligibility" => same_through_serde::<Application>(&src, &check, &input, |a| {
                text(&govit_check::check_eligibility(a))
            }),
            "change" => same_through_serde::<ChangeRequest>(&src, &check, &input, |r| {
                govit_check::check_change(r).map_or_else(|e| err(e, r.locale), |v| text(&v))
            }),
            "cost" => same_through_serde::<CostInput>(&src, &check, &input, |c| {
                govit_check::classify_cost(c).map_or_else(|e| err(e, c.locale), |v| text(&v))
            }),
            "costs" => same_through_serde::<CostsInput>(&src, &check, &input, |c| {
                govit_check::classify_costs(c).map_or_else(|e| err(e, c.locale), |v| text(&v))
            }),
            "project_class" => same_through_serde::<ProjectClassInput>(&src, &check, &input, |p| {
                govit_check::classify_project(p).map_or_else(|e| err(e, p.locale), |v| text(&v))
            }),
            _ => continue,
        }
        n += 1;
    }
    assert!(n > 100, "{n}");
}

/// Every answer of the corpus deserializes into its type and writes back byte for byte;
/// every error into an `Error` that writes back the same error object.
#[test]
fn every_corpus_answer_round_trips() {
    fn round_trip<T: DeserializeOwned + Serialize>(src: &str, text: &str) {
        let value: T = serde_json::from_str(text).unwrap_or_else(|e| panic!("{src}: {e}: {text}"));
        assert_eq!(serde_json::to_string(&value).unwrap(), text, "{src}");
    }
    for (src, check, input) in cases() {
        let answer = govit_check::evaluate_str(&check, &input);
        let v: Value = serde_json::from_str(&answer).unwrap();
        if let Some(e) = v.get("error") {
            let e: Error = serde_json::from_value(e.clone()).unwrap();
            assert!(matches!(e, Error::Reported { .. }));
            assert_eq!(error_text(&e), answer, "{src}");
            continue;
        }
        match check.as_str() {
            "eligibility" => round_trip::<Verdict>(&src, &answer),
            "change" => round_trip::<ChangeVerdict>(&src, &answer),
            "cost" => round_trip::<CostDecision>(&src, &answer),
            "costs" => round_trip::<CostsDecision>(&src, &answer),
            "project_class" => round_trip::<ProjectClass>(&src, &answer),
            _ => {}
        }
    }
}

/// The answer of another build (another ruleset_id, a rule id this build lacks) still
/// deserializes: its names are kept as written.
#[test]
fn an_answer_of_another_build_deserializes() {
    let answer = govit_check::evaluate_str(
        "eligibility",
        r#"{"regime":"baotou","project":{"kind":"new"}}"#,
    );
    let other = answer
        .replace(govit_check::RULESET_ID, "00000000000000000000000000000000")
        .replace("baotou.5", "baotou.5.new-in-another-build");
    assert_ne!(other, answer);
    let v: Verdict = serde_json::from_str(&other).unwrap();
    assert_eq!(v.ruleset_id, "00000000000000000000000000000000");
    assert_eq!(serde_json::to_string(&v).unwrap(), other);
    // And `compare` says where the two builds differ for this input.
    let ours: Verdict = serde_json::from_str(&answer).unwrap();
    let c = govit_check::compare(&v, &ours);
    assert!(!c.same_rules());
    assert!(c.differences.iter().any(|d| d.ends_with("/rule")), "{c:?}");
}

/// Money and absent-vs-false as the contract reads them, through serde.
#[test]
fn contract_semantics_through_serde() {
    let app: Application = serde_json::from_str(
        r#"{"regime":"baotou","project":{"investment":{"total":0.1},"classified":null},"facts":{"on_gov_cloud":false}}"#,
    )
    .unwrap();
    assert_eq!(
        app.project.investment.total.map(|m| m.to_string()),
        Some("0.1".into())
    );
    assert_eq!(app.facts.get(govit_check::Fact::OnGovCloud), Some(false));
    assert_eq!(app.facts.get(govit_check::Fact::InProjectLibrary), None);
    // A NaN a format can hold is refused at its field, like the npm package refuses it.
    let e =
        serde_json::from_value::<Application>(serde_json::json!({"regime": "baotou"})).map(|_| ());
    assert!(e.is_ok());
    let e =
        serde_json::from_str::<CostInput>(r#"{"item":"camera","amount":"1.0000001"}"#).unwrap_err();
    assert_eq!(
        code_and_field(&e.to_string()),
        Some(("invalid_value".into(), "/amount".into()))
    );
    // From another serde format's value: a map with a float.
    let v = serde_json::json!({"item": "camera", "amount": 12.5});
    let c: CostInput = serde_json::from_value(v).unwrap();
    assert_eq!(c.amount.map(|m| m.to_string()), Some("12.5".into()));
}

/// Compile-time: every type a server passes through serde, and the error type.
#[test]
fn the_types_a_server_needs() {
    fn owned<T: DeserializeOwned + Serialize>() {}
    owned::<Application>();
    owned::<ChangeRequest>();
    owned::<CostInput>();
    owned::<CostsInput>();
    owned::<ProjectClassInput>();
    owned::<Verdict>();
    owned::<ChangeVerdict>();
    owned::<CostDecision>();
    owned::<CostsDecision>();
    owned::<ProjectClass>();
    fn error<E: std::error::Error + Send + Sync + 'static>() {}
    error::<CheckError>();
    error::<Error>();
    let e = govit_check::evaluate_checked("eligibility", "{").unwrap_err();
    let source = std::error::Error::source(&e).map(ToString::to_string);
    assert_eq!(source, Some(e.error.to_string()));
}
