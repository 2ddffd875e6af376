// A portal page bundled by Vite: the package from node_modules, the .wasm as an asset.
import init, { checkEligibility, form, rules, version } from "govit-check";
import app from "./application.json";

const out = document.getElementById("out");
try {
  await init();
  const verdict = checkEligibility(app);
  let error = null;
  try {
    checkEligibility({ regime: "beijing" });
  } catch (e) {
    error = { code: e.code, field: e.field, isError: e instanceof Error };
  }
  // The English texts are not in the .wasm: this page is Chinese, so its first English
  // check fetches them (web/catalog/texts.en.js, an asset of the bundle) there and then.
  const english = JSON.stringify(checkEligibility({ ...app, locale: "en" }));
  // The catalogs are assets the bundle loads on demand (web/catalog/<name>.js).
  const [questions, catalog] = await Promise.all([form("baotou", "en"), rules("wulong")]);
  const catalogs = { form: questions.sections.length, rules: catalog.rules.length };
  window.__govit = { text: JSON.stringify(verdict), english, error, catalogs, version: version() };
  out.textContent = `${verdict.outcome} / ${verdict.route}\n${verdict.findings.map((f) => `${f.level} ${f.rule}: ${f.message}`).join("\n")}`;
} catch (e) {
  window.__govit = { failure: String(e && e.stack || e) };
  out.textContent = String(e);
}
