"""How far the checker agrees with a reviewer on real tables (issue 12).

For every table of the real-tables corpus (``tests/corpus/tables/<id>/expected.json``; another
folder with ``PERFDESK_CORPUS_DIR``, several separated by ``:``), the projects and indicators
a careful clerk would get are re-entered as by hand in the official form (each row's cells
through the one reader of a row, :class:`perfdesk.core.entry.IndicatorRowReader`), checked,
and compared with the ``review`` list — what a careful reviewer sends back:

- **recall**: of the reviewer's comments that name a rule, how many a finding of that rule
  matches at the same project and indicator (the header for comments on no indicator);
- **at the place**: of all comments (with or without a rule), how many have some error or
  warning at that project and indicator;
- **false findings**: errors and warnings at indicators (or header rules) the reviewer did not
  fault, per 20 indicators; each one is listed.

Each row's comparator is re-entered as the source spells it on that row (``>=``, ``≧``, ``═``,
``95%以上``), and a cell whose published form differs from the clerk's reading (``published_as``:
``292%`` for ≥92%) as published: the reader rewrites a spelling in the standard form and tells
the clerk, and that note answers a VAL-03 comment (printed apart: "answered at entry"). Two
kinds of comment are answered by the import itself where no check speaks (printed apart:
"answered at import"): a 请补填主管部门 on a table that has no such field (the clerk picks the
unit at import, as issue 11 item 3 has it), and a 请删去模板行 on a table whose template rows
the importer leaves out, saying so; and a 请写成日期 on a 指标值 the table publishes as an Excel date
serial (``published_as``: ``44,561 …``) where importing the table's source reads the serial as
the date and says so (VAL-13, verified on the table's own import).
A self-evaluation or 部门整体 table is re-entered as that kind of project (``meta.json`` kind),
a self-evaluation's rows with their results typed into its own columns (全年实际值, 得分,
偏差原因), which the EVAL rules read.

A row the stored copy cut (expected.json marks it ``truncated``: c03's last 效益 row stops inside
its name, with no value) is re-entered as the file holds it, but what the checker says about it
(no value, no category…) says nothing about the published table: findings on a row the corpus
marks cut are left out of the false count, and how many were left out is printed with them
("on rows the stored copy cut"). Only rows the corpus marks so; every other finding counts.

Both figures are printed: against the annotation as written, and with ``added_after_checker``
(true defects the annotation missed, found when the checker's findings were gone through, each
with its reason and the guidance quoted; kept apart from ``review``, never merged into it).
A third is printed beside them: against both annotations, ``review`` and ``second_review`` (a
second annotator's review of the same table, written without seeing ``review`` or the checker's
output); an entry of ``second_review`` that names the same project, row and rule as a ``review``
entry is counted once, and so is one defect of a cell the two named by the two rules of a
declared pair (``SAME_DEFECT``: VAL-07/VAL-11, GOAL-03/GOAL-05), each in their one comment there;
it is then answered by either rule. ``added_after_checker`` is not part of it (both annotations
were written before the checker ran; the second was written without seeing the checker's output,
the "both annotations" figure is therefore the reference the issue's aims are judged on).

Usage: ``python bench/bench_recall.py [-v]`` (``-v`` lists every missed comment too).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from perfdesk.checks import CheckContext, Severity, check_projects  # noqa: E402
from perfdesk.core.entry import IndicatorRowReader  # noqa: E402
from perfdesk.core.model import DEPARTMENT_WHOLE, SELF_EVALUATION, Project  # noqa: E402
from perfdesk.core.values import Period, read_period  # noqa: E402
from perfdesk.io.reading import labelled_fields  # noqa: E402
from perfdesk.io.sources import read_source  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CELLS = ("level1", "level2", "name", "comparator", "value", "unit", "weight", "explanation",
         "basis")
SERIOUS = (Severity.ERROR, Severity.WARNING)
# The corpus was annotated with the IDs of shared/spec/rules.md; the rules of issue 12 that
# split a kind out of an old rule answer a comment naming the old one.
# So do the rules that took a kind over from another by the one-cause policy: the vague words a
# value that is no grade used to be faulted for (显著提升, 效果明显, 有效) are VAL-07's now and VAL-11
# stays silent there; a spending-only goal is GOAL-05's and GOAL-03 is not raised beside it.
SPLIT_FROM = {"IN-01": {"IN-02"}, "ROW-03": {"ROW-04"}, "VAL-12": {"ROW-05"},
              "VAL-11": {"VAL-07"}, "GOAL-03": {"GOAL-05"}}
# Header rules about a field that not every published layout has: where the table's layout has
# no such cell at all (its expected.json has no key for it), the re-entered form leaves it empty
# and the rule's finding says nothing about the published table. Such findings are listed
# apart ("not in the source layout"), neither false nor counted for recall. A key present with
# null means the layout had the cell and it was left empty: those findings count.
LAYOUT_FIELDS = {"HDR-03": ("attribute", "project_attribute"),
                 "HDR-04": ("period",),
                 "GOAL-01": ("goal",)}  # an evaluation-indicator table (d03) has no 年度目标 cell
# Rules about what a project covers or adds up to (its weights), which a table cut short by its stored copy (``incomplete``)
# cannot be judged on: the missing rows may be in the part that was cut.
COVERAGE = {"REQ-01", "REQ-02", "REQ-03", "REQ-04", "REQ-05", "WGT-01"}


def corpus_dirs() -> list[Path]:
    given = os.environ.get("PERFDESK_CORPUS_DIR")
    if given:
        return [Path(p) for p in given.split(os.pathsep) if p]
    return [ROOT / "tests" / "corpus" / "tables"]


def _money(text) -> Decimal | None:
    if text in (None, ""):
        return None
    try:
        return Decimal(str(text).replace(",", "").strip())
    except InvalidOperation:
        return None


def profile_of(expected: dict) -> str:
    level1s = {i.get("level1") for p in expected["projects"] for i in p["indicators"]}
    return "101" if "成本指标" in level1s else "88"


def _first(p: dict, *keys: str):
    """The first of several spellings of one header field that the corpus uses."""
    for key in keys:
        if p.get(key) not in (None, ""):
            return p[key]
    return None


# Comparators as tables spell them where the form asks for ≥ ≤ ＝ (VAL-03). expected.json holds
# the comparator as meant; a clerk copying the table types what the source cell says.
_SPELLINGS = (">=", "<=", "＞＝", "＜＝", "≧", "≦", "═", "以上", "以下")
_SPELT_AS = {">=": "≥", "<=": "≤", "＞＝": "≥", "＜＝": "≤", "≧": "≥", "≦": "≤", "═": "=",
             "以上": "≥", "以下": "≤"}


def source_lines(folder: Path | None) -> list[str]:
    text = folder / "source.txt" if folder else None
    return text.read_text(encoding="utf-8").splitlines() if text and text.exists() else []


def as_written(row: dict, cells: dict, lines: list[str]) -> dict:
    """The row's cells with the comparator spelt as the source writes it on the row's own line
    (right after the indicator's name), where that spelling means the expected comparator."""
    name, comparator = row.get("name") or "", row.get("comparator") or ""
    published = str(row.get("published_as") or "")
    if re.fullmatch(r"\d+(?:\.\d+)?%?", published):
        # the cell as published, where the clerk's reading differs (292% for ≥92%, the ≥ lost
        # in the page's font): a clerk copying the table types what it says
        return {**cells, "comparator": "", "value": published,
                "unit": "" if published.endswith("%") else cells["unit"]}
    if not name or not comparator:
        return cells
    for line in lines:
        at = line.find(name)
        if at < 0:
            continue
        after = line[at + len(name):at + len(name) + 40]
        spots = [(after.find(s), s) for s in _SPELLINGS if s in after]
        if not spots:
            return cells
        _at, spelling = min(spots)
        if _SPELT_AS[spelling] != comparator.replace("＝", "="):
            return cells
        if spelling in ("以上", "以下"):
            return {**cells, "comparator": "",
                    "value": f"{cells['value']}{cells['unit']}{spelling}", "unit": ""}
        return {**cells, "comparator": spelling}
    return cells


def spelling_note(reading) -> bool:
    """The reader wrote a comparator the table spelt otherwise in the standard form, and said so
    (CellNote: "计算符号“>=”已按规范写作“≥”", "指标值“95%以上”已按规范写作“≥95%”")."""
    return any(n.adjusted and n.field in ("comparator", "value") and "已按规范写作" in n.message.zh
               for n in reading.notes)


# What the clerk picks at import for a table that has no 主管部门/预算单位 field at all.
PICKED = {"department": "（导入时选择的主管部门）", "unit": "（导入时选择的预算单位）"}


def layout_lacks(folder: Path | None) -> frozenset[str]:
    """The owner fields (``department``, ``unit``) the source table has no label or column for
    in any of its files, read with the importer's own judgement
    (:func:`perfdesk.io.reading.labelled_fields`): there the table did not say who the project
    belongs to, and a clerk importing it picks the unit (issue 11 item 3)."""
    files = [folder / n for n in ("source.xlsx", "source.txt")] if folder else []
    files = [f for f in files if f.exists()]
    if not files:
        return frozenset()
    labelled: set[str] = set()
    for f in files:
        labelled |= labelled_fields(read_source(f).sheets)
    return frozenset({"department", "unit"} - labelled)


# What the importer says when it leaves the template's own rows out of a table (an unfilled
# 指标1/指标2 row, a …… placeholder row, the 指标1 numbering in front of a name).
_TEMPLATE_NOTICES = ("模板中未填写的指标行", "占位行", "指标名称前的模板编号")


_imports: dict[Path, object] = {}


def imported(folder: Path | None):
    """The table as importing its own source gives it (as a clerk would, the spreadsheet
    first), read once per folder; ``None`` where no source is read."""
    if folder is None:
        return None
    if folder not in _imports:
        from perfdesk.core.errors import PerfDeskError
        from perfdesk.io import read_table

        _imports[folder] = None
        for name in ("source.xlsx", "source.txt"):
            path = folder / name
            if not path.exists():
                continue
            try:
                _imports[folder] = read_table(path)
            except PerfDeskError:
                continue
            break
    return _imports[folder]


def import_drops_template(folder: Path | None) -> bool:
    """Whether importing the table's own source leaves the template's rows and numbering out
    and tells the clerk so: a reviewer's "请删去模板行" is then done at import, and the
    re-entered form (the clerk's rows) has none."""
    result = imported(folder)
    return result is not None and any(
        any(w in n.message.zh for w in _TEMPLATE_NOTICES) for n in result.notices)


_NUMBERING_NOTICE = "指标名称前的模板编号"


def import_takes_numbering_off(folder: Path | None) -> frozenset[str]:
    """The indicators (by name, as imported) in front of whose name importing the table's own
    source took the template's number off (``指标1:``) and told the clerk so at that row: a
    reviewer's "请删去名称前的模板编号" is then done at import, and the re-entered form (the
    names as a clerk reads them) has none."""
    result = imported(folder)
    if result is None:
        return frozenset()
    rows = {n.location.row for n in result.notices
            if _NUMBERING_NOTICE in n.message.zh and n.location.row is not None}
    return frozenset(i.name for p in result.projects for i in p.indicators
                     if any(i.source_ref.endswith(f"第{row}行") for row in rows))


# Rules about a cell as the table wrote it, which the re-entered form cannot hold: a clerk types
# an amount into a money cell, the import keeps the cell's text beside the amount it read
# (Project.funds_text) and tells the clerk.
AS_WRITTEN = ("FUND-04",)


def found_on_import(folder: Path | None, profile: str, year) -> dict[str, set[str]]:
    """Project name -> the header rules of :data:`AS_WRITTEN` that checking the table as
    imported from its own source reports (any severity)."""
    result = imported(folder)
    if result is None:
        return {}
    found = check_projects(result.projects, CheckContext(profile=profile, budget_year=year))
    return {project.name: {f.rule for f in found[project.uuid]
                           if f.rule in AS_WRITTEN and f.indicator_uuid is None}
            for project in result.projects}


def _imported_says(found: dict[str, set[str]], project: str, rule: str, n_projects: int) -> bool:
    if project in found:
        return rule in found[project]
    # a one-project table whose imported name differs from the corpus's spelling of it
    return n_projects == 1 and len(found) == 1 and rule in next(iter(found.values()))


_DATE_SERIAL = re.compile(r"\s*(\d{1,3}(?:,\d{3})+|\d{5})\b")
_DATE_SERIAL_NOTICE = re.compile(r"指标值“([\d,]+)”是 Excel 的日期序号.*已读作“([^”]+)”")


def import_reads_date_serial(folder: Path | None, expected: dict, project: str,
                            indicator: str) -> bool:
    """Whether importing the table's own source reads the indicator's 指标值, published as an
    Excel date serial (expected.json ``published_as``: ``44,561 (Excel date serial…)``), as the
    date it stands for and tells the clerk so: a reviewer's "请写成日期" is then done at import
    (the clerk's row holds the date)."""
    rows = [row for p in expected["projects"] if (p.get("name") or "") == project or
            len(expected["projects"]) == 1 for row in p["indicators"]
            if row.get("name") == indicator]
    serial = _DATE_SERIAL.match(str(rows[0].get("published_as") or "")) if rows else None
    result = imported(folder) if serial else None
    if result is None:
        return False
    read = {i.value_text for p in result.projects for i in p.indicators if i.name == indicator}
    return any(m.group(1) == serial.group(1) and m.group(2) in read
               for m in map(_DATE_SERIAL_NOTICE.search, (n.message.zh for n in result.notices))
               if m)


def build(expected: dict, profile: str, folder: Path | None = None,
          noted: dict | None = None, kind: str = "",
          placed: set | None = None) -> list[Project]:
    """The expected projects as a clerk types them into the official form: the comparator as
    the source spells it (``noted`` gets the indicators whose spelling the reader corrected);
    a self-evaluation or 部门整体 table as that kind of table (``meta.json`` kind); where the
    table has no 主管部门/预算单位 field at all, the unit the clerk picks at import (``placed``
    gets those projects' names)."""
    projects = []
    lines = source_lines(folder)
    lacks = layout_lacks(folder)
    kind = kind if kind in (SELF_EVALUATION, DEPARTMENT_WHOLE) else ""
    for p in expected["projects"]:
        reader = IndicatorRowReader(profile)
        indicators = []
        for row in p["indicators"]:
            cells = as_written(row, {k: str(row.get(k) or "") for k in CELLS}, lines)
            if kind == SELF_EVALUATION:
                # a 自评表's results, typed into its own columns (全年实际值, 得分, 偏差原因)
                cells.update(actual=str(row.get("actual") or ""),
                             score=str(row.get("score") or ""),
                             shortfall=str(row.get("deviation_reason") or row.get("reason") or ""))
            reading = reader.read(cells)
            indicators.append(reading.indicator)
            if noted is not None and spelling_note(reading):
                noted[reading.indicator.uuid] = p.get("name") or ""
        # 项目期 as the clerk types it into the project form: the one reader of a period
        period = read_period(str(p.get("period") or "")) or Period()
        owner = {f: p.get(f) or "" for f in ("department", "unit")}
        picked = {f for f in lacks if not owner[f]}
        if picked:
            owner.update({f: PICKED[f] for f in picked})
            if placed is not None:
                placed.add(p.get("name") or "")
        projects.append(Project(
            name=p.get("name") or "", unit=owner["unit"],
            department=owner["department"],
            attribute=_first(p, "attribute", "project_attribute") or "",
            implementing_unit=p.get("implementing_unit") or "",
            annual_total=_money(p.get("total_funds")),
            # a self-evaluation's 本年财政拨款 as set at the start of the year (年初预算数), the
            # column its 年度资金总额 is given in
            annual_fiscal=_money(_first(p, "funds_financial", "fiscal_funds",
                                        "fiscal_funds_initial")),
            annual_other=_money(_first(p, "funds_other", "other_funds")),
            annual_goal=p.get("goal") or "",
            midterm_goal=_first(p, "longterm_goal", "goal_longterm", "mid_term_goal") or "",
            **period.fields(), indicators=indicators, kind=kind))
    return projects


class Tally:
    def __init__(self) -> None:
        self.per_rule = Counter()  # rule -> comments naming it
        self.hit_rule = Counter()  # rule -> matched by that rule at the place
        self.comments = self.at_place = self.indicators = 0
        self.first_named = self.first_named_hit = 0  # comments that named a rule when annotated
        self.false: list[str] = []
        self.not_applicable: list[str] = []
        self.on_cut_rows: list[str] = []  # findings on a row the corpus marks truncated
        self.missed: list[str] = []
        self.tables = 0
        self.at_entry = 0  # VAL-03 comments answered by the reader's note at entry
        self.at_import = 0  # HDR-02 comments answered by the unit the clerk picks at import
        self.at_import_template = 0  # ROW-03 comments answered by the import dropping them
        self.at_import_numbering = 0  # ROW-04 comments answered by the import taking 指标1: off
        self.on_import = 0  # FUND-04 comments the check of the imported table answers
        self.at_import_date = 0  # VAL-13 comments answered by the import reading a date serial


def same_page_faults(folder: Path, folders: list[Path]) -> set[tuple[str, str | None, str | None]]:
    """(project, indicator, rule) of what the other annotations of the same published page
    (same ``meta.json`` url: the corpus has three pages annotated twice) fault. Two reviewers
    of one table each miss things the other sends back; a finding one of them sent back is
    not a false alarm on the other's copy. Recall stays per annotation."""
    def url(f: Path):
        meta = f / "meta.json"
        return json.loads(meta.read_text(encoding="utf-8")).get("url") if meta.exists() else None
    mine = url(folder)
    out: set = set()
    for other in folders:
        if other == folder or mine is None or url(other) != mine:
            continue
        expected = json.loads((other / "expected.json").read_text(encoding="utf-8"))
        for r in expected.get("review", []):
            rows = [r.get("indicator"), *r.get("also_rows", ())]
            for row in rows:
                for rule in (r.get("rule"), *r.get("also_rules", ())):
                    out.add((r.get("project") or "", row, rule))
    return out


def reviews(expected: dict, added: bool, both: bool = False) -> list[dict]:
    """The reviewer's comments as annotated, and with ``added`` those added after the checker
    ran (``added_after_checker``: true defects the annotation missed, each with its reason and
    the guidance it rests on), never merged into the annotation itself. With ``both``: the
    annotation and the second annotator's ``second_review``, each defect once."""
    first = expected.get("review", [])
    if both:
        second = expected.get("second_review", [])
        return [*one_defect_two_names(first, second), *second_only(first, second)]
    return [*first, *(expected.get("added_after_checker", []) if added else [])]


def _named(entry: dict) -> set[tuple[str, str | None, str | None]]:
    """(project, row, rule) of everything one comment names (its ``also_rows``/``also_rules``
    too)."""
    return {(entry.get("project") or "", row, rule)
            for row in (entry.get("indicator"), *entry.get("also_rows", ()))
            for rule in (entry.get("rule"), *entry.get("also_rules", ()))}


# Rules that name one defect of one cell from two sides, by the catalogue's own one-cause policy:
# a value that is neither a measurable target nor a grade (VAL-07 vague / VAL-11 not a grade:
# 显著提升, 效果明显, 有效), a goal that states no result (GOAL-03 no figure / GOAL-05 only the
# spending; GOAL-03 is not raised beside GOAL-05). Where the two annotators each sent back ONE
# comment on the same cell and named the two rules of such a pair, that is one defect named two
# ways (the annotators' disagreement on its name, not two defects): counted once, answered by
# either name. Nothing else is merged.
SAME_DEFECT = (frozenset({"VAL-07", "VAL-11"}), frozenset({"GOAL-03", "GOAL-05"}))
_FIELD_NAMES = {"value": "指标值", "goal": "年度目标", "annual_goal": "年度目标"}


def _cell(entry: dict) -> tuple[str, str | None, str]:
    field = entry.get("field") or ""
    return (entry.get("project") or "", entry.get("indicator"), _FIELD_NAMES.get(field, field))


def _named_two_ways(first: list[dict], second: list[dict]) -> dict[int, str]:
    """index in ``second`` -> the rule of the one ``first`` comment on the same cell that names the
    same defect by the other rule of a :data:`SAME_DEFECT` pair."""
    def by_cell(entries):
        cells: dict = {}
        for index, entry in enumerate(entries):
            cells.setdefault(_cell(entry), []).append(index)
        return cells
    firsts, seconds = by_cell(first), by_cell(second)
    out = {}
    for cell, indexes in seconds.items():
        mine = firsts.get(cell, [])
        if len(indexes) != 1 or len(mine) != 1:
            continue
        a, b = first[mine[0]].get("rule"), second[indexes[0]].get("rule")
        if a != b and any({a, b} <= pair for pair in SAME_DEFECT):
            out[indexes[0]] = a
    return out


def one_defect_two_names(first: list[dict], second: list[dict]) -> list[dict]:
    """``first``, where the second annotator named the same defect of a cell by the other rule of
    a :data:`SAME_DEFECT` pair, with that rule as the comment's other name (``either_rules``)."""
    other = {}
    for index, rule in _named_two_ways(first, second).items():
        other[_cell(second[index])] = second[index].get("rule")
    return [{**entry, "either_rules": [other[_cell(entry)]]} if _cell(entry) in other else entry
            for entry in first]


def second_only(first: list[dict], second: list[dict]) -> list[dict]:
    """The entries of ``second`` that name a (project, row, rule) no entry of ``first`` names:
    a defect both annotators sent back is counted once (also where they named it by the two rules
    of a :data:`SAME_DEFECT` pair)."""
    seen = {key for entry in first for key in _named(entry)}
    two_ways = _named_two_ways(first, second)
    out = []
    for index, entry in enumerate(second):
        key = (entry.get("project") or "", entry.get("indicator"), entry.get("rule"))
        if key not in seen and index not in two_ways:
            out.append(entry)
            seen.add(key)
    return out


def cut_rows(expected: dict) -> set[tuple[str, str]]:
    """(project, indicator) of the rows expected.json marks ``truncated``: the stored copy of
    the page ends inside them, so the file holds only their start."""
    return {(p.get("name") or "", row.get("name") or "") for p in expected["projects"]
            for row in p["indicators"] if row.get("truncated")}


def run_table(folder: Path, tally: Tally, folders: list[Path] = (), added: bool = False,
              both: bool = False) -> tuple[int, int, int, int]:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    year, kind = None, ""
    meta_file = folder / "meta.json"
    if meta_file.exists():
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        year, kind = meta.get("year"), meta.get("kind") or ""
    profile = profile_of(expected)
    noted: dict = {}
    placed: set = set()
    projects = build(expected, profile, folder, noted, kind, placed)
    found = check_projects(projects, CheckContext(profile=profile, budget_year=year))
    by_name = {p.name: p for p in projects}
    places: dict[tuple[str, str | None], set[str]] = {}  # (project, indicator) -> rules there
    for project in projects:
        names = {i.uuid: i.name for i in project.indicators}
        # a comparator the reader rewrote in the standard form, with a note to the clerk at
        # entry: that note answers a reviewer's VAL-03 (counted apart as "at entry")
        for uuid in noted:
            if uuid in names:
                places.setdefault((project.name, names[uuid]), set()).add(
                    ("VAL-03", Severity.HINT))
                places.setdefault((project.name, None), set())
        for f in found[project.uuid]:
            if f.severity in SERIOUS or True:
                key = (project.name, names.get(f.indicator_uuid) if f.indicator_uuid else None)
                places.setdefault(key, set()).add((f.rule, f.severity))
    faulted: dict[tuple[str, str | None], set] = {}
    n_comments = n_hit = 0
    dropped = None  # whether the import leaves the template rows out (read when first asked)
    for r in reviews(expected, added, both):
        key = (r.get("project") or "", r.get("indicator"))
        if key[0] not in by_name and len(projects) == 1:
            key = (projects[0].name, key[1])
        faulted.setdefault(key, set()).add(r.get("rule"))
        # a comment that says so itself ("其余18个同样处理", "所有指标……") also faults the rows it
        # names and the rules it describes besides its own; they add nothing to recall
        for other in r.get("also_rows", ()):
            faulted.setdefault((key[0], other), set()).add(r.get("rule"))
        for other_rule in (*r.get("also_rules", ()), *r.get("either_rules", ())):
            faulted.setdefault(key, set()).add(other_rule)
        there = places.get(key, set())
        tally.comments += 1
        if any(sev in SERIOUS for _rule, sev in there) or any(
                rule == r.get("rule") for rule, _sev in there):
            tally.at_place += 1
        rule = r.get("rule")
        if rule:
            n_comments += 1
            tally.per_rule[rule] += 1
            if key[1] is None:  # a remark on the whole table: that rule anywhere in it
                there = {x for k, v in places.items() if k[0] == key[0] for x in v}
            answers = {rule} | SPLIT_FROM.get(rule, set()) | set(r.get("either_rules", ()))
            first = "rule_as_annotated" not in r
            tally.first_named += first
            checked = any(found_rule in answers for found_rule, _sev in there)
            if not checked and rule == "ROW-03" and key[1] is None and dropped is None:
                dropped = import_drops_template(folder)
            if checked:
                if rule == "VAL-03" and not any(
                        f.rule == "VAL-03" for prj in projects for f in found[prj.uuid]):
                    tally.at_entry += 1
                tally.hit_rule[rule] += 1
                tally.first_named_hit += first
                n_hit += 1
            elif rule == "ROW-03" and key[1] is None and dropped:
                # the importer left the template rows out and said so: done at import
                tally.at_import_template += 1
                tally.hit_rule[rule] += 1
                tally.first_named_hit += first
                n_hit += 1
            elif rule == "ROW-04" and (key[1] in import_takes_numbering_off(folder) or (
                    key[1] is None and import_takes_numbering_off(folder))):
                # the importer took the template's 指标1: off the name and said so at that row
                # (a remark on the whole table: at some row): done at import
                tally.at_import_numbering += 1
                tally.hit_rule[rule] += 1
                tally.first_named_hit += first
                n_hit += 1
            elif rule in AS_WRITTEN and key[1] is None and _imported_says(
                    found_on_import(folder, profile, year), key[0], rule, len(projects)):
                # the cell as written is kept by the import, not by the re-entered form: the
                # check of the imported table speaks (counted apart: "on the imported table")
                tally.on_import += 1
                tally.hit_rule[rule] += 1
                tally.first_named_hit += first
                n_hit += 1
            elif rule == "VAL-13" and key[1] is not None and import_reads_date_serial(
                    folder, expected, key[0], key[1]):
                # the importer read the Excel date serial as the date and said so: done at
                # import (counted apart: "at import")
                tally.at_import_date += 1
                tally.hit_rule[rule] += 1
                tally.first_named_hit += first
                n_hit += 1
            elif rule == "HDR-02" and key[0] in placed:
                # the table has no 主管部门/预算单位 field: importing it asks the clerk for the
                # unit, which is what the reviewer asks for (counted apart: "at import")
                tally.at_import += 1
                tally.hit_rule[rule] += 1
                tally.first_named_hit += first
                n_hit += 1
            else:
                tally.missed.append(f"{folder.name} · {key[1] or '（表头）'} · {rule} · "
                                    f"{r.get('reviewer_says', '')[:60]}")
    for project, row, rule in same_page_faults(folder, list(folders)):
        faulted.setdefault((project, row), set()).add(rule)
    n_false = 0
    source = {p["name"]: p for p in expected["projects"]}
    cut = cut_rows(expected)
    for key, rules in places.items():
        for rule, sev in sorted(rules):
            if sev not in SERIOUS:
                continue
            where = f"{folder.name} · {key[1] or '（表头）'} · {rule} {sev.value}"
            src = source.get(key[0], {})
            if key[1] is None and rule not in faulted.get(key, ()) and (
                    (rule in LAYOUT_FIELDS and not any(k in src for k in LAYOUT_FIELDS[rule]))
                    or (rule in COVERAGE and (src.get("incomplete") or src.get("truncated")))):
                tally.not_applicable.append(where)
                continue
            if key[1] is not None and key in cut and not faulted.get(key):
                tally.on_cut_rows.append(where)
                continue
            comments = faulted.get(key)
            if key[1] is not None and comments:
                continue  # the reviewer faulted this indicator
            if key[1] is None and comments and (rule in comments or None in comments):
                continue
            n_false += 1
            tally.false.append(where)
    n_ind = sum(len(p.indicators) for p in projects)
    tally.indicators += n_ind
    tally.tables += 1
    return n_ind, n_comments, n_hit, n_false


def main(argv: list[str]) -> int:
    tally = Tally()
    folders = sorted(f for d in corpus_dirs() if d.exists()
                     for f in d.iterdir() if (f / "expected.json").exists())
    if not folders:
        print("没有找到语料表（PERFDESK_CORPUS_DIR）。")
        return 1
    plus = Tally()  # the same, counting the comments added after the checker ran
    both = Tally()  # against both annotations: review ∪ second_review
    print(f"{'table':<34}{'ind':>5}{'ruled':>7}{'hit':>5}{'false':>7}   with additions: "
          f"{'ruled':>5}{'hit':>5}{'false':>7}   both annotations: {'ruled':>5}{'hit':>5}"
          f"{'false':>7}")
    for folder in folders:
        n_ind, n_comments, n_hit, n_false = run_table(folder, tally, folders)
        _n, p_comments, p_hit, p_false = run_table(folder, plus, folders, added=True)
        _n, b_comments, b_hit, b_false = run_table(folder, both, folders, both=True)
        print(f"{folder.name:<34}{n_ind:>5}{n_comments:>7}{n_hit:>5}{n_false:>7}"
              f"{'':<19}{p_comments:>5}{p_hit:>5}{p_false:>7}"
              f"{'':<21}{b_comments:>5}{b_hit:>5}{b_false:>7}")
    ruled = sum(tally.per_rule.values())
    hit = sum(tally.hit_rule.values())
    print()
    print(f"tables {tally.tables}, indicators {tally.indicators}, reviewer comments "
          f"{tally.comments} ({ruled} naming a rule)")
    print(f"recall (same rule, same place): {hit}/{ruled} = {hit / max(ruled, 1):.0%}")
    print(f"  of the comments that named a rule when annotated: {tally.first_named_hit}/"
          f"{tally.first_named} = {tally.first_named_hit / max(tally.first_named, 1):.0%} (the "
          f"others were annotated before the rule for their kind existed: rule_as_annotated)")
    print(f"  of which VAL-03 answered by the reader's note at entry (the comparator as the source "
          f"spells it is rewritten ≥/≤/＝ and the clerk told), not by a check: {tally.at_entry}")
    print(f"  of which HDR-02 answered at import (the table has no 主管部门/预算单位 field: the "
          f"clerk picks the unit when importing it), not by a check: {tally.at_import}")
    print(f"  of which ROW-03 answered at import (the importer leaves the template's rows and "
          f"numbering out of the table and says so), not by a check: {tally.at_import_template}")
    print(f"  of which ROW-04 answered at import (the importer takes the template's number "
          f"指标1: off the name and says so at its row), not by a check: "
          f"{tally.at_import_numbering}")
    print(f"  of which FUND-04 found on the imported table (a money cell written as text is "
          f"kept by the import, never by the re-entered form), not on the re-entered one: "
          f"{tally.on_import}")
    print(f"  of which VAL-13 answered at import (the importer reads an Excel date serial as the "
          f"date it stands for and says so), not by a check: {tally.at_import_date}")
    print(f"some error/warning at the place of a comment: {tally.at_place}/{tally.comments} = "
          f"{tally.at_place / max(tally.comments, 1):.0%}")
    per20 = len(tally.false) / max(tally.indicators, 1) * 20
    print(f"false errors/warnings: {len(tally.false)} ({per20:.2f} per 20 indicators)")
    p_ruled, p_hit = sum(plus.per_rule.values()), sum(plus.hit_rule.values())
    p_per20 = len(plus.false) / max(plus.indicators, 1) * 20
    print()
    print(f"with the comments added after the checker ran (added_after_checker: "
          f"{p_ruled - ruled} true defects the annotation missed, each with its reason):")
    print(f"  recall {p_hit}/{p_ruled} = {p_hit / max(p_ruled, 1):.0%}; false errors/warnings: "
          f"{len(plus.false)} ({p_per20:.2f} per 20 indicators)")
    b_ruled, b_hit = sum(both.per_rule.values()), sum(both.hit_rule.values())
    b_per20 = len(both.false) / max(both.indicators, 1) * 20
    second = sum(1 for f in folders if "second_review" in json.loads(
        (f / "expected.json").read_text(encoding="utf-8")))
    print()
    print(f"against both annotations (review ∪ second_review, a defect both name counted once; "
          f"{second} tables have a second_review; {b_ruled - ruled} more comments naming a rule):")
    print(f"  recall {b_hit}/{b_ruled} = {b_hit / max(b_ruled, 1):.0%}; false errors/warnings: "
          f"{len(both.false)} ({b_per20:.2f} per 20 indicators)")
    print(f"  of which answered at entry or import, not by a check: VAL-03 {both.at_entry}, "
          f"HDR-02 {both.at_import}, ROW-03 {both.at_import_template}, ROW-04 "
          f"{both.at_import_numbering}, VAL-13 {both.at_import_date}; FUND-04 found on the "
          f"imported table {both.on_import}")
    print(f"  some error/warning at the place of a comment: {both.at_place}/{both.comments} = "
          f"{both.at_place / max(both.comments, 1):.0%}")
    print()
    print("recall per rule (as annotated | with additions | both annotations):")
    for rule in sorted(set(plus.per_rule) | set(both.per_rule),
                       key=lambda r: (-max(plus.per_rule[r], both.per_rule[r]), r)):
        print(f"  {rule:<8}{tally.hit_rule[rule]:>3}/{tally.per_rule[rule]:<3} | "
              f"{plus.hit_rule[rule]:>3}/{plus.per_rule[rule]:<3} | "
              f"{both.hit_rule[rule]:>3}/{both.per_rule[rule]:<3}")
    print()
    print("false findings (as annotated; [added] where added_after_checker names it, [second] "
          "where second_review faults the row):")
    remaining, remaining_both = set(plus.false), set(both.false)
    for line in tally.false:
        print("  " + line + ("" if line in remaining else "  [added]")
              + ("" if line in remaining_both else "  [second]"))
    print()
    print(f"left out: {len(tally.on_cut_rows)} errors/warnings on rows the stored copy cut "
          f"(expected.json marks them truncated):")
    for line in tally.on_cut_rows:
        print("  " + line)
    print()
    print("not judged (the source layout has no such cell, or the stored copy is cut):")
    for line in tally.not_applicable:
        print("  " + line)
    if "-v" in argv:
        print()
        print("missed comments:")
        for line in tally.missed:
            print("  " + line)
        print()
        print("missed comments of second_review (not also in review):")
        first_missed = set(tally.missed)
        for line in both.missed:
            if line not in first_missed:
                print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
