//! Computes `ruleset_id` (contract §8: which rules decided a verdict) when the library is
//! built, and hands it to the code as the environment variable `GOVIT_CHECK_RULESET_ID`
//! (`govit_check::RULESET_ID`).
//!
//! It is the SHA-256 (first 128 bits, lowercase hex) of everything that defines an
//! answer, in a stable order:
//! - every file under `src/` but the conformance cases (`*.jsonl`): rule tables,
//!   messages, the annex, the regulations' texts, engine code — by its path relative to
//!   the package and its contents with CRLF line ends read as LF;
//! - the package version (it is in every answer's `ruleset`) and the library's
//!   dependencies with their features (as the manifest names them, inline or as tables:
//!   `cargo package` rewrites one into the other);
//! - the lock file's entry (name, version, source, checksum) of each dependency whose code
//!   computes answers ([`COMPUTING_DEPENDENCIES`]: rust_decimal's arithmetic). The lock is
//!   the one the build uses: the nearest `Cargo.lock` above the build's output folder (the
//!   workspace being built), else the package's own.
//!
//! Nothing depends on the target: a native and a Wasm build of one source get the same
//! id (crates/wasm/replay tests it), and any change to one of these inputs changes it
//! (tests/ruleset_id.rs, which includes this file). Tests, benches, docs and the README
//! are not inputs: they cannot change an answer.

use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let lock = lock_file(&out, &manifest);
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.toml");
    if let Some(lock) = &lock {
        println!("cargo:rerun-if-changed={}", lock.display());
    }
    let lock_text = lock.and_then(|p| std::fs::read_to_string(p).ok());
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    match ruleset_id(&manifest, &version, lock_text.as_deref()) {
        Ok(id) => println!("cargo:rustc-env=GOVIT_CHECK_RULESET_ID={id}"),
        Err(e) => {
            println!("cargo:warning=ruleset_id: {e}");
            std::process::exit(1);
        }
    }
    if let Err(e) = english::write(&manifest.join("src"), &out.join("english.rs")) {
        println!("cargo:warning=English texts: {e}");
        std::process::exit(1);
    }
}

/// The English texts of the library (`src/locale.rs`, `Text`): every English text of a
/// `Text::new("中文", "English")` or `text!("中文", "English")` and of a vocabulary row of
/// `named!` (`Name = "json", "中文", "English";`) under `src/`, except inside `shown!(…)` (the catalogs, which are
/// not in the binding at all), written to `$OUT_DIR/english.rs` as `ENGLISH`, sorted by
/// key ([`english::text_hash`], the library's `locale::text_hash`). The full library
/// writes them as the npm package's asset `texts.en` (`texts_asset`); the package's
/// WebAssembly build (without the `english` feature) keeps only each text's key and loads
/// the asset when a message in English is asked for. So that no English text can be
/// missing from the asset, a `Text::new` whose arguments are not two string literals
/// stops the build, as do two texts with one key or a text holding the asset's
/// separator (NUL).
pub mod english {
    use std::path::Path;

