//! `form`: what a regime asks, in the order a form should ask it (contract §8).
//!
//! Nothing here lists a regime's questions by hand. They are read off the rule tables the
//! checks run:
//!
//! - each eligibility rule's condition is walked: every leaf names the answer it reads
//!   (a fact, the kind, the amount…); `When` guards and the scope parts of an `And` (the
//!   kind, the category, a check box) become the question's `ask_when`;
//! - what a regime computes in code rather than in a condition is found by running that
//!   code over a grid of answers: which answers decide the route (the `route_asks` the
//!   engine itself reports while the route is open), whether the applicable amount reads
//!   the cost parts, which input kinds can become an effective kind (Wulong's annex),
//!   which answers Wulong's annex classification reads, which answers move a deadline of
//!   `procedure.deadlines`;
//! - the change-approval rules are code: their questions are the answers whose change
//!   moves one of their findings or margins, found by running the check over a small
//!   grid of requests.
//!
//! Hand-written here and beside the vocabularies: only what no table can say — section
//! titles, which topic a fact belongs to, hints explaining 信创, 项目库, 密码应用方案…
//! (`model.rs`), the regional names of unit levels and funds (`model.rs`), and the labels
//! of the change figures.
//!
//! A condition in `ask_when` is a necessary condition: when it is false on an
//! application, no rule of the regime reads the question's answer. A condition on a
//! field that is itself unanswered may still hold (the engine asks then).

use crate::checks::cost::{Decision, Treatment};
use crate::locale::{Locale, Text};
use crate::model::change::ChangeReason;
use crate::model::{Category, Chapter, Fact, Funding, Kind, Regime};
use crate::regimes::spec;
use crate::rules::change::ChangeOutcome;
use crate::verdict::{Acceptance, Document, Level, Outcome, Route, Status, RULESET};
use serde::ser::{SerializeMap, SerializeStruct, Serializer};
use serde::Serialize;
use std::cell::RefCell;

#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod derive;
#[rustfmt::skip]
mod tables;

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// Yes or no.
    Bool,
    /// An amount in 万元.
    Money,
    /// A `YYYY-MM-DD` date.
    Date,
    /// A number of years.
    Years,
    /// A year (2000–2100).
    Year,
    /// Free text.
    Text,
    /// One of `options`.
    Choice,
    /// Any number of `options`.
    Choices,
}

impl Type {
    /// Every type, in the contract's order.
    pub const ALL: [Type; 8] = [
        Type::Bool,
        Type::Money,
        Type::Date,
        Type::Years,
        Type::Year,
        Type::Text,
        Type::Choice,
        Type::Choices,
    ];

    /// The JSON name.
    pub const fn name(self) -> &'static str {
        match self {
            Type::Bool => "bool",
            Type::Money => "money",
            Type::Date => "date",
            Type::Years => "years",
            Type::Year => "year",
            Type::Text => "text",
            Type::Choice => "choice",
            Type::Choices => "choices",
        }
    }
}

impl Serialize for Type {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// What an absent answer reads as (contract §2, §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absent {
    /// Unanswered: a rule that needs it asks (`missing`).
    Unanswered,
    /// `false` (a check box left unticked).
    False,
    /// This value (`unit_level`: `municipal`).
    Value(&'static str),
}

impl Serialize for Absent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Absent::Unanswered => s.serialize_none(),
            Absent::False => s.serialize_bool(false),
            Absent::Value(v) => s.serialize_str(v),
        }
    }
}

/// A value in an `ask_when` condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// `true` / `false`.
    Bool(bool),
    /// A name (`"renovation"`).
    Name(&'static str),
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Value::Bool(b) => s.serialize_bool(b),
            Value::Name(n) => s.serialize_str(n),
        }
    }
}

