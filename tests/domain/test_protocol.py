"""The protocol aggregate answers each question one way: what is in force, the draft, which
record adopted a version, the history up to a version, the next label, the review date and the
meeting proposed for it, the next Full Council meeting."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from mop_desktop.domain.protocol import (
    AdoptionRecord,
    Meeting,
    Protocol,
    Version,
    label_for_year,
    next_meeting,
)
from mop_desktop.domain.records import VersionStatus

D = dt.date
DRAFT, ADOPTED, SUPERSEDED = VersionStatus.DRAFT, VersionStatus.ADOPTED, VersionStatus.SUPERSEDED


def record(
    id_: int,
    label: str,
    on: dt.date | None,
    version_id: int | None = None,
    due: dt.date | None = None,
    minute: str = "",
) -> AdoptionRecord:
    return AdoptionRecord(
        id=id_,
        version_label=label,
        adopted_on=on,
        minute_ref=minute,
        review_due=due,
        version_id=version_id,
    )


def protocol(versions=(), adoptions=(), interval: int = 12) -> Protocol:
    return Protocol(
        document_id=1,
        title="Member/Officer Relations Protocol",
        review_interval_months=interval,
        versions=tuple(versions),
        adoptions=tuple(adoptions),
    )


# an imported history (2019, 2022) whose last row adopted version 10, superseded by 11 (2024)
# and 11 re-adopted with no changes (2025); a draft (12) in progress
HISTORY = (
    record(1, "2019", D(2019, 5, 1)),
    record(2, "2022", D(2022, 5, 3), version_id=10, due=D(2023, 5, 31)),
    record(3, "2024", D(2024, 5, 7), version_id=11, due=D(2025, 5, 31), minute="FC 24/1"),
    record(4, "2025", D(2025, 5, 6), version_id=11, due=D(2026, 5, 31), minute="FC 25/9"),
)
VERSIONS = (
    Version(10, "2022", SUPERSEDED),
    Version(11, "2024", ADOPTED),
    Version(12, None, DRAFT, based_on_id=11),
)


def test_current_draft_and_version_in_force():
    full = protocol(VERSIONS, HISTORY)
    assert full.draft == VERSIONS[2]
    assert full.adopted == VERSIONS[1]
    assert full.current == VERSIONS[2]  # the clerk works on the draft
    assert full.in_force_or_draft == VERSIONS[1]  # the PDF prints what is in force
    no_draft = protocol(VERSIONS[:2], HISTORY)
    assert no_draft.draft is None and no_draft.current == VERSIONS[1]
    only_draft = protocol([Version(5, None, DRAFT)])
    assert only_draft.adopted is None
    assert only_draft.current == only_draft.in_force_or_draft == Version(5, None, DRAFT)
    assert protocol().current is None and protocol().in_force_or_draft is None


def test_newest_of_each_status_and_by_label():
    two_drafts = protocol([Version(1, None, DRAFT), Version(2, "x", DRAFT)])
    assert two_drafts.draft.id == 2
    relabelled = protocol([Version(1, "2026", SUPERSEDED), Version(2, "2026", ADOPTED)])
    assert relabelled.version_by_label("2026").id == 2
    assert relabelled.version_by_label("1999") is None
    assert relabelled.version(1).status == SUPERSEDED and relabelled.version(99) is None


def test_adoption_of_a_version():
    full = protocol(VERSIONS, HISTORY)
    assert full.adoption_of(VERSIONS[1]).id == 4  # re-adopted: the newest record
    assert full.adoption_of(VERSIONS[0]).id == 2
    assert full.adoption_of(VERSIONS[2]) is None  # a draft has none
    unlinked = Version(13, "2018", ADOPTED)
    assert full.adoption_of(unlinked) is None
    # what a version is shown with: its own record, else (unlinked import) the newest
    assert full.standing_adoption(VERSIONS[0]).id == 2
    assert full.standing_adoption(unlinked).id == 4
    assert full.standing_adoption(VERSIONS[2]) is None


def test_history_up_to_a_version():
    full = protocol(VERSIONS, HISTORY)
    labels = lambda rows: [a.version_label for a in rows]  # noqa: E731
    assert labels(full.history_up_to(VERSIONS[0])) == ["2019", "2022"]
    assert labels(full.history_up_to(VERSIONS[1])) == ["2019", "2022", "2024", "2025"]
    assert labels(full.history_up_to(VERSIONS[2])) == ["2019", "2022", "2024", "2025"]
    assert labels(full.history_up_to(Version(13, "x", ADOPTED))) == labels(full.history())
    # the history is handed out as fresh records: changing one changes nothing stored
    full.history()[0].minute_ref = "changed"
    assert full.adoptions[0].minute_ref == ""
    assert full.history()[1].version_id == 10


def test_next_label_across_years_and_collisions():
    assert label_for_year(D(2026, 3, 1), frozenset()) == "2026"
    assert label_for_year(D(2026, 3, 1), {"2026"}) == "2026v2"
    assert label_for_year(D(2026, 3, 1), {"2026", "2026v2", "2026v3"}) == "2026v4"
    assert label_for_year(D(2026, 3, 1), {"2026v2"}) == "2026"  # the year itself is free
    assert label_for_year(D(2027, 1, 5), {"2026", "2026v2"}) == "2027"
    full = protocol(VERSIONS + (Version(14, "2026", SUPERSEDED),), HISTORY)
    # labels from the history and from the versions both count
    assert full.used_labels == {"2019", "2022", "2024", "2025", "2026"}
    assert full.next_label(D(2025, 11, 1)) == "2025v2"
    assert full.next_label(D(2026, 3, 1)) == "2026v2"
    assert full.next_label(D(2027, 3, 1)) == "2027"
    assert protocol().next_label(D(2026, 3, 1)) == "2026"


def test_current_label_and_review_dates():
    full = protocol(VERSIONS, HISTORY, interval=24)
    assert full.current_label == "2025"  # as the history names it
    assert full.review_due == D(2026, 5, 31)
    assert full.review_due_after(D(2026, 3, 23)) == D(2028, 3, 31)
    nothing_recorded = protocol([Version(1, "2020", ADOPTED)])
    assert nothing_recorded.current_label == "2020" and nothing_recorded.review_due is None
    assert protocol([Version(1, None, DRAFT)]).current_label is None
    assert dataclasses.replace(full, review_interval_months=0).interval_months == 12


def test_review_meeting():
    full = protocol(VERSIONS, HISTORY)  # review due 31 May 2026
    meetings = [D(2026, 1, 15), D(2026, 4, 16), D(2026, 7, 9)]
    choice = full.review_meeting(meetings, D(2026, 2, 1))
    assert (choice.date, choice.after_review) == (D(2026, 4, 16), False)
    late = full.review_meeting(meetings, D(2026, 5, 1))  # April has passed
    assert (late.date, late.after_review) == (D(2026, 7, 9), True)
    assert full.review_meeting([], D(2026, 2, 1)) is None
    assert protocol([Version(1, None, DRAFT)]).review_meeting(meetings, D(2026, 2, 1)) is None


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2026, 3, 1), D(2026, 3, 12)),  # the committee on the 5th is not Full Council
        (D(2026, 3, 12), D(2026, 3, 12)),  # a meeting today is the next one
        (D(2026, 3, 13), D(2026, 6, 1)),  # only a committee left: that one
        (D(2026, 6, 2), None),
    ],
)
def test_next_meeting_prefers_full_council(today, expected):
    meetings = [
        Meeting(D(2026, 6, 1), "Planning Committee"),
        Meeting(D(2026, 3, 5), "Staffing Committee"),
        Meeting(D(2026, 3, 12), "Full Council", "Annual meeting", "Village Hall"),
        Meeting(D(2025, 3, 12), "Full Council"),
    ]
    found = next_meeting(meetings, today)
    assert (found.date if found else None) == expected
