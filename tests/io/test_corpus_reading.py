"""Every real table of the corpus imports as its expected.json says (issue 11).

``tests/corpus/tables/<id>/`` holds a published table as a clerk has it (``source.xlsx`` or
``source.txt``…) and, written by hand before PerfDesk ever read it, the projects and indicators
a lossless import gives. This test imports each and compares field by field. It skips only
when the tables folder is absent; ``PERFDESK_CORPUS_DIR`` (one or more folders separated by
``os.pathsep``) points it at corpus folders elsewhere. A summary of agreement per table is
printed (``pytest -s``) and the test fails naming each table that does not import exactly.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from perfdesk.core.errors import PerfDeskError
from perfdesk.io import read_table

HERE = Path(__file__).resolve().parents[1] / "corpus" / "tables"
SOURCES = ("source.xlsx", "source.xls", "source.csv", "source.tsv", "source.txt")


def corpus_dirs() -> list[Path]:
    extra = os.environ.get("PERFDESK_CORPUS_DIR", "")
    roots = [Path(p) for p in extra.split(os.pathsep) if p] if extra else [HERE]
    tables = []
    for root in roots:
        if root.is_dir():
            tables += sorted(d for d in root.iterdir() if (d / "expected.json").is_file())
    return tables


def source_of(folder: Path) -> Path | None:
    return next((folder / n for n in SOURCES if (folder / n).is_file()), None)


def _number(text) -> Decimal | None:
    if text in (None, ""):
        return None
    try:
        return Decimal(str(text).replace(",", ""))
    except InvalidOperation:
        return None


def _same_number(got, wanted) -> bool:
    a, b = _number(got), _number(wanted)
    return a == b if a is not None or b is not None else True


def indicator_differences(got, wanted: dict) -> list[str]:
    """The fields of an imported indicator that differ from what expected.json says."""
    cmp, number, unit = got.value_columns()
    found = {"level1": got.level1, "level2": got.level2, "name": got.name}
    problems = [f"{k}: {found[k]!r} ≠ {wanted.get(k, '')!r}" for k in found
                if (wanted.get(k) or "") != found[k]]
    value = str(wanted.get("value", ""))
    if _number(value) is not None and got.target is not None:
        if not _same_number(got.target, value) or (wanted.get("comparator") or "") != cmp.replace(
                "＝", "=").replace("＞", ">").replace("＜", "<") and (wanted.get("comparator") or
                                                                      "") != cmp:
            problems.append(f"value: {cmp}{number}{unit} ≠ {wanted.get('comparator', '')}{value}")
        elif (wanted.get("unit") or "") != unit:
            problems.append(f"unit: {unit!r} ≠ {wanted.get('unit', '')!r}")
    elif value != got.value_display() and value != number:
        problems.append(f"value: {got.value_display()!r} ≠ {value!r}")
    if "actual" in wanted and str(wanted["actual"] or "") != got.actual:
        problems.append(f"actual: {got.actual!r} ≠ {wanted['actual']!r}")
    for key, field in (("weight", "weight"), ("score", "score")):
        if key in wanted and not _same_number(getattr(got, field), wanted[key]):
            problems.append(f"{key}: {getattr(got, field)} ≠ {wanted[key]}")
    return problems


def compare(folder: Path) -> tuple[bool, int, int, list[str]]:
    """(read fully, indicators matching, indicators expected, differences) for one table."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    wanted_projects = expected.get("projects", [])
    total = sum(len(p.get("indicators", [])) for p in wanted_projects)
    source = source_of(folder)
    if source is None:
        return False, 0, total, ["no source file"]
    try:
        result = read_table(source)
    except PerfDeskError as exc:
        return False, 0, total, [f"refused: {exc}"]
    problems: list[str] = []
    by_name = {p.name: p for p in result.projects}
    matching = 0
    if len(result.projects) != len(wanted_projects):
        problems.append(f"{len(result.projects)} projects ≠ {len(wanted_projects)}")
    for index, wanted in enumerate(wanted_projects):
        got = by_name.get(wanted["name"]) or (result.projects[index]
                                              if index < len(result.projects) else None)
        if got is None:
            problems.append(f"project {wanted['name']!r} missing")
            continue
        for field in ("name", "unit", "department"):
            if field in wanted and (wanted[field] or "") != getattr(got, field):
                problems.append(f"{wanted['name']}: {field} {getattr(got, field)!r} ≠ "
                                f"{wanted[field]!r}")
        if "total_funds" in wanted and not _same_number(got.annual_total, wanted["total_funds"]):
            problems.append(f"{wanted['name']}: total {got.annual_total} ≠ {wanted['total_funds']}")
        indicators = wanted.get("indicators", [])
        if len(got.indicators) != len(indicators):
            problems.append(f"{wanted['name']}: {len(got.indicators)} indicators ≠ "
                            f"{len(indicators)}")
        for i, w in enumerate(indicators):
            if i >= len(got.indicators):
                break
            diff = indicator_differences(got.indicators[i], w)
            if diff:
                problems.append(f"{wanted['name']} #{i + 1} {w.get('name')}: " + "; ".join(diff))
            else:
                matching += 1
    return not problems, matching, total, problems


TABLES = corpus_dirs()


@pytest.mark.skipif(not TABLES and not os.environ.get("PERFDESK_CORPUS_DIR")
                    and not HERE.is_dir(), reason="no corpus tables folder (tests/corpus/tables)")
def test_every_corpus_table_imports_exactly(capsys):
    assert TABLES, "the corpus folder holds no table with an expected.json"
    report, failed = [], []
    fully = matched = expected = 0
    for folder in TABLES:
        ok, matching, total, problems = compare(folder)
        fully += ok
        matched += matching
        expected += total
        report.append(f"{'OK ' if ok else 'NO '} {folder.name}: {matching}/{total} indicators"
                      + ("" if ok else "\n      " + "\n      ".join(problems[:8])))
        if not ok:
            failed.append(folder.name)
    with capsys.disabled():
        print(f"\nreal tables: {fully}/{len(TABLES)} import exactly; "
              f"indicators matching: {matched}/{expected}")
        print("\n".join(report))
    assert not failed, f"tables not imported exactly: {', '.join(failed)}"
