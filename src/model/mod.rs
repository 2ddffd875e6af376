//! The inputs (`Application`; the change request in [`change`]) and the vocabularies
//! they use.

use crate::date::Date;
use crate::locale::{Locale, Text};
use crate::money::Money;
use crate::names::named;
use rust_decimal::Decimal;

pub mod change;

/// A regulation (regime). Its values are the registry's constants — `Regime::BAOTOU`,
/// `Regime::WULONG`… — one per line of [`crate::regimes`]'s registry, and everything about
/// it (its JSON name, title, rules) comes from its [`Spec`](crate::regimes::Spec): shared
/// code never branches on which regime it is.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Regime(u8);

impl Regime {
    /// The regime at `index` of the registry (made only by the registry's constants).
    pub(crate) const fn at(index: u8) -> Regime {
        Regime(index)
    }

    /// Its place in the registry.
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

named! {
    /// Lifecycle kind of a project.
    pub enum Kind {
        New = "new", "新建", "new build";
        Expansion = "expansion", "扩建", "expansion";
        Renovation = "renovation", "改建/升级改造", "renovation / upgrade";
        Continuation = "continuation", "续建", "continuation";
        Maintenance = "maintenance", "运行维护", "operation and maintenance";
        Service = "service", "购买服务", "purchased service";
    }
}

impl Kind {
    /// 新建、扩建、改建: the construction kinds.
    pub const fn is_construction(self) -> bool {
        matches!(self, Kind::New | Kind::Expansion | Kind::Renovation)
    }

