"""Register fixtures: a cheap key derivation (explicit test profile) and an unlocked register."""

from __future__ import annotations

import datetime as dt

import pytest

PASSPHRASE = "correct horse battery"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOP_KDF_PROFILE", "test")


@pytest.fixture
def service(app_paths):
    from mop_desktop.services.concerns import RegisterService

    svc = RegisterService(app_paths)
    svc.recovery_key = svc.init(PASSPHRASE)
    yield svc
    svc.lock()


@pytest.fixture
def make_concern():
    from mop_desktop.domain.concerns import Concern

    def make(**kw):
        values = dict(
            raised_on=dt.date(2026, 3, 23),
            raised_by_role="officer",
            summary="Raised voice at the finance committee",
        )
        values.update(kw)
        return Concern(**values)

    return make
