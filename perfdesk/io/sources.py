"""Reading any table file into plain sheets of cell values, whatever its format.

Clerks bring .xlsx (Excel, WPS), .xls (old WPS and Excel installs), .csv and tab-separated
text, and text copied out of a published PDF, in UTF-8 (with or without BOM), UTF-16 (Excel's
"Unicode text") or GBK/GB18030. This module hides those differences: every format comes out as
a list of :class:`Sheet` objects holding rows of raw cell values and the merged ranges, and the
layout readers (:mod:`.disclosure`, :mod:`.detail`) never see a file format. The format is
sniffed from the content, not trusted from the file name.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from perfdesk.core.errors import PerfDeskError
from perfdesk.io import safety, xlsx_cells
from perfdesk.io.base import cell_text

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

Merge = tuple[int, int, int, int]  # min_row, min_col, max_row, max_col (1-based, inclusive)


@dataclass(slots=True)
class Sheet:
    """One sheet of a source file: rows of raw values (row 1 first) and merged ranges.

    Attributes:
        file: the source file.
        name: the sheet name ("" for text files, which have one sheet).
        rows: raw cell values; ``rows[i][j]`` is row ``i + 1``, column ``j + 1``; rows may be
            ragged.
        merges: merged ranges as (min_row, min_col, max_row, max_col), read on first use.
        hidden: whether the sheet is hidden in the workbook.
        delimiter: for a text file, the character its lines were split into cells on ("" for a
            workbook, whose cells are cells).
    """

    file: Path
    name: str
    rows: list[list[object]]
    _merges: list[Merge] | Callable[[], list[Merge]] = field(default_factory=list)
    hidden: bool = False
    _clipped: bool = False
    delimiter: str = ""

    @property
    def merges(self) -> list[Merge]:
        """Merged ranges, read when first asked for (restoring PerfDesk's own export from its
        embedded data never needs them), cut to the cells that hold data: a range reaching
        past them (a whole column merged down to row 1,048,576) covers only empty cells there.
        Ranges that overlap, which Excel never writes, are refused (see :func:`clip_merges`)."""
        if callable(self._merges):
            self._merges = self._merges()
        if not self._clipped:
            self._merges = clip_merges(self._merges, self)
            self._clipped = True
        return self._merges

    def value(self, row: int, col: int) -> object:
        if 1 <= row <= len(self.rows):
            cells = self.rows[row - 1]
            if 1 <= col <= len(cells):
                return cells[col - 1]
        return None

    def text(self, row: int, col: int) -> str:
        return cell_text(self.value(row, col))

    @property
    def max_row(self) -> int:
        return len(self.rows)

    @property
    def max_col(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def fill_merged_down(self) -> None:
        """Give every cell of a merged range that spans several rows the value of the range's
        top cell in its column (a level-1 category merged over its rows, a 主管部门 merged
        over its projects). Single-row merges (a title across columns) are left alone."""
        for min_row, min_col, max_row, max_col in self.merges:
            if max_row <= min_row:
                continue
            top = self.value(min_row, min_col)
            for row in range(min_row, max_row + 1):
                for col in range(min_col, max_col + 1):
                    if row == min_row and col == min_col:
                        continue
                    if self.value(row, col) in (None, ""):
                        self._set(row, col, top)

    def _set(self, row: int, col: int, value: object) -> None:
        while len(self.rows) < row:
            self.rows.append([])
        cells = self.rows[row - 1]
        if not isinstance(cells, list):
            cells = list(cells)
            self.rows[row - 1] = cells
        while len(cells) < col:
            cells.append(None)
        cells[col - 1] = value

    def location(self, row: int | None = None, column: str = ""):
        from perfdesk.io.base import Location

        return Location(str(self.file), self.name, row, column)


def clip_merges(merges: list[Merge], sheet: Sheet) -> list[Merge]:
    """``merges`` cut to the sheet's data (a range listed twice kept once); refused when two
    overlap, which Excel never writes: the mark of a crafted or damaged file, where one
    project's cells would be copied over thousands of rows."""
    rows, cols = sheet.max_row, sheet.max_col
    clipped: list[Merge] = []
    covered: set[tuple[int, int]] = set()
    for min_row, min_col, max_row, max_col in dict.fromkeys(merges):
        if min_row > max_row:
            min_row, max_row = max_row, min_row
        if min_col > max_col:
            min_col, max_col = max_col, min_col
        if min_row > rows or min_col > cols:
            continue
        max_row, max_col = min(max_row, rows), min(max_col, cols)
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                if (r, c) in covered:
                    raise PerfDeskError(
                        f"工作表中的合并单元格相互重叠（第 {r} 行附近），Excel 不会这样保存，文件可能已"
                        "损坏或被改动过。没有导入任何内容。请在 Excel 或 WPS 中打开后另存一份再导入。",
                        f"The sheet's merged ranges overlap (near row {r}), which Excel never "
                        "writes; the file may be damaged or altered. Nothing was imported. "
                        "Open it in Excel or WPS, save a copy, and import that.",
                        file=sheet.file, sheet=sheet.name or None)
                covered.add((r, c))
        clipped.append((min_row, min_col, max_row, max_col))
    return clipped


