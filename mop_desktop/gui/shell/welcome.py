"""The first-run welcome (``ui/welcome_dialog.ui``): model protocol, import, or blank.

Shown when the store has no protocol and ``settings.WELCOME_DONE`` is false. Each choice leaves
a draft in the store (the import may leave an adopted version), saves the council's name if one
was typed, marks the welcome as answered and shows the Protocol page. "Decide later" leaves
everything as it was, so the welcome comes back next time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from mop_desktop.domain.document import DocumentText, Section
from mop_desktop.gui.forms.ui_welcome_dialog import Ui_WelcomeDialog
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets.operation import Change, Operation
from mop_desktop.services.preferences import finish_welcome, start_protocol
from mop_desktop.services.preferences import needs_welcome as needs_welcome
from mop_desktop.store import documents as docs

if TYPE_CHECKING:
    from mop_desktop.gui.protocol.import_preview import ImportPreview
    from mop_desktop.gui.shell.main_window import MainWindow

TITLE = "Welcome to MOP Desktop"


def blank_protocol() -> DocumentText:
    """A draft with one empty section, for a clerk who writes the protocol themselves."""
    return DocumentText(title=docs.DEFAULT_TITLE, sections=[Section(heading="")])


class WelcomeDialog(QDialog):
    """The dialog and what each choice does (deleted when closed)."""

    def __init__(self, app: AppContext, parent: MainWindow | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.app = app
        self.window_ = parent
        self.form = Ui_WelcomeDialog()
        self.form.setupUi(self)
        self.preview: ImportPreview | None = None
        self.form.modelNoteLabel.hide()  # "not in this build": the model always ships
        self.form.modelButton.clicked.connect(self.choose_model)
        self.form.importButton.clicked.connect(self.choose_import)
        self.form.blankButton.clicked.connect(self.choose_blank)

    def council_name(self) -> str:
        return " ".join(self.form.councilNameEdit.text().split())

    # -- the three choices --------------------------------------------------------------------
    def choose_model(self) -> None:
        from mop_desktop.services.importer.model import model_protocol

        self._start(model_protocol())

    def choose_blank(self) -> None:
        self._start(blank_protocol())

    def _start(self, text: DocumentText) -> None:
        """Save ``text`` as the draft and finish; a store that cannot be written is told in one
        line and the welcome stays open (nothing was saved: each write is one transaction)."""
        store, name = self.app.store, self.council_name()
        Operation(
            self.app,
            self,
            lambda: start_protocol(store, text, name),
            changes={Change.DOCUMENT, Change.COUNCIL},
            title=TITLE,
        ).success(lambda _r: self._done()).run_now()

    def choose_import(self) -> None:
        """Ask for the file, then show the import preview; finished once it is saved."""
        from mop_desktop.gui.protocol.import_preview import choose_and_import

        self.preview = choose_and_import(
            self.app, self, on_saved=lambda: self._finish(answered=False)
        )

    # -- done -----------------------------------------------------------------------------------
    def _finish(self, answered: bool = True) -> None:
        """After the import was saved: the council's name and the answer, then done."""
        store, name = self.app.store, self.council_name()
        Operation(
            self.app,
            self,
            lambda: finish_welcome(store, name),
            changes={Change.DOCUMENT, Change.COUNCIL},
            title=TITLE,
        ).success(lambda _r: self._done()).run_now()

    def _done(self) -> None:
        if self.window_ is not None:
            self.window_.show_page("protocol")
        self.accept()


def show_welcome(app: AppContext, window: MainWindow) -> WelcomeDialog:
    """Open the welcome over ``window`` (window-modal, not blocking) and return it."""
    from mop_desktop.gui.shell.screen_fit import centre_on_screen

    welcome = WelcomeDialog(app, window)
    window.setProperty("welcomeOpen", True)
    welcome.finished.connect(lambda _code: window.setProperty("welcomeOpen", False))
    centre_on_screen(welcome)  # on the screen, not on a window larger than it
    welcome.open()
    return welcome
