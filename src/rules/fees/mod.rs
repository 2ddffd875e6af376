//! Fee tables: is a budget line IT spending (纳入信息化经费) under a regulation's fee
//! boundary table, not, or waiting for an evaluation or an answer?
//!
//! A regulation that has such a table carries it as data in its own folder (a
//! [`FeeTable`], which its `Spec` points to): the rows in the table's order, each with its
//! item code, label, treatment, the conditions it needs and the text it rests on; the
//! conditions the table names; the rows of the text that name several items. This module
//! is the engine every table runs on: finding a row by code, label or synonym
//! ([`FeeTable::lookup`]), suggestions for a name that is none ([`FeeTable::suggest`]),
//! the decision on the answers given ([`decide`]) and its message ([`message`]). A case
//! such as Wulong's phone terminal (one answer chooses which conditions apply) is a
//! [`Switch`] in the row's data, not a branch here.

pub mod read;
mod similar;

use crate::locale::{en_str, fnv, English, Locale, Shown, Text, DIGEST_START};
use crate::names::named;
use std::sync::OnceLock;

named! {
    /// The table's column for an item: 纳入, 不纳入, or included only under conditions.
    pub enum Treatment {
        Included = "included", "纳入信息化经费", "included in IT spending";
        Excluded = "excluded", "不纳入信息化经费", "not IT spending";
        Conditional = "conditional", "满足条件或经评估后纳入", "included only under conditions";
    }
}

named! {
    /// The decision for one budget line.
    pub enum Decision {
        Included = "included", "纳入信息化经费", "IT spending";
        Excluded = "excluded", "不纳入信息化经费", "not IT spending";
        PendingAssessment = "pending_assessment", "待评估", "waits for the evaluation";
        NeedsInformation = "needs_information", "待补充信息", "needs more answers";
    }
}

/// A condition a table attaches to its rows: an input bool under `conditions`, by its
/// name. The condition whose name is [`ASSESSED`] is the evaluation (经评估通过): a line
/// waiting only for it is `pending_assessment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Condition {
    /// The input name (`closely_related`).
    pub name: &'static str,
    /// What it says, in both languages.
    pub label: Text,
}

/// The name of the evaluation condition (经评估通过).
pub const ASSESSED: &str = "assessed";

impl Condition {
    /// A condition (its label: `Text::new` of two literals, which build.rs collects).
    pub const fn new(name: &'static str, label: Text) -> Condition {
        Condition { name, label }
    }

    /// The input name.
    pub const fn name(self) -> &'static str {
        self.name
    }

    /// The label in `locale`.
    pub fn label(self, locale: Locale) -> &'static str {
        self.label.get(locale)
    }
}

/// What a row needs to count as IT spending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Nothing: the treatment is the decision (`included` or `excluded`).
    Nothing,
    /// Every listed condition, in the table's order.
    All(&'static [Condition]),
    /// One answer chooses which conditions apply (asked first while unanswered).
    Switch(&'static Switch),
}

/// A row whose conditions depend on one answer: Wulong's 数据采集终端 — a dedicated
/// terminal is included, a mobile phone needs `closely_related` and `assessed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Switch {
    /// The answer that chooses.
    pub on: Condition,
    /// When it is false.
    pub off: Branch,
    /// When it is true.
    pub on_true: Branch,
    /// The message while it is unanswered (after the row's label): both cases, and the
    /// question.
    pub ask: Text,
}

/// One case of a [`Switch`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Branch {
    /// The conditions of this case (none: included).
    pub needs: &'static [Condition],
    /// Said after the row's label in the message (`（手机终端）` / `, a mobile phone`);
    /// empty for nothing.
    pub subject: Text,
    /// The message after the label when this case needs nothing (`为专用采集终端，…`).
    pub met: Text,
}

/// One row of a fee table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeeRow {
    /// The item code (`camera`).
    pub code: &'static str,
    /// The rule id, `<regime>.annex.<code>`.
    pub rule: &'static str,
    /// The exact Chinese label (`摄像头`).
    pub label: &'static str,
    /// A short English title (`English::new("…")`).
    pub title_en: English,
    /// The table's treatment.
    pub treatment: Treatment,
    /// The conditions for a `conditional` item.
    pub needs: Needs,
    /// The text the decision rests on.
    pub basis: &'static str,
    /// What the applicant must also know about this item, if anything.
    pub note: Option<Text>,
}

