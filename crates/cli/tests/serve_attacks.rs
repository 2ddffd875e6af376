//! `govit-check serve` under the clients of issue 26's adversarial round: bodies that
//! drip or break off, clients that never read, a stalled stderr, too few file
//! descriptors, a batch that would hold the async workers. Each test failed on the
//! service before issue 26 and names the finding it guards. Bounded in time: every read
//! has a timeout, every load a count.

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
use std::io::Write;
use std::time::{Duration, Instant};

const RULES_LINE: &[u8] = b"{\"check\":\"rules\",\"input\":{\"regime\":\"wulong\"}}\n";

fn temp(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("govit-attack-{name}-{}", std::process::id()))
}

/// The last line of a cut-off batch: the error object, `id` null.
fn cut_line(body: &[u8]) -> Value {
    let text = String::from_utf8_lossy(body);
    let last = text.lines().last().unwrap_or_default();
    serde_json::from_str(last).unwrap_or(Value::Null)
}

/// Finding "slots held forever": a batch body dripping a blank line under `--timeout`
/// was never cut off. Now it is, after about `--timeout` seconds, and visibly: the
/// answers so far, an error line, no terminating chunk; logged as cut off.
#[test]
fn a_dripping_batch_body_is_cut_off_visibly() {
    let log = temp("drip");
    let server = Server::start(&["--timeout", "1"], Some(&log));
    let mut c = server.client();
    c.timeout(8);
    c.send_head("POST", "/v1/batch", "Transfer-Encoding: chunked\r\n");
    c.send_chunk(b"{\"id\":1,\"check\":\"version\",\"input\":{}}\n");
    assert_eq!(c.read_head().status, 200);
    let mut writer = c.writer.try_clone().unwrap();
    let start = Instant::now();
    let drip = std::thread::spawn(move || {
        for _ in 0..25 {
            std::thread::sleep(Duration::from_millis(300));
            if writer.write_all(b"1\r\n\n\r\n").is_err() {
                break;
            }
        }
    });
    let body = c
        .read_chunks()
        .expect_err("a cut-off batch has no terminating chunk");
    let took = start.elapsed();
    assert!(took < Duration::from_secs(6), "{took:?}");
    let text = String::from_utf8_lossy(&body);
    assert!(text.starts_with("{\"id\":1,\"verdict\""), "{text}");
    let last = cut_line(&body);
    assert_eq!(last["id"], Value::Null);
    assert_eq!(last["error"]["code"], "timeout", "{text}");
    drip.join().unwrap();
    let logged = http::log_when(&log, |t| t.contains("\"cut_off\""));
    drop(server);
    let entry: Value = logged
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|v| v["path"] == "/v1/batch")
        .unwrap();
    assert_eq!(entry["cut_off"], "timeout", "{logged}");
    let _ = std::fs::remove_file(log);
}

/// Finding "a cut-off batch looks complete": a body that breaks off (the client closes
/// mid-chunk) ended in a normal 200 with the terminating chunk.
#[test]
fn a_batch_body_that_breaks_off_ends_visibly() {
    let server = Server::start(&[], None);
    let mut c = server.client();
    c.timeout(10);
    c.send_head("POST", "/v1/batch", "Transfer-Encoding: chunked\r\n");
    c.send_chunk(b"{\"id\":1,\"check\":\"version\",\"input\":{}}\n{\"id\":2,");
    assert_eq!(c.read_head().status, 200);
    // Half a chunk, then the end of what the client sends.
    c.send(b"40\r\n{\"id\":3");
    c.writer.shutdown(std::net::Shutdown::Write).unwrap();
    let body = c.read_chunks().expect_err("no terminating chunk");
    let text = String::from_utf8_lossy(&body);
    assert!(text.starts_with("{\"id\":1,\"verdict\""), "{text}");
    assert_eq!(
        cut_line(&body)["error"]["code"],
        "incomplete_body",
        "{text}"
    );
    // The half line before the break is not answered as if it were whole.
    assert_eq!(text.lines().count(), 2, "{text}");
}

/// Finding "pipelined requests never read keep their slot": the answers' writes stall,
/// and after `--timeout` seconds the connection is closed, its slot free.
#[test]
fn pipelined_requests_never_read_lose_their_slot() {
    let server = Server::start(&["--timeout", "1", "--max-connections", "1"], None);
    let hog = server.client();
    let request = b"GET /v1/rules/wulong HTTP/1.1\r\nHost: localhost\r\n\r\n".repeat(500);
    let mut writer = hog.writer.try_clone().unwrap();
    let pipeline = std::thread::spawn(move || {
        let _ = writer.write_all(&request);
    });
    std::thread::sleep(Duration::from_millis(500));
    // The only slot is the hog's until its writes are cut off.
    let mut c = server.client();
    c.timeout(10);
    let start = Instant::now();
    let res = c.request("GET", "/healthz", b"");
    assert_eq!(res.status, 200);
    assert!(
        start.elapsed() < Duration::from_secs(6),
        "{:?}",
        start.elapsed()
    );
    pipeline.join().unwrap();
    let _ = hog.writer.shutdown(std::net::Shutdown::Both);
}

