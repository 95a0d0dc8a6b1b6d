"""Writing workbooks safely: cells that are always text, styles set once, files replaced
atomically.

Three promises every export keeps:

- **Text stays text.** A 指标值 such as ``=正常办结数/上报数`` or ``-5%`` must never become a
  formula in the reviewer's Excel (formula injection). Every string cell is written with the
  string type, and those beginning with ``=``, ``+``, ``-`` or ``@`` also carry Excel's
  "quote prefix" so that editing them in Excel keeps them text.
- **Nothing half-written.** The workbook goes to a temporary file in the target folder, is
  flushed to disk, read back (every part's checksum), and only then moved over the target.
  When the target is open in Excel (Windows refuses to replace it), the clerk is told to close
  it or save under another name, and the temporary file is removed.
- **Fast enough for a city's whole budget.** Workbooks are written in openpyxl's write-only
  mode; each distinct style is built once and shared by all cells that use it.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from copy import copy
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.packaging.relationship import RelationshipList
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from perfdesk.core.errors import Cancelled, PerfDeskError

FORMULA_START = ("=", "+", "-", "@")
_NEWLINES = re.compile(r"\r\n?")


def clean_text(text: str) -> str:
    """Text as it can be stored in a cell: no control characters, ``\\n`` line breaks only
    (an XML reader turns ``\\r\\n`` into ``\\n``, so writing it would break the round trip)."""
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    return ILLEGAL_CHARACTERS_RE.sub("", text)


class Styles:
    """Named cell styles for one write-only workbook, each built once.

    ``define(name, font=..., border=..., alignment=..., number_format=...)`` registers a style;
    ``ids(name)`` gives its index in the workbook and that of its quote-prefix variant (used
    for text that looks like a formula), which :class:`RowWriter` writes into cells.
    """

    def __init__(self, workbook: Workbook) -> None:
        self._workbook = workbook
        self._sheet = workbook.create_sheet("~styles")  # a scratch sheet, removed below
        workbook.remove(self._sheet)
        self._arrays: dict[str, object] = {}
        self._quoted: dict[str, object] = {}
        self._ids: dict[str, tuple[int, int]] = {}

    def define(self, name: str, *, font=None, border=None, alignment=None, fill=None,
               number_format: str | None = None, protection=None) -> None:
        cell = WriteOnlyCell(self._sheet)
        if font is not None:
            cell.font = font
        if border is not None:
            cell.border = border
        if alignment is not None:
            cell.alignment = alignment
        if fill is not None:
            cell.fill = fill
        if number_format:
            cell.number_format = number_format
        if protection is not None:
            cell.protection = protection
        self._arrays[name] = cell._style
        quoted = copy(cell._style)
        quoted.quotePrefix = 1
        self._quoted[name] = quoted

    def define_from(self, name: str, source_cell) -> None:
        """A style copied from a cell of another workbook (the template)."""
        self.define(name, font=copy(source_cell.font), border=copy(source_cell.border),
                    alignment=copy(source_cell.alignment), fill=copy(source_cell.fill),
                    number_format=source_cell.number_format,
                    protection=copy(source_cell.protection))

    def ids(self, name: str | None) -> tuple[int, int]:
        """The workbook's style index of ``name`` and of its quote-prefix variant."""
        if name is None:
            return 0, 0
        found = self._ids.get(name)
        if found is None:
            table = self._workbook._cell_styles
            found = (table.add(self._arrays[name]), table.add(self._quoted[name]))
            self._ids[name] = found
        return found

    def __contains__(self, name: str) -> bool:
        return name in self._arrays


_COLUMNS = [get_column_letter(i) for i in range(1, 101)]


