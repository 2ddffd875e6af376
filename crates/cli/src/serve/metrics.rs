//! `GET /metrics`: the service's counters in the Prometheus text format (0.0.4).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds of the latency histogram's buckets, in microseconds (and as written).
const BUCKETS: [(u64, &str); 14] = [
    (500, "0.0005"),
    (1_000, "0.001"),
    (2_500, "0.0025"),
    (5_000, "0.005"),
    (10_000, "0.01"),
    (25_000, "0.025"),
    (50_000, "0.05"),
    (100_000, "0.1"),
    (250_000, "0.25"),
    (500_000, "0.5"),
    (1_000_000, "1"),
    (2_500_000, "2.5"),
    (5_000_000, "5"),
    (10_000_000, "10"),
];

#[derive(Default)]
struct Histogram {
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum_us: u64,
}

#[derive(Default)]
pub struct Metrics {
    /// (route, status) → requests.
    requests: Mutex<BTreeMap<(&'static str, u16), u64>>,
    /// route → latency (the whole answer, its body included).
    latency: Mutex<BTreeMap<&'static str, Histogram>>,
    in_flight: AtomicI64,
    connections: AtomicI64,
    batch_lines: AtomicU64,
    /// reason → batches or connections cut off.
    cut_off: Mutex<BTreeMap<&'static str, u64>>,
    /// status → hyper's refusals rewritten.
    refused: Mutex<BTreeMap<u16, u64>>,
    accept_errors: AtomicU64,
}

impl Metrics {
    pub fn started(&self) {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
    }

    /// A request's answer was written (or broken off): its route, status and duration.
    pub fn finished(&self, route: &'static str, status: u16, took: Duration) {
        self.in_flight.fetch_sub(1, Ordering::Relaxed);
        if let Ok(mut m) = self.requests.lock() {
            *m.entry((route, status)).or_default() += 1;
        }
        let us = u64::try_from(took.as_micros()).unwrap_or(u64::MAX);
        if let Ok(mut m) = self.latency.lock() {
            let h = m.entry(route).or_default();
            for (b, (le, _)) in h.buckets.iter_mut().zip(BUCKETS) {
                if us <= le {
                    *b += 1;
                }
            }
            h.count += 1;
            h.sum_us = h.sum_us.saturating_add(us);
        }
    }

    pub fn connection(&self, open: bool) {
        self.connections
            .fetch_add(if open { 1 } else { -1 }, Ordering::Relaxed);
    }

    pub fn batch_lines(&self, n: u64) {
        self.batch_lines.fetch_add(n, Ordering::Relaxed);
    }

    pub fn cut_off(&self, reason: &'static str) {
        if let Ok(mut m) = self.cut_off.lock() {
            *m.entry(reason).or_default() += 1;
        }
    }

    pub fn refused(&self, status: u16) {
        if let Ok(mut m) = self.refused.lock() {
            *m.entry(status).or_default() += 1;
        }
    }

    pub fn accept_error(&self) {
        self.accept_errors.fetch_add(1, Ordering::Relaxed);
    }

    /// The text of `/metrics`.
    pub fn render(&self, ready: bool, log_dropped: u64) -> String {
        let mut s = String::with_capacity(4096);
        let _ = writeln!(
            s,
            "# HELP govit_http_requests_total Requests answered, by route and status.\n# TYPE govit_http_requests_total counter"
        );
        if let Ok(m) = self.requests.lock() {
            for ((route, status), n) in m.iter() {
                let _ = writeln!(
                    s,
                    "govit_http_requests_total{{route=\"{route}\",status=\"{status}\"}} {n}"
                );
            }
        }
        let _ = writeln!(
            s,
            "# HELP govit_http_request_duration_seconds Time from the request head to the answer's last byte, by route.\n# TYPE govit_http_request_duration_seconds histogram"
        );
        if let Ok(m) = self.latency.lock() {
            for (route, h) in m.iter() {
                for (n, (_, le)) in h.buckets.iter().zip(BUCKETS) {
                    let _ = writeln!(
                        s,
                        "govit_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{le}\"}} {n}"
                    );
                }
                let _ = writeln!(
                    s,
                    "govit_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}\ngovit_http_request_duration_seconds_sum{{route=\"{route}\"}} {}.{:06}\ngovit_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                    h.count,
                    h.sum_us / 1_000_000,
                    h.sum_us % 1_000_000,
                    h.count
                );
            }
        }
        let gauge = |s: &mut String, name: &str, help: &str, kind: &str, v: String| {
            let _ = writeln!(s, "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {v}");
        };
        gauge(
            &mut s,
            "govit_http_requests_in_flight",
            "Requests whose answer is not finished.",
            "gauge",
            self.in_flight.load(Ordering::Relaxed).to_string(),
        );
        gauge(
            &mut s,
            "govit_http_connections_open",
            "Connections being served.",
            "gauge",
            self.connections.load(Ordering::Relaxed).to_string(),
        );
        gauge(
            &mut s,
            "govit_batch_lines_total",
            "Batch lines answered.",
            "counter",
            self.batch_lines.load(Ordering::Relaxed).to_string(),
        );
        let _ = writeln!(
            s,
            "# HELP govit_cut_off_total Requests or connections cut off, by reason.\n# TYPE govit_cut_off_total counter"
        );
        if let Ok(m) = self.cut_off.lock() {
            for (reason, n) in m.iter() {
                let _ = writeln!(s, "govit_cut_off_total{{reason=\"{reason}\"}} {n}");
            }
        }
        let _ = writeln!(
            s,
            "# HELP govit_http_refused_total Request heads that could not be read (400, 414, 431).\n# TYPE govit_http_refused_total counter"
        );
        if let Ok(m) = self.refused.lock() {
            for (status, n) in m.iter() {
                let _ = writeln!(s, "govit_http_refused_total{{status=\"{status}\"}} {n}");
            }
        }
        gauge(
            &mut s,
            "govit_accept_errors_total",
            "Connections that could not be accepted (e.g. out of file descriptors).",
            "counter",
            self.accept_errors.load(Ordering::Relaxed).to_string(),
        );
        gauge(
            &mut s,
            "govit_log_lines_dropped_total",
            "Log lines dropped because stderr was not read fast enough.",
            "counter",
            log_dropped.to_string(),
        );
        gauge(
            &mut s,
            "govit_ready",
            "1 while /readyz answers 200, 0 once the service is stopping.",
            "gauge",
            u8::from(ready).to_string(),
        );
        s
    }
}
