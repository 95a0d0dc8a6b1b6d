"""Where the indicator grid of a real table is, and which of its rows are indicators.

Published and local tables lay the same meaning out in many ways (issue 11): a label block
above a grid (申报表, 自评表, 部门整体绩效目标表), a flat grid with a 项目名称 column and one
project per block of rows, a 中长期 column beside the annual one, headings split over two rows
(``绩效指标`` merged over 一级指标 … 三级指标, ``指标值`` over 中长期 | 年度), with line breaks
and spaces inside. This module finds the grid by meaning — the heading row whose cells the
vocabulary (:mod:`perfdesk.core.vocabulary`) names as a level, a 三级指标 and a value (or a
score) — and reads its rows with the core's one row reader, leaving out what is not data: a
placeholder row (``……``, ``（略）``), a total row (总分, 合计), the notes under the grid (注：…) and
a cost-breakdown block (成本测算 …), each with a notice naming its row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from perfdesk.core.entry import IndicatorRowReader, short
from perfdesk.core.i18n import Text
from perfdesk.core.model import Indicator
from perfdesk.core.severity import HINT, WARNING, Severity
from perfdesk.core.taxonomy import (
    EFFECT,
    SATISFACTION,
    LabelKind,
    level2_names,
    is_evaluation_item,
    is_management_block,
    parent_of_level2,
    read_level1,
    split_run_together,
    split_score,
)
from perfdesk.core.values import yuan_to_wan
from perfdesk.core.vocabulary import (
    form_label,
    EVALUATION_LEVEL1,
    fallback_column,
    heading_key,
    indicator_column,
    is_footer,
    lost_first_character,
    table_column,
)
from perfdesk.io.base import Notice, cell_text, reading_notices, split_code
from perfdesk.io.per_place import is_place, one_target
from perfdesk.io.sources import Sheet

FLAT = "flat"
HEADERLESS = "headerless"
EVALUATION = "evaluation"
# The layouts recognised, as the import preview names them.
LAYOUT_NAMES = {
    "disclosure": "公开表（项目名称、绩效目标、绩效指标五列）",
    "detail": "申报表（表头信息在上、指标表格在下）",
    FLAT: "平铺指标表（项目名称列，每个项目一组行）",
    "self_evaluation": "绩效自评表（年度指标值、全年实际值、分值、得分）",
    "department_whole": "部门整体绩效目标表",
    HEADERLESS: "没有表头的指标表（按内容认出各列）",
    "notice": "绩效目标公示（段落文字，没有表格）",
    "run_together": "单元格连在一起的表格文字（按标签和指标名称切分）",
    EVALUATION: "绩效评价指标表（评价内容或优良中差评价标准、分值）",
}

# the fields of a flat grid's project columns
PROJECT_COLUMNS = ("name", "code", "department", "unit", "annual_goal", "annual_total")
_LEVELS = ("level1", "level2")
SATISFACTION_LEVEL2 = level2_names("88", SATISFACTION)[0]  # 服务对象满意度指标 (both profiles)


@dataclass(slots=True)
class GridHead:
    """The indicator grid's heading: its last row, its first (two-row headings), the column of
    each indicator field and, in a flat grid, of each project field."""

    row: int
    columns: dict[str, int]
    first_row: int = 0
    project_columns: dict[str, int] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)
    # (first, last column) of the 年度 side read, when a 中期 side stands beside it
    annual_side: tuple[int, int] | None = None
    # place → column, when the grid gives one value column per place (属地) instead of one
    # 指标值 (:mod:`perfdesk.io.per_place`); the first is also the ``value`` column
    places: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.first_row = self.first_row or self.row

    @property
    def evaluation(self) -> bool:
        """The grid is an evaluation-indicator table's: its level-1 column headed 绩效指标分类 /
        评价指标, or grade columns (评价标准 over 优 良 中 差)."""
        return "grade_1" in self.columns or heading_key(self.headings.get("level1", "")) in {
            heading_key(name) for name in EVALUATION_LEVEL1}

    @property
    def self_evaluation(self) -> bool:
        """The grid has a 自评表's columns (全年实际值, 得分)."""
        return "actual" in self.columns or "score" in self.columns


def _spread(sheet: Sheet, r: int) -> list[str]:
    """The texts of row ``r`` with a cell merged across columns given to each column."""
    texts = [cell_text(v) if isinstance(v, str) else "" for v in (sheet.rows[r - 1]
                                                                   if r <= sheet.max_row else [])]
    for r1, c1, r2, c2 in sheet.merges:
        if r1 <= r <= r2 and c2 > c1:
            top = cell_text(sheet.value(r1, c1))
            if not isinstance(sheet.value(r1, c1), str):
                continue
            while len(texts) < c2:
                texts.append("")
            for c in range(c1, c2 + 1):
                texts[c - 1] = texts[c - 1] or top
    return texts


