"""Chinese fonts for the window and for the PDF, on any machine.

Windows has Microsoft YaHei UI and SimSun, Linux desktops usually have Noto Sans CJK, but the
frozen app also runs where there is no CJK font at all (a bare Wine prefix in CI, a stripped
Windows image) and would show empty boxes. So PerfDesk ships one font,
``resources/fonts/PerfDeskSerifSC-Regular.otf`` (a GB 2312 subset of Noto Serif CJK SC, see
``resources/fonts/make_subset.py``), registers it at startup with :func:`install_fonts`, and:

- the window asks for the system's CJK UI fonts first and the bundled one last
  (:func:`ui_font_families`), so the bundled font shows only where nothing better exists;
- the PDF always uses the bundled font (:func:`print_family`): a 宋体-style face as official
  forms use, the same on every machine, embedded, and free of the Kangxi-radical mappings
  that make Qt label 目 as ⽬ in the PDF's text when the full Noto fonts are used. Characters
  outside the subset fall back to whatever the system has.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from perfdesk.core.paths import resource

log = logging.getLogger(__name__)

BUNDLED_FILE = "PerfDeskSerifSC-Regular.otf"
BUNDLED_FAMILY = "PerfDesk Serif SC"

# CJK fonts for the window, best first (ui.md: YaHei UI on Windows, Noto Sans CJK SC elsewhere).
UI_FAMILIES = (
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
    "Source Han Sans SC", "WenQuanYi Micro Hei", "SimSun",
)

_installed: str | None = None


def install_fonts() -> str:
    """Register the bundled font (once; needs a QGuiApplication) and return its family, or
    ``""`` when the file is missing or unreadable (a damaged install: the system's fonts are
    used then, and the problem is logged)."""
    global _installed
    if _installed is not None:
        return _installed
    path = resource("fonts", BUNDLED_FILE)
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("could not load the bundled font %s", path)
        _installed = ""
    else:
        _installed = families[0]
    return _installed


def ui_font_families() -> list[str]:
    """Font families for the window's font, in order: the installed CJK UI fonts, then the
    bundled font as the last resort. Use with ``QFont.setFamilies``."""
    available = set(QFontDatabase.families())
    families = [name for name in UI_FAMILIES if name in available]
    bundled = install_fonts()
    if bundled:
        families.append(bundled)
    return families


def ui_font(base: QFont) -> QFont:
    """``base`` (the platform's UI font) with the CJK fallbacks after its own family."""
    font = QFont(base)
    font.setFamilies([base.family(), *ui_font_families()])
    return font


def print_family() -> str:
    """The family the PDF is written in: the bundled 宋体-style font, or (if it could not be
    loaded) the best installed CJK font."""
    bundled = install_fonts()
    if bundled:
        return bundled
    installed = ui_font_families()
    return installed[0] if installed else QFont().family()
