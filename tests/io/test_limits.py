"""Files beyond any real table are refused within seconds; a city's worth still imports.

A table of hundreds of thousands of rows, or a merged range over a whole sheet, once took
minutes and gigabytes before anything was said. Now the reading stops at the limit with a
message naming the file; merged ranges are cut to the data, and overlapping ones (which Excel
never writes) are refused.
"""

from __future__ import annotations

import time

import pytest

from perfdesk.core.errors import PerfDeskError
from perfdesk.io import read_table, safety
from tests.support import bad_inputs, io_tables

HEADER = "\r\n".join(",".join(r) for r in io_tables.disclosure_rows()[:3]).encode() + b"\r\n"
ROW = "部门,单位,项目,目标,“1、产出指标：培训场次，年度指标值：≥10场。”\r\n".encode()


def test_a_csv_of_250000_rows_is_refused_in_seconds_naming_the_limit(tmp_path):
    path = tmp_path / "二十五万行.csv"
    path.write_bytes(HEADER + ROW * 250_000)
    assert path.stat().st_size < safety.MAX_TEXT_BYTES
    started = time.monotonic()
    with pytest.raises(PerfDeskError) as refused:
        read_table(path)
    assert time.monotonic() - started < 20
    message = str(refused.value)
    assert "二十五万行.csv" in message and "200000 行以上" in message and "没有导入任何内容" in message


def test_a_workbook_of_300000_rows_is_refused_before_its_cells_are_parsed(tmp_path):
    head = bad_inputs.sheet_xml(io_tables.disclosure_rows()[:3]).split(b"</sheetData>")[0]
    rows = "".join(f'<row r="{r}"><c r="C{r}" t="inlineStr"><is><t>项目{r}</t></is></c></row>'
                   for r in range(4, 300_004))
    path = bad_inputs.raw_xlsx(tmp_path / "三十万行.xlsx", [("Sheet1", head + rows.encode() +
                                                               b"</sheetData></worksheet>")])
    started = time.monotonic()
    with pytest.raises(PerfDeskError, match="200000 行以上"):
        read_table(path)
    assert time.monotonic() - started < 20


def test_ten_thousand_projects_in_one_csv_still_import(tmp_path):
    rows = [f"部门,单位,项目{i},目标,1、产出指标：培训场次，年度指标值：≥10场。\r\n".encode()
            for i in range(10_000)]
    path = tmp_path / "全市.csv"
    path.write_bytes(HEADER + b"".join(rows))
    assert len(read_table(path).projects) == 10_000


def test_a_merged_range_over_the_whole_sheet_is_cut_to_the_data(tmp_path):
    rows = bad_inputs._detail_local_rows()
    path = bad_inputs.raw_xlsx(tmp_path / "合并.xlsx", [("申报表", bad_inputs.sheet_xml(
        rows, ["A10:A1048576", "J1:XFD1"]))])
    started = time.monotonic()
    [project] = read_table(path).projects
    assert time.monotonic() - started < 10
    assert project.name == io_tables.DETAIL_EXPECTED["name"]
    assert len(project.indicators) == len(io_tables.DETAIL_INDICATORS)


def test_overlapping_merged_ranges_are_refused_naming_the_sheet(tmp_path):
    rows = bad_inputs._disclosure_rows()
    path = bad_inputs.raw_xlsx(tmp_path / "重叠.xlsx", [("表一", bad_inputs.sheet_xml(
        rows, [f"A{r}:E{r + 3000}" for r in range(4, 7)]))])
    with pytest.raises(PerfDeskError) as refused:
        read_table(path)
    assert "工作表“表一”" in str(refused.value) and "相互重叠" in str(refused.value)
