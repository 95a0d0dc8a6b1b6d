"""What every importer and exporter shares: notices, the import result, progress, cell text.

An import reads a file into core model objects and says, in :class:`Notice` objects, what it
had to guess or adjust on the way (a level-2 label used as level 1, a continuation row merged
into the project above, an edited export read as a table). The clerk sees these notices after
the import; nothing is guessed silently.

Cell values reach us as whatever the file format holds (openpyxl gives floats for numbers,
xlrd too, text files give strings). :func:`cell_text` turns any of them into the text a clerk
sees, and :func:`cell_decimal` into an exact :class:`~decimal.Decimal` — never through a binary
float's arithmetic: a float is read back through ``repr``, which is the shortest text that
gives the same float, i.e. what was typed.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from perfdesk.core.entry import CellNote
from perfdesk.core.errors import describe_location, file_name
from perfdesk.core.i18n import ZH, Text, language
from perfdesk.core.model import Project
from perfdesk.core.severity import HINT, WARNING, Severity
from perfdesk.core.values import parse_number
from perfdesk.core.vocabulary import heading_key

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Location:
    """Where in a source file something was found (any part may be missing)."""

    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""

    def text(self, lang: str | None = None) -> str:
        return describe_location(self.file, self.sheet, self.row, self.column, lang)

    def __str__(self) -> str:
        return self.text()

    def ref(self) -> str:
        """The ``source_ref`` stored with imported projects and indicators (Chinese, stable)."""
        parts = [file_name(self.file)] if self.file else []
        if self.sheet:
            parts.append(self.sheet)
        if self.row is not None:
            parts.append(f"第{self.row}行")
        return "，".join(parts)


@dataclass(frozen=True, slots=True)
class Notice:
    """Something an import guessed, adjusted or skipped, with where it happened.

    Attributes:
        message: what happened and, where it matters, what the clerk should check.
        location: file, sheet, row and column.
        severity: how much it matters (a warning unless the reader knows better).
    """

    message: Text
    location: Location = field(default_factory=Location)
    severity: Severity = WARNING

    def text(self, lang: str | None = None) -> str:
        lang = lang or language()
        where = self.location.text(lang)
        body = self.message.zh if lang == ZH else self.message.en
        if not where:
            return body
        return f"{where}：{body}" if lang == ZH else f"{where}: {body}"

    def __str__(self) -> str:
        return self.text()


def reading_notices(notes: Iterable[CellNote], where: Location,
                    columns: Mapping[str, str] | None = None,
                    item: int | None = None) -> list[Notice]:
    """Notices for what reading a row's cells adjusted (stored other than written) or was told
    all the same; what was kept as written the checks report after the import. ``columns`` names the column of each
    field as the file heads it; ``item`` numbers an item of a 绩效指标 cell."""
    found = []
    for note in notes:
        if not (note.adjusted or note.told):
            continue
        message = note.message
        if item is not None:
            message = Text(f"第 {item} 项：{message.zh}", f"Item {item}: {message.en}")
        column = (columns or {}).get(note.field) or where.column
        found.append(Notice(message, replace(where, column=column), note.severity))
    return found


@dataclass(slots=True)
class ImportResult:
    """What :func:`perfdesk.io.read_table` read from one file.

    Attributes:
        projects: the projects, in file order, with their indicators.
        notices: what was guessed or adjusted.
        kind: the layout found: ``"disclosure"`` (项目支出绩效目标表), ``"detail"``
            (项目支出绩效目标申报表, one project per sheet), ``"flat"`` (a 项目名称 column) or
            ``"evaluation"`` (an evaluation-indicator table, read as a form).
        restored: how many projects came back exactly from PerfDesk's own embedded data
            (0 for tables made elsewhere).
        encoding: the text encoding detected for a text file, else ``""``.
        layout: the layout recognised, in the clerk's words (for the import preview).
        unstated: project uuid → the header fields (``"department"``, ``"unit"``) left empty
            because the table has no place for them at all (no 主管部门/预算单位 label or
            column anywhere): the table did not say, and the clerk picks the unit at import.
            A field whose label is there with its cell blank is not in it: that blank is the
            table's (HDR-02 reports it).
    """

    projects: list[Project]
    notices: list[Notice]
    kind: str
    restored: int = 0
    encoding: str = ""
    layout: str = ""  # the layout recognised, in words (公开表, 申报表, 自评表 …)
    unstated: dict[str, frozenset[str]] = field(default_factory=dict)


class Progress:
    """Calls a progress callback at most every ``step`` items; the callback may cancel.

    The callback may raise :class:`~perfdesk.core.errors.Cancelled`; it propagates from
    :meth:`advance` so the caller stops and discards what it has done.
    """

    def __init__(self, callback: ProgressCallback | None, total: int, step: int = 0) -> None:
        self.callback = callback
        self.total = max(total, 0)
        self.done = 0
        self.step = step or max(1, self.total // 100)
        self._next = self.step

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.callback is not None and self.done >= self._next:
            self._next = self.done + self.step
            self.callback(min(self.done, self.total), self.total)

    def start(self) -> None:
        if self.callback is not None:
            self.callback(0, self.total)

    def finish(self) -> None:
        if self.callback is not None:
            self.callback(self.total, self.total)


# --- cell values ----------------------------------------------------------------------------


def number_text(value: float | int | Decimal) -> str:
    """The text of a numeric cell as typed: ``95.0`` -> ``95``, ``0.1`` -> ``0.1``."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        number = Decimal(repr(value))
    else:
        number = value
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def cell_text(value: object) -> str:
    """What a clerk sees in a cell, as text (trimmed of surrounding blanks)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float, Decimal)):
        return number_text(value)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    return str(value).strip()


def cell_decimal(value: object) -> Decimal | None:
    """An exact number from a cell (float cells via ``repr``), or ``None`` when not a number."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        try:
            return Decimal(repr(value))
        except InvalidOperation:  # pragma: no cover - repr of a finite float always parses
            return None
    text = str(value).strip()
    for suffix in ("万元", "元"):
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
    return parse_number(text) if text else None


