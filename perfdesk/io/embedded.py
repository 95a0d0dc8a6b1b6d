"""PerfDesk's own data inside its exports, so a re-import loses nothing.

The official layouts cannot show every field (a disclosure table has no 二级指标, no 指标解释,
no funding); a clerk who exports, mails the file and imports it elsewhere must still get every
field back exactly. Each export therefore carries a very hidden sheet holding, per project, its
full record as JSON together with the SHA-256 of the visible content it was exported with (the
project's row in the disclosure table, its sheet in the detailed form), plus a header with the
format version and a SHA-256 of the JSON itself.

On import a project is restored from its record only when its visible content still hashes
the same; a project edited by hand after export is read from the visible table instead, and
the import says so. Records keep their UUIDs: importing the same export twice into one dataset
is recognised and refused with a clear message, and projects keep their identity when tables
travel between a unit and its department.
"""

from __future__ import annotations

import hashlib
import json
import operator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from perfdesk import __version__
from perfdesk.core.i18n import Text
from perfdesk.io.base import Notice, canonical
from perfdesk.io.sources import Sheet
from perfdesk.core.model import (
    INDICATOR_FIELDS,
    PROJECT_FIELDS,
    TASK_FIELDS,
    TASK_MONEY,
    Indicator,
    IndicatorFields,
    Project,
    ProjectFields,
    Task,
)

SHEET_NAME = "PerfDesk数据"
MARKER = "PerfDesk export data"
FORMAT_VERSION = 1
CHUNK = 30_000  # characters per cell (Excel allows 32,767)

# Fields of Project beyond ProjectFields that a record carries.
_PROJECT_EXTRA = ("uuid", "department", "unit", "unit_code", "department_code")
_PROJECT_DEFAULTS = {name: f.get_default(call_default_factory=True)
                     for name, f in ProjectFields.model_fields.items()}
_PROJECT_DEFAULTS.update({name: "" for name in _PROJECT_EXTRA})
_INDICATOR_DEFAULTS = {name: f.get_default(call_default_factory=True)
                       for name, f in IndicatorFields.model_fields.items()}
_INDICATOR_DEFAULTS["uuid"] = ""
_DECIMAL_PROJECT = tuple(n for n in PROJECT_FIELDS
                         if "Decimal" in str(ProjectFields.model_fields[n].annotation))
_DECIMAL_INDICATOR = tuple(n for n in INDICATOR_FIELDS
                           if "Decimal" in str(IndicatorFields.model_fields[n].annotation))
_TEXT_PROJECT = tuple(n for n, default in _PROJECT_DEFAULTS.items() if default == "")
_TEXT_INDICATOR = tuple(n for n in _INDICATOR_DEFAULTS if n not in _DECIMAL_INDICATOR)


def row_hash(values) -> str:
    """SHA-256 of a row of cell values as a reader sees them."""
    text = "\x1f".join(canonical(v) for v in values)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cells_hash(cells) -> str:
    """SHA-256 of (row, column, value) triples of non-empty cells, in row-major order."""
    digest = hashlib.sha256()
    for row, col, value in cells:
        text = canonical(value)
        if text:
            digest.update(f"{row},{col}\x1e{text}\x1f".encode("utf-8"))
    return digest.hexdigest()


def sheet_cells(sheet: Sheet):
    for r, values in enumerate(sheet.rows, 1):
        for c, value in enumerate(values, 1):
            if value is not None:
                yield r, c, value


# --- records --------------------------------------------------------------------------------


def _json_default(value):
    if isinstance(value, Decimal):
        return str(value)  # keeps the exponent too: Decimal(str(d)) is d, digit for digit
    raise TypeError(f"cannot store {type(value).__name__}")


