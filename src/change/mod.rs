//! Change approval (contract §4, rules.md "Change approval"): may a unit adjust an
//! approved project itself and file the change, or does it need a new approval?
//!
//! This module holds what the five regimes share — the input ([`ChangeRequest`]), the
//! exact figures, the margins, the output ([`ChangeVerdict`]) and the finding builder.
//! Each regime's rule table and decision lives in its own submodule, each rule beside
//! the article it rests on.
//!
//! Arithmetic: every amount is a [`Money`] (≤ 1e12 万元, ≤ 6 decimal places) and a
//! request holds at most [`MAX_ITEMS`] items, so every sum is below 1e16 and every
//! product compared below 1e19 — far inside `Decimal`'s 7.9e28; approved_total is
//! checked to be > 0 before any division. Limits are compared exactly as
//! `amount × 100` against `limit × approved_total`, never on a printed ratio.

mod baotou;
mod chuxiong;
mod shizuishan;
mod wulong;
mod wuzhong;

use crate::date::Date;
use crate::eligibility::{missing, validity_findings};
use crate::error::{Error, Expected, Limit, Reason};
use crate::input::{
    keep, locale_of, members_kept, object, opt_array, opt_bool, opt_date, opt_int, opt_money,
    opt_name, opt_text, regime_of, type_error, value_error, Ptr, MAX_TEXT_CHARS,
};
use crate::json::{Json, View};
use crate::locale::Locale;
use crate::model::Regime;
use crate::money::Money;
use crate::names::named;
use crate::regimes::spec;
use crate::rules::{Ask, Field, Rule};
use crate::verdict::{Finding, Level, Regulation, RULESET};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::borrow::Cow;

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

named! {
    /// The change outcome, in precedence order (not_applicable ▸ rejected ▸
    /// approval_required ▸ incomplete ▸ file).
    pub enum ChangeOutcome {
        NotApplicable = "not_applicable", "不适用本办法", "the regulation does not apply";
        Rejected = "rejected", "不能调整", "not possible now";
        ApprovalRequired = "approval_required", "须重新报批", "a new approval is needed";
        Incomplete = "incomplete", "待补充或更正", "answers missing or to correct";
        File = "file", "可自行调整并备案（报备）", "the unit may change and file it";
    }
}

/// One line of the approved budget and what is proposed for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeItem {
    /// Free-text name (informative).
    pub name: Option<String>,
    /// The approved amount, 万元; `None` when the value given could not be read (an
    /// `invalid` finding, contract §8: every figure that needs it is `null`).
    pub approved: Option<Money>,
    /// The proposed amount, 万元; `None` as for `approved`.
    pub proposed: Option<Money>,
    /// New content, outside the approved list (absent reads as false).
    pub new: bool,
    /// The decrease comes from tender savings 由招标采购形成的资金结余 (absent reads as false).
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
pub struct ChangeRequest {
    /// The regime.
    pub regime: Regime,
    /// The day the check is made for.
    pub as_of: Option<Date>,
    /// The day the change (of the filed information) happened (Shizuishan).
    pub changed_on: Option<Date>,
    /// 原批复概算总投资, 万元; must be more than 0. `None` when the value given could not
    /// be read (an `invalid` finding: the figures that need it are `null`).
    pub approved_total: Option<Money>,
    /// Whether the project goal changes.
    pub goal_changed: Option<bool>,
    /// Why the content is adjusted.
    pub reason: Option<ChangeReason>,
    /// The budget year whose special funds change (Wuzhong; absent: as_of's year).
    pub budget_year: Option<u16>,
    /// The items, at most [`MAX_ITEMS`].
    pub items: Vec<ChangeItem>,
    /// Message language.
    pub locale: Locale,
    /// Present values the reader could not use (contract §8), in input order: each
    /// counts as absent and is reported as an `invalid` finding.
    pub invalid: Vec<Error>,
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
            reason: None,
            budget_year: None,
            items,
            locale: Locale::Zh,
            invalid: Vec::new(),
        }
    }

    /// Reads a request from JSON text, `locale` included.
    ///
    /// # Errors
    /// As [`ChangeRequest::from_value`], plus `invalid_json`.
    pub fn from_json(text: &str) -> Result<ChangeRequest, Error> {
        let doc = crate::json::parse(text)?;
        let locale = locale_of(doc.root())?;
        ChangeRequest::from_value(doc.root(), locale)
    }

    /// Reads a request from a parsed JSON value; messages will use `locale`.
    ///
    /// A present value that cannot be read (a bad date, amount, reason, flag…; an
    /// `approved_total` of 0; an item that is not an object) does not fail the reading:
    /// it is kept in [`ChangeRequest::invalid`] and counts as absent (contract §8).
    ///
    /// # Errors
    /// `required` for an absent `regime`, `approved_total`, `items` or item amount
    /// (`/items/3/proposed`); `invalid_type` for `items` that is not an array;
    /// `too_large` for more than [`MAX_ITEMS`] items or an over-long name; what concerns
    /// the input as a whole (not an object, unknown regime).
    pub fn from_value(v: Json<'_>, locale: Locale) -> Result<ChangeRequest, Error> {
        let root = Ptr::ROOT;
        let m = object(v, &root)?;
        let regime = regime_of(v.get("regime"), &root.key("regime"))?;
        let mut req = ChangeRequest::new(regime, Money::ZERO, Vec::new());
        req.locale = locale;
        let (mut total_given, mut items) = (false, None);
        let mut bad = Vec::new();
        members_kept(m, &root, &mut bad, |k, v, at, bad| {
            match k {
                "as_of" => req.as_of = keep(opt_date(v, at), bad)?,
                "changed_on" => req.changed_on = keep(opt_date(v, at), bad)?,
                "approved_total" => {
                    total_given = !v.is_null();
                    let total = opt_money(v, at).and_then(|t| match t {
                        Some(t) if t.get().is_zero() => Err(value_error(at, Reason::Positive)),
                        t => Ok(t),
                    });
                    req.approved_total = keep(total, bad)?;
                }
                "goal_changed" => req.goal_changed = keep(opt_bool(v, at), bad)?,
                "reason" => {
                    req.reason = keep(
                        opt_name(v, at, ChangeReason::from_name, ChangeReason::NAMES),
                        bad,
                    )?
                }
                "budget_year" => {
                    req.budget_year =
                        keep(opt_int(v, at, 2000, 2100), bad)?.and_then(|y| u16::try_from(y).ok())
                }
                "items" => items = opt_array(v, at, MAX_ITEMS, |x, at| read_item(x, at, bad))?,
                _ => {}
            }
            Ok(())
        })?;
        if !total_given {
            return Err(Error::Required {
                field: "/approved_total".into(),
            });
        }
        req.items = items.ok_or_else(|| Error::Required {
            field: "/items".into(),
        })?;
        req.invalid = bad;
        Ok(req)
    }
}

