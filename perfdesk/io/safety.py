"""Refusing dangerous or absurd input before any parser sees it.

Files come from e-mail and USB sticks. An .xlsx is a zip of XML, so two classic attacks apply:
XML entity expansion ("billion laughs", external entities), which openpyxl blocks only when
defusedxml is installed *and* active, and zip bombs, which no parser blocks. This module makes
both checks explicit: :func:`require_defused_xml` refuses to parse workbooks unless openpyxl
really uses defusedxml (importing it here also makes PyInstaller bundle it), and
:func:`check_zip` reads the zip directory and refuses members whose declared size or
compression ratio could only come from a bomb, before a byte is decompressed. Oversized files
and cells are refused with a message naming the file, row and column.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import defusedxml.ElementTree  # noqa: F401 - imported so frozen builds always contain it

from perfdesk.core.errors import PerfDeskError

MAX_FILE_BYTES = 256 * 1024 * 1024  # a whole city's detailed tables are far below this
MAX_TEXT_BYTES = 64 * 1024 * 1024
MAX_ZIP_MEMBERS = 100_000
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024
MAX_MEMBER_RATIO = 500  # deflate of real XML stays far below; a bomb is near 1000:1
# Members smaller than this may compress very well harmlessly (a sheet of one repeated text,
# a 1 MB cell, which the cell check refuses with its own message); a bomb expands to far more.
MIN_RATIO_CHECKED = 64 * 1024 * 1024
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
# A city's whole budget is 10,000 projects: one row each in the disclosure table, one sheet of
# about 30 rows each in the detailed forms. Files beyond these are refused while being read,
# within seconds, instead of filling the memory for minutes.
MAX_ROWS = 200_000  # rows holding anything, in one sheet
MAX_CELLS = 10_000_000  # filled cells, in the whole file
MAX_SHEETS = 20_000


def check_input_file(path: Path, *, limit: int = MAX_FILE_BYTES) -> int:
    """The file's size after checking it exists, is a file, is not empty and not huge."""
    if not path.exists():
        raise PerfDeskError("文件不存在。", "The file does not exist.", file=path)
    if not path.is_file():
        raise PerfDeskError("这不是一个普通文件（可能是文件夹、管道或设备）。",
                            "This is not a regular file (a folder, a pipe or a device).",
                            file=path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PerfDeskError(f"无法读取文件（{exc.strerror}）。",
                            f"The file cannot be read ({exc.strerror}).", file=path) from exc
    if size == 0:
        raise PerfDeskError("文件是空的（0 字节），没有可导入的内容。",
                            "The file is empty (0 bytes); there is nothing to import.", file=path)
    if size > limit:
        raise PerfDeskError(
            f"文件过大（{_size(size)}，上限 {_size(limit)}），不像是绩效目标表，已拒绝读取。",
            f"The file is too large ({_size(size)}, the limit is {_size(limit)}) to be a "
            "performance target table; it was not read.", file=path)
    return size


def too_many(path: Path, zh: str, en: str, *, sheet: str | None = None) -> PerfDeskError:
    return PerfDeskError(
        f"文件内容过多（{zh}），远超任何绩效目标表（一个城市的全部项目也不到这么多），已停止读取，"
        "没有导入任何内容。请确认选择了正确的文件，或把表格分成几个文件导入。",
        f"The file holds too much ({en}), far beyond any performance target table (a whole "
        "city's projects are fewer); reading stopped and nothing was imported. Check that "
        "this is the right file, or split the table into several files.", file=path,
        sheet=sheet)


def _size(count: int) -> str:
    return f"{count / 1048576:.0f} MB" if count >= 1048576 else f"{count / 1024:.0f} KB"


def check_zip(path: Path) -> zipfile.ZipFile:
    """Open ``path`` as a zip after checking its directory; the caller closes it.

    Raises PerfDeskError for a damaged zip, too many members, a member whose declared size or
    compression ratio marks a zip bomb, or a total unpacked size beyond any real workbook.
    """
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise PerfDeskError(
            "文件已损坏或不完整（可能下载或复制时中断），无法作为 Excel 文件打开。",
            "The file is damaged or incomplete (perhaps a download or copy was interrupted); "
            "it cannot be opened as an Excel file.", file=path) from exc
    except OSError as exc:
        raise PerfDeskError(f"无法读取文件（{exc.strerror or exc}）。",
                            f"The file cannot be read ({exc.strerror or exc}).", file=path) from exc
    try:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise PerfDeskError(
                f"文件包含 {len(infos)} 个内部部件，远超正常 Excel 文件，已拒绝读取。",
                f"The file holds {len(infos)} internal parts, far more than any real Excel "
                "file; it was not read.", file=path)
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MIN_RATIO_CHECKED and ratio > MAX_MEMBER_RATIO:
                raise PerfDeskError(
                    f"文件中的部件“{info.filename}”压缩比异常（{ratio:.0f}:1），"
                    "疑似“压缩炸弹”，已拒绝读取。",
                    f"The part '{info.filename}' has an abnormal compression ratio "
                    f"({ratio:.0f}:1), typical of a zip bomb; the file was not read.", file=path)
        if total > MAX_UNPACKED_BYTES:
            raise PerfDeskError(
                f"文件解压后将超过 {total / 1073741824:.1f} GB，疑似“压缩炸弹”，已拒绝读取。",
                f"The file would unpack to {total / 1073741824:.1f} GB, typical of a zip bomb; "
                "it was not read.", file=path)
    except BaseException:
        archive.close()
        raise
    return archive


def require_defused_xml() -> None:
    """Refuse to parse workbooks unless openpyxl parses XML through defusedxml."""
    import openpyxl
    from openpyxl.xml import functions

    module = getattr(functions.iterparse, "__module__", "")
    if openpyxl.DEFUSEDXML is not True or not module.startswith("defusedxml"):
        raise PerfDeskError(
            "安全组件 defusedxml 未启用，为防止恶意文件，暂不能读取 Excel 文件。"
            "请重新安装 PerfDesk（或取消环境变量 OPENPYXL_DEFUSEDXML）。",
            "The safety component defusedxml is not active, so Excel files cannot be read "
            "safely. Reinstall PerfDesk (or unset OPENPYXL_DEFUSEDXML).")


def unsafe_xml_error(path: Path, exc: BaseException) -> PerfDeskError:
    return PerfDeskError(
        "文件含有不允许的 XML 结构（实体定义或外部引用，常见于恶意文件），已拒绝读取。",
        "The file contains forbidden XML constructs (entity declarations or external "
        "references, typical of malicious files); it was not read.", file=path)


def is_unsafe_xml(exc: BaseException | None) -> bool:
    """Whether ``exc`` (or what caused it: openpyxl re-raises parse errors) came from
    defusedxml refusing the XML."""
    from defusedxml.common import DefusedXmlException

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DefusedXmlException):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def check_cell_length(text: str, *, file: Path, sheet: str | None, row: int,
                      column: str, cut_at_limit: bool = False) -> None:
    """Refuse a cell beyond Excel's limit. ``cut_at_limit``: the reader (openpyxl) cuts longer
    cells to the limit itself, so a cell exactly at it was longer in the file."""
    if len(text) > MAX_CELL_CHARS or (cut_at_limit and len(text) >= MAX_CELL_CHARS):
        shown = f"超过 {MAX_CELL_CHARS}" if cut_at_limit and len(text) == MAX_CELL_CHARS \
            else str(len(text))
        raise PerfDeskError(
            f"单元格内容过长（{shown} 个字符，Excel 上限为 {MAX_CELL_CHARS}），"
            "不像是绩效目标表的内容，已拒绝导入。",
            f"The cell is too long ({len(text)} characters; Excel's limit is "
            f"{MAX_CELL_CHARS}) to be part of a performance target table; nothing was "
            "imported.", file=file, sheet=sheet, row=row, column=column)
