"""One window per data folder: a lock file plus a local socket to bring the first to the front.

``SingleInstance(paths).acquire()`` takes ``paths.lock_file`` with ``QLockFile`` (a lock left by a
killed process is recognised by its dead process id and taken over) and starts a
``QLocalServer``; ``activated`` is emitted when a second start asks for the window.
``notify_running()`` is what the second start calls instead: it asks the first to come to the
front and answers whether it did. The command line never takes this lock, so it keeps working
beside an open window (SQLite's own locking keeps them apart).
"""

from __future__ import annotations

import hashlib
import time

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from mop_desktop.paths import AppPaths

_ASK = b"show\n"
_ANSWER = b"ok\n"


def server_name(paths: AppPaths) -> str:
    """A local socket name unique to the data folder (the folder's path, hashed)."""
    digest = hashlib.sha256(str(paths.data).encode("utf-8")).hexdigest()[:16]
    return f"mop-desktop-{digest}"


class SingleInstance(QObject):
    activated = Signal()  # a second start asked for this window

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.name = server_name(paths)
        self._lock = QLockFile(str(paths.lock_file))
        # The app holds the lock for hours: only a dead owner makes it stale, never its age.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    # -- the first start ---------------------------------------------------------------------
    def acquire(self) -> bool:
        """Take the data folder for this process. False when another live process holds it.

        Raises ``OSError`` when the folder or its lock file cannot be written at all."""
        self.paths.ensure()
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            raise PermissionError(f"the data folder {self.paths.data} cannot be written to")
        QLocalServer.removeServer(self.name)  # a socket left by a killed process
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_connection)
        server.listen(self.name)
        self._server = server
        return True

    def holder_pid(self) -> int | None:
        """The process id written in the lock file, if it can be read."""
        info = self._lock.getLockInfo()  # PySide6: (pid, hostname, appname)
        pid = info[0] if isinstance(info, tuple) and info else 0
        return int(pid) if isinstance(pid, int) and pid > 0 else None

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_ask(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_ask(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(_ASK.strip()):
            self.activated.emit()
            socket.write(_ANSWER)
            socket.flush()

    # -- the second start --------------------------------------------------------------------
    def notify_running(self, timeout_ms: int = 10000) -> bool:
        """Ask the process holding the lock to show its window; True when it answered."""
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(500):
                break
            if time.monotonic() >= deadline:  # the first start may still be opening its store
                return False
            time.sleep(0.1)
        socket.write(_ASK)
        answered = socket.waitForBytesWritten(1000) and socket.waitForReadyRead(
            max(500, int((deadline - time.monotonic()) * 1000))
        )
        reply = bytes(socket.readAll().data()) if answered else b""
        socket.disconnectFromServer()
        return reply.startswith(_ANSWER.strip())