def _columns(heads: list[str]) -> tuple[dict[str, int], dict[str, int], dict[str, str]]:
    columns: dict[str, int] = {}
    projects: dict[str, int] = {}
    headings: dict[str, str] = {}
    for c, text in enumerate(heads, 1):
        if not text:
            continue
        grid_field = indicator_column(text)
        if grid_field and grid_field not in columns:
            columns[grid_field] = c
            headings[grid_field] = text
            continue
        project_field = table_column(text)
        if project_field in PROJECT_COLUMNS and project_field not in projects:
            projects[project_field] = c
    taken = {*columns.values(), *projects.values()}
    for c, text in enumerate(heads, 1):
        # a heading that lost its first character in copying (级指标 beside 二级指标 and
        # 三级指标): the one listed heading it can be that no other column of the row is
        meant = [f for f in lost_first_character(text) if f not in columns]
        if c not in taken and len(meant) == 1:
            columns[meant[0]] = c
            headings[meant[0]] = text
    levels = [columns[f] for f in _LEVELS if f in columns]
    for c, text in enumerate(heads, 1):
        # right of the levels: left of them, 绩效指标 is the grid's own label
        grid_field = fallback_column(text)
        if grid_field and grid_field not in columns and levels and c > max(levels):
            columns[grid_field] = c
            headings[grid_field] = text
    return columns, projects, headings


def heading_notices(sheet: Sheet, grid: GridHead) -> list[Notice]:
    """What reading the grid's heading guessed: a heading that lost its first character
    (``级指标`` read as 一级指标), said with its column."""
    said = []
    for grid_field, text in grid.headings.items():
        full = lost_first_character(text).get(grid_field)
        if full and indicator_column(text) != grid_field:
            others = "、".join(h for f, h in grid.headings.items() if f != grid_field
                              and f in lost_first_character(text))
            said.append(Notice(Text(
                f"表头“{text}”缺了第一个字；同一行已有{others}，已读作“{full}”，请核对。",
                f"The heading '{text}' lost its first character; the row already has {others}, "
                f"so it was read as '{full}', please check."),
                sheet.location(grid.row, text), HINT))
    return said


def _two_row_heads(above: list[str], below: list[str]) -> list[str]:
    heads = []
    for c in range(max(len(above), len(below))):
        a = above[c] if c < len(above) else ""
        b = below[c] if c < len(below) else ""
        if not a or a == b:
            heads.append(b)
            continue
        if not b:
            heads.append(a)
            continue
        if is_place(b) and indicator_column(a) == "value":
            heads.append(b)  # 指标值 over one column per place: the place's value
            continue
        for candidate in (f"{a}{b}", f"{b}{a}", f"{a}({b})", b, a):
            # a(b) only as listed (指标值(中长期)): 年度指标值 over 指标性质 is the 指标性质
            # column of the 年度指标值 group, not 年度指标值 with a note in brackets
            exact = candidate == f"{a}({b})"
            if indicator_column(candidate, exact=exact) or table_column(candidate) in PROJECT_COLUMNS:
                heads.append(candidate)
                break
        else:
            heads.append(b)
    return heads


def _is_grid(columns: dict[str, int]) -> bool:
    if "name" not in columns or not any(level in columns for level in _LEVELS):
        return False
    return any(f in columns for f in ("value", "actual", "longterm_value", "weight", "scoring",
                                      "grade_1"))


_HEADING_LENGTH = 24  # longer text that no heading names is a value (a goal), not a heading


def _named(text: str) -> bool:
    return bool(indicator_column(text) or table_column(text) or fallback_column(text)
                or form_label(text))


def _heading_like(texts: list[str]) -> bool:
    """Whether a row can be the upper half of a heading split over two rows, not the label
    block's last row right above the grid: some cell is a heading the vocabulary names, none
    is text longer than a heading that it does not name, and no label has its value beside it
    (``年度目标 | 目标1：维护辖区…``, ``本年度绩效目标 | 全市空气质量达到优良``)."""
    cells = [t for t in texts if t]
    if not any(_named(t) for t in cells):
        return False  # the values under labels of the row above (年初设定目标 …)
    if any(len(heading_key(t)) > _HEADING_LENGTH and not _named(t) for t in cells):
        return False
    for label, right in zip(cells, cells[1:]):
        if form_label(label) not in (None, "heading") and right != label and not _named(right):
            return False
    return True


def _label_alone(sheet: Sheet, r: int, texts: list[str]) -> bool:
    """Whether row ``r`` is a label of the form's block standing alone, its value left empty
    (``专项名称 |`` right above the grid's heading): no upper half of a heading, unless its cell
    is merged down into the row below (a flat grid's 项目名称 heading over two rows)."""
    cells = [(c, t) for c, t in enumerate(texts, 1) if t]
    if not cells or len({t for _c, t in cells}) != 1:
        return False
    c, text = cells[0]
    if form_label(text) in (None, "heading"):
        return False
    return not any(r1 <= r < r2 and c1 <= c <= c2 for r1, c1, r2, c2 in sheet.merges)


