# Compiled from ui/crash_dialog.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
    QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_CrashDialog(object):
    def setupUi(self, CrashDialog: QDialog) -> None:
        if not CrashDialog.objectName():
            CrashDialog.setObjectName(u"CrashDialog")
        CrashDialog.resize(640, 440)
        self.verticalLayout = QVBoxLayout(CrashDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.headingLabel = QLabel(CrashDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        font = QFont()
        font.setPointSize(12)
        font.setBold(True)
        self.headingLabel.setFont(font)
        self.headingLabel.setTextFormat(Qt.PlainText)
        self.headingLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.headingLabel)

        self.messageLabel = QLabel(CrashDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setTextFormat(Qt.PlainText)
        self.messageLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.messageLabel)

        self.detailsEdit = QPlainTextEdit(CrashDialog)
        self.detailsEdit.setObjectName(u"detailsEdit")
        self.detailsEdit.setReadOnly(True)
        self.detailsEdit.setLineWrapMode(QPlainTextEdit.NoWrap)

        self.verticalLayout.addWidget(self.detailsEdit)

        self.logLabel = QLabel(CrashDialog)
        self.logLabel.setObjectName(u"logLabel")
        self.logLabel.setTextFormat(Qt.PlainText)
        self.logLabel.setWordWrap(True)
        self.logLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)

        self.verticalLayout.addWidget(self.logLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.copyButton = QPushButton(CrashDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.buttonRow.addWidget(self.copyButton)

        self.openLogFolderButton = QPushButton(CrashDialog)
        self.openLogFolderButton.setObjectName(u"openLogFolderButton")

        self.buttonRow.addWidget(self.openLogFolderButton)

        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.buttonBox = QDialogButtonBox(CrashDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.buttonRow.addWidget(self.buttonBox)


        self.verticalLayout.addLayout(self.buttonRow)


        self.retranslateUi(CrashDialog)
        self.buttonBox.rejected.connect(CrashDialog.reject)
    # setupUi

    def retranslateUi(self, CrashDialog: QDialog) -> None:
        CrashDialog.setWindowTitle(QCoreApplication.translate("CrashDialog", u"MOP Desktop: something went wrong", None))
        self.headingLabel.setText(QCoreApplication.translate("CrashDialog", u"MOP Desktop met an error it did not expect.", None))
        self.messageLabel.setText(QCoreApplication.translate("CrashDialog", u"What was saved before the error is safe: every save is complete or not made at all. The details below describe where in the program the error happened; they hold no text from the concern register. Copy them into an email to your IT support if the error comes back.", None))
#if QT_CONFIG(accessibility)
        self.detailsEdit.setAccessibleName(QCoreApplication.translate("CrashDialog", u"Error details", None))
#endif // QT_CONFIG(accessibility)
        self.logLabel.setText(QCoreApplication.translate("CrashDialog", u"The log is kept in:", None))
        self.copyButton.setText(QCoreApplication.translate("CrashDialog", u"&Copy details", None))
        self.openLogFolderButton.setText(QCoreApplication.translate("CrashDialog", u"&Open log folder", None))
    # retranslateUi

