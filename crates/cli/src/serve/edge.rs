//! What every request passes through, around the routes: its `X-Request-Id`, the Host
//! allow-list, the security headers, every refusal as the contract's JSON error, and —
//! when the answer's last byte is written or the answer breaks off — the access log line
//! and the metrics.

use super::routes::{code_of, error_json, error_response};
use super::App;
use axum::body::{Body, Bytes};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use govit_check::Locale;
use http_body::{Body as _, Frame, SizeHint};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use std::time::Instant;

/// The peer of a request's connection.
#[derive(Clone, Copy)]
pub struct Remote(pub std::net::SocketAddr);

pub static X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Request ids made here: a random prefix per process and a counter.
pub struct Ids {
    prefix: u64,
    next: AtomicU64,
}

impl Ids {
    pub fn new() -> Ids {
        use std::hash::BuildHasher;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        Ids {
            prefix: std::collections::hash_map::RandomState::new().hash_one(nanos),
            next: AtomicU64::new(1),
        }
    }

    /// The client's id when it is a usable one (1–128 characters of letters, digits and
    /// `-_.:/+=`), else a new one.
    fn for_request(&self, given: Option<&HeaderValue>) -> HeaderValue {
        if let Some(v) = given {
            let b = v.as_bytes();
            if !b.is_empty()
                && b.len() <= 128
                && b.iter()
                    .all(|c| c.is_ascii_alphanumeric() || b"-_.:/+=".contains(c))
            {
                return v.clone();
            }
        }
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{:016x}-{n}", self.prefix))
            .unwrap_or(HeaderValue::from_static("0"))
    }
}

/// The headers every answer carries.
pub fn secure(h: &mut HeaderMap, csp: &HeaderValue) {
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CONTENT_SECURITY_POLICY, csp.clone());
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
}

/// The `locale` of a query string, when it names one.
fn query_locale(query: Option<&str>) -> Option<Locale> {
    query?
        .split('&')
        .find_map(|kv| kv.strip_prefix("locale="))
        .and_then(Locale::from_tag)
}

/// `--allowed-host`: a request whose Host is not on the list gets 421.
pub async fn hosts(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    if let Some(allowed) = &app.hosts {
        let host = req
            .headers()
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .map(host_name);
        if !host.is_some_and(|h| allowed.contains(&h)) {
            let locale = query_locale(req.uri().query());
            return error_response(StatusCode::MISDIRECTED_REQUEST, "host_not_allowed", locale);
        }
    }
    next.run(req).await
}

/// The name of a Host header, without its port, lowercase, without a final dot.
pub fn host_name(host: &str) -> String {
    let name = if let Some(v6) = host.strip_prefix('[') {
        v6.split(']')
            .next()
            .map(|a| format!("[{a}]"))
            .unwrap_or_default()
    } else {
        host.split(':').next().unwrap_or_default().to_owned()
    };
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// The outermost layer: request id, headers, JSON refusals, log and metrics.
pub async fn frame(State(app): State<Arc<App>>, mut req: Request, next: Next) -> Response {
    let start = Instant::now();
    app.metrics.started();
    let id = app.ids.for_request(req.headers().get(&X_REQUEST_ID));
    req.headers_mut().insert(X_REQUEST_ID.clone(), id.clone());
    let route: &'static str = match req.extensions().get::<MatchedPath>() {
        Some(p) => app.route_label(p.as_str()),
        None if app.www.is_some() => "static",
        None => "other",
    };
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let locale = query_locale(req.uri().query());
    let remote = req.extensions().get::<Remote>().map(|r| r.0);
    // The CSP depends on the browser (crate::csp: how Chromium 85–96 may run WebAssembly).
    let user_agent = req.headers().get(header::USER_AGENT).cloned();
    let mut res = next.run(req).await;
    let status = res.status();
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if status.as_u16() >= 400 && !is_json {
        // axum's and the routes' bare refusals (404, 405, a bad query…), in the
        // contract's shape; their headers (Allow) kept.
        let (mut parts, _) = res.into_parts();
        let mut text = error_json(code_of(status), locale);
        text.push('\n');
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        parts.headers.remove(header::CONTENT_LENGTH);
        res = Response::from_parts(parts, Body::from(text));
    }
    secure(
        res.headers_mut(),
        app.csp.for_user_agent(user_agent.as_ref()),
    );
    res.headers_mut()
        .append(header::VARY, HeaderValue::from_static("User-Agent"));
    res.headers_mut().insert(X_REQUEST_ID.clone(), id.clone());
    let done = Finish {
        app,
        start,
        route,
        status: status.as_u16(),
        method,
        path,
        remote,
        id,
    };
    res.map(|body| {
        Body::new(Logged {
            inner: body,
            done: Some(done),
            bytes: 0,
        })
    })
}

/// What is logged and counted when an answer ends.
struct Finish {
    app: Arc<App>,
    start: Instant,
    route: &'static str,
    status: u16,
    method: Method,
    path: String,
    remote: Option<std::net::SocketAddr>,
    id: HeaderValue,
}

impl Finish {
    /// `cut`: why the answer did not end normally.
    fn log(self, bytes: u64, cut: Option<&str>) {
        let took = self.start.elapsed();
        self.app.metrics.finished(self.route, self.status, took);
        if self.app.quiet {
            return;
        }
        let remote = self.remote.map(|r| r.to_string()).unwrap_or_default();
        let cut = cut
            .map(|c| format!(",\"cut_off\":{}", crate::io::json_string(c)))
            .unwrap_or_default();
        self.app.log.event(&format!(
            "\"id\":{},\"remote\":\"{remote}\",\"method\":\"{}\",\"path\":{},\"status\":{},\"bytes\":{bytes},\"us\":{}{cut}",
            crate::io::json_string(self.id.to_str().unwrap_or_default()),
            self.method,
            crate::io::json_string(&self.path),
            self.status,
            took.as_micros()
        ));
    }
}

/// An answer's body, counted; logs when it ends, breaks off or is dropped unfinished.
struct Logged {
    inner: Body,
    done: Option<Finish>,
    bytes: u64,
}

impl http_body::Body for Logged {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let this = &mut *self;
        let frame = ready!(Pin::new(&mut this.inner).poll_frame(cx));
        match &frame {
            Some(Ok(f)) => {
                if let Some(d) = f.data_ref() {
                    this.bytes += d.len() as u64;
                }
            }
            Some(Err(e)) => {
                if let Some(done) = this.done.take() {
                    done.log(this.bytes, Some(&e.to_string()));
                }
            }
            None => {
                if let Some(done) = this.done.take() {
                    done.log(this.bytes, None);
                }
            }
        }
        Poll::Ready(frame)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

impl Drop for Logged {
    fn drop(&mut self) {
        if let Some(done) = self.done.take() {
            // All of it written (a HEAD answer, or a body whose end hyper knew from its
            // size), or the client went away or stalled before the end.
            let complete = self.inner.is_end_stream() || done.method == Method::HEAD;
            done.log(self.bytes, (!complete).then_some("client_gone"));
        }
    }
}
