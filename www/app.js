// The demo portal, built on the engine's own description of each regulation: every
// question, label, hint, option and vocabulary word comes from `form(regime, locale)`;
// every outcome, route, document, deadline, message and figure from the checks. The page
// holds no rule: it turns answers into the contract's input objects and shows the answers.
//
// Where the checks run: in this browser (the npm package's WebAssembly) where it can run;
// else through the same-origin service (`govit-check serve`: POST /v1/eligibility,
// /v1/costs, /v1/change, debounced — the same verdict bytes), said plainly on the page and
// logged with the reason; else nowhere, and the page says so (no promise of a server that
// is not there).
//
// Speed: a keystroke updates only what changed — the answer it touched, the marks of the
// fields whose findings changed, the findings that came or went (keyed lists), the texts
// that differ. What is below the fold or printed (核对申报信息, 申报指南, the printed
// sheets) and the draft are brought up to date once the typing pauses.
//
// ES2018 and the DOM of Chromium 69 (no replaceChildren, optional chaining, `??`, BigInt
// literals, Blob.text): tests/e2e/old-chromium runs the page in Chromium 69, 72, 80, 85, 86.

import { t } from "./i18n.js";
import { abs, cmp, readMoney, round2, sub, sum } from "./decimal.js";
import { readBudget } from "./paste.js";
import { FORMAT, MAX_LINES, VERSION, answerFor, getAt, readState } from "./state.js";
import { wasmRuns } from "./preload.js";

const ENGINE_URL = "./vendor/govit-check/govit_check.js";
// The catalogs (forms, rule catalogs) are the package's plain JS assets — the CLI's bytes —
// which need no WebAssembly; the list of regulations is written by the build
// (scripts/portal-assets.mjs) for a page without WebAssembly and without the service.
const CATALOG_URL = "./vendor/govit-check/catalog/index.js";
const ASSETS_URL = "./vendor/forms/";
const DRAFT_KEY = "govit-check.portal.draft.v2";
const OLD_DRAFT_KEY = "govit-check.portal.draft.v1";
const LEVEL_GROUPS = [["block", ["block"]], ["question", ["invalid", "missing"]], ["require", ["require"]],
  ["warn", ["warn"]], ["info", ["info"]]];
const MARK_ORDER = ["invalid", "block", "missing", "warn", "require", "info"];
const SERVER_DELAY = 300; // ms after the last edit before the service is asked
const IDLE_DELAY = 250; // ms after the last check: review, guide, printed sheets, draft
const ANNOUNCE_DELAY = 700; // ms without an edit: the verdict has settled, say it once

const S = {
  mode: "loading",       // "wasm" | "server" | "none"
  engine: null,          // the package module once init() resolved
  server: null,          // base URL of the service (with a trailing slash)
  why: "",               // why WebAssembly cannot run here (logged, shown)
  locale: "zh-CN",
  regime: null,
  regimes: [],
  form: null,            // form(regime, locale)
  answers: new Map(),    // eligibility answers: JSON Pointer → value
  fields: new Map(),     // JSON Pointer → { q, wrap, msgs, inputs, sig }
  elig: null,            // { request, answer }
  change: { answers: new Map(), lines: [], touched: false, result: null, request: null, fields: new Map(), itemQuestions: [] },
  costs: { lines: [], result: null, request: null, table: null, tables: null, catalog: [] },
  groups: new Map(),     // finding group → { ol, items: Map key → li }
  sections: [],          // [section element, its field wrappers]
  rows: new Map(),       // procedure row → [dt, dd]
  editing: null,         // the text input being typed in: its `invalid` finding waits until it is left
  announced: "",
  seq: 0,
  pending: new Map(),    // check → { timer, seq } of the service's checks under way
  savedOn: null,
  notes: [],             // what a draft or a file held that the page could not take
};

// ---------------------------------------------------------------------------------------
// Small DOM helpers

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const k of Object.keys(attrs || {})) {
    const v = attrs[k];
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  appendAll(el, children);
  return el;
}

function appendAll(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) appendAll(el, c);
    else el.append(c);
  }
}

/** `el`'s children become `children` (Element.replaceChildren is Chromium 86+). */
function fill(el, ...children) {
  while (el.firstChild) el.removeChild(el.firstChild);
  appendAll(el, children);
}

const $ = (sel, root) => (root || document).querySelector(sel);
const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
const tr = (key, vars) => t(S.locale, key, vars);
const label = (vocabulary, value) => (S.form && S.form.labels[vocabulary] && S.form.labels[vocabulary][value]) || value;
/** A name the engine gives in Chinese whatever the language (a regulation, an authority). */
const zhName = (text) => h("span", { lang: "zh-CN", text });

function setText(el, text) {
  if (el && el.textContent !== text) el.textContent = text;
}

function setHidden(el, hidden) {
  if (el && el.hidden !== hidden) el.hidden = hidden;
}

function idFor(ptr, prefix) {
  return `${prefix || "q"}${ptr.replace(/[^a-zA-Z0-9_]/g, "-")}`;
}

function applyI18n(root) {
  for (const el of $$("[data-i18n]", root)) setText(el, tr(el.dataset.i18n));
  for (const el of $$("[data-i18n-label]", root)) el.setAttribute("aria-label", tr(el.dataset.i18nLabel));
  document.documentElement.lang = S.locale;
  document.title = `${tr("app.title")} — govit-check`;
  const btn = $("#lang-switch");
  setText(btn, tr("app.lang"));
  btn.lang = S.locale === "zh-CN" ? "en" : "zh-CN";
  document.body.dataset.locale = S.locale;
}

