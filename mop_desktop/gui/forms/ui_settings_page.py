# Compiled from ui/settings_page.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QFrame, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage: QWidget) -> None:
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(760, 640)
        self.settingsLayout = QVBoxLayout(SettingsPage)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.settingsLayout.setContentsMargins(24, 18, 18, 12)
        self.headingLabel = QLabel(SettingsPage)
        self.headingLabel.setObjectName(u"headingLabel")
        font = QFont()
        font.setPointSize(16)
        font.setBold(True)
        self.headingLabel.setFont(font)
        self.headingLabel.setTextFormat(Qt.PlainText)

        self.settingsLayout.addWidget(self.headingLabel)

        self.settingsScroll = QScrollArea(SettingsPage)
        self.settingsScroll.setObjectName(u"settingsScroll")
        self.settingsScroll.setFrameShape(QFrame.NoFrame)
        self.settingsScroll.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollLayout = QVBoxLayout(self.scrollContents)
        self.scrollLayout.setObjectName(u"scrollLayout")
        self.scrollLayout.setContentsMargins(0, 0, 6, 0)
        self.councilGroup = QGroupBox(self.scrollContents)
        self.councilGroup.setObjectName(u"councilGroup")
        self.councilForm = QFormLayout(self.councilGroup)
        self.councilForm.setObjectName(u"councilForm")
        self.councilForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(self.councilGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.councilForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.councilGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.councilForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(self.councilGroup)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setTextFormat(Qt.PlainText)
        self.nameError.setWordWrap(True)

        self.councilForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.principalLabel = QLabel(self.councilGroup)
        self.principalLabel.setObjectName(u"principalLabel")

        self.councilForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.principalLabel)

        self.principalEdit = QLineEdit(self.councilGroup)
        self.principalEdit.setObjectName(u"principalEdit")
        self.principalEdit.setMaxLength(200)

        self.councilForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.principalEdit)

        self.principalError = QLabel(self.councilGroup)
        self.principalError.setObjectName(u"principalError")
        self.principalError.setTextFormat(Qt.PlainText)
        self.principalError.setWordWrap(True)

        self.councilForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.principalError)

        self.clerkLabel = QLabel(self.councilGroup)
        self.clerkLabel.setObjectName(u"clerkLabel")

        self.councilForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.clerkLabel)

        self.clerkEdit = QLineEdit(self.councilGroup)
        self.clerkEdit.setObjectName(u"clerkEdit")
        self.clerkEdit.setMaxLength(200)

        self.councilForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.clerkEdit)

        self.clerkError = QLabel(self.councilGroup)
        self.clerkError.setObjectName(u"clerkError")
        self.clerkError.setTextFormat(Qt.PlainText)
        self.clerkError.setWordWrap(True)

        self.councilForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.clerkError)

        self.chairLabel = QLabel(self.councilGroup)
        self.chairLabel.setObjectName(u"chairLabel")

        self.councilForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.chairLabel)

        self.chairEdit = QLineEdit(self.councilGroup)
        self.chairEdit.setObjectName(u"chairEdit")
        self.chairEdit.setMaxLength(200)

        self.councilForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.chairEdit)

        self.chairError = QLabel(self.councilGroup)
        self.chairError.setObjectName(u"chairError")
        self.chairError.setTextFormat(Qt.PlainText)
        self.chairError.setWordWrap(True)

        self.councilForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.chairError)

        self.personnelChairLabel = QLabel(self.councilGroup)
        self.personnelChairLabel.setObjectName(u"personnelChairLabel")

        self.councilForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.personnelChairLabel)

        self.personnelChairEdit = QLineEdit(self.councilGroup)
        self.personnelChairEdit.setObjectName(u"personnelChairEdit")
        self.personnelChairEdit.setMaxLength(200)

        self.councilForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.personnelChairEdit)

        self.personnelChairError = QLabel(self.councilGroup)
        self.personnelChairError.setObjectName(u"personnelChairError")
        self.personnelChairError.setTextFormat(Qt.PlainText)
        self.personnelChairError.setWordWrap(True)

        self.councilForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.personnelChairError)

        self.addressLabel = QLabel(self.councilGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.councilForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QPlainTextEdit(self.councilGroup)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaximumSize(QSize(16777215, 110))
        self.addressEdit.setTabChangesFocus(True)

        self.councilForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.addressError = QLabel(self.councilGroup)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setTextFormat(Qt.PlainText)
        self.addressError.setWordWrap(True)

        self.councilForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.addressError)


        self.scrollLayout.addWidget(self.councilGroup)

        self.protocolGroup = QGroupBox(self.scrollContents)
        self.protocolGroup.setObjectName(u"protocolGroup")
        self.protocolForm = QFormLayout(self.protocolGroup)
        self.protocolForm.setObjectName(u"protocolForm")
        self.intervalLabel = QLabel(self.protocolGroup)
        self.intervalLabel.setObjectName(u"intervalLabel")

        self.protocolForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.intervalLabel)

        self.intervalRow = QHBoxLayout()
        self.intervalRow.setObjectName(u"intervalRow")
        self.intervalValue = QLabel(self.protocolGroup)
        self.intervalValue.setObjectName(u"intervalValue")
        self.intervalValue.setTextFormat(Qt.PlainText)

        self.intervalRow.addWidget(self.intervalValue)

        self.intervalLinkButton = QPushButton(self.protocolGroup)
        self.intervalLinkButton.setObjectName(u"intervalLinkButton")

        self.intervalRow.addWidget(self.intervalLinkButton)

        self.intervalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.intervalRow.addItem(self.intervalSpacer)


        self.protocolForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.intervalRow)

        self.intervalNote = QLabel(self.protocolGroup)
        self.intervalNote.setObjectName(u"intervalNote")
        self.intervalNote.setTextFormat(Qt.PlainText)
        self.intervalNote.setWordWrap(True)

        self.protocolForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.intervalNote)


        self.scrollLayout.addWidget(self.protocolGroup)

        self.registerGroup = QGroupBox(self.scrollContents)
        self.registerGroup.setObjectName(u"registerGroup")
        self.registerForm = QFormLayout(self.registerGroup)
        self.registerForm.setObjectName(u"registerForm")
        self.retentionLabel = QLabel(self.registerGroup)
        self.retentionLabel.setObjectName(u"retentionLabel")

        self.registerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.retentionLabel)

        self.retentionSpin = QSpinBox(self.registerGroup)
        self.retentionSpin.setObjectName(u"retentionSpin")
        self.retentionSpin.setMaximumSize(QSize(240, 16777215))
        self.retentionSpin.setMinimum(1)
        self.retentionSpin.setMaximum(50)
        self.retentionSpin.setValue(6)

        self.registerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.retentionSpin)

        self.idleLockLabel = QLabel(self.registerGroup)
        self.idleLockLabel.setObjectName(u"idleLockLabel")

        self.registerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.idleLockLabel)

        self.idleLockSpin = QSpinBox(self.registerGroup)
        self.idleLockSpin.setObjectName(u"idleLockSpin")
        self.idleLockSpin.setMaximumSize(QSize(240, 16777215))
        self.idleLockSpin.setMinimum(1)
        self.idleLockSpin.setMaximum(120)
        self.idleLockSpin.setValue(5)

        self.registerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.idleLockSpin)

        self.registerNote = QLabel(self.registerGroup)
        self.registerNote.setObjectName(u"registerNote")
        self.registerNote.setTextFormat(Qt.PlainText)
        self.registerNote.setWordWrap(True)

        self.registerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.registerNote)


        self.scrollLayout.addWidget(self.registerGroup)

        self.imagesGroup = QGroupBox(self.scrollContents)
        self.imagesGroup.setObjectName(u"imagesGroup")
        self.imagesGrid = QGridLayout(self.imagesGroup)
        self.imagesGrid.setObjectName(u"imagesGrid")
        self.logoLabel = QLabel(self.imagesGroup)
        self.logoLabel.setObjectName(u"logoLabel")

        self.imagesGrid.addWidget(self.logoLabel, 0, 0, 1, 1)

        self.logoPreview = QLabel(self.imagesGroup)
        self.logoPreview.setObjectName(u"logoPreview")
        self.logoPreview.setMinimumSize(QSize(200, 60))
        self.logoPreview.setMaximumSize(QSize(200, 60))
        self.logoPreview.setFrameShape(QFrame.StyledPanel)
        self.logoPreview.setAlignment(Qt.AlignCenter)
        self.logoPreview.setTextFormat(Qt.PlainText)

        self.imagesGrid.addWidget(self.logoPreview, 0, 1, 1, 1)

        self.logoChooseButton = QPushButton(self.imagesGroup)
        self.logoChooseButton.setObjectName(u"logoChooseButton")

        self.imagesGrid.addWidget(self.logoChooseButton, 0, 2, 1, 1)

        self.logoRemoveButton = QPushButton(self.imagesGroup)
        self.logoRemoveButton.setObjectName(u"logoRemoveButton")

        self.imagesGrid.addWidget(self.logoRemoveButton, 0, 3, 1, 1)

        self.chairSignatureLabel = QLabel(self.imagesGroup)
        self.chairSignatureLabel.setObjectName(u"chairSignatureLabel")

        self.imagesGrid.addWidget(self.chairSignatureLabel, 1, 0, 1, 1)

        self.chairSignaturePreview = QLabel(self.imagesGroup)
        self.chairSignaturePreview.setObjectName(u"chairSignaturePreview")
        self.chairSignaturePreview.setMinimumSize(QSize(200, 60))
        self.chairSignaturePreview.setMaximumSize(QSize(200, 60))
        self.chairSignaturePreview.setFrameShape(QFrame.StyledPanel)
        self.chairSignaturePreview.setAlignment(Qt.AlignCenter)
        self.chairSignaturePreview.setTextFormat(Qt.PlainText)

        self.imagesGrid.addWidget(self.chairSignaturePreview, 1, 1, 1, 1)

        self.chairSignatureChooseButton = QPushButton(self.imagesGroup)
        self.chairSignatureChooseButton.setObjectName(u"chairSignatureChooseButton")

        self.imagesGrid.addWidget(self.chairSignatureChooseButton, 1, 2, 1, 1)

        self.chairSignatureRemoveButton = QPushButton(self.imagesGroup)
        self.chairSignatureRemoveButton.setObjectName(u"chairSignatureRemoveButton")

        self.imagesGrid.addWidget(self.chairSignatureRemoveButton, 1, 3, 1, 1)

        self.clerkSignatureLabel = QLabel(self.imagesGroup)
        self.clerkSignatureLabel.setObjectName(u"clerkSignatureLabel")

        self.imagesGrid.addWidget(self.clerkSignatureLabel, 2, 0, 1, 1)

        self.clerkSignaturePreview = QLabel(self.imagesGroup)
        self.clerkSignaturePreview.setObjectName(u"clerkSignaturePreview")
        self.clerkSignaturePreview.setMinimumSize(QSize(200, 60))
        self.clerkSignaturePreview.setMaximumSize(QSize(200, 60))
        self.clerkSignaturePreview.setFrameShape(QFrame.StyledPanel)
        self.clerkSignaturePreview.setAlignment(Qt.AlignCenter)
        self.clerkSignaturePreview.setTextFormat(Qt.PlainText)

        self.imagesGrid.addWidget(self.clerkSignaturePreview, 2, 1, 1, 1)

        self.clerkSignatureChooseButton = QPushButton(self.imagesGroup)
        self.clerkSignatureChooseButton.setObjectName(u"clerkSignatureChooseButton")

        self.imagesGrid.addWidget(self.clerkSignatureChooseButton, 2, 2, 1, 1)

        self.clerkSignatureRemoveButton = QPushButton(self.imagesGroup)
        self.clerkSignatureRemoveButton.setObjectName(u"clerkSignatureRemoveButton")

        self.imagesGrid.addWidget(self.clerkSignatureRemoveButton, 2, 3, 1, 1)

        self.imagesSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.imagesGrid.addItem(self.imagesSpacer, 0, 4, 1, 1)

        self.imagesError = QLabel(self.imagesGroup)
        self.imagesError.setObjectName(u"imagesError")
        self.imagesError.setTextFormat(Qt.PlainText)
        self.imagesError.setWordWrap(True)

        self.imagesGrid.addWidget(self.imagesError, 3, 0, 1, 5)

        self.imagesNote = QLabel(self.imagesGroup)
        self.imagesNote.setObjectName(u"imagesNote")
        self.imagesNote.setTextFormat(Qt.PlainText)
        self.imagesNote.setWordWrap(True)

        self.imagesGrid.addWidget(self.imagesNote, 4, 0, 1, 5)

        self.imagesGrid.setColumnStretch(4, 1)

        self.scrollLayout.addWidget(self.imagesGroup)

        self.scrollSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.scrollLayout.addItem(self.scrollSpacer)

        self.settingsScroll.setWidget(self.scrollContents)

        self.settingsLayout.addWidget(self.settingsScroll)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.messageLabel = QLabel(SettingsPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setTextFormat(Qt.PlainText)
        self.messageLabel.setWordWrap(True)

        self.buttonRow.addWidget(self.messageLabel)

        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.revertButton = QPushButton(SettingsPage)
        self.revertButton.setObjectName(u"revertButton")

        self.buttonRow.addWidget(self.revertButton)

        self.saveButton = QPushButton(SettingsPage)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)

        self.buttonRow.setStretch(0, 1)

        self.settingsLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.principalLabel.setBuddy(self.principalEdit)
        self.clerkLabel.setBuddy(self.clerkEdit)
        self.chairLabel.setBuddy(self.chairEdit)
        self.personnelChairLabel.setBuddy(self.personnelChairEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.retentionLabel.setBuddy(self.retentionSpin)
        self.idleLockLabel.setBuddy(self.idleLockSpin)
        self.logoLabel.setBuddy(self.logoChooseButton)
        self.chairSignatureLabel.setBuddy(self.chairSignatureChooseButton)
        self.clerkSignatureLabel.setBuddy(self.clerkSignatureChooseButton)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsPage)

        self.saveButton.setDefault(True)

    # setupUi

    def retranslateUi(self, SettingsPage: QWidget) -> None:
        self.headingLabel.setText(QCoreApplication.translate("SettingsPage", u"Settings", None))
        self.councilGroup.setTitle(QCoreApplication.translate("SettingsPage", u"The council", None))
        self.nameLabel.setText(QCoreApplication.translate("SettingsPage", u"Council's &name:", None))
