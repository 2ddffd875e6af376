//! The project class under a regulation's project classes (Wulong's annex,
//! 信息化项目分类): is a project a construction, a continuation or an O&M (运行维护)
//! project? The regulation's function ([`ProjectClasses`]) serves this check and its own
//! eligibility's `effective_kind`.

use crate::error::{Error, Reason};
use crate::locale::Locale;
use crate::model::{Kind, Regime};
use crate::money::Money;
use crate::names::Name;
use crate::regimes::{spec, DEFAULT_FEE_REGIME};
use crate::rules::classes::{Class, ProjectClasses};
use crate::rules::Field;
use crate::verdict::{RULESET, RULESET_ID};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Input of `check: "project_class"`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectClassInput {
    /// The regulation whose project classes decide (`None`: the default regime of the
    /// fee table, [`DEFAULT_FEE_REGIME`]).
    pub regime: Option<Regime>,
    /// Lifecycle kind (required; `service` is not classified by the annex).
    pub kind: Kind,
    /// Whether an upgrade changes the system's main function.
    pub main_function_changed: Option<bool>,
    /// Only replaces or expands finished equipment (absent reads as false).
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub hardware_replacement_only: bool,
    /// 升级改造金额, in 万元.
    pub amount: Option<Money>,
    /// Message language.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::LocaleTag>"))]
    pub locale: Locale,
}

/// Output of `check: "project_class"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectClass {
    #[cfg_attr(feature = "schema", schemars(extend("const" = "project_class")))]
    /// Always `"project_class"`.
    #[serde(deserialize_with = "crate::names::name")]
    pub check: Name,
    /// The class.
    pub class: Class,
    /// The deciding annex rule.
    #[serde(deserialize_with = "crate::names::name")]
    pub rule: Name,
    /// Input names of the absent answers the class waits for.
    #[serde(deserialize_with = "crate::names::names")]
    pub unanswered: Vec<&'static str>,
    /// What the class means for the applicant.
    pub message: Cow<'static, str>,
    /// `govit-check <version>`.
    #[serde(deserialize_with = "crate::names::name")]
    pub ruleset: Name,
    /// [`crate::RULESET_ID`]: the build of the rules that decided.
    #[serde(deserialize_with = "crate::names::name")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::shape::RulesetId"))]
    pub ruleset_id: Name,
}

/// The project classes of `regime` (absent: [`DEFAULT_FEE_REGIME`]'s).
///
/// # Errors
/// `invalid_value` at `/regime` when the regime has none.
pub fn classes_of(regime: Option<Regime>) -> Result<&'static ProjectClasses, Error> {
    let r = regime.unwrap_or(DEFAULT_FEE_REGIME);
    spec(r).classes.ok_or_else(|| Error::InvalidValue {
        field: "/regime".into(),
        reason: Reason::NoProjectClasses(r.name()),
    })
}

/// Classifies a project under a regulation's project classes (`check: "project_class"`).
///
/// # Errors
/// `invalid_value` at `/regime` for a regime without project classes; at `/kind` for
/// kind `service`, which the annex does not classify.
///
/// # Examples
/// ```
/// use govit_check::{classify_project, Kind, Locale, Money, ProjectClassInput};
/// let c = classify_project(&ProjectClassInput {
///     regime: None,
///     kind: Kind::Renovation,
///     main_function_changed: Some(false),
///     hardware_replacement_only: false,
///     amount: Some("50".parse().unwrap()),
///     locale: Locale::Zh,
/// }).unwrap();
/// assert_eq!(c.class.name(), "maintenance");
/// assert_eq!(c.rule, "wulong.annex.upgrade");
/// ```
pub fn classify_project(input: &ProjectClassInput) -> Result<ProjectClass, Error> {
    let classes = classes_of(input.regime)?;
    if input.kind == Kind::Service {
        return Err(Error::InvalidValue {
            field: "/kind".into(),
            reason: Reason::OneOf(&[
                "new",
                "expansion",
                "renovation",
                "continuation",
                "maintenance",
            ]),
        });
    }
    let r = (classes.classify)(
        Some(input.kind),
        input.main_function_changed,
        input.hardware_replacement_only,
        input.amount.map(Money::get),
    );
    let unanswered: Vec<&'static str> = r
        .unanswered
        .iter()
        .map(|f| match f {
            Field::MainFunctionChanged => "main_function_changed",
            _ => "amount",
        })
        .collect();
    let message = (classes.message)(&r, input.kind, input.locale);
    Ok(ProjectClass {
        check: "project_class",
        class: r.class.unwrap_or(Class::Undetermined),
        rule: r.rule,
        unanswered,
        message,
        ruleset: RULESET,
        ruleset_id: RULESET_ID,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(
        kind: Option<Kind>,
        mfc: Option<bool>,
        hw: bool,
        amount: Option<rust_decimal::Decimal>,
    ) -> crate::rules::classes::Classification {
        (classes_of(None).unwrap().classify)(kind, mfc, hw, amount)
    }

    fn class(
        kind: Kind,
        mfc: Option<bool>,
        hw: bool,
        amount: Option<&str>,
    ) -> (Option<Class>, &'static str, Vec<Field>) {
        let r = classify(
            Some(kind),
            mfc,
            hw,
            amount.map(|a| Money::parse(a).unwrap().get()),
        );
        (r.class, r.rule, r.unanswered)
    }

    #[test]
    fn upgrade_boundary_at_50() {
        use Class::*;
        assert_eq!(
            class(Kind::Renovation, Some(false), false, Some("50")).0,
            Some(Maintenance)
        );
        assert_eq!(
            class(Kind::Renovation, Some(false), false, Some("49.999999")).0,
            Some(Maintenance)
        );
        assert_eq!(
            class(Kind::Renovation, Some(false), false, Some("50.000001")).0,
            Some(Construction)
        );
        assert_eq!(
            class(Kind::Renovation, Some(true), false, Some("1")).0,
            Some(Construction)
        );
    }

    #[test]
    fn first_match_wins_and_unanswered() {
        use Class::*;
        assert_eq!(
            class(Kind::New, None, true, None).1,
            "wulong.annex.hardware"
        );
        assert_eq!(
            class(Kind::Continuation, None, false, None).0,
            Some(Continuation)
        );
        assert_eq!(
            class(Kind::Maintenance, None, false, None).0,
            Some(Maintenance)
        );
        assert_eq!(
            class(Kind::Expansion, Some(false), false, Some("1")).0,
            Some(Construction)
        );
        assert_eq!(
            class(Kind::Renovation, None, false, Some("50")),
            (
                None,
                "wulong.annex.upgrade",
                vec![Field::MainFunctionChanged]
            )
        );
        assert_eq!(
            class(Kind::Renovation, Some(false), false, None),
            (None, "wulong.annex.upgrade", vec![Field::Total])
        );
        assert_eq!(
            class(Kind::Renovation, None, false, Some("50.000001")).0,
            Some(Construction)
        );
        assert_eq!(
            class(Kind::Renovation, None, false, None).2,
            vec![Field::MainFunctionChanged, Field::Total]
        );
    }
}
