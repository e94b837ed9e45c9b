"""Backups from the window: automatic, on demand, and the restore.

``install(app, window)`` adds File > "Back up now" and "Restore from backup...", a status-bar
indicator of the last backup's age (a warning when none is recent), and automatic backups:
at most every 30 minutes while something changed (the AppContext signals say so), and when the
window closes after a change. Every backup runs off the UI thread (``gui/widgets/worker``); an
automatic backup that fails says so in the status bar and the indicator, never in a pop-up.
When the register is unlocked its data key is copied for the backup thread (online, checked
copy) and wiped afterwards; when it is locked its encrypted file is copied as it is.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from mop_desktop.gui.register.state import unlocked_register
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets import messages
from mop_desktop.gui.widgets.messages import counted
from mop_desktop.gui.widgets.worker import run_in_background
from mop_desktop.store.backup_folder import RECENT, backup_age, backup_now, backups_folder

log = logging.getLogger(__name__)

INTERVAL_MS = 30 * 60 * 1000
AGE_REFRESH_MS = 60 * 1000


def describe_age(
    age: dt.timedelta | None, in_use_for: dt.timedelta | None = None
) -> tuple[str, bool]:
    """The indicator's text and whether it is a warning. With no backup yet it is a warning
    only once the data has been in use for longer than a backup may be old (``in_use_for``):
    a new install is not in trouble in its first minutes."""
    if age is None:
        if in_use_for is not None and in_use_for > RECENT:
            return "No backup yet: back up now", True
        return "No backup yet", False
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 1:
        text = "Backed up just now"
    elif minutes < 60:
        text = f"Backed up {counted(minutes, 'minute')} ago"
    elif minutes < 48 * 60:
        text = f"Backed up {counted(minutes // 60, 'hour')} ago"
    else:
        text = f"Backed up {counted(minutes // (24 * 60), 'day')} ago"
    warning = age > RECENT
    if warning:
        text = f"Last backup {counted(minutes // (24 * 60), 'day')} ago: back up now"
    return text, warning


#: what each check looked at, in a clerk's words
_CHECKED = {
    "policy.db": "the protocol and its history",
    "adoption history": "the adoption history",
    "register.key": "the concern register's key file",
    "register.db": "the concern register",
}


def check_report(findings: list[object]) -> str:
    """The result of "Check the data" as a clerk would say it: a first line on the whole, then
    each check (problems with the file at fault and what to do)."""
    by_name = {getattr(f, "name", ""): f for f in findings}
    oks = {name: getattr(f, "ok", None) for name, f in by_name.items()}
    problems = [f for f in findings if getattr(f, "ok", None) is False]
    register = oks.get("register.db", "absent")
    if problems:
        head = (
            f"{counted(len(problems), 'check')} found a problem: "
            "see below and restore the newest backup if the protocol or register is damaged."
        )
    elif register is True:
        head = "The protocol, its history and the concern register are all readable and complete."
    elif register is None:
        head = (
            "The protocol and its history are readable and complete. The concern register "
            "was not checked: it is locked (unlock it on the Concerns page to check it too)."
        )
    else:
        head = "The protocol and its history are readable and complete."
    lines = [head, ""]
    for finding in findings:
        name, ok = getattr(finding, "name", ""), getattr(finding, "ok", None)
        what = _CHECKED.get(name, name)
        what = what[:1].upper() + what[1:]
        if ok is False:
            lines.append(f"Problem: {getattr(finding, 'message', '')}")
        elif ok is None:
            lines.append(f"{what}: not checked.")
        elif name == "adoption history":
            lines.append(messages.full_sentence(str(getattr(finding, "message", ""))))
        else:
            lines.append(f"{what}: readable and complete.")
    return "\n".join(lines)


def _register_key_copy(app: AppContext) -> bytearray | None:
    """A copy of the unlocked register's data key (the caller wipes it), or None."""
    service = unlocked_register(app)
    return service.key_copy() if service is not None else None


