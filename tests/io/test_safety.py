"""Bad files are refused with a clear message and leave the dataset exactly as it was; exports
never leave half-written files and never turn text into formulas."""

from __future__ import annotations

import errno
import io
import os
import re
import zipfile
from decimal import Decimal

import pytest
from tests.support.paths import SEED

from tests.support import io_tables
from perfdesk.core.errors import Cancelled, PerfDeskError
from perfdesk.io import export_detail, export_disclosure, read_table, safety, writing
from perfdesk.services.importing import import_files
from perfdesk.core.model import Indicator, Project


def refused(dataset, path, *words):
    """Import ``path``; expect a PerfDeskError naming the file and saying ``words``, and the
    dataset unchanged."""
    before = (dataset.counts(), [p.uuid for p in dataset.project_list()])
    with pytest.raises(PerfDeskError) as raised:
        import_files(dataset, [SEED, path])  # the good seed first: nothing of it may remain
    message = str(raised.value)
    assert path.name in message, message
    for word in words:
        assert word in message, message
    assert (dataset.counts(), [p.uuid for p in dataset.project_list()]) == before
    return raised.value


def good_xlsx(tmp_path):
    return io_tables.write_xlsx(tmp_path / "好表.xlsx", io_tables.disclosure_rows())


def test_empty_file(tmp_path, new_dataset):
    path = tmp_path / "空文件.xlsx"
    path.write_bytes(b"")
    refused(new_dataset(), path, "空的")


def test_missing_file(tmp_path, new_dataset):
    refused(new_dataset(), tmp_path / "没有这个文件.xlsx", "不存在")


def test_truncated_zip(tmp_path, new_dataset):
    data = good_xlsx(tmp_path).read_bytes()
    path = tmp_path / "下载中断.xlsx"
    path.write_bytes(data[: len(data) // 2])
    refused(new_dataset(), path, "损坏或不完整")


def test_not_a_spreadsheet(tmp_path, new_dataset):
    path = tmp_path / "照片.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    ds = new_dataset()
    refused(ds, path, "不是有效的 Excel")
    binary = tmp_path / "程序.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    refused(ds, binary, "不是表格")


def test_html_saved_as_xls(tmp_path, new_dataset):
    path = tmp_path / "系统导出.xls"
    path.write_bytes("<html><body><table><tr><td>项目名称</td></tr></table></body></html>".encode())
    refused(new_dataset(), path, "网页", "另存为")


def test_wrong_layout(tmp_path, new_dataset):
    path = io_tables.write_xlsx(tmp_path / "工资表.xlsx", [["姓名", "工资"], ["张三", 5000]])
    refused(new_dataset(), path, "没有找到绩效目标表")


def test_a_damaged_record_inside_a_workbook_names_the_sheet(tmp_path, new_dataset):
    source = good_xlsx(tmp_path)
    path = tmp_path / "坏表.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    refused(new_dataset(), path, "损坏")


BOMB = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i else "")) * 10}">' for i in range(1, 9))
        + ']><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheets><sheet name="&lol8;" sheetId="1" r:id="rId1" xmlns:r="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>')


def test_xml_bomb_is_refused_by_defusedxml(tmp_path, new_dataset):
    source = good_xlsx(tmp_path)
    path = tmp_path / "炸弹.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/workbook.xml":
                data = BOMB.encode()
            dst.writestr(item, data)
    refused(new_dataset(), path, "不允许的 XML")


def test_defusedxml_must_be_active(monkeypatch):
    safety.require_defused_xml()  # active in this installation
    import openpyxl

    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(PerfDeskError, match="defusedxml"):
        safety.require_defused_xml()


def test_zip_bomb_is_refused_before_decompressing(tmp_path, new_dataset):
    path = tmp_path / "压缩炸弹.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (64 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    refused(new_dataset(), path, "压缩炸弹")


def test_oversized_file_is_refused(tmp_path, new_dataset, monkeypatch):
    monkeypatch.setattr(safety, "MAX_TEXT_BYTES", 30_000)  # the seed (26 KB) still passes
    path = io_tables.write_text(tmp_path / "超大.csv", io_tables.disclosure_rows() * 40)
    refused(new_dataset(), path, "过大")


def test_huge_cell_names_row_and_column(tmp_path, new_dataset):
    rows = io_tables.disclosure_rows()
    rows[4][3] = "很长" * 20_000
    path = io_tables.write_text(tmp_path / "超长单元格.csv", rows)
    error = refused(new_dataset(), path, "过长")
    assert (error.row, error.column) == (5, "D")


def test_cancelling_an_import_changes_nothing(tmp_path, new_dataset):
    ds = new_dataset()
    before = ds.counts()
    calls = []

    def progress(done, total):
        calls.append((done, total))
        if len(calls) > 3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_files(ds, [SEED], progress=progress)
    assert ds.counts() == before


def test_cancelling_while_projects_are_added_rolls_back(tmp_path, new_dataset):
    ds = new_dataset()
    before = ds.counts()

    def progress(done, total):
        if done >= total // 2 + 1 and done < total:  # during the dataset write
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_files(ds, [SEED], progress=progress)
    assert ds.counts() == before


