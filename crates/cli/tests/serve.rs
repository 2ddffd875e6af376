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
    // Links: into a hidden folder, out of the root, and a plain one inside.
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::write(dir.join(".git/config"), "[core]").unwrap();
    std::os::unix::fs::symlink(dir.join(".git"), dir.join("repo")).unwrap();
    std::os::unix::fs::symlink(dir.join(".git/config"), dir.join("config.txt")).unwrap();
    std::os::unix::fs::symlink("/etc", dir.join("etc")).unwrap();
    std::os::unix::fs::symlink(dir.join("app.js"), dir.join("same.js")).unwrap();
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
    let res = c.request("GET", "/v1/eligibility", b"");
    assert_eq!(
        (res.status, err(&res).0.as_str()),
        (405, "method_not_allowed")
    );
    assert_eq!(res.header("allow"), Some("POST"));
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
            "GET /metrics",
            "GET /readyz",
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
        // Nothing through a link into a hidden folder or out of the root.
        "/repo/config",
        "/config.txt",
        "/etc/passwd",
        "/etc/hostname",
    ] {
        let res = c.request("GET", path, b"");
        assert_eq!(res.status, 404, "{path}");
        // The refusal is the contract's error object, with the headers.
        let v: Value = serde_json::from_str(res.text()).unwrap();
        assert_eq!(v["error"]["code"], "not_found", "{path}");
        assert_eq!(res.header("x-content-type-options"), Some("nosniff"));
    }
    // A link that stays inside, onto a file that is not hidden, is served.
    assert_eq!(c.request("GET", "/same.js", b"").status, 200);
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

/// `--www` serves a site's folder, never `/`, a system folder or a folder that is not a
/// site: a usage error at start (exit 2), before anything listens.
#[test]
fn www_refuses_the_root_and_folders_that_are_not_a_site() {
    let no_index = std::env::temp_dir().join(format!("govit-serve-noindex-{}", std::process::id()));
    std::fs::create_dir_all(&no_index).unwrap();
    for dir in ["/", "/etc", "/proc/self", no_index.to_str().unwrap()] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_govit-check"))
            .args(["serve", "--addr", "127.0.0.1:0", "--www", dir])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while child.try_wait().unwrap().is_none() && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        assert!(out.stdout.is_empty(), "--www {dir} listened");
        assert_eq!(out.status.code(), Some(2), "--www {dir}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--www"), "{err}");
    }
    let _ = std::fs::remove_dir_all(no_index);
}

/// Every refusal the service writes — hyper's own included — is the contract's error
/// object with the security headers.
#[test]
fn every_refusal_is_the_json_error_with_the_security_headers() {
    let server = Server::start(&["--timeout", "1"], None);
    let check = |res: &http::Response, status: u16, code: &str| {
        assert_eq!(res.status, status, "{}", res.text());
        assert_eq!(res.header("content-type"), Some("application/json"));
        let v: Value = serde_json::from_str(res.text()).unwrap();
        assert_eq!(v["error"]["code"], code, "{}", res.text());
        assert_eq!(v["error"]["field"], "");
        assert!(!v["error"]["message"].as_str().unwrap().is_empty());
        assert_eq!(v["error"]["ruleset_id"], govit_check::RULESET_ID);
        assert_eq!(res.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(res.header("x-frame-options"), Some("DENY"));
        assert!(res.header("content-security-policy").is_some());
    };
    check(
        &server.client().request("GET", "/nope", b""),
        404,
        "not_found",
    );
    check(
        &server.client().request("DELETE", "/healthz", b""),
        405,
        "method_not_allowed",
    );
    check(
        &server.client().request("GET", "/v1/rules/%FF", b""),
        400,
        "bad_request",
    );
    // 408: a body that stops coming.
    let mut c = server.client();
    c.send_head("POST", "/v1/eligibility", "Content-Length: 100\r\n");
    c.send(b"{\"regime\":");
    check(&c.read_response(), 408, "timeout");
    // 413 from Content-Length, before the body.
    let mut c = server.client();
    c.send_head(
        "POST",
        "/v1/cost",
        &format!("Content-Length: {}\r\n", MAX_INPUT_BYTES + 1),
    );
    check(&c.read_response(), 413, "too_large");
    // 421: a Host not on the list (DNS rebinding of a loopback service).
    let mut c = server.client();
    c.host = "attacker.example".into();
    check(&c.request("GET", "/healthz", b""), 421, "host_not_allowed");
    // English with ?locale=en.
    let mut c = server.client();
    c.host = "attacker.example".into();
    let res = c.request("GET", "/healthz?locale=en", b"");
    let v: Value = serde_json::from_str(res.text()).unwrap();
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("This service"));
    // hyper's own refusals: a request line it cannot read (400), more headers than it
    // reads (431).
    let mut c = server.client();
    c.send(b"GET /a b c\r\n\r\n");
    check(&c.read_response(), 400, "bad_request");
    let mut c = server.client();
    let many: String = (0..200).map(|i| format!("X-H{i}: {i}\r\n")).collect();
    c.send_head("GET", "/healthz", &many);
    check(&c.read_response(), 431, "too_large");
}

