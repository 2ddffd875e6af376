//! Reading the change request (contract §4) from JSON.

use crate::error::{Error, Expected, Reason};
use crate::input::{
    keep, members_kept, object, opt_array, opt_bool, opt_date, opt_int, opt_money, opt_name,
    opt_text, regime_of, type_error, value_error, Ptr, MAX_TEXT_CHARS,
};
use crate::json::{Json, View};
use crate::locale::Locale;
use crate::model::change::{ChangeItem, ChangeReason, ChangeRequest, MAX_ITEMS};
use crate::money::Money;

impl ChangeRequest {
    /// Reads a request from a parsed JSON value; messages will use `locale`.
    ///
    /// A present value that cannot be read (a bad date, amount, reason, flag…; an
    /// `approved_total` of 0; an item that is not an object) does not fail the reading:
    /// it is kept in [`ChangeRequest::invalid`] and counts as absent (contract §8).
    ///
    /// # Errors
    /// `required` for an absent `regime`, `approved_total`, `items` or item amount
    /// (`/items/3/proposed`); `invalid_type` for `items` that is not an array;
    /// `too_large` for more than [`MAX_ITEMS`] items or an over-long name; what concerns
    /// the input as a whole (not an object, unknown regime).
    pub fn from_value(v: Json<'_>, locale: Locale) -> Result<ChangeRequest, Error> {
        let root = Ptr::ROOT;
        let m = object(v, &root)?;
        let regime = regime_of(v.get("regime"), &root.key("regime"))?;
        let mut req = ChangeRequest::new(regime, Money::ZERO, Vec::new());
        req.locale = locale;
        let (mut total_given, mut items) = (false, None);
        let mut bad = Vec::new();
        members_kept(m, &root, &mut bad, |k, v, at, bad| {
            match k {
                "as_of" => req.as_of = keep(opt_date(v, at), bad)?,
                "changed_on" => req.changed_on = keep(opt_date(v, at), bad)?,
                "approved_total" => {
                    total_given = !v.is_null();
                    let total = opt_money(v, at).and_then(|t| match t {
                        Some(t) if t.get().is_zero() => Err(value_error(at, Reason::Positive)),
                        t => Ok(t),
                    });
                    req.approved_total = keep(total, bad)?;
                }
                "goal_changed" => req.goal_changed = keep(opt_bool(v, at), bad)?,
                "content_changed" => req.content_changed = keep(opt_bool(v, at), bad)?,
                "reason" => {
                    req.reason = keep(
                        opt_name(v, at, ChangeReason::from_name, ChangeReason::NAMES),
                        bad,
                    )?
                }
                "budget_year" => {
                    req.budget_year =
                        keep(opt_int(v, at, 2000, 2100), bad)?.and_then(|y| u16::try_from(y).ok())
                }
                "items" => items = opt_array(v, at, MAX_ITEMS, |x, at| read_item(x, at, bad))?,
                _ => {}
            }
            Ok(())
        })?;
        if !total_given {
            return Err(Error::Required {
                field: "/approved_total".into(),
            });
        }
        req.items = items.ok_or_else(|| Error::Required {
            field: "/items".into(),
        })?;
        req.invalid = bad;
        Ok(req)
    }
}

fn read_item(v: Json<'_>, at: &Ptr<'_>, bad: &mut Vec<Error>) -> Result<ChangeItem, Error> {
    let unknown = ChangeItem {
        name: None,
        approved: None,
        proposed: None,
        new: false,
        tender_savings: false,
    };
    let m = match v.view() {
        View::Obj(m) => m,
        _ => {
            bad.push(type_error(at, Expected::Object));
            return Ok(unknown);
        }
    };
    let mut it = unknown;
    let (mut approved, mut proposed) = (false, false);
    members_kept(m, at, bad, |k, v, here, bad| {
        match k {
            "name" => it.name = keep(opt_text(v, here, MAX_TEXT_CHARS), bad)?,
            "approved" => {
                approved = !v.is_null();
                it.approved = keep(opt_money(v, here), bad)?;
            }
            "proposed" => {
                proposed = !v.is_null();
                it.proposed = keep(opt_money(v, here), bad)?;
            }
            "new" => it.new = keep(opt_bool(v, here), bad)?.unwrap_or(false),
            "tender_savings" => it.tender_savings = keep(opt_bool(v, here), bad)?.unwrap_or(false),
            _ => {}
        }
        Ok(())
    })?;
    for (given, key) in [(approved, "approved"), (proposed, "proposed")] {
        if !given {
            return Err(Error::Required {
                field: at.key(key).render(),
            });
        }
    }
    Ok(it)
}
