/* The contract's shapes as TypeScript: GENERATED from the library's Rust types by
   `cargo run -p govit-check-schema` (do not edit; CI fails when it is stale). */

/** An eligibility application: `check: "eligibility"`. */
export interface Application {
  /** The regulation to check against. */
  regime: RegimeId;
  /** The day the check is made for. */
  as_of?: DateString | null;
  /** Message language. */
  locale?: LocaleTag | null;
  /** The project. */
  project?: Project | null;
  /** The answers to the compliance questions. */
  facts?: Facts | null;
}

/** A regulation: the registry of src/regimes/mod.rs. */
export type RegimeId = "wuzhong" | "shizuishan" | "baotou" | "chuxiong" | "wulong";

/** A calendar date, "YYYY-MM-DD". */
export type DateString = string;

/** The language of the messages: "zh-CN" (default) or "en"; other zh-* and en-* tags are read as these. */
export type LocaleTag = string;

/**
 * The project being declared. Every field is optional; see the contract for how an
 * absent field reads.
 */
export interface Project {
  /** 项目名称. */
  name?: string | null;
  /** Lifecycle kind. */
  kind?: Kind | null;
  /** Shizuishan art.14 category. */
  category?: Category | null;
  /** 涉密 (absent reads as false). */
  classified?: boolean | null;
  /** Level of the building unit (absent reads as `municipal`). */
  unit_level?: UnitLevel | null;
  /** Investment. */
  investment?: Investment | null;
  /** Funding sources (`null` when unanswered; an empty set is also unanswered). */
  funding?: Funding[] | null;
  /** The budget year the application is for. */
  budget_year?: number | null;
  /** 服务期, in years. */
  service_years?: Years | null;
  /** 免费运维期, in years. */
  free_maintenance_years?: Years | null;
  /** A 服务类 project contains 建设内容. */
  includes_construction?: boolean | null;
  /** An 升级改造 changes the system's main function. */
  main_function_changed?: boolean | null;
  /** Only replaces or expands finished equipment (absent reads as false). */
  hardware_replacement_only?: boolean | null;
  /** 处置突发事件等紧急情况 (absent reads as false). */
  emergency?: boolean | null;
  /** Contains new civil works or high-energy parts (absent reads as false). */
  civil_works?: boolean | null;
  /** Routine office software/hardware (absent reads as false). */
  routine_purchase?: boolean | null;
  /** Contract signed before the regulation took effect (absent: no earlier contract). */
  contract_signed_on?: DateString | null;
  /** 完成项目招标. */
  tender_completed_on?: DateString | null;
}

export type Kind = "new" | "expansion" | "renovation" | "continuation" | "maintenance" | "service";

export type Category = "engineering" | "goods" | "service";

export type UnitLevel = "municipal" | "county" | "township";

/** 总投资 and its Shizuishan art.4 breakdown, in 万元. */
export interface Investment {
  /** 总投资 / 投资概算. */
  total?: string | number | null;
  /** 工程费. */
  engineering?: string | number | null;
  /** 设备费. */
  equipment?: string | number | null;
  /** 预备费. */
  contingency?: string | number | null;
}

export type Funding = "local_fiscal" | "central" | "provincial" | "superior_special" | "self_raised" | "enterprise_free" | "social_capital";

/** A non-negative number of years: 3 or "3.5". */
export type Years = string | number;

