# Compiled from ui/register_setup.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QStackedWidget, QVBoxLayout, QWidget)

class Ui_RegisterSetupDialog(object):
    def setupUi(self, RegisterSetupDialog: QDialog) -> None:
        if not RegisterSetupDialog.objectName():
            RegisterSetupDialog.setObjectName(u"RegisterSetupDialog")
        RegisterSetupDialog.resize(560, 380)
        self.setupLayout = QVBoxLayout(RegisterSetupDialog)
        self.setupLayout.setObjectName(u"setupLayout")
        self.steps = QStackedWidget(RegisterSetupDialog)
        self.steps.setObjectName(u"steps")
        self.passphraseStep = QWidget()
        self.passphraseStep.setObjectName(u"passphraseStep")
        self.passphraseLayout = QVBoxLayout(self.passphraseStep)
        self.passphraseLayout.setObjectName(u"passphraseLayout")
        self.introLabel = QLabel(self.passphraseStep)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.PlainText)
        self.introLabel.setWordWrap(True)

        self.passphraseLayout.addWidget(self.introLabel)

        self.passphraseForm = QFormLayout()
        self.passphraseForm.setObjectName(u"passphraseForm")
        self.firstLabel = QLabel(self.passphraseStep)
        self.firstLabel.setObjectName(u"firstLabel")

        self.passphraseForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstLabel)

        self.firstEdit = QLineEdit(self.passphraseStep)
        self.firstEdit.setObjectName(u"firstEdit")
        self.firstEdit.setEchoMode(QLineEdit.Password)

        self.passphraseForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstEdit)

        self.secondLabel = QLabel(self.passphraseStep)
        self.secondLabel.setObjectName(u"secondLabel")

        self.passphraseForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.secondLabel)

        self.secondEdit = QLineEdit(self.passphraseStep)
        self.secondEdit.setObjectName(u"secondEdit")
        self.secondEdit.setEchoMode(QLineEdit.Password)

        self.passphraseForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.secondEdit)


        self.passphraseLayout.addLayout(self.passphraseForm)

        self.errorLabel = QLabel(self.passphraseStep)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.PlainText)
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.passphraseLayout.addWidget(self.errorLabel)

        self.passphraseSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.passphraseLayout.addItem(self.passphraseSpacer)

        self.steps.addWidget(self.passphraseStep)
        self.recoveryStep = QWidget()
        self.recoveryStep.setObjectName(u"recoveryStep")
        self.recoveryLayout = QVBoxLayout(self.recoveryStep)
        self.recoveryLayout.setObjectName(u"recoveryLayout")
        self.recoveryIntro = QLabel(self.recoveryStep)
        self.recoveryIntro.setObjectName(u"recoveryIntro")
        self.recoveryIntro.setTextFormat(Qt.PlainText)
        self.recoveryIntro.setWordWrap(True)

        self.recoveryLayout.addWidget(self.recoveryIntro)

        self.recoveryKeyLabel = QLabel(self.recoveryStep)
        self.recoveryKeyLabel.setObjectName(u"recoveryKeyLabel")
        font = QFont()
        font.setFamilies([u"Monospace"])
        font.setPointSize(15)
        font.setBold(True)
        self.recoveryKeyLabel.setFont(font)
        self.recoveryKeyLabel.setTextFormat(Qt.PlainText)
        self.recoveryKeyLabel.setAlignment(Qt.AlignCenter)
        self.recoveryKeyLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)

        self.recoveryLayout.addWidget(self.recoveryKeyLabel)

        self.sheetButtons = QHBoxLayout()
        self.sheetButtons.setObjectName(u"sheetButtons")
        self.printSheetButton = QPushButton(self.recoveryStep)
        self.printSheetButton.setObjectName(u"printSheetButton")

        self.sheetButtons.addWidget(self.printSheetButton)

        self.sheetButton = QPushButton(self.recoveryStep)
        self.sheetButton.setObjectName(u"sheetButton")

        self.sheetButtons.addWidget(self.sheetButton)


        self.recoveryLayout.addLayout(self.sheetButtons)

        self.sheetLabel = QLabel(self.recoveryStep)
        self.sheetLabel.setObjectName(u"sheetLabel")
        self.sheetLabel.setTextFormat(Qt.PlainText)
        self.sheetLabel.setWordWrap(True)

        self.recoveryLayout.addWidget(self.sheetLabel)

        self.keptCheck = QCheckBox(self.recoveryStep)
        self.keptCheck.setObjectName(u"keptCheck")

        self.recoveryLayout.addWidget(self.keptCheck)

        self.recoverySpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.recoveryLayout.addItem(self.recoverySpacer)

        self.steps.addWidget(self.recoveryStep)

        self.setupLayout.addWidget(self.steps)

        self.buttonBox = QDialogButtonBox(RegisterSetupDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.setupLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.firstLabel.setBuddy(self.firstEdit)
        self.secondLabel.setBuddy(self.secondEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RegisterSetupDialog)
    # setupUi

    def retranslateUi(self, RegisterSetupDialog: QDialog) -> None:
        RegisterSetupDialog.setWindowTitle(QCoreApplication.translate("RegisterSetupDialog", u"Set up the concern register", None))
        self.introLabel.setText(QCoreApplication.translate("RegisterSetupDialog", u"Choose a passphrase for the register: at least 8 characters; a few unrelated words are easy to remember and hard to guess. Everything in the register is encrypted with a key that only this passphrase, or the recovery key shown next, can open.", None))
        self.firstLabel.setText(QCoreApplication.translate("RegisterSetupDialog", u"&Passphrase:", None))
        self.secondLabel.setText(QCoreApplication.translate("RegisterSetupDialog", u"&Again:", None))
        self.recoveryIntro.setText(QCoreApplication.translate("RegisterSetupDialog", u"This is the recovery key. It is shown only now. If the passphrase is forgotten, or the clerk leaves, it opens the register. Print the recovery sheet (or save it and print it), or write the key down, and keep it in the council's safe.", None))
        self.printSheetButton.setText(QCoreApplication.translate("RegisterSetupDialog", u"&Print the recovery sheet\u2026", None))
        self.sheetButton.setText(QCoreApplication.translate("RegisterSetupDialog", u"&Save the recovery sheet (PDF)\u2026", None))
        self.keptCheck.setText(QCoreApplication.translate("RegisterSetupDialog", u"I have printed or written down the recovery key and will keep it safe", None))
    # retranslateUi

