"""The import preview: what was read is shown (doubtful places marked) before it is saved."""

# ruff: noqa: F811  (pytest fixtures imported from shell_helpers are parameters here)

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from mop_desktop.gui.protocol import import_preview
from mop_desktop.gui.widgets.operation import Change
from mop_desktop.services.importer import ImportFailed
from mop_desktop.services.workspace import show
from tests.gui.shell_helpers import app_context, make_result, told  # noqa: F401 (fixtures used by name)


def _all_items(tree) -> list[QTreeWidgetItem]:
    out: list[QTreeWidgetItem] = []

    def walk(item: QTreeWidgetItem) -> None:
        out.append(item)
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return out


def _open(qtbot, app_context, monkeypatch, result, tmp_path: Path):
    source = tmp_path / "oakford.txt"
    source.write_text("stand-in", encoding="utf-8")
    monkeypatch.setattr(import_preview, "read_protocol", lambda path: result)
    host = QWidget()  # the preview deletes itself when closed: its host is closed after the test
    qtbot.addWidget(host)
    preview = import_preview.choose_and_import(app_context, host, path=source)
    qtbot.waitUntil(lambda: preview.import_result is not None)
    return preview


@pytest.fixture
def open_preview(qtbot, app_context, monkeypatch, tmp_path):
    """Opens the preview over a hand-made import result: ``open_preview(result)``."""
    return lambda result: _open(qtbot, app_context, monkeypatch, result, tmp_path)


def test_preview_shows_everything_and_marks_doubtful(open_preview, store) -> None:
    preview = open_preview(make_result(adopted=True))
    form = preview.form
    assert form.councilValue.text() == "Oakford Town Council"
    assert form.titleValue.text() == "Member/Officer Relations Protocol"
    assert "Version 2026 adopted 23 March 2026 (minute 2026-101)" in form.adoptionValue.text()
    assert form.contentsValue.text().startswith(
        "2 sections, 4 clauses and paragraphs, 2 rows of version history."
    )
    assert "2 marked places need checking" in form.contentsValue.text()
    items = _all_items(form.outlineTree)
    rows = [(i.text(0), i.text(1), i.text(2)) for i in items]
    assert ("1", "Introduction", "") in rows
    assert ("1.1", "The relationship between councillors and officers matters.", "") in rows
    assert ("a)", "A commitment to the council", "") in rows
    assert ("b)", "Courtesy", "") in rows
    assert ("2.1", "Officers give impartial advice.", "numbered 7.3 in the file") in rows
    doubtful = [i for i in items if i.text(2)]
    assert len(doubtful) == 2
    for item in doubtful:
        assert item.background(1).color().alpha() > 0
        assert item.toolTip(1).startswith("Check this:")
        assert not item.icon(0).isNull()
    plain = [i for i in items if not i.text(2)]
    assert all(i.background(1).style().name == "NoBrush" for i in plain)
    history = form.historyView.model()
    assert history.rowCount() == 2
    assert history.index(1, 0).data() == "2026"
    assert history.index(1, 1).data() == "23/03/2026"
    assert history.index(1, 2).data() == "2026-101"
    assert (
        history.headerData(2, pytest.importorskip("PySide6.QtCore").Qt.Orientation.Horizontal)
        == "Minute reference"
    )
    assert form.warningsList.item(0).text().startswith("Line 40:")
    assert not form.adoptedButton.isHidden()
    assert show(store) is None  # nothing saved yet


def test_save_as_adopted(open_preview, qtbot, app_context, store) -> None:
    preview = open_preview(make_result(adopted=True))
    with qtbot.waitSignal(
        app_context.changed, check_params_cb=lambda kinds: Change.DOCUMENT in kinds
    ):
        preview.form.adoptedButton.click()
    current = show(store)
    assert current["status"] == "adopted"
    assert current["adopted_on"] == "2026-03-23"
    assert current["review_due"] == "2027-03-31"
    assert current["sections"][1]["blocks"][0]["text"] == "Officers give impartial advice."
    assert preview.saved_as == "adopted"


def test_save_as_draft_even_with_adoption(open_preview, store) -> None:
    preview = open_preview(make_result(adopted=True))
    preview.form.draftButton.click()
    current = show(store)
    assert current["status"] == "draft"
    assert len(current["history"]) == 2


