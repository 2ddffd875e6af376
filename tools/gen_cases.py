#!/usr/bin/env python3
"""Generates src/regimes/{baotou,wuzhong,wulong}/cases/eligibility.jsonl (each beside its
regulation), every regulation's cases/revision-3.jsonl (rules revision 3: savings, dates
past the regulation's end, investment parts, ratios in words) and tests/cases/errors.jsonl.

Each case is a clean application (every fact answered the compliant way) with a few
changes, so a case shows exactly what it tests. Edit this file, not the .jsonl files;
`python3 tools/gen_cases.py --check` (run by scripts/test.sh) fails when they drift.
"""
import copy, json, os, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

FACTS = {
    "in_project_library": True, "in_annual_plan": True, "authority_approved": True, "needs_clear": True,
    "data_catalog_provided": True, "data_shared": True, "duplicate_data_collection": False,
    "includes_infrastructure": False, "new_infrastructure": False, "new_own_datacenter": False,
    "e_document_management": True, "includes_maintenance_content": True, "public_service_content": False,
    "connected_to_city_brain": True, "includes_office_equipment": False, "duplicates_existing_system": False,
    "similar_project_unaccepted": False, "integrated_with_existing": True, "security_plan": True,
    "crypto_plan": True, "major_security_risk": False, "on_gov_cloud": True,
    "connected_to_unified_platforms": True, "private_network_lease": False, "xinchuang_compliant": True,
    "ipv6_compliant": True, "prior_systems_accepted": True, "system_out_of_step": False, "system_idle": False,
    "performance_goals_table": True,
    "design_chapters": ["data_governance", "data_sharing_analysis", "security_measures", "crypto_plan",
                        "intensive_construction"],
    "post_evaluation_report": True, "om_funding_source": True, "security_assessments_done": True,
    "system_accepted": True, "in_system_catalog": True, "performance_passed": True,
    "moved_to_superior_platform": False, "policy_discontinued": False,
}


def app(regime, as_of="2026-06-15", project=None, facts=None, drop=(), **top):
    a = {"regime": regime, "as_of": as_of,
         "project": {"name": "政务服务事项智能审批系统", "kind": "new", "category": "engineering",
                     "unit_level": "municipal", "investment": {"total": "800"}, "funding": ["local_fiscal"],
                     "budget_year": 2027, "free_maintenance_years": 3, "main_function_changed": True},
         "facts": copy.deepcopy(FACTS)}
    a["project"].update(project or {})
    a["facts"].update(facts or {})
    for path in drop:
        obj = a
        *parents, last = path.strip("/").split("/")
        for p in parents:
            obj = obj[p]
        obj.pop(last, None)
    if as_of is None:
        a.pop("as_of")
    a.update(top)
    return a


def case(cid, inp, check="eligibility", **expect):
    return {"id": cid, "check": check, "input": inp, "expect": expect}


