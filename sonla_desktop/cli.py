"""Command line: the same services as the GUI (DESIGN.md, "Command line").

Exit codes: 0 success, 1 user error (message on stderr, nothing written), 2 bad usage.
Each command module in ``sonla_desktop/commands`` adds its sub-commands with ``register``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__
from .commands.parser import VietnameseParser
from .errors import UserError

# Order = order in --help. Adding a feature: one module here, nothing else to edit.
COMMAND_MODULES = (
    "sonla_desktop.commands.setup",
    "sonla_desktop.commands.workers",
    "sonla_desktop.commands.loans",
    "sonla_desktop.commands.events",
    "sonla_desktop.commands.excel",
    "sonla_desktop.commands.reports",
    "sonla_desktop.commands.sync",
    "sonla_desktop.commands.audit",
    "sonla_desktop.commands.backup",
    "sonla_desktop.commands.documents",
    "sonla_desktop.commands.users",
    "sonla_desktop.commands.admin_units",
)


# Vietnamese headings and errors, exit 2 on bad usage (commands/parser.py).
_Parser = VietnameseParser


def _global_parser(**kwargs) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sonla-desktop",
        description="Quản lý người lao động đi làm việc ở nước ngoài – Sơn La. "
        "Không có lệnh con: mở giao diện.",
        **kwargs,
    )
    parser.add_argument("--db", help="tệp SQLite hoặc URL SQLAlchemy (mặc định: SONLA_DB "
                        "hoặc tệp trong thư mục dữ liệu người dùng)")
    parser.add_argument("--user", default=None,
                        help="tên đăng nhập (mặc định: SONLA_USER); mật khẩu: SONLA_PASSWORD "
                        "hoặc nhập khi được hỏi")
    parser.add_argument("--version", action="version", version=f"sonla-desktop {__version__}",
                        help="in số phiên bản rồi thoát / print the version and exit")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _global_parser()
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


# A sync bundle given alone opens the GUI on it: how Windows passes a double-clicked file.
SYNC_FILE_SUFFIX = ".sldsync"


def _gui_leftovers(argv: Sequence[str]) -> list[str]:
    _, rest = _global_parser(add_help=False).parse_known_args(list(argv))
    return rest


def sync_file_argument(argv: Sequence[str]) -> str | None:
    """The ``*.sldsync`` path when it is the only thing besides the global options."""
    rest = _gui_leftovers(argv)
    if len(rest) == 1 and rest[0].lower().endswith(SYNC_FILE_SUFFIX):
        return rest[0]
    return None


def _opens_gui(argv: Sequence[str]) -> bool:
    """No sub-command and no --help, or just a ``*.sldsync`` path: the GUI. Decided before
    the command modules (and the Excel/PDF libraries they import) are loaded, which keeps
    the window's start fast."""
    return not _gui_leftovers(argv) or sync_file_argument(argv) is not None


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if _opens_gui(argv):
        from .ui.app import run_gui

        sync_file = sync_file_argument(argv)
        options = [a for a in argv if a != sync_file] if sync_file else argv
        return run_gui(_global_parser().parse_args(options).db, sync_file=sync_file)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from .ui.app import run_gui

        return run_gui(args.db)
    try:
        from .services.leftovers import clean_leftovers

        clean_leftovers(args.db)  # what a killed export or backup left (issue #12)
        return int(args.func(args) or 0)
    except UserError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `| head` closed the pipe: not an error worth a traceback
        return 0
    except Exception as exc:  # noqa: BLE001 - a bug: its traceback, without personal data
        from .db import storage_error
        from .redact import format_exception

        problem = storage_error(exc)
        if problem is not None:  # the database file refused: a message, not a bug
            print(f"Lỗi: {problem}", file=sys.stderr)
            return 1
        print(format_exception(type(exc), exc, exc.__traceback__), file=sys.stderr, end="")
        return 1
