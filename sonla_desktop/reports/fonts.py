"""Registers the bundled Vietnamese-capable fonts with ReportLab.

ReportLab's built-in PDF fonts (Helvetica, Times) only know Latin-1, so every Vietnamese
letter with a tone mark would print as a black box. We embed Noto Sans / Noto Serif from
resources/fonts instead, never a system font: the app runs on Windows PCs whose font
folders we do not control.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sonla_desktop.paths import font_file

SANS = "VNSans"
SERIF = "VNSerif"

# family name -> (normal, bold, italic, bold italic) file names in resources/fonts
_FAMILIES: dict[str, tuple[str, str, str, str]] = {
    SANS: (
        "NotoSans-Regular.ttf",
        "NotoSans-Bold.ttf",
        "NotoSans-Italic.ttf",
        "NotoSans-BoldItalic.ttf",
    ),
    SERIF: (
        "NotoSerif-Regular.ttf",
        "NotoSerif-Bold.ttf",
        "NotoSerif-Italic.ttf",
        "NotoSerif-BoldItalic.ttf",
    ),
}
_SUFFIXES = ("", "-Bold", "-Italic", "-BoldItalic")

# Reports may be built from the GUI's worker thread while another runs: registration
# mutates ReportLab's global registry, so guard it.
_lock = threading.Lock()
_done = False


def face_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """The ReportLab font name of one face, e.g. ``face_name(SERIF, bold=True)``."""
    return family + _SUFFIXES[(1 if bold else 0) + (2 if italic else 0)]


def register_fonts() -> None:
    """Register the VNSans and VNSerif families (four faces each). Safe to call often."""
    global _done
    if _done:
        return
    with _lock:
        if _done:
            return
        for family, files in _FAMILIES.items():
            for suffix, file_name in zip(_SUFFIXES, files, strict=True):
                path = font_file(file_name)
                if not path.is_file():
                    # An incomplete install, not a user error: say exactly what is missing.
                    raise FileNotFoundError(f"Font file missing from the installation: {path}")
                pdfmetrics.registerFont(TTFont(family + suffix, str(path)))
            normal, bold, italic, bold_italic = (family + s for s in _SUFFIXES)
            pdfmetrics.registerFontFamily(
                family, normal=normal, bold=bold, italic=italic, boldItalic=bold_italic
            )
        _done = True
