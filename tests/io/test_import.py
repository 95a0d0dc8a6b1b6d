"""Importing the tables clerks already have: the seed, every format and encoding, every
variation of the disclosure layout (domain.md §5.1), and hand-filled detailed forms (§5.2)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from tests.support.paths import SEED

from tests.support import io_tables
from tests.support.io_tables import DEPT, EXPECTED, ROWS, UNIT, triples
from perfdesk.services.dataset import Dataset
from perfdesk.io import read_table
from perfdesk.services.importing import import_files

from tests.support.paths import DATA


def seed_rows():
    """The seed's data rows as the file holds them (tab-separated, header repeated)."""
    rows = []
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        cells = line.split("\t")
        if len(cells) == 5 and cells[2] != "项目名称":
            rows.append(cells)
    return rows


# --- the seed -------------------------------------------------------------------------------


def test_seed_imports_one_department_one_unit_22_projects_79_indicators(tmp_path):
    with Dataset.create(tmp_path / "seed.perfdesk", year=2023, profile="88") as ds:
        added, notices = import_files(ds, [SEED])
        counts = ds.counts()
        assert (counts.departments, counts.units, counts.projects, counts.indicators) == \
            (1, 1, 22, 79)
        assert (len(added.department_uuids), len(added.unit_uuids), len(added.project_uuids),
                added.indicators) == (1, 1, 22, 79)
        projects = ds.load_projects()
    rows = seed_rows()
    assert [p.name for p in projects] == [r[2].strip() for r in rows]
    assert [p.annual_goal for p in projects] == [r[3].strip() for r in rows]
    assert {p.department for p in projects} == {"中共广州市黄埔区委政法委员会（部门）"}
    assert {p.unit for p in projects} == {"中共广州市黄埔区委政法委员会"}
    # one notice: the level-2 label used as level 1
    assert len(notices) == 1 and "质量指标" in str(notices[0]) and "第 13 行" in str(notices[0])


def test_seed_indicators_equal_the_source_items_in_order():
    result = read_table(SEED)
    for project, row in zip(result.projects, seed_rows(), strict=True):
        cell = row[4]
        position = 0
        for number, indicator in enumerate(project.indicators, 1):
            # level 1, name and value appear in this order in the source item, exactly
            head = f"{number}、{indicator.level1}："
            start = cell.index(head, position)
            name_at = cell.index(indicator.name, start + len(head))
            assert name_at == start + len(head)
            value = indicator.value_display()
            value_at = cell.index("年度指标值：" + value, name_at + len(indicator.name))
            between = cell[name_at + len(indicator.name):value_at]
            assert between in ("，", "。"), between
            position = value_at + len("年度指标值：") + len(value)
            rest = cell[position:]
            following = re.match(r"[。\s]*(\d+、|$)", rest)
            assert following, rest[:30]
            assert indicator.level1_source == indicator.level1
            assert indicator.source_text == cell[start:position].strip() + \
                rest[:following.start(1)].rstrip()
        assert cell[position:].strip(" 。") == ""


def test_seed_values_are_typed_where_they_are_targets_and_kept_verbatim_otherwise():
    projects = {p.name: p for p in read_table(SEED).projects}
    reward = projects["出租屋管理绩效奖励专项资金"].indicators
    rate = next(i for i in reward if i.name == "出租屋纳管率")
    assert (rate.nature, rate.comparator, rate.target, rate.unit) == ("定量", "≥", Decimal("98"), "%")
    assert rate.value_text == "已登记数/应登记数≥98%"
    door = projects["出租屋门禁系统建设及维护和网络费"].indicators
    assert [i.value_display() for i in door] == ["数据对接和系统运行正常", "年度评估", "抽样", "抽样"]
    assert door[2].target is None and door[2].value_text == "抽样"
    quality = projects["黄埔区村居综治中心综治视联网系统项目"].indicators[0]
    assert (quality.level1, quality.level2, quality.level1_source) == ("质量指标", "质量指标", "质量指标")
    assert (quality.comparator, quality.target, quality.unit) == ("", Decimal("100"), "%")
    assert quality.source_ref.startswith("000_05425078e2155506.txt，第13行")


# --- every format and encoding --------------------------------------------------------------


def check_rows(result, expected_units=None):
    assert result.kind == "disclosure"
    assert [p.name for p in result.projects] == [r[2] for r in ROWS]
    assert [p.annual_goal for p in result.projects] == [r[3] for r in ROWS]
    assert [p.department for p in result.projects] == [DEPT] * 3
    assert [p.unit for p in result.projects] == (expected_units or [r[1] for r in ROWS])
    assert [triples(p) for p in result.projects] == EXPECTED


