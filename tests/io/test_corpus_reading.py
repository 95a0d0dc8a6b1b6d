"""Every real table of the corpus imports as its expected.json says, or is a known gap (issue 11).

``tests/corpus/tables/<id>/`` holds a published table as a clerk has it (``source.xlsx`` or
``source.txt``…) and, written by hand before PerfDesk ever read it, the projects and indicators
a lossless import gives. This test imports each and compares field by field
(:mod:`tests/corpus/agreement.py <agreement>`). It is a ratchet: ``known_gaps.json`` lists the
tables that do not import exactly yet, each with its reason; the test fails when a table not
listed is not exact, and when a listed table has become exact (take it off the list). It
skips only when the tables folder is absent; ``PERFDESK_CORPUS_DIR`` (folders separated by
``os.pathsep``) points it at corpus folders elsewhere. ``pytest -s`` prints
``real tables: N/M import exactly`` with the count per layout and each table's differences.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "corpus" / "agreement.py"
_spec = importlib.util.spec_from_file_location("corpus_agreement", _PATH)
agreement = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = agreement  # its dataclasses look their module up
_spec.loader.exec_module(agreement)

TABLES = agreement.corpus_dirs()


@pytest.mark.skipif(not TABLES and not os.environ.get("PERFDESK_CORPUS_DIR")
                    and not agreement.HERE.is_dir(),
                    reason="no corpus tables folder (tests/corpus/tables)")
def test_every_corpus_table_imports_exactly_or_is_a_known_gap(capsys):
    assert TABLES, "the corpus folder holds no table with an expected.json"
    results = agreement.measure(TABLES)
    gaps = agreement.known_gaps()
    with capsys.disabled():
        print("\n" + agreement.summary(results))
        print(agreement.report(results))
    names = {r.folder.name for r in results}
    unlisted, closed = agreement.ratchet(results, gaps)
    assert not unlisted, f"tables not imported exactly (and not in known_gaps.json): {unlisted}"
    assert not closed, f"now exact, take them off known_gaps.json: {closed}"
    if not os.environ.get("PERFDESK_CORPUS_DIR"):
        assert set(gaps) <= names, f"known_gaps.json names no such table: {set(gaps) - names}"
        assert all(isinstance(why, str) and why.strip() and "\n" not in why
                   for why in gaps.values()), "each known gap needs its reason in one line"


def test_the_ratchet_fails_both_ways():
    """A table that is not exact and not listed is reported, and so is one listed but exact:
    the list of gaps can only shrink."""
    def result(name, exact):
        return agreement.Agreement(Path(name), "detail_form", exact, 0, 0, [])

    results = [result("x01_exact", True), result("x02_gap", False), result("x03_new", False),
               result("x04_fixed", True)]
    gaps = {"x02_gap": "why", "x04_fixed": "was a gap"}
    assert agreement.ratchet(results, gaps) == (["x03_new"], ["x04_fixed"])
    assert agreement.summary(results).startswith(
        "real tables: 2/4 import exactly (detail_form 2/4)")


def test_every_stated_field_the_model_holds_is_compared():
    """The funding split, the codes, 项目属性, 项目期 and the mid-term fields of a project, and
    an indicator's 指标解释, 设定依据 and 未完成原因, each differ when the import differs."""
    from decimal import Decimal

    from perfdesk.core.model import Indicator, Project

    project = Project(name="某项目", annual_fiscal=Decimal(30), unit_code="610001",
                      attribute="延续", period_start=2023, period_end=2024, period_start_month=7,
                      period_end_month=1, midterm_goal="三年完成", midterm_total=Decimal(90),
                      code="P001")
    wanted = {"name": "某项目", "funds_financial": "30", "funds_other": None,
              "unit_code": "610001", "attribute": "延续", "period": "2023.07-2024.01",
              "goal_longterm": "三年完成", "mid_term_funds": "90", "project_code": "P001"}
    assert agreement.project_field_differences(project, wanted) == []
    changed = {"funds_financial": "31", "funds_other": "0", "unit_code": "610002",
               "attribute": "新增", "period": "2023-2024", "goal_longterm": "两年完成",
               "mid_term_funds": "91", "project_code": "P002"}
    for key, value in changed.items():
        differences = agreement.project_field_differences(project, {**wanted, key: value})
        assert len(differences) == 1 and key in differences[0], (key, differences)
    indicator = Indicator(name="开放天数", explanation="反映开放情况", basis="上年数",
                          shortfall="设备检修")
    fields = {"explanation": "反映开放情况", "basis": "上年数", "reason": "设备检修"}
    assert agreement.indicator_field_differences(indicator, fields) == []
    for key in fields:
        differences = agreement.indicator_field_differences(indicator, {**fields, key: "别的"})
        assert len(differences) == 1 and key in differences[0]


def test_a_correction_keeps_the_annotation_as_written_and_must_match_it():
    """A correction found after the run names the value as first written: it is applied only
    when the annotation still holds that value, and it needs its reason."""
    expected = {"projects": [{"name": "甲", "funds_other": "0"}], "corrections": [
        {"project": "甲", "field": "funds_other", "as_written": "0", "corrected": None,
         "why": "上级资金 is no 其他资金", "when": "stop 23"}]}
    assert agreement.corrected(expected) == [{"name": "甲", "funds_other": None}]
    assert expected["projects"] == [{"name": "甲", "funds_other": "0"}]  # kept as written
    mismatch = {**expected, "corrections": [{**expected["corrections"][0], "as_written": "5"}]}
    with pytest.raises(ValueError, match="does not hold"):
        agreement.corrected(mismatch)
    unexplained = {**expected, "corrections": [{**expected["corrections"][0], "why": " "}]}
    with pytest.raises(ValueError, match="needs exactly"):
        agreement.corrected(unexplained)
