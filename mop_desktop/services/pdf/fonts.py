"""The shipped DejaVu Sans family, registered with reportlab once per process.

Every style, table and bullet uses these names, so every font in the PDF is embedded
(reportlab's own Helvetica is never embedded and covers no Welsh ŵ or ŷ).
"""

from __future__ import annotations

import threading

from mop_desktop.paths import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FAMILY = "DejaVuSans"

_lock = threading.Lock()
_registered: set[str] = set()


def register_fonts(italic: bool = False) -> str:
    """Register the family (once) and return its name for ``fontName``. Reading a font file
    is a good part of a small export's time, so the oblique faces are read only when a
    document asks for italics (the council-pack report's notes)."""
    wanted = (REGULAR, BOLD, ITALIC, BOLD_ITALIC) if italic else (REGULAR, BOLD)
    if _registered.issuperset(wanted):
        return FAMILY
    with _lock:
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name in wanted:
            if name in _registered:
                continue
            path = resource_path("resources", "fonts", f"{name}.ttf")
            if not path.exists():
                raise FileNotFoundError(f"font {path.name} is missing from this installation")
            pdfmetrics.registerFont(TTFont(name, str(path)))
            _registered.add(name)
        # <b>/<i> inside a Paragraph look the family up through these mappings; until the
        # oblique faces are read, italics fall back to the upright ones (never Helvetica).
        has_italic = ITALIC in _registered
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC if has_italic else REGULAR)
        addMapping(FAMILY, 1, 1, BOLD_ITALIC if has_italic else BOLD)
        pdfmetrics.registerFontFamily(
            FAMILY,
            normal=REGULAR,
            bold=BOLD,
            italic=ITALIC if has_italic else REGULAR,
            boldItalic=BOLD_ITALIC if has_italic else BOLD,
        )
    return FAMILY
