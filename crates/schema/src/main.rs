//! Writes the contract's shapes from the library's Rust types — ONE command:
//!
//! ```sh
//! cargo run -p govit-check-schema            # writes docs/openapi.json and crates/wasm/src/types.d.ts
//! cargo run -p govit-check-schema -- --check # fails when either file is not what the types give (CI)
//! ```
//!
//! The schemas come from `govit_check::schema::shapes()` (schemars, feature `schema`):
//! inputs as the reader reads them, answers as the writer writes them. The OpenAPI
//! document adds the service's routes (`govit-check serve`, crates/cli/src/serve.rs); the
//! TypeScript is the same schemas written as TypeScript types, which the npm package's
//! hand-written declarations (crates/wasm/src/wasm.d.ts: the functions) use.

use serde_json::{json, Map, Value};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const OPENAPI: &str = "docs/openapi.json";
const TYPES: &str = "crates/wasm/src/types.d.ts";

fn main() -> ExitCode {
    let check = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--check") => true,
        Some(other) => {
            eprintln!(
                "govit-check-schema: unknown argument {other:?} (usage: govit-check-schema [--check])"
            );
            return ExitCode::from(2);
        }
    };
    let mut shapes = match govit_check::schema::shapes() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("govit-check-schema: {e}");
            return ExitCode::FAILURE;
        }
    };
    shapes.schemas.values_mut().for_each(clean_descriptions);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let files = [
        (OPENAPI, openapi(&shapes)),
        (TYPES, typescript(&shapes.schemas)),
    ];
    let mut stale = Vec::new();
    for (name, text) in files {
        let path: PathBuf = root.join(name);
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        if old == text {
            continue;
        }
        if check {
            stale.push(name);
        } else if let Err(e) = std::fs::write(&path, text) {
            eprintln!("govit-check-schema: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        } else {
            println!("wrote {name}");
        }
    }
    if !stale.is_empty() {
        eprintln!(
            "govit-check-schema: {} not what the Rust types give: run `cargo run -p govit-check-schema` and commit the result",
            stale.join(" and ")
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// The descriptions (the Rust types' doc comments) as a reader of the JSON reads them:
/// rustdoc links as plain code (`[`X`](path)` → `X`), no `crate::` paths, and `None` as the
/// JSON's `null`.
fn clean_descriptions(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                match x {
                    Value::String(d) if k == "description" => *d = plain(d),
                    _ => clean_descriptions(x),
                }
            }
        }
        Value::Array(xs) => xs.iter_mut().for_each(clean_descriptions),
        _ => {}
    }
}

fn plain(d: &str) -> String {
    let mut out = String::new();
    let mut rest = d;
    // `[`X`]` and `[`X`](target)` → `X`.
    while let Some(i) = rest.find("[`") {
        let Some(j) = rest[i..].find("`]").map(|j| i + j) else {
            break;
        };
        out.push_str(&rest[..i]);
        out.push_str(&rest[i + 1..j + 1]);
        rest = &rest[j + 2..];
        if rest.starts_with('(') {
            if let Some(k) = rest.find(')') {
                rest = &rest[k + 1..];
            }
        }
    }
    out.push_str(rest);
    out.replace("`crate::", "`").replace("`None`", "`null`")
}

fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn json_content(schema: Value) -> Value {
    json!({ "application/json": { "schema": schema } })
}

fn error_response(description: &str) -> Value {
    json!({ "description": description, "content": json_content(schema_ref("ErrorAnswer")) })
}

/// A refusal by the service itself (not by a check): `ServiceError`.
fn service_error(description: &str) -> Value {
    json!({ "description": description, "content": json_content(schema_ref("ServiceError")) })
}

/// The answers every route may give: another method, a Host not allowed.
fn common_responses(op: &mut Value) {
    if let Some(r) = op.get_mut("responses").and_then(Value::as_object_mut) {
        r.insert("405".into(), service_error("`method_not_allowed`: the path does not take this method (`Allow` lists those it takes)"));
        r.insert("421".into(), service_error("`host_not_allowed`: the `Host` is not one the service answers for (`--allowed-host`; loopback names by default on a loopback address)"));
        r.sort_keys();
    }
}

