//! 石嘴山市政务信息化项目管理办法（送审稿）.
//!
//! A 送审稿 with no date in force (第三十条: 自印发之日起施行): `draft` on every date, so
//! `shizuishan.validity` always warns. Scope (第四条): 工程费、设备费及预备费合计 60 万元（含）
//! 以上 → the full procedure; below 60 → 参照 (备案 and guidance only, 第十三、十四条 as
//! cautions). Route: 审批 (市数据局技术审查、市审批服务管理局立项, 第十五条、第十七条) for a
//! 新建、扩建、改建 project at 60 or more; every other project is only filed (第十八条
//! 全口径备案).

mod change;

use crate::locale::{en_format, shown, Locale, Text};
use super::{ChangeSpec, Spec};
use crate::model::{Region, UnitLevel};
use crate::date::Date;
use crate::model::Fact::*;
use crate::model::{Category, Kind};
use crate::money::Money;
use crate::rules::{Ask, Cmp, Cond, Ctx, Field, Rule, YearsField, CONSTRUCTION, UPGRADE};
use crate::verdict::{Acceptance, Deadline, Document, Level, Procedure, Route};
use rust_decimal::Decimal;

/// 第四条: the limit of the full procedure (超过60万元（含）).
const SCOPE_LIMIT: Money = Money::wan(60);

/// The regulation.
pub static SPEC: Spec = Spec {
    id: "shizuishan",
    place: Text::new("石嘴山市", "Shizuishan"),
    title: "石嘴山市政务信息化项目管理办法（送审稿）",
    effective_from: None,
    effective_until: None,
    draft: true,
    validity_article: "第三十条",
    validity_clause: shown!("本办法自印发之日起施行。"),
    validity_id: "shizuishan.validity",
    as_of_id: "shizuishan.as_of",
    horizon_id: "shizuishan.validity.horizon",
    eligibility: ELIGIBILITY,
    prepare,
    procedure,
    change: ChangeSpec {
        rules: change::RULES,
        decide: change::decide,
        tender_savings_excluded: false,
        asks_as_of: false,
        savings: change::SAVINGS,
    },
    fees: None,
    classes: None,
    // Ningxia: 县（区） below the city.
    region: shown!(Region {
        unit_levels: &[
            (UnitLevel::Municipal, Text::new("市本级部门", "municipal department")),
            (UnitLevel::County, Text::new("县（区）", "county or district")),
            (UnitLevel::Township, Text::new("乡镇、街道", "township or sub-district")),
        ],
        funding: crate::regimes::AUTONOMOUS_REGION,
    }),
};

fn prepare(c: &mut Ctx<'_>) {
    // 第四条: 工程费、设备费及预备费合计 when any part is given, else the total.
    let inv = &c.app.project.investment;
    c.applicable = inv.parts_sum().or_else(|| inv.total.map(Money::get));
    let limit = SCOPE_LIMIT.get();
    let below = c.applicable.map(|a| a < limit);
    c.route = match (c.kind, below) {
        (_, Some(true)) => Route::Filing,
        (Some(k), _) if !k.is_construction() => Route::Filing,
        (Some(_), Some(false)) => Route::Approval,
        _ => Route::Undetermined,
    };
    c.route_asks = match (c.kind.is_none(), c.applicable.is_none()) {
        (true, true) => &[Ask::Field(Field::Kind), Ask::Field(Field::Total)],
        (true, false) => &[Ask::Field(Field::Kind)],
        (false, true) => &[Ask::Field(Field::Total)],
        (false, false) => &[],
    };
}

/// Whether the project is only 参照 (applicable amount known and below 60).
fn referred(c: &Ctx<'_>) -> bool {
    c.applicable.is_some_and(|a| a < SCOPE_LIMIT.get())
}

/// 第十三、十四条 under 参照 (below 60): a caution instead of a refusal.
fn referred_level(c: &Ctx<'_>) -> Level {
    if referred(c) {
        Level::Warn
    } else {
        Level::Block
    }
}

/// A 第十三、十四条 message, with the 参照 note below 60.
fn referred_message(c: &Ctx<'_>, locale: Locale, text: Text) -> String {
    let base = text.get(locale);
    if !referred(c) {
        return base.to_string();
    }
    match locale {
        Locale::Zh => format!("{base}（总投资低于60万元，参照本办法执行：此项为提醒，不作为不予受理的依据，仍请按要求整改。）"),
        Locale::En => en_format!("{base} (Below 60 万元 the project follows this regulation only by reference (参照): this is a caution, not a refusal; still put it right.)", base),
    }
}

/// The documents of 第十五条 for a total investment.
fn band_documents(total: Decimal) -> &'static [Document] {
    if total >= Money::wan(5000).get() {
        &[
            Document::Proposal,
            Document::FeasibilityStudy,
            Document::PreliminaryDesign,
        ]
    } else if total >= Money::wan(1500).get() {
        &[Document::FeasibilityStudy, Document::PreliminaryDesign]
    } else {
        &[Document::PreliminaryDesign]
    }
}

