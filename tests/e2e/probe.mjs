// Asks the engine which fields a regime reads: every kind (and none) × every category
// (and none) × amounts around the thresholds, with nothing answered; then each asked
// question answered yes and no once (one level of follow-ups). Returns the JSON Pointers
// of every `missing` finding seen.
export function askedFields(engine, regime) {
  const kinds = [undefined, "new", "expansion", "renovation", "continuation", "maintenance", "service"];
  const categories = [undefined, "engineering", "goods", "service"];
  const totals = [undefined, "10", "30", "100", "1000", "6000"];
  const asked = new Set();
  const missing = (app) => {
    const v = engine.checkEligibility(app);
    return v.findings.filter((f) => f.level === "missing" && f.field).map((f) => f.field);
  };
  const setAt = (app, ptr, value) => {
    const parts = ptr.split("/").slice(1);
    let o = app;
    for (const p of parts.slice(0, -1)) o = o[p] ??= {};
    o[parts.at(-1)] = value;
  };
  const answers = (ptr) => {
    if (ptr === "/project/funding") return [["local_fiscal"], ["self_raised"]];
    if (ptr === "/facts/design_chapters") return [[], ["data_governance"]];
    if (ptr === "/project/budget_year") return [2027];
    if (ptr === "/project/category") return [];
    if (ptr === "/project/kind") return [];
    if (ptr.startsWith("/project/investment")) return [];
    if (/_years$/.test(ptr)) return [1, 5];
    return [true, false];
  };
  for (const kind of kinds) for (const category of categories) for (const total of totals) {
    const base = { regime, as_of: "2026-06-01", project: { budget_year: 2027 }, facts: {} };
    if (kind) base.project.kind = kind;
    if (category) base.project.category = category;
    if (total) base.project.investment = { total };
    const first = missing(base);
    first.forEach((f) => asked.add(f));
    for (const f of first) for (const a of answers(f)) {
      const app = structuredClone(base);
      setAt(app, f, a);
      missing(app).forEach((g) => asked.add(g));
    }
  }
  return asked;
}