    /// A token of Rust source, as far as finding the texts needs.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Tok {
        /// An identifier or keyword.
        Ident(String),
        /// One punctuation character.
        Punct(char),
        /// A string literal (plain or raw), its value.
        Str(String),
        /// Anything else: numbers, char, byte and C string literals, lifetimes.
        Other,
    }

    /// The key of a text: 32-bit FNV-1a of its UTF-8 bytes (the library's
    /// `locale::text_hash`; a test compares them).
    pub fn text_hash(text: &str) -> u32 {
        text.bytes().fold(0x811c_9dc5_u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        })
    }

    /// Writes `ENGLISH` from the files under `src` into `dest`.
    ///
    /// # Errors
    /// A file cannot be read, a `Text::new` has other arguments than two literals, two
    /// texts share a key, or a text holds NUL.
    pub fn write(src: &Path, dest: &Path) -> Result<(), String> {
        let mut files = Vec::new();
        super::walk(src, "src", &mut files)?;
        files.retain(|f| f.ends_with(".rs"));
        files.sort();
        let mut texts = Vec::new();
        let root = src.parent().unwrap_or(src);
        for rel in &files {
            let text =
                std::fs::read_to_string(root.join(rel)).map_err(|e| format!("{rel}: {e}"))?;
            texts.extend(collect(&text).map_err(|e| format!("{rel}:{e}"))?);
        }
        let texts = sorted(texts)?;
        let mut out = String::from(
            "/// Every English text of `Text::new` and `named!` under `src/`, sorted by key\n\
             /// (written by build.rs).\n\
             pub(crate) static ENGLISH: &[&str] = &[\n",
        );
        for t in &texts {
            out.push_str(&format!("    {t:?},\n"));
        }
        out.push_str("];\n");
        std::fs::write(dest, out).map_err(|e| format!("{}: {e}", dest.display()))?;
        // What a build without the texts checks a loaded asset against.
        let keys = dest.with_file_name("english_keys.rs");
        let digest = keys_digest(texts.iter().map(|t| text_hash(t)));
        std::fs::write(
            &keys,
            format!(
                "/// How many English texts there are and the digest of their keys in order\n\
                 /// (build.rs): what a loaded asset must match.\n\
                 pub(crate) const ENGLISH_KEYS: (usize, u32) = ({}, {digest:#010x});\n",
                texts.len()
            ),
        )
        .map_err(|e| format!("{}: {e}", keys.display()))
    }

    /// The digest of keys in order: FNV-1a over their little-endian bytes (the library's
    /// `locale::keys_digest`).
    pub fn keys_digest(keys: impl Iterator<Item = u32>) -> u32 {
        keys.flat_map(u32::to_le_bytes)
            .fold(0x811c_9dc5_u32, |h, b| {
                (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
            })
    }

    /// The texts, each once, sorted by key.
    ///
    /// # Errors
    /// Two texts with one key, or a text holding NUL.
    pub fn sorted(mut texts: Vec<String>) -> Result<Vec<String>, String> {
        if let Some(t) = texts.iter().find(|t| t.contains('\0')) {
            return Err(format!("{t:?} holds NUL, the asset's separator"));
        }
        texts.sort_by(|a, b| text_hash(a).cmp(&text_hash(b)).then_with(|| a.cmp(b)));
        texts.dedup();
        for pair in texts.windows(2) {
            if let [a, b] = pair {
                if text_hash(a) == text_hash(b) {
                    return Err(format!("{a:?} and {b:?} have one key: reword one"));
                }
            }
        }
        Ok(texts)
    }

    /// The English texts of one file (`Err`: `line: what`).
    pub fn collect(source: &str) -> Result<Vec<String>, String> {
        let toks = tokens(source)?;
        let ident = |i: usize, s: &str| matches!(toks.get(i), Some((Tok::Ident(x), _)) if x == s);
        let punct = |i: usize, c: char| matches!(toks.get(i), Some((Tok::Punct(x), _)) if *x == c);
        let string = |i: usize| match toks.get(i) {
            Some((Tok::Str(s), _)) => Some(s.clone()),
            _ => None,
        };
        // The index of the token that closes the bracket opened at `open`.
        let close = |open: usize| -> Result<usize, String> {
            let mut depth = 0usize;
            for (j, (t, line)) in toks.iter().enumerate().skip(open) {
                match t {
                    Tok::Punct('(' | '[' | '{') => depth += 1,
                    Tok::Punct(')' | ']' | '}') => {
                        depth = depth.checked_sub(1).ok_or(format!("{line}: unbalanced"))?;
                        if depth == 0 {
                            return Ok(j);
                        }
                    }
                    _ => {}
                }
            }
            Err(format!("{}: not closed", toks.get(open).map_or(0, |t| t.1)))
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            // `#[cfg(feature = "catalog")]`: the item it marks is not in the binding.
            if punct(i, '#')
                && punct(i + 1, '[')
                && ident(i + 2, "cfg")
                && punct(i + 3, '(')
                && ident(i + 4, "feature")
                && punct(i + 5, '=')
                && string(i + 6).as_deref() == Some("catalog")
                && punct(i + 7, ')')
                && punct(i + 8, ']')
            {
                i = item_end(&toks, i + 9, &close)?;
                continue;
            }
            // The definition of `text!` (its uses are collected below).
            if ident(i, "macro_rules")
                && punct(i + 1, '!')
                && ident(i + 2, "text")
                && punct(i + 3, '{')
            {
                i = close(i + 3)? + 1;
                continue;
            }
            if ident(i, "shown") && punct(i + 1, '!') && punct(i + 2, '(') {
                i = close(i + 2)? + 1;
                continue;
            }
            if ident(i, "Text")
                && punct(i + 1, ':')
                && punct(i + 2, ':')
                && ident(i + 3, "new")
                && punct(i + 4, '(')
            {
                let line = toks.get(i).map_or(0, |t| t.1);
                let en = match (string(i + 5), punct(i + 6, ','), string(i + 7)) {
                    (Some(_), true, Some(en)) => en,
                    _ => {
                        return Err(format!(
                        "{line}: write Text::new(\"中文\", \"English\") with two string literals \
                             (build.rs collects the English ones)"
                    ))
                    }
                };
                let end = if punct(i + 8, ',') { i + 9 } else { i + 8 };
                if !punct(end, ')') {
                    return Err(format!("{line}: Text::new takes two string literals"));
                }
                out.push(en);
                i = end + 1;
                continue;
            }
            if ident(i, "text") && punct(i + 1, '!') && punct(i + 2, '(') {
                let end = close(i + 2)?;
                if let (Some(_), true, Some(en)) = (string(i + 3), punct(i + 4, ','), string(i + 5))
                {
                    out.push(en);
                }
                i = end + 1;
                continue;
            }
            // An English text whose first argument is its text: `English::new("…")` (a
            // text alone), `en_format!("template", names…)`, `en_str!("…")`. A
            // non-literal (as in a macro's body) is left to the macro's callers.
            let open = if ident(i, "English")
                && punct(i + 1, ':')
                && punct(i + 2, ':')
                && ident(i + 3, "new")
                && punct(i + 4, '(')
            {
                Some(i + 4)
            } else if (ident(i, "en_format") || ident(i, "en_str"))
                && punct(i + 1, '!')
                && punct(i + 2, '(')
            {
                Some(i + 2)
            } else {
                None
            };
            if let Some(open) = open {
                if let Some(en) = string(open + 1) {
                    out.push(en);
                }
                i = close(open)? + 1;
                continue;
            }
            if ident(i, "named") && punct(i + 1, '!') && punct(i + 2, '{') {
                let end = close(i + 2)?;
                for j in i + 3..end {
                    if punct(j, '=') && punct(j + 2, ',') && punct(j + 4, ',') && punct(j + 6, ';')
                    {
                        if let (Some(_), Some(_), Some(en)) =
                            (string(j + 1), string(j + 3), string(j + 5))
                        {
                            out.push(en);
                        }
                    }
                }
                i = end + 1;
                continue;
            }
            i += 1;
        }
        Ok(out)
    }

    /// Where the item, field or arm starting at `i` ends: past its `;` or `,`, or past its
    /// `{ … }` block, or at the bracket that closes what holds it.
    fn item_end(
        toks: &[(Tok, usize)],
        mut i: usize,
        close: &dyn Fn(usize) -> Result<usize, String>,
    ) -> Result<usize, String> {
        while let Some((t, _)) = toks.get(i) {
            match t {
                Tok::Punct(';' | ',') => return Ok(i + 1),
                Tok::Punct('{') => return Ok(close(i)? + 1),
                Tok::Punct('(' | '[') => i = close(i)? + 1,
                Tok::Punct(')' | ']' | '}') => return Ok(i),
                _ => i += 1,
            }
        }
        Ok(i)
    }

    /// The tokens of Rust source, each with its line; comments and whitespace left out.
    ///
    /// # Errors
    /// An unterminated literal or comment, or an unknown escape.
    pub fn tokens(source: &str) -> Result<Vec<(Tok, usize)>, String> {
        let s: Vec<char> = source.chars().collect();
        let at = |i: usize| s.get(i).copied().unwrap_or('\0');
        let is_ident = |c: char| c == '_' || c.is_alphanumeric();
        let mut out = Vec::new();
        let mut line = 1;
        let mut i = 0;
        while i < s.len() {
            let c = at(i);
            let start_line = line;
            if c == '\n' {
                line += 1;
                i += 1;
            } else if c.is_whitespace() {
                i += 1;
            } else if c == '/' && at(i + 1) == '/' {
                while i < s.len() && at(i) != '\n' {
                    i += 1;
                }
            } else if c == '/' && at(i + 1) == '*' {
                let mut depth = 0;
                loop {
                    if i >= s.len() {
                        return Err(format!("{start_line}: unterminated comment"));
                    }
                    if at(i) == '/' && at(i + 1) == '*' {
                        depth += 1;
                        i += 2;
                    } else if at(i) == '*' && at(i + 1) == '/' {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        line += usize::from(at(i) == '\n');
                        i += 1;
                    }
                }
            } else if c == '"' {
                let (value, next, lines) =
                    string(&s, i + 1).map_err(|e| format!("{start_line}: {e}"))?;
                out.push((Tok::Str(value), start_line));
                line += lines;
                i = next;
            } else if c == 'r'
                && (at(i + 1) == '"'
                    || (at(i + 1) == '#' && (at(i + 2) == '"' || at(i + 2) == '#')))
            {
                let (value, next) =
                    raw(&s, i + 1).ok_or(format!("{start_line}: unterminated raw string"))?;
                line += value.matches('\n').count();
                out.push((Tok::Str(value), start_line));
                i = next;
            } else if (c == 'b' || c == 'c')
                && (at(i + 1) == '"'
                    || at(i + 1) == '\''
                    || (at(i + 1) == 'r' && matches!(at(i + 2), '"' | '#')))
            {
                // Byte and C strings and byte chars: not texts.
                let next = match at(i + 1) {
                    '"' => string(&s, i + 2)
                        .map(|(v, n, l)| {
                            line += l;
                            let _ = v;
                            n
                        })
                        .map_err(|e| format!("{start_line}: {e}"))?,
                    '\'' => {
                        char_end(&s, i + 1).ok_or(format!("{start_line}: unterminated byte"))?
                    }
                    _ => raw(&s, i + 2)
                        .map(|(v, n)| {
                            line += v.matches('\n').count();
                            n
                        })
                        .ok_or(format!("{start_line}: unterminated raw string"))?,
                };
                out.push((Tok::Other, start_line));
                i = next;
            } else if c == '\'' {
                // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
                if at(i + 1) == '\\' || at(i + 2) == '\'' {
                    i = char_end(&s, i).ok_or(format!("{start_line}: unterminated char"))?;
                } else {
                    i += 1;
                    while is_ident(at(i)) {
                        i += 1;
                    }
                }
                out.push((Tok::Other, start_line));
            } else if c.is_ascii_digit() {
                while is_ident(at(i)) {
                    i += 1;
                }
                out.push((Tok::Other, start_line));
            } else if is_ident(c) {
                let from = i;
                while is_ident(at(i)) {
                    i += 1;
                }
                out.push((Tok::Ident(s[from..i].iter().collect()), start_line));
            } else {
                out.push((Tok::Punct(c), start_line));
                i += 1;
            }
        }
        Ok(out)
    }

    /// The end (past the closing quote) of the char literal whose opening quote is at `i`.
    fn char_end(s: &[char], i: usize) -> Option<usize> {
        let mut j = i + 1;
        while j < s.len() {
            match s.get(j) {
                Some('\\') => j += 2,
                Some('\'') => return Some(j + 1),
                _ => j += 1,
            }
        }
        None
    }

    /// A plain string literal's value from `i` (just past its opening quote): the value,
    /// the index past its closing quote, the line ends inside it.
    fn string(s: &[char], mut i: usize) -> Result<(String, usize, usize), String> {
        let mut v = String::new();
        let mut lines = 0;
        loop {
            let c = *s.get(i).ok_or("unterminated string")?;
            i += 1;
            match c {
                '"' => return Ok((v, i, lines)),
                '\\' => {
                    let e = *s.get(i).ok_or("unterminated string")?;
                    i += 1;
                    match e {
                        'n' => v.push('\n'),
                        'r' => v.push('\r'),
                        't' => v.push('\t'),
                        '0' => v.push('\0'),
                        '\\' | '\'' | '"' => v.push(e),
                        'x' => {
                            let hex: String = s.get(i..i + 2).ok_or("bad \\x")?.iter().collect();
                            let b = u8::from_str_radix(&hex, 16).map_err(|_| "bad \\x")?;
                            v.push(char::from(b));
                            i += 2;
                        }
                        'u' => {
                            let close = s
                                .get(i..)
                                .and_then(|r| r.iter().position(|&c| c == '}'))
                                .ok_or("bad \\u")?;
                            let hex: String = s
                                .get(i + 1..i + close)
                                .ok_or("bad \\u")?
                                .iter()
                                .filter(|&&c| c != '_')
                                .collect();
                            let n = u32::from_str_radix(&hex, 16).map_err(|_| "bad \\u")?;
                            v.push(char::from_u32(n).ok_or("bad \\u")?);
                            i += close + 1;
                        }
                        '\n' => {
                            lines += 1;
                            while s.get(i).is_some_and(|c| c.is_whitespace()) {
                                lines += usize::from(s.get(i) == Some(&'\n'));
                                i += 1;
                            }
                        }
                        other => return Err(format!("unknown escape \\{other}")),
                    }
                }
                '\n' => {
                    lines += 1;
                    v.push('\n');
                }
                // A CR before a line end is not part of a string's value.
                '\r' if s.get(i) == Some(&'\n') => {}
                c => v.push(c),
            }
        }
    }

    /// A raw string from `i` (at its first `#` or its quote): its value and the index past it.
    fn raw(s: &[char], mut i: usize) -> Option<(String, usize)> {
        let mut hashes = 0;
        while s.get(i) == Some(&'#') {
            hashes += 1;
            i += 1;
        }
        if s.get(i) != Some(&'"') {
            return None;
        }
        i += 1;
        let from = i;
        while i < s.len() {
            if s.get(i) == Some(&'"') && (1..=hashes).all(|k| s.get(i + k) == Some(&'#')) {
                return Some((s.get(from..i)?.iter().collect(), i + 1 + hashes));
            }
            i += 1;
        }
        None
    }
}

