//! Reading typed inputs from JSON: one reader per value type, each naming the field it
//! reads in its errors. `null` reads as absent everywhere; unknown keys are ignored;
//! a repeated key counts once, with its last value (as `JSON.parse` reads it).

use crate::date::Date;
use crate::error::{Error, Expected, Reason};
#[cfg(all(feature = "catalog", not(target_arch = "wasm32")))]
use crate::form::{Absent, Type};
use crate::json::{push_escaped_segment, Json, Members, View};
use crate::locale::Locale;
use crate::model::{Application, Chapter, Fact, Facts, Funding, Project, Regime};
use crate::money::{parse_json_number, parse_money_text, Money};
use rust_decimal::Decimal;

pub use crate::limits::MAX_TEXT_CHARS;
use crate::limits::{MAX_CHAPTER_ENTRIES, MAX_FUNDING_ENTRIES};

/// A JSON Pointer under construction; rendered only when an error needs it.
#[derive(Clone, Copy)]
pub struct Ptr<'p> {
    parent: Option<&'p Ptr<'p>>,
    seg: Seg<'p>,
}

#[derive(Clone, Copy)]
enum Seg<'p> {
    Root,
    Key(&'p str),
    Index(usize),
}

impl<'p> Ptr<'p> {
    /// The whole input (`""`).
    pub const ROOT: Ptr<'static> = Ptr {
        parent: None,
        seg: Seg::Root,
    };

    /// The member `key` of this object.
    pub fn key<'q>(&'q self, key: &'q str) -> Ptr<'q> {
        Ptr {
            parent: Some(self),
            seg: Seg::Key(key),
        }
    }

    /// The element `i` of this array.
    pub fn index(&'p self, i: usize) -> Ptr<'p> {
        Ptr {
            parent: Some(self),
            seg: Seg::Index(i),
        }
    }

    /// The pointer text.
    pub fn render(&self) -> String {
        let mut segs = Vec::new();
        let mut p = Some(self);
        while let Some(x) = p {
            segs.push(x.seg);
            p = x.parent;
        }
        let mut out = String::new();
        for s in segs.iter().rev() {
            match s {
                Seg::Root => {}
                Seg::Key(k) => {
                    out.push('/');
                    push_escaped_segment(&mut out, k);
                }
                Seg::Index(i) => {
                    out.push('/');
                    out.push_str(&i.to_string());
                }
            }
        }
        out
    }
}

/// The fields of an application other than the facts (contract §2), in the order of the
/// contract's table: pointer, how it is answered, what an absent answer reads as. The
/// reader below reads exactly these (a test checks each against it); `form` asks those a
/// regime's rules read.
#[cfg(all(feature = "catalog", not(target_arch = "wasm32")))]
pub(crate) const PROJECT_FIELDS: &[(&str, Type, Absent)] = &[
    ("/as_of", Type::Date, Absent::Unanswered),
    ("/project/kind", Type::Choice, Absent::Unanswered),
    ("/project/category", Type::Choice, Absent::Unanswered),
    ("/project/classified", Type::Bool, Absent::False),
    (
        "/project/unit_level",
        Type::Choice,
        Absent::Value("municipal"),
    ),
    ("/project/investment/total", Type::Money, Absent::Unanswered),
    (
        "/project/investment/engineering",
        Type::Money,
        Absent::Unanswered,
    ),
    (
        "/project/investment/equipment",
        Type::Money,
        Absent::Unanswered,
    ),
    (
        "/project/investment/contingency",
        Type::Money,
        Absent::Unanswered,
    ),
    ("/project/funding", Type::Choices, Absent::Unanswered),
    ("/project/budget_year", Type::Year, Absent::Unanswered),
    ("/project/service_years", Type::Years, Absent::Unanswered),
    (
        "/project/free_maintenance_years",
        Type::Years,
        Absent::Unanswered,
    ),
    (
        "/project/includes_construction",
        Type::Bool,
        Absent::Unanswered,
    ),
    (
        "/project/main_function_changed",
        Type::Bool,
        Absent::Unanswered,
    ),
    (
        "/project/hardware_replacement_only",
        Type::Bool,
        Absent::False,
    ),
    ("/project/emergency", Type::Bool, Absent::False),
    ("/project/civil_works", Type::Bool, Absent::False),
    ("/project/routine_purchase", Type::Bool, Absent::False),
    (
        "/project/contract_signed_on",
        Type::Date,
        Absent::Unanswered,
    ),
    (
        "/project/tender_completed_on",
        Type::Date,
        Absent::Unanswered,
    ),
    ("/project/name", Type::Text, Absent::Unanswered),
];

