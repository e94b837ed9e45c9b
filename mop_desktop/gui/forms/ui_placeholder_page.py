# Compiled from ui/placeholder_page.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QApplication, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_PlaceholderPage(object):
    def setupUi(self, PlaceholderPage: QWidget) -> None:
        if not PlaceholderPage.objectName():
            PlaceholderPage.setObjectName(u"PlaceholderPage")
        PlaceholderPage.resize(600, 400)
        self.placeholderLayout = QVBoxLayout(PlaceholderPage)
        self.placeholderLayout.setObjectName(u"placeholderLayout")
        self.placeholderLayout.setContentsMargins(24, 24, 24, 24)
        self.titleLabel = QLabel(PlaceholderPage)
        self.titleLabel.setObjectName(u"titleLabel")
        font = QFont()
        font.setPointSize(16)
        font.setBold(True)
        self.titleLabel.setFont(font)
        self.titleLabel.setTextFormat(Qt.PlainText)

        self.placeholderLayout.addWidget(self.titleLabel)

        self.messageLabel = QLabel(PlaceholderPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setTextFormat(Qt.PlainText)
        self.messageLabel.setWordWrap(True)

        self.placeholderLayout.addWidget(self.messageLabel)

        self.placeholderSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.placeholderLayout.addItem(self.placeholderSpacer)


        self.retranslateUi(PlaceholderPage)
    # setupUi

    def retranslateUi(self, PlaceholderPage: QWidget) -> None:
        pass
    # retranslateUi

