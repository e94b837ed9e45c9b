"""The register table's sort arrows, pointing the way the rows run."""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionHeader, QWidget


class SortArrowStyle(QProxyStyle):
    """Header arrows that point the way the rows run: Qt's own styles (other than Windows')
    draw an up arrow for newest-first, which reads as "ascending"."""

    def drawPrimitive(  # noqa: N802 (Qt's name)
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if (
            element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow
            and isinstance(option, QStyleOptionHeader)
            and not self.baseStyle().name().lower().startswith("windows")
        ):
            flipped = QStyleOptionHeader(option)
            up = QStyleOptionHeader.SortIndicator.SortUp
            down = QStyleOptionHeader.SortIndicator.SortDown
            flipped.sortIndicator = (
                down
                if option.sortIndicator == up
                else (up if option.sortIndicator == down else option.sortIndicator)
            )
            super().drawPrimitive(element, flipped, painter, widget)
            return
        super().drawPrimitive(element, option, painter, widget)
