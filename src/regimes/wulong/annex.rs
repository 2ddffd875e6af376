//! Wulong's annex 武隆区政务信息化项目申报范围及边界: the project classes ([`classify`],
//! shared by eligibility and the `project_class` check) and the fee boundary table — one
//! row per budget item, in the annex's order — and the item lookup (code, exact label,
//! synonyms) with suggestions for what is not found.

use crate::locale::{Locale, Text};
use crate::model::Kind;
use crate::money::Money;
use crate::names::named;
use crate::rules::{Cmp, Field, RuleInfo};
use crate::verdict::Level;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::sync::OnceLock;

/// How the annex is cited.
pub const ANNEX: &str = "附件《武隆区政务信息化项目申报范围及边界》";

/// The fee boundary table as messages name it.
pub const TABLE: Text = Text::new("《武隆区政务信息化项目申报范围及边界》", "Wulong's fee boundary table");

/// 升级改造金额在50万元以下 (以下 includes 50).
pub const UPGRADE_LIMIT: Money = Money::wan(50);

named! {
    /// The annex's project classes.
    pub enum Class {
        Construction = "construction", "建设项目", "construction project";
        Maintenance = "maintenance", "运行维护项目", "operation and maintenance project";
        Continuation = "continuation", "续建项目", "continuation project";
        Undetermined = "undetermined", "待定", "undetermined";
    }
}

/// The result of [`classify`]: the class (`None` while an answer is absent), the annex
/// rule that decides it, and the answers it waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// The class, or `None` when it depends on an absent answer.
    pub class: Option<Class>,
    /// The deciding rule, `wulong.annex.<…>`.
    pub rule: &'static str,
    /// Absent answers the class depends on.
    pub unanswered: Vec<Field>,
}

/// What the `project_class` answer says of a [`Classification`] of a project of `kind`:
/// the annex's own words for the class and the rule that decided it, or what it waits for.
pub fn message(r: &Classification, kind: Kind, locale: Locale) -> Cow<'static, str> {
    let zh = locale == Locale::Zh;
    match (r.class, r.rule) {
        (None, _) => {
            let what: Vec<&str> = r.unanswered.iter().map(|f| f.label(locale)).collect();
            Cow::Owned(if zh {
                format!("升级改造项目的类别取决于：{}。主体功能未改变且金额在 50 万元以下（含 50 万元）的按运行维护项目处理，否则纳入建设项目。请补充回答。", what.join("、"))
            } else {
                format!("The class of an upgrade depends on {}: with the main function unchanged and at most 50 万元 it is an O&M project, otherwise a construction project. Please answer.", what.join(" and "))
            })
        }
        (Some(_), "wulong.annex.hardware") => Cow::Borrowed(if zh {
            "仅购置计算、存储、网络、安全、终端等成品配套设备，对已有设备进行报废更替、扩容扩能，不涉及新建、改建、扩建信息系统，按运行维护项目处理。"
        } else {
            "Only finished equipment replaces or extends existing equipment, with no new or changed system: an O&M project."
        }),
        (Some(_), "wulong.annex.continuation") => Cow::Borrowed(if zh {
            "已取得项目批复、需跨年度开展建设并予以资金保障的，按续建项目管理；申报时请附原批复文件。"
        } else {
            "An approved project built across years with secured funds is a continuation project; attach the original approval."
        }),
        (Some(_), "wulong.annex.maintenance") => Cow::Borrowed(if zh {
            "为保障政务信息系统正常运行所开展的运行维护服务，按运行维护项目管理。"
        } else {
            "Services that keep a government system running are an O&M project."
        }),
        (Some(_), "wulong.annex.upgrade") => Cow::Borrowed(if zh {
            "升级改造未改变系统主体功能，且金额在 50 万元以下（含 50 万元），按运行维护项目处理，无需按建设项目审批。"
        } else {
            "The upgrade keeps the main function and costs at most 50 万元: it is handled as an O&M project, not approved as construction."
        }),
        _ if kind == Kind::Renovation => Cow::Borrowed(if zh {
            "升级改造改变了系统主体功能或金额超过 50 万元，纳入建设项目范围，须按建设项目申报审批。"
        } else {
            "The upgrade changes the main function or costs more than 50 万元: it is a construction project and needs approval as one."
        }),
        _ => Cow::Borrowed(if zh {
            "新建、扩建项目纳入建设项目范围，须按建设项目申报审批。"
        } else {
            "New builds and expansions are construction projects and need approval as such."
        }),
    }
}

/// Classifies a project (first match wins, as rules.md lists it). `kind` `None` or
/// `service` gives `class: None` with rule `wulong.annex.construction` only when the
/// kind is needed; callers decide what an absent or service kind means for them.
pub fn classify(
    kind: Option<Kind>,
    main_function_changed: Option<bool>,
    hardware_replacement_only: bool,
    amount: Option<Decimal>,
) -> Classification {
    let done = |class, rule| Classification {
        class: Some(class),
        rule,
        unanswered: Vec::new(),
    };
    if hardware_replacement_only {
        return done(Class::Maintenance, "wulong.annex.hardware");
    }
    match kind {
        Some(Kind::Continuation) => done(Class::Continuation, "wulong.annex.continuation"),
        Some(Kind::Maintenance) => done(Class::Maintenance, "wulong.annex.maintenance"),
        Some(Kind::New | Kind::Expansion) => done(Class::Construction, "wulong.annex.construction"),
        Some(Kind::Renovation) => {
            let over = amount.map(|a| Cmp::Gt.holds(a, UPGRADE_LIMIT.get()));
            match (main_function_changed, over) {
                (Some(true), _) | (_, Some(true)) => {
                    done(Class::Construction, "wulong.annex.construction")
                }
                (Some(false), Some(false)) => done(Class::Maintenance, "wulong.annex.upgrade"),
                (mfc, over) => Classification {
                    class: None,
                    rule: "wulong.annex.upgrade",
                    unanswered: [
                        mfc.is_none().then_some(Field::MainFunctionChanged),
                        over.is_none().then_some(Field::Total),
                    ]
                    .into_iter()
                    .flatten()
                    .collect(),
                },
            }
        }
        Some(Kind::Service) | None => Classification {
            class: None,
            rule: "wulong.annex.construction",
            unanswered: Vec::new(),
        },
    }
}