/** The applicant's answers: absent (or null) means "not answered yet", not false. */
export interface Facts {
  /** 已纳入项目库 / 滚动储备库 / 项目清单 */
  in_project_library?: boolean | null;
  /** 已纳入年度建设计划 / 年度投资计划 / 年度拟实施清单 */
  in_annual_plan?: boolean | null;
  /** 已获上级或行业（业务）主管部门准许 */
  authority_approved?: boolean | null;
  /** 需求明确、绩效目标明确 */
  needs_clear?: boolean | null;
  /** 已编制并提供数据资源目录 */
  data_catalog_provided?: boolean | null;
  /** 已按要求共享（开放、授权运营）数据资源 */
  data_shared?: boolean | null;
  /** 存在重复采集数据 */
  duplicate_data_collection?: boolean | null;
  /** 含机房、网络、云平台、服务器、基础软件等信息化基础设施 */
  includes_infrastructure?: boolean | null;
  /** 含新建机房、网络、云平台等政务信息化基础设施 */
  new_infrastructure?: boolean | null;
  /** 新建或扩建自有机房、云平台、数据中心 */
  new_own_datacenter?: boolean | null;
  /** 自有机房等确需保留且迫切需要更新 */
  datacenter_renewal_needed?: boolean | null;
  /** 含办公电子设备 */
  includes_office_equipment?: boolean | null;
  /** 与现有系统功能重复或可被已有系统替代 */
  duplicates_existing_system?: boolean | null;
  /** 现有同类型在建项目未完成竣工验收 */
  similar_project_unaccepted?: boolean | null;
  /** 已与现有系统充分整合 */
  integrated_with_existing?: boolean | null;
  /** 已落实电子文件管理要求 */
  e_document_management?: boolean | null;
  /** 工程类项目包含运维内容 */
  includes_maintenance_content?: boolean | null;
  /** 系统涉及政务服务、便民服务、社会治理、城市管理等内容 */
  public_service_content?: boolean | null;
  /** 已与“我的宁夏”APP、“宁政通”APP对接 */
  connected_to_ningxia_apps?: boolean | null;
  /** 已与“数智楚雄”州级城市大脑对接 */
  connected_to_city_brain?: boolean | null;
  /** 已明确网络安全、数据安全防护措施 */
  security_plan?: boolean | null;
  /** 已明确商用密码应用方案 */
  crypto_plan?: boolean | null;
  /** 存在重大安全隐患 */
  major_security_risk?: boolean | null;
  /** 部署或迁移到政务云 */
  on_gov_cloud?: boolean | null;
  /** 已接入一网通办、一网统管等统建平台 */
  connected_to_unified_platforms?: boolean | null;
  /** 含专网租赁 */
  private_network_lease?: boolean | null;
  /** 专网已整合到电子政务外网 */
  private_network_integrated?: boolean | null;
  /** 已落实信创产品应用要求 */
  xinchuang_compliant?: boolean | null;
  /** 符合 IPv6 应用要求 */
  ipv6_compliant?: boolean | null;
  /** 本单位已上线系统均已完成竣工验收且绩效评估合格（或已整改） */
  prior_systems_accepted?: boolean | null;
  /** 在用系统功能与实际业务脱节或已停止更新服务 */
  system_out_of_step?: boolean | null;
  /** 在用系统长期闲置、使用频率低 */
  system_idle?: boolean | null;
  /** 已编制项目绩效目标表 */
  performance_goals_table?: boolean | null;
  /** 已提交前期项目第三方后评价报告 */
  post_evaluation_report?: boolean | null;
  /** 已报送免费运维期后运维资金来源 */
  om_funding_source?: boolean | null;
  /** 已开展等保测评和密码测评 */
  security_assessments_done?: boolean | null;
  /** 系统已通过竣工验收 */
  system_accepted?: boolean | null;
  /** 已纳入政务信息系统总目录 */
  in_system_catalog?: boolean | null;
  /** 绩效达标 */
  performance_passed?: boolean | null;
  /** 业务已纳入上级统建平台 */
  moved_to_superior_platform?: boolean | null;
  /** 因政策原因须停止运行 */
  policy_discontinued?: boolean | null;
  design_chapters?: Chapter[] | null;
}

export type Chapter = "data_governance" | "data_sharing_analysis" | "security_measures" | "crypto_plan" | "intensive_construction";