    /// 升级改造: renovation and expansion.
    pub const fn is_upgrade(self) -> bool {
        matches!(self, Kind::Expansion | Kind::Renovation)
    }
}

named! {
    /// Shizuishan art.14 procurement category.
    pub enum Category {
        Engineering = "engineering", "工程类", "engineering";
        Goods = "goods", "货物类", "goods";
        Service = "service", "服务类（含运维类）", "service (incl. O&M)";
    }
}

named! {
    /// Level of the building unit.
    pub enum UnitLevel {
        Municipal = "municipal", "本级部门", "municipal department";
        County = "county", "县（市、区、旗）", "county level";
        Township = "township", "乡镇/街道/苏木", "township / sub-district";
    }
}

named! {
    /// A funding source.
    pub enum Funding {
        LocalFiscal = "local_fiscal", "本级财政", "local fiscal funds";
        Central = "central", "中央资金", "central government funds";
        Provincial = "provincial", "省级/自治区财政", "provincial funds";
        SuperiorSpecial = "superior_special", "国家或自治区政务信息化专项资金", "national or regional special IT funds";
        SelfRaised = "self_raised", "自筹/自有资金", "self-raised funds";
        EnterpriseFree = "enterprise_free", "企业提供无偿使用", "provided free of charge by an enterprise";
        SocialCapital = "social_capital", "社会资本", "social capital";
    }
}

named! {
    /// A chapter of the design documents (Wulong art.14).
    pub enum Chapter {
        DataGovernance = "data_governance", "数据资源收集治理及业务应用梳理", "data collection, governance and business application review";
        DataSharingAnalysis = "data_sharing_analysis", "数据资源共享分析", "data sharing analysis";
        SecurityMeasures = "security_measures", "网络安全保护措施", "network security measures";
        CryptoPlan = "crypto_plan", "密码应用方案", "cryptography application plan";
        IntensiveConstruction = "intensive_construction", "集约化建设篇（章）", "intensive (shared) construction chapter";
    }
}

named! {
    pointer "/facts/";
    /// A compliance question the applicant answers (`facts` in the input).
    pub enum Fact {
        InProjectLibrary = "in_project_library", "已纳入项目库 / 滚动储备库 / 项目清单", "the project is in the project library / rolling reserve / project list";
        InAnnualPlan = "in_annual_plan", "已纳入年度建设计划 / 年度投资计划 / 年度拟实施清单", "the project is in the annual plan";
        AuthorityApproved = "authority_approved", "已获上级或行业（业务）主管部门准许", "the superior or sector authority has approved the project";
        NeedsClear = "needs_clear", "需求明确、绩效目标明确", "needs and performance goals are clear";
        DataCatalogProvided = "data_catalog_provided", "已编制并提供数据资源目录", "a data resource catalogue has been compiled and provided";
        DataShared = "data_shared", "已按要求共享（开放、授权运营）数据资源", "data is shared (opened, licensed) as required";
        DuplicateDataCollection = "duplicate_data_collection", "存在重复采集数据", "data is collected again that already exists";
        IncludesInfrastructure = "includes_infrastructure", "含机房、网络、云平台、服务器、基础软件等信息化基础设施", "includes IT infrastructure (server rooms, networks, cloud, servers, base software)";
        NewInfrastructure = "new_infrastructure", "含新建机房、网络、云平台等政务信息化基础设施", "builds new server rooms, networks or cloud platforms";
        NewOwnDatacenter = "new_own_datacenter", "新建或扩建自有机房、云平台、数据中心", "builds or extends the unit's own server room, cloud or data centre";
        DatacenterRenewalNeeded = "datacenter_renewal_needed", "自有机房等确需保留且迫切需要更新", "the own server room must be kept and urgently needs renewal";
        IncludesOfficeEquipment = "includes_office_equipment", "含办公电子设备", "includes office electronic equipment";
        DuplicatesExistingSystem = "duplicates_existing_system", "与现有系统功能重复或可被已有系统替代", "duplicates or could be replaced by an existing system";
        SimilarProjectUnaccepted = "similar_project_unaccepted", "现有同类型在建项目未完成竣工验收", "a similar project under construction has not passed final acceptance";
        IntegratedWithExisting = "integrated_with_existing", "已与现有系统充分整合", "the system is integrated with existing systems";
        EDocumentManagement = "e_document_management", "已落实电子文件管理要求", "electronic records management requirements are met";
        IncludesMaintenanceContent = "includes_maintenance_content", "工程类项目包含运维内容", "the engineering project includes O&M content";
        PublicServiceContent = "public_service_content", "系统涉及政务服务、便民服务、社会治理、城市管理等内容", "the system covers government or public services, social governance or city management";
        ConnectedToNingxiaApps = "connected_to_ningxia_apps", "已与“我的宁夏”APP、“宁政通”APP对接", "connected to the “我的宁夏” and “宁政通” apps";
        ConnectedToCityBrain = "connected_to_city_brain", "已与“数智楚雄”州级城市大脑对接", "connected to the “数智楚雄” prefecture city brain";
        SecurityPlan = "security_plan", "已明确网络安全、数据安全防护措施", "network and data security measures are defined";
        CryptoPlan = "crypto_plan", "已明确商用密码应用方案", "a commercial cryptography plan is defined";
        MajorSecurityRisk = "major_security_risk", "存在重大安全隐患", "there is a major security risk";
        OnGovCloud = "on_gov_cloud", "部署或迁移到政务云", "deployed on or migrated to the government cloud";
        ConnectedToUnifiedPlatforms = "connected_to_unified_platforms", "已接入一网通办、一网统管等统建平台", "connected to the unified platforms (一网通办, 一网统管)";
        PrivateNetworkLease = "private_network_lease", "含专网租赁", "includes leasing a private network";
        PrivateNetworkIntegrated = "private_network_integrated", "专网已整合到电子政务外网", "the private network is merged into the e-government extranet";
        XinchuangCompliant = "xinchuang_compliant", "已落实信创产品应用要求", "domestic trusted (信创) products are used as required";
        Ipv6Compliant = "ipv6_compliant", "符合 IPv6 应用要求", "meets the IPv6 requirements";
        PriorSystemsAccepted = "prior_systems_accepted", "本单位已上线系统均已完成竣工验收且绩效评估合格（或已整改）", "the unit's systems in use passed acceptance and performance evaluation (or were remedied)";
        SystemOutOfStep = "system_out_of_step", "在用系统功能与实际业务脱节或已停止更新服务", "the system in use is out of step with the business or no longer updated";
        SystemIdle = "system_idle", "在用系统长期闲置、使用频率低", "the system in use is idle or rarely used";
        PerformanceGoalsTable = "performance_goals_table", "已编制项目绩效目标表", "a performance goals table has been prepared";
        PostEvaluationReport = "post_evaluation_report", "已提交前期项目第三方后评价报告", "a third-party post-evaluation report of the earlier project is submitted";
        OmFundingSource = "om_funding_source", "已报送免费运维期后运维资金来源", "the O&M funding source after the free maintenance period is reported";
        SecurityAssessmentsDone = "security_assessments_done", "已开展等保测评和密码测评", "MLPS and cryptography assessments are done";
        SystemAccepted = "system_accepted", "系统已通过竣工验收", "the system has passed final acceptance";
        InSystemCatalog = "in_system_catalog", "已纳入政务信息系统总目录", "the system is in the government information system catalogue";
        PerformancePassed = "performance_passed", "绩效达标", "performance targets are met";
        MovedToSuperiorPlatform = "moved_to_superior_platform", "业务已纳入上级统建平台", "the business has moved to a platform built by a higher level";
        PolicyDiscontinued = "policy_discontinued", "因政策原因须停止运行", "the system must stop for policy reasons";
    }
}

/// A set of funding sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct FundingSet(u8);

impl FundingSet {
    /// No source.
    pub const EMPTY: FundingSet = FundingSet(0);

