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
use std::io::Write;
use std::process::{Command, Stdio};
use verdicts::{ok, too_large};

fn cli(args: &[&str], stdin: &[u8]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_govit-check"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
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
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
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
