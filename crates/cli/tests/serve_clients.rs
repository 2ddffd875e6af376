//! `govit-check serve` with the HTTP clients server teams use, as they use them (issue
//! 26, "clients that write the whole body before reading", "a cut-off batch looks
//! complete"): curl, Python's urllib and requests, Node's fetch, Java's HttpClient with
//! and without `expectContinue`. The client programs are in tests/clients/.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a failed test"
)]

#[path = "common/http.rs"]
mod http;

use http::Server;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn clients() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients")
}

/// Runs a client program; its JSON lines.
fn run(cmd: &mut Command) -> Vec<Value> {
    let out = cmd.stderr(Stdio::inherit()).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{cmd:?}: {text}");
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("{l}")))
        .collect()
}

/// Python's `requests` from PyPI when it is not installed (the only package the client
/// tests need beyond the standard library).
fn python() -> Command {
    let has = Command::new("python3")
        .args(["-c", "import requests"])
        .status()
        .is_ok_and(|s| s.success());
    if !has {
        let _ = Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "requests"])
            .status();
    }
    let mut c = Command::new("python3");
    c.arg(clients().join("clients.py"));
    c
}

/// `javac` Clients.java into a temporary folder, once per test that needs it.
fn java() -> Command {
    let dir = std::env::temp_dir().join(format!("govit-java-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    if !dir.join("Clients.class").exists() {
        let ok = Command::new("javac")
            .args(["-d", dir.to_str().unwrap()])
            .arg(clients().join("Clients.java"))
            .status()
            .unwrap();
        assert!(ok.success());
    }
    let mut c = Command::new("java");
    c.args(["-cp", dir.to_str().unwrap(), "Clients"]);
    c
}

fn node() -> Command {
    let mut c = Command::new("node");
    c.arg(clients().join("clients.mjs"));
    c
}

/// An 8 MiB body to `POST /v1/eligibility`: every client gets the 413 and its JSON (they
/// saw a broken pipe or EPIPE when the connection was closed on their body).
#[test]
fn every_client_gets_the_413_and_its_json() {
    let server = Server::start(&["--quiet"], None);
    let url = server.url();
    let mut results = run(python().args([&url, "too-large"]));
    results.extend(run(node().args([&url, "too-large"])));
    assert_eq!(results.len(), 3);
    for r in &results {
        assert_eq!(r["status"], 413, "{r}");
        assert_eq!(r["code"], "too_large", "{r}");
    }
    for r in run(java().args([&url, "too-large"])) {
        assert_eq!(r["status"], 413, "{r}");
        assert!(r["body"].as_str().unwrap().contains("\"too_large\""), "{r}");
    }
    let out = Command::new("curl")
        .args(["-sS", "-w", "\n%{http_code}", "--data-binary", "@-"])
        .arg(format!("{url}v1/eligibility"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(&vec![b' '; 8 << 20])?;
            c.wait_with_output()
        })
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.ends_with("\n413") && text.contains("\"too_large\""),
        "{text}"
    );
}

/// Clients that write a whole 200,000-line batch before reading any answer (urllib
/// deadlocked) get every answer, in order; Java with `expectContinue` gets its `100
/// Continue` (it never returned).
#[test]
fn write_then_read_clients_get_a_200000_line_batch() {
    const N: usize = 200_000;
    let server = Server::start(&["--quiet"], None);
    let url = server.url();
    let n = N.to_string();
    let mut results = run(python().args([&url, "batch", &n]));
    results.extend(run(node().args([&url, "batch", &n])));
    results.extend(run(java().args([&url, "batch", &n])));
    assert_eq!(results.len(), 5);
    for r in &results {
        assert_eq!(r["status"], 200, "{r}");
        assert_eq!(r["lines"], N, "{r}");
        assert_ne!(r["ids_in_order"], false, "{r}");
    }
}

/// curl's `Expect: 100-continue` on a batch is answered at once (it waited a second,
/// then sent the body anyway: the service answered 200 before reading).
#[test]
fn curl_gets_100_continue_on_the_batch() {
    let server = Server::start(&["--quiet"], None);
    let out = Command::new("curl")
        .args(["-sS", "-v", "-H", "Expect: 100-continue", "--data-binary"])
        .arg("{\"id\":1,\"check\":\"version\",\"input\":{}}\n")
        .arg(format!("{}v1/batch", server.url()))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let cont = err.find("< HTTP/1.1 100 Continue").expect(&err);
    let ok = err.find("< HTTP/1.1 200 OK").expect(&err);
    assert!(cont < ok, "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("{\"id\":1,\"verdict\""));
}

/// A batch whose body stalls past `--timeout` is an error in every client, never a
/// complete-looking answer (it ended with the terminating chunk, a normal 200).
#[test]
fn a_cut_off_batch_is_an_error_in_every_client() {
    let server = Server::start(&["--quiet", "--timeout", "1"], None);
    let url = server.url();
    let mut results = run(python().args([&url, "cut-off"]));
    results.extend(run(node().args([&url, "cut-off"])));
    assert_eq!(results.len(), 3);
    for r in &results {
        assert!(r["error"].is_string(), "{r}");
    }
    // curl streams its stdin as the body (-T -): a line, then a pause.
    let script = format!(
        "(printf '{{\"id\":1,\"check\":\"version\",\"input\":{{}}}}\\n'; sleep 3) | curl -sS -X POST -T - -H 'Content-Type: application/jsonl' {url}v1/batch"
    );
    let out = Command::new("sh").args(["-c", &script]).output().unwrap();
    let body = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "curl succeeded: {body}");
    let last: Value = serde_json::from_str(body.lines().last().unwrap()).unwrap();
    assert_eq!(last["error"]["code"], "timeout", "{body}");
}
