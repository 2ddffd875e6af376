//! Wulong's annex 武隆区政务信息化项目申报范围及边界: the project classes ([`classify`],
//! shared by eligibility and the `project_class` check, [`CLASSES`]) and the fee
//! boundary table ([`FEES`]) — one row per budget item, in the annex's order — as data
//! for the rules layer's fee-table engine (`rules::fees`).

use crate::locale::{en_format, shown, English, Locale, Text};
use crate::model::Kind;
use crate::money::Money;
use crate::rules::classes::{Class, Classification, ProjectClasses};
use crate::rules::fees::{reading, Branch, Condition, FeeRow, FeeTable, Needs, Switch, Treatment};
use crate::rules::{Cmp, Field};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// How the annex is cited.
pub const ANNEX: &str = "附件《武隆区政务信息化项目申报范围及边界》";

/// The fee boundary table as messages name it.
pub const TABLE: Text = Text::new("《武隆区政务信息化项目申报范围及边界》", "Wulong's fee boundary table");

/// 升级改造金额在50万元以下 (以下 includes 50).
pub const UPGRADE_LIMIT: Money = Money::wan(50);

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
                en_format!("The class of an upgrade depends on {arg0}: with the main function unchanged and at most 50 万元 it is an O&M project, otherwise a construction project. Please answer.", arg0 = what.join(" and "))
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

/// The annex's project classes, for the `project_class` check.
pub static CLASSES: ProjectClasses = ProjectClasses {
    classify,
    message,
    article: ANNEX,
    rules: shown!(PROJECT_CLASS_RULES),
};

/// The annex's conditions (an input bool under `conditions` each), in the order a form
/// asks them.
pub const ASSESSED: Condition = Condition::new(crate::rules::fees::ASSESSED, Text::new("经评估通过", "passed the evaluation"));
/// 与项目/系统紧密相关.
pub const CLOSELY_RELATED: Condition = Condition::new("closely_related", Text::new("与项目/系统紧密相关", "closely related to the project or system"));
/// 部署在该业务系统.
pub const DEPLOYED_ON_SYSTEM: Condition = Condition::new("deployed_on_system", Text::new("部署在该业务系统", "deployed on that business system"));
/// 资产归政务部门所有.
pub const GOVERNMENT_OWNED: Condition = Condition::new("government_owned", Text::new("资产归政务部门所有", "the asset is owned by the government department"));
/// 提供跨部门共享或属于公共服务.
pub const SHARED_OR_PUBLIC: Condition = Condition::new("shared_or_public", Text::new("提供跨部门共享或属于公共服务", "shared across departments or a public service"));
/// 因特殊需要.
pub const SPECIAL_NEED: Condition = Condition::new("special_need", Text::new("因特殊需要", "there is a special need"));
/// 采用手机终端 (数据采集终端 only).
pub const MOBILE_TERMINAL: Condition = Condition::new("mobile_terminal", Text::new("采用手机终端", "the terminal is a mobile phone"));

const CONDITIONS: &[Condition] = &[
    ASSESSED,
    CLOSELY_RELATED,
    DEPLOYED_ON_SYSTEM,
    GOVERNMENT_OWNED,
    SHARED_OR_PUBLIC,
    SPECIAL_NEED,
    MOBILE_TERMINAL,
];

/// 数据采集终端: a dedicated terminal is included; a mobile phone needs
/// `closely_related` and `assessed`; `mobile_terminal` absent is asked first.
static TERMINAL: Switch = Switch {
    on: MOBILE_TERMINAL,
    off: Branch {
        needs: &[],
        subject: Text::new("", ""),
        met: Text::new(
            "为专用采集终端，纳入信息化经费，可列入项目预算。",
            " is a dedicated collection terminal: it counts as IT spending and may stay in the project budget.",
        ),
    },
    on_true: Branch {
        needs: &[CLOSELY_RELATED, ASSESSED],
        subject: Text::new("（手机终端）", ", a mobile phone"),
        met: Text::new("", ""),
    },
    ask: Text::new(
        "：专用采集终端纳入信息化经费；采用手机终端的，须确与实现系统功能紧密相关并经评估通过后方可纳入。请回答是否采用手机终端。",
        ": a dedicated collection terminal counts as IT spending; a mobile phone counts only when closely related to the system's functions and after passing the evaluation. Answer whether the terminal is a mobile phone.",
    ),
};

