// The demo portal, built on the engine's own description of each regulation: every
// question, label, hint, option and vocabulary word comes from `form(regime, locale)`;
// every outcome, route, document, deadline, message and figure from the checks. The page
// holds no rule: it turns answers into the contract's input objects and shows the answers.
//
// Speed: a keystroke updates only what changed — the answer it touched, the marks of the
// fields whose findings changed, the findings that came or went (keyed lists), the texts
// that differ. Nothing is rebuilt while typing.
//
// ES2021, for browsers from Chromium 86 on (es-check runs on www/*.js).

import { t } from "./i18n.js";

const ENGINE_URL = "./vendor/govit-check/govit_check.js";
// Where WebAssembly cannot run the form stays usable: its questions come from the package's
// catalog assets (plain JS modules, the CLI's bytes, no .wasm needed), the list of
// regulations from the build (scripts/portal-assets.mjs).
const CATALOG_URL = "./vendor/govit-check/catalog/index.js";
const ASSETS_URL = "./vendor/forms/";
const DRAFT_KEY = "govit-check.portal.draft.v1";
const LEVEL_GROUPS = [["block", ["block"]], ["question", ["invalid", "missing"]], ["require", ["require"]],
  ["warn", ["warn"]], ["info", ["info"]]];
const MARK_ORDER = ["invalid", "block", "missing", "warn", "require", "info"];

const S = {
  engine: null,          // the package module once init() resolved
  server: serverBase(),  // base URL of a `govit-check serve`, or null
  locale: "zh-CN",
  regime: null,
  regimes: [],
  form: null,            // form(regime, locale)
  answers: new Map(),    // eligibility answers: JSON Pointer → value
  fields: new Map(),     // JSON Pointer → { q, wrap, msgs, inputs, sig }
  elig: null,            // { request, answer, server }
  change: { answers: new Map(), lines: [], touched: false, result: null },
  costs: { lines: [], result: null },
  costCatalog: [],
  costTable: null,       // the regulation whose fee table reads the budget lines
  groups: new Map(),     // finding group → { ol, items: Map key → li }
  sections: [],          // [section element, its field wrappers]
  rows: new Map(),       // procedure row → [dt, dd]
  announced: "",
  seq: 0,
};

// ---------------------------------------------------------------------------------------
// Small DOM helpers

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(3)) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

const $ = (sel, root) => (root || document).querySelector(sel);
const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
const tr = (key, vars) => t(S.locale, key, vars);
const label = (vocabulary, value) => (S.form && S.form.labels[vocabulary] && S.form.labels[vocabulary][value]) || value;

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
  for (const el of $$("[data-i18n]", root)) setText(el, tr(el.dataset.i18n, el.dataset.i18nVars ? JSON.parse(el.dataset.i18nVars) : undefined));
  const bar = $("#summary-bar");
  if (bar) bar.setAttribute("aria-label", tr("app.summary"));
}

function serverBase() {
  const m = document.querySelector('meta[name="govit-check-server"]');
  const base = m && m.getAttribute("content");
  return base === null || base === undefined ? null : base.replace(/\/+$/, "");
}

