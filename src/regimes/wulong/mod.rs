//! 武隆区政务信息化项目管理办法（武隆府办发〔2022〕47号）.
//!
//! In force from 2022-07-04 (印发之日, 第三十九条). The annex 《申报范围及边界》
//! reclassifies a project before any rule runs (`effective_kind`, one function shared
//! with the `project_class` check). Route: always 审批 by 区发展改革委 (第九条); the annual
//! investment plan comes after approval (第十条、第二十七条).
//!
//! The file labels three articles 第十二、十三、十四条 where the official numbering is
//! probably 第十一、十二、十三条 (第二十六条 refers to 第十一条); ids follow the file.

pub mod annex;
mod change;

use crate::locale::{en_format, en_str, shown, Locale, Text};
use super::{ChangeSpec, Spec};
use crate::model::Region;
use crate::date::Date;
use crate::model::Fact::*;
use crate::model::{Funding, FundingSet, Kind, UnitLevel};
use crate::money::Money;
use annex::classify;
use crate::rules::classes::Class;
use crate::rules::{
    Ask, Cmp, Computed, Cond, Ctx, Effect, Field, Rule, Tri, CONSTRUCTION, CONSTRUCTION_OR_CONTINUATION, NOT_MAINTENANCE,
    UPGRADE,
};
use crate::verdict::{Acceptance, Document, Level, Procedure, Route};

/// 第二条 (revision 2): funding that is neither 自有收入 nor 区级及以上财政资金 — only
/// social capital or an enterprise's free provision — is outside the regulation.
const OUTSIDE_FUNDING: FundingSet =
    FundingSet::of(&[Funding::EnterpriseFree, Funding::SocialCapital]);

/// 3000万元以下 / 3000万元（含）以上 (第九条、第二十八条).
const BIG: Money = Money::wan(3000);
const ANNEX: &str = "附件《武隆区政务信息化项目申报范围及边界》";

/// The regulation.
pub static SPEC: Spec = Spec {
    id: "wulong",
    place: Text::new("武隆区", "Wulong"),
    title: "武隆区政务信息化项目管理办法",
    effective_from: Some(Date::ymd(2022, 7, 4)),
    effective_until: None,
    draft: false,
    validity_article: "第三十九条",
    validity_clause: shown!("本办法自印发之日起施行。"),
    validity_id: "wulong.validity",
    as_of_id: "wulong.as_of",
    horizon_id: "wulong.validity.horizon",
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
    fees: Some(&annex::FEES),
    classes: Some(&annex::CLASSES),
    // Chongqing: Wulong is itself a district (county level); below it only 乡镇、街道.
    // Chongqing is a municipality at provincial level (市级 funds).
    region: shown!(Region {
        unit_levels: &[
            (UnitLevel::Municipal, Text::new("区级部门（本级）", "district department")),
            (UnitLevel::Township, Text::new("乡镇、街道", "township or sub-district")),
        ],
        funding: &[
            (Funding::LocalFiscal, Text::new("区本级财政资金", "district budget funds")),
            (Funding::Provincial, Text::new("重庆市级财政资金", "Chongqing municipal (provincial-level) funds")),
            (Funding::SuperiorSpecial, Text::new("国家或重庆市级政务信息化专项资金", "national or Chongqing special IT funds")),
        ],
    }),
};

fn prepare(c: &mut Ctx<'_>) {
    let p = &c.app.project;
    let r = classify(
        p.kind,
        p.main_function_changed,
        p.hardware_replacement_only,
        c.total,
    );
    c.kind = match r.class {
        Some(Class::Maintenance) => Some(Kind::Maintenance),
        Some(Class::Continuation) => Some(Kind::Continuation),
        // Construction keeps its kind; an undetermined upgrade stays a renovation.
        _ => p.kind,
    };
    c.route = Route::Approval;
}

fn big(c: &Ctx<'_>) -> Option<bool> {
    c.total.map(|t| Cmp::Ge.holds(t, BIG.get()))
}

