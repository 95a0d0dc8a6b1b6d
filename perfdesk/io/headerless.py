"""A block of indicator rows without a heading row: its columns judged by what they hold.

Clerks paste a grid copied without its heading row, and some tables they have are no more than
that (an indicator list saved from a sheet whose heading was a picture, or cut off). One
judgement serves both: :func:`block_columns` says what each column of the block holds, and the
paste (:mod:`perfdesk.io.paste`) and the import (:func:`read_headerless`, through the import's
own row reader) read the rows with it. What a single cell can hold is the core's
(:func:`perfdesk.core.entry.column_of_cells`).
"""

from __future__ import annotations

from collections.abc import Sequence

from typing import TYPE_CHECKING

from perfdesk.core.entry import cell_fits, clean, column_of_cells
from perfdesk.core.fields import GRID_HEADERS
from perfdesk.core.i18n import Text
from perfdesk.core.model import Project
from perfdesk.core.severity import HINT
from perfdesk.core.taxonomy import DEFAULT_GRADES, DEFAULT_PROFILE
from perfdesk.io.base import Notice, cell_text, split_code
from perfdesk.io.layouts import row_kind

if TYPE_CHECKING:
    from perfdesk.io.sources import Sheet

FIELD_NAMES = {"level1": "一级指标", "level2": "二级指标", "name": "三级指标", "nature": "指标性质",
               "comparator": "计算符号", "value": "指标值", "unit": "计量单位", "weight": "权重"}

# A column is taken for a field when this share of its filled cells reads as one (a
# target column may hold one 较好完成 among its ≥95%), the rows that are no indicators aside.
_COLUMN_SHARE = 0.8


def block_columns(grid: Sequence[Sequence[str]], order: Sequence[str], *,
                  profile: str = DEFAULT_PROFILE, grades: Sequence[str] = DEFAULT_GRADES
                  ) -> tuple[str, ...]:
    """The columns of a block without a heading row.

    Each column is judged once by what its cells hold (:func:`perfdesk.core.entry.column_of_cells`:
    level-1 and level-2 names, 性质, comparators, targets such as ≥95% or 100, 依据, units; the rest
    free text). When the block shows a target with free text left of it, every column is read
    by its values: the free text nearest the target is the 三级指标 name, the first after it a
    remark kept as 指标解释 (never dropped). Otherwise the columns are the grid's own ``order``
    (from the column the paste was aimed at), except a column whose values cannot be held
    there: it goes where its values belong, free text to the name, then the explanation. A
    second column of one field is not read."""
    grades = tuple(grades)
    width = max((len(cells) for cells in grid), default=0)
    rows = [cells for cells in grid if row_kind([clean(c) for c in cells if clean(c)])
            not in ("total", "placeholder")]
    cells = [[clean(row[k]) if k < len(row) else "" for row in rows] for k in range(width)]
    filled = [any(column) for column in cells]
    kinds = [column_of_cells(cells[k], profile=profile, grades=grades, share=_COLUMN_SHARE)
             if filled[k] else None for k in range(width)]
    layout: list[str]
    if "value" in kinds and "" in kinds[:kinds.index("value")]:
        value_at = kinds.index("value")
        layout = [kind or "" for kind in kinds]
        layout[max(k for k in range(value_at) if kinds[k] == "")] = "name"
        after = [k for k in range(value_at + 1, width) if kinds[k] == ""]
        if after:
            layout[after[0]] = "explanation"
    else:
        layout = [order[k] if k < len(order) else "" for k in range(width)]
        fits = [bool(f) and all(cell_fits(f, c, profile=profile, grades=grades) for c in cells[k])
                for k, f in enumerate(layout)]
        layout = [f if fits[k] else "" for k, f in enumerate(layout)]
        taken = {f for f in layout if f}
        for k in range(width):
            if fits[k] or not filled[k]:
                continue
            field = column_of_cells(cells[k], profile=profile, grades=grades, taken=taken,
                                    share=_COLUMN_SHARE)
            if not field:  # free text: the name first, then the explanation
                field = next((f for f in ("name", "explanation") if f not in taken), "")
            layout[k] = field
            taken.add(field)
    seen: set[str] = set()
    for k, field in enumerate(layout):
        if field in seen:
            layout[k] = ""  # a second column of one field is not guessed
        if field:
            seen.add(field)
    return tuple(layout)


# --- a table file that is only such a block -------------------------------------------------


def recognised_notice(columns: Sequence[str]) -> Text:
    """What the clerk is told when a block's columns were recognised by their values."""
    return Text(
        "没有表头，按内容认出了各列：{names}。".format(names="、".join(
            _heading(c).zh if c else "（未读）" for c in columns)),
        "No heading row; the columns were recognised by their values: {names}.".format(
            names=", ".join(_heading(c).en if c else "(not read)" for c in columns)))


def _heading(field: str) -> Text:
    return GRID_HEADERS.get(field) or Text(FIELD_NAMES.get(field, field), field)


def read_headerless(sheet: Sheet, *, profile: str, grades: tuple[str, ...],
                    notices: list[Notice]) -> Project | None:
    """The one project of a sheet that holds indicator rows without a heading row (labels such
    as 项目名称 / 主管部门 may stand above them), read by the import's row reader with the columns
    :func:`block_columns` judges; ``None`` when the rows do not show categories, names and
    targets (then the sheet is not taken for a table). The project is named by its 项目名称
    label, else after the file, with a notice."""
    from perfdesk.core.entry import IndicatorRowReader
    from perfdesk.core.vocabulary import form_label
    from perfdesk.io.layouts import GridHead, read_rows

    texts = [[cell_text(v) for v in row] for row in sheet.rows]
    first = next((r for r, row in enumerate(texts, 1) if sum(1 for t in row if t) >= 3), None)
    if first is None:
        return None
    block = texts[first - 1:]
    layout = block_columns(block, (), profile=profile, grades=grades)
    if not {"name", "value"} <= set(layout) or not {"level1", "level2"} & set(layout):
        return None
    labels: dict[str, str] = {}
    for row in texts[:first - 1]:
        for c, text in enumerate(row):
            field_name = form_label(text)
            right = next((t for t in row[c + 1:] if t), "")
            if field_name and right and form_label(right) is None:
                labels.setdefault(field_name, right)
    grid = GridHead(row=first - 1, columns={f: c + 1 for c, f in enumerate(layout) if f})
    notices.append(Notice(recognised_notice(layout), sheet.location(first), HINT))
    indicators = read_rows(sheet, grid, first, sheet.max_row,
                           reader=IndicatorRowReader(profile, grades), notices=notices)
    if not indicators:
        return None
    name = labels.get("name", "")
    if not name:
        name = sheet.file.stem
        notices.append(Notice(Text(
            f"表中没有项目名称，暂按文件名填为“{name}”，请核对。",
            f"The table names no project; it was named after the file, '{name}'. Please check."),
            sheet.location()))
    department, department_code = split_code(labels.get("department", ""))
    unit, unit_code = split_code(labels.get("unit", ""))
    return Project(name=name, department=department, unit=unit or department,
                   unit_code=unit_code, department_code=department_code, source_ref=sheet.location(first).ref(),
                   indicators=indicators)
