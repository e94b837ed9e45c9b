"""Case operations, search, audit trail, retention and deletion, follow-ups, CSV import."""

from __future__ import annotations

import datetime as dt

import pytest

from mop_desktop.domain.concerns import ConcernError
from mop_desktop.services.concerns import followups, retention
from mop_desktop.services.concerns.csv_import import ImportError_, import_csv
from mop_desktop.services.concerns.query import ConcernQuery, count, page
from mop_desktop.services.concerns.subject_access import about_person


def test_references_follow_the_year_raised(service, make_concern):
    a = service.add(make_concern())
    b = service.add(make_concern())
    c = service.add(make_concern(raised_on=dt.date(2025, 12, 1)))
    assert (a, b, c) == ("C-2026-001", "C-2026-002", "C-2025-001")


def test_audit_trail_names_fields_not_values(service, make_concern):
    ref = service.add(make_concern())
    concern = service.get(ref)
    concern.details = "Secret detail"
    concern.follow_up_on = dt.date(2026, 4, 1)
    assert sorted(service.update(ref, concern)) == ["details", "follow_up_on"]
    service.add_timeline(ref, dt.date(2026, 3, 25), "Met the chair")
    service.close_concern(ref, dt.date(2026, 4, 2), "Apology given")
    trail = service.audit_trail(ref)
    actions = [(a.action, a.field) for a in trail]
    assert actions[0] == ("created", "")
    assert ("changed", "details") in actions and ("changed", "follow_up_on") in actions
    assert ("timeline entry added", "timeline") in actions and ("changed", "status") in actions
    assert all("Secret" not in a.field and "Secret" not in a.action for a in trail)
    service.lock()
    service.unlock("correct horse battery")
    assert [a.action for a in service.audit_trail() if a.action == "opened"] == ["opened"]


def test_search_filters_and_paging(service, make_concern):
    for i in range(30):
        service.add(
            make_concern(
                summary=f"note {i}",
                category="confidentiality" if i % 3 == 0 else "undue pressure",
                about="Cllr Ásh Grove" if i == 7 else "",
            )
        )
    with service.session() as s:
        assert count(s, ConcernQuery(text="ash gro")) == 1  # prefix, accents folded
        assert count(s, ConcernQuery(category="confidentiality")) == 10
        assert count(s, ConcernQuery(text='"; DROP TABLE concern; --')) == 0
        first = page(s, ConcernQuery(sort="reference", descending=False), 0, 10)
        second = page(s, ConcernQuery(sort="reference", descending=False), 10, 10)
        assert first[0].reference == "C-2026-001" and second[0].reference == "C-2026-011"
        assert count(s, ConcernQuery(role="officer", raised_to=dt.date(2026, 1, 1))) == 0


def test_retention_and_deletion_with_trace(service, make_concern):
    old = service.add(
        make_concern(
            summary="kept too long",
            status="closed",
            raised_on=dt.date(2018, 1, 1),
            closed_on=dt.date(2019, 5, 1),
        )
    )
    recent = service.add(make_concern(status="closed", closed_on=dt.date(2026, 4, 1)))
    service.add_timeline(old, dt.date(2018, 2, 1), "called")
    with service.session() as s:
        due = retention.due(s, 6, dt.date(2026, 11, 1))
        assert [d.reference for d in due] == [old]
        retention.delete(s, old, "retention period ended")
    with service.session() as s:
        assert count(s, ConcernQuery(text="kept")) == 0
        assert [t.reference for t in retention.traces(s)] == [old]
        assert retention.traces(s)[0].reason == "retention period ended"
        from mop_desktop.store.register import TimelineRow

        assert s.query(TimelineRow).count() == 0
    assert service.get(recent).reference == recent
    assert ("deleted", old) in [(a.action, a.reference) for a in service.audit_trail()]


def test_followups_by_reference_only(service, make_concern):
    ref = service.add(make_concern(follow_up_on=dt.date(2026, 4, 1)))
    service.add(
        make_concern(
            status="closed", closed_on=dt.date(2026, 4, 1), follow_up_on=dt.date(2026, 4, 1)
        )
    )
    assert followups(service, dt.date(2026, 3, 30)) == [(ref, dt.date(2026, 4, 1))]
    service.lock()
    assert followups(service, dt.date(2026, 3, 30)) == []