/// The annex's project-class rules: id, zh title, en title, clause.
const PROJECT_CLASS_RULES: &[(&str, &str, &str, &str)] = &[
    (
        "wulong.annex.hardware",
        "仅更替、扩容成品设备的按运行维护项目处理",
        "Replacing or extending finished equipment only is an O&M project",
        "不涉及新建、改建、扩建信息系统，仅购置计算、存储、网络、安全、终端等成品配套设备(资源)对已有软硬件设备(资源)进行简单报废更替、扩容扩能的项目。",
    ),
    (
        "wulong.annex.continuation",
        "续建项目",
        "Continuation project",
        "续建项目……已取得项目批复，需跨年度开展项目建设并予以资金保障的。",
    ),
    (
        "wulong.annex.maintenance",
        "运行维护项目",
        "Operation and maintenance project",
        "运行维护项目……为保障政务信息系统正常运行所开展的运行维护服务，包括应用系统、基础环境、网络平台、硬件平台、软件平台和数据运行维护等；",
    ),
    (
        "wulong.annex.upgrade",
        "主体功能未变且 50 万元以下的升级改造按运行维护项目处理",
        "An upgrade keeping the main function at up to 50 万元 is an O&M project",
        "对于升级改造项目，政务信息系统主体功能未发生改变且升级改造金额在 50 万元以下的，作为运行维护项目处理，否则纳入建设项目范围；",
    ),
    (
        "wulong.annex.construction",
        "建设项目（新建、改扩建）",
        "Construction project (new build, upgrade, expansion)",
        "新建、改扩建项目……包括政务信息系统的新建、改扩建等，以及项目所需的设计咨询、招标代理、工程监理、软件测评等……费用。",
    ),
];

/// The catalog rows of the fee boundary table and the project classes (Wulong's
/// `more_rules`).
pub fn catalog_rows(locale: Locale) -> Vec<RuleInfo> {
    let en = locale == Locale::En;
    let costs = COST_ITEMS.iter().map(|i| RuleInfo {
        id: i.rule,
        check: "cost",
        article: ANNEX,
        level: Level::Info,
        title: if en { i.title_en } else { i.label },
        clause: i.basis,
    });
    let classes = PROJECT_CLASS_RULES
        .iter()
        .map(|&(id, zh, en_title, clause)| RuleInfo {
            id,
            check: "project_class",
            article: ANNEX,
            level: Level::Info,
            title: if en { en_title } else { zh },
            clause,
        });
    costs.chain(classes).collect()
}



named! {
    /// The table's column for an item: 纳入, 不纳入, or included only under conditions.
    pub enum Treatment {
        Included = "included", "纳入信息化经费", "included in IT spending";
        Excluded = "excluded", "不纳入信息化经费", "not IT spending";
        Conditional = "conditional", "满足条件或经评估后纳入", "included only under conditions";
    }
}

named! {
    /// A condition the annex attaches to an item (an input bool under `conditions`).
    pub enum Condition {
        Assessed = "assessed", "经评估通过", "passed the evaluation";
        CloselyRelated = "closely_related", "与项目/系统紧密相关", "closely related to the project or system";
        DeployedOnSystem = "deployed_on_system", "部署在该业务系统", "deployed on that business system";
        GovernmentOwned = "government_owned", "资产归政务部门所有", "the asset is owned by the government department";
        SharedOrPublic = "shared_or_public", "提供跨部门共享或属于公共服务", "shared across departments or a public service";
        SpecialNeed = "special_need", "因特殊需要", "there is a special need";
        MobileTerminal = "mobile_terminal", "采用手机终端", "the terminal is a mobile phone";
    }
}

/// What an item needs to count as IT spending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Nothing: the treatment is the decision (`included` or `excluded`).
    Nothing,
    /// Every listed condition, in the annex's order.
    All(&'static [Condition]),
    /// 数据采集终端: a dedicated terminal is included; a mobile phone needs
    /// `closely_related` and `assessed`; `mobile_terminal` absent is asked first.
    Terminal,
}

/// The conditions a mobile phone terminal needs (数据采集终端).
pub const MOBILE_TERMINAL_NEEDS: &[Condition] = &[Condition::CloselyRelated, Condition::Assessed];

/// One row of the fee boundary table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CostItem {
    /// The item code (`camera`).
    pub code: &'static str,
    /// The rule id, `wulong.annex.<code>`.
    pub rule: &'static str,
    /// The exact Chinese label (`摄像头`).
    pub label: &'static str,
    /// A short English title.
    pub title_en: &'static str,
    /// Common names a form user types for this item (each unambiguous).
    pub synonyms: &'static [&'static str],
    /// The table's treatment.
    pub treatment: Treatment,
    /// The conditions for a `conditional` item.
    pub needs: Needs,
    /// The annex text the decision rests on: the 定义/范围 column, preceded by the item
    /// column when that names more than this item or adds a qualifier.
    pub basis: &'static str,
    /// What the applicant must also know about this item, if anything.
    pub note: Option<Text>,
}

use Condition::{
    Assessed, CloselyRelated, DeployedOnSystem, GovernmentOwned, SharedOrPublic, SpecialNeed,
};

const INCLUDED: &str = "纳入信息化经费。";
const ASSESSED_ONLY: &str = "经评估通过后可纳入信息化经费。";
const CONSTRUCTION_FEES: &str =
    "包括政务信息系统的新建、改扩建等，以及项目所需的设计咨询、招标代理、工程监理、软件测评等……费用。";
const OFFICE_EXCLUDED: &str = "办公耗材、办公设施更换、人员工资、差旅费、学习培训费、会议室升级改造、办公软件正版化等。不纳入信息化经费。";
const OM_SUPPLIES: &str =
    "购买、维护业务应用系统的备品备件、运行维护专用工具、服务台、专用车辆等。纳入信息化经费。";
const SECURITY: &str = "安全测评、安全整改。纳入信息化经费。";
const DATA_ASSETS: &str = "资产归政务部门所有,跟系统紧密相关,且提供跨部门共享或属于公共服务的,经评估通过后可纳入信息化经费。";
const SYSTEMS: &str = "履行政务职能业务系统及办公自动化系统、视频会议系统、楼宇智能化系统、人事系统、财务系统、公共服务网站等。纳入信息化经费。";
const DATA_NEEDS: &[Condition] = &[GovernmentOwned, CloselyRelated, SharedOrPublic, Assessed];

