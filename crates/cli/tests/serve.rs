//! `govit-check serve`, started on an ephemeral loopback port and used as a client would:
//! every corpus case over HTTP with the CLI's bytes and the status of its error code,
//! the streamed batch, the helper routes, the static files and their headers, the limits
//! and timeouts, graceful shutdown, the access log, and a bounded load of 16 concurrent
//! clients with every answer checked (its throughput is measured by `benches/serve.rs`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a failed test"
)]

#[path = "common/http.rs"]
mod http;

#[path = "../../../tests/common/corpus.rs"]
#[allow(dead_code, reason = "the native replay's helpers")]
mod corpus;

use govit_check::limits::MAX_INPUT_BYTES;
use http::{status_of, Server};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// (check, input as JSON text) of every corpus case a `POST /v1/{check}` takes.
fn cases() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for file in corpus::case_files(&root()).unwrap() {
        for line in std::fs::read_to_string(&file.path).unwrap().lines() {
            let Ok(case) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            if let (Some(check), Some(input)) = (case["check"].as_str(), case.get("input")) {
                if ["eligibility", "cost", "costs", "project_class", "change"].contains(&check) {
                    out.push((check.to_owned(), input.to_string()));
                }
            }
        }
    }
    assert!(out.len() > 100, "{}", out.len());
    out
}

/// A static root with a page, a module, a wasm file, a folder without an index and a
/// hidden file.
fn static_root(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("govit-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("vendor")).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>t</title>").unwrap();
    std::fs::write(dir.join("app.js"), "export const x = 1;").unwrap();
    std::fs::write(dir.join("vendor/m.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join(".secret"), "no").unwrap();
    dir
}

#[test]
fn every_case_over_http_answers_with_the_cli_bytes() {
    let server = Server::start(&[], None);
    let mut c = server.client();
    for (check, input) in cases() {
        let expected = govit_check::evaluate_str(&check, &input);
        let res = c.request("POST", &format!("/v1/{check}"), input.as_bytes());
        assert_eq!(res.text(), format!("{expected}\n"), "{check} {input}");
        assert_eq!(res.status, status_of(&expected), "{check} {input}");
        assert_eq!(res.header("content-type"), Some("application/json"));
    }
}

/// A client that opens a connection for each request.
struct Fresh<'s>(&'s Server);

impl Fresh<'_> {
    fn request(&mut self, method: &str, path: &str, body: &[u8]) -> http::Response {
        self.0.client().request(method, path, body)
    }
}

#[test]
fn status_codes_and_limits() {
    let server = Server::start(&[], None);
    // A connection each: an answer given before the body is read closes its connection.
    let mut c = Fresh(&server);
    let err = |res: &http::Response| {
        let v: Value = serde_json::from_str(res.text()).unwrap();
        (
            v["error"]["code"].as_str().unwrap_or_default().to_owned(),
            v["error"]["field"].as_str().unwrap_or_default().to_owned(),
        )
    };
    let res = c.request("POST", "/v1/eligibility", b"{\"regime\":");
    assert_eq!((res.status, err(&res).0.as_str()), (400, "invalid_json"));
    let res = c.request("POST", "/v1/eligibility", br#"{"regime":"beijing"}"#);
    assert_eq!(res.status, 422);
    assert_eq!(err(&res), ("unknown_regime".into(), "/regime".into()));
    // ?locale= is the CLI's --locale.
    let res = c.request(
        "POST",
        "/v1/eligibility?locale=en",
        br#"{"regime":"beijing"}"#,
    );
    let v: Value = serde_json::from_str(res.text()).unwrap();
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("Unknown regime"));
    let res = c.request(
        "POST",
        "/v1/eligibility?locale=fr",
        br#"{"regime":"baotou"}"#,
    );
    assert_eq!((res.status, err(&res).1.as_str()), (422, "/locale"));
    // No such check; another method.
    let res = c.request("POST", "/v1/nope", b"{}");
    assert_eq!((res.status, err(&res).1.as_str()), (404, "/check"));
    assert_eq!(c.request("GET", "/v1/eligibility", b"").status, 405);
    // The body limit is the input limit: at the limit it is read, one over is 413.
    let mut at = br#"{"regime":"baotou"}"#.to_vec();
    at.resize(MAX_INPUT_BYTES, b' ');
    assert_eq!(c.request("POST", "/v1/eligibility", &at).status, 200);
    at.push(b' ');
    let res = c.request("POST", "/v1/eligibility", &at);
    assert_eq!((res.status, err(&res).0.as_str()), (413, "too_large"));
    // Over the limit without a Content-Length (chunked): read no further than the limit,
    // answered (and closed) while the client is still sending.
    let mut c = server.client();
    c.send_head("POST", "/v1/cost", "Transfer-Encoding: chunked\r\n");
    for _ in 0..20 {
        if c.try_send_chunk(&vec![b' '; 64 * 1024]).is_err() {
            break;
        }
    }
    let _ = c.try_send_chunk(b"");
    let res = c.read_response();
    assert_eq!((res.status, err(&res).0.as_str()), (413, "too_large"));
}

