// The measurements shared by Node (run.mjs) and the Chromium page (page.html): per-call
// time through the package's public JS API for each check, and the boundary alone.
// Runs in both: no Node or DOM APIs here. `api` is the package's exports; `fixtures` maps
// a bench/fixtures name to its parsed input object.

/** Median of a list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Time per call of `fn` in µs: warm up, pick an inner count that takes ~`sliceMs`, then
 * the median of `samples` slices (robust to a busy machine's interruptions).
 */
export function timeCall(fn, { samples = 25, sliceMs = 20, warmMs = 150 } = {}) {
  const now = () => performance.now();
  let n = 0;
  const w0 = now();
  while (now() - w0 < warmMs) { fn(); n++; }
  const per = (now() - w0) / Math.max(n, 1);
  const inner = Math.max(1, Math.round(sliceMs / Math.max(per, 1e-6)));
  const xs = [];
  let sink = 0;
  for (let s = 0; s < samples; s++) {
    const t0 = now();
    for (let i = 0; i < inner; i++) sink ^= fn() ? 1 : 0;
    xs.push(((now() - t0) * 1000) / inner);
  }
  globalThis.__sink = sink;
  return { us: median(xs), min: Math.min(...xs), inner, samples };
}

/** The calls measured: [name, function] over the package API. */
export function calls(api, fx) {
  const list = [];
  const add = (name, fn) => list.push([name, fn]);
  add("boundary: version()", () => api.version());
  for (const regime of ["baotou", "wulong", "wuzhong", "shizuishan", "chuxiong"]) {
    for (const fill of ["complete", "half"]) {
      const input = fx[`eligibility-${regime}-${fill}`];
      add(`checkEligibility ${regime} ${fill}`, () => api.checkEligibility(input));
    }
  }
  add("classifyCost one line", () => api.classifyCost(fx["cost-line"]));
  add("classifyCosts 50 lines", () => api.classifyCosts(fx["costs-50"]));
  // A 1,000-line budget of real line names (tests/budget-lines/, read by the reader).
  if (fx["costs-1000-real"]) add("classifyCosts 1000 real lines", () => api.classifyCosts(fx["costs-1000-real"]));
  add("checkChange 4 lines", () => api.checkChange(fx["change-4"]));
  add("checkChange 100 lines", () => api.checkChange(fx["change-100"]));
  add("classifyProject", () => api.classifyProject(fx["project-class"]));
  const req = { check: "eligibility", input: fx["eligibility-baotou-complete"] };
  add("evaluate({check: eligibility}) baotou complete", () => api.evaluate(req));
  add("regimes()", () => api.regimes());
  // rules() and form() are not timed: they answer from a catalog asset (JSON.parse of the
  // CLI's text), not from the .wasm, and return Promises.
  // What the binding does in JS around the Wasm call (JSON text both ways), measured
  // alone: the conversion share of a call.
  const app = fx["eligibility-baotou-complete"];
  const text = JSON.stringify(app);
  const verdictText = JSON.stringify(api.checkEligibility(app));
  add("JS only: JSON.stringify(baotou complete input)", () => JSON.stringify(app));
  add("JS only: JSON.parse(baotou complete verdict)", () => JSON.parse(verdictText));
  const cost = fx["cost-line"];
  const costText = JSON.stringify(api.classifyCost(cost));
  add("JS only: JSON.stringify(cost line input)", () => JSON.stringify(cost));
  add("JS only: JSON.parse(cost line verdict)", () => JSON.parse(costText));
  void text;
  return list;
}

/**
 * Runs every call (an input error thrown by a call fails the run loudly). First every
 * call runs for `warmAllMs` in turn: V8 starts Wasm in its baseline compiler (Liftoff) and
 * optimises hot functions in the background, and the Wasm functions are shared by every
 * check, so without this the first rows measured would time partly unoptimised code (the
 * first import to first verdict is measured apart, as the cold start).
 */
export function measureAll(api, fx, { warmAllMs = 10000, ...opts } = {}) {
  const list = calls(api, fx);
  const until = performance.now() + warmAllMs;
  while (performance.now() < until) for (const [, fn] of list) fn();
  return list.map(([name, fn]) => ({ name, ...timeCall(fn, opts) }));
}

/**
 * The package's two WebAssembly builds side by side in ONE engine: `apis` maps a build name
 * to its wasm-bindgen module (both initialised). After the common warm-up, each call is
 * timed in `rounds` alternating slices per build (A B A B …), so that a busy machine slows
 * both alike; returns per call the median µs of each build and their ratio to the first.
 */
export function compareBuilds(apis, fx, { warmAllMs = 10000, rounds = 15, ...opts } = {}) {
  const names = Object.keys(apis);
  const lists = names.map((b) => calls(apis[b], fx).filter(([n]) => !n.startsWith("JS only")));
  const until = performance.now() + warmAllMs;
  while (performance.now() < until) for (const list of lists) for (const [, fn] of list) fn();
  return lists[0].map(([name], i) => {
    const runs = names.map(() => []);
    for (let r = 0; r < rounds; r++) {
      names.forEach((_, k) => runs[k].push(timeCall(lists[k][i][1], { ...opts, samples: 3 }).us));
    }
    const us = Object.fromEntries(names.map((b, k) => [b, median(runs[k])]));
    return { name, us, ratio: us[names[1]] / us[names[0]] };
  });
}
