"""Headless commands. Each module: ``add_arguments(parser)`` and ``run(args, ctx) -> int``.

Top-level imports in these modules are the standard library only; the work is imported
inside ``run`` so that ``mop-desktop remind`` does not pay for reportlab or docx.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mop_desktop.paths import AppPaths, resolve_paths

if TYPE_CHECKING:
    from mop_desktop.store.db import Store

EXIT_OK = 0
EXIT_NO = 1  # a check that answered "no"
EXIT_USAGE = 2  # bad input or usage
EXIT_LOCKED = 3  # wrong passphrase or locked register


class CommandError(Exception):
    """One clear line for stderr and the exit code that goes with it."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Context:
    paths: AppPaths
    _store: Store | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Context:
        return cls(paths=resolve_paths(getattr(args, "data_dir", None)))

    def store(self) -> Store:
        """The open policy store, created or upgraded as needed (errors become exit 2)."""
        if self._store is None:
            from mop_desktop.store.db import StoreError, open_store

            self.paths.ensure()
            try:
                self._store = open_store(self.paths.policy_db, self.paths.kept_aside)
            except StoreError as exc:
                raise CommandError(str(exc), EXIT_USAGE) from None
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