class RowWriter:
    """Writes the rows of one write-only sheet as XML text, in memory.

    openpyxl serialises every cell through an element tree (tens of microseconds a cell) and
    every sheet through a temporary file; a whole city's detailed forms hold 10,000 sheets and
    millions of cells. This writer produces the same ``<row>``/``<c>`` markup directly —
    inline strings (always text, never formulas), numbers, style indexes from
    :class:`Styles`, row heights and merged ranges — and places it inside the sheet's
    *frame*: the XML openpyxl writes around ``<sheetData>`` (columns, views, print setup),
    taken from the sheet itself or from a prototype sheet shared by many (see
    :func:`sheet_frame`). :func:`save_atomically` then stores the finished XML.
    """

    def __init__(self, ws, styles: Styles) -> None:
        self.ws = ws
        self.styles = styles
        self.parts: list[str] = []
        self.rows = 0
        self.columns = 1
        self.merges: list[str] = []
        self.row_breaks: list[int] = []

    def break_before(self, row: int) -> None:
        """A manual page break above ``row`` (1-based), written into the sheet's frame."""
        self.row_breaks.append(row - 1)

    def merge(self, ref: str) -> None:
        """Merge a range (``A1:I1``); written as XML, without openpyxl's per-range checks."""
        self.merges.append(ref)

    def add(self, cells, height: float | None = None) -> None:
        """Append a row; ``cells`` holds (value, style name) pairs or None for no cell."""
        self.rows += 1
        r = self.rows
        parts = self.parts
        if height:
            parts.append(f'<row r="{r}" ht="{height:.2f}" customHeight="1">')
        else:
            parts.append(f'<row r="{r}">')
        ids = self.styles.ids
        self.columns = max(self.columns, len(cells))
        for index, cell in enumerate(cells):
            if cell is None:
                continue
            value, style = cell
            plain, quoted = ids(style)
            ref = f"{_COLUMNS[index]}{r}"
            if value is None or value == "":
                parts.append(f'<c r="{ref}" s="{plain}"/>' if plain else f'<c r="{ref}"/>')
            elif isinstance(value, str):
                sid = quoted if value.startswith(FORMULA_START) else plain
                text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                parts.append(f'<c r="{ref}" s="{sid}" t="inlineStr"><is>'
                             f'<t xml:space="preserve">{text}</t></is></c>')
            elif isinstance(value, bool):
                parts.append(f'<c r="{ref}" s="{plain}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, Decimal):
                parts.append(f'<c r="{ref}" s="{plain}" t="n"><v>{value:f}</v></c>')
            elif isinstance(value, (int, float)):
                parts.append(f'<c r="{ref}" s="{plain}" t="n"><v>{value!r}</v></c>')
            else:
                raise TypeError(f"cannot write {type(value).__name__} to a cell")
        parts.append("</row>")

    def close(self, frame: tuple[bytes, bytes] | None = None) -> None:
        """Finish the sheet: its rows and merges inside ``frame`` (by default the sheet's own,
        from openpyxl), kept on the sheet until the workbook is saved."""
        head, tail = frame if frame is not None else sheet_frame(self.ws)
        if self.rows:  # readers size the sheet from this instead of parsing it all first
            head = head.replace(b"<sheetViews", f'<dimension ref="A1:{_COLUMNS[self.columns - 1]}'
                                f'{self.rows}"/><sheetViews'.encode(), 1)
        body = ["<sheetData>", *self.parts, "</sheetData>"]
        if self.merges:
            body.append(f'<mergeCells count="{len(self.merges)}">')
            body.extend(f'<mergeCell ref="{ref}"/>' for ref in self.merges)
            body.append("</mergeCells>")
        if self.row_breaks:
            tail = _with_row_breaks(tail, self.row_breaks)
        self.ws._perfdesk_xml = head + "".join(body).encode("utf-8") + tail
        self.parts = []


# Elements a worksheet may hold after <rowBreaks>, in the schema's order.
_AFTER_ROW_BREAKS = (b"<colBreaks", b"<customProperties", b"<cellWatches", b"<ignoredErrors",
                     b"<smartTags", b"<drawing", b"<legacyDrawing", b"<picture", b"<oleObjects",
                     b"<controls", b"<webPublishItems", b"<tableParts", b"<extLst", b"</worksheet>")


def _with_row_breaks(tail: bytes, breaks: list[int]) -> bytes:
    xml = (f'<rowBreaks count="{len(breaks)}" manualBreakCount="{len(breaks)}">'
           + "".join(f'<brk id="{b}" max="16383" man="1"/>' for b in breaks)
           + "</rowBreaks>").encode()
    at = min((i for i in (tail.find(tag) for tag in _AFTER_ROW_BREAKS) if i >= 0),
             default=len(tail))
    return tail[:at] + xml + tail[at:]


def sheet_frame(ws) -> tuple[bytes, bytes]:
    """The XML openpyxl writes for write-only sheet ``ws`` before and after its (empty)
    ``<sheetData>``: everything about the sheet but its cells and merged ranges. Closes
    ``ws``; set its columns, views and print setup first."""
    ws.close()
    writer = ws._writer
    with open(writer.out, "rb") as fh:
        xml = fh.read()
    writer.cleanup()
    for empty in (b"<sheetData></sheetData>", b"<sheetData />", b"<sheetData/>"):
        if empty in xml:
            head, tail = xml.split(empty, 1)
            break
    else:  # pragma: no cover - openpyxl changed how it writes an empty sheet
        raise RuntimeError("the sheet's XML has no empty sheetData")
    if b"<mergeCells" in tail:  # pragma: no cover - ranges were given to openpyxl
        raise RuntimeError("merge ranges through RowWriter.merge only")
    return head, tail


def add_sheet(workbook: Workbook, title: str):
    """A new write-only sheet whose title the caller has already made unique and valid.

    ``Workbook.create_sheet`` compares the title with every existing sheet's, which makes a
    workbook of 10,000 sheets (one per project) quadratic; the detailed export makes its
    titles unique itself (see :func:`perfdesk.io.detail.sheet_name`)."""
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    ws = WriteOnlyWorksheet(parent=None, title=None)
    ws._parent = workbook
    ws._WorkbookChild__title = title
    workbook._sheets.append(ws)
    return ws


def display_width(text: str) -> float:
    """Approximate width in Excel character units: CJK characters are two units wide."""
    narrow = len(text)
    wide = (len(text.encode("utf-8")) - narrow) // 2  # 3-byte UTF-8 ≈ CJK
    return narrow + wide


def text_lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` units wide."""
    usable = max(width - 1.5, 1.0)
    if len(text) * 2.1 <= usable and "\n" not in text:
        return 1  # short: one line whatever the characters
    lines = 0
    for part in text.split("\n"):
        lines += max(1, -(-int(display_width(part) * 1.05) // int(usable)))
    return lines


# --- atomic save ----------------------------------------------------------------------------


def check_target(path: Path) -> Path:
    """Where the export will go, checked before any work: folder exists, target not locked."""
    path = Path(path)
    if path.suffix == "":
        path = path.with_name(path.name + ".xlsx")
    elif path.suffix.lower() != ".xlsx":
        raise PerfDeskError("导出文件的扩展名应为 .xlsx（Excel 工作簿）。",
                            "The export must be named .xlsx (an Excel workbook).", file=path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PerfDeskError("要保存到的文件夹不存在。", "The folder to save into does not exist.",
                            file=path)
    if path.is_dir():
        raise PerfDeskError("目标是一个文件夹，请给出文件名。",
                            "The target is a folder; give a file name.", file=path)
    if path.exists():
        try:
            with open(path, "r+b"):
                pass
        except PermissionError as exc:
            raise locked_target(path) from exc
        except OSError:
            pass
    return path


def locked_target(path: Path) -> PerfDeskError:
    return PerfDeskError(
        "目标文件正被其他程序（通常是 Excel 或 WPS）打开，无法覆盖。请先关闭该文件，或另存为其他文件名；"
        "原文件没有被改动。",
        "The target file is open in another program (usually Excel or WPS) and cannot be "
        "replaced. Close it first, or save under another name; the existing file was not "
        "changed.", file=path)


def save_atomically(workbook: Workbook, target: Path,
                    verify: Callable[[Path], None] | None = None) -> Path:
    """Save ``workbook`` to ``target`` via a temporary file in the same folder.

    The temporary file is flushed and fsynced, read back (zip checksums, then ``verify``),
    and moved over the target in one step. On any failure the temporary file is removed and
    the target is left as it was.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    remove_leftovers(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f"{_temp_prefix(target)}{os.getpid()}-",
                                        suffix=".tmp", dir=folder)
    except PermissionError as exc:
        raise PerfDeskError("没有在该文件夹中写入文件的权限，请换一个文件夹保存。",
                            "You may not write files in this folder; save somewhere else.",
                            file=target) from exc
    except OSError as exc:
        raise _write_error(exc, target) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            _save(workbook, fh)
            fh.flush()
            os.fsync(fh.fileno())
        read_back(tmp, target)
        if verify is not None:
            verify(tmp)
        try:
            os.replace(tmp, target)
        except PermissionError as exc:
            raise locked_target(target) from exc
        _fsync_folder(folder)
    except BaseException as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        if isinstance(exc, (PerfDeskError, Cancelled)) or not isinstance(exc, OSError):
            raise
        raise _write_error(exc, target) from exc
    return target


def _temp_prefix(target: Path) -> str:
    return f".~{target.stem[:40]}-"


def remove_leftovers(target: Path) -> list[Path]:
    """Remove the temporary files earlier exports to ``target`` left behind when they were
    killed (power cut, task manager): ``.~<name>-<pid>-<random>.tmp`` beside it whose process
    is gone. One that a running export is still writing is left alone."""
    folder = target.parent if str(target.parent) else Path(".")
    prefix = _temp_prefix(target)
    removed = []
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return removed
    for name in names:
        pid = name[len(prefix):].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and _running(int(pid)):
            continue
        if pid.isdigit() and int(pid) == os.getpid():
            continue  # this process's own export in another thread
        try:
            (folder / name).unlink()
            removed.append(folder / name)
        except OSError:
            pass
    return removed


def _running(pid: int) -> bool:
    if os.name != "posix":  # pragma: no cover - Windows: a file being written is locked anyway
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _save(workbook: Workbook, fh) -> None:
    """openpyxl's ``save_workbook`` with a faster compression level: level 1 deflates three
    times as fast as the default for files about a tenth larger, which matters for a
    whole city's export and not at all for one unit's."""
    workbook.properties.modified = datetime.now(tz=timezone.utc).replace(tzinfo=None)
    with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED, allowZip64=True,
                         compresslevel=COMPRESS_LEVEL) as archive:
        _ExcelWriter(workbook, archive).write_data()


class _ExcelWriter(ExcelWriter):
    """openpyxl's writer, storing the XML a :class:`RowWriter` finished for a sheet."""

    def write_worksheet(self, ws):
        xml = getattr(ws, "_perfdesk_xml", None)
        if xml is None:
            return super().write_worksheet(ws)
        ws._drawing = None
        ws._rels = RelationshipList()
        self._archive.writestr(ws.path[1:], xml)
        self.manifest.append(ws)


COMPRESS_LEVEL = 1


def read_back(path: Path, target: Path) -> None:
    """Check every part of the written zip against its checksum."""
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, zlib.error, EOFError, ValueError) as exc:
        bad, names = str(exc), set()
    if bad is not None or "xl/workbook.xml" not in names:
        raise PerfDeskError(
            "导出文件写入后读回校验失败（磁盘或存储设备可能有问题），目标文件没有被改动。",
            "The exported file failed its read-back check (the disk or storage device may be "
            "faulty); the target file was not changed.", file=target)


def _write_error(exc: OSError, target: Path) -> PerfDeskError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return PerfDeskError("磁盘空间不足，导出文件没有保存；目标文件没有被改动。请清理磁盘空间后重试。",
                             "The disk is full; the export was not saved and the target file "
                             "was not changed. Free some space and try again.", file=target)
    if isinstance(exc, PermissionError):
        return locked_target(target)
    return PerfDeskError(f"写入导出文件失败（{exc.strerror or exc}），目标文件没有被改动。",
                         f"Writing the export failed ({exc.strerror or exc}); the target file "
                         "was not changed.", file=target)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
