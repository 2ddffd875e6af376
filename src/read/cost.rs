//! Reading the `cost` and `costs` inputs (contract §3) from JSON.

use crate::checks::cost::{Conditions, CostInput, CostsInput, MAX_COST_LINES};
use crate::error::{Error, Expected, Limit};
use crate::input::{members, object, opt_bool, opt_money, type_error, Ptr, MAX_TEXT_CHARS};
use crate::json::{Json, View};
use crate::locale::Locale;
use crate::regimes::wulong::annex::{key_is_empty, Condition};

impl CostInput {
    /// Reads one line from JSON (`{"item", "amount", "conditions"}`); pointers in errors
    /// are relative to this value.
    ///
    /// # Errors
    /// `required` at `/item` when the item is absent or blank, `invalid_type` for a value
    /// of the wrong type (`/conditions/<name>` for a condition that is not a bool),
    /// `invalid_value` for a malformed amount, `too_large` for an item over
    /// [`MAX_TEXT_CHARS`] characters. An unknown item is reported by [`classify_cost`].
    pub fn from_value(v: Json<'_>, locale: Locale) -> Result<CostInput, Error> {
        let root = Ptr::ROOT;
        let m = object(v, &root)?;
        let mut input = CostInput::new(String::new());
        input.locale = locale;
        let mut item = None;
        members(m, &root, |k, v, at| {
            match k {
                "item" => item = crate::input::opt_text(v, at, MAX_TEXT_CHARS)?,
                "amount" => input.amount = opt_money(v, at)?,
                "conditions" => {
                    input.conditions = Conditions::default();
                    if !v.is_null() {
                        members(object(v, at)?, at, |k, v, at| {
                            if let Some(c) = Condition::from_name(k) {
                                input.conditions.set(c, opt_bool(v, at)?);
                            }
                            Ok(())
                        })?;
                    }
                }
                _ => {}
            }
            Ok(())
        })?;
        match item {
            Some(s) if !key_is_empty(&s) => input.item = s,
            _ => {
                return Err(Error::Required {
                    field: "/item".into(),
                })
            }
        }
        Ok(input)
    }
}

impl CostsInput {
    /// Reads `{"items": [...]}`. A line's own error stays in its place.
    ///
    /// # Errors
    /// `required` at `/items` when absent, `invalid_type` when not an array or the input
    /// is not an object, `too_large` beyond [`MAX_COST_LINES`] lines.
    pub fn from_value(v: Json<'_>, locale: Locale) -> Result<CostsInput, Error> {
        let root = Ptr::ROOT;
        let m = object(v, &root)?;
        let mut items = None;
        members(m, &root, |k, v, at| {
            if k == "items" {
                items = match v.view() {
                    View::Null => None,
                    View::Arr(list) => {
                        if list.len() > MAX_COST_LINES {
                            return Err(Error::TooLarge {
                                field: at.render(),
                                limit: Limit::ArrayLen(MAX_COST_LINES),
                            });
                        }
                        Some(
                            list.enumerate()
                                .map(|(i, x)| {
                                    CostInput::from_value(x, locale)
                                        .map_err(|e| e.within(&format!("/items/{i}")))
                                })
                                .collect(),
                        )
                    }
                    _ => return Err(type_error(at, Expected::Array)),
                };
            }
            Ok(())
        })?;
        match items {
            Some(items) => Ok(CostsInput { items, locale }),
            None => Err(Error::Required {
                field: "/items".into(),
            }),
        }
    }
}
