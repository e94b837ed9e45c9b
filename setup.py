"""Package list for setuptools; everything else is in pyproject.toml.

``ui/`` and ``resources/`` sit at the top of the checkout and are installed as the packages
``mop_desktop.ui`` and ``mop_desktop.resources`` (``[tool.setuptools.package-dir]`` maps them).
``[tool.setuptools.packages.find]`` cannot name a package whose folder lies outside
``mop_desktop/``, so the list is made here: every package under ``mop_desktop/``, those two and
their subfolders (resources/fonts, resources/icons, ...), whose files pyproject's package-data
takes in.
"""

from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent


def data_packages(folder: str, package: str) -> list[str]:
    root = HERE / folder
    names = [package]
    for sub in sorted(p for p in root.rglob("*") if p.is_dir() and "__pycache__" not in p.parts):
        names.append(".".join([package, *sub.relative_to(root).parts]))
    return names


setup(
    packages=[
        *find_packages(include=["mop_desktop", "mop_desktop.*"]),
        *data_packages("ui", "mop_desktop.ui"),
        *data_packages("resources", "mop_desktop.resources"),
    ]
)
