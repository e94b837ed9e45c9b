from mop_desktop.domain.document import Block, DocumentText, ListItem, Section
from mop_desktop.domain.numbering import list_marker, to_alpha, to_roman


def doc(*sections: Section) -> DocumentText:
    return DocumentText(title="Protocol", sections=list(sections)).renumber()


def test_numbers_follow_position_and_skip_unnumbered_blocks():
    d = doc(
        Section("Introduction", [Block("a"), Block("b")]),
        Section("Roles", [Block("c"), Block("loose", numbered=False), Block("d")]),
    )
    assert [s.number for s in d.sections] == ["1", "2"]
    assert [b.number for b in d.sections[1].blocks] == ["2.1", "", "2.2"]


def test_inserting_and_moving_renumbers_the_rest():
    d = doc(Section("One", [Block("a"), Block("b")]), Section("Two", [Block("c")]))
    d.sections[0].blocks.insert(0, Block("new"))
    d.sections.insert(0, Section("Zero", [Block("z")]))
    d.renumber()
    assert [(b.number, b.text) for b in d.sections[1].blocks] == [
        ("2.1", "new"),
        ("2.2", "a"),
        ("2.3", "b"),
    ]
    moved = d.sections.pop(0)
    d.sections.append(moved)
    d.renumber()
    assert [(s.number, s.heading) for s in d.sections] == [
        ("1", "One"),
        ("2", "Two"),
        ("3", "Zero"),
    ]
    assert d.sections[2].blocks[0].number == "3.1"


def test_sub_clauses_take_a_third_level():
    d = doc(Section("S", [Block("a"), Block("a1", level=2), Block("a2", level=2), Block("b")]))
    assert [b.number for b in d.sections[0].blocks] == ["1.1", "1.1.1", "1.1.2", "1.2"]


def test_unnumbered_document_stays_unnumbered():
    d = doc(
        Section("", [Block("intro", numbered=False)], numbered=False),
        Section("Roles", [Block("x", numbered=False)], numbered=False),
    )
    assert not d.numbered
    assert all(s.number == "" for s in d.sections)
    assert all(b.number == "" for _, b in d.iter_blocks())


def test_list_markers():
    assert to_roman(4) == "iv" and to_roman(9) == "ix" and to_roman(14) == "xiv"
    assert to_alpha(1) == "a" and to_alpha(26) == "z" and to_alpha(27) == "aa"
    assert list_marker("lower-alpha", 2) == "b)"
    assert list_marker("lower-roman", 3) == "iii)"
    assert list_marker("bullet", 3) == "\u2022"


def test_json_form_of_nested_lists():
    block = Block(
        "Officers can expect:",
        numbered=False,
        list_style="bullet",
        items=[
            ListItem("one"),
            ListItem("two", items=[ListItem("two-a")], list_style="lower-alpha"),
        ],
    )
    assert block.to_json() == {
        "number": "",
        "text": "Officers can expect:",
        "items": ["one", {"text": "two", "items": ["two-a"], "list_style": "lower-alpha"}],
        "list_style": "bullet",
    }
    assert ListItem.from_json(block.to_json()["items"][1]).items[0].text == "two-a"


def test_hash_changes_with_wording_not_with_numbers():
    a = doc(Section("S", [Block("a")]))
    b = a.clone()
    b.sections[0].blocks[0].number = "99"
    assert a.sha256() == b.sha256()
    b.sections[0].blocks[0].text = "a."
    assert a.sha256() != b.sha256()
