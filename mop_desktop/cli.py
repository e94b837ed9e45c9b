"""The command line (../shared/CLI.md): the window by default, headless commands otherwise.

Each command lives in ``mop_desktop/commands/<name>.py`` with ``add_arguments(parser)`` and
``run(args, ctx) -> int``; those modules import only the standard library at top level, so
building the parser stays cheap. Nothing here imports Qt except the path that opens the window.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Sequence
from typing import NoReturn

from mop_desktop.commands import EXIT_USAGE, CommandError, Context

_STARTED = time.perf_counter()

#: name -> (module, one-line help). Modules that are not present are left out.
COMMANDS: dict[str, tuple[str, str]] = {
    "import": ("mop_desktop.commands.import_cmd", "import a protocol from .txt, .md or .docx"),
    "show": ("mop_desktop.commands.show", "print the current document"),
    "adopt": ("mop_desktop.commands.adopt", "adopt the draft at a minuted meeting"),
    "pdf": ("mop_desktop.commands.pdf", "export the protocol or the council-pack report as PDF"),
    "export": (
        "mop_desktop.commands.export",
        "the protocol or the council-pack report as PDF, web page (.html) or Word (.docx)",
    ),
    "verify": ("mop_desktop.commands.verify", "check a PDF against the recorded exports"),
    "remind": ("mop_desktop.commands.remind", "reminders due or coming up"),
    "calendar": ("mop_desktop.commands.calendar", "write the reminder dates as an .ics file"),
    "meetings": ("mop_desktop.commands.meetings", "list, add or import Full Council meetings"),
    "backup": ("mop_desktop.commands.backup", "write a backup bundle of the whole store"),
    "restore": ("mop_desktop.commands.restore", "restore the store from a backup bundle"),
    "check": ("mop_desktop.commands.check", "check the stores' integrity"),
    "concerns": ("mop_desktop.commands.concerns", "the confidential concern register"),
    "move-store": (
        "mop_desktop.commands.move_store",
        "copy the protocol store to an office server or back, checked row for row",
    ),
    "store-password": (
        "mop_desktop.commands.store_password",
        "keep the shared store's password in this PC's credential store",
    ),
}


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


class _Version(argparse.Action):
    """``--version``: the version is looked up only when it is asked for."""

    def __init__(
        self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: object
    ) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show the version and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        from mop_desktop import __version__

        sys.stdout.write(f"MOP Desktop {__version__}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mop-desktop", description="MOP Desktop")
    parser.add_argument("--version", action=_Version)
    parser.add_argument("--data-dir", metavar="DIR", help="keep every file of the app in DIR")
    parser.add_argument(
        "--store",
        metavar="URL",
        help="the protocol store shared by an office, e.g. postgresql+psycopg://clerk@server/"
        "council (or MOP_STORE_URL); without it, policy.db in the data folder",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the window with the store loaded, print startup-ms and exit",
    )
    parser.add_argument("--minimised", action="store_true", help="start minimised to the tray")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(command_parser)
        command_parser.add_argument(  # also after the command: restore FILE --store URL
            "--store", metavar="URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
        command_parser.set_defaults(_module=module)
    return parser


def finish_interrupted_restore(ctx: Context) -> None:
    """Before any command reads or writes anything: a restore that was killed part-way (its
    journal is still there) is rolled back, whichever store the command opens. The window
    does the same when it opens the store."""
    from mop_desktop.store.integrity import RESTORE_JOURNAL

    if not (ctx.paths.data / RESTORE_JOURNAL).exists():
        return
    from mop_desktop.store.copies import BackupError
    from mop_desktop.store.restore import finish_interrupted_restore as finish

    try:
        finish(ctx.paths)
    except BackupError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    sys.stderr.write("an interrupted restore was undone: the store is as it was before it\n")


def main(argv: Sequence[str] | None = None) -> int:
    from mop_desktop.no_core_dumps import disable_core_dumps

    disable_core_dumps()  # before any secret is read
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context.from_args(args)
    if args.command is None:
        from mop_desktop.gui.shell.app import run_gui

        return run_gui(ctx, smoke_test=args.smoke_test, minimised=args.minimised, started=_STARTED)
    try:
        finish_interrupted_restore(ctx)
        return int(args._module.run(args, ctx) or 0)
    except CommandError as exc:
        sys.stderr.write(f"mop-desktop {args.command}: {_masked(exc)}\n")
        return exc.code
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
    except Exception as exc:  # a full disk or a read-only folder: one line, nothing changed
        from mop_desktop.store.db import StoreError
        from mop_desktop.store.failures import explain

        message = str(exc) if isinstance(exc, StoreError) else explain(exc)
        if message is None:
            raise
        message = _masked(message)
        sys.stderr.write(f"mop-desktop {args.command}: {message}\n")
        return EXIT_USAGE
    finally:
        ctx.close()


def _masked(message: object) -> str:
    """``message`` with any password in a URL hidden (``store.location.mask``)."""
    from mop_desktop.store.location import mask

    return mask(str(message))


if __name__ == "__main__":
    sys.exit(main())