fn procedure(c: &Ctx<'_>) -> Procedure {
    let kind = c.kind;
    let construction = kind.is_some_and(Kind::is_construction);
    let built = kind.is_some_and(|k| CONSTRUCTION_OR_CONTINUATION.contains(&k));
    let mut documents = match (construction, big(c)) {
        (true, Some(false)) => vec![Document::DesignWithEstimate],
        (true, Some(true)) => vec![
            Document::FeasibilityStudy,
            Document::PreliminaryDesign,
            Document::BudgetEstimate,
        ],
        _ => Vec::new(),
    };
    // 第十条: 申报年度投资计划时（运行维护项目除外），应当编制项目绩效目标表.
    if kind.is_some_and(|k| k != Kind::Maintenance) {
        documents.push(Document::PerformanceGoalsTable);
    }
    Procedure {
        authority: Some("区发展改革委"),
        documents,
        supervision_required: built.then_some(true),
        regional_review: false,
        acceptance: if built {
            big(c).map(|b| {
                if b {
                    Acceptance::Authority
                } else {
                    Acceptance::Unit
                }
            })
        } else {
            None
        },
        deadlines: Vec::new(),
    }
}

fn documents_message(c: &Ctx<'_>, locale: Locale) -> String {
    match (big(c) == Some(true), locale) {
        (false, Locale::Zh) => "总投资在 3000 万元以下，可直接编制项目初步设计及概算（代可研），报区发展改革委审批。".into(),
        (false, Locale::En) => en_str!("Below 3000 万元: prepare the preliminary design with estimate (in place of a feasibility study) for 区发展改革委's approval.").into(),
        (true, Locale::Zh) => "总投资在 3000 万元（含）以上，应先编制可行性研究报告，并依据其批复编制初步设计及概算方案。".into(),
        (true, Locale::En) => en_str!("3000 万元 or more: prepare a feasibility study first, then the preliminary design and budget estimate as its approval requires.").into(),
    }
}

fn acceptance_message(c: &Ctx<'_>, locale: Locale) -> String {
    match (big(c) == Some(true), locale) {
        (true, Locale::Zh) => "总投资 3000 万元（含）以上：建成后半年内申请区大数据发展局组织竣工验收，并附建设总结、财务报告、审计报告、安全风险评估报告、密码应用安全性评估报告、数据字典等材料。".into(),
        (true, Locale::En) => en_str!("3000 万元 or more: within six months of completion, ask 区大数据发展局 to organise final acceptance, with the construction summary, financial, audit, security risk and cryptography assessment reports and the data dictionary.").into(),
        (false, Locale::Zh) => "总投资 3000 万元以下：建成后半年内由建设单位组织竣工验收（材料要求与 3000 万元以上项目一致），验收结果报区大数据发展局备案。".into(),
        (false, Locale::En) => en_str!("Below 3000 万元: the unit organises final acceptance within six months of completion (same documents as above) and files the result with 区大数据发展局.").into(),
    }
}

fn chapters_message(c: &Ctx<'_>, locale: Locale) -> String {
    let lacking: Vec<&str> = c
        .app
        .facts
        .design_chapters
        .map(|s| s.lacking().map(|ch| ch.label(locale)).collect())
        .unwrap_or_default();
    match locale {
        Locale::Zh => format!(
            "初步设计及概算（代可研）、可行性研究报告或初步设计及概算方案缺少以下篇（章）：{}。请补齐后再申报。",
            lacking.join("、")
        ),
        Locale::En => en_format!("The design documents lack these chapters: {arg0}. Add them before applying.", arg0 = lacking.join("; ")),
    }
}

fn integration_level(c: &Ctx<'_>) -> Level {
    match c.kind {
        Some(Kind::New | Kind::Maintenance) | None => Level::Block,
        Some(_) => Level::Warn,
    }
}

fn integration_message(c: &Ctx<'_>, locale: Locale) -> String {
    match (integration_level(c), locale) {
        (Level::Block, Locale::Zh) => "存量信息化项目或信息系统应整合而未整合的单位，不支持新建信息化项目、不安排运行维护经费。请先完成系统整合后再申报。".into(),
        (Level::Block, Locale::En) => en_str!("A unit that has not integrated the systems it should gets no new projects and no O&M funds. Integrate them before applying.").into(),
        (_, Locale::Zh) => "存量系统应整合而未整合：本项目可以申报，但单位将不获支持新建项目和运行维护经费。请尽快完成系统整合。".into(),
        (_, Locale::En) => en_str!("Existing systems are not integrated: this project may still be declared, but the unit will get no new projects or O&M funds until it integrates them.").into(),
    }
}

