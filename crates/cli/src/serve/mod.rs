//! `govit-check serve`: every check over HTTP (axum on hyper and tokio), for server teams
//! in any language. The answers are the CLI's bytes; the routes, status codes and bodies
//! are described in docs/openapi.json (served at `GET /v1/openapi.json`); README "HTTP
//! service" states every limit and timeout, docs/deploy.md how to run it.
//!
//! - routes.rs: `POST /v1/{check}`, the helper routes, `/healthz`, `/readyz`, `/metrics`,
//!   and the JSON error of every refusal;
//! - batch.rs: `POST /v1/batch`, streamed with backpressure, off the async workers;
//! - body.rs: request bodies at a minimum data rate; conn.rs: the socket (a stalled
//!   write is cut off, lingering close, hyper's own refusals as JSON);
//! - edge.rs: request ids, the Host allow-list, security headers (the CSP chosen per
//!   browser by crate::csp), log and metrics;
//!   log.rs: the non-blocking log; metrics.rs: Prometheus; files.rs: `--www`.
//!
//! Every flag is also read from the environment (`GOVIT_…`, shown in `--help`).

mod batch;
mod body;
mod conn;
mod edge;
mod files;
mod log;
mod metrics;
mod routes;

use crate::io::{json_string, Failure};
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware;
use axum::routing::{get, post};
use axum::Router;
use body::Cut;
use clap::Args;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// `govit-check serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// 监听地址（默认仅本机） — the address to listen on (loopback by default; port 0: any free port)
    #[arg(long, env = "GOVIT_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// 同时提供此网站目录的静态文件（如演示门户 www/，须含 index.html） — also serve the site in DIR (e.g. the portal, www/; it must hold index.html)
    #[arg(long, env = "GOVIT_WWW", value_name = "DIR", value_parser = files::parse_www)]
    www: Option<PathBuf>,
    /// 时限（秒）：请求头、请求体或回答的停顿上限 — seconds: the most the headers may take, and the longest pause of a body or an answer
    #[arg(long, env = "GOVIT_TIMEOUT", value_name = "SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    timeout: u64,
    /// 请求体的最低速率（字节/秒，前 --timeout 秒不计） — bytes a second a request body must average, after its first --timeout seconds
    #[arg(long, env = "GOVIT_MIN_RATE", value_name = "BYTES", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..=1_073_741_824))]
    min_rate: u64,
    /// 同时服务的连接数上限（受文件描述符上限约束） — connections served at once (capped to the file descriptor limit)
    #[arg(long, env = "GOVIT_MAX_CONNECTIONS", value_name = "N", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..=65536))]
    max_connections: u64,
    /// 工作线程数（默认：CPU 核数） — worker threads (default: one per core)
    #[arg(long, env = "GOVIT_THREADS", value_name = "N", value_parser = clap::value_parser!(u64).range(1..=256))]
    threads: Option<u64>,
    /// 不写访问日志 — no access log on stderr
    #[arg(long, env = "GOVIT_QUIET", value_parser = clap::builder::FalseyValueParser::new())]
    quiet: bool,
    /// 允许的主机名（Host），可重复或以逗号分隔；* 为任意（默认：绑定本机地址时仅 localhost、127.0.0.1、[::1]，否则任意） — Host names answered, repeatable or comma-separated; * for any (default: localhost, 127.0.0.1 and [::1] when bound to loopback, else any)
    #[arg(
        long = "allowed-host",
        env = "GOVIT_ALLOWED_HOSTS",
        value_name = "HOST",
        value_delimiter = ','
    )]
    allowed_hosts: Vec<String>,
    /// 允许跨源调用的网页来源（CORS），如 https://portal.example.gov.cn；可重复或以逗号分隔 — origins whose pages may call the API (CORS), e.g. https://portal.example.gov.cn; repeatable or comma-separated
    #[arg(long = "cors-origin", env = "GOVIT_CORS_ORIGINS", value_name = "ORIGIN", value_delimiter = ',', value_parser = parse_origin)]
    cors_origins: Vec<HeaderValue>,
    /// 门户页面可连接的其他服务来源（加入 CSP 的 connect-src） — other servers the served pages may call (added to the CSP's connect-src)
    #[arg(long = "connect-src", env = "GOVIT_CONNECT_SRC", value_name = "ORIGIN", value_delimiter = ',', value_parser = parse_origin)]
    connect_src: Vec<HeaderValue>,
    /// 收到 SIGTERM 后 /readyz 先返回 503、仍接受请求的秒数，然后停止接受并排空 — seconds after SIGTERM during which /readyz is 503 and requests are still taken, before the drain
    #[arg(long, env = "GOVIT_SHUTDOWN_DELAY", value_name = "SECONDS", default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=600))]
    shutdown_delay: u64,
    /// 每个批次预读请求体的上限（MiB） — MiB of a batch's body read ahead of its answers
    #[arg(long, env = "GOVIT_BATCH_BUFFER", value_name = "MIB", default_value_t = 16, value_parser = clap::value_parser!(u64).range(1..=4096))]
    batch_buffer: u64,
    /// 所有批次预读合计上限（MiB） — MiB read ahead by all batches together
    #[arg(long, env = "GOVIT_BUFFER_TOTAL", value_name = "MIB", default_value_t = 16, value_parser = clap::value_parser!(u64).range(1..=65536))]
    buffer_total: u64,
}