    /// The set of `sources`.
    pub const fn of(sources: &[Funding]) -> FundingSet {
        let mut bits = 0u8;
        let mut i = 0;
        while i < sources.len() {
            bits |= 1 << (sources[i] as u8);
            i += 1;
        }
        FundingSet(bits)
    }

    /// Adds a source.
    pub fn insert(&mut self, f: Funding) {
        self.0 |= 1 << (f as u8);
    }

    /// Whether `f` is in the set.
    pub const fn contains(self, f: Funding) -> bool {
        self.0 & (1 << (f as u8)) != 0
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether every source of `self` is in `other`.
    pub const fn is_subset(self, other: FundingSet) -> bool {
        self.0 & !other.0 == 0
    }
}

impl FromIterator<Funding> for FundingSet {
    fn from_iter<I: IntoIterator<Item = Funding>>(iter: I) -> FundingSet {
        let mut set = FundingSet::EMPTY;
        iter.into_iter().for_each(|f| set.insert(f));
        set
    }
}

/// A set of design chapters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct ChapterSet(u8);

impl ChapterSet {
    /// Adds a chapter.
    pub fn insert(&mut self, c: Chapter) {
        self.0 |= 1 << (c as u8);
    }

    /// Whether `c` is in the set.
    pub const fn contains(self, c: Chapter) -> bool {
        self.0 & (1 << (c as u8)) != 0
    }

    /// The chapters of `Chapter::ALL` not in the set, in order.
    pub fn lacking(self) -> impl Iterator<Item = Chapter> {
        Chapter::ALL
            .iter()
            .copied()
            .filter(move |c| !self.contains(*c))
    }
}

impl FromIterator<Chapter> for ChapterSet {
    fn from_iter<I: IntoIterator<Item = Chapter>>(iter: I) -> ChapterSet {
        let mut set = ChapterSet::default();
        iter.into_iter().for_each(|c| set.insert(c));
        set
    }
}

/// The applicant's answers. Each fact is `Some(true)`, `Some(false)` or unanswered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Facts {
    known: u64,
    value: u64,
    /// The chapters the design documents contain; `None` when unanswered.
    pub design_chapters: Option<ChapterSet>,
}

impl Facts {
    /// No answers.
    pub const fn new() -> Facts {
        Facts {
            known: 0,
            value: 0,
            design_chapters: None,
        }
    }

    /// The answer to `fact`.
    pub const fn get(&self, fact: Fact) -> Option<bool> {
        let bit = 1u64 << (fact as u8);
        if self.known & bit == 0 {
            None
        } else {
            Some(self.value & bit != 0)
        }
    }

