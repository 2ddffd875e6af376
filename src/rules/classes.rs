//! Project classes: whether a regulation treats a project as construction, continuation
//! or operation and maintenance (运行维护), whatever kind the applicant names. A regulation
//! that classifies projects (Wulong's annex) carries its [`ProjectClasses`]: its function
//! and its words; the `project_class` check runs them.

use crate::locale::{Locale, Shown};
use crate::model::Kind;
use crate::names::named;
use crate::rules::Field;
use rust_decimal::Decimal;
use std::borrow::Cow;

named! {
    /// A project class.
    pub enum Class {
        Construction = "construction", "建设项目", "construction project";
        Maintenance = "maintenance", "运行维护项目", "operation and maintenance project";
        Continuation = "continuation", "续建项目", "continuation project";
        Undetermined = "undetermined", "待定", "undetermined";
    }
}

/// A project's class (`None` while an answer is absent), the rule that decides it, and
/// the answers it waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// The class, or `None` when it depends on an absent answer.
    pub class: Option<Class>,
    /// The deciding rule.
    pub rule: &'static str,
    /// Absent answers the class depends on.
    pub unanswered: Vec<Field>,
}

/// What a project is classified from: its kind (`None`: absent), whether an upgrade
/// changes the main function, whether it only replaces finished equipment, and the
/// amount.
pub type Classify = fn(Option<Kind>, Option<bool>, bool, Option<Decimal>) -> Classification;

/// A regulation's project classes.
#[derive(Clone, Copy)]
pub struct ProjectClasses {
    /// Classifies a project (kind `service` or absent: `class: None`).
    pub classify: Classify,
    /// What the answer says of a classification of a project of a kind.
    pub message: fn(&Classification, Kind, Locale) -> Cow<'static, str>,
    /// How the catalog cites the rules.
    pub article: &'static str,
    /// The rules for the catalog: id, title in Chinese and English, clause.
    pub rules: Shown<&'static [(&'static str, &'static str, &'static str, &'static str)]>,
}
