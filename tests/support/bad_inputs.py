"""A generated corpus of broken and hostile inputs, as clerks' PCs and e-mail attachments hold.

:func:`generate` writes every input into a folder and returns one :class:`BadInput` per case:
workbooks cut short, zeroed or with bits flipped; zip bombs just within and beyond the limits;
huge and overlapping merged ranges; many 1 MiB sheets; money written as inf, NaN or 1e400;
cells of 32,768 characters and more; formulas; GBK, Big5, UTF-16 and broken text; control
characters; CSVs of hundreds of thousands of rows; file names starting with "-" or holding
bytes that are not UTF-8; empty files, folders, symlinks, pipes, devices; and damaged dataset
files. Nothing is committed as a blob: every input is made from the good tables of
:mod:`tests.support.io_tables` and a PerfDesk export, with a fixed random seed.

Each case says which command runs it (``perfdesk import FILE --into DATASET`` for a table,
``perfdesk info``/``import`` on the dataset itself for a damaged dataset) and, where it
applies, the row and words the refusal must name.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import sqlite3
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from tests.support import io_tables
from tests.support.paths import SEED

SEED_NUMBER = 17
# inputs that take several seconds however well they are handled (a city's worth of rows read
# before a legal table imports, 40 MiB of cells parsed): run with the slow tests
SLOW = {"sheets-40-of-1MiB", "sheets-40-of-1MiB-after-table", "xlsx-many-columns",
        "csv-10000-rows-legal", "csv-60MB-one-line", "csv-880000-rows", "zip-60MB-of-blanks",
        "csv-million-blank-lines", "sheets-3000-empty", "xlsx-300000-rows"}


@dataclass
class BadInput:
    """One input and how it is run.

    Attributes:
        key: a short unique name (shown when the case fails).
        path: the input file (a table, or a dataset for ``target="dataset"``); may hold
            undecodable bytes (surrogate escapes).
        target: ``"table"`` (imported into a good dataset) or ``"dataset"`` (the dataset itself
            is the bad input: ``command`` runs on it).
        command: for a dataset, ``"info"`` or ``"import"`` (the good sample into it).
        row: the row (line) a refusal must name, if it applies.
        words: what a refusal (or the import's notices) must say.
        refused: ``True`` when the input must be refused, ``None`` when either a refusal or a
            clean import is fine (a flipped bit the zip checksum does not cover …).
    """

    key: str
    path: str
    target: str = "table"
    command: str = "import"
    row: int | None = None
    words: tuple[str, ...] = ()
    refused: bool | None = None
    extra: dict = field(default_factory=dict)
    slow: bool = False  # seconds of work even when handled well: run with the slow tests


# --- workbooks written by hand (fast, and able to hold what openpyxl would refuse to write) ----


def _cell(ref: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):  # ("f", formula, cached) or ("n", raw number text)
        if value[0] == "f":
            cached = f"<v>{escape(str(value[2]))}</v>" if value[2] is not None else ""
            return f'<c r="{ref}" t="str"><f>{escape(value[1])}</f>{cached}</c>'
        return f'<c r="{ref}"><v>{value[1]}</v></c>'
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def _col(index: int) -> str:
    name = ""
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def sheet_xml(rows, merges=(), *, padding: int = 0) -> bytes:
    parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             "<sheetData>"]
    for r, row in enumerate(rows, 1):
        cells = "".join(_cell(f"{_col(c)}{r}", v) for c, v in enumerate(row, 1))
        parts.append(f'<row r="{r}">{cells}</row>')
    parts.append("</sheetData>")
    if padding:
        parts.append(" " * padding)
    if merges:
        parts.append(f'<mergeCells count="{len(merges)}">')
        parts.extend(f'<mergeCell ref="{m}"/>' for m in merges)
        parts.append("</mergeCells>")
    parts.append("</worksheet>")
    return "".join(parts).encode("utf-8")


def raw_xlsx(path: Path, sheets: list[tuple[str, bytes]], *, extra: dict | None = None,
             workbook_prefix: bytes = b"") -> Path:
    """A minimal workbook of ready-made sheet XML (``extra``: more zip members)."""
    names = "".join(f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>'
                    for i, (n, _x) in enumerate(sheets, 1))
    workbook = (workbook_prefix + b'<workbook xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships"><sheets>' + names.encode() +
                b"</sheets></workbook>")
    rels = "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/'
                   f'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                   for i in range(1, len(sheets) + 1))
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                        for i in range(1, len(sheets) + 1))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns='
                   '"http://schemas.openxmlformats.org/package/2006/content-types"><Default '
                   'Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                   'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
                   'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   + overrides + "</Types>")
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
                   '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
                   'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships">' + rels + "</Relationships>")
        for i, (_name, xml) in enumerate(sheets, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        for member, data in (extra or {}).items():
            z.writestr(member, data)
    return path


def _disclosure_rows(rows: int = 3) -> list[list]:
    base = io_tables.disclosure_rows()
    body = base[3:]
    out = base[:3]
    for i in range(rows):
        row = list(body[i % len(body)])
        if i >= len(body):
            row[2] = f"{row[2]}{i}"
        out.append(row)
    return out


def _detail_local_rows(annual_total="120.50") -> list[list]:
    d = io_tables.DETAIL_EXPECTED
    rows = [["（2025年度）项目支出绩效目标申报表"],
            ["项目名称", d["name"], None, "项目编码", "44011201-0001"],
            ["主管部门", d["department"], None, "预算单位", d["unit"]],
            ["项目属性", "延续项目", None, "项目期", "2024-2026"],
            ["项目资金(万元)", "年度资金总额", "一般公共预算", "政府性基金", "国有资本经营预算", "其他资金"],
            [None, annual_total, 80.5, 20, 0, "20.00"],
            ["中期目标", d["midterm_goal"]],
            ["年度绩效目标", d["annual_goal"]],
            ["一级指标", "二级指标", "三级指标", "指标值类型", "指标值及单位", "绩效标准",
             "评(扣)分标准", "权重", "备注"]]
    for l1, l2, name, nature, comp, value, unit, basis in io_tables.DETAIL_INDICATORS:
        rows.append([l1, l2, name, nature, f"{comp}{value}{unit}", basis, "未达标按比例扣分", 10, None])
    return rows


# --- the corpus ---------------------------------------------------------------------------------


class _Corpus:
    def __init__(self, folder: Path, exports: dict[str, Path]) -> None:
        self.folder = folder
        self.cases: list[BadInput] = []
        self.exports = exports
        self.rng = random.Random(SEED_NUMBER)
        self._n = 0

    def file(self, name: str) -> Path:
        self._n += 1
        sub = self.folder / f"{self._n:03d}"
        sub.mkdir()
        return sub / name

    def add(self, key: str, path: Path | str, **kw) -> None:
        self.cases.append(BadInput(key, str(path), **kw))

    def bytes_case(self, key: str, name: str, data: bytes, **kw) -> Path:
        path = self.file(name)
        path.write_bytes(data)
        self.add(key, path, **kw)
        return path


def generate(folder: Path, exports: dict[str, Path], dataset: Path) -> list[BadInput]:
    """Write the corpus into ``folder``. ``exports``: good workbooks to damage
    (``"table"``, ``"disclosure"``, ``"detail"``); ``dataset``: a good dataset to damage."""
    c = _Corpus(folder, exports)
    for make in (_damaged_workbooks, _zips, _merges, _big_workbooks, _money, _cells, _text,
                 _csv_shapes, _files, _other_formats, _datasets):
        make(c, dataset) if make is _datasets else make(c)
    keys = [case.key for case in c.cases]
    assert len(keys) == len(set(keys)), "case keys must be unique"
    for case in c.cases:
        case.slow = case.key in SLOW
    return c.cases


def _damaged_workbooks(c: _Corpus) -> None:
    for base, source in c.exports.items():
        data = source.read_bytes()
        for fraction in (0.02, 0.1, 0.25, 0.4, 0.5, 0.75, 0.9, 0.99):
            c.bytes_case(f"{base}-cut-{fraction}", "截断.xlsx", data[: int(len(data) * fraction)])
        for fraction in (0.0, 0.05, 0.2, 0.35, 0.5, 0.7, 0.85, 0.97):
            start = int(len(data) * fraction)
            zeroed = data[:start] + bytes(min(512, len(data) - start)) + data[start + 512:]
            c.bytes_case(f"{base}-zeroed-{fraction}", "清零.xlsx", zeroed)
        for n in range(16):
            flipped = bytearray(data)
            for _ in range(1 + n % 3):
                at = c.rng.randrange(len(flipped))
                flipped[at] ^= 1 << c.rng.randrange(8)
            c.bytes_case(f"{base}-flip-{n}", "位翻转.xlsx", bytes(flipped))


def _zips(c: _Corpus) -> None:
    rows = _disclosure_rows()
    # a member declaring 3 GB (a bomb's directory): refused before a byte is unpacked
    path = c.file("炸弹.xlsx")
    raw_xlsx(path, [("Sheet1", sheet_xml(rows))])
    data = bytearray(path.read_bytes())
    at = data.rfind(b"xl/worksheets/sheet1.xml")  # the central directory entry's name
    header = data.rfind(b"PK\x01\x02", 0, at)
    struct.pack_into("<I", data, header + 24, 3_000_000_000)
    path.write_bytes(bytes(data))
    c.add("zip-declares-3GB", path, refused=True, words=("压缩炸弹",))
    # just within the limits: a sheet padded to 60 MB of blanks (compresses ~1000:1)
    c.add("zip-60MB-of-blanks", raw_xlsx(c.file("近上限.xlsx"),
                                         [("Sheet1", sheet_xml(rows, padding=60 * 1024 * 1024))]))
    # beyond: 70 MB of blanks
    c.add("zip-bomb-70MB", raw_xlsx(c.file("炸弹2.xlsx"),
                                    [("Sheet1", sheet_xml(rows, padding=70 * 1024 * 1024))]),
          refused=True, words=("压缩炸弹",))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("inner.xlsx", b"\0" * (10 * 1024 * 1024))
    c.add("zip-of-a-zip", raw_xlsx(c.file("套娃.xlsx"), [("Sheet1", sheet_xml(rows))],
                                   extra={"xl/embeddings/inner.zip": bomb.getvalue()}))
    c.bytes_case("zip-not-a-workbook", "压缩包.xlsx", _zip({"readme.txt": b"hello"}), refused=True)
    c.bytes_case("zip-without-workbook-xml", "缺部件.xlsx",
                 _zip({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml":
                       sheet_xml(rows)}), refused=True)
    c.add("zip-billion-laughs", raw_xlsx(c.file("实体.xlsx"), [("Sheet1", sheet_xml(rows))],
                                        workbook_prefix=b'<?xml version="1.0"?><!DOCTYPE lolz ['
                                        b'<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'),
          refused=True)
    xxe = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
           b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row>'
           b"</sheetData></worksheet>")
    c.add("zip-external-entity", raw_xlsx(c.file("外部实体.xlsx"), [("Sheet1", xxe)]), refused=True)
    c.add("zip-sheet-not-utf8", raw_xlsx(c.file("乱码.xlsx"),
                                         [("Sheet1", sheet_xml(rows).replace("项目".encode(),
                                                                             b"\xff\xfe"))]),
          refused=True)
    c.add("zip-sheet-broken-xml", raw_xlsx(c.file("坏XML.xlsx"),
                                           [("Sheet1", sheet_xml(rows)[:-40])]), refused=True)
    c.bytes_case("zip-many-members", "部件多.xlsx",
                 _zip({f"x/{i}.xml": b"" for i in range(3000)}), refused=True)
    c.bytes_case("zip-empty-archive", "空压缩包.xlsx", _zip({}), refused=True)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _merges(c: _Corpus) -> None:
    detail = _detail_local_rows()
    disclosure = _disclosure_rows()
    cases = {
        "merge-whole-sheet-detail": (detail, ["A1:XFD1048576"]),
        "merge-whole-sheet-disclosure": (disclosure, ["A1:XFD1048576"]),
        "merge-3-to-3000-overlapping": (disclosure, [f"A{r}:E{r + 3000}" for r in range(4, 7)]),
        "merge-level1-to-bottom": (detail, ["A10:A1048576", "B10:B1048576"]),
        "merge-10000-small": (detail, [f"J{r}:K{r}" for r in range(1, 10001)]),
        "merge-reversed": (detail, ["C12:A10", "E5:B2"]),
        "merge-huge-columns": (disclosure, ["A4:XFD4", "A5:XFD5"]),
        "merge-all-overlapping": (detail, [f"A{r}:I{r + 500}" for r in range(1, 400)]),
    }
    for key, (rows, merges) in cases.items():
        c.add(key, raw_xlsx(c.file("合并.xlsx"), [("Sheet1", sheet_xml(rows, merges))]))


def _big_workbooks(c: _Corpus) -> None:
    row = ["x" * 200] * 5
    mib = sheet_xml([row] * 1000)  # ~1 MiB of sheet XML
    c.add("sheets-40-of-1MiB", raw_xlsx(c.file("多表.xlsx"),
                                        [(f"表{i}", mib) for i in range(40)]))
    c.add("sheets-40-of-1MiB-after-table", raw_xlsx(
        c.file("多表2.xlsx"), [("Sheet1", sheet_xml(_disclosure_rows()))] +
        [(f"表{i}", mib) for i in range(40)]))
    c.add("sheets-3000-empty", raw_xlsx(c.file("空表多.xlsx"),
                                        [(f"表{i}", sheet_xml([[None]])) for i in range(3000)]),
          refused=True)
    c.add("xlsx-300000-rows", raw_xlsx(c.file("三十万行.xlsx"),
                                       [("Sheet1", sheet_xml(_disclosure_rows(300_000)))]),
          refused=True, words=("行",))
    c.add("xlsx-many-columns", raw_xlsx(c.file("宽表.xlsx"),
                                        [("Sheet1", sheet_xml(_disclosure_rows(3) +
                                                              [["x"] * 16000] * 20))]))


def _money(c: _Corpus) -> None:
    values = ["inf", "-inf", "Infinity", "NaN", "nan", "1e400", "-1e400", "1E+200000000",
              "1e-400", "-5", "-120.50", "-0", "∞", "１２０", "12,345.678", "1.2.3", "120万元",
              "0x10", "1_000", "—", "10^30", "1" * 40, "1e30", "120.123456789", "  ", "=1+1"]
    for value in values:
        c.add(f"money-text-{value.strip() or 'blank'}", raw_xlsx(
            c.file("金额.xlsx"), [("申报表", sheet_xml(_detail_local_rows(value)))]))
    for raw in ("INF", "NaN", "1e400", "-1e308", "1E+200000000", "-5", "9" * 400):
        c.add(f"money-number-{raw[:12]}", raw_xlsx(
            c.file("金额数.xlsx"), [("申报表", sheet_xml(_detail_local_rows(("n", raw))))]))


def _cells(c: _Corpus) -> None:
    for length in (32_766, 32_767, 32_768, 40_000, 1_048_576):
        rows = _disclosure_rows()
        rows[4][3] = "目" * length
        refuse = length > 32_767 if length != 32_767 else None
        c.add(f"cell-xlsx-{length}", raw_xlsx(c.file("长单元格.xlsx"), [("Sheet1", sheet_xml(rows))]),
              refused=refuse, row=5 if refuse else None)
        text = io_tables.write_text(c.file("长单元格.csv"), rows)
        c.add(f"cell-csv-{length}", text, refused=length > 32_767, row=5 if length > 32_767 else None)
    for n, formula in enumerate(("=1+1", "=HYPERLINK(\"http://x\",\"点我\")",
                                 "=cmd|' /C calc'!A0", "=A1/0", "=" + "1+" * 5000 + "1")):
        rows = _disclosure_rows()
        rows[4][2] = ("f", formula, None)
        rows[5][4] = ("f", formula, "1、产出指标：培训场次，年度指标值：≥10场。")
        c.add(f"formula-xlsx-{n}", raw_xlsx(c.file("公式.xlsx"), [("Sheet1", sheet_xml(rows))]))
    for n, text in enumerate(("=1+1", "@SUM(A1:A9)", "+1", "-1", "=cmd|' /C calc'!A0")):
        rows = _disclosure_rows()
        rows[3][2] = text
        c.add(f"formula-csv-{n}", io_tables.write_text(c.file("公式.csv"), rows))
    for n, ch in enumerate(("\x00", "\x1b[31m", "\x7f", "\u202e", "\ufeff", "\x0b\x0c",
                            "\u2028", "\ud800")):
        rows = _disclosure_rows()
        rows[3][2] = f"项目{ch}名称"
        data = _csv_bytes(rows, errors="surrogatepass")
        c.bytes_case(f"control-csv-{n}", "控制符.csv", data)
        if ch not in ("\x00", "\ud800", "\x1b[31m", "\x7f", "\x0b\x0c"):
            c.add(f"control-xlsx-{n}", raw_xlsx(c.file("控制符.xlsx"), [("Sheet1", sheet_xml(rows))]))


def _csv_bytes(rows, *, encoding="utf-8", errors="strict", delimiter=",") -> bytes:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buffer.getvalue().encode(encoding, errors=errors)


_TRADITIONAL = str.maketrans({"项": "項", "门": "門", "单": "單", "财": "財", "务": "務", "经": "經",
                              "费": "費", "训": "訓", "员": "員", "达": "達", "标": "標", "产": "產",
                              "场": "場", "数": "數", "满": "滿", "意": "意", "绩": "績", "效": "效",
                              "预": "預", "算": "算", "区": "區", "国": "國", "库": "庫", "统": "統",
                              "运": "運", "维": "維", "质": "質", "报": "報", "评": "評", "价": "價",
                              "时": "時", "间": "間", "户": "戶", "应": "應", "务": "務", "业": "業",
                              "办": "辦", "无": "無", "错": "錯", "证": "證", "开": "開", "们": "們",
                              "结": "結", "测": "測", "理": "理", "级": "級", "称": "稱", "体": "體",
                              "参": "參", "场": "場", "计": "計", "划": "劃", "广": "廣", "东": "東",
                              "龙": "龍", "广": "廣", "集": "集", "统": "統", "稳": "穩", "障": "障",
                              "响": "響", "规": "規", "范": "範", "障": "障", "销": "銷", "学": "學",
                              "会": "會", "报": "報", "验": "驗", "收": "收", "格": "格", "率": "率",
                              "应": "應", "果": "果", "用": "用", "样": "樣", "抽": "抽", "发": "發",
                              "实": "實", "现": "現", "个": "個", "总": "總", "万": "萬", "元": "元",
                              "执": "執", "行": "行", "度": "度", "支": "支", "付": "付", "心": "心",
                              "中": "中", "达": "達", "系": "系", "务": "務", "号": "號", "这": "這"})


def _text(c: _Corpus) -> None:
    rows = _disclosure_rows()
    seed_text = _csv_bytes(rows, delimiter="\t").decode("utf-8")
    c.bytes_case("text-gbk", "国标.txt", seed_text.encode("gbk"))
    c.bytes_case("text-gb18030", "国标18030.csv", _csv_bytes(rows, encoding="gb18030"))
    big5 = [[str(v).translate(_TRADITIONAL) if v else v for v in r] for r in rows]
    c.bytes_case("text-big5", "繁体.csv", _csv_bytes(big5, encoding="big5", errors="replace"))
    for encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"):
        c.bytes_case(f"text-{encoding}", f"{encoding}.txt", seed_text.encode(encoding))
    c.bytes_case("text-latin1-garbage", "西文.csv", bytes(range(128, 256)) * 40)
    c.bytes_case("text-shift-jis", "日文.csv", "プロジェクト名,年度,目標\n".encode("shift_jis") * 50)
    mixed = _csv_bytes(rows[:4]) + _csv_bytes(rows[4:], encoding="gbk")
    c.bytes_case("text-utf8-then-gbk", "混合编码.csv", mixed)
    data = _csv_bytes(rows)
    at = data.index("预算绩效管理".encode())
    c.bytes_case("text-bad-byte", "坏字节.csv", data[:at] + b"\xff\xfe\xfd" + data[at:],
                 row=data[:at].count(b"\n") + 1)
    c.bytes_case("text-utf16-odd-length", "奇数.txt", seed_text.encode("utf-16-le")[:-1])
    c.bytes_case("text-utf16-bom-then-garbage", "假UTF16.txt", b"\xff\xfe" + os.urandom(3) * 300)


def _csv_shapes(c: _Corpus) -> None:
    rows = _disclosure_rows()
    lines = _csv_bytes(rows).split(b"\r\n")
    flat = [[str(v).replace("\n", " ") if v else v for v in r] for r in rows]
    text = _csv_bytes(flat)
    c.bytes_case("csv-unclosed-quote-last-line", "引号.csv",
                 text + b'"\xe6\x9c\xaa\xe9\x97\xad\xe5\x90\x88,x,y\r\n',
                 refused=True, row=text.count(b"\n") + 1)
    header = _csv_bytes(rows[:3])
    one = "部门,单位,项目,目标,指标\r\n".encode()  # short rows: 880,000 of them under 64 MB
    c.bytes_case("csv-880000-rows", "八十八万行.csv", header + one * 880_000, refused=True,
                 words=("行",))
    c.bytes_case("csv-250000-rows", "二十五万行.csv", header + one * 250_000, refused=True,
                 words=("行",))
    many = [list(rows[3]) for _ in range(10_000)]  # a whole city's projects
    for i, row in enumerate(many):
        row[2] = f"项目{i}"
    c.bytes_case("csv-10000-rows-legal", "万行.csv", header + _csv_bytes(many), refused=False)
    c.bytes_case("csv-million-blank-lines", "空行.csv", header + one + b"\r\n" * 1_000_000)
    c.bytes_case("csv-only-header", "只有表头.csv", header)
    one = _csv_bytes(rows[3:4])
    c.bytes_case("csv-no-header", "无表头.csv", _csv_bytes(rows[3:]), refused=True)
    c.bytes_case("csv-10000-columns", "万列.csv", _csv_bytes([["x"] * 10_000] * 5), refused=True)
    c.bytes_case("csv-ragged", "参差.csv", header + b"a\r\na,b,c,d,e,f,g,h\r\n,,\r\n" + one)
    c.bytes_case("csv-only-delimiters", "逗号.csv", b",,,,\r\n" * 1000, refused=True)
    c.bytes_case("csv-only-newlines", "换行.csv", b"\n" * 100_000, refused=True)
    c.bytes_case("csv-cr-only", "回车.csv", _csv_bytes(rows).replace(b"\r\n", b"\r"))
    c.bytes_case("csv-quoted-newlines", "多行.csv", header + _csv_bytes(
        [[rows[3][0], rows[3][1], "项目\n名称\n" * 50, "目标", rows[3][4]]]))
    c.bytes_case("csv-60MB-one-line", "长行.csv", header + b"x" * (60 * 1024 * 1024), refused=True)
    c.bytes_case("csv-tab-and-comma", "混分隔.csv", _csv_bytes(rows[:4]) +
                 _csv_bytes(rows[4:], delimiter="\t"))
    huge = c.bytes_case("csv-100MB", "超大.csv", header, refused=True, words=("过大",))
    os.truncate(huge, 100 * 1024 * 1024)  # sparse: refused by its size before a byte is read


def _files(c: _Corpus) -> None:
    good = _csv_bytes(_disclosure_rows())
    for suffix in ("xlsx", "csv", "txt", "xls"):
        c.bytes_case(f"empty-{suffix}", f"空.{suffix}", b"", refused=True, words=("空的",))
    folder = c.file("文件夹.xlsx")
    folder.mkdir()
    c.add("directory-named-xlsx", folder, refused=True)
    c.add("directory", folder.parent, refused=True)
    target = c.bytes_case("symlink-target", "真表.csv", good)
    link = c.file("链接.csv")
    link.symlink_to(target)
    c.add("symlink-to-table", link)
    dangling = c.file("断链.csv")
    dangling.symlink_to(dangling.parent / "不存在.csv")
    c.add("symlink-dangling", dangling, refused=True)
    loop = c.file("环.csv")
    loop.symlink_to(loop)
    c.add("symlink-loop", loop, refused=True)
    to_dir = c.file("指向文件夹.xlsx")
    to_dir.symlink_to(folder)
    c.add("symlink-to-directory", to_dir, refused=True)
    fifo = c.file("管道.csv")
    os.mkfifo(fifo)
    c.add("fifo", fifo, refused=True)
    zero = c.file("设备.csv")
    zero.symlink_to("/dev/zero")
    c.add("device-dev-zero", zero, refused=True)
    c.add("missing-file", c.file("没有.xlsx"), refused=True, words=("不存在",))
    for key, name in (("name-dash", "-表.csv"), ("name-into", "--into.csv"),
                      ("name-dash-dash", "--.csv"),
                      ("name-newline", "表\n格.csv"), ("name-quotes", "表 \"格\" '1'.csv"),
                      ("name-long", "长" * 80 + ".csv"), ("name-rtl", "\u202egsv.csv"),
                      ("name-no-suffix", "表格")):
        c.bytes_case(key, name, good)
    for key, suffix in (("name-not-utf8-csv", ".csv"), ("name-not-utf8-xlsx", ".xlsx")):
        sub = c.file("x")
        sub = sub.parent
        raw = os.fsencode(sub) + b"/\xb1\xed\xb8\xf1" + suffix.encode()  # 表格 in GBK bytes
        data = good if suffix == ".csv" else (
            c.exports["table"].read_bytes())
        with open(raw, "wb") as fh:
            fh.write(data)
        c.add(key, os.fsdecode(raw))
    locked = c.bytes_case("unreadable", "无权限.csv", good)
    os.chmod(locked, 0)


def _other_formats(c: _Corpus) -> None:
    formats = {
        "png": ("图片.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, True),
        "pdf": ("文档.xlsx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" * 20, True),
        "html-as-xls": ("网页.xls", b"<html><body><table><tr><td>\xe9\xa1\xb9\xe7\x9b\xae</td>"
                        b"</tr></table></body></html>", True),
        "xml": ("数据.xml", b'<?xml version="1.0"?><root>' + b"<a/>" * 100 + b"</root>", None),
        "random-binary": ("随机.csv", random.Random(1).randbytes(20000), True),
        "elf": ("程序.xlsx", b"\x7fELF\x02\x01\x01" + bytes(5000), True),
        "gzip": ("压缩.csv", zlib.compress(b"a,b\n" * 1000), True),
        "ole-garbage": ("坏.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000), True),
        "ole-random": ("坏2.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" +
                       random.Random(2).randbytes(8000), True),
        "json": ("数据.json", b'{"projects": [1, 2, 3]}', True),
    }
    for key, (name, data, refuse) in formats.items():
        c.bytes_case(key, name, data, refused=refuse)
    xls = (Path(__file__).parent / "data" / "disclosure.xls").read_bytes()
    for fraction in (0.1, 0.5, 0.9):
        c.bytes_case(f"xls-cut-{fraction}", "截断.xls", xls[: int(len(xls) * fraction)])
    for fraction in (0.3, 0.6):
        at = int(len(xls) * fraction)
        c.bytes_case(f"xls-zeroed-{fraction}", "清零.xls", xls[:at] + bytes(1024) + xls[at + 1024:])


def _datasets(c: _Corpus, dataset: Path) -> None:
    data = dataset.read_bytes()
    page = 4096
    variants: dict[str, Callable[[Path], None]] = {}

    def put(key: str, make: Callable[[Path], None]) -> None:
        variants[key] = make

    for fraction in (0.0, 0.3, 0.6, 0.95):
        put(f"cut-{fraction}", lambda p, f=fraction: p.write_bytes(data[: int(len(data) * f)]))
    for index in (0, 1, 3, len(data) // page - 1):
        put(f"zeroed-page-{index}", lambda p, i=index: p.write_bytes(
            data[: i * page] + bytes(page) + data[(i + 1) * page:]))
    for n in range(4):
        def flip(p: Path, n=n) -> None:
            rng = random.Random(100 + n)
            b = bytearray(data)
            for _ in range(8):
                b[rng.randrange(100, len(b))] ^= 0xFF
            p.write_bytes(bytes(b))
        put(f"flipped-{n}", flip)
    put("text-file", lambda p: p.write_bytes(b"not a dataset\n" * 100))
    put("xlsx-renamed", lambda p: p.write_bytes(c.exports["table"].read_bytes()))
    put("sqlite-of-another-app", lambda p: _other_sqlite(p))

    def foreign_wal(p: Path) -> None:
        p.write_bytes(data)
        other = p.with_name("other.perfdesk")
        other.write_bytes(data)
        conn = sqlite3.connect(other)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("UPDATE project SET name = name || '改'")
        conn.commit()
        shutil.copy(str(other) + "-wal", str(p) + "-wal")
        conn.close()
        other.unlink()
    put("foreign-wal", foreign_wal)
    put("garbage-wal", lambda p: (p.write_bytes(data),
                                  Path(str(p) + "-wal").write_bytes(os.urandom(9000))))
    put("garbage-journal", lambda p: (p.write_bytes(data),
                                      Path(str(p) + "-journal").write_bytes(
                                          b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + os.urandom(9000))))
    put("trigger", lambda p: (p.write_bytes(data), _sql(p, "CREATE TRIGGER t AFTER INSERT ON "
                                                         "indicator BEGIN DELETE FROM indicator; END")))
    put("newer-schema", lambda p: (p.write_bytes(data), _sql(p, "PRAGMA user_version = 9999")))
    put("dropped-table", lambda p: (p.write_bytes(data), _sql(p, "DROP TABLE indicator")))
    for key, make in variants.items():
        for command in ("info", "import"):
            path = c.file("数据.perfdesk")
            make(path)
            c.add(f"dataset-{key}-{command}", path, target="dataset", command=command)
    fifo = c.file("管道.perfdesk")
    os.mkfifo(fifo)
    c.add("dataset-fifo-info", fifo, target="dataset", command="info", refused=True)
    folder = c.file("文件夹.perfdesk")
    folder.mkdir()
    c.add("dataset-directory-import", folder, target="dataset", command="import", refused=True)
    empty = c.file("空.perfdesk")
    empty.write_bytes(b"")
    c.add("dataset-empty-import", empty, target="dataset", command="import", refused=True)


def _sql(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()


def _other_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("INSERT INTO notes VALUES ('hello')")
    conn.commit()
    conn.close()
