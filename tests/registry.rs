//! The registry of regulations is the one list: what lists regimes elsewhere is checked
//! against it.

use govit_check::Regime;

/// The `regimes` catalog lists every regulation of the registry, in its order.
#[test]
fn the_regimes_catalog_is_the_registry() {
    let listed: Vec<Regime> = govit_check::regimes(None).iter().map(|r| r.id).collect();
    assert_eq!(listed, Regime::ALL);
}
