//! 楚雄州政务信息化项目管理办法（试行）（楚政办通〔2025〕26号）.
//!
//! In force from 2025-05-08, the day of 印发 (第三十八条: 自印发之日起施行), with no end.
//! Route (第十六条): 审批 by 州发展改革委（州数据局） for a 建设类 project of 50 万元（含）or
//! more or a 服务类 project (运行维护、购买服务) of 20 万元（含）or more; else 备案
//! (第十七条). 第十五条 blocks on the approval route and cautions on filing.

mod change;

use crate::locale::{en_format, en_str, shown, Locale, Text};
use super::{ChangeSpec, Spec};
use crate::model::{Funding, Region, UnitLevel};
use crate::date::Date;
use crate::model::Fact::*;
use crate::model::Kind;
use crate::money::Money;
use crate::rules::{Ask, Cond, Ctx, Field, Rule, NOT_MAINTENANCE};
use crate::verdict::{Acceptance, Deadline, Document, Level, Procedure, Route};

/// 第十六条: 预算金额50万元(含)以上的建设类项目.
const CONSTRUCTION_LIMIT: Money = Money::wan(50);
/// 第十六条: 采购预算在20万元(含)以上的服务类项目.
const SERVICE_LIMIT: Money = Money::wan(20);
/// 服务类 kinds (第二条第（一）项: 运行维护服务 and other services).
const SERVICE_KINDS: &[Kind] = &[Kind::Maintenance, Kind::Service];
const MAINTENANCE: &[Kind] = &[Kind::Maintenance];

/// The regulation.
pub static SPEC: Spec = Spec {
    id: "chuxiong",
    place: Text::new("楚雄州", "Chuxiong"),
    title: "楚雄州政务信息化项目管理办法（试行）",
    effective_from: Some(Date::ymd(2025, 5, 8)),
    effective_until: None,
    draft: false,
    validity_article: "第三十八条",
    validity_clause: shown!("本办法自印发之日起施行,国家对政务信息化项目另有规定的,从其规定。"),
    validity_id: "chuxiong.validity",
    as_of_id: "chuxiong.as_of",
    horizon_id: "chuxiong.validity.horizon",
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
    // Yunnan: 县（市） below the prefecture; provincial (省) funds.
    region: shown!(Region {
        unit_levels: &[
            (UnitLevel::Municipal, Text::new("州本级部门", "prefecture department")),
            (UnitLevel::County, Text::new("县（市）", "county or county-level city")),
            (UnitLevel::Township, Text::new("乡镇、街道", "township or sub-district")),
        ],
        funding: &[
            (Funding::LocalFiscal, Text::new("州本级财政资金", "prefecture budget funds")),
            (Funding::Provincial, Text::new("省级财政资金", "provincial funds")),
            (Funding::SuperiorSpecial, Text::new("国家或省级政务信息化专项资金", "national or provincial special IT funds")),
        ],
    }),
};

fn prepare(c: &mut Ctx<'_>) {
    let (route, asks): (Route, &'static [Ask]) = match c.total {
        None => (Route::Undetermined, &[Ask::Field(Field::Total)]),
        Some(t) if t >= CONSTRUCTION_LIMIT.get() => (Route::Approval, &[]),
        Some(t) if t < SERVICE_LIMIT.get() => (Route::Filing, &[]),
        // 20 ≤ total < 50: the kind decides.
        Some(_) => match c.kind {
            None => (Route::Undetermined, &[Ask::Field(Field::Kind)]),
            Some(k) if SERVICE_KINDS.contains(&k) => (Route::Approval, &[]),
            Some(_) => (Route::Filing, &[]),
        },
    };
    c.route = route;
    c.route_asks = asks;
}

/// 第三十一条: the O&M fund application for `budget_year` is due by 30 June before it.
fn om_deadline(c: &Ctx<'_>) -> Option<Deadline> {
    if c.kind != Some(Kind::Maintenance) {
        return None;
    }
    Some(Deadline {
        rule: "chuxiong.31.deadline",
        what: "下一年度运维经费申请（每年6月30日之前）",
        due: c.due_before(6, 30)?,
    })
}

fn procedure(c: &Ctx<'_>) -> Procedure {
    Procedure {
        authority: match c.route {
            Route::Approval => Some("州发展改革委（州数据局）"),
            Route::Filing => Some("本级发展改革委（局）（数据局）（备案）"),
            Route::None | Route::Undetermined => None,
        },
        // 第十六条第（一）项: 方案编制.
        documents: vec![Document::ProjectPlan],
        // 第二十三条: 根据实际需要可委托 … 监理 (optional).
        supervision_required: Some(false),
        regional_review: false,
        // 第二十五条: 由项目建设单位组织验收.
        acceptance: Some(Acceptance::Unit),
        deadlines: om_deadline(c).into_iter().collect(),
    }
}

