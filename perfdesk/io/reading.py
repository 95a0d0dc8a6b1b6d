"""Reading a table file into projects (:func:`read_table`).

``read_table`` is pure: it sniffs the format, finds the layout (disclosure table or detailed
form), restores PerfDesk's own exports from their embedded data where the visible content is
unchanged, reads everything else from the visible table, and returns projects plus notices.
Putting them into a dataset (where projects without a unit go, refusing what is already
there, one transaction) is :mod:`perfdesk.services.importing`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from perfdesk.core.bulk import bulk
from perfdesk.core.errors import PerfDeskError
from perfdesk.core.i18n import Text
from perfdesk.core.values import format_money
from perfdesk.io import (detail, detail_form, disclosure, drawing_order, embedded, headerless,
                         layouts, notice, run_together, writing)
from perfdesk.io.base import (
    ImportResult,
    Location,
    Notice,
    Progress,
    ProgressCallback,
    cell_decimal,
    cell_text,
)
from perfdesk.io.sources import Sheet, read_source
from perfdesk.core.model import DEPARTMENT_WHOLE, SELF_EVALUATION, Project
from perfdesk.core.severity import HINT
from perfdesk.core.taxonomy import DEFAULT_GRADES, check_profile
from perfdesk.core.vocabulary import form_label, table_column

_EDITED = {
    "disclosure": Text(
        "这个项目在导出后被手工修改过，已按表格内容重新读取；公开表中没有的内容（二级指标、指标解释、"
        "资金、项目属性等）需要重新填写。",
        "This project was edited by hand after export and was read from the table; what the "
        "disclosure table does not show (level 2, explanations, funding, attribute …) needs "
        "filling in again."),
    "detail": Text(
        "这个项目在导出后被手工修改过，已按申报表内容重新读取；申报表中没有的内容（项目编码、"
        "评(扣)分标准、权重、备注等）需要重新填写。",
        "This project was edited by hand after export and was read from the form; what the "
        "form does not show (project code, scoring, weight, remarks …) needs filling in "
        "again."),
}


def read_table(path: str | Path, *, profile: str = "88",
               progress: ProgressCallback | None = None,
               grades: Sequence[str] = DEFAULT_GRADES) -> ImportResult:
    """Read one table file into projects (never touches a dataset).

    Raises PerfDeskError naming the file, sheet, row and column when the file cannot be read
    or holds no table PerfDesk recognises.
    """
    with bulk():
        return _read_table(Path(path), profile, progress, tuple(grades))


# Who the projects belong to: a table states it with a label or a column for it (主管部门, 预算部门,
# 预算单位, 单位名称, 实施单位 …, the same vocabulary the readers place by), or says nothing.
_OWNER_FIELDS = {"department": ("department",), "unit": ("unit", "implementing_unit", "unit_line")}
_INLINE_LABEL = re.compile(r"^\s*([^:：]{2,12})\s*[:：]")


def labelled_fields(sheets: Sequence[Sheet]) -> frozenset[str]:
    """Which of ``department`` and ``unit`` the sheets have a label or column heading for
    (a cell that is the label, or a label followed by its value, ``预算单位:某局``), whether or
    not its cell is filled."""
    found: set[str] = set()
    for sheet in sheets:
        for row in sheet.rows:
            for value in row:
                if not isinstance(value, str) or not value.strip():
                    continue
                names = {form_label(value), table_column(value)}
                inline = _INLINE_LABEL.match(value)
                if inline:
                    names |= {form_label(inline.group(1)), table_column(inline.group(1))}
                for field_, labels in _OWNER_FIELDS.items():
                    if names & set(labels):
                        found.add(field_)
                if len(found) == len(_OWNER_FIELDS):
                    return frozenset(found)
    return frozenset(found)


def unstated_fields(projects: Sequence[Project], sheets: Sequence[Sheet]
                    ) -> dict[str, frozenset[str]]:
    """For each project whose 主管部门 or 预算单位 is empty, the fields among those that the
    table has no place for at all (:attr:`ImportResult.unstated`); the sheets are looked at
    only when some project has such a gap."""
    open_ = [p for p in projects if not p.department.strip() or not p.unit.strip()]
    if not open_:
        return {}
    labelled = labelled_fields(sheets)
    out: dict[str, frozenset[str]] = {}
    for project in open_:
        missing = frozenset(f for f in _OWNER_FIELDS
                            if not getattr(project, f).strip() and f not in labelled)
        if missing:
            out[project.uuid] = missing
    return out


def _read_table(path: Path, profile: str, progress: ProgressCallback | None,
                grades: tuple[str, ...]) -> ImportResult:
    check_profile(profile)
    source = read_source(path)
    notices: list[Notice] = []
    payload_sheet = embedded.find_payload_sheet(source.sheets)
    payload = embedded.read_payload(payload_sheet, notices) if payload_sheet else None
    visible = [s for s in source.sheets if s is not payload_sheet and not s.hidden]

    if payload is not None and payload.layout == detail.KIND:
        # PerfDesk's own detailed export: sheets still as exported need no layout search
        result = _read_details(visible, payload, profile, grades, notices, progress)
        if result.projects:
            result.encoding = source.encoding
            result.layout = _layout_of(result)
            return result
    found = [(s, disclosure.find_header(s)) for s in visible]
    # Below a disclosure header only a grid heading at it (or right below it) matters: the
    # search stops there instead of reading every one of 10,000 data rows as a heading.
    grids = {id(s): g for s, h in found
             if (g := layouts.find_grid(s, None if h is None else h.row + 2)) is not None}
    headers = [(s, h) for s, h in found if h is not None and not _grid_at(grids.get(id(s)), h.row)]
    flats = [s for s in visible if "name" in getattr(grids.get(id(s)), "project_columns", {})
             and not any(s is d for d, _ in headers)]
    details = [s for s in visible if not any(s is d for d, _ in headers)
               and not any(s is f for f in flats) and detail.looks_like_detail(s)]
    if flats and not headers:
        projects = []
        empty: list[tuple[Sheet, int, str]] = []  # flat grids no project came from
        for sheet in flats:
            grid = grids[id(sheet)]
            read = layouts.read_flat(sheet, grid, profile=profile, grades=grades,
                                     notices=notices)
            if not read:
                empty.append((sheet, grid.row, _column_name(sheet, grid)))
            projects += read
        if details:
            projects += _read_details(details, None, profile, grades, notices, None).projects
        for sheet, row, column in empty:
            said = _NO_PROJECT.format(column=column)
            if not projects:
                raise PerfDeskError(said.zh, said.en, file=path, sheet=sheet.name or None,
                                    row=row, column=column)
            notices.append(Notice(said, sheet.location(row, column)))
        result = ImportResult(projects, notices, layouts.FLAT)
    elif headers:
        if details:
            notices.append(Notice(Text(
                f"文件同时含有申报表格式的工作表（{'、'.join(s.name for s in details[:3])}），"
                "本次按公开表格式导入，这些工作表未读取。",
                f"The file also has detailed-form sheets ({', '.join(s.name for s in details[:3])}); "
                "it was imported as a disclosure table and those sheets were not read."),
                Location(str(path))))
        result = _read_disclosure(headers, payload, profile, grades, notices, progress)
    elif details:
        result = _read_details(details, None, profile, grades, notices, progress)
    elif bare := [p for s in visible if (p := headerless.read_headerless(
            s, profile=profile, grades=grades, notices=notices)) is not None]:
        result = ImportResult(bare, notices, layouts.HEADERLESS)
    elif read := _read_notices(visible, profile, grades, notices):
        result = read
    elif read := _read_run_together(visible, profile, grades, notices):
        result = read
    elif drawn := [s for s in visible if drawing_order.looks_drawn(s)]:
        result = ImportResult([p for s in drawn for p in drawing_order.read_drawn(
            s, profile=profile, grades=grades, notices=notices)], notices, drawing_order.KIND)
    else:
        raise PerfDeskError(
            "文件中没有找到绩效目标表：既没有“项目名称…绩效指标”表头（公开表格式），也没有"
            "“项目名称”和“一级指标…三级指标”表格（申报表格式）。请确认选择了正确的文件。",
            "No performance target table was found: neither a header row with 项目名称 … "
            "绩效指标 (disclosure table) nor a 项目名称 label with a 一级指标 … 三级指标 grid "
            "(detailed form). Check that this is the right file.", file=path)
    if not result.projects and headers:
        sheet, header = headers[0]
        raise PerfDeskError(
            "找到了公开表的表头，但其下没有读出任何项目（表头下没有写有项目名称的行）。请确认表格内容完整。",
            "A disclosure table's header was found but no project was read under it (no row "
            "below it names a project). Check that the table is complete.", file=path,
            sheet=sheet.name or None, row=header.row)
    result.layout = _layout_of(result)
    result.encoding = source.encoding
    result.unstated = unstated_fields(result.projects, visible)
    if source.encoding and source.encoding not in ("UTF-8", "UTF-8 (BOM)"):
        result.notices.insert(0, Notice(Text(f"文本按 {source.encoding} 编码读取。",
                                             f"The text was read as {source.encoding}."),
                                        Location(str(path))))
    return result


_NO_PROJECT = Text(
    "这一行是带“{column}”列的指标表表头，但其下没有任何一行写有项目名称，没有读出项目；"
    "请检查“{column}”列是否填写。",
    "This row is the heading of an indicator grid with a '{column}' column, but no row below it "
    "names a project, so no project was read; check that the '{column}' column is filled in.")


def _column_name(sheet: Sheet, grid: layouts.GridHead) -> str:
    """The heading of a flat grid's project-name column, as the sheet writes it."""
    c = grid.project_columns["name"]
    return next((t for r in (grid.row, grid.first_row) if (t := sheet.text(r, c))), "项目名称")


