//! Did the applicant see what the server decided? [`compare`] sets a verdict a client
//! shows (e.g. the JSON the portal's Wasm package answered, posted with the form) beside
//! the server's re-check of the same input and lists every place where they differ.

use serde::Serialize;
use serde_json::Value;

/// How two answers differ: every place, as a JSON Pointer into the answer, where a value
/// differs or a key or an element is on one side only. Empty when they are the same.
///
/// A different `ruleset_id` (`/ruleset_id`) means the client ran another build of the
/// rules; the other places say what that changed for this input. The order of keys is not
/// compared (every surface writes the contract's order; a client may not keep it), and
/// `message` texts are compared like any value, so compare answers in the same locale.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comparison {
    /// The pointers, in the order of the client's answer (then what only the server has).
    pub differences: Vec<String>,
}

impl Comparison {
    /// Whether the two answers are the same.
    pub fn is_same(&self) -> bool {
        self.differences.is_empty()
    }

    /// Whether both answers come from the same build of the rules (`ruleset_id`).
    pub fn same_rules(&self) -> bool {
        !self.differences.iter().any(|d| d == "/ruleset_id")
    }
}

/// Compares the answer a client shows with the server's: any two serializable answers
/// (typed verdicts, [`serde_json::Value`]s parsed from what the client sent, errors).
/// A value that cannot be serialized differs everywhere (`""`).
///
/// # Examples
/// ```
/// use govit_check::{check_eligibility, compare, Application};
/// // What the portal posted with the form: its input and the verdict it showed.
/// let input = r#"{"regime":"baotou","as_of":"2026-11-22","project":{"kind":"new"}}"#;
/// let shown: serde_json::Value =
///     serde_json::from_str(&govit_check::evaluate_str("eligibility", input)).unwrap();
/// // The server's re-check.
/// let server = check_eligibility(&Application::from_json(input).unwrap());
/// assert!(compare(&shown, &server).is_same());
///
/// // A client that showed another outcome (or ran other rules) is caught, with the place.
/// let mut tampered = shown.clone();
/// tampered["outcome"] = "eligible".into();
/// tampered["ruleset_id"] = "0123456789abcdef0123456789abcdef".into();
/// let c = compare(&tampered, &server);
/// assert_eq!(c.differences, ["/outcome", "/ruleset_id"]);
/// assert!(!c.same_rules());
/// ```
pub fn compare<C, S>(client: &C, server: &S) -> Comparison
where
    C: Serialize + ?Sized,
    S: Serialize + ?Sized,
{
    let mut differences = Vec::new();
    match (serde_json::to_value(client), serde_json::to_value(server)) {
        (Ok(a), Ok(b)) => walk(&a, &b, &mut String::new(), &mut differences),
        _ => differences.push(String::new()),
    }
    Comparison { differences }
}

fn walk(a: &Value, b: &Value, at: &mut String, out: &mut Vec<String>) {
    let len = at.len();
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                push_token(at, k);
                match y.get(k) {
                    Some(vb) => walk(va, vb, at, out),
                    None => out.push(at.clone()),
                }
                at.truncate(len);
            }
            for k in y.keys().filter(|k| !x.contains_key(*k)) {
                push_token(at, k);
                out.push(at.clone());
                at.truncate(len);
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                at.push('/');
                at.push_str(&i.to_string());
                match (x.get(i), y.get(i)) {
                    (Some(va), Some(vb)) => walk(va, vb, at, out),
                    _ => out.push(at.clone()),
                }
                at.truncate(len);
            }
        }
        _ if a == b => {}
        _ => out.push(at.clone()),
    }
}

/// Appends `/token` with RFC 6901 escapes (`~` → `~0`, `/` → `~1`).
fn push_token(at: &mut String, token: &str) {
    at.push('/');
    for c in token.chars() {
        match c {
            '~' => at.push_str("~0"),
            '/' => at.push_str("~1"),
            c => at.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test: a failure is a failed test")]
    use super::*;
    use serde_json::json;

    #[test]
    fn every_difference_is_named_by_its_pointer() {
        let a = json!({"a": 1, "b": [1, 2, 3], "c": {"x/y": 1, "t~": 2}, "only_a": 0});
        let b = json!({"c": {"x/y": 2, "t~": 2}, "b": [1, 5], "a": 1, "only_b": 0});
        assert_eq!(
            compare(&a, &b).differences,
            ["/b/1", "/b/2", "/c/x~1y", "/only_a", "/only_b"]
        );
        assert!(compare(&a, &a).is_same());
        // Key order is not a difference.
        let c = json!({"only_a": 0, "c": {"t~": 2, "x/y": 1}, "b": [1, 2, 3], "a": 1});
        assert!(compare(&a, &c).is_same());
        // Another type at the root, or a number against a string.
        assert_eq!(compare(&json!([]), &json!({})).differences, [""]);
        assert_eq!(
            compare(&json!({"n": 1}), &json!({"n": "1"})).differences,
            ["/n"]
        );
    }

    #[test]
    fn a_typed_verdict_and_its_json_are_the_same() {
        let input = r#"{"regime":"wulong","approved_total":"1000","items":[{"approved":"100","proposed":"150"}]}"#;
        let typed = crate::check_change(&crate::ChangeRequest::from_json(input).unwrap()).unwrap();
        let text = crate::evaluate_str("change", input);
        let shown: Value = serde_json::from_str(&text).unwrap();
        assert!(compare(&shown, &typed).is_same());
        let en = crate::evaluate_str("change", &input.replacen('{', r#"{"locale":"en","#, 1));
        let en: Value = serde_json::from_str(&en).unwrap();
        let c = compare(&en, &typed);
        assert!(!c.is_same() && c.same_rules());
        assert!(
            c.differences.iter().all(|d| d.ends_with("/message")),
            "{c:?}"
        );
    }
}