/// 第十五条 (and, revision 2, 第十四条) govern 审批: `block` unless the route is filing,
/// where they caution.
fn art15_level(c: &Ctx<'_>) -> Level {
    if c.route == Route::Filing {
        Level::Warn
    } else {
        Level::Block
    }
}

/// A 第十五条 message, with the filing note on the filing route.
fn art15_message(c: &Ctx<'_>, locale: Locale, text: Text) -> String {
    let base = text.get(locale);
    if c.route != Route::Filing {
        return base.to_string();
    }
    match locale {
        Locale::Zh => format!("{base}（项目走备案程序，本条针对审批，此项为提醒，仍请按要求整改。）"),
        Locale::En => en_format!("{base} (The project is only filed and this article governs approval, so this is a caution; still put it right.)", base),
    }
}

/// 第六条: `warn` for an emergency (增补申报, 第五条、第十一条).
fn plan_level(c: &Ctx<'_>) -> Level {
    if c.app.project.emergency {
        Level::Warn
    } else {
        Level::Block
    }
}

const M6: Text = Text::new(
    "项目未纳入年度拟实施项目清单，原则上不予安排资金，不得未批先建。请在集中申报期申报纳入清单（第五条）；例外须经主管部门决定。",
    "The project is not in the annual list of projects to implement: in principle it is not funded and must not be built before approval. Apply in the collective round to enter the list (art. 5); an exception needs the authority's decision.",
);

fn plan_detail(c: &Ctx<'_>, locale: Locale) -> String {
    if !c.app.project.emergency {
        return M6.get(locale).to_string();
    }
    match locale {
        Locale::Zh => "项目未纳入年度拟实施项目清单。因属处置突发事件等紧急情况，请向州发展改革委（州数据局）申请增补申报（第五条），并按第十一条报州政府分管领导同意。".to_string(),
        Locale::En => en_str!("The project is not in the annual list. As an emergency, apply to 州发展改革委（州数据局） for a supplementary declaration (art. 5) and obtain the consent of the prefecture leader in charge (art. 11).").to_string(),
    }
}

fn late_detail(c: &Ctx<'_>, locale: Locale) -> String {
    let due = om_deadline(c)
        .map(|d| crate::date::by_date(d.due, locale))
        .unwrap_or_default();
    match locale {
        Locale::Zh => format!("下一年度运维经费申请应于 {due}向本级发展改革委（局）（数据局）提出，检查日期已过该期限。请尽快提交申请并说明逾期原因，是否受理由主管部门决定。"),
        Locale::En => en_format!("The O&M fund application for the next year was due {due} with the development and reform (data) bureau, and the date checked is past it. Submit it at once and explain the delay; the bureau decides whether to accept it.", due),
    }
}

const M14: Text = Text::new(
    "项目申报依据不充分，或目标和内容不明确，原则上不予审批（第十四条）。请补充申报依据，明确项目目标、建设内容和业务边界。例外须经主管部门决定。",
    "The grounds of the application are insufficient or its goals and content unclear, so it is in principle not approved (art. 14). Add the grounds and define the goals, content and scope. An exception needs the authority's decision.",
);
const M15_1: Text = Text::new(
    "项目未按要求共享数据资源或重复采集数据，原则上不予审批。请按要求共享数据资源、停止重复采集；例外须经主管部门决定。",
    "The project does not share data as required or collects data again, so it is in principle not approved. Share the data and stop the duplicate collection; an exception needs the authority's decision.",
);
const M15_2: Text = Text::new(
    "项目新建或扩建自有机房、云平台、数据中心，原则上不予审批（确需保留且迫切需要更新的除外）。请改用政务云等公共基础设施，或说明确需保留且迫切需要更新的理由。例外须经主管部门决定。",
    "The project builds or extends its own server room, cloud or data centre, which is in principle not approved (unless it must be kept and urgently renewed). Use the government cloud, or show that it must be kept and urgently renewed. An exception needs the authority's decision.",
);
const M15_3: Text = Text::new(
    "专网租赁项目未按要求整合到电子政务外网，原则上不予审批。请先将专网整合到电子政务外网。例外须经主管部门决定。",
    "The leased private network is not merged into the e-government extranet, so the project is in principle not approved. Merge it first. An exception needs the authority's decision.",
);
const M15_4: Text = Text::new(
    "项目未按要求统一部署或迁移到政务云资源平台，原则上不予审批。请将系统部署或迁移到政务云。例外须经主管部门决定。",
    "The project is not deployed on (or migrated to) the government cloud, so it is in principle not approved. Deploy or migrate it there. An exception needs the authority's decision.",
);
const M15_5: Text = Text::new(
    "项目未按要求接入州级统建的“一网通办”“一网统管”等重大平台，原则上不予审批。请在方案中落实接入。例外须经主管部门决定。",
    "The project is not connected to the prefecture's unified platforms (一网通办, 一网统管), so it is in principle not approved. Plan the connection. An exception needs the authority's decision.",
);
const M15_6: Text = Text::new(
    "项目未落实信创产品应用要求，原则上不予审批。请在方案中落实信创软硬件产品的应用。例外须经主管部门决定。",
    "The project does not use domestic trusted (信创) products as required, so it is in principle not approved. Plan their use. An exception needs the authority's decision.",
);
const M15_7: Text = Text::new(
    "项目不符合网络安全、数据安全、商用密码应用安全或IPv6应用要求，或存在重大安全隐患，原则上不予审批。请明确安全防护措施和商用密码应用方案、满足IPv6要求并消除安全隐患。例外须经主管部门决定。",
    "The project falls short of the network, data, cryptography or IPv6 requirements, or has a major security risk, so it is in principle not approved. Define the security and cryptography measures, meet IPv6 and remove the risk. An exception needs the authority's decision.",
);
const M15_8: Text = Text::new(
    "内部系统整合不到位或电子文件管理要求落实不到位，原则上不予审批。请完成内部系统整合并落实电子文件管理要求。例外须经主管部门决定。",
    "Internal systems are not integrated or the electronic records requirements are not met, so the project is in principle not approved. Complete both. An exception needs the authority's decision.",
);
const M15_9: Text = Text::new(
    "本单位已上线系统未按规范完成竣工验收，或绩效评估不合格且未完成整改，原则上不予审批。请先完成验收或整改。例外须经主管部门决定。",
    "Systems of the unit in use have not passed acceptance, or failed performance evaluation without remedy, so the project is in principle not approved. Complete the acceptance or the remedy first. An exception needs the authority's decision.",
);
const M15_10: Text = Text::new(
    "系统功能与现有系统重复，存在重复投资，原则上不予审批。请复用现有系统，或调整建设内容并说明区别。例外须经主管部门决定。",
    "The system duplicates an existing one, a repeated investment, so it is in principle not approved. Reuse the existing system, or change the scope and explain the difference. An exception needs the authority's decision.",
);

