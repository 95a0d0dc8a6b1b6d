"""Text tables as they really arrive: delimiters, encodings, stray quotes and bytes.

Each case either reads every project or refuses the whole file with the line that is wrong;
none may quietly read fewer rows than the file has.
"""

from __future__ import annotations

from openpyxl import Workbook

import pytest

from perfdesk.core.errors import PerfDeskError
from perfdesk.io import read_table
from tests.support import io_tables
from tests.support.io_tables import EXPECTED, ROWS, triples


def names(result):
    return [p.name for p in result.projects]


def test_a_tab_inside_one_csv_cell_does_not_switch_the_delimiter(tmp_path):
    rows = io_tables.disclosure_rows(title=False)
    rows[1][3] = "全年开展培训\t10场，参训人员满意度达到90%以上。"  # one stray tab in a goal
    path = io_tables.write_text(tmp_path / "表.csv", rows)
    result = read_table(path)
    assert names(result) == [r[2] for r in ROWS]
    assert [triples(p) for p in result.projects] == EXPECTED


def test_commas_inside_a_tab_separated_table_do_not_switch_it_either(tmp_path):
    path = io_tables.write_text(tmp_path / "pdf.txt", io_tables.disclosure_rows(),
                                delimiter="\t")
    assert names(read_table(path)) == [r[2] for r in ROWS]


def test_an_unclosed_quote_refuses_the_file_naming_its_line(tmp_path):
    path = tmp_path / "引号.csv"
    path.write_text("项目名称,绩效目标,绩效指标\r\n"
                    "项目甲,目标甲,1、产出指标：场次，年度指标值：≥10场。\r\n"
                    '项目乙,"目标乙,1、产出指标：人数，年度指标值：≥5人。\r\n'
                    "项目丙,目标丙,1、产出指标：次数，年度指标值：≥3次。\r\n", encoding="utf-8")
    with pytest.raises(PerfDeskError) as refused:
        read_table(path)
    message = str(refused.value)
    assert "第 3 行" in message and "引号" in message and "引号.csv" in message


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_a_byte_order_mark_is_read(tmp_path, encoding):
    path = io_tables.write_text(tmp_path / "unicode.txt", io_tables.disclosure_rows(),
                                delimiter="\t", encoding=encoding)
    result = read_table(path)
    assert names(result) == [r[2] for r in ROWS]


def test_big5_text_is_read_as_traditional_characters(tmp_path):
    rows = [["項目名稱", "績效目標", "績效指標"],
            ["社區矯正經費", "全年完成社區矯正對象管理", "1、產出指標：管理人數，年度指標值：>=100人。"]]
    path = io_tables.write_text(tmp_path / "繁體.csv", rows, encoding="big5")
    (project,) = read_table(path).projects
    assert project.name == "社區矯正經費"
    assert [(i.name, i.value_display()) for i in project.indicators] == [("管理人數", "≥100人")]


def test_gbk_text_is_still_read_as_gbk(tmp_path):
    path = io_tables.write_text(tmp_path / "gbk.csv", io_tables.disclosure_rows(),
                                encoding="gbk")
    assert names(read_table(path)) == [r[2] for r in ROWS]


def test_one_bad_byte_names_the_line_where_it_is(tmp_path):
    path = io_tables.write_text(tmp_path / "坏字节.csv", io_tables.disclosure_rows())
    data = path.read_bytes().split(b"\r\n")
    data[3] = data[3][:20] + b"\xff\xfe\xfd" + data[3][20:]
    path.write_bytes(b"\r\n".join(data))
    with pytest.raises(PerfDeskError) as refused:
        read_table(path)
    message = str(refused.value)
    assert "第 4 行" in message and "无法识别的字节" in message


def test_a_huge_cell_is_called_a_huge_cell_not_a_zip_bomb(tmp_path):
    wb = Workbook()
    wb.active.append(["项目名称", "绩效目标"])
    wb.active.append(["项目", "很长" * 500_000])
    path = tmp_path / "长单元格.xlsx"
    wb.save(path)
    with pytest.raises(PerfDeskError) as refused:
        read_table(path)
    message = str(refused.value)
    assert "单元格内容过长" in message and "压缩炸弹" not in message
