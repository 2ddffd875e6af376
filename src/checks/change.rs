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

use crate::checks::{horizon_finding, regulation, validity_findings};
use crate::date::Date;
use crate::error::{Error, Limit, Reason};
use crate::locale::en_format;
use crate::model::change::{ChangeRequest, MAX_ITEMS};
use crate::model::Regime;
use crate::regimes::{spec, Spec};
use crate::rules::change::{savings_shape, ChangeOutcome, Ctx, Figures, Margin, Out};
use crate::rules::Field;
use crate::verdict::Level;
use crate::verdict::{Finding, Regulation, RULESET, RULESET_ID};
use serde::Serialize;

/// The change verdict (contract §4), keys in contract order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChangeVerdict {
    #[cfg_attr(feature = "schema", schemars(extend("const" = "change")))]
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
    #[cfg_attr(feature = "schema", schemars(with = "crate::shape::RulesetId"))]
    /// [`crate::RULESET_ID`]: the build of the rules that decided.
    pub ruleset_id: &'static str,
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
            .map(|e| crate::verdict::invalid_finding(e, req.locale)),
    );
    validity_findings(spec, req.as_of, status, req.locale, &mut findings);
    if spec.change.asks_as_of {
        // The decision asks for as_of itself (a `missing` finding); the general "no
        // date" info would say the same thing twice.
        findings.retain(|f| f.rule != spec.as_of_id);
    }
    let fig = Figures::compute(req, spec.change.tender_savings_excluded);
    let c = Ctx {
        req,
        fig: &fig,
        locale: req.locale,
        until: spec.effective_until,
    };
    let mut out = Out::new();
    out.unreadable.clone_from(&req.invalid);
    (spec.change.decide)(&c, &mut out);
    let mut savings = false;
    if !Spec::grounds_no_verdict(status) {
        if let Some((first, saved)) = savings_shape(req) {
            savings = answer_savings(spec, &c, first, saved, &mut out);
        }
        // Revision 3: a deadline after the regulation's last day is no deadline under it.
        if let Some(due) = out.deadline.filter(|&d| c.beyond(d)) {
            out.deadline = None;
            findings.push(horizon_finding(spec, due, None, req.locale));
        }
    }
    let outcome = if Spec::grounds_no_verdict(status) {
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
    } else if savings {
        ChangeOutcome::Savings
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
        regulation: regulation(spec, status),
        ruleset: RULESET,
        ruleset_id: RULESET_ID,
    })
}

