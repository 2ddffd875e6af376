/* Types of govit-check's inputs and outputs (contract §1–§6), hand-written. */

/** Money in 万元 (10,000 yuan): a decimal string such as "1280.5" (exact) or a number. */
export type Money = string | number;
/** A non-negative number of years: 3 or "3.5". */
export type Years = string | number;
/** A calendar date written "YYYY-MM-DD". */
export type DateString = string;
/** A decimal string (money and ratios in outputs are always strings, normalized). */
export type Decimal = string;
/** "zh-CN" (default) or "en"; "zh-*" and "en-*" tags are read too. */
export type LocaleTag = "zh-CN" | "en" | (string & {});

export type Kind = "new" | "expansion" | "renovation" | "continuation" | "maintenance" | "service";
export type Category = "engineering" | "goods" | "service";
export type UnitLevel = "municipal" | "county" | "township";
export type FundingSource =
  | "local_fiscal" | "central" | "provincial" | "superior_special"
  | "self_raised" | "enterprise_free" | "social_capital";
export type Chapter =
  | "data_governance" | "data_sharing_analysis" | "security_measures"
  | "crypto_plan" | "intensive_construction";

/** Every input accepts `locale`; `null` is the same as absent everywhere. */
export interface WithLocale {
  locale?: LocaleTag | null;
}

export interface Investment {
  total?: Money | null;
  engineering?: Money | null;
  equipment?: Money | null;
  contingency?: Money | null;
}

export interface Project {
  name?: string | null;
  kind?: Kind | null;
  category?: Category | null;
  classified?: boolean | null;
  unit_level?: UnitLevel | null;
  investment?: Investment | null;
  funding?: FundingSource[] | null;
  budget_year?: number | null;
  service_years?: Years | null;
  free_maintenance_years?: Years | null;
  includes_construction?: boolean | null;
  main_function_changed?: boolean | null;
  hardware_replacement_only?: boolean | null;
  emergency?: boolean | null;
  civil_works?: boolean | null;
  routine_purchase?: boolean | null;
  contract_signed_on?: DateString | null;
  tender_completed_on?: DateString | null;
}

/** The applicant's answers: absent (or null) means "not answered yet", not false. */
export interface Facts {
  in_project_library?: boolean | null;
  in_annual_plan?: boolean | null;
  authority_approved?: boolean | null;
  needs_clear?: boolean | null;
  data_catalog_provided?: boolean | null;
  data_shared?: boolean | null;
  duplicate_data_collection?: boolean | null;
  includes_infrastructure?: boolean | null;
  new_infrastructure?: boolean | null;
  new_own_datacenter?: boolean | null;
  datacenter_renewal_needed?: boolean | null;
  includes_office_equipment?: boolean | null;
  duplicates_existing_system?: boolean | null;
  similar_project_unaccepted?: boolean | null;
  integrated_with_existing?: boolean | null;
  e_document_management?: boolean | null;
  includes_maintenance_content?: boolean | null;
  public_service_content?: boolean | null;
  connected_to_ningxia_apps?: boolean | null;
  connected_to_city_brain?: boolean | null;
  security_plan?: boolean | null;
  crypto_plan?: boolean | null;
  major_security_risk?: boolean | null;
  on_gov_cloud?: boolean | null;
  connected_to_unified_platforms?: boolean | null;
  private_network_lease?: boolean | null;
  private_network_integrated?: boolean | null;
  xinchuang_compliant?: boolean | null;
  ipv6_compliant?: boolean | null;
  prior_systems_accepted?: boolean | null;
  system_out_of_step?: boolean | null;
  system_idle?: boolean | null;
  performance_goals_table?: boolean | null;
  design_chapters?: Chapter[] | null;
  post_evaluation_report?: boolean | null;
  om_funding_source?: boolean | null;
  security_assessments_done?: boolean | null;
  system_accepted?: boolean | null;
  in_system_catalog?: boolean | null;
  performance_passed?: boolean | null;
  moved_to_superior_platform?: boolean | null;
  policy_discontinued?: boolean | null;
}

/** Input of `checkEligibility` (contract §2). */
export interface Application extends WithLocale {
  regime: RegimeId;
  as_of?: DateString | null;
  project?: Project | null;
  facts?: Facts | null;
}

export type Level = "block" | "missing" | "invalid" | "warn" | "require" | "info";
export type Outcome = "not_applicable" | "ineligible" | "incomplete" | "eligible";
export type Route = "approval" | "filing" | "none" | "undetermined";
export type DocumentId =
  | "proposal" | "feasibility_study" | "preliminary_design" | "budget_estimate"
  | "design_with_estimate" | "needs_analysis_report" | "declaration_form"
  | "performance_goals_table" | "project_plan";
