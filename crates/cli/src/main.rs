//! `govit-check`: the command line. One JSON input → one JSON verdict, or JSON Lines in
//! batch. Exit status is non-zero only for usage errors (bad arguments, unreadable file);
//! an input error is a JSON answer like any other.

#![forbid(unsafe_code)]

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
govit-check — 政务信息化项目合规检查 (rules engine for local government IT project regulations)

USAGE:
    govit-check <CHECK> [FILE|-] [--pretty]   one JSON input (file or stdin) → one JSON verdict
    govit-check batch [FILE|-]                JSON Lines {\"id\",\"check\",\"input\"} → {\"id\",\"verdict\"|\"error\"}
    govit-check regimes [--as-of YYYY-MM-DD]  the five regulations and their status
    govit-check rules REGIME [--locale en]    the rule catalog of a regime
    govit-check form REGIME [--locale en]     the questions a regime asks, in sections (for a form)
    govit-check version                       the ruleset version

CHECKS:
    eligibility     may this project be declared, by which route, with which documents
    cost            is a budget line IT spending under Wulong's fee boundary table
    costs           a whole budget: every line and the totals
    project_class   construction, maintenance or continuation (Wulong annex)
    change          may an approved project be changed without a new approval

Exit status: 0 unless the arguments are wrong or the file cannot be read (2).
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("govit-check: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => return Err("missing command".into()),
    };
    let pretty = rest.iter().any(|a| a == "--pretty");
    let positional: Vec<&str> = rest
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with("--") || *a == "-")
        .collect();
    let flag = |name: &str| -> Option<&str> {
        rest.iter()
            .position(|a| a == name)
            .and_then(|i| rest.get(i + 1))
            .map(String::as_str)
    };
    match cmd {
        "-h" | "--help" | "help" => {
            let _ = write!(io::stdout().lock(), "{USAGE}");
            Ok(())
        }
        "-V" | "--version" | "version" => {
            let _ = writeln!(io::stdout().lock(), "{}", govit_check::version());
            Ok(())
        }
        "batch" => batch(positional.first().copied()),
        "regimes" => {
            let input = match flag("--as-of") {
                Some(d) => format!("{{\"as_of\":{}}}", json_string(d)),
                None => "{}".into(),
            };
            emit(&govit_check::evaluate_str("regimes", &input), true)
        }
        "rules" | "form" => {
            let regime = positional
                .first()
                .filter(|r| !r.starts_with('-'))
                .ok_or(format!("{cmd} needs a REGIME"))?;
            let locale = flag("--locale").unwrap_or("zh-CN");
            let input = format!(
                "{{\"regime\":{},\"locale\":{}}}",
                json_string(regime),
                json_string(locale)
            );
            emit(
                &govit_check::evaluate_str(cmd, &input),
                pretty || cmd == "rules",
            )
        }
        check if govit_check::CHECKS.contains(&check) => {
            match read_input(positional.first().copied())? {
                Ok(text) => emit(&govit_check::evaluate_str(check, strip_bom(&text)), pretty),
                Err(answer) => emit(&answer, pretty),
            }
        }
        other => Err(format!("unknown command {other:?}")),
    }
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}

/// The input text, or the `too_large` answer when it is longer than
/// `MAX_INPUT_BYTES` (no more than one byte past the limit is read).
fn read_input(path: Option<&str>) -> Result<Result<String, String>, String> {
    let limit = govit_check::limits::MAX_INPUT_BYTES;
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    match path {
        None | Some("-") => io::stdin()
            .lock()
            .take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read stdin: {e}"))?,
        Some(p) => std::fs::File::open(p)
            .and_then(|f| f.take(cap).read_to_end(&mut bytes))
            .map_err(|e| format!("cannot read {p}: {e}"))?,
    };
    if bytes.len() > limit {
        return Ok(Err(too_large_answer()));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Ok(text)),
        // Not UTF-8: reported as invalid JSON, like a batch line.
        Err(e) => Ok(Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())),
    }
}

/// `{"error": {"code": "too_large", "field": "", ...}}` for an input over the limit.
fn too_large_answer() -> String {
    let e = govit_check::Error::TooLarge {
        field: String::new(),
        limit: govit_check::Limit::InputBytes(govit_check::limits::MAX_INPUT_BYTES),
    };
    govit_check::error_json(&e, govit_check::Locale::Zh)
}

fn emit(json: &str, pretty: bool) -> Result<(), String> {
    let out = if pretty {
        serde_json::from_str::<serde_json::Value>(json)
            .and_then(|v| serde_json::to_string_pretty(&v))
            .unwrap_or_else(|_| json.to_string())
    } else {
        json.to_string()
    };
    // A reader that went away (`| head`) is not an error worth a panic.
    let _ = writeln!(io::stdout().lock(), "{out}");
    Ok(())
}

/// Discards the rest of an over-long line, up to and including its `\n`.
fn skip_line(reader: &mut dyn BufRead) -> Result<(), String> {
    loop {
        let buf = reader.fill_buf().map_err(|e| format!("read error: {e}"))?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let len = buf.len();
                reader.consume(len);
            }
        }
    }
}

fn batch(path: Option<&str>) -> Result<(), String> {
    let reader: Box<dyn BufRead> = match path {
        None | Some("-") => Box::new(io::stdin().lock()),
        Some(p) => Box::new(io::BufReader::new(
            std::fs::File::open(p).map_err(|e| format!("cannot read {p}: {e}"))?,
        )),
    };
    // The answers are appended to one buffer, written out in chunks of about 64 KB: no
    // allocation and no copy of its own per line.
    const CHUNK: usize = 1 << 16;
    let mut out = io::stdout().lock();
    let mut answers = String::with_capacity(2 * CHUNK);
    let mut reader = reader;
    let limit = govit_check::limits::MAX_INPUT_BYTES;
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(2);
    let mut first = true;
    // One line buffer for the whole run.
    let mut line = Vec::with_capacity(1 << 12);
    loop {
        // Reads one line, but never more than the input limit (plus its line end) into
        // memory: a longer line is answered `too_large` and skipped to its end.
        line.clear();
        let n = (&mut reader)
            .take(cap)
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("read error: {e}"))?;
        if n == 0 {
            break;
        }
        let body = line.strip_suffix(b"\n").unwrap_or(&line);
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        if body.len() > limit {
            if !line.ends_with(b"\n") {
                skip_line(&mut reader)?;
            }
            first = false;
            answers.push_str("{\"id\":null,");
            answers.push_str(too_large_answer().get(1..).unwrap_or("}"));
        } else {
            // A line that is not UTF-8 is reported in place as invalid JSON. (`from_utf8`
            // first: it validates several times faster than the lossy decoder.)
            let text = match std::str::from_utf8(body) {
                Ok(s) => std::borrow::Cow::Borrowed(s),
                Err(_) => String::from_utf8_lossy(body),
            };
            let mut text: &str = &text;
            if first {
                text = strip_bom(text);
                first = false;
            }
            if text.trim().is_empty() {
                continue;
            }
            govit_check::batch_line_into(text, &mut answers);
        }
        answers.push('\n');
        if answers.len() >= CHUNK {
            if out.write_all(answers.as_bytes()).is_err() {
                // The reader went away (e.g. `| head`): stop quietly.
                return Ok(());
            }
            answers.clear();
        }
    }
    out.write_all(answers.as_bytes()).ok();
    out.flush().ok();
    Ok(())
}
