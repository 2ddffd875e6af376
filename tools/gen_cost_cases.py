#!/usr/bin/env python3
"""Generates src/regimes/wulong/cases/cost.jsonl (beside Wulong's annex): the `cost`, `costs` and `project_class` corpus.

The expectations come from the table of rules.md §"Cost classification — Wulong annex",
copied below verbatim, read by this script — not from the Rust table — so the corpus is
an independent check of it. Edit this file, not the .jsonl file;
`python3 tools/gen_cost_cases.py --check` fails when they drift.
"""
import json, os, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "src", "regimes", "wulong", "cases", "cost.jsonl")

SPEC_TABLE = """
| design_consulting | 设计咨询 | included | always (fees a 新建、改扩建 project needs) |
| tendering_agency | 招标代理 | included | always (same row) |
| project_supervision | 工程监理 | included | always (same row) |
| software_testing | 软件测评 | included | always (same row) |
| remote_sensing_equipment | 遥感设备 | included | always |
| sensor | 传感器 | included | always |
| camera | 摄像头 | included | always |
| rfid | RFID | included | always |
| data_collection_terminal | 数据采集终端 | conditional | mobile_terminal false; or mobile_terminal true and closely_related and assessed |
| other_sensing_device | 其他感知设备 | conditional | assessed |
| computer | 电脑 | conditional | closely_related and assessed |
| office_consumables | 办公耗材 | excluded | never |
| office_facility_replacement | 办公设施更换 | excluded | never |
| staff_salary | 人员工资 | excluded | never |
| travel | 差旅费 | excluded | never |
| training_fee | 学习培训费 | excluded | never |
| meeting_room_upgrade | 会议室升级改造 | excluded | never |
| office_software_licensing | 办公软件正版化 | excluded | never |
| spare_parts | 备品备件 | included | always (for buying and maintaining business application systems; the message says so) |
| maintenance_tools | 运行维护专用工具 | included | always |
| service_desk | 服务台 | included | always |
| special_vehicle | 专用车辆 | included | always (same qualifier as 备品备件) |
| gov_extranet | 政务外网 | included | always |
| gov_intranet | 政务内网 | included | always |
| internet | 互联网 | included | always |
| private_network | 业务专网 | conditional | assessed (message: 暂可纳入，后期逐步减少直至取消) |
| telephone_line | 电话线路 | excluded | never |
| server_storage | 服务器存储 | conditional | special_need and assessed |
| security_consulting | 安全咨询 | conditional | assessed |
| security_testing | 安全测评 | included | always |
| security_remediation | 安全整改 | included | always |
| lan | 局域网络 | conditional | assessed |
| server_room_environment | 机房环境 | conditional | assessed |
| cloud_rental | 租用云服务 | included | always |
| basic_gov_data | 政务基础数据 | included | always |
| thematic_gov_data | 政务主题数据 | included | always |
| platform_software_license | 虚拟化、数据库等正版软件授权 | conditional | closely_related and deployed_on_system |
| training_courseware | 培训类系统购买电子课件、课程 | conditional | government_owned and closely_related and shared_or_public and assessed |
| data_collection | 数据采集 | conditional | government_owned and closely_related and shared_or_public and assessed |
| data_processing | 数据加工处理 | conditional | government_owned and closely_related and shared_or_public and assessed |
| standards_drafting | 标准规范编制 | included | always |
| mlps_assessment | 等级保护测评 | included | always |
| system_testing | 系统测评 | included | always |
| business_system | 履行政务职能业务系统 | included | always |
| office_automation | 办公自动化系统 | included | always |
| video_conference | 视频会议系统 | included | always |
| building_intelligence | 楼宇智能化系统 | included | always |
| hr_system | 人事系统 | included | always |
| finance_system | 财务系统 | included | always |
| public_service_website | 公共服务网站 | included | always |
| promotion_content | 门户网站、公众号、app 等推广宣传及内容更新维护 | excluded | never |"""

CONDITIONS = ["assessed", "closely_related", "deployed_on_system", "government_owned",
              "shared_or_public", "special_need", "mobile_terminal"]


