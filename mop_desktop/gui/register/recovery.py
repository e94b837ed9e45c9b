"""The dialog at start-up when the store cannot be opened (``ui/recovery_dialog.ui``).

``offer_recovery(paths, error) -> bool`` is called by ``gui/shell/app.py`` with the ``StoreError``
(or ``OSError``). It says what is wrong in plain words and, for a damaged store, offers the
newest backup that passes a full check (or any bundle file the clerk chooses). The damaged file
has already been kept aside by ``store.integrity``; it is never used or overwritten here.
Returns True when a backup was restored (the caller opens the store again), False to quit.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from mop_desktop.gui.backup.preview import fill_preview
from mop_desktop.gui.backup.restore import choose_bundle_file
from mop_desktop.gui.forms.ui_recovery_dialog import Ui_RecoveryDialog
from mop_desktop.gui.widgets import messages
from mop_desktop.paths import AppPaths
from mop_desktop.store.backup import BackupError, BundleInfo, describe_bundle
from mop_desktop.store.backup_folder import newest_good_backup, recovery_folders
from mop_desktop.store.restore import restore_bundle

log = logging.getLogger(__name__)

RESTORE, CHOOSE, QUIT = "restore", "choose", "quit"


class RecoveryDialog(QDialog, Ui_RecoveryDialog):
    """Shown before any window exists (no parent), and asked again after each choice of
    file: ``offer_recovery`` owns it and deletes it when the answer is final."""

    def __init__(
        self,
        paths: AppPaths,
        error: BaseException,
        info: BundleInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.paths = paths
        self.info = info
        self.choice = QUIT
        self.problemLabel.setText(str(error))
        self.restoreButton.clicked.connect(lambda: self._answer(RESTORE))
        self.chooseButton.clicked.connect(lambda: self._answer(CHOOSE))
        self.quitButton.clicked.connect(lambda: self._answer(QUIT))
        self.show_backup(info)

    def show_backup(self, info: BundleInfo | None) -> None:
        self.info = info
        fill_preview(self, info)
        self.restoreButton.setEnabled(info is not None)
        if info is not None:
            advice = (
                "The newest good backup is shown below. Restoring it puts back the data as it "
                "was then; the damaged file stays in the kept-aside folder "
                f"({self.paths.kept_aside}) for your IT support."
            )
        else:
            advice = (
                "No good backup was found in the backups folder. If you keep backups elsewhere "
                "(a USB stick), choose one; otherwise ask your IT support, and keep the "
                f"kept-aside folder ({self.paths.kept_aside})."
            )
        self.adviceLabel.setText(advice)

    def _answer(self, choice: str) -> None:
        self.choice = choice
        if choice == QUIT:
            self.reject()
        else:
            self.accept()


def ask(dialog: RecoveryDialog) -> str:
    """Show the dialog and return RESTORE, CHOOSE or QUIT. Tests replace this."""
    dialog.exec()
    return dialog.choice


def offer_recovery(paths: AppPaths, error: BaseException) -> bool:
    from mop_desktop.store.db import DamagedStoreError

    if not isinstance(error, DamagedStoreError):
        # not damage (a newer release's store, a folder that cannot be read): say so plainly
        messages.tell(None, "MOP Desktop cannot open its data", str(error), critical=True)
        return False
    folders = recovery_folders(paths)
    info = newest_good_backup(*folders)
    dialog = RecoveryDialog(paths, error, info)
    try:
        return _answered(paths, dialog)
    finally:
        dialog.deleteLater()


def _answered(paths: AppPaths, dialog: RecoveryDialog) -> bool:
    """Ask until the clerk quits or a backup is restored (True)."""
    while True:
        choice = ask(dialog)
        if choice == QUIT:
            return False
        if choice == CHOOSE:
            path = choose_bundle_file(dialog, paths.backups)
            if path is not None:
                try:
                    dialog.show_backup(describe_bundle(path))
                except BackupError as exc:
                    messages.tell(dialog, "Not a usable backup", str(exc))
            continue
        if dialog.info is None:
            continue
        try:
            result = restore_bundle(paths, Path(dialog.info.path))
        except BackupError as exc:
            messages.tell(dialog, "The backup was not restored", str(exc), critical=True)
            dialog.show_backup(None)
            continue
        log.warning("store restored from %s after damage", result.info.path.name)
        return True