def find_grid(sheet: Sheet, limit: int | None = None) -> GridHead | None:
    """The indicator grid's heading: a row naming a level (一级/二级指标), a 三级指标 and a value
    (指标值, 全年实际值, a 中长期 value, or 分值/评分标准 for an evaluation-indicator table),
    alone or together with the row above it (a heading split over two rows)."""
    previous: list[str] = []
    last = sheet.max_row if limit is None else min(sheet.max_row, limit)
    for r in range(1, last + 1):
        heads = _spread(sheet, r)
        found = None
        if previous and _heading_like(previous) and not _label_alone(sheet, r - 1, previous):
            both = _two_row_heads(previous, heads)
            columns, projects, headings = _columns(both)
            places = _places(both, columns, projects, headings)
            if _is_grid(columns):
                found = GridHead(r, columns, r - 1, projects, headings, places=places)
        columns, projects, headings = _columns(heads)
        places = _places(heads, columns, projects, headings)
        if _is_grid(columns) and (found is None or len(columns) + len(projects) >= len(
                found.columns) + len(found.project_columns)):
            found = GridHead(r, columns, r, projects, headings, places=places)
        if found is not None and r < sheet.max_row and (under := _places_below(sheet, found, heads)):
            found, heads = under
        if found is not None:
            return _annual_side(sheet, found, heads)
        previous = heads
    return None


def _places_below(sheet: Sheet, grid: GridHead, heads: list[str]) -> tuple[GridHead, list[str]] | None:
    """The grid headed over two rows when its 指标值 heading stands over one column per place
    on the row below (指标值 merged over 笏石街道办 | 埭头镇), with the headings read; else ``None``."""
    if grid.first_row != grid.row or "value" not in grid.columns:
        return None
    both = _two_row_heads(heads, _spread(sheet, grid.row + 1))
    columns, projects, headings = _columns(both)
    places = _places(both, columns, projects, headings)
    if not places or not _is_grid(columns):
        return None
    return GridHead(grid.row + 1, columns, grid.row, projects, headings, places=places), both


def _places(heads: list[str], columns: dict[str, int], projects: dict[str, int],
            headings: dict[str, str]) -> dict[str, int]:
    """Place → column of a grid with no 指标值 whose headings right of its 三级指标 name two or
    more places (笏石街道办 | 埭头镇, or under 指标值 over two rows): one value column each, the
    first taken as the ``value`` column (``columns`` and ``headings`` updated); else ``{}``."""
    if "name" not in columns or "value" in columns or "value_unit" in columns:
        return {}
    taken = {*columns.values(), *projects.values()}
    places = {text.strip(): c for c, text in enumerate(heads, 1)
              if c > columns["name"] and c not in taken and text and is_place(text)}
    if len(places) < 2:
        return {}
    first = min(places.values())
    columns["value"], headings["value"] = first, heads[first - 1]
    return places


def place_columns(heads: list[str], below: list[str] | None = None
                  ) -> tuple[list[str], dict[str, int]] | None:
    """A heading row that gives one value column per place (属地), read as :func:`find_grid`
    reads it: two or more places right of the 三级指标 and no 指标值 (:func:`_places`), or a
    指标值 over the places on the row ``below`` (then both rows read as one heading). The
    headings so read and place → column (1-based), or ``None`` when no places are given."""
    columns, projects, headings = _columns(heads)
    places = _places(heads, columns, projects, headings)
    if places:
        return heads, places
    if below is None or "value" not in columns:
        return None
    both = _two_row_heads(heads, below)
    columns, projects, headings = _columns(both)
    places = _places(both, columns, projects, headings)
    return (both, places) if places else None


_SIDE_FIELDS = ("level2", "name", "value")
_MIDTERM_SIDE = re.compile(r"中期|中长期|长期|实施期")


def _annual_side(sheet: Sheet, grid: GridHead, heads: list[str]) -> GridHead:
    """A grid whose 二级/三级/指标值 headings stand twice, the 中期 side beside the 年度 one (a
    广东 批复表: 中期滚动目标 over the left columns, 年度目标 over the right): the annual side's
    columns as the indicator's, the other side's as its 中长期 name and value. Only when the
    goal labels above the grid say which side is which; otherwise the grid as found."""
    first_end = max(grid.columns.get(f, 0) for f in _SIDE_FIELDS)
    second: dict[str, int] = {}
    for c in range(first_end + 1, len(heads) + 1):
        text = heads[c - 1]
        found = indicator_column(text) or ("value" if "指标值" in heading_key(text) else "")
        if found in _SIDE_FIELDS and found not in second:
            second[found] = c
    if "name" not in second or "value" not in second:
        return grid
    sides = _side_labels(sheet, grid.first_row)
    if sides is None or not sides[1] > sides[0]:
        return grid
    columns = {f: c for f, c in grid.columns.items()
               if f not in _SIDE_FIELDS and not min(grid.columns.get(g, first_end)
                                                      for g in _SIDE_FIELDS) <= c <= first_end}
    columns.update(second)
    for f, longterm in (("level2", "longterm_level2"), ("name", "longterm_name"),
                        ("value", "longterm_value")):
        if f in grid.columns:
            columns[longterm] = grid.columns[f]
    headings = {f: heads[c - 1] for f, c in columns.items()}
    return GridHead(grid.row, columns, grid.first_row, grid.project_columns, headings,
                    annual_side=(min(second.values()), max(second.values())))


