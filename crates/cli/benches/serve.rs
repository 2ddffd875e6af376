//! `govit-check serve` on loopback, the figures of README "HTTP service" (issue 26):
//!
//! 1. **throughput**: 16 and 256 concurrent kept-alive clients (threads), each sending a
//!    fixed mix of the corpus's checks (eligibility, cost, costs, project_class, change;
//!    valid inputs and input errors alike) one after another, every answer checked
//!    against the library's bytes and status; requests/s and latency percentiles (from
//!    the client's send to the last byte of the answer), with the access log on (written
//!    to /dev/null) and off (`--quiet`);
//! 2. **healthz**: `/healthz` latency (p50, p99, max) probed every 10 ms while four
//!    clients each stream a 200,000-line batch (the corpus's requests in turn) and read
//!    the answers, every answer counted;
//! 3. **rss**: the server's resident memory (now and peak) with 200 clients that each
//!    send 1 MB of batch lines answering 26 KB each (`rules` of Wulong) and never read,
//!    with the log on and off.
//!
//!   cargo bench -p govit-check-cli --bench serve
//!   GOVIT_BENCH=throughput GOVIT_BENCH_TOTAL=64000 cargo bench -p govit-check-cli --bench serve
//!
//! (GOVIT_BENCH: throughput, healthz, rss or all; GOVIT_BENCH_TOTAL: requests per
//! throughput run, shared by the clients.) The server runs with its defaults (one worker
//! thread per core); clients and server share the machine.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::float_arithmetic,
    reason = "a benchmark harness: a wrong answer should stop it loudly; latencies are printed as floats"
)]

#[path = "../tests/common/http.rs"]
mod http;

#[path = "../../../tests/common/corpus.rs"]
#[allow(dead_code, reason = "the native replay's helpers")]
mod corpus;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// (path, input, answer, status) of every corpus case a `POST /v1/{check}` takes.
type Case = (String, String, String, u16);

fn cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut cases = Vec::new();
    for file in corpus::case_files(&root).unwrap() {
        for line in std::fs::read_to_string(&file.path).unwrap().lines() {
            let Ok(case) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let (Some(check), Some(input)) = (case["check"].as_str(), case.get("input")) else {
                continue;
            };
            if ["eligibility", "cost", "costs", "project_class", "change"].contains(&check) {
                let input = input.to_string();
                let answer = govit_check::evaluate_str(check, &input) + "\n";
                let status = http::status_of(&answer);
                cases.push((format!("/v1/{check}"), input, answer, status));
            }
        }
    }
    cases
}

fn pct(lat: &[Duration], p: f64) -> f64 {
    let i = ((lat.len() as f64 * p).ceil() as usize).clamp(1, lat.len()) - 1;
    lat[i].as_secs_f64() * 1e3
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split(' ')
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn server(log: bool) -> http::Server {
    http::Server::start(if log { &[] } else { &["--quiet"] }, None)
}

fn throughput(cases: &Arc<Vec<Case>>, clients: usize, total: usize, log: bool) {
    let server = server(log);
    let each = (total / clients).max(1);
    let mut c = server.client();
    for (path, input, answer, _) in cases.iter() {
        assert_eq!(
            c.request("POST", path, input.as_bytes()).text(),
            answer.as_str()
        );
    }
    let before = load();
    let start = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|t| {
            let cases = cases.clone();
            let addr = server.addr;
            std::thread::spawn(move || {
                let mut c = http::Client::connect(addr);
                let mut lat = Vec::with_capacity(each);
                for i in 0..each {
                    let (path, input, answer, status) = &cases[(t * 7919 + i * 31) % cases.len()];
                    let t0 = Instant::now();
                    let res = c.request("POST", path, input.as_bytes());
                    lat.push(t0.elapsed());
                    assert_eq!(res.status, *status, "{path} {input}");
                    assert_eq!(res.text(), answer.as_str(), "{path} {input}");
                }
                lat
            })
        })
        .collect();
    let mut lat: Vec<Duration> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let wall = start.elapsed();
    lat.sort();
    println!(
        "throughput: {clients:>3} clients x {each} = {} requests, log {}: {:.0} requests/s; latency ms p50 {:.3}, p90 {:.3}, p99 {:.3}, max {:.3} (load {before} -> {})",
        lat.len(),
        if log { "on " } else { "off" },
        lat.len() as f64 / wall.as_secs_f64(),
        pct(&lat, 0.50),
        pct(&lat, 0.90),
        pct(&lat, 0.99),
        pct(&lat, 1.0),
        load()
    );
}

