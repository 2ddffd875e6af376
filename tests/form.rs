//! `form` asks exactly what the checks read (contract §8), proved by running the checks,
//! not by restating the question lists: over thousands of enumerated applications and
//! change requests per regime,
//!
//! - every field a check asks for (`missing`) is a question of the regime's form, and the
//!   rules the finding names are among the question's `rules`;
//! - every question is read: some application changes its verdict when only that answer
//!   changes;
//! - every field of the input that is not a question is never read: changing it changes
//!   no verdict;
//! - `ask_when` is a necessary condition: where it cannot hold, the answer changes no
//!   verdict and is never asked for.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test: a failure is a failed test"
)]

use govit_check::{form, AskWhen, Form, Locale, Question, Regime, Value};
use serde_json::{json, Value as Json};

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() % xs.len() as u64) as usize]
    }
}

/// The values each field of an application can take (`null`: absent), the input
/// schema of contract §2 — not any regime's question list.
fn application_domains() -> Vec<(String, Vec<Json>)> {
    let b3 = || vec![Json::Null, json!(true), json!(false)];
    let mostly_false = || {
        vec![
            Json::Null,
            Json::Null,
            json!(false),
            json!(false),
            json!(true),
        ]
    };
    let mut d: Vec<(String, Vec<Json>)> = vec![
        (
            "/as_of".into(),
            vec![
                Json::Null,
                json!("2020-01-01"),
                json!("2025-06-01"),
                json!("2026-06-15"),
                json!("2026-06-15"),
                json!("2026-10-15"),
                json!("2027-03-01"),
            ],
        ),
        ("/project/name".into(), vec![Json::Null, json!("系统")]),
        (
            "/project/kind".into(),
            vec![
                Json::Null,
                json!("new"),
                json!("expansion"),
                json!("renovation"),
                json!("continuation"),
                json!("maintenance"),
                json!("service"),
            ],
        ),
        (
            "/project/category".into(),
            vec![
                Json::Null,
                json!("engineering"),
                json!("goods"),
                json!("service"),
            ],
        ),
        ("/project/classified".into(), mostly_false()),
        (
            "/project/unit_level".into(),
            vec![
                Json::Null,
                Json::Null,
                json!("municipal"),
                json!("county"),
                json!("township"),
            ],
        ),
        (
            "/project/investment/total".into(),
            [
                "0",
                "19.99",
                "20",
                "30",
                "49.999999",
                "50",
                "59.999999",
                "60",
                "199",
                "200",
                "499",
                "500",
                "1500",
                "2999",
                "3000",
                "5000",
            ]
            .iter()
            .map(|s| json!(s))
            .chain([Json::Null, Json::Null])
            .collect(),
        ),
        (
            "/project/investment/engineering".into(),
            vec![Json::Null, Json::Null, Json::Null, json!("10"), json!("70")],
        ),
        (
            "/project/investment/equipment".into(),
            vec![Json::Null, Json::Null, Json::Null, json!("20")],
        ),
        (
            "/project/investment/contingency".into(),
            vec![Json::Null, Json::Null, Json::Null, json!("5")],
        ),
        (
            "/project/funding".into(),
            vec![
                Json::Null,
                json!([]),
                json!(["local_fiscal"]),
                json!(["central"]),
                json!(["provincial"]),
                json!(["superior_special"]),
                json!(["self_raised"]),
                json!(["enterprise_free"]),
                json!(["social_capital"]),
                json!(["local_fiscal", "central"]),
                json!(["enterprise_free", "social_capital"]),
            ],
        ),
        (
            "/project/budget_year".into(),
            vec![Json::Null, json!(2025), json!(2026), json!(2027)],
        ),
        (
            "/project/service_years".into(),
            vec![Json::Null, json!(2), json!(3), json!(4)],
        ),
        (
            "/project/free_maintenance_years".into(),
            vec![Json::Null, json!(2), json!(3), json!(4)],
        ),
        ("/project/includes_construction".into(), b3()),
        ("/project/main_function_changed".into(), b3()),
        ("/project/hardware_replacement_only".into(), mostly_false()),
        ("/project/emergency".into(), mostly_false()),
        ("/project/civil_works".into(), mostly_false()),
        ("/project/routine_purchase".into(), mostly_false()),
        (
            "/project/contract_signed_on".into(),
            vec![
                Json::Null,
                Json::Null,
                Json::Null,
                json!("2025-05-07"),
                json!("2025-05-08"),
            ],
        ),
        (
            "/project/tender_completed_on".into(),
            vec![Json::Null, json!("2026-03-01"), json!("2026-01-31")],
        ),
        (
            "/facts/design_chapters".into(),
            vec![
                Json::Null,
                json!([]),
                json!([
                    "data_governance",
                    "data_sharing_analysis",
                    "security_measures",
                    "crypto_plan",
                    "intensive_construction"
                ]),
                json!(["crypto_plan"]),
            ],
        ),
    ];
    for f in govit_check::Fact::ALL {
        d.push((f.pointer().to_string(), b3()));
    }
    d
}

