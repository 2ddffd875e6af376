// Node's fetch (undici) against `govit-check serve`, for crates/cli/tests/serve_clients.rs.
// One JSON line on stdout: {"client", "status", "code", "lines", "error"}.
//   node clients.mjs URL too-large | batch N | cut-off
const [url, mode, n] = process.argv.slice(2);

function report(status, text, error) {
  const lines = text ? text.split("\n").filter((l) => l) : [];
  let code = null;
  try { code = JSON.parse(lines[lines.length - 1]).error.code; } catch {}
  console.log(JSON.stringify({ client: "fetch", status, code, lines: lines.length, error }));
}

let path = "v1/batch", body, extra = {};
if (mode === "too-large") {
  path = "v1/eligibility";
  body = Buffer.alloc(8 << 20, 32);
} else if (mode === "batch") {
  body = Array.from({ length: Number(n) }, (_, i) => `{"id":${i},"check":"version","input":{}}\n`).join("");
} else {
  const enc = new TextEncoder();
  body = new ReadableStream({
    async start(c) {
      c.enqueue(enc.encode('{"id":1,"check":"version","input":{}}\n'));
      await new Promise((r) => setTimeout(r, 3000));
      try { c.enqueue(enc.encode('{"id":2,"check":"version","input":{}}\n')); c.close(); } catch {}
    },
  });
  extra = { duplex: "half" };
}
try {
  const res = await fetch(url + path, { method: "POST", body, ...extra });
  const text = await res.text();
  report(res.status, text, null);
} catch (e) {
  report(null, "", e.name + (e.cause ? ":" + (e.cause.code || e.cause.name) : ""));
}
