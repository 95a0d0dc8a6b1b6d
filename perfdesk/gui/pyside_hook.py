"""PySide6's import hook, without its read of every module's source.

Once PySide6 is loaded, every later import passes through its hook for ``from __feature__
import snake_case`` (PySide's optional naming features, which PerfDesk never uses). To know
which modules the features apply to, the hook reads the whole source of each newly imported
module (``inspect.getsource``, which keeps the text in ``linecache``) and looks for the word
``PySide6``. Opening the first dataset imports some 300 modules after PySide6 (SQLAlchemy,
pydantic, the checks): run from source, that read cost about 0.13 s of CPU and 24 MB that stayed
in memory; in the frozen app, which has no sources, a failed file lookup for each module.

:func:`skip_source_scan` records each new module as the hook would, without reading it: PySide's
own modules and PerfDesk's GUI as users of PySide6 (``0``, "no feature"), the rest as modules
the features ignore (``-1``). With no feature ever selected the two behave alike.
"""

from __future__ import annotations

import sys

PYSIDE_USERS = ("PySide6", "shiboken6", "perfdesk.gui")


def skip_source_scan() -> bool:
    """Replace the hook's per-module scan; ``False`` (nothing changed) when this PySide6 has
    no such hook."""
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict) or not callable(getattr(feature, "feature_imported", None)):
        return False

    def feature_imported(module) -> None:
        name = getattr(module, "__name__", None)
        if isinstance(name, str) and name not in table:
            table[name] = 0 if name.startswith(PYSIDE_USERS) else -1

    feature.feature_imported = feature_imported  # the hook looks it up on every import
    return True
