"""What a check reads besides the project (profile, budget year, ⚙ settings, budget project
list, sibling projects). The context of a dataset file and fixes applied to one are tested
with the services (tests/services/test_fixes.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.support.check_samples.builders import one, rules, sample

from perfdesk.checks import (
    RULES,
    SETTINGS,
    CheckContext,
    check_project,
    check_projects,
    default_settings,
    validate_settings,
)
from perfdesk.core.errors import InvalidValueError


def test_default_settings_are_the_catalogue_defaults():
    defaults = default_settings()
    assert defaults["goal_max_chars"] == 500
    assert defaults["min_indicators"] == 3
    assert defaults["sentence_max_chars"] == 30
    assert defaults["satisfaction_min"] == 80
    assert defaults["grades"] == ["达成", "部分达成", "未达成", "好", "较好", "一般", "差"]
    assert defaults["vague_words"][:3] == ["长期", "逐步提高", "有所提高"]
    assert "按上级" in defaults["vague_words"] and len(defaults["vague_words"]) == 29
    assert defaults["disabled_rules"] == []
    defaults["grades"].append("优")  # a fresh copy each time
    assert "优" not in default_settings()["grades"]
    assert {s.key for s in SETTINGS} == set(defaults)
    assert all(set(s.rules) <= set(RULES) for s in SETTINGS)


def test_every_settings_key_a_rule_reads_exists():
    keys = {s.key for s in SETTINGS}
    for rule in RULES.values():
        assert set(rule.settings) <= keys, rule.id


def test_stored_settings_override_the_defaults_and_unknown_keys_are_ignored():
    ctx = CheckContext(settings={"min_indicators": "5", "satisfaction_min": 85.5,
                                 "from_a_newer_version": True})
    assert ctx.min_indicators == 5
    assert ctx.satisfaction_min == Decimal("85.5")
    assert ctx.settings["goal_max_chars"] == 500


@pytest.mark.parametrize(("settings", "words"), [
    ({"min_indicators": 0}, "正整数"), ({"min_indicators": "三"}, "应为数字"),
    ({"goal_max_chars": 2.5}, "正整数"), ({"satisfaction_min": 120}, "0到100"),
    ({"vague_words": "抽样"}, "词语列表"), ({"grades": []}, "至少需要一个等级"),
    ({"disabled_rules": ["VAL-99"]}, "没有规则VAL-99"),
])
def test_bad_settings_are_refused_with_a_clear_message(settings, words):
    with pytest.raises(InvalidValueError) as err:
        validate_settings(settings)
    assert words in err.value.text.zh
    assert "检查设置" in err.value.text.zh and err.value.text.en


def test_disabled_rules_are_not_run():
    project = sample(annual_goal="提升基层治理水平。")
    assert "GOAL-03" in rules(project)
    assert "GOAL-03" not in rules(project, settings={"disabled_rules": ["GOAL-03"]})


def test_profile_101_accepts_cost_as_level1_and_88_does_not():
    in_101 = sample("101")
    assert check_project(in_101, CheckContext(profile="101", budget_year=2025)) == []
    # under 88, 成本指标 is a level-2 name written as level 1, and its 经济成本指标 is unknown:
    # the reviewer's complaint is clear, the fix is not (so none is offered)
    misplaced = one(in_101, "CAT-02", profile="88")
    assert misplaced.fix is None and "经济成本指标" in misplaced.message.zh
    assert rules(in_101, profile="88") == {"CAT-02"}  # still read as a cost row: no REQ-04


def test_an_unknown_profile_is_refused():
    with pytest.raises(ValueError):
        CheckContext(profile="77")


def test_siblings_follow_renames_without_rebuilding_the_context():
    a, b = sample(), sample()
    ctx = CheckContext(budget_year=2025, sibling_projects=[
        (p.uuid, p.department, p.unit, p.name) for p in (a, b)])
    assert "HDR-06" in {f.rule for f in check_project(a, ctx)}
    b.name = "党员教育培训项目"
    ctx.note_project(b)
    assert "HDR-06" not in {f.rule for f in check_project(a, ctx)}
    b.name = a.name
    ctx.note_project(b)
    ctx.forget_project(b.uuid)
    assert "HDR-06" not in {f.rule for f in check_project(a, ctx)}


def test_three_namesakes_stay_namesakes_until_only_one_is_left():
    a, b, c = sample(), sample(), sample()
    ctx = CheckContext(budget_year=2025, sibling_projects=[
        (p.uuid, p.department, p.unit, p.name) for p in (a, b, c)])
    assert ctx.same_named(a) == 2
    ctx.forget_project(c.uuid)
    assert ctx.same_named(a) == ctx.same_named(b) == 1
    ctx.forget_project(b.uuid)
    assert ctx.same_named(a) == 0 and ctx.same_named(b) == 1  # b, if it came back, would be
    ctx.note_project(b)
    assert ctx.same_named(a) == 1
    ctx.forget_project(a.uuid)
    ctx.forget_project(b.uuid)
    assert ctx.same_named(a) == 0


def test_check_projects_finds_same_named_projects_among_those_given():
    a, b, c = sample(), sample(), sample(unit="另一单位")
    found = check_projects([a, b, c], CheckContext(budget_year=2025))
    assert list(found) == [a.uuid, b.uuid, c.uuid]
    assert [f.rule for f in found[a.uuid]] == ["HDR-06"]
    assert [f.rule for f in found[b.uuid]] == ["HDR-06"]
    assert found[c.uuid] == []


def test_replace_keeps_everything_else():
    ctx = CheckContext(profile="101", budget_year=2025, settings={"min_indicators": 4},
                       reference_projects=[("u", "p", "c")])
    other = ctx.replace(budget_year=None, settings={"goal_max_chars": 100})
    assert (other.profile, other.budget_year) == ("101", None)
    assert (other.min_indicators, other.goal_max_chars) == (4, 100)
    assert other.reference_projects == ctx.reference_projects


def test_findings_can_be_kept_in_sets():
    project = sample(attribute="延续")
    found = check_project(project, CheckContext(budget_year=2025))
    assert len(set(found)) == len(found) == 1 and found[0].fix is not None
    assert found[0] == check_project(project, CheckContext(budget_year=2025))[0]