function pad2(x) {
  return String(x).padStart(2, "0");
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

function nowText() {
  const d = new Date();
  return `${today()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** The check date: the one entered, else today — a check is never made without one. */
function checkDate() {
  return $("#f-as_of").value || today();
}

function money(v) {
  return tr("amount", { n: v });
}

function warn(text) {
  // The console is where a developer looks: a downgrade is never silent.
  console.warn(`govit-check portal: ${text}`);
}

// ---------------------------------------------------------------------------------------
// Where the checks run

async function loadEngine() {
  // No build of the package runs without multi-value WebAssembly (Chromium < 85): nothing
  // is fetched in vain, and the reason is said as it is.
  if (!wasmRuns()) return { why: typeof WebAssembly === "object" ? "this browser's WebAssembly lacks multi-value (Chromium 85+, Firefox 78+, Safari 14+)" : "no WebAssembly in this browser" };
  try {
    const mod = await import(ENGINE_URL);
    await mod.default();
    // The cost checks' reading data (a package with fee-table readers, contract §9) is
    // loaded beside the .wasm: a budget line is checked only once it is there.
    if (typeof mod.ready === "function") await mod.ready();
    return { mod };
  } catch (e) {
    const code = e && e.code ? `${e.code}: ` : "";
    return { why: `${code}${(e && e.message) || e}` };
  }
}

function serverBase() {
  const m = document.querySelector('meta[name="govit-check-server"]');
  const base = m && m.getAttribute("content");
  const url = new URL(base === null || base === undefined || base === "" ? "./" : base, document.baseURI);
  return url.href.replace(/\/*$/, "/");
}

/** Whether the service answers beside the page (its `GET /v1/version`). */
async function probeServer(base) {
  try {
    const r = await fetch(`${base}v1/version`, { headers: { accept: "application/json" } });
    if (!r.ok) return null;
    const v = await r.json();
    return v && v.check === "version" ? v : null;
  } catch (e) {
    return null;
  }
}

async function fetchJson(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
}

/** A check in this browser: the answer, or `{ error }` (the engine's error object). */
function local(fn, input) {
  try {
    return S.engine[fn](input);
  } catch (e) {
    return { error: errorBody(e) };
  }
}

function errorBody(e) {
  if (e && typeof e.code === "string") {
    const body = { code: e.code, field: e.field, message: e.message };
    if (e.suggestions) body.suggestions = e.suggestions;
    if (e.candidates) body.candidates = e.candidates;
    if (e.ruleset_id) body.ruleset_id = e.ruleset_id; // contract §8: which rules refused it
    return body;
  }
  return { code: "internal", field: "", message: String((e && e.message) || e) };
}

/**
 * A check through the service, debounced: `apply(request, answer, text)` runs with the
 * answer of the last request only (an older one arriving late is dropped). Until then the
 * result says it is being checked; a failure says the result is not up to date.
 */
function remote(check, request, apply) {
  const prev = S.pending.get(check);
  if (prev) clearTimeout(prev.timer);
  const seq = ++S.seq;
  busy(check, true);
  const timer = setTimeout(async () => {
    let answer;
    let text = "";
    try {
      const r = await fetch(`${S.server}v1/${check}`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request),
      });
      text = await r.text();
      answer = JSON.parse(text);
    } catch (e) {
      answer = null;
      warn(`the service did not answer ${check}: ${e.message}`);
    }
    const cur = S.pending.get(check);
    if (!cur || cur.seq !== seq) return;
    S.pending.delete(check);
    busy(check, false);
    if (answer) apply(request, answer, text);
    else stale(check);
    soon();
  }, SERVER_DELAY);
  S.pending.set(check, { timer, seq });
}

const RESULT_BOX = { eligibility: "#verdict", costs: "#cost-result", change: "#change-result" };

function busy(check, on) {
  const box = $(RESULT_BOX[check]);
  if (!box) return;
  if (on) box.setAttribute("aria-busy", "true"); else box.removeAttribute("aria-busy");
  const status = $(`${RESULT_BOX[check]}-status`) || (check === "eligibility" ? $("#verdict-status") : null);
  if (status) setText(status, on ? tr("s.checking") : "");
  if (!on) box.removeAttribute("data-stale");
  if (on) document.body.dataset.settled = "false";
}

function stale(check) {
  const box = $(RESULT_BOX[check]);
  if (box) box.dataset.stale = "true";
  const status = check === "eligibility" ? $("#verdict-status") : $(`${RESULT_BOX[check]}-status`);
  if (status) setText(status, tr("s.failed"));
}

// ---------------------------------------------------------------------------------------
// Catalogs: forms, rule titles, fee tables — through the engine, or the package's assets

let catalogIndex = null;
async function catalogAsset(name) {
  if (!catalogIndex) catalogIndex = (await import(CATALOG_URL)).default;
  const load = catalogIndex[name];
  if (!load) throw new Error(`no catalog ${name}`);
  return JSON.parse((await load()).default);
}

const formCache = new Map();
const rulesCache = new Map();
async function getRules(regime, locale) {
  const key = `${regime}|${locale}`;
  if (!rulesCache.has(key)) {
    rulesCache.set(key, S.engine ? S.engine.rules(regime, locale) : catalogAsset(`rules.${regime}.${locale}`));
  }
  return rulesCache.get(key);
}

// form() and rules() load their catalog the first time each is asked for: both are awaited
// here, together, once per regulation and language, so that the rendering after them reads
// the form and the rule titles synchronously.
const titleCache = new Map(); // "regime|locale" → rule id → title
async function getForm(regime, locale) {
  const key = `${regime}|${locale}`;
  if (!formCache.has(key)) {
    const [form, catalog] = await Promise.all([
      S.engine ? S.engine.form(regime, locale) : catalogAsset(`form.${regime}.${locale}`),
      getRules(regime, locale),
    ]);
    titleCache.set(key, new Map(catalog.rules.map((r) => [r.id, r.title])));
    formCache.set(key, form);
  }
  return formCache.get(key);
}

async function getRegimes(asOf) {
  if (S.mode === "wasm") {
    try {
      return S.engine.regimes(asOf || null).regimes;
    } catch (e) {
      // A date the engine cannot read (a five-digit year): the list without statuses;
      // the checks report the date as an `invalid` finding.
      return S.engine.regimes(null).regimes.map((r) => Object.assign({}, r, { status: null }));
    }
  }
  if (S.mode === "server") {
    try {
      return (await fetchJson(`${S.server}v1/regimes?as_of=${encodeURIComponent(asOf || "")}`)).regimes;
    } catch (e) {
      return (await fetchJson(`${S.server}v1/regimes`)).regimes.map((r) => Object.assign({}, r, { status: null }));
    }
  }
  return (await fetchJson(`${ASSETS_URL}regimes.json`)).regimes.map((r) => Object.assign({}, r, { status: null }));
}

/** The regulations that carry a fee table: `fee_table` on each entry of `regimes` (contract §9). */
async function feeTables() {
  if (!S.costs.tables) S.costs.tables = S.regimes.filter((r) => r.fee_table === true).map((r) => r.id);
  return S.costs.tables;
}

// ---------------------------------------------------------------------------------------
// Questions: built once per regime and locale from form()

function eligibilityQuestions() {
  const out = [];
  for (const s of S.form.sections) if (s.check === "eligibility") for (const q of s.questions) out.push(q);
  return out;
}

function buildForm() {
  const root = $("#questions");
  const panels = [];
  S.fields.clear();
  for (const sec of S.form.sections.filter((s) => s.check === "eligibility")) {
    const list = h("div", { class: "fields" });
    for (const q of sec.questions) {
      if (q.field === "/as_of") continue; // asked beside the regulation
      const f = buildQuestion(q, "q");
      S.fields.set(q.field, f);
      list.append(f.wrap);
    }
    if (!list.children.length) continue;
    panels.push(h("section", { class: "panel", id: `sec-${sec.id}`, "aria-labelledby": `h-${sec.id}`, dataset: { section: sec.id } },
      h("h2", { id: `h-${sec.id}`, text: sec.title }), list));
  }
  fill(root, panels);
  S.sections = panels.map((sec) => [sec, $$(".fields > [data-ptr]", sec)]);
  // The check date: the form's own question, shown beside the regulation.
  const asOf = eligibilityQuestions().find((q) => q.field === "/as_of");
  const dateWrap = $('#sec-regime [data-ptr="/as_of"]');
  S.fields.set("/as_of", { q: asOf || { field: "/as_of", type: "date", label: tr("f.as_of") }, wrap: dateWrap, msgs: $("#f-as_of-msgs"), inputs: [$("#f-as_of")], sig: "" });
  setText($("#l-as_of"), asOf ? asOf.label : tr("f.as_of"));
  setText($("#f-as_of-hint"), (asOf && asOf.hint) || "");
  buildChangeForm();
  for (const [ptr, v] of S.answers) writeField(S.fields.get(ptr), v);
}

function describedBy(id, q) {
  return [q.hint ? `${id}-hint` : null, `${id}-msgs`].filter(Boolean).join(" ");
}

/** One question → its field: a wrapper with `data-ptr`, the control, the hint, the marks. */
function buildQuestion(q, prefix, ptrAttr) {
  const id = idFor(ptrAttr || q.field, prefix);
  const hint = q.hint ? h("p", { class: "hint", id: `${id}-hint`, text: q.hint }) : null;
  const msgs = h("div", { class: "msgs", id: `${id}-msgs` });
  const dataset = { ptr: ptrAttr || q.field, type: q.type };
  let wrap;
  let inputs;
  if (q.type === "bool" && q.default === false) {
    const input = h("input", { id, type: "checkbox", "aria-describedby": describedBy(id, q) });
    wrap = h("div", { class: "field check", dataset }, input, h("label", { for: id, text: q.label }), hint, msgs);
    inputs = [input];
  } else if (q.type === "bool") {
    const opt = (value, key) => {
      const oid = `${id}-${value || "unset"}`;
      const input = h("input", { type: "radio", id: oid, name: id, value, checked: value === "", "aria-describedby": describedBy(id, q) });
      return [input, h("span", { class: "opt" }, input, h("label", { for: oid, text: tr(key) }))];
    };
    const opts = [opt("yes", "yes"), opt("no", "no"), opt("", "unanswered")];
    wrap = h("fieldset", { class: "field yesno", dataset, id },
      h("legend", { text: q.label }), h("div", { class: "opts" }, opts.map((o) => o[1])), hint, msgs);
    inputs = opts.map((o) => o[0]);
  } else if (q.type === "choice") {
    const dflt = q.default ? q.options.find((o) => o.value === q.default) : null;
    const none = q.default ? tr("f.default", { label: dflt ? dflt.label : q.default }) : tr("f.none");
    const select = h("select", { id, "aria-describedby": describedBy(id, q) },
      h("option", { value: "", text: none }), q.options.map((o) => h("option", { value: o.value, text: o.label })));
    wrap = h("div", { class: "field", dataset }, h("label", { for: id, text: q.label }), select, hint, msgs);
    inputs = [select];
  } else if (q.type === "choices") {
    const boxes = q.options.map((o) => {
      const oid = `${id}-${o.value}`;
      const input = h("input", { type: "checkbox", id: oid, value: o.value, "aria-describedby": describedBy(id, q) });
      return [input, h("span", { class: "opt" }, input, h("label", { for: oid, text: o.label }))];
    });
    // A fact's answer may be "none of these" ([]); a project field's may not.
    if (q.field.indexOf("/facts/") === 0) {
      const oid = `${id}-none`;
      const input = h("input", { type: "checkbox", id: oid, value: "", dataset: { none: "1" }, "aria-describedby": describedBy(id, q) });
      boxes.push([input, h("span", { class: "opt" }, input, h("label", { for: oid, dataset: { i18n: "none_of_these" }, text: tr("none_of_these") }))]);
    }
    wrap = h("fieldset", { class: "field multi", dataset, id },
      h("legend", { text: q.label }), h("div", { class: "opts" }, boxes.map((b) => b[1])), hint, msgs);
    inputs = boxes.map((b) => b[0]);
  } else {
    const attrs = { id, type: q.type === "date" ? "date" : "text", autocomplete: "off", spellcheck: "false", "aria-describedby": describedBy(id, q) };
    if (q.type === "money" || q.type === "years") attrs.inputmode = "decimal";
    if (q.type === "year") attrs.inputmode = "numeric";
    const input = h("input", attrs);
    wrap = h("div", { class: "field", dataset }, h("label", { for: id, text: q.label }), input, hint, msgs);
    inputs = [input];
  }
  return { q, wrap, msgs, inputs, sig: "" };
}

/** The answer a field holds (`undefined`: unanswered — left out of the input). */
function readField(f) {
  const { q, inputs } = f;
  if (q.type === "bool" && q.default === false) return inputs[0].checked ? true : undefined;
  if (q.type === "bool") {
    const v = (inputs.find((i) => i.checked) || {}).value;
    return v === "yes" ? true : v === "no" ? false : undefined;
  }
  if (q.type === "choices") {
    if (inputs.some((i) => i.dataset.none && i.checked)) return [];
    const vals = inputs.filter((i) => i.checked && !i.dataset.none).map((i) => i.value);
    return vals.length ? vals : undefined;
  }
  const v = inputs[0].value.trim();
  if (v === "") return undefined;
  if (q.type === "year" && /^\d+$/.test(v)) return Number(v);
  return v;
}

/** Puts an answer (already of the question's type: state.js answerFor) into a field. */
function writeField(f, v) {
  if (!f) return;
  const { q, inputs } = f;
  if (q.type === "bool" && q.default === false) inputs[0].checked = v === true;
  else if (q.type === "bool") for (const i of inputs) i.checked = i.value === (v === true ? "yes" : v === false ? "no" : "");
  else if (q.type === "choices") {
    const list = Array.isArray(v) ? v : [];
    for (const i of inputs) i.checked = i.dataset.none ? Array.isArray(v) && v.length === 0 : list.includes(i.value);
  } else inputs[0].value = typeof v === "string" || typeof v === "number" ? String(v) : "";
}

function setAt(obj, ptr, value) {
  const parts = ptr.split("/").slice(1);
  let o = obj;
  for (const p of parts.slice(0, -1)) o = o[p] || (o[p] = {});
  o[parts[parts.length - 1]] = value;
}

/** The eligibility input (contract §2) from the answers: unanswered fields are absent. */
function application() {
  const app = { regime: S.regime, as_of: checkDate(), locale: S.locale };
  const name = $("#f-name").value.trim();
  if (name) setAt(app, "/project/name", name);
  for (const [ptr, v] of S.answers) if (ptr !== "/as_of" && S.fields.has(ptr)) setAt(app, ptr, v);
  return app;
}

// ---------------------------------------------------------------------------------------
// Which questions show: ask_when (data from form()), or the verdict names the field, or
// it holds an answer. An unanswered field may still hold (the engine asks then).

function answerOf(ptr) {
  const v = S.answers.get(ptr);
  if (v !== undefined) return v;
  const f = S.fields.get(ptr);
  return f && f.q.default !== null && f.q.default !== undefined ? f.q.default : undefined;
}

function mayHold(w) {
  if (!w) return true;
  if (w.any) return w.any.some(mayHold);
  if (w.all) return w.all.every(mayHold);
  const v = answerOf(w.field);
  if (v === undefined) return true;
  if ("equals" in w) return v === w.equals;
  return w.in.includes(v);
}

function updateVisibility(named) {
  for (const [ptr, f] of S.fields) {
    if (ptr === "/as_of") continue;
    const show = mayHold(f.q.ask_when) || named.has(ptr) || S.answers.has(ptr);
    setHidden(f.wrap, !show);
  }
  for (const [sec, wraps] of S.sections) setHidden(sec, !wraps.some((w) => !w.hidden));
}

// ---------------------------------------------------------------------------------------
// Marks next to the fields (only the fields whose findings changed are touched). A field
// being typed in shows its `invalid` finding once it is left: "1," on the way to "1,5"
// is not an error yet.

function typing(f) {
  return !!(f && S.editing && f.inputs.indexOf(S.editing) >= 0);
}

function shownAt(f, findings) {
  return typing(f) ? findings.filter((x) => x.level !== "invalid") : findings;
}

function markField(f, all) {
  const findings = shownAt(f, all);
  const sig = findings.map((x) => `${x.level}|${x.message}`).join("\n");
  if (sig === f.sig) return;
  f.sig = sig;
  fill(f.msgs, findings.map((x) => h("p", { class: `fmsg lvl-${x.level}`, dataset: { level: x.level } },
    h("span", { class: "badge", text: label("level", x.level) }),
    x.article && x.level !== "missing" ? h("span", { class: "article", lang: "zh-CN", text: x.article }) : null,
    h("span", { class: "fmsg-text", text: x.message }))));
  const worst = MARK_ORDER.find((l) => findings.some((x) => x.level === l));
  if (worst) f.wrap.dataset.state = worst; else delete f.wrap.dataset.state;
  const invalid = worst === "invalid" || worst === "block";
  for (const i of f.inputs) {
    if (invalid) i.setAttribute("aria-invalid", "true"); else i.removeAttribute("aria-invalid");
  }
}

/** The field a finding points at, or the nearest enclosing field on the page. */
function fieldFor(fields, ptr) {
  let p = ptr || "";
  while (p) {
    if (fields.has(p)) return fields.get(p);
    p = p.slice(0, Math.max(0, p.lastIndexOf("/")));
  }
  return null;
}

function renderMarks(fields, findings) {
  const by = new Map();
  for (const x of findings) {
    const f = fieldFor(fields, x.field);
    if (!f) continue;
    if (!by.has(f)) by.set(f, []);
    by.get(f).push(x);
  }
  for (const f of fields.values()) markField(f, by.get(f) || []);
}

// ---------------------------------------------------------------------------------------
// The verdict

function findingKey(x) {
  return `${x.rule}|${x.level}|${x.field || ""}|${x.message}`;
}

function findingItem(x) {
  const f = fieldFor(S.fields, x.field);
  // A question to answer is named by its label and is itself the way to the field.
  if (x.level === "missing" && f) {
    return h("li", { class: `finding lvl-${x.level}`, dataset: { level: x.level, rule: x.rule } },
      h("button", { type: "button", class: "link", dataset: { focus: x.field }, text: f.q.label }),
      x.article ? h("span", { class: "article minor", lang: "zh-CN", text: x.article }) : null,
      h("span", { class: "rule-id", text: (x.rules || [x.rule]).join(" ") }));
  }
  return h("li", { class: `finding lvl-${x.level}`, dataset: { level: x.level, rule: x.rule } },
    h("span", { class: "badge", text: label("level", x.level) }),
    x.article ? h("span", { class: "article", lang: "zh-CN", text: x.article }) : null,
    h("span", { class: "finding-msg", text: x.message }),
    f ? h("button", { type: "button", class: "link no-print", dataset: { focus: x.field }, text: tr("v.goto") }) : null,
    h("span", { class: "rule-id", text: x.rule }));
}

function buildGroups() {
  const root = $("#verdict-groups");
  S.groups.clear();
  fill(root, LEVEL_GROUPS.map(([g]) => {
    const ol = h("ol", { class: "findings" });
    const sec = h("section", { class: `group group-${g}`, id: `g-${g}`, tabindex: "-1", hidden: true },
      h("h3", { text: tr(`v.group.${g}`) }), ol);
    S.groups.set(g, { sec, ol, items: new Map(), title: $("h3", sec) });
    return sec;
  }));
}

function renderGroups(findings) {
  for (const [g, levels] of LEVEL_GROUPS) {
    const grp = S.groups.get(g);
    const list = findings.filter((x) => levels.includes(x.level));
    const keys = list.map(findingKey);
    const next = new Map();
    list.forEach((x, i) => next.set(keys[i], grp.items.get(keys[i]) || findingItem(x)));
    // Only what came or went is touched: the other items keep their layout.
    for (const [k, li] of grp.items) if (!next.has(k)) li.remove();
    let at = grp.ol.firstElementChild;
    for (const k of keys) {
      const li = next.get(k);
      if (li === at) at = at.nextElementSibling;
      else grp.ol.insertBefore(li, at);
    }
    grp.items = next;
    setText(grp.title, tr("fmt.paren", { a: tr(`v.group.${g}`), b: list.length }));
    setHidden(grp.sec, list.length === 0);
  }
}

function counts(findings) {
  const n = (levels) => findings.filter((x) => levels.includes(x.level)).length;
  return { block: n(["block"]), question: n(["invalid", "missing"]), require: n(["require"]), warn: n(["warn"]) };
}

function countText(c) {
  const parts = ["block", "question", "require", "warn"].filter((k) => c[k]).map((k) => tr(`v.count.${k}`, { n: c[k] }));
  return parts.length ? parts.join(tr("fmt.list")) : tr("v.count.none");
}

/** The banner: what the verdict means, told truthfully (tone and words). */
function banner(v, c) {
  const validity = v.findings.find((x) => /\.validity$/.test(x.rule));
  const status = v.regulation.status;
  if (v.outcome === "not_applicable") {
    const applicability = v.findings.find((x) => x.level === "info" && x.rule !== "input");
    if (status === "expired" || status === "not_yet_in_force") {
      return { tone: "neutral", title: tr("fmt.paren", { a: tr("v.na_title"), b: label("status", status) }), detail: validity ? validity.message : "", shown: validity };
    }
    return { tone: "neutral", title: tr("v.na_scope"), detail: applicability ? applicability.message : "", shown: applicability };
  }
  const outcome = label("outcome", v.outcome);
  if (status === "draft") {
    return { tone: "draft", title: `${outcome} · ${tr("v.draft")}`, detail: validity ? validity.message : "" };
  }
  if (v.outcome === "eligible") {
    if (c.require || c.warn) return { tone: "ok-notes", title: tr("v.cautions"), detail: countText(c) };
    return { tone: "ok", title: tr("v.eligible"), detail: "" };
  }
  return { tone: v.outcome === "ineligible" ? "blocked" : "incomplete", title: outcome, detail: countText(c) };
}

function procedureRows(v) {
  const p = v.procedure;
  const askedTotal = v.findings.some((x) => x.level === "missing" && x.field === "/project/investment/total");
  const unknown = askedTotal ? tr("v.pending_total") : tr("v.not_set");
  const na = v.outcome === "not_applicable";
  let documents;
  if (na) documents = tr("v.documents.na");
  else if (p.documents.length) documents = p.documents.map((d) => label("document", d)).join(tr("fmt.sep"));
  else if (v.route === "undetermined") documents = tr("v.documents.pending");
  else documents = tr("v.documents.none");
  const kindAsked = S.answers.get("/project/kind");
  return [
    ["route", tr("v.route"), label("route", v.route)],
    ["effective_kind", tr("v.effective_kind"), v.effective_kind && v.effective_kind !== kindAsked ? label("kind", v.effective_kind) : null],
    ["authority", tr("v.authority"), p.authority ? zhName(p.authority) : tr("none")],
    ["documents", tr("v.documents"), documents],
    ["supervision", tr("v.supervision"), na ? tr("v.documents.na") : p.supervision_required === null ? unknown : tr(`v.supervision.${p.supervision_required}`)],
    ["regional_review", tr("v.regional_review"), p.regional_review ? tr("v.supervision.true") : null],
    ["acceptance", tr("v.acceptance"), na ? tr("v.documents.na") : p.acceptance ? label("acceptance", p.acceptance) : unknown],
    ["deadlines", tr("v.deadlines"), p.deadlines.length ? p.deadlines.map((d) => `${d.due} ${d.what}`).join(tr("fmt.semi")) : tr("v.deadlines.none")],
  ];
}

function renderProcedure(v) {
  const dl = $("#verdict-procedure");
  for (const [key, name, value] of procedureRows(v)) {
    if (!S.rows.has(key)) {
      const pair = [h("dt", { dataset: { row: key } }), h("dd", { id: `verdict-${key}`, dataset: { row: key } })];
      dl.append(...pair);
      S.rows.set(key, pair);
    }
    const [dt, dd] = S.rows.get(key);
    setText(dt, name);
    if (value && typeof value === "object") {
      if (dd.textContent !== value.textContent || !dd.firstElementChild) fill(dd, value);
    } else setText(dd, value || "");
    setHidden(dt, value === null);
    setHidden(dd, value === null);
  }
  const route = $("#verdict-route");
  if (route.dataset.route !== v.route) route.dataset.route = v.route;
  const docs = $("#verdict-documents");
  const docList = v.procedure.documents.join(" ");
  if (docs.dataset.docs !== docList) docs.dataset.docs = docList;
}

/** The findings as the page shows them now (a field's `invalid` waits until it is left). */
function shownFindings(v) {
  return S.editing ? v.findings.filter((x) => x.level !== "invalid" || !typing(fieldFor(S.fields, x.field))) : v.findings;
}

function renderElig(v) {
  const findings = shownFindings(v);
  const c = counts(findings);
  const b = banner(Object.assign({}, v, { findings }), c);
  const box = $("#verdict-banner");
  if (box.dataset.tone !== b.tone) box.dataset.tone = b.tone;
  const outcomeEl = $("#verdict-outcome");
  if (outcomeEl.dataset.outcome !== v.outcome) outcomeEl.dataset.outcome = v.outcome;
  setText(outcomeEl, b.title);
  setText($("#verdict-banner-detail"), b.detail);
  setText($("#verdict-counts"), b.detail === countText(c) || v.outcome === "not_applicable" ? "" : countText(c));
  renderMarks(S.fields, v.findings);
  // What the banner says is not said twice below it.
  renderGroups(b.shown ? findings.filter((x) => x !== b.shown) : findings);
  renderProcedure(v);
  const reg = v.regulation;
  const regLine = $("#verdict-regulation");
  const regText = `${reg.title}|${reg.status}|${S.locale}`;
  if (regLine.dataset.sig !== regText) {
    regLine.dataset.sig = regText;
    fill(regLine, tr("v.regulation"), tr("fmt.colon_sep"), zhName(reg.title), tr("fmt.paren_open"), label("status", reg.status), tr("fmt.paren_close"));
  }
  setText($("#ruleset"), v.ruleset);
  setText($("#ruleset-id"), v.ruleset_id || "");
  setHidden($("#ruleset-id-row"), !v.ruleset_id);
  renderSummaryBar(b, c);
  const named = new Set(v.findings.map((x) => x.field).filter(Boolean));
  updateVisibility(named);
  announceSoon(tr("v.announce", { outcome: b.title, counts: countText(c) }));
}

function renderSummaryBar(b, c) {
  const bar = $("#summary-bar");
  setHidden(bar, false);
  const out = $("#summary-outcome");
  if (out.dataset.tone !== b.tone) out.dataset.tone = b.tone;
  setText(out, b.title);
  const links = [["block", c.block], ["question", c.question], ["require", c.require], ["warn", c.warn]]
    .filter((x) => x[1]).map(([g, n]) => [`#g-${g}`, tr(`v.count.${g}`, { n })]);
  links.push(["#verdict", tr("v.jump")]);
  const sig = links.map((l) => l.join("=")).join("|");
  const holder = $("#summary-links");
  if (holder.dataset.sig !== sig) {
    holder.dataset.sig = sig;
    fill(holder, links.map(([href, text]) => h("a", { href, text })));
  }
}

// The one live region: a settled verdict, said once per edit (not at every keystroke).
let announceTimer = 0;
let announceNext = "";
function announceSoon(text) {
  announceNext = text;
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    if (announceNext === S.announced) return;
    S.announced = announceNext;
    setText($("#announce"), announceNext);
  }, ANNOUNCE_DELAY);
}

