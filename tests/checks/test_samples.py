"""The checker on real tables: the seed (every finding rules.md expects, and nothing that a
reviewer would not send back) and realistic detailed-layout tables with planted problems."""

from __future__ import annotations

from collections import Counter

import pytest
from tests.support.check_samples.builders import applied
from tests.support.check_samples.detailed import EXPECTED, PROFILES, detailed_projects, write_detailed_form
from tests.support.check_samples.seed import by_name, seed_projects
from tests.support.paths import SEED

from perfdesk.checks import CheckContext, Severity, check_project, check_projects


def seed_findings(projects=None):
    projects = projects if projects is not None else seed_projects()
    found = check_projects(projects, CheckContext(profile="88", budget_year=2023))
    return projects, found


def found_in(projects, found, project_name):
    """(rule, indicator position or None, field) for one project of the seed."""
    project = by_name(projects)[project_name]
    position = {ind.uuid: n for n, ind in enumerate(project.indicators, 1)}
    return [(f.rule, position.get(f.indicator_uuid), f.field) for f in found[project.uuid]]


def assert_seed_expectations(projects, found):
    """The sample of expected findings at the end of rules.md."""
    def rules_of(name):
        return Counter(rule for rule, _pos, _field in found_in(projects, found, name))

    assert {"REQ-02", "REQ-05", "REQ-03"} <= set(rules_of("政法四级网链路租赁经费"))

    grid = found_in(projects, found, "基层社会治理和网格化创新工作经费")
    assert [(r, pos) for r, pos, _ in grid if r == "VAL-08"] == [
        ("VAL-08", 1), ("VAL-08", 2), ("VAL-08", 3)]

    video = found_in(projects, found, "黄埔区村居综治中心综治视联网系统项目")
    assert ("CAT-02", 1, "level1") in video and "REQ-02" in {r for r, _, _ in video}

    gates = found_in(projects, found, "出租屋门禁系统建设及维护和网络费")
    assert {pos for r, pos, _ in gates if r == "VAL-07"} == {2, 3, 4}  # 年度评估, 抽样, 抽样

    oversight = found_in(projects, found, "执法监督工作经费")
    assert ("REQ-01", None, "indicators") in oversight and ("VAL-12", 1, "value") in oversight

    gangs = found_in(projects, found, "扫黑除恶专项斗争工作经费")
    assert ("SAT-01", 1, "value") in gangs

    # 已登记数/应登记数≥98%: a target was read, so VAL-08 is only a warning and nothing worse
    rental = by_name(projects)["出租屋管理绩效奖励专项资金"]
    row5 = rental.indicators[4]
    assert (row5.comparator, str(row5.target), row5.unit) == ("≥", "98", "%")
    on_row5 = [f for f in found[rental.uuid] if f.indicator_uuid == row5.uuid]
    assert "VAL-08" in {f.rule for f in on_row5}
    assert all(f.severity is not Severity.ERROR for f in on_row5)
    assert next(f for f in on_row5 if f.rule == "VAL-08").severity is Severity.WARNING

    # every indicator lacks a level 2 (the 质量指标 one has it, misplaced as level 1: CAT-02)
    for project in projects:
        for n, ind in enumerate(project.indicators, 1):
            rules_here = {r for r, pos, _ in found_in(projects, found, project.name) if pos == n}
            assert rules_here & {"CAT-05", "CAT-02"}, (project.name, n)


def test_the_seed_shows_every_expected_finding():
    projects, found = seed_findings()
    assert len(projects) == 22 and sum(len(p.indicators) for p in projects) == 79
    assert_seed_expectations(projects, found)


def test_every_seed_project_is_sent_back_but_not_for_nonsense():
    projects, found = seed_findings()
    assert all(any(f.severity is Severity.ERROR for f in found[p.uuid]) for p in projects)
    counts = Counter(f.rule for fs in found.values() for f in fs)
    # rules that have nothing to say about a disclosure table stay silent on it
    for rule in ("HDR-01", "HDR-02", "FUND-01", "FUND-02", "GOAL-01", "CAT-01", "CAT-04",
                 "ROW-01", "ROW-03", "VAL-05", "VAL-06", "VAL-10", "EXP-01"):
        assert counts[rule] == 0, rule
    # the formulas with a target (出租屋管理, “三同步”) offer the certain fix, the bare ones not
    fixes = [f for fs in found.values() for f in fs if f.rule == "VAL-08" and f.fix]
    assert len(fixes) == 8


def test_fixing_the_seed_formulas_keeps_the_targets():
    projects, found = seed_findings()
    rental = by_name(projects)["出租屋管理绩效奖励专项资金"]
    fixed = rental
    for f in found[rental.uuid]:
        if f.rule == "VAL-08" and f.fix:
            fixed = applied(fixed, f.fix)
    assert [i.value_display() for i in fixed.indicators[4:]] == ["≥98%", "≥90%", "≥90%"]
    assert fixed.indicators[4].explanation == "已登记数/应登记数"
    again = check_project(fixed, CheckContext(budget_year=2023))
    assert not [f for f in again if f.rule == "VAL-08" and f.indicator_uuid in
                {i.uuid for i in fixed.indicators[4:]}]


def test_the_seed_read_by_the_importer_gives_the_same_findings():
    io = pytest.importorskip("perfdesk.io")
    result = io.read_table(SEED, profile="88")
    projects = result.projects
    assert len(projects) == 22
    _, found = seed_findings(projects)
    assert_seed_expectations(projects, found)


