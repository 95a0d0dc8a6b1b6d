"""The fast worksheet reader gives exactly the values openpyxl's read-only worksheet gives.

An import reads cells straight from the sheet XML (perfdesk/io/xlsx_cells.py) instead of
through openpyxl's cell objects; a clerk must not see any difference. Each test reads a
workbook both ways and compares value for value (and type for type): workbooks saved by
LibreOffice (shared strings, rich text, formulas with cached values, dates, percentages),
every corpus table, and sheets written by hand with what a program may write (rows and cells
without positions, gaps, rows out of order, phonetic runs, errors, entities).
"""

from __future__ import annotations

import datetime
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from perfdesk.core.errors import PerfDeskError
from perfdesk.io import read_table, sources, xlsx_cells
from tests.support.paths import DATA, ROOT

LIBREOFFICE = sorted((DATA / "libreoffice").glob("*.xlsx"))
CORPUS = sorted((ROOT / "tests" / "corpus" / "tables").glob("*/source.xlsx"))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def both_ways(path: Path) -> list[tuple[str, list, list]]:
    """(sheet, rows read fast, rows read by openpyxl) for every sheet of ``path``."""
    found = []
    with open(path, "rb") as handle:
        wb = load_workbook(handle, read_only=True, data_only=True)
        for ws in wb.worksheets:
            fast = xlsx_cells.sheet_rows(wb, ws)
            assert fast is not None, f"{path.name} {ws.title}: left to openpyxl"
            fast_rows = [list(r) for r in fast]
            ws.reset_dimensions()
            slow_rows = [[sources._shown(c) for c in r] for r in ws.iter_rows()]
            found.append((ws.title, fast_rows, slow_rows))
        wb.close()
    return found


def typed(rows):
    return [[(type(v), v) for v in row] for row in rows]


def test_workbooks_saved_by_libreoffice_read_the_same():
    assert {p.name for p in LIBREOFFICE} >= {"mixed.xlsx", "perfdesk_export.xlsx", "bogai.xlsx"}
    for path in LIBREOFFICE:
        for sheet, fast, slow in both_ways(path):
            assert typed(fast) == typed(slow), (path.name, sheet)
    (_sheet, rows, _), _hidden = both_ways(DATA / "libreoffice" / "mixed.xlsx")
    assert rows[0] == ["项目名称", 12, "95%", datetime.datetime(2025, 3, 1), True, 24, 1.5e-07]
    assert rows[2] == ["普通加粗尾", None, "  前后空格  ", "第一行\n第二行"]
    assert rows[3][2] == "4500000%" and rows[3][5] == "&<>\"'"
    assert rows[6][8] == "远处" and rows[4] == [] and rows[5] == []


def test_every_corpus_table_reads_the_same():
    assert len(CORPUS) >= 20
    for path in CORPUS:
        for sheet, fast, slow in both_ways(path):
            assert typed(fast) == typed(slow), (path.name, sheet)


def test_a_perfdesk_export_saved_by_libreoffice_is_restored_from_its_data():
    result = read_table(DATA / "libreoffice" / "perfdesk_export.xlsx")
    assert result.restored == 3 and not result.notices
    assert [p.name for p in result.projects] == ["第1号项目", "第2号项目", "第3号项目"]
    assert result.projects[0].indicators[0].explanation == "按计划统计"  # only in the data


