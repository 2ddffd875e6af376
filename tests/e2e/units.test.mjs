// The portal's pure modules in Node: exact decimal text (decimal.js), a pasted budget
// (paste.js), drafts and files read back (state.js). The page runs them as they are.
//
//   node --test units.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import * as d from "../../www/decimal.js";
import { readAmount, readBudget, readCells } from "../../www/paste.js";
import { answerFor, readState, realDate } from "../../www/state.js";

test("money read as the engine reads a form's text: full-width, blanks, a trailing point, six places, 1e12", () => {
  const cases = [
    ["２８０", "280"], [" 287. ", "287"], ["\u300012.50\u3000", "12.5"], ["１２．５", "12.5"], ["000123.4500", "123.45"],
    ["1.5000000", "1.5"], ["-0", "0"], ["1000000000000", "1000000000000"],
    ["1,", null], ["1.0000001", null], ["-1", null], [".5", null], [".", null], ["1e3", null], ["12a", null],
    ["1000000000000.000001", null], ["9999999999999", null], ["", null], [null, null], [undefined, null],
  ];
  for (const [text, want] of cases) assert.equal(d.readMoney(text), want, JSON.stringify(text));
});

test("decimal sums exact at the sixth place and past 2^53, signed differences, rounding for people", () => {
  assert.equal(d.add("0.1", "0.2"), "0.3");
  assert.equal(d.add("999999999999.999999", "0.000001"), "1000000000000");
  assert.equal(d.add("9007199254740993", "1"), "9007199254740994");
  assert.equal(d.sub("40", "43.5"), "-3.5");
  assert.equal(d.sub("43.5", "43.5"), "0");
  assert.equal(d.add("-5", "3"), "-2");
  assert.equal(d.sum(["12.5", "23", "8", "6"]), "49.5");
  assert.equal(d.sum([]), "0");
  assert.equal(d.sum(["1", "x"]), null);
  assert.equal(d.abs("-3.5"), "3.5");
  assert.equal(d.cmp("10", "9.99"), 1);
  assert.equal(d.cmp("-1", "0"), -1);
  assert.equal(d.cmp("0.000001", "0.000001"), 0);
  assert.equal(d.shift("125000", -4), "12.5");
  assert.equal(d.shift("1.23", -4), "0.000123");
  assert.equal(d.shift("12", 4), "120000");
  assert.equal(d.round2("33.333333333333333333333333333"), "33.33");
  assert.equal(d.round2("16.005"), "16.01");
  assert.equal(d.round2("-2.345"), "-2.35");
  assert.equal(d.round2("1.299"), "1.3");
  assert.equal(d.round2("-0.001"), "0");
});

test("an amount cell: 万元 / 元 / 亿元, separators between groups of three, refused with the reason", () => {
  const ok = [
    ["12.5", null, "12.5"], ["12.5万元", null, "12.5"], ["12.5万", null, "12.5"], ["125000元", null, "12.5"], ["￥125,000.00", null, "12.5"],
    ["1,250,000.00", "元", "125"], ["86,400", "元", "8.64"], ["0.01", "元", "0.000001"], ["2亿元", null, "20000"], ["1 234 567", null, "1234567"],
    ["３００", null, "300"], ["12.", null, "12"], ["12.345678万元", null, "12.345678"],
  ];
  for (const [cell, unit, want] of ok) assert.equal(readAmount(cell, unit).amount, want, cell);
  const refused = [
    ["0.001元", null, "places"], ["1.0000001", null, "places"], ["1,5", null, "separator"], ["1,23", null, "separator"], ["12,34,567", null, "separator"],
    ["abc", null, "not_number"], ["十二万", null, "not_number"], ["-5", null, "negative"], ["（5）", null, "negative"],
    ["10000000000001", null, "too_big"], ["1e3", null, "not_number"],
  ];
  for (const [cell, unit, why] of refused) assert.equal(readAmount(cell, unit).error, why, cell);
  assert.equal(readAmount("", null).amount, null);
});

