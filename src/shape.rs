//! The JSON Schema of the value types (feature `schema`, native only): vocabularies,
//! dates, money, the facts and the other types the values layer writes by hand, and the
//! markers the derived schemas name (`Decimal`, `Years`, `LocaleTag`, `RulesetId`). The
//! whole document is put together by `crate::schema` (the input/output layer).

use schemars::generate::Contract;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// `{"type": "string", "enum": names}`: a vocabulary.
pub(crate) fn names_schema(names: &[&str]) -> Schema {
    json_schema!({ "type": "string", "enum": names })
}

/// Types that stand for a JSON shape in the derived schemas (`schemars(with = …)`),
/// each a named schema.
macro_rules! markers {
    ($($(#[$m:meta])* $T:ident => $schema:expr;)*) => {$(
        $(#[$m])*
        pub(crate) struct $T;

        impl JsonSchema for $T {
            fn schema_name() -> Cow<'static, str> {
                stringify!($T).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                $schema
            }
        }
    )*};
}

markers! {
    /// An exact decimal as the answers write it: a normalized string (`"12.5"`, `"-10"`).
    Decimal => json_schema!({
        "type": "string",
        "description": "An exact decimal, normalized (no trailing zeros): \"1280.5\", \"-10\".",
        "pattern": "^-?[0-9]+(\\.[0-9]+)?$"
    });
    /// Years as an input gives them: a non-negative number or a decimal string.
    Years => json_schema!({
        "description": "A non-negative number of years: 3 or \"3.5\".",
        "type": ["string", "number"]
    });
    /// An input's `locale`: `zh-CN` (default) or `en` (`zh-*` and `en-*` tags are read too).
    LocaleTag => json_schema!({
        "type": "string",
        "description": "The language of the messages: \"zh-CN\" (default) or \"en\"; other zh-* and en-* tags are read as these.",
        "examples": crate::locale::Locale::ALL.iter().map(|l| l.tag()).collect::<Vec<_>>()
    });
    /// `ruleset_id`: which build of the rules decided (contract §8).
    RulesetId => json_schema!({
        "type": "string",
        "description": "Which build of the rules decided: a lowercase hex digest, the same on every surface of one build.",
        "pattern": "^[0-9a-f]{16,}$"
    });
}

impl JsonSchema for crate::Regime {
    fn schema_name() -> Cow<'static, str> {
        "RegimeId".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut s = names_schema(
            &crate::Regime::ALL
                .iter()
                .map(|r| r.name())
                .collect::<Vec<_>>(),
        );
        s.insert(
            "description".into(),
            "A regulation: the registry of src/regimes/mod.rs.".into(),
        );
        s
    }
}

impl JsonSchema for crate::Date {
    fn schema_name() -> Cow<'static, str> {
        "DateString".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "A calendar date, \"YYYY-MM-DD\".",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

impl JsonSchema for crate::Money {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }
    /// Read: a decimal string or a number (万元, exact); written: a normalized decimal string.
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        match g.contract() {
            Contract::Deserialize => json_schema!({
                "description": "An amount in 万元 (10,000 yuan): a decimal string such as \"1280.5\" (exact) or a JSON number; at least 0, at most 6 decimals, at most 1e12.",
                "anyOf": [
                    { "type": "string", "pattern": "^[0-9]*\\.?[0-9]*$" },
                    { "type": "number", "minimum": 0 }
                ]
            }),
            _ => g.subschema_for::<Decimal>(),
        }
    }
}

/// `Option<T>` as an input field: absent, `null` or a `T`.
pub(crate) fn optional<T: JsonSchema>(g: &mut SchemaGenerator) -> Value {
    g.subschema_for::<Option<T>>().to_value()
}

/// An object of optional members (each absent, `null` or as given), in order.
pub(crate) fn object_of(members: Vec<(&str, Value)>, description: &str) -> Schema {
    let properties: Map<String, Value> = members
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    json_schema!({ "type": "object", "description": description, "properties": properties })
}

impl JsonSchema for crate::Facts {
    fn schema_name() -> Cow<'static, str> {
        "Facts".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let mut members: Vec<(&str, Value)> = crate::Fact::ALL
            .iter()
            .map(|f| {
                let mut v = optional::<bool>(g);
                if let Value::Object(m) = &mut v {
                    m.insert("description".into(), f.label(crate::Locale::Zh).into());
                }
                (f.name(), v)
            })
            .collect();
        members.push(("design_chapters", optional::<crate::ChapterSet>(g)));
        object_of(
            members,
            "The applicant's answers: absent (or null) means \"not answered yet\", not false.",
        )
    }
}

/// A set of a vocabulary's values, written as an array of their names.
macro_rules! set_schema {
    ($($Set:ty => $T:ty;)*) => {$(
        impl JsonSchema for $Set {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> Cow<'static, str> {
                concat!(stringify!($T), "List").into()
            }
            fn json_schema(g: &mut SchemaGenerator) -> Schema {
                g.subschema_for::<Vec<$T>>()
            }
        }
    )*};
}

set_schema! {
    crate::FundingSet => crate::Funding;
    crate::ChapterSet => crate::Chapter;
}
