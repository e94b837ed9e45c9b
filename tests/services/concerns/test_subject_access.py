"""Subject access: only the records that name the requester as a person, each with why; never
a record that merely holds the name inside another word (Joanne, Hannah, Planning, annual)."""

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.domain.concerns import ConcernError
from mop_desktop.services.concerns import reports
from mop_desktop.services.concerns.subject_access import (
    about_person,
    case_files,
    choose,
    find_candidates,
    person_field_match,
    text_match,
)


@pytest.fixture
def ann_register(service, make_concern):
    """Ann's own records and other people's records that hold "ann" inside other words."""
    refs = {}
    refs["raised"] = service.add(make_concern(raised_by="Ann Smith", summary="Raised by Ann"))
    refs["about"] = service.add(
        make_concern(about="Cllr Ann Smith", about_role="councillor", summary="Tone in an email")
    )
    refs["text"] = service.add(make_concern(summary="Clerk spoke to Ann after the meeting"))
    refs["timeline"] = service.add(make_concern(summary="Seating at committee"))
    service.add_timeline(refs["timeline"], dt.date(2026, 3, 24), "Phoned ANN SMITH about it")
    refs["joanne"] = service.add(
        make_concern(raised_by="Joanne Baker", summary="Joanne's health: hospital stay, anxiety")
    )
    refs["hannah"] = service.add(make_concern(about="Hannah Price", summary="Hannah shouted"))
    refs["planning"] = service.add(make_concern(summary="Planning committee minutes late"))
    refs["annual"] = service.add(
        make_concern(details="Raised at the annual meeting; Annie and Anne were present")
    )
    return refs


def test_only_records_naming_ann_with_the_field_each_was_found_in(service, ann_register):
    with service.session() as session:
        found = find_candidates(session, "Ann")
    by_ref = {c.reference: c.reasons for c in found}
    assert set(by_ref) == {ann_register[k] for k in ("raised", "about", "text", "timeline")}
    assert by_ref[ann_register["raised"]] == ("raised by: whole name", "summary: whole name")
    assert by_ref[ann_register["about"]] == ("about: whole name",)
    assert by_ref[ann_register["text"]] == ("summary: whole name",)
    assert by_ref[ann_register["timeline"]] == ("timeline: whole name",)
    for other in ("joanne", "hannah", "planning", "annual"):
        assert ann_register[other] not in by_ref


def test_full_name_request_finds_the_short_forms_but_not_other_words(
    service, ann_register, make_concern
):
    mrs = service.add(make_concern(details="Mrs Smith asked for a copy"))
    initial = service.add(make_concern(about="A. Smith"))
    with service.session() as session:
        found = {c.reference: c.reasons for c in find_candidates(session, "Ann Smith")}
    # "Ann" alone in free text is not the whole name: that record is not a candidate
    assert ann_register["text"] not in found
    assert found[ann_register["raised"]] == ("raised by: whole name",)
    assert found[ann_register["timeline"]] == ("timeline: whole name",)
    assert found[mrs] == ("details: part of the name",)
    assert found[initial] == ("about: whole name",)
    for other in ("joanne", "hannah", "planning", "annual"):
        assert ann_register[other] not in found


def test_the_pdf_holds_the_chosen_records_and_nothing_of_anyone_else(
    service, ann_register, tmp_path
):
    with service.session() as session:
        candidates = find_candidates(session, "Ann")
        chosen = choose(candidates, [ann_register["text"]])
        cases = [(c.concern, c.timeline) for c in case_files(session, chosen)]
    target = tmp_path / "sar.pdf"
    reports.subject_access_report(target, "Ann", cases, "Oakford Town Council", "long enough pw")
    from pypdf import PdfReader

    reader = PdfReader(str(target))
    assert reader.decrypt("long enough pw")
    text = "\n".join(p.extract_text() for p in reader.pages)
    for mine in ("raised", "about", "timeline"):
        assert ann_register[mine] in text
    assert ann_register["text"] not in text  # left out by the clerk
    for word in ("Joanne", "Hannah", "Planning", "annual", "hospital", "anxiety"):
        assert word not in text


def test_leaving_out_a_record_that_is_not_a_candidate_is_refused(service, ann_register):
    with service.session() as session:
        candidates = find_candidates(session, "Ann")
    with pytest.raises(ConcernError, match="not among the records"):
        choose(candidates, [ann_register["joanne"]])


def test_word_rules():
    ann = ["ann"]
    for other in ("Joanne", "Hannah", "Planning", "annual", "Anne", "Annie", "Dianne"):
        assert person_field_match(ann, other) is None
        assert text_match(ann, f"Notes about {other} today") is None
    assert person_field_match(ann, "ann") == "whole name"
    assert person_field_match(ann, "Cllr ANN Smith and Bob Jones") == "whole name"
    assert person_field_match(["ann", "smith"], "Bob Jones, Ann") == "part of the name"
    assert person_field_match(["ann", "smith"], "Mrs A Jones") is None
    assert text_match(ann, "Ann's email") == "whole name"
    assert text_match(["zoe"], "Spoke to Zoë") == "whole name"
    assert text_match(["ann", "smith"], "Ann and Smith") is None


def test_a_title_alone_is_not_a_name(service):
    with service.session() as session, pytest.raises(ConcernError, match="person's name"):
        find_candidates(session, "Cllr")


def test_about_person_returns_every_candidate_in_full(service, ann_register):
    with service.session() as session:
        files = about_person(session, "ann smith")
    assert {f.concern.reference for f in files} == {
        ann_register[k] for k in ("raised", "about", "timeline")
    }