def _read_notices(sheets: list[Sheet], profile: str, grades: tuple[str, ...],
                  notices: list[Notice]) -> ImportResult | None:
    """A paragraph notice's project (targets written as sentences, no grid), or ``None``."""
    projects = []
    for sheet in sheets:
        if notice.looks_like_notice(sheet):
            read = notice.read_notice(sheet, profile=profile, grades=grades, notices=notices)
            if read is not None:
                projects.append(read)
    if not projects:
        return None
    notices.insert(0, Notice(Text(
        "文件是写成段落的绩效目标公示（没有表格）：项目和指标按句子读取，每条指标的目标取句末的比较"
        "（如“≥95%”），请逐条核对。",
        "The file is a notice with the targets written as sentences (no table): the project "
        "and indicators were read from the sentences, each target from the comparison at the "
        "end (e.g. ≥95%); please check each."), Location(str(sheets[0].file)), HINT))
    return ImportResult(projects, notices, notice.KIND)


def _read_run_together(sheets: list[Sheet], profile: str, grades: tuple[str, ...],
                       notices: list[Notice]) -> ImportResult | None:
    """A form whose cells run together (text copied out of a .docx), read by its labels."""
    projects = [project for sheet in sheets if run_together.looks_run_together(sheet)
                if (project := run_together.read_run_together(
                    sheet, profile=profile, grades=grades, notices=notices)) is not None]
    return ImportResult(projects, notices, run_together.KIND) if projects else None


