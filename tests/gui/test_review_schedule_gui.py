"""The dashboard, the tray, the Review schedule page and the adopt dialog, against the store
and against ``remind``."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from PySide6.QtCore import QSettings

from mop_desktop.gui.publishing.pdf_preview import PdfPreview
from mop_desktop.gui.review.adopt import AdoptDialog
from mop_desktop.gui.review.page import ReviewPage
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.shell.dashboard import DashboardPage, counts_text
from mop_desktop.gui.shell.tray import TrayController, autostart_enabled, set_autostart
from mop_desktop.gui.widgets.operation import Change, announce
from mop_desktop.services.meetings import add_meeting, list_meetings
from mop_desktop.services.status import status_line
from mop_desktop.store import documents as docs
from mop_desktop.store import settings
from tests.services.review_data import adopted_protocol, draft_only

D = dt.date
TODAY = D(2026, 2, 20)


@pytest.fixture
def ctx(qtbot, app_paths, store):
    return AppContext(app_paths, store)


def today():
    return TODAY


def test_dashboard_tray_and_remind_show_the_same_states_and_days(qtbot, ctx, store, cli):
    # An overdue review (adopted 2024, 12 months) with a meeting ahead, after the review date.
    adopted_protocol(store, D(2024, 12, 10))
    add_meeting(store, D(2026, 3, 12))
    code, out, _ = cli("remind", "--json", "--today", TODAY.isoformat())
    expected = json.loads(out)
    assert [(r["kind"], r["state"]) for r in expected] == [
        ("review", "overdue"),
        ("agenda-deadline", "due"),
    ]

    page = DashboardPage(ctx, None, today)
    qtbot.addWidget(page.widget)
    shown = [(r.kind, r.due.isoformat(), str(r.state), r.days) for r in page.items]
    assert shown == [(r["kind"], r["due"], r["state"], r["days"]) for r in expected]
    rows = page.model.text_rows()
    assert [row[0] for row in rows] == ["Overdue", "Due"]
    assert rows[0][3] == f"{-expected[0]['days']} days overdue"
    assert page.form.countsLabel.text() == "1 overdue \u00b7 1 due \u00b7 0 coming up"
    assert page.form.reviewLabel.text() == (
        f"31 December 2025: overdue, {-expected[0]['days']} days overdue"
    )
    assert page.form.meetingLabel.text() == "12 March 2026 (after the review date)"

    tray = TrayController(ctx, None, today, show_icon=False)
    title, body = tray.check()
    assert title == "MOP Desktop: 1 overdue and 1 due"
    assert body.splitlines() == [r.line() for r in page.items]
    assert f"{-expected[0]['days']} days overdue" in body
    assert tray.check() is None  # once a day
    assert f"{-expected[0]['days']} days overdue" in status_line(store, TODAY)


def test_dashboard_without_a_protocol_and_with_a_draft(qtbot, ctx, store):
    page = DashboardPage(ctx, None, today)
    qtbot.addWidget(page.widget)
    assert page.form.versionLabel.text().startswith("No protocol yet")
    assert page.form.countsLabel.text() == "0 overdue \u00b7 0 due \u00b7 0 coming up"
    assert not page.form.adoptButton.isEnabled()
    draft_only(store)
    announce(ctx, Change.DOCUMENT)
    assert page.form.versionLabel.text() == "Not adopted yet"
    assert page.form.draftLabel.text() == "A draft is in progress"
    assert page.form.adoptButton.isEnabled()
    assert counts_text(page.items) == "0 overdue \u00b7 0 due \u00b7 0 coming up"


def test_dashboard_reports_an_altered_history(qtbot, ctx, store):
    adopted_protocol(store, D(2025, 3, 20), minute="FC 25/044")
    con = sqlite3.connect(store.path)
    with con:
        con.execute("UPDATE adoption SET minute_ref = 'FC 25/999'")
    con.close()
    page = DashboardPage(ctx, None, today)
    qtbot.addWidget(page.widget)
    banner = page.form.chainBanner
    assert not banner.isHidden()
    assert "history row 1 (version 2025, adopted 20 March 2025) has been altered" in banner.text()


def test_dashboard_starts_the_annual_review(qtbot, ctx, store):
    pytest.importorskip("mop_desktop.services.drafts")
    adopted_protocol(store, D(2025, 3, 20))
    page = DashboardPage(ctx, None, today)
    qtbot.addWidget(page.widget)
    assert page.form.startReviewButton.isEnabled()
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda kinds: Change.DOCUMENT in kinds):
        page.form.startReviewButton.click()
    with store.session() as session:
        assert docs.draft_of(docs.protocol_document(session)) is not None
    assert page.form.draftLabel.text().startswith("A draft is in progress")
    assert not page.form.startReviewButton.isEnabled()


def _dialog(qtbot, ctx, **kw):
    dialog = AdoptDialog(ctx, None, today=today, **kw)
    qtbot.addWidget(dialog)
    return dialog


def test_adopt_dialog_refuses_bad_input_in_place(qtbot, ctx, store):
    draft_only(store)
    d = _dialog(qtbot, ctx)
    d.form.dateEdit.setText("31/02/2026")
    assert d.visible_errors()["date"] == "'31/02/2026' is not a real date."
    d.form.dateEdit.setText("21/02/2026")
    assert (
        d.visible_errors()["date"]
        == "21 February 2026 is in the future: adopt it after the meeting."
    )
    d.form.dateEdit.setText("19/02/2026")
    assert "date" not in d.visible_errors()
    assert not d.accept()  # minute reference and reviewer still empty
    errors = d.visible_errors()
    assert errors["minute"].startswith("Enter the minute reference")
    assert errors["reviewer"] == "Enter the originator or reviewer."
    with store.session() as session:
        assert not docs.protocol_document(session).adoptions


def test_adopt_dialog_adopts_and_tells_the_pages(qtbot, ctx, store):
    draft_only(store)
    with store.session() as session:
        council = docs.get_council(session)
        council.chair, council.clerk = "Cllr A Chair", "B Clerk"
        docs.save_council(session, council)
    d = _dialog(qtbot, ctx)
    assert (d.form.chairEdit.text(), d.form.clerkEdit.text()) == ("Cllr A Chair", "B Clerk")
    d.form.dateEdit.setText("19/02/2026")
    d.form.minuteEdit.setText("FC 26/012")
    d.form.reviewerEdit.setText("<b>G White</b>")
    assert d.form.versionEdit.placeholderText() == "2026 (suggested from the year)"
    assert d.form.nextReviewLabel.text() == (
        "Next review: February 2027 (by 28 February 2027, 12 months after adoption)."
    )
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda kinds: Change.SCHEDULE in kinds):
        assert d.accept()
    with store.session() as session:
        row = docs.protocol_document(session).adoptions[-1]
        assert (row.version_label, row.minute_ref, row.reviewer, row.review_due) == (
            "2026",
            "FC 26/012",
            "<b>G White</b>",
            D(2027, 2, 28),
        )


def test_adopt_dialog_no_changes_needs_an_adopted_version(qtbot, ctx, store):
    """With nothing adopted yet "Reviewed, no changes" used to be offered and then refused;
    it is now unticked and greyed out."""
    draft_only(store)
    d = _dialog(qtbot, ctx, no_changes=True)
    assert not d.form.noChangesCheck.isChecked()
    assert not d.form.noChangesCheck.isEnabled()
    assert "document" not in d.visible_errors()
    adopted_protocol(store, D(2025, 3, 20))
    assert _dialog(qtbot, ctx, no_changes=True).form.noChangesCheck.isChecked()


def test_adopt_dialog_starts_in_the_date_field(qtbot, ctx, store):
    """Focus used to start on the "Reviewed, no changes" box; typing now replaces today's
    date with the meeting's."""
    from PySide6.QtWidgets import QApplication

    draft_only(store)
    d = _dialog(qtbot, ctx)
    d.show()
    qtbot.waitExposed(d)
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d.form.dateEdit)
    qtbot.keyClicks(d.form.dateEdit, "19/02/2026")
    assert d.form.dateEdit.text() == "19/02/2026"