# A record is a JSON array: the project's values in PROJECT_COLUMNS order, then a list of its
# indicators, each an array in INDICATOR_COLUMNS order. The column names are written into the
# payload header, so a later PerfDesk that adds fields still reads older files by name.
PROJECT_COLUMNS = (*_PROJECT_EXTRA, *PROJECT_FIELDS)
INDICATOR_COLUMNS = ("uuid", *INDICATOR_FIELDS)
_project_values = operator.itemgetter(*PROJECT_COLUMNS)
_indicator_values = operator.itemgetter(*INDICATOR_COLUMNS)


_TASK_COLUMNS = ("uuid", *TASK_FIELDS)
_TASK_TEXT = tuple(n for n in _TASK_COLUMNS if n not in TASK_MONEY)


def project_record(project: Project) -> list:
    """The project as one array, ready for JSON (every field; decimals become exact text).
    A 部门整体 target's tasks follow as a third element, each an object by field name (a
    project without tasks has none, as before tasks were kept)."""
    record = [_project_values(project.__dict__),
              [_indicator_values(i.__dict__) for i in project.indicators]]
    if project.tasks:
        record.append([{name: t.__dict__[name] for name in _TASK_COLUMNS}
                       for t in project.tasks])
    return record


def _task_from_record(entry) -> Task:
    """One task of a record (an object by field name; unknown names are left out)."""
    if type(entry) is not dict:
        raise RecordError("不是年度主要任务记录", "not a task record")
    values = {name: entry.get(name, "") for name in _TASK_TEXT}
    if not _all_text(tuple(values.values())) or not values["uuid"]:
        raise RecordError("年度主要任务的文字字段中不是文字", "a task text field holds something else")
    _check_texts(tuple(values.values()))
    for name in TASK_MONEY:
        values[name] = _decimal(entry.get(name))
    return Task.from_storage(values)


class RecordError(ValueError):
    """A record that does not describe a project (damaged or made by hand).

    Attributes:
        zh, en: what is wrong with it, for the clerk's notice.
    """

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


# What a record may hold, as a typed cell would: amounts and targets are ordinary decimals
# (no 1E+200000000 that takes a gigabyte to print), years are years, texts fit in a cell.
_MAX_NUMBER_TEXT = 40
_MAX_MAGNITUDE = 15  # 10^15: far beyond any budget in 万元 or any target
_MIN_EXPONENT = -12
_YEARS = range(1900, 2201)
_MAX_TEXT = 32_767


_DECIMALS: dict[str, Decimal] = {}  # text -> checked Decimal (immutable, so shared)


def _decimal(value) -> Decimal | None:
    """The exact number a record's text holds (RecordError when it is not one); the same text
    recurs thousands of times in a big export and is checked once."""
    if value is None:
        return None
    if type(value) is str:
        found = _DECIMALS.get(value)
        if found is not None:
            return found
    number = _checked_decimal(value)
    if len(_DECIMALS) < 10_000:
        _DECIMALS[value] = number
    return number


def _checked_decimal(value) -> Decimal:
    if not isinstance(value, str):
        raise RecordError("数值不是以文字保存的", f"number stored as {type(value).__name__}")
    if len(value) > _MAX_NUMBER_TEXT:
        raise RecordError(f"数值“{value[:20]}…”过长", f"number too long: {value[:20]!r}…")
    try:
        number = Decimal(value)
    except InvalidOperation as exc:
        raise RecordError(f"“{value}”不是数值", f"not a number: {value!r}") from exc
    if not number.is_finite():
        raise RecordError(f"“{value}”不是有限的数值", f"not a finite number: {value!r}")
    if number and not _MIN_EXPONENT <= number.adjusted() < _MAX_MAGNITUDE:
        raise RecordError(f"数值“{value[:30]}”大小不合理", f"number out of range: {value[:30]!r}")
    if number.as_tuple().exponent < _MIN_EXPONENT:  # type: ignore[operator]
        raise RecordError(f"数值“{value[:30]}”小数位过多", f"too many decimal places: {value[:30]!r}")
    return number


def _check_texts(values: tuple) -> None:
    if values and max(map(len, values)) > _MAX_TEXT:
        raise RecordError("文字超过一个单元格的容量", "a text longer than a cell can hold")