fn locale_parameter() -> Value {
    json!({
        "name": "locale",
        "in": "query",
        "required": false,
        "description": "Sets the input's `locale` (message language), as the CLI's `--locale`: `zh-CN` (default) or `en`.",
        "schema": schema_ref("LocaleTag")
    })
}

fn regime_parameter() -> Value {
    json!({ "name": "regime", "in": "path", "required": true, "schema": schema_ref("RegimeId") })
}

/// The answer schema of `check` (a `$ref`).
fn answer<'a>(shapes: &'a govit_check::schema::Shapes, check: &str) -> &'a Value {
    shapes
        .answers
        .iter()
        .find(|(c, _)| *c == check)
        .map_or(&Value::Null, |(_, s)| s)
}

/// `GET /v1/<check>/{regime}[?locale=]`: a catalog of one regulation.
fn catalog_route(
    shapes: &govit_check::schema::Shapes,
    check: &str,
    summary: &str,
    answered: &str,
) -> Value {
    json!({ "get": {
        "operationId": check,
        "summary": summary,
        "parameters": [ regime_parameter(), locale_parameter() ],
        "responses": {
            "200": { "description": answered, "content": json_content(answer(shapes, check).clone()) },
            "404": error_response("`unknown_regime`"),
            "422": error_response("`locale` is not zh-CN or en")
        }
    } })
}

