//! `govit-check serve`: every check over HTTP (axum on hyper and tokio), for server teams
//! in any language. The answers are the CLI's bytes; the routes, status codes and bodies
//! are described in docs/openapi.json (served at `GET /v1/openapi.json`).
//!
//! - `POST /v1/{check}` (`eligibility`, `cost`, `costs`, `project_class`, `change`): the
//!   input as the body → 200 and the verdict, or the error object with 400 (`invalid_json`),
//!   413 (`too_large`: the body limit is the input limit) or 422 (any other input error).
//!   `?locale=en` sets the input's `locale`, as the CLI's `--locale` does.
//! - `POST /v1/batch`: JSON Lines in, JSON Lines out, streamed as they are answered.
//! - `GET /v1/regimes[?as_of=YYYY-MM-DD]`, `GET /v1/rules/{regime}[?locale=en]`,
//!   `GET /v1/form/{regime}[?locale=en]`,
//!   `GET /v1/version`, `GET /v1/openapi.json`, `GET /healthz`.
//! - `--www DIR`: the files of DIR (the demo portal) at `/`, with strict headers (a
//!   Content-Security-Policy with `frame-ancestors 'none'`, chosen per browser by
//!   [`crate::csp`]; `nosniff`), no listing.
//!
//! A request has `--timeout` seconds for its headers, as many for its body and answer (a
//! batch: that long between two pieces of its body); at most `--max-connections`
//! connections are served at once. SIGTERM or Ctrl-C stops accepting, lets the requests
//! under way finish (up to `--timeout`) and exits 0. Every request is logged to stderr as
//! one JSON line; the first line on stdout is the URL served.

use crate::batch::{too_large_answer, Batch};
use crate::io::{json_string, with_locale, Failure};
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use clap::Args;
use govit_check::limits::MAX_INPUT_BYTES;
use govit_check::Locale;
use http_body_util::BodyExt;
use std::collections::HashMap;
use std::convert::Infallible;
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::net::TcpListener;

/// `govit-check serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// 监听地址（默认仅本机） — the address to listen on (loopback by default; port 0: any free port)
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// 同时提供此目录的静态文件（如演示门户 www/） — also serve the files of DIR (e.g. the portal, www/)
    #[arg(long, value_name = "DIR")]
    www: Option<PathBuf>,
    /// 每个请求的时限（秒，含读取请求体） — seconds a request may take, its body included
    #[arg(long, value_name = "SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    timeout: u64,
    /// 同时服务的连接数上限 — connections served at once
    #[arg(long, value_name = "N", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..=65536))]
    max_connections: u64,
    /// 工作线程数（默认：CPU 核数） — worker threads (default: one per core)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=256))]
    threads: Option<u64>,
    /// 不写访问日志 — no access log on stderr
    #[arg(long)]
    quiet: bool,
}

/// The OpenAPI document of this service.
const OPENAPI: &str = include_str!("../../../docs/openapi.json");

/// The library's helper calls that have GET routes of their own (`/v1/regimes`,
/// `/v1/rules/{regime}`, `/v1/version`): `POST /v1/{check}` runs every other check.
const GET_ONLY: [&str; 3] = ["regimes", "rules", "version"];

/// Whether `POST /v1/{check}` runs `check`.
fn posted(check: &str) -> bool {
    govit_check::CHECKS.contains(&check) && !GET_ONLY.contains(&check)
}

struct Config {
    /// The canonical static root.
    www: Option<PathBuf>,
    timeout: Duration,
    quiet: bool,
}

/// Runs the service until SIGTERM or Ctrl-C.
pub fn run(a: ServeArgs) -> Result<(), Failure> {
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    rt.enable_io().enable_time();
    if let Some(n) = a.threads.and_then(|n| usize::try_from(n).ok()) {
        rt.worker_threads(n);
    }
    let rt = rt
        .build()
        .map_err(|e| Failure::Message(format!("cannot start the runtime: {e}")))?;
    rt.block_on(serve(a))
}

