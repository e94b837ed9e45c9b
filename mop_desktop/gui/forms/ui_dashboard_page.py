# Compiled from ui/dashboard_page.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_DashboardPage(object):
    def setupUi(self, DashboardPage: QWidget) -> None:
        if not DashboardPage.objectName():
            DashboardPage.setObjectName(u"DashboardPage")
        DashboardPage.resize(900, 640)
        self.pageLayout = QVBoxLayout(DashboardPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(DashboardPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.PlainText)

        self.pageLayout.addWidget(self.titleLabel)

        self.chainBanner = QLabel(DashboardPage)
        self.chainBanner.setObjectName(u"chainBanner")
        self.chainBanner.setTextFormat(Qt.PlainText)
        self.chainBanner.setWordWrap(True)
        self.chainBanner.setVisible(False)

        self.pageLayout.addWidget(self.chainBanner)

        self.summaryLayout = QHBoxLayout()
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.currentGroup = QGroupBox(DashboardPage)
        self.currentGroup.setObjectName(u"currentGroup")
        self.currentForm = QFormLayout(self.currentGroup)
        self.currentForm.setObjectName(u"currentForm")
        self.versionCaption = QLabel(self.currentGroup)
        self.versionCaption.setObjectName(u"versionCaption")

        self.currentForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.versionCaption)

        self.versionLabel = QLabel(self.currentGroup)
        self.versionLabel.setObjectName(u"versionLabel")
        self.versionLabel.setTextFormat(Qt.PlainText)
        self.versionLabel.setWordWrap(True)

        self.currentForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.versionLabel)

        self.adoptedCaption = QLabel(self.currentGroup)
        self.adoptedCaption.setObjectName(u"adoptedCaption")

        self.currentForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.adoptedCaption)

        self.adoptedLabel = QLabel(self.currentGroup)
        self.adoptedLabel.setObjectName(u"adoptedLabel")
        self.adoptedLabel.setTextFormat(Qt.PlainText)
        self.adoptedLabel.setWordWrap(True)

        self.currentForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.adoptedLabel)

        self.draftCaption = QLabel(self.currentGroup)
        self.draftCaption.setObjectName(u"draftCaption")

        self.currentForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.draftCaption)

        self.draftLabel = QLabel(self.currentGroup)
        self.draftLabel.setObjectName(u"draftLabel")
        self.draftLabel.setTextFormat(Qt.PlainText)
        self.draftLabel.setWordWrap(True)

        self.currentForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.draftLabel)


        self.summaryLayout.addWidget(self.currentGroup)

        self.reviewGroup = QGroupBox(DashboardPage)
        self.reviewGroup.setObjectName(u"reviewGroup")
        self.reviewForm = QFormLayout(self.reviewGroup)
        self.reviewForm.setObjectName(u"reviewForm")
        self.reviewCaption = QLabel(self.reviewGroup)
        self.reviewCaption.setObjectName(u"reviewCaption")

        self.reviewForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reviewCaption)

        self.reviewLabel = QLabel(self.reviewGroup)
        self.reviewLabel.setObjectName(u"reviewLabel")
        self.reviewLabel.setTextFormat(Qt.PlainText)
        self.reviewLabel.setWordWrap(True)

        self.reviewForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reviewLabel)

        self.meetingCaption = QLabel(self.reviewGroup)
        self.meetingCaption.setObjectName(u"meetingCaption")

        self.reviewForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.meetingCaption)

        self.meetingLabel = QLabel(self.reviewGroup)
        self.meetingLabel.setObjectName(u"meetingLabel")
        self.meetingLabel.setTextFormat(Qt.PlainText)
        self.meetingLabel.setWordWrap(True)

        self.reviewForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.meetingLabel)

        self.agendaCaption = QLabel(self.reviewGroup)
        self.agendaCaption.setObjectName(u"agendaCaption")

        self.reviewForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.agendaCaption)

        self.agendaLabel = QLabel(self.reviewGroup)
        self.agendaLabel.setObjectName(u"agendaLabel")
        self.agendaLabel.setTextFormat(Qt.PlainText)
        self.agendaLabel.setWordWrap(True)

        self.reviewForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.agendaLabel)

        self.reportCaption = QLabel(self.reviewGroup)
        self.reportCaption.setObjectName(u"reportCaption")

        self.reviewForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reportCaption)

        self.reportLabel = QLabel(self.reviewGroup)
        self.reportLabel.setObjectName(u"reportLabel")
        self.reportLabel.setTextFormat(Qt.PlainText)
        self.reportLabel.setWordWrap(True)

        self.reviewForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reportLabel)


        self.summaryLayout.addWidget(self.reviewGroup)


        self.pageLayout.addLayout(self.summaryLayout)

        self.remindersGroup = QGroupBox(DashboardPage)
        self.remindersGroup.setObjectName(u"remindersGroup")
        self.remindersLayout = QVBoxLayout(self.remindersGroup)
        self.remindersLayout.setObjectName(u"remindersLayout")
        self.countsLabel = QLabel(self.remindersGroup)
        self.countsLabel.setObjectName(u"countsLabel")
        self.countsLabel.setTextFormat(Qt.PlainText)

        self.remindersLayout.addWidget(self.countsLabel)

        self.remindersView = QTableView(self.remindersGroup)
        self.remindersView.setObjectName(u"remindersView")
        self.remindersView.setTabKeyNavigation(False)
        self.remindersView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.remindersView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.remindersView.setAlternatingRowColors(False)
        self.remindersView.setWordWrap(True)
        self.remindersView.horizontalHeader().setStretchLastSection(False)
        self.remindersView.verticalHeader().setVisible(False)

        self.remindersLayout.addWidget(self.remindersView)


        self.pageLayout.addWidget(self.remindersGroup)

        self.actionsGroup = QGroupBox(DashboardPage)
        self.actionsGroup.setObjectName(u"actionsGroup")
        self.actionsLayout = QHBoxLayout(self.actionsGroup)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.startReviewButton = QPushButton(self.actionsGroup)
        self.startReviewButton.setObjectName(u"startReviewButton")

        self.actionsLayout.addWidget(self.startReviewButton)

        self.exportPackButton = QPushButton(self.actionsGroup)
        self.exportPackButton.setObjectName(u"exportPackButton")

        self.actionsLayout.addWidget(self.exportPackButton)

        self.adoptButton = QPushButton(self.actionsGroup)
        self.adoptButton.setObjectName(u"adoptButton")

        self.actionsLayout.addWidget(self.adoptButton)

        self.scheduleButton = QPushButton(self.actionsGroup)
        self.scheduleButton.setObjectName(u"scheduleButton")

        self.actionsLayout.addWidget(self.scheduleButton)

        self.actionsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)


        self.pageLayout.addWidget(self.actionsGroup)


        self.retranslateUi(DashboardPage)
    # setupUi

    def retranslateUi(self, DashboardPage: QWidget) -> None:
        DashboardPage.setWindowTitle(QCoreApplication.translate("DashboardPage", u"Dashboard", None))
        self.titleLabel.setText(QCoreApplication.translate("DashboardPage", u"Dashboard", None))
        self.chainBanner.setText("")
        self.currentGroup.setTitle(QCoreApplication.translate("DashboardPage", u"Current version", None))
        self.versionCaption.setText(QCoreApplication.translate("DashboardPage", u"Version:", None))
        self.adoptedCaption.setText(QCoreApplication.translate("DashboardPage", u"Adopted:", None))
        self.draftCaption.setText(QCoreApplication.translate("DashboardPage", u"Draft:", None))
        self.reviewGroup.setTitle(QCoreApplication.translate("DashboardPage", u"Next review", None))
        self.reviewCaption.setText(QCoreApplication.translate("DashboardPage", u"Review by:", None))
        self.meetingCaption.setText(QCoreApplication.translate("DashboardPage", u"Full Council:", None))
        self.agendaCaption.setText(QCoreApplication.translate("DashboardPage", u"Agenda out by:", None))
        self.reportCaption.setText(QCoreApplication.translate("DashboardPage", u"Report written by:", None))
        self.remindersGroup.setTitle(QCoreApplication.translate("DashboardPage", u"Overdue, due and coming up", None))
        self.actionsGroup.setTitle(QCoreApplication.translate("DashboardPage", u"Quick actions", None))
        self.startReviewButton.setText(QCoreApplication.translate("DashboardPage", u"Start the annual &review", None))
#if QT_CONFIG(tooltip)
        self.startReviewButton.setToolTip(QCoreApplication.translate("DashboardPage", u"Start a new draft from the adopted text", None))
#endif // QT_CONFIG(tooltip)
        self.exportPackButton.setText(QCoreApplication.translate("DashboardPage", u"Export for the council &pack...", None))
        self.adoptButton.setText(QCoreApplication.translate("DashboardPage", u"&Adopt...", None))
#if QT_CONFIG(tooltip)
        self.adoptButton.setToolTip(QCoreApplication.translate("DashboardPage", u"Record the adoption of the draft at a minuted meeting", None))
#endif // QT_CONFIG(tooltip)
        self.scheduleButton.setText(QCoreApplication.translate("DashboardPage", u"Review &schedule", None))
    # retranslateUi

