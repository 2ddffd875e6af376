//! The change-approval kit every regulation's change rules are written with
//! (`regimes/<regime>/change.rs`): the exact figures, the margins, what a regime's
//! decision sees ([`Ctx`]) and produces ([`Out`]), and the shared conditions ([`cond`]).
//!
//! Arithmetic: every amount is a [`Money`](crate::money::Money) (≤ 1e12 万元, ≤ 6 decimal
//! places) and a request holds at most [`MAX_ITEMS`](crate::model::change::MAX_ITEMS)
//! items, so every sum is below 1e16 and every product compared below 1e19 — far inside
//! `Decimal`'s 7.9e28; approved_total is checked to be > 0 before any division. Limits
//! are compared exactly as `amount × 100` against `limit × approved_total`, never on a
//! printed ratio.

use crate::date::Date;
use crate::locale::{en_format, text, Locale, Text};
use crate::model::change::{ChangeReason, ChangeRequest};
use crate::money::Money;
use crate::names::named;
use crate::rules::{missing, Ask, Field, Rule};
use crate::verdict::{stands_for, Finding, Level};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;

named! {
    /// The change outcome, in precedence order (not_applicable ▸ rejected ▸
    /// approval_required ▸ incomplete ▸ savings ▸ file).
    pub enum ChangeOutcome {
        NotApplicable = "not_applicable", "不适用本办法", "the regulation does not apply";
        Rejected = "rejected", "不能调整", "not possible now";
        ApprovalRequired = "approval_required", "须重新报批", "a new approval is needed";
        Incomplete = "incomplete", "待补充回答", "answers missing";
        Savings = "savings", "招标结余，无需调整程序", "savings only: no adjustment procedure";
        File = "file", "可自行调整并备案（报备）", "the unit may change and file it";
    }
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Figures {
    /// 原批复概算总投资.
    #[serde(serialize_with = "opt_dec")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::Decimal>"))]
    pub approved_total: Option<Decimal>,
    /// approved_total + Σ(proposed − approved).
    #[serde(serialize_with = "opt_dec")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::Decimal>"))]
    pub total_after: Option<Decimal>,
    /// Σ(proposed − approved) over items that grow (Baotou, Wulong: tender savings left out).
    #[serde(serialize_with = "opt_dec")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::Decimal>"))]
    pub increases: Option<Decimal>,
    /// Σ(approved − proposed) over items that shrink (Baotou, Wulong: tender savings left out).
    #[serde(serialize_with = "opt_dec")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::Decimal>"))]
    pub decreases: Option<Decimal>,
    /// max(increases, decreases).
    #[serde(serialize_with = "opt_dec")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::Decimal>"))]
    pub adjustment: Option<Decimal>,
    /// adjustment × 100 ÷ approved_total, percent.
    #[serde(serialize_with = "opt_dec")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::Decimal>"))]
    pub adjustment_ratio: Option<Decimal>,
    /// Σ proposed over new items.
    #[serde(serialize_with = "opt_dec")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::Decimal>"))]
    pub new_content: Option<Decimal>,
    /// new_content × 100 ÷ approved_total, percent.
    #[serde(serialize_with = "opt_dec")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::Decimal>"))]
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

/// A ratio as a message prints it (revision 3): at most two decimals, rounded *away from*
/// the limit it is compared with — up when over it, down when under it — so the words are
/// always on the same side of the limit as the exact figure (16.0000001 % against 15 %
/// reads "16.01", 9.9999 % against 10 % reads "9.99"; a ratio at the limit, or with two
/// decimals or fewer, is printed as it is). The figures themselves stay exact.
pub(crate) fn pct_text(ratio: Decimal, limit: Decimal) -> String {
    use rust_decimal::RoundingStrategy::{ToNegativeInfinity, ToPositiveInfinity};
    let shown = if ratio > limit {
        ratio.round_dp_with_strategy(2, ToPositiveInfinity)
    } else if ratio < limit {
        ratio.round_dp_with_strategy(2, ToNegativeInfinity)
    } else {
        ratio
    };
    n(shown)
}

/// Whether `amount` is over `pct` % of `base`, exactly: `amount × 100 > pct × base`.
pub(crate) fn over_pct(amount: Decimal, pct: Decimal, base: Decimal) -> bool {
    amount * Decimal::ONE_HUNDRED > pct * base
}

/// `pct` % of `base`, exactly (`pct × base ÷ 100` terminates: base has ≤ 6 places).
pub(crate) fn pct_of(pct: Decimal, base: Decimal) -> Decimal {
    norm(pct * base / Decimal::ONE_HUNDRED)
}

/// The figure a limit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// `adjustment`: the larger of increases and decreases.
    Adjustment,
    /// `new_content`: what new items propose.
    NewContent,
    /// `total_after`: the total after the change.
    TotalAfter,
}

impl Measure {
    /// Its value in `f` (`None` when an amount it needs could not be read).
    pub fn of(self, f: &Figures) -> Option<Decimal> {
        match self {
            Measure::Adjustment => f.adjustment,
            Measure::NewContent => f.new_content,
            Measure::TotalAfter => f.total_after,
        }
    }
}

/// How a margin's limit reads: a percent of the approved total, or an amount in 万元.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarginKind {
    /// `limit` % of approved_total.
    Ratio,
    /// `limit` 万元.
    Amount,
}

