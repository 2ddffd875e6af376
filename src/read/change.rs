//! Reading the change request (contract §4) from JSON.

use crate::error::{Error, Expected, Reason};
use crate::input::{
    locale_of, members, object, opt_array, opt_bool, opt_date, opt_int, opt_money, opt_name,
    opt_text, regime_of, type_error, value_error, Ptr, MAX_TEXT_CHARS,
};
use crate::json::{Json, View};
use crate::locale::Locale;
use crate::model::change::{ChangeItem, ChangeReason, ChangeRequest, MAX_ITEMS};
use crate::money::Money;

impl ChangeRequest {
    /// Reads a request from JSON text, `locale` included.
    ///
    /// # Errors
    /// As [`ChangeRequest::from_value`], plus `invalid_json`.
    pub fn from_json(text: &str) -> Result<ChangeRequest, Error> {
        let doc = crate::json::parse(text)?;
        let locale = locale_of(doc.root())?;
        ChangeRequest::from_value(doc.root(), locale)
    }

    /// Reads a request from a parsed JSON value; messages will use `locale`.
    ///
    /// # Errors
    /// `required` for an absent `regime`, `approved_total`, `items` or item amount
    /// (`/items/3/proposed`); `invalid_value` for `approved_total` 0 or an unknown
    /// `reason`; `too_large` for more than [`MAX_ITEMS`] items; the usual type and value
    /// errors.
    pub fn from_value(v: Json<'_>, locale: Locale) -> Result<ChangeRequest, Error> {
        let root = Ptr::ROOT;
        let m = object(v, &root)?;
        let regime = regime_of(v.get("regime"), &root.key("regime"))?;
        let mut req = ChangeRequest::new(regime, Money::ZERO, Vec::new());
        req.locale = locale;
        let mut approved_total = None;
        let mut items = None;
        members(m, &root, |k, v, at| {
            match k {
                "as_of" => req.as_of = opt_date(v, at)?,
                "changed_on" => req.changed_on = opt_date(v, at)?,
                "approved_total" => approved_total = opt_money(v, at)?,
                "goal_changed" => req.goal_changed = opt_bool(v, at)?,
                "reason" => {
                    req.reason = opt_name(v, at, ChangeReason::from_name, ChangeReason::NAMES)?
                }
                "budget_year" => {
                    req.budget_year =
                        opt_int(v, at, 2000, 2100)?.and_then(|y| u16::try_from(y).ok())
                }
                "items" => items = opt_array(v, at, MAX_ITEMS, read_item)?,
                _ => {}
            }
            Ok(())
        })?;
        req.approved_total = approved_total.ok_or_else(|| Error::Required {
            field: "/approved_total".into(),
        })?;
        if req.approved_total.get().is_zero() {
            return Err(value_error(&root.key("approved_total"), Reason::Positive));
        }
        req.items = items.ok_or_else(|| Error::Required {
            field: "/items".into(),
        })?;
        Ok(req)
    }
}

fn read_item(v: Json<'_>, at: &Ptr<'_>) -> Result<ChangeItem, Error> {
    let m = match v.view() {
        View::Obj(m) => m,
        _ => return Err(type_error(at, Expected::Object)),
    };
    let (mut name, mut approved, mut proposed, mut new, mut tender) =
        (None, None, None, false, false);
    members(m, at, |k, v, here| {
        match k {
            "name" => name = opt_text(v, here, MAX_TEXT_CHARS)?,
            "approved" => approved = opt_money(v, here)?,
            "proposed" => proposed = opt_money(v, here)?,
            "new" => new = opt_bool(v, here)?.unwrap_or(false),
            "tender_savings" => tender = opt_bool(v, here)?.unwrap_or(false),
            _ => {}
        }
        Ok(())
    })?;
    let required = |key: &str| Error::Required {
        field: at.key(key).render(),
    };
    Ok(ChangeItem {
        name,
        approved: approved.ok_or_else(|| required("approved"))?,
        proposed: proposed.ok_or_else(|| required("proposed"))?,
        new,
        tender_savings: tender,
    })
}
