"""Undo and redo for every edit of the protocol text.

Structural edits (add, delete, move, indent, numbering, replace) keep a snapshot of the whole
document before and after. Typing in one field keeps only the field's old and new values and
merges into one undo step per field until the clerk selects another part.
"""

from __future__ import annotations

import copy
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from mop_desktop.domain.document import DocumentText
from mop_desktop.gui.protocol.editor.outline_model import Address

TYPING_ID = 1001


class EditorTarget(Protocol):
    """What the commands drive: the protocol page."""

    def apply_document(self, doc: DocumentText, select: Address | None) -> None: ...

    def apply_field(self, address: Address | None, field: str, value: Any) -> None: ...


class SnapshotCommand(QUndoCommand):
    def __init__(
        self,
        target: EditorTarget,
        text: str,
        before: DocumentText,
        after: DocumentText,
        select_before: Address | None,
        select_after: Address | None,
    ) -> None:
        super().__init__(text)
        self._target = target
        self._before = before.clone()
        self._after = after.clone()
        self._select_before = select_before
        self._select_after = select_after

    def redo(self) -> None:
        self._target.apply_document(self._after.clone(), self._select_after)

    def undo(self) -> None:
        self._target.apply_document(self._before.clone(), self._select_before)


class FieldCommand(QUndoCommand):
    """One field of one part: "title", "heading", "text", "items" or "list_style"."""

    def __init__(
        self,
        target: EditorTarget,
        text: str,
        address: Address | None,
        field: str,
        old: Any,
        new: Any,
        merge_token: int | None,
    ) -> None:
        super().__init__(text)
        self._target = target
        self.address = address
        self.field = field
        self._old = copy.deepcopy(old)
        self._new = copy.deepcopy(new)
        self.merge_token = merge_token

    def id(self) -> int:
        return TYPING_ID if self.merge_token is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldCommand):
            return False
        if (other.address, other.field, other.merge_token) != (
            self.address,
            self.field,
            self.merge_token,
        ):
            return False
        self._new = copy.deepcopy(other._new)
        return True

    def redo(self) -> None:
        self._target.apply_field(self.address, self.field, copy.deepcopy(self._new))

    def undo(self) -> None:
        self._target.apply_field(self.address, self.field, copy.deepcopy(self._old))