/// 第十六条: 投资概算在500万元以上 → 自治区政府办公厅 review.
fn regional(c: &Ctx<'_>) -> bool {
    c.route == Route::Approval && c.total.is_some_and(|t| t >= Money::wan(500).get())
}

/// 第十八条第（一）项: the filing deadline the input lets us compute.
fn filing_deadline(c: &Ctx<'_>) -> Option<Deadline> {
    let p = &c.app.project;
    match c.kind? {
        Kind::Maintenance => Some(Deadline {
            rule: "shizuishan.18.1",
            what: "运行维护资金使用情况备案（预算年度结束后一个月内）",
            due: Date::new(p.budget_year?.checked_add(1)?, 1, 31)?,
        }),
        _ => Some(Deadline {
            rule: "shizuishan.18.1",
            what: "完成项目招标后备案（一个月内）",
            due: p.tender_completed_on?.add_months(1)?,
        }),
    }
}

fn procedure(c: &Ctx<'_>) -> Procedure {
    let mut documents = Vec::new();
    if c.route == Route::Approval {
        if let Some(t) = c.total {
            documents.extend_from_slice(band_documents(t));
        }
        if regional(c) {
            documents.push(Document::NeedsAnalysisReport);
            documents.push(Document::DeclarationForm);
        }
    }
    Procedure {
        authority: match c.route {
            Route::Approval => Some("市数据局技术审查、市审批服务管理局立项"),
            Route::Filing => Some("市数据局（备案）"),
            Route::None | Route::Undetermined => None,
        },
        documents,
        supervision_required: None,
        regional_review: regional(c),
        // 第二十五条: 会同市数据局、市发改委、市工信局等部门开展竣工验收.
        acceptance: Some(Acceptance::Joint),
        deadlines: filing_deadline(c).into_iter().collect(),
    }
}

fn threshold_detail(c: &Ctx<'_>, locale: Locale) -> String {
    let amount = c
        .applicable
        .map(|a| crate::money::decimal_text(a.normalize()))
        .unwrap_or_default();
    match locale {
        Locale::Zh => format!("工程费、设备费及预备费合计（无分项时为总投资）{amount} 万元，低于60万元：参照本办法开展项目备案和建设指导，走备案程序（向市数据局备案），无需审批；第十三、十四条的要求作为提醒。"),
        Locale::En => en_format!("Engineering, equipment and contingency together (the total when no part is given) come to {amount} 万元, below 60 万元: the project follows this regulation by reference only — file it with 市数据局, no approval is needed; arts. 13 and 14 apply as cautions.", amount),
    }
}

fn documents_detail(c: &Ctx<'_>, locale: Locale) -> String {
    let docs = c.total.map(band_documents).unwrap_or(&[]);
    let names: Vec<&str> = docs.iter().map(|d| d.label(locale)).collect();
    let total = c
        .total
        .map(|t| crate::money::decimal_text(t.normalize()))
        .unwrap_or_default();
    match locale {
        Locale::Zh => format!("总投资 {total} 万元，请编制{}报市数据局开展技术审查（可行性研究报告应委托有相应业务能力的咨询机构编制；初步设计或可研应包含建设必要性论证）。", names.join("、")),
        Locale::En => en_format!("Total investment {total} 万元: prepare the {arg0} for 市数据局's technical review (a feasibility study is written by a qualified consultancy; the design or study must argue the need).", total, arg0 = names.join(", ")),
    }
}

fn filing_detail(c: &Ctx<'_>, locale: Locale) -> String {
    let due = filing_deadline(c);
    let zh = locale == Locale::Zh;
    let when = match (c.kind, &due) {
        (Some(Kind::Maintenance), Some(d)) => {
            if zh {
                format!(
                    "运行维护资金使用情况应在预算年度结束后一个月内备案，即 {}。",
                    crate::date::by_date(d.due, locale)
                )
            } else {
                en_format!("File the use of the O&M funds within one month after the budget year, {arg0}.", arg0 = crate::date::by_date(d.due, locale))
            }
        }
        (Some(Kind::Maintenance), None) => {
            if zh {
                "运行维护资金使用情况应在预算年度结束后一个月内（次年1月31日前）备案；填写预算年度即可算出日期。".to_string()
            } else {
                "File the use of the O&M funds within one month after the budget year (by 31 January); enter the budget year to get the date.".to_string()
            }
        }
        (_, Some(d)) => {
            if zh {
                format!("应在完成项目招标后一个月内备案，即 {}（期间最后一日是法定休假日的，以法定休假日结束的次日为最后一日，民法典第二百零三条）。", crate::date::by_date(d.due, locale))
            } else {
                en_format!("File within one month after the tender is completed, {arg0} (a last day falling on a statutory holiday moves to the day after the holiday, Civil Code art. 203).", arg0 = d.due)
            }
        }
        (_, None) => {
            if zh {
                "新建、改建、扩建和购买服务类项目应在完成项目招标后一个月内备案；填写招标完成日期即可算出日期。".to_string()
            } else {
                "New, upgrade and purchased-service projects file within one month after the tender is completed; enter the tender date to get the date.".to_string()
            }
        }
    };
    if zh {
        format!("全口径备案：项目须向市数据局备案（县区项目经县区数据局汇总），由市数据局报自治区政府办公厅。{when}备案信息变更后一个月内须更新。")
    } else {
        en_format!("Every project is filed with 市数据局 (county projects through the county data bureau), which reports to the regional government office. {when} Update the filing within one month of any change.", when)
    }
}

