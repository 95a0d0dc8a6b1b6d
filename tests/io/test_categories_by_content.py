"""Importing or pasting a form whose first rows carry no category (issue 11, corpus table g01).

A 申报表 of g01's shape: the 一级指标 column empty throughout, the first rows without a 二级
label either, then 时效指标 and 成本指标 runs. Read from xlsx or from text, or pasted from
Excel, each unlabelled row comes in where its content plainly says, with a notice naming file,
sheet and row; a row whose content says no kind stays without a category, told too."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from perfdesk.io import read_table
from perfdesk.io.paste import parse_paste

HEADER = [
    ["绩效目标申报表", "", "", "", ""],
    ["项目名称", "某村光伏电站建设项目", "", "项目负责人及电话", "张三 13800000000"],
    ["主管部门", "某县乡村振兴局", "", "实施单位", "某县乡村振兴局"],
    ["资金情况 (万元)", "年度资金总额:80万", "", "", ""],
    ["总 体 目 标", "年度目标", "", "", ""],
    ["", "建成村级光伏电站1座，惠及农户120户。", "", "", ""],
]
GRID_HEADING = ["绩 效 指 标", "一级指标", "二级指标", "三级指标", "指标值"]
GRID = [
    ["", "", "", "新建村级光伏电站数量", "≥1座"],
    ["", "", "", "受益农户", "≥120户"],
    ["", "", "", "设备安装验收合格率", "100%"],
    ["", "", "", "农户用电覆盖率", "≥90%"],
    ["", "", "时效指标", "开工时限", "2024年5月"],
    ["", "", "", "竣工时限", "2024年10月"],
    ["", "", "成本指标", "每千瓦造价", "≤4000元/千瓦"],
]
FIRST_GRID_ROW = len(HEADER) + 2  # the file's row of the grid's first indicator

EXPECTED = [
    ("产出指标", "数量指标", "新建村级光伏电站数量"),
    ("产出指标", "数量指标", "受益农户"),
    ("产出指标", "质量指标", "设备安装验收合格率"),
    ("", "", "农户用电覆盖率"),  # a benefit's rate: no quality word, left for the clerk
    ("产出指标", "时效指标", "开工时限"),
    ("产出指标", "时效指标", "竣工时限"),
    ("产出指标", "成本指标", "每千瓦造价"),
]


def write_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "绩效目标申报表"
    for row in [*HEADER, GRID_HEADING, *GRID]:
        ws.append([c or None for c in row])
    ws.merge_cells(f"A{FIRST_GRID_ROW - 1}:A{FIRST_GRID_ROW + len(GRID) - 1}")
    ws.merge_cells(f"C{FIRST_GRID_ROW + 4}:C{FIRST_GRID_ROW + 5}")
    wb.save(path)
    return path


def write_txt(path: Path) -> Path:
    path.write_text("\n".join("\t".join(row) for row in [*HEADER, GRID_HEADING, *GRID]) + "\n",
                    encoding="utf-8")
    return path


def categories(project):
    return [(i.level1, i.level2, i.name) for i in project.indicators]


@pytest.mark.parametrize("write, sheet", [(write_xlsx, "，工作表“绩效目标申报表”"),
                                          (write_txt, "")])
def test_unlabelled_rows_come_in_where_their_content_says_each_told_by_file_sheet_row(
        tmp_path, write, sheet):
    path = write(tmp_path / ("申报表.xlsx" if write is write_xlsx else "申报表.txt"))
    result = read_table(path)
    (project,) = result.projects
    assert categories(project) == EXPECTED
    said = [n.text("zh") for n in result.notices if "类别" in n.message.zh]
    row = FIRST_GRID_ROW
    where = f"文件“{path.name}”{sheet}，第 {{}} 行，“一级指标”列："
    assert said == [
        where.format(row) + "类别按指标内容推定为 产出指标/数量指标，请核对。",
        where.format(row + 1) + "类别按指标内容推定为 产出指标/数量指标，请核对。",
        where.format(row + 2) + "类别按指标内容推定为 产出指标/质量指标，请核对。",
        where.format(row + 3) + "该行没有类别（一级指标、二级指标都是空的），按指标内容也不能确定，请补填。",
    ]


def test_pasting_the_grid_places_and_tells_the_same_rows_as_importing_it(tmp_path):
    imported = read_table(write_xlsx(tmp_path / "申报表.xlsx")).projects[0].indicators
    block = [GRID_HEADING[1:], *(row[1:] for row in GRID)]
    pasted = parse_paste("\r\n".join("\t".join(r) for r in block) + "\r\n")
    assert [(i.level1, i.level2, i.name) for i in pasted.indicators()] == EXPECTED
    fields = ("level1", "level2", "name", "nature", "comparator", "target", "unit",
              "value_text", "level1_source")
    assert [[getattr(i, f) for f in fields] for i in pasted.indicators()] == \
        [[getattr(i, f) for f in fields] for i in imported]
    told = [[n.message.zh for n in row.problems if n.field == "level1"] for row in pasted.rows]
    assert told[:4] == [["类别按指标内容推定为 产出指标/数量指标，请核对。"],
                        ["类别按指标内容推定为 产出指标/数量指标，请核对。"],
                        ["类别按指标内容推定为 产出指标/质量指标，请核对。"],
                        ["该行没有类别（一级指标、二级指标都是空的），按指标内容也不能确定，请补填。"]]
    # the rows with a 二级 label of their own (or carried down) take its parent, said per run
    assert told[4:] == [["一级指标为空，已按二级指标“时效指标”记为“产出指标”。"], [],
                        ["一级指标为空，已按二级指标“成本指标”记为“产出指标”。"]]


def test_rows_pasted_under_a_category_keep_it_rather_than_what_their_content_says():
    block = "设备安装验收合格率\t100%\r\n受益农户\t≥120户\r\n"
    under_effect = parse_paste(block, level1="效益指标")
    assert [(i.level1, i.level2) for i in under_effect.indicators()] == [("效益指标", "")] * 2
    under_quantity = parse_paste(block, level1="产出指标", level2="数量指标")
    assert [(i.level1, i.level2) for i in under_quantity.indicators()] == [
        ("产出指标", "数量指标")] * 2
    assert not any("推定" in n.message.zh for r in under_effect.rows + under_quantity.rows
                   for n in r.problems)
    alone = parse_paste(block)  # pasted where no category is in force: placed, and told
    assert [(i.level1, i.level2) for i in alone.indicators()] == [
        ("产出指标", "质量指标"), ("产出指标", "数量指标")]


def test_a_merged_category_cell_over_the_rows_keeps_them_where_the_form_put_them(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["项目名称", "某村光伏电站建设项目"])
    ws.append(["一级指标", "二级指标", "三级指标", "指标值"])
    ws.append(["产出指标", "数量指标", "新建村级光伏电站数量", "≥1座"])
    ws.append([None, None, "设备安装验收合格率", "100%"])  # under the merged 数量指标 cell
    ws.append(["效益指标", "社会效益指标", "农户用电覆盖率", "≥90%"])
    ws.append([None, None, "项目竣工时限", "2024年10月"])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:B4")
    ws.merge_cells("A5:A6")
    ws.merge_cells("B5:B6")
    wb.save(tmp_path / "表.xlsx")
    result = read_table(tmp_path / "表.xlsx")
    assert categories(result.projects[0]) == [
        ("产出指标", "数量指标", "新建村级光伏电站数量"),
        ("产出指标", "数量指标", "设备安装验收合格率"),
        ("效益指标", "社会效益指标", "农户用电覆盖率"),
        ("效益指标", "社会效益指标", "项目竣工时限"),
    ]
    assert not [n for n in result.notices if "类别" in n.message.zh]


CORPUS_G01 = (Path(__file__).resolve().parents[1] / "corpus" / "tables"
              / "g01_neimenggu_wuchuan_yangzhichang")


@pytest.mark.skipif(not CORPUS_G01.is_dir(), reason="no corpus tables folder")
def test_g01_its_four_unlabelled_rows_are_placed_and_each_told():
    result = read_table(CORPUS_G01 / "source.xlsx")
    (project,) = result.projects
    assert [(i.level1, i.level2) for i in project.indicators[:4]] == [
        ("产出指标", "数量指标"), ("产出指标", "数量指标"),
        ("产出指标", "质量指标"), ("产出指标", "质量指标")]
    said = [(n.location.row, n.message.zh) for n in result.notices if "推定" in n.message.zh]
    assert said == [(11, "类别按指标内容推定为 产出指标/数量指标，请核对。"),
                    (12, "类别按指标内容推定为 产出指标/数量指标，请核对。"),
                    (13, "类别按指标内容推定为 产出指标/质量指标，请核对。"),
                    (14, "类别按指标内容推定为 产出指标/质量指标，请核对。")]
