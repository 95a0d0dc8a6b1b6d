"""The built-in indicator library is usable in both profiles and reads like real tables."""

from __future__ import annotations

import pytest

from perfdesk.core import indicator_library
from perfdesk.core.taxonomy import (
    COMPARATORS,
    DEFAULT_GRADES,
    PROFILES,
    QUALITATIVE,
    QUANTITATIVE,
    all_category_names,
    level2_names,
)
from perfdesk.core.values import is_valid_unit


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_every_entry_sits_in_its_profile_with_a_usable_value_shape(profile):
    entries = indicator_library.entries(profile)
    assert len(entries) >= 250
    names = [e.name for e in entries]
    assert len(names) == len(set(names))
    for entry in entries:
        assert entry.level2 in level2_names(profile, entry.level1), entry
        assert entry.name not in all_category_names(), entry  # CAT-06 would flag it
        if entry.nature == QUANTITATIVE:
            assert entry.comparator in COMPARATORS and entry.unit and is_valid_unit(entry.unit)
        else:
            assert entry.nature == QUALITATIVE and entry.grade in DEFAULT_GRADES, entry


def test_every_category_of_both_profiles_has_common_indicators():
    for profile, categories in PROFILES.items():
        covered = {(e.level1, e.level2) for e in indicator_library.entries(profile)}
        for level1, children in categories.items():
            for level2 in children:
                assert (level1, level2) in covered, (profile, level1, level2)


def test_cost_indicators_move_to_level_1_in_profile_101():
    assert indicator_library.by_name("88")["人均培训成本"].level1 == "产出指标"
    entry = indicator_library.by_name("101")["人均培训成本"]
    assert (entry.level1, entry.level2) == ("成本指标", "经济成本指标")
    assert "施工扰民投诉次数" not in indicator_library.by_name("88")
