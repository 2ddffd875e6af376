//! `named!` defines the closed vocabularies of the contract (kinds, facts, documents…):
//! each variant with its JSON name and its Chinese and English label, one line each.

/// Defines a `Copy` enum whose variants have a JSON name and labels in both languages.
macro_rules! named {
    (pointer $prefix:literal; $(#[$m:meta])* pub enum $E:ident { $($(#[$vm:meta])* $V:ident = $name:literal, $zh:literal, $en:literal;)* }) => {
        $crate::names::named! { $(#[$m])* pub enum $E { $($(#[$vm])* $V = $name, $zh, $en;)* } }
        impl $E {
            /// The JSON Pointer of this field in the input.
            pub const fn pointer(self) -> &'static str {
                match self { $($E::$V => concat!($prefix, $name)),* }
            }
        }
    };
    ($(#[$m:meta])* pub enum $E:ident { $($(#[$vm:meta])* $V:ident = $name:literal, $zh:literal, $en:literal;)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $E { $($(#[$vm])* #[doc = $zh] $V,)* }

        impl $E {
            /// Every value, in the contract's order.
            pub const ALL: &'static [$E] = &[$($E::$V),*];
            /// Every JSON name, in the contract's order.
            pub const NAMES: &'static [&'static str] = &[$($name),*];

            /// The JSON name.
            pub const fn name(self) -> &'static str {
                match self { $($E::$V => $name),* }
            }

            /// The label in `locale`.
            #[cfg(feature = "english")]
            pub const fn label(self, locale: $crate::locale::Locale) -> &'static str {
                match locale {
                    $crate::locale::Locale::Zh => match self { $($E::$V => $zh),* },
                    $crate::locale::Locale::En => match self { $($E::$V => $en),* },
                }
            }

            /// The label in `locale` (the English from the loaded table: `locale::En`).
            #[cfg(not(feature = "english"))]
            pub fn label(self, locale: $crate::locale::Locale) -> &'static str {
                match locale {
                    $crate::locale::Locale::Zh => match self { $($E::$V => $zh),* },
                    $crate::locale::Locale::En => match self {
                        $($E::$V => const { $crate::locale::En::of($en) }),*
                    }
                    .text(),
                }
            }

            /// `NAMES` hashed into slots, built when compiling (see `names::find`).
            #[cfg(any(target_arch = "wasm32", test))]
            #[cfg_attr(test, allow(dead_code, reason = "tested for the vocabularies read from input"))]
            pub(crate) const SLOTS: [u8; $crate::names::slots_len($E::NAMES.len())] =
                $crate::names::slots($E::NAMES);

            /// The value with this JSON name.
            pub fn from_name(s: &str) -> Option<$E> {
                #[cfg(target_arch = "wasm32")]
                return $crate::names::find($E::NAMES, &$E::SLOTS, s)
                    .and_then(|i| $E::ALL.get(i).copied());
                #[cfg(not(target_arch = "wasm32"))]
                match s { $($name => Some($E::$V),)* _ => None }
            }
        }

        impl serde::Serialize for $E {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl<'de> serde::Deserialize<'de> for $E {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::names::named_value(d, $E::from_name, $E::NAMES)
            }
        }

        impl std::fmt::Display for $E {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $E {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($E).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                $crate::shape::names_schema($E::NAMES)
            }
        }
    };
}

pub(crate) use named;

// `from_name` in the Wasm build looks a name up in a hash table built when compiling. A
// `match` on the string compares it with each name in turn: natively that is cheap (LLVM
// turns each comparison with a constant into a few word compares), but in the
// size-optimised Wasm build each is a call and a byte-by-byte memcmp — profiled at 10% of
// an eligibility check (its 41 facts). A scan comparing lengths first still took 7%, a
// binary search more (its comparisons are calls too); the table takes ~2%. Natively the
// table costs 5% more instructions than the `match`, so each build keeps its faster one;
// the tests check the table against the `match` for every vocabulary.