def baotou():
    b = lambda **kw: app("baotou", **kw)
    filing = {"funding": ["superior_special", "self_raised"]}
    yield case("bt-x-clean", b(), outcome="eligible", route="approval", status="in_force",
               documents=["proposal", "feasibility_study", "preliminary_design", "budget_estimate"],
               supervision_required=True, acceptance="pre_review_then_unit", regional_review=False)
    yield case("bt-x-classified", b(project={"classified": True}), outcome="not_applicable", route="none",
               documents=[], rules_include=["baotou.2"], rules_exclude=["baotou.10.3"])
    for lvl in ("county", "township"):
        yield case(f"bt-x-{lvl}", b(project={"unit_level": lvl}), outcome="not_applicable",
                   rules_include=["baotou.2.scope"])
    yield case("bt-x-unit-absent", b(drop=["/project/unit_level"]), outcome="eligible")
    yield case("bt-x-library", b(facts={"in_project_library": False}), outcome="ineligible",
               rules_include=["baotou.5"])
    yield case("bt-x-library-filing", b(project=filing, facts={"in_project_library": False}),
               outcome="eligible", route="filing", rules_exclude=["baotou.5"])
    yield case("bt-x-plan", b(facts={"in_annual_plan": False}), outcome="ineligible", rules_include=["baotou.8"])
    yield case("bt-x-plan-filing", b(project=filing, facts={"in_annual_plan": False}), outcome="eligible",
               rules_exclude=["baotou.8"])
    yield case("bt-x-plan-unasked-on-filing", b(project=filing, drop=["/facts/in_annual_plan"]),
               outcome="eligible", rules_exclude=["baotou.8"])
    yield case("bt-x-plan-missing", b(drop=["/facts/in_annual_plan"]), outcome="incomplete",
               rules_include=["baotou.8"])
    yield case("bt-x-10-1", b(facts={"new_infrastructure": True}), outcome="ineligible", rules_include=["baotou.10.1"])
    yield case("bt-x-10-2", b(facts={"authority_approved": False}), outcome="ineligible", rules_include=["baotou.10.2"])
    for kind, out in (("new", "ineligible"), ("expansion", "ineligible"), ("renovation", "ineligible"),
                      ("maintenance", "eligible"), ("continuation", "eligible"), ("service", "eligible")):
        yield case(f"bt-x-10-3-{kind}", b(project={"kind": kind}, facts={"on_gov_cloud": False}), outcome=out,
                   **({"rules_include": ["baotou.10.3"]} if out == "ineligible" else {"rules_exclude": ["baotou.10.3"]}))
    yield case("bt-x-10-3-kind-missing", b(drop=["/project/kind"], facts={"on_gov_cloud": False}),
               outcome="incomplete", rules_include=["baotou.10.3"])
    yield case("bt-x-10-3-kind-not-needed", b(drop=["/project/kind"]), outcome="eligible",
               rules_exclude=["baotou.10.3"])
    yield case("bt-x-10-4", b(project={"kind": "renovation"}, facts={"system_out_of_step": True}),
               outcome="ineligible", rules_include=["baotou.10.4"])
    yield case("bt-x-10-4-new", b(facts={"system_out_of_step": True}), outcome="eligible",
               rules_exclude=["baotou.10.4"])
    yield case("bt-x-10-5", b(facts={"duplicates_existing_system": True}), outcome="ineligible",
               rules_include=["baotou.10.5"])
    yield case("bt-x-10-6", b(project={"kind": "expansion"}, facts={"system_idle": True}), outcome="ineligible",
               rules_include=["baotou.10.6"])
    yield case("bt-x-10-6-maintenance", b(project={"kind": "maintenance"}, facts={"system_idle": True}),
               outcome="eligible", rules_exclude=["baotou.10.6"])
    yield case("bt-x-10-7-needs", b(facts={"needs_clear": False}), outcome="ineligible", rules_include=["baotou.10.7"])
    yield case("bt-x-10-7-sharing", b(facts={"data_shared": False}), outcome="ineligible",
               rules_include=["baotou.10.7"])
    yield case("bt-x-10-7-one-known-false", b(facts={"data_shared": False}, drop=["/facts/needs_clear"]),
               outcome="ineligible", rules_include=["baotou.10.7"])
    # Revision 2: 审批 iff funding contains local_fiscal (art.2, 11); any other non-empty
    # funding is 备案 (art.12 "等渠道").
    sources = ("local_fiscal", "central", "provincial", "superior_special", "self_raised", "enterprise_free",
               "social_capital")
    for src in sources:
        approval = src == "local_fiscal"
        yield case(f"bt-x-funding-only-{src}", b(project={"funding": [src]}), outcome="eligible",
                   route="approval" if approval else "filing",
                   documents=["proposal", "feasibility_study", "preliminary_design", "budget_estimate"] if approval else [],
                   **({"rules_exclude": ["baotou.12"]} if approval else
                      {"findings_include": [{"rule": "baotou.12", "level": "info", "field": "/project/funding"}]}))
    for mix, route in ((["central", "local_fiscal"], "approval"), (["social_capital", "local_fiscal"], "approval"),
                       (["central", "provincial"], "filing"), (["social_capital", "enterprise_free"], "filing"),
                       (list(sources[1:]), "filing"), (list(sources), "approval")):
        yield case(f"bt-x-funding-mix-{'-'.join(mix)}", b(project={"funding": mix}), outcome="eligible", route=route,
                   **({"rules_include": ["baotou.12"]} if route == "filing" else {"rules_exclude": ["baotou.12"]}))
    yield case("bt-x-funding-absent", b(drop=["/project/funding"]), outcome="incomplete", route="undetermined",
               documents=[], rules_include=["baotou.12"])
    yield case("bt-x-funding-empty", b(project={"funding": []}), outcome="incomplete", route="undetermined")
    yield case("bt-x-filing-free", b(project={"funding": ["enterprise_free"]}), route="filing",
               rules_include=["baotou.12"], documents=[])
    yield case("bt-x-mixed-funding", b(project={"funding": ["self_raised", "local_fiscal"]}), route="approval",
               rules_exclude=["baotou.12"])
    yield case("bt-x-13", b(project={"civil_works": True}), outcome="eligible", rules_include=["baotou.13"])
    # Revision 2: 信创 is an 应当 duty (require); 安全可靠 (art.9(2)) and the 密码保障系统 (art.18) block.
    yield case("bt-x-17", b(facts={"xinchuang_compliant": False}), outcome="eligible",
               findings_include=[{"rule": "baotou.17", "level": "require", "field": "/facts/xinchuang_compliant"}])
    yield case("bt-x-17-missing", b(drop=["/facts/xinchuang_compliant"]), outcome="incomplete",
               findings_include=[{"rule": "baotou.17", "level": "missing"}])
    yield case("bt-x-9-2-plan", b(facts={"security_plan": False}), outcome="ineligible",
               findings_include=[{"rule": "baotou.9.2", "level": "block", "field": "/facts/security_plan",
                                  "article": "第九条第（二）项"}])
    yield case("bt-x-9-2-risk", b(facts={"major_security_risk": True}), outcome="ineligible",
               findings_include=[{"rule": "baotou.9.2", "level": "block", "field": "/facts/major_security_risk"}])
    yield case("bt-x-9-2-risk-known-plan-missing", b(facts={"major_security_risk": True},
                                                     drop=["/facts/security_plan"]), outcome="ineligible",
               findings_include=[{"rule": "baotou.9.2", "level": "block"}])
    yield case("bt-x-9-2-plan-missing", b(drop=["/facts/security_plan"]), outcome="incomplete",
               findings_include=[{"rule": "baotou.9.2", "level": "missing", "field": "/facts/security_plan"}])
    yield case("bt-x-9-2-risk-missing", b(drop=["/facts/major_security_risk"]), outcome="incomplete",
               findings_include=[{"rule": "baotou.9.2", "level": "missing", "field": "/facts/major_security_risk"}])
    yield case("bt-x-9-2-filing", b(project=filing, facts={"security_plan": False}), outcome="ineligible",
               route="filing", rules_include=["baotou.9.2"])
    yield case("bt-x-9-2-true", b(), outcome="eligible", rules_exclude=["baotou.9.2", "baotou.18"])
    yield case("bt-x-18", b(facts={"crypto_plan": False}), outcome="ineligible",
               findings_include=[{"rule": "baotou.18", "level": "block", "field": "/facts/crypto_plan",
                                  "article": "第十八条"}])
    yield case("bt-x-18-filing", b(project=filing, facts={"crypto_plan": False}), outcome="ineligible",
               rules_include=["baotou.18"])
    yield case("bt-x-18-missing", b(drop=["/facts/crypto_plan"]), outcome="incomplete",
               findings_include=[{"rule": "baotou.18", "level": "missing", "field": "/facts/crypto_plan"}])
    for total, sup in (("200", True), ("199.999999", False), ("200.000001", True), (200, True), (199.999999, False)):
        yield case(f"bt-x-19-{total}{'-num' if not isinstance(total, str) else ''}",
                   b(project={"investment": {"total": total}}), supervision_required=sup,
                   **({"rules_include": ["baotou.19"]} if sup else {"rules_exclude": ["baotou.19"]}))
    yield case("bt-x-19-parts", b(project={"investment": {"engineering": "150", "equipment": "49.999999",
                                                          "contingency": 0.000001}}),
               supervision_required=True, rules_include=["baotou.19"])
    yield case("bt-x-19-total-absent", b(drop=["/project/investment"]), outcome="incomplete",
               supervision_required=None, rules_include=["baotou.19"])
    # Revision 2: out of force, the regulation grounds no verdict (not_applicable through
    # baotou.validity, level info, no other rule); in force on its first and last day.
    for as_of, st in (("2024-11-30", "not_yet_in_force"), ("2024-12-01", "in_force"), ("2026-11-30", "in_force"),
                      ("2026-12-01", "expired"), ("2026-12-03", "expired")):
        if st == "in_force":
            yield case(f"bt-x-validity-{as_of}", b(as_of=as_of), status=st, outcome="eligible", route="approval",
                       rules_exclude=["baotou.validity"])
        else:
            yield case(f"bt-x-validity-{as_of}", b(as_of=as_of, facts={"on_gov_cloud": False}), status=st,
                       outcome="not_applicable", route="none", documents=[], supervision_required=None,
                       acceptance=None,
                       findings_include=[{"rule": "baotou.validity", "level": "info", "field": "/as_of",
                                          "article": "第二十九条"}],
                       rules_exclude=["baotou.10.3", "baotou.19", "baotou.5"])
    yield case("bt-x-no-as-of", b(as_of=None), status="undetermined", outcome="eligible",
               rules_include=["baotou.as_of"], rules_exclude=["baotou.validity"])
    yield case("bt-x-en", b(facts={"on_gov_cloud": False}, locale="en"), outcome="ineligible",
               rules_include=["baotou.10.3"])
    yield case("bt-x-null-is-absent", b(facts={"on_gov_cloud": None}), outcome="incomplete",
               rules_include=["baotou.10.3"])


