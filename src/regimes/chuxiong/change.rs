//! 楚雄州政务信息化项目管理办法（试行）第二十四条: a major change of needs forced by
//! outside circumstances or force majeure (因外部环境变化和不可抗因素) follows the
//! change procedure: without more investment, a change of at most 10 % is reported
//! (报备) to 本级发展改革委（局）（数据局）, more than 10 % needs its approval. Changes for
//! any other reason have no filing route (interpretations.md, Gaps).

use crate::rules::change::cond::{self, Note};
use crate::rules::change::{n, pct_text, Ctx, Margin, Measure, Out, Savings};
use crate::locale::{en_format, shown, text, Text};
use crate::model::change::ChangeReason;
use crate::rules::{Effect, Rule};
use crate::verdict::Level;
use rust_decimal::Decimal;

const AUTHORITY: &str = "本级发展改革委（局）（数据局）";
/// 变更规模≤10% 报备, >10% 申请审批.
const RATIO: u32 = 10;

const REASON: Rule = Rule {
    id: "chuxiong.24.reason",
    article: "第二十四条",
    level: Level::Block,
    title: shown!(Text::new(
        "报备仅限外部环境变化和不可抗因素",
        "Reporting only for outside circumstances",
    )),
    clause: shown!("项目实施过程中因外部环境变化和不可抗因素出现重大需求变更的须按照需求变更流程管理"),
    effect: Effect::Code,
    ..Rule::BASE
};

const TOTAL: Rule = Rule {
    id: "chuxiong.24.total",
    article: "第二十四条",
    level: Level::Block,
    title: shown!(Text::new("未增加项目投资", "No increase of the investment")),
    clause: shown!("在未增加项目投资的情况下,变更规模≤10%,向本级发展改革委(局)(数据局)报备"),
    effect: Effect::Code,
    ..Rule::BASE
};

const RATIO_RULE: Rule = Rule {
    id: "chuxiong.24.ratio",
    article: "第二十四条",
    level: Level::Block,
    title: shown!(Text::new(
        "变更规模超过 10% 须申请审批",
        "A change over 10 % needs approval",
    )),
    clause: shown!("变更规模>10%,应向本级发展改革委(局)(数据局)申请审批。"),
    effect: Effect::Code,
    ..Rule::BASE
};

const GRANT: Rule = Rule {
    id: "chuxiong.24",
    article: "第二十四条",
    level: Level::Info,
    title: shown!(Text::new("变更规模≤10% 报备", "A change of at most 10 % is reported")),
    clause: shown!("项目实施过程中因外部环境变化和不可抗因素出现重大需求变更的须按照需求变更流程管理,在未增加项目投资的情况下,变更规模≤10%,向本级发展改革委(局)(数据局)报备,变更规模>10%,应向本级发展改革委(局)(数据局)申请审批。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// 第二十四条 (revision 3): the article governs changes of needs forced from outside; tender
/// savings with unchanged content are none.
const SCOPE: Rule = Rule {
    id: "chuxiong.24.scope",
    article: "第二十四条",
    level: Level::Info,
    title: shown!(Text::new("招标结余不属于需求变更", "Tender savings are no change of needs")),
    clause: shown!("项目实施过程中因外部环境变化和不可抗因素出现重大需求变更的须按照需求变更流程管理"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// The savings rule: a request that only spends less after a tender.
pub(crate) const SAVINGS: Savings = Savings {
    rule: &SCOPE,
    says: |c, saved| {
        let art = crate::regimes::cite(&super::SPEC, "第二十四条", c.locale);
        c.say(
            || format!("建设内容不变，只有招标采购形成的结余（共 {saved} 万元）：{art}管理的是因外部环境变化和不可抗因素出现的重大需求变更，招标结余而内容不变不属于需求变更，无需报备，也无需申请审批。请按财政有关规定处理结余资金。"),
            || en_format!("The content is unchanged and only tender savings go down ({saved} 万元 in all): {art} governs major changes of needs forced by outside circumstances or force majeure, and savings from a tender with the content unchanged are none, so neither a report nor an approval is needed. Handle the savings as the finance rules say.", saved, art),
        )
    },
};

/// The change table, in rules.md order (the savings rule, checked first).
pub(crate) const RULES: &[Rule] = &[SCOPE, REASON, TOTAL, RATIO_RULE, GRANT];

pub(crate) fn decide(c: &Ctx<'_>, out: &mut Out) {
    let f = c.fig;
    let ratio = Decimal::from(RATIO);
    out.authorities = vec![AUTHORITY];
    out.margins = vec![
        Margin::ratio(RATIO_RULE.id, ratio, f, Measure::Adjustment),
        Margin::amount(TOTAL.id, f.approved_total, f, Measure::TotalAfter),
    ];
    cond::reason(
        c,
        out,
        &REASON,
        &[ChangeReason::ExternalChange],
        text!(
            "报备途径仅适用于因外部环境变化和不可抗因素出现的重大需求变更",
            "the reporting route covers only changes forced by outside circumstances or force majeure"
        ),
        AUTHORITY,
    );
    cond::total(c, out, &TOTAL, AUTHORITY);
    cond::ratio(c, out, &RATIO_RULE, RATIO, AUTHORITY, Note::None);
    if !out.may_grant(&GRANT) {
        return;
    }
    let Some(f) = f.known() else {
        return;
    };
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
            || format!("因外部环境变化和不可抗因素引起的需求变更，未增加项目投资（变更后 {after} 万元，批复 {approved} 万元），变更规模 {r}%（不超过 {RATIO}%，还可变更 {headroom} 万元）：按需求变更流程管理，向{AUTHORITY}报备。"),
            || en_format!("A change forced by outside circumstances, without more investment ({after} 万元 after, {approved} 万元 approved), of {r}% (at most {RATIO}%, {headroom} 万元 of headroom): follow the change procedure and report it to {AUTHORITY}.", after, approved, r, RATIO, headroom, AUTHORITY),
        ),
    );
}
