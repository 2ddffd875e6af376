//! Wulong's fee boundary table (cost classification). Owned by issue #3.

use crate::error::{Error, Reason};
use crate::json::Json;
use crate::locale::Locale;
use crate::model::Regime;
use crate::rules::RuleInfo;

/// Runs `cost`, `costs` or `project_class`.
pub(crate) fn evaluate(check: &str, input: &Json<'_>, locale: Locale) -> Result<String, Error> {
    match check {
        "project_class" => {
            let i = crate::project_class::ProjectClassInput::from_value(input, locale)?;
            Ok(crate::evaluate::to_json(
                &crate::project_class::classify_project(&i)?,
            ))
        }
        _ => Err(Error::InvalidValue {
            field: "/check".into(),
            reason: Reason::Other {
                zh: "费用分类尚未实现。",
                en: "cost classification is not implemented yet.",
            },
        }),
    }
}

/// The catalog rows of the fee boundary table (Wulong only).
pub(crate) fn rules(_regime: Regime, _locale: Locale) -> Vec<RuleInfo> {
    Vec::new()
}
