//! The derivation of the form (see the parent module): the rule tables walked, the
//! regime's code run over grids of answers. Compiled natively only: its result is
//! written to `tables.rs` (so the Wasm build carries the questions, not the code that
//! finds them), and `tests/form.rs` fails when the two differ.

use super::{Absent, Type, Value};
use crate::date::Date;
use crate::input::{CHANGE_FIELDS, PROJECT_FIELDS};
use crate::model::change::{ChangeItem, ChangeReason, ChangeRequest};
use crate::model::{Application, Fact, Funding, FundingSet, Kind, Regime};
use crate::money::Money;
use crate::regimes::{spec, Spec};
use crate::rules::{Cond, Effect, Tri};
use std::fmt::Write as _;

/// When a question matters (owned; written out as `super::AskWhen`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AskWhen {
    /// The answer at `field` equals the value.
    Equals(&'static str, Value),
    /// The answer at `field` is one of the names.
    In(&'static str, Vec<&'static str>),
    /// One of the conditions holds.
    Any(Vec<AskWhen>),
    /// Every condition holds.
    All(Vec<AskWhen>),
}

/// What the tables say about one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Derived {
    section: &'static str,
    field: &'static str,
    kind: Type,
    default: Absent,
    rules: Vec<&'static str>,
    ask_when: Option<AskWhen>,
}

/// The section an answer is asked in (presentation: no rule table says it).
pub(crate) fn section_of(field: &str) -> &'static str {
    match field {
        "/as_of"
        | "/project/classified"
        | "/project/unit_level"
        | "/project/funding"
        | "/project/contract_signed_on"
        | "/project/routine_purchase" => "scope",
        _ => match field.strip_prefix("/facts/").and_then(Fact::from_name) {
            None => match field {
                "/facts/design_chapters" => "planning",
                _ => "project",
            },
            Some(f) => fact_topic(f),
        },
    }
}

fn fact_topic(f: Fact) -> &'static str {
    use Fact::*;
    match f {
        InProjectLibrary
        | InAnnualPlan
        | AuthorityApproved
        | NeedsClear
        | PerformanceGoalsTable
        | PostEvaluationReport
        | OmFundingSource => "planning",
        DataCatalogProvided | DataShared | DuplicateDataCollection => "data",
        IncludesInfrastructure
        | NewInfrastructure
        | NewOwnDatacenter
        | DatacenterRenewalNeeded
        | IncludesOfficeEquipment
        | OnGovCloud
        | PrivateNetworkLease
        | PrivateNetworkIntegrated
        | ConnectedToUnifiedPlatforms
        | PublicServiceContent
        | ConnectedToNingxiaApps
        | ConnectedToCityBrain => "infrastructure",
        DuplicatesExistingSystem
        | SimilarProjectUnaccepted
        | IntegratedWithExisting
        | EDocumentManagement
        | SystemOutOfStep
        | SystemIdle
        | PriorSystemsAccepted
        | IncludesMaintenanceContent => "integration",
        SecurityPlan
        | CryptoPlan
        | MajorSecurityRisk
        | XinchuangCompliant
        | Ipv6Compliant
        | SecurityAssessmentsDone => "security",
        SystemAccepted
        | InSystemCatalog
        | PerformancePassed
        | MovedToSuperiorPlatform
        | PolicyDiscontinued => "maintenance",
    }
}

