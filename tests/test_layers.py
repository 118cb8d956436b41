"""DESIGN.md layers, and the "one door" of issue 14.

Only sonla_desktop/ui/ may import Qt, so rules and services run without a screen. Screens
(ui/) and commands (commands/) reach the data only through services/: they import neither
the ORM models, nor the database module, nor the renderers in reports/, and open no
session themselves; so every read, print, export and import is a service function taking
the ServiceContext, where a permission check and an audit row can be added in one place.
reports/ draws from data classes it defines itself and imports neither services nor models.

Imports are resolved as Python resolves them: ``from ..models import X`` inside
``sonla_desktop/ui/pages/x.py`` is ``sonla_desktop.models``, and ``from .. import db`` is
``sonla_desktop.db``. Imports inside functions and under ``TYPE_CHECKING`` count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "sonla_desktop"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
PKG = "sonla_desktop"

# The composition roots: the only screens/commands that open (or create) the database file.
# They build the ServiceContext everything else receives.
COMPOSITION_ROOTS = {
    "sonla_desktop/commands/common.py",   # context(args): every CLI command's database
    "sonla_desktop/commands/setup.py",    # `init` opens a database that may not exist yet
    "sonla_desktop/ui/app.py",            # the GUI's start: open, migrate, first-run wizard
    "sonla_desktop/ui/first_run.py",      # the wizard initialises the database it is given
    "sonla_desktop/ui/login_dialog.py",   # logging in is what makes the ServiceContext
    "sonla_desktop/ui/screenshots.py",    # builds demo databases to photograph the screens
}

# Which layer may not import what (module prefixes, resolved).
FORBIDDEN = {
    "ui": (f"{PKG}.models", f"{PKG}.db", f"{PKG}.reports", "sqlalchemy", "alembic"),
    "commands": (f"{PKG}.models", f"{PKG}.db", f"{PKG}.reports", "sqlalchemy", "alembic"),
    "reports": (f"{PKG}.services", f"{PKG}.models", f"{PKG}.db", "sqlalchemy"),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(path: Path, node: ast.ImportFrom) -> str:
    """The absolute module of a ``from`` import, relative levels resolved."""
    if node.level == 0:
        return node.module or ""
    own = _module_name(path).split(".")
    package = own if path.name == "__init__.py" else own[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, absolute; ``from a import b`` also yields ``a.b``
    (b may be a sub-module: ``from .. import db``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = _resolve(path, node)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _session_calls(path: Path) -> list[int]:
    """Lines that open a database session or transaction (``x.session()``,
    ``x.transaction()``): only services do that."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("session", "transaction")]


def _is_under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def _layer_offenders() -> list[str]:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).as_posix()
        layer = path.relative_to(PACKAGE).parts[0]
        if layer not in FORBIDDEN or rel in COMPOSITION_ROOTS:
            continue
        for module in sorted(_imports(path)):
            if any(_is_under(module, bad) for bad in FORBIDDEN[layer]):
                offenders.append(f"{rel} imports {module}")
        if layer in ("ui", "commands"):
            offenders.extend(f"{rel}:{line} opens a session" for line in _session_calls(path))
    return offenders


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
            if module.split(".")[0] in ("sqlalchemy", "alembic", *QT_MODULES) or any(
                    _is_under(module, f"{PKG}.{layer}") for layer in
                    ("models", "db", "services", "reports", "ui", "commands", "sync")):
                offenders.append(f"{path.name} imports {module}")
    assert offenders == []


def test_one_door_screens_and_commands_go_through_services():
    assert _layer_offenders() == []


# What a screen or a command may import from the package: the services (the one door),
# the pure rules, the error types and where files live. Everything else (sync/,
# search_index, files, models, db, reports) is reached through a service.
# redact: the crash report's scrubbing of personal data, pure text work like errors.
SCREEN_ALLOWED = (f"{PKG}.services", f"{PKG}.domain", f"{PKG}.errors", f"{PKG}.paths",
                  f"{PKG}.redact")


def _is_package_attribute(module: str) -> bool:
    """``sonla_desktop`` itself or a name defined in its ``__init__`` (``__version__``,
    ``APP_TITLE_VI``), as opposed to one of its modules."""
    parts = module.split(".")
    if len(parts) == 1:
        return True
    if len(parts) > 2:
        return False
    return not ((PACKAGE / parts[1]).is_dir() or (PACKAGE / f"{parts[1]}.py").is_file())


def _screen_offenders() -> list[str]:
    offenders = []
    for layer in ("ui", "commands"):
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            rel = path.relative_to(PACKAGE.parent).as_posix()
            if rel in COMPOSITION_ROOTS:
                continue
            own = (f"{PKG}.{layer}",)
            for module in _imports(path):
                if not _is_under(module, PKG) or _is_package_attribute(module):
                    continue
                if not any(_is_under(module, ok) for ok in SCREEN_ALLOWED + own):
                    offenders.append(f"{rel} imports {module}")
    return offenders


def test_screens_and_commands_import_only_services_and_domain():
    assert _screen_offenders() == []


def test_composition_roots_exist():
    # A renamed root would otherwise silently widen nothing but leave a stale exception.
    for rel in COMPOSITION_ROOTS:
        assert (PACKAGE.parent / rel).is_file(), rel


def test_the_check_itself_sees_qt_imports(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport shiboken6\n")
    assert {"PySide6.QtWidgets", "shiboken6"} <= _imports(sample)


def test_the_check_resolves_relative_imports():
    # Checked on real files, so the resolution follows the package layout.
    form = PACKAGE / "ui" / "pages" / "x.py"
    tree_from = ast.parse("from ...models import Worker\nfrom ... import db\n"
                          "from ..widgets import y\nfrom . import z\n")
    resolved = {_resolve(form, n) for n in tree_from.body}
    assert resolved == {f"{PKG}.models", PKG, f"{PKG}.ui.widgets", f"{PKG}.ui.pages"}
    init = PACKAGE / "reports" / "__init__.py"
    assert _resolve(init, ast.parse("from ..services import x").body[0]) == f"{PKG}.services"


def test_the_check_catches_a_relative_model_import_and_a_session(tmp_path):
    # A screen that walks past the services, written the way the old screens did.
    fake = tmp_path / "sonla_desktop"
    (fake / "ui" / "pages").mkdir(parents=True)
    (fake / "reports").mkdir()
    (fake / "ui" / "pages" / "bad.py").write_text(
        "from ...models import Worker\nfrom ... import db\nfrom ...sync.keys import x\n"
        "from ... import __version__\n"
        "def f(ctx):\n    with ctx.db.session() as s:\n        return s\n")
    (fake / "reports" / "bad.py").write_text("from ..services.flyers import FlyerData\n")
    globals()["PACKAGE"], saved = fake, PACKAGE
    try:
        found = _layer_offenders()
        screens = _screen_offenders()
    finally:
        globals()["PACKAGE"] = saved
    assert "sonla_desktop/ui/pages/bad.py imports sonla_desktop.models" in found
    assert "sonla_desktop/ui/pages/bad.py imports sonla_desktop.db" in found
    assert "sonla_desktop/ui/pages/bad.py:6 opens a session" in found
    assert "sonla_desktop/reports/bad.py imports sonla_desktop.services.flyers" in found
    assert "sonla_desktop/ui/pages/bad.py imports sonla_desktop.sync.keys" in screens
    assert not any("__version__" in line for line in screens)