#if QT_CONFIG(tooltip)
        self.nameEdit.setToolTip(QCoreApplication.translate("SettingsPage", u"e.g. Oakford Town Council", None))
#endif // QT_CONFIG(tooltip)
        self.principalLabel.setText(QCoreApplication.translate("SettingsPage", u"&Principal authority:", None))
#if QT_CONFIG(tooltip)
        self.principalEdit.setToolTip(QCoreApplication.translate("SettingsPage", u"The district or unitary council whose Monitoring Officer handles code-of-conduct complaints", None))
#endif // QT_CONFIG(tooltip)
        self.clerkLabel.setText(QCoreApplication.translate("SettingsPage", u"&Clerk:", None))
        self.chairLabel.setText(QCoreApplication.translate("SettingsPage", u"Chai&r of the council:", None))
        self.personnelChairLabel.setText(QCoreApplication.translate("SettingsPage", u"Chair of the personnel c&ommittee:", None))
#if QT_CONFIG(tooltip)
        self.personnelChairEdit.setToolTip(QCoreApplication.translate("SettingsPage", u"Receives concerns about the clerk", None))
#endif // QT_CONFIG(tooltip)
        self.addressLabel.setText(QCoreApplication.translate("SettingsPage", u"&Address:", None))
        self.protocolGroup.setTitle(QCoreApplication.translate("SettingsPage", u"The protocol", None))
        self.intervalLabel.setText(QCoreApplication.translate("SettingsPage", u"Review the protocol:", None))
        self.intervalLinkButton.setText(QCoreApplication.translate("SettingsPage", u"Change on the Revie&w schedule page\u2026", None))