# --- exports --------------------------------------------------------------------------------


def formula_projects():
    return [Project(name="=HYPERLINK(\"http://x\",\"点我\")", department="+部门", unit="@单位",
                    annual_goal="-完成培训", indicators=[
                        Indicator(level1="产出指标", name="=1+1", value_text="=正常办结数/上报数"),
                        Indicator(level1="产出指标", name="-5%", nature="定量", comparator="≥",
                                  target=Decimal("5"), unit="%")])]


@pytest.mark.parametrize("export", [export_disclosure, export_detail], ids=["disclosure", "detail"])
def test_formula_looking_text_is_written_as_text(tmp_path, export):
    path = export(formula_projects(), tmp_path / "公式.xlsx", year=2025)
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = "".join(archive.read(n).decode() for n in sheets)
        styles = archive.read("xl/styles.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    texts = ["=HYPERLINK(", "+部门", "@单位", "-完成培训"]
    if export is export_detail:
        texts += ["=1+1", "=正常办结数/上报数"]  # grid cells of their own
    for text in texts:
        cell = re.search(r'<c r="[A-Z]+\d+" s="(\d+)" t="inlineStr"><is><t xml:space="preserve">'
                         + re.escape(text.replace('"', "&quot;").replace("&quot;", '"')), xml)
        assert cell, text
        xf = re.findall(r"<xf [^>]*>", styles.split("<cellXfs")[1])[int(cell.group(1))]
        assert 'quotePrefix="1"' in xf, (text, xf)
    back = read_table(path)
    assert back.projects[0].name == formula_projects()[0].name


def test_locked_target_gives_a_clear_message_and_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "汇总.xlsx"
    target.write_bytes(b"the reviewer's copy")

    def refuse(*_args):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PerfDeskError) as raised:
        export_disclosure(formula_projects(), target, year=2025)
    assert "正被其他程序" in str(raised.value) and "汇总.xlsx" in str(raised.value)
    assert target.read_bytes() == b"the reviewer's copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["汇总.xlsx"]


def test_a_target_open_in_excel_is_reported_before_any_work(tmp_path, monkeypatch):
    target = tmp_path / "汇总.xlsx"
    target.write_bytes(b"open elsewhere")
    real_open = open

    def locked_open(path, mode="r", *args, **kwargs):
        if str(path) == str(target) and "+" in mode:
            raise PermissionError(13, "locked")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(writing, "open", locked_open, raising=False)
    calls = []
    with pytest.raises(PerfDeskError, match="关闭"):
        export_detail(formula_projects(), target, year=2025,
                      progress=lambda d, t: calls.append(d))
    assert calls == [] and target.read_bytes() == b"open elsewhere"


def test_read_only_folder(tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "read-only")

    monkeypatch.setattr(writing.tempfile, "mkstemp", refuse)
    with pytest.raises(PerfDeskError, match="权限"):
        export_disclosure(formula_projects(), tmp_path / "x.xlsx", year=2025)
    assert list(tmp_path.iterdir()) == []


def test_disk_full_leaves_nothing_behind(tmp_path, monkeypatch):
    target = tmp_path / "汇总.xlsx"
    target.write_bytes(b"old")

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writing.os, "fsync", full)
    with pytest.raises(PerfDeskError, match="磁盘空间不足"):
        export_disclosure(formula_projects(), target, year=2025)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["汇总.xlsx"]


def test_missing_folder(tmp_path):
    with pytest.raises(PerfDeskError, match="文件夹不存在"):
        export_disclosure([], tmp_path / "没有" / "x.xlsx")


def test_the_export_is_named_xlsx(tmp_path):
    with pytest.raises(PerfDeskError, match=r"\.xlsx"):
        export_disclosure([], tmp_path / "x.xls")
    assert export_disclosure([], tmp_path / "汇总").name == "汇总.xlsx"


@pytest.mark.parametrize("export", [export_disclosure, export_detail], ids=["disclosure", "detail"])
def test_cancelling_an_export_writes_nothing(tmp_path, export):
    projects = read_table(SEED).projects

    def progress(done, total):
        if done > 5:
            raise Cancelled()

    with pytest.raises(Cancelled):
        export(projects, tmp_path / "导出.xlsx", year=2023, progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_an_export_is_read_back_before_it_replaces_the_target(tmp_path, monkeypatch):
    target = tmp_path / "汇总.xlsx"
    target.write_bytes(b"old")
    real_save = writing._save

    def corrupting_save(workbook, fh):
        buffer = io.BytesIO()
        real_save(workbook, buffer)
        data = bytearray(buffer.getvalue())
        data[len(data) // 3] ^= 0xFF  # one flipped byte, as a failing USB stick would
        fh.write(bytes(data))

    monkeypatch.setattr(writing, "_save", corrupting_save)
    with pytest.raises(PerfDeskError, match="读回校验失败"):
        export_disclosure(formula_projects(), target, year=2025)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["汇总.xlsx"]
