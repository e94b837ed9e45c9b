"""PDF actions of the main window's File menu: "Export for council pack...", "Export protocol
PDF...", "Preview..." and "Print..." (Ctrl+P). Installed by the shell with ``install(app,
window)``; the dashboard calls ``export_council_pack(app, window)``.

PDFs are made off the UI thread (``gui.widgets.worker``) with a progress dialog.
Exports are recorded (the Review schedule lists them: ``Change.SCHEDULE`` is announced); the
PDF behind Preview and Print is a temporary file and is not an export. The save dialog is
asked through ``ask_save_path`` so tests can answer it.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets import messages
from mop_desktop.gui.widgets.operation import Change, Operation

if TYPE_CHECKING:
    from mop_desktop.gui.publishing.pdf_preview import PdfPreview
    from mop_desktop.gui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

_FOLDER_KEY = "pdf/last_folder"
_temp: tempfile.TemporaryDirectory[str] | None = None


# -- asking ----------------------------------------------------------------------------------
def ask_save_path(parent: QWidget | None, title: str, suggested: Path) -> Path | None:
    """The save dialog; None when the clerk cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), "PDF files (*.pdf)")
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def default_folder() -> Path:
    """Where a save or open dialog starts: the folder last used for a PDF, else Documents
    (never the program's own working folder)."""
    saved = QSettings().value(_FOLDER_KEY, "", str)
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return Path(saved)
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


def _temp_pdf(stem: str) -> Path:
    global _temp
    if _temp is None:
        _temp = tempfile.TemporaryDirectory(prefix="mop-desktop-preview-")
    return Path(_temp.name) / f"{stem}.pdf"


# -- running ---------------------------------------------------------------------------------
def _fail(window: QWidget, title: str) -> Callable[[str, BaseException], None]:
    def failed(message: str, exc: BaseException) -> None:
        from mop_desktop.services.pdf.exports import PdfError

        if isinstance(exc, PdfError):
            messages.tell(window, title, f"The PDF was not made: {exc}.")
        else:  # logged by the operation
            messages.tell(
                window,
                title,
                "The PDF could not be made. The details are in the "
                "log (Help > Data and log folders).",
                critical=True,
            )

    return failed


def _make_pdf(
    app: AppContext,
    window: QWidget,
    path: Path,
    title: str,
    done: Callable[[Any], object],
    **options: Any,
) -> None:
    """Make the PDF off the UI thread; an export that is recorded is announced (the Review
    schedule lists the exports), a temporary one for Preview or Print is not."""
    from mop_desktop.services.pdf.exports import PdfError, export_pdf

    store = app.store
    changes = {Change.SCHEDULE} if options.get("record", True) else set()
    Operation(
        app,
        window,
        lambda: export_pdf(store, path, **options),
        changes=changes,
        title=title,
        expected=(PdfError,),
    ).success(done).failure(_fail(window, title)).run_in_background(busy="Making the PDF\u2026")


def _export(app: AppContext, window: QWidget, title: str, **options: Any) -> None:
    from mop_desktop.services.pdf.exports import PdfError, planned_name

    try:
        name = planned_name(app.store, **options)
    except PdfError as exc:
        messages.tell(window, title, f"Nothing to export: {exc}.")
        return
    path = ask_save_path(window, title, default_folder() / name)
    if path is None:
        return
    QSettings().setValue(_FOLDER_KEY, str(path.parent))

    def done(info: Any) -> None:
        pages = f"{info.pages} page{'s' if info.pages != 1 else ''}"
        app.statusMessage.emit(f"Saved {Path(info.path).name} ({pages})")
        show_preview(window, Path(info.path), Path(info.path).name)

    _make_pdf(app, window, path, title, done, **options)


def export_council_pack(app: AppContext, window: QWidget) -> None:
    """The report to Full Council with the marked and the clean draft, named sensibly."""
    _export(app, window, "Export for council pack", redline=True)


def export_protocol(app: AppContext, window: QWidget) -> None:
    """The adopted protocol in force (the draft when nothing is adopted yet)."""
    _export(app, window, "Export protocol PDF")


def export_version(app: AppContext, window: QWidget, label: str) -> None:
    """An earlier (or the current) adopted version, chosen in the Review schedule's table."""
    _export(app, window, f"Export version {label}", version_label=label)


def preview_version(app: AppContext, window: QWidget, label: str) -> None:
    path = _temp_pdf(f"preview-version-{_safe_stem(label)}")
    _make_pdf(
        app,
        window,
        path,
        "Preview",
        lambda _info: show_preview(window, path, f"version {label}", unsaved=True),
        record=False,
        version_label=label,
    )


def print_version(app: AppContext, window: QWidget, label: str) -> None:
    _print(app, window, f"print-version-{_safe_stem(label)}", version_label=label)


def _safe_stem(label: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in label)[:40] or "version"


def _current_options(app: AppContext) -> dict[str, Any]:
    """Preview and Print show what the clerk is working on: the draft if there is one."""
    from mop_desktop.services.protocol_state import protocol_state

    return {"draft": protocol_state(app.store).has_draft}


def preview_current(app: AppContext, window: QWidget) -> None:
    path = _temp_pdf("preview")
    options = _current_options(app)
    what = "the draft" if options["draft"] else "the protocol"
    _make_pdf(
        app,
        window,
        path,
        "Preview",
        lambda _info: show_preview(window, path, what, unsaved=True),
        record=False,
        **options,
    )


def print_current(app: AppContext, window: QWidget) -> None:
    _print(app, window, "print", **_current_options(app))


def _print(app: AppContext, window: QWidget, stem: str, **options: Any) -> None:
    from mop_desktop.gui.publishing.pdf_preview import PreviewError, print_with_dialog

    path = _temp_pdf(stem)

    def done(_info: Any) -> None:
        try:
            pages = print_with_dialog(path, window)
        except PreviewError as exc:
            messages.tell(window, "Print", str(exc))
            return
        if pages:
            app.statusMessage.emit(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer")

    _make_pdf(app, window, path, "Print", done, record=False, **options)


def show_preview(
    window: QWidget, path: Path, title: str = "", *, unsaved: bool = False
) -> PdfPreview | None:
    """Open the preview over ``window`` (it belongs to the window and is deleted when closed)."""
    from mop_desktop.gui.publishing.pdf_preview import PdfPreview, PreviewError

    try:
        preview = PdfPreview(path, window, title, unsaved=unsaved)
    except PreviewError as exc:
        messages.tell(window, "Preview", str(exc))
        return None
    preview.show()
    return preview


# -- the menu --------------------------------------------------------------------------------
def install(app: AppContext, window: MainWindow) -> None:
    specs = [
        (
            "actionExportCouncilPack",
            "Export for &council pack\u2026",
            None,
            lambda: export_council_pack(app, window),
        ),
        (
            "actionExportProtocolPdf",
            "&Export protocol PDF\u2026",
            None,
            lambda: export_protocol(app, window),
        ),
        ("actionPreviewPdf", "Pre&view\u2026", None, lambda: preview_current(app, window)),
        (
            "actionPrint",
            "&Print\u2026",
            QKeySequence.StandardKey.Print,
            lambda: print_current(app, window),
        ),
    ]
    actions = [QAction(window)]
    actions[0].setSeparator(True)
    for name, text, keys, slot in specs:
        action = QAction(text, window)
        action.setObjectName(name)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        actions.append(action)
    actions.append(QAction(window))
    actions[-1].setSeparator(True)
    for action in actions:
        window.add_file_action(action)
