//! How an error message names a field: by the label a form shows for it (「总投资（万元）」),
//! not by its JSON Pointer — the pointer is in the error's `field` already.

use crate::locale::{Locale, Text};
use crate::model::Fact;
use crate::rules::Field;

/// Labels of input fields that the rule vocabularies (`Field`, `Fact`) do not carry.
pub(crate) const LABELS: &[(&str, Text)] = &[
    ("/regime", Text::new("办法", "regime")),
    ("/locale", Text::new("语言", "locale")),
    ("/check", Text::new("检查类型", "check")),
    ("/input", Text::new("检查输入", "input")),
    ("/project", Text::new("项目信息", "project")),
    ("/facts", Text::new("合规问题", "facts")),
    ("/project/name", Text::new("项目名称", "project name")),
    ("/project/investment", Text::new("投资", "investment")),
    (
        "/project/investment/engineering",
        Text::new("工程费（万元）", "engineering cost (万元)"),
    ),
    (
        "/project/investment/equipment",
        Text::new("设备费（万元）", "equipment cost (万元)"),
    ),
    (
        "/project/investment/contingency",
        Text::new("预备费（万元）", "contingency (万元)"),
    ),
    (
        "/project/hardware_replacement_only",
        Text::new("仅更替、扩容成品设备", "equipment replacement only"),
    ),
    (
        "/project/emergency",
        Text::new("处置突发事件等紧急情况", "emergency"),
    ),
    (
        "/project/civil_works",
        Text::new(
            "含新建土建工程或高耗能内容",
            "civil works or energy-intensive parts",
        ),
    ),
    (
        "/project/tender_completed_on",
        Text::new("完成项目招标日期", "date the tender was completed"),
    ),
    // Cost classification and project class.
    ("/item", Text::new("费用项目", "budget item")),
    ("/amount", Text::new("金额（万元）", "amount (万元)")),
    ("/conditions", Text::new("条件", "conditions")),
    ("/kind", Text::new("项目类型", "project kind")),
    (
        "/main_function_changed",
        Text::new(
            "升级改造是否改变系统主体功能",
            "whether the upgrade changes the main function",
        ),
    ),
    (
        "/hardware_replacement_only",
        Text::new("仅更替、扩容成品设备", "equipment replacement only"),
    ),
    // Change approval.
    (
        "/approved_total",
        Text::new("原批复概算总投资（万元）", "approved total (万元)"),
    ),
    ("/budget_year", Text::new("预算年度", "budget year")),
    ("/items", Text::new("明细", "items")),
    (
        "/approved",
        Text::new("原批复金额（万元）", "approved amount (万元)"),
    ),
    (
        "/proposed",
        Text::new("调整后金额（万元）", "proposed amount (万元)"),
    ),
    ("/name", Text::new("名称", "name")),
    ("/new", Text::new("是否新增建设内容", "new content")),
    (
        "/tender_savings",
        Text::new("是否招标采购结余", "tender savings"),
    ),
];

pub(crate) fn label(pointer: &str, locale: Locale) -> Option<&'static str> {
    if let Some((_, text)) = LABELS.iter().find(|(p, _)| *p == pointer) {
        return Some(text.get(locale));
    }
    if let Some(f) = Field::ALL.iter().find(|f| f.name() == pointer) {
        return Some(f.label(locale));
    }
    if let Some(name) = pointer.strip_prefix("/facts/") {
        return Fact::from_name(name).map(|f| f.label(locale));
    }
    if let Some(name) = pointer.strip_prefix("/conditions/") {
        return crate::regimes::fee_conditions()
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.label(locale));
    }
    None
}

/// The field named for a message: 「label」 (with the line or entry number for an array
/// element), else the pointer itself.
pub(crate) fn describe(pointer: &str, locale: Locale) -> String {
    let zh = locale == Locale::Zh;
    if pointer.is_empty() {
        return if zh {
            "输入".into()
        } else {
            "the input".into()
        };
    }
    let quote = |l: &str| {
        if zh {
            format!("「{l}」")
        } else {
            format!("“{l}”")
        }
    };
    if let Some(l) = label(pointer, locale) {
        return quote(l);
    }
    // An array element: `/items/2/amount` → 第 3 行「金额（万元）」, `/project/funding/1` →
    // 「资金来源」第 2 项.
    let segments: Vec<&str> = pointer.split('/').collect();
    // An array index as a pointer writes it (`0`, or digits without a leading zero) and
    // as an array can hold it: a key such as "007" or "18446744073709551616" is no index.
    let index = |s: &str| {
        (s == "0" || (!s.starts_with('0') && s.bytes().all(|b| b.is_ascii_digit())))
            .then(|| s.parse::<usize>().ok())
            .flatten()
            .filter(|&n| n < crate::limits::MAX_ARRAY_LEN)
    };
    if let Some(i) = segments.iter().rposition(|s| index(s).is_some()) {
        let (before, after) = segments.split_at(i);
        let n = after.first().and_then(|s| index(s)).map_or(0, |n| n + 1);
        let head = before.join("/");
        let tail: String = after.iter().skip(1).map(|s| format!("/{s}")).collect();
        let whole = label(&head, locale);
        let part = if tail.is_empty() {
            None
        } else {
            label(&tail, locale).or_else(|| label(&format!("{head}{tail}"), locale))
        };
        match (whole, part, tail.is_empty()) {
            (Some(w), _, true) => {
                return if zh {
                    format!("「{w}」第 {n} 项")
                } else {
                    format!("entry {n} of “{w}”")
                };
            }
            (_, Some(p), false) => {
                return if zh {
                    format!("第 {n} 行「{p}」")
                } else {
                    format!("“{p}” of line {n}")
                };
            }
            _ => {}
        }
    }
    if zh {
        format!("字段 {pointer}")
    } else {
        format!("field {pointer}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_named_as_the_form_labels_them() {
        let zh = |p: &str| describe(p, Locale::Zh);
        assert_eq!(zh("/project/investment/total"), "「总投资（万元）」");
        assert_eq!(zh("/facts/on_gov_cloud"), "「部署或迁移到政务云」");
        assert_eq!(zh("/project/funding/1"), "「资金来源」第 2 项");
        assert_eq!(zh("/items/2/proposed"), "第 3 行「调整后金额（万元）」");
        assert_eq!(zh("/items/0/conditions/assessed"), "第 1 行「经评估通过」");
        assert_eq!(zh("/regime"), "「办法」");
        assert_eq!(zh(""), "输入");
        assert_eq!(zh("/unknown/x~1y"), "字段 /unknown/x~1y");
        // Found by the fuzzer: a key of digits past usize is no index (no overflow).
        assert_eq!(
            zh("/cInfinity/000018446744073709551615"),
            "字段 /cInfinity/000018446744073709551615"
        );
        assert_eq!(
            zh("/facts/18446744073709551615"),
            "字段 /facts/18446744073709551615"
        );
        assert_eq!(zh("/project/funding/007"), "字段 /project/funding/007");
        assert_eq!(
            describe("/items/2/amount", Locale::En),
            "“amount (万元)” of line 3"
        );
    }
}