    /// Records (or with `None`, clears) the answer to `fact`.
    pub fn set(&mut self, fact: Fact, answer: Option<bool>) {
        let bit = 1u64 << (fact as u8);
        match answer {
            None => {
                self.known &= !bit;
                self.value &= !bit;
            }
            Some(v) => {
                self.known |= bit;
                if v {
                    self.value |= bit;
                } else {
                    self.value &= !bit;
                }
            }
        }
    }

    /// Builder form of [`Facts::set`].
    #[must_use]
    pub fn with(mut self, fact: Fact, answer: bool) -> Facts {
        self.set(fact, Some(answer));
        self
    }
}

/// 总投资 and its Shizuishan art.4 breakdown, in 万元.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Investment {
    /// 总投资 / 投资概算.
    pub total: Option<Money>,
    /// 工程费.
    pub engineering: Option<Money>,
    /// 设备费.
    pub equipment: Option<Money>,
    /// 预备费.
    pub contingency: Option<Money>,
}

impl Investment {
    /// Sum of the three parts, when any is given (absent parts count as 0).
    pub fn parts_sum(&self) -> Option<Decimal> {
        let parts = [self.engineering, self.equipment, self.contingency];
        if parts.iter().all(Option::is_none) {
            return None;
        }
        Some(parts.iter().flatten().map(|m| m.get()).sum())
    }

    /// `total`, else the sum of the parts when any is given.
    pub fn effective_total(&self) -> Option<Decimal> {
        self.total.map(Money::get).or_else(|| self.parts_sum())
    }
}

/// The project being declared. Every field is optional; see the contract for how an
/// absent field reads.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Project {
    /// 项目名称.
    pub name: Option<String>,
    /// Lifecycle kind.
    pub kind: Option<Kind>,
    /// Shizuishan art.14 category.
    pub category: Option<Category>,
    /// 涉密 (absent reads as false).
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub classified: bool,
    /// Level of the building unit (absent reads as `municipal`).
    pub unit_level: Option<UnitLevel>,
    /// Investment.
    #[cfg_attr(feature = "schema", schemars(with = "Option<Investment>"))]
    pub investment: Investment,
    /// Funding sources (`None` when unanswered; an empty set is also unanswered).
    pub funding: Option<FundingSet>,
    /// The budget year the application is for.
    pub budget_year: Option<u16>,
    /// 服务期, in years.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::Years>"))]
    pub service_years: Option<Decimal>,
    /// 免费运维期, in years.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::Years>"))]
    pub free_maintenance_years: Option<Decimal>,
    /// A 服务类 project contains 建设内容.
    pub includes_construction: Option<bool>,
    /// An 升级改造 changes the system's main function.
    pub main_function_changed: Option<bool>,
    /// Only replaces or expands finished equipment (absent reads as false).
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub hardware_replacement_only: bool,
    /// 处置突发事件等紧急情况 (absent reads as false).
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub emergency: bool,
    /// Contains new civil works or high-energy parts (absent reads as false).
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub civil_works: bool,
    /// Routine office software/hardware (absent reads as false).
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub routine_purchase: bool,
    /// Contract signed before the regulation took effect (absent: no earlier contract).
    pub contract_signed_on: Option<Date>,
    /// 完成项目招标.
    pub tender_completed_on: Option<Date>,
}

/// An eligibility application: `check: "eligibility"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Application {
    /// The regulation to check against.
    pub regime: Regime,
    /// The day the check is made for.
    pub as_of: Option<Date>,
    /// Message language.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::shape::LocaleTag>"))]
    pub locale: Locale,
    /// The project.
    #[cfg_attr(feature = "schema", schemars(with = "Option<Project>"))]
    pub project: Project,
    /// The answers to the compliance questions.
    #[cfg_attr(feature = "schema", schemars(with = "Option<Facts>"))]
    pub facts: Facts,
    /// Present values the reader could not use (contract §8), in input order: each
    /// counts as absent (its field takes its default, or is unanswered) and the verdict
    /// reports it as an `invalid` finding. Empty for an application built in Rust.
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub invalid: Vec<crate::error::Error>,
}

