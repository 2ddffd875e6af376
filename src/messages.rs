//! The texts of errors: every [`Error`]'s message in Chinese and English, its `Display`,
//! and the contract's serialized error object `{"code", "field", "message"}`.
//!
//! Errors are data (`crate::error`); they are put into words here, at the output layer,
//! where the labels a form shows for each field (`crate::labels`) and the cost items'
//! names (`crate::cost`) are known.

use crate::checks::cost::CostLine;
use crate::error::{Error, Expected, Limit, Reason, Syntax};
use crate::locale::{en_format, text, Locale, Text};
use crate::model::Regime;
use crate::verdict::RULESET_ID;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::fmt;

impl Error {
    /// The message in `locale`: what is wrong and what to do.
    pub fn message(&self, locale: Locale) -> String {
        let zh = locale == Locale::Zh;
        let field = self.field();
        // Where, in words (the messages of a budget line's item do not say it).
        let at = match self {
            Error::Reported { .. } | Error::UnknownItem { .. } | Error::AmbiguousItem { .. } => {
                String::new()
            }
            _ => crate::labels::describe(field, locale),
        };
        match self {
            Error::Reported { message, .. } => message.clone(),
            Error::InvalidJson { offset, detail, .. } => match (detail, zh) {
                (Syntax::NotUtf8, true) => format!("输入不是 UTF-8 编码的文本：从字节偏移 {offset} 处起无法按 UTF-8 读取。请将文件另存为 UTF-8 编码后再提交。"),
                (Syntax::NotUtf8, false) => en_format!("The input is not UTF-8 text: from byte offset {offset} on it cannot be read as UTF-8. Save the file as UTF-8 and resubmit.", offset),
                (Syntax::Utf16, true) => format!("输入是 UTF-16 编码的文本（见字节偏移 {offset} 处），不是 UTF-8。请将文件另存为 UTF-8 编码后再提交。"),
                (Syntax::Utf16, false) => en_format!("The input is UTF-16 text (see byte offset {offset}), not UTF-8. Save the file as UTF-8 and resubmit.", offset),
                (_, true) => format!("输入不是合法的 JSON：字节偏移 {offset} 处，{}。请检查括号、引号和逗号。", detail.text().get(locale)),
                (_, false) => en_format!("The input is not valid JSON: at byte offset {offset}, {arg0}. Check brackets, quotes and commas.", offset, arg0 = detail.text().get(locale)),
            },
            Error::InvalidType { expected, .. } => {
                let words = expected.words().get(locale);
                if zh {
                    format!("{}应为{words}。请按此类型填写。", spaced(at))
                } else {
                    format!("{} must be {words}.", upper_first(at))
                }
            }
            Error::InvalidValue { reason, .. } => {
                if zh {
                    format!("{at}：{}", reason.text(true))
                } else {
                    format!("{}: {}", upper_first(at), upper_first(reason.text(false)))
                }
            }
            Error::Required { .. } => {
                if zh {
                    format!("缺少必填的{at}，无法检查。请填写后再提交。")
                } else {
                    en_format!("{arg0} is required: nothing can be checked without it. Fill it in.", arg0 = upper_first(at))
                }
            }
            Error::UnknownRegime { given, .. } => {
                let names = Regime::ALL.iter().map(|r| r.name());
                if zh {
                    let list: Vec<String> = Regime::ALL
                        .iter()
                        .map(|r| format!("{}（{}）", r.name(), r.label(Locale::Zh)))
                        .collect();
                    format!("不支持的办法「{given}」。请从以下选择：{}。", list.join("、"))
                } else {
                    en_format!("Unknown regime “{given}”. Choose one of {arg0}.", given, arg0 = names.collect::<Vec<_>>().join(", "))
                }
            }
            Error::UnknownItem {
                given,
                suggestions,
                several,
                regime,
                ..
            } => {
                let fees = Regime::from_name(regime).and_then(crate::regimes::fee_table);
                let near = fees.map_or_else(
                    || suggestions.join(if zh { "、" } else { ", " }),
                    |t| t.describe_codes(suggestions, locale),
                );
                let table = fees.map_or("", |t| t.name.get(locale));
                if *several {
                    return if zh {
                        format!("「{given}」是{table}中的一整行，列有多个费用项目，不是一个预算行。请将每笔费用分别填写为其中一项的代码或名称：{near}。")
                    } else {
                        en_format!("“{given}” is a whole row of {table} that names several items, not one budget line. Enter each cost as one of its items, by code or label: {near}.", given, table, near)
                    };
                }
                match (zh, suggestions.is_empty()) {
                    (true, false) => format!("{table}中没有「{given}」这一项。是否指：{near}？请改用表中的代码或名称。"),
                    (true, true) => format!("{table}中没有「{given}」这一项。请改用表中的代码或名称。"),
                    (false, false) => en_format!("“{given}” is not an item of {table}. Did you mean: {near}? Use a code or label from the table.", given, table, near),
                    (false, true) => en_format!("“{given}” is not an item of {table}. Use a code or label from the table.", given, table),
                }
            }
            Error::AmbiguousItem {
                given,
                candidates,
                split,
                regime,
                ..
            } => {
                let fees = Regime::from_name(regime).and_then(crate::regimes::fee_table);
                let table = fees.map_or("", |t| t.name.get(locale));
                // One string for the list (a budget's questions are many).
                let mut list = String::with_capacity(80 * candidates.len());
                for (i, c) in candidates.iter().enumerate() {
                    if i > 0 {
                        list.push_str(if zh { "、" } else { "; " });
                    }
                    let treatment = crate::rules::fees::Treatment::from_name(c.treatment)
                        .map_or(c.treatment, |t| t.label(locale));
                    if zh {
                        list.extend([c.label, "（", c.item, "，", treatment, "）"]);
                    } else {
                        let row = fees.and_then(|t| t.row(c.item));
                        let title = row.map_or(c.label, |r| r.title_en.get());
                        list.extend([c.item, " (", title, ", ", treatment, ")"]);
                    }
                }
                match (zh, split) {
                    (true, false) => format!("「{given}」可归入{table}中的多项，按其用语无法确定是哪一项：{list}。请选择其中一项（改填它的代码或名称），或按实际内容将此行拆分为多行。"),
                    (true, true) => format!("「{given}」一行合并了{table}中的多个费用项目：{list}。请将此行拆分为多行，每行只填一项（代码或名称）及其金额。"),
                    (false, false) => en_format!("“{given}” fits several items of {table}, and its words do not say which: {list}. Choose one (enter its code or label), or split the line by what it pays for.", given, table, list),
                    (false, true) => en_format!("“{given}” joins several items of {table}: {list}. Split it into one line per item, each with its code or label and its amount.", given, table, list),
                }
            }
            Error::TooLarge { limit, .. } => {
                let (n, zh_what, zh_unit, en_unit) = match *limit {
                    Limit::InputBytes(n) => (n, "大小", " 字节", "bytes"),
                    Limit::Depth(n) => (n, "嵌套层数", " 层", "levels of nesting"),
                    Limit::StringChars(n) => (n, "文字长度", " 个字符", "characters"),
                    Limit::StringBytes(n) => (n, "文字长度", " 字节（UTF-8）", "bytes of UTF-8 text"),
                    Limit::ArrayLen(n) => (n, "条目数", " 项", "entries"),
                    Limit::ObjectKeys(n) => (n, "字段数", " 个", "keys"),
                };
                if zh {
                    format!("{}的{zh_what}超过上限（{n}{zh_unit}）。请精简后再提交。", spaced(at))
                } else {
                    en_format!("{arg0} exceeds the limit of {n} {en_unit}. Shorten it and resubmit.", arg0 = upper_first(at), n, en_unit)
                }
            }
        }
    }
}

