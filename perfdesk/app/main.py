"""The ``perfdesk`` entry point: the command line or the desktop app.

``perfdesk`` alone starts the desktop app; ``perfdesk PATH`` opens a dataset in it; a
subcommand (``perfdesk check …``) runs headless through :mod:`perfdesk.cli`, which never
imports the GUI. This module is the one place that knows both, so it also registers the
``self-test`` subcommand, which opens the main window at its end.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from perfdesk.cli import CommandParser, command, is_command, reporting_errors, run_command
from perfdesk.core.errors import PerfDeskError
from perfdesk.core.i18n import tr


def _add_self_test(p: argparse.ArgumentParser) -> None:
    p.add_argument("--keep", action="store_true",
                   help=tr("保留临时文件夹（数据文件和日志）", "keep the temporary folder"))
    p.add_argument("--screenshot", metavar="PNG",
                   help=tr("保存主窗口截图", "save a screenshot of the main window"))


@command("self-test", "自检：在临时文件夹中创建、迁移、写入并读回数据",
         "self-test: create, migrate, write and read back a dataset in a temp folder",
         _add_self_test)
def _run_self_test(args: argparse.Namespace) -> int:
    from perfdesk.app.selftest import run_self_test

    return run_self_test(keep=args.keep, screenshot=args.screenshot)


def _gui_parser() -> argparse.ArgumentParser:
    parser = CommandParser(prog="perfdesk", add_help=False)
    parser.add_argument("path", nargs="?")
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--read-only", action="store_true")
    parser.add_argument("--sample", action="store_true")
    parser.add_argument("--screenshot")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)

    def run() -> int:
        if is_command(argv):
            return run_command(argv)
        args = _gui_parser().parse_args(argv)
        if args.self_test:
            from perfdesk.app.selftest import run_self_test

            return run_self_test(keep=False, screenshot=args.screenshot)
        return _start_gui(args)

    return reporting_errors(run)


def _start_gui(args: argparse.Namespace) -> int:
    # Start-up creates hundreds of thousands of objects that all live (modules, classes, Qt
    # types): the cyclic garbage collector would traverse them again and again for nothing.
    # It is off until the window is on screen and what follows its first expose is done
    # (run_app turns it back on, with those objects set aside for good: gc.freeze).
    gc.disable()
    try:
        from perfdesk.gui.application import run_app
    except ImportError as exc:
        if "PySide6" in str(exc) or "perfdesk.gui" in str(exc):
            raise PerfDeskError(
                f"无法启动桌面程序（{exc}）。命令行功能仍可使用，见 perfdesk --help。",
                f"The desktop app cannot start ({exc}). The command line still works; see "
                "perfdesk --help.") from exc
        raise
    return run_app(args)
