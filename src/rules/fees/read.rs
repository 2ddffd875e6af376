//! Reading a budget line in the words real budgets use (interpretations.md, "Revision 3:
//! budget lines"): a small lexical reader over a table's *lexicon*, text data the table
//! carries (`regimes/<id>/reading.txt`; docs/cost.md describes its lines).
//!
//! How a line is read:
//!
//! 1. **Words.** The line is cut into the lexicon's words so that as few characters as
//!    possible are left unknown, then with as few words as possible (`内网线路` is `内网` +
//!    `线路`, not `内` + `网线` + `路`); a word of Latin letters stands between other
//!    characters (`lan` is not in `plan`). Characters the lexicon does not know form *names*
//!    (`社区事务管理`). A parenthesis (`服务器(仅限于非系统集成项目)`) is read when the rest
//!    says nothing, or to settle a question the rest asks (`终端机(RTU)`).
//! 2. **Items.** Joining words and marks (`和 及 与 、 ，`) cut the line into items, and so
//!    does a verb followed by a new object word (`视频监控建设 | 联网应用`). An item that
//!    names no thing, or ends in a modifier (`政务服务与管理平台`, `终端管理和密钥服务系统`),
//!    is part of the next one. An item without verbs takes those of the next item that has
//!    some (`网站和新媒体平台代运维`).
//! 3. **The object.** In each item the object is the last thing named — an *object* word
//!    (a row or several: `摄像头`, `专线`), a *head* (`系统 平台 设备 线路 终端 测评 …`)
//!    or a word of *no row* (`土建 预备费`). Verbs and fee words (`采购 运维 建设 费 …`)
//!    never change it. A head is read by what stands before it: right after another head
//!    it may be that head (`新媒体平台`); an object right before it that it *adopts* gives
//!    its rows (`交换设备` → 局域网络, `视频监控系统` → 摄像头); else a *dominant* thing earlier
//!    in the item captures it (`电子政务外网核心平台` → 政务外网; an adopted object too:
//!    `会议室音响设备` → 会议室升级改造); else the nearest modifier of a class the head knows
//!    (`等级保护评测` → 等级保护测评, `叫号终端` → 电脑 or 业务系统); else a name before it
//!    (`社区事务管理服务平台` → 业务系统); else the item's verbs (`系统开发` → 业务系统,
//!    `系统运维` → 业务系统 or 服务器存储). Two services side by side are two items
//!    (`安全咨询培训`).
//! 4. **The line.** A test or an evaluation at the end applies to the items before it
//!    (`政府网站群、新媒体等保测评`: the 等保测评). An item of verbs alone after others refers
//!    back to what they name (`…机房租赁费及运行维护费`). A line of verbs alone
//!    (`运行维护费`) reads as the lexicon's `alone` rule says.
//! 5. **One reading or a question.** The line is one row when every item read is that
//!    row; a question among the rows when they are several (the object's rows first); no
//!    row when nothing was read — never a guess.

use std::borrow::Cow;

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

/// The verb classes, in the order a head's takes are kept; a line's reading prefers them
/// in this order too (`content` before `develop` before `maintain`; `buy` last).
const VERBS: [&str; 4] = ["content", "develop", "maintain", "buy"];

/// What a head or a line of verbs alone reads as, by the verbs: one take per verb
/// class (`None`: as with no verb), then with no verb.
#[derive(Debug, Default)]
struct ByVerbs {
    verbs: [Option<Take>; 4],
    none: Option<Take>,
}

impl ByVerbs {
    /// The takes of the verbs present, else the take with none: a content verb alone
    /// when it has a take (`内容运维` is content); else every other verb's (`购置研发`
    /// is both).
    fn takes(&self, verbs: [bool; 4]) -> Vec<&Take> {
        let mut out: Vec<&Take> = verbs
            .iter()
            .zip(&self.verbs)
            .filter_map(|(on, t)| if *on { t.as_ref() } else { None })
            .collect();
        if verbs[0] && self.verbs[0].is_some() {
            out.truncate(1);
        }
        if out.is_empty() {
            out.extend(self.none.as_ref());
        }
        out
    }

    fn set(&mut self, key: &str, take: Take) -> bool {
        match VERBS.iter().position(|v| *v == key) {
            Some(i) => {
                if let Some(slot) = self.verbs.get_mut(i) {
                    *slot = Some(take);
                }
                true
            }
            None if key == "bare" => {
                self.none = Some(take);
                true
            }
            None => false,
        }
    }
}

