"""How serious something is: error, warning or hint, and how many of each.

One scale serves everything PerfDesk says about a table: check findings (rules.md), what a
paste preview marks in a cell, and what an import had to guess. An error gets the table sent
back; a warning is what a reviewer would question; a hint is style and never blocks. The
counts (``● 3 错误 ▲ 5 警告``) are a :class:`Summary`; the colours of each level are the GUI's
business (``gui/severity_style.py``, keyed by :class:`Severity`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from perfdesk.core.i18n import Text


class Severity(StrEnum):
    """A level of the scale; equal to its name (``Severity.ERROR == "error"``), so it can
    stand wherever the plain word was stored or passed (JSON, Qt properties, settings)."""

    ERROR = "error"
    WARNING = "warning"
    HINT = "hint"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for hints (sort order, most serious first)."""
        return _RANK[self]

    @property
    def label(self) -> Text:
        """The level's name as a word on its own: 错误 / Error."""
        return _LABELS[self]

    @classmethod
    def of(cls, thing: Any) -> "Severity":
        """The severity of ``thing``: a Severity, its name, or anything with a ``severity``
        (a check finding, a paste problem, an import notice)."""
        if isinstance(thing, cls):
            return thing
        return cls(getattr(thing, "severity", thing))


ERROR, WARNING, HINT = Severity.ERROR, Severity.WARNING, Severity.HINT
ORDER = (ERROR, WARNING, HINT)  # most serious first

_RANK = {level: n for n, level in enumerate(ORDER)}
_LABELS = {ERROR: Text("错误", "Error"), WARNING: Text("警告", "Warning"),
           HINT: Text("提示", "Hint")}


def rank(thing: Any) -> int:
    """Sort key: most serious first (for findings, notes, or severities)."""
    return Severity.of(thing).rank


def worst(things: Iterable[Any]) -> Severity | None:
    """The most serious severity among ``things``, or ``None`` when there are none."""
    found = {Severity.of(t) for t in things}
    return next((level for level in ORDER if level in found), None)


@dataclass(frozen=True, slots=True)
class Summary:
    """How many errors, warnings and hints."""

    errors: int = 0
    warnings: int = 0
    hints: int = 0

    def __add__(self, other: "Summary") -> "Summary":
        return Summary(self.errors + other.errors, self.warnings + other.warnings,
                       self.hints + other.hints)

    @property
    def problems(self) -> int:
        """Errors and warnings: what a reviewer would send back or question."""
        return self.errors + self.warnings

    def count(self, level: Severity | str) -> int:
        return {ERROR: self.errors, WARNING: self.warnings, HINT: self.hints}[Severity(level)]

    def text(self) -> Text:
        """``错误 3，警告 5，提示 2``."""
        return Text("错误 {e}，警告 {w}，提示 {h}", "errors {e}, warnings {w}, hints {h}").format(
            e=self.errors, w=self.warnings, h=self.hints)


EMPTY_SUMMARY = Summary()


def summarise(things: Iterable[Any]) -> Summary:
    """The counts of ``things`` (findings, notes, or severities) by severity."""
    counts = dict.fromkeys(ORDER, 0)
    for thing in things:
        counts[Severity.of(thing)] += 1
    return Summary(counts[ERROR], counts[WARNING], counts[HINT])
