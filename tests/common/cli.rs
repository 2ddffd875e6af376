//! Runs the `govit-check` binary of this build (the tests that include this file).

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `govit-check ARGS` with `stdin` (written from a thread: the CLI stops reading at
/// the input limit and may answer first) and returns its standard output; the exit
/// status must be 0.
pub fn cli(args: &[&str], stdin: &[u8]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_govit-check"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        input.write_all(&data).ok();
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}
