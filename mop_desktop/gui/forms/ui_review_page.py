# Compiled from ui/review_page.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QFormLayout,
    QFrame, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QSpinBox, QTableView,
    QToolButton, QVBoxLayout, QWidget)

class Ui_ReviewPage(object):
    def setupUi(self, ReviewPage: QWidget) -> None:
        if not ReviewPage.objectName():
            ReviewPage.setObjectName(u"ReviewPage")
        ReviewPage.resize(1000, 760)
        self.outerLayout = QVBoxLayout(ReviewPage)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(ReviewPage)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.pageLayout = QVBoxLayout(self.scrollContents)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(self.scrollContents)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.PlainText)

        self.pageLayout.addWidget(self.titleLabel)

        self.versionsGroup = QGroupBox(self.scrollContents)
        self.versionsGroup.setObjectName(u"versionsGroup")
        self.versionsLayout = QVBoxLayout(self.versionsGroup)
        self.versionsLayout.setObjectName(u"versionsLayout")
        self.versionsView = QTableView(self.versionsGroup)
        self.versionsView.setObjectName(u"versionsView")
        self.versionsView.setTabKeyNavigation(False)
        self.versionsView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.versionsView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.versionsView.setSelectionMode(QAbstractItemView.SingleSelection)
        self.versionsView.horizontalHeader().setStretchLastSection(True)
        self.versionsView.verticalHeader().setVisible(False)

        self.versionsLayout.addWidget(self.versionsView)

        self.chainLabel = QLabel(self.versionsGroup)
        self.chainLabel.setObjectName(u"chainLabel")
        self.chainLabel.setTextFormat(Qt.PlainText)
        self.chainLabel.setWordWrap(True)

        self.versionsLayout.addWidget(self.chainLabel)

        self.versionButtons = QHBoxLayout()
        self.versionButtons.setObjectName(u"versionButtons")
        self.adoptButton = QPushButton(self.versionsGroup)
        self.adoptButton.setObjectName(u"adoptButton")

        self.versionButtons.addWidget(self.adoptButton)

        self.noChangesButton = QPushButton(self.versionsGroup)
        self.noChangesButton.setObjectName(u"noChangesButton")

        self.versionButtons.addWidget(self.noChangesButton)

        self.versionSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.versionButtons.addItem(self.versionSpacer)


        self.versionsLayout.addLayout(self.versionButtons)

        self.selectedVersionButtons = QHBoxLayout()
        self.selectedVersionButtons.setObjectName(u"selectedVersionButtons")
        self.selectedVersionLabel = QLabel(self.versionsGroup)
        self.selectedVersionLabel.setObjectName(u"selectedVersionLabel")

        self.selectedVersionButtons.addWidget(self.selectedVersionLabel)

        self.previewVersionButton = QPushButton(self.versionsGroup)
        self.previewVersionButton.setObjectName(u"previewVersionButton")

        self.selectedVersionButtons.addWidget(self.previewVersionButton)

        self.exportVersionButton = QPushButton(self.versionsGroup)
        self.exportVersionButton.setObjectName(u"exportVersionButton")

        self.selectedVersionButtons.addWidget(self.exportVersionButton)

        self.exportVersionOtherButton = QPushButton(self.versionsGroup)
        self.exportVersionOtherButton.setObjectName(u"exportVersionOtherButton")

        self.selectedVersionButtons.addWidget(self.exportVersionOtherButton)

        self.printVersionButton = QPushButton(self.versionsGroup)
        self.printVersionButton.setObjectName(u"printVersionButton")

        self.selectedVersionButtons.addWidget(self.printVersionButton)

        self.minuteRefButton = QPushButton(self.versionsGroup)
        self.minuteRefButton.setObjectName(u"minuteRefButton")

        self.selectedVersionButtons.addWidget(self.minuteRefButton)

        self.selectedVersionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.selectedVersionButtons.addItem(self.selectedVersionSpacer)


        self.versionsLayout.addLayout(self.selectedVersionButtons)


        self.pageLayout.addWidget(self.versionsGroup)

        self.middleLayout = QHBoxLayout()
        self.middleLayout.setObjectName(u"middleLayout")
        self.nextGroup = QGroupBox(self.scrollContents)
        self.nextGroup.setObjectName(u"nextGroup")
        self.nextForm = QFormLayout(self.nextGroup)
        self.nextForm.setObjectName(u"nextForm")
        self.reviewCaption = QLabel(self.nextGroup)
        self.reviewCaption.setObjectName(u"reviewCaption")

        self.nextForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reviewCaption)

        self.reviewLabel = QLabel(self.nextGroup)
        self.reviewLabel.setObjectName(u"reviewLabel")
        self.reviewLabel.setTextFormat(Qt.PlainText)
        self.reviewLabel.setWordWrap(True)

        self.nextForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reviewLabel)

        self.stateCaption = QLabel(self.nextGroup)
        self.stateCaption.setObjectName(u"stateCaption")

        self.nextForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.stateCaption)

        self.stateLabel = QLabel(self.nextGroup)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setTextFormat(Qt.PlainText)
        self.stateLabel.setWordWrap(True)

        self.nextForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.stateLabel)

        self.meetingCaption = QLabel(self.nextGroup)
        self.meetingCaption.setObjectName(u"meetingCaption")

        self.nextForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.meetingCaption)

        self.meetingLabel = QLabel(self.nextGroup)
        self.meetingLabel.setObjectName(u"meetingLabel")
        self.meetingLabel.setTextFormat(Qt.PlainText)
        self.meetingLabel.setWordWrap(True)

        self.nextForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.meetingLabel)

        self.agendaCaption = QLabel(self.nextGroup)
        self.agendaCaption.setObjectName(u"agendaCaption")

        self.nextForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.agendaCaption)

        self.agendaLabel = QLabel(self.nextGroup)
        self.agendaLabel.setObjectName(u"agendaLabel")
        self.agendaLabel.setTextFormat(Qt.PlainText)
        self.agendaLabel.setWordWrap(True)

        self.nextForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.agendaLabel)

        self.reportCaption = QLabel(self.nextGroup)
        self.reportCaption.setObjectName(u"reportCaption")

        self.nextForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reportCaption)

        self.reportLabel = QLabel(self.nextGroup)
        self.reportLabel.setObjectName(u"reportLabel")
        self.reportLabel.setTextFormat(Qt.PlainText)
        self.reportLabel.setWordWrap(True)

        self.nextForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reportLabel)


        self.middleLayout.addWidget(self.nextGroup)

        self.settingsGroup = QGroupBox(self.scrollContents)
        self.settingsGroup.setObjectName(u"settingsGroup")
        self.settingsForm = QFormLayout(self.settingsGroup)
        self.settingsForm.setObjectName(u"settingsForm")
        self.intervalCaption = QLabel(self.settingsGroup)
        self.intervalCaption.setObjectName(u"intervalCaption")

        self.settingsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.intervalCaption)

        self.intervalSpin = QSpinBox(self.settingsGroup)
        self.intervalSpin.setObjectName(u"intervalSpin")
        self.intervalSpin.setMinimum(1)
        self.intervalSpin.setMaximum(120)

        self.settingsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.intervalSpin)

        self.reminderCaption = QLabel(self.settingsGroup)
        self.reminderCaption.setObjectName(u"reminderCaption")

        self.settingsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reminderCaption)

        self.reminderLeadSpin = QSpinBox(self.settingsGroup)
        self.reminderLeadSpin.setObjectName(u"reminderLeadSpin")
        self.reminderLeadSpin.setMinimum(0)
        self.reminderLeadSpin.setMaximum(365)

        self.settingsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reminderLeadSpin)

        self.reportLeadCaption = QLabel(self.settingsGroup)
        self.reportLeadCaption.setObjectName(u"reportLeadCaption")

        self.settingsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reportLeadCaption)

        self.reportLeadSpin = QSpinBox(self.settingsGroup)
        self.reportLeadSpin.setObjectName(u"reportLeadSpin")
        self.reportLeadSpin.setMinimum(0)
        self.reportLeadSpin.setMaximum(90)

        self.settingsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reportLeadSpin)

        self.clearDaysCaption = QLabel(self.settingsGroup)
        self.clearDaysCaption.setObjectName(u"clearDaysCaption")

        self.settingsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.clearDaysCaption)

        self.clearDaysSpin = QSpinBox(self.settingsGroup)
        self.clearDaysSpin.setObjectName(u"clearDaysSpin")
        self.clearDaysSpin.setMinimum(1)
        self.clearDaysSpin.setMaximum(14)

        self.settingsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.clearDaysSpin)

        self.skipSundaysCheck = QCheckBox(self.settingsGroup)
        self.skipSundaysCheck.setObjectName(u"skipSundaysCheck")

        self.settingsForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.skipSundaysCheck)

        self.clearDaysNote = QLabel(self.settingsGroup)
        self.clearDaysNote.setObjectName(u"clearDaysNote")
        self.clearDaysNote.setTextFormat(Qt.PlainText)
        self.clearDaysNote.setWordWrap(True)

        self.settingsForm.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.clearDaysNote)

        self.settingsButtons = QHBoxLayout()
        self.settingsButtons.setObjectName(u"settingsButtons")
        self.settingsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.settingsButtons.addItem(self.settingsSpacer)

        self.saveSettingsButton = QPushButton(self.settingsGroup)
        self.saveSettingsButton.setObjectName(u"saveSettingsButton")

        self.settingsButtons.addWidget(self.saveSettingsButton)


        self.settingsForm.setLayout(6, QFormLayout.ItemRole.SpanningRole, self.settingsButtons)


        self.middleLayout.addWidget(self.settingsGroup)

        self.middleLayout.setStretch(0, 1)
        self.middleLayout.setStretch(1, 1)

        self.pageLayout.addLayout(self.middleLayout)

        self.meetingsGroup = QGroupBox(self.scrollContents)
        self.meetingsGroup.setObjectName(u"meetingsGroup")
        self.meetingsLayout = QVBoxLayout(self.meetingsGroup)
        self.meetingsLayout.setObjectName(u"meetingsLayout")
        self.meetingsView = QTableView(self.meetingsGroup)
        self.meetingsView.setObjectName(u"meetingsView")
        self.meetingsView.setTabKeyNavigation(False)
        self.meetingsView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.meetingsView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.meetingsView.setSelectionMode(QAbstractItemView.SingleSelection)
        self.meetingsView.horizontalHeader().setStretchLastSection(True)
        self.meetingsView.verticalHeader().setVisible(False)

        self.meetingsLayout.addWidget(self.meetingsView)

        self.meetingButtons = QHBoxLayout()
        self.meetingButtons.setObjectName(u"meetingButtons")
        self.meetingDateCaption = QLabel(self.meetingsGroup)
        self.meetingDateCaption.setObjectName(u"meetingDateCaption")
        self.meetingDateCaption.setTextFormat(Qt.PlainText)

        self.meetingButtons.addWidget(self.meetingDateCaption)

        self.meetingDateEdit = QLineEdit(self.meetingsGroup)
        self.meetingDateEdit.setObjectName(u"meetingDateEdit")
        self.meetingDateEdit.setMaximumWidth(110)

        self.meetingButtons.addWidget(self.meetingDateEdit)

        self.meetingCalendarButton = QToolButton(self.meetingsGroup)
        self.meetingCalendarButton.setObjectName(u"meetingCalendarButton")

        self.meetingButtons.addWidget(self.meetingCalendarButton)

        self.meetingDateWords = QLabel(self.meetingsGroup)
        self.meetingDateWords.setObjectName(u"meetingDateWords")
        self.meetingDateWords.setMinimumWidth(200)
        self.meetingDateWords.setWordWrap(True)
        self.meetingDateWords.setTextFormat(Qt.PlainText)

        self.meetingButtons.addWidget(self.meetingDateWords)

        self.addMeetingButton = QPushButton(self.meetingsGroup)
        self.addMeetingButton.setObjectName(u"addMeetingButton")

        self.meetingButtons.addWidget(self.addMeetingButton)

        self.deleteMeetingButton = QPushButton(self.meetingsGroup)
        self.deleteMeetingButton.setObjectName(u"deleteMeetingButton")

        self.meetingButtons.addWidget(self.deleteMeetingButton)

        self.meetingSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.meetingButtons.addItem(self.meetingSpacer)

        self.importIcsButton = QPushButton(self.meetingsGroup)
        self.importIcsButton.setObjectName(u"importIcsButton")

        self.meetingButtons.addWidget(self.importIcsButton)

        self.exportCalendarButton = QPushButton(self.meetingsGroup)
        self.exportCalendarButton.setObjectName(u"exportCalendarButton")

        self.meetingButtons.addWidget(self.exportCalendarButton)


        self.meetingsLayout.addLayout(self.meetingButtons)

        self.meetingMessage = QLabel(self.meetingsGroup)
        self.meetingMessage.setObjectName(u"meetingMessage")
        self.meetingMessage.setTextFormat(Qt.PlainText)
        self.meetingMessage.setWordWrap(True)

        self.meetingsLayout.addWidget(self.meetingMessage)


        self.pageLayout.addWidget(self.meetingsGroup)

        self.exportsGroup = QGroupBox(self.scrollContents)
        self.exportsGroup.setObjectName(u"exportsGroup")
        self.exportsLayout = QVBoxLayout(self.exportsGroup)
        self.exportsLayout.setObjectName(u"exportsLayout")
        self.exportsView = QTableView(self.exportsGroup)
        self.exportsView.setObjectName(u"exportsView")
        self.exportsView.setTabKeyNavigation(False)
        self.exportsView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.exportsView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.exportsView.horizontalHeader().setStretchLastSection(True)
        self.exportsView.verticalHeader().setVisible(False)

        self.exportsLayout.addWidget(self.exportsView)


        self.pageLayout.addWidget(self.exportsGroup)

        self.pageLayout.setStretch(1, 2)
        self.pageLayout.setStretch(3, 3)
        self.pageLayout.setStretch(4, 2)
        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.meetingDateCaption.setBuddy(self.meetingDateEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReviewPage)
    # setupUi

    def retranslateUi(self, ReviewPage: QWidget) -> None:
        ReviewPage.setWindowTitle(QCoreApplication.translate("ReviewPage", u"Review schedule", None))
        self.titleLabel.setText(QCoreApplication.translate("ReviewPage", u"Review schedule", None))
        self.versionsGroup.setTitle(QCoreApplication.translate("ReviewPage", u"Version table", None))
        self.chainLabel.setText("")
        self.adoptButton.setText(QCoreApplication.translate("ReviewPage", u"&Adopt draft...", None))
