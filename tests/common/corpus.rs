//! Where the conformance cases live, as `tests/corpus.json` defines it (the one
//! definition; tools/conformance.py `--corpus` reads the same file the same way): every
//! `*.jsonl` under each listed folder, recursively, in order of its path. Shared by the
//! native replay (tests/corpus.rs) and the Wasm replay's build script
//! (crates/wasm/replay/build.rs), which includes this file by path.

use std::path::{Path, PathBuf};

/// The definition file, relative to the repository root.
pub const DEFINITION: &str = "tests/corpus.json";

/// One case file.
pub struct CaseFile {
    /// Its path relative to the repository root, `/`-separated (`tests/cases/cost.jsonl`).
    pub name: String,
    /// Its full path.
    pub path: PathBuf,
}

/// The folders `tests/corpus.json` lists, relative to `root` (the repository root).
///
/// # Errors
/// The definition cannot be read, has no `folders` list of strings, or lists a folder
/// outside the repository (absolute, or with a `..` segment).
pub fn folders(root: &Path) -> Result<Vec<String>, String> {
    let path = root.join(DEFINITION);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    v["folders"]
        .as_array()
        .and_then(|a| a.iter().map(|f| f.as_str().map(String::from)).collect())
        .ok_or_else(|| format!("{}: `folders` must be a list of strings", path.display()))
        .and_then(|folders: Vec<String>| {
            match folders.iter().find(|f| !inside(f)) {
                Some(f) => Err(format!(
                    "{DEFINITION} lists the folder {f}, outside the repository: a clone anywhere must hold every case"
                )),
                None => Ok(folders),
            }
        })
}

/// Whether a listed folder lies inside the repository: relative, no `..` segment.
fn inside(folder: &str) -> bool {
    !Path::new(folder).is_absolute() && !folder.split(['/', '\\']).any(|s| s == "..")
}

/// Every case file: each `*.jsonl` under each folder, recursively; within a folder in
/// order of the path below it (compared as text, as tools/conformance.py sorts).
///
/// # Errors
/// The definition is unreadable, or a folder it lists does not exist or cannot be read.
pub fn case_files(root: &Path) -> Result<Vec<CaseFile>, String> {
    let mut files = Vec::new();
    for folder in folders(root)? {
        let dir = root.join(&folder);
        if !dir.is_dir() {
            return Err(format!(
                "{DEFINITION} lists the folder {folder}, which does not exist (from {})",
                root.display()
            ));
        }
        let mut found = Vec::new();
        walk(&dir, "", &mut found)?;
        found.sort();
        files.extend(found.into_iter().map(|rel| CaseFile {
            path: dir.join(&rel),
            name: format!("{folder}/{rel}"),
        }));
    }
    Ok(files)
}

/// Collects the `*.jsonl` files below `dir` as `/`-separated paths after `prefix`.
fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("{prefix}{name}");
        let kind = entry
            .file_type()
            .map_err(|e| format!("{}: {e}", entry.path().display()))?;
        // Linked folders are followed, as tools/conformance.py walks (followlinks).
        let is_dir = kind.is_dir() || (kind.is_symlink() && entry.path().is_dir());
        if is_dir {
            walk(&entry.path(), &format!("{rel}/"), out)?;
        } else if name.ends_with(".jsonl") {
            out.push(rel);
        }
    }
    Ok(())
}

/// The library's answer to one request `{"check", "input"}` (JSON text): the verdict's
/// JSON text, or the error object `{"error": {...}}` as JSON text — what a batch line's
/// answer carries (native replay) and what the Wasm replay must reproduce byte for byte.
pub fn native_answer(request: &str) -> Result<String, String> {
    govit_check::request_checked(request).map_err(|e| e.to_json())
}

/// A batch answer line `{"id", "verdict"}` or `{"id", "error"}` (without a line end).
pub fn answer_line(id: &serde_json::Value, answer: &Result<String, String>) -> String {
    match answer {
        Ok(verdict) => format!("{{\"id\":{id},\"verdict\":{verdict}}}"),
        Err(error) => format!("{{\"id\":{id},{}", error.get(1..).unwrap_or("}")),
    }
}