function today() {
  const d = new Date();
  const pad = (x) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// ---------------------------------------------------------------------------------------
// Exact decimals for display (amounts are decimal strings; never binary floats)

const SCALE = 1000000n;

/** A plain non-negative decimal string ("12.5", "287.") as millionths, else null. */
function millionths(s) {
  const m = /^\s*(\d+)(?:\.(\d{0,6}))?\s*$/.exec(String(s));
  if (!m) return null;
  return BigInt(m[1]) * SCALE + BigInt((m[2] || "").padEnd(6, "0"));
}

function fromMillionths(n) {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const frac = (a % SCALE).toString().padStart(6, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${a / SCALE}${frac ? `.${frac}` : ""}`;
}

/** A decimal string rounded half up to 2 places for people ("33.333…" → "33.33"). */
function round2(s) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s || "");
  if (!m) return s;
  const frac = m[3] || "";
  if (frac.length <= 2) return s;
  let n = BigInt(m[2] + frac.slice(0, 2).padEnd(2, "0"));
  if (frac.charCodeAt(2) >= 53) n += 1n; // the third digit is 5 or more
  const str = n.toString().padStart(3, "0");
  const out = `${str.slice(0, -2)}.${str.slice(-2)}`.replace(/\.?0+$/, "");
  return `${m[1] && out !== "0" ? "-" : ""}${out}`;
}

// ---------------------------------------------------------------------------------------
// The engine, or what stands in for it

async function loadEngine() {
  try {
    const mod = await import(ENGINE_URL);
    await mod.default();
    // The cost checks' reading data (a package with fee-table readers, contract §9) is
    // loaded beside the .wasm: a budget line is checked only once it is there.
    if (typeof mod.ready === "function") await mod.ready();
    return mod;
  } catch (e) {
    return { failed: e };
  }
}

async function fetchJson(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
}

// form() and rules() load their catalog (an asset of the package) the first time each is
// asked for: both are awaited here, together, once per regulation and language, so that the
// rendering after them reads the form and the rule titles synchronously.
const formCache = new Map();
const titleCache = new Map(); // "regime|locale" → rule id → title
async function getForm(regime, locale) {
  const key = `${regime}|${locale}`;
  if (!formCache.has(key)) {
    if (S.engine) {
      const [form, catalog] = await Promise.all([S.engine.form(regime, locale), S.engine.rules(regime, locale)]);
      titleCache.set(key, new Map(catalog.rules.map((r) => [r.id, r.title])));
      formCache.set(key, form);
    } else {
      const catalogs = (await import(CATALOG_URL)).default;
      formCache.set(key, JSON.parse((await catalogs[`form.${regime}.${locale}`]()).default));
    }
  }
  return formCache.get(key);
}

async function getRegimes(asOf) {
  if (S.engine) return S.engine.regimes(asOf || null).regimes;
  return (await fetchJson(`${ASSETS_URL}regimes.json`)).regimes.map((r) => Object.assign({}, r, { status: null }));
}

// ---------------------------------------------------------------------------------------
// Questions: built once per regime and locale from form()

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
  root.replaceChildren(...panels);
  S.sections = panels.map((sec) => [sec, $$(".fields > [data-ptr]", sec)]);
  // The check date: the form's own question, shown beside the regulation.
  const asOf = S.form.sections.flatMap((s) => s.questions).find((q) => q.field === "/as_of");
  const dateWrap = $('#sec-regime [data-ptr="/as_of"]');
  S.fields.set("/as_of", { q: asOf, wrap: dateWrap, msgs: $("#f-as_of-msgs"), inputs: [$("#f-as_of")], sig: "" });
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
    const none = q.default ? tr("f.default", { label: (q.options.find((o) => o.value === q.default) || {}).label || q.default }) : tr("f.none");
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
    if (q.field.startsWith("/facts/")) {
      const oid = `${id}-none`;
      const input = h("input", { type: "checkbox", id: oid, value: "", dataset: { none: "1" }, "aria-describedby": describedBy(id, q) });
      boxes.push([input, h("span", { class: "opt" }, input, h("label", { for: oid, text: tr("none_of_these") }))]);
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

/** Puts an answer into a field (draft, import). */
function writeField(f, v) {
  if (!f) return;
  const { q, inputs } = f;
  if (q.type === "bool" && q.default === false) inputs[0].checked = v === true;
  else if (q.type === "bool") for (const i of inputs) i.checked = i.value === (v === true ? "yes" : v === false ? "no" : "");
  else if (q.type === "choices") {
    const list = Array.isArray(v) ? v : [];
    for (const i of inputs) i.checked = i.dataset.none ? Array.isArray(v) && v.length === 0 : list.includes(i.value);
  } else inputs[0].value = v === undefined || v === null ? "" : String(v);
}

function setAt(obj, ptr, value) {
  const parts = ptr.split("/").slice(1);
  let o = obj;
  for (const p of parts.slice(0, -1)) o = o[p] || (o[p] = {});
  o[parts[parts.length - 1]] = value;
}

function getAt(obj, ptr) {
  let o = obj;
  for (const p of ptr.split("/").slice(1)) {
    if (o === null || typeof o !== "object") return undefined;
    o = o[p];
  }
  return o;
}

/** The eligibility input (contract §2) from the answers: unanswered fields are absent. */
function application() {
  const app = { regime: S.regime };
  const asOf = $("#f-as_of").value;
  if (asOf) app.as_of = asOf;
  app.locale = S.locale;
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
  return f && f.q.default !== null ? f.q.default : undefined;
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
// Marks next to the fields (only the fields whose findings changed are touched)

function markField(f, findings) {
  const sig = findings.map((x) => `${x.level}|${x.message}`).join("\n");
  if (sig === f.sig) return;
  f.sig = sig;
  f.msgs.replaceChildren(...findings.map((x) => h("p", { class: `fmsg lvl-${x.level}`, dataset: { level: x.level } },
    h("span", { class: "badge", text: label("level", x.level) }),
    x.article && x.level !== "missing" ? h("span", { class: "article", text: x.article }) : null,
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
      x.article ? h("span", { class: "article minor", text: x.article }) : null,
      h("span", { class: "rule-id", text: (x.rules || [x.rule]).join(" ") }));
  }
  return h("li", { class: `finding lvl-${x.level}`, dataset: { level: x.level, rule: x.rule } },
    h("span", { class: "badge", text: label("level", x.level) }),
    x.article ? h("span", { class: "article", text: x.article }) : null,
    h("span", { class: "finding-msg", text: x.message }),
    f ? h("button", { type: "button", class: "link no-print", dataset: { focus: x.field }, text: tr("v.goto") }) : null,
    h("span", { class: "rule-id", text: x.rule }));
}

function buildGroups() {
  const root = $("#verdict-groups");
  S.groups.clear();
  root.replaceChildren(...LEVEL_GROUPS.map(([g]) => {
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
  return parts.length ? parts.join(S.locale === "zh-CN" ? "，" : ", ") : tr("v.count.none");
}

/** The banner: what the verdict means, told truthfully (tone and words). */
function banner(v, c) {
  const validity = v.findings.find((x) => x.rule.endsWith(".validity"));
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
    ["authority", tr("v.authority"), p.authority || tr("none")],
    ["documents", tr("v.documents"), documents],
    ["supervision", tr("v.supervision"), na ? tr("v.documents.na") : p.supervision_required === null ? unknown : tr(`v.supervision.${p.supervision_required}`)],
    ["regional_review", tr("v.regional_review"), p.regional_review ? tr("v.supervision.true") : null],
    ["acceptance", tr("v.acceptance"), na ? tr("v.documents.na") : p.acceptance ? label("acceptance", p.acceptance) : unknown],
    ["deadlines", tr("v.deadlines"), p.deadlines.length ? p.deadlines.map((d) => `${d.due} ${d.what}`).join("；") : tr("v.deadlines.none")],
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
    setText(dd, value || "");
    setHidden(dt, value === null);
    setHidden(dd, value === null);
  }
  const route = $("#verdict-route");
  if (route.dataset.route !== v.route) route.dataset.route = v.route;
  const docs = $("#verdict-documents");
  const docList = v.procedure.documents.join(" ");
  if (docs.dataset.docs !== docList) docs.dataset.docs = docList;
}

function renderElig(v, server) {
  const c = counts(v.findings);
  const b = banner(v, c);
  const box = $("#verdict-banner");
  if (box.dataset.tone !== b.tone) box.dataset.tone = b.tone;
  const outcomeEl = $("#verdict-outcome");
  if (outcomeEl.dataset.outcome !== v.outcome) outcomeEl.dataset.outcome = v.outcome;
  setText(outcomeEl, b.title + (server ? tr("v.server") : ""));
  setText($("#verdict-banner-detail"), b.detail);
  setText($("#verdict-counts"), b.detail === countText(c) || v.outcome === "not_applicable" ? "" : countText(c));
  renderMarks(S.fields, v.findings);
  // What the banner says is not said twice below it.
  renderGroups(b.shown ? v.findings.filter((x) => x !== b.shown) : v.findings);
  renderProcedure(v);
  const reg = v.regulation;
  setText($("#verdict-regulation"), `${tr("v.regulation")}：${reg.title}（${label("status", reg.status)}）`);
  setText($("#ruleset"), v.ruleset);
  setText($("#ruleset-id"), v.ruleset_id || "");
  setHidden($("#ruleset-id-row"), !v.ruleset_id);
  renderSummaryBar(v, b, c);
  const named = new Set(v.findings.map((x) => x.field).filter(Boolean));
  updateVisibility(named);
  announce(tr("v.announce", { outcome: b.title, counts: countText(c) }));
  renderPrintMeta(v);
}

function renderSummaryBar(v, b, c) {
  const bar = $("#summary-bar");
  setHidden(bar, false);
  const out = $("#summary-outcome");
  if (out.dataset.tone !== b.tone) out.dataset.tone = b.tone;
  setText(out, b.title);
  const links = [["block", c.block], ["question", c.question], ["require", c.require], ["warn", c.warn]]
    .filter(([, n]) => n).map(([g, n]) => [`#g-${g}`, tr(`v.count.${g}`, { n })]);
  links.push(["#verdict", tr("v.jump")]);
  const sig = links.map((l) => l.join("=")).join("|");
  const holder = $("#summary-links");
  if (holder.dataset.sig !== sig) {
    holder.dataset.sig = sig;
    holder.replaceChildren(...links.map(([href, text]) => h("a", { href, text })));
  }
}

function announce(text) {
  if (text === S.announced) return;
  S.announced = text;
  setText($("#announce"), text);
}

function renderPrintMeta(v) {
  const rows = [
    [tr("p.project"), $("#f-name").value.trim() || "—"],
    [tr("p.regulation"), `${v.regulation.title}（${label("status", v.regulation.status)}）`],
    [tr("p.date"), v.as_of || "—"],
    [tr("v.ruleset"), v.ruleset || "—"],
  ];
  if (v.ruleset_id) rows.push(["ruleset_id", v.ruleset_id]);
  const dl = $("#print-meta");
  const sig = rows.map((r) => r.join("=")).join("|");
  if (dl.dataset.sig === sig) return;
  dl.dataset.sig = sig;
  dl.replaceChildren(...rows.flatMap(([k, val]) => [h("dt", { text: k }), h("dd", { text: val })]));
}

function showJson(name, request, result) {
  const open = $("#json-panel").open;
  setText($(`#json-${name}-request`), JSON.stringify(request, null, open ? 2 : 0));
  setText($(`#json-${name}-result`), JSON.stringify(result, null, open ? 2 : 0));
}

function errorBody(e) {
  if (e && typeof e.code === "string") {
    const body = { code: e.code, field: e.field, message: e.message };
    if (e.suggestions) body.suggestions = e.suggestions;
    if (e.ruleset_id) body.ruleset_id = e.ruleset_id; // contract §8: which rules refused it
    return body;
  }
  return { code: "internal", field: "", message: String((e && e.message) || e) };
}

/** An error as a finding, shown like one (the page itself never decides). */
function errorFinding(e) {
  return { rule: e.code, level: "invalid", field: e.field, message: e.message };
}

function runEligibility() {
  const request = application();
  let answer;
  try {
    answer = S.engine.checkEligibility(request);
  } catch (e) {
    answer = { error: errorBody(e) };
  }
  S.elig = { request, answer };
  showJson("eligibility", request, answer);
  if (answer.error) {
    renderElig(errorVerdict(answer.error, request), false);
  } else {
    renderElig(answer, false);
  }
  saveDraftSoon();
}

/** What cannot be checked at all (a bad locale, an over-long name…) shown as a verdict. */
function errorVerdict(e, request) {
  return {
    outcome: "incomplete", route: "undetermined", effective_kind: null, as_of: request.as_of || null,
    findings: [errorFinding(e)], procedure: { authority: null, documents: [], supervision_required: null, regional_review: false, acceptance: null, deadlines: [] },
    regulation: { title: S.form ? S.form.title : "", status: "undetermined" }, ruleset: "",
  };
}

// ---------------------------------------------------------------------------------------
// Budget lines (a regulation's fee boundary table)

/**
 * The fee table the budget lines are read against: the chosen regulation's where it has one
 * (`fee_table` on its entry of `regimes()`, contract §9), else the first regulation's that has one.
 */
function costTable() {
  const tables = S.regimes.filter((r) => r.fee_table === true).map((r) => r.id);
  return tables.includes(S.regime) ? S.regime : tables[0] || null;
}

async function loadCostCatalog() {
  if (!S.engine) return;
  const table = costTable();
  S.costTable = table;
  const costRows = async (locale) => table ? (await S.engine.rules(table, locale)).rules.filter((r) => r.check === "cost") : [];
  const zhRows = await costRows("zh-CN");
  const localRows = S.locale === "zh-CN" ? zhRows : await costRows(S.locale);
  // An item's code is the last part of its rule id; its label the table's Chinese words.
  S.costCatalog = zhRows.map((r, i) => ({ code: r.id.slice(r.id.lastIndexOf(".") + 1), label: r.title, title: (localRows[i] || r).title }));
  $("#cost-items").replaceChildren(...S.costCatalog.map((c) => h("option", { value: c.label, label: S.locale === "zh-CN" ? undefined : c.title })));
}

function costField(line, ptr, key, attrs) {
  const id = `${line.id}-${ptr.slice(1)}`;
  const input = h("input", Object.assign({ id, type: "text", autocomplete: "off", "aria-describedby": `${id}-msgs` }, attrs));
  const msgs = h("div", { class: "msgs", id: `${id}-msgs` });
  const wrap = h("div", { class: "field", dataset: { ptr } }, h("label", { for: id, dataset: { i18n: key }, text: tr(key) }), input, msgs);
  return { wrap, input, msgs, inputs: [input], sig: "", q: { label: tr(key) } };
}

function addCostLine(focus) {
  const line = { id: `cost${++S.seq}`, conds: new Map() };
  line.item = costField(line, "/item", "c.item", { list: "cost-items" });
  line.amount = costField(line, "/amount", "c.amount", { inputmode: "decimal" });
  line.decision = h("div", { class: "line-decision" });
  line.condBox = h("div", { class: "conditions fields" });
  line.remove = h("button", { type: "button", class: "btn-secondary", dataset: { remove: line.id } });
  line.legend = h("legend");
  line.el = h("fieldset", { class: "line cost-line", id: line.id }, line.legend,
    h("div", { class: "line-grid" }, line.item.wrap, line.amount.wrap, line.decision), line.condBox,
    h("div", { class: "line-actions" }, line.remove));
  S.costs.lines.push(line);
  $("#cost-lines").append(line.el);
  renumber();
  if (focus) line.item.input.focus();
  runCosts();
  return line;
}

function conditionField(line, name) {
  if (line.conds.has(name)) return line.conds.get(name);
  const q = { field: `/conditions/${name}`, type: "bool", default: null, label: label("condition", name), hint: null };
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

function costsRequest() {
  return {
    ...(S.costTable ? { regime: S.costTable } : {}),
    locale: S.locale,
    items: S.costs.lines.map((l) => {
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
    }),
  };
}

function runCosts() {
  const request = costsRequest();
  let answer = null;
  if (S.engine) {
    try { answer = S.engine.classifyCosts(request); } catch (e) { answer = { error: errorBody(e) }; }
  }
  S.costs.result = answer;
  if (answer) showJson("costs", request, answer);
  renderCosts(request, answer);
  saveDraftSoon();
}

function renderCosts(request, answer) {
  setHidden($("#cost-empty"), S.costs.lines.length > 0);
  const result = $("#cost-result");
  if (!answer) return;
  if (answer.error) {
    result.replaceChildren(h("p", { class: "fmsg lvl-invalid", text: answer.error.message }));
    return;
  }
  let unknown = 0n;
  let unknownLines = 0;
  answer.lines.forEach((a, i) => {
    const line = S.costs.lines[i];
    if (!line) return;
    const shown = new Set();
    const marks = { item: [], amount: [] };
    if (a.error) {
      const rel = a.error.field.replace(new RegExp(`^/items/${i}`), "") || "/item";
      (rel === "/amount" ? marks.amount : marks.item).push({ level: "invalid", message: a.error.message });
      const amount = millionths(request.items[i].amount || "");
      if (amount !== null) { unknown += amount; unknownLines++; }
      line.decision.replaceChildren(
        h("p", { class: "decision decision-unknown", dataset: { decision: "unknown" } },
          h("span", { class: "decision-label", text: tr("c.unrecognised") }),
          request.items[i].amount ? h("span", { class: "decision-amount", text: `${request.items[i].amount} ${tr("wan")}` }) : null),
        a.error.suggestions && a.error.suggestions.length
          ? h("p", { class: "suggestions" }, tr("c.suggestions"), a.error.suggestions.map((s) => {
            const c = S.costCatalog.find((x) => x.code === s);
            return h("button", { type: "button", class: "link", dataset: { suggest: c ? c.label : s, line: line.id }, text: c ? (S.locale === "zh-CN" ? c.label : `${c.label} (${c.title})`) : s });
          }))
          : null);
    } else {
      for (const c of a.unmet.concat(a.unanswered)) shown.add(c);
      line.decision.replaceChildren(
        h("p", { class: `decision decision-${a.decision}`, dataset: { decision: a.decision } },
          h("span", { class: "decision-label", text: label("decision", a.decision) }),
          h("span", { class: "decision-item", text: a.label }),
          a.amount !== undefined && a.amount !== null ? h("span", { class: "decision-amount", text: `${a.amount} ${tr("wan")}` }) : null),
        h("p", { class: "decision-msg", text: a.message }),
        h("p", { class: "rule-id", text: a.rule }));
    }
    for (const name of shown) conditionField(line, name);
    for (const [name, f] of line.conds) {
      setHidden(f.wrap, !(shown.has(name) || readField(f) !== undefined));
      const state = a.unmet && a.unmet.includes(name) ? "block" : a.unanswered && a.unanswered.includes(name) ? "missing" : null;
      if (state) f.wrap.dataset.state = state; else delete f.wrap.dataset.state;
    }
    markField(line.item, marks.item);
    markField(line.amount, marks.amount);
  });
  const tt = answer.totals;
  const rows = [["included", tt.included], ["excluded", tt.excluded], ["pending", tt.pending]];
  if (unknownLines) rows.push(["unknown", fromMillionths(unknown)]);
  result.replaceChildren(h("table", { class: "totals", id: "cost-totals" },
    h("caption", { text: tr("c.totals") }),
    h("tbody", {}, rows.map(([k, val]) => h("tr", { dataset: { total: k } },
      h("th", { scope: "row", text: tr(`c.${k}`) }), h("td", { id: `cost-total-${k}`, text: val }))))));
  // The budget against the total investment of the application above.
  const sum = ["included", "excluded", "pending"].reduce((acc, k) => acc + (millionths(tt[k]) || 0n), 0n) + unknown;
  const total = millionths(S.answers.get("/project/investment/total") || "");
  let text = "";
  if (S.costs.lines.length) {
    if (total === null) text = tr("c.compare.no_total", { sum: fromMillionths(sum) });
    else {
      const diff = sum > total ? sum - total : total - sum;
      text = `${tr("c.compare", { sum: fromMillionths(sum), total: fromMillionths(total) })}${diff === 0n ? tr("c.compare.same") : tr("c.compare.diff", { diff: fromMillionths(diff) })}`;
    }
  }
  setText($("#cost-compare"), text);
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
  const top = qs.filter((q) => !q.field.startsWith("/items/"));
  root.replaceChildren(...top.map((q) => {
    const f = buildQuestion(q, "ch");
    S.change.fields.set(q.field, f);
    writeField(f, S.change.answers.get(q.field));
    return f.wrap;
  }));
  S.change.itemQuestions = qs.filter((q) => q.field.startsWith("/items/-/"));
  const old = S.change.lines.map((l) => readLine(l));
  S.change.lines = [];
  $("#change-lines").replaceChildren();
  for (const item of old.length ? old : [{}]) addChangeLine(false, item, true);
}

function readLine(line) {
  const item = {};
  const name = line.name.input.value.trim();
  if (name) item.name = name;
  for (const [key, f] of line.fields) {
    const v = readField(f);
    if (v !== undefined) item[key] = v;
  }
  return item;
}

function addChangeLine(focus, values, quiet) {
  const line = { id: `chl${++S.seq}`, fields: new Map() };
  line.name = costField(line, "/name", "ch.name", {});
  const parts = [line.name.wrap];
  for (const q of S.change.itemQuestions) {
    const key = q.field.slice("/items/-/".length);
    const f = buildQuestion(q, line.id, `/${key}`);
    line.fields.set(key, f);
    writeField(f, values ? values[key] : undefined);
    parts.push(f.wrap);
  }
  if (values && values.name) line.name.input.value = values.name;
  line.legend = h("legend");
  line.remove = h("button", { type: "button", class: "btn-secondary", dataset: { remove: line.id } });
  line.el = h("fieldset", { class: "line change-line", id: line.id }, line.legend,
    h("div", { class: "line-grid" }, parts), h("div", { class: "line-actions" }, line.remove));
  S.change.lines.push(line);
  $("#change-lines").append(line.el);
  renumber();
  if (focus) line.name.input.focus();
  if (!quiet) runChange();
}

function changeRequest() {
  const req = { regime: S.regime };
  const asOf = $("#f-as_of").value;
  if (asOf) req.as_of = asOf;
  req.locale = S.locale;
  for (const [ptr, f] of S.change.fields) {
    const v = readField(f);
    if (v !== undefined) setAt(req, ptr, v);
  }
  req.items = S.change.lines.map(readLine);
  return req;
}

function runChange() {
  const request = changeRequest();
  let answer = null;
  if (S.engine) {
    try { answer = S.engine.checkChange(request); } catch (e) { answer = { error: errorBody(e) }; }
    showJson("change", request, answer);
  }
  S.change.result = answer;
  renderChange(answer);
  saveDraftSoon();
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
  if (v === null) return h("td", { text: "—", title: tr("ch.unknown") });
  const shown = round2(v);
  return h("td", { text: shown, title: shown !== v ? tr("ch.exact", { v }) : null, dataset: { exact: v } });
}

function renderChange(v) {
  const touched = S.change.touched;
  setHidden($("#change-untouched"), touched && !!v);
  const result = $("#change-result");
  setHidden(result, !(touched && v));
  const fields = changeFields();
  // Nothing in red until the applicant has touched the section.
  renderMarks(fields, touched && v && !v.error ? v.findings : touched && v && v.error ? [errorFinding(v.error)] : []);
  if (!touched || !v) return;
  if (v.error) {
    result.replaceChildren(h("p", { class: "fmsg lvl-invalid", text: v.error.message }));
    return;
  }
  const fig = v.figures;
  const ratios = ["adjustment_ratio", "new_content_ratio"];
  result.replaceChildren(
    h("div", { class: "banner", dataset: { tone: { file: "ok", approval_required: "blocked", rejected: "blocked", incomplete: "incomplete", not_applicable: "neutral" }[v.outcome] || "incomplete" } },
      h("p", { class: "banner-title", id: "change-outcome", dataset: { outcome: v.outcome }, text: label("change_outcome", v.outcome) })),
    h("dl", { class: "facts-list" },
      h("dt", { text: tr("ch.authorities") }), h("dd", { text: v.authorities.length ? v.authorities.join(tr("fmt.sep")) : tr("none") }),
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
        h("tbody", {}, v.margins.map((m) => h("tr", { dataset: { rule: m.rule }, class: m.headroom && m.headroom.startsWith("-") ? "over" : "" },
          h("td", {}, ruleTitle(m.rule), " ", h("span", { class: "rule-id", text: m.rule })),
          h("td", { text: m.limit === null ? "—" : m.limit }),
          h("td", { text: m.headroom === null ? "—" : m.headroom, title: m.headroom === null ? tr("ch.unknown") : null }))))) : null),
    v.findings.length ? h("ol", { class: "findings", id: "change-findings" }, v.findings.map((x) => h("li", { class: `finding lvl-${x.level}` },
      h("span", { class: "badge", text: label("level", x.level) }),
      x.article ? h("span", { class: "article", text: x.article }) : null,
      h("span", { class: "finding-msg", text: x.message }),
      h("span", { class: "rule-id", text: x.rule })))) : null);
}

/** A rule's title in the current regulation and language (loaded with its form). */
function ruleTitle(id) {
  const titles = titleCache.get(`${S.regime}|${S.locale}`);
  return (titles && titles.get(id)) || "";
}

// ---------------------------------------------------------------------------------------
// Regulation and date

function regimeText(r) {
  return r.status ? tr("fmt.paren", { a: r.title, b: label("status", r.status) }) : r.title;
}

async function refreshRegimes() {
  S.regimes = await getRegimes($("#f-as_of").value);
  const sel = $("#f-regime");
  if (sel.options.length !== S.regimes.length) sel.replaceChildren(...S.regimes.map((r) => h("option", { value: r.id })));
  S.regimes.forEach((r, i) => setText(sel.options[i], regimeText(r)));
  sel.value = S.regime;
  const r = S.regimes.find((x) => x.id === S.regime);
  if (!r) return;
  const dates = r.effective_from && r.effective_until ? tr("regime.from_to", { from: r.effective_from, until: r.effective_until })
    : r.effective_from ? tr("regime.from", { from: r.effective_from }) : tr("regime.no_dates");
  setText($("#f-regime-info"), `${tr("f.regulation")}：${dates}${r.status ? ` · ${label("status", r.status)}` : ""}`);
}

// A switch takes effect once the new form (and its rule titles) is in: until then the page
// stays as it was, so no check runs against a half-switched page.
async function switchRegime(regime) {
  const form = await getForm(regime, S.locale);
  S.regime = regime;
  S.form = form;
  buildForm();
  await refreshRegimes();
  if (costTable() !== S.costTable) await loadCostCatalog();
  runAll();
}

async function switchLocale() {
  const locale = S.locale === "zh-CN" ? "en" : "zh-CN";
  const form = await getForm(S.regime, locale);
  S.locale = locale;
  document.documentElement.lang = S.locale;
  const btn = $("#lang-switch");
  btn.textContent = tr("app.lang");
  btn.lang = S.locale === "zh-CN" ? "en" : "zh-CN";
  document.title = `${tr("app.title")} — govit-check`;
  applyI18n();
  S.form = form;
  buildForm();
  buildGroups();
  await loadCostCatalog();
  renumber();
  await refreshRegimes();
  runAll();
}

function runAll() {
  if (!S.engine) {
    saveDraftSoon();
    return;
  }
  runEligibility();
  runCosts();
  runChange();
}

// ---------------------------------------------------------------------------------------
// Draft (localStorage), export and import of the application JSON

let saveTimer = 0;
function saveDraftSoon() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveDraft, 300);
}

