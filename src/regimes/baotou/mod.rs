//! 包头市本级政务信息化项目建设管理办法（试行）（包府办发〔2024〕106号）.
//!
//! In force 2024-12-01 (第二十九条) for two years, read as ending 2026-11-30. Route:
//! 审批 by 市行政审批政务服务与数据管理局 (第十一条) for projects built with 市本级财政资金
//! (第二条); every other channel — 国家和自治区专项资金、企业无偿提供、自筹资金等渠道 — is
//! 备案 (第十二条; revision 2).

mod change;

use super::{ChangeSpec, Spec, AUTONOMOUS_REGION};
use crate::model::Region;
use crate::date::Date;
use crate::locale::{shown, Text};
use crate::model::Fact::*;
use crate::model::{Funding, FundingSet, UnitLevel};
use crate::money::Money;
use crate::rules::{Ask, Cmp, Cond, Ctx, Field, Rule, CONSTRUCTION, UPGRADE};
use crate::verdict::{Acceptance, Document, Level, Procedure, Route};

/// 第十二条 (revision 2): funding without 市本级财政资金 — 国家和自治区专项资金、企业提供无偿
/// 使用、自筹资金**等渠道** — is 备案. Every source but `local_fiscal`.
const FILING_SOURCES: FundingSet = FundingSet::of(&[
    Funding::Central,
    Funding::Provincial,
    Funding::SuperiorSpecial,
    Funding::SelfRaised,
    Funding::EnterpriseFree,
    Funding::SocialCapital,
]);

const AUTHORITY: &str = "市行政审批政务服务与数据管理局";

/// The regulation.
pub static SPEC: Spec = Spec {
    id: "baotou",
    place: Text::new("包头市", "Baotou"),
    title: "包头市本级政务信息化项目建设管理办法（试行）",
    effective_from: Some(Date::ymd(2024, 12, 1)),
    effective_until: Some(Date::ymd(2026, 11, 30)),
    draft: false,
    validity_article: "第二十九条",
    validity_clause: shown!("本办法自2024年12月1日起施行，有效期两年。"),
    validity_id: "baotou.validity",
    as_of_id: "baotou.as_of",
    horizon_id: "baotou.validity.horizon",
    eligibility: ELIGIBILITY,
    prepare,
    procedure,
    change: ChangeSpec {
        rules: change::RULES,
        decide: change::decide,
        tender_savings_excluded: true,
        asks_as_of: false,
        savings: change::SAVINGS,
    },
    fees: None,
    classes: None,
    // Inner Mongolia: 旗县区 below the city, 苏木乡镇 below them.
    region: shown!(Region {
        unit_levels: &[
            (UnitLevel::Municipal, Text::new("市本级部门", "municipal department")),
            (UnitLevel::County, Text::new("旗县区", "banner, county or district")),
            (UnitLevel::Township, Text::new("苏木乡镇、街道", "sumu, township or sub-district")),
        ],
        funding: AUTONOMOUS_REGION,
    }),
};

fn prepare(c: &mut Ctx<'_>) {
    // 第二条、第十一条: 审批 iff the project uses 市本级财政资金.
    c.route = match c.app.project.funding {
        Some(f) if f.contains(Funding::LocalFiscal) => Route::Approval,
        Some(f) if !f.is_empty() => Route::Filing,
        _ => Route::Undetermined,
    };
    c.route_asks = &[Ask::Field(Field::Funding)];
}

fn procedure(c: &Ctx<'_>) -> Procedure {
    Procedure {
        authority: Some(AUTHORITY),
        documents: if c.route == Route::Approval {
            vec![
                Document::Proposal,
                Document::FeasibilityStudy,
                Document::PreliminaryDesign,
                Document::BudgetEstimate,
            ]
        } else {
            Vec::new()
        },
        // 第十九条: 总投资在200万元及以上 → 监理制.
        supervision_required: c.total.map(|t| Cmp::Ge.holds(t, Money::wan(200).get())),
        regional_review: false,
        acceptance: Some(Acceptance::PreReviewThenUnit),
        deadlines: Vec::new(),
    }
}