#[test]
fn helper_routes() {
    let server = Server::start(&[], None);
    let mut c = server.client();
    let get = |c: &mut http::Client, path: &str| {
        let res = c.request("GET", path, b"");
        let v: Value = serde_json::from_str(res.text()).unwrap_or(Value::Null);
        (res.status, v)
    };
    let (s, v) = get(&mut c, "/v1/regimes?as_of=2026-11-22");
    assert_eq!(s, 200);
    let cli = govit_check::evaluate_str("regimes", r#"{"as_of":"2026-11-22"}"#);
    assert_eq!(v, serde_json::from_str::<Value>(&cli).unwrap());
    assert_eq!(get(&mut c, "/v1/regimes?as_of=2026-02-30").0, 422);
    assert_eq!(get(&mut c, "/v1/regimes").1["as_of"], Value::Null);
    let (s, v) = get(&mut c, "/v1/rules/wulong?locale=en");
    let cli = govit_check::evaluate_str("rules", r#"{"regime":"wulong","locale":"en"}"#);
    assert_eq!((s, v), (200, serde_json::from_str::<Value>(&cli).unwrap()));
    assert_eq!(get(&mut c, "/v1/rules/beijing").0, 404);
    let (s, v) = get(&mut c, "/v1/form/baotou?locale=en");
    let cli = govit_check::evaluate_str("form", r#"{"regime":"baotou","locale":"en"}"#);
    assert_eq!((s, v), (200, serde_json::from_str::<Value>(&cli).unwrap()));
    assert_eq!(get(&mut c, "/v1/form/beijing").0, 404);
    let (s, v) = get(&mut c, "/v1/version");
    assert_eq!(
        (s, v["ruleset_id"].as_str()),
        (200, Some(govit_check::RULESET_ID))
    );
    let (s, v) = get(&mut c, "/healthz");
    assert_eq!((s, v["status"].as_str()), (200, Some("ok")));
    assert_eq!(v["ruleset_id"], govit_check::RULESET_ID);
    // Without --www there are no static files.
    assert_eq!(c.request("GET", "/", b"").status, 404);
}

/// The OpenAPI document parses, is the one served, and describes exactly the routes the
/// service answers (each answers something other than 404 at a described path).
#[test]
fn the_openapi_document_describes_the_service() {
    let text = std::fs::read_to_string(root().join("docs/openapi.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).expect("docs/openapi.json is JSON");
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
    let server = Server::start(&[], None);
    let mut c = server.client();
    let served = c.request("GET", "/v1/openapi.json", b"");
    assert_eq!(serde_json::from_str::<Value>(served.text()).unwrap(), doc);
    let paths = doc["paths"].as_object().unwrap();
    let mut described = Vec::new();
    for (path, ops) in paths {
        for (method, op) in ops.as_object().unwrap() {
            let concrete = path
                .replace("{check}", "eligibility")
                .replace("{regime}", "baotou");
            // A connection each: a GET is answered without reading the body sent with it.
            let mut c = server.client();
            let res = c.request(&method.to_uppercase(), &concrete, br#"{"regime":"baotou"}"#);
            assert_ne!(res.status, 404, "{method} {path}");
            assert_ne!(res.status, 405, "{method} {path}");
            // Every status the service gave is documented.
            assert!(
                op["responses"].get(res.status.to_string()).is_some(),
                "{method} {path} {}",
                res.status
            );
            for r in op["responses"].as_object().unwrap().values() {
                for content in r["content"].as_object().into_iter().flatten() {
                    resolve_refs(&doc, &content.1["schema"]);
                }
            }
            described.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    described.sort();
    assert_eq!(
        described,
        [
            "GET /healthz",
            "GET /v1/form/{regime}",
            "GET /v1/openapi.json",
            "GET /v1/regimes",
            "GET /v1/rules/{regime}",
            "GET /v1/version",
            "POST /v1/batch",
            "POST /v1/{check}"
        ]
    );
}

/// Every `$ref` below `v` names a schema of the document (each schema followed once: a
/// schema may refer to itself, as `AskWhen` does).
fn resolve_refs(doc: &Value, v: &Value) {
    resolve_refs_seen(doc, v, &mut std::collections::BTreeSet::new());
}

fn resolve_refs_seen<'d>(
    doc: &'d Value,
    v: &'d Value,
    seen: &mut std::collections::BTreeSet<&'d str>,
) {
    match v {
        Value::Object(m) => {
            if let Some(r) = m.get("$ref").and_then(Value::as_str) {
                let name = r.strip_prefix("#/components/schemas/").unwrap();
                let target = &doc["components"]["schemas"][name];
                assert!(target.is_object(), "{r}");
                if seen.insert(name) {
                    resolve_refs_seen(doc, target, seen);
                }
            }
            m.values().for_each(|x| resolve_refs_seen(doc, x, seen));
        }
        Value::Array(a) => a.iter().for_each(|x| resolve_refs_seen(doc, x, seen)),
        _ => {}
    }
}

#[test]
fn batch_streams_the_cli_s_answers() {
    let server = Server::start(&[], None);
    let mut lines = String::new();
    for (i, (check, input)) in cases().into_iter().enumerate() {
        lines.push_str(&format!(
            "{{\"id\":{i},\"check\":\"{check}\",\"input\":{input}}}\n"
        ));
    }
    lines.push_str("not json\n");
    let expected: String = lines
        .lines()
        .map(|l| govit_check::batch_line(l) + "\n")
        .collect();
    let mut c = server.client();
    let res = c.request("POST", "/v1/batch", lines.as_bytes());
    assert_eq!(res.status, 200);
    assert_eq!(
        res.header("content-type"),
        Some("application/jsonl; charset=utf-8")
    );
    assert!(
        res.text() == expected,
        "the batch answers differ from the CLI's"
    );

    // Streamed: the first answer arrives before the request is complete.
    let mut c = server.client();
    c.send_head("POST", "/v1/batch", "Transfer-Encoding: chunked\r\n");
    c.send_chunk(b"{\"id\":\"a\",\"check\":\"version\",\"input\":{}}\n");
    let head = c.read_head();
    assert_eq!(head.status, 200);
    let first = c.read_chunk().unwrap();
    assert!(
        first.starts_with(b"{\"id\":\"a\",\"verdict\""),
        "{}",
        String::from_utf8_lossy(&first)
    );
    c.send_chunk(b"{\"id\":\"b\",\"check\":\"nope\",\"input\":{}}");
    c.send_chunk(b"");
    let rest = c.read_chunk().unwrap();
    assert!(rest.starts_with(b"{\"id\":\"b\",\"error\""));
    assert!(c.read_chunk().is_none());
}

#[test]
fn static_files_with_strict_headers() {
    let dir = static_root("static");
    let server = Server::start(&["--www", dir.to_str().unwrap()], None);
    let mut c = server.client();
    let res = c.request("GET", "/", b"");
    assert_eq!(res.status, 200);
    assert_eq!(res.header("content-type"), Some("text/html; charset=utf-8"));
    let csp = res.header("content-security-policy").unwrap();
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert_eq!(res.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(
        c.request("GET", "/app.js", b"").header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(
        c.request("GET", "/vendor/m.wasm", b"")
            .header("content-type"),
        Some("application/wasm")
    );
    // No listing, nothing hidden, nothing outside the root.
    for path in [
        "/vendor/",
        "/vendor",
        "/.secret",
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/nope.js",
    ] {
        assert_eq!(c.request("GET", path, b"").status, 404, "{path}");
    }
    // The API answers beside the files, with the same headers.
    let res = c.request("GET", "/healthz", b"");
    assert_eq!(res.header("x-content-type-options"), Some("nosniff"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_body_that_never_ends_times_out() {
    let server = Server::start(&["--timeout", "1"], None);
    let mut c = server.client();
    c.send_head("POST", "/v1/eligibility", "Content-Length: 100\r\n");
    c.send(b"{\"regime\":");
    let start = Instant::now();
    let res = c.read_response();
    assert_eq!(res.status, 408);
    assert!(start.elapsed() < Duration::from_secs(5));
    // Headers that never end: the connection is closed after the timeout.
    let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
    use std::io::{Read, Write};
    stream
        .write_all(b"POST /v1/eligibility HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let start = Instant::now();
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn sigterm_finishes_the_requests_under_way_and_exits_0() {
    let log = std::env::temp_dir().join(format!("govit-serve-log-{}", std::process::id()));
    let mut server = Server::start(&[], Some(&log));
    let mut c = server.client();
    // A batch under way when the signal comes.
    c.send_head("POST", "/v1/batch", "Transfer-Encoding: chunked\r\n");
    c.send_chunk(b"{\"id\":1,\"check\":\"version\",\"input\":{}}\n");
    assert_eq!(c.read_head().status, 200);
    assert!(c.read_chunk().is_some());
    let kill = std::process::Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    std::thread::sleep(Duration::from_millis(300));
    // It still finishes the batch …
    c.send_chunk(b"{\"id\":2,\"check\":\"version\",\"input\":{}}\n");
    c.send_chunk(b"");
    let second = c.read_chunk().unwrap();
    assert!(second.starts_with(b"{\"id\":2,\"verdict\""));
    assert!(c.read_chunk().is_none());
    // … then exits 0, and takes no new connection.
    let status = server.child.wait().unwrap();
    assert!(status.success(), "{status}");
    assert!(std::net::TcpStream::connect(server.addr).is_err());
    // The access log: one JSON line per request, then the shutdown.
    let log_text = std::fs::read_to_string(&log).unwrap();
    let events: Vec<Value> = log_text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events[0]["event"], "listening");
    let req = events.iter().find(|e| e["path"] == "/v1/batch").unwrap();
    assert_eq!(
        (req["method"].as_str(), req["status"].as_u64()),
        (Some("POST"), Some(200))
    );
    assert!(req["remote"].as_str().unwrap().starts_with("127.0.0.1:"));
    assert!(req["time"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        events.iter().find(|e| e["event"] == "stopping").unwrap()["signal"],
        "SIGTERM"
    );
    assert_eq!(events.last().unwrap()["event"], "stopped");
    let _ = std::fs::remove_file(log);
}

/// 16 concurrent kept-alive clients × 500 requests each over loopback, a mix of every
/// check from the corpus, and every answer right (bytes and status). Bounded: no timing
/// is asserted (benches/serve.rs measures requests/s and latency).
#[test]
fn sixteen_concurrent_clients_get_every_answer_right() {
    const CLIENTS: usize = 16;
    const EACH: usize = 500;
    let server = Server::start(&["--quiet"], None);
    let cases: Vec<(String, String, String)> = cases()
        .into_iter()
        .map(|(check, input)| {
            let answer = govit_check::evaluate_str(&check, &input) + "\n";
            (check, input, answer)
        })
        .collect();
    let cases = std::sync::Arc::new(cases);
    let threads: Vec<_> = (0..CLIENTS)
        .map(|t| {
            let cases = cases.clone();
            let addr = server.addr;
            std::thread::spawn(move || {
                let mut c = http::Client::connect(addr);
                for i in 0..EACH {
                    let (check, input, answer) = &cases[(t * 7919 + i * 31) % cases.len()];
                    let res = c.request("POST", &format!("/v1/{check}"), input.as_bytes());
                    assert_eq!(res.text(), answer.as_str(), "{check} {input}");
                    assert_eq!(res.status, status_of(answer));
                }
                EACH
            })
        })
        .collect();
    let done: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    assert_eq!(done, CLIENTS * EACH);
}