/** Input of `check: "cost"`: one budget line. */
export interface CostInput {
  /** The regulation whose fee table decides (`null`: `DEFAULT_FEE_REGIME`). */
  regime?: RegimeId | null;
  /**
   * An item code (`camera`), its exact Chinese label (`摄像头`) or a common synonym
   * (`监控摄像头`).
   */
  item: string;
  /** The line's amount in 万元, if given. */
  amount?: string | number | null;
  /** The answers to the table's conditions. */
  conditions?: CostConditions | null;
  /** Message language. */
  locale?: LocaleTag | null;
}

/** The answers to the fee table's conditions, by name (those of every regulation's table): absent (or null) is not answered yet. */
export interface CostConditions {
  assessed?: boolean | null;
  closely_related?: boolean | null;
  deployed_on_system?: boolean | null;
  government_owned?: boolean | null;
  shared_or_public?: boolean | null;
  special_need?: boolean | null;
  mobile_terminal?: boolean | null;
}

/**
 * Input of `check: "costs"`: a whole budget. A line that could not be read keeps its
 * error (its pointer already rooted at `/items/<i>`) and is reported in its place.
 */
export interface CostsInput {
  /**
   * The regulation whose fee table decides every line (`null`:
   * `DEFAULT_FEE_REGIME`). A line that names another regime is an error in its
   * place.
   */
  regime?: RegimeId | null;
  /**
   * The budget lines, in order; a line that could not be read keeps its error and,
   * when that could be read, its amount.
   */
  items: CostInput[];
  /** Message language. */
  locale?: LocaleTag | null;
}

/** Input of `check: "project_class"`. */
export interface ProjectClassInput {
  /**
   * The regulation whose project classes decide (`null`: the default regime of the
   * fee table, `DEFAULT_FEE_REGIME`).
   */
  regime?: RegimeId | null;
  /** Lifecycle kind (required; `service` is not classified by the annex). */
  kind: Kind;
  /** Whether an upgrade changes the system's main function. */
  main_function_changed?: boolean | null;
  /** Only replaces or expands finished equipment (absent reads as false). */
  hardware_replacement_only?: boolean | null;
  /** 升级改造金额, in 万元. */
  amount?: string | number | null;
  /** Message language. */
  locale?: LocaleTag | null;
}

/** Input of `check: "change"` (contract §4). */
export interface ChangeRequest {
  /** The regime. */
  regime: RegimeId;
  /** The day the check is made for. */
  as_of?: DateString | null;
  /** The day the change (of the filed information) happened (Shizuishan). */
  changed_on?: DateString | null;
  /**
   * 原批复概算总投资, 万元; must be more than 0. `null` when the value given could not
   * be read (an `invalid` finding: the figures that need it are `null`).
   */
  approved_total: string | number;
  /** Whether the project goal changes. */
  goal_changed?: boolean | null;
  /**
   * Whether the approved construction content, scale or standard changes, beyond
   * amounts (revision 3): a request that only spends less after a tender is savings.
   */
  content_changed?: boolean | null;
  /** Why the content is adjusted. */
  reason?: ChangeReason | null;
  /** The budget year whose special funds change (Wuzhong; absent: as_of's year). */
  budget_year?: number | null;
  /** The items, at most `MAX_ITEMS`. */
  items: ChangeItem[];
  /** Message language. */
  locale?: LocaleTag | null;
}

export type ChangeReason = "policy_requirement" | "technical_optimization" | "business_development" | "external_change" | "other";

/** One line of the approved budget and what is proposed for it. */
export interface ChangeItem {
  /** Free-text name (informative). */
  name?: string | null;
  /**
   * The approved amount, 万元; `null` when the value given could not be read (an
   * `invalid` finding, contract §8: every figure that needs it is `null`).
   */
  approved: string | number;
  /** The proposed amount, 万元; `null` as for `approved`. */
  proposed: string | number;
  /** New content, outside the approved list (absent reads as false). */
  new?: boolean | null;
  /** The decrease comes from tender savings 由招标采购形成的资金结余 (absent reads as false). */
  tender_savings?: boolean | null;
}

