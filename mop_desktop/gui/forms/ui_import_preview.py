# Compiled from ui/import_preview.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QFormLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_ImportPreviewDialog(object):
    def setupUi(self, ImportPreviewDialog: QDialog) -> None:
        if not ImportPreviewDialog.objectName():
            ImportPreviewDialog.setObjectName(u"ImportPreviewDialog")
        ImportPreviewDialog.resize(1000, 720)
        ImportPreviewDialog.setSizeGripEnabled(True)
        self.previewLayout = QVBoxLayout(ImportPreviewDialog)
        self.previewLayout.setObjectName(u"previewLayout")
        self.headingLabel = QLabel(ImportPreviewDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        font = QFont()
        font.setPointSize(14)
        font.setBold(True)
        self.headingLabel.setFont(font)
        self.headingLabel.setTextFormat(Qt.PlainText)

        self.previewLayout.addWidget(self.headingLabel)

        self.summaryForm = QFormLayout()
        self.summaryForm.setObjectName(u"summaryForm")
        self.sourceCaption = QLabel(ImportPreviewDialog)
        self.sourceCaption.setObjectName(u"sourceCaption")

        self.summaryForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sourceCaption)

        self.sourceValue = QLabel(ImportPreviewDialog)
        self.sourceValue.setObjectName(u"sourceValue")
        self.sourceValue.setTextFormat(Qt.PlainText)
        self.sourceValue.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.summaryForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sourceValue)

        self.councilCaption = QLabel(ImportPreviewDialog)
        self.councilCaption.setObjectName(u"councilCaption")

        self.summaryForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.councilCaption)

        self.councilValue = QLineEdit(ImportPreviewDialog)
        self.councilValue.setObjectName(u"councilValue")

        self.summaryForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.councilValue)

        self.titleCaption = QLabel(ImportPreviewDialog)
        self.titleCaption.setObjectName(u"titleCaption")

        self.summaryForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.titleCaption)

        self.titleValue = QLineEdit(ImportPreviewDialog)
        self.titleValue.setObjectName(u"titleValue")

        self.summaryForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.titleValue)

        self.adoptionCaption = QLabel(ImportPreviewDialog)
        self.adoptionCaption.setObjectName(u"adoptionCaption")

        self.summaryForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.adoptionCaption)

        self.adoptionValue = QLabel(ImportPreviewDialog)
        self.adoptionValue.setObjectName(u"adoptionValue")
        self.adoptionValue.setTextFormat(Qt.PlainText)
        self.adoptionValue.setWordWrap(True)

        self.summaryForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.adoptionValue)

        self.contentsCaption = QLabel(ImportPreviewDialog)
        self.contentsCaption.setObjectName(u"contentsCaption")

        self.summaryForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.contentsCaption)

        self.contentsValue = QLabel(ImportPreviewDialog)
        self.contentsValue.setObjectName(u"contentsValue")
        self.contentsValue.setTextFormat(Qt.PlainText)
        self.contentsValue.setWordWrap(True)

        self.summaryForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.contentsValue)


        self.previewLayout.addLayout(self.summaryForm)

        self.previewSplitter = QSplitter(ImportPreviewDialog)
        self.previewSplitter.setObjectName(u"previewSplitter")
        self.previewSplitter.setOrientation(Qt.Vertical)
        self.previewSplitter.setChildrenCollapsible(False)
        self.outlinePanel = QWidget(self.previewSplitter)
        self.outlinePanel.setObjectName(u"outlinePanel")
        self.outlineLayout = QVBoxLayout(self.outlinePanel)
        self.outlineLayout.setObjectName(u"outlineLayout")
        self.outlineLayout.setContentsMargins(0, 0, 0, 0)
        self.outlineTree = QTreeWidget(self.outlinePanel)
        self.outlineTree.setObjectName(u"outlineTree")
        self.outlineTree.setAlternatingRowColors(True)
        self.outlineTree.setWordWrap(True)
        self.outlineTree.setUniformRowHeights(False)

        self.outlineLayout.addWidget(self.outlineTree)

        self.markRow = QHBoxLayout()
        self.markRow.setObjectName(u"markRow")
        self.markLabel = QLabel(self.outlinePanel)
        self.markLabel.setObjectName(u"markLabel")

        self.markRow.addWidget(self.markLabel)

        self.markTitleButton = QPushButton(self.outlinePanel)
        self.markTitleButton.setObjectName(u"markTitleButton")
        self.markTitleButton.setAutoDefault(False)

        self.markRow.addWidget(self.markTitleButton)

        self.markHeadingButton = QPushButton(self.outlinePanel)
        self.markHeadingButton.setObjectName(u"markHeadingButton")
        self.markHeadingButton.setAutoDefault(False)

        self.markRow.addWidget(self.markHeadingButton)

        self.markClauseButton = QPushButton(self.outlinePanel)
        self.markClauseButton.setObjectName(u"markClauseButton")
        self.markClauseButton.setAutoDefault(False)

        self.markRow.addWidget(self.markClauseButton)

        self.markItemButton = QPushButton(self.outlinePanel)
        self.markItemButton.setObjectName(u"markItemButton")
        self.markItemButton.setAutoDefault(False)

        self.markRow.addWidget(self.markItemButton)

        self.markParagraphButton = QPushButton(self.outlinePanel)
        self.markParagraphButton.setObjectName(u"markParagraphButton")
        self.markParagraphButton.setAutoDefault(False)

        self.markRow.addWidget(self.markParagraphButton)

        self.markRemoveButton = QPushButton(self.outlinePanel)
        self.markRemoveButton.setObjectName(u"markRemoveButton")
        self.markRemoveButton.setAutoDefault(False)

        self.markRow.addWidget(self.markRemoveButton)

        self.markRightButton = QPushButton(self.outlinePanel)
        self.markRightButton.setObjectName(u"markRightButton")
        self.markRightButton.setAutoDefault(False)

        self.markRow.addWidget(self.markRightButton)

        self.undoCorrectionButton = QPushButton(self.outlinePanel)
        self.undoCorrectionButton.setObjectName(u"undoCorrectionButton")
        self.undoCorrectionButton.setAutoDefault(False)

        self.markRow.addWidget(self.undoCorrectionButton)

        self.markSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.markRow.addItem(self.markSpacer)


        self.outlineLayout.addLayout(self.markRow)

        self.correctionLabel = QLabel(self.outlinePanel)
        self.correctionLabel.setObjectName(u"correctionLabel")
        self.correctionLabel.setTextFormat(Qt.PlainText)
        self.correctionLabel.setWordWrap(True)

        self.outlineLayout.addWidget(self.correctionLabel)

        self.previewSplitter.addWidget(self.outlinePanel)
        self.lowerPanel = QWidget(self.previewSplitter)
        self.lowerPanel.setObjectName(u"lowerPanel")
        self.lowerLayout = QHBoxLayout(self.lowerPanel)
        self.lowerLayout.setObjectName(u"lowerLayout")
        self.lowerLayout.setContentsMargins(0, 0, 0, 0)
        self.historyGroup = QGroupBox(self.lowerPanel)
        self.historyGroup.setObjectName(u"historyGroup")
        self.historyLayout = QVBoxLayout(self.historyGroup)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyView = QTableView(self.historyGroup)
        self.historyView.setObjectName(u"historyView")
        self.historyView.setEditTriggers(QAbstractItemView.DoubleClicked|QAbstractItemView.EditKeyPressed|QAbstractItemView.AnyKeyPressed)
        self.historyView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.historyView.setWordWrap(False)

        self.historyLayout.addWidget(self.historyView)

        self.historyButtons = QHBoxLayout()
        self.historyButtons.setObjectName(u"historyButtons")
        self.addHistoryButton = QPushButton(self.historyGroup)
        self.addHistoryButton.setObjectName(u"addHistoryButton")
        self.addHistoryButton.setAutoDefault(False)

        self.historyButtons.addWidget(self.addHistoryButton)

        self.removeHistoryButton = QPushButton(self.historyGroup)
        self.removeHistoryButton.setObjectName(u"removeHistoryButton")
        self.removeHistoryButton.setAutoDefault(False)

        self.historyButtons.addWidget(self.removeHistoryButton)

        self.historySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.historyButtons.addItem(self.historySpacer)


        self.historyLayout.addLayout(self.historyButtons)

        self.historyErrorLabel = QLabel(self.historyGroup)
        self.historyErrorLabel.setObjectName(u"historyErrorLabel")
        self.historyErrorLabel.setTextFormat(Qt.PlainText)
        self.historyErrorLabel.setWordWrap(True)

        self.historyLayout.addWidget(self.historyErrorLabel)


        self.lowerLayout.addWidget(self.historyGroup)

        self.warningsGroup = QGroupBox(self.lowerPanel)
        self.warningsGroup.setObjectName(u"warningsGroup")
        self.warningsLayout = QVBoxLayout(self.warningsGroup)
        self.warningsLayout.setObjectName(u"warningsLayout")
        self.warningsList = QListWidget(self.warningsGroup)
        self.warningsList.setObjectName(u"warningsList")
        self.warningsList.setWordWrap(True)

        self.warningsLayout.addWidget(self.warningsList)


        self.lowerLayout.addWidget(self.warningsGroup)

        self.lowerLayout.setStretch(0, 3)
        self.lowerLayout.setStretch(1, 2)
        self.previewSplitter.addWidget(self.lowerPanel)

        self.previewLayout.addWidget(self.previewSplitter)

        self.noteLabel = QLabel(ImportPreviewDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setTextFormat(Qt.PlainText)
        self.noteLabel.setWordWrap(True)

        self.previewLayout.addWidget(self.noteLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.cancelButton = QPushButton(ImportPreviewDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.draftButton = QPushButton(ImportPreviewDialog)
        self.draftButton.setObjectName(u"draftButton")
        self.draftButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.draftButton)

        self.adoptedButton = QPushButton(ImportPreviewDialog)
        self.adoptedButton.setObjectName(u"adoptedButton")

        self.buttonRow.addWidget(self.adoptedButton)


        self.previewLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.councilCaption.setBuddy(self.councilValue)
        self.titleCaption.setBuddy(self.titleValue)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportPreviewDialog)
        self.cancelButton.clicked.connect(ImportPreviewDialog.reject)

        self.adoptedButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ImportPreviewDialog: QDialog) -> None:
        ImportPreviewDialog.setWindowTitle(QCoreApplication.translate("ImportPreviewDialog", u"Check the import", None))
        self.headingLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"Check what was read before it is saved", None))
        self.sourceCaption.setText(QCoreApplication.translate("ImportPreviewDialog", u"File:", None))
        self.councilCaption.setText(QCoreApplication.translate("ImportPreviewDialog", u"&Council:", None))
        self.councilValue.setPlaceholderText(QCoreApplication.translate("ImportPreviewDialog", u"Not named in the file: type the council's name", None))