fn read_item(v: Json<'_>, at: &Ptr<'_>, bad: &mut Vec<Error>) -> Result<ChangeItem, Error> {
    let unknown = ChangeItem {
        name: None,
        approved: None,
        proposed: None,
        new: false,
        tender_savings: false,
    };
    let m = match v.view() {
        View::Obj(m) => m,
        _ => {
            bad.push(type_error(at, Expected::Object));
            return Ok(unknown);
        }
    };
    let mut it = unknown;
    let (mut approved, mut proposed) = (false, false);
    members_kept(m, at, bad, |k, v, here, bad| {
        match k {
            "name" => it.name = keep(opt_text(v, here, MAX_TEXT_CHARS), bad)?,
            "approved" => {
                approved = !v.is_null();
                it.approved = keep(opt_money(v, here), bad)?;
            }
            "proposed" => {
                proposed = !v.is_null();
                it.proposed = keep(opt_money(v, here), bad)?;
            }
            "new" => it.new = keep(opt_bool(v, here), bad)?.unwrap_or(false),
            "tender_savings" => it.tender_savings = keep(opt_bool(v, here), bad)?.unwrap_or(false),
            _ => {}
        }
        Ok(())
    })?;
    for (given, key) in [(approved, "approved"), (proposed, "proposed")] {
        if !given {
            return Err(Error::Required {
                field: at.key(key).render(),
            });
        }
    }
    Ok(it)
}

/// Serializes a decimal as its normalized string (`"15"`, `"12.5"`, never `"-0"`).
fn dec<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    crate::money::serialize_decimal(&norm(*d), s)
}

/// The normalized decimal (trailing zeros dropped, `-0` as `0`).
fn norm(d: Decimal) -> Decimal {
    let n = d.normalize();
    if n.is_zero() {
        Decimal::ZERO
    } else {
        n
    }
}

/// A decimal as text, normalized (for messages).
pub(crate) fn n(d: Decimal) -> String {
    crate::money::decimal_text(norm(d))
}

/// An optional decimal as its normalized string, or `null`.
fn opt_dec<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => dec(d, s),
        None => s.serialize_none(),
    }
}

/// The exact figures of a change (contract §4; definitions in interpretations.md). A
/// figure is `None` (`null`) when an amount it needs could not be read (contract §8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// 原批复概算总投资.
    #[serde(serialize_with = "opt_dec")]
    pub approved_total: Option<Decimal>,
    /// approved_total + Σ(proposed − approved).
    #[serde(serialize_with = "opt_dec")]
    pub total_after: Option<Decimal>,
    /// Σ(proposed − approved) over items that grow (Baotou, Wulong: tender savings left out).
    #[serde(serialize_with = "opt_dec")]
    pub increases: Option<Decimal>,
    /// Σ(approved − proposed) over items that shrink (Baotou, Wulong: tender savings left out).
    #[serde(serialize_with = "opt_dec")]
    pub decreases: Option<Decimal>,
    /// max(increases, decreases).
    #[serde(serialize_with = "opt_dec")]
    pub adjustment: Option<Decimal>,
    /// adjustment × 100 ÷ approved_total, percent.
    #[serde(serialize_with = "opt_dec")]
    pub adjustment_ratio: Option<Decimal>,
    /// Σ proposed over new items.
    #[serde(serialize_with = "opt_dec")]
    pub new_content: Option<Decimal>,
    /// new_content × 100 ÷ approved_total, percent.
    #[serde(serialize_with = "opt_dec")]
    pub new_content_ratio: Option<Decimal>,
}

impl Figures {
    /// Computes the figures; `exclude_tender_savings` is Baotou's art.21 last sentence
    /// (and Wulong's art.25). `approved_total` must be > 0 and `items` at most
    /// [`MAX_ITEMS`] long (checked by [`check_change`]). A sum over items is `None` when
    /// an amount it adds could not be read.
    pub(crate) fn compute(req: &ChangeRequest, exclude_tender_savings: bool) -> Figures {
        let base = req.approved_total.map(Money::get);
        let zero = Some(Decimal::ZERO);
        let (mut moved, mut inc, mut dec, mut new) = (zero, zero, zero, zero);
        let add = |sum: Option<Decimal>, x: Option<Decimal>| Some(sum? + x?);
        for it in &req.items {
            let (a, p) = (it.approved.map(Money::get), it.proposed.map(Money::get));
            let delta = p.zip(a).map(|(p, a)| p - a);
            moved = add(moved, delta);
            if !(exclude_tender_savings && it.tender_savings) {
                match delta {
                    Some(d) if d > Decimal::ZERO => inc = add(inc, Some(d)),
                    Some(d) => dec = add(dec, Some(-d)),
                    None => (inc, dec) = (None, None),
                }
            }
            if it.new {
                new = add(new, p);
            }
        }
        let adjustment = inc.zip(dec).map(|(i, d)| i.max(d));
        let of = |x: Option<Decimal>| Some(ratio(x?, base?));
        Figures {
            approved_total: base,
            total_after: add(base, moved),
            increases: inc,
            decreases: dec,
            adjustment,
            adjustment_ratio: of(adjustment),
            new_content: new,
            new_content_ratio: of(new),
        }
    }
}