const CONSTRUCTION_NOTE: Option<Text> = Some(Text::new(
    "限新建、改扩建项目所需的此项费用。",
    "This holds for the fees a new build or an upgrade/expansion project needs.",
));
const OM_NOTE: Option<Text> = Some(Text::new(
    "限用于购买、维护业务应用系统。",
    "This holds when it serves buying or maintaining business application systems.",
));

macro_rules! items {
    ($( $code:literal, $label:literal, $en:literal, [$($syn:literal),* $(,)?],
        $treatment:ident, $needs:expr, $basis:expr, $note:expr; )*) => {
        /// Wulong's fee boundary table, one row per item, in the annex's order.
        pub const COST_ITEMS: &[CostItem] = &[$(CostItem {
            code: $code,
            rule: concat!("wulong.annex.", $code),
            label: $label,
            title_en: $en,
            synonyms: &[$($syn),*],
            treatment: Treatment::$treatment,
            needs: $needs,
            basis: $basis,
            note: $note,
        }),*];
    };
}

items! {
    "design_consulting", "设计咨询", "Design and consulting",
        ["设计咨询费", "设计费", "项目设计费", "咨询设计", "咨询设计费"],
        Included, Needs::Nothing, CONSTRUCTION_FEES, CONSTRUCTION_NOTE;
    "tendering_agency", "招标代理", "Tendering agency",
        ["招标代理费", "采购代理", "采购代理费", "招标代理服务"],
        Included, Needs::Nothing, CONSTRUCTION_FEES, CONSTRUCTION_NOTE;
    "project_supervision", "工程监理", "Project supervision",
        ["监理", "监理费", "工程监理费", "项目监理", "信息化监理", "信息工程监理"],
        Included, Needs::Nothing, CONSTRUCTION_FEES, CONSTRUCTION_NOTE;
    "software_testing", "软件测评", "Software testing",
        ["软件测评费", "软件测试", "软件检测", "第三方软件测评"],
        Included, Needs::Nothing, CONSTRUCTION_FEES, CONSTRUCTION_NOTE;
    "remote_sensing_equipment", "遥感设备", "Remote sensing equipment",
        ["遥感", "卫星遥感设备", "遥感器材"],
        Included, Needs::Nothing, INCLUDED, None;
    "sensor", "传感器", "Sensors",
        ["传感设备", "各类传感器"],
        Included, Needs::Nothing, INCLUDED, None;
    "camera", "摄像头", "Cameras",
        ["监控摄像头", "摄像机", "监控摄像机", "网络摄像机", "网络摄像头", "视频监控摄像头", "监控摄像设备"],
        Included, Needs::Nothing, INCLUDED, None;
    "rfid", "RFID", "RFID",
        ["射频识别", "RFID标签", "RFID读写器", "电子标签", "射频标签"],
        Included, Needs::Nothing, INCLUDED, None;
    "data_collection_terminal", "数据采集终端", "Data collection terminals",
        ["采集终端", "专用采集终端", "手持采集终端", "移动采集终端", "手机终端", "数据采集手机"],
        Conditional, Needs::Terminal,
        "专用采集终端纳入信息化经费。对采用手机终端的，确与实现系统功能紧密相关，经评估通过后，手机终端纳入信息化经费。",
        None;
    "other_sensing_device", "其他感知设备", "Other sensing devices",
        ["感知设备", "物联网感知设备", "物联感知设备", "物联网设备"],
        Conditional, Needs::All(&[Assessed]), "不纳入信息化经费。经评估通过后方可纳入信息化经费。", None;
    "computer", "电脑", "Computers",
        ["台式电脑", "笔记本电脑", "台式机", "笔记本", "计算机", "台式计算机", "便携式计算机",
         "个人电脑", "办公电脑", "PC", "一体机"],
        Conditional, Needs::All(&[CloselyRelated, Assessed]),
        "不纳入信息化经费，确与项目建设紧密相关的，经评估通过后可纳入信息化经费。", None;
    "office_consumables", "办公耗材", "Office consumables",
        ["耗材", "打印耗材", "硒鼓", "墨盒", "碳粉", "打印纸"],
        Excluded, Needs::Nothing, OFFICE_EXCLUDED, None;
    "office_facility_replacement", "办公设施更换", "Office facility replacement",
        ["办公设施", "办公家具", "办公桌椅", "办公设施购置"],
        Excluded, Needs::Nothing, OFFICE_EXCLUDED, None;
    "staff_salary", "人员工资", "Staff salaries",
        ["工资", "薪酬", "人员薪酬", "工资福利", "人员工资福利", "绩效工资"],
        Excluded, Needs::Nothing, OFFICE_EXCLUDED, None;
    "travel", "差旅费", "Travel",
        ["差旅", "出差费", "交通差旅费", "差旅住宿费"],
        Excluded, Needs::Nothing, OFFICE_EXCLUDED, None;
    "training_fee", "学习培训费", "Study and training fees",
        ["培训费", "学习培训", "学习费", "人员培训费", "外出培训费"],
        Excluded, Needs::Nothing, OFFICE_EXCLUDED, None;
    "meeting_room_upgrade", "会议室升级改造", "Meeting room upgrade",
        ["会议室改造", "会议室升级", "会议室装修", "会议室建设"],
        Excluded, Needs::Nothing, OFFICE_EXCLUDED, None;
    "office_software_licensing", "办公软件正版化", "Office software licensing",
        ["软件正版化", "正版化", "办公软件", "办公软件授权", "Office授权", "WPS授权"],
        Excluded, Needs::Nothing, OFFICE_EXCLUDED, None;
    "spare_parts", "备品备件", "Spare parts",
        ["备件", "备品", "备品备件费"],
        Included, Needs::Nothing, OM_SUPPLIES, OM_NOTE;
    "maintenance_tools", "运行维护专用工具", "Dedicated O&M tools",
        ["运维工具", "运维专用工具", "运行维护工具"],
        Included, Needs::Nothing, OM_SUPPLIES, OM_NOTE;
    "service_desk", "服务台", "Service desk",
        ["运维服务台", "IT服务台"],
        Included, Needs::Nothing, OM_SUPPLIES, OM_NOTE;
    "special_vehicle", "专用车辆", "Special-purpose vehicles",
        ["专用车", "运维车辆", "运维专用车辆"],
        Included, Needs::Nothing, OM_SUPPLIES, OM_NOTE;
    "gov_extranet", "政务外网", "Government extranet",
        ["电子政务外网", "政务外网线路", "政务外网租用"],
        Included, Needs::Nothing, INCLUDED, None;
    "gov_intranet", "政务内网", "Government intranet",
        ["电子政务内网", "政务内网线路"],
        Included, Needs::Nothing, INCLUDED, None;
    "internet", "互联网", "Internet",
        ["互联网接入", "互联网专线", "互联网线路", "互联网带宽", "宽带"],
        Included, Needs::Nothing, INCLUDED, None;
    "private_network", "业务专网", "Dedicated business network",
        ["专网", "部门专网", "行业专网", "业务专网线路"],
        Conditional, Needs::All(&[Assessed]), "经评估通过后暂可纳入信息化经费,后期逐步减少直至取消。",
        Some(Text::new(
            "业务专网经费只是暂可纳入，后期逐步减少直至取消，请规划向政务外网整合迁移。",
            "Dedicated networks are included only for now and will be phased out; plan the move to the government extranet.",
        ));
    "telephone_line", "电话线路", "Telephone lines",
        ["电话线", "电话费", "固定电话", "座机"],
        Excluded, Needs::Nothing, "不纳入信息化经费。", None;
    "server_storage", "服务器存储", "Servers and storage",
        ["服务器", "存储", "存储设备", "服务器及存储", "服务器和存储", "存储服务器", "磁盘阵列", "物理服务器"],
        Conditional, Needs::All(&[SpecialNeed, Assessed]), "因特殊需要, 经评估通过后可纳入信息化经费。",
        Some(Text::new(
            "非涉密项目原则上使用“武隆云”政务云资源（办法第十五条、第二十条），自购服务器存储须说明特殊需要。",
            "Non-classified projects use the “武隆云” government cloud (art. 15 and 20); buying servers or storage needs a stated special need.",
        ));
    "security_consulting", "安全咨询", "Security consulting",
        ["网络安全咨询", "信息安全咨询", "安全咨询服务"],
        Conditional, Needs::All(&[Assessed]), ASSESSED_ONLY, None;
    "security_testing", "安全测评", "Security testing",
        ["网络安全测评", "安全检测", "渗透测试", "密评", "密码测评", "密码应用安全性评估"],
        Included, Needs::Nothing, SECURITY, None;
    "security_remediation", "安全整改", "Security remediation",
        ["等保整改", "安全加固", "漏洞整改", "网络安全整改"],
        Included, Needs::Nothing, SECURITY, None;
    "lan", "局域网络", "Local area network",
        ["局域网", "LAN", "局域网建设"],
        Conditional, Needs::All(&[Assessed]), ASSESSED_ONLY, None;
    "server_room_environment", "机房环境", "Server room environment",
        ["机房", "机房物管费", "机房电费", "机房改造", "机房建设", "机房环境改造"],
        Conditional, Needs::All(&[Assessed]), "机房环境(如机房物管费、电费等)。经评估通过后可纳入信息化经费。",
        Some(Text::new(
            "机房环境包括机房物管费、电费等。",
            "This covers server room property fees, electricity and the like.",
        ));
    "cloud_rental", "租用云服务", "Cloud service rental",
        ["云服务租用", "云服务", "云租用", "云资源租用", "政务云", "政务云租用", "武隆云",
         "云服务器", "云主机", "云服务费", "上云"],
        Included, Needs::Nothing, INCLUDED, None;
    "basic_gov_data", "政务基础数据", "Basic government data",
        ["基础数据", "基础数据库", "政务基础数据库"],
        Included, Needs::Nothing, INCLUDED, None;
    "thematic_gov_data", "政务主题数据", "Thematic government data",
        ["主题数据", "主题数据库", "政务主题数据库"],
        Included, Needs::Nothing, INCLUDED, None;
    "platform_software_license", "虚拟化、数据库等正版软件授权", "Virtualization, database and similar licences",
        ["正版软件授权", "数据库授权", "数据库软件", "数据库", "虚拟化软件", "虚拟化授权", "中间件",
         "中间件授权", "操作系统授权", "基础软件授权"],
        Conditional, Needs::All(&[CloselyRelated, DeployedOnSystem]),
        "跟业务系统紧密相关,且部署在该业务系统的,纳入信息化经费。", None;
    "training_courseware", "培训类系统购买电子课件、课程", "Courseware and courses for training systems",
        ["电子课件", "课件", "培训课程", "网络课程", "在线课程", "电子课程"],
        Conditional, Needs::All(DATA_NEEDS), DATA_ASSETS, None;
    "data_collection", "数据采集", "Data collection",
        ["数据采集服务", "采集数据"],
        Conditional, Needs::All(DATA_NEEDS), DATA_ASSETS, None;
    "data_processing", "数据加工处理", "Data processing",
        ["数据加工", "数据处理", "数据治理", "数据清洗", "数据标注"],
        Conditional, Needs::All(DATA_NEEDS), DATA_ASSETS, None;
    "standards_drafting", "标准规范编制", "Drafting standards",
        ["标准规范", "标准编制", "规范编制", "标准制定"],
        Included, Needs::Nothing, INCLUDED, None;
    "mlps_assessment", "等级保护测评", "MLPS (等保) assessment",
        ["等保测评", "等保", "等级保护", "等级测评", "网络安全等级保护测评", "等保2.0测评"],
        Included, Needs::Nothing, INCLUDED, None;
    "system_testing", "系统测评", "System testing",
        ["系统测试", "系统检测", "验收测评"],
        Included, Needs::Nothing, INCLUDED, None;
    "business_system", "履行政务职能业务系统", "Business systems for government functions",
        ["业务系统", "业务应用系统", "政务业务系统", "业务系统开发", "业务系统建设"],
        Included, Needs::Nothing, SYSTEMS, None;
    "office_automation", "办公自动化系统", "Office automation system",
        ["办公自动化", "OA", "OA系统", "协同办公系统"],
        Included, Needs::Nothing, SYSTEMS, None;
    "video_conference", "视频会议系统", "Video conference system",
        ["视频会议", "视频会商系统", "视讯系统"],
        Included, Needs::Nothing, SYSTEMS, None;
    "building_intelligence", "楼宇智能化系统", "Building intelligence system",
        ["楼宇智能化", "智能楼宇", "智慧楼宇", "楼宇自控系统"],
        Included, Needs::Nothing, SYSTEMS, None;
    "hr_system", "人事系统", "HR system",
        ["人事管理系统", "人力资源系统", "人力资源管理系统", "人事信息系统"],
        Included, Needs::Nothing, SYSTEMS, None;
    "finance_system", "财务系统", "Finance system",
        ["财务管理系统", "财务软件", "会计核算系统"],
        Included, Needs::Nothing, SYSTEMS, None;
    "public_service_website", "公共服务网站", "Public service website",
        ["公共服务平台网站", "办事服务网站"],
        Included, Needs::Nothing, SYSTEMS, None;
    "promotion_content", "门户网站、公众号、app 等推广宣传及内容更新维护", "Promotion and content upkeep of portals, official accounts and apps",
        ["推广宣传", "宣传推广", "内容更新维护", "网站内容维护", "网站内容更新", "公众号运营",
         "新媒体运营", "app推广", "公众号推广"],
        Excluded, Needs::Nothing, "不纳入信息化经费。", None;
}

