# Compiled from ui/recovery_dialog.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_RecoveryDialog(object):
    def setupUi(self, RecoveryDialog: QDialog) -> None:
        if not RecoveryDialog.objectName():
            RecoveryDialog.setObjectName(u"RecoveryDialog")
        RecoveryDialog.resize(620, 420)
        self.recoveryLayout = QVBoxLayout(RecoveryDialog)
        self.recoveryLayout.setObjectName(u"recoveryLayout")
        self.headingLabel = QLabel(RecoveryDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        font = QFont()
        font.setPointSize(12)
        font.setBold(True)
        self.headingLabel.setFont(font)
        self.headingLabel.setTextFormat(Qt.PlainText)
        self.headingLabel.setWordWrap(True)

        self.recoveryLayout.addWidget(self.headingLabel)

        self.problemLabel = QLabel(RecoveryDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setTextFormat(Qt.PlainText)
        self.problemLabel.setWordWrap(True)
        self.problemLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)

        self.recoveryLayout.addWidget(self.problemLabel)

        self.adviceLabel = QLabel(RecoveryDialog)
        self.adviceLabel.setObjectName(u"adviceLabel")
        self.adviceLabel.setTextFormat(Qt.PlainText)
        self.adviceLabel.setWordWrap(True)

        self.recoveryLayout.addWidget(self.adviceLabel)

        self.previewGroup = QGroupBox(RecoveryDialog)
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


        self.recoveryLayout.addWidget(self.previewGroup)

        self.bottomSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.recoveryLayout.addItem(self.bottomSpacer)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.restoreButton = QPushButton(RecoveryDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonRow.addWidget(self.restoreButton)

        self.chooseButton = QPushButton(RecoveryDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.buttonRow.addWidget(self.chooseButton)

        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.quitButton = QPushButton(RecoveryDialog)
        self.quitButton.setObjectName(u"quitButton")

        self.buttonRow.addWidget(self.quitButton)


        self.recoveryLayout.addLayout(self.buttonRow)


        self.retranslateUi(RecoveryDialog)

        self.restoreButton.setDefault(True)

    # setupUi

    def retranslateUi(self, RecoveryDialog: QDialog) -> None:
        RecoveryDialog.setWindowTitle(QCoreApplication.translate("RecoveryDialog", u"MOP Desktop cannot open its data", None))
        self.headingLabel.setText(QCoreApplication.translate("RecoveryDialog", u"MOP Desktop found a problem with its data and has not used it.", None))
        self.problemLabel.setText("")
        self.adviceLabel.setText("")
        self.previewGroup.setTitle(QCoreApplication.translate("RecoveryDialog", u"What this backup holds", None))
        self.createdLabel.setText(QCoreApplication.translate("RecoveryDialog", u"Backed up on:", None))
        self.createdValue.setText("")
        self.councilLabel.setText(QCoreApplication.translate("RecoveryDialog", u"Council:", None))
        self.councilValue.setText("")
        self.versionsLabel.setText(QCoreApplication.translate("RecoveryDialog", u"Protocol versions:", None))
        self.versionsValue.setText("")
        self.adoptionsLabel.setText(QCoreApplication.translate("RecoveryDialog", u"Adoptions recorded:", None))
        self.adoptionsValue.setText("")
        self.latestLabel.setText(QCoreApplication.translate("RecoveryDialog", u"Latest adoption:", None))
        self.latestValue.setText("")
        self.concernsLabel.setText(QCoreApplication.translate("RecoveryDialog", u"Concerns:", None))
        self.concernsValue.setText("")
        self.fileLabel.setText(QCoreApplication.translate("RecoveryDialog", u"File:", None))
        self.fileValue.setText("")
        self.restoreButton.setText(QCoreApplication.translate("RecoveryDialog", u"&Restore this backup", None))
        self.chooseButton.setText(QCoreApplication.translate("RecoveryDialog", u"&Choose another backup...", None))
        self.quitButton.setText(QCoreApplication.translate("RecoveryDialog", u"Close MOP &Desktop", None))
    # retranslateUi

