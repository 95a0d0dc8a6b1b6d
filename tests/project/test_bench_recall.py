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


def test_the_figure_against_both_annotations_counts_a_defect_both_name_once(tmp_path):
    """Against ``review`` ∪ ``second_review``: a row only the second annotator faulted is no
    longer a false finding, and a comment both annotators wrote (same project, row and rule)
    counts once; the figure as annotated is unchanged by the second annotation."""
    folder = _table(tmp_path, cut=False)
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    on_goal = {"project": "培训项目", "indicator": "培训场次", "field": "指标值",
               "reviewer_says": "请写明培训对象。", "rule": "VAL-02"}
    expected["review"] = [on_goal]
    cut_row = "完工项目县规模养殖场畜禽粪污处理"
    expected["second_review"] = [
        {**on_goal, "reviewer_says": "同一缺陷，第二位审核人也写了。"},
        {"project": "培训项目", "indicator": cut_row, "field": "指标值",
         "reviewer_says": "没有指标值。", "rule": "ROW-01"}]
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False),
                                          encoding="utf-8")
    first = bench_recall.Tally()
    _n, first_comments, _h, first_false = bench_recall.run_table(folder, first)
    both = bench_recall.Tally()
    _n, both_comments, _h, both_false = bench_recall.run_table(folder, both, both=True)
    assert (first_comments, both_comments) == (1, 2)
    assert _on_row(first.false) and _on_row(both.false) == []
    assert both_false == first_false - len(_on_row(first.false))
    assert [r["rule"] for r in bench_recall.reviews(expected, added=False, both=True)] == [
        "VAL-02", "ROW-01"]
    assert bench_recall.reviews(expected, added=False) == [on_goal]


def test_a_second_review_entry_on_a_row_a_review_names_in_also_rows_is_the_same_defect():
    first = [{"project": "P", "indicator": "甲", "also_rows": ["乙"], "rule": "VAL-04"}]
    second = [{"project": "P", "indicator": "乙", "rule": "VAL-04"},
              {"project": "P", "indicator": "乙", "rule": "VAL-02"},
              {"project": "P", "indicator": "乙", "rule": "VAL-02"}]
    assert bench_recall.second_only(first, second) == [second[1]]


def test_one_defect_the_two_annotators_name_by_two_rules_of_a_pair_counts_once_by_either():
    """效果明显 faulted as VAL-11 (not a grade) by one annotator and as VAL-07 (vague) by the
    other, each their one comment on the cell: one defect, answered by either rule. Two rules
    outside the declared pairs, or an annotator with two comments on the cell, are two defects."""
    cell = {"project": "P", "indicator": "甲", "field": "指标值"}
    first = [{**cell, "rule": "VAL-11"}, {**cell, "indicator": "乙", "rule": "VAL-02"},
             {**cell, "indicator": "丙", "rule": "VAL-11"}, {**cell, "indicator": "丙", "rule": "VAL-04"}]
    second = [{**cell, "field": "value", "rule": "VAL-07"},  # the field's English name, same cell
              {**cell, "indicator": "乙", "rule": "VAL-07"},  # vague AND no comparator: two
              {**cell, "indicator": "丙", "rule": "VAL-07"}]  # 丙 has two comments of the first
    assert bench_recall.second_only(first, second) == second[1:]
    merged = bench_recall.one_defect_two_names(first, second)
    assert merged[0] == {**first[0], "either_rules": ["VAL-07"]} and merged[1:] == first[1:]
    expected = {"review": first, "second_review": second}
    assert len(bench_recall.reviews(expected, added=False, both=True)) == 6
    assert bench_recall.reviews(expected, added=False) == first  # the first figure: as written


