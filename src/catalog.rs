//! The helper calls: `regimes`, `rules`, `version`.

use crate::date::Date;
use crate::locale::Locale;
use crate::model::Regime;
use crate::regimes::spec;
use crate::rules::{Effect, RuleInfo};
use crate::verdict::{Status, RULESET};
use serde::Serialize;

/// A regime as `regimes` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct RegimeInfo {
    /// Regime id.
    pub id: Regime,
    /// Title of the regulation.
    pub title: &'static str,
    /// First day in force.
    pub effective_from: Option<Date>,
    /// Last day in force.
    pub effective_until: Option<Date>,
    /// Status on the date asked about.
    pub status: Status,
}

/// Every regime with its status on `as_of`.
pub fn regimes(as_of: Option<Date>) -> Vec<RegimeInfo> {
    Regime::ALL
        .iter()
        .map(|&r| {
            let s = spec(r);
            RegimeInfo {
                id: r,
                title: s.title,
                effective_from: s.effective_from,
                effective_until: s.effective_until,
                status: s.status(as_of),
            }
        })
        .collect()
}

/// The rule catalog of `regime`, in table order: eligibility, then change approval,
/// then (Wulong) the fee boundary table and project classes.
pub fn rules(regime: Regime, locale: Locale) -> Vec<RuleInfo> {
    let s = spec(regime);
    let check = |r: &crate::rules::Rule, name: &'static str| RuleInfo {
        id: r.id,
        check: name,
        article: r.article,
        level: r.level,
        title: r.title.get(locale),
        clause: r.clause,
    };
    let mut out: Vec<RuleInfo> = s
        .eligibility
        .iter()
        .filter(|r| r.effect != Effect::Code)
        .map(|r| check(r, "eligibility"))
        .collect();
    out.extend(
        crate::change::rules(regime)
            .iter()
            .map(|r| check(r, "change")),
    );
    out.extend(crate::cost::rules(regime, locale));
    out
}

/// The `ruleset` string: `govit-check <version>`.
pub fn version() -> &'static str {
    RULESET
}
