//! The library's layers hold: values (date, money, locale, names, limits, the model,
//! the verdict vocabulary, `Error` as data) → rules (the condition language, rule records,
//! the change kit) → regimes (one folder per regulation and the registry) → checks →
//! input/output (reading, writing, labels, messages, evaluate). A module uses only its own
//! layer and those before it, and no cycle runs through a layer.
//!
//! Read from the sources (`crate::…` and `super::…` paths outside `#[cfg(test)]` modules),
//! the way a reader of the code would follow them.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "a test's helpers: an unreadable source tree or an unknown module fails the test"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layer of a module (by its path's first segment, or the full path).
fn layer(module: &str) -> usize {
    let first = module.split("::").next().unwrap_or(module);
    match first {
        "date" | "money" | "locale" | "names" | "limits" | "model" | "verdict" | "error"
        | "shape" => 0,
        "rules" => 1,
        "regimes" => 2,
        "checks" => 3,
        "input" | "read" | "json" | "json_out" | "labels" | "evaluate" | "serde_interop"
        | "compare" | "ruleset" | "messages" | "render" | "form" | "schema" => 4,
        "lib" => 5,
        other => panic!("module {other} has no layer: add it to tests/layers.rs"),
    }
}

/// Edges that break the layers today, each with the work that removes it. The test fails
/// when one disappears (take it off) or a new one appears.
const KNOWN: &[(&str, &str, &str)] = &[];

/// Edges inside a layer that close a cycle today, each with the work that removes it.
const KNOWN_IN_LAYER: &[(&str, &str, &str)] = &[];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src/ readable").flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `src/regimes/baotou/mod.rs` → `regimes::baotou`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// The code outside test modules, without comments.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn idents_after<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        let tail = &rest[i + prefix.len()..];
        let end = tail
            .find(|c: char| {
                !(c.is_ascii_alphanumeric()
                    || c == '_'
                    || c == ':'
                    || c == '{'
                    || c == ','
                    || c == ' '
                    || c == '\n')
            })
            .unwrap_or(tail.len());
        out.push(&tail[..end]);
        rest = &tail[end..];
    }
    out
}

/// The modules a path names: `a::b::C` → the longest known module prefix; a group
/// `{a::b, c}` → each member.
fn resolve(path: &str, modules: &BTreeSet<String>, out: &mut BTreeSet<String>) {
    let path = path.trim();
    if let Some(i) = path.find('{') {
        let base = path[..i].trim_end_matches("::");
        for member in path[i + 1..].split(',') {
            let m = member.trim().trim_end_matches('}');
            if m.is_empty() {
                continue;
            }
            let full = if base.is_empty() {
                m.to_string()
            } else {
                format!("{base}::{m}")
            };
            resolve(&full, modules, out);
        }
        return;
    }
    let segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    for k in (1..=segs.len()).rev() {
        let m = segs[..k].join("::");
        if modules.contains(&m) {
            out.insert(m);
            return;
        }
    }
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut g = BTreeMap::new();
    for f in &files {
        let m = module_of(&src, f);
        let text = code(&std::fs::read_to_string(f).expect("readable"));
        let mut deps = BTreeSet::new();
        for p in idents_after(&text, "crate::") {
            resolve(p, &modules, &mut deps);
        }
        let parent = m.rsplit_once("::").map_or("", |(p, _)| p).to_string();
        for p in idents_after(&text, "super::") {
            let full = if parent.is_empty() {
                p.to_string()
            } else {
                format!("{parent}::{p}")
            };
            resolve(&full, &modules, &mut deps);
            if !parent.is_empty() {
                deps.insert(parent.clone());
            }
        }
        deps.remove(&m);
        deps.remove("lib");
        g.insert(m, deps);
    }
    g
}

#[test]
fn modules_use_only_their_layer_and_those_before() {
    let g = graph();
    let mut found = BTreeSet::new();
    for (m, deps) in &g {
        if m == "lib" {
            continue;
        }
        for d in deps {
            if layer(d) > layer(m) {
                found.insert((m.clone(), d.clone()));
            }
        }
    }
    let known: BTreeSet<(String, String)> = KNOWN
        .iter()
        .map(|(a, b, _)| (a.to_string(), b.to_string()))
        .collect();
    let new: Vec<_> = found.difference(&known).collect();
    let gone: Vec<_> = known.difference(&found).collect();
    assert!(new.is_empty(), "modules using a later layer: {new:?}");
    assert!(gone.is_empty(), "fixed, take them off KNOWN: {gone:?}");
}

