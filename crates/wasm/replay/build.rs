//! Finds the conformance corpus (tests/corpus.json, read by tests/common/corpus.rs as
//! the native replay reads it), runs every case through the library natively and writes
//! `$OUT_DIR/corpus.rs`: each case's request and the native answer, which the Wasm replay
//! (tests/corpus.rs) must reproduce byte for byte through the binding. A new case file in
//! a listed folder is picked up by the next build; nothing is listed by hand.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "a build script: a broken corpus must stop the build loudly"
)]

#[path = "../../../tests/common/corpus.rs"]
#[allow(dead_code, reason = "answer_line is the native replay's")]
mod corpus;

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let root = manifest.join("../../..");
    println!(
        "cargo:rerun-if-changed={}",
        root.join(corpus::DEFINITION).display()
    );
    println!(
        "cargo:rerun-if-changed={}",
        root.join("tests/common/corpus.rs").display()
    );
    for folder in corpus::folders(&root).unwrap_or_else(|e| panic!("{e}")) {
        // A folder: any change below it reruns this script.
        println!("cargo:rerun-if-changed={}", root.join(folder).display());
    }
    let files = corpus::case_files(&root).unwrap_or_else(|e| panic!("{e}"));
    let mut out = String::from(
        "/// Every case of the corpus, in file order.\npub static CASES: &[Case] = &[\n",
    );
    let mut n = 0;
    for file in &files {
        let text = std::fs::read_to_string(&file.path)
            .unwrap_or_else(|e| panic!("{}: {e}", file.path.display()));
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let src = format!("{}:{}", file.name, i + 1);
            let case: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{src}: not a case: {e}"));
            let request = serde_json::json!({ "check": case["check"], "input": case["input"] });
            let request = request.to_string();
            let native = corpus::native_answer(&request);
            let input = case.get("input").map(|v| v.to_string());
            let _ = writeln!(
                out,
                "    Case {{ src: {src:?}, id: {:?}, check: {:?}, input: {input:?}, request: {request:?}, native: {native:?} }},",
                case["id"].to_string(),
                case["check"].as_str(),
            );
            n += 1;
        }
    }
    assert!(n > 0, "no corpus cases found");
    out.push_str("];\n");
    let _ = writeln!(
        out,
        "/// `ruleset_id` of the native build of the library.\npub const NATIVE_RULESET_ID: &str = {:?};",
        govit_check::RULESET_ID
    );
    // Every catalog (`rules`, `form`), the native library's text: the binding has none of
    // its own (the package ships them as assets); the tests hand these to it, and the
    // English texts and the reading data with them.
    println!(
        "cargo:rerun-if-changed={}",
        root.join("src/regimes").display()
    );
    out.push_str("/// Every catalog by name, the native library's JSON text (and `texts.en`, `reading.<regime>`).\npub static CATALOGS: &[(&str, &str)] = &[\n");
    for catalog in govit_check::Catalog::all() {
        let _ = writeln!(out, "    ({:?}, {:?}),", catalog.name(), catalog.to_json());
    }
    // Each fee table's reading data (`reading.<regime>`), its text as the library holds it.
    for reading in govit_check::Catalog::readings() {
        let _ = writeln!(out, "    ({:?}, {:?}),", reading.name(), reading.text());
    }
    // And the texts the binding leaves out (`texts.en`), as the package's asset holds them.
    for locale in govit_check::Locale::ALL {
        if let Some(text) = govit_check::texts_asset(locale) {
            // Escaped char by char: the texts are NUL-separated, and `{:?}` would write a NUL
            // before a digit as `\0` followed by the digit (an octal-looking escape).
            let _ = writeln!(
                out,
                "    (\"texts.{}\", \"{}\"),",
                locale.tag(),
                text.escape_default()
            );
        }
    }
    out.push_str("];\n");
    // Requests whose answers need the English texts (a verdict, a thrown error naming a
    // field by its label, a change) and their native answers, for tests/texts.rs; last,
    // the first one's request in Chinese.
    out.push_str(
        "/// Requests answered in English (and, last, one in Chinese) with their native answers.\n\
         pub static SAMPLES: &[(&str, Result<&str, &str>)] = &[\n",
    );
    // The requests are test data (tests/english-samples.jsonl, one request per line).
    let samples = root.join("crates/wasm/replay/tests/english-samples.jsonl");
    println!("cargo:rerun-if-changed={}", samples.display());
    let samples = std::fs::read_to_string(&samples).expect("tests/english-samples.jsonl read");
    for request in samples.lines().filter(|l| !l.trim().is_empty()) {
        let native = corpus::native_answer(request);
        let _ = writeln!(out, "    ({request:?}, {:?}),", native.as_deref());
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("corpus.rs");
    std::fs::write(dest, out).expect("$OUT_DIR/corpus.rs written");
}
