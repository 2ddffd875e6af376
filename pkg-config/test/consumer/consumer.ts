// A TypeScript consumer: `tsc --noEmit` checks the package's types (generated from the Rust types).
import init, {
  checkEligibility, classifyCost, classifyCosts, classifyProject, checkChange, evaluate,
  regimes, rules, form, version, initSync,
  type Application, type EligibilityVerdict, type CostDecision, type CostsAnswer,
  type ProjectClass, type ChangeVerdict, type RegimesAnswer, type RulesAnswer, type FormAnswer,
  type GovitCheckError, type Finding, type Outcome,
} from "govit-check";

export async function demo(): Promise<string[]> {
  await init();
  const app: Application = {
    regime: "baotou",
    as_of: "2026-11-22",
    locale: "en",
    project: { kind: "renovation", investment: { total: "1280.5", equipment: 400 }, funding: ["local_fiscal"] },
    facts: { in_project_library: true, on_gov_cloud: null, design_chapters: ["data_governance"] },
  };
  const v: EligibilityVerdict = checkEligibility(app);
  const outcome: Outcome = v.outcome;
  const blocks: Finding[] = v.findings.filter((f) => f.level === "block");
  const docs: string[] = v.procedure.documents;
  const cost: CostDecision = classifyCost({ item: "camera", amount: "12.5", conditions: { assessed: true } });
  const costs: CostsAnswer = classifyCosts({ items: [{ item: "摄像头" }] });
  const pending: string = costs.totals.pending;
  const cls: ProjectClass = classifyProject({ kind: "renovation", main_function_changed: false, amount: 50 });
  const change: ChangeVerdict = checkChange({
    regime: "baotou", approved_total: "1000", reason: "technical_optimization",
    items: [{ name: "移动端模块", approved: "0", proposed: "40", new: true }],
  });
  const headroom: string | null | undefined = change.margins[0]?.headroom;
  const same: EligibilityVerdict = evaluate({ check: "eligibility", input: app });
  const r: RegimesAnswer = regimes();
  const r2: RegimesAnswer = regimes("2026-11-22");
  const cat: RulesAnswer = await rules("wulong");
  const cat2: RulesAnswer = await rules("wulong", "en");
  const questions: FormAnswer = await form("wulong", "en");
  const ver: string = version();
  try {
    checkEligibility({ regime: "baotou", project: { investment: { total: Number.NaN } } });
  } catch (e) {
    const err = e as GovitCheckError;
    const where: string = err.field;
    if (err.code === "unknown_item") console.log(err.suggestions?.join(", "), where);
  }
  void initSync;
  // @ts-expect-error: an unknown regime is not a RegimeId
  checkEligibility({ regime: "beijing" });
  return [outcome, ...docs, String(blocks.length), cost.decision, pending, cls.class, change.outcome,
    headroom ?? "", same.route, String(r.regimes.length + r2.regimes.length), cat.rules[0]?.id ?? "",
    cat2.regime, ver];
}
