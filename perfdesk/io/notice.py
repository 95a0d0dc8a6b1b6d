"""A paragraph notice (公示): targets written as sentences, no grid (issue 11).

Some offices publish a project's targets as a notice rather than a table: an opening paragraph
naming the project, its funds and its overall goal, then one heading per level-1 category
(``一、 产出指标``) with the level-2 labels and the indicators written out in sentences::

    数量指标:★培训场次(≥**场)>=10场;参训率(≥**%)>=85;时效指标:完成及时率>=100%。

A clerk who has only this notice gets the project and its indicators: each clause is an
indicator whose target is the comparison at its end (``>=10场``), read by the one cell reader
(:class:`~perfdesk.core.entry.IndicatorRowReader`) like a grid's cells; the level-2 label before
it (``数量指标:`` or ``可持续影响指标,``) carries on until the next. Everything taken from a
sentence rather than a labelled cell (the project name, unit, funds, goal) is a guess and says
so in a notice naming the line; a clause with a name and no target comes in with an empty
target (the checks point at it).
"""

from __future__ import annotations

import re
from decimal import Decimal

from perfdesk.core.entry import IndicatorRowReader
from perfdesk.core.i18n import Text
from perfdesk.core.model import Indicator, Project
from perfdesk.core.severity import HINT, WARNING
from perfdesk.core.taxonomy import LabelKind, normalise_label, read_level1, standard_level2
from perfdesk.core.values import yuan_to_wan
from perfdesk.io.base import Notice, cell_text, reading_notices
from perfdesk.io.sources import Sheet

KIND = "notice"

_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．]\s*(?P<label>\S{2,10})\s*$")
# a label before an indicator: 数量指标: / 社会效益目标: / 可持续影响指标,
_LABEL = re.compile(r"^\s*(?P<label>[^\s:：,，;；。()（）]{2,12}?(?:指标|目标))\s*[:：,，]\s*")
_COMPARATOR = r"(?:>=|<=|≥|≤|≧|≦|＞＝|＜＝|＞|＜|>|<|＝|=|不低于|不少于|不高于|不超过|不大于|不小于)"
# the target at the end of a clause: a comparison, a number and its unit (not in brackets)
_TARGET = re.compile(rf"(?P<target>{_COMPARATOR}\s*\d+(?:\.\d+)?\s*[^\d\s,，;；。:：()（）≥≤<>=＞＜]{{0,6}})$")
_CLAUSES = re.compile(r"[；;。]")
_COMMA = re.compile(r"[,，]")
_STOP = re.compile(r"^\s*(?:附件|附表|特此公示|联系电话|监督电话)")
_DATE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_ISSUER = re.compile(r"(?:人民政府|委员会|局|中心|办公室|办事处|站|所|院|学校|公司)$")

_PROJECT = (re.compile(r"实施(?P<v>[^,，。；;:：]{4,60}?项目)"),
            re.compile(r"关于(?P<v>.{4,60}?项目)(?:的)?绩效目标"))
_FUNDS = re.compile(r"资金\s*(?P<v>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)")
_GOAL = re.compile(r"(?:总体)?绩效目标(?:是|为)\s*[:：]?\s*(?P<v>[^。]+。)")


def _headings(sheet: Sheet) -> list[tuple[int, str]]:
    """(row, level-1 category) of each heading line naming a level-1 category."""
    found = []
    for r in range(1, sheet.max_row + 1):
        m = _HEADING.match(_line(sheet, r))
        if m and read_level1("88", m.group("label")).kind in (LabelKind.STANDARD,
                                                             LabelKind.ALIAS):
            found.append((r, m.group("label")))
    return found


def _line(sheet: Sheet, r: int) -> str:
    """Line ``r`` as written: a text file's line that the reader split at its commas (taken
    for a CSV file's) is joined back with them."""
    return ",".join(cell_text(v) for v in sheet.rows[r - 1] if cell_text(v))


def looks_like_notice(sheet: Sheet) -> bool:
    """Lines of text (no grid) with at least two headings naming level-1 categories."""
    return len(_headings(sheet)) >= 2


def read_notice(sheet: Sheet, *, profile: str, grades: tuple[str, ...],
                notices: list[Notice]) -> Project | None:
    """The project a paragraph notice states, or ``None`` when it states no indicator."""
    headings = _headings(sheet)
    if len(headings) < 2:
        return None
    reader = IndicatorRowReader(profile, grades)
    indicators: list[Indicator] = []
    for index, (row, label) in enumerate(headings):
        end = headings[index + 1][0] - 1 if index + 1 < len(headings) else sheet.max_row
        for r in range(row + 1, end + 1):
            text = _line(sheet, r)
            if _STOP.match(text) or _DATE.match(text):
                break
            indicators += _indicators(text, label, reader, sheet, r, profile, notices)
    if not indicators:
        return None
    opening = "\n".join(_line(sheet, r) for r in range(1, headings[0][0]))
    project = Project(source_ref=sheet.location(1).ref(), indicators=indicators)
    _project_fields(project, sheet, opening, headings[0][0], notices)
    return project