def _side_labels(sheet: Sheet, stop: int) -> tuple[int, int] | None:
    """(column of the 中期 goal label, column of the 年度 one) in the nearest row above the
    grid that has both (中期滚动目标(2019年--2021年) | 年度目标), or ``None``."""
    for r in range(stop - 1, max(0, stop - 5), -1):
        midterm = annual = 0
        for c, value in enumerate(sheet.rows[r - 1], 1):
            key = heading_key(value)
            if not key or not re.search(r"目标|指标", key) or len(key) > 30:
                continue
            if _MIDTERM_SIDE.search(key):
                midterm = midterm or c
            elif "年度" in key:
                annual = annual or c
        if midterm and annual:
            return midterm, annual
    return None


# --- rows that are not indicators -----------------------------------------------------------

_PLACEHOLDER = re.compile(r"^[\s.。…·、⋯—\-－/／]*$|^[（(]?\s*[略等]\s*[)）]?$|^等等?$")
_TOTAL = {"合计", "总计", "小计", "总分", "合计得分", "总得分", "得分合计", "分值合计"}
_NOTE = re.compile(r"^(?:注|备注|说明|填表说明|填报说明|附注)\s*[:：\d１２３一二三、.]")
_COST = ("成本测算", "资金测算", "测算依据", "测算明细", "支出明细", "成本构成", "支出内容",
         "经费测算", "预算明细", "资金使用明细", "支出预算明细", "成本费用测算")


def _placeholder(texts: list[str]) -> bool:
    filled = [t for t in texts if t]
    return bool(filled) and all(_PLACEHOLDER.match(t) for t in filled)


def _is_cost_block(texts: list[str]) -> bool:
    keys = [heading_key(t) for t in texts if t]
    return any(k.startswith(_COST) for k in keys[:2])


def row_kind(texts: list[str]) -> str:
    """What a row under the grid is when it is not an indicator: ``"footer"``, ``"note"``,
    ``"cost"`` (these end the grid), ``"placeholder"``, ``"total"`` (skipped), or ``""``."""
    first = next((t for t in texts if t), "")
    if not first:
        return ""
    if is_footer(first):
        return "footer"
    if _NOTE.match(first):
        return "note"
    if _is_cost_block(texts):
        return "cost"
    if _placeholder(texts):
        return "placeholder"
    if heading_key(first) in _TOTAL:
        return "total"
    return ""


_CATEGORY_FIELDS = ("level1", "level2", "longterm_level2")
# columns that say nothing of a row's own indicator: the form's scoring rule (得分计算方法), often
# merged down the whole grid, is in every row's cells and makes no '-' row an indicator
_NOT_OWN = (*_CATEGORY_FIELDS, "scoring")
# a template's numbered empty row: 指标1, 指标2:, 指标3： (指标L: text recognised from a scan
# reads the 1 as L, l or I)
_TEMPLATE_NAME = re.compile(r"^\s*指标\s*(?:\d+|[LlI|])\s*[:：]?\s*$")

def classify_row(texts: dict[str, str], all_texts: list[str], left: int = 1) -> str:
    """What a row of an indicator grid is, for every reader of grids (import and paste):
    ``"footer"``, ``"note"``, ``"cost"`` (the grid ends), ``"total"``, ``"empty"``,
    ``"placeholder"`` (……, （略）, /), ``"template"`` (an unfilled 指标1/指标2: row),
    ``"heading"`` (the heading repeated), ``"category"`` (categories only) or ``""`` for an
    indicator. ``texts`` are the row's cells by field, ``all_texts`` every cell of the row
    and ``left`` the grid's first column."""
    kind = row_kind(all_texts) or row_kind(all_texts[left - 1:])
    if kind in ("footer", "note", "cost", "total"):
        return kind
    if not any(texts.values()):
        return "empty"
    own = [t for f, t in texts.items() if f not in _NOT_OWN]
    if kind == "placeholder" or _placeholder(list(texts.values())) or _placeholder(own):
        return "placeholder"
    if not any(own) and any(t and _PLACEHOLDER.match(t) for f, t in texts.items()
                            if f in _CATEGORY_FIELDS):
        return "placeholder"  # b10: a '…' in the level-2 column of an otherwise empty row
    if _TEMPLATE_NAME.match(texts.get("name", "")) and _placeholder(
            [t for f, t in texts.items() if t and f not in _CATEGORY_FIELDS and f != "name"]
            or ["…"]):
        return "template"
    if indicator_column(texts.get("name", "")) == "name":
        return "heading"  # a heading repeated (a form printed over two pages)
    if not texts.get("name") and not texts.get("value"):
        return "category"
    return ""


