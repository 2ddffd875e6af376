//! Reading a budget line in the words real budgets use (interpretations.md, "Revision 3:
//! budget lines"): a small lexical reader over a table's *lexicon*, text data the table
//! carries (`<regime>/reading.txt`, docs/cost.md describes its lines).
//!
//! How a line is read:
//!
//! 1. **Words.** The line is cut into the lexicon's words, longest first, left to right
//!    (`电子政务外网` before `政务外网` before `外网`; `公共安全` so that it is not `安全`);
//!    characters the lexicon does not know form *names* (`社区事务管理`). A parenthesis
//!    (`服务器(仅限于非系统集成项目)`) is read only when the rest says nothing.
//! 2. **Items.** Joining words and marks (`和 及 与 、 ，`) cut the line into items, and so
//!    does a verb followed by a new object (`视频监控建设联网应用`): a line that joins
//!    several items asks to be split.
//! 3. **The object.** In each item the object is the last thing named — an *object* word
//!    (a row or several: `摄像头`, `专线`), a *head* (`系统 平台 设备 线路 终端 测评 …`)
//!    or a word of *no row* (`土建 预备费`). Verbs and fee words (`采购 运维 建设 费 …`)
//!    never change it. A head is read by what stands before it: a *dominant* object
//!    earlier in the item captures it (`电子政务外网网络设备` → 政务外网, `会议室音响设备`
//!    → 会议室升级改造); else an object right before it that the head adopts (`交换设备`
//!    → 局域网络, `视频监控系统` → 摄像头); else the nearest modifier of a class the head
//!    knows (`等级保护评测` → 等级保护测评, `叫号终端` → 电脑 or 业务系统); else a name
//!    (`社区事务管理服务平台` → 业务系统); else the verbs of the line (`系统开发` → 业务系统,
//!    `系统运维` → 业务系统 or 服务器存储).
//! 4. **One reading or a question.** Every item read, the line is one row when they all
//!    are that row; a question among the rows when they are several (the object's rows
//!    first); no row when nothing was read — never a guess.

/// What a line is read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// One row (its index in the table).
    Row(usize),
    /// Several rows, the object's first: the applicant chooses one, or — when `split` —
    /// the line joins several items and is split.
    Several {
        /// The rows (indexes), at least two.
        rows: Vec<usize>,
        /// The line names several items (else one object fits several rows).
        split: bool,
    },
    /// No row: nothing the table has a row for (`hints`: rows of what the line also
    /// names), or a thing it has none for (`no_row`: 土建, 预备费 …).
    Unknown {
        /// Rows of objects the line names beside what decided.
        hints: Vec<usize>,
        /// The line's object is something the table has no row for.
        no_row: bool,
        /// The characters of the line the lexicon does not know (a typo of a name is
        /// there: `camra`), for suggestions.
        rest: String,
    },
}

/// A take of a head: rows, the modifier's own rows, or nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Take {
    Rows(Vec<usize>),
    Modifier,
    Nothing,
}

/// The verbs that change how a bare head reads (`系统开发` / `系统运维`).
const VERBS: [&str; 3] = ["develop", "maintain", "content"];

#[derive(Debug)]
struct Object {
    rows: Vec<usize>,
    class: usize,
    /// Head classes and object classes it captures when it stands earlier in the item.
    captures: Vec<usize>,
}

#[derive(Debug)]
struct Head {
    class: usize,
    /// Object classes whose object, right before the head, gives its rows.
    adopt: Vec<usize>,
    /// By the class of the nearest modifier.
    by: Vec<(usize, Take)>,
    /// After a name (`None`: as a bare head).
    named: Option<Take>,
    /// Bare, by the line's verbs: develop, maintain, content (`None`: as with none), none.
    bare: [Option<Take>; 4],
    /// Right after another head, it is read as that one (`新媒体平台`, `网站系统`).
    after: bool,
}

#[derive(Debug)]
enum Sense {
    Object(Object),
    Head(Head),
    NoRow,
    Skip,
    Join,
    Verb(usize),
}