#if QT_CONFIG(tooltip)
        self.adoptButton.setToolTip(QCoreApplication.translate("ReviewPage", u"Record the Full Council resolution that adopted the draft", None))
#endif // QT_CONFIG(tooltip)
        self.noChangesButton.setText(QCoreApplication.translate("ReviewPage", u"Reviewed, &no changes...", None))
#if QT_CONFIG(tooltip)
        self.noChangesButton.setToolTip(QCoreApplication.translate("ReviewPage", u"Record a review that re-adopted the current text unchanged", None))
#endif // QT_CONFIG(tooltip)
        self.selectedVersionLabel.setText(QCoreApplication.translate("ReviewPage", u"Selected version:", None))
        self.previewVersionButton.setText(QCoreApplication.translate("ReviewPage", u"Previe&w", None))
#if QT_CONFIG(tooltip)
        self.previewVersionButton.setToolTip(QCoreApplication.translate("ReviewPage", u"Show the selected version as it was adopted", None))
#endif // QT_CONFIG(tooltip)
        self.exportVersionButton.setText(QCoreApplication.translate("ReviewPage", u"Export &PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportVersionButton.setToolTip(QCoreApplication.translate("ReviewPage", u"Save the selected version as a PDF", None))
#endif // QT_CONFIG(tooltip)
        self.exportVersionOtherButton.setText(QCoreApplication.translate("ReviewPage", u"Web page or W&ord\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportVersionOtherButton.setToolTip(QCoreApplication.translate("ReviewPage", u"Save the selected version as a web page for the council's website or as a Word document", None))
#endif // QT_CONFIG(tooltip)
        self.printVersionButton.setText(QCoreApplication.translate("ReviewPage", u"Prin&t\u2026", None))
#if QT_CONFIG(tooltip)
        self.printVersionButton.setToolTip(QCoreApplication.translate("ReviewPage", u"Print the selected version", None))
#endif // QT_CONFIG(tooltip)
        self.minuteRefButton.setText(QCoreApplication.translate("ReviewPage", u"Add minute &reference\u2026", None))
#if QT_CONFIG(tooltip)
        self.minuteRefButton.setToolTip(QCoreApplication.translate("ReviewPage", u"Add the minute reference, from the signed minutes, to a row imported without one", None))
#endif // QT_CONFIG(tooltip)
        self.nextGroup.setTitle(QCoreApplication.translate("ReviewPage", u"Next review", None))
        self.reviewCaption.setText(QCoreApplication.translate("ReviewPage", u"Review by:", None))
        self.reviewLabel.setText("")
        self.stateCaption.setText(QCoreApplication.translate("ReviewPage", u"State:", None))
        self.stateLabel.setText("")
        self.meetingCaption.setText(QCoreApplication.translate("ReviewPage", u"Full Council meeting:", None))
        self.meetingLabel.setText("")
        self.agendaCaption.setText(QCoreApplication.translate("ReviewPage", u"Agenda out by:", None))
        self.agendaLabel.setText("")
        self.reportCaption.setText(QCoreApplication.translate("ReviewPage", u"Report written by:", None))
        self.reportLabel.setText("")
        self.settingsGroup.setTitle(QCoreApplication.translate("ReviewPage", u"Interval and lead times", None))
        self.intervalCaption.setText(QCoreApplication.translate("ReviewPage", u"Review every:", None))
        self.intervalSpin.setSuffix(QCoreApplication.translate("ReviewPage", u" months", None))
        self.reminderCaption.setText(QCoreApplication.translate("ReviewPage", u"Remind me:", None))
        self.reminderLeadSpin.setSuffix(QCoreApplication.translate("ReviewPage", u" days ahead", None))
        self.reportLeadCaption.setText(QCoreApplication.translate("ReviewPage", u"Report needs:", None))
        self.reportLeadSpin.setSuffix(QCoreApplication.translate("ReviewPage", u" days before the agenda deadline", None))
        self.clearDaysCaption.setText(QCoreApplication.translate("ReviewPage", u"Summons:", None))
        self.clearDaysSpin.setSuffix(QCoreApplication.translate("ReviewPage", u" clear days before the meeting", None))
        self.skipSundaysCheck.setText(QCoreApplication.translate("ReviewPage", u"Do not count Sundays and bank holidays as clear days", None))
        self.clearDaysNote.setText("")
        self.saveSettingsButton.setText(QCoreApplication.translate("ReviewPage", u"&Save", None))
        self.meetingsGroup.setTitle(QCoreApplication.translate("ReviewPage", u"Full Council meetings", None))
        self.meetingDateCaption.setText(QCoreApplication.translate("ReviewPage", u"Date:", None))
        self.meetingDateEdit.setPlaceholderText(QCoreApplication.translate("ReviewPage", u"dd/mm/yyyy", None))
#if QT_CONFIG(accessibility)
        self.meetingDateEdit.setAccessibleName(QCoreApplication.translate("ReviewPage", u"Meeting date", None))
#endif // QT_CONFIG(accessibility)
        self.meetingCalendarButton.setText(QCoreApplication.translate("ReviewPage", u"\u2026", None))
        self.addMeetingButton.setText(QCoreApplication.translate("ReviewPage", u"Add &meeting", None))
        self.deleteMeetingButton.setText(QCoreApplication.translate("ReviewPage", u"&Delete", None))
        self.importIcsButton.setText(QCoreApplication.translate("ReviewPage", u"&Import .ics...", None))
#if QT_CONFIG(tooltip)
        self.importIcsButton.setToolTip(QCoreApplication.translate("ReviewPage", u"Import meeting dates from a calendar file", None))
#endif // QT_CONFIG(tooltip)
        self.exportCalendarButton.setText(QCoreApplication.translate("ReviewPage", u"Export &calendar...", None))
#if QT_CONFIG(tooltip)
        self.exportCalendarButton.setToolTip(QCoreApplication.translate("ReviewPage", u"Write the review dates and deadlines as an .ics file for Outlook or any calendar", None))
#endif // QT_CONFIG(tooltip)
        self.meetingMessage.setText("")
        self.exportsGroup.setTitle(QCoreApplication.translate("ReviewPage", u"PDFs exported", None))
    # retranslateUi