@dataclass(slots=True)
class Source:
    """A source file read into sheets."""

    path: Path
    format: str  # "xlsx", "xls", "text"
    sheets: list[Sheet]
    encoding: str = ""


def read_source(path: Path) -> Source:
    """Read ``path`` (any supported format, sniffed from its content) into sheets."""
    safety.check_input_file(path)
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(ZIP_MAGIC):
        return Source(path, "xlsx", read_xlsx(path))
    if head.startswith(OLE_MAGIC):
        return Source(path, "xls", read_xls(path))
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".et", ".ods"):
        if head.lstrip()[:1] == b"<":
            raise PerfDeskError(
                "这个文件名为 Excel 表格，实际是网页（HTML）格式（一些系统导出的“xls”就是这样）。"
                "请用 Excel 或 WPS 打开后“另存为” .xlsx，再导入。",
                "The file is named like an Excel workbook but is really a web page (HTML), as "
                "some systems export 'xls'. Open it in Excel or WPS, save it as .xlsx, then "
                "import that.", file=path)
        raise PerfDeskError(
            "文件不是有效的 Excel 表格（内容已损坏，或并非 Excel 文件）。",
            "The file is not a valid Excel workbook (it is damaged or not an Excel file).",
            file=path)
    safety.check_input_file(path, limit=safety.MAX_TEXT_BYTES)
    sheet, encoding = read_text(path)
    return Source(path, "text", [sheet], encoding)


# --- .xlsx ----------------------------------------------------------------------------------


def read_xlsx(path: Path) -> list[Sheet]:
    import openpyxl
    
    safety.require_defused_xml()
    archive = safety.check_zip(path)
    try:
        _count_rows(path, archive)
    finally:
        archive.close()
    handle = open(path, "rb")  # a file object: openpyxl would judge a name by its suffix
    try:
        with _no_size_scan():
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except PerfDeskError:
        handle.close()
        raise
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        handle.close()
        if safety.is_unsafe_xml(exc):
            raise safety.unsafe_xml_error(path, exc) from exc
        raise _broken_workbook(path, exc) from exc
    sheets = []
    budget = _Budget(path)
    try:
        for ws in workbook.worksheets:
            budget.sheet(ws.title)
            try:
                values = xlsx_cells.sheet_rows(workbook, ws)
                if values is None:  # a sheet the fast reader leaves to openpyxl
                    ws.reset_dimensions()
                    values = ([_shown(c) for c in r] for r in ws.iter_rows())
                rows = budget.rows(values)
                merges = _merge_reader(path, ws)
            except Exception as exc:
                if safety.is_unsafe_xml(exc):
                    raise safety.unsafe_xml_error(path, exc) from exc
                raise _broken_workbook(path, exc, ws.title) from exc
            check_cells(path, ws.title, rows, cut_at_limit=True)
            sheets.append(Sheet(path, ws.title, rows, merges, ws.sheet_state != "visible"))
    finally:
        workbook.close()
        handle.close()
    return sheets


def _shown(cell) -> object:
    """A cell's value as the clerk sees it where its number format changes the number: a 1
    formatted as a percentage is ``100%`` on screen, and 100% is what the clerk typed."""
    value = cell.value
    if type(value) in (int, float) and "%" in (getattr(cell, "number_format", "") or ""):
        return xlsx_cells.percent_shown(value)
    return value


