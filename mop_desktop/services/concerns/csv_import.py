"""The earlier name of the log import (``log_import``), kept for callers that use it."""

from __future__ import annotations

from pathlib import Path

from .log_import import LogImportError, import_log, prepare
from .service import RegisterService

ImportError_ = LogImportError


def import_csv(service: RegisterService, path: Path) -> list[str]:
    """Add every new row in one transaction; returns the references added."""
    return import_log(service, path).added


def read_rows(path: Path) -> list[tuple[int, object]]:
    """(line, concern) pairs after checking the whole file (nothing is added)."""
    return [(row.line, row.concern) for row in prepare(path).rows]