/// A field named in a Chinese sentence, with a space after it when it ends in ASCII (a
/// pointer: `字段 /x 应为文本`), as Chinese text sets Latin words apart.
fn spaced(mut at: String) -> String {
    if at.ends_with(|c: char| c.is_ascii_graphic()) {
        at.push(' ');
    }
    at
}

impl Syntax {
    /// What is wrong, as a phrase that follows "at byte offset N" (`字节偏移 N 处`).
    fn text(self) -> Text {
        match self {
            Syntax::NotUtf8 => text!("不是 UTF-8 编码", "the text is not UTF-8"),
            Syntax::Utf16 => text!("是 UTF-16 编码，不是 UTF-8", "the text is UTF-16, not UTF-8"),
            Syntax::UnexpectedEnd => text!("文本提前结束（可能缺少右括号或引号）", "the text ends too early (a closing bracket or quote may be missing)"),
            Syntax::ExpectedValue => text!("应为一个 JSON 值（对象、数组、带双引号的文本、数字、true、false 或 null）", "a JSON value is expected (an object, array, string in double quotes, number, true, false or null)"),
            Syntax::ExpectedKey => text!("应为带双引号的字段名", "a key in double quotes is expected"),
            Syntax::ExpectedColon => text!("字段名之后应为冒号（:）", "a colon (:) is expected after the key"),
            Syntax::ExpectedCommaOrBrace => text!("应为逗号（,）或右花括号（}）", "a comma (,) or a closing brace (}) is expected"),
            Syntax::ExpectedCommaOrBracket => text!("应为逗号（,）或右方括号（]）", "a comma (,) or a closing bracket (]) is expected"),
            Syntax::NumberDigits => text!("数字不完整（缺少数位）", "a number is missing digits"),
            Syntax::UnterminatedString => text!("文本缺少结尾的双引号", "a string is missing its closing quote"),
            Syntax::ControlCharacter => text!("文本中有未转义的控制字符（换行、制表符等应写作 \\n、\\t）", "a string holds an unescaped control character (a line break or a tab is written \\n, \\t)"),
            Syntax::InvalidEscape => text!("文本中有无效的转义（\\ 之后只能是 \" \\ / b f n r t u 之一）", "a string holds an invalid escape (\\ may only be followed by one of \" \\ / b f n r t u)"),
            Syntax::UnicodeEscape => text!("\\u 之后应为四位十六进制数字", "\\u must be followed by four hex digits"),
            Syntax::TrailingCharacters => text!("值之后还有多余的内容", "there is more text after the value"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::Zh))
    }
}

