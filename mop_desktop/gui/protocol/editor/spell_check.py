"""Spelling in the document view: misspelt words of the lines in sight underlined in red
(Qt's spell-check underline, as extra selections, so the text and its formats are untouched),
and, on a right-click, suggestions and "Add to the council dictionary".

The dictionary loads in a background thread (a few seconds, once per run); nothing is
underlined until it is ready. Only the blocks on screen are checked, a moment after scrolling
or typing stops, so a long protocol costs no more than a short one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QAction, QColor, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit

from mop_desktop.gui.protocol.editor.document_view import DocumentView
from mop_desktop.gui.protocol.editor.view_blocks import GHOST
from mop_desktop.gui.protocol.editor.view_lines import REMOVED
from mop_desktop.services.spelling import Speller, words_in

CHECK_MS = 250
POLL_MS = 200
MISSPELT = QColor("#C62828")


class SpellCheck(QObject):
    def __init__(
        self, view: DocumentView, words: Callable[[], list[str]], learn: Callable[[str], object]
    ) -> None:
        super().__init__(view)
        self.view = view
        self._words = words
        self._learn = learn
        self.speller: Speller | None = None
        self.enabled = True
        self._result: list[Speller] = []  # filled by the loading thread
        self._started = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.refresh)
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._collect)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self.schedule())
        view.document().contentsChanged.connect(self.schedule)
        view.context_menu_hook = self.add_to_menu

    # -- loading ------------------------------------------------------------------------------
    def start(self) -> None:
        """Load the dictionary in the background (once)."""
        if self._started:
            return
        self._started = True
        words = self._words()
        result = self._result
        threading.Thread(
            target=lambda: result.append(Speller(words)), daemon=True, name="spelling-dictionary"
        ).start()
        self.poll.start()

    def load_now(self) -> None:
        """Load in this thread (tests; a clerk never waits for it)."""
        self._started = True
        self._use(Speller(self._words()))

    def _collect(self) -> None:
        if self._result:
            self.poll.stop()
            self._use(self._result[0])

    def _use(self, speller: Speller) -> None:
        self.speller = speller
        self.refresh()

    # -- checking -----------------------------------------------------------------------------
    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        if on:
            self.start()
        self.refresh()

    def schedule(self) -> None:
        if self.enabled and self.speller is not None:
            self.timer.start()

    def misspelt(self) -> list[tuple[int, int, str]]:
        """(document position, end, word) of each misspelt word on screen."""
        view, speller = self.view, self.speller
        if speller is None or not self.enabled:
            return []
        out: list[tuple[int, int, str]] = []
        height = view.viewport().height()
        dy = view.verticalScrollBar().value()
        block = view.cursorForPosition(QPoint(0, 0)).block()
        entries = view.entries()
        while block.isValid() and block.layout().position().y() - dy <= height:
            index = block.userState()
            if 0 <= index < len(entries) and entries[index].kind != REMOVED:
                ghosts = _ghost_ranges(block)
                for start, end, word in words_in(block.text()):
                    if any(a < end and start < b for a, b in ghosts):
                        continue
                    if not speller.is_correct(word):
                        out.append((block.position() + start, block.position() + end, word))
            block = block.next()
        return out

    def refresh(self) -> None:
        selections = []
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        fmt.setUnderlineColor(MISSPELT)
        for start, end, _word in self.misspelt():
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.view.setExtraSelections(selections)

    # -- the right-click menu -----------------------------------------------------------------
    def add_to_menu(self, menu: QMenu, position: int) -> None:
        """Suggestions for a misspelt word at ``position``, and learning it."""
        hit = next(((s, e, w) for s, e, w in self.misspelt() if s <= position <= e), None)
        if hit is None or self.speller is None or self.view.isReadOnly():
            return
        start, end, word = hit
        if not menu.actions():
            menu.addSeparator()
        first = menu.actions()[0]
        for suggestion in self.speller.suggestions(word):
            action = QAction(suggestion, menu)
            action.triggered.connect(lambda _c=False, s=suggestion: self.replace(start, end, s))
            menu.insertAction(first, action)
        learn = QAction(f"Add \u201c{word}\u201d to the council dictionary", menu)
        learn.triggered.connect(lambda: self.learn(word))
        menu.insertAction(first, learn)
        menu.insertSeparator(first)

    def replace(self, start: int, end: int, text: str) -> None:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        cursor.insertText(text)  # an edit like typing: through the undo stack

    def learn(self, word: str) -> None:
        if self.speller is not None:
            self.speller.learn(word)
        self._learn(word)
        self.refresh()


def _ghost_ranges(block: QTextBlock) -> list[tuple[int, int]]:
    out = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid() and fragment.charFormat().property(GHOST):
            start = fragment.position() - block.position()
            out.append((start, start + fragment.length()))
        it += 1
    return out
