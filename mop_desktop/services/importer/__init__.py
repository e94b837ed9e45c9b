"""Import of a council's existing protocol from .txt, .md, .docx or a text .pdf.

``read_protocol(path)`` returns an ``ImportResult`` without touching the store; the caller
shows it (GUI preview) and saves it with ``services.workspace.save_import``. The result keeps
the source's own clause numbers (``Section.source_number``/``Block.source_number``) and lists
every place to check as an ``ImportIssue`` (line, kind, message).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mop_desktop.domain.document import DocumentText
from mop_desktop.domain.records import Adoption

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf")


class ImportFailed(Exception):
    """The file cannot be imported; the message is one line naming the file (and line)."""


# What an ``ImportIssue`` is about: "numbering" (a number that skips, repeats or does not fit
# where it stands), "structure" (a line whose place is uncertain), "history" (a version-table
# row or adoption line not understood), "missing" (title, council or adoption not stated),
# "left-out" (a running header, footer or page number of a PDF, not imported).
ISSUE_KINDS = ("numbering", "structure", "history", "missing", "left-out")


@dataclass
class ImportIssue:
    """One place for the clerk to check: ``line`` in the source (a text line, a Word
    paragraph or a PDF page's line; 0 for the whole document), ``kind`` and the message."""

    line: int
    kind: str
    message: str
    unit: str = "line"  # "line", "paragraph" or "page"

    def __str__(self) -> str:
        return f"{self.unit} {self.line}: {self.message}" if self.line else self.message


@dataclass
class ImportResult:
    text: DocumentText
    council_name: str = ""
    history: list[Adoption] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: str = ""
    issues: list[ImportIssue] = field(default_factory=list)
    review_interval_months: int | None = None  # "reviewed annually" -> 12

    @property
    def doubtful(self) -> list[ImportIssue]:
        """The places marked doubtful (everything but what is missing or left out)."""
        return [i for i in self.issues if i.kind not in ("missing", "left-out")]

    @property
    def missing(self) -> list[str]:
        """What the document does not state (title, council, adoption, minute, review)."""
        return [i.message for i in self.issues if i.kind == "missing"]

    @property
    def left_out(self) -> list[ImportIssue]:
        """A PDF's running headers, footers and page numbers, not imported."""
        return [i for i in self.issues if i.kind == "left-out"]

    @property
    def has_adoption(self) -> bool:
        return any(a.adopted_on for a in self.history)

    def contents(self) -> str:
        """ "5 sections, 15 clauses and paragraphs, 1 row of version history"."""
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
