"""The block of tasks of a 部门整体绩效目标表, read.

A department's whole-budget target lists what the year's budget is for: the 年度主要任务 of
财预〔2015〕88号's 部门整体支出绩效目标申报表 (任务名称 | 主要内容 | 预算金额（万元）over 总额 |
财政拨款 | 其他资金, closed by a 金额合计 row) or the 年度履职目标 of local forms (福建: 部门职能 |
年度目标任务 | 支出项目名称 | 预算金额(万元)). The block is found by its heading row (the columns'
names in :data:`perfdesk.core.vocabulary.TASK_NAMES`, with a second heading row under
预算金额 when it is split), and every row under it down to the end of the block becomes a
:class:`~perfdesk.core.model.Task`, except the 金额合计 row (compared with the tasks' sums,
with a notice when it disagrees), empty rows and the template's unfilled ``任务1`` rows.

The label reader of the form (:mod:`perfdesk.io.detail`) is given the sheet without the block
(:func:`without_block`): the block's 财政拨款 or 支出项目名称 headings are no labels of the form.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from decimal import Decimal

from perfdesk.core.i18n import Text
from perfdesk.core.model import TASK_MONEY, Task
from perfdesk.core.severity import HINT, WARNING
from perfdesk.core.values import format_number
from perfdesk.core.vocabulary import TASK_TOTAL_ROWS, form_label, heading_key, task_column
from perfdesk.io.base import Notice, cell_decimal, cell_text
from perfdesk.io.sources import Sheet

_MONEY_NAMES = {"total": "总额", "fiscal": "财政拨款", "other": "其他资金"}
# an unfilled row of the official template: 任务1, 任务2 …, or ……
_PLACEHOLDER = re.compile(r"^(?:任务\s*\d+|[.…。·]+|略|（略）|\(略\))$")


@dataclass(slots=True)
class TaskBlock:
    """Where the block of tasks is and what it holds.

    Attributes:
        first_row, last_row: the block's rows, its heading and its 金额合计 row included.
        first_data: the row its tasks begin at.
        columns: (column, task field) of its columns.
        tasks: the tasks, in the order of the rows.
        sums: the 金额合计 row's amounts by money field (empty when the table has none).
    """

    first_row: int
    last_row: int
    columns: list[tuple[int, str]]
    first_data: int = 0  # the first row under its heading (two rows when 预算金额 is split)
    tasks: list[Task] = field(default_factory=list)
    sums: dict[str, Decimal | None] = field(default_factory=dict)


def _merge_map(sheet: Sheet) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    found = {}
    for m in sheet.merges:
        for r in range(m[0], m[2] + 1):
            for c in range(m[1], m[3] + 1):
                found[(r, c)] = m
    return found


def _heading(sheet: Sheet, row: int, merges) -> dict[int, str]:
    """(column → task field) of the task headings in ``row``, each at its cell's first
    column; ``{}`` when the row holds none."""
    columns: dict[int, str] = {}
    for c, value in enumerate(sheet.rows[row - 1], 1):
        name = task_column(value)
        merge = merges.get((row, c))
        if name and (merge is None or (merge[0], merge[1]) == (row, c)) \
                and name not in columns.values():
            columns[c] = name
    return columns


def find_block(sheet: Sheet, stop_row: int) -> TaskBlock | None:
    """The block of tasks above row ``stop_row`` (the indicator grid), or ``None``: a
    heading row naming a task (任务名称, 年度目标任务, 部门职能 or 支出项目名称) and its amount or
    content, with the 总额 | 财政拨款 | 其他资金 row under a split 预算金额."""
    merges = _merge_map(sheet)
    for r in range(1, min(stop_row, sheet.max_row + 1)):
        columns = _heading(sheet, r, merges)
        fields = set(columns.values())
        if not (fields & {"name", "function", "item"}) or len(fields) < 2:
            continue
        first_data = r + 1
        below = _heading(sheet, r + 1, merges) if r + 1 < stop_row else {}
        if below and set(below.values()) <= set(TASK_MONEY):  # 总额 | 财政拨款 | 其他资金
            columns = {c: f for c, f in columns.items() if f not in TASK_MONEY}
            columns.update(below)
            first_data = r + 2
        side = merges.get((r, min(columns) - 1)) if min(columns) > 1 else None
        last = _last_row(sheet, first_data, stop_row, min(columns), side)
        return TaskBlock(r, last, sorted(columns.items()), first_data)
    return None


def _last_row(sheet: Sheet, first: int, stop_row: int, first_col: int, side) -> int:
    """The block's last row: its 金额合计 row, else the row before the first one with a label
    of the form left of the block or in its first column (年度总体目标) or with a cell left of
    the block that its merged side label (年度主要任务 down the left) does not cover, else the
    end of that side label."""
    end = min(side[2], stop_row - 1) if side is not None and side[2] >= first else stop_row - 1
    last = first - 1
    for r in range(first, end + 1):
        cells = sheet.rows[r - 1] if r <= len(sheet.rows) else []
        covered = side is not None and side[0] <= r <= side[2]
        left = [v for v in cells[:first_col - 1] if cell_text(v)] if not covered else []
        if left or any(form_label(v) not in (None, "heading") for v in cells[:first_col]):
            break
        last = r
        if any(heading_key(v) in TASK_TOTAL_ROWS for v in cells if cell_text(v)):
            break
    return last


def read_block(sheet: Sheet, stop_row: int, notices: list[Notice]) -> TaskBlock | None:
    """The tasks of the block above ``stop_row``, with a notice for the block (which columns
    were read as what), for each row skipped or amount not understood, and when the 金额合计
    row disagrees with the tasks' sums."""
    block = find_block(sheet, stop_row)
    if block is None:
        return None
    merges = _merge_map(sheet)

    def value(r: int, c: int) -> object:
        m = merges.get((r, c))
        return sheet.value(m[0], m[1]) if m else sheet.value(r, c)

    first_data = block.first_data
    for r in range(first_data, block.last_row + 1):
        cells = {f: value(r, c) for c, f in block.columns}
        texts = {f: cell_text(v) for f, v in cells.items()}
        if not any(texts.values()):
            continue
        if any(heading_key(t) in TASK_TOTAL_ROWS for f, t in texts.items()
               if f not in TASK_MONEY):
            block.sums = {f: cell_decimal(cells[f]) for f in TASK_MONEY if f in cells}
            continue
        words = [t for f, t in texts.items() if t and f not in TASK_MONEY]
        amounts = [t for f, t in texts.items() if t and f in TASK_MONEY]
        if not amounts and words and all(_PLACEHOLDER.match(t) for t in words):
            notices.append(Notice(Text(
                f"模板中未填写的任务行（{words[0]}）已跳过。",
                f"An unfilled task row of the template ({words[0]}) was skipped."),
                sheet.location(r), HINT))
            continue
        money: dict[str, Decimal | None] = {}
        for name in TASK_MONEY:
            if name not in cells:
                continue
            number = cell_decimal(cells[name])
            if number is None and texts[name]:
                notices.append(Notice(Text(
                    f"“预算金额（{_MONEY_NAMES[name]}）”“{texts[name]}”不是金额，已留空，请核对。",
                    f"The budget ({name}) '{texts[name]}' is no amount; it was left empty, "
                    "please check."), sheet.location(r, _MONEY_NAMES[name]), WARNING))
            money[name] = number
        block.tasks.append(Task(
            function=texts.get("function", ""), name=texts.get("name", ""),
            content=texts.get("content", ""), item=texts.get("item", ""),
            source_ref=sheet.location(r).ref(), **money))
    def heading_of(c: int, name: str) -> str:  # the lower heading of a split 预算金额
        return next(cell_text(value(r, c)) for r in range(first_data - 1, block.first_row - 1, -1)
                    if task_column(value(r, c)) == name)

    headings = "、".join(f"“{heading_of(c, f)}”" for c, f in block.columns)
    if not block.tasks:
        notices.append(Notice(Text(
            "表中“年度主要任务”一栏没有填写任务。", "The table's block of main tasks is empty."),
            sheet.location(block.first_row), HINT))
        return block
    notices.append(Notice(Text(
        f"已读取部门整体的年度主要任务 {len(block.tasks)} 条（第 {block.first_row}–"
        f"{block.last_row} 行，按 {headings} 各列）。",
        f"{len(block.tasks)} main tasks of the department were read (rows {block.first_row}–"
        f"{block.last_row})."), sheet.location(block.first_row), HINT))
    _compare_sums(sheet, block, notices)
    return block


