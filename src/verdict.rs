//! The eligibility verdict and the vocabularies it is written in.

use crate::date::Date;
use crate::model::{Kind, Regime};
use crate::names::named;
use crate::names::Name;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// `ruleset`: crate name and version, identical on every surface.
pub const RULESET: &str = concat!("govit-check ", env!("CARGO_PKG_VERSION"));

/// `ruleset_id` (contract §8): which rules decided an answer. A digest (32 lowercase hex
/// digits) of everything that can change an answer — every file of the library's `src/`,
/// its version and dependencies, and the locked versions of those dependencies — computed
/// when the library is built (build.rs). It is the same in the native and the Wasm build
/// of one source, and it changes whenever any of these inputs changes, where `ruleset`
/// (the version) may not. Every verdict and every error carries it.
pub const RULESET_ID: &str = env!("GOVIT_CHECK_RULESET_ID");

named! {
    /// How serious a finding is.
    pub enum Level {
        Block = "block", "不符合", "blocks";
        Missing = "missing", "待回答", "to answer";
        Invalid = "invalid", "待更正", "to correct";
        Warn = "warn", "提醒", "caution";
        Require = "require", "须办理", "to do";
        Info = "info", "说明", "note";
    }
}

named! {
    /// The eligibility outcome, in precedence order.
    pub enum Outcome {
        NotApplicable = "not_applicable", "不适用本办法", "the regulation does not apply";
        Ineligible = "ineligible", "不符合申报条件", "not eligible";
        Incomplete = "incomplete", "待补充或更正", "answers missing or to correct";
        Eligible = "eligible", "符合申报条件", "eligible";
    }
}

named! {
    /// The procedural route.
    pub enum Route {
        Approval = "approval", "审批", "approval";
        Filing = "filing", "备案", "filing";
        None = "none", "不适用", "none";
        Undetermined = "undetermined", "待定", "undetermined";
    }
}

named! {
    /// A document the route requires.
    pub enum Document {
        Proposal = "proposal", "项目建议书", "project proposal";
        FeasibilityStudy = "feasibility_study", "可行性研究报告", "feasibility study";
        PreliminaryDesign = "preliminary_design", "初步设计", "preliminary design";
        BudgetEstimate = "budget_estimate", "投资概算", "budget estimate";
        DesignWithEstimate = "design_with_estimate", "初步设计及概算（代可研）", "preliminary design with estimate (in place of a feasibility study)";
        NeedsAnalysisReport = "needs_analysis_report", "项目需求分析报告", "needs analysis report";
        DeclarationForm = "declaration_form", "申报表", "declaration form";
        PerformanceGoalsTable = "performance_goals_table", "绩效目标表", "performance goals table";
        ProjectPlan = "project_plan", "项目方案", "project plan";
    }
}

named! {
    /// Who organises final acceptance.
    pub enum Acceptance {
        Unit = "unit", "建设单位组织", "the building unit";
        Authority = "authority", "主管部门组织", "the competent authority";
        Joint = "joint", "会同有关部门", "jointly with the departments concerned";
        PreReviewThenUnit = "pre_review_then_unit", "前置审核后建设单位组织", "the unit, after the authority's pre-review";
    }
}

named! {
    /// Whether the regulation is in force on `as_of`.
    pub enum Status {
        InForce = "in_force", "现行有效", "in force";
        NotYetInForce = "not_yet_in_force", "尚未施行", "not yet in force";
        Expired = "expired", "已失效", "expired";
        Draft = "draft", "未施行，仅供参考", "draft, not in force";
        Undetermined = "undetermined", "未判断（未填写日期）", "undetermined (no date)";
    }
}

/// One finding: a rule that fired, or a question still to answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// Rule id, e.g. `baotou.10.3` (for `missing`: the first rule that needs the field).
    #[serde(deserialize_with = "crate::names::name")]
    pub rule: Name,
    /// Level.
    pub level: Level,
    /// The article in Chinese, e.g. `第十条第（三）项`; empty (and left out of the JSON)
    /// for an `invalid` finding (rule `input`), which no article grounds.
    #[serde(
        skip_serializing_if = "str::is_empty",
        default,
        deserialize_with = "crate::names::name"
    )]
    pub article: Name,
    /// JSON Pointer of the field to change or answer; absent when no single field is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub field: Option<Cow<'static, str>>,
    /// What is wrong and what to do, in the requested locale.
    pub message: Cow<'static, str>,
    /// For `missing`: every rule that needs the field, in table order.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::names::names"
    )]
    pub rules: Vec<&'static str>,
}

