"""Help menu dialogs: About MOP Desktop (``ui/about_dialog.ui``) and the data and log folders
(``ui/folders_dialog.ui``). Build with ``about_dialog``/``folders_dialog``; ``show_*`` runs them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from mop_desktop import __version__
from mop_desktop.gui.widgets.uiloader import UiForm, load_ui
from mop_desktop.paths import AppPaths


def about_dialog(parent: QWidget | None) -> QDialog:
    dialog = load_ui("about_dialog", parent)
    assert isinstance(dialog, QDialog)
    form = UiForm(dialog)
    form.versionLabel.setText(f"Version {__version__}")
    icon = QGuiApplication.windowIcon()
    if not icon.isNull():
        form.iconLabel.setPixmap(icon.pixmap(96, 96))
    return dialog


def log_file_for(paths: AppPaths, log_path: Path | None) -> Path:
    """The log file in use, or where it would be."""
    if log_path is not None:
        return log_path
    from mop_desktop.log import LOG_NAME, log_dir

    return log_dir(paths) / LOG_NAME


def folders_dialog(parent: QWidget | None, paths: AppPaths, log_path: Path | None) -> QDialog:
    dialog = load_ui("folders_dialog", parent)
    assert isinstance(dialog, QDialog)
    form = UiForm(dialog)
    log_file = log_file_for(paths, log_path)
    form.dataFolderEdit.setText(str(paths.data))
    form.logFileEdit.setText(str(log_file))
    form.openDataButton.clicked.connect(lambda: _open_folder(paths.data))
    form.openLogButton.clicked.connect(lambda: _open_folder(log_file.parent))
    return dialog


def _open_folder(folder: Path) -> None:
    if folder.is_dir():
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_about(parent: QWidget | None) -> None:
    about_dialog(parent).exec()


def show_folders(parent: QWidget | None, paths: AppPaths, log_path: Path | None) -> None:
    folders_dialog(parent, paths, log_path).exec()
