//! The routes' handlers, and the error object of every refusal the service writes.

use super::body::BodyReader;
use super::App;
use crate::batch::too_large_answer;
use crate::io::{json_string, with_locale};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use govit_check::limits::MAX_INPUT_BYTES;
use govit_check::Locale;
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// The OpenAPI document of this service.
const OPENAPI: &str = include_str!("../../../../docs/openapi.json");

/// A body up to this size is checked on the async worker that read it (a few
/// microseconds); a larger one in the blocking pool.
const INLINE: usize = 16 * 1024;

/// A body declared over the limit with `Expect: 100-continue` up to this size is read
/// and dropped before the 413 (see [`check`]); a larger one is refused at once.
const DRAIN_MAX: u64 = 16 << 20;

/// The library's helper calls that have GET routes of their own (`/v1/regimes`,
/// `/v1/rules/{regime}`, `/v1/version`): `POST /v1/{check}` runs every other check.
const GET_ONLY: [&str; 3] = ["regimes", "rules", "version"];

/// Whether `POST /v1/{check}` runs `check`.
fn posted(check: &str) -> bool {
    govit_check::CHECKS.contains(&check) && !GET_ONLY.contains(&check)
}

/// The service's own error codes (beside the library's, contract §6), their status and
/// messages (Chinese, English).
const HTTP_ERRORS: [(&str, u16, &str, &str); 8] = [
    (
        "bad_request",
        400,
        "无法读取此 HTTP 请求（请求行、请求头或查询参数有误），请检查后重发",
        "The HTTP request cannot be read (its request line, headers or query are malformed); fix it and send it again",
    ),
    (
        "incomplete_body",
        400,
        "请求体不完整：连接在请求体结束前中断，或分块格式有误；请重发",
        "The request body broke off: the connection closed before its end, or its chunked framing is wrong; send it again",
    ),
    (
        "not_found",
        404,
        "没有这个地址；可用的地址见 /v1/openapi.json",
        "No such path; the routes are listed in /v1/openapi.json",
    ),
    (
        "method_not_allowed",
        405,
        "此地址不接受这种请求方法；可用的方法见响应头 Allow",
        "This path does not take this method; the Allow header lists those it takes",
    ),
    (
        "timeout",
        408,
        "传输太慢已中止：请求体或回答的停顿超过时限，或低于最低速率；请重试，或分成较小的批次",
        "Cut off for moving too slowly: the request body or the answer paused past the timeout or fell under the minimum rate; retry, or send smaller batches",
    ),
    (
        "too_large",
        413,
        "请求过大：请求行或请求头超过上限，请缩短",
        "The request is too large: its request line or headers are over the limit; shorten them",
    ),
    (
        "host_not_allowed",
        421,
        "此服务不回答这个主机名（Host）；请用服务的地址访问，或由管理员用 --allowed-host 添加",
        "This service does not answer for this Host name; use the service's own address, or have it added with --allowed-host",
    ),
    (
        "unavailable",
        503,
        "服务正在停止，请稍后向其他实例重试",
        "The service is stopping; retry shortly (on another instance)",
    ),
];

/// The code of the service's own error for a status.
pub fn code_of(status: StatusCode) -> &'static str {
    match status.as_u16() {
        404 => "not_found",
        405 => "method_not_allowed",
        408 => "timeout",
        413 | 414 | 431 => "too_large",
        421 => "host_not_allowed",
        503 => "unavailable",
        _ => "bad_request",
    }
}

/// `{"error":{"code","field":"","message","ruleset_id"}}` for one of the service's own
/// codes, written by the library as it writes its own errors.
pub fn error_json(code: &'static str, locale: Option<Locale>) -> String {
    let locale = locale.unwrap_or(Locale::Zh);
    let (zh, en) = HTTP_ERRORS
        .iter()
        .find(|e| e.0 == code)
        .map_or(("", ""), |e| (e.2, e.3));
    let e = govit_check::Error::Reported {
        code,
        field: String::new(),
        message: if locale == Locale::En { en } else { zh }.to_owned(),
        suggestions: None,
        candidates: None,
        ruleset_id: Some(govit_check::RULESET_ID),
    };
    govit_check::error_json(&e, locale)
}

