//! Properties of every verdict, over generated applications (proptest): the outcome
//! follows its findings in the normative order, every finding points at a real field,
//! verdicts are deterministic and survive a JSON round trip, money text round-trips
//! exactly, and raising an amount never makes a route lighter.
//!
//! Case counts are kept modest (`CASES`) so the suite stays fast in CI; set
//! `PROPTEST_CASES` to run more locally.

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers: a failure is a failed test"
)]

#[path = "common/app_json.rs"]
mod app_json;

use govit_check::{
    check_change, check_eligibility, evaluate_str, Acceptance, Application, Category, ChangeItem,
    ChangeOutcome, ChangeReason, ChangeRequest, Chapter, ChapterSet, Date, Fact, Funding,
    FundingSet, Kind, Level, Locale, MarginKind, Measure, Money, Outcome, Regime, Route, UnitLevel,
    Verdict,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;

const CASES: u32 = 128;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(CASES),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Every amount threshold of the five regulations (万元).
const THRESHOLDS: &[u32] = &[20, 50, 60, 200, 500, 1500, 3000, 5000];

/// An amount: near a threshold (one fen either side, or on it) half the time.
fn amount() -> impl Strategy<Value = Money> {
    let fen = Decimal::new(1, 6);
    prop_oneof![
        (prop::sample::select(THRESHOLDS), -1i64..=1).prop_map(move |(t, d)| {
            Money::new(Decimal::from(t) + fen * Decimal::from(d)).unwrap()
        }),
        (0u64..=1_000_000_000_000_000_000, 0u32..=6).prop_map(|(m, s)| {
            Money::new(Decimal::from_i128_with_scale(i128::from(m), s + 6))
                .or_else(|_| Money::new(Decimal::from(m / 1_000_000_000)))
                .unwrap()
        }),
        (0u32..10_000).prop_map(|n| Money::new(Decimal::from(n)).unwrap()),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    prop_oneof![
        (2020u16..=2030, 1u8..=12, 1u8..=31),
        (
            prop::sample::select(&[1u16, 2000, 2024, 2028, 9999][..]),
            1u8..=12,
            1u8..=31
        ),
    ]
    .prop_filter_map("a real date", |(y, m, d)| {
        Date::new(y, m, d).or_else(|| Date::new(y, m, 28))
    })
}

fn opt<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    prop::option::weighted(0.7, s)
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(all)
}

prop_compose! {
    fn project_part()(
        name in opt("[a-z项目系统 ]{0,20}"),
        kind in opt(pick(Kind::ALL)),
        category in opt(pick(Category::ALL)),
        classified in prop::bool::weighted(0.1),
        unit_level in opt(pick(UnitLevel::ALL)),
        total in opt(amount()),
        parts in prop::collection::vec(opt(amount()), 3),
        funding in opt(prop::collection::vec(pick(Funding::ALL), 0..4)),
        budget_year in opt(2000u16..=2100),
    ) -> (Option<String>, Option<Kind>, Option<Category>, bool, Option<UnitLevel>, Option<Money>, Vec<Option<Money>>, Option<Vec<Funding>>, Option<u16>) {
        (name, kind, category, classified, unit_level, total, parts, funding, budget_year)
    }
}

prop_compose! {
    fn application()(
        regime in pick(Regime::ALL),
        as_of in opt(date()),
        english in any::<bool>(),
        (name, kind, category, classified, unit_level, total, parts, funding, budget_year) in project_part(),
        years in prop::collection::vec(opt((0u32..10, 0u32..=1).prop_map(|(a, h)| Decimal::from(a) + Decimal::new(5, 1) * Decimal::from(h))), 2),
        bools in prop::collection::vec(opt(any::<bool>()), 2),
        flags in prop::collection::vec(prop::bool::weighted(0.15), 4),
        dates in prop::collection::vec(opt(date()), 2),
        facts in prop::collection::vec(opt(prop::bool::weighted(0.8)), Fact::ALL.len()),
        chapters in opt(prop::collection::vec(pick(Chapter::ALL), 0..6)),
    ) -> Application {
        let mut app = Application::new(regime);
        app.as_of = as_of;
        app.locale = if english { Locale::En } else { Locale::Zh };
        let p = &mut app.project;
        p.name = name;
        p.kind = kind;
        p.category = category;
        p.classified = classified;
        p.unit_level = unit_level;
        p.investment.total = total;
        p.investment.engineering = parts[0];
        p.investment.equipment = parts[1];
        p.investment.contingency = parts[2];
        p.funding = funding.map(|list| {
            let mut set = FundingSet::EMPTY;
            list.into_iter().for_each(|f| set.insert(f));
            set
        });
        p.budget_year = budget_year;
        p.service_years = years[0];
        p.free_maintenance_years = years[1];
        p.includes_construction = bools[0];
        p.main_function_changed = bools[1];
        p.hardware_replacement_only = flags[0];
        p.emergency = flags[1];
        p.civil_works = flags[2];
        p.routine_purchase = flags[3];
        p.contract_signed_on = dates[0];
        p.tender_completed_on = dates[1];
        for (f, a) in Fact::ALL.iter().zip(facts) {
            app.facts.set(*f, a);
        }
        app.facts.design_chapters = chapters.map(|list| {
            let mut set = ChapterSet::default();
            list.into_iter().for_each(|c| set.insert(c));
            set
        });
        app
    }
}

/// The value at a JSON Pointer, `None` when absent or `null` (read as absent), or an
/// empty `funding` list (unanswered, by the contract).
fn at<'v>(v: &'v Value, pointer: &str) -> Option<&'v Value> {
    let unanswered_funding =
        |x: &Value| pointer == "/project/funding" && x.as_array().is_some_and(Vec::is_empty);
    v.pointer(pointer)
        .filter(|x| !x.is_null() && !unanswered_funding(x))
}

