"""The built-in library of common 三级指标 (resources/indicator_library.json).

Clerks mostly measure the same things (培训场次, 验收合格率, 服务对象满意度 …); offering those
names while they type saves time and nudges them toward checkable, quantified indicators. Each
entry carries its categories and the usual nature, comparator and unit, so choosing one can fill
in a new row; the target number stays the clerk's to write. The GUI's name completer reads this
library (plus the names already in the dataset); it is data, so a province can extend it
without touching code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from perfdesk.core.paths import resource
from perfdesk.core.taxonomy import PROFILES, QUALITATIVE, QUANTITATIVE, check_profile, level2_names

LIBRARY_FILE = ("indicator_library.json",)


@dataclass(frozen=True, slots=True)
class LibraryIndicator:
    """One common indicator, placed in a profile's categories."""

    level1: str
    level2: str
    name: str
    nature: str  # 定量 / 定性
    comparator: str = ""
    unit: str = ""
    grade: str = ""


@lru_cache(maxsize=1)
def _groups() -> tuple[dict[str, Any], ...]:
    with open(resource(*LIBRARY_FILE), encoding="utf-8") as fh:
        return tuple(json.load(fh)["groups"])


@lru_cache(maxsize=len(PROFILES))
def entries(profile: str) -> tuple[LibraryIndicator, ...]:
    """Every library indicator usable in ``profile``, in library order, names unique."""
    check_profile(profile)
    found: list[LibraryIndicator] = []
    seen: set[str] = set()
    for group in _groups():
        if profile not in group.get("profiles", PROFILES):
            continue
        level1, level2 = group["level1"], group["level2"]
        if profile == "101" and "in_profile_101" in group:
            level1 = group["in_profile_101"]["level1"]
            level2 = group["in_profile_101"]["level2"]
        if level2 not in level2_names(profile, level1):
            raise ValueError(f"library group {level1}/{level2} is not in profile {profile}")
        for item in group["indicators"]:
            if item["name"] in seen:
                continue
            seen.add(item["name"])
            nature = item.get("nature", QUANTITATIVE)
            if nature not in (QUANTITATIVE, QUALITATIVE):
                raise ValueError(f"library indicator {item['name']}: bad nature {nature!r}")
            found.append(LibraryIndicator(level1, level2, item["name"], nature,
                                          item.get("comparator", ""), item.get("unit", ""),
                                          item.get("grade", "")))
    return tuple(found)


def by_name(profile: str) -> dict[str, LibraryIndicator]:
    return {entry.name: entry for entry in entries(profile)}