/// A regulation's fee boundary table.
pub struct FeeTable {
    /// The table as messages name it (`《武隆区政务信息化项目申报范围及边界》`).
    pub name: Text,
    /// The table as a reading names it (`《申报范围及边界》` / `the annex`).
    pub short_name: Text,
    /// How the catalog cites it (`附件《…》`).
    pub article: &'static str,
    /// The conditions its rows name, in the order a form asks them.
    pub conditions: &'static [Condition],
    /// The rows, in the table's order.
    pub rows: &'static [FeeRow],
    /// The rows of the text whose item column names several items, each with the codes
    /// of its items in the table's order (revision 2: the whole text of such a row is
    /// not one budget line).
    pub several: &'static [(&'static str, &'static [&'static str])],
    /// The words real budgets use for its rows, as the reader reads them ([`read`]; the
    /// text's lines are described in docs/cost.md). Like the catalogs' texts, it is in the
    /// library with the `catalog` feature; without it (the npm package's `.wasm`) it is an
    /// asset the binding hands over when first needed ([`FeeTable::load_reading`]).
    pub reading: Shown<&'static str>,
    /// The digest of that text ([`reading_digest`]), in every build: a text handed over by
    /// [`FeeTable::load_reading`] is read only when it is this build's (a stale or altered
    /// asset is refused, never half used).
    reading_digest: u32,
    index: OnceLock<Vec<(String, usize)>>,
    several_keys: OnceLock<Vec<String>>,
    lexicon: OnceLock<read::Lexicon>,
    candidates: OnceLock<Vec<similar::Candidate>>,
}

impl std::fmt::Debug for FeeTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FeeTable")
            .field("name", &self.name.zh)
            .field("rows", &self.rows.len())
            .field("lexicon", &self.lexicon.get().is_some())
            .finish_non_exhaustive()
    }
}

named! {
    /// How an item was found: by its code, its exact label, or a reading of its words.
    pub enum By {
        Code = "code", "按代码", "by its code";
        Label = "label", "按名称", "by its label";
        Reading = "reading", "按用语识别", "read from its words";
    }
}

/// What an item names in a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// One row.
    Row(&'static FeeRow, By),
    /// Several rows (at least two), the object's first: the applicant chooses one or,
    /// when `split`, splits the line, which joins several items.
    Several {
        /// The rows.
        rows: Vec<&'static FeeRow>,
        /// The line joins several items.
        split: bool,
    },
    /// No row: the closest codes (or, for the whole text of a row of the table that names
    /// several items, that row's codes first).
    Unknown {
        /// Suggested codes, best first (possibly none).
        suggestions: Vec<&'static str>,
        /// The item is the whole text of a row that names several items.
        several: bool,
    },
}

/// A table's reading data as [`FeeTable::new`] takes it: its text (only with the `catalog`
/// feature) and the digest of that text (always). Written by [`reading!`].
#[derive(Clone, Copy)]
pub struct Reading {
    /// The text ([`shown!`](crate::locale::shown)).
    pub text: Shown<&'static str>,
    /// Its [`reading_digest`].
    pub digest: u32,
}

/// The digest of a reading text as the package ships it (pkg-config/catalogs.mjs): its
/// lines without the comment lines (`#` first) and the blank ones — blanks being spaces,
/// tabs and CRs —, each followed by a line feed; a 32-bit FNV-1a hash of those bytes.
/// A `const fn`, so that a build without the text still knows the digest of it.
pub const fn reading_digest(text: &str) -> u32 {
    let b = text.as_bytes();
    let mut h = DIGEST_START;
    let mut start = 0;
    while start < b.len() {
        let mut end = start;
        while end < b.len() && b[end] != b'\n' {
            end += 1;
        }
        // The line's first byte that is no blank.
        let mut first = start;
        while first < end && matches!(b[first], b' ' | b'\t' | b'\r') {
            first += 1;
        }
        if first < end && b[first] != b'#' {
            let mut i = start;
            while i < end {
                h = fnv(h, b[i]);
                i += 1;
            }
            h = fnv(h, b'\n');
        }
        start = end + 1;
    }
    h
}

