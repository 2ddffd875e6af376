//! Reading typed inputs from JSON: one reader per value type, each naming the field it
//! reads in its errors. `null` reads as absent everywhere; unknown keys are ignored;
//! a repeated key counts once, with its last value (as `JSON.parse` reads it).

use crate::date::Date;
use crate::error::{Error, Expected, Reason};
use crate::json::{push_escaped_segment, Json, Members, View};
use crate::locale::Locale;
use crate::model::{Application, Chapter, Fact, Facts, Funding, Project, Regime};
use crate::money::{money_from_json, years_from_json, Money};
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

/// An optional array of names from a closed list, collected into a set (`funding`,
/// `design_chapters`).
pub fn opt_name_set<T, S: FromIterator<T>>(
    v: Json<'_>,
    at: &Ptr<'_>,
    max: usize,
    from_name: fn(&str) -> Option<T>,
    names: &'static [&'static str],
) -> Result<Option<S>, Error> {
    Ok(opt_array(v, at, max, |x, at| {
        opt_name(x, at, from_name, names)?.ok_or_else(|| type_error(at, Expected::String))
    })?
    .map(|list| list.into_iter().collect()))
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

impl Application {
    /// Reads an application from JSON text (contract §2).
    ///
    /// # Errors
    /// An [`Error`] naming the field when the text is not JSON, a value has the wrong
    /// type or is out of range, or `regime` is absent or unknown.
    pub fn from_json(text: &str) -> Result<Application, Error> {
        crate::json::read(text, |v| Application::from_value(v?))
    }

    /// Reads an application from a parsed JSON value.
    ///
    /// # Errors
    /// As [`Application::from_json`].
    pub fn from_value(v: Json<'_>) -> Result<Application, Error> {
        let root = Ptr::ROOT;
        let m = object(v, &root)?;
        let mut app = Application::new(regime_of(v.get("regime"), &root.key("regime"))?);
        app.locale = locale_of(v)?;
        members(m, &root, |k, v, at| {
            match k {
                "as_of" => app.as_of = opt_date(v, at)?,
                "project" => {
                    app.project = match v.view() {
                        View::Null => Project::default(),
                        _ => read_project(v, at)?,
                    }
                }
                "facts" => {
                    app.facts = match v.view() {
                        View::Null => Facts::new(),
                        _ => read_facts(v, at)?,
                    }
                }
                _ => {}
            }
            Ok(())
        })?;
        Ok(app)
    }
}

fn read_project(v: Json<'_>, at: &Ptr<'_>) -> Result<Project, Error> {
    let mut p = Project::default();
    members(object(v, at)?, at, |k, v, at| {
        match k {
            "name" => p.name = opt_text(v, at, MAX_TEXT_CHARS)?,
            "kind" => {
                p.kind = opt_name(
                    v,
                    at,
                    crate::model::Kind::from_name,
                    crate::model::Kind::NAMES,
                )?
            }
            "category" => {
                p.category = opt_name(
                    v,
                    at,
                    crate::model::Category::from_name,
                    crate::model::Category::NAMES,
                )?
            }
            "classified" => p.classified = opt_bool(v, at)?.unwrap_or(false),
            "unit_level" => {
                p.unit_level = opt_name(
                    v,
                    at,
                    crate::model::UnitLevel::from_name,
                    crate::model::UnitLevel::NAMES,
                )?
            }
            "investment" => {
                p.investment = Default::default();
                if !v.is_null() {
                    members(object(v, at)?, at, |k, v, at| {
                        let slot = match k {
                            "total" => &mut p.investment.total,
                            "engineering" => &mut p.investment.engineering,
                            "equipment" => &mut p.investment.equipment,
                            "contingency" => &mut p.investment.contingency,
                            _ => return Ok(()),
                        };
                        *slot = opt_money(v, at)?;
                        Ok(())
                    })?;
                }
            }
            "funding" => {
                p.funding = opt_name_set(
                    v,
                    at,
                    MAX_FUNDING_ENTRIES,
                    Funding::from_name,
                    Funding::NAMES,
                )?;
            }
            "budget_year" => {
                p.budget_year = opt_int(v, at, 2000, 2100)?.and_then(|y| u16::try_from(y).ok())
            }
            "service_years" => p.service_years = opt_years(v, at)?,
            "free_maintenance_years" => p.free_maintenance_years = opt_years(v, at)?,
            "includes_construction" => p.includes_construction = opt_bool(v, at)?,
            "main_function_changed" => p.main_function_changed = opt_bool(v, at)?,
            "hardware_replacement_only" => {
                p.hardware_replacement_only = opt_bool(v, at)?.unwrap_or(false)
            }
            "emergency" => p.emergency = opt_bool(v, at)?.unwrap_or(false),
            "civil_works" => p.civil_works = opt_bool(v, at)?.unwrap_or(false),
            "routine_purchase" => p.routine_purchase = opt_bool(v, at)?.unwrap_or(false),
            "contract_signed_on" => p.contract_signed_on = opt_date(v, at)?,
            "tender_completed_on" => p.tender_completed_on = opt_date(v, at)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(p)
}

fn read_facts(v: Json<'_>, at: &Ptr<'_>) -> Result<Facts, Error> {
    let mut facts = Facts::new();
    members(object(v, at)?, at, |k, v, at| {
        if k == "design_chapters" {
            facts.design_chapters = opt_name_set(
                v,
                at,
                MAX_CHAPTER_ENTRIES,
                Chapter::from_name,
                Chapter::NAMES,
            )?;
        } else if let Some(f) = Fact::from_name(k) {
            facts.set(f, opt_bool(v, at)?);
        }
        Ok(())
    })?;
    Ok(facts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (String, String) {
        let e = Application::from_json(text).unwrap_err();
        (e.code().to_string(), e.field().to_string())
    }

    #[test]
    fn errors_name_the_field() {
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
            err(r#"{"regime":"baotou","project":{"investment":{"total":"-1"}}}"#),
            c("invalid_value", "/project/investment/total")
        );
        assert_eq!(
            err(r#"{"regime":"baotou","project":{"investment":{"total":true}}}"#),
            c("invalid_type", "/project/investment/total")
        );
        assert_eq!(
            err(r#"{"regime":"baotou","project":{"investment":{"total":1e400}}}"#),
            c("invalid_value", "/project/investment/total")
        );
        assert_eq!(
            err(r#"{"regime":"baotou","project":{"kind":"demolition"}}"#),
            c("invalid_value", "/project/kind")
        );
        assert_eq!(
            err(r#"{"regime":"baotou","project":{"funding":["local_fiscal","gold"]}}"#),
            c("invalid_value", "/project/funding/1")
        );
        assert_eq!(
            err(r#"{"regime":"baotou","project":{"budget_year":1999}}"#),
            c("invalid_value", "/project/budget_year")
        );
        assert_eq!(
            err(r#"{"regime":"baotou","project":{"budget_year":2027.5}}"#),
            c("invalid_value", "/project/budget_year")
        );
        assert_eq!(
            err(r#"{"regime":"baotou","project":{"budget_year":"2027"}}"#),
            c("invalid_type", "/project/budget_year")
        );
        assert_eq!(
            err(r#"{"regime":"baotou","as_of":"2026-02-29"}"#),
            c("invalid_value", "/as_of")
        );
        assert_eq!(
            err(r#"{"regime":"baotou","facts":{"on_gov_cloud":"yes"}}"#),
            c("invalid_type", "/facts/on_gov_cloud")
        );
        assert_eq!(
            err(r#"{"regime":"baotou","facts":{"design_chapters":["x"]}}"#),
            c("invalid_value", "/facts/design_chapters/0")
        );
        assert_eq!(
            err(r#"{"regime":"baotou","locale":"fr"}"#),
            c("invalid_value", "/locale")
        );
        assert_eq!(
            err(r#"{"regime":"baotou","project":[]}"#),
            c("invalid_type", "/project")
        );
        assert_eq!(
            err(r#"{"regime":"baotou","project":{"a/b":1,"kind":5}}"#),
            c("invalid_type", "/project/kind")
        );
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
