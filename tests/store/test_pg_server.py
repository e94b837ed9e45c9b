"""The test PostgreSQL cluster itself: a fresh migrated database per test, gone afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import pg_server


def test_each_test_gets_a_fresh_migrated_database(pg_url):
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_url)
    with engine.connect() as con:
        tables = set(
            con.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
        )
        assert {"alembic_version", "document", "version", "adoption", "meeting"} <= tables
        assert con.execute(text("SELECT count(*) FROM document")).scalar() == 0
        con.execute(text("INSERT INTO setting (key, value) VALUES ('x', 'y')"))
        con.commit()
    engine.dispose()


def test_the_next_test_sees_none_of_the_last_ones_rows(pg_url):
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_url)
    with engine.connect() as con:
        assert con.execute(text("SELECT count(*) FROM setting")).scalar() == 0
    engine.dispose()


def test_a_killed_test_process_leaves_no_server_behind(tmp_path):
    try:
        pg_server.find_bindir()
    except pg_server.PostgresMissing as exc:
        if os.environ.get("MOP_REQUIRE_POSTGRES") == "1":
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    marker = tmp_path / "base"
    script = (
        "import os, sys, time\n"
        "from tests import pg_server\n"
        "s = pg_server.PgServer().start()\n"
        f"open({str(marker)!r}, 'w').write(str(s.base))\n"
        "time.sleep(600)\n"
    )
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, "-c", script], cwd=root, env=dict(os.environ, PYTHONPATH=str(root))
    )
    for _ in range(600):
        if marker.exists() and marker.read_text():
            break
        time.sleep(0.1)
    base = Path(marker.read_text())
    pid = int((base / "data" / "postmaster.pid").read_text().split()[0])
    proc.kill()
    proc.wait()
    for _ in range(200):
        if not base.exists():
            break
        time.sleep(0.05)
    assert not base.exists()
    with pytest.raises(OSError):
        os.kill(pid, 0)


def test_store_url_names_each_engine(store_url, app_paths):
    if store_url.startswith("sqlite"):
        assert store_url == f"sqlite:///{app_paths.policy_db}"
    else:
        assert store_url.startswith("postgresql+psycopg://postgres@/")