#[derive(Debug)]
struct Object {
    rows: Vec<usize>,
    class: usize,
    /// Head classes and object classes it captures when it stands earlier in the item.
    captures: Vec<usize>,
}

#[derive(Debug, Default)]
struct Head {
    class: usize,
    /// Object classes whose object, right before the head, gives its rows.
    adopt: Vec<usize>,
    /// By the class of the nearest modifier.
    by: Vec<(usize, Take)>,
    /// After a name (`None`: as a bare head).
    named: Option<Take>,
    /// Bare, by the item's verbs.
    bare: ByVerbs,
    /// Right after another head, it is read as that one (`新媒体平台`).
    after: bool,
    /// Head classes it captures when it stands earlier in the item, and what it reads as
    /// then (`网站…平台` → 公共服务网站).
    captures: Vec<usize>,
    captured_as: Option<Take>,
    /// Object classes whose object right before it is a thing of its own beside it
    /// (`办公设备软件`: the equipment and the software).
    beside: Vec<usize>,
}

#[derive(Debug)]
enum Sense {
    Object(Object),
    Head(Box<Head>),
    NoRow,
    Skip,
    Join,
    Verb(usize),
}

/// A node of the lexicon's trie: its children by character (sorted), and the sense of
/// the word that ends there.
type Node = (Vec<(char, usize)>, Option<usize>);

