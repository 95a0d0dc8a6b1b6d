"""The dataset subcommands: ``new`` and ``info``."""

from __future__ import annotations

import argparse

from perfdesk.cli import EXIT_OK, command
from perfdesk.core.i18n import tr

def _add_new(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", metavar="PATH", help=tr("新数据文件的路径", "path of the new dataset"))
    p.add_argument("--year", type=int, help=tr("预算年度（用 --task 时取自任务文件）",
                                               "budget year (from the task file with --task)"))
    p.add_argument("--task", metavar="TASKFILE",
                   help=tr("从主管部门的任务文件新建：单位的任务文件得到该单位的数据文件，主管部门留存的"
                           "任务文件得到汇总数据文件", "set up from a task file (a unit's, or the "
                           "department's for its merged dataset)"))
    p.add_argument("--profile", choices=["88", "101"], default="88",
                   help=tr("指标体系：88（财预〔2015〕88号）或 101（财预〔2021〕101号）",
                           "indicator profile: 88 or 101"))
    p.add_argument("--department", default="", help=tr("主管部门名称", "department name"))
    p.add_argument("--unit", default="", help=tr("预算单位名称", "budget unit name"))
    p.add_argument("--title", default="", help=tr("数据文件标题", "dataset title"))


@command("new", "新建数据文件", "create a new dataset", _add_new)
def _run_new(args: argparse.Namespace) -> int:
    from perfdesk.services.dataset import Dataset

    if args.task:
        from perfdesk.services.submission.task import dataset_from_task

        with dataset_from_task(args.task, args.path, unit=args.unit) as ds:
            info = ds.info
            print(tr("已按任务文件创建数据文件 {path}（{year} 年度，指标体系 {profile}，{what}）",
                     "Created dataset {path} from the task (budget year {year}, profile "
                     "{profile}, {what})", path=ds.path, year=info.budget_year,
                     profile=info.profile, what=tr("主管部门汇总", "department's merged")
                     if info.kind == "department" else info.task["units"][0]["name"]))
        return EXIT_OK
    if args.year is None:
        from perfdesk.core.errors import PerfDeskError

        raise PerfDeskError("请给出预算年度（--year），或用 --task 从任务文件新建。",
                            "Give the budget year (--year), or --task to use a task file.")
    with Dataset.create(args.path, year=args.year, profile=args.profile, title=args.title,
                        department=args.department, unit=args.unit) as ds:
        print(tr("已创建数据文件 {path}（{year} 年度，指标体系 {profile}）",
                 "Created dataset {path} (budget year {year}, profile {profile})",
                 path=ds.path, year=args.year, profile=args.profile))
    return EXIT_OK


def _add_info(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", metavar="PATH", help=tr("数据文件", "dataset file"))


@command("info", "显示数据文件的概况", "show what a dataset holds", _add_info)
def _run_info(args: argparse.Namespace) -> int:
    from perfdesk.services.dataset import SCHEMA_VERSION, Dataset, schema_on_disk

    on_disk = schema_on_disk(args.path)
    with Dataset.open(args.path, read_only=True) as ds:
        info, counts = ds.info, ds.counts()
    schema = str(on_disk) if on_disk == SCHEMA_VERSION else tr(
        "{v}（打开时将升级到第 {new} 版）", "{v} (will be upgraded to {new} when opened)",
        v=on_disk, new=SCHEMA_VERSION)
    rows = [
        (tr("文件", "File"), str(info.path)),
        (tr("标题", "Title"), info.title),
        (tr("预算年度", "Budget year"), str(info.budget_year)),
        (tr("指标体系", "Profile"), info.profile),
        (tr("数据结构版本", "Schema version"), schema),
        (tr("主管部门", "Departments"), str(counts.departments)),
        (tr("预算单位", "Budget units"), str(counts.units)),
        (tr("项目", "Projects"), str(counts.projects)),
        (tr("指标", "Indicators"), str(counts.indicators)),
        (tr("创建于", "Created"), f"{info.created_at} ({info.created_by})"),
        (tr("程序版本", "Written by"), f"PerfDesk {info.app_version}"),
    ]
    width = max(_display_width(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key}{' ' * (width - _display_width(key))}  {value}")
    return EXIT_OK


def _display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