/// The comparison key of a name: full-width ASCII read as ASCII, ASCII lower case,
/// blanks, `_` and `-` dropped, trailing sentence punctuation dropped.
pub(crate) fn key(s: &str) -> String {
    let mut out: String = s.chars().filter_map(key_char).collect();
    while out.ends_with(is_trailing_punctuation) {
        out.pop();
    }
    out
}

/// Whether [`key`] of `s` is empty (nothing but blanks, `_`, `-` and sentence
/// punctuation), without building it.
pub(crate) fn key_is_empty(s: &str) -> bool {
    s.chars().filter_map(key_char).all(is_trailing_punctuation)
}

/// One character of a name as its key reads it (`None`: dropped).
fn key_char(c: char) -> Option<char> {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        c => c,
    };
    (!c.is_whitespace() && c != '_' && c != '-').then(|| c.to_ascii_lowercase())
}

fn is_trailing_punctuation(c: char) -> bool {
    matches!(c, '。' | '.' | '、' | ';' | '；' | ',' | '，')
}

/// Whether `given` is `item`'s code or label (up to [`key`]), not a synonym.
pub(crate) fn is_code_or_label(given: &str, item: &CostItem) -> bool {
    if given == item.code || given == item.label {
        return true;
    }
    let k = key(given);
    k == key(item.code) || k == key(item.label)
}

