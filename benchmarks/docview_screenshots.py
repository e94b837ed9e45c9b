"""Screenshots of the Protocol page's document view in the real main window.

Run under Xvfb at each screen size, e.g.::

    xvfb-run -a -s "-screen 0 1366x768x24" python benchmarks/docview_screenshots.py 1366 768
    xvfb-run -a -s "-screen 0 1024x768x24" python benchmarks/docview_screenshots.py 1024 768

Writes docs/screenshots/docview-*-<width>.png: the borough and Peacehaven samples as they read
in the view, a clause edited in place with a list item added by Enter, and "Show changes"
against the adopted version after rewording, adding, moving and removing clauses.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "samples"
OUT = ROOT / "docs" / "screenshots"


def build(data_dir: Path, sample: str, edit: bool) -> None:
    from mop_desktop.services.importer import read_protocol
    from mop_desktop.services.workspace import save_import, start_from_text
    from mop_desktop.store.db import open_store

    result = read_protocol(SAMPLES / sample)
    store = open_store(data_dir / "policy.db", data_dir / "kept-aside")
    try:
        save_import(store, result)
        draft = result.text.clone()
        if edit:
            sections = [s for s in draft.sections if s.blocks]
            first = sections[0].blocks
            first[1].text = first[1].text.replace("continue", "build and keep")
            from mop_desktop.domain.document import Block

            sections[1].blocks.insert(
                1,
                Block(
                    "Councillors and officers will meet each "
                    "quarter to review how this protocol works."
                ),
            )
            moved = sections[1].blocks.pop(0)
            sections[1].blocks.append(moved)
            if len(sections) > 2 and len(sections[2].blocks) > 1:
                sections[2].blocks.pop(1)
            draft.renumber()
        start_from_text(store, draft)
    finally:
        store.close()


def report_page(store: object) -> None:
    """Page 1 of the council-pack report (its summary table), as docs/screenshots/
    docview-why-report.png (needs pdftoppm, from poppler-utils)."""
    import shutil
    import subprocess

    from mop_desktop.services.pdf.exports import export_pdf

    if shutil.which("pdftoppm") is None:
        return
    folder = Path(tempfile.mkdtemp(prefix="docview-report-"))
    export_pdf(store, folder / "report.pdf", redline=True)  # type: ignore[arg-type]
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(folder / "report.pdf"),
            str(OUT / "docview-why-report"),
        ],
        check=True,
    )


def shoot(width: int, height: int) -> list[Path]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from mop_desktop.gui.shell.context import AppContext
    from mop_desktop.gui.shell.main_window import MainWindow
    from mop_desktop.paths import resolve_paths
    from mop_desktop.store.db import open_store

    app = QApplication.instance() or QApplication(sys.argv)
    written: list[Path] = []

    def window_for(sample: str, edit: bool) -> tuple[MainWindow, object]:
        data = Path(tempfile.mkdtemp(prefix="docview-shot-"))
        os.environ["MOP_DATA_DIR"] = str(data)
        paths = resolve_paths(data)
        build(paths.policy_db.parent, sample, edit)
        store = open_store(paths.policy_db, paths.kept_aside)
        window = MainWindow(AppContext(paths, store))
        window.resize(width, height)
        window.show()
        window.show_page("protocol")
        QTest.qWait(300)
        return window, window.page("protocol")

    def grab(window: MainWindow, name: str) -> None:
        QTest.qWait(200)
        path = OUT / f"docview-{name}-{width}.png"
        window.grab().save(str(path))
        written.append(path)

    window, page = window_for("borough-model-protocol.txt", edit=False)
    grab(window, "borough")
    # a clause edited in place, then Enter at the end of a list item adds the next item
    page.view.place_cursor(("block", 1, 0, -1), None, focus=True)
    QTest.keyClicks(page.view, " and with courtesy")
    items = [e for e in page.view.entries() if e.kind == "item"]
    if items:
        page.view.place_cursor(items[0].key, None, focus=True)
        QTest.keyClick(page.view, Qt.Key.Key_Return)
        QTest.keyClicks(page.view, "A new list item typed in place")
    grab(window, "edit")
    window.close()

    window, page = window_for("peacehaven-protocol.txt", edit=False)
    grab(window, "peacehaven")
    # spelling: a slip typed into a clause is underlined once the dictionary is in
    page.spelling.load_now()
    page.view.place_cursor(("block", 0, 0, -1), None, focus=True)
    QTest.keyClicks(page.view, " Councillors will recieve a copy.")
    QTest.qWait(400)
    grab(window, "spelling")
    window.close()

    window, page = window_for("borough-model-protocol.txt", edit=True)
    page.actions_.show_changes.setChecked(True)
    page.view.place_cursor(("block", 0, 1, -1), 0)
    bar = page.view.verticalScrollBar()
    bar.setValue(bar.value() + page.view.cursorRect().top() - 8)
    grab(window, "changes")
    page.view.show_address((1, 4))
    bar.setValue(bar.value() + page.view.cursorRect().top() - 8)
    grab(window, "changes-moved")
    # a note on why clause 1.2 changed, then the council-pack report's summary with it
    from mop_desktop.gui.protocol.editor import document_edits

    document_edits.ask_text = lambda *a: (
        "To reflect the new Code of Conduct adopted in 2026",
        True,
    )
    page.view.place_cursor(("block", 0, 1, -1), 0, focus=True)
    page.actions_.why_changed.trigger()
    bar.setValue(bar.value() + page.view.cursorRect().top() - 8)
    grab(window, "why")
    page.save()
    if width == 1366:
        report_page(page.app.store)
    window.close()
    del app
    return written


if __name__ == "__main__":
    w = int(sys.argv[1]) if len(sys.argv) > 1 else 1366
    h = int(sys.argv[2]) if len(sys.argv) > 2 else 768
    for p in shoot(w, h):
        print(p)
