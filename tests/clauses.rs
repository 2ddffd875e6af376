//! Every clause a rule quotes is its regulation's words (issue 28). Each regulation's text
//! is kept beside its rules, `src/regimes/<id>/text.txt` (a verbatim copy of the spec's
//! `regulations/<id>.txt`: tests/vendored.rs), and every clause the `rules` catalog returns
//! — the validity clause, eligibility and change rules, Wulong's fee table rows and
//! project classes — must be found in it.
//!
//! How a clause quotes (docs/adding-a-regulation.md, "Clauses"):
//!
//! - A clause is one or more fragments of the text joined by `……` (the Chinese ellipsis,
//!   two U+2026): `……` stands for words left out. It may begin or end with `……` (the quote
//!   starts or stops inside a sentence); two in a row, or a clause of nothing but `……`,
//!   are faults.
//! - Each fragment occurs in the text, and the fragments occur in the text's order, each
//!   after the end of the one before.
//! - Each fragment has at least [`MIN_FRAGMENT`] (3) characters, white space not counted:
//!   a fragment such as `项目` or `应当` occurs anywhere and proves nothing. (Wulong's annex
//!   needs 3: its table breaks across pages inside `软件测评等|费用。`, so the rows quote
//!   `软件测评等……费用。`, and a row's label, `续建项目`, is a fragment of its own.)
//! - Compared: both with white space removed (the texts break lines and put spaces around
//!   numbers: `200 万元` and `200万元` are the same words); the seven ASCII punctuation
//!   marks the texts use interchangeably with their full-width forms — `, ; : ( ) ! ?` —
//!   read as `，；：（）！？` (the source documents mix both widths for one mark). Nothing
//!   else is equated: `、` is not `，`, `。` is not `.`, quotation marks, brackets and every
//!   other character must be the text's own. A reworded or reordered clause fails.
//! - The text is read without its Markdown markup (the files are converted documents):
//!   heading marks (`#` at the start of a line), list bullets (`- ` at the start of a
//!   line), bold marks (`**`), table rows' cell borders (`|`) and table rule rows
//!   (`|---|--|`), horizontal rules (`---`). A table row reads as its cells in order.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a failed test"
)]

use govit_check::{Locale, Regime};
use std::path::{Path, PathBuf};

/// The fewest characters a fragment may have (white space not counted).
const MIN_FRAGMENT: usize = 3;
/// What joins fragments.
const ELLIPSIS: &str = "……";

/// The regulation's text file.
fn text_path(regime: Regime) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/regimes")
        .join(regime.name())
        .join("text.txt")
}

/// A character as compared: ASCII punctuation read as its full-width form.
fn width(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '!' => '！',
        '?' => '？',
        c => c,
    }
}

/// `s` as compared: white space removed, punctuation widths unified.
fn compared(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(width)
        .collect()
}

/// The text without its Markdown markup, as compared.
fn readable(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim();
        // Table rule rows and horizontal rules.
        if t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
            continue;
        }
        let t = t.trim_start_matches('#');
        let t = if t.len() < line.trim().len() {
            t.trim_start() // a heading's text
        } else {
            t.strip_prefix("- ").unwrap_or(t)
        };
        out.push_str(&t.replace("**", "").replace('|', ""));
        out.push('\n');
    }
    compared(&out)
}

/// Why `clause` does not quote `text` (the text as [`readable`] returns it), if it does not.
fn misquotes(clause: &str, text: &str) -> Option<String> {
    let fragments: Vec<String> = clause.split(ELLIPSIS).map(compared).collect();
    let last = fragments.len() - 1;
    if fragments.iter().all(String::is_empty) {
        return Some("quotes nothing".into());
    }
    let mut from = 0;
    for (i, f) in fragments.iter().enumerate() {
        if f.is_empty() {
            if i == 0 || i == last {
                continue;
            }
            return Some(format!(
                "`{ELLIPSIS}{ELLIPSIS}`: fragment {} is empty",
                i + 1
            ));
        }
        let n = f.chars().count();
        if n < MIN_FRAGMENT {
            return Some(format!(
                "fragment `{f}` has {n} characters, fewer than {MIN_FRAGMENT}"
            ));
        }
        match text.get(from..).and_then(|rest| rest.find(f.as_str())) {
            Some(at) => from += at + f.len(),
            None if text.contains(f.as_str()) => {
                return Some(format!("fragment `{f}` is out of the text's order"))
            }
            None => return Some(format!("fragment `{f}` is not in the text")),
        }
    }
    None
}