impl std::error::Error for Error {}

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
    /// What the field must be, as a phrase.
    fn words(self) -> Text {
        match self {
            Expected::Object => text!("对象（{…}）", "an object"),
            Expected::Array => text!("数组（[…]）", "an array"),
            Expected::String => text!("文本", "a string"),
            Expected::Bool => text!("是/否（true 或 false）", "true or false"),
            Expected::Decimal => text!(
                "数字或十进制数字文本（如 \"12.5\"）",
                "a number or a decimal string such as \"12.5\""
            ),
            Expected::Date => text!("日期文本（YYYY-MM-DD）", "a date string (YYYY-MM-DD)"),
            Expected::Integer => text!("整数", "an integer"),
        }
    }
}

/// "The regulation `id` has no <what>; these have one: …" (`has`: which regimes have it).
fn without(id: &str, zh: bool, has: fn(Regime) -> bool, what: Text) -> String {
    let named = |r: &Regime| {
        if zh {
            format!("{}（{}）", r.label(Locale::Zh), r.name())
        } else {
            r.name().to_string()
        }
    };
    let with: Vec<String> = Regime::ALL.iter().filter(|&&r| has(r)).map(named).collect();
    let this = Regime::from_name(id).map_or_else(|| id.to_string(), |r| named(&r));
    if zh {
        format!(
            "{this}的办法没有{}。请选择有此规定的办法：{}。",
            what.zh,
            with.join("、")
        )
    } else {
        en_format!(
            "The regulation {this} has no {what}. Choose one that has: {with}.",
            this,
            what = what.get(Locale::En),
            with = with.join(", ")
        )
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(true))
    }
}

impl std::error::Error for Reason {}

