// A budget pasted from Excel or WPS into the budget section: rows of cells separated by
// tabs (cells holding a tab, a line end or a quote come quoted, as both write them), with
// or without a header row; amounts in 万元 or 元, with thousands separators, a currency sign
// or a unit. Every amount becomes an exact decimal string in 万元 (decimal.js: the point is
// moved, never a float), or the row is refused with the reason. The page decides nothing
// about a line: the engine classifies every line it is given.
// ES2018 and the DOM of Chromium 69.

import { cmp, foldWidth, places, shift, sum } from "./decimal.js";

/** The rows of tab-separated text, each a list of cells (Excel's quoting undone). */
export function readCells(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  const s = String(text).replace(/\r\n?/g, "\n");
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === "\t") { row.push(cell); cell = ""; }
    else if (c === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; }
    else cell += c;
  }
  if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
  return rows.map((r) => r.map((x) => x.replace(/[\s\u3000]+/g, " ").trim()));
}

const UNIT_FACTOR = { "万元": 0, "元": -4, "亿元": 4 };

/**
 * One amount cell → `{ amount, unit }` (万元, exact; `unit` is the unit the cell said, or
 * null) or `{ error, text }`: `not_number`, `negative`, `separator` (a comma that is no
 * thousands separator), `places` (finer than one fen), `too_big` (over 1e12 万元).
 * `defaultUnit` applies when the cell names none (the header's, else 万元).
 */
