//! 吴忠市政务信息化专项资金管理办法（试行）: special funds are used as approved (第十九条);
//! a needed increase or change goes through the collective adjustment before the end
//! of July of the year (第十条), so there is no self-adjustment: the outcome is
//! `approval_required` with that deadline, or `rejected` once the window has closed.
//! A surplus at acceptance is returned (第十一条).

use crate::locale::{en_format, en_str, shown, Text};
use crate::rules::change::{n, Ctx, Out, Savings};
use crate::date::Date;
use crate::rules::{Effect, Field, Rule};
use crate::verdict::Level;

const AUTHORITIES: &[&str] = &["市数据局", "市财政局"];

/// 第十九条: 专项资金经批准后，须严格执行……确有必要调整时，应按照规定程序调整.
const PROCEDURE: Rule = Rule {
    id: "wuzhong.19",
    article: "第十九条",
    level: Level::Require,
    title: shown!(Text::new("专项资金按规定程序调整", "Special funds change only through the procedure")),
    clause: shown!("专项资金经批准后,须严格执行,不得随意改变专项资金使用方向和内容。确有必要调整时,应按照规定程序调整。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// 第十条: 确需增加或变更的，于当年7月底前对专项资金进行集中调整.
const WINDOW: Rule = Rule {
    id: "wuzhong.10.window",
    article: "第十条",
    level: Level::Block,
    title: shown!(Text::new("当年 7 月底前集中调整", "Collective adjustment by the end of July")),
    clause: shown!("专项资金确定后,原则上不再以其他任何资金形式列支各部门信息化资金。确需增加或变更的,于当年7月底前对专项资金进行集中调整。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// 第十一条: 建设目标和内容不变，竣工验收后项目总投资有结余的，应当……将结余资金退回.
const SURPLUS: Rule = Rule {
    id: "wuzhong.11",
    article: "第十一条",
    level: Level::Info,
    title: shown!(Text::new("结余资金退回", "A surplus is returned")),
    clause: shown!("政务信息化项目建设目标和内容不变,竣工验收后项目总投资有结余的,应当按照相关规定将结余资金退回。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// The change table, in rules.md order.
pub(crate) const RULES: &[Rule] = &[PROCEDURE, WINDOW, SURPLUS];

/// The savings rule (revision 3, 第十一条): a request that only spends less after a tender.
pub(crate) const SAVINGS: Savings = Savings {
    rule: &SURPLUS,
    says: |c, saved| {
        let art = crate::regimes::cite(&super::SPEC, "第十一条", c.locale);
        c.say(
            || format!("建设目标和内容不变，只有招标采购形成的结余（共 {saved} 万元）：这不是专项资金的增加或变更，不需要纳入当年 7 月底前的集中调整；竣工验收后项目总投资有结余的，应当按照相关规定将结余资金退回（{art}）。请在竣工验收后按规定退回结余资金。"),
            || en_format!("The goal and the content are unchanged and only tender savings go down ({saved} 万元 in all): this is no increase or change of the special funds and needs no collective adjustment by the end of July; a surplus left at acceptance is returned under the rules on it ({art}). Return it after acceptance.", saved, art),
        )
    },
};

pub(crate) fn decide(c: &Ctx<'_>, out: &mut Out) {
    let f = c.fig;
    out.authorities = AUTHORITIES.to_vec();
    out.fire(
        &PROCEDURE,
        Level::Require,
        None,
        c.say(
            || "专项资金经批准后须严格执行，不得随意改变使用方向和内容；确有必要调整的，应按规定程序调整（第十条：当年 7 月底前集中调整），不能由建设单位自行调整。".into(),
            || en_str!("Approved special funds are used as approved and may not be redirected at will; a needed change goes through the prescribed procedure (art.10: the collective adjustment by the end of July). The unit cannot adjust them itself.").into(),
        ),
    );
    match c.req.as_of {
        None => {
            let (yzh, yen) = match c.req.budget_year {
                Some(y) => (format!(" {y} 年 "), format!("{y}")),
                None => ("当年 ".to_string(), "the year".to_string()),
            };
            let msg = c.say(
                || format!("请填写检查日期：专项资金只能在{yzh}7 月 31 日前（含当日）集中调整（第十条），逾期本年度不再调整，是否还能调整取决于该日期。"),
                || en_format!("Please fill in the date of the check: special funds change only in the collective adjustment closing on 31 July of {yen} (that day included; art.10), so whether the change is still possible depends on it.", yen),
            );
            out.ask_with(&WINDOW, Field::AsOf, c.locale, Some(msg));
        }
        Some(as_of) => {
            let year = c.req.budget_year.unwrap_or_else(|| as_of.year());
            let end = Date::ymd(year, 7, 31);
            if as_of > end {
                out.floor = Some(crate::rules::change::ChangeOutcome::Rejected);
                let next = year.saturating_add(1);
                out.block(
                    &WINDOW,
                    Some("/as_of"),
                    c.say(
                        || format!("专项资金确需增加或变更的，应于当年 7 月底前集中调整（第十条）。检查日期 {as_of} 已过 {year} 年度的调整截止日 {end}，本年度不能再调整。请将所需资金纳入 {next} 年度专项资金申请（于前一年 9 月底前向市数据局提交，第十条），或按原批复执行。"),
                        || en_format!("A needed change of special funds goes into the collective adjustment by the end of July (art.10). The date checked, {as_of}, is past the {year} deadline of {end}, so the funds can no longer be changed this year. Include the need in the special-fund application for {next} (due with 市数据局 by 30 September of the year before, art.10), or carry out the approved plan.", as_of, year, end, next),
                    ),
                );
            } else {
                out.floor = Some(crate::rules::change::ChangeOutcome::ApprovalRequired);
                // A window closing after the regulation's last day is no deadline under
                // it: the check drops it and warns (`wuzhong.validity.horizon`).
                out.deadline = Some(end);
                let msg = if c.beyond(end) {
                    c.say(
                        || format!("专项资金确需增加或变更的，须纳入 {year} 年度集中调整，向市数据局、市财政局提出（第十条：当年 7 月底前）。本办法在该截止日前失效，截止日以届时有效的规定为准（见有效期提醒）。"),
                        || en_format!("The change must go into the {year} collective adjustment of special funds, submitted to 市数据局 and 市财政局 (art.10: by the end of July). This regulation expires before that day, so the deadline is whatever the rules in force then set (see the validity caution).", year),
                    )
                } else {
                    let by = crate::date::by_date(end, c.locale);
                    c.say(
                        || format!("专项资金确需增加或变更的，须纳入 {year} 年度集中调整，于 {by}向市数据局、市财政局提出（第十条）。"),
                        || en_format!("The change must go into the {year} collective adjustment of special funds, submitted to 市数据局 and 市财政局 {by} (art.10).", year, by),
                    )
                };
                out.fire(&WINDOW, Level::Require, Some("/as_of"), msg);
            }
        }
    }
    let totals = f.total_after.zip(f.approved_total);
    if let Some((after, approved)) =
        totals.filter(|&(a, b)| a < b && c.req.goal_changed == Some(false))
    {
        let (after, approved, surplus) = (n(after), n(approved), n(approved - after));
        out.fire(
            &SURPLUS,
            Level::Info,
            None,
            c.say(
                || format!("建设目标不变，调整后总投资 {after} 万元低于批复 {approved} 万元：竣工验收后项目总投资仍有结余的（本次 {surplus} 万元），应按规定退回结余资金（第十一条）。"),
                || en_format!("The goal is unchanged and the total after the change, {after} 万元, is below the approved {approved} 万元: a surplus left at acceptance ({surplus} 万元 here) is returned (art.11).", after, approved, surplus),
            ),
        );
    }
}