fn verdict_json(v: &Verdict) -> String {
    serde_json::to_string(v).unwrap()
}

proptest! {
    #![proptest_config(config())]

    /// not_applicable ▸ block → ineligible ▸ missing → incomplete ▸ eligible.
    #[test]
    fn outcome_follows_findings(app in application()) {
        let v = check_eligibility(&app);
        let has = |l: Level| v.findings.iter().any(|f| f.level == l);
        let expected = if v.outcome == Outcome::NotApplicable {
            // Only the applicability finding (info) and the validity/as_of notes.
            prop_assert!(!has(Level::Block) && !has(Level::Missing) && !has(Level::Require));
            prop_assert_eq!(v.route, Route::None);
            prop_assert!(v.procedure.documents.is_empty());
            Outcome::NotApplicable
        } else if has(Level::Block) {
            Outcome::Ineligible
        } else if has(Level::Missing) {
            Outcome::Incomplete
        } else {
            Outcome::Eligible
        };
        prop_assert_eq!(v.outcome, expected);
        // One missing finding per field.
        let mut missing: Vec<_> = v.findings.iter().filter(|f| f.level == Level::Missing).map(|f| f.field.clone()).collect();
        let n = missing.len();
        missing.sort();
        missing.dedup();
        prop_assert_eq!(missing.len(), n);
    }

    /// A finding's `field` exists in the input, or (for `missing`) is absent from it.
    #[test]
    fn findings_point_at_real_fields(app in application()) {
        let input = app_json::app_to_json(&app);
        let v = check_eligibility(&app);
        for f in &v.findings {
            let Some(field) = f.field.as_deref() else { continue };
            prop_assert!(field.starts_with('/'), "{}: {}", f.rule, field);
            let present = at(&input, field).is_some();
            if f.level == Level::Missing {
                prop_assert!(!present, "{} asks for {} which is answered: {}", f.rule, field, input);
                prop_assert!(!f.rules.is_empty() && f.rules[0] == f.rule);
            } else {
                // An absent total computed from its parts is still the total's field.
                let from_parts = field == "/project/investment/total"
                    && app.project.investment.effective_total().is_some();
                // `<regime>.as_of` (info) names the absent date it would need.
                let asks_date = f.rule.ends_with(".as_of") && field == "/as_of" && app.as_of.is_none();
                prop_assert!(present || from_parts || asks_date, "{} points at absent {}: {}", f.rule, field, input);
            }
        }
    }

    /// Same input, same verdict; Application → JSON → parse → the same verdict JSON, on
    /// the typed and the JSON entry point alike.
    #[test]
    fn deterministic_and_json_round_trip(app in application()) {
        let first = verdict_json(&check_eligibility(&app));
        prop_assert_eq!(&verdict_json(&check_eligibility(&app)), &first);
        let text = app_json::app_to_json(&app).to_string();
        let back = Application::from_json(&text).unwrap();
        prop_assert_eq!(&back, &app);
        prop_assert_eq!(&verdict_json(&check_eligibility(&back)), &first);
        prop_assert_eq!(&evaluate_str("eligibility", &text), &first);
        // Pretty-printed and with keys in reverse order: still the same.
        let pretty = serde_json::to_string_pretty(&app_json::app_to_json(&app)).unwrap();
        prop_assert_eq!(&evaluate_str("eligibility", &pretty), &first);
    }

    /// Money → string → Money is exact, and so is the JSON number form where the text
    /// is a plain number of at most 15 significant digits.
    #[test]
    fn money_round_trips(m in amount()) {
        let text = m.to_string();
        prop_assert_eq!(text.parse::<Money>().unwrap(), m);
        let mut a = Application::new(Regime::WULONG);
        a.project.investment.total = Some(m);
        let as_string = format!(r#"{{"regime":"wulong","project":{{"investment":{{"total":"{text}"}}}}}}"#);
        prop_assert_eq!(Application::from_json(&as_string).unwrap(), a.clone());
        let padded = format!(r#"{{"regime":"wulong","project":{{"investment":{{"total":"  {text} "}}}}}}"#);
        prop_assert_eq!(Application::from_json(&padded).unwrap(), a.clone());
        let digits = text.bytes().filter(u8::is_ascii_digit).count();
        if digits <= 15 {
            let as_number = format!(r#"{{"regime":"wulong","project":{{"investment":{{"total":{text}}}}}}}"#);
            prop_assert_eq!(Application::from_json(&as_number).unwrap(), a);
        }
    }

    /// Raising the total never makes the procedure lighter: the route never goes from
    /// approval to filing, documents never get fewer, supervision, regional review and
    /// the acceptance level never drop.
    #[test]
    fn thresholds_are_monotone(app in application(), a in amount(), b in amount()) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let mut low = app.clone();
        low.project.investment.total = Some(lo);
        let mut high = app;
        high.project.investment.total = Some(hi);
        let (vl, vh) = (check_eligibility(&low), check_eligibility(&high));
        let why = || format!("{lo} → {hi}\nlow: {}\nhigh: {}", verdict_json(&vl), verdict_json(&vh));
        if let (Some(rl), Some(rh)) = (route_rank(vl.route), route_rank(vh.route)) {
            prop_assert!(rl <= rh, "route got lighter: {}", why());
        }
        if vl.outcome != Outcome::NotApplicable {
            let (pl, ph) = (&vl.procedure, &vh.procedure);
            prop_assert!(pl.documents.len() <= ph.documents.len(), "fewer documents: {}", why());
            prop_assert!(pl.supervision_required != Some(true) || ph.supervision_required == Some(true), "supervision dropped: {}", why());
            prop_assert!(!pl.regional_review || ph.regional_review, "regional review dropped: {}", why());
            prop_assert!(acceptance_rank(pl.acceptance) <= acceptance_rank(ph.acceptance), "acceptance got lighter: {}", why());
        }
    }
}

prop_compose! {
    fn change_item()(
        approved in amount(),
        proposed in amount(),
        same in prop::bool::weighted(0.2),
        new in prop::bool::weighted(0.2),
        tender_savings in prop::bool::weighted(0.2),
    ) -> ChangeItem {
        let mut it = ChangeItem::new(approved, if same { approved } else { proposed });
        it.new = new;
        it.tender_savings = tender_savings;
        it
    }
}

prop_compose! {
    fn change_request()(
        regime in pick(Regime::ALL),
        approved_total in amount().prop_filter("> 0", |m| *m > Money::ZERO),
        items in prop::collection::vec(change_item(), 0..6),
        as_of in opt(date()),
        changed_on in opt(date()),
        goal_changed in opt(prop::bool::weighted(0.2)),
        reason in opt(pick(ChangeReason::ALL)),
    ) -> ChangeRequest {
        let mut r = ChangeRequest::new(regime, approved_total, items);
        r.as_of = as_of;
        r.changed_on = changed_on;
        r.goal_changed = goal_changed;
        r.reason = reason;
        r
    }
}

proptest! {
    #![proptest_config(config())]

    /// A change's figures, ratios and margins agree: each figure is its definition, a
    /// ratio margin's headroom is `limit % × approved_total − measured`, an amount
    /// margin's is `limit − measured`, and headroom ≥ 0 exactly when the limit holds —
    /// when the printed ratio is within the limit and the rule raises no finding.
    #[test]
    fn change_ratios_and_margins_agree(req in change_request()) {
        let v = check_change(&req).unwrap();
        let f = &v.figures;
        let base = req.approved_total.unwrap().get();
        let hundred = Decimal::ONE_HUNDRED;
        // Baotou art.21 and (revision 2) Wulong art.25 leave tender savings out.
        let excludes_savings = govit_check::regimes::spec(req.regime).change.tender_savings_excluded;
        let (mut inc, mut dec, mut new, mut after) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, base);
        for it in &req.items {
            let (a, p) = (it.approved.unwrap().get(), it.proposed.unwrap().get());
            after += p - a;
            if !(excludes_savings && it.tender_savings) {
                if p > a { inc += p - a } else { dec += a - p }
            }
            if it.new { new += p }
        }
        prop_assert_eq!(f.total_after.unwrap(), after);
        prop_assert_eq!(f.increases.unwrap(), inc);
        prop_assert_eq!(f.decreases.unwrap(), dec);
        prop_assert_eq!(f.adjustment.unwrap(), inc.max(dec));
        prop_assert_eq!(f.new_content.unwrap(), new);
        for m in &v.margins {
            // The margin says what it measures and how its limit reads.
            let measured = m.measures.of(f).unwrap();
            let ratio = match (m.kind, m.measures) {
                (MarginKind::Ratio, Measure::Adjustment) => Some(f.adjustment_ratio.unwrap()),
                (MarginKind::Ratio, Measure::NewContent) => Some(f.new_content_ratio.unwrap()),
                (MarginKind::Ratio, Measure::TotalAfter) => panic!("no ratio of the total: {}", m.rule),
                (MarginKind::Amount, _) => None,
            };
            let holds = match ratio {
                Some(r) => {
                    prop_assert_eq!(m.headroom.unwrap(), m.limit.unwrap() * base / hundred - measured, "{}", m.rule);
                    let exact = measured * hundred <= m.limit.unwrap() * base;
                    // The printed (possibly rounded) ratio is on the same side of the limit.
                    prop_assert_eq!(r <= m.limit.unwrap(), exact, "{}: ratio {} vs {}", m.rule, r, m.limit.unwrap());
                    exact
                }
                None => {
                    prop_assert_eq!(m.headroom.unwrap(), m.limit.unwrap() - measured, "{}", m.rule);
                    measured <= m.limit.unwrap()
                }
            };
            prop_assert_eq!(m.headroom.unwrap() >= Decimal::ZERO, holds, "{}: headroom {}", m.rule, m.headroom.unwrap());
            let fired = v.findings.iter().any(|x| x.rule == m.rule && matches!(x.level, Level::Block | Level::Require));
            // Out of force (revision 2) no rule runs: the margins are given, nothing fires.
            // Savings only, or a request that could be and still lacks `goal_changed` /
            // `content_changed` (revision 3): the savings rule answers or asks alone.
            let savings_rules = ["baotou.20", "wuzhong.11", "wulong.25", "chuxiong.24.scope", "shizuishan.20.savings"];
            let savings = v.outcome == ChangeOutcome::Savings
                || v.findings.iter().any(|x| x.level == Level::Missing && savings_rules.contains(&x.rule));
            let judged = v.outcome != ChangeOutcome::NotApplicable && !savings;
            prop_assert_eq!(fired, judged && !holds, "{}: headroom {}, findings {:?}", m.rule, m.headroom.unwrap(), v.findings.iter().map(|x| (x.rule, x.level)).collect::<Vec<_>>());
        }
        // A limit crossed never leaves the outcome at `file`.
        if v.margins.iter().any(|m| m.headroom.is_some_and(|h| h < Decimal::ZERO)) {
            prop_assert_ne!(v.outcome, ChangeOutcome::File);
        }
        if v.outcome == ChangeOutcome::NotApplicable {
            prop_assert!(v.findings.iter().all(|x| x.level == Level::Info && x.rule.ends_with(".validity")));
            prop_assert!(v.authorities.is_empty() && v.deadline.is_none());
        }
    }
}

fn route_rank(r: Route) -> Option<u8> {
    match r {
        Route::Filing => Some(0),
        Route::Approval => Some(1),
        _ => None,
    }
}

fn acceptance_rank(a: Option<Acceptance>) -> u8 {
    match a {
        None => 0,
        Some(Acceptance::Unit | Acceptance::PreReviewThenUnit) => 1,
        Some(_) => 2,
    }
}

/// The named thresholds, one fen either side: each crossing is checked explicitly so a
/// regression names the regime (the random property above also crosses them).
#[test]
fn named_thresholds() {
    let fen = Decimal::new(1, 6);
    let money = |d: Decimal| Money::new(d).unwrap();
    let clean = |regime: Regime, kind: Kind| {
        let mut a = Application::new(regime);
        a.as_of = Date::new(2026, 6, 15);
        a.project.kind = Some(kind);
        a.project.main_function_changed = Some(true);
        a.project.funding = Some(FundingSet::of(&[Funding::LocalFiscal]));
        a
    };
    let at = |mut a: Application, t: Decimal| {
        a.project.investment.total = Some(money(t));
        check_eligibility(&a)
    };
    // Baotou art.19: supervision at 200 and above.
    let b = clean(Regime::BAOTOU, Kind::New);
    assert_eq!(
        at(b.clone(), Decimal::from(200) - fen)
            .procedure
            .supervision_required,
        Some(false)
    );
    assert_eq!(
        at(b, Decimal::from(200)).procedure.supervision_required,
        Some(true)
    );
    // Wulong art.9 and art.28: documents and acceptance at 3000.
    let w = clean(Regime::WULONG, Kind::New);
    let below = at(w.clone(), Decimal::from(3000) - fen);
    let on = at(w, Decimal::from(3000));
    assert!(below.procedure.documents.len() < on.procedure.documents.len());
    assert_eq!(below.procedure.acceptance, Some(Acceptance::Unit));
    assert_eq!(on.procedure.acceptance, Some(Acceptance::Authority));
    // Wulong annex: a renovation over 50 is construction.
    let r = clean(Regime::WULONG, Kind::Renovation);
    let mut r = r;
    r.project.main_function_changed = Some(false);
    assert_eq!(
        at(r.clone(), Decimal::from(50)).effective_kind,
        Some(Kind::Maintenance)
    );
    assert_eq!(
        at(r, Decimal::from(50) + fen).effective_kind,
        Some(Kind::Renovation)
    );
}