function saveDraft() {
  try {
    const app = application();
    delete app.as_of; // the check is for the day it is made
    localStorage.setItem(DRAFT_KEY, JSON.stringify({
      v: 1, application: app, change: changeRequest(), costs: costsRequest().items, changeTouched: S.change.touched,
    }));
  } catch (e) {
    // Storage full or disabled: the page works without a draft.
  }
}

function readDraft() {
  try {
    const d = JSON.parse(localStorage.getItem(DRAFT_KEY) || "null");
    return d && d.v === 1 && d.application && typeof d.application.regime === "string" ? d : null;
  } catch (e) {
    return null;
  }
}

/** Loads an application (draft or import) into the form. */
async function loadApplication(app) {
  S.answers.clear();
  $("#f-name").value = (app.project && typeof app.project.name === "string") ? app.project.name : "";
  if (typeof app.as_of === "string") $("#f-as_of").value = app.as_of;
  const regime = S.regimes.some((r) => r.id === app.regime) ? app.regime : S.regime;
  const form = await getForm(regime, S.locale);
  S.regime = regime;
  S.form = form;
  // Every question's answer from the input, by its pointer.
  for (const q of S.form.sections.filter((s) => s.check === "eligibility").flatMap((s) => s.questions)) {
    if (q.field === "/as_of") continue;
    const v = getAt(app, q.field);
    if (v !== undefined && v !== null) S.answers.set(q.field, v);
  }
  buildForm();
  await refreshRegimes();
  if (costTable() !== S.costTable) await loadCostCatalog();
}

