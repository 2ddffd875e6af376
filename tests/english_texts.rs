//! The English texts the npm package's WebAssembly build leaves out (`Text`, the `english`
//! feature): build.rs collects every English text of the library's source into the asset
//! the full library writes (`texts_asset`), and the WebAssembly build keeps only each
//! text's key. These tests run build.rs's collector (the file is included) on pieces of
//! source and check the asset against the texts the library holds: a text missing from
//! it would be an empty message in the package.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a failed test"
)]

#[path = "../build.rs"]
#[allow(dead_code, reason = "build.rs's main is the build's")]
mod build;

use build::english::{collect, sorted};
use govit_check::{texts_asset, Locale};

/// The texts of the asset, after its `ruleset_id`.
fn asset() -> Vec<String> {
    let text = texts_asset(Locale::En).expect("English has an asset");
    let mut parts = text.split('\0');
    assert_eq!(parts.next(), Some(govit_check::RULESET_ID));
    parts.map(str::to_string).collect()
}

#[test]
fn the_english_of_every_text_and_label_is_collected() {
    let src = r##"
        const A: Text = Text::new("中文", "Plain");
        const B: Text = Text::new(
            "多行",
            "Escaped \"quotes\", a \\ and a line\nbreak, \u{201c}curly\u{201d}, \x41",
        );
        const C: Text = Text::new("原样", r#"Raw "text""#,);
        const D: Text = Text::new("续行", "one \
                                 line");
        // Text::new("注释", "A comment") and /* Text::new("块", "A block") */ are not texts.
        const E: char = '"'; const F: &str = "Text::new(\"串\", \"A string\")"; fn g<'a>(x: &'a str) {}
        named! {
            pub enum Colour {
                Red = "red", "红", "red colour";
                #[doc = "x"] Blue = "blue", "蓝", "blue colour";
            }
        }
        named! { pointer "/facts/"; pub enum Fact { Yes = "yes", "是", "it is so"; } }
        const H: Shown<Text> = shown!(Text::new("目录", "Only in catalogs"));
        #[cfg(feature = "catalog")]
        fn hint() -> Text { Text::new("提示", "Only in the form") }
        #[cfg(feature = "catalog")]
        const I: Text = Text::new("提示", "Only in the form too");
        macro_rules! text {
            ($zh:literal, $en:literal $(,)?) => { const { $crate::locale::Text::new($zh, $en) } };
        }
        fn k() -> Text { text!("函数中", "In a function") }
        fn m(n: u32) -> String { en_format!("{n} in a {{template}}", n, k = "x") }
        fn o(n: u32) -> String { en_format!(@value n) }
        fn p() -> &'static str { en_str!("Alone") }
        const R: FeeRow = FeeRow { label: "行", title_en: English::new("A row's title") };
        macro_rules! rows { ($en:expr) => { English::new($en) }; }
        const J: Text = Text::new("后", "After");
    "##;
    assert_eq!(
        collect(src).unwrap(),
        [
            "Plain",
            "Escaped \"quotes\", a \\ and a line\nbreak, \u{201c}curly\u{201d}, A",
            "Raw \"text\"",
            "one line",
            "red colour",
            "blue colour",
            "it is so",
            "In a function",
            "{n} in a {{template}}",
            "Alone",
            "A row's title",
            "After",
        ]
    );
}

#[test]
fn a_text_that_is_not_two_literals_stops_the_build() {
    for src in [
        "const A: Text = Text::new(ZH, \"English\");",
        "const A: Text = Text::new(\"中文\", EN);",
        "const A: Text = Text::new(\"中文\", concat!(\"a\", \"b\"));",
        "macro_rules! t { ($z:expr, $e:expr) => { Text::new($z, $e) }; }",
        "const A: Text = Text::new(\"中文\", \"English\", \"extra\");",
    ] {
        let e = collect(src).expect_err(src);
        assert!(e.contains("Text::new"), "{src}: {e}");
    }
    assert!(collect("const A: &str = \"unterminated;").is_err());
}

#[test]
fn texts_are_kept_once_sorted_by_key_and_must_not_share_a_key_or_hold_nul() {
    let texts = sorted(vec!["b".into(), "a".into(), "b".into(), "c".into()]).unwrap();
    assert_eq!(texts.len(), 3);
    assert!(texts
        .windows(2)
        .all(|w| govit_check::text_hash(&w[0]) < govit_check::text_hash(&w[1])));
    assert!(sorted(vec!["a\0b".into()]).unwrap_err().contains("NUL"));
    // Two texts with one FNV-1a key (a known 32-bit collision pair).
    let (a, b) = ("costarring".to_string(), "liquid".to_string());
    assert_eq!(build::english::text_hash(&a), build::english::text_hash(&b));
    assert!(sorted(vec![a, b]).unwrap_err().contains("one key"));
}

#[test]
fn build_rs_and_the_library_key_texts_alike() {
    for t in ["", "a", "Plain", "中文 and English", "\u{0}\u{ffff}"] {
        assert_eq!(build::english::text_hash(t), govit_check::text_hash(t));
    }
    for t in asset() {
        assert_eq!(build::english::text_hash(&t), govit_check::text_hash(&t));
    }
}

/// The asset holds every text the library shows in English through `Text` or a
/// vocabulary: every rule message of every regulation, its place, the labels of the
/// facts and fields a finding asks for — and nothing twice.
#[test]
fn the_asset_holds_every_english_text_of_the_tables() {
    let texts = asset();
    let keys: Vec<u32> = texts.iter().map(|t| govit_check::text_hash(t)).collect();
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "sorted by key, each once"
    );
    let has = |t: &str| texts.iter().any(|x| x == t);
    let mut n = 0;
    for regime in govit_check::Regime::ALL {
        let spec = govit_check::regimes::spec(*regime);
        assert!(has(spec.place.en), "{}", spec.place.en);
        for rule in spec.eligibility.iter().chain(spec.change.rules) {
            if !rule.message.en.is_empty() {
                assert!(has(rule.message.en), "{}: {}", rule.id, rule.message.en);
                n += 1;
            }
        }
    }
    assert!(n > 50, "{n} rule messages");
    for f in govit_check::Fact::ALL {
        assert!(has(f.label(Locale::En)), "{f:?}");
    }
    for f in govit_check::rules::Field::ALL {
        assert!(has(f.label(Locale::En)), "{f:?}");
    }
}