/// One limit and how far the change is from it (contract §4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Margin {
    /// The rule that sets the limit.
    pub rule: &'static str,
    /// The percent of a ratio limit, or the amount of an amount limit (`null`: the
    /// approved total it is could not be read).
    #[serde(serialize_with = "opt_dec")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::Decimal>"))]
    pub limit: Option<Decimal>,
    /// How much more the measured amount may grow, 万元 (negative: over the limit;
    /// `null` when a figure it needs is `null`).
    #[serde(serialize_with = "opt_dec")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::Decimal>"))]
    pub headroom: Option<Decimal>,
    /// How `limit` reads (not in the JSON: the contract's margin is rule, limit, headroom).
    #[serde(skip)]
    pub kind: MarginKind,
    /// The figure the limit measures (not in the JSON).
    #[serde(skip)]
    pub measures: Measure,
}

impl Margin {
    /// A ratio limit of `pct` % on `measure`: headroom = pct/100 × approved_total − measured.
    pub(crate) fn ratio(rule: &'static str, pct: Decimal, f: &Figures, measure: Measure) -> Margin {
        Margin {
            rule,
            limit: Some(pct),
            headroom: f
                .approved_total
                .zip(measure.of(f))
                .map(|(base, m)| norm(pct_of(pct, base) - m)),
            kind: MarginKind::Ratio,
            measures: measure,
        }
    }

    /// An amount limit on `measure`: headroom = limit − measured.
    pub(crate) fn amount(
        rule: &'static str,
        limit: Option<Decimal>,
        f: &Figures,
        measure: Measure,
    ) -> Margin {
        Margin {
            rule,
            limit,
            headroom: limit.zip(measure.of(f)).map(|(l, m)| norm(l - m)),
            kind: MarginKind::Amount,
            measures: measure,
        }
    }
}

/// What a regime's rules see.
pub(crate) struct Ctx<'a> {
    pub req: &'a ChangeRequest,
    pub fig: &'a Figures,
    pub locale: Locale,
    /// The regulation's last day in force, if limited: a date after it is no deadline
    /// under it (revision 3, `<regime>.validity.horizon`).
    pub until: Option<Date>,
}

impl Ctx<'_> {
    /// Whether `d` falls after the regulation's last day (so it is no deadline under it).
    pub fn beyond(&self, d: Date) -> bool {
        self.until.is_some_and(|u| d > u)
    }

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
    pub unreadable: Vec<crate::error::Error>,
}