#if QT_CONFIG(tooltip)
        self.intervalLinkButton.setToolTip(QCoreApplication.translate("SettingsPage", u"The review interval is set with the rest of the review schedule", None))
#endif // QT_CONFIG(tooltip)
        self.intervalNote.setText(QCoreApplication.translate("SettingsPage", u"The next review date is worked out from each adoption: a protocol adopted on 23 March 2026 and reviewed every 12 months is due by the end of March 2027.", None))
        self.registerGroup.setTitle(QCoreApplication.translate("SettingsPage", u"The concern register", None))
        self.retentionLabel.setText(QCoreApplication.translate("SettingsPage", u"&Keep closed concerns for:", None))
        self.retentionSpin.setSuffix(QCoreApplication.translate("SettingsPage", u" years", None))
#if QT_CONFIG(tooltip)
        self.retentionSpin.setToolTip(QCoreApplication.translate("SettingsPage", u"After this many years a closed concern is offered for deletion in the retention review", None))
#endif // QT_CONFIG(tooltip)
        self.idleLockLabel.setText(QCoreApplication.translate("SettingsPage", u"Lock the register when &idle for:", None))
        self.idleLockSpin.setSuffix(QCoreApplication.translate("SettingsPage", u" minutes", None))
#if QT_CONFIG(tooltip)
        self.idleLockSpin.setToolTip(QCoreApplication.translate("SettingsPage", u"An unlocked register is locked after this many minutes without keyboard or mouse use", None))