/** The eligibility verdict (contract §2). */
export interface EligibilityVerdict {
  /** Always `"eligibility"`. */
  check: "eligibility";
  /** The regime. */
  regime: RegimeId;
  /** The day checked for. */
  as_of: DateString | null;
  /** Outcome. */
  outcome: Outcome;
  /** Route. */
  route: Route;
  /** The kind after Wulong's annex reclassification (else the input kind). */
  effective_kind: Kind | null;
  /** Findings, in the normative order. */
  findings: Finding[];
  /** Procedure. */
  procedure: Procedure;
  /** The regulation. */
  regulation: Regulation;
  /** `govit-check <version>`. */
  ruleset: string;
  /** `RULESET_ID`: the build of the rules that decided. */
  ruleset_id: RulesetId;
}

export type Outcome = "not_applicable" | "ineligible" | "incomplete" | "eligible";

export type Route = "approval" | "filing" | "none" | "undetermined";

/** One finding: a rule that fired, or a question still to answer. */
export interface Finding {
  /** Rule id, e.g. `baotou.10.3` (for `missing`: the first rule that needs the field). */
  rule: string;
  /** Level. */
  level: Level;
  /**
   * The article in Chinese, e.g. `第十条第（三）项`; empty (and left out of the JSON)
   * for an `invalid` finding (rule `input`), which no article grounds.
   */
  article?: string;
  /** JSON Pointer of the field to change or answer; absent when no single field is. */
  field?: string;
  /** What is wrong and what to do, in the requested locale. */
  message: string;
  /** For `missing`: every rule that needs the field, in table order. */
  rules?: string[];
}

export type Level = "block" | "missing" | "invalid" | "warn" | "require" | "info";

/** The procedure the route implies. */
export interface Procedure {
  /** The body the regulation names for the route (informative). */
  authority: string | null;
  /** Documents to prepare. */
  documents: Document[];
  /** Whether 工程监理 is required; `null` where the regime sets no rule. */
  supervision_required: boolean | null;
  /** Whether the project goes to a regional (自治区) review. */
  regional_review: boolean;
  /** Who organises acceptance. */
  acceptance: Acceptance | null;
  /** Deadlines computed from the input. */
  deadlines: Deadline[];
}

export type Document = "proposal" | "feasibility_study" | "preliminary_design" | "budget_estimate" | "design_with_estimate" | "needs_analysis_report" | "declaration_form" | "performance_goals_table" | "project_plan";

export type Acceptance = "unit" | "authority" | "joint" | "pre_review_then_unit";

/** A date by which something is due. */
export interface Deadline {
  /** The rule that sets it. */
  rule: string;
  /** What is due (Chinese, as the regulation names it). */
  what: string;
  /** The last day. */
  due: DateString;
}

/** The regulation and its validity on `as_of`. */
export interface Regulation {
  /** Title. */
  title: string;
  /** First day in force. */
  effective_from: DateString | null;
  /** Last day in force. */
  effective_until: DateString | null;
  /** Status on `as_of`. */
  status: Status;
}

export type Status = "in_force" | "not_yet_in_force" | "expired" | "draft" | "undetermined";

/** Which build of the rules decided: a lowercase hex digest, the same on every surface of one build. */
export type RulesetId = string;

/** Output of `check: "cost"`: the decision for one budget line (keys in contract order). */
export interface CostDecision {
  /** Always `"cost"`. */
  check: "cost";
  /** The item code. */
  item: string;
  /** The exact Chinese label. */
  label: string;
  /** How the item was read (contract §9): by code, label or a reading of its words. */
  matched: Matched;
  /** The table's treatment. */
  treatment: Treatment;
  /** The decision on the answers given. */
  decision: Decision;
  /** `<regime>.annex.<code>`. */
  rule: string;
  /** The text the decision rests on. */
  basis: string;
  /** Names of the needed conditions answered false, in the table's order. */
  unmet: string[];
  /** Names of the needed conditions not answered yet, in the table's order. */
  unanswered: string[];
  /** The line's amount, normalized, or `null`. */
  amount: Decimal | null;
  /** What the decision means and what the applicant must do. */
  message: string;
  /** `govit-check <version>`. */
  ruleset: string;
  /** `RULESET_ID`: the build of the rules that decided. */
  ruleset_id: RulesetId;
}

