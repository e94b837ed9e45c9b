"""Headless commands. Each module: ``add_arguments(parser)`` and ``run(args, ctx) -> int``.

Top-level imports in these modules are the standard library only; the work is imported
inside ``run`` so that ``mop-desktop remind`` does not pay for reportlab or docx.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mop_desktop.paths import AppPaths, resolve_paths

if TYPE_CHECKING:
    from mop_desktop.store.db import Store
    from mop_desktop.store.location import StoreLocation

#: The protocol store's URL when ``--store`` is not given (``store.location``).
ENV_STORE_URL = "MOP_STORE_URL"

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
    #: ``--store`` or ``MOP_STORE_URL``: the protocol store's URL; None for policy.db
    store_url: str | None = field(default=None, repr=False)
    #: the URL is the one chosen in Settings (not --store or MOP_STORE_URL)
    from_settings: bool = False
    _store: Store | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Context:
        url = getattr(args, "store", None) or os.environ.get(ENV_STORE_URL) or None
        paths = resolve_paths(getattr(args, "data_dir", None))
        if url is None:  # the shared store chosen in Settings on this PC, if any
            from mop_desktop.store.store_choice import saved_url

            url = saved_url(paths.data)
            return cls(paths=paths, store_url=url, from_settings=url is not None)
        return cls(paths=paths, store_url=url)

    def location(self) -> StoreLocation:
        """Where the protocol store is: policy.db in the data folder, or ``--store``'s URL.
        The confidential register is always in the data folder, whatever this says."""
        from mop_desktop.store.location import LocationError, StoreLocation, parse_location

        if not self.store_url:
            return StoreLocation(path=self.paths.policy_db)
        try:
            location = parse_location(self.store_url, self.paths.policy_db)
        except LocationError as exc:
            raise CommandError(str(exc), EXIT_USAGE) from None
        if location.path is not None and location.path.resolve() != self.paths.policy_db.resolve():
            raise CommandError(
                "--store: an SQLite store is policy.db in the data folder; name the folder "
                "with --data-dir instead",
                EXIT_USAGE,
            )
        return location

    @property
    def on_server(self) -> bool:
        """True when the protocol store is on a database server (``--store``)."""
        return bool(self.store_url) and self.location().is_server

    def open_store(self, *, create: bool = True) -> Store:
        """A newly opened protocol store at ``location()`` (the caller closes it)."""
        from mop_desktop.store.db import open_store

        location = self.location()
        if not location.is_server:
            self.paths.ensure()
            assert location.path is not None
            return open_store(location.path, self.paths.kept_aside, create=create)
        return open_store(location, self.paths.kept_aside, create=create)

    def store(self) -> Store:
        """The open protocol store, created or upgraded as needed (errors become exit 2)."""
        if self._store is None:
            from mop_desktop.store.db import StoreError

            self.paths.ensure()
            try:
                self._store = self.open_store()
            except StoreError as exc:
                raise CommandError(str(exc), EXIT_USAGE) from None
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
