// The demo portal: builds the input objects of contract.md from the form and renders the
// engine's answers. No rule is written here — every outcome, route, document, deadline,
// message and total comes from the govit-check package (the same compiled rules as the
// server and the CLI).

import { t } from "./i18n.js";
import {
  ENUMS, FACT_SECTIONS, FOLLOW_UPS, PROJECT_FIELDS, PROJECT_ORDER, regimeFields,
} from "./questions.js";

const ENGINE_URL = "./vendor/govit-check/govit_check.js";
const SEVERITY = ["error", "block", "missing", "warn", "require", "info"];

let engine = null;
let locale = "zh-CN";
let regimeList = [];
let costCatalog = []; // [{code, label, title}] from rules("wulong")
let lastVerdict = null; // eligibility answer (or null after an error)
let costSeq = 0;
let changeSeq = 0;

// ---------------------------------------------------------------------------------------
// Small DOM helpers

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k === "i18n") { el.dataset.i18n = v; el.textContent = t(locale, v); }
    else if (k === "i18nVars") el.dataset.i18nVars = JSON.stringify(v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  if (attrs.i18nVars && attrs.i18n) el.textContent = t(locale, attrs.i18n, attrs.i18nVars);
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
const idOf = (prefix, ptr) => `${prefix}${ptr.replace(/\//g, "-")}`;

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

function applyI18n(root = document) {
  for (const el of $$("[data-i18n]", root)) {
    const vars = el.dataset.i18nVars ? JSON.parse(el.dataset.i18nVars) : undefined;
    setText(el, t(locale, el.dataset.i18n, vars));
  }
  for (const el of $$("[data-i18n-aria]", root)) {
    const vars = el.dataset.i18nVars ? JSON.parse(el.dataset.i18nVars) : undefined;
    el.setAttribute("aria-label", t(locale, el.dataset.i18nAria, vars));
  }
}

// ---------------------------------------------------------------------------------------
// Field builders. Every field is wrapped in an element with `data-ptr` (its JSON Pointer
// in the input) and a `.msgs` container the engine's messages for it go into.

function msgsFor(id) {
  return h("div", { class: "msgs", id: `${id}-msgs` });
}

function textField(ptr, id, labelKey, { inputmode, type = "text", hintKey, autocomplete } = {}) {
  const describedBy = [hintKey ? `${id}-hint` : null, `${id}-msgs`].filter(Boolean).join(" ");
  return h("div", { class: "field", dataset: { ptr } },
    h("label", { for: id, i18n: labelKey }),
    h("input", { id, type, inputmode, autocomplete: autocomplete || "off", "aria-describedby": describedBy, spellcheck: "false" }),
    hintKey ? h("p", { class: "hint", id: `${id}-hint`, i18n: hintKey }) : null,
    msgsFor(id));
}

function selectField(ptr, id, labelKey, values, valueKey, noneKey = "f.none") {
  return h("div", { class: "field", dataset: { ptr } },
    h("label", { for: id, i18n: labelKey }),
    h("select", { id, "aria-describedby": `${id}-msgs` },
      h("option", { value: "", i18n: noneKey }),
      values.map((v) => h("option", { value: v, i18n: `${valueKey}.${v}` }))),
    msgsFor(id));
}

function checkField(ptr, id, labelKey) {
  return h("div", { class: "field check", dataset: { ptr } },
    h("input", { id, type: "checkbox", "aria-describedby": `${id}-msgs` }),
    h("label", { for: id, i18n: labelKey }),
    msgsFor(id));
}

/** A yes / no / not answered question: absent is not false. */
function yesNoField(ptr, id, labelKey) {
  const opt = (value, key, checked) => {
    const oid = `${id}-${value || "unset"}`;
    return h("span", { class: "opt" },
      h("input", { type: "radio", id: oid, name: id, value, checked, "aria-describedby": `${id}-msgs` }),
      h("label", { for: oid, i18n: key }));
  };
  return h("fieldset", { class: "field yesno", dataset: { ptr }, id },
    h("legend", { i18n: labelKey }),
    h("div", { class: "opts" }, opt("yes", "yes"), opt("no", "no"), opt("", "unanswered", true)),
    msgsFor(id));
}

/** A set of values (funding sources, design chapters); none ticked = not answered. */
function multiField(ptr, id, labelKey, values, valueKey, noneKey) {
  const box = (value, key, extra = {}) => {
    const oid = `${id}-${value}`;
    return h("span", { class: "opt" },
      h("input", { type: "checkbox", id: oid, value, "aria-describedby": `${id}-msgs`, ...extra }),
      h("label", { for: oid, i18n: key }));
  };
  return h("fieldset", { class: "field multi", dataset: { ptr }, id },
    h("legend", { i18n: labelKey }),
    h("div", { class: "opts" },
      values.map((v) => box(v, `${valueKey}.${v}`)),
      noneKey ? box("__none__", noneKey, { dataset: { none: "1" } }) : null),
    msgsFor(id));
}

function buildProjectField(name) {
  const ptr = `/project/${name}`;
  const id = idOf("f", ptr);
  const key = `f.${name}`;
  switch (PROJECT_FIELDS[name]) {
    case "text": return textField(ptr, id, key);
    case "money": return textField(ptr, id, key, {
      inputmode: "decimal", hintKey: name === "investment/total" ? "f.investment.hint" : undefined,
    });
    case "years": return textField(ptr, id, key, { inputmode: "decimal" });
    case "year": return textField(ptr, id, key, { inputmode: "numeric" });
    case "date": return textField(ptr, id, key, { type: "date" });
    case "select": return selectField(ptr, id, key, ENUMS[name], name, name === "unit_level" ? "f.unit_level.none" : "f.none");
    case "check": return checkField(ptr, id, key);
    case "yesno": return yesNoField(ptr, id, key);
    case "multi": return multiField(ptr, id, key, ENUMS[name], name);
    default: throw new Error(`unknown field ${name}`);
  }
}

function buildFactField(name) {
  const ptr = `/facts/${name}`;
  const id = idOf("f", ptr);
  if (name === "design_chapters") {
    return multiField(ptr, id, `fact.${name}`, ENUMS.design_chapters, "design_chapters", "chapters.none");
  }
  return yesNoField(ptr, id, `fact.${name}`);
}

// ---------------------------------------------------------------------------------------
// Reading values. Empty means absent: it is left out of the request, never sent as "".

function readField(wrapper) {
  if (!wrapper) return undefined;
  if (wrapper.classList.contains("yesno")) {
    const v = $("input:checked", wrapper)?.value;
    return v === "yes" ? true : v === "no" ? false : undefined;
  }
  if (wrapper.classList.contains("multi")) {
    const boxes = $$("input[type=checkbox]", wrapper);
    if (boxes.some((b) => b.dataset.none && b.checked)) return [];
    const vals = boxes.filter((b) => b.checked && !b.dataset.none).map((b) => b.value);
    return vals.length ? vals : undefined;
  }
  if (wrapper.classList.contains("check")) return $("input", wrapper).checked ? true : undefined;
  const input = $("input, select", wrapper);
  const v = input.value.trim();
  if (v === "") return undefined;
  if (input.inputMode === "numeric") return /^\d+$/.test(v) ? Number(v) : v;
  return v;
}

function isAnswered(wrapper) {
  return readField(wrapper) !== undefined;
}

function setAt(obj, path, value) {
  const parts = path.split("/");
  let o = obj;
  for (const p of parts.slice(0, -1)) o = o[p] ??= {};
  o[parts.at(-1)] = value;
}

// ---------------------------------------------------------------------------------------
// Messages next to fields

function findWrapper(roots, ptr) {
  let p = ptr;
  while (p) {
    for (const root of roots) {
      const w = root.querySelector(`[data-ptr="${CSS.escape(p)}"]`);
      if (w) return w;
    }
    p = p.slice(0, Math.max(0, p.lastIndexOf("/")));
  }
  return null;
}

function clearMarks(src) {
  const touched = new Set();
  for (const m of $$(`.fmsg[data-src="${src}"]`)) {
    touched.add(m.closest("[data-ptr]"));
    m.remove();
  }
  return touched;
}

function addMark(wrapper, src, level, text, article) {
  const box = $(":scope > .msgs", wrapper) || wrapper.querySelector(".msgs");
  box.append(h("p", { class: `fmsg lvl-${level}`, dataset: { src, level } },
    h("span", { class: "badge", text: level === "error" ? "!" : t(locale, `level.${level}`) }),
    article ? h("span", { class: "article", text: article }) : null,
    h("span", { class: "fmsg-text", text })));
}

function refreshState(wrapper) {
  if (!wrapper) return;
  const levels = $$(":scope > .msgs > .fmsg", wrapper).map((m) => m.dataset.level);
  const worst = SEVERITY.find((l) => levels.includes(l));
  if (worst) wrapper.dataset.state = worst; else delete wrapper.dataset.state;
  const invalid = worst === "error" || worst === "block";
  for (const input of $$(":scope > input, :scope > select, :scope > .opts input", wrapper)) {
    if (invalid) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
  }
}

function focusField(roots, ptr) {
  const w = findWrapper(roots, ptr);
  if (!w) return;
  const target = $("input:checked", w) && w.classList.contains("yesno")
    ? $("input:checked", w) : $("input, select, textarea", w);
  w.scrollIntoView({ block: "center" });
  target?.focus({ preventScroll: true });
}

function errorBody(e) {
  if (e && typeof e.code === "string") {
    const body = { code: e.code, field: e.field, message: e.message };
    if (e.suggestions) body.suggestions = e.suggestions;
    return body;
  }
  return { code: "internal", field: "", message: String(e?.message || e) };
}

const pretty = (v) => JSON.stringify(v, null, 2);

// ---------------------------------------------------------------------------------------
// 1–3: the application form and its verdict

const ALL_FIELD_ROOTS = () => [$("#application")];

function buildApplicationForm() {
  const project = $("#project-fields");
  for (const name of PROJECT_ORDER) project.append(buildProjectField(name));
  const facts = $("#fact-fields");
  for (const [group, names] of FACT_SECTIONS) {
    facts.append(h("div", { class: "fact-group", dataset: { group } },
      h("h3", { i18n: `fg.${group}` }),
      h("div", { class: "fields" }, names.map(buildFactField))));
  }
}

function regimeOptionText(r) {
  return t(locale, "fmt.paren", { a: r.title, b: t(locale, `status.${r.status}`) });
}

function refreshRegimes() {
  const asOf = $("#f-as_of").value || undefined;
  regimeList = engine.regimes(asOf ?? null).regimes;
  const sel = $("#f-regime");
  // The page opens on a regulation in force on the check date (revision 2: one out of
  // force grounds no verdict).
  const current = sel.value || (regimeList.find((r) => r.status === "in_force") ?? regimeList[0]).id;
  if (sel.options.length !== regimeList.length) {
    sel.replaceChildren(...regimeList.map((r) => h("option", { value: r.id })));
  }
  regimeList.forEach((r, i) => setText(sel.options[i], regimeOptionText(r)));
  sel.value = current;
  const r = regimeList.find((x) => x.id === sel.value);
  const dates = r.effective_from && r.effective_until
    ? t(locale, "regime.from_to", { from: r.effective_from, until: r.effective_until })
    : r.effective_from ? t(locale, "regime.from", { from: r.effective_from }) : t(locale, "regime.no_dates");
  setText($("#f-regime-info"), t(locale, "fmt.colon", { a: t(locale, "f.regulation"), b: `${dates} · ${t(locale, `status.${r.status}`)}` }));
}

/** The pointers the last verdict asks for or points at (follow-ups are shown then). */
function referencedFields(answer) {
  const out = new Set();
  for (const f of answer?.findings || []) if (f.field) out.add(f.field);
  return out;
}

function updateVisibility(regime) {
  const listed = regimeFields(regime);
  const referenced = referencedFields(lastVerdict);
  const form = $("#application");
  const visible = new Set();
  for (const ptr of listed) {
    const w = form.querySelector(`[data-ptr="${ptr}"]`);
    if (FOLLOW_UPS.includes(ptr) && !referenced.has(ptr) && !isAnswered(w)) continue;
    visible.add(ptr);
  }
  for (const ptr of referenced) visible.add(ptr);
  let changed = false;
  for (const w of $$("#project-fields [data-ptr], #fact-fields [data-ptr]")) {
    const show = visible.has(w.dataset.ptr);
    if (w.hidden === show) { w.hidden = !show; changed = true; }
  }
  for (const g of $$(".fact-group")) g.hidden = !$$(":scope .fields > [data-ptr]", g).some((w) => !w.hidden);
  return changed;
}

function buildApplication() {
  const app = { regime: $("#f-regime").value || undefined };
  const asOf = $("#f-as_of").value;
  if (asOf) app.as_of = asOf;
  app.locale = locale;
  const project = {};
  const facts = {};
  for (const w of $$("#project-fields [data-ptr], #fact-fields [data-ptr]")) {
    if (w.hidden) continue; // a question this regime does not read is not sent
    const v = readField(w);
    if (v === undefined) continue;
    const ptr = w.dataset.ptr;
    if (ptr.startsWith("/project/")) setAt(project, ptr.slice("/project/".length), v);
    else setAt(facts, ptr.slice("/facts/".length), v);
  }
  if (Object.keys(project).length) app.project = project;
  if (Object.keys(facts).length) app.facts = facts;
  return app;
}

function runEligibility() {
  const regime = $("#f-regime").value;
  let request;
  let answer;
  let error = null;
  // Showing or hiding a follow-up never changes the request (it is unanswered when it
  // appears); the loop is bounded all the same.
  for (let i = 0; i < 3; i++) {
    request = buildApplication();
    try { answer = engine.checkEligibility(request); error = null; } catch (e) { answer = null; error = errorBody(e); }
    lastVerdict = answer;
    if (!updateVisibility(regime)) break;
  }
  $("#json-eligibility-request").textContent = pretty(request);
  $("#json-eligibility-result").textContent = pretty(answer ?? { error });
  renderVerdict(answer, error);
}

function labelOfPtr(roots, ptr) {
  const w = findWrapper(roots, ptr);
  const l = w && (w.matches("fieldset") ? $(":scope > legend", w) : $(":scope > label", w));
  return l ? l.textContent : ptr;
}

function renderFieldMarks(src, roots, findings, error) {
  const touched = clearMarks(src);
  for (const f of findings) {
    if (!f.field) continue;
    const w = findWrapper(roots, f.field);
    if (!w) continue;
    addMark(w, src, f.level, f.message, f.level === "missing" ? null : f.article);
    touched.add(w);
  }
  if (error) {
    const w = findWrapper(roots, error.field || "");
    if (w) {
      const level = error.code === "required" ? "missing" : "error";
      addMark(w, src, level, error.message);
      touched.add(w);
    }
  }
  touched.forEach(refreshState);
}

function dl(rows) {
  return h("dl", { class: "facts-list" }, rows.filter(Boolean).map(([k, v]) => [
    h("dt", { text: t(locale, k) }), h("dd", {}, v),
  ]));
}

function findingItem(f, roots, regime) {
  return h("li", { class: `finding lvl-${f.level}` },
    h("span", { class: "badge", text: t(locale, `level.${f.level}`) }),
    h("span", { class: "article", text: f.article }),
    h("span", { class: "finding-title", text: ruleTitle(regime, f.rule) }),
    h("span", { class: "finding-msg", text: f.message }),
    h("span", { class: "rule-id", text: f.rule }),
    f.field && findWrapper(roots, f.field)
      ? h("button", { type: "button", class: "link", dataset: { focus: f.field }, text: t(locale, "v.goto") })
      : null);
}

function errorBox(error, roots) {
  return h("div", { class: "error-box", role: "alert" },
    h("p", { class: "error-title", text: t(locale, "v.error") }),
    h("p", {}, h("code", { text: error.code }), " ",
      error.field && findWrapper(roots, error.field)
        ? h("button", { type: "button", class: "link", dataset: { focus: error.field }, text: labelOfPtr(roots, error.field) })
        : h("code", { text: error.field })),
    h("p", { text: error.message }));
}

function renderVerdict(v, error) {
  const roots = ALL_FIELD_ROOTS();
  const body = $("#verdict-body");
  renderFieldMarks("elig", [$("#application")], v ? v.findings : [], error);
  if (!v) {
    const bar = $("#mobile-status");
    bar.dataset.outcome = "error";
    setText(bar, `${t(locale, "v.error")} ↓`);
    body.replaceChildren(errorBox(error, roots));
    setText($("#verdict-summary"), t(locale, "v.summary.error", { message: error.message }));
    return;
  }
  const bar = $("#mobile-status");
  bar.hidden = false;
  bar.dataset.outcome = v.outcome;
  setText(bar, `${t(locale, "fmt.colon", { a: t(locale, "v.outcome"), b: t(locale, `outcome.${v.outcome}`) })} ↓`);
  const missing = v.findings.filter((f) => f.level === "missing");
  const others = v.findings.filter((f) => f.level !== "missing");
  const blocks = v.findings.filter((f) => f.level === "block").length;
  setText($("#verdict-summary"), t(locale, "v.summary", {
    outcome: t(locale, `outcome.${v.outcome}`), route: t(locale, `route.${v.route}`),
    blocks, missing: missing.length,
  }));
  const p = v.procedure;
  const kindAsked = $("#f-project-kind").value;
  body.replaceChildren(
    h("p", { class: `outcome outcome-${v.outcome}`, id: "verdict-outcome", dataset: { outcome: v.outcome } },
      t(locale, `outcome.${v.outcome}`)),
    dl([
      ["v.route", h("span", { id: "verdict-route", dataset: { route: v.route }, text: t(locale, `route.${v.route}`) })],
      v.effective_kind && v.effective_kind !== kindAsked
        ? ["v.effective_kind", t(locale, `kind.${v.effective_kind}`)] : null,
      ["v.authority", p.authority ?? t(locale, "none")],
      ["v.documents", p.documents.length
        ? h("ul", { class: "plain", id: "verdict-documents" }, p.documents.map((d) => h("li", { dataset: { doc: d }, text: t(locale, `doc.${d}`) })))
        : t(locale, "v.documents.none")],
      ["v.supervision", t(locale, `bool.${p.supervision_required}`)],
      p.regional_review ? ["v.regional_review", t(locale, "bool.true")] : null,
      ["v.acceptance", p.acceptance ? t(locale, `acceptance.${p.acceptance}`) : t(locale, "bool.null")],
      ["v.deadlines", p.deadlines.length
        ? h("ul", { class: "plain" }, p.deadlines.map((d) => h("li", {}, h("strong", { text: d.due }), " ", d.what)))
        : t(locale, "v.deadlines.none")],
    ]),
    h("h3", { text: t(locale, "fmt.paren", { a: t(locale, "v.missing"), b: missing.length }) }),
    missing.length
      ? h("ol", { class: "missing-list", id: "verdict-missing" }, missing.map((f) => h("li", {},
        h("button", { type: "button", class: "link", dataset: { focus: f.field || "" } }, labelOfPtr(roots, f.field || "")),
        h("span", { class: "article", text: f.article }))))
      : h("p", { class: "hint", text: t(locale, "v.missing.none") }),
    h("h3", { text: t(locale, "fmt.paren", { a: t(locale, "v.findings"), b: others.length }) }),
    others.length
      ? h("ol", { class: "findings", id: "verdict-findings" }, others.map((f) => findingItem(f, roots, v.regime)))
      : h("p", { class: "hint", text: t(locale, "v.findings.none") }),
    h("p", { class: "regulation" },
      h("span", { text: t(locale, "fmt.colon", { a: t(locale, "v.regulation"), b: "" }) }),
      h("cite", { text: v.regulation.title }),
      ` · ${t(locale, `status.${v.regulation.status}`)}`),
  );
  setText($("#ruleset"), t(locale, "fmt.colon", { a: t(locale, "v.ruleset"), b: v.ruleset }));
}

// ---------------------------------------------------------------------------------------
// 4: budget lines (Wulong's fee boundary table)

function loadCostCatalog() {
  const zhRows = engine.rules("wulong", "zh-CN").rules.filter((r) => r.check === "cost");
  const localRows = engine.rules("wulong", locale).rules.filter((r) => r.check === "cost");
  costCatalog = zhRows.map((r, i) => ({
    code: r.id.replace(/^wulong\.annex\./, ""), label: r.title, title: localRows[i]?.title ?? r.title,
  }));
  const list = $("#cost-items");
  list.replaceChildren(...costCatalog.map((c) => h("option", {
    value: c.label, label: locale === "zh-CN" ? undefined : c.title,
  })));
}

function conditionField(lineId, name) {
  const ptr = `/conditions/${name}`;
  return yesNoField(ptr, `${lineId}-cond-${name}`, `cond.${name}`);
}

function addCostLine(focus = true) {
  const n = $$("#cost-lines .cost-line").length + 1;
  const id = `cost${++costSeq}`;
  const line = h("fieldset", { class: "line cost-line", id },
    h("legend", { i18n: "c.line", i18nVars: { n } }),
    h("div", { class: "line-grid" },
      h("div", { class: "field", dataset: { ptr: "/item" } },
        h("label", { for: `${id}-item`, i18n: "c.item" }),
        h("input", { id: `${id}-item`, type: "text", list: "cost-items", autocomplete: "off", "aria-describedby": `${id}-item-msgs` }),
        msgsFor(`${id}-item`)),
      h("div", { class: "field", dataset: { ptr: "/amount" } },
        h("label", { for: `${id}-amount`, i18n: "c.amount" }),
        h("input", { id: `${id}-amount`, type: "text", inputmode: "decimal", autocomplete: "off", "aria-describedby": `${id}-amount-msgs` }),
        msgsFor(`${id}-amount`)),
      h("div", { class: "line-decision", id: `${id}-decision` })),
    h("div", { class: "conditions fields" }, ENUMS.conditions.map((c) => {
      const f = conditionField(id, c);
      f.hidden = true;
      return f;
    })),
    h("div", { class: "line-actions" },
      h("button", { type: "button", class: "btn-secondary", dataset: { remove: id }, "data-i18n": "c.remove", i18nVars: { n } })));
  $("#cost-lines").append(line);
  renumber("#cost-lines", "c.line", "c.remove");
  if (focus) $(`#${id}-item`).focus();
  runCosts();
}

function renumber(container, legendKey, removeKey) {
  $$(`${container} > fieldset`).forEach((fs, i) => {
    const vars = JSON.stringify({ n: i + 1 });
    const legend = $(":scope > legend", fs);
    legend.dataset.i18n = legendKey;
    legend.dataset.i18nVars = vars;
    const btn = $("[data-remove]", fs);
    btn.dataset.i18n = removeKey;
    btn.dataset.i18nVars = vars;
    applyI18n(fs);
  });
}

function buildCosts() {
  const items = $$("#cost-lines .cost-line").map((line) => {
    const item = {};
    const name = readField($("[data-ptr='/item']", line));
    if (name !== undefined) item.item = name;
    const amount = readField($("[data-ptr='/amount']", line));
    if (amount !== undefined) item.amount = amount;
    const conditions = {};
    for (const w of $$(".conditions [data-ptr]", line)) {
      const v = readField(w);
      if (v !== undefined) conditions[w.dataset.ptr.split("/").pop()] = v;
    }
    if (Object.keys(conditions).length) item.conditions = conditions;
    return item;
  });
  return { locale, items };
}

function runCosts() {
  const request = buildCosts();
  let answer = null;
  let error = null;
  try { answer = engine.classifyCosts(request); } catch (e) { error = errorBody(e); }
  $("#json-costs-request").textContent = pretty(request);
  $("#json-costs-result").textContent = pretty(answer ?? { error });
  renderCosts(answer, error);
}

function labelOfCode(code) {
  const c = costCatalog.find((x) => x.code === code);
  return c ? (locale === "zh-CN" ? c.label : `${c.label} (${c.title})`) : code;
}

function renderCosts(answer, error) {
  const lines = $$("#cost-lines .cost-line");
  $("#cost-empty").hidden = lines.length > 0;
  clearMarks("cost").forEach(refreshState);
  const result = $("#cost-result");
  if (!answer) {
    for (const line of lines) $(".line-decision", line).replaceChildren();
    if (error.field === "/items") {
      const w = $("#cost-lines").closest("[data-ptr]");
      addMark(w, "cost", "error", error.message);
      refreshState(w);
    }
    result.replaceChildren(errorBox(error, [$("#cost-lines")]));
    setText($("#cost-summary"), t(locale, "v.summary.error", { message: error.message }));
    return;
  }
  answer.lines.forEach((a, i) => {
    const line = lines[i];
    if (!line) return;
    const cell = $(".line-decision", line);
    const shownConds = new Set();
    if (a.error) {
      const rel = a.error.field.replace(new RegExp(`^/items/${i}`), "") || "/item";
      const w = findWrapper([line], rel) || $("[data-ptr='/item']", line);
      addMark(w, "cost", a.error.code === "required" ? "missing" : "error", a.error.message);
      refreshState(w);
      cell.replaceChildren(a.error.suggestions?.length
        ? h("p", { class: "suggestions" }, t(locale, "c.suggestions"),
          a.error.suggestions.map((s) => h("button", {
            type: "button", class: "link", dataset: { suggest: labelOfCode(s).split(" (")[0], line: line.id },
            text: labelOfCode(s),
          })))
        : "");
    } else {
      for (const c of [...a.unmet, ...a.unanswered]) shownConds.add(c);
      cell.replaceChildren(
        h("p", { class: `decision decision-${a.decision}`, dataset: { decision: a.decision } },
          h("span", { class: "decision-label", text: t(locale, `decision.${a.decision}`) }),
          h("span", { class: "decision-item", text: a.label }),
          a.amount != null ? h("span", { class: "decision-amount", text: `${a.amount} ${t(locale, "wan")}` }) : null),
        h("p", { class: "decision-msg", text: a.message }),
        h("p", { class: "rule-id", text: a.rule }));
    }
    for (const w of $$(".conditions [data-ptr]", line)) {
      const name = w.dataset.ptr.split("/").pop();
      w.hidden = !(shownConds.has(name) || isAnswered(w));
      const mark = a.unmet?.includes(name) ? "block" : a.unanswered?.includes(name) ? "missing" : null;
      if (mark) { w.dataset.state = mark; } else delete w.dataset.state;
    }
  });
  const tt = answer.totals;
  result.replaceChildren(h("table", { class: "totals", id: "cost-totals" },
    h("caption", { i18n: "c.totals" }),
    h("tbody", {},
      ["included", "excluded", "pending"].map((k) => h("tr", { dataset: { total: k } },
        h("th", { scope: "row", i18n: `c.${k}` }), h("td", { id: `cost-total-${k}`, text: tt[k] }))))));
  setText($("#cost-summary"), t(locale, "c.summary", tt));
}

// ---------------------------------------------------------------------------------------
// 5: change calculator

function buildChangeForm() {
  const root = $("#change-fields");
  root.append(
    textField("/approved_total", "ch-approved_total", "ch.approved_total", { inputmode: "decimal" }),
    textField("/changed_on", "ch-changed_on", "ch.changed_on", { type: "date" }),
    textField("/budget_year", "ch-budget_year", "ch.budget_year", { inputmode: "numeric" }),
    yesNoField("/goal_changed", "ch-goal_changed", "ch.goal_changed"),
    selectField("/reason", "ch-reason", "ch.reason", ENUMS.reason, "reason"),
  );
}

function addChangeLine(focus = true) {
  const id = `chl${++changeSeq}`;
  const field = (name, key, opts) => textField(`/${name}`, `${id}-${name}`, key, opts);
  const line = h("fieldset", { class: "line change-line", id },
    h("legend", { i18n: "ch.line", i18nVars: { n: 1 } }),
    h("div", { class: "line-grid" },
      field("name", "ch.name"),
      field("approved", "ch.approved", { inputmode: "decimal" }),
      field("proposed", "ch.proposed", { inputmode: "decimal" }),
      h("div", { class: "line-checks" },
        checkField("/new", `${id}-new`, "ch.new"),
        checkField("/tender_savings", `${id}-tender_savings`, "ch.tender_savings"))),
    h("div", { class: "line-actions" },
      h("button", { type: "button", class: "btn-secondary", dataset: { remove: id }, "data-i18n": "ch.remove", i18nVars: { n: 1 } })));
  $("#change-lines").append(line);
  renumber("#change-lines", "ch.line", "ch.remove");
  if (focus) $(`#${id}-name`).focus();
  runChange();
}

function buildChange() {
  const req = { regime: $("#f-regime").value || undefined };
  const asOf = $("#f-as_of").value;
  if (asOf) req.as_of = asOf;
  const root = $("#change-fields");
  const val = (ptr) => readField($(`[data-ptr="${ptr}"]`, root));
  const put = (key, v) => { if (v !== undefined) req[key] = v; };
  put("changed_on", val("/changed_on"));
  req.locale = locale;
  put("approved_total", val("/approved_total"));
  put("goal_changed", val("/goal_changed"));
  put("reason", val("/reason"));
  put("budget_year", val("/budget_year"));
  req.items = $$("#change-lines .change-line").map((line) => {
    const item = {};
    for (const k of ["name", "approved", "proposed", "new", "tender_savings"]) {
      const v = readField($(`[data-ptr="/${k}"]`, line));
      if (v !== undefined) item[k] = v;
    }
    return item;
  });
  return req;
}

function runChange() {
  const request = buildChange();
  let answer = null;
  let error = null;
  try { answer = engine.checkChange(request); } catch (e) { error = errorBody(e); }
  $("#json-change-request").textContent = pretty(request);
  $("#json-change-result").textContent = pretty(answer ?? { error });
  renderChange(answer, error);
}

/** A rule's short title from the engine's catalog (rules(regime, locale)). */
const titleCache = new Map();
function ruleTitle(regime, id) {
  const key = `${regime}|${locale}`;
  if (!titleCache.has(key)) {
    titleCache.set(key, new Map(engine.rules(regime, locale).rules.map((r) => [r.id, r.title])));
  }
  return titleCache.get(key).get(id) ?? "";
}

/** Maps a change pointer (/items/2/approved) to the form: line 3's "approved" field. */
function changeWrapper(ptr) {
  const m = /^\/items(?:\/(\d+)(\/.*)?)?$/.exec(ptr || "");
  if (m) {
    const all = $("#change-lines").closest("[data-ptr]");
    const line = m[1] !== undefined ? $$("#change-lines .change-line")[Number(m[1])] : null;
    return (line && m[2] && findWrapper([line], m[2])) || all;
  }
  return findWrapper([$("#change-fields"), $("#sec-regime")], ptr || "");
}

function renderChange(v, error) {
  const touched = clearMarks("chg");
  const mark = (ptr, level, text, article) => {
    const w = changeWrapper(ptr);
    if (!w || !w.querySelector(".msgs")) return;
    addMark(w, "chg", level, text, article);
    touched.add(w);
  };
  const result = $("#change-result");
  if (!v) {
    mark(error.field, error.code === "required" ? "missing" : "error", error.message);
    touched.forEach(refreshState);
    result.replaceChildren(errorBox(error, [$("#change-fields"), $("#change-lines")]));
    setText($("#change-summary"), t(locale, "v.summary.error", { message: error.message }));
    return;
  }
  for (const f of v.findings) if (f.field) mark(f.field, f.level, f.message, f.article);
  touched.forEach(refreshState);
  const fig = v.figures;
  setText($("#change-summary"), t(locale, "ch.summary", {
    outcome: t(locale, `chout.${v.outcome}`), ratio: fig.adjustment_ratio,
  }));
  result.replaceChildren(
    h("p", { class: `outcome chout-${v.outcome}`, id: "change-outcome", dataset: { outcome: v.outcome } },
      t(locale, `chout.${v.outcome}`)),
    dl([
      ["ch.authorities", v.authorities.length ? v.authorities.join("、") : t(locale, "none")],
      ["ch.deadline", v.deadline ?? t(locale, "none")],
    ]),
    h("div", { class: "change-tables" },
      h("table", { class: "figures", id: "change-figures" },
        h("caption", { i18n: "ch.figures" }),
        h("tbody", {}, Object.entries(fig).map(([k, val]) => h("tr", { dataset: { figure: k } },
          h("th", { scope: "row", text: t(locale, `fig.${k}`) }), h("td", { text: val }))))),
      v.margins.length ? h("table", { class: "margins", id: "change-margins" },
        h("caption", { i18n: "ch.margins" }),
        h("thead", {}, h("tr", {},
          h("th", { scope: "col", i18n: "ch.margin.rule" }), h("th", { scope: "col", i18n: "ch.margin.limit" }),
          h("th", { scope: "col", i18n: "ch.margin.headroom" }))),
        h("tbody", {}, v.margins.map((m) => h("tr", { dataset: { rule: m.rule }, class: m.headroom.startsWith("-") ? "over" : "" },
          h("td", {}, ruleTitle(v.regime, m.rule), " ", h("span", { class: "rule-id", text: m.rule })), h("td", { text: m.limit }), h("td", { text: m.headroom }))))) : null),
    h("h3", { text: t(locale, "fmt.paren", { a: t(locale, "v.findings"), b: v.findings.length }) }),
    v.findings.length
      ? h("ol", { class: "findings", id: "change-findings" }, v.findings.map((f) => h("li", { class: `finding lvl-${f.level}` },
        h("span", { class: "badge", text: t(locale, `level.${f.level}`) }),
        h("span", { class: "article", text: f.article }),
        h("span", { class: "finding-msg", text: f.message }),
        h("span", { class: "rule-id", text: f.rule }))))
      : h("p", { class: "hint", text: t(locale, "v.findings.none") }),
  );
}

// ---------------------------------------------------------------------------------------
// Wiring

function runAll() {
  refreshRegimes();
  runEligibility();
  runCosts();
  runChange();
}

function switchLocale() {
  locale = locale === "zh-CN" ? "en" : "zh-CN";
  document.documentElement.lang = locale === "zh-CN" ? "zh-CN" : "en";
  const btn = $("#lang-switch");
  btn.textContent = t(locale, "app.lang");
  btn.lang = locale === "zh-CN" ? "en" : "zh-CN";
  document.title = `${t(locale, "app.title")} — govit-check`;
  applyI18n();
  loadCostCatalog();
  runAll();
}

function onClick(e) {
  const focus = e.target.closest("[data-focus]");
  if (focus) {
    const ptr = focus.dataset.focus;
    const inChange = focus.closest("#sec-change");
    if (inChange) {
      const w = changeWrapper(ptr);
      $("input, select", w)?.focus();
    } else {
      focusField([$("#application"), $("#cost-lines")], ptr);
    }
    return;
  }
  const remove = e.target.closest("[data-remove]");
  if (remove) {
    const line = document.getElementById(remove.dataset.remove);
    const inCosts = line.classList.contains("cost-line");
    const container = inCosts ? "#cost-lines" : "#change-lines";
    const lines = $$(`${container} > fieldset`);
    const idx = lines.indexOf(line);
    line.remove();
    renumber(container, inCosts ? "c.line" : "ch.line", inCosts ? "c.remove" : "ch.remove");
    const rest = $$(`${container} > fieldset`);
    (rest[Math.min(idx, rest.length - 1)]?.querySelector("input") || $(inCosts ? "#cost-add" : "#change-add")).focus();
    if (inCosts) runCosts(); else runChange();
    return;
  }
  const suggest = e.target.closest("[data-suggest]");
  if (suggest) {
    const input = $(`#${suggest.dataset.line}-item`);
    input.value = suggest.dataset.suggest;
    input.focus();
    runCosts();
  }
}

function onInput(e) {
  const el = e.target;
  if (el.matches("[data-none]") && el.checked) {
    for (const b of $$("input[type=checkbox]", el.closest("fieldset"))) if (b !== el) b.checked = false;
  } else if (el.matches(".multi input[type=checkbox]") && el.checked) {
    const none = $("[data-none]", el.closest("fieldset"));
    if (none) none.checked = false;
  }
  if (el.closest("#sec-costs")) return runCosts();
  if (el.closest("#sec-change")) return runChange();
  if (el.id === "f-as_of" || el.id === "f-regime") return runAll();
  runEligibility();
}

async function main() {
  try {
    const mod = await import(ENGINE_URL);
    await mod.default();
    engine = mod;
  } catch (e) {
    const s = $("#load-status");
    delete s.dataset.i18n;
    s.textContent = `${t(locale, "app.load_failed")}${e.message}（scripts/demo.sh）`;
    s.classList.add("error-box");
    return;
  }
  const today = new Date();
  const pad = (x) => String(x).padStart(2, "0");
  $("#f-as_of").value = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  buildApplicationForm();
  buildChangeForm();
  loadCostCatalog();
  addChangeLine(false);
  applyI18n();
  $("#load-status").hidden = true;
  $("#layout").hidden = false;
  document.addEventListener("input", onInput);
  document.addEventListener("click", onClick);
  $("#application").addEventListener("submit", (e) => e.preventDefault());
  $("#cost-add").addEventListener("click", () => addCostLine(true));
  $("#change-add").addEventListener("click", () => addChangeLine(true));
  $("#lang-switch").addEventListener("click", switchLocale);
  runAll();
  document.body.dataset.ready = "true";
}

main();