def test_review_page_version_table_meetings_and_settings(qtbot, ctx, store, tmp_path):
    adopted_protocol(store, D(2025, 3, 20), minute="FC 25/044")
    page = ReviewPage(ctx, None, today)
    qtbot.addWidget(page.widget)
    assert page.versions.text_rows() == [
        ["2025", "20/03/2025", "FC 25/044", "March 2026", "G White"]
    ]
    assert page.form.stateLabel.text() == "Coming up: in 39 days"
    assert page.form.meetingLabel.text() == "No meeting ahead: add the meeting dates below."
    assert "Interpretation Act 1978" in page.form.clearDaysNote.text()

    page.form.meetingDateEdit.setText("12/03/2026")
    page.form.addMeetingButton.click()
    assert [m.date for m in list_meetings(store)] == [D(2026, 3, 12)]
    assert page.form.meetingLabel.text().startswith("12 March 2026 (the last meeting before")
    # Thursday 12 March: Wed, Tue, Mon clear; Sunday 8 is no day of issue -> Saturday 7
    assert page.form.agendaLabel.text() == "7 March 2026 (3 clear days; in 15 days)"
    assert page.form.reportLabel.text() == "28 February 2026 (in 8 days)"

    page.form.skipSundaysCheck.setChecked(False)
    page.form.reminderLeadSpin.setValue(14)
    page.form.intervalSpin.setValue(24)
    page.form.saveSettingsButton.click()
    with store.session() as session:
        assert settings.get(session, settings.SKIP_SUNDAYS_AND_HOLIDAYS) is False
        assert settings.get(session, settings.REMINDER_LEAD_DAYS) == 14
        assert docs.protocol_document(session).review_interval_months == 24
    assert page.form.agendaLabel.text() == "8 March 2026 (3 clear days; in 16 days)"

    ics = tmp_path / "meetings.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nBEGIN:VEVENT\r\nUID:u1\r\n"
        "DTSTART;VALUE=DATE:20260115\r\nSUMMARY:Full Council\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    page.ask_open_path = lambda: str(ics)
    page.form.importIcsButton.click()
    assert page.form.meetingMessage.text() == (
        "Meetings from meetings.ics: 1 added, 0 updated, 0 unchanged, 0 skipped"
    )
    assert page.meetings.text_rows()[0] == [
        "Thu 15 January 2026",
        "Full Council",
        "from a calendar file",
    ]

    page.form.meetingsView.selectRow(0)
    page.form.deleteMeetingButton.click()
    assert [m.date for m in list_meetings(store)] == [D(2026, 3, 12)]

    out = tmp_path / "review.ics"
    page.ask_save_path = lambda: str(out)
    page.form.exportCalendarButton.click()
    assert (
        page.form.meetingMessage.text()
        == "2 events written to review.ics: open it in your calendar"
    )
    assert b"BEGIN:VALARM" in out.read_bytes()


