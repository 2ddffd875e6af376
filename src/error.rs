//! The one error type: an input that cannot be checked at all.
//!
//! Every error names the field at fault as a JSON Pointer (RFC 6901) into the input,
//! `""` for the whole input. An *absent* answer is never an error — it is a `missing`
//! finding in the verdict.

use crate::locale::Locale;
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// Why a check could not be made. `code()` is the stable machine code of contract §6.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text is not JSON. Fix the syntax at the byte offset given.
    #[error("{}", self.message(Locale::Zh))]
    InvalidJson {
        /// Pointer to the value being read when the syntax broke.
        field: String,
        /// Byte offset in the text.
        offset: usize,
        /// What the reader expected.
        detail: &'static str,
    },
    /// A value of the wrong JSON type (a string where a bool belongs, …).
    #[error("{}", self.message(Locale::Zh))]
    InvalidType {
        /// Pointer to the value.
        field: String,
        /// The type expected, as a noun phrase.
        expected: Expected,
    },
    /// A value of the right type but not allowed: a malformed amount or date, a negative
    /// amount, an unknown enum value, an out-of-range year.
    #[error("{}", self.message(Locale::Zh))]
    InvalidValue {
        /// Pointer to the value.
        field: String,
        /// What is wrong with it.
        reason: Reason,
    },
    /// One of the few structurally required keys is absent.
    #[error("{}", self.message(Locale::Zh))]
    Required {
        /// Pointer to the absent key.
        field: String,
    },
    /// `regime` names no regime govit-check knows.
    #[error("{}", self.message(Locale::Zh))]
    UnknownRegime {
        /// Pointer to `regime`.
        field: String,
        /// The value given.
        given: String,
    },
    /// A cost `item` that is neither a code, a label nor a known synonym of Wulong's annex.
    #[error("{}", self.message(Locale::Zh))]
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
    },
    /// Over a documented size limit.
    #[error("{}", self.message(Locale::Zh))]
    TooLarge {
        /// Pointer to the value over the limit (`""` for the whole input).
        field: String,
        /// Which limit.
        limit: Limit,
    },
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
    /// Anything else, said in both languages.
    Other {
        /// Chinese.
        zh: &'static str,
        /// English.
        en: &'static str,
    },
}

/// The size limits (the table is in [`crate::limits`]).
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
    /// `unknown_regime`, `unknown_item` or `too_large`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidJson { .. } => "invalid_json",
            Error::InvalidType { .. } => "invalid_type",
            Error::InvalidValue { .. } => "invalid_value",
            Error::Required { .. } => "required",
            Error::UnknownRegime { .. } => "unknown_regime",
            Error::UnknownItem { .. } => "unknown_item",
            Error::TooLarge { .. } => "too_large",
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
            | Error::TooLarge { field, .. } => field,
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
            | Error::TooLarge { field, .. } => field,
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

    /// The message in `locale`: what is wrong and what to do.
    pub fn message(&self, locale: Locale) -> String {
        let zh = locale == Locale::Zh;
        let field = self.field();
        let at = crate::labels::describe(field, locale);
        match self {
            Error::InvalidJson { offset, detail, .. } => {
                if zh {
                    format!("输入不是合法的 JSON（第 {offset} 字节处：{detail}）。请检查括号、引号和逗号。")
                } else {
                    format!("The input is not valid JSON (at byte {offset}: {detail}). Check brackets, quotes and commas.")
                }
            }
            Error::InvalidType { expected, .. } => {
                let (ezh, een) = expected.words();
                if zh {
                    format!("{at}应为{ezh}。请按此类型填写。")
                } else {
                    format!("{} must be {een}.", upper_first(at))
                }
            }
            Error::InvalidValue { reason, .. } => {
                if zh {
                    format!("{at}：{}", reason.text(true))
                } else {
                    format!("{}: {}", upper_first(at), reason.text(false))
                }
            }
            Error::Required { .. } => {
                if zh {
                    format!("缺少必填的{at}，无法检查。请填写后再提交。")
                } else {
                    format!("Required {at} is absent, so nothing can be checked. Fill it in.")
                }
            }
            Error::UnknownRegime { given, .. } => {
                // The registry's regimes, with where each applies.
                let list: Vec<String> = crate::model::Regime::ALL
                    .iter()
                    .map(|r| {
                        if zh {
                            format!("{}（{}）", r.name(), r.label(locale))
                        } else {
                            r.name().to_string()
                        }
                    })
                    .collect();
                if zh {
                    format!(
                        "不支持的办法「{given}」。请从以下选择：{}。",
                        list.join("、")
                    )
                } else {
                    format!(
                        "Unknown regime “{given}”. Choose one of {}.",
                        list.join(", ")
                    )
                }
            }
            Error::UnknownItem {
                given,
                suggestions,
                several,
                ..
            } => {
                let near = crate::checks::cost::describe_codes(suggestions, locale);
                if *several {
                    return if zh {
                        format!("「{given}」是《武隆区政务信息化项目申报范围及边界》中的一整行，列有多个费用项目，不是一个预算行。请将每笔费用分别填写为其中一项的代码或名称：{near}。")
                    } else {
                        format!("“{given}” is a whole row of Wulong's fee boundary table that names several items, not one budget line. Enter each cost as one of its items, by code or label: {near}.")
                    };
                }
                match (zh, suggestions.is_empty()) {
                    (true, false) => format!("《武隆区政务信息化项目申报范围及边界》中没有「{given}」这一项。是否指：{near}？请改用表中的代码或名称。"),
                    (true, true) => format!("《武隆区政务信息化项目申报范围及边界》中没有「{given}」这一项。请改用表中的代码或名称。"),
                    (false, false) => format!("“{given}” is not an item of Wulong's fee boundary table. Did you mean: {near}? Use a code or label from the table."),
                    (false, true) => format!("“{given}” is not an item of Wulong's fee boundary table. Use a code or label from the table."),
                }
            }
            Error::TooLarge { limit, .. } => {
                let (n, zh_what, en_what) = match *limit {
                    Limit::InputBytes(n) => (n, "输入大小（字节数）超过", "bytes of input"),
                    Limit::Depth(n) => (n, "嵌套层数超过", "levels of nesting"),
                    Limit::StringChars(n) => (n, "文字长度超过", "characters"),
                    Limit::StringBytes(n) => (n, "文字长度（UTF-8 字节数）超过", "bytes of text"),
                    Limit::ArrayLen(n) => (n, "条目数超过", "entries"),
                    Limit::ObjectKeys(n) => (n, "字段数超过", "keys"),
                };
                if zh {
                    format!("{at}{zh_what}上限 {n}。请精简后再提交。")
                } else {
                    format!(
                        "{} exceeds the limit of {n} {en_what}. Shorten it and resubmit.",
                        upper_first(at)
                    )
                }
            }
        }
    }
}

