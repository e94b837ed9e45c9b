"""Write constraints.txt from the environment the tests passed in.

    .venv/bin/python packaging/constraints.py            # rewrite constraints.txt
    .venv/bin/python packaging/constraints.py --check    # exit 1 if it would change

Pins every distribution that pyproject.toml's dependencies and its ``test``, ``dev`` and
``build`` extras pull in, at the version installed in the running interpreter's environment.
Packages needed only on another operating system (which this environment cannot see) are kept
from the existing file's last block, below the line that starts with ``# only on``; refresh those
by hand (docs/dev/release.md, "Pinned versions").
"""

from __future__ import annotations

import importlib.metadata as md
import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "constraints.txt"
EXTRAS = ("test", "dev", "build")
HEADER = """\
# Pinned versions for CI (tests/run.sh) and the packaged build (packaging/build.sh, build.ps1):
#   pip install -c constraints.txt -e '.[test,dev]'      (CI)
#   pip install -c constraints.txt '.[build]'            (the installer)
# A constraint only fixes the version of a package that something asks for; it installs nothing
# by itself. Written by packaging/constraints.py; how to refresh it: docs/dev/release.md.
"""
OTHER_SYSTEMS = "# only on"


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def roots() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = list(project["dependencies"])
    for extra in EXTRAS:
        found += project.get("optional-dependencies", {}).get(extra, [])
    return found


def pins() -> tuple[dict[str, str], list[str]]:
    """(name -> installed version, names asked for but not installed)."""
    pinned: dict[str, str] = {}
    missing: list[str] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    todo = [Requirement(text) for text in roots()]
    while todo:
        req = todo.pop()
        key = (normal(req.name), tuple(sorted(req.extras)))
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = md.distribution(req.name)
        except md.PackageNotFoundError:
            missing.append(req.name)
            continue
        pinned[normal(req.name)] = dist.version
        for text in dist.requires or []:
            child = Requirement(text)
            extras = req.extras or {""}
            if child.marker and not any(child.marker.evaluate({"extra": e}) for e in extras):
                continue
            todo.append(child)
    return pinned, sorted(set(missing))


def other_systems_block(text: str) -> str:
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.startswith(OTHER_SYSTEMS):
            return "\n".join(lines[number:]) + "\n"
    return ""


def render(pinned: dict[str, str], old: str) -> str:
    body = "".join(f"{name}=={pinned[name]}\n" for name in sorted(pinned))
    return HEADER + body + other_systems_block(old)


def main(argv: list[str]) -> int:
    pinned, missing = pins()
    if missing:
        print(f"constraints.py: not installed here: {', '.join(missing)}", file=sys.stderr)
        return 2
    old = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    new = render(pinned, old)
    if "--check" in argv:
        if new != old:
            print(
                "constraints.py: constraints.txt is not what this environment holds",
                file=sys.stderr,
            )
            return 1
        return 0
    TARGET.write_text(new, encoding="utf-8")
    print(f"constraints.txt: {len(pinned)} pins")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