class _Budget:
    """Counts what a file holds while it is read and refuses it as soon as it holds more rows
    or cells than any performance target table (:data:`safety.MAX_ROWS`,
    :data:`safety.MAX_CELLS`, :data:`safety.MAX_SHEETS`): such a file is refused in seconds,
    before it fills the memory. Blank rows at the end of a sheet are not kept."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.cells = 0
        self.sheets = 0
        self.name: str | None = None

    def sheet(self, name: str | None) -> None:
        self.sheets += 1
        self.name = name
        if self.sheets > safety.MAX_SHEETS:
            raise safety.too_many(self.path, f"{safety.MAX_SHEETS} 张以上的工作表",
                                  f"more than {safety.MAX_SHEETS} sheets")

    def rows(self, source) -> list[list[object]]:
        rows: list[list[object]] = []
        blank = 0
        filled = 0
        for row in source:
            cells = sum(1 for v in row if v is not None and v != "")
            if not cells:
                blank += 1
                continue
            if blank:
                rows.extend([] for _ in range(blank))
                blank = 0
            rows.append(list(row))
            filled += 1
            self.cells += cells
            if filled > safety.MAX_ROWS:
                raise safety.too_many(self.path, f"{safety.MAX_ROWS} 行以上的内容",
                                      f"more than {safety.MAX_ROWS:,} rows", sheet=self.name)
            if self.cells > safety.MAX_CELLS:
                raise safety.too_many(self.path, f"{safety.MAX_CELLS} 个以上有内容的单元格",
                                      f"more than {safety.MAX_CELLS:,} filled cells",
                                      sheet=self.name)
        return rows


_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>]")


def _count_rows(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a workbook whose sheets hold more rows than :data:`safety.MAX_ROWS`, counted in
    the raw XML before any parser builds a cell: reading 200,000 rows alone would take a
    minute."""
    for info in archive.infolist():
        name = info.filename
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        rows = 0
        tail = b""
        try:
            with archive.open(info) as member:
                while chunk := member.read(1 << 20):
                    data = tail + chunk
                    rows += len(_ROW_TAG.findall(data, 0, len(data) - 16)) if len(data) > 16 else 0
                    tail = data[-16:] if len(data) > 16 else data
                    if rows > safety.MAX_ROWS:
                        raise safety.too_many(path, f"一张工作表有 {safety.MAX_ROWS} 行以上",
                                              f"a sheet of more than {safety.MAX_ROWS:,} rows")
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
            return  # a damaged member: openpyxl's reading says so in its own words


class _no_size_scan:
    """While openpyxl opens a workbook read-only, skip its first pass over every sheet looking
    for the sheet's size: the size is reset before reading anyway (``reset_dimensions``), and
    the pass parses a sheet without a ``<dimension>`` element twice."""

    def __enter__(self):
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet

        self.real = ReadOnlyWorksheet._get_size
        ReadOnlyWorksheet._get_size = lambda ws: None

    def __exit__(self, *exc):
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet

        ReadOnlyWorksheet._get_size = self.real


_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _merge_reader(path: Path, ws) -> Callable[[], list[Merge]]:
    """Reads the merged ranges of a read-only sheet when called. openpyxl's read-only mode
    skips them, so they come from the sheet's XML, where ``<mergeCells>`` follows
    ``<sheetData>``."""
    member = getattr(ws, "_worksheet_path", None)

    def read() -> list[Merge]:
        from openpyxl.utils import column_index_from_string

        if member is None:  # pragma: no cover - openpyxl internals moved
            return []
        with zipfile.ZipFile(path) as archive:
            data = archive.read(member)
        end = data.rfind(b"</sheetData>")
        tail = data[end:] if end >= 0 else data
        return [(int(r1), column_index_from_string(c1.decode()),
                 int(r2), column_index_from_string(c2.decode()))
                for c1, r1, c2, r2 in _MERGE_RE.findall(tail)]

    return read


def _broken_workbook(path: Path, exc: BaseException, sheet: str | None = None) -> PerfDeskError:
    """The refusal of a workbook the parser could not read. What the parser said (zlib's
    "invalid literal/lengths set", int()'s "invalid literal for int()") means nothing to a
    clerk and is left in the log, not in the message."""
    import logging

    logging.getLogger(__name__).info("unreadable workbook %s: %r", path, exc)
    return PerfDeskError(
        "Excel 文件已损坏或格式不正确（可能下载或复制时中断，或被其他程序改坏），无法读取。请在 Excel "
        "或 WPS 中打开后另存一份再导入。",
        "The Excel file is damaged or malformed (perhaps a download or copy was interrupted, "
        "or another program broke it) and cannot be read. Open it in Excel or WPS, save a "
        "copy, and import that.", file=path, sheet=sheet)


# --- .xls -----------------------------------------------------------------------------------