function showJson(name, request, result, text) {
  const open = $("#json-panel").open;
  setText($(`#json-${name}-request`), JSON.stringify(request, null, open ? 2 : 0));
  // The service's bytes as they came (its line end aside), else the engine's answer.
  setText($(`#json-${name}-result`), text && !open ? text.replace(/\n$/, "") : JSON.stringify(result, null, open ? 2 : 0));
}

/** An error as a finding, shown like one (the page itself never decides). */
function errorFinding(e) {
  return { rule: e.code, level: "invalid", field: e.field, message: e.message };
}

/** What cannot be checked at all (a bad locale, an over-long name…) shown as a verdict. */
function errorVerdict(e, request) {
  return {
    outcome: "incomplete", route: "undetermined", effective_kind: null, as_of: request.as_of || null,
    findings: [errorFinding(e)], procedure: { authority: null, documents: [], supervision_required: null, regional_review: false, acceptance: null, deadlines: [] },
    regulation: { title: S.form ? S.form.title : "", status: "undetermined" }, ruleset: "",
  };
}

function applyEligibility(request, answer, text) {
  S.elig = { request, answer, text };
  showJson("eligibility", request, answer, text);
  renderElig(answer.error ? errorVerdict(answer.error, request) : answer);
  soon();
}

function runEligibility() {
  const request = application();
  if (S.mode === "wasm") applyEligibility(request, local("checkEligibility", request));
  else if (S.mode === "server") remote("eligibility", request, applyEligibility);
  else {
    updateVisibility(new Set());
    soon();
  }
}

/** The verdicts again, as they are (a field was left: its `invalid` finding shows now). */
function rerender() {
  if (S.elig) renderElig(S.elig.answer.error ? errorVerdict(S.elig.answer.error, S.elig.request) : S.elig.answer);
  if (S.costs.result) renderCosts(S.costs.request, S.costs.result);
  if (S.change.result) renderChange(S.change.result);
}

// ---------------------------------------------------------------------------------------
// Budget lines: the fee table of the chosen regulation (or, where it has none, one the
// applicant picks), every line classified by the engine, totals that add up.

