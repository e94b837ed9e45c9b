# Compiled from ui/sealed_dialog.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_SealedDialog(object):
    def setupUi(self, SealedDialog: QDialog) -> None:
        if not SealedDialog.objectName():
            SealedDialog.setObjectName(u"SealedDialog")
        SealedDialog.resize(640, 520)
        self.sealedLayout = QVBoxLayout(SealedDialog)
        self.sealedLayout.setObjectName(u"sealedLayout")
        self.bannerLabel = QLabel(SealedDialog)
        self.bannerLabel.setObjectName(u"bannerLabel")
        self.bannerLabel.setTextFormat(Qt.PlainText)
        self.bannerLabel.setWordWrap(True)

        self.sealedLayout.addWidget(self.bannerLabel)

        self.caseText = QPlainTextEdit(SealedDialog)
        self.caseText.setObjectName(u"caseText")
        self.caseText.setReadOnly(True)

        self.sealedLayout.addWidget(self.caseText)

        self.sealedFilesLabel = QLabel(SealedDialog)
        self.sealedFilesLabel.setObjectName(u"sealedFilesLabel")

        self.sealedLayout.addWidget(self.sealedFilesLabel)

        self.sealedFileList = QListWidget(SealedDialog)
        self.sealedFileList.setObjectName(u"sealedFileList")
        self.sealedFileList.setMaximumHeight(110)

        self.sealedLayout.addWidget(self.sealedFileList)

        self.sealedButtons = QHBoxLayout()
        self.sealedButtons.setObjectName(u"sealedButtons")
        self.openSealedFileButton = QPushButton(SealedDialog)
        self.openSealedFileButton.setObjectName(u"openSealedFileButton")

        self.sealedButtons.addWidget(self.openSealedFileButton)

        self.sealedSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sealedButtons.addItem(self.sealedSpacer)

        self.buttonBox = QDialogButtonBox(SealedDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.sealedButtons.addWidget(self.buttonBox)


        self.sealedLayout.addLayout(self.sealedButtons)

#if QT_CONFIG(shortcut)
        self.sealedFilesLabel.setBuddy(self.sealedFileList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SealedDialog)
    # setupUi

    def retranslateUi(self, SealedDialog: QDialog) -> None:
        SealedDialog.setWindowTitle(QCoreApplication.translate("SealedDialog", u"Sealed concern", None))
        self.bannerLabel.setText(QCoreApplication.translate("SealedDialog", u"Open for the chair of the personnel committee. Close this window before leaving the computer.", None))
#if QT_CONFIG(accessibility)
        self.caseText.setAccessibleName(QCoreApplication.translate("SealedDialog", u"The sealed concern", None))
#endif // QT_CONFIG(accessibility)
        self.sealedFilesLabel.setText(QCoreApplication.translate("SealedDialog", u"&Attachments:", None))
        self.openSealedFileButton.setText(QCoreApplication.translate("SealedDialog", u"&Open attachment", None))
    # retranslateUi