def read_xls(path: Path) -> list[Sheet]:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except Exception as exc:
        text = str(exc)
        if "OLE2" in text or "encrypt" in text.lower():
            raise PerfDeskError(
                "文件设置了密码或不是 .xls 格式，无法读取。请在 Excel 或 WPS 中取消密码并另存为 .xlsx 后再导入。",
                "The file is password-protected or not an .xls workbook. Remove the password "
                "in Excel or WPS, save it as .xlsx, and import that.", file=path) from exc
        raise PerfDeskError(
            ".xls 文件已损坏或格式不正确（可能下载或复制时中断），无法读取。请在 Excel 或 WPS 中打开后"
            "另存为 .xlsx 再导入。",
            "The .xls file is damaged or malformed (perhaps a download or copy was "
            "interrupted) and cannot be read. Open it in Excel or WPS, save it as .xlsx, and "
            "import that.", file=path) from exc
    sheets = []
    budget = _Budget(path)
    try:
        for index in range(book.nsheets):
            try:
                sh = book.sheet_by_index(index)
                budget.sheet(sh.name)
                rows = budget.rows([_xls_value(book, sh.cell(r, c)) for c in range(sh.ncols)]
                                   for r in range(sh.nrows))
            except PerfDeskError:
                raise
            except Exception as exc:
                raise PerfDeskError(
                    ".xls 文件已损坏，无法读取。请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。",
                    "The .xls file is damaged and cannot be read. Open it in Excel or WPS, "
                    "save it as .xlsx, and import that.",
                    file=path, sheet=book.sheet_names()[index]) from exc
            merges = [(r1 + 1, c1 + 1, r2, c2) for r1, r2, c1, c2 in sh.merged_cells]
            check_cells(path, sh.name, rows)
            sheets.append(Sheet(path, sh.name, rows, merges, sh.visibility != 0))
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return sheets


def _xls_value(book, cell) -> object:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        except Exception:
            return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return cell.value