const M13_1: Text = Text::new(
    "新建、扩建、改建项目含有机房、网络、云平台、服务器、基础软件等信息化基础设施或办公电子设备，原则上不受理申请。请删去这些内容，依托自治区政务云和已有设施建设；例外须经主管部门决定。",
    "A new or upgraded project that includes server rooms, networks, cloud platforms, servers, base software or office equipment is in principle not accepted. Remove them and build on the regional government cloud and existing facilities; an exception needs the authority's decision.",
);
const M13_2: Text = Text::new(
    "项目未获得上级主管部门准许，原则上不受理申请。请先取得上级主管部门的书面准许。例外须经主管部门决定。",
    "The superior authority has not consented, so the application is in principle not accepted. Obtain its written consent first. An exception needs the authority's decision.",
);
const M13_3: Text = Text::new(
    "项目不符合政务信息资源共享要求或未提供数据资源目录，原则上不受理申请。请编制并提供数据资源目录，按要求全目录共享（不予共享的须注明依据）。例外须经主管部门决定。",
    "The project does not meet the data-sharing requirements or lacks a data resource catalogue, so it is in principle not accepted. Compile and provide the catalogue and share it in full (state the legal basis for any item not shared). An exception needs the authority's decision.",
);
const M13_4: Text = Text::new(
    "项目属于重复设计、开发，原则上不受理申请。请复用已有系统，或调整建设内容并说明与已有系统的区别。例外须经主管部门决定。",
    "The project repeats design or development that exists, so it is in principle not accepted. Reuse the existing system, or change the scope and explain the difference. An exception needs the authority's decision.",
);
const M13_5: Text = Text::new(
    "现有同类型在建项目未完成竣工验收，原则上不受理申请。请先完成在建项目的竣工验收再申报。例外须经主管部门决定。",
    "A similar project under construction has not passed final acceptance, so the application is in principle not accepted. Complete that acceptance first. An exception needs the authority's decision.",
);
const M13_6: Text = Text::new(
    "新建系统与现有系统未充分整合，原则上不受理申请。请在方案中落实与现有系统的整合。例外须经主管部门决定。",
    "The new system is not integrated with the existing systems, so it is in principle not accepted. Plan the integration first. An exception needs the authority's decision.",
);
const M13_7: Text = Text::new(
    "项目未明确系统安全防护或商用密码防护，原则上不受理申请。请在方案中明确网络安全、数据安全防护措施和商用密码应用方案。例外须经主管部门决定。",
    "The project does not define its security protection or commercial cryptography, so it is in principle not accepted. Define both in the plan. An exception needs the authority's decision.",
);
const M14_FREE: Text = Text::new(
    "工程类项目应有至少三年的系统免费运维期，目前不足三年。请在合同和方案中约定不少于三年的免费运维期。",
    "An engineering project needs a free maintenance period of at least three years, and this one is shorter. Agree at least three years in the plan and contract.",
);
const M14_CONTENT: Text = Text::new(
    "工程类项目应包含运维内容，目前未包含。请在建设内容中加入运维内容。",
    "An engineering project must include O&M content, and this one does not. Add it to the scope.",
);
const M14_FUNDING: Text = Text::new(
    "未报送免费运维期后的运维资金来源。请同时报送免费运维期满后的运维资金来源。",
    "The O&M funding source after the free maintenance period is not reported. Report it with the application.",
);
const M14_YEARS: Text = Text::new(
    "服务类项目服务期不得超过三年，目前超过三年。请将服务期缩短至三年以内，到期后重新申报。",
    "A service project may run for three years at most, and this one runs longer. Shorten the term to three years and apply again when it ends.",
);
const M14_CONSTRUCTION: Text = Text::new(
    "服务类项目不得包括建设内容。请删去建设内容，或将其作为工程类项目另行申报。",
    "A service project may not include construction. Remove it, or declare it separately as an engineering project.",
);

