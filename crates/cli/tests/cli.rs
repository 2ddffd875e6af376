//! The `govit-check` command line, run as a user runs it: the input limit of
//! src/limits.rs holds for a single input and for every batch line, and a batch goes on
//! after a line over the limit.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a failed test"
)]

use govit_check::limits::MAX_INPUT_BYTES;
use serde_json::Value;
#[path = "../../../tests/common/verdicts.rs"]
mod verdicts;
use std::ffi::OsString;
use std::io::Write;
use std::process::{Command, Stdio};
use verdicts::{ok, too_large};

fn cli(args: &[&str], stdin: &[u8]) -> String {
    let (code, out, err) = run(&os(args), stdin);
    assert_eq!(code, Some(0), "{err}");
    out
}

#[test]
fn cli_single_input_is_bounded() {
    let base = br#"{"regime":"baotou"}"#;
    let mut at = base.to_vec();
    at.resize(MAX_INPUT_BYTES, b' ');
    let v: Value = serde_json::from_str(&cli(&["eligibility"], &at)).unwrap();
    ok(&v);
    // Far over the limit: the CLI reads one byte past it, answers, and stops.
    let mut over = base.to_vec();
    over.resize(4 * MAX_INPUT_BYTES, b' ');
    let v: Value = serde_json::from_str(&cli(&["eligibility"], &over)).unwrap();
    too_large(&v, "", MAX_INPUT_BYTES);
}

#[test]
fn cli_batch_line_is_bounded_and_the_run_goes_on() {
    let good = br#"{"id":"a","check":"version","input":{}}"#;
    let mut text = Vec::new();
    text.extend_from_slice(good);
    text.push(b'\n');
    // A line exactly at the limit is read.
    let mut at = br#"{"id":"b","check":"version","input":{}}"#.to_vec();
    at.resize(MAX_INPUT_BYTES, b' ');
    text.extend_from_slice(&at);
    text.extend_from_slice(b"\r\n");
    // One over, and one far over.
    let mut over = br#"{"id":"c","check":"version","input":{}}"#.to_vec();
    over.resize(MAX_INPUT_BYTES + 1, b' ');
    text.extend_from_slice(&over);
    text.push(b'\n');
    text.extend(std::iter::repeat_n(b'[', 3 * MAX_INPUT_BYTES));
    text.push(b'\n');
    text.extend_from_slice(br#"{"id":"d","check":"version","input":{}}"#);
    let out = cli(&["batch"], &text);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[1]["verdict"]["check"], "version");
    too_large(&lines[2], "", MAX_INPUT_BYTES);
    // The over-size line's id is read from its start; a line with none answers null.
    assert_eq!(lines[2]["id"], "c");
    too_large(&lines[3], "", MAX_INPUT_BYTES);
    assert_eq!(lines[3]["id"], Value::Null);
    assert_eq!(lines[4]["id"], "d");
    assert_eq!(lines[4]["verdict"]["check"], "version");
}

