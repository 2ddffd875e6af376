#!/usr/bin/env bash
# Runs deploy/nginx.conf for real: Debian's nginx on 127.0.0.1 (plain HTTP on a free port
# instead of 443 with TLS) in front of `govit-check serve`, and checks what a client gets
# through it. Needs nginx (apt-get install nginx-light) and the release CLI.
#   deploy/check-nginx.sh            (GOVIT_CLI=path/to/govit-check to use another binary)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${GOVIT_CLI:-target/release/govit-check}
command -v nginx >/dev/null || { echo "check-nginx: nginx is not installed (apt-get install nginx-light)" >&2; exit 1; }
T=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$T"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

"$BIN" serve --addr 127.0.0.1:0 --allowed-host 127.0.0.1 --www www >"$T/url" 2>"$T/service.log" &
PIDS+=($!)
for _ in $(seq 50); do [ -s "$T/url" ] && break; sleep 0.1; done
SPORT=$(sed -n 's|http://127.0.0.1:\([0-9]*\)/|\1|p' "$T/url")
NPORT=$(free_port)
sed -e "s/listen 443 ssl http2;/listen 127.0.0.1:$NPORT;/" -e '/ssl_certificate/d' \
    -e "s/server 127.0.0.1:8080;/server 127.0.0.1:$SPORT;/" -e "s/server_name .*/server_name localhost;/" \
    deploy/nginx.conf >"$T/site.conf"
cat >"$T/nginx.conf" <<CONF
daemon off;
pid $T/nginx.pid;
error_log $T/error.log;
worker_processes 1;
events {}
http {
    access_log off;
    client_body_temp_path $T/body;
    proxy_temp_path $T/proxy;
    fastcgi_temp_path $T/fastcgi;
    uwsgi_temp_path $T/uwsgi;
    scgi_temp_path $T/scgi;
    include $T/site.conf;
}
CONF
nginx -p "$T" -c "$T/nginx.conf" -t 2>&1 | sed 's/^/nginx: /'
nginx -p "$T" -c "$T/nginx.conf" &
PIDS+=($!)
U="http://127.0.0.1:$NPORT"
for _ in $(seq 50); do curl -s -o /dev/null "$U/healthz" && break; sleep 0.1; done

fail() { echo "check-nginx: FAIL: $*" >&2; exit 1; }
code() { curl -s -o "$T/out" -w '%{http_code}' "$@"; }

[ "$(code "$U/healthz")" = 200 ] || fail "/healthz"
[ "$(code -X POST --data-binary @examples/application.json "$U/v1/eligibility")" = 200 ] || fail "POST /v1/eligibility"
grep -q '"outcome"' "$T/out" || fail "the verdict: $(head -c 200 "$T/out")"
id=$(curl -s -D - -o /dev/null "$U/healthz" | tr -d '\r' | sed -n 's/^x-request-id: //Ip')
[ -n "$id" ] || fail "no X-Request-Id"
head -c $((2 << 20)) /dev/zero | tr '\0' ' ' >"$T/big"
[ "$(code -X POST --data-binary @"$T/big" "$U/v1/eligibility")" = 413 ] || fail "2 MiB body"
grep -q '"too_large"' "$T/out" || fail "413 body: $(head -c 200 "$T/out")"
[ "$(code -H 'Host: attacker.example' "$U/healthz")" = 421 ] || fail "a Host not allowed"
[ "$(code "$U/metrics")" = 404 ] || fail "/metrics is not public"
[ "$(code "$U/")" = 200 ] || fail "the portal"
python3 -c 'import sys
for i in range(200000): sys.stdout.write("{\"id\":%d,\"check\":\"version\",\"input\":{}}\n" % i)' >"$T/lines"
[ "$(code -X POST --data-binary @"$T/lines" "$U/v1/batch")" = 200 ] || fail "batch"
[ "$(wc -l <"$T/out")" = 200000 ] || fail "batch answers: $(wc -l <"$T/out")"
grep -q '"path":"/v1/batch"' "$T/service.log" || fail "the access log"
echo "check-nginx: ok (nginx $(nginx -v 2>&1 | sed 's|.*/||') on 127.0.0.1:$NPORT → govit-check serve on 127.0.0.1:$SPORT): /healthz, a check, X-Request-Id, 413 as JSON, 421, /metrics hidden, the portal, a 200,000-line batch"
