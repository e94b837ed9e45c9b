"""What a concern cites in the protocol: the numbers a numbered protocol prints; for one
without numbers, its headings and "paragraph 3 under Expectations", never invented numbers."""

from __future__ import annotations

import datetime as dt

from mop_desktop.domain.document import Block, DocumentText, ListItem, Section
from mop_desktop.services.concerns.clauses import citations, protocol_clauses
from tests.services.pdf_support import put_adopted


def unnumbered() -> DocumentText:
    return DocumentText(
        "Member/Officer Relations Protocol",
        [
            Section(
                "",
                [Block("This protocol guides members and officers.", numbered=False)],
                numbered=False,
            ),
            Section(
                "Roles",
                [
                    Block("Councillors set policy.", numbered=False),
                    Block("Officers advise and carry it out.", numbered=False),
                ],
                numbered=False,
            ),
            Section(
                "Expectations, in short",
                [
                    Block(
                        "Councillors can expect from officers:",
                        numbered=False,
                        list_style="lower-alpha",
                        items=[ListItem("Courtesy")],
                    ),
                    Block("Officers can expect from councillors:", numbered=False),
                    Block("Neither shall undermine the other in public.", numbered=False),
                ],
                numbered=False,
            ),
        ],
    ).renumber()


def test_an_unnumbered_protocol_is_cited_by_its_headings_and_paragraphs(store):
    put_adopted(store, unnumbered(), [])
    cited = protocol_clauses(store)
    assert [c for c, _ in cited] == [
        "paragraph 1 before the first heading",
        "Roles",
        "paragraph 1 under Roles",
        "paragraph 2 under Roles",
        "Expectations in short",
        "paragraph 1 under Expectations in short",
        "paragraph 2 under Expectations in short",
        "paragraph 3 under Expectations in short",
    ]
    assert dict(cited)["paragraph 3 under Expectations in short"] == (
        "Neither shall undermine the other in public."
    )
    assert not any(c[:1].isdigit() for c, _ in cited)  # no number the document does not print


def test_a_numbered_protocol_is_cited_by_its_clause_numbers():
    text = DocumentText(
        "P",
        [
            Section("Roles", [Block("Councillors set policy."), Block("Officers advise.")]),
            Section("Expectations", [Block("Courtesy at all times.")]),
        ],
    ).renumber()
    assert [c for c, _ in citations(text)] == ["1.1", "1.2", "2.1"]


def test_the_case_report_cites_what_the_document_shows(tmp_path):
    from pypdf import PdfReader

    from mop_desktop.domain.concerns import Concern
    from mop_desktop.services.concerns import reports

    concern = Concern(
        reference="C-2026-004",
        raised_on=dt.date(2026, 3, 23),
        raised_by_role="officer",
        summary="Shouted at in committee",
        clauses=["Roles", "paragraph 3 under Expectations in short"],
    )
    out = tmp_path / "case.pdf"
    reports.case_report(out, concern, [], [], "Oakford Town Council", "pdf password")
    reader = PdfReader(str(out))
    reader.decrypt("pdf password")
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "Roles, paragraph 3 under Expectations in short" in text
