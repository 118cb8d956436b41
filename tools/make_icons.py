"""Build the app icon's raster forms from resources/icons/app.svg (the one drawn source):
app.png (256 px, Linux desktop files and the About dialog) and app.ico (16-256 px, the
Windows .exe, shortcuts and the .sldsync file type). Run after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py

Qt renders the SVG (the same renderer the app uses); Pillow writes the multi-size ICO.
Below 48 px the "SƠN LA" caption is left out: it would be a grey smear at that size.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: str, size: int) -> Image.Image:
    if size < 48:
        svg = re.sub(r"<text\b.*?</text>", "", svg, flags=re.S)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = (ICONS / "app.svg").read_text(encoding="utf-8")
    images = {size: render(svg, size) for size in ICO_SIZES}
    images[256].save(ICONS / "app.png")
    # Pillow's ICO writer takes the largest image plus the list of sizes to include; the
    # smaller ones are given as their own renders (append_images), not downscaled.
    images[256].save(ICONS / "app.ico", sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES if s != 256])
    print(f"{ICONS / 'app.png'}\n{ICONS / 'app.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
