"""Regenerate detail_template.xlsx, the template of the 项目支出绩效目标申报表 (domain.md §5.2),
self_evaluation_template.xlsx, the template of the 项目支出绩效自评表 (the published 自评表's label
block and grid: 年度指标值 | 全年实际值 | 分值 | 得分 | 偏差原因分析及改进措施, then 总分), and
department_template.xlsx, the 部门（单位）整体支出绩效目标申报表 of 财预〔2015〕88号.

The template is an ordinary workbook that anyone may open in Excel and adjust (fonts, widths,
wording, print setup). PerfDesk's exporter (perfdesk/io/detail.py) finds every place it fills
through the workbook's defined names (PD_NAME, PD_ANNUAL_TOTAL, PD_GRID_HEAD, PD_GRID_ROW, …),
never through coordinates, and maps grid columns by their heading text; so a clerk's office can
move things around as long as the names still point at the right cells.

Run from the repository root:  python resources/templates/make_detail_template.py
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.properties import PageSetupProperties

OUT = Path(__file__).with_name("detail_template.xlsx")
SELF_OUT = Path(__file__).with_name("self_evaluation_template.xlsx")
DEPARTMENT_OUT = Path(__file__).with_name("department_template.xlsx")
SHEET = "申报表"
SELF_SHEET = "自评表"
DEPARTMENT_SHEET = "部门整体"

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SONG, FANG = "宋体", "仿宋"

TITLE = Font(name=SONG, size=18, bold=True)
LABEL = Font(name=SONG, size=11, bold=True)
VALUE = Font(name=FANG, size=11)
MARK = Font(name=SONG, size=11, bold=True, color="C00000")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)

WIDTHS = {"A": 10, "B": 12, "C": 26, "D": 8, "E": 8, "F": 18, "G": 8, "H": 12, "I": 26}
GRID = ("一级指标", "二级指标", "三级指标", "指标性质", "计算符号", "指标值", "计量单位",
        "指标值设定依据", "指标解释")
# alignment of each grid column in the indicator rows
GRID_ALIGN = (CENTER, CENTER, LEFT, CENTER, CENTER, CENTER, CENTER, CENTER, LEFT)


def _sheet(title: str, widths: dict[str, float]):
    """A new workbook, its sheet, the defined names to fill in, and the cell writers."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    names: dict[str, str] = {}

    def put(ref: str, value=None, font=VALUE, align=LEFT, border=BOX, merge: str = "",
            name: str = "", number_format: str = "") -> None:
        cell = ws[ref]
        cell.value = value
        cell.font = font
        cell.alignment = align
        if number_format:
            cell.number_format = number_format
        area = merge or ref
        if border is not None:
            for row in ws[area if ":" in area else f"{area}:{area}"]:
                for c in row:
                    c.border = border
                    c.font = font
                    c.alignment = align
        if merge:
            ws.merge_cells(merge)
        if name:
            names[name] = area

    def label(ref: str, text: str, merge: str = "") -> None:
        put(ref, text, LABEL, CENTER, merge=merge)

    def money(ref: str, name: str, merge: str = "") -> None:
        put(ref, None, VALUE, RIGHT, merge=merge, name=name, number_format="#,##0.00")

    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    return wb, ws, names, put, label, money


def _finish(wb: Workbook, ws, names: dict[str, str], title: str, head_row: int,
            last: str) -> Workbook:
    """The defined names and the print setup (A4 landscape, one page wide, heading repeated)."""
    for name, area in names.items():
        cols_rows = area.split(":")
        absolute = ":".join(f"${ref[0]}${ref[1:]}" for ref in cols_rows)
        wb.defined_names[name] = DefinedName(name, attr_text=f"'{title}'!{absolute}")

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_title_rows = f"{head_row}:{head_row}"
    ws.print_area = f"A1:{last}"
    ws.sheet_view.showGridLines = False
    return wb