def wuzhong():
    w = lambda **kw: app("wuzhong", **kw)
    yield case("wz-x-clean", w(), outcome="eligible", route="approval", status="in_force",
               documents=["performance_goals_table"], supervision_required=None, acceptance=None,
               regional_review=False)
    # Revision 2: every special-fund application carries its 绩效目标 (art.16, 21).
    yield case("wz-x-21", w(facts={"performance_goals_table": False}), outcome="ineligible",
               documents=["performance_goals_table"],
               findings_include=[{"rule": "wuzhong.21", "level": "block", "field": "/facts/performance_goals_table",
                                  "article": "第十六条 / 第二十一条"}])
    yield case("wz-x-21-maintenance", w(project={"kind": "maintenance"}, facts={"performance_goals_table": False}),
               outcome="ineligible", rules_include=["wuzhong.21"])
    yield case("wz-x-21-missing", w(drop=["/facts/performance_goals_table"]), outcome="incomplete",
               findings_include=[{"rule": "wuzhong.21", "level": "missing"}])
    for lvl in ("county", "township"):
        yield case(f"wz-x-{lvl}", w(project={"unit_level": lvl}), outcome="not_applicable", route="none",
                   rules_include=["wuzhong.5"])
    for rid, facts in (("6.1", {"needs_clear": False}), ("6.2", {"duplicates_existing_system": True}),
                       ("6.3", {"data_catalog_provided": False}), ("6.3", {"data_shared": False}),
                       ("6.4", {"security_plan": False}), ("6.4", {"crypto_plan": False}),
                       ("6.4", {"xinchuang_compliant": False}), ("9", {"in_project_library": False}),
                       ("13", {"data_catalog_provided": False}), ("13", {"security_plan": False}),
                       ("20.1", {"data_shared": False}), ("20.1", {"duplicate_data_collection": True}),
                       ("20.2", {"integrated_with_existing": False}), ("20.3", {"prior_systems_accepted": False})):
        fact = next(iter(facts))
        yield case(f"wz-x-{rid}-{fact}", w(facts=facts), outcome="ineligible", rules_include=[f"wuzhong.{rid}"])
        yield case(f"wz-x-{rid}-{fact}-missing", w(drop=[f"/facts/{fact}"]), outcome="incomplete",
                   rules_include=[f"wuzhong.{rid}"])
    yield case("wz-x-16", w(project={"kind": "maintenance"}, facts={"security_assessments_done": False}),
               outcome="ineligible", rules_include=["wuzhong.16"])
    yield case("wz-x-16-new", w(facts={"security_assessments_done": False}), outcome="eligible",
               rules_exclude=["wuzhong.16"])
    yield case("wz-x-16-unasked-for-new", w(drop=["/facts/security_assessments_done"]), outcome="eligible")
    for as_of, late in (("2026-09-30", False), ("2026-10-01", True), ("2027-03-01", True)):
        exp = {"rules_include": ["wuzhong.10.deadline"]} if late else {"rules_exclude": ["wuzhong.10.deadline"]}
        yield case(f"wz-x-deadline-{as_of}", w(as_of=as_of), outcome="eligible",
                   deadlines=[{"rule": "wuzhong.10.deadline", "due": "2026-09-30"}], **exp)
    # Revision 2: a deadline before the regulation took effect (2026-01-21) is neither listed
    # nor warned about: budget year 2026 was due 2025-09-30.
    for year, due in ((2026, None), (2027, "2026-09-30")):
        yield case(f"wz-x-deadline-before-regulation-{year}", w(project={"budget_year": year}), outcome="eligible",
                   deadlines=[] if due is None else [{"rule": "wuzhong.10.deadline", "due": due}],
                   **({"rules_exclude": ["wuzhong.10.deadline"]} if due is None else {}))
    yield case("wz-x-deadline-before-regulation-no-as-of", w(as_of=None, project={"budget_year": 2026}),
               outcome="eligible", status="undetermined", deadlines=[])
    yield case("wz-x-deadline-maintenance", w(as_of="2026-10-01", project={"kind": "maintenance"}),
               outcome="eligible", rules_include=["wuzhong.10.deadline"])
    yield case("wz-x-budget-year-missing", w(drop=["/project/budget_year"]), outcome="incomplete",
               rules_include=["wuzhong.10.deadline"])
    yield case("wz-x-no-date-no-year", w(as_of=None, drop=["/project/budget_year"]), outcome="eligible",
               status="undetermined", rules_include=["wuzhong.as_of"], rules_exclude=["wuzhong.10.deadline"])
    for as_of, st in (("2026-01-20", "not_yet_in_force"), ("2026-01-21", "in_force"), ("2028-01-21", "in_force"),
                      ("2028-01-22", "expired")):
        exp = ({"outcome": "not_applicable", "route": "none", "documents": [],
                "findings_include": [{"rule": "wuzhong.validity", "level": "info", "field": "/as_of"}]}
               if st != "in_force" else {"outcome": "eligible", "rules_exclude": ["wuzhong.validity"]})
        yield case(f"wz-x-validity-{as_of}", w(as_of=as_of, project={"budget_year": int(as_of[:4]) + 1}),
                   status=st, **exp)
    yield case("wz-x-classified-still-checked", w(project={"classified": True}, facts={"needs_clear": False}),
               outcome="ineligible", rules_include=["wuzhong.6.1"])