function regimeTitle(id) {
  const r = S.regimes.find((x) => x.id === id);
  return r ? r.title : id;
}

/** The fee table in use: the chosen one, else the regulation's own, else the first. */
function pickTable() {
  const tables = S.costs.tables || [];
  if (S.costs.picked && tables.includes(S.costs.picked)) return S.costs.picked;
  if (tables.includes(S.regime)) return S.regime;
  return tables.length ? tables[0] : null;
}

async function refreshCostTable() {
  const tables = await feeTables();
  const table = pickTable();
  const sel = $("#cost-table");
  const sig = `${tables.join(",")}|${S.locale}`;
  if (sel.dataset.sig !== sig) {
    sel.dataset.sig = sig;
    fill(sel, tables.map((id) => h("option", { value: id, lang: "zh-CN", text: regimeTitle(id) })));
  }
  sel.value = table || "";
  setHidden($("#cost-table-field"), tables.length < 2 && table === S.regime);
  const note = $("#cost-table-note");
  if (!table) fill(note, tr("c.no_table"));
  else if (table === S.regime) fill(note, tr("c.table_own_1"), zhName(regimeTitle(table)), tr("c.table_own_2"));
  else fill(note, tr("c.table_other_1"), zhName(regimeTitle(S.regime)), tr("c.table_other_2"), zhName(regimeTitle(table)), tr("c.table_other_3"));
  if (S.costs.table !== table || S.costs.catalogKey !== `${table}|${S.locale}`) {
    S.costs.table = table;
    await loadCostCatalog();
  }
}

async function loadCostCatalog() {
  const table = S.costs.table;
  S.costs.catalogKey = `${table}|${S.locale}`;
  if (!table) {
    S.costs.catalog = [];
    fill($("#cost-items"));
    return;
  }
  const rows = async (locale) => (await getRules(table, locale)).rules.filter((r) => r.check === "cost");
  const zhRows = await rows("zh-CN");
  const localRows = S.locale === "zh-CN" ? zhRows : await rows(S.locale);
  // An item's code is the last part of its rule id; its label the table's Chinese words.
  S.costs.catalog = zhRows.map((r, i) => ({ code: r.id.slice(r.id.lastIndexOf(".") + 1), label: r.title, title: (localRows[i] || r).title }));
  fill($("#cost-items"), S.costs.catalog.map((c) => h("option", { value: c.label, label: S.locale === "zh-CN" ? undefined : c.title })));
}

function costField(line, ptr, key, attrs) {
  const id = `${line.id}-${ptr.slice(1)}`;
  const input = h("input", Object.assign({ id, type: "text", autocomplete: "off", "aria-describedby": `${id}-msgs` }, attrs));
  const msgs = h("div", { class: "msgs", id: `${id}-msgs` });
  const wrap = h("div", { class: "field", dataset: { ptr } }, h("label", { for: id, dataset: { i18n: key }, text: tr(key) }), input, msgs);
  return { wrap, input, msgs, inputs: [input], sig: "", q: { label: tr(key), field: ptr } };
}

function addCostLine(values, focus) {
  const line = { id: `cost${++S.seq}`, conds: new Map(), original: (values && values.original) || "" };
  line.item = costField(line, "/item", "c.item", { list: "cost-items" });
  line.amount = costField(line, "/amount", "c.amount", { inputmode: "decimal" });
  line.decision = h("div", { class: "line-decision" });
  line.origin = h("p", { class: "hint line-origin" });
  line.condBox = h("div", { class: "conditions fields" });
  line.remove = h("button", { type: "button", class: "btn-secondary", dataset: { remove: line.id } });
  line.legend = h("legend");
  line.el = h("fieldset", { class: "line cost-line", id: line.id }, line.legend,
    h("div", { class: "line-grid" }, h("div", {}, line.item.wrap, line.origin), line.amount.wrap, line.decision), line.condBox,
    h("div", { class: "line-actions" }, line.remove));
  if (values) {
    line.item.input.value = values.item || "";
    line.amount.input.value = values.amount === undefined ? "" : values.amount;
    for (const name of Object.keys(values.conditions || {})) writeField(conditionField(line, name), values.conditions[name]);
  }
  S.costs.lines.push(line);
  $("#cost-lines").append(line.el);
  renumber();
  if (focus) line.item.input.focus();
  return line;
}

function conditionField(line, name) {
  if (line.conds.has(name)) return line.conds.get(name);
  const q = { field: `/conditions/${name}`, type: "bool", default: null, label: label("condition", name), hint: null, options: [] };
  const f = buildQuestion(q, `${line.id}-c`);
  f.wrap.hidden = true;
  line.conds.set(name, f);
  line.condBox.append(f.wrap);
  return f;
}

function renumber() {
  S.costs.lines.forEach((l, i) => {
    setText(l.legend, tr("c.line", { n: i + 1 }));
    setText(l.remove, tr("c.remove", { n: i + 1 }));
  });
  S.change.lines.forEach((l, i) => {
    setText(l.legend, tr("ch.line", { n: i + 1 }));
    setText(l.remove, tr("ch.remove", { n: i + 1 }));
  });
}

function readCostLine(l) {
  const item = {};
  const name = l.item.input.value.trim();
  if (name) item.item = name;
  const amount = l.amount.input.value.trim();
  if (amount) item.amount = amount;
  const conditions = {};
  for (const [name2, f] of l.conds) {
    const v = readField(f);
    if (v !== undefined) conditions[name2] = v;
  }
  if (Object.keys(conditions).length) item.conditions = conditions;
  return item;
}

function costsRequest() {
  const req = {};
  if (S.costs.table) req.regime = S.costs.table;
  req.locale = S.locale;
  req.items = S.costs.lines.map(readCostLine);
  return req;
}

/** What shows a section's answer: kept, its JSON, rendered, then the idle work. */
function applier(name, section, render) {
  return (request, answer, text) => {
    section.request = request;
    section.result = answer;
    showJson(name, request, answer, text);
    render(request, answer);
    soon();
  };
}

const applyCosts = applier("costs", S.costs, (request, answer) => renderCosts(request, answer));

function runCosts() {
  const request = costsRequest();
  setHidden($("#cost-empty"), S.costs.lines.length > 0);
  if (S.mode === "wasm") applyCosts(request, local("classifyCosts", request));
  else if (S.mode === "server") remote("costs", request, applyCosts);
  else soon();
}

/** Where in a line an error points ("/item", "/amount", "/conditions/x", ""). */
function errorPart(err, i) {
  const prefix = `/items/${i}`;
  return typeof err.field === "string" && err.field.indexOf(prefix) === 0 ? err.field.slice(prefix.length) : "";
}

function choiceButtons(line, rows, key) {
  return h("ul", { class: "choices" }, rows.map((r) => h("li", {},
    h("button", { type: "button", class: "choice", dataset: { pick: r.label, line: line.id } },
      h("span", { class: "choice-label", lang: "zh-CN", text: r.label }),
      r.treatment ? h("span", { class: `choice-treatment t-${r.treatment}`, text: label("treatment", r.treatment) }) : null,
      h("span", { class: "visually-hidden", text: tr(key, { n: line.legend.textContent }) })))));
}

function renderCostLine(line, i, r, a) {
  const marks = { item: [], amount: [] };
  const shown = new Set();
  let decision;
  setText(line.origin, line.original && line.original !== (r.item || "") ? tr("c.original", { text: line.original }) : "");
  const amountText = a && a.amount !== undefined && a.amount !== null ? a.amount : readMoney(r.amount);
  if (!a) {
    decision = null;
  } else if (a.error) {
    const e = a.error;
    const part = errorPart(e, i);
    const blank = !r.item && !r.amount;
    const loose = amountText === null ? null : h("span", { class: "decision-amount", text: tr("c.unclassified_amount", { n: amountText }) });
    if (blank) {
      decision = h("p", { class: "decision decision-blank", dataset: { decision: "blank" } }, h("span", { class: "hint", text: tr("c.fill_in") }));
    } else if ((part === "/item" && S.editing === line.item.input) || (part === "/amount" && S.editing === line.amount.input)) {
      // A name or amount being typed ("摄" on the way to 摄像头, "1," on the way to 1,5)
      // is judged once it is left.
      decision = h("p", { class: "decision decision-typing", dataset: { decision: "typing" } }, h("span", { class: "hint", text: tr("c.typing") }));
    } else if (e.code === "ambiguous_item") {
      // The engine's message names the rows by code too (for a form without choices);
      // here the rows are the buttons below, by label and treatment.
      marks.item.push({ level: "missing", message: tr("c.ambiguous_msg") });
      decision = [
        h("p", { class: "decision decision-ambiguous", dataset: { decision: "ambiguous" } },
          h("span", { class: "decision-label", text: tr("c.choose") }), loose),
        choiceButtons(line, e.candidates || [], "c.pick_for"),
        h("button", { type: "button", class: "btn-secondary", dataset: { split: line.id }, text: tr("c.split") }),
      ];
    } else if (e.code === "unknown_item") {
      const sugg = (e.suggestions || []).map((code) => S.costs.catalog.find((x) => x.code === code)).filter(Boolean);
      marks.item.push({ level: "invalid", message: tr(sugg.length ? "c.unknown_msg_suggest" : "c.unknown_msg") });
      decision = [
        h("p", { class: "decision decision-unknown", dataset: { decision: "unknown" } },
          h("span", { class: "decision-label", text: tr("c.not_in_table") }), loose),
        sugg.length ? h("p", { class: "suggestions-title", text: tr("c.suggestions") }) : null,
        sugg.length ? choiceButtons(line, sugg.map((c) => ({ label: c.label })), "c.pick_for") : null,
      ];
    } else {
      (part === "/amount" ? marks.amount : marks.item).push({ level: "invalid", message: e.message });
      decision = h("p", { class: "decision decision-invalid", dataset: { decision: "invalid" } },
        h("span", { class: "decision-label", text: part === "/amount" ? tr("c.fix_amount") : tr("c.fix") }),
        r.item && part !== "/item" ? h("span", { class: "decision-item", text: r.item }) : null, loose);
    }
  } else {
    for (const c of (a.unmet || []).concat(a.unanswered || [])) shown.add(c);
    decision = [
      h("p", { class: `decision decision-${a.decision}`, dataset: { decision: a.decision } },
        h("span", { class: "decision-label", text: label("decision", a.decision) }),
        a.label ? h("span", { class: "decision-item", lang: "zh-CN", text: a.label }) : null,
        amountText !== null ? h("span", { class: "decision-amount", text: money(amountText) }) : null),
      a.message ? h("p", { class: "decision-msg", text: a.message }) : null,
      h("p", { class: "rule-id", text: a.rule || "" }),
    ];
  }
  const sig = JSON.stringify([a, amountText, S.locale, line.legend.textContent, S.editing === line.item.input, S.editing === line.amount.input, line.original]);
  if (line.sig !== sig) {
    line.sig = sig;
    fill(line.decision, decision);
  }
  for (const name of shown) conditionField(line, name);
  for (const [name, f] of line.conds) {
    setHidden(f.wrap, !(shown.has(name) || readField(f) !== undefined));
    const state = a && a.unmet && a.unmet.includes(name) ? "block" : a && a.unanswered && a.unanswered.includes(name) ? "missing" : null;
    if (state) f.wrap.dataset.state = state; else delete f.wrap.dataset.state;
  }
  markField(line.item, marks.item);
  markField(line.amount, marks.amount);
}

/** The engine's four totals (contract §9: together every readable amount) and their sum. */
function costTotals(answer) {
  const tt = answer.totals;
  const all = sum([tt.included, tt.excluded, tt.pending, tt.unclassified]);
  return { included: tt.included, excluded: tt.excluded, pending: tt.pending, unclassified: tt.unclassified, all };
}