export type Acceptance = "unit" | "authority" | "joint" | "pre_review_then_unit";
export type Status = "in_force" | "not_yet_in_force" | "expired" | "draft" | "undetermined";

/** A rule that fired, or a question still to answer (`missing`). */
export interface RuleFinding {
  rule: string;
  level: Exclude<Level, "invalid">;
  /** The article in Chinese, e.g. "第十条第（三）项". */
  article: string;
  /** JSON Pointer of the field to change or answer; absent when no single field is. */
  field?: string;
  message: string;
  /** For `missing`: every rule that needs the field. */
  rules?: string[];
}

/**
 * A present value that could not be read (contract §8): the field counts as absent (or
 * takes its default), the verdict stands. Always first among the findings, in input order.
 */
export interface InvalidFinding {
  rule: "input";
  level: "invalid";
  /** JSON Pointer of the bad value (an array element's own pointer). */
  field: string;
  /** What is wrong and how to write it. */
  message: string;
}

export type Finding = RuleFinding | InvalidFinding;

export interface Deadline {
  rule: string;
  what: string;
  due: DateString;
}

export interface Procedure {
  authority: string | null;
  documents: DocumentId[];
  supervision_required: boolean | null;
  regional_review: boolean;
  acceptance: Acceptance | null;
  deadlines: Deadline[];
}

export interface Regulation {
  title: string;
  effective_from: DateString | null;
  effective_until: DateString | null;
  status: Status;
}

/** Output of `checkEligibility`. */
export interface EligibilityVerdict {
  check: "eligibility";
  regime: RegimeId;
  as_of: DateString | null;
  outcome: Outcome;
  route: Route;
  effective_kind: Kind | null;
  findings: Finding[];
  procedure: Procedure;
  regulation: Regulation;
  /** "govit-check <version>". */
  ruleset: string;
  /** Which build of the rules decided (contract §8): lowercase hex, the same on every surface of one build. */
  ruleset_id: string;
}

export interface CostConditions {
  assessed?: boolean | null;
  closely_related?: boolean | null;
  deployed_on_system?: boolean | null;
  government_owned?: boolean | null;
  shared_or_public?: boolean | null;
  special_need?: boolean | null;
  mobile_terminal?: boolean | null;
}

/** Input of `classifyCost`: one budget line (contract §3). */
export interface CostInput extends WithLocale {
  /** An item code of Wulong's annex, or its exact Chinese label ("摄像头"). */
  item: string;
  amount?: Money | null;
  conditions?: CostConditions | null;
}

export type Treatment = "included" | "excluded" | "conditional";
export type CostDecisionKind = "included" | "excluded" | "pending_assessment" | "needs_information";

/** Output of `classifyCost`. */
export interface CostDecision {
  check: "cost";
  item: string;
  label: string;
  treatment: Treatment;
  decision: CostDecisionKind;
  rule: string;
  basis: string;
  /** Condition names answered false. */
  unmet: string[];
  /** Condition names not answered. */
  unanswered: string[];
  amount?: Decimal | null;
  message: string;
  ruleset: string;
  ruleset_id: string;
}

/** Input of `classifyCosts`: a whole budget. */
export interface CostsInput extends WithLocale {
  items: CostInput[];
}

/** A bad budget line, reported in its place; its `field` points into the whole input. */
export interface CostLineError {
  error: ErrorBody;
}

/** Output of `classifyCosts`. */
export interface CostsAnswer {
  check: "costs";
  lines: Array<CostDecision | CostLineError>;
  totals: { included: Decimal; excluded: Decimal; pending: Decimal };
  ruleset: string;
  ruleset_id: string;
}

/** Input of `classifyProject` (Wulong annex). */
export interface ProjectClassInput extends WithLocale {
  kind: Kind;
  main_function_changed?: boolean | null;
  hardware_replacement_only?: boolean | null;
  amount?: Money | null;
}

/** Output of `classifyProject`. */
export interface ProjectClass {
  check: "project_class";
  class: "construction" | "maintenance" | "continuation" | "undetermined";
  rule: string;
  unanswered: string[];
  message: string;
  ruleset: string;
  ruleset_id: string;
}

export type ChangeReason =
  | "policy_requirement" | "technical_optimization" | "business_development"
  | "external_change" | "other";

export interface ChangeItem {
  name?: string | null;
  approved: Money;
  proposed: Money;
  /** New content (absent reads as false). */
  new?: boolean | null;
  /** Savings from tendering (absent reads as false). */
  tender_savings?: boolean | null;
}

