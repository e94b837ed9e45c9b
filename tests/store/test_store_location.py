"""``--store URL``: which store is opened, the password kept out of every URL and message, and
a server that is busy, unreachable, newer or not ours told in one line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mop_desktop.store.location import (
    LocationError,
    StoreLocation,
    mask,
    parse_location,
)

DEFAULT = Path("/data/policy.db")


#: Every table of a store on the server, children first (a test empties the database with them).
STORE_TABLES = (
    "adoption_signature",
    "adoption",
    "export",
    "block",
    "section",
    "version",
    "document",
    "meeting",
    "setting",
    "council",
    "presence",
)


def _drop_store_tables(engine, *also: str) -> None:
    from sqlalchemy import text

    with engine.begin() as con:
        for table in (*STORE_TABLES, *also):
            con.execute(text(f"DROP TABLE {table} CASCADE"))


def test_without_a_url_the_store_is_policy_db():
    assert parse_location(None, DEFAULT) == StoreLocation(path=DEFAULT)
    assert parse_location("  ", DEFAULT) == StoreLocation(path=DEFAULT)
    assert parse_location("sqlite:////data/policy.db", DEFAULT) == StoreLocation(path=DEFAULT)


def test_a_server_url_is_kept_without_its_password():
    location = parse_location("postgresql://clerk:s3cret-pw@office:5433/council", DEFAULT)
    assert location.is_server
    assert location.url == "postgresql+psycopg://clerk@office:5433/council"
    assert location.password == "s3cret-pw"
    assert "s3cret" not in repr(location) and "s3cret" not in location.display()
    assert location.password_user() == "clerk@office:5433/council"
    socket = parse_location("postgresql+psycopg://clerk@/council?host=/run/postgresql", DEFAULT)
    assert socket.password_user() == "clerk@/run/postgresql:5432/council"
    assert socket.display() == "postgresql+psycopg://clerk@/council?host=/run/postgresql"


@pytest.mark.parametrize(
    "text, words",
    [
        ("council.db", "--store needs a URL"),
        ("mysql://clerk@office/council", "mysql is not supported"),
        ("postgresql+psycopg2://clerk@office/council", "psycopg driver"),
        ("postgresql://clerk:pw@office", "names no database"),
        ("sqlite://", "must name a file"),
    ],
)
def test_what_is_not_a_store_location_is_refused_in_one_line(text, words):
    with pytest.raises(LocationError) as caught:
        parse_location(text, DEFAULT)
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_mask_hides_passwords_in_any_text():
    assert mask("could not open postgresql+psycopg://clerk:hunter2@office/council now") == (
        "could not open postgresql+psycopg://clerk:***@office/council now"
    )
    assert mask("password hunter2 was refused", "hunter2") == "password *** was refused"


def test_the_command_line_takes_store_and_mop_store_url(cli, pg_url, data_dir):
    code, _, err = cli("--store", pg_url, "meetings", "add", "2027-01-07")
    assert code == 0, err
    code, out, _ = cli("meetings", "list", env={"MOP_STORE_URL": pg_url})
    assert out == "2027-01-07  Full Council\n"
    assert not (data_dir / "policy.db").exists()  # the server's, not the folder's


def test_a_bad_store_url_is_one_line(cli):
    code, _, err = cli("--store", "mysql://clerk:hunter2@office/council", "show")
    assert code == 2 and err.count("\n") == 1
    assert "mysql is not supported" in err and "hunter2" not in err
    code, _, err = cli("--store", "sqlite:////elsewhere/policy.db", "show")
    assert code == 2 and "name the folder with --data-dir" in err


def test_an_unreachable_server_is_one_line_without_the_password(cli, tmp_path):
    url = f"postgresql+psycopg://clerk:hunter2@/council?host={tmp_path}"
    code, _, err = cli("--store", url, "meetings", "list")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "the database server could not be reached" in err
    assert "hunter2" not in err and "clerk:***@" not in err  # the URL shown has no password


def _password_login(pg_url: str, password: str) -> str:
    from sqlalchemy import create_engine, text

    from tests.pg_server import PASSWORD_USER

    engine = create_engine(pg_url)
    with engine.begin() as con:
        con.execute(text(f"DROP ROLE IF EXISTS {PASSWORD_USER}"))
        con.execute(text(f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD '{password}'"))
        con.execute(text(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {PASSWORD_USER}"))
        con.execute(text(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {PASSWORD_USER}"))
    engine.dispose()
    return pg_url.replace("//postgres@", f"//{PASSWORD_USER}@")


def test_the_password_is_kept_in_the_credential_store(cli, pg_url, credential_store, data_dir):
    import keyring

    url = _password_login(pg_url, "right horse")
    code, _, err = cli("--store", url, "meetings", "list")
    assert code == 2 and "refused the user name or password" in err, err
    code, _, err = cli("--store", url, "store-password", env={"MOP_STORE_PASSWORD": "wrong horse"})
    assert code == 2 and "the password was not kept" in err and "wrong horse" not in err
    assert keyring.get_password("mop-desktop", parse_location(url, DEFAULT).password_user()) is None
    code, out, err = cli(
        "--store", url, "store-password", env={"MOP_STORE_PASSWORD": "right horse"}
    )
    assert code == 0, err
    assert "is kept in this PC's credential store" in out and "right horse" not in out
    assert (
        keyring.get_password("mop-desktop", parse_location(url, DEFAULT).password_user())
        == "right horse"
    )
    code, out, err = cli("--store", url, "meetings", "add", "2027-01-07")
    assert code == 0, err  # the URL has no password: the credential store gave it
    for path in data_dir.rglob("*"):  # nor is it in any file of the data folder
        assert not path.is_file() or b"right horse" not in path.read_bytes(), path


def test_a_password_in_the_url_or_pgpassword_works_and_is_never_shown(cli, pg_url, data_dir):
    url = _password_login(pg_url, "right horse")
    with_password = url.replace("clerk_pw@", "clerk_pw:right%20horse@")
    code, _, err = cli("--store", with_password, "meetings", "add", "2027-01-07")
    assert code == 0, err
    code, _, err = cli("--store", url, "meetings", "list", env={"PGPASSWORD": "right horse"})
    assert code == 0, err
    wrong = url.replace("clerk_pw@", "clerk_pw:hunter2@")
    code, _, err = cli("--store", wrong, "meetings", "list")
    assert code == 2 and "refused the user name or password" in err and "hunter2" not in err
    for log in (data_dir / "logs").glob("*") if (data_dir / "logs").exists() else ():
        assert "right horse" not in log.read_text(errors="replace")


def test_store_password_needs_a_server_store(cli):
    code, _, err = cli("store-password", env={"MOP_STORE_PASSWORD": "x"})
    assert code == 2 and "name the shared store first" in err


def test_a_writer_held_up_by_another_pc_is_told_busy(cli, pg_url, monkeypatch):
    from sqlalchemy import create_engine, text

    from mop_desktop.store import db

    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.5)
    other = create_engine(pg_url)
    with other.connect() as con:
        con.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": db.WRITER_LOCK})
        code, _, err = cli("--store", pg_url, "meetings", "add", "2027-01-07")
        assert code == 2, err
        assert err == "mop-desktop meetings: busy: another program is writing; try again\n"
        con.rollback()
    other.dispose()
    code, _, err = cli("--store", pg_url, "meetings", "add", "2027-01-07")
    assert code == 0, err


def test_a_newer_or_foreign_database_is_refused(pg_url):
    from sqlalchemy import create_engine, text

    from mop_desktop.store.db import DamagedStoreError, NewerSchemaError, StoreError, open_store

    engine = create_engine(pg_url)
    with engine.begin() as con:
        con.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(NewerSchemaError, match="newer release of MOP Desktop"):
        open_store(pg_url)
    with engine.begin() as con:
        con.execute(text("DROP TABLE alembic_version"))
    with pytest.raises(DamagedStoreError, match="not a MOP Desktop store"):
        open_store(pg_url)
    _drop_store_tables(engine)
    engine.dispose()
    with pytest.raises(StoreError, match="no store at"):
        open_store(pg_url, create=False)
    open_store(pg_url).close()  # an empty database is made a store


def test_an_upgrade_that_fails_leaves_the_old_schema_whole(pg_url, tmp_path):
    """PostgreSQL's DDL is transactional: 0004 and 0005 run in one transaction with the
    check; when 0004 fails, nothing of either is left, and the store still opens at 0003
    after the obstacle is gone."""
    from sqlalchemy import create_engine, inspect, text

    from mop_desktop.store.db import StoreError, head_revision, open_store, upgrade_connection

    engine = create_engine(pg_url)
    _drop_store_tables(engine, "alembic_version")
    with engine.begin() as con:
        upgrade_connection(con, "0003")
        con.execute(text("CREATE TABLE adoption_signature (id integer)"))  # in 0004's way
    with pytest.raises(StoreError) as caught:
        open_store(pg_url, tmp_path)
    assert "adoption_signature" in str(caught.value) and "\n" not in str(caught.value)
    with engine.connect() as con:
        assert con.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0003"
        columns = {c["name"] for c in inspect(con).get_columns("section")}
        assert "source_number" not in columns  # 0005 left nothing behind
    with engine.begin() as con:
        con.execute(text("DROP TABLE adoption_signature"))
    store = open_store(pg_url, tmp_path)
    store.close()
    with engine.connect() as con:
        assert (
            con.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        )
    engine.dispose()


def test_the_schema_on_the_server_is_the_models_schema(pg_url):
    """Every migration 0001..0005 ran on PostgreSQL to the tables, columns, types and
    indexes the models declare (Alembic's own comparison finds nothing to change)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from mop_desktop.store.models import Base

    engine = create_engine(pg_url)
    with engine.connect() as con:
        diffs = compare_metadata(MigrationContext.configure(con), Base.metadata)
    engine.dispose()
    assert diffs == []


def test_dates_booleans_and_order_come_back_the_same_from_the_server(pg_url):
    from mop_desktop.services import meetings
    from mop_desktop.store.db import open_store

    store = open_store(pg_url)
    try:
        for day in (dt.date(2027, 3, 4), dt.date(2027, 1, 7), dt.date(2027, 2, 2)):
            meetings.add_meeting(store, day)
        assert meetings.add_meeting(store, dt.date(2027, 1, 7))[1] is False
        listed = meetings.list_meetings(store)
        assert [m.date for m in listed] == sorted(m.date for m in listed)
        assert all(type(m.date) is dt.date and m.imported is False for m in listed)
    finally:
        store.close()


def test_a_setting_added_on_two_pcs_at_once_is_kept_not_refused(pg_url):
    """Both PCs read "not set yet"; the second to write updates the first one's row."""
    from mop_desktop.store import settings
    from mop_desktop.store.db import open_store

    first, second = open_store(pg_url), open_store(pg_url)
    try:
        with first.session() as a:
            assert (
                settings.get(a, settings.REMINDER_LEAD_DAYS) == settings.REMINDER_LEAD_DAYS.default
            )
            with second.session() as b:
                settings.put(b, settings.REMINDER_LEAD_DAYS, 21)
            settings.put(a, settings.REMINDER_LEAD_DAYS, 35)
        with second.session() as b:
            assert settings.get(b, settings.REMINDER_LEAD_DAYS) == 35
    finally:
        first.close()
        second.close()


def test_an_older_server_store_is_kept_as_a_bundle_before_it_is_upgraded(pg_url, tmp_path):
    """A server has no file to copy aside: before its schema is upgraded its rows are written
    as a verified backup bundle (a policy.db at the old schema), which restores like any
    other; then the store is upgraded with its rows kept."""
    import zipfile

    from sqlalchemy import create_engine, text

    from mop_desktop.store.backup import verify_bundle
    from mop_desktop.store.db import head_revision, open_store, read_revision, upgrade_connection

    engine = create_engine(pg_url)
    _drop_store_tables(engine, "alembic_version")
    with engine.begin() as con:
        upgrade_connection(con, "0005")
        con.execute(
            text(
                "INSERT INTO meeting (date, body, title, location, source_uid) "
                "VALUES ('2027-01-20', 'Full Council', 'Full Council', 'Town Hall', '')"
            )
        )
    aside = tmp_path / "kept-aside"
    store = open_store(pg_url, aside)
    store.close()
    bundles = sorted(aside.glob("server-*-schema-0005-*.zip"))
    assert len(bundles) == 1
    info = verify_bundle(bundles[0])
    assert info.files and "policy.db" in info.files
    with zipfile.ZipFile(bundles[0]) as archive:
        archive.extract("policy.db", tmp_path / "out")
    copy = tmp_path / "out" / "policy.db"
    assert read_revision(copy) == "0005"
    import sqlite3

    with sqlite3.connect(copy) as con:
        assert con.execute("SELECT title, location FROM meeting").fetchall() == [
            ("Full Council", "Town Hall")
        ]
    con.close()
    with engine.connect() as con:
        assert (
            con.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        )
        assert con.execute(text("SELECT title FROM meeting")).scalar() == "Full Council"
    engine.dispose()
