"""How exactly PerfDesk imports each real table of the corpus (issue 11): shared by
tests/io/test_corpus_reading.py (the ratchet) and bench/bench_real_tables.py.

``compare(folder)`` imports a table's source with :func:`perfdesk.io.read_table` and compares
it field by field with its ``expected.json`` (written by hand before PerfDesk read it);
``summary(results)`` is the line ``real tables: N/M import exactly`` with the count per layout.
A project's name, unit, department, 年度资金总额 and 年度目标 (``goal``) are compared, a
自评表's 全年执行数 and 实际完成情况 (:func:`execution_differences`), and each indicator's fields. ``known_gaps.json`` beside the tables lists those that do not import exactly yet, each with
its reason.

"Exactly" means every field an expected.json states that the model holds
(:func:`project_field_differences`, :func:`indicator_field_differences`): the funding split
(``funds_financial``/``fiscal_funds`` → 财政拨款, ``funds_other``/``other_funds`` → 其他资金, null
= empty), ``unit_code``, ``department_code``, ``attribute``/``project_attribute`` → 项目属性, ``period`` → 项目期 (the
text read by :func:`perfdesk.core.values.read_period`), ``goal_longterm``/``longterm_goal``/
``mid_term_goal`` → 中长期目标, ``mid_term_funds`` → 中期资金总额, ``project_code`` → 项目编码; on
indicators ``explanation``, ``basis`` and ``reason``/``deviation_reason`` → 未完成原因.

An annotation found wrong after the run is corrected in the open, never by rewriting it: the
expected.json keeps the value as first written and lists the correction under ``corrections``
(the project, the key, ``as_written``, ``corrected`` — what a lossless import of the stored
file gives —, ``why`` with the evidence, ``when``); :func:`compare` compares the corrected
value, and the summary counts the corrections.

Keys deliberately not compared, and why:

- ``budget_code``: a 部门整体 table's 部门预算编码, compared with the 部门整体 fields;
- ``contact``: the model has no 联系人; ``project_type``/``project_category`` (项目类别) and
  ``special_fund`` (专项名称 beside the project's): no field (项目类别 is read as unstored);
- ``tasks``, ``self_score``: a 部门整体 table's tasks (compared with the 部门整体 fields) and a
  自评表's own total score (the sum PerfDesk works out, not stored);
- ``funds_superior``, ``project_funds``, ``basic_funds``, ``cost_items``, ``weights_heading``,
  ``indicators_longterm``, ``evaluation_items``, ``not_indicators``: parts of a table the
  model has no field for (each table's note says what the import says of them);
- ``funds_unit_in_table``: how the table writes its amounts, not a value (the amounts are
  compared in 万元);
- ``note``, ``name_note``, ``incomplete``, ``incomplete_why``: the annotator's remarks;
- on indicators ``direction`` (指标方向 as written, compared through the comparator), ``core``
  (★), ``grades``, ``published_as``, ``truncated``, ``note``: no field of their own.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from perfdesk.core.errors import PerfDeskError
from perfdesk.core.values import read_period
from perfdesk.io import read_table

HERE = Path(__file__).resolve().parent / "tables"
KNOWN_GAPS = HERE / "known_gaps.json"
SOURCES = ("source.xlsx", "source.xls", "source.csv", "source.tsv", "source.txt")


def corpus_dirs() -> list[Path]:
    extra = os.environ.get("PERFDESK_CORPUS_DIR", "")
    roots = [Path(p) for p in extra.split(os.pathsep) if p] if extra else [HERE]
    tables = []
    for root in roots:
        if root.is_dir():
            tables += sorted(d for d in root.iterdir() if (d / "expected.json").is_file())
    return tables


def source_of(folder: Path) -> Path | None:
    return next((folder / n for n in SOURCES if (folder / n).is_file()), None)


def _number(text) -> Decimal | None:
    if text in (None, ""):
        return None
    try:
        return Decimal(str(text).replace(",", ""))
    except InvalidOperation:
        return None


def _same_number(got, wanted) -> bool:
    a, b = _number(got), _number(wanted)
    return a == b if a is not None or b is not None else True


def indicator_differences(got, wanted: dict) -> list[str]:
    """The fields of an imported indicator that differ from what expected.json says."""
    cmp, number, unit = got.value_columns()
    found = {"level1": got.level1, "level2": got.level2, "name": got.name}
    problems = [f"{k}: {found[k]!r} ≠ {wanted.get(k, '')!r}" for k in found
                if (wanted.get(k) or "") != found[k]]
    value = str(wanted.get("value", ""))
    if _number(value) is not None and got.target is not None:
        if not _same_number(got.target, value) or (wanted.get("comparator") or "") != cmp.replace(
                "＝", "=").replace("＞", ">").replace("＜", "<") and (wanted.get("comparator") or
                                                                      "") != cmp:
            problems.append(f"value: {cmp}{number}{unit} ≠ {wanted.get('comparator', '')}{value}")
        elif (wanted.get("unit") or "") != unit:
            problems.append(f"unit: {unit!r} ≠ {wanted.get('unit', '')!r}")
    elif value != got.value_display() and value != number:
        problems.append(f"value: {got.value_display()!r} ≠ {value!r}")
    if "actual" in wanted and str(wanted["actual"] or "") != got.actual:
        problems.append(f"actual: {got.actual!r} ≠ {wanted['actual']!r}")
    for key, field in (("weight", "weight"), ("score", "score")):
        if key in wanted and not _same_number(getattr(got, field), wanted[key]):
            problems.append(f"{key}: {getattr(got, field)} ≠ {wanted[key]}")
    return problems + indicator_field_differences(got, wanted)


# expected.json's key → the indicator's text field
_INDICATOR_TEXTS = (("explanation", "explanation"), ("basis", "basis"), ("reason", "shortfall"),
                    ("deviation_reason", "shortfall"))


def indicator_field_differences(got, wanted: dict) -> list[str]:
    """The indicator's text fields beyond its target that differ from expected.json
    (指标解释, 指标值设定依据, 未完成原因)."""
    return [f"{key}: {getattr(got, field)[:30]!r} ≠ {(wanted[key] or '')[:30]!r}"
            for key, field in _INDICATOR_TEXTS
            if key in wanted and (wanted[key] or "") != getattr(got, field)]


# expected.json's key → the project's field, per kind of value
_PROJECT_AMOUNTS = (("funds_financial", "annual_fiscal"), ("fiscal_funds", "annual_fiscal"),
                    ("funds_other", "annual_other"), ("other_funds", "annual_other"),
                    ("mid_term_funds", "midterm_total"))
_PROJECT_TEXTS = (("unit_code", "unit_code"), ("attribute", "attribute"),
                  ("project_attribute", "attribute"), ("goal_longterm", "midterm_goal"),
                  ("longterm_goal", "midterm_goal"), ("mid_term_goal", "midterm_goal"),
                  ("project_code", "code"), ("department_code", "department_code"))


def project_field_differences(got, wanted: dict) -> list[str]:
    """The project's fields beyond name, unit, department, goal and total that differ from
    expected.json: the funding split, the codes, 项目属性, 项目期 and the mid-term ones."""
    problems = []
    for key, field in _PROJECT_AMOUNTS:
        if key in wanted and not _same_number(getattr(got, field), wanted[key]):
            problems.append(f"{key}: {getattr(got, field)} ≠ {wanted[key]}")
    for key, field in _PROJECT_TEXTS:
        if key in wanted and (wanted[key] or "") != getattr(got, field):
            problems.append(f"{key}: {getattr(got, field)[:30]!r} ≠ {(wanted[key] or '')[:30]!r}")
    if "period" in wanted:
        period = read_period(wanted["period"] or "")
        if period != (got.period if got.period_start is not None else None):
            problems.append(f"period: {got.period} ≠ {wanted['period']!r} ({period})")
    return [f"{wanted['name']}: {p}" for p in problems]


CORRECTION_KEYS = {"project", "field", "as_written", "corrected", "why", "when"}


def corrected(expected: dict) -> list[dict]:
    """The expected projects with the table's ``corrections`` applied (each must name a
    project and a key it states, with the value as written there)."""
    projects = [dict(p) for p in expected.get("projects", [])]
    for fix in expected.get("corrections", []):
        if set(fix) != CORRECTION_KEYS or not str(fix["why"]).strip():
            raise ValueError(f"a correction needs exactly {sorted(CORRECTION_KEYS)}: {fix}")
        [project] = [p for p in projects if p["name"] == fix["project"]]
        if project.get(fix["field"]) != fix["as_written"]:
            raise ValueError(f"correction of {fix['field']!r}: the annotation does not hold "
                             f"{fix['as_written']!r}")
        project[fix["field"]] = fix["corrected"]
    return projects


# --- a 自评表's budget execution and goal as achieved (s23-selfeval) ---------------------------

def execution_differences(got, wanted: dict) -> list[str]:
    """What a 自评表 project states beside its budget, where expected.json gives it:
    ``executed_funds`` the 全年执行数 of the 年度资金总额 row, ``goal_actual`` the 年度总体目标's
    实际完成情况 (exactly), ``fiscal_funds_initial`` / ``fiscal_funds_year`` the 本年财政拨款 row's
    年初预算数 / 全年预算数. Where expected.json describes that 本年财政拨款 row (b06, g03: their
    年度资金总额 rows are all 0 as published), its ``executed_funds`` is that row's 全年执行数,
    the third of the row's three amounts."""
    problems = []
    fiscal_row = "fiscal_funds_initial" in wanted or "fiscal_funds_year" in wanted
    executed = got.executed_fiscal if fiscal_row else got.executed_total
    if "executed_funds" in wanted and not _same_number(executed, wanted["executed_funds"]):
        problems.append(f"executed {executed} ≠ {wanted['executed_funds']}")
    if "fiscal_funds_initial" in wanted and not _same_number(got.initial_fiscal,
                                                             wanted["fiscal_funds_initial"]):
        problems.append(f"fiscal initial {got.initial_fiscal} ≠ {wanted['fiscal_funds_initial']}")
    if "fiscal_funds_year" in wanted and not _same_number(got.annual_fiscal,
                                                          wanted["fiscal_funds_year"]):
        problems.append(f"fiscal {got.annual_fiscal} ≠ {wanted['fiscal_funds_year']}")
    if "goal_actual" in wanted and (wanted["goal_actual"] or "") != got.goal_actual:
        problems.append(f"goal_actual {got.goal_actual[:30]!r} ≠ {(wanted['goal_actual'] or '')[:30]!r}")
    return problems