def rows():
    out = []
    for line in SPEC_TABLE.strip().splitlines():
        code, label, treatment, when = [c.strip() for c in line.strip().strip("|").split("|")]
        when = when.split(" (")[0]
        if treatment != "conditional":
            needs = None
        elif when.startswith("mobile_terminal"):
            needs = "terminal"
        else:
            needs = when.split(" and ")
            assert all(n in CONDITIONS for n in needs), when
        out.append((code, label, treatment, needs))
    assert len(out) == 51
    return out


def decide(treatment, needs, cond):
    """rules.md: the decision, unmet and unanswered for the answers in `cond`."""
    if needs is None:
        return treatment, [], []
    if needs == "terminal":
        m = cond.get("mobile_terminal")
        if m is False:
            return "included", [], []
        if m is None:
            return "needs_information", [], ["mobile_terminal"]
        needs = ["closely_related", "assessed"]
    unmet = [n for n in needs if cond.get(n) is False]
    unanswered = [n for n in needs if cond.get(n) is None]
    if unmet:
        return "excluded", unmet, unanswered
    if not unanswered:
        return "included", [], []
    if unanswered == ["assessed"]:
        return "pending_assessment", [], unanswered
    return "needs_information", [], unanswered


def case(cid, check, inp, **expect):
    return {"id": cid, "check": check, "input": inp, "expect": expect}


def cost(cid, inp, **expect):
    return case(cid, "cost", inp, **expect)


def expect_line(code, label, treatment, needs, cond, amount=None):
    d, unmet, unanswered = decide(treatment, needs, cond)
    return dict(item=code, label=label, treatment=treatment, decision=d, unmet=unmet,
                unanswered=unanswered, amount=amount, rules_include=[f"wulong.annex.{code}"])


def cost_cases():
    for code, label, treatment, needs in rows():
        # By code with no answers; by exact label with an amount.
        yield cost(f"cost-x-{code}", {"item": code}, **expect_line(code, label, treatment, needs, {}))
        yield cost(f"cost-x-{code}-label", {"item": label, "amount": "1.50"},
                   **expect_line(code, label, treatment, needs, {}, "1.5"))
        if needs is None:
            # The conditions do not matter for an item the table decides outright.
            falses = {c: False for c in CONDITIONS}
            yield cost(f"cost-x-{code}-answers-ignored", {"item": code, "conditions": falses},
                       **expect_line(code, label, treatment, needs, falses))
            continue
        if needs == "terminal":
            variants = {
                "dedicated": {"mobile_terminal": False},
                "dedicated-others-false": {"mobile_terminal": False, "closely_related": False, "assessed": False},
                "mobile-met": {"mobile_terminal": True, "closely_related": True, "assessed": True},
                "mobile-unrelated": {"mobile_terminal": True, "closely_related": False, "assessed": True},
                "mobile-failed": {"mobile_terminal": True, "closely_related": True, "assessed": False},
                "mobile-pending": {"mobile_terminal": True, "closely_related": True},
                "mobile-unanswered": {"mobile_terminal": True},
                "unknown-mode": {"closely_related": True, "assessed": True},
                "unrelated-unknown-assessed": {"mobile_terminal": True, "closely_related": False},
            }
            for name, cond in variants.items():
                yield cost(f"cost-x-{code}-{name}", {"item": code, "conditions": cond},
                           **expect_line(code, label, treatment, needs, cond))
            continue
        all_true = {n: True for n in needs}
        yield cost(f"cost-x-{code}-met", {"item": code, "conditions": all_true},
                   **expect_line(code, label, treatment, needs, all_true))
        for n in needs:
            cond = dict(all_true, **{n: False})
            yield cost(f"cost-x-{code}-no-{n}", {"item": code, "conditions": cond},
                       **expect_line(code, label, treatment, needs, cond))
            cond = {k: v for k, v in all_true.items() if k != n}
            yield cost(f"cost-x-{code}-unanswered-{n}", {"item": code, "conditions": cond},
                       **expect_line(code, label, treatment, needs, cond))
        if len(needs) > 1:
            cond = {n: False for n in needs}
            yield cost(f"cost-x-{code}-none-met", {"item": code, "conditions": cond},
                       **expect_line(code, label, treatment, needs, cond))
            # A false condition excludes even while the evaluation is unanswered.
            cond = {needs[0]: False}
            yield cost(f"cost-x-{code}-first-false-rest-unanswered", {"item": code, "conditions": cond},
                       **expect_line(code, label, treatment, needs, cond))


