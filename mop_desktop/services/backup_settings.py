"""Where backups are kept, as the window and the command line set it: the folder chosen
(``settings.BACKUP_DIR``; empty when it is the data folder's own ``backups``), each change
its own transaction on policy.db."""

from __future__ import annotations

from pathlib import Path

from mop_desktop.paths import AppPaths
from mop_desktop.store import settings
from mop_desktop.store.db import Store


def set_backups_folder(store: Store, paths: AppPaths, folder: Path) -> None:
    """Keep backups in ``folder`` from now on (the default folder is stored as empty, so a
    data folder moved elsewhere takes its backups with it)."""
    default = folder.resolve() == paths.backups.resolve()
    with store.session() as session:
        settings.put(session, settings.BACKUP_DIR, "" if default else str(folder))
