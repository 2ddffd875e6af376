//! The extractor and the responses over a router, as a server team's tests send requests.

#![allow(clippy::unwrap_used, reason = "test: a failure is a failed test")]

use axum::body::Body;
use axum::http::{header, Request};
use axum::routing::post;
use axum::Router;
use govit_check::{classify_cost, CostDecision, CostInput};
use govit_check_axum::{Answer, Checked, Refusal};
use http_body_util::BodyExt as _;
use tower::ServiceExt as _;

/// A check that can refuse after reading (an unknown item): the refusal keeps the locale.
async fn cost(Checked(line): Checked<CostInput>) -> Result<Answer<CostDecision>, Refusal> {
    classify_cost(&line)
        .map(Answer)
        .map_err(|e| Refusal::new(e, line.locale))
}

fn send(content_type: &str, body: &'static [u8]) -> (u16, String, String) {
    let app = Router::new().route("/v1/cost", post(cost));
    let req = Request::post("/v1/cost")
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(async move {
            let res = app.oneshot(req).await.unwrap();
            let status = res.status().as_u16();
            let ctype = res.headers()[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .to_owned();
            let bytes = res.into_body().collect().await.unwrap().to_bytes();
            (status, ctype, String::from_utf8(bytes.to_vec()).unwrap())
        })
}

#[test]
fn any_content_type_and_the_cli_bytes() {
    let input = r#"{"item":"摄像头","amount":"12.5","locale":"en"}"#;
    let (status, ctype, body) = send("text/plain", input.as_bytes());
    assert_eq!((status, ctype.as_str()), (200, "application/json"));
    assert_eq!(body, govit_check::evaluate_str("cost", input));
}

/// Whether `s` holds Chinese characters.
fn cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn refusals_are_the_contracts_error_in_the_inputs_locale() {
    // Each refusal is the very error object the CLI answers for the same text.
    let cli = |text: &[u8]| govit_check::evaluate_str("cost", std::str::from_utf8(text).unwrap());
    // Refused after reading: unknown_item, 422, English.
    let text = br#"{"item":"nonsense","locale":"en"}"#;
    let (status, ctype, body) = send("application/json", text);
    assert_eq!((status, ctype.as_str()), (422, "application/json"));
    assert_eq!(body, cli(text));
    assert!(body.starts_with(r#"{"error":{"code":"unknown_item","field":"/item","message":""#));
    assert!(
        body.contains(govit_check::RULESET_ID) && !cjk(&body),
        "{body}"
    );
    // Text that breaks off after its locale: invalid_json, 400, English all the same.
    let text = br#"{"locale":"en","item":"#;
    let (status, _, body) = send("application/json", text);
    assert_eq!(status, 400);
    assert_eq!(body, cli(text));
    assert!(
        body.starts_with(r#"{"error":{"code":"invalid_json","#) && !cjk(&body),
        "{body}"
    );
    // The same without a locale: Chinese.
    let text = br#"{"item":"nonsense"}"#;
    let (status, _, body) = send("application/json", text);
    assert_eq!((status, body.clone()), (422, cli(text)));
    assert!(cjk(&body), "a Chinese message: {body}");
    // A required key: 422 `required`.
    let text = br#"{"amount":"1"}"#;
    let (status, _, body) = send("application/json", text);
    assert_eq!((status, body.clone()), (422, cli(text)));
    assert!(
        body.starts_with(r#"{"error":{"code":"required","field":"/item","#),
        "{body}"
    );
}
