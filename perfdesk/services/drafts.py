"""What a clerk was typing into a grid cell, kept beside the dataset until the cell is done.

A cell editor's text is not an edit until the clerk confirms it (Enter, Tab, leaving the cell);
if PerfDesk dies meanwhile, that text would be lost without a word. After a short pause in
typing the window keeps it as a draft in a small file next to the dataset
(``<name>.perfdesk.draft``, written whole or not at all) and removes it once the cell is
confirmed or abandoned. Reopening the dataset finds a draft left behind and offers it back.
The dataset itself is never touched, so a draft never shows in its history or its undo.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

SUFFIX = ".draft"


@dataclass(frozen=True, slots=True)
class Draft:
    """The text being typed into one cell: the indicator's project and uuid, the grid
    column's field (``"value"``, ``"name"`` …) and the text as typed so far."""

    project_uuid: str
    indicator_uuid: str
    field: str
    text: str


def draft_path(dataset_path: str | Path) -> Path:
    path = Path(dataset_path)
    return path.with_name(path.name + SUFFIX)


def save_draft(dataset_path: str | Path, draft: Draft) -> None:
    """Keep ``draft``, replacing the one kept before; a failure to write is not the clerk's
    problem (the text is still in the open editor), so it is ignored."""
    target = draft_path(dataset_path)
    temporary = target.with_name(target.name + ".tmp")
    try:
        temporary.write_text(json.dumps(asdict(draft), ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        pass


def read_draft(dataset_path: str | Path) -> Draft | None:
    """The draft left beside the dataset, or ``None`` (none, or not readable)."""
    try:
        data = json.loads(draft_path(dataset_path).read_text(encoding="utf-8"))
        return Draft(**{k: str(data[k]) for k in Draft.__slots__})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def clear_draft(dataset_path: str | Path) -> None:
    try:
        draft_path(dataset_path).unlink()
    except OSError:
        pass
