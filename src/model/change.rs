//! The change-approval input (contract §4): the request, its items and the reasons a
//! change may give. Read from JSON by [`ChangeRequest::from_json`] (checks::change).

use crate::date::Date;
use crate::locale::Locale;
use crate::model::Regime;
use crate::money::Money;
use crate::names::named;

/// The most items one change request may list (`too_large` at `/items` above it).
pub const MAX_ITEMS: usize = crate::limits::MAX_ITEMS;

named! {
    /// Why the approved content is adjusted (`reason`).
    pub enum ChangeReason {
        PolicyRequirement = "policy_requirement", "上级部署或主管部门明确要求", "required by a superior deployment or the competent authority";
        TechnicalOptimization = "technical_optimization", "完善优化技术方案", "improving or optimising the technical solution";
        BusinessDevelopment = "business_development", "业务发展需要、在已批复框架下调整", "business development, within the approved framework";
        ExternalChange = "external_change", "外部环境变化或不可抗因素", "a change of outside circumstances or force majeure";
        Other = "other", "其他原因", "another reason";
    }
}

/// One line of the approved budget and what is proposed for it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChangeItem {
    /// Free-text name (informative).
    pub name: Option<String>,
    /// The approved amount, 万元; `None` when the value given could not be read (an
    /// `invalid` finding, contract §8: every figure that needs it is `null`).
    #[cfg_attr(feature = "schema", schemars(with = "Money"))]
    pub approved: Option<Money>,
    /// The proposed amount, 万元; `None` as for `approved`.
    #[cfg_attr(feature = "schema", schemars(with = "Money"))]
    pub proposed: Option<Money>,
    /// New content, outside the approved list (absent reads as false).
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub new: bool,
    /// The decrease comes from tender savings 由招标采购形成的资金结余 (absent reads as false).
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub tender_savings: bool,
}

impl ChangeItem {
    /// An item with both flags false.
    pub fn new(approved: Money, proposed: Money) -> ChangeItem {
        ChangeItem {
            name: None,
            approved: Some(approved),
            proposed: Some(proposed),
            new: false,
            tender_savings: false,
        }
    }
}

/// Input of `check: "change"` (contract §4).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChangeRequest {
    /// The regime.
    pub regime: Regime,
    /// The day the check is made for.
    pub as_of: Option<Date>,
    /// The day the change (of the filed information) happened (Shizuishan).
    pub changed_on: Option<Date>,
    /// 原批复概算总投资, 万元; must be more than 0. `None` when the value given could not
    /// be read (an `invalid` finding: the figures that need it are `null`).
    #[cfg_attr(feature = "schema", schemars(with = "Money"))]
    pub approved_total: Option<Money>,
    /// Whether the project goal changes.
    pub goal_changed: Option<bool>,
    /// Whether the approved construction content, scale or standard changes, beyond
    /// amounts (revision 3): a request that only spends less after a tender is savings.
    pub content_changed: Option<bool>,
    /// Why the content is adjusted.
    pub reason: Option<ChangeReason>,
    /// The budget year whose special funds change (Wuzhong; absent: as_of's year).
    pub budget_year: Option<u16>,
    /// The items, at most [`MAX_ITEMS`].
    pub items: Vec<ChangeItem>,
    /// Message language.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::LocaleTag>"))]
    pub locale: Locale,
    /// Present values the reader could not use (contract §8), in input order: each
    /// counts as absent and is reported as an `invalid` finding.
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub invalid: Vec<crate::error::Error>,
}

impl ChangeRequest {
    /// A request with nothing answered but the structurally required values.
    pub fn new(regime: Regime, approved_total: Money, items: Vec<ChangeItem>) -> ChangeRequest {
        ChangeRequest {
            regime,
            as_of: None,
            changed_on: None,
            approved_total: Some(approved_total),
            goal_changed: None,
            content_changed: None,
            reason: None,
            budget_year: None,
            items,
            locale: Locale::Zh,
            invalid: Vec::new(),
        }
    }
}
