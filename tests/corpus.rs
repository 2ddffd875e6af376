//! Replays the whole conformance corpus natively, in process, and has the answers judged
//! by the one judge, tools/conformance.py (itself the spec's judge, tools/spec/conformance.py,
//! copied from the spec): where the cases live is tests/corpus.json, read by
//! tests/common/corpus.rs here, by the Wasm replay's build script
//! (crates/wasm/replay/build.rs) and by `conformance.py --corpus` (the CLI and Node runs
//! of scripts/test.sh). The same pending list of open issues applies everywhere.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a failed test"
)]

#[path = "common/corpus.rs"]
mod corpus;

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `python3 tools/conformance.py ARGS` in the repository root: (success, stdout + stderr).
fn conformance(args: &[&str]) -> (bool, String) {
    let out = Command::new("python3")
        .arg("tools/conformance.py")
        .args(args)
        .current_dir(root())
        .output()
        .expect("python3 runs tools/conformance.py (the judge)");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

#[test]
fn every_case_of_the_corpus_passes_the_judge() {
    let files = corpus::case_files(root()).expect("the corpus definition");
    let mut answers = String::new();
    let mut n = 0;
    for file in &files {
        let text = std::fs::read_to_string(&file.path).expect("readable case file");
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let case: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}:{}: not a case: {e}", file.name, i + 1));
            let request = serde_json::json!({ "check": case["check"], "input": case["input"] });
            let answer = corpus::native_answer(&request.to_string());
            answers.push_str(&corpus::answer_line(&case["id"], &answer));
            answers.push('\n');
            n += 1;
        }
    }
    assert!(n > 0, "no cases found");
    let path =
        std::env::temp_dir().join(format!("govit-check-answers-{}.jsonl", std::process::id()));
    std::fs::write(&path, answers).expect("answers written");
    let (ok, report) = conformance(&["--corpus", "--answers", &path.to_string_lossy()]);
    let _ = std::fs::remove_file(&path);
    assert!(ok, "the judge failed {n} native answers:\n{report}");
    let summary = report.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with(&format!("{}", n - pending_count(&report))),
        "the judge did not judge every case: {summary}"
    );
    println!("{summary}");
}

/// How many cases the judge reported as pending.
fn pending_count(report: &str) -> usize {
    report.lines().filter(|l| l.starts_with("PENDING ")).count()
}

/// The Rust reader of the definition and tools/conformance.py find the same files.
#[test]
fn rust_and_python_find_the_same_case_files() {
    let rust: Vec<String> = corpus::case_files(root())
        .expect("the corpus definition")
        .into_iter()
        .map(|f| f.name)
        .collect();
    let (ok, listing) = conformance(&["--list"]);
    assert!(ok, "{listing}");
    let python: Vec<&str> = listing.lines().collect();
    assert_eq!(rust, python);
    assert!(rust.iter().any(|f| f.starts_with("tests/cases/")));
}

/// The decimals of every percentage written in `text`: for each `%`, the digits after
/// the point of the number right before it (`"16.01%"` → 2; `"15%"` → 0).
fn percent_decimals(text: &str) -> Vec<(String, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c != '%' && c != '％' {
            continue;
        }
        let mut j = i;
        while j > 0 && (chars[j - 1].is_ascii_digit() || chars[j - 1] == '.') {
            j -= 1;
        }
        let number: String = chars[j..i].iter().collect();
        let decimals = number.split_once('.').map_or(0, |(_, d)| d.len());
        out.push((number, decimals));
    }
    out
}

/// Every `message` of an answer (findings, an error, a cost decision, nested lines).
fn messages(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("message", serde_json::Value::String(s)) => out.push(s.clone()),
                    _ => messages(x, out),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| messages(x, out)),
        _ => {}
    }
}

/// Revision 3: no message of any corpus answer, in either language, prints a ratio with
/// more than two decimals (figures stay exact; the words round away from the limit).
#[test]
fn no_message_prints_a_ratio_past_two_decimals() {
    let files = corpus::case_files(root()).expect("the corpus definition");
    let (mut checked, mut percents) = (0, 0);
    for file in &files {
        let text = std::fs::read_to_string(&file.path).expect("readable case file");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let case: serde_json::Value = serde_json::from_str(line).expect("a case");
            for locale in [None, Some("zh-CN"), Some("en")] {
                let mut input = case["input"].clone();
                if let (Some(l), Some(m)) = (locale, input.as_object_mut()) {
                    m.insert("locale".into(), l.into());
                }
                let request = serde_json::json!({ "check": case["check"], "input": input });
                let Ok(answer) = corpus::native_answer(&request.to_string()) else {
                    continue;
                };
                let v: serde_json::Value = serde_json::from_str(&answer).expect("JSON");
                let mut all = Vec::new();
                messages(&v, &mut all);
                for m in all {
                    for (number, decimals) in percent_decimals(&m) {
                        percents += 1;
                        assert!(
                            decimals <= 2,
                            "{}: {number}% has {decimals} decimals in: {m}",
                            case["id"]
                        );
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(
        checked > 1000 && percents > 100,
        "{checked} answers, {percents} percentages"
    );
}

#[test]
fn percent_decimals_are_read() {
    assert_eq!(
        percent_decimals("调整比例 16.01%，超过 15% 上限；33.333333333333333333333333333%"),
        vec![
            ("16.01".into(), 2),
            ("15".into(), 0),
            ("33.333333333333333333333333333".into(), 27)
        ]
    );
}

/// Every case lives in the repository (issue 28: a clone anywhere passes its own tests):
/// the spec's public examples are read from their copy, and a folder outside the
/// repository is refused.
#[test]
fn the_corpus_lies_inside_the_repository() {
    let files = corpus::case_files(root()).expect("the corpus definition");
    assert!(files
        .iter()
        .any(|f| f.name == "tests/spec-examples/examples/public.jsonl"));
    assert!(files
        .iter()
        .any(|f| f.name == "tests/spec-examples/examples/revision-2/public.jsonl"));
    let dir = std::env::temp_dir().join(format!("govit-corpus-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("tests")).expect("scratch folder");
    for outside in ["../shared/spec/examples", "tests/../../x", "/tmp/cases"] {
        let definition = serde_json::json!({ "folders": ["tests", outside] });
        std::fs::write(dir.join(corpus::DEFINITION), definition.to_string()).expect("written");
        let err = corpus::folders(&dir).err().unwrap_or_default();
        assert!(err.contains("outside the repository"), "{outside}: {err:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
