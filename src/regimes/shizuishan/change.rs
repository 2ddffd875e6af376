//! 石嘴山市政务信息化项目管理办法（送审稿）: no self-adjustment allowance. 第二十条 binds
//! the unit to the approved content, scale, standard and estimate, so any change of
//! approved content (or of the goal) needs approval; 第十八条第（一）项 has the filing
//! record updated with 市数据局 within one month of a change, whatever the outcome.

use crate::locale::{en_format, en_str, shown, Text};
use crate::rules::change::{n, Ctx, Out, Savings};
use crate::rules::{Effect, Field, Rule};
use crate::verdict::Level;
use rust_decimal::Decimal;

const FILING: &str = "市数据局";
const APPROVER: &str = "市审批服务管理局";

/// 第二十条: 批复中核定的建设内容、规模、标准、投资概算……必须严格遵守.
const CONTENT: Rule = Rule {
    id: "shizuishan.20",
    article: "第二十条",
    level: Level::Block,
    title: shown!(Text::new(
        "批复内容须严格遵守，变更须报批",
        "Approved content is binding; a change needs approval",
    )),
    clause: shown!("批复中核定的建设内容、规模、标准、投资概算、招标事项和其他控制指标必须严格遵守。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// 第二十条 (revision 3): spending less than the approved 概算 after a tender leaves the
/// approved content unchanged.
const SAVINGS_RULE: Rule = Rule {
    id: "shizuishan.20.savings",
    article: "第二十条",
    level: Level::Info,
    title: shown!(Text::new(
        "招标结余不改变批复内容",
        "Tender savings leave the approved content unchanged",
    )),
    clause: shown!("批复中核定的建设内容、规模、标准、投资概算、招标事项和其他控制指标必须严格遵守。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// The savings rule: a request that only spends less after a tender.
pub(crate) const SAVINGS: Savings = Savings {
    rule: &SAVINGS_RULE,
    says: |c, saved| {
        let art = crate::regimes::cite(&super::SPEC, "第二十条", c.locale);
        c.say(
            || format!("批复核定的建设内容、规模、标准不变，只是招标后的支出低于批复概算（结余 {saved} 万元）：没有改变{art}要求严格遵守的批复内容，无需报批。请按财政有关规定处理结余资金。"),
            || en_format!("The approved content, scale and standard are unchanged; only the tender came in below the approved estimate ({saved} 万元 saved). Nothing {art} binds is changed, so no approval is needed. Handle the savings as the finance rules say.", saved, art),
        )
    },
};

/// 第十八条第（一）项: 备案信息发生变更后，应在一个月内向市数据局更新备案信息. Its own id
/// (`.update`): `shizuishan.18.1` is the eligibility rule of the filing deadlines of the
/// same item (one id, one rule).
const FILING_UPDATE: Rule = Rule {
    id: "shizuishan.18.1.update",
    article: "第十八条第（一）项",
    level: Level::Require,
    title: shown!(Text::new(
        "一个月内更新备案信息",
        "Update the filing record within one month",
    )),
    clause: shown!("备案信息发生变更后，应在一个月内向市数据局更新备案信息。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// The change table, in rules.md order (the savings rule, checked first).
pub(crate) const RULES: &[Rule] = &[SAVINGS_RULE, CONTENT, FILING_UPDATE];

pub(crate) fn decide(c: &Ctx<'_>, out: &mut Out) {
    let f = c.fig;
    // Unknown (`None`) while an amount could not be read.
    let moved = f.increases.zip(f.decreases);
    let changed = moved.map(|(i, d)| i > Decimal::ZERO || d > Decimal::ZERO);
    // "goal_changed, or any change of approved content (amounts, or — revision 3 — the
    // content, scale or standard themselves)": true as soon as one known part holds; the
    // goal and the content are asked only when nothing known changes.
    let what = if c.req.goal_changed == Some(true) {
        Some((
            "/goal_changed",
            c.say(|| "建设目标改变".into(), || en_str!("the goal changes").into()),
        ))
    } else if let Some((inc, dec)) = moved.filter(|_| changed == Some(true)) {
        Some((
            "/items",
            c.say(
                || format!("调增 {} 万元、调减 {} 万元", n(inc), n(dec)),
                || en_format!("items grow by {arg0} 万元 and shrink by {arg1} 万元", arg0 = n(inc), arg1 = n(dec)),
            ),
        ))
    } else if c.req.content_changed == Some(true) {
        Some((
            "/content_changed",
            c.say(
                || "批复的建设内容、规模或标准改变（金额未变也须报批）".into(),
                || en_str!("the approved content, scale or standard changes (even with no amount changed)").into(),
            ),
        ))
    } else {
        if c.req.goal_changed.is_none() {
            out.ask(&CONTENT, Field::GoalChanged, c.locale);
        }
        if c.req.content_changed.is_none() && changed != Some(true) {
            out.ask(&CONTENT, Field::ContentChanged, c.locale);
        }
        None
    };
    if let Some((field, what)) = what {
        out.block(
            &CONTENT,
            Some(field),
            c.say(
                || format!("本办法不允许建设单位自行调整：批复中核定的建设内容、规模、标准、投资概算必须严格遵守（第二十条）。本次{what}，须报原审批部门（市级新建、改建、扩建项目为{APPROVER}）批准后方可实施。"),
                || en_format!("This regulation allows no self-adjustment: the approved content, scale, standard and estimate are binding (art.20). Here {what}, so the change needs the approving body's approval ({APPROVER} for municipal new, renovation and expansion projects) before it is made.", what, APPROVER),
            ),
        );
        out.authorities = vec![APPROVER, FILING];
    } else {
        out.authorities = vec![FILING];
    }
    match c.req.changed_on {
        None => out.ask(&FILING_UPDATE, Field::ChangedOn, c.locale),
        Some(on) => {
            out.deadline = on.add_months(1);
            let msg = match out.deadline {
                Some(due) => {
                    let by = crate::date::by_date(due, c.locale);
                    c.say(
                        || format!("备案信息发生变更后，应在一个月内向{FILING}更新备案信息：变更日 {on}，请于 {by}更新。期限最后一日是法定休假日的，以法定休假日结束的次日为期限的最后一日（民法典第二百零三条）；本工具不含节假日日历，请自行核对。"),
                        || en_format!("Update the filing record with {FILING} within one month of the change: changed on {on}, update it {by}. A last day that falls on a statutory holiday moves to the day after the holiday ends (Civil Code art.203); govit-check holds no holiday calendar, so check it.", FILING, on, by),
                    )
                }
                None => c.say(
                    || format!("备案信息发生变更后，应在一个月内向{FILING}更新备案信息（变更日 {on}）。"),
                    || en_format!("Update the filing record with {FILING} within one month of the change on {on}.", FILING, on),
                ),
            };
            out.fire(&FILING_UPDATE, Level::Require, Some("/changed_on"), msg);
        }
    }
}
