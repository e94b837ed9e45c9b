# Compiled from ui/protocol_page.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QFrame, QGridLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QStackedWidget,
    QToolButton, QTreeView, QVBoxLayout, QWidget)

class Ui_ProtocolPage(object):
    def setupUi(self, ProtocolPage: QWidget) -> None:
        if not ProtocolPage.objectName():
            ProtocolPage.setObjectName(u"ProtocolPage")
        ProtocolPage.resize(1000, 680)
        self.pageLayout = QVBoxLayout(ProtocolPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(11, 11, 11, 11)
        self.stack = QStackedWidget(ProtocolPage)
        self.stack.setObjectName(u"stack")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyTop = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyTop)

        self.emptyTitleLabel = QLabel(self.emptyPage)
        self.emptyTitleLabel.setObjectName(u"emptyTitleLabel")
        self.emptyTitleLabel.setTextFormat(Qt.PlainText)
        self.emptyTitleLabel.setAlignment(Qt.AlignCenter)

        self.emptyLayout.addWidget(self.emptyTitleLabel)

        self.emptyTextLabel = QLabel(self.emptyPage)
        self.emptyTextLabel.setObjectName(u"emptyTextLabel")
        self.emptyTextLabel.setTextFormat(Qt.PlainText)
        self.emptyTextLabel.setWordWrap(True)
        self.emptyTextLabel.setAlignment(Qt.AlignCenter)

        self.emptyLayout.addWidget(self.emptyTextLabel)

        self.emptyBottom = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyBottom)

        self.emptyLayout.setStretch(0, 1)
        self.emptyLayout.setStretch(3, 2)
        self.stack.addWidget(self.emptyPage)
        self.editorPage = QWidget()
        self.editorPage.setObjectName(u"editorPage")
        self.editorLayout = QVBoxLayout(self.editorPage)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(0, 0, 0, 0)
        self.bannerFrame = QFrame(self.editorPage)
        self.bannerFrame.setObjectName(u"bannerFrame")
        self.bannerFrame.setFrameShape(QFrame.StyledPanel)
        self.bannerLayout = QHBoxLayout(self.bannerFrame)
        self.bannerLayout.setObjectName(u"bannerLayout")
        self.bannerLabel = QLabel(self.bannerFrame)
        self.bannerLabel.setObjectName(u"bannerLabel")
        self.bannerLabel.setTextFormat(Qt.PlainText)
        self.bannerLabel.setWordWrap(True)

        self.bannerLayout.addWidget(self.bannerLabel)

        self.startDraftButton = QPushButton(self.bannerFrame)
        self.startDraftButton.setObjectName(u"startDraftButton")

        self.bannerLayout.addWidget(self.startDraftButton)

        self.bannerLayout.setStretch(0, 1)

        self.editorLayout.addWidget(self.bannerFrame)

        self.titleLayout = QHBoxLayout()
        self.titleLayout.setObjectName(u"titleLayout")
        self.titleLabel = QLabel(self.editorPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.titleLayout.addWidget(self.titleLabel)

        self.titleEdit = QLineEdit(self.editorPage)
        self.titleEdit.setObjectName(u"titleEdit")

        self.titleLayout.addWidget(self.titleEdit)


        self.editorLayout.addLayout(self.titleLayout)

        self.toolbarWidget = QWidget(self.editorPage)
        self.toolbarWidget.setObjectName(u"toolbarWidget")
        self.toolbarLayout = QGridLayout(self.toolbarWidget)
        self.toolbarLayout.setObjectName(u"toolbarLayout")
        self.toolbarLayout.setContentsMargins(0, 0, 0, 0)
        self.editButtons = QWidget(self.toolbarWidget)
        self.editButtons.setObjectName(u"editButtons")
        self.editButtonsLayout = QHBoxLayout(self.editButtons)
        self.editButtonsLayout.setObjectName(u"editButtonsLayout")
        self.editButtonsLayout.setContentsMargins(0, 0, 0, 0)
        self.addSectionButton = QToolButton(self.editButtons)
        self.addSectionButton.setObjectName(u"addSectionButton")
        self.addSectionButton.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.addSectionButton.setAutoRaise(False)

        self.editButtonsLayout.addWidget(self.addSectionButton)

        self.addClauseButton = QToolButton(self.editButtons)
        self.addClauseButton.setObjectName(u"addClauseButton")
        self.addClauseButton.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.addClauseButton.setAutoRaise(False)

        self.editButtonsLayout.addWidget(self.addClauseButton)

        self.insertAboveButton = QToolButton(self.editButtons)
        self.insertAboveButton.setObjectName(u"insertAboveButton")
        self.insertAboveButton.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.insertAboveButton.setAutoRaise(False)

        self.editButtonsLayout.addWidget(self.insertAboveButton)

        self.deleteButton = QToolButton(self.editButtons)
        self.deleteButton.setObjectName(u"deleteButton")
        self.deleteButton.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.deleteButton.setAutoRaise(False)

        self.editButtonsLayout.addWidget(self.deleteButton)


        self.toolbarLayout.addWidget(self.editButtons, 0, 0, 1, 1)

        self.toolLine1 = QFrame(self.toolbarWidget)
        self.toolLine1.setObjectName(u"toolLine1")
        self.toolLine1.setFrameShape(QFrame.Shape.VLine)
        self.toolLine1.setFrameShadow(QFrame.Shadow.Sunken)

        self.toolbarLayout.addWidget(self.toolLine1, 0, 1, 1, 1)

        self.arrangeButtons = QWidget(self.toolbarWidget)
        self.arrangeButtons.setObjectName(u"arrangeButtons")
        self.arrangeButtonsLayout = QHBoxLayout(self.arrangeButtons)
        self.arrangeButtonsLayout.setObjectName(u"arrangeButtonsLayout")
        self.arrangeButtonsLayout.setContentsMargins(0, 0, 0, 0)
        self.moveUpButton = QToolButton(self.arrangeButtons)
        self.moveUpButton.setObjectName(u"moveUpButton")
        self.moveUpButton.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.moveUpButton.setAutoRaise(False)

        self.arrangeButtonsLayout.addWidget(self.moveUpButton)

        self.moveDownButton = QToolButton(self.arrangeButtons)
        self.moveDownButton.setObjectName(u"moveDownButton")
        self.moveDownButton.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.moveDownButton.setAutoRaise(False)

        self.arrangeButtonsLayout.addWidget(self.moveDownButton)

        self.toolLine2 = QFrame(self.arrangeButtons)
        self.toolLine2.setObjectName(u"toolLine2")
        self.toolLine2.setFrameShape(QFrame.Shape.VLine)
        self.toolLine2.setFrameShadow(QFrame.Shadow.Sunken)

        self.arrangeButtonsLayout.addWidget(self.toolLine2)

        self.indentButton = QToolButton(self.arrangeButtons)
        self.indentButton.setObjectName(u"indentButton")
        self.indentButton.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.indentButton.setAutoRaise(False)

        self.arrangeButtonsLayout.addWidget(self.indentButton)

        self.outdentButton = QToolButton(self.arrangeButtons)
        self.outdentButton.setObjectName(u"outdentButton")
        self.outdentButton.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.outdentButton.setAutoRaise(False)

        self.arrangeButtonsLayout.addWidget(self.outdentButton)

        self.numberedButton = QToolButton(self.arrangeButtons)
        self.numberedButton.setObjectName(u"numberedButton")
        self.numberedButton.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.numberedButton.setAutoRaise(False)
        self.numberedButton.setCheckable(True)

        self.arrangeButtonsLayout.addWidget(self.numberedButton)


        self.toolbarLayout.addWidget(self.arrangeButtons, 0, 2, 1, 1)

        self.toolSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbarLayout.addItem(self.toolSpacer, 0, 3, 1, 1)

        self.saveStateLabel = QLabel(self.toolbarWidget)
        self.saveStateLabel.setObjectName(u"saveStateLabel")
        self.saveStateLabel.setTextFormat(Qt.PlainText)

        self.toolbarLayout.addWidget(self.saveStateLabel, 0, 4, 1, 1)


        self.editorLayout.addWidget(self.toolbarWidget)

        self.splitter = QSplitter(self.editorPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.outlineView = QTreeView(self.splitter)
        self.outlineView.setObjectName(u"outlineView")
        self.outlineView.setHeaderHidden(True)
        self.outlineView.setUniformRowHeights(True)
        self.outlineView.setDragEnabled(True)
        self.outlineView.setDragDropMode(QAbstractItemView.InternalMove)
        self.outlineView.setDefaultDropAction(Qt.MoveAction)
        self.outlineView.setSelectionMode(QAbstractItemView.SingleSelection)
        self.outlineView.setTextElideMode(Qt.ElideRight)
        self.outlineView.setAlternatingRowColors(False)
        self.splitter.addWidget(self.outlineView)
        self.editorStack = QStackedWidget(self.splitter)
        self.editorStack.setObjectName(u"editorStack")
        self.nothingPanel = QWidget()
        self.nothingPanel.setObjectName(u"nothingPanel")
        self.nothingLayout = QVBoxLayout(self.nothingPanel)
        self.nothingLayout.setObjectName(u"nothingLayout")
        self.nothingTop = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.nothingLayout.addItem(self.nothingTop)

        self.nothingLabel = QLabel(self.nothingPanel)
        self.nothingLabel.setObjectName(u"nothingLabel")
        self.nothingLabel.setTextFormat(Qt.PlainText)
        self.nothingLabel.setWordWrap(True)
        self.nothingLabel.setAlignment(Qt.AlignCenter)

        self.nothingLayout.addWidget(self.nothingLabel)

        self.nothingBottom = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.nothingLayout.addItem(self.nothingBottom)

        self.editorStack.addWidget(self.nothingPanel)
        self.sectionPanel = QWidget()
        self.sectionPanel.setObjectName(u"sectionPanel")
        self.sectionPanelLayout = QVBoxLayout(self.sectionPanel)
        self.sectionPanelLayout.setObjectName(u"sectionPanelLayout")
        self.sectionPanelLayout.setContentsMargins(0, 0, 0, 0)
        self.sectionNumberLabel = QLabel(self.sectionPanel)
        self.sectionNumberLabel.setObjectName(u"sectionNumberLabel")
        self.sectionNumberLabel.setTextFormat(Qt.PlainText)

        self.sectionPanelLayout.addWidget(self.sectionNumberLabel)

        self.headingLabel = QLabel(self.sectionPanel)
        self.headingLabel.setObjectName(u"headingLabel")

        self.sectionPanelLayout.addWidget(self.headingLabel)

        self.headingEdit = QLineEdit(self.sectionPanel)
        self.headingEdit.setObjectName(u"headingEdit")

        self.sectionPanelLayout.addWidget(self.headingEdit)

        self.sectionNumberedCheck = QCheckBox(self.sectionPanel)
        self.sectionNumberedCheck.setObjectName(u"sectionNumberedCheck")

        self.sectionPanelLayout.addWidget(self.sectionNumberedCheck)

        self.sectionHintLabel = QLabel(self.sectionPanel)
        self.sectionHintLabel.setObjectName(u"sectionHintLabel")
        self.sectionHintLabel.setTextFormat(Qt.PlainText)
        self.sectionHintLabel.setWordWrap(True)

        self.sectionPanelLayout.addWidget(self.sectionHintLabel)

        self.sectionSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sectionPanelLayout.addItem(self.sectionSpacer)

        self.editorStack.addWidget(self.sectionPanel)
        self.blockPanel = QWidget()
        self.blockPanel.setObjectName(u"blockPanel")
        self.blockPanelLayout = QVBoxLayout(self.blockPanel)
        self.blockPanelLayout.setObjectName(u"blockPanelLayout")
        self.blockPanelLayout.setContentsMargins(0, 0, 0, 0)
        self.blockHeaderLayout = QHBoxLayout()
        self.blockHeaderLayout.setObjectName(u"blockHeaderLayout")
        self.blockNumberLabel = QLabel(self.blockPanel)
        self.blockNumberLabel.setObjectName(u"blockNumberLabel")
        self.blockNumberLabel.setTextFormat(Qt.PlainText)

        self.blockHeaderLayout.addWidget(self.blockNumberLabel)

        self.blockHeaderSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.blockHeaderLayout.addItem(self.blockHeaderSpacer)

        self.levelLabel = QLabel(self.blockPanel)
        self.levelLabel.setObjectName(u"levelLabel")

        self.blockHeaderLayout.addWidget(self.levelLabel)

        self.levelCombo = QComboBox(self.blockPanel)
        self.levelCombo.addItem("")
        self.levelCombo.addItem("")
        self.levelCombo.setObjectName(u"levelCombo")

        self.blockHeaderLayout.addWidget(self.levelCombo)

        self.blockNumberedCheck = QCheckBox(self.blockPanel)
        self.blockNumberedCheck.setObjectName(u"blockNumberedCheck")

        self.blockHeaderLayout.addWidget(self.blockNumberedCheck)


        self.blockPanelLayout.addLayout(self.blockHeaderLayout)

        self.textLabel = QLabel(self.blockPanel)
        self.textLabel.setObjectName(u"textLabel")

        self.blockPanelLayout.addWidget(self.textLabel)

        self.textEdit = QPlainTextEdit(self.blockPanel)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setTabChangesFocus(True)

        self.blockPanelLayout.addWidget(self.textEdit)

        self.listHeaderLayout = QHBoxLayout()
        self.listHeaderLayout.setObjectName(u"listHeaderLayout")
        self.listLabel = QLabel(self.blockPanel)
        self.listLabel.setObjectName(u"listLabel")

        self.listHeaderLayout.addWidget(self.listLabel)

        self.listHeaderSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.listHeaderLayout.addItem(self.listHeaderSpacer)

        self.listStyleLabel = QLabel(self.blockPanel)
        self.listStyleLabel.setObjectName(u"listStyleLabel")

        self.listHeaderLayout.addWidget(self.listStyleLabel)

        self.listStyleCombo = QComboBox(self.blockPanel)
        self.listStyleCombo.addItem("")
        self.listStyleCombo.addItem("")
        self.listStyleCombo.addItem("")
        self.listStyleCombo.addItem("")
        self.listStyleCombo.setObjectName(u"listStyleCombo")

        self.listHeaderLayout.addWidget(self.listStyleCombo)

        self.subListStyleLabel = QLabel(self.blockPanel)
        self.subListStyleLabel.setObjectName(u"subListStyleLabel")

        self.listHeaderLayout.addWidget(self.subListStyleLabel)

        self.subListStyleCombo = QComboBox(self.blockPanel)
        self.subListStyleCombo.addItem("")
        self.subListStyleCombo.addItem("")
        self.subListStyleCombo.addItem("")
        self.subListStyleCombo.addItem("")
        self.subListStyleCombo.setObjectName(u"subListStyleCombo")

        self.listHeaderLayout.addWidget(self.subListStyleCombo)


        self.blockPanelLayout.addLayout(self.listHeaderLayout)

        self.listEdit = QPlainTextEdit(self.blockPanel)
        self.listEdit.setObjectName(u"listEdit")
        self.listEdit.setTabChangesFocus(True)

        self.blockPanelLayout.addWidget(self.listEdit)

        self.blockPanelLayout.setStretch(2, 2)
        self.blockPanelLayout.setStretch(4, 2)
        self.editorStack.addWidget(self.blockPanel)
        self.splitter.addWidget(self.editorStack)

        self.editorLayout.addWidget(self.splitter)

        self.editorLayout.setStretch(3, 1)
        self.stack.addWidget(self.editorPage)

        self.pageLayout.addWidget(self.stack)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.headingLabel.setBuddy(self.headingEdit)
        self.levelLabel.setBuddy(self.levelCombo)
        self.textLabel.setBuddy(self.textEdit)
        self.listLabel.setBuddy(self.listEdit)
        self.listStyleLabel.setBuddy(self.listStyleCombo)
        self.subListStyleLabel.setBuddy(self.subListStyleCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProtocolPage)
    # setupUi

    def retranslateUi(self, ProtocolPage: QWidget) -> None:
        self.emptyTitleLabel.setText(QCoreApplication.translate("ProtocolPage", u"No protocol yet", None))
        self.emptyTextLabel.setText(QCoreApplication.translate("ProtocolPage", u"Import your council's current Member/Officer Relations Protocol (.docx, .txt or .md), or start from the model protocol: both are on the welcome screen and in the File menu. The text then appears here, ready to edit.", None))
        self.bannerLabel.setText("")
        self.startDraftButton.setText(QCoreApplication.translate("ProtocolPage", u"&Start a new draft", None))
#if QT_CONFIG(tooltip)
        self.startDraftButton.setToolTip(QCoreApplication.translate("ProtocolPage", u"Copy the adopted text into a new draft to edit it", None))
#endif // QT_CONFIG(tooltip)
        self.titleLabel.setText(QCoreApplication.translate("ProtocolPage", u"T&itle", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("ProtocolPage", u"Document title", None))
#endif // QT_CONFIG(accessibility)
        self.addSectionButton.setText(QCoreApplication.translate("ProtocolPage", u"Add section", None))
#if QT_CONFIG(tooltip)
        self.addSectionButton.setToolTip(QCoreApplication.translate("ProtocolPage", u"Add a section after the selected one", None))
#endif // QT_CONFIG(tooltip)
        self.addClauseButton.setText(QCoreApplication.translate("ProtocolPage", u"Add clause", None))
#if QT_CONFIG(tooltip)
        self.addClauseButton.setToolTip(QCoreApplication.translate("ProtocolPage", u"Add a clause after the selected one (Ctrl+Return)", None))
#endif // QT_CONFIG(tooltip)
        self.insertAboveButton.setText(QCoreApplication.translate("ProtocolPage", u"Insert clause above", None))
#if QT_CONFIG(tooltip)
        self.insertAboveButton.setToolTip(QCoreApplication.translate("ProtocolPage", u"Insert a clause above the selected one", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("ProtocolPage", u"Delete", None))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("ProtocolPage", u"Delete the selected section or clause (Delete on the outline; Ctrl+Z brings it back)", None))
#endif // QT_CONFIG(tooltip)
        self.moveUpButton.setText(QCoreApplication.translate("ProtocolPage", u"Move up", None))
#if QT_CONFIG(tooltip)
        self.moveUpButton.setToolTip(QCoreApplication.translate("ProtocolPage", u"Move the selected part up (Ctrl+Shift+Up on the outline)", None))
#endif // QT_CONFIG(tooltip)
        self.moveDownButton.setText(QCoreApplication.translate("ProtocolPage", u"Move down", None))
#if QT_CONFIG(tooltip)
        self.moveDownButton.setToolTip(QCoreApplication.translate("ProtocolPage", u"Move the selected part down (Ctrl+Shift+Down on the outline)", None))
#endif // QT_CONFIG(tooltip)
        self.indentButton.setText(QCoreApplication.translate("ProtocolPage", u"Indent", None))
#if QT_CONFIG(tooltip)
        self.indentButton.setToolTip(QCoreApplication.translate("ProtocolPage", u"Make the clause a sub-clause of the one above (Ctrl+Shift+Right on the outline)", None))
#endif // QT_CONFIG(tooltip)
        self.outdentButton.setText(QCoreApplication.translate("ProtocolPage", u"Outdent", None))
#if QT_CONFIG(tooltip)
        self.outdentButton.setToolTip(QCoreApplication.translate("ProtocolPage", u"Make the sub-clause a clause (Ctrl+Shift+Left on the outline)", None))
#endif // QT_CONFIG(tooltip)
        self.numberedButton.setText(QCoreApplication.translate("ProtocolPage", u"Numbered", None))
#if QT_CONFIG(tooltip)
        self.numberedButton.setToolTip(QCoreApplication.translate("ProtocolPage", u"Number the selected section or clause, or leave it unnumbered", None))
#endif // QT_CONFIG(tooltip)
        self.saveStateLabel.setText("")
#if QT_CONFIG(accessibility)
        self.outlineView.setAccessibleName(QCoreApplication.translate("ProtocolPage", u"Outline", None))
#endif // QT_CONFIG(accessibility)
        self.nothingLabel.setText(QCoreApplication.translate("ProtocolPage", u"Select a section or clause in the outline to edit it.", None))
        self.sectionNumberLabel.setText("")
#if QT_CONFIG(accessibility)
        self.sectionNumberLabel.setAccessibleName(QCoreApplication.translate("ProtocolPage", u"Section number", None))
#endif // QT_CONFIG(accessibility)
        self.headingLabel.setText(QCoreApplication.translate("ProtocolPage", u"Headin&g", None))
        self.headingEdit.setPlaceholderText(QCoreApplication.translate("ProtocolPage", u"Heading of this section", None))
#if QT_CONFIG(accessibility)
        self.headingEdit.setAccessibleName(QCoreApplication.translate("ProtocolPage", u"Section heading", None))
#endif // QT_CONFIG(accessibility)
        self.sectionNumberedCheck.setText(QCoreApplication.translate("ProtocolPage", u"&Numbered section", None))
        self.sectionHintLabel.setText(QCoreApplication.translate("ProtocolPage", u"Select a clause in the outline to edit its text. Add clause puts a new clause at the end of this section.", None))
        self.blockNumberLabel.setText("")
#if QT_CONFIG(accessibility)
        self.blockNumberLabel.setAccessibleName(QCoreApplication.translate("ProtocolPage", u"Clause number", None))
#endif // QT_CONFIG(accessibility)
        self.levelLabel.setText(QCoreApplication.translate("ProtocolPage", u"&Level", None))
        self.levelCombo.setItemText(0, QCoreApplication.translate("ProtocolPage", u"Clause", None))
        self.levelCombo.setItemText(1, QCoreApplication.translate("ProtocolPage", u"Sub-clause", None))

#if QT_CONFIG(accessibility)
        self.levelCombo.setAccessibleName(QCoreApplication.translate("ProtocolPage", u"Level", None))
#endif // QT_CONFIG(accessibility)
        self.blockNumberedCheck.setText(QCoreApplication.translate("ProtocolPage", u"N&umbered", None))
        self.textLabel.setText(QCoreApplication.translate("ProtocolPage", u"&Text", None))
#if QT_CONFIG(accessibility)
        self.textEdit.setAccessibleName(QCoreApplication.translate("ProtocolPage", u"Clause text", None))
#endif // QT_CONFIG(accessibility)
        self.textEdit.setPlaceholderText(QCoreApplication.translate("ProtocolPage", u"Type the clause here", None))
        self.listLabel.setText(QCoreApplication.translate("ProtocolPage", u"List bel&ow the clause", None))
        self.listStyleLabel.setText(QCoreApplication.translate("ProtocolPage", u"St&yle", None))
        self.listStyleCombo.setItemText(0, QCoreApplication.translate("ProtocolPage", u"Bulleted  \u2022", None))
        self.listStyleCombo.setItemText(1, QCoreApplication.translate("ProtocolPage", u"Lettered  a)", None))
        self.listStyleCombo.setItemText(2, QCoreApplication.translate("ProtocolPage", u"Roman  i)", None))
        self.listStyleCombo.setItemText(3, QCoreApplication.translate("ProtocolPage", u"Numbered  1.", None))

#if QT_CONFIG(accessibility)
        self.listStyleCombo.setAccessibleName(QCoreApplication.translate("ProtocolPage", u"List style", None))
#endif // QT_CONFIG(accessibility)
        self.subListStyleLabel.setText(QCoreApplication.translate("ProtocolPage", u"Su&b-lists", None))
        self.subListStyleCombo.setItemText(0, QCoreApplication.translate("ProtocolPage", u"Bulleted  \u2022", None))
        self.subListStyleCombo.setItemText(1, QCoreApplication.translate("ProtocolPage", u"Lettered  a)", None))
        self.subListStyleCombo.setItemText(2, QCoreApplication.translate("ProtocolPage", u"Roman  i)", None))
        self.subListStyleCombo.setItemText(3, QCoreApplication.translate("ProtocolPage", u"Numbered  1.", None))

#if QT_CONFIG(accessibility)
        self.subListStyleCombo.setAccessibleName(QCoreApplication.translate("ProtocolPage", u"Sub-list style", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.subListStyleCombo.setToolTip(QCoreApplication.translate("ProtocolPage", u"Style of the sub-lists (lines starting with two spaces); deeper sub-lists keep their own", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.listEdit.setAccessibleName(QCoreApplication.translate("ProtocolPage", u"List items", None))
#endif // QT_CONFIG(accessibility)
        self.listEdit.setPlaceholderText(QCoreApplication.translate("ProtocolPage", u"One item per line. Start a line with two spaces for a sub-item.", None))
        pass
    # retranslateUi