/// The eligibility table, in the order of rules.md.
pub const ELIGIBILITY: &[Rule] = &[
    Rule {
        id: "shizuishan.4",
        article: "第四条",
        level: Level::Info,
        title: shown!(Text::new("涉密项目不适用", "Classified projects are out of scope")),
        clause: shown!("……工程费、设备费及预备费合计总投资超过60万元（含）的非涉密项目，其规划、建设、验收、监督和考核评价等，适用本办法。"),
        when: Cond::Classified,
        effect: crate::rules::Effect::NotApplicable,
        message: Text::new(
            "本办法只适用于非涉密项目。涉密政务信息化项目按国家保密管理规定执行，不应通过公开门户申报。请通过保密管理渠道办理。",
            "This regulation covers non-classified projects only. Classified projects follow the national secrecy rules and are not declared through a public portal. Use the secrecy channel.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.4.threshold",
        article: "第四条",
        level: Level::Info,
        title: shown!(Text::new("60万元以下参照执行（备案）", "Below 60 万元: by reference (filing)")),
        clause: shown!("总投资低于60万元的非涉密项目，参照本办法开展项目备案和建设指导工作。"),
        // Asks for the amount it reads; the kind is asked by `shizuishan.17` (第四条 does
        // not read the kind).
        when: Cond::Applicable(Cmp::Lt, SCOPE_LIMIT),
        message: Text::new(
            "工程费、设备费及预备费合计低于60万元：参照本办法开展项目备案和建设指导，走备案程序，无需审批。",
            "Engineering, equipment and contingency together are below 60 万元: the project follows this regulation by reference — filing, no approval.",
        ),
        detail: Some(threshold_detail),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.17",
        article: "第十三条 / 第十七条 / 第十八条",
        level: Level::Info,
        title: shown!(Text::new("新建、扩建、改建项目审查立项，其他项目备案", "New and upgraded projects are reviewed and approved; others are filed")),
        clause: shown!("新建、扩建、改建的项目统一实行审查制度。……必要性与技术审查通过后，市级新建、改建、扩建政务信息化项目由市审批局进行立项，货物类、服务类项目进行政府采购。……所有项目建设管理统一实行“全口径”备案制度"),
        // The kind decides the route (审查 and 立项 for 新建、扩建、改建 at 60 万元 or more,
        // 第十三条、第十七条; every other project is only filed, 第十八条): asked here while
        // the route is open; on the approval route it says who approves.
        when: Cond::Route(Route::Approval),
        message: Text::new(
            "新建、扩建、改建项目（60万元以上）实行审查制度：市数据局技术审查通过后，由市审批服务管理局立项（第十七条）。请按第十五条编制前期文件报市数据局。",
            "A new, expanded or renovated project of 60 万元 or more is reviewed: after 市数据局's technical review, 市审批服务管理局 approves it (第十七条). Prepare the documents of 第十五条 for 市数据局.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.9",
        article: "第九条",
        title: shown!(Text::new("不得新增基础设施采购和运维", "No new infrastructure purchase or O&M")),
        clause: shown!("重点基础性、公共支撑性项目的设施、应用、能力，原则上由自治区统一建设，各县区、市直各部门不再单独建设，不得新增非涉密的网络、机房、服务器等基础设施采购和运维。"),
        when: Cond::Fact(IncludesInfrastructure, true),
        message: Text::new(
            "项目含机房、网络、云平台、服务器、基础软件等信息化基础设施：不得新增非涉密的网络、机房、服务器等基础设施采购和运维。请删去这些内容，使用自治区统一建设的设施。",
            "The project includes IT infrastructure (server rooms, networks, cloud, servers, base software): no new non-classified infrastructure may be bought or maintained. Remove it and use the facilities the region builds.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.11",
        article: "第十一条",
        level: Level::Warn,
        title: shown!(Text::new("依托自治区政务云集约部署", "Deploy on the regional government cloud")),
        clause: shown!("政务信息系统依托自治区政务云平台进行集约化建设部署，项目建设要充分利用区级已建成的应用资源，避免重复建设和信息孤岛。"),
        when: Cond::Fact(OnGovCloud, false),
        message: Text::new(
            "系统未部署或迁移到自治区政务云平台。政务信息系统应依托自治区政务云集约化建设部署，请在方案中明确上云安排。",
            "The system is not deployed on the regional government cloud, where government systems should run. State the cloud deployment in the plan.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.11.apps",
        article: "第十一条",
        level: Level::Warn,
        title: shown!(Text::new("与“我的宁夏”“宁政通”对接", "Connect to the 我的宁夏 and 宁政通 apps")),
        clause: shown!("若系统建设涉及政务服务、便民服务、社会治理、城市管理等内容，需与“我的宁夏”APP和“宁政通”APP进行对接。"),
        when: Cond::When(&Cond::Fact(PublicServiceContent, true), &Cond::Fact(ConnectedToNingxiaApps, false)),
        message: Text::new(
            "系统涉及政务服务、便民服务、社会治理、城市管理等内容，但未与“我的宁夏”APP和“宁政通”APP对接。请在方案中落实对接。",
            "The system covers government or public services, social governance or city management but is not connected to the “我的宁夏” and “宁政通” apps. Plan the connection.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.13.1",
        article: "第十三条第（一）项",
        title: shown!(Text::new("不含基础设施和办公电子设备", "No infrastructure or office equipment")),
        clause: shown!("新建、扩建、改建的项目统一实行审查制度。对以下几种情况，除另有特殊规定外，原则上不受理申请：（一）含有机房、网络、云平台、服务器、基础软件等信息化基础设施和办公电子设备；"),
        when: Cond::And(&[
            Cond::Kinds(CONSTRUCTION),
            Cond::Or(&[Cond::Fact(IncludesInfrastructure, true), Cond::Fact(IncludesOfficeEquipment, true)]),
        ]),
        message: M13_1,
        level_by: Some(referred_level),
        detail: Some(|c, l| referred_message(c, l, M13_1)),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.13.2",
        article: "第十三条第（二）项",
        title: shown!(Text::new("须获上级主管部门准许", "Needs the superior authority's consent")),
        clause: shown!("对以下几种情况，除另有特殊规定外，原则上不受理申请：……（二）未获得上级主管部门准许的；"),
        when: Cond::And(&[Cond::Kinds(CONSTRUCTION), Cond::Fact(AuthorityApproved, false)]),
        message: M13_2,
        level_by: Some(referred_level),
        detail: Some(|c, l| referred_message(c, l, M13_2)),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.13.3",
        article: "第十三条第（三）项",
        title: shown!(Text::new("须提供数据资源目录并共享", "Data catalogue provided and shared")),
        clause: shown!("对以下几种情况，除另有特殊规定外，原则上不受理申请：……（三）不符合政务信息资源共享要求，未提供数据资源目录的；"),
        when: Cond::And(&[
            Cond::Kinds(CONSTRUCTION),
            Cond::Or(&[Cond::Fact(DataCatalogProvided, false), Cond::Fact(DataShared, false)]),
        ]),
        message: M13_3,
        level_by: Some(referred_level),
        detail: Some(|c, l| referred_message(c, l, M13_3)),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.13.4",
        article: "第十三条第（四）项",
        title: shown!(Text::new("不得重复设计、开发", "No repeated design or development")),
        clause: shown!("对以下几种情况，除另有特殊规定外，原则上不受理申请：……（四）属于重复设计、开发的；"),
        when: Cond::And(&[Cond::Kinds(CONSTRUCTION), Cond::Fact(DuplicatesExistingSystem, true)]),
        message: M13_4,
        level_by: Some(referred_level),
        detail: Some(|c, l| referred_message(c, l, M13_4)),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.13.5",
        article: "第十三条第（五）项",
        title: shown!(Text::new("同类在建项目须先竣工验收", "Similar projects must first pass acceptance")),
        clause: shown!("对以下几种情况，除另有特殊规定外，原则上不受理申请：……（五）现有同类型在建项目未完成竣工验收的；"),
        when: Cond::And(&[Cond::Kinds(CONSTRUCTION), Cond::Fact(SimilarProjectUnaccepted, true)]),
        message: M13_5,
        level_by: Some(referred_level),
        detail: Some(|c, l| referred_message(c, l, M13_5)),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.13.6",
        article: "第十三条第（六）项",
        title: shown!(Text::new("新建系统须与现有系统整合", "A new system must integrate with existing ones")),
        clause: shown!("对以下几种情况，除另有特殊规定外，原则上不受理申请：……（六）新建系统与现有系统未充分整合的；"),
        when: Cond::And(&[Cond::Kinds(&[Kind::New]), Cond::Fact(IntegratedWithExisting, false)]),
        message: M13_6,
        level_by: Some(referred_level),
        detail: Some(|c, l| referred_message(c, l, M13_6)),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.13.7",
        article: "第十三条第（七）项",
        title: shown!(Text::new("须明确安全防护和商用密码防护", "Security and cryptography defined")),
        clause: shown!("对以下几种情况，除另有特殊规定外，原则上不受理申请：……（七）未明确系统安全防护和商用密码防护的。"),
        when: Cond::And(&[
            Cond::Kinds(CONSTRUCTION),
            Cond::Or(&[Cond::Fact(SecurityPlan, false), Cond::Fact(CryptoPlan, false)]),
        ]),
        message: M13_7,
        level_by: Some(referred_level),
        detail: Some(|c, l| referred_message(c, l, M13_7)),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.14.category",
        article: "第十四条",
        level: Level::Missing,
        title: shown!(Text::new("按工程类、货物类、服务类分类申报", "Declare as engineering, goods or service")),
        clause: shown!("申报的项目应按照工程类、货物类、服务类（含运维类）进行分类申报。"),
        // "No category is given": false once one is, unknown (asked) while absent.
        when: Cond::Not(&Cond::Or(&[
            Cond::Category(Category::Engineering),
            Cond::Category(Category::Goods),
            Cond::Category(Category::Service),
        ])),
        message: Text::new(
            "请按工程类、货物类、服务类（含运维类）填写项目类别。",
            "Declare the project as engineering, goods or service (incl. O&M).",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.14.free_maintenance",
        article: "第十四条",
        title: shown!(Text::new("工程类免费运维期至少三年", "Engineering: at least three years' free maintenance")),
        clause: shown!("工程类项目应包含运维内容和至少三年以上的系统免费运维期；"),
        when: Cond::And(&[
            Cond::Category(Category::Engineering),
            Cond::Years(YearsField::FreeMaintenance, Cmp::Lt, Money::wan(3)),
        ]),
        message: M14_FREE,
        level_by: Some(referred_level),
        detail: Some(|c, l| referred_message(c, l, M14_FREE)),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.14.maintenance_content",
        article: "第十四条",
        title: shown!(Text::new("工程类项目应包含运维内容", "Engineering: include O&M content")),
        clause: shown!("工程类项目应包含运维内容和至少三年以上的系统免费运维期；"),
        when: Cond::And(&[
            Cond::Category(Category::Engineering),
            Cond::Fact(IncludesMaintenanceContent, false),
        ]),
        message: M14_CONTENT,
        level_by: Some(referred_level),
        detail: Some(|c, l| referred_message(c, l, M14_CONTENT)),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.14.om_funding",
        article: "第十四条",
        title: shown!(Text::new("报送免费运维期后运维资金来源", "Report O&M funding after the free period")),
        clause: shown!("同时报送项目免费运维期后运维资金来源。"),
        when: Cond::And(&[Cond::Category(Category::Engineering), Cond::Fact(OmFundingSource, false)]),
        message: M14_FUNDING,
        level_by: Some(referred_level),
        detail: Some(|c, l| referred_message(c, l, M14_FUNDING)),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.14.service_years",
        article: "第十四条",
        title: shown!(Text::new("服务类服务期不超过三年", "Service: three years at most")),
        clause: shown!("服务类项目服务期不超过三年，不得包括建设内容。"),
        when: Cond::And(&[
            Cond::Category(Category::Service),
            Cond::Years(YearsField::Service, Cmp::Gt, Money::wan(3)),
        ]),
        message: M14_YEARS,
        level_by: Some(referred_level),
        detail: Some(|c, l| referred_message(c, l, M14_YEARS)),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.14.service_construction",
        article: "第十四条",
        title: shown!(Text::new("服务类不得包括建设内容", "Service: no construction")),
        clause: shown!("服务类项目服务期不超过三年，不得包括建设内容。"),
        when: Cond::And(&[Cond::Category(Category::Service), Cond::IncludesConstruction(true)]),
        message: M14_CONSTRUCTION,
        level_by: Some(referred_level),
        detail: Some(|c, l| referred_message(c, l, M14_CONSTRUCTION)),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.15",
        article: "第十五条",
        level: Level::Require,
        title: shown!(Text::new("按投资规模编制前期文件", "Design documents by investment band")),
        clause: shown!("总投资5000万元以上的项目应提供项目建议书、可行性研究报告和初步设计；总投资5000万元至1500万元（含）的项目，应提供可行性研究报告（代项目建议书）、初步设计，其中可行性研究报告应当包含项目建设必要性内容;总投资1500万元以下项目，应提供项目初步设计，初步设计文本中应当包含项目建设必要性和可行性论证内容。"),
        when: Cond::Route(Route::Approval),
        message: Text::new(
            "请按总投资规模编制项目建议书、可行性研究报告、初步设计，报市数据局开展技术审查。",
            "Prepare the proposal, feasibility study and preliminary design the investment band requires for 市数据局's technical review.",
        ),
        detail: Some(documents_detail),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.16",
        article: "第十六条",
        level: Level::Require,
        title: shown!(Text::new("500万元以上报自治区审查", "From 500 万元: regional review")),
        clause: shown!("市数据局技术审查通过后，投资概算在500 万 元以上的，项目建设单位应编制《项目需求分析报告》，填写《石嘴山市政务信息化项目建设申报表》报自治区政府办公厅进行审查。"),
        when: Cond::And(&[Cond::Route(Route::Approval), Cond::Total(Cmp::Ge, Money::wan(500))]),
        message: Text::new(
            "投资概算500万元以上：市数据局技术审查通过后，请编制《项目需求分析报告》、填写《石嘴山市政务信息化项目建设申报表》，由市数据局报自治区政府办公厅审查。",
            "The estimate is 500 万元 or more: after 市数据局's technical review, write the needs analysis report and fill in the declaration form; 市数据局 sends them to the regional government office for review.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.18.1",
        article: "第十八条第（一）项",
        level: Level::Require,
        title: shown!(Text::new("全口径备案及期限", "Filing of every project, and its deadline")),
        clause: shown!("所有项目建设管理统一实行“全口径”备案制度……（一）运行维护资金使用情况应在一个预算年度结束后一个月内进行备案；新建、改建、扩建和政府购买服务类项目应在完成项目招标后一个月内进行备案；备案信息发生变更后，应在一个月内向市数据局更新备案信息。"),
        when: Cond::Always,
        message: Text::new(
            "全口径备案：项目须向市数据局备案，并在规定期限内完成。",
            "Every project is filed with 市数据局 within the set period.",
        ),
        detail: Some(filing_detail),
        ..Rule::BASE
    },
    Rule {
        id: "shizuishan.18.2",
        article: "第十八条第（二）项",
        level: Level::Require,
        title: shown!(Text::new("改建、扩建须提交前期项目评价报告", "Upgrades: evaluation report of the earlier project")),
        clause: shown!("改建、扩建类项目还应提交前期项目第三方评价报告等。"),
        when: Cond::And(&[Cond::Kinds(UPGRADE), Cond::Fact(PostEvaluationReport, false)]),
        message: Text::new(
            "改建、扩建类项目备案时还应提交前期项目第三方评价报告，目前尚未提交。请委托第三方完成评价并随备案信息提交。",
            "An upgrade must file the third-party evaluation report of the earlier project, which is not yet submitted. Have it done and file it.",
        ),
        ..Rule::BASE
    },
];

#[cfg(test)]
mod tests {
    use crate::check_eligibility;
    use crate::date::Date;
    use crate::locale::Locale;
    use crate::model::{Application, Category, Fact, Kind, Regime};
    use crate::money::Money;
    use crate::verdict::{Finding, Level, Route, Verdict};

    fn money(s: &str) -> Option<Money> {
        Some(Money::parse(s).expect("valid money"))
    }

    /// A clean 新建 engineering project of `total` 万元.
    fn app(kind: Option<Kind>, total: Option<&str>) -> Application {
        let mut a = Application::new(Regime::SHIZUISHAN);
        a.as_of = Some(Date::ymd(2026, 6, 15));
        a.project.kind = kind;
        a.project.category = Some(Category::Engineering);
        a.project.investment.total = total.and_then(money);
        a.project.free_maintenance_years = Some(3.into());
        a.project.budget_year = Some(2027);
        for (f, v) in [
            (Fact::IncludesInfrastructure, false),
            (Fact::OnGovCloud, true),
            (Fact::PublicServiceContent, false),
            (Fact::IncludesOfficeEquipment, false),
            (Fact::AuthorityApproved, true),
            (Fact::DataCatalogProvided, true),
            (Fact::DataShared, true),
            (Fact::DuplicatesExistingSystem, false),
            (Fact::SimilarProjectUnaccepted, false),
            (Fact::IntegratedWithExisting, true),
            (Fact::SecurityPlan, true),
            (Fact::CryptoPlan, true),
            (Fact::IncludesMaintenanceContent, true),
            (Fact::OmFundingSource, true),
            (Fact::PostEvaluationReport, true),
        ] {
            a.facts = a.facts.with(f, v);
        }
        a
    }

    fn find<'a>(v: &'a Verdict, rule: &str) -> Option<&'a Finding> {
        v.findings.iter().find(|f| f.rule == rule)
    }

    fn deadlines(a: &Application) -> Vec<String> {
        check_eligibility(a)
            .procedure
            .deadlines
            .iter()
            .map(|d| format!("{} {}", d.rule, d.due))
            .collect()
    }

    #[test]
    fn filing_deadlines_follow_the_civil_code() {
        let mut a = app(Some(Kind::New), Some("800"));
        assert!(deadlines(&a).is_empty(), "no tender date, no deadline");
        for (done, due) in [
            (Date::ymd(2026, 7, 10), "2026-08-10"),
            (Date::ymd(2026, 1, 31), "2026-02-28"),
            (Date::ymd(2028, 1, 31), "2028-02-29"),
            (Date::ymd(2026, 12, 31), "2027-01-31"),
        ] {
            a.project.tender_completed_on = Some(done);
            assert_eq!(deadlines(&a), [format!("shizuishan.18.1 {due}")]);
        }
        let v = check_eligibility(&a);
        let msg = &find(&v, "shizuishan.18.1").expect("18.1").message;
        assert!(
            msg.contains("2027-01-31") && msg.contains("第二百零三条"),
            "{msg}"
        );
        a.locale = Locale::En;
        let v = check_eligibility(&a);
        let msg = &find(&v, "shizuishan.18.1").expect("18.1").message;
        assert!(msg.contains("statutory holiday"), "{msg}");

        let mut m = app(Some(Kind::Maintenance), Some("800"));
        m.project.tender_completed_on = Some(Date::ymd(2026, 7, 10));
        assert_eq!(deadlines(&m), ["shizuishan.18.1 2028-01-31"]);
        m.project.budget_year = None;
        assert!(deadlines(&m).is_empty());
        let v = check_eligibility(&m);
        let f = find(&v, "shizuishan.18.1").expect("18.1 always present");
        assert_eq!(f.level, Level::Require);
        assert!(!v.findings.iter().any(|f| f.level == Level::Missing));
    }

    #[test]
    fn referred_projects_get_cautions_not_refusals() {
        let level = |total: &str| {
            let mut a = app(Some(Kind::New), Some(total));
            a.facts = a.facts.with(Fact::AuthorityApproved, false);
            let v = check_eligibility(&a);
            let f = find(&v, "shizuishan.13.2").expect("13.2 fires").clone();
            (f.level, f.message.contains("参照"), v.route)
        };
        assert_eq!(level("59.999999"), (Level::Warn, true, Route::Filing));
        assert_eq!(level("60"), (Level::Block, false, Route::Approval));
        // Amount unknown: not known to be 参照, so the rule keeps its level.
        let mut a = app(Some(Kind::New), None);
        a.facts = a.facts.with(Fact::AuthorityApproved, false);
        let v = check_eligibility(&a);
        assert_eq!(
            find(&v, "shizuishan.13.2").map(|f| f.level),
            Some(Level::Block)
        );
    }

    #[test]
    fn an_undetermined_route_asks_what_decides_it() {
        let asked = |a: &Application| -> Vec<(String, String)> {
            check_eligibility(a)
                .findings
                .iter()
                .filter(|f| f.level == Level::Missing)
                .map(|f| {
                    (
                        f.rule.to_string(),
                        f.field.clone().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        };
        let threshold = "shizuishan.4.threshold".to_string();
        assert_eq!(
            asked(&app(Some(Kind::New), None)),
            [(threshold.clone(), "/project/investment/total".to_string())]
        );
        // Revision 3: the kind is asked by the rule that reads it (第十三、十七、十八条),
        // not by 第四条.
        let route = "shizuishan.17".to_string();
        assert_eq!(
            asked(&app(None, Some("800"))),
            [(route.clone(), "/project/kind".to_string())]
        );
        let both = asked(&app(None, None));
        assert_eq!(
            both,
            [
                (threshold.clone(), "/project/investment/total".to_string()),
                (route.clone(), "/project/kind".to_string())
            ]
        );
        // Order: validity first, then the missing answers of the first rule needing them.
        let v = check_eligibility(&app(None, None));
        assert_eq!(v.findings[0].rule, "shizuishan.validity");
        assert_eq!(v.findings[1].rule, "shizuishan.4.threshold");
        let total = find(&v, "shizuishan.4.threshold").expect("missing");
        assert!(total.rules.contains(&"shizuishan.15") && total.rules.contains(&"shizuishan.16"));
    }

    #[test]
    fn findings_point_at_the_field_at_fault() {
        let field = |a: &Application, rule: &str| {
            find(&check_eligibility(a), rule).and_then(|f| f.field.clone().map(|s| s.to_string()))
        };
        let mut a = app(Some(Kind::New), Some("800"));
        a.facts = a
            .facts
            .with(Fact::DataCatalogProvided, false)
            .with(Fact::DataShared, false)
            .with(Fact::IncludesOfficeEquipment, true);
        a.project.free_maintenance_years = Some(1.into());
        assert_eq!(
            field(&a, "shizuishan.13.3").as_deref(),
            Some("/facts/data_catalog_provided")
        );
        assert_eq!(
            field(&a, "shizuishan.13.1").as_deref(),
            Some("/facts/includes_office_equipment")
        );
        assert_eq!(
            field(&a, "shizuishan.14.free_maintenance").as_deref(),
            Some("/project/free_maintenance_years")
        );
        assert_eq!(field(&a, "shizuishan.15"), None);

        let mut s = app(Some(Kind::Service), Some("800"));
        s.project.category = Some(Category::Service);
        s.project.service_years = Some(4.into());
        s.project.includes_construction = Some(true);
        assert_eq!(
            field(&s, "shizuishan.14.service_years").as_deref(),
            Some("/project/service_years")
        );
        assert_eq!(
            field(&s, "shizuishan.14.service_construction").as_deref(),
            Some("/project/includes_construction")
        );
        s.project.category = None;
        let v = check_eligibility(&s);
        let f = find(&v, "shizuishan.14.category").expect("asked");
        assert_eq!(
            (f.level, f.field.as_deref()),
            (Level::Missing, Some("/project/category"))
        );
    }

    #[test]
    fn documents_and_messages_follow_the_bands() {
        let v = check_eligibility(&app(Some(Kind::New), Some("1500")));
        let msg = &find(&v, "shizuishan.15").expect("15").message;
        assert!(
            msg.contains("可行性研究报告、初步设计") && msg.contains("1500"),
            "{msg}"
        );
        let mut a = app(Some(Kind::New), None);
        a.project.investment.engineering = money("50");
        a.project.investment.equipment = money("9.999999");
        a.project.investment.total = money("900");
        let v = check_eligibility(&a);
        let msg = &find(&v, "shizuishan.4.threshold")
            .expect("threshold")
            .message;
        assert!(msg.contains("59.999999"), "{msg}");
        assert_eq!(v.procedure.authority, Some("市数据局（备案）"));
    }
}
