import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMainWindow

from mop_desktop.domain.document import Block, DocumentText, ListItem, Section
from mop_desktop.domain.records import Adoption, VersionStatus
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.services import drafts
from mop_desktop.services.workspace import start_from_text
from mop_desktop.store import documents as docs
from mop_desktop.store.db import open_store


class Window(QMainWindow):
    """Stands in for the main window: menus by name, flush on close."""

    def __init__(self) -> None:
        super().__init__()
        self.menus = {}

    def menu(self, name):
        if name not in self.menus:
            self.menus[name] = self.menuBar().addMenu(name)
        return self.menus[name]

    def add_file_action(self, action):
        self.menu("File").addAction(action)


def protocol_text() -> DocumentText:
    return DocumentText(
        title="Member/Officer Relations Protocol",
        sections=[
            Section("Introduction", [Block("Purpose"), Block("Scope")]),
            Section(
                "Expectations",
                [
                    Block(
                        "Councillors can expect from Officers:",
                        list_style="bullet",
                        items=[ListItem("A working partnership"), ListItem("Respect")],
                    ),
                    Block("Officers can expect from Councillors"),
                ],
            ),
        ],
    ).renumber()


@pytest.fixture
def context(app_paths, store, qapp):
    from mop_desktop.gui.shell.context import AppContext

    return AppContext(app_paths, store)


@pytest.fixture
def open_page(context, qtbot):
    windows = []

    def make():
        from mop_desktop.gui.protocol.page import create_page

        window = Window()
        qtbot.addWidget(window)
        page = create_page(context, window)
        window.setCentralWidget(page)
        window.resize(1100, 700)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)  # the window owns the page: keep it alive for the test
        return page

    return make


@pytest.fixture
def page(store, open_page):
    start_from_text(store, protocol_text())
    return open_page()


def outline(page) -> list[str]:
    """The outline as the clerk reads it, sections and their clauses."""
    model = page.model
    rows = []
    for s in range(model.rowCount()):
        section = model.index(s, 0)
        rows.append(model.data(section))
        for b in range(model.rowCount(section)):
            rows.append(model.data(model.index(b, 0, section)).strip())
    return rows


def stored_text(app_paths) -> DocumentText:
    """The draft as a fresh process would find it."""
    fresh = open_store(app_paths.policy_db)
    try:
        return drafts.load_current(fresh).text
    finally:
        fresh.close()


def test_outline_shows_numbers_and_first_words(page):
    assert outline(page) == [
        "1  Introduction",
        "1.1  Purpose",
        "1.2  Scope",
        "2  Expectations",
        "2.1  Councillors can expect from Officers:",
        "2.2  Officers can expect from Councillors",
    ]
    assert page.selected() == (0, 0)
    assert page.form.blockNumberLabel.text() == "Clause 1.1"
    assert page.form.textEdit.toPlainText() == "Purpose"


