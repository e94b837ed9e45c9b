"""The register's own failure, raised instead of the database library's: a statement that
could not be run (a damaged page, a full disk, another program writing). It carries one line
for the user and never the statement or its values; the original error stays its
``__cause__`` (for the log and ``store.failures.explain``)."""

from __future__ import annotations

from mop_desktop.store.register import RegisterError

GENERIC = "the register could not be read or changed; nothing was changed"


class RegisterStoreFailure(RegisterError):
    """A register statement failed; nothing was changed (its transaction rolled back)."""

    def __init__(self, cause: BaseException) -> None:
        from mop_desktop.store.failures import explain

        #: the machine's failure (disk full, read-only, busy) in one line, or None
        self.failure = explain(cause)
        #: the kind of error (``OperationalError``), never its text
        self.kind = type(cause).__name__
        super().__init__(self.failure or GENERIC)

    def not_saved(self) -> str:
        """One line for a failed save: the machine's failure, or the kind of error."""
        if self.failure is not None:
            return f"Nothing was saved: {self.failure}."
        return (
            "Nothing was saved: the data store could not be written "
            f"({self.kind}). Try again; if it keeps failing, see the log."
        )
