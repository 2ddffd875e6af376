//! Rules as data: the rule record, the condition language, and its three-valued
//! evaluation.
//!
//! A condition is read the way rules.md reads one: a fact is `true`, `false` or not
//! answered (`U`). `And` is false as soon as one part is false; `Or` is true as soon as
//! one part is true; otherwise an unanswered part leaves the result unknown, and the
//! unanswered fields are collected so the verdict can ask for them (`missing`).

pub mod change;
pub mod classes;
pub mod fees;

use crate::date::Date;
use crate::locale::{shown, Locale, Shown, Text};
use crate::model::{Category, Fact, FundingSet, Kind, UnitLevel};
use crate::money::Money;
use crate::names::named;
use crate::verdict::{Finding, Level, Route};
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

named! {
    /// An input field a rule can ask for (a `missing` finding points at it).
    pub enum Field {
        Kind = "/project/kind", "项目类型（新建、扩建、改建、续建、运行维护、购买服务）", "the project kind (new, expansion, renovation, continuation, maintenance, service)";
        Category = "/project/category", "项目类别（工程类、货物类、服务类）", "the procurement category (engineering, goods, service)";
        Total = "/project/investment/total", "总投资（万元）", "the total investment (万元)";
        BudgetYear = "/project/budget_year", "预算年度", "the budget year";
        ServiceYears = "/project/service_years", "服务期（年）", "the service period (years)";
        FreeMaintenanceYears = "/project/free_maintenance_years", "免费运维期（年）", "the free maintenance period (years)";
        IncludesConstruction = "/project/includes_construction", "服务类项目是否包括建设内容", "whether the service project includes construction";
        MainFunctionChanged = "/project/main_function_changed", "升级改造是否改变系统主体功能", "whether the upgrade changes the system's main function";
        Funding = "/project/funding", "资金来源", "the funding sources";
        DesignChapters = "/facts/design_chapters", "可研或初步设计包含的篇（章）", "the chapters of the design documents";
        AsOf = "/as_of", "检查日期", "the date of the check";
        ChangedOn = "/changed_on", "变更发生日期", "the date of the change";
        GoalChanged = "/goal_changed", "建设目标是否改变", "whether the project goal changes";
        ContentChanged = "/content_changed", "批复的建设内容、规模或标准是否改变（金额之外）", "whether the approved content, scale or standard changes (beyond amounts)";
        Reason = "/reason", "调整原因", "the reason for the change";
        Classified = "/project/classified", "是否涉密", "whether the project is classified";
        UnitLevel = "/project/unit_level", "建设单位层级", "the level of the building unit";
        ContractSignedOn = "/project/contract_signed_on", "原合同签订日期", "the date the earlier contract was signed";
        RoutinePurchase = "/project/routine_purchase", "是否日常办公软硬件采购", "whether it is a routine office purchase";
    }
}

/// Where a `missing` finding points: a project field or a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// A project or top-level field.
    Field(Field),
    /// A fact.
    Fact(Fact),
}

impl Ask {
    /// JSON Pointer.
    pub const fn pointer(self) -> &'static str {
        match self {
            Ask::Field(f) => f.name(),
            Ask::Fact(f) => f.pointer(),
        }
    }

    /// What to answer, in `locale`.
    #[cfg(feature = "english")]
    pub const fn label(self, locale: Locale) -> &'static str {
        match self {
            Ask::Field(f) => f.label(locale),
            Ask::Fact(f) => f.label(locale),
        }
    }

    /// What to answer, in `locale` (the English from the loaded table: `locale::En`).
    #[cfg(not(feature = "english"))]
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Ask::Field(f) => f.label(locale),
            Ask::Fact(f) => f.label(locale),
        }
    }

    /// Whether the answer is a yes/no.
    pub const fn is_yes_no(self) -> bool {
        match self {
            Ask::Fact(_) => true,
            Ask::Field(f) => matches!(
                f,
                Field::IncludesConstruction
                    | Field::MainFunctionChanged
                    | Field::GoalChanged
                    | Field::ContentChanged
            ),
        }
    }
}

/// Three-valued truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    /// False.
    F,
    /// True.
    T,
    /// Unknown: an answer it needs is absent.
    U,
}

