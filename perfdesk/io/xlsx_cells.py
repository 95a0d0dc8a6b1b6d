"""The cell values of an .xlsx worksheet, read straight from its XML.

openpyxl opens the workbook (its parts, shared strings, styles, sheet names and states), but
reading the cells through its read-only worksheet builds a Python object per cell and parses
the XML with defusedxml's pure-Python parser: for a 10,000-project table that is most of an
import. :func:`sheet_rows` reads the same sheet XML with the C parser and gives, row by row,
exactly the values openpyxl's ``iter_rows()`` gives (data only, the same missing-row and
missing-cell filling, the same numbers, dates, booleans, shared and inline strings, rich-text
runs joined), each as :func:`shown` says a clerk sees it.

The C parser does not refuse entity declarations the way defusedxml does, so the fast path is
taken only for a sheet whose XML starts, as every spreadsheet program writes it, with at most
an XML declaration (UTF-8) before the root element: no document type, hence no entity can be
declared anywhere in it. Any other sheet is read by openpyxl as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import XMLPullParser

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _VALUE, _INLINE = f"{_MAIN}row", f"{_MAIN}v", f"{_MAIN}is"
_TEXT, _RUN = f"{_MAIN}t", f"{_MAIN}r"
_CHUNK = 1 << 20
# An optional UTF-8 byte-order mark and XML declaration (UTF-8, or no encoding named), then
# the root element: nothing where a document type could be.
_PLAIN_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*"
    rb"(?:<\?xml(?:\s+version\s*=\s*(?:\"1\.0\"|'1\.0'))"
    rb"(?:\s+encoding\s*=\s*(?:\"[Uu][Tt][Ff]-?8\"|'[Uu][Tt][Ff]-?8'))?"
    rb"(?:\s+standalone\s*=\s*(?:\"(?:yes|no)\"|'(?:yes|no)'))?\s*\?>)?"
    rb"\s*<[A-Za-z_]")


def sheet_rows(workbook, ws) -> Iterator[list[object]] | None:
    """The rows of openpyxl read-only worksheet ``ws`` (of ``workbook``, opened with
    ``data_only=True``) as lists of shown values, or ``None`` when its XML does not start
    plainly (then openpyxl must read it)."""
    member = getattr(ws, "_worksheet_path", None)
    archive = getattr(workbook, "_archive", None)
    if member is None or archive is None:  # pragma: no cover - openpyxl internals moved
        return None
    handle = archive.open(member)
    try:
        first = handle.read(_CHUNK)
    except BaseException:
        handle.close()
        raise
    if not _PLAIN_START.match(first):
        handle.close()
        return None
    return _rows(_Cells(workbook, ws), handle, first)


def _rows(cells: _Cells, handle, chunk: bytes) -> Iterator[list[object]]:
    """openpyxl's ``ReadOnlyWorksheet._cells_by_row`` without bounds: a row missing from the
    XML comes out empty, a row numbered at or below one already given is dropped."""
    parser = XMLPullParser(("end",))
    counter = 1  # the number of the next row to give
    number = 0  # the row's number as the XML says it
    try:
        while True:
            if chunk:
                parser.feed(chunk)
            else:
                parser.close()
            for _event, element in parser.read_events():
                if element.tag != _ROW:
                    continue
                r = element.get("r")
                number = _row_number(r) if r else number + 1
                values = cells.row(element)
                element.clear()
                while counter < number:
                    counter += 1
                    yield []
                if counter <= number:
                    counter += 1
                    yield values
            if not chunk:
                return
            chunk = handle.read(_CHUNK)
    finally:
        handle.close()


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if number.is_integer():
            return int(number)
        raise ValueError(f"{text} is not a valid row number") from None


class _Cells:
    """The values of a row's cells, as openpyxl's ``WorkSheetParser.parse_cell`` reads them
    (``data_only``) and as :func:`perfdesk.io.sources.shown` shows them."""

    def __init__(self, workbook, ws) -> None:
        self.workbook = workbook
        self.ws = ws
        self.strings = ws._shared_strings
        self.date_formats = workbook._date_formats
        self.columns: dict[str, int] = {}
        self.percent: dict[int, bool] = {}  # style id -> number format shows a percentage

    def row(self, element) -> list[object]:
        values: dict[int, object] = {}
        column = 0
        for cell in element:
            kind = cell.get("t", "n")
            coordinate = cell.get("r")
            style = cell.get("s", 0)
            if style:
                style = int(style)
            column = self.column(coordinate) if coordinate else column + 1
            if kind == "inlineStr":
                inline = cell.find(_INLINE)
                value = None if inline is None else rich_text(inline)
            else:
                value = cell.findtext(_VALUE, None) or None
                if value is not None:
                    value = self.typed(value, kind, style)
            values[column] = value
        if not values:
            return []
        # the row reaches its last cell's column (openpyxl's _get_row)
        row: list[object] = [None] * column
        for index, value in values.items():
            if 1 <= index <= column:
                row[index - 1] = value
        return row

    def typed(self, value: str, kind: str, style: int) -> object:
        if kind == "n":
            number: object = float(value) if ("." in value or "E" in value or "e" in value) \
                else int(value)
            if style in self.date_formats:
                return self.date(number, style)
            return percent_shown(number) if self.shows_percent(style) else number
        if kind == "s":
            return self.strings[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            return from_ISO8601(value)
        return value  # "str" (a formula's text result), "e" (an error such as #N/A)

    def date(self, number, style: int) -> object:
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(number, self.workbook.epoch,
                              timedelta=style in self.workbook._timedelta_formats)
        except (OverflowError, ValueError):
            return "#VALUE!"  # openpyxl's value for a date serial out of range

    def shows_percent(self, style: int) -> bool:
        found = self.percent.get(style)
        if found is None:
            from openpyxl.cell.read_only import ReadOnlyCell

            shown = ReadOnlyCell(self.ws, 1, 1, None, "n", style).number_format
            found = self.percent[style] = "%" in (shown or "")
        return found

    def column(self, coordinate: str) -> int:
        letters = coordinate.rstrip("0123456789")
        digits = coordinate[len(letters):]
        if not digits:
            raise ValueError(f"invalid cell coordinate {coordinate!r}")
        int(digits)
        found = self.columns.get(letters)
        if found is None:
            from openpyxl.utils.cell import column_index_from_string

            found = self.columns[letters] = column_index_from_string(letters)
        return found


def percent_shown(number: int | float) -> str:
    """A number formatted as a percentage, as the clerk sees it: 1 is ``100%`` on screen, and
    100% is what the clerk typed."""
    from decimal import Decimal

    percent = (Decimal(repr(number)) * 100).normalize()
    return f"{percent:f}%"


def rich_text(node) -> str:
    """The text of an inline or shared string element, as openpyxl's ``Text.content``: its
    ``t`` (the last one, whatever its namespace) then each run's ``t``; phonetic runs left
    out."""
    children = list(node)
    if len(children) == 1 and children[0].tag == _TEXT and not len(children[0]):
        return children[0].text or ""  # the usual <is><t>…</t></is>
    plain = None
    runs = []
    for child in children:
        tag = _local(child.tag)
        if tag == "t":
            plain = child.text
        elif tag == "r":
            text = None
            for part in child:
                if _local(part.tag) == "t":
                    text = part.text
            if text is not None:
                runs.append(text)
    return (plain or "") + "".join(runs)


def _local(tag) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""
