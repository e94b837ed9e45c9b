"""Attachments and sealed concerns written by two processes at once, each killed at a random
moment: the register stays sound, every file reported stored is there whole (its size and
SHA-256), every sealed concern opens with the chair's key, and nothing is half-sealed."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random

import pytest

from mop_desktop.services.concerns import RegisterService, sealed
from mop_desktop.services.concerns import attachments as att
from mop_desktop.store import vault
from mop_desktop.store.integrity import check_register
from tests.store.test_kill_loop import _kill_at_random, _start

from .conftest import PASSPHRASE

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL"),
]

CHAIR = "the chair's own words"
RUNS = 12


def _writer(app_paths, tag: str):
    def work(fd: int) -> None:
        from mop_desktop.domain.concerns import Concern

        service = RegisterService(app_paths)
        service.unlock(PASSPHRASE)
        os.write(fd, b"ready\n")
        n = 0
        while True:
            data = f"{tag}-{n} ".encode() * (50 + n % 200)
            att.add_bytes(service, "C-2026-001", f"{tag}-{n}.txt", data)
            reference = sealed.add_sealed(
                service,
                Concern(
                    raised_on=dt.date(2026, 3, 23),
                    raised_by_role="councillor",
                    summary=f"about the clerk {tag} {n}",
                    about_role="clerk",
                    category="other",
                ),
            )
            os.write(fd, f"{n}\n".encode())
            n += 1
            del reference

    return work


def test_two_writers_killed_at_random_leave_whole_files_and_sealed_concerns(
    service, app_paths, make_concern
):
    service.add(make_concern())  # C-2026-001, which the writers attach files to
    sealed.set_up_chair(service, CHAIR)
    service.lock()
    rng = random.Random(20261203)
    reported: dict[str, int] = {"a": -1, "b": -1}
    for run in range(RUNS):
        children = [(tag, *_start(_writer(app_paths, f"{tag}{run}"))) for tag in "ab"]
        for tag, pid, fd in children:
            done = _kill_at_random(pid, fd, rng)
            reported[tag] = done[-1] if done else -1
        key = None
        clerk = RegisterService(app_paths)
        clerk.unlock(PASSPHRASE)
        try:
            register_key = vault.unlock_with_passphrase(app_paths.key_envelope, PASSPHRASE)
            assert check_register(app_paths.register_db, register_key) == [], f"run {run}"
            names = set()
            for item in att.listed(clerk, "C-2026-001"):
                name, data = att.content(clerk, "C-2026-001", item.id)
                assert len(data) == item.size and hashlib.sha256(data).hexdigest() == item.sha256
                names.add(name)
            for tag in "ab":  # every file its writer reported is there
                for n in range(reported[tag] + 1):
                    assert f"{tag}{run}-{n}.txt" in names, f"run {run}: {tag}{run}-{n} lost"
            key = sealed.unlock_chair(clerk, CHAIR)
            for reference in sealed.sealed_references(clerk):
                case = sealed.open_sealed(clerk, key, reference)  # never half-sealed
                assert case.concern.summary.startswith("about the clerk")
                assert clerk.get(reference).summary == sealed.SEALED_LABEL
        finally:
            if key is not None:
                key.close()
            clerk.lock()