/// Revision 3: a request that could be *savings only* (`savings_shape`). With
/// `goal_changed` and `content_changed` both false it is savings only: the regime's
/// savings rule alone answers (one `info` finding; no authority, no deadline; the margins
/// stay, they are arithmetic). While either is absent (and neither is true), each absent
/// one is asked by the savings rule and nothing else is asked. Otherwise (a goal or
/// content change) the regime's own decision stands. Returns whether it is savings only.
fn answer_savings(
    spec: &Spec,
    c: &Ctx<'_>,
    first: usize,
    saved: rust_decimal::Decimal,
    out: &mut Out,
) -> bool {
    let req = c.req;
    let (goal, content) = (req.goal_changed, req.content_changed);
    if goal == Some(true) || content == Some(true) {
        return false;
    }
    let s = &spec.change.savings;
    let rule = s.rule;
    let saved = crate::rules::change::n(saved);
    let margins = std::mem::take(&mut out.margins);
    let unreadable = std::mem::take(&mut out.unreadable);
    *out = Out::new();
    out.margins = margins;
    out.unreadable = unreadable;
    if goal.is_some() && content.is_some() {
        out.fire(rule, Level::Info, None, (s.says)(c, &saved));
        if let Some(f) = out.findings.last_mut() {
            f.field = Some(format!("/items/{first}/tender_savings").into());
        }
        return true;
    }
    for (answer, field) in [(goal, Field::GoalChanged), (content, Field::ContentChanged)] {
        if answer.is_none() {
            let label = field.label(c.locale);
            let msg = c.say(
                || format!("请回答「{label}」（是/否）：本次只有标为招标结余的项目调减（共 {saved} 万元），其他金额不变、无新增内容。建设目标和内容都不变的，属于资金结余，按{}处理，无需调整程序；有改变的，按调整程序判断。", crate::regimes::cite(spec, rule.article, c.locale)),
                || en_format!("Please answer yes or no: “{label}”. Only items marked as tender savings go down here ({saved} 万元 in all), every other amount is unchanged and nothing is new. With the goal and the content unchanged this is savings, handled under {cited} with no adjustment procedure; with either changed, the adjustment rules decide.", label, saved, cited = crate::regimes::cite(spec, rule.article, c.locale)),
            );
            out.ask_with(rule, field, c.locale, Some(msg));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::change::{ChangeItem, ChangeReason};
    use crate::money::Money;
    use crate::rules::change::{n, over_pct, ratio};
    use crate::verdict::Level;
    use rust_decimal::Decimal;

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
        let mut r = ChangeRequest::new(Regime::BAOTOU, m(total), items);
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
        let mut counts = std::collections::HashMap::new();
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
                            r.reason = Some(if regime == Regime::CHUXIONG {
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
                            // Every margin is a rule of the regime's change table (in
                            // contract §4's order), the same limits for every input.
                            let table: Vec<&str> =
                                spec(regime).change.rules.iter().map(|r| r.id).collect();
                            let at: Vec<usize> = v
                                .margins
                                .iter()
                                .map(|mg| table.iter().position(|&id| id == mg.rule))
                                .map(|p| p.unwrap_or(usize::MAX))
                                .collect();
                            assert!(at.iter().all(|&p| p != usize::MAX), "{regime}");
                            let n = *counts.entry(regime).or_insert(v.margins.len());
                            assert_eq!(v.margins.len(), n, "{regime}");
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

    /// Revision 3: a ratio in words has two decimals at most, rounded away from its limit:
    /// at the limit and 0.000001 万元 either side (on 1000: ±0.0000001 %), and odd bases.
    #[test]
    fn ratios_in_words_round_away_from_the_limit() {
        use crate::rules::change::pct_text;
        let t = |r: &str, l: &str| pct_text(d(r), d(l));
        assert_eq!(t("15", "15"), "15");
        assert_eq!(t("15.0000001", "15"), "15.01");
        assert_eq!(t("14.9999999", "15"), "14.99");
        assert_eq!(t("16.0000001", "15"), "16.01");
        assert_eq!(t("9.9999", "10"), "9.99");
        assert_eq!(t("12.5", "15"), "12.5");
        assert_eq!(t("0", "15"), "0");
        assert_eq!(t(&ratio(d("1"), d("3")).to_string(), "15"), "33.34");
        assert_eq!(t(&ratio(d("1"), d("30")).to_string(), "5"), "3.33");
        // The words are on the figure's side of the limit, whatever the figure.
        for (r, l) in [
            ("15.0000001", "15"),
            ("4.999999999", "5"),
            ("10.000000001", "10"),
        ] {
            let shown = d(&t(r, l));
            assert_eq!(shown > d(l), d(r) > d(l), "{r} vs {l}: {shown}");
            assert_eq!(shown < d(l), d(r) < d(l), "{r} vs {l}: {shown}");
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
        // Revision 3: two decimals at most, rounded away from the limit (never "15%").
        assert!(
            f.message.contains("调整比例 15.01%，超过 15% 上限"),
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
            f.message.contains("15.01%, over the 15% limit"),
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
            "content_changed":false,"changed_on":"2028-01-31","items":[{"approved":"10","proposed":"10"}]}"#,
        );
        assert_eq!(v.outcome, ChangeOutcome::File);
        assert_eq!(v.deadline, Date::parse("2028-02-29"));
        assert!(v.margins.is_empty());
        let f = v
            .findings
            .iter()
            .find(|f| f.rule == "shizuishan.18.1.update")
            .unwrap();
        assert_eq!(f.level, Level::Require);
        assert!(
            f.message.contains("2028-02-29 前（含当日）"),
            "{}",
            f.message
        );
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
        let r = ChangeRequest::new(Regime::BAOTOU, Money::ZERO, Vec::new());
        let e = check_change(&r).unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_value", "/approved_total"));
        let items = vec![ChangeItem::new(Money::ZERO, Money::ZERO); MAX_ITEMS + 1];
        let r = ChangeRequest::new(Regime::BAOTOU, m("1"), items);
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
            let rows = spec(regime).change.rules;
            assert!(!rows.is_empty());
            for r in rows {
                assert!(r.id.starts_with(regime.name()), "{}", r.id);
                assert!(r.article.starts_with('第'), "{}", r.id);
                let (title, clause) = (r.title.get(), r.clause.get());
                assert!(!clause.is_empty() && !title.zh.is_empty() && !title.en.is_empty());
                assert_eq!(r.effect, crate::rules::Effect::Code);
            }
        }
        let ids: Vec<&str> = spec(Regime::BAOTOU)
            .change
            .rules
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(
            ids,
            [
                "baotou.20",
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
