/** The two WebAssembly builds of the package (README, "Browsers"). */
export type WasmBuild = "modern" | "compat";

/**
 * What `init()` rejects with — and every function then throws — when WebAssembly cannot run
 * here: absent, refused by a Content Security Policy or an enterprise policy, or the .wasm
 * failing to load, compile or instantiate. In Node: what init(), initSync() and every
 * function throw (importing never does). Show the applicant that the check will be made on
 * the server, and keep the form usable.
 */
export interface WasmUnavailableError extends Error {
    code: "wasm_unavailable";
    /** The error WebAssembly (or loading the .wasm) raised, where there was one. */
    cause?: unknown;
}

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOptions {
    /** Where the chosen build's .wasm is, when not beside the package's JS. */
    module_or_path?: InitInput | Promise<InitInput>;
    /** Force a build (tests; a portal's own detection); by default the browser's best. */
    build?: WasmBuild;
}

/** What init() resolves to: the instance's exports. */
export interface InitOutput {
    readonly memory: WebAssembly.Memory;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Loads the build for this browser (a WebAssembly.validate probe picks it) and instantiates
 * it; once resolved every function can be called. On a page in English (`<html lang="en">`)
 * it also loads the English texts, which the .wasm leaves out
 * (`web/catalog/texts.en.js`; `rules()` and `form()` in English load them too, and a check
 * that asks for English before fetches them then). Rejects with a `WasmUnavailableError`
 * (`code: "wasm_unavailable"`) when WebAssembly cannot run. A no-op in Node.
 */
export default function init(options?: InitOptions | InitInput): Promise<InitOutput>;

/**
 * Synchronous start with the bytes (or Module) of the chosen build's .wasm. In browsers it
 * needs that build's JS already loaded by an earlier `init()`; otherwise import
 * "govit-check/web/modern" or "govit-check/web/compat" and call its own `initSync`.
 * A no-op in Node. Throws a `WasmUnavailableError` when WebAssembly cannot run.
 */
export function initSync(options?: { module: SyncInitInput; build?: WasmBuild } | SyncInitInput): InitOutput;

/**
 * The build in use, or before `init()` the one it would load; `null` where WebAssembly is
 * absent (browsers) or unavailable (Node).
 */
export function wasmBuild(): WasmBuild | null;

/**
 * The rule catalog of `regime` (id, article, level, title, the clause it quotes), titles in
 * `locale` ("zh-CN" by default), for a portal's help pages. Asynchronous: the catalogs are
 * not in the .wasm; the first call for a regime and locale loads its asset
 * (`web/catalog/rules.<regime>.<locale>.js`, imported by browsers, read by Node). Rejects with
 * a `GovitCheckError` for an unknown regime or locale (as the CLI answers), or with a
 * `CatalogNotLoadedError` (its `cause` the loading error) when the asset cannot be loaded.
 */
export function rules(regime: RegimeId, locale?: LocaleTag | null): Promise<RulesAnswer>;

/**
 * The questions `regime` asks, in sections, in `locale` ("zh-CN" by default): render a form
 * from it (contract §8). Asynchronous, as `rules()`: the first call for a regime and locale
 * loads `web/catalog/form.<regime>.<locale>.js`.
 */
export function form(regime: RegimeId, locale?: LocaleTag | null): Promise<FormAnswer>;

/**
 * Resolves once the module runs (it calls `init(options)`) and the cost checks' reading data
 * is loaded: each fee table's words for budget lines (`web/catalog/reading.<regime>.js`), not
 * in the .wasm. `init()` starts loading it without waiting for it; `classifyCost()`,
 * `classifyCosts()` and `evaluate()` of a cost check are synchronous and throw a
 * `CatalogNotLoadedError` naming it (`catalog: "reading.wulong"`) when called before it is
 * loaded — await `ready()` before the first one. In Node it is read when first needed: `ready()`
 * resolves at once.
 */
export function ready(options?: InitOptions | InitInput): Promise<void>;