/// An origin `scheme://host[:port]` (or `*` for any).
fn parse_origin(s: &str) -> Result<HeaderValue, String> {
    let s = s.trim();
    let ok = s == "*"
        || ["http://", "https://"].iter().any(|p| {
            s.strip_prefix(p)
                .is_some_and(|rest| !rest.is_empty() && !rest.contains(['/', '?', '#', ' ']))
        });
    if !ok {
        return Err(format!(
            "{s:?}: an origin is scheme://host[:port], e.g. https://portal.example.gov.cn"
        ));
    }
    HeaderValue::from_str(s).map_err(|e| format!("{s:?}: {e}"))
}

/// File descriptors kept beside the connections (listener, stdio, log, files served).
const FD_RESERVE: u64 = 64;

/// What the handlers share.
pub struct App {
    /// The canonical static root.
    www: Option<PathBuf>,
    timeout: Duration,
    min_rate: u64,
    quiet: bool,
    /// Host names answered; `None`: any.
    hosts: Option<Vec<String>>,
    /// The Content-Security-Policy by browser (crate::csp), `--connect-src` included.
    csp: crate::csp::Policies,
    /// False from the stop signal on (`/readyz` 503).
    ready: AtomicBool,
    metrics: metrics::Metrics,
    log: log::Log,
    ids: edge::Ids,
    /// One permit per worker thread: check jobs running at once in the blocking pool.
    checks: Arc<Semaphore>,
    /// KiB of batch bodies read ahead, all batches together.
    buffer: Arc<Semaphore>,
    buffer_total_kib: u32,
    batch_buffer_kib: u32,
}

impl App {
    /// The status of a body cut off.
    fn cut_status(&self, cut: Cut) -> StatusCode {
        match cut {
            Cut::TooSlow => StatusCode::REQUEST_TIMEOUT,
            Cut::Broken => StatusCode::BAD_REQUEST,
        }
    }

    /// The route label of a matched path (a fixed set: the metrics stay small).
    fn route_label(&self, matched: &str) -> &'static str {
        ROUTES
            .iter()
            .find(|r| **r == matched)
            .copied()
            .unwrap_or("other")
    }

    /// The bytes of a whole response replacing hyper's own bodiless refusal (conn.rs).
    fn refusal(&self, status: u16) -> Arc<[u8]> {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
        let mut text = routes::error_json(routes::code_of(status), None);
        text.push('\n');
        let mut headers = axum::http::HeaderMap::new();
        edge::secure(&mut headers, self.csp.modern());
        let mut out = format!(
            "HTTP/1.1 {} {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
            status.as_str(),
            status.canonical_reason().unwrap_or(""),
            text.len()
        );
        for (name, value) in &headers {
            out.push_str(name.as_str());
            out.push_str(": ");
            out.push_str(value.to_str().unwrap_or_default());
            out.push_str("\r\n");
        }
        out.push_str("\r\n");
        out.push_str(&text);
        Arc::from(out.into_bytes())
    }
}

/// The routes, as matched (the metrics' `route` label).
const ROUTES: [&str; 11] = [
    "/healthz",
    "/readyz",
    "/metrics",
    "/v1/openapi.json",
    "/v1/version",
    "/v1/regimes",
    "/v1/rules/{regime}",
    "/v1/form/{regime}",
    "/v1/batch",
    "/v1/{check}",
    "static",
];

