# Compiled from ui/register_locked.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_RegisterLockedView(object):
    def setupUi(self, RegisterLockedView: QWidget) -> None:
        if not RegisterLockedView.objectName():
            RegisterLockedView.setObjectName(u"RegisterLockedView")
        RegisterLockedView.resize(640, 420)
        self.lockedLayout = QVBoxLayout(RegisterLockedView)
        self.lockedLayout.setObjectName(u"lockedLayout")
        self.lockedLayout.setContentsMargins(24, 18, 24, -1)
        self.headingLabel = QLabel(RegisterLockedView)
        self.headingLabel.setObjectName(u"headingLabel")
        font = QFont()
        font.setPointSize(16)
        font.setBold(True)
        self.headingLabel.setFont(font)
        self.headingLabel.setTextFormat(Qt.PlainText)

        self.lockedLayout.addWidget(self.headingLabel)

        self.explainLabel = QLabel(RegisterLockedView)
        self.explainLabel.setObjectName(u"explainLabel")
        self.explainLabel.setTextFormat(Qt.PlainText)
        self.explainLabel.setWordWrap(True)

        self.lockedLayout.addWidget(self.explainLabel)

        self.unlockBox = QWidget(RegisterLockedView)
        self.unlockBox.setObjectName(u"unlockBox")
        self.unlockLayout = QHBoxLayout(self.unlockBox)
        self.unlockLayout.setObjectName(u"unlockLayout")
        self.unlockLayout.setContentsMargins(0, -1, -1, -1)
        self.passphraseLabel = QLabel(self.unlockBox)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.unlockLayout.addWidget(self.passphraseLabel)

        self.passphraseEdit = QLineEdit(self.unlockBox)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.Password)
        self.passphraseEdit.setMinimumSize(QSize(260, 0))

        self.unlockLayout.addWidget(self.passphraseEdit)

        self.unlockButton = QPushButton(self.unlockBox)
        self.unlockButton.setObjectName(u"unlockButton")

        self.unlockLayout.addWidget(self.unlockButton)

        self.unlockSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unlockLayout.addItem(self.unlockSpacer)


        self.lockedLayout.addWidget(self.unlockBox)

        self.errorLabel = QLabel(RegisterLockedView)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.PlainText)
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.lockedLayout.addWidget(self.errorLabel)

        self.otherLayout = QHBoxLayout()
        self.otherLayout.setObjectName(u"otherLayout")
        self.recoveryButton = QPushButton(RegisterLockedView)
        self.recoveryButton.setObjectName(u"recoveryButton")

        self.otherLayout.addWidget(self.recoveryButton)

        self.setupButton = QPushButton(RegisterLockedView)
        self.setupButton.setObjectName(u"setupButton")

        self.otherLayout.addWidget(self.setupButton)

        self.otherSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.otherLayout.addItem(self.otherSpacer)


        self.lockedLayout.addLayout(self.otherLayout)

        self.lockedSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.lockedLayout.addItem(self.lockedSpacer)

#if QT_CONFIG(shortcut)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RegisterLockedView)

        self.unlockButton.setDefault(True)

    # setupUi

    def retranslateUi(self, RegisterLockedView: QWidget) -> None:
        self.headingLabel.setText(QCoreApplication.translate("RegisterLockedView", u"Concern register", None))
        self.explainLabel.setText(QCoreApplication.translate("RegisterLockedView", u"The register is locked. It holds personal data and is kept encrypted; enter the passphrase to open it.", None))
        self.passphraseLabel.setText(QCoreApplication.translate("RegisterLockedView", u"&Passphrase:", None))
        self.unlockButton.setText(QCoreApplication.translate("RegisterLockedView", u"&Unlock", None))
        self.recoveryButton.setText(QCoreApplication.translate("RegisterLockedView", u"Forgotten passphrase? Use the &recovery key\u2026", None))
        self.setupButton.setText(QCoreApplication.translate("RegisterLockedView", u"&Set up the register\u2026", None))
        pass
    # retranslateUi

