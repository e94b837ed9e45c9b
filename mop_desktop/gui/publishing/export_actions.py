"""File menu: the protocol as a web page or a Word document, and the council-pack changes as a
Word document with tracked changes (services/publish). The PDF exports stay in pdf_actions.

The file is written off the UI thread and recorded with its SHA-256 like a PDF; the save
dialog is asked through ``ask_export_path`` so tests can answer it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from mop_desktop.gui.publishing.pdf_actions import default_folder
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets import messages
from mop_desktop.gui.widgets.operation import Change, Operation

if TYPE_CHECKING:
    from mop_desktop.gui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

_FOLDER_KEY = "pdf/last_folder"
WEB_OR_WORD = {
    "Web page for the council's website (*.html)": ".html",
    "Word document (*.docx)": ".docx",
}
WORD_ONLY = {"Word document with tracked changes (*.docx)": ".docx"}


def ask_export_path(
    parent: QWidget | None, title: str, suggested: Path, kinds: dict[str, str]
) -> Path | None:
    """The save dialog offering ``kinds`` (filter -> suffix); None when cancelled."""
    name, chosen = QFileDialog.getSaveFileName(parent, title, str(suggested), ";;".join(kinds))
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in kinds.values():
        path = path.with_name(path.name + kinds.get(chosen, next(iter(kinds.values()))))
    return path


def _export(
    app: AppContext, window: QWidget, title: str, kinds: dict[str, str], **options: Any
) -> None:
    from mop_desktop.services.pdf.exports import PdfError, planned_name
    from mop_desktop.services.publish.exports import FORMATS, export_document

    try:
        name = planned_name(app.store, **options)
    except PdfError as exc:
        messages.tell(window, title, f"Nothing to export: {exc}.")
        return
    suggested = default_folder() / Path(name).with_suffix(next(iter(kinds.values()))).name
    path = ask_export_path(window, title, suggested, kinds)
    if path is None:
        return
    QSettings().setValue(_FOLDER_KEY, str(path.parent))
    store = app.store

    def done(info: Any) -> None:
        what = FORMATS.get(Path(info.path).suffix.lower(), "file")
        app.statusMessage.emit(f"Saved {Path(info.path).name} ({what})")

    def failed(message: str, exc: BaseException) -> None:
        if isinstance(exc, PdfError):
            messages.tell(window, title, f"Nothing was written: {exc}.")
        else:  # logged by the operation
            messages.tell(
                window,
                title,
                "The file could not be made. The details are in the "
                "log (Help > Data and log folders).",
                critical=True,
            )

    # recorded: the Review schedule lists the exports
    Operation(
        app,
        window,
        lambda: export_document(store, path, **options),
        changes={Change.SCHEDULE},
        title=title,
        expected=(PdfError,),
    ).success(done).failure(failed).run_in_background(busy="Writing the file\u2026")


def export_web_or_word(
    app: AppContext, window: QWidget, version_label: str | None = None, draft: bool = False
) -> None:
    """The adopted protocol in force (or ``version_label``, or the draft) as a web page or a
    Word document, as the clerk chooses in the save dialog."""
    what = f"version {version_label}" if version_label else "the protocol"
    _export(
        app,
        window,
        f"Export {what} as a web page or Word document",
        WEB_OR_WORD,
        version_label=version_label,
        draft=draft,
    )


def export_pack_word(app: AppContext, window: QWidget) -> None:
    """The draft with Word tracked changes against the last adopted version."""
    _export(app, window, "Council-pack changes as Word tracked changes", WORD_ONLY, redline=True)


def install(app: AppContext, window: MainWindow) -> None:
    specs = [
        (
            "actionExportPackWord",
            "Council-pack changes as &Word tracked changes\u2026",
            lambda: export_pack_word(app, window),
        ),
        (
            "actionExportWebOrWord",
            "Export protocol as web page or W&ord\u2026",
            lambda: export_web_or_word(app, window),
        ),
    ]
    for name, text, slot in specs:
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        window.add_file_action(action)
