"""Tables as clerks have them, written in every format PerfDesk reads (test helpers).

The same few projects are written as .xlsx (with or without merged cells, columns in another
order, the header repeated), as .csv/.tsv text in UTF-8, UTF-8 with BOM, GBK and UTF-16, and as
detailed forms in several local variants; tests read them back and compare with the source.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

TITLE = "2025年项目支出绩效目标表（含转移支付项目）"
HEADERS = ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]
DEPT = "广州市某某区财政局（部门）"
UNIT = "广州市某某区财政局"

ROWS = [
    [DEPT, UNIT, "财政业务培训经费", "全年开展财政业务培训10场，参训人员满意度达到90%以上。",
     "1、产出指标：培训场次，年度指标值：≥10场。2、效益指标：政策知晓率，年度指标值：≥90%。"
     "3、满意度指标：参训人员满意度，年度指标值：≥90%。"],
    [DEPT, UNIT, "预算绩效管理第三方服务", "完成部门整体支出绩效评价，评价报告按时提交。",
     "1、产出指标：评价报告数量，年度指标值：=3份。\n2、质量指标：报告验收合格率，年度指标值：100%\n"
     "3、效益指标：评价结果应用，年度指标值：好。"],
    [DEPT, "某某区国库支付中心", "国库集中支付系统运维", "保障国库集中支付系统全年安全稳定运行，故障响应及时。",
     "1、产出指标：系统正常运行率，年度指标值：>=99%。 2、产出指标：故障响应时间，年度指标值：≤2小时。 "
     "3、效益指标：支付业务办理，年度指标值：按时办理，无差错。。4、满意度指标：用户满意度，"
     "年度指标值：抽样"],
]
EXPECTED = [  # (level1, name, value text) per project, as stored: other spellings canonical
    [("产出指标", "培训场次", "≥10场"), ("效益指标", "政策知晓率", "≥90%"),
     ("满意度指标", "参训人员满意度", "≥90%")],
    [("产出指标", "评价报告数量", "＝3份"), ("质量指标", "报告验收合格率", "100%"),
     ("效益指标", "评价结果应用", "好")],
    [("产出指标", "系统正常运行率", "≥99%"), ("产出指标", "故障响应时间", "≤2小时"),
     ("效益指标", "支付业务办理", "按时办理，无差错"), ("满意度指标", "用户满意度", "抽样")],
]


def triples(project):
    return [(i.level1, i.name, i.value_display()) for i in project.indicators]


def disclosure_rows(*, title=True, repeat_header=False, order=None, headers=None):
    headers = list(headers or HEADERS)
    rows = []
    if title:
        rows += [[TITLE], []]
    rows.append(headers)
    for n, row in enumerate(ROWS):
        if repeat_header and n == 2:
            rows += [[], headers]
        rows.append(list(row))
    if order:
        rows = [[r[i] if i < len(r) else None for i in order] if len(r) > 1 else r
                for r in rows]
    return rows


def write_xlsx(path: Path, rows, *, merges=(), sheet="Sheet1") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for area in merges:
        ws.merge_cells(area)
    wb.save(path)
    return path


def write_text(path: Path, rows, *, encoding="utf-8", delimiter=",") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


# --- detailed forms filled by hand ----------------------------------------------------------

DETAIL_EXPECTED = dict(
    name="社区矫正智慧管理平台运维", department="某某区司法局", unit="某某区司法局",
    attribute="延续项目", period_start=2024, period_end=2026,
    annual_total=Decimal("120.50"), annual_fiscal=Decimal("100.50"),
    annual_other=Decimal("20.00"), midterm_total=Decimal("360.00"),
    midterm_fiscal=Decimal("300.00"), midterm_other=Decimal("60.00"),
    annual_goal="保障平台全年稳定运行，完成在册社区矫正对象定位监管全覆盖。",
    midterm_goal="三年内建成覆盖全区的社区矫正智慧管理体系。",
)
DETAIL_INDICATORS = [  # level1, level2, name, nature, comparator, value, unit, basis
    ("产出指标", "数量指标", "定位监管覆盖人数", "定量", "≥", "350", "人", "计划标准"),
    ("产出指标", "质量指标", "系统正常运行率", "定量", "≥", "99", "%", "行业标准"),
    ("产出指标", "时效指标", "故障响应时间", "定量", "≤", "2", "小时", "行业标准"),
    ("效益指标", "社会效益指标", "矫正对象再犯罪率", "定量", "≤", "0.2", "%", "历史标准"),
    ("满意度指标", "服务对象满意度指标", "工作人员满意度", "定量", "≥", "90", "%", "计划标准"),
    ("效益指标", "可持续影响指标", "管理制度健全性", "定性", "", "好", "", "其他标准"),
]


def write_detail_official(path: Path, *, traditional=False) -> Path:
    """The national layout, filled by hand: labels left, values right, funding in two columns,
    level 1 and level 2 merged down."""
    table = str.maketrans({"项": "項", "称": "稱", "门": "門", "实": "實", "单": "單", "属": "屬",
                           "资": "資", "总": "總", "额": "額", "财": "財", "拨": "撥", "标": "標",
                           "级": "級", "数": "數", "质": "質", "时": "時", "据": "據", "释": "釋"})

    def t(text: str) -> str:
        return text.translate(table) if traditional else text

    wb = Workbook()
    ws = wb.active
    ws.title = "项目1"
    d = DETAIL_EXPECTED
    ws.append(["2025年项目支出绩效目标申报表"])
    ws.merge_cells("A1:I1")
    ws.append(["填报单位（盖章）：", None, d["unit"], None, None, None, None, "单位：万元"])
    ws.append([t("项目名称"), None, d["name"]])
    ws.merge_cells("A3:B3"); ws.merge_cells("C3:I3")
    ws.append([t("主管部门"), None, d["department"], None, None, t("实施单位"), None, d["unit"]])
    ws.append([t("项目属性"), None, "延续", None, None, t("项目期"), None, "2024年-2026年"])
    ws.append([t("项目资金（万元）"), None, t("中期资金总额"), None, 360, t("年度资金总额"), None, 120.5])
    ws.append([None, None, "其中：" + t("财政拨款"), None, 300, "其中：" + t("财政拨款"), None, 100.5])
    ws.append([None, None, t("其他资金"), None, 60, t("其他资金"), None, 20])
    for row in (4, 5):
        ws.merge_cells(f"A{row}:B{row}"); ws.merge_cells(f"C{row}:E{row}")
        ws.merge_cells(f"F{row}:G{row}"); ws.merge_cells(f"H{row}:I{row}")
    ws.merge_cells("A6:B8")
    for row in (6, 7, 8):
        ws.merge_cells(f"C{row}:D{row}"); ws.merge_cells(f"F{row}:G{row}")
        ws.merge_cells(f"H{row}:I{row}")
    ws.append(["总体目标", None, "中长期目标", None, None, "年度目标"])
    ws.append([None, None, d["midterm_goal"], None, None, d["annual_goal"]])
    ws.merge_cells("A9:B10"); ws.merge_cells("C9:E9"); ws.merge_cells("F9:I9")
    ws.merge_cells("C10:E10"); ws.merge_cells("F10:I10")
    ws.append([t(h) for h in ("一级指标", "二级指标", "三级指标", "指标性质", "计算符号", "指标值",
                               "计量单位", "指标值设定依据", "指标解释")])
    first = 12
    ordered = sorted(DETAIL_INDICATORS, key=lambda r: ["产出指标", "效益指标", "满意度指标"].index(r[0]))
    for n, (l1, l2, name, nature, comp, value, unit, basis) in enumerate(ordered):
        number = float(value) if nature == "定量" else value
        ws.append([t(l1), t(l2), name, nature, comp, number, unit, basis, f"{name}的计算口径"])
    # merge level 1 down over its rows
    row = first
    for key in ("产出指标", "效益指标", "满意度指标"):
        count = sum(1 for r in ordered if r[0] == key)
        if count > 1:
            for r in range(row + 1, row + count):
                ws.cell(r, 1).value = None
            ws.merge_cells(f"A{row}:A{row + count - 1}")
        row += count
    ws.append(["填报人", None, "张三", "联系电话", None, "020-12345678", "填报日期", None, "2024-10-08"])
    wb.save(path)
    return path


def write_detail_local(path: Path) -> Path:
    """A local variant: columns 指标值及单位 / 绩效标准 / 指标值类型 / 评(扣)分标准 / 权重 / 备注,
    funding in a column block with the 一般公共预算/政府性基金/国有资本经营预算 split, level 1
    written once and left blank below (no merges), other column order."""
    wb = Workbook()
    ws = wb.active
    ws.title = "申报表"
    d = DETAIL_EXPECTED
    ws.append(["（2025年度）项目支出绩效目标申报表"])
    ws.append(["项目名称", d["name"], None, "项目编码", "44011201-0001"])
    ws.append(["主管部门", d["department"], None, "预算单位", d["unit"]])
    ws.append(["项目属性", "延续项目", None, "项目期", "2024-2026"])
    ws.append(["项目资金(万元)", "年度资金总额", "一般公共预算", "政府性基金", "国有资本经营预算", "其他资金"])
    ws.append([None, "120.50", 80.5, 20, 0, "20.00"])
    ws.append(["中期目标", d["midterm_goal"]])
    ws.append(["年度绩效目标", d["annual_goal"]])
    ws.append(["一级指标", "二级指标", "三级指标", "指标值类型", "指标值及单位", "绩效标准",
               "评(扣)分标准", "权重", "备注"])
    last_l1 = None
    for l1, l2, name, nature, comp, value, unit, basis in DETAIL_INDICATORS:
        ws.append([l1 if l1 != last_l1 else None, l2, name, nature, f"{comp}{value}{unit}", basis,
                   "未达标按比例扣分", 10, None])
        last_l1 = l1
    wb.save(path)
    return path
