// A CommonJS TypeScript consumer (`require` under NodeNext resolution).
import govit = require("govit-check");

export function demo(): string {
  const v: govit.EligibilityVerdict = govit.checkEligibility({ regime: "wulong", as_of: "2026-11-22" });
  const e: govit.ErrorCode = "unknown_item";
  return `${v.outcome} ${govit.version()} ${e}`;
}
