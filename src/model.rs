//! The eligibility input (`Application`) and the vocabularies it uses.

use crate::date::Date;
use crate::locale::Locale;
use crate::money::Money;
use crate::names::named;
use rust_decimal::Decimal;

named! {
    /// The five regulations (regimes).
    pub enum Regime {
        Wuzhong = "wuzhong", "吴忠市", "Wuzhong";
        Shizuishan = "shizuishan", "石嘴山市", "Shizuishan";
        Baotou = "baotou", "包头市", "Baotou";
        Chuxiong = "chuxiong", "楚雄州", "Chuxiong";
        Wulong = "wulong", "武隆区", "Wulong";
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
pub struct Project {
    /// 项目名称.
    pub name: Option<String>,
    /// Lifecycle kind.
    pub kind: Option<Kind>,
    /// Shizuishan art.14 category.
    pub category: Option<Category>,
    /// 涉密 (absent reads as false).
    pub classified: bool,
    /// Level of the building unit (absent reads as `municipal`).
    pub unit_level: Option<UnitLevel>,
    /// Investment.
    pub investment: Investment,
    /// Funding sources (`None` when unanswered; an empty set is also unanswered).
    pub funding: Option<FundingSet>,
    /// The budget year the application is for.
    pub budget_year: Option<u16>,
    /// 服务期, in years.
    pub service_years: Option<Decimal>,
    /// 免费运维期, in years.
    pub free_maintenance_years: Option<Decimal>,
    /// A 服务类 project contains 建设内容.
    pub includes_construction: Option<bool>,
    /// An 升级改造 changes the system's main function.
    pub main_function_changed: Option<bool>,
    /// Only replaces or expands finished equipment (absent reads as false).
    pub hardware_replacement_only: bool,
    /// 处置突发事件等紧急情况 (absent reads as false).
    pub emergency: bool,
    /// Contains new civil works or high-energy parts (absent reads as false).
    pub civil_works: bool,
    /// Routine office software/hardware (absent reads as false).
    pub routine_purchase: bool,
    /// Contract signed before the regulation took effect (absent: no earlier contract).
    pub contract_signed_on: Option<Date>,
    /// 完成项目招标.
    pub tender_completed_on: Option<Date>,
}

/// An eligibility application: `check: "eligibility"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Application {
    /// The regulation to check against.
    pub regime: Regime,
    /// The day the check is made for.
    pub as_of: Option<Date>,
    /// Message language.
    pub locale: Locale,
    /// The project.
    pub project: Project,
    /// The answers to the compliance questions.
    pub facts: Facts,
    /// Present values the reader could not use (contract §8), in input order: each
    /// counts as absent (its field takes its default, or is unanswered) and the verdict
    /// reports it as an `invalid` finding. Empty for an application built in Rust.
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
