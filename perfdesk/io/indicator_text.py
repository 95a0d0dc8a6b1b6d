"""The 绩效指标 cell of the disclosure table: numbered items in one text, read and written.

The published layout (domain.md §5.1) packs a project's indicators into one cell::

    1、产出指标：<三级指标>，年度指标值：<指标值>。2、效益指标：<三级指标>，年度指标值：<指标值>。

Real cells vary: a line break, a space or nothing between items; ``。`` instead of ``，`` before
年度指标值; a missing or doubled final ``。``; commas, colons and ``。`` inside names and values
(values are often whole sentences); a level-2 label (质量指标) or traditional characters in the
label. Items are therefore split where ``N、<category label>：`` begins — a label the taxonomy
knows, or a short label containing 指标 when its number is the next in sequence — and never on
punctuation. Inside an item, the first ``年度指标值：`` (or ``指标值：``) separates name and value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from perfdesk.core.taxonomy import TRADITIONAL_TO_SIMPLIFIED, all_category_names

_DIGITS = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)})
# Same length in and out, so positions found in the folded text hold in the original.
_FOLD = {**TRADITIONAL_TO_SIMPLIFIED, **_DIGITS}

_KNOWN = sorted(all_category_names(), key=len, reverse=True)
_NOT_LABEL = r"[^\s、：:，,。；;\d]"
_LABEL = (rf"(?P<known>{'|'.join(map(re.escape, _KNOWN))})(?=\s*[:：])"
          rf"|(?P<generic>{_NOT_LABEL}{{0,12}}指标{_NOT_LABEL}{{0,10}}?)(?=\s*[:：])")
_NUMBERED = re.compile(rf"(?P<digits>\d{{1,4}})\s*(?:[、.．]|[)）])\s*(?:{_LABEL})\s*[:：]")
_LEADING = re.compile(rf"^\s*(?P<known>{'|'.join(map(re.escape, _KNOWN))})\s*[:：]")
_AFTER_LINE = re.compile(rf"\n\s*(?P<known>{'|'.join(map(re.escape, _KNOWN))})\s*[:：]")
_VALUE_MARK = re.compile(r"[\s，,。.；;、]*(?:年度)?(?:指标值|目标值)\s*[:：]")
_TRAILING = "。．.；;，,、 \t\r\n\u3000"

VALUE_MARK = "，年度指标值："


@dataclass(frozen=True, slots=True)
class Item:
    """One numbered item of a 绩效指标 cell.

    Attributes:
        number: the item number as written (``None`` when unnumbered).
        label: the category label as written (trimmed).
        name: the 三级指标 text (trimmed, without the separator before 年度指标值).
        value: the 指标值 text (trimmed, without the final ``。``).
        source: the whole item as written, trimmed.
        has_value: whether the item had a 年度指标值 part at all.
    """

    number: int | None
    label: str
    name: str
    value: str
    source: str
    has_value: bool


@dataclass(frozen=True, slots=True)
class _Start:
    start: int  # where the item begins (its number)
    body: int  # just after the label's colon
    number: int | None
    label: str


def split_items(text: str) -> tuple[list[Item], str]:
    """The items of a 绩效指标 cell, and any text found before the first item."""
    if not text or not text.strip():
        return [], ""
    folded = text.translate(_FOLD)
    starts = _find_starts(text, folded)
    if not starts:
        return [], text.strip()
    prefix = text[: starts[0].start].strip()
    items = []
    for index, start in enumerate(starts):
        end = starts[index + 1].start if index + 1 < len(starts) else len(text)
        body = text[start.body:end]
        mark = _VALUE_MARK.search(folded[start.body:end])  # 年度指標值 reads as 年度指标值
        if mark:
            name, value = body[: mark.start()], body[mark.end():]
        else:
            name, value = body, ""
        items.append(Item(start.number, start.label, name.strip().rstrip(_TRAILING).strip(),
                          value.strip().rstrip(_TRAILING).strip(),
                          text[start.start:end].strip(), mark is not None))
    return items, prefix


def _find_starts(text: str, folded: str) -> list[_Start]:
    starts: list[_Start] = []
    expected = 1
    position = 0
    lead = _LEADING.match(folded)
    if lead:
        label = text[lead.start("known"):lead.end("known")]
        starts.append(_Start(lead.start(), lead.end(), None, label.strip()))
        position = lead.end()
        expected = 2
    for m in _NUMBERED.finditer(folded, position):
        digits = m.group("digits")
        known = m.group("known") is not None
        wanted = str(expected)
        begin = m.start("digits")
        if digits == wanted:
            number = expected
        elif digits.endswith(wanted) and starts:
            # "…共10场2、产出指标：" — the item number is glued to the previous value
            number = expected
            begin = m.end("digits") - len(wanted)
        elif known and (begin == 0 or not folded[begin - 1].isdigit()):
            number = int(digits)
        else:
            continue
        group = "known" if known else "generic"
        label = text[m.start(group):m.end(group)].strip()
        if starts and begin < starts[-1].body:
            continue
        starts.append(_Start(begin, m.end(), number, label))
        expected = number + 1
    if len(starts) <= 1 and not (starts and starts[0].number is not None):
        # unnumbered items, one per line
        for m in _AFTER_LINE.finditer(folded):
            if starts and m.start() < starts[-1].body:
                continue
            label = text[m.start("known"):m.end("known")]
            starts.append(_Start(m.start("known"), m.end(), None, label.strip()))
    return starts


def render_item(number: int, label: str, name: str, value: str) -> str:
    """One item in the published form: ``1、产出指标：<name>，年度指标值：<value>。``."""
    return f"{number}、{label}：{name}{VALUE_MARK}{value}。"


def render_cell(items: list[tuple[str, str, str]]) -> str:
    """The 绩效指标 cell for (label, name, value) triples, one item per line."""
    return "\n".join(render_item(n, label, name, value)
                     for n, (label, name, value) in enumerate(items, 1))