def wulong():
    w = lambda **kw: app("wulong", **kw)
    yield case("wl-x-clean", w(), outcome="eligible", route="approval", status="in_force", effective_kind="new",
               documents=["design_with_estimate", "performance_goals_table"], supervision_required=True,
               acceptance="unit", rules_include=["wulong.9", "wulong.10", "wulong.22", "wulong.28"])
    for total, docs, acc in (("3000", ["feasibility_study", "preliminary_design", "budget_estimate"], "authority"),
                             ("2999.999999", ["design_with_estimate"], "unit"),
                             ("3000.000001", ["feasibility_study", "preliminary_design", "budget_estimate"], "authority")):
        yield case(f"wl-x-3000-{total}", w(project={"investment": {"total": total}}), outcome="eligible",
                   documents=docs + ["performance_goals_table"], acceptance=acc)
    for total, kind in (("50", "maintenance"), ("49.999999", "maintenance"), ("50.000001", "renovation"),
                        (50, "maintenance")):
        num = "" if isinstance(total, str) else "-num"
        yield case(f"wl-x-upgrade-{total}{num}",
                   w(project={"kind": "renovation", "main_function_changed": False, "investment": {"total": total}}),
                   outcome="eligible", effective_kind=kind,
                   **({"rules_include": ["wulong.annex.upgrade"], "documents": [], "supervision_required": None}
                      if kind == "maintenance" else {"rules_exclude": ["wulong.annex.upgrade"],
                                                     "documents": ["design_with_estimate", "performance_goals_table"]}))
    yield case("wl-x-upgrade-function-changed", w(project={"kind": "renovation", "main_function_changed": True,
                                                           "investment": {"total": "10"}}),
               effective_kind="renovation", rules_exclude=["wulong.annex.upgrade"])
    yield case("wl-x-upgrade-undetermined", w(project={"kind": "renovation", "investment": {"total": "20"}},
                                              drop=["/project/main_function_changed"]),
               outcome="incomplete", effective_kind="renovation", rules_include=["wulong.annex.upgrade"])
    yield case("wl-x-upgrade-over-50-no-answer-needed",
               w(project={"kind": "renovation", "investment": {"total": "60"}}, drop=["/project/main_function_changed"]),
               outcome="eligible", effective_kind="renovation")
    yield case("wl-x-expansion-stays", w(project={"kind": "expansion", "main_function_changed": False,
                                                  "investment": {"total": "10"}}),
               effective_kind="expansion", rules_exclude=["wulong.annex.upgrade"])
    yield case("wl-x-hardware", w(project={"hardware_replacement_only": True}), outcome="eligible",
               effective_kind="maintenance", documents=[], rules_include=["wulong.annex.hardware"])
    yield case("wl-x-continuation", w(project={"kind": "continuation"}), outcome="eligible",
               effective_kind="continuation", documents=["performance_goals_table"], supervision_required=True,
               acceptance="unit", rules_include=["wulong.22", "wulong.28"], rules_exclude=["wulong.9"])
    yield case("wl-x-service", w(project={"kind": "service"}), outcome="eligible", documents=["performance_goals_table"],
               supervision_required=None, acceptance=None, rules_exclude=["wulong.22", "wulong.28", "wulong.9"])
    yield case("wl-x-maintenance", w(project={"kind": "maintenance"}), outcome="eligible", documents=[],
               supervision_required=None, acceptance=None)
    yield case("wl-x-8", w(facts={"in_project_library": False}), outcome="ineligible", rules_include=["wulong.8"])
    yield case("wl-x-plan-not-needed", w(facts={"in_annual_plan": False}), outcome="eligible")
    yield case("wl-x-9-total-missing", w(drop=["/project/investment"]), outcome="incomplete",
               documents=["performance_goals_table"], rules_include=["wulong.9"])
    yield case("wl-x-goals", w(facts={"performance_goals_table": False}), outcome="ineligible",
               documents=["design_with_estimate", "performance_goals_table"], rules_include=["wulong.10.goals"])
    yield case("wl-x-goals-maintenance", w(project={"kind": "maintenance"}, facts={"performance_goals_table": False}),
               outcome="eligible", rules_exclude=["wulong.10.goals"])
    yield case("wl-x-chapters", w(facts={"design_chapters": ["data_governance", "crypto_plan"]}),
               outcome="ineligible", rules_include=["wulong.14.chapters"])
    yield case("wl-x-chapters-empty", w(facts={"design_chapters": []}), outcome="ineligible",
               rules_include=["wulong.14.chapters"])
    yield case("wl-x-chapters-missing", w(drop=["/facts/design_chapters"]), outcome="incomplete",
               rules_include=["wulong.14.chapters"])
    yield case("wl-x-chapters-maintenance", w(project={"kind": "maintenance"}, facts={"design_chapters": []}),
               outcome="eligible", rules_exclude=["wulong.14.chapters"])
    yield case("wl-x-post-eval", w(project={"kind": "expansion"}, facts={"post_evaluation_report": False}),
               outcome="ineligible", rules_include=["wulong.14.post_evaluation"])
    yield case("wl-x-post-eval-new", w(facts={"post_evaluation_report": False}), outcome="eligible",
               rules_exclude=["wulong.14.post_evaluation"])
    yield case("wl-x-catalog", w(facts={"data_catalog_provided": False}), outcome="ineligible",
               rules_include=["wulong.14.catalog"])
    yield case("wl-x-crypto", w(facts={"crypto_plan": False}), outcome="ineligible",
               rules_include=["wulong.14.crypto", "wulong.32"])
    yield case("wl-x-13", w(project={"civil_works": True}), outcome="eligible", rules_include=["wulong.13"])
    yield case("wl-x-15", w(facts={"on_gov_cloud": False}), outcome="eligible", rules_include=["wulong.15"])
    yield case("wl-x-15-classified", w(project={"classified": True}, facts={"on_gov_cloud": False}),
               outcome="eligible", rules_exclude=["wulong.15"])
    yield case("wl-x-19", w(facts={"xinchuang_compliant": False}), outcome="eligible",
               findings_include=[{"rule": "wulong.19", "level": "require", "field": "/facts/xinchuang_compliant"}])
    # Revision 2: art.2 names the 建设单位 — district units using own income or district or
    # higher public funds.
    for lvl, out in (("county", "not_applicable"), ("township", "not_applicable"), ("municipal", "eligible")):
        yield case(f"wl-x-2-{lvl}", w(project={"unit_level": lvl}), outcome=out,
                   **({"route": "none", "documents": [],
                       "findings_include": [{"rule": "wulong.2", "level": "info", "field": "/project/unit_level"}]}
                      if out == "not_applicable" else {"rules_exclude": ["wulong.2"]}))
    sources = ("local_fiscal", "central", "provincial", "superior_special", "self_raised", "enterprise_free",
               "social_capital")
    for src in sources:
        outside = src in ("enterprise_free", "social_capital")
        yield case(f"wl-x-2-funding-only-{src}", w(project={"funding": [src]}),
                   outcome="not_applicable" if outside else "eligible",
                   **({"route": "none", "findings_include": [{"rule": "wulong.2.funding", "level": "info",
                                                               "field": "/project/funding"}]}
                      if outside else {"route": "approval", "rules_exclude": ["wulong.2.funding"]}))
    for mix, out in ((["enterprise_free", "social_capital"], "not_applicable"),
                     (["social_capital", "self_raised"], "eligible"), (["enterprise_free", "central"], "eligible")):
        yield case(f"wl-x-2-funding-mix-{'-'.join(mix)}", w(project={"funding": mix}), outcome=out,
                   **({"rules_include": ["wulong.2.funding"]} if out == "not_applicable"
                      else {"rules_exclude": ["wulong.2.funding"]}))
    yield case("wl-x-2-funding-absent", w(drop=["/project/funding"]), outcome="eligible",
               rules_exclude=["wulong.2.funding"])
    yield case("wl-x-2-funding-empty", w(project={"funding": []}), outcome="eligible",
               rules_exclude=["wulong.2.funding"])
    yield case("wl-x-28-maintenance", w(project={"kind": "maintenance"}, facts={"system_accepted": False}),
               outcome="ineligible", rules_include=["wulong.28.maintenance"])
    yield case("wl-x-31-sharing", w(facts={"duplicate_data_collection": True}), outcome="ineligible",
               rules_include=["wulong.31.sharing"])
    yield case("wl-x-31-catalog", w(project={"kind": "maintenance"}, facts={"in_system_catalog": False}),
               outcome="ineligible", rules_include=["wulong.31.catalog"])
    yield case("wl-x-32-risk", w(facts={"major_security_risk": True}), outcome="ineligible", rules_include=["wulong.32"])
    for kind, out in (("new", "ineligible"), ("maintenance", "ineligible"), ("expansion", "eligible"),
                      ("service", "eligible")):
        yield case(f"wl-x-33-{kind}", w(project={"kind": kind}, facts={"integrated_with_existing": False}),
                   outcome=out, rules_include=["wulong.33"])
    for as_of, st in (("2022-07-03", "not_yet_in_force"), ("2022-07-04", "in_force")):
        yield case(f"wl-x-validity-{as_of}", w(as_of=as_of), status=st,
                   **({"outcome": "not_applicable", "route": "none",
                       "findings_include": [{"rule": "wulong.validity", "level": "info", "field": "/as_of"}]}
                      if st != "in_force" else {"outcome": "eligible", "rules_exclude": ["wulong.validity"]}))