/// The fields of a change request (contract §4), `/items/-/…` standing for the field in
/// every item.
#[cfg(all(feature = "catalog", not(target_arch = "wasm32")))]
pub(crate) const CHANGE_FIELDS: &[(&str, Type, Absent)] = &[
    ("/as_of", Type::Date, Absent::Unanswered),
    ("/changed_on", Type::Date, Absent::Unanswered),
    ("/approved_total", Type::Money, Absent::Unanswered),
    ("/goal_changed", Type::Bool, Absent::Unanswered),
    ("/content_changed", Type::Bool, Absent::Unanswered),
    ("/reason", Type::Choice, Absent::Unanswered),
    ("/budget_year", Type::Year, Absent::Unanswered),
    ("/items/-/name", Type::Text, Absent::Unanswered),
    ("/items/-/approved", Type::Money, Absent::Unanswered),
    ("/items/-/proposed", Type::Money, Absent::Unanswered),
    ("/items/-/new", Type::Bool, Absent::False),
    ("/items/-/tender_savings", Type::Bool, Absent::False),
];

/// The members of an object, or `invalid_type`.
pub fn object<'a>(v: Json<'a>, at: &Ptr<'_>) -> Result<Members<'a>, Error> {
    match v.view() {
        View::Obj(m) => Ok(m),
        _ => Err(type_error(at, Expected::Object)),
    }
}

/// `invalid_type` at `at`.
pub fn type_error(at: &Ptr<'_>, expected: Expected) -> Error {
    Error::InvalidType {
        field: at.render(),
        expected,
    }
}

/// `invalid_value` at `at`.
pub fn value_error(at: &Ptr<'_>, reason: Reason) -> Error {
    Error::InvalidValue {
        field: at.render(),
        reason,
    }
}

/// Visits each member of an object once, in order, skipping `null`s as absent only
/// after giving the visitor a chance to clear the field; an error on a member that a
/// later repetition of the same key replaces is ignored (as `JSON.parse` would drop it).
pub fn members<'a>(
    mut m: Members<'a>,
    at: &Ptr<'_>,
    mut visit: impl FnMut(&str, Json<'a>, &Ptr<'_>) -> Result<(), Error>,
) -> Result<(), Error> {
    while let Some((k, v)) = m.next() {
        let here = at.key(k);
        if let Err(e) = visit(k, v, &here) {
            let replaced = m.clone().any(|(k2, _)| k2 == k);
            if !replaced {
                return Err(e);
            }
        }
    }
    Ok(())
}

/// An optional bool.
pub fn opt_bool(v: Json<'_>, at: &Ptr<'_>) -> Result<Option<bool>, Error> {
    match v.view() {
        View::Null => Ok(None),
        View::Bool(b) => Ok(Some(b)),
        _ => Err(type_error(at, Expected::Bool)),
    }
}

/// An optional amount in 万元.
pub fn opt_money(v: Json<'_>, at: &Ptr<'_>) -> Result<Option<Money>, Error> {
    match v.view() {
        View::Null => Ok(None),
        _ => money_from_json(v, &|| at.render()).map(Some),
    }
}

/// An optional number of years.
pub fn opt_years(v: Json<'_>, at: &Ptr<'_>) -> Result<Option<Decimal>, Error> {
    match v.view() {
        View::Null => Ok(None),
        _ => years_from_json(v, &|| at.render()).map(Some),
    }
}

/// An optional `YYYY-MM-DD` date.
pub fn opt_date(v: Json<'_>, at: &Ptr<'_>) -> Result<Option<Date>, Error> {
    match v.view() {
        View::Null => Ok(None),
        View::Str(s) => Date::parse(s)
            .map(Some)
            .ok_or_else(|| value_error(at, Reason::Date)),
        _ => Err(type_error(at, Expected::Date)),
    }
}

/// An optional string of at most `max` characters.
pub fn opt_text(v: Json<'_>, at: &Ptr<'_>, max: usize) -> Result<Option<String>, Error> {
    match v.view() {
        View::Null => Ok(None),
        View::Str(s) => {
            if s.chars().nth(max).is_some() {
                return Err(Error::TooLarge {
                    field: at.render(),
                    limit: crate::error::Limit::StringChars(max),
                });
            }
            Ok(Some(s.to_string()))
        }
        _ => Err(type_error(at, Expected::String)),
    }
}

