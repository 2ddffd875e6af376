//! Replays every conformance corpus natively: `tests/cases/*.jsonl` (ours) and, when the
//! spec sits beside the repository, `../shared/spec/examples/*.jsonl` and its
//! `revision-2/` folder. The Wasm build
//! replays the very same files (tests/wasm.rs), and `.ci/run` runs them through the CLI
//! and the npm package with `--parity`.

mod common;

use std::path::Path;

/// Shared cases that wait for an open issue (id prefix, why). Each must still fail: the
/// test fails once one passes, so this list empties as the issues land.
const PENDING: &[(&str, &str)] = &[(
    "r2-inv-",
    "issue 15: contract §8, bad values become `invalid` findings",
)];

fn corpus_files() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        root.join("tests/cases"),
        root.join("../shared/spec/examples"),
        root.join("../shared/spec/examples/revision-2"),
    ] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                if e.path().extension().is_some_and(|x| x == "jsonl") {
                    files.push(e.path());
                }
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_case_of_every_corpus_passes() {
    let mut failures = Vec::new();
    let mut n = 0;
    for file in corpus_files() {
        let name = file
            .file_name()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_string();
        let text = std::fs::read_to_string(&file).expect("readable corpus");
        for case in common::cases(&name, &text) {
            n += 1;
            let request =
                serde_json::json!({ "check": case.value["check"], "input": case.value["input"] });
            let answer = govit_check::evaluate_json(&request.to_string());
            let answer = if answer.get("error").is_some() {
                answer
            } else {
                serde_json::json!({ "verdict": answer })
            };
            let problems = common::judge(&case.value, &answer);
            let id = case.value["id"].as_str().unwrap_or_default();
            if let Some((_, why)) = PENDING.iter().find(|(p, _)| id.starts_with(p)) {
                // Waits for an open issue: it must still fail, so the list cannot go stale.
                if problems.is_empty() {
                    failures.push(format!(
                        "{} {id}: passes now — remove it from PENDING ({why})",
                        case.src
                    ));
                }
                continue;
            }
            for e in problems {
                failures.push(format!("{} {}: {e}", case.src, case.value["id"]));
            }
        }
    }
    assert!(n > 0, "no corpus cases found");
    assert!(
        failures.is_empty(),
        "{} of {n} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn case_ids_are_unique() {
    let mut seen = std::collections::HashSet::new();
    for file in corpus_files() {
        let text = std::fs::read_to_string(&file).expect("readable corpus");
        for case in common::cases(&file.display().to_string(), &text) {
            let id = case.value["id"].as_str().unwrap_or_default().to_string();
            assert!(
                seen.insert(id.clone()),
                "duplicate case id {id} in {}",
                case.src
            );
        }
    }
}
