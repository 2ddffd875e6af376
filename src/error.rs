//! The one error type: an input that cannot be checked at all.
//!
//! Every error names the field at fault as a JSON Pointer (RFC 6901) into the input,
//! `""` for the whole input. An *absent* answer is never an error — it is a `missing`
//! finding in the verdict.
//!
//! An error is data only: what is wrong, and where. Its texts (`Error::message`, its
//! `Display`, the serialized `{"code", "field", "message"}`) are written at the output
//! layer, in `crate::messages`, so this module depends on nothing but `std`.

/// Why a check could not be made. `code()` is the stable machine code of contract §6.
///
/// Implements [`std::error::Error`]; its `Display` is the Chinese message
/// ([`Error::message`] gives either language).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error {
    /// The text is not JSON. Fix the syntax at the byte offset given.
    InvalidJson {
        /// Pointer to the value being read when the syntax broke.
        field: String,
        /// Byte offset in the text.
        offset: usize,
        /// What is wrong there.
        detail: Syntax,
    },
    /// A value of the wrong JSON type (a string where a bool belongs, …).
    InvalidType {
        /// Pointer to the value.
        field: String,
        /// The type expected, as a noun phrase.
        expected: Expected,
    },
    /// A value of the right type but not allowed: a malformed amount or date, a negative
    /// amount, an unknown enum value, an out-of-range year.
    InvalidValue {
        /// Pointer to the value.
        field: String,
        /// What is wrong with it.
        reason: Reason,
    },
    /// One of the few structurally required keys is absent.
    Required {
        /// Pointer to the absent key.
        field: String,
    },
    /// `regime` names no regime govit-check knows.
    UnknownRegime {
        /// Pointer to `regime`.
        field: String,
        /// The value given.
        given: String,
    },
    /// A cost `item` that is neither a code, a label nor a known synonym of the fee table.
    UnknownItem {
        /// Pointer to the item.
        field: String,
        /// The value given.
        given: String,
        /// The closest item codes, best first.
        suggestions: Vec<&'static str>,
        /// `given` is the whole text of an annex row that names several items; the
        /// suggestions begin with that row's codes.
        several: bool,
        /// The regime (its id) whose fee table was searched.
        regime: &'static str,
    },
    /// A cost `item` whose words fit several rows of the fee table (contract §9): the
    /// applicant chooses one, or splits a line that joins several items.
    AmbiguousItem {
        /// Pointer to the item.
        field: String,
        /// The value given.
        given: String,
        /// The rows it fits (at least two), those of its object first.
        candidates: Vec<Candidate>,
        /// The line joins several items (else one thing fits several rows).
        split: bool,
        /// The regime (its id) whose fee table was read.
        regime: &'static str,
    },
    /// Over a documented size limit.
    TooLarge {
        /// Pointer to the value over the limit (`""` for the whole input).
        field: String,
        /// Which limit.
        limit: Limit,
    },
    /// An error as a build of govit-check wrote it, read back from its JSON (serde
    /// `Deserialize`): it writes the same JSON again. The library never returns it.
    Reported {
        /// The code, one of the eight above.
        code: &'static str,
        /// Pointer to the field at fault.
        field: String,
        /// The message as written (in the locale it was written in).
        message: String,
        /// `suggestions`, when written (`unknown_item`).
        suggestions: Option<Vec<&'static str>>,
        /// `candidates`, when written (`ambiguous_item`); boxed, so that an error stays
        /// small to move.
        #[allow(clippy::box_collection, reason = "one pointer where a Vec takes three")]
        candidates: Option<Box<Vec<Candidate>>>,
        /// `ruleset_id` of the build that wrote it, when written.
        ruleset_id: Option<&'static str>,
    },
}

/// A row an ambiguous cost item fits: its code, label and treatment (contract §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Candidate {
    /// The item code.
    pub item: &'static str,
    /// The exact label.
    pub label: &'static str,
    /// The table's treatment (`included`, `excluded`, `conditional`).
    pub treatment: &'static str,
}

/// What is wrong with a text that is not JSON, at the offset an
/// [`Error::InvalidJson`] gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Syntax {
    /// The text is not UTF-8 (a byte sequence no UTF-8 text holds starts at the offset).
    NotUtf8,
    /// The text is UTF-16 (a byte-order mark, or the zero bytes of ASCII in UTF-16).
    Utf16,
    /// The text ends where more was needed (an empty text, an unclosed bracket).
    UnexpectedEnd,
    /// No JSON value starts here (`tru`, `'x'`, `NaN`, a stray character).
    ExpectedValue,
    /// An object member must start with a quoted key.
    ExpectedKey,
    /// A key must be followed by `:`.
    ExpectedColon,
    /// Between members of an object: `,` or `}`.
    ExpectedCommaOrBrace,
    /// Between elements of an array: `,` or `]`.
    ExpectedCommaOrBracket,
    /// A number without digits where it needs them (`-`, `1.`, `1e`).
    NumberDigits,
    /// A string without its closing quote.
    UnterminatedString,
    /// A raw control character (a line break, a tab…) inside a string.
    ControlCharacter,
    /// A backslash followed by a character JSON does not allow.
    InvalidEscape,
    /// `\u` not followed by four hex digits.
    UnicodeEscape,
    /// More text after the value.
    TrailingCharacters,
}

