"""DESIGN.md: only sonla_desktop/ui/ may import Qt, so rules and services run without a screen."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "sonla_desktop"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_nothing_outside_ui_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for module in _imports(path):
            if module.split(".")[0] in QT_MODULES:
                offenders.append(f"{path.relative_to(PACKAGE.parent)} imports {module}")
    assert offenders == []


def test_domain_is_pure():
    # Rules must not reach for the database either.
    offenders = []
    for path in (PACKAGE / "domain").rglob("*.py"):
        for module in _imports(path):
            if module.split(".")[0] in ("sqlalchemy", "alembic", *QT_MODULES):
                offenders.append(f"{path.name} imports {module}")
    assert offenders == []


def test_the_check_itself_sees_qt_imports(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport shiboken6\n")
    assert {"PySide6.QtWidgets", "shiboken6"} <= _imports(sample)