/// A hash of a name from its length and three of its bytes (the first, the middle and
/// the last): no loop, so one multiply and not one per byte (a byte loop such as FNV
/// was a third of the lookup's time). The names of one vocabulary differ there enough
/// for probes to stay short (`every_name_is_found_and_nothing_else` counts them).
#[cfg(any(target_arch = "wasm32", test))]
const fn hash(s: &[u8]) -> usize {
    let n = s.len();
    if n == 0 {
        return 0;
    }
    let x = (n as u32) | (s[0] as u32) << 8 | (s[n / 2] as u32) << 16 | (s[n - 1] as u32) << 24;
    (x.wrapping_mul(0x9e37_79b1) >> 16) as usize
}

/// The table size for `n` names: a power of two, at least twice `n` (short probes).
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) const fn slots_len(n: usize) -> usize {
    (2 * n).next_power_of_two()
}

/// The table: each name's index plus one at its hash's slot or the next free one after
/// it (linear probing); 0 is free. At most 127 names (checked when compiling).
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) const fn slots<const L: usize>(names: &[&str]) -> [u8; L] {
    assert!(
        names.len() < 128 && L == slots_len(names.len()),
        "too many names"
    );
    let mut t = [0u8; L];
    let mut i = 0;
    while i < names.len() {
        let mut at = hash(names[i].as_bytes()) & (L - 1);
        while t[at] != 0 {
            at = (at + 1) & (L - 1);
        }
        t[at] = i as u8 + 1;
        i += 1;
    }
    t
}

/// The index of `s` in `names`, by the table from [`slots`].
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) fn find(names: &[&str], slots: &[u8], s: &str) -> Option<usize> {
    let mask = slots.len().checked_sub(1)?;
    let mut at = hash(s.as_bytes()) & mask;
    loop {
        let i = usize::from(*slots.get(at)?).checked_sub(1)?;
        if names.get(i).is_some_and(|n| n.as_bytes() == s.as_bytes()) {
            return Some(i);
        }
        at = (at + 1) & mask;
    }
}

// ---------------------------------------------------------------------------------------
// Names read back: what serde needs to deserialize an answer (serde_interop has the rest).
// ---------------------------------------------------------------------------------------

use serde::de::{self, DeserializeSeed, SeqAccess, Visitor};
use serde::Deserializer;
use std::collections::BTreeSet;
use std::fmt;
use std::sync::{Mutex, PoisonError};

/// A name of an answer (a rule id, an article, a title, an authority…): the type of such
/// fields, `&'static str`. (Spelled as an alias so that serde's derive does not take the
/// field for a borrow of the input, which would tie `Deserialize` to `'static` input.)
pub(crate) type Name = &'static str;

/// How many bytes of names, in all, deserialized answers may add to the library's own
/// over the life of the process (see the module `interop`).
pub const MAX_INTERNED_BYTES: usize = 1 << 20;

struct Pool {
    names: BTreeSet<&'static str>,
    added: usize,
}

static POOL: Mutex<Pool> = Mutex::new(Pool {
    names: BTreeSet::new(),
    added: 0,
});

/// The `&'static str` holding `s`: stored once for the life of the process (`None` past
/// [`MAX_INTERNED_BYTES`] in all).
fn intern(s: &str) -> Option<&'static str> {
    let mut pool = POOL.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&name) = pool.names.get(s) {
        return Some(name);
    }
    if pool.added + s.len() > MAX_INTERNED_BYTES {
        return None;
    }
    let name: &'static str = Box::leak(s.to_owned().into_boxed_str());
    pool.added += s.len();
    pool.names.insert(name);
    Some(name)
}

/// A string, borrowed or owned.
struct Str;

impl<'de> Visitor<'de> for Str {
    type Value = &'static str;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<&'static str, E> {
        intern(v).ok_or_else(|| {
            E::custom(format_args!(
                "more than {MAX_INTERNED_BYTES} bytes of names read from answers"
            ))
        })
    }
}

