"""The one ``RegisterService`` per window's ``AppContext``, shared by the Concerns page and the
register actions (lock now, idle lock). Locking drops the key and tells every view."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary, WeakMethod

from mop_desktop.gui.shell.context import AppContext

if TYPE_CHECKING:  # imported when the first service is made, not on the start-up path
    from mop_desktop.services.concerns import RegisterService

_services: WeakKeyDictionary[AppContext, RegisterService] = WeakKeyDictionary()
_before_lock: WeakKeyDictionary[AppContext, list[WeakMethod[Callable[[], None]]]] = (
    WeakKeyDictionary()
)
log = logging.getLogger(__name__)


def before_locking(app: AppContext, keep: Callable[[], None]) -> None:
    """The bound method ``keep`` runs while the register is still open, just before every
    lock (Ctrl+L, the idle lock, the Lock button): the Concerns page keeps what open cases
    hold as drafts. Held weakly: a page that is gone is not called."""
    _before_lock.setdefault(app, []).append(WeakMethod(keep))


def unlocked_register(app: AppContext) -> RegisterService | None:
    """The window's register if it exists and is unlocked (never makes one)."""
    service = _services.get(app)
    return service if service is not None and service.unlocked else None


def register_for(app: AppContext) -> RegisterService:
    service = _services.get(app)
    if service is None:
        from mop_desktop.services.concerns import RegisterService

        service = RegisterService(app.paths)
        _services[app] = service
    return service


def lock_register(app: AppContext) -> None:
    """Keep what open cases hold (``before_locking``), drop the key and clear every view
    (``registerLocked``)."""
    if register_for(app).unlocked:
        for ref in _before_lock.get(app, []):
            keep = ref()
            if keep is None:
                continue
            try:
                keep()
            except Exception:  # locking always happens; the log says what was not kept
                log.exception("what an open case held could not be kept before locking")
    register_for(app).lock()
    app.registerLocked.emit()
