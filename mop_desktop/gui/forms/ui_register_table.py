# Compiled from ui/register_table.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QToolButton,
    QVBoxLayout, QWidget)

class Ui_RegisterTableView(object):
    def setupUi(self, RegisterTableView: QWidget) -> None:
        if not RegisterTableView.objectName():
            RegisterTableView.setObjectName(u"RegisterTableView")
        RegisterTableView.resize(960, 600)
        self.tableLayout = QVBoxLayout(RegisterTableView)
        self.tableLayout.setObjectName(u"tableLayout")
        self.tableLayout.setContentsMargins(18, 12, 18, -1)
        self.headLayout = QHBoxLayout()
        self.headLayout.setObjectName(u"headLayout")
        self.headingLabel = QLabel(RegisterTableView)
        self.headingLabel.setObjectName(u"headingLabel")
        font = QFont()
        font.setPointSize(16)
        font.setBold(True)
        self.headingLabel.setFont(font)
        self.headingLabel.setTextFormat(Qt.PlainText)

        self.headLayout.addWidget(self.headingLabel)

        self.headSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headLayout.addItem(self.headSpacer)

        self.newButton = QPushButton(RegisterTableView)
        self.newButton.setObjectName(u"newButton")

        self.headLayout.addWidget(self.newButton)

        self.openButton = QPushButton(RegisterTableView)
        self.openButton.setObjectName(u"openButton")

        self.headLayout.addWidget(self.openButton)

        self.exportButton = QPushButton(RegisterTableView)
        self.exportButton.setObjectName(u"exportButton")

        self.headLayout.addWidget(self.exportButton)

        self.moreButton = QToolButton(RegisterTableView)
        self.moreButton.setObjectName(u"moreButton")
        self.moreButton.setPopupMode(QToolButton.InstantPopup)

        self.headLayout.addWidget(self.moreButton)

        self.lockButton = QPushButton(RegisterTableView)
        self.lockButton.setObjectName(u"lockButton")

        self.headLayout.addWidget(self.lockButton)


        self.tableLayout.addLayout(self.headLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(RegisterTableView)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)
        self.searchEdit.setMinimumSize(QSize(220, 0))

        self.filterLayout.addWidget(self.searchEdit)

        self.statusCombo = QComboBox(RegisterTableView)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filterLayout.addWidget(self.statusCombo)

        self.categoryCombo = QComboBox(RegisterTableView)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.filterLayout.addWidget(self.categoryCombo)

        self.roleCombo = QComboBox(RegisterTableView)
        self.roleCombo.setObjectName(u"roleCombo")

        self.filterLayout.addWidget(self.roleCombo)

        self.fromLabel = QLabel(RegisterTableView)
        self.fromLabel.setObjectName(u"fromLabel")

        self.filterLayout.addWidget(self.fromLabel)

        self.fromEdit = QLineEdit(RegisterTableView)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setMinimumSize(QSize(96, 0))
        self.fromEdit.setMaximumSize(QSize(110, 16777215))

        self.filterLayout.addWidget(self.fromEdit)

        self.toLabel = QLabel(RegisterTableView)
        self.toLabel.setObjectName(u"toLabel")

        self.filterLayout.addWidget(self.toLabel)

        self.toEdit = QLineEdit(RegisterTableView)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setMinimumSize(QSize(96, 0))
        self.toEdit.setMaximumSize(QSize(110, 16777215))

        self.filterLayout.addWidget(self.toEdit)


        self.tableLayout.addLayout(self.filterLayout)

        self.table = QTableView(RegisterTableView)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.tableLayout.addWidget(self.table)

        self.countRow = QHBoxLayout()
        self.countRow.setObjectName(u"countRow")
        self.countLabel = QLabel(RegisterTableView)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setTextFormat(Qt.PlainText)
        self.countLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.countLabel.sizePolicy().hasHeightForWidth())
        self.countLabel.setSizePolicy(sizePolicy)

        self.countRow.addWidget(self.countLabel)

        self.clearFiltersButton = QPushButton(RegisterTableView)
        self.clearFiltersButton.setObjectName(u"clearFiltersButton")

        self.countRow.addWidget(self.clearFiltersButton)


        self.tableLayout.addLayout(self.countRow)

#if QT_CONFIG(shortcut)
        self.fromLabel.setBuddy(self.fromEdit)
        self.toLabel.setBuddy(self.toEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RegisterTableView)
    # setupUi

    def retranslateUi(self, RegisterTableView: QWidget) -> None:
        self.headingLabel.setText(QCoreApplication.translate("RegisterTableView", u"Concern register", None))
        self.newButton.setText(QCoreApplication.translate("RegisterTableView", u"&New concern\u2026", None))
        self.openButton.setText(QCoreApplication.translate("RegisterTableView", u"&Open", None))
        self.exportButton.setText(QCoreApplication.translate("RegisterTableView", u"Case report &PDF\u2026", None))
        self.moreButton.setText(QCoreApplication.translate("RegisterTableView", u"&More", None))
        self.lockButton.setText(QCoreApplication.translate("RegisterTableView", u"&Lock", None))
#if QT_CONFIG(tooltip)
        self.lockButton.setToolTip(QCoreApplication.translate("RegisterTableView", u"Lock the register now (Ctrl+L)", None))
#endif // QT_CONFIG(tooltip)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("RegisterTableView", u"Search every field\u2026", None))
#if QT_CONFIG(tooltip)
        self.statusCombo.setToolTip(QCoreApplication.translate("RegisterTableView", u"Status", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.categoryCombo.setToolTip(QCoreApplication.translate("RegisterTableView", u"Category", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.roleCombo.setToolTip(QCoreApplication.translate("RegisterTableView", u"Raised by or about someone in this role", None))
#endif // QT_CONFIG(tooltip)
        self.fromLabel.setText(QCoreApplication.translate("RegisterTableView", u"R&aised from", None))
        self.fromEdit.setPlaceholderText(QCoreApplication.translate("RegisterTableView", u"dd/mm/yyyy", None))
        self.toLabel.setText(QCoreApplication.translate("RegisterTableView", u"&to", None))
        self.toEdit.setPlaceholderText(QCoreApplication.translate("RegisterTableView", u"dd/mm/yyyy", None))
        self.clearFiltersButton.setText(QCoreApplication.translate("RegisterTableView", u"Clea&r filters", None))
#if QT_CONFIG(tooltip)
        self.clearFiltersButton.setToolTip(QCoreApplication.translate("RegisterTableView", u"Show every concern again: empty the search box, the dates and the filters", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

