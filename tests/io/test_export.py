"""The exported workbooks look like official tables: layout, print setup, template places."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest
from tests.support.paths import ROOT, SEED
from openpyxl import load_workbook

from perfdesk.core.errors import PerfDeskError
from perfdesk.io import detail, export_detail, export_disclosure, read_table
from perfdesk.core.model import Indicator, Project

TEMPLATES = ROOT / "resources" / "templates"


def load_template_script():
    spec = importlib.util.spec_from_file_location("make_detail_template",
                                                  TEMPLATES / "make_detail_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name, build", [("detail_template.xlsx", "build"),
                                         ("self_evaluation_template.xlsx",
                                          "build_self_evaluation"),
                                         ("department_template.xlsx", "build_department")])
def test_the_committed_template_is_what_the_script_makes(tmp_path, name, build):
    script = load_template_script()
    fresh = tmp_path / "fresh.xlsx"
    getattr(script, build)().save(fresh)
    committed, made = load_workbook(TEMPLATES / name), load_workbook(fresh)
    assert dict(committed.defined_names.items()).keys() == dict(made.defined_names.items()).keys()
    a, b = committed.worksheets[0], made.worksheets[0]
    assert [[c.value for c in r] for r in a.iter_rows()] == [[c.value for c in r] for r in b.iter_rows()]
    assert sorted(map(str, a.merged_cells.ranges)) == sorted(map(str, b.merged_cells.ranges))
    assert {k: d.width for k, d in a.column_dimensions.items()} == \
        {k: d.width for k, d in b.column_dimensions.items()}


def test_disclosure_layout_and_print_setup(tmp_path):
    projects = read_table(SEED).projects
    path = export_disclosure(projects, tmp_path / "公开表.xlsx", year=2023)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert ws["A1"].value == "2023年项目支出绩效目标表（含转移支付项目）"
    assert "A1:E1" in [str(r) for r in ws.merged_cells.ranges]
    assert [c.value for c in ws[2]] == ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]
    assert ws.max_row == 2 + 22 and ws.max_column == 5
    # the seed lists 满意度 first; the official order prints it last
    assert ws.cell(3, 5).value.startswith("1、产出指标：")
    assert "满意度指标：人民群众安全感、满意度，年度指标值：" in ws.cell(3, 5).value
    assert ws.print_title_rows == "$2:$2"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.freeze_panes == "A3"
    body = ws["E3"]
    assert body.font.name == "宋体" and body.alignment.wrap_text and body.border.left.style == "thin"
    assert ws.row_dimensions[3].height > 60  # five items and a long goal: a tall row
    assert ws.column_dimensions["E"].width >= 60


def test_disclosure_title_can_be_given(tmp_path):
    path = export_disclosure([], tmp_path / "空.xlsx", title="某某区2025年项目支出绩效目标表")
    ws = load_workbook(path).worksheets[0]
    assert ws["A1"].value == "某某区2025年项目支出绩效目标表" and ws.max_row == 2


def detail_project():
    return Project(
        name="社区矫正平台运维", department="某某区司法局（部门）", unit="某某区司法局",
        attribute="延续项目", period_start=2024, period_end=2026,
        annual_total=Decimal("120.50"), annual_fiscal=Decimal("100.20"),
        annual_other=Decimal("20.30"), annual_goal="保障平台稳定运行。",
        indicators=[Indicator(level1="产出指标", level2="数量指标", name=f"指标{n}", nature="定量",
                              comparator="≥", target=Decimal(n), unit="个") for n in range(1, 4)]
        + [Indicator(level1="效益指标", level2="社会效益指标", name="效益", nature="定性", grade="好")])


def test_detail_sheet_fills_the_template_places_and_merges_categories(tmp_path):
    path = export_detail([detail_project()], tmp_path / "申报表.xlsx", year=2025)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.title == "1-社区矫正平台运维"
    assert ws["A1"].value == "2025年项目支出绩效目标申报表"
    assert (ws["C3"].value, ws["C4"].value, ws["H4"].value) == \
        ("社区矫正平台运维", "某某区司法局（部门）", "某某区司法局")
    assert (ws["C5"].value, ws["H5"].value) == ("延续项目", "2024年至2026年")  # as the PDF says
    assert (ws["H6"].value, ws["H7"].value, ws["H8"].value) == (120.5, 100.2, 20.3)
    assert ws["H6"].number_format == "#,##0.00"
    assert ws["F10"].value == "保障平台稳定运行。"
    assert [c.value for c in ws[12]] == ["产出指标", "数量指标", "指标1", "定量", "≥", "1", "个", None, None]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A12:A14", "B12:B14"} <= merged  # level 1 and level 2 merged down
    assert ws["C16"].value is None and ws["A16"].value == "填报人"  # the footer moved down
    assert ws.print_title_rows == "$11:$11" and ws.print_area == "'1-社区矫正平台运维'!$A$1:$I$17"
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws["C12"].font.name == "仿宋" and ws["A11"].font.name == "宋体"


def test_detail_footer_carries_who_filled_it_in_and_still_restores(tmp_path):
    import datetime

    from perfdesk.io import read_table

    project = detail_project()
    path = export_detail([project], tmp_path / "申报表.xlsx", year=2025, filled_by="张三",
                         phone="020-12345678", date=datetime.date(2025, 10, 8))
    ws = load_workbook(path).worksheets[0]
    assert (ws["A16"].value, ws["C16"].value) == ("填报人", "张三")
    assert (ws["D16"].value, ws["F16"].value) == ("联系电话", "020-12345678")
    assert (ws["G16"].value, ws["I16"].value) == ("填报日期", "2025年10月8日")
    back = read_table(path)
    assert back.restored == 1 and back.projects == [project]


def test_detail_sheet_names_are_unique_and_valid(tmp_path):
    projects = [Project(name="培训/经费[2025]:*?", department="部", unit="单位") for _ in range(3)]
    projects.append(Project(name="很长" * 30, department="部", unit="单位"))
    wb = load_workbook(export_detail(projects, tmp_path / "x.xlsx", year=2025))
    names = wb.sheetnames[:-1]
    assert len(set(names)) == 4 and all(len(n) <= 31 for n in names)
    assert names[0] == "1-培训 经费 2025"


def test_the_exporter_follows_the_templates_names(tmp_path):
    """An office moves the goals: PD_ANNUAL_GOAL now names C10, PD_MIDTERM_GOAL F10."""
    script = load_template_script()
    wb = script.build()
    ws = wb.worksheets[0]
    ws["C9"], ws["F9"] = "年度目标", "中长期目标"
    from openpyxl.workbook.defined_name import DefinedName

    wb.defined_names["PD_ANNUAL_GOAL"] = DefinedName("PD_ANNUAL_GOAL", attr_text="'申报表'!$C$10:$E$10")
    wb.defined_names["PD_MIDTERM_GOAL"] = DefinedName("PD_MIDTERM_GOAL", attr_text="'申报表'!$F$10:$I$10")
    custom = tmp_path / "本局模板.xlsx"
    wb.save(custom)
    project = detail_project()
    project.midterm_goal = "三年目标"
    path = detail.export([project], tmp_path / "out.xlsx", year=2025, template_path=custom)
    out = load_workbook(path).worksheets[0]
    assert (out["C10"].value, out["F10"].value) == ("保障平台稳定运行。", "三年目标")
    # and the importer reads it by the labels, wherever they are
    assert read_table(drop_data(path, tmp_path)).projects[0].annual_goal == "保障平台稳定运行。"


def drop_data(path: Path, tmp_path: Path) -> Path:
    wb = load_workbook(path)
    del wb[wb.sheetnames[-1]]
    out = tmp_path / "plain.xlsx"
    wb.save(out)
    return out


def test_a_template_without_its_names_is_refused(tmp_path):
    wb = load_template_script().build()
    del wb.defined_names["PD_GRID_ROW"]
    broken = tmp_path / "坏模板.xlsx"
    wb.save(broken)
    with pytest.raises(PerfDeskError, match="PD_GRID_ROW"):
        detail.export([detail_project()], tmp_path / "out.xlsx", year=2025, template_path=broken)


@pytest.mark.parametrize("export", [export_disclosure, export_detail], ids=["disclosure", "detail"])
def test_progress_is_reported_up_to_the_total(tmp_path, export):
    projects = read_table(SEED).projects
    calls = []
    export(projects, tmp_path / "x.xlsx", year=2023, progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 22) and calls[-1] == (22, 22)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_reading_reports_progress_too():
    calls = []
    read_table(SEED, progress=lambda d, t: calls.append((d, t)))
    assert calls and calls[-1][0] == calls[-1][1] and calls[0][0] == 0


def self_evaluation_project():
    """A 自评表's project: 分值 and 得分 with places, a reason where a target was missed."""
    from perfdesk.core.model import SELF_EVALUATION

    return Project(
        name="农村饮水安全巩固提升工程", department="某某县水利局", unit="某某县水利局",
        kind=SELF_EVALUATION, annual_total=Decimal("85.40"), annual_fiscal=Decimal("80.00"),
        annual_other=Decimal("5.40"), annual_goal="完成12处供水工程改造，保障3000人饮水安全。",
        initial_total=Decimal("85.40"), initial_fiscal=Decimal("80.00"),
        initial_other=Decimal("5.40"), executed_total=Decimal("80.13"),
        executed_fiscal=Decimal("76.00"), executed_other=Decimal("4.13"),
        funds_weight=Decimal("10"), funds_score=Decimal("9.38"),
        goal_actual="完成11处供水工程改造，3120人饮水安全得到保障。",
        indicators=[
            Indicator(level1="满意度指标", level2="服务对象满意度指标", name="受益群众满意度",
                      comparator="≥", target=Decimal("90"), unit="%", actual="93%",
                      weight=Decimal("10"), score=Decimal("10")),
            Indicator(level1="产出指标", level2="数量指标", name="改造供水工程", comparator="≥",
                      target=Decimal("12"), unit="处", actual="11处", weight=Decimal("30.5"),
                      score=Decimal("27.75"), shortfall="一处工程因雨季延期，次年3月前完工。"),
            Indicator(level1="产出指标", level2="数量指标", name="新建蓄水池", comparator="≥",
                      target=Decimal("2"), unit="座", actual="2座", weight=Decimal("20"),
                      score=Decimal("20")),
            Indicator(level1="效益指标", level2="社会效益指标", name="饮水安全保障人数",
                      comparator="≥", target=Decimal("3000"), unit="人", actual="3120人",
                      weight=Decimal("29.5"), score=Decimal("29.5"))])


