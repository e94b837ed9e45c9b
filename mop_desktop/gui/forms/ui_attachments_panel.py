# Compiled from ui/attachments_panel.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_AttachmentsPanel(object):
    def setupUi(self, AttachmentsPanel: QWidget) -> None:
        if not AttachmentsPanel.objectName():
            AttachmentsPanel.setObjectName(u"AttachmentsPanel")
        self.attachmentsLayout = QVBoxLayout(AttachmentsPanel)
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.introLabel = QLabel(AttachmentsPanel)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.PlainText)
        self.introLabel.setWordWrap(True)

        self.attachmentsLayout.addWidget(self.introLabel)

        self.fileList = QListWidget(AttachmentsPanel)
        self.fileList.setObjectName(u"fileList")

        self.attachmentsLayout.addWidget(self.fileList)

        self.attachmentsErrorLabel = QLabel(AttachmentsPanel)
        self.attachmentsErrorLabel.setObjectName(u"attachmentsErrorLabel")
        self.attachmentsErrorLabel.setTextFormat(Qt.PlainText)
        self.attachmentsErrorLabel.setWordWrap(True)
        self.attachmentsErrorLabel.setMinimumHeight(18)

        self.attachmentsLayout.addWidget(self.attachmentsErrorLabel)

        self.attachmentButtons = QHBoxLayout()
        self.attachmentButtons.setObjectName(u"attachmentButtons")
        self.addFileButton = QPushButton(AttachmentsPanel)
        self.addFileButton.setObjectName(u"addFileButton")

        self.attachmentButtons.addWidget(self.addFileButton)

        self.openFileButton = QPushButton(AttachmentsPanel)
        self.openFileButton.setObjectName(u"openFileButton")

        self.attachmentButtons.addWidget(self.openFileButton)

        self.saveFileButton = QPushButton(AttachmentsPanel)
        self.saveFileButton.setObjectName(u"saveFileButton")

        self.attachmentButtons.addWidget(self.saveFileButton)

        self.removeFileButton = QPushButton(AttachmentsPanel)
        self.removeFileButton.setObjectName(u"removeFileButton")

        self.attachmentButtons.addWidget(self.removeFileButton)

        self.attachmentSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attachmentButtons.addItem(self.attachmentSpacer)


        self.attachmentsLayout.addLayout(self.attachmentButtons)


        self.retranslateUi(AttachmentsPanel)
    # setupUi

    def retranslateUi(self, AttachmentsPanel: QWidget) -> None:
        self.introLabel.setText(QCoreApplication.translate("AttachmentsPanel", u"Letters, e-mails, PDFs and photos this concern rests on. They are kept inside the encrypted register; a file opened here is a temporary copy, wiped when the concern is closed.", None))
#if QT_CONFIG(accessibility)
        self.fileList.setAccessibleName(QCoreApplication.translate("AttachmentsPanel", u"Attachments", None))
#endif // QT_CONFIG(accessibility)
        self.addFileButton.setText(QCoreApplication.translate("AttachmentsPanel", u"A&ttach files\u2026", None))
        self.openFileButton.setText(QCoreApplication.translate("AttachmentsPanel", u"&Open", None))
        self.saveFileButton.setText(QCoreApplication.translate("AttachmentsPanel", u"Save a cop&y\u2026", None))
        self.removeFileButton.setText(QCoreApplication.translate("AttachmentsPanel", u"Re&move\u2026", None))
        pass
    # retranslateUi

