//! A `govit-check serve` started for a test or a benchmark on an ephemeral loopback
//! port, and a small HTTP/1.1 client over a kept-alive connection (Content-Length and
//! chunked bodies): no HTTP library to build for the tests.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a failed test"
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A server process, killed when dropped.
pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
}

impl Server {
    /// `govit-check serve --addr 127.0.0.1:0 ARGS`, once it listens. Its stderr (the
    /// access log) goes to `log` when given, else nowhere.
    pub fn start(args: &[&str], log: Option<&std::path::Path>) -> Server {
        let stderr = match log {
            Some(p) => Stdio::from(std::fs::File::create(p).unwrap()),
            None => Stdio::null(),
        };
        Server::start_with(args, stderr, &[])
    }

    /// [`Server::start`] with stderr as given and more environment variables.
    pub fn start_with(args: &[&str], stderr: Stdio, env: &[(&str, &str)]) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_govit-check"));
        cmd.args(["serve", "--addr", "127.0.0.1:0"]).args(args);
        Server::spawn(cmd, stderr, env)
    }

    /// Starts `cmd` (a `govit-check serve` however launched) and waits for its URL.
    pub fn spawn(mut cmd: Command, stderr: Stdio, env: &[(&str, &str)]) -> Server {
        let mut child = cmd
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("govit-check serve starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let addr = first
            .trim()
            .strip_prefix("http://")
            .and_then(|s| s.strip_suffix('/'))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("the first line is the URL: {first:?}"));
        Server { child, addr }
    }

    pub fn client(&self) -> Client {
        Client::connect(self.addr)
    }

    /// `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// The server's resident memory (VmRSS), in KiB.
    pub fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap()
    }

    /// Sends SIGTERM.
    pub fn term(&self) {
        let kill = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An answer.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// Lowercase names.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.body).unwrap()
    }
}

/// One kept-alive connection.
pub struct Client {
    reader: BufReader<TcpStream>,
    pub writer: TcpStream,
    /// The Host header sent.
    pub host: String,
}

impl Client {
    pub fn connect(addr: SocketAddr) -> Client {
        let stream = TcpStream::connect(addr).unwrap();
        stream.set_nodelay(true).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        Client {
            reader: BufReader::new(stream.try_clone().unwrap()),
            writer: stream,
            host: "localhost".into(),
        }
    }

    /// Sends a request with a Content-Length body and reads the answer. (A server may
    /// answer before it has read the body, and then close: the answer is read all the
    /// same, and the connection is not to be used again.)
    pub fn request(&mut self, method: &str, path: &str, body: &[u8]) -> Response {
        self.send_head(method, path, &format!("Content-Length: {}\r\n", body.len()));
        let _ = self.writer.write_all(body);
        self.read_response()
    }

    /// [`Client::request`] with more header lines (`extra`, each ending in CRLF).
    pub fn request_with(&mut self, method: &str, path: &str, extra: &str, body: &[u8]) -> Response {
        self.send_head(
            method,
            path,
            &format!("{extra}Content-Length: {}\r\n", body.len()),
        );
        let _ = self.writer.write_all(body);
        self.read_response()
    }

    /// Reads time out after `secs` seconds (a test's bound on a server that would hang).
    pub fn timeout(&mut self, secs: u64) {
        self.writer
            .set_read_timeout(Some(Duration::from_secs(secs)))
            .unwrap();
    }

    /// Sends the head of a `POST` with a Content-Length body, and the body from a thread
    /// (a server that reads no further does not block the caller, who may not read).
    pub fn post_in_background(
        &mut self,
        path: &str,
        body: std::sync::Arc<Vec<u8>>,
    ) -> std::thread::JoinHandle<()> {
        self.send_head("POST", path, &format!("Content-Length: {}\r\n", body.len()));
        let mut w = self.writer.try_clone().unwrap();
        std::thread::spawn(move || {
            let _ = w.write_all(&body);
        })
    }

    /// Sends the head of a request (`extra`: more header lines, each ending in CRLF).
    pub fn send_head(&mut self, method: &str, path: &str, extra: &str) {
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\n{extra}\r\n",
            self.host
        );
        self.writer.write_all(head.as_bytes()).unwrap();
    }

    /// Sends raw bytes (a piece of a body).
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
    }

    /// Sends one chunk of a chunked body (empty: the last).
    pub fn send_chunk(&mut self, bytes: &[u8]) {
        self.try_send_chunk(bytes).unwrap();
    }

    /// [`Client::send_chunk`], for a server that may answer (and close) before the body
    /// ends.
    pub fn try_send_chunk(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let mut out = format!("{:x}\r\n", bytes.len()).into_bytes();
        out.extend_from_slice(bytes);
        out.extend_from_slice(b"\r\n");
        self.writer.write_all(&out)
    }

    /// Reads the status line and the headers.
    pub fn read_head(&mut self) -> Response {
        let mut line = String::new();
        self.reader.read_line(&mut line).unwrap();
        let status = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("status line {line:?}"));
        let mut headers = Vec::new();
        loop {
            line.clear();
            self.reader.read_line(&mut line).unwrap();
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            let (n, v) = l.split_once(':').unwrap();
            headers.push((n.trim().to_ascii_lowercase(), v.trim().to_owned()));
        }
        Response {
            status,
            headers,
            body: Vec::new(),
        }
    }

    /// Reads one chunk of a chunked body (`None`: the last).
    pub fn read_chunk(&mut self) -> Option<Vec<u8>> {
        self.try_read_chunk().unwrap()
    }

    /// [`Client::read_chunk`]; `Err` when the connection ends before the chunk does (an
    /// aborted chunked answer: no terminating chunk).
    pub fn try_read_chunk(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut line = String::new();
        if self.reader.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let n = usize::from_str_radix(line.trim(), 16)
            .map_err(|_| std::io::Error::other(format!("chunk size {line:?}")))?;
        let mut data = vec![0; n + 2];
        self.reader.read_exact(&mut data)?;
        data.truncate(n);
        Ok((n > 0).then_some(data))
    }

    /// Reads the chunks of a chunked body until it ends (`Ok`) or the connection closes
    /// without a terminating chunk (`Err` with what came before).
    pub fn read_chunks(&mut self) -> Result<Vec<u8>, Vec<u8>> {
        let mut body = Vec::new();
        loop {
            match self.try_read_chunk() {
                Ok(Some(c)) => body.extend_from_slice(&c),
                Ok(None) => return Ok(body),
                Err(_) => return Err(body),
            }
        }
    }

    /// Reads a whole answer.
    pub fn read_response(&mut self) -> Response {
        let mut res = self.read_head();
        if res.header("transfer-encoding") == Some("chunked") {
            while let Some(chunk) = self.read_chunk() {
                res.body.extend_from_slice(&chunk);
            }
        } else {
            let n: usize = res
                .header("content-length")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            res.body = vec![0; n];
            self.reader.read_exact(&mut res.body).unwrap();
        }
        res
    }
}

/// The text of a log file once `done` holds for it (the log is written by a thread of
/// its own, a moment after the answer), or as it is after 10 s.
pub fn log_when(path: &std::path::Path, done: impl Fn(&str) -> bool) -> String {
    let start = std::time::Instant::now();
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if done(&text) || start.elapsed() > Duration::from_secs(10) {
            return text;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The status the service gives an answer of the library.
pub fn status_of(answer: &str) -> u16 {
    let v: serde_json::Value = serde_json::from_str(answer).unwrap();
    match v["error"]["code"].as_str() {
        None => 200,
        Some("invalid_json") => 400,
        Some("too_large") => 413,
        Some(_) => 422,
    }
}
