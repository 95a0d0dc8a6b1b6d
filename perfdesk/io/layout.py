"""Recognising table headings and category labels, shared by both layouts' readers.

Clerks' tables name the same column in many ways (绩效目标 / 年度绩效目标, 指标值 / 指标值及单位,
指标值设定依据 / 绩效标准), sometimes in traditional characters. Every heading is compared
after :func:`perfdesk.core.taxonomy.normalise_label`, against the synonyms listed here, so the
exporters and importers agree on one vocabulary.
"""

from __future__ import annotations

import re

from perfdesk.core.i18n import Text
from perfdesk.io.base import Location, Notice
from perfdesk.core.taxonomy import (
    LabelKind,
    normalise_label,
    read_level1,
    standard_level2,
)


def read_category_label(profile: str, label: str, where: Location,
                        notices: list[Notice]) -> tuple[str, str]:
    """(level1, level2) for a category label as written in an indicator item.

    ``level1`` keeps the label as written (only trimmed and simplified), so the checker can
    show and fix it (CAT-02/CAT-03); ``level2`` is filled when the label is a level-2 name, or
    when the label combines both (``产出指标（数量指标）``).
    """
    level1 = normalise_label(label)
    reading = read_level1(profile, level1)
    if reading.kind is LabelKind.STANDARD or reading.kind is LabelKind.ALIAS:
        return level1, ""
    if reading.kind is LabelKind.LEVEL2:
        notices.append(Notice(Text(
            f"一级指标写成了二级指标“{level1}”，已记为二级指标“{reading.level2}”"
            f"（一级指标应为“{reading.level1}”，检查时可一键改正）。",
            f"A level-2 name '{level1}' stands where level 1 belongs; it was recorded as "
            f"level 2 '{reading.level2}' (level 1 should be '{reading.level1}'; the checker "
            "offers the fix)."), where))
        return level1, reading.level2
    combined = _combined(profile, level1)
    if combined:
        return combined
    notices.append(Notice(Text(
        f"“{level1}”不是指标体系中的一级指标，已原样保留，请核对。",
        f"'{level1}' is not a level-1 category of the profile; it was kept as written, "
        "please check it."), where))
    return level1, ""


_SPLIT = re.compile(r"^(?P<a>[^（(\-—－/、]+?)[（(\-—－/、]+(?P<b>[^）)]+)[）)]?$")


def _combined(profile: str, label: str) -> tuple[str, str] | None:
    """``产出指标（数量指标）`` / ``产出指标-数量`` → (产出指标, 数量指标)."""
    m = _SPLIT.match(label)
    if not m:
        return None
    first, second = m.group("a"), m.group("b")
    reading = read_level1(profile, first)
    if reading.kind not in (LabelKind.STANDARD, LabelKind.ALIAS):
        return None
    level2 = standard_level2(profile, reading.level1, second)
    if not level2:
        return None
    return first, level2

