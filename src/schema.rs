//! The JSON Schema of every input and answer, derived from the types (feature `schema`,
//! native only): what `crates/schema` turns into docs/openapi.json and the npm package's
//! TypeScript types (`cargo run -p govit-check-schema`).
//!
//! The structs whose JSON serde derives carry `#[derive(JsonSchema)]` under the feature
//! (their fields, their order, what may be absent or `null` come from the same
//! declarations the writer uses); the types written by hand (a vocabulary, a date, money,
//! the facts, the error object, a form's condition) have their schema here, beside the
//! vocabularies they list, so a new fact, regime, level or error code is in the schema as
//! soon as it is in the code. Inputs are described as they are read (every optional field
//! may be absent or `null`; money is a decimal string or a number), answers as they are
//! written (every key the writer always writes is required, and `null` only where it may
//! be).

use crate::shape::{names_schema, object_of, optional, RulesetId};
use schemars::generate::SchemaSettings;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};
use std::borrow::Cow;

impl JsonSchema for crate::Conditions {
    fn schema_name() -> Cow<'static, str> {
        "CostConditions".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let members = crate::regimes::fee_conditions()
            .iter()
            .map(|c| (c.name, optional::<bool>(g)))
            .collect();
        object_of(
            members,
            "The answers to the fee table's conditions, by name (those of every regulation's table): absent (or null) is not answered yet.",
        )
    }
}

/// The error object's body (contract §6), as [`crate::ErrorBody`] writes it.
impl JsonSchema for crate::ErrorBody<'_> {
    fn schema_name() -> Cow<'static, str> {
        "ErrorBody".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let ruleset_id = g.subschema_for::<RulesetId>();
        json_schema!({
            "type": "object",
            "description": "An input that cannot be checked (contract §6).",
            "required": ["code", "field", "message", "ruleset_id"],
            "properties": {
                "code": names_schema(&crate::ERROR_CODES),
                "field": { "type": "string", "description": "JSON Pointer of the field at fault (\"\" for the whole input)." },
                "message": { "type": "string", "description": "What is wrong and what to do, in the input's locale." },
                "suggestions": { "type": "array", "items": { "type": "string" }, "description": "unknown_item: the closest item codes, best first (possibly none)." },
                "candidates": {
                    "type": "array",
                    "minItems": 2,
                    "description": "ambiguous_item (contract §9): every row the item fits, those of its object first; choose one, or split the line.",
                    "items": {
                        "type": "object",
                        "required": ["item", "label", "treatment"],
                        "properties": {
                            "item": { "type": "string" },
                            "label": { "type": "string" },
                            "treatment": names_schema(crate::Treatment::NAMES)
                        }
                    }
                },
                "ruleset_id": ruleset_id
            }
        })
    }
}

/// `{"error": {...}}`: what every surface answers for an input that cannot be checked.
pub(crate) struct ErrorAnswer;

impl JsonSchema for ErrorAnswer {
    fn schema_name() -> Cow<'static, str> {
        "ErrorAnswer".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let body = g.subschema_for::<crate::ErrorBody<'_>>();
        json_schema!({
            "type": "object",
            "required": ["error"],
            "properties": { "error": body }
        })
    }
}

impl JsonSchema for crate::CostLine {
    fn schema_name() -> Cow<'static, str> {
        "CostLine".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let decision = g.subschema_for::<crate::CostDecision>();
        let error = g.subschema_for::<ErrorAnswer>();
        json_schema!({
            "description": "A line's decision, or `{\"error\": ...}` in its place (its field points into the whole input).",
            "anyOf": [decision, error]
        })
    }
}

#[cfg(feature = "catalog")]
mod form {
    use super::*;
    use crate::form::{Absent, AskWhen, Labels, Type};

