"""The preview dialog (pages rendered with pypdfium2, zoom, navigation), printing by painting
the pages, and the File menu's PDF actions running off the UI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter

from mop_desktop.gui.publishing.pdf_preview import PdfPreview
from mop_desktop.gui.widgets.operation import Change
from mop_desktop.services.pdf.exports import export_pdf, list_exports
from tests.services.pdf_support import model_like_text, put_adopted, put_draft, sample_text


@pytest.fixture
def protocol_pdf(store, samples, tmp_path) -> Path:
    text, history, council = sample_text(samples / "borough-model-protocol.txt")
    put_adopted(store, text, history, council or "Borough Green Town Council")
    out = tmp_path / "protocol.pdf"
    export_pdf(store, out)
    return out


def test_preview_shows_every_page_and_navigates_and_zooms(qtbot, protocol_pdf):
    from mop_desktop.gui.publishing.pdf_preview import PdfPreview

    preview = PdfPreview(protocol_pdf, None, "Protocol")
    qtbot.addWidget(preview)
    preview.resize(800, 700)
    preview.show()
    count = len(PdfReader(str(protocol_pdf)).pages)
    f = preview.form
    assert f.pageCountLabel.text() == f"of {count}"
    assert preview.page_count() == count
    qtbot.waitUntil(lambda: 1 in preview.drawn_pages())
    assert not preview.labels[0].pixmap().isNull()
    assert preview.drawn_pages() != list(range(1, count + 1))  # the rest when scrolled to
    assert "Protocol" in preview.windowTitle()

    assert not f.prevButton.isEnabled()
    f.nextButton.click()
    assert f.pageSpin.value() == 2 and f.prevButton.isEnabled()
    preview.go_to(count - 1)
    assert f.pageSpin.value() == count and not f.nextButton.isEnabled()
    qtbot.waitUntil(lambda: count in preview.drawn_pages())
    assert not preview.labels[-1].pixmap().isNull()

    f.zoomCombo.setCurrentText("50%")
    small = preview.labels[0].width()
    f.zoomCombo.setCurrentText("150%")
    large = preview.labels[0].width()
    assert large > 2.5 * small
    f.zoomInButton.click()
    assert f.zoomCombo.currentText() == "200%"
    f.zoomOutButton.click()
    assert f.zoomCombo.currentText() == "150%"


def test_a_file_that_is_not_a_pdf_is_refused_in_one_line(tmp_path):
    from mop_desktop.gui.publishing.pdf_preview import PdfPreview, PreviewError

    bad = tmp_path / "not.pdf"
    bad.write_bytes(b"hello")
    with pytest.raises(PreviewError, match="not.pdf cannot be shown"):
        PdfPreview(bad)


def test_print_paints_every_page(qtbot, protocol_pdf, tmp_path):
    from mop_desktop.gui.publishing.pdf_preview import print_pdf

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    pages = print_pdf(protocol_pdf, printer)
    assert pages == len(PdfReader(str(protocol_pdf)).pages)
    assert len(PdfReader(str(printed)).pages) == pages


@pytest.fixture
def window(qtbot, app_paths, store):
    from mop_desktop.gui.publishing.pdf_actions import install
    from mop_desktop.gui.shell.context import AppContext
    from mop_desktop.gui.shell.main_window import MainWindow

    app = AppContext(app_paths, store)
    win = MainWindow(app)
    qtbot.addWidget(win)
    install(app, win)
    return app, win


def _action(win, name):
    from PySide6.QtGui import QAction

    return win.findChild(QAction, name)


def test_menu_has_the_pdf_actions_with_ctrl_p(window):
    _app, win = window
    assert _action(win, "actionExportCouncilPack").text().startswith("Export for &council")
    assert _action(win, "actionExportProtocolPdf") is not None
    assert _action(win, "actionPreviewPdf") is not None
    assert _action(win, "actionPrint").shortcut() == QKeySequence(QKeySequence.StandardKey.Print)


def test_export_for_council_pack_names_the_file_and_records_it(
    qtbot, window, store, monkeypatch, tmp_path
):
    from mop_desktop.gui.publishing import pdf_actions

    app, win = window
    put_adopted(store, model_like_text(), [], "Example Town Council")
    changed = model_like_text()
    changed.sections[0].blocks[0].text += " Now revised."
    put_draft(store, changed)
    asked: list[Path] = []

    def answer(_parent, _title, suggested: Path) -> Path:
        asked.append(suggested)
        return tmp_path / suggested.name

    monkeypatch.setattr(pdf_actions, "ask_save_path", answer)
    messages: list[str] = []
    app.statusMessage.connect(messages.append)
    with qtbot.waitSignal(
        app.changed, check_params_cb=lambda kinds: Change.SCHEDULE in kinds, timeout=20000
    ):
        pdf_actions.export_council_pack(app, win)
    name = asked[0].name
    assert name.startswith(
        "Example Town Council - Report on the Member-Officer Relations Protocol - version "
    )
    assert name.endswith(".pdf")
    assert (tmp_path / name).exists()
    assert messages and messages[-1].startswith(f"Saved {name}")
    assert [e.kind for e in list_exports(store)] == ["redline"]
    previews = win.findChildren(PdfPreview)
    assert previews and previews[-1].page_count() >= 3
    for preview in previews:
        preview.close()


def test_export_with_nothing_to_export_says_so(window, monkeypatch):
    from mop_desktop.gui.publishing import pdf_actions
    from mop_desktop.gui.widgets import messages as msgs

    app, win = window
    told: list[str] = []
    monkeypatch.setattr(msgs, "tell", lambda _p, _t, text, critical=False: told.append(text))
    monkeypatch.setattr(pdf_actions, "ask_save_path", lambda *a: pytest.fail("asked"))
    pdf_actions.export_council_pack(app, win)
    assert told == [
        "Nothing to export: there is no protocol yet: import one or start from the model."
    ]


def test_print_current_uses_the_print_dialog_and_records_no_export(
    qtbot, window, store, monkeypatch, tmp_path
):
    from mop_desktop.gui.publishing import pdf_preview

    app, win = window
    put_adopted(store, model_like_text(), [], "Example Town Council")
    printed = tmp_path / "printed.pdf"

    def answer(printer, _parent) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(pdf_preview, "ask_print", answer)
    from mop_desktop.gui.publishing import pdf_actions

    with qtbot.waitSignal(app.statusMessage, timeout=20000) as blocker:
        pdf_actions.print_current(app, win)
    assert blocker.args[0].startswith("Sent ") and "to the printer" in blocker.args[0]
    assert printed.exists() and len(PdfReader(str(printed)).pages) >= 1
    assert list_exports(store) == []


def test_preview_of_the_draft_says_it_is_not_saved(qtbot, window, store):
    """Preview used to show the temporary file's path (/tmp/mop-desktop-preview-.../
    preview.pdf); it now names what is shown and says how to keep a copy."""
    from mop_desktop.gui.publishing import pdf_actions
    from mop_desktop.gui.publishing.pdf_preview import UNSAVED_NOTE

    app, win = window
    put_adopted(store, model_like_text(), [], "Example Town Council")
    put_draft(store, model_like_text())
    pdf_actions.preview_current(app, win)
    qtbot.waitUntil(lambda: bool(win.findChildren(PdfPreview)), timeout=20000)
    preview = win.findChildren(PdfPreview)[-1]
    try:
        assert preview.form.fileLabel.text() == UNSAVED_NOTE
        assert "preview.pdf" not in preview.form.fileLabel.text()
        assert preview.windowTitle() == "Preview \u2013 the draft"
    finally:
        preview.close()


def test_print_to_pdf_keeps_the_text_and_the_size(qtbot, protocol_pdf, tmp_path):
    """ "Print to file" writes the PDF's own pages: text stays selectable, no page pictures."""
    from mop_desktop.gui.publishing.pdf_preview import print_pdf

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    print_pdf(protocol_pdf, printer)
    text = " ".join(page.extract_text() for page in PdfReader(str(printed)).pages)
    assert len(text.split()) > 50
    assert printed.stat().st_size <= protocol_pdf.stat().st_size * 1.2

    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, 1)
    one = tmp_path / "one.pdf"
    printer.setOutputFileName(str(one))
    assert print_pdf(protocol_pdf, printer) == 1
    assert len(PdfReader(str(one)).pages) == 1


def test_a_printer_gets_the_pdf_through_cups(qtbot, protocol_pdf, monkeypatch):
    import subprocess

    from mop_desktop.gui.publishing import printing

    monkeypatch.setattr(printing.sys, "platform", "linux")
    monkeypatch.setattr(printing.shutil, "which", lambda name: "/usr/bin/lp")
    sent = []

    def run(args):
        sent.append(args)
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(printing, "run", run)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setPrinterName("")
    printer.setCopyCount(2)
    painted = []
    pages = printing.print_pdf_file(protocol_pdf, printer, lambda p, pr: painted.append(p) or 0)
    assert sent and sent[0][0] == "/usr/bin/lp" and sent[0][-1] == str(protocol_pdf)
    assert "-n" in sent[0] and "2" in sent[0]
    assert pages == len(PdfReader(str(protocol_pdf)).pages) and not painted

    monkeypatch.setattr(
        printing, "run", lambda args: subprocess.CompletedProcess(args, 1, "", "no printer")
    )
    printing.print_pdf_file(protocol_pdf, printer, lambda p, pr: painted.append(p) or 3)
    assert painted == [protocol_pdf]  # pictures only as the last resort
