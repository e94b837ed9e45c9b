"""One way for the window to change data: an ``Operation`` (anki's CollectionOp is the model).

An operation runs a service call, reports a failure as one line, and then announces once, on
``AppContext.changed``, the kinds of data that changed (a frozenset of ``Change``); pages
refresh from that announcement and from nothing else::

    Operation(app, parent, lambda: meetings.add_meeting(store, day), changes={Change.SCHEDULE})
        .success(lambda result: ...)
        .failure(lambda message, error: ...)
        .run_in_background(busy="Adding the meeting\u2026")

``run_in_background`` runs the work on the thread pool (the work must not touch widgets) and
calls back on the UI thread, with a busy dialog when ``busy`` is given; ``run_now`` runs it on
the UI thread and returns at once (for a short write whose outcome the caller needs straight
away, such as saving the page as the window closes). Either way, nothing is announced when the
work fails, and the failure handler (by default a message box over ``parent``) receives one
line: the service's own message for an expected error, the machine's failure said plainly
(full disk, read-only folder, busy), or the kind of error and where to look.

``announce`` is the one place that emits ``changed``; the operation calls it after the work
succeeds. Code that changed data by other means (a restore swapping the files) calls it too.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QWidget

from mop_desktop import APP_NAME
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets.worker import run_in_background

log = logging.getLogger(__name__)

T = TypeVar("T")


class Change(enum.Enum):
    DOCUMENT = "document"  # protocol text, versions, drafts
    SCHEDULE = "schedule"  # adoptions, meetings, review settings, recorded exports
    COUNCIL = "council"  # council details and settings
    REGISTER = "register"  # concerns (never carries their text)


EVERYTHING: frozenset[Change] = frozenset(Change)

ChangeSpec = Iterable[Change] | Callable[[T], Iterable[Change]]
FailureHandler = Callable[[str, BaseException], None]


def announce(app: AppContext, *kinds: Change | Iterable[Change]) -> frozenset[Change]:
    """Tell every page, once, what changed; nothing is announced for an empty set."""
    changed: set[Change] = set()
    for kind in kinds:
        if isinstance(kind, Change):
            changed.add(kind)
        else:
            changed.update(kind)
    announced = frozenset(changed)
    if announced:
        app.changed.emit(announced)
    return announced


def one_line(error: BaseException, expected: tuple[type[BaseException], ...] = ()) -> str:
    """The line shown for ``error``: an expected (typed) error's own message; a failure of the
    machine said plainly (nothing was saved); anything else by its kind, pointing at the log."""
    from mop_desktop.store.failures import explain

    if expected and isinstance(error, expected):
        text = " ".join(str(error).split())
        if text:
            return text
    failure = explain(error)
    if failure is not None:
        return f"Nothing was saved: {failure}."
    return (
        "Nothing was saved: the data store could not be written "
        f"({type(error).__name__}). Try again; if it keeps failing, see the log."
    )


class Operation(Generic[T]):
    """A change made through a service function, then announced once."""

    def __init__(
        self,
        app: AppContext,
        parent: QWidget | None,
        work: Callable[[], T],
        *,
        changes: ChangeSpec[T] = (),
        title: str = APP_NAME,
        expected: tuple[type[BaseException], ...] = (),
    ) -> None:
        self.app = app
        self.parent = parent
        self.work = work
        self.changes = changes
        self.title = title
        self.expected = expected
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: FailureHandler | None = None

    def success(self, handler: Callable[[T], object]) -> Operation[T]:
        """Called on the UI thread after the change has been announced."""
        self._on_success = handler
        return self

    def failure(self, handler: FailureHandler) -> Operation[T]:
        """Called with the one-line message (and the error) instead of the message box."""
        self._on_failure = handler
        return self

    # -- running --------------------------------------------------------------------------------
    def run_in_background(self, busy: str | None = None) -> None:
        run_in_background(self.parent, self.work, self._succeeded, self._failed, label=busy)

    def run_now(self) -> bool:
        """Run on the UI thread; whether the work succeeded (both handlers have run)."""
        try:
            result = self.work()
        except Exception as error:  # reported in one line, never a traceback on screen
            self._failed(error)
            return False
        self._succeeded(result)
        return True

    # -- finishing ------------------------------------------------------------------------------
    def _succeeded(self, result: T) -> None:
        kinds = self.changes(result) if callable(self.changes) else self.changes
        announce(self.app, kinds)
        if self._on_success is not None:
            self._on_success(result)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, Exception):  # KeyboardInterrupt, SystemExit: not ours
            raise error
        if not (self.expected and isinstance(error, self.expected)):
            log.error("%s failed", self.title, exc_info=(type(error), error, error.__traceback__))
        message = one_line(error, self.expected)
        if self._on_failure is not None:
            self._on_failure(message, error)
        else:
            from mop_desktop.gui.widgets import messages

            messages.tell(self.parent, self.title, message)
