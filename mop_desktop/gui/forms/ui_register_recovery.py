# Compiled from ui/register_recovery.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_RegisterRecoveryDialog(object):
    def setupUi(self, RegisterRecoveryDialog: QDialog) -> None:
        if not RegisterRecoveryDialog.objectName():
            RegisterRecoveryDialog.setObjectName(u"RegisterRecoveryDialog")
        RegisterRecoveryDialog.resize(520, 260)
        self.recoveryLayout = QVBoxLayout(RegisterRecoveryDialog)
        self.recoveryLayout.setObjectName(u"recoveryLayout")
        self.introLabel = QLabel(RegisterRecoveryDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.PlainText)
        self.introLabel.setWordWrap(True)

        self.recoveryLayout.addWidget(self.introLabel)

        self.recoveryForm = QFormLayout()
        self.recoveryForm.setObjectName(u"recoveryForm")
        self.keyLabel = QLabel(RegisterRecoveryDialog)
        self.keyLabel.setObjectName(u"keyLabel")

        self.recoveryForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.keyLabel)

        self.keyEdit = QLineEdit(RegisterRecoveryDialog)
        self.keyEdit.setObjectName(u"keyEdit")

        self.recoveryForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.keyEdit)

        self.firstLabel = QLabel(RegisterRecoveryDialog)
        self.firstLabel.setObjectName(u"firstLabel")

        self.recoveryForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.firstLabel)

        self.firstEdit = QLineEdit(RegisterRecoveryDialog)
        self.firstEdit.setObjectName(u"firstEdit")
        self.firstEdit.setEchoMode(QLineEdit.Password)

        self.recoveryForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.firstEdit)

        self.secondLabel = QLabel(RegisterRecoveryDialog)
        self.secondLabel.setObjectName(u"secondLabel")

        self.recoveryForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.secondLabel)

        self.secondEdit = QLineEdit(RegisterRecoveryDialog)
        self.secondEdit.setObjectName(u"secondEdit")
        self.secondEdit.setEchoMode(QLineEdit.Password)

        self.recoveryForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.secondEdit)


        self.recoveryLayout.addLayout(self.recoveryForm)

        self.errorLabel = QLabel(RegisterRecoveryDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.PlainText)
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.recoveryLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(RegisterRecoveryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.recoveryLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.keyLabel.setBuddy(self.keyEdit)
        self.firstLabel.setBuddy(self.firstEdit)
        self.secondLabel.setBuddy(self.secondEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RegisterRecoveryDialog)
    # setupUi

    def retranslateUi(self, RegisterRecoveryDialog: QDialog) -> None:
        RegisterRecoveryDialog.setWindowTitle(QCoreApplication.translate("RegisterRecoveryDialog", u"New passphrase", None))
        self.introLabel.setText(QCoreApplication.translate("RegisterRecoveryDialog", u"Type the recovery key from the council's safe (capitals, spaces and hyphens do not matter), then choose a new passphrase.", None))
        self.keyLabel.setText(QCoreApplication.translate("RegisterRecoveryDialog", u"Recovery &key:", None))
        self.keyEdit.setPlaceholderText(QCoreApplication.translate("RegisterRecoveryDialog", u"XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX", None))
        self.firstLabel.setText(QCoreApplication.translate("RegisterRecoveryDialog", u"&New passphrase:", None))
        self.secondLabel.setText(QCoreApplication.translate("RegisterRecoveryDialog", u"&Again:", None))
    # retranslateUi

