"""tools/preflight.py: the apt-get line it prints must name the packages that really hold the
libraries Qt's plugins need (checked against dpkg on this Debian machine)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("preflight", ROOT / "tools" / "preflight.py")
preflight = importlib.util.module_from_spec(spec)
spec.loader.exec_module(preflight)


def test_sonames_map_to_debian_package_names():
    assert preflight.debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert preflight.debian_package("libxcb-keysyms.so.1") == "libxcb-keysyms1"
    assert preflight.debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert preflight.debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert preflight.debian_package("libEGL.so.1") == "libegl1"
    assert preflight.debian_package("libglib-2.0.so.0") == "libglib2.0-0"
    assert preflight.debian_package("libdbus-1.so.3") == "libdbus-1-3"


@pytest.mark.skipif(shutil.which("dpkg") is None or shutil.which("ldd") is None,
                    reason="needs a Debian/Ubuntu system (dpkg, ldd)")
def test_every_library_qt_loads_maps_to_the_package_that_owns_it():
    files = {f for target in ("run", "test")
             for f in preflight.files_to_check(preflight.pyside_dir(), target)}
    assert any(f.name == "libqxcb.so" for f in files)
    needed: dict[str, str] = {}  # soname -> resolved path
    for path in files:
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[1] == "=>" and parts[2].startswith("/") \
                    and "PySide6" not in parts[2]:
                needed[parts[0]] = parts[2]
    # One dpkg call for all: "package:arch: /path" per owned file. With merged /usr, dpkg
    # knows either the path ldd printed or its resolved form, so ask for both.
    paths = sorted({p for path in needed.values() for p in (path, str(Path(path).resolve()))})
    out = subprocess.run(["dpkg", "-S", *paths], capture_output=True, text=True).stdout
    owner = {line.split(": ", 1)[1]: line.split(":")[0] for line in out.splitlines()}
    wrong = {}
    for soname, path in needed.items():
        package = owner.get(path) or owner.get(str(Path(path).resolve()))
        if package and package != preflight.debian_package(soname):
            wrong[soname] = (package, preflight.debian_package(soname))
    assert len(owner) > 20 and wrong == {}


def test_all_present_means_silent_success():
    # This machine has what the test suite needs (it is running it).
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "preflight.py"), "test"],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stderr == ""
