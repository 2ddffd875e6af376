//! Cost classification under a regulation's fee boundary table: is a budget line IT
//! spending (纳入信息化经费), not, or waiting for an evaluation? `cost` classifies one
//! line, `costs` a whole budget with exact totals. The table is the regulation's
//! ([`Spec::fees`](crate::regimes::Spec)), run by the rules layer's engine
//! (`rules::fees`); `project_class` is [`crate::checks::project_class`].

pub use crate::rules::fees::{
    By, Condition, Conditions, Decision, FeeRow, FeeTable, Found, Needs, Treatment, MAX_SUGGESTIONS,
};

use crate::error::{Candidate, Error, Limit, Reason};
use crate::limits::MAX_TEXT_CHARS;
use crate::locale::Locale;
use crate::model::Regime;
use crate::money::Money;
use crate::names::Name;
use crate::regimes::{fee_table, DEFAULT_FEE_REGIME};
use crate::rules::fees::{self, key_is_empty};
use crate::verdict::{RULESET, RULESET_ID};
use rust_decimal::Decimal;
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

/// The most budget lines one `costs` call classifies (more: `too_large` at `/items`).
pub const MAX_COST_LINES: usize = crate::limits::MAX_ITEMS;

/// The fee table of `regime` (absent: [`DEFAULT_FEE_REGIME`]'s).
///
/// # Errors
/// `invalid_value` at `/regime` when the regime has no fee table.
pub fn table_of(regime: Option<Regime>) -> Result<&'static FeeTable, Error> {
    fee_table(regime.unwrap_or(DEFAULT_FEE_REGIME)).ok_or_else(|| Error::InvalidValue {
        field: "/regime".into(),
        reason: Reason::NoFeeTable(regime.unwrap_or(DEFAULT_FEE_REGIME).name()),
    })
}

/// Input of `check: "cost"`: one budget line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CostInput {
    /// The regulation whose fee table decides (`None`: [`DEFAULT_FEE_REGIME`]).
    pub regime: Option<Regime>,
    /// An item code (`camera`), its exact Chinese label (`摄像头`) or a common synonym
    /// (`监控摄像头`).
    pub item: String,
    /// The line's amount in 万元, if given.
    pub amount: Option<Money>,
    /// The answers to the table's conditions.
    #[cfg_attr(feature = "schema", schemars(with = "Option<Conditions>"))]
    pub conditions: Conditions,
    /// Message language.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::LocaleTag>"))]
    pub locale: Locale,
}

impl CostInput {
    /// A line for `item` without amount or answers, under the default fee table, messages
    /// in Chinese.
    pub fn new(item: impl Into<String>) -> CostInput {
        CostInput {
            regime: None,
            item: item.into(),
            amount: None,
            conditions: Conditions::default(),
            locale: Locale::Zh,
        }
    }
}

/// Output of `check: "cost"`: the decision for one budget line (keys in contract order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CostDecision {
    #[cfg_attr(feature = "schema", schemars(extend("const" = "cost")))]
    /// Always `"cost"`.
    #[serde(deserialize_with = "crate::names::name")]
    pub check: Name,
    /// The item code.
    #[serde(deserialize_with = "crate::names::name")]
    pub item: Name,
    /// The exact Chinese label.
    #[serde(deserialize_with = "crate::names::name")]
    pub label: Name,
    /// How the item was read (contract §9): by code, label or a reading of its words.
    pub matched: Matched,
    /// The table's treatment.
    pub treatment: Treatment,
    /// The decision on the answers given.
    pub decision: Decision,
    /// `<regime>.annex.<code>`.
    #[serde(deserialize_with = "crate::names::name")]
    pub rule: Name,
    /// The text the decision rests on.
    #[serde(deserialize_with = "crate::names::name")]
    pub basis: Name,
    /// Names of the needed conditions answered false, in the table's order.
    #[serde(deserialize_with = "crate::names::names")]
    pub unmet: Vec<Name>,
    /// Names of the needed conditions not answered yet, in the table's order.
    #[serde(deserialize_with = "crate::names::names")]
    pub unanswered: Vec<Name>,
    /// The line's amount, normalized, or `null`.
    pub amount: Option<Money>,
    /// What the decision means and what the applicant must do.
    pub message: String,
    /// `govit-check <version>`.
    #[serde(deserialize_with = "crate::names::name")]
    pub ruleset: Name,
    /// [`crate::RULESET_ID`]: the build of the rules that decided.
    #[serde(deserialize_with = "crate::names::name")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::shape::RulesetId"))]
    pub ruleset_id: Name,
}

