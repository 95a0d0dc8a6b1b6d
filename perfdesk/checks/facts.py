"""What the rules read about a project, derived once per check.

Many rules ask the same questions (which standard category is this row really in? what does
its 指标值 say? is this a 满意度 row?); answering them once per check keeps each rule a few
lines and the whole check cheap. The answers also decide which rules need to run on a row at
all (see ``when`` in :mod:`perfdesk.checks.catalogue`): a cost rule never runs on a 满意度 row.
Nothing here judges anything: the rules do.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from perfdesk.core.taxonomy import (
    COST,
    EFFECT,
    QUALITATIVE,
    SATISFACTION,
    TIMELINESS,
    LabelKind,
)
from perfdesk.core.values import ParseResult, ValueKind, is_deadline_unit, render

if TYPE_CHECKING:  # pragma: no cover
    from perfdesk.checks.context import CheckContext
    from perfdesk.core.model import Indicator, Project

# What a row is, as bits: a rule declares the kinds of row it looks at (``when=``) and runs
# only on rows that have all of them.
KINDS = {
    "satisfaction": 1,  # under 满意度指标
    "cost": 2,  # a 成本指标 of the profile
    "timeliness": 4,  # under 时效指标
    "written": 8,  # the 指标值 was kept as written (value_text)
    "raw": 16,  # ... and could not be read at all
    "qualitative": 32,  # marked 定性
    "target": 64,  # has a typed target number
}


# A date or period as written in 时效指标 values: 12月底前, 2025年6月, 第三季度, 年内, 30个工作日.
_DATE_TEXT = re.compile(
    r"\d{1,2}月|\d{4}年|[0-9一二三四]季度|年底|年末|年内|年中|月底|月末|上半年|下半年|当年|当月|"
    r"工作日|\d+\s*(?:个)?(?:天|日|周|小时|分钟|秒|个月)")


def categories(labels: tuple[str, str], ctx: "CheckContext") -> tuple:
    """What a row's (level-1, level-2) labels as written say, in the context's profile: (the
    level-1 reading, the standard level 1, the standard level 2, 2015 tree, is satisfaction,
    is cost, is timeliness, those three as :data:`KINDS` bits); see :class:`IndicatorFacts`.
    The context keeps it per pair of labels (:meth:`CheckContext.categories`)."""
    label1, label2 = labels
    reading = ctx.read_level1(label1)
    level1 = reading.level1
    tree2015 = False
    if reading.kind is LabelKind.LEVEL2:
        level2 = reading.level2
    elif level1 and label2:
        level2 = ctx.standard_level2(level1, label2)
        if not level2 and level1 == EFFECT:
            # the 2015 tree: 满意度 as a level 2 under 效益指标 (社会公众或服务对象满意度指标)
            level2 = ctx.standard_level2(SATISFACTION, label2)
            if level2:
                level1, tree2015 = SATISFACTION, True
    else:
        level2 = ""
    sat = level1 == SATISFACTION
    cost = level1 == COST or level2 == COST
    timely = level2 == TIMELINESS
    return reading, level1, level2, tree2015, sat, cost, timely, sat | cost << 1 | timely << 2


def looks_like_date(text: str) -> bool:
    """Whether text states a date, deadline or period (a valid 时效 target)."""
    return bool(_DATE_TEXT.search(text))


class IndicatorFacts:
    """One indicator row with what the rules derive from it.

    Attributes:
        ind: the indicator.
        position: its place in the project, counting from 1 (as a clerk counts rows).
        reading: how its level-1 label reads in the profile.
        level1: the standard level-1 category it is under ("" when unknown).
        level2: the standard level-2 category ("" when missing or not valid under level1).
        tree2015: the row is a 满意度 written as a level 2 under 效益指标, as the 2015 template
            has it; ``level1`` is then 满意度指标.
        written: the 指标值 as written when not canonical (``ind.value_text``, trimmed).
        is_time: the value is a deadline or period (时效: 2026年12月底前, 全年), which takes
            no comparator, number or unit.
        raw: the value could not be read (only the written text is known).
        has_value: the row has a 指标值.
        blank: neither a name nor a value.
        is_satisfaction, is_cost, is_timeliness: the kind of indicator.
        kinds: the row's :data:`KINDS` bits.
    """

    __slots__ = ("ind", "position", "reading", "level1", "level2", "tree2015", "written", "raw",
                 "has_value", "blank", "is_time", "is_satisfaction", "is_cost", "is_timeliness", "kinds",
                 "_ctx", "_parsed", "_display")

    def __init__(self, ind: "Indicator", position: int, ctx: "CheckContext") -> None:
        self.ind = ind
        self.position = position
        self._ctx = ctx
        self._parsed = self._display = None
        (self.reading, self.level1, self.level2, self.tree2015, sat, cost, timely,
         kinds) = ctx.categories((ind.level1, ind.level2))
        self.is_satisfaction, self.is_cost, self.is_timeliness = sat, cost, timely
        written = self.written = ind.value_text.strip()
        target = ind.target is not None
        unread = not target and not ind.grade and bool(written)
        self.is_time = is_time = (
            (target and is_deadline_unit(ind.unit))
            or (unread and ctx.parse(written).value.kind is ValueKind.TIME))
        self.raw = raw = unread and not is_time
        self.has_value = has_value = bool(written) or target or bool(ind.grade)
        self.blank = not has_value and not ind.name.strip()
        self.kinds = (kinds | bool(written) << 3 | raw << 4
                      | (ind.nature == QUALITATIVE) << 5 | target << 6)

    @property
    def display(self) -> str:
        """The 指标值 a reader sees ("" when there is none)."""
        if self._display is None:
            ind = self.ind
            if self.written:
                self._display = self.written
            elif ind.target is not None or ind.grade:
                self._display = render(ind.target_value())
            else:
                self._display = ""
        return self._display

    @property
    def parsed(self) -> ParseResult | None:
        """What the written text reads as (``None`` when nothing was written)."""
        if self._parsed is None and self.written:
            self._parsed = self._ctx.parse(self.written)
        return self._parsed

    def notation_only(self) -> bool:
        """Whether the written text says exactly what the typed fields hold (so clearing it
        changes only how the value is written): ``>=95%`` for ≥95%, but not
        ``已登记数/应登记数≥98%``, whose formula would be lost."""
        if not self.written:
            return True
        parsed = self.parsed
        ind = self.ind
        if parsed is None or parsed.value.kind is not ValueKind.QUANTITATIVE:
            return False
        value = parsed.value
        if (value.comparator, value.number, value.unit) != (ind.comparator, ind.target,
                                                            ind.unit):
            return False
        if parsed.note:  # ≥95%（抽样调查）: clearing the text would lose the remark
            return False
        return not parsed.prefix or is_label_of(parsed.prefix, ind.name, self._ctx)


def is_label_of(prefix: str, name: str, ctx: "CheckContext") -> bool:
    """Whether text before a target only repeats the indicator's name (``满意度≥90%`` for
    参训人员满意度), rather than holding a formula or other words."""
    from perfdesk.core.values import looks_like_formula

    prefix = prefix.strip("：:，, ")
    if not prefix or looks_like_formula(prefix):
        return False
    key, name = ctx.name_key(prefix), ctx.name_key(name)
    return bool(key) and (key in name or name in key)


class ProjectFacts:
    """A project with the facts of each indicator row and what they add up to.

    Attributes:
        project: the project.
        indicators: one :class:`IndicatorFacts` per row, in order.
        filled: how many rows are not blank.
        level1s: the standard level-1 categories the rows cover.
        has_cost: some row is a 成本指标 of the profile.
        first_of: row position -> the earlier row whose name it repeats (ROW-02).
        derived: what a rule derives from the project alone, kept for its other rows (see
            :meth:`once`).
    """

    __slots__ = ("project", "indicators", "filled", "level1s", "has_cost", "first_of",
                 "derived")

    def __init__(self, project: "Project", ctx: "CheckContext") -> None:
        self.project = project
        self.derived: dict = {}
        rows = self.indicators = [IndicatorFacts(ind, i, ctx)
                                  for i, ind in enumerate(project.indicators, 1)]
        filled = [f for f in rows if not f.blank]
        self.filled = len(filled)
        self.level1s = {f.level1 for f in filled}
        self.has_cost = any(f.is_cost for f in filled)
        seen: dict[str, IndicatorFacts] = {}
        first_of: dict[int, IndicatorFacts] = {}
        key_of = ctx.name_key
        for f in rows:
            key = key_of(f.ind.name)
            if key:
                first = seen.setdefault(key, f)
                if first is not f:
                    first_of[f.position] = first
        self.first_of = first_of

    def once(self, key: str, derive):
        """``derive(project)``, computed on the first call with ``key`` for this check of the
        project: an indicator rule asking about the project's own text asks once, not once per
        row."""
        found = self.derived.get(key, self)
        if found is self:
            found = self.derived[key] = derive(self.project)
        return found
