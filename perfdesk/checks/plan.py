"""Which rules run, given the profile and the settings: the plan a context builds once.

Two relations between rules keep the list a clerk sees short and specific, and the plan holds
both: ``fallback`` rules (VAL-13) speak only when no other rule said anything about the same
field of the same indicator, and ``supersedes`` drops a general rule when a specific one fired
on the same indicator (SAT-02 says more than VAL-02 about a 满意度 target without ``≥``).
"""

from __future__ import annotations

from collections.abc import Iterable

from perfdesk.checks.catalogue import INDICATOR, PROJECT, RULES

# One cause, one finding: where several of these rules describe the indicator as stated (its
# name and its 指标值, one cell for the reader) only the first in this order reports it —
# ``满意度 | 全民提升`` is SAT-01 (no percentage), not VAL-07 (vague) too; ``资金支出率 | 95%``
# under 数量指标 is IN-02 (not a result at all), not VAL-15 (a rate as a quantity) too; a
# sentence with a vague word in it is a sentence first (VAL-12 before VAL-07).
PRECEDENCE = ("ROW-03", "ROW-04", "SAT-01", "IN-01", "IN-02", "VAL-08", "VAL-16", "VAL-14",
              "VAL-12", "VAL-07", "VAL-11", "VAL-01", "VAL-13", "ROW-05", "VAL-15", "UNIT-01", "FIT-01",
              "VAL-02")
RANK = {rule_id: n for n, rule_id in enumerate(PRECEDENCE)}
# ``BESIDE``: rule -> the rules beside which alone it is dropped.
# A missing comparator (VAL-02) is its own cause beside a finding that keeps the value and moves
# or relabels the row — a rate under 数量指标 (VAL-15), a unit that does not fit (UNIT-01), a row
# under the wrong level 2 (FIT-01): the value stays, and still needs its ≥/≤/＝ (c04: “100%都没有
# 计算符号”). It is dropped only beside a finding that says the value or the indicator itself must
# be rewritten (a slogan, a sentence, a vague word, a spending indicator …).
# The same holds for a task sentence as the name (ROW-05) beside a finding on the 指标值 alone —
# a vague word (VAL-07), a word that is no grade (VAL-11), a sentence as the value (VAL-12): the
# name and the value are each to be rewritten (a08: “改善……生活质量，提升……。| 显著改善”). It is
# dropped beside a finding that already says the name is something else than an indicator: the
# template's words (ROW-04), a spending or input indicator (IN-01, IN-02), a formula (VAL-08),
# an entitlement (VAL-16), a slogan with a bare percentage (VAL-14), a satisfaction without a
# percentage (SAT-01).
BESIDE = {"VAL-02": frozenset(PRECEDENCE[:RANK["VAL-15"]]),
          "ROW-05": frozenset(("ROW-04", "SAT-01", "IN-01", "IN-02", "VAL-08", "VAL-16",
                               "VAL-14"))}
STATED = frozenset(("name", "value"))  # the fields PRECEDENCE compares findings in


class Plan:
    """The rules a context runs, with their severity in its profile, ready to call: project
    rules, and for each kind of indicator row the indicator rules that apply to it (see
    :data:`PRECEDENCE` for what is left out when several speak of one cause).

    A context's plan holds every rule; a project is checked by the plan of its kind of table
    (:meth:`for_table`), which leaves out the rules that do not speak on it (the 自评表's EVAL
    rules on a 申报表), so no row of another kind of table pays for them."""

    __slots__ = ("project", "_indicator", "_blank", "_by_kinds", "superseding", "_profile",
                 "_off", "_errors", "table_kind", "_tables")

    def __init__(self, profile: str, disabled: Iterable[str],
                 table_kind: str | None = None) -> None:
        off = set(disabled)
        self._profile, self._off, self._errors = profile, off, None
        self.table_kind, self._tables = table_kind, {}
        active = [r for r in RULES.values() if r.id not in off and r.applies_to(table_kind)]
        self.project = tuple((r.check, r, r.severity_for(profile))
                             for r in active if r.scope == PROJECT)
        indicator = [r for r in active if r.scope == INDICATOR]
        indicator.sort(key=lambda r: r.fallback)  # stable: catalogue order otherwise
        self._indicator = tuple((r.when_mask, (r.check, r, r.severity_for(profile)))
                                for r in indicator)
        self._blank = tuple(entry for _mask, entry in self._indicator if entry[1].on_blank)
        self._by_kinds: dict[int, tuple] = {}
        self.superseding = frozenset(r.id for r in active if r.supersedes)

    def runs(self, rule_id: str) -> bool:
        """Whether the rule is on in this plan (a rule that leaves a cause to another asks)."""
        return rule_id not in self._off and RULES[rule_id].applies_to(self.table_kind)

    def for_table(self, table_kind: str) -> "Plan":
        """The plan that checks a project of this kind (:attr:`Project.kind`): these rules
        but those that do not speak on such a table; one per kind, kept."""
        if self.table_kind == table_kind:
            return self
        plan = self._tables.get(table_kind)
        if plan is None:
            plan = self._tables[table_kind] = Plan(self._profile, self._off, table_kind)
        return plan

    def for_row(self, kinds: int, blank: bool) -> tuple:
        """(check, rule, severity) of the indicator rules to run on a row of these kinds."""
        if blank:
            return self._blank
        found = self._by_kinds.get(kinds)
        if found is None:
            found = self._by_kinds[kinds] = tuple(
                entry for mask, entry in self._indicator if mask & kinds == mask)
        return found

    def errors_only(self) -> "Plan":
        """The plan that finds exactly this plan's errors, without the rules that can neither
        give an error nor take one away: a count of projects with errors runs it. Kept: every
        rule whose finding may be an error, and, until nothing changes, every rule that can
        drop a kept one (it supersedes it, or ranks before it in :data:`PRECEDENCE`); a kept
        fallback rule keeps every rule, since any finding on its field silences it."""
        if self._errors is None:
            active = [r for r in RULES.values()
                      if r.id not in self._off and r.applies_to(self.table_kind)]
            kept = {r.id for r in active if r.may_be_error(self._profile)}
            while True:
                worst = max((RANK[k] for k in kept if k in RANK), default=-1)
                more = {r.id for r in active
                        if set(r.supersedes) & kept or RANK.get(r.id, len(RANK)) < worst}
                if any(RULES[k].fallback for k in kept):
                    more = {r.id for r in active}
                if more <= kept:
                    break
                kept |= more
            self._errors = Plan(self._profile,
                                self._off | {r.id for r in active if r.id not in kept},
                                self.table_kind)
        return self._errors
