"""The app's own settings, declared once (key, type, default) over QSettings.

Settings live in ``settings.ini`` in the app-data folder (beside the executable in portable
mode, under ``$PERFDESK_HOME`` in tests), never in the Windows registry: a PerfDesk run from a
USB stick leaves nothing behind on the PC.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from perfdesk.core.paths import app_data_dir

T = TypeVar("T")

MAX_RECENT = 10


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    kind: type


LANGUAGE = Setting("ui/language", "zh_CN", str)  # "zh_CN" or "en"
RECENT_FILES = Setting("files/recent", (), tuple)  # most recent first
LAST_FOLDER = Setting("files/last_folder", "", str)  # last folder of a file dialog
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray(), QByteArray)
WINDOW_STATE = Setting("window/state", QByteArray(), QByteArray)
MAIN_SPLITTER = Setting("window/main_splitter", QByteArray(), QByteArray)
EDITOR_SPLITTER = Setting("window/editor_splitter", QByteArray(), QByteArray)
ENTER_MOVES = Setting("grid/enter_moves", "down", str)  # "down" (as Excel) or "right"
FILLED_BY = Setting("export/filled_by", "", str)  # 填报人, remembered for exports and PDF
PHONE = Setting("export/phone", "", str)  # 联系电话


class Settings:
    """Typed access to the settings file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or app_data_dir() / "settings.ini"
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        value: Any = self._q.value(setting.key, None)
        if value is None:
            return setting.default
        if setting.kind is tuple:
            if isinstance(value, str):  # QSettings returns a one-item list as a string
                return (value,) if value else ()  # type: ignore[return-value]
            return tuple(str(v) for v in value)  # type: ignore[return-value]
        if setting.kind is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray(value)
        if setting.kind is bool:
            return (value if isinstance(value, bool) else str(value).lower() == "true")  # type: ignore[return-value]
        try:
            return setting.kind(value)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        self._q.setValue(setting.key, list(value) if setting.kind is tuple else value)
        self._q.sync()

    def recent_files(self) -> list[Path]:
        """Recent datasets that still exist, most recent first."""
        return [Path(p) for p in self.get(RECENT_FILES) if Path(p).exists()]

    def add_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        others = [p for p in self.get(RECENT_FILES) if p != text]
        self.set(RECENT_FILES, tuple([text, *others][:MAX_RECENT]))

    def remove_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self.set(RECENT_FILES, tuple(p for p in self.get(RECENT_FILES) if p != text))
