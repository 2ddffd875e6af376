//! The log on stderr, one JSON object a line, written by a thread of its own: a request
//! hands its line over a bounded queue ([`QUEUE`] lines) and goes on. When the reader of
//! stderr stalls and the queue is full, lines are dropped and counted (never waited for):
//! the count is `govit_log_lines_dropped_total` in `/metrics` and a `log_lines_dropped`
//! event once the log moves again. (tracing-appender's non-blocking writer, in lossy mode,
//! is the same design; this one needs no tracing stack for one queue.)

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Lines the queue holds.
pub const QUEUE: usize = 4096;

/// How long the writer gathers lines before it writes them.
const GATHER: Duration = Duration::from_millis(2);

pub struct Log {
    tx: Mutex<Option<SyncSender<String>>>,
    dropped: Arc<AtomicU64>,
    writer: Mutex<Option<std::thread::JoinHandle<()>>>,
}

impl Log {
    /// The writer thread on stderr.
    pub fn start() -> Log {
        let (tx, rx) = sync_channel::<String>(QUEUE);
        let dropped = Arc::new(AtomicU64::new(0));
        let counted = dropped.clone();
        let writer = std::thread::Builder::new()
            .name("log".into())
            .spawn(move || write_lines(&rx, &counted))
            .ok();
        Log {
            tx: Mutex::new(Some(tx)),
            dropped,
            writer: Mutex::new(writer),
        }
    }

    /// One line `{"time": …, <fields>}`; dropped (and counted) when the queue is full.
    pub fn event(&self, fields: &str) {
        let line = format!("{{\"time\":\"{}\",{fields}}}\n", rfc3339(SystemTime::now()));
        let sent = self
            .tx
            .lock()
            .ok()
            .and_then(|tx| tx.as_ref().map(|tx| tx.try_send(line)));
        if let Some(Err(TrySendError::Full(_))) = sent {
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }

    /// Ends the queue and waits up to `wait` for the writer to write what it holds (a
    /// stalled reader does not hold the exit longer).
    pub fn close(&self, wait: Duration) {
        if let Ok(mut tx) = self.tx.lock() {
            tx.take();
        }
        let Some(writer) = self.writer.lock().ok().and_then(|mut w| w.take()) else {
            return;
        };
        let start = std::time::Instant::now();
        while !writer.is_finished() && start.elapsed() < wait {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

fn write_lines(rx: &Receiver<String>, dropped: &AtomicU64) {
    // Lines are written in batches: after a wait for the first line, the writer lets
    // [`GATHER`] pass before it takes what came meanwhile and writes it at once. Under load
    // that is one wake-up and one write per [`GATHER`], not one per line (a request then
    // only queues its line); an idle log costs nothing.
    let mut err = std::io::BufWriter::with_capacity(64 * 1024, std::io::stderr().lock());
    let mut reported = 0;
    loop {
        let line = match rx.try_recv() {
            Ok(line) => line,
            Err(_) => {
                let _ = err.flush();
                match rx.recv() {
                    Ok(line) => {
                        std::thread::sleep(GATHER);
                        line
                    }
                    Err(_) => break,
                }
            }
        };
        // A log that cannot be written is no reason to stop serving.
        let _ = err.write_all(line.as_bytes());
        let now = dropped.load(Ordering::Relaxed);
        if now > reported {
            let _ = err.write_all(
                format!(
                    "{{\"time\":\"{}\",\"event\":\"log_lines_dropped\",\"count\":{}}}\n",
                    rfc3339(SystemTime::now()),
                    now - reported
                )
                .as_bytes(),
            );
            reported = now;
        }
    }
    let _ = err.flush();
}

/// `2026-12-03T23:15:02.123Z`.
pub fn rfc3339(t: SystemTime) -> String {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs();
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60,
        d.subsec_millis()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_log() {
        let t = UNIX_EPOCH + Duration::from_millis(1_796_339_702_123);
        assert_eq!(rfc3339(t), "2026-12-03T23:15:02.123Z");
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(&rfc3339(leap)[..10], "2000-02-29");
    }
}
