// The static server of the portal's tests and its speed harness: scripts/serve-www.py on
// a free port, resolved with the URL it prints.
import { spawn } from "node:child_process";
import { join } from "node:path";

/** Starts serving `dir`; resolves `{ url, stop }`. */
export function serveWww(root, dir = join(root, "www")) {
  const server = spawn("python3", [join(root, "scripts/serve-www.py"), "--port", "0", "--dir", dir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((ok, fail) => {
    let buf = "";
    server.stdout.on("data", (d) => {
      buf += d;
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(buf);
      if (m) ok({ url: m[1], stop: () => server.kill() });
    });
    server.on("exit", (code) => fail(new Error(`server exited ${code}`)));
    setTimeout(() => fail(new Error("server did not start")), 10000);
  });
}
