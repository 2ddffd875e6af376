// What the portal keeps and exchanges: everything an applicant entered (the eligibility
// answers, the budget lines, the change request), the language and the check date — in
// the browser's storage as a draft, and in a file (导出 / 导入). Whatever comes back from
// storage or a file is read here, defensively: only values of the shapes the page puts in
// are taken, everything else is left out and named, so that no draft and no file can
// break the page (a string where an object is expected, an object whose `toString` is
// not a function, `null` lines, 100,000 lines, nesting 10,000 deep, `__proto__` keys).
// ES2018 and the DOM of Chromium 69.

export const FORMAT = "govit-check-portal";
export const VERSION = 2;
/** The engine's limit of budget lines (costs) and what the page takes of change items. */
export const MAX_LINES = 1000;
const MAX_TEXT = 2000;
const MAX_KEYS = 200;
const MAX_DEPTH = 6;
const LOCALES = ["zh-CN", "en"];
const DATE = /^(\d{4,6})-(\d{2})-(\d{2})$/;
const REGIME = /^[a-z][a-z0-9_]{0,39}$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * A JSON-shaped copy of `v` (null, booleans, finite numbers, strings up to MAX_TEXT,
 * arrays up to MAX_LINES, objects of own keys that are plain names), or undefined. What
 * is left out is added to `dropped` by its pointer.
 */
function plain(v, ptr, dropped, depth) {
  if (v === null || typeof v === "boolean") return v;
  if (typeof v === "number") {
    if (isFinite(v)) return v;
    dropped.push(ptr);
    return undefined;
  }
  if (typeof v === "string") {
    if (v.length <= MAX_TEXT) return v;
    dropped.push(ptr);
    return undefined;
  }
  if (depth >= MAX_DEPTH || (typeof v !== "object")) {
    dropped.push(ptr);
    return undefined;
  }
  if (Array.isArray(v)) {
    if (v.length > MAX_LINES) dropped.push(`${ptr}/${MAX_LINES}…`);
    const out = [];
    for (let i = 0; i < Math.min(v.length, MAX_LINES); i++) {
      const x = plain(v[i], `${ptr}/${i}`, dropped, depth + 1);
      out.push(x === undefined ? null : x);
    }
    return out;
  }
  const out = {};
  let n = 0;
  for (const k of Object.keys(v)) {
    if (!NAME.test(k) || ++n > MAX_KEYS) {
      dropped.push(`${ptr}/${k.slice(0, 40)}`);
      continue;
    }
    const x = plain(v[k], `${ptr}/${k}`, dropped, depth + 1);
    if (x !== undefined) out[k] = x;
  }
  return out;
}

/** An amount as the page's fields hold it: text (a finite number as its text). */
function amountText(v) {
  if (typeof v === "string" && v.length <= 100) return v;
  if (typeof v === "number" && isFinite(v)) return String(v);
  return undefined;
}

function object(v, ptr, dropped) {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) {
    dropped.push(ptr);
    return undefined;
  }
  return plain(v, ptr, dropped, 0);
}

/** The budget lines: `{ item, amount, conditions, original }` each, every part checked. */
function costItems(v, ptr, dropped) {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    dropped.push(ptr);
    return [];
  }
  if (v.length > MAX_LINES) dropped.push(`${ptr}/${MAX_LINES}…`);
  const out = [];
  v.slice(0, MAX_LINES).forEach((it, i) => {
    const p = `${ptr}/${i}`;
    if (!isObject(it)) {
      dropped.push(p);
      return;
    }
    const line = {};
    if (own(it, "item")) {
      if (typeof it.item === "string" && it.item.length <= MAX_TEXT) line.item = it.item;
      else dropped.push(`${p}/item`);
    }
    if (own(it, "amount") && it.amount !== null) {
      const a = amountText(it.amount);
      if (a === undefined) dropped.push(`${p}/amount`); else line.amount = a;
    }
    if (own(it, "original") && typeof it.original === "string" && it.original.length <= MAX_TEXT) line.original = it.original;
    if (own(it, "conditions") && it.conditions !== null) {
      if (!isObject(it.conditions)) dropped.push(`${p}/conditions`);
      else {
        const c = {};
        for (const k of Object.keys(it.conditions)) {
          if (NAME.test(k) && typeof it.conditions[k] === "boolean") c[k] = it.conditions[k];
          else dropped.push(`${p}/conditions/${k.slice(0, 40)}`);
        }
        if (Object.keys(c).length) line.conditions = c;
      }
    }
    out.push(line);
  });
  return out;
}

