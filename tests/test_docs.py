"""The documentation holds together: every relative link in the README and the Markdown pages
leads to a file that exists (and to a heading that exists), and the README stays a front door."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.doc_links import anchors, relative_links, slug


def _pages() -> list[Path]:
    pages = [ROOT / name for name in ("README.md", "CHANGELOG.md", "CONTRIBUTING.md")]
    pages += sorted((ROOT / "docs").rglob("*.md"))
    pages += [ROOT / "resources" / "help" / "user-guide.md"]
    return [page for page in pages if page.exists()]


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(page: Path) -> None:
    broken = []
    for target, anchor, line in relative_links(page):
        where = f"{page.relative_to(ROOT)}:{line}"
        if not target.exists():
            broken.append(f"{where}: no such file {target.relative_to(ROOT)}")
        elif anchor and target.suffix == ".md" and anchor not in anchors(target):
            broken.append(f"{where}: no heading #{anchor} in {target.relative_to(ROOT)}")
    assert broken == []


def test_the_link_check_notices_a_broken_link(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    (tmp_path / "there.md").write_text("# Here it is\n\n## Twice\n\n## Twice\n", encoding="utf-8")
    page.write_text(
        "[ok](there.md#here-it-is) [second](there.md#twice-1) [web](https://example.org)\n"
        "[gone](missing.md) `[code](not-a-link.md)`\n"
        "```\n[fenced](also-not-a-link.md)\n```\n",
        encoding="utf-8",
    )
    links = [(target.name, anchor) for target, anchor, _line in relative_links(page)]
    assert links == [("there.md", "here-it-is"), ("there.md", "twice-1"), ("missing.md", "")]
    assert anchors(tmp_path / "there.md") == {"here-it-is", "twice", "twice-1"}
    assert slug("The build on GitHub, and making a release") == (
        "the-build-on-github-and-making-a-release"
    )


def test_the_readme_is_a_front_door() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) < 15_000
    # the Quick start's test command is what CI runs
    assert "bash tests/run.sh" in readme
    assert "bash tests/run.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "docs/images/window.png" in readme
    assert (ROOT / "docs" / "images" / "window.png").stat().st_size < 250_000