function renderCosts(request, answer) {
  setHidden($("#cost-empty"), S.costs.lines.length > 0);
  const result = $("#cost-result");
  if (!answer) return;
  if (answer.error) {
    fill(result, h("p", { class: "fmsg lvl-invalid", text: answer.error.message }));
    setText($("#cost-compare"), "");
    return;
  }
  S.costs.lines.forEach((line, i) => renderCostLine(line, i, request.items[i] || {}, answer.lines[i]));
  const tt = costTotals(answer);
  const rows = [["included", tt.included], ["excluded", tt.excluded], ["pending", tt.pending], ["unclassified", tt.unclassified], ["all", tt.all]];
  const sig = JSON.stringify([rows, S.locale]);
  if (result.dataset.sig !== sig) {
    result.dataset.sig = sig;
    fill(result, h("table", { class: "totals", id: "cost-totals" },
      h("caption", { text: tr("c.totals") }),
      h("tbody", {}, rows.map(([k, val]) => h("tr", { dataset: { total: k } },
        h("th", { scope: "row", text: tr(`c.total.${k}`) }), h("td", { id: `cost-total-${k}`, text: val === null ? "—" : val }))))));
  }
  setText($("#cost-compare"), compareText(tt.all));
}

/** The budget's sum against the total investment of the application above. */
function compareText(all) {
  if (!S.costs.lines.length || all === null) return "";
  const total = readMoney(S.answers.get("/project/investment/total"));
  if (total === null) return tr("c.compare.no_total", { sum: all });
  const diff = sub(all, total);
  const same = cmp(diff, "0") === 0;
  return `${tr("c.compare", { sum: all, total })}${same ? tr("c.compare.same") : tr(cmp(diff, "0") > 0 ? "c.compare.over" : "c.compare.under", { diff: abs(diff) })}`;
}

/** A line that names several items becomes one line per candidate row. */
function splitLine(id) {
  const idx = S.costs.lines.findIndex((l) => l.id === id);
  if (idx < 0) return;
  const a = S.costs.result && S.costs.result.lines[idx];
  const cands = a && a.error && a.error.candidates ? a.error.candidates : [];
  if (cands.length < 2) return;
  const old = S.costs.lines[idx];
  const r = readCostLine(old);
  const original = r.item || "";
  const fresh = cands.map((c, k) => addCostLine({ item: c.label, amount: k === 0 ? r.amount : undefined, original }));
  // The new lines stand where the old one stood.
  for (const l of fresh.slice().reverse()) old.el.after(l.el);
  S.costs.lines.splice(S.costs.lines.length - fresh.length, fresh.length);
  S.costs.lines.splice(idx, 1, ...fresh);
  old.el.remove();
  renumber();
  setText($("#cost-status"), tr("c.split_done", { n: fresh.length, text: original, amount: r.amount ? money(r.amount) : tr("none") }));
  runCosts();
  (fresh[1] ? fresh[1].amount.input : fresh[0].item.input).focus();
}

function pickItem(lineId, words) {
  const line = S.costs.lines.find((l) => l.id === lineId);
  if (!line) return;
  const before = line.item.input.value.trim();
  if (!line.original && before && before !== words) line.original = before;
  line.item.input.value = words;
  runCosts();
  line.item.input.focus();
}

/** A budget pasted from Excel or WPS: all of it read at once, or nothing and why. */
function readPasted(text) {
  const report = $("#cost-paste-report");
  const filled = S.costs.lines.filter((l) => l.item.input.value.trim() || l.amount.input.value.trim());
  const r = readBudget(text, MAX_LINES - filled.length);
  const items = [];
  if (r.refused.length) {
    fill(report, h("p", { class: "fmsg lvl-invalid", text: tr("c.paste.refused", { n: r.refused.length }) }),
      h("ul", {}, r.refused.map((x) => h("li", { text: tr(`c.paste.why.${x.why}`, { row: x.row, text: x.text, max: MAX_LINES }) }))));
    report.dataset.result = "refused";
    return;
  }
  if (!r.lines.length) {
    fill(report, h("p", { class: "fmsg lvl-invalid", text: tr("c.paste.none") }));
    report.dataset.result = "empty";
    return;
  }
  // Lines still blank give way to the pasted ones.
  for (const l of S.costs.lines.slice()) {
    if (!l.item.input.value.trim() && !l.amount.input.value.trim()) removeLine(S.costs.lines, l, true);
  }
  for (const x of r.lines) items.push(addCostLine({ item: x.item, amount: x.amount }));
  $("#cost-paste").value = "";
  const skipped = ["header", "total", "heading"].map((why) => [why, r.skipped.filter((s) => s.why === why).length]).filter((x) => x[1]);
  const total = sum(r.lines.map((x) => x.amount));
  fill(report,
    h("p", { class: "fmsg lvl-info", text: tr("c.paste.read", { n: r.lines.length, sum: total }) }),
    h("p", { class: "hint", text: tr(`c.paste.unit.${r.unit}`) }),
    skipped.length ? h("p", { class: "hint", text: tr("c.paste.skipped", { list: skipped.map(([why, n]) => tr(`c.paste.skip.${why}`, { n })).join(tr("fmt.sep")) }) }) : null,
    r.total ? h("p", { class: r.totalMatches ? "hint" : "fmsg lvl-warn", text: tr(r.totalMatches ? "c.paste.total_same" : "c.paste.total_differs", { total: r.total.amount, sum: total }) }) : null);
  report.dataset.result = "read";
  runCosts();
  if (items.length) items[0].item.input.focus();
}

function removeLine(list, line, quiet) {
  const idx = list.indexOf(line);
  if (idx < 0) return;
  line.el.remove();
  list.splice(idx, 1);
  if (!quiet) renumber();
}

// ---------------------------------------------------------------------------------------
// Change calculator: its questions from form()'s change section

function changeQuestions() {
  const sec = S.form.sections.find((s) => s.check === "change");
  return sec ? sec.questions.filter((q) => q.field !== "/as_of") : [];
}

function buildChangeForm() {
  const root = $("#change-fields");
  S.change.fields = new Map();
  const qs = changeQuestions();
  const top = qs.filter((q) => q.field.indexOf("/items/") !== 0);
  fill(root, top.map((q) => {
    const f = buildQuestion(q, "ch");
    S.change.fields.set(q.field, f);
    writeField(f, S.change.answers.get(q.field));
    return f.wrap;
  }));
  S.change.itemQuestions = qs.filter((q) => q.field.indexOf("/items/-/") === 0);
  const old = S.change.lines.map(readChangeLine);
  S.change.lines = [];
  fill($("#change-lines"));
  for (const item of old.length ? old : [{}]) addChangeLine(item);
}

function readChangeLine(line) {
  const item = {};
  const name = line.name.input.value.trim();
  if (name) item.name = name;
  for (const [key, f] of line.fields) {
    const v = readField(f);
    if (v !== undefined) item[key] = v;
  }
  return item;
}

function addChangeLine(values, focus) {
  const line = { id: `chl${++S.seq}`, fields: new Map() };
  line.name = costField(line, "/name", "ch.name", {});
  const parts = [line.name.wrap];
  for (const q of S.change.itemQuestions) {
    const key = q.field.slice("/items/-/".length);
    const f = buildQuestion(q, line.id, `/${key}`);
    line.fields.set(key, f);
    writeField(f, values ? answerFor(q, values[key]) : undefined);
    parts.push(f.wrap);
  }
  if (values && typeof values.name === "string") line.name.input.value = values.name;
  line.legend = h("legend");
  line.remove = h("button", { type: "button", class: "btn-secondary", dataset: { remove: line.id } });
  line.el = h("fieldset", { class: "line change-line", id: line.id }, line.legend,
    h("div", { class: "line-grid" }, parts), h("div", { class: "line-actions" }, line.remove));
  S.change.lines.push(line);
  $("#change-lines").append(line.el);
  renumber();
  if (focus) line.name.input.focus();
  return line;
}

function changeRequest() {
  const req = { regime: S.regime, as_of: checkDate(), locale: S.locale };
  for (const [ptr, f] of S.change.fields) {
    const v = readField(f);
    if (v !== undefined) setAt(req, ptr, v);
  }
  req.items = S.change.lines.map(readChangeLine);
  return req;
}

const applyChange = applier("change", S.change, (request, answer) => renderChange(answer));

function runChange() {
  const request = changeRequest();
  if (S.mode === "wasm") applyChange(request, local("checkChange", request));
  else if (S.mode === "server") {
    if (S.change.touched) remote("change", request, applyChange);
  } else soon();
}

/** Change fields on the page, by pointer into the change request. */
function changeFields() {
  const m = new Map(S.change.fields);
  S.change.lines.forEach((l, i) => {
    m.set(`/items/${i}/name`, l.name);
    for (const [key, f] of l.fields) m.set(`/items/${i}/${key}`, f);
  });
  return m;
}

function figureCell(v) {
  if (v === null || v === undefined) return h("td", { text: "—", title: tr("ch.unknown") });
  const shown = round2(v);
  return h("td", { text: shown, title: shown !== v ? tr("ch.exact", { v }) : null, dataset: { exact: v } });
}

const CHANGE_TONE = { file: "ok", savings: "ok", approval_required: "blocked", rejected: "blocked", incomplete: "incomplete", not_applicable: "neutral" };

function renderChange(v) {
  const touched = S.change.touched;
  setHidden($("#change-untouched"), touched && !!v);
  const result = $("#change-result");
  setHidden(result, !(touched && v));
  const fields = changeFields();
  // Nothing in red until the applicant has touched the section.
  renderMarks(fields, touched && v && !v.error ? v.findings : touched && v && v.error ? [errorFinding(v.error)] : []);
  if (!touched || !v) return;
  // A value being typed is judged once its field is left (as in the form above).
  const findings = v.findings ? v.findings.filter((x) => x.level !== "invalid" || !typing(fieldFor(fields, x.field))) : [];
  const sig = JSON.stringify([v, findings.length, S.locale]);
  if (result.dataset.sig === sig) return;
  result.dataset.sig = sig;
  if (v.error) {
    fill(result, h("p", { class: "fmsg lvl-invalid", text: v.error.message }));
    return;
  }
  const fig = v.figures || {};
  const ratios = ["adjustment_ratio", "new_content_ratio"];
  fill(result,
    h("div", { class: "banner", dataset: { tone: CHANGE_TONE[v.outcome] || "incomplete" } },
      h("p", { class: "banner-title", id: "change-outcome", dataset: { outcome: v.outcome }, text: label("change_outcome", v.outcome) })),
    h("dl", { class: "facts-list" },
      h("dt", { text: tr("ch.authorities") }), h("dd", {}, v.authorities.length ? zhName(v.authorities.join(tr("fmt.sep"))) : tr("none")),
      h("dt", { text: tr("ch.deadline") }), h("dd", { text: v.deadline || tr("none") })),
    h("div", { class: "change-tables" },
      h("table", { class: "figures", id: "change-figures" },
        h("caption", { text: tr("ch.figures") }),
        h("tbody", {}, Object.keys(fig).map((k) => h("tr", { dataset: { figure: k } },
          h("th", { scope: "row", text: label("figure", k) }),
          ratios.includes(k) ? figureCell(fig[k]) : h("td", { text: fig[k] === null ? "—" : fig[k], title: fig[k] === null ? tr("ch.unknown") : null }))))),
      v.margins.length ? h("table", { class: "margins", id: "change-margins" },
        h("caption", { text: tr("ch.margins") }),
        h("thead", {}, h("tr", {},
          h("th", { scope: "col", text: tr("ch.margin.rule") }), h("th", { scope: "col", text: tr("ch.margin.limit") }),
          h("th", { scope: "col", text: tr("ch.margin.headroom") }))),
        h("tbody", {}, v.margins.map((m) => h("tr", { dataset: { rule: m.rule }, class: m.headroom && m.headroom.charAt(0) === "-" ? "over" : "" },
          h("td", {}, ruleTitle(m.rule), " ", h("span", { class: "rule-id", text: m.rule })),
          h("td", { text: m.limit === null ? "—" : m.limit }),
          h("td", { text: m.headroom === null ? "—" : m.headroom, title: m.headroom === null ? tr("ch.unknown") : null }))))) : null),
    findings.length ? h("ol", { class: "findings", id: "change-findings" }, findings.map((x) => h("li", { class: `finding lvl-${x.level}` },
      h("span", { class: "badge", text: label("level", x.level) }),
      x.article ? h("span", { class: "article", lang: "zh-CN", text: x.article }) : null,
      h("span", { class: "finding-msg", text: x.message }),
      h("span", { class: "rule-id", text: x.rule })))) : null);
}

