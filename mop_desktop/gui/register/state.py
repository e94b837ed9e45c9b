"""The one ``RegisterService`` per window's ``AppContext``, shared by the Concerns page and the
register actions (lock now, idle lock). Locking drops the key and tells every view."""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from mop_desktop.gui.context import AppContext

if TYPE_CHECKING:  # imported when the first service is made, not on the start-up path
    from mop_desktop.services.concerns import RegisterService

_services: WeakKeyDictionary[AppContext, RegisterService] = WeakKeyDictionary()


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
    """Drop the key and clear every view (``registerLocked``)."""
    register_for(app).lock()
    app.registerLocked.emit()
