"""What the Adopt dialog shows while the clerk types: the names it starts with, and each
problem with the request as typed, with the label and review interval that would apply. Read
in one short transaction per check; ``services.adoption.adopt`` does the adopting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mop_desktop.services.adoption import AdoptionRequest, check_request, suggest_label
from mop_desktop.services.review_settings import DEFAULT_INTERVAL_MONTHS
from mop_desktop.store import documents as docs
from mop_desktop.store.db import Store


@dataclass(frozen=True)
class AdoptionDefaults:
    chair: str
    clerk: str
    reviewer: str  # the last adoption's originator or reviewer ("" for none)
    has_adopted: bool  # an adopted text exists, so "reviewed, no changes" is possible


@dataclass(frozen=True)
class AdoptionCheck:
    problems: dict[str, str]  # field -> one line; empty when it can be adopted
    suggested_label: str | None  # for the date typed (None without a date)
    interval_months: int  # the review interval that will apply


def adoption_defaults(store: Store) -> AdoptionDefaults:
    with store.session() as session:
        council = docs.get_council(session)
        doc = docs.protocol_document(session)
        last = doc.adoptions[-1] if doc is not None and doc.adoptions else None
        return AdoptionDefaults(
            chair=council.chair,
            clerk=council.clerk,
            reviewer=last.reviewer if last is not None else "",
            has_adopted=doc is not None and docs.latest_adopted(doc) is not None,
        )


def check_adoption(
    store: Store, request: AdoptionRequest, today: dt.date, day: dt.date | None
) -> AdoptionCheck:
    """The problems with ``request``; ``day`` is the adoption date typed (None if not yet a
    date), for the suggested label."""
    with store.session() as session:
        problems = check_request(session, request, today)
        doc = docs.protocol_document(session)
        interval = doc.review_interval_months if doc is not None else None
        label = suggest_label(doc, day) if day is not None else None
    return AdoptionCheck(problems, label, interval or DEFAULT_INTERVAL_MONTHS)
