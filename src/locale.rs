//! Message locale and bilingual text.

/// The language of `message` texts. Everything else in a verdict is locale-independent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Locale {
    /// Simplified Chinese (`zh-CN`), the default.
    #[default]
    Zh,
    /// English (`en`).
    En,
}

impl Locale {
    /// Every locale: Chinese, English.
    pub const ALL: [Locale; 2] = [Locale::Zh, Locale::En];

    /// Reads a locale tag: `zh`, `zh-CN`, `zh-Hans…` → Chinese; `en`, `en-…` → English.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lower = tag.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        match primary {
            "zh" => Some(Locale::Zh),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The canonical tag (`zh-CN` or `en`).
    pub const fn tag(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::En => "en",
        }
    }
}

/// A text in both languages.
///
/// With the `english` feature (a default feature) both are compiled in. Without it — the npm
/// package's WebAssembly build — only the Chinese is: the English is an [`En`], the key of
/// its text in a table loaded at run time ([`load_texts`]) from an asset of the package
/// that the full library writes ([`texts_asset`]; docs/performance.md, "Size after
/// revision 3"). Chinese, the default, needs nothing loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// Chinese.
    pub zh: &'static str,
    /// English.
    #[cfg(feature = "english")]
    pub en: &'static str,
    /// English: the key of its text in the table loaded at run time.
    #[cfg(not(feature = "english"))]
    pub en: En,
}

impl Text {
    /// Both languages. Write both as string literals: build.rs collects every English
    /// text of a `Text::new` under `src/` into the asset (and stops at one that is not a
    /// literal).
    #[cfg(feature = "english")]
    pub const fn new(zh: &'static str, en: &'static str) -> Text {
        Text { zh, en }
    }

    /// Both languages: the English by its key (the text is not compiled in when this is
    /// evaluated in a constant, as every rule table is).
    #[cfg(not(feature = "english"))]
    pub const fn new(zh: &'static str, en: &'static str) -> Text {
        Text { zh, en: En::of(en) }
    }

    /// The text in `locale`.
    #[cfg(feature = "english")]
    pub const fn get(self, locale: Locale) -> &'static str {
        match locale {
            Locale::Zh => self.zh,
            Locale::En => self.en,
        }
    }

    /// The text in `locale` (the English from the loaded table: see [`En::text`]).
    #[cfg(not(feature = "english"))]
    pub fn get(self, locale: Locale) -> &'static str {
        match locale {
            Locale::Zh => self.zh,
            Locale::En => self.en.text(),
        }
    }
}

/// An English text alone, where the Chinese one is another field (a fee row's `label`):
/// written `English::new("…")` with a string literal, which build.rs collects. With the
/// `english` feature the text is compiled in; without it, a key into the table loaded at
/// run time, as a [`Text`]'s English is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct English(Text);

impl English {
    /// The text (evaluated in a constant, as a fee table is, only its key is compiled into
    /// builds without the `english` feature).
    #[cfg(feature = "english")]
    pub const fn new(en: &'static str) -> English {
        English(Text { zh: "", en })
    }

    /// The text's key (evaluated in a constant, as a fee table is, the text is not compiled
    /// in).
    #[cfg(not(feature = "english"))]
    pub const fn new(en: &'static str) -> English {
        English(Text {
            zh: "",
            en: En::of(en),
        })
    }

    /// The text (without the `english` feature, from the loaded table: see [`En::text`]).
    pub fn get(self) -> &'static str {
        self.0.get(Locale::En)
    }
}

/// The key of an English text: a 32-bit FNV-1a hash of its UTF-8 bytes, the same function
/// as build.rs's (`text_hash`), which refuses two texts with one key.
pub const fn text_hash(text: &str) -> u32 {
    let b = text.as_bytes();
    let mut h = DIGEST_START;
    let mut i = 0;
    while i < b.len() {
        h = fnv(h, b[i]);
        i += 1;
    }
    h
}

/// FNV-1a's offset basis: where a hash starts.
pub(crate) const DIGEST_START: u32 = 0x811c_9dc5;

/// One byte into an FNV-1a hash.
pub(crate) const fn fnv(h: u32, byte: u8) -> u32 {
    (h ^ byte as u32).wrapping_mul(0x0100_0193)
}

/// The count of the English texts and the digest of their keys in order (build.rs's
/// `keys_digest`): what [`load_texts`] checks an asset against.
#[cfg(not(feature = "english"))]
mod keys {
    include!(concat!(env!("OUT_DIR"), "/english_keys.rs"));
}