def build() -> Workbook:
    wb, ws, names, put, label, money = _sheet(SHEET, WIDTHS)

    put("A1", "____年项目支出绩效目标申报表", TITLE, CENTER, None, "A1:I1", "PD_TITLE")
    ws.row_dimensions[1].height = 40
    put("A2", "填报单位（盖章）：", LABEL, LEFT, None, "A2:B2")
    put("C2", None, VALUE, LEFT, None, "C2:E2", "PD_UNIT_LINE")
    put("F2", None, MARK, CENTER, None, "F2:G2", "PD_CHECK")
    put("H2", "单位：万元", LABEL, RIGHT, None, "H2:I2")
    ws.row_dimensions[2].height = 22

    label("A3", "项目名称", "A3:B3")
    put("C3", None, merge="C3:I3", name="PD_NAME")
    label("A4", "主管部门", "A4:B4")
    put("C4", None, merge="C4:E4", name="PD_DEPARTMENT")
    label("F4", "实施单位", "F4:G4")
    put("H4", None, merge="H4:I4", name="PD_IMPLEMENTING_UNIT")
    label("A5", "项目属性", "A5:B5")
    put("C5", None, merge="C5:E5", name="PD_ATTRIBUTE")
    label("F5", "项目期", "F5:G5")
    put("H5", None, merge="H5:I5", name="PD_PERIOD")

    label("A6", "项目资金（万元）", "A6:B8")
    label("C6", "中期资金总额", "C6:D6")
    money("E6", "PD_MIDTERM_TOTAL")
    label("F6", "年度资金总额", "F6:G6")
    money("H6", "PD_ANNUAL_TOTAL", "H6:I6")
    label("C7", "其中：财政拨款", "C7:D7")
    money("E7", "PD_MIDTERM_FISCAL")
    label("F7", "其中：财政拨款", "F7:G7")
    money("H7", "PD_ANNUAL_FISCAL", "H7:I7")
    label("C8", "其他资金", "C8:D8")
    money("E8", "PD_MIDTERM_OTHER")
    label("F8", "其他资金", "F8:G8")
    money("H8", "PD_ANNUAL_OTHER", "H8:I8")
    for row in (3, 4, 5, 6, 7, 8):
        ws.row_dimensions[row].height = 24

    label("A9", "总体目标", "A9:B10")
    label("C9", "中长期目标", "C9:E9")
    label("F9", "年度目标", "F9:I9")
    put("C10", None, VALUE, TOP_LEFT, merge="C10:E10", name="PD_MIDTERM_GOAL")
    put("F10", None, VALUE, TOP_LEFT, merge="F10:I10", name="PD_ANNUAL_GOAL")
    ws.row_dimensions[9].height = 22
    ws.row_dimensions[10].height = 80

    for col, heading in zip("ABCDEFGHI", GRID):
        label(f"{col}11", heading)
    ws.row_dimensions[11].height = 30
    names["PD_GRID_HEAD"] = "A11:I11"
    for col, align in zip("ABCDEFGHI", GRID_ALIGN):
        put(f"{col}12", None, VALUE, align)
    names["PD_GRID_ROW"] = "A12:I12"

    label("A13", "填报人", "A13:B13")
    put("C13", None, name="PD_FILLED_BY")
    label("D13", "联系电话", "D13:E13")
    put("F13", None, name="PD_PHONE")
    label("G13", "填报日期", "G13:H13")
    put("I13", None, name="PD_FILLED_DATE")
    label("A14", "审核意见", "A14:B14")
    put("C14", None, VALUE, TOP_LEFT, merge="C14:I14", name="PD_REVIEW")
    ws.row_dimensions[13].height = 24
    ws.row_dimensions[14].height = 60
    return _finish(wb, ws, names, SHEET, 11, "I14")


SELF_WIDTHS = {"A": 10, "B": 16, "C": 26, "D": 18, "E": 18, "F": 8, "G": 10, "H": 28}
SELF_GRID = ("一级指标", "二级指标", "三级指标", "年度指标值", "全年实际值", "分值", "得分",
             "偏差原因分析及改进措施")
SELF_GRID_ALIGN = (CENTER, CENTER, LEFT, CENTER, CENTER, CENTER, CENTER, LEFT)


