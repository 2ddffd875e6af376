//! Reading the `cost` and `costs` inputs (contract §3) from JSON.

use crate::checks::cost::{
    other_regime, table_of, BadLine, Conditions, CostInput, CostsInput, FeeTable, MAX_COST_LINES,
};
use crate::error::{Error, Expected, Limit};
use crate::input::{
    members, object, opt_bool, opt_money, opt_regime_of, type_error, Ptr, MAX_TEXT_CHARS,
};
use crate::json::{Json, View};
use crate::locale::Locale;
use crate::model::Regime;
use crate::money::Money;
use crate::rules::fees::key_is_empty;

/// The optional `regime` of a cost input (absent or `null`: `None`), with its fee table
/// (the default regime's when absent).
///
/// # Errors
/// `invalid_type` when it is not a string, `unknown_regime` for a name no regime has,
/// `invalid_value` for a regime without a fee table.
fn regime_and_table(
    v: Json<'_>,
    at: &Ptr<'_>,
) -> Result<(Option<Regime>, &'static FeeTable), Error> {
    let regime = opt_regime_of(v.get("regime"), &at.key("regime"))?;
    let table = table_of(regime).map_err(|e| e.within(&at.render()))?;
    Ok((regime, table))
}

impl CostInput {
    /// Reads one line from JSON (`{"regime", "item", "amount", "conditions"}`); pointers
    /// in errors are relative to this value. `regime` is read first (it decides which
    /// conditions the table names).
    ///
    /// # Errors
    /// `unknown_regime` or `invalid_value` (no fee table) at `/regime`; `required` at
    /// `/item` when the item is absent or blank, `invalid_type` for a value of the wrong
    /// type (`/conditions/<name>` for a condition of the table that is not a bool),
    /// `invalid_value` for a malformed amount, `too_large` for an item over
    /// [`MAX_TEXT_CHARS`] characters. An unknown item is reported by
    /// [`classify_cost`](crate::classify_cost).
    pub fn from_value(v: Json<'_>, locale: Locale) -> Result<CostInput, Error> {
        let root = Ptr::ROOT;
        object(v, &root)?;
        let (regime, table) = regime_and_table(v, &root)?;
        CostInput::line_from_value(v, locale, regime, table)
    }

    /// Reads one line under `table` (the regime already read: the line's, or its
    /// budget's).
    fn line_from_value(
        v: Json<'_>,
        locale: Locale,
        regime: Option<Regime>,
        table: &'static FeeTable,
    ) -> Result<CostInput, Error> {
        let root = Ptr::ROOT;
        let m = object(v, &root)?;
        let mut input = CostInput::new(String::new());
        input.locale = locale;
        input.regime = regime;
        let mut item = None;
        members(m, &root, |k, v, at| {
            match k {
                "item" => item = crate::input::opt_text(v, at, MAX_TEXT_CHARS)?,
                "amount" => input.amount = opt_money(v, at)?,
                "conditions" => {
                    input.conditions = Conditions::default();
                    if !v.is_null() {
                        members(object(v, at)?, at, |k, v, at| {
                            if let Some(c) = table.condition(k) {
                                input.conditions.set(c.name, opt_bool(v, at)?);
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
    /// Reads `{"regime", "items": [...]}`. A line's own error stays in its place; a line
    /// that names another regime than the budget's is such an error.
    ///
    /// # Errors
    /// `unknown_regime` or `invalid_value` (no fee table) at `/regime`; `required` at
    /// `/items` when absent, `invalid_type` when not an array or the input is not an
    /// object, `too_large` beyond [`MAX_COST_LINES`] lines.
    #[allow(
        clippy::result_large_err,
        reason = "a bad line is kept in place in the budget's list, not moved up the stack"
    )]
    pub fn from_value(v: Json<'_>, locale: Locale) -> Result<CostsInput, Error> {
        let root = Ptr::ROOT;
        let m = object(v, &root)?;
        let (regime, table) = regime_and_table(v, &root)?;
        let budget = regime.unwrap_or(crate::regimes::DEFAULT_FEE_REGIME);
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
                                    line(x, locale, regime, budget, table).map_err(|e| BadLine {
                                        error: e.within(&format!("/items/{i}")),
                                        amount: readable_amount(x),
                                    })
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
            Some(items) => Ok(CostsInput {
                regime,
                items,
                locale,
            }),
            None => Err(Error::Required {
                field: "/items".into(),
            }),
        }
    }
}

/// One line of a budget under the budget's regime (`budget`, `None` as given: the
/// default): a line may repeat it, not name another.
fn line(
    v: Json<'_>,
    locale: Locale,
    regime: Option<Regime>,
    budget: Regime,
    table: &'static FeeTable,
) -> Result<CostInput, Error> {
    let root = Ptr::ROOT;
    object(v, &root)?;
    let own = opt_regime_of(v.get("regime"), &root.key("regime"))?;
    if own.is_some_and(|r| r != budget) {
        return Err(other_regime(budget));
    }
    CostInput::line_from_value(v, locale, own.or(regime), table)
}

/// The amount of a line that could not be read, when it at least can be (it counts as
/// `unclassified`).
fn readable_amount(v: Json<'_>) -> Option<Money> {
    v.get("amount")
        .and_then(|a| opt_money(a, &Ptr::ROOT.key("amount")).ok().flatten())
}
