"""The 报送 and 汇总 subcommands: ``task``, ``submit``, ``receive``, ``return``, ``status``.

``perfdesk task -o FOLDER --year Y --department D --unit NAME[=CODE]…`` writes the task files;
``perfdesk submit DATASET -o FOLDER [--explain RULE=TEXT…] [--explain-all TEXT]`` checks and
writes the submission (exit 1, each finding listed, when one is left unexplained);
``perfdesk receive FILE|FOLDER… --into MERGED [--task FILE] [--accept-changed]`` receives
(exit 0 when every file was received or skipped as a duplicate, 1 when any was refused);
the same verb takes a return file into the unit's dataset (``--into UNIT_DATASET``: told apart
by the file's content); ``perfdesk return MERGED --unit NAME -o FOLDER`` writes a unit's
审核意见 back to it (退回);
``perfdesk status MERGED [--format json] [-o OUT.xlsx]`` says who handed in what.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from perfdesk.cli import EXIT_FINDINGS, EXIT_OK, command
from perfdesk.core.errors import PerfDeskError
from perfdesk.core.i18n import tr


def _add_task(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FOLDER", required=True,
                   help=tr("任务文件保存到的文件夹", "folder for the task files"))
    p.add_argument("--year", type=int, required=True, help=tr("预算年度", "budget year"))
    p.add_argument("--profile", choices=["88", "101"], default="88", help=tr("指标体系", "profile"))
    p.add_argument("--department", required=True, help=tr("主管部门名称", "department name"))
    p.add_argument("--department-code", default="", help=tr("主管部门编码", "department code"))
    p.add_argument("--unit", action="append", required=True, metavar="NAME[=CODE]",
                   help=tr("预算单位（可重复）", "a budget unit (repeat)"))
    p.add_argument("--deadline", default="", help=tr("报送截止日期", "deadline"))
    p.add_argument("--settings-from", metavar="DATASET",
                   help=tr("从这个数据文件取检查设置", "take the check settings from this dataset"))


@command("task", "主管部门：生成任务文件（每个单位一份，含签名密钥）",
         "department: write the task files (one per unit, with its signing secret)", _add_task)
def _run_task(args: argparse.Namespace) -> int:
    from perfdesk.services.submission.task import make_task

    settings = {}
    if args.settings_from:
        from perfdesk.services.dataset import Dataset

        with Dataset.open(args.settings_from, read_only=True) as ds:
            settings = ds.settings()
    units = [tuple(u.split("=", 1)) if "=" in u else (u, "") for u in args.unit]
    main, written = make_task(args.output, year=args.year, profile=args.profile,
                              department=args.department, units=units,
                              department_code=args.department_code, deadline=args.deadline,
                              settings=settings)
    print(tr("主管部门留存（含全部单位的密钥，不要外发）：{p}", "Keep at the department: {p}",
             p=main))
    for path in written:
        print(tr("  发给单位：{p}", "  for the unit: {p}", p=path))
    return EXIT_OK


def _add_submit(p: argparse.ArgumentParser) -> None:
    p.add_argument("dataset", metavar="DATASET", help=tr("单位的数据文件", "the unit's dataset"))
    p.add_argument("-o", "--output", metavar="FOLDER", required=True,
                   help=tr("报送文件保存到的文件夹（可以是 U 盘）", "folder for the file (a USB stick too)"))
    p.add_argument("--explain", action="append", default=[], metavar="RULE=TEXT",
                   help=tr("某条规则的审核说明（可重复）", "explanation for one rule (repeat)"))
    p.add_argument("--explain-all", default="", metavar="TEXT",
                   help=tr("其余所有问题的审核说明", "explanation for every other finding"))


@command("submit", "报送：检查后生成报送文件", "submit: check, then write the submission file",
         _add_submit)
def _run_submit(args: argparse.Namespace) -> int:
    from perfdesk.services.dataset import Dataset
    from perfdesk.services.submission.submit import NeedsExplanation, OpenComments, submit

    explanations = {}
    for item in args.explain:
        rule, sep, text = item.partition("=")
        if not sep or not text.strip():
            raise PerfDeskError(f"--explain 应写成 规则=说明，不能是“{item}”。",
                                f"--explain takes RULE=TEXT, not '{item}'.")
        explanations[rule.strip()] = text
    with Dataset.open(args.dataset) as ds:
        try:
            done = submit(ds, args.output, explanations=explanations,
                          explain_all=args.explain_all)
        except OpenComments as exc:
            print(tr("未报送：还有 {n} 条审核意见没有答复：", "Not submitted: {n} review comments "
                     "are unanswered:", n=len(exc.comments)))
            for comment, where in exc.comments:
                print(f"  - {comment.uuid[:8]}  {where}：{comment.text}")
            print(tr("请逐条答复：perfdesk answer 数据文件 意见编号 --fixed 或 --explained 说明。",
                     "Answer each: perfdesk answer DATASET ID --fixed or --explained TEXT."))
            return EXIT_FINDINGS
        except NeedsExplanation as exc:
            print(tr("未报送：还有 {n} 个错误或警告没有审核说明：", "Not submitted: {n} findings "
                     "have no explanation:", n=len(exc.missing)))
            for item in exc.missing:
                print(f"  - {item.line()}")
            print(tr("请修改，或用 --explain 规则=说明 / --explain-all 说明 为每一个写一句说明。",
                     "Fix them, or explain each with --explain RULE=TEXT / --explain-all TEXT."))
            return EXIT_FINDINGS
    check = done.manifest["check"]
    print(tr("已报送（第 {n} 次）：{path}", "Submitted (number {n}): {path}", n=done.number,
             path=done.path))
    print(tr("  报送编号 {id}，SHA-256 {sha}", "  submission {id}, SHA-256 {sha}",
             id=done.submission_id, sha=done.sha256))
    print(tr("  错误 {e}，警告 {w}，均已说明；{signed}", "  errors {e}, warnings {w}, all "
             "explained; {signed}", e=check["errors"], w=check["warnings"],
             signed=tr("已签名", "signed") if done.manifest["signed"] else
             tr("未签名（数据文件不是从任务文件建立的）", "unsigned (not from a task file)")))
    if done.number > 1:
        lines = done.changes.lines() or [tr("与上次报送相比没有变化", "no change since last")]
        print(tr("  与上次报送相比：", "  since the last submission:"))
        for line in lines:
            print(f"    {line}")
    return EXIT_OK


def _add_receive(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="FILE|FOLDER",
                   help=tr("报送文件或文件夹；或主管部门的退回文件", "submission files or folders; or "
                           "a return file from the department"))
    p.add_argument("--into", metavar="DATASET", required=True,
                   help=tr("主管部门的汇总数据文件（不存在时新建）；退回文件则为单位的数据文件",
                           "the merged dataset (made when missing); for a return file, the "
                           "unit's dataset"))
    p.add_argument("--task", metavar="TASKFILE",
                   help=tr("新建汇总数据文件时用的主管部门任务文件（用于核对签名）",
                           "the department's task file, to set up a new merged dataset"))
    p.add_argument("--accept-changed", action="store_true",
                   help=tr("接受导出后被手工修改过的报送（按表格内容接收）",
                           "take hand-edited workbooks (as their sheets show)"))


@command("receive", "汇总：接收报送文件", "receive submissions into the merged dataset",
         _add_receive)
def _run_receive(args: argparse.Namespace) -> int:
    from perfdesk.services.dataset import Dataset
    from perfdesk.services.submission.receive import created_merged, receive

    from perfdesk.services.submission.returns import is_return_file

    merged = Path(args.into)
    if not merged.suffix:
        merged = merged.with_suffix(".perfdesk")
    files = [Path(p) for p in args.inputs]
    returns = [p for p in files if p.is_file() and is_return_file(p)]
    if returns:
        if len(returns) != len(files):
            raise PerfDeskError("退回文件（审核意见）和报送文件要分开接收：退回文件接收到单位的数据文件，"
                                "报送文件接收到主管部门的汇总数据文件。",
                                "Receive return files (into a unit's dataset) and submissions "
                                "(into a merged dataset) separately.")
        return _receive_returns(returns, merged)
    if merged.exists():
        ds = Dataset.open(merged)
    elif args.task:
        from perfdesk.services.submission.task import dataset_from_task

        ds = dataset_from_task(args.task, merged)
    else:
        ds = created_merged(merged, Path(args.inputs[0]))
    with ds:
        results = receive(ds, args.inputs, accept_changed=args.accept_changed)
    for r in results:
        print(r.line())
        for line in r.changes.lines() if r.status == "received" and r.number > 1 else []:
            print(f"    {line}")
        for line in r.answers:
            print(f"    {tr('审核意见', 'comment')} {line}")
    refused = [r for r in results if not r.ok]
    print(tr("共 {n} 个文件：接收 {a}，跳过 {s}，拒收 {r}。", "{n} files: {a} received, {s} "
             "skipped, {r} refused.", n=len(results),
             a=sum(r.status == "received" for r in results),
             s=sum(r.status == "skipped" for r in results), r=len(refused)))
    return EXIT_FINDINGS if refused else EXIT_OK


def _receive_returns(paths: list[Path], dataset_path: Path) -> int:
    """Return files into a unit's dataset: each verified, its comments put in, or refused."""
    from perfdesk.services.dataset import Dataset
    from perfdesk.services.submission.returns import receive_return

    if not dataset_path.exists():
        raise PerfDeskError("找不到单位的数据文件；退回文件只能接收到已报送过的数据文件中。",
                            "The unit's dataset does not exist.", file=dataset_path)
    with Dataset.open(dataset_path) as ds:
        results = [receive_return(ds, p) for p in paths]
    for r in results:
        print(r.line())
        for line in r.lines:
            print(f"    {line}")
    refused = [r for r in results if not r.ok]
    if any(r.status == "received" for r in results):
        print(tr("请逐条答复（perfdesk comments 查看，perfdesk answer 答复），修改后重新报送。",
                 "Answer each comment (perfdesk comments, perfdesk answer), then submit again."))
    return EXIT_FINDINGS if refused else EXIT_OK