/// The OpenAPI 3.1 document of `govit-check serve`.
fn openapi(shapes: &govit_check::schema::Shapes) -> String {
    let mut schemas = shapes.schemas.clone();
    schemas.insert(
        "CatalogRequest".into(),
        json!({
            "type": "object",
            "description": "Input of `form` (and `rules`): the regime, and the locale of the texts.",
            "required": ["regime"],
            "properties": {
                "regime": schema_ref("RegimeId"),
                "locale": { "anyOf": [schema_ref("LocaleTag"), { "type": "null" }] }
            }
        }),
    );
    let checks: Vec<&str> = govit_check::CHECKS
        .iter()
        .copied()
        .filter(|c| !matches!(*c, "regimes" | "rules" | "version"))
        .collect();
    let mut bodies: Vec<Value> = shapes.inputs.iter().map(|(_, s)| s.clone()).collect();
    bodies.push(schema_ref("CatalogRequest"));
    let verdicts: Vec<Value> = checks.iter().map(|c| answer(shapes, c).clone()).collect();
    schemas.insert(
        "ServiceErrorBody".into(),
        json!({
            "type": "object",
            "description": "The error object of a refusal by the service itself (not by a check): the shape of contract §6, with the service's own codes.",
            "properties": {
                "code": {
                    "enum": ["bad_request", "incomplete_body", "not_found", "method_not_allowed", "timeout", "too_large", "host_not_allowed", "unavailable"],
                    "description": "`bad_request` 400: the request line, headers or query cannot be read; `incomplete_body` 400: the body broke off; `not_found` 404; `method_not_allowed` 405 (the `Allow` header lists the methods); `timeout` 408: the body (or the answer) paused past `--timeout` or fell under `--min-rate`; `too_large` 413/414/431: the body, request line or headers over a limit; `host_not_allowed` 421: the Host is not on `--allowed-host`; `unavailable` 503: the service is stopping"
                },
                "field": { "type": "string", "const": "" },
                "message": { "type": "string", "description": "Chinese, or English with `?locale=en`" },
                "ruleset_id": schema_ref("RulesetId")
            },
            "required": ["code", "field", "message", "ruleset_id"],
            "additionalProperties": false
        }),
    );
    schemas.insert(
        "ServiceError".into(),
        json!({ "type": "object", "required": ["error"], "properties": { "error": schema_ref("ServiceErrorBody") } }),
    );
    let list: String = shapes
        .inputs
        .iter()
        .map(|(c, s)| {
            let name = s["$ref"]
                .as_str()
                .unwrap_or("")
                .rsplit('/')
                .next()
                .unwrap_or("");
            format!("\n- `{c}`: input `{name}`")
        })
        .collect::<String>()
        + "\n- `form`: input `CatalogRequest`";
    let doc = json!({
        "openapi": "3.1.0",
        "info": {
            "title": "govit-check",
            "version": env!("CARGO_PKG_VERSION"),
            "summary": "政务信息化项目合规检查 over HTTP: eligibility, cost classification, change approval",
            "description": "`govit-check serve`: every check of the govit-check rules engine over HTTP. Every answer is byte for byte what the CLI, the npm package and the Rust library give for the same input, and carries `ruleset_id` (which build of the rules decided). Errors are `{\"error\": {\"code\", \"field\", \"message\", \"ruleset_id\"}}` (contract §6). The full contract: spec/contract.md. The schemas are derived from the library's Rust types (`cargo run -p govit-check-schema` writes this document). The service's own refusals — no such path (404), another method (405), a body too slow or broken off (408, 400), a request line or headers too long (414, 431), a Host not allowed (421), stopping (503) — are the same error object with the codes of `ServiceError`, and every answer carries the security headers and `X-Request-Id` (the client's, or one made). Limits and timeouts: README, \"HTTP service\".",
            "license": { "name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0" }
        },
        "servers": [ { "url": "http://127.0.0.1:8080", "description": "govit-check serve (default address)" } ],
        "paths": {
            "/v1/{check}": { "post": {
                "operationId": "check",
                "summary": "Run one check on one input",
                "description": format!("The input (JSON, at most 1 MiB) as the body; the answer is the very bytes `govit-check <check>` prints (a line end included). The answer's `check` says which it is.{list}"),
                "parameters": [
                    { "name": "check", "in": "path", "required": true, "schema": { "type": "string", "enum": checks } },
                    locale_parameter()
                ],
                "requestBody": { "required": true, "content": json_content(json!({ "oneOf": bodies })) },
                "responses": {
                    "200": { "description": "The verdict", "content": json_content(json!({ "oneOf": verdicts })) },
                    "400": { "description": "`invalid_json`: the body is not JSON; or the service's `incomplete_body` (the body broke off) or `bad_request`", "content": json_content(json!({ "oneOf": [schema_ref("ErrorAnswer"), schema_ref("ServiceError")] })) },
                    "404": error_response("No such check (`invalid_value` at `/check`)"),
                    "408": service_error("`timeout`: the body paused for `--timeout` seconds, or averaged under `--min-rate` bytes a second after its first `--timeout` seconds"),
                    "413": error_response("`too_large`: the body is over the input limit (1 MiB), decided from `Content-Length` before the body is read when it is given"),
                    "422": error_response("Any other input error: `invalid_type`, `invalid_value`, `required`, `unknown_regime`, `unknown_item`, `too_large` inside the input")
                }
            } },
            "/v1/batch": { "post": {
                "operationId": "batch",
                "summary": "JSON Lines in, JSON Lines out, streamed",
                "description": "Each line `{\"id\", \"check\", \"input\"}` is answered in order by a line `{\"id\", \"verdict\"}` or `{\"id\", \"error\"}`, as `govit-check batch` answers it; a bad line is answered in its place and the run goes on. A line over 1 MiB is answered `too_large`. The answers are streamed with backpressure: the service answers 200 once the first piece of the body has come (after `100 Continue` when it is asked for), reads the body ahead of the answers up to `--batch-buffer` MiB (16; all batches together `--buffer-total`, 16), and computes answers as the client takes them. A batch cut off mid-way (the body paused past `--timeout`, fell under `--min-rate`, or broke off) ends with one line `{\"id\": null, \"error\": {\"code\": \"timeout\" | \"incomplete_body\", …}}` and then an aborted chunked answer (no terminating chunk): the client sees an error. `?locale=` sets the locale of every line whose input has none (contract §9).",
                "parameters": [ { "name": "locale", "in": "query", "required": false, "description": "The message language of every line whose input has no `locale`", "schema": { "enum": ["zh-CN", "en"] } } ],
                "requestBody": { "required": true, "content": { "application/jsonl": { "schema": { "type": "string", "description": "JSON Lines of requests" } } } },
                "responses": {
                    "200": { "description": "One answer a line; a cut-off batch ends with an error line and an aborted stream", "content": { "application/jsonl": { "schema": { "type": "string", "description": "JSON Lines of answers" } } } },
                    "400": service_error("`incomplete_body`: the body broke off before its first piece"),
                    "408": service_error("`timeout`: no body came within `--timeout` seconds"),
                    "422": error_response("`invalid_value` at `/locale`: `?locale=` is neither `zh-CN` nor `en`")
                }
            } },
            "/v1/regimes": { "get": {
                "operationId": "regimes",
                "summary": "Every regulation and its status on a day",
                "parameters": [ { "name": "as_of", "in": "query", "required": false, "schema": schema_ref("DateString") } ],
                "responses": {
                    "200": { "description": "The regulations", "content": json_content(answer(shapes, "regimes").clone()) },
                    "422": error_response("`as_of` is not a date")
                }
            } },
            "/v1/rules/{regime}": catalog_route(shapes, "rules", "The rule catalog of a regulation", "The rules"),
            "/v1/form/{regime}": catalog_route(shapes, "form", "The questions a regulation asks, in sections, for a form (contract §8)", "The form"),
            "/v1/version": { "get": {
                "operationId": "version",
                "summary": "The ruleset and its ruleset_id",
                "responses": { "200": { "description": "The version", "content": json_content(answer(shapes, "version").clone()) } }
            } },
            "/v1/openapi.json": { "get": {
                "operationId": "openapi",
                "summary": "This document",
                "responses": { "200": { "description": "OpenAPI 3.1", "content": json_content(json!({ "type": "object" })) } }
            } },
            "/healthz": { "get": {
                "operationId": "healthz",
                "summary": "Liveness",
                "responses": { "200": { "description": "Serving", "content": json_content(json!({
                    "type": "object",
                    "required": ["status", "ruleset", "ruleset_id"],
                    "properties": {
                        "status": { "type": "string", "const": "ok" },
                        "ruleset": { "type": "string" },
                        "ruleset_id": schema_ref("RulesetId")
                    }
                })) } }
            } },
            "/readyz": { "get": {
                "operationId": "readyz",
                "summary": "Readiness: 200 while taking requests, 503 from SIGTERM on",
                "description": "Turns 503 the moment the service is told to stop (SIGTERM or Ctrl-C); requests are still taken for `--shutdown-delay` seconds (so a load balancer sees it first), then the service stops accepting, lets the requests under way finish (up to `--timeout`) and exits 0.",
                "responses": {
                    "200": { "description": "Ready", "content": json_content(json!({ "type": "object", "required": ["status"], "properties": { "status": { "const": "ready" } } })) },
                    "503": service_error("`unavailable`: the service is stopping")
                }
            } },
            "/metrics": { "get": {
                "operationId": "metrics",
                "summary": "Prometheus metrics (text format 0.0.4)",
                "description": "`govit_http_requests_total{route,status}`, `govit_http_request_duration_seconds{route}` (a histogram, to the answer's last byte), `govit_http_requests_in_flight`, `govit_http_connections_open`, `govit_batch_lines_total`, `govit_cut_off_total{reason}`, `govit_http_refused_total{status}`, `govit_accept_errors_total`, `govit_log_lines_dropped_total`, `govit_ready`. Keep it off the public side of a reverse proxy (docs/deploy.md).",
                "responses": { "200": { "description": "The metrics", "content": { "text/plain": { "schema": { "type": "string" } } } } }
            } }
        },
        "components": { "schemas": schemas }
    });
    let mut doc = doc;
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for op in paths
            .values_mut()
            .filter_map(Value::as_object_mut)
            .flat_map(|m| m.values_mut())
        {
            common_responses(op);
        }
    }
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