/// Every English text of the library (build.rs: each `Text::new` and vocabulary label
/// under `src/`), sorted by key.
#[cfg(feature = "english")]
mod english {
    include!(concat!(env!("OUT_DIR"), "/english.rs"));
}

/// What separates the texts of an asset ([`texts_asset`]); build.rs refuses a text that
/// holds it.
const SEPARATOR: char = '\0';

/// The texts of `locale` that the npm package's WebAssembly build does not compile in,
/// as the package's asset `web/catalog/texts.<tag>.js` holds them (its default export),
/// and what [`load_texts`] reads: the `ruleset_id`, then every text sorted by key, each
/// after a NUL. `None` for Chinese, which is always compiled in. Written at package build
/// time by the CLI (`govit-check texts --locale en`, hidden).
#[cfg(feature = "english")]
pub fn texts_asset(locale: Locale) -> Option<String> {
    if locale != Locale::En {
        return None;
    }
    let mut out = String::from(crate::RULESET_ID);
    for text in english::ENGLISH {
        out.push(SEPARATOR);
        out.push_str(text);
    }
    Some(out)
}

/// An English text that is not compiled in (builds without the `english` feature): its
/// key ([`text_hash`]), looked up in the table [`load_texts`] fills.
#[cfg(not(feature = "english"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct En(u32);

#[cfg(not(feature = "english"))]
impl En {
    /// The key of `text` (evaluated when compiling wherever it stands in a constant).
    pub(crate) const fn of(text: &'static str) -> En {
        En(text_hash(text))
    }

    /// The text, from the loaded table. Where the table is not loaded (or, should the
    /// asset not be this build's, lacks it): the empty text, and [`texts_missing`] then
    /// names English, so the caller discards what it wrote and loads the table first.
    pub fn text(self) -> &'static str {
        if let Some(table) = ENGLISH.get() {
            if let Ok(i) = table.binary_search_by_key(&self.0, |&(key, _)| key) {
                if let Some(&(_, text)) = table.get(i) {
                    return text;
                }
            }
        }
        MISSING.store(true, std::sync::atomic::Ordering::Relaxed);
        ""
    }
}

