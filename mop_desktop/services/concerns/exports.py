"""The register's two exports, one road for the window and the command line alike: the case
report of one concern and the subject-access export of the records naming a person, each a
password-protected PDF. The caller has checked the password (``check_pdf_password``) and
chosen the file; ``progress`` (optional) is told each step in a clerk's words, from the
thread the export runs on."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mop_desktop.store.db import Store

from .service import RegisterService

Progress = Callable[[str], None]


@dataclass(frozen=True)
class SubjectAccessExport:
    """What a subject-access export wrote."""

    records: int  # the records written
    files: int  # attached files that name the person, included


def _quiet(_step: str) -> None:
    pass


def export_case(
    service: RegisterService,
    store: Store,
    reference: str,
    path: Path,
    password: str,
    progress: Progress | None = None,
) -> int:
    """Write the case report of ``reference`` (its fields, timeline, audit trail, the route
    guidance and its attached files) to ``path``; returns its number of pages."""
    from mop_desktop.domain.concerns import routes_for

    from . import attachments, reports
    from .council import council

    say = progress or _quiet
    say("Reading the case…")
    concern = service.get(reference)
    details = council(store)
    guidance = routes_for(concern.raised_by_role, concern.about_role, details).guidance
    timeline = service.timeline(reference)
    trail = service.audit_trail(reference)
    files = attachments.files_of(service, reference)
    say("Writing the case report…")
    return reports.case_report(
        path, concern, timeline, trail, details.name, password, guidance, files=files
    )


def export_subject_access(
    service: RegisterService,
    store: Store,
    name: str,
    chosen: Sequence[str],
    path: Path,
    password: str,
    progress: Progress | None = None,
) -> SubjectAccessExport:
    """Write the records ``chosen`` (references, from ``subject_access.candidates``), with
    the attached files that name ``name``, to ``path``."""
    from . import reports
    from .attachments import naming
    from .council import council
    from .subject_access import chosen_case_files

    say = progress or _quiet
    references = list(chosen)
    say("Reading the records…")
    cases = [(c.concern, c.timeline) for c in chosen_case_files(service, references)]
    say("Reading the attached files…")
    files, left_out = naming(service, references, name)
    say("Writing the subject access export…")
    reports.subject_access_report(path, name, cases, council(store).name, password, files, left_out)
    return SubjectAccessExport(len(cases), len(files))