/// The annex classifies the project by `rule` into 运行维护; unknown while the class waits
/// for answers (which it asks for).
fn annex_maintenance(c: &Ctx<'_>, asks: &mut Vec<Ask>, rule: &str) -> Tri {
    let p = &c.app.project;
    let r = classify(p.kind, p.main_function_changed, p.hardware_replacement_only, c.total);
    if r.rule != rule {
        Tri::F
    } else if r.class == Some(Class::Maintenance) {
        Tri::T
    } else if r.class.is_none() {
        asks.extend(r.unanswered.iter().map(|&f| Ask::Field(f)));
        Tri::U
    } else {
        Tri::F
    }
}

/// The annex reads these answers to classify.
const ANNEX_READS: &[Ask] = &[
    Ask::Field(Field::Kind),
    Ask::Field(Field::MainFunctionChanged),
    Ask::Field(Field::Total),
];

/// `wulong.annex.hardware`: only finished equipment replaced or extended.
const ANNEX_HARDWARE: Computed = Computed {
    eval: |c, asks| annex_maintenance(c, asks, "wulong.annex.hardware"),
    reads: ANNEX_READS,
};

/// `wulong.annex.upgrade`: an upgrade keeping its main function, at most 50 万元.
const ANNEX_UPGRADE: Computed = Computed {
    eval: |c, asks| annex_maintenance(c, asks, "wulong.annex.upgrade"),
    reads: ANNEX_READS,
};

