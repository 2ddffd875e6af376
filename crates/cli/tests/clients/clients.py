"""Python clients of `govit-check serve` for crates/cli/tests/serve_clients.rs: urllib
(stdlib) and requests, each as a program writes it. One JSON line per client on stdout:
{"client", "status", "code", "lines", "error"} (error: the exception's class name).

  python3 clients.py URL too-large     # 8 MiB to /v1/eligibility: the 413 and its JSON
  python3 clients.py URL batch N       # N lines written whole, then the answers read
  python3 clients.py URL cut-off       # a streamed batch body that stalls past --timeout
"""
import json
import sys
import time
import urllib.error
import urllib.request

URL, MODE = sys.argv[1], sys.argv[2]


def report(client, status=None, body=b"", error=None):
    lines = body.decode("utf-8", "replace").splitlines()
    code = None
    try:
        code = json.loads(lines[-1])["error"]["code"] if lines else None
    except (ValueError, KeyError, TypeError):
        pass
    ids_in_order = all(
        json.loads(l).get("id") == i for i, l in enumerate(lines[:1000])
    ) if MODE == "batch" else None
    print(json.dumps({"client": client, "status": status, "code": code,
                      "lines": len(lines), "ids_in_order": ids_in_order,
                      "error": error}), flush=True)


def body():
    if MODE == "too-large":
        return "v1/eligibility", b" " * (8 << 20)
    n = int(sys.argv[3])
    return "v1/batch", b"".join(
        b'{"id":%d,"check":"version","input":{}}\n' % i for i in range(n))


def stalling():
    yield b'{"id":1,"check":"version","input":{}}\n'
    time.sleep(3)
    yield b'{"id":2,"check":"version","input":{}}\n'


def with_urllib():
    if MODE == "cut-off":
        req = urllib.request.Request(URL + "v1/batch", data=stalling(), method="POST")
    else:
        path, data = body()
        req = urllib.request.Request(URL + path, data=data, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            report("urllib", r.status, r.read())
    except urllib.error.HTTPError as e:
        report("urllib", e.code, e.read())
    except Exception as e:  # the cut-off: IncompleteRead, a reset…
        report("urllib", error=type(e).__name__)


def with_requests():
    import requests
    try:
        if MODE == "cut-off":
            r = requests.post(URL + "v1/batch", data=stalling(), timeout=60)
        else:
            path, data = body()
            r = requests.post(URL + path, data=data, timeout=60)
        report("requests", r.status_code, r.content)
    except Exception as e:  # ChunkedEncodingError, ConnectionError…
        report("requests", error=type(e).__name__)


with_urllib()
with_requests()
