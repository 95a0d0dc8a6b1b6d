"""Paste and import read the same rows the same way (issue 11: one reader).

The same indicator rows — a ★ core mark, a template's 指标1 number, a level-1 label with its
score, a percentage, a comparator column holding 正向, an unfilled 指标2 row, a …… placeholder,
a total row — come in identically whether a clerk imports the form or copies its grid from
Excel and pastes it, with the heading row or without it (then the columns are judged by what
they hold)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import Workbook

from perfdesk.core.errors import PerfDeskError

from perfdesk.io import read_table
from perfdesk.io.paste import parse_paste

HEADING = ["一级指标", "二级指标", "三级指标", "指标值", "计量单位"]
ROWS = [
    ["产出指标(50分)", "数量指标", "★培训场次", "≥10", "场"],
    ["", "", "指标1:培训人次", "≥200", "人次"],
    ["", "", "指标2", "", ""],
    ["", "质量指标", "培训合格率", "≥95%", ""],
    ["", "", "……", "", ""],
    ["效益指标", "社会效益指标", "基层治理能力", "明显提升", ""],
    ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90", "%"],
    ["合计", "", "", "", ""],
]


def fields(indicator):
    return (indicator.level1, indicator.level2, indicator.name, indicator.nature,
            indicator.comparator, indicator.target, indicator.unit, indicator.grade,
            indicator.value_text, indicator.remark, indicator.explanation)


def imported(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["项目名称", "基层治理培训"])
    ws.append(["主管部门", "某区委政法委"])
    ws.append(HEADING)
    for row in ROWS:
        ws.append([c or None for c in row])
    wb.save(tmp_path / "申报表.xlsx")
    (project,) = read_table(tmp_path / "申报表.xlsx").projects
    return [fields(i) for i in project.indicators]


def pasted(rows):
    text = "\r\n".join("\t".join(row) for row in rows) + "\r\n"
    return parse_paste(text)


def test_pasting_the_grid_with_its_heading_reads_what_importing_the_form_reads(tmp_path):
    from_import = imported(tmp_path)
    assert [f[2] for f in from_import] == ["培训场次", "培训人次", "培训合格率", "基层治理能力",
                                           "参训人员满意度"]
    result = pasted([HEADING, *ROWS])
    assert [fields(r.indicator) for r in result.rows] == from_import


def test_category_rows_and_notes_under_the_grid_read_alike_pasted_or_imported(tmp_path):
    """A form that gives each level 2 its own row (产出指标 │ 数量指标 │ │ above the rows under
    it) and a note under the grid: pasting the grid gives the import's indicators, no empty
    indicator for a category row and none for the note, and says the same rows were left
    out."""
    rows = [
        ["产出指标", "数量指标", "", "", ""],
        ["", "", "培训场次", "≥10", "场"],
        ["", "质量指标", "", "", ""],
        ["", "", "培训合格率", "≥95", "%"],
        ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90", "%"],
        ["注:1.本表由项目单位填写", "", "", "", ""],
        ["", "", "说明之后的行", "1", "次"],
    ]
    wb = Workbook()
    ws = wb.active
    ws.append(["项目名称", "基层治理培训"])
    ws.append(HEADING)
    for row in rows:
        ws.append([c or None for c in row])
    wb.save(tmp_path / "分行类别.xlsx")
    imported_result = read_table(tmp_path / "分行类别.xlsx")
    (project,) = imported_result.projects
    result = pasted([HEADING, *rows])
    assert [i.name for i in project.indicators] == ["培训场次", "培训合格率", "参训人员满意度"]
    assert [fields(r.indicator) for r in result.rows] == [fields(i) for i in project.indicators]
    assert [r.indicator.level2 for r in result.rows] == ["数量指标", "质量指标", "服务对象满意度指标"]
    assert any("注:1.本表" in n.zh and n.zh.startswith("第 7 行") for n in result.notices)
    assert any("注:1.本表" in n.message.zh for n in imported_result.notices)


def test_a_block_without_a_heading_row_has_its_value_looking_columns_recognised(tmp_path):
    """Copied without the heading, in an order that is not the grid's (no 指标性质 or 计算符号
    column between the name and the target): the targets, units and categories are still
    recognised by what they look like, and the rows read as the import reads them."""
    result = pasted(ROWS)
    assert result.heading_line is None
    assert result.columns == ("level1", "level2", "name", "value", "unit")
    assert any("没有表头" in str(n) for n in result.notices)
    assert [fields(r.indicator) for r in result.rows] == imported(tmp_path)


def test_a_table_file_without_a_heading_row_imports_as_the_same_block_pastes(tmp_path):
    """A sheet that is only the indicator rows (the heading cut off), a 项目名称 label above
    them: the import judges the columns as the paste does and reads every row the same way,
    says that it judged them, and takes the project's name from the label."""
    wb = Workbook()
    ws = wb.active
    ws.append(["项目名称", "基层治理培训"])
    for row in ROWS:
        ws.append([c or None for c in row])
    wb.save(tmp_path / "指标.xlsx")
    result = read_table(tmp_path / "指标.xlsx")
    (project,) = result.projects
    assert project.name == "基层治理培训"
    assert [fields(i) for i in project.indicators] == [
        fields(r.indicator) for r in pasted(ROWS).rows]
    assert "没有表头" in result.layout
    judged = [n for n in result.notices if "没有表头" in str(n.message)]
    assert judged and judged[0].location.row == 2


