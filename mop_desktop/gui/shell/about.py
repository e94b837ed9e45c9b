"""Help menu dialogs: About MOP Desktop (``ui/about_dialog.ui``) and the data and log folders
(``ui/folders_dialog.ui``). Both are deleted when closed; ``show_*`` opens them over the
window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from mop_desktop import __version__
from mop_desktop.gui.forms.ui_about_dialog import Ui_AboutDialog
from mop_desktop.gui.forms.ui_folders_dialog import Ui_FoldersDialog
from mop_desktop.log import LOG_NAME, log_dir
from mop_desktop.paths import AppPaths


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = Ui_AboutDialog()
        self.form.setupUi(self)
        self.form.versionLabel.setText(f"Version {__version__}")
        icon = QGuiApplication.windowIcon()
        if not icon.isNull():
            self.form.iconLabel.setPixmap(icon.pixmap(96, 96))


def log_file_for(paths: AppPaths, log_path: Path | None) -> Path:
    """The log file in use, or where it would be."""
    if log_path is not None:
        return log_path
    return log_dir(paths) / LOG_NAME


class FoldersDialog(QDialog):
    def __init__(self, parent: QWidget | None, paths: AppPaths, log_path: Path | None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = Ui_FoldersDialog()
        self.form.setupUi(self)
        log_file = log_file_for(paths, log_path)
        self.form.dataFolderEdit.setText(str(paths.data))
        self.form.logFileEdit.setText(str(log_file))
        self.form.openDataButton.clicked.connect(lambda: _open_folder(paths.data))
        self.form.openLogButton.clicked.connect(lambda: _open_folder(log_file.parent))


def _open_folder(folder: Path) -> None:
    if folder.is_dir():
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_about(parent: QWidget | None) -> None:
    AboutDialog(parent).exec()


def show_folders(parent: QWidget | None, paths: AppPaths, log_path: Path | None) -> None:
    FoldersDialog(parent, paths, log_path).exec()
