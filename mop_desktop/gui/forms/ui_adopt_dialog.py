# Compiled from ui/adopt_dialog.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_AdoptDialog(object):
    def setupUi(self, AdoptDialog: QDialog) -> None:
        if not AdoptDialog.objectName():
            AdoptDialog.setObjectName(u"AdoptDialog")
        AdoptDialog.resize(560, 400)
        AdoptDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(AdoptDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(AdoptDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.PlainText)
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.noChangesCheck = QCheckBox(AdoptDialog)
        self.noChangesCheck.setObjectName(u"noChangesCheck")

        self.dialogLayout.addWidget(self.noChangesCheck)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.dateCaption = QLabel(AdoptDialog)
        self.dateCaption.setObjectName(u"dateCaption")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateCaption)

        self.dateEdit = QLineEdit(AdoptDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.dateError = QLabel(AdoptDialog)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setTextFormat(Qt.PlainText)
        self.dateError.setWordWrap(True)

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateError)

        self.minuteCaption = QLabel(AdoptDialog)
        self.minuteCaption.setObjectName(u"minuteCaption")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.minuteCaption)

        self.minuteEdit = QLineEdit(AdoptDialog)
        self.minuteEdit.setObjectName(u"minuteEdit")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.minuteEdit)

        self.minuteError = QLabel(AdoptDialog)
        self.minuteError.setObjectName(u"minuteError")
        self.minuteError.setTextFormat(Qt.PlainText)
        self.minuteError.setWordWrap(True)

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.minuteError)

        self.reviewerCaption = QLabel(AdoptDialog)
        self.reviewerCaption.setObjectName(u"reviewerCaption")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reviewerCaption)

        self.reviewerEdit = QLineEdit(AdoptDialog)
        self.reviewerEdit.setObjectName(u"reviewerEdit")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reviewerEdit)

        self.reviewerError = QLabel(AdoptDialog)
        self.reviewerError.setObjectName(u"reviewerError")
        self.reviewerError.setTextFormat(Qt.PlainText)
        self.reviewerError.setWordWrap(True)

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reviewerError)

        self.chairCaption = QLabel(AdoptDialog)
        self.chairCaption.setObjectName(u"chairCaption")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.chairCaption)

        self.chairEdit = QLineEdit(AdoptDialog)
        self.chairEdit.setObjectName(u"chairEdit")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.chairEdit)

        self.clerkCaption = QLabel(AdoptDialog)
        self.clerkCaption.setObjectName(u"clerkCaption")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.clerkCaption)

        self.clerkEdit = QLineEdit(AdoptDialog)
        self.clerkEdit.setObjectName(u"clerkEdit")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.clerkEdit)

        self.versionCaption = QLabel(AdoptDialog)
        self.versionCaption.setObjectName(u"versionCaption")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.versionCaption)

        self.versionEdit = QLineEdit(AdoptDialog)
        self.versionEdit.setObjectName(u"versionEdit")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.versionEdit)

        self.versionError = QLabel(AdoptDialog)
        self.versionError.setObjectName(u"versionError")
        self.versionError.setTextFormat(Qt.PlainText)
        self.versionError.setWordWrap(True)

        self.fieldsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.versionError)


        self.dialogLayout.addLayout(self.fieldsForm)

        self.nextReviewLabel = QLabel(AdoptDialog)
        self.nextReviewLabel.setObjectName(u"nextReviewLabel")
        self.nextReviewLabel.setTextFormat(Qt.PlainText)
        self.nextReviewLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.nextReviewLabel)

        self.documentError = QLabel(AdoptDialog)
        self.documentError.setObjectName(u"documentError")
        self.documentError.setTextFormat(Qt.PlainText)
        self.documentError.setWordWrap(True)

        self.dialogLayout.addWidget(self.documentError)

        self.bottomSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(AdoptDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.noChangesCheck, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.minuteEdit)
        QWidget.setTabOrder(self.minuteEdit, self.reviewerEdit)
        QWidget.setTabOrder(self.reviewerEdit, self.chairEdit)
        QWidget.setTabOrder(self.chairEdit, self.clerkEdit)
        QWidget.setTabOrder(self.clerkEdit, self.versionEdit)

        self.retranslateUi(AdoptDialog)
    # setupUi

    def retranslateUi(self, AdoptDialog: QDialog) -> None:
        AdoptDialog.setWindowTitle(QCoreApplication.translate("AdoptDialog", u"Adopt the protocol", None))
        self.introLabel.setText(QCoreApplication.translate("AdoptDialog", u"Record the Full Council resolution that adopted the protocol. The adopted text is then frozen: later changes start a new draft.", None))
        self.noChangesCheck.setText(QCoreApplication.translate("AdoptDialog", u"Reviewed, no changes: re-adopt the current adopted text", None))
        self.dateCaption.setText(QCoreApplication.translate("AdoptDialog", u"Date of adoption:", None))
        self.dateEdit.setPlaceholderText(QCoreApplication.translate("AdoptDialog", u"23/03/2026", None))
        self.dateError.setText("")
        self.minuteCaption.setText(QCoreApplication.translate("AdoptDialog", u"Minute reference:", None))
        self.minuteEdit.setPlaceholderText(QCoreApplication.translate("AdoptDialog", u"e.g. 2026-101 or FC 23/26", None))
        self.minuteError.setText("")
        self.reviewerCaption.setText(QCoreApplication.translate("AdoptDialog", u"Originator/Reviewer:", None))
        self.reviewerEdit.setPlaceholderText(QCoreApplication.translate("AdoptDialog", u"who prepared or reviewed it", None))
        self.reviewerError.setText("")
        self.chairCaption.setText(QCoreApplication.translate("AdoptDialog", u"Chair signing off:", None))
        self.chairEdit.setPlaceholderText(QCoreApplication.translate("AdoptDialog", u"optional", None))
        self.clerkCaption.setText(QCoreApplication.translate("AdoptDialog", u"Clerk signing off:", None))
        self.clerkEdit.setPlaceholderText(QCoreApplication.translate("AdoptDialog", u"optional", None))
        self.versionCaption.setText(QCoreApplication.translate("AdoptDialog", u"Version label:", None))
        self.versionEdit.setPlaceholderText(QCoreApplication.translate("AdoptDialog", u"suggested from the year", None))
        self.versionError.setText("")
        self.nextReviewLabel.setText("")
        self.documentError.setText("")
    # retranslateUi