/// When a question matters, as data: `{"field", "equals"}`, `{"field", "in"}`,
/// `{"any": [...]}`, `{"all": [...]}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskWhen {
    /// The answer at `field` equals the value.
    Equals(&'static str, Value),
    /// The answer at `field` is one of the names.
    In(&'static str, &'static [&'static str]),
    /// One of the conditions holds.
    Any(&'static [AskWhen]),
    /// Every condition holds.
    All(&'static [AskWhen]),
}

impl Serialize for AskWhen {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AskWhen::Equals(f, v) => {
                let mut st = s.serialize_struct("AskWhen", 2)?;
                st.serialize_field("field", f)?;
                st.serialize_field("equals", v)?;
                st.end()
            }
            AskWhen::In(f, vs) => {
                let mut st = s.serialize_struct("AskWhen", 2)?;
                st.serialize_field("field", f)?;
                st.serialize_field("in", vs)?;
                st.end()
            }
            AskWhen::Any(xs) => {
                let mut st = s.serialize_struct("AskWhen", 1)?;
                st.serialize_field("any", xs)?;
                st.end()
            }
            AskWhen::All(xs) => {
                let mut st = s.serialize_struct("AskWhen", 1)?;
                st.serialize_field("all", xs)?;
                st.end()
            }
        }
    }
}

impl AskWhen {
    /// Whether the condition may hold on `answers`: `Some(value)` for an answered field,
    /// `None` for an unanswered one (which may still hold). Used by the tests and the
    /// documentation of how a portal reads `ask_when`.
    pub fn may_hold(&self, answer: &dyn Fn(&str) -> Option<Value>) -> bool {
        match self {
            AskWhen::Equals(f, v) => answer(f).is_none_or(|a| a == *v),
            AskWhen::In(f, vs) => {
                answer(f).is_none_or(|a| matches!(a, Value::Name(n) if vs.contains(&n)))
            }
            AskWhen::Any(xs) => xs.iter().any(|x| x.may_hold(answer)),
            AskWhen::All(xs) => xs.iter().all(|x| x.may_hold(answer)),
        }
    }
}

/// One choice of a `choice` or `choices` question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Choice {
    /// The value the input takes.
    pub value: &'static str,
    /// Its label, in the regime's terms.
    pub label: &'static str,
}

/// One question (contract §8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Question {
    /// JSON Pointer of the answer in the check's input (`/items/-/…`: in every item).
    pub field: &'static str,
    /// How it is answered.
    #[serde(rename = "type")]
    pub kind: Type,
    /// The label (the words a `missing` finding uses for it).
    pub label: &'static str,
    /// Plain words for its terms, or `None`.
    pub hint: Option<&'static str>,
    /// The values this regime distinguishes (`choice`, `choices`), else empty.
    pub options: Vec<Choice>,
    /// The rules that read it, in table order.
    pub rules: &'static [&'static str],
    /// When it matters (`None`: always).
    pub ask_when: Option<AskWhen>,
    /// What an absent answer reads as (`null`: unanswered).
    pub default: Absent,
}

/// A group of questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    /// A stable id (`scope`, `project`, … `change`).
    pub id: &'static str,
    /// The check whose input the answers go into: `eligibility` or `change`.
    pub check: &'static str,
    /// The title.
    pub title: &'static str,
    /// The questions, in the order to ask them.
    pub questions: Vec<Question>,
}

/// The engine's vocabularies in the requested locale, so a form shows verdicts in the
/// engine's words: `{"outcome": {"eligible": "符合申报条件", …}, "document": {…}, …}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels(Locale);

impl Labels {
    /// The label of `value` in the vocabulary `vocabulary` (`"document"`, `"outcome"`…).
    pub fn get(&self, vocabulary: &str, value: &str) -> Option<&'static str> {
        let &(_, names, label) = VOCABULARIES.iter().find(|(v, ..)| *v == vocabulary)?;
        let i = names().iter().position(|n| *n == value)?;
        label(i, self.0)
    }
}

impl Serialize for Labels {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Names(
            &'static [&'static str],
            fn(usize, Locale) -> Option<&'static str>,
            Locale,
        );
        impl Serialize for Names {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (i, k) in self.0.iter().enumerate() {
                    m.serialize_entry(k, self.1(i, self.2).unwrap_or(k))?;
                }
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(VOCABULARIES.len()))?;
        for &(k, names, label) in VOCABULARIES {
            m.serialize_entry(k, &Names(names(), label, self.0))?;
        }
        m.end()
    }
}

/// The answer of `form` (contract §8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "FormAnswer"))]
pub struct Form {
    #[cfg_attr(feature = "schema", schemars(extend("const" = "form")))]
    /// Always `"form"`.
    pub check: &'static str,
    /// The regime.
    pub regime: Regime,
    /// Title of the regulation.
    pub title: &'static str,
    /// The questions, by section, in the order to ask them: eligibility first, then the
    /// change request (`check` of each section says which input it fills).
    pub sections: Vec<Section>,
    /// The engine's vocabularies in the locale.
    pub labels: Labels,
    /// `govit-check <version>`.
    pub ruleset: &'static str,
    /// [`crate::RULESET_ID`]: the build of the rules that wrote it (contract §8).
    #[cfg_attr(feature = "schema", schemars(with = "crate::shape::RulesetId"))]
    pub ruleset_id: &'static str,
}

