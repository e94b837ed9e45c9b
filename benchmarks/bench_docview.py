"""The Protocol page's document view on a long protocol: the borough sample repeated to about
2,400 lines of text (32 copies: 160 sections, over 700 clauses and list items).

Measured inside one process, with the real page in a window (offscreen unless a display is
set): opening the page (loading the draft, building the outline and the view), building the
view alone, one keystroke typed in a clause (key event -> undo stack -> draft -> view and
outline patched), Enter (a structural edit: snapshot, renumber, view rebuilt), scrolling a page
down with the view painted, and "Show changes" refreshed (compare with the adopted version and
rebuild the marked view), which runs once typing pauses.

Run with ``python -m benchmarks docview --runs 15`` or ``python benchmarks/bench_docview.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import SAMPLES, Measure, time_call

SAMPLE = SAMPLES / "borough-model-protocol.txt"
COPIES = 32


def build_store(data_dir: Path, copies: int = COPIES) -> int:
    """The borough sample ``copies`` times over, adopted, with a draft one word different.
    Returns the number of lines the draft's text takes (title, headings, clauses, items)."""
    from mop_desktop.services.importer import read_protocol
    from mop_desktop.services.workspace import save_import, start_from_text
    from mop_desktop.store.db import open_store

    result = read_protocol(SAMPLE)
    result.text.sections = [s for _ in range(copies) for s in result.text.clone().sections]
    result.text.renumber()
    store = open_store(data_dir / "policy.db", data_dir / "kept-aside")
    try:
        save_import(store, result)
        draft = result.text.clone()
        blocks = [b for s in draft.sections for b in s.blocks]
        blocks[1].text = blocks[1].text.replace("continue", "build and keep")
        start_from_text(store, draft)
    finally:
        store.close()
    text = draft
    lines = 1 + len(text.sections)
    for _s, block in text.iter_blocks():
        lines += 1 + sum(1 for _ in _walk(block.items))
    return lines


def _walk(items):  # type: ignore[no-untyped-def]
    for item in items:
        yield item
        yield from _walk(item.items)


def run(runs: int = 9) -> list[Measure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow

    from mop_desktop.gui.protocol.page import ProtocolPage
    from mop_desktop.gui.shell.context import AppContext
    from mop_desktop.paths import resolve_paths
    from mop_desktop.services import spelling
    from mop_desktop.store.db import open_store

    app = QApplication.instance() or QApplication(sys.argv)
    # the spelling dictionary loads in the background once per run: load it first, so that
    # its thread does not compete with what is timed, and time it on its own
    dictionary_s, _ = time_call(spelling.dictionary, 0)
    data = Path(tempfile.mkdtemp(prefix="bench-docview-"))
    os.environ["MOP_DATA_DIR"] = str(data)
    paths = resolve_paths(data)
    paths.policy_db.parent.mkdir(parents=True, exist_ok=True)
    lines = build_store(paths.policy_db.parent)
    store = open_store(paths.policy_db, paths.kept_aside)
    context = AppContext(paths, store)
    window = QMainWindow()
    window.resize(1366, 768)
    holder: list[ProtocolPage] = []

    def open_page() -> None:
        if holder:
            holder.pop().deleteLater()
        page = ProtocolPage(context, window)
        window.setCentralWidget(page)
        window.show()
        app.processEvents()
        holder.append(page)

    first_open, open_median = time_call(open_page, max(3, runs // 3))
    page = holder[-1]
    page.autosave_timer.stop()
    view = page.view
    n_blocks = view.document().blockCount()
    _first, build = time_call(
        lambda: view.set_document(page.document(), True, fresh=True), max(3, runs // 3)
    )

    # typing: one key press in the middle of a long clause, round trip to the draft and back
    view.place_cursor(("block", 60, 0, -1), 20, focus=True)
    app.processEvents()

    def key() -> None:
        QTest.keyClick(view, Qt.Key.Key_A)
        app.processEvents()  # the repaint

    key_first, key_median = time_call(key, runs * 3)
    assert "a" * (runs * 3) in page.document().sections[60].blocks[0].text

    def enter() -> None:
        view.place_cursor(("block", 80, 0, -1), None, focus=True)
        QTest.keyClick(view, Qt.Key.Key_Return)
        app.processEvents()

    _e_first, enter_median = time_call(enter, max(3, runs // 2))

    bar = view.verticalScrollBar()
    bar.setValue(0)

    def scroll() -> None:
        QTest.keyClick(view, Qt.Key.Key_PageDown)
        view.viewport().repaint()

    view.place_cursor(("title", -1, -1, -1), 0, focus=True)
    _s_first, scroll_median = time_call(scroll, runs * 2)

    page.spelling.load_now()
    _sp_first, spell_median = time_call(page.spelling.refresh, runs)

    page.set_show_changes(True)
    _c_first, changes_median = time_call(page._refresh_changes, max(3, runs // 3))
    page.set_show_changes(False)
    page.undo_stack.clear()
    window.close()
    store.close()

    source_lines = COPIES * len(SAMPLE.read_text(encoding="utf-8").splitlines())
    note = f"{source_lines:,} lines of sample text; {lines:,} paragraphs, {n_blocks:,} blocks"
    return [
        Measure("document view: open the page (first)", first_open, 0, 1, "in-process", note),
        Measure(
            "document view: open the page", open_median, 0, max(3, runs // 3), "in-process", note
        ),
        Measure("document view: build the view", build, 0, max(3, runs // 3), "in-process", note),
        Measure(
            "document view: one keystroke (first)",
            key_first,
            0,
            1,
            "in-process",
            "key -> undo stack -> draft -> view and outline",
        ),
        Measure(
            "document view: one keystroke",
            key_median,
            0,
            runs * 3,
            "in-process",
            "key -> undo stack -> draft -> view and outline, repainted",
        ),
        Measure(
            "document view: Enter (new clause)",
            enter_median,
            0,
            max(3, runs // 2),
            "in-process",
            "snapshot, renumber, view rebuilt",
        ),
        Measure(
            "document view: Page Down",
            scroll_median,
            0,
            runs * 2,
            "in-process",
            "scroll and repaint",
        ),
        Measure(
            "document view: Show changes refresh",
            changes_median,
            0,
            max(3, runs // 3),
            "in-process",
            "compare + marked rebuild, once typing pauses",
        ),
        Measure(
            "spelling: load the en_GB dictionary",
            dictionary_s,
            0,
            1,
            "in-process",
            "once per run, in a background thread",
        ),
        Measure(
            "spelling: check the lines on screen",
            spell_median,
            0,
            runs,
            "in-process",
            "after scrolling or typing stops",
        ),
    ]


if __name__ == "__main__":
    from benchmarks.harness import TABLE_HEAD

    print(TABLE_HEAD)
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 9):
        print(row.row())