/// The JSON type a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Expected {
    /// A JSON object.
    Object,
    /// A JSON array.
    Array,
    /// A string.
    String,
    /// `true` or `false`.
    Bool,
    /// A decimal string or a JSON number (money, years).
    Decimal,
    /// A `YYYY-MM-DD` string.
    Date,
    /// An integer.
    Integer,
}

/// What is wrong with a value of the right type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// Not a plain non-negative decimal (money in 万元).
    Money,
    /// A negative amount.
    Negative,
    /// More than six decimal places (finer than one fen).
    TooPrecise,
    /// Above 1e12 万元.
    TooBig,
    /// A JSON number that is not finite (`1e400`, NaN, Infinity).
    NonFinite,
    /// An empty (or all-blank) amount string.
    Empty,
    /// An amount written with group separators (`"1,000"`).
    Separator {
        /// The amount as it should be written, when that is certain (`"1000"`).
        written: Option<String>,
    },
    /// An amount written with a unit or currency sign (`"12万"`, `"¥12"`).
    Unit {
        /// The amount in 万元 as it should be written, when that is certain (`"12"`).
        written: Option<String>,
    },
    /// An amount string in exponent notation (`"1e3"`).
    Exponent {
        /// The amount as it should be written, when that is certain (`"1000"`).
        written: Option<String>,
    },
    /// Not a non-negative number of years.
    Years,
    /// Not a real `YYYY-MM-DD` calendar date.
    Date,
    /// An integer outside `min..=max`.
    Range {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// Not one of the allowed names.
    OneOf(&'static [&'static str]),
    /// `approved_total` must be more than 0.
    Positive,
    /// The regime (its id) has no fee table (`cost`, `costs`).
    NoFeeTable(&'static str),
    /// The regime (its id) has no project classes (`project_class`).
    NoProjectClasses(&'static str),
    /// A budget line names another regime (its id) than the budget it is in.
    OtherRegime(&'static str),
    /// A cost item holds a control character (a line break, a tab, a zero-width or
    /// direction mark …), given by its code point.
    ControlCharacter(u32),
    /// A cost item mixes in letters of a script other than Chinese and Latin (a Cyrillic
    /// `а` that looks like a Latin `a` …): the first such letter.
    OtherScript(char),
    /// Anything else, said in both languages.
    Other {
        /// Chinese.
        zh: &'static str,
        /// English.
        en: &'static str,
    },
}

/// The size limits (the table is in `govit_check::limits`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// Input text longer than this many bytes.
    InputBytes(usize),
    /// Arrays and objects nested deeper than this.
    Depth(usize),
    /// A string longer than this many characters.
    StringChars(usize),
    /// A string longer than this many bytes (UTF-8), while reading the JSON text.
    StringBytes(usize),
    /// An array with more elements than this.
    ArrayLen(usize),
    /// An object with more keys than this.
    ObjectKeys(usize),
}

impl Error {
    /// The machine code: `invalid_json`, `invalid_type`, `invalid_value`, `required`,
    /// `unknown_regime`, `unknown_item`, `ambiguous_item` or `too_large`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidJson { .. } => "invalid_json",
            Error::InvalidType { .. } => "invalid_type",
            Error::InvalidValue { .. } => "invalid_value",
            Error::Required { .. } => "required",
            Error::UnknownRegime { .. } => "unknown_regime",
            Error::UnknownItem { .. } => "unknown_item",
            Error::AmbiguousItem { .. } => "ambiguous_item",
            Error::TooLarge { .. } => "too_large",
            Error::Reported { code, .. } => code,
        }
    }

    /// The JSON Pointer of the field at fault.
    pub fn field(&self) -> &str {
        match self {
            Error::InvalidJson { field, .. }
            | Error::InvalidType { field, .. }
            | Error::InvalidValue { field, .. }
            | Error::Required { field }
            | Error::UnknownRegime { field, .. }
            | Error::UnknownItem { field, .. }
            | Error::AmbiguousItem { field, .. }
            | Error::TooLarge { field, .. }
            | Error::Reported { field, .. } => field,
        }
    }

    fn field_mut(&mut self) -> &mut String {
        match self {
            Error::InvalidJson { field, .. }
            | Error::InvalidType { field, .. }
            | Error::InvalidValue { field, .. }
            | Error::Required { field }
            | Error::UnknownRegime { field, .. }
            | Error::UnknownItem { field, .. }
            | Error::AmbiguousItem { field, .. }
            | Error::TooLarge { field, .. }
            | Error::Reported { field, .. } => field,
        }
    }

    /// Re-roots the error under `prefix` (a pointer), e.g. a budget line's error under
    /// `/items/2`.
    pub fn within(mut self, prefix: &str) -> Error {
        let f = self.field_mut();
        f.insert_str(0, prefix);
        self
    }

    /// Re-roots an error found while reading a whole request (`{"check", "input"}`) so
    /// that a place inside `input` is relative to `input`, as the check's own errors
    /// are: `/input/project/name` → `/project/name`, `/input` → `""`. Other places
    /// (`/check`, `""` for the whole text) stay.
    pub(crate) fn relative_to_input(mut self) -> Error {
        let f = self.field_mut();
        if f == "/input" || f.starts_with("/input/") {
            f.replace_range(.."/input".len(), "");
        }
        self
    }
}
