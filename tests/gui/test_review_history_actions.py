"""The Review schedule's version table: preview, export and print any version kept with its
text; add the minute reference to a row imported without one."""

# ruff: noqa: F811  (pytest fixtures imported from shell_helpers are parameters here)

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel

from mop_desktop.domain.records import Adoption
from mop_desktop.gui.publishing import pdf_actions
from mop_desktop.gui.review.page import ReviewPage
from mop_desktop.gui.widgets.operation import Change
from mop_desktop.services.adoption import verify_chain
from mop_desktop.services.workspace import save_import
from mop_desktop.store import documents as docs
from tests.gui.shell_helpers import app_context, make_result, told  # noqa: F401


@pytest.fixture
def page(qtbot, app_context, store):
    result = make_result(adopted=True)
    result.history.insert(
        0, Adoption("2021", dt.date(2021, 12, 16), "", dt.date(2022, 12, 31), "G White")
    )
    save_import(store, result)
    review = ReviewPage(app_context, None)
    qtbot.addWidget(review.widget)
    return review


def _select(page, row: int) -> None:
    view = page.form.versionsView
    view.selectionModel().select(
        page.versions.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_version_buttons_follow_the_selected_row(page) -> None:
    f = page.form
    assert not f.previewVersionButton.isEnabled() and not f.minuteRefButton.isEnabled()
    _select(page, 0)  # 2021: imported as a table row, no text, no minute reference
    assert not f.previewVersionButton.isEnabled() and not f.printVersionButton.isEnabled()
    assert "was not kept" in f.previewVersionButton.toolTip()
    assert f.minuteRefButton.isEnabled()
    _select(page, 2)  # 2026: imported with its text and its minute reference
    assert f.previewVersionButton.isEnabled() and f.exportVersionButton.isEnabled()
    assert not f.minuteRefButton.isEnabled()


def test_preview_export_and_print_use_the_selected_version(page, monkeypatch) -> None:
    called = []
    for name in ("preview_version", "export_version", "print_version"):
        monkeypatch.setattr(
            pdf_actions, name, lambda app, window, label, n=name: called.append((n, label))
        )
    _select(page, 2)
    page.form.previewVersionButton.click()
    page.form.exportVersionButton.click()
    page.form.printVersionButton.click()
    assert called == [
        ("preview_version", "2026"),
        ("export_version", "2026"),
        ("print_version", "2026"),
    ]


def test_export_of_an_earlier_version_writes_its_pdf(
    page, qtbot, monkeypatch, tmp_path, app_context
) -> None:
    from pypdf import PdfReader

    target = tmp_path / "v2026.pdf"
    monkeypatch.setattr(pdf_actions, "ask_save_path", lambda *a: target)
    monkeypatch.setattr(pdf_actions, "show_preview", lambda *a, **k: None)
    _select(page, 2)
    with qtbot.waitSignal(
        app_context.changed, check_params_cb=lambda kinds: Change.SCHEDULE in kinds, timeout=20000
    ):
        page.form.exportVersionButton.click()
    text = " ".join(p.extract_text() for p in PdfReader(str(target)).pages)
    assert "2026" in text and "Officers give impartial advice" in text


def test_add_minute_reference_through_the_service(page, store, told) -> None:
    _select(page, 0)
    page.ask_minute_reference = lambda label: "2021-087"
    page.form.minuteRefButton.click()
    with store.session() as session:
        assert docs.protocol_document(session).adoptions[0].minute_ref == "2021-087"
    assert verify_chain(store).ok
    assert page.versions.cell(page.versions.rows[0], 2) == "2021-087"
    assert "Minute reference 2021-087 added to version 2021" in page.form.chainLabel.text()
    _select(page, 0)
    assert not page.form.minuteRefButton.isEnabled()  # once only
    assert told == []


def test_enter_on_an_exported_pdf_previews_it(page, qtbot, monkeypatch) -> None:
    from types import SimpleNamespace

    from PySide6.QtCore import Qt

    opened = []
    monkeypatch.setattr(page, "open_export", opened.append)
    page.exports.set_rows(
        [
            SimpleNamespace(
                created_at=dt.datetime(2026, 3, 23, 10, 0),
                kind="protocol",
                version_label="2026",
                path="/tmp/x.pdf",
            )
        ]
    )
    page.widget.show()
    view = page.form.exportsView
    view.setFocus()
    view.setCurrentIndex(page.exports.index(0, 0))
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened == [0]