/// Every figure, once all are known (no amount was unreadable): what a grant quotes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Known {
    pub approved_total: Decimal,
    pub total_after: Decimal,
    pub adjustment: Decimal,
    pub adjustment_ratio: Decimal,
    pub new_content: Decimal,
    pub new_content_ratio: Decimal,
}

impl Figures {
    /// The figures a grant quotes, when every one is known.
    pub(crate) fn known(&self) -> Option<Known> {
        Some(Known {
            approved_total: self.approved_total?,
            total_after: self.total_after?,
            adjustment: self.adjustment?,
            adjustment_ratio: self.adjustment_ratio?,
            new_content: self.new_content?,
            new_content_ratio: self.new_content_ratio?,
        })
    }
}

/// `amount × 100 ÷ base` with rust_decimal (a non-terminating quotient is rounded to
/// its 28-digit precision; only printed, never compared). `base` > 0.
pub(crate) fn ratio(amount: Decimal, base: Decimal) -> Decimal {
    (amount * Decimal::ONE_HUNDRED)
        .checked_div(base)
        .map_or(Decimal::ZERO, norm)
}

/// Whether `amount` is over `pct` % of `base`, exactly: `amount × 100 > pct × base`.
pub(crate) fn over_pct(amount: Decimal, pct: Decimal, base: Decimal) -> bool {
    amount * Decimal::ONE_HUNDRED > pct * base
}

/// `pct` % of `base`, exactly (`pct × base ÷ 100` terminates: base has ≤ 6 places).
pub(crate) fn pct_of(pct: Decimal, base: Decimal) -> Decimal {
    norm(pct * base / Decimal::ONE_HUNDRED)
}

/// One limit and how far the change is from it (contract §4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Margin {
    /// The rule that sets the limit.
    pub rule: &'static str,
    /// The percent of a ratio limit, or the amount of an amount limit (`null`: the
    /// approved total it is could not be read).
    #[serde(serialize_with = "opt_dec")]
    pub limit: Option<Decimal>,
    /// How much more the measured amount may grow, 万元 (negative: over the limit;
    /// `null` when a figure it needs is `null`).
    #[serde(serialize_with = "opt_dec")]
    pub headroom: Option<Decimal>,
}

impl Margin {
    /// A ratio limit of `pct` % on `measured`: headroom = pct/100 × approved_total − measured.
    pub(crate) fn ratio(
        rule: &'static str,
        pct: Decimal,
        f: &Figures,
        measured: Option<Decimal>,
    ) -> Margin {
        Margin {
            rule,
            limit: Some(pct),
            headroom: f
                .approved_total
                .zip(measured)
                .map(|(base, m)| norm(pct_of(pct, base) - m)),
        }
    }

    /// An amount limit on `measured`: headroom = limit − measured.
    pub(crate) fn amount(
        rule: &'static str,
        limit: Option<Decimal>,
        measured: Option<Decimal>,
    ) -> Margin {
        Margin {
            rule,
            limit,
            headroom: limit.zip(measured).map(|(l, m)| norm(l - m)),
        }
    }
}

/// The change verdict (contract §4), keys in contract order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeVerdict {
    /// Always `"change"`.
    pub check: &'static str,
    /// The regime.
    pub regime: Regime,
    /// The day checked for.
    pub as_of: Option<Date>,
    /// Outcome.
    pub outcome: ChangeOutcome,
    /// The bodies the unit files with or applies to (informative).
    pub authorities: Vec<&'static str>,
    /// The exact figures.
    pub figures: Figures,
    /// Each limit of the regime with its headroom, in rules.md order.
    pub margins: Vec<Margin>,
    /// Findings: validity, as_of, then the regime's rules in table order.
    pub findings: Vec<Finding>,
    /// The date a filing or application is due, where the regime sets one.
    pub deadline: Option<Date>,
    /// The regulation and its status on `as_of`.
    pub regulation: Regulation,
    /// `govit-check <version>`.
    pub ruleset: &'static str,
}

/// What a regime's rules see.
pub(crate) struct Ctx<'a> {
    pub req: &'a ChangeRequest,
    pub fig: &'a Figures,
    pub locale: Locale,
}

impl Ctx<'_> {
    /// Chinese?
    pub fn zh(&self) -> bool {
        self.locale == Locale::Zh
    }

    /// `zh` or `en` by locale: only the message asked for is built.
    pub fn say(&self, zh: impl FnOnce() -> String, en: impl FnOnce() -> String) -> String {
        if self.zh() {
            zh()
        } else {
            en()
        }
    }
}

/// What a regime's decision produces.
pub(crate) struct Out {
    pub findings: Vec<Finding>,
    /// Fields already asked, with the index of their `missing` finding.
    asked: Vec<(Field, usize)>,
    /// An outcome the regime sets whatever the findings (Wuzhong's window).
    pub floor: Option<ChangeOutcome>,
    pub authorities: Vec<&'static str>,
    pub deadline: Option<Date>,
    pub margins: Vec<Margin>,
    /// Values of the request that could not be read (contract §8): nothing is granted,
    /// the outcome is `incomplete` unless a rejection or an approval already decides,
    /// and their `invalid` findings stand for the `missing` ones.
    pub unreadable: Vec<Error>,
}

impl Out {
    fn new() -> Out {
        Out {
            findings: Vec::with_capacity(8),
            asked: Vec::new(),
            floor: None,
            authorities: Vec::new(),
            deadline: None,
            margins: Vec::new(),
            unreadable: Vec::new(),
        }
    }