fn healthz(cases: &Arc<Vec<Case>>) {
    const LINES: usize = 200_000;
    let server = server(true);
    let mut body = Vec::new();
    for i in 0..LINES {
        let (path, input, _, _) = &cases[i % cases.len()];
        let check = path.trim_start_matches("/v1/");
        body.extend_from_slice(
            format!("{{\"id\":{i},\"check\":\"{check}\",\"input\":{input}}}\n").as_bytes(),
        );
    }
    let body = Arc::new(body);
    let done = Arc::new(AtomicBool::new(false));
    let start = Instant::now();
    let batches: Vec<_> = (0..4)
        .map(|_| {
            let mut c = server.client();
            let sender = c.post_in_background("/v1/batch", body.clone());
            std::thread::spawn(move || {
                assert_eq!(c.read_head().status, 200);
                let mut lines = 0;
                while let Some(chunk) = c.read_chunk() {
                    lines += chunk.iter().filter(|b| **b == b'\n').count();
                }
                sender.join().unwrap();
                lines
            })
        })
        .collect();
    let probe = {
        let done = done.clone();
        let addr = server.addr;
        std::thread::spawn(move || {
            let mut lat = Vec::new();
            let mut c = http::Client::connect(addr);
            while !done.load(Ordering::Relaxed) {
                let t0 = Instant::now();
                assert_eq!(c.request("GET", "/healthz", b"").status, 200);
                lat.push(t0.elapsed());
                std::thread::sleep(Duration::from_millis(10));
            }
            lat
        })
    };
    let lines: usize = batches.into_iter().map(|t| t.join().unwrap()).sum();
    let wall = start.elapsed();
    done.store(true, Ordering::Relaxed);
    let mut lat = probe.join().unwrap();
    lat.sort();
    assert_eq!(lines, 4 * LINES);
    println!(
        "healthz: 4 batches x {LINES} lines ({:.1} MB each) answered in {:.2} s ({:.0} lines/s); /healthz over {} probes: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms (load {})",
        body.len() as f64 / 1e6,
        wall.as_secs_f64(),
        lines as f64 / wall.as_secs_f64(),
        lat.len(),
        pct(&lat, 0.50),
        pct(&lat, 0.99),
        pct(&lat, 1.0),
        load()
    );
}

fn rss(log: bool) {
    const CLIENTS: usize = 200;
    let server = server(log);
    let line = b"{\"check\":\"rules\",\"input\":{\"regime\":\"wulong\"}}\n";
    let body = Arc::new(line.repeat(1_000_000 / line.len()));
    let base = server.rss_kib();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let mut c = server.client();
            let t = c.post_in_background("/v1/batch", body.clone());
            (c, t)
        })
        .collect();
    std::thread::sleep(Duration::from_secs(5));
    let now = server.rss_kib();
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap();
    let peak: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap();
    let t0 = Instant::now();
    assert_eq!(server.client().request("GET", "/healthz", b"").status, 200);
    println!(
        "rss: {CLIENTS} clients x {:.1} MB of batch lines, never reading, log {}: server RSS {:.1} MB (idle {:.1} MB, peak {:.1} MB); /healthz meanwhile {:.3} ms",
        body.len() as f64 / 1e6,
        if log { "on " } else { "off" },
        now as f64 / 1024.0,
        base as f64 / 1024.0,
        peak as f64 / 1024.0,
        t0.elapsed().as_secs_f64() * 1e3
    );
    drop(server);
    for (c, t) in clients {
        drop(c);
        let _ = t.join();
    }
}

fn main() {
    let which = std::env::var("GOVIT_BENCH").unwrap_or_else(|_| "all".into());
    let all = which == "all";
    let cases = Arc::new(cases());
    println!(
        "serve bench: {} distinct inputs; machine: {} cores",
        cases.len(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    if all || which == "throughput" {
        let total = env("GOVIT_BENCH_TOTAL", 32_000);
        for clients in [16, 256] {
            for log in [true, false] {
                throughput(&cases, clients, total, log);
            }
        }
    }
    if all || which == "healthz" {
        healthz(&cases);
    }
    if all || which == "rss" {
        rss(true);
        rss(false);
    }
}
