"""The service functions the window asks instead of opening transactions itself: review
settings (one rule for every page), the Adopt dialog's checks, council settings, preferences
and the protocol's state. A fresh store per test."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from mop_desktop.domain.records import Council
from mop_desktop.services import council_settings, preferences, review_settings
from mop_desktop.services.adoption import AdoptionRequest
from mop_desktop.services.adoption_form import adoption_defaults, check_adoption
from mop_desktop.services.protocol_state import ProtocolState, adoption_history, protocol_state
from mop_desktop.store import documents as docs
from mop_desktop.store import settings
from tests.services.review_data import adopted_protocol, draft_only

D = dt.date
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


# -- review settings ----------------------------------------------------------------------------
def test_review_settings_default_without_a_protocol(store) -> None:
    loaded = review_settings.load_review_settings(store)
    assert loaded.interval_months == 12
    assert loaded.reminder_lead_days == 28
    assert loaded.clear_days == 3
    assert review_settings.review_interval(store) is None


def test_saving_review_settings_marks_a_changed_interval_as_chosen(store) -> None:
    adopted_protocol(store, D(2025, 3, 20))
    before = review_settings.load_review_settings(store)
    same = review_settings.save_review_settings(store, before)
    with store.session() as session:
        assert not docs.protocol_document(session).review_interval_stated
    new = dataclasses.replace(
        same, interval_months=24, reminder_lead_days=14, skip_sundays_and_holidays=False
    )
    review_settings.save_review_settings(store, new)
    assert review_settings.load_review_settings(store) == new
    assert review_settings.review_interval(store) == 24
    with store.session() as session:
        assert docs.protocol_document(session).review_interval_stated


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("interval_months", 0),
        ("interval_months", 121),
        ("reminder_lead_days", -1),
        ("report_lead_days", 91),
        ("clear_days", 0),
        ("clear_days", 15),
    ],
)
def test_a_review_setting_out_of_range_is_refused_and_nothing_saved(store, field, value):
    adopted_protocol(store, D(2025, 3, 20))
    before = review_settings.load_review_settings(store)
    with pytest.raises(review_settings.ReviewSettingsError) as raised:
        review_settings.save_review_settings(
            store, dataclasses.replace(before, **{"skip_sundays_and_holidays": False, field: value})
        )
    assert raised.value.field == field
    assert "\n" not in str(raised.value) and "must be from" in str(raised.value)
    assert review_settings.load_review_settings(store) == before


# -- the Adopt dialog -----------------------------------------------------------------------
def test_adoption_defaults_come_from_the_council_and_the_last_adoption(store) -> None:
    assert adoption_defaults(store).has_adopted is False
    adopted_protocol(store, D(2025, 3, 20))
    with store.session() as session:
        council = docs.get_council(session)
        council.chair, council.clerk = "Cllr A Chair", "B Clerk"
        docs.save_council(session, council)
    defaults = adoption_defaults(store)
    assert (defaults.chair, defaults.clerk, defaults.reviewer, defaults.has_adopted) == (
        "Cllr A Chair",
        "B Clerk",
        "G White",
        True,
    )


def test_check_adoption_names_each_problem_and_suggests_a_label(store) -> None:
    adopted_protocol(store, D(2026, 1, 10), interval=24, with_draft=True)
    request = AdoptionRequest(adopted_on="19/02/2026", minute_ref="", reviewer="G White")
    checked = check_adoption(store, request, D(2026, 2, 20), D(2026, 2, 19))
    assert checked.problems == {
        "minute": "Enter the minute reference of the resolution (e.g. 2026-101)."
    }
    assert checked.suggested_label == "2026v2"  # 2026 is taken
    assert checked.interval_months == 24
    without_date = check_adoption(store, request, D(2026, 2, 20), None)
    assert without_date.suggested_label is None


# -- council settings ---------------------------------------------------------------------------
def test_council_settings_round_trip_with_pictures_and_numbers(store) -> None:
    council = Council(name="Oakford Town Council", clerk="B Clerk")
    council_settings.save_council_settings(
        store,
        council,
        {"logo": PNG, "chair_signature": PNG},
        {"retention_years": 8, "idle_lock_minutes": 500},  # 500: out of range, left alone
    )
    loaded = council_settings.load_council_settings(store)
    assert loaded.council.name == "Oakford Town Council"
    assert loaded.pictures == {"logo": PNG, "chair_signature": PNG, "clerk_signature": None}
    assert loaded.numbers == {"retention_years": 8, "idle_lock_minutes": 5}
    assert loaded.interval_months is None
    with store.session() as session:
        assert settings.get(session, settings.SIGNATURE_CHAIR).startswith("data:image/png;")
    council_settings.save_council_settings(store, council, {"chair_signature": None})
    assert council_settings.load_council_settings(store).pictures["chair_signature"] is None
    assert council_settings.load_council_settings(store).pictures["logo"] == PNG


# -- preferences --------------------------------------------------------------------------------
def test_start_with_computer_is_kept(store) -> None:
    assert preferences.start_with_computer(store) is False
    preferences.set_start_with_computer(store, True)
    assert preferences.start_with_computer(store) is True


def test_welcome_is_answered_with_the_council_name(store) -> None:
    from mop_desktop.domain.document import DocumentText, Section

    assert preferences.needs_welcome(store)
    preferences.start_protocol(
        store, DocumentText(title="P", sections=[Section("")]), "  Oakford   Town Council "
    )
    assert not preferences.needs_welcome(store)
    with store.session() as session:
        assert docs.get_council(session).name == "Oakford Town Council"
        assert settings.get(session, settings.WELCOME_DONE)


def test_finishing_the_welcome_without_a_name_keeps_the_council(store) -> None:
    preferences.finish_welcome(store, "   ")
    with store.session() as session:
        assert docs.get_council(session).name == ""
        assert settings.get(session, settings.WELCOME_DONE)


# -- the protocol's state -----------------------------------------------------------------------
def test_protocol_state_and_history(store) -> None:
    assert protocol_state(store) == ProtocolState(False, False, False)
    assert adoption_history(store) == []
    draft_only(store)
    assert protocol_state(store) == ProtocolState(True, True, False)
    history = adoption_history(store)
    assert history == []


def test_adoption_history_lists_what_each_row_allows(store) -> None:
    adopted_protocol(store, D(2025, 3, 20), minute="FC 25/044", with_draft=True)
    state = protocol_state(store)
    assert (state.has_document, state.has_draft, state.has_adopted) == (True, True, True)
    [entry] = adoption_history(store)
    assert (entry.label, entry.has_text, entry.can_add_minute) == ("2025", True, False)
    assert entry.adoption.minute_ref == "FC 25/044"
