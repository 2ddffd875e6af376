//! JSON Lines batches, fed in chunks of any size: what `govit-check batch` reads from a
//! file or stdin and what `POST /v1/batch` reads from a request body, answered alike.
//!
//! Each line `{"id", "check", "input"}` is answered in order by
//! [`govit_check::batch_bytes_into`]: a line longer than the input limit is answered
//! `too_large` in its place (with the id it holds before the limit) and skipped to its
//! end (no more than the limit and one byte is ever held); a line that is not UTF-8 or
//! not JSON is answered `invalid_json`, with its id when it holds one before the fault;
//! blank lines get no answer (docs/batch.md); a byte order mark before the first line is
//! dropped; `\r\n` ends a line as `\n` does.

use govit_check::limits::MAX_INPUT_BYTES;

/// The state between chunks.
pub struct Batch {
    /// The line read so far (at most the limit and a `\r`).
    line: Vec<u8>,
    /// The line is over the limit: the rest of it is skipped.
    over: bool,
    /// Nothing has been answered yet (a BOM may start the first line).
    first: bool,
    /// The locale of every line whose input names none (`--locale`, `?locale=`).
    locale: Option<govit_check::Locale>,
    /// Answers written.
    answered: u64,
}

impl Default for Batch {
    fn default() -> Batch {
        Batch::new()
    }
}

impl Batch {
    /// Before the first byte.
    pub fn new() -> Batch {
        Batch::with_locale(None)
    }

    /// Before the first byte, answering every line whose input names no `locale` in
    /// `locale` (revision 3: `batch --locale en`, `POST /v1/batch?locale=en`).
    pub fn with_locale(locale: Option<govit_check::Locale>) -> Batch {
        Batch {
            line: Vec::with_capacity(1 << 12),
            over: false,
            first: true,
            locale,
            answered: 0,
        }
    }

    /// Answers every line `chunk` completes, appending the answers (each ending in `\n`)
    /// to `out`.
    pub fn feed(&mut self, chunk: &[u8], out: &mut String) {
        self.feed_some(chunk, out, usize::MAX);
    }

    /// [`Batch::feed`], stopping after the first line end at which `out` holds `bound`
    /// bytes or more: returns how much of `chunk` was taken (the rest is to be fed
    /// again). So the answers held at once are `bound` and one answer at most, however
    /// much a chunk's lines answer (the service streams a batch in such pieces).
    pub fn feed_some(&mut self, chunk: &[u8], out: &mut String, bound: usize) -> usize {
        let mut rest = chunk;
        while let Some(i) = memchr::memchr(b'\n', rest) {
            let (part, after) = rest.split_at(i);
            self.take(part);
            self.end_line(out);
            rest = after.get(1..).unwrap_or_default();
            if out.len() >= bound {
                return chunk.len() - rest.len();
            }
        }
        self.take(rest);
        chunk.len()
    }

    /// How many answers were written so far.
    pub fn answered(&self) -> u64 {
        self.answered
    }

    /// Answers the last line when the input does not end with a line end.
    pub fn finish(&mut self, out: &mut String) {
        if self.over || !self.line.is_empty() {
            self.end_line(out);
        }
    }

    fn take(&mut self, part: &[u8]) {
        // The limit and one byte past it (so the line is known to be over it), and room
        // for a `\r` before the `\n`; the rest of an over-long line is dropped.
        let room = (MAX_INPUT_BYTES + 2).saturating_sub(self.line.len());
        if part.len() > room {
            self.over = true;
        }
        self.line
            .extend_from_slice(part.get(..room.min(part.len())).unwrap_or_default());
    }

    fn end_line(&mut self, out: &mut String) {
        let mut body: &[u8] = &self.line;
        if !self.over {
            body = body.strip_suffix(b"\r").unwrap_or(body);
        }
        if self.first {
            body = strip_bom(body);
            self.first = false;
        }
        // Blank lines get no answer; every other line one, in order.
        if self.over || !govit_check::is_blank_line(body) {
            govit_check::batch_bytes_into_with_locale(body, self.locale, out);
            out.push('\n');
            self.answered += 1;
        }
        self.line.clear();
        self.over = false;
        if self.line.capacity() > 1 << 16 {
            // A long line's room is not kept for the short lines after it.
            self.line.shrink_to(1 << 12);
        }
    }
}

/// The bytes without a leading UTF-8 byte order mark (what some editors save).
pub fn strip_bom(s: &[u8]) -> &[u8] {
    s.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(s)
}

