//! Change approval. Owned by issue #4.

use crate::error::{Error, Reason};
use crate::json::Json;
use crate::locale::Locale;
use crate::model::Regime;
use crate::rules::Rule;

/// Runs `change`.
pub(crate) fn evaluate(_input: &Json<'_>, _locale: Locale) -> Result<String, Error> {
    Err(Error::InvalidValue {
        field: "/check".into(),
        reason: Reason::Other {
            zh: "变更审批检查尚未实现。",
            en: "change approval is not implemented yet.",
        },
    })
}

/// The change-approval rules of `regime`, for the catalog.
pub(crate) fn rules(_regime: Regime) -> &'static [Rule] {
    &[]
}
