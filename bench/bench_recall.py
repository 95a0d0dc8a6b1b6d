"""How far the checker agrees with a reviewer on real tables (issue 12).

For every table of the real-tables corpus (``tests/corpus/tables/<id>/expected.json``; another
folder with ``PERFDESK_CORPUS_DIR``, several separated by ``:``), the projects and indicators
a careful clerk would get are re-entered as by hand in the official form (each row's cells
through the one reader of a row, :class:`perfdesk.core.entry.IndicatorRowReader`), checked,
and compared with the ``review`` list — what a careful reviewer sends back:

- **recall**: of the reviewer's comments that name a rule, how many a finding of that rule
  matches at the same project and indicator (the header for comments on no indicator);
- **at the place**: of all comments (with or without a rule), how many have some error or
  warning at that project and indicator;
- **false findings**: errors and warnings at indicators (or header rules) the reviewer did not
  fault, per 20 indicators; each one is listed.

Usage: ``python bench/bench_recall.py [-v]`` (``-v`` lists every missed comment too).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from perfdesk.checks import CheckContext, Severity, check_projects  # noqa: E402
from perfdesk.core.entry import IndicatorRowReader  # noqa: E402
from perfdesk.core.model import Project  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CELLS = ("level1", "level2", "name", "comparator", "value", "unit", "weight", "explanation",
         "basis")
SERIOUS = (Severity.ERROR, Severity.WARNING)
# The corpus was annotated with the IDs of shared/spec/rules.md; the rules of issue 12 that
# split a kind out of an old rule answer a comment naming the old one.
SPLIT_FROM = {"IN-01": {"IN-02"}, "ROW-03": {"ROW-04"}, "VAL-12": {"ROW-05"}}


def corpus_dirs() -> list[Path]:
    given = os.environ.get("PERFDESK_CORPUS_DIR")
    if given:
        return [Path(p) for p in given.split(os.pathsep) if p]
    return [ROOT / "tests" / "corpus" / "tables"]


def _money(text) -> Decimal | None:
    if text in (None, ""):
        return None
    try:
        return Decimal(str(text).replace(",", "").strip())
    except InvalidOperation:
        return None


def _years(text) -> tuple[int | None, int | None]:
    found = [int(y) for y in re.findall(r"(?:19|20)\d{2}", str(text or ""))]
    return (found[0], found[-1]) if found else (None, None)


def profile_of(expected: dict) -> str:
    level1s = {i.get("level1") for p in expected["projects"] for i in p["indicators"]}
    return "101" if "成本指标" in level1s else "88"


def build(expected: dict, profile: str) -> list[Project]:
    """The expected projects as a clerk types them into the official form."""
    projects = []
    for p in expected["projects"]:
        reader = IndicatorRowReader(profile)
        indicators = []
        for row in p["indicators"]:
            cells = {k: str(row.get(k) or "") for k in CELLS}
            indicators.append(reader.read(cells).indicator)
        start, end = _years(p.get("period"))
        projects.append(Project(
            name=p.get("name") or "", unit=p.get("unit") or "",
            department=p.get("department") or "", attribute=p.get("attribute") or "",
            annual_total=_money(p.get("total_funds")),
            annual_fiscal=_money(p.get("funds_financial")),
            annual_other=_money(p.get("funds_other")),
            annual_goal=p.get("goal") or "",
            midterm_goal=p.get("longterm_goal") or p.get("goal_longterm") or "",
            period_start=start, period_end=end, indicators=indicators))
    return projects


class Tally:
    def __init__(self) -> None:
        self.per_rule = Counter()  # rule -> comments naming it
        self.hit_rule = Counter()  # rule -> matched by that rule at the place
        self.comments = self.at_place = self.indicators = 0
        self.false: list[str] = []
        self.missed: list[str] = []
        self.tables = 0


def run_table(folder: Path, tally: Tally) -> tuple[int, int, int, int]:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    year = None
    meta_file = folder / "meta.json"
    if meta_file.exists():
        year = json.loads(meta_file.read_text(encoding="utf-8")).get("year")
    profile = profile_of(expected)
    projects = build(expected, profile)
    found = check_projects(projects, CheckContext(profile=profile, budget_year=year))
    by_name = {p.name: p for p in projects}
    places: dict[tuple[str, str | None], set[str]] = {}  # (project, indicator) -> rules there
    for project in projects:
        names = {i.uuid: i.name for i in project.indicators}
        for f in found[project.uuid]:
            if f.severity in SERIOUS or True:
                key = (project.name, names.get(f.indicator_uuid) if f.indicator_uuid else None)
                places.setdefault(key, set()).add((f.rule, f.severity))
    faulted: dict[tuple[str, str | None], set] = {}
    n_comments = n_hit = 0
    for r in expected.get("review", []):
        key = (r.get("project") or "", r.get("indicator"))
        if key[0] not in by_name and len(projects) == 1:
            key = (projects[0].name, key[1])
        faulted.setdefault(key, set()).add(r.get("rule"))
        there = places.get(key, set())
        tally.comments += 1
        if any(sev in SERIOUS for _rule, sev in there) or any(
                rule == r.get("rule") for rule, _sev in there):
            tally.at_place += 1
        rule = r.get("rule")
        if rule:
            n_comments += 1
            tally.per_rule[rule] += 1
            if key[1] is None:  # a remark on the whole table: that rule anywhere in it
                there = {x for k, v in places.items() if k[0] == key[0] for x in v}
            answers = {rule} | SPLIT_FROM.get(rule, set())
            if any(found_rule in answers for found_rule, _sev in there):
                tally.hit_rule[rule] += 1
                n_hit += 1
            else:
                tally.missed.append(f"{folder.name} · {key[1] or '（表头）'} · {rule} · "
                                    f"{r.get('reviewer_says', '')[:60]}")
    n_false = 0
    for key, rules in places.items():
        for rule, sev in sorted(rules):
            if sev not in SERIOUS:
                continue
            comments = faulted.get(key)
            if key[1] is not None and comments:
                continue  # the reviewer faulted this indicator
            if key[1] is None and comments and (rule in comments or None in comments):
                continue
            n_false += 1
            tally.false.append(f"{folder.name} · {key[1] or '（表头）'} · {rule} {sev.value}")
    n_ind = sum(len(p.indicators) for p in projects)
    tally.indicators += n_ind
    tally.tables += 1
    return n_ind, n_comments, n_hit, n_false


def main(argv: list[str]) -> int:
    tally = Tally()
    folders = sorted(f for d in corpus_dirs() if d.exists()
                     for f in d.iterdir() if (f / "expected.json").exists())
    if not folders:
        print("没有找到语料表（PERFDESK_CORPUS_DIR）。")
        return 1
    print(f"{'table':<34}{'ind':>5}{'ruled':>7}{'hit':>5}{'false':>7}")
    for folder in folders:
        n_ind, n_comments, n_hit, n_false = run_table(folder, tally)
        print(f"{folder.name:<34}{n_ind:>5}{n_comments:>7}{n_hit:>5}{n_false:>7}")
    ruled = sum(tally.per_rule.values())
    hit = sum(tally.hit_rule.values())
    print()
    print(f"tables {tally.tables}, indicators {tally.indicators}, reviewer comments "
          f"{tally.comments} ({ruled} naming a rule)")
    print(f"recall (same rule, same place): {hit}/{ruled} = {hit / max(ruled, 1):.0%}")
    print(f"some error/warning at the place of a comment: {tally.at_place}/{tally.comments} = "
          f"{tally.at_place / max(tally.comments, 1):.0%}")
    per20 = len(tally.false) / max(tally.indicators, 1) * 20
    print(f"false errors/warnings: {len(tally.false)} ({per20:.2f} per 20 indicators)")
    print()
    print("recall per rule:")
    for rule, n in sorted(tally.per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {rule:<8}{tally.hit_rule[rule]:>3}/{n:<3}")
    print()
    print("false findings:")
    for line in tally.false:
        print("  " + line)
    if "-v" in argv:
        print()
        print("missed comments:")
        for line in tally.missed:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