def canonical(value: object) -> str:
    """The text of a cell as hashed for round-trip detection: the same for what openpyxl
    was given on export and what it reads back (a Decimal written, a float read)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, Decimal)):
        return number_text(value)
    return cell_text(value)


# a checkbox list (1、持续性项目口 2、新增性项目☐, 新增项目□延续项目√, 1、持续性项目 ☑ 2、新增性项目 □)
_UNTICKED = "口☐□"
_TICKED = "☑☒√✓✔■"
_BOXES = _UNTICKED + _TICKED
_NUMBERED_OPTION = re.compile(rf"\d\s*[、.．]\s*(?P<option>[^\d、.．{_BOXES}]+?)\s*(?P<box>[{_BOXES}]?)\s*"
                              r"(?=\d\s*[、.．]|$)")
_BOXED_OPTION = re.compile(rf"\s*(?P<option>[^{_BOXES}]+?)\s*(?P<box>[{_BOXES}])\s*")


def ticked_option(text: str) -> str:
    """A label's value, or the one option of a checkbox list that is ticked (its box ☑/√, or,
    in a numbered list, no empty box 口/☐/□ after it); ``""`` when none is or several are."""
    numbered = list(_NUMBERED_OPTION.finditer(text))
    options = numbered if len(numbered) >= 2 else list(_BOXED_OPTION.finditer(text))
    if len(options) < 2 or "".join(m.group(0) for m in options).replace(" ", "") != \
            text.replace(" ", ""):
        return text
    ticked = [m.group("option").strip() for m in options
              if (m.group("box") and m.group("box") in _TICKED)
              or (not m.group("box") and options is numbered)]
    return ticked[0] if len(ticked) == 1 else ""


def read_attribute(text: str, where: Location, notices: list[Notice]) -> str:
    """The 项目属性 a label's value gives: the ticked option of a checkbox list, said in a
    notice; other text as written."""
    attribute = ticked_option(text)
    if attribute != text:
        notices.append(Notice(Text(
            f"项目属性“{text}”是勾选框，按勾选读作“{attribute or '（未勾选）'}”，请核对。",
            f"The 项目属性 '{text}' is a list of boxes; read by the ticked box as "
            f"'{attribute}', please check."), where, HINT))
    return attribute


# --- who a table names: a unit or department with its code ---------------------------------

_CODED = re.compile(r"^\s*(?:[\[【(（]\s*(?P<a>\d{3,})\s*[\]】)）]|(?P<b>\d{3,})\s*[-－—_\s])\s*(?P<name>\S.*)$")


def split_code(text: str, *, coded: bool = False) -> tuple[str, str]:
    """A unit written with its code in front (``[610001]某单位``, ``820001-某镇人民政府``) as
    (name, code); other text as (text, ""). Under a label that names a code (主管部门及代码,
    ``coded``) the code may also be glued to the name (``169国家林业局``)."""
    m = _CODED.match(text)
    if not m:
        glued = _GLUED_CODE.match(text) if coded else None
        return (glued.group("name"), glued.group("code")) if glued else (text, "")
    name = _OWN_LEVEL.sub("", m.group("name").strip()) or m.group("name").strip()
    return name, m.group("a") or m.group("b")


_GLUED_CODE = re.compile(r"^\s*(?P<code>\d{3,})(?P<name>[\u4e00-\u9fff].*?)\s*$")
# the labels that say their value carries a code (主管部门及代码, 预算单位及编码)
_CODE_LABEL = re.compile(r"及(?:代码|编码)$|^.*编码及名称$")


def names_code(label: str) -> bool:
    """Whether a label says its value carries a code (``主管部门及代码``)."""
    return bool(_CODE_LABEL.search(heading_key(label)))


# a system export's "(部门)" after a coded department's name: which list the code is from
_OWN_LEVEL = re.compile(r"\s*[(（]\s*部门\s*[)）]$")
