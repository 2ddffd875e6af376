//! Writes an [`Application`] back as contract JSON (§2), for round-trip properties and
//! the typed fuzz target (which includes this file by path). Every field the reader
//! knows is written; absent fields are left out.

use govit_check::{Application, Chapter, Fact, Funding};
use serde_json::{json, Map, Value};

/// The application as the JSON a form would send.
pub fn app_to_json(app: &Application) -> Value {
    let p = &app.project;
    let mut project = Map::new();
    let mut put = |k: &str, v: Option<Value>| {
        if let Some(v) = v {
            project.insert(k.to_string(), v);
        }
    };
    put("name", p.name.clone().map(Value::String));
    put("kind", p.kind.map(|k| json!(k.name())));
    put("category", p.category.map(|c| json!(c.name())));
    put("classified", Some(json!(p.classified)));
    put("unit_level", p.unit_level.map(|u| json!(u.name())));
    let inv = &p.investment;
    let mut investment = Map::new();
    for (k, m) in [
        ("total", inv.total),
        ("engineering", inv.engineering),
        ("equipment", inv.equipment),
        ("contingency", inv.contingency),
    ] {
        if let Some(m) = m {
            investment.insert(k.to_string(), json!(m.to_string()));
        }
    }
    put("investment", Some(Value::Object(investment)));
    put(
        "funding",
        p.funding.map(|set| {
            Value::Array(
                Funding::ALL
                    .iter()
                    .filter(|f| set.contains(**f))
                    .map(|f| json!(f.name()))
                    .collect(),
            )
        }),
    );
    put("budget_year", p.budget_year.map(|y| json!(y)));
    put(
        "service_years",
        p.service_years.map(|y| json!(y.to_string())),
    );
    put(
        "free_maintenance_years",
        p.free_maintenance_years.map(|y| json!(y.to_string())),
    );
    put(
        "includes_construction",
        p.includes_construction.map(|b| json!(b)),
    );
    put(
        "main_function_changed",
        p.main_function_changed.map(|b| json!(b)),
    );
    put(
        "hardware_replacement_only",
        Some(json!(p.hardware_replacement_only)),
    );
    put("emergency", Some(json!(p.emergency)));
    put("civil_works", Some(json!(p.civil_works)));
    put("routine_purchase", Some(json!(p.routine_purchase)));
    put(
        "contract_signed_on",
        p.contract_signed_on.map(|d| json!(d.to_string())),
    );
    put(
        "tender_completed_on",
        p.tender_completed_on.map(|d| json!(d.to_string())),
    );

    let mut facts = Map::new();
    for f in Fact::ALL {
        if let Some(b) = app.facts.get(*f) {
            facts.insert(f.name().to_string(), json!(b));
        }
    }
    if let Some(set) = app.facts.design_chapters {
        facts.insert(
            "design_chapters".into(),
            Value::Array(
                Chapter::ALL
                    .iter()
                    .filter(|c| set.contains(**c))
                    .map(|c| json!(c.name()))
                    .collect(),
            ),
        );
    }

    let mut root = Map::new();
    root.insert("regime".into(), json!(app.regime.name()));
    if let Some(d) = app.as_of {
        root.insert("as_of".into(), json!(d.to_string()));
    }
    root.insert("locale".into(), json!(app.locale.tag()));
    root.insert("project".into(), Value::Object(project));
    root.insert("facts".into(), Value::Object(facts));
    Value::Object(root)
}