#if QT_CONFIG(accessibility)
        self.councilValue.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"Council", None))
#endif // QT_CONFIG(accessibility)
        self.titleCaption.setText(QCoreApplication.translate("ImportPreviewDialog", u"&Title:", None))
        self.titleValue.setPlaceholderText(QCoreApplication.translate("ImportPreviewDialog", u"No title found in the file: type the title", None))
#if QT_CONFIG(accessibility)
        self.titleValue.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.adoptionCaption.setText(QCoreApplication.translate("ImportPreviewDialog", u"Adoption:", None))
        self.contentsCaption.setText(QCoreApplication.translate("ImportPreviewDialog", u"Contents:", None))
        ___qtreewidgetitem = self.outlineTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ImportPreviewDialog", u"To check", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ImportPreviewDialog", u"Text", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ImportPreviewDialog", u"Number", None))
#if QT_CONFIG(accessibility)
        self.outlineTree.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"The protocol as read", None))
#endif // QT_CONFIG(accessibility)
        self.markLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"The selected line is:", None))
        self.markTitleButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"Tit&le", None))
        self.markHeadingButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"&Heading", None))
        self.markClauseButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"Cla&use", None))
        self.markItemButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"List &item", None))
        self.markParagraphButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"&Paragraph", None))
        self.markRemoveButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"&Not part of it", None))
        self.markRightButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"Looks &right", None))
        self.undoCorrectionButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"&Undo", None))
        self.historyGroup.setTitle(QCoreApplication.translate("ImportPreviewDialog", u"Version history", None))
        self.addHistoryButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"Add a ro&w", None))
        self.removeHistoryButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"Remo&ve row", None))
        self.warningsGroup.setTitle(QCoreApplication.translate("ImportPreviewDialog", u"Points to check", None))
        self.cancelButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"Cancel", None))
        self.draftButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"Import as &draft", None))
        self.adoptedButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"Import as &adopted version", None))
    # retranslateUi