test("a pasted table: quoted cells, a header with its unit, a 合计 row compared, headings skipped, all or nothing", () => {
  assert.deepEqual(readCells('a\t"b\tc"\n"多行\n名称"\t"说""明"\r\n'), [["a", "b c"], ["多行 名称", '说"明']]);
  let r = readBudget("序号\t项目名称\t金额（元）\n1\t前端监控点位建设\t1,250,000.00\n2\t电子政务外网线路年租赁费\t86,400\n\t合计\t1,336,400.00\n", 1000);
  assert.deepEqual(r.lines.map((l) => [l.item, l.amount]), [["前端监控点位建设", "125"], ["电子政务外网线路年租赁费", "8.64"]]);
  assert.equal(r.unit, "header_yuan");
  assert.equal(r.totalMatches, true);
  assert.deepEqual(r.skipped.map((s) => s.why), ["header", "total"]);
  r = readBudget("名称\t数量\t单价\t金额\n电脑\t10\t0.5\t5\n", 1000);
  assert.deepEqual(r.lines.map((l) => [l.item, l.amount]), [["电脑", "5"]], "the amount column, not the unit price");
  r = readBudget("一、硬件购置\t\n1.摄像头\t12.5\n电脑\t1,5\n差旅费\t十二万\n", 1000);
  assert.deepEqual(r.refused.map((x) => [x.row, x.why]), [[3, "separator"], [4, "not_number"]]);
  r = readBudget("摄像头 12.5\n电脑 8万元", 1000);
  assert.deepEqual(r.lines.map((l) => [l.item, l.amount]), [["摄像头", "12.5"], ["电脑", "8"]]);
  r = readBudget("摄像头\t1\n电脑\t2\n差旅费\t3\n", 2);
  assert.deepEqual(r.refused.map((x) => x.why), ["too_many"]);
  r = readBudget("\t5\n", 1000);
  assert.equal(r.refused.length, 1);
  assert.deepEqual(readBudget("", 1000).lines, []);
});

test("a draft or file read back: only the shapes the page writes, the rest named", () => {
  const { state, dropped } = readState({
    format: "govit-check-portal", version: 2, locale: "fr", as_of: "2026-02-30",
    eligibility: { regime: "baotou", project: { unit_level: { toString: 1 }, name: "x".repeat(3000) } },
    costs: { regime: "Wulong!", items: [null, { item: { toString: 1 }, amount: [], conditions: { assessed: "yes", special_need: true } }, { item: "摄像头", amount: 12.5 }] },
    change: { items: "x" },
  });
  assert.equal(state.locale, null);
  assert.equal(state.as_of, null);
  assert.deepEqual(state.costs.items, [{ conditions: { special_need: true } }, { item: "摄像头", amount: "12.5" }]);
  assert.equal(state.eligibility.project.name, undefined, "over 2,000 characters: left out");
  assert.equal(state.eligibility.project.unit_level.toString, 1, "kept as data; answerFor refuses it");
  for (const p of ["/locale", "/as_of", "/costs/items/0", "/costs/items/1/item", "/costs/items/1/amount", "/costs/items/1/conditions/assessed", "/costs/regime", "/change/items"]) {
    assert.ok(dropped.includes(p), `${p} named in ${dropped}`);
  }
  assert.throws(() => readState([1, 2]), (e) => e.code === "not_portal_data");
  assert.throws(() => readState("x"), (e) => e.code === "not_portal_data");
  assert.throws(() => readState({ foo: 1 }), (e) => e.code === "not_portal_data");
  const own = readState(JSON.parse('{"regime":"wulong","__proto__":{"polluted":1},"project":{"constructor":{"prototype":{"x":1}}}}'));
  assert.equal(({}).polluted, undefined);
  assert.equal(own.state.eligibility.regime, "wulong");
  const v1 = readState({ v: 1, application: { regime: "wulong" }, costs: [null], changeTouched: true });
  assert.deepEqual(v1.dropped, ["/costs/items/0"]);
  assert.equal(v1.state.change_touched, true);
});

test("an answer is taken only of its question's type; a date only if the calendar has it", () => {
  const choice = { type: "choice", field: "/project/kind", options: [{ value: "new" }] };
  assert.equal(answerFor(choice, "new"), "new");
  assert.equal(answerFor(choice, "upgrade"), undefined);
  assert.equal(answerFor(choice, { toString: 1 }), undefined);
  const choices = { type: "choices", field: "/facts/design_chapters", options: [{ value: "a" }] };
  assert.deepEqual(answerFor(choices, []), []);
  assert.equal(answerFor({ type: "choices", field: "/project/funding", options: [{ value: "a" }] }, []), undefined);
  assert.equal(answerFor(choices, ["a", { toString: 1 }]), undefined);
  assert.equal(answerFor({ type: "money" }, 12.5), "12.5");
  assert.equal(answerFor({ type: "money" }, Infinity), undefined);
  assert.equal(answerFor({ type: "bool" }, "true"), undefined);
  assert.equal(answerFor({ type: "year" }, 2027), 2027);
  assert.equal(answerFor({ type: "date" }, "2026-02-30"), undefined);
  for (const [v, ok] of [["2024-02-29", true], ["2100-02-29", false], ["20261-06-15", true], ["2026-13-01", false], ["2026-6-1", false]]) {
    assert.equal(realDate(v), ok, v);
  }
});