@pytest.mark.parametrize("encoding,delimiter,suffix", [
    ("utf-8", ",", ".csv"), ("utf-8-sig", ",", ".csv"), ("gbk", ",", ".csv"),
    ("gb18030", "\t", ".txt"), ("utf-8", "\t", ".tsv"), ("utf-16", "\t", ".txt"),
], ids=["csv-utf8", "csv-utf8-bom", "csv-gbk", "tsv-gb18030", "tsv-utf8", "txt-utf16"])
def test_text_tables_in_every_encoding(tmp_path, encoding, delimiter, suffix):
    path = io_tables.write_text(tmp_path / f"表{suffix}", io_tables.disclosure_rows(),
                                encoding=encoding, delimiter=delimiter)
    result = read_table(path)
    check_rows(result)
    if encoding in ("gbk", "gb18030"):
        assert result.encoding == "GBK/GB18030"
        assert any("GBK" in str(n) for n in result.notices)


def test_a_csv_named_txt_and_a_table_named_csv_are_sniffed_by_content(tmp_path):
    xlsx_named_csv = io_tables.write_xlsx(tmp_path / "其实是Excel.csv", io_tables.disclosure_rows())
    check_rows(read_table(xlsx_named_csv))


def test_xlsx_with_title_merged_department_and_repeated_header(tmp_path):
    rows = io_tables.disclosure_rows(repeat_header=True)
    # rows: title, blank, header, p1, p2, blank, header, p3 — department merged over p1..p2
    for row in rows[4:5]:
        row[0] = None
    path = io_tables.write_xlsx(tmp_path / "表.xlsx", rows, merges=("A1:E1", "A4:A5"))
    check_rows(read_table(path))


def test_xls_from_an_old_office_suite():
    result = read_table(DATA / "disclosure.xls")
    check_rows(result, expected_units=[UNIT, UNIT, UNIT])  # the fixture leaves B5:B6 blank
    assert any("沿用上一行" in str(n) for n in result.notices)


def test_columns_in_another_order_and_named_differently(tmp_path):
    headers = ["主管部门名称", "单位名称", "项目名称", "年度绩效目标", "年度绩效指标"]
    rows = io_tables.disclosure_rows(headers=headers, order=[2, 4, 0, 3, 1])
    path = io_tables.write_xlsx(tmp_path / "表.xlsx", rows)
    check_rows(read_table(path))


def test_pdf_text_with_a_row_broken_across_a_page(tmp_path):
    rows = io_tables.disclosure_rows(title=True)
    broken = rows[3][4]
    cut = broken.index("2、效益指标")
    rows[3][4] = broken[:cut]
    rows.insert(4, [])
    rows.insert(5, list(io_tables.HEADERS))
    rows.insert(6, ["", "", "", "", broken[cut:]])
    path = io_tables.write_text(tmp_path / "pdf.txt", rows, delimiter="\t")
    result = read_table(path)
    check_rows(result)
    assert any("续行" in str(n) and "第 7 行" in str(n) for n in result.notices)


def test_a_table_without_department_columns_goes_to_the_only_unit(tmp_path, new_dataset):
    rows = [[r[2], r[3], r[4]] for r in ROWS]
    path = io_tables.write_text(tmp_path / "单位自己的表.csv", [["项目名称", "绩效目标", "绩效指标"], *rows])
    ds = new_dataset()
    added, notices = import_files(ds, [path])
    assert len(added.project_uuids) == 3 and not added.unit_uuids
    assert {p.unit for p in ds.load_projects()} == {"测试预算单位"}
    assert any("唯一的预算单位" in str(n) for n in notices)


def test_a_table_without_department_columns_is_refused_when_the_unit_is_unclear(tmp_path,
                                                                               new_dataset):
    path = io_tables.write_text(tmp_path / "表.csv", [["项目名称", "绩效指标"], ["项目甲", ""]])
    ds = new_dataset()
    ds.add_unit_under("测试主管部门", "另一个预算单位")
    before = ds.counts()
    with pytest.raises(Exception) as raised:
        import_files(ds, [path])
    assert "无法确定" in str(raised.value) and "表.csv" in str(raised.value)
    assert ds.counts() == before


def test_level2_and_traditional_labels_are_kept_with_level2_filled(tmp_path):
    rows = [io_tables.HEADERS,
            [DEPT, UNIT, "項目", "目標", "1、數量指標：培训场次，年度指标值：≥10场。2、環境效益指標：绿化，年度指标值：好。"
                                     "3、產出指標：验收，年度指标值：100%。"]]
    result = read_table(io_tables.write_text(tmp_path / "t.csv", rows))
    indicators = result.projects[0].indicators
    assert [(i.level1, i.level2, i.level1_source) for i in indicators] == [
        ("数量指标", "数量指标", "數量指標"),
        ("环境效益指标", "生态效益指标", "環境效益指標"),
        ("产出指标", "", "產出指標")]
    assert sum("二级指标" in str(n) for n in result.notices) == 2