# A sheet as some program might write it: rows and cells without positions, a gap, a row
# numbered below one already read (openpyxl drops it), shared and inline strings with rich
# runs and phonetic runs, errors, formula text, booleans, ISO dates, numbers in every form,
# a styled empty cell ending a row, a cell whose <v> is empty, entities and CDATA.
HAND_SHEET = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{MAIN}"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c t="n"><v>1.0</v></c>
<c><v>1E3</v></c><c r="F1"><v>-0</v></c><c r="G1" s="0"/></row>
<row><c t="inlineStr"><is><r><t>甲</t></r><r><rPr><b/></rPr><t>乙</t></r><rPh sb="0" eb="1"><t>ジャ</t></rPh></is></c>
<c t="inlineStr"><is><t>前</t><r><t>后</t></r></is></c><c t="inlineStr"><is/></c>
<c t="inlineStr"><is><t/></is></c></row>
<row r="5"><c r="B5" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C5" t="str"><f>A1&amp;""</f><v>文本</v></c>
<c r="D5" t="b"><v>0</v></c><c r="E5" t="d"><v>2025-03-01T00:00:00</v></c><c r="F5"><v></v></c>
<c r="H5" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &#10;d<![CDATA[ <e> ]]></t></is></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><t>dropped</t></is></c></row>
<row r="7" spans="1:3" ht="20" customHeight="1"/>
<row r="8"><c r="C8" t="inlineStr"><is><t>x</t></is></c><c r="A8" t="inlineStr"><is><t>before</t></is></c></row>
</sheetData></worksheet>"""
HAND_STRINGS = f"""<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="{MAIN}" count="2" uniqueCount="2"><si><t>共享</t><phoneticPr fontId="1" type="noConversion"/></si>
<si><r><t xml:space="preserve">富 </t></r><r><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh></si></sst>"""


def hand_workbook(tmp_path: Path, sheet_xml: str) -> Path:
    """A workbook saved by openpyxl whose first sheet's XML is replaced by ``sheet_xml``
    (shared strings from HAND_STRINGS)."""
    made = tmp_path / "made.xlsx"
    wb = Workbook()
    wb.active["A1"] = "placeholder"
    wb.save(made)
    path = tmp_path / "hand.xlsx"
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        types = src.read("[Content_Types].xml").decode()
        rels = src.read("xl/_rels/workbook.xml.rels").decode()
        for item in src.infolist():
            if item.filename == "xl/sharedStrings.xml":
                continue  # replaced by HAND_STRINGS below
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml.encode()
            elif item.filename == "[Content_Types].xml" and "sharedStrings" not in types:
                data = types.replace("</Types>", (
                    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                    "</Types>")).encode()
            elif item.filename == "xl/_rels/workbook.xml.rels" and "sharedStrings" not in rels:
                data = rels.replace("</Relationships>", (
                    '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/sharedStrings" '
                    'Target="sharedStrings.xml"/></Relationships>')).encode()
            out.writestr(item, data)
        out.writestr("xl/sharedStrings.xml", HAND_STRINGS)
    return path


def test_a_sheet_written_by_hand_reads_the_same(tmp_path):
    path = hand_workbook(tmp_path, HAND_SHEET)
    (_sheet, fast, slow), = both_ways(path)
    assert typed(fast) == typed(slow)
    assert fast[0] == ["共享", "富 文本", 1.0, 1000.0, None, 0, None]
    assert fast[1] == ["甲乙", "前后", "", ""]
    assert fast[2:4] == [[], []]
    assert fast[4][1:5] == ["#DIV/0!", "文本", False, datetime.datetime(2025, 3, 1)]
    assert fast[4][5] is None and fast[4][7] == "a & b <c> \nd <e> "
    assert "dropped" not in str(fast) and fast[5] == [] and fast[6] == []
    assert fast[7] == ["before"]  # the row ends at its last cell's column, as openpyxl reads it


def test_a_sheet_with_a_document_type_is_left_to_openpyxl(tmp_path):
    xml = HAND_SHEET.replace("<worksheet", "<!DOCTYPE worksheet>\n<worksheet", 1)
    path = hand_workbook(tmp_path, xml)
    with open(path, "rb") as handle:
        wb = load_workbook(handle, read_only=True, data_only=True)
        assert xlsx_cells.sheet_rows(wb, wb.worksheets[0]) is None
        wb.close()
    sheet = sources.read_source(path).sheets[0]
    assert sheet.rows[0][:2] == ["共享", "富 文本"]  # read by openpyxl instead


def test_an_entity_declaration_is_still_refused(tmp_path):
    xml = HAND_SHEET.replace(
        "<worksheet", '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>\n<worksheet', 1
    ).replace("<t>x</t>", "<t>&a;</t>")
    with pytest.raises(PerfDeskError) as raised:
        sources.read_source(hand_workbook(tmp_path, xml))
    assert "hand.xlsx" in str(raised.value)


def test_a_broken_sheet_is_refused_in_chinese(tmp_path):
    path = hand_workbook(tmp_path, HAND_SHEET.replace("</row>\n<row r=\"4\">", "\n<row r=\"4\">"))
    with pytest.raises(PerfDeskError) as raised:
        sources.read_source(path)
    assert "已损坏" in str(raised.value) and "hand.xlsx" in str(raised.value)
