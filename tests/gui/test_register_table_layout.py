"""The register's table at 1024 pixels wide: who it is about, the category and the follow-up
in view, Status not over-wide, the sort arrow pointing the way the rows run, Clear filters."""

# ruff: noqa: F811  (pytest fixtures imported from test_concerns_page are parameters here)

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOptionHeader

from mop_desktop.services.concerns.query import LIST_COLUMNS
from tests.gui.test_concerns_page import (  # noqa: F401 (fixtures used by name)
    _cheap_kdf,
    _unlocked_page,
    app,
    service,
    window,
)


def test_key_columns_in_view_at_1024(app, window, qtbot, service) -> None:
    window.resize(1024 - 200, 700)  # the page beside the navigation list
    page = _unlocked_page(app, window, qtbot)
    window.setCentralWidget(page)
    window.show()
    qtbot.waitExposed(window)
    view = page.table.table
    qtbot.waitUntil(lambda: view.viewport().width() > 600)
    header = view.horizontalHeader()
    visible = view.viewport().width()
    for name in ("about", "category", "follow_up_on", "status"):
        column = LIST_COLUMNS.index(name)
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right <= visible, f"{name} is out of view"
    assert header.sectionSize(LIST_COLUMNS.index("status")) <= 150


def test_sort_arrow_points_the_way_the_rows_run(monkeypatch) -> None:
    from mop_desktop.gui.register.sort_arrow import SortArrowStyle

    drawn = []
    monkeypatch.setattr(
        QProxyStyle,
        "drawPrimitive",
        lambda self, element, option, painter, widget=None: drawn.append(option.sortIndicator),
    )
    style = SortArrowStyle("Fusion")
    option = QStyleOptionHeader()
    option.sortIndicator = QStyleOptionHeader.SortIndicator.SortUp  # Qt's newest-first
    style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorHeaderArrow, option, None)
    assert drawn == [QStyleOptionHeader.SortIndicator.SortDown]


def test_clear_filters(app, window, qtbot, service) -> None:
    page = _unlocked_page(app, window, qtbot)
    ui = page.table
    assert not ui.clearFiltersButton.isEnabled()
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("access to information"))
    assert page.model.rowCount() == 1 and ui.clearFiltersButton.isEnabled()
    ui.searchEdit.setText("Minutes")
    ui.clearFiltersButton.click()
    assert page.model.rowCount() == 2
    assert ui.searchEdit.text() == "" and ui.categoryCombo.currentIndex() == 0
    assert not ui.clearFiltersButton.isEnabled()
    assert ui.countLabel.text() == "2 concerns"


@pytest.mark.parametrize("order", [Qt.SortOrder.DescendingOrder])
def test_header_order_matches_the_rows(app, window, qtbot, service, order) -> None:
    page = _unlocked_page(app, window, qtbot)
    header = page.table.table.horizontalHeader()
    assert header.sortIndicatorSection() == LIST_COLUMNS.index("raised_on")
    assert header.sortIndicatorOrder() == order
    assert page.model.query.descending is True


def test_case_form_words(app, window, qtbot, service) -> None:
    """ "Their role" says whose; route choices in sentence case; a long summary shows its
    beginning."""
    from PySide6.QtWidgets import QLabel

    page = _unlocked_page(app, window, qtbot)
    form = page.open_case(None)
    labels = [label.text() for label in form.findChildren(QLabel)]
    assert sum(1 for text in labels if text.replace("&", "") == "Their role:") == 0
    form.raisedByRoleCombo.setCurrentIndex(form.raisedByRoleCombo.findData("officer"))
    form.aboutRoleCombo.setCurrentIndex(form.aboutRoleCombo.findData("councillor"))
    routes = [form.routeCombo.itemText(i) for i in range(form.routeCombo.count())]
    assert routes and all(text[:1].isupper() for text in routes)
    form.reject()
    long = "Raised voice at the finance committee " * 6
    reference = service.add(
        __import__("mop_desktop.domain.concerns", fromlist=["Concern"]).Concern(
            raised_on=__import__("datetime").date(2026, 5, 1),
            raised_by_role="officer",
            summary=long.strip(),
            category="other",
        )
    )
    existing = page.open_case(reference)
    assert existing.summaryEdit.cursorPosition() == 0
    existing.reject()


def test_case_form_fits_a_small_screen(app, window, qtbot, service, monkeypatch) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QScrollArea

    from mop_desktop.gui.shell import screen_fit

    small = QRect(0, 0, 1024, 728)  # 1024 x 768 less a task bar
    monkeypatch.setattr(screen_fit, "available_area", lambda widget=None: QRect(small))
    page = _unlocked_page(app, window, qtbot)
    form = page.open_case(None)
    dialog = form
    assert dialog.height() <= small.height() - screen_fit.TITLE_BAR
    assert dialog.minimumSizeHint().height() <= small.height() - screen_fit.TITLE_BAR
    form.reject()

    tiny = QRect(0, 0, 800, 500)  # smaller than the form's least height: its tabs scroll
    monkeypatch.setattr(screen_fit, "available_area", lambda widget=None: QRect(tiny))
    form = page.open_case(None)
    assert isinstance(form.tabs.widget(0), QScrollArea)
    assert form.height() <= tiny.height() - screen_fit.TITLE_BAR
    assert form.minimumSizeHint().height() <= tiny.height() - screen_fit.TITLE_BAR
    assert form.tabs.currentIndex() == 0 and not form.tabs.isTabEnabled(1)
    form.summaryEdit.setText("Still typed into the same field")
    form.categoryCombo.setCurrentText("Undue pressure")
    assert form.save()
