"""Sealed concerns in the window: the clerk sees that one is sealed, with its dates; the chair of
the personnel committee opens it with their own passphrase (``ui/sealed_dialog.ui``), and sets
up their key with the clerk present."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QListWidgetItem,
    QWidget,
)

from mop_desktop.domain.concerns import choice_label, field_label
from mop_desktop.domain.dates import format_long, format_short
from mop_desktop.gui.forms.ui_sealed_dialog import Ui_SealedDialog
from mop_desktop.gui.register.asks import Asks
from mop_desktop.gui.register.attachments_panel import failure_text, open_in_viewer
from mop_desktop.services.concerns import RegisterService, sealed
from mop_desktop.services.concerns import attachments as files
from mop_desktop.store.sealing import ChairKey

_SHOWN = (
    "raised_on",
    "raised_by",
    "raised_by_role",
    "about",
    "about_role",
    "category",
    "clauses",
    "summary",
    "details",
    "route",
    "status",
    "follow_up_on",
    "outcome",
    "closed_on",
)


def case_text(case: sealed.SealedCase) -> str:
    """The sealed concern as plain text for the chair to read."""
    lines = [f"Concern {case.concern.reference}", ""]
    for name in _SHOWN:
        value = getattr(case.concern, name)
        if hasattr(value, "isoformat"):
            value = format_long(value)
        elif isinstance(value, list):
            value = ", ".join(value)
        elif name.endswith("role") or name in ("category", "status"):
            value = choice_label(value) if value else ""
        lines.append(f"{field_label(name)}: {value or '—'}")
    lines += ["", "Timeline:"]
    lines += [f"  {format_short(t.on)}  {t.entry}" for t in case.timeline] or ["  No entries."]
    return "\n".join(lines)


class SealedDialog(QDialog, Ui_SealedDialog):
    """A sealed concern, opened for the chair; the key is closed when the window closes."""

    def __init__(
        self, service: RegisterService, key: ChairKey, reference: str, parent: QWidget
    ) -> None:
        # read first: a case that cannot be opened leaves no window behind
        case = sealed.open_sealed(service, key, reference)
        listed = []
        for item in files.listed(service, reference):
            name = f"File {item.id}"
            if item.sealed:  # the chair reads each sealed file's own name
                name = sealed.open_sealed_attachment(service, key, reference, item.id)[0]
            listed.append((f"{name}    added {item.added_at:%d/%m/%Y}", item.id))
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setupUi(self)
        self.service = service
        self.key = key
        self.reference = reference
        self.setWindowTitle(f"Sealed concern {reference}")
        self.caseText.setPlainText(case_text(case))
        for text, item_id in listed:
            row = QListWidgetItem(text)
            row.setData(256, item_id)
            self.sealedFileList.addItem(row)
        self.openSealedFileButton.clicked.connect(self.open_selected)
        self.buttonBox.rejected.connect(self.reject)
        self.finished.connect(self._closed)

    def open_selected(self) -> None:
        item = self.sealedFileList.currentItem()
        if item is None:
            return
        try:
            name, data = sealed.open_sealed_attachment(
                self.service, self.key, self.reference, int(item.data(256))
            )
            open_in_viewer(name, data)
        except Exception as exc:  # noqa: BLE001 - one line
            self.bannerLabel.setText(failure_text(exc))

    def _closed(self, _result: int = 0) -> None:
        self.caseText.clear()
        self.key.close()
        files.wipe_open_copies()


def open_as_chair(
    service: RegisterService, asks: Asks, parent: QWidget, reference: str
) -> SealedDialog | None:
    """Tell the clerk the concern is sealed; the chair may type their passphrase to open it."""
    concern = service.get(reference)
    if not asks.confirm(
        parent,
        "Sealed concern",
        f"{reference}, raised on {format_long(concern.raised_on)}, is sealed: it is held by the "
        "chair of the personnel committee, and only the chair's passphrase opens it.\n\n"
        "Open it now as the chair?",
    ):
        return None
    passphrase = asks.secret(
        parent, "Sealed concern", "Passphrase of the chair of the personnel committee:"
    )
    if not passphrase:
        return None
    try:
        key = sealed.unlock_chair(service, passphrase)
        view = SealedDialog(service, key, reference, parent)
    except Exception as exc:  # noqa: BLE001 - one line
        asks.inform(parent, "Sealed concern", failure_text(exc))
        return None
    view.open()
    return view


def set_up_chair(service: RegisterService, asks: Asks, parent: QWidget) -> str | None:
    """With the chair present: their own passphrase, and their recovery key shown once."""
    if sealed.chair_is_set_up(service):
        asks.inform(
            parent, "Chair's key", "The chair of the personnel committee has a key already."
        )
        return None
    passphrase = asks.new_secret(
        parent, "Chair's key", "The chair's own passphrase (the chair types it)"
    )
    if not passphrase:
        return None
    try:
        recovery_key = sealed.set_up_chair(service, passphrase)
    except Exception as exc:  # noqa: BLE001 - one line
        asks.inform(parent, "Chair's key", failure_text(exc))
        return None
    asks.inform(
        parent,
        "Chair's recovery key",
        "Write this down or print it for the chair to keep, away from the clerk and the "
        f"computer. It is shown only once.\n\n{recovery_key}\n\nIt opens the sealed concerns "
        "if the chair forgets their passphrase.",
    )
    return recovery_key


def seal_selected(service: RegisterService, asks: Asks, parent: QWidget, reference: str) -> bool:
    if not asks.confirm(
        parent,
        "Seal to the chair",
        f"Seal {reference} to the chair of the personnel committee? From then on only the "
        "chair's passphrase opens it; you will see only that it exists and its dates.",
    ):
        return False
    try:
        sealed.seal_concern(service, reference)
    except Exception as exc:  # noqa: BLE001 - one line
        asks.inform(parent, "Seal to the chair", failure_text(exc))
        return False
    return True