_SKIPPED = {
    "template": Text("模板中未填写的指标行（{text}）已跳过。",
                     "A template row left unfilled ({text}) was skipped."),
    "note": Text("表格下方的注释（{text}）不是指标，已从这一行起停止读取指标。",
                 "The notes under the grid ({text}) are not indicators; reading stopped here."),
    "cost": Text("这一行起是成本测算部分（{text}），不是绩效指标，没有读取。",
                 "From this row on is the cost breakdown ({text}), not indicators; not read."),
    "longterm_only": Text("这一行只有中期指标（{text}），没有年度指标，未作为年度指标导入。",
                          "This row holds a mid-term indicator only ({text}), no annual one; "
                          "it was not imported as an annual indicator."),
    "placeholder": Text("占位行（{text}）没有内容，已跳过。",
                        "A placeholder row ({text}) holds nothing; it was skipped."),
}


def read_rows(sheet: Sheet, grid: GridHead, first: int, last: int, *, reader: IndicatorRowReader,
              notices: list[Notice]) -> list[Indicator]:
    """The indicators of rows ``first``..``last`` of the grid, read by the core's row reader;
    what it adjusted and every row left out becomes a notice naming the row."""
    return [row.indicator for row in grid_rows(sheet, grid, first, last, reader=reader,
                                               notices=notices)]


@dataclass(slots=True)
class GridRow:
    """One row of a grid read into an indicator (:func:`grid_rows`).

    Attributes:
        row: the row's number in the sheet.
        texts: the text of each of the grid's columns, by field, as the row has it.
        indicator: the indicator it became.
        notes: what the row reader said of its cells (:class:`~perfdesk.core.entry.CellNote`).
    """

    row: int
    texts: dict[str, str]
    indicator: Indicator
    notes: list


def grid_rows(sheet: Sheet, grid: GridHead, first: int, last: int, *,
              reader: IndicatorRowReader, notices: list[Notice],
              ref: Callable[[int], str] | None = None, say_cell_notes: bool = True,
              say_footer: bool = False, cut_short: bool = True) -> list[GridRow]:
    """The rows ``first``..``last`` of the grid that are indicators, each read by the core's row
    reader: the one loop every reader of grid rows runs (the import of any layout, the paste).
    Rows left out (a total, a placeholder, an unfilled template row, a category-only row, the
    notes or the cost breakdown under the grid, the footer) are left out the same way for
    every caller, with the same notice naming the row.

    ``ref`` gives each indicator's ``source_ref`` (the sheet's location by default);
    ``say_cell_notes`` puts what the row reader said of the cells into ``notices`` too (a
    paste shows them at the cells instead); ``say_footer`` says where the footer starts (a
    form always has one; a pasted block seldom does); ``cut_short`` drops a last row the file
    breaks off in (a file may be cut; a clipboard is not)."""
    cols = grid.columns
    headings = {f: cell_text(sheet.value(grid.row, c)) or grid.headings.get(f, "")
                for f, c in cols.items()} if grid.row else dict(grid.headings)
    left = min([*cols.values(), *grid.project_columns.values()], default=1)
    rows: list[GridRow] = []
    last_read: tuple[int, list[str]] | None = None  # the row of the last indicator, its cells
    blocks = level1_blocks(
        [(r, {f: sheet.text(r, c) for f, c in cols.items() if f in ("level1", "level2", "name")})
         for r in range(first, last + 1)], reader.categories.profile, evaluation=grid.evaluation)
    for r in range(first, last + 1):
        cells = sheet.rows[r - 1]
        texts = {f: cell_text(cells[c - 1]) if c <= len(cells) else "" for f, c in cols.items()}
        all_texts = [cell_text(v) for v in cells]
        kind = classify_row(texts, all_texts, left)
        shown = next((t for t in all_texts[left - 1:] if t), "") or next(
            (t for t in all_texts if t), "")
        shown = shown[:20]
        where = sheet.location(r)
        if kind == "footer":
            if say_footer:
                notices.append(Notice(Text(
                    f"这一行起是表尾（{shown[:8]}…），没有读取。",
                    f"From this row on is the form's footer ({shown[:8]}…); it was not read."),
                    where, HINT))
            last_read = None
            break
        if kind not in ("note", "cost"):
            notices.extend(Notice(message, sheet.location(r, headings.get(column, "")), severity)
                           for message, severity, column in blocks.said.get(r, ()))
            if r in blocks.left_out:
                continue
        as_written = dict(texts)
        written1 = blocks.apply(r, texts)
        if kind in ("note", "cost"):
            notices.append(Notice(_SKIPPED[kind].format(text=shown), where, HINT))
            last_read = None
            break
        if kind in ("total", "empty", "heading"):
            continue
        if kind == "placeholder":
            notices.append(Notice(_SKIPPED["placeholder"].format(text=shown), where, HINT))
            continue
        if kind in ("template", "category"):
            # its categories go on (a 二级指标 whose 指标1 was left unfilled starts a run)
            categories = reader.categories.read(texts.get("level1", ""), texts.get("level2", ""))
            if kind == "category" and texts.get("longterm_name"):
                notices.append(Notice(_SKIPPED["longterm_only"].format(
                    text=texts["longterm_name"][:20]), where, HINT))
                continue
            if kind == "template":
                notices.append(Notice(_SKIPPED["template"].format(text=texts["name"]), where,
                                      HINT))
            else:
                notices.extend(reading_notices(categories.notes, where, headings))
            continue
        if grid.places:
            _one_target(texts, cells, grid, reader, sheet.location(r, "、".join(grid.places)),
                        notices)
        read = reader.read(texts, source_text="\t".join(all_texts).strip(),
                           source_ref=ref(r) if ref else where.ref())
        if say_cell_notes:
            notices.extend(reading_notices(read.notes, where, headings))
        if r in blocks.meant:
            read.indicator.level1_source = written1  # the label as the table has it
        rows.append(GridRow(r, as_written, read.indicator, read.notes))
        last_read = (r, all_texts)
    if cut_short and last_read is not None and _cut_short(
            sheet, grid, *last_read, [row.indicator for row in rows]):
        r, _texts = last_read
        cut = rows.pop().indicator
        notices.append(Notice(Text(
            f"表格在此行中断：这一行只有“{short(cut.name)}”，其后没有任何内容（文件可能在这里被截断）；"
            "这一行没有作为指标导入，请对照原表补全这个指标。",
            f"The table breaks off in this row: it holds only '{short(cut.name)}' and nothing "
            "follows (the file may have been cut here); the row was not imported as an "
            "indicator, please complete it from the original table."), sheet.location(r)))
    return rows


