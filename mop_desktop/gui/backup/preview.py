"""What a backup holds, in a clerk's words, for the restore and recovery dialogs.

``preview_rows(info)`` is plain text (tested without widgets); ``fill_preview(dialog, info)``
puts it into the ``previewGroup`` labels that both dialogs' .ui files share by name.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QGroupBox, QLabel, QWidget

from mop_desktop.domain.dates import format_long
from mop_desktop.store.backup import BundleInfo

FIELDS = ("created", "council", "versions", "adoptions", "latest", "concerns", "file")


def when(created: dt.datetime) -> str:
    return f"{format_long(created.date())} at {created:%H:%M}"


def preview_rows(info: BundleInfo | None) -> dict[str, str]:
    if info is None:
        return dict.fromkeys(FIELDS, "")
    summary = info.summary
    latest = "none recorded"
    if summary.get("latest_version") or summary.get("latest_adopted_on"):
        adopted_on = summary.get("latest_adopted_on")
        try:
            on = format_long(dt.date.fromisoformat(str(adopted_on))) if adopted_on else ""
        except ValueError:
            on = str(adopted_on)
        label = summary.get("latest_version") or "unlabelled"
        latest = f"version {label}, adopted {on}" if on else f"version {label}"
    versions = int(summary.get("versions") or 0)
    draft = " (including a draft)" if summary.get("draft") else ""
    if not info.has_register:
        concerns = "no concern register in this backup"
    elif info.concerns is None:
        concerns = "register included (it was locked, so its concerns were not counted)"
    else:
        concerns = f"{info.concerns} in the register"
    return {
        "created": when(info.created),
        "council": str(summary.get("council") or "not named"),
        "versions": f"{versions}{draft}",
        "adoptions": str(int(summary.get("adoptions") or 0)),
        "latest": latest,
        "concerns": concerns,
        "file": str(info.path),
    }


def fill_preview(dialog: QWidget, info: BundleInfo | None) -> None:
    """Set the preview labels (``createdValue`` ...) of a dialog built from a layout that has
    them; empty for None."""
    for key, text in preview_rows(info).items():
        label = dialog.findChild(QLabel, f"{key}Value")
        if label is None:
            raise LookupError(f"{key}Value is not in the layout of {type(dialog).__name__}")
        label.setText(text)
    group = dialog.findChild(QGroupBox, "previewGroup")
    if group is not None:
        group.setEnabled(info is not None)