def _add_return(p: argparse.ArgumentParser) -> None:
    p.add_argument("dataset", metavar="MERGED", help=tr("汇总数据文件", "the merged dataset"))
    p.add_argument("--unit", required=True, help=tr("退回给哪个预算单位（名称或编码）",
                                                    "the budget unit (name or code)"))
    p.add_argument("-o", "--output", metavar="FOLDER", required=True,
                   help=tr("退回文件保存到的文件夹（可以是 U 盘）", "folder for the file (a USB stick too)"))
    p.add_argument("--reviewer", default=None, help=tr("审核人（默认：当前用户）",
                                                       "reviewer (default: OS user)"))


@command("return", "退回：把审核意见发回预算单位", "return the review comments to a unit",
         _add_return)
def _run_return(args: argparse.Namespace) -> int:
    from perfdesk.services.dataset import Dataset
    from perfdesk.services.submission.returns import make_return

    with Dataset.open(args.dataset) as ds:
        done = make_return(ds, args.unit, args.output, reviewer=args.reviewer)
    print(tr("已退回 {unit}（第 {n} 次报送）：{path}", "Returned to {unit} (submission {n}): "
             "{path}", unit=done.unit, n=done.submission_number, path=done.path))
    print(tr("  审核意见 {c} 条，待答复 {o} 条；{signed}", "  {c} comments, {o} open; {signed}",
             c=done.comments, o=done.open,
             signed=tr("已签名", "signed") if done.signed else tr("未签名（任务文件没有该单位的密钥）",
                                                             "unsigned (no secret in the task)")))
    return EXIT_OK