/// An optional integer in `min..=max`.
pub fn opt_int(v: Json<'_>, at: &Ptr<'_>, min: i64, max: i64) -> Result<Option<i64>, Error> {
    let range = || value_error(at, Reason::Range { min, max });
    match v.view() {
        View::Null => Ok(None),
        View::Num(t) => {
            let d = crate::money::parse_json_number(t).map_err(|reason| value_error(at, reason))?;
            if !d.fract().is_zero() {
                return Err(range());
            }
            let n = i64::try_from(d.trunc()).map_err(|_| range())?;
            if n < min || n > max {
                return Err(range());
            }
            Ok(Some(n))
        }
        _ => Err(type_error(at, Expected::Integer)),
    }
}

/// An optional name from a closed list.
pub fn opt_name<T>(
    v: Json<'_>,
    at: &Ptr<'_>,
    from_name: fn(&str) -> Option<T>,
    names: &'static [&'static str],
) -> Result<Option<T>, Error> {
    match v.view() {
        View::Null => Ok(None),
        View::Str(s) => from_name(s)
            .map(Some)
            .ok_or_else(|| value_error(at, Reason::OneOf(names))),
        _ => Err(type_error(at, Expected::String)),
    }
}

/// An optional array, each element read by `each`.
pub fn opt_array<'a, T>(
    v: Json<'a>,
    at: &Ptr<'_>,
    max: usize,
    mut each: impl FnMut(Json<'a>, &Ptr<'_>) -> Result<T, Error>,
) -> Result<Option<Vec<T>>, Error> {
    match v.view() {
        View::Null => Ok(None),
        View::Arr(items) => {
            if items.len() > max {
                return Err(Error::TooLarge {
                    field: at.render(),
                    limit: crate::error::Limit::ArrayLen(max),
                });
            }
            items
                .enumerate()
                .map(|(i, x)| each(x, &at.index(i)))
                .collect::<Result<Vec<T>, Error>>()
                .map(Some)
        }
        _ => Err(type_error(at, Expected::Array)),
    }
}

/// Reads `locale` from an input object (default `zh-CN`).
pub fn locale_of(input: Json<'_>) -> Result<Locale, Error> {
    match input.get("locale").map(Json::view) {
        None | Some(View::Null) => Ok(Locale::Zh),
        Some(View::Str(s)) => Locale::from_tag(s).ok_or_else(|| Error::InvalidValue {
            field: "/locale".into(),
            reason: Reason::OneOf(&["zh-CN", "en"]),
        }),
        Some(_) => Err(Error::InvalidType {
            field: "/locale".into(),
            expected: Expected::String,
        }),
    }
}

/// Reads the required `regime`.
pub fn regime_of(v: Option<Json<'_>>, at: &Ptr<'_>) -> Result<Regime, Error> {
    match v.map(Json::view) {
        None | Some(View::Null) => Err(Error::Required { field: at.render() }),
        Some(View::Str(s)) => Regime::from_name(s).ok_or_else(|| Error::UnknownRegime {
            field: at.render(),
            given: s.chars().take(100).collect(),
        }),
        Some(_) => Err(type_error(at, Expected::String)),
    }
}

/// Reads an optional `regime` (absent or `null`: `None`; cost, costs and project_class
/// name a default).
pub fn opt_regime_of(v: Option<Json<'_>>, at: &Ptr<'_>) -> Result<Option<Regime>, Error> {
    match v.map(Json::view) {
        None | Some(View::Null) => Ok(None),
        Some(_) => regime_of(v, at).map(Some),
    }
}

/// A value the reader cannot use, kept instead of failing the whole input (contract §8):
/// `Ok(value)`, or `Ok(None)` with the error put in `bad`. An error about the input as
/// a whole (`too_large`: a size limit) stays an error.
///
/// # Errors
/// `too_large`.
pub fn keep<T>(r: Result<Option<T>, Error>, bad: &mut Vec<Error>) -> Result<Option<T>, Error> {
    match r {
        Ok(v) => Ok(v),
        Err(e @ Error::TooLarge { .. }) => Err(e),
        Err(e) => {
            bad.push(e);
            Ok(None)
        }
    }
}

