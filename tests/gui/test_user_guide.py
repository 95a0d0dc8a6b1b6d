"""The user guide (docs/用户指南.md) stays whole: its pictures exist, its links within the page
lead somewhere, and its table of keys names every key the window binds."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from tests.support.paths import ROOT

from perfdesk.gui.window.actions import KEYS

DOCS = ROOT / "docs"
GUIDE = DOCS / "用户指南.md"


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def heading_anchor(title: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to '-'."""
    kept = "".join(ch for ch in title.strip().lower()
                   if unicodedata.category(ch)[0] in "LMN" or ch in "-_ ")
    return kept.replace(" ", "-")


def test_every_picture_of_the_guide_exists():
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide())
    assert len(pictures) >= 10
    missing = [p for p in pictures if not (DOCS / p).is_file()]
    assert not missing


def test_every_link_within_the_guide_leads_to_a_heading():
    text = guide()
    anchors = {heading_anchor(m) for m in re.findall(r"^#+\s+(.*)$", text, re.M)}
    broken = [a for a in re.findall(r"\]\(#([^)]+)\)", text) if a not in anchors]
    assert not broken


def test_the_table_of_keys_names_every_key_the_window_binds():
    section = guide().split("## 7 ", 1)[1]
    shown = {key.replace("Up", "↑").replace("Down", "↓") for keys in KEYS.values()
             for key in keys}
    assert not [key for key in sorted(shown) if key not in section]