SYNONYMS = {
    "监控摄像头": "camera", "摄像机": "camera", "台式电脑": "computer", "笔记本电脑": "computer",
    "云服务租用": "cloud_rental", "等保测评": "mlps_assessment", "监理费": "project_supervision",
    "差旅": "travel", "培训费": "training_fee", "工资": "staff_salary", "政务云": "cloud_rental",
    "服务器": "server_storage", "局域网": "lan", "机房": "server_room_environment",
    "数据库授权": "platform_software_license", "OA系统": "office_automation", "视频会议": "video_conference",
    "渗透测试": "security_testing", "射频识别": "rfid", "专网": "private_network",
    "电话费": "telephone_line", "宣传推广": "promotion_content", "采集终端": "data_collection_terminal",
    # Form noise: blanks, case, full-width letters, a trailing 。, a purchase word.
    " CAMERA ": "camera", "Server-Storage": "server_storage", "ｒｆｉｄ": "rfid", "摄像头。": "camera",
    "采购监控摄像头": "camera", "门户网站、公众号、app等推广宣传及内容更新维护": "promotion_content",
}


LABELS = {code: label for code, label, _, _ in rows()}


def matched(given, code):
    """Contract §9: how an item was read — by its code, its exact label, or a reading."""
    text = given.strip()
    key = lambda x: "".join(ch for ch in x.casefold() if not ch.isspace() and ch not in "_-").rstrip("。.")
    wide = lambda x: "".join(chr(ord(ch) - 0xFEE0) if 0xFF01 <= ord(ch) <= 0xFF5E else ch for ch in x)
    k = key(wide(text))
    by = "code" if k == key(code) else "label" if k == key(LABELS[code]) else "reading"
    return {"by": by, "text": text, "row": LABELS[code]}


