"""The document view on the Protocol page: the whole protocol in flow, edited in place."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from mop_desktop.domain.document import Block, DocumentText, ListItem, Section
from tests.gui.test_protocol_page import Window, adopt, protocol_text, stored_text


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
        windows.append(window)
        return page

    return make


@pytest.fixture
def page(store, open_page):
    from mop_desktop.services.workspace import start_from_text

    start_from_text(store, protocol_text())
    return open_page()


def lines(page) -> list[tuple[str, str]]:
    return page.view.line_texts()


def put_cursor(page, key, offset=None):
    page.view.place_cursor(key, offset, focus=True)


def type_in(qtbot, page, text):
    qtbot.keyClicks(page.view, text)


def test_view_shows_every_heading_clause_and_item_with_its_number(page):
    assert lines(page) == [
        ("", "Member/Officer Relations Protocol"),
        ("1", "Introduction"),
        ("1.1", "Purpose"),
        ("1.2", "Scope"),
        ("2", "Expectations"),
        ("2.1", "Councillors can expect from Officers:"),
        ("\u2022", "A working partnership"),
        ("\u2022", "Respect"),
        ("2.2", "Officers can expect from Councillors"),
    ]
    assert page.view.isVisible() and not page.form.editorStack.isVisible()


def test_numbers_are_not_text(page, qtbot):
    """The numbers hang in the margin: Home and typing never reach them."""
    put_cursor(page, ("block", 0, 1, -1), 0)
    qtbot.keyClick(page.view, Qt.Key.Key_Home)
    qtbot.keyClicks(page.view, "The ")
    assert page.document().sections[0].blocks[1].text == "The Scope"
    assert ("1.2", "The Scope") in lines(page)


def test_typing_edits_the_draft_is_one_undo_step_and_ctrl_z_undoes_it(page, app_paths, qtbot):
    put_cursor(page, ("block", 0, 0, -1))
    type_in(qtbot, page, " of the protocol")
    assert page.document().sections[0].blocks[0].text == "Purpose of the protocol"
    assert page.undo_stack.count() == 1
    assert page.selected() == (0, 0)
    assert "1.1  Purpose of the protocol" in page.model.data(page.model.index_of((0, 0)))
    page.save()
    assert stored_text(app_paths).sections[0].blocks[0].text == "Purpose of the protocol"
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    page.actions_.undo.trigger() if page.undo_stack.index() else None
    assert page.document().sections[0].blocks[0].text == "Purpose"
    assert ("1.1", "Purpose") in lines(page)
    page.actions_.redo.trigger()
    assert ("1.1", "Purpose of the protocol") in lines(page)


def test_typing_in_two_clauses_is_two_undo_steps(page, qtbot):
    put_cursor(page, ("block", 0, 0, -1))
    type_in(qtbot, page, "!")
    put_cursor(page, ("block", 0, 1, -1))
    type_in(qtbot, page, "?")
    assert page.undo_stack.count() == 2
    page.actions_.undo.trigger()
    assert [b.text for b in page.document().sections[0].blocks] == ["Purpose!", "Scope"]


def test_typing_in_a_list_item_and_a_heading(page, qtbot):
    put_cursor(page, ("item", 1, 0, 1))
    type_in(qtbot, page, " for each other")
    put_cursor(page, ("heading", 1, -1, -1))
    type_in(qtbot, page, " of each other")
    doc = page.document()
    assert [i.text for i in doc.sections[1].blocks[0].items] == [
        "A working partnership",
        "Respect for each other",
    ]
    assert doc.sections[1].heading == "Expectations of each other"
    page.actions_.undo.trigger()
    page.actions_.undo.trigger()
    assert page.document().sections[1].blocks[0].items[1].text == "Respect"
    assert ("\u2022", "Respect") in lines(page)


def test_enter_at_the_end_of_a_clause_starts_the_next_clause(page, qtbot):
    put_cursor(page, ("block", 0, 0, -1))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    type_in(qtbot, page, "Status")
    assert [(b.number, b.text) for b in page.document().sections[0].blocks] == [
        ("1.1", "Purpose"),
        ("1.2", "Status"),
        ("1.3", "Scope"),
    ]
    assert lines(page)[2:5] == [("1.1", "Purpose"), ("1.2", "Status"), ("1.3", "Scope")]
    page.actions_.undo.trigger()  # the typing
    page.actions_.undo.trigger()  # the new clause
    assert [b.text for b in page.document().sections[0].blocks] == ["Purpose", "Scope"]


def test_enter_in_the_middle_of_a_clause_splits_it(page, qtbot):
    put_cursor(page, ("block", 1, 1, -1), len("Officers can expect"))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    blocks = page.document().sections[1].blocks
    assert [b.text for b in blocks][1:] == ["Officers can expect", "from Councillors"]


def test_enter_in_a_list_item_adds_an_item_and_on_an_empty_item_ends_the_list(page, qtbot):
    put_cursor(page, ("item", 1, 0, 1))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    type_in(qtbot, page, "Courtesy")
    items = page.document().sections[1].blocks[0].items
    assert [i.text for i in items] == ["A working partnership", "Respect", "Courtesy"]
    assert ("\u2022", "Courtesy") in lines(page)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # a new empty item ...
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # ... and Enter on it ends the list
    type_in(qtbot, page, "Timely replies")
    blocks = page.document().sections[1].blocks
    assert [i.text for i in blocks[0].items] == ["A working partnership", "Respect", "Courtesy"]
    assert [(b.number, b.text) for b in blocks] == [
        ("2.1", "Councillors can expect from Officers:"),
        ("2.2", "Timely replies"),
        ("2.3", "Officers can expect from Councillors"),
    ]


def test_tab_and_shift_tab_indent_and_outdent_a_clause(page, qtbot):
    put_cursor(page, ("block", 0, 1, -1))
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    assert page.document().sections[0].blocks[1].number == "1.1.1"
    assert ("1.1.1", "Scope") in lines(page)
    assert page.view.entry_at_cursor().key == ("block", 0, 1, -1)  # the cursor stays
    qtbot.keyClick(page.view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert page.document().sections[0].blocks[1].number == "1.2"
    page.actions_.undo.trigger()
    assert page.document().sections[0].blocks[1].number == "1.1.1"


def test_tab_and_shift_tab_change_a_list_items_depth(page, qtbot):
    put_cursor(page, ("item", 1, 0, 1))
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    items = page.document().sections[1].blocks[0].items
    assert [i.text for i in items] == ["A working partnership"]
    assert [i.text for i in items[0].items] == ["Respect"]
    assert page.view.entries()[7].depth == 1
    qtbot.keyClick(page.view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    items = page.document().sections[1].blocks[0].items
    assert [i.text for i in items] == ["A working partnership", "Respect"]


def test_backspace_in_an_empty_clause_removes_it(page, qtbot):
    put_cursor(page, ("block", 0, 0, -1))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert len(page.document().sections[0].blocks) == 3
    qtbot.keyClick(page.view, Qt.Key.Key_Backspace)
    assert [b.text for b in page.document().sections[0].blocks] == ["Purpose", "Scope"]
    type_in(qtbot, page, "s")  # the cursor went back to the end of the clause above
    assert page.document().sections[0].blocks[0].text == "Purposes"


def test_backspace_at_the_start_of_a_clause_does_not_join_clauses(page, qtbot):
    put_cursor(page, ("block", 0, 1, -1), 0)
    qtbot.keyClick(page.view, Qt.Key.Key_Backspace)
    assert [b.text for b in page.document().sections[0].blocks] == ["Purpose", "Scope"]
    assert page.view.document().blockCount() == len(page.view.entries())


def test_outline_and_view_follow_each_other(page, qtbot):
    page.select((1, 1))
    assert page.view.entry_at_cursor().key == ("block", 1, 1, -1)
    put_cursor(page, ("heading", 1, -1, -1))
    page._on_view_entry(page.view.entry_at_cursor())
    assert page.selected() == (1, None)
    put_cursor(page, ("item", 1, 0, 0))
    cursor = page.view.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Down)
    page.view.setTextCursor(cursor)
    cursor.movePosition(QTextCursor.MoveOperation.Down)
    page.view.setTextCursor(cursor)
    assert page.selected() == (1, 1)


def test_adopted_text_is_read_only_in_the_view(store, open_page, qtbot):
    adopt(store)
    page = open_page()
    assert page.view.isReadOnly()
    put_cursor(page, ("block", 0, 0, -1))
    qtbot.keyClicks(page.view, "x")
    assert page.document().sections[0].blocks[0].text == "Purpose"


def test_clause_by_clause_keeps_the_old_editor(page, qtbot):
    page.actions_.clause_by_clause.trigger()
    assert page.form.editorStack.isVisible() and not page.view.isVisible()
    page.select((0, 1))
    qtbot.keyClicks(page.form.textEdit, " and status")
    page.actions_.clause_by_clause.trigger()
    assert ("1.2", "Scope and status") in lines(page)


def test_number_and_unnumber_the_whole_document_in_one_undoable_step(store, open_page):
    from mop_desktop.services.workspace import start_from_text

    plain = DocumentText(
        title="Protocol",
        sections=[
            Section("", [Block("An introduction", numbered=False)], numbered=False),
            Section(
                "Roles",
                [Block("Councillors", numbered=False), Block("Officers", numbered=False)],
                numbered=False,
            ),
            Section(
                "Conduct",
                [Block("Respect", numbered=False, items=[ListItem("a")], list_style="bullet")],
                numbered=False,
            ),
        ],
    ).renumber()
    start_from_text(store, plain)
    page = open_page()
    page.actions_.number_all.trigger()
    doc = page.document()
    assert [(s.number, s.heading) for s in doc.sections] == [
        ("", ""),
        ("1", "Roles"),
        ("2", "Conduct"),
    ]
    assert [b.number for _s, b in doc.iter_blocks()] == ["", "1.1", "1.2", "2.1"]
    assert ("1.2", "Officers") in lines(page)
    assert page.undo_stack.count() == 1
    page.actions_.unnumber_all.trigger()
    assert not page.document().numbered
    assert ("", "Officers") in lines(page)
    page.actions_.undo.trigger()
    assert page.document().sections[2].number == "2"
    page.actions_.undo.trigger()
    assert not page.document().numbered


def test_show_changes_marks_an_edited_clause_against_the_adopted_version(store, open_page, qtbot):
    from mop_desktop.services import drafts

    adopt(store)
    drafts.start_new_draft(store)
    page = open_page()
    page.show_changes_button.click()
    assert page.actions_.show_changes.isChecked()
    assert lines(page)[2] == ("1.1", "Purpose")  # nothing changed yet: no marks
    put_cursor(page, ("block", 0, 0, -1))
    type_in(qtbot, page, " and standing")
    page._refresh_changes()  # what the pause in typing sets off
    marked = page.view.document().findBlockByNumber(2)
    assert marked.text() == "Purpose and standing"
    fragments = []
    it = marked.begin()
    while not it.atEnd():
        fragment = it.fragment()
        fmt = fragment.charFormat()
        underlined = fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
        tinted = fmt.background().style() != Qt.BrushStyle.NoBrush
        fragments.append((fragment.text(), underlined and tinted, fmt.fontStrikeOut()))
        it += 1
    assert ("and standing", True, False) in fragments
    # typing carries on in place, the marks follow once the clerk pauses
    type_in(qtbot, page, "!")
    assert page.document().sections[0].blocks[0].text == "Purpose and standing!"


def test_show_changes_shows_removed_and_moved_clauses_struck_and_noted(store, open_page, qtbot):
    from mop_desktop.services import drafts

    adopt(store)
    drafts.start_new_draft(store)
    page = open_page()
    page.select((0, 0))
    page.delete_selected()  # "Purpose" removed; "Scope" becomes 1.1
    page.actions_.show_changes.setChecked(True)
    shown = lines(page)
    assert ("1.1", "[clause removed, was 1.1] Purpose") in shown
    assert ("1.1", "[renumbered, was 1.2] Scope") in shown
    removed = page.view.document().findBlockByNumber(
        shown.index(("1.1", "[clause removed, was 1.1] Purpose"))
    )
    assert removed.text().endswith("Purpose")
    # the removed clause is shown, not edited; the draft's clause text has no notes in it
    put_cursor(page, ("block", 0, 0, -1), 0)
    type_in(qtbot, page, "The ")
    assert page.document().sections[0].blocks[0].text == "The Scope"
    page.actions_.show_changes.setChecked(False)
    assert ("1.1", "The Scope") in lines(page)


def test_find_selects_the_match_in_the_document_view(page):
    from mop_desktop.domain import editing as ed

    match = ed.find(page.document(), "respect")[0]
    page.show_match(match)
    cursor = page.view.textCursor()
    assert cursor.selectedText() == "Respect"
    assert page.view.entry_at_cursor().key == ("item", 1, 0, 1)
    assert page.selected() == (1, 0)


def test_why_it_changed_note_is_kept_with_the_draft_and_shown_in_the_report(
    store, open_page, qtbot, monkeypatch, tmp_path
):
    from mop_desktop.gui.protocol.editor import document_edits
    from mop_desktop.services import drafts
    from mop_desktop.services.pdf.exports import export_pdf
    from tests.services.pdf_support import pdf_text

    adopt(store)
    drafts.start_new_draft(store)
    page = open_page()
    put_cursor(page, ("block", 0, 1, -1))
    type_in(qtbot, page, " and standing")
    asked = []

    def answer(parent, title, label, text):
        asked.append((label, text))
        return "To reflect the new Code of Conduct", True

    monkeypatch.setattr(document_edits, "ask_text", answer)
    page.actions_.why_changed.trigger()
    assert page.show_changes_on()  # the changes are shown to note one
    assert asked and asked[0][0].startswith("Why was 1.2 changed?")
    shown = dict((text, marker) for marker, text in lines(page))
    assert "[why: To reflect the new Code of Conduct] Scope and standing" in shown
    # the clause's own text has no note in it
    assert page.document().sections[0].blocks[1].text == "Scope and standing"
    page.save()
    out = tmp_path / "report.pdf"
    export_pdf(store, out, redline=True)
    summary = pdf_text(out).split("2. Summary of changes", 1)[1].split("3. Recommendation")[0]
    assert "Why" in summary and "To reflect the new Code of Conduct" in summary
    # asking again shows the note to change
    page.actions_.why_changed.trigger()
    assert asked[1][1] == "To reflect the new Code of Conduct"


def test_why_it_changed_needs_a_changed_clause(store, open_page, monkeypatch):
    from mop_desktop.gui.protocol.editor import document_edits
    from mop_desktop.services import drafts

    adopt(store)
    drafts.start_new_draft(store)
    page = open_page()
    messages = []
    page.app.statusMessage.connect(messages.append)
    monkeypatch.setattr(document_edits, "ask_text", lambda *a: pytest.fail("not asked"))
    put_cursor(page, ("block", 0, 0, -1))
    page.actions_.why_changed.trigger()
    assert messages[-1] == "1.1 is as adopted: there is no change to explain"


def test_why_it_changed_note_is_a_comment_in_the_word_tracked_changes(
    store, open_page, qtbot, monkeypatch, tmp_path
):
    import zipfile

    from mop_desktop.gui.protocol.editor import document_edits
    from mop_desktop.services import drafts
    from mop_desktop.services.publish.exports import export_document

    adopt(store)
    drafts.start_new_draft(store)
    page = open_page()
    put_cursor(page, ("block", 0, 1, -1))
    type_in(qtbot, page, " and standing")
    monkeypatch.setattr(document_edits, "ask_text", lambda *a: ("For the new Code", True))
    page.actions_.why_changed.trigger()
    page.save()
    out = tmp_path / "changes.docx"
    export_document(store, out, redline=True, author="Jo Clerk")
    with zipfile.ZipFile(out) as z:
        comments = z.read("word/comments.xml").decode()
    assert "Why it changed: For the new Code" in comments


def test_spelling_underlines_misspelt_words_and_learns_council_words(store, open_page, qtbot):
    from mop_desktop.domain.document import Block, DocumentText, Section
    from mop_desktop.services import spelling
    from mop_desktop.services.workspace import start_from_text

    start_from_text(
        store,
        DocumentText(
            "Protocol",
            [
                Section(
                    "Roles",
                    [
                        Block(
                            "The councillors of Snoddingworth organise a recieved meeting "
                            "in colour."
                        )
                    ],
                )
            ],
        ).renumber(),
    )
    page = open_page()
    page.spelling.load_now()
    assert [w for _s, _e, w in page.spelling.misspelt()] == ["Snoddingworth", "recieved"]
    underlined = [s.cursor.selectedText() for s in page.view.extraSelections()]
    assert underlined == ["Snoddingworth", "recieved"]
    # the right-click menu: suggestions replace the word through the undo stack
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    start = next(s for s, _e, w in page.spelling.misspelt() if w == "recieved")
    page.spelling.add_to_menu(menu, start + 2)
    texts = [a.text() for a in menu.actions()]
    assert "received" in texts
    assert "Add \u201crecieved\u201d to the council dictionary" in texts
    next(a for a in menu.actions() if a.text() == "received").trigger()
    assert page.document().sections[0].blocks[0].text.count("received") == 1
    page.actions_.undo.trigger()
    assert "recieved" in page.document().sections[0].blocks[0].text
    # a place name learnt into the council dictionary, kept in the store
    page.spelling.learn("Snoddingworth")
    assert [w for _s, _e, w in page.spelling.misspelt()] == ["recieved"]
    assert spelling.council_words(store) == ["Snoddingworth"]
    page.actions_.spelling.setChecked(False)
    assert page.view.extraSelections() == []


def test_ctrl_return_in_the_view_adds_a_clause_and_never_splits_a_block(page, qtbot):
    put_cursor(page, ("block", 0, 0, -1), 3)
    qtbot.keyClick(page.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    texts = [b.text for b in page.document().sections[0].blocks]
    assert texts[0] == "Purpose" and "Pur" not in texts and "pose" not in texts
    assert page.view.document().blockCount() == len(page.view.entries())


def test_typing_next_to_deleted_words_goes_into_the_clause_not_the_marks(store, open_page, qtbot):
    from mop_desktop.services import drafts

    adopt(store)
    drafts.start_new_draft(store)
    page = open_page()
    put_cursor(page, ("block", 1, 1, -1))
    qtbot.keyClick(page.view, Qt.Key.Key_End)
    for _ in "Councillors":
        qtbot.keyClick(page.view, Qt.Key.Key_Backspace)
    type_in(qtbot, page, "Members")
    page.actions_.show_changes.setChecked(True)
    shown = [text for _m, text in lines(page)]
    assert "Officers can expect from Councillors Members" in shown  # struck, then inserted
    put_cursor(page, ("block", 1, 1, -1), len("Officers can expect from "))
    type_in(qtbot, page, "all ")
    assert page.document().sections[1].blocks[1].text == "Officers can expect from all Members"
    page._refresh_changes()
    assert page.document().sections[1].blocks[1].text == "Officers can expect from all Members"
    assert page.view.entry_at_cursor().key == ("block", 1, 1, -1)


def test_moving_the_clause_at_the_cursor_renumbers_and_undoes(page, qtbot):
    put_cursor(page, ("block", 0, 0, -1))
    qtbot.keyClick(
        page.view,
        Qt.Key.Key_Down,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert lines(page)[2:4] == [("1.1", "Scope"), ("1.2", "Purpose")]
    assert page.view.entry_at_cursor().key == ("block", 0, 1, -1)
    page.actions_.undo.trigger()
    assert lines(page)[2:4] == [("1.1", "Purpose"), ("1.2", "Scope")]
    page.actions_.redo.trigger()
    assert [b.text for b in page.document().sections[0].blocks] == ["Scope", "Purpose"]
