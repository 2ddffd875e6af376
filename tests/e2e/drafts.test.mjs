// 1,000 crafted drafts never leave the portal unusable (issue 25). Each is a JSON value
// made from a complete, valid draft by seeded mutations — a value replaced by a hostile one
// (an object whose toString is not a function, null, arrays where objects belong, 100,000
// characters, 10,000 lines, markup, __proto__ and constructor keys, numbers past 1e308…),
// keys removed, containers swapped. Each is stored as the browser's draft and the page
// reloaded: it must get ready, take a new answer and check it (the verdict of the page's
// request, at once), with no page error, no prototype polluted, no markup rendered. The
// same 1,000 are then imported as files into one page, which must keep working after each.
//
//   node --test drafts.test.mjs       DRAFTS=200 for fewer; SEED=… for another set

import { after, afterEach, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { AS_OF, DRAFT_KEY, S, closePage, openPage, startAll, stopAll } from "./harness.mjs";

const N = Number(process.env.DRAFTS || 1000);
const SEED = Number(process.env.SEED || 25);

before(startAll);
after(stopAll);
afterEach(closePage);

/** mulberry32: a small seeded generator, so that a failing draft can be made again. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A complete draft as the page writes it (format 2): every part filled. */
function validDraft() {
  return {
    format: "govit-check-portal", version: 2, locale: "zh-CN", as_of: AS_OF, saved_on: "2026-12-01",
    eligibility: {
      regime: "baotou", as_of: AS_OF, locale: "zh-CN",
      project: { name: "市场监管智慧审批系统", kind: "new", unit_level: "municipal", funding: ["local_fiscal"], investment: { total: "300" }, classified: false },
      facts: { in_project_library: true, on_gov_cloud: false, security_plan: true },
    },
    costs: { regime: "wulong", locale: "zh-CN", items: [{ item: "摄像头", amount: "12.5", original: "前端监控点位建设" }, { item: "电脑", amount: "8", conditions: { closely_related: true } }] },
    change: { regime: "baotou", as_of: AS_OF, approved_total: "1000", goal_changed: false, reason: "technical_optimization", items: [{ name: "数据治理", approved: "300", proposed: "280", new: false }] },
    change_touched: true,
  };
}

function hostile(r) {
  const deep = () => { let v = []; for (let i = 0; i < 2000; i++) v = [v]; return v; };
  const values = [
    { toString: 1 }, { valueOf: 1 }, { toString: {} }, { toJSON: 1 }, null, [], {}, [null], [[]], "", " ", "\u0000\u202e\ufeff",
    "x".repeat(100000), 1e308, -1e308, -1, 0, 1.5, 12345678901234567890, true, false, "__proto__", "constructor",
    { __proto__: { polluted: 1 } }, JSON.parse('{"__proto__": {"polluted": 1}}'), { constructor: { prototype: { polluted: 1 } } },
    "2026-02-30", "20261-06-15", "<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "１２．５",
    "NaN", "Infinity", "1e400", "-0", "12a", "1,000", deep(), Array.from({ length: 10000 }, () => ({ item: "摄像头", amount: "1" })),
    { item: { toString: 1 }, amount: [], conditions: { assessed: "yes", __proto__: { x: 1 } } }, ["local_fiscal", { toString: 1 }],
    "baotou", "toyville", "en", "fr", { regime: "baotou" },
  ];
  return values[Math.floor(r() * values.length)];
}

/** Every path of a JSON value (pointers as arrays of keys). */
function paths(v, at = [], out = []) {
  out.push(at);
  if (v && typeof v === "object" && out.length < 500) for (const k of Object.keys(v)) paths(v[k], at.concat(k), out);
  return out;
}

function mutate(draft, r) {
  const n = 1 + Math.floor(r() * 4);
  let d = draft;
  for (let i = 0; i < n; i++) {
    const all = paths(d);
    const p = all[Math.floor(r() * all.length)];
    const op = r();
    if (p.length === 0) {
      if (op < 0.1) return hostile(r); // the whole draft replaced
      continue;
    }
    let parent = d;
    for (const k of p.slice(0, -1)) parent = parent[k];
    if (!parent || typeof parent !== "object") continue;
    const key = p[p.length - 1];
    if (op < 0.6) parent[key] = hostile(r);
    else if (op < 0.75) delete parent[key];
    else if (op < 0.9) parent[`x${Math.floor(r() * 1e6)}`] = hostile(r);
    else parent[key] = Array.isArray(parent[key]) ? Object.assign({}, parent[key]) : [parent[key]];
  }
  return d;
}

/** The crafted drafts, as the JSON text stored or imported. */
function drafts() {
  const r = rng(SEED);
  const out = [];
  for (let i = 0; i < N; i++) {
    const text = JSON.stringify(mutate(validDraft(), r));
    out.push(text === undefined ? "null" : text);
  }
  return out;
}

/** The page works: it takes an answer and checks the request with it. */
async function usable(label, marker) {
  const page = S.page;
  await page.evaluate((m) => {
    const el = document.getElementById("f-name");
    el.value = m;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, marker);
  await page.waitForFunction((m) => {
    try {
      const req = JSON.parse(document.getElementById("json-eligibility-request").textContent);
      const res = JSON.parse(document.getElementById("json-eligibility-result").textContent);
      return req.project && req.project.name === m && (res.check === "eligibility" || res.error);
    } catch (_) {
      return false;
    }
  }, marker, { timeout: 10000 }).catch(() => { throw new Error(`${label}: the page did not check a new answer`); });
  const bad = await page.evaluate(() => ({
    polluted: ({}).polluted !== undefined || Object.prototype.x !== undefined,
    markup: document.querySelectorAll("img[src=x], body script:not([src])").length,
    recovery: !document.getElementById("recovery").hidden,
  }));
  assert.deepEqual(bad, { polluted: false, markup: 0, recovery: false }, label);
}

test(`${N} crafted drafts, each stored and the page reloaded: ready, usable, nothing polluted or rendered`, { timeout: 1800000 }, async () => {
  const list = drafts();
  await openPage(undefined, { date: null, allow: [/the saved draft cannot be (read|used)/] });
  const page = S.page;
  for (let i = 0; i < list.length; i++) {
    const text = list[i];
    await page.evaluate(([k, v]) => {
      try {
        localStorage.setItem(k, v);
      } catch (e) {
        localStorage.setItem(k, v.slice(0, 1000)); // over the storage quota: a cut draft
      }
    }, [DRAFT_KEY, text]);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]", { timeout: 15000 }).catch(() => {
      throw new Error(`draft ${i} (SEED=${SEED}) leaves the page not ready: ${text.slice(0, 300)}`);
    });
    await usable(`draft ${i} (SEED=${SEED}): ${text.slice(0, 200)}`, `草稿${i}`);
    assert.deepEqual(S.problems, [], `draft ${i}: ${text.slice(0, 200)}`);
  }
});

test(`the same ${N} imported as files into one page: it keeps working after each`, { timeout: 1800000 }, async () => {
  const list = drafts();
  await openPage(undefined, { date: null, allow: [/the saved draft cannot be (read|used)/] });
  const page = S.page;
  const file = join(tmpdir(), `govit-fuzz-${process.pid}.json`);
  for (let i = 0; i < list.length; i++) {
    writeFileSync(file, list[i]);
    await page.locator("#draft-status").evaluate((el) => { delete el.dataset.result; });
    await page.locator("#import").setInputFiles(file);
    await page.waitForFunction(() => document.getElementById("draft-status").dataset.result, null, { timeout: 15000 });
    await usable(`file ${i} (SEED=${SEED}): ${list[i].slice(0, 200)}`, `文件${i}`);
    assert.deepEqual(S.problems, [], `file ${i}: ${list[i].slice(0, 200)}`);
  }
});