// ---------------------------------------------------------------------------------------
// TypeScript from the schemas.
// ---------------------------------------------------------------------------------------

/// The TypeScript declarations of every named schema, in order.
fn typescript(schemas: &Map<String, Value>) -> String {
    let mut out = String::from(
        "/* The contract's shapes as TypeScript: GENERATED from the library's Rust types by\n   `cargo run -p govit-check-schema` (do not edit; CI fails when it is stale). */\n",
    );
    for (name, schema) in schemas {
        out.push('\n');
        doc_comment(&mut out, schema, "");
        if is_object(schema) {
            let _ = write!(out, "export interface {name} ");
            object(&mut out, schema, "");
            out.push('\n');
        } else {
            let _ = writeln!(out, "export type {name} = {};", ts(schema, ""));
        }
    }
    out
}

fn is_object(s: &Value) -> bool {
    s.get("properties").is_some() && s.get("anyOf").is_none() && s.get("oneOf").is_none()
}

fn doc_comment(out: &mut String, s: &Value, indent: &str) {
    if let Some(d) = s.get("description").and_then(Value::as_str) {
        let d = d.replace("*/", "*\\/");
        if d.contains('\n') {
            let _ = writeln!(out, "{indent}/**");
            for line in d.lines() {
                let _ = writeln!(out, "{indent} * {line}");
            }
            let _ = writeln!(out, "{indent} */");
        } else {
            let _ = writeln!(out, "{indent}/** {d} */");
        }
    }
}