def lookup_cases():
    for i, (given, code) in enumerate(SYNONYMS.items()):
        yield cost(f"cost-x-synonym-{i:02d}-{code}", {"item": given}, item=code,
                   matched=matched(given, code), rules_include=[f"wulong.annex.{code}"])
    yield cost("cost-x-unknown-quantum", {"item": "quantum_computer"}, error_code="unknown_item", error_field="/item")
    yield cost("cost-x-unknown-typo", {"item": "camra"}, error_code="unknown_item", error_field="/item")
    yield cost("cost-x-unknown-chinese", {"item": "咖啡机"}, error_code="unknown_item", error_field="/item")
    # Revision 3: a description that joins a camera and a line of no named network asks
    # to be split (it was unknown_item before the reader).
    yield cost("cost-x-unknown-long", {"item": "为满足日常监管需要拟安装一批高清监控摄像头并配套建设传输链路"},
               error_code="ambiguous_item", error_field="/item")
    # Revision 2: the whole text of an annex row that names several items is not one budget
    # line: unknown_item, that row's codes first in the suggestions (copied from the annex).
    several = (
        ("construction-fees", "设计咨询、招标代理、工程监理、软件测评等费用",
         ["design_consulting", "tendering_agency", "project_supervision", "software_testing"]),
        ("office", "办公耗材、办公设施更换、人员工资、差旅费、学习培训费、会议室升级改造、办公软件正版化等",
         ["office_consumables", "office_facility_replacement", "staff_salary", "travel", "training_fee",
          "meeting_room_upgrade", "office_software_licensing"]),
        ("om-supplies", "购买、维护业务应用系统的备品备件、运行维护专用工具、服务台、专用车辆等。",
         ["spare_parts", "maintenance_tools", "service_desk", "special_vehicle"]),
        ("security", "安全测评、安全整改。", ["security_testing", "security_remediation"]),
        ("dc-env", "机房环境(如机房物管费、电费等)", ["server_room_environment"]),
        ("dc-env-fullwidth", "机房环境（如机房物管费、电费等）。", ["server_room_environment"]),
        ("systems", "履行政务职能业务系统及办公自动化系统、视频会议系统、楼宇智能化系统、人事系统、财务系统、公共服务网站等",
         ["business_system", "office_automation", "video_conference", "building_intelligence", "hr_system",
          "finance_system", "public_service_website"]),
        ("office-without-deng", "办公耗材、办公设施更换、人员工资、差旅费、学习培训费、会议室升级改造、办公软件正版化",
         ["office_consumables", "office_facility_replacement", "staff_salary", "travel", "training_fee",
          "meeting_room_upgrade", "office_software_licensing"]),
    )
    for cid, text, codes in several:
        yield cost(f"cost-x-several-items-{cid}", {"item": text}, error_code="unknown_item", error_field="/item",
                   suggestions_first=codes)
    # A row that is itself one item keeps its label, and one item of a row is found alone.
    yield cost("cost-x-one-item-row-label", {"item": "虚拟化、数据库等正版软件授权", "conditions": {"closely_related": True, "deployed_on_system": True}},
               item="platform_software_license", decision="included")
    yield cost("cost-x-one-item-of-a-row", {"item": "安全整改"}, item="security_remediation", decision="included")
    yield cost("cost-x-item-absent", {"amount": "1"}, error_code="required", error_field="/item")
    yield cost("cost-x-item-null", {"item": None}, error_code="required", error_field="/item")
    yield cost("cost-x-item-blank", {"item": "  "}, error_code="required", error_field="/item")
    yield cost("cost-x-item-number", {"item": 7}, error_code="invalid_type", error_field="/item")
    yield cost("cost-x-item-too-long", {"item": "摄" * 501}, error_code="too_large", error_field="/item")
    yield cost("cost-x-not-object", ["camera"], error_code="invalid_type", error_field="")
    yield cost("cost-x-amount-negative", {"item": "camera", "amount": "-1"}, error_code="invalid_value", error_field="/amount")
    yield cost("cost-x-amount-too-precise", {"item": "camera", "amount": "1.0000001"}, error_code="invalid_value", error_field="/amount")
    yield cost("cost-x-amount-type", {"item": "camera", "amount": True}, error_code="invalid_type", error_field="/amount")
    yield cost("cost-x-amount-number", {"item": "camera", "amount": 12.5}, amount="12.5")
    yield cost("cost-x-amount-trailing-zeros", {"item": "camera", "amount": "1.5000000"}, amount="1.5")
    yield cost("cost-x-amount-null", {"item": "camera", "amount": None}, amount=None)
    yield cost("cost-x-conditions-type", {"item": "computer", "conditions": [True]},
               error_code="invalid_type", error_field="/conditions")
    yield cost("cost-x-condition-type", {"item": "computer", "conditions": {"assessed": "yes"}},
               error_code="invalid_type", error_field="/conditions/assessed")
    yield cost("cost-x-condition-unknown-key-ignored", {"item": "computer", "conditions": {"closely_related": True, "budget_ok": "x"}},
               decision="pending_assessment", unanswered=["assessed"])
    yield cost("cost-x-condition-null-is-absent", {"item": "computer", "conditions": {"closely_related": True, "assessed": None}},
               decision="pending_assessment")
    yield cost("cost-x-conditions-null", {"item": "computer", "conditions": None},
               decision="needs_information", unanswered=["closely_related", "assessed"])
    yield cost("cost-x-unknown-keys-ignored", {"item": "camera", "name": "路口监控", "extra": {"x": [1]}}, decision="included")
    yield cost("cost-x-locale-en", {"item": "camera", "locale": "en"}, decision="included")
    yield cost("cost-x-locale-bad", {"item": "camera", "locale": "fr"}, error_code="invalid_value", error_field="/locale")


def costs(cid, inp, **expect):
    return case(cid, "costs", inp, **expect)