def _grid_at(grid: layouts.GridHead | None, row: int) -> bool:
    """Whether an indicator grid's heading is at (or right below) a disclosure-looking header
    row: a flat grid whose 绩效指标 heading is merged over 一级 … 三级指标, not a 5-column table."""
    return grid is not None and grid.first_row <= row + 1 and grid.row >= row


def _layout_of(result: ImportResult) -> str:
    """The layout recognised, as the import preview names it."""
    kinds = {p.kind for p in result.projects}
    if DEPARTMENT_WHOLE in kinds:
        return layouts.LAYOUT_NAMES["department_whole"]
    if SELF_EVALUATION in kinds:
        return layouts.LAYOUT_NAMES["self_evaluation"]
    return layouts.LAYOUT_NAMES.get(result.kind, result.kind)


def _read_disclosure(headers: list[tuple[Sheet, disclosure.Header]], payload, profile: str,
                     grades: tuple[str, ...], notices: list[Notice],
                     progress: ProgressCallback | None) -> ImportResult:
    total = sum(s.max_row - h.row for s, h in headers)
    tracker = Progress(progress, total)
    tracker.start()
    projects: list[Project] = []
    restored = 0
    use_payload = payload is not None and payload.layout == disclosure.KIND
    for index, (sheet, header) in enumerate(headers):
        found: list[tuple[int, Project]] = []
        skip: set[int] = set()
        disagreed: set[int] = set()
        if use_payload and index == 0:
            width = sum(1 for v in sheet.rows[header.row - 1] if cell_text(v))
            by_hash = _by_hash(payload.entries)
            for r in range(header.row + 1, sheet.max_row + 1):
                cells = list(sheet.rows[r - 1][:width])
                cells += [None] * (width - len(cells))
                digest = embedded.row_hash(cells)
                entry = _take(by_hash, digest, str(r))
                if entry is not None:
                    project = _restore(entry, payload, sheet, r, notices)
                    if project is None:
                        disagreed.add(r)
                        continue
                    shown = (digest if width <= _DISCLOSURE_COLUMNS
                             else embedded.row_hash(cells[:_DISCLOSURE_COLUMNS]))
                    if embedded.row_hash(disclosure.project_row(project)) != shown:
                        notices.append(Notice(_DISAGREES, sheet.location(r)))
                        disagreed.add(r)
                        continue  # the record says what the row does not: read the row
                    found.append((r, project))
                    skip.add(r)
            restored += len(found)
        read = disclosure.read_sheet(sheet, header, profile=profile, notices=notices,
                                     grades=grades, skip_rows=skip, progress=tracker)
        if use_payload and index == 0:
            for r, _project in read:
                if r not in disagreed:
                    notices.append(Notice(_EDITED[disclosure.KIND], sheet.location(r)))
        found.extend(read)
        found.sort(key=lambda pair: pair[0])
        projects.extend(p for _r, p in found)
    tracker.finish()
    return ImportResult(projects, notices, disclosure.KIND, restored)