impl Out {
    pub(crate) fn new() -> Out {
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
        if stands_for(&self.unreadable, field.name()) {
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

/// A request that could be *savings only* (revision 3): every amount read, no item `new`,
/// nothing increases, at least one `tender_savings` item goes down and every other amount
/// is unchanged. Returns the index of the first tender saving that goes down and the sum
/// the tender savings save; `None` for any other request. Whether it *is* savings only
/// depends on `goal_changed` and `content_changed` being false.
pub(crate) fn savings_shape(req: &ChangeRequest) -> Option<(usize, Decimal)> {
    let mut first = None;
    let mut saved = Decimal::ZERO;
    for (i, it) in req.items.iter().enumerate() {
        let (a, p) = (it.approved?.get(), it.proposed?.get());
        if it.new || p > a {
            return None;
        }
        if p < a {
            if !it.tender_savings {
                return None;
            }
            first.get_or_insert(i);
            saved += a - p;
        }
    }
    first.map(|i| (i, saved))
}

/// A regulation's savings rule (revision 3): the rule a *savings only* request is answered
/// by (outcome `savings`, one `info` finding) and that asks `goal_changed` /
/// `content_changed` while a request could be savings only.
pub struct Savings {
    /// The rule (`baotou.20`, `wulong.25`, …), in the regulation's change table.
    pub rule: &'static Rule,
    /// Its message, given the amount saved (normalized 万元 text): what the regulation
    /// says of savings and what to do.
    pub(crate) says: fn(&Ctx<'_>, &str) -> String,
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
                    || en_format!("The project goal changes, so {article} does not let the unit adjust the project itself. Apply for a new approval ({approve_with}).", article = rule.article, approve_with),
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
                    || en_format!("The total after the change, {after} 万元, is above the approved total of {approved} 万元 by {over} 万元. {article} allows self-adjustment only without raising the total: cut the increases by at least {over} 万元, or apply for a new approval ({approve_with}).", after, approved, over, article = rule.article, approve_with),
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
                pct_text(f.adjustment_ratio, p),
                n(f.adjustment),
                n(increases),
                n(decreases),
                n(cap),
            );
            let note = match note {
                Note::TenderExcluded => text!(
                    "；由招标采购形成的资金结余不计入",
                    "; tender savings are left out"
                ),
                Note::None => text!("", ""),
            };
            let nzh = note.zh;
            // What to cut, in the message's language only (an English text is looked up
            // only for an English message).
            let cuts = [
                (increases > cap).then(|| n(increases - cap)),
                (decreases > cap).then(|| n(decreases - cap)),
            ];
            let cut_zh = || {
                let [inc, dec] = &cuts;
                let inc = inc.iter().map(|x| format!("调增幅度至少压减 {x} 万元"));
                let dec = dec.iter().map(|x| format!("调减幅度至少缩小 {x} 万元"));
                inc.chain(dec).collect::<Vec<_>>().join("，")
            };
            let cut_en = || {
                let [inc, dec] = &cuts;
                let inc = inc
                    .iter()
                    .map(|x| en_format!("cut the increases by at least {x} 万元", x));
                let dec = dec
                    .iter()
                    .map(|x| en_format!("reduce the decreases by at least {x} 万元", x));
                inc.chain(dec).collect::<Vec<_>>().join(" and ")
            };
            out.block(
                rule,
                Some("/items"),
                c.say(
                    || format!("调整比例 {r}%，超过 {pct}% 上限（调整额取调增 {inc} 万元与调减 {dec} 万元中较大者，为 {adj} 万元，上限 {capt} 万元{nzh}）。请使调增、调减均不超过 {capt} 万元（{}），或按程序重新报批（{approve_with}）。", cut_zh()),
                    || en_format!("The adjustment ratio is {r}%, over the {pct}% limit (the adjustment is the larger of increases {inc} 万元 and decreases {dec} 万元, i.e. {adj} 万元, against a limit of {capt} 万元{nen}). Keep both increases and decreases within {capt} 万元 ({cuts}), or apply for a new approval ({approve_with}).", r, pct, inc, dec, adj, capt, nen = note.get(Locale::En), cuts = cut_en(), approve_with),
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
        what: Text,
        approve_with: &str,
    ) {
        match c.req.reason {
            Some(r) if allowed.contains(&r) => {}
            Some(r) => {
                let lzh = r.label(Locale::Zh);
                out.block(
                    rule,
                    Some("/reason"),
                    c.say(
                        || format!("调整原因「{lzh}」不在{}允许建设单位自行调整的情形之内（{}）。请按程序重新报批（{approve_with}）；如原因选择有误，请如实更正。", rule.article, what.zh),
                        || en_format!("The reason “{len}” is not one for which {article} lets the unit adjust the project itself ({what}). Apply for a new approval ({approve_with}), or correct the reason if it was chosen by mistake.", len = r.label(Locale::En), article = rule.article, what = what.get(Locale::En), approve_with),
                    ),
                );
            }
            None => out.ask(rule, Field::Reason, c.locale),
        }
    }
}
