"""Screenshots of every page and dialog on a small screen, to look at.

    Xvfb :99 -screen 0 1024x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb MOP_KDF_PROFILE=test python -m benchmarks.screenshots \
        docs/screenshots 1024

Fills a temporary data folder (the Peacehaven sample with its history, meetings, a draft, a
register with concerns), opens the window as the app does (fitted to the screen) and saves the
whole screen with each page and each dialog into ``<folder>/<prefix>-<name>.png``.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "correct horse battery staple"


def fill(data: Path) -> None:
    from mop_desktop.domain.concerns import Concern
    from mop_desktop.paths import resolve_paths
    from mop_desktop.services import meetings
    from mop_desktop.services.concerns import RegisterService
    from mop_desktop.services.drafts import start_new_draft
    from mop_desktop.services.importer import read_protocol
    from mop_desktop.services.workspace import save_import
    from mop_desktop.store import documents as docs
    from mop_desktop.store import settings
    from mop_desktop.store.db import open_store

    paths = resolve_paths(data)
    paths.ensure()
    store = open_store(paths.policy_db, paths.kept_aside)
    result = read_protocol(ROOT / "tests" / "data" / "samples" / "peacehaven-protocol.txt")
    save_import(store, result)
    with store.session() as session:
        council = docs.get_council(session)
        council.name = council.name or "Peacehaven Town Council"
        council.clerk, council.chair = "A Clerk", "B Chair"
        docs.save_council(session, council)
        settings.put(session, settings.WELCOME_DONE, True)
    today = dt.date.today()
    for months in (1, 3, 5):
        meetings.add_meeting(store, today + dt.timedelta(days=30 * months))
    try:
        start_new_draft(store)
    except Exception:  # noqa: BLE001 - a sample without an adopted version
        pass
    service = RegisterService(paths)
    service.init(PASSPHRASE)
    for n in range(12):
        service.add(
            Concern(
                raised_on=today - dt.timedelta(days=9 * n),
                raised_by_role="officer",
                raised_by=f"Officer {n}",
                about=f"Cllr Example {n}",
                about_role="councillor",
                category="bullying or harassment" if n % 2 else "criticism of an officer in public",
                summary=(
                    "Raised voice at the finance committee and repeated the remarks "
                    "afterwards in the car park, in front of two members of the public"
                )
                if n % 3
                else "Late papers",
            )
        )
    service.lock()
    store.close()


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "docs/screenshots")
    prefix = argv[1] if len(argv) > 1 else "1024"
    folder.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="mop-screens-"))
    os.environ["MOP_DATA_DIR"] = str(data)
    os.environ.setdefault("MOP_KDF_PROFILE", "test")
    fill(data)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from mop_desktop.gui.shell.app import make_application
    from mop_desktop.gui.shell.context import AppContext
    from mop_desktop.gui.shell.main_window import MainWindow
    from mop_desktop.paths import resolve_paths
    from mop_desktop.store.db import open_store

    make_application()
    QSettings().remove("window")
    paths = resolve_paths(data)
    store = open_store(paths.policy_db, paths.kept_aside)
    window = MainWindow(AppContext(paths, store))
    window.show()
    window.load_data()  # as the app does after the first frame
    window.preload_pages()
    window.install_extensions()

    def settle(ms: int = 300) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(name: str) -> None:
        settle()
        screen = QApplication.primaryScreen()
        screen.grabWindow(0).save(str(folder / f"{prefix}-{name}.png"))
        print(f"{prefix}-{name}.png")

    for name in ("dashboard", "protocol", "review", "concerns", "settings"):
        window.show_page(name)
        shot(name)
    from PySide6.QtWidgets import QScrollArea

    for name in ("review", "settings"):  # scrolled to the end
        window.show_page(name)
        page = window.page(name)
        area = page.findChildren(QScrollArea)[0]
        settle()
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
        shot(f"{name}-bottom")

    # the register open, with the table
    window.show_page("concerns")
    concerns = window.page("concerns")
    concerns.service.unlock(PASSPHRASE)
    concerns.show_table()
    shot("concerns-table")

    from mop_desktop.gui.shell.screen_fit import fit_dialog

    def dialog(name: str, make: Callable[[], object]) -> None:
        made = make()
        widget = getattr(made, "dialog", made)
        fit_dialog(widget)  # as the app does for its larger dialogs
        widget.show()
        shot(name)
        widget.close()

    from mop_desktop.gui.review.adopt import AdoptDialog
    from mop_desktop.gui.shell.screen_fit import centre_on_screen
    from mop_desktop.gui.shell.welcome import WelcomeDialog

    def welcome() -> object:
        made = WelcomeDialog(window.app, window)
        centre_on_screen(made)
        return made

    dialog("welcome", welcome)
    dialog("adopt", lambda: AdoptDialog(window.app, window))
    form = concerns.open_case(None)
    shot("case-new")
    getattr(form, "dialog", form).reject()
    from mop_desktop.gui.register.setup import RecoveryDialog, SetupDialog

    dialog("register-recovery", lambda: RecoveryDialog(concerns.service, concerns, lambda: None))

    def setup_step2() -> object:
        made = SetupDialog(window.app, concerns.service, concerns, concerns.asks, lambda: None)
        made.show_key("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345")
        return made

    dialog("register-recovery-key", setup_step2)
    from mop_desktop.gui.shell.help import HelpWindow

    dialog("help", lambda: HelpWindow(window))

    def shortcuts() -> object:
        made = HelpWindow(window)
        made.tabs.setCurrentIndex(1)
        return made

    dialog("help-shortcuts", shortcuts)
    from mop_desktop.gui.protocol.import_preview import ImportPreview
    from mop_desktop.services.importer import read_protocol

    def preview() -> object:
        made = ImportPreview(window.app, window)
        made.show_result(
            read_protocol(ROOT / "tests" / "data" / "samples" / "borough-model-protocol.txt")
        )
        return made

    dialog("import-preview", preview)
    from mop_desktop.gui.backup.restore import RestoreDialog

    dialog("restore", lambda: RestoreDialog(paths.backups, paths.kept_aside, window))
    from mop_desktop.gui.publishing.pdf_preview import PdfPreview
    from mop_desktop.services.pdf.exports import export_pdf

    pdf = data / "protocol.pdf"
    export_pdf(store, pdf, record=False)

    def pdf_preview() -> object:
        made = PdfPreview(pdf, window, "the protocol")
        made.render_pages()
        return made

    dialog("pdf-preview", pdf_preview)
    window.show_page("protocol")
    protocol = window.page("protocol")
    protocol.open_find(replace=True)
    shot("find-replace")
    concerns.service.lock()
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
