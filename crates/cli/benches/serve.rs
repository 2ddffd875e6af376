//! Throughput and latency of `govit-check serve` on loopback: 16 concurrent kept-alive
//! clients (threads), each sending a fixed mix of the corpus's checks (eligibility, cost,
//! costs, project_class, change; valid inputs and input errors alike) one after another,
//! every answer checked against the library's bytes and status. Prints requests/s and
//! latency percentiles (from the client's send to the last byte of the answer).
//!
//!   cargo bench -p govit-check-cli --bench serve
//!   GOVIT_BENCH_CLIENTS=16 GOVIT_BENCH_REQUESTS=2000 cargo bench -p govit-check-cli --bench serve
//!
//! (REQUESTS is per client.) The server runs with its defaults (one worker thread per
//! core, the access log on, written to /dev/null); client and server share the machine.

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
use std::sync::Arc;
use std::time::{Duration, Instant};

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let clients = env("GOVIT_BENCH_CLIENTS", 16);
    let each = env("GOVIT_BENCH_REQUESTS", 2000);
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
    let cases = Arc::new(cases);
    let server = http::Server::start(&[], None);

    // Warm up: every case once.
    let mut c = server.client();
    for (path, input, answer, _) in cases.iter() {
        assert_eq!(
            c.request("POST", path, input.as_bytes()).text(),
            answer.as_str()
        );
    }

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
    let pct = |p: f64| {
        let i = ((lat.len() as f64 * p).ceil() as usize).clamp(1, lat.len()) - 1;
        lat[i].as_secs_f64() * 1e3
    };
    let n = lat.len();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "serve: {clients} clients x {each} requests = {n} requests, every answer right, {} distinct inputs",
        cases.len()
    );
    println!(
        "machine: {} cores; load average before/after: {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load.split(' ').take(3).collect::<Vec<_>>().join(" ")
    );
    println!(
        "{:.0} requests/s (wall {:.2} s); latency ms: p50 {:.3}, p90 {:.3}, p99 {:.3}, max {:.3}",
        n as f64 / wall.as_secs_f64(),
        wall.as_secs_f64(),
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0)
    );
}
