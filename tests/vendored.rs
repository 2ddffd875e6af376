//! The spec the project follows lives in the repository (issue 28): the contract, the
//! rules, the readings and the public examples, the regulations' texts and the spec's
//! conformance judge, copied verbatim from `../shared` as `tests/vendored.txt` lists them.
//! The tests read the copies, so a clone anywhere passes them.
//!
//! When `../shared` sits beside the repository (the team's working layout), the copies
//! must equal it byte for byte, and every file of `../shared/spec`, `../shared/regulations`
//! and `../shared/tools` must have one; a failure says to run `scripts/sync-spec.sh`. When
//! it does not (a clone anywhere else), that comparison is skipped and the test says so on
//! stderr — the one comparison a clone cannot make.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a failed test"
)]

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The list of copies, relative to the repository root.
const LIST: &str = "tests/vendored.txt";
/// The one command that refreshes every copy.
const REFRESH: &str = "scripts/sync-spec.sh";
/// The folders of `../shared` the repository keeps whole.
const KEPT: &[&str] = &["spec", "regulations", "tools"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared`, beside the repository.
fn shared() -> PathBuf {
    root().join("..").join("shared")
}

/// One line of the list: a file (or, ending in `/`, a folder) of `../shared` and its copy.
struct Copy {
    from: String,
    to: String,
}

impl Copy {
    fn is_folder(&self) -> bool {
        self.from.ends_with('/')
    }
}

fn copies() -> Vec<Copy> {
    let text = std::fs::read_to_string(root().join(LIST)).expect("tests/vendored.txt");
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        let [from, to] = parts[..] else {
            panic!(
                "{LIST}:{}: `<path under ../shared> <path here>`: {line}",
                n + 1
            )
        };
        let inside = |p: &str| !p.starts_with('/') && !p.split('/').any(|s| s == "..");
        assert!(inside(from) && inside(to), "{LIST}:{}: {line}", n + 1);
        assert_eq!(from.ends_with('/'), to.ends_with('/'), "{LIST}:{}", n + 1);
        assert!(
            KEPT.iter().any(|k| from.starts_with(&format!("{k}/"))),
            "{LIST}:{}: {from} is not under {KEPT:?}",
            n + 1
        );
        out.push(Copy {
            from: from.into(),
            to: to.into(),
        });
    }
    out
}

/// Every file below `dir`, as `/`-separated paths relative to it, sorted.
fn files_below(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let entry = entry.expect("a folder entry");
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.path().is_dir() {
                walk(&entry.path(), &format!("{name}/"), out);
            } else {
                out.push(name);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out.sort();
    out
}

/// Every copy is in the repository (whether or not `../shared` is beside it): the files
/// the tests read from them are there in a clone anywhere.
#[test]
fn every_copy_is_in_the_repository() {
    let copies = copies();
    assert!(copies.len() >= 10, "{LIST} lists {} copies", copies.len());
    for c in &copies {
        let to = root().join(&c.to);
        if c.is_folder() {
            assert!(
                to.is_dir() && !files_below(&to).is_empty(),
                "{}: no such folder (or empty): run {REFRESH} beside ../shared",
                c.to
            );
        } else {
            assert!(
                to.is_file(),
                "{}: no such file: run {REFRESH} beside ../shared",
                c.to
            );
        }
    }
}

/// How the copy `to` (named `copy`) differs from `from` (`../shared/{name}`), if it does.
fn differs(from: &Path, to: &Path, name: &str, copy: &str) -> Option<String> {
    match (std::fs::read(from), std::fs::read(to)) {
        (Ok(a), Ok(b)) if a == b => None,
        (Ok(_), Ok(_)) => Some(format!("{copy} differs from ../shared/{name}")),
        (Ok(_), Err(_)) => Some(format!("{copy} is missing (../shared/{name})")),
        (Err(_), _) => Some(format!("../shared/{name} is gone ({copy} is there)")),
    }
}

/// The differences between the copies and `shared` (the `KEPT` folders present there),
/// and the folders of `KEPT` not there (not compared).
fn stale(shared: &Path) -> (Vec<String>, Vec<&'static str>) {
    let copies = copies();
    let present: Vec<&str> = KEPT
        .iter()
        .copied()
        .filter(|k| shared.join(k).is_dir())
        .collect();
    let absent = KEPT
        .iter()
        .copied()
        .filter(|k| !present.contains(k))
        .collect();
    let mut problems = Vec::new();
    let mut covered = Vec::new();
    for c in copies
        .iter()
        .filter(|c| present.iter().any(|k| c.from.starts_with(&format!("{k}/"))))
    {
        let (from, to) = (shared.join(&c.from), root().join(&c.to));
        if !c.is_folder() {
            problems.extend(differs(&from, &to, &c.from, &c.to));
            covered.push(c.from.clone());
            continue;
        }
        if !from.is_dir() {
            problems.push(format!("../shared/{} is gone ({} is there)", c.from, c.to));
            continue;
        }
        let theirs = files_below(&from);
        let ours = if to.is_dir() {
            files_below(&to)
        } else {
            Vec::new()
        };
        for f in &theirs {
            problems.extend(differs(
                &from.join(f),
                &to.join(f),
                &format!("{}{f}", c.from),
                &format!("{}{f}", c.to),
            ));
            covered.push(format!("{}{f}", c.from));
        }
        for f in ours.iter().filter(|f| !theirs.contains(f)) {
            problems.push(format!(
                "{}{f} is not in ../shared/{} (a copy holds only the spec's files)",
                c.to, c.from
            ));
        }
    }
    for k in &present {
        for f in files_below(&shared.join(k)) {
            let name = format!("{k}/{f}");
            if !covered.contains(&name) {
                problems.push(format!(
                    "../shared/{name} has no copy: add a line for it to {LIST}"
                ));
            }
        }
    }
    (problems, absent)
}

#[test]
fn the_copies_equal_the_spec_beside_the_repository() {
    let shared = shared();
    let (problems, absent) = stale(&shared);
    if !absent.is_empty() {
        // Written past the test harness's capture, so a passing run shows it too.
        let _ = writeln!(
            std::io::stderr(),
            "vendored: skipped comparing the copies of {} with ../shared: {} does not exist \
             beside the repository (the copies in it are what the tests read)",
            absent
                .iter()
                .map(|k| format!("../shared/{k}"))
                .collect::<Vec<_>>()
                .join(", "),
            if absent.len() == KEPT.len() {
                "../shared".to_string()
            } else {
                absent.join(", ")
            },
        );
    }
    assert!(
        problems.is_empty(),
        "the repository's copies of the spec are out of date:\n  {}\nrefresh them with: {REFRESH}",
        problems.join("\n  ")
    );
}

/// The comparison fails on each kind of staleness, and names the command that fixes it.
#[test]
fn a_stale_copy_fails_the_comparison() {
    let dir = std::env::temp_dir().join(format!("govit-vendored-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    // A `../shared` made from the repository's own copies: current by construction.
    for c in copies() {
        let (from, to) = (dir.join(&c.from), root().join(&c.to));
        if c.is_folder() {
            for f in files_below(&to) {
                std::fs::create_dir_all(from.join(&f).parent().expect("a parent")).expect("mkdir");
                std::fs::copy(to.join(&f), from.join(&f)).expect("copy");
            }
        } else {
            std::fs::create_dir_all(from.parent().expect("a parent")).expect("mkdir");
            std::fs::copy(&to, &from).expect("copy");
        }
    }
    let (problems, absent) = stale(&dir);
    assert_eq!(
        (problems, absent),
        (Vec::<String>::new(), Vec::<&str>::new())
    );

    std::fs::write(dir.join("spec/rules.md"), "changed").expect("write");
    std::fs::write(dir.join("spec/examples/revision-9.jsonl"), "{}").expect("write");
    std::fs::write(dir.join("regulations/new.txt"), "新").expect("write");
    std::fs::remove_dir_all(dir.join("tools")).expect("rm");
    let (problems, absent) = stale(&dir);
    assert_eq!(absent, ["tools"]);
    assert_eq!(
        problems,
        [
            "docs/spec/rules.md differs from ../shared/spec/rules.md",
            "tests/spec-examples/examples/revision-9.jsonl is missing (../shared/spec/examples/revision-9.jsonl)",
            "../shared/regulations/new.txt has no copy: add a line for it to tests/vendored.txt",
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