/// A table's lexicon, parsed.
#[derive(Debug)]
pub struct Lexicon {
    /// Every word with its sense, sorted by word.
    words: Vec<(String, usize)>,
    senses: Vec<Sense>,
}

/// A fault in a lexicon's text: the line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// The line (from 1).
    pub line: usize,
    /// What is wrong.
    pub what: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "lexicon line {}: {}", self.line, self.what)
    }
}

/// Class names, numbered as they first appear.
#[derive(Default)]
struct Classes(Vec<String>);

impl Classes {
    fn id(&mut self, name: &str) -> usize {
        match self.0.iter().position(|c| c == name) {
            Some(i) => i,
            None => {
                self.0.push(name.to_string());
                self.0.len() - 1
            }
        }
    }

    fn ids(&mut self, list: &str) -> Vec<usize> {
        list.split(',')
            .filter(|c| !c.is_empty())
            .map(|c| self.id(c))
            .collect()
    }
}

impl Lexicon {
    /// Parses a lexicon's text against the table's row codes (`codes[i]` is row `i`).
    ///
    /// # Errors
    /// A line that is not one of the forms docs/cost.md describes, or that names a row
    /// the table does not have.
    pub fn parse(text: &str, codes: &[&str]) -> Result<Lexicon, LexiconError> {
        let mut classes = Classes::default();
        let mut words: Vec<(String, usize)> = Vec::new();
        let mut senses: Vec<Sense> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fault = |what: String| LexiconError { line: n + 1, what };
            let (head, list) = line
                .split_once(':')
                .ok_or_else(|| fault("no `:` before the words".into()))?;
            let rows = |s: &str| -> Result<Vec<usize>, LexiconError> {
                s.split(',')
                    .filter(|c| !c.is_empty())
                    .map(|c| {
                        codes
                            .iter()
                            .position(|x| *x == c)
                            .ok_or_else(|| fault(format!("no row `{c}`")))
                    })
                    .collect()
            };
            let take = |s: &str| -> Result<Take, LexiconError> {
                Ok(match s {
                    "@" => Take::Modifier,
                    "-" => Take::Nothing,
                    _ => Take::Rows(rows(s)?),
                })
            };
            let mut parts = head.split_whitespace();
            let first = parts.next().unwrap_or("");
            let sense = match first {
                "skip" => Sense::Skip,
                "join" => Sense::Join,
                "none" => Sense::NoRow,
                "verb" => {
                    let v = parts.next().unwrap_or("");
                    let at = VERBS.iter().position(|x| *x == v);
                    Sense::Verb(at.ok_or_else(|| fault(format!("no verb class `{v}`")))?)
                }
                "head" => {
                    let mut h = Head {
                        class: classes.id(parts.next().unwrap_or("")),
                        adopt: Vec::new(),
                        by: Vec::new(),
                        named: None,
                        bare: [None, None, None, None],
                        after: false,
                    };
                    for rule in parts {
                        let (k, v) = rule
                            .split_once('=')
                            .ok_or_else(|| fault(format!("`{rule}`: key=value")))?;
                        match k {
                            "adopt" => h.adopt = classes.ids(v),
                            "after" => h.after = v == "@",
                            "named" => h.named = Some(take(v)?),
                            "develop" => h.bare[0] = Some(take(v)?),
                            "maintain" => h.bare[1] = Some(take(v)?),
                            "content" => h.bare[2] = Some(take(v)?),
                            "bare" => h.bare[3] = Some(take(v)?),
                            _ => {
                                let c = classes.id(k);
                                h.by.push((c, take(v)?));
                            }
                        }
                    }
                    Sense::Head(h)
                }
                // `<rows> <class> [captures]`: rows `-` for a modifier of no row.
                _ => Sense::Object(Object {
                    rows: if first == "-" {
                        Vec::new()
                    } else {
                        rows(first)?
                    },
                    class: classes.id(parts.next().unwrap_or("")),
                    captures: classes.ids(parts.next().unwrap_or("")),
                }),
            };
            let at = senses.len();
            senses.push(sense);
            for w in list.split_whitespace() {
                words.push((super::key(w), at));
            }
        }
        words.sort_unstable();
        Ok(Lexicon { words, senses })
    }

    /// The words that name row `row` alone (for suggestions).
    pub fn words_of(&self, row: usize) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .filter_map(move |(w, s)| match self.senses.get(*s) {
                Some(Sense::Object(o)) if o.rows == [row] => Some(w.as_str()),
                _ => None,
            })
    }

    /// The longest word `text` starts with, with its length in bytes. A word of Latin
    /// letters and digits is a word only between other characters (`lan` is not in
    /// `plan`; `after_letter`: `text` follows one).
    fn word_at(&self, text: &str, after_letter: bool) -> Option<(usize, &Sense)> {
        let first = text.chars().next()?;
        let mut buf = [0u8; 4];
        let lead: &str = first.encode_utf8(&mut buf);
        // Words are sorted: those starting with `first` stand together.
        let from = self.words.partition_point(|(w, _)| w.as_str() < lead);
        let mut best: Option<(usize, usize)> = None;
        for (w, s) in self.words.get(from..).unwrap_or(&[]) {
            if !w.starts_with(lead) {
                break;
            }
            let latin = w.bytes().last().is_some_and(|b| b.is_ascii_alphanumeric());
            let bounded = !latin
                || !text
                    .get(w.len()..)
                    .and_then(|r| r.bytes().next())
                    .is_some_and(|b| b.is_ascii_alphanumeric());
            let starts =
                !after_letter || !w.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric());
            if text.starts_with(w.as_str())
                && bounded
                && starts
                && best.is_none_or(|(len, _)| w.len() > len)
            {
                best = Some((w.len(), *s));
            }
        }
        best.and_then(|(len, s)| self.senses.get(s).map(|s| (len, s)))
    }

    /// Reads a budget line (see the module docs).
    pub fn read(&self, text: &str) -> Reading {
        let (outside, inside) = parts(text);
        let first = self.read_text(&outside);
        let nothing =
            matches!(&first, Reading::Unknown { hints, no_row: false, .. } if hints.is_empty());
        if nothing && !inside.is_empty() {
            return self.read_text(&inside);
        }
        first
    }

    /// The words of `text` (already cut out of its parentheses).
    fn tokens<'a>(&'a self, text: &str) -> Vec<Tok<'a>> {
        let mut out: Vec<Tok<'a>> = Vec::new();
        let mut rest = text;
        let mut after_letter = false;
        while let Some(c) = rest.chars().next() {
            let found = self.word_at(rest, after_letter);
            let len = match found {
                Some((len, s)) => {
                    out.push(Tok::Word(s));
                    len
                }
                None => {
                    if is_join_mark(c) {
                        out.push(Tok::Word(&Sense::Join));
                    } else if let Some(Tok::Name(last)) = out.last_mut() {
                        last.push(c);
                    } else {
                        out.push(Tok::Name(c.to_string()));
                    }
                    c.len_utf8()
                }
            };
            after_letter = rest
                .get(..len)
                .and_then(|w| w.bytes().last())
                .is_some_and(|b| b.is_ascii_alphanumeric());
            rest = rest.get(len..).unwrap_or("");
        }
        out
    }

    fn read_text(&self, text: &str) -> Reading {
        let toks = self.tokens(text);
        // The items: cut at joining words, and at a verb between two things named.
        let mut items: Vec<&[Tok<'_>]> = Vec::new();
        for part in toks.split(|t| matches!(t, Tok::Word(Sense::Join))) {
            let mut rest = part;
            while let Some(cut) = verb_cut(rest) {
                let (a, b) = rest.split_at(cut);
                items.push(a);
                rest = b;
            }
            items.push(rest);
        }
        let line_verbs = verbs(&toks);
        let mut rows: Vec<usize> = Vec::new();
        let mut read = 0;
        let mut no_row = false;
        let mut first_rows: Option<Vec<usize>> = None;
        let mut differ = false;
        for item in &items {
            let own = verbs(item);
            let v = if own.iter().any(|x| *x) {
                own
            } else {
                line_verbs
            };
            match self.read_item(item, v) {
                Item::Rows(r) if !r.is_empty() => {
                    read += 1;
                    match &first_rows {
                        None => first_rows = Some(r.clone()),
                        Some(f) => differ |= *f != r,
                    }
                    for x in r {
                        if !rows.contains(&x) {
                            rows.push(x);
                        }
                    }
                }
                Item::NoRow => no_row = true,
                Item::Rows(_) | Item::Nothing => {}
            }
        }
        let rest = || {
            toks.iter()
                .filter_map(|t| match t {
                    Tok::Name(n) => Some(n.as_str()),
                    Tok::Word(_) => None,
                })
                .collect::<String>()
        };
        match rows.as_slice() {
            [] => Reading::Unknown {
                hints: if no_row {
                    Vec::new()
                } else {
                    object_rows(&toks)
                },
                no_row,
                rest: rest(),
            },
            _ if no_row => Reading::Unknown {
                hints: rows,
                no_row,
                rest: rest(),
            },
            [one] => Reading::Row(*one),
            _ => Reading::Several {
                rows,
                split: read > 1 && differ,
            },
        }
    }

    fn read_item(&self, item: &[Tok<'_>], verbs: [bool; 3]) -> Item {
        let Some(h) = item.iter().rposition(|t| match t {
            Tok::Word(Sense::Object(o)) => !o.rows.is_empty(),
            Tok::Word(Sense::Head(_) | Sense::NoRow) => true,
            _ => false,
        }) else {
            return Item::Nothing;
        };
        Self::read_at(item, h, verbs)
    }

    /// The item read at its object `h`.
    fn read_at(item: &[Tok<'_>], h: usize, verbs: [bool; 3]) -> Item {
        let before = item.get(..h).unwrap_or(&[]);
        // A dominant object earlier in the item that captures this class.
        let captured = |class: usize| {
            before.iter().rev().find_map(|t| match t {
                Tok::Word(Sense::Object(o)) if o.captures.contains(&class) => Some(o.rows.clone()),
                _ => None,
            })
        };
        match item.get(h) {
            Some(Tok::Word(Sense::NoRow)) => Item::NoRow,
            Some(Tok::Word(Sense::Object(o))) => {
                Item::Rows(captured(o.class).unwrap_or_else(|| o.rows.clone()))
            }
            Some(Tok::Word(Sense::Head(head))) => {
                if let Some(r) = captured(head.class) {
                    return Item::Rows(r);
                }
                // The word right before it (past 等, 的 …): a head it yields to, or an
                // object it adopts (as that object would read).
                let near = before
                    .iter()
                    .rposition(|t| !matches!(t, Tok::Word(Sense::Skip)));
                match near.and_then(|k| before.get(k).map(|t| (k, t))) {
                    Some((k, Tok::Word(Sense::Head(_)))) if head.after => {
                        return Self::read_at(item, k, verbs);
                    }
                    Some((_, Tok::Word(Sense::Object(o))))
                        if head.adopt.contains(&o.class) && !o.rows.is_empty() =>
                    {
                        return Item::Rows(captured(o.class).unwrap_or_else(|| o.rows.clone()));
                    }
                    _ => {}
                }
                // The nearest modifier of a class the head reads.
                for t in before.iter().rev() {
                    let (class, own) = match t {
                        Tok::Word(Sense::Object(o)) => (o.class, o.rows.as_slice()),
                        Tok::Word(Sense::Head(x)) => (x.class, &[][..]),
                        _ => continue,
                    };
                    if let Some((_, take)) = head.by.iter().find(|(c, _)| *c == class) {
                        return taken(take, own);
                    }
                }
                // A name before it, else the verbs.
                let named = before
                    .iter()
                    .rev()
                    .find(|t| !matches!(t, Tok::Word(Sense::Skip | Sense::Verb(_))))
                    .is_some_and(|t| match t {
                        Tok::Name(n) => is_name(n),
                        Tok::Word(Sense::Object(_)) => true,
                        _ => false,
                    });
                match (&head.named, named) {
                    (Some(take), true) => taken(take, &[]),
                    _ => {
                        // content before develop before maintain; none last.
                        let k = match verbs {
                            [_, _, true] => 2,
                            [true, _, _] => 0,
                            [_, true, _] => 1,
                            _ => 3,
                        };
                        let [.., none] = &head.bare;
                        match head.bare.get(k).and_then(Option::as_ref).or(none.as_ref()) {
                            Some(t) => taken(t, &[]),
                            None => Item::Nothing,
                        }
                    }
                }
            }
            _ => Item::Nothing,
        }
    }
}

/// A token of a line: a word of the lexicon, or characters it does not know.
#[derive(Debug)]
enum Tok<'a> {
    Word(&'a Sense),
    Name(String),
}

/// What an item is read as.
enum Item {
    Rows(Vec<usize>),
    NoRow,
    Nothing,
}

fn taken(take: &Take, modifier: &[usize]) -> Item {
    match take {
        Take::Rows(r) => Item::Rows(r.clone()),
        Take::Modifier => Item::Rows(modifier.to_vec()),
        Take::Nothing => Item::Nothing,
    }
}

/// Whether a token names a thing (an object word, a head or a word of no row).
fn is_thing(t: &Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Word(Sense::Object(_) | Sense::Head(_) | Sense::NoRow)
    )
}

fn is_verb_or_skip(t: &Tok<'_>) -> bool {
    matches!(t, Tok::Word(Sense::Verb(_) | Sense::Skip))
}

/// Where a verb ends an item inside a part: after the verbs that follow a thing named,
/// when an object word (not a generic head) follows them (`视频监控建设 | 联网应用`;
/// but `应用系统托管设备` is one item: the 设备 of the 应用系统).
fn verb_cut(part: &[Tok<'_>]) -> Option<usize> {
    let mut seen = false;
    let mut i = 0;
    while let Some(t) = part.get(i) {
        if is_thing(t) {
            seen = true;
        } else if seen && matches!(t, Tok::Word(Sense::Verb(_))) {
            let run = part.get(i..).unwrap_or(&[]);
            let end = i + run.iter().take_while(|t| is_verb_or_skip(t)).count();
            if part
                .get(end)
                .is_some_and(|t| matches!(t, Tok::Word(Sense::Object(_) | Sense::NoRow)))
            {
                return Some(end);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    None
}

/// Which verb classes the tokens hold.
fn verbs(toks: &[Tok<'_>]) -> [bool; 3] {
    let mut v = [false; 3];
    for t in toks {
        if let Tok::Word(Sense::Verb(k)) = t {
            if let Some(x) = v.get_mut(*k) {
                *x = true;
            }
        }
    }
    v
}

/// The rows of every object word of a line, in order.
fn object_rows(toks: &[Tok<'_>]) -> Vec<usize> {
    let mut out = Vec::new();
    for t in toks {
        if let Tok::Word(Sense::Object(o)) = t {
            for &r in &o.rows {
                if !out.contains(&r) {
                    out.push(r);
                }
            }
        }
    }
    out
}

/// Marks that join two items.
fn is_join_mark(c: char) -> bool {
    matches!(c, ',' | '、' | ';' | '/' | '+' | '&' | '。' | '|')
}

/// Whether characters the lexicon does not know name something (`社区事务管理`), rather
/// than a place, a body or a time before the thing (`望城区`, `社保局`, `2023年`).
fn is_name(n: &str) -> bool {
    n.chars().last().is_some_and(|c| {
        !(c.is_ascii_digit()
            || c.is_ascii_punctuation()
            || "省市县区镇乡村局厅委办处科所站院校队部年期".contains(c))
    })
}

/// A line as the reader compares it ([`super::key`] character by character, quotation
/// marks dropped), outside its parentheses and inside them.
fn parts(text: &str) -> (String, String) {
    let mut outside = String::new();
    let mut inside = String::new();
    let mut depth = 0usize;
    for c in text.chars().filter_map(super::key_char) {
        match c {
            '(' | '[' | '【' | '〔' => {
                depth += 1;
                if !inside.is_empty() {
                    inside.push('、');
                }
            }
            ')' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
            '"' | '\'' | '“' | '”' | '‘' | '’' | '《' | '》' | '〈' | '〉' | '「' | '」' =>
                {}
            c if depth > 0 => inside.push(c),
            c => outside.push(c),
        }
    }
    (outside, inside)
}
