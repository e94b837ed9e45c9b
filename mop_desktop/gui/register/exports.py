"""The register's PDFs from the window: the case report and the subject-access export, each
written in the background to the file the clerk chose, under a password asked twice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from mop_desktop.gui.context import AppContext
from mop_desktop.gui.messages import counted
from mop_desktop.gui.register.asks import Asks
from mop_desktop.gui.register.setup import user_message
from mop_desktop.gui.worker import run_in_background
from mop_desktop.services.concerns import RegisterService
from mop_desktop.store.documents import get_council


def pdf_target(asks: Asks, parent: QWidget, title: str, suggested: str) -> tuple[str, str] | None:
    """The file and the PDF password, or None if the clerk cancelled either."""
    path = asks.save_path(parent, title, suggested)
    if not path:
        return None
    while True:  # until a password is given, or the clerk cancels
        password = asks.new_secret(parent, title, "Password for the PDF")
        if password is None:  # cancelled (or the two entries differed: already said)
            return None
        if password:
            return path, password
        asks.inform(
            parent, title,
            "The PDF needs a password: it holds personal data and is encrypted so that only "
            "someone with the password can open it. Nothing has been written yet; type a "
            "password, or cancel.",
        )


def export_case(
    app: AppContext, service: RegisterService, asks: Asks, parent: QWidget, reference: str
) -> None:
    target = pdf_target(asks, parent, "Case report", f"case-{reference}.pdf")
    if target is None:
        return
    path, password = target
    from mop_desktop.domain.concerns import routes_for
    from mop_desktop.services.concerns import reports

    with app.store.session() as session:
        council = get_council(session)

    def work() -> int:
        concern = service.get(reference)
        guidance = routes_for(concern.raised_by_role, concern.about_role, council).guidance
        return reports.case_report(
            Path(path), concern, service.timeline(reference), service.audit_trail(reference),
            council.name, password, guidance,
        )

    run_in_background(
        parent, work,
        lambda _n: app.statusMessage.emit(f"Case report saved to {path}."),
        lambda exc: asks.inform(parent, "Case report", user_message(exc)),
        "Writing the case report…",
    )


def subject_access(app: AppContext, service: RegisterService, asks: Asks, parent: QWidget) -> None:
    title = "Subject access export"
    name = asks.text(parent, title, "Everything the register holds about (name):")
    if not name:
        return
    target = pdf_target(asks, parent, title, "subject-access.pdf")
    if target is None:
        return
    path, password = target
    from mop_desktop.services.concerns import reports
    from mop_desktop.services.concerns.subject_access import about_person

    with app.store.session() as session:
        council = get_council(session).name

    def work() -> int:
        with service.session() as session:
            cases = [(c.concern, c.timeline) for c in about_person(session, name)]
        reports.subject_access_report(Path(path), name, cases, council, password)
        return len(cases)

    run_in_background(
        parent, work,
        lambda n: asks.inform(parent, title, f"{counted(n, 'record')} written to {path}."),
        lambda exc: asks.inform(parent, title, user_message(exc)),
        "Writing the subject access export…",
    )
