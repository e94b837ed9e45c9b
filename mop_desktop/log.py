"""The app's log: a rotating file in the platform's log folder, with nothing confidential in it.

``setup_logging(paths) -> Path`` installs the handler once and returns the log file's path.
The log lives in platformdirs' user log folder, or in ``paths.logs`` when the data folder was
moved with ``--data-dir`` / ``MOP_DATA_DIR`` (everything then stays in that one folder).

What never reaches the file:
- bound SQL parameters: SQLAlchemy's engine logger is silenced and any record that carries a
  ``[parameters: ...]`` or ``[generated in ...]`` part is dropped;
- register text: exception messages raised by a database driver are reduced to the driver's
  own error words (no SQL, no values), and any exception whose traceback passes through the
  register's code keeps its type and frames but not its message.

``safe_traceback`` and ``scrub`` are shared with the crash dialog (``gui/shell/crash.py``).
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import traceback
from pathlib import Path
from types import TracebackType

from mop_desktop import APP_ID, ORG_NAME
from mop_desktop.paths import AppPaths, default_data_dir

LOG_NAME = "mop-desktop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

#: Loggers that would print statements with their values if switched on.
_SILENCED = ("sqlalchemy.engine", "sqlalchemy.pool", "sqlalchemy.orm", "alembic.runtime")

#: Modules whose exception messages may carry register text: withheld entirely.
_CONFIDENTIAL_MODULE_MARKERS = ("register", "concern", "vault")

#: Exception modules whose messages may quote SQL or values: reduced to their first words.
_DB_MODULES = ("sqlalchemy", "sqlite3", "sqlcipher3", "_sqlite3", "psycopg")

_PARAMS = re.compile(r"\[parameters:.*?\](?=\s*(\(|\[|$))", re.DOTALL)
_SQL = re.compile(r"\[SQL:.*?\](?=\s*(\[|\(|$))", re.DOTALL)
_GENERATED = re.compile(r"\[(generated|cached) in [^\]]*\]")
_BACKGROUND = re.compile(r"\(Background on this error at: [^)]*\)")

_handler: logging.Handler | None = None


def log_dir(paths: AppPaths) -> Path:
    """``paths.logs`` for a data folder that was moved; the platform's log folder otherwise."""
    if paths.data != default_data_dir():
        return paths.logs
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_ID, ORG_NAME))


def looks_like_parameters(text: str) -> bool:
    return "[parameters:" in text or bool(_GENERATED.search(text))


def scrub(text: str) -> str:
    """``text`` without SQL statements, bound parameters, SQLAlchemy's link lines and any
    password in a database URL."""
    from mop_desktop.store.location import mask

    text = mask(text)
    text = _PARAMS.sub("[parameters withheld]", text)
    text = _SQL.sub("[SQL withheld]", text)
    text = _GENERATED.sub("", text)
    text = _BACKGROUND.sub("", text)
    return text.strip()


def _is_db_exception(exc: BaseException) -> bool:
    module = type(exc).__module__ or ""
    return module.split(".")[0] in _DB_MODULES


def _touches_confidential_code(tb: TracebackType | None) -> bool:
    for frame, _line in traceback.walk_tb(tb):
        filename = frame.f_code.co_filename.replace("\\", "/").lower()
        if "mop_desktop" not in filename:
            continue
        tail = filename.rsplit("mop_desktop/", 1)[-1]
        if any(marker in tail for marker in _CONFIDENTIAL_MODULE_MARKERS):
            return True
    return False


def safe_message(exc: BaseException, tb: TracebackType | None = None) -> str:
    """What may be shown or logged of ``exc``'s message."""
    if _touches_confidential_code(tb or exc.__traceback__):
        return "(message withheld: raised in the concern register's code)"
    text = str(exc)
    if _is_db_exception(exc):
        orig = getattr(exc, "orig", None)
        if orig is not None:
            text = str(orig)
        text = scrub(text).splitlines()[0] if text.strip() else ""
    return scrub(text)


def safe_traceback(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
) -> str:
    """A traceback of code (file, line, function, source line) with the messages made safe."""
    lines: list[str] = []
    seen: set[int] = set()
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    for index, item in enumerate(reversed(chain)):
        if index:
            lines.append("\nDuring handling of the above, another error occurred:\n")
        item_tb = tb if item is exc else item.__traceback__
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(item_tb):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line}")
        name = type(item).__qualname__
        module = type(item).__module__
        if module and module != "builtins":
            name = f"{module}.{name}"
        message = safe_message(item, item_tb)
        lines.append(f"{name}: {message}" if message else name)
    return "\n".join(lines)


class ScrubFilter(logging.Filter):
    """Drops records that look like bound SQL parameters; scrubs the rest."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith(_SILENCED):
            return False
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the template only
            message = str(record.msg)
        if looks_like_parameters(message):
            return False
        record.msg = scrub(message)
        record.args = None
        return True


class ScrubFormatter(logging.Formatter):
    """Formats exceptions through ``safe_traceback`` (never another handler's cached text)."""

    def format(self, record: logging.LogRecord) -> str:
        cached = record.exc_text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei) -> str:  # type: ignore[no-untyped-def]
        exc_type, exc, tb = ei
        if exc is None:
            return ""
        return safe_traceback(exc_type, exc, tb)

    def formatStack(self, stack_info: str) -> str:
        return scrub(stack_info)


def setup_logging(paths: AppPaths, level: int = logging.INFO) -> Path:
    """Install the rotating log (once) and return the path of the log file."""
    global _handler
    folder = log_dir(paths)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    if _handler is not None:
        if Path(getattr(_handler, "baseFilename", "")) == path.resolve():
            return path
        root.removeHandler(_handler)
        _handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    handler.setFormatter(ScrubFormatter(FORMAT))
    handler.addFilter(ScrubFilter())
    root.addHandler(handler)
    root.setLevel(level)
    for name in _SILENCED:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.captureWarnings(True)
    _handler = handler
    logging.getLogger("mop_desktop").info("log opened")
    return path