/// The questions of `regime`, labels and hints in `locale` (contract §8).
///
/// # Examples
/// ```
/// use govit_check::{form, Locale, Regime};
/// let f = form(Regime::CHUXIONG, Locale::Zh);
/// let q = f.sections.iter().flat_map(|s| &s.questions)
///     .find(|q| q.field == "/facts/datacenter_renewal_needed").unwrap();
/// assert_eq!(q.rules, ["chuxiong.15.2"]);
/// assert!(q.ask_when.is_some()); // only once new_own_datacenter is true
/// ```
pub fn form(regime: Regime, locale: Locale) -> Form {
    let asked = tables::of(regime);
    let mut sections: Vec<Section> = Vec::new();
    for &(id, check, title) in SECTIONS {
        let questions: Vec<Question> = asked
            .iter()
            .filter(|a| a.section == id)
            .map(|a| question(regime, a, locale))
            .collect();
        if !questions.is_empty() {
            sections.push(Section {
                id,
                check,
                title: title.get(locale),
                questions,
            });
        }
    }
    Form {
        check: "form",
        regime,
        title: spec(regime).title,
        sections,
        labels: Labels(locale),
        ruleset: RULESET,
        ruleset_id: crate::verdict::RULESET_ID,
    }
}

/// One question as the derivation found it (a row of `tables.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Asked {
    /// The section id.
    pub section: &'static str,
    /// JSON Pointer of the answer.
    pub field: &'static str,
    /// How it is answered.
    pub kind: Type,
    /// What an absent answer reads as.
    pub default: Absent,
    /// The rules that read it, in table order.
    pub rules: &'static [&'static str],
    /// When it matters.
    pub ask_when: Option<AskWhen>,
}

fn question(regime: Regime, d: &Asked, locale: Locale) -> Question {
    let label = match d.field.strip_prefix("/items/-") {
        Some(rel) => crate::labels::label(rel, locale),
        None => crate::labels::label(d.field, locale),
    };
    let hint = match d.field.strip_prefix("/facts/").and_then(Fact::from_name) {
        Some(f) => f.hint(locale),
        None => crate::model::field_hint(d.field, locale),
    };
    Question {
        field: d.field,
        kind: d.kind,
        label: label.map_or(d.field, |l| capitalized(l, locale)),
        hint,
        options: options(regime, d.field, locale),
        rules: d.rules,
        ask_when: d.ask_when,
        default: d.default,
    }
}

/// An English label as a form shows it: its first letter a capital (the labels are
/// written as the phrases messages quote). Chinese labels are unchanged.
fn capitalized(label: &'static str, locale: Locale) -> &'static str {
    if locale == Locale::Zh {
        return label;
    }
    // The labels are static; their capitalized forms are kept once per label.
    thread_local! {
        static CAPS: RefCell<Vec<(&'static str, &'static str)>> = const { RefCell::new(Vec::new()) };
    }
    CAPS.with(|c| {
        if let Some(&(_, cap)) = c.borrow().iter().find(|(l, _)| std::ptr::eq(*l, label)) {
            return cap;
        }
        let mut s = label.to_string();
        if let Some(first) = s.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        let cap: &'static str = Box::leak(s.into_boxed_str());
        c.borrow_mut().push((label, cap));
        cap
    })
}

/// A vocabulary: its names and the label of the `i`-th (non-generic, so one piece of code
/// serves every vocabulary).
type Vocabulary = (
    &'static [&'static str],
    fn(usize, Regime, Locale) -> Option<&'static str>,
);

