"""Running the rules of a plan on projects: the findings of one project, or of many."""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING

from perfdesk.checks.catalogue import RULES, Finding, Hit
from perfdesk.checks.facts import (UNKEYED, IndicatorFacts, OutsideKey, ProjectFacts, keyed_row,
                                   row_key)
from perfdesk.checks.plan import BESIDE, RANK, STATED
from perfdesk.core.i18n import Text
from perfdesk.core.severity import ERROR, ORDER, Severity

if TYPE_CHECKING:  # pragma: no cover
    from perfdesk.checks.context import CheckContext
    from perfdesk.core.model import Indicator, Project


def check_project(project: "Project", context: "CheckContext", *,
                  worded: Collection[Severity] = ORDER) -> list["Finding"]:
    """Every finding for one project: header findings first, then each indicator's in order.

    Cheap enough to run on every keystroke: derived facts are computed once per call, and
    label readings, parsed values and settings-derived word lists are cached on ``context``.
    ``worded``: the severities whose messages are worded (all by default); a finding of
    another severity is found and counted just the same, with an empty message (a listing of
    errors only words no warning).
    """
    return list(_findings(project, context, worded=frozenset(worded)))


def has_errors(project: "Project", context: "CheckContext") -> bool:
    """Whether :func:`check_project` would give the project an error finding, without wording
    any message, and stopping at the first header or indicator holding one (its findings are
    final: later rules of other rows cannot take it away)."""
    return any(f.severity is ERROR for f in _findings(project, context, worded=_NONE))


def projects_with_errors(projects: Iterable["Project"], context: "CheckContext") -> set[str]:
    """The uuids of the projects having an error finding (what a count or a mark needs): the
    rules of the plan's :meth:`~perfdesk.checks.plan.Plan.errors_only`, run as
    :func:`check_projects` runs them, no message worded."""
    projects = list(projects)
    context = copy.copy(context.with_projects(projects))
    context.plan = context.plan.errors_only()
    return {p.uuid for p in projects if has_errors(p, context)}


# The message of a finding that is only counted, never shown.
_UNWORDED = Text("", "")
_NONE: frozenset[Severity] = frozenset()


def _findings(project: "Project", context: "CheckContext", *, worded: frozenset[Severity]
              ) -> Iterator["Finding"]:
    """The findings of one project, header first then indicator by indicator, each group
    final when it is yielded; only findings of the ``worded`` severities get their message
    (the others an empty one)."""
    plan = context.plan.for_table(project.kind)
    facts = ProjectFacts(project, context)
    puid = project.uuid
    findings: list[Finding] = []
    for check, rule, severity in plan.project:
        result = check(facts, context)
        if result is None:
            continue
        for h in _hits(result):
            level = h.severity or severity
            findings.append(Finding(
                rule.id, level, puid,
                h.indicator.uuid if h.indicator is not None else None, h.field,
                rule.message(h.variant, h.params) if level in worded else _UNWORDED, h.fix))
    # Project rules may point into an indicator (ROW-03): such findings are listed with the
    # indicator's own, and count for its fallback rules.
    pointed: dict[str, list[Finding]] = {}
    if findings:
        header = []
        for f in findings:
            if f.indicator_uuid is None:
                header.append(f)
            else:
                pointed.setdefault(f.indicator_uuid, []).append(f)
        findings = header
    yield from findings
    for_row = plan.for_row
    speaking = context.speaking.get(plan)
    if speaking is None:
        speaking = context.speaking[plan] = {}
    for item in facts.indicators:
        ind = item.ind
        key = row_key(ind)
        run = speaking.get(key)
        if run is None:  # a key seen for the first time: every rule runs, as on any row
            run = for_row(item.kinds, item.blank)
            if len(speaking) < _KEPT_ROWS:
                speaking[key] = _ONCE
        elif run is _ONCE:  # seen before: the key repeats, worth asking which rules speak
            run = speaking[key] = speaking_rules(for_row(item.kinds, item.blank), ind, context)
        uuid = ind.uuid
        found: list[Finding] | None = pointed.pop(uuid, None) if pointed else None
        for check, rule, severity in run:
            result = check(item, facts, context)
            if result is None:
                continue
            if found is None:
                found = []
            for h in _hits(result):
                if rule.fallback and any(f.field == h.field for f in found):
                    continue
                level = h.severity or severity
                found.append(Finding(rule.id, level, puid, uuid, h.field,
                                     rule.message(h.variant, h.params) if level in worded
                                     else _UNWORDED, h.fix))
        if not found:  # the common row: nothing to say
            continue
        if len(found) > 1:
            if plan.superseding:
                dropped = {d for f in found if f.rule in plan.superseding
                           for d in RULES[f.rule].supersedes}
                if dropped:
                    found = [f for f in found if f.rule not in dropped]
            found = _one_per_cause(found)
        yield from found
    for rest in pointed.values():  # pragma: no cover - rules point only at the project's rows
        yield from rest


# Distinct rows whose speaking rules a context keeps per plan (a live check adds one per edit).
_KEPT_ROWS = 20_000
# A key seen once: where no row repeats, asking the stand-in would only add to the cost.
_ONCE: tuple = ("seen once",)
_SPEAKING: dict[tuple, tuple] = {}  # one tuple per distinct list of rules to run (memory)


def speaking_rules(entries: tuple, ind: "Indicator", context: "CheckContext") -> tuple:
    """Those of a row's plan ``entries`` (check, rule, severity) that may say something on
    any row with ``ind``'s key (:func:`perfdesk.checks.facts.row_key`), in plan order: each
    rule is asked on a stand-in holding only the key (:func:`~perfdesk.checks.facts.keyed_row`),
    its place, uuid and project unknown; kept are the rules that found something there, and
    those that read anything the key does not hold (they run on each row as before). The
    others say nothing on such a row in any project, and are not run on it."""
    row = IndicatorFacts(keyed_row(ind), UNKEYED, context)  # type: ignore[arg-type]
    run = []
    for entry in entries:
        try:
            result = entry[0](row, UNKEYED, context)
            if result is not None and (isinstance(result, Hit) or any(True for _ in result)):
                run.append(entry)
        except OutsideKey:
            run.append(entry)
    found = tuple(run)
    if len(_SPEAKING) < 1_000:  # keyed by identity: the value keeps the entries alive
        found = _SPEAKING.setdefault(tuple(map(id, found)), found)
    return found


def _one_per_cause(found: list[Finding]) -> list[Finding]:
    """The findings of one indicator without those a higher rule of :data:`PRECEDENCE`
    already explains (on the name or the 指标值)."""
    ranked = [RANK[f.rule] for f in found if f.field in STATED and f.rule in RANK]
    if len(ranked) < 2:
        return found
    best = min(ranked)
    stated = {f.rule for f in found if f.field in STATED}
    return [f for f in found
            if f.field not in STATED or f.rule not in RANK or RANK[f.rule] == best
            or (f.rule in BESIDE and not stated & BESIDE[f.rule])]


def _hits(result: Hit | Iterable[Hit] | None) -> Iterable[Hit]:
    if result is None:
        return ()
    if isinstance(result, Hit):
        return (result,)
    return result


def check_projects(projects: Iterable["Project"], context: "CheckContext"
                   ) -> dict[str, list["Finding"]]:
    """Findings for many projects, keyed by project uuid, in the order given.

    Same-named projects of one 预算单位 (HDR-06) are found among the given projects as well as
    among the siblings the context knows.
    """
    projects = list(projects)
    context = context.with_projects(projects)
    return {p.uuid: check_project(p, context) for p in projects}