fn change_domains() -> Vec<(String, Vec<Json>)> {
    let b3 = || vec![Json::Null, json!(true), json!(false)];
    vec![
        (
            "/as_of".into(),
            vec![
                Json::Null,
                json!("2000-01-01"),
                json!("2026-06-15"),
                json!("2026-08-15"),
                json!("2027-05-01"),
            ],
        ),
        ("/changed_on".into(), vec![Json::Null, json!("2026-05-01")]),
        (
            "/approved_total".into(),
            vec![json!("100"), json!("1000"), json!("4000")],
        ),
        ("/goal_changed".into(), b3()),
        ("/content_changed".into(), b3()),
        (
            "/reason".into(),
            vec![
                Json::Null,
                json!("policy_requirement"),
                json!("technical_optimization"),
                json!("business_development"),
                json!("external_change"),
                json!("other"),
            ],
        ),
        (
            "/budget_year".into(),
            vec![Json::Null, json!(2026), json!(2027)],
        ),
        ("/items/-/name".into(), vec![Json::Null, json!("子系统")]),
        (
            "/items/-/approved".into(),
            vec![json!("50"), json!("0"), json!("45"), json!("90")],
        ),
        (
            "/items/-/proposed".into(),
            vec![
                json!("50"),
                json!("40"),
                json!("56"),
                json!("70"),
                json!("300"),
                json!("0"),
            ],
        ),
        ("/items/-/new".into(), b3()),
        ("/items/-/tender_savings".into(), b3()),
    ]
}

/// Sets `ptr` in `root` (`null`: removes it); `/items/-/x` sets `x` in every item.
fn set(root: &mut Json, ptr: &str, v: &Json) {
    if let Some(rest) = ptr.strip_prefix("/items/-/") {
        for item in root["items"].as_array_mut().unwrap() {
            set(item, &format!("/{rest}"), v);
        }
        return;
    }
    let parts: Vec<&str> = ptr.trim_start_matches('/').split('/').collect();
    let mut o = root;
    for p in &parts[..parts.len() - 1] {
        if o.get(*p).is_none() {
            o[*p] = json!({});
        }
        o = o.get_mut(*p).unwrap();
    }
    let last = parts[parts.len() - 1];
    if v.is_null() {
        o.as_object_mut().unwrap().remove(last);
    } else {
        o[last] = v.clone();
    }
}

fn get<'a>(root: &'a Json, ptr: &str) -> &'a Json {
    let ptr = ptr.replace("/items/-/", "/items/0/");
    root.pointer(&ptr).unwrap_or(&Json::Null)
}

/// A verdict reduced to what the rules decide, comparable, and its findings: the
/// typed API (faster than JSON in a debug build). `as_of` and an `effective_kind` equal
/// to the input's kind (echoes) and a change's
/// `figures` (reported whatever the rules read) are left out.
#[derive(PartialEq, Debug)]
enum Decided {
    Eligibility(govit_check::Verdict),
    Change(govit_check::ChangeVerdict),
}

impl Decided {
    fn findings(&self) -> &[govit_check::Finding] {
        match self {
            Decided::Eligibility(v) => &v.findings,
            Decided::Change(v) => &v.findings,
        }
    }
}

fn verdict(check: &str, input: &Json) -> Decided {
    let text = input.to_string();
    match check {
        "eligibility" => {
            let app = govit_check::Application::from_json(&text).unwrap();
            let mut v = govit_check::check_eligibility(&app);
            v.as_of = None;
            // `effective_kind` echoes the input's kind unless the regulation reclassifies
            // it (Wulong's annex): an echo is no reading, so a regulation whose rules never
            // read the kind does not ask it (docs/adding-a-regulation.md).
            if v.effective_kind == app.project.kind {
                v.effective_kind = None;
            }
            // `input.investment_sum` (revision 3) checks the input's own arithmetic, not
            // a regulation: the parts a form sends beside the total are not questions of
            // a regulation that reads only the total.
            v.findings.retain(|f| f.rule != "input.investment_sum");
            Decided::Eligibility(v)
        }
        _ => {
            let r = govit_check::ChangeRequest::from_json(&text)
                .unwrap_or_else(|e| panic!("{text}: {e}"));
            let mut v = govit_check::check_change(&r).unwrap();
            v.as_of = None;
            v.figures = govit_check::check_change(&govit_check::ChangeRequest::new(
                r.regime,
                govit_check::Money::wan(1),
                Vec::new(),
            ))
            .unwrap()
            .figures;
            Decided::Change(v)
        }
    }
}