/// The choices of a question, in the regime's words: its region's unit levels (only those
/// it has) and names of funds; the contract's vocabularies otherwise.
fn options(regime: Regime, field: &str, locale: Locale) -> Vec<Choice> {
    let region = &spec(regime).region.get();
    let (names, label): Vocabulary = match field {
        "/project/unit_level" => {
            return region
                .unit_levels
                .iter()
                .map(|(u, t)| Choice {
                    value: u.name(),
                    label: t.get(locale),
                })
                .collect()
        }
        "/project/kind" => (Kind::NAMES, |i, _, l| Some(Kind::ALL.get(i)?.label(l))),
        "/project/category" => (Category::NAMES, |i, _, l| {
            Some(Category::ALL.get(i)?.label(l))
        }),
        "/project/funding" => (Funding::NAMES, |i, r, l| {
            Some(spec(r).region.get().funding_label(*Funding::ALL.get(i)?, l))
        }),
        "/facts/design_chapters" => (Chapter::NAMES, |i, _, l| {
            Some(Chapter::ALL.get(i)?.label(l))
        }),
        "/reason" => (ChangeReason::NAMES, |i, _, l| {
            Some(ChangeReason::ALL.get(i)?.label(l))
        }),
        _ => return Vec::new(),
    };
    let mut out = Vec::with_capacity(names.len());
    for (i, &value) in names.iter().enumerate() {
        if let Some(label) = label(i, regime, locale) {
            out.push(Choice { value, label });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Presentation: sections and the topic of each answer.

const SECTIONS: &[(&str, &str, Text)] = &[
    ("scope", "eligibility", Text::new("适用范围", "Scope")),
    (
        "project",
        "eligibility",
        Text::new("项目基本情况", "The project"),
    ),
    (
        "planning",
        "eligibility",
        Text::new("前期与计划", "Planning and approvals"),
    ),
    ("data", "eligibility", Text::new("数据资源", "Data")),
    (
        "infrastructure",
        "eligibility",
        Text::new("基础设施与部署", "Infrastructure and deployment"),
    ),
    (
        "integration",
        "eligibility",
        Text::new("现有系统与整合", "Existing systems"),
    ),
    (
        "security",
        "eligibility",
        Text::new("安全与信创", "Security and domestic products (信创)"),
    ),
    (
        "maintenance",
        "eligibility",
        Text::new("运行维护项目", "Operation and maintenance projects"),
    ),
    (
        "change",
        "change",
        Text::new("已批复项目的变更调整", "Changing an approved project"),
    ),
];

// ---------------------------------------------------------------------------------------
// The engine's vocabularies.

/// Labels of the change figures, in the order of `FIGURE_NAMES` (the keys of `figures`).
const FIGURES: &[Text] = &[
    Text::new("原批复概算总投资（万元）", "approved total (万元)"),
    Text::new("调整后总投资（万元）", "total after the change (万元)"),
    Text::new("调增合计（万元）", "increases (万元)"),
    Text::new("调减合计（万元）", "decreases (万元)"),
    Text::new(
        "调整额：调增、调减中较大者（万元）",
        "adjustment: the larger of increases and decreases (万元)",
    ),
    Text::new("调整比例（%）", "adjustment ratio (%)"),
    Text::new("新增建设内容（万元）", "new content (万元)"),
    Text::new("新增内容占比（%）", "new content ratio (%)"),
];

/// The vocabularies `labels` lists: name, values, label of the `i`-th value.
type Labelled = (
    &'static str,
    fn() -> &'static [&'static str],
    fn(usize, Locale) -> Option<&'static str>,
);

const FIGURE_NAMES: &[&str] = &[
    "approved_total",
    "total_after",
    "increases",
    "decreases",
    "adjustment",
    "adjustment_ratio",
    "new_content",
    "new_content_ratio",
];

pub(crate) const VOCABULARIES: &[Labelled] = &[
    (
        "outcome",
        || Outcome::NAMES,
        |i, l| Some(Outcome::ALL.get(i)?.label(l)),
    ),
    (
        "route",
        || Route::NAMES,
        |i, l| Some(Route::ALL.get(i)?.label(l)),
    ),
    (
        "level",
        || Level::NAMES,
        |i, l| Some(Level::ALL.get(i)?.label(l)),
    ),
    (
        "status",
        || Status::NAMES,
        |i, l| Some(Status::ALL.get(i)?.label(l)),
    ),
    (
        "document",
        || Document::NAMES,
        |i, l| Some(Document::ALL.get(i)?.label(l)),
    ),
    (
        "acceptance",
        || Acceptance::NAMES,
        |i, l| Some(Acceptance::ALL.get(i)?.label(l)),
    ),
    (
        "kind",
        || Kind::NAMES,
        |i, l| Some(Kind::ALL.get(i)?.label(l)),
    ),
    (
        "change_outcome",
        || ChangeOutcome::NAMES,
        |i, l| Some(ChangeOutcome::ALL.get(i)?.label(l)),
    ),
    (
        "figure",
        || FIGURE_NAMES,
        |i, l| Some(FIGURES.get(i)?.get(l)),
    ),
    (
        "treatment",
        || Treatment::NAMES,
        |i, l| Some(Treatment::ALL.get(i)?.label(l)),
    ),
    (
        "decision",
        || Decision::NAMES,
        |i, l| Some(Decision::ALL.get(i)?.label(l)),
    ),
    ("condition", crate::regimes::fee_condition_names, |i, l| {
        Some(crate::regimes::fee_conditions().get(i)?.label(l))
    }),
];