/// A table's lexicon, parsed.
#[derive(Debug)]
pub struct Lexicon {
    /// Every word with its sense, sorted by word.
    words: Vec<(String, usize)>,
    /// The words as a trie: each node's children by character (sorted), and its sense
    /// when a word ends there (node 0 is the root).
    trie: Vec<Node>,
    /// The root's children again, hashed by character (open addressing; a slot of node
    /// 0 is empty): most characters of a line start a walk, and most walks end there.
    root: Vec<(char, usize)>,
    senses: Vec<Sense>,
    /// A line of verbs alone.
    alone: ByVerbs,
    /// Object classes of which two side by side are two items.
    coordinate: Vec<usize>,
    /// Classes of the tests and evaluations that apply to the items before them.
    distribute: Vec<usize>,
    /// Modifier classes an item may end in and still be part of the next one.
    open: Vec<usize>,
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
        let mut lexicon = Lexicon {
            words: Vec::new(),
            trie: vec![(Vec::new(), None)],
            root: Vec::new(),
            senses: Vec::new(),
            alone: ByVerbs::default(),
            coordinate: Vec::new(),
            distribute: Vec::new(),
            open: Vec::new(),
        };
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
            let rule = |r: &str| -> Result<(String, String), LexiconError> {
                r.split_once('=')
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .ok_or_else(|| fault(format!("`{r}`: key=value")))
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
                "alone" => {
                    for r in parts {
                        let (k, v) = rule(r)?;
                        if !lexicon.alone.set(&k, take(&v)?) {
                            return Err(fault(format!("`{k}`: not a verb class")));
                        }
                    }
                    continue;
                }
                "coordinate" | "distribute" | "open" => {
                    let ids = classes.ids(parts.next().unwrap_or(""));
                    match first {
                        "coordinate" => lexicon.coordinate = ids,
                        "distribute" => lexicon.distribute = ids,
                        _ => lexicon.open = ids,
                    }
                    continue;
                }
                "head" => {
                    let mut h = Head {
                        class: classes.id(parts.next().unwrap_or("")),
                        ..Head::default()
                    };
                    for r in parts {
                        let (k, v) = rule(r)?;
                        match k.as_str() {
                            "adopt" => h.adopt = classes.ids(&v),
                            "after" => h.after = v == "@",
                            "named" => h.named = Some(take(&v)?),
                            "captures" => h.captures = classes.ids(&v),
                            "as" => h.captured_as = Some(take(&v)?),
                            "beside" => h.beside = classes.ids(&v),
                            _ => {
                                let t = take(&v)?;
                                if !h.bare.set(&k, t.clone()) {
                                    let c = classes.id(&k);
                                    h.by.push((c, t));
                                }
                            }
                        }
                    }
                    Sense::Head(Box::new(h))
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
            let at = lexicon.senses.len();
            lexicon.senses.push(sense);
            for w in list.split_whitespace() {
                lexicon.words.push((super::key(w), at));
            }
        }
        lexicon.words.sort_unstable();
        for (w, sense) in &lexicon.words {
            let mut node = 0;
            for c in w.chars() {
                let next = lexicon.trie.len();
                let Some((children, _)) = lexicon.trie.get_mut(node) else {
                    break;
                };
                node = match children.binary_search_by(|(x, _)| x.cmp(&c)) {
                    Ok(k) => children.get(k).map_or(0, |&(_, n)| n),
                    Err(k) => {
                        children.insert(k, (c, next));
                        lexicon.trie.push((Vec::new(), None));
                        next
                    }
                };
            }
            if let Some(slot) = lexicon.trie.get_mut(node) {
                slot.1 = Some(*sense);
            }
        }
        let firsts = lexicon.trie.first().map_or(&[][..], |(c, _)| c.as_slice());
        let size = (firsts.len() * 4).next_power_of_two().max(2);
        lexicon.root = vec![('\0', 0); size];
        for &(c, n) in firsts {
            let mut i = root_slot(c, size);
            while lexicon.root.get(i).is_some_and(|&(_, m)| m != 0) {
                i = (i + 1) & (size - 1);
            }
            if let Some(slot) = lexicon.root.get_mut(i) {
                *slot = (c, n);
            }
        }
        Ok(lexicon)
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

    /// Each word `text` starts with (its length in bytes and its sense) to `found`, each
    /// a word only where a Latin word would stand alone (`after_letter`: `text` follows a
    /// Latin letter or digit): a walk down the trie.
    fn words_at<'a>(
        &'a self,
        text: &str,
        after_letter: bool,
        mut found: impl FnMut(usize, &'a Sense),
    ) {
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let mut chars = text.char_indices().peekable();
        if after_letter && latin(chars.peek().map(|&(_, c)| c)) {
            return;
        }
        let mut node = 0;
        while let Some((at, c)) = chars.next() {
            node = if node == 0 {
                match self.root_child(c) {
                    Some(n) => n,
                    None => break,
                }
            } else {
                let Some((children, _)) = self.trie.get(node) else {
                    break;
                };
                match children.binary_search_by(|(x, _)| x.cmp(&c)) {
                    Ok(k) => children.get(k).map_or(0, |&(_, n)| n),
                    Err(_) => break,
                }
            };
            if let Some((_, Some(s))) = self.trie.get(node) {
                let alone = !latin(Some(c)) || !latin(chars.peek().map(|&(_, c)| c));
                if alone {
                    if let Some(sense) = self.senses.get(*s) {
                        found(at + c.len_utf8(), sense);
                    }
                }
            }
        }
    }

    /// The trie node a word starting with `c` goes to.
    fn root_child(&self, c: char) -> Option<usize> {
        let size = self.root.len();
        let mut i = root_slot(c, size);
        loop {
            match self.root.get(i) {
                Some(&(x, n)) if x == c && n != 0 => return Some(n),
                Some(&(_, 0)) | None => return None,
                Some(_) => i = (i + 1) & (size - 1),
            }
        }
    }

    /// The words of `text` (already cut out of its parentheses): the cut that leaves the
    /// fewest characters unknown, then has the fewest words.
    fn tokens<'a>(&'a self, text: &'a str) -> Vec<Tok<'a>> {
        let bytes = text.as_bytes();
        // best[i], for each character boundary i: (unknown characters, words) of the best
        // cut of text[i..], and its first step (a word's length in bytes and its sense, or
        // one unknown character).
        type Step<'s> = Option<(usize, Option<&'s Sense>)>;
        let mut best: Vec<((usize, usize), Step<'a>)> = vec![((0, 0), None); text.len() + 1];
        for (i, c) in text.char_indices().rev() {
            let after_letter = i > 0 && bytes.get(i - 1).is_some_and(|b| b.is_ascii_alphanumeric());
            let at = text.get(i..).unwrap_or("");
            let cost = |best: &[((usize, usize), Step<'a>)], j: usize| {
                best.get(j).map_or((usize::MAX, 0), |b| b.0)
            };
            let (u, w) = cost(&best, i + c.len_utf8());
            let mut choice = ((u.saturating_add(1), w), Some((c.len_utf8(), None)));
            self.words_at(at, after_letter, |len, sense| {
                let (u, w) = cost(&best, i + len);
                let c = (u, w + 1);
                if c <= choice.0 {
                    choice = (c, Some((len, Some(sense))));
                }
            });
            if let Some(slot) = best.get_mut(i) {
                *slot = choice;
            }
        }
        let mut out: Vec<Tok<'a>> = Vec::with_capacity(text.len() / 3 + 2);
        let mut i = 0;
        while let Some(&(_, Some((len, sense)))) = best.get(i) {
            let to = i + len.max(1);
            match sense {
                Some(s) => out.push(Tok::Word(s)),
                None => {
                    let unknown = text.get(i..to).unwrap_or("");
                    if unknown.chars().next().is_some_and(is_join_mark) {
                        out.push(Tok::Word(&Sense::Join));
                    } else if let Some(Tok::Name(last)) = out.last_mut() {
                        // Names run on: the unknown characters side by side.
                        let start = i - last.len();
                        *last = text.get(start..to).unwrap_or(last);
                    } else {
                        out.push(Tok::Name(unknown));
                    }
                }
            }
            i = to;
        }
        out
    }

    /// Reads a budget line (see the module docs).
    pub fn read(&self, text: &str) -> Reading {
        let (outside, inside) = parts(text);
        let first = self.read_text(&outside);
        if inside.is_empty() {
            return first;
        }
        match &first {
            Reading::Unknown {
                hints,
                no_row: false,
                ..
            } if hints.is_empty() => self.read_text(&inside),
            // A short parenthesis that names one of the rows settles the question
            // (`终端机(RTU)`); a gloss that reasons about it does not.
            Reading::Several { rows, .. }
                if inside.chars().count() <= 12 && !inside.contains(['非', '不', '除', '指']) =>
            {
                match self.read_text(&inside) {
                    Reading::Row(r) if rows.contains(&r) => Reading::Row(r),
                    _ => first,
                }
            }
            _ => first,
        }
    }

    fn read_text(&self, text: &str) -> Reading {
        let toks = self.tokens(text);
        let items = self.items(&toks);
        // Each item's verbs: its own, else those of the next item that has some.
        let mut verbs_of: Vec<[bool; 4]> = items.iter().map(|it| verbs(it)).collect();
        let mut carried = [false; 4];
        for v in verbs_of.iter_mut().rev() {
            if v.iter().any(|x| *x) {
                carried = *v;
            } else {
                *v = carried;
            }
        }
        let mut read: Vec<Item> = items
            .iter()
            .zip(&verbs_of)
            .map(|(it, v)| self.read_item(it, *v))
            .collect();
        // A test or an evaluation at the end applies to the items before it.
        let tested = items.last().is_some_and(|it| {
            self.head_class(it)
                .is_some_and(|c| self.distribute.contains(&c))
        });
        if tested && items.len() > 1 {
            for (k, it) in items.iter().enumerate().take(items.len() - 1) {
                let own_verbs = verbs(it).iter().any(|x| *x);
                let test = self
                    .head_class(it)
                    .is_some_and(|c| self.distribute.contains(&c));
                if !own_verbs && !test {
                    if let Some(r) = read.get_mut(k) {
                        *r = Item::Nothing;
                    }
                }
            }
        }
        // An item of verbs alone after others refers back to what they name: their
        // objects and the dominant things before them (`…机房租赁费及运行维护费`). An
        // item of verbs and modifiers only reads as a line of verbs alone (`信息化运维`).
        for k in 0..items.len() {
            let Some(it) = items.get(k) else { continue };
            let v = verbs(it);
            if !v.iter().any(|x| *x) || it.iter().any(is_head_capable) {
                continue;
            }
            let mut back = Vec::new();
            if k > 0 && !it.iter().any(is_thing) {
                for (j, earlier) in items.iter().enumerate().take(k) {
                    if let Some(Item::Rows(r)) = read.get(j) {
                        push_new(&mut back, r);
                    }
                    let ev = verbs_of.get(j).copied().unwrap_or_default();
                    for (h, t) in earlier.iter().enumerate() {
                        let dominant = matches!(t, Tok::Word(Sense::Object(o)) if !o.captures.is_empty() && !o.rows.is_empty());
                        if dominant {
                            if let Item::Rows(r) = self.read_at(earlier, h, ev) {
                                push_new(&mut back, &r);
                            }
                        }
                    }
                }
            } else {
                for t in self.alone.takes(v) {
                    if let Item::Rows(r) = taken(t, &[]) {
                        push_new(&mut back, &r);
                    }
                }
            }
            if let Some(slot) = read.get_mut(k) {
                *slot = Item::Rows(Cow::Owned(back));
            }
        }
        let mut rows: Vec<usize> = Vec::new();
        let mut count = 0;
        let mut no_row = false;
        let mut first_rows: Option<Cow<'_, [usize]>> = None;
        let mut differ = false;
        for item in read {
            match item {
                Item::Rows(r) if !r.is_empty() => {
                    count += 1;
                    match &first_rows {
                        None => first_rows = Some(r.clone()),
                        Some(f) => differ |= *f != r,
                    }
                    push_new(&mut rows, &r);
                }
                Item::Split(a, b) => {
                    count += 2;
                    differ |= a != b;
                    first_rows.get_or_insert_with(|| a.clone());
                    push_new(&mut rows, &a);
                    push_new(&mut rows, &b);
                }
                Item::NoRow => no_row = true,
                Item::Rows(_) | Item::Nothing => {}
            }
        }
        // A line of verbs alone.
        let line_verbs = verbs(&toks);
        if rows.is_empty() && !no_row && line_verbs.iter().any(|x| *x) && !toks.iter().any(is_thing)
        {
            for t in self.alone.takes(line_verbs) {
                if let Item::Rows(r) = taken(t, &[]) {
                    push_new(&mut rows, &r);
                }
            }
        }
        let rest = || {
            toks.iter()
                .filter_map(|t| match t {
                    Tok::Name(n) => Some(*n),
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
                split: count > 1 && differ,
            },
        }
    }

    /// The items of a line: its parts between joining words and marks — a part that
    /// names no thing and has no verb, or that ends in an open modifier, joined to the
    /// next — each cut again after verbs that a new object word follows.
    fn items<'t, 'a>(&self, toks: &'t [Tok<'a>]) -> Vec<&'t [Tok<'a>]> {
        let join = |t: &Tok<'_>| matches!(t, Tok::Word(Sense::Join));
        let count = 1 + toks.iter().filter(|t| join(t)).count();
        let mut items = Vec::with_capacity(count + 2);
        // The open parts join the next.
        let mut open_from: Option<usize> = None;
        let mut a = 0;
        for (k, part) in toks.split(join).enumerate() {
            let b = a + part.len();
            let from = open_from.take().unwrap_or(a);
            let last = part
                .iter()
                .rev()
                .find(|t| !matches!(t, Tok::Word(Sense::Skip | Sense::Verb(_))));
            let ends_open = matches!(last, Some(Tok::Word(Sense::Object(o)))
                if o.rows.is_empty() && self.open.contains(&o.class));
            let no_thing = !part.iter().any(is_head_capable) && !verbs(part).iter().any(|x| *x);
            if (no_thing || ends_open) && k + 1 < count {
                open_from = Some(from);
            } else {
                let mut rest = toks.get(from..b).unwrap_or(&[]);
                while let Some(cut) = verb_cut(rest, &self.open).or_else(|| count_cut(rest)) {
                    let (x, y) = rest.split_at(cut);
                    items.push(x);
                    rest = y;
                }
                items.push(rest);
            }
            a = b + 1;
        }
        items
    }

    fn head_class(&self, item: &[Tok<'_>]) -> Option<usize> {
        item.iter().rev().find_map(|t| match t {
            Tok::Word(Sense::Object(o)) if !o.rows.is_empty() => Some(o.class),
            Tok::Word(Sense::Head(h)) => Some(h.class),
            Tok::Word(Sense::NoRow) => Some(usize::MAX),
            _ => None,
        })
    }

    fn read_item<'a>(&'a self, item: &[Tok<'a>], verbs: [bool; 4]) -> Item<'a> {
        match item.iter().rposition(is_head_capable) {
            Some(h) => self.read_at(item, h, verbs),
            None => Item::Nothing,
        }
    }

    /// The item read at its object `h`.
    fn read_at<'a>(&'a self, item: &[Tok<'a>], h: usize, verbs: [bool; 4]) -> Item<'a> {
        let before = item.get(..h).unwrap_or(&[]);
        // A dominant thing earlier in the item that captures this class.
        let captured = |class: usize| {
            before.iter().rev().find_map(|t| match t {
                Tok::Word(Sense::Object(o)) if o.captures.contains(&class) => {
                    Some(Item::Rows(Cow::Borrowed(&o.rows)))
                }
                Tok::Word(Sense::Head(x)) if x.captures.contains(&class) => {
                    x.captured_as.as_ref().map(|t| taken(t, &[]))
                }
                _ => None,
            })
        };
        // The word right before it (past 等, 的 …).
        let near = before
            .iter()
            .rposition(|t| !matches!(t, Tok::Word(Sense::Skip)))
            .and_then(|k| before.get(k).map(|t| (k, t)));
        match item.get(h) {
            Some(Tok::Word(Sense::NoRow)) => Item::NoRow,
            Some(Tok::Word(Sense::Object(o))) => {
                // Two services side by side are two items.
                if let Some((_, Tok::Word(Sense::Object(p)))) = near {
                    if self.coordinate.contains(&o.class)
                        && self.coordinate.contains(&p.class)
                        && !p.rows.is_empty()
                        && p.rows != o.rows
                    {
                        return Item::Split(Cow::Borrowed(&p.rows), Cow::Borrowed(&o.rows));
                    }
                }
                captured(o.class).unwrap_or(Item::Rows(Cow::Borrowed(&o.rows)))
            }
            Some(Tok::Word(Sense::Head(head))) => {
                match near {
                    // A head right before it that captures it (`网站…平台`).
                    Some((_, Tok::Word(Sense::Head(x)))) if x.captures.contains(&head.class) => {
                        if let Some(t) = &x.captured_as {
                            return taken(t, &[]);
                        }
                    }
                    Some((k, Tok::Word(Sense::Head(_)))) if head.after => {
                        return self.read_at(item, k, verbs);
                    }
                    Some((_, Tok::Word(Sense::Object(o))))
                        if head.adopt.contains(&o.class) && !o.rows.is_empty() =>
                    {
                        return captured(o.class).unwrap_or(Item::Rows(Cow::Borrowed(&o.rows)));
                    }
                    Some((k, Tok::Word(Sense::Object(o))))
                        if head.beside.contains(&o.class) && !o.rows.is_empty() =>
                    {
                        // The object beside, and the head read without it as a name.
                        let mut rest: Vec<Tok<'_>> = Vec::new();
                        for (j, t) in item.iter().enumerate() {
                            match t {
                                _ if j == k => {}
                                Tok::Word(s) => rest.push(Tok::Word(s)),
                                Tok::Name(n) => rest.push(Tok::Name(n)),
                            }
                        }
                        let by = head.by.iter().find(|(c, _)| *c == o.class);
                        let own = match by {
                            Some((_, t)) => taken(t, &o.rows),
                            None => self.read_at(&rest, h - 1, verbs),
                        };
                        return match own {
                            Item::Rows(r) if !r.is_empty() => {
                                Item::Split(Cow::Borrowed(&o.rows), r)
                            }
                            _ => Item::Rows(Cow::Borrowed(&o.rows)),
                        };
                    }
                    _ => {}
                }
                if let Some(r) = captured(head.class) {
                    return r;
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
                        let mut rows = Vec::new();
                        for t in head.bare.takes(verbs) {
                            if let Item::Rows(r) = taken(t, &[]) {
                                push_new(&mut rows, &r);
                            }
                        }
                        if rows.is_empty() {
                            Item::Nothing
                        } else {
                            Item::Rows(Cow::Owned(rows))
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
    Name(&'a str),
}

/// What an item is read as.
enum Item<'a> {
    Rows(Cow<'a, [usize]>),
    /// Two services side by side: two items.
    Split(Cow<'a, [usize]>, Cow<'a, [usize]>),
    NoRow,
    Nothing,
}

fn taken<'a>(take: &'a Take, modifier: &'a [usize]) -> Item<'a> {
    match take {
        Take::Rows(r) => Item::Rows(Cow::Borrowed(r)),
        Take::Modifier => Item::Rows(Cow::Borrowed(modifier)),
        Take::Nothing => Item::Nothing,
    }
}

fn push_new(out: &mut Vec<usize>, rows: &[usize]) {
    for &r in rows {
        if !out.contains(&r) {
            out.push(r);
        }
    }
}

/// Whether a token names a thing (an object word, a modifier, a head or a word of no
/// row).
fn is_thing(t: &Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Word(Sense::Object(_) | Sense::Head(_) | Sense::NoRow)
    )
}

/// Whether a token can be an item's object: an object word of a row or more, a head or
/// a word of no row.
fn is_head_capable(t: &Tok<'_>) -> bool {
    match t {
        Tok::Word(Sense::Object(o)) => !o.rows.is_empty(),
        Tok::Word(Sense::Head(_) | Sense::NoRow) => true,
        _ => false,
    }
}

fn is_verb_or_skip(t: &Tok<'_>) -> bool {
    matches!(t, Tok::Word(Sense::Verb(_) | Sense::Skip))
}

/// Where a verb ends an item inside a part: after the verbs that follow a thing named,
/// when an object word (not a generic head, not an open modifier) follows them
/// (`视频监控建设 | 联网应用`; but `应用系统托管设备` is one item: the 设备 of the 应用系统).
fn verb_cut(part: &[Tok<'_>], open: &[usize]) -> Option<usize> {
    let mut seen = false;
    let mut i = 0;
    while let Some(t) = part.get(i) {
        if is_thing(t) {
            seen = true;
        } else if seen && matches!(t, Tok::Word(Sense::Verb(_))) {
            let run = part.get(i..).unwrap_or(&[]);
            let end = i + run.iter().take_while(|t| is_verb_or_skip(t)).count();
            let new_thing = match part.get(end) {
                Some(Tok::Word(Sense::Object(o))) => !o.rows.is_empty() || !open.contains(&o.class),
                Some(Tok::Word(Sense::NoRow)) => true,
                _ => false,
            };
            if new_thing {
                return Some(end);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    None
}

/// Where a counted thing starts another item of an enumeration (`一平台 | 六大库 | N应用`):
/// at a number (`一`, `六大`, `n`, `2个`) right before a thing, when a thing was named
/// before it.
fn count_cut(part: &[Tok<'_>]) -> Option<usize> {
    let mut seen = false;
    for (i, t) in part.iter().enumerate() {
        if is_head_capable(t) {
            seen = true;
        } else if let Tok::Name(n) = t {
            if seen && is_count(n) && part.get(i + 1).is_some_and(is_head_capable) {
                return Some(i);
            }
        }
    }
    None
}

/// Whether a name ends in a count: numerals, then 大, 个, 类, 项 or 套 at most (`六大`).
fn is_count(n: &str) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十两百千几多".contains(c);
    if n == "n" {
        return true;
    }
    let mut rest = n.chars().rev().peekable();
    if rest.peek().is_some_and(|c| "大个类项套".contains(*c)) {
        rest.next();
    }
    rest.next().is_some_and(numeral)
}

/// Which verb classes the tokens hold.
fn verbs(toks: &[Tok<'_>]) -> [bool; 4] {
    let mut v = [false; 4];
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
            push_new(&mut out, &o.rows);
        }
    }
    out
}

/// Marks that join two items.
fn is_join_mark(c: char) -> bool {
    matches!(c, ',' | '、' | ';' | '/' | '+' | '&' | '。' | '|')
}

/// Where character `c` is first looked for in a hash table of `size` (a power of two)
/// slots.
fn root_slot(c: char, size: usize) -> usize {
    (u32::from(c).wrapping_mul(0x9E37_79B1) >> 7) as usize & (size - 1)
}

/// Whether characters the lexicon does not know name something (`社区事务管理`,
/// `中医院`), rather than a place or a time before the thing (`望城区`, `2023年`).
fn is_name(n: &str) -> bool {
    n.chars().last().is_some_and(|c| {
        !(c.is_ascii_digit() || c.is_ascii_punctuation() || "省市县区镇乡村年期".contains(c))
    })
}

/// A line as the reader compares it ([`super::key`] character by character, quotation
/// marks dropped), outside its parentheses and inside them.
fn parts(text: &str) -> (String, String) {
    let mut outside = String::with_capacity(text.len());
    let mut inside = String::new();
    let mut depth = 0usize;
    for c in text.chars().filter_map(super::key_char) {
        match c {
            '(' | '[' | '【' | '〔' | '<' | '〈' => {
                depth += 1;
                if !inside.is_empty() {
                    inside.push('、');
                }
            }
            ')' | ']' | '】' | '〕' | '>' | '〉' => depth = depth.saturating_sub(1),
            '"' | '\'' | '“' | '”' | '‘' | '’' | '《' | '》' | '「' | '」' => {}
            c if depth > 0 => inside.push(c),
            c => outside.push(c),
        }
    }
    (outside, inside)
}