impl Reason {
    /// What is wrong, in Chinese (`zh`) or English, without the field.
    pub fn text(&self, zh: bool) -> String {
        let locale = if zh { Locale::Zh } else { Locale::En };
        let text = match self {
            Reason::Money => text!("金额必须是非负的十进制数（单位：万元），如 \"1280.5\"。", "An amount must be a non-negative decimal number in 万元 (10,000 yuan), e.g. \"1280.5\"."),
            Reason::Negative => text!("金额不能为负数（单位：万元）。请填写非负金额。", "An amount cannot be negative. Enter a non-negative amount in 万元."),
            Reason::TooPrecise => text!("金额最多保留 6 位小数（即精确到分，单位：万元）。", "At most 6 decimal places (one fen) in 万元."),
            Reason::TooBig => text!("金额超过 1 万亿万元的上限，请核对单位（万元）。", "The amount is above 1e12 万元; check the unit (万元)."),
            Reason::NonFinite => text!("数值超出范围，不是有限数（如 NaN、Infinity 或 1e400）。请填写实际数值。", "The number is not finite (such as NaN, Infinity or 1e400). Enter the actual value."),
            Reason::Empty => text!("金额为空。尚未确定请不填此项（或填 null）；否则请填写数字（单位：万元），如 \"12.5\"。", "The amount is empty. Leave the field out (or null) if it is not known yet; otherwise enter a number in 万元, e.g. \"12.5\"."),
            Reason::Separator { written: Some(w) } => {
                return if zh {
                    format!(
                        "金额不要使用千位分隔符（逗号、空格等），请写作 \"{w}\"（单位：万元）。"
                    )
                } else {
                    en_format!("Write the amount without group separators: \"{w}\" (万元).", w)
                }
            }
            Reason::Separator { written: None } => text!("金额不要使用千位分隔符（逗号、空格等），小数点请用英文句点。请只写数字，如 \"1000\" 或 \"1280.5\"（单位：万元）。", "Write the amount without group separators (commas, blanks) and with a decimal point, e.g. \"1000\" or \"1280.5\" (万元)."),
            Reason::Unit { written: Some(w) } => {
                return if zh {
                    format!("金额只填数字，不要带单位或货币符号；单位固定为万元，请写作 \"{w}\"。")
                } else {
                    en_format!("Enter the amount as a bare number in 万元, without a unit or currency sign: \"{w}\".", w)
                }
            }
            Reason::Unit { written: None } => text!("金额只填数字，不要带单位或货币符号；单位固定为万元，如 12 万元请写 \"12\"，3 亿元请写 \"30000\"。", "Enter the amount as a bare number without a unit or currency sign; the unit is always 万元 (12 万元 is \"12\", 3 亿元 is \"30000\")."),
            Reason::Exponent { written: Some(w) } => {
                return if zh {
                    format!("金额不要使用科学计数法，请写出完整数字 \"{w}\"（单位：万元）。")
                } else {
                    en_format!("Do not use exponent notation; write the number out: \"{w}\" (万元).", w)
                }
            }
            Reason::Exponent { written: None } => text!("金额不要使用科学计数法（如 1e3）。请写出完整数字，如 \"1000\"（单位：万元）。", "Do not use exponent notation (such as 1e3); write the number out, e.g. \"1000\" (万元)."),
            Reason::Years => text!("年限必须是非负数，如 3 或 \"3.5\"。", "A number of years must be non-negative, e.g. 3 or \"3.5\"."),
            Reason::Date => text!("日期必须是真实存在的日期，格式 YYYY-MM-DD，如 \"2026-11-22\"。", "A date must be a real calendar date written YYYY-MM-DD, e.g. \"2026-11-22\"."),
            Reason::Range { min, max } => {
                return if zh {
                    format!("应为 {min} 至 {max} 之间的整数。")
                } else {
                    en_format!("Must be an integer from {min} to {max}.", min, max)
                }
            }
            Reason::OneOf(names) => {
                return if zh {
                    format!("取值应为以下之一：{}。", names.join("、"))
                } else {
                    en_format!("Must be one of {arg0}.", arg0 = names.join(", "))
                }
            }
            Reason::Positive => text!("原批复概算总投资必须大于 0（单位：万元），否则无法计算调整比例。", "The approved total must be more than 0 万元; ratios cannot be computed otherwise."),
            Reason::NoFeeTable(id) => return without(id, zh, |r| crate::regimes::spec(r).fees.is_some(), text!("费用边界表，不能据此归类预算明细", "fee boundary table to classify budget lines by")),
            Reason::NoProjectClasses(id) => return without(id, zh, |r| crate::regimes::spec(r).classes.is_some(), text!("项目分类规定，不能据此判断项目类别", "project classes to classify a project by")),
            Reason::ControlCharacter(c) => {
                return if zh {
                    format!("含有控制字符（U+{c:04X}，如换行、制表符或不可见的方向标记）。请删去后重新填写。")
                } else {
                    en_format!("It holds a control character (U+{code}: a line break, a tab or an invisible mark). Delete it and type the text again.", code = format!("{c:04X}"))
                }
            }
            Reason::OtherScript(c) => {
                return if zh {
                    format!("混有中文和英文字母以外的文字（如 U+{:04X}，可能是外观相近的其他文字字母）。请只用中文和英文字母填写。", u32::from(*c))
                } else {
                    en_format!("It mixes in letters of a script other than Chinese and Latin (such as U+{code}, which may look like a Latin or Chinese letter). Use Chinese and Latin letters only.", code = format!("{:04X}", u32::from(*c)))
                }
            }
            Reason::OtherRegime(id) => {
                return if zh {
                    format!("一份预算只按一个办法的费用边界表归类，此行所属办法与预算的办法（{id}）不同。请删去此行所填的办法，或将此行放入按该办法归类的另一份预算。")
                } else {
                    en_format!("One budget is classified under one regulation's fee table: this line names another regime than the budget's ({id}). Drop the line's regime or classify it in a budget of its own.", id)
                }
            }
            Reason::Other { zh: z, en: e } => return if zh { z } else { e }.to_string(),
        };
        text.get(locale).to_string()
    }
}

