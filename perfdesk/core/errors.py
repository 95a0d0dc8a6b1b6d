"""Errors a clerk can meet, each with a message in Chinese and English that says where.

Every failure the core expects (a wrong file, a locked dataset, a bad cell) is raised as a
:class:`PerfDeskError`. The CLI prints ``str(error)`` as one line and exits 2; the GUI shows the
same text in a dialog. Unexpected exceptions are bugs and are logged with their traceback.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from perfdesk.core.i18n import ZH, Text, language


@lru_cache(maxsize=256)
def file_name(file: str | Path) -> str:
    """A file's name as messages and stored references show it: bytes of the name that are not
    UTF-8 (a file from an old Chinese PC, its name in GBK) shown as �, never an error."""
    name = Path(file).name or str(file)
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def describe_location(file: str | Path | None, sheet: str | None, row: int | None,
                      column: str | None, lang: str | None = None) -> str:
    """``文件“a.xlsx”，工作表“表1”，第 5 行，“绩效指标”列`` (or the English), parts omitted when
    unknown. Errors and import notices both say where with this."""
    lang = lang or language()
    parts: list[str] = []
    if lang == ZH:
        if file:
            parts.append(f"文件“{file_name(file)}”")
        if sheet:
            parts.append(f"工作表“{sheet}”")
        if row is not None:
            parts.append(f"第 {row} 行")
        if column:
            parts.append(f"“{column}”列")
        return "，".join(parts)
    if file:
        parts.append(f"file '{file_name(file)}'")
    if sheet:
        parts.append(f"sheet '{sheet}'")
    if row is not None:
        parts.append(f"row {row}")
    if column:
        parts.append(f"column '{column}'")
    return ", ".join(parts)


class PerfDeskError(Exception):
    """A failure with a user-facing bilingual message and an optional location.

    Attributes:
        text: the message without the location.
        file, sheet, row, column: where the problem is (any may be ``None``).
    """

    def __init__(
        self,
        zh: str,
        en: str,
        *,
        file: str | Path | None = None,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.text = Text(zh, en)
        self.file = str(file) if file is not None else None
        self.sheet = sheet
        self.row = row
        self.column = column
        super().__init__(self.message(ZH))

    def location(self, lang: str | None = None) -> str:
        return describe_location(self.file, self.sheet, self.row, self.column, lang)

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        text = self.text.zh if lang == ZH else self.text.en
        where = self.location(lang)
        if not where:
            return text
        return f"{where}：{text}" if lang == ZH else f"{where}: {text}"

    def __str__(self) -> str:
        return self.message()


class NotADatasetError(PerfDeskError):
    """The file is not a PerfDesk dataset (or is damaged); nothing was changed."""


class NewerSchemaError(PerfDeskError):
    """The dataset was written by a newer PerfDesk; it was left untouched."""


class DatasetLockedError(PerfDeskError):
    """Another PerfDesk has the dataset open for writing; it can still be opened read-only.

    Attributes:
        holder: what the other process wrote about itself (user, host, pid, since), if readable.
    """

    def __init__(self, zh: str, en: str, *, holder: dict[str, Any] | None = None,
                 file: str | Path | None = None) -> None:
        super().__init__(zh, en, file=file)
        self.holder = holder or {}


class ReadOnlyError(PerfDeskError):
    """An edit was attempted on a dataset opened read-only."""


class NotFoundError(PerfDeskError):
    """A department, unit, project or indicator that the caller named does not exist."""


class InvalidValueError(PerfDeskError):
    """A value that makes no sense for its field (a float for money, a year of 99999 …)."""


class Cancelled(PerfDeskError):
    """The clerk cancelled a long operation; nothing was changed."""

    def __init__(self) -> None:
        super().__init__("已取消，没有做任何改动。", "Cancelled; nothing was changed.")