/// The fee boundary table.
pub static FEES: FeeTable = FeeTable::new(
    TABLE,
    Text::new("《申报范围及边界》", "the annex"),
    ANNEX,
    CONDITIONS,
    COST_ITEMS,
    SEVERAL_ITEM_ROWS,
    reading!(include_str!("reading.txt")),
);


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
const DATA_NEEDS: &[Condition] = &[GOVERNMENT_OWNED, CLOSELY_RELATED, SHARED_OR_PUBLIC, ASSESSED];

const CONSTRUCTION_NOTE: Option<Text> = Some(Text::new(
    "限新建、改扩建项目所需的此项费用。",
    "This holds for the fees a new build or an upgrade/expansion project needs.",
));
const OM_NOTE: Option<Text> = Some(Text::new(
    "限用于购买、维护业务应用系统。",
    "This holds when it serves buying or maintaining business application systems.",
));

macro_rules! items {
    ($( $code:literal, $label:literal, $en:expr,
        $treatment:ident, $needs:expr, $basis:expr, $note:expr; )*) => {
        /// Wulong's fee boundary table, one row per item, in the annex's order.
        pub const COST_ITEMS: &[FeeRow] = &[$(FeeRow {
            code: $code,
            rule: concat!("wulong.annex.", $code),
            label: $label,
            title_en: $en,
            treatment: Treatment::$treatment,
            needs: $needs,
            basis: $basis,
            note: $note,
        }),*];
    };
}

