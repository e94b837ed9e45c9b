"""The model protocol shipped in resources/, read through the importer like any other file."""

from __future__ import annotations

from mop_desktop.domain.document import DocumentText
from mop_desktop.paths import resource_path

MODEL_FILE = "model-protocol.md"


def model_protocol() -> DocumentText:
    """A fresh copy of the model protocol's text (numbered clauses, sections 1-8)."""
    from mop_desktop.services.importer.reader import read_file

    result = read_file(resource_path("resources", MODEL_FILE))
    return result.text.renumber()
