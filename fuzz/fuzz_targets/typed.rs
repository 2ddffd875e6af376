//! Typed entry points with arbitrary inputs: an `Application` built from arbitrary parts
//! → `check_eligibility`, a `ProjectClassInput` → `classify_project`, a `CostInput`
//! (any text as the item) → `classify_cost`, and a `ChangeRequest` → `check_change`.
//! Checks each answer's own invariants and that the application survives a JSON round
//! trip.

#![no_main]

use arbitrary::Arbitrary;
use govit_check::{
    check_change, check_eligibility, classify_cost, classify_project, ChangeItem, ChangeOutcome,
    ChangeReason, ChangeRequest, CostInput, Application, Category, Chapter, Date, Fact, Funding,
    Kind, Level, Locale, Money, Outcome, ProjectClassInput, Regime, UnitLevel,
};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

#[path = "../../tests/common/app_json.rs"]
mod app_json;

/// An amount: an arbitrary mantissa and scale, kept only when `Money::new` accepts it
/// (a refused one is an input error, which the JSON target covers).
#[derive(Arbitrary, Debug)]
struct Amount(u64, u8);

impl Amount {
    fn money(&self) -> Option<Money> {
        let d = Decimal::try_from_i128_with_scale(i128::from(self.0), u32::from(self.1 % 29)).ok()?;
        Money::new(d).ok()
    }
}

#[derive(Arbitrary, Debug)]
struct ArbDate(u16, u8, u8);

impl ArbDate {
    fn date(&self) -> Option<Date> {
        Date::new(self.0, self.1, self.2)
    }
}

fn pick<T: Copy>(all: &[T], i: Option<u8>) -> Option<T> {
    i.and_then(|i| all.get(usize::from(i) % all.len().max(1)).copied())
}

#[derive(Arbitrary, Debug)]
struct ArbApp {
    regime: u8,
    as_of: Option<ArbDate>,
    english: bool,
    name: Option<String>,
    kind: Option<u8>,
    category: Option<u8>,
    classified: bool,
    unit_level: Option<u8>,
    total: Option<Amount>,
    engineering: Option<Amount>,
    equipment: Option<Amount>,
    contingency: Option<Amount>,
    funding: Option<u8>,
    budget_year: Option<u16>,
    service_years: Option<Amount>,
    free_maintenance_years: Option<Amount>,
    includes_construction: Option<bool>,
    main_function_changed: Option<bool>,
    hardware_replacement_only: bool,
    emergency: bool,
    civil_works: bool,
    routine_purchase: bool,
    contract_signed_on: Option<ArbDate>,
    tender_completed_on: Option<ArbDate>,
    /// Two bits per fact: unanswered, false, true.
    facts: Vec<u8>,
    chapters: Option<u8>,
}

impl ArbApp {
    fn build(&self) -> Application {
        let regime = Regime::ALL[usize::from(self.regime) % Regime::ALL.len()];
        let mut app = Application::new(regime);
        app.as_of = self.as_of.as_ref().and_then(ArbDate::date);
        app.locale = if self.english { Locale::En } else { Locale::Zh };
        let p = &mut app.project;
        p.name = self.name.clone().filter(|n| n.chars().count() <= govit_check::MAX_TEXT_CHARS);
        p.kind = pick(Kind::ALL, self.kind);
        p.category = pick(Category::ALL, self.category);
        p.classified = self.classified;
        p.unit_level = pick(UnitLevel::ALL, self.unit_level);
        p.investment.total = self.total.as_ref().and_then(Amount::money);
        p.investment.engineering = self.engineering.as_ref().and_then(Amount::money);
        p.investment.equipment = self.equipment.as_ref().and_then(Amount::money);
        p.investment.contingency = self.contingency.as_ref().and_then(Amount::money);
        p.funding = self.funding.map(|bits| {
            let mut set = govit_check::FundingSet::EMPTY;
            for (i, f) in Funding::ALL.iter().enumerate() {
                if bits & (1 << i) != 0 {
                    set.insert(*f);
                }
            }
            set
        });
        p.budget_year = self.budget_year.map(|y| 2000 + y % 101);
        p.service_years = self.service_years.as_ref().and_then(Amount::money).map(Money::get);
        p.free_maintenance_years = self
            .free_maintenance_years
            .as_ref()
            .and_then(Amount::money)
            .map(Money::get);
        p.includes_construction = self.includes_construction;
        p.main_function_changed = self.main_function_changed;
        p.hardware_replacement_only = self.hardware_replacement_only;
        p.emergency = self.emergency;
        p.civil_works = self.civil_works;
        p.routine_purchase = self.routine_purchase;
        p.contract_signed_on = self.contract_signed_on.as_ref().and_then(ArbDate::date);
        p.tender_completed_on = self.tender_completed_on.as_ref().and_then(ArbDate::date);
        for (i, f) in Fact::ALL.iter().enumerate() {
            let bits = self.facts.get(i / 4).copied().unwrap_or(0) >> ((i % 4) * 2) & 3;
            app.facts.set(*f, match bits {
                1 => Some(false),
                2 | 3 => Some(true),
                _ => None,
            });
        }
        app.facts.design_chapters = self.chapters.map(|bits| {
            let mut set = govit_check::ChapterSet::default();
            for (i, c) in Chapter::ALL.iter().enumerate() {
                if bits & (1 << i) != 0 {
                    set.insert(*c);
                }
            }
            set
        });
        app
    }
}