    impl JsonSchema for Type {
        fn schema_name() -> Cow<'static, str> {
            "QuestionType".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            names_schema(&Type::ALL.iter().map(|t| t.name()).collect::<Vec<_>>())
        }
    }

    impl JsonSchema for Absent {
        fn inline_schema() -> bool {
            true
        }
        fn schema_name() -> Cow<'static, str> {
            "Absent".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "What an absent answer reads as: null (unanswered), false (an unticked box) or a value (\"municipal\").",
                "type": ["boolean", "string", "null"]
            })
        }
    }

    impl JsonSchema for AskWhen {
        fn schema_name() -> Cow<'static, str> {
            "AskWhen".into()
        }
        /// One of four objects, each a named schema (a generated client reads each as a
        /// model; `any` and `all` nest conditions).
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            let variants: Vec<Value> = [
                g.subschema_for::<Variant<0>>(),
                g.subschema_for::<Variant<1>>(),
                g.subschema_for::<Variant<2>>(),
                g.subschema_for::<Variant<3>>(),
            ]
            .into_iter()
            .map(Schema::to_value)
            .collect();
            json_schema!({
                "description": "When a question matters, as data. A condition on a field that is itself unanswered may still hold: show the question then.",
                "anyOf": variants
            })
        }
    }

    /// The variants of [`AskWhen`], as [`AskWhen`]'s `Serialize` writes them.
    struct Variant<const N: u8>;

    impl<const N: u8> JsonSchema for Variant<N> {
        fn schema_name() -> Cow<'static, str> {
            ["AskWhenEquals", "AskWhenIn", "AskWhenAny", "AskWhenAll"]
                .get(usize::from(N))
                .copied()
                .unwrap_or("AskWhenUnknown")
                .into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            let me = g.subschema_for::<AskWhen>();
            match N {
                0 => {
                    json_schema!({ "type": "object", "description": "The answer at `field` equals the value.",
                    "required": ["field", "equals"], "properties": {
                    "field": { "type": "string" }, "equals": { "type": ["boolean", "string"] } } })
                }
                1 => {
                    json_schema!({ "type": "object", "description": "The answer at `field` is one of the names.",
                    "required": ["field", "in"], "properties": {
                    "field": { "type": "string" }, "in": { "type": "array", "items": { "type": "string" } } } })
                }
                2 => {
                    json_schema!({ "type": "object", "description": "One of the conditions holds.",
                    "required": ["any"], "properties": { "any": { "type": "array", "items": me } } })
                }
                _ => json_schema!({ "type": "object", "description": "Every condition holds.",
                    "required": ["all"], "properties": { "all": { "type": "array", "items": me } } }),
            }
        }
    }

    impl JsonSchema for Labels {
        fn schema_name() -> Cow<'static, str> {
            "Labels".into()
        }
        /// One object of labels per vocabulary, keyed by the vocabulary's names.
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            let properties: Map<String, Value> = crate::form::VOCABULARIES
                .iter()
                .map(|(key, names, _)| {
                    let names = names();
                    let props: Map<String, Value> = names
                        .iter()
                        .map(|n| (n.to_string(), json_schema!({"type": "string"}).to_value()))
                        .collect();
                    let required: Vec<&str> = names.to_vec();
                    (
                        key.to_string(),
                        json_schema!({ "type": "object", "required": required, "properties": props })
                            .to_value(),
                    )
                })
                .collect();
            let required: Vec<&str> = crate::form::VOCABULARIES.iter().map(|(k, ..)| *k).collect();
            json_schema!({
                "type": "object",
                "description": "The engine's vocabularies in the locale: labels.document.proposal → \"项目建议书\".",
                "required": required,
                "properties": properties
            })
        }
    }
}

/// The schemas of the answers without a type of their own in the library's API.
pub(crate) use crate::evaluate::{RegimesAnswer, RulesAnswer, VersionAnswer};

/// The inputs, by the name the documents give them.
fn inputs(g: &mut SchemaGenerator) -> Vec<(&'static str, Schema)> {
    vec![
        ("Application", g.subschema_for::<crate::Application>()),
        ("CostInput", g.subschema_for::<crate::CostInput>()),
        ("CostsInput", g.subschema_for::<crate::CostsInput>()),
        (
            "ProjectClassInput",
            g.subschema_for::<crate::ProjectClassInput>(),
        ),
        ("ChangeRequest", g.subschema_for::<crate::ChangeRequest>()),
    ]
}

/// The answers, by the check that gives them (`error`: the error object).
fn answers(g: &mut SchemaGenerator) -> Vec<(&'static str, Schema)> {
    vec![
        ("eligibility", g.subschema_for::<crate::Verdict>()),
        ("cost", g.subschema_for::<crate::CostDecision>()),
        ("costs", g.subschema_for::<crate::CostsDecision>()),
        ("project_class", g.subschema_for::<crate::ProjectClass>()),
        ("change", g.subschema_for::<crate::ChangeVerdict>()),
        ("form", g.subschema_for::<crate::Form>()),
        ("regimes", g.subschema_for::<RegimesAnswer>()),
        ("rules", g.subschema_for::<RulesAnswer>()),
        ("version", g.subschema_for::<VersionAnswer>()),
        ("error", g.subschema_for::<ErrorAnswer>()),
    ]
}

/// The shapes of the contract, derived from the types.
#[derive(Debug, Clone)]
pub struct Shapes {
    /// Every named schema (inputs and answers and what they use), by name, for
    /// `#/components/schemas/`.
    pub schemas: Map<String, Value>,
    /// The input schema of each check that takes one (`eligibility` → `Application`),
    /// as a `$ref` into `schemas`.
    pub inputs: Vec<(&'static str, Value)>,
    /// The answer schema of each check (and `error`), as a `$ref` into `schemas`.
    pub answers: Vec<(&'static str, Value)>,
}

/// The inputs read as they are read, the answers as they are written; one set of named
/// schemas (a name both use means the same schema in both: `Money` is written inline).
///
/// # Errors
/// A name that would mean two different schemas (a type described differently as input
/// and as answer) is refused with that name.
pub fn shapes() -> Result<Shapes, String> {
    let settings = SchemaSettings::draft2020_12().with(|s| {
        s.definitions_path = "/components/schemas".into();
        s.meta_schema = None;
    });
    let mut read = settings.clone().for_deserialize().into_generator();
    let mut written = settings.for_serialize().into_generator();
    let checks = ["eligibility", "cost", "costs", "project_class", "change"];
    let inputs: Vec<(&'static str, Value)> = checks
        .iter()
        .copied()
        .zip(inputs(&mut read))
        .map(|(c, (_, s))| (c, s.to_value()))
        .collect();
    let answers: Vec<(&'static str, Value)> = answers(&mut written)
        .into_iter()
        .map(|(c, s)| (c, s.to_value()))
        .collect();
    let mut schemas = read.take_definitions(true);
    for (name, schema) in written.take_definitions(true) {
        match schemas.get(&name) {
            Some(other) if *other != schema => {
                return Err(format!("{name}: one name, two schemas (input and answer)"))
            }
            _ => {
                schemas.insert(name, schema);
            }
        }
    }
    Ok(Shapes {
        schemas,
        inputs,
        answers,
    })
}
