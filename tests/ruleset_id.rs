//! `ruleset_id` (contract §8): computed by build.rs over what defines an answer. These
//! tests run build.rs's own functions (the file is included) on this tree and on changed
//! copies of it: the id is the one compiled in, it changes with every input that can
//! change an answer and with nothing else, and it is written into every answer.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a failed test"
)]

#[path = "../build.rs"]
#[allow(dead_code, reason = "build.rs's main is the build's")]
mod build;

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn lock() -> String {
    let path = build::lock_file(&root().join("target"), root()).expect("Cargo.lock");
    std::fs::read_to_string(path).unwrap()
}

fn id(dir: &Path, version: &str, lock: &str) -> String {
    build::ruleset_id(dir, version, Some(lock)).unwrap()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A scratch copy of the package's `src/` and `Cargo.toml`.
struct Copy(PathBuf);

impl Copy {
    fn new(name: &str) -> Copy {
        let dir = std::env::temp_dir().join(format!("govit-ruleset-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(&root().join("src"), &dir.join("src"));
        std::fs::copy(root().join("Cargo.toml"), dir.join("Cargo.toml")).unwrap();
        Copy(dir)
    }
    fn edit(&self, rel: &str, f: impl FnOnce(String) -> String) {
        let p = self.0.join(rel);
        let text = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, f(text)).unwrap();
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn list(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            list(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn sha256_matches_the_standard_vectors() {
    let digest = |data: &[u8]| {
        let mut h = build::Sha256::new();
        h.update(data);
        hex(&h.finish())
    };
    assert_eq!(
        digest(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        digest(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(
        digest(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
    assert_eq!(
        digest(&vec![b'a'; 1_000_000]),
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    );
}

#[test]
fn the_compiled_id_is_this_tree_s() {
    let rid = govit_check::RULESET_ID;
    assert_eq!(rid.len(), 32, "{rid}");
    assert!(
        rid.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
        "{rid}"
    );
    assert_eq!(id(root(), env!("CARGO_PKG_VERSION"), &lock()), rid);
}

#[test]
fn every_input_that_can_change_an_answer_changes_the_id() {
    let lock = lock();
    let v = env!("CARGO_PKG_VERSION");
    let copy = Copy::new("changes");
    let base = id(&copy.0, v, &lock);
    assert_eq!(
        base,
        govit_check::RULESET_ID,
        "a copy of the sources has the same id"
    );

    // Line ends: CRLF reads as LF (every file written with CRLF).
    let mut files = Vec::new();
    list(&copy.0.join("src"), &mut files);
    assert!(files.len() > 10, "{files:?}");
    for file in &files {
        let text = std::fs::read(file).unwrap();
        let mut crlf = Vec::with_capacity(text.len());
        for b in text {
            if b == b'\n' {
                crlf.push(b'\r');
            }
            crlf.push(b);
        }
        std::fs::write(file, crlf).unwrap();
    }
    assert_eq!(id(&copy.0, v, &lock), base, "CRLF line ends change nothing");

    // A byte of a file in every folder under src/ (engine code, the checks, each
    // regulation's rule tables and messages, the annex): a new id each time.
    let mut seen = std::collections::BTreeSet::new();
    let is_case = |f: &PathBuf| f.extension().is_some_and(|x| x == "jsonl");
    let one_per_folder = files
        .iter()
        .filter(|f| !is_case(f) && seen.insert(f.parent().map(Path::to_path_buf)));
    for file in one_per_folder {
        let before = id(&copy.0, v, &lock);
        let mut text = std::fs::read(file).unwrap();
        text.push(b' ');
        std::fs::write(file, text).unwrap();
        assert_ne!(id(&copy.0, v, &lock), before, "{} edited", file.display());
    }
    // The conformance cases beside the regulations test answers: they are not inputs.
    let before = id(&copy.0, v, &lock);
    assert!(
        files.iter().any(is_case),
        "the regulations' cases are under src/"
    );
    for case in files.iter().filter(|f| is_case(f)) {
        let mut text = std::fs::read(case).unwrap();
        text.extend_from_slice(b"\n");
        std::fs::write(case, text).unwrap();
    }
    assert_eq!(id(&copy.0, v, &lock), before, "a case file");
    // A new file under src/.
    let before = id(&copy.0, v, &lock);
    std::fs::write(copy.0.join("src/new.rs"), "").unwrap();
    assert_ne!(id(&copy.0, v, &lock), before, "a new file");

    // The version (in every answer's `ruleset`).
    assert_ne!(id(&copy.0, "9.9.9", &lock), id(&copy.0, v, &lock));

    // The manifest's dependencies change it; its dev-dependencies do not.
    let before = id(&copy.0, v, &lock);
    copy.edit("Cargo.toml", |t| {
        t.replace(
            "[dev-dependencies]\n",
            "[dev-dependencies]\nextra = \"1\"\n",
        )
    });
    assert_eq!(id(&copy.0, v, &lock), before, "a dev-dependency");
    copy.edit("Cargo.toml", |t| {
        t.replacen("[dependencies]\n", "[dependencies]\nextra = \"1\"\n", 1)
    });
    assert_ne!(id(&copy.0, v, &lock), before, "a dependency");
}

/// The lock entry of `name` with its version replaced.
fn bump(lock: &str, name: &str) -> String {
    let at = lock
        .find(&format!("name = \"{name}\"\nversion = \""))
        .unwrap_or_else(|| panic!("{name} in Cargo.lock"));
    let start = at + format!("name = \"{name}\"\nversion = \"").len();
    let end = start + lock[start..].find('"').unwrap();
    format!("{}0.0.0-changed{}", &lock[..start], &lock[end..])
}

#[test]
fn locked_versions_of_the_library_s_dependencies_change_the_id() {
    let lock = lock();
    let v = env!("CARGO_PKG_VERSION");
    let base = id(root(), v, &lock);
    // The arithmetic that computes answers.
    assert_ne!(
        id(root(), v, &bump(&lock, "rust_decimal")),
        base,
        "rust_decimal"
    );
    // What only carries answers (its patch releases come with any server's lock), and
    // what only tests or benchmarks use, does not.
    for name in [
        "serde",
        "serde_json",
        "thiserror",
        "itoa",
        "criterion",
        "proptest",
    ] {
        assert_eq!(id(root(), v, &bump(&lock, name)), base, "{name}");
    }
}

/// Every answer carries the id right after `ruleset`, every error inside its object.
#[test]
fn every_answer_and_every_error_carries_it() {
    let rid = govit_check::RULESET_ID;
    for (check, input) in [
        ("eligibility", r#"{"regime":"baotou"}"#),
        ("cost", r#"{"item":"camera"}"#),
        (
            "costs",
            r#"{"items":[{"item":"camera"},{"item":"nonsense"}]}"#,
        ),
        ("project_class", r#"{"kind":"maintenance"}"#),
        (
            "change",
            r#"{"regime":"baotou","approved_total":"1","items":[]}"#,
        ),
        ("regimes", "{}"),
        ("rules", r#"{"regime":"wulong"}"#),
        ("version", "{}"),
    ] {
        let text = govit_check::evaluate_str(check, input);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        let at = keys.iter().position(|k| *k == "ruleset").expect("ruleset");
        assert_eq!(
            keys.get(at + 1).map(|k| k.as_str()),
            Some("ruleset_id"),
            "{check}: {text}"
        );
        assert_eq!(v["ruleset_id"], rid);
        if check == "costs" {
            assert_eq!(
                v["lines"][1]["error"]["ruleset_id"], rid,
                "a bad line's error"
            );
        }
    }
    for (check, input) in [
        ("eligibility", "{"),
        ("eligibility", r#"{"regime":"x"}"#),
        ("cost", "[]"),
    ] {
        let v: serde_json::Value =
            serde_json::from_str(&govit_check::evaluate_str(check, input)).unwrap();
        assert_eq!(v["error"]["ruleset_id"], rid, "{v}");
    }
    let line = govit_check::batch_line(r#"{"id":1,"check":"nope","input":{}}"#);
    assert!(
        line.contains(&format!("\"ruleset_id\":\"{rid}\"")),
        "{line}"
    );
}

/// The crate as `cargo package` writes it (its manifest rewritten into tables, its own
/// lock file) has the id of this tree: a server built on the published crate and the npm
/// package built from the repository agree.
#[test]
fn the_packaged_crate_has_the_same_id() {
    let out = std::env::temp_dir().join(format!("govit-package-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = std::process::Command::new(cargo)
        .args([
            "package",
            "--no-verify",
            "--allow-dirty",
            "--locked",
            "-p",
            "govit-check",
            "--target-dir",
        ])
        .arg(&out)
        .current_dir(root())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "cargo package");
    let v = env!("CARGO_PKG_VERSION");
    let crate_file = out.join(format!("package/govit-check-{v}.crate"));
    let status = std::process::Command::new("tar")
        .arg("-xzf")
        .arg(&crate_file)
        .arg("-C")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success(), "tar");
    let dir = out.join(format!("govit-check-{v}"));
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    assert!(
        manifest.contains("[dependencies.rust_decimal]"),
        "cargo rewrote the manifest"
    );
    let lock = std::fs::read_to_string(dir.join("Cargo.lock")).unwrap_or_else(|_| lock());
    assert_eq!(id(&dir, v, &lock), govit_check::RULESET_ID);
    let _ = std::fs::remove_dir_all(&out);
}
