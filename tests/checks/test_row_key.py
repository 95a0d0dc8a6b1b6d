"""Each indicator rule is asked once per distinct row whether it may speak there (issue 12's
cost aim): a finding must never depend on which project a row was first seen in."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.support.check_samples.builders import context, sample
from tests.support.check_samples.detailed import row

from perfdesk.checks import check_project
from perfdesk.checks.facts import KEY_FIELDS, OutsideKey, row_key
from perfdesk.checks.runner import speaking_rules

D = Decimal


def _found(project, ctx) -> list[tuple[str, str, str]]:
    names = {i.uuid: i.name for i in project.indicators}
    return [(f.rule, names.get(f.indicator_uuid, ""), f.field)
            for f in check_project(project, ctx)]


def _funded(total: str, *extra):
    """The well-formed sample with a 成本 row of 80万元 in total, funded with ``total``万元."""
    project = sample(annual_total=D(total), annual_fiscal=D(total), annual_other=D("0"))
    project.indicators.append(
        row("产出指标", "成本指标", "培训总成本", "≤80万元", basis="预算支出标准"))
    project.indicators.extend(extra)
    return project


@pytest.mark.parametrize("fine_first", [True, False])
def test_a_row_fine_in_one_project_is_faulted_in_another(fine_first):
    # the same 成本 row, within a 100万元 project and above a 50万元 one (COST-02 reads the
    # project's funds); and the same 满意度 row, alone in one project and repeated in another
    # (ROW-02 reads the project's other rows)
    # (each kind twice first: a key is asked which rules speak when it repeats, and its answer
    # is used from the third row on)
    fine = _funded("100")
    faulted = _funded("50", row("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%"))
    ctx = context()
    first, then = (fine, faulted) if fine_first else (faulted, fine)
    order = [first, first.model_copy(deep=True), then]
    found = {id(p): _found(p, ctx) for p in order}
    assert ("COST-02", "培训总成本", "value") in found[id(faulted)]
    assert ("ROW-02", "参训人员满意度", "name") in found[id(faulted)]
    assert found[id(fine)] == []
    # the third project's 成本 row was answered from its key: COST-02 kept, as it reads the funds
    kept = ctx.speaking[ctx.plan.for_table(then.kind)][row_key(then.indicators[4])]
    assert "COST-02" in {rule.id for _check, rule, _severity in kept}
    # and each is what it is when checked alone
    for project in order:
        assert found[id(project)] == _found(project, context())


def _entry(check):
    return (check, None, None)


def test_a_rule_is_left_out_only_where_the_key_alone_makes_it_silent():
    ind = row("产出指标", "数量指标", "培训场次", "≥10场")
    ind.remark = "备注"
    silent = _entry(lambda f, p, ctx: None if f.ind.name and f.level1 else 1)
    empty = _entry(lambda f, p, ctx: iter(()))  # a rule yielding no hit says nothing

    def project_rule(f, p, ctx):
        return p.project  # the project is not in the key

    def place_rule(f, p, ctx):
        return None if f.position > 1 else None  # nor the row's place

    def remark_rule(f, p, ctx):
        return None if f.ind.remark else None  # nor a field outside KEY_FIELDS

    def swallowing_rule(f, p, ctx):
        try:
            return p.first_of
        except Exception:  # a rule's own handler cannot take the stop for its own
            return None

    speaking = _entry(lambda f, p, ctx: iter([1]))
    entries = (silent, empty, _entry(project_rule), _entry(place_rule), _entry(remark_rule),
               _entry(swallowing_rule), speaking)
    assert speaking_rules(entries, ind, context()) == entries[2:]
    assert "remark" not in KEY_FIELDS


def test_the_stand_in_stops_a_rule_at_anything_outside_the_key():
    seen = []

    def rule(f, p, ctx):
        seen.append((f.ind.name, f.ind.target, f.display))
        hash(f.ind.uuid)
        seen.append("looked at the uuid")

    ind = row("产出指标", "数量指标", "培训场次", "≥10场")
    with pytest.raises(OutsideKey):
        rule(*_stand_in(ind))
    assert seen == [("培训场次", D("10"), "≥10场")]


def _stand_in(ind):
    from perfdesk.checks.facts import UNKEYED, IndicatorFacts, keyed_row

    ctx = context()
    return IndicatorFacts(keyed_row(ind), UNKEYED, ctx), UNKEYED, ctx


def test_rows_share_a_key_only_when_they_read_alike():
    a = row("产出指标", "数量指标", "培训场次", "≥95")
    b = row("产出指标", "数量指标", "培训场次", "≥95")
    b.source_ref, b.remark = "表1!B7", "备注"  # where it came from does not change a finding
    assert row_key(a) == row_key(b)
    c = row("产出指标", "数量指标", "培训场次", "≥95.0")
    c.value_text = a.value_text
    assert c.target == a.target and row_key(c) != row_key(a)  # 95.0 prints unlike 95


def _corpus_projects():
    from tests.corpus.agreement import corpus_dirs, source_of

    from perfdesk.core.errors import PerfDeskError
    from perfdesk.io import read_table

    for folder in corpus_dirs():
        try:
            yield from read_table(source_of(folder), profile="88").projects
        except PerfDeskError:  # the few tables PerfDesk cannot import (corpus README)
            continue


def test_the_corpus_checked_in_one_context_as_each_project_alone():
    projects = list(_corpus_projects())
    assert len(projects) > 30
    shared = context(budget_year=None)
    together = [_found(p, shared) for p in projects]
    # rows seen first in another table speak exactly as in a check of their own project
    assert together == [_found(p, context(budget_year=None)) for p in projects]
    assert sum(map(len, together)) > 500