/**
 * How an item was read (contract §9): `by` code, label or reading, the `text` given
 * and the `row` (its label) it was read as.
 */
export interface Matched {
  /** `code`, `label` or `reading`. */
  by: By;
  /** The item as given (trimmed). */
  text: string;
  /** The label of the row it names. */
  row: string;
}

export type By = "code" | "label" | "reading";

export type Treatment = "included" | "excluded" | "conditional";

export type Decision = "included" | "excluded" | "pending_assessment" | "needs_information";

/** An exact decimal, normalized (no trailing zeros): "1280.5", "-10". */
export type Decimal = string;

/** Output of `check: "costs"`. */
export interface CostsAnswer {
  /** Always `"costs"`. */
  check: "costs";
  /** One entry per input line, in order. */
  lines: CostLine[];
  /** The totals under each heading. */
  totals: CostTotals;
  /** `govit-check <version>`. */
  ruleset: string;
  /** `RULESET_ID`: the build of the rules that decided. */
  ruleset_id: RulesetId;
}

/** A line's decision, or `{"error": ...}` in its place (its field points into the whole input). */
export type CostLine = CostDecision | ErrorAnswer;

export interface ErrorAnswer {
  error: ErrorBody;
}

/** An input that cannot be checked (contract §6). */
export interface ErrorBody {
  code: "invalid_json" | "invalid_type" | "invalid_value" | "required" | "unknown_regime" | "unknown_item" | "ambiguous_item" | "too_large";
  /** JSON Pointer of the field at fault ("" for the whole input). */
  field: string;
  /** What is wrong and what to do, in the input's locale. */
  message: string;
  /** unknown_item: the closest item codes, best first (possibly none). */
  suggestions?: string[];
  /** ambiguous_item (contract §9): every row the item fits, those of its object first; choose one, or split the line. */
  candidates?: ({
    item: string;
    label: string;
    treatment: "included" | "excluded" | "conditional";
  })[];
  ruleset_id: RulesetId;
}

/**
 * The budget's totals in 万元, exact (lines without amount count 0): together they are
 * the sum of every readable amount.
 */
export interface CostTotals {
  /** Σ amounts of `included` lines. */
  included: Decimal;
  /** Σ amounts of `excluded` lines. */
  excluded: Decimal;
  /** Σ amounts of `pending_assessment` and `needs_information` lines. */
  pending: Decimal;
  /**
   * Σ readable amounts of lines that got an error (unknown or ambiguous item, a bad
   * condition …): what no row decides (contract §9).
   */
  unclassified: Decimal;
}

/** Output of `check: "project_class"`. */
export interface ProjectClass {
  /** Always `"project_class"`. */
  check: "project_class";
  /** The class. */
  class: Class;
  /** The deciding annex rule. */
  rule: string;
  /** Input names of the absent answers the class waits for. */
  unanswered: string[];
  /** What the class means for the applicant. */
  message: string;
  /** `govit-check <version>`. */
  ruleset: string;
  /** `RULESET_ID`: the build of the rules that decided. */
  ruleset_id: RulesetId;
}

export type Class = "construction" | "maintenance" | "continuation" | "undetermined";

/** The change verdict (contract §4), keys in contract order. */
export interface ChangeVerdict {
  /** Always `"change"`. */
  check: "change";
  /** The regime. */
  regime: RegimeId;
  /** The day checked for. */
  as_of: DateString | null;
  /** Outcome. */
  outcome: ChangeOutcome;
  /** The bodies the unit files with or applies to (informative). */
  authorities: string[];
  /** The exact figures. */
  figures: Figures;
  /** Each limit of the regime with its headroom, in rules.md order. */
  margins: Margin[];
  /** Findings: validity, as_of, then the regime's rules in table order. */
  findings: Finding[];
  /** The date a filing or application is due, where the regime sets one. */
  deadline: DateString | null;
  /** The regulation and its status on `as_of`. */
  regulation: Regulation;
  /** `govit-check <version>`. */
  ruleset: string;
  /** `RULESET_ID`: the build of the rules that decided. */
  ruleset_id: RulesetId;
}

