"""Language of the core's messages (errors, check results, CLI output).

The core carries every user-facing message as a Chinese/English pair; this module decides which
half a user sees. Chinese is the default; English is used when the environment asks for it
(``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG`` starting with ``en``) or when the GUI sets it.
The GUI's own strings go through Qt Linguist; it calls :func:`set_language` so both agree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

ZH = "zh"
EN = "en"

_override: str | None = None


def set_language(lang: str | None) -> None:
    """Force ``"zh"`` or ``"en"``; ``None`` goes back to reading the environment."""
    global _override
    if lang is not None and lang not in (ZH, EN):
        raise ValueError(f"unknown language {lang!r}")
    _override = lang


def language() -> str:
    if _override is not None:
        return _override
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return EN if value.lower().startswith("en") else ZH
    return ZH


@dataclass(frozen=True, slots=True)
class Text:
    """A message in both languages; ``str()`` gives the current one."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.zh if language() == ZH else self.en

    def format(self, **kwargs: object) -> "Text":
        return Text(self.zh.format(**kwargs), self.en.format(**kwargs))


def tr(zh: str, en: str, **kwargs: object) -> str:
    """The message in the current language, formatted with ``kwargs``."""
    return str(Text(zh, en).format(**kwargs)) if kwargs else str(Text(zh, en))
