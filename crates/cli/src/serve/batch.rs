//! `POST /v1/batch`: JSON Lines in, JSON Lines out, streamed with backpressure.
//!
//! - **Before answering** the service waits for the first piece of the body: that is
//!   when hyper sends `100 Continue` to a client that asked for it (curl, Java's
//!   `expectContinue`), and a body that never comes is a 408, not a 200.
//! - **Read ahead.** A task reads the body ahead of the answers, into memory, up to
//!   `--batch-buffer` MiB for this batch and `--buffer-total` MiB for all batches at once
//!   (whichever is reached first); past that it stops reading until answers are taken.
//!   So a client that writes its whole body before reading (urllib, `requests`, Java)
//!   gets every answer when its body fits in the read-ahead (plus what the sockets
//!   hold), and a client that never reads holds no more than that.
//! - **Answers are computed as they are taken:** hyper asks for the next piece of the
//!   answer when the client has taken the last; the lines that piece answers run in the
//!   blocking pool, at most one check job per worker thread at once (never on the async
//!   workers, so `/healthz` stays quick), each job stopping at [`PIECE`] bytes of answers.
//! - **A batch cut off mid-way ends visibly:** when the body is too slow (body.rs) or
//!   breaks off, the answers so far are followed by one error line
//!   `{"id":null,"error":{"code":"timeout"|"incomplete_body",…}}` and the chunked answer is
//!   then aborted — no terminating chunk, the connection closed — so every HTTP client
//!   reports an error (curl: exit 18; urllib: `IncompleteRead`; requests:
//!   `ChunkedEncodingError`; fetch: a `TypeError` while reading). The access log and
//!   `/metrics` count it as cut off.

use super::body::{BodyReader, Cut};
use super::routes::{error_response, locale_param};
use super::App;
use crate::batch::Batch;
use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};

/// The answers one check job writes before it hands them over (and one answer more).
pub const PIECE: usize = 16 * 1024;

/// What the reader hands the answerer.
struct Inbox {
    chunks: VecDeque<(Bytes, Vec<OwnedSemaphorePermit>)>,
    end: Option<Result<(), Cut>>,
}

struct Shared {
    inbox: Mutex<Inbox>,
    arrived: Notify,
}

pub async fn batch(
    State(app): State<Arc<App>>,
    Query(q): Query<HashMap<String, String>>,
    body: Body,
) -> Response {
    let locale = match locale_param(&q) {
        Ok(l) => l,
        Err(res) => return *res,
    };
    let mut reader = BodyReader::new(body, app.timeout, app.min_rate);
    let first = match reader.next().await {
        Ok(first) => first,
        Err(cut) => {
            app.metrics.cut_off(cut.metric());
            return error_response(app.cut_status(cut), cut.code(), None);
        }
    };
    let shared = Arc::new(Shared {
        inbox: Mutex::new(Inbox {
            chunks: VecDeque::new(),
            end: None,
        }),
        arrived: Notify::new(),
    });
    let own = Arc::new(Semaphore::new(app.batch_buffer_kib as usize));
    let read_ahead = tokio::spawn(read_ahead(reader, first, shared.clone(), own, app.clone()));
    let answerer = Answerer {
        app,
        shared,
        lines: Some(Batch::with_locale(locale)),
        current: None,
        finished: false,
        abort: None,
        read_ahead: read_ahead.abort_handle(),
    };
    let stream = futures_util::stream::unfold(answerer, |mut a| async move {
        let piece = a.next_piece().await?;
        Some((piece, a))
    });
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/jsonl; charset=utf-8"),
        )],
        Body::from_stream(stream),
    )
        .into_response()
}

/// Reads the body into the inbox, no further ahead than the read-ahead allows.
async fn read_ahead(
    mut reader: BodyReader,
    first: Option<Bytes>,
    shared: Arc<Shared>,
    own: Arc<Semaphore>,
    app: Arc<App>,
) {
    let mut next = first;
    let end = loop {
        let Some(chunk) = next.take() else {
            break Ok(());
        };
        let kib = u32::try_from(chunk.len().div_ceil(1024))
            .unwrap_or(u32::MAX)
            .max(1);
        // The budgets: this batch's, then everyone's (never more than either holds).
        let Ok(mine) = own
            .clone()
            .acquire_many_owned(kib.min(app.batch_buffer_kib))
            .await
        else {
            break Ok(());
        };
        let Ok(all) = app
            .buffer
            .clone()
            .acquire_many_owned(kib.min(app.buffer_total_kib))
            .await
        else {
            break Ok(());
        };
        if let Ok(mut inbox) = shared.inbox.lock() {
            inbox.chunks.push_back((chunk, vec![mine, all]));
        }
        shared.arrived.notify_one();
        match reader.next().await {
            Ok(Some(c)) => next = Some(c),
            Ok(None) => break Ok(()),
            Err(cut) => break Err(cut),
        }
    };
    if let Ok(mut inbox) = shared.inbox.lock() {
        inbox.end = Some(end);
    }
    shared.arrived.notify_one();
}