/// Runs the service until SIGTERM or Ctrl-C.
pub fn run(a: ServeArgs) -> Result<(), Failure> {
    let workers = a
        .threads
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_io()
        .enable_time()
        .worker_threads(workers)
        .max_blocking_threads(64.max(2 * workers))
        .build()
        .map_err(|e| Failure::Message(format!("cannot start the runtime: {e}")))?;
    let log = log::Log::start();
    let result = rt.block_on(serve(a, workers, log));
    drop(rt);
    result
}

/// Loopback names, the default allow-list on a loopback address.
const LOOPBACK_HOSTS: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

async fn serve(a: ServeArgs, workers: usize, log: log::Log) -> Result<(), Failure> {
    let timeout = Duration::from_secs(a.timeout);
    let hosts = if a.allowed_hosts.iter().any(|h| h.trim() == "*") {
        None
    } else if !a.allowed_hosts.is_empty() {
        Some(
            a.allowed_hosts
                .iter()
                .map(|h| edge::host_name(h.trim()))
                .collect(),
        )
    } else if a.addr.ip().is_loopback() {
        Some(LOOPBACK_HOSTS.iter().map(|h| (*h).to_owned()).collect())
    } else {
        None
    };
    let kib = |mib: u64| u32::try_from(mib.saturating_mul(1024)).unwrap_or(u32::MAX);
    let buffer_total_kib = kib(a.buffer_total);
    let app = Arc::new(App {
        www: a.www.clone(),
        timeout,
        min_rate: a.min_rate,
        quiet: a.quiet,
        hosts,
        csp: crate::csp::Policies::new(&a.connect_src),
        ready: AtomicBool::new(true),
        metrics: metrics::Metrics::default(),
        log,
        ids: edge::Ids::new(),
        checks: Arc::new(Semaphore::new(workers)),
        buffer: Arc::new(Semaphore::new(
            usize::try_from(buffer_total_kib).unwrap_or(1024),
        )),
        buffer_total_kib,
        batch_buffer_kib: kib(a.batch_buffer).min(buffer_total_kib),
    });
    let result = accept_loop(&a, app.clone()).await;
    app.log.close(Duration::from_secs(1));
    result
}

async fn accept_loop(a: &ServeArgs, app: Arc<App>) -> Result<(), Failure> {
    let router = router(app.clone(), &a.cors_origins);
    let listener = TcpListener::bind(a.addr)
        .await
        .map_err(|e| Failure::Message(format!("cannot listen on {}: {e}", a.addr)))?;
    let local = listener
        .local_addr()
        .map_err(|e| Failure::Message(format!("cannot listen on {}: {e}", a.addr)))?;
    let max_connections = fd_capped(a.max_connections, &app);
    // The URL first, on stdout (a test or a script reads it), then the event on stderr.
    crate::io::write_all(format!("http://{local}/\n").as_bytes())?;
    app.log.event(&format!(
        "\"event\":\"listening\",\"addr\":\"{local}\",\"ruleset\":{},\"ruleset_id\":\"{}\",\"max_connections\":{max_connections},\"allowed_hosts\":{}",
        json_string(govit_check::RULESET),
        govit_check::RULESET_ID,
        match &app.hosts {
            Some(h) => serde_json::to_string(h).unwrap_or_default(),
            None => "\"*\"".to_owned(),
        }
    ));

    let slots = Arc::new(Semaphore::new(
        usize::try_from(max_connections).unwrap_or(1024),
    ));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(app.timeout)
        .half_close(true)
        .max_buf_size(32 * 1024)
        .keep_alive(true);
    let mut stop = std::pin::pin!(shutdown_signal());
    let mut accept_errors_logged = tokio::time::Instant::now() - Duration::from_secs(60);
    // From the stop signal on: `/readyz` 503, and the moment the drain begins.
    let mut drain_at: Option<tokio::time::Instant> = None;
    loop {
        // A free slot, then a connection (cancelled together: the slot goes back).
        let next = async {
            let slot = slots.clone().acquire_owned().await;
            (slot, listener.accept().await)
        };
        let (slot, accepted) = tokio::select! {
            s = &mut stop, if drain_at.is_none() => {
                app.ready.store(false, Ordering::Relaxed);
                app.log.event(&format!("\"event\":\"stopping\",\"signal\":\"{s}\",\"shutdown_delay_s\":{}", a.shutdown_delay));
                drain_at = Some(tokio::time::Instant::now() + Duration::from_secs(a.shutdown_delay));
                continue;
            }
            () = until(drain_at) => break,
            next = next => next,
        };
        let Ok(slot) = slot else { break };
        let (stream, remote) = match accepted {
            Ok(a) => a,
            Err(e) => {
                // Out of file descriptors and the like: counted, logged at most once a
                // second, and a pause before the next try (no spinning).
                app.metrics.accept_error();
                if accept_errors_logged.elapsed() >= Duration::from_secs(1) {
                    accept_errors_logged = tokio::time::Instant::now();
                    app.log.event(&format!(
                        "\"event\":\"accept_error\",\"error\":{}",
                        json_string(&e.to_string())
                    ));
                }
                drop(slot);
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service =
            hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                let mut req = req.map(Body::new);
                req.extensions_mut().insert(edge::Remote(remote));
                let mut router = router.clone();
                async move { tower_service::Service::call(&mut router, req).await }
            });
        let io = hyper_util::rt::TokioIo::new(conn::Guarded::new(stream, app.clone()));
        let conn = graceful.watch(http.serve_connection(io, service));
        let app = app.clone();
        app.metrics.connection(true);
        tokio::spawn(async move {
            // A connection that breaks off is the client's business.
            let _ = conn.await;
            app.metrics.connection(false);
            drop(slot);
        });
    }
    drop(listener);
    app.log.event("\"event\":\"draining\"");
    let finished = tokio::time::timeout(app.timeout, graceful.shutdown())
        .await
        .is_ok();
    app.log.event(&format!(
        "\"event\":\"stopped\",\"all_requests_finished\":{finished}"
    ));
    Ok(())
}