# --- a 部门整体 target's tasks and budget split (compared where expected.json states them) ---

_TASK_KEYS = (("function", "function"), ("task", "name"), ("content", "content"),
              ("item", "item"))
_TASK_AMOUNTS = (("amount", "total"), ("fiscal", "fiscal"), ("other", "other"))


def whole_differences(got, wanted: dict) -> list[str]:
    """A 部门整体 target's 年度主要任务 (``tasks``: function, task, content, item, amount, fiscal,
    other), its 项目支出 / 基本支出 and its 部门预算编码 (``budget_code``) that differ."""
    problems = []
    name = wanted["name"]
    for key, field in (("project_funds", "project_funds"), ("basic_funds", "basic_funds")):
        if key in wanted and not _same_number(getattr(got, field), wanted[key]):
            problems.append(f"{name}: {key} {getattr(got, field)} ≠ {wanted[key]}")
    if "budget_code" in wanted and (wanted["budget_code"] or "") != got.unit_code:
        problems.append(f"{name}: budget_code {got.unit_code!r} ≠ {wanted['budget_code']!r}")
    if "tasks" not in wanted:
        return problems
    tasks = wanted["tasks"] or []
    if len(got.tasks) != len(tasks):
        problems.append(f"{name}: {len(got.tasks)} tasks ≠ {len(tasks)}")
    for i, (task, w) in enumerate(zip(got.tasks, tasks), 1):
        diff = [f"{key}: {getattr(task, field)!r} ≠ {w.get(key, '')!r}"
                for key, field in _TASK_KEYS if (w.get(key) or "") != getattr(task, field)]
        diff += [f"{key}: {getattr(task, field)} ≠ {w[key]}" for key, field in _TASK_AMOUNTS
                 if key in w and not _same_number(getattr(task, field), w[key])]
        if diff:
            problems.append(f"{name} task {i}: " + "; ".join(diff))
    return problems