def errors():
    # What cannot be checked at all is an error (contract §6, §8): not an object, the
    # regime, the locale, a size limit.
    fatal = lambda cid, inp, code, field: case(cid, inp, error_code=code, error_field=field)

    # A bad value of a known field is an `invalid` finding at its pointer (contract §8):
    # the verdict stands, the field counts as unanswered (no `missing` beside it).
    def e(cid, inp, code, field):
        if field in ("", "/regime", "/locale") or code in ("required", "unknown_regime", "too_large"):
            return fatal(cid, inp, code, field)
        absent = field.rsplit("/", 1)[0] if field.rsplit("/", 1)[1].isdigit() else field
        return case(cid, inp, outcome="incomplete",
                    findings_include=[{"rule": "input", "level": "invalid", "field": field}],
                    findings_exclude=[{"level": "missing", "field": absent}])
    yield e("err-x-regime-absent", {"project": {}}, "required", "/regime")
    yield e("err-x-regime-null", {"regime": None}, "required", "/regime")
    yield e("err-x-regime-type", {"regime": 5}, "invalid_type", "/regime")
    yield e("err-x-regime-unknown", {"regime": "Baotou"}, "unknown_regime", "/regime")
    yield e("err-x-not-object", ["baotou"], "invalid_type", "")
    yield e("err-x-project-type", {"regime": "baotou", "project": "x"}, "invalid_type", "/project")
    yield e("err-x-facts-type", {"regime": "baotou", "facts": []}, "invalid_type", "/facts")
    yield e("err-x-fact-type", {"regime": "baotou", "facts": {"on_gov_cloud": "true"}}, "invalid_type",
            "/facts/on_gov_cloud")
    yield e("err-x-fact-number", {"regime": "baotou", "facts": {"on_gov_cloud": 1}}, "invalid_type",
            "/facts/on_gov_cloud")
    for cid, total in (("negative", "-0.000001"), ("precise", "1.0000001"), ("exponent", "1e3"),
                       ("comma", "1,000"), ("comma-fullwidth", "1，000"), ("blank-separator", "1 000"),
                       ("unit", "12万"), ("unit-yuan", "120000元"), ("currency", "¥12"), ("empty", ""),
                       ("blank", "   "), ("too-big", "1000000000000.000001"), ("nan-text", "NaN"),
                       ("infinity-text", "Infinity"), ("minus-infinity-text", "-Infinity"),
                       ("leading-point", ".5"), ("plus", "+5")):
        yield e(f"err-x-money-{cid}", {"regime": "baotou", "project": {"investment": {"total": total}}},
                "invalid_value", "/project/investment/total")
    # Accepted forms of an amount (docs/README-robustness.md): surrounding blanks, full-width
    # digits and point (an IME's), -0. Baotou's 200 supervision threshold shows the value read.
    for cid, total, supervised in (("padded", "  200 ", True), ("padded-ideographic", "\u3000199.999999\t", False),
                                   ("fullwidth", "２００", True), ("fullwidth-point", "１９９．９９９９９９", False),
                                   ("minus-zero-text", "-0", False), ("minus-zero-number", -0.0, False)):
        yield case(f"err-x-money-accepted-{cid}", {"regime": "baotou", "project": {"investment": {"total": total}}},
                   supervision_required=supervised)
    yield e("err-x-money-negative-number", {"regime": "baotou", "project": {"investment": {"equipment": -1}}},
            "invalid_value", "/project/investment/equipment")
    yield e("err-x-money-type", {"regime": "baotou", "project": {"investment": {"total": [1]}}}, "invalid_type",
            "/project/investment/total")
    yield e("err-x-money-too-big-number", {"regime": "baotou", "project": {"investment": {"total": 1e13}}},
            "invalid_value", "/project/investment/total")
    yield e("err-x-date-feb30", {"regime": "baotou", "as_of": "2026-02-30"}, "invalid_value", "/as_of")
    yield e("err-x-date-feb29", {"regime": "baotou", "as_of": "2026-02-29"}, "invalid_value", "/as_of")
    yield e("err-x-date-format", {"regime": "baotou", "as_of": "2026/11/22"}, "invalid_value", "/as_of")
    yield e("err-x-date-type", {"regime": "baotou", "as_of": 20261122}, "invalid_type", "/as_of")
    for cid, d in (("year-0", "0000-01-01"), ("feb29-1900", "1900-02-29"), ("feb29-2100", "2100-02-29"),
                   ("padded", " 2026-01-01"), ("fullwidth", "２０２６-01-01"), ("datetime", "2026-01-01T00:00"),
                   ("short-month", "2026-1-01"), ("year-5-digits", "10000-01-01"), ("empty", "")):
        yield e(f"err-x-date-{cid}", {"regime": "baotou", "as_of": d}, "invalid_value", "/as_of")
    for cid, d, status in (("leap-2028", "2028-02-29", "expired"), ("leap-2024", "2024-02-29", "not_yet_in_force"), ("leap-2000", "2000-02-29", "not_yet_in_force"),
                           ("max", "9999-12-31", "expired"), ("min", "0001-01-01", "not_yet_in_force")):
        yield case(f"err-x-date-accepted-{cid}", {"regime": "wuzhong", "as_of": d}, status=status)
    yield e("err-x-contract-date", {"regime": "chuxiong", "project": {"contract_signed_on": "2025-13-01"}},
            "invalid_value", "/project/contract_signed_on")
    yield e("err-x-kind", {"regime": "baotou", "project": {"kind": "upgrade"}}, "invalid_value", "/project/kind")
    yield e("err-x-category", {"regime": "baotou", "project": {"category": "works"}}, "invalid_value",
            "/project/category")
    yield e("err-x-unit-level", {"regime": "baotou", "project": {"unit_level": "city"}}, "invalid_value",
            "/project/unit_level")
    yield e("err-x-funding-item", {"regime": "baotou", "project": {"funding": ["local_fiscal", "bank"]}},
            "invalid_value", "/project/funding/1")
    yield e("err-x-funding-type", {"regime": "baotou", "project": {"funding": "local_fiscal"}}, "invalid_type",
            "/project/funding")
    yield e("err-x-chapter", {"regime": "wulong", "facts": {"design_chapters": ["data_governance", 3]}},
            "invalid_type", "/facts/design_chapters/1")
    for y in (1999, 2101, 2027.5):
        yield e(f"err-x-budget-year-{y}", {"regime": "wuzhong", "project": {"budget_year": y}}, "invalid_value",
                "/project/budget_year")
    yield e("err-x-years-negative", {"regime": "shizuishan", "project": {"service_years": -1}}, "invalid_value",
            "/project/service_years")
    yield e("err-x-years-text", {"regime": "shizuishan", "project": {"free_maintenance_years": "three"}},
            "invalid_value", "/project/free_maintenance_years")
    yield e("err-x-locale", {"regime": "baotou", "locale": "fr"}, "invalid_value", "/locale")
    yield e("err-x-name-too-long", {"regime": "baotou", "project": {"name": "项" * 501}}, "too_large",
            "/project/name")
    yield case("err-x-name-at-limit", {"regime": "baotou", "project": {"name": "项" * 500}}, outcome="incomplete")
    yield e("err-x-chapters-too-many", {"regime": "wulong", "facts": {"design_chapters": ["crypto_plan"] * 21}},
            "too_large", "/facts/design_chapters")
    yield e("err-x-bool-flag", {"regime": "chuxiong", "project": {"emergency": "yes"}}, "invalid_type",
            "/project/emergency")
    # Contract §8: bad values do not erase the verdict; the usual precedence decides.
    inv = lambda f: {"rule": "input", "level": "invalid", "field": f}
    yield case("inv-x-block-decides", {"regime": "baotou", "as_of": "2026-06-15",
                                       "project": {"kind": "upgrade", "investment": {"total": "12a"}},
                                       "facts": {"new_infrastructure": True}},
               outcome="ineligible", rules_include=["baotou.10.1"],
               findings_include=[inv("/project/kind"), inv("/project/investment/total")])
    yield case("inv-x-not-applicable-keeps-them", {"regime": "baotou", "as_of": "2026-06-15",
                                                   "project": {"classified": True, "kind": 5}},
               outcome="not_applicable", rules_include=["baotou.2"], findings_include=[inv("/project/kind")])
    yield case("inv-x-expired-keeps-them", {"regime": "baotou", "as_of": "2026-12-03",
                                            "facts": {"on_gov_cloud": "yes"}},
               outcome="not_applicable", findings_include=[inv("/facts/on_gov_cloud"),
                                                           {"rule": "baotou.validity", "level": "info"}])
    yield case("inv-x-check-box-default", {"regime": "chuxiong", "as_of": "2026-06-15",
                                           "project": {"classified": "yes", "kind": "new", "investment": {"total": "100"}}},
               findings_include=[inv("/project/classified")], rules_exclude=["chuxiong.35"], route="approval")
    yield case("inv-x-287", {"regime": "baotou", "as_of": "2026-06-15", "project": {"investment": {"total": "287."}}},
               supervision_required=True, findings_exclude=[{"level": "invalid"}])
    yield case("err-x-unknown-keys-ignored", {"regime": "baotou", "extra": {"deep": [1, {"x": None}]},
                                              "project": {"unknown": 1}}, outcome="incomplete")