def test_an_unsplittable_indicator_cell_is_kept_whole(tmp_path):
    rows = [io_tables.HEADERS, [DEPT, UNIT, "项目", "目标", "按上级要求完成各项工作"]]
    result = read_table(io_tables.write_text(tmp_path / "t.csv", rows))
    (indicator,) = result.projects[0].indicators
    assert indicator.name == "按上级要求完成各项工作" and indicator.source_text == indicator.name
    assert any("整体保留" in str(n) for n in result.notices)


# --- detailed forms filled by hand ----------------------------------------------------------


def check_detail(project, *, money=True, attribute="延续项目"):
    expected = io_tables.DETAIL_EXPECTED
    assert project.attribute == attribute  # as the form wrote it; the checker offers 延续 → 延续项目
    for field in ("name", "department", "period_start", "period_end",
                  "annual_goal", "midterm_goal"):
        assert getattr(project, field) == expected[field], field
    if money:
        for field in ("annual_total", "annual_fiscal", "annual_other"):
            assert getattr(project, field) == expected[field], field
    got = {i.name: i for i in project.indicators}
    assert len(got) == len(io_tables.DETAIL_INDICATORS)
    for l1, l2, name, nature, comp, value, unit, basis in io_tables.DETAIL_INDICATORS:
        indicator = got[name]
        assert (indicator.level1, indicator.level2, indicator.nature, indicator.basis) == \
            (l1, l2, nature, basis), name
        if nature == "定量":
            assert (indicator.comparator, indicator.target, indicator.unit) == \
                (comp, Decimal(value), unit), name
            assert indicator.value_display() == f"{comp}{value}{unit}"
        else:
            assert indicator.grade == value


def test_official_detailed_form_with_merged_categories(tmp_path):
    result = read_table(io_tables.write_detail_official(tmp_path / "申报表.xlsx"))
    assert result.kind == "detail"
    (project,) = result.projects
    check_detail(project, attribute="延续")
    assert (project.midterm_total, project.midterm_fiscal, project.midterm_other) == \
        (Decimal("360"), Decimal("300"), Decimal("60"))
    assert project.indicators[0].explanation == "定位监管覆盖人数的计算口径"


def test_official_detailed_form_in_traditional_characters(tmp_path):
    result = read_table(io_tables.write_detail_official(tmp_path / "申報表.xlsx", traditional=True))
    check_detail(result.projects[0], attribute="延续")


def test_detailed_form_from_xls():
    check_detail(read_table(DATA / "detail.xls").projects[0], attribute="延续")


def test_local_variant_with_funding_split_and_other_columns(tmp_path):
    result = read_table(io_tables.write_detail_local(tmp_path / "本地格式.xlsx"))
    (project,) = result.projects
    check_detail(project)
    assert project.code == "44011201-0001"
    assert project.annual_fiscal == Decimal("100.5")  # 80.5 + 20 + 0
    assert any("合计" in str(n) for n in result.notices)
    weights = {i.weight for i in project.indicators}
    assert weights == {Decimal("10")}
    assert {i.scoring for i in project.indicators} == {"未达标按比例扣分"}


def test_detailed_forms_import_into_a_dataset(tmp_path, new_dataset):
    ds = new_dataset()
    files = [io_tables.write_detail_official(tmp_path / "a.xlsx"),
             io_tables.write_detail_local(tmp_path / "b.xlsx")]
    added, _notices = import_files(ds, files, duplicates="keep")  # the same project, twice
    assert len(added.project_uuids) == 2 and added.indicators == 12
    assert [u.name for u in ds.units()] == ["测试预算单位", "某某区司法局"]


def test_a_detailed_grid_keeps_what_contradicts_itself_for_the_checker(tmp_path):
    """A 定性 row with a comparator and a number, and a value whose own unit disagrees with
    the 计量单位 column: nothing is dropped or glued together, and the checker names both."""
    from perfdesk.checks import CheckContext, check_project

    rows = [
        ["项目名称", "矛盾的项目"], ["主管部门", "某部门", "实施单位", "某单位"],
        ["项目属性", "新增项目", "项目期", "2025年"], ["年度目标", "完成10场培训。"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "计算符号", "指标值", "计量单位"],
        ["产出指标", "质量指标", "培训合格率", "定性", "≥", "95", "%"],
        ["产出指标", "成本指标", "培训经费", "定量", "≤", "28.8万元", "%"],
    ]
    path = io_tables.write_xlsx(tmp_path / "矛盾.xlsx", rows)
    (project,) = read_table(path).projects
    rate, cost = project.indicators
    assert (rate.nature, rate.comparator, rate.target, rate.unit) == ("定性", "≥", Decimal("95"), "%")
    assert rate.value_display() == "≥95%"
    assert (cost.target, cost.unit, cost.value_display()) == (Decimal("28.8"), "%", "≤28.8万元")
    rules = {f.rule for f in check_project(project, CheckContext(profile="88", budget_year=2025))
             if f.indicator_uuid in (rate.uuid, cost.uuid)}
    assert {"VAL-10", "VAL-05"} <= rules