/// `the input` → `The input` (English sentences start with a capital). The English
/// phrases of `labels::describe` begin with an ASCII letter or a quotation mark, so
/// only an ASCII letter is changed (Unicode case tables would add 13 KB to the Wasm).
fn upper_first(mut s: String) -> String {
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    s
}

impl Expected {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Expected::Object => ("对象（{…}）", "an object"),
            Expected::Array => ("数组（[…]）", "an array"),
            Expected::String => ("文本", "a string"),
            Expected::Bool => ("是/否（true 或 false）", "true or false"),
            Expected::Decimal => (
                "数字或十进制数字文本（如 \"12.5\"）",
                "a number or a decimal string such as \"12.5\"",
            ),
            Expected::Date => ("日期文本（YYYY-MM-DD）", "a date string (YYYY-MM-DD)"),
            Expected::Integer => ("整数", "an integer"),
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(true))
    }
}

impl std::error::Error for Reason {}

impl Reason {
    /// What is wrong, in Chinese (`zh`) or English, without the field.
    pub fn text(&self, zh: bool) -> String {
        match (self, zh) {
            (Reason::Money, true) => "金额必须是非负的十进制数（单位：万元），如 \"1280.5\"。".to_string(),
            (Reason::Money, false) => "An amount must be a non-negative decimal number in 万元 (10,000 yuan), e.g. \"1280.5\".".to_string(),
            (Reason::Negative, true) => "金额不能为负数（单位：万元）。请填写非负金额。".to_string(),
            (Reason::Negative, false) => "An amount cannot be negative. Enter a non-negative amount in 万元.".to_string(),
            (Reason::TooPrecise, true) => "金额最多保留 6 位小数（即精确到分，单位：万元）。".to_string(),
            (Reason::TooPrecise, false) => "At most 6 decimal places (one fen) in 万元.".to_string(),
            (Reason::TooBig, true) => "金额超过 1 万亿万元的上限，请核对单位（万元）。".to_string(),
            (Reason::TooBig, false) => "The amount is above 1e12 万元; check the unit (万元).".to_string(),
            (Reason::NonFinite, true) => "数值不是有限数（如 NaN、Infinity 或 1e400）。请填写实际金额。".to_string(),
            (Reason::NonFinite, false) => "The number is not finite (NaN, Infinity or 1e400). Enter the actual amount.".to_string(),
            (Reason::Empty, true) => "金额为空。尚未确定请不填此项（或填 null）；否则请填写数字（单位：万元），如 \"12.5\"。".to_string(),
            (Reason::Empty, false) => "The amount is empty. Leave the field out (or null) if it is not known yet; otherwise enter a number in 万元, e.g. \"12.5\".".to_string(),
            (Reason::Separator { written: Some(w) }, true) => format!("金额不要使用千位分隔符（逗号、空格等），请写作 \"{w}\"（单位：万元）。"),
            (Reason::Separator { written: Some(w) }, false) => format!("Write the amount without group separators: \"{w}\" (万元)."),
            (Reason::Separator { written: None }, true) => "金额不要使用千位分隔符（逗号、空格等），小数点请用英文句点。请只写数字，如 \"1000\" 或 \"1280.5\"（单位：万元）。".to_string(),
            (Reason::Separator { written: None }, false) => "Write the amount without group separators (commas, blanks) and with a decimal point, e.g. \"1000\" or \"1280.5\" (万元).".to_string(),
            (Reason::Unit { written: Some(w) }, true) => format!("金额只填数字，不要带单位或货币符号；单位固定为万元，请写作 \"{w}\"。"),
            (Reason::Unit { written: Some(w) }, false) => format!("Enter the amount as a bare number in 万元, without a unit or currency sign: \"{w}\"."),
            (Reason::Unit { written: None }, true) => "金额只填数字，不要带单位或货币符号；单位固定为万元，如 12 万元请写 \"12\"，3 亿元请写 \"30000\"。".to_string(),
            (Reason::Unit { written: None }, false) => "Enter the amount as a bare number without a unit or currency sign; the unit is always 万元 (12 万元 is \"12\", 3 亿元 is \"30000\").".to_string(),
            (Reason::Exponent { written: Some(w) }, true) => format!("金额不要使用科学计数法，请写出完整数字 \"{w}\"（单位：万元）。"),
            (Reason::Exponent { written: Some(w) }, false) => format!("Do not use exponent notation; write the number out: \"{w}\" (万元)."),
            (Reason::Exponent { written: None }, true) => "金额不要使用科学计数法（如 1e3）。请写出完整数字，如 \"1000\"（单位：万元）。".to_string(),
            (Reason::Exponent { written: None }, false) => "Do not use exponent notation (such as 1e3); write the number out, e.g. \"1000\" (万元).".to_string(),
            (Reason::Years, true) => "年限必须是非负数，如 3 或 \"3.5\"。".to_string(),
            (Reason::Years, false) => "A number of years must be non-negative, e.g. 3 or \"3.5\".".to_string(),
            (Reason::Date, true) => "日期必须是真实存在的日期，格式 YYYY-MM-DD，如 \"2026-11-22\"。".to_string(),
            (Reason::Date, false) => "A date must be a real calendar date written YYYY-MM-DD, e.g. \"2026-11-22\".".to_string(),
            (Reason::Range { min, max }, true) => format!("应为 {min} 至 {max} 之间的整数。"),
            (Reason::Range { min, max }, false) => format!("Must be an integer from {min} to {max}."),
            (Reason::OneOf(names), true) => format!("取值应为以下之一：{}。", names.join("、")),
            (Reason::OneOf(names), false) => format!("Must be one of {}.", names.join(", ")),
            (Reason::Positive, true) => "原批复概算总投资必须大于 0（单位：万元），否则无法计算调整比例。".to_string(),
            (Reason::Positive, false) => "The approved total must be more than 0 万元; ratios cannot be computed otherwise.".to_string(),
            (Reason::Other { zh, .. }, true) => zh.to_string(),
            (Reason::Other { en, .. }, false) => en.to_string(),
        }
    }
}

