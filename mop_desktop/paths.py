"""Every folder the app uses, from platformdirs, with the --data-dir / MOP_DATA_DIR override.

Also the one helper that finds shipped files (ui/, resources/) in a source checkout, an
installed wheel and a PyInstaller build.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from mop_desktop import APP_ID, ORG_NAME

ENV_DATA_DIR = "MOP_DATA_DIR"

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Path of a shipped file: ``resource_path("resources", "fonts", "DejaVuSans.ttf")``.

    The first part is ``"resources"`` or ``"ui"``. Frozen builds keep them under
    ``sys._MEIPASS``; wheels inside the package; a source checkout beside the package.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen:
        candidates.append(Path(frozen).joinpath(*parts))
    candidates.append(_PACKAGE_DIR.joinpath(*parts))
    candidates.append(_PACKAGE_DIR.parent.joinpath(*parts))
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[-1]


@dataclass(frozen=True)
class AppPaths:
    """The folders of one data directory. Everything the app writes lives below ``data``."""

    data: Path

    @property
    def policy_db(self) -> Path:
        return self.data / "policy.db"

    @property
    def register_db(self) -> Path:
        return self.data / "register.db"

    @property
    def key_envelope(self) -> Path:
        return self.data / "register.key"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def kept_aside(self) -> Path:
        """Where damaged or pre-migration copies of the stores are kept."""
        return self.data / "kept-aside"

    @property
    def logs(self) -> Path:
        return self.data / "logs"

    @property
    def lock_file(self) -> Path:
        return self.data / "mop-desktop.lock"

    def ensure(self) -> AppPaths:
        self.data.mkdir(parents=True, exist_ok=True)
        return self


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_ID, ORG_NAME, roaming=False))


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """``--data-dir`` first, then ``MOP_DATA_DIR``, then the platform's user data folder."""
    if data_dir:
        return AppPaths(Path(data_dir).expanduser().resolve())
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return AppPaths(Path(env).expanduser().resolve())
    return AppPaths(default_data_dir())


_SYNCED_MARKERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "box sync")


def shared_folder_warning(path: Path) -> str | None:
    """A warning when the data folder sits on a network share or a synced folder."""
    text = str(path).lower()
    if text.startswith("\\\\") or text.startswith("//"):
        return f"The data folder {path} is on a network share: SQLite's locking is not safe there."
    for marker in _SYNCED_MARKERS:
        if marker in text:
            return (
                f"The data folder {path} is inside a synced folder ({marker}): "
                "SQLite's locking is not safe there. Choose a local folder."
            )
    return None