/// The source of `tables.rs`: every regime's questions as derived.
pub fn tables_source() -> String {
    let mut out = String::from(
        "//! @generated from the rule tables by the derivation in `derive.rs`: do not edit.\n\
         //! Regenerate: `UPDATE_FORM_TABLES=1 cargo test --test form the_form_tables_are_the_derivation`\n\
         //! (the test fails while this file differs from the derivation).\n\n\
         use super::Absent::*;\nuse super::AskWhen::*;\nuse super::Type::*;\n\
         use super::{Asked, Regime, Value};\n\n\
         /// The questions of `regime`, in the order to ask them (by the registry's order).\n\
         pub(super) fn of(regime: Regime) -> &'static [Asked] {\n    \
         TABLES.get(regime.index()).copied().unwrap_or(&[])\n}\n\n\
         const TABLES: &[&[Asked]] = &[\n",
    );
    for r in Regime::ALL {
        let _ = writeln!(out, "    {},", r.name().to_uppercase());
    }
    out.push_str("];\n");
    for &r in Regime::ALL {
        let _ = write!(out, "\nconst {}: &[Asked] = &[\n", r.name().to_uppercase());
        for d in derive(r) {
            let _ = writeln!(
                out,
                "    Asked {{\n        section: {:?},\n        field: {:?},\n        kind: {:?},\n        default: {},\n        rules: &{:?},\n        ask_when: {},\n    }},",
                d.section,
                d.field,
                d.kind,
                absent_source(d.default),
                d.rules,
                d.ask_when.as_ref().map_or("None".to_string(), |w| format!("Some({})", when_source(w))),
            );
        }
        out.push_str("];\n");
    }
    out
}

fn absent_source(a: Absent) -> String {
    match a {
        Absent::Unanswered => "Unanswered".into(),
        Absent::False => "False".into(),
        Absent::Value(v) => format!("Value({v:?})"),
    }
}

fn when_source(w: &AskWhen) -> String {
    let value = |v: &Value| match v {
        Value::Bool(b) => format!("Value::Bool({b})"),
        Value::Name(n) => format!("Value::Name({n:?})"),
    };
    let list = |xs: &[AskWhen]| xs.iter().map(when_source).collect::<Vec<_>>().join(", ");
    match w {
        AskWhen::Equals(f, v) => format!("Equals({f:?}, {})", value(v)),
        AskWhen::In(f, vs) => format!("In({f:?}, &{vs:?})"),
        AskWhen::Any(xs) => format!("Any(&[{}])", list(xs)),
        AskWhen::All(xs) => format!("All(&[{}])", list(xs)),
    }
}

/// One read of an answer by a rule, with the condition under which it matters.
type Read = (&'static str, Option<AskWhen>);

/// An answer, the rules that read it and the condition of each read.
type Reads = (&'static str, Vec<&'static str>, Vec<Option<AskWhen>>);

/// Sets one answer of a change request.
type Set = Box<dyn Fn(&mut ChangeRequest)>;

fn derive(regime: Regime) -> Vec<Derived> {
    let s = spec(regime);
    let p = Probe::new(regime);
    // (field, rules, ask_when per read) in the order reads are met.
    let mut reads: Vec<Reads> = Vec::new();
    let mut add = |field: &'static str, rule: &'static str, when: Option<AskWhen>| {
        let i = match reads.iter().position(|(f, ..)| *f == field) {
            Some(i) => i,
            None => {
                reads.push((field, Vec::new(), Vec::new()));
                reads.len() - 1
            }
        };
        let (_, rules, whens) = &mut reads[i];
        if !rules.contains(&rule) {
            rules.push(rule);
        }
        whens.push(when);
    };
    // The check date grounds the regulation's validity (every check) and the date rules.
    add("/as_of", s.validity_id, None);
    add("/as_of", s.as_of_id, None);
    for rule in s.eligibility.iter().filter(|r| r.effect != Effect::Code) {
        let mut out = Vec::new();
        p.walk(&rule.when, &[], &mut out);
        for (field, when) in out {
            add(field, rule.id, when);
        }
    }
    for (field, rule, when) in p.deadline_reads() {
        add(field, rule, when);
    }

    let mut out = Vec::new();
    let schema = PROJECT_FIELDS
        .iter()
        .copied()
        .chain(
            Fact::ALL
                .iter()
                .map(|f| (f.pointer(), Type::Bool, Absent::Unanswered)),
        )
        .chain(std::iter::once((
            "/facts/design_chapters",
            Type::Choices,
            Absent::Unanswered,
        )));
    for (field, kind, default) in schema {
        if let Some((_, rules, whens)) = reads.iter().find(|(f, ..)| *f == field) {
            out.push(Derived {
                section: section_of(field),
                field,
                kind,
                default,
                rules: rules.clone(),
                ask_when: any_of(whens),
            });
        }
    }
    // The change request: its own section (its `as_of` is the same check date as the
    // application's: a form asks it once and puts it in both inputs).
    let change = change_reads(regime);
    for &(field, kind, default) in CHANGE_FIELDS {
        let rules: Vec<&'static str> = change
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|&(_, r)| r)
            .collect();
        if !rules.is_empty() {
            out.push(Derived {
                section: "change",
                field,
                kind,
                default,
                rules,
                ask_when: None,
            });
        }
    }
    out
}

