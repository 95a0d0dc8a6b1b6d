"""What one edit changed in a dataset, as the dataset now holds it, and how to take it back.

Every edit of a dataset (a typed value, a paste of twenty rows, an import of a city's tables,
an auto-fix touching a project and three of its indicators, deleting a department with all it
holds) is one transaction, and it returns a :class:`ChangeSet`: the steps it took, in order,
each with the values the file kept (text as stored, decimals in the form stored, positions as
placed). The GUI's views refresh from those steps, never from what was sent; the undo stack
keeps them, because :meth:`ChangeSet.inverse` is the edit that takes them back and applying a
change set again redoes it.

A step is one of four kinds, each naming its ``entity`` (``"dataset"``, ``"department"``,
``"unit"``, ``"project"``, ``"indicator"``, ``"comment"``) and the entity's UUID:

- :class:`Changed`: fields of one entity, the old values and the stored new ones;
- :class:`Added` / :class:`Removed`: one entity put in or taken out of its parent at a
  position, with the whole item (a project carries its indicators);
- :class:`Moved`: one entity taken from one place and put at another.

Steps are read in order, each position as it was at that moment: removing the rows at 1 and 3
of five is ``Removed(…, 1)`` then ``Removed(…, 2)``. The inverse reverses the order and turns
each step around, so it, too, reads in order. Nothing here touches a file: change sets are
plain values the storage layer writes and the services return.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Union

DATASET, DEPARTMENT, UNIT, PROJECT, INDICATOR = (
    "dataset", "department", "unit", "project", "indicator")
COMMENT = "comment"  # a 审核意见 (perfdesk.core.review): anchored by UUIDs, not a child of them
# a 报送记录 entry (a submission sent or received; item: its record), so that receiving one is
# one undoable step with the projects it brought; its uuid is "<direction>:<submission id>"
SUBMISSION = "submission"
# a 部门整体 target's 年度主要任务 (perfdesk.core.model.Task), a child of its project like an
# indicator
TASK = "task"
ENTITIES = (DATASET, DEPARTMENT, UNIT, PROJECT, INDICATOR, COMMENT, SUBMISSION, TASK)
PARENT = {DEPARTMENT: "", UNIT: DEPARTMENT, PROJECT: UNIT, INDICATOR: PROJECT, COMMENT: "",
          SUBMISSION: "", TASK: PROJECT}


@dataclass(frozen=True, slots=True)
class Department:
    """A 主管部门 as a change set carries it (its units come as steps of their own)."""

    uuid: str
    name: str
    code: str = ""


@dataclass(frozen=True, slots=True)
class Unit:
    """A 预算单位 as a change set carries it (its projects come as steps of their own)."""

    uuid: str
    name: str
    code: str = ""


@dataclass(frozen=True, slots=True)
class Changed:
    """Fields of one entity changed from ``old`` to ``new`` (the values as stored).

    ``parent`` is the project of an indicator (so a view knows which project to refresh)."""

    entity: str
    uuid: str
    old: Mapping[str, Any]
    new: Mapping[str, Any]
    parent: str = ""

    def inverse(self) -> "Changed":
        return Changed(self.entity, self.uuid, self.new, self.old, self.parent)

    @property
    def fields(self) -> list[str]:
        return list(self.new)


@dataclass(frozen=True, slots=True)
class Added:
    """``item`` was put into ``parent`` at ``position`` (``None`` in a request: at the end)."""

    entity: str
    uuid: str
    parent: str
    position: int | None
    item: Any

    def inverse(self) -> "Removed":
        return Removed(self.entity, self.uuid, self.parent, self.position, self.item)


@dataclass(frozen=True, slots=True)
class Removed:
    """``item`` was taken out of ``parent`` where it stood at ``position``."""

    entity: str
    uuid: str
    parent: str
    position: int | None
    item: Any

    def inverse(self) -> Added:
        return Added(self.entity, self.uuid, self.parent, self.position, self.item)


@dataclass(frozen=True, slots=True)
class Moved:
    """One entity went from ``old_position`` in ``old_parent`` to ``new_position`` in
    ``new_parent`` (the same parent when it moved among its siblings)."""

    entity: str
    uuid: str
    old_parent: str
    old_position: int | None
    new_parent: str
    new_position: int

    def inverse(self) -> "Moved":
        assert self.old_position is not None, "a request cannot be inverted"
        return Moved(self.entity, self.uuid, self.new_parent, self.new_position,
                     self.old_parent, self.old_position)


Step = Union[Changed, Added, Removed, Moved]


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """The steps of one edit, in order (empty when the edit changed nothing).

    Attributes:
        steps: what happened, each step with the values the dataset now holds.
        operation: what the edit was, in the words of the change log (``"import"``).
    """

    steps: tuple[Step, ...] = ()
    operation: str = field(default="", compare=False)

    def __bool__(self) -> bool:
        return bool(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def inverse(self) -> "ChangeSet":
        """The edit that takes this one back (apply it, and the dataset is as before)."""
        return ChangeSet(tuple(step.inverse() for step in reversed(self.steps)),
                         f"undo {self.operation}".strip())

    def then(self, later: "ChangeSet") -> "ChangeSet":
        """This edit followed by ``later`` as one (typing merged into one undo step): field
        changes of the same entity that follow each other become one."""
        steps = list(self.steps)
        for step in later.steps:
            last = steps[-1] if steps else None
            if (isinstance(step, Changed) and isinstance(last, Changed)
                    and (last.entity, last.uuid) == (step.entity, step.uuid)):
                old = {**step.old, **last.old}
                new = {**last.new, **step.new}
                steps[-1] = Changed(step.entity, step.uuid, old, new, step.parent or last.parent)
            else:
                steps.append(step)
        return ChangeSet(tuple(steps), self.operation or later.operation)

    # --- reading ----------------------------------------------------------------------------

    def of(self, kind: type, entity: str | None = None) -> list[Any]:
        """The steps of one kind (``Added`` …), of one entity when given."""
        return [s for s in self.steps
                if isinstance(s, kind) and (entity is None or s.entity == entity)]

    def added_uuids(self, entity: str) -> list[str]:
        return [s.uuid for s in self.of(Added, entity)]

    def removed_uuids(self, entity: str) -> list[str]:
        return [s.uuid for s in self.of(Removed, entity)]

    def stored(self, entity: str, uuid: str) -> dict[str, Any]:
        """The new values of every field of one entity this edit changed."""
        values: dict[str, Any] = {}
        for step in self.of(Changed, entity):
            if step.uuid == uuid:
                values.update(step.new)
        return values

    def indicators_added(self) -> int:
        """How many indicators the dataset gained: added rows and those of added projects."""
        return (len(self.of(Added, INDICATOR))
                + sum(len(s.item.indicators) for s in self.of(Added, PROJECT)))

    def touches(self, *entities: str) -> bool:
        return any(step.entity in entities for step in self.steps)


def change_set(steps: Iterable[Step], operation: str = "") -> ChangeSet:
    return ChangeSet(tuple(steps), operation)