/// How an item was read (contract §9): `by` code, label or reading, the `text` given
/// and the `row` (its label) it was read as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Matched {
    /// `code`, `label` or `reading`.
    pub by: By,
    /// The item as given (trimmed).
    pub text: String,
    /// The label of the row it names.
    #[serde(deserialize_with = "crate::names::name")]
    pub row: Name,
}

/// Classifies one budget line under a regulation's fee table (`check: "cost"`).
///
/// # Errors
/// `invalid_value` at `/regime` when the regime has no fee table; `unknown_item` at
/// `/item` (with the closest item codes as suggestions) when the item is no code, label
/// or synonym of the table; `required` at `/item` when it is blank; `too_large` when it is
/// longer than [`MAX_TEXT_CHARS`] characters.
///
/// # Examples
/// ```
/// use govit_check::{classify_cost, CostInput, Decision};
/// let mut line = CostInput::new("服务器存储");
/// line.amount = Some("30".parse().unwrap());
/// line.conditions.set("special_need", Some(true));
/// let d = classify_cost(&line).unwrap();
/// assert_eq!(d.item, "server_storage");
/// assert_eq!(d.decision, Decision::PendingAssessment);
/// assert_eq!(d.unanswered, ["assessed"]);
/// assert_eq!(d.rule, "wulong.annex.server_storage");
/// ```
pub fn classify_cost(input: &CostInput) -> Result<CostDecision, Error> {
    classify_in(input, input.regime)
}

/// [`classify_cost`] under `regime`'s table.
fn classify_in(input: &CostInput, regime: Option<Regime>) -> Result<CostDecision, Error> {
    let table = table_of(regime)?;
    if key_is_empty(&input.item) {
        return Err(Error::Required {
            field: "/item".into(),
        });
    }
    if input.item.len() > MAX_TEXT_CHARS && input.item.chars().nth(MAX_TEXT_CHARS).is_some() {
        return Err(Error::TooLarge {
            field: "/item".into(),
            limit: Limit::StringChars(MAX_TEXT_CHARS),
        });
    }
    let regime = regime.unwrap_or(DEFAULT_FEE_REGIME);
    check_characters(&input.item)?;
    let (row, by) = match table.find(&input.item) {
        Found::Row(row, by) => (row, by),
        Found::Several { rows, split } => {
            return Err(Error::AmbiguousItem {
                field: "/item".into(),
                given: echo(&input.item),
                candidates: rows
                    .iter()
                    .map(|r| Candidate {
                        item: r.code,
                        label: r.label,
                        treatment: r.treatment.name(),
                    })
                    .collect(),
                split,
                regime: regime.name(),
            })
        }
        Found::Unknown {
            suggestions,
            several,
        } => {
            return Err(Error::UnknownItem {
                field: "/item".into(),
                given: echo(&input.item),
                suggestions,
                several,
                regime: regime.name(),
            })
        }
    };
    let c = &input.conditions;
    let (decision, unmet, unanswered) = fees::decide(row, c);
    let mut message = fees::message(row, decision, &unmet, &unanswered, c, input.locale);
    // A reading names its row first, so the applicant can check it.
    if by == By::Reading {
        let shown = first_chars(input.item.trim(), 50);
        let short = table.short_name.get(input.locale);
        let mut read = String::with_capacity(message.len() + 160);
        if input.locale == Locale::Zh {
            read.extend([
                "「",
                shown,
                "」按",
                short,
                "中的「",
                row.label,
                "」一项归类。",
            ]);
        } else {
            read.extend([
                "“",
                shown,
                "” is read as ",
                short,
                " item “",
                row.title_en.get(),
            ]);
            read.extend(["” (", row.label, "). "]);
        }
        read.push_str(&message);
        message = read;
    }
    Ok(CostDecision {
        check: "cost",
        item: row.code,
        label: row.label,
        matched: Matched {
            by,
            text: input.item.trim().to_string(),
            row: row.label,
        },
        treatment: row.treatment,
        decision,
        rule: row.rule,
        basis: row.basis,
        unmet: unmet.iter().map(|c| c.name).collect(),
        unanswered: unanswered.iter().map(|c| c.name).collect(),
        amount: input.amount,
        message,
        ruleset: RULESET,
        ruleset_id: RULESET_ID,
    })
}