def _one_target(texts: dict[str, str], cells: list, grid: GridHead, reader: IndicatorRowReader,
                where, notices: list[Notice]) -> None:
    """A row's one 指标值 from its value per place (:func:`perfdesk.io.per_place.one_target`)."""
    values = [cell_text(cells[c - 1]) if c <= len(cells) else "" for c in grid.places.values()]
    one_target(texts, values, list(grid.places), reader, where, notices)


@dataclass(slots=True)
class Level1Blocks:
    """How an evaluation table's level-1 column reads, block by block (a level-1 cell and the
    rows under it), for every reader of grids (import and paste).

    Attributes:
        meant: row → (level 1, level 2 or ``None``) to read the row under where its cells do
            not say it (``项目产出`` is 产出指标).
        left_out: the rows of the 决策 and 过程 parts and of a 过程管理指标 block (no targets).
        said: row → (message, severity, field of the column it is about) to give there.
    """

    meant: dict[int, tuple[str, str | None]] = field(default_factory=dict)
    left_out: set[int] = field(default_factory=set)
    said: dict[int, list[tuple[Text, Severity, str]]] = field(default_factory=dict)

    def apply(self, r: int, texts: dict[str, str]) -> str:
        """Put the categories row ``r`` is read under into its ``texts``; returns its level-1
        cell as written."""
        written = texts.get("level1", "")
        if r in self.meant:
            texts["level1"], level2 = self.meant[r]
            if level2 is not None:
                texts["level2"] = level2
        return written


def level1_blocks(rows: list[tuple[int, dict[str, str]]], profile: str, *,
                  evaluation: bool) -> Level1Blocks:
    """How the level-1 column of ``rows`` (row number, cell text by field) reads.

    A 绩效评价 table's 决策 and 过程/管理 blocks (``项目决策(10分)``) judge how the project was
    decided and run: they are left out. In an evaluation table (one with such blocks, or
    ``evaluation``: a level-1 column headed 绩效指标分类 / 评价指标, grade columns) the
    framework's own names mean categories (``项目产出`` is 产出指标), a cell over the whole
    block that is no category (``项目年度绩效目标(定量指标)``) takes the category its level-2
    labels all belong to, and a 满意度 row under 效益 with no level 2 is a 满意度指标."""
    found = Level1Blocks()
    blocks: list[tuple[int, int, str]] = []
    for r, texts in rows:
        text = texts.get("level1", "")
        if text and (not blocks or text != blocks[-1][2]):
            blocks.append((r, r, text))
        elif blocks:
            blocks[-1] = (blocks[-1][0], r, blocks[-1][2])
    by_row = dict(rows)
    for start, end, text in blocks:
        if is_management_block(text):
            _management_block(start, end, text, by_row, found)
    if not evaluation and not any(is_evaluation_item(b[2]) for b in blocks):
        return found
    for start, end, text in blocks:
        block = [(r, by_row[r]) for r in range(start, end + 1) if r in by_row]
        if is_management_block(text):
            continue
        if is_evaluation_item(text):
            _leave_out(found, [r for r, _texts in block], start, end,
                       f"绩效评价表的“{text}”部分（评价项目决策和管理过程，不是绩效目标）",
                       f"the evaluation table's '{text}' part (they judge how the project was "
                       "decided and run; they are no performance targets)")
            continue
        label = read_level1(profile, text)
        level2s = [t["level2"] for _r, t in block if t.get("level2")]
        if label.kind is LabelKind.ALIAS and not any(
                read_level1(profile, t).kind is LabelKind.STANDARD for t in level2s):
            # (over level-1 names, 实施效果指标 is an umbrella: the row reader drops that tier)
            category, why = label.level1, Text(
                f"绩效评价表的一级指标“{text}”即“{label.level1}”，已记为“{label.level1}”。",
                f"The evaluation table's level 1 '{text}' is '{label.level1}'; it was recorded "
                "as such.")
        elif label.kind is LabelKind.UNKNOWN:
            # a level 2 of its own (制度指标) says nothing of its level 1
            parents = {_parent(profile, t) for t in level2s} - {""}
            if len(parents) != 1:
                continue
            category = parents.pop()
            named = "、".join(dict.fromkeys(t for t in level2s if _parent(profile, t)))
            why = Text(
                f"一级指标列的“{text}”不是指标类别；其下的二级指标（{named}）属于“{category}”，"
                f"已记为一级指标“{category}”，请核对。",
                f"'{text}' in the level-1 column is no category; the level-2 labels under it "
                f"({named}) belong to '{category}', so it was recorded as level 1 "
                f"'{category}'; please check.")
        else:
            continue
        found.meant.update((r, (category, None)) for r, _texts in block)
        found.said.setdefault(start, []).append((why, HINT, "level1"))
        if category == EFFECT:
            _satisfaction_by_name(block, text, found)
    return found


