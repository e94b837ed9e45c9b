"""MOP Desktop: the Member/Officer Relations Protocol workspace for council clerks."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mop-desktop")
except PackageNotFoundError:  # a source checkout that was never installed
    __version__ = "0.1.0"

APP_NAME = "MOP Desktop"
APP_ID = "mop-desktop"
ORG_NAME = "MOP Desktop"
