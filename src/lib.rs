#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

// Layers, each using only those above it (tests/layers.rs checks it): values (date,
// money, locale, names, limits, model) → rules (conditions, rule records, the change
// kit) → regimes (one folder per regulation, the registry) → checks → input/output
// (json, input, read, labels, error messages, evaluate) → the surfaces (crates/cli, crates/wasm).
mod checks;
mod compare;
mod date;
mod error;
mod evaluate;
#[cfg(feature = "catalog")]
mod form;
mod input;
pub mod json;
mod json_out;
mod labels;
pub mod limits;
mod locale;
mod messages;
mod model;
mod money;
mod names;
mod read;
pub mod regimes;
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
mod serde_interop;
#[cfg(feature = "schema")]
mod shape;
mod verdict;

#[cfg(feature = "catalog")]
pub use checks::catalog::rules;
pub use checks::catalog::{regimes, version, RegimeInfo};
pub use checks::change::{check_change, ChangeVerdict};
pub use checks::eligibility::check_eligibility;
pub use checks::project_class::{classify_project, ProjectClass, ProjectClassInput};
pub use compare::{compare, Comparison};
pub use date::Date;
pub use error::{Error, Expected, Limit, Reason, Syntax};
pub use evaluate::{
    batch_bytes_into, batch_bytes_into_with_locale, batch_line, batch_line_into, error_json,
    evaluate_answer, evaluate_bytes, evaluate_checked, evaluate_json, evaluate_str,
    evaluate_stringified, is_blank_line, load_reading, request_checked, Answer, Catalog,
    CheckError, CHECKS,
};
/// The source of `src/form/tables.rs` as the derivation finds it (for its test).
#[cfg(all(feature = "catalog", not(target_arch = "wasm32")))]
#[doc(hidden)]
pub use form::derive::tables_source as form_tables_source;
#[cfg(feature = "catalog")]
pub use form::{form, Absent, AskWhen, Choice, Form, Labels, Question, Section, Type, Value};
pub use limits::MAX_TEXT_CHARS;
#[cfg(feature = "english")]
pub use locale::texts_asset;
#[cfg(not(feature = "english"))]
pub use locale::{load_texts, texts_missing, En};
pub use locale::{text_hash, Locale, Text};
pub use messages::ErrorBody;
pub use model::change::{ChangeItem, ChangeReason, ChangeRequest, MAX_ITEMS};
pub use model::{
    Application, Category, Chapter, ChapterSet, Fact, Facts, Funding, FundingSet, Investment, Kind,
    Project, Regime, UnitLevel,
};
pub use money::Money;
pub use names::MAX_INTERNED_BYTES;
pub use rules::change::{ChangeOutcome, Figures, Margin, MarginKind, Measure};
pub use rules::classes::Class;
pub use serde_interop::{to_json, CheckInput, ERROR_CODES};
pub use verdict::{
    Acceptance, Deadline, Document, Finding, Level, Outcome, Procedure, Regulation, Route, Status,
    Verdict, RULESET, RULESET_ID,
};

// Fee tables (cost classification).
pub use checks::cost::{
    classify_cost, classify_costs, table_of, BadLine, By, Condition, Conditions, CostDecision,
    CostInput, CostLine, CostTotals, CostsDecision, CostsInput, Decision, FeeRow, FeeTable, Found,
    Matched, Needs, Treatment, MAX_COST_LINES, MAX_SUGGESTIONS,
};
pub use error::Candidate;
pub use regimes::{fee_table, DEFAULT_FEE_REGIME};