def test_autostart_on_linux_writes_and_removes_a_desktop_file(tmp_path):
    command = ["/opt/mop/mop-desktop", "--data-dir", "/home/clerk/My Data", "--minimised"]
    target = set_autostart(True, command, platform="linux", config_home=tmp_path)
    assert target == tmp_path / "autostart" / "mop-desktop.desktop"
    text = target.read_text()
    assert "Exec=/opt/mop/mop-desktop --data-dir '/home/clerk/My Data' --minimised" in text
    assert autostart_enabled(platform="linux", config_home=tmp_path)
    set_autostart(False, command, platform="linux", config_home=tmp_path)
    assert not target.exists()
    assert not autostart_enabled(platform="linux", config_home=tmp_path)


def test_autostart_on_windows_writes_the_run_value(tmp_path):
    registry = QSettings(str(tmp_path / "run.ini"), QSettings.Format.IniFormat)
    set_autostart(
        True,
        ["C:\\Program Files\\MOP\\mop-desktop.exe", "--minimised"],
        platform="win32",
        registry=registry,
    )
    assert (
        registry.value("MOP Desktop") == '"C:\\Program Files\\MOP\\mop-desktop.exe" "--minimised"'
    )
    assert autostart_enabled(platform="win32", registry=registry)
    set_autostart(False, [], platform="win32", registry=registry)
    assert not autostart_enabled(platform="win32", registry=registry)


