"""List items edited one by one, as the document view does, and numbering in one step."""

from mop_desktop.domain import editing as ed
from mop_desktop.domain import item_editing as it
from mop_desktop.domain.document import Block, DocumentText, ListItem, Section


def doc() -> DocumentText:
    return DocumentText(
        "P",
        [
            Section(
                "S",
                [
                    Block(
                        "Lead",
                        items=[
                            ListItem("a"),
                            ListItem(
                                "b",
                                items=[ListItem("b1"), ListItem("b2")],
                                list_style="lower-roman",
                            ),
                            ListItem("c"),
                        ],
                        list_style="lower-alpha",
                    )
                ],
            )
        ],
    ).renumber()


def shape(d: DocumentText) -> list[tuple[int, str]]:
    return [(depth, item.text) for depth, item in it.flat_items(d.sections[0].blocks[0].items)]


def test_flat_items_in_reading_order():
    assert shape(doc()) == [(0, "a"), (0, "b"), (1, "b1"), (1, "b2"), (0, "c")]


def test_insert_and_delete_an_item_keep_sub_list_styles():
    d = doc()
    assert it.insert_item(d, 0, 0, 4, 1, "b3") == 4
    assert shape(d) == [(0, "a"), (0, "b"), (1, "b1"), (1, "b2"), (1, "b3"), (0, "c")]
    assert d.sections[0].blocks[0].items[1].list_style == "lower-roman"
    assert d.sections[0].blocks[0].list_style == "lower-alpha"
    it.delete_item(d, 0, 0, 1)  # "b" goes; its sub-items take its place
    assert shape(d) == [(0, "a"), (0, "b1"), (0, "b2"), (0, "b3"), (0, "c")]


def test_shift_item_moves_it_with_its_sub_items():
    d = doc()
    assert not it.shift_item(d, 0, 0, 0, +1)  # the first item cannot be indented
    assert it.shift_item(d, 0, 0, 1, +1)
    assert shape(d) == [(0, "a"), (1, "b"), (2, "b1"), (2, "b2"), (0, "c")]
    assert it.shift_item(d, 0, 0, 1, -1)
    assert shape(d) == [(0, "a"), (0, "b"), (1, "b1"), (1, "b2"), (0, "c")]
    assert not it.shift_item(d, 0, 0, 0, -1)  # a top-level item cannot be outdented


def test_set_item_text():
    d = doc()
    it.set_item_text(d, 0, 0, 3, "b2 changed")
    assert d.sections[0].blocks[0].items[1].items[1].text == "b2 changed"


def test_number_document_numbers_everything_but_a_preamble_and_takes_numbers_off():
    d = DocumentText(
        "P",
        [
            Section("", [Block("Intro", numbered=False)], numbered=False),
            Section(
                "A",
                [Block("x", numbered=False), Block("y", numbered=False, level=2)],
                numbered=False,
            ),
        ],
    ).renumber()
    assert ed.number_document(d, True)
    assert [s.number for s in d.sections] == ["", "1"]
    assert [b.number for _s, b in d.iter_blocks()] == ["", "1.1", "1.1.1"]
    assert not ed.number_document(d, True)  # already numbered
    assert ed.number_document(d, False)
    assert not d.numbered


def test_clone_is_deep_and_keeps_every_field():
    d = doc()
    d.sections[0].blocks[0].doubtful = "check"
    c = d.clone()
    assert c == d
    c.sections[0].blocks[0].items[1].items[0].text = "changed"
    c.sections[0].blocks[0].text = "changed"
    assert d.sections[0].blocks[0].items[1].items[0].text == "b1"
    assert d.sections[0].blocks[0].text == "Lead"
    assert c.sections[0].blocks[0].doubtful == "check"