/// The conditions of several reads of one answer: it matters when any of them holds
/// (always, when one read is unconditional).
fn any_of(whens: &[Option<AskWhen>]) -> Option<AskWhen> {
    let mut list: Vec<AskWhen> = Vec::new();
    for w in whens {
        let w = w.as_ref()?;
        if !list.contains(w) {
            list.push(w.clone());
        }
    }
    // `kind in […]` conditions of one field merge into one.
    let mut merged: Vec<AskWhen> = Vec::new();
    for w in list {
        match (
            &w,
            merged
                .iter_mut()
                .find(|m| matches!((m, &w), (AskWhen::In(a, _), AskWhen::In(b, _)) if a == b)),
        ) {
            (AskWhen::In(_, vs), Some(AskWhen::In(_, into))) => {
                for v in vs {
                    if !into.contains(v) {
                        into.push(v);
                    }
                }
            }
            _ => merged.push(w),
        }
    }
    for m in &mut merged {
        if let AskWhen::In(f, vs) = m {
            if *f == KIND {
                // In the vocabulary's order (no sort: it would add a sort to the Wasm).
                let ordered: Vec<&'static str> = Kind::NAMES
                    .iter()
                    .copied()
                    .filter(|n| vs.contains(n))
                    .collect();
                *vs = ordered;
                if vs.len() == Kind::ALL.len() {
                    return None;
                }
            }
        }
    }
    match merged.len() {
        0 => None,
        1 => merged.pop(),
        _ => Some(AskWhen::Any(merged)),
    }
}

const KIND: &str = "/project/kind";
const TOTAL: &str = "/project/investment/total";
const ENGINEERING: &str = "/project/investment/engineering";
const HARDWARE: &str = "/project/hardware_replacement_only";
const MAIN_FUNCTION: &str = "/project/main_function_changed";

/// Amounts tried where the regime's code compares an amount with a limit it keeps in
/// code (the route's limits): the 1-1.5-2-3-5-6 series over the ranges regulations use.
const AMOUNTS: &[u32] = &[
    0, 1, 2, 3, 5, 6, 10, 15, 20, 30, 50, 60, 100, 150, 200, 300, 500, 600, 1000, 1500, 2000, 3000,
    5000, 6000, 10000, 15000, 20000, 30000, 50000, 60000,
];

/// Runs a regime's code over grids of answers.
struct Probe {
    regime: Regime,
    spec: &'static Spec,
}

impl Probe {
    fn new(regime: Regime) -> Probe {
        Probe {
            regime,
            spec: spec(regime),
        }
    }

    fn app(&self) -> Application {
        Application::new(self.regime)
    }

    /// The effective kind of a project (after the regime's reclassification).
    fn effective(
        &self,
        kind: Option<Kind>,
        hw: bool,
        mfc: Option<bool>,
        total: Option<Money>,
    ) -> Option<Kind> {
        let mut a = self.app();
        a.project.kind = kind;
        a.project.hardware_replacement_only = hw;
        a.project.main_function_changed = mfc;
        a.project.investment.total = total;
        crate::regimes::context(&a).kind
    }

