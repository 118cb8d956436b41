"""Before `make run` / `make test`: are the system libraries Qt needs installed?

PySide6's wheels carry Qt itself but not the X11/EGL/font libraries of the system, and when
one is missing Qt's own message names only the first plugin that failed (often not the
missing library). This runs `ldd` over the Qt parts the target really loads and, if a
library is missing, prints the one `apt-get install` line that fixes it, then fails.

    python tools/preflight.py run    # the window: the xcb platform plugin and its libraries
    python tools/preflight.py test   # the test suite: the offscreen plugin is enough

Standard library only; nothing is imported from PySide6 (that would fail on the very
problem this looks for). Outside Linux, or without `ldd`, there is nothing to check.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Qt modules the program imports (ui/), as their shared libraries in PySide6/Qt/lib, and
# the image/print plugins it uses (the SVG icon, printing the dossier).
QT_LIBS = ("Core", "Gui", "Widgets", "Svg", "PrintSupport", "Pdf", "PdfWidgets", "Charts")
COMMON_PLUGINS = ("imageformats/libqsvg.so",)
PLATFORM_PLUGINS = {
    "run": ("platforms/libqxcb.so", "xcbglintegrations/libqxcb-egl-integration.so",
            "xcbglintegrations/libqxcb-glx-integration.so"),
    "test": ("platforms/libqoffscreen.so",),
}

# Debian/Ubuntu package of each library a Qt 6 wheel links against (checked with `dpkg -S`
# on Debian 12). A name not listed is derived from the soname the Debian way
# (libfoo.so.1 -> libfoo1, libfoo-2.so.3 -> libfoo-2-3), which is right for most.
PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libGLdispatch.so.0": "libglvnd0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libpng16.so.16": "libpng16-16",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libharfbuzz.so.0": "libharfbuzz0b",
    "libexpat.so.1": "libexpat1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libICE.so.6": "libice6",
    "libSM.so.6": "libsm6",
    "libcups.so.2": "libcups2",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    **{f"{name}.so.{n}": "libc6" for name, n in (
        ("libc", 6), ("libm", 6), ("libdl", 2), ("libpthread", 0), ("libresolv", 2), ("librt", 1))},
}
# Without any font Qt draws empty boxes; DejaVu covers every Vietnamese letter.
FONT_PACKAGE = "fonts-dejavu-core"
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")


def debian_package(soname: str) -> str:
    if soname in PACKAGES:
        return PACKAGES[soname]
    match = re.fullmatch(r"lib(.+)\.so\.(\d+)(?:\..*)?", soname)
    if not match:
        return soname
    name, major = match.group(1).lower().replace("_", "-"), match.group(2)
    return f"lib{name}-{major}" if name[-1].isdigit() else f"lib{name}{major}"


def pyside_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def files_to_check(pyside: Path, target: str) -> list[Path]:
    qt = pyside / "Qt"
    files = [qt / "lib" / f"libQt6{name}.so.6" for name in QT_LIBS]
    plugins = [*COMMON_PLUGINS, *PLATFORM_PLUGINS[target]]
    if target == "run":  # printing the dossier goes through CUPS when it is there
        plugins.append("printsupport/libcupsprintersupport.so")
    files += [qt / "plugins" / name for name in plugins]
    return [f for f in files if f.exists()]


def missing_libraries(files: list[Path]) -> dict[str, list[str]]:
    """soname -> the checked files that need it (ldd reports indirect needs too)."""
    missing: dict[str, list[str]] = {}
    for path in files:
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "=> not found" in line:
                missing.setdefault(line.split("=>")[0].strip(), []).append(path.name)
    return missing


def has_fonts() -> bool:
    for folder in FONT_DIRS:
        root = Path(os.path.expanduser(folder))
        if root.is_dir() and any(p.suffix.lower() in {".ttf", ".otf", ".ttc", ".pfb"}
                                 for p in root.rglob("*")):
            return True
    return False


def main(argv: list[str]) -> int:
    target = argv[0] if argv else "run"
    if target not in PLATFORM_PLUGINS:
        print(f"usage: preflight.py {'|'.join(PLATFORM_PLUGINS)}", file=sys.stderr)
        return 2
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return 0
    pyside = pyside_dir()
    if pyside is None:
        print("PySide6 chưa được cài / PySide6 is not installed (make creates .venv first).",
              file=sys.stderr)
        return 1
    missing = missing_libraries(files_to_check(pyside, target))
    packages = sorted({debian_package(name) for name in missing})
    if target == "run" and not has_fonts():
        packages.append(FONT_PACKAGE)
    if not packages:
        return 0
    print("Thiếu thư viện hệ thống cho Qt / Qt needs system libraries that are missing:",
          file=sys.stderr)
    for name, users in sorted(missing.items()):
        print(f"  {name}  ({', '.join(sorted(set(users))[:3])})", file=sys.stderr)
    if FONT_PACKAGE in packages:
        print("  (không có phông chữ nào / no fonts installed)", file=sys.stderr)
    sudo = "" if os.geteuid() == 0 else "sudo "
    print("Cài bằng lệnh / install them with:", file=sys.stderr)
    print(f"  {sudo}apt-get install {' '.join(packages)}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
