// Which questions the form shows for each regime. This is data, not rules: it only
// decides what to *show*; every judgement comes from the engine.
//
// Derived from shared/spec/rules.md (the fields and facts each regime's rules read) and
// checked against the engine by tests/e2e (it probes every regime with every kind and
// category, answering each asked question yes and no once, and collects the fields of
// the `missing` findings: that set must equal the list below). The page also shows any
// field the engine asks for or points at that is not listed here, so a rule added later
// is never unanswerable.

/** Compliance questions (`facts`) in the order the form shows them, by topic. */
export const FACT_SECTIONS = [
  ["planning", [
    "in_project_library", "in_annual_plan", "authority_approved", "needs_clear",
    "performance_goals_table", "design_chapters", "post_evaluation_report", "om_funding_source",
  ]],
  ["data", ["data_catalog_provided", "data_shared", "duplicate_data_collection"]],
  ["infrastructure", [
    "includes_infrastructure", "new_infrastructure", "new_own_datacenter", "datacenter_renewal_needed",
    "includes_office_equipment", "on_gov_cloud", "private_network_lease", "private_network_integrated",
    "connected_to_unified_platforms", "public_service_content", "connected_to_ningxia_apps",
    "connected_to_city_brain",
  ]],
  ["integration", [
    "duplicates_existing_system", "similar_project_unaccepted", "integrated_with_existing",
    "e_document_management", "system_out_of_step", "system_idle", "prior_systems_accepted",
  ]],
  ["security", [
    "security_plan", "crypto_plan", "major_security_risk", "xinchuang_compliant", "ipv6_compliant",
    "security_assessments_done",
  ]],
  ["maintenance", [
    "includes_maintenance_content", "system_accepted", "in_system_catalog", "performance_passed",
    "moved_to_superior_platform", "policy_discontinued",
  ]],
];

/** Facts each regime's eligibility rules read (rules.md, one table per regime). */
export const REGIME_FACTS = {
  wuzhong: [
    "needs_clear", "duplicates_existing_system", "data_catalog_provided", "data_shared",
    "security_plan", "crypto_plan", "xinchuang_compliant", "in_project_library",
    "security_assessments_done", "performance_goals_table", "duplicate_data_collection",
    "integrated_with_existing", "prior_systems_accepted",
  ],
  shizuishan: [
    "includes_infrastructure", "on_gov_cloud", "public_service_content", "connected_to_ningxia_apps",
    "includes_office_equipment", "authority_approved", "data_catalog_provided", "data_shared",
    "duplicates_existing_system", "similar_project_unaccepted", "integrated_with_existing",
    "security_plan", "crypto_plan", "includes_maintenance_content", "om_funding_source",
    "post_evaluation_report",
  ],
  baotou: [
    "in_project_library", "in_annual_plan", "security_plan", "major_security_risk", "new_infrastructure",
    "authority_approved", "on_gov_cloud", "system_out_of_step", "duplicates_existing_system", "system_idle",
    "needs_clear", "data_shared", "xinchuang_compliant", "crypto_plan",
  ],
  chuxiong: [
    "in_annual_plan", "connected_to_city_brain", "needs_clear", "data_shared", "duplicate_data_collection",
    "new_own_datacenter", "datacenter_renewal_needed", "private_network_lease",
    "private_network_integrated", "on_gov_cloud", "connected_to_unified_platforms",
    "xinchuang_compliant", "security_plan", "crypto_plan", "ipv6_compliant", "major_security_risk",
    "integrated_with_existing", "e_document_management", "prior_systems_accepted",
    "duplicates_existing_system", "includes_infrastructure", "performance_passed",
    "moved_to_superior_platform", "policy_discontinued",
  ],
  wulong: [
    "in_project_library", "performance_goals_table", "design_chapters", "post_evaluation_report",
    "data_catalog_provided", "crypto_plan", "on_gov_cloud", "xinchuang_compliant", "system_accepted",
    "data_shared", "duplicate_data_collection", "in_system_catalog", "security_plan",
    "major_security_risk", "integrated_with_existing",
  ],
};