fn questions(f: &Form, check: &str) -> Vec<Question> {
    f.sections
        .iter()
        .filter(|s| s.check == check)
        .flat_map(|s| s.questions.clone())
        .collect()
}

/// Inputs enumerated per regime (each varied one answer at a time, every answer).
const N_APPS: usize = 250;
const N_CHANGES: usize = 250;

fn answer_of(input: &Json) -> impl Fn(&str) -> Option<Value> + '_ {
    move |ptr: &str| match get(input, ptr) {
        Json::Bool(b) => Some(Value::Bool(*b)),
        Json::String(s) => Some(Value::Name(Box::leak(s.clone().into_boxed_str()))),
        Json::Null => match ptr {
            // What an absent check box and unit level read as (contract §2).
            "/project/classified"
            | "/project/hardware_replacement_only"
            | "/project/emergency"
            | "/project/civil_works"
            | "/project/routine_purchase" => Some(Value::Bool(false)),
            _ => None,
        },
        _ => None,
    }
}

/// Runs the four properties for one check of one regime over `n` enumerated inputs.
fn prove(
    regime: Regime,
    check: &str,
    domains: &[(String, Vec<Json>)],
    base: Json,
    n: usize,
    seed: u64,
) {
    let f = form(regime, Locale::Zh);
    let qs = questions(&f, check);
    let mut rng = Rng(seed);
    let mut witnessed: Vec<bool> = vec![false; qs.len()];
    for _ in 0..n {
        let mut input = base.clone();
        for (ptr, values) in domains {
            set(&mut input, ptr, rng.pick(values));
        }
        let v = verdict(check, &input);
        // Every field asked for is a question; its rules are the question's.
        for finding in v.findings() {
            if finding.level != govit_check::Level::Missing {
                continue;
            }
            let field = finding.field.as_deref().unwrap();
            let field = if field.starts_with("/items/") {
                "/items/-/x"
            } else {
                field
            };
            let q = qs.iter().find(|q| q.field == field);
            let q = q.unwrap_or_else(|| {
                panic!("{regime} {check}: {field} is asked for but no question: {input}")
            });
            for r in &finding.rules {
                assert!(
                    q.rules.contains(r),
                    "{regime} {check}: {field} asked by {r}, not in {:?}",
                    q.rules
                );
            }
            if let Some(w) = &q.ask_when {
                assert!(
                    w.may_hold(&answer_of(&input)),
                    "{regime} {check}: {field} asked where ask_when {w:?} cannot hold: {input}"
                );
            }
        }
        // Each field: changing only it changes the verdict iff it is a question (and,
        // where its ask_when cannot hold, never).
        for (ptr, values) in domains {
            let q = qs.iter().position(|q| q.field == ptr);
            // The cost parts stand in for an absent total everywhere (contract §2); only
            // a regime whose applicable amount reads them (Shizuishan) asks them.
            if q.is_none()
                && ptr.starts_with("/project/investment/")
                && get(&input, "/project/investment/total").is_null()
            {
                continue;
            }
            let now = get(&input, ptr).clone();
            // One other value each time (the samples cover the rest).
            let others: Vec<&Json> = values.iter().filter(|x| **x != now).collect();
            if let Some(alt) = others.get((rng.next() % others.len().max(1) as u64) as usize) {
                let mut other = input.clone();
                set(&mut other, ptr, alt);
                let w = verdict(check, &other);
                let moved = w != v;
                match q {
                    None => assert!(!moved, "{regime} {check}: {ptr} is no question, yet {now} → {alt} changes the verdict of {input}"),
                    Some(i) => {
                        if moved {
                            witnessed[i] = true;
                            if let Some(aw) = &qs[i].ask_when {
                                let holds = aw.may_hold(&answer_of(&input)) || aw.may_hold(&answer_of(&other));
                                assert!(holds, "{regime} {check}: {ptr} moves the verdict where ask_when {aw:?} cannot hold: {input}");
                            }
                        }
                    }
                }
            }
        }
    }
    for (q, w) in qs.iter().zip(&witnessed) {
        assert!(
            w,
            "{regime} {check}: question {} ({:?}) never changed a verdict in {n} inputs",
            q.field, q.rules
        );
    }
}

#[test]
fn eligibility_questions_are_exactly_what_the_rules_read() {
    let domains = application_domains();
    for (i, &regime) in Regime::ALL.iter().enumerate() {
        prove(
            regime,
            "eligibility",
            &domains,
            json!({"regime": regime.name()}),
            N_APPS,
            0x9E37_79B9 + i as u64,
        );
    }
}

#[test]
fn change_questions_are_exactly_what_the_rules_read() {
    let domains = change_domains();
    for (i, &regime) in Regime::ALL.iter().enumerate() {
        let base = json!({"regime": regime.name(), "items": [{"approved": "50", "proposed": "50"}, {"approved": "30", "proposed": "30"}]});
        prove(
            regime,
            "change",
            &domains,
            base,
            N_CHANGES,
            0x51_7CC1 + i as u64,
        );
    }
}