def test_a_self_evaluation_is_exported_as_a_self_evaluation_form(tmp_path):
    """The clerk hands in a 自评表: its title, label block, the grid in the official order
    (年度指标值 | 全年实际值 | 分值 | 得分 | 偏差原因) and the exact 总分 are on the sheet."""
    path = export_detail([self_evaluation_project()], tmp_path / "自评表.xlsx", year=2024)
    ws = load_workbook(path).worksheets[0]
    assert ws["A1"].value == "项目支出绩效自评表（2024年度）"
    assert [ws[f"A{r}"].value for r in range(3, 12)] == \
        ["项目名称", "主管部门", "项目资金\n（万元）", None, None, None, "年度总体目标", None, "一级指标"]
    assert (ws["C3"].value, ws["C4"].value, ws["E4"].value, ws["G4"].value) == \
        ("农村饮水安全巩固提升工程", "某某县水利局", "实施单位", "某某县水利局")
    # the funding block of 财预〔2020〕10号: the 执行率 worked out (80.13 ÷ 85.40), the 其中 rows
    # with their three amounts and no points
    assert [ws[f"{c}5"].value for c in "CDEFGH"] == \
        ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    assert [[ws[f"{c}{r}"].value for c in "BCDEFGH"] for r in (6, 7, 8)] == [
        ["年度资金总额", 85.4, 85.4, 80.13, 10, "93.83%", 9.38],
        ["其中：财政拨款", 80, 80, 76, "—", "—", "—"],
        ["其他资金", 5.4, 5.4, 4.13, "—", "—", "—"]]
    assert [ws[f"{c}{r}"].value for r in (9, 10) for c in "BE"] == [
        "预期目标", "实际完成情况", "完成12处供水工程改造，保障3000人饮水安全。",
        "完成11处供水工程改造，3120人饮水安全得到保障。"]
    assert [c.value for c in ws[11]] == ["一级指标", "二级指标", "三级指标", "年度指标值",
                                         "全年实际值", "分值", "得分", "偏差原因分析及改进措施"]
    # the official order: 产出 first, 满意度 last; the row of a missed target
    assert [ws[f"C{r}"].value for r in range(12, 16)] == \
        ["改造供水工程", "新建蓄水池", "饮水安全保障人数", "受益群众满意度"]
    assert [c.value for c in ws[12]] == ["产出指标", "数量指标", "改造供水工程", "≥12处", "11处",
                                         30.5, 27.75, "一处工程因雨季延期，次年3月前完工。"]
    assert "A12:A13" in [str(r) for r in ws.merged_cells.ranges]
    # 总分: the sums of 分值 and 得分 under their columns, the funding row's 10 and 9.38 included
    assert (ws["A16"].value, Decimal(str(ws["F16"].value)), Decimal(str(ws["G16"].value))) == \
        ("总分", Decimal("100"), Decimal("96.63"))
    # and none of the 申报表's labels a 自评表 does not have
    texts = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert not texts & {"项目属性", "项目期", "中期资金总额", "中长期目标", "审核意见", "指标性质"}


