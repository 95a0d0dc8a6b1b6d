"""The ``check`` subcommand: what a reviewer would send back, for datasets and for tables.

``perfdesk check DATASET|FILE... [--format text|json]`` checks every project of each input with
the rules of :mod:`perfdesk.checks`. A dataset is opened read-only (so it can be checked while
the desktop app has it open); any table the importer reads (.xlsx, .xls, .csv, text from PDF)
is first imported into a temporary dataset, exactly as the app would import it. The exit
status says whether the targets can be submitted: 0 when there is no error, 1 when there are
errors, 2 when an input could not be read. ``--fix`` applies the certain corrections to a
dataset (each one an ordinary, logged edit) before reporting what is left. ``perfdesk check
--rules`` lists the rule catalogue instead (ID, severity per profile, title; ``--format json``
adds message, fix and source), the same as ``docs/rules.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from perfdesk.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, command
from perfdesk.core.errors import PerfDeskError
from perfdesk.core.i18n import Text, tr
from perfdesk.core.severity import ORDER, Severity, summarise

JSON_FORMAT_VERSION = 1
_SEVERITIES = tuple(level.value for level in ORDER)


def _add_check(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="DATASET|FILE",
                   help=tr("数据文件（.perfdesk）或可导入的表格（.xlsx .xls .csv .txt）",
                           "datasets (.perfdesk) or importable tables (.xlsx .xls .csv .txt)"))
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help=tr("输出格式：text（按项目分组）或 json", "output: text (by project) or json"))
    p.add_argument("--severity", choices=_SEVERITIES, default="hint",
                   help=tr("只列出不低于此级别的问题（error、warning、hint；默认全部）",
                           "list only findings at least this serious (default: all)"))
    p.add_argument("--profile", choices=["88", "101"], default="88",
                   help=tr("表格使用的指标体系（数据文件自带体系）：88 或 101",
                           "indicator profile of tables (datasets carry their own): 88 or 101"))
    p.add_argument("--year", type=int,
                   help=tr("表格的预算年度（用于核对项目期；数据文件自带年度）",
                           "budget year of tables (to check project periods)"))
    p.add_argument("--rules", action="store_true",
                   help=tr("列出全部检查规则（ID、各指标体系下的级别、名称），不检查文件",
                           "list every rule (ID, severity per profile, title) instead of checking"))
    p.add_argument("--fix", action="store_true",
                   help=tr("在数据文件中应用可确定的自动修复后再报告（仅限数据文件）",
                           "apply the certain fixes to datasets, then report (datasets only)"))


@dataclass
class Checked:
    """One input, checked."""

    path: Path
    kind: str = ""  # "dataset", or the kind of table the importer read
    profile: str = ""
    budget_year: int | None = None
    projects: list = field(default_factory=list)
    findings: dict = field(default_factory=dict)  # project uuid -> [Finding]
    notices: list = field(default_factory=list)
    fixed: list = field(default_factory=list)  # (project name, Fix) applied
    error: PerfDeskError | None = None


@command("check", "检查绩效目标：列出审核时会被退回的问题",
         "check performance targets: list what a reviewer would send back", _add_check)
def _run_check(args: argparse.Namespace) -> int:
    if args.rules:
        from perfdesk.checks import listing

        if args.format == "json":
            print(json.dumps(listing.as_json(), ensure_ascii=False, indent=2))
        else:
            sys.stdout.write(listing.as_text())
        return EXIT_OK
    if not args.inputs:
        print(tr("perfdesk check：请给出要检查的数据文件或表格（或用 --rules 列出规则）。",
                 "perfdesk check: name the datasets or tables to check (or --rules to list the "
                 "rules)."), file=sys.stderr)
        return EXIT_ERROR
    results = []
    for name in args.inputs:
        path = Path(name)
        try:
            results.append(_check_input(path, args))
        except PerfDeskError as exc:
            results.append(Checked(path=path, error=exc))
    if args.format == "json":
        print(json.dumps(_as_json(results), ensure_ascii=False, indent=2))
    else:
        _print_text(results, args.severity)
    for result in results:
        if result.error is not None and args.format == "json":
            print(f"perfdesk：{result.error}" if _zh() else f"perfdesk: {result.error}",
                  file=sys.stderr)
    if any(r.error is not None for r in results):
        return EXIT_ERROR
    if any(summarise(fs).errors for r in results for fs in r.findings.values()):
        return EXIT_FINDINGS
    return EXIT_OK


# --- checking one input ---------------------------------------------------------------------


def is_dataset(path: Path) -> bool:
    """Whether ``path`` is meant as a dataset (by its extension or its SQLite header)."""
    from perfdesk.core.paths import DATASET_EXTENSION

    if path.suffix.lower() == DATASET_EXTENSION:
        return True
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _worded(args: argparse.Namespace) -> tuple[Severity, ...]:
    """The severities whose messages the report prints: every finding's in JSON, in text
    only those at least as serious as ``--severity`` (the others are only counted)."""
    if args.format == "json":
        return ORDER
    return ORDER[: _SEVERITIES.index(args.severity) + 1]


def _check_input(path: Path, args: argparse.Namespace) -> Checked:
    if is_dataset(path):
        return _check_dataset(path, fix=args.fix, worded=_worded(args))
    if args.fix:
        raise PerfDeskError("--fix 只能修复数据文件（.perfdesk）；表格请先导入数据文件再修复。",
                            "--fix can only correct datasets (.perfdesk); import the table into "
                            "a dataset first.", file=path)
    return _check_table(path, profile=args.profile, year=args.year, worded=_worded(args))


def _check_dataset(path: Path, *, fix: bool, worded: tuple[Severity, ...] = ORDER) -> Checked:
    from perfdesk.checks import check_project
    from perfdesk.services.checking import check_context
    from perfdesk.services.dataset import Dataset

    with Dataset.open(path, read_only=not fix) as ds:
        projects = ds.load_projects()
        context = check_context(ds, projects)
        result = Checked(path=path, kind="dataset", profile=context.profile,
                         budget_year=context.budget_year)
        if fix:
            projects = [_fix_project(ds, p, context, result.fixed) for p in projects]
        result.projects = projects
        result.findings = {p.uuid: check_project(p, context, worded=worded) for p in projects}
    return result


def _fix_project(ds, project, context, fixed: list):
    """Apply every certain fix to one project, re-checking after each (a fix can change what
    the next rule sees); returns the project as stored afterwards."""
    from perfdesk.checks import check_project
    from perfdesk.services.fixes import apply_fix

    done: set[tuple[str, str | None, str]] = set()
    while True:
        pending = [f for f in check_project(project, context)
                   if f.fix is not None and (f.rule, f.indicator_uuid, f.field) not in done]
        if not pending:
            return project
        finding = pending[0]
        apply_fix(ds, finding)
        done.add((finding.rule, finding.indicator_uuid, finding.field))
        fixed.append((project.name, finding.fix))
        project = ds.load_project(project.uuid)
        context.note_project(project)


_NO_DEPARTMENT = "（表格未填写主管部门）"
_NO_UNIT = "（表格未填写预算单位）"


def _check_table(path: Path, *, profile: str, year: int | None,
                 worded: tuple[Severity, ...] = ORDER) -> Checked:
    from perfdesk.checks import check_project
    from perfdesk.services.checking import check_context
    from perfdesk.services.dataset import Dataset

    try:
        from perfdesk.io import read_table
    except ImportError as exc:  # pragma: no cover - a build without the importer
        raise PerfDeskError("此版本的 PerfDesk 无法读取表格，只能检查数据文件。",
                            "This PerfDesk cannot read tables; it checks datasets only.",
                            file=path) from exc
    imported = read_table(path, profile=profile)
    # A dataset files every project under its department and unit; a table that names none
    # is stored under a stand-in and checked as it was read (HDR-02 reports the gap).
    unnamed: dict[str, tuple[bool, bool]] = {}
    for project in imported.projects:
        missing = (not project.department.strip(), not project.unit.strip())
        if any(missing):
            unnamed[project.uuid] = missing
            project.department = project.department.strip() or _NO_DEPARTMENT
            project.unit = project.unit.strip() or _NO_UNIT
    with tempfile.TemporaryDirectory(prefix="perfdesk-check-") as folder:
        with Dataset.create(Path(folder) / "check.perfdesk", profile=profile,
                            year=year or date.today().year) as ds:
            ds.add_projects(imported.projects)
            context = check_context(ds)
            projects = ds.load_projects()
    if year is None:
        context = context.replace(budget_year=None)  # the table does not say
    # a field the table's layout has no place for is not a blank cell: the table did not say,
    # and importing it asks the clerk for the unit (HDR-02 reports only a blank cell it has)
    notices = list(imported.notices)
    if imported.unstated:
        context = context.replace(unstated=imported.unstated)
        notices.append(_unstated_notice(path, imported.unstated))
    for project in projects:
        no_department, no_unit = unnamed.get(project.uuid, (False, False))
        if no_department:
            project.department = ""
        if no_unit:
            project.unit = ""
    return Checked(path=path, kind=imported.kind, profile=profile, budget_year=year,
                   projects=projects, notices=notices,
                   findings={p.uuid: check_project(p, context, worded=worded)
                             for p in projects})


_OWNER_NAMES = {"department": Text("主管部门", "department"), "unit": Text("预算单位", "budget unit")}


def _unstated_notice(path: Path, unstated: dict) -> "Notice":
    from perfdesk.io.base import Location, Notice

    fields = [f for f in _OWNER_NAMES if any(f in missing for missing in unstated.values())]
    zh = "、".join(f"“{_OWNER_NAMES[f].zh}”" for f in fields)
    en = " and ".join(_OWNER_NAMES[f].en for f in fields)
    return Notice(Text(
        f"表格没有{zh}栏（{len(unstated)} 个项目），不作为漏填检查；导入数据文件时请选择项目所属的单位。",
        f"The table has no {en} field ({len(unstated)} projects); it is not checked as left "
        "blank: choose the projects' unit when importing them into a dataset."),
        Location(str(path)))


# --- text output ----------------------------------------------------------------------------

_KINDS = {
    "dataset": Text("数据文件", "dataset"),
    "disclosure": Text("项目支出绩效目标表", "disclosure table"),
    "detail": Text("项目支出绩效目标申报表", "detailed form"),
}


def _zh() -> bool:
    from perfdesk.core.i18n import ZH, language

    return language() == ZH


def _count(findings) -> dict[str, int]:
    """Findings counted by severity, as the JSON report spells them."""
    summary = summarise(findings)
    return {level.value: summary.count(level) for level in ORDER}


def _print_text(results: list[Checked], lowest: str) -> None:
    from perfdesk.checks import location_text

    shown = set(_SEVERITIES[: _SEVERITIES.index(lowest) + 1])
    zh = _zh()  # the report's language, asked once (not once per line printed)

    def say(text: Text) -> str:
        return text.zh if zh else text.en
    for n, result in enumerate(results):
        if n:
            print()
        if result.error is not None:
            print(tr("无法检查 {path}：{error}", "Cannot check {path}: {error}",
                     path=result.path, error=result.error))
            continue
        kind = _KINDS.get(result.kind, Text(result.kind, result.kind))
        year = (result.budget_year if result.budget_year is not None
                else tr("未指定（--year）", "not given (--year)"))
        print(tr("检查 {path}（{kind}，{n} 个项目，指标体系 {profile}，预算年度 {year}）",
                 "Checking {path} ({kind}, {n} projects, profile {profile}, budget year {year})",
                 path=result.path, kind=kind, n=len(result.projects), profile=result.profile,
                 year=year))
        for notice in result.notices:
            print(tr("  导入提示：{notice}", "  Import notice: {notice}", notice=notice))
        if result.fixed:
            print(tr("已自动修复 {n} 处：", "Applied {n} fixes:", n=len(result.fixed)))
            for name, fix in result.fixed:
                print(f"  · {name}：{fix.label}" if _zh() else f"  · {name}: {fix.label}")
        clean = 0
        for project in result.projects:
            findings = [f for f in result.findings[project.uuid] if f.severity.value in shown]
            if not findings:
                clean += 1
                continue
            print()
            unit = project.unit or tr("（未填写预算单位）", "(no budget unit)")
            print(tr("【{name}】{unit} — {counts}", "[{name}] {unit} — {counts}",
                     name=project.name or tr("（未命名项目）", "(unnamed project)"), unit=unit,
                     counts=summarise(result.findings[project.uuid]).text()))
            for f in findings:
                line = (f"  {_pad(say(f.severity.label), 8)}{f.rule:<8}"
                        f"{say(location_text(f, project))}")
                line += f"：{f.message.zh}" if zh else f": {f.message.en}"
                if f.fix is not None:
                    line += (f"［可一键修复：{f.fix.label.zh}］" if zh
                             else f" [fix: {f.fix.label.en}]")
                print(line)
        if clean and result.projects:
            print()
            print(tr("另有 {n} 个项目没有需要列出的问题。", "{n} more projects have nothing to list.",
                     n=clean))
        totals = summarise(f for fs in result.findings.values() for f in fs)
        failed = sum(1 for fs in result.findings.values() if summarise(fs).errors)
        print()
        print(tr("合计：{n} 个项目，其中 {failed} 个有错误；{counts}。",
                 "Total: {n} projects, {failed} with errors; {counts}.",
                 n=len(result.projects), failed=failed, counts=totals.text()))


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two)."""
    used = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
    return text + " " * max(1, width - used)