#endif // QT_CONFIG(tooltip)
        self.registerNote.setText(QCoreApplication.translate("SettingsPage", u"Six years after a concern is closed is the usual period. A shorter idle time keeps the register safer on a shared office PC.", None))
        self.imagesGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Pictures for the signed PDF", None))
        self.logoLabel.setText(QCoreApplication.translate("SettingsPage", u"Council &logo:", None))
        self.logoChooseButton.setText(QCoreApplication.translate("SettingsPage", u"Choose...", None))
        self.logoRemoveButton.setText(QCoreApplication.translate("SettingsPage", u"Remove", None))
        self.chairSignatureLabel.setText(QCoreApplication.translate("SettingsPage", u"Chair's si&gnature:", None))
        self.chairSignatureChooseButton.setText(QCoreApplication.translate("SettingsPage", u"Choose...", None))
        self.chairSignatureRemoveButton.setText(QCoreApplication.translate("SettingsPage", u"Remove", None))
        self.clerkSignatureLabel.setText(QCoreApplication.translate("SettingsPage", u"Clerk's signa&ture:", None))
        self.clerkSignatureChooseButton.setText(QCoreApplication.translate("SettingsPage", u"Choose...", None))
        self.clerkSignatureRemoveButton.setText(QCoreApplication.translate("SettingsPage", u"Remove", None))
        self.imagesNote.setText(QCoreApplication.translate("SettingsPage", u"PNG or JPEG pictures, up to 8 MB each. A copy is kept with the council's data, so the original file can be moved or deleted afterwards.", None))
        self.revertButton.setText(QCoreApplication.translate("SettingsPage", u"&Undo changes", None))
        self.saveButton.setText(QCoreApplication.translate("SettingsPage", u"&Save", None))
        pass
    # retranslateUi

