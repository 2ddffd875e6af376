//! 示例市政务信息化项目管理办法 附件《信息化项目经费范围》: the regulation's fee boundary
//! table as data for the rules layer's fee-table engine (`rules::fees`): its conditions,
//! its rows in the text's order, the rows of the text that name several items, and the
//! words real budgets use for them (`reading.txt`, read by the engine's reader; docs/cost.md
//! describes its lines). The `Spec` points to [`FEES`]; `cost`, `costs` and `regimes`
//! (`fee_table: true`) then know the regime.

use crate::locale::{shown, English, Text};
use crate::rules::fees::{reading, Condition, FeeRow, FeeTable, Needs, Treatment};

/// How the table is cited.
const ANNEX: &str = "附件《信息化项目经费范围》";

/// 经评估通过 (a line waiting only for it is `pending_assessment`).
const ASSESSED: Condition = Condition::new(crate::rules::fees::ASSESSED, Text::new("经评估通过", "passed the evaluation"));
/// 确为项目所需.
const NEEDED: Condition = Condition::new("needed", Text::new("确为项目所需", "needed by the project"));

/// The table's rows, in the text's order.
const ROWS: &[FeeRow] = &[
    FeeRow {
        code: "design",
        rule: "example.annex.design",
        label: "设计咨询",
        title_en: English::new("Design and consulting"),
        treatment: Treatment::Included,
        needs: Needs::Nothing,
        basis: "项目所需的设计、咨询、监理费用，纳入信息化经费。",
        note: None,
    },
    FeeRow {
        code: "system",
        rule: "example.annex.system",
        label: "业务系统",
        title_en: English::new("Business systems"),
        treatment: Treatment::Included,
        needs: Needs::Nothing,
        basis: "业务系统的开发、升级和运行维护，纳入信息化经费。",
        note: None,
    },
    FeeRow {
        code: "server",
        rule: "example.annex.server",
        label: "服务器",
        title_en: English::new("Servers"),
        treatment: Treatment::Conditional,
        needs: Needs::All(&[NEEDED, ASSESSED]),
        basis: "服务器原则上使用政务云；确为项目所需的，经评估通过后纳入信息化经费。",
        note: Some(Text::new(
            "请优先使用政务云资源。",
            "Use the government cloud first.",
        )),
    },
    FeeRow {
        code: "office_supplies",
        rule: "example.annex.office_supplies",
        label: "办公用品",
        title_en: English::new("Office supplies"),
        treatment: Treatment::Excluded,
        needs: Needs::Nothing,
        basis: "办公用品、办公家具，不纳入信息化经费。",
        note: None,
    },
    FeeRow {
        code: "office_furniture",
        rule: "example.annex.office_furniture",
        label: "办公家具",
        title_en: English::new("Office furniture"),
        treatment: Treatment::Excluded,
        needs: Needs::Nothing,
        basis: "办公用品、办公家具，不纳入信息化经费。",
        note: None,
    },
];

/// The fee boundary table.
pub static FEES: FeeTable = FeeTable::new(
    Text::new("示例市《信息化项目经费范围》", "Example City's fee table"),
    Text::new("《信息化项目经费范围》", "the fee table"),
    ANNEX,
    &[ASSESSED, NEEDED],
    ROWS,
    &[("办公用品、办公家具", &["office_supplies", "office_furniture"])],
    reading!(include_str!("reading.txt")),
);