def _indicators(text: str, level1: str, reader: IndicatorRowReader, sheet: Sheet, r: int,
                profile: str, notices: list[Notice]) -> list[Indicator]:
    where = sheet.location(r)
    found = []
    for clause in _CLAUSES.split(text):
        rest = clause.strip()
        while rest:
            rest, level2 = _labels(rest, level1, reader, profile, where, notices)
            if not rest:
                break
            name, target, rest = _first_indicator(rest)
            cells = {"level1": level1, "level2": level2, "name": name, "value": target}
            read = reader.read(cells, source_text=text, source_ref=where.ref())
            notices.extend(reading_notices(read.notes, where))
            found.append(read.indicator)
    return found


def _labels(text: str, level1: str, reader: IndicatorRowReader, profile: str, where,
            notices: list[Notice]) -> tuple[str, str]:
    """The clause without the category labels it starts with, and the level 2 in force."""
    level2 = ""
    while True:
        m = _LABEL.match(text)
        if not m:
            return text, level2
        label = normalise_label(m.group("label"))
        meaning = read_level1(profile, level1).level1
        if read_level1(profile, label).kind is LabelKind.STANDARD and \
                not standard_level2(profile, meaning, label):
            text = text[m.end():]  # the level-1 heading said again (效益指标:经济效益指标:…)
            continue
        if not standard_level2(profile, meaning, label) and label.endswith("目标") and \
                standard_level2(profile, meaning, label[:-2] + "指标"):
            standard = standard_level2(profile, meaning, label[:-2] + "指标")
            notices.append(Notice(Text(
                f"“{label}”读作二级指标“{standard}”。",
                f"'{label}' was read as the level-2 category '{standard}'."), where, HINT))
            label = standard
        if not standard_level2(profile, meaning, label):
            return text, level2  # not a category: the text is the indicator's name
        text, level2 = text[m.end():], label
        reader.categories.read(level1, label)


def _first_indicator(text: str) -> tuple[str, str, str]:
    """(name, target, what follows) of the first indicator of a clause: a comma ends an
    indicator only right after its target (``≥80万元,促使…``); otherwise it is in the name."""
    for m in _COMMA.finditer(text):
        head = text[: m.start()].strip()
        target = _TARGET.search(head)
        if target and target.start() > 0:
            return head[: target.start()].strip(), target.group("target"), text[m.end():].strip()
    target = _TARGET.search(text.strip())
    if target and target.start() > 0:
        return text.strip()[: target.start()].strip(), target.group("target"), ""
    return text.strip(), "", ""


def _project_fields(project: Project, sheet: Sheet, opening: str, first_heading: int,
                    notices: list[Notice]) -> None:
    """Name, funds and goal from the opening paragraph, the unit from the signature; each a
    guess from a sentence, said in a notice."""
    where = sheet.location(1)
    for pattern in _PROJECT:
        m = pattern.search(opening)
        if m:
            project.name = m.group("v").strip()
            notices.append(Notice(Text(
                f"公示中没有“项目名称”栏，项目名称按正文读作“{project.name}”，请核对。",
                f"The notice has no 项目名称 field; the project name was read from its text as "
                f"'{project.name}', please check."), where, WARNING))
            break
    m = _FUNDS.search(opening)
    if m:
        amount = Decimal(m.group("v"))
        if m.group("unit") == "元":
            amount = yuan_to_wan(amount)
        project.annual_total = amount
        notices.append(Notice(Text(
            f"年度资金总额按正文“{m.group(0)}”读作 {amount} 万元，请核对。",
            f"The annual total was read from '{m.group(0)}' as {amount} (10,000 yuan), please "
            "check."), where, WARNING))
    m = _GOAL.search(opening)
    if m:
        project.annual_goal = m.group("v").strip()
        notices.append(Notice(Text(
            "年度目标按正文中“绩效目标是”后面的一句读取，请核对。",
            "The annual goal was read from the sentence after 绩效目标是, please check."),
            where, WARNING))
    for r in range(sheet.max_row, first_heading, -1):
        if _DATE.match(_line(sheet, r)) and r > 1:
            issuer = _line(sheet, r - 1).strip()
            if _ISSUER.search(issuer) and len(issuer) <= 40:
                project.unit = issuer
                notices.append(Notice(Text(
                    f"公示中没有“预算单位”栏，预算单位按落款读作“{issuer}”，请核对。",
                    f"The notice has no 预算单位 field; the unit was read from its signature as "
                    f"'{issuer}', please check."), sheet.location(r - 1), WARNING))
            break
