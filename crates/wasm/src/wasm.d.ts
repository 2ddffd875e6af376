/* The npm package's functions and errors, hand-written; the shapes they take and give
   (Application, EligibilityVerdict, …) are GENERATED from the library's Rust types into
   types.d.ts beside this file (`cargo run -p govit-check-schema`). */

/** Money in 万元 (10,000 yuan): a decimal string such as "1280.5" (exact) or a number. */
export type Money = string | number;

/** Every input accepts `locale`; `null` is the same as absent everywhere. */
export interface WithLocale {
  locale?: LocaleTag | null;
}

// The names these types had before they were generated.
export type FundingSource = Funding;
export type DocumentId = Document;
export type CostDecisionKind = Decision;
export type ChangeFigures = Figures;
export type FormSection = Section;
/** A bad budget line, reported in its place; its `field` points into the whole input. */
export type CostLineError = ErrorAnswer;
/** A rule that fired, or a question still to answer (`missing`). */
export type RuleFinding = Finding & { level: Exclude<Level, "invalid">; article: string };
/** A present value that could not be read (contract §8): always first, in input order. */
export type InvalidFinding = Finding & { rule: "input"; level: "invalid"; field: string };
export type ErrorCode = ErrorBody["code"];

/**
 * What every function throws for an input that cannot be checked: a plain `Error`
 * carrying the contract's `code`, `field` and `message`. The module keeps working.
 */
export interface GovitCheckError extends Error {
  code: ErrorCode;
  field: string;
  /** `unknown_item`: the closest item codes, best first (possibly none). */
  suggestions?: string[];
  /** `ambiguous_item`: the rows the item fits, those of its object first (contract §9). */
  candidates?: NonNullable<ErrorBody["candidates"]>;
  /** Which build of the rules refused the input (contract §8). */
  ruleset_id: string;
}

export type CheckName =
  | "eligibility" | "cost" | "costs" | "project_class" | "change" | "form"
  | "regimes" | "rules" | "version";

/** Any answer `evaluate` can give. */
export type Answer =
  | EligibilityVerdict | CostDecision | CostsAnswer | ProjectClass | ChangeVerdict
  | FormAnswer | RegimesAnswer | RulesAnswer | VersionAnswer;

/**
 * What a catalog call (`rules`, `form`, `evaluate` of either) throws where the catalog is not
 * loaded: the catalogs are not in the .wasm but in the package's assets
 * (`web/catalog/<name>.js`). The package's `rules()` and `form()` load them (Node reads them
 * on first use, so there `evaluate` never throws this); in browsers `evaluate` answers a
 * catalog once `rules()` / `form()` has loaded it. The English texts of every message are
 * such an asset too (`texts.en`): the package's entries load them when a call first needs
 * them; the synchronous entries (`govit-check/web/modern`, `/web/compat`) throw this, naming
 * `texts.en`, for a call in English until their catalog source gives it.
 */
export interface CatalogNotLoadedError extends Error {
  code: "catalog_not_loaded";
  /**
   * The catalog's name, `<check>.<regime>.<locale>` (or `texts.<locale>`): its asset is
   * `web/catalog/<name>.js`.
   */
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
 * Where `rules`, `form` and `evaluate` find the catalogs, and every call the English texts
 * (`texts.en`): `source(name)` returns the text of `name` (the default export of the
 * package's `web/catalog/<name>.js`), or `undefined` when it does not have it.
 */
export function setCatalogSource(source: (name: string) => string | undefined): void;
// catalog:sync:end