struct Answerer {
    app: Arc<App>,
    shared: Arc<Shared>,
    /// `None` while a job holds it.
    lines: Option<Batch>,
    /// The chunk being answered, how much of it is, and its read-ahead permits.
    current: Option<(Bytes, usize, Vec<OwnedSemaphorePermit>)>,
    finished: bool,
    /// The stream's abort, after the error line of a cut-off batch.
    abort: Option<std::io::Error>,
    read_ahead: tokio::task::AbortHandle,
}

impl Drop for Answerer {
    fn drop(&mut self) {
        // The client went away or stalled: stop reading its body.
        self.read_ahead.abort();
    }
}

enum Next {
    Chunk(Bytes, Vec<OwnedSemaphorePermit>),
    End(Result<(), Cut>),
}

impl Answerer {
    /// The next piece of the answer: `None` at the end, `Err` to abort the stream.
    async fn next_piece(&mut self) -> Option<Result<Bytes, std::io::Error>> {
        loop {
            if let Some(abort) = self.abort.take() {
                // hyper drops what it has not written when a body fails: a moment for
                // the error line to be flushed first.
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                self.finished = true;
                return Some(Err(abort));
            }
            if self.finished {
                return None;
            }
            if let Some((chunk, done, permits)) = self.current.take() {
                let (out, taken) = self.job(chunk.clone(), done).await?;
                if done + taken < chunk.len() {
                    self.current = Some((chunk, done + taken, permits));
                }
                if !out.is_empty() {
                    return Some(Ok(Bytes::from(out)));
                }
                continue;
            }
            match self.take().await {
                Next::Chunk(chunk, permits) => self.current = Some((chunk, 0, permits)),
                Next::End(end) => {
                    self.finished = true;
                    let mut out = String::new();
                    if let Err(cut) = end {
                        // The answers so far (a line the break cut in two is not one),
                        // the reason, then no terminating chunk.
                        self.app.metrics.cut_off(cut.metric());
                        let error = super::routes::error_json(cut.code(), None);
                        out.push_str("{\"id\":null,");
                        out.push_str(error.get(1..).unwrap_or_default());
                        out.push('\n');
                        self.current = None;
                        self.lines = None;
                        // The error line first; the abort on the next poll.
                        self.finished = false;
                        self.abort = Some(std::io::Error::other(cut.code()));
                        return Some(Ok(Bytes::from(out)));
                    }
                    if let Some(lines) = self.lines.as_mut() {
                        let before = lines.answered();
                        lines.finish(&mut out);
                        self.app.metrics.batch_lines(lines.answered() - before);
                    }
                    if !out.is_empty() {
                        return Some(Ok(Bytes::from(out)));
                    }
                    return None;
                }
            }
        }
    }

    /// The next chunk of the body, or its end.
    async fn take(&mut self) -> Next {
        loop {
            let notified = self.shared.arrived.notified();
            if let Ok(mut inbox) = self.shared.inbox.lock() {
                if let Some((chunk, permits)) = inbox.chunks.pop_front() {
                    return Next::Chunk(chunk, permits);
                }
                if let Some(end) = inbox.end {
                    return Next::End(end);
                }
            }
            notified.await;
        }
    }

    /// Answers lines of `chunk` from `done` on in the blocking pool, up to [`PIECE`].
    async fn job(&mut self, chunk: Bytes, done: usize) -> Option<(String, usize)> {
        let mut lines = self.lines.take()?;
        let permit = self.app.checks.clone().acquire_owned().await.ok()?;
        let job = tokio::task::spawn_blocking(move || {
            let mut out = String::new();
            let before = lines.answered();
            let taken = lines.feed_some(chunk.get(done..).unwrap_or_default(), &mut out, PIECE);
            drop(permit);
            let answered = lines.answered() - before;
            (lines, out, taken, answered)
        });
        let (lines, out, taken, answered) = job.await.ok()?;
        self.lines = Some(lines);
        self.app.metrics.batch_lines(answered);
        Some((out, taken))
    }
}
