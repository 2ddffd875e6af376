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
    too_large(&lines[3], "", MAX_INPUT_BYTES);
    assert_eq!(lines[4]["id"], "d");
    assert_eq!(lines[4]["verdict"]["check"], "version");
}
