//! 石嘴山市政务信息化项目管理办法（送审稿） — table to be written.

use super::Spec;
use crate::rules::{Ctx, Rule};
use crate::verdict::Procedure;

/// The regulation.
pub static SPEC: Spec = Spec {
    regime: crate::model::Regime::Shizuishan,
    title: "石嘴山市政务信息化项目管理办法（送审稿）",
    effective_from: None,
    effective_until: None,
    draft: false,
    validity_article: "",
    validity_id: "shizuishan.validity",
    as_of_id: "shizuishan.as_of",
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