def test_tray_menu_toggles_start_with_the_computer(qtbot, ctx, store, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setattr("sys.platform", "linux")
    tray = TrayController(ctx, None, today, show_icon=False)
    assert [a.text() for a in tray.menu.actions() if a.text()] == [
        "Open MOP Desktop",
        "Start with the computer (minimised to the tray)",
        "Quit",
    ]
    tray.autostart_action.setChecked(True)
    desktop = tmp_path / "cfg" / "autostart" / "mop-desktop.desktop"
    assert "--minimised" in desktop.read_text()
    with store.session() as session:
        assert settings.get(session, settings.START_WITH_COMPUTER) is True
    tray.autostart_action.setChecked(False)
    assert not desktop.exists()
    assert tray.check() is None  # no protocol: nothing to notify


def test_dashboard_lists_followups_while_the_register_is_unlocked(qtbot, ctx, store, monkeypatch):
    pytest.importorskip("mop_desktop.gui.register.state")
    monkeypatch.setenv("MOP_KDF_PROFILE", "test")
    from mop_desktop.domain.concerns import Concern
    from mop_desktop.gui.register.state import lock_register, register_for

    adopted_protocol(store, D(2025, 3, 20))
    service = register_for(ctx)
    service.init("correct horse battery")
    ref = service.add(
        Concern(
            raised_on=D(2026, 1, 5),
            raised_by_role="officer",
            raised_by="Jane Officer",
            summary="Raised voice",
            follow_up_on=D(2026, 2, 1),
        )
    )
    page = DashboardPage(ctx, None, today)
    qtbot.addWidget(page.widget)
    announce(ctx, Change.REGISTER)
    rows = page.model.text_rows()
    assert rows[0] == ["Overdue", "1 February 2026", f"Follow up concern {ref}", "19 days overdue"]
    assert not any("Jane" in cell for row in rows for cell in row)
    lock_register(ctx)
    assert [r.kind for r in page.items] == ["review"]


def test_review_page_lists_the_pdfs_exported(qtbot, ctx, store, cli, tmp_path):
    pytest.importorskip("mop_desktop.services.pdf.exports")
    adopted_protocol(store, D(2025, 3, 20))
    out = tmp_path / "protocol.pdf"
    code, _, err = cli("pdf", "-o", str(out))
    assert code == 0, err
    page = ReviewPage(ctx, None, today)
    qtbot.addWidget(page.widget)
    rows = page.exports.text_rows()
    assert len(rows) == 1
    assert rows[0][1:] == ["Protocol", "2025", str(out)]

    # Double-clicking a row used to do nothing: it now opens the PDF in the preview.
    view = page.form.exportsView
    view.doubleClicked.emit(page.exports.index(0, 3))
    previews = page.widget.findChildren(PdfPreview)
    assert len(previews) == 1 and previews[0].path == out and previews[0].page_count() >= 1
    previews[0].close()
    out.unlink()
    told: list[str] = []
    ctx.statusMessage.connect(told.append)
    assert page.open_export(0) is None
    assert told == [f"{out} is no longer there: it was moved or deleted"]


def test_tray_installs_into_the_main_window(qtbot, ctx, store):
    main_window = pytest.importorskip("mop_desktop.gui.shell.main_window")
    from mop_desktop.gui.shell import tray

    adopted_protocol(store, D(2024, 12, 10))
    window = main_window.MainWindow(ctx)
    qtbot.addWidget(window)
    tray.install(ctx, window)
    assert isinstance(window.tray, TrayController)
    texts = [a.text() for a in window.menu("View").actions()]
    assert "Start with the computer (minimised to the tray)" in texts
    dashboard = window.page("dashboard").findChild(DashboardPage)
    dashboard.today = window.tray.today = today
    dashboard.refresh()
    title, body = window.tray.check()
    assert title == "MOP Desktop: 1 overdue"
    assert body.splitlines() == [r.line() for r in dashboard.items]
    assert dashboard.model.text_rows()[0][0] == "Overdue"


def test_review_page_next_review_reads_on_one_line(qtbot, ctx, store):
    """ "Review by" used to wrap ("December 2026 (by 31 December / 2026)") in a narrow box
    beside a wide settings box: the two boxes now share the width."""
    adopted_protocol(store, D(2025, 12, 16))
    page = ReviewPage(ctx, None, today)
    qtbot.addWidget(page.widget)
    page.widget.resize(960, 720)
    page.widget.show()
    qtbot.waitExposed(page.widget)
    f = page.form
    assert f.reviewLabel.text() == "December 2026 (by 31 December 2026)"
    assert abs(f.nextGroup.width() - f.settingsGroup.width()) <= 24
    width = f.reviewLabel.fontMetrics().horizontalAdvance(f.reviewLabel.text())
    assert width <= f.reviewLabel.contentsRect().width()


def _tab_leaves(qtbot, widget, view):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    # With tab-key navigation on, Tab would move to the next cell and stay in the table.
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    return QApplication.focusWidget() is not view


def test_tab_moves_on_from_the_tables(qtbot, ctx, store):
    """Tab used to go from cell to cell and never leave the version table (or the
    dashboard's reminders): the tables now pass Tab on to the next control."""
    adopted_protocol(store, D(2025, 3, 20))
    add_meeting(store, D(2026, 3, 12))
    page = ReviewPage(ctx, None, today)
    qtbot.addWidget(page.widget)
    assert _tab_leaves(qtbot, page.widget, page.form.versionsView)
    assert _tab_leaves(qtbot, page.widget, page.form.meetingsView)
    dashboard = DashboardPage(ctx, None, today)
    qtbot.addWidget(dashboard.widget)
    assert dashboard.items
    assert _tab_leaves(qtbot, dashboard.widget, dashboard.form.remindersView)


def test_adopt_dialog_closed_while_typing_goes_quietly(qtbot, ctx, store):
    """The minute reference losing focus as the dialog was destroyed (the window closing
    with the dialog open) used to check the fields of a deleted dialog: a traceback."""
    from PySide6.QtWidgets import QApplication, QWidget

    draft_only(store)
    parent = QWidget()
    d = AdoptDialog(ctx, parent, today=today)
    d.show()
    qtbot.waitExposed(d)
    d.activateWindow()
    d.form.minuteEdit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d.form.minuteEdit)
    qtbot.keyClicks(d.form.minuteEdit, "FC 26")
    parent.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(d))
    with store.session() as session:
        assert not docs.protocol_document(session).adoptions


