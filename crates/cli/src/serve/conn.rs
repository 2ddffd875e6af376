//! One connection's socket as hyper sees it, with what hyper does not do itself:
//!
//! - **A write that stalls is cut off.** When the client takes no byte of an answer for
//!   `--timeout` seconds (it does not read, or pipelines requests without reading), the
//!   write fails and the connection is closed: no slot is held forever.
//! - **Lingering close.** Before the socket is closed, what the client is still sending
//!   (a body the service refused without reading it, e.g. a 413 decided from
//!   `Content-Length`) is read and dropped until the client stops sending (a pause of
//!   [`LINGER_IDLE`]), ends, or `--timeout` seconds or [`LINGER_BYTES`] have passed. A socket
//!   closed with unread bytes sends a reset, and a reset makes the client's OS drop the
//!   answer it had not read yet: urllib, requests, Node's fetch and Java then see a broken
//!   pipe instead of the 413.
//! - **hyper's own refusals in the contract's shape.** A request head hyper cannot parse
//!   is answered by hyper itself (400, 414 or 431, no body) before the service sees it;
//!   that answer is replaced by the same status with the JSON error object and the
//!   security headers (the service never writes a bodiless 4xx itself).

use super::App;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Sleep;

/// A pause in what the client sends that ends a lingering close.
pub const LINGER_IDLE: Duration = Duration::from_millis(500);
/// The most a lingering close reads and drops.
pub const LINGER_BYTES: usize = 16 << 20;

enum Closing {
    Open,
    /// The write side is shut; reading what the client still sends.
    Draining {
        until: Pin<Box<Sleep>>,
        idle: Pin<Box<Sleep>>,
        left: usize,
    },
    Done,
}

/// The socket of one connection.
pub struct Guarded {
    io: TcpStream,
    app: Arc<App>,
    /// Armed while a write waits for the client to take bytes.
    stalled: Option<Pin<Box<Sleep>>>,
    closing: Closing,
    /// hyper's bodiless refusal, replaced: (the bytes written instead, how many are
    /// written, the length of hyper's buffer to report once they all are).
    rewrite: Option<(Arc<[u8]>, usize, usize)>,
}

impl Guarded {
    pub fn new(io: TcpStream, app: Arc<App>) -> Guarded {
        Guarded {
            io,
            app,
            stalled: None,
            closing: Closing::Open,
            rewrite: None,
        }
    }

    /// Pending write: cut off once the client has taken nothing for `--timeout`.
    fn wait(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let timeout = self.app.timeout;
        let sleep = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(timeout)));
        if sleep.as_mut().poll(cx).is_ready() {
            self.app.metrics.cut_off("write_stalled");
            return Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client took no byte of the answer for --timeout seconds",
            )));
        }
        Poll::Pending
    }

    fn written(
        &mut self,
        r: Poll<io::Result<usize>>,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<usize>> {
        match r {
            Poll::Pending => self.wait(cx),
            Poll::Ready(r) => {
                self.stalled = None;
                Poll::Ready(r)
            }
        }
    }

    /// Writes the replacement of a refusal; `Ready(n)` with hyper's length once done.
    fn poll_rewrite(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        loop {
            let Some((bytes, done, claimed)) = self.rewrite.clone() else {
                return Poll::Ready(Ok(0));
            };
            let rest = bytes.get(done..).unwrap_or_default();
            if rest.is_empty() {
                self.rewrite = None;
                return Poll::Ready(Ok(claimed));
            }
            let r = Pin::new(&mut self.io).poll_write(cx, rest);
            let n = ready!(self.written(r, cx))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            if let Some(w) = self.rewrite.as_mut() {
                w.1 += n;
            }
        }
    }

    /// Whether `head` is hyper's own bodiless refusal of a request it could not parse.
    fn refusal(&self, head: &[u8]) -> Option<Arc<[u8]>> {
        let status = head.strip_prefix(b"HTTP/1.1 ")?.get(..3)?;
        if !matches!(status, b"400" | b"414" | b"431") {
            return None;
        }
        let end = memchr::memmem::find(head, b"\r\n\r\n")?;
        let lower = head.get(..end)?.to_ascii_lowercase();
        memchr::memmem::find(&lower, b"\r\ncontent-length: 0")?;
        if memchr::memmem::find(&lower, b"\r\ncontent-type:").is_some() {
            return None;
        }
        let code = std::str::from_utf8(status).ok()?.parse().ok()?;
        self.app.metrics.refused(code);
        Some(self.app.refusal(code))
    }
}

impl AsyncRead for Guarded {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl AsyncWrite for Guarded {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        if this.rewrite.is_none() {
            if let Some(bytes) = this.refusal(buf) {
                this.rewrite = Some((bytes, 0, buf.len()));
            }
        }
        if this.rewrite.is_some() {
            return this.poll_rewrite(cx);
        }
        let r = Pin::new(&mut this.io).poll_write(cx, buf);
        this.written(r, cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        if this.rewrite.is_none() {
            if let Some(first) = bufs.first() {
                if let Some(bytes) = this.refusal(first) {
                    let total = bufs.iter().map(|b| b.len()).sum();
                    this.rewrite = Some((bytes, 0, total));
                }
            }
        }
        if this.rewrite.is_some() {
            return this.poll_rewrite(cx);
        }
        let r = Pin::new(&mut this.io).poll_write_vectored(cx, bufs);
        this.written(r, cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        loop {
            match &mut this.closing {
                Closing::Open => {
                    // A shutdown that fails: the peer is gone, nothing to drain.
                    if ready!(Pin::new(&mut this.io).poll_shutdown(cx)).is_err() {
                        this.closing = Closing::Done;
                        continue;
                    }
                    this.closing = Closing::Draining {
                        until: Box::pin(tokio::time::sleep(this.app.timeout)),
                        idle: Box::pin(tokio::time::sleep(LINGER_IDLE)),
                        left: LINGER_BYTES,
                    };
                }
                Closing::Draining { until, idle, left } => {
                    let mut scratch = [0u8; 8192];
                    let mut buf = ReadBuf::new(&mut scratch);
                    match Pin::new(&mut this.io).poll_read(cx, &mut buf) {
                        Poll::Ready(Ok(())) if !buf.filled().is_empty() => {
                            *left = left.saturating_sub(buf.filled().len());
                            if *left == 0 {
                                this.closing = Closing::Done;
                            } else {
                                idle.as_mut()
                                    .reset(tokio::time::Instant::now() + LINGER_IDLE);
                            }
                        }
                        // The end of what the client sends, or an error: closed.
                        Poll::Ready(_) => this.closing = Closing::Done,
                        Poll::Pending => {
                            if until.as_mut().poll(cx).is_ready()
                                || idle.as_mut().poll(cx).is_ready()
                            {
                                this.closing = Closing::Done;
                            } else {
                                return Poll::Pending;
                            }
                        }
                    }
                }
                Closing::Done => return Poll::Ready(Ok(())),
            }
        }
    }
}