    /// The answers the route waits for on some application of the grid.
    fn route_reads(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let kinds = std::iter::once(None).chain(Kind::ALL.iter().copied().map(Some));
        let fundings = [
            None,
            Some(FundingSet::of(&[Funding::LocalFiscal])),
            Some(FundingSet::of(&[Funding::SelfRaised])),
        ];
        for kind in kinds {
            for total in std::iter::once(None).chain(AMOUNTS.iter().map(|&n| Some(Money::wan(n)))) {
                for funding in fundings {
                    let mut a = self.app();
                    a.project.kind = kind;
                    a.project.investment.total = total;
                    a.project.funding = funding;
                    let c = crate::regimes::context(&a);
                    for ask in c.route_asks {
                        let f = ask.pointer();
                        if !out.contains(&f) {
                            out.push(f);
                        }
                        if f == TOTAL && self.parts_matter() && !out.contains(&ENGINEERING) {
                            out.extend(PARTS);
                        }
                    }
                }
            }
        }
        out
    }

    /// Whether the regime's applicable amount reads the cost parts even when the total
    /// is given (Shizuishan art.4); elsewhere they only stand in for an absent total.
    fn parts_matter(&self) -> bool {
        AMOUNTS.iter().any(|&n| {
            let mut a = self.app();
            a.project.investment.total = Some(Money::wan(n));
            let before = crate::regimes::context(&a).applicable;
            a.project.investment.engineering = Some(Money::wan(n + 1));
            crate::regimes::context(&a).applicable != before
        })
    }

    /// `kind` is read as the effective kind: the input kinds (and answers) that can give
    /// an effective kind in `ks`.
    fn kinds_when(&self, ks: &[Kind]) -> Option<AskWhen> {
        let totals = [None, Some(Money::ZERO), Some(Money::wan(1_000_000))];
        let hits = |kind: Option<Kind>, hw: bool, mfc: Option<bool>| {
            totals.iter().any(|&t| {
                self.effective(kind, hw, mfc, t)
                    .is_some_and(|k| ks.contains(&k))
            })
        };
        let plain: Vec<Kind> = Kind::ALL
            .iter()
            .copied()
            .filter(|&k| hits(Some(k), false, None))
            .collect();
        if plain.len() == Kind::ALL.len() {
            return None;
        }
        let mut any = vec![AskWhen::In(KIND, plain.iter().map(|k| k.name()).collect())];
        let others = || Kind::ALL.iter().copied().filter(|k| !plain.contains(k));
        let all_kinds = std::iter::once(None).chain(Kind::ALL.iter().copied().map(Some));
        if others().next().is_some() && { all_kinds }.all(|k| hits(k, true, None)) {
            any.push(AskWhen::Equals(HARDWARE, Value::Bool(true)));
        } else {
            for k in others().filter(|&k| hits(Some(k), true, None)) {
                any.push(AskWhen::All(vec![
                    AskWhen::Equals(KIND, Value::Name(k.name())),
                    AskWhen::Equals(HARDWARE, Value::Bool(true)),
                ]));
            }
        }
        for k in others() {
            for v in [false, true] {
                if hits(Some(k), false, Some(v)) {
                    any.push(AskWhen::All(vec![
                        AskWhen::Equals(KIND, Value::Name(k.name())),
                        AskWhen::Equals(MAIN_FUNCTION, Value::Bool(v)),
                    ]));
                }
            }
        }
        Some(if any.len() == 1 {
            any.remove(0)
        } else {
            AskWhen::Any(any)
        })
    }

