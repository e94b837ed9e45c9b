# Compiled from ui/pdf_preview_dialog.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QHBoxLayout, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSpinBox,
    QToolButton, QVBoxLayout, QWidget)

class Ui_PdfPreviewDialog(object):
    def setupUi(self, PdfPreviewDialog: QDialog) -> None:
        if not PdfPreviewDialog.objectName():
            PdfPreviewDialog.setObjectName(u"PdfPreviewDialog")
        PdfPreviewDialog.resize(860, 760)
        PdfPreviewDialog.setMinimumSize(QSize(520, 420))
        self.mainLayout = QVBoxLayout(PdfPreviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.toolLayout = QHBoxLayout()
        self.toolLayout.setObjectName(u"toolLayout")
        self.prevButton = QToolButton(PdfPreviewDialog)
        self.prevButton.setObjectName(u"prevButton")

        self.toolLayout.addWidget(self.prevButton)

        self.pageLabel = QLabel(PdfPreviewDialog)
        self.pageLabel.setObjectName(u"pageLabel")

        self.toolLayout.addWidget(self.pageLabel)

        self.pageSpin = QSpinBox(PdfPreviewDialog)
        self.pageSpin.setObjectName(u"pageSpin")
        self.pageSpin.setMinimum(1)

        self.toolLayout.addWidget(self.pageSpin)

        self.pageCountLabel = QLabel(PdfPreviewDialog)
        self.pageCountLabel.setObjectName(u"pageCountLabel")

        self.toolLayout.addWidget(self.pageCountLabel)

        self.nextButton = QToolButton(PdfPreviewDialog)
        self.nextButton.setObjectName(u"nextButton")

        self.toolLayout.addWidget(self.nextButton)

        self.toolSpacer1 = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolLayout.addItem(self.toolSpacer1)

        self.zoomOutButton = QToolButton(PdfPreviewDialog)
        self.zoomOutButton.setObjectName(u"zoomOutButton")

        self.toolLayout.addWidget(self.zoomOutButton)

        self.zoomCombo = QComboBox(PdfPreviewDialog)
        self.zoomCombo.addItem("")
        self.zoomCombo.addItem("")
        self.zoomCombo.addItem("")
        self.zoomCombo.addItem("")
        self.zoomCombo.addItem("")
        self.zoomCombo.addItem("")
        self.zoomCombo.addItem("")
        self.zoomCombo.setObjectName(u"zoomCombo")

        self.toolLayout.addWidget(self.zoomCombo)

        self.zoomInButton = QToolButton(PdfPreviewDialog)
        self.zoomInButton.setObjectName(u"zoomInButton")

        self.toolLayout.addWidget(self.zoomInButton)

        self.toolSpacer2 = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolLayout.addItem(self.toolSpacer2)

        self.openButton = QPushButton(PdfPreviewDialog)
        self.openButton.setObjectName(u"openButton")

        self.toolLayout.addWidget(self.openButton)

        self.printButton = QPushButton(PdfPreviewDialog)
        self.printButton.setObjectName(u"printButton")

        self.toolLayout.addWidget(self.printButton)


        self.mainLayout.addLayout(self.toolLayout)

        self.fileLabel = QLabel(PdfPreviewDialog)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setTextFormat(Qt.PlainText)
        self.fileLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.fileLabel)

        self.scrollArea = QScrollArea(PdfPreviewDialog)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setAlignment(Qt.AlignHCenter|Qt.AlignTop)
        self.pagesWidget = QWidget()
        self.pagesWidget.setObjectName(u"pagesWidget")
        self.pagesWidget.setGeometry(QRect(0, 0, 830, 620))
        self.pagesLayout = QVBoxLayout(self.pagesWidget)
        self.pagesLayout.setSpacing(14)
        self.pagesLayout.setObjectName(u"pagesLayout")
        self.scrollArea.setWidget(self.pagesWidget)

        self.mainLayout.addWidget(self.scrollArea)

        self.buttonBox = QDialogButtonBox(PdfPreviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.pageLabel.setBuddy(self.pageSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PdfPreviewDialog)
        self.buttonBox.rejected.connect(PdfPreviewDialog.reject)
    # setupUi

    def retranslateUi(self, PdfPreviewDialog: QDialog) -> None:
        PdfPreviewDialog.setWindowTitle(QCoreApplication.translate("PdfPreviewDialog", u"Preview", None))
#if QT_CONFIG(tooltip)
        self.prevButton.setToolTip(QCoreApplication.translate("PdfPreviewDialog", u"Previous page (Page Up)", None))
#endif // QT_CONFIG(tooltip)
        self.prevButton.setText(QCoreApplication.translate("PdfPreviewDialog", u"< Previous", None))
        self.pageLabel.setText(QCoreApplication.translate("PdfPreviewDialog", u"&Page", None))
#if QT_CONFIG(accessibility)
        self.pageSpin.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", u"Page number", None))
#endif // QT_CONFIG(accessibility)
        self.pageCountLabel.setText(QCoreApplication.translate("PdfPreviewDialog", u"of 1", None))
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("PdfPreviewDialog", u"Next page (Page Down)", None))
#endif // QT_CONFIG(tooltip)
        self.nextButton.setText(QCoreApplication.translate("PdfPreviewDialog", u"Next >", None))
#if QT_CONFIG(tooltip)
        self.zoomOutButton.setToolTip(QCoreApplication.translate("PdfPreviewDialog", u"Zoom out (Ctrl+-)", None))
#endif // QT_CONFIG(tooltip)
        self.zoomOutButton.setText(QCoreApplication.translate("PdfPreviewDialog", u"\u2212", None))
        self.zoomCombo.setItemText(0, QCoreApplication.translate("PdfPreviewDialog", u"Fit width", None))
        self.zoomCombo.setItemText(1, QCoreApplication.translate("PdfPreviewDialog", u"50%", None))
        self.zoomCombo.setItemText(2, QCoreApplication.translate("PdfPreviewDialog", u"75%", None))
        self.zoomCombo.setItemText(3, QCoreApplication.translate("PdfPreviewDialog", u"100%", None))
        self.zoomCombo.setItemText(4, QCoreApplication.translate("PdfPreviewDialog", u"125%", None))
        self.zoomCombo.setItemText(5, QCoreApplication.translate("PdfPreviewDialog", u"150%", None))
        self.zoomCombo.setItemText(6, QCoreApplication.translate("PdfPreviewDialog", u"200%", None))

#if QT_CONFIG(accessibility)
        self.zoomCombo.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", u"Zoom", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.zoomInButton.setToolTip(QCoreApplication.translate("PdfPreviewDialog", u"Zoom in (Ctrl++)", None))
#endif // QT_CONFIG(tooltip)
        self.zoomInButton.setText(QCoreApplication.translate("PdfPreviewDialog", u"+", None))
        self.openButton.setText(QCoreApplication.translate("PdfPreviewDialog", u"&Open PDF...", None))
        self.printButton.setText(QCoreApplication.translate("PdfPreviewDialog", u"P&rint...", None))
        self.fileLabel.setText("")
    # retranslateUi