def project_from_record(record, columns: tuple[tuple[str, ...], tuple[str, ...]] | None = None
                        ) -> Project:
    """The project a record (as read from JSON) describes, exactly; RecordError when it is
    malformed.

    ``columns`` are the (project, indicator) column names the record was written with (from
    the payload header); by default this version's. Every value's type is checked (text is
    text, numbers are exact decimal text, years are integers) before the model objects are
    built without a second validation: restoring 60,000 indicators must not take seconds.
    """
    project_columns, indicator_columns = columns or (PROJECT_COLUMNS, INDICATOR_COLUMNS)
    if not (isinstance(record, list) and len(record) in (2, 3) and isinstance(record[0], list)
            and isinstance(record[1], list) and len(record[0]) == len(project_columns)
            and (len(record) == 2 or isinstance(record[2], list))):
        raise RecordError("不是项目记录", "not a project record")
    values = _complete(dict(zip(project_columns, record[0])), project_columns,
                       _PROJECT_DEFAULTS, PROJECT_COLUMNS)
    if not _all_text(_project_text(values)):
        raise RecordError("项目的文字字段中不是文字", "a project text field holds something else")
    _check_texts(_project_text(values))
    for name in _DECIMAL_PROJECT:
        values[name] = _decimal(values[name])
    for name in ("period_start", "period_end"):
        v = values[name]
        if v is not None and (type(v) is not int or v not in _YEARS):
            raise RecordError(f"“{name}”不是合理的年份", f"{name} must be a year")
    for name in ("period_start_month", "period_end_month"):
        v = values[name]
        if v is not None and (type(v) is not int or not 1 <= v <= 12):
            raise RecordError(f"“{name}”不是合理的月份", f"{name} must be a month")
    for name in ("includes_transfer", "no_service_recipients"):
        if type(values[name]) is not bool:
            raise RecordError(f"“{name}”应为是或否", f"{name} must be true or false")
    if not values["uuid"]:
        raise RecordError("项目缺少标识", "project without uuid")
    indicators = []
    width = len(indicator_columns)
    same = indicator_columns == INDICATOR_COLUMNS
    for entry in record[1]:
        if type(entry) is not list or len(entry) != width:
            raise RecordError("不是指标记录", "not an indicator record")
        ivalues = dict(zip(indicator_columns, entry))
        if not same:
            ivalues = _complete(ivalues, indicator_columns, _INDICATOR_DEFAULTS,
                                INDICATOR_COLUMNS)
        if not _all_text(_indicator_text(ivalues)) or not ivalues["uuid"]:
            raise RecordError("指标的文字字段中不是文字", "an indicator text field holds something else")
        _check_texts(_indicator_text(ivalues))
        for name in _DECIMAL_INDICATOR:
            if ivalues[name] is not None:
                ivalues[name] = _decimal(ivalues[name])
        indicators.append(Indicator.from_storage(ivalues))
    values["indicators"] = indicators
    values["tasks"] = [_task_from_record(t) for t in record[2]] if len(record) == 3 else []
    return Project.from_storage(values)


def _complete(values: dict, written: tuple[str, ...], defaults: dict, current: tuple[str, ...]
              ) -> dict:
    """Values in this version's columns: unknown columns dropped, missing ones defaulted."""
    if written == current:
        return values
    return {name: values.get(name, defaults[name]) for name in current}


def _all_text(values: tuple) -> bool:
    return set(map(type, values)) <= {str}


_project_text = operator.itemgetter(*_TEXT_PROJECT)
_indicator_text = operator.itemgetter(*_TEXT_INDICATOR)


# --- the hidden sheet -----------------------------------------------------------------------


@dataclass(slots=True)
class Entry:
    """One project's record with the hash of its visible content and where that content is
    (the row number in a disclosure table, the sheet name in a detailed form)."""

    visible_hash: str
    place: str
    record: list


