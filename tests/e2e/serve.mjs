// The server of the portal's tests and its speed harness: `govit-check serve --www DIR`
// (the release CLI, as scripts/demo.sh serves the portal: its CSP and headers included) on
// a free loopback port, resolved with the URL it prints.
import { spawn } from "node:child_process";
import { join } from "node:path";

/** Starts serving `dir`; resolves `{ url, stop }`. */
export function serveWww(root, dir = join(root, "www")) {
  const cli = process.env.GOVIT_CLI || join(root, "target/release/govit-check");
  const server = spawn(cli, ["serve", "--addr", "127.0.0.1:0", "--www", dir, "--quiet"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  // The server never outlives the tests, even when they are stopped (a timeout, Ctrl-C).
  const kill = () => server.kill();
  process.once("exit", kill);
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.once(sig, () => {
      kill();
      process.exit(128 + (sig === "SIGINT" ? 2 : 15));
    });
  }
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
