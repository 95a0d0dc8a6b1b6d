"""The ``perfdesk`` subcommands: argument handling and error reporting, headless.

Subcommands live in the modules named in :data:`COMMAND_MODULES` and register themselves
with :func:`command`; each imports what it needs only when it runs, so ``perfdesk --version``
stays instant. The command line is part of the core: it never imports the GUI. The entry
point that decides between the command line and the desktop app is :mod:`perfdesk.app.main`.

Errors the clerk can fix are printed as one line (Chinese, or English when ``LANG`` is
English) with exit status 2 and no traceback; unexpected errors are logged with their
traceback and also reported in one line (:func:`reporting_errors`).
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime

from perfdesk import __version__
from perfdesk.core.errors import PerfDeskError
from perfdesk.core.i18n import ZH, language, tr

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

# subcommand name -> (zh help, en help, add arguments, run)
COMMANDS: dict[str, tuple[str, str, Callable, Callable]] = {}


def command(name: str, zh: str, en: str, add: Callable[[argparse.ArgumentParser], None]):
    """Register ``run(args) -> int`` as subcommand ``name``; ``add`` declares its arguments."""

    def register(run: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = (zh, en, add, run)
        return run

    return register


class CommandParser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line in the user's language, exit 2."""

    _ZH = (
        (r"the following arguments are required: (.*)", r"缺少参数：\1"),
        (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
        (r"argument (\S+): invalid choice: '?([^' ]*)'? \(choose from (.*)\)",
         r"参数 \1 的取值“\2”无效（可选：\3）"),
        (r"argument (\S+): invalid (\w+) value: '?([^']*)'?", r"参数 \1 的值“\3”无效"),
        (r"argument (\S+): expected one argument", r"参数 \1 需要一个值"),
    )

    def error(self, message: str) -> None:  # noqa: D401 - argparse API
        if language() == ZH:
            for pattern, repl in self._ZH:
                if re.fullmatch(pattern, message):
                    message = re.sub(pattern, repl, message)
                    break
            self.exit(EXIT_ERROR, f"perfdesk：{message}（perfdesk --help 查看用法）\n")
        self.exit(EXIT_ERROR, f"perfdesk: {message} (see perfdesk --help)\n")


COMMAND_MODULES = ("perfdesk.cli.basic", "perfdesk.cli.check", "perfdesk.cli.io",
                   "perfdesk.cli.review", "perfdesk.cli.submission")


def _load_commands() -> None:
    import importlib

    for module in COMMAND_MODULES:
        importlib.import_module(module)


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="perfdesk",
        description=tr("PerfDesk 绩效目标填报助手：填写、检查并导出项目支出绩效目标表。",
                       "PerfDesk: fill in, check and export project performance targets."),
        epilog=tr("不带子命令运行时启动桌面程序；PATH 为要打开的数据文件。",
                  "Without a subcommand the desktop app starts; PATH is a dataset to open."))
    parser.add_argument("--version", action="version", version=f"PerfDesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    for name, (zh, en, add, _run) in COMMANDS.items():
        add(sub.add_parser(name, help=tr(zh, en), description=tr(zh, en)))
    return parser


def safe_output() -> None:
    """Never crash on printing Chinese: output that goes to a file or pipe is UTF-8; a
    console keeps its code page (GBK on Chinese Windows) and replaces what it cannot show."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or not hasattr(stream, "reconfigure"):
            continue  # windowed frozen app: no console at all
        try:
            if stream.isatty():
                stream.reconfigure(errors="replace")
            else:
                stream.reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError):
            pass


def is_command(argv: Sequence[str]) -> bool:
    """Whether ``argv`` asks for a subcommand (or --help/--version) rather than the app."""
    _load_commands()
    return bool(argv) and (argv[0] in COMMANDS or argv[0].startswith("-h")
                           or argv[0] in ("--help", "--version"))


def run_command(argv: Sequence[str]) -> int:
    """Parse ``argv`` as a subcommand and run it (errors are the caller's: see
    :func:`reporting_errors`)."""
    _load_commands()
    parser = build_parser()
    args = parser.parse_args(_files_named_like_options(parser, list(argv)))
    if args.command is None:  # pragma: no cover - argparse exits for -h/--version
        return EXIT_OK
    return COMMANDS[args.command][3](args)


def _files_named_like_options(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """``argv`` with the names of existing files that start with "-" (``-表.csv``) written as
    ``./-表.csv``, so they are read as the files the clerk named and not as unknown options."""
    import os

    if not argv or argv[0] not in COMMANDS:
        return argv
    sub = next(a for a in parser._subparsers._group_actions
               if isinstance(a, argparse._SubParsersAction)).choices[argv[0]]
    known = set(sub._option_string_actions)
    out = argv[:1]
    for index, token in enumerate(argv[1:], 1):
        if token == "--":
            return out + argv[index:]
        if (token.startswith("-") and token != "-" and token.split("=")[0] not in known
                and os.path.lexists(token)):
            token = os.path.join(".", token)
        out.append(token)
    return out


def reporting_errors(run: Callable[[], int]) -> int:
    """Run ``run()``; a PerfDeskError becomes one line on stderr and exit status 2, a bug
    one line plus a crash log."""
    safe_output()
    try:
        return run()
    except PerfDeskError as exc:
        print(f"perfdesk：{exc}" if language() == ZH else f"perfdesk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(tr("perfdesk：已中断。", "perfdesk: interrupted."), file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug: keep the traceback in the log, show one line
        log = _log_crash(exc)
        print(tr("perfdesk：内部错误（{err}）。详细信息已写入 {log}",
                 "perfdesk: internal error ({err}). Details were written to {log}",
                 err=f"{type(exc).__name__}: {exc}", log=log), file=sys.stderr)
        return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    """The command line alone (no desktop app): ``perfdesk-cli`` and the tests."""
    argv = list(sys.argv[1:] if argv is None else argv)
    return reporting_errors(lambda: run_command(argv))


def _log_crash(exc: BaseException) -> str:
    try:
        from perfdesk.core.paths import log_dir

        path = log_dir() / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
        path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        return str(path)
    except Exception:  # pragma: no cover - no writable log folder at all
        logging.getLogger(__name__).exception("crash")
        return "stderr"