impl Application {
    /// An application with nothing answered yet.
    pub fn new(regime: Regime) -> Application {
        Application {
            regime,
            as_of: None,
            locale: Locale::Zh,
            project: Project::default(),
            facts: Facts::new(),
            invalid: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::{MAX_CHAPTER_ENTRIES, MAX_FUNDING_ENTRIES};

    /// The list limits are four times each vocabulary (a list may repeat a value, not
    /// without end); `limits` states them as numbers so it depends on nothing.
    #[test]
    fn list_limits_are_four_times_the_vocabularies() {
        assert_eq!(MAX_FUNDING_ENTRIES, 4 * Funding::ALL.len());
        assert_eq!(MAX_CHAPTER_ENTRIES, 4 * Chapter::ALL.len());
    }
}

// ---------------------------------------------------------------------------------------
// What the rule tables cannot say, for the form (`form`, contract §8): plain-word hints
// for terms an applicant may not know, and the names each region gives its units and its
// funds. Kept beside the vocabularies they explain.

impl Fact {
    /// A plain-word explanation of the question's terms (信创, 项目库, 密码应用方案…), or
    /// `None` when the label says it all.
    #[cfg(feature = "catalog")]
    pub const fn hint(self, locale: Locale) -> Option<&'static str> {
        let t = match self {
            Fact::InProjectLibrary => Text::new(
                "项目库：主管部门统一管理的拟建项目储备清单（各地称项目库、滚动储备库或项目清单）。未入库的项目一般不启动审批或安排资金，请先向主管部门申请入库。",
                "The project library is the authority's list of planned projects (also called the rolling reserve or project list). A project outside it is normally neither approved nor funded: ask the authority to enter it first.",
            ),
            Fact::InAnnualPlan => Text::new(
                "年度计划：主管部门每年编制的当年拟建设、拟安排资金的项目清单（年度建设计划、年度投资计划或年度拟实施项目清单）。",
                "The annual plan is the authority's yearly list of projects to build and fund (annual construction or investment plan, or list of projects to implement).",
            ),
            Fact::AuthorityApproved => Text::new(
                "指本单位的上级部门或行业（业务）主管部门已书面同意建设本项目。",
                "The unit's superior or the sector authority has agreed in writing to the project.",
            ),
            Fact::NeedsClear => Text::new(
                "建设需求已论证清楚，并有可量化的绩效目标（如办理时限、覆盖人数等）。",
                "The need is argued and there are measurable performance goals (processing time, people served…).",
            ),
            Fact::DataCatalogProvided => Text::new(
                "数据资源目录：列明系统产生和使用的数据项、来源、更新频率及共享属性的目录，按要求报送数据主管部门。",
                "The data resource catalogue lists the data the system produces and uses, its source, update frequency and sharing terms, filed with the data authority.",
            ),
            Fact::DataShared => Text::new(
                "按数据主管部门的要求，将应共享（开放、授权运营）的数据接入共享平台。",
                "Data that should be shared (opened, licensed) is on the sharing platform as the data authority requires.",
            ),
            Fact::DuplicateDataCollection => Text::new(
                "向群众、企业或其他部门再次采集已在共享平台上的数据，即为重复采集。",
                "Collecting again from people, companies or departments data that the sharing platform already holds.",
            ),
            Fact::IncludesInfrastructure => Text::new(
                "包括新增采购或运维机房、网络、云平台、服务器、存储、基础软件（操作系统、数据库等）。",
                "New purchases or O&M of server rooms, networks, cloud platforms, servers, storage or base software (operating systems, databases…).",
            ),
            Fact::NewInfrastructure => Text::new(
                "新建机房、网络、云平台等，而不是使用已有的电子政务网络和政务云。",
                "Building new server rooms, networks or cloud platforms instead of using the existing e-government network and cloud.",
            ),
            Fact::DatacenterRenewalNeeded => Text::new(
                "自有机房、云平台或数据中心确需保留（如有特殊安全要求）且设备迫切需要更新。",
                "The own server room, cloud or data centre must be kept (e.g. for special security needs) and its equipment urgently needs renewal.",
            ),
            Fact::IncludesOfficeEquipment => Text::new(
                "如电脑、打印机、复印机等办公设备。",
                "Office equipment such as computers, printers or copiers.",
            ),
            Fact::IntegratedWithExisting => Text::new(
                "本单位已有的信息系统已按要求整合（不再分散建设、重复运行）。",
                "The unit's existing systems are merged as required (not run separately or twice).",
            ),
            Fact::EDocumentManagement => Text::new(
                "系统按电子文件管理规定形成、归档和保存电子文件。",
                "The system creates, files and keeps electronic records as the records rules require.",
            ),
            Fact::IncludesMaintenanceContent => Text::new(
                "工程类项目的建设内容中包含建成后的运行维护服务。",
                "The engineering project's scope includes operation and maintenance after completion.",
            ),
            Fact::ConnectedToUnifiedPlatforms => Text::new(
                "一网通办：政务服务统一办理平台；一网统管：城市运行统一管理平台。",
                "一网通办 is the unified government service platform; 一网统管 the unified city operation platform.",
            ),
            Fact::SecurityPlan => Text::new(
                "方案中写明网络安全等级保护、数据安全等防护措施。",
                "The plan states the network security (classified protection) and data security measures.",
            ),
            Fact::CryptoPlan => Text::new(
                "密码应用方案：说明系统如何使用国产商用密码（身份认证、传输和存储加密等）的专门方案，通常须经密码应用安全性评估。",
                "The cryptography application plan says how the system uses Chinese commercial cryptography (authentication, encryption in transit and at rest); it is usually assessed (密评).",
            ),
            Fact::MajorSecurityRisk => Text::new(
                "如安全检查或测评中发现尚未整改的高危漏洞、重大风险。",
                "E.g. high-risk flaws or major risks found in a security check or assessment and not yet fixed.",
            ),
            Fact::OnGovCloud => Text::new(
                "政务云：政府统一建设的云平台。系统部署在政务云上，或本项目将其迁移到政务云。",
                "The government cloud is the cloud platform the government runs for its departments. The system runs on it, or this project moves it there.",
            ),
            Fact::PrivateNetworkIntegrated => Text::new(
                "电子政务外网：政府部门统一使用的非涉密业务网络。租用的专网已并入该网络。",
                "The e-government extranet is the government's common network for non-classified work. The leased private network has been merged into it.",
            ),
            Fact::XinchuangCompliant => Text::new(
                "信创：信息技术应用创新，即采用国产、安全可靠的软硬件产品（芯片、操作系统、数据库、中间件、办公软件等）。",
                "信创 (IT application innovation) means using domestic, secure and trusted hardware and software (chips, operating systems, databases, middleware, office software).",
            ),
            Fact::Ipv6Compliant => Text::new(
                "系统支持 IPv6 访问，符合国家和本地的 IPv6 部署要求。",
                "The system is reachable over IPv6 and meets the national and local IPv6 requirements.",
            ),
            Fact::PriorSystemsAccepted => Text::new(
                "本单位此前建成上线的系统均已通过竣工验收，绩效评估合格或已完成整改。",
                "The unit's earlier systems in use all passed final acceptance, and their performance evaluation passed or was remedied.",
            ),
            Fact::PerformanceGoalsTable => Text::new(
                "绩效目标表：预算管理要求的表格，列明项目的产出、效益和满意度等量化目标。",
                "The performance goals table is the budget form stating the project's measurable outputs, benefits and satisfaction targets.",
            ),
            Fact::PostEvaluationReport => Text::new(
                "升级改造项目须提交原项目建成运行后由第三方开展的后评价报告。",
                "An upgrade submits the third-party post-evaluation report of the earlier project.",
            ),
            Fact::OmFundingSource => Text::new(
                "说明免费运维期结束后的运维资金由哪项预算承担。",
                "Say which budget pays for O&M once the free maintenance period ends.",
            ),
            Fact::SecurityAssessmentsDone => Text::new(
                "等保测评：网络安全等级保护测评；密码测评：商用密码应用安全性评估（密评）。均由有资质的测评机构开展。",
                "等保测评 is the classified-protection (MLPS) security assessment; 密评 the commercial cryptography assessment. Both are done by accredited assessors.",
            ),
            Fact::InSystemCatalog => Text::new(
                "政务信息系统总目录：本级所有政务信息系统的登记目录，由大数据（数据）主管部门管理。",
                "The catalogue of government information systems registers every system of the level; the data authority keeps it.",
            ),
            Fact::ConnectedToCityBrain => Text::new(
                "“数智楚雄”是楚雄州统建的城市大脑平台，各系统按要求与其对接。",
                "“数智楚雄” is the prefecture's city brain platform; systems connect to it as required.",
            ),
            Fact::ConnectedToNingxiaApps => Text::new(
                "“我的宁夏”是面向群众的政务服务 App，“宁政通”是面向政府工作人员的 App。",
                "“我的宁夏” is the region's public service app and “宁政通” the app for government staff.",
            ),
            _ => return None,
        };
        Some(t.get(locale))
    }
}

/// A plain-word hint for an input field that is not a fact (`/project/…`, `/as_of`, and
/// the change request's fields), or `None` when its label says it all.
#[cfg(feature = "catalog")]
pub(crate) fn field_hint(pointer: &str, locale: Locale) -> Option<&'static str> {
    let t = match pointer {
        "/as_of" => Text::new(
            "判断办法是否有效、申报是否逾期所依据的日期，一般填今天。",
            "The day the regulation's validity and the deadlines are judged on; normally today.",
        ),
        "/project/kind" => Text::new(
            "新建：新系统；扩建：增加规模或功能；改建/升级改造：改造现有系统；续建：已批复项目的后续建设；运行维护：已建系统的运维；购买服务：以购买服务方式实施。",
            "New: a new system; expansion: more scale or functions; renovation/upgrade: changing an existing system; continuation: further work on an approved project; maintenance: O&M of a system in use; service: carried out by buying a service.",
        ),
        "/project/category" => Text::new(
            "按政府采购的品目分类：工程类、货物类（设备等）、服务类（含运维）。",
            "The public procurement category: engineering, goods (equipment…), or service (including O&M).",
        ),
        "/project/classified" => Text::new(
            "涉及国家秘密的项目按保密规定办理，不通过本门户申报。未勾选即视为不涉密。",
            "Projects involving state secrets follow the secrecy rules and are not declared here. Unticked means not classified.",
        ),
        "/project/unit_level" => Text::new(
            "建设单位所属的行政层级。未选择时按本级部门检查。",
            "The administrative level of the building unit. When not chosen, it is checked as a department of this level.",
        ),
        "/project/investment/total" => Text::new(
            "项目总投资（投资概算），单位万元，只填数字，如 1280.5。",
            "The total investment (budget estimate) in 万元 (10,000 yuan), digits only, e.g. 1280.5.",
        ),
        "/project/investment/engineering"
        | "/project/investment/equipment"
        | "/project/investment/contingency" => Text::new(
            "石嘴山办法第四条按工程费、设备费、预备费之和判断适用范围。单位万元，只填数字。",
            "Shizuishan art. 4 judges its scope by engineering, equipment and contingency together. In 万元, digits only.",
        ),
        "/project/funding" => Text::new(
            "可多选：列出项目全部资金来源。",
            "Tick every source that funds the project.",
        ),
        "/project/budget_year" => Text::new(
            "申请安排资金的预算年度，如 2027。申报截止日按它计算。",
            "The budget year the funds are asked for, e.g. 2027; deadlines are computed from it.",
        ),
        "/project/free_maintenance_years" => Text::new(
            "建设方（供应商）在验收后免费提供运维的年限。",
            "Years of free O&M the supplier provides after acceptance.",
        ),
        "/project/hardware_replacement_only" => Text::new(
            "只购买成品设备对已有设备报废更替或扩容，不新建、不改建系统。勾选后按运行维护项目检查。",
            "Only buys finished equipment to replace or extend existing equipment; no system is built or changed. Ticked, the project is checked as O&M.",
        ),
        "/project/emergency" => Text::new(
            "为处置突发事件等紧急情况而建设。",
            "Built to deal with an emergency.",
        ),
        "/project/civil_works" => Text::new(
            "项目含新建房屋、机房土建等土建工程，或高耗能内容。",
            "The project includes new buildings or other civil works, or energy-intensive parts.",
        ),
        "/project/routine_purchase" => Text::new(
            "杀毒软件、办公电脑、打印机等日常办公软硬件，或采购限额以下的常规设备。",
            "Routine office software and hardware (antivirus, office computers, printers) or routine equipment below the procurement limit.",
        ),
        "/project/contract_signed_on" => Text::new(
            "办法施行前已签订且仍在履行的合同的签订日期；没有则不填。",
            "The date of a contract signed before the regulation took effect and still being performed; leave empty if there is none.",
        ),
        "/project/tender_completed_on" => Text::new(
            "完成招标的日期；备案期限从此起算。",
            "The day the tender was completed; the filing deadline runs from it.",
        ),
        "/approved_total" => Text::new(
            "原批复的概算总投资，单位万元。",
            "The total of the approved budget estimate, in 万元.",
        ),
        "/content_changed" => Text::new(
            "除金额外，批复的建设内容、规模或标准是否改变（增减功能、换用其他产品或方案等）。只因招标价格低于批复金额而少花钱、内容不变的，选“否”。",
            "Whether the approved content, scale or standard changes beyond the amounts (functions added or dropped, another product or design). Spending less only because the tender came in lower, with the content unchanged, is “no”.",
        ),
        "/changed_on" => Text::new(
            "建设内容或备案信息发生变化的日期。",
            "The day the content or the filed information changed.",
        ),
        "/budget_year" => Text::new(
            "调整涉及哪一年度的专项资金；不填按检查日期所在年度。",
            "The budget year whose special funds change; empty means the year of the check date.",
        ),
        "/items/-/new" => Text::new(
            "原批复中没有的建设内容。",
            "Content that was not in the approved project.",
        ),
        "/items/-/tender_savings" => Text::new(
            "因招标采购价格低于批复金额而形成的资金结余（内容不变）。",
            "Money left because the tender came in below the approved amount (content unchanged).",
        ),
        _ => return None,
    };
    Some(t.get(locale))
}

