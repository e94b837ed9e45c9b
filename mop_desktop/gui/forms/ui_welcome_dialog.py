# Compiled from ui/welcome_dialog.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QApplication, QCommandLinkButton, QDialog, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_WelcomeDialog(object):
    def setupUi(self, WelcomeDialog: QDialog) -> None:
        if not WelcomeDialog.objectName():
            WelcomeDialog.setObjectName(u"WelcomeDialog")
        WelcomeDialog.resize(620, 390)
        self.welcomeLayout = QVBoxLayout(WelcomeDialog)
        self.welcomeLayout.setSpacing(10)
        self.welcomeLayout.setObjectName(u"welcomeLayout")
        self.welcomeLayout.setContentsMargins(24, 20, 24, 16)
        self.headingLabel = QLabel(WelcomeDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        font = QFont()
        font.setPointSize(16)
        font.setBold(True)
        self.headingLabel.setFont(font)
        self.headingLabel.setTextFormat(Qt.PlainText)

        self.welcomeLayout.addWidget(self.headingLabel)

        self.introLabel = QLabel(WelcomeDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.PlainText)
        self.introLabel.setWordWrap(True)

        self.welcomeLayout.addWidget(self.introLabel)

        self.councilForm = QFormLayout()
        self.councilForm.setObjectName(u"councilForm")
        self.councilNameLabel = QLabel(WelcomeDialog)
        self.councilNameLabel.setObjectName(u"councilNameLabel")

        self.councilForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.councilNameLabel)

        self.councilNameEdit = QLineEdit(WelcomeDialog)
        self.councilNameEdit.setObjectName(u"councilNameEdit")
        self.councilNameEdit.setMaxLength(200)
        self.councilNameEdit.setClearButtonEnabled(True)

        self.councilForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.councilNameEdit)


        self.welcomeLayout.addLayout(self.councilForm)

        self.modelButton = QCommandLinkButton(WelcomeDialog)
        self.modelButton.setObjectName(u"modelButton")

        self.welcomeLayout.addWidget(self.modelButton)

        self.modelNoteLabel = QLabel(WelcomeDialog)
        self.modelNoteLabel.setObjectName(u"modelNoteLabel")
        self.modelNoteLabel.setTextFormat(Qt.PlainText)
        self.modelNoteLabel.setIndent(40)

        self.welcomeLayout.addWidget(self.modelNoteLabel)

        self.importButton = QCommandLinkButton(WelcomeDialog)
        self.importButton.setObjectName(u"importButton")

        self.welcomeLayout.addWidget(self.importButton)

        self.blankButton = QCommandLinkButton(WelcomeDialog)
        self.blankButton.setObjectName(u"blankButton")

        self.welcomeLayout.addWidget(self.blankButton)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.laterButton = QPushButton(WelcomeDialog)
        self.laterButton.setObjectName(u"laterButton")
        self.laterButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.laterButton)


        self.welcomeLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.councilNameLabel.setBuddy(self.councilNameEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WelcomeDialog)
        self.laterButton.clicked.connect(WelcomeDialog.reject)
    # setupUi

    def retranslateUi(self, WelcomeDialog: QDialog) -> None:
        WelcomeDialog.setWindowTitle(QCoreApplication.translate("WelcomeDialog", u"Welcome to MOP Desktop", None))
        self.headingLabel.setText(QCoreApplication.translate("WelcomeDialog", u"Welcome to MOP Desktop", None))
        self.introLabel.setText(QCoreApplication.translate("WelcomeDialog", u"MOP Desktop keeps your council's Member/Officer Relations Protocol, its review dates and adoptions. How would you like to begin? You can change everything afterwards.", None))
        self.councilNameLabel.setText(QCoreApplication.translate("WelcomeDialog", u"&Council's name (optional):", None))
        self.councilNameEdit.setPlaceholderText(QCoreApplication.translate("WelcomeDialog", u"e.g. Oakford Town Council", None))
        self.modelButton.setText(QCoreApplication.translate("WelcomeDialog", u"Start from the model protocol", None))
        self.modelButton.setDescription(QCoreApplication.translate("WelcomeDialog", u"A plain-English protocol written for town and parish councils, ready for you to adapt as a draft.", None))
        self.modelNoteLabel.setText(QCoreApplication.translate("WelcomeDialog", u"The model protocol is not included in this version.", None))
        self.importButton.setText(QCoreApplication.translate("WelcomeDialog", u"Import the council's existing protocol", None))
        self.importButton.setDescription(QCoreApplication.translate("WelcomeDialog", u"From a Word document (.docx), a text file or Markdown. You check what was read before anything is saved.", None))
        self.blankButton.setText(QCoreApplication.translate("WelcomeDialog", u"Start blank", None))
        self.blankButton.setDescription(QCoreApplication.translate("WelcomeDialog", u"An empty draft with one section, to write the protocol yourself.", None))
        self.laterButton.setText(QCoreApplication.translate("WelcomeDialog", u"Decide &later", None))
    # retranslateUi

