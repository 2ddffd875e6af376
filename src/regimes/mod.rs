//! The regulations. One folder per regulation holds everything that is that regulation:
//! its [`Spec`] (title, dates, status, route, procedure), its eligibility table, its
//! change rules ([`ChangeSpec`]), its conformance cases (`cases/`) and, where it has
//! them, its fee boundary table and project classes (Wulong's annex). The registry below
//! lists them — the one place a new regulation is added (docs/adding-a-regulation.md).

use crate::date::Date;
use crate::locale::{Locale, Shown, Text};
use crate::model::{Application, Regime};
use crate::rules::change::{Ctx as ChangeCtx, Out};
use crate::rules::classes::ProjectClasses;
use crate::rules::fees::FeeTable;
use crate::rules::{Ctx, Rule};
use crate::verdict::{Procedure, Status};

/// The registry: one line per regulation — `CONSTANT => module`, in display order. Each
/// line makes the module (`regimes/<module>/`), the constant `Regime::CONSTANT` and its
/// entry in [`REGIMES`].
macro_rules! registry {
    ($($(#[$doc:meta])* $CONST:ident => $module:ident,)*) => {
        $(pub mod $module;)*

        /// The registry's order, as numbers.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, reason = "named as the constants")]
        #[repr(u8)]
        enum Slot { $($CONST),* }

        impl Regime {
            $($(#[$doc])* pub const $CONST: Regime = Regime::at(Slot::$CONST as u8);)*
            /// Every regime, in the registry's order.
            pub const ALL: &'static [Regime] = &[$(Regime::$CONST),*];
        }

        /// Every regulation, in the registry's order (`REGIMES[r.index()]` is `r`'s).
        pub static REGIMES: &[&Spec] = &[$(&$module::SPEC),*];
    };
}

registry! {
    /// 吴忠市政务信息化专项资金管理办法（试行）.
    WUZHONG => wuzhong,
    /// 石嘴山市政务信息化项目管理办法（送审稿）.
    SHIZUISHAN => shizuishan,
    /// 包头市本级政务信息化项目建设管理办法（试行）.
    BAOTOU => baotou,
    /// 楚雄州政务信息化项目管理办法（试行）.
    CHUXIONG => chuxiong,
    /// 武隆区政务信息化项目管理办法.
    WULONG => wulong,
}

/// The regime whose fee table and project classes answer a `cost`, `costs` or
/// `project_class` input that names none (contract §9: `"wulong"`, the first regulation
/// with a fee table).
pub const DEFAULT_FEE_REGIME: Regime = Regime::WULONG;

impl Regime {
    /// The regime's JSON name (`"baotou"`).
    pub fn name(self) -> &'static str {
        spec(self).id
    }

    /// Where it applies (`包头市` / `Baotou`), in `locale`.
    pub fn label(self, locale: Locale) -> &'static str {
        spec(self).place.get(locale)
    }

    /// The regime with this JSON name.
    pub fn from_name(name: &str) -> Option<Regime> {
        Regime::ALL.iter().copied().find(|r| r.name() == name)
    }
}

impl std::fmt::Debug for Regime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::fmt::Display for Regime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for Regime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// Baotou art.13 and Wulong art.13 (file label) say the same: IT projects skip the energy,
/// siting, land and environmental approvals unless they include civil works.
pub(crate) const CIVIL_WORKS: crate::locale::Text = crate::locale::Text::new(
    "项目涉及新建土建工程或高耗能内容，仍需办理节能评估、规划选址、用地预审、环境影响评价等审批。请同步办理这些手续。",
    "The project includes new civil works or energy-intensive parts, so it still needs energy assessment, siting, land pre-review and environmental impact approvals. Apply for them in parallel.",
);

/// A regulation: its title, validity, rule tables and procedure.
pub struct Spec {
    /// The regime's JSON name (`"baotou"`), its rule ids' prefix.
    pub id: &'static str,
    /// Where it applies, for labels (`包头市` / `Baotou`).
    pub place: Text,
    /// Title of the regulation.
    pub title: &'static str,
    /// First day in force (`None` for a draft).
    pub effective_from: Option<Date>,
    /// Last day in force, if limited.
    pub effective_until: Option<Date>,
    /// A 送审稿: `draft` on every date.
    pub draft: bool,
    /// The article that sets the dates.
    pub validity_article: &'static str,
    /// That article's text, quoted in the rule catalog.
    pub validity_clause: Shown<&'static str>,
    /// `<regime>.validity`.
    pub validity_id: &'static str,
    /// `<regime>.as_of`.
    pub as_of_id: &'static str,
    /// `<regime>.validity.horizon` (revision 3): a deadline or window date after
    /// `effective_until` is dropped and warned about.
    pub horizon_id: &'static str,
    /// The eligibility table, in rules.md order.
    pub eligibility: &'static [Rule],
    /// Regime-specific context: effective kind, applicable amount, route.
    pub prepare: fn(&mut Ctx<'_>),
    /// The procedure for the route.
    pub procedure: fn(&Ctx<'_>) -> Procedure,
    /// Change approval.
    pub change: ChangeSpec,
    /// Its fee boundary table, if it has one (the `cost` and `costs` checks; the
    /// catalog lists its rows after the eligibility and change rules).
    pub fees: Option<&'static FeeTable>,
    /// Its project classes, if it has them (the `project_class` check; listed in the
    /// catalog after the fee table).
    pub classes: Option<&'static ProjectClasses>,
    /// How its region names unit levels and funds (the form's options).
    pub region: Shown<crate::model::Region>,
}

/// Funding names in Ningxia and Inner Mongolia (autonomous regions: 自治区 funds).
pub(crate) const AUTONOMOUS_REGION: &[(crate::model::Funding, Text)] = &[
    (
        crate::model::Funding::LocalFiscal,
        Text::new("市本级财政资金", "municipal budget funds"),
    ),
    (
        crate::model::Funding::Provincial,
        Text::new("自治区财政资金", "autonomous region funds"),
    ),
];

/// A regulation's change-approval rules (contract §4).
pub struct ChangeSpec {
    /// The change table, in rules.md order (for the catalog; `decide` applies it).
    pub rules: &'static [Rule],
    /// Applies the table: findings, margins, authorities, deadline.
    pub(crate) decide: fn(&ChangeCtx<'_>, &mut Out),
    /// Tender savings (由招标采购形成的资金结余) are left out of increases and decreases.
    pub tender_savings_excluded: bool,
    /// The decision asks for `as_of` itself (a `missing` finding of its own), so the
    /// general "no date" info is not added.
    pub asks_as_of: bool,
    /// The savings rule (revision 3): a *savings only* request is answered by it alone.
    pub savings: crate::rules::change::Savings,
}

impl Spec {
    /// Whether a regulation with this status grounds no verdict (revision 2): before it
    /// took effect or after it expired, eligibility and change answer `not_applicable`.
    pub fn grounds_no_verdict(status: Status) -> bool {
        matches!(status, Status::NotYetInForce | Status::Expired)
    }

    /// Status on `as_of`: a regulation is in force on its first and last day.
    pub fn status(&self, as_of: Option<Date>) -> Status {
        if self.draft {
            return Status::Draft;
        }
        let Some(d) = as_of else {
            return Status::Undetermined;
        };
        if self.effective_from.is_some_and(|from| d < from) {
            Status::NotYetInForce
        } else if self.effective_until.is_some_and(|until| d > until) {
            Status::Expired
        } else {
            Status::InForce
        }
    }
}

/// An article as a message quotes it when several regulations may be in view (a portal
/// that checks under several, a server, a printed sheet): the regulation's place before
/// it — 「包头市办法第二十条」, "Baotou's regulation, 第二十条".
pub(crate) fn cite(spec: &Spec, article: &str, locale: crate::locale::Locale) -> String {
    match locale {
        crate::locale::Locale::Zh => [regulation_name(spec, locale).as_str(), article].concat(),
        crate::locale::Locale::En => {
            [regulation_name(spec, locale).as_str(), ", ", article].concat()
        }
    }
}

/// The regulation's short name, by its place: 「包头市办法」, "Baotou's regulation".
pub(crate) fn regulation_name(spec: &Spec, locale: crate::locale::Locale) -> String {
    let suffix = match locale {
        crate::locale::Locale::Zh => "办法",
        crate::locale::Locale::En => "'s regulation",
    };
    [spec.place.get(locale), suffix].concat()
}

/// The spec of `regime`.
pub fn spec(regime: Regime) -> &'static Spec {
    REGIMES[regime.index()]
}

/// The fee table of `regime`, if it has one.
pub fn fee_table(regime: Regime) -> Option<&'static FeeTable> {
    spec(regime).fees
}

/// Every condition the registry's fee tables name, each once (by name), in the
/// registry's order: the vocabulary of `conditions` for labels and forms.
pub fn fee_conditions() -> &'static [crate::rules::fees::Condition] {
    static ALL: std::sync::OnceLock<Vec<crate::rules::fees::Condition>> =
        std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<crate::rules::fees::Condition> = Vec::new();
        for t in Regime::ALL.iter().filter_map(|&r| fee_table(r)) {
            for c in t.conditions {
                if !all.iter().any(|x| x.name == c.name) {
                    all.push(*c);
                }
            }
        }
        all
    })
}

