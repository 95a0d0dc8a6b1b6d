"""The review subcommands, for reviewers who script: ``comment`` writes a 审核意见 at a
project, an indicator or a field; ``comments`` lists them with their anchor, status and reply;
``answer`` is the clerk's 改了 / 说明, ``close`` the reviewer's verdict on it.

    perfdesk comment DATASET --project NAME [--unit UNIT] [--indicator N|NAME] [--field F] TEXT
    perfdesk comments DATASET [--status open|answered|closed] [--format text|json]
    perfdesk answer DATASET ID (--fixed [TEXT] | --explained TEXT)   (the clerk)
    perfdesk close DATASET ID… [--reopen]                            (the reviewer)
"""

from __future__ import annotations

import argparse
import json

from perfdesk.cli import EXIT_OK, command
from perfdesk.core.errors import InvalidValueError
from perfdesk.core.i18n import tr


def _add_comment(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", metavar="DATASET", help=tr("数据文件", "dataset file"))
    p.add_argument("text", metavar="TEXT", help=tr("审核意见", "the comment"))
    p.add_argument("--project", required=True,
                   help=tr("项目名称（或项目编码）", "project name (or code)"))
    p.add_argument("--unit", default="", help=tr("预算单位（项目重名时）", "budget unit, when names repeat"))
    p.add_argument("--indicator", default="",
                   help=tr("指标：序号（从 1 起）或三级指标名称", "indicator: number (from 1) or name"))
    p.add_argument("--field", default="",
                   help=tr("字段：如 年度目标、指标值、计量单位（或字段名）",
                           "field: e.g. 年度目标, 指标值 (or the field name)"))
    p.add_argument("--rule", default="", help=tr("对应的检查规则，如 SAT-01", "the rule, e.g. SAT-01"))
    p.add_argument("--author", default=None, help=tr("审核人（默认：当前用户）", "reviewer (default: OS user)"))


def _project(ds, name: str, unit: str):
    entries = [e for e in ds.project_list()
               if (e.name == name or (e.code and e.code == name)) and (not unit or e.unit == unit)]
    if not entries:
        raise InvalidValueError(f"数据文件中没有名为“{name}”的项目" +
                                (f"（预算单位“{unit}”）" if unit else "") + "。",
                                f"The dataset has no project named '{name}'.", file=ds.path)
    if len(entries) > 1:
        units = "、".join(sorted({e.unit for e in entries}))
        raise InvalidValueError(f"有 {len(entries)} 个名为“{name}”的项目（{units}），请用 --unit 指明。",
                                f"{len(entries)} projects are named '{name}' ({units}); "
                                "say which with --unit.", file=ds.path)
    return ds.load_project(entries[0].uuid)


def _indicator(project, wanted: str):
    if wanted.isdigit():
        number = int(wanted)
        if not 1 <= number <= len(project.indicators):
            raise InvalidValueError(
                f"项目“{project.name}”只有 {len(project.indicators)} 条指标，没有第 {number} 条。",
                f"Project '{project.name}' has {len(project.indicators)} indicators, "
                f"not {number}.")
        return project.indicators[number - 1]
    named = [i for i in project.indicators if i.name == wanted]
    if len(named) != 1:
        raise InvalidValueError(
            f"项目“{project.name}”中" + ("没有" if not named else f"有 {len(named)} 条") +
            f"名为“{wanted}”的指标" + ("。" if not named else "，请用序号指明。"),
            f"Project '{project.name}' has {len(named)} indicators named '{wanted}'.")
    return named[0]


@command("comment", "写审核意见（项目、指标或字段）", "write a review comment", _add_comment)
def _run_comment(args: argparse.Namespace) -> int:
    from perfdesk.core.fields import field_named
    from perfdesk.services import review
    from perfdesk.services.dataset import Dataset

    with Dataset.open(args.path) as ds:
        project = _project(ds, args.project, args.unit)
        indicator = _indicator(project, args.indicator) if args.indicator else None
        field = ""
        if args.field:
            field = field_named(args.field, on_indicator=indicator is not None) or ""
            if not field:
                raise InvalidValueError(
                    f"没有名为“{args.field}”的" + ("指标" if indicator else "项目") + "字段。",
                    f"There is no {'indicator' if indicator else 'project'} field "
                    f"'{args.field}'.")
        changes = review.add_comment(ds, project.uuid, args.text,
                                     indicator_uuid=indicator.uuid if indicator else "",
                                     field=field, rule=args.rule.strip().upper(),
                                     author=args.author)
        comment = ds.comment(changes.steps[0].uuid)
        print(tr("已写入审核意见 {id}：{where}：{text}", "Comment {id} written: {where}: {text}",
                 id=comment.uuid[:8], where=review.anchor_of(ds, comment).text(),
                 text=comment.text))
    return EXIT_OK


def _add_comments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", metavar="DATASET", help=tr("数据文件", "dataset file"))
    p.add_argument("--status", choices=["open", "answered", "closed"], default=None,
                   help=tr("只列出此状态的意见", "only comments of this status"))
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help=tr("输出格式：text 或 json", "output: text or json"))


