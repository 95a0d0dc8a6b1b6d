"""Make PerfDeskSerifSC-Regular.otf, the Chinese font PerfDesk ships, from Noto Serif CJK SC.

Why a font ships at all: the PDF of the detailed form must embed a Chinese font on every
machine, including ones with no CJK font installed (a bare Wine prefix in CI, a stripped-down
Windows image), and the window needs a last-resort font there too. Why a subset of a 宋体-style
serif: official forms are printed in 宋体; the whole Noto Serif CJK collection is ~50 MB, while
GB 2312 (6,763 characters, what nearly all budget documents use) plus punctuation is ~4 MB.
Why our own copy even where Noto is installed: the full Noto fonts map each Kangxi radical
(U+2F00…) to the same glyph as its ideograph, and Qt's PDF writer then labels 目 as ⽬, so text
copied or searched in the PDF is wrong; the subset has the ideographs only.

Run it only to remake the font (the result is committed), with fontTools installed
(``pip install fonttools``, part of the ``build`` extra) and the Noto Serif CJK fonts present
(Debian: ``apt-get install fonts-noto-cjk``)::

    python resources/fonts/make_subset.py [path/to/NotoSerifCJK-Regular.ttc]

It takes about two minutes. The licence (OFL 1.1) is in OFL.txt beside the font.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
SOURCE_FAMILY = "Noto Serif CJK SC"
OUTPUT = HERE / "PerfDeskSerifSC-Regular.otf"
FAMILY = "PerfDesk Serif SC"
POSTSCRIPT = "PerfDeskSerifSC-Regular"

# Beyond GB 2312: full-width forms, punctuation and symbols that clerks type or paste.
EXTRA_RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1: ×, ÷, °, ±, ·, ¥ …
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2030, 0x203B),  # ‰, ′, ″, ※
    (0x2103, 0x2103), (0x2116, 0x2116), (0x2122, 0x2122),  # ℃ № ™
    (0x2160, 0x216B),  # Ⅰ…Ⅻ
    (0x2190, 0x2193),  # arrows
    (0x2264, 0x2265), (0x2260, 0x2260), (0x2266, 0x2267),  # ≤ ≥ ≠ ≦ ≧
    (0x2460, 0x2473),  # ①…⑳
    (0x3000, 0x301F),  # CJK punctuation: 、。〈〉《》「」『』【】〔〕〖〗
    (0x3220, 0x3229),  # ㈠…㈩
    (0x338E, 0x33A1), (0x33C4, 0x33CE),  # ㎎ ㎏ ㎜ ㎝ ㎞ ㎡ ㏄ ㏎
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF01, 0xFF5E),  # full-width ASCII: ＞＜＝％（）
    (0xFFE0, 0xFFE5),  # ￠￡￢￣￤￥
)


def gb2312() -> set[str]:
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def wanted() -> set[str]:
    """Every character the font must hold: GB 2312, the extras, and whatever PerfDesk's own
    vocabulary and sample data use (the traditional category names it reads, for one)."""
    chars = gb2312()
    for first, last in EXTRA_RANGES:
        chars.update(chr(c) for c in range(first, last + 1))
    sys.path.insert(0, str(ROOT))
    from perfdesk.core import taxonomy

    chars.update(taxonomy._TRADITIONAL)
    for sample in (ROOT / "resources" / "samples").glob("*.txt"):
        chars.update(sample.read_text(encoding="utf-8"))
    return {c for c in chars if c.isprintable() or c == "\u3000"}


def source_font(path: Path) -> TTFont:
    collection = TTCollection(str(path))
    for number, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == SOURCE_FAMILY:
            return TTFont(str(path), fontNumber=number)
    raise SystemExit(f"{SOURCE_FAMILY} is not in {path}")


def rename(font: TTFont) -> None:
    """A Modified Version gets its own name (OFL §3; and 'Noto' is a trademark), which also
    keeps it from clashing with a full Noto Serif CJK SC installed on the same machine."""
    names = font["name"]
    version = names.getDebugName(5) or ""
    for record in list(names.names):
        if record.nameID in (1, 4, 16, 21):
            names.setName(FAMILY if record.nameID != 4 else f"{FAMILY} Regular",
                          record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (6, 20):
            names.setName(POSTSCRIPT, record.nameID, record.platformID, record.platEncID,
                          record.langID)
        elif record.nameID == 3:
            names.setName(f"{version};{POSTSCRIPT}", 3, record.platformID, record.platEncID,
                          record.langID)
        elif record.nameID in (7, 17, 18, 22):
            names.removeNames(nameID=record.nameID)
    names.setName("Subset of Noto Serif CJK SC Regular (GB 2312 and punctuation) made for "
                  "PerfDesk by resources/fonts/make_subset.py.", 10, 3, 1, 0x409)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [POSTSCRIPT]
        top = cff.topDictIndex[0]
        top.FullName = f"{FAMILY} Regular"
        top.FamilyName = FAMILY


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else SOURCE
    font = source_font(path)
    chars = wanted()
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = ["kern", "vert", "vrt2", "fwid", "hwid", "halt", "palt"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(font)
    rename(font)
    font.save(str(OUTPUT))
    print(f"{OUTPUT.name}: {len(chars)} characters, {OUTPUT.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
