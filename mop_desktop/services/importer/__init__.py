"""Import of a council's existing protocol from .txt, .md or .docx.

``read_protocol(path)`` returns an ``ImportResult`` without touching the store; the caller
shows it (GUI preview) and saves it with ``services.workspace.save_import``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mop_desktop.domain.document import DocumentText
from mop_desktop.domain.records import Adoption

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".docx")


class ImportFailed(Exception):
    """The file cannot be imported; the message is one line naming the file (and line)."""


@dataclass
class ImportResult:
    text: DocumentText
    council_name: str = ""
    history: list[Adoption] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: str = ""

    @property
    def has_adoption(self) -> bool:
        return any(a.adopted_on for a in self.history)

    def contents(self) -> str:
        """"5 sections, 15 clauses and paragraphs, 1 row of version history"."""
        from mop_desktop.domain.wording import counted

        sections = self.text.sections
        blocks = sum(len(s.blocks) for s in sections)
        return (
            f"{counted(len(sections), 'section')}, "
            f"{counted(blocks, 'clause or paragraph', 'clauses and paragraphs')}, "
            f"{counted(len(self.history), 'row', 'rows')} of version history"
        )


def read_protocol(path: str | Path) -> ImportResult:
    """Read ``path`` into an ImportResult, or raise ImportFailed with one clear line."""
    from mop_desktop.services.importer.reader import read_file

    return read_file(Path(path))
