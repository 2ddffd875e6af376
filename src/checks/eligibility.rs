//! The eligibility engine: runs a regime's table over an application.

use crate::checks::{push_validity, regulation};
use crate::locale::{en_format, Locale};
use crate::model::Application;
use crate::regimes::{self, Spec};
use crate::rules::{missing, Ask, Effect, Tri};
use crate::verdict::{
    Finding, Level, Outcome, Procedure, Route, Status, Verdict, RULESET, RULESET_ID,
};
use std::borrow::Cow;

/// Checks an application against its regime (contract §2). Never fails: absent answers
/// are `missing` findings.
///
/// # Examples
/// ```
/// use govit_check::{check_eligibility, Application, Fact, Kind, Regime};
/// let mut app = Application::new(Regime::BAOTOU);
/// app.project.kind = Some(Kind::New);
/// app.facts = app.facts.with(Fact::OnGovCloud, false);
/// let v = check_eligibility(&app);
/// assert_eq!(v.outcome.name(), "ineligible");
/// assert!(v.findings.iter().any(|f| f.rule == "baotou.10.3"));
/// ```
pub fn check_eligibility(app: &Application) -> Verdict {
    let spec = regimes::spec(app.regime);
    let status = spec.status(app.as_of);
    let mut findings = Vec::with_capacity(24);
    // Contract §8: the values the reader could not use come first, in input order.
    findings.extend(
        app.invalid
            .iter()
            .map(|e| crate::verdict::invalid_finding(e, app.locale)),
    );
    push_validity(spec, app, status, &mut findings);
    // Where the findings on the input and the regulation's period end (the rules' start).
    let head = findings.len();
    let ctx = regimes::context(app);
    if Spec::grounds_no_verdict(status) {
        // Revision 2: a regulation not in force grounds no verdict; no other rule runs.
        return not_applicable(app, spec, status, &ctx, findings);
    }
    let mut asks = Vec::with_capacity(8);

    for rule in spec
        .eligibility
        .iter()
        .filter(|r| r.effect == Effect::NotApplicable)
    {
        if rule.when.eval(&ctx, &mut asks) == Tri::T {
            findings.push(Finding {
                rule: rule.id,
                level: Level::Info,
                article: rule.article,
                field: field_of(rule, &ctx),
                message: message(rule, &ctx, app.locale),
                rules: Vec::new(),
            });
            return not_applicable(app, spec, status, &ctx, findings);
        }
        asks.clear();
    }

    // Index of the `missing` finding already raised for a field.
    let mut asked: Vec<(Ask, usize)> = Vec::new();
    for rule in spec
        .eligibility
        .iter()
        .filter(|r| r.effect == Effect::Finding)
    {
        asks.clear();
        match rule.when.eval(&ctx, &mut asks) {
            Tri::F => {}
            Tri::T => findings.push(Finding {
                rule: rule.id,
                level: rule.level_by.map_or(rule.level, |f| f(&ctx)),
                article: rule.article,
                field: field_of(rule, &ctx),
                message: message(rule, &ctx, app.locale),
                rules: Vec::new(),
            }),
            Tri::U => {
                for &ask in &asks {
                    if crate::verdict::stands_for(&app.invalid, ask.pointer()) {
                        continue; // its `invalid` finding stands for it
                    }
                    if let Some(&(_, i)) = asked.iter().find(|(a, _)| *a == ask) {
                        if let Some(f) = findings.get_mut(i) {
                            if !f.rules.contains(&rule.id) {
                                f.rules.push(rule.id);
                            }
                        }
                    } else {
                        asked.push((ask, findings.len()));
                        findings.push(missing(rule.id, rule.article, ask, app.locale));
                    }
                }
            }
        }
    }

    let mut procedure = (spec.procedure)(&ctx);
    // Revision 3: a deadline after the regulation's last day is no deadline under it; and
    // investment parts that sum to more than the total are flagged. Both stand with the
    // regulation's period, before the rules.
    let mut front = Vec::new();
    procedure.deadlines.retain(|d| {
        let beyond = spec.effective_until.is_some_and(|u| d.due > u);
        if beyond {
            let what = (app.locale == Locale::Zh).then_some(d.what);
            front.push(crate::checks::horizon_finding(
                spec, d.due, what, app.locale,
            ));
        }
        !beyond
    });
    front.extend(investment_sum(spec, app, &ctx));
    findings.splice(head..head, front);

    let outcome = if findings.iter().any(|f| f.level == Level::Block) {
        Outcome::Ineligible
    } else if findings
        .iter()
        .any(|f| matches!(f.level, Level::Missing | Level::Invalid))
    {
        Outcome::Incomplete
    } else {
        Outcome::Eligible
    };
    Verdict {
        check: "eligibility",
        regime: app.regime,
        as_of: app.as_of,
        outcome,
        route: ctx.route,
        effective_kind: ctx.kind,
        findings,
        procedure,
        regulation: regulation(spec, status),
        ruleset: RULESET,
        ruleset_id: RULESET_ID,
    }
}