/// Input of `check: "costs"`: a whole budget. A line that could not be read keeps its
/// error (its pointer already rooted at `/items/<i>`) and is reported in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CostsInput {
    /// The regulation whose fee table decides every line (`None`:
    /// [`DEFAULT_FEE_REGIME`]). A line that names another regime is an error in its
    /// place.
    pub regime: Option<Regime>,
    /// The budget lines, in order; a line that could not be read keeps its error and,
    /// when that could be read, its amount.
    #[cfg_attr(feature = "schema", schemars(with = "Vec<CostInput>"))]
    pub items: Vec<Result<CostInput, BadLine>>,
    /// Message language.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::LocaleTag>"))]
    pub locale: Locale,
}

impl CostsInput {
    /// A budget of well-formed lines.
    pub fn new(items: impl IntoIterator<Item = CostInput>, locale: Locale) -> CostsInput {
        CostsInput {
            regime: None,
            items: items.into_iter().map(Ok).collect(),
            locale,
        }
    }
}

/// A budget line that could not be read: its error (its pointer already rooted at
/// `/items/<i>`) and its amount when that, at least, could be read (it counts as
/// `unclassified`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    /// Why the line could not be read.
    pub error: Error,
    /// Its amount, when readable.
    pub amount: Option<Money>,
}

/// One line of a `costs` answer: its decision, or its error in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CostLine {
    /// The line's decision (the `cost` output).
    Classified(CostDecision),
    /// The line could not be classified; serializes as `{"error": {code, field, message}}`
    /// (written with the error's message, at the output layer: `crate::messages`).
    Invalid {
        /// The error, its pointer into the whole input (`/items/2/item`).
        error: Error,
        /// Message language.
        locale: Locale,
    },
}

/// The budget's totals in 万元, exact (lines without amount count 0): together they are
/// the sum of every readable amount.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CostTotals {
    /// Σ amounts of `included` lines.
    #[serde(serialize_with = "normalized")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::shape::Decimal"))]
    pub included: Decimal,
    /// Σ amounts of `excluded` lines.
    #[serde(serialize_with = "normalized")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::shape::Decimal"))]
    pub excluded: Decimal,
    /// Σ amounts of `pending_assessment` and `needs_information` lines.
    #[serde(serialize_with = "normalized")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::shape::Decimal"))]
    pub pending: Decimal,
    /// Σ readable amounts of lines that got an error (unknown or ambiguous item, a bad
    /// condition …): what no row decides (contract §9).
    #[serde(serialize_with = "normalized", default)]
    #[cfg_attr(feature = "schema", schemars(with = "crate::shape::Decimal"))]
    pub unclassified: Decimal,
}

fn normalized<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    crate::money::serialize_decimal(&d.normalize(), s)
}

/// Output of `check: "costs"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "CostsAnswer"))]
pub struct CostsDecision {
    #[cfg_attr(feature = "schema", schemars(extend("const" = "costs")))]
    /// Always `"costs"`.
    #[serde(deserialize_with = "crate::names::name")]
    pub check: Name,
    /// One entry per input line, in order.
    pub lines: Vec<CostLine>,
    /// The totals under each heading.
    pub totals: CostTotals,
    /// `govit-check <version>`.
    #[serde(deserialize_with = "crate::names::name")]
    pub ruleset: Name,
    /// [`crate::RULESET_ID`]: the build of the rules that decided.
    #[serde(deserialize_with = "crate::names::name")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::shape::RulesetId"))]
    pub ruleset_id: Name,
}

