"""The register's PDFs from the window: the case report and the subject-access export, each
written in the background to the file the clerk chose, under a password typed twice in the
export dialog (``export_dialog.py``), which refuses a short one or the register's passphrase.

A subject access export first finds the records that name the person (in the background), shows
them with why each matched, and writes only the records the clerk left ticked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from mop_desktop.gui.register.asks import Asks
from mop_desktop.gui.register.export_dialog import ExportDialog
from mop_desktop.gui.register.setup import user_message
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets.messages import counted
from mop_desktop.gui.widgets.worker import run_in_background
from mop_desktop.services.concerns import RegisterService
from mop_desktop.store.documents import get_council

#: The page keeps the open dialog (so that locking closes it): ``keep(dialog)``.
Keep = Callable[[ExportDialog], None]


def export_case(
    app: AppContext, service: RegisterService, asks: Asks, parent: QWidget, reference: str,
    keep: Keep | None = None,
) -> ExportDialog:
    title = "Case report"
    from mop_desktop.domain.concerns import routes_for
    from mop_desktop.services.concerns import attachments, reports

    def write(_chosen: list[str] | None, password: str) -> None:
        path = asks.save_path(parent, title, f"case-{reference}.pdf")
        if not path:
            return
        with app.store.session() as session:
            council = get_council(session)

        def work() -> int:
            concern = service.get(reference)
            guidance = routes_for(concern.raised_by_role, concern.about_role, council).guidance
            return reports.case_report(
                Path(path), concern, service.timeline(reference),
                service.audit_trail(reference), council.name, password, guidance,
                files=attachments.files_of(service, reference),
            )

        run_in_background(
            parent, work,
            lambda _n: app.statusMessage.emit(f"Case report saved to {path}."),
            lambda exc: asks.inform(parent, title, user_message(exc)),
            "Writing the case report…",
        )

    dialog = ExportDialog(service, parent, f"{title} {reference}", write)
    if keep is not None:
        keep(dialog)
    dialog.open()
    return dialog


def subject_access(app: AppContext, service: RegisterService, asks: Asks, parent: QWidget,
                   keep: Keep | None = None) -> None:
    title = "Subject access export"
    name = asks.text(parent, title, "The records that name this person (their name):")
    if not name:
        return
    from mop_desktop.services.concerns import reports
    from mop_desktop.services.concerns.subject_access import case_files, find_candidates

    def write(chosen: list[str] | None, password: str) -> None:
        path = asks.save_path(parent, title, "subject-access.pdf")
        if not path:
            return
        with app.store.session() as session:
            council = get_council(session).name

        def work() -> int:
            from mop_desktop.services.concerns.attachments import naming

            with service.session() as session:
                cases = [(c.concern, c.timeline) for c in case_files(session, chosen or [])]
            files, left_out = naming(service, list(chosen or []), name)
            reports.subject_access_report(Path(path), name, cases, council, password, files,
                                          left_out)
            return len(cases)

        run_in_background(
            parent, work,
            lambda n: asks.inform(parent, title, f"{counted(n, 'record')} written to {path}."),
            lambda exc: asks.inform(parent, title, user_message(exc)),
            "Writing the subject access export…",
        )

    def found(candidates: list) -> None:  # type: ignore[type-arg]
        if not service.unlocked:  # locked meanwhile: show nothing
            return
        dialog = ExportDialog(service, parent, title, write, candidates, name)
        if keep is not None:
            keep(dialog)
        dialog.open()

    def search() -> list:  # type: ignore[type-arg]
        with service.session() as session:
            return find_candidates(session, name)

    run_in_background(
        parent, search, found, lambda exc: asks.inform(parent, title, user_message(exc)),
        "Finding the records that name this person…",
    )
