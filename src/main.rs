//! `govit-check`: the command line. One JSON input → one JSON verdict, or JSON Lines in
//! batch. Exit status is non-zero only for usage errors (bad arguments, unreadable file);
//! an input error is a JSON answer like any other.

#![forbid(unsafe_code)]

use std::io::{self, BufRead, BufWriter, Read, Write};
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
            let text = read_input(positional.first().copied())?;
            emit(&govit_check::evaluate_str(check, strip_bom(&text)), pretty)
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

fn read_input(path: Option<&str>) -> Result<String, String> {
    let mut text = String::new();
    match path {
        None | Some("-") => io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read stdin: {e}"))?,
        Some(p) => {
            return std::fs::read_to_string(p).map_err(|e| format!("cannot read {p}: {e}"));
        }
    };
    Ok(text)
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

fn batch(path: Option<&str>) -> Result<(), String> {
    let reader: Box<dyn BufRead> = match path {
        None | Some("-") => Box::new(io::stdin().lock()),
        Some(p) => Box::new(io::BufReader::new(
            std::fs::File::open(p).map_err(|e| format!("cannot read {p}: {e}"))?,
        )),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut first = true;
    for line in reader.split(b'\n') {
        let line = line.map_err(|e| format!("read error: {e}"))?;
        // A line that is not UTF-8 is reported in place as invalid JSON.
        let text = String::from_utf8_lossy(&line);
        let mut text = text.trim_end_matches('\r');
        if first {
            text = strip_bom(text);
            first = false;
        }
        if text.trim().is_empty() {
            continue;
        }
        let answer = govit_check::batch_line(text);
        if writeln!(out, "{answer}").is_err() {
            // The reader went away (e.g. `| head`): stop quietly.
            return Ok(());
        }
    }
    out.flush().ok();
    Ok(())
}
