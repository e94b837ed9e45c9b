"""Shared fixtures: a fresh temporary data folder and store per test, Qt offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = Path(__file__).resolve().parent / "data" / "samples"
FIXTURES = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def no_credential_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the PC's real credential store: by default there is none (as on a
    headless server); ``credential_store`` gives a test one of its own."""
    import keyring
    from keyring.backends import fail

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.set_keyring(fail.Keyring())


@pytest.fixture
def credential_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_credential_store):
    """A credential store of the test's own (a file), seen by the test and its subprocesses."""
    import keyring

    from tests.keyring_backend import FileKeyring

    path = tmp_path / "credential-store.json"
    monkeypatch.setenv("MOP_TEST_KEYRING_FILE", str(path))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.keyring_backend.FileKeyring")
    keyring.set_keyring(FileKeyring())
    return path


#: ``MOP_TEST_STORE=postgresql`` runs the tests with the protocol store on the test
#: PostgreSQL cluster: each test's data folder comes with a fresh server database, named to
#: the app (and to every CLI subprocess) by MOP_STORE_URL. The register stays in the folder.
TEST_STORE = os.environ.get("MOP_TEST_STORE", "sqlite")


def on_postgres() -> bool:
    return TEST_STORE == "postgresql"


@pytest.fixture
def data_dir(request, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder that every part of the app (and any subprocess) will use."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("MOP_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    if on_postgres():
        monkeypatch.setenv("MOP_STORE_URL", request.getfixturevalue("pg_url"))
    else:
        monkeypatch.delenv("MOP_STORE_URL", raising=False)
    return folder


@pytest.fixture
def test_store_url(data_dir: Path) -> str | None:
    """The URL of this test's server store under MOP_TEST_STORE=postgresql, else None."""
    return os.environ.get("MOP_STORE_URL") if on_postgres() else None


@pytest.fixture
def app_paths(data_dir: Path):
    from mop_desktop.paths import resolve_paths

    return resolve_paths(data_dir)


@pytest.fixture
def store(app_paths, test_store_url):
    from mop_desktop.store.db import open_store

    s = open_store(test_store_url or app_paths.policy_db, app_paths.kept_aside)
    yield s
    s.close()


@pytest.fixture
def cli(data_dir: Path):
    """Run the command line in-process: ``cli("show", "--json")`` -> (code, stdout, stderr)."""

    def run(*argv: str, env: dict[str, str] | None = None):
        from mop_desktop.cli import main

        saved = dict(os.environ)
        os.environ.update(env or {})
        import io
        from contextlib import redirect_stderr, redirect_stdout

        out, err = io.StringIO(), io.StringIO()
        try:
            with redirect_stdout(out), redirect_stderr(err):
                try:
                    code = main(["--data-dir", str(data_dir), *argv])
                except SystemExit as exc:
                    code = int(exc.code or 0)
        finally:
            os.environ.clear()
            os.environ.update(saved)
        return code, out.getvalue(), err.getvalue()

    return run


@pytest.fixture
def cli_process(data_dir: Path):
    """Run the command line as a separate process (for exit codes and import hygiene)."""

    def run(*argv: str, env: dict[str, str] | None = None, input: str | None = None):
        full_env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
        return subprocess.run(
            [sys.executable, "-m", "mop_desktop", "--data-dir", str(data_dir), *argv],
            capture_output=True,
            text=True,
            env=full_env,
            input=input,
            timeout=120,
        )

    return run


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.exists():
        pytest.skip("shared/samples is not beside this checkout")
    return SAMPLES


@pytest.fixture(autouse=True)
def _keep_core_limit_of_the_test_process(monkeypatch):
    """In-process CLI runs leave pytest's own core-dump limit alone (a lowered hard limit can
    never be raised again), so that subprocess tests can show the CLI lowering it."""
    import mop_desktop.no_core_dumps as guard

    monkeypatch.setattr(guard, "disable_core_dumps", lambda: True)


# -- PostgreSQL: one throwaway cluster per test session (tests/pg_server.py) -----------------


def _postgres_required() -> bool:
    return os.environ.get("MOP_REQUIRE_POSTGRES") == "1"


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): about policy.db's file itself (integrity, WAL, full disk, copies "
        "kept aside); skipped under MOP_TEST_STORE=postgresql",
    )
    config.addinivalue_line(
        "markers",
        "pending_on_server(reason): a feature not yet available on a shared store (it says so "
        "in one line); skipped under MOP_TEST_STORE=postgresql until it is",
    )


def pytest_runtest_setup(item) -> None:
    if not on_postgres():
        return
    for name, words in (
        ("sqlite_only", "SQLite only"),
        ("pending_on_server", "not yet on a shared store"),
    ):
        marker = item.get_closest_marker(name)
        if marker is not None:
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
            pytest.skip(f"{words}: {reason}")


def store_digest(data_dir: Path) -> str:
    """A digest of the protocol store's whole content: policy.db's bytes, or under
    MOP_TEST_STORE=postgresql every row of every table of the test's server database."""
    import hashlib

    url = os.environ.get("MOP_STORE_URL") if on_postgres() else None
    if url is None:
        return hashlib.sha256((data_dir / "policy.db").read_bytes()).hexdigest()
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    digest = hashlib.sha256()
    try:
        with engine.connect() as con:
            for table in sorted(inspect(con).get_table_names()):
                rows = con.execute(text(f'SELECT * FROM "{table}"')).all()
                digest.update(table.encode())
                for row in sorted(repr(tuple(r)) for r in rows):
                    digest.update(row.encode())
    finally:
        engine.dispose()
    return digest.hexdigest()


def pytest_sessionfinish(session, exitstatus) -> None:
    from tests import pg_server

    pg_server.stop_session_server()


@pytest.fixture
def pg_url():
    """The URL of a fresh database (migrated to the head schema) on the session's cluster.

    Skipped with a reason where PostgreSQL is not installed; with MOP_REQUIRE_POSTGRES=1 (CI)
    that is a failure instead.
    """
    from tests import pg_server

    try:
        server = pg_server.session_server()
    except pg_server.PostgresMissing as exc:
        if _postgres_required():
            pytest.fail(f"MOP_REQUIRE_POSTGRES=1 but {exc}")
        pytest.skip(str(exc))
    name = server.fresh_database()
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, app_paths) -> str:
    """The protocol store as a URL, once for each engine: ``sqlite:///…/policy.db`` in the
    test's data folder, or a fresh database on the test PostgreSQL cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{app_paths.policy_db}"
    return request.getfixturevalue("pg_url")
