//! 示例市政务信息化项目管理办法 第二十五条: the unit may adjust the approved content itself
//! when the total does not rise; otherwise it applies again. Written with the change kit
//! of `crate::rules::change`.

use crate::locale::{shown, Text};
use crate::rules::change::{Ctx, Margin, Measure, Out, Savings};
use crate::rules::{Effect, Rule};
use crate::verdict::Level;

/// 第二十五条: 不增加总投资.
const TOTAL: Rule = Rule {
    id: "example.25.total",
    article: "第二十五条",
    level: Level::Block,
    title: shown!(Text::new("调整后总投资不得增加", "The total may not rise")),
    clause: shown!("项目调整不增加总投资的，由建设单位自行调整并报市数据局备案。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// 第二十五条: the grant.
const GRANT: Rule = Rule {
    id: "example.25",
    article: "第二十五条",
    level: Level::Info,
    title: shown!(Text::new("可自行调整并备案", "The unit may adjust and file")),
    clause: shown!("项目调整不增加总投资的，由建设单位自行调整并报市数据局备案。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// 第二十五条: savings with the content unchanged (what a request that only spends less
/// after a tender is answered by: outcome `savings`).
const SAVINGS_RULE: Rule = Rule {
    id: "example.25.savings",
    article: "第二十五条",
    level: Level::Info,
    title: shown!(Text::new("结余不属于调整", "Savings are no adjustment")),
    clause: shown!("项目调整不增加总投资的，由建设单位自行调整并报市数据局备案。"),
    effect: Effect::Code,
    ..Rule::BASE
};

/// The savings rule.
pub(crate) const SAVINGS: Savings = Savings {
    rule: &SAVINGS_RULE,
    says: |c, saved| {
        c.say(
            || format!("内容不变，只有招标结余 {saved} 万元：不属于调整，请按财政规定处理结余资金。"),
            || format!("The content is unchanged and only tender savings of {saved} 万元 go down: no adjustment; handle the savings as the finance rules say."),
        )
    },
};

/// The change table, in the order of the regulation.
pub(crate) const RULES: &[Rule] = &[SAVINGS_RULE, TOTAL, GRANT];

pub(crate) fn decide(c: &Ctx<'_>, out: &mut Out) {
    let f = c.fig;
    out.margins = vec![Margin::amount(TOTAL.id, f.approved_total, f, Measure::TotalAfter)];
    crate::rules::change::cond::total(c, out, &TOTAL, "市数据局");
    if out.blocked() {
        out.authorities = vec!["市数据局"];
        return;
    }
    out.authorities = vec!["市数据局"];
    if out.may_grant(&GRANT) {
        out.fire(
            &GRANT,
            Level::Info,
            None,
            c.say(
                || "总投资不增加，可由建设单位自行调整，并报市数据局备案。".into(),
                || "The total does not rise: the unit may adjust the project and file with 市数据局.".into(),
            ),
        );
    }
}
