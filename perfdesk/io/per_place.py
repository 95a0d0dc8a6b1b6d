"""A target given per place: one value column per 属地 (笏石街道办 | 埭头镇), read as one target
(issue 11).

A county's 专项资金 table heads its value columns with the places the fund goes to, under
指标值 or in place of it. The fund is one project, so each indicator gets one target: the
places' values where they are the same (a rate, a 否), their sum where they add up by their
unit (counts, lengths, areas, amounts: :data:`~perfdesk.core.taxonomy.ADDITIVE_UNITS`), and none
where they do neither — each reading said, naming every place's value. Each place's value is
read by the one row reader (:class:`~perfdesk.core.entry.IndicatorRowReader`); the reader of
run-together text, the grid reader and the paste (:mod:`perfdesk.io.paste`) use this module.
"""

from __future__ import annotations

import re
from decimal import Decimal

from perfdesk.core.entry import IndicatorRowReader
from perfdesk.core.i18n import Text
from perfdesk.core.severity import HINT, WARNING
from perfdesk.core.taxonomy import ADDITIVE_UNITS
from perfdesk.core.vocabulary import PLACE_SUFFIXES
from perfdesk.io.base import Notice

# a place's name: a few characters and the kind of place it is (笏石街道办, 埭头镇, 白水村)
PLACE = re.compile("[\u4e00-\u9fff]{1,10}?(?:"
                   + "|".join(re.escape(s) for s in sorted(PLACE_SUFFIXES, key=len, reverse=True))
                   + ")")


def is_place(text: str) -> bool:
    """Whether a heading is the name of one place."""
    return bool(PLACE.fullmatch(text.strip()))


# 指标方向 是/否: the target is answered yes or no, it has no comparator
_YES_NO = re.compile(r"^\s*是\s*[/／或]\s*否\s*$")


def comparator_of(name: str, direction: str, where, notices: list[Notice]) -> str:
    """The comparator a 指标方向 cell gives: ``""`` for 是/否 (said), else the cell."""
    if not _YES_NO.match(direction):
        return direction
    notices.append(Notice(Text(
        f"指标“{name}”的指标方向“{direction}”表示以是或否作答，不是计算符号，没有记为计算符号。",
        f"The 指标方向 '{direction}' of '{name}' means a yes/no answer, not a comparator; no "
        "comparator was recorded."), where, HINT))
    return ""


def one_value(name: str, comparator: str, values: list[str] | None, places: list[str], *,
              profile: str, grades: tuple[str, ...], where, notices: list[Notice]) -> str:
    """The one 指标值 of a row whose values are given per place (``comparator`` from its own
    column, else each value's own), or ``""`` (said) when they run together more than one way
    (``values`` is ``None``), differ and do not add up."""
    if values is None:
        notices.append(Notice(Text(
            f"指标“{name}”各属地（{'、'.join(places)}）的指标值连在一起，可以不止一种方式拆开，"
            "指标值留空，请按原表填写。",
            f"The values per place of '{name}' run together and split more than one way; the "
            "target was left empty."), where, WARNING))
        return ""
    each = "、".join(f"{place} {value or '（空）'}" for place, value in zip(places, values))
    readings = [IndicatorRowReader(profile, grades).read(
        {"name": name, "comparator": comparator, "value": value}).indicator for value in values]
    targets = [r.target for r in readings]
    units = {r.unit for r in readings}
    signs = {r.comparator for r in readings}
    if None not in targets and len(units) == 1 and len(signs) == 1 and \
            (unit := units.pop()) in ADDITIVE_UNITS:
        total = sum(targets, Decimal(0))
        sign = comparator or signs.pop()
        # the unit as the values write it (none where the name's brackets give it)
        written = unit if any(v.rstrip().endswith(unit) for v in values) else ""
        notices.append(Notice(Text(
            f"指标“{name}”按属地分列（{each}），以“{unit}”计可以相加，已合计为 {sign}{total}{unit}，请核对。",
            f"'{name}' is given per place ({each}); the {unit} add up to {total}, please "
            "check."), where, WARNING))
        return f"{'' if comparator else sign}{total}{written}"
    if all(values) and len({r.value_display() for r in readings}) == 1:  # 95% and 95 %
        notices.append(Notice(Text(
            f"指标“{name}”按属地分列（{each}），各属地相同，已读作“{comparator}{values[0]}”。",
            f"'{name}' is given per place ({each}), the same everywhere; read as "
            f"'{values[0]}'."), where, HINT))
        return values[0]
    if not any(values):
        return ""
    notices.append(Notice(Text(
        f"指标“{name}”按属地分列（{each}），各属地不同且不能相加，指标值留空，请按原表逐个属地核对后填写。",
        f"'{name}' is given per place ({each}); the values differ and do not add up, so the "
        "target was left empty."), where, WARNING))
    return ""


def one_target(texts: dict[str, str], values: list[str], places: list[str],
               reader: IndicatorRowReader, where, notices: list[Notice]) -> None:
    """A grid row's one 指标值 from its value per place (``values``, one per ``places``), set
    into ``texts`` (its 指标方向 read by :func:`comparator_of`), for the row reader to read:
    an imported grid's row and a pasted one alike."""
    name = texts.get("name", "")
    if "comparator" in texts:
        texts["comparator"] = comparator_of(name, texts["comparator"], where, notices)
    texts["value"] = one_value(name, texts.get("comparator", ""), values, places,
                               profile=reader.categories.profile, grades=reader.grades,
                               where=where, notices=notices)
