# Compiled from ui/find_replace_dialog.ui by mop_desktop/gui/forms/compile.py (pyside6-uic): do not edit.
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_FindReplaceDialog(object):
    def setupUi(self, FindReplaceDialog: QDialog) -> None:
        if not FindReplaceDialog.objectName():
            FindReplaceDialog.setObjectName(u"FindReplaceDialog")
        FindReplaceDialog.resize(460, 200)
        FindReplaceDialog.setModal(False)
        self.dialogLayout = QVBoxLayout(FindReplaceDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.findLabel = QLabel(FindReplaceDialog)
        self.findLabel.setObjectName(u"findLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.findLabel)

        self.findEdit = QLineEdit(FindReplaceDialog)
        self.findEdit.setObjectName(u"findEdit")
        self.findEdit.setClearButtonEnabled(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.findEdit)

        self.replaceLabel = QLabel(FindReplaceDialog)
        self.replaceLabel.setObjectName(u"replaceLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.replaceLabel)

        self.replaceEdit = QLineEdit(FindReplaceDialog)
        self.replaceEdit.setObjectName(u"replaceEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.replaceEdit)

        self.caseCheck = QCheckBox(FindReplaceDialog)
        self.caseCheck.setObjectName(u"caseCheck")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.caseCheck)


        self.dialogLayout.addLayout(self.formLayout)

        self.statusLabel = QLabel(FindReplaceDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setTextFormat(Qt.PlainText)
        self.statusLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.statusLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.findNextButton = QPushButton(FindReplaceDialog)
        self.findNextButton.setObjectName(u"findNextButton")

        self.buttonLayout.addWidget(self.findNextButton)

        self.replaceButton = QPushButton(FindReplaceDialog)
        self.replaceButton.setObjectName(u"replaceButton")

        self.buttonLayout.addWidget(self.replaceButton)

        self.replaceAllButton = QPushButton(FindReplaceDialog)
        self.replaceAllButton.setObjectName(u"replaceAllButton")

        self.buttonLayout.addWidget(self.replaceAllButton)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(FindReplaceDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.findLabel.setBuddy(self.findEdit)
        self.replaceLabel.setBuddy(self.replaceEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FindReplaceDialog)

        self.findNextButton.setDefault(True)

    # setupUi

    def retranslateUi(self, FindReplaceDialog: QDialog) -> None:
        FindReplaceDialog.setWindowTitle(QCoreApplication.translate("FindReplaceDialog", u"Find and replace", None))
        self.findLabel.setText(QCoreApplication.translate("FindReplaceDialog", u"Fin&d", None))
#if QT_CONFIG(accessibility)
        self.findEdit.setAccessibleName(QCoreApplication.translate("FindReplaceDialog", u"Find", None))
#endif // QT_CONFIG(accessibility)
        self.replaceLabel.setText(QCoreApplication.translate("FindReplaceDialog", u"Replace &with", None))
#if QT_CONFIG(accessibility)
        self.replaceEdit.setAccessibleName(QCoreApplication.translate("FindReplaceDialog", u"Replace with", None))
#endif // QT_CONFIG(accessibility)
        self.caseCheck.setText(QCoreApplication.translate("FindReplaceDialog", u"&Match case", None))
        self.statusLabel.setText("")
        self.findNextButton.setText(QCoreApplication.translate("FindReplaceDialog", u"Find &next", None))
        self.replaceButton.setText(QCoreApplication.translate("FindReplaceDialog", u"&Replace", None))
        self.replaceAllButton.setText(QCoreApplication.translate("FindReplaceDialog", u"Replace &all", None))
        self.closeButton.setText(QCoreApplication.translate("FindReplaceDialog", u"Close", None))
    # retranslateUi