def costs_cases():
    yield costs("costs-x-numbers-exact", {"items": [{"item": "camera", "amount": 0.1}, {"item": "sensor", "amount": 0.2}]},
                totals={"included": "0.3", "excluded": "0", "pending": "0"})
    yield costs("costs-x-strings-exact", {"items": [{"item": "travel", "amount": "0.1"}, {"item": "差旅费", "amount": "0.2"}]},
                totals={"included": "0", "excluded": "0.3", "pending": "0"})
    yield costs("costs-x-pending-both-kinds", {"items": [
        {"item": "server_storage", "amount": "0.1", "conditions": {"special_need": True}},
        {"item": "computer", "amount": 0.2}]},
                totals={"included": "0", "excluded": "0", "pending": "0.3"})
    yield costs("costs-x-fen", {"items": [{"item": "camera", "amount": "0.000001"}] * 3},
                totals={"included": "0.000003", "excluded": "0", "pending": "0"})
    yield costs("costs-x-no-amount-counts-zero", {"items": [{"item": "camera"}, {"item": "camera", "amount": "2"}]},
                totals={"included": "2", "excluded": "0", "pending": "0"})
    yield costs("costs-x-beyond-line-limit-total", {"items": [{"item": "camera", "amount": "1000000000000"}] * 3},
                totals={"included": "3000000000000", "excluded": "0", "pending": "0"})
    yield costs("costs-x-mixed", {"items": [
        {"item": "camera", "amount": "12.5"}, {"item": "人员工资", "amount": "3"},
        {"item": "computer", "amount": "4.25", "conditions": {"closely_related": True, "assessed": True}},
        {"item": "computer", "amount": "1", "conditions": {"closely_related": False}},
        {"item": "data_collection_terminal", "amount": "2.5"},
        {"item": "data_collection_terminal", "amount": "0.5", "conditions": {"mobile_terminal": False}}]},
                totals={"included": "17.25", "excluded": "4", "pending": "2.5"},
                rules_include=["wulong.annex.camera", "wulong.annex.staff_salary", "wulong.annex.computer",
                               "wulong.annex.data_collection_terminal"])
    yield costs("costs-x-bad-line-in-place", {"items": [
        {"item": "camera", "amount": "1"}, {"item": "travel", "amount": "2"},
        {"item": "quantum_computer", "amount": "100"}, {"item": "lan", "amount": "-5"},
        "camera", {"amount": "7"}, {"item": "lan", "amount": "4"}]},
                totals={"included": "1", "excluded": "2", "pending": "4", "unclassified": "107"},
                rules_include=["wulong.annex.camera", "wulong.annex.travel", "wulong.annex.lan"])
    yield costs("costs-x-empty", {"items": []}, totals={"included": "0", "excluded": "0", "pending": "0"}, lines=[])
    yield costs("costs-x-items-absent", {}, error_code="required", error_field="/items")
    yield costs("costs-x-items-null", {"items": None}, error_code="required", error_field="/items")
    yield costs("costs-x-items-type", {"items": {"item": "camera"}}, error_code="invalid_type", error_field="/items")
    yield costs("costs-x-not-object", [{"item": "camera"}], error_code="invalid_type", error_field="")
    yield costs("costs-x-1000-lines", {"items": [{"item": "camera", "amount": "0.001"}] * 1000},
                totals={"included": "1", "excluded": "0", "pending": "0"})
    yield costs("costs-x-too-many-lines", {"items": [{"item": "camera"}] * 1001},
                error_code="too_large", error_field="/items")


def pc(cid, inp, **expect):
    return case(cid, "project_class", inp, **expect)


