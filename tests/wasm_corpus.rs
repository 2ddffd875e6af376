//! Guards the Wasm corpus replay: tests/wasm.rs compiles the corpus files in with
//! `include_str!`, so each file must be listed there by hand. This native test fails
//! when a `tests/cases/*.jsonl` or `../shared/spec/examples/*.jsonl` file is not.

use std::path::Path;

#[test]
fn wasm_corpus_lists_every_case_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let listing = std::fs::read_to_string(root.join("tests/wasm.rs")).expect("tests/wasm.rs");
    let mut unlisted = Vec::new();
    for (dir, prefix) in [
        ("tests/cases", "cases/"),
        ("../shared/spec/examples", "../../shared/spec/examples/"),
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".jsonl") {
                continue;
            }
            let include = format!("include_str!(\"{prefix}{name}\")");
            if !listing.contains(&include) {
                unlisted.push(format!("(\"{name}\", {include}),"));
            }
        }
    }
    assert!(
        unlisted.is_empty(),
        "run `python3 tools/sync_wasm_corpus.py` (or add these lines to CORPUS in tests/wasm.rs) so the Wasm replay runs them too:\n{}",
        unlisted.join("\n")
    );
}
