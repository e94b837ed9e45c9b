import pytest

from mop_desktop.domain import editing as ed
from mop_desktop.domain.document import Block, DocumentText, ListItem, Section


def sample() -> DocumentText:
    return DocumentText(
        title="Member/Officer Relations Protocol",
        sections=[
            Section("Introduction", [Block("Purpose"), Block("Scope")]),
            Section("Roles", [Block("Councillors"), Block("Officers"), Block("Chair")]),
            Section("Concerns", [Block("Informal resolution")]),
        ],
    ).renumber()


def numbers(doc: DocumentText) -> list[tuple[str, str]]:
    out = []
    for s in doc.sections:
        out.append((s.number, s.heading))
        out.extend((b.number, b.text) for b in s.blocks)
    return out


def unnumbered() -> DocumentText:
    return DocumentText(
        title="Protocol",
        sections=[
            Section("Introduction", [Block("intro", numbered=False)], numbered=False),
            Section("Roles", [Block("roles", numbered=False)], numbered=False),
        ],
    ).renumber()


# -- sections ---------------------------------------------------------------------------------
def test_add_section_at_end_and_insert_renumbers():
    doc = sample()
    assert ed.add_section(doc, "Review") == 3
    assert doc.sections[3].number == "4" and doc.sections[3].numbered
    assert ed.add_section(doc, "Definitions", at=1) == 1
    assert [(s.number, s.heading) for s in doc.sections] == [
        ("1", "Introduction"),
        ("2", "Definitions"),
        ("3", "Roles"),
        ("4", "Concerns"),
        ("5", "Review"),
    ]
    assert doc.sections[2].blocks[0].number == "3.1"


def test_delete_section_renumbers_the_rest():
    doc = sample()
    removed = ed.delete_section(doc, 0)
    assert removed.heading == "Introduction"
    assert numbers(doc)[:2] == [("1", "Roles"), ("1.1", "Councillors")]
    assert doc.sections[1].blocks[0].number == "2.1"
    with pytest.raises(ed.EditError):
        ed.delete_section(doc, 7)


def test_move_section_renumbers_sections_and_clauses():
    doc = sample()
    assert ed.move_section(doc, 2, 0) == 0
    assert [(s.number, s.heading) for s in doc.sections] == [
        ("1", "Concerns"),
        ("2", "Introduction"),
        ("3", "Roles"),
    ]
    assert doc.sections[0].blocks[0].number == "1.1"
    assert doc.sections[2].blocks[2].number == "3.3"


def test_heading_and_section_numbering_toggle():
    doc = sample()
    ed.set_heading(doc, 1, "Roles of Councillors and Officers")
    assert doc.sections[1].heading == "Roles of Councillors and Officers"
    ed.set_section_numbered(doc, 0, False)
    assert doc.sections[0].number == ""
    assert doc.sections[1].number == "1"
    assert doc.sections[1].blocks[0].number == "1.1"
    assert ed.toggle_numbered(doc, 0) is True
    assert doc.sections[1].number == "2"


# -- blocks -----------------------------------------------------------------------------------
def test_add_and_insert_block_renumber():
    doc = sample()
    assert ed.add_block(doc, 0, text="Status") == 2
    assert doc.sections[0].blocks[2].number == "1.3"
    assert ed.add_block(doc, 0, at=0, text="Background") == 0
    assert [(b.number, b.text) for b in doc.sections[0].blocks] == [
        ("1.1", "Background"),
        ("1.2", "Purpose"),
        ("1.3", "Scope"),
        ("1.4", "Status"),
    ]


def test_delete_block_renumbers():
    doc = sample()
    assert ed.delete_block(doc, 1, 0).text == "Councillors"
    assert [(b.number, b.text) for b in doc.sections[1].blocks] == [
        ("2.1", "Officers"),
        ("2.2", "Chair"),
    ]
    with pytest.raises(ed.EditError):
        ed.delete_block(doc, 1, 5)


def test_move_block_within_and_across_sections():
    doc = sample()
    assert ed.move_block(doc, 1, 2, 1, 0) == (1, 0)
    assert [(b.number, b.text) for b in doc.sections[1].blocks] == [
        ("2.1", "Chair"),
        ("2.2", "Councillors"),
        ("2.3", "Officers"),
    ]
    assert ed.move_block(doc, 1, 0, 2, 1) == (2, 1)
    assert [(b.number, b.text) for b in doc.sections[2].blocks] == [
        ("3.1", "Informal resolution"),
        ("3.2", "Chair"),
    ]
    assert doc.sections[1].blocks[0].number == "2.1"