def test_without_a_project_name_the_headerless_table_is_named_after_its_file(tmp_path):
    (tmp_path / "2026年培训项目.txt").write_text(
        "\n".join("\t".join(row) for row in ROWS), encoding="utf-8")
    result = read_table(tmp_path / "2026年培训项目.txt")
    (project,) = result.projects
    assert project.name == "2026年培训项目"
    assert any("没有项目名称" in str(n.message) and "2026年培训项目" in str(n.message)
               for n in result.notices)
    assert len(project.indicators) == 5


def test_rows_of_text_that_show_no_targets_are_still_no_table(tmp_path):
    (tmp_path / "会议纪要.txt").write_text(
        "时间\t地点\t参会人员\n3月5日\t三楼会议室\t张三、李四\n4月2日\t二楼会议室\t王五\n",
        encoding="utf-8")
    with pytest.raises(PerfDeskError, match="没有找到绩效目标表"):
        read_table(tmp_path / "会议纪要.txt")


# --- one value column per place (属地): the import's reading, pasted -----------------------

PLACE_ROWS = [
    ["产出指标", "数量指标", "新建村级活动场所", "≥", "1个", "1个", "2个"],  # adds up: 4个
    ["", "质量指标", "设施验收合格率", "=", "100%", "100%", "100%"],  # the same everywhere
    ["", "时效指标", "项目完成时限", "≤", "6个月", "8个月", "6个月"],  # differs, months do not add
    ["效益指标", "社会效益指标", "村民议事有固定场所", "是/否", "是", "是", "是"],
]
PLACES = ["白水村", "东山村", "西岭村"]
PLACE_HEADS = {
    "places-as-headings": [["一级指标", "二级指标", "三级指标", "指标方向", *PLACES]],
    "under-指标值": [["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "", ""],
                  ["", "", "", "", *PLACES]],
}


def per_place_fields(indicator):
    return (*fields(indicator), indicator.value_display())


def imported_per_place(tmp_path, head):
    wb = Workbook()
    ws = wb.active
    ws.append(["项目名称", "村级活动场所建设专项资金"])
    ws.append(["主管部门", "某县民政局"])
    for row in [*head, *PLACE_ROWS]:
        ws.append([c or None for c in row])
    if len(head) == 2:
        ws.merge_cells("E3:G3")
    wb.save(tmp_path / "专项资金.xlsx")
    result = read_table(tmp_path / "专项资金.xlsx")
    (project,) = result.projects
    return project.indicators, [n.message.zh for n in result.notices
                                if "按属地分列" in n.message.zh or "指标方向" in n.message.zh]


@pytest.mark.parametrize("shape", list(PLACE_HEADS))
def test_a_block_with_a_value_column_per_place_pastes_as_it_imports(tmp_path, shape):
    """The same per-place block copied from Excel and pasted gives one target per indicator,
    the import's: values that agree taken once, an additive unit summed, values that differ
    leaving the target empty; and the same notices, each naming its row of the block."""
    head = PLACE_HEADS[shape]
    indicators, told = imported_per_place(tmp_path, head)
    result = pasted([*head, *PLACE_ROWS])
    assert [per_place_fields(r.indicator) for r in result.rows] == [
        per_place_fields(i) for i in indicators]
    assert [(i.name, i.comparator, i.target, i.unit) for i in indicators] == [
        ("新建村级活动场所", "≥", Decimal(4), "个"), ("设施验收合格率", "＝", Decimal(100), "%"),
        ("项目完成时限", "≤", None, ""), ("村民议事有固定场所", "", None, "")]
    assert indicators[3].value_display() == "是"
    first = len(head) + 1  # the block's row of the first indicator
    said = [str(n) for n in result.notices]
    assert [n.split("：", 1)[1] for n in said if "属地" in n or "指标方向" in n] == told
    assert told == [
        "指标“新建村级活动场所”按属地分列（白水村 1个、东山村 1个、西岭村 2个），以“个”计可以相加，"
        "已合计为 ≥4个，请核对。",
        "指标“设施验收合格率”按属地分列（白水村 100%、东山村 100%、西岭村 100%），各属地相同，"
        "已读作“=100%”。",
        "指标“项目完成时限”按属地分列（白水村 6个月、东山村 8个月、西岭村 6个月），各属地不同且不能"
        "相加，指标值留空，请按原表逐个属地核对后填写。",
        "指标“村民议事有固定场所”的指标方向“是/否”表示以是或否作答，不是计算符号，没有记为计算符号。",
        "指标“村民议事有固定场所”按属地分列（白水村 是、东山村 是、西岭村 是），各属地相同，已读作“是”。"]
    assert [n.split("：", 1)[0] for n in said if "属地" in n] == [
        f"第 {first} 行", f"第 {first + 1} 行", f"第 {first + 2} 行", f"第 {first + 3} 行"]
    assert result.heading_line == len(head)
    assert not any("没有读取这些列" in n for n in said)  # the place columns are read


def test_a_block_with_one_value_column_pastes_as_before():
    """A heading with 指标值 over an ordinary row below is no per-place heading: the block
    pastes column by column as it always did, with no per-place notice."""
    result = pasted([["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "备注"],
                     ["产出指标", "数量指标", "新建村级活动场所", "≥", "4个", "白水村"],
                     ["", "质量指标", "设施验收合格率", "=", "100%", "东山村"]])
    assert result.heading_line == 1
    assert result.columns == ("level1", "level2", "name", "comparator", "value", "remark")
    assert [(r.indicator.name, r.indicator.target, r.indicator.unit, r.indicator.remark)
            for r in result.rows] == [("新建村级活动场所", Decimal(4), "个", "白水村"),
                                      ("设施验收合格率", Decimal(100), "%", "东山村")]
    assert not any("属地" in str(n) for n in result.notices)
