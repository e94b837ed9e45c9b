"""Clause-by-clause comparison: moved and renumbered clauses are recognised, word-level
insertions and deletions, list items added and removed, and nothing else marked changed."""

from __future__ import annotations

from mop_desktop.domain.diff import DELETE, INSERT, compare, word_ops
from mop_desktop.domain.document import Block, DocumentText, ListItem, Section


def adopted() -> DocumentText:
    return DocumentText(
        "Protocol",
        [
            Section(
                "Introduction",
                [
                    Block("The relationship between councillors and officers is essential."),
                    Block(
                        "The purpose of this protocol is to help councillors and officers continue "
                        "this relationship."
                    ),
                    Block("The protocol should be read with the code of conduct."),
                ],
            ),
            Section(
                "Expectations",
                [
                    Block(
                        "Councillors can expect from officers:",
                        list_style="bullet",
                        items=[
                            ListItem("A working partnership."),
                            ListItem("Respect, dignity and courtesy."),
                            ListItem("A timely response to enquiries."),
                        ],
                    ),
                    Block("Officers can expect from councillors a commitment to fair treatment."),
                ],
            ),
            Section(
                "When things go wrong",
                [
                    Block("An officer may use the grievance procedure."),
                    Block("A councillor may use the disciplinary procedure."),
                ],
            ),
        ],
    ).renumber()


def draft_with_four_changes() -> DocumentText:
    """Reworded 1.2, removed one list item in 2.1, added a clause 2.3, moved 1.3 to 3.3."""
    doc = adopted().clone()
    intro, expect, wrong = doc.sections
    intro.blocks[1].text = (
        "The purpose of this protocol is to help councillors and officers "
        "build and keep this relationship."
    )
    expect.blocks[0].items.pop(1)
    expect.blocks.append(Block("Councillors and officers shall be courteous at meetings."))
    wrong.blocks.append(intro.blocks.pop(2))
    return doc.renumber()


def test_each_of_the_four_changes_is_found_and_nothing_else() -> None:
    diff = compare(adopted(), draft_with_four_changes())

    assert [e.new_number for e in diff.added] == ["2.3"]
    assert "courteous at meetings" in (diff.added[0].new_text or "")
    assert diff.removed == []  # the moved clause is not a removal

    reworded = [e for e in diff.entries if e.reworded]
    assert [(e.old_number, e.new_number) for e in reworded] == [("1.2", "1.2")]
    ops = reworded[0].ops
    assert [o.text for o in ops if o.op == DELETE] == ["continue"]
    assert [o.text for o in ops if o.op == INSERT] == ["build and keep"]

    listed = [e for e in diff.entries if e.items_changed]
    assert [e.new_number for e in listed] == ["2.1"]
    changes = [(i.kind, i.old or i.new) for i in listed[0].items if i.kind != "same"]
    assert changes == [("removed", "Respect, dignity and courtesy.")]

    assert [(e.old_number, e.new_number) for e in diff.moved] == [("1.3", "3.3")]
    assert not diff.moved[0].reworded

    changed = {(e.old_number, e.new_number) for e in diff.changed}
    assert changed == {("1.2", "1.2"), ("", "2.3"), ("2.1", "2.1"), ("1.3", "3.3")}
    assert diff.renumbered == []


def test_inserting_a_clause_renumbers_the_rest_without_marking_them_changed() -> None:
    old = adopted()
    new = old.clone()
    new.sections[0].blocks.insert(0, Block("A new opening clause about the council's values."))
    new.renumber()
    diff = compare(old, new)
    assert [e.new_number for e in diff.added] == ["1.1"]
    assert [(e.old_number, e.new_number) for e in diff.renumbered] == [
        ("1.1", "1.2"),
        ("1.2", "1.3"),
        ("1.3", "1.4"),
    ]
    assert [e for e in diff.changed if not e.added] == []


def test_identical_versions_have_no_changes() -> None:
    diff = compare(adopted(), adopted())
    assert not diff.has_changes
    assert len(diff.entries) == 3 + 7  # three headings, seven clauses


def test_removed_clause_stands_where_it_was() -> None:
    old = adopted()
    new = old.clone()
    new.sections[2].blocks.pop(0)
    new.renumber()
    diff = compare(old, new)
    assert [e.old_number for e in diff.removed] == ["3.1"]
    order = [(e.kind, e.old_number if e.removed else e.new_number) for e in diff.entries]
    assert order.index(("block", "3.1")) == order.index(("heading", "3")) + 1


def test_first_adoption_is_all_added() -> None:
    diff = compare(None, adopted())
    assert len(diff.added) == len(diff.entries) == 10


def test_word_ops_reads_back_both_versions() -> None:
    ops = word_ops("a b c d", "a x c d e")
    old = " ".join(o.text for o in ops if o.op != INSERT)
    new = " ".join(o.text for o in ops if o.op != DELETE)
    assert old == "a b c d"
    assert new == "a x c d e"


def test_a_clause_moved_and_reworded_is_one_clause() -> None:
    old = adopted()
    new = old.clone()
    clause = new.sections[0].blocks.pop(0)
    clause.text = "The relationship between councillors and officers is truly essential."
    new.sections[2].blocks.insert(0, clause)
    new.renumber()
    diff = compare(old, new)
    assert diff.added == [] and diff.removed == []
    [moved] = diff.moved
    assert (moved.old_number, moved.new_number, moved.reworded) == ("1.1", "3.1", True)
    assert [o.text for o in moved.ops if o.op == INSERT] == ["truly"]


def test_unnumbered_clauses_are_named_by_their_first_words() -> None:
    old = DocumentText(
        "P",
        [
            Section(
                "Roles",
                [
                    Block("Councillors set the policy of the council and lead it.", numbered=False),
                    Block("Officers give advice to the council.", numbered=False),
                ],
                numbered=False,
            )
        ],
    ).renumber()
    new = old.clone()
    new.sections[0].blocks[1].text = "Officers give impartial advice to the council."
    diff = compare(old, new)
    [changed] = diff.changed
    assert changed.label == "\u201cOfficers give impartial advice to the council.\u201d"
    assert diff.renumbered == []


def test_a_new_clause_with_a_list_is_added_not_reworded() -> None:
    """A new clause leading into a list used to count as "added" and "reworded" as well
    (its list items are all new), so the report said "1 clause added, 1 clause reworded"."""
    old = adopted()
    new = old.clone()
    new.sections[1].blocks.append(
        Block(
            "Officers will also:",
            list_style="bullet",
            items=[ListItem("Reply promptly."), ListItem("Keep records.")],
        )
    )
    new.sections[2].blocks.pop(0)
    diff = compare(old, new.renumber())
    assert [e.new_text for e in diff.added] == ["Officers will also:"]
    assert [e.old_text for e in diff.removed] == ["An officer may use the grievance procedure."]
    assert diff.reworded == []
