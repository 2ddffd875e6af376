//! Message locale and bilingual text.

/// The language of `message` texts. Everything else in a verdict is locale-independent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Locale {
    /// Simplified Chinese (`zh-CN`), the default.
    #[default]
    Zh,
    /// English (`en`).
    En,
}

impl Locale {
    /// Every locale: Chinese, English.
    pub const ALL: [Locale; 2] = [Locale::Zh, Locale::En];

    /// Reads a locale tag: `zh`, `zh-CN`, `zh-Hans…` → Chinese; `en`, `en-…` → English.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lower = tag.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        match primary {
            "zh" => Some(Locale::Zh),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The canonical tag (`zh-CN` or `en`).
    pub const fn tag(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::En => "en",
        }
    }
}

/// A text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// Chinese.
    pub zh: &'static str,
    /// English.
    pub en: &'static str,
}

impl Text {
    /// Both languages.
    pub const fn new(zh: &'static str, en: &'static str) -> Text {
        Text { zh, en }
    }

    /// The text in `locale`.
    pub const fn get(self, locale: Locale) -> &'static str {
        match locale {
            Locale::Zh => self.zh,
            Locale::En => self.en,
        }
    }
}

/// What only the catalogs show (`rules`, `form`): a rule's title and the clause it quotes,
/// a regulation's validity clause, its region's names, Wulong's annex rows. Written with
/// [`shown!`](crate::locale::shown): with the `catalog` feature (a default feature) it holds the
/// value; without it — the npm package's WebAssembly build, whose catalogs are JSON assets
/// written by the full library — the value is not compiled in, so it adds no byte to the
/// binary, and nothing can read it (there is no `Shown::get`).
#[derive(Clone, Copy)]
pub struct Shown<T: Copy + 'static> {
    #[cfg(feature = "catalog")]
    value: T,
    #[cfg(not(feature = "catalog"))]
    value: std::marker::PhantomData<T>,
}

impl<T: Copy + 'static> Shown<T> {
    /// The value (what [`shown!`](crate::locale::shown) writes with the `catalog` feature).
    #[cfg(feature = "catalog")]
    pub const fn new(value: T) -> Shown<T> {
        Shown { value }
    }

    /// Nothing (what [`shown!`](crate::locale::shown) writes without the `catalog` feature).
    #[cfg(not(feature = "catalog"))]
    pub const NONE: Shown<T> = Shown {
        value: std::marker::PhantomData,
    };

    /// The value.
    #[cfg(feature = "catalog")]
    pub const fn get(self) -> T {
        self.value
    }
}

/// `shown!(value)`: a [`Shown`] value — the value with the `catalog` feature; without it,
/// nothing: the value is still type-checked (so both builds accept the same tables), in
/// a branch never taken, so it is neither evaluated nor written into the binary.
#[cfg(feature = "catalog")]
macro_rules! shown {
    ($value:expr) => {
        $crate::locale::Shown::new($value)
    };
}

/// `shown!(value)`: a [`Shown`] value — the value with the `catalog` feature; without it,
/// nothing: the value is still type-checked (so both builds accept the same tables), in
/// a branch never taken, so it is neither evaluated nor written into the binary.
#[cfg(not(feature = "catalog"))]
macro_rules! shown {
    ($value:expr) => {{
        if false {
            let _ = const { $value };
        }
        $crate::locale::Shown::NONE
    }};
}
pub(crate) use shown;