#[derive(Arbitrary, Debug)]
struct ArbChange {
    regime: u8,
    approved_total: Amount,
    items: Vec<(Amount, Amount, bool, bool)>,
    as_of: Option<ArbDate>,
    changed_on: Option<ArbDate>,
    goal_changed: Option<bool>,
    reason: Option<u8>,
    budget_year: Option<u16>,
    english: bool,
}

impl ArbChange {
    fn build(&self) -> Option<ChangeRequest> {
        let regime = Regime::ALL[usize::from(self.regime) % Regime::ALL.len()];
        let items = self
            .items
            .iter()
            .map(|(a, p, new, ts)| {
                let mut it = ChangeItem::new(a.money()?, p.money()?);
                it.new = *new;
                it.tender_savings = *ts;
                Some(it)
            })
            .collect::<Option<Vec<_>>>()?;
        let mut r = ChangeRequest::new(regime, self.approved_total.money()?, items);
        r.as_of = self.as_of.as_ref().and_then(ArbDate::date);
        r.changed_on = self.changed_on.as_ref().and_then(ArbDate::date);
        r.goal_changed = self.goal_changed;
        r.reason = pick(ChangeReason::ALL, self.reason);
        r.budget_year = self.budget_year.map(|y| 2000 + y % 101);
        r.locale = if self.english { Locale::En } else { Locale::Zh };
        Some(r)
    }
}

#[derive(Arbitrary, Debug)]
struct Input {
    app: ArbApp,
    change: ArbChange,
    cost_item: String,
    cost_amount: Option<Amount>,
    class_kind: u8,
    class_mfc: Option<bool>,
    class_hw: bool,
    class_amount: Option<Amount>,
}

fuzz_target!(|input: Input| {
    let app = input.app.build();
    let v = check_eligibility(&app);

    // The outcome follows the findings, in the normative order.
    let has = |l: Level| v.findings.iter().any(|f| f.level == l);
    match v.outcome {
        Outcome::NotApplicable => {
            assert!(v.procedure.documents.is_empty() && v.procedure.authority.is_none())
        }
        Outcome::Ineligible => assert!(has(Level::Block)),
        Outcome::Incomplete => assert!(!has(Level::Block) && has(Level::Missing)),
        Outcome::Eligible => assert!(!has(Level::Block) && !has(Level::Missing)),
    }
    for f in &v.findings {
        if let Some(field) = &f.field {
            assert!(field.starts_with('/'), "{field}");
        }
        assert!(!f.message.is_empty(), "{}", f.rule);
    }
    let out = serde_json::to_string(&v).expect("a verdict serializes");

    // Round trip: Application → JSON → Application gives the same verdict.
    let text = app_json::app_to_json(&app).to_string();
    let back = Application::from_json(&text).expect("a written application reads back");
    assert_eq!(back, app, "{text}");
    let again = serde_json::to_string(&check_eligibility(&back)).expect("serializes");
    assert_eq!(again, out);

    // Wulong's annex classification.
    let kind = Kind::ALL[usize::from(input.class_kind) % Kind::ALL.len()];
    let r = classify_project(&ProjectClassInput {
        regime: None,
        kind,
        main_function_changed: input.class_mfc,
        hardware_replacement_only: input.class_hw,
        amount: input.class_amount.as_ref().and_then(Amount::money),
        locale: Locale::Zh,
    });
    assert_eq!(r.is_err(), kind == Kind::Service);

    // A cost line: any text as the item is a decision or a clean error.
    let mut line = CostInput::new(input.cost_item.clone());
    line.amount = input.cost_amount.as_ref().and_then(Amount::money);
    match classify_cost(&line) {
        Ok(d) => {
            serde_json::to_string(&d).expect("serializes");
        }
        Err(e) => assert!(
            matches!(
                e.code(),
                "required" | "unknown_item" | "ambiguous_item" | "invalid_value" | "too_large"
            ),
            "{e:?}"
        ),
    }

    // A change: figures agree with their definitions; a crossed limit is never `file`.
    if let Some(req) = input.change.build() {
        match check_change(&req) {
            Ok(v) => {
                let f = &v.figures;
                assert_eq!(f.adjustment, f.increases.zip(f.decreases).map(|(i, d)| i.max(d)));
                if v.margins.iter().any(|m| m.headroom.is_some_and(|h| h.is_sign_negative() && !h.is_zero())) {
                    assert_ne!(v.outcome, ChangeOutcome::File);
                }
                serde_json::to_string(&v).expect("serializes");
            }
            Err(e) => assert!(
                req.approved_total == Some(Money::ZERO) && e.code() == "invalid_value",
                "{e:?}"
            ),
        }
    }
});