def build_self_evaluation() -> Workbook:
    """The 自评表: the label block the published 自评表 share, the 年度 funding lines, the
    年度总体目标, the grid in the official order and the 总分 row under it."""
    wb, ws, names, put, label, money = _sheet(SELF_SHEET, SELF_WIDTHS)
    put("A1", "项目支出绩效自评表（____年度）", TITLE, CENTER, None, "A1:H1", "PD_TITLE")
    ws.row_dimensions[1].height = 40
    put("G2", "单位：万元", LABEL, RIGHT, None, "G2:H2")
    ws.row_dimensions[2].height = 22

    label("A3", "项目名称", "A3:B3")
    put("C3", None, merge="C3:H3", name="PD_NAME")
    label("A4", "主管部门", "A4:B4")
    put("C4", None, merge="C4:D4", name="PD_DEPARTMENT")
    label("E4", "实施单位", "E4:F4")
    put("G4", None, merge="G4:H4", name="PD_IMPLEMENTING_UNIT")
    # the funding block of 财预〔2020〕10号's 自评表: 年初预算数 | 全年预算数 | 全年执行数 | 分值 |
    # 执行率 | 得分 for 年度资金总额, the three amounts for its 其中 rows
    label("A5", "项目资金\n（万元）", "A5:A8")
    label("B5", "")
    for col, heading in zip("CDEFGH", ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率",
                                       "得分")):
        label(f"{col}5", heading)
    for row, (text, part) in enumerate((("年度资金总额", "TOTAL"), ("其中：财政拨款", "FISCAL"),
                                        ("其他资金", "OTHER")), 6):
        label(f"B{row}", text)
        money(f"C{row}", f"PD_INITIAL_{part}")
        money(f"D{row}", f"PD_ANNUAL_{part}")
        money(f"E{row}", f"PD_EXECUTED_{part}")
        if part == "TOTAL":
            put("F6", None, VALUE, CENTER, name="PD_FUNDS_WEIGHT")
            put("G6", None, VALUE, CENTER, name="PD_FUNDS_RATE")
            put("H6", None, VALUE, CENTER, name="PD_FUNDS_SCORE")
        else:
            for col in "FGH":
                put(f"{col}{row}", "—", VALUE, CENTER)
    for row in (3, 4, 5, 6, 7, 8):
        ws.row_dimensions[row].height = 24
    label("A9", "年度总体目标", "A9:A10")
    label("B9", "预期目标", "B9:D9")
    label("E9", "实际完成情况", "E9:H9")
    put("B10", None, VALUE, TOP_LEFT, merge="B10:D10", name="PD_ANNUAL_GOAL")
    put("E10", None, VALUE, TOP_LEFT, merge="E10:H10", name="PD_GOAL_ACTUAL")
    ws.row_dimensions[9].height = 22
    ws.row_dimensions[10].height = 40  # (a longer goal makes its row taller)

    for col, heading in zip("ABCDEFGH", SELF_GRID):
        label(f"{col}11", heading)
    ws.row_dimensions[11].height = 30
    names["PD_GRID_HEAD"] = "A11:H11"
    for col, align in zip("ABCDEFGH", SELF_GRID_ALIGN):
        put(f"{col}12", None, VALUE, align)
    names["PD_GRID_ROW"] = "A12:H12"

    label("A13", "总分", "A13:E13")
    put("F13", None, LABEL, CENTER, name="PD_TOTAL_WEIGHT")
    put("G13", None, LABEL, CENTER, name="PD_TOTAL_SCORE")
    put("H13", None)
    ws.row_dimensions[13].height = 24
    return _finish(wb, ws, names, SELF_SHEET, 11, "H13")


DEPARTMENT_WIDTHS = {"A": 10, "B": 14, "C": 20, "D": 22, "E": 14, "F": 16, "G": 11, "H": 11,
                     "I": 11}