/// Runs the CLI with `args` (OS strings) and `stdin`: (status, stdout, stderr).
fn run(args: &[std::ffi::OsString], stdin: &[u8]) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_govit-check"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    // Written from a thread: the CLI stops reading at the limit and may answer first.
    let writer = std::thread::spawn(move || {
        input.write_all(&data).ok();
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn os(args: &[&str]) -> Vec<std::ffi::OsString> {
    args.iter().map(Into::into).collect()
}

const APP: &str = r#"{"regime":"beijing"}"#;

#[test]
fn flags_anywhere_after_the_command_and_locale_on_every_check() {
    let dir = std::env::temp_dir().join(format!("govit-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("app.json");
    std::fs::write(&file, APP).unwrap();
    let f = file.to_str().unwrap();
    let english = |out: &str| {
        let v: Value = serde_json::from_str(out).unwrap();
        v["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("Unknown regime")
    };
    for args in [
        vec!["eligibility", "--locale", "en", f],
        vec!["eligibility", f, "--locale", "en"],
        vec!["eligibility", "--pretty", f, "--locale=en"],
        vec!["eligibility", "--locale", "en", "-"],
    ] {
        let (code, out, err) = run(&os(&args), APP.as_bytes());
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(english(&out), "{args:?}: {out}");
    }
    // --pretty indents; without it one line.
    let (_, out, _) = run(&os(&["eligibility", f, "--pretty"]), b"");
    assert!(out.lines().count() > 3);
    // --locale on the other checks: the input's locale is overridden.
    for (check, input) in [
        ("cost", r#"{"item":"nonsense","locale":"zh-CN"}"#),
        ("costs", r#"{"items":[{"item":"nonsense"}]}"#),
        ("project_class", r#"{"kind":"maintenance"}"#),
        (
            "change",
            r#"{"regime":"baotou","approved_total":"1","items":[]}"#,
        ),
    ] {
        let (zh_code, zh, _) = run(&os(&[check]), input.as_bytes());
        let (code, en, _) = run(&os(&[check, "--locale", "en"]), input.as_bytes());
        assert_eq!((zh_code, code), (Some(0), Some(0)));
        assert_ne!(zh, en, "{check}: the messages change language");
        assert_eq!(
            en.trim(),
            govit_check::evaluate_str(
                check,
                &input
                    .replacen('{', r#"{"locale":"en","#, 1)
                    .replace(r#","locale":"zh-CN""#, "")
            ),
            "{check}"
        );
    }
    let (code, out, _) = run(&os(&["rules", "baotou", "--locale", "en"]), b"");
    assert_eq!(code, Some(0));
    assert_eq!(
        out.trim(),
        govit_check::evaluate_str("rules", r#"{"regime":"baotou","locale":"en"}"#)
    );
    let (_, out, _) = run(&os(&["regimes", "--as-of", "2026-11-22"]), b"");
    assert_eq!(
        out.trim(),
        govit_check::evaluate_str("regimes", r#"{"as_of":"2026-11-22"}"#)
    );
    let (_, out, _) = run(&os(&["version"]), b"");
    assert_eq!(out.trim(), govit_check::evaluate_str("version", "{}"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn usage_errors_exit_2_and_help_is_bilingual() {
    for args in [
        vec!["--bogus"],
        vec!["eligibility", "--bogus"],
        vec!["nope"],
        vec![],
        vec!["rules"],
        vec!["rules", "beijing"],
        vec!["eligibility", "--locale", "fr"],
        vec!["batch", "--pretty"],
        vec!["batch", "--locale", "fr"],
        vec!["serve", "--addr", "nowhere"],
    ] {
        let (code, out, err) = run(&os(&args), b"");
        assert_eq!(code, Some(2), "{args:?}: {out} {err}");
        assert!(
            err.contains("Usage") || err.contains("--help"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    // Every subcommand has its help, in both languages, on stdout with status 0.
    for cmd in [
        "eligibility",
        "cost",
        "costs",
        "project_class",
        "change",
        "batch",
        "regimes",
        "rules",
        "form",
        "version",
        "serve",
        "completions",
    ] {
        let (code, out, _) = run(&os(&[cmd, "--help"]), b"");
        assert_eq!(code, Some(0), "{cmd}");
        assert!(out.contains("Usage: govit-check"), "{cmd}: {out}");
        assert!(
            out.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{cmd}: no Chinese"
        );
        assert!(
            out.contains(" the ") || out.contains(" a "),
            "{cmd}: no English"
        );
    }
    // The regimes of the usage are the library's registry.
    let (_, out, _) = run(&os(&["--help"]), b"");
    for r in govit_check::regimes(None) {
        assert!(
            out.contains(r.id.name()) && out.contains(r.title),
            "{}",
            r.id.name()
        );
    }
    let (code, out, _) = run(&os(&["--version"]), b"");
    assert_eq!(code, Some(0));
    assert!(out.contains(govit_check::RULESET_ID));
    let (code, out, _) = run(&os(&["completions", "bash"]), b"");
    assert_eq!(code, Some(0));
    assert!(out.contains("govit-check") && out.contains("eligibility"));
}

#[cfg(unix)]
#[test]
fn arguments_are_os_strings() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("govit-gbk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // 项目.json in GBK: not UTF-8.
    let name = std::ffi::OsStr::from_bytes(b"\xcf\xee\xc4\xbf.json");
    let file = dir.join(name);
    std::fs::write(&file, r#"{"regime":"baotou"}"#).unwrap();
    let (code, out, err) = run(
        &[OsString::from("eligibility"), file.clone().into_os_string()],
        b"",
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("{\"check\":\"eligibility\""), "{out}");
    // A flag value that is not UTF-8 is a usage error, never a panic.
    let bad = std::ffi::OsStr::from_bytes(b"\xff").to_os_string();
    for args in [
        vec![
            OsString::from("eligibility"),
            "--locale".into(),
            bad.clone(),
        ],
        vec![OsString::from("regimes"), "--as-of".into(), bad.clone()],
        vec![OsString::from("rules"), bad.clone()],
    ] {
        let (code, _, err) = run(&args, b"");
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    // A file that cannot be read: status 1, its name in the message.
    let (code, _, err) = run(
        &[
            OsString::from("eligibility"),
            dir.join("nope.json").into_os_string(),
        ],
        b"",
    );
    assert_eq!(code, Some(1));
    assert!(err.contains("nope.json"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_is_an_error_a_closed_reader_is_not() {
    for args in [vec!["version"], vec!["eligibility"], vec!["batch"]] {
        let status = Command::new(env!("CARGO_BIN_EXE_govit-check"))
            .args(&args)
            .stdin(Stdio::null())
            .stdout(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open("/dev/full")
                    .unwrap(),
            )
            .stderr(Stdio::null())
            .status()
            .unwrap();
        // `batch` on empty input writes nothing: nothing fails.
        let expect_fail = args != ["batch"];
        assert_eq!(status.success(), !expect_fail, "{args:?}");
        if expect_fail {
            assert_eq!(status.code(), Some(1), "{args:?}");
        }
    }
    // A reader that goes away (`| head -1`): the run stops quietly with status 0.
    let mut child = Command::new(env!("CARGO_BIN_EXE_govit-check"))
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut input = child.stdin.take().unwrap();
    let line = b"{\"id\":1,\"check\":\"version\",\"input\":{}}\n".repeat(20_000);
    let _ = input.write_all(&line);
    drop(input);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn bytes_that_are_not_utf8_are_invalid_json_in_a_file_and_in_a_batch_line() {
    let out: Value = serde_json::from_str(&cli(&["cost"], b"{\"item\":\"camera\xfe\"}")).unwrap();
    assert_eq!(out["error"]["code"], "invalid_json");
    let out = cli(
        &["batch"],
        b"{\"id\":\"a\",\"check\":\"cost\",\"input\":{\"item\":\"\xff\"}}\n",
    );
    let out: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (out["id"].as_str(), out["error"]["field"].as_str()),
        (Some("a"), Some("/item"))
    );
}

#[test]
fn batch_answers_every_line_but_blank_ones_in_order() {
    let mut input = Vec::new();
    let lines: [&[u8]; 9] = [
        b"\xef\xbb\xbf{\"id\":1,\"check\":\"version\",\"input\":{}}",
        b"",
        b" \t ",
        b"{\"id\":2,\"check\":\"version\",\"input\":",
        b"\xff",
        b"\r",
        b"{\"id\":3,\"check\":\"nope\",\"input\":{}}",
        "\u{3000}".as_bytes(),
        b"{\"id\":4,\"check\":\"version\",\"input\":{}}",
    ];
    for l in lines {
        input.extend_from_slice(l);
        input.push(b'\n');
    }
    let out = cli(&["batch"], &input);
    let answers: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Blank: empty, or only spaces, tabs and carriage returns. A full-width space or a
    // stray byte is not blank: it is answered.
    let ids: Vec<Value> = answers.iter().map(|a| a["id"].clone()).collect();
    assert_eq!(
        ids,
        serde_json::json!([1, 2, null, 3, null, 4])
            .as_array()
            .unwrap()
            .clone()
    );
    assert_eq!(answers[0]["verdict"]["check"], "version");
    for a in &answers[1..5] {
        assert!(a["error"]["code"].is_string(), "{a}");
    }
    assert!(govit_check::is_blank_line(b" \t\r\n"));
    assert!(!govit_check::is_blank_line("\u{3000}".as_bytes()));
}

/// Revision 3: `batch --locale en` (it exited 2 before) answers every line whose input
/// names no locale in English, errors included; a line's own locale wins; the answers are
/// byte for byte what each input gets alone with that locale.
#[test]
fn batch_locale_sets_every_line_without_one() {
    let lines = [
        r#"{"id":"a","check":"change","input":{"regime":"wuzhong","as_of":"2026-06-15","approved_total":"100","items":[]}}"#,
        r#"{"id":"b","check":"change","input":{"regime":"wuzhong","locale":"zh-CN","as_of":"2026-06-15","approved_total":"100","items":[]}}"#,
        r#"{"id":"c","check":"eligibility","input":{"regime":"beijing"}}"#,
    ];
    let input = lines.join("\n");
    let (code, out, err) = run(&os(&["batch", "--locale", "en"]), input.as_bytes());
    assert_eq!(code, Some(0), "{err}");
    let got: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got.len(), 3, "{out}");
    let alone = |check: &str, input: &str| -> Value {
        serde_json::from_str(&govit_check::evaluate_str(check, input)).unwrap()
    };
    assert_eq!(
        got[0]["verdict"],
        alone(
            "change",
            r#"{"regime":"wuzhong","locale":"en","as_of":"2026-06-15","approved_total":"100","items":[]}"#
        )
    );
    assert!(got[0]["verdict"]["findings"][0]["message"]
        .as_str()
        .unwrap()
        .is_ascii());
    assert_eq!(
        got[1]["verdict"],
        alone(
            "change",
            r#"{"regime":"wuzhong","as_of":"2026-06-15","approved_total":"100","items":[]}"#
        )
    );
    assert!(
        got[2]["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("Unknown regime"),
        "{out}"
    );
    // Without --locale, Chinese as before.
    let (code, out, _) = run(&os(&["batch"]), input.as_bytes());
    assert_eq!(code, Some(0));
    assert!(!out.lines().next().unwrap().is_ascii(), "{out}");
}