/// An error together with the locale its message is written in: serializes as the
/// contract's `{"code", "field", "message"}` object (plus `suggestions` for an unknown
/// cost item).
#[derive(Debug, Clone, Copy)]
pub struct ErrorBody<'e> {
    /// The error.
    pub error: &'e Error,
    /// The message language.
    pub locale: Locale,
}

impl Serialize for ErrorBody<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let suggestions = match self.error {
            Error::UnknownItem { suggestions, .. } => Some(suggestions),
            _ => None,
        };
        let mut st = s.serialize_struct("Error", 3 + usize::from(suggestions.is_some()))?;
        st.serialize_field("code", self.error.code())?;
        st.serialize_field("field", self.error.field())?;
        st.serialize_field("message", &self.error.message(self.locale))?;
        if let Some(sug) = suggestions {
            st.serialize_field("suggestions", sug)?;
        }
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_messages_start_with_a_capital() {
        let en = |field: &str, expected| {
            Error::InvalidType {
                field: field.into(),
                expected,
            }
            .message(Locale::En)
        };
        assert_eq!(en("", Expected::Object), "The input must be an object.");
        assert_eq!(
            en("/unknown", Expected::Bool),
            "Field /unknown must be true or false."
        );
        assert_eq!(
            en("/as_of", Expected::Date),
            "“the date of the check” must be a date string (YYYY-MM-DD)."
        );
    }
}
