"""The first-run welcome (``ui/welcome_dialog.ui``): model protocol, import, or blank.

Shown when the store has no protocol and ``settings.WELCOME_DONE`` is false. Each choice leaves
a draft in the store (the import may leave an adopted version), saves the council's name if one
was typed, marks the welcome as answered and shows the Protocol page. "Decide later" leaves
everything as it was, so the welcome comes back next time.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog, QWidget

from mop_desktop.domain.document import DocumentText, Section
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets import messages
from mop_desktop.gui.widgets.uiloader import UiForm, load_ui
from mop_desktop.services.workspace import has_document, start_from_text
from mop_desktop.store import documents as docs
from mop_desktop.store import settings
from mop_desktop.store.db import Store

MODEL_MODULE = "mop_desktop.services.importer.model"
log = logging.getLogger(__name__)


def needs_welcome(store: Store) -> bool:
    if has_document(store):
        return False
    with store.session() as session:
        return not settings.get(session, settings.WELCOME_DONE)


def blank_protocol() -> DocumentText:
    """A draft with one empty section, for a clerk who writes the protocol themselves."""
    return DocumentText(title=docs.DEFAULT_TITLE, sections=[Section(heading="")])


def model_available() -> bool:
    from mop_desktop.gui.shell.main_window import import_optional

    return import_optional(MODEL_MODULE) is not None


class WelcomeDialog:
    """The dialog and what each choice does; ``dialog`` is the loaded QDialog."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        self.app = app
        self.window = parent
        dialog = load_ui("welcome_dialog", parent)
        assert isinstance(dialog, QDialog)
        self.dialog: QDialog = dialog
        self.form = UiForm(self.dialog)
        self.preview: object | None = None
        has_model = model_available()
        self.form.modelButton.setEnabled(has_model)
        self.form.modelNoteLabel.setVisible(not has_model)
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
        from sqlalchemy.exc import SQLAlchemyError

        try:
            start_from_text(self.app.store, text)
            self._save_answer()
        except (SQLAlchemyError, OSError) as exc:
            log.error("starting the protocol failed: %s", type(exc).__name__)
            messages.tell(self.dialog, "Welcome to MOP Desktop", messages.not_saved(exc))
            return
        self._finish()

    def choose_import(self) -> None:
        """Ask for the file, then show the import preview; finished once it is saved."""
        from mop_desktop.gui.protocol.import_preview import choose_and_import

        self.preview = choose_and_import(
            self.app, self.dialog, on_saved=lambda: self._finish(answered=False)
        )

    # -- done -----------------------------------------------------------------------------------
    def _save_answer(self) -> None:
        """The council's name (if typed) and that the welcome has been answered."""
        name = self.council_name()
        with self.app.store.session() as session:
            if name:
                council = docs.get_council(session)
                council.name = name
                docs.save_council(session, council)
            settings.put(session, settings.WELCOME_DONE, True)

    def _finish(self, answered: bool = True) -> None:
        if not answered:
            self._save_answer()
        self.app.documentChanged.emit()
        self.app.councilChanged.emit()
        show_page = getattr(self.window, "show_page", None)
        if callable(show_page):
            show_page("protocol")
        self.dialog.accept()


def show_welcome(app: AppContext, window: QWidget) -> WelcomeDialog:
    """Open the welcome over ``window`` (window-modal, not blocking) and return it."""
    welcome = WelcomeDialog(app, window)
    window.setProperty("welcomeOpen", True)
    welcome.dialog.finished.connect(lambda _code: window.setProperty("welcomeOpen", False))
    window._welcome = welcome  # type: ignore[attr-defined]  # kept alive while it is open
    from mop_desktop.gui.shell.screen_fit import centre_on_screen

    centre_on_screen(welcome.dialog)  # on the screen, not on a window larger than it
    welcome.dialog.open()
    return welcome