def _read_details(sheets: list[Sheet], payload, profile: str, grades: tuple[str, ...],
                  notices: list[Notice], progress: ProgressCallback | None) -> ImportResult:
    """Projects of detailed-form sheets; with PerfDesk's embedded data, sheets whose content
    is unchanged are restored from it and the others read (those not in the layout skipped)."""
    tracker = Progress(progress, len(sheets))
    tracker.start()
    by_hash = _by_hash(payload.entries) if payload is not None else {}
    projects = []
    restored = 0
    for sheet in sheets:
        entry = None
        if payload is not None:
            entry = _take(by_hash, embedded.cells_hash(embedded.sheet_cells(sheet)), sheet.name)
        project = _restore(entry, payload, sheet, None, notices) if entry is not None else None
        disagrees = entry is not None and (project is None or not _shown_on(project, sheet))
        if project is not None and disagrees:
            notices.append(Notice(_DISAGREES, sheet.location()))
            project = None  # the record says what the sheet does not: read the sheet
        if project is not None:
            projects.append(project)
            restored += 1
        elif payload is None or detail.looks_like_detail(sheet):
            projects.append(detail.read_sheet(sheet, profile=profile, notices=notices,
                                              grades=grades))
            if payload is not None and not disagrees:
                notices.append(Notice(_EDITED[detail.KIND], sheet.location()))
        else:
            notices.append(Notice(Text("这张工作表不是申报表格式，已跳过。",
                                       "This sheet is not a detailed form; it was skipped."),
                                  sheet.location()))
        tracker.advance()
    tracker.finish()
    # (an export restored from its embedded data is PerfDesk's own form: no grid is searched)
    evaluation = bool(sheets) and not restored and all(
        (g := layouts.find_grid(s)) is not None and g.evaluation for s in sheets)
    return ImportResult(projects, notices, layouts.EVALUATION if evaluation else detail.KIND,
                        restored)


# An export's hidden data is restored only where it agrees with what the table shows: anyone
# can rewrite it and its plain SHA-256, but not without the visible cells disagreeing.
_DISAGREES = Text("导出文件中 PerfDesk 保存的这个项目的数据与表格中显示的内容不一致（可能被改动过），"
                  "已按表格内容读取。",
                  "PerfDesk's data for this project embedded in the export disagrees with what "
                  "the table shows (it may have been altered); the table was read instead.")
_DISCLOSURE_COLUMNS = 5