impl std::fmt::Debug for Reading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reading")
            .field("digest", &self.digest)
            .finish_non_exhaustive()
    }
}

/// `reading!(include_str!("reading.txt"))`: a fee table's [`Reading`] — its text where the
/// library carries its catalogs, and in every build the digest a loaded asset must have
/// (computed at compile time: the text itself is not written into a build without it).
macro_rules! reading {
    ($text:expr) => {
        $crate::rules::fees::Reading {
            text: $crate::locale::shown!($text),
            digest: const { $crate::rules::fees::reading_digest($text) },
        }
    };
}
pub(crate) use reading;

impl FeeTable {
    /// A table (see the fields).
    pub const fn new(
        name: Text,
        short_name: Text,
        article: &'static str,
        conditions: &'static [Condition],
        rows: &'static [FeeRow],
        several: &'static [(&'static str, &'static [&'static str])],
        reading: Reading,
    ) -> FeeTable {
        FeeTable {
            name,
            short_name,
            article,
            conditions,
            rows,
            several,
            reading: reading.text,
            reading_digest: reading.digest,
            index: OnceLock::new(),
            several_keys: OnceLock::new(),
            lexicon: OnceLock::new(),
            candidates: OnceLock::new(),
        }
    }

    /// The table's lexicon, parsed once: with the `catalog` feature from the text the
    /// library holds, without it as [`FeeTable::load_reading`] gave it (`None` until then).
    pub fn lexicon(&self) -> Option<&read::Lexicon> {
        #[cfg(feature = "catalog")]
        if self.lexicon.get().is_none() {
            // The tables' tests hold that their texts parse.
            let _ = self.load_reading(self.reading.get());
        }
        self.lexicon.get()
    }

    /// Gives the table its lexicon's text (the npm package's asset `reading.<regime>`),
    /// once: a later text is not read.
    ///
    /// # Errors
    /// A fault in the text: a line of no known form, a row the table does not have.
    pub fn load_reading(&self, text: &str) -> Result<(), read::LexiconError> {
        if reading_digest(text) != self.reading_digest {
            return Err(read::LexiconError {
                line: 0,
                what: "not this build's reading data (its digest differs)".into(),
            });
        }
        if self.lexicon.get().is_none() {
            let codes: Vec<&str> = self.rows.iter().map(|r| r.code).collect();
            let _ = self.lexicon.set(read::Lexicon::parse(text, &codes)?);
        }
        Ok(())
    }

    /// What `given` names: a row by code or exact label (blanks, case, full-width letters
    /// and a trailing `。` do not matter), else by a reading of its words; several rows;
    /// or none. The whole text of a row that names several items is none (revision 2),
    /// with that row's codes first in the suggestions.
    pub fn find(&self, given: &str) -> Found {
        // No two rows share a key (the tables' tests): the exact code or label is found
        // by its key.
        let idx = self.index();
        let k = key(given);
        if let Some(&(_, i)) = idx
            .binary_search_by(|(x, _)| x.as_str().cmp(&k))
            .ok()
            .and_then(|at| idx.get(at))
        {
            if let Some(row) = self.rows.get(i) {
                let by = if key(row.code) == k {
                    By::Code
                } else {
                    By::Label
                };
                return Found::Row(row, by);
            }
        }
        let several = self.several_of_key(&k);
        let reading = match (several, self.lexicon()) {
            (None, Some(lexicon)) => lexicon.read(given),
            _ => read::Reading::Unknown {
                hints: Vec::new(),
                no_row: false,
                rest: given.to_string(),
            },
        };
        let rows = |list: &[usize]| -> Vec<&'static FeeRow> {
            list.iter().filter_map(|&i| self.rows.get(i)).collect()
        };
        match reading {
            read::Reading::Row(i) => match self.rows.get(i) {
                Some(row) => Found::Row(row, By::Reading),
                None => self.unknown(given, several, &[], false),
            },
            read::Reading::Unknown {
                hints,
                no_row,
                rest,
            } => {
                let hints: Vec<&'static str> = rows(&hints).iter().map(|r| r.code).collect();
                self.unknown(&rest, several, &hints, no_row)
            }
            read::Reading::Several { rows: list, split } => Found::Several {
                rows: rows(&list),
                split,
            },
        }
    }

    /// The row `given` names alone ([`FeeTable::find`]), if one.
    pub fn lookup(&self, given: &str) -> Option<&'static FeeRow> {
        match self.find(given) {
            Found::Row(row, _) => Some(row),
            _ => None,
        }
    }

    /// `Found::Unknown` with its suggestions: a several-items row's codes first; then the
    /// rows the line also names (`hints`); then — unless the line names a thing the table
    /// has no row for (`no_row`) or names rows at all — the codes whose names are close to
    /// what the lexicon does not know of it (`unread`: a typo such as `camra`).
    fn unknown(
        &self,
        unread: &str,
        several: Option<&'static [&'static str]>,
        hints: &[&'static str],
        no_row: bool,
    ) -> Found {
        let mut suggestions: Vec<&'static str> = several.map(<[_]>::to_vec).unwrap_or_default();
        let cap = MAX_SUGGESTIONS.max(suggestions.len());
        let close = if no_row || !hints.is_empty() {
            Vec::new()
        } else {
            self.suggest(unread)
        };
        for &code in hints.iter().chain(&close) {
            if suggestions.len() >= cap {
                break;
            }
            if !suggestions.contains(&code) {
                suggestions.push(code);
            }
        }
        Found::Unknown {
            suggestions,
            several: several.is_some(),
        }
    }

    /// The row with this code.
    pub fn row(&self, code: &str) -> Option<&'static FeeRow> {
        self.rows.iter().find(|r| r.code == code)
    }

    /// The condition with this input name.
    pub fn condition(&self, name: &str) -> Option<Condition> {
        self.conditions.iter().copied().find(|c| c.name == name)
    }

    /// Every name's key with its row, sorted by key for a binary search.
    fn index(&self) -> &[(String, usize)] {
        self.index.get_or_init(|| {
            let mut keys: Vec<(String, usize)> = self
                .rows
                .iter()
                .enumerate()
                .flat_map(|(i, row)| [(key(row.code), i), (key(row.label), i)])
                .collect();
            // Sorted by key, then row: of a repeated key the first row wins (the tables'
            // tests prove no name is claimed twice).
            keys.sort_unstable();
            keys.dedup_by(|later, first| later.0 == first.0);
            keys
        })
    }

    /// The item codes of the row of the text whose whole text `given` is, when that row
    /// names several items (blanks, full-width letters, a trailing 。, 等 or 费用 do not
    /// matter).
    pub fn several_items_row(&self, given: &str) -> Option<&'static [&'static str]> {
        self.several_of_key(&key(given))
    }

    /// [`FeeTable::several_items_row`] of a [`key`].
    fn several_of_key(&self, k: &str) -> Option<&'static [&'static str]> {
        let keys = self
            .several_keys
            .get_or_init(|| self.several.iter().map(|(text, _)| row_key(text)).collect());
        let k = without_tails(k);
        keys.iter()
            .zip(self.several)
            .find(|(key, _)| key.as_str() == k)
            .map(|(_, &(_, codes))| codes)
    }

    /// The item codes closest to an unknown item, best first (at most
    /// [`MAX_SUGGESTIONS`]; empty when nothing is close).
    pub fn suggest(&self, given: &str) -> Vec<&'static str> {
        // A typo's closest codes, by the rows' codes and labels (a line in the words
        // budgets use is read, not suggested).
        let candidates = self
            .candidates
            .get_or_init(|| similar::candidates(self.rows.iter().map(|r| vec![r.code, r.label])));
        similar::suggest(candidates, given)
            .into_iter()
            .filter_map(|i| self.rows.get(i).map(|r| r.code))
            .collect()
    }

    /// `code（label）` for each code (`code (title)` in English), for messages.
    pub fn describe_codes(&self, codes: &[&str], locale: Locale) -> String {
        let zh = locale == Locale::Zh;
        let mut out = String::with_capacity(40 * codes.len());
        for (i, &code) in codes.iter().enumerate() {
            if i > 0 {
                out.push_str(if zh { "、" } else { ", " });
            }
            match self.row(code) {
                Some(r) if zh => out.extend([r.code, "（", r.label, "）"]),
                Some(r) => out.extend([r.code, " (", r.title_en.get(), ")"]),
                None => out.push_str(code),
            }
        }
        out
    }
}