#[test]
fn every_clause_quotes_its_regulation() {
    let mut faults = Vec::new();
    let mut n = 0;
    for &regime in Regime::ALL {
        let path = text_path(regime);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (every regulation keeps its text beside its rules)",
                path.display()
            )
        });
        let text = readable(&text);
        for locale in [Locale::Zh, Locale::En] {
            let rules = govit_check::rules(regime, locale);
            assert!(!rules.is_empty(), "{regime}: no rules");
            for rule in rules {
                n += 1;
                if let Some(why) = misquotes(rule.clause, &text) {
                    if locale == Locale::Zh {
                        faults.push(format!("{} ({}): {why}", rule.id, rule.article));
                    }
                }
            }
        }
    }
    assert!(n > 100, "{n} clauses");
    assert!(
        faults.is_empty(),
        "{} clauses do not quote their regulation's text (src/regimes/<id>/text.txt) as \
         tests/clauses.rs reads it:\n  {}",
        faults.len(),
        faults.join("\n  ")
    );
}

/// The catalog's clauses are the same in every locale (a quote is not translated).
#[test]
fn a_clause_is_the_same_in_every_locale() {
    for &regime in Regime::ALL {
        let zh = govit_check::rules(regime, Locale::Zh);
        let en = govit_check::rules(regime, Locale::En);
        let clauses = |rules: &[govit_check::rules::RuleInfo]| {
            rules.iter().map(|r| (r.id, r.clause)).collect::<Vec<_>>()
        };
        assert_eq!(clauses(&zh), clauses(&en), "{regime}");
    }
}

/// The reading is strict: what is not the text's words fails, and only the stated
/// equivalences pass.
#[test]
fn the_reading_fails_what_is_not_the_text() {
    let text = readable(
        "# 示例办法\n\n**第十条** 总投资在 200 万元及以上的项目,应当实行监理制;\n\
         - （一）需求明确、技术先进；\n\
         | 名称 | 定义 |\n|--|--|\n| 摄像头。 | 纳入信息化经费。 |\n---\n",
    );
    let ok = |c: &str| assert_eq!(misquotes(c, &text), None, "{c}");
    let fails = |c: &str, why: &str| {
        let got = misquotes(c, &text).unwrap_or_default();
        assert!(got.contains(why), "{c}: {got:?}, not {why:?}");
    };
    // Verbatim, whitespace aside, either width of , ; ( ).
    ok("总投资在200万元及以上的项目，应当实行监理制；");
    ok("总投资在 200 万元及以上的项目,应当实行监理制;");
    ok("（一）需求明确、技术先进；");
    ok("(一)需求明确、技术先进;");
    // Fragments in order; an open start or end; Markdown markup not read.
    ok("总投资在200万元……应当实行监理制；");
    ok("……及以上的项目，应当……");
    ok("第十条总投资在");
    ok("摄像头。纳入信息化经费。");
    ok("示例办法第十条");
    // A paraphrase, other punctuation, out of order, stitched short pieces, markup.
    fails("总投资200万元以上的项目应当实行监理制。", "not in the text");
    fails(
        "总投资在200万元及以上的项目、应当实行监理制；",
        "not in the text",
    );
    fails(
        "总投资在200万元及以上的项目，应当实行监理制。",
        "not in the text",
    );
    fails("应当实行监理制……总投资在200万元", "out of the text's order");
    fails("总投资……项目……监理", "fewer than 3");
    fails("总投资在200万元…………应当实行监理制", "is empty");
    fails("……", "quotes nothing");
    fails("", "quotes nothing");
    fails("| 摄像头。 |", "not in the text");
    fails("**第十条**", "not in the text");
    fails(
        "总投资在200万元……总投资在200万元",
        "out of the text's order",
    );
}