def _management_block(start: int, end: int, label: str, by_row: dict[int, dict[str, str]],
                      found: Level1Blocks) -> None:
    """An investment plan's 过程管理指标 block (计划管理, 资金管理, 项目管理, 监督检查指标: how
    the administration handles the plan, no target of the project): left out, said once."""
    _leave_out(found, [r for r in range(start, end + 1) if r in by_row], start, end,
               f"“{label}”部分（考核投资计划、资金和项目的管理过程，不是项目的绩效目标）",
               f"the '{label}' part (they rate how the plan, the money and the projects are "
               "managed; they are no targets of the project)")


def _leave_out(found: Level1Blocks, rows: list[int], start: int, end: int, zh: str,
               en: str) -> None:
    """Leave rows ``start``..``end`` out (the part ``zh`` / ``en`` names), said at ``start``."""
    found.left_out.update(rows)
    where_zh = f"第 {start} 行" if start == end else f"第 {start}–{end} 行"
    where_en = f"Row {start} is" if start == end else f"Rows {start}–{end} are"
    found.said[start] = [(Text(f"{where_zh}是{zh}，没有作为绩效指标导入。",
                               f"{where_en} {en}; they were not imported as indicators."),
                          WARNING, "")]


def _satisfaction_by_name(block: list[tuple[int, dict[str, str]]], label: str,
                          found: Level1Blocks) -> None:
    """The 2015 tree with no level 2 written: a 满意度 indicator listed under 效益 (效果指标)
    is a 满意度指标 / 服务对象满意度指标, said for its row."""
    for r, texts in block:
        name = texts.get("name", "")
        if texts.get("level2") or "满意度" not in heading_key(name):
            continue
        found.meant[r] = (SATISFACTION, SATISFACTION_LEVEL2)
        found.said.setdefault(r, []).append((Text(
            f"“{short(name)}”是满意度指标，列在“{label}”之下且没有二级指标（2015年的指标体系），"
            f"已记为一级指标“{SATISFACTION}”、二级指标“{SATISFACTION_LEVEL2}”。",
            f"'{short(name)}' is a satisfaction indicator listed under '{label}' with no level 2 "
            f"(the 2015 tree); it was recorded as level 1 '{SATISFACTION}', level 2 "
            f"'{SATISFACTION_LEVEL2}'."), HINT, "level1"))


def _parent(profile: str, level2: str) -> str:
    """The level-1 category a level-2 label belongs to (``产出数量指标`` too), or ``""``."""
    split = split_run_together(profile, level2)
    return split[0] if split else parent_of_level2(profile, split_score(level2)[0])


def _cut_short(sheet: Sheet, grid: GridHead, r: int, all_texts: list[str],
               indicators: list[Indicator]) -> bool:
    """Whether the last indicator row read (row ``r``) is a row the file breaks off in: in a
    scored table (自评表, evaluation table: every row has its 分值 or 得分), the last row of the
    sheet that holds anything, with nothing right of its 三级指标 — no value, no result, no
    score — under rows that each have their score. A copy cut in the middle of a row
    (``满意度指标(10分) | 公众满``), not an indicator whose target was left empty (that one is
    kept, and the check asks for its value)."""
    if "weight" not in grid.columns and "score" not in grid.columns:
        return False
    above = indicators[:-1]
    if len(above) < 2 or not all(i.weight is not None or i.score is not None for i in above):
        return False
    if any(cell_text(v) for row in sheet.rows[r:] for v in row):
        return False
    return not any(all_texts[grid.columns["name"]:])


# --- a flat grid: one project per block of rows ---------------------------------------------