/** Project fields every regime's form shows (the 申报表's basic entries). */
export const BASIC_PROJECT_FIELDS = [
  "name", "kind", "unit_level", "investment/total", "investment/engineering",
  "investment/equipment", "investment/contingency", "funding", "budget_year",
];

/** Further project fields, shown only for the regimes whose rules read them. */
export const REGIME_PROJECT_FIELDS = {
  wuzhong: [],
  shizuishan: [
    "classified", "category", "free_maintenance_years", "service_years", "includes_construction",
    "tender_completed_on",
  ],
  baotou: ["classified", "civil_works"],
  chuxiong: ["classified", "contract_signed_on", "routine_purchase", "emergency", "civil_works"],
  wulong: ["classified", "hardware_replacement_only", "main_function_changed", "civil_works"],
};

/**
 * Follow-up questions: a rule asks them only after another answer (rules.md: "asked only
 * when …"). The form shows them once the engine asks for them (a `missing` finding names
 * them) or once they have an answer — the page never decides that itself.
 */
export const FOLLOW_UPS = [
  "/facts/connected_to_ningxia_apps",
  "/facts/datacenter_renewal_needed",
  "/project/main_function_changed",
];

/** The form's project fields and how each is entered. */
export const PROJECT_FIELDS = {
  name: "text",
  kind: "select",
  category: "select",
  unit_level: "select",
  classified: "check",
  "investment/total": "money",
  "investment/engineering": "money",
  "investment/equipment": "money",
  "investment/contingency": "money",
  funding: "multi",
  budget_year: "year",
  service_years: "years",
  free_maintenance_years: "years",
  includes_construction: "yesno",
  main_function_changed: "yesno",
  hardware_replacement_only: "check",
  emergency: "check",
  civil_works: "check",
  routine_purchase: "check",
  contract_signed_on: "date",
  tender_completed_on: "date",
};

/** The order project fields appear in. */
export const PROJECT_ORDER = [
  "name", "kind", "category", "unit_level", "classified", "investment/total",
  "investment/engineering", "investment/equipment", "investment/contingency", "funding",
  "budget_year", "service_years", "free_maintenance_years", "includes_construction",
  "main_function_changed", "hardware_replacement_only", "emergency", "civil_works",
  "routine_purchase", "contract_signed_on", "tender_completed_on",
];

/** Values of the enumerated fields (contract §2, §4), in the order they are offered. */
export const ENUMS = {
  kind: ["new", "expansion", "renovation", "continuation", "maintenance", "service"],
  category: ["engineering", "goods", "service"],
  unit_level: ["municipal", "county", "township"],
  funding: [
    "local_fiscal", "central", "provincial", "superior_special", "self_raised", "enterprise_free",
    "social_capital",
  ],
  design_chapters: [
    "data_governance", "data_sharing_analysis", "security_measures", "crypto_plan",
    "intensive_construction",
  ],
  reason: [
    "policy_requirement", "technical_optimization", "business_development", "external_change", "other",
  ],
  // Budget-line conditions in the order the fee table's rows name them (the evaluation
  // 经评估通过 always last); a line shows only those the engine asks for.
  conditions: [
    "mobile_terminal", "special_need", "government_owned", "closely_related", "deployed_on_system",
    "shared_or_public", "assessed",
  ],
};

/** The form's fields for a regime: JSON Pointers, in display order. */
export function regimeFields(regime) {
  const project = new Set([...BASIC_PROJECT_FIELDS, ...(REGIME_PROJECT_FIELDS[regime] || [])]);
  const facts = new Set(REGIME_FACTS[regime] || []);
  return [
    ...PROJECT_ORDER.filter((f) => project.has(f)).map((f) => `/project/${f}`),
    ...FACT_SECTIONS.flatMap(([, list]) => list).filter((f) => facts.has(f)).map((f) => `/facts/${f}`),
  ];
}