/// The lock file the build uses: the nearest `Cargo.lock` above `out_dir` (inside the
/// target folder of the workspace being built), else the one beside the manifest.
pub fn lock_file(out_dir: &Path, manifest_dir: &Path) -> Option<PathBuf> {
    out_dir
        .ancestors()
        .map(|d| d.join("Cargo.lock"))
        .find(|p| p.is_file())
        .or_else(|| Some(manifest_dir.join("Cargo.lock")).filter(|p| p.is_file()))
}

/// The id of the package at `root` (its `src/` and `Cargo.toml`), version `version`,
/// built with the lock file `lock` (`None`: no lock file found; the dependencies count by
/// their requirements in the manifest alone).
///
/// # Errors
/// A file under `src/` or the manifest cannot be read.
pub fn ruleset_id(root: &Path, version: &str, lock: Option<&str>) -> Result<String, String> {
    let mut h = Sha256::new();
    let mut files = Vec::new();
    walk(&root.join("src"), "src", &mut files)?;
    // The conformance cases beside each regulation (`cases/*.jsonl`) test answers; they
    // do not make them.
    files.retain(|f| !f.ends_with(".jsonl"));
    files.sort();
    for rel in &files {
        let bytes = std::fs::read(root.join(rel)).map_err(|e| format!("{rel}: {e}"))?;
        h.field(b"file", rel.as_bytes());
        h.field(b"text", &lf(&bytes));
    }
    h.field(b"version", version.as_bytes());
    let manifest =
        std::fs::read(root.join("Cargo.toml")).map_err(|e| format!("Cargo.toml: {e}"))?;
    let manifest = String::from_utf8_lossy(&lf(&manifest)).into_owned();
    let (deps, names) = dependency_sections(&manifest);
    h.field(b"dependencies", deps.as_bytes());
    if let Some(lock) = lock {
        let computing: Vec<String> = names
            .into_iter()
            .filter(|n| COMPUTING_DEPENDENCIES.contains(&n.as_str()))
            .collect();
        for entry in lock_entries(&String::from_utf8_lossy(&lf(lock.as_bytes())), &computing) {
            h.field(b"lock", entry.as_bytes());
        }
    }
    let digest = h.finish();
    Ok(digest[..16].iter().map(|b| format!("{b:02x}")).collect())
}

