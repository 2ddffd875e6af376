//! 吴忠市政务信息化专项资金管理办法（试行）.
//!
//! In force 2026-01-21 to 2028-01-21 (第二十六条). A fund for 市本级预算单位 (第五条);
//! applications go to 市数据局 by 30 September for the next year (第十条、第十六条) and are
//! decided by a 市人民政府专题会议: the route is always 审批, and every application carries
//! its 绩效目标 (第十六条、第二十一条; revision 2).

mod change;

use crate::locale::{en_format, shown, Locale, Text};
use super::{ChangeSpec, Spec};
use crate::model::Region;
use crate::date::Date;
use crate::model::Fact::*;
use crate::model::{Kind, UnitLevel};
use crate::rules::{Cond, Ctx, Effect, Rule};
use crate::verdict::{Deadline, Document, Level, Procedure};

/// The regulation.
pub static SPEC: Spec = Spec {
    id: "wuzhong",
    place: Text::new("吴忠市", "Wuzhong"),
    title: "吴忠市政务信息化专项资金管理办法（试行）",
    effective_from: Some(Date::ymd(2026, 1, 21)),
    effective_until: Some(Date::ymd(2028, 1, 21)),
    draft: false,
    validity_article: "第二十六条",
    validity_clause: shown!("本办法自2026年1月21日起施行,有效期至2028年1月21日。"),
    validity_id: "wuzhong.validity",
    as_of_id: "wuzhong.as_of",
    horizon_id: "wuzhong.validity.horizon",
    eligibility: ELIGIBILITY,
    prepare,
    procedure,
    change: ChangeSpec {
        rules: change::RULES,
        decide: change::decide,
        tender_savings_excluded: false,
        asks_as_of: true,
        savings: change::SAVINGS,
    },
    fees: None,
    classes: None,
    // Ningxia: 县（市、区） below the city.
    region: shown!(Region {
        unit_levels: &[
            (UnitLevel::Municipal, Text::new("市本级部门", "municipal department")),
            (UnitLevel::County, Text::new("县（市、区）", "county, county-level city or district")),
            (UnitLevel::Township, Text::new("乡镇、街道", "township or sub-district")),
        ],
        funding: crate::regimes::AUTONOMOUS_REGION,
    }),
};

