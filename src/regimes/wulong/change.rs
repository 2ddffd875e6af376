//! 武隆区政务信息化项目管理办法 第二十六条: the unit may adjust the main content itself
//! and file with 区发展改革委, 区财政局 and 区大数据发展局 when the investment stays within
//! the approved estimate (不增加项目总投资), the goal is unchanged, the adjustment is at
//! most 15 % of the approved total and one of three reasons applies. Otherwise the
//! regular procedure applies (第二十六条第二款; approval by 区发展改革委, 第九条).
//!
//! Revision 2: savings from tendering with the content unchanged are 结余 (第二十五条),
//! handled by the finance rules — left out of increases and decreases, as in Baotou.

use crate::rules::change::cond::{self, Note};
use crate::rules::change::{n, pct_text, Ctx, Margin, Measure, Out, Savings};
use crate::locale::{en_format, shown, text, Text};
use crate::model::change::ChangeReason;
use crate::rules::{Effect, Rule};
use crate::verdict::Level;
use rust_decimal::Decimal;

const FILE_WITH: &[&str] = &["区发展改革委", "区财政局", "区大数据发展局"];
const APPROVER: &[&str] = &["区发展改革委"];
const APPROVE_WITH: &str = "区发展改革委";
/// 资金调整数额不超过概（预）算总投资 15%.
const RATIO: u32 = 15;

const GOAL: Rule = Rule {
    id: "wulong.26.goal",
    article: "第二十六条",
    level: Level::Block,
    title: shown!(Text::new(
        "建设目标改变须履行相应手续",
        "A changed goal needs the regular procedure",
    )),
    clause: shown!("项目投资规模未超出概（预）算批复、建设目标不变……可以由项目建设单位调整"),
    effect: Effect::Code,
    ..Rule::BASE
};

const TOTAL: Rule = Rule {
    id: "wulong.26.total",
    article: "第二十六条",
    level: Level::Block,
    title: shown!(Text::new("不增加项目总投资", "The total may not increase")),
    clause: shown!("项目投资规模未超出概（预）算批复……不增加项目总投资"),
    effect: Effect::Code,
    ..Rule::BASE
};

const RATIO_RULE: Rule = Rule {
    id: "wulong.26.ratio",
    article: "第二十六条",
    level: Level::Block,
    title: shown!(Text::new(
        "资金调整不超过概（预）算总投资 15%",
        "Adjustment at most 15 % of the approved total",
    )),
    clause: shown!("资金调整数额不超过概（预）算总投资 15%"),
    effect: Effect::Code,
    ..Rule::BASE
};

const REASON: Rule = Rule {
    id: "wulong.26.reason",
    article: "第二十六条",
    level: Level::Block,
    title: shown!(Text::new("调整须符合三种情形之一", "The reason must be one of the three listed")),
    clause: shown!("(一) 根据市委、市政府和区委、区政府工作安排，确需改变建设内容的；(二) 确需对原项目技术方案进行完善优化的；(三) 根据所建政务信息化项目业务发展需要，在已批复项目建设规划的框架下调整相关建设内容及进度的。不符合上述情形但确需调整项目建设内容的，应当按照国家和市级有关规定履行相应手续。"),
    effect: Effect::Code,
    ..Rule::BASE
};

const GRANT: Rule = Rule {
    id: "wulong.26",
    article: "第二十六条",
    level: Level::Info,
    title: shown!(Text::new("可自行调整并备案", "The unit may adjust and file")),
    clause: shown!("项目投资规模未超出概（预）算批复、建设目标不变，项目主要建设内容确需调整，不增加项目总投资且资金调整数额不超过概（预）算总投资 15%，并符合下列情形之一的，可以由项目建设单位调整，同时向区发展改革委、区财政局、区大数据发展局备案"),
    effect: Effect::Code,
    ..Rule::BASE
};

