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
        "rules" => {
            let regime = positional
                .first()
                .filter(|r| !r.starts_with('-'))
                .ok_or("rules needs a REGIME")?;
            let locale = flag("--locale").unwrap_or("zh-CN");
            let input = format!(
                "{{\"regime\":{},\"locale\":{}}}",
                json_string(regime),
                json_string(locale)
            );
            emit(&govit_check::evaluate_str("rules", &input), true)
        }
        check if govit_check::CHECKS.contains(&check) => {
            let bytes = read_input(positional.first().copied())?;
            emit(
                &govit_check::evaluate_bytes(check, strip_bom(&bytes)),
                pretty,
            )
        }
        other => Err(format!("unknown command {other:?}")),
    }
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Without a leading UTF-8 byte-order mark (what some editors save).
fn strip_bom(s: &[u8]) -> &[u8] {
    s.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(s)
}

/// The input's bytes, no more than one past `MAX_INPUT_BYTES` (the library answers a
/// longer input `too_large`).
fn read_input(path: Option<&str>) -> Result<Vec<u8>, String> {
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
    Ok(bytes)
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
        let mut body = line.strip_suffix(b"\n").unwrap_or(&line);
        body = body.strip_suffix(b"\r").unwrap_or(body);
        if body.len() > limit && !line.ends_with(b"\n") {
            skip_line(&mut reader)?;
        }
        if first {
            body = strip_bom(body);
            first = false;
        }
        // Blank lines get no answer; every other line one, in order (docs/batch.md).
        if govit_check::is_blank_line(body) {
            continue;
        }
        // Not UTF-8, over the size limit (at most one byte past it is here) or not JSON:
        // an error answer, with the line's id when it holds one before the fault.
        govit_check::batch_bytes_into(body, &mut answers);
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