/// The form is the same on every call and in both locales but for its words.
#[test]
fn form_is_stable_and_bilingual() {
    for &r in Regime::ALL {
        let zh = form(r, Locale::Zh);
        let en = form(r, Locale::En);
        assert_eq!(zh, form(r, Locale::Zh));
        let fields = |f: &Form| -> Vec<(&str, &[&str], Option<AskWhen>)> {
            f.sections
                .iter()
                .flat_map(|s| &s.questions)
                .map(|q| (q.field, q.rules, q.ask_when))
                .collect()
        };
        assert_eq!(fields(&zh), fields(&en), "{r}");
        for q in en.sections.iter().flat_map(|s| &s.questions) {
            assert!(
                q.label
                    .starts_with(|c: char| c.is_ascii_uppercase() || !c.is_ascii()),
                "{r} {}: {}",
                q.field,
                q.label
            );
            assert!(!q.label.starts_with('/'), "{r}: {} has no label", q.field);
        }
    }
}

/// Options list only what the region has, in its own words.
#[test]
fn options_speak_the_regions_language() {
    let opts = |r: Regime, field: &str| -> Vec<String> {
        form(r, Locale::Zh)
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .find(|q| q.field == field)
            .map(|q| {
                q.options
                    .iter()
                    .map(|o| format!("{}={}", o.value, o.label))
                    .collect()
            })
            .unwrap_or_default()
    };
    let wulong = opts(Regime::WULONG, "/project/unit_level").join(" ");
    assert!(
        !wulong.contains('旗') && !wulong.contains("苏木") && !wulong.contains("county"),
        "{wulong}"
    );
    let baotou = opts(Regime::BAOTOU, "/project/unit_level").join(" ");
    assert!(
        baotou.contains("旗县区") && baotou.contains("苏木"),
        "{baotou}"
    );
    for r in [Regime::CHUXIONG, Regime::WULONG] {
        for field in ["/project/funding", "/project/unit_level"] {
            let o = opts(r, field).join(" ");
            assert!(!o.contains("自治区"), "{r} {field}: {o}");
        }
    }
    let baotou_funding = opts(Regime::BAOTOU, "/project/funding").join(" ");
    assert!(baotou_funding.contains("自治区"), "{baotou_funding}");
}

/// `src/form/tables.rs` (what every surface, the Wasm build included, answers `form`
/// from) is what the derivation finds in the rule tables today. After a rule change:
/// `UPDATE_FORM_TABLES=1 cargo test --test form the_form_tables_are_the_derivation`
/// rewrites it (name the test: the file's other tests run on the tables compiled in).
#[test]
fn the_form_tables_are_the_derivation() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/form/tables.rs");
    let derived = govit_check::form_tables_source();
    let committed = std::fs::read_to_string(path).unwrap();
    if std::env::var_os("UPDATE_FORM_TABLES").is_some() && derived != committed {
        std::fs::write(path, &derived).unwrap();
        return;
    }
    assert!(
        derived == committed,
        "src/form/tables.rs differs from what the rule tables give: run UPDATE_FORM_TABLES=1 cargo test --test form the_form_tables_are_the_derivation"
    );
}

/// The catalogs the npm package ships as assets (`govit_check::Catalog`): one per regime,
/// check (`rules`, `form`) and locale, named as the asset is, each the very text every
/// surface answers that request with; a request for one is read and checked first.
#[test]
fn every_catalog_is_named_and_written_as_every_surface_answers_it() {
    use govit_check::{evaluate_answer, evaluate_str, Answer, Catalog};
    let all: Vec<Catalog> = Catalog::all().collect();
    assert_eq!(all.len(), Regime::ALL.len() * 2 * 2);
    let mut names: Vec<String> = all.iter().map(Catalog::name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), all.len(), "catalog names are distinct");
    for c in &all {
        let input = json!({ "regime": c.regime.name(), "locale": c.locale.tag() }).to_string();
        assert_eq!(c.to_json(), evaluate_str(c.check, &input), "{}", c.name());
        assert_eq!(
            evaluate_answer(Some(c.check), &input).unwrap(),
            Answer::Catalog(*c),
            "{}",
            c.name()
        );
    }
    assert!(Catalog::all().any(|c| c.name() == "form.wulong.zh-CN"));
    let e = evaluate_answer(Some("rules"), r#"{"regime":"beijing"}"#).unwrap_err();
    assert_eq!(e.error.code(), "unknown_regime");
    assert!(matches!(
        evaluate_answer(Some("version"), "{}").unwrap(),
        Answer::Text(t) if t == evaluate_str("version", "{}")
    ));
}