/// The eligibility table, in the order of rules.md.
pub const ELIGIBILITY: &[Rule] = &[
    Rule {
        id: "chuxiong.35",
        article: "第三十五条",
        level: Level::Info,
        title: shown!(Text::new("涉密项目按保密规定执行", "Classified projects follow the secrecy rules")),
        clause: shown!("涉密政务信息化项目采购、报送方式和数据共享等按照有关保密规定执行。"),
        when: Cond::Classified,
        effect: crate::rules::Effect::NotApplicable,
        message: Text::new(
            "涉密政务信息化项目的采购、报送方式和数据共享按有关保密规定执行，不通过公开门户申报。请通过保密管理渠道办理。",
            "Procurement, reporting and data sharing of classified projects follow the secrecy rules; they are not declared through a public portal. Use the secrecy channel.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.36.1",
        article: "第三十六条第（一）项",
        level: Level::Info,
        title: shown!(Text::new("施行前已签合同的项目不适用", "Contracts signed before 2025-05-08 are out of scope")),
        clause: shown!("以下项目和软硬件采购不适用本办法。（一）本办法施行前，各单位已签订项目合同，且在合同履行期内的项目。"),
        when: Cond::ContractBefore(Date::ymd(2025, 5, 8)),
        effect: crate::rules::Effect::NotApplicable,
        message: Text::new(
            "项目合同在本办法施行（2025年5月8日）前签订且仍在履行期内，不适用本办法。请按合同签订时的规定继续执行。",
            "The contract was signed before the regulation took effect (2025-05-08) and is still being performed, so the regulation does not apply. Continue under the rules in force when it was signed.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.36.2",
        article: "第三十六条第（二）（三）项",
        level: Level::Info,
        title: shown!(Text::new("日常办公软硬件不适用", "Routine office purchases are out of scope")),
        clause: shown!("以下项目和软硬件采购不适用本办法。……（二）各单位建设采购杀毒软件、办公电脑、打印机等日常办公软硬件。（三）政府集中采购目录中采购限额标准以下用于维持各单位日常运转和安全的计算机网络设备、信息安全设备、视频会议系统设备等常规设备。"),
        when: Cond::RoutinePurchase,
        effect: crate::rules::Effect::NotApplicable,
        message: Text::new(
            "杀毒软件、办公电脑、打印机等日常办公软硬件，以及集中采购目录中限额标准以下的常规设备，不适用本办法。请按政府采购有关规定办理。",
            "Routine office software and hardware (antivirus, PCs, printers) and routine equipment below the procurement limit are outside this regulation. Follow the procurement rules.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.16",
        article: "第十六条",
        level: Level::Require,
        title: shown!(Text::new("达到限额的项目报州发展改革委审批", "Approval by 州发展改革委 above the limits")),
        clause: shown!("预算金额50万元(含)以上的建设类项目和采购预算在20万元(含)以上的服务类项目须报州发展改革委(州数据局)进行审批。"),
        when: Cond::Route(Route::Approval),
        message: Text::new(
            "预算金额50万元（含）以上的建设类项目或20万元（含）以上的服务类项目，须报州发展改革委（州数据局）审批：请编制项目方案，经内部论证后申请立项，经初审、专家评审后取得立项批复。",
            "A construction project of 50 万元 or more, or a service project of 20 万元 or more, is approved by 州发展改革委（州数据局）: write the project plan, review it internally and apply; the approval follows a first review and an expert review.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.17",
        article: "第十七条",
        level: Level::Info,
        title: shown!(Text::new("限额以下项目实行备案制", "Below the limits: filing")),
        clause: shown!("政府采购限额以下集中采购目录以外的项目采用备案制管理，由实施部门负责方案编制和审核，报本级发展改革委(局)(数据局)备案。"),
        when: Cond::Route(Route::Filing),
        message: Text::new(
            "项目未达到第十六条的审批限额，实行备案制：由实施部门编制并审核方案，报本级发展改革委（局）（数据局）备案。属于政府集中采购目录内或达到采购限额的，还须按政府采购规定办理。",
            "The project is below the art. 16 limits and is filed: the unit writes and reviews the plan and files it with the local development and reform (data) bureau. Items in the central procurement catalogue or above the procurement limit also follow the procurement rules.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.6",
        article: "第六条",
        title: shown!(Text::new("须纳入年度拟实施项目清单", "Must be in the annual list")),
        clause: shown!("未纳入年度拟实施的项目原则上不予以安排资金，不得未批先建。"),
        when: Cond::And(&[Cond::Kinds(NOT_MAINTENANCE), Cond::Fact(InAnnualPlan, false)]),
        message: M6,
        level_by: Some(plan_level),
        detail: Some(plan_detail),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.9",
        article: "第九条",
        level: Level::Require,
        title: shown!(Text::new("与“数智楚雄”城市大脑对接", "Connect to the 数智楚雄 city brain")),
        clause: shown!("新旧系统均需严格落实公共数据有关要求，与“数智楚雄”州级城市大脑对接，实现数据共享，完善数据资源目录。"),
        when: Cond::Fact(ConnectedToCityBrain, false),
        message: Text::new(
            "系统尚未与“数智楚雄”州级城市大脑对接。第九条要求新旧系统均需严格落实对接、实现数据共享：请在方案中落实对接并完善数据资源目录。",
            "The system is not connected to the “数智楚雄” prefecture city brain. Art. 9 requires every new and old system to connect and share data: plan the connection and complete the data catalogue.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.11",
        article: "第十一条",
        level: Level::Info,
        title: shown!(Text::new("紧急项目可先建设后补手续", "Emergencies: build first, approve after")),
        clause: shown!("因处置突发事件，应对自然灾害、事故灾害、公共卫生事件、社会安全事件等紧急情况的项目，经州发展改革委(州数据局)报州政府分管领导同意后，可先建设再补齐项目审批手续。"),
        when: Cond::Emergency,
        message: Text::new(
            "处置突发事件等紧急情况的项目，经州发展改革委（州数据局）报州政府分管领导同意后，可先建设再补齐审批手续。请先取得同意，再开工。",
            "An emergency project may be built first and approved afterwards once the prefecture leader in charge consents through 州发展改革委（州数据局）. Obtain that consent before starting.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.14",
        article: "第十四条",
        title: shown!(Text::new("申报依据充分、目标和内容明确", "Sound grounds, clear goals and content")),
        clause: shown!("坚持必要、合理、节俭原则,要求项目申报依据充分、目标和内容明确、业务边界清晰、技术方案合理、业务与资源需求相适配,项目资金应构成清晰、明细详实、测算合理。"),
        when: Cond::Fact(NeedsClear, false),
        message: M14,
        level_by: Some(art15_level),
        detail: Some(|c, l| art15_message(c, l, M14)),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.15.1",
        article: "第十五条第（一）项",
        title: shown!(Text::new("共享数据、不重复采集", "Share data; no duplicate collection")),
        clause: shown!("政务信息化项目有以下情形的原则上不予审批(法律法规或上级管理部门有明确要求的除外)。(一)未按照要求共享数据资源或重复采集数据的项目。"),
        when: Cond::Or(&[Cond::Fact(DataShared, false), Cond::Fact(DuplicateDataCollection, true)]),
        message: M15_1,
        level_by: Some(art15_level),
        detail: Some(|c, l| art15_message(c, l, M15_1)),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.15.2",
        article: "第十五条第（二）项",
        title: shown!(Text::new("不得新建或扩建自有机房", "No own server room, cloud or data centre")),
        clause: shown!("(二)新建或扩建自有机房、云平台、数据中心的项目(确需保留且迫切需要更新的除外)。"),
        when: Cond::When(&Cond::Fact(NewOwnDatacenter, true), &Cond::Fact(DatacenterRenewalNeeded, false)),
        message: M15_2,
        level_by: Some(art15_level),
        detail: Some(|c, l| art15_message(c, l, M15_2)),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.15.3",
        article: "第十五条第（三）项",
        title: shown!(Text::new("专网须整合到电子政务外网", "Private networks merged into the extranet")),
        clause: shown!("(三)未按要求整合到电子政务外网的专网租赁项目。"),
        when: Cond::When(&Cond::Fact(PrivateNetworkLease, true), &Cond::Fact(PrivateNetworkIntegrated, false)),
        message: M15_3,
        level_by: Some(art15_level),
        detail: Some(|c, l| art15_message(c, l, M15_3)),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.15.4",
        article: "第十五条第（四）项",
        title: shown!(Text::new("须部署或迁移到政务云", "Deployed on the government cloud")),
        clause: shown!("(四)未按要求统一部署或迁移到政务云资源平台的项目。"),
        when: Cond::Fact(OnGovCloud, false),
        message: M15_4,
        level_by: Some(art15_level),
        detail: Some(|c, l| art15_message(c, l, M15_4)),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.15.5",
        article: "第十五条第（五）项",
        title: shown!(Text::new("须接入州级统建平台", "Connected to the unified platforms")),
        clause: shown!("(五)未按要求接入州级统建的“一网通办”“一网统管”等重大平台的项目。"),
        when: Cond::Fact(ConnectedToUnifiedPlatforms, false),
        message: M15_5,
        level_by: Some(art15_level),
        detail: Some(|c, l| art15_message(c, l, M15_5)),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.15.6",
        article: "第十五条第（六）项",
        title: shown!(Text::new("须落实信创产品应用", "Domestic trusted (信创) products")),
        clause: shown!("(六)未落实信创产品应用要求的项目。"),
        when: Cond::Fact(XinchuangCompliant, false),
        message: M15_6,
        level_by: Some(art15_level),
        detail: Some(|c, l| art15_message(c, l, M15_6)),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.15.7",
        article: "第十五条第（七）项",
        title: shown!(Text::new("安全、密码、IPv6 要求", "Security, cryptography and IPv6")),
        clause: shown!("(七)不符合网络安全、数据安全、商用密码应用安全和互联网协议第6版应用要求或存在重大安全隐患的项目。"),
        when: Cond::Or(&[
            Cond::Fact(SecurityPlan, false),
            Cond::Fact(CryptoPlan, false),
            Cond::Fact(Ipv6Compliant, false),
            Cond::Fact(MajorSecurityRisk, true),
        ]),
        message: M15_7,
        level_by: Some(art15_level),
        detail: Some(|c, l| art15_message(c, l, M15_7)),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.15.8",
        article: "第十五条第（八）项",
        title: shown!(Text::new("内部系统整合、电子文件管理", "Internal integration; electronic records")),
        clause: shown!("(八)内部系统整合不到位、电子文件管理要求落实不到位的项目。"),
        when: Cond::Or(&[Cond::Fact(IntegratedWithExisting, false), Cond::Fact(EDocumentManagement, false)]),
        message: M15_8,
        level_by: Some(art15_level),
        detail: Some(|c, l| art15_message(c, l, M15_8)),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.15.9",
        article: "第十五条第（九）项",
        title: shown!(Text::new("已上线系统须验收、绩效合格", "Systems in use accepted and evaluated")),
        clause: shown!("(九)已上线系统未按规范完成竣工验收的或绩效评估不合格且未按照要求完成问题整改的项目。"),
        when: Cond::Fact(PriorSystemsAccepted, false),
        message: M15_9,
        level_by: Some(art15_level),
        detail: Some(|c, l| art15_message(c, l, M15_9)),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.15.10",
        article: "第十五条第（十）项",
        title: shown!(Text::new("不得重复投资", "No repeated investment")),
        clause: shown!("(十)系统功能与现有系统重复,存在重复投资情形的。"),
        when: Cond::Fact(DuplicatesExistingSystem, true),
        message: M15_10,
        level_by: Some(art15_level),
        detail: Some(|c, l| art15_message(c, l, M15_10)),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.20",
        article: "第二十条",
        level: Level::Warn,
        title: shown!(Text::new("政务云、公共支撑由州统一采购", "Cloud and shared platforms are bought by the prefecture")),
        clause: shown!("项目所涉及的政务云资源、公共支撑能力等公共基础设施及服务,由州发展改革委(州数据局)统一采购。"),
        when: Cond::Fact(IncludesInfrastructure, true),
        message: Text::new(
            "项目含机房、网络、云平台、服务器等信息化基础设施。政务云资源、公共支撑能力等公共基础设施及服务由州发展改革委（州数据局）统一采购（第二十条）：请勿在本项目中自行采购，改向州发展改革委（州数据局）申请使用，并从预算中删去相应费用。",
            "The project includes IT infrastructure (server rooms, networks, cloud, servers). Government cloud resources and shared platforms are bought centrally by 州发展改革委（州数据局） (art. 20): do not buy them in this project — request them from the prefecture and remove their cost from the budget.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.18",
        article: "第十八条",
        level: Level::Require,
        title: shown!(Text::new("信息化部分与土建分别审批", "IT part approved apart from civil works")),
        clause: shown!("政务信息化项目中包含土建工程的或土建工程中包含政务信息化项目的,如信息化投资部分超过本办法规定限额的,应与土建部分分别进行审核和审批。其中,土建部分按照政府投资项目管理办法进行审批,信息化部分按照本办法进行审批。"),
        when: Cond::And(&[Cond::CivilWorks, Cond::Route(Route::Approval)]),
        message: Text::new(
            "项目包含土建工程且信息化投资达到审批限额：信息化部分按本办法报批，土建部分按政府投资项目管理办法另行审批。请分开编制和报送。",
            "The project includes civil works and its IT part reaches the approval limit: the IT part is approved under this regulation, the civil works under the government investment rules. Prepare and submit them separately.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.31",
        article: "第三十一条",
        title: shown!(Text::new("绩效不达标等不支持运维经费", "No O&M funds for failed or retired systems")),
        clause: shown!("对于项目绩效不达标,或该业务已经纳入上级统建平台,或因政策原因导致该系统须停止运行等情况,原则上不支持运维经费申请。"),
        when: Cond::And(&[
            Cond::Kinds(MAINTENANCE),
            Cond::Or(&[
                Cond::Fact(PerformancePassed, false),
                Cond::Fact(MovedToSuperiorPlatform, true),
                Cond::Fact(PolicyDiscontinued, true),
            ]),
        ]),
        message: Text::new(
            "项目绩效不达标、业务已纳入上级统建平台或因政策原因须停止运行，原则上不支持运维经费申请。请先完成绩效整改，或停止申请运维经费并迁移到上级平台；例外须经主管部门决定。",
            "Performance targets are not met, the business has moved to a higher-level platform, or the system must stop for policy reasons: in principle no O&M funds are granted. Remedy the performance first, or stop the application and move to the higher platform; an exception needs the authority's decision.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.31.deadline",
        article: "第三十一条",
        level: Level::Warn,
        title: shown!(Text::new("运维经费6月30日之前申请", "O&M funds: apply by 30 June")),
        clause: shown!("对已建项目运维经费实行年度集中申报管理,由使用部门于每年6月30日之前向本级发展改革委(局)(数据局)提出下一年度运维经费申请……"),
        when: Cond::And(&[Cond::Kinds(MAINTENANCE), Cond::LateAfter(6, 30)]),
        message: Text::new(
            "下一年度运维经费申请应于前一年6月30日之前提出，检查日期已过期限。请尽快提交申请并说明逾期原因。",
            "The O&M fund application for the next year was due by 30 June of the year before, and that date has passed. Submit it at once and explain the delay.",
        ),
        detail: Some(late_detail),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.32",
        article: "第三十二条",
        level: Level::Require,
        title: shown!(Text::new("须纳入运维计划项目库", "Must be in the O&M plan library")),
        clause: shown!("各级发展改革委(局)(数据局)对运维经费申请报告进行研究论证……编制下一年度项目运维计划,纳入项目库统一管理。未纳入运维计划项目库的项目,一律不安排经费预算。"),
        when: Cond::Kinds(MAINTENANCE),
        message: Text::new(
            "运维经费只对纳入运维计划项目库的项目安排预算：未纳入运维计划项目库的项目，一律不安排经费预算。请确认申请报告经论证后纳入下一年度运维计划。",
            "O&M funds are budgeted only for projects in the O&M plan library; nothing else is funded. Make sure the application is reviewed and entered in next year's O&M plan.",
        ),
        ..Rule::BASE
    },
    Rule {
        id: "chuxiong.23",
        article: "第二十三条",
        level: Level::Info,
        title: shown!(Text::new("监理可选：可委托第三方监理", "Supervision is optional: a third party may be engaged")),
        clause: shown!("根据实际需要可委托具有资质的第三方监理单位对项目实施进行监理。"),
        // `procedure.supervision_required` is `false` (no duty, contract §2); this says
        // what false means here: the unit decides (可委托), it is not "not needed".
        when: Cond::Always,
        message: Text::new(
            "工程监理可选：本办法不强制监理，建设单位可根据实际需要委托具有资质的第三方监理单位对项目实施进行监理（第二十三条）。请根据项目规模和复杂程度决定是否委托。",
            "Construction supervision is optional: this regulation does not require it, and the unit may engage a qualified third-party supervisor as the project needs (第二十三条). Decide by the project's size and complexity.",
        ),
        ..Rule::BASE
    },
];

#[cfg(test)]
mod tests {
    use crate::check_eligibility;
    use crate::date::Date;
    use crate::locale::Locale;
    use crate::model::{Application, Fact, Kind, Regime};
    use crate::money::Money;
    use crate::verdict::{Finding, Level, Route, Verdict};

    /// A clean project of `kind` and `total` 万元, checked on 2026-06-15.
    fn app(kind: Option<Kind>, total: Option<&str>) -> Application {
        let mut a = Application::new(Regime::CHUXIONG);
        a.as_of = Some(Date::ymd(2026, 6, 15));
        a.project.kind = kind;
        a.project.investment.total = total.map(|t| Money::parse(t).expect("valid money"));
        a.project.budget_year = Some(2027);
        for (f, v) in [
            (Fact::InAnnualPlan, true),
            (Fact::ConnectedToCityBrain, true),
            (Fact::NeedsClear, true),
            (Fact::IncludesInfrastructure, false),
            (Fact::DataShared, true),
            (Fact::DuplicateDataCollection, false),
            (Fact::NewOwnDatacenter, false),
            (Fact::PrivateNetworkLease, false),
            (Fact::OnGovCloud, true),
            (Fact::ConnectedToUnifiedPlatforms, true),
            (Fact::XinchuangCompliant, true),
            (Fact::SecurityPlan, true),
            (Fact::CryptoPlan, true),
            (Fact::Ipv6Compliant, true),
            (Fact::MajorSecurityRisk, false),
            (Fact::IntegratedWithExisting, true),
            (Fact::EDocumentManagement, true),
            (Fact::PriorSystemsAccepted, true),
            (Fact::DuplicatesExistingSystem, false),
            (Fact::PerformancePassed, true),
            (Fact::MovedToSuperiorPlatform, false),
            (Fact::PolicyDiscontinued, false),
        ] {
            a.facts = a.facts.with(f, v);
        }
        a
    }

    fn find<'a>(v: &'a Verdict, rule: &str) -> Option<&'a Finding> {
        v.findings.iter().find(|f| f.rule == rule)
    }

    #[test]
    fn om_deadline_is_30_june_before_the_budget_year() {
        let mut a = app(Some(Kind::Maintenance), Some("30"));
        let due = |a: &Application| {
            check_eligibility(a)
                .procedure
                .deadlines
                .iter()
                .map(|d| format!("{} {}", d.rule, d.due))
                .collect::<Vec<_>>()
        };
        assert_eq!(due(&a), ["chuxiong.31.deadline 2026-06-30"]);
        a.as_of = None;
        assert_eq!(
            due(&a),
            ["chuxiong.31.deadline 2026-06-30"],
            "listed without as_of too"
        );
        a.as_of = Some(Date::ymd(2026, 7, 1));
        let v = check_eligibility(&a);
        let late = find(&v, "chuxiong.31.deadline").expect("late");
        assert_eq!(late.level, Level::Warn);
        assert!(late.message.contains("2026-06-30"), "{}", late.message);
        a.project.budget_year = None;
        assert!(due(&a).is_empty());
        let v = check_eligibility(&a);
        let f = find(&v, "chuxiong.31.deadline").expect("asked");
        assert_eq!(
            (f.level, f.field.as_deref()),
            (Level::Missing, Some("/project/budget_year"))
        );
        assert!(due(&app(Some(Kind::Service), Some("30"))).is_empty());
    }

    #[test]
    fn article_15_blocks_unless_the_project_is_only_filed() {
        let level = |kind: Option<Kind>, total: Option<&str>| {
            let mut a = app(kind, total);
            a.facts = a.facts.with(Fact::OnGovCloud, false);
            let v = check_eligibility(&a);
            let f = find(&v, "chuxiong.15.4").expect("15.4 fires");
            (v.route, f.level, f.message.contains("提醒"))
        };
        assert_eq!(
            level(Some(Kind::New), Some("50")),
            (Route::Approval, Level::Block, false)
        );
        assert_eq!(
            level(Some(Kind::New), Some("49.999999")),
            (Route::Filing, Level::Warn, true)
        );
        assert_eq!(
            level(Some(Kind::Service), Some("20")),
            (Route::Approval, Level::Block, false)
        );
        assert_eq!(
            level(Some(Kind::Service), Some("19.999999")),
            (Route::Filing, Level::Warn, true)
        );
        assert_eq!(
            level(None, Some("30")),
            (Route::Undetermined, Level::Block, false)
        );
        assert_eq!(
            level(Some(Kind::New), None),
            (Route::Undetermined, Level::Block, false)
        );
    }

    #[test]
    fn the_route_asks_for_what_decides_it() {
        let missing = |a: &Application| {
            check_eligibility(a)
                .findings
                .iter()
                .filter(|f| f.level == Level::Missing)
                .map(|f| format!("{} {}", f.rule, f.field.as_deref().unwrap_or("")))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            missing(&app(Some(Kind::New), None)),
            ["chuxiong.16 /project/investment/total"]
        );
        assert_eq!(
            missing(&app(None, Some("30"))),
            ["chuxiong.16 /project/kind"]
        );
        // At 50 the route is approval whatever the kind; only art.32 still asks for it.
        assert_eq!(
            missing(&app(None, Some("50"))),
            ["chuxiong.32 /project/kind"]
        );
        let v = check_eligibility(&app(None, Some("30")));
        let f = find(&v, "chuxiong.16").expect("asked");
        assert_eq!(f.rules, ["chuxiong.16", "chuxiong.17", "chuxiong.32"]);
        assert_eq!(v.findings[0].rule, "chuxiong.16", "first after validity");
    }

    #[test]
    fn emergencies_soften_the_annual_plan() {
        let mut a = app(Some(Kind::New), Some("800"));
        a.facts = a.facts.with(Fact::InAnnualPlan, false);
        let v = check_eligibility(&a);
        let f = find(&v, "chuxiong.6").expect("6");
        assert_eq!(
            (f.level, f.field.as_deref()),
            (Level::Block, Some("/facts/in_annual_plan"))
        );
        a.project.emergency = true;
        a.locale = Locale::En;
        let v = check_eligibility(&a);
        let f = find(&v, "chuxiong.6").expect("6");
        assert_eq!(f.level, Level::Warn);
        assert!(f.message.contains("supplementary"), "{}", f.message);
        let order: Vec<_> = v.findings.iter().map(|f| f.rule).collect();
        assert_eq!(order, ["chuxiong.16", "chuxiong.6", "chuxiong.11", "chuxiong.23"]);
        // Revision 3: supervision is optional (第二十三条), said in words; the procedure
        // keeps contract §2's `false` (no duty).
        let f = find(&v, "chuxiong.23").expect("23");
        assert_eq!(f.level, Level::Info);
        assert!(f.message.contains("optional"), "{}", f.message);
        assert_eq!(v.procedure.supervision_required, Some(false));
    }

    #[test]
    fn guarded_questions_point_at_the_answer_at_fault() {
        let mut a = app(Some(Kind::New), Some("800"));
        a.facts = a
            .facts
            .with(Fact::NewOwnDatacenter, true)
            .with(Fact::DatacenterRenewalNeeded, false)
            .with(Fact::SecurityPlan, true)
            .with(Fact::Ipv6Compliant, false)
            .with(Fact::MajorSecurityRisk, true);
        let v = check_eligibility(&a);
        let field = |r: &str| find(&v, r).and_then(|f| f.field.as_deref());
        assert_eq!(
            field("chuxiong.15.2"),
            Some("/facts/datacenter_renewal_needed")
        );
        assert_eq!(field("chuxiong.15.7"), Some("/facts/ipv6_compliant"));
        assert_eq!(field("chuxiong.16"), None);
    }

    /// Revision 2: 第十四条 is leveled like 第十五条; 第二十条 cautions; 第九条 is a duty.
    #[test]
    fn revision_2_rules_14_20_and_9() {
        let at = |kind: Kind, total: &str, fact: Fact, v: bool| {
            let mut a = app(Some(kind), Some(total));
            a.facts = a.facts.with(fact, v);
            check_eligibility(&a)
        };
        // 14: block on approval (≥ 50 construction), warn on filing, missing when absent.
        for (total, level) in [
            ("50", Level::Block),
            ("49.999999", Level::Warn),
            ("50.000001", Level::Block),
        ] {
            let v = at(Kind::New, total, Fact::NeedsClear, false);
            let f = find(&v, "chuxiong.14").expect("14 fires");
            assert_eq!(
                (f.level, f.field.as_deref()),
                (level, Some("/facts/needs_clear")),
                "{total}"
            );
            assert_eq!(f.article, "第十四条");
        }
        assert!(find(&at(Kind::New, "80", Fact::NeedsClear, true), "chuxiong.14").is_none());
        let mut a = app(Some(Kind::New), Some("80"));
        a.facts.set(Fact::NeedsClear, None);
        let v = check_eligibility(&a);
        assert_eq!(
            find(&v, "chuxiong.14").map(|f| f.level),
            Some(Level::Missing)
        );
        // 20: warn whatever the route; absent → missing.
        for total in ["10", "80"] {
            let v = at(Kind::Maintenance, total, Fact::IncludesInfrastructure, true);
            let f = find(&v, "chuxiong.20").expect("20 fires");
            assert_eq!(f.level, Level::Warn);
            assert_eq!(f.field.as_deref(), Some("/facts/includes_infrastructure"));
        }
        assert!(find(
            &at(Kind::New, "80", Fact::IncludesInfrastructure, false),
            "chuxiong.20"
        )
        .is_none());
        // 9: require.
        let v = at(Kind::New, "80", Fact::ConnectedToCityBrain, false);
        assert_eq!(
            find(&v, "chuxiong.9").map(|f| f.level),
            Some(Level::Require)
        );
        assert_eq!(v.outcome.name(), "eligible", "a duty does not block");
    }
}
