"""Package list for setuptools; everything else is in pyproject.toml.

``ui/`` and ``resources/`` sit at the top of the checkout and are installed as the packages
``mop_desktop.ui`` and ``mop_desktop.resources`` (``[tool.setuptools.package-dir]`` maps them).
``[tool.setuptools.packages.find]`` cannot name a package whose folder lies outside
``mop_desktop/``, so the list is made here: every package under ``mop_desktop/`` plus those two.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["mop_desktop", "mop_desktop.*"]),
        "mop_desktop.ui",
        "mop_desktop.resources",
    ]
)
