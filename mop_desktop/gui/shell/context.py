"""What every page and dialog receives instead of reaching for globals.

Pages are built by ``create_page(app: AppContext, window: QMainWindow) -> QWidget`` in
``gui/pages/<name>.py`` and listen to the signals below to refresh. A page that changes data
emits the matching signal after committing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from mop_desktop.paths import AppPaths
from mop_desktop.store.db import Store


class AppContext(QObject):
    documentChanged = Signal()  # protocol text, versions, drafts
    scheduleChanged = Signal()  # adoptions, meetings, review settings
    councilChanged = Signal()  # council details and settings
    registerChanged = Signal()  # concerns (never carries their text)
    registerLocked = Signal()
    statusMessage = Signal(str)  # a short message for the status bar

    def __init__(self, paths: AppPaths, store: Store) -> None:
        super().__init__()
        self.paths = paths
        self.store = store
