"""MOP Desktop: the Member/Officer Relations Protocol workspace for council clerks."""

APP_NAME = "MOP Desktop"
APP_ID = "mop-desktop"
ORG_NAME = "MOP Desktop"


def __getattr__(name: str) -> str:
    """``__version__``, read from the package's metadata when first asked for."""
    if name != "__version__":
        raise AttributeError(f"module 'mop_desktop' has no attribute {name!r}")
    found = installed_version()
    globals()["__version__"] = found
    return found


def installed_version() -> str:
    """The version in this package's metadata (a ``.dist-info`` or ``.egg-info`` folder on
    ``sys.path``, as ``importlib.metadata.version`` finds it, the PyInstaller build included),
    or "0.1.0" in a source checkout that was never installed. Read directly, without
    importing ``importlib.metadata`` (docs/dev/performance.md, start-up)."""
    import os
    import sys

    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or os.curdir))
        except OSError:  # a zip file or a missing folder
            continue
        for folder in names:
            stem, _, kind = folder.rpartition(".")
            if kind not in ("dist-info", "egg-info"):
                continue
            if stem.split("-", 1)[0].lower().replace("-", "_") != "mop_desktop":
                continue
            meta = os.path.join(
                entry or os.curdir, folder, "METADATA" if kind == "dist-info" else "PKG-INFO"
            )
            try:
                with open(meta, encoding="utf-8") as handle:
                    for line in handle:
                        if line.startswith("Version:"):
                            return line.split(":", 1)[1].strip()
                        if not line.strip():  # the headers end at the first empty line
                            break
            except OSError:
                continue
    return "0.1.0"