/// At most this many suggestions.
pub const MAX_SUGGESTIONS: usize = 5;

/// The comparison key of a name: full-width ASCII read as ASCII, ASCII lower case,
/// blanks, `_` and `-` dropped, trailing sentence punctuation dropped.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // The characters the key keeps as they are, copied a run at a time.
    let mut run = 0;
    for (at, c) in s.char_indices() {
        if kept_as_is(c) {
            continue;
        }
        out.push_str(s.get(run..at).unwrap_or(""));
        if let Some(k) = key_char(c) {
            out.push(k);
        }
        run = at + c.len_utf8();
    }
    out.push_str(s.get(run..).unwrap_or(""));
    while out.ends_with(is_trailing_punctuation) {
        out.pop();
    }
    out
}

/// Whether [`key`] of `s` is empty (nothing but blanks, `_`, `-` and sentence
/// punctuation), without building it.
pub fn key_is_empty(s: &str) -> bool {
    s.chars().filter_map(key_char).all(is_trailing_punctuation)
}

/// One character of a name as its key reads it (`None`: dropped).
pub(crate) fn key_char(c: char) -> Option<char> {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        c => c,
    };
    (!c.is_whitespace() && c != '_' && c != '-').then(|| c.to_ascii_lowercase())
}

/// Whether [`key_char`] keeps `c` as it is (most characters of a line: Chinese ones,
/// lower-case letters, digits), decided without its tests.
fn kept_as_is(c: char) -> bool {
    matches!(c, 'a'..='z' | '0'..='9' | '\u{3001}'..='\u{FF00}')
}

