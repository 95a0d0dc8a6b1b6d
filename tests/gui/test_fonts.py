"""The bundled Chinese font: registered at startup, small, covering what clerks write, and
last in the window's fallback list."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from perfdesk.core import taxonomy
from perfdesk.gui import fonts
from perfdesk.core.paths import resource
from tests.support.paths import SEED


def bundled_font() -> QFont:
    font = QFont(fonts.install_fonts())
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)  # no help from system fonts
    return font


def test_the_bundled_font_is_registered_under_its_own_name(qapp):
    assert fonts.install_fonts() == fonts.BUNDLED_FAMILY == "PerfDesk Serif SC"
    assert fonts.print_family() == "PerfDesk Serif SC"
    path = resource("fonts", fonts.BUNDLED_FILE)
    assert path.stat().st_size < 4 * 1024 * 1024  # "a few MB", not the 50 MB collection
    assert (path.parent / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE")


def test_it_has_every_character_of_the_sample_table_and_the_vocabulary(qapp):
    metrics = QFontMetrics(bundled_font())
    text = SEED.read_text(encoding="utf-8")
    text += "".join(taxonomy.all_category_names()) + "".join(taxonomy.COMPARATORS)
    text += "".join(taxonomy.COMMON_UNITS) + "".join(taxonomy.BASES)
    text += "年项目支出绩效目标申报表填报单位（盖章）：万元审核意见联系电话未通过检查≥≤＞＜＝％"
    missing = {c for c in set(text) if not c.isspace() and not metrics.inFontUcs4(ord(c))}
    assert missing == set()


def test_it_has_the_gb2312_ideographs(qapp):
    metrics = QFontMetrics(bundled_font())
    missing = []
    for high in range(0xB0, 0xF8):  # the ideograph rows of GB 2312
        for low in range(0xA1, 0xFF):
            try:
                char = bytes((high, low)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            if not metrics.inFontUcs4(ord(char)):
                missing.append(char)
    assert missing == []


def test_the_window_asks_for_system_cjk_fonts_first_and_the_bundled_one_last(qapp):
    families = fonts.ui_font_families()
    assert families[-1] == "PerfDesk Serif SC"
    assert all(name in fonts.UI_FAMILIES for name in families[:-1])
    font = fonts.ui_font(QFont("Arial", 10))
    assert font.families()[0] == "Arial" and font.families()[-1] == "PerfDesk Serif SC"
