# Compiled from ui/register_retention.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_RegisterRetentionDialog(object):
    def setupUi(self, RegisterRetentionDialog: QDialog) -> None:
        if not RegisterRetentionDialog.objectName():
            RegisterRetentionDialog.setObjectName(u"RegisterRetentionDialog")
        RegisterRetentionDialog.resize(560, 380)
        self.retentionLayout = QVBoxLayout(RegisterRetentionDialog)
        self.retentionLayout.setObjectName(u"retentionLayout")
        self.introLabel = QLabel(RegisterRetentionDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.PlainText)
        self.introLabel.setWordWrap(True)

        self.retentionLayout.addWidget(self.introLabel)

        self.dueList = QListWidget(RegisterRetentionDialog)
        self.dueList.setObjectName(u"dueList")

        self.retentionLayout.addWidget(self.dueList)

        self.tracesLabel = QLabel(RegisterRetentionDialog)
        self.tracesLabel.setObjectName(u"tracesLabel")
        self.tracesLabel.setTextFormat(Qt.PlainText)
        self.tracesLabel.setWordWrap(True)

        self.retentionLayout.addWidget(self.tracesLabel)

        self.retentionButtons = QHBoxLayout()
        self.retentionButtons.setObjectName(u"retentionButtons")
        self.deleteButton = QPushButton(RegisterRetentionDialog)
        self.deleteButton.setObjectName(u"deleteButton")

        self.retentionButtons.addWidget(self.deleteButton)

        self.buttonBox = QDialogButtonBox(RegisterRetentionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.retentionButtons.addWidget(self.buttonBox)


        self.retentionLayout.addLayout(self.retentionButtons)


        self.retranslateUi(RegisterRetentionDialog)
    # setupUi

    def retranslateUi(self, RegisterRetentionDialog: QDialog) -> None:
        RegisterRetentionDialog.setWindowTitle(QCoreApplication.translate("RegisterRetentionDialog", u"Retention review", None))
        self.deleteButton.setText(QCoreApplication.translate("RegisterRetentionDialog", u"&Delete for good\u2026", None))
    # retranslateUi

