//! Wulong's fee boundary table (附件《武隆区政务信息化项目申报范围及边界》): is a budget
//! line IT spending (纳入信息化经费), not, or waiting for an evaluation? `cost` classifies
//! one line, `costs` a whole budget with exact totals. `project_class` (the annex's
//! project classes) is [`crate::checks::project_class`]. The table itself is Wulong's:
//! `regimes/wulong/annex.rs`.

use crate::regimes::wulong::annex as table;
pub use crate::regimes::wulong::annex::{
    lookup_item, suggest_items, Condition, CostItem, Needs, Treatment, COST_ITEMS, MAX_SUGGESTIONS,
    MOBILE_TERMINAL_NEEDS, TABLE,
};

use crate::error::{Error, Limit};
use crate::limits::MAX_TEXT_CHARS;
use crate::locale::Locale;
use crate::money::Money;
use crate::names::named;
use crate::names::Name;
use crate::verdict::{RULESET, RULESET_ID};
use rust_decimal::Decimal;
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

/// The most budget lines one `costs` call classifies (more: `too_large` at `/items`).
pub const MAX_COST_LINES: usize = crate::limits::MAX_ITEMS;

named! {
    /// The decision for one budget line.
    pub enum Decision {
        Included = "included", "纳入信息化经费", "IT spending";
        Excluded = "excluded", "不纳入信息化经费", "not IT spending";
        PendingAssessment = "pending_assessment", "待评估", "waits for the evaluation";
        NeedsInformation = "needs_information", "待补充信息", "needs more answers";
    }
}

/// The answers to the annex's conditions: `Some(true)` / `Some(false)`, `None` while
/// not answered (which is different from false).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Conditions {
    /// 经评估通过.
    pub assessed: Option<bool>,
    /// 与项目/系统紧密相关.
    pub closely_related: Option<bool>,
    /// 部署在该业务系统.
    pub deployed_on_system: Option<bool>,
    /// 资产归政务部门所有.
    pub government_owned: Option<bool>,
    /// 提供跨部门共享或属于公共服务.
    pub shared_or_public: Option<bool>,
    /// 因特殊需要.
    pub special_need: Option<bool>,
    /// 采用手机终端 (数据采集终端 only).
    pub mobile_terminal: Option<bool>,
}

impl Conditions {
    /// The answer to `c`.
    pub const fn get(&self, c: Condition) -> Option<bool> {
        match c {
            Condition::Assessed => self.assessed,
            Condition::CloselyRelated => self.closely_related,
            Condition::DeployedOnSystem => self.deployed_on_system,
            Condition::GovernmentOwned => self.government_owned,
            Condition::SharedOrPublic => self.shared_or_public,
            Condition::SpecialNeed => self.special_need,
            Condition::MobileTerminal => self.mobile_terminal,
        }
    }

    /// Sets the answer to `c`.
    pub fn set(&mut self, c: Condition, v: Option<bool>) {
        let slot = match c {
            Condition::Assessed => &mut self.assessed,
            Condition::CloselyRelated => &mut self.closely_related,
            Condition::DeployedOnSystem => &mut self.deployed_on_system,
            Condition::GovernmentOwned => &mut self.government_owned,
            Condition::SharedOrPublic => &mut self.shared_or_public,
            Condition::SpecialNeed => &mut self.special_need,
            Condition::MobileTerminal => &mut self.mobile_terminal,
        };
        *slot = v;
    }
}

/// Input of `check: "cost"`: one budget line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CostInput {
    /// An item code (`camera`), its exact Chinese label (`摄像头`) or a common synonym
    /// (`监控摄像头`).
    pub item: String,
    /// The line's amount in 万元, if given.
    pub amount: Option<Money>,
    /// The answers to the annex's conditions.
    #[cfg_attr(feature = "schema", schemars(with = "Option<Conditions>"))]
    pub conditions: Conditions,
    /// Message language.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::LocaleTag>"))]
    pub locale: Locale,
}

