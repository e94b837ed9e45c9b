"""The one ``RegisterService`` per window's ``AppContext``, shared by the Concerns page and the
register actions (lock now, idle lock). Locking drops the key and tells every view."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from mop_desktop.gui.context import AppContext
from mop_desktop.services.concerns import RegisterService

_services: WeakKeyDictionary[AppContext, RegisterService] = WeakKeyDictionary()


def register_for(app: AppContext) -> RegisterService:
    service = _services.get(app)
    if service is None:
        service = RegisterService(app.paths)
        _services[app] = service
    return service


def lock_register(app: AppContext) -> None:
    """Drop the key and clear every view (``registerLocked``)."""
    register_for(app).lock()
    app.registerLocked.emit()