def _add_status(p: argparse.ArgumentParser) -> None:
    p.add_argument("dataset", metavar="MERGED", help=tr("汇总数据文件", "the merged dataset"))
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("-o", "--output", metavar="OUT.xlsx",
                   help=tr("另存为 Excel", "also write it as an Excel workbook"))


@command("status", "报送情况：各单位是否报送、报送了什么", "who submitted what", _add_status)
def _run_status(args: argparse.Namespace) -> int:
    from perfdesk.services.dataset import Dataset
    from perfdesk.services.submission.status import COLUMNS, cell, export_status, status

    with Dataset.open(args.dataset, read_only=True) as ds:
        report = status(ds)
    if args.output:
        export_status(report, args.output)
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(tr("{year}年 {dept}：已报送 {s}/{n}", "{year} {dept}: {s}/{n} submitted",
             year=report["year"], dept=report["department"], s=report["submitted"],
             n=len(report["units"])))
    for row in report["units"]:
        print("  " + "  ".join(f"{label}：{cell(row, key)}" for key, label in COLUMNS[:14]
                               if row.get(key, "") != "" or key in ("unit", "submitted")))
    if report["missing"]:
        print(tr("未报送：{names}", "Missing: {names}", names="、".join(report["missing"])))
    return EXIT_OK