    /// The answers a condition evaluated by code (Wulong's annex classification) reads:
    /// those whose change changes its value on some project of the grid, each with the
    /// input kinds where it does.
    fn code_reads(&self, cond: &Cond) -> Vec<Read> {
        let totals = [None, Some(Money::ZERO), Some(Money::wan(1_000_000))];
        let eval = |kind: Option<Kind>, hw: bool, mfc: Option<bool>, total: Option<Money>| {
            let mut a = self.app();
            a.project.kind = kind;
            a.project.hardware_replacement_only = hw;
            a.project.main_function_changed = mfc;
            a.project.investment.total = total;
            let c = crate::regimes::context(&a);
            cond.eval(&c, &mut Vec::new())
        };
        let kinds: Vec<Option<Kind>> = std::iter::once(None)
            .chain(Kind::ALL.iter().copied().map(Some))
            .collect();
        let mut out: Vec<Read> = Vec::new();
        // For each answer: the kinds where changing it changes the value.
        let mut per_field = |field: &'static str, moved: &dyn Fn(Option<Kind>) -> bool| {
            let at: Vec<Option<Kind>> = kinds.iter().copied().filter(|&k| moved(k)).collect();
            if at.is_empty() {
                return;
            }
            let when = if field == KIND || at.len() == kinds.len() {
                None
            } else {
                Some(AskWhen::In(
                    KIND,
                    at.iter().flatten().map(|k| k.name()).collect(),
                ))
            };
            out.push((field, when));
        };
        let mfcs = [None, Some(false), Some(true)];
        per_field(KIND, &|_| {
            [false, true].iter().any(|&hw| {
                mfcs.iter().any(|&m| {
                    totals.iter().any(|&t| {
                        let v: Vec<Tri> = kinds.iter().map(|&k| eval(k, hw, m, t)).collect();
                        v.windows(2).any(|w| w[0] != w[1])
                    })
                })
            })
        });
        per_field(HARDWARE, &|k| {
            mfcs.iter().any(|&m| {
                totals
                    .iter()
                    .any(|&t| eval(k, false, m, t) != eval(k, true, m, t))
            })
        });
        per_field(MAIN_FUNCTION, &|k| {
            [false, true].iter().any(|&hw| {
                totals.iter().any(|&t| {
                    let v: Vec<Tri> = mfcs.iter().map(|&m| eval(k, hw, m, t)).collect();
                    v.windows(2).any(|w| w[0] != w[1])
                })
            })
        });
        per_field(TOTAL, &|k| {
            [false, true].iter().any(|&hw| {
                mfcs.iter().any(|&m| {
                    let v: Vec<Tri> = totals.iter().map(|&t| eval(k, hw, m, t)).collect();
                    v.windows(2).any(|w| w[0] != w[1])
                })
            })
        });
        out
    }

    /// A condition that can scope the other parts of an `And` (or, as a `When` guard,
    /// its body), as data.
    fn scope(&self, c: &Cond, guard: bool) -> Option<AskWhen> {
        let yes = |f| Some(AskWhen::Equals(f, Value::Bool(true)));
        match *c {
            Cond::Kinds(ks) => self.kinds_when(ks),
            Cond::InputKinds(ks) => Some(AskWhen::In(KIND, ks.iter().map(|k| k.name()).collect())),
            Cond::Category(cat) => Some(AskWhen::Equals(
                "/project/category",
                Value::Name(cat.name()),
            )),
            Cond::Classified => yes("/project/classified"),
            Cond::Not(&Cond::Classified) => {
                Some(AskWhen::Equals("/project/classified", Value::Bool(false)))
            }
            Cond::Emergency => yes("/project/emergency"),
            Cond::CivilWorks => yes("/project/civil_works"),
            Cond::RoutinePurchase => yes("/project/routine_purchase"),
            Cond::HardwareOnly => yes(HARDWARE),
            Cond::Fact(f, v) if guard => Some(AskWhen::Equals(f.pointer(), Value::Bool(v))),
            Cond::And(parts) => {
                let xs: Vec<AskWhen> = parts.iter().filter_map(|p| self.scope(p, guard)).collect();
                (!xs.is_empty()).then_some(AskWhen::All(xs))
            }
            _ => None,
        }
    }

    /// Every answer `c` reads, each with the condition under which it matters (the
    /// `scope` conditions around it).
    fn walk(&self, c: &Cond, scope: &[AskWhen], out: &mut Vec<Read>) {
        let when = || match scope.len() {
            0 => None,
            1 => Some(scope[0].clone()),
            _ => Some(AskWhen::All(scope.to_vec())),
        };
        let mut read = |f: &'static str| out.push((f, when()));
        match *c {
            Cond::Always => {}
            Cond::Fact(f, _) => read(f.pointer()),
            Cond::Kinds(_) | Cond::InputKinds(_) => read(KIND),
            Cond::Category(_) => read("/project/category"),
            Cond::Classified => read("/project/classified"),
            Cond::Emergency => read("/project/emergency"),
            Cond::CivilWorks => read("/project/civil_works"),
            Cond::RoutinePurchase => read("/project/routine_purchase"),
            Cond::HardwareOnly => read(HARDWARE),
            Cond::IncludesConstruction(_) => read("/project/includes_construction"),
            Cond::MainFunctionChanged(_) => read(MAIN_FUNCTION),
            Cond::Total(..) => read(TOTAL),
            Cond::Applicable(..) => {
                read(TOTAL);
                if self.parts_matter() {
                    PARTS.iter().for_each(|&f| read(f));
                }
            }
            Cond::Years(crate::rules::YearsField::Service, ..) => read("/project/service_years"),
            Cond::Years(crate::rules::YearsField::FreeMaintenance, ..) => {
                read("/project/free_maintenance_years")
            }
            Cond::Route(_) | Cond::RouteUndetermined => {
                self.route_reads().into_iter().for_each(&mut read)
            }
            Cond::UnitLevels(_) => read("/project/unit_level"),
            Cond::ContractBefore(_) => read("/project/contract_signed_on"),
            Cond::FundingWithin(_) => read("/project/funding"),
            Cond::ChaptersLacking => read("/facts/design_chapters"),
            Cond::LateAfter(..) => {
                read("/project/budget_year");
                read("/as_of");
            }
            Cond::Computed(x) => {
                // What it reads is declared (`reads`); the kinds where each answer moves
                // its value are found by running it.
                let mut found = self.code_reads(c);
                for ask in x.reads {
                    let f = ask.pointer();
                    if !found.iter().any(|(g, _)| *g == f) {
                        found.push((f, None));
                    }
                }
                for (f, w) in found {
                    let mut sc = scope.to_vec();
                    sc.extend(w);
                    out.push((
                        f,
                        match sc.len() {
                            0 => None,
                            1 => sc.pop(),
                            _ => Some(AskWhen::All(sc)),
                        },
                    ));
                }
            }
            Cond::Not(inner) => self.walk(inner, scope, out),
            Cond::Or(parts) => parts.iter().for_each(|p| self.walk(p, scope, out)),
            Cond::And(parts) => {
                for (i, p) in parts.iter().enumerate() {
                    let mut sc = scope.to_vec();
                    sc.extend(
                        parts
                            .iter()
                            .enumerate()
                            .filter(|&(j, _)| j != i)
                            .filter_map(|(_, q)| self.scope(q, false)),
                    );
                    self.walk(p, &sc, out);
                }
            }
            Cond::When(guard, body) => {
                self.walk(guard, scope, out);
                let mut sc = scope.to_vec();
                sc.extend(self.scope(guard, true));
                self.walk(body, &sc, out);
            }
        }
    }

    /// Answers that move a deadline of `procedure.deadlines` (listed by the rule named in
    /// the deadline): every project field of the schema, set or not, for each kind.
    fn deadline_reads(&self) -> Vec<(&'static str, &'static str, Option<AskWhen>)> {
        let mut out: Vec<(&'static str, &'static str, Vec<Kind>)> = Vec::new();
        for &(field, kind, _) in PROJECT_FIELDS {
            let Some(member) = sample_member(field, kind) else {
                continue;
            };
            for &k in Kind::ALL {
                let deadlines = |with: bool| {
                    let extra = if with {
                        format!(",{member}")
                    } else {
                        String::new()
                    };
                    let text = format!(
                        r#"{{"regime":"{}","project":{{"kind":"{}","investment":{{"total":"100"}}{extra}}}}}"#,
                        self.regime.name(),
                        k.name(),
                    );
                    Application::from_json(&text)
                        .ok()
                        .map(|a| {
                            let c = crate::regimes::context(&a);
                            (self.spec.procedure)(&c).deadlines
                        })
                        .unwrap_or_default()
                };
                let (without, with) = (deadlines(false), deadlines(true));
                if without != with {
                    for d in without.iter().chain(&with) {
                        match out.iter_mut().find(|(f, r, _)| *f == field && *r == d.rule) {
                            Some((.., ks)) if !ks.contains(&k) => ks.push(k),
                            Some(_) => {}
                            None => out.push((field, d.rule, vec![k])),
                        }
                    }
                }
            }
        }
        out.into_iter()
            .map(|(f, r, ks)| {
                let when = (ks.len() < Kind::ALL.len())
                    .then(|| AskWhen::In(KIND, ks.iter().map(|k| k.name()).collect()));
                (f, r, when)
            })
            .collect()
    }
}