/** Input of `checkChange` (contract §4). */
export interface ChangeRequest extends WithLocale {
  regime: RegimeId;
  as_of?: DateString | null;
  changed_on?: DateString | null;
  approved_total: Money;
  goal_changed?: boolean | null;
  /** Whether the approved content, scale or standard changes beyond amounts (revision 3). */
  content_changed?: boolean | null;
  reason?: ChangeReason | null;
  budget_year?: number | null;
  items: ChangeItem[];
}

/** Each figure is `null` when an amount it needs could not be read (an `invalid` finding). */
export interface ChangeFigures {
  approved_total: Decimal | null;
  total_after: Decimal | null;
  increases: Decimal | null;
  decreases: Decimal | null;
  adjustment: Decimal | null;
  /** Percent. */
  adjustment_ratio: Decimal | null;
  new_content: Decimal | null;
  /** Percent. */
  new_content_ratio: Decimal | null;
}

export interface Margin {
  rule: string;
  /** Percent for a ratio limit, an amount for an amount limit (`null`: an unreadable approved total). */
  limit: Decimal | null;
  /** How much more the measured amount may grow (may be negative; `null` when a figure it needs is). */
  headroom: Decimal | null;
}

/** Output of `checkChange`. */
export interface ChangeVerdict {
  check: "change";
  regime: RegimeId;
  outcome: "not_applicable" | "rejected" | "approval_required" | "incomplete" | "savings" | "file";
  authorities: string[];
  figures: ChangeFigures;
  margins: Margin[];
  findings: Finding[];
  deadline: DateString | null;
  regulation: Regulation;
  ruleset: string;
  ruleset_id: string;
}

export interface RegimeInfo {
  id: RegimeId;
  title: string;
  effective_from: DateString | null;
  effective_until: DateString | null;
  status: Status;
}

/** Output of `regimes()`. */
export interface RegimesAnswer {
  check: "regimes";
  as_of: DateString | null;
  regimes: RegimeInfo[];
  ruleset: string;
  ruleset_id: string;
}

export interface RuleInfo {
  id: string;
  check: "validity" | "eligibility" | "change" | "cost" | "project_class";
  article: string;
  level: Level;
  title: string;
  /** The clause text the rule rests on (Chinese). */
  clause: string;
}

/** Output of `rules()`. */
export interface RulesAnswer {
  check: "rules";
  regime: RegimeId;
  rules: RuleInfo[];
  ruleset: string;
  ruleset_id: string;
}

/** Output of `evaluate({check: "version", input: {}})`. */
export interface VersionAnswer {
  check: "version";
  ruleset: string;
  ruleset_id: string;
}

export type ErrorCode =
  | "invalid_json" | "invalid_type" | "invalid_value" | "required"
  | "unknown_regime" | "unknown_item" | "too_large";

/** An input error as the native JSON writes it (contract §6). */
export interface ErrorBody {
  code: ErrorCode;
  /** JSON Pointer of the field at fault ("" for the whole input). */
  field: string;
  message: string;
  /** For `unknown_item`: the closest item codes, best first. */
  suggestions?: string[];
  /** Which build of the rules refused the input (contract §8). */
  ruleset_id: string;
}

/**
 * What every function throws for an input that cannot be checked: a plain `Error`
 * carrying the contract's `code`, `field` and `message`. The module keeps working.
 */
export interface GovitCheckError extends Error {
  code: ErrorCode;
  field: string;
  suggestions?: string[];
  /** Which build of the rules refused the input (contract §8). */
  ruleset_id: string;
}

export type CheckName =
  | "eligibility" | "cost" | "costs" | "project_class" | "change" | "form"
  | "regimes" | "rules" | "version";

/** How a form question is answered. */
export type QuestionType = "bool" | "money" | "date" | "years" | "year" | "text" | "choice" | "choices";

/**
 * When a question matters, as data. A condition on a field that is itself unanswered may
 * still hold: show the question then (the engine asks it).
 */
export type AskWhen =
  | { field: string; equals: boolean | string }
  | { field: string; in: string[] }
  | { any: AskWhen[] }
  | { all: AskWhen[] };

/** One question of `form()`. */
export interface Question {
  /**
   * JSON Pointer of the answer in the check's input (the section's `check`);
   * `/items/-/approved` stands for `approved` of every item (`-` → the item's index).
   */
  field: string;
  type: QuestionType;
  /** The label, in the words the engine's `missing` findings use. */
  label: string;
  /** Plain words for the terms (信创, 项目库, 密码应用方案…), or null. */
  hint: string | null;
  /** For `choice` / `choices`: the values this regime distinguishes, in its words. */
  options: { value: string; label: string }[];
  /** The rules that read the answer, in table order. */
  rules: string[];
  /** When the answer matters (null: always). */
  ask_when: AskWhen | null;
  /** What an absent answer reads as: null (unanswered: a rule that needs it asks), false (an unticked box) or a value ("municipal"). */
  default: boolean | string | null;
}