# --- text: .csv, .tsv, .txt (also text extracted from PDF) ----------------------------------


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """The text and its encoding: a BOM first; UTF-16 without a BOM (Excel's "Unicode text"
    saved by some tools) from its zero bytes; then strict UTF-8; then GBK/GB18030 or Big5
    (traditional characters, Taiwan and Hong Kong tools), whichever reads as Chinese text.
    Text that is none of them is refused with the line where it stops being readable."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    elif (bom_less := _utf16_without_bom(data)) is not None:
        candidates = [bom_less]
    elif _binary(data):
        raise PerfDeskError(
            "文件不是表格，也不是文本（含有大量二进制内容）。",
            "The file is neither a spreadsheet nor text (it holds binary content).", file=path)
    else:
        candidates = ["utf-8", *_chinese_encodings(data)]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text, encoding
    line, column, encoding = _first_unreadable(data)
    raise PerfDeskError(
        f"文件第 {line} 行第 {column} 个字符处有无法识别的字节（既不是 Excel，也不是 UTF-8、GBK 或 "
        "Big5 编码的文字），没有导入任何内容。请用 Excel 或记事本把它另存为 UTF-8 或 Excel 格式后再导入。",
        f"Line {line}, character {column} of the file holds bytes that cannot be read (not "
        "Excel, not UTF-8, GBK or Big5 text); nothing was imported. Save it as UTF-8 or as an "
        "Excel workbook and import it again.", file=path, row=line)


def _binary(data: bytes) -> bool:
    """Control bytes that no text table holds (NUL, BEL …) in more than a few places."""
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > max(8, len(sample) // 100)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when every other byte of the start is zero, as in
    UTF-16 text of mostly ASCII/latin characters without a BOM."""
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 8 or b"\x00" not in sample:  # UTF-8 and GBK text never hold a zero byte
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        plausible = sum(1 for ch in text if ch in "\t\r\n" or " " <= ch <= "~"
                        or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
        if plausible >= 0.95 * len(text) and ("\n" in text or "\t" in text):
            return encoding
    return None


def _chinese_encodings(data: bytes) -> list[str]:
    """GB18030 and Big5 in the order the text reads best in.

    Big5 bytes also decode as GBK, but as rare characters: real GBK text keeps almost all its
    characters in the GB2312 set, Big5 read as GBK does not."""
    try:
        as_gbk = data.decode("gb18030")
    except UnicodeDecodeError:
        return ["big5"]
    wide = [ch for ch in as_gbk[:20000] if ord(ch) > 0x7F]
    if not wide:
        return ["gb18030"]
    outside = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            outside += 1
    if outside / len(wide) > 0.1:
        return ["big5", "gb18030"]
    return ["gb18030", "big5"]


def _first_unreadable(data: bytes) -> tuple[int, int, str]:
    """(line, character, encoding) where the text stops decoding under the encoding that
    reads furthest."""
    best = (0, "utf-8")
    for encoding in ("utf-8", "gb18030", "big5"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start > best[0]:
                best = (exc.start, encoding)
    offset, encoding = best
    before = data[:offset].decode(encoding, errors="replace")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    return line, column, encoding


def read_text(path: Path) -> tuple[Sheet, str]:
    data = path.read_bytes()
    text, encoding = decode_text(data, path)
    del data  # a 60 MB file: keep one copy of it, not two
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls > 8:
        raise PerfDeskError(
            "文件不是表格，也不是文本（含有大量二进制内容）。",
            "The file is neither a spreadsheet nor text (it holds binary content).", file=path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    delimiter = _delimiter(text)
    unclosed = _unclosed_quote(text, delimiter)
    if unclosed is not None:
        raise PerfDeskError(
            f"第 {unclosed} 行的单元格以英文双引号（\"）开头，但直到文件末尾都没有配对的引号：其后的"
            "所有内容会被读成一个单元格。没有导入任何内容。请补全或删去这个引号后再导入。",
            f"The cell on line {unclosed} starts with a double quote (\") that is never closed: "
            "everything after it would be read as one cell. Nothing was imported. Close or "
            "remove the quote and import again.", file=path, row=unclosed)
    if text.count("\n") > safety.MAX_ROWS:  # quick: lines first, then the rows they make
        _Budget(path).rows(csv.reader(io.StringIO(text), delimiter=delimiter, strict=False))
    csv.field_size_limit(max(csv.field_size_limit(), safety.MAX_TEXT_BYTES))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quotechar='"',
                        skipinitialspace=False, strict=False)
    try:
        rows: list[list[object]] = _Budget(path).rows(reader)
    except csv.Error as exc:
        raise PerfDeskError(f"文本表格格式有误（{exc}）。", f"The text table is malformed ({exc}).",
                            file=path, row=reader.line_num) from exc
    check_cells(path, None, rows)
    return Sheet(path, "", rows, delimiter=delimiter), _encoding_name(encoding)


def _unclosed_quote(text: str, delimiter: str) -> int | None:
    """The line of a quoted field that never closes (as the csv module reads quotes: one
    opens a field only at its start; ``""`` inside stands for one), or ``None``. Jumps from
    quote to quote, so a file of 60 MB without quotes is scanned at once."""
    find = text.find
    i = 0
    while True:
        j = find('"', i)
        if j < 0:
            return None
        if j and text[j - 1] not in (delimiter, "\n"):
            i = j + 1  # a quote inside a field is just a character
            continue
        k = j + 1
        while True:
            k = find('"', k)
            if k < 0:
                return text.count("\n", 0, j) + 1
            if text.startswith('"', k + 1):
                k += 2
                continue
            break
        i = k + 1


def check_cells(path: Path, sheet: str | None, rows: list[list[object]], *,
                cut_at_limit: bool = False) -> None:
    """Refuse a cell longer than Excel allows (a crafted file, or not a table at all);
    ``cut_at_limit`` for readers that cut such cells to the limit (openpyxl)."""
    limit = safety.MAX_CELL_CHARS - (1 if cut_at_limit else 0)
    for number, row in enumerate(rows, 1):
        for index, value in enumerate(row):
            if type(value) is str and len(value) > limit:
                safety.check_cell_length(value, file=path, sheet=sheet, row=number,
                                         column=_column_name(index + 1),
                                         cut_at_limit=cut_at_limit)


def _delimiter(text: str) -> str:
    """Tab or comma: the one that splits most lines into the same number of fields (more
    than one), quotes respected. A tab inside one quoted cell of a CSV, or commas inside the
    text of a tab-separated table, do not decide it."""
    sample = "\n".join(text.split("\n", 200)[:200])
    best, best_score = "\t", (0, 0)
    for delimiter in ("\t", ","):
        try:
            widths = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter,
                                                    strict=False) if any(c.strip() for c in row)]
        except csv.Error:
            continue
        counts: dict[int, int] = {}
        for width in widths:
            if width > 1:
                counts[width] = counts.get(width, 0) + 1
        score = (max(counts.values(), default=0), sum(counts.values()))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _encoding_name(encoding: str) -> str:
    return {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "gb18030": "GBK/GB18030",
            "utf-16": "UTF-16", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
            "big5": "Big5"}.get(encoding, encoding)


def _column_name(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)
