//! 楚雄州政务信息化项目管理办法（试行） — table to be written.

use super::Spec;
use crate::rules::{Ctx, Rule};
use crate::verdict::Procedure;

/// The regulation.
pub static SPEC: Spec = Spec {
    regime: crate::model::Regime::Chuxiong,
    title: "楚雄州政务信息化项目管理办法（试行）",
    effective_from: None,
    effective_until: None,
    draft: false,
    validity_article: "",
    validity_id: "chuxiong.validity",
    as_of_id: "chuxiong.as_of",
    eligibility: ELIGIBILITY,
    prepare,
    procedure,
};

fn prepare(_c: &mut Ctx<'_>) {}

fn procedure(_c: &Ctx<'_>) -> Procedure {
    Procedure::NONE
}

/// The eligibility table, in the order of rules.md.
pub const ELIGIBILITY: &[Rule] = &[];