def pc_cases():
    r = lambda **kw: dict({"kind": "renovation"}, **kw)
    yield pc("pc-x-50-string", r(main_function_changed=False, amount="50"), **{"class": "maintenance"}, rule="wulong.annex.upgrade", unanswered=[])
    yield pc("pc-x-50-number", r(main_function_changed=False, amount=50), **{"class": "maintenance"})
    yield pc("pc-x-49.999999", r(main_function_changed=False, amount="49.999999"), **{"class": "maintenance"}, rule="wulong.annex.upgrade")
    yield pc("pc-x-50.000001", r(main_function_changed=False, amount="50.000001"), **{"class": "construction"}, rule="wulong.annex.construction")
    yield pc("pc-x-main-function-changed", r(main_function_changed=True, amount="1"), **{"class": "construction"}, rule="wulong.annex.construction")
    yield pc("pc-x-over-50-unanswered-function", r(amount="50.000001"), **{"class": "construction"}, unanswered=[])
    yield pc("pc-x-changed-no-amount", r(main_function_changed=True), **{"class": "construction"})
    yield pc("pc-x-undetermined-function", r(amount="50"), **{"class": "undetermined"}, rule="wulong.annex.upgrade", unanswered=["main_function_changed"])
    yield pc("pc-x-undetermined-amount", r(main_function_changed=False), **{"class": "undetermined"}, rule="wulong.annex.upgrade", unanswered=["amount"])
    yield pc("pc-x-undetermined-both", r(), **{"class": "undetermined"}, unanswered=["main_function_changed", "amount"])
    yield pc("pc-x-hardware", {"kind": "new", "hardware_replacement_only": True, "amount": "5000"}, **{"class": "maintenance"}, rule="wulong.annex.hardware")
    yield pc("pc-x-hardware-false", {"kind": "new", "hardware_replacement_only": False}, **{"class": "construction"}, rule="wulong.annex.construction")
    yield pc("pc-x-continuation", {"kind": "continuation", "amount": "100"}, **{"class": "continuation"}, rule="wulong.annex.continuation")
    yield pc("pc-x-maintenance", {"kind": "maintenance"}, **{"class": "maintenance"}, rule="wulong.annex.maintenance")
    yield pc("pc-x-new", {"kind": "new", "amount": "1"}, **{"class": "construction"}, rule="wulong.annex.construction")
    yield pc("pc-x-expansion-small", {"kind": "expansion", "main_function_changed": False, "amount": "10"}, **{"class": "construction"})
    yield pc("pc-x-service", {"kind": "service"}, error_code="invalid_value", error_field="/kind")
    yield pc("pc-x-kind-absent", {"amount": "10"}, error_code="required", error_field="/kind")
    yield pc("pc-x-kind-unknown", {"kind": "demolition"}, error_code="invalid_value", error_field="/kind")
    yield pc("pc-x-kind-type", {"kind": 1}, error_code="invalid_type", error_field="/kind")
    yield pc("pc-x-amount-negative", r(amount="-1"), error_code="invalid_value", error_field="/amount")
    yield pc("pc-x-mfc-type", r(main_function_changed="no"), error_code="invalid_type", error_field="/main_function_changed")


def regime_cases():
    """Revision 3 (contract §9): `regime` is optional (default wulong, the one regime with a
    fee table); a known regime without a table is invalid_value at /regime; an unknown one
    unknown_regime. The same for project_class and its project classes."""
    without = ["wuzhong", "shizuishan", "baotou", "chuxiong"]
    yield cost("cost-r3-regime-wulong", {"regime": "wulong", "item": "camera"}, item="camera",
               decision="included", rules_include=["wulong.annex.camera"])
    yield cost("cost-r3-regime-null", {"regime": None, "item": "台式电脑"}, item="computer",
               rules_include=["wulong.annex.computer"])
    for r in without:
        yield cost(f"cost-r3-regime-{r}", {"regime": r, "item": "camera"},
                   error_code="invalid_value", error_field="/regime")
        yield costs(f"costs-r3-regime-{r}", {"regime": r, "items": [{"item": "camera", "amount": "1"}]},
                    error_code="invalid_value", error_field="/regime")
        yield pc(f"pc-r3-regime-{r}", {"regime": r, "kind": "new"},
                 error_code="invalid_value", error_field="/regime")
    yield cost("cost-r3-regime-unknown", {"regime": "beijing", "item": "camera"},
               error_code="unknown_regime", error_field="/regime")
    yield cost("cost-r3-regime-type", {"regime": 5, "item": "camera"},
               error_code="invalid_type", error_field="/regime")
    # The regime is read first: a regime without a table is the error, whatever the item.
    yield cost("cost-r3-regime-before-item", {"item": "quantum", "regime": "baotou"},
               error_code="invalid_value", error_field="/regime")
    yield costs("costs-r3-regime-unknown", {"regime": "toyville", "items": []},
                error_code="unknown_regime", error_field="/regime")
    yield costs("costs-r3-regime-wulong", {"regime": "wulong", "items": [
        {"item": "camera", "amount": "2"}, {"item": "travel", "amount": "1", "regime": "wulong"}]},
                totals={"included": "2", "excluded": "1", "pending": "0"})
    # One budget, one table: a line naming another regime is an error in its place.
    yield costs("costs-r3-line-other-regime", {"items": [
        {"item": "camera", "amount": "2"}, {"item": "camera", "amount": "1", "regime": "baotou"}]},
                totals={"included": "2", "excluded": "0", "pending": "0"})
    yield pc("pc-r3-regime-wulong", {"regime": "wulong", "kind": "maintenance"},
             **{"class": "maintenance"}, rule="wulong.annex.maintenance")
    yield pc("pc-r3-regime-unknown", {"regime": "beijing", "kind": "new"},
             error_code="unknown_regime", error_field="/regime")


