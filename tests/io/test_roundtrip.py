"""PerfDesk's own exports come back exactly; edited exports are read as tables, with a notice."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.support.paths import SEED
from openpyxl import load_workbook

from perfdesk.io import export_detail, export_disclosure, read_table
from perfdesk.services.importing import import_files
from perfdesk.io import embedded
from perfdesk.core.model import Indicator, Project
from perfdesk.core.taxonomy import official_order


def visible_cells(path):
    wb = load_workbook(path)
    cells = {}
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    cells[(ws.title, cell.coordinate)] = cell.value
    return cells


def rich_projects():
    """Projects using every field, with values that are easy to lose on the way."""
    first = Project(
        name="社区矫正智慧管理平台运维", code="44011201-0001", department="某某区司法局（部门）",
        unit="某某区司法局", unit_code="401001", department_code="401",
        implementing_unit="某某区社区矫正中心",
        attribute="延续项目", period_start=2024, period_end=2026,
        annual_total=Decimal("120.50"), annual_fiscal=Decimal("100.20"),
        annual_other=Decimal("20.30"), midterm_total=Decimal("360.00"),
        midterm_fiscal=Decimal("300.00"), midterm_other=Decimal("60.00"),
        annual_goal="保障平台全年稳定运行；\n完成定位监管全覆盖。", midterm_goal="三年内建成智慧管理体系。",
        includes_transfer=True, no_service_recipients=False, source_ref="旧表.xlsx，第3行",
        indicators=[
            Indicator(level1="产出指标", level2="数量指标", name="定位监管覆盖人数", nature="定量",
                      comparator="≥", target=Decimal("350"), unit="人", basis="计划标准",
                      explanation="在册人数", scoring="每少1人扣0.5分", weight=Decimal("10.5"),
                      remark="含新增", level1_source="项目完成指标",
                      source_text="1、项目完成指标：定位监管覆盖人数，年度指标值：≥350人。",
                      source_ref="旧表.xlsx，第3行，第1项"),
            Indicator(level1="产出指标", level2="质量指标", name="系统正常运行率", nature="定量",
                      comparator="≥", target=Decimal("99.50"), unit="%", value_text=">=99.50%"),
            Indicator(level1="效益指标", level2="社会效益指标", name="再犯罪率", nature="定量",
                      comparator="≤", target=Decimal("0.2"), unit="%"),
            Indicator(level1="效益指标", level2="可持续影响指标", name="制度健全性", nature="定性",
                      grade="好"),
            Indicator(level1="满意度指标", level2="服务对象满意度指标", name="=满意度*100",
                      value_text="抽样"),
        ])
    second = Project(name="-预算绩效+培训@", department="某某区司法局（部门）", unit="某某区司法局",
                     annual_goal="+完成培训", indicators=[
                         Indicator(level1="产出指标", name="培训场次", nature="定量", comparator="＝",
                                   target=Decimal("1E+1"), unit="场")])
    third = Project(name="没有指标的项目", department="某某区司法局（部门）", unit="某某区司法局")
    return [first, second, third]


@pytest.mark.parametrize("layout", ["disclosure", "detail"])
def test_export_then_import_restores_every_field_exactly(tmp_path, layout):
    projects = rich_projects()
    path = tmp_path / f"{layout}.xlsx"
    if layout == "disclosure":
        export_disclosure(projects, path, year=2025)
    else:
        export_detail(projects, path, year=2025)
    result = read_table(path)
    assert result.kind == layout and result.restored == 3 and result.notices == []
    assert result.projects == projects
    for got, want in zip(result.projects, projects):
        for a, b in zip(got.indicators, want.indicators):
            assert a.target == b.target and str(a.target) == str(b.target)  # 99.50 stays 99.50


def test_seed_disclosure_export_reimport_export_gives_identical_cells(tmp_path):
    seed = read_table(SEED).projects
    first = export_disclosure(seed, tmp_path / "一.xlsx", year=2023)
    again = read_table(first)
    assert again.restored == 22 and again.projects == seed
    second = export_disclosure(again.projects, tmp_path / "二.xlsx", year=2023)
    assert visible_cells(first) == visible_cells(second)


def drop_payload(path, out):
    wb = load_workbook(path)
    del wb[embedded.SHEET_NAME]
    wb.save(out)
    return out


def test_disclosure_without_its_data_reads_back_the_same_table(tmp_path):
    seed = read_table(SEED).projects
    exported = export_disclosure(seed, tmp_path / "导出.xlsx", year=2023)
    plain = drop_payload(exported, tmp_path / "另存.xlsx")
    result = read_table(plain)
    assert result.restored == 0
    for got, want in zip(result.projects, seed, strict=True):
        assert (got.department, got.unit, got.name, got.annual_goal) == \
            (want.department, want.unit, want.name, want.annual_goal)
        assert [(i.level1, i.name, i.value_display()) for i in got.indicators] == \
            [(i.level1, i.name, i.value_display()) for i in official_order(want.indicators)]
    # and exporting what was read gives the same cells again
    second = export_disclosure(result.projects, tmp_path / "再导出.xlsx", year=2023)
    assert visible_cells(second) == visible_cells(exported)


def test_a_row_edited_after_export_is_read_from_the_table_with_a_notice(tmp_path):
    projects = rich_projects()
    path = export_disclosure(projects, tmp_path / "导出.xlsx", year=2025)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert ws["C4"].value == "-预算绩效+培训@"
    ws["D4"] = "改过的绩效目标"
    wb.save(path)
    result = read_table(path)
    assert result.restored == 2
    assert [p.name for p in result.projects] == [p.name for p in projects]
    assert result.projects[0] == projects[0] and result.projects[2] == projects[2]
    edited = result.projects[1]
    assert edited.annual_goal == "改过的绩效目标" and edited.uuid != projects[1].uuid
    (notice,) = result.notices
    assert "手工修改" in str(notice) and notice.location.row == 4


def test_a_detail_sheet_edited_after_export_is_read_from_the_sheet(tmp_path):
    projects = rich_projects()
    path = export_detail(projects, tmp_path / "申报表.xlsx", year=2025)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws["C3"] = "社区矫正智慧管理平台运维（调整）"
    wb.save(path)
    result = read_table(path)
    assert result.restored == 2
    edited = result.projects[0]
    assert edited.name == "社区矫正智慧管理平台运维（调整）"
    want = projects[0]
    for field in ("department", "attribute", "period_start", "period_end", "annual_total",
                  "annual_fiscal", "annual_other", "midterm_total", "midterm_fiscal",
                  "midterm_other", "annual_goal", "midterm_goal", "implementing_unit", "unit"):
        assert getattr(edited, field) == getattr(want, field), field
    for got, exp in zip(edited.indicators, want.indicators, strict=True):
        for field in ("level1", "level2", "name", "nature", "comparator", "target", "unit",
                      "grade", "basis", "explanation"):
            assert getattr(got, field) == getattr(exp, field), (exp.name, field)
    assert "手工修改" in str(result.notices[0]) and result.notices[0].location.sheet == ws.title


def test_altered_embedded_data_is_not_trusted(tmp_path):
    path = export_disclosure(rich_projects(), tmp_path / "导出.xlsx", year=2025)
    wb = load_workbook(path)
    hidden = wb[embedded.SHEET_NAME]
    hidden["A2"] = hidden["A2"].value.replace("社区矫正", "社区纠正")
    wb.save(path)
    result = read_table(path)
    assert result.restored == 0 and "被改动过" in str(result.notices[0])
    assert [p.name for p in result.projects] == [p.name for p in rich_projects()]


def test_the_data_sheet_is_very_hidden_and_versioned(tmp_path):
    path = export_disclosure(rich_projects(), tmp_path / "导出.xlsx", year=2025)
    wb = load_workbook(path)
    assert wb.sheetnames == ["项目支出绩效目标表", embedded.SHEET_NAME]
    hidden = wb[embedded.SHEET_NAME]
    assert hidden.sheet_state == "veryHidden"
    assert hidden["A1"].value == embedded.MARKER and '"version":1' in hidden["B1"].value


def test_importing_the_same_export_twice_asks_what_to_do_and_a_file_chosen_twice_counts_once(
        tmp_path, new_dataset):
    path = export_disclosure(rich_projects(), tmp_path / "导出.xlsx", year=2025)
    ds = new_dataset()
    import_files(ds, [path])
    before = ds.counts()
    with pytest.raises(Exception) as raised:
        import_files(ds, [path])
    assert "已有同名项目" in str(raised.value) and "导出.xlsx" in str(raised.value)
    assert ds.counts() == before
    other = new_dataset("另一个.perfdesk")
    added, notices = import_files(other, [path, path])
    assert len(added.project_uuids) == 3
    assert any("是同一个文件，只导入一次" in str(n) for n in notices)


def _without_ids(project):
    data = project.model_dump(exclude={"uuid", "source_ref"})
    data["indicators"] = [{k: v for k, v in i.items() if k not in ("uuid",)}
                          for i in data["indicators"]]
    return data


CORPUS = __import__("pathlib").Path(__file__).resolve().parents[1] / "corpus" / "tables"


@pytest.mark.parametrize("layout", ["disclosure", "detail"])
@pytest.mark.parametrize("table", ["b01_zhongjiang", "b05_ningde"])
def test_a_self_evaluation_and_a_department_whole_table_come_back_exactly(tmp_path, layout,
                                                                          table, new_dataset):
    """A 自评表 (actual values, scores, reasons) and a 部门整体 target (its kind, named after
    the department), read from real tables, exported by PerfDesk and imported again: every
    field as before, in a dataset too."""
    from perfdesk.core.model import DEPARTMENT_WHOLE, SELF_EVALUATION

    (read,) = read_table(CORPUS / table / "source.xlsx").projects
    assert read.kind == (SELF_EVALUATION if table.startswith("b01") else DEPARTMENT_WHOLE)
    if read.kind == SELF_EVALUATION:
        assert all(i.actual for i in read.indicators) and any(i.score for i in read.indicators)
    path = tmp_path / f"{layout}.xlsx"
    if layout == "disclosure":
        export_disclosure([read], path, year=2022)
    else:
        export_detail([read], path, year=2022)
    result = read_table(path)
    assert result.restored == 1 and result.notices == []
    assert result.projects == [read]
    assert result.layout == ("绩效自评表（年度指标值、全年实际值、分值、得分）"
                             if read.kind == SELF_EVALUATION else "部门整体绩效目标表")
    ds = new_dataset()
    import_files(ds, [path])
    (stored,) = ds.load_projects()
    assert _without_ids(stored) == _without_ids(read)


def _seven_months() -> Project:
    return Project(name="宣传服务项目", department="某某区司法局（部门）", unit="某某区司法局",
                   attribute="新增项目", period_start=2023, period_start_month=7,
                   period_end=2024, period_end_month=1, annual_goal="完成10场宣传。",
                   indicators=[Indicator(level1="产出指标", level2="数量指标", name="宣传场次",
                                         nature="定量", comparator="≥", target=Decimal("10"),
                                         unit="场")])


@pytest.mark.parametrize("layout", ["disclosure", "detail"])
def test_the_months_of_a_period_come_back_from_an_export(tmp_path, layout):
    project = _seven_months()
    path = tmp_path / f"{layout}.xlsx"
    (export_disclosure if layout == "disclosure" else export_detail)([project], path, year=2023)
    (back,) = read_table(path).projects
    assert back.period == project.period


def test_the_detail_sheet_writes_the_months_and_an_edited_sheet_keeps_them(tmp_path):
    path = export_detail([_seven_months()], tmp_path / "申报表.xlsx", year=2023)
    cells = visible_cells(path)
    assert "2023年7月至2024年1月" in cells.values()
    wb = load_workbook(path)
    wb.worksheets[0]["C3"] = "宣传服务项目（调整）"
    wb.save(path)
    result = read_table(path)
    assert result.restored == 0 and "手工修改" in str(result.notices[0])
    (edited,) = result.projects
    assert (edited.period_start, edited.period_start_month, edited.period_end,
            edited.period_end_month) == (2023, 7, 2024, 1)


def test_a_period_of_years_is_written_as_before(tmp_path):
    project = _seven_months().model_copy(update={"period_start_month": None,
                                                 "period_end_month": None})
    cells = visible_cells(export_detail([project], tmp_path / "申报表.xlsx", year=2023))
    assert "2023年至2024年" in cells.values()
    assert not any("月" in str(v) and "2023" in str(v) for v in cells.values())


# what a 自评表's sheet shows of a project, and so what it must give back without the hidden
# data (where a row came from -- file, row, the label as written -- is the new file's)
_SELF_FIELDS = ("name", "department", "unit", "implementing_unit", "kind", "annual_total",
                "annual_fiscal", "annual_other", "annual_goal", "initial_total",
                "initial_fiscal", "initial_other", "executed_total", "executed_fiscal",
                "executed_other", "funds_weight", "funds_score", "goal_actual")
_SELF_INDICATOR_FIELDS = ("level1", "level2", "name", "nature", "comparator", "target", "unit",
                          "grade", "actual", "weight", "score", "shortfall")


def _self_evaluation_read(tmp_path):
    from perfdesk.core.model import SELF_EVALUATION

    (read,) = read_table(CORPUS / "b01_zhongjiang" / "source.xlsx").projects
    assert read.kind == SELF_EVALUATION
    # b01 states 全年预算数 and 全年执行数 (20 and 20), the row's 分值 and 得分 (10, 10) and the
    # goal as achieved; the 年初预算数 a 自评表 may give is added to come back too
    assert (read.executed_total, read.funds_weight, read.funds_score) == (
        Decimal(20), Decimal(10), Decimal(10)) and read.goal_actual
    read.initial_total, read.initial_fiscal = Decimal("21.5"), Decimal("21.5")
    path = export_detail([read], tmp_path / "自评表.xlsx", year=2022)
    return read, path


def _same_self_evaluation(got, want):
    for field in _SELF_FIELDS:
        assert getattr(got, field) == getattr(want, field), field
    assert len(got.indicators) == len(want.indicators)
    for g, w in zip(got.indicators, official_order(want.indicators), strict=True):
        for field in _SELF_INDICATOR_FIELDS:
            assert getattr(g, field) == getattr(w, field), (w.name, field)


def test_a_self_evaluation_without_its_data_is_read_back_from_its_own_sheet(tmp_path):
    """The hidden data dropped (the file saved by another program): the 自评表 sheet alone gives
    the same 自评表 -- its 全年实际值, 分值, 得分 and amounts -- through the 自评表 reader."""
    read, path = _self_evaluation_read(tmp_path)
    plain = drop_payload(path, tmp_path / "另存.xlsx")
    result = read_table(plain)
    assert result.restored == 0
    assert result.layout == "绩效自评表（年度指标值、全年实际值、分值、得分）"
    (back,) = result.projects
    _same_self_evaluation(back, read)
    assert any(i.score for i in back.indicators) and all(i.actual for i in back.indicators)
    # the 总分 row is no indicator, and exporting what was read gives the same sheet again
    assert "总分" not in [i.name for i in back.indicators]
    again = export_detail([back], tmp_path / "再导出.xlsx", year=2022)
    first = {k[1]: v for k, v in visible_cells(path).items()}
    second = {k[1]: v for k, v in visible_cells(again).items()}
    assert first == second


def test_a_self_evaluation_edited_after_export_is_read_from_its_sheet(tmp_path):
    """A 得分 and a 偏差原因 changed by hand in Excel: the sheet is read (with the notice), the
    change comes in and everything else is as exported."""
    read, path = _self_evaluation_read(tmp_path)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    heading = {c.value: c.column for c in ws[11]}
    assert ws.cell(12, heading["三级指标"]).value == "安装坡面水标尺"
    ws.cell(12, heading["得分"]).value = 8
    ws.cell(12, heading["偏差原因分析及改进措施"]).value = "部分水标尺未按期安装。"
    ws["E6"] = 19.5  # the 全年执行数, changed by hand too
    wb.save(path)
    result = read_table(path)
    assert result.restored == 0 and "手工修改" in str(result.notices[0])
    (edited,) = result.projects
    first, *rest = edited.indicators
    assert (first.name, first.score, first.shortfall) == \
        ("安装坡面水标尺", Decimal("8"), "部分水标尺未按期安装。")
    want = read.model_copy(deep=True)
    ordered = official_order(want.indicators)
    ordered[0].score, ordered[0].shortfall = Decimal("8"), "部分水标尺未按期安装。"
    want.executed_total = Decimal("19.5")
    _same_self_evaluation(edited, want)
    assert edited.execution_rate == Decimal("97.50")


def test_a_department_self_evaluation_is_written_with_its_results_and_comes_back(tmp_path):
    """e05, a 部门整体 self-evaluation (its results, no tasks): written on the 自评表's form
    titled 部门整体支出绩效自评表, so its 全年执行数, 全年实际值, 分值 and 得分 are on the sheet;
    it comes back exactly from the hidden data, and as a 部门整体 target with its results from
    the visible sheet alone."""
    from perfdesk.core.model import DEPARTMENT_WHOLE

    (read,) = read_table(CORPUS / "e05_anhui_jinzhai_meili" / "source.xlsx").projects
    assert read.kind == DEPARTMENT_WHOLE and read.executed_total == Decimal("338.31")
    path = export_detail([read], tmp_path / "部门自评.xlsx", year=2022)
    cells = visible_cells(path)
    texts = set(cells.values())
    assert {"部门整体支出绩效自评表（2022年度）", "部门（单位）名称", "全年执行数",
            "全年实际值"} <= texts
    assert "项目名称" not in texts and Decimal("338.31") in {
        Decimal(str(v)) for v in cells.values() if isinstance(v, (int, float))}
    assert read_table(path).projects == [read]
    wb = load_workbook(path)
    embedded_sheet = [ws for ws in wb.worksheets if ws.sheet_state != "visible"]
    for ws in embedded_sheet:
        wb.remove(ws)
    wb.save(path)
    (back,) = read_table(path).projects
    assert (back.kind, back.name, back.executed_total) == (DEPARTMENT_WHOLE, read.name,
                                                          read.executed_total)
    assert [(i.name, i.actual, i.weight, i.score) for i in back.indicators] == [
        (i.name, i.actual, i.weight, i.score) for i in read.indicators]