/// An error together with the locale its message is written in: serializes as the
/// contract's `{"code", "field", "message"}` object (plus `suggestions` for an unknown
/// cost item) and its `ruleset_id` (contract §8).
#[derive(Debug, Clone, Copy)]
pub struct ErrorBody<'e> {
    /// The error.
    pub error: &'e Error,
    /// The message language.
    pub locale: Locale,
}

impl Serialize for ErrorBody<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (suggestions, candidates, ruleset_id) = match self.error {
            Error::UnknownItem { suggestions, .. } => (Some(suggestions), None, Some(RULESET_ID)),
            Error::AmbiguousItem { candidates, .. } => {
                (None, Some(candidates.as_slice()), Some(RULESET_ID))
            }
            Error::Reported {
                suggestions,
                candidates,
                ruleset_id,
                ..
            } => (
                suggestions.as_ref(),
                candidates.as_deref().map(Vec::as_slice),
                *ruleset_id,
            ),
            _ => (None, None, Some(RULESET_ID)),
        };
        let len = 3
            + usize::from(suggestions.is_some())
            + usize::from(candidates.is_some())
            + usize::from(ruleset_id.is_some());
        let mut st = s.serialize_struct("Error", len)?;
        st.serialize_field("code", self.error.code())?;
        st.serialize_field("field", self.error.field())?;
        st.serialize_field("message", &self.error.message(self.locale))?;
        if let Some(sug) = suggestions {
            st.serialize_field("suggestions", sug)?;
        }
        if let Some(c) = candidates {
            st.serialize_field("candidates", &Candidates(c))?;
        }
        // Contract §8: every error says which build of the rules refused the input.
        if let Some(id) = ruleset_id {
            st.serialize_field("ruleset_id", id)?;
        }
        st.end()
    }
}

/// The candidates of an `ambiguous_item` error: `[{"item", "label", "treatment"}]`.
struct Candidates<'a>(&'a [crate::error::Candidate]);

impl Serialize for Candidates<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for c in self.0 {
            struct One<'c>(&'c crate::error::Candidate);
            impl Serialize for One<'_> {
                fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    let mut st = s.serialize_struct("Candidate", 3)?;
                    st.serialize_field("item", self.0.item)?;
                    st.serialize_field("label", self.0.label)?;
                    st.serialize_field("treatment", self.0.treatment)?;
                    st.end()
                }
            }
            seq.serialize_element(&One(c))?;
        }
        seq.end()
    }
}