async fn serve(a: ServeArgs) -> Result<(), Failure> {
    let www = match &a.www {
        Some(dir) => Some(
            std::fs::canonicalize(dir)
                .map_err(|e| Failure::Message(format!("--www {}: {e}", dir.display())))?,
        ),
        None => None,
    };
    let timeout = Duration::from_secs(a.timeout);
    let config = Arc::new(Config {
        www,
        timeout,
        quiet: a.quiet,
    });
    let app = router(config.clone());
    let listener = TcpListener::bind(a.addr)
        .await
        .map_err(|e| Failure::Message(format!("cannot listen on {}: {e}", a.addr)))?;
    let local = listener
        .local_addr()
        .map_err(|e| Failure::Message(format!("cannot listen on {}: {e}", a.addr)))?;
    // The URL first, on stdout (a test or a script reads it), then the event on stderr.
    crate::io::write_all(format!("http://{local}/\n").as_bytes())?;
    log_event(&format!(
        "\"event\":\"listening\",\"addr\":\"{local}\",\"ruleset\":{},\"ruleset_id\":\"{}\"",
        json_string(govit_check::RULESET),
        govit_check::RULESET_ID
    ));

    let slots = Arc::new(tokio::sync::Semaphore::new(
        usize::try_from(a.max_connections).unwrap_or(1024),
    ));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(timeout)
        .keep_alive(true);
    let mut stop = std::pin::pin!(shutdown_signal());
    let signal = loop {
        let slot = tokio::select! {
            signal = &mut stop => break signal,
            slot = slots.clone().acquire_owned() => slot,
        };
        let Ok(slot) = slot else { break "closed" };
        let (stream, remote) = tokio::select! {
            signal = &mut stop => break signal,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little, go on.
                    log_event(&format!("\"event\":\"accept_error\",\"error\":{}", json_string(&e.to_string())));
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let app = app.clone();
        let service =
            hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                let mut req = req.map(Body::new);
                req.extensions_mut().insert(Remote(remote));
                let mut app = app.clone();
                async move { tower_service::Service::call(&mut app, req).await }
            });
        let conn = http.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            // A connection that breaks off is the client's business.
            let _ = conn.await;
            drop(slot);
        });
    };
    drop(listener);
    log_event(&format!("\"event\":\"stopping\",\"signal\":\"{signal}\""));
    let finished = tokio::time::timeout(timeout, graceful.shutdown())
        .await
        .is_ok();
    log_event(&format!(
        "\"event\":\"stopped\",\"all_requests_finished\":{finished}"
    ));
    Ok(())
}

/// SIGTERM or Ctrl-C (SIGINT), whichever comes first.
async fn shutdown_signal() -> &'static str {
    let ctrl_c = async {
        match tokio::signal::ctrl_c().await {
            Ok(()) => "SIGINT",
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
                "SIGTERM"
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<&'static str>();
    tokio::select! {
        s = ctrl_c => s,
        s = term => s,
    }
}

/// The peer of a request's connection.
#[derive(Clone, Copy)]
struct Remote(SocketAddr);

fn router(config: Arc<Config>) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/v1/openapi.json", get(openapi))
        .route("/v1/version", get(version))
        .route("/v1/regimes", get(regimes))
        .route("/v1/rules/{regime}", get(rules))
        .route("/v1/form/{regime}", get(form))
        .route("/v1/batch", post(batch))
        .route("/v1/{check}", post(check))
        .fallback(static_file)
        .layer(middleware::from_fn_with_state(config.clone(), access))
        .with_state(config)
}

