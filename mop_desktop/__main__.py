import sys

from mop_desktop.cli import main

sys.exit(main())
