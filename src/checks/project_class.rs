//! Wulong annex 武隆区政务信息化项目申报范围及边界, 信息化项目分类: is a project a
//! construction, a continuation or an O&M (运行维护) project? One function serves the
//! `project_class` check and eligibility's `effective_kind`.

use crate::error::{Error, Reason};
use crate::locale::Locale;
use crate::model::Kind;
use crate::money::Money;
use crate::regimes::wulong::annex::{classify, Class};
use crate::rules::Field;
use crate::verdict::RULESET;
use serde::Serialize;
use std::borrow::Cow;

/// Input of `check: "project_class"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectClassInput {
    /// Lifecycle kind (required; `service` is not classified by the annex).
    pub kind: Kind,
    /// Whether an upgrade changes the system's main function.
    pub main_function_changed: Option<bool>,
    /// Only replaces or expands finished equipment (absent reads as false).
    pub hardware_replacement_only: bool,
    /// 升级改造金额, in 万元.
    pub amount: Option<Money>,
    /// Message language.
    pub locale: Locale,
}

/// Output of `check: "project_class"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProjectClass {
    /// Always `"project_class"`.
    pub check: &'static str,
    /// The class.
    pub class: Class,
    /// The deciding annex rule.
    pub rule: &'static str,
    /// Input names of the absent answers the class waits for.
    pub unanswered: Vec<&'static str>,
    /// What the class means for the applicant.
    pub message: Cow<'static, str>,
    /// `govit-check <version>`.
    pub ruleset: &'static str,
}

/// Classifies a project under Wulong's annex (`check: "project_class"`).
///
/// # Errors
/// `invalid_value` at `/kind` for kind `service`, which the annex does not classify.
///
/// # Examples
/// ```
/// use govit_check::{classify_project, Kind, Locale, Money, ProjectClassInput};
/// let c = classify_project(&ProjectClassInput {
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
    let r = classify(
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
    let zh = input.locale == Locale::Zh;
    let message: Cow<'static, str> = match (r.class, r.rule) {
        (None, _) => {
            let what: Vec<&str> = r.unanswered.iter().map(|f| f.label(input.locale)).collect();
            Cow::Owned(if zh {
                format!("升级改造项目的类别取决于：{}。主体功能未改变且金额在 50 万元以下（含 50 万元）的按运行维护项目处理，否则纳入建设项目。请补充回答。", what.join("、"))
            } else {
                format!("The class of an upgrade depends on {}: with the main function unchanged and at most 50 万元 it is an O&M project, otherwise a construction project. Please answer.", what.join(" and "))
            })
        }
        (Some(_), "wulong.annex.hardware") => Cow::Borrowed(if zh {
            "仅购置计算、存储、网络、安全、终端等成品配套设备，对已有设备进行报废更替、扩容扩能，不涉及新建、改建、扩建信息系统，按运行维护项目处理。"
        } else {
            "Only finished equipment replaces or extends existing equipment, with no new or changed system: an O&M project."
        }),
        (Some(_), "wulong.annex.continuation") => Cow::Borrowed(if zh {
            "已取得项目批复、需跨年度开展建设并予以资金保障的，按续建项目管理；申报时请附原批复文件。"
        } else {
            "An approved project built across years with secured funds is a continuation project; attach the original approval."
        }),
        (Some(_), "wulong.annex.maintenance") => Cow::Borrowed(if zh {
            "为保障政务信息系统正常运行所开展的运行维护服务，按运行维护项目管理。"
        } else {
            "Services that keep a government system running are an O&M project."
        }),
        (Some(_), "wulong.annex.upgrade") => Cow::Borrowed(if zh {
            "升级改造未改变系统主体功能，且金额在 50 万元以下（含 50 万元），按运行维护项目处理，无需按建设项目审批。"
        } else {
            "The upgrade keeps the main function and costs at most 50 万元: it is handled as an O&M project, not approved as construction."
        }),
        _ if input.kind == Kind::Renovation => Cow::Borrowed(if zh {
            "升级改造改变了系统主体功能或金额超过 50 万元，纳入建设项目范围，须按建设项目申报审批。"
        } else {
            "The upgrade changes the main function or costs more than 50 万元: it is a construction project and needs approval as one."
        }),
        _ => Cow::Borrowed(if zh {
            "新建、扩建项目纳入建设项目范围，须按建设项目申报审批。"
        } else {
            "New builds and expansions are construction projects and need approval as such."
        }),
    };
    Ok(ProjectClass {
        check: "project_class",
        class: r.class.unwrap_or(Class::Undetermined),
        rule: r.rule,
        unanswered,
        message,
        ruleset: RULESET,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
