"""The file subcommands: ``import`` (tables into a dataset) and ``export`` (official layouts).

``perfdesk import FILE... --into DATASET`` adds every project of the files in one transaction
and prints what was added and what had to be guessed; ``perfdesk export DATASET --format
disclosure|detail -o OUT.xlsx`` writes the disclosure table or the detailed forms.
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

from perfdesk.cli import EXIT_OK, command
from perfdesk.core.i18n import tr


def _add_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", metavar="FILE", nargs="+",
                   help=tr("要导入的表格（.xlsx、.xls、.csv、.txt）",
                           "tables to import (.xlsx, .xls, .csv, .txt)"))
    p.add_argument("--into", metavar="DATASET", required=True,
                   help=tr("导入到的数据文件（先用 perfdesk new 创建）",
                           "the dataset to import into (create it with perfdesk new)"))
    p.add_argument("--duplicates", choices=["skip", "replace", "keep"],
                   help=tr("数据文件中已有同名项目（同一主管部门、预算单位下）时：skip 跳过，replace 替换为"
                           "表中的，keep 两个都保留；不指定时有同名项目则不导入",
                           "when the dataset already holds a project of the same name (same "
                           "department and unit): skip it, replace it with the table's, or "
                           "keep both; without it such an import is refused"))
    p.add_argument("--unit", metavar="主管部门/预算单位", type=_unit_argument,
                   help=tr("表中没有写主管部门、预算单位的项目放到哪个单位（没有的单位会新建）；不指定时"
                           "放入数据文件中唯一的单位",
                           "where the projects whose table names no department or budget unit "
                           "go, as DEPARTMENT/UNIT (a new unit is made if the dataset has none "
                           "of that name); without it they go to the dataset's only unit"))


def _unit_argument(text: str) -> tuple[str, str]:
    department, _, unit = text.partition("/")
    if not department.strip() or not unit.strip():
        raise argparse.ArgumentTypeError(tr(
            "请写成“主管部门/预算单位”，例如“某区教育局/某区第一中学”",
            "write it as DEPARTMENT/UNIT, e.g. 某区教育局/某区第一中学"))
    return department.strip(), unit.strip()


@command("import", "导入已有的绩效目标表（公开表、申报表，Excel 或文本）",
         "import existing performance target tables (disclosure or detailed, Excel or text)",
         _add_import)
def _run_import(args: argparse.Namespace) -> int:
    from perfdesk.services.dataset import Dataset
    from perfdesk.services.importing import import_files

    with Dataset.open(args.into) as ds:
        added, notices = import_files(ds, [Path(f) for f in args.files],
                                      duplicates=args.duplicates, unit=args.unit)
        departments = {d.uuid: d.name for d in ds.departments()}
        units = {u.uuid: u.name for u in ds.units()}
    new_departments = [departments[u] for u in added.department_uuids if u in departments]
    new_units = [units[u] for u in added.unit_uuids if u in units]
    print(tr("已导入 {n} 个文件到 {ds}：", "Imported {n} file(s) into {ds}:",
             n=len(args.files), ds=Path(args.into).name))
    print(tr("  新建主管部门 {n} 个{names}", "  new departments: {n}{names}",
             n=len(new_departments), names=_names(new_departments)))
    print(tr("  新建预算单位 {n} 个{names}", "  new budget units: {n}{names}",
             n=len(new_units), names=_names(new_units)))
    print(tr("  项目 {p} 个，指标 {i} 条", "  projects: {p}, indicators: {i}",
             p=len(added.project_uuids), i=added.indicators))
    if notices:
        print(tr("需要核对的地方（{n} 处）：", "Needed guessing ({n}):", n=len(notices)))
        for notice in notices:
            print(f"  - {notice}")
    else:
        print(tr("没有需要猜测的地方。", "Nothing needed guessing."))
    return EXIT_OK


def _names(names: list[str]) -> str:
    if not names:
        return ""
    shown = "、".join(names[:5]) + ("…" if len(names) > 5 else "")
    return tr("：{s}", ": {s}", s=shown)


def _add_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("dataset", metavar="DATASET", help=tr("数据文件", "the dataset"))
    p.add_argument("--format", choices=["disclosure", "detail"], default="disclosure",
                   help=tr("disclosure：项目支出绩效目标表（每个项目一行）；detail：项目支出绩效目标"
                           "申报表（每个项目一张工作表；自评表的项目按绩效自评表的格式，部门整体"
                           "目标按部门整体支出绩效目标申报表的格式）",
                           "disclosure: one row per project; detail: one sheet per project "
                           "(a self-evaluation's in the self-evaluation form, a department's "
                           "whole-budget target in the department form)"))
    p.add_argument("-o", "--output", metavar="OUT.xlsx", required=True,
                   help=tr("导出的 Excel 文件", "the Excel file to write"))
    p.add_argument("--filled-by", default="", metavar="NAME",
                   help=tr("申报表的填报人", "填报人 (person filling in) on the detailed forms"))
    p.add_argument("--phone", default="",
                   help=tr("申报表的联系电话", "联系电话 (phone) on the detailed forms"))
    p.add_argument("--title", default=None,
                   help=tr("公开表的标题（默认按预算年度生成）",
                           "title of the disclosure table (default from the budget year)"))


def _detail_kinds(projects) -> str:
    """Which forms a detail export wrote: 申报表, 自评表, 部门整体支出绩效目标申报表, as many as the
    projects' kinds (``申报表和自评表``)."""
    from perfdesk.core.model import DEPARTMENT_WHOLE, SELF_EVALUATION
    from perfdesk.io.detail_form import form_layout

    forms = {SELF_EVALUATION: ("自评表", "self-evaluation forms"),
             DEPARTMENT_WHOLE: ("部门整体支出绩效目标申报表", "department whole-budget forms")}
    found = {forms.get(form_layout(p), ("申报表", "detailed forms")) for p in projects} or {
        ("申报表", "detailed forms")}
    order = ("申报表", "自评表", "部门整体支出绩效目标申报表")
    named = sorted(found, key=lambda f: order.index(f[0]))
    zh = [z for z, _en in named]
    en = [e for _z, e in named]
    return tr("、".join(zh[:-1]) + "和" + zh[-1] if len(zh) > 1 else zh[0],
              ", ".join(en[:-1]) + " and " + en[-1] if len(en) > 1 else en[0])