class BackupActions(QObject):
    def __init__(self, app: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.app = app
        self.window = window
        self.running = False
        self.changes = 0  # changes since the last backup started
        self.last_error: str | None = None
        self.folder = backups_folder(app.paths, app.store)
        self.dirty = backup_age(self.folder) is None

        self.backupAction = QAction("&Back up now", window)
        self.backupAction.setObjectName("actionBackUpNow")
        self.backupAction.setStatusTip("Make a checked copy of all the data in the backups folder")
        self.backupAction.triggered.connect(lambda: self.back_up(manual=True))
        self.restoreAction = QAction("&Restore from backup...", window)
        self.restoreAction.setObjectName("actionRestoreFromBackup")
        self.restoreAction.triggered.connect(self.restore)
        self.folderAction = QAction("Backups &folder...", window)
        self.folderAction.setObjectName("actionBackupsFolder")
        self.folderAction.setStatusTip("Choose where backups are kept (a USB stick, say)")
        self.folderAction.triggered.connect(self.choose_folder)
        self.checkAction = QAction("&Check the data", window)
        self.checkAction.setObjectName("actionCheckTheData")
        self.checkAction.setStatusTip("Check the stores, the adoption history and the register")
        self.checkAction.triggered.connect(self.check_data)
        add = getattr(window, "add_file_action", None)
        separator = QAction(window)
        separator.setSeparator(True)
        for action in (
            separator,
            self.backupAction,
            self.restoreAction,
            self.folderAction,
            self.checkAction,
        ):
            if callable(add):
                add(action)
            else:
                window.menuBar().addAction(action)

        self.indicator = QLabel(window)
        self.indicator.setObjectName("backupIndicator")
        self.indicator.setTextFormat(Qt.TextFormat.PlainText)
        window.statusBar().addPermanentWidget(self.indicator)

        app.changed.connect(self.mark_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.on_timer)
        self.timer.start()
        self.ageTimer = QTimer(self)
        self.ageTimer.setInterval(AGE_REFRESH_MS)
        self.ageTimer.timeout.connect(self.refresh_indicator)
        self.ageTimer.start()
        window.installEventFilter(self)
        instance = QApplication.instance()
        if instance is not None:  # quitting without closing the window (logging off)
            instance.aboutToQuit.connect(self.on_quit)
        self.refresh_indicator()

    # -- state --------------------------------------------------------------------------------
    def mark_changed(self, *_kinds: object) -> None:
        self.dirty = True
        self.changes += 1

    def in_use_for(self) -> dt.timedelta:
        """How long this data folder has been used from this computer (first seen kept in
        QSettings under a digest of the folder's path: nothing confidential)."""
        import hashlib

        digest = hashlib.sha256(str(self.app.paths.data).encode("utf-8")).hexdigest()[:16]
        key = f"backup/first_seen/{digest}"
        settings = QSettings()
        now = dt.datetime.now()
        try:
            first = dt.datetime.fromisoformat(str(settings.value(key, "")))
        except ValueError:
            first = now
            settings.setValue(key, now.isoformat(timespec="seconds"))
        return max(dt.timedelta(0), now - first)

    def refresh_indicator(self) -> None:
        text, warning = describe_age(backup_age(self.folder), self.in_use_for())
        if self.last_error:
            text, warning = f"Backup failed: {self.last_error}", True
        self.indicator.setText(text)
        self.indicator.setToolTip(f"Backups folder: {self.folder}")
        self.indicator.setProperty("warning", warning)
        self.indicator.setStyleSheet("color: #c62828; font-weight: bold;" if warning else "")

    def on_timer(self) -> None:
        if self.dirty:
            self.back_up()

    # -- backing up ---------------------------------------------------------------------------
    def back_up(self, manual: bool = False, on_done: object = None) -> bool:
        """Start a backup in the background; False if one is already running."""
        if self.running:
            if manual:
                self.app.statusMessage.emit("A backup is already being made.")
            return False
        self.running = True
        self.folder = backups_folder(self.app.paths, self.app.store)
        changes_at_start = self.changes
        paths, folder, store = self.app.paths, self.folder, self.app.store
        key = _register_key_copy(self.app)

        def work() -> Path:
            from mop_desktop.store.vault import zero

            try:
                return backup_now(paths, folder, key, manual=manual, source=store)
            finally:
                zero(key)

        def succeeded(path: Path) -> None:
            self.running = False
            self.last_error = None
            if self.changes == changes_at_start:
                self.dirty = False
            self.refresh_indicator()
            self.app.statusMessage.emit(f"Backed up to {path}")
            if callable(on_done):
                on_done()

        def failed(exc: BaseException) -> None:
            from mop_desktop.store.backup import BackupError
            from mop_desktop.store.failures import explain

            self.running = False
            if isinstance(exc, BackupError):
                text = str(exc)
            else:
                text = explain(exc) or "an unexpected error; the details are in the log"
                log.error("backup failed", exc_info=(type(exc), exc, exc.__traceback__))
            self.last_error = text
            self.refresh_indicator()
            self.app.statusMessage.emit(f"The backup failed: {text}")
            if manual:
                messages.tell(self.window, "The backup failed", text, critical=True)
            if callable(on_done):
                on_done()

        label = "Making a backup..." if manual else None
        run_in_background(self.window, work, succeeded, failed, label=label)
        return True

    def back_up_and_wait(self) -> None:
        """A backup before closing: the window stays painted while it runs."""
        loop = QEventLoop()
        if self.back_up(on_done=loop.quit):
            loop.exec()

    def on_quit(self) -> None:
        """The last chance: a backup made here and now if something changed since the last."""
        if not self.dirty or self.running:
            return
        flush = getattr(self.window, "flush_pages", None)
        try:
            if callable(flush):
                flush()
            backup_now(
                self.app.paths,
                backups_folder(self.app.paths, self.app.store),
                source=self.app.store,
            )
            self.dirty = False
        except Exception:  # quitting goes on; the log says why there was no backup
            log.exception("the backup on quitting failed")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.window and event.type() == QEvent.Type.Close and self.dirty:
            flush = getattr(self.window, "flush_pages", None)
            if callable(flush):
                flush()  # what the pages hold goes into this backup
            self.back_up_and_wait()
        return False

    # -- the folder and the checks -------------------------------------------------------------
    def choose_folder(self) -> None:
        from mop_desktop.services.backup_settings import set_backups_folder

        chosen = choose_backups_folder(self.window, self.folder)
        if chosen is None:
            return
        problem = folder_problem(chosen)
        if problem:
            messages.tell(self.window, "Backups folder", problem)
            return
        set_backups_folder(self.app.store, self.app.paths, chosen)
        self.folder = chosen
        self.dirty = True  # the next automatic backup goes there
        self.refresh_indicator()
        self.app.statusMessage.emit(f"Backups will be kept in {chosen}")

    def check_data(self) -> None:
        from mop_desktop.services.store_checks import check_all

        paths, store = self.app.paths, self.app.store
        key = _register_key_copy(self.app)

        def work() -> list[object]:
            from mop_desktop.store.vault import zero

            try:
                return list(check_all(paths, store, key))
            finally:
                zero(key)

        def succeeded(findings: list[object]) -> None:
            failed = any(getattr(f, "ok", None) is False for f in findings)
            title = "The data has a problem" if failed else "Check the data"
            messages.tell(
                self.window, title, check_report(findings), critical=failed, success=not failed
            )

        def failed(exc: BaseException) -> None:
            log.error("the check failed", exc_info=(type(exc), exc, exc.__traceback__))
            messages.tell(
                self.window, "Check the data", f"The check could not run: {exc}", critical=True
            )

        run_in_background(self.window, work, succeeded, failed, label="Checking the data...")

    # -- restoring ----------------------------------------------------------------------------
    def restore(self) -> None:
        from mop_desktop.gui.backup.restore import RestoreDialog, restore_into_app

        if self.running:
            messages.tell(
                self.window, "Restore from backup", "A backup is being made; try again in a moment."
            )
            return
        info = RestoreDialog(self.folder, self.app.paths.kept_aside, self.window).chosen_backup()
        if info is None:
            return
        question = (
            f"Put back the backup of {info.created:%d/%m/%Y %H:%M}? Everything changed since "
            "then is replaced; the data as it is now is kept aside first."
        )
        if not messages.confirm(self.window, "Restore from backup", question, "Restore"):
            return

        def done(ok: bool) -> None:
            self.dirty = False
            self.refresh_indicator()

        restore_into_app(self.app, self.window, info.path, done)


def choose_backups_folder(parent: QMainWindow, current: Path) -> Path | None:
    """The folder dialog. Tests replace this."""
    from PySide6.QtWidgets import QFileDialog

    name = QFileDialog.getExistingDirectory(parent, "Keep backups in", str(current))
    return Path(name) if name else None


def folder_problem(folder: Path) -> str | None:
    """Why backups cannot be written to ``folder``, or None."""
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return f"Backups cannot be written to {folder}: {exc.strerror or exc}"
    return None


def install(app: AppContext, window: QMainWindow) -> None:
    window.backup_actions = BackupActions(app, window)  # type: ignore[attr-defined]