# --- detailed-layout tables -----------------------------------------------------------------


@pytest.mark.parametrize("project", detailed_projects(), ids=lambda p: p.name)
def test_detailed_tables_get_exactly_what_a_reviewer_would_flag(project):
    ctx = CheckContext(profile=PROFILES.get(project.name, "88"), budget_year=2025)
    names = {i.uuid: i.name for i in project.indicators}
    found = {(f.rule, names.get(f.indicator_uuid), f.field) for f in check_project(project, ctx)}
    assert found == EXPECTED[project.name]


@pytest.mark.parametrize("project", detailed_projects(), ids=lambda p: p.name)
def test_applying_every_offered_fix_removes_its_finding(project):
    ctx = CheckContext(profile=PROFILES.get(project.name, "88"), budget_year=2025)
    findings = check_project(project, ctx)
    for f in [f for f in findings if f.fix]:
        fixed = applied(project, f.fix)
        again = check_project(fixed, ctx)
        assert not [g for g in again if (g.rule, g.indicator_uuid, g.field)
                    == (f.rule, f.indicator_uuid, f.field)], f.rule
        # a fix touches only the fields it names
        before = {i.uuid: i.model_dump() for i in project.indicators}
        for ind in fixed.indicators:
            changed = {k for k, v in ind.model_dump().items() if before[ind.uuid][k] != v}
            assert changed == set(f.fix.indicator_changes.get(ind.uuid, {}))
        head_before = project.model_dump(exclude={"indicators"})
        head_after = fixed.model_dump(exclude={"indicators"})
        assert {k for k in head_before if head_before[k] != head_after[k]} == set(
            f.fix.project_changes)


@pytest.mark.parametrize("project", detailed_projects(), ids=lambda p: p.name)
def test_detailed_tables_as_hand_filled_xlsx_read_by_the_importer(project, tmp_path):
    io = pytest.importorskip("perfdesk.io")
    profile = PROFILES.get(project.name, "88")
    path = write_detailed_form(project, tmp_path / "申报表.xlsx")
    result = io.read_table(path, profile=profile)
    assert result.kind == "detail"
    (read,) = result.projects
    ctx = CheckContext(profile=profile, budget_year=2025)
    names = {i.uuid: i.name for i in read.indicators}
    found = {(f.rule, names.get(f.indicator_uuid), f.field) for f in check_project(read, ctx)}
    # the importer keeps 项目属性 as written, so the same findings come from the file, except
    # a category alias: the reader stores its standard name (wording kept in level1_source and
    # the row's text) and says so, leaving nothing for CAT-03 to fix
    aliases = {f for f in EXPECTED[project.name] if f[0] == "CAT-03"}
    assert found == EXPECTED[project.name] - aliases
    told = [str(n.message) for n in result.notices if "读作标准名称" in str(n.message)]
    for _rule, name, field in aliases:
        read_ind = next(i for i in read.indicators if i.name == name)
        written = next(i for i in project.indicators if i.name == name)
        assert getattr(read_ind, field) != getattr(written, field)
        assert any(f"“{getattr(written, field)}”" in message for message in told)


def test_in_english_the_messages_are_english(monkeypatch):
    from perfdesk.core import i18n

    i18n.set_language("en")
    project = detailed_projects()[1]
    messages = [str(f.message) for f in check_project(project, CheckContext(budget_year=2025))]
    assert any("exceeds the project's annual total" in m for m in messages)
    assert all(not any("\u4e00" <= ch <= "\u9fff" for ch in m.split("'")[0]) for m in messages)


def test_counting_errors_gives_the_projects_a_full_check_marks():
    """``perfdesk export`` says how many projects still have errors from the count-only
    path: it must name exactly the projects whose shown findings include an error, on the
    seed and on the detailed tables with planted problems, in both profiles."""
    from perfdesk.checks import projects_with_errors

    tables = [(seed_projects(), CheckContext(profile="88", budget_year=2023))]
    tables += [(detailed_projects(), CheckContext(profile=profile, budget_year=2025))
               for profile in ("88", "101")]
    clean = 0
    for projects, context in tables:
        found = check_projects(projects, context)
        marked = {uuid for uuid, fs in found.items()
                  if any(f.severity is Severity.ERROR for f in fs)}
        assert marked
        clean += len(projects) - len(marked)
        assert projects_with_errors(projects, context) == marked
    assert clean  # projects without errors are not counted either


def test_a_listing_of_errors_only_words_no_other_finding():
    """``perfdesk check --severity error`` prints only errors: the other findings are found
    and counted as before, only their messages are not worded (issue 16). The errors are
    worded exactly as a full check words them."""
    tables = [(seed_projects(), CheckContext(profile="88", budget_year=2023)),
              (detailed_projects(), CheckContext(profile="101", budget_year=2025))]
    unworded = 0
    for projects, context in tables:
        for project in projects:
            full = check_project(project, context)
            errors_worded = check_project(project, context, worded=(Severity.ERROR,))
            assert [(f.rule, f.severity, f.indicator_uuid, f.field, f.fix)
                    for f in errors_worded] == [(f.rule, f.severity, f.indicator_uuid,
                                                 f.field, f.fix) for f in full]
            for mine, theirs in zip(errors_worded, full):
                if mine.severity is Severity.ERROR:
                    assert mine.message == theirs.message and mine.message.zh
                else:
                    assert mine.message.zh == mine.message.en == ""
                    unworded += 1
    assert unworded  # the samples do hold warnings and hints