# Revision 3 (interpretations.md "Revision 3: budget lines"): lines as real budgets write
# them, one or more per reading rule — a reading (its row), a question (ambiguous_item,
# candidates tested in tests/budget_lines.rs and the unit tests) or no row (unknown_item).
READINGS = [
    # Rule 1: object first, whatever the verbs and fee words.
    ("r1-vc-om", "视频会议系统运维服务费", "video_conference"),
    ("r1-camera-repair", "摄像头维修", "camera"),
    ("r1-extranet-lease", "电子政务外网线路租用费", "gov_extranet"),
    ("r1-dc-aircon", "机房精密空调维保", "server_room_environment"),
    ("r1-custom-software", "定制软件开发费", "business_system"),
    # Rule 2: where the service is the object.
    ("r2-crypto-eval", "密码应用安全性评估", "security_testing"),
    ("r2-mlps", "信息系统安全等级保护评测", "mlps_assessment"),
    ("r2-feasibility", "可行性研究报告编制", "design_consulting"),
    ("r2-supervision", "信息化监理服务", "project_supervision"),
    ("r2-agency", "招标代理服务费", "tendering_agency"),
    ("r2-data-governance", "数据治理服务", "data_processing"),
    ("r2-training", "人员培训费", "training_fee"),
    ("r2-courseware", "在线课程", "training_courseware"),
    ("r2-new-media", "政务新媒体运营", "promotion_content"),
    ("r2-website-build", "门户网站建设", "public_service_website"),
    # Rule 3: networks by network.
    ("r3-party-intranet", "党政工作专网线路租赁费", "gov_intranet"),
    ("r3-broadband", "宽带接入费", "internet"),
    ("r3-video-net", "视频专网租赁", "private_network"),
    ("r3-landline", "固定电话费", "telephone_line"),
    # Rule 4: software.
    ("r4-platform", "社区事务管理服务平台建设", "business_system"),
    ("r4-oa", "协同办公OA系统运行维护服务", "office_automation"),
    ("r4-db-licence", "数据库软件授权", "platform_software_license"),
    ("r4-office", "Office软件授权", "office_software_licensing"),
    # Rule 5: hardware.
    ("r5-laptop", "笔记本电脑采购", "computer"),
    ("r5-disk-array", "磁盘阵列扩容", "server_storage"),
    ("r5-switch", "核心交换机", "lan"),
    ("r5-ups", "UPS电源更换", "server_room_environment"),
    ("r5-points", "前端监控点位建设", "camera"),
    ("r5-water-meter", "物联网超声波水表", "sensor"),
    ("r5-rtu", "RTU终端机", "data_collection_terminal"),
    ("r5-printer", "打印机更换", "office_facility_replacement"),
    ("r5-toner", "硒鼓墨盒", "office_consumables"),
]
QUESTIONS = [
    ("r3-unnamed-line", "专线租赁费"),
    ("r4-system-om", "系统运维费"),
    ("r6-joined", "互联网专线和固定电话服务"),
    ("r6-security-device", "网络安全设备"),
    ("r2-website-om", "门户网站运维"),
    ("r4-licence", "正版软件采购"),
]
NO_ROW = [("r6-contingency", "预备费"), ("r6-interest", "建设期利息"), ("r6-civil", "土建工程"),
          ("r6-management", "项目管理费")]


