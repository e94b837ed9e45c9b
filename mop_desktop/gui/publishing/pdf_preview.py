"""Preview and print any PDF: pages rendered with pypdfium2 (QtPdf is not shipped) into a
scrollable view, with zoom and page navigation (``ui/pdf_preview_dialog.ui``).

``PdfPreview(path, parent)`` is the dialog (deleted when closed); ``print_pdf(path, printer)``
sends the PDF itself to the printer or file chosen (``gui/publishing/printing``), and only
where it cannot paints the rendered pages onto the QPrinter (``paint_pdf``). The system print
dialog is asked through ``ask_print`` so tests can answer it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, cast

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QFrame, QLabel, QWidget

from mop_desktop.gui.forms.ui_pdf_preview_dialog import Ui_PdfPreviewDialog

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
PRINT_DPI_CAP = 300  # rendering a page at a printer's 1200 dpi only wastes memory


class PreviewError(Exception):
    """A file that cannot be shown as a PDF; one line for the clerk."""


class PdfBitmap(Protocol):
    """What is read of a pypdfium2 ``PdfBitmap`` (pypdfium2 ships no type hints)."""

    buffer: object  # a ctypes array over pdfium's pixels
    width: int
    height: int
    stride: int


class PdfPage(Protocol):
    """What is used of a pypdfium2 ``PdfPage``."""

    def get_size(self) -> tuple[float, float]: ...

    def render(self, *, scale: float, rev_byteorder: bool) -> PdfBitmap: ...

    def close(self) -> None: ...


class PdfDocument(Protocol):
    """What is used of a pypdfium2 ``PdfDocument``."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: int) -> PdfPage: ...

    def close(self) -> None: ...


def render_page(pdf: PdfDocument, index: int, scale: float) -> QImage:
    """Page ``index`` of an open pypdfium2 document as a QImage at ``scale`` (1 = 72 dpi)."""
    page = pdf[index]
    try:
        bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB, 3 bytes a pixel
        # PySide6's stubs name bytes, bytearray or memoryview; it takes any buffer, as here
        pixels = cast(memoryview, bitmap.buffer)
        image = QImage(
            pixels, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
        )
        return image.copy()  # detach from pdfium's buffer before it is freed
    finally:
        page.close()


def open_pdf(path: str | Path) -> PdfDocument:
    import pypdfium2 as pdfium

    try:
        document: PdfDocument = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError) as exc:
        raise PreviewError(
            f"{Path(path).name} cannot be shown: it is not a readable PDF ({exc})"
        ) from None
    return document