fn object(out: &mut String, s: &Value, indent: &str) {
    let required: Vec<&str> = s
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    out.push_str("{\n");
    let inner = format!("{indent}  ");
    if let Some(props) = s.get("properties").and_then(Value::as_object) {
        for (k, v) in props {
            doc_comment(out, v, &inner);
            let opt = if required.contains(&k.as_str()) {
                ""
            } else {
                "?"
            };
            let key = if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !k.starts_with(|c: char| c.is_ascii_digit())
            {
                k.clone()
            } else {
                serde_json::to_string(k).unwrap_or_default()
            };
            let _ = writeln!(out, "{inner}{key}{opt}: {};", ts(v, &inner));
        }
    }
    out.push_str(indent);
    out.push('}');
}

/// A schema as a TypeScript type.
fn ts(s: &Value, indent: &str) -> String {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        return r.rsplit('/').next().unwrap_or("unknown").to_string();
    }
    if let Some(c) = s.get("const") {
        return c.to_string();
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        return e
            .iter()
            .map(Value::to_string)
            .collect::<Vec<_>>()
            .join(" | ");
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(xs) = s.get(key).and_then(Value::as_array) {
            return union(xs.iter().map(|x| ts(x, indent)));
        }
    }
    match s.get("type") {
        Some(Value::Array(types)) => union(types.iter().map(|t| {
            let mut one = s.clone();
            if let Some(m) = one.as_object_mut() {
                m.insert("type".into(), t.clone());
            }
            ts(&one, indent)
        })),
        Some(Value::String(t)) => match t.as_str() {
            "string" => "string".into(),
            "number" | "integer" => "number".into(),
            "boolean" => "boolean".into(),
            "null" => "null".into(),
            "array" => {
                let item = s.get("items").map_or("unknown".into(), |i| ts(i, indent));
                if item.contains(' ') {
                    format!("({item})[]")
                } else {
                    format!("{item}[]")
                }
            }
            "object" if s.get("properties").is_some() => {
                let mut o = String::new();
                object(&mut o, s, indent);
                o
            }
            "object" => match s.get("additionalProperties") {
                Some(v) if v.is_object() => format!("Record<string, {}>", ts(v, indent)),
                _ => "Record<string, unknown>".into(),
            },
            _ => "unknown".into(),
        },
        _ => "unknown".into(),
    }
}

/// `a | b | c`, each member once, in order.
fn union(members: impl Iterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for m in members {
        if !seen.contains(&m) {
            seen.push(m);
        }
    }
    seen.join(" | ")
}