def test_move_up_and_down_cross_section_boundaries():
    doc = sample()
    assert ed.move_block_up(doc, 1, 0) == (0, 2)
    assert doc.sections[0].blocks[2].number == "1.3"
    assert doc.sections[0].blocks[2].text == "Councillors"
    assert ed.move_block_down(doc, 0, 2) == (1, 0)
    assert doc.sections[1].blocks[0].number == "2.1"
    assert ed.move_block_up(doc, 0, 0) == (0, 0)  # already first: unchanged
    assert ed.move_block_down(doc, 2, 0) == (2, 0)
    assert numbers(doc) == numbers(sample())


def test_indent_and_outdent():
    doc = sample()
    assert not ed.indent_block(doc, 1, 0)  # nothing above to belong to
    assert ed.indent_block(doc, 1, 1)
    assert ed.indent_block(doc, 1, 2)
    assert [b.number for b in doc.sections[1].blocks] == ["2.1", "2.1.1", "2.1.2"]
    assert not ed.indent_block(doc, 1, 2)  # already a sub-clause
    assert ed.outdent_block(doc, 1, 1)
    assert [b.number for b in doc.sections[1].blocks] == ["2.1", "2.2", "2.2.1"]
    assert not ed.outdent_block(doc, 1, 0)
    ed.set_block_level(doc, 1, 2, 1)
    assert [b.number for b in doc.sections[1].blocks] == ["2.1", "2.2", "2.3"]
    with pytest.raises(ed.EditError):
        ed.set_block_level(doc, 1, 0, 3)


def test_new_clause_after_sub_clause_is_a_sub_clause():
    doc = sample()
    ed.indent_block(doc, 0, 1)
    ed.add_block(doc, 0, text="more")
    assert [b.number for b in doc.sections[0].blocks] == ["1.1", "1.1.1", "1.1.2"]


def test_toggle_block_numbered():
    doc = sample()
    assert ed.toggle_numbered(doc, 1, 0) is False
    assert [b.number for b in doc.sections[1].blocks] == ["", "2.1", "2.2"]
    ed.set_block_numbered(doc, 1, 0, True)
    assert [b.number for b in doc.sections[1].blocks] == ["2.1", "2.2", "2.3"]


def test_text_and_list_setters():
    doc = sample()
    ed.set_text(doc, 0, 0, "The purpose of this protocol")
    ed.set_list_items(doc, 0, 0, [ListItem("one"), ListItem("two")])
    block = doc.sections[0].blocks[0]
    assert block.text == "The purpose of this protocol"
    assert block.list_style == "bullet"  # a list needs a style; bulleted by default
    ed.set_list_style(doc, 0, 0, "lower-roman")
    assert block.list_style == "lower-roman"
    with pytest.raises(ed.EditError):
        ed.set_list_style(doc, 0, 0, "upper-greek")
    ed.set_title(doc, "Protocol")
    assert doc.title == "Protocol"


def test_unnumbered_document_stays_unnumbered():
    doc = unnumbered()
    ed.add_section(doc, "Concerns")
    ed.add_block(doc, 2, text="new")
    ed.add_block(doc, 0, at=0, text="first")
    ed.move_section(doc, 2, 0)
    ed.move_block(doc, 1, 0, 2, 0)
    ed.delete_block(doc, 1, 0)
    assert not doc.numbered
    assert all(s.number == "" for s in doc.sections)
    assert all(b.number == "" for _, b in doc.iter_blocks())


def test_paragraph_in_numbered_section_does_not_unnumber_new_clauses():
    doc = sample()
    ed.add_block(doc, 1, at=1, text="explanation", numbered=False)
    ed.add_block(doc, 1, at=2, text="new clause")
    assert [b.number for b in doc.sections[1].blocks] == ["2.1", "", "2.2", "2.3", "2.4"]


# -- list items as text -----------------------------------------------------------------------
def test_list_text_round_trip_with_nesting():
    items = [
        ListItem("Informal resolution"),
        ListItem(
            "Formal routes",
            items=[
                ListItem("grievance procedure"),
                ListItem("complaint to the Monitoring Officer", items=[ListItem("in writing")]),
            ],
            list_style="lower-alpha",
        ),
        ListItem("Disciplinary matter"),
    ]
    text = ed.items_to_text(items)
    assert text.splitlines() == [
        "Informal resolution",
        "Formal routes",
        "  grievance procedure",
        "  complaint to the Monitoring Officer",
        "    in writing",
        "Disciplinary matter",
    ]
    back = ed.text_to_items(text, like=items)
    assert back == items


def test_list_text_is_forgiving():
    items = ed.text_to_items("one\n\n      too deep\n\ttabbed\ntwo  \n")
    assert [i.text for i in items] == ["one", "two"]
    assert [i.text for i in items[0].items] == ["too deep", "tabbed"]
    assert ed.text_to_items("") == []