/// Every name of a row (code, label, synonyms) as lookup keys.
fn names(item: &CostItem) -> impl Iterator<Item = &'static str> {
    [item.code, item.label]
        .into_iter()
        .chain(item.synonyms.iter().copied())
}

/// Every name's key with its row, sorted by key for a binary search.
fn index() -> &'static [(String, usize)] {
    static INDEX: OnceLock<Vec<(String, usize)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut keys: Vec<(String, usize)> = COST_ITEMS
            .iter()
            .enumerate()
            .flat_map(|(i, item)| names(item).map(move |n| (key(n), i)))
            .collect();
        // Sorted by key, then row: of a repeated key the first row wins (the unit tests
        // prove no name is claimed twice).
        keys.sort_unstable();
        keys.dedup_by(|later, first| later.0 == first.0);
        keys
    })
}

/// Words a form user adds around an item's name: tried off once when the name alone is
/// not found (`监理费` → 监理, `采购摄像头` → 摄像头).
const SUFFIXES: &[&str] = &["费用", "经费", "费", "采购", "购置", "购买"];
const PREFIXES: &[&str] = &["采购", "购置", "购买", "新购"];

/// The row an item code, exact label or synonym names (blanks, case, full-width letters
/// and a trailing `。` do not matter; a trailing 费/费用/采购/购置 or a leading 采购/购置/购买/新购
/// is tried off when the whole is not found).
pub fn lookup_item(given: &str) -> Option<&'static CostItem> {
    // What a form sends (a code or label picked from the list) is found without building
    // and hashing a normalised key; the unit tests prove no name is claimed by two rows,
    // so this finds the row the index would.
    if let Some(item) = COST_ITEMS
        .iter()
        .find(|i| i.code == given || i.label == given)
    {
        return Some(item);
    }
    let idx = index();
    let k = key(given);
    let find = |s: &str| {
        (s.chars().count() >= 2)
            .then(|| idx.binary_search_by(|(k, _)| k.as_str().cmp(s)).ok())
            .flatten()
            .and_then(|at| idx.get(at))
            .and_then(|&(_, i)| COST_ITEMS.get(i))
    };
    if let Some(item) = find(&k) {
        return Some(item);
    }
    let strip_suffix = |s: &str| -> Option<String> {
        SUFFIXES
            .iter()
            .find_map(|x| s.strip_suffix(x))
            .map(str::to_string)
    };
    let strip_prefix = |s: &str| -> Option<String> {
        PREFIXES
            .iter()
            .find_map(|x| s.strip_prefix(x))
            .map(str::to_string)
    };
    let no_suffix = strip_suffix(&k);
    let no_prefix = strip_prefix(&k);
    let both = no_prefix.as_deref().and_then(strip_suffix);
    [no_suffix, no_prefix, both]
        .iter()
        .flatten()
        .find_map(|s| find(s))
}

/// The annex rows whose item column names several items (revision 2), each with the
/// codes of its items in the annex's order. The whole text of such a row is not one
/// budget line: it answers `unknown_item` with these codes first in the suggestions.
/// (A row that is itself one item, such as 虚拟化、数据库等正版软件授权, is not here: its
/// text is that item's label.)
pub const SEVERAL_ITEM_ROWS: &[(&str, &[&str])] = &[
    (
        "设计咨询、招标代理、工程监理、软件测评等费用",
        &["design_consulting", "tendering_agency", "project_supervision", "software_testing"],
    ),
    (
        "办公耗材、办公设施更换、人员工资、差旅费、学习培训费、会议室升级改造、办公软件正版化等",
        &[
            "office_consumables",
            "office_facility_replacement",
            "staff_salary",
            "travel",
            "training_fee",
            "meeting_room_upgrade",
            "office_software_licensing",
        ],
    ),
    (
        "购买、维护业务应用系统的备品备件、运行维护专用工具、服务台、专用车辆等",
        &["spare_parts", "maintenance_tools", "service_desk", "special_vehicle"],
    ),
    ("安全测评、安全整改", &["security_testing", "security_remediation"]),
    ("机房环境(如机房物管费、电费等)", &["server_room_environment"]),
    (
        "履行政务职能业务系统及办公自动化系统、视频会议系统、楼宇智能化系统、人事系统、财务系统、公共服务网站等",
        &[
            "business_system",
            "office_automation",
            "video_conference",
            "building_intelligence",
            "hr_system",
            "finance_system",
            "public_service_website",
        ],
    ),
];