/// Finding "batch memory": 200 clients that sent 1 MB of batch lines and never read held
/// 2.4 GB (a chunk was answered into one string before anything was sent). Now a batch
/// holds its read-ahead and a piece of answers: four such clients, here with lines that
/// answer 26 KB each, keep the server under 64 MB. (benches/serve.rs measures 200.)
#[test]
fn clients_that_never_read_hold_bounded_memory() {
    let server = Server::start(&["--quiet"], None);
    let body = std::sync::Arc::new(RULES_LINE.repeat(200 * 1024 / RULES_LINE.len()));
    let clients: Vec<_> = (0..4)
        .map(|_| {
            let mut c = server.client();
            let t = c.post_in_background("/v1/batch", body.clone());
            (c, t)
        })
        .collect();
    std::thread::sleep(Duration::from_secs(3));
    let rss_mb = server.rss_kib() / 1024;
    assert!(
        rss_mb < 64,
        "server RSS {rss_mb} MB with 4 non-reading batches"
    );
    // Still answering others.
    assert_eq!(server.client().request("GET", "/healthz", b"").status, 200);
    drop(clients);
}

/// Finding "the answers are computed on the async workers": with one worker thread, a
/// batch whose lines take seconds to answer no longer holds `/healthz` back (it waited
/// for a whole received chunk to be answered).
#[test]
fn checks_run_off_the_async_workers() {
    let server = Server::start(&["--threads", "1", "--quiet"], None);
    let body = std::sync::Arc::new(RULES_LINE.repeat(3000));
    let mut c = server.client();
    let sender = c.post_in_background("/v1/batch", body);
    let reader = std::thread::spawn(move || {
        let _ = c.read_head();
        let mut n = 0;
        while let Ok(Some(chunk)) = c.try_read_chunk() {
            n += chunk.iter().filter(|b| **b == b'\n').count();
        }
        n
    });
    std::thread::sleep(Duration::from_millis(300));
    let mut worst = Duration::ZERO;
    let mut probe = server.client();
    for _ in 0..10 {
        let start = Instant::now();
        assert_eq!(probe.request("GET", "/healthz", b"").status, 200);
        worst = worst.max(start.elapsed());
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        worst < Duration::from_millis(700),
        "/healthz took {worst:?} beside a running batch"
    );
    sender.join().unwrap();
    assert_eq!(reader.join().unwrap(), 3000);
}

/// Finding "a stalled stderr reader stops the service": the access log was written on
/// the workers. Now lines are dropped (and counted) while nobody reads stderr.
#[test]
fn a_stalled_stderr_reader_never_stops_the_service() {
    let server = Server::start_with(&[], std::process::Stdio::piped(), &[]);
    // Nobody reads the pipe: 64 KiB (~300 lines) and the queue's 4,096 lines fill.
    let mut c = server.client();
    c.timeout(10);
    for _ in 0..6000 {
        assert_eq!(c.request("GET", "/healthz", b"").status, 200);
    }
    let metrics = c.request("GET", "/metrics", b"");
    let dropped: u64 = metrics
        .text()
        .lines()
        .find_map(|l| l.strip_prefix("govit_log_lines_dropped_total "))
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(dropped > 0, "{}", metrics.text());
}

/// Finding "file descriptors below --max-connections spin accept_error": the limit is
/// raised when it can be, else the connections are capped to it with a warning, and
/// the connections past the cap wait in the backlog instead of failing in a loop.
#[test]
fn too_few_file_descriptors_cap_the_connections() {
    let log = temp("fds");
    let mut cmd = std::process::Command::new("sh");
    cmd.args([
        "-c",
        "ulimit -n 128 && exec \"$0\" serve --addr 127.0.0.1:0 --timeout 1",
        env!("CARGO_BIN_EXE_govit-check"),
    ]);
    let server = Server::spawn(
        cmd,
        std::process::Stdio::from(std::fs::File::create(&log).unwrap()),
        &[],
    );
    let idle: Vec<_> = (0..150)
        .map(|_| std::net::TcpStream::connect(server.addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(1500));
    drop(idle);
    let mut c = server.client();
    c.timeout(10);
    assert_eq!(c.request("GET", "/healthz", b"").status, 200);
    drop(server);
    let text = std::fs::read_to_string(&log).unwrap();
    let events: Vec<Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let warning = events
        .iter()
        .find(|e| e["event"] == "warning")
        .expect(&text);
    assert_eq!(warning["max_connections"], 64, "{text}");
    let errors = events
        .iter()
        .filter(|e| e["event"] == "accept_error")
        .count();
    assert_eq!(errors, 0, "{text}");
    let _ = std::fs::remove_file(log);
}