export type ChangeOutcome = "not_applicable" | "rejected" | "approval_required" | "incomplete" | "savings" | "file";

/**
 * The exact figures of a change (contract §4; definitions in interpretations.md). A
 * figure is `null` (`null`) when an amount it needs could not be read (contract §8).
 */
export interface Figures {
  /** 原批复概算总投资. */
  approved_total: Decimal | null;
  /** approved_total + Σ(proposed − approved). */
  total_after: Decimal | null;
  /** Σ(proposed − approved) over items that grow (Baotou, Wulong: tender savings left out). */
  increases: Decimal | null;
  /** Σ(approved − proposed) over items that shrink (Baotou, Wulong: tender savings left out). */
  decreases: Decimal | null;
  /** max(increases, decreases). */
  adjustment: Decimal | null;
  /** adjustment × 100 ÷ approved_total, percent. */
  adjustment_ratio: Decimal | null;
  /** Σ proposed over new items. */
  new_content: Decimal | null;
  /** new_content × 100 ÷ approved_total, percent. */
  new_content_ratio: Decimal | null;
}

/** One limit and how far the change is from it (contract §4). */
export interface Margin {
  /** The rule that sets the limit. */
  rule: string;
  /**
   * The percent of a ratio limit, or the amount of an amount limit (`null`: the
   * approved total it is could not be read).
   */
  limit: Decimal | null;
  /**
   * How much more the measured amount may grow, 万元 (negative: over the limit;
   * `null` when a figure it needs is `null`).
   */
  headroom: Decimal | null;
}

/** The answer of `form` (contract §8). */
export interface FormAnswer {
  /** Always `"form"`. */
  check: "form";
  /** The regime. */
  regime: RegimeId;
  /** Title of the regulation. */
  title: string;
  /**
   * The questions, by section, in the order to ask them: eligibility first, then the
   * change request (`check` of each section says which input it fills).
   */
  sections: Section[];
  /** The engine's vocabularies in the locale. */
  labels: Labels;
  /** `govit-check <version>`. */
  ruleset: string;
  /** `RULESET_ID`: the build of the rules that wrote it (contract §8). */
  ruleset_id: RulesetId;
}

/** A group of questions. */
export interface Section {
  /** A stable id (`scope`, `project`, … `change`). */
  id: string;
  /** The check whose input the answers go into: `eligibility` or `change`. */
  check: string;
  /** The title. */
  title: string;
  /** The questions, in the order to ask them. */
  questions: Question[];
}

/** One question (contract §8). */
export interface Question {
  /** JSON Pointer of the answer in the check's input (`/items/-/…`: in every item). */
  field: string;
  /** How it is answered. */
  type: QuestionType;
  /** The label (the words a `missing` finding uses for it). */
  label: string;
  /** Plain words for its terms, or `null`. */
  hint: string | null;
  /** The values this regime distinguishes (`choice`, `choices`), else empty. */
  options: Choice[];
  /** The rules that read it, in table order. */
  rules: string[];
  /** When it matters (`null`: always). */
  ask_when: AskWhen | null;
  /** What an absent answer reads as (`null`: unanswered). */
  default: boolean | string | null;
}

export type QuestionType = "bool" | "money" | "date" | "years" | "year" | "text" | "choice" | "choices";

/** One choice of a `choice` or `choices` question. */
export interface Choice {
  /** The value the input takes. */
  value: string;
  /** Its label, in the regime's terms. */
  label: string;
}

