"""Entry point of the PyInstaller build: the same as the ``mop-desktop`` console script."""

import multiprocessing
import sys

from mop_desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
