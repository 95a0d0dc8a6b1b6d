"""Checks the real-table corpus (tests/corpus/tables/) before anyone measures PerfDesk on it.

Every table folder holds the published table as a clerk would have it (source.txt and/or
source.xlsx …), meta.json (where it was found, what layout it is) and expected.json (written by
hand before running PerfDesk: the projects and indicators a lossless import must give, and what a
careful reviewer would send back). This script checks that each folder has the three files, that
meta.json and expected.json follow the schema of the corpus, that every review cites a rule that
exists, and prints the counts (tables, layouts, provinces, projects, indicators). Run it from the
repository root:

    python tests/corpus/check_corpus.py

It exits non-zero, listing every problem, when something is wrong.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

HERE = Path(__file__).resolve().parent
TABLES = HERE / "tables"
sys.path.insert(0, str(HERE.parents[1]))

from perfdesk.checks import RULES  # noqa: E402  (needs the repository root on sys.path)

LAYOUTS = {"detail_form", "disclosure_5col", "flat_grid", "longterm_annual", "self_evaluation",
           "department_whole", "evaluation_indicators", "cost_breakdown", "tree_2015"}
KINDS = {"project_target", "self_evaluation", "department_whole", "evaluation"}
LEVEL1 = {"产出指标", "效益指标", "满意度指标", "成本指标"}
COMPARATORS = {"≥", "≤", "=", ">", "<", ""}
META_KEYS = ("id", "url", "title", "issuer", "province", "city_or_county", "year", "layout",
             "kind", "notes")
FOLDER = re.compile(r"^[a-z]\d{2}_[a-z0-9_]+$")
MIN_INDICATORS = 3


def _decimal(text: object) -> bool:
    if not isinstance(text, str):
        return False
    try:
        Decimal(text)
    except InvalidOperation:
        return False
    return True


def _text(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def check_meta(folder: Path, meta: dict, problems: list[str]) -> None:
    where = f"{folder.name}/meta.json"
    for key in META_KEYS:
        if key not in meta:
            problems.append(f"{where}: 缺少 {key}")
    if meta.get("id") != folder.name:
        problems.append(f"{where}: id {meta.get('id')!r} 与文件夹名不同")
    if not str(meta.get("url", "")).startswith(("http://", "https://")):
        problems.append(f"{where}: url 不是网址")
    year = meta.get("year")
    if not isinstance(year, int) or not 2010 <= year <= 2030:
        problems.append(f"{where}: year {year!r} 不是 2010–2030 的整数")
    layout = meta.get("layout", "")
    if layout not in LAYOUTS and not (isinstance(layout, str) and layout.startswith("other:")
                                      and len(layout) > len("other:")):
        problems.append(f"{where}: layout {layout!r} 不在版式清单中（或 other:<名称>）")
    if meta.get("kind") not in KINDS:
        problems.append(f"{where}: kind {meta.get('kind')!r} 不在 {sorted(KINDS)} 中")
    for key in ("title", "issuer", "province", "notes"):
        if key in meta and not _text(meta[key]):
            problems.append(f"{where}: {key} 为空")
    if "source_complete" in meta and not isinstance(meta["source_complete"], bool):
        problems.append(f"{where}: source_complete 应为 true/false")


def check_indicator(where: str, ind: dict, kind: str, problems: list[str]) -> None:
    for key in ("level1", "level2", "name", "comparator", "value", "unit"):
        if key not in ind:
            problems.append(f"{where}: 缺少 {key}")
        elif not isinstance(ind[key], str):
            problems.append(f"{where}: {key} 应为字符串")
    if ind.get("level1") not in LEVEL1:
        problems.append(f"{where}: 一级指标 {ind.get('level1')!r} 不是 {sorted(LEVEL1)} 之一")
    if not _text(ind.get("name")):
        problems.append(f"{where}: 三级指标名称为空")
    if ind.get("comparator") not in COMPARATORS:
        problems.append(f"{where}: 计算符号 {ind.get('comparator')!r} 不是 ≥ ≤ = > < 或空")
    if "actual" in ind and kind != "self_evaluation":
        problems.append(f"{where}: 只有自评表才有 actual")
    if "weight" in ind and not _decimal(ind["weight"]):
        problems.append(f"{where}: weight {ind['weight']!r} 不是数字字符串")


def check_expected(folder: Path, meta: dict, expected: dict, problems: list[str]) -> tuple[int, int]:
    where = f"{folder.name}/expected.json"
    projects = expected.get("projects")
    if not isinstance(projects, list) or not projects:
        problems.append(f"{where}: projects 为空")
        return 0, 0
    kind = meta.get("kind", "")
    names: dict[str, set[str]] = {}
    indicators = 0
    complete_enough = False
    for p, project in enumerate(projects, start=1):
        pw = f"{where} 项目{p}"
        for key in ("name", "unit", "department", "total_funds", "indicators"):
            if key not in project:
                problems.append(f"{pw}: 缺少 {key}")
        if kind != "department_whole" and not _text(project.get("name")):
            problems.append(f"{pw}: 项目名称为空")
        for key in ("unit", "department"):
            if project.get(key) is not None and not isinstance(project.get(key), str):
                problems.append(f"{pw}: {key} 应为字符串或 null")
        funds = project.get("total_funds")
        if funds is not None and not _decimal(funds):
            problems.append(f"{pw}: total_funds {funds!r} 不是数字字符串（万元）")
        inds = project.get("indicators") or []
        if not isinstance(inds, list):
            problems.append(f"{pw}: indicators 应为列表")
            inds = []
        for i, ind in enumerate(inds, start=1):
            check_indicator(f"{pw} 指标{i}", ind, kind, problems)
        indicators += len(inds)
        names[project.get("name") or ""] = {ind.get("name", "") for ind in inds}
        if len(inds) >= MIN_INDICATORS and not project.get("incomplete"):
            complete_enough = True
        if project.get("incomplete") and meta.get("source_complete", True):
            problems.append(f"{pw}: 项目标为 incomplete，但 meta.json 没有 source_complete: false")
    if not complete_enough and meta.get("source_complete", True):
        problems.append(f"{where}: 没有一个指标不少于 {MIN_INDICATORS} 个的完整项目")
    check_reviews(f"{where} 审核意见", expected.get("review", []), names, problems)
    check_added(where, expected.get("added_after_checker", []), names, problems)
    check_second_review(where, expected, names, problems)
    return len(projects), indicators


def check_reviews(label: str, reviews: list, names: dict[str, set[str]], problems: list[str]) -> None:
    """Entries of ``review`` (or ``second_review``): each names a project of the table, a row of
    it or none, the field, what the reviewer says, and a rule that exists (or null)."""
    for r, review in enumerate(reviews, start=1):
        rw = f"{label}{r}"
        if not isinstance(review, dict):
            problems.append(f"{rw}: 应为对象")
            continue
        if review.get("project") not in names:
            problems.append(f"{rw}: 项目 {review.get('project')!r} 不在 projects 中")
        elif review.get("indicator") is not None and review["indicator"] not in names[review["project"]]:
            problems.append(f"{rw}: 指标 {review['indicator']!r} 不在该项目中")
        if not _text(review.get("field")):
            problems.append(f"{rw}: field 为空")
        if not _text(review.get("reviewer_says")):
            problems.append(f"{rw}: reviewer_says 为空")
        rule = review.get("rule")
        if rule is not None and rule not in RULES:
            problems.append(f"{rw}: 规则 {rule!r} 不在规则清单中")


SECOND_REVIEW_KEYS = {"project", "indicator", "field", "reviewer_says", "rule", "guidance"}


def check_second_review(where: str, expected: dict, names: dict[str, set[str]],
                        problems: list[str]) -> None:
    """``second_review``: a second annotator's review of the same table, written without seeing
    ``review`` or the checker's output. Its entries are shaped like ``review`` entries (checked
    the same way), may cite guidance as a list of G ids that review_guidance.json holds, and say
    what is wrong in Chinese. An empty list says the second annotator found no defect."""
    if "second_review" not in expected:
        return
    entries = expected["second_review"]
    label = f"{where} 第二审核意见"
    if not isinstance(entries, list):
        problems.append(f"{label}: 应为列表")
        return
    check_reviews(label, entries, names, problems)
    ids = {q["id"] for q in
           json.loads((HERE / "review_guidance.json").read_text(encoding="utf-8"))}
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            continue
        ew = f"{label}{n}"
        extra = set(entry) - SECOND_REVIEW_KEYS
        if extra or not {"project", "indicator", "field", "reviewer_says", "rule"} <= set(entry):
            problems.append(f"{ew}: 键应为 project, indicator, field, reviewer_says, rule"
                            f"（guidance 可选），而不是 {sorted(entry)}")
        if _text(entry.get("reviewer_says")) and not re.search(r"[\u4e00-\u9fff]",
                                                                entry["reviewer_says"]):
            problems.append(f"{ew}: reviewer_says 应为中文")
        guidance = entry.get("guidance", [])
        if not isinstance(guidance, list):
            problems.append(f"{ew}: guidance 应为 G 编号的列表")
            continue
        for gid in guidance:
            if gid not in ids:
                problems.append(f"{ew}: 引文 {gid!r} 不在 review_guidance.json 中")


def check_added(where: str, added: list, names: dict[str, set[str]], problems: list[str]) -> None:
    """``added_after_checker``: true defects the annotation missed, found when the checker's
    findings were gone through (kept apart from ``review``). Each names its place and rule,
    says why it was added, and quotes its guidance exactly as review_guidance.json holds it
    (an empty list where that file has none, which the reason must say)."""
    quotes = {q["id"]: q["quote"] for q in
              json.loads((HERE / "review_guidance.json").read_text(encoding="utf-8"))}
    for n, entry in enumerate(added, start=1):
        aw = f"{where} added_after_checker{n}"
        if entry.get("project") not in names:
            problems.append(f"{aw}: 项目 {entry.get('project')!r} 不在 projects 中")
        elif entry.get("indicator") is not None and entry["indicator"] not in names[entry["project"]]:
            problems.append(f"{aw}: 指标 {entry['indicator']!r} 不在该项目中")
        if entry.get("rule") not in RULES:
            problems.append(f"{aw}: 规则 {entry.get('rule')!r} 不在规则清单中")
        for key in ("field", "reviewer_says", "added_because"):
            if not _text(entry.get(key)):
                problems.append(f"{aw}: {key} 为空")
        guidance = entry.get("guidance")
        if not isinstance(guidance, list):
            problems.append(f"{aw}: guidance 应为列表")
            continue
        for g in guidance:
            if quotes.get(g.get("id")) != g.get("quote"):
                problems.append(f"{aw}: {g.get('id')} 的引文与 review_guidance.json 不一致")
        if not guidance and "review_guidance.json" not in entry.get("added_because", ""):
            problems.append(f"{aw}: 没有引文时 added_because 应说明 review_guidance.json 中没有")


def check_folder(folder: Path, problems: list[str]) -> dict | None:
    if not FOLDER.match(folder.name):
        problems.append(f"{folder.name}: 文件夹名应为 <前缀><两位序号>_<拼音>")
    sources = sorted(p.name for p in folder.glob("source.*"))
    if not sources:
        problems.append(f"{folder.name}: 没有 source.* 文件")
    for name in ("meta.json", "expected.json"):
        if not (folder / name).is_file():
            problems.append(f"{folder.name}: 缺少 {name}")
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        problems.append(f"{folder.name}: 读不出 JSON：{error}")
        return None
    check_meta(folder, meta, problems)
    projects, indicators = check_expected(folder, meta, expected, problems)
    return {"id": folder.name, "url": meta.get("url"), "layout": meta.get("layout"),
            "province": meta.get("province"),
            "complete": meta.get("source_complete", True), "sources": sources,
            "projects": projects, "indicators": indicators}


def table_folders(root: Path = TABLES) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def same_source(rows: list[dict]) -> list[str]:
    """Folders holding the same published page (one table counted twice)."""
    seen: dict[str, str] = {}
    problems = []
    for row in rows:
        url = str(row.get("url") or "")
        if url in seen:
            problems.append(f"{row['id']}: 与 {seen[url]} 是同一个公开页面（{url}），同一张表只收一次")
        seen.setdefault(url, row["id"])
    return problems


def main() -> int:
    problems: list[str] = []
    rows = [row for folder in table_folders() if (row := check_folder(folder, problems))]
    problems += same_source(rows)
    layouts = Counter(row["layout"] for row in rows)
    provinces = Counter(row["province"] for row in rows)
    complete = sum(1 for row in rows if row["complete"])
    print(f"tables: {len(rows)} ({complete} complete sources, {len(rows) - complete} partial)")
    print(f"projects: {sum(r['projects'] for r in rows)}, indicators: {sum(r['indicators'] for r in rows)}")
    print(f"layouts ({len(layouts)}): " + ", ".join(f"{k} {v}" for k, v in sorted(layouts.items())))
    print(f"provinces ({len(provinces)}): " + ", ".join(f"{k} {v}" for k, v in sorted(provinces.items())))
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for problem in problems:
            print("  " + problem)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