/// `input.investment_sum` (revision 3, `warn` at `/project/investment/total`): the parts
/// given (工程费 + 设备费 + 预备费, absent parts 0) sum to more than the total given. A
/// smaller sum is normal (a total also holds 工程建设其他费用): no finding. The message
/// names both sums and the one the regulation's amount rules read.
fn investment_sum(spec: &Spec, app: &Application, ctx: &crate::rules::Ctx<'_>) -> Option<Finding> {
    let inv = &app.project.investment;
    let total = inv.total?.get();
    let parts = inv.parts_sum()?;
    if parts <= total {
        return None;
    }
    let text = |d: rust_decimal::Decimal| crate::money::decimal_text(d.normalize());
    let (t, p, over) = (text(total), text(parts), text(parts - total));
    // Which sum the regulation's amount rules read: the parts where its applicable
    // amount is their sum (Shizuishan art.4), else the total.
    let parts_read = ctx.applicable == Some(parts) && ctx.total == Some(total);
    let zh = app.locale == Locale::Zh;
    let name = crate::regimes::regulation_name(spec, app.locale);
    let uses = match (parts_read, zh) {
        (true, true) => format!("{name}第四条以工程费、设备费及预备费之和（{p} 万元）判断是否适用，前期文件和审查层级按总投资（{t} 万元）确定"),
        (true, false) => en_format!("{name} judges whether it applies by engineering + equipment + contingency ({p} 万元), art. 4, and the documents and reviews by the total ({t} 万元)", name, p, t),
        (false, true) => format!("{name}的金额规则按总投资（{t} 万元）判断"),
        (false, false) => en_format!("{name} reads the total ({t} 万元) in its amount rules", name, t),
    };
    let message = if zh {
        format!("工程费、设备费、预备费合计 {p} 万元，比填写的总投资 {t} 万元多 {over} 万元：分项之和不应超过总投资（总投资还含工程建设其他费用，分项之和可以更小）。{uses}。请核对总投资和各分项，改正填错的数字。")
    } else {
        en_format!("Engineering, equipment and contingency add up to {p} 万元, {over} 万元 more than the total of {t} 万元 given: the parts should not exceed the total (the total also holds other construction costs, so the parts may sum to less). {uses}. Check the total and each part and correct the wrong figure.", p, over, t, uses)
    };
    Some(Finding {
        rule: "input.investment_sum",
        level: Level::Warn,
        article: "",
        field: Some(Cow::Borrowed("/project/investment/total")),
        message: Cow::Owned(message),
        rules: Vec::new(),
    })
}

/// A `not_applicable` verdict: the applicability findings alone, no route, no procedure.
fn not_applicable(
    app: &Application,
    spec: &Spec,
    status: Status,
    ctx: &crate::rules::Ctx<'_>,
    findings: Vec<Finding>,
) -> Verdict {
    Verdict {
        check: "eligibility",
        regime: app.regime,
        as_of: app.as_of,
        outcome: Outcome::NotApplicable,
        route: Route::None,
        effective_kind: ctx.kind,
        findings,
        procedure: Procedure::NONE,
        regulation: regulation(spec, status),
        ruleset: RULESET,
        ruleset_id: RULESET_ID,
    }
}

fn message(
    rule: &crate::rules::Rule,
    ctx: &crate::rules::Ctx<'_>,
    locale: Locale,
) -> Cow<'static, str> {
    match rule.detail {
        Some(f) => Cow::Owned(f(ctx, locale)),
        None => Cow::Borrowed(rule.message.get(locale)),
    }
}

