//! The five regulations. One module per regime; each holds its eligibility table (and,
//! as they land, its change-approval rules) as `const` data in the order of rules.md.

use crate::date::Date;
use crate::model::{Application, Regime};
use crate::rules::{Ctx, Rule};
use crate::verdict::{Procedure, Status};

pub mod baotou;
pub mod chuxiong;
pub mod shizuishan;
pub mod wulong;
pub mod wuzhong;

/// Baotou art.13 and Wulong art.13 (file label) say the same: IT projects skip the energy,
/// siting, land and environmental approvals unless they include civil works.
pub(crate) const CIVIL_WORKS: crate::locale::Text = crate::locale::Text::new(
    "项目涉及新建土建工程或高耗能内容，仍需办理节能评估、规划选址、用地预审、环境影响评价等审批。请同步办理这些手续。",
    "The project includes new civil works or energy-intensive parts, so it still needs energy assessment, siting, land pre-review and environmental impact approvals. Apply for them in parallel.",
);

/// A regulation: its title, validity, rule table and procedure.
pub struct Spec {
    /// The regime.
    pub regime: Regime,
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
    pub validity_clause: &'static str,
    /// `<regime>.validity`.
    pub validity_id: &'static str,
    /// `<regime>.as_of`.
    pub as_of_id: &'static str,
    /// The eligibility table, in rules.md order.
    pub eligibility: &'static [Rule],
    /// Regime-specific context: effective kind, applicable amount, route.
    pub prepare: fn(&mut Ctx<'_>),
    /// The procedure for the route.
    pub procedure: fn(&Ctx<'_>) -> Procedure,
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

/// The spec of `regime`.
pub fn spec(regime: Regime) -> &'static Spec {
    match regime {
        Regime::Wuzhong => &wuzhong::SPEC,
        Regime::Shizuishan => &shizuishan::SPEC,
        Regime::Baotou => &baotou::SPEC,
        Regime::Chuxiong => &chuxiong::SPEC,
        Regime::Wulong => &wulong::SPEC,
    }
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
