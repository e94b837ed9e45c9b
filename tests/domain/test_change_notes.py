"""Why-it-changed notes stay with their change."""

from mop_desktop.domain import change_notes as cn
from mop_desktop.domain.diff import compare
from mop_desktop.domain.document import Block, DocumentText, Section


def docs():
    old = DocumentText(
        "P",
        [
            Section(
                "A",
                [
                    Block("Alpha clause about meetings"),
                    Block("Beta clause about visits"),
                    Block("Gamma clause goes"),
                ],
            )
        ],
    ).renumber()
    new = DocumentText(
        "P",
        [
            Section(
                "A",
                [
                    Block("Alpha clause about all meetings"),
                    Block("Beta clause about visits"),
                    Block("A brand new clause on training"),
                ],
            )
        ],
    )
    return old, new.renumber()


def entry(diff, text):
    return next(
        e
        for e in diff.entries
        if (e.new_text or "").startswith(text) or (e.old_text or "").startswith(text)
    )


def test_notes_follow_a_reworded_a_removed_and_a_new_clause():
    old, new = docs()
    diff = compare(old, new)
    notes = cn.set_note([], entry(diff, "Alpha"), "To match the Code of Conduct")
    notes = cn.set_note(notes, entry(diff, "Gamma"), "No longer needed")
    notes = cn.set_note(notes, entry(diff, "A brand"), "Training is now required")
    # the clerk carries on editing the reworded and the new clause
    new.sections[0].blocks[0].text = "Alpha clause about all formal meetings"
    new.sections[0].blocks[2].text = "A brand new clause on councillor training"
    notes = cn.from_json(cn.to_json(notes))
    diff = compare(old, new)
    by_entry = cn.notes_by_entry(diff, notes)
    assert sorted(by_entry.values()) == [
        "No longer needed",
        "To match the Code of Conduct",
        "Training is now required",
    ]


def test_an_empty_note_removes_it_and_bad_json_is_no_notes():
    old, new = docs()
    diff = compare(old, new)
    notes = cn.set_note([], entry(diff, "Alpha"), "x")
    assert cn.set_note(notes, entry(diff, "Alpha"), "  ") == []
    assert cn.from_json("{not json") == [] and cn.from_json('[1, {"note": 2}]') == []