items! {
    "design_consulting", "设计咨询", English::new("Design and consulting"),
        Included, Needs::Nothing, CONSTRUCTION_FEES, CONSTRUCTION_NOTE;
    "tendering_agency", "招标代理", English::new("Tendering agency"),
        Included, Needs::Nothing, CONSTRUCTION_FEES, CONSTRUCTION_NOTE;
    "project_supervision", "工程监理", English::new("Project supervision"),
        Included, Needs::Nothing, CONSTRUCTION_FEES, CONSTRUCTION_NOTE;
    "software_testing", "软件测评", English::new("Software testing"),
        Included, Needs::Nothing, CONSTRUCTION_FEES, CONSTRUCTION_NOTE;
    "remote_sensing_equipment", "遥感设备", English::new("Remote sensing equipment"),
        Included, Needs::Nothing, INCLUDED, None;
    "sensor", "传感器", English::new("Sensors"),
        Included, Needs::Nothing, INCLUDED, None;
    "camera", "摄像头", English::new("Cameras"),
        Included, Needs::Nothing, INCLUDED, None;
    "rfid", "RFID", English::new("RFID"),
        Included, Needs::Nothing, INCLUDED, None;
    "data_collection_terminal", "数据采集终端", English::new("Data collection terminals"),
        Conditional, Needs::Switch(&TERMINAL),
        "专用采集终端纳入信息化经费。对采用手机终端的，确与实现系统功能紧密相关，经评估通过后，手机终端纳入信息化经费。",
        None;
    "other_sensing_device", "其他感知设备", English::new("Other sensing devices"),
        Conditional, Needs::All(&[ASSESSED]), "不纳入信息化经费。经评估通过后方可纳入信息化经费。", None;
    "computer", "电脑", English::new("Computers"),
        Conditional, Needs::All(&[CLOSELY_RELATED, ASSESSED]),
        "不纳入信息化经费，确与项目建设紧密相关的，经评估通过后可纳入信息化经费。", None;
    "office_consumables", "办公耗材", English::new("Office consumables"),
        Excluded, Needs::Nothing, OFFICE_EXCLUDED, None;
    "office_facility_replacement", "办公设施更换", English::new("Office facility replacement"),
        Excluded, Needs::Nothing, OFFICE_EXCLUDED, None;
    "staff_salary", "人员工资", English::new("Staff salaries"),
        Excluded, Needs::Nothing, OFFICE_EXCLUDED, None;
    "travel", "差旅费", English::new("Travel"),
        Excluded, Needs::Nothing, OFFICE_EXCLUDED, None;
    "training_fee", "学习培训费", English::new("Study and training fees"),
        Excluded, Needs::Nothing, OFFICE_EXCLUDED, None;
    "meeting_room_upgrade", "会议室升级改造", English::new("Meeting room upgrade"),
        Excluded, Needs::Nothing, OFFICE_EXCLUDED, None;
    "office_software_licensing", "办公软件正版化", English::new("Office software licensing"),
        Excluded, Needs::Nothing, OFFICE_EXCLUDED, None;
    "spare_parts", "备品备件", English::new("Spare parts"),
        Included, Needs::Nothing, OM_SUPPLIES, OM_NOTE;
    "maintenance_tools", "运行维护专用工具", English::new("Dedicated O&M tools"),
        Included, Needs::Nothing, OM_SUPPLIES, OM_NOTE;
    "service_desk", "服务台", English::new("Service desk"),
        Included, Needs::Nothing, OM_SUPPLIES, OM_NOTE;
    "special_vehicle", "专用车辆", English::new("Special-purpose vehicles"),
        Included, Needs::Nothing, OM_SUPPLIES, OM_NOTE;
    "gov_extranet", "政务外网", English::new("Government extranet"),
        Included, Needs::Nothing, INCLUDED, None;
    "gov_intranet", "政务内网", English::new("Government intranet"),
        Included, Needs::Nothing, INCLUDED, None;
    "internet", "互联网", English::new("Internet"),
        Included, Needs::Nothing, INCLUDED, None;
    "private_network", "业务专网", English::new("Dedicated business network"),
        Conditional, Needs::All(&[ASSESSED]), "经评估通过后暂可纳入信息化经费,后期逐步减少直至取消。",
        Some(Text::new(
            "业务专网经费只是暂可纳入，后期逐步减少直至取消，请规划向政务外网整合迁移。",
            "Dedicated networks are included only for now and will be phased out; plan the move to the government extranet.",
        ));
    "telephone_line", "电话线路", English::new("Telephone lines"),
        Excluded, Needs::Nothing, "不纳入信息化经费。", None;
    "server_storage", "服务器存储", English::new("Servers and storage"),
        Conditional, Needs::All(&[SPECIAL_NEED, ASSESSED]), "因特殊需要, 经评估通过后可纳入信息化经费。",
        Some(Text::new(
            "非涉密项目原则上使用“武隆云”政务云资源（办法第十五条、第二十条），自购服务器存储须说明特殊需要。",
            "Non-classified projects use the “武隆云” government cloud (art. 15 and 20); buying servers or storage needs a stated special need.",
        ));
    "security_consulting", "安全咨询", English::new("Security consulting"),
        Conditional, Needs::All(&[ASSESSED]), ASSESSED_ONLY, None;
    "security_testing", "安全测评", English::new("Security testing"),
        Included, Needs::Nothing, SECURITY, None;
    "security_remediation", "安全整改", English::new("Security remediation"),
        Included, Needs::Nothing, SECURITY, None;
    "lan", "局域网络", English::new("Local area network"),
        Conditional, Needs::All(&[ASSESSED]), ASSESSED_ONLY, None;
    "server_room_environment", "机房环境", English::new("Server room environment"),
        Conditional, Needs::All(&[ASSESSED]), "机房环境(如机房物管费、电费等)。经评估通过后可纳入信息化经费。",
        Some(Text::new(
            "机房环境包括机房物管费、电费等。",
            "This covers server room property fees, electricity and the like.",
        ));
    "cloud_rental", "租用云服务", English::new("Cloud service rental"),
        Included, Needs::Nothing, INCLUDED, None;
    "basic_gov_data", "政务基础数据", English::new("Basic government data"),
        Included, Needs::Nothing, INCLUDED, None;
    "thematic_gov_data", "政务主题数据", English::new("Thematic government data"),
        Included, Needs::Nothing, INCLUDED, None;
    "platform_software_license", "虚拟化、数据库等正版软件授权", English::new("Virtualization, database and similar licences"),
        Conditional, Needs::All(&[CLOSELY_RELATED, DEPLOYED_ON_SYSTEM]),
        "跟业务系统紧密相关,且部署在该业务系统的,纳入信息化经费。", None;
    "training_courseware", "培训类系统购买电子课件、课程", English::new("Courseware and courses for training systems"),
        Conditional, Needs::All(DATA_NEEDS), DATA_ASSETS, None;
    "data_collection", "数据采集", English::new("Data collection"),
        Conditional, Needs::All(DATA_NEEDS), DATA_ASSETS, None;
    "data_processing", "数据加工处理", English::new("Data processing"),
        Conditional, Needs::All(DATA_NEEDS), DATA_ASSETS, None;
    "standards_drafting", "标准规范编制", English::new("Drafting standards"),
        Included, Needs::Nothing, INCLUDED, None;
    "mlps_assessment", "等级保护测评", English::new("MLPS (等保) assessment"),
        Included, Needs::Nothing, INCLUDED, None;
    "system_testing", "系统测评", English::new("System testing"),
        Included, Needs::Nothing, INCLUDED, None;
    "business_system", "履行政务职能业务系统", English::new("Business systems for government functions"),
        Included, Needs::Nothing, SYSTEMS, None;
    "office_automation", "办公自动化系统", English::new("Office automation system"),
        Included, Needs::Nothing, SYSTEMS, None;
    "video_conference", "视频会议系统", English::new("Video conference system"),
        Included, Needs::Nothing, SYSTEMS, None;
    "building_intelligence", "楼宇智能化系统", English::new("Building intelligence system"),
        Included, Needs::Nothing, SYSTEMS, None;
    "hr_system", "人事系统", English::new("HR system"),
        Included, Needs::Nothing, SYSTEMS, None;
    "finance_system", "财务系统", English::new("Finance system"),
        Included, Needs::Nothing, SYSTEMS, None;
    "public_service_website", "公共服务网站", English::new("Public service website"),
        Included, Needs::Nothing, SYSTEMS, None;
    "promotion_content", "门户网站、公众号、app 等推广宣传及内容更新维护", English::new("Promotion and content upkeep of portals, official accounts and apps"),
        Excluded, Needs::Nothing, "不纳入信息化经费。", None;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fees::{key, MAX_SUGGESTIONS};
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

    /// The reading data parses, names each word once, and every word that names one
    /// row is read as that row, alone and with the fee words around it.
    #[test]
    fn every_word_of_one_row_reads_as_its_row() {
        let lexicon = FEES.lexicon().expect("the lexicon parses");
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (n, line) in FEES.reading.get().lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (_, words) = line.split_once(':').expect("a word list");
            for w in words.split_whitespace() {
                if let Some(other) = seen.insert(key(w), n + 1) {
                    panic!("{w} on lines {other} and {}", n + 1);
                }
            }
        }
        for (i, item) in COST_ITEMS.iter().enumerate() {
            for w in lexicon.words_of(i) {
                for text in [w.to_string(), format!("采购{w}"), format!("{w}费"), format!("{w}运维服务")] {
                    assert_eq!(FEES.lookup(&text).map(|r| r.code), Some(item.code), "{text}");
                }
            }
            assert_eq!(FEES.lookup(item.code).map(|r| r.code), Some(item.code));
            assert_eq!(FEES.lookup(item.label).map(|r| r.code), Some(item.code));
        }
    }

    #[test]
    fn lookup_is_lenient_about_form_noise() {
        let code = |s: &str| FEES.lookup(s).map(|i| i.code);
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

    #[test]
    fn suggestions_for_typos() {
        assert_eq!(FEES.suggest("camra").first(), Some(&"camera"));
        assert_eq!(
            FEES.suggest("serverstorage").first(),
            Some(&"server_storage")
        );
        assert_eq!(FEES.suggest("服务器").first(), Some(&"server_storage"));
        assert_eq!(FEES.suggest("服务器存贮").first(), Some(&"server_storage"));
        assert_eq!(FEES.suggest("摄象头").first(), Some(&"camera"));
        assert_eq!(FEES.suggest("quantum_computer").first(), Some(&"computer"));
        assert_eq!(FEES.suggest("租用云服").first(), Some(&"cloud_rental"));
        assert!(FEES.suggest("rfdi").contains(&"rfid"));
        assert!(FEES.suggest("xyzzy").is_empty());
        assert!(FEES.suggest("").is_empty());
        assert!(FEES.suggest("咖啡机").is_empty());
        // A long description is searched for the names it contains.
        let long =
            "为满足本单位日常监管需要拟在各路口安装一批高清监控摄像头并配套建设存储与传输链路工程";
        assert!(FEES.suggest(long).contains(&"camera"));
        assert!(FEES.suggest(&"摄".repeat(500)).len() <= MAX_SUGGESTIONS);
    }
}
