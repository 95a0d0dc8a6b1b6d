"""Checks the reviewer-guidance corpus files before anyone builds rules on them.

`review_guidance.json` (quotations from published review guidance), `reviewer_rules.md` (the
rules proposed from them) and `indicator_suggestions.json` (measurable replacement indicators)
are hand-made data. This script keeps them consistent: every quotation is complete and maps to a
rule in the kind map of `reviewer_rules.md`, every G-id the rules cite exists (and every quotation
is cited), and every suggested indicator would itself pass the checks the rules propose (right
categories, a number or a grade as its target, a unit that can measure its name, money for cost,
satisfaction under 满意度指标, 100% for entitlements). Run it from the repository root:

    python tests/corpus/validate_corpus.py

It prints the counts and exits non-zero, listing every problem, when something is wrong.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from perfdesk.core.taxonomy import (  # noqa: E402  (needs the repository root on sys.path)
    BASES, COMPARATORS, DEFAULT_GRADES, PROFILES, QUALITATIVE, QUANTITATIVE)

GUIDANCE_KEYS = ("id", "quote", "document", "issuer", "year", "url", "kind", "paraphrase_zh",
                 "fix_zh")
SUGGESTION_KEYS = ("project_kind", "keywords", "level1", "level2", "name", "nature", "comparator",
                   "target", "unit", "explanation", "standard", "source", "source_url")
PROJECT_KINDS = ("培训", "信息系统运维", "基础设施/道路", "补贴补助发放", "机关运转", "宣传", "检查执法",
                 "环境卫生保洁", "医疗卫生服务", "教育")
MIN_QUOTES, MIN_SUGGESTIONS, MIN_PER_KIND = 30, 60, 5

RULE_ID = re.compile(r"^[A-Z]{2,4}-\d{2}$")
CJK = re.compile(r"[\u4e00-\u9fff]")
RATE_NAME = re.compile(r"(率|比例|比重|占比|满意度)$")
MONEY_UNIT = re.compile(r"^(亿元|万元|千元|元)(/.+)?$")
DATE_TARGET = re.compile(
    r"^(\d{4}年)?\d{1,2}月(\d{1,2}日)?(底|末)?(前|之前|以前)?$|^\d{4}年(底|末)?(前|之前)?$|"
    r"^(\d{4}年)?\d{1,2}(月)?[-—–~～至到]+(\d{4}年)?\d{1,2}月$|^全年$|^年内$")
ENTITLEMENT_NAME = re.compile(r"(补助|补贴|救助|资助|助学金).*(发放率|覆盖率)$")
TASK_PUNCTUATION = re.compile(r"[，。；！？,;]")


def kind_rows(rules_text: str) -> list[list[str]]:
    """The rows of reviewer_rules.md's kind map: kind | rule | severity | sources."""
    rows = []
    for line in rules_text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and (cells[0].startswith("NEW:") or RULE_ID.match(cells[0])):
            rows.append(cells)
    return rows


def kind_map(rules_text: str) -> dict[str, str]:
    """Kind → rule ID, from the kind map ("| NEW:x | VAL-14 | … |")."""
    return {row[0]: row[1] for row in kind_rows(rules_text)}


def records(items, file: str, keys: tuple[str, ...], minimum: int, problems: list[str]):
    """(number, where, record) for each record of a JSON list that has exactly ``keys``."""
    if not isinstance(items, list) or len(items) < minimum:
        problems.append(f"{file}: need a list of at least {minimum} records")
        return
    for n, item in enumerate(items, 1):
        where = f"{file} #{n}"
        if isinstance(item, dict) and tuple(item) == keys:
            yield n, where, item
        else:
            problems.append(f"{where}: keys must be exactly {keys}")


def check_guidance(quotes, rules_text: str, problems: list[str]) -> Counter:
    kinds = kind_map(rules_text)
    seen = set()
    for n, where, q in records(quotes, "review_guidance.json", GUIDANCE_KEYS, MIN_QUOTES,
                               problems):
        if q["id"] != f"G{n:02d}" or q["id"] in seen:
            problems.append(f"{where}: id {q['id']!r} should be G{n:02d} and unique")
        seen.add(q["id"])
        for key in ("quote", "document", "issuer", "url", "paraphrase_zh", "fix_zh"):
            if not isinstance(q[key], str) or not q[key].strip():
                problems.append(f"{where} ({q['id']}): {key} is empty")
        if not q["url"].startswith(("http://", "https://")):
            problems.append(f"{q['id']}: url is not an address")
        if len(q["quote"]) > 400:
            problems.append(f"{q['id']}: a quotation is a sentence or two, not {len(q['quote'])} "
                            "characters")
        if q["year"] is not None and not (isinstance(q["year"], int) and 1990 <= q["year"] <= 2030):
            problems.append(f"{q['id']}: year must be a year or null, not {q['year']!r}")
        for key in ("paraphrase_zh", "fix_zh"):
            if not CJK.search(q[key]):
                problems.append(f"{q['id']}: {key} must be Chinese")
        if q["kind"] not in kinds:
            problems.append(f"{q['id']}: kind {q['kind']!r} is not in the kind map of "
                            "reviewer_rules.md")
    kind_of = {q["id"]: q["kind"] for q in quotes if isinstance(q, dict) and "id" in q}
    listed = {}
    for kind, _rule, _severity, sources in kind_rows(rules_text):
        for gid in re.findall(r"\bG\d{2}\b", sources):
            listed[gid] = kind
            if kind_of.get(gid, kind) != kind:
                problems.append(f"kind map lists {gid} under {kind}, but its kind is {kind_of[gid]}")
    for gid, kind in kind_of.items():
        if gid not in listed:
            problems.append(f"{gid} ({kind}) is missing from the sources column of the kind map")
    cited = set(re.findall(r"\bG\d{2}\b", rules_text))
    for gid in sorted(cited - seen):
        problems.append(f"reviewer_rules.md cites {gid}, which review_guidance.json lacks")
    for gid in sorted(seen - cited):
        problems.append(f"{gid} is never cited in reviewer_rules.md")
    rules = (kinds.get(q["kind"], "") for q in quotes if isinstance(q, dict))
    return Counter(rule for rule in rules if RULE_ID.match(rule))


