# Compiled from ui/case_dialog.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_CaseDialog(object):
    def setupUi(self, CaseDialog: QDialog) -> None:
        if not CaseDialog.objectName():
            CaseDialog.setObjectName(u"CaseDialog")
        CaseDialog.resize(760, 720)
        self.caseLayout = QVBoxLayout(CaseDialog)
        self.caseLayout.setObjectName(u"caseLayout")
        self.errorLabel = QLabel(CaseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.PlainText)
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.caseLayout.addWidget(self.errorLabel)

        self.tabs = QTabWidget(CaseDialog)
        self.tabs.setObjectName(u"tabs")
        self.concernTab = QWidget()
        self.concernTab.setObjectName(u"concernTab")
        self.concernForm = QFormLayout(self.concernTab)
        self.concernForm.setObjectName(u"concernForm")
        self.concernForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.referenceCaption = QLabel(self.concernTab)
        self.referenceCaption.setObjectName(u"referenceCaption")

        self.concernForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.referenceCaption)

        self.referenceLabel = QLabel(self.concernTab)
        self.referenceLabel.setObjectName(u"referenceLabel")
        self.referenceLabel.setTextFormat(Qt.PlainText)
        self.referenceLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.concernForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.referenceLabel)

        self.raisedOnCaption = QLabel(self.concernTab)
        self.raisedOnCaption.setObjectName(u"raisedOnCaption")

        self.concernForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.raisedOnCaption)

        self.raisedOnEdit = QLineEdit(self.concernTab)
        self.raisedOnEdit.setObjectName(u"raisedOnEdit")
        self.raisedOnEdit.setMaximumSize(QSize(260, 16777215))

        self.concernForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.raisedOnEdit)

        self.raisedByCaption = QLabel(self.concernTab)
        self.raisedByCaption.setObjectName(u"raisedByCaption")

        self.concernForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.raisedByCaption)

        self.raisedByEdit = QLineEdit(self.concernTab)
        self.raisedByEdit.setObjectName(u"raisedByEdit")

        self.concernForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.raisedByEdit)

        self.raisedByRoleCaption = QLabel(self.concernTab)
        self.raisedByRoleCaption.setObjectName(u"raisedByRoleCaption")

        self.concernForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.raisedByRoleCaption)

        self.raisedByRoleCombo = QComboBox(self.concernTab)
        self.raisedByRoleCombo.setObjectName(u"raisedByRoleCombo")

        self.concernForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.raisedByRoleCombo)

        self.aboutCaption = QLabel(self.concernTab)
        self.aboutCaption.setObjectName(u"aboutCaption")

        self.concernForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.aboutCaption)

        self.aboutEdit = QLineEdit(self.concernTab)
        self.aboutEdit.setObjectName(u"aboutEdit")

        self.concernForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.aboutEdit)

        self.aboutRoleCaption = QLabel(self.concernTab)
        self.aboutRoleCaption.setObjectName(u"aboutRoleCaption")

        self.concernForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.aboutRoleCaption)

        self.aboutRoleCombo = QComboBox(self.concernTab)
        self.aboutRoleCombo.setObjectName(u"aboutRoleCombo")

        self.concernForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.aboutRoleCombo)

        self.categoryCaption = QLabel(self.concernTab)
        self.categoryCaption.setObjectName(u"categoryCaption")

        self.concernForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.categoryCaption)

        self.categoryCombo = QComboBox(self.concernTab)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.concernForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.clausesCaption = QLabel(self.concernTab)
        self.clausesCaption.setObjectName(u"clausesCaption")

        self.concernForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.clausesCaption)

        self.clausesList = QListWidget(self.concernTab)
        self.clausesList.setObjectName(u"clausesList")
        self.clausesList.setMaximumSize(QSize(16777215, 110))

        self.concernForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.clausesList)

        self.summaryCaption = QLabel(self.concernTab)
        self.summaryCaption.setObjectName(u"summaryCaption")

        self.concernForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.summaryCaption)

        self.summaryEdit = QLineEdit(self.concernTab)
        self.summaryEdit.setObjectName(u"summaryEdit")

        self.concernForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.detailsCaption = QLabel(self.concernTab)
        self.detailsCaption.setObjectName(u"detailsCaption")

        self.concernForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.detailsCaption)

        self.detailsEdit = QPlainTextEdit(self.concernTab)
        self.detailsEdit.setObjectName(u"detailsEdit")
        self.detailsEdit.setTabChangesFocus(True)
        self.detailsEdit.setMaximumSize(QSize(16777215, 90))

        self.concernForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.detailsEdit)

        self.routeCaption = QLabel(self.concernTab)
        self.routeCaption.setObjectName(u"routeCaption")

        self.concernForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.routeCaption)

        self.routeCombo = QComboBox(self.concernTab)
        self.routeCombo.setObjectName(u"routeCombo")
        self.routeCombo.setEditable(True)

        self.concernForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.routeCombo)

        self.guidanceLabel = QLabel(self.concernTab)
        self.guidanceLabel.setObjectName(u"guidanceLabel")
        self.guidanceLabel.setTextFormat(Qt.PlainText)
        self.guidanceLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.guidanceLabel.setWordWrap(True)

        self.concernForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.guidanceLabel)

        self.statusCaption = QLabel(self.concernTab)
        self.statusCaption.setObjectName(u"statusCaption")

        self.concernForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.statusCaption)

        self.statusCombo = QComboBox(self.concernTab)
        self.statusCombo.setObjectName(u"statusCombo")

        self.concernForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.followUpOnCaption = QLabel(self.concernTab)
        self.followUpOnCaption.setObjectName(u"followUpOnCaption")

        self.concernForm.setWidget(13, QFormLayout.ItemRole.LabelRole, self.followUpOnCaption)

        self.followUpOnEdit = QLineEdit(self.concernTab)
        self.followUpOnEdit.setObjectName(u"followUpOnEdit")
        self.followUpOnEdit.setMaximumSize(QSize(260, 16777215))

        self.concernForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.followUpOnEdit)

        self.outcomeCaption = QLabel(self.concernTab)
        self.outcomeCaption.setObjectName(u"outcomeCaption")

        self.concernForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.outcomeCaption)

        self.outcomeEdit = QPlainTextEdit(self.concernTab)
        self.outcomeEdit.setObjectName(u"outcomeEdit")
        self.outcomeEdit.setTabChangesFocus(True)
        self.outcomeEdit.setMaximumSize(QSize(16777215, 90))

        self.concernForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.outcomeEdit)

        self.closedOnCaption = QLabel(self.concernTab)
        self.closedOnCaption.setObjectName(u"closedOnCaption")

        self.concernForm.setWidget(15, QFormLayout.ItemRole.LabelRole, self.closedOnCaption)

        self.closedOnEdit = QLineEdit(self.concernTab)
        self.closedOnEdit.setObjectName(u"closedOnEdit")
        self.closedOnEdit.setMaximumSize(QSize(260, 16777215))

        self.concernForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.closedOnEdit)

        self.tabs.addTab(self.concernTab, "")
        self.timelineTab = QWidget()
        self.timelineTab.setObjectName(u"timelineTab")
        self.timelineLayout = QVBoxLayout(self.timelineTab)
        self.timelineLayout.setObjectName(u"timelineLayout")
        self.timelineTable = QTableView(self.timelineTab)
        self.timelineTable.setObjectName(u"timelineTable")
        self.timelineTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.timelineTable.horizontalHeader().setStretchLastSection(True)
        self.timelineTable.verticalHeader().setVisible(False)

        self.timelineLayout.addWidget(self.timelineTable)

        self.timelineButtonsLayout = QHBoxLayout()
        self.timelineButtonsLayout.setObjectName(u"timelineButtonsLayout")
        self.editEntryButton = QPushButton(self.timelineTab)
        self.editEntryButton.setObjectName(u"editEntryButton")

        self.timelineButtonsLayout.addWidget(self.editEntryButton)

        self.deleteEntryButton = QPushButton(self.timelineTab)
        self.deleteEntryButton.setObjectName(u"deleteEntryButton")

        self.timelineButtonsLayout.addWidget(self.deleteEntryButton)

        self.timelineButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timelineButtonsLayout.addItem(self.timelineButtonsSpacer)


        self.timelineLayout.addLayout(self.timelineButtonsLayout)

        self.entryLayout = QHBoxLayout()
        self.entryLayout.setObjectName(u"entryLayout")
        self.entryDateEdit = QLineEdit(self.timelineTab)
        self.entryDateEdit.setObjectName(u"entryDateEdit")
        self.entryDateEdit.setMaximumSize(QSize(110, 16777215))

        self.entryLayout.addWidget(self.entryDateEdit)

        self.entryTextEdit = QLineEdit(self.timelineTab)
        self.entryTextEdit.setObjectName(u"entryTextEdit")

        self.entryLayout.addWidget(self.entryTextEdit)

        self.addEntryButton = QPushButton(self.timelineTab)
        self.addEntryButton.setObjectName(u"addEntryButton")

        self.entryLayout.addWidget(self.addEntryButton)


        self.timelineLayout.addLayout(self.entryLayout)

        self.tabs.addTab(self.timelineTab, "")
        self.auditTab = QWidget()
        self.auditTab.setObjectName(u"auditTab")
        self.auditLayout = QVBoxLayout(self.auditTab)
        self.auditLayout.setObjectName(u"auditLayout")
        self.auditText = QPlainTextEdit(self.auditTab)
        self.auditText.setObjectName(u"auditText")
        self.auditText.setReadOnly(True)

        self.auditLayout.addWidget(self.auditText)

        self.tabs.addTab(self.auditTab, "")

        self.caseLayout.addWidget(self.tabs)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.exportButton = QPushButton(CaseDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonLayout.addWidget(self.exportButton)

        self.buttonBox = QDialogButtonBox(CaseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.buttonLayout.addWidget(self.buttonBox)


        self.caseLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.raisedOnCaption.setBuddy(self.raisedOnEdit)
        self.raisedByCaption.setBuddy(self.raisedByEdit)
        self.raisedByRoleCaption.setBuddy(self.raisedByRoleCombo)
        self.aboutCaption.setBuddy(self.aboutEdit)
        self.aboutRoleCaption.setBuddy(self.aboutRoleCombo)
        self.categoryCaption.setBuddy(self.categoryCombo)
        self.clausesCaption.setBuddy(self.clausesList)
        self.summaryCaption.setBuddy(self.summaryEdit)
        self.detailsCaption.setBuddy(self.detailsEdit)
        self.routeCaption.setBuddy(self.routeCombo)
        self.statusCaption.setBuddy(self.statusCombo)
        self.followUpOnCaption.setBuddy(self.followUpOnEdit)
        self.outcomeCaption.setBuddy(self.outcomeEdit)
        self.closedOnCaption.setBuddy(self.closedOnEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CaseDialog)
    # setupUi

    def retranslateUi(self, CaseDialog: QDialog) -> None:
        CaseDialog.setWindowTitle(QCoreApplication.translate("CaseDialog", u"Concern", None))
        self.referenceCaption.setText(QCoreApplication.translate("CaseDialog", u"Reference:", None))
        self.raisedOnCaption.setText(QCoreApplication.translate("CaseDialog", u"Raised &on:", None))
        self.raisedOnEdit.setPlaceholderText(QCoreApplication.translate("CaseDialog", u"dd/mm/yyyy", None))
        self.raisedByCaption.setText(QCoreApplication.translate("CaseDialog", u"Raised &by:", None))
        self.raisedByRoleCaption.setText(QCoreApplication.translate("CaseDialog", u"Their &role (raised by):", None))
        self.aboutCaption.setText(QCoreApplication.translate("CaseDialog", u"&About:", None))
        self.aboutRoleCaption.setText(QCoreApplication.translate("CaseDialog", u"T&heir role (about):", None))
        self.categoryCaption.setText(QCoreApplication.translate("CaseDialog", u"Cate&gory:", None))
        self.clausesCaption.setText(QCoreApplication.translate("CaseDialog", u"Protocol c&lauses:", None))
        self.summaryCaption.setText(QCoreApplication.translate("CaseDialog", u"Summar&y:", None))
        self.detailsCaption.setText(QCoreApplication.translate("CaseDialog", u"&Details:", None))
        self.routeCaption.setText(QCoreApplication.translate("CaseDialog", u"Ro&ute:", None))
        self.statusCaption.setText(QCoreApplication.translate("CaseDialog", u"S&tatus:", None))
        self.followUpOnCaption.setText(QCoreApplication.translate("CaseDialog", u"&Follow up on:", None))
        self.followUpOnEdit.setPlaceholderText(QCoreApplication.translate("CaseDialog", u"dd/mm/yyyy (blank: none)", None))
        self.outcomeCaption.setText(QCoreApplication.translate("CaseDialog", u"Outco&me:", None))
        self.closedOnCaption.setText(QCoreApplication.translate("CaseDialog", u"Closed o&n:", None))
        self.closedOnEdit.setPlaceholderText(QCoreApplication.translate("CaseDialog", u"dd/mm/yyyy (blank: still open)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.concernTab), QCoreApplication.translate("CaseDialog", u"Concern", None))
        self.editEntryButton.setText(QCoreApplication.translate("CaseDialog", u"&Edit entry", None))
#if QT_CONFIG(tooltip)
        self.editEntryButton.setToolTip(QCoreApplication.translate("CaseDialog", u"Change the selected entry's date or text", None))
#endif // QT_CONFIG(tooltip)
        self.deleteEntryButton.setText(QCoreApplication.translate("CaseDialog", u"De&lete entry", None))
#if QT_CONFIG(tooltip)
        self.deleteEntryButton.setToolTip(QCoreApplication.translate("CaseDialog", u"Remove the selected entry (the audit trail keeps that it was removed)", None))
#endif // QT_CONFIG(tooltip)
        self.entryDateEdit.setPlaceholderText(QCoreApplication.translate("CaseDialog", u"dd/mm/yyyy", None))
        self.entryTextEdit.setPlaceholderText(QCoreApplication.translate("CaseDialog", u"What was done, or who was contacted", None))
        self.addEntryButton.setText(QCoreApplication.translate("CaseDialog", u"&Add to timeline", None))
        self.tabs.setTabText(self.tabs.indexOf(self.timelineTab), QCoreApplication.translate("CaseDialog", u"Timeline", None))
        self.tabs.setTabText(self.tabs.indexOf(self.auditTab), QCoreApplication.translate("CaseDialog", u"Audit trail", None))
        self.exportButton.setText(QCoreApplication.translate("CaseDialog", u"Case report &PDF\u2026", None))
    # retranslateUi

