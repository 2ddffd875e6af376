// Exact decimal strings for the page's own sums (the budget against 总投资, a pasted 元
// amount in 万元, a ratio rounded for people). Amounts are decimal text, never binary
// floats: every operation works on the digits. No BigInt either (its literals are ES2020).
// ES2018 and the DOM of Chromium 69 (tests/e2e/old-chromium runs the page there).

/** Full-width digits, point, minus and comma (what a Chinese IME types) as ASCII. */
export function foldWidth(text) {
  return String(text).replace(/[\uff10-\uff19\uff0e\uff0d\uff0c]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
    return { "\uff0e": ".", "\uff0d": "-", "\uff0c": "," }[c];
  });
}

const PLAIN = /^(-?)(\d+)(?:\.(\d*))?$/;
const MAX_PLACES = 6;
const MAX_INT_DIGITS = 13; // 1e12 万元, the engine's limit

/** Splits a plain decimal ("-12.50", "287.") into sign, integer and fraction digits. */
function split(text) {
  const m = PLAIN.exec(text);
  if (!m) return null;
  const int = m[2].replace(/^0+(?=\d)/, "");
  const frac = (m[3] || "").replace(/0+$/, "");
  const zero = /^0*$/.test(int) && frac === "";
  return { neg: m[1] === "-" && !zero, int, frac };
}

function join(p) {
  return `${p.neg ? "-" : ""}${p.int}${p.frac ? `.${p.frac}` : ""}`;
}

/**
 * Money as the engine reads a form's text (src/money.rs, parse_money_text): blanks around
 * it (ASCII or full-width), full-width digits and point, a trailing point ("287." is
 * 287); at most six decimal places once trailing zeros are dropped; 0 to 1e12. The
 * normalized decimal string, or null for anything else (the engine then reports the
 * field as `invalid`: the page counts nothing for it).
 */
export function readMoney(text) {
  if (text === undefined || text === null) return null;
  const p = split(foldWidth(String(text)).trim());
  if (!p || p.neg || p.frac.length > MAX_PLACES) return null;
  if (p.int.length > MAX_INT_DIGITS || (p.int.length === MAX_INT_DIGITS && (p.int !== "1000000000000" || p.frac))) return null;
  return join(p);
}

/** A normalized decimal string of an engine's money ("12.5") or null. */
function parts(s) {
  return typeof s === "string" ? split(s) : null;
}

/** Both as digit strings of one scale, right-aligned. */
function aligned(a, b) {
  const scale = Math.max(a.frac.length, b.frac.length);
  const x = a.int + a.frac.padEnd(scale, "0");
  const y = b.int + b.frac.padEnd(scale, "0");
  const len = Math.max(x.length, y.length);
  return [x.padStart(len, "0"), y.padStart(len, "0"), scale];
}

function fromDigits(digits, scale, neg) {
  const d = digits.padStart(scale + 1, "0");
  const int = d.slice(0, d.length - scale).replace(/^0+(?=\d)/, "");
  const frac = d.slice(d.length - scale).replace(/0+$/, "");
  const zero = int === "0" && frac === "";
  return join({ neg: neg && !zero, int, frac });
}

function addDigits(x, y) {
  let out = "";
  let carry = 0;
  for (let i = x.length - 1; i >= 0; i--) {
    const s = x.charCodeAt(i) + y.charCodeAt(i) - 96 + carry;
    out = String(s % 10) + out;
    carry = s >= 10 ? 1 : 0;
  }
  return carry ? `1${out}` : out;
}

/** x − y for digit strings of one length with x ≥ y. */
function subDigits(x, y) {
  let out = "";
  let borrow = 0;
  for (let i = x.length - 1; i >= 0; i--) {
    let s = x.charCodeAt(i) - y.charCodeAt(i) - borrow;
    borrow = s < 0 ? 1 : 0;
    if (s < 0) s += 10;
    out = String(s) + out;
  }
  return out;
}

/** Compares two decimal strings: −1, 0 or 1 (null when either is not a decimal). */
export function cmp(a, b) {
  const p = parts(a);
  const q = parts(b);
  if (!p || !q) return null;
  if (p.neg !== q.neg) return p.neg ? -1 : 1;
  const [x, y] = aligned(p, q);
  const c = x < y ? -1 : x > y ? 1 : 0;
  return p.neg ? -c : c;
}

/** a + b, exactly (null when either is not a decimal). */
export function add(a, b) {
  const p = parts(a);
  const q = parts(b);
  if (!p || !q) return null;
  const [x, y, scale] = aligned(p, q);
  if (p.neg === q.neg) return fromDigits(addDigits(x, y), scale, p.neg);
  // Signs differ: the larger magnitude minus the smaller, with its sign.
  return x >= y ? fromDigits(subDigits(x, y), scale, p.neg) : fromDigits(subDigits(y, x), scale, q.neg);
}

/** a − b, exactly. */
export function sub(a, b) {
  const q = parts(b);
  if (!q) return null;
  return add(a, join({ neg: !q.neg && !(q.int === "0" && q.frac === ""), int: q.int, frac: q.frac }));
}

/** The sum of a list of decimal strings ("0" for none; null when one is not a decimal). */
export function sum(list) {
  let total = "0";
  for (const x of list) {
    total = add(total, x);
    if (total === null) return null;
  }
  return total;
}

/** |a|. */
export function abs(a) {
  const p = parts(a);
  return p ? join({ neg: false, int: p.int, frac: p.frac }) : null;
}

/** a × 10^places (places < 0 divides): moves the point, exactly. */
export function shift(a, places) {
  const p = parts(a);
  if (!p) return null;
  let digits = p.int + p.frac;
  let scale = p.frac.length - places;
  if (scale < 0) {
    digits += "0".repeat(-scale);
    scale = 0;
  }
  return fromDigits(digits, scale, p.neg);
}

/** Decimal places of a normalized decimal string. */
export function places(a) {
  const p = parts(a);
  return p ? p.frac.length : null;
}

/** A decimal string rounded half up to 2 places for people ("33.333…" → "33.33"). */
export function round2(s) {
  const p = parts(s);
  if (!p || p.frac.length <= 2) return s;
  const kept = join({ neg: p.neg, int: p.int, frac: p.frac.slice(0, 2) });
  const up = p.frac.charCodeAt(2) >= 53; // the third digit is 5 or more
  return add(kept, up ? `${p.neg ? "-" : ""}0.01` : "0");
}