/// The `/`-separated paths of every file below `dir`, as `prefix/…`.
fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let rel = format!("{prefix}/{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            walk(&entry.path(), &rel, out)?;
        } else {
            out.push(rel);
        }
    }
    Ok(())
}

/// The text with every CRLF read as LF.
fn lf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        if !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
            out.push(b);
        }
    }
    out
}

/// The library's dependencies (the manifest's `[dependencies]` and
/// `[target.….dependencies]`, not dev- or build-dependencies), each as a line
/// `<target> <name> default-features=<bool> features=<sorted>`, and their names. A
/// dependency written inline (`name = { … }`) and as a table (`[dependencies.name]`, as
/// `cargo package` rewrites a manifest) give the same line; version requirements are left
/// to the lock file, which says what was built.
pub fn dependency_sections(manifest: &str) -> (String, Vec<String>) {
    // (target, name, the text of its specification)
    let mut deps: Vec<(String, String, String)> = Vec::new();
    // The section being read: `Some((target, None))` for a `[..dependencies]` list,
    // `Some((target, Some(name)))` for a `[..dependencies.name]` table.
    let mut section: Option<(String, Option<String>)> = None;
    for line in manifest.lines() {
        let t = line.trim();
        if t.starts_with('[') && !t.starts_with("[[") {
            section = dependency_header(t.trim_start_matches('[').trim_end_matches(']'));
            if let Some((target, Some(name))) = &section {
                deps.push((target.clone(), name.clone(), String::new()));
            }
            continue;
        }
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        match &section {
            Some((target, None)) => {
                if let Some((name, spec)) = t.split_once('=') {
                    let name = name.trim().trim_matches('"').to_string();
                    deps.push((target.clone(), name, spec.to_string()));
                }
            }
            Some((_, Some(_))) => {
                if let Some(last) = deps.last_mut() {
                    last.2.push_str(t);
                    last.2.push('\n');
                }
            }
            None => {}
        }
    }
    let mut lines: Vec<String> = deps
        .iter()
        .map(|(target, name, spec)| {
            let default = !spec.replace(' ', "").contains("default-features=false");
            let mut features: Vec<String> = spec
                .split_once("features")
                .and_then(|(_, rest)| rest.split_once('['))
                .and_then(|(_, rest)| rest.split_once(']'))
                .map(|(list, _)| {
                    list.split(',')
                        .map(|f| f.trim().trim_matches('"').to_string())
                        .filter(|f| !f.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            features.sort();
            format!(
                "{target} {name} default-features={default} features={}",
                features.join(",")
            )
        })
        .collect();
    lines.sort();
    let names = deps.into_iter().map(|(_, name, _)| name).collect();
    (lines.join("\n"), names)
}

/// `dependencies` → `Some(("", None))`, `dependencies.serde` → `Some(("", Some("serde")))`,
/// `target.'cfg(x)'.dependencies` → `Some(("cfg(x)", None))`; other sections `None`.
fn dependency_header(h: &str) -> Option<(String, Option<String>)> {
    let (target, rest) = match h.strip_prefix("target.") {
        Some(r) => {
            let (t, rest) = r.rsplit_once(".dependencies").or_else(|| {
                let i = r.find(".dependencies.")?;
                Some((&r[..i], &r[i + ".dependencies".len()..]))
            })?;
            (t.trim_matches(|c| c == '\'' || c == '"').to_string(), rest)
        }
        None => (String::new(), h.strip_prefix("dependencies")?),
    };
    match rest.strip_prefix('.') {
        None if rest.is_empty() => Some((target, None)),
        Some(name) => Some((target, Some(name.trim_matches('"').to_string()))),
        None => None,
    }
}

/// The dependencies whose code computes answers, and so whose locked version is part of
/// the id: rust_decimal's arithmetic. The library reads and writes JSON, dates and decimal
/// text with its own code; serde, serde_json and thiserror only carry what it computed (their
/// features are in the id, through the manifest). A patch release of one of those, which a
/// server's lock file picks up on its own, must not make its answers look like other rules'.
pub const COMPUTING_DEPENDENCIES: &[&str] = &["rust_decimal"];

/// The lock file's entries (`name version source checksum`, sorted) of the packages named.
pub fn lock_entries(lock: &str, names: &[String]) -> Vec<String> {
    let mut entries: Vec<String> = lock
        .split("[[package]]")
        .skip(1)
        .filter_map(|block| {
            let value = |key: &str| {
                block.lines().find_map(|l| {
                    let (k, v) = l.split_once(" = ")?;
                    (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
                })
            };
            let name = value("name")?;
            names.contains(&name).then(|| {
                format!(
                    "{name} {} {} {}",
                    value("version").unwrap_or_default(),
                    value("source").unwrap_or_default(),
                    value("checksum").unwrap_or_default()
                )
            })
        })
        .collect();
    entries.sort();
    entries
}

/// SHA-256 (FIPS 180-4), enough of it for a build script: no dependency to build first.
pub struct Sha256 {
    state: [u32; 8],
    buf: Vec<u8>,
    len: u64,
}

const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

impl Default for Sha256 {
    fn default() -> Sha256 {
        Sha256::new()
    }
}

impl Sha256 {
    /// A fresh hash.
    pub fn new() -> Sha256 {
        Sha256 {
            state: [
                0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
                0x5be0cd19,
            ],
            buf: Vec::with_capacity(64),
            len: 0,
        }
    }

    /// Adds bytes.
    pub fn update(&mut self, mut data: &[u8]) {
        self.len = self.len.wrapping_add(data.len() as u64);
        if !self.buf.is_empty() {
            let take = (64 - self.buf.len()).min(data.len());
            let (head, rest) = data.split_at(take);
            self.buf.extend_from_slice(head);
            data = rest;
            if self.buf.len() == 64 {
                let block = std::mem::take(&mut self.buf);
                self.block(&block);
                self.buf = block;
                self.buf.clear();
            }
        }
        let mut blocks = data.chunks_exact(64);
        for block in &mut blocks {
            self.block(block);
        }
        self.buf.extend_from_slice(blocks.remainder());
    }

    /// Adds a tagged, length-prefixed field, so that no two sequences of fields hash the
    /// same bytes.
    fn field(&mut self, tag: &[u8], data: &[u8]) {
        self.update(tag);
        self.update(&(data.len() as u64).to_be_bytes());
        self.update(data);
    }

    fn block(&mut self, block: &[u8]) {
        let mut w = [0u32; 64];
        for (i, c) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = self.state;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = h
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            h = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (s, v) in self.state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *s = s.wrapping_add(v);
        }
    }

    /// The digest.
    pub fn finish(mut self) -> [u8; 32] {
        let bits = self.len.wrapping_mul(8);
        self.update(&[0x80]);
        while self.buf.len() != 56 {
            self.update(&[0]);
        }
        self.update(&bits.to_be_bytes());
        let mut out = [0u8; 32];
        for (o, s) in out.chunks_exact_mut(4).zip(self.state) {
            o.copy_from_slice(&s.to_be_bytes());
        }
        out
    }
}
