"""Import of .txt and .md protocols: every form of clause, heading, list and table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mop_desktop.services.importer import ImportResult, read_protocol


def imp(folder: Path, text: str, name: str = "protocol.txt", encoding: str = "utf-8"):
    path = folder / name
    path.write_bytes(text.encode(encoding))
    result = read_protocol(path)
    result.text.renumber()
    return result


def items(raw) -> list:
    return [i.to_json() for i in raw]


def outline(result: ImportResult) -> list:
    """(number, heading, [(number, text, items, list_style)]) for each section."""
    return [
        (
            s.number,
            s.heading,
            [
                (b.number, b.text, items(b.items), b.list_style if b.items else None)
                for b in s.blocks
            ],
        )  # fmt: skip
        for s in result.text.sections
    ]


def doubts(result: ImportResult) -> list[str]:
    return [s.doubtful for s in result.text.sections if s.doubtful] + [
        b.doubtful for s in result.text.sections for b in s.blocks if b.doubtful
    ]


# -- clause numbers ---------------------------------------------------------------------------
def test_clause_number_forms(tmp_path):
    text = (
        "Protocol\n\n"
        "1. Introduction\n\n"
        "1.1 Plain number.\n"
        "- 1.2 Number after a dash.\n"
        "1.3. Number with a full stop.\n"
        "1.4** Number followed by stray bold marks.\n"
        "**1.5** Number in bold.\n"
        "1.5.1. A sub-clause.\n"
        "1.5.2 Another sub-clause.\n"
        "1.6\tNumber and a tab.\n"
    )
    result = imp(tmp_path, text)
    assert outline(result) == [
        ("1", "Introduction", [
            ("1.1", "Plain number.", [], None),
            ("1.2", "Number after a dash.", [], None),
            ("1.3", "Number with a full stop.", [], None),
            ("1.4", "Number followed by stray bold marks.", [], None),
            ("1.5", "Number in bold.", [], None),
            ("1.5.1", "A sub-clause.", [], None),
            ("1.5.2", "Another sub-clause.", [], None),
            ("1.6", "Number and a tab.", [], None),
        ]),
    ]  # fmt: skip
    assert doubts(result) == []


def test_clause_out_of_step_is_marked_doubtful(tmp_path):
    result = imp(tmp_path, "Protocol\n\n1. Introduction\n\n1.1 One.\n\n1.3 Three.\n")
    block = result.text.sections[0].blocks[1]
    assert block.number == "1.3"  # the source's own number is kept, and marked
    assert block.doubtful == "numbering skips from 1.1 to 1.3"
    assert any("1.3" in w for w in result.warnings)


def test_clauses_under_unnumbered_headings_keep_their_numbers_and_the_headings_none(tmp_path):
    text = "Protocol\n\nIntroduction\n\n1.1 First.\n\n1.2 Second.\n\nRoles\n\n2.1 Third.\n"
    result = imp(tmp_path, text)
    assert [(s.number, s.heading) for s in result.text.sections] == [
        ("", "Introduction"),  # the source shows no section number: none is given
        ("", "Roles"),
    ]
    assert [b.level for s in result.text.sections for b in s.blocks] == [1, 1, 1]
    assert [b.number for s in result.text.sections for b in s.blocks] == ["1.1", "1.2", "2.1"]
    assert doubts(result) == []


def test_single_level_clauses_numbered_through_the_document(tmp_path):
    text = (
        "Protocol\n\nIntroduction\n\n1. First clause.\n\n2. Second clause.\n\nRoles\n\n3. Third.\n"
    )
    result = imp(tmp_path, text)
    assert [s.heading for s in result.text.sections] == ["Introduction", "Roles"]
    assert [b.text for b in result.text.sections[1].blocks] == ["Third."]
    assert doubts(result) == []


# -- headings ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "heading_line, number, heading",
    [
        ("1. Introduction", "1", "Introduction"),
        ("1 Introduction", "1", "Introduction"),
        ("Section 1 \u2013 Introduction", "1", "Introduction"),
        ("Part 1: Introduction", "1", "Introduction"),
        ("## 1. Introduction", "1", "Introduction"),
    ],
)
def test_numbered_heading_forms(tmp_path, heading_line, number, heading):
    result = imp(tmp_path, f"Protocol\n\n{heading_line}\n\n1.1 The first clause.\n")
    assert outline(result) == [(number, heading, [("1.1", "The first clause.", [], None)])]


@pytest.mark.parametrize(
    "heading_line, heading",
    [
        ("Introduction", "Introduction"),
        ("INTRODUCTION AND PURPOSE", "INTRODUCTION AND PURPOSE"),
        ("**Introduction**", "Introduction"),
        ("What happens when things go wrong?", "What happens when things go wrong?"),
        ("# Introduction", "Introduction"),
    ],
)
def test_unnumbered_heading_forms(tmp_path, heading_line, heading):
    text = f"Our Protocol\n\n{heading_line}\n\nThe first paragraph of the section.\n"
    result = imp(tmp_path, text)
    assert result.text.title == "Our Protocol"
    assert outline(result) == [
        ("", heading, [("", "The first paragraph of the section.", [], None)])
    ]


def test_markdown_title_and_headings(tmp_path):
    text = (
        "# Member/Officer Protocol\n\n## Introduction\n\nText one\ncontinues here.\n\n"
        "## Roles\n\nText two.\n\n### A sub-heading\n\nText three.\n"
    )
    result = imp(tmp_path, text, "protocol.md")
    assert result.text.title == "Member/Officer Protocol"
    assert outline(result) == [
        ("", "Introduction", [("", "Text one continues here.", [], None)]),
        ("", "Roles", [
            ("", "Text two.", [], None),
            ("", "A sub-heading", [], None),
            ("", "Text three.", [], None),
        ]),
    ]  # fmt: skip
    assert doubts(result) == ["sub-heading kept as a paragraph"]


def test_text_before_the_first_heading_sits_in_an_unheaded_section(tmp_path):
    text = "Our Protocol\n\nA first paragraph, before any heading.\n\nRoles\n\nSecond paragraph.\n"
    result = imp(tmp_path, text)
    assert [(s.heading, len(s.blocks)) for s in result.text.sections] == [("", 1), ("Roles", 1)]


def test_short_line_in_a_numbered_document_is_kept_as_a_doubtful_paragraph(tmp_path):
    text = "Protocol\n\n1. Introduction\n\n1.1 One.\n\nA side note\n\n1.2 Two.\n"
    result = imp(tmp_path, text)
    section = result.text.sections[0]
    assert [(b.number, b.text) for b in section.blocks] == [
        ("1.1", "One."),
        ("", "A side note"),
        ("1.2", "Two."),
    ]
    assert section.blocks[1].doubtful == "might be a sub-heading"


# -- lists ------------------------------------------------------------------------------------
@pytest.mark.parametrize("bullet", ["-", "*", "\u2022", "\u2013", "o", "\u00b7", "\uf0b7"])
def test_bullet_markers(tmp_path, bullet):
    text = f"Protocol\n\nThe Clerk will:\n{bullet} reply promptly\n{bullet} keep records\n"
    result = imp(tmp_path, text)
    assert outline(result) == [
        ("", "", [("", "The Clerk will:", ["reply promptly", "keep records"], "bullet")])
    ]


@pytest.mark.parametrize(
    "first, second, style",
    [
        ("a)", "b)", "lower-alpha"),
        ("(a)", "(b)", "lower-alpha"),
        ("a.", "b.", "lower-alpha"),
        ("- a)", "- b)", "lower-alpha"),
        ("- a", "- b", "lower-alpha"),
        ("i)", "ii)", "lower-roman"),
        ("(i)", "(ii)", "lower-roman"),
        ("i.", "ii.", "lower-roman"),
        ("1)", "2)", "decimal"),
    ],
)
def test_lettered_roman_and_decimal_lists(tmp_path, first, second, style):
    text = f"Protocol\n\n2.1 Officers can expect:\n\n{first} respect\n{second} courtesy\n"
    result = imp(tmp_path, text)
    block = result.text.sections[0].blocks[0]
    assert block.text == "Officers can expect:"
    assert items(block.items) == ["respect", "courtesy"]
    assert block.list_style == style


def test_letter_i_after_h_is_a_letter_not_a_roman_one(tmp_path):
    letters = "abcdefghij"
    lines = "\n".join(f"{c}) item {c}" for c in letters)
    result = imp(tmp_path, f"Protocol\n\nA list:\n{lines}\n")
    block = result.text.sections[0].blocks[0]
    assert block.list_style == "lower-alpha"
    assert items(block.items) == [f"item {c}" for c in letters]


def test_dash_and_lowercase_word_is_not_a_letter(tmp_path):
    result = imp(tmp_path, "Protocol\n\nWe offer:\n- a working partnership\n- respect\n")
    assert items(result.text.sections[0].blocks[0].items) == ["a working partnership", "respect"]


def test_nested_lists_by_indentation_and_by_lead_in(tmp_path):
    text = (
        "Protocol\n\n3.1 The Clerk:\n\n"
        "a) advises the Council;\n"
        "b) keeps records, including:\n"
        "   i) minutes;\n"
        "   ii) accounts;\n"
        "c) manages staff.\n\n"
        "3.2 Councillors:\n"
        "- attend meetings\n"
        "- read papers, which include:\n"
        "i) agendas\n"
        "ii) reports\n"
        "- vote\n"
    )
    result = imp(tmp_path, text)
    first, second = result.text.sections[0].blocks
    assert items(first.items) == [
        "advises the Council;",
        {"text": "keeps records, including:", "items": ["minutes;", "accounts;"],
         "list_style": "lower-roman"},
        "manages staff.",
    ]  # fmt: skip
    assert items(second.items) == [
        "attend meetings",
        {"text": "read papers, which include:", "items": ["agendas", "reports"],
         "list_style": "lower-roman"},
        "vote",
    ]  # fmt: skip


def test_markdown_nested_bullets(tmp_path):
    text = "# P\n\nA list:\n\n* one\n* two\n    * two a\n    * two b\n* three\n"
    result = imp(tmp_path, text, "p.md")
    assert items(result.text.sections[0].blocks[0].items) == [
        "one",
        {"text": "two", "items": ["two a", "two b"], "list_style": "bullet"},
        "three",
    ]


def test_list_continues_across_a_blank_line_and_a_page_break(tmp_path):
    text = "Protocol\n\nThe Clerk will:\n\n- one\n\n- two\n\f\n- three\n\nAfter the list.\n"
    result = imp(tmp_path, text)
    blocks = result.text.sections[0].blocks
    assert [(b.text, items(b.items)) for b in blocks] == [
        ("The Clerk will:", ["one", "two", "three"]),
        ("After the list.", []),
    ]


def test_list_item_wrapped_onto_an_indented_line(tmp_path):
    text = "Protocol\n\nWe offer:\n- a long item that\n  carries on here\n- short\n"
    result = imp(tmp_path, text)
    assert items(result.text.sections[0].blocks[0].items) == [
        "a long item that carries on here",
        "short",
    ]


def test_list_straight_after_a_heading_gets_an_empty_lead_in(tmp_path):
    result = imp(tmp_path, "Protocol\n\nExpectations\n\n- one\n- two\n")
    block = result.text.sections[0].blocks[0]
    assert (block.text, items(block.items)) == ("", ["one", "two"])
    assert block.doubtful == "list with no paragraph leading into it"


# -- wrapped lines, encodings, line endings ---------------------------------------------------
def test_hard_wrapped_paragraphs_are_joined(tmp_path):
    para1 = (
        "The relationship between councillors and officers is an essential\n"
        "ingredient that goes into the successful work of the council. This\n"
        "relationship should be characterised by mutual respect.\n"
    )
    para2 = (
        "Officers are responsible to the council as a whole and take their\n"
        "instructions from it, not from individual members of the council.\n"
    )
    result = imp(tmp_path, f"Protocol\n\nIntroduction\n\n{para1}\n{para2}\nRoles\n\nShort.\n")
    assert [b.text for b in result.text.sections[0].blocks] == [
        " ".join(para1.split()),
        " ".join(para2.split()),
    ]
    assert [s.heading for s in result.text.sections] == ["Introduction", "Roles"]


@pytest.mark.parametrize(
    "encoding, prefix",
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16", b""),
        ("utf-16-le", b""),
        ("cp1252", b""),
    ],
)
def test_encodings_and_windows_line_endings(tmp_path, encoding, prefix):
    clause = "The council\u2019s \u00a3 budget \u2013 agreed."
    text = f"Protocol\r\n\r\n1. Introduction\r\n\r\n1.1 {clause}\r\n"
    path = tmp_path / "p.txt"
    path.write_bytes(prefix + text.encode(encoding))
    result = read_protocol(path)
    assert result.text.title == "Protocol"
    assert (
        result.text.sections[0].blocks[0].text == "The council\u2019s \u00a3 budget \u2013 agreed."
    )


# -- tables, history lines, council -----------------------------------------------------------
def test_pipe_version_table_with_separator_row(tmp_path):
    text = (
        "# Protocol\n\n"
        "| Version | Date of Adoption | Minute Reference | Review Date | Originator/Reviewer |\n"
        "|---|:---:|---|---|---|\n"
        "| 1 | 17.3.2020 | 12/20 | March 2021 | J Smith |\n"
        "| 2 | 24th March 2022 | 45/22 | Dec 2023 | J Smith |\n\n"
        "## 1. Introduction\n\n1.1 Text.\n"
    )
    result = imp(tmp_path, text, "p.md")
    assert [a.history_json() for a in result.history] == [
        {"version": "1", "adopted_on": "2020-03-17", "minute_ref": "12/20",
         "review_due": "2021-03-31", "reviewer": "J Smith"},
        {"version": "2", "adopted_on": "2022-03-24", "minute_ref": "45/22",
         "review_due": "2023-12-31", "reviewer": "J Smith"},
    ]  # fmt: skip
    assert [s.heading for s in result.text.sections] == ["Introduction"]


def test_unrecognised_version_table_row_is_kept_and_marked(tmp_path):
    text = (
        "Protocol\n\nVersion\tAdopted\tMinute\tReview\n1\t16/12/2021\t12/21\tDec 2022\n"
        "2\tnot yet\t\t\n\n1. Introduction\n\n1.1 Text.\n"
    )
    result = imp(tmp_path, text)
    assert len(result.history) == 1
    first = result.text.sections[0]
    assert [(b.text, b.doubtful) for b in first.blocks] == [
        ("2 | not yet", "version-table row not understood")
    ]
    assert any("not yet" in w for w in result.warnings)


def test_other_tables_are_kept_as_paragraphs(tmp_path):
    text = "Protocol\n\nContacts:\n\n| Role | Name |\n|---|---|\n| Clerk | A Person |\n"
    result = imp(tmp_path, text, "p.md")
    blocks = result.text.sections[0].blocks
    assert [b.text for b in blocks] == ["Contacts:", "Role | Name", "Clerk | A Person"]
    assert blocks[1].doubtful == "table row kept as a paragraph"


@pytest.mark.parametrize(
    "lines, adopted, review",
    [
        (["Policy adopted: 16th December 2021", "Review Date: December 2026"],
         dt.date(2021, 12, 16), dt.date(2026, 12, 31)),
        (["Adopted 16th October 2017. (To be reviewed October 2019)"],
         dt.date(2017, 10, 16), dt.date(2019, 10, 31)),
        (["Date of adoption: 24/3/2022", "Next review due: Mar 2023"],
         dt.date(2022, 3, 24), dt.date(2023, 3, 31)),
    ],
)  # fmt: skip
def test_adoption_and_review_lines(tmp_path, lines, adopted, review):
    body = "\n\n".join(lines)
    result = imp(tmp_path, f"Protocol\n\n{body}\n\nIntroduction\n\nSome text.\n")
    assert [(a.adopted_on, a.review_due) for a in result.history] == [(adopted, review)]
    assert result.history[0].version_label == ""  # the source gives none: none is invented
    assert result.text.plain_words() == ["Protocol", "Introduction", "Some", "text."]


def test_sentence_about_adoption_stays_in_the_body(tmp_path):
    sentence = "The council adopted its first protocol on 3 May 2015 after consulting staff."
    result = imp(tmp_path, f"Protocol\n\n{sentence}\n")
    assert result.history == []
    assert result.text.sections[0].blocks[0].text == sentence


def test_review_line_without_adoption_stays_in_the_body(tmp_path):
    result = imp(tmp_path, "Protocol\n\nIntroduction\n\nText.\n\nReview Date: December 2026\n")
    assert result.history == []
    assert [b.text for b in result.text.sections[0].blocks] == [
        "Text.",
        "Review Date: December 2026",
    ]


def test_council_name_on_its_own_line_or_in_the_title(tmp_path):
    result = imp(tmp_path, "Ditchling Parish Council\n\nMember/Officer Protocol\n\nText.\n")
    assert (result.council_name, result.text.title) == (
        "Ditchling Parish Council",
        "Member/Officer Protocol",
    )
    result = imp(tmp_path, "Newhaven Town Council Member/Officer Protocol\n\nText.\n")
    assert result.council_name == "Newhaven Town Council"
    result = imp(tmp_path, "Protocol\n\nReport to the District Council's Monitoring Officer.\n")
    assert result.council_name == ""


def test_numbered_list_after_a_lead_in_and_a_number_on_its_own_line(tmp_path):
    text = (
        "# Protocol\n\n## 1. Introduction\n\n1.1\nThe relationship matters.\n\n"
        "1.2 The council will:\n\n1. listen\n2. decide\n3. Act Fairly\n\n1.3 Next clause.\n"
    )
    result = imp(tmp_path, text, "p.md")
    assert outline(result) == [
        ("1", "Introduction", [
            ("1.1", "The relationship matters.", [], None),
            ("1.2", "The council will:", ["listen", "decide", "Act Fairly"], "decimal"),
            ("1.3", "Next clause.", [], None),
        ]),
    ]  # fmt: skip
    assert result.warnings == []


def test_typewriter_layout_with_caps_council_indents_and_page_furniture(tmp_path):
    text = (
        "                    NEWTOWN PARISH COUNCIL\n\n"
        "          PROTOCOL ON MEMBER/OFFICER RELATIONS\n\n"
        "Adopted by Full Council on 12 May 2022 (Minute 45/22)\n"
        "Next review: May 2024\n\n"
        "1    INTRODUCTION\n\n"
        "1.1  The purpose of this Protocol is to guide Members and Officers of\n"
        "     the Council in their relations with one another.\n\n"
        "2    ROLES\n\n"
        "2.1  Members are responsible for:\n"
        "     (a) determining policy;\n"
        "     (b) representing their ward. This includes being available\n"
        "         to constituents.\n\n"
        "Page 1 of 2\n\f\n"
        "3    WHAT IF THINGS GO WRONG?\n\n"
        "3.1  Members should raise concerns with the Clerk.\n"
    )
    result = imp(tmp_path, text)
    assert result.council_name == "NEWTOWN PARISH COUNCIL"
    assert result.text.title == "PROTOCOL ON MEMBER/OFFICER RELATIONS"
    assert [a.history_json() for a in result.history] == [
        {"version": "", "adopted_on": "2022-05-12", "minute_ref": "45/22",
         "review_due": "2024-05-31", "reviewer": "", "body": "Full Council"}
    ]  # fmt: skip
    assert outline(result) == [
        ("1", "INTRODUCTION", [
            ("1.1", "The purpose of this Protocol is to guide Members and Officers of the "
             "Council in their relations with one another.", [], None),
        ]),
        ("2", "ROLES", [
            ("2.1", "Members are responsible for:", [
                "determining policy;",
                "representing their ward. This includes being available to constituents.",
            ], "lower-alpha"),
            ("", "Page 1 of 2", [], None),
        ]),
        ("3", "WHAT IF THINGS GO WRONG?", [
            ("3.1", "Members should raise concerns with the Clerk.", [], None),
        ]),
    ]  # fmt: skip
    assert doubts(result) == ["a page number from the source?"]


def test_table_of_contents_is_kept_but_not_taken_for_headings(tmp_path):
    text = (
        "Member/Officer Protocol\n\nContents\n"
        "1. Introduction .......... 2\n2. Roles .......... 3\n\n"
        "1. Introduction\n\n1.1 Text one.\n\n2. Roles\n\n2.1 Text two.\n"
    )
    result = imp(tmp_path, text)
    assert [(s.number, s.heading) for s in result.text.sections] == [
        ("", ""),
        ("1", "Introduction"),
        ("2", "Roles"),
    ]
    assert [(b.text, b.doubtful) for b in result.text.sections[0].blocks] == [
        ("Contents", None),
        ("1. Introduction .......... 2", "contents line kept as a paragraph"),
        ("2. Roles .......... 3", "contents line kept as a paragraph"),
    ]


def test_a_first_line_reading_introduction_is_a_heading_not_the_title(tmp_path):
    result = imp(tmp_path, "Introduction\n\nThe first paragraph.\n")
    assert result.text.title == ""  # never invented
    assert [s.heading for s in result.text.sections] == ["Introduction"]
    assert any("no title found" in w for w in result.warnings)


def test_sections_numbered_with_point_nought_and_markdown_quotes(tmp_path):
    text = (
        "# Protocol\n\n1.0 Introduction\n\n1.1 First.\n\n> 1.2 Quoted clause.\n\n"
        "2.0 Roles\n\n2.1 Second.\n"
    )
    result = imp(tmp_path, text, "p.md")
    as_headings = imp(tmp_path, text.replace("1.0", "## 1.0").replace("2.0", "## 2.0"), "h.md")
    assert outline(as_headings) == outline(result)
    assert outline(result) == [
        ("1", "Introduction", [("1.1", "First.", [], None), ("1.2", "Quoted clause.", [], None)]),
        ("2", "Roles", [("2.1", "Second.", [], None)]),
    ]
    assert result.warnings == []


def test_table_of_labels_and_values_gives_the_adoption(tmp_path):
    text = (
        "# Protocol\n\n| Version | 3 |\n| Adopted | 16/12/2021 |\n| Minute reference | 123/21 |\n"
        "| Review date | December 2024 |\n\nIntroduction\n\nText.\n"
    )
    result = imp(tmp_path, text, "p.md")
    assert [a.history_json() for a in result.history] == [
        {"version": "3", "adopted_on": "2021-12-16", "minute_ref": "123/21",
         "review_due": "2024-12-31", "reviewer": ""}
    ]  # fmt: skip
    assert outline(result) == [("", "Introduction", [("", "Text.", [], None)])]


def test_a_list_item_is_never_read_as_an_adoption_line(tmp_path):
    result = imp(tmp_path, "# P\n\nSteps:\n\na) first adopted: 16th December 2021\n", "p.md")
    assert result.history == []
    assert items(result.text.sections[0].blocks[0].items) == ["first adopted: 16th December 2021"]


def test_short_lines_one_after_another_are_not_taken_for_wrapped_text(tmp_path):
    lines = ["Who we are", "What we do", "How to reach us", "When to call", "Where to go"]
    result = imp(tmp_path, "Protocol\n\n" + "\n".join(lines) + "\n")
    assert [b.text for s in result.text.sections for b in s.blocks] == lines


def test_numbered_sub_list_indented_under_a_bullet(tmp_path):
    text = "# P\n\nWe will\n\n- meet\n- report on\n  1. money\n  2. staff\n- listen\n"
    result = imp(tmp_path, text, "p.md")
    assert items(result.text.sections[0].blocks[0].items) == [
        "meet",
        {"text": "report on", "items": ["money", "staff"], "list_style": "decimal"},
        "listen",
    ]
