# Compiled from ui/restore_dialog.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_RestoreDialog(object):
    def setupUi(self, RestoreDialog: QDialog) -> None:
        if not RestoreDialog.objectName():
            RestoreDialog.setObjectName(u"RestoreDialog")
        RestoreDialog.resize(640, 560)
        self.restoreLayout = QVBoxLayout(RestoreDialog)
        self.restoreLayout.setObjectName(u"restoreLayout")
        self.introLabel = QLabel(RestoreDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.PlainText)
        self.introLabel.setWordWrap(True)

        self.restoreLayout.addWidget(self.introLabel)

        self.backupList = QListWidget(RestoreDialog)
        self.backupList.setObjectName(u"backupList")

        self.restoreLayout.addWidget(self.backupList)

        self.chooseRow = QHBoxLayout()
        self.chooseRow.setObjectName(u"chooseRow")
        self.chooseFileButton = QPushButton(RestoreDialog)
        self.chooseFileButton.setObjectName(u"chooseFileButton")

        self.chooseRow.addWidget(self.chooseFileButton)

        self.chooseSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chooseRow.addItem(self.chooseSpacer)


        self.restoreLayout.addLayout(self.chooseRow)

        self.previewGroup = QGroupBox(RestoreDialog)
        self.previewGroup.setObjectName(u"previewGroup")
        self.previewLayout = QFormLayout(self.previewGroup)
        self.previewLayout.setObjectName(u"previewLayout")
        self.createdLabel = QLabel(self.previewGroup)
        self.createdLabel.setObjectName(u"createdLabel")
        self.createdLabel.setTextFormat(Qt.PlainText)

        self.previewLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.createdLabel)

        self.createdValue = QLabel(self.previewGroup)
        self.createdValue.setObjectName(u"createdValue")
        self.createdValue.setTextFormat(Qt.PlainText)
        self.createdValue.setWordWrap(True)
        self.createdValue.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)

        self.previewLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.createdValue)

        self.councilLabel = QLabel(self.previewGroup)
        self.councilLabel.setObjectName(u"councilLabel")
        self.councilLabel.setTextFormat(Qt.PlainText)

        self.previewLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.councilLabel)

        self.councilValue = QLabel(self.previewGroup)
        self.councilValue.setObjectName(u"councilValue")
        self.councilValue.setTextFormat(Qt.PlainText)
        self.councilValue.setWordWrap(True)
        self.councilValue.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)

        self.previewLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.councilValue)

        self.versionsLabel = QLabel(self.previewGroup)
        self.versionsLabel.setObjectName(u"versionsLabel")
        self.versionsLabel.setTextFormat(Qt.PlainText)

        self.previewLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.versionsLabel)

        self.versionsValue = QLabel(self.previewGroup)
        self.versionsValue.setObjectName(u"versionsValue")
        self.versionsValue.setTextFormat(Qt.PlainText)
        self.versionsValue.setWordWrap(True)
        self.versionsValue.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)

        self.previewLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.versionsValue)

        self.adoptionsLabel = QLabel(self.previewGroup)
        self.adoptionsLabel.setObjectName(u"adoptionsLabel")
        self.adoptionsLabel.setTextFormat(Qt.PlainText)

        self.previewLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.adoptionsLabel)

        self.adoptionsValue = QLabel(self.previewGroup)
        self.adoptionsValue.setObjectName(u"adoptionsValue")
        self.adoptionsValue.setTextFormat(Qt.PlainText)
        self.adoptionsValue.setWordWrap(True)
        self.adoptionsValue.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)

        self.previewLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.adoptionsValue)

        self.latestLabel = QLabel(self.previewGroup)
        self.latestLabel.setObjectName(u"latestLabel")
        self.latestLabel.setTextFormat(Qt.PlainText)

        self.previewLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.latestLabel)

        self.latestValue = QLabel(self.previewGroup)
        self.latestValue.setObjectName(u"latestValue")
        self.latestValue.setTextFormat(Qt.PlainText)
        self.latestValue.setWordWrap(True)
        self.latestValue.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)

        self.previewLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.latestValue)

        self.concernsLabel = QLabel(self.previewGroup)
        self.concernsLabel.setObjectName(u"concernsLabel")
        self.concernsLabel.setTextFormat(Qt.PlainText)

        self.previewLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.concernsLabel)

        self.concernsValue = QLabel(self.previewGroup)
        self.concernsValue.setObjectName(u"concernsValue")
        self.concernsValue.setTextFormat(Qt.PlainText)
        self.concernsValue.setWordWrap(True)
        self.concernsValue.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)

        self.previewLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.concernsValue)

        self.fileLabel = QLabel(self.previewGroup)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setTextFormat(Qt.PlainText)

        self.previewLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileValue = QLabel(self.previewGroup)
        self.fileValue.setObjectName(u"fileValue")
        self.fileValue.setTextFormat(Qt.PlainText)
        self.fileValue.setWordWrap(True)
        self.fileValue.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)

        self.previewLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.fileValue)


        self.restoreLayout.addWidget(self.previewGroup)

        self.noteLabel = QLabel(RestoreDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setTextFormat(Qt.PlainText)
        self.noteLabel.setWordWrap(True)

        self.restoreLayout.addWidget(self.noteLabel)

        self.buttonBox = QDialogButtonBox(RestoreDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.restoreLayout.addWidget(self.buttonBox)


        self.retranslateUi(RestoreDialog)
    # setupUi

    def retranslateUi(self, RestoreDialog: QDialog) -> None:
        RestoreDialog.setWindowTitle(QCoreApplication.translate("RestoreDialog", u"Restore from backup", None))
        self.introLabel.setText(QCoreApplication.translate("RestoreDialog", u"Choose the backup to put back. Everything in MOP Desktop (the protocol, its history, meetings, settings and the concern register) returns to how it was when the backup was made. The data as it is now is kept aside first, so nothing is lost.", None))
#if QT_CONFIG(accessibility)
        self.backupList.setAccessibleName(QCoreApplication.translate("RestoreDialog", u"Backups", None))
#endif // QT_CONFIG(accessibility)
        self.chooseFileButton.setText(QCoreApplication.translate("RestoreDialog", u"Choose a backup &file...", None))
        self.previewGroup.setTitle(QCoreApplication.translate("RestoreDialog", u"What this backup holds", None))
        self.createdLabel.setText(QCoreApplication.translate("RestoreDialog", u"Backed up on:", None))
        self.createdValue.setText("")
        self.councilLabel.setText(QCoreApplication.translate("RestoreDialog", u"Council:", None))
        self.councilValue.setText("")
        self.versionsLabel.setText(QCoreApplication.translate("RestoreDialog", u"Protocol versions:", None))
        self.versionsValue.setText("")
        self.adoptionsLabel.setText(QCoreApplication.translate("RestoreDialog", u"Adoptions recorded:", None))
        self.adoptionsValue.setText("")
        self.latestLabel.setText(QCoreApplication.translate("RestoreDialog", u"Latest adoption:", None))
        self.latestValue.setText("")
        self.concernsLabel.setText(QCoreApplication.translate("RestoreDialog", u"Concerns:", None))
        self.concernsValue.setText("")
        self.fileLabel.setText(QCoreApplication.translate("RestoreDialog", u"File:", None))
        self.fileValue.setText("")
        self.noteLabel.setText("")
    # retranslateUi

