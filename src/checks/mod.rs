//! The checks: each runs a regulation's rules over an input and writes a verdict —
//! eligibility, change approval, cost classification (Wulong's annex), the project class,
//! and the catalogs (`regimes`, `rules`, `version`). They know no regulation by name: each
//! reads what it needs from the regulation's [`Spec`](crate::regimes::Spec).

pub mod catalog;
pub mod change;
pub mod cost;
pub mod eligibility;
pub mod project_class;

use crate::locale::{en_format, en_str, Locale};
use crate::model::Application;
use crate::regimes::Spec;
use crate::verdict::{Finding, Level, Regulation, Status};
use std::borrow::Cow;

pub(crate) fn regulation(spec: &Spec, status: Status) -> Regulation {
    Regulation {
        title: spec.title,
        effective_from: spec.effective_from,
        effective_until: spec.effective_until,
        status,
    }
}

/// `<regime>.validity` (warn for a draft, info when not in force) and `<regime>.as_of`
/// (info), shared by every check that reports a regulation.
pub(crate) fn push_validity(
    spec: &Spec,
    app: &Application,
    status: Status,
    findings: &mut Vec<Finding>,
) {
    validity_findings(spec, app.as_of, status, app.locale, findings);
}

/// See [`push_validity`].
pub(crate) fn validity_findings(
    spec: &Spec,
    as_of: Option<crate::date::Date>,
    status: Status,
    locale: Locale,
    findings: &mut Vec<Finding>,
) {
    let zh = locale == Locale::Zh;
    let title = spec.title;
    // The dates are written out only for the status that quotes them.
    let date_text = |d: Option<crate::date::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    // (`concat`, not `format!`, as in `missing`.)
    let text = match status {
        Status::Draft => Some(if zh {
            // The title already says 送审稿: the notice does not say it again.
            [
                "《",
                title,
                "》尚未印发施行。检查结果仅供参考，正式申报请以印发施行的办法为准。",
            ]
            .concat()
        } else {
            en_format!("“{title}” is a draft submitted for review and not in force. Treat this result as guidance; apply under the regulation once it is issued.", title)
        }),
        Status::NotYetInForce => Some({
            let (from, until) = (
                date_text(spec.effective_from),
                date_text(spec.effective_until),
            );
            let period_zh = if until.is_empty() {
                [&from, " 或之后"].concat()
            } else {
                [&from, " 至 ", &until, " 之间"].concat()
            };
            let period_en = if until.is_empty() {
                ["on or after ", &from].concat()
            } else {
                ["between ", &from, " and ", &until].concat()
            };
            if zh {
                [
                    "《",
                    title,
                    "》自 ",
                    &from,
                    " 起施行，检查日期时尚未施行，不能作为判断依据。请确认检查日期适用的办法；如需了解本办法施行后的要求，请将检查日期改为",
                    &period_zh,
                    "。",
                ]
                .concat()
            } else {
                en_format!("“{title}” takes effect on {from} and is not yet in force on the date checked, so it grounds no verdict. Confirm which regulation applies on that date; to see what this one requires, check with a date {period_en}.", title, from, period_en)
            }
        }),
        Status::Expired => Some({
            let (from, until) = (
                date_text(spec.effective_from),
                date_text(spec.effective_until),
            );
            if zh {
                [
                    "《",
                    title,
                    "》有效期至 ",
                    &until,
                    "，检查日期时已失效，不能作为判断依据。请确认该办法是否已延期或由新办法替代，并按现行办法申报；如需了解其有效期内的规定，请将检查日期改为 ",
                    &from,
                    " 至 ",
                    &until,
                    " 之间。",
                ]
                .concat()
            } else {
                en_format!("“{title}” was in force until {until} and has expired on the date checked, so it grounds no verdict. Check whether it was extended or replaced and apply under the regulation in force; to see what it required, check with a date between {from} and {until}.", title, until, from)
            }
        }),
        Status::InForce | Status::Undetermined => None,
    };
    if let Some(text) = text {
        findings.push(Finding {
            rule: spec.validity_id,
            // A draft is checked and warns; out of force, the finding is the
            // applicability finding of a `not_applicable` verdict.
            level: if status == Status::Draft {
                Level::Warn
            } else {
                Level::Info
            },
            article: spec.validity_article,
            field: as_of.map(|_| Cow::Borrowed("/as_of")),
            message: Cow::Owned(text),
            rules: Vec::new(),
        });
    }
    if as_of.is_none() {
        findings.push(Finding {
            rule: spec.as_of_id,
            level: Level::Info,
            article: spec.validity_article,
            field: Some(Cow::Borrowed("/as_of")),
            message: Cow::Borrowed(if zh {
                "未填写检查日期：办法是否有效、申报是否逾期等需要日期的规则未作判断。请填写检查日期。"
            } else {
                en_str!("No date of check: the regulation's validity and date-based rules such as application deadlines were not evaluated. Enter the date.")
            }),
            rules: Vec::new(),
        });
    }
}

/// `<regime>.validity.horizon` (revision 3, `warn`): a deadline or window date computed
/// under the regulation that falls after its last day in force is not given as a date; the
/// finding names the date it would have been (`what` it is for, when known) and the last
/// day, and says to check whether the regulation was extended or replaced.
pub(crate) fn horizon_finding(
    spec: &Spec,
    date: crate::date::Date,
    what: Option<&str>,
    locale: Locale,
) -> Finding {
    let until = spec
        .effective_until
        .map(|d| d.to_string())
        .unwrap_or_default();
    let date = date.to_string();
    let title = spec.title;
    let message = match locale {
        Locale::Zh => {
            let what = what.map(|w| ["（", w, "）"].concat()).unwrap_or_default();
            [
                "按《", title, "》计算的期限 ", &date, what.as_str(),
                " 晚于该办法的有效期（最后一日为 ", &until,
                "）：届时办法已失效，该日期不作为期限列出。请确认办法是否延期或由新办法替代，并按届时有效的规定确定期限。",
            ]
            .concat()
        }
        Locale::En => {
            let what = what.map(|w| [" (", w, ")"].concat()).unwrap_or_default();
            en_format!("The date “{title}” would set, {date}{what}, falls after the regulation's last day in force, {until}: it will have expired by then, so the date is not given as a deadline. Check whether the regulation is extended or replaced and take the deadline from the rules in force then.", title, date, what, until)
        }
    };
    Finding {
        rule: spec.horizon_id,
        level: Level::Warn,
        article: spec.validity_article,
        field: None,
        message: Cow::Owned(message),
        rules: Vec::new(),
    }
}