    /// A finding of `rule` at `level`.
    pub fn fire(&mut self, rule: &Rule, level: Level, field: Option<&'static str>, msg: String) {
        self.findings.push(Finding {
            rule: rule.id,
            level,
            article: rule.article,
            field: field.map(Cow::Borrowed),
            message: Cow::Owned(msg),
            rules: Vec::new(),
        });
    }

    /// A violated change condition (`block`).
    pub fn block(&mut self, rule: &Rule, field: Option<&'static str>, msg: String) {
        self.fire(rule, Level::Block, field, msg);
    }

    /// Asks for `field`, needed by `rule` (one `missing` finding per field).
    pub fn ask(&mut self, rule: &Rule, field: Field, locale: Locale) {
        self.ask_with(rule, field, locale, None);
    }

    /// [`Out::ask`] with the message written by the rule.
    pub fn ask_with(&mut self, rule: &Rule, field: Field, locale: Locale, message: Option<String>) {
        if crate::input::stands_for(&self.unreadable, field.name()) {
            return; // its `invalid` finding stands for it
        }
        if let Some(&(_, i)) = self.asked.iter().find(|(f, _)| *f == field) {
            if let Some(f) = self.findings.get_mut(i) {
                if !f.rules.contains(&rule.id) {
                    f.rules.push(rule.id);
                }
            }
            return;
        }
        let mut f = missing(rule.id, rule.article, Ask::Field(field), locale);
        if field == Field::Reason {
            let list: Vec<String> = ChangeReason::ALL
                .iter()
                .map(|r| match locale {
                    Locale::Zh => format!("{}（{}）", r.name(), r.label(locale)),
                    Locale::En => format!("{} ({})", r.name(), r.label(locale)),
                })
                .collect();
            let sep = if locale == Locale::Zh { "；" } else { "; " };
            let lead = if locale == Locale::Zh {
                "可选："
            } else {
                " Choose one of: "
            };
            let end = if locale == Locale::Zh { "。" } else { "." };
            f.message = Cow::Owned(format!("{}{lead}{}{end}", f.message, list.join(sep)));
        }
        if let Some(m) = message {
            f.message = Cow::Owned(m);
        }
        self.asked.push((field, self.findings.len()));
        self.findings.push(f);
    }

    /// The granting rule also waits for every field asked so far.
    pub fn grant_waits(&mut self, rule: &Rule) {
        for &(_, i) in &self.asked {
            if let Some(f) = self.findings.get_mut(i) {
                f.rules.push(rule.id);
            }
        }
    }

    /// Any violated condition?
    pub fn blocked(&self) -> bool {
        self.findings.iter().any(|f| f.level == Level::Block)
    }

    /// Any field asked?
    pub fn asking(&self) -> bool {
        !self.asked.is_empty()
    }

    /// Whether the granting rule may fire: not when a condition is violated, nor while
    /// answers are missing (then every missing finding also names the granting rule).
    pub fn may_grant(&mut self, grant: &Rule) -> bool {
        if self.blocked() {
            return false;
        }
        if self.asking() {
            self.grant_waits(grant);
            return false;
        }
        self.unreadable.is_empty()
    }
}

/// The reasons Baotou art.21 and Wulong art.26 permit for a self-adjustment: a superior's
/// deployment or requirement, improving the technical solution, business development
/// within the approved plan.
pub(crate) const SELF_ADJUST_REASONS: &[ChangeReason] = &[
    ChangeReason::PolicyRequirement,
    ChangeReason::TechnicalOptimization,
    ChangeReason::BusinessDevelopment,
];

/// The shared conditions of the self-adjustment rules (Baotou art.21, Wulong art.26,
/// Chuxiong art.24). Each pushes its finding (or asks) and returns nothing.
pub(crate) mod cond {
    use super::*;

    /// `goal_changed` → block; absent → missing.
    pub fn goal(c: &Ctx<'_>, out: &mut Out, rule: &Rule, approve_with: &str) {
        match c.req.goal_changed {
            Some(true) => out.block(
                rule,
                Some("/goal_changed"),
                c.say(
                    || format!("建设目标发生改变，不属于{}可由建设单位自行调整的情形。请按程序重新报批（{approve_with}）。", rule.article),
                    || format!("The project goal changes, so {} does not let the unit adjust the project itself. Apply for a new approval ({approve_with}).", rule.article),
                ),
            ),
            Some(false) => {}
            None => out.ask(rule, Field::GoalChanged, c.locale),
        }
    }

    /// total_after > approved_total → block.
    pub fn total(c: &Ctx<'_>, out: &mut Out, rule: &Rule, approve_with: &str) {
        let totals = c.fig.total_after.zip(c.fig.approved_total);
        if let Some((after, approved)) = totals.filter(|&(a, b)| a > b) {
            let over = n(after - approved);
            let (after, approved) = (n(after), n(approved));
            out.block(
                rule,
                Some("/items"),
                c.say(
                    || format!("调整后总投资 {after} 万元，超过原批复概算总投资 {approved} 万元（超出 {over} 万元）。{}只允许在不增加总投资的前提下自行调整：请将调增部分至少压减 {over} 万元，或按程序重新报批（{approve_with}）。", rule.article),
                    || format!("The total after the change, {after} 万元, is above the approved total of {approved} 万元 by {over} 万元. {} allows self-adjustment only without raising the total: cut the increases by at least {over} 万元, or apply for a new approval ({approve_with}).", rule.article),
                ),
            );
        }
    }