def build_department() -> Workbook:
    """The 部门（单位）整体支出绩效目标申报表 of 财预〔2015〕88号: 部门（单位）名称, the 年度主要任务
    (任务名称 | 主要内容 | 预算金额（万元）总额 / 财政拨款 / 其他资金, then 金额合计), 年度总体目标 and
    the 年度绩效指标 (一级指标 | 二级指标 | 三级指标 | 指标值), with what local forms add: 部门预算编码,
    部门职能职责概述, the 年度预算安排 split, each task's 部门职能 and 支出项目名称, each indicator's
    指标值设定依据 and 指标解释. PD_TASK_ROW is the prototype task row (one per task, as
    PD_GRID_ROW is one per indicator); PD_TASK_HEAD's headings say which task field each
    column holds."""
    wb, ws, names, put, label, money = _sheet(DEPARTMENT_SHEET, DEPARTMENT_WIDTHS)
    put("A1", "部门（单位）整体支出绩效目标申报表", TITLE, CENTER, None, "A1:I1", "PD_TITLE")
    ws.row_dimensions[1].height = 36
    put("A2", "（____年度）", LABEL, CENTER, None, "A2:I2", "PD_YEAR")
    put("A3", "填报单位（盖章）：", LABEL, LEFT, None, "A3:B3")
    put("C3", None, VALUE, LEFT, None, "C3:F3", "PD_UNIT_LINE")
    put("H3", "单位：万元", LABEL, RIGHT, None, "H3:I3")
    for row in (2, 3):
        ws.row_dimensions[row].height = 22

    label("A4", "部门（单位）名称", "A4:B4")
    put("C4", None, merge="C4:F4", name="PD_NAME")
    label("G4", "部门预算编码", "G4:H4")
    put("I4", None, name="PD_BUDGET_CODE")
    label("A5", "部门职能职责概述", "A5:B5")
    put("C5", None, VALUE, TOP_LEFT, merge="C5:I5", name="PD_DUTIES")
    label("A6", "年度预算安排（万元）", "A6:B6")
    label("C6", "年度资金总额")
    money("D6", "PD_ANNUAL_TOTAL")
    label("E6", "项目支出")
    money("F6", "PD_PROJECT_FUNDS")
    label("G6", "基本支出", "G6:H6")
    money("I6", "PD_BASIC_FUNDS")
    for row in (4, 6):
        ws.row_dimensions[row].height = 24
    ws.row_dimensions[5].height = 40

    label("A7", "年度主要任务", "A7:I7")
    label("A8", "部门职能", "A8:B9")
    label("C8", "任务名称", "C8:C9")
    label("D8", "主要内容", "D8:E9")
    label("F8", "支出项目名称", "F8:F9")
    label("G8", "预算金额（万元）", "G8:I8")
    label("G9", "总额")
    label("H9", "财政拨款")
    label("I9", "其他资金")
    names["PD_TASK_HEAD"] = "A8:I9"
    put("A10", None, VALUE, LEFT, merge="A10:B10")
    put("C10", None, VALUE, LEFT)
    put("D10", None, VALUE, LEFT, merge="D10:E10")
    put("F10", None, VALUE, LEFT)
    for col in "GHI":
        put(f"{col}10", None, VALUE, RIGHT, number_format="#,##0.00")
    names["PD_TASK_ROW"] = "A10:I10"
    label("A11", "金额合计", "A11:F11")
    money("G11", "PD_TASK_TOTAL")
    money("H11", "PD_TASK_FISCAL")
    money("I11", "PD_TASK_OTHER")
    for row in (7, 8, 9, 10, 11):
        ws.row_dimensions[row].height = 22

    label("A12", "年度总体目标", "A12:B12")
    put("C12", None, VALUE, TOP_LEFT, merge="C12:I12", name="PD_ANNUAL_GOAL")
    ws.row_dimensions[12].height = 60

    label("A13", "年度绩效指标", "A13:I13")
    label("A14", "一级指标")
    label("B14", "二级指标")
    label("C14", "三级指标", "C14:D14")
    label("E14", "指标值")
    label("F14", "指标值设定依据")
    label("G14", "指标解释", "G14:I14")
    ws.row_dimensions[13].height = 22
    ws.row_dimensions[14].height = 30
    names["PD_GRID_HEAD"] = "A14:I14"
    put("A15", None, VALUE, CENTER)
    put("B15", None, VALUE, CENTER)
    put("C15", None, VALUE, LEFT, merge="C15:D15")
    put("E15", None, VALUE, CENTER)
    put("F15", None, VALUE, CENTER)
    put("G15", None, VALUE, LEFT, merge="G15:I15")
    names["PD_GRID_ROW"] = "A15:I15"

    label("A16", "填报人", "A16:B16")
    put("C16", None, name="PD_FILLED_BY")
    label("D16", "联系电话")
    put("E16", None, merge="E16:F16", name="PD_PHONE")
    label("G16", "填报日期")
    put("H16", None, merge="H16:I16", name="PD_FILLED_DATE")
    label("A17", "审核意见", "A17:B17")
    put("C17", None, VALUE, TOP_LEFT, merge="C17:I17", name="PD_REVIEW")
    ws.row_dimensions[16].height = 24
    ws.row_dimensions[17].height = 60
    return _finish(wb, ws, names, DEPARTMENT_SHEET, 14, "I17")


if __name__ == "__main__":
    build().save(OUT)
    build_self_evaluation().save(SELF_OUT)
    build_department().save(DEPARTMENT_OUT)
    print(f"wrote {OUT}, {SELF_OUT} and {DEPARTMENT_OUT}")