def _above(sheet: Sheet, stop: int) -> dict[str, str]:
    """The 主管部门 / 预算单位 a label above a flat grid gives (the value right of it)."""
    from perfdesk.core.vocabulary import form_label

    found: dict[str, str] = {}
    for r in range(1, stop):
        cells = sheet.rows[r - 1]
        for c, value in enumerate(cells):
            label = form_label(value)
            if label in ("department", "unit") and label not in found:
                right = next((cell_text(v) for v in cells[c + 1:] if cell_text(v)), "")
                if right and form_label(right) is None:
                    found[label] = right
            elif isinstance(value, str) and label is None:
                m = re.match(r"^\s*(主管部门|预算单位|填报单位|单位名称)\s*[:：]\s*(\S.*)$", value)
                if m:
                    found.setdefault("unit" if m.group(1) != "主管部门" else "department",
                                     m.group(2).strip())
    return found


def read_flat(sheet: Sheet, grid: GridHead, *, profile: str, grades: tuple[str, ...],
              notices: list[Notice]):
    """The projects of a flat grid whose 项目名称 column names each block of rows' project (a
    blank or merged name continues the project above)."""
    from perfdesk.core.model import SELF_EVALUATION, Project

    from perfdesk.io import detail

    sheet.fill_merged_down()
    notices.extend(heading_notices(sheet, grid))
    above = _above(sheet, grid.first_row)
    yuan = detail._amounts_in_yuan(sheet, grid.first_row)
    name_col = grid.project_columns["name"]
    blocks: list[tuple[int, int, str]] = []
    departments: dict[int, str] = {}  # first row of a block → the department summary above it
    summary = ""
    for r in range(grid.row + 1, sheet.max_row + 1):
        texts = [cell_text(v) for v in sheet.rows[r - 1]]
        if row_kind(texts) in ("footer", "note", "cost"):
            last = r - 1
            break
        name = sheet.text(r, name_col)
        if not name and (owner := _summary_row(sheet, grid, r)):
            summary = owner  # a department's summary row (its code and total, no project)
            notices.append(Notice(Text(
                f"这一行是部门“{owner}”的汇总行（只有合计金额，没有项目），其下的项目记在这个部门下。",
                f"This row sums up the department '{owner}' (a total, no project); the "
                "projects below it belong to that department."), sheet.location(r), HINT))
            if blocks:
                blocks[-1] = (blocks[-1][0], r - 1, blocks[-1][2])
            continue
        if name and heading_key(name) not in _TOTAL and not _placeholder([name]) and (
                not blocks or name != blocks[-1][2]):
            blocks.append((r, r, name))
            departments[r] = summary
        elif blocks:
            blocks[-1] = (blocks[-1][0], r, blocks[-1][2])
    else:
        last = sheet.max_row
    projects = []
    for index, (first, end, name) in enumerate(blocks):
        end = min(end, last) if index == len(blocks) - 1 else end
        reader = IndicatorRowReader(profile, grades)
        indicators = read_rows(sheet, grid, first, end if index < len(blocks) - 1 else last,
                               reader=reader, notices=notices)

        def column(field_name: str) -> str:
            c = grid.project_columns.get(field_name)
            return sheet.text(first, c) if c else ""

        department, department_code = split_code(
            column("department") or departments.get(first, "") or above.get("department", ""))
        unit, unit_code = split_code(column("unit") or above.get("unit", ""))
        unit = unit or department
        total = _block_amount(sheet, first, grid.project_columns.get("annual_total"), yuan,
                              notices)
        projects.append(Project(
            name=name, code=column("code"), department=department, unit=unit,
            unit_code=unit_code, department_code=department_code, annual_total=total,
            annual_goal=column("annual_goal"), source_ref=sheet.location(first).ref(),
            kind=SELF_EVALUATION if grid.self_evaluation else "", indicators=indicators))
    return projects


def _summary_row(sheet: Sheet, grid: GridHead, r: int) -> str:
    """The department a flat grid's summary row names (``820-马踏镇部门 | | 8,827,620.53``: a
    unit or department cell and an amount, no project and no indicator), or ``""``."""
    owner_col = grid.project_columns.get("department") or grid.project_columns.get("unit")
    if not owner_col or any(sheet.text(r, c) for c in grid.columns.values()):
        return ""
    return sheet.text(r, owner_col)


def _block_amount(sheet: Sheet, r: int, column: int | None, yuan: bool,
                  notices: list[Notice]):
    """A flat grid project's amount (its 预算数 cell), in 万元."""
    from perfdesk.core.values import parse_number
    from perfdesk.io.base import cell_decimal

    if not column or not sheet.text(r, column):
        return None
    value = sheet.value(r, column)
    number = cell_decimal(value)
    if number is None and isinstance(value, str):
        number = parse_number(value.replace(",", "").strip())
    if number is None:
        notices.append(Notice(Text(f"金额“{cell_text(value)}”不是数字，已留空。",
                                   f"The amount '{cell_text(value)}' is not a number; it was "
                                   "left empty."), sheet.location(r)))
        return None
    if yuan:
        wan = yuan_to_wan(number)
        notices.append(Notice(Text(
            f"表中金额以“元”为单位，{cell_text(value)} 元已换算为 {wan} 万元。",
            f"The table gives amounts in yuan; {cell_text(value)} yuan was converted to {wan} "
            "(10,000 yuan)."), sheet.location(r), HINT))
        return wan
    return number
