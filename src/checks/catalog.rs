//! The helper calls: `regimes`, `rules`, `version`.

use crate::date::Date;
#[cfg(feature = "catalog")]
use crate::locale::{Locale, Text};
use crate::model::Regime;
use crate::regimes::spec;
#[cfg(feature = "catalog")]
use crate::rules::{Effect, RuleInfo};
#[cfg(feature = "catalog")]
use crate::verdict::Level;
use crate::verdict::{Status, RULESET};
use serde::Serialize;

/// A regime as `regimes` lists it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// Whether it has a fee boundary table: `cost` and `costs` accept it as `regime`.
    pub fee_table: bool,
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
                fee_table: s.fees.is_some(),
            }
        })
        .collect()
}

/// The rule catalog of `regime`, in table order: eligibility, then change approval,
/// then its fee boundary table and its project classes, where it has them.
#[cfg(feature = "catalog")]
pub fn rules(regime: Regime, locale: Locale) -> Vec<RuleInfo> {
    let s = spec(regime);
    let check = |r: &crate::rules::Rule, name: &'static str| RuleInfo {
        id: r.id,
        check: name,
        article: r.article,
        level: r.level,
        title: r.title.get().get(locale),
        clause: r.clause.get(),
    };
    // `<regime>.validity`: a draft warns; out of force, the regulation grounds no
    // verdict (revision 2).
    let validity = RuleInfo {
        id: s.validity_id,
        check: "validity",
        article: s.validity_article,
        level: if s.draft { Level::Warn } else { Level::Info },
        title: if s.draft {
            Text::new("送审稿：结果仅供参考", "A draft: results are provisional")
        } else {
            Text::new(
                "有效期外不作判断",
                "Outside its period the regulation grounds no verdict",
            )
        }
        .get(locale),
        clause: s.validity_clause.get(),
    };
    let mut out: Vec<RuleInfo> = std::iter::once(validity)
        .chain(
            s.eligibility
                .iter()
                .filter(|r| r.effect != Effect::Code)
                .map(|r| check(r, "eligibility")),
        )
        .collect();
    out.extend(s.change.rules.iter().map(|r| check(r, "change")));
    let en = locale == Locale::En;
    if let Some(t) = s.fees {
        out.extend(t.rows.iter().map(|row| RuleInfo {
            id: row.rule,
            check: "cost",
            article: t.article,
            level: Level::Info,
            title: if en { row.title_en.get() } else { row.label },
            clause: row.basis,
        }));
    }
    if let Some(c) = s.classes {
        out.extend(
            c.rules
                .get()
                .iter()
                .map(|&(id, zh, en_title, clause)| RuleInfo {
                    id,
                    check: "project_class",
                    article: c.article,
                    level: Level::Info,
                    title: if en { en_title } else { zh },
                    clause,
                }),
        );
    }
    out
}

/// The `ruleset` string: `govit-check <version>`.
pub fn version() -> &'static str {
    RULESET
}
