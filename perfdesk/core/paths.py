"""Where PerfDesk finds its resources and keeps its own files.

- Resources (Excel templates, sample data, translations, icons) come from the ``resources/``
  folder of a checkout, the installed ``perfdesk.resources`` package, or the frozen bundle.
- The app's own files (settings, logs, recent files) live in the user's app-data folder, or in a
  ``PerfDesk-data`` folder beside the executable when a ``portable`` marker file sits next to it
  (running from a USB stick), or under ``$PERFDESK_HOME`` when that is set (tests set it so they
  never touch a real user's folders).
- New datasets default to the user's documents folder, never next to the program.
"""

from __future__ import annotations

import os
import sys
from importlib import resources as _resources
from pathlib import Path

APP_NAME = "PerfDesk"
PORTABLE_MARKER = "portable"
PORTABLE_DATA = "PerfDesk-data"
DATASET_EXTENSION = ".perfdesk"  # one dataset, one SQLite file


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def executable_dir() -> Path:
    return Path(sys.executable).resolve().parent


def resources_dir() -> Path:
    """The folder holding PerfDesk's resources, wherever PerfDesk runs from."""
    if is_frozen():
        base = Path(getattr(sys, "_MEIPASS", executable_dir()))
        return base / "perfdesk" / "resources"
    return Path(str(_resources.files("perfdesk.resources")))


def resource(*parts: str) -> Path:
    """A file under the resources folder (``resource("samples", "seed.txt")``)."""
    return resources_dir().joinpath(*parts)


def portable_dir() -> Path | None:
    """The data folder beside the executable in portable mode, else ``None``."""
    if not is_frozen():
        return None
    exe_dir = executable_dir()
    return exe_dir / PORTABLE_DATA if (exe_dir / PORTABLE_MARKER).exists() else None


def app_data_dir() -> Path:
    """Settings, logs and recent files (created on first use)."""
    override = os.environ.get("PERFDESK_HOME")
    if override:
        path = Path(override)
    elif (portable := portable_dir()) is not None:
        path = portable
    elif sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.environ.get("APPDATA") or Path.home()
        path = Path(base) / APP_NAME
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / APP_NAME
    else:
        base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
        path = Path(base) / "perfdesk"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = app_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def documents_dir() -> Path:
    """Where new datasets go by default: Documents/PerfDesk (app data under $PERFDESK_HOME)."""
    override = os.environ.get("PERFDESK_HOME")
    if override:
        path = Path(override) / "datasets"
    else:
        docs = Path.home() / "Documents"
        if sys.platform == "win32":
            docs = Path(os.environ.get("USERPROFILE", Path.home())) / "Documents"
        path = (docs if docs.is_dir() else Path.home()) / APP_NAME
    return path