fn is_trailing_punctuation(c: char) -> bool {
    matches!(c, '。' | '.' | '、' | ';' | '；' | ',' | '，')
}

/// Whether `given` is `row`'s code or label (up to [`key`]), not a synonym.
pub fn is_code_or_label(given: &str, row: &FeeRow) -> bool {
    if given == row.code || given == row.label {
        return true;
    }
    let k = key(given);
    k == key(row.code) || k == key(row.label)
}

/// A row text as [`FeeTable::several_items_row`] compares it: its [`key`] without a
/// trailing 费用 or 等 (the texts write 等 at the end of most lists; applicants drop it).
fn row_key(s: &str) -> String {
    without_tails(&key(s)).to_string()
}

/// A [`key`] without a trailing 费用 or 等.
fn without_tails(mut k: &str) -> &str {
    for tail in ["费用", "等"] {
        if let Some(rest) = k.strip_suffix(tail) {
            k = rest;
        }
    }
    k
}

/// The answers to a table's conditions, by name: `true` / `false`; a condition not
/// listed is not answered yet (which is different from false).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conditions {
    answers: Vec<(&'static str, bool)>,
}

impl Conditions {
    /// The answer to the condition named `name`.
    pub fn get(&self, name: &str) -> Option<bool> {
        self.answers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, v)| v)
    }

    /// Sets (or, with `None`, clears) the answer to the condition named `name`.
    pub fn set(&mut self, name: &'static str, value: Option<bool>) {
        self.answers.retain(|(n, _)| *n != name);
        if let Some(v) = value {
            self.answers.push((name, v));
        }
    }

    /// The answers given, in the order they were set.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, bool)> + '_ {
        self.answers.iter().copied()
    }
}

/// The conditions `row` needs on the answers given, in the table's order: `None` while
/// the answer a [`Switch`] reads is absent.
pub fn needed(row: &FeeRow, c: &Conditions) -> Option<&'static [Condition]> {
    match row.needs {
        Needs::Nothing => Some(&[]),
        Needs::All(list) => Some(list),
        Needs::Switch(s) => chosen(s, c).map(|b| b.needs),
    }
}