impl CostInput {
    /// A line for `item` without amount or answers, messages in Chinese.
    pub fn new(item: impl Into<String>) -> CostInput {
        CostInput {
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
    /// The table's treatment.
    pub treatment: Treatment,
    /// The decision on the answers given.
    pub decision: Decision,
    /// `wulong.annex.<code>`.
    #[serde(deserialize_with = "crate::names::name")]
    pub rule: Name,
    /// The annex text the decision rests on.
    #[serde(deserialize_with = "crate::names::name")]
    pub basis: Name,
    /// Needed conditions answered false, in the annex's order.
    pub unmet: Vec<Condition>,
    /// Needed conditions not answered yet, in the annex's order.
    pub unanswered: Vec<Condition>,
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

/// Classifies one budget line under Wulong's fee boundary table (`check: "cost"`).
///
/// # Errors
/// `unknown_item` at `/item` (with the closest item codes as suggestions) when the item
/// is no code, label or synonym of the table; `required` at `/item` when it is blank;
/// `too_large` when it is longer than [`MAX_TEXT_CHARS`] characters.
///
/// # Examples
/// ```
/// use govit_check::{classify_cost, CostInput, Decision};
/// let mut line = CostInput::new("服务器存储");
/// line.amount = Some("30".parse().unwrap());
/// line.conditions.special_need = Some(true);
/// let d = classify_cost(&line).unwrap();
/// assert_eq!(d.item, "server_storage");
/// assert_eq!(d.decision, Decision::PendingAssessment);
/// assert_eq!(d.unanswered[0].name(), "assessed");
/// assert_eq!(d.rule, "wulong.annex.server_storage");
/// ```
pub fn classify_cost(input: &CostInput) -> Result<CostDecision, Error> {
    if table::key_is_empty(&input.item) {
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
    let item = lookup_item(&input.item).ok_or_else(|| unknown_item(&input.item))?;
    let c = &input.conditions;
    let (decision, unmet, unanswered) = decide(item, c);
    let mut message = message(
        item,
        decision,
        &unmet,
        &unanswered,
        c.mobile_terminal,
        input.locale,
    );
    // Say how a synonym was read, so the applicant can check it.
    if !table::is_code_or_label(&input.item, item) {
        let shown: String = input.item.trim().chars().take(50).collect();
        let read = if input.locale == Locale::Zh {
            format!(
                "「{shown}」按《申报范围及边界》中的「{}」一项归类。",
                item.label
            )
        } else {
            format!(
                "“{shown}” is read as the annex item “{}” ({}). ",
                item.title_en, item.label
            )
        };
        message.insert_str(0, &read);
    }
    Ok(CostDecision {
        check: "cost",
        item: item.code,
        label: item.label,
        treatment: item.treatment,
        decision,
        rule: item.rule,
        basis: item.basis,
        unmet,
        unanswered,
        amount: input.amount,
        message,
        ruleset: RULESET,
        ruleset_id: RULESET_ID,
    })
}

/// The decision, the unmet and the unanswered needed conditions.
fn decide(item: &CostItem, c: &Conditions) -> (Decision, Vec<Condition>, Vec<Condition>) {
    let needs = match item.needs {
        Needs::Nothing => {
            let d = if item.treatment == Treatment::Excluded {
                Decision::Excluded
            } else {
                Decision::Included
            };
            return (d, Vec::new(), Vec::new());
        }
        Needs::Terminal => match c.mobile_terminal {
            Some(false) => return (Decision::Included, Vec::new(), Vec::new()),
            None => {
                return (
                    Decision::NeedsInformation,
                    Vec::new(),
                    vec![Condition::MobileTerminal],
                )
            }
            Some(true) => MOBILE_TERMINAL_NEEDS,
        },
        Needs::All(list) => list,
    };
    let unmet: Vec<Condition> = needs
        .iter()
        .copied()
        .filter(|&n| c.get(n) == Some(false))
        .collect();
    let unanswered: Vec<Condition> = needs
        .iter()
        .copied()
        .filter(|&n| c.get(n).is_none())
        .collect();
    let decision = if !unmet.is_empty() {
        Decision::Excluded
    } else if unanswered.is_empty() {
        Decision::Included
    } else if unanswered == [Condition::Assessed] {
        Decision::PendingAssessment
    } else {
        Decision::NeedsInformation
    };
    (decision, unmet, unanswered)
}

/// The conditions an item needs on the answers given (for messages).
fn needed(item: &CostItem, mobile: Option<bool>) -> &'static [Condition] {
    match item.needs {
        Needs::Nothing => &[],
        Needs::All(list) => list,
        Needs::Terminal if mobile == Some(true) => MOBILE_TERMINAL_NEEDS,
        Needs::Terminal => &[],
    }
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

/// A piece of a cost message: fixed text, or a list of conditions (`push_conditions`).
enum Part<'a> {
    T(&'static str),
    C(&'a [Condition]),
}

fn message(
    item: &CostItem,
    decision: Decision,
    unmet: &[Condition],
    unanswered: &[Condition],
    mobile: Option<bool>,
    locale: Locale,
) -> String {
    let zh = locale == Locale::Zh;
    let needs = needed(item, mobile);
    let terminal = item.needs == Needs::Terminal;
    let mut m = String::with_capacity(320);
    // The subject: the item as the annex names it.
    let phone = terminal && mobile == Some(true);
    if zh {
        m.extend([
            "「",
            item.label,
            if phone {
                "」（手机终端）"
            } else {
                "」"
            },
        ]);
    } else {
        m.extend(["“", item.title_en, "” (", item.label]);
        m.push_str(if phone { ", a mobile phone)" } else { ")" });
    }
    let assessed = needs.contains(&Condition::Assessed);
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
    match (decision, item.treatment, zh) {
        (Decision::Included, Treatment::Included, true) => {
            m.push_str("纳入信息化经费，可列入项目预算。");
        }
        (Decision::Included, Treatment::Included, false) => m.push_str(
            " counts as IT spending (纳入信息化经费) and may stay in the project budget.",
        ),
        (Decision::Excluded, Treatment::Excluded, true) => m.push_str(
            "不纳入信息化经费。请将此项移出信息化项目预算，另按部门其他经费渠道安排。",
        ),
        (Decision::Excluded, Treatment::Excluded, false) => m.push_str(
            " is not IT spending (不纳入信息化经费). Take it out of the IT project budget and fund it from the department's other funds.",
        ),
        (Decision::Included, _, true) if terminal && mobile == Some(false) => {
            m.push_str("为专用采集终端，纳入信息化经费，可列入项目预算。");
        }
        (Decision::Included, _, false) if terminal && mobile == Some(false) => m.push_str(
            " is a dedicated collection terminal: it counts as IT spending and may stay in the project budget.",
        ),
        (Decision::NeedsInformation, _, true) if terminal && mobile.is_none() => m.push_str(
            "：专用采集终端纳入信息化经费；采用手机终端的，须确与实现系统功能紧密相关并经评估通过后方可纳入。请回答是否采用手机终端。",
        ),
        (Decision::NeedsInformation, _, false) if terminal && mobile.is_none() => m.push_str(
            ": a dedicated collection terminal counts as IT spending; a mobile phone counts only when closely related to the system's functions and after passing the evaluation. Answer whether the terminal is a mobile phone.",
        ),
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
            T(" meets every condition ("),
            C(needs),
            T("): it counts as IT spending and may stay in the project budget."),
            T(if assessed {
                " Attach the evaluation's result to the application."
            } else {
                " State these facts in the application."
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
            T(" does not meet: "),
            C(unmet),
            T(". It is not IT spending; take it out of the IT project budget. It counts only when all of these hold: "),
            C(needs),
            T("."),
        ]),
        (Decision::PendingAssessment, _, true) => {
            if needs.len() > 1 {
                m.push_str("其余条件已满足，");
            }
            m.push_str("须经评估通过后方可纳入信息化经费。请提请评估；评估通过前，此项计入待定金额。");
        }
        (Decision::PendingAssessment, _, false) => {
            if needs.len() > 1 {
                m.push_str(" meets the other conditions but");
            }
            m.push_str(" counts as IT spending only once it has passed the evaluation (经评估通过). Request the evaluation; until it passes, the line is counted as pending.");
        }
        (Decision::NeedsInformation, _, true) => put(&[
            T("须同时满足"),
            C(needs),
            T("方可纳入信息化经费。请回答："),
            C(unanswered),
            T("。"),
        ]),
        (Decision::NeedsInformation, _, false) => put(&[
            T(" counts as IT spending only when all of these hold: "),
            C(needs),
            T(". Please answer: "),
            C(unanswered),
            T("."),
        ]),
    }
    if let Some(note) = item.note {
        if !zh {
            m.push(' ');
        }
        m.push_str(note.get(locale));
    }
    m
}

/// Input of `check: "costs"`: a whole budget. A line that could not be read keeps its
/// error (its pointer already rooted at `/items/<i>`) and is reported in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CostsInput {
    /// The budget lines, in order.
    #[cfg_attr(feature = "schema", schemars(with = "Vec<CostInput>"))]
    pub items: Vec<Result<CostInput, Error>>,
    /// Message language.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::LocaleTag>"))]
    pub locale: Locale,
}

impl CostsInput {
    /// A budget of well-formed lines.
    pub fn new(items: impl IntoIterator<Item = CostInput>, locale: Locale) -> CostsInput {
        CostsInput {
            items: items.into_iter().map(Ok).collect(),
            locale,
        }
    }
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

/// The budget's totals in 万元, exact (lines without amount and bad lines count 0).
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
/// `too_large` at `/items` beyond [`MAX_COST_LINES`] lines.
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
/// ```
pub fn classify_costs(input: &CostsInput) -> Result<CostsDecision, Error> {
    if input.items.len() > MAX_COST_LINES {
        return Err(Error::TooLarge {
            field: "/items".into(),
            limit: Limit::ArrayLen(MAX_COST_LINES),
        });
    }
    let mut totals = CostTotals::default();
    let lines = input
        .items
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let decided = match line {
                Ok(l) => classify_cost(l).map_err(|e| e.within(&format!("/items/{i}"))),
                Err(e) => Err(e.clone()),
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
                Err(error) => CostLine::Invalid {
                    error,
                    locale: input.locale,
                },
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

/// `item (label)` for each suggested code, for the `unknown_item` message.
/// The `unknown_item` error for `given`: the closest codes, or — for the whole text of
/// an annex row that names several items (revision 2) — that row's codes first.
fn unknown_item(given: &str) -> Error {
    let row = table::several_items_row(given);
    let mut suggestions: Vec<&'static str> = row.map(<[_]>::to_vec).unwrap_or_default();
    let cap = MAX_SUGGESTIONS.max(suggestions.len());
    for code in suggest_items(given) {
        if suggestions.len() >= cap {
            break;
        }
        if !suggestions.contains(&code) {
            suggestions.push(code);
        }
    }
    Error::UnknownItem {
        field: "/item".into(),
        given: given.trim().chars().take(100).collect(),
        suggestions,
        several: row.is_some(),
    }
}

pub(crate) fn describe_codes(codes: &[&str], locale: Locale) -> String {
    let zh = locale == Locale::Zh;
    codes
        .iter()
        .map(|&code| match COST_ITEMS.iter().find(|i| i.code == code) {
            Some(i) if zh => format!("{}（{}）", i.code, i.label),
            Some(i) => format!("{} ({})", i.code, i.title_en),
            None => code.to_string(),
        })
        .collect::<Vec<_>>()
        .join(if zh { "、" } else { ", " })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Regime;
    use crate::regimes::wulong::annex::ANNEX;
    use crate::regimes::{spec, Spec};
    use crate::rules::RuleInfo;
    use crate::verdict::Level;

    /// The annex's catalog rows as the regime's `more_rules` gives them.
    fn rules(regime: Regime, locale: Locale) -> Vec<RuleInfo> {
        let s: &Spec = spec(regime);
        (s.more_rules.get())(locale)
    }

    fn line(item: &str, answers: &[(Condition, bool)]) -> CostInput {
        let mut l = CostInput::new(item);
        for &(c, v) in answers {
            l.conditions.set(c, Some(v));
        }
        l
    }

    fn run(check: &str, input: &str) -> serde_json::Value {
        let text = crate::evaluate::evaluate_str(check, input);
        serde_json::from_str(&text).unwrap()
    }

    /// Every answer combination (true / false / absent) of the conditions a row reads.
    fn combos(item: &CostItem) -> Vec<Conditions> {
        let read: Vec<Condition> = match item.needs {
            Needs::Nothing => vec![Condition::Assessed],
            Needs::All(list) => list.to_vec(),
            Needs::Terminal => vec![
                Condition::MobileTerminal,
                Condition::CloselyRelated,
                Condition::Assessed,
            ],
        };
        let mut out = vec![Conditions::default()];
        for c in read {
            out = out
                .into_iter()
                .flat_map(|base| {
                    [None, Some(true), Some(false)].map(|v| {
                        let mut x = base;
                        x.set(c, v);
                        x
                    })
                })
                .collect();
        }
        out
    }

    #[test]
    fn decisions_follow_the_conditions() {
        for item in COST_ITEMS {
            for c in combos(item) {
                let mut input = CostInput::new(item.code);
                input.conditions = c;
                let d = classify_cost(&input).unwrap();
                let needs = needed(item, c.mobile_terminal);
                let vals: Vec<Option<bool>> = needs.iter().map(|&n| c.get(n)).collect();
                let expected = match item.needs {
                    Needs::Nothing if item.treatment == Treatment::Excluded => Decision::Excluded,
                    Needs::Nothing => Decision::Included,
                    Needs::Terminal if c.mobile_terminal == Some(false) => Decision::Included,
                    Needs::Terminal if c.mobile_terminal.is_none() => Decision::NeedsInformation,
                    _ if vals.contains(&Some(false)) => Decision::Excluded,
                    _ if vals.iter().all(|v| *v == Some(true)) => Decision::Included,
                    _ if d.unanswered == [Condition::Assessed] => Decision::PendingAssessment,
                    _ => Decision::NeedsInformation,
                };
                assert_eq!(d.decision, expected, "{} {c:?}", item.code);
                // unmet / unanswered: needed conditions only, in the annex's order.
                let unmet: Vec<Condition> = needs
                    .iter()
                    .copied()
                    .filter(|&n| c.get(n) == Some(false))
                    .collect();
                assert_eq!(d.unmet, unmet, "{} {c:?}", item.code);
                if item.needs == Needs::Terminal && c.mobile_terminal.is_none() {
                    assert_eq!(d.unanswered, [Condition::MobileTerminal]);
                    assert!(d.unmet.is_empty());
                }
                if d.decision == Decision::PendingAssessment {
                    assert!(needs.contains(&Condition::Assessed));
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
                        Locale::En => assert!(m.contains(item.title_en), "{}: {m}", item.code),
                    }
                    let say = |list: &[Condition]| {
                        for n in list {
                            assert!(m.contains(n.label(locale)), "{}: {m}", item.code);
                        }
                    };
                    match d.decision {
                        Decision::Excluded => say(&d.unmet),
                        Decision::NeedsInformation
                            if !d.unanswered.is_empty() && !needs.is_empty() =>
                        {
                            say(&d.unanswered)
                        }
                        Decision::PendingAssessment => say(&[Condition::Assessed]),
                        _ => {}
                    }
                }
            }
        }
    }

    #[test]
    fn messages_say_what_to_do() {
        let m =
            |item: &str, a: &[(Condition, bool)]| classify_cost(&line(item, a)).unwrap().message;
        use Condition::*;
        assert!(m("staff_salary", &[]).contains("移出信息化项目预算"));
        assert!(m("camera", &[]).contains("纳入信息化经费"));
        let pending = m("server_storage", &[(SpecialNeed, true)]);
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
        let no = m("computer", &[(CloselyRelated, false)]);
        assert!(no.contains("不满足「与项目/系统紧密相关」"), "{no}");
        assert!(m("private_network", &[(Assessed, true)]).contains("逐步减少直至取消"));
        assert!(m("spare_parts", &[]).contains("业务应用系统"));
        assert!(m("design_consulting", &[]).contains("新建、改扩建"));
        let terminal = m("data_collection_terminal", &[]);
        assert!(terminal.contains("是否采用手机终端"), "{terminal}");
        let phone = m(
            "data_collection_terminal",
            &[(MobileTerminal, true), (CloselyRelated, true)],
        );
        assert!(
            phone.contains("手机终端") && phone.contains("评估"),
            "{phone}"
        );
        let synonym = m("台式电脑", &[(CloselyRelated, true)]);
        assert!(
            synonym.starts_with("「台式电脑」按《申报范围及边界》中的「电脑」一项归类。"),
            "{synonym}"
        );
        assert!(!m("电脑", &[]).contains("归类"));
        assert!(!m("COMPUTER", &[]).contains("归类"));
        let mut en = line("computer", &[(CloselyRelated, true)]);
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
        let v = run("cost", r#"{"item":"服务器存贮"}"#);
        assert_eq!(v["error"]["suggestions"][0], "server_storage");
        assert!(v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("服务器存储"));
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
        assert_eq!(keys, ["included", "excluded", "pending"]);
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
            serde_json::json!({"included": "0.3", "excluded": "0", "pending": "0.7"})
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
        let rows = crate::checks::catalog::rules(Regime::WULONG, Locale::Zh);
        let cost: Vec<&RuleInfo> = rows.iter().filter(|r| r.check == "cost").collect();
        assert_eq!(cost.len(), 51);
        for (r, item) in cost.iter().zip(COST_ITEMS) {
            assert_eq!(
                (r.id, r.title, r.clause),
                (item.rule, item.label, item.basis)
            );
            assert_eq!(r.article, ANNEX);
            assert_eq!(r.level, Level::Info);
        }
        let classes: Vec<&str> = rows
            .iter()
            .filter(|r| r.check == "project_class")
            .map(|r| r.id)
            .collect();
        assert_eq!(
            classes,
            [
                "wulong.annex.hardware",
                "wulong.annex.continuation",
                "wulong.annex.maintenance",
                "wulong.annex.upgrade",
                "wulong.annex.construction"
            ]
        );
        // Unique per check (the eligibility table also lists wulong.annex.hardware and
        // wulong.annex.upgrade, the findings that reclassify the kind).
        let mut ids: Vec<(&str, &str)> = rows.iter().map(|r| (r.check, r.id)).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), rows.len(), "catalog ids are unique per check");
        let en = rules(Regime::WULONG, Locale::En);
        assert_eq!(en.first().map(|r| r.title), Some("Design and consulting"));
        for r in [
            Regime::BAOTOU,
            Regime::WUZHONG,
            Regime::CHUXIONG,
            Regime::SHIZUISHAN,
        ] {
            assert!(rules(r, Locale::Zh).is_empty());
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
            let _ = suggest_items(s);
        }
        assert_eq!(
            classify_cost(&CostInput::new("\u{3000}摄像头\u{3000}"))
                .unwrap()
                .item,
            "camera"
        );
    }
}
