"""File > Restore from backup...: choose a backup, see what it holds, put it back.

``RestoreDialog`` (``ui/restore_dialog.ui``) lists the automatic backups, newest first, and
accepts any bundle file; choosing one shows its preview from the manifest. ``restore_into_app``
does the restore for a running window: the register is locked, the store's connections are
closed, the bundle is verified and put in place off the UI thread (the current data kept
aside), the restored store is opened once (checked, upgraded if older) and every view is told.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QListWidgetItem,
    QWidget,
)

from mop_desktop.gui.backup.preview import fill_preview, when
from mop_desktop.gui.forms.ui_restore_dialog import Ui_RestoreDialog
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets import messages
from mop_desktop.gui.widgets.operation import EVERYTHING, announce
from mop_desktop.gui.widgets.worker import run_in_background
from mop_desktop.paths import AppPaths
from mop_desktop.store.backup import BackupError, BundleInfo, describe_bundle
from mop_desktop.store.backup_folder import list_backups
from mop_desktop.store.db import Store

log = logging.getLogger(__name__)

BUNDLE_FILTER = "MOP Desktop backups (*.zip);;All files (*)"


def choose_bundle_file(parent: QWidget | None, folder: Path) -> Path | None:
    """The file dialog for a bundle elsewhere (a USB stick). Tests replace this."""
    name, _ = QFileDialog.getOpenFileName(parent, "Choose a backup", str(folder), BUNDLE_FILTER)
    return Path(name) if name else None


class RestoreDialog(QDialog, Ui_RestoreDialog):
    def __init__(self, folder: Path, kept_aside: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setupUi(self)
        self.folder = folder
        self.info: BundleInfo | None = None
        self.noteLabel.setText(
            f"Before the restore, the data as it is now is copied into {kept_aside}."
        )
        ok = self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Restore")
        self.buttonBox.accepted.connect(self.accept)
        self.buttonBox.rejected.connect(self.reject)
        self.backupList.currentItemChanged.connect(self._on_item)
        self.chooseFileButton.clicked.connect(self._choose_file)
        self._fill_list()

    def _fill_list(self) -> None:
        listing = self.backupList
        listing.clear()
        for stamp, path in list_backups(self.folder):
            item = QListWidgetItem(when(stamp))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            listing.addItem(item)
        if listing.count():
            listing.setCurrentRow(0)
        else:
            self.show_bundle(None)
            self.noteLabel.setText(
                f"There are no automatic backups in {self.folder}. Choose a backup file."
            )

    def _on_item(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        self.select(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _choose_file(self) -> None:
        path = choose_bundle_file(self, self.folder)
        if path is not None:
            self.backupList.clearSelection()
            self.select(path)

    def select(self, path: Path) -> None:
        try:
            info = describe_bundle(path)
        except BackupError as exc:
            self.show_bundle(None)
            self.noteLabel.setText(str(exc))
            return
        self.show_bundle(info)

    def show_bundle(self, info: BundleInfo | None) -> None:
        self.info = info
        fill_preview(self, info)
        ok = self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(info is not None)

    def chosen_backup(self) -> BundleInfo | None:
        """Show the dialog until the clerk answers: the chosen backup, or None if they
        cancelled."""
        if self.exec() == QDialog.DialogCode.Accepted:
            return self.info
        return None


def _restore_work(paths: AppPaths, bundle: Path, store: Store | None = None) -> str:
    """The restore itself: the data folder's files put back, or, for a shared store
    (``store`` on a server), the bundle's protocol put into the server in one transaction."""
    from mop_desktop.store.db import open_store
    from mop_desktop.store.restore import restore_bundle

    if store is not None and store.is_server:
        from mop_desktop.store.moving import restore_bundle_into_server

        aside, _info = restore_bundle_into_server(paths, store, bundle)
        return str(aside)
    result = restore_bundle(paths, bundle)
    open_store(paths.policy_db, paths.kept_aside).close()  # checked, upgraded if older
    return str(result.kept_aside or "")


def restore_into_app(
    app: AppContext,
    parent: QWidget | None,
    bundle: Path,
    done: Callable[[bool], None] | None = None,
) -> None:
    """Restore ``bundle`` under a running window and refresh every view."""
    from mop_desktop.gui.register.state import lock_register

    lock_register(app)
    flush = getattr(parent, "flush_pages", None)
    if callable(flush):  # typing not yet saved goes into the data kept aside, and is not
        flush()  # saved later over the restored files
    app.store.reopen()  # no pooled connection may outlive the old file

    def succeeded(kept: str) -> None:
        # a connection opened meanwhile still reads (and would write) the replaced file
        app.store.reopen()
        announce(app, EVERYTHING)
        aside = f" The data as it was has been kept in {kept}." if kept else ""
        app.statusMessage.emit("The backup has been restored.")
        messages.tell(
            parent, "Backup restored", f"The backup has been restored.{aside}", success=True
        )
        if done:
            done(True)

    def failed(exc: BaseException) -> None:
        app.store.reopen()  # the files put back, or the restored ones: read them afresh
        from mop_desktop.store.db import StoreError
        from mop_desktop.store.failures import explain

        if isinstance(exc, BackupError | StoreError):
            text = str(exc)
        else:
            text = explain(exc) or "the restore failed; the details are in the log"
            log.error("restore failed", exc_info=(type(exc), exc, exc.__traceback__))
        messages.tell(parent, "The backup was not restored", text, critical=True)
        if done:
            done(False)

    run_in_background(
        parent,
        lambda: _restore_work(app.paths, bundle, app.store),
        succeeded,
        failed,
        label="Restoring the backup...",
    )