/**
 * Reads a stored draft or an imported file. Takes the portal's own file (this version and
 * the earlier draft of version 1) or a bare application (contract §2: an object with
 * `regime`). Returns `{ state, dropped }`: `state` holds only values of the right shapes
 * (the answers are checked against the regulation's questions later, by `answerFor`),
 * `dropped` the pointers of what was left out. Throws an Error whose `code` is
 * `not_portal_data` when the value is none of these.
 */
export function readState(raw) {
  const dropped = [];
  if (!isObject(raw)) throw Object.assign(new Error("not an object"), { code: "not_portal_data" });
  let src;
  if (raw.format === FORMAT) {
    src = {
      locale: raw.locale, as_of: raw.as_of, saved_on: raw.saved_on, eligibility: raw.eligibility,
      costs: raw.costs, change: raw.change, change_touched: raw.change_touched,
    };
  } else if (raw.v === 1 && own(raw, "application")) {
    src = {
      eligibility: raw.application, costs: { items: raw.costs }, change: raw.change,
      change_touched: raw.changeTouched,
    };
  } else if (typeof raw.regime === "string") {
    src = { eligibility: raw, locale: raw.locale, as_of: raw.as_of };
  } else {
    throw Object.assign(new Error("not portal data"), { code: "not_portal_data" });
  }
  const state = { locale: null, as_of: null, saved_on: null, eligibility: null, costs: { regime: null, items: [] }, change: null, change_touched: false };
  if (src.locale !== undefined && src.locale !== null) {
    if (LOCALES.includes(src.locale)) state.locale = src.locale; else dropped.push("/locale");
  }
  for (const k of ["as_of", "saved_on"]) {
    if (src[k] === undefined || src[k] === null) continue;
    if (realDate(src[k])) state[k] = src[k]; else dropped.push(`/${k}`);
  }
  const elig = object(src.eligibility, "/eligibility", dropped);
  if (elig) {
    if (typeof elig.regime === "string" && REGIME.test(elig.regime)) state.eligibility = elig;
    else dropped.push("/eligibility/regime");
  }
  if (src.costs !== undefined && src.costs !== null) {
    if (!isObject(src.costs)) dropped.push("/costs");
    else {
      state.costs.items = costItems(src.costs.items, "/costs/items", dropped);
      if (typeof src.costs.regime === "string" && REGIME.test(src.costs.regime)) state.costs.regime = src.costs.regime;
      else if (src.costs.regime !== undefined && src.costs.regime !== null) dropped.push("/costs/regime");
    }
  }
  const change = object(src.change, "/change", dropped);
  if (change) {
    if (change.items !== undefined && !Array.isArray(change.items)) {
      dropped.push("/change/items");
      delete change.items;
    }
    if (Array.isArray(change.items)) {
      change.items = change.items.filter((it, i) => {
        if (isObject(it)) return true;
        dropped.push(`/change/items/${i}`);
        return false;
      });
    }
    state.change = change;
  }
  if (typeof src.change_touched === "boolean") state.change_touched = src.change_touched;
  return { state, dropped };
}

/**
 * Whether `v` is a date a date field holds: YYYY-MM-DD (a year of up to six digits, as the
 * field takes one) of a day the calendar has. The engine reads it: a year past 2100 is its
 * `invalid` finding, not the page's business.
 */
export function realDate(v) {
  const m = typeof v === "string" ? DATE.exec(v) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || y > 275760 || mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days;
}

/**
 * The answer of a question (a `form()` question) as a field of the page can hold it, or
 * undefined when `v` is not of the question's type (the caller names it as left out).
 */
export function answerFor(q, v) {
  if (v === undefined || v === null) return undefined;
  switch (q.type) {
    case "bool":
      return typeof v === "boolean" ? v : undefined;
    case "choice":
      return typeof v === "string" && q.options.some((o) => o.value === v) ? v : undefined;
    case "choices":
      return Array.isArray(v) && v.every((x) => typeof x === "string" && q.options.some((o) => o.value === x))
        && (v.length > 0 || q.field.indexOf("/facts/") === 0) ? v.slice() : undefined;
    case "money":
    case "years":
      return amountText(v);
    case "year":
      if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 99999) return v;
      return typeof v === "string" && v.length <= 10 ? v : undefined;
    case "date":
      // A date field holds only a real date: another is named as left out.
      return realDate(v) ? v : undefined;
    default:
      return typeof v === "string" && v.length <= 500 ? v : undefined;
  }
}

/** The value at a JSON Pointer of a plain object (own keys only), or undefined. */
export function getAt(obj, ptr) {
  let o = obj;
  for (const p of ptr.split("/").slice(1)) {
    if (o === null || typeof o !== "object" || !own(o, p)) return undefined;
    o = o[p];
  }
  return o;
}
