"""A form whose cells run together: the text a document site extracted from a .docx (issue 11).

Every cell's text is glued to the next with no separator::

    项目名称滨湖办公大楼运行保障项目类别本级支出项目项目性质持续性项目…绩效目标以…为目标。绩效指标
    一级指标二级指标绩效标准当年预期实现值数量指标办公大楼日常维修维护次数反映…情况2280次…

There are no cells to read, so the text is read by the vocabulary (:mod:`perfdesk.core.vocabulary`):
the header block's labels (项目名称, 项目性质, 绩效目标 …) split it into values; the grid's
heading run (一级指标二级指标…) starts the indicators; a category name (数量指标) starts a run
of them; inside a run an indicator's name ends where its explanation (``反映…``), its target
(``2280次``, ``>92%``) or a 定性 target (``不超预算``) begins. Each indicator is read by the one row
reader (:class:`~perfdesk.core.entry.IndicatorRowReader`). Every cut is a guess and says so in
a notice naming the line; what has no field (a cost-breakdown block) is named, not dropped
silently.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from perfdesk.core.entry import IndicatorRowReader
from perfdesk.core.i18n import Text
from perfdesk.core.model import SELF_EVALUATION, Indicator, Project
from perfdesk.core.severity import HINT, WARNING
from perfdesk.core.taxonomy import (
    COMMON_UNITS,
    PROFILES,
    DEFAULT_GRADES,
    MONEY_UNITS,
    all_category_names,
    level1_names,
    parent_of_level2,
    is_score_only,
    standard_level2,
)
from perfdesk.core.values import format_number, named_amount, parse_number, yuan_to_wan
from perfdesk.core.vocabulary import (
    FOOTER_LABELS,
    FORM_NAMES,
    INDICATOR_NAMES,
    TABLE_NAMES,
    execution_heading,
    form_label,
    indicator_column,
    is_submitter,
)
from perfdesk.io.base import (Notice, cell_text, names_code, read_attribute, reading_notices,
                              split_code)
from perfdesk.io import level1_only
from perfdesk.io.detail import department_as_unit, submitter_as_department
from perfdesk.io.per_place import PLACE, comparator_of, one_value
from perfdesk.io.sources import Sheet

KIND = "run_together"


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


# the grid's heading run: three or more grid headings glued together (一级指标二级指标…)
_HEADS = [n for names in INDICATOR_NAMES.values() for n in names if len(n) >= 3]
_HEADING_RUN = re.compile(rf"(?:{_alternation(_HEADS)}){{3,}}")
# labels of the header block (long enough not to occur inside a value), the footer's too
_LABEL_NAMES = [n for names in FORM_NAMES.values() for n in names if len(n) >= 4]
_LABEL_NAMES += [n for n in (*TABLE_NAMES["indicators"], *TABLE_NAMES["annual_goal"],
                             *FOOTER_LABELS) if len(n) >= 4]
_LABELS = re.compile(rf"(?:{_alternation(_LABEL_NAMES)})(?!表)")
_CATEGORIES = re.compile(_alternation(n for n in all_category_names() if len(n) >= 4))
_UNITS = _alternation((*COMMON_UNITS, "%", "％", "万元", "元/次", "平方米"))
_TARGET = re.compile(rf"(?P<cmp>>=|<=|≥|≤|≧|≦|＞|＜|>|<|＝|=)?\s*(?P<number>\d+(?:\.\d+)?)"
                     rf"(?P<unit>{_UNITS})?")
# a 定性 target written in words; not when the word goes on as a name (合格率, 达成度)
_WORDS = re.compile(rf"(?:不超预算|不超过预算|{_alternation(g for g in DEFAULT_GRADES if len(g) >= 2)})"
                    r"(?![率数量度性次])")
_EXPLANATION = "反映"
_COST_HEADS = re.compile(r"金额|测算\s*[(（]\s*公式\s*[)）]\s*依据|测算依据|\d{4}年实际执行数|实际执行数")
_COST_ITEM = re.compile(r"(?P<item>[^\d]+?)(?P<amount>\d+(?:\.\d+)?)(?P<rest>[^\d]*[\d.]*)")


# a blank between two characters of one cell: where the document wrapped the cell's text
# (医院东 津医疗收入, 年度财政 资金总额, 年初目标值 (A))
_WRAP = re.compile(r"(?<=[\u4e00-\u9fff()（）])[ \t\u3000]+(?=[\u4e00-\u9fff()（）])")


def _line(sheet: Sheet, r: int) -> str:
    return _WRAP.sub("", ",".join(cell_text(v) for v in sheet.rows[r - 1] if cell_text(v)))


def _raw_line(sheet: Sheet, r: int) -> str:
    return ",".join(cell_text(v) for v in sheet.rows[r - 1] if cell_text(v))


def _raw_index(raw: str, glued: int) -> int:
    """Where in ``raw`` the text :func:`_line` made of it reaches position ``glued`` (the
    blanks it took out of wrapped cells counted back in)."""
    removed = [False] * len(raw)
    for m in _WRAP.finditer(raw):
        for i in range(m.start(), m.end()):
            removed[i] = True
    kept = 0
    for i, gone in enumerate(removed):
        if kept == glued:
            return i
        if not gone:
            kept += 1
    return len(raw)


def _separated(sheet: Sheet, r: int) -> bool:
    """Whether line ``r`` separates its cells by blanks (more than one a 20 characters, as a
    PDF's extracted text does): then its cells do not run together."""
    raw = ",".join(cell_text(v) for v in sheet.rows[r - 1] if cell_text(v))
    return len(re.findall(r"\s+", raw)) * 20 > len(raw)


def _heading_run(sheet: Sheet) -> tuple[int, re.Match[str]] | None:
    """(line, match) of the grid's heading glued into one run of text, after a 项目名称."""
    for r in range(1, sheet.max_row + 1):
        separated = _separated(sheet, r)
        text = _line(sheet, r)
        m = _HEADING_RUN.search(text)
        heads = {indicator_column(h) for h in _split_heads(m.group(0))} if m else set()
        if not (m and (heads >= {"level1", "level2"} or heads >= {"level2", "name"})):
            m = level1_only.HEADING_RUN.search(text)  # 指标 | 指标内容 | 指标值, no 二级
            if m and _named_before(sheet, r, text[: m.start()]):
                return r, m
            continue
        if m:
            # a line whose cells are separated by blanks is read here only when it holds the
            # whole form, its 项目名称 included (a .docx's text extracted to one line); a PDF's
            # lines, each a row of the page, are another reader's
            if separated and not _blank_form(text, m.start()):
                continue
            if _named_before(sheet, r, text[: m.start()], separated=separated):
                return r, m
    return None


def _named_before(sheet: Sheet, r: int, before: str, *, separated: bool = False) -> bool:
    """Whether a 项目名称 label comes before the grid's headings (on line ``r``, or on the
    lines above it unless line ``r`` holds the whole form)."""
    if not separated:
        before = "".join(_line(sheet, rr) for rr in range(1, r)) + before
    return any(form_label(label.group(0)) == "name" for label in _LABELS.finditer(before))


def _level1_only(heading: re.Match[str]) -> bool:
    """Whether the grid's heading run is that of a grid with only a 一级 column."""
    return heading.re is level1_only.HEADING_RUN


def _blank_form(text: str, start: int) -> bool:
    """Whether the grid headings from ``start`` are those of the self-evaluation form this
    reader reads cell by cell when its cells are separated by blanks (:data:`_BLANK_ORDER`)."""
    columns, _end = _columns(text, start)
    after = columns[columns.index("name") + 1:] if "name" in columns else columns
    return [f for f in after if f in _SCORED] == list(_BLANK_ORDER)


def _split_heads(run: str) -> list[str]:
    return re.findall(_alternation(_HEADS), run)


# every grid heading, short ones too (分值, 得分), with a form's column letter (年初目标值(A))
_COLUMN = re.compile(rf"(?:{_alternation(n for names in INDICATOR_NAMES.values() for n in names if len(n) >= 2)})"
                     r"(?:\([A-Za-z]\))?")


def _columns(text: str, start: int) -> tuple[list[str], int]:
    """The fields of the grid headings glued together from ``start``, in order, and where
    they end (the first text that is no heading)."""
    fields: list[str] = []
    pos = start
    while m := _COLUMN.match(text, pos):
        field = indicator_column(m.group(0))
        if field:
            fields.append(field)
        pos = m.end()
    return fields, pos


def looks_run_together(sheet: Sheet) -> bool:
    """A text with the grid's headings glued together after a 项目名称 label."""
    return _heading_run(sheet) is not None


def read_run_together(sheet: Sheet, *, profile: str, grades: tuple[str, ...],
                      notices: list[Notice]) -> Project | None:
    """The project of a form whose cells run together, or ``None`` when no indicator is found."""
    found = _heading_run(sheet)
    if found is None:
        return None
    row, heading = found
    where = sheet.location(row)
    one_level = _level1_only(heading)
    whole_line = _separated(sheet, row) and not one_level
    if whole_line:  # the whole form on one line: its blanks are kept in the values
        raw = _raw_line(sheet, row)
        header = raw[: _raw_index(raw, heading.start())]
    else:
        header = "".join(_line(sheet, r) for r in range(1, row)) + _line(sheet, row)[: heading.start()]
    header = _from_form_title(header, where, notices)
    values = _label_values(header, _own_separator(sheet))
    if not values.get("annual_goal") and (only := _only_overall_goal(header)):
        values["annual_goal"] = only
        notices.append(Notice(Text(
            "表中只有“总体目标”（没有年度目标），已作为年度目标读取。",
            "The table gives only 总体目标 (no 年度目标); it was read as the annual goal."),
            where, HINT))
    goal, goal_actual = _goal_beside_actual(values.get("annual_goal", ""), where, notices)
    project = Project(name=values.get("name", ""), annual_goal=goal, goal_actual=goal_actual,
                      source_ref=where.ref())
    if not project.name:
        return None
    project.attribute = read_attribute(values.get("attribute", ""), where, notices)
    unit_label = _label_of(header, "unit")
    if is_submitter(unit_label) and values.get("unit") and \
            _label_of(header, "implementing_unit") and not values.get("department"):
        values["department"] = submitter_as_department(values.pop("unit"), unit_label, where,
                                                       notices)
    read_units(project, values, where, notices, coded=names_code(_label_of(header, "department")))
    how = ("整张表在一行中，各单元格以空格分隔" if whole_line
           else "各单元格连在一起（没有分隔）")
    notices.append(Notice(Text(
        f"第 {row} 行的文字中{how}，已按标签和指标名称切分读取：项目名称"
        f"“{project.name}”{'，年度目标“' + project.annual_goal[:20] + '”' if project.annual_goal else ''}，请核对。",
        f"The cells of line {row} run together (no separators); the text was split by its labels "
        f"and category names: project '{project.name}'; please check."), where, WARNING))
    in_yuan = "(元)" in header.replace("（", "(").replace("）", ")")
    by_columns = False  # a 自评表's 年度资金总额 row and its 其中 rows, read by their headings
    if values.get("cost"):
        project.annual_total = _cost_total(values["cost"], where, notices)
    elif _separated(sheet, row) and _execution_columns(project, header, values, in_yuan, where,
                                                       notices):
        by_columns = True
    elif values.get("annual_total"):
        project.annual_total = _amount(values["annual_total"], in_yuan, where, notices)
        if m := _EXECUTION.match(values["annual_total"]):
            splits = _execution_splits(m.group("digits"))
            if len(splits) == 1 and project.annual_total is not None:  # 预算数 | 执行数 | 执行率
                spent = splits[0][1]
                project.executed_total = yuan_to_wan(spent) if in_yuan else spent
    elif (plain := _plain_total(header)) is not None:
        project.annual_total = _amount(plain, in_yuan, where, notices)
        if project.annual_total is not None:
            notices.append(Notice(Text(
                "表中只有“资金总额”一个总额（没有中期、年度之分），已作为年度资金总额读取。",
                "The table gives one total, 资金总额 (neither mid-term nor annual); it was read as "
                "the annual total."), where, HINT))
    for field, attribute, label in (("fiscal", "annual_fiscal", "财政拨款"),
                                    ("other", "annual_other", "其他资金")):
        if values.get(field) and not by_columns:
            setattr(project, attribute, _part_amount(values[field], label, in_yuan, where, notices))
    text = _line(sheet, row)
    if one_level:  # its rows' cells are parted by blanks: the raw text is read
        raw = _raw_line(sheet, row)
        body = raw[_raw_index(raw, heading.end()):] + "".join(
            _raw_line(sheet, r) for r in range(row + 1, sheet.max_row + 1))
        project.indicators = level1_only.read_rows(body, profile=profile, grades=grades,
                                                   where=where, notices=notices)
        return project if project.indicators else None
    columns, end = _columns(text, heading.start())
    body = text[end:]
    for r in range(row + 1, sheet.max_row + 1):
        body += _line(sheet, r)
    blank_cells = whole_line  # then :func:`_heading_run` saw the form's order
    if blank_cells:
        raw = _raw_line(sheet, row)
        body = raw[_raw_index(raw, end):]
    if "actual" in columns or "score" in columns:
        project.kind = SELF_EVALUATION
        project.indicators = _evaluated(body, columns, profile, grades, where, notices,
                                        blank_cells=blank_cells)
    elif places := _place_heads(body, columns):
        project.indicators = _per_place(body[len("".join(places)):], places, profile, grades,
                                        where, notices)
    else:
        project.indicators = _indicators(body, profile, grades, where, notices)
    return project if project.indicators else None


_ACTUAL_HEADS = re.compile(rf"^\s*(?:{_alternation(n for n in INDICATOR_NAMES['actual'] if len(n) >= 4)})")
# the goal's cell ends with its sentence; a line of dots may stand between it and the next cell
_GOAL_END = re.compile(r"[。；;]\s+(?:[.．…·]+\s+)*")


def _goal_beside_actual(goal: str, where, notices: list[Notice]) -> tuple[str, str]:
    """(预期目标, 实际完成情况) of a self-evaluation form whose 年度总体目标 block gives the
    target and the actual side by side (预期目标 | 实际完成情况, then the two texts): the target
    is the text up to the end of its sentence before a blank (a filler line of dots after it is
    no part of either), the actual the text after it; a goal alone is ``(goal, "")``."""
    m = _ACTUAL_HEADS.match(goal)
    if not m:
        return goal, ""
    text = goal[m.end():].strip(" :：,，")
    cut = _GOAL_END.search(text)
    if cut is None or cut.end() >= len(text):
        notices.append(Notice(Text(
            f"年度总体目标的“{m.group(0).strip()}”之后的文字无法分开预期目标和实际完成情况，已整段记为年度目标，"
            "请核对。",
            "The goal and its actual could not be told apart; the whole text was kept as the "
            "goal, please check."), where, WARNING))
        return text, ""
    target, actual = text[: cut.start() + 1], text[cut.end():].strip()
    notices.append(Notice(Text(
        f"年度总体目标并列预期目标和实际完成情况，按句末切分：预期目标读作“{target[:20]}…”，"
        f"实际完成情况读作“{actual[:20]}…”，请核对。",
        f"The goal block gives the target and the actual side by side, cut at the end of the "
        f"sentence: the target was read as '{target[:20]}…', the actual as '{actual[:20]}…'; "
        "please check."), where, HINT))
    return target, actual


# the amount columns of a 自评表's funding block (the 其中 rows give only these), the fields
# they fill and the headings a notice names them by
_AMOUNT_COLUMNS = ("planned", "budget", "executed")
_FUND_HEADS = {"planned": "年初预算数", "budget": "全年预算数", "executed": "全年执行数",
               "weight": "分值", "rate": "执行率", "score": "得分"}
_COLUMN_FIELDS = {"planned": "initial", "budget": "annual", "executed": "executed"}


def _execution_columns(project: Project, header: str, values: dict[str, str], in_yuan: bool,
                       where, notices: list[Notice]) -> bool:
    """Read a 自评表's funding block whose cells are separated by blanks (年初预算数 全年预算数
    全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 202.64 132.912
    132.912 …) by its column headings, in their order: each row's numbers, as many as its
    columns (the 其中 rows have the three amounts only). Whether the 年度资金总额 row was read
    so; a row whose numbers do not fit its columns is not read (a notice says so)."""
    marks = [m for m in _LABELS.finditer(header) if form_label(m.group(0)) == "annual_total"]
    if not marks or not values.get("annual_total"):
        return False
    columns: list[str] = []
    for word in reversed(header[: marks[0].start()].split()):
        kind = execution_heading(word)
        if kind is None:
            break
        columns.insert(0, kind)
    if "executed" not in columns:
        return False
    amounts = [k for k in columns if k in _AMOUNT_COLUMNS]
    read: list[str] = []
    for part, key, wanted in (("total", "annual_total", columns), ("fiscal", "fiscal", amounts),
                              ("other", "other", amounts)):
        words = []
        for word in values.get(key, "").split():
            if parse_number(word.rstrip("%％")) is None:
                break
            words.append(word)
        if not words:
            continue
        if len(words) != len(wanted):
            if part == "total":
                return False  # read by its first amount, as any form's (said there)
            notices.append(Notice(Text(
                f"资金一行的数字“{' '.join(words)}”与列标题（{len(wanted)} 列）数目不符，无法分列，"
                "没有读取，请按原表填写。",
                f"The numbers '{' '.join(words)}' of a funding row do not match its "
                f"{len(wanted)} column headings; they were not read."), where, WARNING))
            continue
        for kind, word in zip(wanted, words):
            number = parse_number(word.rstrip("%％"))
            assert number is not None
            if kind in _COLUMN_FIELDS:
                if in_yuan:
                    number = yuan_to_wan(number)
                setattr(project, f"{_COLUMN_FIELDS[kind]}_{part}", number)
            elif kind in ("weight", "score"):
                setattr(project, f"funds_{kind}", number)
        read.append(f"{'年度资金总额' if part == 'total' else '财政拨款' if part == 'fiscal' else '其他资金'}"
                    f" {' '.join(words)}")
    notices.append(Notice(Text(
        f"资金栏按列标题（{'、'.join(_FUND_HEADS[k] for k in columns)}）分列读取："
        f"{'；'.join(read)}；年度资金总额按全年预算数读作 "
        f"{format_number(project.annual_total) if project.annual_total is not None else '（空）'}"
        " 万元，请核对。",
        "The funding rows were split by their column headings; the annual total is the "
        "全年预算数, please check."), where, HINT))
    return True



# a form's title: 绩效目标表, 项目支出绩效自评表(2022年度), 绩效目标申报表 …
_FORM_TITLE = re.compile(r"(?:绩效(?:目标|自评|评价)|自评|申报|审批)(?:申报|审核|批复)?表"
                         r"(?:\s*[(（][^()（）]{0,12}[)）])?")


def _from_form_title(header: str, where, notices: list[Notice]) -> str:
    """The header from the form's title on: the text before the last title ahead of the
    项目名称 (a notice that publishes the table, an allocation table above it) is no part of
    the form, and its words (落实到具体项目单位) are no labels of it."""
    name_at = next((m.start() for m in _LABELS.finditer(header)
                    if form_label(m.group(0)) == "name"), None)
    titles = list(_FORM_TITLE.finditer(header, 0, name_at)) if name_at is not None else []
    if not titles or not header[: titles[-1].start()].strip(" ,，:："):
        return header
    before = header[: titles[-1].start()].strip()
    notices.append(Notice(Text(
        f"表格标题“{titles[-1].group(0)}”之前的文字（“{before[:20]}…”，共 {len(before)} 字）不是表中内容，"
        "未读取。",
        f"The text before the form's title '{titles[-1].group(0)}' ({len(before)} characters) "
        "is no part of the form and was not read."), where, HINT))
    return header[titles[-1].end():]


def _only_overall_goal(header: str) -> str:
    """The text of a form's 总体目标 when that is its one goal label (no 年度目标 and no other
    mid-term label): a one-year table's goal."""
    marks = list(_LABELS.finditer(header))
    goals = [i for i, m in enumerate(marks) if form_label(m.group(0)) in ("annual_goal",
                                                                          "midterm_goal")]
    if len(goals) != 1 or marks[goals[0]].group(0) != "总体目标":
        return ""
    m = marks[goals[0]]
    end = marks[goals[0] + 1].start() if goals[0] + 1 < len(marks) else len(header)
    return header[m.end():end].strip(" :：,，")


def _plain_total(header: str) -> str | None:
    """The text after a plain 资金总额 label (not 年度资金总额, not 项目资金总额), up to the next
    label, or ``None``."""
    marks = list(_LABELS.finditer(header))
    for i, m in enumerate(marks):
        if m.group(0) == "资金总额":
            end = marks[i + 1].start() if i + 1 < len(marks) else len(header)
            return header[m.end():end].strip(" :：,，")
    return None


def _own_separator(sheet: Sheet) -> bool:
    """Whether :func:`_line`'s comma between two cells is the reader's own: in a workbook it is;
    in text split into cells on commas it is the table's own character, restored."""
    return sheet.delimiter != ","


def _label_values(text: str, separated: bool = True) -> dict[str, str]:
    """Field → the text between its label and the next label (the first of each field)."""
    marks = [(m.start(), m.end(), m.group(0)) for m in _LABELS.finditer(text)]
    for index in range(1, len(marks)):
        start, end, label = marks[index]
        # 项目名称某某项目主管部门…: the 项目 ends the name (项目主管部门 and 主管部门 are one label)
        if label.startswith("项目") and form_label(label[2:]) == form_label(label) and \
                form_label(marks[index - 1][2]) == "name":
            again = _LABELS.match(text, start + 2)
            if again:
                marks[index] = (again.start(), again.end(), again.group(0))
    values: dict[str, str] = {}
    generic: dict[str, str] = {}
    for index, (_start, m_end, label) in enumerate(marks):
        end = marks[index + 1][0] if index + 1 < len(marks) else len(text)
        field = form_label(label)
        # a disclosure table's 绩效目标 (also a word of a notice's sentence: 绩效目标申报表公示
        # 如下) gives the goal only where no form label (年度目标, 年度总体目标) does
        found = values if field else generic
        field = field or ("annual_goal" if label in TABLE_NAMES["annual_goal"] else "")
        value = text[m_end:end].strip(" :：,，")
        if field == "annual_goal" and value and not separated:
            # a sentence keeps its own last punctuation (a cut goal ends "…推广项目,"): where the
            # commas between cells are the text's own, the one before the next label is too
            value = text[m_end:end].lstrip(" :：,，").rstrip(" :：")
        if is_score_only(value):
            value = ""  # a label's score (年度绩效目标(80分)), not its value
        if field and field not in ("heading", "unstored") and value and field not in found:
            found[field] = value
    return {**generic, **values}


def _cost_total(block: str, where, notices: list[Notice]) -> Decimal | None:
    """The year's amount from a cost-breakdown block whose cells run together: the sum of the
    items' amounts, taken when the 合计 row's digits begin with it (its own digits run into
    the next columns'); the items themselves have no field and are named in a notice."""
    block = _COST_HEADS.sub(" ", block).strip()
    items: list[tuple[str, Decimal]] = []
    total_text = ""
    for m in _COST_ITEM.finditer(block):
        item = m.group("item").strip(" ,，")
        if item == "合计":
            total_text = m.group("amount") + m.group("rest")
            break
        try:
            items.append((item, Decimal(m.group("amount"))))
        except InvalidOperation:  # pragma: no cover - the pattern gives digits only
            continue
    if not items:
        return None
    named = "、".join(f"{item} {amount}" for item, amount in items)
    notices.append(Notice(Text(
        f"成本构成（{named}）没有对应的字段，未导入；金额见原表。",
        f"The cost breakdown ({named}) has no field in PerfDesk; it was not imported."),
        where, HINT))
    total = sum((amount for _item, amount in items), Decimal(0))
    if total_text and not total_text.startswith(str(total)):
        notices.append(Notice(Text(
            f"成本构成的合计“{total_text}”与各项之和 {total} 对不上，年度资金总额没有读取。",
            f"The cost breakdown's total '{total_text}' does not match the sum of its items "
            f"{total}; the annual total was not read."), where, WARNING))
        return None
    notices.append(Notice(Text(
        f"年度资金总额按成本构成各项之和读作 {total} 万元"
        f"{'（与合计一栏相符）' if total_text else ''}，请核对。",
        f"The annual total was read as the sum of the cost items, {total} (10,000 yuan); "
        "please check."), where, WARNING))
    return total


def _indicators(body: str, profile: str, grades: tuple[str, ...], where,
                notices: list[Notice]) -> list[Indicator]:
    reader = IndicatorRowReader(profile, grades)
    found: list[Indicator] = []
    labels = list(_CATEGORIES.finditer(body))
    for index, m in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(body)
        label = m.group(0)
        level1, level2 = _categories(label, profile)
        if not level1:
            continue
        if level2:
            notices.append(Notice(Text(
                f"类别“{label}”是二级指标，已记在一级指标“{level1}”之下。",
                f"The category '{label}' is a level 2; it was put under level 1 '{level1}'."),
                where, HINT))
        for name, explanation, comparator, value in _entries(body[m.end():end]):
            cells = {"level1": level1, "level2": level2, "name": name,
                     "explanation": explanation, "comparator": comparator, "value": value}
            read = reader.read(cells, source_text=body[m.start():end], source_ref=where.ref())
            notices.append(Notice(Text(
                f"按文字切分出指标“{name}”" + (f"，解释“{explanation[:20]}”" if explanation else "")
                + f"，目标“{comparator}{value}”，请核对。",
                f"Split from the text: indicator '{name}', target '{comparator}{value}'; please "
                "check."), where, HINT))
            notices.extend(reading_notices(read.notes, where))
            found.append(read.indicator)
    return found


def _categories(label: str, profile: str) -> tuple[str, str]:
    """(level 1, level 2) a category name starting a run means."""
    if label in level1_names(profile):
        return label, ""
    parent = parent_of_level2(profile, label)
    return (parent, label) if parent else ("", "")


def _entries(text: str) -> list[tuple[str, str, str, str]]:
    """(name, explanation, comparator, target) of each indicator glued in ``text``: a name ends
    where its explanation (反映…), a number target or a 定性 word begins; an explanation ends
    at its target; a comparator left at the very end is a target cut off."""
    entries = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        target = _TARGET.search(text, pos)
        words = _WORDS.search(text, pos)
        explain = text.find(_EXPLANATION, pos)
        stops = [s for s in (target.start() if target else -1, words.start() if words else -1,
                             explain) if s > pos]
        if not stops:
            name, rest = text[pos:], ""
            entries.append(_cut_off(name, ""))
            break
        first = min(stops)
        name = text[pos:first]
        explanation = ""
        if first == explain:
            target = _TARGET.search(text, explain)
            words = _WORDS.search(text, explain)
            ends = [s for s in (target.start() if target else -1,
                                words.start() if words else -1) if s > explain]
            if not ends:
                entries.append(_cut_off(name, text[explain:]))
                break
            first = min(ends)
            explanation = text[explain:first]
        if target is not None and target.start() == first:
            entries.append((name, explanation, target.group("cmp") or "",
                            target.group("number") + (target.group("unit") or "")))
            pos = target.end()
        else:
            assert words is not None
            entries.append((name, explanation, "", words.group(0)))
            pos = words.end()
    return [e for e in entries if e[0]]


def _cut_off(name: str, explanation: str) -> tuple[str, str, str, str]:
    """An indicator the text ends inside: a comparator left at its end is kept as such."""
    tail = explanation or name
    m = re.search(r"(>=|<=|≥|≤|＞|＜|>|<|＝|=)\s*$", tail)
    comparator = m.group(1) if m else ""
    if m:
        tail = tail[: m.start()]
    return (name if explanation else tail, tail if explanation else "", comparator, "")


# --- a value column per place ---------------------------------------------------------------

# 指标方向: a comparator, or 是/否 for a target answered yes or no
_DIRECTION = re.compile(r">=|<=|≥|≤|≧|≦|＞|＜|>|<|＝|=|是\s*[/／]\s*否")
_PLACE_WORD = re.compile(rf"是|否|不超预算|不超过预算|{_alternation(g for g in DEFAULT_GRADES)}")


def _place_heads(body: str, columns: list[str]) -> list[str]:
    """The places heading one value column each, where the grid's headings end at 指标方向
    with no 指标值 (一级指标二级指标三级指标指标解释指标方向笏石街道办埭头镇): the text before the
    first category label, when it is two or more place names (:data:`PLACE_SUFFIXES`) and
    nothing else; else ``[]``."""
    if "value" in columns or "value_unit" in columns or "name" not in columns or \
            "comparator" not in columns:
        return []
    first = _CATEGORIES.search(body)
    heads = body[: first.start()] if first else ""
    places = PLACE.findall(heads)
    return places if len(places) >= 2 and "".join(places) == heads else []


def _place_runs(body: str, profile: str, where, notices: list[Notice]) -> list[tuple[str, str, str]]:
    """(level 1, level 2, text) of each run of rows: a level-2 label of the level 1 before it
    (成本指标经济成本指标, in either framework) is read as written under it; else a label means
    what :func:`_categories` says. A run no category can be given is named, not read."""
    labels = list(_CATEGORIES.finditer(body))
    runs: list[tuple[str, str, str]] = []
    level1 = ""
    for index, m in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(body)
        label, text = m.group(0), body[m.end():end]
        if not text.strip(" ,，"):
            level1 = label if any(label in PROFILES[p] for p in PROFILES) else level1
            continue
        paired = next((standard_level2(p, level1, label) for p in (profile, *PROFILES)
                       if level1 in PROFILES[p] and standard_level2(p, level1, label)), "")
        level1, level2 = (level1, paired) if paired else _categories(label, profile)
        if level1:
            runs.append((level1, level2, text))
        else:
            notices.append(Notice(Text(
                f"类别“{label}”不属于任何一级指标，其后的“{text[:30]}”未导入，请核对。",
                f"The category '{label}' belongs to no level 1; the rows after it were not "
                "imported."), where, WARNING))
    return runs


def _place_values(text: str, start: int, count: int) -> list[tuple[list[str], int]]:
    """Every way the text from ``start`` can begin with ``count`` values run together
    (100%100%, 11, 否否), as (values, end); a unit after a number is that number's, and the
    row after cannot begin with a digit or a unit's sign, so a value is not cut inside its
    number."""
    if count == 0:
        rest = text[start:]
        return [([], start)] if not rest or not re.match(r"[\d.%％]", rest) else []
    found = []
    if word := _PLACE_WORD.match(text, start):
        found += [([word.group(0), *more], end)
                  for more, end in _place_values(text, word.end(), count - 1)]
    number = re.match(r"\d+(?:\.\d+)?", text[start:])
    if number:
        for cut in range(1, len(number.group(0)) + 1):
            head = number.group(0)[:cut]
            if not _NUMBER.fullmatch(head) or head.endswith("."):
                continue
            unit = re.match(_UNITS, text[start + cut:])  # a unit after a number is its own
            size = len(unit.group(0)) if unit else 0
            found += [([text[start:start + cut + size], *more], end)
                      for more, end in _place_values(text, start + cut + size, count - 1)]
    return found


def _place_rows(text: str, count: int) -> tuple[list[tuple[str, str, list[str] | None]], str]:
    """(the row's text before its 指标方向, the 指标方向, the values per place, or ``None``
    where they run together more than one way) of each row, and the text the last row is cut
    in (the stored copy ends inside it)."""
    rows = []
    pos = 0
    while pos < len(text):
        found = None
        for m in _DIRECTION.finditer(text, pos):
            ways = _place_values(text, m.end(), count)
            if ways and m.start() > pos:
                found = m, ways
                break
        if found is None:
            return rows, text[pos:].strip(" ,，")
        m, ways = found
        splits = {tuple(values) for values, _end in ways}
        rows.append((text[pos:m.start()], m.group(0),
                     list(ways[0][0]) if len(splits) == 1 else None))
        pos = max(end for _values, end in ways)
    return rows, ""


def _name_and_explanation(text: str) -> tuple[str, str, bool]:
    """(name, 指标解释, whether the cut is a guess) of a row's text before its 指标方向: the
    explanation begins at 反映; without it, where the text's ending (three characters or more)
    ends a name before it once only (已建工程是否存在质量问题 | 当年已完工项目是否在检查中发现质量问题:
    the explanation restates what the name asks)."""
    text = text.strip(" ,，")
    at = text.find(_EXPLANATION, 1)
    if at > 0:
        return text[:at], text[at:], False
    for size in range(len(text) // 2, 2, -1):
        ending = text[-size:]
        ends = [m.end() for m in re.finditer(re.escape(ending), text[: len(text) - size])]
        if len(ends) == 1 and 4 <= ends[0] <= len(text) - 4:
            return text[: ends[0]], text[ends[0]:], True
    return text, "", False


def _per_place(body: str, places: list[str], profile: str, grades: tuple[str, ...], where,
               notices: list[Notice]) -> list[Indicator]:
    """The indicators of a grid with one value column per place (属地): each row's values are
    one target where they are the same (a rate, a 是/否) or add up by their unit (counts,
    lengths, amounts: :data:`ADDITIVE_UNITS`, summed); where they do neither the target is left
    empty, and every reading is told naming each place's value."""
    named = "、".join(places)
    notices.append(Notice(Text(
        f"表头在指标方向之后是按属地分列的指标值（{named}，共 {len(places)} 列）：每个指标按各属地的值"
        "合为一个指标值（相同的取其值，个数、长度、金额等相加），合不成的留空，逐条见下。",
        f"After 指标方向 the headings give one value column per place ({named}); each "
        "indicator's values were made one target (the same value once, counts, lengths and "
        "amounts added up), those that do neither left empty; see each notice."), where, HINT))
    reader = IndicatorRowReader(profile, grades)
    found: list[Indicator] = []
    for level1, level2, text in _place_runs(body, profile, where, notices):
        rows, cut = _place_rows(text, len(places))
        for before, direction, values in rows:
            name, explanation, guessed = _name_and_explanation(before)
            if guessed:
                notices.append(Notice(Text(
                    f"“{before[:40]}”中没有“反映”，按重复的结尾切分为名称“{name}”和指标解释"
                    f"“{explanation[:20]}”，请核对。",
                    f"'{before[:40]}' has no 反映; it was cut at its repeated ending into the "
                    f"name '{name}' and the explanation, please check."), where, WARNING))
            comparator = comparator_of(name, direction, where, notices)
            value = one_value(name, comparator, values, places, profile=profile,
                              grades=grades, where=where, notices=notices)
            cells = {"level1": level1, "level2": level2, "name": name,
                     "explanation": explanation, "comparator": comparator, "value": value}
            read = reader.read(cells, source_text=text, source_ref=where.ref())
            notices.extend(reading_notices(read.notes, where))
            found.append(read.indicator)
        if cut:
            notices.append(Notice(Text(
                f"文字在“{cut[:30]}”中断（原表不完整）：这一行（{level1}/{level2}）没有指标方向和各属地的"
                "指标值，未导入，请按原表补填。",
                f"The text ends inside '{cut[:30]}' (the source is incomplete): the row has no "
                "指标方向 and no value per place; it was not imported."), where, WARNING))
    return found


# --- the header of a self-evaluation form -----------------------------------------------------

# a unit's name followed by its code (原州区宗教事务局116422210101621779: 主管部门及代码)
_TRAILING_CODE = re.compile(r"^(?P<name>.*?\D)\s*(?P<code>\d{6,})$")


def _label_of(header: str, field: str) -> str:
    """The first label of ``field`` in the header as written (主管部门及代码), or ``""``."""
    return next((m.group(0) for m in _LABELS.finditer(header) if form_label(m.group(0)) == field),
                "")


def read_units(project: Project, values: dict[str, str], where, notices: list[Notice], *,
               coded: bool = False) -> None:
    """主管部门 and 预算单位: a code written after a name is no part of it, nor one glued in
    front of it under a label naming a code (``coded``: 主管部门及代码 169国家林业局); a form
    naming only its 实施单位 (or 项目实施单位) has it as the unit."""
    department, code = split_code(values.get("department", ""))
    if not code and coded and (glued := split_code(department, coded=True))[1]:
        department, code = glued
        notices.append(Notice(Text(
            f"主管部门“{department}”前面的 {code} 是主管部门编码，已记为编码，不是名称的一部分。",
            f"The {code} before the department '{department}' is its code; it was kept as the "
            "code, not in the name."), where, HINT))
    m = _TRAILING_CODE.match(department)
    if m:
        department, code = m.group("name").strip(), code or m.group("code")
        notices.append(Notice(Text(
            f"主管部门“{department}”后面的 {m.group('code')} 是主管部门编码，已记为编码，不是名称的一部分。",
            f"The {m.group('code')} after the department '{department}' is its code; it was "
            "kept as the code, not in the name."), where, HINT))
    project.department, project.department_code = department, code
    unit, unit_code = split_code(values.get("unit", ""))
    implementing, implementing_code = split_code(values.get("implementing_unit", ""))
    if not unit and implementing:
        unit_code = implementing_code
        unit, implementing = implementing, ""
        notices.append(Notice(Text(
            f"表中没有预算单位，预算单位按实施单位记为“{unit}”，请核对。",
            f"The form names no budget unit; the unit is the implementing unit '{unit}', please "
            "check."), where, HINT))
    if not unit and not implementing and department:
        unit = department_as_unit(department, where, notices)
    project.unit, project.unit_code = unit, unit_code or project.unit_code
    project.implementing_unit = "" if implementing == unit else implementing


_MONEY = re.compile(r"^\s*(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)")
# a 预算执行情况 row glued: 预算数(A) 执行数(B) 执行率 得分 (10001000100%20)
_EXECUTION = re.compile(r"^\s*(?P<digits>\d[\d.]*)(?P<rate>%|％)")
_PLAIN = re.compile(r"^\s*(?P<amount>\d+(?:\.\d+)?)(?![\d.])")


def _amount(text: str, in_yuan: bool, where, notices: list[Notice]) -> Decimal | None:
    """The year's amount in 万元 from the text after its label: ``38.75万元…``; a 预算执行情况
    row whose 预算数, 执行数 and 执行率 run together (the 预算数 is the split whose 执行数 ÷
    预算数 gives the 执行率); a bare number (in the unit the funds heading names)."""
    amount, unit, how, end = None, "元" if in_yuan else "万元", "", 0
    if m := _MONEY.match(text):
        amount, unit, how, end = (Decimal(m.group("amount")), m.group("unit"),
                                  m.group(0).strip(), m.end())
    elif m := _EXECUTION.match(text):
        splits = _execution_splits(m.group("digits"))
        if len(splits) == 1:
            amount, executed, rate = splits[0]
            how, end = f"{m.group(0).strip()}（预算数 {amount}、执行数 {executed}、执行率 {rate}%）", m.end()
        else:
            notices.append(Notice(Text(
                f"预算执行情况“{m.group(0).strip()}”的预算数、执行数和执行率连在一起，无法唯一拆分，"
                "年度资金总额没有读取。",
                f"The budget execution '{m.group(0).strip()}' runs its amounts together and "
                "cannot be split one way only; the annual total was not read."), where, WARNING))
            return None
    elif m := _PLAIN.match(text):
        amount, how, end = Decimal(m.group("amount")), m.group(0).strip(), m.end()
    if amount is None:
        return None
    if unit == "元":
        amount = yuan_to_wan(amount)
    rest = text[end:].strip(" ,，")
    notices.append(Notice(Text(
        f"年度资金总额按“{how}”读作 {amount} 万元，请核对。"
        + (f"其后的文字“{rest[:30]}”没有对应的字段，未导入。" if rest else ""),
        f"The annual total was read from '{how}' as {amount} (10,000 yuan), please check."),
        where, WARNING))
    return amount


def _part_amount(text: str, label: str, in_yuan: bool, where,
                 notices: list[Notice]) -> Decimal | None:
    """The amount in 万元 after a part of the funding (财政拨款, 其他资金): a number with its
    unit or bare (in the unit the funds heading names), or one after the fund's name
    (``少数民族发展资金37万元``, the name said in a notice); ``None``, said, for other text."""
    fund = ""
    if m := _MONEY.match(text) or _PLAIN.match(text):
        amount, unit, rest = Decimal(m.group("amount")), m.groupdict().get("unit") or "", \
            text[m.end():].strip(" ,，")
    elif named := named_amount(text):
        (fund, amount, unit), rest = named, ""
    else:
        amount = None
    if amount is None or rest:
        notices.append(Notice(Text(
            f"“{label}”的金额写作“{text[:30]}”，读不出一个金额，已留空。",
            f"The amount for '{label}' is written '{text[:30]}' and reads as no amount; it was "
            "left empty."), where, WARNING))
        return None
    if unit == "元" or not unit and in_yuan:
        amount = yuan_to_wan(amount)
    if fund:
        notices.append(Notice(Text(
            f"“{label}”写作“{text[:40]}”，已读作 {amount} 万元（资金名称“{fund}”没有对应的字段，未导入），"
            "请核对。",
            f"'{label}' is written '{text[:40]}'; it was read as {amount} (10,000 yuan), the "
            f"fund's name '{fund}' has no field, please check."), where, HINT))
    return amount


def _execution_splits(digits: str) -> list[tuple[Decimal, Decimal, Decimal]]:
    """Every (预算数, 执行数, 执行率) the glued digits can be, where 执行数 ÷ 预算数 gives the
    rate to the places it is written. A zero 执行数 (rate 0%) is never taken: its digit could
    belong to either neighbour."""
    found = []
    for budget, rest in _prefixes(digits):
        for executed, rate_text in _prefixes(rest):
            if not _NUMBER.fullmatch(rate_text) or budget == 0 or executed == 0 or \
                    Decimal(rate_text) == 0:
                continue
            rate = Decimal(rate_text)
            places = Decimal(1).scaleb(int(rate.as_tuple().exponent))
            if (executed / budget * 100).quantize(places) == rate:
                found.append((budget, executed, rate))
    return found


# one number as a form writes it: no leading zero, at most two places
_NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?")


def _prefixes(digits: str):
    """(number, what follows) for each way ``digits`` can start with a number."""
    for end in range(1, len(digits)):
        head = digits[:end]
        if _NUMBER.fullmatch(head) and digits[end] != ".":
            yield Decimal(head), digits[end:]


# --- the grid of a self-evaluation form -------------------------------------------------------

_CATEGORY_NOTE = r"(?:[(（][^()（）]{1,12}[)）])?"
_ANY_CATEGORY = re.compile(rf"(?P<label>{_alternation(all_category_names())}){_CATEGORY_NOTE}")
_SCORED = ("weight", "value", "actual", "score")
_NUMBERS = re.compile(r"\d[\d.]*")
_ANY_UNIT = _alternation((*COMMON_UNITS, *MONEY_UNITS, "％"))
_TOKEN = re.compile(rf"(?:>=|<=|≥|≤|＞|＜|>|<|＝|=)?\d+(?:\.\d+)?(?:{_ANY_UNIT})?$")


def _evaluated(body: str, columns: list[str], profile: str, grades: tuple[str, ...], where,
               notices: list[Notice], *, blank_cells: bool = False) -> list[Indicator]:
    """The indicators of a self-evaluation grid whose cells run together, read in the order
    of its headings (三级指标, 分值, 指标值, 实际值, 得分计算方法, 得分, 未完成原因…). A category
    label starts a run of rows; a short one (成本, 时效) only where the row before ended (its
    last cell a number), so that 成本控制 stays a name. With ``blank_cells`` the form's cells
    are separated by blanks (:func:`_blank_rows`)."""
    after = columns[columns.index("name") + 1:] if "name" in columns else columns
    if blank_cells:
        runs = _blank_rows(body, profile)
    else:
        segments = _category_runs(body, profile)
        runs = []
        for index, (level1, level2, label, text) in enumerate(segments):
            last = index == len(segments) - 1
            rows = (_glued_numbers(text, after) if "weight" in after and "score" in after
                    else _score_last(text, after, last))
            runs.append((level1, level2, label + text, rows))
    reader = IndicatorRowReader(profile, grades)
    found: list[Indicator] = []
    for level1, level2, source_text, rows in runs:
        label, text = "", source_text
        for cells in rows:
            cells.update(level1=level1, level2=level2)
            _unit_from_name(cells, where, notices)
            if not any(cells.get(f) for f in _COLUMN_NAMES):
                notices.append(Notice(Text(
                    f"文字在指标“{cells['name'][:30]}”中断（原表不完整）：只读到名称，指标值、实际值和得分都没有，"
                    "请按原表补填。",
                    f"The text ends inside the indicator '{cells['name'][:30]}' (the source is "
                    "incomplete): only its name was read.", ), where, WARNING))
                read = reader.read(cells, source_text=label + text, source_ref=where.ref())
                notices.extend(reading_notices(read.notes, where))
                found.append(read.indicator)
                continue
            read = reader.read(cells, source_text=label + text, source_ref=where.ref())
            notices.append(Notice(Text(
                f"按表头顺序切分出指标“{cells['name'][:30]}”：" + "，".join(
                    f"{_COLUMN_NAMES[f]}“{cells[f]}”" for f in _COLUMN_NAMES if cells.get(f))
                + "，请核对。",
                f"Split in the order of the headings: indicator '{cells['name'][:30]}'; please "
                "check."), where, WARNING))
            notices.extend(reading_notices(read.notes, where))
            found.append(read.indicator)
    return found


_COLUMN_NAMES = {"weight": "分值", "value": "指标值", "actual": "实际值", "score": "得分",
                 "shortfall": "未完成原因"}


# the scored columns of a self-evaluation form read cell by cell when its cells are separated
# by blanks: 年度指标值 | 实际完成值 | 分值 | 得分 (the 安徽 自评表)
_BLANK_ORDER = ("value", "actual", "weight", "score")


def _next_categories(level1: str, name: str, profile: str) -> tuple[str, str]:
    """(level 1, level 2) in force after the category label ``name`` (level 1 ``level1``
    before it)."""
    level2 = standard_level2(profile, level1, name) if level1 else ""
    if level2:
        return level1, level2
    if name in level1_names(profile):
        return name, ""
    return _categories(name, profile)


def _is_number(token: str) -> bool:
    return bool(_NUMBER.fullmatch(token))


def _blank_rows(body: str, profile: str) -> list[tuple[str, str, str, list[dict[str, str]]]]:
    """The rows of a self-evaluation grid whose cells are separated by blanks, in the order
    指标值 | 实际完成值 | 分值 | 得分: a category label (产出指标(50分), 数量指标) at the start of a
    row sets the categories; a row ends at two numbers, its 分值 (at most 100) and its 得分 (at
    most the 分值), after its name, target and actual. A row the text ends inside keeps what
    it has. Returns (level 1, level 2, the run's text, rows) per run of rows."""
    runs: list[tuple[str, str, str, list[dict[str, str]]]] = []
    level1 = level2 = ""
    pending: list[str] = []
    rows: list[dict[str, str]] = []
    source: list[str] = []

    def close_run() -> None:
        if rows:
            runs.append((level1, level2, " ".join(source), list(rows)))
        rows.clear()
        source.clear()

    for token in body.split():
        category = _ANY_CATEGORY.fullmatch(token)
        if not pending and category:
            close_run()
            level1, level2 = _next_categories(level1, category.group("label"), profile)
            continue
        pending.append(token)
        source.append(token)
        if len(pending) >= 5 and _is_number(pending[-1]) and _is_number(pending[-2]) and \
                0 < Decimal(pending[-2]) <= 100 and Decimal(pending[-1]) <= Decimal(pending[-2]):
            name = _WRAP.sub("", " ".join(pending[:-4]))
            rows.append({"name": name, **dict(zip(_BLANK_ORDER, pending[-4:]))})
            pending = []
    if pending:
        rows.append({"name": _WRAP.sub("", " ".join(pending))})
    close_run()
    return runs


def _category_runs(body: str, profile: str) -> list[tuple[str, str, str, str]]:
    """(level 1, level 2, label as written, the text up to the next label) of each run."""
    marks = []
    for m in _ANY_CATEGORY.finditer(body):
        name = m.group("label")
        short_ok = m.start() == 0 or body[m.start() - 1].isdigit()
        if len(name) >= 4 or short_ok:
            marks.append(m)
    runs = []
    level1 = ""
    for index, m in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(body)
        name = m.group("label")
        level2 = standard_level2(profile, level1, name) if level1 else ""
        if not level2:
            if name in level1_names(profile):
                level1 = name
            else:
                level1, level2 = _categories(name, profile)
        text = body[m.end():end]
        if text.strip(" ,，"):
            runs.append((level1, level2 or "", m.group(0), text))
    return runs


def _glued_numbers(text: str, after: list[str]) -> list[dict[str, str]]:
    """Rows whose 分值, 指标值, 实际值 and 得分 are numbers run together (2010010020): each row
    ends at the first run of digits that splits into them (分值 at most 100, 得分 at most the
    分值, no number directly followed by a unit: 3875人 is a name's count); text after the
    last row is its 未完成原因 when the form has that column."""
    order = [f for f in after if f in _SCORED]
    rows: list[dict[str, str]] = []
    pos = 0
    while True:
        block = None
        for m in _NUMBERS.finditer(text, pos):
            if m.start() == pos and not rows and pos == 0:
                continue  # a name cannot be empty
            split = _best_split(m.group(0), order, text[m.end():])
            if split is not None:
                block = m, split
                break
        if block is None:
            rest = text[pos:].strip(" ,，")
            if rows and rest and "shortfall" in after:
                rows[-1]["shortfall"] = rest
            elif rest:
                rows.append({"name": text[pos:].strip()})  # the text ends inside the row
            return rows
        m, (numbers, remainder) = block
        rows.append({"name": text[pos:m.start()].strip(), **dict(zip(order, numbers))})
        pos = m.end() - len(remainder)


def _best_split(digits: str, order: list[str], following: str):
    """The split of ``digits`` (from its start) into the columns ``order`` that fits a form
    best: (numbers as written, the digits left for the text after), or ``None``."""
    best = None
    for numbers, remainder in _splits(digits, len(order)):
        cells = dict(zip(order, numbers))
        weight = Decimal(cells["weight"]) if "weight" in cells else None
        score = Decimal(cells["score"]) if "score" in cells else None
        if weight is not None and (weight == 0 or weight > 100 or
                                   (score is not None and score > weight)):
            continue
        if not remainder and re.match(_ANY_UNIT, following):
            continue  # a count in a sentence (3620人), not cells
        cost = _misfit(cells) + len(remainder) * Decimal("0.001")
        if best is None or cost < best[0]:
            best = (cost, numbers, remainder)
    return None if best is None else (best[1], best[2])


def _splits(digits: str, count: int):
    if count == 0:
        yield [], digits
        return
    for end in range(1, len(digits) + 1):
        head = digits[:end]
        if _NUMBER.fullmatch(head) and (end == len(digits) or digits[end] != "."):
            for rest, remainder in _splits(digits[end:], count - 1):
                yield [head, *rest], remainder


def _misfit(cells: dict[str, str]) -> Decimal:
    """How far a split is from a self-evaluation's sense: the actual near the target, and the
    score's share of the 分值 near the share of the target reached."""
    value, actual = Decimal(cells.get("value", "0")), Decimal(cells.get("actual", "0"))
    if value <= 0 or actual <= 0:
        return Decimal(100)
    reached = actual / value
    cost = abs(reached.ln())
    if "weight" in cells and "score" in cells:
        cost += abs(Decimal(cells["score"]) / Decimal(cells["weight"]) - min(reached, Decimal(1)))
    return cost


def _score_last(text: str, after: list[str], last: bool) -> list[dict[str, str]]:
    """A row whose 得分 is the number it ends with and whose 指标值 and 实际值 come before it
    (年初目标值 | 实际完成值 | 得分). Without that number the row is cut off (the text ends inside
    it; only the last)."""
    text = text.strip(" ,，")
    m = re.search(r"(?<![\d.])(?:0|[1-9]\d*)(?:\.\d{1,2})?$", text) if "score" in after else None
    score = ""
    if m and m.start() > 0:
        text, score = text[:m.start()], m.group(0)
    elif not last:
        return [{"name": text}]
    name, value, actual = _value_and_actual(text, cut=not score)
    row = {"name": name, "value": value, "actual": actual}
    if score:
        row["score"] = score
    return [row]


def _value_and_actual(text: str, *, cut: bool) -> tuple[str, str, str]:
    """(name, 指标值, 实际值) of a row's text: two targets at its end (…5亿元6.47亿元); else the
    same words twice (专款专用专款专用: the actual repeats the target); on a row the text ends
    inside, the target followed by the start of itself (服务范围扩大服务范). Words that repeat
    within themselves (…环境改善环境改善环境改) can be cut more than one way; the first rule
    that fits is taken and the notice of the row shows the cut."""
    actual = _TOKEN.search(text)
    if actual and actual.start() > 0:
        value = _TOKEN.search(text[:actual.start()])
        if value and value.start() > 0:
            return text[:value.start()], value.group(0), actual.group(0)
    for size in range(len(text) // 2, 0, -1):
        if len(text) > 2 * size and text[-size:] == text[-2 * size:-size]:
            return text[:-2 * size], text[-size:], text[-size:]
    if cut:
        for size in range(len(text) // 2, 1, -1):
            head = text[-size:]
            start = text.rfind(head, 0, len(text) - size)
            if start > 0 and len(text) - size - start > size:  # the actual: a proper start
                return text[:start], text[start:len(text) - size], head
    return text, "", ""


def _unit_from_name(cells: dict[str, str], where, notices: list[Notice]) -> None:
    """A bare number target written in the name with its unit (三级指标 38.75万元, 指标值 38.75)
    takes that unit."""
    value = cells.get("value", "")
    if not value or not _NUMBER.fullmatch(value):
        return
    m = re.search(rf"(?<![\d.]){re.escape(value)}\s*(?P<unit>{_ANY_UNIT})", cells.get("name", ""))
    if m:
        cells["unit"] = m.group("unit")
        notices.append(Notice(Text(
            f"指标值 {value} 没有单位，按指标名称中的“{m.group(0)}”取单位“{m.group('unit')}”，请核对。",
            f"The target {value} has no unit; the unit '{m.group('unit')}' was taken from "
            f"'{m.group(0)}' in the name, please check."), where, HINT))
