# Compiled from ui/folders_dialog.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
# ruff: noqa
# mypy: ignore-errors
# (the widgets' types are still inferred: ``form.dateEdit`` is a QLineEdit)
from __future__ import annotations

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QGridLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_FoldersDialog(object):
    def setupUi(self, FoldersDialog: QDialog) -> None:
        if not FoldersDialog.objectName():
            FoldersDialog.setObjectName(u"FoldersDialog")
        FoldersDialog.resize(620, 170)
        self.foldersLayout = QVBoxLayout(FoldersDialog)
        self.foldersLayout.setObjectName(u"foldersLayout")
        self.introLabel = QLabel(FoldersDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.PlainText)
        self.introLabel.setWordWrap(True)

        self.foldersLayout.addWidget(self.introLabel)

        self.foldersGrid = QGridLayout()
        self.foldersGrid.setObjectName(u"foldersGrid")
        self.dataLabel = QLabel(FoldersDialog)
        self.dataLabel.setObjectName(u"dataLabel")

        self.foldersGrid.addWidget(self.dataLabel, 0, 0, 1, 1)

        self.dataFolderEdit = QLineEdit(FoldersDialog)
        self.dataFolderEdit.setObjectName(u"dataFolderEdit")
        self.dataFolderEdit.setReadOnly(True)

        self.foldersGrid.addWidget(self.dataFolderEdit, 0, 1, 1, 1)

        self.openDataButton = QPushButton(FoldersDialog)
        self.openDataButton.setObjectName(u"openDataButton")

        self.foldersGrid.addWidget(self.openDataButton, 0, 2, 1, 1)

        self.logLabel = QLabel(FoldersDialog)
        self.logLabel.setObjectName(u"logLabel")

        self.foldersGrid.addWidget(self.logLabel, 1, 0, 1, 1)

        self.logFileEdit = QLineEdit(FoldersDialog)
        self.logFileEdit.setObjectName(u"logFileEdit")
        self.logFileEdit.setReadOnly(True)

        self.foldersGrid.addWidget(self.logFileEdit, 1, 1, 1, 1)

        self.openLogButton = QPushButton(FoldersDialog)
        self.openLogButton.setObjectName(u"openLogButton")

        self.foldersGrid.addWidget(self.openLogButton, 1, 2, 1, 1)


        self.foldersLayout.addLayout(self.foldersGrid)

        self.foldersSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.foldersLayout.addItem(self.foldersSpacer)

        self.buttonBox = QDialogButtonBox(FoldersDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.foldersLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dataLabel.setBuddy(self.dataFolderEdit)
        self.logLabel.setBuddy(self.logFileEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FoldersDialog)
        self.buttonBox.rejected.connect(FoldersDialog.reject)
    # setupUi

    def retranslateUi(self, FoldersDialog: QDialog) -> None:
        FoldersDialog.setWindowTitle(QCoreApplication.translate("FoldersDialog", u"Data and log folders", None))
        self.introLabel.setText(QCoreApplication.translate("FoldersDialog", u"MOP Desktop keeps everything in the data folder: the protocol store, the encrypted concern register and its key file, backups and copies kept aside. The log records what the app did, never the text of a concern.", None))
        self.dataLabel.setText(QCoreApplication.translate("FoldersDialog", u"&Data folder:", None))
        self.openDataButton.setText(QCoreApplication.translate("FoldersDialog", u"Open", None))
        self.logLabel.setText(QCoreApplication.translate("FoldersDialog", u"&Log file:", None))
        self.openLogButton.setText(QCoreApplication.translate("FoldersDialog", u"Open folder", None))
    # retranslateUi