    /// adjustment_ratio > pct → block. The message names each side (increases,
    /// decreases) over the cap and how much it must shrink.
    pub fn ratio(
        c: &Ctx<'_>,
        out: &mut Out,
        rule: &Rule,
        pct: u32,
        approve_with: &str,
        note: Note,
    ) {
        let p = Decimal::from(pct);
        // Known only when every amount it adds could be read.
        let Some(f) = c.fig.known() else {
            return;
        };
        let (Some(increases), Some(decreases)) = (c.fig.increases, c.fig.decreases) else {
            return;
        };
        if over_pct(f.adjustment, p, f.approved_total) {
            let cap = pct_of(p, f.approved_total);
            let (r, adj, inc, dec, capt) = (
                n(f.adjustment_ratio),
                n(f.adjustment),
                n(increases),
                n(decreases),
                n(cap),
            );
            let (nzh, nen) = match note {
                Note::TenderExcluded => (
                    "；由招标采购形成的资金结余不计入",
                    "; tender savings are left out",
                ),
                Note::None => ("", ""),
            };
            let mut cut_zh = Vec::new();
            let mut cut_en = Vec::new();
            if increases > cap {
                let x = n(increases - cap);
                cut_zh.push(format!("调增幅度至少压减 {x} 万元"));
                cut_en.push(format!("cut the increases by at least {x} 万元"));
            }
            if decreases > cap {
                let x = n(decreases - cap);
                cut_zh.push(format!("调减幅度至少缩小 {x} 万元"));
                cut_en.push(format!("reduce the decreases by at least {x} 万元"));
            }
            out.block(
                rule,
                Some("/items"),
                c.say(
                    || format!("调整比例 {r}%，超过 {pct}% 上限（调整额取调增 {inc} 万元与调减 {dec} 万元中较大者，为 {adj} 万元，上限 {capt} 万元{nzh}）。请使调增、调减均不超过 {capt} 万元（{}），或按程序重新报批（{approve_with}）。", cut_zh.join("，")),
                    || format!("The adjustment ratio is {r}%, over the {pct}% limit (the adjustment is the larger of increases {inc} 万元 and decreases {dec} 万元, i.e. {adj} 万元, against a limit of {capt} 万元{nen}). Keep both increases and decreases within {capt} 万元 ({}), or apply for a new approval ({approve_with}).", cut_en.join(" and ")),
                ),
            );
        }
    }

    /// A note for the ratio message.
    #[derive(Clone, Copy)]
    pub enum Note {
        /// Nothing.
        None,
        /// Baotou: tender savings left out.
        TenderExcluded,
    }

    /// `reason` not in `allowed` → block; absent → missing.
    pub fn reason(
        c: &Ctx<'_>,
        out: &mut Out,
        rule: &Rule,
        allowed: &[ChangeReason],
        what: (&str, &str),
        approve_with: &str,
    ) {
        match c.req.reason {
            Some(r) if allowed.contains(&r) => {}
            Some(r) => {
                let (lzh, len) = (r.label(Locale::Zh), r.label(Locale::En));
                out.block(
                    rule,
                    Some("/reason"),
                    c.say(
                        || format!("调整原因「{lzh}」不在{}允许建设单位自行调整的情形之内（{}）。请按程序重新报批（{approve_with}）；如原因选择有误，请如实更正。", rule.article, what.0),
                        || format!("The reason “{len}” is not one for which {} lets the unit adjust the project itself ({}). Apply for a new approval ({approve_with}), or correct the reason if it was chosen by mistake.", rule.article, what.1),
                    ),
                );
            }
            None => out.ask(rule, Field::Reason, c.locale),
        }
    }
}

/// Checks a change request (contract §4).
///
/// # Errors
/// `invalid_value` at `/approved_total` when it is 0 (ratios are undefined), and
/// `too_large` at `/items` for more than [`MAX_ITEMS`] items — the two conditions a
/// request built in Rust (not read by [`ChangeRequest::from_value`]) may break.
///
/// # Examples
/// ```
/// use govit_check::{check_change, ChangeRequest};
/// let req = ChangeRequest::from_json(r#"{"regime":"baotou","as_of":"2026-06-15",
///   "approved_total":"1000","goal_changed":false,"reason":"technical_optimization",
///   "items":[{"approved":"300","proposed":"450"},{"approved":"200","proposed":"50"}]}"#).unwrap();
/// let v = check_change(&req).unwrap();
/// assert_eq!(v.outcome.name(), "file");
/// assert_eq!(v.figures.adjustment_ratio.unwrap().to_string(), "15");
/// assert_eq!(v.margins[0].headroom.unwrap().to_string(), "0");
/// ```
pub fn check_change(req: &ChangeRequest) -> Result<ChangeVerdict, Error> {
    if req.approved_total.is_some_and(|t| t.get().is_zero()) {
        return Err(Error::InvalidValue {
            field: "/approved_total".into(),
            reason: Reason::Positive,
        });
    }
    if req.items.len() > MAX_ITEMS {
        return Err(Error::TooLarge {
            field: "/items".into(),
            limit: Limit::ArrayLen(MAX_ITEMS),
        });
    }
    let spec = spec(req.regime);
    let status = spec.status(req.as_of);
    let mut findings = Vec::with_capacity(10);
    // Contract §8: the values the reader could not use come first, in input order.
    findings.extend(
        req.invalid
            .iter()
            .map(|e| crate::input::invalid_finding(e, req.locale)),
    );
    validity_findings(spec, req.as_of, status, req.locale, &mut findings);
    if req.regime == Regime::Wuzhong {
        // Wuzhong's window asks for as_of itself (a `missing` finding); the general
        // "no date" info would say the same thing twice.
        findings.retain(|f| f.rule != spec.as_of_id);
    }
    // Baotou art.21 and (revision 2) Wulong art.25: tender savings are 结余, not an
    // adjustment.
    let fig = Figures::compute(req, matches!(req.regime, Regime::Baotou | Regime::Wulong));
    let c = Ctx {
        req,
        fig: &fig,
        locale: req.locale,
    };
    let mut out = Out::new();
    out.unreadable.clone_from(&req.invalid);
    match req.regime {
        Regime::Baotou => baotou::decide(&c, &mut out),
        Regime::Wulong => wulong::decide(&c, &mut out),
        Regime::Chuxiong => chuxiong::decide(&c, &mut out),
        Regime::Shizuishan => shizuishan::decide(&c, &mut out),
        Regime::Wuzhong => wuzhong::decide(&c, &mut out),
    }
    let outcome = if crate::regimes::Spec::grounds_no_verdict(status) {
        // Revision 2: out of force, the regulation grounds no verdict. The figures and
        // margins stay (they are arithmetic); no rule finding, authority or deadline.
        out.findings.clear();
        out.authorities.clear();
        out.deadline = None;
        ChangeOutcome::NotApplicable
    } else if out.floor == Some(ChangeOutcome::Rejected) {
        ChangeOutcome::Rejected
    } else if out.blocked() || out.floor == Some(ChangeOutcome::ApprovalRequired) {
        ChangeOutcome::ApprovalRequired
    } else if out.asking() || !out.unreadable.is_empty() {
        ChangeOutcome::Incomplete
    } else {
        ChangeOutcome::File
    };
    findings.append(&mut out.findings);
    Ok(ChangeVerdict {
        check: "change",
        regime: req.regime,
        as_of: req.as_of,
        outcome,
        authorities: out.authorities,
        figures: fig,
        margins: out.margins,
        findings,
        deadline: out.deadline,
        regulation: Regulation {
            title: spec.title,
            effective_from: spec.effective_from,
            effective_until: spec.effective_until,
            status,
        },
        ruleset: RULESET,
    })
}

