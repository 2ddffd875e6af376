//! Reading a request body at a minimum data rate.
//!
//! While the service waits for a body, the client must keep it coming: the wait for the
//! next piece may not pass the time the client has earned — `--timeout` seconds at the
//! start, and 1/`--min-rate` of a second more for every byte received, never more than
//! `--timeout` in hand. So no gap may last `--timeout`, and past the first `--timeout`
//! seconds the body must average `--min-rate` bytes a second over the time the service
//! waited for it (the time a batch waits for its client to read answers is not counted:
//! the answer side has its own rule, conn.rs). A body dripping a blank line every few
//! seconds is cut off after about `--timeout` seconds.

use axum::body::{Body, Bytes};
use http_body_util::BodyExt;
use std::time::Duration;
use tokio::time::Instant;

/// Why a body was not read to its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// Slower than the minimum rate, or silent for `--timeout`.
    TooSlow,
    /// Broken off: the connection closed before the body's end, or bad chunked framing.
    Broken,
}

impl Cut {
    /// The error code and the status of the answer.
    pub fn code(self) -> &'static str {
        match self {
            Cut::TooSlow => "timeout",
            Cut::Broken => "incomplete_body",
        }
    }

    pub fn metric(self) -> &'static str {
        match self {
            Cut::TooSlow => "body_too_slow",
            Cut::Broken => "body_broken",
        }
    }
}

pub struct BodyReader {
    body: Body,
    /// Waiting time the client has in hand.
    credit: Duration,
    cap: Duration,
    /// Nanoseconds of waiting one byte earns.
    per_byte_ns: u64,
    pub bytes: u64,
}

impl BodyReader {
    pub fn new(body: Body, timeout: Duration, min_rate: u64) -> BodyReader {
        BodyReader {
            body,
            credit: timeout,
            cap: timeout,
            per_byte_ns: 1_000_000_000 / min_rate.max(1),
            bytes: 0,
        }
    }

    /// The next piece of data (`None`: the body's end).
    pub async fn next(&mut self) -> Result<Option<Bytes>, Cut> {
        loop {
            let start = Instant::now();
            let frame = tokio::time::timeout(self.credit, self.body.frame()).await;
            self.credit = self.credit.saturating_sub(start.elapsed());
            match frame {
                Err(_) => return Err(Cut::TooSlow),
                Ok(None) => return Ok(None),
                Ok(Some(Err(_))) => return Err(Cut::Broken),
                Ok(Some(Ok(frame))) => {
                    let Ok(data) = frame.into_data() else {
                        continue; // trailers
                    };
                    let n = u64::try_from(data.len()).unwrap_or(u64::MAX);
                    self.bytes = self.bytes.saturating_add(n);
                    let earned = Duration::from_nanos(n.saturating_mul(self.per_byte_ns));
                    self.credit = (self.credit + earned).min(self.cap);
                    if self.credit.is_zero() {
                        return Err(Cut::TooSlow);
                    }
                    if !data.is_empty() {
                        return Ok(Some(data));
                    }
                }
            }
        }
    }

    /// The whole body, or what stopped it: `Ok(None)` past `limit` bytes (no more than
    /// the limit is held).
    pub async fn read_limited(&mut self, limit: usize) -> Result<Option<Vec<u8>>, Cut> {
        let mut out = Vec::new();
        while let Some(chunk) = self.next().await? {
            if out.len() + chunk.len() > limit {
                return Ok(None);
            }
            out.extend_from_slice(&chunk);
        }
        Ok(Some(out))
    }
}
