//! The eligibility engine: runs a regime's table over an application.

use crate::locale::Locale;
use crate::model::Application;
use crate::regimes::{self, Spec};
use crate::rules::{Ask, Effect, Tri};
use crate::verdict::{
    Finding, Level, Outcome, Procedure, Regulation, Route, Status, Verdict, RULESET,
};
use std::borrow::Cow;

/// Checks an application against its regime (contract §2). Never fails: absent answers
/// are `missing` findings.
///
/// # Examples
/// ```
/// use govit_check::{check_eligibility, Application, Fact, Kind, Regime};
/// let mut app = Application::new(Regime::Baotou);
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
            .map(|e| crate::input::invalid_finding(e, app.locale)),
    );
    push_validity(spec, app, status, &mut findings);
    let ctx = regimes::context(app);
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
            return Verdict {
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
            };
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
                    if crate::input::stands_for(&app.invalid, ask.pointer()) {
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
        procedure: (spec.procedure)(&ctx),
        regulation: regulation(spec, status),
        ruleset: RULESET,
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

fn regulation(spec: &Spec, status: Status) -> Regulation {
    Regulation {
        title: spec.title,
        effective_from: spec.effective_from,
        effective_until: spec.effective_until,
        status,
    }
}

/// `<regime>.validity` (warn) and `<regime>.as_of` (info), shared by every check that
/// reports a regulation.
pub(crate) fn push_validity(
    spec: &Spec,
    app: &Application,
    status: Status,
    findings: &mut Vec<Finding>,
) {
    validity_findings(spec, app.as_of, status, app.locale, findings);
}

/// See [`push_validity`].
pub(crate) fn validity_findings(
    spec: &Spec,
    as_of: Option<crate::date::Date>,
    status: Status,
    locale: Locale,
    findings: &mut Vec<Finding>,
) {
    let zh = locale == Locale::Zh;
    let title = spec.title;
    // The dates are written out only for the status that quotes them.
    let date_text = |d: Option<crate::date::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    // (`concat`, not `format!`, as in `missing`.)
    let text = match status {
        Status::Draft => Some(if zh {
            [
                "《",
                title,
                "》为送审稿，尚未正式施行。检查结果仅供参考，正式申报请以印发施行的办法为准。",
            ]
            .concat()
        } else {
            ["“", title, "” is a draft submitted for review and not in force. Treat this result as guidance; apply under the regulation once it is issued."].concat()
        }),
        Status::NotYetInForce => Some({
            let from = date_text(spec.effective_from);
            if zh {
                [
                    "《",
                    title,
                    "》自 ",
                    &from,
                    " 起施行，检查日期时尚未施行。请确认适用的办法，或将检查日期改为施行之后。",
                ]
                .concat()
            } else {
                ["“", title, "” takes effect on ", &from, " and is not yet in force on the date checked. Confirm which regulation applies."].concat()
            }
        }),
        Status::Expired => Some({
            let until = date_text(spec.effective_until);
            if zh {
                [
                    "《",
                    title,
                    "》有效期至 ",
                    &until,
                    "，检查日期时已失效。检查结果仅供参考，请确认是否有延期或替代的新办法。",
                ]
                .concat()
            } else {
                ["“", title, "” was in force until ", &until, " and has expired on the date checked. Treat this result as guidance and check for a successor regulation."].concat()
            }
        }),
        Status::InForce | Status::Undetermined => None,
    };
    if let Some(text) = text {
        findings.push(Finding {
            rule: spec.validity_id,
            level: Level::Warn,
            article: spec.validity_article,
            field: as_of.map(|_| Cow::Borrowed("/as_of")),
            message: Cow::Owned(text),
            rules: Vec::new(),
        });
    }
    if as_of.is_none() {
        findings.push(Finding {
            rule: spec.as_of_id,
            level: Level::Info,
            article: spec.validity_article,
            field: Some(Cow::Borrowed("/as_of")),
            message: Cow::Borrowed(if zh {
                "未填写检查日期：办法是否有效、申报是否逾期等需要日期的规则未作判断。请填写检查日期。"
            } else {
                "No date of check: the regulation's validity and date-based rules such as application deadlines were not evaluated. Enter the date."
            }),
            rules: Vec::new(),
        });
    }
}