const PARTS: [&str; 3] = [
    ENGINEERING,
    "/project/investment/equipment",
    "/project/investment/contingency",
];

/// The member of a project object setting `field` (a top-level `/project/…` pointer) to a
/// present value of its type, e.g. `"budget_year":2027`.
fn sample_member(field: &str, kind: Type) -> Option<String> {
    let value = match kind {
        Type::Bool => "true",
        Type::Money => "\"1\"",
        Type::Date => "\"2026-03-01\"",
        Type::Years => "3",
        Type::Year => "2027",
        Type::Text => "\"x\"",
        Type::Choice | Type::Choices => return None,
    };
    let path = field.strip_prefix("/project/")?;
    (!path.contains('/')).then(|| format!(r#""{path}":{value}"#))
}

// ---------------------------------------------------------------------------------------
// Change approval: its rules are code; what they read is found by running the check.

/// The answers of a change request each change rule reads, found by varying one answer
/// at a time around a few requests: a rule reads an answer when one of its findings or
/// margins changes with it.
fn change_reads(regime: Regime) -> Vec<(&'static str, &'static str)> {
    type Req = ChangeRequest;
    let m = Money::wan;
    let item = |a: u32, p: u32| ChangeItem::new(m(a), m(p));
    let base = |goal: Option<bool>,
                content: Option<bool>,
                reason: Option<ChangeReason>,
                as_of: Option<Date>,
                down: bool| {
        let mut r = Req::new(regime, m(100), vec![item(50, if down { 40 } else { 50 })]);
        r.goal_changed = goal;
        r.content_changed = content;
        r.reason = reason;
        r.as_of = as_of;
        r
    };
    let dates = [None, Some(Date::ymd(2026, 6, 1))];
    let mut bases = Vec::new();
    for goal in [None, Some(false)] {
        for content in [None, Some(false)] {
            for reason in [
                None,
                Some(ChangeReason::TechnicalOptimization),
                Some(ChangeReason::ExternalChange),
            ] {
                for as_of in dates {
                    for down in [false, true] {
                        bases.push(base(goal, content, reason, as_of, down));
                    }
                    // A tender saving going down: what could be savings only.
                    let mut r = base(goal, content, reason, as_of, true);
                    first(&mut r, |i| i.tender_savings = true);
                    bases.push(r);
                }
            }
        }
    }
    // Each answer and the values it is varied over.
    fn first(r: &mut ChangeRequest, set: impl FnOnce(&mut ChangeItem)) {
        if let Some(i) = r.items.first_mut() {
            set(i);
        }
    }
    let variations: Vec<(&'static str, Vec<Set>)> = vec![
        (
            "/as_of",
            vec![
                Box::new(|r: &mut Req| r.as_of = None),
                Box::new(|r: &mut Req| r.as_of = Some(Date::ymd(2026, 6, 1))),
                Box::new(|r: &mut Req| r.as_of = Some(Date::ymd(2026, 9, 1))),
                Box::new(|r: &mut Req| r.as_of = Some(Date::ymd(2000, 1, 1))),
            ],
        ),
        (
            "/changed_on",
            vec![
                Box::new(|r: &mut Req| r.changed_on = None),
                Box::new(|r: &mut Req| r.changed_on = Some(Date::ymd(2026, 5, 1))),
            ],
        ),
        (
            "/approved_total",
            vec![
                Box::new(|r: &mut Req| r.approved_total = Some(Money::wan(100))),
                Box::new(|r: &mut Req| r.approved_total = Some(Money::wan(1000))),
            ],
        ),
        (
            "/goal_changed",
            vec![
                Box::new(|r: &mut Req| r.goal_changed = None),
                Box::new(|r: &mut Req| r.goal_changed = Some(false)),
                Box::new(|r: &mut Req| r.goal_changed = Some(true)),
            ],
        ),
        (
            "/content_changed",
            vec![
                Box::new(|r: &mut Req| r.content_changed = None),
                Box::new(|r: &mut Req| r.content_changed = Some(false)),
                Box::new(|r: &mut Req| r.content_changed = Some(true)),
            ],
        ),
        (
            "/reason",
            std::iter::once(None)
                .chain(ChangeReason::ALL.iter().copied().map(Some))
                .map(|x| Box::new(move |r: &mut Req| r.reason = x) as Set)
                .collect(),
        ),
        (
            "/budget_year",
            vec![
                Box::new(|r: &mut Req| r.budget_year = None),
                Box::new(|r: &mut Req| r.budget_year = Some(2026)),
                Box::new(|r: &mut Req| r.budget_year = Some(2027)),
            ],
        ),
        (
            "/items/-/approved",
            [50u32, 0, 45]
                .iter()
                .map(|&n| Box::new(move |r: &mut Req| first(r, |i| i.approved = Some(m(n)))) as Set)
                .collect(),
        ),
        (
            "/items/-/proposed",
            [50u32, 40, 70, 300]
                .iter()
                .map(|&n| Box::new(move |r: &mut Req| first(r, |i| i.proposed = Some(m(n)))) as Set)
                .collect(),
        ),
        (
            "/items/-/new",
            [false, true]
                .iter()
                .map(|&b| Box::new(move |r: &mut Req| first(r, |i| i.new = b)) as Set)
                .collect(),
        ),
        (
            "/items/-/tender_savings",
            [false, true]
                .iter()
                .map(|&b| Box::new(move |r: &mut Req| first(r, |i| i.tender_savings = b)) as Set)
                .collect(),
        ),
    ];
    let mut out: Vec<(&'static str, &'static str)> = Vec::new();
    for (field, values) in &variations {
        for b in &bases {
            let sigs: Vec<Vec<(&'static str, String)>> = values
                .iter()
                .map(|set| {
                    let mut r = b.clone();
                    set(&mut r);
                    change_signature(&r)
                })
                .collect();
            let s = spec(regime);
            let table = spec(regime).change.rules.iter().map(|r| r.id);
            for rule in table.chain([s.validity_id, s.as_of_id]) {
                let of = |s: &Vec<(&'static str, String)>| -> Vec<String> {
                    s.iter()
                        .filter(|(id, _)| *id == rule)
                        .map(|(_, x)| x.clone())
                        .collect()
                };
                let first = of(&sigs[0]);
                if sigs.iter().skip(1).any(|s| of(s) != first) && !out.contains(&(*field, rule)) {
                    out.push((*field, rule));
                }
            }
        }
    }
    // By field, and per field in the order of the findings: validity first, then the
    // regime's table.
    let s = spec(regime);
    let ids: Vec<&'static str> = [s.validity_id, s.as_of_id]
        .into_iter()
        .chain(spec(regime).change.rules.iter().map(|r| r.id))
        .collect();
    let mut ordered = Vec::with_capacity(out.len());
    for (field, _) in &variations {
        for &id in &ids {
            if out.contains(&(*field, id)) {
                ordered.push((*field, id));
            }
        }
    }
    ordered
}

/// Each rule's findings (and the missing findings that name it) and margins, as text.
fn change_signature(r: &ChangeRequest) -> Vec<(&'static str, String)> {
    let Ok(v) = crate::checks::change::check_change(r) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for f in &v.findings {
        let text = [f.level.name(), f.field.as_deref().unwrap_or(""), &f.message].join(" ");
        out.push((f.rule, text.clone()));
        for &id in &f.rules {
            out.push((id, text.clone()));
        }
    }
    for m in &v.margins {
        let text =
            |d: Option<rust_decimal::Decimal>| d.map(crate::rules::change::n).unwrap_or_default();
        out.push((m.rule, [text(m.limit), text(m.headroom)].join(" ")));
    }
    out
}