/// `{"error": {"code": "too_large", "field": "", ...}}` for an input over the limit.
pub fn too_large_answer() -> String {
    let e = govit_check::Error::TooLarge {
        field: String::new(),
        limit: govit_check::Limit::InputBytes(MAX_INPUT_BYTES),
    };
    govit_check::error_json(&e, govit_check::Locale::Zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(chunks: &[&[u8]]) -> String {
        run_in(None, chunks)
    }

    fn run_in(locale: Option<govit_check::Locale>, chunks: &[&[u8]]) -> String {
        let mut b = Batch::with_locale(locale);
        let mut out = String::new();
        for c in chunks {
            b.feed(c, &mut out);
        }
        b.finish(&mut out);
        out
    }

    /// However the input is cut into chunks, the answers are the same.
    #[test]
    fn chunking_does_not_matter() {
        let text = "\u{feff}{\"id\":1,\"check\":\"version\",\"input\":{}}\r\n\n  \n{\"id\":2,\"check\":\"nope\",\"input\":{}}\n{\"id\":3,\"check\":\"version\",\"input\":{}}";
        let whole = run(&[text.as_bytes()]);
        assert_eq!(whole.lines().count(), 3, "{whole}");
        assert!(whole.starts_with("{\"id\":1,\"verdict\":"), "{whole}");
        for size in [1, 2, 3, 7, 64] {
            let chunks: Vec<&[u8]> = text.as_bytes().chunks(size).collect();
            assert_eq!(run(&chunks), whole, "chunks of {size}");
        }
    }

    /// Revision 3: a batch's locale answers every line whose input names none, verdicts
    /// and errors alike; a line's own locale wins; without one, Chinese as before.
    #[test]
    fn the_batch_locale_sets_lines_without_one() {
        let en = Some(govit_check::Locale::En);
        let text = concat!(
            r#"{"id":1,"check":"change","input":{"regime":"baotou","as_of":"2026-06-15","approved_total":"100","items":[]}}"#,
            "\n",
            r#"{"id":2,"check":"change","input":{"regime":"baotou","locale":"zh-CN","as_of":"2026-06-15","approved_total":"100","items":[]}}"#,
            "\n",
            r#"{"id":3,"check":"eligibility","input":{"regime":"beijing"}}"#,
            "\n",
            r#"{"id":4,"check":"eligibility","input":{"regime":"wulong","locale":null}}"#,
            "\n",
            r#"{"id":5,"check":"form","input":{"regime":"chuxiong"}}"#,
            "\n",
        );
        let out = run_in(en, &[text.as_bytes()]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 5, "{out}");
        assert!(
            lines[0].contains("Please answer") && !lines[0].contains("请回答"),
            "{}",
            lines[0]
        );
        assert!(lines[1].contains("请回答"), "{}", lines[1]);
        assert!(
            lines[2].contains("\"message\":\"Unknown regime"),
            "{}",
            lines[2]
        );
        assert!(lines[3].contains("Please answer"), "{}", lines[3]);
        let form_en = govit_check::evaluate_str("form", r#"{"regime":"chuxiong","locale":"en"}"#);
        assert_eq!(lines[4], format!("{{\"id\":5,\"verdict\":{form_en}}}"));
        // Without a locale: Chinese, byte for byte what each line gets alone.
        let zh = run(&[text.as_bytes()]);
        assert!(
            zh.lines().next().is_some_and(|l| l.contains("请回答")),
            "{zh}"
        );
        assert_eq!(run_in(None, &[text.as_bytes()]), zh);
    }

    /// Fed in bounded pieces, the answers are the same, and each piece holds no more than
    /// the bound and one answer.
    #[test]
    fn bounded_pieces_give_the_same_answers() {
        let line = "{\"id\":1,\"check\":\"version\",\"input\":{}}\n";
        let text = line.repeat(50);
        let whole = run(&[text.as_bytes()]);
        let one = whole.lines().next().map_or(0, str::len) + 1;
        let mut b = Batch::new();
        let mut all = String::new();
        let mut rest = text.as_bytes();
        while !rest.is_empty() {
            let mut out = String::new();
            let n = b.feed_some(rest, &mut out, 3 * one);
            assert!(n > 0 && out.len() <= 3 * one, "{n} {}", out.len());
            all.push_str(&out);
            rest = &rest[n..];
        }
        b.finish(&mut all);
        assert_eq!(all, whole);
        assert_eq!(b.answered(), 50);
    }

    #[test]
    fn a_long_line_is_too_large_and_the_next_is_answered() {
        let long = vec![b'x'; MAX_INPUT_BYTES + 2];
        let out = run(&[
            &long,
            b"\n",
            b"{\"id\":\"a\",\"check\":\"version\",\"input\":{}}\n",
        ]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert!(lines[0].contains("\"too_large\""), "{}", lines[0]);
        assert!(lines[1].starts_with("{\"id\":\"a\",\"verdict\""));
        // A line exactly at the limit, with \r\n, is read.
        let mut at = b"{\"id\":\"b\",\"check\":\"version\",\"input\":{}}".to_vec();
        at.resize(MAX_INPUT_BYTES, b' ');
        at.extend_from_slice(b"\r\n");
        assert!(run(&[&at]).starts_with("{\"id\":\"b\",\"verdict\""));
    }
}