/// The eligibility table, in the order of rules.md.
pub const ELIGIBILITY: &[Rule] = &[
    Rule {
        id: "baotou.2",
        article: "第二条",
        level: Level::Info,
        title: shown!(Text::new("涉密项目不适用", "Classified projects are out of scope")),
        clause: shown!("本办法所称政务信息化项目是指使用市本级财政资金建设或通过采购服务方式实施的，用于直接支持政务部门工作或履行其职能的各类非涉密信息系统。涉密政务信息化项目建设按国家保密管理规定执行。"),
        when: Cond::Classified,
        effect: crate::rules::Effect::NotApplicable,
        message: Text::new(
            "涉密政务信息化项目按国家保密管理规定执行，不适用本办法，也不应通过公开门户申报。请通过保密管理渠道办理。",
            "Classified projects follow the national secrecy rules, not this regulation, and are not declared through a public portal. Use the secrecy channel.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.2.scope",
        article: "第二条 / 第二十八条",
        level: Level::Info,
        title: shown!(Text::new("仅适用于市本级项目", "Municipal-level projects only")),
        clause: shown!("各旗县区、稀土高新区结合实际，可参照本办法制定相关管理办法，原则上苏木乡镇（街道）不得独立建设政务信息化项目，场景创新应用等建设需求应当由旗县区统筹管理。"),
        when: Cond::UnitLevels(&[UnitLevel::County, UnitLevel::Township]),
        effect: crate::rules::Effect::NotApplicable,
        message: Text::new(
            "本办法适用于使用市本级财政资金的项目。旗县区项目请按本旗县区参照本办法制定的管理办法申报；苏木乡镇（街道）原则上不得独立建设政务信息化项目，建设需求应报旗县区统筹。",
            "This regulation covers projects funded by the municipal budget. County projects follow the county's own rules made by reference to it; townships (苏木乡镇、街道) in principle do not build IT projects on their own — submit the need to the county for coordination.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.5",
        article: "第五条",
        title: shown!(Text::new("须纳入项目库", "Must be in the project library")),
        clause: shown!("拟建的政府投资信息化项目要通过包头市项目枢纽综合服务平台实行项目库管理。未纳入项目库管理的信息化项目，原则上不启动投资决策程序。"),
        when: Cond::And(&[Cond::Route(Route::Approval), Cond::Fact(InProjectLibrary, false)]),
        message: Text::new(
            "项目未纳入项目库（包头市项目枢纽综合服务平台），原则上不启动投资决策程序。请先将项目录入项目库再申报；例外须经主管部门决定。",
            "The project is not in the project library (包头市项目枢纽综合服务平台), so no investment decision starts in principle. Enter it in the library first; an exception needs the authority's decision.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.8",
        article: "第八条",
        title: shown!(Text::new("须纳入年度计划", "Must be in the annual plan")),
        clause: shown!("未纳入年度计划的项目，原则上不予审批、不予安排资金，项目建设单位不得未批先建。"),
        when: Cond::And(&[Cond::Route(Route::Approval), Cond::Fact(InAnnualPlan, false)]),
        message: Text::new(
            "项目未纳入年度计划，原则上不予审批、不予安排资金，也不得未批先建。请先申请纳入年度建设计划（由市行政审批政务服务与数据管理局会同市财政局编制）。",
            "The project is not in the annual plan: in principle it is neither approved nor funded, and must not be built before approval. Apply for inclusion in the annual construction plan first.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.9.2",
        article: "第九条第（二）项",
        title: shown!(Text::new("须安全可靠", "Must be secure and reliable")),
        clause: shown!("政务信息化项目申报应当符合下列条件：……（二）需求明确、技术先进、功能实用和安全可靠；"),
        when: Cond::Or(&[Cond::Fact(SecurityPlan, false), Cond::Fact(MajorSecurityRisk, true)]),
        message: Text::new(
            "申报条件要求项目安全可靠（第九条第（二）项）：项目尚未明确网络安全、数据安全防护措施，或存在重大安全隐患。请在方案中明确安全防护措施并消除安全隐患后再申报。",
            "A project must be secure and reliable to be declared (art. 9(2)): its network and data security measures are not defined, or it has a major security risk. Define the measures and remove the risk before declaring it.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.10.1",
        article: "第十条第（一）项",
        title: shown!(Text::new("不得新建机房、网络、云平台", "No new server rooms, networks or cloud platforms")),
        clause: shown!("以下政务信息化项目原则上不得申报：（一）含有新建机房、网络、云平台等政务信息化基础设施的项目；"),
        when: Cond::Fact(NewInfrastructure, true),
        message: Text::new(
            "项目含新建机房、网络、云平台等政务信息化基础设施，原则上不得申报。请删去新建基础设施内容，依托已有电子政务网络和云资源建设（第十五条）；例外须经主管部门决定。",
            "The project builds new server rooms, networks or cloud platforms, which in principle may not be declared. Remove them and build on the existing e-government network and cloud (art. 15); an exception needs the authority's decision.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.10.2",
        article: "第十条第（二）项",
        title: shown!(Text::new("须获主管部门准许", "Needs the sector authority's consent")),
        clause: shown!("以下政务信息化项目原则上不得申报：……（二）未获得市本级行业（业务）主管部门准许的项目；"),
        when: Cond::Fact(AuthorityApproved, false),
        message: Text::new(
            "项目未获得市本级行业（业务）主管部门准许，原则上不得申报。请先取得主管部门的书面准许。",
            "The municipal sector authority has not consented to the project, so it may not be declared in principle. Obtain its written consent first.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.10.3",
        article: "第十条第（三）项",
        title: shown!(Text::new("新建或升级改造须上政务云", "New or upgraded systems must run on the government cloud")),
        clause: shown!("以下政务信息化项目原则上不得申报：……（三）未部署或迁移到政务云的新建或升级改造项目；"),
        when: Cond::And(&[Cond::Kinds(CONSTRUCTION), Cond::Fact(OnGovCloud, false)]),
        message: Text::new(
            "未部署或迁移到政务云的新建或升级改造项目，原则上不得申报。请将系统部署或迁移到政务云后再申报。",
            "A new or upgraded system not deployed on (or migrated to) the government cloud may not be declared in principle. Deploy or migrate it to the government cloud first.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.10.4",
        article: "第十条第（四）项",
        title: shown!(Text::new("脱节或停更系统不得升级改造", "No upgrade of a system out of step or no longer updated")),
        clause: shown!("以下政务信息化项目原则上不得申报：……（四）在用系统功能与实际业务脱节，或已停止更新服务的升级改造项目；"),
        when: Cond::And(&[Cond::Kinds(UPGRADE), Cond::Fact(SystemOutOfStep, true)]),
        message: Text::new(
            "在用系统功能与实际业务脱节或已停止更新服务，原则上不得申报升级改造。请重新论证业务需求，考虑整合或替换现有系统。",
            "The system in use is out of step with the business or no longer updated, so an upgrade may not be declared in principle. Re-examine the need; consider merging or replacing the system.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.10.5",
        article: "第十条第（五）项",
        title: shown!(Text::new("功能可被替代的不得申报", "No project an existing one could replace")),
        clause: shown!("以下政务信息化项目原则上不得申报：……（五）功能可被其他一个或多个已有项目替代的项目；"),
        when: Cond::Fact(DuplicatesExistingSystem, true),
        message: Text::new(
            "项目功能可被其他已有项目替代，原则上不得申报。请复用已有系统，或调整建设内容、说明与已有系统的区别。",
            "Existing projects could replace this one, so it may not be declared in principle. Reuse them, or change the scope and explain how it differs.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.10.6",
        article: "第十条第（六）项",
        title: shown!(Text::new("闲置系统不得升级改造", "No upgrade of an idle system")),
        clause: shown!("以下政务信息化项目原则上不得申报：……（六）在用系统长期处于空闲状态，且使用频率低的升级改造项目；"),
        when: Cond::And(&[Cond::Kinds(UPGRADE), Cond::Fact(SystemIdle, true)]),
        message: Text::new(
            "在用系统长期闲置、使用频率低，原则上不得申报升级改造。请先提高系统使用率，或说明闲置原因并重新论证需求。",
            "The system in use is idle and rarely used, so an upgrade may not be declared in principle. Raise its use first, or explain why it is idle and re-examine the need.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.10.7",
        article: "第十条第（七）项",
        title: shown!(Text::new("需求明确、共享数据", "Clear needs; data shared")),
        clause: shown!("以下政务信息化项目原则上不得申报：……（七）需求不清、绩效目标不明、应当共享数据资源不共享的项目。"),
        when: Cond::Or(&[Cond::Fact(NeedsClear, false), Cond::Fact(DataShared, false)]),
        message: Text::new(
            "需求不清、绩效目标不明或应当共享的数据资源未共享的项目，原则上不得申报。请明确需求和绩效目标，并按要求共享数据资源。",
            "Projects with unclear needs or goals, or that do not share the data they should, may not be declared in principle. Define the needs and goals and share the data as required.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.12",
        article: "第二条 / 第十二条",
        level: Level::Info,
        title: shown!(Text::new("不使用市本级财政资金的项目实行备案制", "Not funded by the municipal budget: filing")),
        clause: shown!("各部门单位通过国家和自治区政务信息化专项资金、企业提供各部门单位无偿使用、自筹资金等渠道建设的政务信息化项目，实行备案制管理。"),
        when: Cond::FundingWithin(FILING_SOURCES),
        message: Text::new(
            "资金来源不含市本级财政资金（如国家和自治区专项资金、企业无偿提供、自筹资金等渠道），项目实行备案制管理：向市行政审批政务服务与数据管理局备案，无需审批。如项目也使用市本级财政资金，请在资金来源中勾选，项目须审批。",
            "No funding comes from the municipal budget (e.g. national or regional special funds, free provision by an enterprise, self-raised funds): the project is filed with 市行政审批政务服务与数据管理局 instead of approved. If it also uses municipal funds, add them to the funding sources: the project then needs approval.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.13",
        article: "第十三条",
        level: Level::Require,
        title: shown!(Text::new("土建、高耗能项目仍需节能评估等审批", "Civil works still need the energy, siting, land and environment approvals")),
        clause: shown!("政务信息化项目原则上不再进行节能评估、规划选址、用地预审、环境影响评价等审批，涉及新建土建工程、高耗能项目的除外。"),
        when: Cond::CivilWorks,
        message: super::CIVIL_WORKS,
        ..Rule::BASE
    },
    Rule {
        id: "baotou.17",
        article: "第十七条",
        level: Level::Require,
        title: shown!(Text::new("应采用信创软硬件产品", "Use domestic trusted (信创) products")),
        clause: shown!("项目建设单位应当认真贯彻安全管理制度规定，……推广国家商用密码应用，应当采用信创软硬件产品，定期开展网络安全监测与风险评估，加强数据全生命周期安全和个人信息保护。"),
        when: Cond::Fact(XinchuangCompliant, false),
        message: Text::new(
            "项目建设单位应当采用信创软硬件产品（第十七条），目前尚未落实。这是建设中的法定义务：请在方案中明确所采用的信创软硬件产品。",
            "The building unit shall use domestic trusted (信创) hardware and software (art. 17), and the project does not yet. This is a duty of construction: state in the plan which 信创 products it uses.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.18",
        article: "第十八条",
        title: shown!(Text::new("同步建设国产化密码保障系统", "Plan the domestic cryptography system with the project")),
        clause: shown!("项目建设单位应当落实国家密码管理有关法律法规和标准规范的要求，同步规划、同步建设、同步运行国产化密码保障系统并定期进行评估。"),
        when: Cond::Fact(CryptoPlan, false),
        message: Text::new(
            "项目尚未明确商用密码应用方案。国产化密码保障系统须与项目同步规划、同步建设、同步运行（第十八条）。请编制密码应用方案后再申报。",
            "The project has no commercial cryptography plan. A domestic cryptography system must be planned, built and run together with the project (art. 18). Write the cryptography plan before declaring it.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "baotou.19",
        article: "第十九条",
        level: Level::Require,
        title: shown!(Text::new("200万元及以上实行监理制", "Supervision at 200 万元 and above")),
        clause: shown!("总投资在 200 万元及以上的政务信息化项目原则上实行监理制，对项目建设全过程进行监理。"),
        when: Cond::Total(Cmp::Ge, Money::wan(200)),
        message: Text::new(
            "总投资 200 万元及以上，原则上实行监理制：请委托监理单位对建设全过程进行监理，并在预算中列支监理费。",
            "The total investment is 200 万元 or more, so the project is supervised in principle: engage a supervision firm for the whole construction and budget its fee.",
        ),
        ..Rule::BASE
    },
];