def compare(folder: Path) -> tuple[bool, int, int, list[str]]:
    """(read fully, indicators matching, indicators expected, differences) for one table."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    wanted_projects = corrected(expected)
    total = sum(len(p.get("indicators", [])) for p in wanted_projects)
    source = source_of(folder)
    if source is None:
        return False, 0, total, ["no source file"]
    try:
        result = read_table(source)
    except PerfDeskError as exc:
        return False, 0, total, [f"refused: {exc}"]
    problems: list[str] = []
    by_name = {p.name: p for p in result.projects}
    matching = 0
    if len(result.projects) != len(wanted_projects):
        problems.append(f"{len(result.projects)} projects ≠ {len(wanted_projects)}")
    for index, wanted in enumerate(wanted_projects):
        got = by_name.get(wanted["name"]) or (result.projects[index]
                                              if index < len(result.projects) else None)
        if got is None:
            problems.append(f"project {wanted['name']!r} missing")
            continue
        for field in ("name", "unit", "department"):
            if field in wanted and (wanted[field] or "") != getattr(got, field):
                problems.append(f"{wanted['name']}: {field} {getattr(got, field)!r} ≠ "
                                f"{wanted[field]!r}")
        if "goal" in wanted and (wanted["goal"] or "") != got.annual_goal:
            problems.append(f"{wanted['name']}: goal {got.annual_goal[:30]!r} ≠ "
                            f"{(wanted['goal'] or '')[:30]!r}")
        if "total_funds" in wanted and not _same_number(got.annual_total, wanted["total_funds"]):
            problems.append(f"{wanted['name']}: total {got.annual_total} ≠ {wanted['total_funds']}")
        problems += project_field_differences(got, wanted)
        problems += [f"{wanted['name']}: {d}" for d in execution_differences(got, wanted)]
        problems += whole_differences(got, wanted)
        indicators = wanted.get("indicators", [])
        if len(got.indicators) != len(indicators):
            problems.append(f"{wanted['name']}: {len(got.indicators)} indicators ≠ "
                            f"{len(indicators)}")
        for i, w in enumerate(indicators):
            if i >= len(got.indicators):
                break
            diff = indicator_differences(got.indicators[i], w)
            if diff:
                problems.append(f"{wanted['name']} #{i + 1} {w.get('name')}: " + "; ".join(diff))
            else:
                matching += 1
    return not problems, matching, total, problems



@dataclass(slots=True)
class Agreement:
    """One table's agreement with its expected.json."""

    folder: Path
    layout: str
    exact: bool
    matching: int
    total: int
    problems: list[str]