/// [`members`] for a reader that keeps bad values in `bad` ([`keep`]): what a later
/// repetition of the same key replaces is dropped, its bad values too (as `JSON.parse`
/// keeps the last value).
///
/// # Errors
/// The first error `visit` returns for a key that is not repeated later.
pub fn members_kept<'a>(
    mut m: Members<'a>,
    at: &Ptr<'_>,
    bad: &mut Vec<Error>,
    mut visit: impl FnMut(&str, Json<'a>, &Ptr<'_>, &mut Vec<Error>) -> Result<(), Error>,
) -> Result<(), Error> {
    while let Some((k, v)) = m.next() {
        let here = at.key(k);
        let mark = bad.len();
        let r = visit(k, v, &here, bad);
        if (r.is_err() || bad.len() > mark) && m.clone().any(|(k2, _)| k2 == k) {
            bad.truncate(mark);
            continue;
        }
        r?;
    }
    Ok(())
}

/// An optional array of names from a closed list, collected into a set, each bad element
/// kept in `bad` at its own pointer; with any bad element (or a value that is no array)
/// the whole array counts as absent (contract §8).
///
/// # Errors
/// `too_large` for an array longer than `max`.
pub fn kept_name_set<T, S: FromIterator<T>>(
    v: Json<'_>,
    at: &Ptr<'_>,
    max: usize,
    from_name: fn(&str) -> Option<T>,
    names: &'static [&'static str],
    bad: &mut Vec<Error>,
) -> Result<Option<S>, Error> {
    let items = match v.view() {
        View::Null => return Ok(None),
        View::Arr(items) => items,
        _ => return keep(Err(type_error(at, Expected::Array)), bad),
    };
    if items.len() > max {
        return Err(Error::TooLarge {
            field: at.render(),
            limit: crate::error::Limit::ArrayLen(max),
        });
    }
    let mark = bad.len();
    let mut list = Vec::with_capacity(items.len());
    for (i, x) in items.enumerate() {
        let here = at.index(i);
        let r = opt_name(x, &here, from_name, names).and_then(|n| {
            n.ok_or_else(|| type_error(&here, Expected::String))
                .map(Some)
        });
        if let Some(n) = keep(r, bad)? {
            list.push(n);
        }
    }
    Ok((bad.len() == mark).then(|| list.into_iter().collect()))
}

impl Application {
    /// Reads an application from a parsed JSON value (contract §2, §8).
    ///
    /// A present value of a known field that has the wrong type or is out of range does
    /// not fail the reading: it is kept in [`Application::invalid`] (reported as an
    /// `invalid` finding) and counts as absent.
    ///
    /// # Errors
    /// An [`Error`] when the input cannot be checked at all: the input is not an object,
    /// `regime` is absent or unknown, `locale` is bad, or a size limit is passed
    /// (`too_large`).
    pub fn from_value(v: Json<'_>) -> Result<Application, Error> {
        let root = Ptr::ROOT;
        let m = object(v, &root)?;
        let mut app = Application::new(regime_of(v.get("regime"), &root.key("regime"))?);
        app.locale = locale_of(v)?;
        let mut bad = Vec::new();
        members_kept(m, &root, &mut bad, |k, v, at, bad| {
            match k {
                "as_of" => app.as_of = keep(opt_date(v, at), bad)?,
                "project" => app.project = read_project(v, at, bad)?,
                "facts" => app.facts = read_facts(v, at, bad)?,
                _ => {}
            }
            Ok(())
        })?;
        app.invalid = bad;
        Ok(app)
    }
}

/// The members of an object, `None` for `null` or (kept in `bad`) a value of another type.
fn kept_object<'a>(
    v: Json<'a>,
    at: &Ptr<'_>,
    bad: &mut Vec<Error>,
) -> Result<Option<Members<'a>>, Error> {
    match v.view() {
        View::Null => Ok(None),
        _ => keep(object(v, at).map(Some), bad),
    }
}