impl From<bool> for Tri {
    fn from(b: bool) -> Tri {
        if b {
            Tri::T
        } else {
            Tri::F
        }
    }
}

/// A comparison against a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// `<` (低于, 以下 when the text excludes the number).
    Lt,
    /// `≤` (不超过, 以下 including the number).
    Le,
    /// `≥` (以上, 及以上, （含）以上).
    Ge,
    /// `>` (超过).
    Gt,
}

impl Cmp {
    /// `x <cmp> limit`, exactly.
    pub fn holds(self, x: Decimal, limit: Decimal) -> bool {
        match self {
            Cmp::Lt => x < limit,
            Cmp::Le => x <= limit,
            Cmp::Ge => x >= limit,
            Cmp::Gt => x > limit,
        }
    }
}

/// The project's years fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearsField {
    /// 服务期.
    Service,
    /// 免费运维期.
    FreeMaintenance,
}

/// A condition over an application (see the module doc for how it is read).
#[derive(Clone, Copy)]
pub enum Cond {
    /// Always true.
    Always,
    /// The fact has this answer (`Fact(X, false)` is rules.md's "X false").
    Fact(Fact, bool),
    /// The (effective) kind is one of these.
    Kinds(&'static [Kind]),
    /// The category is this one.
    Category(Category),
    /// 涉密 (absent reads as false).
    Classified,
    /// 紧急情况 (absent reads as false).
    Emergency,
    /// 新建土建工程 or 高耗能 (absent reads as false).
    CivilWorks,
    /// 日常办公软硬件 (absent reads as false).
    RoutinePurchase,
    /// Only replaces finished equipment (absent reads as false).
    HardwareOnly,
    /// `includes_construction` has this answer.
    IncludesConstruction(bool),
    /// `main_function_changed` has this answer.
    MainFunctionChanged(bool),
    /// The total investment compared with a limit.
    Total(Cmp, Money),
    /// The regime's applicable amount (Shizuishan art.4) compared with a limit.
    Applicable(Cmp, Money),
    /// A years field compared with a limit.
    Years(YearsField, Cmp, Money),
    /// The route is this one (unknown while the route is undetermined).
    Route(Route),
    /// The route is undetermined (asks for what decides it).
    RouteUndetermined,
    /// The unit level is one of these (absent reads as `municipal`).
    UnitLevels(&'static [UnitLevel]),
    /// A contract was signed before this date (absent: no earlier contract).
    ContractBefore(Date),
    /// Funding is given, non-empty, and every source is in the set.
    FundingWithin(FundingSet),
    /// The design documents lack at least one of the five chapters.
    ChaptersLacking,
    /// `as_of` is after `month`/`day` of the year before `budget_year` (false without
    /// `as_of`: no date rule is evaluated then).
    LateAfter(u8, u8),
    /// The input kind (before any reclassification) is one of these.
    InputKinds(&'static [Kind]),
    /// A condition the regulation computes itself (Wulong's annex reclassification).
    Computed(&'static Computed),
    /// The negation (an unknown stays unknown and keeps asking).
    Not(&'static Cond),
    /// All parts hold.
    And(&'static [Cond]),
    /// Some part holds.
    Or(&'static [Cond]),
    /// `When(guard, body)`: like `And`, but the body's answers are asked only once the
    /// guard holds.
    When(&'static Cond, &'static Cond),
}

/// A condition a regulation computes itself, with the answers it reads (so the form and
/// the `missing` findings know them). `eval` pushes what an unknown result waits for.
#[derive(Clone, Copy)]
pub struct Computed {
    /// Evaluates it.
    pub eval: fn(&Ctx<'_>, &mut Vec<Ask>) -> Tri,
    /// Every answer it can read.
    pub reads: &'static [Ask],
}

/// Construction kinds: 新建、扩建、改建.
pub const CONSTRUCTION: &[Kind] = &[Kind::New, Kind::Expansion, Kind::Renovation];
/// Upgrade kinds: 扩建、改建.
pub const UPGRADE: &[Kind] = &[Kind::Expansion, Kind::Renovation];
/// Construction kinds and 续建 (Wulong art.22, 28).
pub const CONSTRUCTION_OR_CONTINUATION: &[Kind] = &[
    Kind::New,
    Kind::Expansion,
    Kind::Renovation,
    Kind::Continuation,
];
/// Every kind but maintenance.
pub const NOT_MAINTENANCE: &[Kind] = &[
    Kind::New,
    Kind::Expansion,
    Kind::Renovation,
    Kind::Continuation,
    Kind::Service,
];

/// What a rule does when its condition holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// A finding at the rule's level.
    Finding,
    /// The regulation does not apply: the verdict is `not_applicable`.
    NotApplicable,
    /// Evaluated by the check's own code (change approval, cost classification); the
    /// table row documents it.
    Code,
}

/// The context a condition is evaluated in.
pub struct Ctx<'a> {
    /// The application.
    pub app: &'a crate::model::Application,
    /// Message locale.
    pub locale: Locale,
    /// The effective kind.
    pub kind: Option<Kind>,
    /// Total investment (`total`, else the sum of its parts).
    pub total: Option<Decimal>,
    /// The regime's applicable amount (Shizuishan art.4; else the total).
    pub applicable: Option<Decimal>,
    /// The route.
    pub route: Route,
    /// What must be answered before the route can be told.
    pub route_asks: &'static [Ask],
    /// The regulation's first day in force: a deadline before it is neither listed nor
    /// judged (revision 2: the regulation did not exist then).
    pub effective_from: Option<Date>,
}

impl Ctx<'_> {
    /// The application deadline `month`/`day` of the year before the budget year, unless
    /// it falls before the regulation took effect.
    pub fn due_before(&self, month: u8, day: u8) -> Option<Date> {
        due_before(self.app.project.budget_year, month, day)
            .filter(|due| self.effective_from.is_none_or(|from| *due >= from))
    }
}

impl Cond {
    /// Evaluates the condition, pushing the fields an unknown result waits for.
    pub fn eval(&self, c: &Ctx<'_>, asks: &mut Vec<Ask>) -> Tri {
        let p = &c.app.project;
        let known = |v: Option<bool>, ask: Ask, asks: &mut Vec<Ask>| match v {
            Some(b) => Tri::from(b),
            None => {
                asks.push(ask);
                Tri::U
            }
        };
        let amount = |v: Option<Decimal>, cmp: Cmp, limit: Money, asks: &mut Vec<Ask>| {
            known(
                v.map(|x| cmp.holds(x, limit.get())),
                Ask::Field(Field::Total),
                asks,
            )
        };
        match *self {
            Cond::Always => Tri::T,
            Cond::Fact(f, want) => known(c.app.facts.get(f).map(|v| v == want), Ask::Fact(f), asks),
            Cond::Kinds(ks) => known(
                c.kind.map(|k| ks.contains(&k)),
                Ask::Field(Field::Kind),
                asks,
            ),
            Cond::Category(cat) => known(
                p.category.map(|x| x == cat),
                Ask::Field(Field::Category),
                asks,
            ),
            Cond::Classified => p.classified.into(),
            Cond::Emergency => p.emergency.into(),
            Cond::CivilWorks => p.civil_works.into(),
            Cond::RoutinePurchase => p.routine_purchase.into(),
            Cond::HardwareOnly => p.hardware_replacement_only.into(),
            Cond::IncludesConstruction(want) => known(
                p.includes_construction.map(|v| v == want),
                Ask::Field(Field::IncludesConstruction),
                asks,
            ),
            Cond::MainFunctionChanged(want) => known(
                p.main_function_changed.map(|v| v == want),
                Ask::Field(Field::MainFunctionChanged),
                asks,
            ),
            Cond::Total(cmp, limit) => amount(c.total, cmp, limit, asks),
            Cond::Applicable(cmp, limit) => amount(c.applicable, cmp, limit, asks),
            Cond::Years(which, cmp, limit) => {
                let (v, f) = match which {
                    YearsField::Service => (p.service_years, Field::ServiceYears),
                    YearsField::FreeMaintenance => {
                        (p.free_maintenance_years, Field::FreeMaintenanceYears)
                    }
                };
                known(v.map(|x| cmp.holds(x, limit.get())), Ask::Field(f), asks)
            }
            Cond::Route(r) => {
                if c.route == Route::Undetermined {
                    asks.extend_from_slice(c.route_asks);
                    Tri::U
                } else {
                    (c.route == r).into()
                }
            }
            Cond::RouteUndetermined => {
                if c.route == Route::Undetermined {
                    asks.extend_from_slice(c.route_asks);
                    Tri::U
                } else {
                    Tri::F
                }
            }
            Cond::UnitLevels(ls) => ls
                .contains(&p.unit_level.unwrap_or(UnitLevel::Municipal))
                .into(),
            Cond::ContractBefore(d) => p.contract_signed_on.is_some_and(|s| s < d).into(),
            Cond::FundingWithin(set) => match p.funding {
                Some(f) if !f.is_empty() => f.is_subset(set).into(),
                _ => {
                    asks.push(Ask::Field(Field::Funding));
                    Tri::U
                }
            },
            Cond::ChaptersLacking => known(
                c.app
                    .facts
                    .design_chapters
                    .map(|s| s.lacking().next().is_some()),
                Ask::Field(Field::DesignChapters),
                asks,
            ),
            Cond::LateAfter(month, day) => match (c.app.as_of, p.budget_year) {
                (None, _) => Tri::F,
                (Some(_), None) => {
                    asks.push(Ask::Field(Field::BudgetYear));
                    Tri::U
                }
                // A due date before the regulation existed is not judged (`None`).
                (Some(as_of), Some(_)) => c
                    .due_before(month, day)
                    .is_some_and(|due| as_of > due)
                    .into(),
            },
            Cond::InputKinds(ks) => known(
                p.kind.map(|k| ks.contains(&k)),
                Ask::Field(Field::Kind),
                asks,
            ),
            Cond::Computed(x) => (x.eval)(c, asks),
            Cond::Not(inner) => match inner.eval(c, asks) {
                Tri::T => Tri::F,
                Tri::F => Tri::T,
                Tri::U => Tri::U,
            },
            Cond::And(parts) => {
                let start = asks.len();
                let mut unknown = false;
                for part in parts {
                    match part.eval(c, asks) {
                        Tri::F => {
                            asks.truncate(start);
                            return Tri::F;
                        }
                        Tri::U => unknown = true,
                        Tri::T => {}
                    }
                }
                if unknown {
                    Tri::U
                } else {
                    Tri::T
                }
            }
            Cond::Or(parts) => {
                let start = asks.len();
                let mut unknown = false;
                for part in parts {
                    match part.eval(c, asks) {
                        Tri::T => {
                            asks.truncate(start);
                            return Tri::T;
                        }
                        Tri::U => unknown = true,
                        Tri::F => {}
                    }
                }
                if unknown {
                    Tri::U
                } else {
                    Tri::F
                }
            }
            Cond::When(guard, body) => {
                let start = asks.len();
                match guard.eval(c, asks) {
                    Tri::F => Tri::F,
                    Tri::T => body.eval(c, asks),
                    Tri::U => {
                        let mid = asks.len();
                        if body.eval(c, asks) == Tri::F {
                            asks.truncate(start);
                            Tri::F
                        } else {
                            asks.truncate(mid);
                            Tri::U
                        }
                    }
                }
            }
        }
    }
}

/// `month`/`day` of the year before `budget_year`: the application deadline for it.
fn due_before(budget_year: Option<u16>, month: u8, day: u8) -> Option<Date> {
    Date::new(budget_year?.checked_sub(1)?, month, day)
}

/// A `missing` finding for `ask`, first needed by rule `id`.
pub(crate) fn missing(
    id: &'static str,
    article: &'static str,
    ask: Ask,
    locale: Locale,
) -> Finding {
    let label = ask.label(locale);
    // `concat` rather than `format!`: one exact allocation, no formatting machinery (a
    // half-filled form gets a `missing` finding per unanswered field, on every keystroke).
    let message = match (locale, ask.is_yes_no()) {
        (Locale::Zh, true) => ["请回答「", label, "」（是/否）：", article, "据此判断。"].concat(),
        (Locale::Zh, false) => ["请填写「", label, "」：", article, "据此判断。"].concat(),
        (Locale::En, true) => [
            "Please answer yes or no: “",
            label,
            "”. Rule ",
            id,
            " (",
            article,
            ") depends on it.",
        ]
        .concat(),
        (Locale::En, false) => [
            "Please fill in ",
            label,
            ": rule ",
            id,
            " (",
            article,
            ") depends on it.",
        ]
        .concat(),
    };
    Finding {
        rule: id,
        level: Level::Missing,
        article,
        field: Some(Cow::Borrowed(ask.pointer())),
        message: Cow::Owned(message),
        rules: vec![id],
    }
}

/// One rule of a regulation: a row of rules.md.
#[derive(Clone, Copy)]
pub struct Rule {
    /// Rule id, `<regime>.<article>[.<item>]`.
    pub id: &'static str,
    /// The article in Chinese.
    pub article: &'static str,
    /// The level of its finding (the usual one, where a regime adjusts it).
    pub level: Level,
    /// A short title (the catalog's).
    pub title: Shown<Text>,
    /// The clause text it rests on, quoted from the regulation (the catalog's).
    pub clause: Shown<&'static str>,
    /// When it fires.
    pub when: Cond,
    /// What it does then.
    pub effect: Effect,
    /// Its message (what is wrong and what to do).
    pub message: Text,
    /// Adjusts the level from the context (Shizuishan's 参照, Chuxiong's route…).
    pub level_by: Option<fn(&Ctx<'_>) -> Level>,
    /// Writes the message from the context instead of `message`.
    pub detail: Option<fn(&Ctx<'_>, Locale) -> String>,
}

impl Rule {
    /// Defaults for the struct-update syntax of the tables.
    pub const BASE: Rule = Rule {
        id: "",
        article: "",
        level: Level::Block,
        title: shown!(Text::new("", "")),
        clause: shown!(""),
        when: Cond::Always,
        effect: Effect::Finding,
        message: Text::new("", ""),
        level_by: None,
        detail: None,
    };
}

/// A rule as the catalog shows it (`rules` call).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleInfo {
    /// Rule id.
    pub id: &'static str,
    /// Which check evaluates it: `eligibility`, `change`, `cost` or `project_class`;
    /// `validity` for the regulation's period, which every check reporting the
    /// regulation applies.
    pub check: &'static str,
    /// The article in Chinese.
    pub article: &'static str,
    /// Level of its finding.
    pub level: Level,
    /// Short title in the requested locale.
    pub title: &'static str,
    /// The clause text it rests on.
    pub clause: &'static str,
}

/// The answer at fault in a condition that holds: the first fact, years field, chapter
/// list or 建设内容 answer that makes it true (scope conditions such as the kind or the
/// amount are not at fault).
pub fn blame(cond: &Cond, c: &Ctx<'_>) -> Option<Ask> {
    let mut scratch = Vec::new();
    let mut holds = |x: &Cond| {
        scratch.clear();
        x.eval(c, &mut scratch) == Tri::T
    };
    match *cond {
        Cond::Fact(f, _) => Some(Ask::Fact(f)),
        Cond::Years(YearsField::Service, ..) => Some(Ask::Field(Field::ServiceYears)),
        Cond::Years(YearsField::FreeMaintenance, ..) => {
            Some(Ask::Field(Field::FreeMaintenanceYears))
        }
        Cond::IncludesConstruction(_) => Some(Ask::Field(Field::IncludesConstruction)),
        Cond::ChaptersLacking => Some(Ask::Field(Field::DesignChapters)),
        // What takes a project out of a regulation's scope.
        Cond::Classified => Some(Ask::Field(Field::Classified)),
        Cond::UnitLevels(_) => Some(Ask::Field(Field::UnitLevel)),
        Cond::ContractBefore(_) => Some(Ask::Field(Field::ContractSignedOn)),
        Cond::RoutinePurchase => Some(Ask::Field(Field::RoutinePurchase)),
        Cond::FundingWithin(_) => Some(Ask::Field(Field::Funding)),
        Cond::And(parts) => parts.iter().find_map(|p| blame(p, c)),
        Cond::Or(parts) => parts.iter().filter(|p| holds(p)).find_map(|p| blame(p, c)),
        Cond::When(guard, body) => blame(body, c).or_else(|| blame(guard, c)),
        _ => None,
    }
}
