//! Reading the `project_class` input from JSON.

use crate::checks::project_class::{classes_of, ProjectClassInput};
use crate::error::{Error, Reason};
use crate::input::{
    members, object, opt_bool, opt_money, opt_name, opt_regime_of, value_error, Ptr,
};
use crate::json::Json;
use crate::locale::Locale;
use crate::model::Kind;

impl ProjectClassInput {
    /// Reads the input from JSON.
    ///
    /// # Errors
    /// `unknown_regime` or `invalid_value` (no project classes) at `/regime` (read
    /// first); `required` for an absent `kind`, `invalid_value` at `/kind` for `service`,
    /// and the usual type and value errors.
    pub fn from_value(v: Json<'_>, locale: Locale) -> Result<ProjectClassInput, Error> {
        let root = Ptr::ROOT;
        let m = object(v, &root)?;
        let regime = opt_regime_of(v.get("regime"), &root.key("regime"))?;
        classes_of(regime)?;
        let mut kind = None;
        let mut input = ProjectClassInput {
            regime,
            kind: Kind::New,
            main_function_changed: None,
            hardware_replacement_only: false,
            amount: None,
            locale,
        };
        members(m, &root, |k, v, at| {
            match k {
                "kind" => kind = opt_name(v, at, Kind::from_name, Kind::NAMES)?,
                "main_function_changed" => input.main_function_changed = opt_bool(v, at)?,
                "hardware_replacement_only" => {
                    input.hardware_replacement_only = opt_bool(v, at)?.unwrap_or(false)
                }
                "amount" => input.amount = opt_money(v, at)?,
                _ => {}
            }
            Ok(())
        })?;
        input.kind = match kind {
            None => return Err(Error::Required { field: "/kind".into() }),
            Some(Kind::Service) => {
                return Err(value_error(
                    &root.key("kind"),
                    Reason::Other {
                        zh: "附件《申报范围及边界》不对购买服务项目分类；请选择新建、扩建、改建、续建或运行维护。",
                        en: "the annex does not classify purchased services; choose new, expansion, renovation, continuation or maintenance.",
                    },
                ))
            }
            Some(k) => k,
        };
        Ok(input)
    }
}