/// Classifies a whole budget (`check: "costs"`): every line in place, bad lines
/// reported where they stand, exact totals of the others.
///
/// # Errors
/// `too_large` at `/items` beyond [`MAX_COST_LINES`] lines; `invalid_value` at `/regime`
/// when the regime has no fee table.
///
/// # Examples
/// ```
/// use govit_check::{classify_costs, CostInput, CostsInput, Locale};
/// let line = |item: &str, amount: &str| {
///     let mut l = CostInput::new(item);
///     l.amount = Some(amount.parse().unwrap());
///     l
/// };
/// let budget = CostsInput::new(
///     [line("camera", "12.5"), line("差旅费", "3"), line("电脑", "4.25")],
///     Locale::Zh,
/// );
/// let d = classify_costs(&budget).unwrap();
/// assert_eq!(d.totals.included.to_string(), "12.5");
/// assert_eq!(d.totals.excluded.to_string(), "3");
/// assert_eq!(d.totals.pending.to_string(), "4.25");
/// assert_eq!(d.totals.unclassified.to_string(), "0");
/// ```
pub fn classify_costs(input: &CostsInput) -> Result<CostsDecision, Error> {
    if input.items.len() > MAX_COST_LINES {
        return Err(Error::TooLarge {
            field: "/items".into(),
            limit: Limit::ArrayLen(MAX_COST_LINES),
        });
    }
    table_of(input.regime)?;
    let regime = input.regime.unwrap_or(DEFAULT_FEE_REGIME);
    let mut totals = CostTotals::default();
    let lines = input
        .items
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let within = |e: Error| e.within(&format!("/items/{i}"));
            let decided = match line {
                Ok(l) if l.regime.is_some_and(|r| r != regime) => {
                    Err((within(other_regime(regime)), l.amount))
                }
                Ok(l) => classify_in(l, input.regime).map_err(|e| (within(e), l.amount)),
                Err(bad) => Err((bad.error.clone(), bad.amount)),
            };
            match decided {
                Ok(d) => {
                    let amount = d.amount.map_or(Decimal::ZERO, Money::get);
                    let sum = match d.decision {
                        Decision::Included => &mut totals.included,
                        Decision::Excluded => &mut totals.excluded,
                        Decision::PendingAssessment | Decision::NeedsInformation => {
                            &mut totals.pending
                        }
                    };
                    // 1000 lines of at most 1e12 each stay far inside Decimal's range.
                    *sum = sum.saturating_add(amount);
                    CostLine::Classified(d)
                }
                Err((error, amount)) => {
                    let amount = amount.map_or(Decimal::ZERO, Money::get);
                    totals.unclassified = totals.unclassified.saturating_add(amount);
                    CostLine::Invalid {
                        error,
                        locale: input.locale,
                    }
                }
            }
        })
        .collect();
    Ok(CostsDecision {
        check: "costs",
        lines,
        totals,
        ruleset: RULESET,
        ruleset_id: RULESET_ID,
    })
}

/// The error of a budget line that names another regime than its budget (`regime`):
/// one budget is classified under one table.
pub(crate) fn other_regime(regime: Regime) -> Error {
    Error::InvalidValue {
        field: "/regime".into(),
        reason: Reason::OtherRegime(regime.name()),
    }
}

/// The item as an error echoes it: trimmed, at most 100 characters.
fn echo(given: &str) -> String {
    first_chars(given.trim(), 100).to_string()
}

/// The first `n` characters of `s`.
fn first_chars(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(at, _)| at);
    s.get(..end).unwrap_or(s)
}

/// An item is text a person typed: no control characters (line breaks, tabs, zero-width
/// and direction marks), and no letters of a script other than Chinese and Latin — a
/// Cyrillic `а` among Latin letters is refused, not read.
///
/// # Errors
/// `invalid_value` at `/item`.
fn check_characters(item: &str) -> Result<(), Error> {
    let bad = |reason| {
        Err(Error::InvalidValue {
            field: "/item".into(),
            reason,
        })
    };
    for c in item.trim().chars() {
        let invisible = matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}');
        if c.is_control() || invisible {
            return bad(Reason::ControlCharacter(u32::from(c)));
        }
        if other_script(c) {
            return bad(Reason::OtherScript(c));
        }
    }
    Ok(())
}