def test_without_adoption_only_draft_is_offered(open_preview, store) -> None:
    preview = open_preview(make_result(adopted=False))
    assert preview.form.adoptedButton.isHidden()
    assert "No adoption details found" in preview.form.adoptionValue.text()
    preview.form.draftButton.click()
    assert show(store)["status"] == "draft"


def test_replacing_a_draft_is_said(open_preview, store) -> None:
    from mop_desktop.services.workspace import save_import

    save_import(store, make_result(adopted=False))
    preview = open_preview(make_result(adopted=False))
    assert "replaces the current draft" in preview.form.noteLabel.text()


def test_failed_read_shows_its_one_line(
    qtbot,
    app_context,
    monkeypatch,
    tmp_path,
    told,
    store,
) -> None:
    def fail(path):
        raise ImportFailed(f"{Path(path).name}: line 3: not a protocol")

    monkeypatch.setattr(import_preview, "read_protocol", fail)
    preview = import_preview.choose_and_import(app_context, None, path=tmp_path / "bad.txt")
    qtbot.waitUntil(lambda: bool(told))
    assert told == [("Import protocol", "bad.txt: line 3: not a protocol")]
    assert preview.import_result is None
    assert show(store) is None


def test_user_text_is_plain(open_preview) -> None:
    result = make_result(adopted=False)
    result.council_name = "<b>x</b>"
    preview = open_preview(result)
    assert preview.form.councilValue.text() == "<b>x</b>"
    from PySide6.QtWidgets import QLineEdit

    # an editable field: a line edit never reads its text as markup
    assert isinstance(preview.form.councilValue, QLineEdit)


def test_real_sample_through_the_importer(qtbot, app_context, samples, store) -> None:
    pytest.importorskip("mop_desktop.services.importer.reader")
    host = QWidget()  # the preview deletes itself when closed: its host is closed after the test
    qtbot.addWidget(host)
    preview = import_preview.choose_and_import(
        app_context, host, path=samples / "borough-model-protocol.txt"
    )
    qtbot.waitUntil(lambda: preview.import_result is not None, timeout=20000)
    headings = [
        preview.form.outlineTree.topLevelItem(i).text(1)
        for i in range(preview.form.outlineTree.topLevelItemCount())
    ]
    assert "Introduction" in headings
    preview.form.adoptedButton.click()
    assert show(store)["version"] == "2026"


def test_text_that_cannot_be_stored_is_said_and_nothing_saved(open_preview, told, store) -> None:
    result = make_result(adopted=True)
    result.text.sections[0].blocks[0].text = "Broken \ud83d text"
    preview = open_preview(result)
    preview.show()
    preview.form.adoptedButton.click()
    assert len(told) == 1 and told[0][1].startswith("Nothing was saved:")
    assert "broken character" in told[0][1]
    assert preview.isVisible()  # the clerk can cancel or try as a draft
    assert show(store) is None


def test_counts_read_as_english(open_preview, store) -> None:
    result = make_result(adopted=True)
    result.history = result.history[:1]
    result.text.sections = result.text.sections[:1]
    result.text.sections[0].blocks = result.text.sections[0].blocks[:1]
    preview = open_preview(result)
    assert preview.form.contentsValue.text() == (
        "1 section, 1 clause or paragraph, 1 row of version history."
    )


def test_preview_of_a_pdf_lists_what_was_left_out_and_what_is_missing(
    open_preview, qtbot, app_context, store, tmp_path
) -> None:
    from mop_desktop.services.importer import read_protocol
    from tests.services.test_import_pdf import long_pdf

    pdf = tmp_path / "protocol.pdf"
    long_pdf(pdf)
    preview = open_preview(read_protocol(pdf))
    form = preview.form
    lines = [form.warningsList.item(i).text() for i in range(form.warningsList.count())]
    assert "Nothing to check." in lines
    assert "Missing: the latest adoption has no review date" in lines
    assert any(line.startswith("Left out: page 1: \u201cPage 1\u201d") for line in lines)
    assert form.councilValue.text() == "Oakford Town Council"
    with qtbot.waitSignal(
        app_context.changed, check_params_cb=lambda kinds: Change.DOCUMENT in kinds
    ):
        form.adoptedButton.click()
    current = show(store)
    assert [b["number"] for b in current["sections"][0]["blocks"]] == [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "1.5",
    ]