/// How a regulation's region names its administrative levels and its funds — wording the
/// rule tables cannot give (the form's options). Each regulation's [`Spec`] carries its own
/// (crate::regimes::Spec).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// The unit levels an applicant under this regulation can be at, in the region's words
    /// (a level the region does not have below the regulation's own is left out).
    pub unit_levels: &'static [(UnitLevel, Text)],
    /// Funding sources whose name differs in the region (e.g. 自治区, 省, 市 for the
    /// provincial level); the others keep the contract's label.
    pub funding: &'static [(Funding, Text)],
}

impl Region {
    /// The contract's own words, every level.
    pub const CONTRACT: Region = Region {
        unit_levels: &[
            (
                UnitLevel::Municipal,
                Text::new("本级部门", "department of this level"),
            ),
            (
                UnitLevel::County,
                Text::new("县（市、区、旗）", "county level"),
            ),
            (
                UnitLevel::Township,
                Text::new("乡镇/街道/苏木", "township / sub-district"),
            ),
        ],
        funding: &[],
    };

    /// The label of a funding source in the region.
    pub fn funding_label(&self, f: Funding, locale: Locale) -> &'static str {
        self.funding
            .iter()
            .find(|(x, _)| *x == f)
            .map_or_else(|| f.label(locale), |(_, t)| t.get(locale))
    }
}