/// A row text as [`several_items_row`] compares it: its [`key`] without a trailing
/// 费用 or 等 (the annex writes 等 at the end of most lists; applicants drop it).
fn row_key(s: &str) -> String {
    let mut k = key(s);
    for tail in ["费用", "等"] {
        if let Some(rest) = k.strip_suffix(tail) {
            k.truncate(rest.len());
        }
    }
    k
}

/// The item codes of the annex row whose whole text `given` is, when that row names
/// several items (blanks, full-width letters, a trailing 。, 等 or 费用 do not matter).
pub fn several_items_row(given: &str) -> Option<&'static [&'static str]> {
    let k = row_key(given);
    SEVERAL_ITEM_ROWS
        .iter()
        .find(|(text, _)| row_key(text) == k)
        .map(|&(_, codes)| codes)
}

/// Longest input (in characters) compared character by character for suggestions;
/// longer inputs are only searched for the names they contain.
const SUGGEST_FULL_CHARS: usize = 40;
// A given name compared in full fits the bit-parallel distance's word.
const _: () = assert!(SUGGEST_FULL_CHARS <= 64);
/// At most this many suggestions.
pub const MAX_SUGGESTIONS: usize = 5;
/// Suggestions are at least this similar (in thousandths).
const SUGGEST_MIN: u32 = 500;

/// A name of a row, prepared for comparison.
struct Candidate {
    item: usize,
    key: String,
    chars: Vec<char>,
    sorted: Vec<char>,
    pairs: Vec<(char, char)>,
    /// For the bit-parallel edit distance (names of at most 64 characters): each
    /// character with the positions where it stands, sorted by character.
    peq: Vec<(char, u64)>,
}

/// Each character of `chars` (at most 64) with the bit mask of its positions.
fn positions(chars: &[char]) -> Vec<(char, u64)> {
    let mut peq: Vec<(char, u64)> = Vec::new();
    for (i, &c) in chars.iter().enumerate().take(64) {
        match peq.binary_search_by_key(&c, |&(x, _)| x) {
            Ok(k) => {
                if let Some(e) = peq.get_mut(k) {
                    e.1 |= 1 << i;
                }
            }
            Err(k) => peq.insert(k, (c, 1 << i)),
        }
    }
    peq
}