/// The case of `s` the answers choose, `None` while its answer is absent.
fn chosen(s: &'static Switch, c: &Conditions) -> Option<&'static Branch> {
    match c.get(s.on.name) {
        Some(false) => Some(&s.off),
        Some(true) => Some(&s.on_true),
        None => None,
    }
}

/// The decision for `row` on the answers given, with the needed conditions answered
/// false (`unmet`) and not answered (`unanswered`), in the table's order.
///
/// Any needed condition false → `excluded` (even while others are unanswered); all true
/// → `included`; only the evaluation ([`ASSESSED`]) unanswered → `pending_assessment`;
/// otherwise `needs_information`. A row that needs nothing is its treatment. A
/// [`Switch`] whose answer is absent asks for it alone.
pub fn decide(row: &FeeRow, c: &Conditions) -> (Decision, Vec<Condition>, Vec<Condition>) {
    let needs = match row.needs {
        Needs::Nothing => {
            let d = if row.treatment == Treatment::Excluded {
                Decision::Excluded
            } else {
                Decision::Included
            };
            return (d, Vec::new(), Vec::new());
        }
        Needs::All(list) => list,
        Needs::Switch(s) => match chosen(s, c) {
            Some(b) => b.needs,
            None => return (Decision::NeedsInformation, Vec::new(), vec![s.on]),
        },
    };
    let unmet: Vec<Condition> = needs
        .iter()
        .copied()
        .filter(|n| c.get(n.name) == Some(false))
        .collect();
    let unanswered: Vec<Condition> = needs
        .iter()
        .copied()
        .filter(|n| c.get(n.name).is_none())
        .collect();
    let decision = if !unmet.is_empty() {
        Decision::Excluded
    } else if unanswered.is_empty() {
        Decision::Included
    } else if matches!(unanswered.as_slice(), [only] if only.name == ASSESSED) {
        Decision::PendingAssessment
    } else {
        Decision::NeedsInformation
    };
    (decision, unmet, unanswered)
}

/// Appends the conditions of `list`, each quoted in Chinese (「…」、「…」), joined by `; `
/// in English.
fn push_conditions(m: &mut String, list: &[Condition], locale: Locale) {
    let zh = locale == Locale::Zh;
    for (i, c) in list.iter().enumerate() {
        if i > 0 {
            m.push_str(if zh { "、" } else { "; " });
        }
        if zh {
            m.extend(["「", c.label(locale), "」"]);
        } else {
            m.push_str(c.label(locale));
        }
    }
}

/// A piece of a message: fixed text, or a list of conditions (`push_conditions`).
enum Part<'a> {
    T(&'static str),
    C(&'a [Condition]),
}

/// What the decision means and what the applicant must do: the row as the table names
/// it, then the decision in words (the conditions met, unmet or to answer), then the
/// row's note.
pub fn message(
    row: &FeeRow,
    decision: Decision,
    unmet: &[Condition],
    unanswered: &[Condition],
    c: &Conditions,
    locale: Locale,
) -> String {
    let zh = locale == Locale::Zh;
    let needs = needed(row, c).unwrap_or(&[]);
    let (switch, branch) = match row.needs {
        Needs::Switch(s) => (Some(s), chosen(s, c)),
        _ => (None, None),
    };
    let mut m = String::with_capacity(320);
    // The subject: the item as the table names it (and the case a switch chose).
    let subject = branch.map_or("", |b| b.subject.get(locale));
    if zh {
        m.extend(["「", row.label, "」", subject]);
    } else {
        m.extend(["“", row.title_en.get(), "” (", row.label, subject, ")"]);
    }
    let assessed = needs.iter().any(|n| n.name == ASSESSED);
    // The messages that quote conditions: fixed texts and condition lists in turn.
    use Part::{C, T};
    let mut put = |parts: &[Part<'_>]| {
        for p in parts {
            match p {
                T(text) => m.push_str(text),
                C(list) => push_conditions(&mut m, list, locale),
            }
        }
    };
    match (decision, row.treatment, zh) {
        (Decision::Included, Treatment::Included, true) => put(&[T("纳入信息化经费，可列入项目预算。")]),
        (Decision::Included, Treatment::Included, false) => put(&[T(
            en_str!(" counts as IT spending (纳入信息化经费) and may stay in the project budget."),
        )]),
        (Decision::Excluded, Treatment::Excluded, true) => put(&[T(
            "不纳入信息化经费。请将此项移出信息化项目预算，另按部门其他经费渠道安排。",
        )]),
        (Decision::Excluded, Treatment::Excluded, false) => put(&[T(
            en_str!(" is not IT spending (不纳入信息化经费). Take it out of the IT project budget and fund it from the department's other funds."),
        )]),
        (Decision::Included, ..) if branch.is_some_and(|b| b.needs.is_empty()) => {
            put(&[T(branch.map_or("", |b| b.met.get(locale)))]);
        }
        (Decision::NeedsInformation, ..) if switch.is_some() && branch.is_none() => {
            put(&[T(switch.map_or("", |s| s.ask.get(locale)))]);
        }
        (Decision::Included, _, true) => put(&[
            T("满足"),
            C(needs),
            T("，纳入信息化经费，可列入项目预算。"),
            T(if assessed {
                "请随申报材料附上评估通过的依据。"
            } else {
                "请在申报材料中说明上述情况。"
            }),
        ]),
        (Decision::Included, _, false) => put(&[
            T(en_str!(" meets every condition (")),
            C(needs),
            T(en_str!("): it counts as IT spending and may stay in the project budget.")),
            T(if assessed {
                en_str!(" Attach the evaluation's result to the application.")
            } else {
                en_str!(" State these facts in the application.")
            }),
        ]),
        (Decision::Excluded, _, true) => put(&[
            T("不满足"),
            C(unmet),
            T("，不纳入信息化经费。请将此项移出信息化项目预算；只有同时满足"),
            C(needs),
            T("时方可纳入。"),
        ]),
        (Decision::Excluded, _, false) => put(&[
            T(en_str!(" does not meet: ")),
            C(unmet),
            T(en_str!(". It is not IT spending; take it out of the IT project budget. It counts only when all of these hold: ")),
            C(needs),
            T("."),
        ]),
        (Decision::PendingAssessment, _, true) => put(&[
            T(if needs.len() > 1 { "其余条件已满足，" } else { "" }),
            T("须经评估通过后方可纳入信息化经费。请提请评估；评估通过前，此项计入待定金额。"),
        ]),
        (Decision::PendingAssessment, _, false) => put(&[
            T(if needs.len() > 1 { en_str!(" meets the other conditions but") } else { "" }),
            T(en_str!(" counts as IT spending only once it has passed the evaluation (经评估通过). Request the evaluation; until it passes, the line is counted as pending.")),
        ]),
        (Decision::NeedsInformation, _, true) => put(&[
            T("须同时满足"),
            C(needs),
            T("方可纳入信息化经费。请回答："),
            C(unanswered),
            T("。"),
        ]),
        (Decision::NeedsInformation, _, false) => put(&[
            T(en_str!(" counts as IT spending only when all of these hold: ")),
            C(needs),
            T(en_str!(". Please answer: ")),
            C(unanswered),
            T("."),
        ]),
    }
    if let Some(note) = row.note {
        if !zh {
            m.push(' ');
        }
        m.push_str(note.get(locale));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The digest reads the lines the package ships: comment and blank lines (spaces, tabs,
    /// CRs) do not count, every other byte does.
    #[test]
    fn the_reading_digest_is_of_the_shipped_lines() {
        let shipped = "skip: 费\nrow camera: 摄像头 监控\n";
        assert_eq!(reading_digest(shipped), crate::locale::text_hash(shipped));
        let full = "# a comment\n\nskip: 费\n \t\r\n  # indented comment\nrow camera: 摄像头 监控";
        assert_eq!(reading_digest(full), reading_digest(shipped));
        for altered in [
            "skip: 费\nrow camera: 摄像头 监视\n",
            "skip: 费\n",
            "skip:  费\nrow camera: 摄像头 监控\n",
            "skip: 费\r\nrow camera: 摄像头 监控\n",
        ] {
            assert_ne!(
                reading_digest(altered),
                reading_digest(shipped),
                "{altered}"
            );
        }
    }

    #[test]
    fn the_key_copies_only_what_it_keeps() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if kept_as_is(c) {
                assert_eq!(key_char(c), Some(c), "U+{:04X}", u32::from(c));
            }
        }
        assert_eq!(key(" Ｃａｍｅｒａ_云-服务 。"), "camera云服务");
        assert_eq!(key("服务器 存储"), "服务器存储");
    }
}