def _numbered_table(tmp_path: Path, prefix: str) -> Path:
    folder = tmp_path / ("numbered" if prefix else "plain")
    folder.mkdir()
    source = ("项目名称\t培训项目\n主管部门\t某部门\t实施单位\t某单位\n"
              "年度资金总额\t10\n年度目标\t举办培训10场。\n"
              "一级指标\t二级指标\t三级指标\t指标值\n"
              f"产出指标\t数量指标\t{prefix}培训场次\t≥10场\n"
              f"效益指标\t社会效益指标\t{prefix}政策知晓率\t≥90%\n")
    (folder / "source.txt").write_text(source, encoding="utf-8")
    expected = {"projects": [{"name": "培训项目", "unit": "某单位", "department": "某部门",
                              "total_funds": "10", "goal": "举办培训10场。",
                              "indicators": [dict(r) for r in ROWS[:2]]}],
                "review": [{"project": "培训项目", "indicator": "培训场次", "rule": "ROW-04",
                            "reviewer_says": "名称前留有模板编号“指标1:”。"}]}
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False),
                                          encoding="utf-8")
    return folder


def test_a_template_number_is_answered_at_import_only_where_the_import_takes_it_off(tmp_path):
    """ROW-04 on 指标1:培训场次: the re-entered form has the name as a clerk reads it; the
    comment counts as answered at import only when importing that table's own source took
    the number off that row and said so."""
    numbered = bench_recall.Tally()
    _n, comments, hit, _f = bench_recall.run_table(_numbered_table(tmp_path, "指标1:"), numbered)
    assert (comments, hit, numbered.at_import_numbering) == (1, 1, 1)
    plain = bench_recall.Tally()
    _n, comments, hit, _f = bench_recall.run_table(_numbered_table(tmp_path, ""), plain)
    assert (comments, hit, plain.at_import_numbering) == (1, 0, 0)
    assert plain.missed and "ROW-04" in plain.missed[0]


def _funds_table(tmp_path: Path, total: str) -> Path:
    folder = tmp_path / ("text" if "(" in total else "amount")
    folder.mkdir()
    source = ("项目名称\t培训项目\n主管部门\t某部门\t实施单位\t某单位\n"
              f"年度资金总额\t{total}\n年度目标\t举办培训10场。\n"
              "一级指标\t二级指标\t三级指标\t指标值\n"
              "产出指标\t数量指标\t培训场次\t≥10场\n效益指标\t社会效益指标\t政策知晓率\t≥90%\n")
    (folder / "source.txt").write_text(source, encoding="utf-8")
    expected = {"projects": [{"name": "培训项目", "unit": "某单位", "department": "某部门",
                              "total_funds": "10", "goal": "举办培训10场。",
                              "indicators": [dict(r) for r in ROWS[:2]]}],
                "review": [{"project": "培训项目", "indicator": None, "rule": "FUND-04",
                            "reviewer_says": "年度资金总额写成了文字，请只填金额。"}]}
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False),
                                          encoding="utf-8")
    return folder


def test_funding_written_as_text_is_found_on_the_imported_table_only_where_it_is_so(tmp_path):
    """The re-entered form's money cells hold numbers; a FUND-04 comment counts where checking
    the table as imported from its own source reports FUND-04, apart from the checks."""
    text = bench_recall.Tally()
    _n, comments, hit, _f = bench_recall.run_table(
        _funds_table(tmp_path, "10万(培训6万元,资料4万元)"), text)
    assert (comments, hit, text.on_import) == (1, 1, 1)
    amount = bench_recall.Tally()
    _n, comments, hit, _f = bench_recall.run_table(_funds_table(tmp_path, "10"), amount)
    assert (comments, hit, amount.on_import) == (1, 0, 0)

def test_a_date_serial_counts_as_answered_at_import_only_where_the_import_reads_it(tmp_path):
    """a09 publishes 2021年12月31日 as the Excel serial 44,561: importing the table's own source
    reads it as the date and says so (a notice naming the serial and the date), which answers a
    reviewer's VAL-13 "请写成日期" there, and nowhere the import does not do it."""
    folder = _PATH.parents[1] / "tests" / "corpus" / "tables" / "a09_neimenggu_wuhai_zaisheng"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    project = expected["projects"][0]["name"]
    for row in ("项目财政资金到位时间", "工作计划按时完成时间"):
        assert bench_recall.import_reads_date_serial(folder, expected, project, row)
    assert not bench_recall.import_reads_date_serial(folder, expected, project, "出差人数")
    # the same expected.json with no source beside it: nothing was read at import
    bare = tmp_path / "a09_without_source"
    bare.mkdir()
    assert not bench_recall.import_reads_date_serial(bare, expected, project, "项目财政资金到位时间")