def page_count(path: str | Path) -> int:
    pdf = open_pdf(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def print_pdf(path: str | Path, printer: QPrinter, keeps_file: bool = True) -> int:
    """Print the PDF itself (``gui/publishing/printing``: vector text, to a file or the
    chosen printer);
    pages drawn as pictures only where that cannot be done. Returns the pages sent."""
    from mop_desktop.gui.publishing.printing import print_pdf_file

    return print_pdf_file(path, printer, paint_pdf, keeps_file)


def paint_pdf(path: str | Path, printer: QPrinter) -> int:
    """Paint every page of the PDF onto ``printer`` as pictures, fitted to the printable area
    (the last resort). Returns the number of pages printed."""
    pdf = open_pdf(path)
    painter = QPainter()
    if not painter.begin(printer):
        pdf.close()
        raise PreviewError("the printer could not be started")
    try:
        dpi = min(printer.resolution(), PRINT_DPI_CAP)
        count = len(pdf)
        for index in range(count):
            if index:
                printer.newPage()
            image = render_page(pdf, index, dpi / 72)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
        return count
    finally:
        painter.end()
        pdf.close()


def ask_print(printer: QPrinter, parent: QWidget | None) -> bool:
    """The system print dialog; True when the clerk chose Print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print")
    return dialog.exec() == QDialog.DialogCode.Accepted


def print_with_dialog(path: str | Path, parent: QWidget | None, keeps_file: bool = True) -> int:
    """Ask the system print dialog, then print; 0 when the clerk cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(Path(path).stem)
    if not ask_print(printer, parent):
        return 0
    return print_pdf(path, printer, keeps_file)


UNSAVED_NOTE = (
    "Not saved: File > Export protocol PDF\u2026 or Export for council pack\u2026 keeps a copy."
)


class PdfPreview(QDialog):
    """The preview dialog for one PDF (another can be opened from it); deleted when closed,
    the PDF closed with it."""

    def __init__(
        self,
        path: str | Path,
        parent: QWidget | None = None,
        title: str = "",
        *,
        unsaved: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = Ui_PdfPreviewDialog()
        self.form.setupUi(self)
        self.finished.connect(lambda _r: self.close_pdf())
        self.title = title
        self.unsaved = unsaved  # a temporary file: its name means nothing to the clerk
        self.path = Path(path)
        self.pdf: PdfDocument | None = None
        self.labels: list[QLabel] = []
        self.zoom: float | None = None  # None: fit the width
        self._rendered_at: tuple[float, int] | None = None
        self._drawn: set[int] = set()

        f = self.form
        f.prevButton.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        f.nextButton.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        f.pageSpin.valueChanged.connect(lambda n: self.go_to(n - 1))
        f.zoomCombo.currentIndexChanged.connect(self._zoom_chosen)
        f.zoomInButton.clicked.connect(lambda: self.step_zoom(+1))
        f.zoomOutButton.clicked.connect(lambda: self.step_zoom(-1))
        f.printButton.clicked.connect(self.print_)
        f.openButton.clicked.connect(self.choose_file)
        f.scrollArea.verticalScrollBar().valueChanged.connect(self._scrolled)
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(+1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
            (QKeySequence.StandardKey.Print, self.print_),
            (QKeySequence(Qt.Key.Key_PageDown), lambda: self.go_to(self.current_page() + 1)),
            (QKeySequence(Qt.Key.Key_PageUp), lambda: self.go_to(self.current_page() - 1)),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        f.scrollArea.viewport().installEventFilter(self)
        self._resize_timer = QTimer(self, singleShot=True, interval=120)
        self._resize_timer.timeout.connect(self.render_pages)
        self.load(self.path)

    # -- loading and rendering -----------------------------------------------------------------
    def load(self, path: Path) -> None:
        pdf = open_pdf(path)
        self.close_pdf()
        self.pdf, self.path = pdf, Path(path)
        count = len(pdf)
        f = self.form
        f.pageSpin.blockSignals(True)
        f.pageSpin.setRange(1, max(count, 1))
        f.pageSpin.setValue(1)
        f.pageSpin.blockSignals(False)
        f.pageCountLabel.setText(f"of {count}")
        f.fileLabel.setText(UNSAVED_NOTE if self.unsaved else str(self.path))
        self.setWindowTitle(f"Preview \u2013 {self.title or self.path.name}")
        for label in self.labels:
            label.deleteLater()
        self.labels = []
        for index in range(count):
            label = QLabel(f.pagesWidget)
            label.setObjectName(f"page{index + 1}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setFrameShape(QFrame.Shape.Box)
            label.setAccessibleName(f"Page {index + 1} of {count}")
            f.pagesLayout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.labels.append(label)
        f.pagesLayout.addStretch(1)
        self._rendered_at = None
        self.render_pages()
        self._update_buttons()

    def page_count(self) -> int:
        return len(self.labels)

    def scale(self) -> float:
        """Pixels per PDF point for the chosen zoom (or to fit the view's width)."""
        if self.zoom is not None:
            return self.zoom * self.logicalDpiX() / 72
        if self.pdf is None or not self.labels:
            return 1.0
        width_pt = self.pdf[0].get_size()[0]
        available: int = self.form.scrollArea.viewport().width() - 40
        return max(0.2, min(4.0, available / width_pt))

    def render_pages(self) -> None:
        """Size every page for the zoom, then draw the ones in view (the rest as they are
        scrolled to), so a long document opens and zooms quickly."""
        if self.pdf is None:
            return
        scale = self.scale()
        ratio = self.devicePixelRatioF()
        key = (round(scale, 3), round(ratio * 100))
        if key == self._rendered_at:
            return
        self._rendered_at = key
        self._drawn = set()
        for index, label in enumerate(self.labels):
            width, height = self.pdf[index].get_size()
            label.clear()
            label.setFixedSize(round(width * scale) + 2, round(height * scale) + 2)
        self.form.pagesWidget.adjustSize()
        QTimer.singleShot(0, self.render_visible)

    def render_visible(self) -> None:
        """Draw the pages that are in view, or next to it, and not drawn yet."""
        if self.pdf is None or self._rendered_at is None:
            return
        scale, ratio = self.scale(), self.devicePixelRatioF()
        top = self.form.scrollArea.verticalScrollBar().value()
        bottom = top + self.form.scrollArea.viewport().height()
        margin = self.form.scrollArea.viewport().height()
        for index, label in enumerate(self.labels):
            if index in self._drawn:
                continue
            if label.y() + label.height() < top - margin or label.y() > bottom + margin:
                continue
            image = render_page(self.pdf, index, scale * ratio)
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            self._drawn.add(index)

    def drawn_pages(self) -> list[int]:
        """The pages drawn so far (1-based)."""
        return sorted(i + 1 for i in self._drawn)

    def close_pdf(self) -> None:
        if self.pdf is not None:
            self.pdf.close()
            self.pdf = None

    # -- navigation and zoom ------------------------------------------------------------------
    def current_page(self) -> int:
        page: int = self.form.pageSpin.value()
        return page - 1

    def go_to(self, index: int) -> None:
        if not self.labels:
            return
        index = max(0, min(index, len(self.labels) - 1))
        f = self.form
        f.pageSpin.blockSignals(True)
        f.pageSpin.setValue(index + 1)
        f.pageSpin.blockSignals(False)
        f.scrollArea.verticalScrollBar().setValue(self.labels[index].y() - 6)
        self._update_buttons()

    def _scrolled(self, value: int) -> None:
        if not self.labels:
            return
        self.render_visible()
        middle = value + self.form.scrollArea.viewport().height() // 3
        index = 0
        for i, label in enumerate(self.labels):
            if label.y() <= middle:
                index = i
        f = self.form
        f.pageSpin.blockSignals(True)
        f.pageSpin.setValue(index + 1)
        f.pageSpin.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        f = self.form
        f.prevButton.setEnabled(self.current_page() > 0)
        f.nextButton.setEnabled(self.current_page() < len(self.labels) - 1)

    def _zoom_chosen(self, index: int) -> None:
        self.zoom = None if index <= 0 else ZOOMS[index - 1]
        self.render_pages()

    def step_zoom(self, direction: int) -> None:
        combo = self.form.zoomCombo
        current = self.scale() * 72 / max(self.logicalDpiX(), 1)
        if direction > 0:
            choices = [i for i, z in enumerate(ZOOMS) if z > current + 0.01]
            target = choices[0] if choices else len(ZOOMS) - 1
        else:
            choices = [i for i, z in enumerate(ZOOMS) if z < current - 0.01]
            target = choices[-1] if choices else 0
        combo.setCurrentIndex(target + 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.Resize and self.zoom is None:
            self._resize_timer.start()
        return False

    # -- actions ------------------------------------------------------------------------------
    def print_(self) -> int:
        return print_with_dialog(self.path, self)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open PDF", str(self.path.parent), "PDF files (*.pdf)"
        )
        if name:
            try:
                self.title, self.unsaved = "", False
                self.load(Path(name))
            except PreviewError as exc:
                from mop_desktop.gui.widgets import messages

                messages.tell(self, "Preview", str(exc))

    def show(self) -> None:
        from mop_desktop.gui.shell.screen_fit import fit_dialog

        fit_dialog(self)  # a small screen: the preview fits it, the pages scroll
        super().show()
        self.raise_()
        self.activateWindow()
        QTimer.singleShot(0, self.render_pages)