@dataclass(slots=True)
class Payload:
    layout: str
    version: int
    entries: list[Entry] = field(default_factory=list)
    columns: tuple[tuple[str, ...], tuple[str, ...]] = (PROJECT_COLUMNS, INDICATOR_COLUMNS)


def payload_rows(layout: str, entries: list[Entry]):
    """Rows of the hidden sheet: a header (format, version, layout, count, column names,
    SHA-256 of the data), then the data in cells of at most CHUNK characters. The data is one
    JSON array holding, per project, [visible hash, place, record]. A few large cells keep
    both writing and reading fast."""
    data = json.dumps([[e.visible_hash, e.place, e.record] for e in entries],
                      ensure_ascii=False, separators=(",", ":"), default=_json_default)
    header = json.dumps({"format": "perfdesk.export", "version": FORMAT_VERSION,
                         "layout": layout, "projects": len(entries), "app": __version__,
                         "project_columns": PROJECT_COLUMNS,
                         "indicator_columns": INDICATOR_COLUMNS,
                         "data_sha256": hashlib.sha256(data.encode("utf-8")).hexdigest()},
                        separators=(",", ":"))
    return [[MARKER, header], *([data[i:i + CHUNK]] for i in range(0, len(data), CHUNK))]


def add_payload_sheet(workbook, styles, layout: str, entries: list[Entry]) -> None:
    """Add the very hidden sheet holding the payload to a write-only workbook."""
    from perfdesk.io.writing import RowWriter

    ws = workbook.create_sheet(SHEET_NAME)
    ws.sheet_state = "veryHidden"
    rows = RowWriter(ws, styles)
    for values in payload_rows(layout, entries):
        rows.add([(v, None) for v in values])
    rows.close()


def find_payload_sheet(sheets: list[Sheet]) -> Sheet | None:
    for sheet in sheets:
        if sheet.name == SHEET_NAME and sheet.rows and sheet.rows[0] \
                and sheet.rows[0][0] == MARKER:
            return sheet
    return None


def read_payload(sheet: Sheet, notices: list[Notice]) -> Payload | None:
    """The payload of the hidden sheet, or None (with a notice) when it cannot be trusted."""
    where = sheet.location()
    try:
        header = json.loads(sheet.rows[0][1])
        version = int(header["version"])
        layout = str(header["layout"])
        expected = str(header["data_sha256"])
        columns = (tuple(map(str, header["project_columns"])),
                   tuple(map(str, header["indicator_columns"])))
    except (ValueError, KeyError, TypeError, IndexError):
        notices.append(Notice(Text("导出文件中 PerfDesk 保存的原始数据已损坏，已按表格内容读取。",
                                   "PerfDesk's data embedded in the export is damaged; the "
                                   "visible table was read instead."), where))
        return None
    if version > FORMAT_VERSION:
        notices.append(Notice(Text(
            f"文件由更新版本的 PerfDesk 导出（数据格式 {version}），已按表格内容读取；"
            "升级 PerfDesk 可完整恢复全部字段。",
            f"The file was exported by a newer PerfDesk (data format {version}); the visible "
            "table was read. Upgrade PerfDesk to restore every field."), where))
        return None
    data = "".join(row[0] for row in sheet.rows[1:] if row and isinstance(row[0], str))
    if hashlib.sha256(data.encode("utf-8")).hexdigest() != expected:
        notices.append(Notice(Text("导出文件中 PerfDesk 保存的原始数据被改动过，已按表格内容读取。",
                                   "PerfDesk's data embedded in the export was altered; the "
                                   "visible table was read instead."), where))
        return None
    try:
        items = json.loads(data)
        entries = [Entry(str(h), str(p), r) for h, p, r in items]
    except (ValueError, TypeError):
        notices.append(Notice(Text("导出文件中 PerfDesk 保存的原始数据已损坏，已按表格内容读取。",
                                   "PerfDesk's data embedded in the export is damaged; the "
                                   "visible table was read instead."), where))
        return None
    return Payload(layout, version, entries, columns)
