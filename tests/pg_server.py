"""A throwaway PostgreSQL cluster for the tests: one per test session, on a Unix socket.

``PgServer.start()`` runs ``initdb`` into a temporary folder (as the ``postgres`` user when
the tests run as root, since initdb refuses root), starts the postmaster listening on a Unix
socket only (``listen_addresses=''``, fsync off: the cluster is thrown away), migrates one
template database and hands each test a fresh database copied from it
(``CREATE DATABASE ... TEMPLATE``, much quicker than migrating again).

The cluster is stopped and its folder removed when the session ends, and also when the test
process dies without ending it (killed, crashed): a small watchdog process holds the read end
of a pipe from the tests and, when that pipe closes, kills the postmaster and removes the
folder.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The template every test database is copied from (migrated to the head revision).
TEMPLATE = "mop_template"
#: The one login that must give a password (``pg_hba.conf``); tests create it as they need.
PASSWORD_USER = "clerk_pw"


class PostgresMissing(Exception):
    """PostgreSQL's server programs are not installed on this machine."""


def find_bindir() -> Path:
    """The folder holding initdb, pg_ctl and postgres (Debian keeps them off the PATH)."""
    env = os.environ.get("MOP_PG_BINDIR")
    candidates = [env] if env else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    which = shutil.which("initdb")
    if which:
        candidates.append(str(Path(which).resolve().parent))
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    raise PostgresMissing("PostgreSQL server programs (initdb, pg_ctl) are not installed")


_WATCHDOG = r"""
import os, shutil, signal, sys, time
data, base = sys.argv[1], sys.argv[2]
sys.stdin.read()  # returns when the tests' end of the pipe closes, however they ended
try:
    with open(os.path.join(data, "postmaster.pid")) as f:
        pid = int(f.readline())
    os.kill(pid, signal.SIGQUIT)  # immediate shutdown
    for _ in range(100):
        os.kill(pid, 0)
        time.sleep(0.05)
except (OSError, ValueError):
    pass
shutil.rmtree(base, ignore_errors=True)
"""


class PgServer:
    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.base = Path(tempfile.mkdtemp(prefix="mop-pg-"))  # short: sockets have a length limit
        self.data = self.base / "data"
        self.socket_dir = self.base / "socket"
        self._names = itertools.count(1)
        self._watchdog: subprocess.Popen[bytes] | None = None
        self.started = False

    # -- running the server's programs as the right user ------------------------------------
    def _as_owner(self, argv: list[str]) -> list[str]:
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *argv]
        return argv

    def _run(self, argv: list[str]) -> None:
        result = subprocess.run(
            self._as_owner(argv), capture_output=True, text=True, timeout=120, cwd=self.base
        )
        if result.returncode != 0:
            raise RuntimeError(f"{argv[0]} failed: {result.stderr.strip() or result.stdout}")

    def start(self) -> PgServer:
        self.socket_dir.mkdir()
        if os.geteuid() == 0:
            import pwd

            owner = pwd.getpwnam("postgres")
            for folder in (self.base, self.socket_dir):
                os.chown(folder, owner.pw_uid, owner.pw_gid)
        self._run(
            [
                str(self.bindir / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )
        # one login that must give a password (the tests of passwords); trust for the rest
        hba = self.data / "pg_hba.conf"
        hba.write_text(f"local all {PASSWORD_USER} scram-sha-256\nlocal all all trust\n")
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, str(self.data), str(self.base)],
            stdin=subprocess.PIPE,
            start_new_session=True,
        )
        options = (
            f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            [
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.base / "server.log"),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ]
        )
        self.started = True
        return self

    def stop(self) -> None:
        if self.started:
            self.started = False
            try:
                self._run(
                    [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]
                )
            except (RuntimeError, subprocess.TimeoutExpired):
                self._kill_postmaster()
        if self._watchdog is not None:
            assert self._watchdog.stdin is not None
            self._watchdog.stdin.close()  # the watchdog removes the folder and ends
            try:
                self._watchdog.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._watchdog.kill()
            self._watchdog = None
        shutil.rmtree(self.base, ignore_errors=True)

    def _kill_postmaster(self) -> None:
        try:
            pid = int((self.data / "postmaster.pid").read_text().split()[0])
            os.kill(pid, signal.SIGKILL)
        except (OSError, ValueError, IndexError):
            pass

    # -- databases --------------------------------------------------------------------------
    def url(self, database: str, user: str = "postgres") -> str:
        """The SQLAlchemy URL of ``database`` on this cluster (no password: trust on the socket)."""
        return f"postgresql+psycopg://{user}@/{database}?host={self.socket_dir}"

    def admin(self, *statements: str) -> None:
        """Run statements outside a transaction (CREATE/DROP DATABASE) as the superuser."""
        import psycopg

        with psycopg.connect(
            host=str(self.socket_dir), dbname="postgres", user="postgres", autocommit=True
        ) as con:
            for statement in statements:
                con.execute(statement)  # type: ignore[arg-type]

    def make_template(self) -> None:
        """Create the migrated template every test database is copied from."""
        self.admin(f"CREATE DATABASE {TEMPLATE}")
        migrate(self.url(TEMPLATE))

    def fresh_database(self) -> str:
        """A new empty-but-migrated database; returns its name."""
        name = f"t{os.getpid()}_{next(self._names)}"
        for attempt in range(50):
            try:
                self.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
                return name
            except Exception as exc:  # the template is briefly in use by another copy
                if "being accessed by other users" not in str(exc) or attempt == 49:
                    raise
                time.sleep(0.1)
        raise AssertionError("unreachable")

    def drop_database(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def migrate(url: str) -> None:
    """Bring the database at ``url`` to the head schema, the way the app opens a store."""
    from sqlalchemy import text

    from mop_desktop.store.anchor import STORE_ID_KEY
    from mop_desktop.store.db import open_store

    store = open_store(url)
    with store.engine.begin() as connection:  # each copy gets an identity of its own
        connection.execute(text("DELETE FROM setting WHERE key = :k"), {"k": STORE_ID_KEY})
    store.close()


_server: PgServer | None = None
_failure: str | None = None


def session_server() -> PgServer:
    """The session's cluster, started (and its template migrated) on first use.

    Raises PostgresMissing when the programs are not installed; any other failure to start
    is raised again on every later call, with the first failure's message.
    """
    global _server, _failure
    if _server is not None:
        return _server
    if _failure is not None:
        raise RuntimeError(_failure)
    try:
        server = PgServer()
    except PostgresMissing:
        raise
    try:
        server.start()
        server.make_template()
    except Exception as exc:
        server.stop()
        _failure = f"the test PostgreSQL cluster did not start: {exc}"
        raise RuntimeError(_failure) from exc
    _server = server
    return server


def stop_session_server() -> None:
    global _server
    if _server is not None:
        _server.stop()
        _server = None
