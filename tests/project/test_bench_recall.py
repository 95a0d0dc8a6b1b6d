"""bench/bench_recall.py (issue 12): what it counts as a false finding."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "bench" / "bench_recall.py"
_spec = importlib.util.spec_from_file_location("bench_recall", _PATH)
bench_recall = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = bench_recall
_spec.loader.exec_module(bench_recall)

ROWS = [
    {"level1": "产出指标", "level2": "数量指标", "name": "培训场次", "comparator": "≥",
     "value": "10", "unit": "场"},
    {"level1": "效益指标", "level2": "社会效益指标", "name": "政策知晓率", "comparator": "≥",
     "value": "90", "unit": "%"},
    # the stored copy of the page ends inside this row's name (c03's last row)
    {"level1": "效益指标", "level2": "", "name": "完工项目县规模养殖场畜禽粪污处理",
     "comparator": "", "value": "", "unit": ""},
]


def _table(tmp_path: Path, cut: bool) -> Path:
    rows = [dict(r) for r in ROWS]
    if cut:
        rows[-1]["truncated"] = True
    folder = tmp_path / ("cut" if cut else "whole")
    folder.mkdir()
    expected = {"projects": [{"name": "培训项目", "unit": "某单位", "department": "某部门",
                              "total_funds": "10", "goal": "举办培训10场。",
                              "indicators": rows}], "review": []}
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False),
                                          encoding="utf-8")
    return folder


def _on_row(lines: list[str]) -> list[str]:
    """The findings listed on the cut row, without the table's folder name."""
    return [line.split(" · ", 1)[1] for line in lines if "完工项目县规模养殖场畜禽粪污处理" in line]


def test_findings_on_a_row_the_stored_copy_cut_are_left_out_of_the_false_count(tmp_path):
    whole = bench_recall.Tally()
    _n, _c, _h, false_whole = bench_recall.run_table(_table(tmp_path, cut=False), whole)
    assert _on_row(whole.false)  # the same row, not marked cut: its findings count as false
    cut = bench_recall.Tally()
    _n, _c, _h, false_cut = bench_recall.run_table(_table(tmp_path, cut=True), cut)
    assert _on_row(cut.false) == []
    assert _on_row(cut.on_cut_rows) == _on_row(whole.false)  # listed apart, and only those
    assert len(cut.on_cut_rows) == len(_on_row(whole.false))
    assert false_cut == false_whole - len(cut.on_cut_rows)
