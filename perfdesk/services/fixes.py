"""Applying and undoing the certain corrections the checks offer, for every caller.

A :class:`~perfdesk.checks.Fix` is a pure description (these project fields, these fields of
these indicators); applying it is one edit of the dataset — one transaction, all of it or
nothing — returning the :class:`~perfdesk.core.changes.ChangeSet` the GUI's undo stack keeps
and the CLI's ``check --fix`` reports. Undoing it is writing that change set's inverse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfdesk.core.changes import INDICATOR, PROJECT, Changed, ChangeSet

if TYPE_CHECKING:  # pragma: no cover
    from perfdesk.checks import Finding, Fix
    from perfdesk.services.dataset import Dataset


def fix_request(project_uuid: str, fix: "Fix") -> ChangeSet:
    """The field changes of ``fix``, as a change set to write."""
    steps = []
    if fix.project_changes:
        steps.append(Changed(PROJECT, project_uuid, {}, dict(fix.project_changes)))
    for uuid, changes in fix.indicator_changes.items():
        if changes:
            steps.append(Changed(INDICATOR, uuid, {}, dict(changes), project_uuid))
    return ChangeSet(tuple(steps), "auto-fix")


def apply_fix(dataset: "Dataset", finding: "Finding") -> ChangeSet:
    """Apply ``finding.fix`` in one transaction; returns what changed (its inverse undoes it).

    If any of its changes is refused, none of them is made."""
    if finding.fix is None:
        raise ValueError(f"finding {finding.rule} has no fix")
    return dataset.apply(fix_request(finding.project_uuid, finding.fix))


def undo_fix(dataset: "Dataset", applied: ChangeSet) -> ChangeSet:
    """Put back what :func:`apply_fix` changed."""
    return dataset.apply(applied.inverse())