def reading_cases():
    for cid, text, code in READINGS:
        yield cost(f"cost-r3-{cid}", {"item": text, "amount": "1"}, item=code,
                   matched={"by": "reading", "text": text, "row": LABELS[code]},
                   rules_include=[f"wulong.annex.{code}"])
    for cid, text in QUESTIONS:
        yield cost(f"cost-r3-{cid}", {"item": text}, error_code="ambiguous_item", error_field="/item")
    for cid, text in NO_ROW:
        yield cost(f"cost-r3-{cid}", {"item": text}, error_code="unknown_item", error_field="/item")
    # By code and by label, the matched key says so.
    yield cost("cost-r3-matched-code", {"item": "camera"}, matched={"by": "code", "text": "camera", "row": "摄像头"})
    yield cost("cost-r3-matched-label", {"item": " 摄像头 "}, matched={"by": "label", "text": "摄像头", "row": "摄像头"})
    # Hostile text: a clear error, the item alone at fault.
    yield cost("cost-r3-empty", {"item": ""}, error_code="required", error_field="/item")
    yield cost("cost-r3-10000", {"item": "摄像头" * 3334}, error_code="too_large", error_field="/item")
    yield cost("cost-r3-control", {"item": "摄像头\u0007"}, error_code="invalid_value", error_field="/item")
    yield cost("cost-r3-newline-inside", {"item": "摄像\n头"}, error_code="invalid_value", error_field="/item")
    yield cost("cost-r3-zero-width", {"item": "摄像\u200b头"}, error_code="invalid_value", error_field="/item")
    yield cost("cost-r3-cyrillic", {"item": "сamera"}, error_code="invalid_value", error_field="/item")
    yield cost("cost-r3-greek", {"item": "摄像头α"}, error_code="invalid_value", error_field="/item")
    yield cost("cost-r3-latin-and-han", {"item": "IT机房设施建设"}, item="server_room_environment")
    # costs: every readable amount is in one of four totals (contract §9).
    yield costs("r3-costs-unclassified-copy", {"items": [
        {"item": "camera", "amount": "10"}, {"item": "预备费", "amount": "2.5"}, {"item": "staff_salary", "amount": "3"},
        {"item": "computer", "amount": "4", "conditions": {"closely_related": True}},
        {"item": "computer", "amount": "1.5", "conditions": {"assessed": "yes"}}]},
                totals={"included": "10", "excluded": "3", "pending": "4", "unclassified": "4"})
    yield costs("costs-r3-every-line-counted", {"items": [
        {"item": "前端监控点位", "amount": "1121.76"}, {"item": "专线租赁费", "amount": "20"},
        {"item": "建筑工程费", "amount": "100"}, {"item": "摄像头\u0000", "amount": "5"},
        {"item": "服务器", "amount": "-1"}, {"item": "系统运维费", "amount": 0.1},
        {"amount": "7"}, {"item": "camera", "amount": "1", "regime": "baotou"}]},
                totals={"included": "1121.76", "excluded": "0", "pending": "0", "unclassified": "133.1"})


def all_cases():
    yield from cost_cases()
    yield from lookup_cases()
    yield from costs_cases()
    yield from pc_cases()
    yield from regime_cases()
    yield from reading_cases()


def main():
    text = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in all_cases())
    ids = [json.loads(l)["id"] for l in text.splitlines()]
    assert len(ids) == len(set(ids)), "duplicate ids"
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit(f"{OUT} is out of date: run python3 tools/gen_cost_cases.py")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{len(ids)} cases → {OUT}")


if __name__ == "__main__":
    main()
