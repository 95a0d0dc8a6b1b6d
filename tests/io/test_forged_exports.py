"""An export's hidden data is untrusted input: anyone can rewrite it and its plain SHA-256.

It is restored only where it agrees with the visible table, and every field of it is checked
as a typed cell would be; otherwise the table is read, with a notice naming the place.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import zipfile

import pytest
from perfdesk.io import embedded, export_detail, export_disclosure, read_table
from tests.io.test_roundtrip import rich_projects


def forge(path, change):
    """Rewrite the hidden records with ``change(records)`` and re-hash them, as an attacker
    who knows the format would, touching nothing else of the workbook."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = next(name for name, data in parts.items() if name.startswith("xl/worksheets/")
                 and embedded.MARKER.encode() in data)
    xml = parts[sheet].decode("utf-8")
    texts = [html.unescape(m) for m in re.findall(r"<t[^>]*>(.*?)</t>", xml, flags=re.S)]
    header = json.loads(texts[1])
    items = json.loads("".join(texts[2:]))
    change(items)
    data = json.dumps(items, ensure_ascii=False, separators=(",", ":"))
    header["data_sha256"] = hashlib.sha256(data.encode("utf-8")).hexdigest()

    def cell(ref, text):
        return (f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">'
                f"{html.escape(text, quote=False)}</t></is></c>")

    rows = [f'<row r="1">{cell("A1", embedded.MARKER)}'
            f'{cell("B1", json.dumps(header, separators=(",", ":")))}</row>']
    for n, i in enumerate(range(0, len(data), embedded.CHUNK), 2):
        rows.append(f'<row r="{n}">{cell(f"A{n}", data[i:i + embedded.CHUNK])}</row>')
    xml = re.sub(r"<sheetData>.*</sheetData>", lambda _m: f"<sheetData>{''.join(rows)}</sheetData>",
                 xml, flags=re.S)
    parts[sheet] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data_bytes in parts.items():
            archive.writestr(name, data_bytes)


def project_values(items, index=0):
    return items[index][2][0]  # [visible hash, place, [project values, indicators]]


def field_index(name):
    return embedded.PROJECT_COLUMNS.index(name)


def export(layout, path):
    if layout == "disclosure":
        return export_disclosure(rich_projects(), path, year=2025)
    return export_detail(rich_projects(), path, year=2025)


@pytest.mark.parametrize("layout", ["disclosure", "detail"])
def test_a_forged_name_the_table_does_not_show_is_not_taken(tmp_path, layout):
    path = export(layout, tmp_path / "导出.xlsx")

    def rename(items):
        project_values(items)[field_index("name")] = "伪造的项目名称"

    forge(path, rename)
    result = read_table(path)
    names = [p.name for p in result.projects]
    assert "伪造的项目名称" not in names and names[0] == rich_projects()[0].name
    assert result.restored == 2
    assert any("不一致" in str(n) for n in result.notices)


@pytest.mark.parametrize("field, value, words", [
    ("period_start", 10 ** 30, "不是合理的年份"),
    ("period_end_month", 13, "不是合理的月份"),
    ("annual_total", "1E+200000000", "大小不合理"),
    ("annual_total", "1.12345678901234567", "小数位过多"),
    ("name", "长" * 40_000, "超过一个单元格的容量"),
])
def test_an_absurd_hidden_field_falls_back_to_the_table_with_a_notice(tmp_path, field, value,
                                                                      words):
    path = export("detail", tmp_path / "导出.xlsx")

    def poison(items):
        project_values(items)[field_index(field)] = value

    forge(path, poison)
    result = read_table(path)
    assert [p.name for p in result.projects] == [p.name for p in rich_projects()]
    assert result.restored == 2
    (notice,) = [n for n in result.notices if "无效" in str(n)]
    assert words in str(notice)
    first = result.projects[0]
    assert first.annual_total == rich_projects()[0].annual_total  # read from the sheet
    assert first.period_start == 2024