const SAVINGS_RULE: Rule = Rule {
    id: "wulong.25",
    article: "第二十五条",
    level: Level::Info,
    title: shown!(Text::new("招标结余不计入调整", "Tender savings are 结余, not an adjustment")),
    clause: shown!("项目建设单位应当严格按照批复的初步设计及概算（代可研），或初步设计及概算方案实施项目建设。项目建设目标和内容不变，项目总投资有结余的，应当按照相关规定执行。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// The change table, in rules.md order.
pub(crate) const RULES: &[Rule] = &[GOAL, TOTAL, RATIO_RULE, REASON, GRANT, SAVINGS_RULE];

/// The savings rule (revision 3): a request that only spends less after a tender.
pub(crate) const SAVINGS: Savings = Savings {
    rule: &SAVINGS_RULE,
    says: |c, saved| {
        let art = crate::regimes::cite(&super::SPEC, "第二十五条", c.locale);
        c.say(
            || format!("项目建设目标和内容不变，只有招标采购形成的结余（共 {saved} 万元）：项目总投资有结余的，应当按照相关规定执行（{art}）。这不是第二十六条的调整，无需说明调整原因，也无需备案；结余不能自行用于新增建设内容。请按财政有关规定处理结余资金。"),
            || en_format!("The goal and the content are unchanged and only tender savings go down ({saved} 万元 in all): savings follow the rules on them ({art}). This is no adjustment under 第二十六条: no reason and no filing are needed, and the savings may not be spent on new content. Handle them as the finance rules say.", saved, art),
        )
    },
};

const ALLOWED: &[ChangeReason] = crate::rules::change::SELF_ADJUST_REASONS;

pub(crate) fn decide(c: &Ctx<'_>, out: &mut Out) {
    let f = c.fig;
    let ratio = Decimal::from(RATIO);
    out.margins = vec![
        Margin::ratio(RATIO_RULE.id, ratio, f, Measure::Adjustment),
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
    cond::reason(
        c,
        out,
        &REASON,
        ALLOWED,
        text!("限于：市委、市政府和区委、区政府工作安排，完善优化技术方案，业务发展需要在已批复规划框架下调整", "only: work arrangements of the city and district, improving the technical solution, or business development within the approved plan"),
        APPROVE_WITH,
    );
    if out.blocked() {
        out.authorities = APPROVER.to_vec();
    } else {
        out.authorities = FILE_WITH.to_vec();
        if out.may_grant(&GRANT) {
            grant(c, out);
        }
    }
    savings(c, out);
}

/// 第二十五条 (revision 2): say how tender savings were counted, at the first such item.
fn savings(c: &Ctx<'_>, out: &mut Out) {
    let Some(first) = c.req.items.iter().position(|it| it.tender_savings) else {
        return;
    };
    let saved = c
        .req
        .items
        .iter()
        .filter(|it| it.tender_savings)
        .map(|it| Some((it.approved?.get() - it.proposed?.get()).max(Decimal::ZERO)))
        .sum::<Option<Decimal>>();
    // An unreadable amount among them: the sum is not known (its `invalid` finding says so).
    let saved = saved.map_or_else(|| "?".to_string(), n);
    out.findings.push(crate::verdict::Finding {
        rule: SAVINGS_RULE.id,
        level: Level::Info,
        article: SAVINGS_RULE.article,
        field: Some(std::borrow::Cow::Owned(format!("/items/{first}/tender_savings"))),
        message: std::borrow::Cow::Owned(c.say(
            || format!("标为招标节余的项目共节余 {saved} 万元。建设目标和内容不变、由招标采购形成的节余属于资金结余，按相关规定执行（第二十五条），不计入调增、调减和调整比例，也不能自行用于新增建设内容。请按财政有关规定处理结余资金。"),
            || en_format!("The items marked as tender savings save {saved} 万元. Savings from tendering with the goal and content unchanged are 结余 handled by the finance rules (art. 25): they count neither as increases nor decreases nor toward the ratio, and may not be spent on new content. Handle them under the finance rules.", saved),
        )),
        rules: Vec::new(),
    });
}

/// 第二十六条: the unit may adjust and file.
fn grant(c: &Ctx<'_>, out: &mut Out) {
    let Some(f) = c.fig.known() else {
        return;
    };
    let ratio = Decimal::from(RATIO);
    let headroom = n(crate::rules::change::pct_of(ratio, f.approved_total) - f.adjustment);
    let (r, after, approved) = (
        pct_text(f.adjustment_ratio, ratio),
        n(f.total_after),
        n(f.approved_total),
    );
    out.fire(
        &GRANT,
        Level::Info,
        None,
        c.say(
            || format!("可由项目建设单位自行调整，同时向区发展改革委、区财政局、区大数据发展局备案：建设目标不变，调整后总投资 {after} 万元未超过批复 {approved} 万元；调整比例 {r}%（上限 {RATIO}%，还可调整 {headroom} 万元；招标采购形成的资金结余不计入）。请在调整后及时备案。"),
            || en_format!("The unit may adjust the project itself and file the change with 区发展改革委, 区财政局 and 区大数据发展局: the goal is unchanged, the total after the change ({after} 万元) does not exceed the approved {approved} 万元, the adjustment is {r}% (limit {RATIO}%, {headroom} 万元 of headroom; tender savings left out). File the change once it is made.", after, approved, r, RATIO, headroom),
        ),
    );
}