# Rules revision 3 (spec contract §9): for every regulation, savings only and what could be
# savings, dates on both sides of the regulation's last day, investment parts at the total
# and 0.000001 either side, and ratios whose words must round.
SAVINGS_RULE = {"baotou": "baotou.20", "wuzhong": "wuzhong.11", "wulong": "wulong.25",
                "chuxiong": "chuxiong.24.scope", "shizuishan": "shizuishan.20.savings"}
REASON = {"chuxiong": "external_change"}


def change(regime, items, as_of="2026-06-15", **top):
    c = {"regime": regime, "as_of": as_of, "approved_total": "1000", "items": items}
    if regime == "shizuishan":
        c["changed_on"] = "2026-07-10"
    c.update(top)
    return {k: v for k, v in c.items() if v is not None}


def tender(approved="200", proposed="150"):
    return {"name": "监理服务", "approved": approved, "proposed": proposed, "tender_savings": True}


def plain(approved="800", proposed="800"):
    return {"name": "应用开发", "approved": approved, "proposed": proposed}


def revision3(regime):
    s = SAVINGS_RULE[regime]
    p = regime
    reason = REASON.get(regime, "technical_optimization")
    ch = lambda cid, inp, **e: case(f"r3x-{p}-{cid}", inp, check="change", **e)
    # Savings only: one info finding, no authority, no deadline, nothing asked.
    yield ch("savings", change(regime, [tender(), plain()], goal_changed=False, content_changed=False),
             outcome="savings", authorities=[], deadline=None,
             findings_include=[{"rule": s, "level": "info", "field": "/items/0/tender_savings"}],
             findings_exclude=[{"level": "missing"}, {"level": "block"}, {"level": "require"}])
    # At the edge: one fen saved.
    yield ch("savings-one-fen", change(regime, [tender("200", "199.999999"), plain()], goal_changed=False,
                                       content_changed=False), outcome="savings")
    # Could be savings: each absent answer is asked by the savings rule, nothing else is.
    yield ch("could-content", change(regime, [tender(), plain()], goal_changed=False),
             outcome="incomplete",
             findings_include=[{"rule": s, "level": "missing", "field": "/content_changed"}],
             findings_exclude=[{"level": "missing", "field": "/reason"}, {"level": "missing", "field": "/changed_on"},
                               {"level": "missing", "field": "/goal_changed"}, {"level": "block"}])
    yield ch("could-both", change(regime, [tender(), plain()], reason=reason), outcome="incomplete",
             findings_include=[{"rule": s, "level": "missing", "field": "/goal_changed"},
                               {"rule": s, "level": "missing", "field": "/content_changed"}])
    yield ch("could-goal", change(regime, [tender(), plain()], content_changed=False), outcome="incomplete",
             findings_include=[{"rule": s, "level": "missing", "field": "/goal_changed"}],
             findings_exclude=[{"level": "missing", "field": "/content_changed"}])
    # Not savings: another item moves by one fen, an item is new, something grows, the goal
    # changes — the adjustment rules decide, the savings rule's outcome never comes.
    for cid, items in (("other-down", [tender(), plain("800", "799.999999")]),
                       ("other-up", [tender(), plain("800", "800.000001")]),
                       ("new-item", [tender(), plain(), {"approved": "0", "proposed": "0.000001", "new": True}]),
                       ("tender-up", [tender("200", "200.000001"), plain()])):
        yield ch(f"not-{cid}", change(regime, items, goal_changed=False, content_changed=False, reason=reason,
                                      budget_year=2026), rules_exclude=[] if regime in ("wulong", "wuzhong") else [s],
                 findings_exclude=[{"rule": s, "level": "missing"}])
    # (Chuxiong art.24 does not read the goal: its reason and ratio decide.)
    yield ch("goal-changed", change(regime, [tender(), plain()], goal_changed=True, reason=reason),
             outcome="file" if regime == "chuxiong" else "approval_required",
             findings_exclude=[{"rule": s, "level": "missing"}])
    # A content change: Shizuishan binds it; elsewhere it is an adjustment like any other.
    if regime == "shizuishan":
        yield ch("content-changed", change(regime, [tender(), plain()], goal_changed=False, content_changed=True),
                 outcome="approval_required", deadline="2026-08-10",
                 findings_include=[{"rule": "shizuishan.20", "level": "block", "field": "/items"}])
        yield ch("content-changed-no-amount", change(regime, [plain()], goal_changed=False, content_changed=True),
                 outcome="approval_required",
                 findings_include=[{"rule": "shizuishan.20", "level": "block", "field": "/content_changed"}])
        yield ch("content-unchanged-no-amount", change(regime, [plain()], goal_changed=False,
                                                       content_changed=False),
                 outcome="file", rules_exclude=["shizuishan.20", s])
    else:
        yield ch("content-changed", change(regime, [tender(), plain()], goal_changed=False, content_changed=True,
                                           reason=reason, budget_year=2026),
                 rules_exclude=[s] if regime in ("baotou", "chuxiong") else [])
    # A ratio whose words must round (1 of 3 is 33.33…%): the figure stays exact.
    yield ch("ratio-thirds", change(regime, [plain("2", "1"), plain("0", "1")], approved_total="3", goal_changed=False,
                                    content_changed=True, reason=reason, budget_year=2026),
             figures={"adjustment_ratio": "33.333333333333333333333333333"})
    # Eligibility: parts beside the total, at it and 0.000001 either side.
    el = lambda cid, inp, **e: case(f"r3x-{p}-{cid}", inp, **e)
    sum_rule = {"rule": "input.investment_sum", "level": "warn", "field": "/project/investment/total"}
    for cid, contingency, warns in (("sum-equal", "10", False), ("sum-above", "10.000001", True),
                                    ("sum-below", "9.999999", False)):
        inp = app(regime, project={"investment": {"total": "100", "engineering": "60", "equipment": "30",
                                                  "contingency": contingency}})
        if warns:
            yield el(cid, inp, findings_include=[sum_rule])
        else:
            yield el(cid, inp, rules_exclude=["input.investment_sum"])
    yield el("sum-total-only", app(regime, project={"investment": {"total": "100"}}),
             rules_exclude=["input.investment_sum"])
    yield el("sum-parts-only", app(regime, project={"investment": {"engineering": "60", "equipment": "50"}}),
             rules_exclude=["input.investment_sum"])


