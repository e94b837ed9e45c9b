"""The window hears about other people's changes to a shared store (``store.changes``).

A worker thread keeps a connection listening for the server's notifications and hands each
batch of change kinds to the UI thread through a queued signal; ``announce`` turns them into
the window's own change announcement, in this ONE place, so pages refresh exactly as after a
change made in this window. On policy.db (SQLite) nothing is started: only this PC writes.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from mop_desktop.gui.shell.context import AppContext


class ChangeListener(QObject):
    changed = Signal(object)  # a set of kinds: "document", "schedule", "council", "presence"
    connection = Signal(bool)  # the listening connection made (True) or lost (False)

    def __init__(self, app: AppContext) -> None:
        super().__init__(app)
        self.app = app
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.changed.connect(self.announce)

    def start(self) -> bool:
        """Start listening if the store is on a server; False (nothing started) otherwise."""
        store = self.app.store
        if not store.is_server or self._thread is not None:
            return False
        from mop_desktop.store import changes

        ignore = changes.own_backends(store.engine)
        self._thread = threading.Thread(
            target=changes.listen,
            args=(store.location, self.changed.emit, self._stop),
            kwargs={"ignore": ignore, "on_state": self.connection.emit},
            name="mop-change-listener",
            daemon=True,
        )
        self._thread.start()
        return True

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=3)
            self._thread = None

    def announce(self, kinds: set[str]) -> None:
        """Other people's changes, announced to the window's pages as its own would be."""
        from mop_desktop.gui.widgets.operation import Change, announce

        known = {kind.value: kind for kind in Change}
        announce(self.app, [known[kind] for kind in sorted(kinds) if kind in known])


def start_listening(app: AppContext) -> ChangeListener:
    """A listener for ``app`` (parented to it), started when its store is on a server."""
    from PySide6.QtCore import QCoreApplication

    listener = ChangeListener(app)
    if listener.start():
        qt_app = QCoreApplication.instance()
        if qt_app is not None:
            qt_app.aboutToQuit.connect(listener.stop)
    return listener
