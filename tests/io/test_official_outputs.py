"""The exported official sheets are official: no check marks in any printed cell, the
indicators in the official order, and a category running on to a new page labelled there."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import load_workbook
from openpyxl.utils import range_boundaries

from perfdesk.checks import CheckContext, Severity, check_projects
from perfdesk.core.model import Indicator, Project
from perfdesk.io import export_detail, export_disclosure, read_table
from tests.support.paths import SEED

# Whatever a check could print: its words, its marks, a rule ID.
CHECK_WORDS = ("未通过检查", "检查结果", "检查", "错误", "警告", "审核说明", "●", "▲", "✗", "×")


def printed_cells(path):
    """Every non-empty cell of every sheet a reviewer sees (hidden sheets are not printed)."""
    wb = load_workbook(path)
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.value not in (None, ""):
                    yield ws.title, cell.coordinate, str(cell.value)


def mixed_project(name: str = "培训项目", errors: bool = True) -> Project:
    """Indicators entered out of the official order; with ``errors`` a formula as a value."""
    rows = [("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥", "90", "%"),
            ("效益指标", "社会效益指标", "政策知晓率", "≥", "85", "%"),
            ("产出指标", "时效指标", "按期完成率", "＝", "100", "%"),
            ("产出指标", "数量指标", "培训场次", "≥", "10", "场"),
            ("效益指标", "经济效益指标", "节约成本", "≥", "5", "万元"),
            ("产出指标", "数量指标", "培训人数", "≥", "200", "人")]
    indicators = [Indicator(level1=a, level2=b, name=n, nature="定量", comparator=c,
                            target=Decimal(v), unit=u) for a, b, n, c, v, u in rows]
    if errors:
        indicators[1].value_text = "=知晓人数/调查人数"
        indicators[1].target = None
    return Project(name=name, department="某某区教育局", unit="某某区教师进修学校",
                   attribute="延续项目", period_start=2026, period_end=2026,
                   annual_total=Decimal("12.00"), annual_fiscal=Decimal("12.00"),
                   annual_goal="完成教师培训。", indicators=indicators)


OFFICIAL = ["培训场次", "培训人数", "按期完成率", "节约成本", "政策知晓率", "参训人员满意度"]


def test_no_check_mark_in_any_printed_cell_of_either_workbook(tmp_path):
    projects = [*read_table(SEED).projects, mixed_project()]
    findings = check_projects(projects, CheckContext(profile="88", budget_year=2023))
    failing = [u for u, fs in findings.items() if any(f.severity is Severity.ERROR for f in fs)]
    assert len(failing) > 5  # the seed and the formula value fail the checks
    for path in (export_disclosure(projects, tmp_path / "公开表.xlsx", year=2023),
                 export_detail(projects, tmp_path / "申报表.xlsx", year=2023)):
        cells = list(printed_cells(path))
        assert len(cells) > 100
        marked = [(s, c, v) for s, c, v in cells if any(w in v for w in CHECK_WORDS)]
        # the seed's own texts may say 检查 (e.g. 安全检查): only whole marks count there
        assert [m for m in marked if m[2] in CHECK_WORDS or "未通过" in m[2]] == [], marked[:5]
        assert not any("检查结果" in v or "未通过检查" in v for _s, _c, v in cells)
        wb = load_workbook(path)
        assert all(ws.sheet_properties.tabColor is None for ws in wb.worksheets)
    disclosure = load_workbook(tmp_path / "公开表.xlsx").worksheets[0]
    assert [c.value for c in disclosure[2]] == ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]
    assert disclosure.max_column == 5


def test_indicators_print_in_the_official_order(tmp_path):
    project = mixed_project(errors=False)
    path = export_detail([project], tmp_path / "申报表.xlsx", year=2026)
    ws = load_workbook(path).worksheets[0]
    names = [ws.cell(r, 3).value for r in range(12, 12 + len(OFFICIAL))]
    assert names == OFFICIAL
    level1 = [ws.cell(r, 1).value for r in range(12, 12 + len(OFFICIAL))]
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert level1[0] == "产出指标" and "A12:A14" in merged  # one 产出 group, merged down
    assert ws.cell(15, 1).value == "效益指标" and "A15:A16" in merged
    assert ws.cell(15, 2).value == "经济效益指标" and ws.cell(16, 2).value == "社会效益指标"
    assert ws.cell(17, 1).value == "满意度指标"
    cell = load_workbook(export_disclosure([project], tmp_path / "公开表.xlsx",
                                           year=2026)).worksheets[0]["E3"].value
    positions = [cell.index(n) for n in OFFICIAL]
    assert positions == sorted(positions)
    assert cell.startswith("1、产出指标：培训场次") and "6、满意度指标：参训人员满意度" in cell
    # the dataset's entry order is not changed by printing
    assert [i.name for i in project.indicators][0] == "参训人员满意度"


def test_profile_101_prints_cost_between_output_and_effect(tmp_path):
    project = mixed_project(errors=False)
    project.indicators.append(Indicator(level1="成本指标", level2="经济成本指标", name="培训成本",
                                        nature="定量", comparator="≤", target=Decimal("12"),
                                        unit="万元"))
    ws = load_workbook(export_detail([project], tmp_path / "a.xlsx", year=2026)).worksheets[0]
    assert [ws.cell(r, 3).value for r in range(12, 19)] == [
        "培训场次", "培训人数", "按期完成率", "培训成本", "节约成本", "政策知晓率", "参训人员满意度"]


def test_a_group_continued_on_a_new_page_repeats_its_labels(tmp_path):
    long = Project(name="大项目", department="部门", unit="单位", indicators=[
        Indicator(level1="产出指标", level2="数量指标", name=f"完成事项{k}",
                  explanation="按季度统计完成的事项数量并与计划比较。" * 6) for k in range(30)]
        + [Indicator(level1="效益指标", level2="社会效益指标", name="群众知晓率")])
    ws = load_workbook(export_detail([long], tmp_path / "长.xlsx", year=2026)).worksheets[0]
    breaks = [b.id + 1 for b in ws.row_breaks.brk]  # first row of each new page
    assert len(breaks) >= 3
    merges = [range_boundaries(str(m)) for m in ws.merged_cells.ranges]
    for row in breaks:
        assert (ws.cell(row, 1).value, ws.cell(row, 2).value) == ("产出指标", "数量指标")
        # no merged category runs across the break: the label is the piece's own
        assert not any(c1 <= 2 and r1 < row <= r2 for c1, r1, _c2, r2 in merges)
    # every row of the group shows 产出指标: as the top of a merged piece or on its own
    tops = {r1 for c1, r1, _c2, _r2 in merges if c1 == 1}
    inner = {r for c1, r1, _c2, r2 in merges if c1 == 1 for r in range(r1 + 1, r2 + 1)}
    for row in range(12, 42):
        assert row in inner or ws.cell(row, 1).value == "产出指标", row
    assert set(breaks) <= tops | (set(range(12, 42)) - inner)
    back = read_table(tmp_path / "长.xlsx")
    assert back.restored == 1
