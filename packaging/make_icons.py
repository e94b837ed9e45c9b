"""Render the application icon from its SVG sources into PNG, ICO (Windows) and ICNS (macOS).

    python packaging/make_icons.py

Reads ``resources/icons/mop-desktop.svg`` (large sizes) and ``mop-desktop-small.svg`` (16-32 px,
fewer and thicker shapes so it stays legible), writes ``mop-desktop-<N>.png`` for every size,
``mop-desktop.ico`` and ``mop-desktop.icns`` beside them. Rendering uses Qt's QSvgRenderer; the
ICO and ICNS containers are written with Pillow (the ``build`` extra). Run it after editing an
SVG and commit the results: the build itself does not regenerate them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL_UP_TO = 32
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def render(svg: Path, size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG for Qt")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"{out}: could not be written")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    large, small = ICONS / "mop-desktop.svg", ICONS / "mop-desktop-small.svg"
    pngs: dict[int, Path] = {}
    for size in SIZES:
        out = ICONS / f"mop-desktop-{size}.png"
        render(small if size <= SMALL_UP_TO else large, size, out)
        pngs[size] = out
        print(f"wrote {out.relative_to(ICONS.parent.parent)}")

    from PIL import Image

    def images(sizes: tuple[int, ...]) -> list[Image.Image]:
        return [Image.open(pngs[s]).convert("RGBA") for s in sizes]

    ico = images(ICO_SIZES)
    ico[-1].save(
        ICONS / "mop-desktop.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=ico[:-1],
    )
    print("wrote resources/icons/mop-desktop.ico")
    # ICNS's largest entry is 512@2x: render it at 1024 rather than let Pillow scale up.
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "1024.png"
        render(large, 1024, big)
        icns = [*images(ICNS_SIZES), Image.open(big).convert("RGBA")]
        icns[-1].load()
    icns[-1].save(ICONS / "mop-desktop.icns", format="ICNS", append_images=icns[:-1])
    print("wrote resources/icons/mop-desktop.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
