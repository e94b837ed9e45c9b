"""What every page and dialog receives instead of reaching for globals.

Pages are built by ``create_page(app: AppContext, window: MainWindow) -> QWidget`` and refresh
when ``changed`` is emitted, carrying the frozenset of ``gui.widgets.operation.Change`` kinds
that changed. Only ``gui.widgets.operation`` emits it (``Operation`` after its work succeeded,
or ``announce``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from mop_desktop.paths import AppPaths
from mop_desktop.store.db import Store


class AppContext(QObject):
    changed = Signal(object)  # frozenset[Change]: what changed, announced once
    registerLocked = Signal()
    statusMessage = Signal(str)  # a short message for the status bar

    def __init__(self, paths: AppPaths, store: Store) -> None:
        super().__init__()
        self.paths = paths
        self.store = store
