#!/usr/bin/env python3
"""Serves a directory (default www/) on 127.0.0.1 only, .wasm as application/wasm.

    python3 scripts/serve-www.py [--port 8000] [--dir www]

Port 0 picks a free port. Prints the URL on its first line of output (flushed), so a
test can read it; then logs nothing unless --verbose.
"""
import argparse
import functools
import http.server
import os
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".svg": "image/svg+xml",
        ".json": "application/json",
        ".html": "text/html; charset=utf-8",
    }
    verbose = False

    def end_headers(self):
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, fmt, *args):
        if self.verbose:
            super().log_message(fmt, *args)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--dir", default=os.path.join(os.path.dirname(__file__), "..", "www"))
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    Handler.verbose = a.verbose
    handler = functools.partial(Handler, directory=os.path.abspath(a.dir))
    with http.server.ThreadingHTTPServer(("127.0.0.1", a.port), handler) as srv:
        print(f"http://127.0.0.1:{srv.server_address[1]}/", flush=True)
        try:
            srv.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