/// The optimal string alignment distance between `text` and a name of at most 64
/// characters given by its `positions` and length `m`, computed a column of the
/// dynamic-programming table at a time in one machine word (Myers 1999, with Hyyrö's
/// 2003 transposition term): O(|text|) word operations instead of |text| × m cells.
fn osa_bits(text: &[char], peq: &[(char, u64)], m: usize) -> usize {
    if m == 0 {
        return text.len();
    }
    let mask = u64::MAX >> (64 - m);
    let msb = 1u64 << (m - 1);
    let eq = |c: char| {
        peq.binary_search_by_key(&c, |&(x, _)| x)
            .ok()
            .and_then(|k| peq.get(k))
            .map_or(0, |&(_, bits)| bits)
    };
    let (mut vp, mut vn, mut d0, mut prev) = (mask, 0u64, 0u64, 0u64);
    let mut score = m;
    for &c in text {
        let pm = eq(c);
        let tr = (((!d0) & pm) << 1) & prev;
        d0 = ((((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn | tr) & mask;
        let hp = (vn | !(d0 | vp)) & mask;
        let hn = vp & d0;
        if hp & msb != 0 {
            score += 1;
        } else if hn & msb != 0 {
            score -= 1;
        }
        let hp = ((hp << 1) | 1) & mask;
        let hn = (hn << 1) & mask;
        vp = (hn | !(d0 | hp)) & mask;
        vn = hp & d0;
        prev = pm;
    }
    score
}

fn sorted(chars: &[char]) -> Vec<char> {
    let mut v = chars.to_vec();
    v.sort_unstable();
    v
}

/// How many elements two sorted lists share (as multisets): characters, or pairs of
/// them.
fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The pairs of adjacent characters (at most 64), sorted: the Dice coefficient counts
/// the pairs two names share as multisets, which a merge of sorted lists finds.
fn pairs(chars: &[char]) -> Vec<(char, char)> {
    // Sorted by insertion (at most 64): no more sort code in the package.
    let mut p: Vec<(char, char)> = Vec::with_capacity(chars.len());
    for w in chars.windows(2).take(64) {
        if let (Some(&a), Some(&b)) = (w.first(), w.get(1)) {
            let at = p.partition_point(|&x| x < (a, b));
            p.insert(at, (a, b));
        }
    }
    p
}

fn candidates() -> &'static [Candidate] {
    static CANDIDATES: OnceLock<Vec<Candidate>> = OnceLock::new();
    CANDIDATES.get_or_init(|| {
        let mut out = Vec::new();
        for (i, item) in COST_ITEMS.iter().enumerate() {
            for n in names(item) {
                let key = key(n);
                let chars: Vec<char> = key.chars().collect();
                if !chars.is_empty() {
                    out.push(Candidate {
                        item: i,
                        pairs: pairs(&chars),
                        sorted: sorted(&chars),
                        peq: positions(&chars),
                        chars,
                        key,
                    });
                }
            }
        }
        out
    })
}

/// The item codes closest to an unknown item, best first (at most
/// [`MAX_SUGGESTIONS`]; empty when nothing is close).
pub fn suggest_items(given: &str) -> Vec<&'static str> {
    let gs = key(given);
    let g: Vec<char> = gs.chars().collect();
    if g.is_empty() {
        return Vec::new();
    }
    let full = g.len() <= SUGGEST_FULL_CHARS;
    let gp = if full { pairs(&g) } else { Vec::new() };
    let gsorted = if full { sorted(&g) } else { Vec::new() };
    // The given name as the pattern of the bit-parallel distance, for a table name
    // longer than a word (the distance is symmetric; in full mode `g` fits one).
    let gpeq = if full { positions(&g) } else { Vec::new() };
    let mut best = vec![0u32; COST_ITEMS.len()];
    for c in candidates() {
        let mut s = 0;
        let (short, long) = (g.len().min(c.chars.len()), g.len().max(c.chars.len()));
        if short >= 2 && (gs.contains(&c.key) || c.key.contains(&gs)) {
            s = 600 + thousandths(short * 400, long * 1000).min(400);
        }
        // Neither similarity can reach the bar when one name is much longer than the
        // other: the edit distance is at least `long - short`, and the shared pairs at
        // most the shorter name's. Skipping them changes no suggestion (a score under the
        // bar never counts) and bounds the search for a long unknown item to the
        // substring test.
        if full && reachable(short, long) {
            // The edit distance is at least `long - common`, and the shared pairs at most
            // `common` (each pair starts at a character both names have): when too few
            // characters are shared, neither can reach the bar.
            let shared = common(&gsorted, &c.sorted);
            if shared * 2 >= long {
                let d = if c.chars.len() <= 64 {
                    osa_bits(&g, &c.peq, c.chars.len())
                } else {
                    osa_bits(&c.chars, &gpeq, g.len())
                };
                s = s.max(1000u32.saturating_sub(thousandths(d, long)));
            }
            if thousandths(2 * shared, (short + long).saturating_sub(2)) >= SUGGEST_MIN {
                s = s.max(dice(&gp, &c.pairs));
            }
        }
        if let Some(b) = best.get_mut(c.item) {
            *b = (*b).max(s);
        }
    }
    let mut scored: Vec<(u32, usize)> = best
        .iter()
        .enumerate()
        .filter(|(_, &s)| s >= SUGGEST_MIN)
        .map(|(i, &s)| (s, i))
        .collect();
    // Best first; ties in the annex's order.
    // (score, row) pairs are unique: an unstable sort gives the one order.
    scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .iter()
        .take(MAX_SUGGESTIONS)
        .filter_map(|&(_, i)| COST_ITEMS.get(i).map(|it| it.code))
        .collect()
}

/// Whether a name of `short` characters and one of `long` can score [`SUGGEST_MIN`] by
/// edit distance (at least `long - short` edits) or by shared pairs (at most
/// `short - 1` of them).
fn reachable(short: usize, long: usize) -> bool {
    1000u32.saturating_sub(thousandths(long - short, long)) >= SUGGEST_MIN
        || thousandths(2 * short.saturating_sub(1), (short + long).saturating_sub(2))
            >= SUGGEST_MIN
}

fn thousandths(num: usize, den: usize) -> u32 {
    u32::try_from(num.saturating_mul(1000) / den.max(1)).unwrap_or(u32::MAX)
}

/// Reusable rows for the optimal string alignment distance (edits and adjacent
/// transpositions), cell by cell: the reference `osa_bits` is tested against.
#[cfg(test)]
#[derive(Default)]
struct OsaRows {
    two_up: Vec<usize>,
    up: Vec<usize>,
    cur: Vec<usize>,
}

#[cfg(test)]
impl OsaRows {
    fn distance(&mut self, a: &[char], b: &[char]) -> usize {
        let w = b.len() + 1;
        self.two_up.clear();
        self.two_up.resize(w, 0);
        self.up.clear();
        self.up.extend(0..w);
        self.cur.clear();
        self.cur.resize(w, 0);
        for (i, ca) in a.iter().enumerate() {
            if let Some(x) = self.cur.first_mut() {
                *x = i + 1;
            }
            for (j, cb) in b.iter().enumerate() {
                let at = |row: &[usize], k: usize| row.get(k).copied().unwrap_or(usize::MAX / 2);
                let cost = usize::from(ca != cb);
                let mut v = (at(&self.up, j + 1) + 1)
                    .min(at(&self.cur, j) + 1)
                    .min(at(&self.up, j) + cost);
                if i > 0
                    && j > 0
                    && ca != cb
                    && a.get(i - 1) == Some(cb)
                    && b.get(j - 1) == Some(ca)
                {
                    v = v.min(at(&self.two_up, j - 1) + 1);
                }
                if let Some(x) = self.cur.get_mut(j + 1) {
                    *x = v;
                }
            }
            std::mem::swap(&mut self.two_up, &mut self.up);
            std::mem::swap(&mut self.up, &mut self.cur);
        }
        self.up.get(b.len()).copied().unwrap_or(usize::MAX / 2)
    }
}

/// Dice coefficient of two sorted lists of character pairs, in thousandths.
fn dice(a: &[(char, char)], b: &[(char, char)]) -> u32 {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    thousandths(common(a, b) * 2, a.len() + b.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    #[test]
    fn fifty_one_rows_in_annex_order_with_unique_codes() {
        assert_eq!(COST_ITEMS.len(), 51);
        let codes: Vec<&str> = COST_ITEMS.iter().map(|i| i.code).collect();
        assert_eq!(codes.first(), Some(&"design_consulting"));
        assert_eq!(codes.get(8), Some(&"data_collection_terminal"));
        assert_eq!(codes.get(26), Some(&"telephone_line"));
        assert_eq!(codes.last(), Some(&"promotion_content"));
        assert_eq!(codes.iter().collect::<HashSet<_>>().len(), 51);
        // The annex's order is the order of the labels in the annex text.
        let annex = "设计咨询 招标代理 工程监理 软件测评 遥感设备 传感器 摄像头 RFID 数据采集终端 其他感知设备 电脑 办公耗材 办公设施更换 人员工资 差旅费 学习培训费 会议室升级改造 办公软件正版化 备品备件 运行维护专用工具 服务台 专用车辆 政务外网 政务内网 互联网 业务专网 电话线路 服务器存储 安全咨询 安全测评 安全整改 局域网络 机房环境 租用云服务 政务基础数据 政务主题数据 虚拟化、数据库等正版软件授权 培训类系统购买电子课件、课程 数据采集 数据加工处理 标准规范编制 等级保护测评 系统测评 履行政务职能业务系统 办公自动化系统 视频会议系统 楼宇智能化系统 人事系统 财务系统 公共服务网站";
        let mut labels: Vec<&str> = annex.split(' ').collect();
        labels.push("门户网站、公众号、app 等推广宣传及内容更新维护");
        let ours: Vec<&str> = COST_ITEMS.iter().map(|i| i.label).collect();
        assert_eq!(ours, labels);
    }

    #[test]
    fn rows_are_consistent() {
        for item in COST_ITEMS {
            assert_eq!(item.rule, format!("wulong.annex.{}", item.code));
            assert_eq!(
                item.treatment == Treatment::Conditional,
                item.needs != Needs::Nothing,
                "{}",
                item.code
            );
            assert!(item.basis.ends_with('。'), "{}", item.code);
            match item.treatment {
                Treatment::Included => assert!(
                    item.basis.ends_with("纳入信息化经费。") || item.basis == CONSTRUCTION_FEES
                ),
                Treatment::Excluded => assert!(item.basis.ends_with("不纳入信息化经费。")),
                Treatment::Conditional => {
                    assert!(item.basis.contains("紧密相关") || item.basis.contains("评估"))
                }
            }
        }
        // The basis quotes the annex, kept beside the rules (the annex splits 软件测评等 |
        // 费用 across two tables: the basis marks the break with ……). tests/clauses.rs
        // holds every clause of the catalog to the text, strictly.
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/regimes/wulong/text.txt");
        let annex = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let flat: String = annex.chars().filter(|c| !c.is_whitespace()).collect();
        for item in COST_ITEMS {
            let basis: String = item.basis.chars().filter(|c| !c.is_whitespace()).collect();
            for part in basis.split(['。', '…']).filter(|p| !p.is_empty()) {
                assert!(flat.contains(part), "{}: {part}", item.code);
            }
        }
        assert_eq!(
            COST_ITEMS
                .iter()
                .find(|i| i.code == "camera")
                .map(|i| i.basis),
            Some("纳入信息化经费。")
        );
    }

    #[test]
    fn every_name_resolves_to_exactly_its_row() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for item in COST_ITEMS {
            for n in names(item) {
                let k = key(n);
                assert!(k.chars().count() >= 2, "{n} is too short to look up");
                if let Some(other) = seen.insert(k.clone(), item.code) {
                    // `rfid` and `RFID` are the same key of one row.
                    assert_eq!(other, item.code, "{n} names both {other} and {}", item.code);
                }
                assert_eq!(lookup_item(n).map(|i| i.code), Some(item.code), "{n}");
                // A name with a tried-off word must not name another row without it.
                for x in SUFFIXES {
                    if let Some(rest) = k.strip_suffix(x) {
                        let other = seen.get(rest).copied();
                        assert!(other.is_none() || other == Some(item.code), "{n}");
                    }
                }
            }
        }
        for item in COST_ITEMS {
            for n in names(item) {
                let k = key(n);
                for x in SUFFIXES {
                    if let Some(rest) = k.strip_suffix(x) {
                        let other = lookup_item(rest).map(|i| i.code);
                        assert!(other.is_none() || other == Some(item.code), "{n} vs {rest}");
                    }
                }
            }
        }
    }

    #[test]
    fn lookup_is_lenient_about_form_noise() {
        let code = |s: &str| lookup_item(s).map(|i| i.code);
        assert_eq!(code("摄像头"), Some("camera"));
        assert_eq!(code("  摄像头。"), Some("camera"));
        assert_eq!(code("CAMERA"), Some("camera"));
        assert_eq!(code("server-storage"), Some("server_storage"));
        assert_eq!(code("ｒｆｉｄ"), Some("rfid"));
        assert_eq!(code("监理费"), Some("project_supervision"));
        assert_eq!(code("采购监控摄像头"), Some("camera"));
        assert_eq!(code("云服务租用"), Some("cloud_rental"));
        assert_eq!(code("等保测评"), Some("mlps_assessment"));
        assert_eq!(
            code("门户网站、公众号、app等推广宣传及内容更新维护"),
            Some("promotion_content")
        );
        assert_eq!(
            code("虚拟化、数据库等正版软件授权"),
            Some("platform_software_license")
        );
        assert_eq!(code("费"), None);
        assert_eq!(code(""), None);
        assert_eq!(code("quantum_computer"), None);
    }

    /// The bit-parallel edit distance is the table's, on every length up to 64 and on
    /// strings with transpositions, repeats and shared characters.
    #[test]
    fn bit_parallel_distance_is_the_tables() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        let alphabet: Vec<char> = "abc政务云".chars().collect();
        let mut rows = OsaRows::default();
        for round in 0..20_000 {
            let m = (round % 65) as usize;
            let pattern: Vec<char> = (0..m).map(|_| alphabet[next(6) as usize]).collect();
            let mut text: Vec<char> = if next(2) == 0 {
                pattern.clone()
            } else {
                (0..next(50)).map(|_| alphabet[next(6) as usize]).collect()
            };
            // A few edits and swaps of a copy: the distances that matter for suggestions.
            for _ in 0..next(4) {
                if text.len() > 1 {
                    let i = next(text.len() as u64 - 1) as usize;
                    match next(3) {
                        0 => text.swap(i, i + 1),
                        1 => {
                            text.remove(i);
                        }
                        _ => text.insert(i, alphabet[next(6) as usize]),
                    }
                }
            }
            let d = rows.distance(&text, &pattern);
            assert_eq!(osa_bits(&text, &positions(&pattern), m), d, "{text:?} {pattern:?}");
            // Either name can be the pattern: the distance is symmetric.
            if text.len() <= 64 {
                assert_eq!(osa_bits(&pattern, &positions(&text), text.len()), d);
            }
        }
    }

    #[test]
    fn suggestions_for_typos() {
        assert_eq!(suggest_items("camra").first(), Some(&"camera"));
        assert_eq!(
            suggest_items("serverstorage").first(),
            Some(&"server_storage")
        );
        assert_eq!(suggest_items("服务器").first(), Some(&"server_storage"));
        assert_eq!(suggest_items("服务器存贮").first(), Some(&"server_storage"));
        assert_eq!(suggest_items("摄象头").first(), Some(&"camera"));
        assert_eq!(suggest_items("quantum_computer").first(), Some(&"computer"));
        assert_eq!(suggest_items("云计算服务").first(), Some(&"cloud_rental"));
        assert!(suggest_items("rfdi").contains(&"rfid"));
        assert!(suggest_items("xyzzy").is_empty());
        assert!(suggest_items("").is_empty());
        assert!(suggest_items("咖啡机").is_empty());
        // A long description is searched for the names it contains.
        let long =
            "为满足本单位日常监管需要拟在各路口安装一批高清监控摄像头并配套建设存储与传输链路工程";
        assert!(suggest_items(long).contains(&"camera"));
        assert!(suggest_items(&"摄".repeat(500)).len() <= MAX_SUGGESTIONS);
    }
}
