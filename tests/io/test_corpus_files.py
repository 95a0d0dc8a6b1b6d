"""The real-table corpus is well formed: each table folder a clerk's file, its source and its expectation.

PerfDesk's reading of these tables is measured elsewhere; this only holds the corpus to its schema
(tests/corpus/check_corpus.py), so that a table added by hand with a missing file, an unknown
layout, a level-1 label that is not one, or a review citing a rule that does not exist is caught
before anyone measures PerfDesk against it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
_spec = importlib.util.spec_from_file_location("check_corpus", CORPUS / "check_corpus.py")
check_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_corpus)

FOLDERS = check_corpus.table_folders()


def test_the_corpus_has_tables():
    assert len(FOLDERS) >= 10


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_each_table_follows_the_corpus_schema(folder):
    problems: list[str] = []
    row = check_corpus.check_folder(folder, problems)
    assert problems == []
    assert row["projects"] >= 1 and row["indicators"] >= check_corpus.MIN_INDICATORS


def test_a_review_citing_an_unknown_rule_is_caught(tmp_path):
    folder = tmp_path / "z01_broken"
    folder.mkdir()
    (folder / "source.txt").write_text("项目名称\t测试\n", encoding="utf-8")
    (folder / "meta.json").write_text(
        '{"id": "z01_broken", "url": "https://example.gov.cn/a", "title": "t", "issuer": "i",'
        ' "province": "湖南", "city_or_county": "", "year": 2024, "layout": "flat_grid",'
        ' "kind": "project_target", "notes": "n"}', encoding="utf-8")
    (folder / "expected.json").write_text(
        '{"projects": [{"name": "测试", "unit": null, "department": null, "total_funds": "1",'
        ' "indicators": [' + ",".join(
            '{"level1": "产出指标", "level2": "数量指标", "name": "培训场次%d", "comparator": "≥",'
            ' "value": "10", "unit": "场"}' % n for n in range(3)) + ']}],'
        ' "review": [{"project": "测试", "indicator": null, "field": "年度目标",'
        ' "reviewer_says": "请量化。", "rule": "XYZ-99"}]}', encoding="utf-8")
    problems: list[str] = []
    check_corpus.check_folder(folder, problems)
    assert any("XYZ-99" in p for p in problems)


def test_each_published_page_is_in_the_corpus_once():
    rows = [check_corpus.check_folder(folder, []) for folder in FOLDERS]
    assert check_corpus.same_source([r for r in rows if r]) == []
    twice = [{"id": "a01_x", "url": "http://x.gov.cn/1"}, {"id": "b01_y", "url": "http://x.gov.cn/1"}]
    assert check_corpus.same_source(twice) == [
        "b01_y: 与 a01_x 是同一个公开页面（http://x.gov.cn/1），同一张表只收一次"]


def test_the_corpus_is_as_wide_as_issue_11_asks():
    rows = [r for folder in FOLDERS if (r := check_corpus.check_folder(folder, []))]
    assert len(rows) >= 25, f"{len(rows)} real tables; issue 11 asks for at least 25"
    assert len({r["layout"] for r in rows}) >= 10
    assert len({r["province"].split()[0] for r in rows}) >= 8


def test_an_addition_after_the_checker_needs_its_reason_and_exact_guidance():
    """A true defect the annotation missed goes in ``added_after_checker`` (never silently into
    ``review``), with why it was added and the guidance quoted as review_guidance.json has it."""
    names = {"测试": {"培训场次"}}
    good = {"project": "测试", "indicator": "培训场次", "field": "指标值", "rule": "VAL-02",
            "reviewer_says": "缺少计算符号。", "added_because": "同表已批注的另一行同一缺陷。",
            "guidance": [{"id": "G45", "quote": "②与否通过清晰、可衡量旳指标值予以体现;"}]}
    problems: list[str] = []
    check_corpus.check_added("x", [good], names, problems)
    assert problems == []
    misquoted = {**good, "guidance": [{"id": "G45", "quote": "通过清晰的指标值体现"}]}
    unexplained = {**good, "added_because": ""}
    unquoted = {**good, "guidance": []}
    for bad, words in ((misquoted, "G45"), (unexplained, "added_because"),
                       (unquoted, "review_guidance.json")):
        problems = []
        check_corpus.check_added("x", [bad], names, problems)
        assert problems and words in problems[0]


def test_a_second_review_is_held_to_the_review_schema():
    """``second_review`` (a second annotator's independent review) names a project and row of the
    table, a rule that exists, guidance that review_guidance.json holds, and says it in Chinese;
    an empty list is a valid statement that the table has no defect."""
    names = {"测试": {"培训场次"}}
    good = {"project": "测试", "indicator": "培训场次", "field": "指标值",
            "reviewer_says": "缺少计算符号，请写“≥10场”。", "rule": "VAL-02", "guidance": ["G45"]}
    problems: list[str] = []
    check_corpus.check_second_review("x", {"second_review": [good]}, names, problems)
    check_corpus.check_second_review("x", {"second_review": []}, names, problems)
    assert problems == []
    for bad, words in (({**good, "rule": "XYZ-99"}, "XYZ-99"),
                       ({**good, "indicator": "培训人数"}, "培训人数"),
                       ({**good, "project": "别的"}, "别的"),
                       ({**good, "guidance": ["G99"]}, "G99"),
                       ({**good, "reviewer_says": "no sign"}, "中文"),
                       ({**good, "added_because": "x"}, "键应为")):
        problems = []
        check_corpus.check_second_review("x", {"second_review": [bad]}, names, problems)
        assert problems and words in problems[0], (bad, problems)
    problems = []
    check_corpus.check_second_review("x", {"second_review": {"project": "测试"}}, names, problems)
    assert problems == ["x 第二审核意见: 应为列表"]