/// Letters of the scripts a budget line is not written in, several of them lookalikes of
/// Latin or Chinese ones: Greek, Cyrillic, Armenian, the scripts of West, South and
/// Southeast Asia, Georgian, Hangul, kana (full and half width), and the mathematical
/// letters that look like Latin ones.
fn other_script(c: char) -> bool {
    matches!(c,
        '\u{0370}'..='\u{058F}'
        | '\u{0590}'..='\u{10FF}'
        | '\u{1100}'..='\u{11FF}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{AC00}'..='\u{D7FF}'
        | '\u{FF66}'..='\u{FF9F}'
        | '\u{1D400}'..='\u{1D7FF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleInfo;
    use crate::verdict::Level;

    fn line(item: &str, answers: &[(&'static str, bool)]) -> CostInput {
        let mut l = CostInput::new(item);
        for &(c, v) in answers {
            l.conditions.set(c, Some(v));
        }
        l
    }

    fn table() -> &'static FeeTable {
        table_of(None).unwrap()
    }

    fn run(check: &str, input: &str) -> serde_json::Value {
        let text = crate::evaluate::evaluate_str(check, input);
        serde_json::from_str(&text).unwrap()
    }

    /// Every answer combination (true / false / absent) of the conditions a row reads.
    fn combos(item: &FeeRow) -> Vec<Conditions> {
        let read: Vec<Condition> = match item.needs {
            Needs::Nothing => vec![table().condition(fees::ASSESSED).unwrap()],
            Needs::All(list) => list.to_vec(),
            Needs::Switch(s) => std::iter::once(s.on)
                .chain(s.off.needs.iter().copied())
                .chain(s.on_true.needs.iter().copied())
                .collect(),
        };
        let mut out = vec![Conditions::default()];
        for c in read {
            out = out
                .into_iter()
                .flat_map(|base| {
                    [None, Some(true), Some(false)].map(|v| {
                        let mut x = base.clone();
                        x.set(c.name, v);
                        x
                    })
                })
                .collect();
        }
        out
    }

    #[test]
    fn decisions_follow_the_conditions() {
        for item in table().rows {
            for c in combos(item) {
                let mut input = CostInput::new(item.code);
                input.conditions = c.clone();
                let d = classify_cost(&input).unwrap();
                let needs = fees::needed(item, &c);
                let switch = match item.needs {
                    Needs::Switch(s) => Some(s),
                    _ => None,
                };
                let vals: Vec<Option<bool>> =
                    needs.unwrap_or(&[]).iter().map(|n| c.get(n.name)).collect();
                let expected = match (item.needs, needs) {
                    (Needs::Nothing, _) if item.treatment == Treatment::Excluded => {
                        Decision::Excluded
                    }
                    (Needs::Nothing, _) => Decision::Included,
                    (Needs::Switch(_), None) => Decision::NeedsInformation,
                    _ if vals.contains(&Some(false)) => Decision::Excluded,
                    _ if vals.iter().all(|v| *v == Some(true)) => Decision::Included,
                    _ if d.unanswered == [fees::ASSESSED] => Decision::PendingAssessment,
                    _ => Decision::NeedsInformation,
                };
                assert_eq!(d.decision, expected, "{} {c:?}", item.code);
                // unmet / unanswered: needed conditions only, in the table's order.
                let unmet: Vec<&str> = needs
                    .unwrap_or(&[])
                    .iter()
                    .filter(|n| c.get(n.name) == Some(false))
                    .map(|n| n.name)
                    .collect();
                assert_eq!(d.unmet, unmet, "{} {c:?}", item.code);
                if let (Some(s), None) = (switch, needs) {
                    assert_eq!(d.unanswered, [s.on.name]);
                    assert!(d.unmet.is_empty());
                }
                if d.decision == Decision::PendingAssessment {
                    assert!(needs
                        .unwrap_or(&[])
                        .iter()
                        .any(|n| n.name == fees::ASSESSED));
                }
                // Messages: the label, what to do, in each language.
                for locale in [Locale::Zh, Locale::En] {
                    input.locale = locale;
                    let m = classify_cost(&input).unwrap().message;
                    assert!(m.contains(item.label), "{}: {m}", item.code);
                    match locale {
                        Locale::Zh => assert!(
                            m.contains('请') || m.contains("可列入项目预算"),
                            "{}: {m}",
                            item.code
                        ),
                        Locale::En => {
                            assert!(m.contains(item.title_en.get()), "{}: {m}", item.code)
                        }
                    }
                    let say = |list: &[&str]| {
                        for n in list {
                            let label = table().condition(n).unwrap().label(locale);
                            assert!(m.contains(label), "{}: {m}", item.code);
                        }
                    };
                    match d.decision {
                        Decision::Excluded => say(&d.unmet),
                        Decision::NeedsInformation
                            if !d.unanswered.is_empty() && needs.is_some_and(|n| !n.is_empty()) =>
                        {
                            say(&d.unanswered)
                        }
                        Decision::PendingAssessment => say(&[fees::ASSESSED]),
                        _ => {}
                    }
                }
            }
        }
    }

    #[test]
    fn messages_say_what_to_do() {
        let m =
            |item: &str, a: &[(&'static str, bool)]| classify_cost(&line(item, a)).unwrap().message;
        const SPECIAL_NEED: &str = "special_need";
        const CLOSELY_RELATED: &str = "closely_related";
        const ASSESSED: &str = "assessed";
        const MOBILE_TERMINAL: &str = "mobile_terminal";
        assert!(m("staff_salary", &[]).contains("移出信息化项目预算"));
        assert!(m("camera", &[]).contains("纳入信息化经费"));
        let pending = m("server_storage", &[(SPECIAL_NEED, true)]);
        assert!(
            pending.contains("请提请评估") && pending.contains("待定"),
            "{pending}"
        );
        assert!(pending.contains("武隆云"), "{pending}");
        let ask = m("computer", &[]);
        assert!(
            ask.contains("请回答") && ask.contains("「与项目/系统紧密相关」、「经评估通过」"),
            "{ask}"
        );
        let no = m("computer", &[(CLOSELY_RELATED, false)]);
        assert!(no.contains("不满足「与项目/系统紧密相关」"), "{no}");
        assert!(m("private_network", &[(ASSESSED, true)]).contains("逐步减少直至取消"));
        assert!(m("spare_parts", &[]).contains("业务应用系统"));
        assert!(m("design_consulting", &[]).contains("新建、改扩建"));
        let terminal = m("data_collection_terminal", &[]);
        assert!(terminal.contains("是否采用手机终端"), "{terminal}");
        let phone = m(
            "data_collection_terminal",
            &[(MOBILE_TERMINAL, true), (CLOSELY_RELATED, true)],
        );
        assert!(
            phone.contains("手机终端") && phone.contains("评估"),
            "{phone}"
        );
        let synonym = m("台式电脑", &[(CLOSELY_RELATED, true)]);
        assert!(
            synonym.starts_with("「台式电脑」按《申报范围及边界》中的「电脑」一项归类。"),
            "{synonym}"
        );
        assert!(!m("电脑", &[]).contains("归类"));
        assert!(!m("COMPUTER", &[]).contains("归类"));
        let mut en = line("computer", &[(CLOSELY_RELATED, true)]);
        en.locale = Locale::En;
        let en = classify_cost(&en).unwrap().message;
        assert!(en.contains("Request the evaluation"), "{en}");
    }

    #[test]
    fn unknown_item_suggests_codes_with_labels() {
        let e = classify_cost(&CostInput::new("camra")).unwrap_err();
        assert_eq!(e.code(), "unknown_item");
        assert_eq!(e.field(), "/item");
        match &e {
            Error::UnknownItem { suggestions, .. } => {
                assert_eq!(suggestions.first(), Some(&"camera"))
            }
            other => panic!("{other:?}"),
        }
        let zh = e.message(Locale::Zh);
        assert!(zh.contains("是否指：camera（摄像头）"), "{zh}");
        assert!(e.message(Locale::En).contains("camera (Cameras)"));
        let v = run("cost", r#"{"item":"摄象头"}"#);
        assert_eq!(v["error"]["suggestions"][0], "camera");
        assert!(v["error"]["message"].as_str().unwrap().contains("摄像头"));
        // A typo the words still read is a reading, said at the start of the message.
        let v = run("cost", r#"{"item":"服务器存贮"}"#);
        assert_eq!(v["item"], "server_storage");
        assert_eq!(v["matched"]["by"], "reading");
        assert!(v["message"]
            .as_str()
            .unwrap()
            .starts_with("「服务器存贮」按"));
        // Nothing close: the message still says what to do.
        let v = run("cost", r#"{"item":"咖啡机"}"#);
        assert_eq!(v["error"]["suggestions"], serde_json::json!([]));
        assert!(v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("请改用表中的代码或名称"));
        // The given text is echoed at most 100 characters long.
        let long = "咖".repeat(400);
        match classify_cost(&CostInput::new(long)).unwrap_err() {
            Error::UnknownItem { given, .. } => assert_eq!(given.chars().count(), 100),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            classify_cost(&CostInput::new(" ")).unwrap_err().code(),
            "required"
        );
        assert_eq!(
            classify_cost(&CostInput::new("摄".repeat(501)))
                .unwrap_err()
                .code(),
            "too_large"
        );
    }

    #[test]
    fn output_keys_in_contract_order() {
        let v = run("cost", r#"{"item":"摄像头","amount":"12.50"}"#);
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "check",
                "item",
                "label",
                "matched",
                "treatment",
                "decision",
                "rule",
                "basis",
                "unmet",
                "unanswered",
                "amount",
                "message",
                "ruleset",
                "ruleset_id"
            ]
        );
        assert_eq!(v["item"], "camera");
        assert_eq!(
            v["matched"],
            serde_json::json!({"by": "label", "text": "摄像头", "row": "摄像头"})
        );
        assert_eq!(v["amount"], "12.5");
        assert_eq!(v["basis"], "纳入信息化经费。");
        let v = run("costs", r#"{"items":[]}"#);
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["check", "lines", "totals", "ruleset", "ruleset_id"]);
        let keys: Vec<&str> = v["totals"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["included", "excluded", "pending", "unclassified"]);
    }

    #[test]
    fn bad_lines_stay_in_place() {
        let v = run(
            "costs",
            r#"{"locale":"en","items":[{"item":"camera","amount":0.1},{"item":"sensor","amount":0.2},
                {"item":"quantum","amount":"9"},{"item":"lan","amount":"-1"},"camera",
                {"item":"computer","conditions":{"assessed":1}},{"amount":"3"},
                {"item":"lan","amount":"0.7"}]}"#,
        );
        let lines = v["lines"].as_array().unwrap();
        assert_eq!(lines.len(), 8);
        let err = |i: usize| {
            (
                lines[i]["error"]["code"].clone(),
                lines[i]["error"]["field"].clone(),
            )
        };
        let s = |a: &str, b: &str| (serde_json::json!(a), serde_json::json!(b));
        assert_eq!(err(2), s("unknown_item", "/items/2/item"));
        assert_eq!(err(3), s("invalid_value", "/items/3/amount"));
        assert_eq!(err(4), s("invalid_type", "/items/4"));
        assert_eq!(err(5), s("invalid_type", "/items/5/conditions/assessed"));
        assert_eq!(err(6), s("required", "/items/6/item"));
        assert_eq!(lines[2]["error"]["suggestions"], serde_json::json!([]));
        assert!(lines[4]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("must be"));
        assert_eq!(lines[0]["decision"], "included");
        assert_eq!(lines[7]["decision"], "pending_assessment");
        assert!(lines[7]["message"].as_str().unwrap().contains("evaluation"));
        assert_eq!(
            v["totals"],
            // The unknown item's 9 and the 3 of the line without an item are read; the
            // amount -1 is not.
            serde_json::json!({"included": "0.3", "excluded": "0", "pending": "0.7", "unclassified": "12"})
        );
        // The Rust API reports the same in place.
        let i = CostsInput::from_value(
            crate::json::parse(r#"{"items":[{"item":"x"},{"item":"camera"}]}"#)
                .unwrap()
                .root(),
            Locale::Zh,
        )
        .unwrap();
        let d = classify_costs(&i).unwrap();
        assert!(
            matches!(&d.lines[0], CostLine::Invalid { error, .. } if error.field() == "/items/0/item")
        );
        assert!(matches!(&d.lines[1], CostLine::Classified(c) if c.item == "camera"));
    }

    #[test]
    fn one_budget_one_table() {
        let v = run(
            "costs",
            r#"{"items":[{"item":"camera","amount":"2"},{"item":"camera","amount":"1","regime":"baotou"},
                {"item":"camera","regime":"beijing"},{"item":"camera","regime":"wulong"}]}"#,
        );
        let lines = v["lines"].as_array().unwrap();
        assert_eq!(lines[1]["error"]["code"], "invalid_value");
        assert_eq!(lines[1]["error"]["field"], "/items/1/regime");
        assert_eq!(lines[2]["error"]["code"], "unknown_regime");
        assert_eq!(lines[2]["error"]["field"], "/items/2/regime");
        assert_eq!(lines[3]["decision"], "included");
        // The Rust API holds the same: a line's regime must be its budget's.
        let mut other = CostInput::new("camera");
        other.regime = Regime::ALL
            .iter()
            .copied()
            .find(|&r| fee_table(r).is_none());
        let d = classify_costs(&CostsInput::new(
            [CostInput::new("camera"), other],
            Locale::Zh,
        ))
        .unwrap();
        assert!(matches!(&d.lines[0], CostLine::Classified(_)));
        assert!(
            matches!(&d.lines[1], CostLine::Invalid { error, .. } if error.field() == "/items/1/regime")
        );
        // Every regime says whether it has a table, under the key the portal reads.
        let v = run("regimes", "{}");
        for r in v["regimes"].as_array().unwrap() {
            let regime = Regime::from_name(r["id"].as_str().unwrap()).unwrap();
            assert_eq!(r["fee_table"], fee_table(regime).is_some(), "{regime}");
        }
        assert_eq!(
            fee_table(DEFAULT_FEE_REGIME).map(|t| t.rows.is_empty()),
            Some(false)
        );
    }

    #[test]
    fn line_limit() {
        let many = CostsInput::new(
            (0..=MAX_COST_LINES).map(|_| CostInput::new("camera")),
            Locale::Zh,
        );
        let e = classify_costs(&many).unwrap_err();
        assert_eq!((e.code(), e.field()), ("too_large", "/items"));
        let ok = CostsInput::new(
            (0..MAX_COST_LINES).map(|_| CostInput::new("quantum computer")),
            Locale::Zh,
        );
        assert_eq!(classify_costs(&ok).unwrap().lines.len(), MAX_COST_LINES);
    }

    #[test]
    fn catalog_rows() {
        for &regime in Regime::ALL {
            let spec = crate::regimes::spec(regime);
            for locale in [Locale::Zh, Locale::En] {
                let rows = crate::checks::catalog::rules(regime, locale);
                let cost: Vec<&RuleInfo> = rows.iter().filter(|r| r.check == "cost").collect();
                let table = spec.fees.map_or(&[][..], |t| t.rows);
                assert_eq!(cost.len(), table.len(), "{regime}");
                for (r, item) in cost.iter().zip(table) {
                    let title = if locale == Locale::En {
                        item.title_en.get()
                    } else {
                        item.label
                    };
                    assert_eq!((r.id, r.title, r.clause), (item.rule, title, item.basis));
                    assert_eq!(Some(r.article), spec.fees.map(|t| t.article));
                    assert_eq!(r.level, Level::Info);
                }
                let classes: Vec<&str> = rows
                    .iter()
                    .filter(|r| r.check == "project_class")
                    .map(|r| r.id)
                    .collect();
                let listed: Vec<&str> = spec
                    .classes
                    .map(|c| c.rules.get().iter().map(|r| r.0).collect())
                    .unwrap_or_default();
                assert_eq!(classes, listed, "{regime}");
                // Unique per check (an eligibility table may list a class rule too: the
                // finding that reclassifies the kind).
                let mut ids: Vec<(&str, &str)> = rows.iter().map(|r| (r.check, r.id)).collect();
                ids.sort_unstable();
                ids.dedup();
                assert_eq!(ids.len(), rows.len(), "catalog ids are unique per check");
            }
        }
    }

    #[test]
    fn hostile_items_do_not_panic() {
        for s in [
            "",
            "\u{0}",
            "🙂🙂",
            "ｶﾒﾗ",
            "~/",
            "费费费",
            "采购",
            "采购费",
            "a",
            "\u{3000}摄像头\u{3000}",
        ] {
            let _ = classify_cost(&CostInput::new(s));
            let _ = table().suggest(s);
        }
        assert_eq!(
            classify_cost(&CostInput::new("\u{3000}摄像头\u{3000}"))
                .unwrap()
                .item,
            "camera"
        );
    }
}