/// The eligibility table, in the order of rules.md (scope first, then the annex rows:
/// they reclassify before any other rule runs).
pub const ELIGIBILITY: &[Rule] = &[
    Rule {
        id: "wulong.2",
        article: "第二条",
        level: Level::Info,
        title: shown!(Text::new("仅适用于区级单位", "District-level units only")),
        clause: shown!("本办法所称项目建设单位，是指使用自有收入、区级及以上财政资金开展信息化项目建设（含新建、改扩建、续建，下同）、运行维护的下列单位：（一）区委、区人大、区政府、区政协所属部门及其归口管理单位和下属各单位；（二）各民主党派区级机关、区工商联、区级人民团体及其归口管理单位和下属各单位；（三）区级部门管理的中职学校、院校；……"),
        when: Cond::UnitLevels(&[UnitLevel::County, UnitLevel::Township]),
        effect: Effect::NotApplicable,
        message: Text::new(
            "本办法的项目建设单位是区级部门、单位及其归口管理和下属单位（第二条；附件：由区级预算单位牵头申报，不含派出机构）。乡镇、街道等单位的项目不适用本办法：请由主管的区级预算单位牵头汇总申报，或按所在地的规定办理。",
            "This regulation covers district-level departments and units and the units they manage (art. 2; the annex: district budget units lead the application, agencies they dispatch excluded). Township and street units' projects are outside it: have the district budget unit in charge submit them, or follow your own area's rules.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.2.funding",
        article: "第二条",
        level: Level::Info,
        title: shown!(Text::new("仅适用于使用自有收入或财政资金的项目", "Own income or public funds only")),
        clause: shown!("本办法所称项目建设单位，是指使用自有收入、区级及以上财政资金开展信息化项目建设（含新建、改扩建、续建，下同）、运行维护的下列单位："),
        when: Cond::FundingWithin(OUTSIDE_FUNDING),
        effect: Effect::NotApplicable,
        message: Text::new(
            "本办法适用于使用自有收入、区级及以上财政资金建设或运维的项目（第二条）。仅由社会资本或企业无偿提供的项目不在其内：请按合作协议及有关规定办理。如项目也使用财政资金或自有收入，请在资金来源中勾选。",
            "This regulation covers projects built or run with the unit's own income or district or higher public funds (art. 2). A project funded only by social capital or an enterprise's free provision is outside it: follow the cooperation agreement and the applicable rules. If it also uses public funds or own income, add them to the funding sources.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.annex.hardware",
        article: ANNEX,
        level: Level::Info,
        title: shown!(Text::new("仅更替扩容成品设备按运行维护处理", "Equipment replacement only is O&M")),
        clause: shown!("不涉及新建、改建、扩建信息系统，仅购置计算、存储、网络、安全、终端等成品配套设备(资源)对已有软硬件设备(资源)进行简单报废更替、扩容扩能的项目。"),
        when: Cond::Computed(&ANNEX_HARDWARE),
        message: Text::new(
            "项目仅购置成品配套设备对已有设备进行报废更替、扩容扩能，不涉及新建、改建、扩建信息系统，按运行维护项目处理；以下按运行维护项目检查。",
            "The project only replaces or extends existing equipment with finished products and builds or changes no system: it is handled as an O&M project, and checked as one below.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.annex.upgrade",
        article: ANNEX,
        level: Level::Info,
        title: shown!(Text::new("小额升级改造按运行维护处理", "Small upgrades are O&M")),
        clause: shown!("对于升级改造项目，政务信息系统主体功能未发生改变且升级改造金额在 50 万元以下的，作为运行维护项目处理，否则纳入建设项目范围；"),
        when: Cond::Computed(&ANNEX_UPGRADE),
        message: Text::new(
            "升级改造未改变系统主体功能，且金额在 50 万元以下（含 50 万元），按运行维护项目处理；以下按运行维护项目检查。",
            "The upgrade keeps the system's main function and costs at most 50 万元: it is handled as an O&M project, and checked as one below.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.8",
        article: "第八条",
        title: shown!(Text::new("须纳入项目清单", "Must be in the project list")),
        clause: shown!("区级政务信息化项目实行清单管理……按轻重缓急统筹组织申报、编制区级政务信息化项目清单。……区发展改革委……统一受理已纳入项目清单的项目申请"),
        when: Cond::Fact(InProjectLibrary, false),
        message: Text::new(
            "项目未纳入区级政务信息化项目清单，区发展改革委只受理已纳入清单的项目申请。请先向区大数据发展局申报纳入项目清单。",
            "The project is not in the district project list, and 区发展改革委 only accepts listed projects. Ask 区大数据发展局 to list it first.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.9",
        article: "第九条",
        level: Level::Require,
        title: shown!(Text::new("按投资额编制报批文件", "Documents by investment size")),
        clause: shown!("原则上项目总投资在3000万元以下的可直接编制项目初步设计及概算（代可研）。总投资在3000万元（含）以上的，应先行编制项目可行性研究报告，并依据可行性研究报告批复要求，编制项目初步设计及概算方案。"),
        when: Cond::And(&[Cond::Kinds(CONSTRUCTION), Cond::Total(Cmp::Ge, Money::ZERO)]),
        detail: Some(documents_message),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.10",
        article: "第十条",
        level: Level::Require,
        title: shown!(Text::new("批复后纳入年度投资计划", "Enter the annual investment plan after approval")),
        clause: shown!("年度投资计划项目、金额与年度预算安排保持一致；未纳入年度投资计划的项目，不予纳入部门预算。"),
        when: Cond::Always,
        message: Text::new(
            "项目获批（并纳入项目清单）后，须纳入区年度投资计划才能纳入部门预算；未纳入年度投资计划的项目不予纳入部门预算。请按年度投资计划编制时间提前完成报批。",
            "Once approved (and listed), the project must enter the district's annual investment plan to be budgeted; unplanned projects get no budget. Finish the approval before the plan is drawn up.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.10.goals",
        article: "第十条",
        title: shown!(Text::new("编制项目绩效目标表", "Prepare the performance goals table")),
        clause: shown!("项目建设单位申报年度投资计划时（运行维护项目除外），应当编制项目绩效目标表。"),
        when: Cond::And(&[Cond::Kinds(NOT_MAINTENANCE), Cond::Fact(PerformanceGoalsTable, false)]),
        message: Text::new(
            "申报年度投资计划时（运行维护项目除外）应当编制项目绩效目标表。请编制绩效目标表后再申报。",
            "Every project but O&M needs a performance goals table when it applies for the annual plan. Prepare it first.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.14.chapters",
        article: "第十四条（第二个）",
        title: shown!(Text::new("报批文件须含五个篇章", "Design documents need the five chapters")),
        clause: shown!("项目初步设计及概算（代可研）、项目可行性研究报告、项目初步设计及概算方案，应当包括数据资源收集治理及业务应用梳理、数据资源共享分析、网络安全保护措施、密码应用方案、集约化建设篇（章）"),
        when: Cond::And(&[Cond::Kinds(CONSTRUCTION), Cond::ChaptersLacking]),
        detail: Some(chapters_message),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.14.post_evaluation",
        article: "第十四条（第二个）",
        title: shown!(Text::new("改扩建须提交后评价报告", "Upgrades need a post-evaluation report")),
        clause: shown!("其中改扩建项目需提交前期项目第三方后评价报告。"),
        when: Cond::And(&[Cond::Kinds(UPGRADE), Cond::Fact(PostEvaluationReport, false)]),
        message: Text::new(
            "改扩建项目需提交前期项目第三方后评价报告。请委托第三方完成后评价，随申报材料提交。",
            "An upgrade needs a third-party post-evaluation report of the earlier project. Commission one and submit it with the application.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.14.catalog",
        article: "第十四条（第二个）",
        title: shown!(Text::new("数据资源目录是必备条件", "The data catalogue is a prerequisite")),
        clause: shown!("数据资源目录、密码应用方案是审批政务信息化项目的必备条件。"),
        when: Cond::And(&[Cond::Kinds(CONSTRUCTION), Cond::Fact(DataCatalogProvided, false)]),
        message: Text::new(
            "数据资源目录是审批政务信息化项目的必备条件。请编制数据资源目录后再申报。",
            "A data resource catalogue is a prerequisite of approval. Compile it before applying.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.14.crypto",
        article: "第十四条（第二个）",
        title: shown!(Text::new("密码应用方案是必备条件", "The cryptography plan is a prerequisite")),
        clause: shown!("数据资源目录、密码应用方案是审批政务信息化项目的必备条件。"),
        when: Cond::And(&[Cond::Kinds(CONSTRUCTION), Cond::Fact(CryptoPlan, false)]),
        message: Text::new(
            "密码应用方案是审批政务信息化项目的必备条件。请编制密码应用方案后再申报。",
            "A cryptography application plan is a prerequisite of approval. Prepare it before applying.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.13",
        article: "第十三条",
        level: Level::Require,
        title: shown!(Text::new("土建、高耗能项目仍需节能评估等审批", "Civil works still need the energy, siting, land and environment approvals")),
        clause: shown!("区级政务信息化项目原则上不再进行节能评估、规划选址、用地预审、环境影响评价等审批，涉及新建土建工程、高耗能项目的除外。"),
        when: Cond::CivilWorks,
        message: super::CIVIL_WORKS,
        ..Rule::BASE
    },
    Rule {
        id: "wulong.15",
        article: "第十五条",
        level: Level::Warn,
        title: shown!(Text::new("非涉密项目接入“武隆云”", "Unclassified projects join 武隆云")),
        clause: shown!("区大数据发展局将部门所有的非涉密政务信息化建设项目接入“武隆云”。"),
        when: Cond::And(&[Cond::Not(&Cond::Classified), Cond::Fact(OnGovCloud, false)]),
        message: Text::new(
            "非涉密政务信息化项目应接入“武隆云”。请将系统部署到区政务云，并向区大数据发展局报告所需政务云资源。",
            "Unclassified projects are to run on 武隆云. Deploy the system there and report the cloud resources it needs to 区大数据发展局.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.19",
        article: "第十九条",
        level: Level::Require,
        title: shown!(Text::new("采用安全可靠软硬件产品", "Use trusted hardware and software")),
        clause: shown!("项目应当采用安全可靠的软硬件产品。在项目报批阶段，要对产品的安全可靠情况进行说明。"),
        when: Cond::Fact(XinchuangCompliant, false),
        message: Text::new(
            "项目应当采用安全可靠的软硬件产品（第十九条），目前尚未落实；报批阶段须说明产品的安全可靠情况，验收时也将检查。请在报批材料中说明所采用的安全可靠（信创）软硬件产品。",
            "The project shall use trusted hardware and software (art. 19) and does not yet; the approval documents must describe them, and acceptance checks them. Describe in the documents which trusted (信创) products the project uses.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.22",
        article: "第二十二条",
        level: Level::Require,
        title: shown!(Text::new("实行工程监理制", "Construction supervision")),
        clause: shown!("区级政务信息化项目实行工程监理制，项目建设单位应当按照工程监理有关规定，委托工程监理单位对项目建设进行工程监理。"),
        when: Cond::Kinds(CONSTRUCTION_OR_CONTINUATION),
        message: Text::new(
            "区级政务信息化项目实行工程监理制：请委托工程监理单位对项目建设进行监理，并在概算中列支监理费用。",
            "District IT projects are supervised: engage a supervision firm for the construction and budget its fee.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.28",
        article: "第二十八条",
        level: Level::Require,
        title: shown!(Text::new("竣工验收组织方", "Who organises final acceptance")),
        clause: shown!("总投资在 3000 万元（含）以上的政务信息化项目建成后半年内，项目建设单位应当……申请区大数据发展局组织竣工验收……总投资在 3000 万元以下的政务信息化项目建成后半年内，由项目建设单位组织竣工验收……验收结果报区大数据发展局备案。"),
        when: Cond::And(&[Cond::Kinds(CONSTRUCTION_OR_CONTINUATION), Cond::Total(Cmp::Ge, Money::ZERO)]),
        detail: Some(acceptance_message),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.28.maintenance",
        article: "第二十八条",
        title: shown!(Text::new("未通过竣工验收不安排运维经费", "No O&M funds before final acceptance")),
        clause: shown!("对未通过竣工验收的政务信息化项目，不予安排项目运行维护经费。"),
        when: Cond::And(&[Cond::Kinds(&[Kind::Maintenance]), Cond::Fact(SystemAccepted, false)]),
        message: Text::new(
            "系统未通过竣工验收，不予安排运行维护经费。请先完成竣工验收，再申请运维经费。",
            "The system has not passed final acceptance, so no O&M funds are granted. Complete acceptance first.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.31.sharing",
        article: "第三十一条",
        title: shown!(Text::new("数据共享，不得重复采集", "Share data; do not collect it again")),
        clause: shown!("对未按要求共享数据资源或者重复采集数据的政务信息系统，财政部门不予安排运行维护经费，项目建设单位不得新建、改扩建政务信息系统。"),
        when: Cond::Or(&[Cond::Fact(DataShared, false), Cond::Fact(DuplicateDataCollection, true)]),
        message: Text::new(
            "未按要求共享数据资源或重复采集数据的，不予安排运行维护经费，也不得新建、改扩建政务信息系统。请先完成数据共享整改。",
            "Systems that do not share data as required, or collect it again, get no O&M funds, and no new or upgraded system may be built. Remedy the data sharing first.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.31.catalog",
        article: "第三十一条",
        title: shown!(Text::new("纳入政务信息系统总目录", "In the system catalogue")),
        clause: shown!("对于未纳入区级政务信息系统总目录的系统，财政部门不予安排运行维护经费。"),
        when: Cond::And(&[Cond::Kinds(&[Kind::Maintenance]), Cond::Fact(InSystemCatalog, false)]),
        message: Text::new(
            "系统未纳入区级政务信息系统总目录，不予安排运行维护经费。请先将系统纳入总目录。",
            "The system is not in the district's government information system catalogue, so no O&M funds are granted. Register it first.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.32",
        article: "第三十二条",
        title: shown!(Text::new("密码应用和网络安全", "Cryptography and network security")),
        clause: shown!("对不符合密码应用和网络安全要求，或者存在重大安全隐患的政务信息系统，财政部门不予安排运行维护经费，项目建设单位不得新建、改扩建政务信息系统。"),
        when: Cond::Or(&[
            Cond::Fact(SecurityPlan, false),
            Cond::Fact(CryptoPlan, false),
            Cond::Fact(MajorSecurityRisk, true),
        ]),
        message: Text::new(
            "不符合密码应用和网络安全要求或存在重大安全隐患的，不予安排运行维护经费，也不得新建、改扩建。请落实网络安全和密码应用要求、消除安全隐患后再申报。",
            "Systems that fail the cryptography or network security requirements, or carry a major security risk, get no O&M funds and may not be built or upgraded. Meet the requirements and remove the risk first.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "wulong.33",
        article: "第三十三条",
        title: shown!(Text::new("推动整合建设", "Integrate existing systems")),
        clause: shown!("对存量信息化项目或者信息系统应整合而未整合的单位，财政部门不安排运行维护经费，不支持新建信息化项目。"),
        when: Cond::Fact(IntegratedWithExisting, false),
        effect: Effect::Finding,
        level_by: Some(integration_level),
        detail: Some(integration_message),
        ..Rule::BASE
    },
];

#[cfg(test)]
mod tests {
    use crate::model::{Application, Fact, Kind, Regime};
    use crate::{check_eligibility, Money};

    fn renovation(total: &str, mfc: Option<bool>) -> Application {
        let mut app = Application::new(Regime::WULONG);
        app.project.kind = Some(Kind::Renovation);
        app.project.investment.total = Some(Money::parse(total).unwrap());
        app.project.main_function_changed = mfc;
        app
    }

    #[test]
    fn annex_reclassifies_small_upgrades_at_50() {
        for (total, kind) in [
            ("50", "maintenance"),
            ("49.999999", "maintenance"),
            ("50.000001", "renovation"),
        ] {
            let v = check_eligibility(&renovation(total, Some(false)));
            assert_eq!(v.effective_kind.map(|k| k.name()), Some(kind), "{total}");
            assert_eq!(
                v.findings.iter().any(|f| f.rule == "wulong.annex.upgrade"),
                kind == "maintenance"
            );
        }
    }

    #[test]
    fn undetermined_upgrade_asks_main_function_once() {
        let v = check_eligibility(&renovation("20", None));
        assert_eq!(v.effective_kind, Some(Kind::Renovation));
        let asks: Vec<_> = v
            .findings
            .iter()
            .filter(|f| f.field.as_deref() == Some("/project/main_function_changed"))
            .collect();
        assert_eq!(asks.len(), 1);
        assert_eq!(asks[0].rule, "wulong.annex.upgrade");
        // Above 50 the answer is not needed.
        let v = check_eligibility(&renovation("60", None));
        assert!(!v
            .findings
            .iter()
            .any(|f| f.field.as_deref() == Some("/project/main_function_changed")));
    }

    #[test]
    fn documents_and_acceptance_at_3000() {
        for (total, docs, acc) in [
            (
                "2999.999999",
                vec!["design_with_estimate", "performance_goals_table"],
                "unit",
            ),
            (
                "3000",
                vec![
                    "feasibility_study",
                    "preliminary_design",
                    "budget_estimate",
                    "performance_goals_table",
                ],
                "authority",
            ),
        ] {
            let mut app = renovation(total, Some(true));
            app.project.kind = Some(Kind::New);
            let v = check_eligibility(&app);
            let got: Vec<_> = v.procedure.documents.iter().map(|d| d.name()).collect();
            assert_eq!(got, docs);
            assert_eq!(v.procedure.acceptance.map(|a| a.name()), Some(acc));
            assert_eq!(v.procedure.supervision_required, Some(true));
        }
    }

    #[test]
    fn integration_level_depends_on_kind() {
        for (kind, level) in [
            (Kind::New, "block"),
            (Kind::Expansion, "warn"),
            (Kind::Maintenance, "block"),
            (Kind::Service, "warn"),
        ] {
            let mut app = Application::new(Regime::WULONG);
            app.project.kind = Some(kind);
            app.facts = app.facts.with(Fact::IntegratedWithExisting, false);
            let v = check_eligibility(&app);
            let f = v.findings.iter().find(|f| f.rule == "wulong.33").unwrap();
            assert_eq!(f.level.name(), level, "{kind}");
        }
    }
}
