"""The Attachments tab of the case form (``ui/attachments_panel.ui``): files kept inside the
encrypted register, opened through a private temporary copy that is wiped when the form closes
(and when the register locks, and at the next start after a crash)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidgetItem,
    QWidget,
)

from mop_desktop.gui.forms.ui_attachments_panel import Ui_AttachmentsPanel
from mop_desktop.gui.register.asks import Asks
from mop_desktop.gui.register.setup import user_message
from mop_desktop.gui.widgets import messages
from mop_desktop.services.concerns import RegisterService
from mop_desktop.services.concerns import attachments as files

FILTER = "Letters, e-mails, PDFs and photos ({})".format(
    " ".join(f"*{suffix}" for suffix in sorted(files.MEDIA_TYPES))
)


def failure_text(exc: BaseException) -> str:
    """One line for the clerk (never a file's content)."""
    from mop_desktop.store.sealing import SealError

    if isinstance(exc, files.AttachmentError):  # starts with a file name: kept as written
        text = str(exc)
        return text if text.endswith(".") else text + "."
    if isinstance(exc, SealError):
        return messages.full_sentence(str(exc))
    return user_message(exc)


def open_in_viewer(name: str, data: bytes) -> Path:
    """A private temporary copy, handed to the system's viewer for its kind of file."""
    copy = files.open_copy(name, data)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))
    return copy


class AttachmentsPanel(QWidget, Ui_AttachmentsPanel):
    def __init__(
        self, service: RegisterService, reference: str | None, parent: QWidget, asks: Asks
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.service = service
        self.reference = reference
        self.asks = asks
        self.addFileButton.clicked.connect(self.add_files)
        self.openFileButton.clicked.connect(self.open_selected)
        self.saveFileButton.clicked.connect(self.save_selected)
        self.removeFileButton.clicked.connect(self.remove_selected)
        self.fileList.itemActivated.connect(lambda _item: self.open_selected())
        self.fileList.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.refresh()

    # -- showing ------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.fileList.clear()
        if self.reference is None:
            self.introLabel.setText("Save the concern first; then attach its files here.")
            self._update_buttons()
            return
        for item in files.listed(self.service, self.reference):
            label = (
                "Sealed file, held by the chair of the personnel committee "
                f"({item.added_at:%d/%m/%Y})"
                if item.sealed
                else f"{item.filename}    {files.size_text(item.size)}    "
                f"added {item.added_at:%d/%m/%Y}"
            )
            row = QListWidgetItem(label)
            row.setData(256, item.id)
            row.setData(257, item.sealed)
            self.fileList.addItem(row)
        self._update_buttons()

    def _selected(self) -> tuple[int, bool] | None:
        item = self.fileList.currentItem()
        return None if item is None else (int(item.data(256)), bool(item.data(257)))

    def _update_buttons(self) -> None:
        chosen = self._selected()
        readable = chosen is not None and not chosen[1]
        self.addFileButton.setEnabled(self.reference is not None)
        self.openFileButton.setEnabled(readable)
        self.saveFileButton.setEnabled(readable)
        self.removeFileButton.setEnabled(chosen is not None)

    def _say(self, text: str) -> None:
        self.attachmentsErrorLabel.setText(text)

    # -- actions ------------------------------------------------------------------------------
    def add_files(self, paths: list[str] | None = None) -> int:
        if self.reference is None:
            return 0
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(self, "Attach files", "", FILTER)
        added = 0
        for path in paths or []:
            try:
                files.add(self.service, self.reference, Path(path))
            except Exception as exc:  # noqa: BLE001 - one line, the rest still attached
                self._say(failure_text(exc))
                break
            added += 1
        else:
            self._say(f"{messages.counted(added, 'file')} attached." if added else "")
        self.refresh()
        return added

    def open_selected(self) -> Path | None:
        chosen = self._selected()
        if chosen is None or self.reference is None:
            return None
        try:
            name, data = files.content(self.service, self.reference, chosen[0])
            return open_in_viewer(name, data)
        except Exception as exc:  # noqa: BLE001 - one line
            self._say(failure_text(exc))
            return None

    def save_selected(self, target: str | None = None) -> None:
        chosen = self._selected()
        if chosen is None or self.reference is None:
            return
        try:
            name, data = files.content(self.service, self.reference, chosen[0])
            if target is None:
                target, _ = QFileDialog.getSaveFileName(self, "Save a copy", name)
            if target:
                Path(target).write_bytes(data)
                self._say(f"A copy of {name} was saved; it is not encrypted there.")
        except Exception as exc:  # noqa: BLE001 - one line
            self._say(failure_text(exc))

    def remove_selected(self) -> None:
        chosen = self._selected()
        if chosen is None or self.reference is None:
            return
        if not self.asks.confirm(
            self,
            "Remove attachment",
            "Remove this file from the concern? The audit trail keeps that it was removed.",
        ):
            return
        try:
            files.remove(self.service, self.reference, chosen[0])
        except Exception as exc:  # noqa: BLE001 - one line
            self._say(failure_text(exc))
        self.refresh()

    @staticmethod
    def wipe_copies() -> int:
        return files.wipe_open_copies()