def revision3_wuzhong():
    yield from revision3("wuzhong")
    # Dates on both sides of the regulation's last day (2028-01-21): the 9月底 application
    # deadline of budget year 2028 (2027-09-30) is listed, that of 2029 (2028-09-30) is not.
    for year, due in ((2028, "2027-09-30"), (2029, None)):
        inp = app("wuzhong", as_of="2027-06-15", project={"budget_year": year})
        if due:
            yield case(f"r3x-wuzhong-horizon-{year}", inp, outcome="eligible",
                       deadlines=[{"rule": "wuzhong.10.deadline", "due": due}],
                       rules_exclude=["wuzhong.validity.horizon"])
        else:
            yield case(f"r3x-wuzhong-horizon-{year}", inp, outcome="eligible", deadlines=[],
                       findings_include=[{"rule": "wuzhong.validity.horizon", "level": "warn"}])
    # The change window: 2027-07-31 is listed; 2028-07-31 (the regulation lapses first) is not.
    adj = [{"approved": "300", "proposed": "350"}, {"approved": "200", "proposed": "150"}]
    for as_of, deadline in (("2027-06-15", "2027-07-31"), ("2028-01-21", None), ("2028-01-20", None)):
        yield case(f"r3x-wuzhong-window-{as_of}", change("wuzhong", adj, as_of=as_of, goal_changed=False),
                   check="change", outcome="approval_required", deadline=deadline,
                   **({"rules_exclude": ["wuzhong.validity.horizon"]} if deadline else
                      {"findings_include": [{"rule": "wuzhong.validity.horizon", "level": "warn"}]}))


FILES = {"src/regimes/baotou/cases/eligibility.jsonl": baotou,
         "src/regimes/wuzhong/cases/eligibility.jsonl": wuzhong,
         "src/regimes/wulong/cases/eligibility.jsonl": wulong, "tests/cases/errors.jsonl": errors,
         "src/regimes/wuzhong/cases/revision-3.jsonl": revision3_wuzhong,
         **{f"src/regimes/{r}/cases/revision-3.jsonl": (lambda r=r: revision3(r))
            for r in ("shizuishan", "baotou", "chuxiong", "wulong")}}


def main():
    check = "--check" in sys.argv
    stale = []
    for name, gen in FILES.items():
        text = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in gen())
        path = os.path.join(ROOT, *name.split("/"))
        if check:
            if not os.path.exists(path) or open(path, encoding="utf-8").read() != text:
                stale.append(name)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    if stale:
        sys.exit(f"corpus files out of date (run python3 tools/gen_cases.py): {', '.join(stale)}")


if __name__ == "__main__":
    main()