# --- one meaning of a cell: the survey target ------------------------------------------------


def test_importing_the_survey_target_from_a_detailed_form_stores_what_typing_stores(
        tmp_path, new_dataset):
    from tests.support.entry_cases import SURVEY, SURVEY_STORED, stored_target

    rows = [
        ["项目名称", "满意度调查经费"], ["主管部门", "测试主管部门", "实施单位", "测试预算单位"],
        ["项目属性", "新增项目", "项目期", "2025年"], ["年度目标", "完成满意度调查。"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "计算符号", "指标值", "计量单位", "指标解释"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "定量", "", SURVEY, "", ""],
        ["", "", "回访满意度", "定量", "", ">=90%", "", "电话回访"],
    ]
    path = io_tables.write_xlsx(tmp_path / "申报表.xlsx", rows)
    ds = new_dataset()
    _added, notices = import_files(ds, [path])
    (project,) = ds.load_projects()
    survey, callback = project.indicators
    assert stored_target(survey) == SURVEY_STORED
    assert survey.source_text.split("\t")[5] == SURVEY  # the original stays with the item
    assert (callback.value_display(), callback.value_text, callback.explanation) == (
        "≥90%", "", "电话回访")
    moved = [n for n in notices if "问卷调查" in str(n)]
    assert len(moved) == 1 and "第 6 行" in str(moved[0]) and "指标值" in str(moved[0])
    assert moved[0].severity == "hint"
    assert any(">=90%" in str(n) and "≥90%" in str(n) for n in notices)


def test_importing_the_survey_target_from_a_disclosure_table_stores_the_same(tmp_path,
                                                                               new_dataset):
    from tests.support.entry_cases import SURVEY, SURVEY_STORED, stored_target

    rows = [io_tables.HEADERS,
            [DEPT, UNIT, "满意度调查经费", "完成满意度调查。",
             f"1、满意度指标：群众满意度，年度指标值：{SURVEY}。"]]
    ds = new_dataset()
    _added, notices = import_files(ds, [io_tables.write_xlsx(tmp_path / "公开表.xlsx", rows)])
    (indicator,) = ds.load_projects()[0].indicators
    assert stored_target(indicator) == SURVEY_STORED
    assert SURVEY in indicator.source_text
    assert any("第 1 项" in str(n) and "问卷调查" in str(n) for n in notices)


# --- 项目期 with its months ------------------------------------------------------------------

def _period_form(period: str) -> list[list[str]]:
    return [
        ["项目名称", "宣传服务项目"], ["主管部门", "某部门", "实施单位", "某单位"],
        ["项目属性", "新增项目", "项目期", period], ["年度目标", "完成10场宣传。"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "计算符号", "指标值", "计量单位"],
        ["产出指标", "数量指标", "宣传场次", "定量", "≥", "10", "场"],
    ]


@pytest.mark.parametrize("written, months", [
    ("2023.07-2024.01", (2023, 7, 2024, 1)),
    ("2023年7月至2024年1月", (2023, 7, 2024, 1)),
    ("2023年7月-2024年1月", (2023, 7, 2024, 1)),
    ("202307-202401", (2023, 7, 2024, 1)),
    ("2023-2025", (2023, None, 2025, None)),
    ("2023年至2025年", (2023, None, 2025, None)),
    ("2025年", (2025, None, 2025, None)),
])
@pytest.mark.parametrize("suffix", [".xlsx", ".txt"])
def test_the_period_of_a_detailed_form_keeps_the_months_it_states(tmp_path, written, months,
                                                                   suffix):
    rows = _period_form(written)
    path = (io_tables.write_xlsx(tmp_path / "表.xlsx", rows) if suffix == ".xlsx" else
            io_tables.write_text(tmp_path / "表.txt", rows, delimiter="\t"))
    (project,) = read_table(path).projects
    assert (project.period_start, project.period_start_month, project.period_end,
            project.period_end_month) == months


def test_a_period_with_months_is_stored_as_read(tmp_path, new_dataset):
    ds = new_dataset()
    path = io_tables.write_xlsx(tmp_path / "表.xlsx", _period_form("2023.07-2024.01"))
    added, _notices = import_files(ds, [path])
    stored = ds.load_project(added.project_uuids[0])
    assert stored.period.text() == "2023年7月至2024年1月" and stored.period.months() == 7