def check_suggestion(s: dict, where: str, problems: list[str]) -> None:
    level2s = PROFILES["88"].get(s["level1"], ())
    if s["level2"] not in level2s:
        problems.append(f"{where}: {s['level1']}/{s['level2']} is not in profile 88")
    if s["nature"] not in (QUANTITATIVE, QUALITATIVE):
        problems.append(f"{where}: nature {s['nature']!r}")
    if s["standard"] not in BASES:
        problems.append(f"{where}: standard {s['standard']!r} is not one of {BASES}")
    if not isinstance(s["keywords"], list) or not s["keywords"]:
        problems.append(f"{where}: keywords must be a non-empty list")
    if s["source_url"] is not None and not s["source"]:
        problems.append(f"{where}: a source_url needs its source")
    if s["source_url"] is not None and not s["source_url"].startswith(("http://", "https://")):
        problems.append(f"{where}: source_url is not an address")
    name, unit, target = s["name"], s["unit"], s["target"]
    if len(name) > 25 or TASK_PUNCTUATION.search(name):
        problems.append(f"{where}: the name reads as a sentence (ROW-05)")
    if s["nature"] == QUALITATIVE:
        if s["comparator"] or unit or target not in DEFAULT_GRADES:
            problems.append(f"{where}: a 定性 indicator needs a grade, no comparator, no unit")
        return
    if s["comparator"] == "":
        if s["level2"] != "时效指标" or not DATE_TARGET.match(target):
            problems.append(f"{where}: only a 时效 date or period may go without a comparator")
        return
    if s["comparator"] not in COMPARATORS:
        problems.append(f"{where}: comparator {s['comparator']!r}")
    try:
        number = Decimal(target)
    except InvalidOperation:
        problems.append(f"{where}: target {target!r} is not a decimal")
        return
    if not unit:
        problems.append(f"{where}: a number needs a unit (VAL-04)")
    if RATE_NAME.search(name) and unit != "%":
        problems.append(f"{where}: a rate is measured in % (UNIT-01)")
    if unit == "%" and not RATE_NAME.search(name):
        problems.append(f"{where}: % needs a rate as its name (UNIT-01)")
    if unit == "%" and not Decimal(0) <= number <= Decimal(100):
        problems.append(f"{where}: a rate outside 0–100% (VAL-06)")
    if s["level2"] == "成本指标" and not MONEY_UNIT.match(unit):
        problems.append(f"{where}: a cost indicator must be money (COST-01)")
    if s["level2"] == "数量指标" and unit == "%":
        problems.append(f"{where}: a quantity given as a rate (VAL-15)")
    if ("满意度" in name or "满意率" in name) != (s["level1"] == "满意度指标"):
        problems.append(f"{where}: satisfaction goes under 满意度指标 and only there (SAT-04)")
    if ENTITLEMENT_NAME.search(name) and (s["comparator"], number) != ("＝", Decimal(100)):
        problems.append(f"{where}: an entitlement is ＝100% (VAL-16)")


def check_suggestions(items, problems: list[str]) -> Counter:
    names, per_kind = set(), Counter()
    for _n, where, s in records(items, "indicator_suggestions.json", SUGGESTION_KEYS,
                                MIN_SUGGESTIONS, problems):
        per_kind[s["project_kind"]] += 1
        where += f" ({s['project_kind']}/{s['name']})"
        if s["project_kind"] not in PROJECT_KINDS:
            problems.append(f"{where}: unknown project kind")
        if (s["project_kind"], s["name"]) in names:
            problems.append(f"{where}: listed twice")
        names.add((s["project_kind"], s["name"]))
        check_suggestion(s, where, problems)
    for kind in PROJECT_KINDS:
        if per_kind[kind] < MIN_PER_KIND:
            problems.append(f"indicator_suggestions.json: {kind} has {per_kind[kind]} entries, "
                            f"fewer than {MIN_PER_KIND}")
    return per_kind


def main() -> int:
    problems: list[str] = []
    rules_text = (HERE / "reviewer_rules.md").read_text(encoding="utf-8")
    quotes = json.loads((HERE / "review_guidance.json").read_text(encoding="utf-8"))
    items = json.loads((HERE / "indicator_suggestions.json").read_text(encoding="utf-8"))
    by_rule = check_guidance(quotes, rules_text, problems)
    per_kind = check_suggestions(items, problems)
    kinds = kind_map(rules_text)
    unsourced = sorted(k for k in kinds if k not in {q.get("kind") for q in quotes})
    print(f"quotations: {len(quotes)} from {len({q['url'] for q in quotes})} pages, "
          f"supporting {len(by_rule)} rules")
    print(f"kinds in the map: {len(kinds)}; without a quotation: {', '.join(unsourced) or 'none'}")
    print(f"suggestions: {len(items)} ({', '.join(f'{k} {n}' for k, n in per_kind.items())}); "
          f"with a published source: {sum(1 for s in items if s.get('source'))}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