def test_a_new_sub_list_takes_the_clauses_sub_list_style_and_deeper_ones_keep_theirs():
    items = [
        ListItem("Formal routes", items=[ListItem("grievance")], list_style="lower-roman"),
        ListItem(
            "Informal routes",
            items=[ListItem("a word", items=[ListItem("in person")], list_style="decimal")],
            list_style="lower-roman",
        ),
    ]
    text = ed.items_to_text(items) + "\nDisciplinary\n  hearing\n    appeal"
    back = ed.text_to_items(text, like=items)
    assert [i.list_style for i in back] == ["lower-roman", "lower-roman", "lower-roman"]
    assert back[1].items[0].list_style == "decimal"  # a deeper sub-list keeps its own
    assert back[2].items[0].list_style == "bullet"  # a new deeper sub-list is bulleted
    assert ed.items_to_text(back) == text
    # without a sub-list to follow, a new one is bulleted, not left without a style
    fresh = ed.text_to_items("one\n  sub", like=[ListItem("one")])
    assert fresh[0].list_style == "bullet"


def test_set_sub_list_style_changes_the_first_level_only_and_round_trips():
    doc = DocumentText(
        title="P",
        sections=[
            Section(
                "Concerns",
                [
                    Block(
                        "Routes:",
                        list_style="bullet",
                        items=[
                            ListItem("Formal", items=[ListItem("grievance")], list_style="bullet"),
                            ListItem("Plain"),
                            ListItem(
                                "Informal",
                                items=[
                                    ListItem("word", items=[ListItem("x")], list_style="decimal")
                                ],
                            ),
                        ],
                    )
                ],
            )
        ],
    ).renumber()
    ed.set_sub_list_style(doc, 0, 0, "lower-alpha")
    items = doc.sections[0].blocks[0].items
    assert [i.list_style for i in items] == ["lower-alpha", None, "lower-alpha"]
    assert items[2].items[0].list_style == "decimal"
    assert ed.sub_list_style(items) == "lower-alpha"
    assert doc.sections[0].blocks[0].list_style == "bullet"
    text = ed.items_to_text(items)
    back = ed.text_to_items(text, like=items)
    assert back == items
    assert ed.items_to_text(back) == text
    assert [ListItem.from_json(i.to_json()) for i in items] == items  # as stored
    with pytest.raises(ed.EditError):
        ed.set_sub_list_style(doc, 0, 0, "upper-alpha")
    assert ed.sub_list_style([ListItem("no sub-list")]) is None


# -- find and replace -------------------------------------------------------------------------
def listed() -> DocumentText:
    doc = sample()
    doc.sections[1].blocks[0].text = "Councillors can expect from Officers:"
    doc.sections[1].blocks[0].items = [
        ListItem("A working partnership"),
        ListItem("Respect", items=[ListItem("officers and councillors alike")]),
    ]
    return doc


def test_find_everywhere_case_insensitive_by_default():
    doc = listed()
    matches = ed.find(doc, "officer")
    assert [(m.field, m.section, m.block, m.item) for m in matches] == [
        ("title", -1, -1, ()),
        ("text", 1, 0, ()),
        ("item", 1, 0, (1, 0)),
        ("text", 1, 1, ()),
    ]
    first = matches[0]
    assert doc.title[first.start : first.end] == "Officer"
    assert [m.field for m in ed.find(doc, "officer", case_sensitive=True)] == ["item"]
    assert ed.find(doc, "") == []
    assert ed.find(doc, "Scope")[0].field == "text"
    assert ed.find(doc, "roles")[0].field == "heading"


def test_replace_one_and_all():
    doc = listed()
    match = ed.find(doc, "partnership")[0]
    assert ed.replace_one(doc, match, "relationship", "partnership")
    assert doc.sections[1].blocks[0].items[0].text == "A working relationship"
    assert not ed.replace_one(doc, match, "x", "partnership")  # no longer there
    count = ed.replace_all(doc, "officers", "staff")
    assert count == 3
    assert doc.sections[1].blocks[0].text == "Councillors can expect from staff:"
    assert doc.sections[1].blocks[0].items[1].items[0].text == "staff and councillors alike"
    assert doc.sections[1].blocks[1].text == "staff"
    assert ed.find(doc, "officers") == []
    assert ed.replace_all(doc, "$1", "\\g<0>") == 0  # no regular expressions


def test_replacement_text_is_taken_literally():
    doc = sample()
    assert ed.replace_all(doc, "Scope", r"\1 <b>x</b>") == 1
    assert doc.sections[0].blocks[1].text == r"\1 <b>x</b>"
