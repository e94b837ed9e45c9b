"""Shared by the shell's GUI tests: fixtures (an AppContext on the test store, message boxes
collected instead of shown) and a hand-made import result with doubtful places. Test modules
import the fixtures they use by name."""

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.domain.document import Block, DocumentText, ListItem, Section
from mop_desktop.domain.records import Adoption
from mop_desktop.services.importer import ImportResult


def make_result(adopted: bool = True) -> ImportResult:
    text = DocumentText(
        title="Member/Officer Relations Protocol",
        sections=[
            Section(
                heading="Introduction",
                blocks=[
                    Block(text="The relationship between councillors and officers matters."),
                    Block(
                        text="Councillors can expect from officers:",
                        numbered=False,
                        list_style="lower-alpha",
                        items=[ListItem("A commitment to the council"), ListItem("Courtesy")],
                    ),
                ],
            ),
            Section(
                heading="Working together",
                blocks=[
                    Block(
                        text="Officers give impartial advice.", doubtful="numbered 7.3 in the file"
                    ),
                    Block(text="Maybe a heading", numbered=False, doubtful="might be a heading"),
                ],
            ),
        ],
    ).renumber()
    history = []
    if adopted:
        history = [
            Adoption("2025", dt.date(2025, 3, 18), "2025-044", dt.date(2026, 3, 31), "G White"),
            Adoption("2026", dt.date(2026, 3, 23), "2026-101", dt.date(2027, 3, 31), "G White"),
        ]
    return ImportResult(
        text=text,
        council_name="Oakford Town Council",
        history=history,
        warnings=["Line 40: a version table row without a date was kept in the text"],
        source="oakford.txt",
    )


@pytest.fixture
def app_context(qapp, app_paths, store):
    from mop_desktop.gui.shell.context import AppContext

    return AppContext(app_paths, store)


@pytest.fixture
def told(monkeypatch):
    """Every message box the shell would show, collected instead: [(title, text), ...]."""
    from mop_desktop.gui.widgets import messages

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        messages,
        "tell",
        lambda parent, title, text, critical=False, **_kind: shown.append((title, text)),
    )
    return shown


def closed_after(request, dialog):
    """``dialog``, closed after the test unless it has closed (and so deleted) itself: the
    dialogs delete themselves when closed, which ``qtbot.addWidget`` does not allow for."""
    import shiboken6

    request.addfinalizer(lambda: dialog.close() if shiboken6.isValid(dialog) else None)
    return dialog
