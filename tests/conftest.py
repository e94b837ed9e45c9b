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


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder that every part of the app (and any subprocess) will use."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("MOP_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return folder


@pytest.fixture
def app_paths(data_dir: Path):
    from mop_desktop.paths import resolve_paths

    return resolve_paths(data_dir)


@pytest.fixture
def store(app_paths):
    from mop_desktop.store.db import open_store

    s = open_store(app_paths.policy_db, app_paths.kept_aside)
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