def test_add_insert_delete_move_with_buttons_renumber(page, qtbot):
    f = page.form
    page.select((0, 0))
    qtbot.mouseClick(f.addClauseButton, Qt.MouseButton.LeftButton)
    assert page.selected() == (0, 1)
    qtbot.keyClicks(f.textEdit, "Status")
    assert outline(page)[1:4] == ["1.1  Purpose", "1.2  Status", "1.3  Scope"]

    qtbot.mouseClick(f.insertAboveButton, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(f.textEdit, "Background")
    assert outline(page)[1:5] == ["1.1  Purpose", "1.2  Background", "1.3  Status", "1.4  Scope"]

    qtbot.mouseClick(f.moveUpButton, Qt.MouseButton.LeftButton)
    assert outline(page)[1:3] == ["1.1  Background", "1.2  Purpose"]
    assert page.selected() == (0, 0)

    qtbot.mouseClick(f.deleteButton, Qt.MouseButton.LeftButton)
    assert outline(page)[1:4] == ["1.1  Purpose", "1.2  Status", "1.3  Scope"]

    page.select((1, None))
    qtbot.mouseClick(f.addSectionButton, Qt.MouseButton.LeftButton)
    assert page.selected() == (2, None)
    qtbot.keyClicks(f.headingEdit, "Concerns")
    assert outline(page)[-1] == "3  Concerns"
    qtbot.mouseClick(f.addClauseButton, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(f.textEdit, "Informal resolution")
    assert outline(page)[-1] == "3.1  Informal resolution"

    page.select((2, None))
    qtbot.mouseClick(f.moveUpButton, Qt.MouseButton.LeftButton)
    assert outline(page)[4:6] == ["2  Concerns", "2.1  Informal resolution"]
    assert outline(page)[6] == "3  Expectations"


def test_indent_outdent_and_numbered(page, qtbot):
    f = page.form
    page.select((0, 1))
    qtbot.mouseClick(f.indentButton, Qt.MouseButton.LeftButton)
    assert outline(page)[2] == "1.1.1  Scope"
    assert f.blockNumberLabel.text() == "Sub-clause 1.1.1"
    qtbot.mouseClick(f.outdentButton, Qt.MouseButton.LeftButton)
    assert outline(page)[2] == "1.2  Scope"
    page.select((0, 0))
    qtbot.mouseClick(f.numberedButton, Qt.MouseButton.LeftButton)
    assert outline(page)[1:3] == ["\u00b6  Purpose", "1.1  Scope"]
    assert f.blockNumberLabel.text() == "Paragraph (unnumbered)"
    assert not f.numberedButton.isChecked()


def test_keyboard_moves_and_deletes_on_the_outline(page, qtbot):
    page.select((0, 0))
    page.outline.setFocus()
    qtbot.keyClick(
        page.outline,
        Qt.Key.Key_Down,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert outline(page)[1:3] == ["1.1  Scope", "1.2  Purpose"]
    assert page.selected() == (0, 1)
    qtbot.keyClick(
        page.outline,
        Qt.Key.Key_Down,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert outline(page)[2:5] == [
        "2  Expectations",
        "2.1  Purpose",
        "2.2  Councillors can expect from Officers:",
    ]
    qtbot.keyClick(
        page.outline,
        Qt.Key.Key_Up,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert outline(page)[1:3] == ["1.1  Scope", "1.2  Purpose"]
    qtbot.keyClick(page.outline, Qt.Key.Key_Delete)
    assert outline(page)[1:3] == ["1.1  Scope", "2  Expectations"]


def test_drag_and_drop_moves_a_clause_into_another_section(page):
    model = page.model
    source = model.index_of((0, 0))
    target_section = model.index_of((1, None))
    handled = model.dropMimeData(
        model.mimeData([source]), Qt.DropAction.MoveAction, 1, 0, target_section
    )
    assert handled is False  # the page made the move itself, as an undoable edit
    assert outline(page) == [
        "1  Introduction",
        "1.1  Scope",
        "2  Expectations",
        "2.1  Councillors can expect from Officers:",
        "2.2  Purpose",
        "2.3  Officers can expect from Councillors",
    ]
    page.undo_stack.undo()
    assert outline(page)[1] == "1.1  Purpose"
    # a section dropped before the first one
    model.dropMimeData(
        model.mimeData([model.index_of((1, None))]), Qt.DropAction.MoveAction, 0, 0, QModelIndex()
    )
    assert outline(page)[0] == "1  Expectations"
    assert outline(page)[3] == "2  Introduction"


def test_undo_and_redo_restore_text_and_numbers(page, qtbot):
    f = page.form
    before = outline(page)
    page.select((0, 0))
    qtbot.mouseClick(f.insertAboveButton, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(f.textEdit, "New first clause")
    page.select((1, 0))
    qtbot.mouseClick(f.deleteButton, Qt.MouseButton.LeftButton)
    edited = outline(page)
    assert edited[1:4] == ["1.1  New first clause", "1.2  Purpose", "1.3  Scope"]
    assert edited[4:6] == ["2  Expectations", "2.1  Officers can expect from Councillors"]

    page.actions_.undo.trigger()  # the delete
    assert outline(page)[5] == "2.1  Councillors can expect from Officers:"
    assert page.selected() == (1, 0)
    page.actions_.undo.trigger()  # the typing, one step
    assert outline(page)[1] == "1.1  (empty clause)"
    page.actions_.undo.trigger()  # the insert
    assert outline(page) == before
    assert not page.undo_stack.canUndo()

    for _ in range(3):
        page.actions_.redo.trigger()
    assert outline(page) == edited
    assert page.document().sections[0].blocks[0].text == "New first clause"


def test_typing_is_one_undo_step_per_field_and_ctrl_z_reaches_the_stack(page, qtbot):
    f = page.form
    page.select((0, 1))
    f.textEdit.setFocus()
    f.textEdit.moveCursor(f.textEdit.textCursor().MoveOperation.End)
    qtbot.keyClicks(f.textEdit, " of the protocol")
    assert page.document().sections[0].blocks[1].text == "Scope of the protocol"
    assert outline(page)[2] == "1.2  Scope of the protocol"
    assert page.undo_stack.count() == 1
    qtbot.keyClick(f.textEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert f.textEdit.toPlainText() == "Scope"
    assert page.document().sections[0].blocks[1].text == "Scope"
    qtbot.keyClick(f.textEdit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert f.textEdit.toPlainText() == "Scope of the protocol"

    page.select((0, 0))
    qtbot.keyClicks(f.textEdit, "X")
    assert page.undo_stack.count() == 2  # another clause: another step


def test_list_items_edited_as_indented_lines(page, qtbot):
    f = page.form
    page.select((1, 0))
    assert f.listEdit.toPlainText() == "A working partnership\nRespect"
    f.listEdit.moveCursor(f.listEdit.textCursor().MoveOperation.End)
    qtbot.keyClick(f.listEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(f.listEdit, "  dignity and courtesy")
    block = page.document().sections[1].blocks[0]
    assert block.items[1].text == "Respect"
    assert [i.text for i in block.items[1].items] == ["dignity and courtesy"]
    f.listStyleCombo.setCurrentIndex(1)
    f.listStyleCombo.activated.emit(1)
    assert block.list_style == "lower-alpha"
    page.undo_stack.undo()
    assert page.document().sections[1].blocks[0].list_style == "bullet"


def test_sub_list_style_is_chosen_beside_the_list_style_undone_saved_and_printed(
    page, qtbot, app_paths
):
    from mop_desktop.services.pdf.protocol import list_flowables

    f = page.form
    page.select((1, 0))
    assert not f.subListStyleCombo.isEnabled()  # no sub-list yet
    assert "two spaces" in f.subListStyleCombo.toolTip()
    f.listEdit.moveCursor(f.listEdit.textCursor().MoveOperation.End)
    qtbot.keyClick(f.listEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(f.listEdit, "  dignity")
    assert f.subListStyleCombo.isEnabled()
    assert f.subListStyleCombo.currentText().startswith("Bulleted")
    assert page.document().sections[1].blocks[0].items[1].list_style == "bullet"

    f.subListStyleCombo.setCurrentIndex(2)
    f.subListStyleCombo.activated.emit(2)
    block = page.document().sections[1].blocks[0]
    assert block.items[1].list_style == "lower-roman"
    assert block.list_style == "bullet"  # the list itself keeps its style
    assert f.listEdit.toPlainText() == "A working partnership\nRespect\n  dignity"
    assert page.undo_stack.undoText() == "Sub-list style in clause 2.1"

    # typing a further sub-item keeps the chosen style; a new sub-list under another item takes it
    f.listEdit.moveCursor(f.listEdit.textCursor().MoveOperation.Start)
    f.listEdit.moveCursor(f.listEdit.textCursor().MoveOperation.EndOfLine)
    qtbot.keyClick(f.listEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(f.listEdit, "  shared aims")
    block = page.document().sections[1].blocks[0]
    assert [(i.text, i.list_style) for i in block.items] == [
        ("A working partnership", "lower-roman"),
        ("Respect", "lower-roman"),
    ]
    markers = [p.bulletText for p in list_flowables(block.items, block.list_style, 0)]
    assert markers == ["\u2022", "i)", "\u2022", "i)"]

    page.flush()
    assert stored_text(app_paths).sections[1].blocks[0].items[1].list_style == "lower-roman"

    page.undo_stack.undo()  # the typing
    page.undo_stack.undo()  # the sub-list style
    block = page.document().sections[1].blocks[0]
    assert block.items[1].list_style == "bullet"
    assert f.subListStyleCombo.currentText().startswith("Bulleted")
    page.undo_stack.redo()
    assert page.document().sections[1].blocks[0].items[1].list_style == "lower-roman"
    assert f.subListStyleCombo.currentText().startswith("Roman")


def test_find_and_replace(page, qtbot):
    page.actions_.replace.trigger()
    finder = page.finder
    assert finder.dialog.isVisible()
    finder.form.findEdit.setText("Officers")
    qtbot.mouseClick(finder.form.findNextButton, Qt.MouseButton.LeftButton)
    assert finder.form.statusLabel.text() == "1 of 2"
    assert page.selected() == (1, 0)
    assert page.form.textEdit.textCursor().selectedText() == "Officers"

    finder.form.replaceEdit.setText("staff")
    qtbot.mouseClick(finder.form.replaceButton, Qt.MouseButton.LeftButton)
    assert page.document().sections[1].blocks[0].text == "Councillors can expect from staff:"
    assert outline(page)[4] == "2.1  Councillors can expect from staff:"
    assert finder.form.statusLabel.text() == "1 of 1"
    assert page.selected() == (1, 1)

    finder.form.findEdit.setText("officer")  # any case: the title and clause 2.2
    qtbot.mouseClick(finder.form.findNextButton, Qt.MouseButton.LeftButton)
    assert finder.form.statusLabel.text() == "1 of 2"
    assert page.form.titleEdit.selectedText() == "Officer"
    qtbot.mouseClick(finder.form.replaceAllButton, Qt.MouseButton.LeftButton)
    assert finder.form.statusLabel.text() == "Replaced 2 occurrences."
    assert page.form.titleEdit.text() == "Member/staff Relations Protocol"
    assert outline(page)[5] == "2.2  staffs can expect from Councillors"

    page.actions_.undo.trigger()
    assert page.document().title == "Member/Officer Relations Protocol"
    assert page.form.titleEdit.text() == "Member/Officer Relations Protocol"
    assert outline(page)[5] == "2.2  Officers can expect from Councillors"
    finder.form.findEdit.setText("nowhere")
    qtbot.mouseClick(finder.form.findNextButton, Qt.MouseButton.LeftButton)
    assert finder.form.statusLabel.text() == "\u201cnowhere\u201d is not in the protocol."


def test_autosave_keeps_the_draft_after_a_crash(page, app_paths, qtbot):
    f = page.form
    page.select((0, 0))
    qtbot.keyClicks(f.textEdit, " of this protocol")
    qtbot.mouseClick(f.addClauseButton, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(f.textEdit, "Status of the protocol")
    assert page._dirty and f.saveStateLabel.text() == "Saving\u2026"
    qtbot.waitUntil(lambda: not page._dirty, timeout=10000)
    assert f.saveStateLabel.text() == "All changes saved"
    # nothing else is written: a second store opened on the same file, as after a crash
    text = stored_text(app_paths)
    assert [(b.number, b.text) for b in text.sections[0].blocks] == [
        ("1.1", "Purpose of this protocol"),
        ("1.2", "Status of the protocol"),
        ("1.3", "Scope"),
    ]


def test_flush_and_ctrl_s_save_immediately(page, app_paths, qtbot, context):
    changed = []
    context.changed.connect(lambda kinds: changed.append(1) if Change.DOCUMENT in kinds else None)
    page.select((0, 1))
    page.form.textEdit.moveCursor(page.form.textEdit.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.form.textEdit, "!")
    assert page.flush()
    assert stored_text(app_paths).sections[0].blocks[1].text == "Scope!"
    assert changed == [1]
    qtbot.keyClicks(page.form.textEdit, "?")
    page.actions_.save.trigger()
    assert stored_text(app_paths).sections[0].blocks[1].text == "Scope!?"
    assert not page.autosave_timer.isActive()


def adopt(store, label="2026"):
    with store.session() as session:
        doc = docs.ensure_protocol(session)
        version = docs.create_version(
            session, doc, protocol_text(), status=VersionStatus.ADOPTED, label=label
        )
        docs.append_adoption(
            session,
            doc,
            Adoption(label, dt.date(2026, 3, 23), "2026-101", text_sha256=version.text_sha256),
            version=version,
        )


def test_adopted_text_is_read_only_until_a_new_draft_is_started(store, open_page, qtbot, app_paths):
    adopt(store)
    page = open_page()
    f = page.form
    assert f.bannerLabel.text() == (
        "Version 2026, adopted 23 March 2026 \u2014 adopted text cannot be changed"
    )
    assert f.startDraftButton.isVisible()
    assert f.textEdit.isReadOnly() and f.titleEdit.isReadOnly()
    assert not f.toolbarWidget.isEnabled()
    qtbot.keyClicks(f.textEdit, "changed")
    page.delete_selected()
    assert page.document().sections[0].blocks[0].text == "Purpose"
    assert not page.undo_stack.canUndo()

    qtbot.mouseClick(f.startDraftButton, Qt.MouseButton.LeftButton)
    assert not f.startDraftButton.isVisible()
    assert f.bannerLabel.text().startswith("Draft based on version 2026")
    assert not f.textEdit.isReadOnly()
    qtbot.keyClicks(f.textEdit, " (amended)")
    page.flush()
    with store.session() as session:
        doc = docs.protocol_document(session)
        assert docs.load_text(docs.latest_adopted(doc)).sections[0].blocks[0].text == "Purpose"
    assert stored_text(app_paths).sections[0].blocks[0].text == "Purpose (amended)"


def test_a_refused_new_draft_is_told_as_a_sentence(store, open_page, context):
    """The status bar used to read "a draft already exists: carry on editing it"."""
    adopt(store)
    page = open_page()
    drafts.start_new_draft(store)  # e.g. from the dashboard, before this page refreshed
    told: list[str] = []
    context.statusMessage.connect(told.append)
    page.start_new_draft()
    assert told == ["A draft already exists: carry on editing it"]
    assert page.form.bannerLabel.text().startswith("Draft based on version 2026")
    assert page.is_editable()


def test_no_protocol_shows_the_way_to_start(open_page):
    page = open_page()
    assert page.form.stack.currentWidget() is page.form.emptyPage
    assert "model protocol" in page.form.emptyTextLabel.text()
    page.add_clause()
    assert page.document().sections == []


def test_markup_is_shown_literally(store, open_page):
    adopt(store, label="<b>v1</b>")
    page = open_page()
    assert page.form.bannerLabel.text().startswith("Version <b>v1</b>, adopted")
    text = protocol_text()
    text.sections[0].heading = "<b>x</b>"
    text.sections[0].blocks[0].text = "<i>Purpose</i> & <img src='a.png'>"
    start_from_text(store, text)
    page.reload()
    assert page.form.bannerLabel.text().startswith("Draft based on version <b>v1</b>")
    page.select((0, None))
    assert outline(page)[0] == "1  <b>x</b>"
    assert outline(page)[1] == "1.1  <i>Purpose</i> & <img src='a.png'>"
    assert page.form.headingEdit.text() == "<b>x</b>"
    for label in (page.form.bannerLabel, page.form.sectionNumberLabel, page.form.blockNumberLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_menu_actions_follow_the_page(page, qtbot):
    window = page.window()
    edit = [a.text() for a in window.menus["Edit"].actions() if not a.isSeparator()]
    assert edit[2:] == [
        "&Find\u2026",
        "Find and &replace\u2026",
        "Renumber b&y position",
        "&Number the whole document",
        "&Take all numbers off",
        "&Why it changed\u2026",
    ]
    view = [a.text() for a in window.menus["View"].actions() if not a.isSeparator()]
    assert view == ["Show &changes", "Edit clause &by clause", "Check &spelling"]
    assert edit[0].startswith("&Undo") and edit[1].startswith("&Redo")
    assert [a.text() for a in window.menus["File"].actions()] == ["&Save"]
    # the menus stay the same on every page: off the page the actions are disabled, not gone
    assert page.actions_.find.isVisible() and page.actions_.find.isEnabled()
    page.hide()
    assert page.actions_.find.isVisible() and page.actions_.save.isVisible()
    assert not page.actions_.find.isEnabled() and not page.actions_.undo.isEnabled()
    assert not page.actions_.save.isEnabled()
    page.show()
    assert page.actions_.find.isEnabled()
    assert not page.actions_.save.isEnabled()  # nothing to save yet
    page.select((0, 1))
    qtbot.keyClicks(page.form.textEdit, " and status")
    assert page.actions_.save.isEnabled() and page.actions_.undo.isEnabled()
    page.actions_.save.trigger()
    assert not page.actions_.save.isEnabled()


def test_leaving_the_page_saves_pending_typing(page, app_paths, qtbot):
    page.select((0, 1))
    qtbot.keyClicks(page.form.textEdit, " and status")
    assert page.autosave_timer.isActive()
    page.hide()
    assert not page._dirty
    assert stored_text(app_paths).sections[0].blocks[1].text == "Scope and status"


def test_a_new_import_elsewhere_is_shown(page, store, context):
    replaced = protocol_text()
    replaced.sections[0].heading = "Purpose and scope"
    start_from_text(store, replaced)
    announce(context, Change.DOCUMENT)
    assert outline(page)[0] == "1  Purpose and scope"
    assert not page.undo_stack.canUndo()
    assert not page.actions_.undo.isEnabled()
    assert not page._dirty and not page.autosave_timer.isActive()
    assert page.form.saveStateLabel.text() == "All changes saved"


def test_panel_controls_change_level_and_numbering(page, qtbot):
    f = page.form
    page.select((0, 1))
    f.levelCombo.setCurrentIndex(1)
    f.levelCombo.activated.emit(1)
    assert outline(page)[2] == "1.1.1  Scope"
    qtbot.mouseClick(f.blockNumberedCheck, Qt.MouseButton.LeftButton)
    assert outline(page)[2] == "\u00b6  Scope"
    page.select((0, None))
    f.sectionNumberedCheck.click()
    assert outline(page)[0] == "Introduction"
    assert outline(page)[3] == "1  Expectations"
    assert outline(page)[4] == "1.1  Councillors can expect from Officers:"
    for _ in range(3):
        page.undo_stack.undo()
    assert outline(page)[:3] == ["1  Introduction", "1.1  Purpose", "1.2  Scope"]


def test_empty_document_can_be_started_from_nothing(store, open_page, qtbot):
    start_from_text(store, DocumentText(title="Protocol"))
    page = open_page()
    assert page.form.stack.currentWidget() is page.form.editorPage
    assert outline(page) == []
    qtbot.mouseClick(page.form.addClauseButton, Qt.MouseButton.LeftButton)
    assert outline(page) == ["1  (no heading)", "1.1  (empty clause)"]
    assert page.selected() == (0, 0)


def test_a_dialog_taking_focus_saves_pending_typing(page, app_paths, qtbot, monkeypatch):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    page.select((0, 1))
    qtbot.keyClicks(page.form.textEdit, " and status")
    monkeypatch.setattr(page, "isActiveWindow", lambda: False)
    QApplication.sendEvent(page, QEvent(QEvent.Type.ActivationChange))
    assert stored_text(app_paths).sections[0].blocks[1].text == "Scope and status"


def test_a_failed_save_keeps_the_edits_and_says_so(page, app_paths, qtbot, context, monkeypatch):
    from mop_desktop.gui.protocol import page as protocol

    messages = []
    context.statusMessage.connect(messages.append)

    def broken(store, text, **_options):
        raise OSError("disk full")

    working = protocol.drafts.save_draft
    monkeypatch.setattr(protocol.drafts, "save_draft", broken)
    page.select((0, 1))
    qtbot.keyClicks(page.form.textEdit, "!")
    assert page.flush() is False
    assert messages == ["The draft could not be saved: disk full"]
    assert page.form.saveStateLabel.text() == "Not saved"
    assert page._dirty and page.autosave_timer.isActive()  # it will try again
    monkeypatch.setattr(protocol.drafts, "save_draft", working)
    assert page.flush() is True
    assert stored_text(app_paths).sections[0].blocks[1].text == "Scope!"
    assert page.autosave_timer.interval() == protocol.AUTOSAVE_MS


def test_outline_right_click_menu_offers_the_toolbar(page, context):
    from mop_desktop.gui.protocol.editor.page_actions import outline_menu

    messages = []
    context.statusMessage.connect(messages.append)
    page.select((0, 0))
    menu = outline_menu(page)
    actions = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    assert list(actions) == [
        "Add section",
        "Add clause",
        "Insert clause above",
        "Delete",
        "Move up",
        "Move down",
        "Indent",
        "Outdent",
        "Numbered",
    ]
    assert not actions["Move up"].isEnabled() and not actions["Indent"].isEnabled()
    assert actions["Numbered"].isChecked()
    actions["Delete"].trigger()
    assert outline(page)[1] == "1.1  Scope"
    assert messages == ["Deleted clause 1.1. Undo (Ctrl+Z) brings it back."]
    page.select((0, 0))
    outline_menu(page).actions()[-1].trigger()  # Numbered off
    assert outline(page)[1] == "\u00b6  Scope"


def test_find_starts_with_the_selected_words(page, qtbot):
    f = page.form
    page.select((1, 0))
    f.textEdit.setFocus()
    qtbot.waitUntil(f.textEdit.hasFocus)
    cursor = f.textEdit.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(11, cursor.MoveMode.KeepAnchor)
    f.textEdit.setTextCursor(cursor)
    page.actions_.find.trigger()
    assert page.finder.form.findEdit.text() == "Councillors"


def test_an_unrelated_change_elsewhere_keeps_typing_and_history(page, context, qtbot, app_paths):
    page.select((0, 1))
    qtbot.keyClicks(page.form.textEdit, " and status")
    announce(context, Change.DOCUMENT)  # e.g. a PDF export finishing in the background
    assert page.document().sections[0].blocks[1].text == "Scope and status"
    assert page.undo_stack.canUndo()
    assert stored_text(app_paths).sections[0].blocks[1].text == "Scope and status"


def test_the_first_clause_cannot_become_a_sub_clause(page):
    f = page.form
    page.select((0, 0))
    assert not f.indentButton.isEnabled()
    f.levelCombo.setCurrentIndex(1)
    f.levelCombo.activated.emit(1)
    assert f.levelCombo.currentText() == "Clause"
    assert outline(page)[1] == "1.1  Purpose"
    assert not page.undo_stack.canUndo()


def test_drop_places(page):
    model = page.model
    block, section = (0, 1), (0, None)
    root = QModelIndex()
    # a clause dropped between sections 1 and 2 joins the end of section 1
    assert model.drop_target(block, 1, root) is None  # it is already the last of section 1
    assert model.drop_target((1, 0), 1, root) == ((1, 0), (0, 2))
    assert model.drop_target((1, 1), 0, root) == ((1, 1), (0, 0))
    assert model.drop_target(block, -1, root) is None  # dropped on empty space: nothing
    # within its own section, counted after it is taken out
    assert model.drop_target((0, 0), 2, model.index_of(section)) == ((0, 0), (0, 1))
    # sections move only between sections
    assert model.drop_target(section, -1, root) == (section, (1, None))
    assert model.drop_target((1, None), 0, root) == ((1, None), (0, None))
    assert model.drop_target(section, 0, root) is None


def test_ctrl_return_adds_a_clause_while_typing(page, qtbot):
    f = page.form
    page.select((1, 0))
    f.textEdit.setFocus()
    qtbot.waitUntil(f.textEdit.hasFocus)
    qtbot.keyClick(f.textEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.selected() == (1, 1)
    qtbot.keyClicks(f.textEdit, "Respect for the role of the Proper Officer")
    assert outline(page)[4:7] == [
        "2.1  Councillors can expect from Officers:",
        "2.2  Respect for the role of the Proper Officer",
        "2.3  Officers can expect from Councillors",
    ]
    assert page.document().sections[1].blocks[0].text == "Councillors can expect from Officers:"


def test_the_page_keeps_a_margin_like_the_other_pages(page):
    """The banner, title and outline used to touch the navigation list and the window's edge:
    the page now has the same margin as the dashboard."""
    margins = page.form.pageLayout.contentsMargins()  # the layout of the page's form
    assert min(margins.left(), margins.top(), margins.right(), margins.bottom()) >= 9
    banner = page.form.bannerFrame.mapTo(page, page.form.bannerFrame.rect().topLeft())
    assert banner.x() >= 9 and banner.y() >= 9


def test_an_emptied_draft_says_how_to_start_again(page, qtbot):
    """Deleting every section left "Select a section or clause in the outline" beside an
    empty outline; the panel now says how to start again."""
    from mop_desktop.gui.protocol.editor.block_editor import EMPTY_DRAFT

    while page.document().sections:
        page.select((0, None))
        page.delete_selected()
    assert page.form.nothingLabel.text() == EMPTY_DRAFT
    page.add_clause()
    assert len(page.document().sections) == 1
    page.undo_stack.undo()
    assert page.form.nothingLabel.text() == EMPTY_DRAFT


def test_toolbar_buttons_are_never_cut_short(page, qtbot):
    """In a narrow window the buttons used to be squeezed to "Add …tion" and "Num…red":
    they now take a second row when one does not hold them, and one row when it does."""
    from PySide6.QtWidgets import QLayout, QToolButton

    f = page.form
    window = page.window()
    # like the main window, which lets the page be narrower than its buttons' one row
    window.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    window.setMinimumSize(0, 0)
    buttons = f.toolbarWidget.findChildren(QToolButton)
    assert len(buttons) == 10  # with "Show changes"
    for width, rows in ((700, 2), (1500, 1)):
        window.resize(width, 700)
        qtbot.wait(50)
        assert abs(window.width() - width) < 5
        assert all(b.width() >= b.sizeHint().width() for b in buttons), window.width()
        on_first_row = f.arrangeButtons.y() == f.editButtons.y()
        assert on_first_row == (rows == 1), window.width()
        assert f.saveStateLabel.width() >= f.saveStateLabel.sizeHint().width()


def test_renumber_by_position_is_one_undoable_step(store, open_page):
    text = DocumentText(
        title="Protocol",
        sections=[
            Section("Introduction", [Block("One.", source_number="1.1"),
                                     Block("Three.", source_number="1.3")],
                    source_number="1"),
            Section("Roles", [Block("Roles.", source_number="3.1")], source_number="3"),
        ],
    ).renumber()  # fmt: skip
    start_from_text(store, text)
    page = open_page()
    numbers = lambda: [b.number for s in page.document().sections for b in s.blocks]  # noqa: E731
    assert numbers() == ["1.1", "1.3", "3.1"]
    page.renumber_action.trigger()
    assert numbers() == ["1.1", "1.2", "2.1"]
    page.undo_stack.undo()
    assert numbers() == ["1.1", "1.3", "3.1"]
