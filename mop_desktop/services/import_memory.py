"""The clerk's corrections to an import, remembered by the file's SHA-256, so that importing
the same file again gives the corrected result (domain/import_corrections.py), in the window
and from the command line alike. The most recent ``KEEP`` files are remembered."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from mop_desktop.domain.import_corrections import Corrections, apply
from mop_desktop.services.importer import ImportResult, read_protocol
from mop_desktop.store import settings
from mop_desktop.store.db import Store

KEEP = 50


def file_key(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def remembered(store: Store, key: str) -> Corrections:
    with store.session() as session:
        stored = settings.get(session, settings.IMPORT_CORRECTIONS)
    return Corrections.from_json(stored.get(key))


def remember(store: Store, key: str, corrections: Corrections) -> None:
    """Keep ``corrections`` for the file with SHA-256 ``key`` (forget them when empty)."""
    with store.session() as session:
        stored = settings.get(session, settings.IMPORT_CORRECTIONS).copy()
        stored.pop(key, None)
        if not corrections.empty:
            stored[key] = corrections.to_json()
        while len(stored) > KEEP:
            stored.pop(next(iter(stored)))
        settings.put(session, settings.IMPORT_CORRECTIONS, stored)


def corrected(result: ImportResult, corrections: Corrections) -> tuple[ImportResult, int]:
    """``result`` with ``corrections`` applied; and how many could not be applied."""
    if corrections.empty:
        return result, 0
    text, history, council, skipped = apply(
        result.text, result.history, result.council_name, corrections
    )
    return dataclasses.replace(result, text=text, council_name=council, history=history), skipped


def read_corrected(
    store: Store, path: str | Path
) -> tuple[ImportResult, ImportResult, Corrections, int]:
    """(as read, as corrected before, the corrections, how many no longer applied)."""
    original = read_protocol(path)
    corrections = remembered(store, file_key(path))
    result, skipped = corrected(original, corrections)
    return original, result, corrections, skipped