# --- JSON output ----------------------------------------------------------------------------


def _text(value: Text | Any) -> dict[str, str]:
    if isinstance(value, Text):
        return {"zh": value.zh, "en": value.en}
    return {"zh": str(value), "en": str(value)}


def _plain(value: Any) -> Any:
    """A field value as JSON: exact decimals as strings, never floats."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def _fix_json(fix) -> dict[str, Any] | None:
    if fix is None:
        return None
    return {
        "label": _text(fix.label),
        "project_changes": {k: _plain(v) for k, v in fix.project_changes.items()},
        "indicator_changes": {uuid: {k: _plain(v) for k, v in changes.items()}
                              for uuid, changes in fix.indicator_changes.items()},
    }


def _as_json(results: list[Checked]) -> dict[str, Any]:
    inputs = []
    totals = dict.fromkeys(_SEVERITIES, 0)
    for result in results:
        entry: dict[str, Any] = {"path": str(result.path)}
        if result.error is not None:
            entry["error"] = {"zh": result.error.message("zh"), "en": result.error.message("en")}
            inputs.append(entry)
            continue
        projects, findings = [], []
        for project in result.projects:
            counts = _count(result.findings[project.uuid])
            projects.append({"uuid": project.uuid, "name": project.name,
                             "department": project.department, "unit": project.unit,
                             **counts})
            positions = {ind.uuid: (n, ind) for n, ind in enumerate(project.indicators, 1)}
            for f in result.findings[project.uuid]:
                indicator = None
                if f.indicator_uuid is not None:
                    n, ind = positions[f.indicator_uuid]
                    indicator = {"uuid": ind.uuid, "position": n, "name": ind.name}
                findings.append({
                    "rule": f.rule, "severity": f.severity.value,
                    "project": {"uuid": project.uuid, "name": project.name},
                    "indicator": indicator, "field": f.field, "message": _text(f.message),
                    "fix": _fix_json(f.fix)})
        counts = _count(f for fs in result.findings.values() for f in fs)
        for k in totals:
            totals[k] += counts[k]
        entry.update({
            "kind": result.kind, "profile": result.profile, "budget_year": result.budget_year,
            "notices": [{"message": _text(getattr(n, "message", n)),
                         "location": str(getattr(n, "location", "") or "")}
                        for n in result.notices],
            "fixed": [{"project": name, "label": _text(fix.label)} for name, fix in result.fixed],
            "counts": {"projects": len(result.projects),
                       "projects_with_errors": sum(1 for p in projects if p["error"]), **counts},
            "projects": projects, "findings": findings})
        inputs.append(entry)
    return {"format": "perfdesk-check", "version": JSON_FORMAT_VERSION, "inputs": inputs,
            "counts": totals}