/// Runs `change` on a parsed input, the verdict appended to `out`.
pub(crate) fn evaluate(input: Json<'_>, locale: Locale, out: &mut String) -> Result<(), Error> {
    let req = ChangeRequest::from_value(input, locale)?;
    crate::evaluate::push_json(out, &check_change(&req)?);
    Ok(())
}

/// The change-approval rules of `regime`, for the catalog.
pub(crate) fn rules(regime: Regime) -> &'static [Rule] {
    match regime {
        Regime::Baotou => baotou::RULES,
        Regime::Wulong => wulong::RULES,
        Regime::Chuxiong => chuxiong::RULES,
        Regime::Shizuishan => shizuishan::RULES,
        Regime::Wuzhong => wuzhong::RULES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn m(s: &str) -> Money {
        Money::parse(s).unwrap()
    }

    fn verdict(text: &str) -> ChangeVerdict {
        check_change(&ChangeRequest::from_json(text).unwrap()).unwrap()
    }

    fn baotou(total: &str, items: Vec<ChangeItem>) -> ChangeRequest {
        let mut r = ChangeRequest::new(Regime::Baotou, m(total), items);
        r.as_of = Date::parse("2026-06-15");
        r.goal_changed = Some(false);
        r.reason = Some(ChangeReason::TechnicalOptimization);
        r
    }

    /// headroom ≥ 0 exactly when the limit holds, for every margin of every regime, on
    /// amounts at, one fen over and one fen under each limit and on odd bases.
    #[test]
    fn margins_agree_with_the_rules() {
        let bases = ["1000", "3", "0.000007", "10000", "1234.567891", "0.3"];
        let deltas = [
            "0",
            "0.000001",
            "0.45",
            "1",
            "49.999999",
            "50",
            "50.000001",
            "150",
            "150.000001",
            "185.185183",
            "199.999999",
            "200",
            "200.000001",
            "1000",
        ];
        for regime in Regime::ALL.iter().copied() {
            for base in bases {
                for inc in deltas {
                    for dec in ["0", "0.000001", "150", "150.000001", "99.999999"] {
                        for new in [false, true] {
                            let items = vec![
                                ChangeItem {
                                    new,
                                    ..ChangeItem::new(Money::ZERO, m(inc))
                                },
                                ChangeItem::new(m("5000"), m("5000") - dec),
                            ];
                            let mut r = baotou(base, items);
                            r.regime = regime;
                            r.reason = Some(if regime == Regime::Chuxiong {
                                ChangeReason::ExternalChange
                            } else {
                                ChangeReason::PolicyRequirement
                            });
                            let v = check_change(&r).unwrap();
                            for mg in &v.margins {
                                let fired = v.findings.iter().any(|f| f.rule == mg.rule);
                                assert_eq!(
                                    mg.headroom.unwrap() >= Decimal::ZERO,
                                    !fired,
                                    "{regime} base {base} inc {inc} dec {dec}: {mg:?}"
                                );
                            }
                            let expect = match regime {
                                Regime::Baotou => 4,
                                Regime::Wulong | Regime::Chuxiong => 2,
                                _ => 0,
                            };
                            assert_eq!(v.margins.len(), expect);
                        }
                    }
                }
            }
        }
    }

    impl std::ops::Sub<&str> for Money {
        type Output = Money;
        fn sub(self, rhs: &str) -> Money {
            Money::new(self.get() - d(rhs)).unwrap()
        }
    }

    #[test]
    fn margins_in_table_order_with_exact_headroom() {
        let v = verdict(
            r#"{"regime":"baotou","approved_total":"1000","items":[
            {"approved":"300","proposed":"350"},{"approved":"200","proposed":"120"},
            {"approved":"0","proposed":"40","new":true},
            {"approved":"100","proposed":"80","tender_savings":true}]}"#,
        );
        let got: Vec<(&str, String, String)> = v
            .margins
            .iter()
            .map(|m| (m.rule, n(m.limit.unwrap()), n(m.headroom.unwrap())))
            .collect();
        let want = [
            ("baotou.21.ratio", "15", "60"),
            ("baotou.21.new_ratio", "5", "10"),
            ("baotou.21.new_cap", "200", "160"),
            ("baotou.21.total", "1000", "10"),
        ];
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert_eq!((g.0, g.1.as_str(), g.2.as_str()), w);
        }
    }

    #[test]
    fn non_terminating_ratio_is_printed_to_precision_but_compared_exactly() {
        assert_eq!(
            ratio(d("100"), d("3")).to_string(),
            "3333.3333333333333333333333333"
        );
        assert_eq!(
            ratio(d("1"), d("3")).to_string(),
            "33.333333333333333333333333333"
        );
        // 0.45 is exactly 15 % of 3: at the limit, not over.
        assert!(!over_pct(d("0.45"), d("15"), d("3")));
        assert!(over_pct(d("0.450001"), d("15"), d("3")));
        // 15 % of 7 is 1.05: a change of exactly 1.05 sits at the limit.
        let r = baotou(
            "7",
            vec![
                ChangeItem::new(m("1"), m("2.05")),
                ChangeItem::new(m("5"), m("3.95")),
            ],
        );
        let v = check_change(&r).unwrap();
        assert_eq!(v.figures.adjustment_ratio.unwrap().to_string(), "15");
        assert_eq!(v.outcome, ChangeOutcome::File);
        let r = baotou(
            "3",
            vec![
                ChangeItem::new(m("1"), m("2")),
                ChangeItem::new(m("1"), m("0")),
            ],
        );
        let v = check_change(&r).unwrap();
        let json = crate::evaluate::to_json(&v);
        assert!(json.contains(r#""adjustment_ratio":"33.333333333333333333333333333""#));
        assert!(json.contains(r#""headroom":"-0.55""#));
    }

    #[test]
    fn messages_name_the_figure_and_the_limit() {
        let text = r#"{"regime":"baotou","as_of":"2026-06-15","approved_total":"1000",
            "goal_changed":false,"reason":"technical_optimization","items":[
            {"approved":"300","proposed":"450.000001"},{"approved":"500","proposed":"349.999999"}]}"#;
        let v = verdict(text);
        assert_eq!(v.outcome, ChangeOutcome::ApprovalRequired);
        let f = v
            .findings
            .iter()
            .find(|f| f.rule == "baotou.21.ratio")
            .unwrap();
        assert_eq!(f.level, Level::Block);
        assert!(
            f.message.contains("调整比例 15.0000001%，超过 15% 上限"),
            "{}",
            f.message
        );
        assert!(
            f.message.contains("至少压减 0.000001 万元"),
            "{}",
            f.message
        );
        let en = verdict(&text.replacen('{', r#"{"locale":"en","#, 1));
        let f = en
            .findings
            .iter()
            .find(|f| f.rule == "baotou.21.ratio")
            .unwrap();
        assert!(
            f.message.contains("15.0000001%, over the 15% limit"),
            "{}",
            f.message
        );
        assert!(
            f.message.contains("by at least 0.000001 万元"),
            "{}",
            f.message
        );

        let v = verdict(
            r#"{"regime":"baotou","as_of":"2026-06-15","approved_total":"10000",
            "goal_changed":false,"reason":"other","items":[
            {"approved":"0","proposed":"200.000001","new":true},{"approved":"500","proposed":"300"}]}"#,
        );
        let msg = |id: &str| {
            v.findings
                .iter()
                .find(|f| f.rule == id)
                .map(|f| f.message.to_string())
                .unwrap()
        };
        assert!(msg("baotou.21.new_cap").contains("200.000001 万元，超过 200 万元上限"));
        assert!(msg("baotou.21.total").contains("超出 0.000001 万元"));
        assert!(msg("baotou.21.reason").contains("其他原因"));
        assert!(!v.findings.iter().any(|f| f.rule == "baotou.21.new_ratio"));
    }

    #[test]
    fn shizuishan_deadline_message_and_outcomes() {
        let v = verdict(
            r#"{"regime":"shizuishan","approved_total":"100","goal_changed":false,
            "changed_on":"2028-01-31","items":[{"approved":"10","proposed":"10"}]}"#,
        );
        assert_eq!(v.outcome, ChangeOutcome::File);
        assert_eq!(v.deadline, Date::parse("2028-02-29"));
        assert!(v.margins.is_empty());
        let f = v
            .findings
            .iter()
            .find(|f| f.rule == "shizuishan.18.1")
            .unwrap();
        assert_eq!(f.level, Level::Require);
        assert!(f.message.contains("2028-02-29"));
        assert!(f.message.contains("第二百零三条"));
    }

    #[test]
    fn wuzhong_asks_for_the_date_once() {
        let v = verdict(r#"{"regime":"wuzhong","approved_total":"100","items":[]}"#);
        assert_eq!(v.outcome, ChangeOutcome::Incomplete);
        let dated: Vec<&Finding> = v
            .findings
            .iter()
            .filter(|f| f.field.as_deref() == Some("/as_of"))
            .collect();
        assert_eq!(dated.len(), 1);
        assert_eq!(dated[0].level, Level::Missing);
        assert_eq!(dated[0].rule, "wuzhong.10.window");
        assert_eq!(v.deadline, None);
    }

    #[test]
    fn missing_findings_name_every_rule_that_waits() {
        let v = verdict(
            r#"{"regime":"baotou","as_of":"2026-06-15","approved_total":"100","items":[]}"#,
        );
        assert_eq!(v.outcome, ChangeOutcome::Incomplete);
        let rules: Vec<(&str, Vec<&str>)> = v
            .findings
            .iter()
            .map(|f| (f.rule, f.rules.clone()))
            .collect();
        assert_eq!(
            rules,
            vec![
                ("baotou.21.goal", vec!["baotou.21.goal", "baotou.21"]),
                ("baotou.21.reason", vec!["baotou.21.reason", "baotou.21"]),
            ]
        );
    }

    #[test]
    fn output_keys_in_contract_order() {
        let v = verdict(r#"{"regime":"chuxiong","approved_total":"1","items":[]}"#);
        let json = crate::evaluate::to_json(&v);
        let keys = [
            "\"check\"",
            "\"regime\"",
            "\"as_of\"",
            "\"outcome\"",
            "\"authorities\"",
            "\"figures\"",
            "\"margins\"",
            "\"findings\"",
            "\"deadline\"",
            "\"regulation\"",
            "\"ruleset\"",
        ];
        let pos: Vec<usize> = keys.iter().map(|k| json.find(k).unwrap()).collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "{json}");
    }

    #[test]
    fn rust_api_refuses_what_the_reader_would() {
        let r = ChangeRequest::new(Regime::Baotou, Money::ZERO, Vec::new());
        let e = check_change(&r).unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_value", "/approved_total"));
        let items = vec![ChangeItem::new(Money::ZERO, Money::ZERO); MAX_ITEMS + 1];
        let r = ChangeRequest::new(Regime::Baotou, m("1"), items);
        let e = check_change(&r).unwrap_err();
        assert_eq!((e.code(), e.field()), ("too_large", "/items"));
        // Read from JSON, a 0 is an `invalid` finding (contract §8): the verdict stands.
        let r =
            ChangeRequest::from_json(r#"{"regime":"baotou","approved_total":"0.0000","items":[]}"#)
                .unwrap();
        assert_eq!(r.approved_total, None);
        let v = check_change(&r).unwrap();
        assert_eq!(v.findings[0].rule, "input");
        assert_eq!(v.findings[0].field.as_deref(), Some("/approved_total"));
        assert_eq!(v.figures.approved_total, None);
        assert_eq!(v.outcome, ChangeOutcome::Incomplete);
    }

    #[test]
    fn catalog_rows_cite_their_article() {
        for regime in Regime::ALL.iter().copied() {
            let rows = rules(regime);
            assert!(!rows.is_empty());
            for r in rows {
                assert!(r.id.starts_with(regime.name()), "{}", r.id);
                assert!(r.article.starts_with('第'), "{}", r.id);
                assert!(!r.clause.is_empty() && !r.title.zh.is_empty() && !r.title.en.is_empty());
                assert_eq!(r.effect, crate::rules::Effect::Code);
            }
        }
        let ids: Vec<&str> = rules(Regime::Baotou).iter().map(|r| r.id).collect();
        assert_eq!(
            ids,
            [
                "baotou.21.goal",
                "baotou.21.total",
                "baotou.21.ratio",
                "baotou.21.new_ratio",
                "baotou.21.new_cap",
                "baotou.21.reason",
                "baotou.21"
            ]
        );
    }

    /// Revision 2: outside its period a regulation grounds no change verdict — outcome
    /// `not_applicable`, the validity finding alone (info), no authority or deadline —
    /// but the figures and margins are still given (they are arithmetic).
    #[test]
    fn out_of_force_change_keeps_figures_and_margins() {
        let body = r#""approved_total":"1000","goal_changed":true,"reason":"other","changed_on":"2026-11-01",
            "items":[{"approved":"100","proposed":"900"}]"#;
        for (regime, as_of) in [
            ("baotou", "2026-12-01"),
            ("baotou", "2024-11-30"),
            ("wulong", "2022-07-03"),
            ("chuxiong", "2025-05-07"),
            ("wuzhong", "2026-01-20"),
            ("wuzhong", "2028-01-22"),
        ] {
            let v = verdict(&format!(
                r#"{{"regime":"{regime}","as_of":"{as_of}",{body}}}"#
            ));
            assert_eq!(v.outcome, ChangeOutcome::NotApplicable, "{regime} {as_of}");
            assert_eq!(v.findings.len(), 1, "{regime} {as_of}: {:?}", v.findings);
            assert_eq!(v.findings[0].rule, spec(v.regime).validity_id);
            assert_eq!(v.findings[0].level, Level::Info);
            assert!(v.authorities.is_empty() && v.deadline.is_none());
            assert_eq!(n(v.figures.total_after.unwrap()), "1800");
            let expected = match regime {
                "baotou" => 4,
                "wulong" | "chuxiong" => 2,
                _ => 0,
            };
            assert_eq!(v.margins.len(), expected, "{regime}");
        }
        // In force on the last day: the rules run.
        let v = verdict(&format!(
            r#"{{"regime":"baotou","as_of":"2026-11-30",{body}}}"#
        ));
        assert_eq!(v.outcome, ChangeOutcome::ApprovalRequired);
    }

    /// Revision 2 (Wulong art.25): tender savings are 结余 — left out of increases and
    /// decreases, said once in a `wulong.25` info at the first such item.
    #[test]
    fn wulong_leaves_tender_savings_out() {
        let v = verdict(
            r#"{"regime":"wulong","as_of":"2026-06-15","approved_total":"1000","goal_changed":false,
            "reason":"technical_optimization","items":[{"approved":"10","proposed":"20"},
            {"approved":"300","proposed":"100","tender_savings":true},{"approved":"50","proposed":"40","tender_savings":true}]}"#,
        );
        assert_eq!(v.outcome, ChangeOutcome::File);
        assert_eq!(
            (
                n(v.figures.increases.unwrap()),
                n(v.figures.decreases.unwrap()),
                n(v.figures.total_after.unwrap())
            ),
            ("10".into(), "0".into(), "800".into())
        );
        let f = v
            .findings
            .iter()
            .find(|f| f.rule == "wulong.25")
            .expect("25");
        assert_eq!(f.field.as_deref(), Some("/items/1/tender_savings"));
        assert!(f.message.contains("210"), "{}", f.message);
        assert_eq!(
            v.findings.last().map(|f| f.rule),
            Some("wulong.25"),
            "table order"
        );
    }
}
