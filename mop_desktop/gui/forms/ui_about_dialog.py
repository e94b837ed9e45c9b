# Compiled from ui/about_dialog.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
    QHBoxLayout, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog: QDialog) -> None:
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(460, 260)
        self.aboutLayout = QHBoxLayout(AboutDialog)
        self.aboutLayout.setObjectName(u"aboutLayout")
        self.iconLabel = QLabel(AboutDialog)
        self.iconLabel.setObjectName(u"iconLabel")
        self.iconLabel.setMinimumSize(QSize(96, 96))
        self.iconLabel.setAlignment(Qt.AlignHCenter|Qt.AlignTop)

        self.aboutLayout.addWidget(self.iconLabel)

        self.textLayout = QVBoxLayout()
        self.textLayout.setObjectName(u"textLayout")
        self.nameLabel = QLabel(AboutDialog)
        self.nameLabel.setObjectName(u"nameLabel")
        font = QFont()
        font.setPointSize(16)
        font.setBold(True)
        self.nameLabel.setFont(font)
        self.nameLabel.setTextFormat(Qt.PlainText)

        self.textLayout.addWidget(self.nameLabel)

        self.versionLabel = QLabel(AboutDialog)
        self.versionLabel.setObjectName(u"versionLabel")
        self.versionLabel.setTextFormat(Qt.PlainText)
        self.versionLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.textLayout.addWidget(self.versionLabel)

        self.descriptionLabel = QLabel(AboutDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")
        self.descriptionLabel.setTextFormat(Qt.PlainText)
        self.descriptionLabel.setWordWrap(True)

        self.textLayout.addWidget(self.descriptionLabel)

        self.aboutSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.textLayout.addItem(self.aboutSpacer)

        self.buttonBox = QDialogButtonBox(AboutDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.textLayout.addWidget(self.buttonBox)


        self.aboutLayout.addLayout(self.textLayout)


        self.retranslateUi(AboutDialog)
        self.buttonBox.rejected.connect(AboutDialog.reject)
    # setupUi

    def retranslateUi(self, AboutDialog: QDialog) -> None:
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"About MOP Desktop", None))
        self.nameLabel.setText(QCoreApplication.translate("AboutDialog", u"MOP Desktop", None))
        self.descriptionLabel.setText(QCoreApplication.translate("AboutDialog", u"The Member/Officer Relations Protocol workspace for the clerks of town and parish councils: the protocol, its review schedule, a confidential concern register and signed-off PDFs.\n"
"\n"
"MOP Desktop works entirely on this computer. It never opens a network connection.", None))
    # retranslateUi