/** When a question matters, as data. A condition on a field that is itself unanswered may still hold: show the question then. */
export type AskWhen = AskWhenEquals | AskWhenIn | AskWhenAny | AskWhenAll;

/** The answer at `field` equals the value. */
export interface AskWhenEquals {
  field: string;
  equals: boolean | string;
}

/** The answer at `field` is one of the names. */
export interface AskWhenIn {
  field: string;
  in: string[];
}

/** One of the conditions holds. */
export interface AskWhenAny {
  any: AskWhen[];
}

/** Every condition holds. */
export interface AskWhenAll {
  all: AskWhen[];
}

/** The engine's vocabularies in the locale: labels.document.proposal → "项目建议书". */
export interface Labels {
  outcome: {
    not_applicable: string;
    ineligible: string;
    incomplete: string;
    eligible: string;
  };
  route: {
    approval: string;
    filing: string;
    none: string;
    undetermined: string;
  };
  level: {
    block: string;
    missing: string;
    invalid: string;
    warn: string;
    require: string;
    info: string;
  };
  status: {
    in_force: string;
    not_yet_in_force: string;
    expired: string;
    draft: string;
    undetermined: string;
  };
  document: {
    proposal: string;
    feasibility_study: string;
    preliminary_design: string;
    budget_estimate: string;
    design_with_estimate: string;
    needs_analysis_report: string;
    declaration_form: string;
    performance_goals_table: string;
    project_plan: string;
  };
  acceptance: {
    unit: string;
    authority: string;
    joint: string;
    pre_review_then_unit: string;
  };
  kind: {
    new: string;
    expansion: string;
    renovation: string;
    continuation: string;
    maintenance: string;
    service: string;
  };
  change_outcome: {
    not_applicable: string;
    rejected: string;
    approval_required: string;
    incomplete: string;
    savings: string;
    file: string;
  };
  figure: {
    approved_total: string;
    total_after: string;
    increases: string;
    decreases: string;
    adjustment: string;
    adjustment_ratio: string;
    new_content: string;
    new_content_ratio: string;
  };
  treatment: {
    included: string;
    excluded: string;
    conditional: string;
  };
  decision: {
    included: string;
    excluded: string;
    pending_assessment: string;
    needs_information: string;
  };
  condition: {
    assessed: string;
    closely_related: string;
    deployed_on_system: string;
    government_owned: string;
    shared_or_public: string;
    special_need: string;
    mobile_terminal: string;
  };
}

/** The answer of `regimes`. */
export interface RegimesAnswer {
  check: "regimes";
  as_of: DateString | null;
  regimes: RegimeInfo[];
  ruleset: string;
  ruleset_id: RulesetId;
}

/** A regime as `regimes` lists it. */
export interface RegimeInfo {
  /** Regime id. */
  id: RegimeId;
  /** Title of the regulation. */
  title: string;
  /** First day in force. */
  effective_from: DateString | null;
  /** Last day in force. */
  effective_until: DateString | null;
  /** Status on the date asked about. */
  status: Status;
  /** Whether it has a fee boundary table: `cost` and `costs` accept it as `regime`. */
  fee_table: boolean;
}

/** The answer of `rules`. */
export interface RulesAnswer {
  check: "rules";
  regime: RegimeId;
  rules: RuleInfo[];
  ruleset: string;
  ruleset_id: RulesetId;
}

/** A rule as the catalog shows it (`rules` call). */
export interface RuleInfo {
  /** Rule id. */
  id: string;
  /**
   * Which check evaluates it: `eligibility`, `change`, `cost` or `project_class`;
   * `validity` for the regulation's period, which every check reporting the
   * regulation applies.
   */
  check: string;
  /** The article in Chinese. */
  article: string;
  /** Level of its finding. */
  level: Level;
  /** Short title in the requested locale. */
  title: string;
  /** The clause text it rests on. */
  clause: string;
}

/** The answer of `version`. */
export interface VersionAnswer {
  check: "version";
  ruleset: string;
  ruleset_id: RulesetId;
}