@command("export", "导出官方格式的 Excel 表", "export the official Excel layouts", _add_export)
def _run_export(args: argparse.Namespace) -> int:
    from perfdesk.core.bulk import kept
    from perfdesk.io import export_detail, export_disclosure
    from perfdesk.services.dataset import Dataset

    with kept() as keep:
        with Dataset.open(args.dataset, read_only=True) as ds:
            projects = ds.load_projects()
            keep()  # the projects live until the file is written
            year = ds.info.budget_year
            errors = _with_errors(ds, projects)
        if args.format == "detail":
            path = export_detail(projects, args.output, year=year,
                                 filled_by=args.filled_by, phone=args.phone,
                                 date=datetime.date.today() if args.filled_by else None)
            kind = _detail_kinds(projects)
        else:
            path = export_disclosure(projects, args.output, title=args.title, year=year)
            kind = tr("公开表", "disclosure table")
    print(tr("已导出 {n} 个项目到 {path}（{kind}）", "Exported {n} projects to {path} ({kind})",
             n=len(projects), path=path, kind=kind))
    if errors:
        print(tr("注意：其中 {n} 个项目的检查仍有错误（表中不标注；perfdesk check 查看，报送时需说明）。",
                 "Note: {n} of them still have check errors (not printed in the table; see "
                 "perfdesk check, a submission needs them explained).", n=len(errors)))
    return EXIT_OK


def _with_errors(ds, projects) -> set[str]:
    """Projects with check errors: said on the command line, never printed in the table (only
    counted, so no message is worded)."""
    from perfdesk.checks import projects_with_errors
    from perfdesk.services.checking import check_context

    return projects_with_errors(projects, check_context(ds, projects))
