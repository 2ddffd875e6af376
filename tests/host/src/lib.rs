//! A host application with govit-check: see Cargo.toml.

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test: a failure is a failed test")]

    /// The host's serde_json keeps the order the host chose (sorted keys, no
    /// `preserve_order`): adding govit-check changes nothing of it.
    #[test]
    fn the_hosts_serde_json_order_is_unchanged() {
        let v = serde_json::json!({"zeta": 1, "alpha": 2, "mid": {"b": 1, "a": 2}});
        assert_eq!(v.to_string(), r#"{"alpha":2,"mid":{"a":2,"b":1},"zeta":1}"#);
        let parsed: serde_json::Value = serde_json::from_str(r#"{"b":1,"a":2}"#).unwrap();
        assert_eq!(parsed.to_string(), r#"{"a":2,"b":1}"#);
    }

    /// The answers keep the contract's key order through the crate's own writer and
    /// through the host's serde_json alike (struct order, not map order).
    #[test]
    fn answers_keep_the_contracts_order() {
        let input = r#"{"regime":"baotou","as_of":"2026-11-22","project":{"kind":"renovation"}}"#;
        let text = govit_check::evaluate_str("eligibility", input);
        assert!(text.starts_with(
            r#"{"check":"eligibility","regime":"baotou","as_of":"2026-11-22","outcome":"#
        ));
        let app = govit_check::Application::from_json(input).unwrap();
        let verdict = govit_check::check_eligibility(&app);
        assert_eq!(serde_json::to_string(&verdict).unwrap(), text);
        assert_eq!(govit_check::to_json(&verdict), text);
        // A `Value` follows the host's features: its keys sorted here (the verdict's own
        // order is check, regime, as_of, …).
        let v =
            govit_check::evaluate_json(&format!(r#"{{"check":"eligibility","input":{input}}}"#));
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys.first().map(|k| k.as_str()), Some("as_of"));
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }
}
