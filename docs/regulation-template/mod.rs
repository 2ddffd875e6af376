//! 示例市政务信息化项目管理办法 — the template of docs/adding-a-regulation.md.
//!
//! Copy this folder to `src/regimes/<id>/`, replace `example` by the regulation's id
//! everywhere (the rule ids' prefix), write its rules from the text, and add one line to
//! the registry in `src/regimes/mod.rs`. Every rule cites its article and quotes its clause.

mod change;
mod fees;

use super::{ChangeSpec, Spec};
use crate::date::Date;
use crate::locale::{shown, Text};
use crate::model::Fact::*;
use crate::model::UnitLevel;
use crate::money::Money;
use crate::rules::{Cmp, Cond, Ctx, Effect, Rule, CONSTRUCTION};
use crate::verdict::{Document, Level, Procedure, Route};

/// The regulation: title, validity, tables, procedure.
pub static SPEC: Spec = Spec {
    id: "example",
    place: Text::new("示例市", "Example City"),
    title: "示例市政务信息化项目管理办法",
    effective_from: Some(Date::ymd(2026, 1, 1)),
    effective_until: None,
    draft: false,
    validity_article: "第三十条",
    validity_clause: shown!("本办法自2026年1月1日起施行。"),
    validity_id: "example.validity",
    as_of_id: "example.as_of",
    horizon_id: "example.validity.horizon",
    eligibility: ELIGIBILITY,
    prepare,
    procedure,
    change: ChangeSpec {
        rules: change::RULES,
        decide: change::decide,
        tender_savings_excluded: false,
        asks_as_of: false,
        savings: change::SAVINGS,
    },
    // Its fee boundary table (`cost`, `costs`); no project classes.
    fees: Some(&fees::FEES),
    classes: None,
    // The region's names of unit levels and funds (the form's options).
    region: shown!(crate::model::Region::CONTRACT),
};

/// Regime-specific context: here every project is approved.
fn prepare(c: &mut Ctx<'_>) {
    c.route = Route::Approval;
}

/// 第十条: the documents of the approval route.
fn procedure(_c: &Ctx<'_>) -> Procedure {
    Procedure {
        authority: Some("市数据局"),
        documents: vec![Document::ProjectPlan],
        supervision_required: None,
        regional_review: false,
        acceptance: None,
        deadlines: Vec::new(),
    }
}

/// The eligibility table, in the order of the regulation.
pub const ELIGIBILITY: &[Rule] = &[
    Rule {
        id: "example.2",
        article: "第二条",
        level: Level::Info,
        title: shown!(Text::new("仅适用于市本级项目", "Municipal projects only")),
        clause: shown!("本办法适用于市本级政务信息化项目。"),
        when: Cond::UnitLevels(&[UnitLevel::County, UnitLevel::Township]),
        effect: Effect::NotApplicable,
        message: Text::new(
            "本办法只适用于市本级项目。请按所在县（区）、乡镇的规定办理。",
            "This regulation covers municipal projects only. Follow your county's or township's rules.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "example.8",
        article: "第八条",
        title: shown!(Text::new("须纳入项目库", "Must be in the project library")),
        clause: shown!("未纳入项目库的项目，不予审批。"),
        when: Cond::Fact(InProjectLibrary, false),
        message: Text::new(
            "项目未纳入项目库，不予审批。请先将项目录入项目库再申报。",
            "The project is not in the project library, so it is not approved. Enter it in the library first.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "example.12",
        article: "第十二条",
        title: shown!(Text::new("新建、改扩建项目须上政务云", "New or upgraded systems run on the government cloud")),
        clause: shown!("新建、改扩建的政务信息系统应当部署在政务云。"),
        when: Cond::And(&[Cond::Kinds(CONSTRUCTION), Cond::Fact(OnGovCloud, false)]),
        message: Text::new(
            "新建或改扩建的系统未部署在政务云，不予审批。请将系统部署到政务云后再申报。",
            "A new or upgraded system not on the government cloud is not approved. Deploy it there first.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "example.20",
        article: "第二十条",
        level: Level::Require,
        title: shown!(Text::new("500万元以上实行监理", "Supervision from 500 万元")),
        clause: shown!("总投资500万元以上的项目应当实行监理。"),
        when: Cond::Total(Cmp::Ge, Money::wan(500)),
        message: Text::new(
            "总投资 500 万元以上，应当委托监理单位对建设全过程进行监理。",
            "From 500 万元 the project is supervised: engage a supervision firm.",
        ),
        ..Rule::BASE
    },
];