/// A client that shuts its side after the request still gets the answer.
#[test]
fn half_closed_clients_get_their_answer() {
    let server = Server::start(&[], None);
    let mut c = server.client();
    c.send_head("POST", "/v1/cost", "Content-Length: 35\r\n");
    c.send(br#"{"item":"camera","amount":"12.5"}  "#);
    c.writer.shutdown(std::net::Shutdown::Write).unwrap();
    let res = c.read_response();
    assert_eq!(res.status, 200, "{}", res.text());
    assert!(
        res.text().contains("\"verdict\"") || res.text().contains("\"decision\""),
        "{}",
        res.text()
    );
}

/// X-Request-Id: a usable one is echoed, else one is made; either is logged.
#[test]
fn request_ids_are_echoed_or_made_and_logged() {
    let log = std::env::temp_dir().join(format!("govit-serve-ids-{}", std::process::id()));
    let server = Server::start(&[], Some(&log));
    let mut c = server.client();
    c.send_head("GET", "/healthz", "X-Request-Id: abc-123\r\n");
    assert_eq!(c.read_response().header("x-request-id"), Some("abc-123"));
    c.send_head("GET", "/healthz", "X-Request-Id: bad id\r\n");
    let made = c.read_response().header("x-request-id").unwrap().to_owned();
    assert!(made != "bad id" && !made.is_empty());
    let other = c
        .request("GET", "/healthz", b"")
        .header("x-request-id")
        .unwrap()
        .to_owned();
    assert_ne!(made, other);
    let text = http::log_when(&log, |t| t.contains(&format!("\"{other}\"")));
    drop(server);
    let ids: Vec<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v["id"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(ids, ["abc-123", made.as_str(), other.as_str()]);
    let _ = std::fs::remove_file(log);
}

/// `/metrics`: requests by route and status, the latency histogram, in flight, batch
/// lines.
#[test]
fn metrics_count_requests_latency_and_batch_lines() {
    let server = Server::start(&[], None);
    let mut c = server.client();
    c.request("GET", "/healthz", b"");
    c.request("POST", "/v1/cost", br#"{"item":1}"#);
    let lines = "{\"check\":\"version\",\"input\":{}}\n".repeat(5);
    assert_eq!(c.request("POST", "/v1/batch", lines.as_bytes()).status, 200);
    let res = c.request("GET", "/metrics", b"");
    assert_eq!(res.status, 200);
    assert!(res
        .header("content-type")
        .unwrap()
        .starts_with("text/plain; version=0.0.4"));
    let text = res.text();
    for want in [
        "govit_http_requests_total{route=\"/healthz\",status=\"200\"} 1",
        "govit_http_requests_total{route=\"/v1/{check}\",status=\"422\"} 1",
        "govit_http_requests_total{route=\"/v1/batch\",status=\"200\"} 1",
        "govit_http_request_duration_seconds_count{route=\"/healthz\"} 1",
        "govit_http_request_duration_seconds_bucket{route=\"/v1/batch\",le=\"+Inf\"} 1",
        "govit_batch_lines_total 5",
        // The /metrics request itself.
        "govit_http_requests_in_flight 1",
        "govit_ready 1",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

/// Every flag can be set from the environment (GOVIT_…), a flag over its variable.
#[test]
fn flags_from_the_environment() {
    let server = Server::start_with(
        &[],
        std::process::Stdio::null(),
        &[
            ("GOVIT_ALLOWED_HOSTS", "api.example, localhost"),
            ("GOVIT_CORS_ORIGINS", "https://portal.example"),
            ("GOVIT_TIMEOUT", "1"),
        ],
    );
    let mut c = server.client();
    c.host = "api.example:8080".into();
    assert_eq!(c.request("GET", "/healthz", b"").status, 200);
    c.host = "other.example".into();
    assert_eq!(c.request("GET", "/healthz", b"").status, 421);
    // GOVIT_TIMEOUT=1: a silent body is cut off after a second.
    let mut c = server.client();
    c.send_head("POST", "/v1/cost", "Content-Length: 10\r\n");
    let start = Instant::now();
    assert_eq!(c.read_response().status, 408);
    assert!(start.elapsed() < Duration::from_secs(5));
    // Every flag of `serve --help` names its variable.
    let help = std::process::Command::new(env!("CARGO_BIN_EXE_govit-check"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let flags: Vec<&str> = help
        .lines()
        .filter(|l| l.trim_start().starts_with('-'))
        .filter(|l| !l.contains("--help") && !l.contains("--version"))
        .collect();
    assert!(flags.len() >= 13, "{help}");
    for flag in flags {
        assert!(flag.contains("[env: GOVIT_"), "{flag}");
    }
}

/// CORS is opt-in: without --cors-origin no Access-Control header; with it, the
/// preflight of an allowed origin is answered and the answer carries the header.
#[test]
fn cors_is_opt_in_and_preflights_are_answered() {
    let server = Server::start(&[], None);
    let mut c = server.client();
    let res = c.request_with(
        "POST",
        "/v1/cost",
        "Origin: https://portal.example\r\n",
        b"{}",
    );
    assert_eq!(res.header("access-control-allow-origin"), None);
    drop(server);
    let server = Server::start(&["--cors-origin", "https://portal.example"], None);
    let mut c = server.client();
    c.send_head(
        "OPTIONS",
        "/v1/eligibility",
        "Origin: https://portal.example\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n",
    );
    let res = c.read_response();
    assert!(res.status == 200 || res.status == 204, "{}", res.status);
    assert_eq!(
        res.header("access-control-allow-origin"),
        Some("https://portal.example")
    );
    assert!(res
        .header("access-control-allow-methods")
        .unwrap()
        .contains("POST"));
    let res = c.request_with(
        "POST",
        "/v1/cost",
        "Origin: https://portal.example\r\n",
        b"{}",
    );
    assert_eq!(
        res.header("access-control-allow-origin"),
        Some("https://portal.example")
    );
    assert!(res
        .header("access-control-expose-headers")
        .unwrap()
        .contains("x-request-id"));
    // Another origin gets no grant.
    let res = c.request_with(
        "POST",
        "/v1/cost",
        "Origin: https://evil.example\r\n",
        b"{}",
    );
    assert_eq!(res.header("access-control-allow-origin"), None);
    // --connect-src lets the served pages call another server.
    drop(server);
    let dir = static_root("connect");
    let server = Server::start(
        &[
            "--www",
            dir.to_str().unwrap(),
            "--connect-src",
            "https://api.example",
        ],
        None,
    );
    let csp = server
        .client()
        .request("GET", "/", b"")
        .header("content-security-policy")
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("connect-src 'self' https://api.example;"),
        "{csp}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// SIGTERM: /readyz turns 503 at once while requests are still taken for
/// --shutdown-delay, then the service stops accepting, drains and exits 0.
#[test]
fn readyz_turns_503_on_sigterm_before_the_drain() {
    let mut server = Server::start(&["--shutdown-delay", "2"], None);
    assert_eq!(server.client().request("GET", "/readyz", b"").status, 200);
    server.term();
    std::thread::sleep(Duration::from_millis(300));
    let res = server.client().request("GET", "/readyz", b"");
    assert_eq!(res.status, 503);
    let v: Value = serde_json::from_str(res.text()).unwrap();
    assert_eq!(v["error"]["code"], "unavailable");
    // Still taking requests during the delay.
    assert_eq!(server.client().request("GET", "/healthz", b"").status, 200);
    let status = server.child.wait().unwrap();
    assert!(status.success());
}

/// `POST /v1/batch?locale=en`: the lines whose input names no locale are answered in
/// English, a line's own locale wins (contract §9), as `batch --locale en` answers them.
#[test]
fn batch_locale_fills_in_lines_without_one() {
    let server = Server::start(&[], None);
    let lines = "{\"id\":1,\"check\":\"eligibility\",\"input\":{\"regime\":\"beijing\"}}\n\
                 {\"id\":2,\"check\":\"eligibility\",\"input\":{\"regime\":\"beijing\",\"locale\":\"zh-CN\"}}\n";
    let res = server
        .client()
        .request("POST", "/v1/batch?locale=en", lines.as_bytes());
    assert_eq!(res.status, 200);
    let answers: Vec<Value> = res
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(answers[0]["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("Unknown regime"));
    assert!(!answers[1]["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("Unknown regime"));
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_govit-check"))
        .args(["batch", "--locale", "en"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(lines.as_bytes())?;
            c.wait_with_output()
        })
        .unwrap();
    assert_eq!(res.text().as_bytes(), cli.stdout);
    let res = server
        .client()
        .request("POST", "/v1/batch?locale=fr", lines.as_bytes());
    assert_eq!(res.status, 422);
}