def test_review_page_counts_days_from_the_day_it_is_shown(qtbot, ctx, store):
    """A window left open overnight used to show yesterday's "in 39 days" until something
    changed: showing the page on a later day counts again."""
    adopted_protocol(store, D(2025, 3, 20))
    days = [TODAY]
    page = ReviewPage(ctx, None, lambda: days[0])
    qtbot.addWidget(page.widget)
    page.widget.show()
    assert page.form.stateLabel.text() == "Coming up: in 39 days"
    page.widget.hide()
    days[0] = TODAY + dt.timedelta(days=1)
    page.widget.show()
    assert page.form.stateLabel.text() == "Coming up: in 38 days"


def test_adopt_dialog_short_messages_are_one_line_high(qtbot, ctx, store):
    """ "Enter the originator or reviewer." used to get a red box two lines high (Qt narrows
    a short wrapped label); every short message is now one line."""
    draft_only(store)
    d = _dialog(qtbot, ctx)
    d.show()
    qtbot.waitExposed(d)
    d.form.dateEdit.setText("31/02/2026")
    assert not d.accept()
    labels = [d.form.dateError, d.form.minuteError, d.form.reviewerError]
    assert all(label.isVisible() for label in labels)
    qtbot.wait(50)
    line = d.form.reviewerError.fontMetrics().lineSpacing()
    assert [label.height() < 2 * line for label in labels] == [True, True, True]


def test_calendar_dialogs_start_in_a_real_folder(qtbot, ctx, store, monkeypatch):
    """The calendar's save dialog was offered "protocol-review.ics" relative to the program's
    working folder (on Windows, often where the program is installed); both dialogs now
    start where PDFs are saved (Documents at first)."""
    from pathlib import Path

    from mop_desktop.gui.review import page as review

    asked: list[str] = []
    monkeypatch.setattr(
        review.QFileDialog,
        "getSaveFileName",
        lambda _p, _t, where, _f: (asked.append(where), ("", ""))[1],
    )
    monkeypatch.setattr(
        review.QFileDialog,
        "getOpenFileName",
        lambda _p, _t, where, _f: (asked.append(where), ("", ""))[1],
    )
    page = ReviewPage(ctx, None, today)
    qtbot.addWidget(page.widget)
    page.choose_calendar_file()
    page.choose_ics()
    save, open_ = (Path(p) for p in asked)
    assert save.is_absolute() and save.name == "protocol-review.ics" and save.parent.is_dir()
    assert open_.is_absolute() and open_.is_dir()


def test_calendar_file_named_without_ics_gets_it(qtbot, ctx, store, tmp_path):
    """A name typed without ".ics" used to be written as such, and Outlook would not offer
    to open it."""
    adopted_protocol(store, D(2025, 3, 20))
    page = ReviewPage(ctx, None, today)
    qtbot.addWidget(page.widget)
    page.ask_save_path = lambda: str(tmp_path / "review dates")
    page.choose_calendar_file()
    assert (tmp_path / "review dates.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert not (tmp_path / "review dates").exists()


def test_dashboard_buttons_say_what_they_will_do(qtbot, ctx, store):
    adopted_protocol(store, D(2025, 3, 20), minute="FC 25/044")
    page = DashboardPage(ctx, None, today)
    qtbot.addWidget(page.widget)
    # No draft: adopting means recording a review that changed nothing; no report to export.
    assert "no changes" in page.form.adoptButton.text()
    assert not page.form.exportPackButton.isEnabled()
    from mop_desktop.services.drafts import start_new_draft

    start_new_draft(store)
    announce(ctx, Change.DOCUMENT)
    assert page.form.adoptButton.text().replace("&", "") == "Adopt the draft..."
    assert page.form.exportPackButton.isEnabled()