/** A rule's title in the current regulation and language (loaded with its form). */
function ruleTitle(id) {
  const titles = titleCache.get(`${S.regime}|${S.locale}`);
  return (titles && titles.get(id)) || "";
}

// ---------------------------------------------------------------------------------------
// Once the typing pauses: 核对申报信息, 申报指南, the printed sheets, the draft

let idleTimer = 0;
function soon() {
  document.body.dataset.settled = "false";
  clearTimeout(idleTimer);
  idleTimer = setTimeout(settle, IDLE_DELAY);
}

function settle() {
  clearTimeout(idleTimer);
  idleTimer = 0;
  try {
    renderReview();
    renderGuide();
    renderSheets();
  } finally {
    saveDraft();
    if (!S.pending.size) document.body.dataset.settled = "true";
  }
}

/** Rebuilds `el` from `build()` only when `sig` changed. */
function rebuild(el, sig, build) {
  if (el.dataset.sig === sig) return;
  el.dataset.sig = sig;
  fill(el, build());
}

function answerText(q, v) {
  if (q.type === "bool") return tr(v ? "yes" : "no");
  if (q.type === "choice") {
    const o = q.options.find((x) => x.value === v);
    return o ? o.label : String(v);
  }
  if (q.type === "choices") {
    if (!v.length) return tr("none_of_these");
    return v.map((x) => (q.options.find((o) => o.value === x) || { label: x }).label).join(tr("fmt.sep"));
  }
  return String(v);
}

function changeLink(focus, name, scope) {
  return h("button", { type: "button", class: "link no-print change-link", dataset: { focus, scope: scope || "elig" } },
    tr("r.change"), h("span", { class: "visually-hidden" }, tr("r.change_what"), name));
}

function reviewRow(name, value, focus, scope, valueLang) {
  return [h("dt", { text: name }), h("dd", {}, h("span", { class: "review-value", lang: valueLang || null, text: value }), " ", focus ? changeLink(focus, name, scope) : null)];
}

/** 核对申报信息: every answer as entered, each with its 更改 link. */
function renderReview() {
  if (!S.form) return;
  const v = S.elig && !S.elig.answer.error ? S.elig.answer : null;
  const missing = v ? v.findings.filter((x) => x.level === "missing" || x.level === "invalid") : [];
  const asOf = $("#f-as_of").value;
  const sections = [];
  for (const sec of S.form.sections.filter((s) => s.check === "eligibility")) {
    const rows = [];
    for (const q of sec.questions) {
      if (q.field === "/as_of") continue;
      const f = S.fields.get(q.field);
      const val = S.answers.get(q.field);
      if (!f || f.wrap.hidden || val === undefined) continue;
      rows.push([q.label, answerText(q, val), q.field]);
    }
    if (rows.length) sections.push([sec.title, rows]);
  }
  const costs = S.costs.result && !S.costs.result.error && S.costs.lines.length ? costTotals(S.costs.result) : null;
  const change = S.change.touched && S.change.result && !S.change.result.error ? S.change.result : null;
  const base = [
    [tr("f.regime"), S.form.title, "#f-regime", "id", "zh-CN"],
    [tr("f.as_of"), asOf || tr("r.today", { date: today() }), "#f-as_of", "id"],
    [tr("f.name"), $("#f-name").value.trim() || tr("r.none"), "#f-name", "id"],
  ];
  const sig = JSON.stringify([base, sections, missing.map((x) => x.field), costs, change && [change.outcome, change.figures], S.costs.lines.length, S.change.lines.length, S.locale]);
  rebuild($("#review"), sig, () => [
    h("dl", { class: "facts-list review-list" }, base.map((r) => reviewRow(r[0], r[1], r[2], r[3], r[4]))),
    sections.map(([title, rows]) => [h("h3", { text: title }),
      h("dl", { class: "facts-list review-list" }, rows.map((r) => reviewRow(r[0], r[1], r[2])))]),
    missing.length ? h("p", { class: "review-open" }, tr("r.open", { n: missing.length }), " ",
      h("button", { type: "button", class: "link no-print", dataset: { focus: missing[0].field, scope: "elig" }, text: tr("r.answer_first") })) : null,
    h("h3", { text: tr("sec.costs") }),
    h("p", {}, costs ? tr("r.costs", { n: S.costs.lines.length, all: costs.all, included: costs.included, excluded: costs.excluded, pending: costs.pending, unclassified: costs.unclassified }) : tr("r.costs_none"),
      " ", changeLink("#sec-costs", tr("sec.costs"), "id")),
    h("h3", { text: tr("sec.change") }),
    h("p", {}, change ? tr("r.change_summary", { total: change.figures.approved_total === null ? "—" : change.figures.approved_total, n: S.change.lines.length, outcome: label("change_outcome", change.outcome) }) : tr("r.change_none"),
      " ", changeLink("#sec-change", tr("sec.change"), "id")),
  ]);
}

/** The latest eligibility verdict the page can show (not an error), or null. */
function verdict() {
  return S.elig && !S.elig.answer.error ? S.elig.answer : null;
}

function findingLine(x) {
  const f = fieldFor(S.fields, x.field);
  const text = x.level === "missing" && f ? f.q.label : x.message;
  return h("li", {}, x.article ? h("span", { class: "article", lang: "zh-CN", text: x.article }) : null, x.article ? " " : null, text);
}

/** 申报指南: the steps and the documents of this application, all from the verdict. */
function renderGuide() {
  const v = verdict();
  const steps = $("#guide-steps");
  const docs = $("#guide-docs");
  const sig = JSON.stringify([v, S.locale]);
  if (steps.dataset.sig === sig) return;
  steps.dataset.sig = sig;
  if (!v) {
    fill(steps, h("li", { text: tr(S.mode === "none" ? "g.no_check" : "g.wait") }));
    fill(docs);
    fill($("#notice-body"));
    return;
  }
  const p = v.procedure;
  const by = (levels) => v.findings.filter((x) => levels.includes(x.level));
  const reg = v.regulation;
  const list = [];
  list.push(h("li", {}, tr("g.regulation"), zhName(reg.title), tr("fmt.paren_open"), label("status", reg.status), tr("fmt.paren_close")));
  if (v.outcome === "not_applicable") {
    const why = v.findings.find((x) => x.level === "info" && x.rule !== "input");
    list.push(h("li", {}, tr("g.na"), why ? ` ${why.message}` : ""));
  } else {
    if (by(["block"]).length) list.push(h("li", {}, tr("g.blocks", { n: by(["block"]).length }), h("ul", {}, by(["block"]).map(findingLine))));
    if (by(["missing", "invalid"]).length) list.push(h("li", {}, tr("g.answer", { n: by(["missing", "invalid"]).length }), h("ul", {}, by(["missing", "invalid"]).map(findingLine))));
    if (v.route === "undetermined") list.push(h("li", { text: tr("g.route_pending") }));
    else list.push(h("li", {}, tr("g.route", { route: label("route", v.route) }), p.authority ? zhName(p.authority) : tr("none")));
    list.push(h("li", { text: p.documents.length ? tr("g.documents", { n: p.documents.length }) : tr(v.route === "undetermined" ? "g.documents_pending" : "g.documents_none") }));
    if (by(["require"]).length) list.push(h("li", {}, tr("g.duties", { n: by(["require"]).length }), h("ul", {}, by(["require"]).map(findingLine))));
    if (p.supervision_required !== null) list.push(h("li", { text: tr(p.supervision_required ? "g.supervision_yes" : "g.supervision_no") }));
    if (p.acceptance) list.push(h("li", { text: tr("g.acceptance", { who: label("acceptance", p.acceptance) }) }));
    for (const d of p.deadlines) list.push(h("li", { text: tr("g.deadline", { due: d.due, what: d.what }) }));
    if (by(["warn"]).length) list.push(h("li", {}, tr("g.cautions", { n: by(["warn"]).length }), h("ul", {}, by(["warn"]).map(findingLine))));
  }
  fill(steps, list);
  fill(docs, h("caption", { text: tr("g.docs_caption") }),
    h("thead", {}, h("tr", {}, ["g.doc", "g.doc_form", "g.doc_copies"].map((k) => h("th", { scope: "col", text: tr(k) })))),
    h("tbody", {}, p.documents.length ? p.documents.map((d) => h("tr", { dataset: { document: d } },
      h("th", { scope: "row", text: label("document", d) }),
      h("td", { text: tr("g.unset") }), h("td", { text: tr("g.unset") })))
      : h("tr", {}, h("td", { colspan: "3", text: v.outcome === "not_applicable" ? tr("v.documents.na") : tr(v.route === "undetermined" ? "v.documents.pending" : "v.documents.none") }))));
  // 一次性告知单: everything to supply or settle at once.
  const items = (levels, key) => (by(levels).length ? [h("h3", { text: tr(key, { n: by(levels).length }) }), h("ol", {}, by(levels).map(findingLine))] : null);
  fill($("#notice-body"),
    v.outcome === "not_applicable"
      ? h("p", { text: tr("g.na") })
      : [
        h("p", { text: tr("n.intro") }),
        items(["block"], "n.blocks"),
        items(["missing", "invalid"], "n.answer"),
        items(["require"], "n.duties"),
        h("h3", { text: tr("n.documents") }),
        p.documents.length ? h("ol", {}, p.documents.map((d) => h("li", { text: `${label("document", d)}${tr("n.doc_unset")}` })))
          : h("p", { text: tr(v.route === "undetermined" ? "v.documents.pending" : "v.documents.none") }),
        h("h3", { text: tr("n.where") }),
        h("p", {}, p.authority ? zhName(p.authority) : tr("v.not_set"), v.route !== "undetermined" ? ` ${tr("fmt.paren", { a: "", b: label("route", v.route) }).trim()}` : ""),
        p.deadlines.length ? [h("h3", { text: tr("v.deadlines") }), h("ul", {}, p.deadlines.map((d) => h("li", { text: `${d.due} ${d.what}` })))] : null,
        items(["warn"], "n.cautions"),
      ]);
}

function printMeta(extra) {
  const v = verdict();
  const rows = [
    [tr("p.project"), $("#f-name").value.trim() || "—"],
    [tr("p.regulation"), v ? v.regulation.title : S.form ? S.form.title : "—", "zh-CN"],
    [tr("p.date"), (S.elig && S.elig.request.as_of) || checkDate()],
  ];
  if (extra) rows.push(...extra);
  rows.push([tr("v.ruleset"), (v && v.ruleset) || "—"]);
  if (v && v.ruleset_id) rows.push(["ruleset_id", v.ruleset_id]);
  rows.push([tr("p.printed"), nowText()]);
  return rows.map(([k, val, lang]) => [h("dt", { text: k }), h("dd", { lang: lang || null, text: val })]);
}

