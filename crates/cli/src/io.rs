//! Reading inputs and writing answers: files or stdin in, stdout out, every failure to
//! read or write reported (a reader that went away, `| head`, ends the run quietly).

use crate::batch::Batch;
use govit_check::limits::MAX_INPUT_BYTES;
use govit_check::Locale;
use std::borrow::Cow;
use std::io::{self, Read, Write};
use std::path::Path;

/// Why the run stops before its end.
pub enum Failure {
    /// The reader of the output went away: nothing more to say.
    Quiet,
    /// A file cannot be read or the output cannot be written.
    Message(String),
}

impl Failure {
    fn write(e: &io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::Quiet
        } else {
            Failure::Message(format!("cannot write the output: {e}"))
        }
    }
}

/// `-` (or no path) is stdin.
fn is_stdin(path: Option<&Path>) -> bool {
    path.is_none_or(|p| p.as_os_str() == "-")
}

fn open(path: &Path) -> Result<std::fs::File, Failure> {
    std::fs::File::open(path)
        .map_err(|e| Failure::Message(format!("cannot read {}: {e}", path.display())))
}

/// The input's bytes, no more than one past `MAX_INPUT_BYTES` (the library answers a
/// longer input `too_large`).
pub fn read_input(path: Option<&Path>) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(MAX_INPUT_BYTES)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let read = if is_stdin(path) {
        io::stdin().lock().take(cap).read_to_end(&mut bytes)
    } else {
        let p = path.unwrap_or(Path::new("-"));
        open(p)?.take(cap).read_to_end(&mut bytes)
    };
    read.map_err(|e| Failure::Message(format!("cannot read the input: {e}")))?;
    Ok(bytes)
}

/// The answer of `check` to an input given as bytes (a file, stdin, a request body),
/// with its `locale` set to `locale` when given: a leading byte order mark is dropped;
/// bytes that are not UTF-8 are `invalid_json` at the offset of the first bad byte.
pub fn answer_bytes(check: &str, bytes: &[u8], locale: Option<Locale>) -> String {
    let bytes = crate::batch::strip_bom(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => govit_check::evaluate_str(check, &with_locale(text, locale)),
        Err(_) => govit_check::evaluate_bytes(check, bytes),
    }
}

/// The input with its `locale` set to `locale` (when given): `"locale"` is added as the
/// object's last key, and the last of repeated keys is the one read. Text that is not an
/// object is left as it is (it is refused as a whole anyway).
pub fn with_locale(text: &str, locale: Option<Locale>) -> Cow<'_, str> {
    let Some(locale) = locale else {
        return Cow::Borrowed(text);
    };
    let trimmed = text.trim_end();
    let inner = trimmed
        .trim_start()
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'));
    match inner {
        Some(inner) => {
            let head = &trimmed[..trimmed.len() - 1];
            let sep = if inner.trim().is_empty() { "" } else { "," };
            Cow::Owned(format!("{head}{sep}\"locale\":\"{}\"}}", locale.tag()))
        }
        None => Cow::Borrowed(text),
    }
}

/// A JSON string literal.
pub fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Writes bytes to stdout and flushes.
pub fn write_all(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Failure::write(&e))
}

/// Writes one answer and a line end (indented with `pretty`).
pub fn emit(json: &str, pretty: bool) -> Result<(), Failure> {
    let mut text = if pretty {
        serde_json::from_str::<serde_json::Value>(json)
            .and_then(|v| serde_json::to_string_pretty(&v))
            .unwrap_or_else(|_| json.to_string())
    } else {
        json.to_string()
    };
    text.push('\n');
    write_all(text.as_bytes())
}

/// `govit-check batch`: every line answered in order, written in chunks of about 64 KB
/// (one reused buffer: no allocation of its own per line).
pub fn batch(path: Option<&Path>, locale: Option<govit_check::Locale>) -> Result<(), Failure> {
    const CHUNK: usize = 1 << 16;
    let mut input: Box<dyn Read> = if is_stdin(path) {
        Box::new(io::stdin().lock())
    } else {
        Box::new(open(path.unwrap_or(Path::new("-")))?)
    };
    let mut out = io::stdout().lock();
    let mut answers = String::with_capacity(2 * CHUNK);
    let mut buf = vec![0u8; CHUNK];
    let mut lines = Batch::with_locale(locale);
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Failure::Message(format!("cannot read the input: {e}"))),
        };
        lines.feed(buf.get(..n).unwrap_or_default(), &mut answers);
        if answers.len() >= CHUNK {
            out.write_all(answers.as_bytes())
                .map_err(|e| Failure::write(&e))?;
            answers.clear();
        }
    }
    lines.finish(&mut answers);
    out.write_all(answers.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::write(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_is_set_as_the_last_key() {
        let en = Some(Locale::En);
        assert_eq!(with_locale("{}", en), r#"{"locale":"en"}"#);
        assert_eq!(with_locale(" { } \n", en), r#" { "locale":"en"}"#);
        assert_eq!(
            with_locale(r#"{"regime":"baotou","locale":"zh"}"#, en),
            r#"{"regime":"baotou","locale":"zh","locale":"en"}"#
        );
        assert_eq!(with_locale("[1]", en), "[1]");
        assert_eq!(with_locale("{}", None), "{}");
        // The last `locale` is the one read.
        let v: serde_json::Value = serde_json::from_str(&govit_check::evaluate_str(
            "eligibility",
            &with_locale(r#"{"regime":"beijing","locale":"zh-CN"}"#, en),
        ))
        .unwrap_or_default();
        let msg = v["error"]["message"].as_str().unwrap_or_default();
        assert!(msg.starts_with("Unknown regime"), "{msg}");
    }
}
