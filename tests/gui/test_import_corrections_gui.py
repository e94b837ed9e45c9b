"""Correcting an import in the preview: three corrections, the council and a history row, saved;
the same file imported again (window or command line) comes out corrected."""

# ruff: noqa: F811

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QWidget

from mop_desktop.gui.protocol import import_preview
from mop_desktop.services.workspace import show
from tests.gui.shell_helpers import app_context  # noqa: F401 (fixture used by name)
from tests.gui.test_import_preview import _all_items

MESSY = """MEMBER/OFFICER PROTOCOL
Adopted by Full Council on 23 March 2026, minute FC/26/031.
1. Introduction
1.1 The relationship between councillors and officers is essential.
1.2 Councillors can expect from officers:
a) courtesy
b) timely advice
(c) respect
Page 1 of 3
2. Roles
2.1 Officers advise; councillors decide.
Contact details
The Clerk, Town Hall, Oakford.
"""


def _open(qtbot, app_context, path: Path):
    host = QWidget()  # the preview deletes itself when closed: its host is closed after the test
    qtbot.addWidget(host)
    preview = import_preview.choose_and_import(app_context, host, path=path)
    qtbot.waitUntil(lambda: preview.import_result is not None, timeout=20000)
    return preview


def _select(preview, text: str) -> None:
    tree = preview.form.outlineTree
    for item in _all_items(tree):
        if item.text(1) == text:
            tree.setCurrentItem(item)
            return
    raise AssertionError(f"{text!r} is not in the preview: {[i.text(1) for i in _all_items(tree)]}")


def _texts(preview) -> list[str]:
    return [i.text(1) for i in _all_items(preview.form.outlineTree)]


def test_three_corrections_council_and_history_saved_and_replayed(
    qtbot, app_context, store, tmp_path, cli
):
    source = tmp_path / "messy.txt"
    source.write_text(MESSY, encoding="utf-8")
    preview = _open(qtbot, app_context, source)
    form = preview.form
    read = _texts(preview)
    # 1. a stray footer is not part of the protocol
    stray = next(t for t in read if t.startswith("Page 1 of 3"))
    _select(preview, stray)
    form.markRemoveButton.click()
    assert stray not in _texts(preview)
    assert "is now not part of the protocol" in form.correctionLabel.text()
    # 2. "Contact details" is a heading, not a paragraph
    assert "Contact details" in _texts(preview)
    _select(preview, "Contact details")
    form.markHeadingButton.click()
    assert (
        form.outlineTree.topLevelItem(form.outlineTree.topLevelItemCount() - 1).text(1)
        == "Contact details"
    )
    # 3. undo takes it back; marking again puts it right
    form.undoCorrectionButton.click()
    assert "taken back" in form.correctionLabel.text()
    _select(preview, "Contact details")
    form.markHeadingButton.click()
    # the council, typed by the clerk, and a minute reference added to the history
    form.councilValue.setText("Oakford Town Council")
    form.councilValue.editingFinished.emit()
    model = form.historyView.model()
    assert model.rowCount() >= 1
    minute = model.index(0, 2)
    assert model.setData(minute, "FC/26/031 (corrected)")
    bad = model.index(0, 1)
    assert not model.setData(bad, "31/02/2026")
    assert "Row 1" in form.historyErrorLabel.text()
    if form.adoptedButton.isVisible():
        form.adoptedButton.click()
    else:
        form.draftButton.click()
    saved = show(store)
    assert saved["council"] == "Oakford Town Council"
    words = json.dumps(saved)
    assert "Page 1 of 3" not in words
    assert saved["history"][0]["minute_ref"] == "FC/26/031 (corrected)"
    numbers = [b["number"] for s in saved["sections"] for b in s["blocks"] if b["number"]]
    assert numbers == ["1.1", "1.2", "2.1"]
    assert saved["sections"][-1]["heading"] == "Contact details"
    assert saved["sections"][-1]["blocks"][0]["text"] == "The Clerk, Town Hall, Oakford."

    # the same file again, in the window: corrected as before
    again = _open(qtbot, app_context, source)
    assert stray not in _texts(again)
    assert again.form.councilValue.text() == "Oakford Town Council"
    assert "applied again" in again.form.correctionLabel.text()
    again.reject()
    # and from the command line
    code, out, err = cli("import", str(source), "--as-draft")
    assert code == 0, err
    assert "corrections made to this file" in out
    code, out, _err = cli("show", "--json")
    assert "Page 1 of 3" not in out and json.loads(out)["council"] == "Oakford Town Council"


def test_doubtful_place_listed_with_a_one_click_fix(qtbot, app_context, tmp_path):
    source = tmp_path / "messy.txt"
    source.write_text(MESSY, encoding="utf-8")
    preview = _open(qtbot, app_context, source)
    form = preview.form
    listed = [form.warningsList.item(i) for i in range(form.warningsList.count())]
    doubtful = [item for item in listed if item.text().startswith("Check “Page 1 of 3” (")]
    assert len(doubtful) == 1
    form.warningsList.itemActivated.emit(doubtful[0])
    assert form.outlineTree.currentItem().text(1) == "Page 1 of 3"
    form.markRightButton.click()  # the one click: it stays, its doubt is cleared
    assert "stays as read" in form.correctionLabel.text()
    texts = [form.warningsList.item(i).text() for i in range(form.warningsList.count())]
    assert not any(t.startswith("Check “Page 1 of 3” (") for t in texts)
    assert "Page 1 of 3" in _texts(preview)