/** The printed 预检单's budget and change, and both sheets' heads (with the print time). */
function renderSheets() {
  fill($("#print-meta"), printMeta());
  const v = verdict();
  fill($("#notice-meta"), printMeta(v && v.procedure.authority ? [[tr("v.authority"), v.procedure.authority, "zh-CN"]] : null));
  const c = S.costs.result;
  const req = S.costs.request;
  const pc = $("#print-costs");
  setHidden(pc, !(c && !c.error && S.costs.lines.length));
  if (!pc.hidden) {
    const tt = costTotals(c);
    rebuild(pc, JSON.stringify([req, c, S.locale]), () => [
      h("h2", { text: tr("sec.costs") }),
      h("p", { class: "hint" }, tr("p.costs_table"), zhName(regimeTitle(S.costs.table))),
      h("table", { class: "print-table" },
        h("thead", {}, h("tr", {}, ["p.no", "c.item", "c.amount", "p.class", "p.row"].map((k) => h("th", { scope: "col", text: tr(k) })))),
        h("tbody", {}, c.lines.map((a, i) => h("tr", {},
          h("td", { text: String(i + 1) }),
          h("td", { text: req.items[i].item || "—" }),
          h("td", { class: "num", text: req.items[i].amount || "—" }),
          h("td", { text: a.error ? tr(a.error.code === "ambiguous_item" ? "c.choose" : a.error.code === "unknown_item" ? "c.not_in_table" : "c.fix") : label("decision", a.decision) }),
          h("td", { lang: "zh-CN", text: a.error ? "—" : a.label || "—" })))),
        h("tfoot", {}, ["included", "excluded", "pending", "unclassified", "all"].map((k) => h("tr", {},
          h("th", { scope: "row", colspan: "2", text: tr(`c.total.${k}`) }), h("td", { class: "num", text: tt[k] === null ? "—" : tt[k] }), h("td", { colspan: "2" }))))),
      h("p", { text: compareText(tt.all) }),
    ]);
  }
  const ch = S.change.result;
  const pch = $("#print-change");
  setHidden(pch, !(S.change.touched && ch && !ch.error));
  if (!pch.hidden) {
    const creq = S.change.request;
    rebuild(pch, JSON.stringify([creq, ch, S.locale]), () => [
      h("h2", { text: tr("sec.change") }),
      h("dl", { class: "facts-list" }, Array.from(S.change.fields.values()).map((f) => {
        const val = readField(f);
        return val === undefined ? null : [h("dt", { text: f.q.label }), h("dd", { text: answerText(f.q, val) })];
      })),
      h("table", { class: "print-table" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col", text: tr("ch.name") }), S.change.itemQuestions.map((q) => h("th", { scope: "col", text: q.label })))),
        h("tbody", {}, (creq.items || []).map((it) => h("tr", {}, h("td", { text: it.name || "—" }),
          S.change.itemQuestions.map((q) => {
            const val = it[q.field.slice("/items/-/".length)];
            const shown = val === undefined ? (q.default === false ? tr("no") : "—") : answerText(q, val);
            return h("td", { class: q.type === "money" ? "num" : null, text: shown });
          }))))),
      h("p", { class: "print-outcome" }, h("strong", { text: label("change_outcome", ch.outcome) }),
        ch.authorities.length ? ` · ${tr("ch.authorities")}${tr("fmt.colon_sep")}` : "", ch.authorities.length ? zhName(ch.authorities.join(tr("fmt.sep"))) : null,
        ch.deadline ? ` · ${tr("ch.deadline")}${tr("fmt.colon_sep")}${ch.deadline}` : ""),
      h("table", { class: "print-table" }, h("caption", { text: tr("ch.figures") }),
        h("tbody", {}, Object.keys(ch.figures).map((k) => h("tr", {}, h("th", { scope: "row", text: label("figure", k) }),
          h("td", { class: "num", text: ch.figures[k] === null ? "—" : ch.figures[k] }))))),
      ch.findings.length ? h("ol", { class: "findings" }, ch.findings.map((x) => h("li", {},
        h("span", { class: "badge", text: label("level", x.level) }), " ",
        x.article ? h("span", { class: "article", lang: "zh-CN", text: x.article }) : null, " ", x.message))) : null,
    ]);
  }
}

// ---------------------------------------------------------------------------------------
// Regulation, date, language

function regimeText(r) {
  return r.status ? tr("fmt.paren", { a: r.title, b: label("status", r.status) }) : r.title;
}

async function refreshRegimes() {
  S.regimes = await getRegimes(checkDate());
  const sel = $("#f-regime");
  if (sel.options.length !== S.regimes.length) fill(sel, S.regimes.map((r) => h("option", { value: r.id, lang: "zh-CN" })));
  S.regimes.forEach((r, i) => setText(sel.options[i], regimeText(r)));
  sel.value = S.regime;
  const r = S.regimes.find((x) => x.id === S.regime);
  const asOf = $("#f-as_of").value;
  setText($("#f-as_of-today"), asOf ? "" : tr("f.as_of_today", { date: today() }));
  if (!r) return;
  const dates = r.effective_from && r.effective_until ? tr("regime.from_to", { from: r.effective_from, until: r.effective_until })
    : r.effective_from ? tr("regime.from", { from: r.effective_from }) : tr("regime.no_dates");
  setText($("#f-regime-info"), `${tr("f.regulation")}${tr("fmt.colon_sep")}${dates}${r.status ? ` · ${label("status", r.status)}` : ""}`);
}

// A switch takes effect once the new form (and its rule titles) is in: until then the page
// stays as it was, so no check runs against a half-switched page.
async function switchRegime(regime) {
  const form = await getForm(regime, S.locale);
  S.regime = regime;
  S.form = form;
  buildForm();
  await refreshRegimes();
  await refreshCostTable();
  runAll();
}

async function switchLocale() {
  const locale = S.locale === "zh-CN" ? "en" : "zh-CN";
  const form = await getForm(S.regime, locale);
  S.locale = locale;
  applyI18n();
  S.form = form;
  buildForm();
  buildGroups();
  S.rows.clear();
  fill($("#verdict-procedure"));
  for (const l of S.costs.lines) {
    l.sig = "";
    for (const el of $$("[data-i18n]", l.el)) setText(el, tr(el.dataset.i18n));
    for (const [name, f] of l.conds) {
      const lab = $("label, legend", f.wrap);
      if (lab) setText(lab, label("condition", name));
      for (const el of $$(".opt label", f.wrap)) setText(el, tr(el.htmlFor.endsWith("-yes") ? "yes" : el.htmlFor.endsWith("-no") ? "no" : "unanswered"));
    }
  }
  renumber();
  await refreshRegimes();
  await refreshCostTable();
  modeNotice();
  runAll();
}

function runAll() {
  runEligibility();
  runCosts();
  runChange();
  soon();
}

// ---------------------------------------------------------------------------------------
// Everything entered: kept as a draft, exported and imported as a file (state.js reads
// both back defensively)

function collectState(draft) {
  const asOf = $("#f-as_of").value || null;
  const costs = costsRequest();
  costs.items.forEach((it, i) => {
    const o = S.costs.lines[i].original;
    if (o) it.original = o;
  });
  return {
    format: FORMAT,
    version: VERSION,
    locale: S.locale,
    // A draft keeps a check date only when one was chosen: else the check is for the day it is made.
    as_of: draft && asOf === today() ? null : asOf,
    saved_on: draft ? today() : undefined,
    eligibility: application(),
    costs,
    change: changeRequest(),
    change_touched: S.change.touched,
  };
}

function saveDraft() {
  if (document.body.dataset.ready !== "true") return;
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(collectState(true)));
  } catch (e) {
    // Storage full or disabled: the page works without a draft.
  }
}

function readStoredDraft() {
  let text = null;
  try {
    text = localStorage.getItem(DRAFT_KEY) || localStorage.getItem(OLD_DRAFT_KEY);
  } catch (e) {
    return null;
  }
  if (text === null) return null;
  try {
    return readState(JSON.parse(text));
  } catch (e) {
    return { error: e };
  }
}

function clearDraft() {
  try {
    localStorage.removeItem(DRAFT_KEY);
    localStorage.removeItem(OLD_DRAFT_KEY);
  } catch (e) {
    // Nothing stored, or storage disabled.
  }
}

/** Puts a state (state.js readState) into the page: every answer checked against its question. */
async function applyState(state, dropped) {
  if (state.locale && state.locale !== S.locale) {
    S.locale = state.locale;
    applyI18n();
    buildGroups();
    S.rows.clear();
    fill($("#verdict-procedure"));
  }
  if (state.as_of) $("#f-as_of").value = state.as_of;
  // A date the date field cannot hold (it takes only real dates) is named as left out.
  if (state.as_of && $("#f-as_of").value !== state.as_of) dropped.push("/as_of");
  const elig = state.eligibility || {};
  let regime = S.regime;
  if (elig.regime) {
    if (S.regimes.some((r) => r.id === elig.regime)) regime = elig.regime;
    else dropped.push("/eligibility/regime");
  }
  const form = await getForm(regime, S.locale);
  S.regime = regime;
  S.form = form;
  S.answers.clear();
  const name = getAt(elig, "/project/name");
  $("#f-name").value = typeof name === "string" && name.length <= 500 ? name : "";
  if (name !== undefined && typeof name !== "string") dropped.push("/eligibility/project/name");
  for (const q of eligibilityQuestions()) {
    if (q.field === "/as_of") continue;
    const v = getAt(elig, q.field);
    const a = answerFor(q, v);
    if (a !== undefined) S.answers.set(q.field, a);
    else if (v !== undefined && v !== null) dropped.push(`/eligibility${q.field}`);
  }
  // The change request: its questions' answers and its items.
  S.change.answers.clear();
  const change = state.change || {};
  for (const q of changeQuestions().filter((x) => x.field.indexOf("/items/") !== 0)) {
    const v = getAt(change, q.field);
    const a = answerFor(q, v);
    if (a !== undefined) S.change.answers.set(q.field, a);
    else if (v !== undefined && v !== null) dropped.push(`/change${q.field}`);
  }
  S.change.lines = [];
  fill($("#change-lines"));
  buildForm();
  const items = Array.isArray(change.items) ? change.items.slice(0, MAX_LINES) : [];
  if (items.length) {
    S.change.lines = [];
    fill($("#change-lines"));
    for (const it of items) {
      for (const q of S.change.itemQuestions) {
        const key = q.field.slice("/items/-/".length);
        if (it[key] !== undefined && it[key] !== null && answerFor(q, it[key]) === undefined) dropped.push(`/change/items/${items.indexOf(it)}/${key}`);
      }
      addChangeLine(Object.assign({ name: typeof it.name === "string" && it.name.length <= 500 ? it.name : undefined },
        pick(it, S.change.itemQuestions.map((q) => q.field.slice("/items/-/".length)))));
    }
  }
  S.change.touched = state.change_touched;
  // The budget lines: only the conditions the regulation's table names.
  for (const l of S.costs.lines.slice()) removeLine(S.costs.lines, l, true);
  const known = (S.form.labels && S.form.labels.condition) || {};
  state.costs.items.forEach((it, i) => {
    const conditions = {};
    for (const k of Object.keys(it.conditions || {})) {
      if (Object.prototype.hasOwnProperty.call(known, k)) conditions[k] = it.conditions[k];
      else dropped.push(`/costs/items/${i}/conditions/${k}`);
    }
    addCostLine({ item: it.item, amount: it.amount, original: it.original, conditions });
  });
  if (state.costs.regime) S.costs.picked = state.costs.regime;
  await refreshRegimes();
  await refreshCostTable();
}

function pick(o, keys) {
  const out = {};
  for (const k of keys) if (Object.prototype.hasOwnProperty.call(o, k)) out[k] = o[k];
  return out;
}

/** What a draft or a file held that the page could not take, said once. */
function noteDropped(dropped, key) {
  const status = $("#draft-status");
  if (!dropped.length) return;
  const list = dropped.slice(0, 6).join(tr("fmt.sep")) + (dropped.length > 6 ? tr("fmt.more", { n: dropped.length - 6 }) : "");
  status.textContent = tr(key, { n: dropped.length, list });
  status.dataset.result = "dropped";
}