/// The English texts by key, once loaded.
#[cfg(not(feature = "english"))]
static ENGLISH: std::sync::OnceLock<Vec<(u32, &'static str)>> = std::sync::OnceLock::new();

/// Whether an English text was asked for and not found since [`texts_missing`] last ran.
#[cfg(not(feature = "english"))]
static MISSING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Loads the texts of `locale` that this build does not compile in, from the text of
/// their asset ([`texts_asset`] of the full library, same `ruleset_id`). `true` when they
/// are loaded (now or before); `false` for an asset of another build or ruleset, or for
/// Chinese (never loaded: always compiled in).
#[cfg(not(feature = "english"))]
pub fn load_texts(locale: Locale, asset: &str) -> bool {
    if locale != Locale::En {
        return false;
    }
    if ENGLISH.get().is_some() {
        return true;
    }
    let mut texts = asset.split(SEPARATOR);
    if texts.next() != Some(crate::RULESET_ID) {
        return false;
    }
    // Sorted by key, each key once, and exactly the keys of this build (their count and
    // digest): checked before anything is kept, so that an asset of another build, cut
    // short or altered is refused whole, never half used.
    let (mut count, mut digest, mut last) = (0, DIGEST_START, None);
    for key in texts.map(text_hash) {
        if last.is_some_and(|last| last >= key) {
            return false;
        }
        last = Some(key);
        count += 1;
        digest = key.to_le_bytes().iter().fold(digest, |h, &b| fnv(h, b));
    }
    if (count, digest) != keys::ENGLISH_KEYS {
        return false;
    }
    // The asset lives as long as the process: its texts are `&'static str`, as the
    // compiled-in Chinese ones are.
    let asset: &'static str = Box::leak(asset.to_owned().into_boxed_str());
    let table: Vec<(u32, &'static str)> = asset
        .split(SEPARATOR)
        .skip(1)
        .map(|text| (text_hash(text), text))
        .collect();
    let _ = ENGLISH.set(table);
    true
}

/// The locale whose texts were asked for but not loaded since the last call (and clears
/// it): `Some(Locale::En)` means that what was written since has empty texts in place of
/// English ones — load them ([`load_texts`]) and run it again.
#[cfg(not(feature = "english"))]
pub fn texts_missing() -> Option<Locale> {
    MISSING
        .swap(false, std::sync::atomic::Ordering::Relaxed)
        .then_some(Locale::En)
}

/// `text!("中文", "English")`: a [`Text`] evaluated when compiling wherever it stands — in a
/// function body too, where a `Text::new` would run when called, its English then compiled
/// into builds without the `english` feature. Both must be string literals (build.rs
/// collects the English).
macro_rules! text {
    ($zh:literal, $en:literal $(,)?) => {
        const { $crate::locale::Text::new($zh, $en) }
    };
}
pub(crate) use text;

/// `en_format!("… {name} …", name, other = expr, …)`: an English message with values in it,
/// as `format!` writes it — every placeholder a plain `{name}` that the list names (bound
/// to the expression after `=`, else to the variable of that name); `{{` and `}}` stand
/// for braces. Checked when compiling: a placeholder the list does not name, a format
/// spec (`{x:?}`) or a positional `{}` does not compile. With the `english` feature the
/// template is compiled in and `format!` fills it; without it (the npm package's binding)
/// the template is an English text like any other — a key into the table loaded at run
/// time (build.rs collects it) — and [`fill`] puts the values in. The template must be a
/// string literal.
macro_rules! en_format {
    ($en:literal $(, $name:ident $(= $value:expr)?)* $(,)?) => {{
        const _: () = assert!(
            $crate::locale::placeholders_named($en, &[$(stringify!($name)),*]),
            "en_format!: every placeholder must be a plain {{name}} that the list names"
        );
        #[cfg(feature = "english")]
        let text = format!($en $(, $name = $crate::locale::en_format!(@value $name $(= $value)?))*);
        #[cfg(not(feature = "english"))]
        let text = $crate::locale::fill(
            $crate::locale::text!("", $en).get($crate::locale::Locale::En),
            &[$((
                stringify!($name),
                &$crate::locale::en_format!(@value $name $(= $value)?) as &dyn ::std::fmt::Display,
            )),*],
        );
        text
    }};
    (@value $name:ident) => { $name };
    (@value $name:ident = $value:expr) => { $value };
}
pub(crate) use en_format;

/// `en_str!("English")`: an English text alone, where the Chinese one is written apart
/// (`match locale { Zh => "…", En => en_str!("…") }`) — a `&'static str`, the literal with
/// the `english` feature, else looked up like any English text (build.rs collects it).
macro_rules! en_str {
    ($en:literal $(,)?) => {{
        #[cfg(feature = "english")]
        let text: &'static str = $en;
        #[cfg(not(feature = "english"))]
        let text: &'static str = $crate::locale::text!("", $en).get($crate::locale::Locale::En);
        text
    }};
}
pub(crate) use en_str;

/// Whether every placeholder of `template` is a plain `{name}` with `name` in `names`
/// (braces doubled to stand for themselves), as [`en_format!`] requires.
pub const fn placeholders_named(template: &str, names: &[&str]) -> bool {
    let b = template.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'}' {
            if i + 1 < b.len() && b[i + 1] == b'}' {
                i += 2;
                continue;
            }
            return false;
        }
        if b[i] != b'{' {
            i += 1;
            continue;
        }
        if i + 1 < b.len() && b[i + 1] == b'{' {
            i += 2;
            continue;
        }
        let start = i + 1;
        let mut end = start;
        while end < b.len() && b[end] != b'}' {
            let c = b[end];
            if !(c.is_ascii_alphanumeric() || c == b'_') {
                return false;
            }
            end += 1;
        }
        if end == start || end == b.len() || !named(b, start, end, names) {
            return false;
        }
        i = end + 1;
    }
    true
}

/// Whether `b[start..end]` is one of `names`.
const fn named(b: &[u8], start: usize, end: usize, names: &[&str]) -> bool {
    let mut n = 0;
    while n < names.len() {
        let name = names[n].as_bytes();
        if name.len() == end - start {
            let mut k = 0;
            while k < name.len() && name[k] == b[start + k] {
                k += 1;
            }
            if k == name.len() {
                return true;
            }
        }
        n += 1;
    }
    false
}

/// `template` with each `{name}` replaced by its value in `values` and `{{`, `}}` by a
/// brace: what `format!` writes for a template [`placeholders_named`] accepts. (A name
/// without a value, which that check rules out, is left out.)
#[cfg_attr(feature = "english", allow(dead_code))]
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        let (before, tail) = rest.split_at(i);
        out.push_str(before);
        if let Some(r) = tail.strip_prefix("{{").or_else(|| tail.strip_prefix("}}")) {
            out.push_str(&tail[..1]);
            rest = r;
        } else if let Some((name, r)) = tail.strip_prefix('{').and_then(|t| t.split_once('}')) {
            if let Some((_, value)) = values.iter().find(|(n, _)| *n == name) {
                let _ = write!(out, "{value}");
            }
            rest = r;
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// What only the catalogs show (`rules`, `form`): a rule's title and the clause it quotes,
/// a regulation's validity clause, its region's names, Wulong's annex rows. Written with
/// [`shown!`](crate::locale::shown): with the `catalog` feature (a default feature) it holds the
/// value; without it — the npm package's WebAssembly build, whose catalogs are JSON assets
/// written by the full library — the value is not compiled in, so it adds no byte to the
/// binary, and nothing can read it (there is no `Shown::get`).
#[derive(Clone, Copy)]
pub struct Shown<T: Copy + 'static> {
    #[cfg(feature = "catalog")]
    value: T,
    #[cfg(not(feature = "catalog"))]
    value: std::marker::PhantomData<T>,
}

impl<T: Copy + 'static> Shown<T> {
    /// The value (what [`shown!`](crate::locale::shown) writes with the `catalog` feature).
    #[cfg(feature = "catalog")]
    pub const fn new(value: T) -> Shown<T> {
        Shown { value }
    }

    /// Nothing (what [`shown!`](crate::locale::shown) writes without the `catalog` feature).
    #[cfg(not(feature = "catalog"))]
    pub const NONE: Shown<T> = Shown {
        value: std::marker::PhantomData,
    };

    /// The value.
    #[cfg(feature = "catalog")]
    pub const fn get(self) -> T {
        self.value
    }
}