fn prepare(_c: &mut Ctx<'_>) {}

/// 每年9月底前: on or before 30 September of the year before the budget year.
fn due(c: &Ctx<'_>) -> Option<Date> {
    c.due_before(9, 30)
}

fn what(c: &Ctx<'_>) -> &'static str {
    if c.kind == Some(Kind::Maintenance) {
        "向市数据局提交下一年度运维经费申请"
    } else {
        "向市数据局提交下一年度专项资金申请"
    }
}

fn procedure(c: &Ctx<'_>) -> Procedure {
    Procedure {
        authority: Some("市数据局（会同市委网信办、市政府办、市发改委、市工信局、市财政局评审，报市人民政府专题会议审议）"),
        // 第十六条、第二十一条: every special-fund application carries its 绩效目标.
        documents: vec![Document::PerformanceGoalsTable],
        supervision_required: None,
        regional_review: false,
        acceptance: None,
        deadlines: due(c)
            .map(|due| Deadline {
                rule: "wuzhong.10.deadline",
                what: what(c),
                due,
            })
            .into_iter()
            .collect(),
    }
}

fn late_message(c: &Ctx<'_>, locale: Locale) -> String {
    let due = due(c)
        .map(|d| crate::date::by_date(d, locale))
        .unwrap_or_default();
    match locale {
        Locale::Zh => format!(
            "下一年度申请应于每年 9 月底前（本项目为 {due}）{}，检查日期已过截止日。请尽快与市数据局联系，确认能否纳入评审；否则请按下一预算年度申报。",
            what(c)
        ),
        Locale::En => en_format!("Applications for the next budget year are due by 30 September (here {due}); the date checked is past it. Contact 市数据局 at once, or apply for the following budget year.", due),
    }
}

/// The eligibility table, in the order of rules.md.
pub const ELIGIBILITY: &[Rule] = &[
    Rule {
        id: "wuzhong.5",
        article: "第五条",
        level: Level::Info,
        title: shown!(Text::new("仅适用于市本级预算单位", "Municipal budget units only")),
        clause: shown!("专项资金主要用于吴忠市本级预算单位实施的政务信息化项目。"),
        when: Cond::UnitLevels(&[UnitLevel::County, UnitLevel::Township]),
        effect: Effect::NotApplicable,
        message: Text::new(
            "专项资金主要用于吴忠市本级预算单位实施的政务信息化项目，县（市、区）、乡镇（街道）单位的项目不适用本办法。请按所在地的资金管理规定申报。",
            "The fund serves projects of Wuzhong's municipal budget units; county and township units' projects are out of scope. Apply under your own area's rules.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wuzhong.6.1",
        article: "第六条第（一）项",
        title: shown!(Text::new("需求合理、目标明确", "Reasonable needs, clear goals")),
        clause: shown!("使用专项资金的项目应符合下列要求：（一）符合国家、自治区、吴忠市政务信息化有关规定，需求合理、目标明确；"),
        when: Cond::Fact(NeedsClear, false),
        message: Text::new(
            "使用专项资金的项目应需求合理、目标明确。请明确项目需求和绩效目标后再申请。",
            "A project using the fund needs reasonable needs and clear goals. Define them before applying.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wuzhong.6.2",
        article: "第六条第（二）项",
        title: shown!(Text::new("不得重复建设", "No duplicate construction")),
        clause: shown!("（二）坚持统筹、集约、整合、共享，在现有数字基础设施和公共支撑平台基础上开发利用并符合相关标准规范，不得重复建设；"),
        when: Cond::Fact(DuplicatesExistingSystem, true),
        message: Text::new(
            "项目与现有系统功能重复，不符合“不得重复建设”的要求。请在现有数字基础设施和公共支撑平台基础上开发利用，调整建设内容后再申请。",
            "The project duplicates an existing system, which the fund does not allow. Build on existing infrastructure and shared platforms and change the scope before applying.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wuzhong.6.3",
        article: "第六条第（三）项",
        title: shown!(Text::new("提供数据资源目录并实现数据共享", "Data catalogue and data sharing")),
        clause: shown!("（三）项目内容、技术方案和投资估算合理可行，能够提供数据资源目录并实现公共数据共享；"),
        when: Cond::Or(&[Cond::Fact(DataCatalogProvided, false), Cond::Fact(DataShared, false)]),
        message: Text::new(
            "项目须能够提供数据资源目录并实现公共数据共享。请编制数据资源目录、落实数据共享后再申请。",
            "The project must provide a data resource catalogue and share public data. Compile the catalogue and share the data before applying.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wuzhong.6.4",
        article: "第六条第（四）项",
        title: shown!(Text::new("网络安全、密码应用、安全可靠", "Security, cryptography, trusted products")),
        clause: shown!("（四）符合网络安全和密码应用要求，符合国家安全可靠应用政策规定。"),
        when: Cond::Or(&[
            Cond::Fact(SecurityPlan, false),
            Cond::Fact(CryptoPlan, false),
            Cond::Fact(XinchuangCompliant, false),
        ]),
        message: Text::new(
            "项目须符合网络安全和密码应用要求及国家安全可靠应用政策。请明确网络安全防护措施和商用密码应用方案，并落实安全可靠（信创）产品应用。",
            "The project must meet the network security and cryptography requirements and the national trusted-products policy. Define the security measures and the cryptography plan and use trusted (信创) products.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wuzhong.9",
        article: "第九条",
        title: shown!(Text::new("须纳入项目滚动储备库", "Must be in the rolling project reserve")),
        clause: shown!("市级各有关单位应当定期向市数据局提交政务信息化项目建设计划，由市数据局形成项目滚动储备库，未入库的项目原则上不予安排资金。"),
        when: Cond::Fact(InProjectLibrary, false),
        message: Text::new(
            "项目未纳入市数据局的项目滚动储备库，原则上不予安排资金。请先向市数据局提交建设计划、纳入储备库；例外须经主管部门决定。",
            "The project is not in 市数据局's rolling project reserve, so in principle it is not funded. Submit your construction plan to 市数据局 first; an exception needs the authority's decision.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wuzhong.10.deadline",
        article: "第十条 / 第十六条",
        level: Level::Warn,
        title: shown!(Text::new("9月底前提交下一年度申请", "Apply by 30 September for the next year")),
        clause: shown!("市级各有关单位根据政务信息化项目计划，于每年9月底前向市数据局提交下一年度专项资金申请……并于每年9月底前向市数据局提交下一年度运维经费申请。"),
        when: Cond::LateAfter(9, 30),
        detail: Some(late_message),
        ..Rule::BASE
    },
    Rule {
        id: "wuzhong.13",
        article: "第十三条",
        title: shown!(Text::new("数据资源目录和安全措施是必备条件", "Data catalogue and security measures are prerequisites")),
        clause: shown!("数据资源目录及数据安全、网络安全保障措施是审批政务信息化项目的必备条件。"),
        when: Cond::Or(&[Cond::Fact(DataCatalogProvided, false), Cond::Fact(SecurityPlan, false)]),
        message: Text::new(
            "数据资源目录及数据安全、网络安全保障措施是审批政务信息化项目的必备条件。请补齐数据资源目录和安全保障措施后再申请。",
            "A data resource catalogue and data and network security measures are prerequisites of approval. Provide both before applying.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wuzhong.16",
        article: "第十六条",
        title: shown!(Text::new("运维经费：数据共享和等保、密码测评", "O&M funds need data sharing and security assessments")),
        clause: shown!("未按要求共享数据及开展等保测评、密码测评的政务信息系统，不予安排运维经费。"),
        when: Cond::And(&[
            Cond::Kinds(&[Kind::Maintenance]),
            Cond::Or(&[Cond::Fact(DataShared, false), Cond::Fact(SecurityAssessmentsDone, false)]),
        ]),
        message: Text::new(
            "未按要求共享数据及开展等保测评、密码测评的政务信息系统，不予安排运维经费。请完成数据共享和等保测评、密码测评后再申请运维经费。",
            "Systems that do not share data or lack the MLPS and cryptography assessments get no O&M funds. Complete them before applying.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wuzhong.21",
        article: "第十六条 / 第二十一条",
        title: shown!(Text::new("须编制绩效目标", "Must set performance goals")),
        clause: shown!("申请材料应包括系统运行情况、数据共享情况和绩效目标。……专项资金使用单位负责制定政务信息化项目的预算绩效目标"),
        when: Cond::Fact(PerformanceGoalsTable, false),
        message: Text::new(
            "专项资金申请须附项目绩效目标（第十六条、第二十一条），目前尚未编制绩效目标表。请编制项目预算绩效目标表，随申请材料一并提交。",
            "A special-fund application must state the project's performance goals (arts. 16 and 21), and no performance goals table has been prepared. Prepare the budget performance goals table and submit it with the application.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wuzhong.20.1",
        article: "第二十条第（一）项",
        title: shown!(Text::new("数据未共享或重复采集：暂停申请", "Unshared or re-collected data: applications suspended")),
        clause: shown!("对存在以下情形之一的，在整改完成前暂停专项资金申请：（一）未按要求共享、开放和授权运营数据资源或重复采集数据的；"),
        when: Cond::Or(&[Cond::Fact(DataShared, false), Cond::Fact(DuplicateDataCollection, true)]),
        message: Text::new(
            "未按要求共享、开放和授权运营数据资源或重复采集数据的，整改完成前暂停专项资金申请。请完成整改后再申请。",
            "Applications are suspended while data is not shared, opened or licensed as required, or is collected again. Remedy this first.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wuzhong.20.2",
        article: "第二十条第（二）项",
        title: shown!(Text::new("未完成系统整合：暂停申请", "Systems not integrated: applications suspended")),
        clause: shown!("（二）未按要求开展政务信息系统整合、通用技术能力集约共享、政务服务集成应用的；"),
        when: Cond::Fact(IntegratedWithExisting, false),
        message: Text::new(
            "未按要求开展政务信息系统整合、通用技术能力集约共享、政务服务集成应用的，整改完成前暂停专项资金申请。请先完成系统整合。",
            "Applications are suspended until the unit's systems are integrated and shared capabilities used as required. Integrate them first.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wuzhong.20.3",
        article: "第二十条第（三）项",
        title: shown!(Text::new("项目未经验收投入使用：暂停申请", "Systems in use without acceptance: applications suspended")),
        clause: shown!("（三）项目未经验收或验收不合格投入使用的。"),
        when: Cond::Fact(PriorSystemsAccepted, false),
        message: Text::new(
            "本单位存在未经验收或验收不合格即投入使用的项目，整改完成前暂停专项资金申请（本条依据第二十条第（三）项的验收要求；绩效评估不合格的也请一并整改）。请先完成验收。",
            "The unit runs systems that have not passed acceptance, so applications are suspended until that is remedied (art. 20(3) speaks of acceptance; remedy failed performance evaluations too).",
        ),
        ..Rule::BASE
    },
];

#[cfg(test)]
mod tests {
    use crate::model::{Application, Kind, Regime};
    use crate::{check_eligibility, Date};

    #[test]
    fn deadline_is_listed_and_late_after_30_september() {
        let mut app = Application::new(Regime::WUZHONG);
        app.project.budget_year = Some(2027);
        app.project.kind = Some(Kind::Maintenance);
        for (as_of, late) in [("2026-09-30", false), ("2026-10-01", true)] {
            app.as_of = Date::parse(as_of);
            let v = check_eligibility(&app);
            assert_eq!(v.procedure.deadlines.len(), 1);
            assert_eq!(v.procedure.deadlines[0].due.to_string(), "2026-09-30");
            assert!(v.procedure.deadlines[0].what.contains("运维经费"));
            assert_eq!(
                v.findings.iter().any(|f| f.rule == "wuzhong.10.deadline"),
                late,
                "{as_of}"
            );
        }
        // Without as_of: listed, not judged, and budget_year is not asked for it.
        app.as_of = None;
        app.project.budget_year = None;
        let v = check_eligibility(&app);
        assert!(v.procedure.deadlines.is_empty());
        assert!(!v.findings.iter().any(|f| f.rule == "wuzhong.10.deadline"));
    }
}
