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
_registered = False


def register_fonts() -> str:
    """Register the family (once) and return its name for ``fontName``."""
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if _registered:
            return FAMILY
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
            path = resource_path("resources", "fonts", f"{name}.ttf")
            if not path.exists():
                raise FileNotFoundError(f"font {path.name} is missing from this installation")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        # <b>/<i> inside a Paragraph look the family up through these mappings.
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD_ITALIC)
        _registered = True
    return FAMILY
