"""The concern workflow: routes from the protocol, validation, references, retention."""

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.domain import concerns as c
from mop_desktop.domain.records import Council

COUNCIL = Council(
    name="Example Town Council",
    principal_authority="Lewes District Council",
    personnel_chair="Cllr P Chair",
)


def test_officer_about_councillor_offers_four_routes_naming_the_monitoring_officer():
    g = c.routes_for("officer", "councillor", COUNCIL)
    assert g.options == (c.INFORMAL, c.MEDIATION, c.GRIEVANCE, c.CODE_OF_CONDUCT)
    assert "Monitoring Officer of Lewes District Council" in g.guidance


def test_monitoring_officer_without_a_principal_authority():
    g = c.routes_for("officer", "councillor", Council())
    assert "Monitoring Officer of the principal authority" in g.guidance


def test_councillor_about_officer_goes_to_the_clerk():
    g = c.routes_for("councillor", "officer", COUNCIL)
    assert g.options[0] == c.TO_CLERK and c.PERFORMANCE in g.options
    assert "goes to the clerk" in g.guidance and "disciplinary" in g.guidance


@pytest.mark.parametrize("raised_by", ["councillor", "officer", "member of the public"])
def test_about_the_clerk_goes_to_the_personnel_chair_and_says_so(raised_by):
    g = c.routes_for(raised_by, "clerk", COUNCIL)
    assert g.options[0] == c.PERSONNEL_CHAIR
    assert "chair of the personnel committee (Cllr P Chair)" in g.guidance
    assert "about the clerk" in g.guidance


def _concern(**kw):
    values = dict(raised_on=dt.date(2026, 3, 23), raised_by_role="Officer", summary="x")
    values.update(kw)
    return c.Concern(**values)


def test_validation_normalises_and_names_the_field():
    assert c.validate(_concern()).raised_by_role == "officer"
    with pytest.raises(c.ConcernError) as err:
        c.validate(_concern(raised_by_role="mayor"))
    assert err.value.field == "raised_by_role"
    with pytest.raises(c.ConcernError, match="closed_on: closed before it was raised"):
        c.validate(_concern(status="closed", closed_on=dt.date(2026, 3, 1)))
    with pytest.raises(c.ConcernError, match="summary"):
        c.validate(_concern(summary="  "))


def test_dates_strict():
    assert c.parse_date_field("raised_on", "23/03/2026") == dt.date(2026, 3, 23)
    assert c.parse_date_field("raised_on", "2026-03-23") == dt.date(2026, 3, 23)
    assert c.parse_date_field("follow_up_on", "  ") is None
    with pytest.raises(c.ConcernError, match="not a real date"):
        c.parse_date_field("raised_on", "31/02/2026")
    for two_digit in ("23/03/26", "1/1/99"):
        with pytest.raises(c.ConcernError, match="raised_on"):
            c.parse_date_field("raised_on", two_digit)


def test_references_per_year():
    assert c.next_reference(2026, 0) == "C-2026-001"
    assert c.next_reference(2026, 999) == "C-2026-1000"
    assert c.parse_reference("C-2026-042") == (2026, 42)
    assert c.parse_reference("2026-42") is None


def test_retention():
    closed = dt.date(2020, 2, 29)
    assert c.retention_ends(closed, 6) == dt.date(2026, 2, 28)
    assert c.due_for_review("closed", closed, 6, dt.date(2026, 3, 1))
    assert not c.due_for_review("closed", closed, 6, dt.date(2026, 2, 27))
    assert not c.due_for_review("open", None, 6, dt.date(2040, 1, 1))


def test_clauses():
    assert c.parse_clauses("3.1, 4.2; 5.") == ["3.1", "4.2", "5"]
    with pytest.raises(c.ConcernError, match="clauses"):
        c.parse_clauses("three")


def test_broken_character_named_by_field():
    with pytest.raises(c.ConcernError) as err:
        c.validate(_concern(details="half an emoji \ud83d here"))
    assert err.value.field == "details" and "broken character" in err.value.message


def test_choices_read_in_sentence_case_with_proper_nouns_kept():
    assert [c.role_label(r) for r in c.ROLES] == [
        "Officer",
        "Councillor",
        "Clerk",
        "Member of the public",
        "Other",
    ]
    assert c.category_label("bullying or harassment") == "Bullying or harassment"
    assert c.category_label("criticism of an officer in public") == (
        "Criticism of an officer in public"
    )
    assert c.status_label("referred to monitoring officer") == (
        "Referred to the Monitoring Officer"
    )
    assert c.status_label("open") == "Open" and c.role_label("") == ""
    assert "member of the public" in c.ROLES  # the stored words are unchanged