/// Pending until `at` (forever when `None`).
async fn until(at: Option<tokio::time::Instant>) {
    match at {
        Some(t) => tokio::time::sleep_until(t).await,
        None => std::future::pending().await,
    }
}

/// `--max-connections`, within the file descriptor limit: the soft limit is raised as
/// far as the hard one allows; when that is still too few, the connections are capped
/// to it, with a warning in the log.
fn fd_capped(wanted: u64, app: &App) -> u64 {
    let need = wanted + FD_RESERVE;
    let limit = match rlimit::increase_nofile_limit(need) {
        Ok(l) => l,
        Err(_) => return wanted,
    };
    if limit >= need {
        return wanted;
    }
    let capped = limit.saturating_sub(FD_RESERVE).max(1);
    app.log.event(&format!(
        "\"event\":\"warning\",\"message\":\"--max-connections {wanted} is over the file descriptor limit {limit}: capped to {capped} (raise the hard limit, e.g. ulimit -Hn or LimitNOFILE=)\",\"max_connections\":{capped}"
    ));
    capped
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

fn router(app: Arc<App>, cors_origins: &[HeaderValue]) -> Router {
    let mut r = Router::new()
        .route("/healthz", get(routes::healthz))
        .route("/readyz", get(routes::readyz))
        .route("/metrics", get(routes::metrics))
        .route("/v1/openapi.json", get(routes::openapi))
        .route("/v1/version", get(routes::version))
        .route("/v1/regimes", get(routes::regimes))
        .route("/v1/rules/{regime}", get(routes::rules))
        .route("/v1/form/{regime}", get(routes::form))
        .route("/v1/batch", post(batch::batch))
        .route("/v1/{check}", post(routes::check))
        .fallback(files::static_file);
    if !cors_origins.is_empty() {
        r = r.layer(cors(cors_origins));
    }
    r.layer(middleware::from_fn_with_state(app.clone(), edge::hosts))
        .layer(middleware::from_fn_with_state(app.clone(), edge::frame))
        .with_state(app)
}

/// `--cors-origin`: pages of these origins may call the API; preflights answered.
fn cors(origins: &[HeaderValue]) -> tower_http::cors::CorsLayer {
    use axum::http::{header, Method};
    use tower_http::cors::{AllowOrigin, CorsLayer};
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().cloned())
    };
    CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE, edge::X_REQUEST_ID.clone()])
        .expose_headers([edge::X_REQUEST_ID.clone()])
        .max_age(Duration::from_secs(600))
}
