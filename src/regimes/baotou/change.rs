//! 包头市本级政务信息化项目建设管理办法（试行）第二十一条: the unit may adjust the main
//! content itself and file with 市行政审批政务服务与数据管理局 when the investment stays
//! within the approved estimate, the goal is unchanged, the adjustment is at most 15 %
//! of the approved total, new content at most 5 % and at most 200 万元, and one of three
//! reasons applies. Tender savings are left out of the adjustment.

use crate::rules::change::cond::{self, Note};
use crate::rules::change::{n, over_pct, pct_text, Ctx, Margin, Measure, Out, Savings};
use crate::locale::{en_format, shown, text, Text};
use crate::model::change::ChangeReason;
use crate::rules::{Effect, Rule};
use crate::verdict::Level;
use rust_decimal::Decimal;

const AUTHORITY: &str = "市行政审批政务服务与数据管理局";
const APPROVE_WITH: &str = AUTHORITY;
/// 资金调整数额不超过概算总投资 15%.
const RATIO: u32 = 15;
/// 新增的建设内容投资应不超过总投资 5%.
const NEW_RATIO: u32 = 5;
/// 且不超过 200 万元.
const NEW_CAP: u32 = 200;

/// 第二十一条: 建设目标不变.
const GOAL: Rule = Rule {
    id: "baotou.21.goal",
    article: "第二十一条",
    level: Level::Block,
    title: shown!(Text::new(
        "建设目标改变须重新报批",
        "A changed goal needs a new approval",
    )),
    clause: shown!("政务信息化项目投资规模未超出概算批复、建设目标不变……可以由项目建设单位调整"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// 第二十一条: 投资规模未超出概算批复.
const TOTAL: Rule = Rule {
    id: "baotou.21.total",
    article: "第二十一条",
    level: Level::Block,
    title: shown!(Text::new(
        "调整后总投资不得超出概算批复",
        "The total may not exceed the approved estimate",
    )),
    clause: shown!("政务信息化项目投资规模未超出概算批复"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// 第二十一条: 资金调整数额不超过概算总投资 15%.
const RATIO_RULE: Rule = Rule {
    id: "baotou.21.ratio",
    article: "第二十一条",
    level: Level::Block,
    title: shown!(Text::new("资金调整不超过概算总投资 15%", "Adjustment at most 15 % of the approved total")),
    clause: shown!("资金调整是指增加或减少建设内容的投资调整值中较大者与原批复概算总投资的比值不超过 15%……由招标采购形成的资金结余不计入上述调整范围。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// 第二十一条: 新增的建设内容投资应不超过总投资 5%.
const NEW_RATIO_RULE: Rule = Rule {
    id: "baotou.21.new_ratio",
    article: "第二十一条",
    level: Level::Block,
    title: shown!(Text::new(
        "新增内容不超过总投资 5%",
        "New content at most 5 % of the approved total",
    )),
    clause: shown!("新增的建设内容投资应不超过总投资 5%且不超过 200 万元。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// 第二十一条: 且不超过 200 万元.
const NEW_CAP_RULE: Rule = Rule {
    id: "baotou.21.new_cap",
    article: "第二十一条",
    level: Level::Block,
    title: shown!(Text::new("新增内容不超过 200 万元", "New content at most 200 万元")),
    clause: shown!("新增的建设内容投资应不超过总投资 5%且不超过 200 万元。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// 第二十一条第（一）至（三）项: the three permitted reasons.
const REASON: Rule = Rule {
    id: "baotou.21.reason",
    article: "第二十一条",
    level: Level::Block,
    title: shown!(Text::new("调整须符合三种情形之一", "The reason must be one of the three listed")),
    clause: shown!("（一）根据国家部署、自治区和包头市要求，或上级主管部门有明确规定，确需改变建设内容的；（二）确需对原项目技术方案进行完善优化的；（三）根据所建政务信息化项目业务发展需要，在已批复项目建设规划的框架下适当调整相关建设内容和进度的。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// 第二十一条: the grant — adjust and file.
const GRANT: Rule = Rule {
    id: "baotou.21",
    article: "第二十一条",
    level: Level::Info,
    title: shown!(Text::new("可自行调整并备案", "The unit may adjust and file")),
    clause: shown!("政务信息化项目投资规模未超出概算批复、建设目标不变，项目主要建设内容确需调整且资金调整数额不超过概算总投资 15%，并符合下列情形之一的，可以由项目建设单位调整，同时向市行政审批政务服务与数据管理局备案"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// 第二十条 (revision 3): 项目目标和内容不变，总投资有结余的，按照相关规定将结余资金退回.
const SAVINGS_RULE: Rule = Rule {
    id: "baotou.20",
    article: "第二十条",
    level: Level::Info,
    title: shown!(Text::new("目标和内容不变的结余按规定退回", "Savings with goal and content unchanged are returned")),
    clause: shown!("项目目标和内容不变，总投资有结余的，按照相关规定将结余资金退回。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// The savings rule: a request that only spends less after a tender.
pub(crate) const SAVINGS: Savings = Savings {
    rule: &SAVINGS_RULE,
    says: |c, saved| {
        let art = crate::regimes::cite(&super::SPEC, "第二十条", c.locale);
        c.say(
            || format!("项目目标和内容不变，只有招标采购形成的结余（共 {saved} 万元）：总投资有结余的，按照相关规定将结余资金退回（{art}）。这不是第二十一条的调整，无需说明调整原因，也无需备案。请按财政有关规定退回结余资金。"),
            || en_format!("The goal and the content are unchanged and only tender savings go down ({saved} 万元 in all): savings are returned under the rules on them ({art}). This is no adjustment under 第二十一条: no reason and no filing are needed. Return the savings as the finance rules say.", saved, art),
        )
    },
};

/// The change table, in rules.md order (the savings rule, checked first, then 第二十一条).
pub(crate) const RULES: &[Rule] = &[
    SAVINGS_RULE,
    GOAL,
    TOTAL,
    RATIO_RULE,
    NEW_RATIO_RULE,
    NEW_CAP_RULE,
    REASON,
    GRANT,
];

const ALLOWED: &[ChangeReason] = crate::rules::change::SELF_ADJUST_REASONS;

pub(crate) fn decide(c: &Ctx<'_>, out: &mut Out) {
    let f = c.fig;
    let (ratio, new_ratio, new_cap) = (
        Decimal::from(RATIO),
        Decimal::from(NEW_RATIO),
        Decimal::from(NEW_CAP),
    );
    out.authorities = vec![AUTHORITY];
    out.margins = vec![
        Margin::ratio(RATIO_RULE.id, ratio, f, Measure::Adjustment),
        Margin::ratio(NEW_RATIO_RULE.id, new_ratio, f, Measure::NewContent),
        Margin::amount(NEW_CAP_RULE.id, Some(new_cap), f, Measure::NewContent),
        Margin::amount(TOTAL.id, f.approved_total, f, Measure::TotalAfter),
    ];
    cond::goal(c, out, &GOAL, APPROVE_WITH);
    cond::total(c, out, &TOTAL, APPROVE_WITH);
    cond::ratio(
        c,
        out,
        &RATIO_RULE,
        RATIO,
        APPROVE_WITH,
        Note::TenderExcluded,
    );
    let new_and_base = f.new_content.zip(f.approved_total);
    if let Some((new_content, base)) = new_and_base.filter(|&(x, b)| over_pct(x, new_ratio, b)) {
        let cap = crate::rules::change::pct_of(new_ratio, base);
        let (new, r, cut, cap) = (
            n(new_content),
            pct_text(crate::rules::change::ratio(new_content, base), new_ratio),
            n(new_content - cap),
            n(cap),
        );
        out.block(
            &NEW_RATIO_RULE,
            Some("/items"),
            c.say(
                || format!("新增建设内容投资 {new} 万元，占原批复概算总投资的 {r}%，超过 {NEW_RATIO}% 上限（上限 {cap} 万元）。请将新增内容至少压减 {cut} 万元，或按程序重新报批（{APPROVE_WITH}）。"),
                || en_format!("New content of {new} 万元 is {r}% of the approved total, over the {NEW_RATIO}% limit ({cap} 万元). Cut the new content by at least {cut} 万元, or apply for a new approval ({APPROVE_WITH}).", new, r, NEW_RATIO, cap, cut, APPROVE_WITH),
            ),
        );
    }
    if let Some(new_content) = f.new_content.filter(|&x| x > new_cap) {
        let (new, cut) = (n(new_content), n(new_content - new_cap));
        out.block(
            &NEW_CAP_RULE,
            Some("/items"),
            c.say(
                || format!("新增建设内容投资 {new} 万元，超过 {NEW_CAP} 万元上限（超出 {cut} 万元）。请将新增内容至少压减 {cut} 万元，或按程序重新报批（{APPROVE_WITH}）。"),
                || en_format!("New content of {new} 万元 is over the {NEW_CAP} 万元 limit by {cut} 万元. Cut the new content by at least {cut} 万元, or apply for a new approval ({APPROVE_WITH}).", new, NEW_CAP, cut, APPROVE_WITH),
            ),
        );
    }
    cond::reason(
        c,
        out,
        &REASON,
        ALLOWED,
        text!("限于：上级部署或主管部门明确规定、完善优化技术方案、业务发展需要在已批复规划框架下调整", "only: a superior deployment or the authority's explicit rule, improving the technical solution, or business development within the approved plan"),
        APPROVE_WITH,
    );
    if !out.may_grant(&GRANT) {
        return;
    }
    let Some(f) = f.known() else {
        return;
    };
    let headroom = n(crate::rules::change::pct_of(ratio, f.approved_total) - f.adjustment);
    let (r, nr, new, after, approved) = (
        pct_text(f.adjustment_ratio, ratio),
        pct_text(f.new_content_ratio, new_ratio),
        n(f.new_content),
        n(f.total_after),
        n(f.approved_total),
    );
    out.fire(
        &GRANT,
        Level::Info,
        None,
        c.say(
            || format!("可由项目建设单位自行调整，同时向{AUTHORITY}备案：建设目标不变，调整后总投资 {after} 万元未超出批复 {approved} 万元；调整比例 {r}%（上限 {RATIO}%，还可调整 {headroom} 万元；招标采购形成的资金结余不计入）；新增内容 {new} 万元，占 {nr}%（上限 {NEW_RATIO}% 且不超过 {NEW_CAP} 万元）。请在调整后及时备案。"),
            || en_format!("The unit may adjust the project itself and file the change with {AUTHORITY}: the goal is unchanged, the total after the change ({after} 万元) stays within the approved {approved} 万元, the adjustment is {r}% (limit {RATIO}%, {headroom} 万元 of headroom; tender savings left out), new content {new} 万元 is {nr}% (limit {NEW_RATIO}% and {NEW_CAP} 万元). File the change once it is made.", AUTHORITY, after, approved, r, RATIO, headroom, new, nr, NEW_RATIO, NEW_CAP),
        ),
    );
}
