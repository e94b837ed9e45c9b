"""The line in the Protocol page's banner saying who else has the draft open
(``services.presence``): renewed every ``HEARTBEAT_S`` seconds off the UI thread while a draft
is shown, removed when the page closes or shows adopted text."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from mop_desktop.services import presence

if TYPE_CHECKING:
    from mop_desktop.gui.protocol.page import ProtocolPage


class PresenceLine(QObject):
    seen = Signal(str)

    def __init__(self, page: ProtocolPage) -> None:
        super().__init__(page)
        self.page = page
        self.line_id = presence.new_id()
        self.label = QLabel("", page.form.bannerFrame)
        self.label.setObjectName("presenceLabel")
        self.label.setVisible(False)
        page.form.bannerLayout.insertWidget(1, self.label)
        self.seen.connect(self._show)
        self.timer = QTimer(self)
        self.timer.setInterval(presence.HEARTBEAT_S * 1000)
        self.timer.timeout.connect(self.refresh)
        self._busy = False
        self.active = page.app.store.is_server  # policy.db has one PC: no one else to see
        if self.active:
            self.timer.start()
            store, line_id = page.app.store, self.line_id
            page.destroyed.connect(lambda *_: _leave(store, line_id))

    def _what(self) -> str:
        current = self.page.current
        if current is None or not current.editable:
            return ""
        return presence.draft_key(current.version_id)

    def refresh(self) -> None:
        """Renew this page's line and ask who else is there (in a worker thread)."""
        if self._busy or not self.active:
            return
        self._busy = True
        store, what, line_id = self.page.app.store, self._what(), self.line_id

        def work() -> None:
            text = ""
            try:
                text = presence.describe(presence.heartbeat(store, line_id, what))
            except Exception:  # noqa: BLE001 - who else is here is a courtesy, never an error
                text = ""
            finally:
                self._busy = False
            if shiboken6.isValid(self):
                self.seen.emit(text)

        threading.Thread(target=work, name="mop-presence", daemon=True).start()

    def _show(self, text: str) -> None:
        if shiboken6.isValid(self.label):
            self.label.setText(text)
            self.label.setVisible(bool(text))


def _leave(store: object, line_id: str) -> None:
    try:
        presence.leave(store, line_id)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - a stale line goes by itself after STALE_S
        pass