def _shown_on(project: Project, sheet: Sheet) -> bool:
    """Whether every value the detailed form shows of ``project`` is on ``sheet``: its name,
    unit, attribute, period, amounts, goals and each indicator's categories, name, target and
    unit (wherever an office's template puts them)."""
    texts = set()
    numbers = set()
    for row in sheet.rows:
        for value in row:
            if value is None:
                continue
            texts.add(cell_text(value))
            number = cell_decimal(value)
            if number is not None:
                numbers.add(number)
    form = detail_form.detail_form(project, year=project.period_start or 2000)
    wanted = [form.header[key][1] for key in ("name", "attribute") if key in form.header]
    wanted += [text for _label, text in form.goals]
    shown_fields = {f for f, _heading in form.grid_headings}
    compared = [f for f in ("level1", "level2", "name", "value", "unit", "actual", "weight",
                            "score", "shortfall") if f in shown_fields]
    for row in form.grid:
        for name in compared:
            value = row.cells[name]
            if isinstance(value, Decimal):  # a 自评表's 分值 and 得分
                if value not in numbers:
                    return False
            else:
                wanted.append(value)
    for text in wanted:
        if isinstance(text, str) and (shown := cell_text(writing.clean_text(text))) \
                and shown not in texts:
            return False
    for line in form.money:
        for amount in (line.midterm, line.annual):
            if amount is not None and amount not in numbers and \
                    cell_text(format_money(amount)) not in texts:
                return False
    return True


def _by_hash(entries: list[embedded.Entry]) -> dict[str, list[embedded.Entry]]:
    table: dict[str, list[embedded.Entry]] = {}
    for entry in entries:
        table.setdefault(entry.visible_hash, []).append(entry)
    return table


def _take(table: dict[str, list[embedded.Entry]], digest: str, place: str):
    """The entry whose visible content hashes to ``digest`` (preferring the same place)."""
    candidates = table.get(digest)
    if not candidates:
        return None
    for i, entry in enumerate(candidates):
        if entry.place == place:
            return candidates.pop(i)
    return candidates.pop(0)


def _restore(entry: embedded.Entry, payload: embedded.Payload, sheet: Sheet,
             row: int | None, notices: list[Notice]) -> Project | None:
    """The project a hidden record holds, or ``None`` (with a notice naming the place) when
    the record is damaged or not what a typed cell could hold: the table is read instead."""
    try:
        return embedded.project_from_record(entry.record, payload.columns)
    except embedded.RecordError as exc:
        notices.append(Notice(Text(
            f"导出文件中 PerfDesk 保存的这个项目的数据无效（{exc.zh}），已按表格内容读取。",
            f"PerfDesk's data for this project embedded in the export is invalid ({exc.en}); the "
            "table was read instead."), sheet.location(row) if row else sheet.location()))
        return None


@dataclass(slots=True)
class Edited:
    """A project whose sheet no longer shows what was exported: the record as exported and
    the project as the sheet now shows it (with the record's identity)."""

    sheet: str
    recorded: Project
    shown: Project | None


def read_exported_details(sheets: list[Sheet], payload: embedded.Payload, *, profile: str,
                          grades: Sequence[str] = DEFAULT_GRADES
                          ) -> tuple[list[Project], list[Edited]]:
    """The projects of PerfDesk's own 申报表 export, each restored from its record when its
    sheet is as exported, else read from the sheet and listed as :class:`Edited` (a submission
    edited by hand). A record whose sheet is gone is an edit too (its ``shown`` is ``None``)."""
    by_hash = _by_hash(payload.entries)
    by_place = {e.place: e for e in payload.entries}
    projects: list[Project] = []
    edited: list[Edited] = []
    seen: set[str] = set()
    for sheet in sheets:
        entry = _take(by_hash, embedded.cells_hash(embedded.sheet_cells(sheet)), sheet.name)
        notices: list[Notice] = []
        if entry is not None:
            project = _restore(entry, payload, sheet, None, notices)
            if project is not None and _shown_on(project, sheet):
                projects.append(project)
                seen.add(entry.place)
                continue
        original = by_place.get(sheet.name)
        if original is None or not detail.looks_like_detail(sheet):
            continue
        recorded = embedded.project_from_record(original.record, payload.columns)
        shown = detail.read_sheet(sheet, profile=profile, notices=notices, grades=tuple(grades))
        shown.uuid, shown.unit_code = recorded.uuid, recorded.unit_code
        shown.department = shown.department or recorded.department
        shown.unit = recorded.unit
        names = {(i.level1, i.name): i.uuid for i in recorded.indicators}
        for indicator in shown.indicators:
            indicator.uuid = names.pop((indicator.level1, indicator.name), indicator.uuid)
        projects.append(shown)
        edited.append(Edited(sheet.name, recorded, shown))
        seen.add(sheet.name)
    for entry in payload.entries:
        if entry.place not in seen:
            edited.append(Edited(entry.place, embedded.project_from_record(
                entry.record, payload.columns), None))
    return projects, edited