/// A date by which something is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deadline {
    /// The rule that sets it.
    #[serde(deserialize_with = "crate::names::name")]
    pub rule: Name,
    /// What is due (Chinese, as the regulation names it).
    #[serde(deserialize_with = "crate::names::name")]
    pub what: Name,
    /// The last day.
    pub due: Date,
}

/// The procedure the route implies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Procedure {
    /// The body the regulation names for the route (informative).
    #[serde(deserialize_with = "crate::names::opt_name")]
    pub authority: Option<Name>,
    /// Documents to prepare.
    pub documents: Vec<Document>,
    /// Whether 工程监理 is required; `None` where the regime sets no rule.
    pub supervision_required: Option<bool>,
    /// Whether the project goes to a regional (自治区) review.
    pub regional_review: bool,
    /// Who organises acceptance.
    pub acceptance: Option<Acceptance>,
    /// Deadlines computed from the input.
    pub deadlines: Vec<Deadline>,
}

impl Procedure {
    /// The procedure of a `not_applicable` verdict.
    pub const NONE: Procedure = Procedure {
        authority: None,
        documents: Vec::new(),
        supervision_required: None,
        regional_review: false,
        acceptance: None,
        deadlines: Vec::new(),
    };
}

/// The regulation and its validity on `as_of`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Regulation {
    /// Title.
    #[serde(deserialize_with = "crate::names::name")]
    pub title: Name,
    /// First day in force.
    pub effective_from: Option<Date>,
    /// Last day in force.
    pub effective_until: Option<Date>,
    /// Status on `as_of`.
    pub status: Status,
}

/// The eligibility verdict (contract §2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "EligibilityVerdict"))]
pub struct Verdict {
    #[cfg_attr(feature = "schema", schemars(extend("const" = "eligibility")))]
    /// Always `"eligibility"`.
    #[serde(deserialize_with = "crate::names::name")]
    pub check: Name,
    /// The regime.
    pub regime: Regime,
    /// The day checked for.
    pub as_of: Option<Date>,
    /// Outcome.
    pub outcome: Outcome,
    /// Route.
    pub route: Route,
    /// The kind after Wulong's annex reclassification (else the input kind).
    pub effective_kind: Option<Kind>,
    /// Findings, in the normative order.
    pub findings: Vec<Finding>,
    /// Procedure.
    pub procedure: Procedure,
    /// The regulation.
    pub regulation: Regulation,
    /// `govit-check <version>`.
    #[serde(deserialize_with = "crate::names::name")]
    pub ruleset: Name,
    #[cfg_attr(feature = "schema", schemars(with = "crate::shape::RulesetId"))]
    /// [`RULESET_ID`]: the build of the rules that decided.
    #[serde(deserialize_with = "crate::names::name")]
    pub ruleset_id: Name,
}

/// The `invalid` finding of a value the reader could not use (contract §8): rule
/// `input`, at the value's pointer, saying what is wrong and how to write it.
pub(crate) fn invalid_finding(e: &crate::error::Error, locale: crate::locale::Locale) -> Finding {
    Finding {
        rule: "input",
        level: Level::Invalid,
        article: "",
        field: Some(std::borrow::Cow::Owned(e.field().to_string())),
        message: std::borrow::Cow::Owned(e.message(locale)),
        rules: Vec::new(),
    }
}

/// Whether an invalid value stands for the answer at `pointer`: the value itself, an
/// element or member of it, or the object holding it (`/project` holds
/// `/project/kind`). Its `missing` finding is then not added (contract §8).
pub(crate) fn stands_for(invalid: &[crate::error::Error], pointer: &str) -> bool {
    invalid.iter().any(|e| {
        let q = e.field();
        let under = |a: &str, b: &str| a.strip_prefix(b).is_some_and(|r| r.starts_with('/'));
        q == pointer || under(q, pointer) || under(pointer, q)
    })
}