/// Headers every response carries, and the access log line.
async fn access(State(config): State<Arc<Config>>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let remote = req.extensions().get::<Remote>().map(|r| r.0);
    // The CSP depends on the browser (crate::csp: how Chromium 85–96 may run WebAssembly).
    let csp = crate::csp::policy(
        req.headers()
            .get(header::USER_AGENT)
            .map(HeaderValue::as_bytes),
    );
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(csp),
    );
    h.append(header::VARY, HeaderValue::from_static("User-Agent"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    if !config.quiet {
        let remote = remote.map(|r| r.to_string()).unwrap_or_default();
        log_event(&format!(
            "\"remote\":\"{remote}\",\"method\":\"{method}\",\"path\":{},\"status\":{},\"us\":{}",
            json_string(&path),
            res.status().as_u16(),
            start.elapsed().as_micros()
        ));
    }
    res
}

/// One JSON log line on stderr: `{"time": ..., <fields>}`.
fn log_event(fields: &str) {
    let line = format!("{{\"time\":\"{}\",{fields}}}\n", rfc3339(SystemTime::now()));
    // A log that cannot be written is no reason to stop serving.
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// `2026-12-03T23:15:02.123Z`.
fn rfc3339(t: SystemTime) -> String {
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

/// An answer of the library as a response: 200 for a verdict, else the status of its
/// error code (`not_found`: the code that means "no such resource" on this route).
fn answer(text: String, not_found: Option<&str>) -> Response {
    let status = match error_code(&text) {
        None => StatusCode::OK,
        Some(code) if Some(code) == not_found => StatusCode::NOT_FOUND,
        Some("invalid_json") => StatusCode::BAD_REQUEST,
        Some("too_large") => StatusCode::PAYLOAD_TOO_LARGE,
        Some(_) => StatusCode::UNPROCESSABLE_ENTITY,
    };
    json(status, text)
}

/// A JSON response, ending with a line end as the CLI writes it.
fn json(status: StatusCode, mut text: String) -> Response {
    text.push('\n');
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        text,
    )
        .into_response()
}

/// The `code` of an answer that is an error object.
fn error_code(answer: &str) -> Option<&str> {
    let rest = answer.strip_prefix("{\"error\":{\"code\":\"")?;
    rest.split('"').next()
}

/// The `locale` query parameter: `Ok(None)` when absent, the error answer when invalid.
fn locale_param(q: &HashMap<String, String>) -> Result<Option<Locale>, Box<Response>> {
    match q.get("locale") {
        None => Ok(None),
        Some(tag) => Locale::from_tag(tag).map(Some).ok_or_else(|| {
            let e = govit_check::Error::InvalidValue {
                field: "/locale".into(),
                reason: govit_check::Reason::OneOf(&["zh-CN", "en"]),
            };
            Box::new(answer(govit_check::error_json(&e, Locale::Zh), None))
        }),
    }
}

async fn healthz() -> Response {
    json(
        StatusCode::OK,
        format!(
            "{{\"status\":\"ok\",\"ruleset\":{},\"ruleset_id\":\"{}\"}}",
            json_string(govit_check::RULESET),
            govit_check::RULESET_ID
        ),
    )
}

async fn openapi() -> Response {
    json(StatusCode::OK, OPENAPI.trim_end().to_owned())
}

async fn version() -> Response {
    answer(govit_check::evaluate_str("version", "{}"), None)
}

async fn regimes(Query(q): Query<HashMap<String, String>>) -> Response {
    let input = match q.get("as_of") {
        Some(d) => format!("{{\"as_of\":{}}}", json_string(d)),
        None => "{}".to_owned(),
    };
    answer(govit_check::evaluate_str("regimes", &input), None)
}

async fn rules(Path(regime): Path<String>, Query(q): Query<HashMap<String, String>>) -> Response {
    catalog("rules", &regime, &q)
}

/// `GET /v1/form/{regime}`: the questions of a regulation, in sections (contract §8).
async fn form(Path(regime): Path<String>, Query(q): Query<HashMap<String, String>>) -> Response {
    catalog("form", &regime, &q)
}

/// A regulation's `rules` or `form`, 404 for an unknown regime.
fn catalog(check: &str, regime: &str, q: &HashMap<String, String>) -> Response {
    let locale = match locale_param(q) {
        Ok(l) => l,
        Err(res) => return *res,
    };
    let input = format!("{{\"regime\":{}}}", json_string(regime));
    let input = with_locale(&input, locale);
    answer(
        govit_check::evaluate_str(check, &input),
        Some("unknown_regime"),
    )
}

/// `POST /v1/{check}`.
async fn check(
    State(config): State<Arc<Config>>,
    Path(check): Path<String>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if !posted(&check) {
        // The library's answer to an unknown check (`/check`), as not found.
        let text = govit_check::evaluate_str(&check, "{}");
        return json(StatusCode::NOT_FOUND, text);
    }
    let locale = match locale_param(&q) {
        Ok(l) => l,
        Err(res) => return *res,
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_INPUT_BYTES as u64) {
        return answer(too_large_answer(), None);
    }
    let bytes = match tokio::time::timeout(config.timeout, read_limited(body)).await {
        Err(_) => return timed_out(),
        Ok(Err(())) => return StatusCode::BAD_REQUEST.into_response(),
        Ok(Ok(None)) => return answer(too_large_answer(), None),
        Ok(Ok(Some(bytes))) => bytes,
    };
    answer(crate::io::answer_bytes(&check, &bytes, locale), None)
}

fn timed_out() -> Response {
    (StatusCode::REQUEST_TIMEOUT, "request timed out\n").into_response()
}

/// The body, or `None` past the input limit (no more than the limit is held).
async fn read_limited(body: Body) -> Result<Option<Vec<u8>>, ()> {
    let mut body = body.into_data_stream();
    let mut out = Vec::new();
    while let Some(chunk) = futures_util::StreamExt::next(&mut body).await {
        let chunk = chunk.map_err(|_| ())?;
        if out.len() + chunk.len() > MAX_INPUT_BYTES {
            return Ok(None);
        }
        out.extend_from_slice(&chunk);
    }
    Ok(Some(out))
}

/// `POST /v1/batch`: the answers stream out as the lines come in.
async fn batch(State(config): State<Arc<Config>>, body: Body) -> Response {
    struct Run {
        body: Body,
        lines: Batch,
        done: bool,
        idle: Duration,
    }
    let run = Run {
        body,
        lines: Batch::new(),
        done: false,
        idle: config.timeout,
    };
    let stream = futures_util::stream::unfold(run, |mut run| async move {
        if run.done {
            return None;
        }
        let mut out = String::new();
        loop {
            match tokio::time::timeout(run.idle, run.body.frame()).await {
                // Silent for too long, or broken off: what was answered stands.
                Err(_) | Ok(Some(Err(_))) => return None,
                Ok(None) => {
                    run.lines.finish(&mut out);
                    run.done = true;
                    break;
                }
                Ok(Some(Ok(frame))) => {
                    if let Ok(data) = frame.into_data() {
                        run.lines.feed(&data, &mut out);
                        if !out.is_empty() {
                            break;
                        }
                    }
                }
            }
        }
        Some((Ok::<_, Infallible>(Bytes::from(out)), run))
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

/// `--www`: a file of the static root (`index.html` for a folder that has one); 404 for
/// anything else — no listing, nothing outside the root, no hidden files.
async fn static_file(State(config): State<Arc<Config>>, method: Method, uri: Uri) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "没有这个地址 — not found\n").into_response();
    let Some(root) = &config.www else {
        return not_found();
    };
    if method != Method::GET && method != Method::HEAD {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let Some(path) = resolve(root, uri.path()) else {
        return not_found();
    };
    let file = path.clone();
    let Ok(Ok(bytes)) = tokio::task::spawn_blocking(move || std::fs::read(file)).await else {
        return not_found();
    };
    let mut res = (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static(content_type(&path)),
        )],
        bytes,
    )
        .into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

/// The file under `root` a URL path names, if it is one (percent-decoded; no `.`/`..`
/// segments, no hidden names, no backslashes; a folder's `index.html`; never outside the
/// canonical root, links included).
fn resolve(root: &std::path::Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let mut path = root.to_path_buf();
    for seg in decoded.split('/').filter(|s| !s.is_empty()) {
        if seg.starts_with('.') || seg.contains(['\\', '\0']) {
            return None;
        }
        path.push(seg);
    }
    if path.is_dir() {
        path.push("index.html");
    }
    let real = std::fs::canonicalize(&path).ok()?;
    (real.starts_with(root) && real.is_file()).then_some(real)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &std::path::Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
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

    #[test]
    fn paths_stay_inside_the_root() {
        let root =
            std::fs::canonicalize(concat!(env!("CARGO_MANIFEST_DIR"), "/src")).unwrap_or_default();
        assert!(resolve(&root, "/main.rs").is_some());
        assert!(resolve(&root, "/%6Dain.rs").is_some());
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/..%2fCargo.toml",
            "/.hidden",
            "/%",
            "/x%zz",
            "/a\\b",
            "/",
        ] {
            assert!(resolve(&root, bad).is_none(), "{bad}");
        }
    }
}