/// A response with one of the service's own errors.
pub fn error_response(status: StatusCode, code: &'static str, locale: Option<Locale>) -> Response {
    json(status, error_json(code, locale))
}

/// An answer of the library as a response: 200 for a verdict, else the status of its
/// error code (`not_found`: the code that means "no such resource" on this route).
pub fn answer(text: String, not_found: Option<&str>) -> Response {
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
pub fn json(status: StatusCode, mut text: String) -> Response {
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
pub fn locale_param(q: &HashMap<String, String>) -> Result<Option<Locale>, Box<Response>> {
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

pub async fn healthz() -> Response {
    json(
        StatusCode::OK,
        format!(
            "{{\"status\":\"ok\",\"ruleset\":{},\"ruleset_id\":\"{}\"}}",
            json_string(govit_check::RULESET),
            govit_check::RULESET_ID
        ),
    )
}

/// `GET /readyz`: 200 while the service takes requests, 503 from the moment it is told
/// to stop (SIGTERM, Ctrl-C), through `--shutdown-delay` and the drain.
pub async fn readyz(State(app): State<Arc<App>>) -> Response {
    if app.ready.load(Ordering::Relaxed) {
        json(StatusCode::OK, "{\"status\":\"ready\"}".to_owned())
    } else {
        error_response(StatusCode::SERVICE_UNAVAILABLE, "unavailable", None)
    }
}

/// `GET /metrics`.
pub async fn metrics(State(app): State<Arc<App>>) -> Response {
    let text = app
        .metrics
        .render(app.ready.load(Ordering::Relaxed), app.log.dropped());
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        text,
    )
        .into_response()
}

pub async fn openapi() -> Response {
    json(StatusCode::OK, OPENAPI.trim_end().to_owned())
}

pub async fn version() -> Response {
    answer(govit_check::evaluate_str("version", "{}"), None)
}

pub async fn regimes(Query(q): Query<HashMap<String, String>>) -> Response {
    let input = match q.get("as_of") {
        Some(d) => format!("{{\"as_of\":{}}}", json_string(d)),
        None => "{}".to_owned(),
    };
    answer(govit_check::evaluate_str("regimes", &input), None)
}

pub async fn rules(
    Path(regime): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    catalog("rules", &regime, &q)
}

/// `GET /v1/form/{regime}`: the questions of a regulation, in sections (contract §8).
pub async fn form(
    Path(regime): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
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
pub async fn check(
    State(app): State<Arc<App>>,
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
    // Decided from the head, before a byte of the body is read (so without `100
    // Continue`); the connection then closes after a lingering close (conn.rs).
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(n) = declared.filter(|n| *n > MAX_INPUT_BYTES as u64) {
        let expects = headers
            .get(header::EXPECT)
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
        if expects && n <= DRAIN_MAX {
            // Java's HttpClient (17) with expectContinue hangs on a final answer that
            // comes instead of `100 Continue` (JDK-8286171): say 100 Continue (reading
            // does), drop the body as it comes, then answer 413.
            let mut reader = BodyReader::new(body, app.timeout, app.min_rate);
            while let Ok(Some(_)) = reader.next().await {}
        }
        return answer(too_large_answer(), None);
    }
    let mut reader = BodyReader::new(body, app.timeout, app.min_rate);
    let bytes = match reader.read_limited(MAX_INPUT_BYTES).await {
        Err(cut) => {
            app.metrics.cut_off(cut.metric());
            return error_response(app.cut_status(cut), cut.code(), locale);
        }
        Ok(None) => return answer(too_large_answer(), None),
        Ok(Some(bytes)) => bytes,
    };
    if bytes.len() <= INLINE {
        return answer(crate::io::answer_bytes(&check, &bytes, locale), None);
    }
    let Ok(permit) = app.checks.clone().acquire_owned().await else {
        return error_response(StatusCode::SERVICE_UNAVAILABLE, "unavailable", locale);
    };
    let text = tokio::task::spawn_blocking(move || {
        let text = crate::io::answer_bytes(&check, &bytes, locale);
        drop(permit);
        text
    })
    .await;
    match text {
        Ok(text) => answer(text, None),
        Err(_) => error_response(StatusCode::SERVICE_UNAVAILABLE, "unavailable", locale),
    }
}