function loadChange(req, touched) {
  if (!req) return;
  for (const [ptr] of S.change.fields) {
    const v = getAt(req, ptr);
    if (v !== undefined) S.change.answers.set(ptr, v);
  }
  for (const [ptr, f] of S.change.fields) writeField(f, S.change.answers.get(ptr));
  S.change.lines = [];
  $("#change-lines").replaceChildren();
  const items = Array.isArray(req.items) && req.items.length ? req.items : [{}];
  for (const it of items) addChangeLine(false, it, true);
  S.change.touched = !!touched;
}

function loadCosts(items) {
  for (const it of items || []) {
    const line = addCostLine(false);
    line.item.input.value = it.item || "";
    line.amount.input.value = it.amount === undefined ? "" : String(it.amount);
    for (const [name, v] of Object.entries(it.conditions || {})) {
      const f = conditionField(line, name);
      writeField(f, v);
    }
  }
}

function exportApplication() {
  const app = application();
  const blob = new Blob([`${JSON.stringify(app, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const name = (app.project && app.project.name) || "application";
  const a = h("a", { href: url, download: `${name}-${app.as_of || today()}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function importApplication(file) {
  const status = $("#draft-status");
  try {
    const app = JSON.parse(await file.text());
    if (!app || typeof app !== "object" || Array.isArray(app) || typeof app.regime !== "string") throw new Error("regime");
    await loadApplication(app);
    runAll();
    status.textContent = tr("a.imported");
  } catch (e) {
    status.textContent = tr("a.import_failed", { message: e.message });
  }
}

// ---------------------------------------------------------------------------------------
// The server check (where this browser cannot run the engine)

async function serverCheck() {
  const status = $("#server-status");
  status.textContent = tr("s.checking");
  try {
    const post = async (check, body) => {
      const r = await fetch(`${S.server}/v1/${check}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      return r.json();
    };
    const request = application();
    const answer = await post("eligibility", request);
    S.elig = { request, answer, server: true };
    showJson("eligibility", request, answer);
    if (answer.error) renderElig(errorVerdict(answer.error, request), true);
    else renderElig(answer, true);
    if (S.change.touched) {
      const req = changeRequest();
      const ch = await post("change", req);
      showJson("change", req, ch);
      renderChange(ch);
    }
    status.textContent = tr("s.done", { time: new Date().toLocaleTimeString(S.locale) });
  } catch (e) {
    status.textContent = tr("s.failed", { message: e.message });
  }
}

// ---------------------------------------------------------------------------------------
// Events

function onInput(e) {
  const el = e.target;
  if (el.id === "f-as_of") {
    refreshRegimes().then(runAll);
    return;
  }
  if (el.id === "f-regime") {
    switchRegime(el.value);
    return;
  }
  if (el.id === "import") return;
  // "None of these" and the choices exclude each other.
  if (el.matches("[data-none]") && el.checked) {
    for (const b of $$("input[type=checkbox]", el.closest("fieldset"))) if (b !== el) b.checked = false;
  } else if (el.matches(".multi input[type=checkbox]") && el.checked) {
    const none = $("[data-none]", el.closest("fieldset"));
    if (none) none.checked = false;
  }
  if (el.closest("#sec-costs")) return S.engine ? runCosts() : saveDraftSoon();
  if (el.closest("#sec-change")) {
    S.change.touched = true;
    const wrap = el.closest("[data-ptr]");
    const f = wrap && S.change.fields.get(wrap.dataset.ptr);
    if (f) {
      const v = readField(f);
      if (v === undefined) S.change.answers.delete(f.q.field); else S.change.answers.set(f.q.field, v);
    }
    return S.engine ? runChange() : saveDraftSoon();
  }
  const wrap = el.closest("[data-ptr]");
  const f = wrap && S.fields.get(wrap.dataset.ptr);
  if (f) {
    const v = readField(f);
    if (v === undefined) S.answers.delete(f.q.field); else S.answers.set(f.q.field, v);
  }
  if (!S.engine) {
    updateVisibility(new Set());
    saveDraftSoon();
    return;
  }
  runEligibility();
  // The budget compares its sum with the total investment.
  if (f && f.q.field === "/project/investment/total" && S.costs.lines.length) runCosts();
}

function focusPtr(ptr, inChange) {
  const f = inChange ? fieldFor(changeFields(), ptr) : fieldFor(S.fields, ptr);
  if (!f) return;
  setHidden(f.wrap, false);
  const target = f.inputs.find((i) => i.checked) || f.inputs[0];
  target.focus();
}

function onClick(e) {
  const focus = e.target.closest("[data-focus]");
  if (focus) return focusPtr(focus.dataset.focus, !!focus.closest("#sec-change"));
  const remove = e.target.closest("[data-remove]");
  if (remove) {
    const inCosts = remove.dataset.remove.startsWith("cost");
    const list = inCosts ? S.costs.lines : S.change.lines;
    const idx = list.findIndex((l) => l.id === remove.dataset.remove);
    if (idx < 0) return;
    list[idx].el.remove();
    list.splice(idx, 1);
    renumber();
    const next = list[Math.min(idx, list.length - 1)];
    (next ? $("input", next.el) : $(inCosts ? "#cost-add" : "#change-add")).focus();
    if (inCosts) runCosts(); else { S.change.touched = true; runChange(); }
    return;
  }
  const suggest = e.target.closest("[data-suggest]");
  if (suggest) {
    const line = S.costs.lines.find((l) => l.id === suggest.dataset.line);
    line.item.input.value = suggest.dataset.suggest;
    line.item.input.focus();
    runCosts();
  }
}

/** WCAG 2.4.11: a focused control is never hidden under the sticky summary bar. */
function keepFocusVisible(e) {
  const bar = $("#summary-bar");
  if (!bar || bar.hidden || getComputedStyle(bar).position !== "sticky") return;
  const barBottom = bar.getBoundingClientRect().bottom;
  const r = e.target.getBoundingClientRect();
  if (r.top < barBottom + 4) window.scrollBy(0, r.top - barBottom - 12);
}

function showEngineNotice(offline) {
  const box = $("#engine-notice");
  box.textContent = tr(offline ? "app.no_engine_offline" : "app.no_engine");
  box.hidden = false;
  setHidden($("#server-offer"), !S.server);
  setText($("#verdict-outcome"), tr("app.no_engine"));
  $("#verdict-banner").dataset.tone = "neutral";
}

async function main() {
  const loaded = await loadEngine();
  S.engine = loaded.failed ? null : loaded;
  performance.mark("govit-engine");
  const draft = readDraft();
  $("#f-as_of").value = today();
  try {
    S.regimes = await getRegimes(today());
  } catch (e) {
    const s = $("#load-status");
    delete s.dataset.i18n;
    s.textContent = `${tr("app.load_failed")}${e.message}`;
    s.classList.add("error-box");
    return;
  }
  // The regulation in force today (a draft's choice first).
  const inForce = S.regimes.find((r) => r.status === "in_force") || S.regimes[0];
  S.regime = draft && S.regimes.some((r) => r.id === draft.application.regime) ? draft.application.regime : inForce.id;
  // The fee table of the budget lines (their item list) loads alongside the form.
  const costCatalog = loadCostCatalog();
  buildGroups();
  if (draft) await loadApplication(draft.application);
  else {
    S.form = await getForm(S.regime, S.locale);
    buildForm();
    await refreshRegimes();
  }
  performance.mark("govit-form");
  await costCatalog;
  if (draft) {
    loadChange(draft.change, draft.changeTouched);
    loadCosts(draft.costs);
  }
  applyI18n();
  $("#load-status").hidden = true;
  $("#layout").hidden = false;
  document.addEventListener("input", onInput);
  $("#import").addEventListener("change", (e) => {
    const el = e.target;
    if (el.files && el.files[0]) importApplication(el.files[0]);
    el.value = "";
  });
  document.addEventListener("click", onClick);
  document.addEventListener("focusin", keepFocusVisible);
  $("#application").addEventListener("submit", (e) => e.preventDefault());
  $("#cost-add").addEventListener("click", () => addCostLine(true));
  $("#change-add").addEventListener("click", () => { S.change.touched = true; addChangeLine(true); });
  $("#lang-switch").addEventListener("click", switchLocale);
  $("#print").addEventListener("click", () => window.print());
  $("#export").addEventListener("click", exportApplication);
  $("#clear-draft").addEventListener("click", () => {
    if (!window.confirm(tr("a.clear_confirm"))) return;
    localStorage.removeItem(DRAFT_KEY);
    window.location.reload();
  });
  $("#server-check").addEventListener("click", serverCheck);
  $("#json-panel").addEventListener("toggle", () => {
    if (S.elig) showJson("eligibility", S.elig.request, S.elig.answer);
  });
  // Rule ids and internal codes (the verdict's, the budget lines', the margins') only
  // while the technical details are open.
  $("#tech").addEventListener("toggle", (e) => document.body.classList.toggle("show-ids", e.target.open));
  if (S.engine) runAll();
  else {
    showEngineNotice(!S.server);
    updateVisibility(new Set());
  }
  document.body.dataset.ready = "true";
  performance.mark("govit-ready");
}

main();