/// `shown!(value)`: a [`Shown`] value — the value with the `catalog` feature; without it,
/// nothing: the value is still type-checked (so both builds accept the same tables), in
/// a branch never taken, so it is neither evaluated nor written into the binary.
#[cfg(feature = "catalog")]
macro_rules! shown {
    ($value:expr) => {
        $crate::locale::Shown::new($value)
    };
}

/// `shown!(value)`: a [`Shown`] value — the value with the `catalog` feature; without it,
/// nothing: the value is still type-checked (so both builds accept the same tables), in
/// a branch never taken, so it is neither evaluated nor written into the binary.
#[cfg(not(feature = "catalog"))]
macro_rules! shown {
    ($value:expr) => {{
        if false {
            let _ = const { $value };
        }
        $crate::locale::Shown::NONE
    }};
}
pub(crate) use shown;

#[cfg(test)]
mod tests {
    use super::{fill, placeholders_named};

    #[test]
    fn placeholders_must_be_plain_listed_names() {
        assert!(placeholders_named("no placeholder", &[]));
        assert!(placeholders_named("{a} and {b_2}", &["a", "b_2"]));
        assert!(placeholders_named("{{braces}} {a}", &["a"]));
        assert!(!placeholders_named("{a} and {b}", &["a"]), "b not listed");
        assert!(!placeholders_named("{}", &[]), "positional");
        assert!(!placeholders_named("{a:?}", &["a"]), "format spec");
        assert!(!placeholders_named("{a", &["a"]), "not closed");
        assert!(!placeholders_named("a}", &[]), "lone closing brace");
        assert!(
            !placeholders_named("{ab}", &["a"]),
            "a prefix is not the name"
        );
        assert!(!placeholders_named("{a}", &["ab"]), "nor a longer name");
    }

    /// `fill` writes what `format!` writes for every template `en_format!` accepts: names
    /// repeated, braces doubled, values of several types, placeholders at either end,
    /// UTF-8 around them.
    #[test]
    fn fill_writes_what_format_writes() {
        let (a, n, d) = ("“x”", 12_u32, rust_decimal::Decimal::new(-1205, 1));
        let cases = [
            (a.to_string(), "{a}"),
            (format!("{a} and {a}, {n}"), "{a} and {a}, {n}"),
            (format!("{{a}} {d} 万元}}"), "{{a}} {d} 万元}}"),
            (format!("调增 {n} 万元（{d}）"), "调增 {n} 万元（{d}）"),
            ("plain".to_string(), "plain"),
            (String::new(), ""),
        ];
        let values: [(&str, &dyn std::fmt::Display); 3] = [("a", &a), ("n", &n), ("d", &d)];
        for (formatted, template) in cases {
            assert!(placeholders_named(template, &["a", "n", "d"]), "{template}");
            assert_eq!(fill(template, &values), formatted, "{template}");
        }
        // What the check rules out never panics: left as is or left out.
        assert_eq!(fill("{", &values), "{");
        assert_eq!(fill("}", &values), "}");
        assert_eq!(fill("{zz} {a", &values), " {a");
    }
}