@command("comments", "列出审核意见及其答复", "list review comments and replies", _add_comments)
def _run_comments(args: argparse.Namespace) -> int:
    from perfdesk.core.review import REPLY_NAMES
    from perfdesk.services import review
    from perfdesk.services.dataset import Dataset

    with Dataset.open(args.path, read_only=True) as ds:
        comments = [c for c in ds.comments() if args.status in (None, c.status)]
        anchors = [review.anchor_of(ds, c) for c in comments]
    if args.format == "json":
        print(json.dumps([{**c.as_record(), "where": str(a.text()), "anchor_found": a.found}
                          for c, a in zip(comments, anchors)], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not comments:
        print(tr("没有审核意见。", "No review comments."))
        return EXIT_OK
    for comment, anchor in zip(comments, anchors):
        rule = f"[{comment.rule}] " if comment.rule else ""
        print(f"{comment.uuid[:8]}  {review.status_name(comment)}  {anchor.text()}")
        print(f"    {rule}{comment.text}（{comment.author}，{comment.created_at}）")
        if comment.reply_kind:
            print(f"    " + tr("答复：", "Reply: ") + f"{REPLY_NAMES[comment.reply_kind]}"
                  + (f"：{comment.reply}" if comment.reply else "")
                  + f"（{comment.replied_by}，{comment.replied_at}）")
    return EXIT_OK


def _comment_id(ds, wanted: str):
    """The comment whose ID is or starts with ``wanted`` (the 8 characters ``comments`` shows)."""
    wanted = wanted.strip().lower()
    found = [c for c in ds.comments() if c.uuid == wanted or
             (len(wanted) >= 4 and c.uuid.startswith(wanted))]
    if len(found) != 1:
        raise InvalidValueError(
            f"没有编号为“{wanted}”的审核意见（perfdesk comments 列出全部编号）。" if not found else
            f"有 {len(found)} 条审核意见的编号以“{wanted}”开头，请写完整编号。",
            f"No single comment has the ID '{wanted}'.", file=ds.path)
    return found[0]


def _add_answer(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", metavar="DATASET", help=tr("单位的数据文件", "the unit's dataset"))
    p.add_argument("comment", metavar="ID", help=tr("审核意见编号（perfdesk comments 所列）",
                                                   "the comment's ID (as perfdesk comments lists it)"))
    kind = p.add_mutually_exclusive_group(required=True)
    kind.add_argument("--fixed", nargs="?", const="", metavar="TEXT",
                      help=tr("改了（可附一句说明）", "fixed (with an optional note)"))
    kind.add_argument("--explained", metavar="TEXT",
                      help=tr("说明：不改，写明理由", "explained: not changed, and why"))
    p.add_argument("--by", default=None, help=tr("答复人（默认：当前用户）", "who answers (default: OS user)"))


@command("answer", "答复审核意见（改了 / 说明）", "answer a review comment (fixed / explained)",
         _add_answer)
def _run_answer(args: argparse.Namespace) -> int:
    from perfdesk.core.review import EXPLAINED, FIXED, REPLY_NAMES
    from perfdesk.services import review
    from perfdesk.services.dataset import Dataset

    with Dataset.open(args.path) as ds:
        comment = _comment_id(ds, args.comment)
        kind, reply = (FIXED, args.fixed) if args.fixed is not None else (EXPLAINED, args.explained)
        review.answer(ds, comment.uuid, kind, reply, by=args.by)
        print(tr("已答复 {id}（{kind}）：{where}：{text}", "Answered {id} ({kind}): {where}: {text}",
                 id=comment.uuid[:8], kind=REPLY_NAMES[kind], text=comment.text,
                 where=review.anchor_of(ds, comment).text()))
        left = review.unanswered(ds.comments())
    if left:
        print(tr("还有 {n} 条待答复。", "{n} still open.", n=len(left)))
    return EXIT_OK


def _add_close(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", metavar="DATASET", help=tr("汇总数据文件", "the merged dataset"))
    p.add_argument("comments", nargs="+", metavar="ID", help=tr("审核意见编号", "comment IDs"))
    p.add_argument("--reopen", action="store_true",
                   help=tr("答复不能接受：重新打开（仍为待答复）", "keep open: the answer does not settle it"))


@command("close", "审核人员关闭（或重新打开）审核意见", "close (or re-open) review comments",
         _add_close)
def _run_close(args: argparse.Namespace) -> int:
    from perfdesk.services import review
    from perfdesk.services.dataset import Dataset

    with Dataset.open(args.path) as ds:
        chosen = [_comment_id(ds, wanted) for wanted in args.comments]
        for comment in chosen:
            (review.reopen if args.reopen else review.close)(ds, comment.uuid)
            if args.reopen:
                print(tr("已重新打开 {id}：{text}", "Re-opened {id}: {text}",
                         id=comment.uuid[:8], text=comment.text))
            else:
                print(tr("已关闭 {id}：{text}", "Closed {id}: {text}", id=comment.uuid[:8],
                         text=comment.text))
    return EXIT_OK