def task_sums(tasks: list[Task]) -> dict[str, Decimal | None]:
    """The exact sums of the tasks' amounts by money field (``None`` where none gives one):
    the 金额合计 row."""
    sums: dict[str, Decimal | None] = {}
    for name in TASK_MONEY:
        given = [getattr(t, name) for t in tasks if getattr(t, name) is not None]
        sums[name] = sum(given, Decimal(0)) if given else None
    return sums


def _compare_sums(sheet: Sheet, block: TaskBlock, notices: list[Notice]) -> None:
    sums = task_sums(block.tasks)
    for name, written in block.sums.items():
        if written is not None and sums.get(name) is not None and written != sums[name]:
            notices.append(Notice(Text(
                f"“金额合计”的{_MONEY_NAMES[name]} {format_number(written)} 万元与各项任务之和 "
                f"{format_number(sums[name])} 万元不符，请核对。",
                f"The 金额合计 {name} {format_number(written)} differs from the tasks' sum "
                f"{format_number(sums[name])}; please check."),
                sheet.location(block.last_row, "金额合计"), WARNING))


def without_block(sheet: Sheet, block: TaskBlock) -> Sheet:
    """The sheet with the block's cells (from its first column rightwards, heading to last
    row) left empty and its merges there dropped, for the label reader: the block holds no label of the form."""
    first_col = block.columns[0][0]
    rows = [list(cells) for cells in sheet.rows]
    for r in range(block.first_row, block.last_row + 1):
        cells = rows[r - 1] if r <= len(rows) else []
        for c in range(first_col, len(cells) + 1):
            cells[c - 1] = None
    kept = [m for m in sheet.merges if m[2] < block.first_row or m[0] > block.last_row]
    return dataclasses.replace(sheet, rows=rows, _merges=kept)
