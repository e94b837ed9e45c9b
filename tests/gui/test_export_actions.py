"""File > Export as web page or Word, and the council-pack changes as Word tracked changes, from
the window: the file is written in the chosen format and recorded."""

from __future__ import annotations

import zipfile
from pathlib import Path

from mop_desktop.gui.widgets.operation import Change
from mop_desktop.services.pdf.exports import list_exports
from tests.domain.test_diff import adopted, draft_with_four_changes
from tests.gui.test_pdf_preview import _action, window  # noqa: F401 (fixture used by name)
from tests.services.pdf_support import put_adopted, put_draft


def test_menu_offers_web_page_word_and_tracked_changes(window):
    from mop_desktop.gui.publishing.export_actions import install

    app, win = window
    install(app, win)
    expected = "Export protocol as web page or W&ord\u2026"
    assert _action(win, "actionExportWebOrWord").text() == expected
    assert _action(win, "actionExportPackWord") is not None


def _answer(monkeypatch, tmp_path, suffix, asked):
    from mop_desktop.gui.publishing import export_actions

    def answer(_parent, _title, suggested: Path, kinds):
        asked.append((suggested, kinds))
        return tmp_path / suggested.with_suffix(suffix).name

    monkeypatch.setattr(export_actions, "ask_export_path", answer)


def test_protocol_as_a_web_page_and_as_word(qtbot, window, store, monkeypatch, tmp_path):
    from mop_desktop.gui.publishing import export_actions

    app, win = window
    put_adopted(store, adopted(), [], "Example Town Council")
    for suffix in (".html", ".docx"):
        asked: list = []
        _answer(monkeypatch, tmp_path, suffix, asked)
        with qtbot.waitSignal(
            app.changed, check_params_cb=lambda kinds: Change.SCHEDULE in kinds, timeout=20000
        ):
            export_actions.export_web_or_word(app, win)
        suggested, kinds = asked[0]
        assert set(kinds.values()) == {".html", ".docx"}
        written = tmp_path / suggested.with_suffix(suffix).name
        assert written.exists()
    page = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in page and "<h1>Protocol</h1>" in page
    assert sorted(Path(e.path).suffix for e in list_exports(store)) == [".docx", ".html"]


def test_council_pack_changes_as_word_tracked_changes(qtbot, window, store, monkeypatch, tmp_path):
    from mop_desktop.gui.publishing import export_actions

    app, win = window
    put_adopted(store, adopted(), [], "Example Town Council")
    put_draft(store, draft_with_four_changes())
    asked: list = []
    _answer(monkeypatch, tmp_path, ".docx", asked)
    with qtbot.waitSignal(
        app.changed, check_params_cb=lambda kinds: Change.SCHEDULE in kinds, timeout=20000
    ):
        export_actions.export_pack_word(app, win)
    written = next(tmp_path.glob("*.docx"))
    with zipfile.ZipFile(written) as z:
        body = z.read("word/document.xml").decode()
    assert "<w:ins " in body and "<w:del " in body
    assert [e.kind for e in list_exports(store)] == ["redline"]