/// The field a firing rule points at: the first fact or field of its condition that is
/// at fault. Found by asking which answers, if absent, would leave the rule unknown.
fn field_of(rule: &crate::rules::Rule, ctx: &crate::rules::Ctx<'_>) -> Option<Cow<'static, str>> {
    crate::rules::blame(&rule.when, ctx).map(|a| Cow::Borrowed(a.pointer()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::model::{Fact, Kind, Regime};

    /// The day after (`1`) or before (`-1`) `d`.
    fn day(d: Date, delta: i32) -> Date {
        use crate::date::days_in_month;
        let (y, m, dd) = (d.year(), d.month(), d.day());
        if delta > 0 {
            if dd < days_in_month(y, m) {
                Date::ymd(y, m, dd + 1)
            } else if m < 12 {
                Date::ymd(y, m + 1, 1)
            } else {
                Date::ymd(y + 1, 1, 1)
            }
        } else if dd > 1 {
            Date::ymd(y, m, dd - 1)
        } else if m > 1 {
            Date::ymd(y, m - 1, days_in_month(y, m - 1))
        } else {
            Date::ymd(y - 1, 12, 31)
        }
    }

    /// Revision 2: a regulation grounds a verdict on its first and last day only; outside
    /// its period the verdict is `not_applicable` through `<regime>.validity` (info) and
    /// no other rule runs — even one that would block.
    #[test]
    fn out_of_force_grounds_no_verdict_for_every_regime() {
        for &regime in Regime::ALL {
            let spec = regimes::spec(regime);
            let mut app = Application::new(regime);
            app.project.kind = Some(Kind::New);
            app.facts = app.facts.with(Fact::OnGovCloud, false);
            let mut edges = Vec::new();
            if let Some(from) = spec.effective_from {
                edges.push((day(from, -1), Status::NotYetInForce));
                edges.push((from, Status::InForce));
            }
            if let Some(until) = spec.effective_until {
                edges.push((until, Status::InForce));
                edges.push((day(until, 1), Status::Expired));
            }
            for (as_of, status) in edges {
                app.as_of = Some(as_of);
                let v = check_eligibility(&app);
                assert_eq!(v.regulation.status, status, "{regime:?} {as_of}");
                if Spec::grounds_no_verdict(status) {
                    assert_eq!(v.outcome, Outcome::NotApplicable, "{regime:?} {as_of}");
                    assert_eq!(v.route, Route::None);
                    assert_eq!(v.procedure, Procedure::NONE);
                    assert_eq!(v.findings.len(), 1, "{regime:?} {as_of}: {:?}", v.findings);
                    let f = &v.findings[0];
                    assert_eq!(
                        (f.rule, f.level, f.field.as_deref()),
                        (spec.validity_id, Level::Info, Some("/as_of"))
                    );
                    assert_eq!(f.article, spec.validity_article);
                } else {
                    assert_ne!(v.outcome, Outcome::NotApplicable, "{regime:?} {as_of}");
                    assert!(!v.findings.iter().any(|f| f.rule == spec.validity_id));
                }
            }
        }
    }

    /// The message says what to do: check for an extension or a successor, or check with
    /// a date inside the period — naming the dates.
    #[test]
    fn validity_messages_say_what_to_do() {
        let mut app = Application::new(Regime::BAOTOU);
        app.as_of = Date::parse("2026-12-03");
        let v = check_eligibility(&app);
        let m = &v.findings[0].message;
        assert!(m.contains("2026-11-30") && m.contains("2024-12-01"), "{m}");
        assert!(m.contains("延期或由新办法替代"), "{m}");
        app.locale = Locale::En;
        let m = check_eligibility(&app).findings[0].message.to_string();
        assert!(
            m.contains("extended or replaced") && m.contains("between 2024-12-01 and 2026-11-30"),
            "{m}"
        );
        let mut app = Application::new(Regime::CHUXIONG);
        app.as_of = Date::parse("2025-05-07");
        let m = check_eligibility(&app).findings[0].message.to_string();
        assert!(m.contains("2025-05-08 或之后"), "{m}");
    }

    /// A draft is checked and warns (provisional), on every date and without one.
    #[test]
    fn a_draft_is_checked_and_warns() {
        let mut app = Application::new(Regime::SHIZUISHAN);
        app.project.kind = Some(Kind::New);
        app.facts = app.facts.with(Fact::IncludesInfrastructure, true);
        for as_of in [None, Date::parse("2020-01-01"), Date::parse("2026-12-03")] {
            app.as_of = as_of;
            let v = check_eligibility(&app);
            assert_eq!(v.regulation.status, Status::Draft);
            assert_eq!(v.outcome, Outcome::Ineligible);
            let f = v.findings.iter().find(|f| f.rule == "shizuishan.validity");
            assert_eq!(f.map(|f| f.level), Some(Level::Warn));
        }
    }
}
