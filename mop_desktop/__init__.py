"""MOP Desktop: the Member/Officer Relations Protocol workspace for council clerks."""

APP_NAME = "MOP Desktop"
APP_ID = "mop-desktop"
ORG_NAME = "MOP Desktop"


def __getattr__(name: str) -> str:
    """``__version__``, read from the package's metadata when first asked for: finding it
    costs more than a light command such as ``remind`` takes otherwise."""
    if name != "__version__":
        raise AttributeError(f"module 'mop_desktop' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("mop-desktop")
    except PackageNotFoundError:  # a source checkout that was never installed
        found = "0.1.0"
    globals()["__version__"] = found
    return found