def test_subject_access_finds_every_mention(service, make_concern):
    a = service.add(make_concern(about="Cllr Jo Bloggs"))
    b = service.add(make_concern())
    service.add_timeline(b, dt.date(2026, 3, 24), "Spoke to jo bloggs by phone")
    service.add(make_concern())
    with service.session() as s:
        assert [f.concern.reference for f in about_person(s, "Jo Bloggs")] == [a, b]


def test_bad_concern_refused(service, make_concern):
    with pytest.raises(ConcernError, match="follow_up_on"):
        service.add(make_concern(follow_up_on=dt.date(2020, 1, 1)))


HEADER = "raised_on,raised_by_role,summary,about,about_role,follow_up_on\n"


def test_csv_import_all_rows(service, tmp_path):
    f = tmp_path / "c.csv"
    f.write_text(
        HEADER + "23/03/2026,officer,One,Cllr A,councillor,\n"
        '2026-03-24,councillor,"Two, with comma",,,01/04/2026\n',
        encoding="utf-8",
    )
    assert import_csv(service, f) == ["C-2026-001", "C-2026-002"]
    assert service.get("C-2026-002").follow_up_on == dt.date(2026, 4, 1)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("31/02/2026,officer,Bad date,,,", "line 3, column raised_on: not a real date"),
        ("23/03/26,officer,Two digit,,,", "line 3, column raised_on"),
        # (a mayor is a councillor: roles are matched leniently, and an unknown one refused)
        ("23/03/2026,astronaut,Bad role,,,", "line 3, column raised_by_role"),
        ("23/03/2026,officer,,,,", "line 3, column summary"),
        ("23/03/2026,officer,x,,,2020-01-01", "line 3, column follow_up_on"),
    ],
)
def test_csv_import_all_or_none(service, tmp_path, row, message):
    f = tmp_path / "c.csv"
    f.write_text(HEADER + "23/03/2026,officer,Good row,,,\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ImportError_, match=message.replace("(", "\\(")) as caught:
        import_csv(service, f)
    # the line and column, never the cell's content (it may be personal data)
    assert row.split(",")[0] not in str(caught.value) and "astronaut" not in str(caught.value)
    with service.session() as s:
        assert count(s, ConcernQuery()) == 0


def test_csv_header_and_encoding(service, tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("raised_on,raised_by_role,summary,colour\n", encoding="utf-8")
    with pytest.raises(ImportError_, match="line 1, column 4: unknown column 'colour'"):
        import_csv(service, f)
    f.write_text("raised_by_role,summary\n", encoding="utf-8")
    with pytest.raises(ImportError_, match="required column 'raised_on'"):
        import_csv(service, f)
    # Excel's "CSV (comma delimited)" on a British PC is Windows-1252: read as such
    f.write_bytes((HEADER + "23/03/2026,officer,Caf\xe9 \u2013 \xa35,,,\n").encode("cp1252"))
    (reference,) = import_csv(service, f)
    assert service.get(reference).summary == "Caf\xe9 \u2013 \xa35"
    f.write_bytes(b"raised_on,raised_by_role,summary\n2026-01-05,officer,\x81\x8d\n")
    with pytest.raises(ImportError_, match="line 2: not text in a known encoding"):
        import_csv(service, f)


@pytest.mark.parametrize("narrow", [0, 10**9])
def test_index_scan_and_rowid_lookup_agree(service, make_concern, monkeypatch, narrow):
    """Both ways of counting and paging (list index scan, FTS hits by rowid) give the same."""
    from mop_desktop.services.concerns import query as q

    for i in range(25):
        service.add(
            make_concern(
                raised_on=dt.date(2026, 1, 1) + dt.timedelta(days=i % 9),
                summary=f"planning letter {i}" if i % 2 else f"budget {i}",
                status="open" if i % 3 else "formal",
                about_role="clerk" if i % 5 == 0 else "councillor",
            )
        )
    monkeypatch.setattr(q, "NARROW", narrow)
    with service.session() as s:
        for query in (
            ConcernQuery(text="plan"),
            ConcernQuery(text="plan", status="open"),
            ConcernQuery(role="clerk"),
            ConcernQuery(status="formal", sort="status"),
            ConcernQuery(text="budget", sort="summary", descending=False),
            ConcernQuery(),
        ):
            total = count(s, query)
            rows = page(s, query, 0, 7) + page(s, query, 7, 100)
            assert total == len(rows) == len({r.reference for r in rows})
            expected = sorted(
                rows, key=lambda r: (getattr(r, query.sort), r.reference), reverse=query.descending
            )
            assert [getattr(r, query.sort) for r in rows] == [
                getattr(r, query.sort) for r in expected
            ]
        assert count(s, ConcernQuery(text="plan")) == 12
        assert count(s, ConcernQuery(text="plan", status="formal")) == 4


def register_of_schema(version, service, app_paths):
    """Put the register a release of schema ``version`` wrote (tests/store/data) in place of
    the service's own, under the service's data key, and lock it."""
    from mop_desktop.store import vault
    from tests.store.data.make_fixtures import install_register

    service.lock()
    key = vault.unlock_with_passphrase(app_paths.key_envelope, "correct horse battery")
    install_register(version, app_paths.register_db, key)
    vault.zero(key)
    return "MOP-2026-001"  # closed on 1 April 2026, one timeline entry ("phoned", 24 March)


def test_schema_3_register_is_upgraded_for_the_clerks_own_log(service, make_concern, app_paths):
    from sqlalchemy import text

    ref = register_of_schema(3, service, app_paths)
    service.unlock("correct horse battery")
    with service.session() as s:
        assert s.execute(text("SELECT max(version) FROM schema_version")).scalar() == 4
    assert service.get(ref).closed_on == dt.date(2026, 4, 1)
    assert service.get(ref).closing_date_unknown is False
    (entry,) = service.timeline(ref)
    assert service.edit_timeline(ref, entry.id, dt.date(2026, 3, 1), "phoned first")
    service.update(
        ref,
        make_concern(status="closed", closed_on=dt.date(2026, 4, 1), category="Planning dispute"),
    )
    assert "Planning dispute" in service.categories()
    assert list((app_paths.data / "kept-aside").glob("register-schema-3-*.db"))


def test_schema_1_register_is_upgraded_with_a_copy_kept_aside(service, make_concern, app_paths):
    from sqlalchemy import text

    ref = register_of_schema(1, service, app_paths)
    service.unlock("correct horse battery")
    with service.session() as s:
        from mop_desktop.store.register import SCHEMA_VERSION

        assert s.execute(text("SELECT max(version) FROM schema_version")).scalar() == SCHEMA_VERSION
        indexes = {
            r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE type='index'"))
        }
        assert "ix_concern_list" in indexes and "ix_concern_status" not in indexes
        sql = s.execute(text("SELECT sql FROM sqlite_master WHERE name='ix_concern_list'"))
        assert "(raised_on, id, status" in sql.scalar()
    assert service.get(ref).reference == ref
    kept = list((app_paths.data / "kept-aside").glob("register-schema-1-*.db"))
    assert len(kept) == 1
    import sqlite3

    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(kept[0]).execute("SELECT * FROM sqlite_master").fetchall()


def test_broken_character_in_timeline_refused_by_name(service, make_concern):
    ref = service.add(make_concern())
    with pytest.raises(ConcernError, match="^timeline: .*broken character"):
        service.add_timeline(ref, dt.date(2026, 3, 24), "phoned \udc00")
    assert service.timeline(ref) == []


def test_key_copy_is_a_copy_only_while_unlocked(service, app_paths):
    from mop_desktop.store import vault

    key = vault.unlock_with_passphrase(app_paths.key_envelope, "correct horse battery")
    copy = service.key_copy()
    assert copy == key and copy is not None
    vault.zero(copy)  # wiping the caller's copy leaves the register open
    assert service.unlocked and service.key_copy() == key
    service.lock()
    assert service.key_copy() is None