export interface FormSection {
  /** "scope", "project", "planning", "data", "infrastructure", "integration", "security", "maintenance" or "change". */
  id: string;
  /** The input the answers go into: an `Application` (eligibility) or a `ChangeRequest` (change). */
  check: "eligibility" | "change";
  title: string;
  questions: Question[];
}

/** Output of `form()`: what a regime asks, in the order to ask it (contract §8). */
export interface FormAnswer {
  check: "form";
  regime: RegimeId;
  /** Title of the regulation. */
  title: string;
  sections: FormSection[];
  /** The engine's vocabularies in the locale: `labels.document.proposal` → "项目建议书". */
  labels: {
    outcome: Record<Outcome, string>;
    route: Record<Route, string>;
    level: Record<Level, string>;
    status: Record<Status, string>;
    document: Record<DocumentId, string>;
    acceptance: Record<Acceptance, string>;
    kind: Record<Kind, string>;
    change_outcome: Record<ChangeVerdict["outcome"], string>;
    figure: Record<keyof ChangeFigures, string>;
    treatment: Record<Treatment, string>;
    decision: Record<CostDecisionKind, string>;
    condition: Record<keyof CostConditions, string>;
  };
  ruleset: string;
}

/** Any answer `evaluate` can give. */
export type Answer =
  | EligibilityVerdict | CostDecision | CostsAnswer | ProjectClass | ChangeVerdict
  | FormAnswer | RegimesAnswer | RulesAnswer | VersionAnswer;

/**
 * What a catalog call (`rules`, `form`, `evaluate` of either) throws where the catalog is not
 * loaded: the catalogs are not in the .wasm but in the package's assets
 * (`web/catalog/<name>.js`). The package's `rules()` and `form()` load them (Node reads them
 * on first use, so there `evaluate` never throws this); in browsers `evaluate` answers a
 * catalog once `rules()` / `form()` has loaded it.
 */
export interface CatalogNotLoadedError extends Error {
  code: "catalog_not_loaded";
  /** The catalog's name, `<check>.<regime>.<locale>`: its asset is `web/catalog/<name>.js`. */
  catalog: string;
}

/**
 * Any check by name (a batch line without its id); throws a `GovitCheckError`, and in
 * browsers a `CatalogNotLoadedError` for a catalog (`rules`, `form`) not loaded yet.
 */
export function evaluate(request: { check: "eligibility"; input: Application }): EligibilityVerdict;
export function evaluate(request: { check: "cost"; input: CostInput }): CostDecision;
export function evaluate(request: { check: "costs"; input: CostsInput }): CostsAnswer;
export function evaluate(request: { check: "project_class"; input: ProjectClassInput }): ProjectClass;
export function evaluate(request: { check: "change"; input: ChangeRequest }): ChangeVerdict;
export function evaluate(request: { check: "regimes"; input: { as_of?: DateString | null } & WithLocale }): RegimesAnswer;
export function evaluate(request: { check: "rules"; input: { regime: RegimeId } & WithLocale }): RulesAnswer;
export function evaluate(request: { check: "form"; input: { regime: RegimeId } & WithLocale }): FormAnswer;
export function evaluate(request: { check: "version"; input: WithLocale }): VersionAnswer;
export function evaluate(request: { check: CheckName | (string & {}); input: unknown }): Answer;

/** Every regime with its status on `asOf` ("YYYY-MM-DD"; absent: status "undetermined"). */
export function regimes(asOf?: DateString | null): RegimesAnswer;

// catalog:sync:begin (the synchronous entries govit-check/web/modern and /web/compat; the
// package's entries declare rules() and form() as Promises: pkg-config/web/entry.d.ts)
/**
 * The rule catalog of `regime`, titles in `locale` ("zh-CN" by default), from the catalog
 * source; throws a `CatalogNotLoadedError` where the source does not give it.
 */
export function rules(regime: RegimeId, locale?: LocaleTag | null): RulesAnswer;

/**
 * The questions `regime` asks, in sections, in `locale` ("zh-CN" by default): render a form
 * from it. From the catalog source; throws a `CatalogNotLoadedError` where it does not give it.
 */
export function form(regime: RegimeId, locale?: LocaleTag | null): FormAnswer;

/**
 * Where `rules`, `form` and `evaluate` find the catalogs: `source(name)` returns the JSON text
 * of the catalog `name` (the default export of the package's `web/catalog/<name>.js`), or
 * `undefined` when it does not have it.
 */
export function setCatalogSource(source: (name: string) => string | undefined): void;
// catalog:sync:end
