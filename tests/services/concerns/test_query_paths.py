"""The table's search paths give the same rows: common words merged in Python over the list
index, the same words looked up in SQL, and count_and_page against count + page."""

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.services.concerns import query as q
from mop_desktop.services.concerns.query import ConcernQuery, count, count_and_page, page

QUERIES = (
    ConcernQuery(text="meeting"),
    ConcernQuery(text="meeting em"),
    ConcernQuery(text="meeting email", descending=False),
    ConcernQuery(text="meeting", status="open"),
    ConcernQuery(text="email", role="clerk", sort="status"),
    ConcernQuery(text="meet", raised_from=dt.date(2026, 1, 5), raised_to=dt.date(2026, 1, 20)),
    ConcernQuery(text="meeting", sort="summary"),
    ConcernQuery(text="meeting", sort="reference", descending=False),
    ConcernQuery(text="nothing matches"),
    ConcernQuery(status="formal"),
    ConcernQuery(),
)


@pytest.fixture
def register(service, make_concern):
    for i in range(40):
        words = ["meeting"] if i % 4 else []
        words += ["email"] if i % 3 else ["letter"]
        service.add(
            make_concern(
                raised_on=dt.date(2026, 1, 1) + dt.timedelta(days=i % 23),
                summary=" ".join(words) + f" number {i}",
                status="open" if i % 5 else "formal",
                about_role="clerk" if i % 2 else "councillor",
            )
        )
    return service


def _pages(session, query, size):
    rows, offset = [], 0
    while chunk := page(session, query, offset, size):
        rows += chunk
        offset += size
    return rows


def _expected(session, query):
    """Every concern read whole, filtered and sorted in Python."""
    everything = page(session, ConcernQuery(), 0, 10**6)
    words = [w.lower() for w in q._TOKEN.findall(query.text)]

    def keeps(r):
        text = f"{r.summary} {r.raised_by} {r.about} {r.reference}".lower().split()
        return (
            all(any(t.startswith(w) for t in text) for w in words)
            and (not query.status or r.status == query.status)
            and (not query.role or query.role in (r.raised_by_role, r.about_role))
            and (not query.raised_from or r.raised_on >= query.raised_from)
            and (not query.raised_to or r.raised_on <= query.raised_to)
        )

    kept = [r for r in everything if keeps(r)]
    return sorted(
        kept, key=lambda r: (getattr(r, query.sort), r.reference), reverse=query.descending
    )


@pytest.mark.parametrize("query", QUERIES, ids=lambda c: repr(c)[12:60])
def test_merged_and_sql_paths_give_the_same_rows(register, monkeypatch, query):
    with register.session() as s:
        monkeypatch.setattr(q, "NARROW", 10**9)  # the FTS hits looked up in SQL
        by_sql = _pages(s, query, 7)
        sql_count = count(s, query)
        monkeypatch.setattr(q, "NARROW", 0)  # every word "common": merged over the index
        merged = _pages(s, query, 7)
        total, first = count_and_page(s, query, 7)
        assert merged == by_sql
        assert total == sql_count == count(s, query) == len(merged)
        assert first == merged[:7]
        expected = _expected(s, query)
        # ties are broken by id, which follows the reference here (all raised in 2026)
        assert [r.reference for r in merged] == [r.reference for r in expected]


def test_common_words_read_the_hits_once(register, monkeypatch):
    """The first page of a common search counts from the hits it reads (one FTS5 query)."""
    monkeypatch.setattr(q, "NARROW", 0)
    calls = []
    real = q.hit_ids
    monkeypatch.setattr(q, "hit_ids", lambda s, e: calls.append(e) or real(s, e))
    monkeypatch.setattr(q, "fts_hits", lambda s, e: pytest.fail("counted separately"))
    with register.session() as s:
        total, first = count_and_page(s, ConcernQuery(text="meeting email"), 5)
    assert len(calls) == 1
    assert total > len(first) == 5
    assert all("meeting" in r.summary and "email" in r.summary for r in first)


def test_a_driver_error_in_the_hits_is_sqlalchemy_s_with_values_hidden(register):
    """The page shows its one-line "could not be read" for SQLAlchemy's DatabaseError."""
    from sqlalchemy.exc import DatabaseError

    with register.session() as s, pytest.raises(DatabaseError) as caught:
        q.hit_ids(s, 'AND "')
    assert "[parameters" not in str(caught.value)  # the words searched are never listed