/// A name of an answer (a rule id, an article, a title…) as `&'static str`.
pub(crate) fn name<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    d.deserialize_str(Str)
}

/// A list of names.
pub(crate) fn names<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<&'static str>, D::Error> {
    struct Names;
    impl<'de> Visitor<'de> for Names {
        type Value = Vec<&'static str>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of strings")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(n) = seq.next_element_seed(NameSeed)? {
                out.push(n);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(Names)
}

/// A name or `null`.
pub(crate) fn opt_name<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
    struct OptName;
    impl<'de> Visitor<'de> for OptName {
        type Value = Option<&'static str>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or null")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            name(d).map(Some)
        }
    }
    d.deserialize_option(OptName)
}

struct NameSeed;

impl<'de> DeserializeSeed<'de> for NameSeed {
    type Value = &'static str;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<&'static str, D::Error> {
        name(d)
    }
}

/// A value of a `named!` vocabulary from its JSON name.
pub(crate) fn named_value<'de, D: Deserializer<'de>, T>(
    d: D,
    from_name: fn(&str) -> Option<T>,
    names: &'static [&'static str],
) -> Result<T, D::Error> {
    struct Named<T> {
        from_name: fn(&str) -> Option<T>,
        names: &'static [&'static str],
    }
    impl<T> Visitor<'_> for Named<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "one of {}", self.names.join(", "))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            (self.from_name)(v).ok_or_else(|| E::unknown_variant(v, self.names))
        }
    }
    d.deserialize_str(Named { from_name, names })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_name_is_found_and_nothing_else() {
        /// `from_name` (natively the `match`) and the Wasm build's table agree.
        fn check<E: Copy + PartialEq + std::fmt::Debug>(
            names: &[&str],
            all: &[E],
            slots: &[u8],
            from_name: fn(&str) -> Option<E>,
        ) {
            let table = |s: &str| super::find(names, slots, s).map(|i| all[i]);
            for (n, v) in names.iter().zip(all) {
                assert_eq!(from_name(n), Some(*v), "{n}");
                assert_eq!(table(n), Some(*v), "{n}");
                for other in [
                    &n[1..],
                    &n[..n.len() - 1],
                    &format!("{n}_"),
                    &n.to_uppercase(),
                ] {
                    if !names.contains(&other) {
                        assert_eq!(from_name(other), None, "{other}");
                        assert_eq!(table(other), None, "{other}");
                    }
                }
            }
            assert_eq!(from_name(""), None);
            assert_eq!(table(""), None);
        }
        use crate::model::{Category, Chapter, Fact, Funding, Kind, UnitLevel};
        // The facts, looked up most, take few probes: one comparison for most names.
        const L: usize = super::slots_len(Fact::NAMES.len());
        let t: [u8; L] = super::slots(Fact::NAMES);
        let probes: usize = Fact::NAMES
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mut at = super::hash(n.as_bytes()) & (L - 1);
                let mut k = 1;
                while usize::from(t[at]) != i + 1 {
                    at = (at + 1) & (L - 1);
                    k += 1;
                }
                k
            })
            .sum();
        assert!(probes * 4 <= Fact::NAMES.len() * 5, "{probes} probes");
        check(Fact::NAMES, Fact::ALL, &Fact::SLOTS, Fact::from_name);
        check(
            Chapter::NAMES,
            Chapter::ALL,
            &Chapter::SLOTS,
            Chapter::from_name,
        );
        check(Kind::NAMES, Kind::ALL, &Kind::SLOTS, Kind::from_name);
        check(
            Category::NAMES,
            Category::ALL,
            &Category::SLOTS,
            Category::from_name,
        );
        check(
            UnitLevel::NAMES,
            UnitLevel::ALL,
            &UnitLevel::SLOTS,
            UnitLevel::from_name,
        );
        check(
            Funding::NAMES,
            Funding::ALL,
            &Funding::SLOTS,
            Funding::from_name,
        );
    }
}