def test_the_self_evaluation_forms_totals_are_exact_decimals():
    from perfdesk.io.detail_form import detail_form

    form = detail_form(self_evaluation_project(), year=2024)
    assert form.totals == (Decimal("100.0"), Decimal("96.63"))  # the funding row's included
    assert all(isinstance(t, Decimal) for t in form.totals)
    assert form.execution[0].rate == "93.83%"
    blank = self_evaluation_project()
    for indicator in blank.indicators:
        indicator.score = None
    assert detail_form(blank, year=2024).totals == (Decimal("100.0"), Decimal("9.38"))
    blank.funds_weight = blank.funds_score = None
    assert detail_form(blank, year=2024).totals == (Decimal("90.0"), None)


def test_a_target_tables_sheet_is_the_same_beside_a_self_evaluation(tmp_path):
    """One export holding a 申报 project and a 自评 project: the 申报表 sheet is cell for cell,
    merge for merge, the one it is when exported alone."""
    alone = load_workbook(export_detail([detail_project()], tmp_path / "一.xlsx", year=2025))
    both = load_workbook(export_detail([detail_project(), self_evaluation_project()],
                                       tmp_path / "二.xlsx", year=2025))
    a, b = alone.worksheets[0], both.worksheets[0]
    assert [[c.value for c in r] for r in a.iter_rows()] == \
        [[c.value for c in r] for r in b.iter_rows()]
    assert sorted(map(str, a.merged_cells.ranges)) == sorted(map(str, b.merged_cells.ranges))
    assert [[(c.font.b, c.border.left.style, c.number_format) for c in r] for r in a.iter_rows()] \
        == [[(c.font.b, c.border.left.style, c.number_format) for c in r] for r in b.iter_rows()]
    assert a["A1"].value == "2025年项目支出绩效目标申报表"
    assert both.worksheets[1]["A1"].value == "项目支出绩效自评表（2025年度）"
