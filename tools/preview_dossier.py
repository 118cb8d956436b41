"""Render the sample loan dossier and its pages as PNGs, to look at the layout.

Usage: python tools/preview_dossier.py [OUT_DIR] [RESOLUTION]
Needs pdftoppm (Debian: apt-get install poppler-utils).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sonla_desktop.reports.dossier import render_dossier, sample_dossier_data  # noqa: E402


def main() -> int:
    out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/dossier_pages")
    resolution = sys.argv[2] if len(sys.argv) > 2 else "60"
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("page-*.png"):
        old.unlink()
    pdf = out_dir / "dossier.pdf"
    render_dossier(sample_dossier_data(), pdf)
    if shutil.which("pdftoppm") is None:
        print(f"{pdf} written; install poppler-utils for PNG pages")
        return 0
    subprocess.run(["pdftoppm", "-png", "-r", resolution, str(pdf), str(out_dir / "page")],
                   check=True)
    for png in sorted(out_dir.glob("page-*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
