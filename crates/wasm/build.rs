//! Writes the TypeScript union of the regime ids from the library's registry
//! (`govit_check::Regime::ALL`), so the package's types name every regulation the engine
//! has without a hand-kept list.

use std::fmt::Write as _;

fn main() {
    let names: Vec<String> = govit_check::Regime::ALL
        .iter()
        .map(|r| format!("\"{}\"", r.name()))
        .collect();
    let mut text = String::from("/** A regulation (the registry in src/regimes/mod.rs). */\n");
    let _ = writeln!(text, "export type RegimeId = {};", names.join(" | "));
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let path = std::path::Path::new(&out).join("regime_id.d.ts");
    if let Err(e) = std::fs::write(&path, text) {
        println!("cargo::error=cannot write {}: {e}", path.display());
    }
}
