//! Helpers for the tests of `kinesis-console serve`: start the real binary on a free port, talk HTTP/1.1 to it with
//! a small client of our own (so tests can also send what no SDK would), stop it with SIGTERM.
#![allow(dead_code)]

pub mod aws_cli;
pub mod install;
pub mod python;
pub mod twins;

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// An Authorization header as an SDK sends it (SigV4's shape; the server parses it, never verifies it).
pub const SIGNED_AUTHORIZATION: &str = "AWS4-HMAC-SHA256 Credential=x/20240101/us-east-1/kinesis/aws4_request, \
     SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=00";

/// A running `kinesis-console serve`, stopped (SIGKILL) when dropped if not stopped before.
pub struct ServerProcess {
    child: Option<Child>,
    stdout: BufReader<ChildStdout>,
    /// The banner's first line.
    pub banner: String,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
}

/// An HTTP answer.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    /// Header names in lower case, in the order received.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The first header of that (case-insensitive) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// The body as JSON (`Value::Null` when empty; panics when it is not JSON).
    pub fn json(&self) -> Value {
        if self.body.is_empty() {
            return Value::Null;
        }
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

impl ServerProcess {
    /// Starts `kinesis-console serve --port 0 <args>` and waits for its banner.
    pub fn start(args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kinesis-console"))
            .args(["serve", "--port", "0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("kinesis-console serve starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut banner = String::new();
        stdout.read_line(&mut banner).expect("banner");
        let url = banner
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in the banner: {banner:?}"))
            .to_string();
        let addr = url.trim_start_matches("http://").to_string();
        ServerProcess { child: Some(child), stdout, banner, addr, url }
    }

    /// Sends one request on a new connection (`Connection: close`) and reads the whole answer.
    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> HttpResponse {
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n", self.addr);
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        self.raw(&[head.as_bytes(), body].concat())
    }

    /// Writes `bytes` to a new connection as they are and reads one answer.
    pub fn raw(&self, bytes: &[u8]) -> HttpResponse {
        let mut stream = TcpStream::connect(&self.addr).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
        stream.write_all(bytes).expect("write");
        read_response(&mut stream)
    }

    /// Calls a Kinesis operation as an SDK would (signed-looking headers, JSON 1.1).
    pub fn kinesis(&self, operation: &str, request: &Value) -> HttpResponse {
        let target = format!("Kinesis_20131202.{operation}");
        self.signed(&target, "application/x-amz-json-1.1", request.to_string().as_bytes())
    }

    /// A `POST /` with these `X-Amz-Target` and `Content-Type`, signed as an SDK signs (the signature is not checked).
    pub fn signed(&self, target: &str, content_type: &str, body: &[u8]) -> HttpResponse {
        self.request(
            "POST",
            "/",
            &[
                ("Content-Type", content_type),
                ("X-Amz-Target", target),
                ("X-Amz-Date", "20240101T000000Z"),
                ("Authorization", SIGNED_AUTHORIZATION),
            ],
            body,
        )
    }

    /// Calls a Kinesis operation that must succeed; its JSON answer.
    pub fn ok(&self, operation: &str, request: &Value) -> Value {
        let r = self.kinesis(operation, request);
        assert_eq!(r.status, 200, "{operation} {request}: {}", r.text());
        r.json()
    }

    /// `GET` or `POST` on a playground endpoint: status and JSON answer.
    pub fn control(&self, method: &str, path: &str, body: &Value) -> (u16, Value) {
        let body = if method == "GET" { Vec::new() } else { body.to_string().into_bytes() };
        let r = self.request(method, path, &[("Content-Type", "application/json")], &body);
        (r.status, r.json())
    }

    /// Moves a manual clock forward by a duration such as `5s`.
    pub fn advance(&self, by: &str) -> Value {
        let (status, body) = self.control("POST", "/_playground/clock/advance", &serde_json::json!({ "by": by }));
        assert_eq!(status, 200, "{body}");
        body
    }

    /// Runs a console line on the served state.
    pub fn console(&self, line: &str) -> Value {
        let (status, body) = self.control("POST", "/_playground/console", &serde_json::json!({ "line": line }));
        assert_eq!(status, 200, "{body}");
        body
    }

    /// Sends SIGTERM (what Ctrl-C or a service manager sends), without waiting.
    pub fn terminate(&self) {
        let child = self.child.as_ref().expect("running");
        let pid = i32::try_from(child.id()).expect("pid");
        // SAFETY: sending a signal to our own child process.
        unsafe {
            libc::kill(pid, libc::SIGTERM);
        }
    }

    /// Sends SIGTERM and waits (at most 20 s) for the exit; the exit status and what it printed after the banner.
    pub fn stop(mut self) -> (ExitStatus, String) {
        self.terminate();
        let mut child = self.child.take().expect("running");
        let deadline = Instant::now() + Duration::from_secs(20);
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("the server did not stop within 20 s of SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut rest = String::new();
        let _ = self.stdout.read_to_string(&mut rest);
        (status, rest)
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Reads one HTTP/1.1 answer (with a Content-Length, chunked, or up to the end of the connection).
pub fn read_response(stream: &mut impl Read) -> HttpResponse {
    let mut reader = BufReader::new(stream);
    let mut status_line = String::new();
    reader.read_line(&mut status_line).expect("status line");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP status line: {status_line:?}"));
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("header");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((n, v)) = line.split_once(':') {
            headers.push((n.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let find = |name: &str| headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
    let mut body = Vec::new();
    if let Some(len) = find("content-length").and_then(|v| v.parse::<usize>().ok()) {
        body.resize(len, 0);
        reader.read_exact(&mut body).expect("body");
    } else if find("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).expect("chunk size");
            let size = usize::from_str_radix(size.trim(), 16).expect("chunk size");
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).expect("chunk");
            if size == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..size]);
        }
    } else {
        let _ = reader.read_to_end(&mut body);
    }
    HttpResponse { status, headers, body }
}