def layout_of(folder: Path) -> str:
    try:
        return json.loads((folder / "meta.json").read_text(encoding="utf-8")).get("layout", "?")
    except (OSError, ValueError):
        return "?"


def measure(folders: list[Path] | None = None) -> list[Agreement]:
    results = []
    for folder in corpus_dirs() if folders is None else folders:
        exact, matching, total, problems = compare(folder)
        results.append(Agreement(folder, layout_of(folder), exact, matching, total, problems))
    return results


def known_gaps(path: Path = KNOWN_GAPS) -> dict[str, str]:
    """Table id → why it does not import exactly yet."""
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def summary(results: list[Agreement]) -> str:
    """``real tables: N/M import exactly (layout n/m, …); indicators matching: i/j``."""
    per_layout: Counter[str] = Counter()
    exact_per_layout: Counter[str] = Counter()
    for r in results:
        per_layout[r.layout] += 1
        exact_per_layout[r.layout] += r.exact
    layouts = ", ".join(f"{name} {exact_per_layout[name]}/{count}"
                        for name, count in sorted(per_layout.items()))
    fixes = corrections_made([r.folder for r in results])
    return (f"real tables: {sum(r.exact for r in results)}/{len(results)} import exactly "
            f"({layouts}); indicators matching: {sum(r.matching for r in results)}/"
            f"{sum(r.total for r in results)}; annotations corrected after the run: "
            f"{sum(fixes.values())}" + (f" ({', '.join(sorted(fixes))})" if fixes else ""))


def corrections_made(folders: list[Path]) -> dict[str, int]:
    """Table id → how many of its annotations were corrected after the run."""
    found = {}
    for folder in folders:
        path = folder / "expected.json"
        if path.is_file():
            n = len(json.loads(path.read_text(encoding="utf-8")).get("corrections", []))
            if n:
                found[folder.name] = n
    return found


def report(results: list[Agreement]) -> str:
    """One line per table, with its first differences when not exact."""
    lines = []
    for r in results:
        lines.append(f"{'OK ' if r.exact else 'NO '} {r.folder.name} [{r.layout}]: "
                     f"{r.matching}/{r.total} indicators" + (
                         "" if r.exact else "\n      " + "\n      ".join(r.problems[:8])))
    return "\n".join(lines)


def ratchet(results: list[Agreement], gaps: dict[str, str]) -> tuple[list[str], list[str]]:
    """(tables not exact and not listed as gaps, tables listed as gaps that are now exact):
    both must be empty."""
    unlisted = [r.folder.name for r in results if not r.exact and r.folder.name not in gaps]
    closed = [r.folder.name for r in results if r.exact and r.folder.name in gaps]
    return unlisted, closed