#[test]
fn no_cycle_between_modules() {
    let g = graph();
    // Tarjan's strongly connected components; a parent module and its children (a
    // registry and its regulations) form one unit.
    let unit = |m: &str| {
        let first = m.split("::").next().unwrap_or(m);
        if first == "regimes" && m.matches("::").count() >= 1 {
            m.splitn(3, "::").take(2).collect::<Vec<_>>().join("::")
        } else {
            m.to_string()
        }
    };
    let mut ug: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, deps) in &g {
        let e = ug.entry(unit(m)).or_default();
        for d in deps {
            let (a, b) = (unit(m), unit(d));
            if a != b && !(b == "regimes" && a.starts_with("regimes::")) {
                e.insert(b);
            }
        }
    }
    let known: BTreeSet<(String, String)> = KNOWN
        .iter()
        .chain(KNOWN_IN_LAYER)
        .map(|(a, b, _)| (a.to_string(), b.to_string()))
        .collect();
    for (a, b) in &known {
        assert!(
            ug.get(a).is_some_and(|e| e.contains(b)),
            "{a} → {b} is gone: take it off the known edges"
        );
        if let Some(e) = ug.get_mut(a) {
            e.remove(b);
        }
    }
    let mut index = BTreeMap::new();
    let mut low = BTreeMap::new();
    let mut stack: Vec<String> = Vec::new();
    let mut cycles = Vec::new();
    fn visit(
        v: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        n: &mut usize,
        index: &mut BTreeMap<String, usize>,
        low: &mut BTreeMap<String, usize>,
        stack: &mut Vec<String>,
        cycles: &mut Vec<Vec<String>>,
    ) {
        index.insert(v.to_string(), *n);
        low.insert(v.to_string(), *n);
        *n += 1;
        stack.push(v.to_string());
        for w in g.get(v).into_iter().flatten() {
            if !index.contains_key(w) {
                visit(w, g, n, index, low, stack, cycles);
                let lw = low[w];
                let lv = low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if stack.contains(w) {
                let iw = index[w];
                let lv = low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if low[v] == index[v] {
            let mut comp = Vec::new();
            while let Some(w) = stack.pop() {
                let done = w == v;
                comp.push(w);
                if done {
                    break;
                }
            }
            if comp.len() > 1 {
                cycles.push(comp);
            }
        }
    }
    let mut n = 0;
    for v in ug.keys().cloned().collect::<Vec<_>>() {
        if !index.contains_key(&v) {
            visit(
                &v,
                &ug,
                &mut n,
                &mut index,
                &mut low,
                &mut stack,
                &mut cycles,
            );
        }
    }
    assert!(cycles.is_empty(), "cycles: {cycles:?}");
}

/// Files outside a regulation's folder that name it today, with the work that removes
/// the name.
const NAMING_KNOWN: &[(&str, &str)] = &[
    // The fact `connected_to_city_brain` (the contract's vocabulary) names “数智楚雄”,
    // Chuxiong's city brain; the vocabulary is the contract's.
    ("chuxiong", "model/mod.rs"),
];

/// Whether `text` holds `word` as a word of its own (not inside `examples`).
fn names_word(text: &str, word: &str) -> bool {
    let part = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    text.match_indices(word).any(|(i, _)| {
        !part(text[..i].chars().next_back()) && !part(text[i + word.len()..].chars().next())
    })
}

/// Regulations live in their folders: outside `src/regimes/<id>/`, the code (tests and
/// comments aside) names a regulation only in the registry (`src/regimes/mod.rs`) and
/// in the form's question tables generated from it (`src/form/tables.rs`). The checks —
/// the cost check above all — read what they need from the regulation's `Spec`.
#[test]
fn only_the_registry_names_a_regulation() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let regimes: Vec<String> = std::fs::read_dir(src.join("regimes"))
        .expect("src/regimes readable")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert!(regimes.iter().any(|r| r == "wulong"), "{regimes:?}");
    for regime in &regimes {
        let own = src.join("regimes").join(regime);
        // Its id, and its place in Chinese without 区/市/州 (`武隆`).
        let place: Option<String> = govit_check::Regime::from_name(regime).map(|r| {
            let p = r.label(govit_check::Locale::Zh);
            p.chars()
                .take(p.chars().count().saturating_sub(1))
                .collect()
        });
        let mut naming: Vec<String> = files
            .iter()
            .filter(|f| !f.starts_with(&own))
            .filter(|f| {
                let text = code(&std::fs::read_to_string(f).expect("readable"));
                names_word(&text.to_lowercase(), regime)
                    || place.as_ref().is_some_and(|p| text.contains(p.as_str()))
            })
            .map(|f| {
                f.strip_prefix(&src)
                    .expect("under src")
                    .display()
                    .to_string()
            })
            .collect();
        naming.sort();
        let allowed = ["form/tables.rs", "regimes/mod.rs"];
        let extra: Vec<&String> = naming
            .iter()
            .filter(|f| !allowed.contains(&f.as_str()))
            .filter(|f| !NAMING_KNOWN.contains(&(regime.as_str(), f.as_str())))
            .collect();
        assert!(
            extra.is_empty(),
            "files outside src/regimes/{regime}/ that name it: {naming:?}"
        );
    }
}
