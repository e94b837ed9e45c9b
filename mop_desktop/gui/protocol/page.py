"""The Protocol page: the outline of sections and clauses beside an editor for the selected part.

Every edit goes through the undo stack (``gui/protocol/editor/commands.py``) as an operation of
``domain/editing.py``, so numbers follow position and Ctrl+Z undoes anything. Each edit marks
the page dirty; a single-shot timer saves the draft shortly after the last change (autosave),
Ctrl+S saves at once and ``flush()`` (called by the window on close) saves immediately.
Adopted text is shown read-only with "Start a new draft".

The main editing surface is the document view (``gui/protocol/editor/document_view.py``): the whole
protocol in flow, edited in place, with the outline beside it as navigation. "Edit clause by
clause" (View menu) shows the older form for one part at a time instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget

from mop_desktop.domain import editing as ed
from mop_desktop.domain.change_notes import ChangeNote
from mop_desktop.domain.document import DocumentText
from mop_desktop.gui.forms.ui_protocol_page import Ui_ProtocolPage
from mop_desktop.gui.protocol.editor.block_editor import BlockEditor
from mop_desktop.gui.protocol.editor.document_edits import DocumentEditsMixin
from mop_desktop.gui.protocol.editor.document_view import DocumentView
from mop_desktop.gui.protocol.editor.edits import EditsMixin
from mop_desktop.gui.protocol.editor.find_replace import FindReplace
from mop_desktop.gui.protocol.editor.outline_model import Address, OutlineModel
from mop_desktop.gui.protocol.editor.page_actions import install_actions, update_actions
from mop_desktop.gui.protocol.editor.spell_check import SpellCheck
from mop_desktop.gui.protocol.editor.view_lines import ITEM
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets import messages
from mop_desktop.gui.widgets.operation import Change, Operation
from mop_desktop.services import drafts, spelling

if TYPE_CHECKING:
    from mop_desktop.gui.shell.main_window import MainWindow

AUTOSAVE_MS = 1500
RETRY_MS = 15000  # after a failed save (the disk full, the store locked), try again
EMPTY_PAGE, EDITOR_PAGE = 0, 1
CONFLICT_LABEL = "Not saved: changed elsewhere"


class ProtocolPage(EditsMixin, DocumentEditsMixin, QWidget):
    renumber_action: QAction  # made by install_actions (editor/page_actions.py)

    def __init__(self, app: AppContext, window: MainWindow | None = None) -> None:
        super().__init__()
        self.setObjectName("protocolPage")
        self.app = app
        root = QWidget(self)  # the first child: the first to go when the page does
        self.form = Ui_ProtocolPage()
        self.form.setupUi(root)
        # the undo stack clears itself, and the page is hidden, as the page is destroyed: by
        # then its form has gone, and nothing is saved or shown
        self._form_alive = alive = [True]
        root.destroyed.connect(lambda *_: alive.__setitem__(0, False))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(root)
        self.model = OutlineModel(self)
        self.outline = self.form.outlineView
        self.outline.setModel(self.model)
        self.editor = BlockEditor(self.form, root)
        self.undo_stack = QUndoStack(self)
        self.finder = FindReplace(self, self)
        self.view = DocumentView()
        self.view.undo_keys = self.editor.undo_keys
        self.view.installEventFilter(self.editor.undo_keys)
        self.form.splitter.insertWidget(1, self.view)
        self.form.splitter.setStretchFactor(0, 1)
        self.form.splitter.setStretchFactor(1, 3)
        self.form.splitter.setStretchFactor(2, 3)
        self.form.splitter.setSizes([300, 700, 0])
        self.form.editorStack.hide()
        self._clause_by_clause = False
        self._show_changes = False
        self._adopted: DocumentText | None = None
        self._adopted_loaded = False
        self._notes: list[ChangeNote] | None = None
        self._focus_after = None
        self._view_driving = False
        self.changes_timer = QTimer(self)
        self.changes_timer.setSingleShot(True)
        self.changes_timer.timeout.connect(self._refresh_changes)
        self.spelling = SpellCheck(
            self.view,
            words=lambda: spelling.council_words(self.app.store),
            learn=lambda word: spelling.add_council_word(self.app.store, word),
        )

        self.current: drafts.CurrentText | None = None
        self._doc = DocumentText(title="")
        self._editable = False
        self._dirty = False
        self._merge_token = 0
        self._own_change = False
        self._reloading = False
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.save)

        self._two_rows = False
        self.form.toolbarWidget.installEventFilter(self)  # narrow: the buttons take two rows
        self.show_changes_button = QToolButton(self.form.arrangeButtons)
        self.show_changes_button.setObjectName("showChangesButton")
        self.show_changes_button.setText("Show changes")
        self.show_changes_button.setCheckable(True)
        self.show_changes_button.setAutoRaise(True)
        self.show_changes_button.setToolTip(
            "Mark the draft against the last adopted version (Ctrl+Shift+E)"
        )
        self.form.arrangeButtonsLayout.addWidget(self.show_changes_button)
        self._connect()
        self.actions_ = install_actions(self, window)
        self.show_changes_button.toggled.connect(self.set_show_changes)
        QTimer.singleShot(0, self.spelling.start)  # the dictionary loads in the background
        app.changed.connect(self._on_changed)
        from mop_desktop.gui.protocol.presence_line import PresenceLine

        self.presence = PresenceLine(self)  # who else has the draft open (a shared store)
        self.reload()

    # -- wiring -------------------------------------------------------------------------------
    def _connect(self) -> None:
        f = self.form
        f.addSectionButton.clicked.connect(self.add_section)
        f.addClauseButton.clicked.connect(self.add_clause)
        f.insertAboveButton.clicked.connect(self.insert_clause_above)
        f.deleteButton.clicked.connect(self.delete_selected)
        f.moveUpButton.clicked.connect(lambda: self.move_selected(-1))
        f.moveDownButton.clicked.connect(lambda: self.move_selected(+1))
        f.indentButton.clicked.connect(lambda: self.set_level(2))
        f.outdentButton.clicked.connect(lambda: self.set_level(1))
        f.numberedButton.clicked.connect(self.set_numbered)
        f.startDraftButton.clicked.connect(self.start_new_draft)
        f.titleEdit.textEdited.connect(lambda t: self._field_edit(None, "title", t))
        self.editor.edited.connect(self._on_editor_edit)
        self.editor.numberedToggled.connect(self.set_numbered)
        self.editor.levelChosen.connect(self.set_level)
        self.model.moveRequested.connect(self.move_to)
        self.outline.selectionModel().currentChanged.connect(self._on_current_changed)
        v = self.view
        v.textEdited.connect(self._on_view_text)
        v.entryChanged.connect(self._on_view_entry)
        v.enterPressed.connect(self._on_view_enter)
        v.shiftPressed.connect(self._on_view_shift)
        v.removeEmptyPressed.connect(self._on_view_remove_empty)
        v.structureBroken.connect(lambda: self._render_view(self.selected()))
        self.undo_stack.indexChanged.connect(lambda _i: self._mark_dirty())
        keys: list[tuple[str, Callable[[], Any]]] = [
            ("Ctrl+Shift+Up", lambda: self.move_selected(-1)),
            ("Ctrl+Shift+Down", lambda: self.move_selected(+1)),
            ("Ctrl+Shift+Right", lambda: self.set_level(2)),
            ("Ctrl+Shift+Left", lambda: self.set_level(1)),
            ("Delete", self.delete_selected),
        ]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self.outline)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        for key, slot in keys[:2]:  # moving the clause at the cursor, in the document too
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        add_clause = QShortcut(QKeySequence("Ctrl+Return"), self)
        add_clause.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_clause.activated.connect(self.add_clause)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.form.toolbarWidget and event.type() == QEvent.Type.Resize:
            self._arrange_toolbar()
        return super().eventFilter(watched, event)

    def _arrange_toolbar(self) -> None:
        """One row of buttons where they fit; else the moving and numbering buttons go to a
        second row, so that no button is cut to "Add …tion"."""
        f = self.form
        grid = f.toolbarLayout
        spacing = max(grid.horizontalSpacing(), 0)
        one_row = (
            sum(
                w.sizeHint().width() + spacing
                for w in (f.editButtons, f.toolLine1, f.arrangeButtons, f.saveStateLabel)
            )
            + self.fontMetrics().horizontalAdvance("All changes saved")
            - f.saveStateLabel.width()
        )
        two_rows = f.toolbarWidget.width() < one_row
        if two_rows == self._two_rows:
            return
        self._two_rows = two_rows
        grid.removeWidget(f.arrangeButtons)
        if two_rows:
            grid.addWidget(f.arrangeButtons, 1, 0, 1, 5, Qt.AlignmentFlag.AlignLeft)
        else:
            grid.addWidget(f.arrangeButtons, 0, 2)
        f.toolLine1.setVisible(not two_rows)

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Show what the store holds now (the draft, else the adopted text, else nothing)."""
        self.autosave_timer.stop()
        self.current = drafts.load_current(self.app.store)
        self.presence.refresh()
        self._adopted_loaded = False  # read when "Show changes" first needs it
        self._notes = None
        self._dirty = False
        self._reloading = True
        try:
            self.undo_stack.clear()  # another version: its history does not apply
        finally:
            self._reloading = False
        if self.current is None:
            self._editable = False
            self._doc = DocumentText(title="")
            self.model.set_document(self._doc, editable=False)
            self.form.stack.setCurrentIndex(EMPTY_PAGE)
            self._update_controls()
            return
        self._editable = self.current.editable
        self.form.stack.setCurrentIndex(EDITOR_PAGE)
        self.form.bannerLabel.setText(self.current.banner)
        self.form.startDraftButton.setVisible(not self._editable)
        colour = "52, 120, 200" if self._editable else "214, 150, 0"  # blue draft, amber adopted
        self.form.bannerFrame.setStyleSheet(
            f"#bannerFrame {{ background: rgba({colour}, 0.14); "
            f"border: 1px solid rgba({colour}, 0.55); border-radius: 4px; }}"
        )
        self.form.titleEdit.setReadOnly(not self._editable)
        blocks = [(s, 0) for s, sec in enumerate(self.current.text.sections) if sec.blocks]
        first: Address | None = blocks[0] if blocks else None
        if first is None and self.current.text.sections:
            first = (0, None)
        self.apply_document(self.current.text, first)
        self._dirty = False
        self._show_save_state()

    def _on_changed(self, kinds: frozenset[Change]) -> None:
        if self._own_change or Change.DOCUMENT not in kinds:
            return
        if self._dirty:  # e.g. an export finishing while the clerk types: keep the typing
            if not self.save() and self.form.saveStateLabel.text() == CONFLICT_LABEL:
                return  # saved elsewhere meanwhile: the clerk chooses (draft_conflict)
        fresh = drafts.load_current(self.app.store)
        if (
            fresh is not None
            and self.current is not None
            and not self._dirty
            and fresh.version_id == self.current.version_id
            and fresh.status == self.current.status
            and fresh.text.canonical_json() == self._doc.canonical_json()
        ):
            self.current.revision = fresh.revision  # the same text saved elsewhere
            return  # nothing this page shows has changed
        self.reload()

    # -- what the commands drive ----------------------------------------------------------------
    def document(self) -> DocumentText:
        return self._doc

    def is_editable(self) -> bool:
        return self._editable

    def apply_document(self, doc: DocumentText, select: Address | None) -> None:
        self._doc = doc.renumber()
        self.model.set_document(doc, editable=self._editable)
        self.outline.expandAll()
        if self.form.titleEdit.text() != doc.title:
            self.form.titleEdit.setText(doc.title)
        self.select(select)
        self.editor.load(self._doc, self.selected(), self._editable)
        self._render_view(select)
        self._update_controls()

    def apply_field(self, address: Address | None, field: str, value: Any) -> None:
        doc = self._doc
        if field == "title":
            doc.title = value
            if self.form.titleEdit.text() != value:
                self.form.titleEdit.setText(value)
            self._patch_view(None, "title", value)
            return
        assert address is not None
        s, b = address
        if field == "heading":
            doc.sections[s].heading = value
        elif field == "items":
            assert b is not None
            ed.set_list_items(doc, s, b, value)
        else:
            assert b is not None
            setattr(doc.sections[s].blocks[b], field, value)
        self._patch_view(address, field, value)
        self.model.refresh(address)
        if self.selected() != address:
            self.select(address)
        self.editor.load(doc, address, self._editable)

    # -- selection ----------------------------------------------------------------------------
    def selected(self) -> Address | None:
        return self.model.address_of(self.outline.currentIndex())

    def select(self, address: Address | None) -> None:
        index = self.model.index_of(address)
        if index.isValid():
            self.outline.setCurrentIndex(index)
            self.outline.scrollTo(index)
        else:
            self.outline.setCurrentIndex(QModelIndex())
            self.editor.load(self._doc, None, self._editable)
            self._update_controls()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._merge_token += 1  # typing after a new selection is a new undo step
        address = self.model.address_of(current)
        self.editor.load(self._doc, address, self._editable)
        in_view = self.view.entry_at_cursor()
        if (
            not self._view_driving
            and address is not None
            and (in_view is None or in_view.address != address)
        ):
            self._view_driving = True
            try:
                self.view.show_address(address)
            finally:
                self._view_driving = False
        self._update_controls()

    def show_match(self, match: ed.Match) -> None:
        """Find: the match selected in the document view (in the form, clause by clause)."""
        super().show_match(match)  # the form shows it too, ready for "Edit clause by clause"
        if self._clause_by_clause or match.field == "title":  # the title field shows it
            return
        if match.field == "item":
            from mop_desktop.domain.item_editing import flat_items

            block = self._doc.sections[match.section].blocks[match.block]
            flat = [id(item) for _d, item in flat_items(block.items)]
            item = block.items[match.item[0]]
            for index in match.item[1:]:
                item = item.items[index]
            key = (ITEM, match.section, match.block, flat.index(id(item)))
        elif match.field == "text":
            key = ("block", match.section, match.block, -1)
        else:
            key = ("heading", match.section, -1, -1)
        self.view.select_range(key, match.start, match.end)

    def open_find(self, replace: bool = False) -> None:
        if self.view.hasFocus() and self.current is not None:
            self.finder.open(replace=replace, initial=self.view.textCursor().selectedText())
            return
        super().open_find(replace)

    def focus_main_field(self) -> None:
        if self._clause_by_clause:
            self.editor.focus_main_field()
        else:
            self.view.setFocus()

    def _update_controls(self) -> None:
        f = self.form
        address = self.selected() if self._editable else None
        doc = self._doc
        is_block = address is not None and address[1] is not None
        f.toolbarWidget.setEnabled(self._editable)
        f.deleteButton.setEnabled(address is not None)
        f.moveUpButton.setEnabled(
            address is not None and address != (0, None) and address != (0, 0)
        )
        last_s = len(doc.sections) - 1
        at_end = address is not None and (
            address == (last_s, None)
            or (address[0] == last_s and address[1] == len(doc.sections[last_s].blocks) - 1)
        )
        f.moveDownButton.setEnabled(address is not None and not at_end)
        f.indentButton.setEnabled(
            is_block and ed.can_indent(doc, address[0], address[1])  # type: ignore[index,arg-type]
        )
        f.outdentButton.setEnabled(
            is_block and doc.sections[address[0]].blocks[address[1]].level >= 2  # type: ignore[index]
        )
        part = None
        if address is not None:
            section = doc.sections[address[0]]
            part = section if address[1] is None else section.blocks[address[1]]
        f.numberedButton.setEnabled(part is not None)
        f.numberedButton.setChecked(bool(part is not None and part.numbered))
        self.outline.setDragEnabled(self._editable)

    # -- saving -------------------------------------------------------------------------------
    def _mark_dirty(self) -> None:
        if not self.form_alive():
            return
        if self._reloading or not self._editable or self.current is None:
            return
        self._dirty = True
        self._show_save_state()
        self.autosave_timer.start()

    def form_alive(self) -> bool:
        """False once the page is being destroyed (its form has gone)."""
        return self._form_alive[0]

    def has_unsaved_changes(self) -> bool:
        return self._dirty and self._editable

    def _show_save_state(self) -> None:
        update_actions(self)  # File > Save only when there is something to save
        if self.current is None or not self._editable:
            text = ""
        else:
            text = "Saving\u2026" if self._dirty else "All changes saved"
        self.form.saveStateLabel.setText(text)

    def save(self) -> bool:
        """Save the draft now if anything changed. Returns False if it could not be saved."""
        self.autosave_timer.stop()
        if not self._dirty or not self._editable:
            return True
        text = self._doc.clone()
        revision = self.current.revision if self.current is not None else None

        def failed(_message: str, error: BaseException) -> None:
            if isinstance(error, drafts.DraftConflict):  # saved elsewhere since: never written over
                from mop_desktop.gui.protocol.draft_conflict import offer_reload

                self.form.saveStateLabel.setText(CONFLICT_LABEL)
                offer_reload(self, error, self.reload)
                return
            # shown to the clerk; the edits stay on screen and dirty
            self.form.saveStateLabel.setText("Not saved")
            reason = " ".join(str(error).split()) or type(error).__name__
            self.app.statusMessage.emit(f"The draft could not be saved: {reason}")
            self.autosave_timer.start(RETRY_MS)

        def saved(new_revision: int) -> None:
            if self.current is not None:
                self.current.revision = new_revision
            self.autosave_timer.setInterval(AUTOSAVE_MS)
            self._dirty = False
            self._show_save_state()

        self._own_change = True  # the page already shows what it saved
        try:
            return (
                Operation(
                    self.app,
                    self,
                    lambda: drafts.save_draft(self.app.store, text, revision=revision),
                    changes={Change.DOCUMENT},
                    title="Save the draft",
                )
                .success(saved)
                .failure(failed)
                .run_now()
            )
        finally:
            self._own_change = False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """The window losing focus (a dialog such as Adopt or Export opening, another program)
        saves what is pending first."""
        if (
            event.type() == QEvent.Type.ActivationChange
            and not self.isActiveWindow()
            and self._dirty
            and self.form_alive()
        ):
            self.save()
        super().changeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        """Leaving the page (another page, the window minimised) saves what is pending, so
        PDFs and adoption read the text as typed."""
        if self.form_alive() and self._dirty:
            self.save()
        super().hideEvent(event)

    def flush(self) -> bool:
        """Save immediately (the window calls this before it closes)."""
        return self.save()

    def start_new_draft(self) -> None:
        def failed(message: str, _error: BaseException) -> None:
            self.app.statusMessage.emit(messages.sentence(message))
            self.reload()  # e.g. a draft started elsewhere: show it

        def started(_result: object) -> None:
            self.reload()
            self.app.statusMessage.emit("A new draft has been started from the adopted text")

        self._own_change = True  # the page reloads itself
        try:
            Operation(
                self.app,
                self,
                lambda: drafts.start_new_draft(self.app.store),
                changes={Change.DOCUMENT},
                title="Start a new draft",
                expected=(drafts.DraftError,),
            ).success(started).failure(failed).run_now()
        finally:
            self._own_change = False


def create_page(app: AppContext, window: MainWindow) -> QWidget:
    return ProtocolPage(app, window)