fn read_project(v: Json<'_>, at: &Ptr<'_>, bad: &mut Vec<Error>) -> Result<Project, Error> {
    use crate::model::{Category, Kind, UnitLevel};
    let mut p = Project::default();
    let Some(m) = kept_object(v, at, bad)? else {
        return Ok(p);
    };
    members_kept(m, at, bad, |k, v, at, bad| {
        match k {
            "name" => p.name = keep(opt_text(v, at, MAX_TEXT_CHARS), bad)?,
            "kind" => p.kind = keep(opt_name(v, at, Kind::from_name, Kind::NAMES), bad)?,
            "category" => {
                p.category = keep(opt_name(v, at, Category::from_name, Category::NAMES), bad)?
            }
            "classified" => p.classified = keep(opt_bool(v, at), bad)?.unwrap_or(false),
            "unit_level" => {
                p.unit_level = keep(opt_name(v, at, UnitLevel::from_name, UnitLevel::NAMES), bad)?
            }
            "investment" => {
                p.investment = Default::default();
                if let Some(m) = kept_object(v, at, bad)? {
                    members_kept(m, at, bad, |k, v, at, bad| {
                        let slot = match k {
                            "total" => &mut p.investment.total,
                            "engineering" => &mut p.investment.engineering,
                            "equipment" => &mut p.investment.equipment,
                            "contingency" => &mut p.investment.contingency,
                            _ => return Ok(()),
                        };
                        *slot = keep(opt_money(v, at), bad)?;
                        Ok(())
                    })?;
                }
            }
            "funding" => {
                p.funding = kept_name_set(
                    v,
                    at,
                    MAX_FUNDING_ENTRIES,
                    Funding::from_name,
                    Funding::NAMES,
                    bad,
                )?;
            }
            "budget_year" => {
                p.budget_year =
                    keep(opt_int(v, at, 2000, 2100), bad)?.and_then(|y| u16::try_from(y).ok())
            }
            "service_years" => p.service_years = keep(opt_years(v, at), bad)?,
            "free_maintenance_years" => p.free_maintenance_years = keep(opt_years(v, at), bad)?,
            "includes_construction" => p.includes_construction = keep(opt_bool(v, at), bad)?,
            "main_function_changed" => p.main_function_changed = keep(opt_bool(v, at), bad)?,
            "hardware_replacement_only" => {
                p.hardware_replacement_only = keep(opt_bool(v, at), bad)?.unwrap_or(false)
            }
            "emergency" => p.emergency = keep(opt_bool(v, at), bad)?.unwrap_or(false),
            "civil_works" => p.civil_works = keep(opt_bool(v, at), bad)?.unwrap_or(false),
            "routine_purchase" => p.routine_purchase = keep(opt_bool(v, at), bad)?.unwrap_or(false),
            "contract_signed_on" => p.contract_signed_on = keep(opt_date(v, at), bad)?,
            "tender_completed_on" => p.tender_completed_on = keep(opt_date(v, at), bad)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(p)
}

fn read_facts(v: Json<'_>, at: &Ptr<'_>, bad: &mut Vec<Error>) -> Result<Facts, Error> {
    let mut facts = Facts::new();
    let Some(m) = kept_object(v, at, bad)? else {
        return Ok(facts);
    };
    members_kept(m, at, bad, |k, v, at, bad| {
        if k == "design_chapters" {
            facts.design_chapters = kept_name_set(
                v,
                at,
                MAX_CHAPTER_ENTRIES,
                Chapter::from_name,
                Chapter::NAMES,
                bad,
            )?;
        } else if let Some(f) = Fact::from_name(k) {
            facts.set(f, keep(opt_bool(v, at), bad)?);
        }
        Ok(())
    })?;
    Ok(facts)
}

/// Reads money from a JSON value at `field`: a decimal string or a JSON number.
pub(crate) fn money_from_json(v: Json<'_>, field: &dyn Fn() -> String) -> Result<Money, Error> {
    let d = match v.view() {
        View::Str(s) => parse_money_text(s),
        View::Num(t) => parse_json_number(t),
        _ => {
            return Err(Error::InvalidType {
                field: field(),
                expected: Expected::Decimal,
            })
        }
    };
    d.and_then(Money::new)
        .map_err(|reason| Error::InvalidValue {
            field: field(),
            reason,
        })
}

/// Reads a non-negative number of years (decimal string or JSON number).
pub(crate) fn years_from_json(v: Json<'_>, field: &dyn Fn() -> String) -> Result<Decimal, Error> {
    money_from_json(v, field)
        .map(Money::get)
        .map_err(|e| match e {
            Error::InvalidValue { field, reason } if reason != Reason::NonFinite => {
                Error::InvalidValue {
                    field,
                    reason: Reason::Years,
                }
            }
            e => e,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (String, String) {
        let e = Application::from_json(text).unwrap_err();
        (e.code().to_string(), e.field().to_string())
    }

    /// The values kept as invalid, as (code, pointer), in input order.
    fn bad(text: &str) -> Vec<(String, String)> {
        Application::from_json(text)
            .unwrap()
            .invalid
            .iter()
            .map(|e| (e.code().to_string(), e.field().to_string()))
            .collect()
    }

    #[test]
    fn what_cannot_be_checked_at_all_is_an_error() {
        let c = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(err("{}"), c("required", "/regime"));
        assert_eq!(err(r#"{"regime":null}"#), c("required", "/regime"));
        assert_eq!(err(r#"{"regime":1}"#), c("invalid_type", "/regime"));
        assert_eq!(
            err(r#"{"regime":"beijing"}"#),
            c("unknown_regime", "/regime")
        );
        assert_eq!(err("[]"), c("invalid_type", ""));
        assert_eq!(err("{"), c("invalid_json", ""));
        assert_eq!(
            err(r#"{"regime":"baotou","locale":"fr"}"#),
            c("invalid_value", "/locale")
        );
        let long = "长".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            err(&format!(
                r#"{{"regime":"baotou","facts":{{"on_gov_cloud":"x"}},"project":{{"name":"{long}"}}}}"#
            )),
            c("too_large", "/project/name")
        );
        let many = vec!["\"central\""; MAX_FUNDING_ENTRIES + 1].join(",");
        assert_eq!(
            err(&format!(
                r#"{{"regime":"baotou","project":{{"funding":[{many}]}}}}"#
            )),
            c("too_large", "/project/funding")
        );
    }

    /// Contract §8: a bad value of a known field is kept, named by its pointer, and
    /// reading goes on.
    #[test]
    fn bad_values_are_kept_at_their_field() {
        let c = |a: &str, b: &str| vec![(a.to_string(), b.to_string())];
        let b = |t: &str| bad(&format!(r#"{{"regime":"baotou",{t}}}"#));
        assert_eq!(
            b(r#""project":{"investment":{"total":"-1"}}"#),
            c("invalid_value", "/project/investment/total")
        );
        assert_eq!(
            b(r#""project":{"investment":{"total":true}}"#),
            c("invalid_type", "/project/investment/total")
        );
        assert_eq!(
            b(r#""project":{"investment":{"total":1e400}}"#),
            c("invalid_value", "/project/investment/total")
        );
        assert_eq!(
            b(r#""project":{"kind":"demolition"}"#),
            c("invalid_value", "/project/kind")
        );
        assert_eq!(
            b(r#""project":{"budget_year":1999}"#),
            c("invalid_value", "/project/budget_year")
        );
        assert_eq!(
            b(r#""project":{"budget_year":2027.5}"#),
            c("invalid_value", "/project/budget_year")
        );
        assert_eq!(
            b(r#""project":{"budget_year":"2027"}"#),
            c("invalid_type", "/project/budget_year")
        );
        assert_eq!(b(r#""as_of":"2026-02-29""#), c("invalid_value", "/as_of"));
        assert_eq!(
            b(r#""facts":{"on_gov_cloud":"yes"}"#),
            c("invalid_type", "/facts/on_gov_cloud")
        );
        assert_eq!(b(r#""project":[]"#), c("invalid_type", "/project"));
        assert_eq!(b(r#""facts":5"#), c("invalid_type", "/facts"));
        assert_eq!(
            b(r#""project":{"investment":"12"}"#),
            c("invalid_type", "/project/investment")
        );
        assert_eq!(
            b(r#""project":{"a/b":1,"kind":5}"#),
            c("invalid_type", "/project/kind")
        );
        // Every bad element at its own pointer; the whole array counts as absent.
        let a = Application::from_json(
            r#"{"regime":"baotou","project":{"funding":["local_fiscal","gold",3]},"facts":{"design_chapters":["x"]}}"#,
        )
        .unwrap();
        assert_eq!(a.project.funding, None);
        assert_eq!(a.facts.design_chapters, None);
        let fields: Vec<&str> = a.invalid.iter().map(Error::field).collect();
        assert_eq!(
            fields,
            [
                "/project/funding/1",
                "/project/funding/2",
                "/facts/design_chapters/0"
            ]
        );
        assert_eq!(
            b(r#""project":{"funding":"central"}"#),
            c("invalid_type", "/project/funding")
        );
        // All at once, in input order; the others are still read.
        let a = Application::from_json(
            r#"{"regime":"baotou","facts":{"on_gov_cloud":"yes","in_project_library":true},"as_of":"2026-13-01","project":{"kind":"upgrade","classified":"no","unit_level":"city","investment":{"total":"12a","engineering":"5"}}}"#,
        )
        .unwrap();
        let fields: Vec<&str> = a.invalid.iter().map(Error::field).collect();
        assert_eq!(
            fields,
            [
                "/facts/on_gov_cloud",
                "/as_of",
                "/project/kind",
                "/project/classified",
                "/project/unit_level",
                "/project/investment/total"
            ]
        );
        assert_eq!(a.facts.get(Fact::InProjectLibrary), Some(true));
        assert_eq!(a.facts.get(Fact::OnGovCloud), None);
        assert!(!a.project.classified); // a check box takes its default
        assert_eq!(a.project.unit_level, None); // read as municipal
        assert_eq!(
            a.project.investment.effective_total().unwrap().to_string(),
            "5"
        );
        // A repeated key: the last value stands, with its own verdict on validity.
        assert!(
            bad(r#"{"regime":"baotou","facts":{"on_gov_cloud":"yes","on_gov_cloud":true}}"#)
                .is_empty()
        );
        assert_eq!(
            b(r#""facts":{"on_gov_cloud":true,"on_gov_cloud":"yes"}"#),
            c("invalid_type", "/facts/on_gov_cloud")
        );
        assert!(
            bad(r#"{"regime":"baotou","project":{"kind":"x"},"project":{"kind":"new"}}"#)
                .is_empty()
        );
        // "287." (on the way to "287.5") is 287.
        let a = Application::from_json(
            r#"{"regime":"baotou","project":{"investment":{"total":"287."}}}"#,
        )
        .unwrap();
        assert!(a.invalid.is_empty());
        assert_eq!(a.project.investment.total.unwrap().to_string(), "287");
    }

    /// `PROJECT_FIELDS` (what `form` asks from) is what the reader reads: a value of the
    /// declared type is read, any other (an object) is kept as invalid at that pointer.
    #[test]
    fn the_schema_is_what_the_reader_reads() {
        let json_at = |ptr: &str, v: &str| {
            let mut text = r#"{"regime":"baotou","#.to_string();
            let parts: Vec<&str> = ptr.trim_start_matches('/').split('/').collect();
            for p in &parts[..parts.len() - 1] {
                text.push_str(&format!(r#""{p}":{{"#));
            }
            text.push_str(&format!(r#""{}":{v}"#, parts[parts.len() - 1]));
            text.push_str(&"}".repeat(parts.len()));
            text
        };
        for &(ptr, kind, _) in PROJECT_FIELDS {
            let good = match kind {
                Type::Bool => "true",
                Type::Money => "\"12.5\"",
                Type::Date => "\"2026-03-01\"",
                Type::Years => "3",
                Type::Year => "2027",
                Type::Text => "\"x\"",
                Type::Choice => match ptr {
                    "/project/kind" => "\"new\"",
                    "/project/category" => "\"goods\"",
                    _ => "\"county\"",
                },
                Type::Choices => "[\"central\"]",
            };
            let a = Application::from_json(&json_at(ptr, good)).unwrap();
            assert!(a.invalid.is_empty(), "{ptr}: {:?}", a.invalid);
            assert_ne!(
                a,
                Application::new(crate::model::Regime::BAOTOU),
                "{ptr} not read"
            );
            let a = Application::from_json(&json_at(ptr, "{}")).unwrap();
            let fields: Vec<&str> = a.invalid.iter().map(Error::field).collect();
            assert_eq!(fields, [ptr]);
        }
    }

    #[test]
    fn null_and_unknown_keys_and_repeats() {
        let a = Application::from_json(
            r#"{"regime":"wulong","extra":{"x":[1]},"project":{"kind":"bad","kind":"new","total":null,"investment":null},"facts":{"on_gov_cloud":null,"zzz":1}}"#,
        )
        .unwrap();
        assert_eq!(a.project.kind, Some(crate::model::Kind::New));
        assert_eq!(a.facts.get(Fact::OnGovCloud), None);
        let a =
            Application::from_json(r#"{"regime":"wulong","project":{"kind":"new","kind":null}}"#)
                .unwrap();
        assert_eq!(a.project.kind, None);
    }
}
