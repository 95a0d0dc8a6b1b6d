"""What the rules read about a project, derived once per check.

Many rules ask the same questions (which standard category is this row really in? what does
its 指标值 say? is this a 满意度 row?); answering them once per check keeps each rule a few
lines and the whole check cheap. The answers also decide which rules need to run on a row at
all (see ``when`` in :mod:`perfdesk.checks.catalogue`): a cost rule never runs on a 满意度 row.
Nothing here judges anything: the rules do.
"""

from __future__ import annotations

import re
from operator import itemgetter
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
        rows: list[IndicatorFacts] = []
        filled, level1s, has_cost = 0, set(), False
        seen: dict[str, IndicatorFacts] = {}
        first_of: dict[int, IndicatorFacts] = {}
        key_of = ctx.name_key
        for position, ind in enumerate(project.indicators, 1):  # one pass over the rows
            f = IndicatorFacts(ind, position, ctx)
            rows.append(f)
            if not f.blank:
                filled += 1
                level1s.add(f.level1)
                if f.is_cost:
                    has_cost = True
            key = key_of(ind.name)
            if key:
                first = seen.setdefault(key, f)
                if first is not f:
                    first_of[position] = first
        self.indicators, self.filled, self.level1s, self.has_cost = rows, filled, level1s, has_cost
        self.first_of = first_of

    def once(self, key: str, derive):
        """``derive(project)``, computed on the first call with ``key`` for this check of the
        project: an indicator rule asking about the project's own text asks once, not once per
        row."""
        found = self.derived.get(key, self)
        if found is self:
            found = self.derived[key] = derive(self.project)
        return found


# --- what a row rule reads: a row's key -----------------------------------------------------
#
# Most indicator rules read only the row's own fields and the context (settings, profile), and
# rows repeat heavily (满意度 ≥90%, 资金到位率 100%): the runner asks each rule once per distinct
# row whether it has anything to say (:func:`speaking_rules`), and runs on the row only the
# rules that do. That the answer depends on the key alone is not assumed: the rules are asked
# on a stand-in row that holds exactly the key's fields, whose place, uuid and project are
# :class:`Unkeyed` — a rule that looks at anything else is stopped there and is run on every
# such row as before.

#: The Indicator fields a row's key holds (target and weight by their exact number text: 95 and
#: 95.0 read alike but print differently). Not in it: what changes from row to row without
#: changing what a rule says (where the row came from, the imported text kept whole, the
#: remark, the scoring, a self-evaluation's results); a rule reading one is run on every row.
KEY_FIELDS = ("level1", "level2", "name", "nature", "comparator", "unit", "grade",
              "value_text", "basis", "explanation", "level1_source")
KEY_NUMBERS = ("target", "weight")


class OutsideKey(BaseException):
    """A rule asked on a row's key read something the key does not hold (a BaseException, so
    that no ``except Exception`` in a rule can take it for its own)."""


def _outside(*_args, **_kwargs):
    raise OutsideKey


class Unkeyed:
    """Stands for what a row's key does not hold (its place, its uuid, its project): a rule may
    carry it into a hit it builds, but any look at it (an attribute, a comparison, a hash,
    formatting, truth) raises :class:`OutsideKey`. ``is`` cannot be intercepted: no rule asks
    whether a row's place or project *is* something."""

    __slots__ = ()
    __getattr__ = __call__ = __getitem__ = __iter__ = __len__ = __contains__ = _outside
    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = __hash__ = _outside  # type: ignore
    __bool__ = __int__ = __index__ = __float__ = __str__ = __repr__ = __format__ = _outside
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __mod__ = _outside


UNKEYED = Unkeyed()


class KeyedRow:
    """A stand-in indicator holding exactly a row's key fields: reading any other attribute
    raises :class:`OutsideKey`. The value methods the rules call are the Indicator's own."""

    def __init__(self, fields: dict) -> None:
        self.__dict__.update(fields)
        self.uuid = UNKEYED

    def __getattr__(self, name: str):
        raise OutsideKey

    def target_value(self):
        from perfdesk.core.model import Indicator

        return Indicator.target_value(self)  # type: ignore[arg-type]

    def value_display(self) -> str:
        from perfdesk.core.model import Indicator

        return Indicator.value_display(self)  # type: ignore[arg-type]


_key_fields = itemgetter(*KEY_FIELDS)


def row_key(ind: "Indicator") -> tuple:
    """The row's key: its :data:`KEY_FIELDS` and its :data:`KEY_NUMBERS` as exact text."""
    d = ind.__dict__
    target, weight = d["target"], d["weight"]
    return (_key_fields(d), None if target is None else str(target),
            None if weight is None else str(weight))


def keyed_row(ind: "Indicator") -> KeyedRow:
    """A stand-in for ``ind`` holding only its key's fields."""
    d = ind.__dict__
    return KeyedRow({f: d[f] for f in (*KEY_FIELDS, *KEY_NUMBERS)})
