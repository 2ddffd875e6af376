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
            pub const fn label(self, locale: $crate::locale::Locale) -> &'static str {
                match locale {
                    $crate::locale::Locale::Zh => match self { $($E::$V => $zh),* },
                    $crate::locale::Locale::En => match self { $($E::$V => $en),* },
                }
            }

            /// The value with this JSON name.
            pub fn from_name(s: &str) -> Option<$E> {
                match s { $($name => Some($E::$V),)* _ => None }
            }
        }

        impl serde::Serialize for $E {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl std::fmt::Display for $E {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

pub(crate) use named;