function fileName(text) {
  return String(text).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_").slice(0, 80) || "application";
}

function exportState() {
  const state = collectState(false);
  const blob = new Blob([`${JSON.stringify(state, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const name = (state.eligibility.project && state.eligibility.project.name) || tr("a.file_name");
  const a = h("a", { href: url, download: `${fileName(name)}-${state.eligibility.as_of}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function readFileText(file) {
  // Blob.text() is Chromium 76+.
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result));
    r.onerror = () => fail(r.error || new Error("read"));
    r.readAsText(file);
  });
}

async function importFile(file) {
  const status = $("#draft-status");
  delete status.dataset.result;
  try {
    if (file.size > 5 * 1024 * 1024) throw Object.assign(new Error("too large"), { code: "too_large" });
    let raw;
    try {
      raw = JSON.parse(await readFileText(file));
    } catch (e) {
      throw Object.assign(new Error("not JSON"), { code: "not_json" });
    }
    const { state, dropped } = readState(raw);
    await applyState(state, dropped);
    runAll();
    status.textContent = tr("a.imported");
    status.dataset.result = "imported";
    noteDropped(dropped, "a.import_dropped");
  } catch (e) {
    status.textContent = tr("a.import_failed", { message: tr(`a.import_why.${e.code || "other"}`) });
    status.dataset.result = "failed";
  }
}

// ---------------------------------------------------------------------------------------
// Events

const TYPED = /^(text|date|search|number|)$/;

function onInput(e) {
  const el = e.target;
  if (el.id === "import" || el.id === "cost-paste") return;
  if (el.tagName === "INPUT" && TYPED.test(el.type)) S.editing = el;
  if (el.id === "f-as_of") {
    refreshRegimes().then(runAll, runAll);
    return;
  }
  if (el.id === "f-regime") {
    switchRegime(el.value);
    return;
  }
  if (el.id === "cost-table") {
    S.costs.picked = el.value;
    refreshCostTable().then(runCosts);
    return;
  }
  // "None of these" and the choices exclude each other.
  if (el.matches("[data-none]") && el.checked) {
    for (const b of $$("input[type=checkbox]", el.closest("fieldset"))) if (b !== el) b.checked = false;
  } else if (el.matches(".multi input[type=checkbox]") && el.checked) {
    const none = $("[data-none]", el.closest("fieldset"));
    if (none) none.checked = false;
  }
  if (el.closest("#sec-costs")) {
    runCosts();
    return;
  }
  if (el.closest("#sec-change")) {
    S.change.touched = true;
    const wrap = el.closest("[data-ptr]");
    const f = wrap && S.change.fields.get(wrap.dataset.ptr);
    if (f) {
      const v = readField(f);
      if (v === undefined) S.change.answers.delete(f.q.field); else S.change.answers.set(f.q.field, v);
    }
    runChange();
    return;
  }
  const wrap = el.closest("[data-ptr]");
  const f = wrap && S.fields.get(wrap.dataset.ptr);
  if (f && f.q.field !== "/as_of") {
    const v = readField(f);
    if (v === undefined) S.answers.delete(f.q.field); else S.answers.set(f.q.field, v);
  }
  runEligibility();
  // The budget compares its sum with the total investment.
  if (f && f.q.field === "/project/investment/total" && S.costs.result && !S.costs.result.error) {
    setText($("#cost-compare"), compareText(costTotals(S.costs.result).all));
  }
}

/** A field left: the `invalid` finding held back while it was typed in shows now. */
function onFocusOut(e) {
  if (e.target !== S.editing) return;
  S.editing = null;
  rerender();
}

function focusPtr(ptr, scope) {
  if (scope === "id") {
    const el = $(ptr);
    if (!el) return;
    const shown = (x) => x.offsetParent !== null;
    const target = el.matches("input, select, textarea, button") ? el : $$("input, select, textarea, button", el).find(shown);
    (target || el).focus();
    return;
  }
  const f = scope === "change" ? fieldFor(changeFields(), ptr) : fieldFor(S.fields, ptr);
  if (!f) return;
  setHidden(f.wrap, false);
  const sec = f.wrap.closest("section[hidden]");
  if (sec) sec.hidden = false;
  const target = f.inputs.find((i) => i.checked) || f.inputs[0];
  target.focus();
}

function onClick(e) {
  const focus = e.target.closest("[data-focus]");
  if (focus) return focusPtr(focus.dataset.focus, focus.dataset.scope || (focus.closest("#sec-change") ? "change" : "elig"));
  const remove = e.target.closest("[data-remove]");
  if (remove) {
    const inCosts = remove.dataset.remove.indexOf("cost") === 0;
    const list = inCosts ? S.costs.lines : S.change.lines;
    const idx = list.findIndex((l) => l.id === remove.dataset.remove);
    if (idx < 0) return;
    removeLine(list, list[idx]);
    const next = list[Math.min(idx, list.length - 1)];
    (next ? $("input", next.el) : $(inCosts ? "#cost-add" : "#change-add")).focus();
    if (inCosts) runCosts(); else { S.change.touched = true; runChange(); }
    return;
  }
  const pickBtn = e.target.closest("[data-pick]");
  if (pickBtn) return pickItem(pickBtn.dataset.line, pickBtn.dataset.pick);
  const split = e.target.closest("[data-split]");
  if (split) return splitLine(split.dataset.split);
  return undefined;
}

/** WCAG 2.4.11: a focused control is never hidden under the sticky summary bar. */
function keepFocusVisible(e) {
  const bar = $("#summary-bar");
  if (!bar || bar.hidden || getComputedStyle(bar).position !== "sticky") return;
  const barBottom = bar.getBoundingClientRect().bottom;
  const r = e.target.getBoundingClientRect();
  if (r.top < barBottom + 4) window.scrollBy(0, r.top - barBottom - 12);
}

/** Which sheet the next print makes: the 预检单 (default) or the 一次性告知单. */
function printSheet(kind) {
  document.body.dataset.print = kind;
  settle();
  window.print();
}

// ---------------------------------------------------------------------------------------
// Start, and what the page says about where the checks run

function modeNotice() {
  const box = $("#engine-notice");
  setText($("#app-subtitle"), tr(`app.subtitle.${S.mode}`));
  setText($("#app-footer"), tr(`app.footer.${S.mode}`));
  if (S.mode === "wasm") {
    box.hidden = true;
    return;
  }
  fill(box, h("p", { class: "notice-title", text: tr(`app.mode.${S.mode}`) }),
    h("p", { class: "notice-why", text: tr("app.mode.why", { why: S.why }) }));
  box.dataset.mode = S.mode;
  box.hidden = false;
  if (S.mode === "none") {
    fill($("#verdict-outcome"), tr("app.no_check"));
    $("#verdict-banner").dataset.tone = "neutral";
  }
}

function showRecovery(reason) {
  if (document.body.dataset.ready === "true") return;
  const box = $("#recovery");
  setText($("#recovery-why"), tr("app.recovery", { why: reason }));
  box.hidden = false;
}

function installRecovery() {
  window.addEventListener("error", (e) => showRecovery((e.error && e.error.message) || e.message));
  window.addEventListener("unhandledrejection", (e) => showRecovery((e.reason && e.reason.message) || String(e.reason)));
  setTimeout(() => showRecovery(tr("app.slow")), 20000);
  const reset = () => {
    clearDraft();
    window.location.reload();
  };
  $("#recovery-clear").addEventListener("click", reset);
  $("#footer-clear").addEventListener("click", () => {
    if (window.confirm(tr("a.clear_confirm"))) reset();
  });
}

async function main() {
  installRecovery();
  // The language of the draft first: the page never flashes into the other one.
  let stored = readStoredDraft();
  if (stored && stored.state && stored.state.locale) S.locale = stored.state.locale;
  applyI18n();
  const loaded = await loadEngine();
  if (loaded.mod) {
    S.engine = loaded.mod;
    S.mode = "wasm";
  } else {
    S.why = loaded.why;
    S.server = serverBase();
    S.mode = (await probeServer(S.server)) ? "server" : "none";
    warn(`WebAssembly cannot run here (${S.why}); ${S.mode === "server" ? `every check goes to the service at ${S.server}v1/` : "no service answers beside the page: no check runs"}.`);
  }
  document.body.dataset.mode = S.mode;
  performance.mark("govit-engine");
  $("#f-as_of").value = today();
  try {
    S.regimes = await getRegimes(today());
  } catch (e) {
    const s = $("#load-status");
    delete s.dataset.i18n;
    s.textContent = `${tr("app.load_failed")}${e.message}`;
    s.classList.add("error-box");
    showRecovery(e.message);
    return;
  }
  // The regulation in force today (a draft's choice first).
  const inForce = S.regimes.find((r) => r.status === "in_force") || S.regimes[0];
  S.regime = inForce.id;
  buildGroups();
  S.form = await getForm(S.regime, S.locale);
  buildForm();
  await refreshRegimes();
  await refreshCostTable();
  if (stored && stored.error) {
    warn(`the saved draft cannot be read (${stored.error.message}): it is cleared`);
    clearDraft();
    setText($("#draft-status"), tr("a.draft_unreadable"));
    stored = null;
  }
  if (stored) {
    try {
      await applyState(stored.state, stored.dropped);
      noteDropped(stored.dropped, "a.draft_dropped");
    } catch (e) {
      warn(`the saved draft cannot be used (${e.message}): it is cleared`);
      clearDraft();
      S.answers.clear();
      S.form = await getForm(S.regime, S.locale);
      buildForm();
      setText($("#draft-status"), tr("a.draft_unreadable"));
    }
  }
  performance.mark("govit-form");
  $("#load-status").hidden = true;
  $("#layout").hidden = false;
  document.addEventListener("input", onInput);
  document.addEventListener("focusout", onFocusOut);
  $("#import").addEventListener("change", (e) => {
    const el = e.target;
    if (el.files && el.files[0]) importFile(el.files[0]);
    el.value = "";
  });
  document.addEventListener("click", onClick);
  document.addEventListener("focusin", keepFocusVisible);
  $("#application").addEventListener("submit", (e) => e.preventDefault());
  $("#cost-add").addEventListener("click", () => {
    addCostLine(null, true);
    runCosts();
  });
  $("#cost-paste").addEventListener("paste", (e) => {
    const text = e.clipboardData && e.clipboardData.getData("text/plain");
    if (!text) return;
    e.preventDefault();
    $("#cost-paste").value = text;
    readPasted(text);
  });
  $("#cost-paste-read").addEventListener("click", () => readPasted($("#cost-paste").value));
  $("#change-add").addEventListener("click", () => {
    S.change.touched = true;
    addChangeLine(null, true);
    runChange();
  });
  $("#lang-switch").addEventListener("click", switchLocale);
  $("#print").addEventListener("click", () => printSheet("sheet"));
  $("#print-notice").addEventListener("click", () => printSheet("notice"));
  window.addEventListener("beforeprint", settle);
  window.addEventListener("afterprint", () => { document.body.dataset.print = "sheet"; });
  $("#export").addEventListener("click", exportState);
  $("#clear-draft").addEventListener("click", () => {
    if (!window.confirm(tr("a.clear_confirm"))) return;
    clearDraft();
    window.location.reload();
  });
  $("#json-panel").addEventListener("toggle", () => {
    if (S.elig) showJson("eligibility", S.elig.request, S.elig.answer, S.elig.text);
  });
  // Rule ids and internal codes (the verdict's, the budget lines', the margins') only
  // while the technical details are open.
  $("#tech").addEventListener("toggle", (e) => document.body.classList.toggle("show-ids", e.target.open));
  modeNotice();
  document.body.dataset.ready = "true";
  runAll();
  performance.mark("govit-ready");
}

main();
