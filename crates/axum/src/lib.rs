//! govit-check for axum servers: [`Checked`], an extractor that reads a check's input from
//! the request body as every surface of govit-check reads it, and [`Answer`], a response
//! that writes an answer's exact bytes.
//!
//! axum's own `Json<Application>` answers a body it cannot read with axum's plain-text
//! 400, 415 or 422, and serde_json refuses what the CLI reads (a byte-order mark, a lone
//! surrogate escape). [`Checked`] reads the body with the library's reader
//! ([`CheckInput::from_slice`]): any content type, the same answers as the CLI, and an
//! input that cannot be checked is refused with the contract's error object
//! `{"error": {"code", "field", "message", "ruleset_id"}}` (contract §6) — status 400 for
//! `invalid_json`, 413 for `too_large` (the body limit is the input limit, 1 MiB), 422 for
//! any other — its message in the input's `locale`.
//!
//! ```
//! use axum::{routing::post, Router};
//! use govit_check::{check_eligibility, Application, Verdict};
//! use govit_check_axum::{Answer, Checked};
//!
//! async fn eligibility(Checked(app): Checked<Application>) -> Answer<Verdict> {
//!     Answer(check_eligibility(&app))
//! }
//!
//! let app: Router = Router::new().route("/v1/eligibility", post(eligibility));
//! ```

#![forbid(unsafe_code)]

use axum::body::Body;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use govit_check::limits::MAX_INPUT_BYTES;
use govit_check::{CheckError, CheckInput, Error, Locale};
use http_body_util::BodyExt as _;
use serde::Serialize;

/// A check's input ([`govit_check::Application`], [`govit_check::ChangeRequest`],
/// [`govit_check::CostInput`], [`govit_check::CostsInput`],
/// [`govit_check::ProjectClassInput`]) read from the request body; a body that cannot be
/// checked is refused with [`Refusal`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked<T>(pub T);

impl<S: Send + Sync, T: CheckInput> FromRequest<S> for Checked<T> {
    type Rejection = Refusal;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Refusal> {
        let bytes = body_bytes(req.into_body()).await;
        T::from_slice(&bytes).map(Checked).map_err(Refusal)
    }
}

/// The body, at most one byte past the input limit (the reader refuses such a text as
/// `too_large`, whatever follows). A body that breaks off is read as far as it came.
async fn body_bytes(mut body: Body) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(Ok(frame)) = body.frame().await {
        if let Ok(data) = frame.into_data() {
            let room = (MAX_INPUT_BYTES + 1).saturating_sub(out.len());
            out.extend_from_slice(data.get(..data.len().min(room)).unwrap_or_default());
            if out.len() > MAX_INPUT_BYTES {
                break;
            }
        }
    }
    out
}

/// An input that cannot be checked: answers the contract's error object, with the status
/// of its code (400 `invalid_json`, 413 `too_large`, 422 any other) and its message in the
/// input's locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub CheckError);

impl Refusal {
    /// A refusal of `error`, its message in `locale` (what a check that can refuse after
    /// reading, such as [`govit_check::classify_cost`], gives with the input's locale).
    pub fn new(error: Error, locale: Locale) -> Refusal {
        Refusal(CheckError { error, locale })
    }

    /// The HTTP status of the error's code.
    pub fn status(&self) -> StatusCode {
        match self.0.code() {
            "invalid_json" => StatusCode::BAD_REQUEST,
            "too_large" => StatusCode::PAYLOAD_TOO_LARGE,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

impl From<CheckError> for Refusal {
    fn from(e: CheckError) -> Refusal {
        Refusal(e)
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Refusal {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        json_response(self.status(), self.0.to_json())
    }
}

/// An answer (a verdict, a decision, any of the library's answers) as the response body:
/// status 200, `application/json`, the very bytes the CLI and the npm package write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer<T>(pub T);

impl<T: Serialize> IntoResponse for Answer<T> {
    fn into_response(self) -> Response {
        json_response(StatusCode::OK, govit_check::to_json(&self.0))
    }
}

fn json_response(status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}