export function readAmount(cell, defaultUnit) {
  let t = foldWidth(cell).replace(/[\s\u3000]+/g, " ").trim();
  if (t === "") return { amount: null, unit: null };
  let unit = null;
  t = t.replace(/^(?:人民币|RMB|CNY)\s*/i, "");
  if (/^[¥￥]/.test(t)) { t = t.slice(1).trim(); unit = "元"; }
  const suffix = /\s*(万元|万|亿元|亿|元|圆)$/.exec(t);
  if (suffix) {
    unit = { "万": "万元", "亿": "亿元", "圆": "元" }[suffix[1]] || suffix[1];
    t = t.slice(0, suffix.index).trim();
  }
  if (/^[-−(（]/.test(t) && /\d/.test(t)) return { error: "negative", text: cell };
  // Thousands separators: only between groups of three digits of the integer part.
  if (/[,，' _]/.test(t)) {
    const m = /^(\d{1,3}(?:[,，' _]\d{3})+)(\.\d+)?$/.exec(t);
    if (!m) return { error: /^\d[\d,，' _]*(\.\d+)?$/.test(t) ? "separator" : "not_number", text: cell };
    t = m[1].replace(/[,，' _]/g, "") + (m[2] || "");
  }
  if (!/^\d+(\.\d*)?$/.test(t)) return { error: "not_number", text: cell };
  const used = unit || defaultUnit || "万元";
  const wan = shift(t.replace(/\.$/, ""), UNIT_FACTOR[used]);
  if (places(wan) > 6) return { error: "places", text: cell, unit: used };
  if (cmp(wan, "1000000000000") > 0) return { error: "too_big", text: cell };
  return { amount: wan, unit };
}

const HEADER_AMOUNT = /金额|预算|投资|概算|总价|价款|合计|amount|total|cost|price|万元|\(元\)|（元）|^元$/i;
const HEADER_NAME = /名称|项目|内容|品名|品目|明细|事项|科目|费用|item|name|description/i;
const HEADER_OTHER = /序号|编号|单价|数量|单位|规格|型号|备注|说明|no\.?$|qty|quantity|unit price|remark|note/i;
const TOTAL_ROW = /^(合计|总计|小计|共计|总额|总价|合计金额|预算合计|总投资|total|subtotal|sum)([:：].*)?$/i;
const LIST_MARK = /^(?:\d{1,3}[、.．)）]|[（(]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])\s*(?=\D)/;

function unitOfHeader(text) {
  if (/万元/.test(text)) return "万元";
  if (/亿元/.test(text)) return "亿元";
  if (/元/.test(text)) return "元";
  return null;
}

function isAmount(cell) {
  const r = readAmount(cell, "万元");
  return r.amount !== undefined && r.amount !== null;
}

/** A cell meant as an amount, readable or not ("12.5", "1,5", "十二万"): no words but a unit. */
function amountLike(cell) {
  const t = foldWidth(cell).trim();
  return t !== "" && (isAmount(t) || /^[^\u4e00-\u9fff]*\d[^\u4e00-\u9fff]*$/.test(t) || /(万元|万|亿元|亿|元)$/.test(t));
}

/** Which column holds the names and which the amounts, from the header or the data. */
function columns(rows, header) {
  const width = Math.max(...rows.map((r) => r.length));
  if (header) {
    let amount = -1;
    let name = -1;
    header.forEach((h, i) => {
      if (HEADER_OTHER.test(h) && !/金额|amount/i.test(h)) return;
      if (HEADER_AMOUNT.test(h) && (amount < 0 || /金额|amount/i.test(h))) amount = i;
      else if (HEADER_NAME.test(h) && name < 0) name = i;
    });
    if (amount >= 0 && name >= 0 && name !== amount) return { name, amount };
  }
  const filled = (i) => rows.filter((r) => (r[i] || "") !== "");
  let amount = -1;
  for (let i = width - 1; i >= 0 && amount < 0; i--) {
    const cells = filled(i);
    if (cells.length && cells.filter((r) => amountLike(r[i])).length * 2 >= cells.length) amount = i;
  }
  let name = -1;
  for (let i = 0; i < width && name < 0; i++) {
    if (i === amount) continue;
    const cells = filled(i);
    if (cells.length && cells.filter((r) => !amountLike(r[i])).length * 2 > cells.length) name = i;
  }
  return { name, amount };
}

/**
 * A pasted budget → what to add and what was left out:
 * - `lines`: `{ item, amount, row }` (amount in 万元 or null), in order;
 * - `skipped`: `{ row, why, name, amount }` — `header`, `total` (合计/小计 rows, whose
 *   amount is compared with the lines' sum: `totalMatches`), `heading` (a name without an
 *   amount: 一、硬件购置);
 * - `refused`: `{ row, why, text }` — an amount that cannot be read, a row with an amount
 *   and no name, or more lines than `maxLines`; when any row is refused nothing is added;
 * - `unit`: where the unit came from (`cell`, `header`: 元 or 万元, or `default`: 万元).
 */
export function readBudget(text, maxLines) {
  let rows = readCells(text);
  // A line without a tab: "摄像头 12.5" — the name, then the amount after the last blank.
  if (rows.every((r) => r.length === 1)) {
    rows = rows.map((r) => {
      const m = /^(.*\S)\s+(\S+)$/.exec(r[0]);
      return m && isAmount(m[2].replace(/^[¥￥]/, "")) ? [m[1], m[2]] : r;
    });
  }
  const out = { lines: [], skipped: [], refused: [], unit: "default", total: null, totalMatches: null };
  const numbered = rows.map((cells, i) => ({ cells, row: i + 1 })).filter((r) => r.cells.some((c) => c !== ""));
  if (!numbered.length) return out;
  // The header: the first row with a header word and no amount in it.
  let header = null;
  const first = numbered[0].cells;
  if (!first.some(isAmount) && first.some((c) => HEADER_AMOUNT.test(c) || HEADER_NAME.test(c))) {
    header = first;
    out.skipped.push({ row: numbered[0].row, why: "header" });
  }
  const data = header ? numbered.slice(1) : numbered;
  const col = columns(data.map((r) => r.cells), header);
  if (col.amount < 0 || col.name < 0) {
    out.refused.push({ row: data.length ? data[0].row : numbered[0].row, why: col.amount < 0 ? "no_amounts" : "no_names", text: "" });
    return out;
  }
  const headerUnit = header && col.amount >= 0 ? unitOfHeader(header[col.amount]) : null;
  if (headerUnit) out.unit = headerUnit === "万元" ? "header" : "header_yuan";
  let cellUnit = false;
  for (const { cells, row } of data) {
    const name = (col.name >= 0 ? cells[col.name] || "" : "").replace(LIST_MARK, "").trim();
    const cell = col.amount >= 0 ? cells[col.amount] || "" : "";
    const a = readAmount(cell, headerUnit);
    if (a.error) {
      out.refused.push({ row, why: a.error, text: cell, name });
      continue;
    }
    if (a.unit) cellUnit = true;
    if (TOTAL_ROW.test(name.replace(/[\s\u3000]+/g, ""))) {
      out.skipped.push({ row, why: "total", name, amount: a.amount });
      if (a.amount !== null && !out.total) out.total = { row, amount: a.amount };
      continue;
    }
    if (!name && a.amount === null) continue;
    if (!name) {
      out.refused.push({ row, why: "no_name", text: cell });
      continue;
    }
    if (a.amount === null) {
      out.skipped.push({ row, why: "heading", name });
      continue;
    }
    out.lines.push({ item: name, amount: a.amount, row });
  }
  if (cellUnit && out.unit === "default") out.unit = "cell";
  if (maxLines !== undefined && out.lines.length > maxLines) {
    out.refused.push({ row: out.lines[maxLines].row, why: "too_many", text: String(out.lines.length) });
  }
  if (out.total) out.totalMatches = cmp(out.total.amount, sum(out.lines.map((l) => l.amount))) === 0;
  return out;
}