/// A `costs` line: its decision, or `{"error": {...}}` in its place.
impl Serialize for CostLine {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            CostLine::Classified(d) => d.serialize(s),
            CostLine::Invalid { error, locale } => {
                let mut st = s.serialize_struct("CostLineError", 1)?;
                st.serialize_field(
                    "error",
                    &ErrorBody {
                        error,
                        locale: *locale,
                    },
                )?;
                st.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test: a failure is a failed test")]
    use super::*;
    use crate::model::{Category, Chapter, Fact, Funding, Kind, UnitLevel};

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

    // Every variant of the error data, listed by hand; the `match`es below stop the
    // build when a variant is added and not listed, so the catalog test sees it.

    const SYNTAX: [Syntax; 14] = [
        Syntax::NotUtf8,
        Syntax::Utf16,
        Syntax::UnexpectedEnd,
        Syntax::ExpectedValue,
        Syntax::ExpectedKey,
        Syntax::ExpectedColon,
        Syntax::ExpectedCommaOrBrace,
        Syntax::ExpectedCommaOrBracket,
        Syntax::NumberDigits,
        Syntax::UnterminatedString,
        Syntax::ControlCharacter,
        Syntax::InvalidEscape,
        Syntax::UnicodeEscape,
        Syntax::TrailingCharacters,
    ];
    const EXPECTED: [Expected; 7] = [
        Expected::Object,
        Expected::Array,
        Expected::String,
        Expected::Bool,
        Expected::Decimal,
        Expected::Date,
        Expected::Integer,
    ];

    fn reasons() -> Vec<Reason> {
        let w = || Some("1000".to_string());
        vec![
            Reason::Money,
            Reason::Negative,
            Reason::TooPrecise,
            Reason::TooBig,
            Reason::NonFinite,
            Reason::Empty,
            Reason::Separator { written: w() },
            Reason::Separator { written: None },
            Reason::Unit { written: w() },
            Reason::Unit { written: None },
            Reason::Exponent { written: w() },
            Reason::Exponent { written: None },
            Reason::Years,
            Reason::Date,
            Reason::Range {
                min: 2000,
                max: 2100,
            },
            Reason::OneOf(crate::evaluate::CHECKS),
            Reason::OneOf(&["zh-CN", "en"]),
            Reason::OneOf(Kind::NAMES),
            Reason::OneOf(Funding::NAMES),
            Reason::Positive,
            Reason::NoFeeTable("baotou"),
            Reason::NoProjectClasses("baotou"),
            Reason::OtherRegime("wulong"),
            Reason::ControlCharacter(0x200B),
            Reason::OtherScript('а'),
            Reason::Other {
                zh: "附件《申报范围及边界》不对购买服务项目分类；请选择新建、扩建、改建、续建或运行维护。",
                en: "the annex does not classify purchased services; choose new, expansion, renovation, continuation or maintenance.",
            },
        ]
    }

    fn limits() -> [Limit; 6] {
        [
            Limit::InputBytes(crate::limits::MAX_INPUT_BYTES),
            Limit::Depth(crate::limits::MAX_DEPTH),
            Limit::StringChars(crate::limits::MAX_TEXT_CHARS),
            Limit::StringBytes(crate::limits::MAX_STRING_BYTES),
            Limit::ArrayLen(crate::limits::MAX_ARRAY_LEN),
            Limit::ObjectKeys(crate::limits::MAX_OBJECT_KEYS),
        ]
    }

    /// Fails to build when a variant is added to the error data and not to the lists.
    #[allow(dead_code, reason = "a compile-time check")]
    fn listed(e: &Error, s: Syntax, x: Expected, r: &Reason, l: Limit) -> usize {
        let e = match e {
            Error::InvalidJson { .. }
            | Error::InvalidType { .. }
            | Error::InvalidValue { .. }
            | Error::Required { .. }
            | Error::UnknownRegime { .. }
            | Error::UnknownItem { .. }
            | Error::AmbiguousItem { .. }
            | Error::TooLarge { .. }
            | Error::Reported { .. } => 0,
        };
        let s = match s {
            Syntax::NotUtf8
            | Syntax::Utf16
            | Syntax::UnexpectedEnd
            | Syntax::ExpectedValue
            | Syntax::ExpectedKey
            | Syntax::ExpectedColon
            | Syntax::ExpectedCommaOrBrace
            | Syntax::ExpectedCommaOrBracket
            | Syntax::NumberDigits
            | Syntax::UnterminatedString
            | Syntax::ControlCharacter
            | Syntax::InvalidEscape
            | Syntax::UnicodeEscape
            | Syntax::TrailingCharacters => 0,
        };
        let x = match x {
            Expected::Object
            | Expected::Array
            | Expected::String
            | Expected::Bool
            | Expected::Decimal
            | Expected::Date
            | Expected::Integer => 0,
        };
        let r = match r {
            Reason::Money
            | Reason::Negative
            | Reason::TooPrecise
            | Reason::TooBig
            | Reason::NonFinite
            | Reason::Empty
            | Reason::Separator { .. }
            | Reason::Unit { .. }
            | Reason::Exponent { .. }
            | Reason::Years
            | Reason::Date
            | Reason::Range { .. }
            | Reason::OneOf(_)
            | Reason::Positive
            | Reason::NoFeeTable(_)
            | Reason::NoProjectClasses(_)
            | Reason::OtherRegime(_)
            | Reason::ControlCharacter(_)
            | Reason::OtherScript(_)
            | Reason::Other { .. } => 0,
        };
        let l = match l {
            Limit::InputBytes(_)
            | Limit::Depth(_)
            | Limit::StringChars(_)
            | Limit::StringBytes(_)
            | Limit::ArrayLen(_)
            | Limit::ObjectKeys(_) => 0,
        };
        e + s + x + r + l
    }

    /// Every pointer a message can name: each labelled field, array elements, a field
    /// without a label, the whole input.
    fn pointers() -> Vec<String> {
        let mut p: Vec<String> = crate::labels::LABELS
            .iter()
            .map(|(p, ..)| p.to_string())
            .collect();
        p.extend(
            crate::rules::Field::ALL
                .iter()
                .map(|f| f.name().to_string()),
        );
        p.extend(Fact::NAMES.iter().map(|n| format!("/facts/{n}")));
        p.extend(
            crate::regimes::fee_conditions()
                .iter()
                .map(|c| format!("/conditions/{}", c.name)),
        );
        p.extend(
            [
                "",
                "/items/2/amount",
                "/items/0/conditions/assessed",
                "/project/funding/1",
                "/facts/design_chapters/3",
                "/x",
                "/unknown/x~1y/0",
                "/项目",
            ]
            .map(String::from),
        );
        p
    }

    /// Every error variant, with every detail, at every pointer.
    fn catalog() -> Vec<Error> {
        let mut all = Vec::new();
        for field in pointers() {
            let f = || field.clone();
            for detail in SYNTAX {
                all.push(Error::InvalidJson {
                    field: f(),
                    offset: 12,
                    detail,
                });
            }
            for expected in EXPECTED {
                all.push(Error::InvalidType {
                    field: f(),
                    expected,
                });
            }
            for reason in reasons() {
                all.push(Error::InvalidValue { field: f(), reason });
            }
            all.push(Error::Required { field: f() });
            for limit in limits() {
                all.push(Error::TooLarge { field: f(), limit });
            }
        }
        for given in ["beijing", "Baotou", "包头"] {
            all.push(Error::UnknownRegime {
                field: "/regime".into(),
                given: given.into(),
            });
        }
        for given in [
            "camra",
            "咖啡机",
            "服务器",
            "机房环境(如机房物管费、电费等)",
        ] {
            for several in [false, true] {
                all.push(Error::UnknownItem {
                    field: "/items/4/item".into(),
                    given: given.into(),
                    suggestions: crate::checks::cost::table_of(None)
                        .map(|t| t.suggest(given))
                        .unwrap_or_default(),
                    several,
                    regime: crate::regimes::DEFAULT_FEE_REGIME.name(),
                });
            }
        }
        all
    }

    fn is_han(c: char) -> bool {
        matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
    }

    /// Han characters, CJK punctuation and full-width forms.
    fn is_cjk(c: char) -> bool {
        is_han(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
    }

    /// The message without its quotations (「label」, “label”, "text", 《title》), which
    /// quote labels, examples and what the user wrote, in any language, and without
    /// JSON Pointers (`/project/name`).
    fn unquoted(m: &str, keep_pointers: bool) -> String {
        let mut out = String::new();
        let mut close: Option<char> = None;
        let mut pointer = false;
        let c: Vec<char> = m.chars().collect();
        for (i, &x) in c.iter().enumerate() {
            if let Some(end) = close {
                if x == end {
                    close = None;
                    out.push(' ');
                }
                continue;
            }
            if pointer {
                // A pointer (its keys may be any text) runs to a blank or a colon.
                let colon = x == '：' || (x == ':' && c.get(i + 1).is_none_or(|n| *n == ' '));
                if x.is_whitespace() || colon {
                    pointer = false;
                } else {
                    continue;
                }
            }
            match x {
                '「' => close = Some('」'),
                '“' => close = Some('”'),
                '《' => close = Some('》'),
                '"' => close = Some('"'),
                '/' if !keep_pointers => pointer = true,
                x => out.push(x),
            }
        }
        out
    }

    /// A run of two to six Han characters written twice in a row (`输入输入`).
    fn doubled_han(m: &str) -> Option<String> {
        let c: Vec<char> = m.chars().collect();
        for i in 0..c.len() {
            for n in 2..=6 {
                let (Some(a), Some(b)) = (c.get(i..i + n), c.get(i + n..i + 2 * n)) else {
                    break;
                };
                if a == b && a.iter().all(|&x| is_han(x)) {
                    return Some(a.iter().collect());
                }
            }
        }
        None
    }

    /// A word written twice in a row (`the the`), ignoring case.
    fn doubled_word(m: &str) -> Option<String> {
        let words: Vec<String> = m
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_ascii_alphabetic())
                    .to_ascii_lowercase()
            })
            .collect();
        words
            .windows(2)
            .find(|w| w[0].len() > 1 && w[0] == w[1])
            .map(|w| w[0].clone())
    }

    /// ASCII words a Chinese message may hold outside quotes and pointers: JSON and
    /// encoding terms, and codes (the names of the crate's vocabularies).
    fn codes() -> Vec<&'static str> {
        let mut v: Vec<&str> = vec![
            "JSON", "UTF", "YYYY", "MM", "DD", "true", "false", "null", "NaN", "Infinity", "zh",
            "CN", "en",
        ];
        v.extend(Regime::ALL.iter().map(|r| r.name()));
        for list in [
            crate::evaluate::CHECKS,
            Kind::NAMES,
            Category::NAMES,
            UnitLevel::NAMES,
            Funding::NAMES,
            Chapter::NAMES,
            Fact::NAMES,
        ] {
            v.extend(list.iter().copied());
        }
        v.extend(crate::regimes::fee_conditions().iter().map(|c| c.name));
        for t in Regime::ALL
            .iter()
            .filter_map(|&r| crate::regimes::fee_table(r))
        {
            v.extend(t.rows.iter().map(|i| i.code));
        }
        v
    }

    /// The rules every error message keeps, in its own locale:
    ///
    /// - Chinese (`zh-CN`): at least one Han character; outside quotations and pointers,
    ///   every run of two or more ASCII letters (and `_`) is a code or term of
    ///   [`codes`] — no English words; no ASCII letter or digit touching a Han character
    ///   (a Latin word, number or pointer is set apart by a space); no run of Han
    ///   characters written twice in a row.
    /// - English: outside quotations and pointers, no CJK character (Han, CJK punctuation,
    ///   full-width forms) except the unit words 万元 and 亿元 (the contract's unit); starts
    ///   with a capital (or the quotation of a label); no word written twice in a row.
    fn faults(m: &str, locale: Locale) -> Vec<String> {
        let mut f = Vec::new();
        let plain = unquoted(m, false);
        if locale == Locale::Zh {
            if !m.chars().any(is_han) {
                f.push("no Chinese".into());
            }
            let allowed = codes();
            for word in plain.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
                let letters = word.trim_matches(|c: char| c.is_ascii_digit());
                if letters.chars().filter(char::is_ascii_alphabetic).count() >= 2
                    && !allowed.contains(&letters)
                {
                    f.push(format!("English word {letters:?}"));
                }
            }
            let c: Vec<char> = unquoted(m, true).chars().collect();
            for w in c.windows(2) {
                if (w[0].is_ascii_alphanumeric() && is_han(w[1]))
                    || (is_han(w[0]) && w[1].is_ascii_alphanumeric())
                {
                    f.push(format!("no space between {:?} and {:?}", w[0], w[1]));
                }
            }
            if let Some(d) = doubled_han(&plain) {
                f.push(format!("doubled {d:?}"));
            }
        } else {
            let stray: String = plain
                .replace("万元", "")
                .replace("亿元", "")
                .chars()
                .filter(|&c| is_cjk(c))
                .collect();
            if !stray.is_empty() {
                f.push(format!("CJK outside quotes: {stray:?}"));
            }
            if !m.starts_with(|c: char| c.is_ascii_uppercase() || c == '“') {
                f.push("no capital".into());
            }
            if let Some(d) = doubled_word(m) {
                f.push(format!("doubled {d:?}"));
            }
        }
        f
    }

    #[test]
    fn every_error_message_in_both_locales_is_in_one_language_without_doubled_words() {
        let mut bad = Vec::new();
        let all = catalog();
        assert!(all.len() > 3000, "{}", all.len());
        for e in &all {
            for locale in [Locale::Zh, Locale::En] {
                let m = e.message(locale);
                let f = faults(&m, locale);
                if !f.is_empty() {
                    bad.push(format!(
                        "{:?} {}: {m}\n    {}",
                        locale,
                        e.code(),
                        f.join("; ")
                    ));
                }
            }
        }
        bad.dedup();
        assert!(
            bad.is_empty(),
            "{} messages:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }

    /// The rules themselves catch what issue 17 found.
    #[test]
    fn the_message_rules_catch_the_faults_once_shipped() {
        assert!(!faults("输入输入大小（字节数）超过上限 1048576。", Locale::Zh).is_empty());
        assert!(!faults("字段 /x文字长度超过上限 500。", Locale::Zh).is_empty());
        assert!(!faults(
            "输入不是合法的 JSON（第 1 字节处：expected a string key）。",
            Locale::Zh
        )
        .is_empty());
        assert!(!faults("The amount is 太大.", Locale::En).is_empty());
        assert!(!faults("The the amount.", Locale::En).is_empty());
        assert!(faults("「项目名称」应为文本。请按此类型填写。", Locale::Zh).is_empty());
        assert!(faults("“项目名称” must be a string, in 万元.", Locale::En).is_empty());
    }
}