/// The names of [`fee_conditions`].
pub fn fee_condition_names() -> &'static [&'static str] {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| fee_conditions().iter().map(|c| c.name).collect())
}

/// The common context; the regime's `prepare` refines it.
pub(crate) fn context(app: &Application) -> Ctx<'_> {
    let total = app.project.investment.effective_total();
    let mut ctx = Ctx {
        app,
        locale: app.locale,
        kind: app.project.kind,
        total,
        applicable: total,
        route: crate::verdict::Route::Approval,
        route_asks: &[],
        effective_from: spec(app.regime).effective_from,
    };
    (spec(app.regime).prepare)(&mut ctx);
    ctx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Effect;

    /// The registry is the one list: each line's constant finds its own spec, ids are
    /// unique, and every rule id of a regulation carries its prefix.
    #[test]
    fn the_registry_lists_each_regulation_once() {
        assert_eq!(Regime::ALL.len(), REGIMES.len());
        for (i, &r) in Regime::ALL.iter().enumerate() {
            let s = spec(r);
            assert_eq!(r.index(), i);
            assert_eq!(Regime::from_name(s.id), Some(r));
            assert_eq!(s.validity_id, format!("{}.validity", s.id));
            assert_eq!(s.as_of_id, format!("{}.as_of", s.id));
            assert_eq!(s.horizon_id, format!("{}.validity.horizon", s.id));
            assert!(
                s.change
                    .rules
                    .iter()
                    .any(|r| r.id == s.change.savings.rule.id),
                "{}: the savings rule is a row of the change table",
                s.id
            );
            let prefix = format!("{}.", s.id);
            for rule in s.eligibility.iter().chain(s.change.rules) {
                assert!(rule.id.starts_with(&prefix), "{} in {}", rule.id, s.id);
            }
            assert!(REGIMES.iter().filter(|x| x.id == s.id).count() == 1);
        }
        assert_eq!(Regime::from_name("beijing"), None);
    }

    /// One id, one rule: within a regulation no two rules share an id — its eligibility
    /// and change tables, its further catalog rows and its validity rules together
    /// (revision 3: `shizuishan.18.1` named two rules). An id may stand in two checks'
    /// rows only for the same rule: the same article and clause (Wulong's annex
    /// reclassification, applied by eligibility and by the project class).
    #[cfg(feature = "catalog")]
    #[test]
    fn rule_ids_are_unique_per_regulation() {
        for s in REGIMES {
            let mut rows: Vec<(&str, &str, &str)> = s
                .eligibility
                .iter()
                .chain(s.change.rules)
                .map(|r| (r.id, r.article, r.clause.get()))
                .chain(
                    [s.validity_id, s.as_of_id, s.horizon_id]
                        .map(|id| (id, s.validity_article, s.validity_clause.get())),
                )
                .collect();
            if let Some(t) = s.fees {
                rows.extend(t.rows.iter().map(|r| (r.rule, t.article, r.basis)));
            }
            if let Some(c) = s.classes {
                rows.extend(
                    c.rules
                        .get()
                        .iter()
                        .map(|&(id, _, _, clause)| (id, c.article, clause)),
                );
            }
            // (A clause cut from its sentence may end with either mark.)
            let end: &[char] = &['。', '；'];
            let rows = rows
                .into_iter()
                .map(|(id, a, c)| (id, a, c.trim_end_matches(end)));
            let mut seen: Vec<(&str, &str, &str)> = Vec::new();
            for row in rows {
                if let Some(other) = seen.iter().find(|x| x.0 == row.0) {
                    assert_eq!(other, &row, "{}: the id {} names two rules", s.id, row.0);
                } else {
                    seen.push(row);
                }
            }
        }
    }

    /// No text sits in a table unread: a rule whose finding the check's code writes
    /// (`Effect::Code`) carries no `message`; every other rule has a message or writes one.
    #[test]
    fn every_rule_text_is_read() {
        for s in REGIMES {
            for rule in s.eligibility.iter().chain(s.change.rules) {
                let has_message =
                    !rule.message.zh.is_empty() || !rule.message.get(Locale::En).is_empty();
                if rule.effect == Effect::Code {
                    assert!(
                        !has_message,
                        "{}: a code rule's message is never read",
                        rule.id
                    );
                } else {
                    assert!(
                        has_message || rule.detail.is_some(),
                        "{}: no message",
                        rule.id
                    );
                }
            }
        }
    }
}
